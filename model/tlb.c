// SPDX-License-Identifier: Apache-2.0
/*
 * TLB state changes other than the hit path (docs/spec.md §6).
 */
#include <string.h>

#include "sysmmu/pte.h"
#include "tlb.h"

static void tlb_invalidate(struct sysmmu_tlb *t, unsigned i)
{
	/* Fields go back to zero so read-back and dumps of invalid entries are stable. */
	memset(&t->slot[i], 0, sizeof(t->slot[i]));
	t->match_mask[i] = 0;
	t->match_base[i] = 1;
	t->n_valid--;
}

void tlb_reset(struct sysmmu_tlb *t, unsigned n)
{
	unsigned i;

	memset(t, 0, sizeof(*t));
	t->n = n;
	for (i = 0; i < SYSMMU_TLB_MAX; i++) {
		t->match_mask[i] = 0;
		t->match_base[i] = 1;
		t->rank[i] = (uint8_t)i;
	}
}

/* Only called with n_valid < n: if entries 0..n-2 are valid, n-1 is not. */
static unsigned tlb_first_invalid(const struct sysmmu_tlb *t)
{
	unsigned i;

	for (i = 0; i < t->n - 1 && t->slot[i].valid; i++)
		;
	return i;
}

/*
 * Ranks are a permutation of 0..n-1, so exactly one entry holds n-1 (the
 * LRU one); entries past TLB_ENTRIES hold their index >= n. The fixed,
 * branch-free loop vectorizes.
 */
static unsigned tlb_lru_victim(const struct sysmmu_tlb *t)
{
	unsigned i, v = 0;

	for (i = 0; i < SYSMMU_TLB_MAX; i++)
		v += (t->rank[i] == t->n - 1) * i;
	return v;
}

static unsigned tlb_victim(struct sysmmu_tlb *t, bool lru)
{
	unsigned v;

	if (t->n_valid < t->n)
		return tlb_first_invalid(t);
	if (lru)
		return tlb_lru_victim(t);
	v = t->rr;
	t->rr = (t->rr + 1) % t->n;
	return v;
}

unsigned tlb_fill(struct sysmmu_tlb *t, uint32_t va, const struct sysmmu_leaf *leaf,
		  bool lru, bool *evicted)
{
	unsigned v = tlb_victim(t, lru);
	struct sysmmu_tlb_slot *e = &t->slot[v];
	uint32_t mask = sysmmu_size_mask(leaf->size);

	*evicted = e->valid;
	if (!e->valid)
		t->n_valid++;
	e->valid = true;
	e->size = leaf->size;
	e->va_base = va & mask;
	e->pa_base = leaf->pa_base;
	e->r = leaf->r;
	e->w = leaf->w;
	e->ns = leaf->ns;
	t->match_mask[v] = mask;
	t->match_base[v] = va & mask;
	tlb_touch(t, v);
	return v;
}

unsigned tlb_flush_all(struct sysmmu_tlb *t)
{
	unsigned i, count = 0;

	for (i = 0; i < t->n; i++) {
		if (!t->slot[i].valid)
			continue;
		tlb_invalidate(t, i);
		count++;
	}
	return count;
}

unsigned tlb_flush_entry(struct sysmmu_tlb *t, uint32_t va)
{
	unsigned i, count = 0;

	for (i = 0; i < t->n; i++) {
		if (!t->slot[i].valid || (va & t->match_mask[i]) != t->match_base[i])
			continue;
		tlb_invalidate(t, i);
		count++;
	}
	return count;
}

/* Intersection of [base, base + size - 1] with [start, end]; start <= end. */
static bool tlb_page_in_range(const struct sysmmu_tlb_slot *e, uint32_t start, uint32_t end)
{
	uint32_t last = e->va_base + (sysmmu_size_bytes(e->size) - 1);

	return e->va_base <= end && last >= start;
}

unsigned tlb_flush_range(struct sysmmu_tlb *t, uint32_t start, uint32_t end)
{
	unsigned i, count = 0;

	if (start > end)
		return 0;
	for (i = 0; i < t->n; i++) {
		if (!t->slot[i].valid || !tlb_page_in_range(&t->slot[i], start, end))
			continue;
		tlb_invalidate(t, i);
		count++;
	}
	return count;
}

void tlb_get(const struct sysmmu_tlb *t, unsigned idx, struct sysmmu_tlb_entry *e)
{
	const struct sysmmu_tlb_slot *s;

	memset(e, 0, sizeof(*e));
	if (idx >= t->n)
		return;
	s = &t->slot[idx];
	e->valid = s->valid;
	e->size = s->size;
	e->va_base = s->va_base;
	e->pa_base = s->pa_base;
	e->r = s->r;
	e->w = s->w;
	e->ns = s->ns;
	e->rank = t->rank[idx];
}
