/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Functional coverage collector (docs/coverage.md). The scoreboard feeds it
 * what the reference model did; it counts hits per bin of each covergroup
 * (named *_cg) and writes them as JSON for the regression runner to merge.
 */
#ifndef SYSMMU_FCOV_H
#define SYSMMU_FCOV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sysmmu/model.h"
#include "sysmmu/vec.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fcov;

/* model and mem are read (never changed) to classify events, e.g. whether
 * the TLB is full or an FLPD hit is stale. */
struct fcov *fcov_create(const struct sysmmu *model, const struct vmem *mem);
void fcov_destroy(struct fcov *c);

/* Every observer event of the model (forward from the scoreboard's observer). */
void fcov_event(struct fcov *c, const struct sysmmu_event *ev);
/* Every translation the model made, after it returned. */
void fcov_xlate(struct fcov *c, const struct sysmmu_req *req, const struct sysmmu_result *res);
/* Every register access; pending = requests issued but not yet accepted,
 * in_fault_block = the MMU was blocked by a fault before this access. */
void fcov_reg(struct fcov *c, bool write, uint32_t off, uint32_t val, int err,
	      size_t pending, bool in_fault_block);

/*
 * Writes {"covergroups": {"<name>_cg": {"<bin>": count, ...}, ...}} with
 * every defined bin present (count 0 for holes), bins in a fixed order.
 */
void fcov_write_json(const struct fcov *c, FILE *f);

/* Hits of one bin, or -1 when the group or bin does not exist (tests). */
long long fcov_get(const struct fcov *c, const char *group, const char *bin);
/* Number of defined bins and how many of them have been hit. */
void fcov_totals(const struct fcov *c, unsigned *bins, unsigned *hit);

#ifdef __cplusplus
}
#endif

#endif /* SYSMMU_FCOV_H */
