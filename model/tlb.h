/* SPDX-License-Identifier: Apache-2.0 */
/*
 * TLB: lookup, LRU ranks, victim choice, fill, flushes (docs/spec.md §6).
 * Lookup and touch are inline: they are the whole hit path.
 */
#ifndef SYSMMU_MODEL_TLB_H
#define SYSMMU_MODEL_TLB_H

#include "state.h"

void tlb_reset(struct sysmmu_tlb *t, unsigned n);

/*
 * Count the entries matching va. Returns the number of matches and stores
 * the index of a matching entry in *idx (meaningful when exactly one
 * matches). The loop always covers SYSMMU_TLB_MAX entries: entries past
 * TLB_ENTRIES are invalid and never match, and a fixed trip count without
 * branches lets the compiler vectorize the scan.
 */
static inline unsigned tlb_lookup(const struct sysmmu_tlb *t, uint32_t va, int *idx)
{
	unsigned i, hits = 0, sum = 0;

	for (i = 0; i < SYSMMU_TLB_MAX; i++) {
		unsigned eq = (va & t->match_mask[i]) == t->match_base[i];

		hits += eq;
		sum += eq * i;
	}
	*idx = hits ? (int)sum : -1;
	return hits;
}

/* §6.2: entries more recent than idx age by one, idx becomes rank 0. */
static inline void tlb_touch(struct sysmmu_tlb *t, unsigned idx)
{
	unsigned i;
	uint8_t old = t->rank[idx];

	if (old == 0)
		return;
	/* Ranks past TLB_ENTRIES are >= n > old: the fixed bound changes nothing. */
	for (i = 0; i < SYSMMU_TLB_MAX; i++)
		t->rank[i] += t->rank[i] < old;
	t->rank[idx] = 0;
}

/*
 * Write leaf at va into the victim entry chosen by §6.3 and touch it.
 * Returns the index; *evicted says whether the victim was valid.
 */
unsigned tlb_fill(struct sysmmu_tlb *t, uint32_t va, const struct sysmmu_leaf *leaf,
		  bool lru, bool *evicted);

/* Flushes (§6.4); each returns the number of entries invalidated. */
unsigned tlb_flush_all(struct sysmmu_tlb *t);
unsigned tlb_flush_entry(struct sysmmu_tlb *t, uint32_t va);
unsigned tlb_flush_range(struct sysmmu_tlb *t, uint32_t start, uint32_t end);

void tlb_get(const struct sysmmu_tlb *t, unsigned idx, struct sysmmu_tlb_entry *e);

#endif /* SYSMMU_MODEL_TLB_H */
