// SPDX-License-Identifier: Apache-2.0
/*
 * Page-table formats and walk reads (docs/spec.md §3, §5). Every expected
 * address and PA below is worked out by hand from the spec.
 */
#include "helpers.h"

TestSuite(walk, .fini = fx_fini);

static void expect_tlb_empty(void)
{
	struct sysmmu_tlb_entry e;
	unsigned i;

	for (i = 0; i < sysmmu_get_config(fx.m)->tlb_entries; i++) {
		sysmmu_tlb_get(fx.m, i, &e);
		cr_expect_not(e.valid, "TLB entry %u valid after a faulting walk", i);
	}
}

/* ---- v3 ---- */

Test(walk, v3_section_one_read)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x0010048C, 0x87600402);
	r = rd_xl(0x12345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.pa, 0x87645678);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.walk_addr[0], 0x0010048C);
	cr_assert_eq(r.walk_data[0], 0x87600402);
	cr_assert_not(r.walk_err[0]);
	cr_assert_eq(r.size, SYSMMU_SIZE_1M);
	cr_assert_not(r.tlb_hit);
	cr_assert_not(r.bypass);
	cr_assert_eq(r.tlb_index, 0);

	r = rd_xl(0x123FFFFF);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.n_walk, 0);
	cr_assert_eq(r.pa, 0x876FFFFF);
	cr_assert_eq(r.tlb_index, 0);
}

Test(walk, v3_pt_base_low_bits_ignored)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	wr(SYSMMU_V3_PT_BASE_ADDR, 0x00103FFF);
	cr_assert_eq(rd(SYSMMU_V3_PT_BASE_ADDR), 0x00103FFF);
	mem_w(0x0010048C, 0x87600402);
	r = rd_xl(0x12345678);
	cr_assert_eq(r.walk_addr[0], 0x0010048C);
	cr_assert_eq(r.pa, 0x87645678);
}

Test(walk, v3_top_va_index)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00103FFC, 0x00000402);
	r = rd_xl(0xFFFFFFFF);
	cr_assert_eq(r.walk_addr[0], 0x00103FFC);
	cr_assert_eq(r.pa, 0x000FFFFF);
}

Test(walk, v3_section_bit18_is_plain_section)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x0010048C, 0x87640402);
	r = rd_xl(0x12345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.size, SYSMMU_SIZE_1M);
	cr_assert_eq(r.pa, 0x87645678);
}

Test(walk, v3_small_page_two_reads)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x9ABCD012);
	r = rd_xl(0x00402ABC);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_eq(r.walk_addr[0], 0x00100010);
	cr_assert_eq(r.walk_addr[1], 0x00200408);
	cr_assert_eq(r.walk_data[1], 0x9ABCD012);
	cr_assert_eq(r.pa, 0x9ABCDABC);
	cr_assert_eq(r.size, SYSMMU_SIZE_4K);
}

Test(walk, v3_small_page_type3)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x9ABCD013);
	r = rd_xl(0x00402ABC);
	cr_assert_eq(r.size, SYSMMU_SIZE_4K);
	cr_assert_eq(r.pa, 0x9ABCDABC);
}

Test(walk, v3_large_page)
{
	struct sysmmu_tlb_entry e;
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x002004DC, 0x55550011);
	r = rd_xl(0x00437ABC);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_eq(r.walk_addr[1], 0x002004DC);
	cr_assert_eq(r.size, SYSMMU_SIZE_64K);
	cr_assert_eq(r.pa, 0x55557ABC);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert(e.valid);
	cr_assert_eq(e.va_base, 0x00430000);
	cr_assert_eq(e.pa_base, 0x55550000);
	cr_assert_eq(e.size, SYSMMU_SIZE_64K);
	r = rd_xl(0x0043F000);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.pa, 0x5555F000);
}

Test(walk, v3_page_entry_low_bits_not_in_pa)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x9ABCDFF2);
	r = rd_xl(0x00402ABC);
	cr_assert_eq(r.pa, 0x9ABCDABC);
}

Test(walk, v3_link_base_ignores_low_bits)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x002007F1);
	mem_w(0x00200408, 0x9ABCD012);
	r = rd_xl(0x00402ABC);
	cr_assert_eq(r.walk_addr[1], 0x00200408);
	cr_assert_eq(r.pa, 0x9ABCDABC);
}

Test(walk, v3_l1_type0_page_fault)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	r = rd_xl(0x12345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(r.pa, 0);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.walk_addr[0], 0x0010048C);
	cr_assert_eq(r.tlb_index, -1);
	expect_tlb_empty();
}

Test(walk, v3_l1_type3_page_fault)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x0010048C, 0x87600403);
	r = rd_xl(0x12345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(r.n_walk, 1);
	expect_tlb_empty();
}

Test(walk, v3_l2_page_fault)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x9ABCD000);
	r = rd_xl(0x00402ABC);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_eq(r.walk_addr[0], 0x00100010);
	cr_assert_eq(r.walk_addr[1], 0x00200408);
	expect_tlb_empty();
}

Test(walk, v3_bus_error_level1)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x0010048C, 0x87600402);
	mem_err(0x0010048C);
	r = rd_xl(0x12345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(r.pa, 0);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.walk_addr[0], 0x0010048C);
	cr_assert(r.walk_err[0]);
	cr_assert_eq(r.walk_data[0], 0);
	expect_tlb_empty();
}

Test(walk, v3_bus_error_level2)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x9ABCD012);
	mem_err(0x00200408);
	r = rd_xl(0x00402ABC);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_not(r.walk_err[0]);
	cr_assert(r.walk_err[1]);
	cr_assert_eq(r.walk_addr[1], 0x00200408);
	expect_tlb_empty();
}

/* ---- v5 ---- */

Test(walk, v5_section_36bit_pa)
{
	struct sysmmu_tlb_entry e;
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x800002AF0ull, 0xF123003A);
	r = rd_xl(0xABC12345);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.walk_addr[0], 0x800002AF0ull);
	cr_assert_eq(r.pa, 0xF12312345ull);
	cr_assert_eq(r.size, SYSMMU_SIZE_1M);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert_eq(e.va_base, 0xABC00000);
	cr_assert_eq(e.pa_base, 0xF12300000ull);
	cr_assert(e.r);
	cr_assert(e.w);
	cr_assert(e.ns);
}

Test(walk, v5_pt_base_pfn_low_bits_ignored)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	wr(SYSMMU_V5_PT_BASE_PFN, 0x800003);
	cr_assert_eq(rd(SYSMMU_V5_PT_BASE_PFN), 0x800003);
	mem_w(0x800002AF0ull, 0xF123003A);
	r = rd_xl(0xABC12345);
	cr_assert_eq(r.walk_addr[0], 0x800002AF0ull);
}

Test(walk, v5_pt_base_pfn_max)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	wr(SYSMMU_V5_PT_BASE_PFN, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_V5_PT_BASE_PFN), 0xFFFFFF);
	r = rd_xl(0xFFF00000);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(r.walk_addr[0], 0xFFFFFFFFCull);
}

Test(walk, v5_section_entry_low_bits_not_in_pa)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x800002AF0ull, 0xF12FFFF2);
	r = rd_xl(0xABC12345);
	cr_assert_eq(r.pa, 0xF12F12345ull);
}

Test(walk, v5_small_page_36bit)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0xCDEF120E);
	r = rd_xl(0x00345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_eq(r.walk_addr[0], 0x80000000Cull);
	cr_assert_eq(r.walk_addr[1], 0x987654514ull);
	cr_assert_eq(r.pa, 0xCDEF12678ull);
	cr_assert_eq(r.size, SYSMMU_SIZE_4K);
}

Test(walk, v5_small_entry_low_bits_not_in_pa)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0xCDEF12FE);
	r = rd_xl(0x00345678);
	cr_assert_eq(r.pa, 0xCDEF12678ull);
}

Test(walk, v5_large_page_36bit)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0x76543FFD);
	r = rd_xl(0x00345678);
	cr_assert_eq(r.size, SYSMMU_SIZE_64K);
	cr_assert_eq(r.pa, 0x765435678ull);
}

Test(walk, v5_link_base_ignores_low_bits)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x80000000Cull, 0x98765439);
	mem_w(0x987654114ull, 0xCDEF120E);
	r = rd_xl(0x00345678);
	cr_assert_eq(r.walk_addr[1], 0x987654114ull);
	cr_assert_eq(r.pa, 0xCDEF12678ull);
}

Test(walk, v5_l1_fault_types)
{
	static const uint32_t types[] = { 0, 3, 4, 5, 6, 7 };
	struct sysmmu_result r;
	unsigned i;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		mem_w(0x800002AF0ull, 0xF1230030 | types[i]);
		r = rd_xl(0xABC12345);
		cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE, "type %u", types[i]);
		cr_assert_eq(r.n_walk, 1);
		cr_assert_eq(r.pa, 0);
		unblock();
	}
	expect_tlb_empty();
}

Test(walk, v5_l2_page_fault)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0xCDEF120C);
	r = rd_xl(0x00345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(r.n_walk, 2);
	expect_tlb_empty();
}

Test(walk, v5_bus_error_level1)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_err(0x800002AF0ull);
	r = rd_xl(0xABC12345);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(r.n_walk, 1);
	cr_assert(r.walk_err[0]);
	expect_tlb_empty();
}

Test(walk, v5_bus_error_level2)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x80000000Cull, 0x98765441);
	mem_err(0x987654514ull);
	r = rd_xl(0x00345678);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_eq(r.walk_addr[1], 0x987654514ull);
	cr_assert(r.walk_err[1]);
	expect_tlb_empty();
}
