// SPDX-License-Identifier: Apache-2.0
/*
 * Flush all / entry / range against each page size, TLB and FLPD
 * (docs/spec.md §6.4).
 */
#include "helpers.h"

TestSuite(flush, .fini = fx_fini);

/*
 * Three entries: 0 = 4 KiB page 0x00402000, 1 = 64 KiB page 0x00430000
 * (both under the link of MiB 4, cached in FLPD entry 0), 2 = 1 MiB
 * section 0x00500000.
 */
static void load3(enum sysmmu_variant v)
{
	fx_setup(v, 8, 4);
	if (v == V5) {
		mem_w(0x800000010ull, 0x98765441);
		mem_w(0x987654408ull, 0x0004020E);
		mem_w(0x9876544C0ull, 0x0004300D);
		mem_w(0x800000014ull, 0x00050032);
	} else {
		mem_w(0x00100010, 0x00200401);
		mem_w(0x00200408, 0x00402012);
		mem_w(0x002004C0, 0x00430011);
		mem_w(0x00100014, 0x00500402);
	}
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	cr_assert_eq(rd_xl(0x00402000).tlb_index, 0);
	cr_assert_eq(rd_xl(0x00430000).tlb_index, 1);
	cr_assert_eq(rd_xl(0x00500000).tlb_index, 2);
}

/* Bit i set = TLB entry i valid. */
static unsigned tlb_valid(void)
{
	struct sysmmu_tlb_entry e;
	unsigned i, m = 0;

	for (i = 0; i < 8; i++) {
		sysmmu_tlb_get(fx.m, i, &e);
		m |= (unsigned)e.valid << i;
	}
	return m;
}

static unsigned flpd_valid(void)
{
	struct sysmmu_flpd_entry e;
	unsigned i, m = 0;

	for (i = 0; i < 4; i++) {
		sysmmu_flpd_get(fx.m, i, &e);
		m |= (unsigned)e.valid << i;
	}
	return m;
}

Test(flush, v3_flush_all)
{
	load3(V3);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
	wr(SYSMMU_V3_MMU_FLUSH, 0xFFFFFFFE);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	cr_assert_eq(tlb_valid(), 0);
	cr_assert_eq(flpd_valid(), 0);
	cr_assert_not(rd_xl(0x00402000).tlb_hit);
}

Test(flush, v5_flush_all)
{
	load3(V5);
	wr(SYSMMU_V5_FLUSH_ALL, 0);
	cr_assert_eq(tlb_valid(), 0x7);
	wr(SYSMMU_V5_FLUSH_ALL, 1);
	cr_assert_eq(tlb_valid(), 0);
	cr_assert_eq(flpd_valid(), 0);
}

static void run_flush_entry_4k(enum sysmmu_variant v)
{
	load3(v);
	wr(off_flush_entry(), 0x00402FFE); /* bit0 = 0: nothing */
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
	/* Next page: no TLB entry, but the FLPD entry of MiB 4 goes. */
	wr(off_flush_entry(), 0x00403001);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0);
	wr(off_flush_entry(), 0x00402FFF); /* VA 0x00402000 */
	cr_assert_eq(tlb_valid(), 0x6);
}

Test(flush, v3_flush_entry_small_page)
{
	run_flush_entry_4k(V3);
}

Test(flush, v5_flush_entry_small_page)
{
	run_flush_entry_4k(V5);
}

static void run_flush_entry_64k(enum sysmmu_variant v)
{
	load3(v);
	wr(off_flush_entry(), 0x00440001);
	cr_assert_eq(tlb_valid(), 0x7);
	wr(off_flush_entry(), 0x0043F001);
	cr_assert_eq(tlb_valid(), 0x5);
}

Test(flush, v3_flush_entry_large_page_any_va_inside)
{
	run_flush_entry_64k(V3);
}

Test(flush, v5_flush_entry_large_page_any_va_inside)
{
	run_flush_entry_64k(V5);
}

static void run_flush_entry_1m(enum sysmmu_variant v)
{
	load3(v);
	wr(off_flush_entry(), 0x00600001);
	cr_assert_eq(tlb_valid(), 0x7);
	wr(off_flush_entry(), 0x005AB001);
	cr_assert_eq(tlb_valid(), 0x3);
	cr_assert_eq(flpd_valid(), 0x1); /* tag 5 was never cached */
}

Test(flush, v3_flush_entry_section_any_va_inside)
{
	run_flush_entry_1m(V3);
}

Test(flush, v5_flush_entry_section_any_va_inside)
{
	run_flush_entry_1m(V5);
}

Test(flush, flush_entry_removes_flpd_tag_only)
{
	load3(V5);
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x004FF001); /* MiB 4, no TLB page there */
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0);
}

static void set_range(uint32_t start, uint32_t end)
{
	wr(SYSMMU_V5_FLUSH_START, start);
	wr(SYSMMU_V5_FLUSH_END, end);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
}

Test(flush, range_start_after_end_does_nothing)
{
	load3(V5);
	set_range(0x00500000, 0x00400000);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
}

Test(flush, range_bit0_clear_does_nothing)
{
	load3(V5);
	wr(SYSMMU_V5_FLUSH_START, 0);
	wr(SYSMMU_V5_FLUSH_END, 0xFFFFFFFF);
	wr(SYSMMU_V5_FLUSH_RANGE, 0xFFFFFFFE);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
}

Test(flush, range_single_small_page)
{
	load3(V5);
	set_range(0x00402FFF, 0x00402000); /* S = 0x00402000, E = 0x00402FFF */
	cr_assert_eq(tlb_valid(), 0x6);
	cr_assert_eq(flpd_valid(), 0);
}

Test(flush, range_ending_just_before_page)
{
	load3(V5);
	set_range(0x00000000, 0x00401FFF);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0); /* MiB 4 region intersects */
}

Test(flush, range_between_pages_hits_nothing)
{
	load3(V5);
	set_range(0x00403000, 0x0042FFFF);
	cr_assert_eq(tlb_valid(), 0x7);
}

Test(flush, range_last_4k_of_large_page)
{
	load3(V5);
	set_range(0x0043FFFF, 0x0043F000);
	cr_assert_eq(tlb_valid(), 0x5);
}

Test(flush, range_first_4k_of_large_page)
{
	load3(V5);
	set_range(0x0042F000, 0x00430000);
	cr_assert_eq(tlb_valid(), 0x5);
}

Test(flush, range_across_section_start)
{
	load3(V5);
	set_range(0x004FFFFF, 0x00500000);
	cr_assert_eq(tlb_valid(), 0x3);
	cr_assert_eq(flpd_valid(), 0);
}

Test(flush, range_inside_section_tail)
{
	load3(V5);
	set_range(0x005FF000, 0x7FFFFFFF);
	cr_assert_eq(tlb_valid(), 0x3);
	cr_assert_eq(flpd_valid(), 0x1);
}

Test(flush, range_everything)
{
	load3(V5);
	set_range(0x00000000, 0xFFFFFFFF);
	cr_assert_eq(tlb_valid(), 0);
	cr_assert_eq(flpd_valid(), 0);
}

Test(flush, range_at_top_of_address_space)
{
	fx_setup(V5, 8, 4);
	mem_w(0x800003FFCull, 0x0FFF0032); /* MiB 0xFFF -> PA 0x0FFF00000 */
	fx_enable(0);
	cr_assert_eq(rd_xl(0xFFFFFFFF).pa, 0x0FFFFFFFFull);
	set_range(0xFFFFF000, 0xFFFFF000);
	cr_assert_eq(tlb_valid(), 0);
}

Test(flush, register_writes_that_do_not_flush)
{
	load3(V5);
	wr(SYSMMU_V5_PT_BASE_PFN, 0x123456);
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_LRU);
	wr(SYSMMU_COM_MMU_CTRL, 0);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN);
	wr(SYSMMU_V5_FLUSH_START, 0);
	wr(SYSMMU_V5_FLUSH_END, 0xFFFFFFFF);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
	/* Stale but cached: still translates with the old tables. */
	cr_assert(rd_xl(0x00500123).tlb_hit);
}

Test(flush, range_below_flpd_region)
{
	load3(V5);
	set_range(0x00000000, 0x003FFFFF);
	cr_assert_eq(tlb_valid(), 0x7);
	cr_assert_eq(flpd_valid(), 0x1);
}
