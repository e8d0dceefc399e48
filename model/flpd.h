/* SPDX-License-Identifier: Apache-2.0 */
/*
 * FLPD cache: level-1 link entries by VA[31:20] (docs/spec.md §7).
 */
#ifndef SYSMMU_MODEL_FLPD_H
#define SYSMMU_MODEL_FLPD_H

#include "state.h"

void flpd_reset(struct sysmmu_flpd *f, unsigned n);

/* Index of the valid entry with this tag, or -1. Tags are unique: an
 * insert only follows a lookup miss of the same tag. */
int flpd_lookup(const struct sysmmu_flpd *f, uint32_t tag);

/* Insert a link; returns the index, *evicted = the victim was valid. */
unsigned flpd_insert(struct sysmmu_flpd *f, uint32_t tag, uint32_t entry, bool *evicted);

/* Flushes (§6.4); each returns the number of entries invalidated. */
unsigned flpd_flush_all(struct sysmmu_flpd *f);
unsigned flpd_flush_tag(struct sysmmu_flpd *f, uint32_t tag);
unsigned flpd_flush_range(struct sysmmu_flpd *f, uint32_t start, uint32_t end);

void flpd_get(const struct sysmmu_flpd *f, unsigned idx, struct sysmmu_flpd_entry *e);

#endif /* SYSMMU_MODEL_FLPD_H */
