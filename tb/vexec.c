// SPDX-License-Identifier: Apache-2.0
/*
 * Vector executor: runs the ops of a vector on the reference model, in the
 * order the hardware would see them, and reports every step through hooks so
 * that a lockstep harness can replay the same steps on the RTL.
 *
 * Pending-request rule (docs/vectors.md): an XLATE that cannot be accepted
 * (the MMU is blocked, or earlier requests still wait) is queued; after every
 * register write the queue drains in order while the MMU accepts.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/regs.h"
#include "sysmmu/vec.h"

struct vexec {
	const struct vec *v;
	struct sysmmu *model;
	struct vmem *mem;
	struct vexec_hooks hooks;
	size_t *queue;           /* ring of op indices waiting for acceptance */
	size_t q_head, q_len, q_cap;
	unsigned failures;
};

struct vexec *vexec_create(const struct vec *v, struct sysmmu *model,
			   struct vmem *mem, const struct vexec_hooks *hooks)
{
	struct vexec *x = calloc(1, sizeof(*x));

	if (!x)
		return NULL;
	x->v = v;
	x->model = model;
	x->mem = mem;
	if (hooks)
		x->hooks = *hooks;
	x->q_cap = 64;
	x->queue = malloc(x->q_cap * sizeof(*x->queue));
	if (!x->queue) {
		free(x);
		return NULL;
	}
	return x;
}

void vexec_destroy(struct vexec *x)
{
	if (!x)
		return;
	free(x->queue);
	free(x);
}

size_t vexec_pending(const struct vexec *x)
{
	return x->q_len;
}

unsigned vexec_failures(const struct vexec *x)
{
	return x->failures;
}

static void fail(struct vexec *x, const struct vec_op *op, const char *msg)
{
	x->failures++;
	if (x->hooks.expect_fail)
		x->hooks.expect_fail(x->hooks.ctx, op, msg);
}

static void enqueue(struct vexec *x, size_t i)
{
	if (x->q_len == x->q_cap) {
		size_t cap = x->q_cap * 2, k;
		size_t *q = malloc(cap * sizeof(*q));

		if (!q)
			abort();
		for (k = 0; k < x->q_len; k++)
			q[k] = x->queue[(x->q_head + k) % x->q_cap];
		free(x->queue);
		x->queue = q;
		x->q_cap = cap;
		x->q_head = 0;
	}
	x->queue[(x->q_head + x->q_len) % x->q_cap] = i;
	x->q_len++;
}

static size_t dequeue(struct vexec *x)
{
	size_t i = x->queue[x->q_head];

	x->q_head = (x->q_head + 1) % x->q_cap;
	x->q_len--;
	return i;
}

static void describe(const struct vec *v, const struct sysmmu_result *res,
		     char *buf, size_t len)
{
	if (res->fault) {
		snprintf(buf, len, "fault=%s", vec_fault_name(res->fault));
		return;
	}
	if (v->variant == SYSMMU_V5)
		snprintf(buf, len, "pa=0x%09" PRIx64, res->pa);
	else
		snprintf(buf, len, "pa=0x%08" PRIx64, res->pa);
}

static void check_xlate(struct vexec *x, const struct vec_op *op,
			const struct sysmmu_result *res)
{
	char got[64], msg[160];
	bool ok = true;

	if (op->expect == VEC_EXP_PA)
		ok = !res->fault && res->pa == op->exp_pa;
	else if (op->expect == VEC_EXP_FAULT)
		ok = res->fault == op->exp_fault;
	if (!ok) {
		describe(x->v, res, got, sizeof(got));
		if (op->expect == VEC_EXP_PA)
			snprintf(msg, sizeof(msg), "expected pa=0x%" PRIx64 ", model gave %s",
				 op->exp_pa, got);
		else
			snprintf(msg, sizeof(msg), "expected fault=%s, model gave %s",
				 vec_fault_name(op->exp_fault), got);
		fail(x, op, msg);
	}
	if (op->exp_hit >= 0 && (int)res->tlb_hit != op->exp_hit) {
		snprintf(msg, sizeof(msg), "expected %s, model gave %s",
			 op->exp_hit ? "hit" : "miss", res->tlb_hit ? "hit" : "miss");
		fail(x, op, msg);
	}
}

static void make_req(const struct vec_op *op, struct sysmmu_req *req)
{
	memset(req, 0, sizeof(*req));
	req->va = (uint32_t)op->addr;
	req->write = op->write;
	req->ns = op->ns;
	req->id = op->id;
	req->len = op->len;
}

static void translate(struct vexec *x, size_t i)
{
	const struct vec_op *op = &x->v->ops[i];
	struct sysmmu_result res;
	struct sysmmu_req req;

	make_req(op, &req);
	memset(&res, 0, sizeof(res));
	if (sysmmu_translate(x->model, &req, &res)) {
		fail(x, op, "model refused a request it said it could accept");
		return;
	}
	if (x->hooks.xlate)
		x->hooks.xlate(x->hooks.ctx, op, &req, &res);
	check_xlate(x, op, &res);
}

static void drain(struct vexec *x)
{
	while (x->q_len && sysmmu_can_accept(x->model))
		translate(x, dequeue(x));
}

/*
 * strb is the op's PSTRB for a `wr`, 0xF for the writes of an `isr`; hooks
 * find it as op->strb when op->kind == VEC_WR (spec §9: PSTRB != 0xF errors).
 */
static void reg_write(struct vexec *x, const struct vec_op *op, uint32_t off, uint32_t val,
		      unsigned strb)
{
	int rc = sysmmu_reg_write(x->model, off, val, strb);

	if (x->hooks.reg)
		x->hooks.reg(x->hooks.ctx, op, true, off, val, 0, rc);
	drain(x);
}

static uint32_t reg_read(struct vexec *x, const struct vec_op *op, uint32_t off)
{
	uint32_t val = 0;
	int rc = sysmmu_reg_read(x->model, off, &val);

	if (x->hooks.reg)
		x->hooks.reg(x->hooks.ctx, op, false, off, 0, val, rc);
	return val;
}

static void do_rd(struct vexec *x, const struct vec_op *op)
{
	uint32_t val = reg_read(x, op, (uint32_t)op->addr);
	char msg[120];

	if (!op->has_expect || (val & op->mask) == op->data)
		return;
	snprintf(msg, sizeof(msg), "expected 0x%08" PRIx32 " (mask 0x%08" PRIx32
		 "), model read 0x%08" PRIx32, op->data, op->mask, val);
	fail(x, op, msg);
}

static void do_xlate(struct vexec *x, size_t i)
{
	const struct vec_op *op = &x->v->ops[i];
	struct sysmmu_req req;

	if (x->hooks.issue) {
		make_req(op, &req);
		x->hooks.issue(x->hooks.ctx, op, &req);
	}
	if (!x->q_len && sysmmu_can_accept(x->model)) {
		translate(x, i);
		return;
	}
	enqueue(x, i);
}

static void v3_source(unsigned bit, struct vec_isr_src *s)
{
	static const enum sysmmu_fault kind[8] = {
		SYSMMU_FAULT_PAGE, SYSMMU_FAULT_MULTI_HIT, SYSMMU_FAULT_MULTI_HIT,
		SYSMMU_FAULT_BUS_ERROR, SYSMMU_FAULT_SEC_PROT, SYSMMU_FAULT_ACC_PROT,
		SYSMMU_FAULT_SEC_PROT, SYSMMU_FAULT_ACC_PROT,
	};
	static const uint32_t va_reg[8] = {
		SYSMMU_V3_PAGE_FAULT_ADDR, SYSMMU_V3_AR_FAULT_ADDR, SYSMMU_V3_AW_FAULT_ADDR,
		SYSMMU_V3_DEFAULT_SLAVE_ADDR, SYSMMU_V3_AR_FAULT_ADDR, SYSMMU_V3_AR_FAULT_ADDR,
		SYSMMU_V3_AW_FAULT_ADDR, SYSMMU_V3_AW_FAULT_ADDR,
	};

	s->info_reg = SYSMMU_V3_FAULT_TRANS_INFO;
	s->kind = bit < 8 ? kind[bit] : SYSMMU_FAULT_NONE;
	s->va_reg = bit < 8 ? va_reg[bit] : SYSMMU_V3_PAGE_FAULT_ADDR;
	/* AW multi-hit, AW security, AW access (§8.1). */
	s->write = bit == 2 || bit == 6 || bit == 7;
}

static void v5_source(unsigned bit, struct vec_isr_src *s)
{
	static const enum sysmmu_fault kind[5] = {
		SYSMMU_FAULT_BUS_ERROR, SYSMMU_FAULT_PAGE, SYSMMU_FAULT_MULTI_HIT,
		SYSMMU_FAULT_ACC_PROT, SYSMMU_FAULT_SEC_PROT,
	};
	bool aw = bit >= SYSMMU_V5_INT_AW_SHIFT;
	unsigned b = aw ? bit - SYSMMU_V5_INT_AW_SHIFT : bit;

	s->kind = b < 5 ? kind[b] : SYSMMU_FAULT_NONE;
	s->write = aw;
	s->va_reg = aw ? SYSMMU_V5_FAULT_AW_VA : SYSMMU_V5_FAULT_AR_VA;
	s->info_reg = aw ? SYSMMU_V5_AW_TRANS_INFO : SYSMMU_V5_AR_TRANS_INFO;
}

void vec_isr_source(enum sysmmu_variant variant, unsigned bit, struct vec_isr_src *s)
{
	if (variant == SYSMMU_V5)
		v5_source(bit, s);
	else
		v3_source(bit, s);
}

static void isr_check(struct vexec *x, const struct vec_op *op, uint32_t status,
		      const struct vec_isr_src *s, uint32_t va)
{
	char msg[160];

	if (!op->has_expect)
		return;
	if (op->exp_fault == SYSMMU_FAULT_NONE) {
		if (status) {
			snprintf(msg, sizeof(msg), "isr: expected INT_STATUS 0, model read 0x%08"
				 PRIx32, status);
			fail(x, op, msg);
		}
		return;
	}
	if (!status) {
		snprintf(msg, sizeof(msg), "isr: expected fault=%s, INT_STATUS is 0",
			 vec_fault_name(op->exp_fault));
		fail(x, op, msg);
		return;
	}
	if (s->kind != op->exp_fault || va != op->exp_va) {
		snprintf(msg, sizeof(msg), "isr: expected fault=%s va=0x%08" PRIx32
			 ", model gave fault=%s va=0x%08" PRIx32 " (INT_STATUS 0x%08" PRIx32 ")",
			 vec_fault_name(op->exp_fault), op->exp_va,
			 vec_fault_name(s->kind), va, status);
		fail(x, op, msg);
	}
}

/* The Linux driver's fault handler, one fault per call. */
static void do_isr(struct vexec *x, const struct vec_op *op)
{
	bool v5 = x->v->variant == SYSMMU_V5;
	uint32_t status_reg = v5 ? SYSMMU_V5_INT_STATUS : SYSMMU_V3_INT_STATUS;
	uint32_t clear_reg = v5 ? SYSMMU_V5_INT_CLEAR : SYSMMU_V3_INT_CLEAR;
	uint32_t status, va;
	struct vec_isr_src s = { SYSMMU_FAULT_NONE, false, 0, 0 };
	unsigned bit;

	status = reg_read(x, op, status_reg);
	if (!status) {
		isr_check(x, op, status, &s, 0);
		return;
	}
	bit = (unsigned)__builtin_ctz(status);
	vec_isr_source(x->v->variant, bit, &s);
	va = reg_read(x, op, s.va_reg);
	reg_read(x, op, s.info_reg);
	isr_check(x, op, status, &s, va);
	reg_write(x, op, clear_reg, 1u << bit, 0xF);
	reg_write(x, op, SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN,
		  0xF);
}

static void do_check(struct vexec *x, const struct vec_op *op)
{
	bool irq = sysmmu_irq(x->model);
	bool blocked = sysmmu_blocked(x->model);
	char msg[120];

	if (x->hooks.check)
		x->hooks.check(x->hooks.ctx, op, irq, blocked);
	if (op->exp_irq >= 0 && (int)irq != op->exp_irq) {
		snprintf(msg, sizeof(msg), "expected irq=%d, model has irq=%d", op->exp_irq, irq);
		fail(x, op, msg);
	}
	if (op->exp_blocked >= 0 && (int)blocked != op->exp_blocked) {
		snprintf(msg, sizeof(msg), "expected blocked=%d, model has blocked=%d",
			 op->exp_blocked, blocked);
		fail(x, op, msg);
	}
}

void vexec_step(struct vexec *x, size_t i)
{
	const struct vec_op *op = &x->v->ops[i];

	switch (op->kind) {
	case VEC_MEM:
		vmem_write32(x->mem, op->addr, op->data);
		if (x->hooks.mem)
			x->hooks.mem(x->hooks.ctx, op);
		return;
	case VEC_MEMERR:
		vmem_add_error(x->mem, op->addr, op->addr2);
		if (x->hooks.mem)
			x->hooks.mem(x->hooks.ctx, op);
		return;
	case VEC_WR:
		reg_write(x, op, (uint32_t)op->addr, op->data, op->strb);
		return;
	case VEC_RD:
		do_rd(x, op);
		return;
	case VEC_XLATE:
		do_xlate(x, i);
		return;
	case VEC_IDLE:
		if (x->hooks.idle)
			x->hooks.idle(x->hooks.ctx, op, op->data);
		return;
	case VEC_ISR:
		do_isr(x, op);
		return;
	case VEC_CHECK:
		do_check(x, op);
		return;
	}
}

unsigned vec_read_strb(unsigned n)
{
	static const unsigned strbs[4] = { 0x0, 0xF, 0x5, 0xA };

	return strbs[n & 3];
}
