/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SYSMMU register map: the single source of truth (docs/spec.md §9).
 *
 * scripts/gen-regmap reads this file and writes the SystemVerilog package
 * the RTL uses, so keep every definition on one line in the form
 *   #define SYSMMU_<GROUP>_<NAME> <value>
 * with GROUP one of COM (both variants), V3, V5, and the value a plain
 * hex or decimal number (or a shift of numbers). No other syntax.
 */
#ifndef SYSMMU_REGS_H
#define SYSMMU_REGS_H

/* Common registers (both variants). */
#define SYSMMU_COM_MMU_CTRL            0x000
#define SYSMMU_COM_MMU_CFG             0x004
#define SYSMMU_COM_MMU_STATUS          0x008
#define SYSMMU_COM_MMU_VERSION         0x034

/* MMU_CTRL fields. */
#define SYSMMU_COM_CTRL_EN             0x1
#define SYSMMU_COM_CTRL_BLOCK          0x2
#define SYSMMU_COM_CTRL_INT_EN         0x4
#define SYSMMU_COM_CTRL_MASK           0x7

/* MMU_CFG fields that change behaviour. */
#define SYSMMU_COM_CFG_LRU             0x1
#define SYSMMU_COM_CFG_EAP             0x4
#define SYSMMU_COM_CFG_FLPD_EN         0x100000
/* Security check enable (docs/spec.md §4.1; our choice, reset 0 = off). */
#define SYSMMU_COM_CFG_SEC_CHK         0x10000000

/* MMU_CFG fields stored and read back only (docs/spec.md §9.1). */
#define SYSMMU_COM_CFG_QOS_SHIFT       7
#define SYSMMU_COM_CFG_QOS             0x780
#define SYSMMU_COM_CFG_SHAREABLE       0x1000
#define SYSMMU_V3_CFG_PB_EN            0x70000
#define SYSMMU_V3_CFG_SYSSEL           0x400000
#define SYSMMU_V3_CFG_ACGEN            0x1000000

/* Stored MMU_CFG bits per variant; the others read 0. */
#define SYSMMU_V3_CFG_MASK             0x11571785
#define SYSMMU_V5_CFG_MASK             0x10101785

/* MMU_STATUS fields. */
#define SYSMMU_COM_STATUS_BLOCKED      0x1

/* MMU_VERSION values (v3 ORs in TLB_ENTRIES at [6:0]). */
#define SYSMMU_V3_VERSION_BASE         0x30600000
#define SYSMMU_V5_VERSION_BASE         0x50000000

/* TLB_READ select register fields (both variants). */
#define SYSMMU_COM_TLB_READ_EN         0x1
#define SYSMMU_COM_TLB_READ_FLPD       0x2
#define SYSMMU_COM_TLB_READ_IDX_SHIFT  4
#define SYSMMU_COM_TLB_READ_MASK       0xFF3

/* TLB_ATTR fields. */
#define SYSMMU_COM_ATTR_VALID          0x1
#define SYSMMU_COM_ATTR_SIZE_SHIFT     1
#define SYSMMU_COM_ATTR_R              0x10
#define SYSMMU_COM_ATTR_W              0x20
#define SYSMMU_COM_ATTR_NS             0x100
#define SYSMMU_COM_ATTR_RANK_SHIFT     16

/* Flush-register trigger bit (MMU_FLUSH, FLUSH_*). */
#define SYSMMU_COM_FLUSH_GO            0x1

/* TRANS_INFO fields. */
#define SYSMMU_COM_TI_ID_MASK          0xFFFF
#define SYSMMU_COM_TI_LEN_SHIFT        16
#define SYSMMU_COM_TI_WRITE            0x100000

/* Performance counters: 0 TLB_HIT, 1 TLB_MISS, 2 PTW_READ, 3 FLPD_HIT, 4 FAULT. */
#define SYSMMU_COM_PM_COUNT            5

/* v3 (v1-v3 layout, SYSMMU v3.3). */
#define SYSMMU_V3_MMU_FLUSH            0x00C
#define SYSMMU_V3_MMU_FLUSH_ENTRY      0x010
#define SYSMMU_V3_PT_BASE_ADDR         0x014
#define SYSMMU_V3_INT_STATUS           0x018
#define SYSMMU_V3_INT_CLEAR            0x01C
#define SYSMMU_V3_INT_MASK             0x020
#define SYSMMU_V3_PAGE_FAULT_ADDR      0x024
#define SYSMMU_V3_AW_FAULT_ADDR        0x028
#define SYSMMU_V3_AR_FAULT_ADDR        0x02C
#define SYSMMU_V3_DEFAULT_SLAVE_ADDR   0x030
#define SYSMMU_V3_TLB_READ             0x040
#define SYSMMU_V3_TLB_PPN              0x044
#define SYSMMU_V3_TLB_VPN              0x048
#define SYSMMU_V3_FAULT_TRANS_INFO     0x04C
#define SYSMMU_V3_TLB_ATTR             0x050
#define SYSMMU_V3_PM_CNT0              0x910
#define SYSMMU_V3_PM_STRIDE            0x10

/* v3 INT_STATUS bits. */
#define SYSMMU_V3_INT_PAGE_FAULT       0x01
#define SYSMMU_V3_INT_AR_MULTI_HIT     0x02
#define SYSMMU_V3_INT_AW_MULTI_HIT     0x04
#define SYSMMU_V3_INT_BUS_ERROR        0x08
#define SYSMMU_V3_INT_AR_SEC_PROT      0x10
#define SYSMMU_V3_INT_AR_ACC_PROT      0x20
#define SYSMMU_V3_INT_AW_SEC_PROT      0x40
#define SYSMMU_V3_INT_AW_ACC_PROT      0x80
#define SYSMMU_V3_INT_MASK_ALL         0xFF

/* v5 layout. */
#define SYSMMU_V5_PT_BASE_PFN          0x00C
#define SYSMMU_V5_FLUSH_ALL            0x010
#define SYSMMU_V5_FLUSH_ENTRY          0x014
#define SYSMMU_V5_FLUSH_RANGE          0x018
#define SYSMMU_V5_FLUSH_START          0x020
#define SYSMMU_V5_FLUSH_END            0x024
#define SYSMMU_V5_CAPA                 0x030
#define SYSMMU_V5_INT_STATUS           0x060
#define SYSMMU_V5_INT_CLEAR            0x064
#define SYSMMU_V5_INT_MASK             0x068
#define SYSMMU_V5_FAULT_AR_VA          0x070
#define SYSMMU_V5_AR_TRANS_INFO        0x078
#define SYSMMU_V5_FAULT_AW_VA          0x080
#define SYSMMU_V5_AW_TRANS_INFO        0x088
#define SYSMMU_V5_PM_CNT0              0x644
#define SYSMMU_V5_PM_STRIDE            0x4
#define SYSMMU_V5_TLB_READ             0x750
#define SYSMMU_V5_TLB_VPN              0x754
#define SYSMMU_V5_TLB_PPN              0x758
#define SYSMMU_V5_TLB_ATTR             0x75C

/* v5 PT_BASE_PFN stored bits. */
#define SYSMMU_V5_PT_BASE_PFN_MASK     0xFFFFFF

/* v5 INT_STATUS bits: read side 0..4, write side 16..20. */
#define SYSMMU_V5_INT_BUS_ERROR        0x1
#define SYSMMU_V5_INT_PAGE_FAULT       0x2
#define SYSMMU_V5_INT_MULTI_HIT        0x4
#define SYSMMU_V5_INT_ACC_PROT         0x8
#define SYSMMU_V5_INT_SEC_PROT         0x10
#define SYSMMU_V5_INT_AW_SHIFT         16
#define SYSMMU_V5_INT_MASK_ALL         0x1F001F

#endif /* SYSMMU_REGS_H */
