/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Register map decode and APB access rules per variant (docs/spec.md §9).
 */
#ifndef SYSMMU_MODEL_REGMAP_H
#define SYSMMU_MODEL_REGMAP_H

#include "state.h"

/* Registers of both layouts, variant-neutral names. */
enum reg_id {
	REG_NONE,
	REG_CTRL,
	REG_CFG,
	REG_STATUS,
	REG_VERSION,
	REG_PT_BASE,
	REG_FLUSH_ALL,
	REG_FLUSH_ENTRY,
	REG_FLUSH_RANGE,
	REG_FLUSH_START,
	REG_FLUSH_END,
	REG_CAPA,
	REG_INT_STATUS,
	REG_INT_CLEAR,
	REG_INT_MASK,
	REG_V3_PAGE_FAULT_ADDR,
	REG_V3_AW_FAULT_ADDR,
	REG_V3_AR_FAULT_ADDR,
	REG_V3_DEFAULT_SLAVE_ADDR,
	REG_V3_FAULT_TRANS_INFO,
	REG_V5_AR_VA,
	REG_V5_AR_INFO,
	REG_V5_AW_VA,
	REG_V5_AW_INFO,
	REG_TLB_READ,
	REG_TLB_VPN,
	REG_TLB_PPN,
	REG_TLB_ATTR,
	REG_PM_CNT0,   /* REG_PM_CNT0 + n, n = 0..4; keep these last */
};

/* Register at byte offset off (PADDR[11:0], word aligned) or REG_NONE. */
enum reg_id reg_decode(enum sysmmu_variant v, uint32_t off);

#endif /* SYSMMU_MODEL_REGMAP_H */
