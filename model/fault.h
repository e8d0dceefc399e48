/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fault recording: INT_STATUS bits, latch registers, TRANS_INFO, irq
 * (docs/spec.md §8).
 */
#ifndef SYSMMU_MODEL_FAULT_H
#define SYSMMU_MODEL_FAULT_H

#include "state.h"

/* INT_STATUS bit (as a mask) for a fault kind, read or write side. */
uint32_t fault_int_bit(enum sysmmu_variant v, enum sysmmu_fault kind, bool write);

/* Record a faulting request: INT_STATUS, latches, fault_block, FAULT counter. */
void fault_record(struct sysmmu *s, const struct sysmmu_req *req, enum sysmmu_fault kind);

/* INT_MASK / INT_CLEAR bits that exist in this variant. */
uint32_t fault_int_mask_all(enum sysmmu_variant v);

#endif /* SYSMMU_MODEL_FAULT_H */
