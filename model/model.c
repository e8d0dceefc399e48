// SPDX-License-Identifier: Apache-2.0
/*
 * SYSMMU reference model: instance life cycle and translation
 * (docs/spec.md §2, §4). Area logic lives in tlb.c, flpd.c, walk.c,
 * fault.c and regmap.c.
 */
#include <stdlib.h>
#include <string.h>

#include "sysmmu/pte.h"
#include "sysmmu/regs.h"
#include "fault.h"
#include "flpd.h"
#include "tlb.h"
#include "walk.h"

static bool config_ok(const struct sysmmu_config *c)
{
	if (c->variant != SYSMMU_V3 && c->variant != SYSMMU_V5)
		return false;
	if (c->tlb_entries < 4 || c->tlb_entries > SYSMMU_TLB_MAX)
		return false;
	if (c->flpd_entries < 1 || c->flpd_entries > SYSMMU_FLPD_MAX)
		return false;
	return c->id_width >= 1 && c->id_width <= 16;
}

struct sysmmu *sysmmu_create(const struct sysmmu_config *cfg,
			     sysmmu_mem_read_fn read, void *read_ctx)
{
	struct sysmmu *s;

	if (!cfg || !read || !config_ok(cfg))
		return NULL;
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL; /* LCOV_EXCL_LINE: out of memory is not provoked by the tests */
	s->cfg = *cfg;
	s->read = read;
	s->read_ctx = read_ctx;
	sysmmu_reset(s);
	return s;
}

void sysmmu_destroy(struct sysmmu *s)
{
	free(s);
}

/* §11: everything but the configuration, the callbacks and the observer. */
void sysmmu_reset(struct sysmmu *s)
{
	s->ctrl = 0;
	s->mmu_cfg = 0;
	s->pt_base = 0;
	s->flush_start = 0;
	s->flush_end = 0;
	s->int_status = 0;
	s->int_mask = 0;
	s->tlb_read = 0;
	s->fault_block = false;
	memset(&s->latch, 0, sizeof(s->latch));
	memset(s->cnt, 0, sizeof(s->cnt));
	tlb_reset(&s->tlb, s->cfg.tlb_entries);
	flpd_reset(&s->flpd, s->cfg.flpd_entries);
}

void sysmmu_set_observer(struct sysmmu *s, sysmmu_observer_fn fn, void *ctx)
{
	s->obs = fn;
	s->obs_ctx = ctx;
}

const struct sysmmu_config *sysmmu_get_config(const struct sysmmu *s)
{
	return &s->cfg;
}

bool sysmmu_blocked(const struct sysmmu *s)
{
	return (s->ctrl & SYSMMU_COM_CTRL_BLOCK) || s->fault_block;
}

bool sysmmu_can_accept(const struct sysmmu *s)
{
	return !sysmmu_blocked(s);
}

bool sysmmu_irq(const struct sysmmu *s)
{
	return (s->ctrl & SYSMMU_COM_CTRL_INT_EN) && (s->int_status & ~s->int_mask);
}

uint32_t sysmmu_counter(const struct sysmmu *s, enum sysmmu_counter c)
{
	if ((unsigned)c >= SYSMMU_COM_PM_COUNT)
		return 0;
	return s->cnt[c];
}

void sysmmu_tlb_get(const struct sysmmu *s, unsigned idx, struct sysmmu_tlb_entry *e)
{
	tlb_get(&s->tlb, idx, e);
}

void sysmmu_flpd_get(const struct sysmmu *s, unsigned idx, struct sysmmu_flpd_entry *e)
{
	flpd_get(&s->flpd, idx, e);
}

static void tlb_event(struct sysmmu *s, enum sysmmu_event_kind kind, int index,
		      enum sysmmu_size size, bool evicted, unsigned count, uint32_t va)
{
	struct sysmmu_event ev = {
		.kind = kind,
		.index = index,
		.size = size,
		.evicted = evicted,
		.count = count,
		.va = va,
	};

	sysmmu_emit(s, &ev);
}

/*
 * §4 step 3: security first (only with SEC_CHK, §4.1), then access (only
 * with EAP); both as set now, not at fill.
 */
static enum sysmmu_fault check_leaf(const struct sysmmu *s, const struct sysmmu_req *req,
				    const struct sysmmu_leaf *leaf)
{
	if ((s->mmu_cfg & SYSMMU_COM_CFG_SEC_CHK) && req->ns && !leaf->ns)
		return SYSMMU_FAULT_SEC_PROT;
	if (!(s->mmu_cfg & SYSMMU_COM_CFG_EAP))
		return SYSMMU_FAULT_NONE;
	if (req->write ? !leaf->w : !leaf->r)
		return SYSMMU_FAULT_ACC_PROT;
	return SYSMMU_FAULT_NONE;
}

/* §4 step 2: walk and, for a leaf, fill the TLB before the checks. */
static enum sysmmu_fault translate_miss(struct sysmmu *s, uint32_t va,
					struct sysmmu_result *res, struct sysmmu_leaf *leaf)
{
	enum sysmmu_fault f;
	bool evicted;
	unsigned idx;

	s->cnt[SYSMMU_CNT_TLB_MISS]++;
	if (s->obs)
		tlb_event(s, SYSMMU_EV_TLB_MISS, -1, 0, false, 0, va);
	f = walk(s, va, res, leaf);
	if (f != SYSMMU_FAULT_NONE)
		return f;
	idx = tlb_fill(&s->tlb, va, leaf, s->mmu_cfg & SYSMMU_COM_CFG_LRU, &evicted);
	res->tlb_index = (int)idx;
	res->size = leaf->size;
	if (s->obs)
		tlb_event(s, SYSMMU_EV_TLB_FILL, (int)idx, leaf->size, evicted, 0, va);
	return SYSMMU_FAULT_NONE;
}

static void translate_hit(struct sysmmu *s, unsigned idx, uint32_t va, struct sysmmu_result *res,
			  struct sysmmu_leaf *leaf)
{
	const struct sysmmu_tlb_slot *e = &s->tlb.slot[idx];

	s->cnt[SYSMMU_CNT_TLB_HIT]++;
	tlb_touch(&s->tlb, idx);
	res->tlb_hit = true;
	res->tlb_index = (int)idx;
	res->size = e->size;
	leaf->size = e->size;
	leaf->pa_base = e->pa_base;
	leaf->r = e->r;
	leaf->w = e->w;
	leaf->ns = e->ns;
	if (s->obs)
		tlb_event(s, SYSMMU_EV_TLB_HIT, (int)idx, e->size, false, 0, va);
}

static void result_init(struct sysmmu_result *res)
{
	res->pa = 0;
	res->fault = SYSMMU_FAULT_NONE;
	res->bypass = false;
	res->tlb_hit = false;
	res->flpd_hit = false;
	res->n_walk = 0;
	res->walk_addr[0] = res->walk_addr[1] = 0;
	res->walk_data[0] = res->walk_data[1] = 0;
	res->walk_err[0] = res->walk_err[1] = false;
	res->tlb_index = -1;
	res->size = SYSMMU_SIZE_4K;
}

static enum sysmmu_fault translate_on(struct sysmmu *s, const struct sysmmu_req *req,
				      struct sysmmu_result *res, struct sysmmu_leaf *leaf)
{
	enum sysmmu_fault f;
	unsigned hits;
	int idx;

	hits = tlb_lookup(&s->tlb, req->va, &idx);
	if (hits == 1) {
		translate_hit(s, (unsigned)idx, req->va, res, leaf);
		return check_leaf(s, req, leaf);
	}
	if (hits > 1) {
		if (s->obs)
			tlb_event(s, SYSMMU_EV_MULTI_HIT, -1, 0, false, hits, req->va);
		return SYSMMU_FAULT_MULTI_HIT;
	}
	f = translate_miss(s, req->va, res, leaf);
	if (f != SYSMMU_FAULT_NONE)
		return f;
	return check_leaf(s, req, leaf);
}

int sysmmu_translate(struct sysmmu *s, const struct sysmmu_req *req,
		     struct sysmmu_result *res)
{
	struct sysmmu_leaf leaf;
	enum sysmmu_fault f;

	if (sysmmu_blocked(s))
		return -1;
	result_init(res);
	if (!(s->ctrl & SYSMMU_COM_CTRL_EN)) {
		res->bypass = true;
		res->pa = req->va;
		return 0;
	}
	f = translate_on(s, req, res, &leaf);
	if (f != SYSMMU_FAULT_NONE) {
		res->fault = f;
		fault_record(s, req, f);
		return 0;
	}
	res->pa = leaf.pa_base | (req->va & ~sysmmu_size_mask(leaf.size));
	return 0;
}

const char *sysmmu_fault_name(enum sysmmu_fault f)
{
	static const char *const names[SYSMMU_FAULT_KINDS] = {
		"NONE", "PAGE_FAULT", "MULTI_HIT", "BUS_ERROR", "ACC_PROT", "SEC_PROT",
	};

	if ((unsigned)f >= SYSMMU_FAULT_KINDS)
		return "UNKNOWN";
	return names[f];
}

const char *sysmmu_size_name(enum sysmmu_size sz)
{
	switch (sz) {
	case SYSMMU_SIZE_4K: return "4K";
	case SYSMMU_SIZE_64K: return "64K";
	case SYSMMU_SIZE_1M: return "1M";
	default: return "UNKNOWN";
	}
}
