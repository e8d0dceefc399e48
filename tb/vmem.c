// SPDX-License-Identifier: Apache-2.0
/*
 * Sparse 36-bit physical memory shared by the reference model and the RTL's
 * AXI slave: 4 KiB pages in an open-addressing hash table, plus a list of
 * bus-error regions. Unwritten memory reads 0.
 */
#include <stdlib.h>
#include <string.h>

#include "sysmmu/vec.h"

#define VMEM_PAGE_SHIFT 12
#define VMEM_PAGE_WORDS (1u << (VMEM_PAGE_SHIFT - 2))
#define VMEM_EMPTY UINT64_MAX

struct vmem_err {
	uint64_t lo, hi;
};

struct vmem {
	uint64_t *keys;          /* page numbers, VMEM_EMPTY when free */
	uint32_t **pages;
	size_t cap;              /* power of two */
	size_t used;
	struct vmem_err *errs;
	size_t n_errs, cap_errs;
};

static size_t slot_of(uint64_t key, size_t cap)
{
	/* Fibonacci hashing spreads consecutive page numbers. */
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

static int table_alloc(struct vmem *m, size_t cap)
{
	size_t i;

	m->keys = malloc(cap * sizeof(*m->keys));
	m->pages = calloc(cap, sizeof(*m->pages));
	if (!m->keys || !m->pages)
		return -1;
	for (i = 0; i < cap; i++)
		m->keys[i] = VMEM_EMPTY;
	m->cap = cap;
	return 0;
}

struct vmem *vmem_create(void)
{
	struct vmem *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	if (table_alloc(m, 256)) {
		vmem_destroy(m);
		return NULL;
	}
	return m;
}

void vmem_destroy(struct vmem *m)
{
	size_t i;

	if (!m)
		return;
	if (m->pages)
		for (i = 0; i < m->cap; i++)
			free(m->pages[i]);
	free(m->pages);
	free(m->keys);
	free(m->errs);
	free(m);
}

static uint32_t *find_page(const struct vmem *m, uint64_t key)
{
	size_t i = slot_of(key, m->cap);

	while (m->keys[i] != VMEM_EMPTY) {
		if (m->keys[i] == key)
			return m->pages[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static void insert_slot(struct vmem *m, uint64_t key, uint32_t *page)
{
	size_t i = slot_of(key, m->cap);

	while (m->keys[i] != VMEM_EMPTY)
		i = (i + 1) & (m->cap - 1);
	m->keys[i] = key;
	m->pages[i] = page;
}

static void grow(struct vmem *m)
{
	uint64_t *old_keys = m->keys;
	uint32_t **old_pages = m->pages;
	size_t old_cap = m->cap, i;

	if (table_alloc(m, old_cap * 2)) {
		/* Out of memory in a test tool: nothing sensible to continue with. */
		abort();
	}
	for (i = 0; i < old_cap; i++)
		if (old_keys[i] != VMEM_EMPTY)
			insert_slot(m, old_keys[i], old_pages[i]);
	free(old_keys);
	free(old_pages);
}

void vmem_write32(struct vmem *m, uint64_t pa, uint32_t data)
{
	uint64_t key = pa >> VMEM_PAGE_SHIFT;
	uint32_t *page = find_page(m, key);

	if (!page) {
		page = calloc(VMEM_PAGE_WORDS, sizeof(*page));
		if (!page)
			abort();
		if ((m->used + 1) * 2 > m->cap)
			grow(m);
		insert_slot(m, key, page);
		m->used++;
	}
	page[(pa >> 2) & (VMEM_PAGE_WORDS - 1)] = data;
}

static bool in_error(const struct vmem *m, uint64_t pa)
{
	size_t i;

	for (i = 0; i < m->n_errs; i++)
		if (pa + 3 >= m->errs[i].lo && pa <= m->errs[i].hi)
			return true;
	return false;
}

int vmem_read32(const struct vmem *m, uint64_t pa, uint32_t *data)
{
	const uint32_t *page;

	if (m->n_errs && in_error(m, pa)) {
		*data = 0;
		return -1;
	}
	page = find_page(m, pa >> VMEM_PAGE_SHIFT);
	*data = page ? page[(pa >> 2) & (VMEM_PAGE_WORDS - 1)] : 0;
	return 0;
}

uint32_t vmem_error_junk(uint64_t pa, unsigned n)
{
	/* splitmix64's finaliser: the same junk on every harness and host */
	uint64_t z = pa + 0x9E3779B97F4A7C15ull * ((uint64_t)n + 1);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	z ^= z >> 31;
	return ((uint32_t)z & ~7u) | (n & 7);
}

void vmem_add_error(struct vmem *m, uint64_t lo, uint64_t hi)
{
	if (m->n_errs == m->cap_errs) {
		size_t cap = m->cap_errs ? m->cap_errs * 2 : 8;
		struct vmem_err *e = realloc(m->errs, cap * sizeof(*e));

		if (!e)
			abort();
		m->errs = e;
		m->cap_errs = cap;
	}
	m->errs[m->n_errs].lo = lo;
	m->errs[m->n_errs].hi = hi;
	m->n_errs++;
}

int vmem_read_cb(void *ctx, uint64_t pa, uint32_t *data)
{
	return vmem_read32(ctx, pa, data);
}
