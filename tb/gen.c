// SPDX-License-Identifier: Apache-2.0
/*
 * Vector generator, part 1: random numbers, op emitters, what software knows
 * about the MMU, the stale-state bookkeeping and the expectations.
 *
 * Expectations come from the generator's allocation map (struct gslot/gpage),
 * never from walking the page tables it wrote. A translation gets one only
 * when no stale TLB or FLPD entry can decide it (gen_va_clean) and software
 * knows when the MMU accepts it (the pending queue mirrors docs/vectors.md).
 */
#include <stdlib.h>
#include <string.h>

#include "sysmmu/pte.h"
#include "sysmmu/regs.h"
#include "gen.h"

/* ---- xoshiro256** seeded with splitmix64: same seed, same bytes ---- */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void gen_seed(struct gen *g, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		g->rng[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t gen_rand(struct gen *g)
{
	uint64_t *s = g->rng;
	uint64_t r = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return r;
}

uint32_t gen_below(struct gen *g, uint32_t n)
{
	return (uint32_t)(((gen_rand(g) >> 32) * n) >> 32);
}

bool gen_chance(struct gen *g, unsigned pct)
{
	return gen_below(g, 100) < pct;
}

/* Rule breaking is only allowed while nothing waits in the queue, so that a
 * queued request never becomes unpredictable before it is accepted. */
bool gen_misbehave(struct gen *g)
{
	return !g->q_len && gen_chance(g, g->pf.misbehave);
}

/* ---- emitters ---- */

static struct vec_op *emit(struct gen *g, enum vec_kind kind)
{
	struct vec_op op;

	if (g->done)
		return NULL;
	if (kind != VEC_MEM && kind != VEC_MEMERR) {
		if (g->emitted == g->budget) {
			g->done = true;
			return NULL;
		}
		g->emitted++;
	}
	vec_op_init(&op, kind);
	if (vec_push(g->out, &op)) {
		g->done = true;
		return NULL;
	}
	return &g->out->ops[g->out->n_ops - 1];
}

void gen_mem(struct gen *g, uint64_t pa, uint32_t data)
{
	struct vec_op *op = emit(g, VEC_MEM);

	if (!op)
		return;
	op->addr = pa;
	op->data = data;
}

void gen_memerr(struct gen *g, uint64_t lo, uint64_t hi)
{
	struct vec_op *op = emit(g, VEC_MEMERR);

	if (!op)
		return;
	op->addr = lo;
	op->addr2 = hi;
}

static void emit_wr(struct gen *g, uint32_t off, uint32_t val)
{
	struct vec_op *op = emit(g, VEC_WR);

	if (!op)
		return;
	op->addr = off;
	op->data = val;
}

void gen_rd(struct gen *g, uint32_t off, bool expect, uint32_t val)
{
	struct vec_op *op = emit(g, VEC_RD);

	if (!op)
		return;
	op->addr = off;
	op->has_expect = expect;
	op->data = expect ? val : 0;
}

void gen_idle(struct gen *g, unsigned cycles)
{
	struct vec_op *op = emit(g, VEC_IDLE);

	if (op)
		op->data = cycles;
}

static bool irq_known(const struct gen *g, int *irq)
{
	if (!g->st_known)
		return false;
	*irq = (g->ctrl & SYSMMU_COM_CTRL_INT_EN) && (g->int_status & ~g->int_mask);
	return true;
}

bool gen_known_blocked(const struct gen *g, int *blocked)
{
	if (g->fb == FB_UNKNOWN)
		return false;
	*blocked = (g->ctrl & SYSMMU_COM_CTRL_BLOCK) || g->fb;
	return true;
}

void gen_check(struct gen *g)
{
	int irq = -1, blocked = -1;
	struct vec_op *op;

	irq_known(g, &irq);
	gen_known_blocked(g, &blocked);
	if (irq < 0 && blocked < 0)
		return;
	op = emit(g, VEC_CHECK);
	if (!op)
		return;
	op->exp_irq = irq;
	op->exp_blocked = blocked;
}

/* ---- stale-state bookkeeping ---- */

static struct gslot *slot_for(const struct gen *g, uint32_t va)
{
	int s = g->slot_of[va >> 20];

	return s < 0 ? NULL : &g->slots[s];
}

bool gen_va_clean(const struct gen *g, uint32_t va)
{
	const struct gslot *s = slot_for(g, va);
	unsigned j = (va >> 12) & 255;

	if (g->global_stale)
		return false;
	if (!s)
		return true;
	if (s->flpd_stale || s->sect_stale)
		return false;
	if (s->lp_stale & (1u << (j >> 4)))
		return false;
	return !(s->sp_stale[j >> 6] & (1ull << (j & 63)));
}

/* Software is about to change page j of a table: a cached leaf may stay. */
void gen_taint_l2(struct gslot *s, unsigned j)
{
	if (s->pg[j].kind == PG_SMALL)
		s->sp_stale[j >> 6] |= 1ull << (j & 63);
	else if (s->pg[j].kind == PG_LARGE)
		s->lp_stale |= (uint16_t)(1u << (j >> 4));
}

/* Software is about to change the level-1 entry of a slot. */
void gen_taint_l1(struct gslot *s)
{
	unsigned j;

	if (s->kind == SLOT_SECTION)
		s->sect_stale = true;
	/* Only a link some walk may have read can sit in the FLPD cache. */
	if (s->l1_link && s->flpd_cached)
		s->flpd_stale = true;
	if (s->kind != SLOT_TABLE)
		return;
	for (j = 0; j < 256; j++)
		gen_taint_l2(s, j);
}

/*
 * The FLPD entry of a slot goes away. Walks that went through it while it was
 * stale already marked the pages they may have filled (see accept()).
 */
static void flpd_removed(struct gslot *s)
{
	s->flpd_stale = false;
	s->flpd_cached = false;
}

/* A walk through a stale FLPD entry may cache a 4 KiB or 64 KiB leaf of the
 * old level-2 table for this VA. */
static void stale_walk(struct gen *g, uint32_t va)
{
	struct gslot *s = slot_for(g, va);
	unsigned j = (va >> 12) & 255;

	if (!s || !s->flpd_stale)
		return;
	s->sp_stale[j >> 6] |= 1ull << (j & 63);
	s->lp_stale |= (uint16_t)(1u << (j >> 4));
}

static void clean_range(struct gslot *s, uint32_t lo, uint32_t hi)
{
	uint32_t base = s->idx << 20;
	unsigned a, b, j;

	if (hi < base || lo > base + 0xFFFFFu)
		return;
	flpd_removed(s);
	s->sect_stale = false;
	a = lo < base ? 0 : (lo - base) >> 12;
	b = hi > base + 0xFFFFFu ? 255 : (hi - base) >> 12;
	for (j = a; j <= b; j++) {
		s->sp_stale[j >> 6] &= ~(1ull << (j & 63));
		s->lp_stale &= (uint16_t)~(1u << (j >> 4));
	}
}

/* ---- register writes and what they do to software's knowledge ---- */

static void drain(struct gen *g);

void gen_wr(struct gen *g, uint32_t off, uint32_t val)
{
	emit_wr(g, off, val);
}

/* PSTRB != 0xF: PSLVERR and no effect (spec §9), so nothing to track. */
void gen_wr_strb(struct gen *g, uint32_t off, uint32_t val, unsigned strb)
{
	struct vec_op *op = emit(g, VEC_WR);

	if (!op)
		return;
	op->addr = off;
	op->data = val;
	op->strb = (uint8_t)strb;
}

void gen_ctrl(struct gen *g, uint32_t val)
{
	emit_wr(g, SYSMMU_COM_MMU_CTRL, val);
	g->ctrl = val & SYSMMU_COM_CTRL_MASK;
	g->fb = 0;
	drain(g);
}

void gen_cfg(struct gen *g, uint32_t val)
{
	emit_wr(g, SYSMMU_COM_MMU_CFG, val);
	g->cfg = val & (g->v5 ? SYSMMU_V5_CFG_MASK : SYSMMU_V3_CFG_MASK);
}

void gen_ptbase(struct gen *g, uint64_t l1)
{
	uint32_t val;

	if (g->v5) {
		/* PFN bits [1:0] are ignored by the walker: set them now and then */
		val = (uint32_t)(l1 >> 12);
		if (!g->pf.mainline && gen_chance(g, 10))
			val |= gen_below(g, 4);
		emit_wr(g, SYSMMU_V5_PT_BASE_PFN, val);
		g->pt_reg = val & SYSMMU_V5_PT_BASE_PFN_MASK;
	} else {
		val = (uint32_t)l1;
		if (!g->pf.mainline && gen_chance(g, 10))
			val |= gen_below(g, 0x4000);
		emit_wr(g, SYSMMU_V3_PT_BASE_ADDR, val);
		g->pt_reg = val;
	}
}

void gen_flush_all(struct gen *g)
{
	unsigned i;

	emit_wr(g, g->v5 ? SYSMMU_V5_FLUSH_ALL : SYSMMU_V3_MMU_FLUSH, SYSMMU_COM_FLUSH_GO);
	g->global_stale = false;
	for (i = 0; i < g->n_slots; i++) {
		struct gslot *s = &g->slots[i];

		s->flpd_stale = s->sect_stale = s->flpd_cached = false;
		s->lp_stale = 0;
		memset(s->sp_stale, 0, sizeof(s->sp_stale));
	}
}

void gen_flush_entry(struct gen *g, uint32_t va)
{
	struct gslot *s = slot_for(g, va);

	emit_wr(g, g->v5 ? SYSMMU_V5_FLUSH_ENTRY : SYSMMU_V3_MMU_FLUSH_ENTRY,
		(va & ~0xFFFu) | SYSMMU_COM_FLUSH_GO);
	if (s)
		clean_range(s, va & ~0xFFFu, va | 0xFFFu);
}

void gen_flush_range(struct gen *g, uint32_t start, uint32_t end)
{
	uint32_t lo = start & ~0xFFFu, hi = end | 0xFFFu;
	unsigned i;

	if (start != g->flush_start) {
		emit_wr(g, SYSMMU_V5_FLUSH_START, start);
		g->flush_start = start;
	}
	if (end != g->flush_end) {
		emit_wr(g, SYSMMU_V5_FLUSH_END, end);
		g->flush_end = end;
	}
	emit_wr(g, SYSMMU_V5_FLUSH_RANGE, SYSMMU_COM_FLUSH_GO);
	if (lo > hi)
		return;
	for (i = 0; i < g->n_slots; i++)
		clean_range(&g->slots[i], lo, hi);
}

void gen_int_clear(struct gen *g, uint32_t bits)
{
	emit_wr(g, g->v5 ? SYSMMU_V5_INT_CLEAR : SYSMMU_V3_INT_CLEAR, bits);
	g->int_status &= ~bits;
}

/* ---- faults as software sees them (spec §8) ---- */

static uint32_t int_bit(const struct gen *g, enum sysmmu_fault k, bool write)
{
	static const unsigned v5_pos[SYSMMU_FAULT_KINDS] = { 0, 1, 2, 0, 3, 4 };

	if (g->v5)
		return 1u << (v5_pos[k] + (write ? SYSMMU_V5_INT_AW_SHIFT : 0));
	switch (k) {
	case SYSMMU_FAULT_PAGE: return SYSMMU_V3_INT_PAGE_FAULT;
	case SYSMMU_FAULT_BUS_ERROR: return SYSMMU_V3_INT_BUS_ERROR;
	case SYSMMU_FAULT_MULTI_HIT:
		return write ? SYSMMU_V3_INT_AW_MULTI_HIT : SYSMMU_V3_INT_AR_MULTI_HIT;
	case SYSMMU_FAULT_ACC_PROT:
		return write ? SYSMMU_V3_INT_AW_ACC_PROT : SYSMMU_V3_INT_AR_ACC_PROT;
	default:
		return write ? SYSMMU_V3_INT_AW_SEC_PROT : SYSMMU_V3_INT_AR_SEC_PROT;
	}
}

/* Latch register index: v3 0 PAGE_FAULT_ADDR, 1 AW, 2 AR, 3 DEFAULT_SLAVE;
 * v5 0 FAULT_AR_VA, 1 FAULT_AW_VA. */
static unsigned latch_of(const struct gen *g, enum sysmmu_fault k, bool write)
{
	if (g->v5)
		return write;
	if (k == SYSMMU_FAULT_PAGE)
		return 0;
	if (k == SYSMMU_FAULT_BUS_ERROR)
		return 3;
	return write ? 1 : 2;
}

/* Inverse of int_bit for the lowest set bit (what the ISR will see). */
static void bit_source(const struct gen *g, unsigned bit, enum sysmmu_fault *k,
		       unsigned *latch)
{
	struct vec_isr_src src;

	vec_isr_source(g->v5 ? SYSMMU_V5 : SYSMMU_V3, bit, &src);
	*k = src.kind;
	*latch = latch_of(g, src.kind, src.write);
}

static void record_fault(struct gen *g, enum sysmmu_fault k, bool write, uint32_t va)
{
	unsigned l = latch_of(g, k, write);

	g->int_status |= int_bit(g, k, write);
	g->latch_va[l] = va;
	g->latch_known[l] = true;
	g->fb = 1;
}

static void forget_faults(struct gen *g)
{
	g->st_known = false;
	memset(g->latch_known, 0, sizeof(g->latch_known));
}

/* ---- expected outcome from the allocation map ---- */

struct leaf {
	uint64_t pa;      /* page PA base */
	uint32_t size;
	uint8_t perm;
	bool ns;
};

static enum sysmmu_fault map_lookup(const struct gen *g, uint32_t va, struct leaf *lf)
{
	const struct gslot *s = slot_for(g, va);
	const struct gpage *p;

	if (!s)
		return SYSMMU_FAULT_PAGE;
	switch (s->kind) {
	case SLOT_SECTION:
		*lf = (struct leaf){ s->pa, 0x100000u, s->perm, s->ns };
		return SYSMMU_FAULT_NONE;
	case SLOT_TABLE:
		p = &s->pg[(va >> 12) & 255];
		if (p->kind == PG_NONE)
			return SYSMMU_FAULT_PAGE;
		*lf = (struct leaf){ p->pa, p->kind == PG_LARGE ? 0x10000u : 0x1000u,
				     p->perm, s->ns };
		return SYSMMU_FAULT_NONE;
	case SLOT_POISON_L1:
	case SLOT_POISON_L2:
		return SYSMMU_FAULT_BUS_ERROR;
	default:
		return SYSMMU_FAULT_PAGE;
	}
}

static enum sysmmu_fault outcome(const struct gen *g, const struct vec_op *op, uint64_t *pa)
{
	struct leaf lf;
	enum sysmmu_fault f = map_lookup(g, (uint32_t)op->addr, &lf);
	unsigned need = op->write ? SYSMMU_PERM_W : SYSMMU_PERM_R;

	*pa = 0;
	if (f)
		return f;
	if ((g->cfg & SYSMMU_COM_CFG_SEC_CHK) && op->ns && !lf.ns)
		return SYSMMU_FAULT_SEC_PROT;
	if ((g->cfg & SYSMMU_COM_CFG_EAP) && !(lf.perm & need))
		return SYSMMU_FAULT_ACC_PROT;
	*pa = lf.pa | (op->addr & (lf.size - 1));
	return SYSMMU_FAULT_NONE;
}

/*
 * An accepted translation may walk and, with FLPD_EN, cache the level-1 link
 * of its slot (spec §7): from now on a change of that link leaves the FLPD
 * stale until a flush covers it. Conservative: a TLB hit counts too.
 */
static void flpd_may_cache(struct gen *g, uint32_t va)
{
	struct gslot *s = slot_for(g, va);

	if (s && s->l1_link && (g->cfg & SYSMMU_COM_CFG_FLPD_EN))
		s->flpd_cached = true;
}

/* The MMU accepts request i now: write its expectation if software knows it. */
static void accept(struct gen *g, size_t i)
{
	struct vec_op *op = &g->out->ops[i];
	enum sysmmu_fault f;
	uint64_t pa;

	if (!(g->ctrl & SYSMMU_COM_CTRL_EN)) {
		op->expect = VEC_EXP_PA;
		op->exp_pa = op->addr;
		return;
	}
	flpd_may_cache(g, (uint32_t)op->addr);
	if (!gen_va_clean(g, (uint32_t)op->addr)) {
		stale_walk(g, (uint32_t)op->addr);
		g->fb = FB_UNKNOWN;
		forget_faults(g);
		return;
	}
	f = outcome(g, op, &pa);
	if (f) {
		op->expect = VEC_EXP_FAULT;
		op->exp_fault = f;
		record_fault(g, f, op->write, (uint32_t)op->addr);
		return;
	}
	op->expect = VEC_EXP_PA;
	op->exp_pa = pa;
}

static bool accepting(const struct gen *g)
{
	return !(g->ctrl & SYSMMU_COM_CTRL_BLOCK) && g->fb == 0;
}

static void drain(struct gen *g)
{
	unsigned k = 0;

	while (k < g->q_len && accepting(g))
		accept(g, g->queue[k++]);
	memmove(g->queue, g->queue + k, (g->q_len - k) * sizeof(g->queue[0]));
	g->q_len -= k;
}

/*
 * Issues one request. Callers only pass an unclean VA when the request will
 * be accepted at once (queue empty, not blocked): see gen_misbehave().
 */
void gen_xlate(struct gen *g, uint32_t va, bool write, bool ns)
{
	struct vec_op *op;
	size_t i;

	if (g->q_len == sizeof(g->queue) / sizeof(g->queue[0]))
		return;
	op = emit(g, VEC_XLATE);
	if (!op)
		return;
	op->addr = va;
	op->write = write;
	op->ns = ns;
	op->id = (uint16_t)gen_below(g, 1u << g->idw);
	op->len = (uint8_t)gen_below(g, 16);
	i = g->out->n_ops - 1;
	if (g->q_len || !accepting(g)) {
		g->queue[g->q_len++] = i;
		return;
	}
	accept(g, i);
}

/* ---- fault handling ---- */

/* The Linux fault handler (vexec expands the isr op the same way). */
void gen_isr(struct gen *g)
{
	struct vec_op *op = emit(g, VEC_ISR);
	enum sysmmu_fault k;
	unsigned bit, latch;

	if (op && g->st_known) {
		op->has_expect = true;
		op->exp_fault = SYSMMU_FAULT_NONE;
	}
	if (g->st_known && !g->int_status)
		return;
	if (g->st_known) {
		bit = (unsigned)__builtin_ctz(g->int_status);
		bit_source(g, bit, &k, &latch);
		g->int_status &= ~(1u << bit);
		if (op && g->latch_known[latch]) {
			op->exp_fault = k;
			op->exp_va = g->latch_va[latch];
		} else if (op) {
			op->has_expect = false;
		}
	}
	/* INT_STATUS != 0 whenever fault_block is set, so the handler always
	 * ends with CTRL = 0x5 when it matters. */
	g->ctrl = SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN;
	g->fb = 0;
	drain(g);
}

/* The fault address register of a latch (see latch_of()). */
static uint32_t latch_va_reg(const struct gen *g, unsigned latch)
{
	static const uint32_t v3[4] = {
		SYSMMU_V3_PAGE_FAULT_ADDR, SYSMMU_V3_AW_FAULT_ADDR,
		SYSMMU_V3_AR_FAULT_ADDR, SYSMMU_V3_DEFAULT_SLAVE_ADDR,
	};

	if (g->v5)
		return latch ? SYSMMU_V5_FAULT_AW_VA : SYSMMU_V5_FAULT_AR_VA;
	return v3[latch];
}

static uint32_t latch_info_reg(const struct gen *g, unsigned latch)
{
	if (g->v5)
		return latch ? SYSMMU_V5_AW_TRANS_INFO : SYSMMU_V5_AR_TRANS_INFO;
	return SYSMMU_V3_FAULT_TRANS_INFO;
}

/*
 * Software that polls services the lowest pending fault itself: it reads the
 * fault registers and clears that bit, or everything it saw pending.
 */
static void poll_service(struct gen *g)
{
	unsigned bit = (unsigned)__builtin_ctz(g->int_status), latch;
	uint32_t bits = 1u << bit;
	enum sysmmu_fault k;

	bit_source(g, bit, &k, &latch);
	gen_rd(g, latch_va_reg(g, latch), g->latch_known[latch], g->latch_va[latch]);
	gen_rd(g, latch_info_reg(g, latch), false, 0);
	if (gen_chance(g, 30))
		bits = g->int_status;
	gen_int_clear(g, bits);
}

/*
 * A fault software knows of, but no interrupt: INT_EN = 0 or the pending
 * sources are masked. Only profiles that switch interrupts off poll.
 */
static bool polling(const struct gen *g)
{
	int irq;

	if (!g->pf.w_irqmode || g->fb != 1 || !g->st_known || !g->int_status)
		return false;
	if (!(g->ctrl & SYSMMU_COM_CTRL_EN) || (g->ctrl & SYSMMU_COM_CTRL_BLOCK))
		return false;
	return irq_known(g, &irq) && !irq;
}

/*
 * Interrupts off or masked: software polls MMU_STATUS and INT_STATUS, which
 * show the fault all the same (spec §8.3: INT_STATUS and fault_block do not
 * depend on INT_EN or INT_MASK). Then it services the fault itself, or calls
 * the driver's handler (which works without an interrupt but leaves INT_EN
 * set), and unblocks with its own CTRL value.
 */
static void gen_poll(struct gen *g)
{
	uint32_t ctrl = g->ctrl;

	if (gen_chance(g, 50))
		gen_check(g);
	gen_rd(g, SYSMMU_COM_MMU_STATUS, true, SYSMMU_COM_STATUS_BLOCKED);
	gen_rd(g, g->v5 ? SYSMMU_V5_INT_STATUS : SYSMMU_V3_INT_STATUS, true, g->int_status);
	if (gen_chance(g, 30)) {
		gen_isr(g);
		/* back to interrupts off, unless a drained request faulted */
		if (!g->fb && !g->q_len && g->ctrl != ctrl)
			gen_ctrl(g, ctrl);
		return;
	}
	poll_service(g);
	gen_ctrl(g, ctrl);
}

/* Brings software back to "not fault-blocked, nothing queued". */
void gen_recover(struct gen *g)
{
	while (!g->done && (g->fb || g->q_len)) {
		if (polling(g))
			gen_poll(g);
		else if (g->ctrl == (SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN) &&
		    (!g->st_known || g->int_status))
			gen_isr(g);
		else
			gen_ctrl(g, g->ctrl & ~SYSMMU_COM_CTRL_BLOCK);
	}
}
