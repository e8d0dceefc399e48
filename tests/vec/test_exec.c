// SPDX-License-Identifier: Apache-2.0
/*
 * Executor: the hook order a lockstep harness relies on (register write
 * first, then the requests it unblocked), the pending queue, the ISR
 * expansion per variant, and expectation failures.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "sysmmu/regs.h"
#include "sysmmu/vec.h"

#define H5 "sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
#define H3 "sysmmu-vec 1\nvariant 3\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"

struct log {
	char text[8192];
	unsigned fails;
	const struct vec *v;
};

static void add(struct log *l, const char *s)
{
	size_t n = strlen(l->text);

	snprintf(l->text + n, sizeof(l->text) - n, "%s;", s);
}

static void h_mem(void *ctx, const struct vec_op *op)
{
	char b[64];

	snprintf(b, sizeof(b), "mem@%u", op->line);
	add(ctx, b);
}

static void h_reg(void *ctx, const struct vec_op *op, bool write, uint32_t off,
		  uint32_t wdata, uint32_t rdata, int err)
{
	char b[64];

	snprintf(b, sizeof(b), "%s@%u:%03x=%x%s", write ? "wr" : "rd", op->line, off,
		 write ? wdata : rdata, err ? "!" : "");
	add(ctx, b);
}

static void h_issue(void *ctx, const struct vec_op *op, const struct sysmmu_req *req)
{
	char b[64];

	snprintf(b, sizeof(b), "issue@%u:%x", op->line, req->va);
	add(ctx, b);
}

static void h_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		    const struct sysmmu_result *res)
{
	char b[64];

	(void)req;
	snprintf(b, sizeof(b), "xlate@%u:%llx/%d", op->line, (unsigned long long)res->pa,
		 res->fault);
	add(ctx, b);
}

static void h_idle(void *ctx, const struct vec_op *op, unsigned cycles)
{
	char b[64];

	snprintf(b, sizeof(b), "idle@%u:%u", op->line, cycles);
	add(ctx, b);
}

static void h_check(void *ctx, const struct vec_op *op, bool irq, bool blocked)
{
	char b[64];

	snprintf(b, sizeof(b), "check@%u:%d%d", op->line, irq, blocked);
	add(ctx, b);
}

static void h_fail(void *ctx, const struct vec_op *op, const char *msg)
{
	struct log *l = ctx;
	char b[200];

	l->fails++;
	snprintf(b, sizeof(b), "FAIL@%u:%s", op->line, msg);
	add(ctx, b);
}

/* Runs text; returns the log. pending receives vexec_pending at the end. */
static void run(const char *text, struct log *l, size_t *pending)
{
	struct vexec_hooks h = { l, h_mem, h_reg, h_issue, h_xlate, h_idle, h_check, h_fail };
	char err[256];
	struct vec v;
	struct sysmmu_config cfg;
	struct vmem *m = vmem_create();
	struct sysmmu *s;
	struct vexec *x;
	size_t i;

	memset(l, 0, sizeof(*l));
	cr_assert_eq(vec_parse_string("x.vec", text, &v, err, sizeof(err)), 0, "%s", err);
	cfg = (struct sysmmu_config){ v.variant, v.tlb_entries, v.flpd_entries, v.id_width };
	s = sysmmu_create(&cfg, vmem_read_cb, m);
	x = vexec_create(&v, s, m, &h);
	for (i = 0; i < v.n_ops; i++)
		vexec_step(x, i);
	cr_assert_eq(vexec_failures(x), l->fails);
	if (pending)
		*pending = vexec_pending(x);
	vexec_destroy(x);
	sysmmu_destroy(s);
	vmem_destroy(m);
	vec_free(&v);
}

Test(exec, unblock_order)
{
	struct log l;
	size_t pending;

	run(H5 "wr MMU_CTRL 2\n"            /* 6: blocked, bypass */
	       "xlate r 0x1000\n"            /* 7 */
	       "idle 5\n"                    /* 8 */
	       "xlate w 0x2000\n"            /* 9 */
	       "check blocked=1\n"           /* 10 */
	       "wr MMU_CTRL 0\n"             /* 11 */
	       "xlate r 0x3000\n"            /* 12 */
	       "mem 0x100 0x1\n",            /* 13 */
	    &l, &pending);
	cr_assert_str_eq(l.text,
		"wr@6:000=2;issue@7:1000;idle@8:5;issue@9:2000;check@10:01;"
		"wr@11:000=0;xlate@7:1000/0;xlate@9:2000/0;issue@12:3000;xlate@12:3000/0;"
		"mem@13;");
	cr_assert_eq(pending, 0);
}

Test(exec, pending_at_end_is_reported)
{
	struct log l;
	size_t pending;

	run(H5 "wr MMU_CTRL 7\nxlate r 0x1000\nxlate r 0x2000\nrd MMU_STATUS == 1\n", &l, &pending);
	cr_assert_eq(pending, 2);
	cr_assert_eq(l.fails, 0);
}

/* Behind a fault, requests wait; the ISR's CTRL write drains them. */
Test(exec, fault_then_isr_v5)
{
	struct log l;

	run(H5 "wr PT_BASE_PFN 0x100\n"                    /* 6 */
	       "wr MMU_CTRL 5\n"                           /* 7 */
	       "xlate r 0x00500000 id=3 len=2 => fault=page_fault\n"   /* 8 */
	       "xlate r 0x1000\n"                          /* 9 */
	       "isr fault=page_fault va=0x00500000\n",     /* 10 */
	    &l, NULL);
	cr_assert_str_eq(l.text,
		"wr@6:00c=100;wr@7:000=5;issue@8:500000;xlate@8:0/1;issue@9:1000;"
		"rd@10:060=2;rd@10:070=500000;rd@10:078=20003;wr@10:064=2;wr@10:000=5;"
		"xlate@9:0/1;");
	cr_assert_eq(l.fails, 0);
}

Test(exec, isr_v3_write_side)
{
	struct log l;

	run(H3 "wr MMU_CTRL 5\n"                           /* 6 */
	       "xlate w 0x00500000 id=1 => fault=page_fault\n"  /* 7 */
	       "isr fault=page_fault va=0x00500000\n"      /* 8 */
	       "isr fault=none\n",                         /* 9 */
	    &l, NULL);
	cr_assert_str_eq(l.text,
		"wr@6:000=5;issue@7:500000;xlate@7:0/1;"
		"rd@8:018=1;rd@8:024=500000;rd@8:04c=100001;wr@8:01c=1;wr@8:000=5;"
		"rd@9:018=0;");
	cr_assert_eq(l.fails, 0);
}

Test(exec, expectation_failures)
{
	struct log l;

	run(H5 "xlate r 0x1000 => pa=0x2000\n"         /* 6: bypass gives 0x1000 */
	       "xlate r 0x1000 => hit\n"               /* 7 */
	       "xlate r 0x1000 => fault=page_fault\n"  /* 8 */
	       "rd MMU_VERSION == 0x1\n"               /* 9 */
	       "check irq=1 blocked=1\n"               /* 10: two failures */
	       "isr fault=page_fault va=0\n"           /* 11 */
	       "xlate r 0x1000 => pa=0x1000 miss\n",   /* 12: holds */
	    &l, NULL);
	cr_assert_eq(l.fails, 7, "%s", l.text);
	cr_assert(strstr(l.text, "FAIL@6:expected pa=0x2000, model gave pa=0x000001000"), "%s", l.text);
	cr_assert(strstr(l.text, "FAIL@7:expected hit, model gave miss"), "%s", l.text);
	cr_assert(strstr(l.text, "FAIL@9:expected 0x00000001"), "%s", l.text);
	cr_assert(strstr(l.text, "FAIL@11:isr: expected fault=page_fault, INT_STATUS is 0"),
		  "%s", l.text);
}

Test(exec, null_hooks)
{
	const char *text = H5 "wr MMU_CTRL 7\nxlate r 0\nwr MMU_CTRL 0\nisr\ncheck irq=0\n";
	char err[256];
	struct vec v;
	struct sysmmu_config cfg = { SYSMMU_V5, 32, 8, 16 };
	struct vmem *m = vmem_create();
	struct sysmmu *s = sysmmu_create(&cfg, vmem_read_cb, m);
	struct vexec *x;
	size_t i;

	cr_assert_eq(vec_parse_string("n", text, &v, err, sizeof(err)), 0);
	x = vexec_create(&v, s, m, NULL);
	for (i = 0; i < v.n_ops; i++)
		vexec_step(x, i);
	cr_assert_eq(vexec_failures(x), 0);
	cr_assert_eq(vexec_pending(x), 0);
	vexec_destroy(x);
	sysmmu_destroy(s);
	vmem_destroy(m);
	vec_free(&v);
}
