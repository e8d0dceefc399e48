/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Page-table walk with the FLPD cache (docs/spec.md §5).
 */
#ifndef SYSMMU_MODEL_WALK_H
#define SYSMMU_MODEL_WALK_H

#include "state.h"

/* Level-1 table base from the stored PT base register (§5). */
uint64_t walk_l1_base(const struct sysmmu *s);

/*
 * Walk for va. Records every read in res (n_walk, walk_addr, walk_data,
 * walk_err) and res->flpd_hit. Returns SYSMMU_FAULT_NONE with *leaf filled,
 * or SYSMMU_FAULT_PAGE / SYSMMU_FAULT_BUS_ERROR.
 */
enum sysmmu_fault walk(struct sysmmu *s, uint32_t va, struct sysmmu_result *res,
		       struct sysmmu_leaf *leaf);

#endif /* SYSMMU_MODEL_WALK_H */
