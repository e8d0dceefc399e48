// SPDX-License-Identifier: Apache-2.0
/*
 * Bypass (docs/spec.md §2.2) and performance counters (§10).
 */
#include "helpers.h"

TestSuite(state, .fini = fx_fini);

Test(state, v3_bypass_pa_equals_va)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	r = xl(0xFFFFFFFF, true, true);
	cr_assert(r.bypass);
	cr_assert_eq(r.pa, 0xFFFFFFFF);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_not(r.tlb_hit);
	cr_assert_not(r.flpd_hit);
	cr_assert_eq(r.n_walk, 0);
	cr_assert_eq(r.tlb_index, -1);
	cr_assert_eq(fx.reads, 0);
}

Test(state, v5_bypass_zero_extends)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_FLPD_EN);
	r = xl(0x80001234, false, true);
	cr_assert(r.bypass);
	cr_assert_eq(r.pa, 0x080001234ull);
	cr_assert_eq(fx.reads, 0);
}

Test(state, bypass_ignores_tlb_and_counts_nothing)
{
	struct sysmmu_tlb_entry e;
	struct sysmmu_result r;
	unsigned i;

	fx_setup(V3, 4, 8);
	map_v3_section_identity(1);
	mem_w(V3_L1B + 8, 0x87600402);
	fx_enable(SYSMMU_COM_CFG_EAP);
	rd_xl(0x00200000);
	rd_xl(0x00100000);
	wr(SYSMMU_COM_MMU_CTRL, 0);
	r = xl(0x00212345, true, false);
	cr_assert(r.bypass);
	cr_assert_not(r.tlb_hit);
	cr_assert_eq(r.pa, 0x00212345);
	r = xl(0x00A00000, false, true); /* unmapped: no fault in bypass */
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert_eq(e.rank, 1); /* MiB 2, not touched by the bypassed access */
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_HIT), 0);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_MISS), 2);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_PTW_READ), 2);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FAULT), 0);
	for (i = 2; i < 4; i++) {
		sysmmu_tlb_get(fx.m, i, &e);
		cr_assert_not(e.valid);
	}
}

Test(state, counters_follow_a_sequence)
{
	fx_setup(V3, 32, 8);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x00402012);
	mem_w(0x0020040C, 0x00403012);
	map_v3_section_identity(5);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0x00402000);                   /* miss, 2 reads */
	rd_xl(0x00402004);                   /* hit */
	rd_xl(0x00403000);                   /* miss, FLPD hit, 1 read */
	rd_xl(0x00500000);                   /* miss, 1 read */
	rd_xl(0x00500004);                   /* hit */
	cr_assert_eq(rd_xl(0x00600000).fault, SYSMMU_FAULT_PAGE); /* miss, 1 read */
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x00), 2);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x10), 4);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x20), 5);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x30), 1);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x40), 1);
}

Test(state, v5_counters_bus_error_reads_count)
{
	fx_setup(V5, 32, 8);
	mem_w(0x800000010ull, 0x98765441);
	mem_err(0x987654408ull);
	mem_err(0x800000020ull);
	fx_enable(0);
	cr_assert_eq(rd_xl(0x00402000).fault, SYSMMU_FAULT_BUS_ERROR);
	unblock();
	cr_assert_eq(rd_xl(0x00800000).fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(rd(SYSMMU_V5_PM_CNT0 + 4), 2);   /* TLB_MISS */
	cr_assert_eq(rd(SYSMMU_V5_PM_CNT0 + 8), 3);   /* PTW_READ */
	cr_assert_eq(rd(SYSMMU_V5_PM_CNT0 + 16), 2);  /* FAULT */
}

Test(state, hit_with_permission_fault_counts_hit_and_fault)
{
	fx_setup(V3, 32, 8);
	mem_w(V3_L1B + 4, 0x00108402); /* read only */
	fx_enable(SYSMMU_COM_CFG_EAP);
	rd_xl(0x00100000);
	cr_assert_eq(xl(0x00100000, true, false).fault, SYSMMU_FAULT_ACC_PROT);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_HIT), 1);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_MISS), 1);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FAULT), 1);
}

Test(state, counter_write_loads_and_wraps)
{
	fx_setup(V3, 32, 8);
	map_v3_section_identity(1);
	fx_enable(0);
	wr(SYSMMU_V3_PM_CNT0 + 0x10, 0xFFFFFFFF);
	wr(SYSMMU_V3_PM_CNT0 + 0x20, 0xFFFFFFFF);
	wr(SYSMMU_V3_PM_CNT0, 100);
	rd_xl(0x00100000);
	rd_xl(0x00100000);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x10), 0);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x20), 0);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0), 101);
}
