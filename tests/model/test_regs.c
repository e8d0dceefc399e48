// SPDX-License-Identifier: Apache-2.0
/*
 * Register map, reset values and APB rules (docs/spec.md §9, §11).
 */
#include "helpers.h"

TestSuite(regs, .fini = fx_fini);

struct reg_reset {
	uint32_t off;
	uint32_t val;
};

static void expect_resets(const struct reg_reset *t, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		cr_expect_eq(rd(t[i].off), t[i].val, "reg 0x%03x: got 0x%08x want 0x%08x",
			     t[i].off, rd(t[i].off), t[i].val);
}

Test(regs, v3_reset_values_every_register)
{
	static const struct reg_reset t[] = {
		{ 0x000, 0 }, { 0x004, 0 }, { 0x008, 0 }, { 0x00C, 0 }, { 0x010, 0 },
		{ 0x014, 0 }, { 0x018, 0 }, { 0x01C, 0 }, { 0x020, 0 }, { 0x024, 0 },
		{ 0x028, 0 }, { 0x02C, 0 }, { 0x030, 0 }, { 0x034, 0x30600020 },
		{ 0x040, 0 }, { 0x044, 0 }, { 0x048, 0 }, { 0x04C, 0 }, { 0x050, 0 },
		{ 0x910, 0 }, { 0x920, 0 }, { 0x930, 0 }, { 0x940, 0 }, { 0x950, 0 },
	};

	fx_setup(V3, 32, 8);
	expect_resets(t, sizeof(t) / sizeof(t[0]));
	cr_assert_not(sysmmu_irq(fx.m));
	cr_assert_not(sysmmu_blocked(fx.m));
	cr_assert(sysmmu_can_accept(fx.m));
}

Test(regs, v5_reset_values_every_register)
{
	static const struct reg_reset t[] = {
		{ 0x000, 0 }, { 0x004, 0 }, { 0x008, 0 }, { 0x00C, 0 }, { 0x010, 0 },
		{ 0x014, 0 }, { 0x018, 0 }, { 0x020, 0 }, { 0x024, 0 }, { 0x030, 0x0820 },
		{ 0x034, 0x50000000 }, { 0x060, 0 }, { 0x064, 0 }, { 0x068, 0 },
		{ 0x070, 0 }, { 0x078, 0 }, { 0x080, 0 }, { 0x088, 0 },
		{ 0x644, 0 }, { 0x648, 0 }, { 0x64C, 0 }, { 0x650, 0 }, { 0x654, 0 },
		{ 0x750, 0 }, { 0x754, 0 }, { 0x758, 0 }, { 0x75C, 0 },
	};

	fx_setup(V5, 32, 8);
	expect_resets(t, sizeof(t) / sizeof(t[0]));
	cr_assert_not(sysmmu_irq(fx.m));
	cr_assert_not(sysmmu_blocked(fx.m));
}

Test(regs, reset_tlb_and_flpd_state)
{
	struct sysmmu_flpd_entry f;
	struct sysmmu_tlb_entry e;
	unsigned i;

	fx_setup(V5, 16, 4);
	for (i = 0; i < 16; i++) {
		sysmmu_tlb_get(fx.m, i, &e);
		cr_assert_not(e.valid);
		cr_assert_eq(e.rank, i);
		cr_assert_eq(e.va_base, 0);
		cr_assert_eq(e.pa_base, 0);
	}
	for (i = 0; i < 4; i++) {
		sysmmu_flpd_get(fx.m, i, &f);
		cr_assert_not(f.valid);
		cr_assert_eq(f.entry, 0);
	}
	for (i = 0; i < 5; i++)
		cr_assert_eq(sysmmu_counter(fx.m, i), 0);
}

Test(regs, v3_version_tracks_tlb_entries)
{
	fx_setup(V3, 4, 1);
	cr_assert_eq(rd(SYSMMU_COM_MMU_VERSION), 0x30600004);
	fx_fini();
	fx_setup(V3, 64, 16);
	cr_assert_eq(rd(SYSMMU_COM_MMU_VERSION), 0x30600040);
}

Test(regs, v5_capa_tracks_config)
{
	fx_setup(V5, 16, 4);
	cr_assert_eq(rd(SYSMMU_V5_CAPA), 0x0410);
	cr_assert_eq(rd(SYSMMU_COM_MMU_VERSION), 0x50000000);
	fx_fini();
	fx_setup(V5, 64, 16);
	cr_assert_eq(rd(SYSMMU_V5_CAPA), 0x1040);
}

Test(regs, ctrl_keeps_bits_2_to_0)
{
	fx_setup(V3, 32, 8);
	wr(SYSMMU_COM_MMU_CTRL, 0xFFFFFFF8);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL), 0);
	wr(SYSMMU_COM_MMU_CTRL, 0xFFFFFFFD);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL), 0x5);
}

/* Spec §9.1: the stored CFG bits per variant, spelled out field by field. */
Test(regs, cfg_masks_are_the_fields_of_the_variant)
{
	uint32_t com = SYSMMU_COM_CFG_LRU | SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_QOS |
		       SYSMMU_COM_CFG_SHAREABLE | SYSMMU_COM_CFG_FLPD_EN | SYSMMU_COM_CFG_SEC_CHK;

	cr_assert_eq(SYSMMU_V5_CFG_MASK, com);
	cr_assert_eq(SYSMMU_V3_CFG_MASK, com | SYSMMU_V3_CFG_PB_EN | SYSMMU_V3_CFG_SYSSEL |
					 SYSMMU_V3_CFG_ACGEN);
	cr_assert_eq(SYSMMU_COM_CFG_QOS, 0xFu << SYSMMU_COM_CFG_QOS_SHIFT);
}

Test(regs, v5_cfg_stores_its_bits)
{
	fx_setup(V5, 32, 8);
	wr(SYSMMU_COM_MMU_CFG, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0x10101785);
	wr(SYSMMU_COM_MMU_CFG, 0x00100000);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0x00100000);
	/* what mainline writes from v3.3 on: ACGEN is not a v5 bit */
	wr(SYSMMU_COM_MMU_CFG, 0x01100784);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0x00100784);
}

Test(regs, v3_cfg_stores_its_bits)
{
	fx_setup(V3, 32, 8);
	wr(SYSMMU_COM_MMU_CFG, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0x11571785);
	wr(SYSMMU_COM_MMU_CFG, 0x01100784);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0x01100784);
	/* v3.2's value: LRU, QoS 15, FLPD, SYSSEL */
	wr(SYSMMU_COM_MMU_CFG, 0x00500781);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0x00500781);
}

Test(regs, v3_pt_base_addr_stores_32_bits)
{
	fx_setup(V3, 32, 8);
	wr(SYSMMU_V3_PT_BASE_ADDR, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_V3_PT_BASE_ADDR), 0xFFFFFFFF);
}

Test(regs, v5_pt_base_pfn_stores_24_bits)
{
	fx_setup(V5, 32, 8);
	wr(SYSMMU_V5_PT_BASE_PFN, 0xABCDEF12);
	cr_assert_eq(rd(SYSMMU_V5_PT_BASE_PFN), 0x00CDEF12);
}

Test(regs, v3_int_mask_bits)
{
	fx_setup(V3, 32, 8);
	wr(SYSMMU_V3_INT_MASK, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_V3_INT_MASK), 0xFF);
}

Test(regs, v5_int_mask_bits)
{
	fx_setup(V5, 32, 8);
	wr(SYSMMU_V5_INT_MASK, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_V5_INT_MASK), 0x001F001F);
}

Test(regs, tlb_read_select_bits)
{
	fx_setup(V3, 32, 8);
	wr(SYSMMU_V3_TLB_READ, 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_V3_TLB_READ), 0xFF3);
	fx_fini();
	fx_setup(V5, 32, 8);
	wr(SYSMMU_V5_TLB_READ, 0x0000123D);
	cr_assert_eq(rd(SYSMMU_V5_TLB_READ), 0x231);
}

Test(regs, v5_flush_start_end_store_32_bits)
{
	fx_setup(V5, 32, 8);
	wr(SYSMMU_V5_FLUSH_START, 0xFFFFFFFF);
	wr(SYSMMU_V5_FLUSH_END, 0x12345678);
	cr_assert_eq(rd(SYSMMU_V5_FLUSH_START), 0xFFFFFFFF);
	cr_assert_eq(rd(SYSMMU_V5_FLUSH_END), 0x12345678);
}

Test(regs, pslverr_misaligned)
{
	uint32_t v;
	unsigned a;

	fx_setup(V3, 32, 8);
	for (a = 1; a < 4; a++) {
		v = 0x1234;
		cr_assert_eq(sysmmu_reg_read(fx.m, SYSMMU_COM_MMU_CFG + a, &v), -1);
		cr_assert_eq(v, 0);
		cr_assert_eq(sysmmu_reg_write(fx.m, SYSMMU_COM_MMU_CFG + a, 1, 0xF), -1);
	}
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0);
}

Test(regs, pslverr_partial_strobe)
{
	static const unsigned strbs[] = { 0x0, 0x1, 0x3, 0x7, 0xE, 0x8 };
	unsigned i;

	fx_setup(V5, 32, 8);
	for (i = 0; i < sizeof(strbs) / sizeof(strbs[0]); i++)
		cr_assert_eq(sysmmu_reg_write(fx.m, SYSMMU_COM_MMU_CTRL, 0x7, strbs[i]), -1);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL), 0);
	cr_assert_not(sysmmu_blocked(fx.m));
}

Test(regs, v3_pslverr_unmapped_offsets)
{
	static const uint32_t offs[] = {
		0x038, 0x03C, 0x054, 0x060, 0x064, 0x068, 0x070, 0x644, 0x750,
		0x75C, 0x900, 0x914, 0x918, 0x960, 0xFFC,
	};
	unsigned i;
	uint32_t v;

	fx_setup(V3, 32, 8);
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		v = 0x1234;
		cr_assert_eq(sysmmu_reg_read(fx.m, offs[i], &v), -1, "0x%03x", offs[i]);
		cr_assert_eq(v, 0);
		cr_assert_eq(sysmmu_reg_write(fx.m, offs[i], 1, 0xF), -1, "0x%03x", offs[i]);
	}
}

Test(regs, v5_pslverr_unmapped_offsets)
{
	static const uint32_t offs[] = {
		0x01C, 0x028, 0x02C, 0x038, 0x040, 0x044, 0x048, 0x04C, 0x050,
		0x06C, 0x074, 0x07C, 0x084, 0x08C, 0x640, 0x658, 0x74C, 0x760, 0x910,
	};
	unsigned i;
	uint32_t v;

	fx_setup(V5, 32, 8);
	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		v = 0x1234;
		cr_assert_eq(sysmmu_reg_read(fx.m, offs[i], &v), -1, "0x%03x", offs[i]);
		cr_assert_eq(v, 0);
		cr_assert_eq(sysmmu_reg_write(fx.m, offs[i], 1, 0xF), -1, "0x%03x", offs[i]);
	}
}

Test(regs, paddr_upper_bits_ignored)
{
	uint32_t v;

	fx_setup(V3, 32, 8);
	cr_assert_eq(sysmmu_reg_write(fx.m, 0x7000 | SYSMMU_COM_MMU_CFG, 0x5, 0xF), 0);
	cr_assert_eq(sysmmu_reg_read(fx.m, 0x1000 | SYSMMU_COM_MMU_CFG, &v), 0);
	cr_assert_eq(v, 0x5);
}

Test(regs, v3_pm_counter_offsets)
{
	unsigned n;

	fx_setup(V3, 32, 8);
	for (n = 0; n < 5; n++)
		wr(0x910 + 0x10 * n, 0x11111111 * (n + 1));
	for (n = 0; n < 5; n++) {
		cr_assert_eq(sysmmu_counter(fx.m, n), 0x11111111 * (n + 1));
		cr_assert_eq(rd(0x910 + 0x10 * n), 0x11111111 * (n + 1));
	}
}

Test(regs, v5_pm_counter_offsets)
{
	unsigned n;

	fx_setup(V5, 32, 8);
	for (n = 0; n < 5; n++)
		wr(0x644 + 4 * n, 0xA0000000 + n);
	for (n = 0; n < 5; n++)
		cr_assert_eq(sysmmu_counter(fx.m, n), 0xA0000000 + n);
	cr_assert_eq(sysmmu_counter(fx.m, 5), 0);
}

Test(regs, v3_read_only_writes_ignored)
{
	static const uint32_t ro[] = {
		0x008, 0x034, 0x018, 0x024, 0x028, 0x02C, 0x030, 0x044, 0x048, 0x04C, 0x050,
	};
	unsigned i;

	fx_setup(V3, 32, 8);
	for (i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
		wr(ro[i], 0xFFFFFFFF);
	cr_assert_eq(rd(0x034), 0x30600020);
	for (i = 0; i < sizeof(ro) / sizeof(ro[0]); i++) {
		if (ro[i] != 0x034)
			cr_assert_eq(rd(ro[i]), 0, "0x%03x", ro[i]);
	}
	cr_assert_not(sysmmu_blocked(fx.m));
}

Test(regs, v5_read_only_writes_ignored)
{
	static const uint32_t ro[] = {
		0x008, 0x030, 0x034, 0x060, 0x070, 0x078, 0x080, 0x088, 0x754, 0x758, 0x75C,
	};
	unsigned i;

	fx_setup(V5, 32, 8);
	for (i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
		wr(ro[i], 0xFFFFFFFF);
	cr_assert_eq(rd(0x030), 0x0820);
	cr_assert_eq(rd(0x034), 0x50000000);
	cr_assert_eq(rd(0x060), 0);
	cr_assert_eq(rd(0x070), 0);
	cr_assert_eq(rd(0x088), 0);
}

Test(regs, write_only_registers_read_zero)
{
	fx_setup(V3, 32, 8);
	wr(SYSMMU_V3_INT_CLEAR, 0xFF);
	cr_assert_eq(rd(SYSMMU_V3_MMU_FLUSH), 0);
	cr_assert_eq(rd(SYSMMU_V3_MMU_FLUSH_ENTRY), 0);
	cr_assert_eq(rd(SYSMMU_V3_INT_CLEAR), 0);
	fx_fini();
	fx_setup(V5, 32, 8);
	wr(SYSMMU_V5_FLUSH_RANGE, 0);
	cr_assert_eq(rd(SYSMMU_V5_FLUSH_ALL), 0);
	cr_assert_eq(rd(SYSMMU_V5_FLUSH_ENTRY), 0);
	cr_assert_eq(rd(SYSMMU_V5_FLUSH_RANGE), 0);
	cr_assert_eq(rd(SYSMMU_V5_INT_CLEAR), 0);
}

Test(regs, sysmmu_reset_restores_everything)
{
	struct sysmmu_tlb_entry e;

	fx_setup(V3, 4, 2);
	fx_enable(SYSMMU_COM_CFG_LRU);
	map_v3_section_identity(1);
	rd_xl(0x00100000);
	rd_xl(0x00200000); /* page fault */
	wr(SYSMMU_V3_INT_MASK, 0x3);
	wr(SYSMMU_V3_TLB_READ, 0x11);
	sysmmu_reset(fx.m);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL), 0);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG), 0);
	cr_assert_eq(rd(SYSMMU_V3_PT_BASE_ADDR), 0);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0);
	cr_assert_eq(rd(SYSMMU_V3_INT_MASK), 0);
	cr_assert_eq(rd(SYSMMU_V3_PAGE_FAULT_ADDR), 0);
	cr_assert_eq(rd(SYSMMU_V3_FAULT_TRANS_INFO), 0);
	cr_assert_eq(rd(SYSMMU_V3_TLB_READ), 0);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0), 0);
	cr_assert_eq(rd(SYSMMU_V3_PM_CNT0 + 0x40), 0);
	cr_assert_not(sysmmu_blocked(fx.m));
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert_not(e.valid);
	cr_assert_eq(e.rank, 0);
	sysmmu_tlb_get(fx.m, 3, &e);
	cr_assert_eq(e.rank, 3);
}

Test(regs, create_rejects_bad_config)
{
	static const struct sysmmu_config bad[] = {
		{ 4, 32, 8, 16 }, { 0, 32, 8, 16 }, { V5, 3, 8, 16 }, { V5, 65, 8, 16 },
		{ V3, 32, 0, 16 }, { V3, 32, 17, 16 }, { V3, 32, 8, 0 }, { V3, 32, 8, 17 },
	};
	static const struct sysmmu_config good = { V3, 4, 1, 1 };
	struct sysmmu *m;
	unsigned i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_null(sysmmu_create(&bad[i], tmem_read, &fx), "config %u", i);
	cr_assert_null(sysmmu_create(&good, NULL, &fx));
	cr_assert_null(sysmmu_create(NULL, tmem_read, &fx));
	m = sysmmu_create(&good, tmem_read, &fx);
	cr_assert_not_null(m);
	cr_assert_eq(sysmmu_get_config(m)->tlb_entries, 4);
	sysmmu_destroy(m);
}

Test(regs, fault_and_size_names)
{
	cr_assert_str_eq(sysmmu_fault_name(SYSMMU_FAULT_NONE), "NONE");
	cr_assert_str_eq(sysmmu_fault_name(SYSMMU_FAULT_PAGE), "PAGE_FAULT");
	cr_assert_str_eq(sysmmu_fault_name(SYSMMU_FAULT_MULTI_HIT), "MULTI_HIT");
	cr_assert_str_eq(sysmmu_fault_name(SYSMMU_FAULT_BUS_ERROR), "BUS_ERROR");
	cr_assert_str_eq(sysmmu_fault_name(SYSMMU_FAULT_ACC_PROT), "ACC_PROT");
	cr_assert_str_eq(sysmmu_fault_name(SYSMMU_FAULT_SEC_PROT), "SEC_PROT");
	cr_assert_str_eq(sysmmu_fault_name(6), "UNKNOWN");
	cr_assert_str_eq(sysmmu_size_name(SYSMMU_SIZE_4K), "4K");
	cr_assert_str_eq(sysmmu_size_name(SYSMMU_SIZE_64K), "64K");
	cr_assert_str_eq(sysmmu_size_name(SYSMMU_SIZE_1M), "1M");
	cr_assert_str_eq(sysmmu_size_name(3), "UNKNOWN");
}

Test(regs, state_access_out_of_range_reads_zero)
{
	struct sysmmu_flpd_entry f;
	struct sysmmu_tlb_entry e;

	fx_setup(V3, 4, 2);
	memset(&e, 0xFF, sizeof(e));
	sysmmu_tlb_get(fx.m, 4, &e);
	cr_assert_not(e.valid);
	cr_assert_eq(e.rank, 0);
	cr_assert_eq(e.va_base, 0);
	memset(&f, 0xFF, sizeof(f));
	sysmmu_flpd_get(fx.m, 2, &f);
	cr_assert_not(f.valid);
	cr_assert_eq(f.tag, 0);
	cr_assert_eq(sysmmu_counter(fx.m, 7), 0);
}
