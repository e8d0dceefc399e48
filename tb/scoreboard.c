// SPDX-License-Identifier: Apache-2.0
/*
 * Lockstep scoreboard: runs a vector on the reference model through vexec
 * and replays it on a DUT through struct sb_port, comparing everything the
 * spec makes observable (docs/results.md lists what and how).
 *
 * Ordering (spec §2.1): the model translates a request the moment vexec
 * accepts it; the DUT gets the same request queued at once and answers
 * later. Expected responses therefore wait in a FIFO in acceptance order.
 * Before anything that must see the DUT in the same state as the model (a
 * register access, a backdoor memory write, a state check) the scoreboard
 * waits until the DUT has returned every response the model produced.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/fcov.h"
#include "sysmmu/pte.h"
#include "sysmmu/regs.h"
#include "sysmmu/scoreboard.h"

#define SB_HIST 16           /* operations shown in a mismatch report */
#define SB_MAX_RECORDS 64    /* mismatches kept for result.json */
#define SB_WINDOW 16         /* responses the model may run ahead of the DUT */
#define SB_LAT_MAX 256       /* latency histogram buckets (last = overflow) */
#define SB_STR 96

struct sb_exp {
	size_t op;
	uint64_t hist_seq;
	struct sysmmu_req req;
	struct sysmmu_result res;
};

struct sb_walk {
	uint64_t addr;
};

struct sb_hist {
	size_t op;
	bool is_xlate;
	struct sysmmu_req req;
	struct sysmmu_result res;
	bool rtl_done;
	struct sb_rsp rtl;
	bool write;
	uint32_t off, wdata, model_rdata, rtl_rdata;
	int model_err, rtl_err;
};

struct sb_record {
	size_t op;
	unsigned line;
	uint64_t cycle;
	char area[16];
	char field[40];
	char expected[SB_STR];
	char actual[520];
};

struct sb_counts {
	uint64_t translations, tlb_hits, tlb_misses, walk_reads, flpd_hits, bypass;
	uint64_t faults[SYSMMU_FAULT_KINDS];
	uint64_t flushes[3];
	uint64_t reg_reads, reg_writes, checks;
	uint64_t fault_pin, fault_peek;  /* fault-register checks by way */
};

/* A growable FIFO of fixed-size items. */
struct sb_fifo {
	void *buf;
	size_t item, cap, head, n;
};

struct sb {
	const struct vec *v;
	struct sb_opts o;
	struct sb_port port;
	struct sysmmu *model;
	struct vmem *mem;
	struct vexec *x;
	struct fcov *cov;
	enum sysmmu_variant variant;

	struct sb_fifo exp;          /* struct sb_exp, acceptance order */
	struct sb_fifo walk;         /* struct sb_walk, AR order */
	uint64_t model_accepted;     /* requests the model translated */
	uint64_t rtl_accepted;       /* request handshakes seen on the DUT */
	uint64_t rtl_returned;       /* responses seen on the DUT */
	size_t cur_op;
	bool fault_check_due;        /* a fault came back: check its registers */
	bool fault_blocked;          /* model blocked by a fault (for fcov) */
	size_t last_rsp_op;

	struct sb_hist hist[SB_HIST];
	uint64_t hist_seq;           /* entries written so far */

	struct sb_counts cnt;
	uint64_t lat_hit[SB_LAT_MAX];
	uint64_t lat_miss[SB_LAT_MAX];

	struct sb_record rec[SB_MAX_RECORDS];
	unsigned n_rec;              /* records kept */
	uint64_t n_fields;           /* mismatching fields seen */
	unsigned events;             /* mismatching events (max_errors counts these) */
	struct sb_rsp_seen last_rsp; /* the last DUT response and its verdict (waves) */
	bool event_failed;
	bool stop;
	bool draining;
	bool watchdog;
	char watchdog_what[512];
	long first_fail_op;
	uint64_t first_fail_cycle;
	bool first_fail_xlate;
	struct sysmmu_req first_fail_req;
	char first_fail_walk[2][SB_STR];
	bool protocol_error;
	uint64_t end_cycle;          /* cycles when the run ended (before any report) */
	bool ended;
};

/* ---- small helpers ---- */

static int fifo_push(struct sb_fifo *f, const void *item)
{
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 64;
		char *nb = malloc(ncap * f->item);
		size_t i;

		if (!nb)
			return -1;
		for (i = 0; i < f->n; i++)
			memcpy(nb + i * f->item,
			       (char *)f->buf + ((f->head + i) % f->cap) * f->item, f->item);
		free(f->buf);
		f->buf = nb;
		f->cap = ncap;
		f->head = 0;
	}
	memcpy((char *)f->buf + ((f->head + f->n) % f->cap) * f->item, item, f->item);
	f->n++;
	return 0;
}

static void *fifo_front(const struct sb_fifo *f)
{
	return f->n ? (char *)f->buf + f->head * f->item : NULL;
}

static void fifo_pop(struct sb_fifo *f)
{
	if (!f->n)
		return;
	f->head = (f->head + 1) % f->cap;
	f->n--;
}


static uint32_t pm_base(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_PM_CNT0 : SYSMMU_V3_PM_CNT0;
}

static uint32_t pm_stride(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_PM_STRIDE : SYSMMU_V3_PM_STRIDE;
}

/* Register name for reports; buf holds the name of unknown offsets. */
static const char *reg_name(enum sysmmu_variant v, uint32_t off, char *buf, size_t len)
{
	const char *name = vec_reg_name(v, off & 0xFFF);

	if (name)
		return name;
	snprintf(buf, len, "0x%03X", off & 0xFFF);
	return buf;
}

static uint32_t off_tlb_read(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_TLB_READ : SYSMMU_V3_TLB_READ;
}

static uint32_t off_tlb_vpn(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_TLB_VPN : SYSMMU_V3_TLB_VPN;
}

static uint32_t off_tlb_ppn(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_TLB_PPN : SYSMMU_V3_TLB_PPN;
}

static uint32_t off_tlb_attr(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_TLB_ATTR : SYSMMU_V3_TLB_ATTR;
}

static const char *op_where(const struct sb *sb, size_t op, char *buf, size_t len)
{
	if (op < sb->v->n_ops && sb->v->ops[op].line)
		snprintf(buf, len, "%s:%u", sb->v->name, sb->v->ops[op].line);
	else
		snprintf(buf, len, "%s", sb->v->name);
	return buf;
}

static uint64_t now(const struct sb *sb)
{
	return sb->port.cycle(sb->port.ctx);
}

/* ---- mismatch bookkeeping ---- */

static void sb_fail(struct sb *sb, size_t op, const char *area, const char *field,
		    const char *expected, const char *actual)
{
	struct sb_record *r;
	char where[300];

	if (sb->draining)
		return;
	sb->n_fields++;
	if (!sb->event_failed && sb->events == 0) {
		sb->first_fail_op = (long)op;
		sb->first_fail_cycle = now(sb);
	}
	sb->event_failed = true;
	if (!sb->o.quiet)
		fprintf(sb->o.out, "MISMATCH op %zu (%s) cycle %" PRIu64 ": %s.%s expected %s actual %s\n",
			op, op_where(sb, op, where, sizeof(where)), now(sb), area, field,
			expected, actual);
	if (sb->n_rec == SB_MAX_RECORDS)
		return;
	r = &sb->rec[sb->n_rec++];
	r->op = op;
	r->line = op < sb->v->n_ops ? sb->v->ops[op].line : 0;
	r->cycle = now(sb);
	snprintf(r->area, sizeof(r->area), "%s", area);
	snprintf(r->field, sizeof(r->field), "%s", field);
	snprintf(r->expected, sizeof(r->expected), "%s", expected);
	snprintf(r->actual, sizeof(r->actual), "%s", actual);
}

static void sb_failf(struct sb *sb, size_t op, const char *area, const char *field,
		     uint64_t expected, uint64_t actual)
{
	char e[32], a[32];

	snprintf(e, sizeof(e), "0x%" PRIX64, expected);
	snprintf(a, sizeof(a), "0x%" PRIX64, actual);
	sb_fail(sb, op, area, field, e, a);
}

/* Closes one compared event: counts it once, however many fields differed. */
static void sb_account(struct sb *sb)
{
	if (!sb->event_failed)
		return;
	sb->event_failed = false;
	sb->events++;
	if (sb->events >= sb->o.max_errors)
		sb->stop = true;
}

static void check_u64(struct sb *sb, size_t op, const char *area, const char *field,
		      uint64_t expected, uint64_t actual)
{
	sb->cnt.checks++;
	if (expected != actual)
		sb_failf(sb, op, area, field, expected, actual);
}

/* ---- history of the last operations ---- */

static struct sb_hist *hist_new(struct sb *sb, size_t op)
{
	struct sb_hist *h = &sb->hist[sb->hist_seq % SB_HIST];

	memset(h, 0, sizeof(*h));
	h->op = op;
	sb->hist_seq++;
	return h;
}

static struct sb_hist *hist_get(struct sb *sb, uint64_t seq)
{
	if (seq >= sb->hist_seq || seq + SB_HIST < sb->hist_seq)
		return NULL;
	return &sb->hist[seq % SB_HIST];
}

/* ---- the model side: vexec hooks ---- */

static void observer(void *ctx, const struct sysmmu_event *ev)
{
	struct sb *sb = ctx;

	if (ev->kind == SYSMMU_EV_FLUSH && ev->flush <= SYSMMU_FLUSH_RANGE)
		sb->cnt.flushes[ev->flush]++;
	if (sb->cov)
		fcov_event(sb->cov, ev);
}

static int sb_sync(struct sb *sb);
static int sb_sync_mode(struct sb *sb, bool fault_check);
static void check_fault_regs(struct sb *sb);

static void hk_mem(void *ctx, const struct vec_op *op)
{
	struct sb *sb = ctx;

	if (sb->port.mem)
		sb->port.mem(sb->port.ctx, op);
}

static void hk_issue(void *ctx, const struct vec_op *op, const struct sysmmu_req *req)
{
	struct sb *sb = ctx;

	(void)op;
	sb->port.issue(sb->port.ctx, req);
}

static void count_result(struct sb *sb, const struct sysmmu_result *res)
{
	sb->cnt.translations++;
	sb->cnt.walk_reads += res->n_walk;
	sb->cnt.faults[res->fault < SYSMMU_FAULT_KINDS ? res->fault : 0]++;
	if (res->bypass) {
		sb->cnt.bypass++;
		return;
	}
	if (res->tlb_hit)
		sb->cnt.tlb_hits++;
	else if (res->fault != SYSMMU_FAULT_MULTI_HIT)
		sb->cnt.tlb_misses++;
	if (res->flpd_hit)
		sb->cnt.flpd_hits++;
}

static void hk_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		     const struct sysmmu_result *res)
{
	struct sb *sb = ctx;
	struct sb_exp e;
	struct sb_hist *h;

	sb->model_accepted++;
	count_result(sb, res);
	if (res->fault)
		sb->fault_blocked = true;
	if (sb->cov)
		fcov_xlate(sb->cov, req, res);
	if (sb->o.no_scoreboard)
		return;
	/* A request drained by a register write belongs to its own op. */
	e.op = op >= sb->v->ops && op < sb->v->ops + sb->v->n_ops ? (size_t)(op - sb->v->ops)
								   : sb->cur_op;
	e.hist_seq = sb->hist_seq;
	e.req = *req;
	e.res = *res;
	h = hist_new(sb, e.op);
	h->is_xlate = true;
	h->req = *req;
	h->res = *res;
	if (fifo_push(&sb->exp, &e)) {
		fprintf(stderr, "sysmmu-sim: out of memory\n");
		exit(SB_ERROR);
	}
}

/*
 * An APB access on the DUT; a watchdog or stop request ends the run. strb is
 * the PSTRB of a write (0xF for reads); sb_create() made sure apb_strb exists
 * when a vector needs it.
 */
static int dut_apb_strb(struct sb *sb, bool write, uint32_t off, uint32_t wdata,
			unsigned strb, uint32_t *rdata, bool *slverr)
{
	*rdata = 0;
	*slverr = false;
	if (write && strb != 0xF)
		return sb->port.apb_strb(sb->port.ctx, off, wdata, strb, slverr);
	return sb->port.apb(sb->port.ctx, write, off, wdata, rdata, slverr);
}

static int dut_apb(struct sb *sb, bool write, uint32_t off, uint32_t wdata,
		   uint32_t *rdata, bool *slverr)
{
	return dut_apb_strb(sb, write, off, wdata, 0xF, rdata, slverr);
}

static void check_irq(struct sb *sb, size_t op)
{
	bool exp = sysmmu_irq(sb->model);
	bool act = sb->port.irq(sb->port.ctx);

	check_u64(sb, op, "irq", "irq", exp, act);
}

static void compare_reg(struct sb *sb, const struct vec_op *op, bool write, uint32_t off,
			uint32_t model_rdata, int model_err, uint32_t rd, bool err)
{
	char nb[16], field[40];
	const char *name;
	bool bad_err = (model_err != 0) != err;
	bool bad_val = !write && model_rdata != rd;
	bool bad_exp = op->kind == VEC_RD && op->has_expect && !write && ((rd ^ op->data) & op->mask);

	sb->cnt.checks += 1 + !write + (op->kind == VEC_RD && op->has_expect && !write);
	if (!bad_err && !bad_val && !bad_exp)
		return;
	/* Names only on the failure path: this runs for every register access. */
	name = reg_name(sb->variant, off, nb, sizeof(nb));
	snprintf(field, sizeof(field), "PSLVERR@%s", name);
	if (bad_err)
		sb_failf(sb, sb->cur_op, "reg", field, model_err != 0, err);
	if (bad_val)
		sb_failf(sb, sb->cur_op, "reg", name, model_rdata, rd);
	if (bad_exp) {
		char e[40], a[40];

		snprintf(e, sizeof(e), "0x%X mask 0x%X", op->data, op->mask);
		snprintf(a, sizeof(a), "0x%X", rd);
		sb_fail(sb, sb->cur_op, "expect", name, e, a);
	}
}

static void hk_reg(void *ctx, const struct vec_op *op, bool write, uint32_t off,
		   uint32_t wdata, uint32_t model_rdata, int model_err)
{
	struct sb *sb = ctx;
	/* the writes an `isr` expands into are full-width */
	unsigned strb = write && op->kind == VEC_WR ? op->strb : 0xF;
	struct sb_hist *h;
	uint32_t rd;
	bool err;

	if (sb->cov)
		fcov_reg(sb->cov, write, off, write ? wdata : model_rdata, model_err,
			 vexec_pending(sb->x), sb->fault_blocked);
	if (write && (off & 0xFFF) == SYSMMU_COM_MMU_CTRL && !model_err)
		sb->fault_blocked = false;
	if (write)
		sb->cnt.reg_writes++;
	else
		sb->cnt.reg_reads++;
	/*
	 * The model has already made this access, so a fault check here would
	 * compare its new state with the DUT's old one: step_op() did it.
	 */
	if (sb_sync_mode(sb, false))
		return;
	if (dut_apb_strb(sb, write, off, wdata, strb, &rd, &err))
		return;
	if (sb->o.no_scoreboard)
		return;
	h = hist_new(sb, sb->cur_op);
	h->write = write;
	h->off = off;
	h->wdata = wdata;
	h->model_rdata = model_rdata;
	h->model_err = model_err;
	h->rtl_rdata = rd;
	h->rtl_err = err;
	h->rtl_done = true;
	compare_reg(sb, op, write, off, model_rdata, model_err, rd, err);
	/* The write has taken effect on both sides: irq must agree now. */
	check_irq(sb, sb->cur_op);
	sb_account(sb);
}

static void hk_idle(void *ctx, const struct vec_op *op, unsigned cycles)
{
	struct sb *sb = ctx;

	(void)op;
	sb->port.idle(sb->port.ctx, cycles);
}

static void hk_check(void *ctx, const struct vec_op *op, bool irq, bool blocked)
{
	struct sb *sb = ctx;
	uint32_t st;
	bool err, rirq;

	if (sb_sync(sb) || sb->o.no_scoreboard)
		return;
	rirq = sb->port.irq(sb->port.ctx);
	check_u64(sb, sb->cur_op, "irq", "irq", irq, rirq);
	if (dut_apb(sb, false, SYSMMU_COM_MMU_STATUS, 0, &st, &err))
		return;
	check_u64(sb, sb->cur_op, "reg", "MMU_STATUS", blocked, st & SYSMMU_COM_STATUS_BLOCKED);
	if (op->exp_irq >= 0 && (unsigned)op->exp_irq != rirq)
		sb_failf(sb, sb->cur_op, "expect", "irq", (unsigned)op->exp_irq, rirq);
	if (op->exp_blocked >= 0 && (unsigned)op->exp_blocked != (st & 1))
		sb_failf(sb, sb->cur_op, "expect", "blocked", (unsigned)op->exp_blocked, st & 1);
	sb_account(sb);
}

static void hk_expect_fail(void *ctx, const struct vec_op *op, const char *msg)
{
	struct sb *sb = ctx;

	(void)op;
	if (sb->o.no_scoreboard)
		return;
	sb->cnt.checks++;
	sb_fail(sb, sb->cur_op, "expect", "intent_vs_model", "vector expectation", msg);
	sb_account(sb);
}

/* ---- the DUT side: monitor input ---- */

bool sb_stopped(const struct sb *sb)
{
	return sb->stop && !sb->draining;
}

void sb_rtl_accept(struct sb *sb)
{
	sb->rtl_accepted++;
	if (sb->o.no_scoreboard || sb->rtl_accepted <= sb->model_accepted)
		return;
	sb->cnt.checks++;
	sb_fail(sb, sb->cur_op, "xlate", "accept", "not accepted (model blocked)", "accepted");
	sb_account(sb);
}

void sb_rtl_walk(struct sb *sb, uint64_t addr, unsigned len, unsigned size)
{
	struct sb_walk w = { addr };

	if (sb->o.no_scoreboard)
		return;
	if (len != 0 || size != 2) {
		sb->cnt.checks++;
		sb_failf(sb, sb->cur_op, "walk", len != 0 ? "ar_len" : "ar_size",
			 len != 0 ? 0 : 2, len != 0 ? len : size);
		sb_account(sb);
	}
	if (fifo_push(&sb->walk, &w)) {
		fprintf(stderr, "sysmmu-sim: out of memory\n");
		exit(SB_ERROR);
	}
}

void sb_rtl_protocol(struct sb *sb, const char *field, const char *expected, const char *actual)
{
	if (sb->o.no_scoreboard)
		return;
	sb->protocol_error = true;
	sb_fail(sb, sb->cur_op, "walk", field, expected, actual);
	sb_account(sb);
}

void sb_rtl_check(struct sb *sb, const char *area, const char *field, const char *expected,
		  const char *actual)
{
	if (sb->o.no_scoreboard)
		return;
	sb->cnt.checks++;
	sb_fail(sb, sb->cur_op, area, field, expected, actual);
	sb_account(sb);
}

void sb_rtl_assert(struct sb *sb, const char *msg)
{
	sb->cnt.checks++;
	sb_fail(sb, sb->cur_op, "assert", "rtl_assertion", "no assertion failure", msg);
	sb_account(sb);
}

static void fmt_walk(char *buf, size_t len, const uint64_t *a, unsigned n)
{
	size_t used = 0;
	unsigned i;

	buf[0] = 0;
	if (!n)
		snprintf(buf, len, "none");
	for (i = 0; i < n && used < len; i++)
		used += snprintf(buf + used, len - used, "%s0x%" PRIX64, i ? "," : "", a[i]);
}

/* The walk reads of one translation: the next n reads seen on AR. */
static void compare_walk(struct sb *sb, const struct sb_exp *e)
{
	uint64_t got[SYSMMU_WALK_MAX + 1];
	unsigned n = 0, i;
	char ex[SB_STR], ac[SB_STR];
	bool same = true;

	while (n < e->res.n_walk && sb->walk.n) {
		got[n++] = ((struct sb_walk *)fifo_front(&sb->walk))->addr;
		fifo_pop(&sb->walk);
	}
	/* Nothing else is in the DUT: a read still queued belongs here too. */
	if (sb->walk.n && sb->rtl_accepted == sb->rtl_returned) {
		got[n++] = ((struct sb_walk *)fifo_front(&sb->walk))->addr;
		while (sb->walk.n)
			fifo_pop(&sb->walk);
	}
	sb->cnt.checks++;
	if (n != e->res.n_walk)
		same = false;
	for (i = 0; same && i < n; i++)
		same = got[i] == e->res.walk_addr[i];
	if (same)
		return;
	fmt_walk(ex, sizeof(ex), e->res.walk_addr, e->res.n_walk);
	fmt_walk(ac, sizeof(ac), got, n);
	sb_fail(sb, e->op, "walk", "walk_addr", ex, ac);
}

/* RTL against the vector's own expectation (the model is checked by vexec). */
static void compare_intent(struct sb *sb, const struct sb_exp *e, const struct sb_rsp *r)
{
	const struct vec_op *op = &sb->v->ops[e->op];

	if (op->kind != VEC_XLATE)
		return;
	if (op->expect == VEC_EXP_PA) {
		sb->cnt.checks++;
		if (r->fault)
			sb_fail(sb, e->op, "expect", "fault_kind", "none",
				sysmmu_fault_name((enum sysmmu_fault)r->fault_kind));
		else if (r->pa != op->exp_pa)
			sb_failf(sb, e->op, "expect", "pa", op->exp_pa, r->pa);
	} else if (op->expect == VEC_EXP_FAULT) {
		sb->cnt.checks++;
		if (!r->fault || r->fault_kind != (unsigned)op->exp_fault)
			sb_fail(sb, e->op, "expect", "fault_kind", sysmmu_fault_name(op->exp_fault),
				r->fault ? sysmmu_fault_name((enum sysmmu_fault)r->fault_kind)
					 : "none");
	}
	if (op->exp_hit >= 0) {
		sb->cnt.checks++;
		if ((unsigned)op->exp_hit != r->tlb_hit)
			sb_failf(sb, e->op, "expect", "tlb_hit", (unsigned)op->exp_hit, r->tlb_hit);
	}
}

static void compare_rsp(struct sb *sb, const struct sb_exp *e, const struct sb_rsp *r)
{
	const struct sysmmu_result *m = &e->res;
	unsigned kind = r->fault ? r->fault_kind : 0;

	check_u64(sb, e->op, "xlate", "fault", m->fault != SYSMMU_FAULT_NONE, r->fault);
	if (r->fault || m->fault) {
		sb->cnt.checks++;
		if ((unsigned)m->fault != kind)
			sb_fail(sb, e->op, "xlate", "fault_kind", sysmmu_fault_name(m->fault),
				sysmmu_fault_name((enum sysmmu_fault)(kind < SYSMMU_FAULT_KINDS ? kind : 0)));
	}
	check_u64(sb, e->op, "xlate", "pa", m->pa, r->pa);
	check_u64(sb, e->op, "xlate", "id", e->req.id, r->id);
	check_u64(sb, e->op, "xlate", "tlb_hit", m->tlb_hit, r->tlb_hit);
	check_u64(sb, e->op, "xlate", "flpd_hit", m->flpd_hit, r->flpd_hit);
	compare_walk(sb, e);
	compare_intent(sb, e, r);
}

static void add_latency(struct sb *sb, const struct sysmmu_result *m, uint64_t lat)
{
	uint64_t b = lat < SB_LAT_MAX - 1 ? lat : SB_LAT_MAX - 1;

	if (m->bypass || m->fault == SYSMMU_FAULT_MULTI_HIT)
		return;
	if (m->tlb_hit)
		sb->lat_hit[b]++;
	else
		sb->lat_miss[b]++;
}

void sb_rtl_rsp(struct sb *sb, const struct sb_rsp *r)
{
	struct sb_exp *e;
	struct sb_hist *h;

	sb->rtl_returned++;
	if (sb->o.no_scoreboard)
		return;
	e = fifo_front(&sb->exp);
	if (!e) {
		char a[64];

		snprintf(a, sizeof(a), "response id=0x%X pa=0x%" PRIX64, r->id, r->pa);
		sb->cnt.checks++;
		sb_fail(sb, sb->cur_op, "xlate", "response", "no response pending", a);
		sb_account(sb);
		return;
	}
	h = hist_get(sb, e->hist_seq);
	if (h) {
		h->rtl_done = true;
		h->rtl = *r;
	}
	sb->last_rsp.op = (long)e->op;
	sb->last_rsp.exp_pa = e->res.pa;
	sb->last_rsp.exp_fault = e->res.fault;
	sb->last_rsp.act_pa = r->pa;
	sb->last_rsp.act_fault = r->fault ? r->fault_kind : 0;
	sb->last_rsp.mismatch = false;
	if (!sb->draining) {
		bool clean = !sb->events && !sb->event_failed && !sb->watchdog;
		uint64_t fields = sb->n_fields;

		compare_rsp(sb, e, r);
		sb->last_rsp.mismatch = sb->n_fields != fields;
		if (clean && sb->event_failed) {
			sb->first_fail_xlate = true;
			sb->first_fail_req = e->req;
		}
		add_latency(sb, &e->res, r->latency);
	}
	if (e->res.fault)
		sb->fault_check_due = true;
	sb->last_rsp_op = e->op;
	fifo_pop(&sb->exp);
	sb_account(sb);
	sb->last_rsp.events = sb->events;
}

void sb_last_rsp(const struct sb *sb, struct sb_rsp_seen *s)
{
	*s = sb->last_rsp;
}

/*
 * The watchdog record names the op that hung (the oldest request still
 * owed a response, or the op the harness is in when nothing is owed), not
 * the op the run happened to be waiting at.
 */
static void watchdog_at(struct sb *sb, size_t op, const char *what)
{
	char where[300];

	if (sb->watchdog)
		return;
	sb->watchdog = true;
	if (sb->events == 0 && !sb->event_failed) {
		sb->first_fail_op = (long)op;
		sb->first_fail_cycle = now(sb);
	}
	if (sb->n_rec < SB_MAX_RECORDS) {
		struct sb_record *r = &sb->rec[sb->n_rec++];

		r->op = op;
		r->line = op < sb->v->n_ops ? sb->v->ops[op].line : 0;
		r->cycle = now(sb);
		snprintf(r->area, sizeof(r->area), "watchdog");
		snprintf(r->field, sizeof(r->field), "watchdog");
		snprintf(r->expected, sizeof(r->expected), "progress");
		snprintf(r->actual, sizeof(r->actual), "%s", what);
	}
	if (!sb->o.quiet)
		fprintf(sb->o.out, "WATCHDOG op %zu (%s) cycle %" PRIu64 ": %s\n", op,
			op_where(sb, op, where, sizeof(where)), now(sb), what);
	sb->stop = true;
}

void sb_watchdog(struct sb *sb, const char *what)
{
	const struct sb_exp *e = fifo_front(&sb->exp);
	char where[300];

	if (sb->watchdog)
		return;
	if (!e) {
		sb_watchdog_here(sb, what);
		return;
	}
	snprintf(sb->watchdog_what, sizeof(sb->watchdog_what),
		 "no response to op %zu (%s: va=0x%08X id=0x%X, model: %s, %u walk reads); %s",
		 e->op, op_where(sb, e->op, where, sizeof(where)), e->req.va, e->req.id,
		 e->res.fault ? sysmmu_fault_name(e->res.fault) : "no fault", e->res.n_walk, what);
	watchdog_at(sb, e->op, sb->watchdog_what);
}

void sb_watchdog_here(struct sb *sb, const char *what)
{
	char where[300];

	if (sb->watchdog)
		return;
	snprintf(sb->watchdog_what, sizeof(sb->watchdog_what), "op %zu (%s) hung: %s", sb->cur_op,
		 op_where(sb, sb->cur_op, where, sizeof(where)), what);
	watchdog_at(sb, sb->cur_op, sb->watchdog_what);
}

/* ---- synchronisation and state checks ---- */

/*
 * Waits until the DUT has returned every response the model produced, then
 * checks what must hold when nothing is in flight. Returns -1 when the run
 * is over (watchdog or stop).
 */
static int sb_sync_mode(struct sb *sb, bool fault_check);

/* Full synchronisation: also checks the registers of a fault that came back. */
static int sb_sync(struct sb *sb)
{
	return sb_sync_mode(sb, true);
}

static int sb_sync_mode(struct sb *sb, bool fault_check)
{
	if (sb->stop && !sb->draining)
		return -1;
	if (sb->rtl_returned < sb->model_accepted &&
	    sb->port.wait_rsp(sb->port.ctx, sb->model_accepted))
		return -1;
	if (sb->o.no_scoreboard)
		return 0;
	if (sb->walk.n) {
		uint64_t a = ((struct sb_walk *)fifo_front(&sb->walk))->addr;

		sb->cnt.checks++;
		sb_failf(sb, sb->last_rsp_op, "walk", "walk_count", 0, a);
		while (sb->walk.n)
			fifo_pop(&sb->walk);
		sb_account(sb);
	}
	if (sb->fault_check_due && fault_check) {
		sb->fault_check_due = false;
		check_fault_regs(sb);
	}
	return sb->stop && !sb->draining ? -1 : 0;
}

/*
 * Reads a register on both sides; compares value and PSLVERR. peek reads
 * the DUT through port.apb_peek (zero time) instead of an APB access.
 */
static int cmp_reg_how(struct sb *sb, size_t op, const char *area, uint32_t off, bool peek)
{
	char nb[16], f[40];
	uint32_t mv = 0, rv = 0;
	int merr = sysmmu_reg_read(sb->model, off, &mv);
	bool rerr = false;

	if (peek ? sb->port.apb_peek(sb->port.ctx, off, &rv, &rerr)
		 : dut_apb(sb, false, off, 0, &rv, &rerr))
		return -1;
	sb->cnt.checks++;
	if (mv != rv)
		sb_failf(sb, op, area, reg_name(sb->variant, off, nb, sizeof(nb)), mv, rv);
	if ((merr != 0) != rerr) {
		snprintf(f, sizeof(f), "PSLVERR@%s", reg_name(sb->variant, off, nb, sizeof(nb)));
		sb_failf(sb, op, area, f, merr != 0, rerr);
	}
	return 0;
}

static int cmp_reg(struct sb *sb, size_t op, const char *area, uint32_t off)
{
	return cmp_reg_how(sb, op, area, off, false);
}

/*
 * The registers a fault latched, and the interrupt pin. A sample of the
 * faults (sb_opts.fault_pin_every) reads them with APB accesses, the rest
 * in zero time through the same read logic: the APB path stays checked
 * without paying simulated cycles after every fault (docs/results.md).
 */
static void check_fault_regs(struct sb *sb)
{
	static const uint32_t v3[] = {
		SYSMMU_V3_INT_STATUS, SYSMMU_V3_PAGE_FAULT_ADDR, SYSMMU_V3_AW_FAULT_ADDR,
		SYSMMU_V3_AR_FAULT_ADDR, SYSMMU_V3_DEFAULT_SLAVE_ADDR,
		SYSMMU_V3_FAULT_TRANS_INFO, SYSMMU_COM_MMU_STATUS,
	};
	static const uint32_t v5[] = {
		SYSMMU_V5_INT_STATUS, SYSMMU_V5_FAULT_AR_VA, SYSMMU_V5_AR_TRANS_INFO,
		SYSMMU_V5_FAULT_AW_VA, SYSMMU_V5_AW_TRANS_INFO, SYSMMU_COM_MMU_STATUS,
	};
	const uint32_t *t = sb->variant == SYSMMU_V5 ? v5 : v3;
	size_t n = sb->variant == SYSMMU_V5 ? sizeof(v5) / 4 : sizeof(v3) / 4;
	unsigned every = sb->o.fault_pin_every;
	uint64_t k = sb->cnt.fault_pin + sb->cnt.fault_peek;
	bool peek = sb->port.apb_peek && every > 1 && k % every != 0;
	size_t i;

	if (peek)
		sb->cnt.fault_peek++;
	else
		sb->cnt.fault_pin++;
	for (i = 0; i < n; i++)
		if (cmp_reg_how(sb, sb->last_rsp_op, "fault", t[i], peek))
			return;
	check_irq(sb, sb->last_rsp_op);
	sb_account(sb);
}

/* Read-back of one TLB or FLPD entry through TLB_READ on both sides. */
static int cmp_entry(struct sb *sb, bool flpd, unsigned idx)
{
	static const char *const part[3] = { "VPN", "PPN", "ATTR" };
	enum sysmmu_variant v = sb->variant;
	uint32_t sel = SYSMMU_COM_TLB_READ_EN | (flpd ? SYSMMU_COM_TLB_READ_FLPD : 0) |
		       idx << SYSMMU_COM_TLB_READ_IDX_SHIFT;
	uint32_t offs[3] = { off_tlb_vpn(v), off_tlb_ppn(v), off_tlb_attr(v) };
	uint32_t rd;
	bool err;
	unsigned k;

	sysmmu_reg_write(sb->model, off_tlb_read(v), sel, 0xF);
	if (dut_apb(sb, true, off_tlb_read(v), sel, &rd, &err))
		return -1;
	for (k = 0; k < 3; k++) {
		uint32_t mv = 0;
		char field[32];

		sysmmu_reg_read(sb->model, offs[k], &mv);
		if (dut_apb(sb, false, offs[k], 0, &rd, &err))
			return -1;
		sb->cnt.checks++;
		if (mv == rd)
			continue;
		snprintf(field, sizeof(field), "%s[%u].%s", flpd ? "FLPD" : "TLB", idx, part[k]);
		sb_failf(sb, sb->cur_op, flpd ? "flpd" : "tlb", field, mv, rd);
	}
	return 0;
}

/*
 * TLB and FLPD contents and the counters, through the read-back registers.
 * TLB_READ is saved and restored on both sides so the vector never sees it.
 */
static void check_state(struct sb *sb)
{
	enum sysmmu_variant v = sb->variant;
	uint32_t msel = 0, rsel, rd;
	bool err;
	unsigned i;

	if (sb_sync(sb) || sb->o.no_scoreboard)
		return;
	sysmmu_reg_read(sb->model, off_tlb_read(v), &msel);
	if (dut_apb(sb, false, off_tlb_read(v), 0, &rsel, &err))
		return;
	check_u64(sb, sb->cur_op, "reg", "TLB_READ", msel, rsel);
	for (i = 0; i < sb->v->tlb_entries; i++)
		if (cmp_entry(sb, false, i))
			return;
	for (i = 0; i < sb->v->flpd_entries; i++)
		if (cmp_entry(sb, true, i))
			return;
	sysmmu_reg_write(sb->model, off_tlb_read(v), msel, 0xF);
	if (dut_apb(sb, true, off_tlb_read(v), msel, &rd, &err))
		return;
	for (i = 0; i < SYSMMU_COM_PM_COUNT; i++)
		if (cmp_reg(sb, sb->cur_op, "counter", pm_base(v) + i * pm_stride(v)))
			return;
	check_irq(sb, sb->cur_op);
	sb_account(sb);
}

/* ---- reports ---- */

static void fmt_model(char *buf, size_t len, const struct sysmmu_result *m)
{
	char w[SB_STR];

	fmt_walk(w, sizeof(w), m->walk_addr, m->n_walk);
	if (m->fault)
		snprintf(buf, len, "fault=%s walk=%s", sysmmu_fault_name(m->fault), w);
	else
		snprintf(buf, len, "pa=0x%" PRIX64 " %s flpd_hit=%d walk=%s", m->pa,
			 m->bypass ? "bypass" : m->tlb_hit ? "tlb_hit=1" : "tlb_hit=0",
			 m->flpd_hit, w);
}

static void fmt_rtl(char *buf, size_t len, const struct sb_rsp *r)
{
	if (r->fault)
		snprintf(buf, len, "fault=%s id=0x%X",
			 sysmmu_fault_name((enum sysmmu_fault)(r->fault_kind < SYSMMU_FAULT_KINDS
							       ? r->fault_kind : 0)), r->id);
	else
		snprintf(buf, len, "pa=0x%" PRIX64 " tlb_hit=%d flpd_hit=%d id=0x%X", r->pa,
			 r->tlb_hit, r->flpd_hit, r->id);
}

static void print_history(struct sb *sb, FILE *f)
{
	uint64_t s = sb->hist_seq > SB_HIST ? sb->hist_seq - SB_HIST : 0;
	char opbuf[200], mb[160], rb[160], nb[16];

	fprintf(f, "Last %" PRIu64 " operations (model | RTL):\n", sb->hist_seq - s);
	for (; s < sb->hist_seq; s++) {
		struct sb_hist *h = &sb->hist[s % SB_HIST];
		const struct vec_op *op = &sb->v->ops[h->op];

		vec_format_op(sb->v, op, opbuf, sizeof(opbuf));
		if (h->is_xlate) {
			fmt_model(mb, sizeof(mb), &h->res);
			if (h->rtl_done)
				fmt_rtl(rb, sizeof(rb), &h->rtl);
			else
				snprintf(rb, sizeof(rb), "(no response yet)");
			fprintf(f, "  op %6zu line %5u  %-40s  va=0x%08X %s | %s\n", h->op, op->line,
				opbuf, h->req.va, mb, rb);
			continue;
		}
		fprintf(f, "  op %6zu line %5u  %-40s  %s %s 0x%08X%s | 0x%08X%s\n", h->op, op->line,
			opbuf, h->write ? "wr" : "rd", reg_name(sb->variant, h->off, nb, sizeof(nb)),
			h->write ? h->wdata : h->model_rdata, h->model_err ? " SLVERR" : "",
			h->write ? h->wdata : h->rtl_rdata, h->rtl_err ? " SLVERR" : "");
	}
}

static uint64_t l1_base(struct sb *sb)
{
	uint32_t b = 0;

	if (sb->variant == SYSMMU_V5) {
		sysmmu_reg_read(sb->model, SYSMMU_V5_PT_BASE_PFN, &b);
		return (uint64_t)(b & 0xFFFFFC) << 12;
	}
	sysmmu_reg_read(sb->model, SYSMMU_V3_PT_BASE_ADDR, &b);
	return b & 0xFFFFC000u;
}

static const char *l1_type_name(enum sysmmu_l1_type t)
{
	return t == SYSMMU_L1_LINK ? "link" : t == SYSMMU_L1_SECTION ? "section" : "fault";
}

static const char *l2_type_name(enum sysmmu_l2_type t)
{
	return t == SYSMMU_L2_SMALL ? "small page" : t == SYSMMU_L2_LARGE ? "large page" : "fault";
}

/* The page-table entries on the walk path of va, as memory holds them now. */
static void print_walk_path(struct sb *sb, FILE *f, uint32_t va)
{
	enum sysmmu_variant v = sb->variant;
	uint64_t a1 = l1_base(sb) | (uint64_t)(va >> 20) << 2, a2;
	uint32_t e1 = 0, e2 = 0;

	fprintf(f, "Walk path of va=0x%08X (memory now):\n", va);
	if (vmem_read32(sb->mem, a1, &e1)) {
		fprintf(f, "  L1 @0x%09" PRIX64 ": bus error region\n", a1);
		return;
	}
	fprintf(f, "  L1 @0x%09" PRIX64 " = 0x%08X  %s ns=%d\n", a1, e1,
		l1_type_name(sysmmu_l1_type(v, e1)), sysmmu_l1_ns(v, e1));
	if (sysmmu_l1_type(v, e1) != SYSMMU_L1_LINK)
		return;
	a2 = sysmmu_l1_link_base(v, e1) | ((va >> 12) & 0xFF) << 2;
	if (vmem_read32(sb->mem, a2, &e2)) {
		fprintf(f, "  L2 @0x%09" PRIX64 ": bus error region\n", a2);
		return;
	}
	fprintf(f, "  L2 @0x%09" PRIX64 " = 0x%08X  %s perm=%u\n", a2, e2,
		l2_type_name(sysmmu_l2_type(e2)), sysmmu_page_perm(v, e2));
}

static void fmt_attr(char *buf, size_t len, uint32_t vpn, uint32_t ppn, uint32_t attr)
{
	if (!(attr & SYSMMU_COM_ATTR_VALID)) {
		snprintf(buf, len, "-- rank %2u", attr >> 16);
		return;
	}
	snprintf(buf, len, "V va=0x%05X000 pa=0x%06X000 %s r%u w%u ns%u rank %2u", vpn, ppn,
		 sysmmu_size_name((enum sysmmu_size)((attr >> 1) & 3)), (attr >> 4) & 1,
		 (attr >> 5) & 1, (attr >> 8) & 1, attr >> 16);
}

/* Model TLB next to what the DUT's read-back registers show. */
static void print_tlbs(struct sb *sb, FILE *f)
{
	enum sysmmu_variant v = sb->variant;
	uint32_t offs[3] = { off_tlb_vpn(v), off_tlb_ppn(v), off_tlb_attr(v) };
	uint32_t msel = 0, rsel = 0, rd;
	bool err;
	unsigned i, k;

	fprintf(f, "TLB contents after the drain (model | RTL):\n");
	sysmmu_reg_read(sb->model, off_tlb_read(v), &msel);
	if (dut_apb(sb, false, off_tlb_read(v), 0, &rsel, &err))
		return;
	for (i = 0; i < sb->v->tlb_entries; i++) {
		uint32_t sel = SYSMMU_COM_TLB_READ_EN | i << SYSMMU_COM_TLB_READ_IDX_SHIFT;
		uint32_t m[3] = { 0 }, r[3] = { 0 };
		char mb[80], rb[80];

		sysmmu_reg_write(sb->model, off_tlb_read(v), sel, 0xF);
		if (dut_apb(sb, true, off_tlb_read(v), sel, &rd, &err))
			return;
		for (k = 0; k < 3; k++) {
			sysmmu_reg_read(sb->model, offs[k], &m[k]);
			if (dut_apb(sb, false, offs[k], 0, &r[k], &err))
				return;
		}
		fmt_attr(mb, sizeof(mb), m[0], m[1], m[2]);
		fmt_attr(rb, sizeof(rb), r[0], r[1], r[2]);
		fprintf(f, "  [%2u] %-58s | %s%s\n", i, mb, rb,
			memcmp(m, r, sizeof(m)) ? "   <<" : "");
	}
	sysmmu_reg_write(sb->model, off_tlb_read(v), msel, 0xF);
	dut_apb(sb, true, off_tlb_read(v), rsel, &rd, &err);
}

static void print_report(struct sb *sb)
{
	FILE *f = sb->o.out;
	const struct sb_record *r = &sb->rec[0];
	char where[300];
	unsigned i;

	fprintf(f, "==== sysmmu-sim %s report ====\n", sb->watchdog && !sb->events ? "WATCHDOG" : "MISMATCH");
	fprintf(f, "First failure: op %zu (%s), cycle %" PRIu64 "\n", r->op,
		op_where(sb, r->op, where, sizeof(where)), r->cycle);
	for (i = 0; i < sb->n_rec; i++) {
		if (sb->rec[i].op != r->op)
			continue;
		fprintf(f, "  %-10s %-24s expected %-24s actual %s\n", sb->rec[i].area,
			sb->rec[i].field, sb->rec[i].expected, sb->rec[i].actual);
	}
	print_history(sb, f);
	if (sb->first_fail_xlate)
		print_walk_path(sb, f, sb->first_fail_req.va);
	if (!sb->watchdog)
		print_tlbs(sb, f);
	fprintf(f, "Repro: %s\n", sb->o.repro);
}

/* ---- the run ---- */

static void step_op(struct sb *sb, size_t i)
{
	const struct vec_op *op = &sb->v->ops[i];

	if (sb->port.op_begin)
		sb->port.op_begin(sb->port.ctx, i);
	/*
	 * Before memory changes under the DUT, and before the model makes a
	 * register access, both sides must stand at the same point: every
	 * response back, the registers of a fault checked.
	 */
	if (op->kind != VEC_XLATE && op->kind != VEC_IDLE)
		if (sb_sync(sb))
			return;
	sb->cur_op = i;
	vexec_step(sb->x, i);
	/* Bound how far the model runs ahead (timing only, never results). */
	if (sb->model_accepted - sb->rtl_returned > SB_WINDOW && !sb->stop)
		sb->port.wait_rsp(sb->port.ctx, sb->model_accepted - SB_WINDOW / 2);
	if (sb->o.check_every && (i + 1) % sb->o.check_every == 0 && !sb->stop)
		check_state(sb);
}

int sb_run(struct sb *sb)
{
	size_t i;

	for (i = 0; i < sb->v->n_ops && !sb->stop; i++)
		step_op(sb, i);
	if (!sb->stop) {
		sb->cur_op = sb->v->n_ops ? sb->v->n_ops - 1 : 0;
		check_state(sb);
	}
	if (sb->o.no_scoreboard)
		return sb_status(sb);
	if (sb->events || sb->watchdog) {
		/* Let the DUT catch up with the model so both TLBs show the same point. */
		sb->draining = true;
		if (!sb->watchdog)
			sb_sync(sb);
	}
	/* The report's own APB reads are not part of the run. */
	sb->end_cycle = now(sb);
	sb->ended = true;
	if ((sb->events || sb->watchdog) && !sb->o.quiet)
		print_report(sb);
	if (!sb->o.quiet && vexec_pending(sb->x))
		fprintf(sb->o.out, "note: %zu request(s) still pending (MMU blocked) at the end\n",
			vexec_pending(sb->x));
	return sb_status(sb);
}

int sb_status(const struct sb *sb)
{
	if (sb->events)
		return SB_MISMATCH;
	if (sb->watchdog)
		return SB_WATCHDOG;
	return SB_PASS;
}

int sb_signature(const struct sb *sb, char *buf, size_t len)
{
	if (!sb->n_rec) {
		snprintf(buf, len, "none");
		return -1;
	}
	snprintf(buf, len, "%s.%s", sb->rec[0].area, sb->rec[0].field);
	return 0;
}

long sb_first_fail_op(const struct sb *sb)
{
	return sb->events || sb->watchdog ? sb->first_fail_op : -1;
}

uint64_t sb_first_fail_cycle(const struct sb *sb)
{
	return sb->events || sb->watchdog ? sb->first_fail_cycle : 0;
}

uint64_t sb_model_accepted(const struct sb *sb)
{
	return sb->model_accepted;
}

uint64_t sb_cycles(const struct sb *sb)
{
	return sb->ended ? sb->end_cycle : sb->port.cycle(sb->port.ctx);
}

uint64_t sb_translations(const struct sb *sb)
{
	return sb->cnt.translations;
}

struct vmem *sb_mem(struct sb *sb)
{
	return sb->mem;
}

/* Line of the first `wr` with PSTRB != 0xF (1 for a generated one), 0 if none. */
static unsigned partial_strb_line(const struct vec *v)
{
	for (size_t i = 0; i < v->n_ops; i++) {
		if (v->ops[i].kind == VEC_WR && v->ops[i].strb != 0xF)
			return v->ops[i].line ? v->ops[i].line : 1;
	}
	return 0;
}

struct sb *sb_create(const struct vec *v, const struct sb_opts *o,
		     const struct sb_port *port, char *err, size_t errlen)
{
	struct sysmmu_config cfg = {
		.variant = v->variant, .tlb_entries = v->tlb_entries,
		.flpd_entries = v->flpd_entries, .id_width = v->id_width,
	};
	struct vexec_hooks hk = {
		.mem = hk_mem, .reg = hk_reg, .issue = hk_issue, .xlate = hk_xlate,
		.idle = hk_idle, .check = hk_check, .expect_fail = hk_expect_fail,
	};
	struct sb *sb;

	if (!port->apb_strb && partial_strb_line(v)) {
		snprintf(err, errlen, "%s:%u: this harness cannot drive PSTRB != 0xF",
			 v->name, partial_strb_line(v));
		return NULL;
	}
	sb = calloc(1, sizeof(*sb));
	if (!sb) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	sb->v = v;
	sb->o = *o;
	if (!sb->o.max_errors)
		sb->o.max_errors = 1;
	if (!sb->o.out)
		sb->o.out = stdout;
	sb->port = *port;
	sb->variant = v->variant;
	sb->exp.item = sizeof(struct sb_exp);
	sb->walk.item = sizeof(struct sb_walk);
	sb->first_fail_op = -1;
	sb->last_rsp.op = -1;
	sb->mem = vmem_create();
	sb->model = sb->mem ? sysmmu_create(&cfg, vmem_read_cb, sb->mem) : NULL;
	if (!sb->model) {
		snprintf(err, errlen, "%s: configuration v%d tlb_entries %u flpd_entries %u id_width %u rejected by the model",
			 v->name, v->variant, v->tlb_entries, v->flpd_entries, v->id_width);
		sb_destroy(sb);
		return NULL;
	}
	if (!o->no_scoreboard)
		sb->cov = fcov_create(sb->model, sb->mem);
	sysmmu_set_observer(sb->model, observer, sb);
	hk.ctx = sb;
	sb->x = vexec_create(v, sb->model, sb->mem, &hk);
	if (!sb->x) {
		snprintf(err, errlen, "%s: cannot create the executor", v->name);
		sb_destroy(sb);
		return NULL;
	}
	return sb;
}

void sb_destroy(struct sb *sb)
{
	if (!sb)
		return;
	if (sb->x)
		vexec_destroy(sb->x);
	if (sb->cov)
		fcov_destroy(sb->cov);
	if (sb->model)
		sysmmu_destroy(sb->model);
	if (sb->mem)
		vmem_destroy(sb->mem);
	free(sb->exp.buf);
	free(sb->walk.buf);
	free(sb);
}

/* ---- result.json ---- */

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static const char *status_name(int st)
{
	switch (st) {
	case SB_PASS: return "pass";
	case SB_MISMATCH: return "mismatch";
	case SB_WATCHDOG: return "watchdog";
	default: return "error";
	}
}

static void json_hist(FILE *f, const uint64_t *h)
{
	bool first = true;
	unsigned i;

	fputc('{', f);
	for (i = 0; i < SB_LAT_MAX; i++) {
		if (!h[i])
			continue;
		fprintf(f, "%s\"%u\":%" PRIu64, first ? "" : ",", i, h[i]);
		first = false;
	}
	fputc('}', f);
}

static void json_counts(const struct sb *sb, FILE *f)
{
	const struct sb_counts *c = &sb->cnt;

	fprintf(f, "\"counts\":{\"translations\":%" PRIu64 ",\"tlb_hits\":%" PRIu64
		",\"tlb_misses\":%" PRIu64 ",\"walk_reads\":%" PRIu64 ",\"flpd_hits\":%" PRIu64
		",\"bypass\":%" PRIu64 ",", c->translations, c->tlb_hits, c->tlb_misses,
		c->walk_reads, c->flpd_hits, c->bypass);
	fprintf(f, "\"faults\":{\"PAGE_FAULT\":%" PRIu64 ",\"MULTI_HIT\":%" PRIu64
		",\"BUS_ERROR\":%" PRIu64 ",\"ACC_PROT\":%" PRIu64 ",\"SEC_PROT\":%" PRIu64 "},",
		c->faults[SYSMMU_FAULT_PAGE], c->faults[SYSMMU_FAULT_MULTI_HIT],
		c->faults[SYSMMU_FAULT_BUS_ERROR], c->faults[SYSMMU_FAULT_ACC_PROT],
		c->faults[SYSMMU_FAULT_SEC_PROT]);
	fprintf(f, "\"flushes\":{\"all\":%" PRIu64 ",\"entry\":%" PRIu64 ",\"range\":%" PRIu64 "},",
		c->flushes[SYSMMU_FLUSH_ALL], c->flushes[SYSMMU_FLUSH_ENTRY],
		c->flushes[SYSMMU_FLUSH_RANGE]);
	fprintf(f, "\"reg_reads\":%" PRIu64 ",\"reg_writes\":%" PRIu64 ",\"checks\":%" PRIu64 ",",
		c->reg_reads, c->reg_writes, c->checks);
	fprintf(f, "\"fault_reg_checks\":{\"pin\":%" PRIu64 ",\"peek\":%" PRIu64 "}}",
		c->fault_pin, c->fault_peek);
}

static void json_mismatches(const struct sb *sb, FILE *f)
{
	unsigned i;

	fprintf(f, "\"mismatches\":[");
	for (i = 0; i < sb->n_rec; i++) {
		const struct sb_record *r = &sb->rec[i];

		fprintf(f, "%s{\"op\":%zu,\"line\":%u,\"cycle\":%" PRIu64 ",\"area\":", i ? "," : "",
			r->op, r->line, r->cycle);
		json_str(f, r->area);
		fprintf(f, ",\"field\":");
		json_str(f, r->field);
		fprintf(f, ",\"expected\":");
		json_str(f, r->expected);
		fprintf(f, ",\"actual\":");
		json_str(f, r->actual);
		fputc('}', f);
	}
	fprintf(f, "],\"signature\":");
	if (sb->n_rec) {
		char sig[64];

		snprintf(sig, sizeof(sig), "%s.%s", sb->rec[0].area, sb->rec[0].field);
		json_str(f, sig);
	} else {
		fprintf(f, "null");
	}
}

void sb_write_json(const struct sb *sb, FILE *f, double wall, double cpu)
{
	int st = sb_status(sb);
	uint64_t lookups = sb->cnt.tlb_hits + sb->cnt.tlb_misses;

	fprintf(f, "{\"tool\":");
	json_str(f, sb->o.tool);
	fprintf(f, ",\"schema\":1,\"status\":\"%s\",\"exit_code\":%d,\"vector\":", status_name(st), st);
	json_str(f, sb->o.vector);
	if (sb->o.seed >= 0)
		fprintf(f, ",\"seed\":%lld,\"profile\":", sb->o.seed);
	else
		fprintf(f, ",\"seed\":null,\"profile\":");
	if (sb->o.profile)
		json_str(f, sb->o.profile);
	else
		fprintf(f, "null");
	fprintf(f, ",\"variant\":%d,\"tlb_entries\":%u,\"flpd_entries\":%u,\"timing_seed\":%" PRIu64
		",\"x_init_seed\":%" PRIu32 ",\"ops\":%zu,\"repro\":", sb->v->variant, sb->v->tlb_entries,
		sb->v->flpd_entries, sb->o.timing_seed, sb->o.x_init_seed, sb->v->n_ops);
	json_str(f, sb->o.repro);
	fputc(',', f);
	json_counts(sb, f);
	fprintf(f, ",\"cycles\":%" PRIu64 ",\"wall_seconds\":%.6f,\"cpu_seconds\":%.6f,\"tlb_hit_rate\":%.6f,",
		sb_cycles(sb), wall, cpu,
		lookups ? (double)sb->cnt.tlb_hits / (double)lookups : 0.0);
	fprintf(f, "\"latency\":{\"hit\":");
	json_hist(f, sb->lat_hit);
	fprintf(f, ",\"miss\":");
	json_hist(f, sb->lat_miss);
	fprintf(f, "},");
	json_mismatches(sb, f);
	fprintf(f, ",\"coverage\":");
	if (sb->cov)
		fcov_write_json(sb->cov, f);
	else
		fprintf(f, "{\"covergroups\":{}}");
	fprintf(f, "}\n");
}

void sb_write_summary(const struct sb *sb, FILE *f, double wall)
{
	int st = sb_status(sb);

	fprintf(f, "%s: %s %s v%d/%u/%u ops=%zu translations=%" PRIu64 " checks=%" PRIu64
		" cycles=%" PRIu64 " wall=%.2fs", sb->o.tool ? sb->o.tool : "sysmmu-sim", st == SB_PASS ? "PASS" : st == SB_WATCHDOG ? "WATCHDOG" : "FAIL",
		sb->o.vector, sb->v->variant, sb->v->tlb_entries, sb->v->flpd_entries, sb->v->n_ops,
		sb->cnt.translations, sb->cnt.checks, sb_cycles(sb), wall);
	if (sb->n_rec)
		fprintf(f, " signature=%s.%s at op %zu", sb->rec[0].area, sb->rec[0].field, sb->rec[0].op);
	if (st != SB_PASS)
		fprintf(f, " repro: %s", sb->o.repro);
	fputc('\n', f);
}
