// SPDX-License-Identifier: Apache-2.0
/*
 * Fault kinds, INT_STATUS bits, latch registers, TRANS_INFO, irq,
 * fault_block and blocking (docs/spec.md §2, §4, §8).
 */
#include "helpers.h"

TestSuite(fault, .fini = fx_fini);

#define VA_PAGE 0x00A01234u
#define VA_BUS 0x00B01234u
#define VA_MULTI 0x00001234u
#define VA_ACC 0x00C01234u
#define VA_SEC 0x00D01234u

/* Mappings for every fault kind; MULTI_HIT needs two overlapping fills. */
static void setup_faults(enum sysmmu_variant v)
{
	fx_setup(v, 32, 8);
	mem_err(l1_addr(VA_BUS));
	fx_enable(SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_SEC_CHK);
	if (v == V5) {
		mem_w(0x800000000ull, 0x98765441);
		mem_w(0x987654404ull, 0x0005000E);
		mem_w(l1_addr(VA_ACC), 0x000C0002);
		mem_w(l1_addr(VA_SEC), 0x000D0032);
	} else {
		mem_w(0x00100000, 0x00200401);
		mem_w(0x00200404, 0x00050012);
		mem_w(l1_addr(VA_ACC), 0x00C00002);
		mem_w(l1_addr(VA_SEC), 0x00D00402);
	}
	rd_xl(0x00001000);
	mem_w(0x00100000, 0x00000402);
	mem_w(0x800000000ull, 0x00000032);
	rd_xl(0x00002000);
}

static uint32_t va_for(enum sysmmu_fault k)
{
	switch (k) {
	case SYSMMU_FAULT_PAGE: return VA_PAGE;
	case SYSMMU_FAULT_BUS_ERROR: return VA_BUS;
	case SYSMMU_FAULT_MULTI_HIT: return VA_MULTI;
	case SYSMMU_FAULT_ACC_PROT: return VA_ACC;
	default: return VA_SEC;
	}
}

static void cause(enum sysmmu_fault k, bool write)
{
	struct sysmmu_req req = {
		.va = va_for(k),
		.write = write,
		.ns = k == SYSMMU_FAULT_SEC_PROT,
		.id = 0xBEEF,
		.len = 0xA,
	};
	struct sysmmu_result r = xreq(&req);

	cr_assert_eq(r.fault, k, "fault %d want %d", r.fault, k);
	cr_assert_eq(r.pa, 0);
}

static const uint32_t v3_va_regs[] = { 0x024, 0x028, 0x02C, 0x030 };

static void check_v3(enum sysmmu_fault k, bool write, uint32_t bit, uint32_t va_reg)
{
	unsigned i;

	setup_faults(V3);
	cause(k, write);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), bit);
	for (i = 0; i < 4; i++)
		cr_assert_eq(rd(v3_va_regs[i]), v3_va_regs[i] == va_reg ? va_for(k) : 0,
			     "reg 0x%03x", v3_va_regs[i]);
	cr_assert_eq(rd(SYSMMU_V3_FAULT_TRANS_INFO), write ? 0x001ABEEF : 0x000ABEEF);
	fx_fini();
}

static void check_v5(enum sysmmu_fault k, bool write, uint32_t bit)
{
	setup_faults(V5);
	cause(k, write);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), bit);
	cr_assert_eq(rd(SYSMMU_V5_FAULT_AR_VA), write ? 0 : va_for(k));
	cr_assert_eq(rd(SYSMMU_V5_AR_TRANS_INFO), write ? 0 : 0x000ABEEF);
	cr_assert_eq(rd(SYSMMU_V5_FAULT_AW_VA), write ? va_for(k) : 0);
	cr_assert_eq(rd(SYSMMU_V5_AW_TRANS_INFO), write ? 0x001ABEEF : 0);
	fx_fini();
}

Test(fault, v3_page_fault_registers)
{
	check_v3(SYSMMU_FAULT_PAGE, false, 0x01, 0x024);
	check_v3(SYSMMU_FAULT_PAGE, true, 0x01, 0x024);
}

Test(fault, v3_bus_error_registers)
{
	check_v3(SYSMMU_FAULT_BUS_ERROR, false, 0x08, 0x030);
	check_v3(SYSMMU_FAULT_BUS_ERROR, true, 0x08, 0x030);
}

Test(fault, v3_multi_hit_registers)
{
	check_v3(SYSMMU_FAULT_MULTI_HIT, false, 0x02, 0x02C);
	check_v3(SYSMMU_FAULT_MULTI_HIT, true, 0x04, 0x028);
}

Test(fault, v3_acc_prot_registers)
{
	check_v3(SYSMMU_FAULT_ACC_PROT, false, 0x20, 0x02C);
	check_v3(SYSMMU_FAULT_ACC_PROT, true, 0x80, 0x028);
}

Test(fault, v3_sec_prot_registers)
{
	check_v3(SYSMMU_FAULT_SEC_PROT, false, 0x10, 0x02C);
	check_v3(SYSMMU_FAULT_SEC_PROT, true, 0x40, 0x028);
}

Test(fault, v5_page_fault_registers)
{
	check_v5(SYSMMU_FAULT_PAGE, false, 0x2);
	check_v5(SYSMMU_FAULT_PAGE, true, 0x20000);
}

Test(fault, v5_bus_error_registers)
{
	check_v5(SYSMMU_FAULT_BUS_ERROR, false, 0x1);
	check_v5(SYSMMU_FAULT_BUS_ERROR, true, 0x10000);
}

Test(fault, v5_multi_hit_registers)
{
	check_v5(SYSMMU_FAULT_MULTI_HIT, false, 0x4);
	check_v5(SYSMMU_FAULT_MULTI_HIT, true, 0x40000);
}

Test(fault, v5_acc_prot_registers)
{
	check_v5(SYSMMU_FAULT_ACC_PROT, false, 0x8);
	check_v5(SYSMMU_FAULT_ACC_PROT, true, 0x80000);
}

Test(fault, v5_sec_prot_registers)
{
	check_v5(SYSMMU_FAULT_SEC_PROT, false, 0x10);
	check_v5(SYSMMU_FAULT_SEC_PROT, true, 0x100000);
}

Test(fault, fault_blocks_until_ctrl_write)
{
	struct sysmmu_req req = { .va = VA_MULTI };
	struct sysmmu_result r;

	setup_faults(V3);
	cause(SYSMMU_FAULT_PAGE, false);
	cr_assert(sysmmu_blocked(fx.m));
	cr_assert_not(sysmmu_can_accept(fx.m));
	cr_assert_eq(rd(SYSMMU_COM_MMU_STATUS), 1);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL), 1); /* fault_block is not in CTRL */
	fx.reads = 0;
	r.pa = 0x5A5A;
	cr_assert_eq(sysmmu_translate(fx.m, &req, &r), -1);
	cr_assert_eq(r.pa, 0x5A5A);
	cr_assert_eq(fx.reads, 0);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_HIT), 0);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FAULT), 1);
	wr(SYSMMU_COM_MMU_CFG, 0);          /* not a CTRL write */
	wr(SYSMMU_V3_INT_CLEAR, 0xFF);      /* clearing status does not unblock */
	cr_assert(sysmmu_blocked(fx.m));
	wr(SYSMMU_COM_MMU_CTRL, 1);
	cr_assert_not(sysmmu_blocked(fx.m));
	cr_assert_eq(rd(SYSMMU_COM_MMU_STATUS), 0);
	r = rd_xl(0x00005000);
	cr_assert(r.tlb_hit);
}

Test(fault, ctrl_write_with_block_stays_blocked)
{
	setup_faults(V5);
	cause(SYSMMU_FAULT_SEC_PROT, true);
	wr(SYSMMU_COM_MMU_CTRL, 0x7);
	cr_assert(sysmmu_blocked(fx.m));
	wr(SYSMMU_COM_MMU_CTRL, 0x5);
	cr_assert_not(sysmmu_blocked(fx.m));
}

Test(fault, ctrl_block_driver_sequence)
{
	struct sysmmu_req req = { .va = 0x00005000 };
	struct sysmmu_result r;

	setup_faults(V3);
	wr(SYSMMU_COM_MMU_CTRL, 0x7);
	cr_assert_eq(rd(SYSMMU_COM_MMU_STATUS), 1);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL), 0x7);
	cr_assert_eq(sysmmu_translate(fx.m, &req, &r), -1);
	wr(SYSMMU_COM_MMU_CTRL, 0x5);
	cr_assert_eq(rd(SYSMMU_COM_MMU_STATUS), 0);
	cr_assert_eq(sysmmu_translate(fx.m, &req, &r), 0);
	cr_assert_eq(r.pa, 0x00005000);
}

Test(fault, blocked_in_bypass_accepts_nothing)
{
	struct sysmmu_req req = { .va = 0x1000 };
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_BLOCK);
	cr_assert_not(sysmmu_can_accept(fx.m));
	cr_assert_eq(sysmmu_translate(fx.m, &req, &r), -1);
	cr_assert_eq(rd(SYSMMU_COM_MMU_STATUS), 1);
}

Test(fault, int_status_accumulates)
{
	setup_faults(V3);
	cause(SYSMMU_FAULT_PAGE, false);
	unblock();
	cause(SYSMMU_FAULT_SEC_PROT, true);
	unblock();
	cause(SYSMMU_FAULT_BUS_ERROR, false);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x49);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FAULT), 3);
}

Test(fault, latest_fault_overwrites_latches)
{
	struct sysmmu_req req = { .va = 0x00E00000, .id = 7, .len = 3 };

	setup_faults(V3);
	cause(SYSMMU_FAULT_PAGE, false);
	unblock();
	xreq(&req);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x01);
	cr_assert_eq(rd(SYSMMU_V3_PAGE_FAULT_ADDR), 0x00E00000);
	cr_assert_eq(rd(SYSMMU_V3_FAULT_TRANS_INFO), 0x00030007);
}

Test(fault, v5_latest_fault_overwrites_latches)
{
	struct sysmmu_req req = { .va = 0x00F00000, .id = 1, .len = 0 };

	setup_faults(V5);
	cause(SYSMMU_FAULT_PAGE, false);
	unblock();
	xreq(&req);
	cr_assert_eq(rd(SYSMMU_V5_FAULT_AR_VA), 0x00F00000);
	cr_assert_eq(rd(SYSMMU_V5_AR_TRANS_INFO), 0x00000001);
}

Test(fault, v3_int_clear_write_one_to_clear)
{
	setup_faults(V3);
	cause(SYSMMU_FAULT_PAGE, false);
	unblock();
	cause(SYSMMU_FAULT_ACC_PROT, false);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x21);
	wr(SYSMMU_V3_INT_CLEAR, 0);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x21);
	wr(SYSMMU_V3_INT_CLEAR, 0xFFFFFF20);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x01);
	wr(SYSMMU_V3_INT_CLEAR, 0x01);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0);
	/* Clearing leaves the latch registers alone. */
	cr_assert_eq(rd(SYSMMU_V3_AR_FAULT_ADDR), VA_ACC);
}

Test(fault, v5_int_clear_write_one_to_clear)
{
	setup_faults(V5);
	cause(SYSMMU_FAULT_PAGE, true);
	unblock();
	cause(SYSMMU_FAULT_BUS_ERROR, false);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x20001);
	wr(SYSMMU_V5_INT_CLEAR, 0xFFE0FFE0);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x20001);
	wr(SYSMMU_V5_INT_CLEAR, 0x20000);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x1);
}

Test(fault, irq_needs_int_en)
{
	setup_faults(V3);
	cause(SYSMMU_FAULT_PAGE, false);
	cr_assert_not(sysmmu_irq(fx.m));
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
	cr_assert(sysmmu_irq(fx.m));
	wr(SYSMMU_V3_INT_CLEAR, 0x01);
	cr_assert_not(sysmmu_irq(fx.m));
}

Test(fault, v3_irq_mask_per_source)
{
	setup_faults(V3);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
	wr(SYSMMU_V3_INT_MASK, 0x01);
	cause(SYSMMU_FAULT_PAGE, false);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x01); /* recorded although masked */
	cr_assert_not(sysmmu_irq(fx.m));
	wr(SYSMMU_V3_INT_MASK, 0xFE);
	cr_assert(sysmmu_irq(fx.m));
	wr(SYSMMU_V3_INT_MASK, 0x01);
	unblock();
	cause(SYSMMU_FAULT_MULTI_HIT, true);
	cr_assert(sysmmu_irq(fx.m));
}

Test(fault, v5_irq_mask_read_and_write_sides)
{
	setup_faults(V5);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
	cause(SYSMMU_FAULT_PAGE, true);
	wr(SYSMMU_V5_INT_MASK, 0x2); /* read side only */
	cr_assert(sysmmu_irq(fx.m));
	wr(SYSMMU_V5_INT_MASK, 0x20000);
	cr_assert_not(sysmmu_irq(fx.m));
}

Test(fault, recorded_with_interrupts_off)
{
	setup_faults(V5);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CTRL) & SYSMMU_COM_CTRL_INT_EN, 0);
	wr(SYSMMU_V5_INT_MASK, 0x1F001F);
	cause(SYSMMU_FAULT_ACC_PROT, false);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x8);
	cr_assert(sysmmu_blocked(fx.m));
	cr_assert_not(sysmmu_irq(fx.m));
}

Test(fault, trans_info_masks_id_width_and_len)
{
	struct sysmmu_req req = { .va = 0x00A00000, .write = true, .id = 0xBEEF, .len = 0x1F };

	fx_setup_cfg(V3, 32, 8, 4);
	fx_enable(0);
	xreq(&req);
	cr_assert_eq(rd(SYSMMU_V3_FAULT_TRANS_INFO), 0x001F000F);
}

Test(fault, level1_fault_before_level2_read)
{
	struct sysmmu_result r;

	setup_faults(V3);
	mem_w(0x00100040, 0x00300003);  /* MiB 16: reserved type */
	r = rd_xl(0x01000000);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(r.n_walk, 1);
}

Test(fault, walk_fault_beats_sec_and_acc)
{
	struct sysmmu_result r;

	setup_faults(V5);
	r = xl(VA_PAGE, true, true);
	cr_assert_eq(r.fault, SYSMMU_FAULT_PAGE);
	unblock();
	r = xl(VA_BUS, true, true);
	cr_assert_eq(r.fault, SYSMMU_FAULT_BUS_ERROR);
}
