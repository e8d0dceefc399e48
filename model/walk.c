// SPDX-License-Identifier: Apache-2.0
/*
 * Page-table walk (docs/spec.md §3, §5, §7).
 */
#include "sysmmu/pte.h"
#include "sysmmu/regs.h"
#include "flpd.h"
#include "walk.h"

uint64_t walk_l1_base(const struct sysmmu *s)
{
	if (sysmmu_is_v5(s))
		return (uint64_t)(s->pt_base & 0xFFFFFCu) << 12;
	return s->pt_base & 0xFFFFC000u;
}

/*
 * One page-table read, counted and recorded. Returns 0 or -1 on a bus
 * error; the data of an erroring read is ignored and recorded as 0.
 */
static int walk_read(struct sysmmu *s, uint64_t pa, struct sysmmu_result *res, uint32_t *data)
{
	unsigned n = res->n_walk++;
	uint32_t d = 0;
	int err = s->read(s->read_ctx, pa, &d) != 0;

	if (err)
		d = 0;
	s->cnt[SYSMMU_CNT_PTW_READ]++;
	res->walk_addr[n] = pa;
	res->walk_data[n] = d;
	res->walk_err[n] = err;
	*data = d;
	return err ? -1 : 0;
}

static void walk_perm(struct sysmmu_leaf *leaf, unsigned perm)
{
	leaf->r = perm & SYSMMU_PERM_R;
	leaf->w = (perm & SYSMMU_PERM_W) != 0;
}

static void flpd_event(struct sysmmu *s, enum sysmmu_event_kind kind, int index,
		       bool evicted, uint32_t va)
{
	struct sysmmu_event ev = {
		.kind = kind,
		.index = index,
		.evicted = evicted,
		.va = va,
	};

	sysmmu_emit(s, &ev);
}

/*
 * Level-1 step: the link entry from the FLPD cache or from memory.
 * Returns NONE with *l1 set (link or section), or the fault.
 */
static enum sysmmu_fault walk_l1(struct sysmmu *s, uint32_t va, struct sysmmu_result *res,
				 uint32_t *l1)
{
	bool flpd_en = s->mmu_cfg & SYSMMU_COM_CFG_FLPD_EN;
	enum sysmmu_variant v = s->cfg.variant;
	uint32_t tag = va >> 20;
	bool evicted;
	int i;

	if (flpd_en) {
		i = flpd_lookup(&s->flpd, tag);
		if (i >= 0) {
			res->flpd_hit = true;
			s->cnt[SYSMMU_CNT_FLPD_HIT]++;
			*l1 = s->flpd.e[i].entry;
			flpd_event(s, SYSMMU_EV_FLPD_HIT, i, false, va);
			return SYSMMU_FAULT_NONE;
		}
		flpd_event(s, SYSMMU_EV_FLPD_MISS, -1, false, va);
	}
	if (walk_read(s, walk_l1_base(s) | (uint64_t)tag << 2, res, l1))
		return SYSMMU_FAULT_BUS_ERROR;
	switch (sysmmu_l1_type(v, *l1)) {
	case SYSMMU_L1_SECTION:
		return SYSMMU_FAULT_NONE;
	case SYSMMU_L1_LINK:
		break;
	default:
		return SYSMMU_FAULT_PAGE;
	}
	if (flpd_en) {
		i = (int)flpd_insert(&s->flpd, tag, *l1, &evicted);
		flpd_event(s, SYSMMU_EV_FLPD_FILL, i, evicted, va);
	}
	return SYSMMU_FAULT_NONE;
}

enum sysmmu_fault walk(struct sysmmu *s, uint32_t va, struct sysmmu_result *res,
		       struct sysmmu_leaf *leaf)
{
	enum sysmmu_variant v = s->cfg.variant;
	enum sysmmu_fault f;
	uint32_t l1, l2;
	uint64_t addr;

	f = walk_l1(s, va, res, &l1);
	if (f != SYSMMU_FAULT_NONE)
		return f;
	leaf->ns = sysmmu_l1_ns(v, l1);
	if (sysmmu_l1_type(v, l1) == SYSMMU_L1_SECTION) {
		leaf->size = SYSMMU_SIZE_1M;
		leaf->pa_base = sysmmu_section_pa(v, l1);
		walk_perm(leaf, sysmmu_section_perm(v, l1));
		return SYSMMU_FAULT_NONE;
	}
	addr = sysmmu_l1_link_base(v, l1) | (uint64_t)((va >> 12) & 0xFF) << 2;
	if (walk_read(s, addr, res, &l2))
		return SYSMMU_FAULT_BUS_ERROR;
	switch (sysmmu_l2_type(l2)) {
	case SYSMMU_L2_SMALL:
		leaf->size = SYSMMU_SIZE_4K;
		leaf->pa_base = sysmmu_small_pa(v, l2);
		break;
	case SYSMMU_L2_LARGE:
		leaf->size = SYSMMU_SIZE_64K;
		leaf->pa_base = sysmmu_large_pa(v, l2);
		break;
	default:
		return SYSMMU_FAULT_PAGE;
	}
	walk_perm(leaf, sysmmu_page_perm(v, l2));
	return SYSMMU_FAULT_NONE;
}
