// SPDX-License-Identifier: Apache-2.0
/*
 * TLB and FLPD read-back registers (docs/spec.md §9.4).
 */
#include "helpers.h"

TestSuite(readback, .fini = fx_fini);

struct rb {
	uint32_t vpn, ppn, attr;
};

static struct rb readback(uint32_t sel)
{
	struct rb r;

	wr(off_tlb_read(), sel);
	r.vpn = rd(off_tlb_vpn());
	r.ppn = rd(off_tlb_ppn());
	r.attr = rd(off_tlb_attr());
	return r;
}

static void expect_rb(uint32_t sel, uint32_t vpn, uint32_t ppn, uint32_t attr)
{
	struct rb r = readback(sel);

	cr_assert_eq(r.vpn, vpn, "sel 0x%x VPN 0x%x want 0x%x", sel, r.vpn, vpn);
	cr_assert_eq(r.ppn, ppn, "sel 0x%x PPN 0x%x want 0x%x", sel, r.ppn, ppn);
	cr_assert_eq(r.attr, attr, "sel 0x%x ATTR 0x%x want 0x%x", sel, r.attr, attr);
}

Test(readback, v3_small_page_entry)
{
	fx_setup(V3, 32, 8);
	mem_w(0x00100010, 0x00200409);      /* NS link */
	mem_w(0x00200408, 0x9ABCD012);      /* RW */
	fx_enable(0);
	rd_xl(0x00402ABC);
	expect_rb(0x001, 0x00402, 0x9ABCD, 0x131);
}

Test(readback, v3_large_page_read_only)
{
	fx_setup(V3, 32, 8);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x002004DC, 0x55550211);      /* AP2 = 1, AP0 = 1: read only */
	fx_enable(0);
	rd_xl(0x00437ABC);
	expect_rb(0x001, 0x00430, 0x55550, 0x13);
}

Test(readback, v5_section_36bit_ppn)
{
	fx_setup(V5, 32, 8);
	mem_w(0x800002AF0ull, 0xF123003A);
	fx_enable(0);
	rd_xl(0xABC12345);
	expect_rb(0x001, 0xABC00, 0xF12300, 0x135);
}

Test(readback, v5_large_page_read_only)
{
	fx_setup(V5, 32, 8);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0x76543005);
	fx_enable(0);
	rd_xl(0x00345678);
	expect_rb(0x001, 0x00340, 0x765430, 0x13);
}

Test(readback, v5_write_only_page)
{
	fx_setup(V5, 32, 8);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654514ull, 0xCDEF120A);
	fx_enable(0);
	rd_xl(0x00345678);
	expect_rb(0x001, 0x00345, 0xCDEF12, 0x21);
}

Test(readback, rank_field_and_index)
{
	unsigned i;

	fx_setup(V3, 4, 2);
	for (i = 1; i <= 3; i++)
		map_v3_section_identity(i);
	fx_enable(0);
	rd_xl(0x00100000);
	rd_xl(0x00200000);
	rd_xl(0x00300000);
	/* ranks: entry 0 = 2, 1 = 1, 2 = 0, 3 (invalid) = 3 */
	expect_rb(0x001, 0x00100, 0x00100, 0x20035);
	expect_rb(0x011, 0x00200, 0x00200, 0x10035);
	expect_rb(0x021, 0x00300, 0x00300, 0x00035);
	expect_rb(0x031, 0, 0, 0x30000);
}

Test(readback, invalid_entry_shows_rank_only)
{
	fx_setup(V5, 32, 8);
	expect_rb(0x001, 0, 0, 0);
	expect_rb(0x1F1, 0, 0, 0x1F0000);
	expect_rb(0x0A1, 0, 0, 0x0A0000);
}

Test(readback, disabled_reads_zero)
{
	fx_setup(V5, 32, 8);
	mem_w(0x800002AF0ull, 0xF123003A);
	fx_enable(0);
	rd_xl(0xABC12345);
	expect_rb(0x000, 0, 0, 0);
	expect_rb(0x002, 0, 0, 0);
	expect_rb(0x310, 0, 0, 0);
}

Test(readback, index_beyond_tlb_reads_zero)
{
	fx_setup(V3, 32, 8);
	expect_rb(0x1F1, 0, 0, 0x1F0000);
	expect_rb(0x201, 0, 0, 0);
	expect_rb(0xFF1, 0, 0, 0);
}

Test(readback, follows_current_contents)
{
	fx_setup(V3, 32, 8);
	map_v3_section_identity(7);
	fx_enable(0);
	wr(SYSMMU_V3_TLB_READ, 0x001);
	cr_assert_eq(rd(SYSMMU_V3_TLB_ATTR), 0);
	rd_xl(0x00712345);
	cr_assert_eq(rd(SYSMMU_V3_TLB_VPN), 0x00700);
	cr_assert_eq(rd(SYSMMU_V3_TLB_ATTR), 0x35);
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	cr_assert_eq(rd(SYSMMU_V3_TLB_VPN), 0);
	cr_assert_eq(rd(SYSMMU_V3_TLB_PPN), 0);
	cr_assert_eq(rd(SYSMMU_V3_TLB_ATTR), 0);
}

Test(readback, v3_flpd_entry)
{
	fx_setup(V3, 32, 8);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x00402012);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0x00402000);
	expect_rb(0x003, 0x400, 0x00200401, 0x7);
	expect_rb(0x013, 0, 0, 0);       /* invalid FLPD entry */
	expect_rb(0x073, 0, 0, 0);       /* last entry, invalid */
	expect_rb(0x083, 0, 0, 0);       /* index 8 >= FLPD_ENTRIES */
	expect_rb(0x002, 0, 0, 0);       /* ENABLE = 0 */
}

Test(readback, v5_flpd_entry_high_tag)
{
	fx_setup(V5, 32, 2);
	mem_w(0x800002AF0ull, 0x98765449);
	mem_w(0x987654448ull, 0xCDEF120E);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0xABC12345);
	expect_rb(0x003, 0xABC00, 0x98765449, 0x7);
	expect_rb(0x023, 0, 0, 0);       /* index 2 >= FLPD_ENTRIES (2) */
}
