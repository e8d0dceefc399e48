// SPDX-License-Identifier: Apache-2.0
/*
 * FLPD cache: hits, enable, what is inserted, round robin, staleness
 * (docs/spec.md §5, §7).
 */
#include "helpers.h"

TestSuite(flpd, .fini = fx_fini);

/* v3: MiB 4 links to 0x00200400; small pages 0x00402000..0x00404000 identity. */
static void setup_v3(unsigned flpd_entries, uint32_t cfg)
{
	fx_setup(V3, 32, flpd_entries);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x00402012);
	mem_w(0x0020040C, 0x00403012);
	mem_w(0x00200410, 0x00404012);
	fx_enable(cfg);
}

static void expect_flpd(unsigned idx, bool valid, uint32_t tag, uint32_t entry)
{
	struct sysmmu_flpd_entry e;

	sysmmu_flpd_get(fx.m, idx, &e);
	cr_assert_eq(e.valid, valid, "FLPD %u valid", idx);
	if (!valid)
		return;
	cr_assert_eq(e.tag, tag, "FLPD %u tag 0x%x want 0x%x", idx, e.tag, tag);
	cr_assert_eq(e.entry, entry, "FLPD %u entry", idx);
}

Test(flpd, v3_hit_skips_level1_read)
{
	struct sysmmu_result r;

	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	r = rd_xl(0x00402000);
	cr_assert_not(r.flpd_hit);
	cr_assert_eq(r.n_walk, 2);
	expect_flpd(0, true, 0x004, 0x00200401);
	r = rd_xl(0x00403123);
	cr_assert_not(r.tlb_hit);
	cr_assert(r.flpd_hit);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.walk_addr[0], 0x0020040C);
	cr_assert_eq(r.pa, 0x00403123);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FLPD_HIT), 1);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_PTW_READ), 3);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_MISS), 2);
	expect_flpd(1, false, 0, 0);
}

Test(flpd, v5_hit_skips_level1_read)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0xCDEF120E);
	mem_w(0x987654518ull, 0xCDEF130E);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0x00345678);
	expect_flpd(0, true, 0x003, 0x98765441);
	r = rd_xl(0x00346000);
	cr_assert(r.flpd_hit);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.walk_addr[0], 0x987654518ull);
	cr_assert_eq(r.pa, 0xCDEF13000ull);
}

Test(flpd, disabled_no_lookup_no_insert)
{
	struct sysmmu_result r;

	setup_v3(8, 0);
	r = rd_xl(0x00402000);
	cr_assert_eq(r.n_walk, 2);
	r = rd_xl(0x00403000);
	cr_assert_not(r.flpd_hit);
	cr_assert_eq(r.n_walk, 2);
	expect_flpd(0, false, 0, 0);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FLPD_HIT), 0);
}

Test(flpd, contents_kept_while_disabled)
{
	struct sysmmu_result r;

	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0x00402000);
	wr(SYSMMU_COM_MMU_CFG, 0);
	r = rd_xl(0x00403000);
	cr_assert_not(r.flpd_hit);
	cr_assert_eq(r.n_walk, 2);
	expect_flpd(0, true, 0x004, 0x00200401);
	expect_flpd(1, false, 0, 0);
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_FLPD_EN);
	r = rd_xl(0x00404000);
	cr_assert(r.flpd_hit);
	cr_assert_eq(r.walk_addr[0], 0x00200410);
}

Test(flpd, flushes_act_while_disabled)
{
	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0x00402000);
	wr(SYSMMU_COM_MMU_CFG, 0);
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	expect_flpd(0, false, 0, 0);
}

Test(flpd, section_not_inserted)
{
	fx_setup(V3, 32, 8);
	map_v3_section_identity(5);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	cr_assert_eq(rd_xl(0x00500000).n_walk, 1);
	expect_flpd(0, false, 0, 0);
}

Test(flpd, level1_fault_not_inserted)
{
	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	mem_w(0x00100014, 0x00200403); /* reserved type 3 */
	cr_assert_eq(rd_xl(0x00500000).fault, SYSMMU_FAULT_PAGE);
	expect_flpd(0, false, 0, 0);
}

Test(flpd, level1_bus_error_not_inserted)
{
	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	mem_err(0x00100010);
	cr_assert_eq(rd_xl(0x00402000).fault, SYSMMU_FAULT_BUS_ERROR);
	expect_flpd(0, false, 0, 0);
}

Test(flpd, level2_bus_error_keeps_entry)
{
	struct sysmmu_result r;

	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	mem_err(0x00200408);
	r = rd_xl(0x00402000);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(r.n_walk, 2);
	expect_flpd(0, true, 0x004, 0x00200401);
	unblock();
	r = rd_xl(0x00402000);
	cr_assert(r.flpd_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(r.n_walk, 1);
	cr_assert(r.walk_err[0]);
}

Test(flpd, level2_fault_keeps_entry)
{
	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN);
	cr_assert_eq(rd_xl(0x00405000).fault, SYSMMU_FAULT_PAGE);
	expect_flpd(0, true, 0x004, 0x00200401);
}

Test(flpd, stale_link_used_until_flush)
{
	struct sysmmu_result r;

	setup_v3(8, SYSMMU_COM_CFG_FLPD_EN | SYSMMU_COM_CFG_SEC_CHK);
	rd_xl(0x00402000);
	/* Relink MiB 4 to a non-secure table at 0x00300400, no flush. */
	mem_w(0x00100010, 0x00300409);
	mem_w(0x0030040C, 0x77777012);
	r = xl(0x00403000, false, true);
	cr_assert(r.flpd_hit);
	cr_assert_eq(r.walk_addr[0], 0x0020040C);
	cr_assert_eq(r.fault, SYSMMU_FAULT_SEC_PROT); /* old link: secure */
	unblock();
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, 0x00403001);
	r = xl(0x00403000, false, true);
	cr_assert_not(r.flpd_hit);
	cr_assert_eq(r.n_walk, 2);
	cr_assert_eq(r.walk_addr[0], 0x00100010);
	cr_assert_eq(r.walk_addr[1], 0x0030040C);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.pa, 0x77777000);
	expect_flpd(0, true, 0x004, 0x00300409);
}

/* v3: MiB 0..7 each link to 0x00200400; page 0 of the table maps PA 0. */
static void setup_many_links(unsigned flpd_entries)
{
	unsigned i;

	fx_setup(V3, 32, flpd_entries);
	for (i = 0; i < 8; i++)
		mem_w(0x00100000 + 4 * i, 0x00200401);
	mem_w(0x00200400, 0x00000012);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
}

Test(flpd, round_robin_victim_order)
{
	setup_many_links(2);
	rd_xl(0x00000000);
	rd_xl(0x00100000);
	expect_flpd(0, true, 0, 0x00200401);
	expect_flpd(1, true, 1, 0x00200401);
	rd_xl(0x00200000);
	expect_flpd(0, true, 2, 0x00200401);
	rd_xl(0x00300000);
	expect_flpd(1, true, 3, 0x00200401);
	rd_xl(0x00400000);
	expect_flpd(0, true, 4, 0x00200401);
	expect_flpd(1, true, 3, 0x00200401);
}

Test(flpd, invalid_first_keeps_pointer)
{
	setup_many_links(2);
	rd_xl(0x00000000);
	rd_xl(0x00100000);
	rd_xl(0x00200000); /* -> entry 0, pointer 1 */
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, 0x00100001);
	expect_flpd(1, false, 0, 0);
	rd_xl(0x00300000); /* invalid entry 1 */
	expect_flpd(1, true, 3, 0x00200401);
	rd_xl(0x00500000); /* pointer still 1 */
	expect_flpd(0, true, 2, 0x00200401);
	expect_flpd(1, true, 5, 0x00200401);
}

Test(flpd, single_entry_cache)
{
	struct sysmmu_result r;

	setup_many_links(1);
	rd_xl(0x00000000);
	rd_xl(0x00100000);
	expect_flpd(0, true, 1, 0x00200401);
	r = rd_xl(0x00101000);
	cr_assert(r.flpd_hit);
}
