/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Internal state of one SYSMMU reference model instance (docs/spec.md §2).
 * Shared by the area files in model/; not part of the public API.
 */
#ifndef SYSMMU_MODEL_STATE_H
#define SYSMMU_MODEL_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "sysmmu/model.h"
#include "sysmmu/regs.h"

/* A translation found by a walk or held by a TLB entry (§6.1). */
struct sysmmu_leaf {
	enum sysmmu_size size;
	uint64_t pa_base;
	bool r, w, ns;
};

/*
 * TLB match arrays are kept apart from the rest of the entry so the lookup
 * loop touches two small dense arrays only. An invalid entry holds
 * match_mask = 0 and match_base = 1: (va & 0) can never equal 1, so the
 * lookup needs no separate valid test.
 */
struct sysmmu_tlb {
	uint32_t match_mask[SYSMMU_TLB_MAX];
	uint32_t match_base[SYSMMU_TLB_MAX];
	uint8_t rank[SYSMMU_TLB_MAX];
	struct sysmmu_tlb_slot {
		bool valid;
		bool r, w, ns;
		enum sysmmu_size size;
		uint32_t va_base;
		uint64_t pa_base;
	} slot[SYSMMU_TLB_MAX];
	unsigned n;        /* TLB_ENTRIES */
	unsigned n_valid;  /* valid entries, to skip the invalid-first scan */
	unsigned rr;       /* round-robin pointer (§6.3) */
};

struct sysmmu_flpd {
	struct sysmmu_flpd_entry e[SYSMMU_FLPD_MAX];
	unsigned n;        /* FLPD_ENTRIES */
	unsigned rr;       /* round-robin pointer (§7) */
};

/* Fault latch registers (§8.2); v3 and v5 use different subsets. */
struct sysmmu_latch {
	uint32_t page_fault_addr;     /* v3 */
	uint32_t aw_fault_addr;       /* v3 */
	uint32_t ar_fault_addr;       /* v3 */
	uint32_t default_slave_addr;  /* v3 */
	uint32_t fault_trans_info;    /* v3 */
	uint32_t ar_va, ar_info;      /* v5 */
	uint32_t aw_va, aw_info;      /* v5 */
};

struct sysmmu {
	struct sysmmu_config cfg;
	sysmmu_mem_read_fn read;
	void *read_ctx;
	sysmmu_observer_fn obs;
	void *obs_ctx;

	uint32_t ctrl;
	uint32_t mmu_cfg;
	uint32_t pt_base;       /* v3 PT_BASE_ADDR or v5 PT_BASE_PFN, as stored */
	uint32_t flush_start;
	uint32_t flush_end;
	uint32_t int_status;
	uint32_t int_mask;
	uint32_t tlb_read;
	bool fault_block;
	struct sysmmu_latch latch;
	uint32_t cnt[SYSMMU_COM_PM_COUNT];

	struct sysmmu_tlb tlb;
	struct sysmmu_flpd flpd;
};

static inline bool sysmmu_is_v5(const struct sysmmu *s)
{
	return s->cfg.variant == SYSMMU_V5;
}

static inline void sysmmu_emit(struct sysmmu *s, const struct sysmmu_event *ev)
{
	if (s->obs)
		s->obs(s->obs_ctx, ev);
}

#endif /* SYSMMU_MODEL_STATE_H */
