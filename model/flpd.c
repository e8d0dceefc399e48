// SPDX-License-Identifier: Apache-2.0
/*
 * FLPD cache (docs/spec.md §7): lowest-index invalid victim, else round robin.
 */
#include <string.h>

#include "flpd.h"

void flpd_reset(struct sysmmu_flpd *f, unsigned n)
{
	memset(f, 0, sizeof(*f));
	f->n = n;
}

int flpd_lookup(const struct sysmmu_flpd *f, uint32_t tag)
{
	unsigned i;

	for (i = 0; i < f->n; i++) {
		if (f->e[i].valid && f->e[i].tag == tag)
			return (int)i;
	}
	return -1;
}

static unsigned flpd_victim(struct sysmmu_flpd *f)
{
	unsigned i, v;

	for (i = 0; i < f->n; i++) {
		if (!f->e[i].valid)
			return i;
	}
	v = f->rr;
	f->rr = (f->rr + 1) % f->n;
	return v;
}

unsigned flpd_insert(struct sysmmu_flpd *f, uint32_t tag, uint32_t entry, bool *evicted)
{
	unsigned v = flpd_victim(f);

	*evicted = f->e[v].valid;
	f->e[v].valid = true;
	f->e[v].tag = tag;
	f->e[v].entry = entry;
	return v;
}

static void flpd_invalidate(struct sysmmu_flpd *f, unsigned i)
{
	memset(&f->e[i], 0, sizeof(f->e[i]));
}

unsigned flpd_flush_all(struct sysmmu_flpd *f)
{
	unsigned i, count = 0;

	for (i = 0; i < f->n; i++) {
		if (!f->e[i].valid)
			continue;
		flpd_invalidate(f, i);
		count++;
	}
	return count;
}

unsigned flpd_flush_tag(struct sysmmu_flpd *f, uint32_t tag)
{
	int i = flpd_lookup(f, tag);

	if (i < 0)
		return 0;
	flpd_invalidate(f, (unsigned)i);
	return 1;
}

/* An entry covers [tag << 20, tag << 20 | 0xFFFFF]; start <= end. */
unsigned flpd_flush_range(struct sysmmu_flpd *f, uint32_t start, uint32_t end)
{
	unsigned i, count = 0;

	if (start > end)
		return 0;
	for (i = 0; i < f->n; i++) {
		uint32_t base = f->e[i].tag << 20;

		if (!f->e[i].valid || base > end || (base | 0xFFFFFu) < start)
			continue;
		flpd_invalidate(f, i);
		count++;
	}
	return count;
}

void flpd_get(const struct sysmmu_flpd *f, unsigned idx, struct sysmmu_flpd_entry *e)
{
	memset(e, 0, sizeof(*e));
	if (idx >= f->n)
		return;
	*e = f->e[idx];
}
