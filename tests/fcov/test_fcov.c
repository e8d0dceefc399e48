// SPDX-License-Identifier: Apache-2.0
/*
 * Functional coverage collector: feed a real reference model (and the
 * shared vmem) and check which bins a short, hand-made sequence hits.
 * The helpers call fcov the way tb/scoreboard.c does: events from the
 * model's observer, fcov_xlate after each translation, fcov_reg after each
 * register access with the pending count and the fault-block state.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/fcov.h"
#include "sysmmu/pte.h"
#include "sysmmu/regs.h"

#define L1B 0x10000u      /* level-1 table (16 KiB aligned) */
#define L2B 0x20000u      /* level-2 tables, 1 KiB apart */
#define RW SYSMMU_PERM_RW

struct env {
	enum sysmmu_variant v;
	struct sysmmu *m;
	struct vmem *mem;
	struct fcov *c;
	size_t pending;
};

static struct env E;

static void observe(void *ctx, const struct sysmmu_event *ev)
{
	fcov_event(ctx, ev);
}

static void reg_access(bool write, uint32_t off, uint32_t val, unsigned strb)
{
	bool fault_block;
	uint32_t ctrl = 0;
	int err;

	/* Fault-blocked = blocked while CTRL.BLOCK is clear. */
	sysmmu_reg_read(E.m, SYSMMU_COM_MMU_CTRL, &ctrl);
	fault_block = sysmmu_blocked(E.m) && !(ctrl & SYSMMU_COM_CTRL_BLOCK);
	if (write) {
		err = sysmmu_reg_write(E.m, off, val, strb);
	} else {
		err = sysmmu_reg_read(E.m, off, &val);
	}
	fcov_reg(E.c, write, off, val, err, E.pending, fault_block);
}

static void wr(uint32_t off, uint32_t val)
{
	reg_access(true, off, val, 0xF);
}

static uint32_t rd(uint32_t off)
{
	uint32_t val = 0;

	sysmmu_reg_read(E.m, off, &val);
	fcov_reg(E.c, false, off, val, 0, E.pending, false);
	return val;
}

static struct sysmmu_result xl(uint32_t va, bool write, bool ns)
{
	struct sysmmu_req req = { .va = va, .write = write, .ns = ns, .id = 1 };
	struct sysmmu_result res;

	cr_assert(sysmmu_can_accept(E.m), "request at 0x%08x not accepted", va);
	cr_assert_eq(sysmmu_translate(E.m, &req, &res), 0);
	fcov_xlate(E.c, &req, &res);
	return res;
}

static uint32_t flush_reg(enum sysmmu_flush_kind k)
{
	if (E.v == SYSMMU_V3)
		return k == SYSMMU_FLUSH_ALL ? SYSMMU_V3_MMU_FLUSH : SYSMMU_V3_MMU_FLUSH_ENTRY;
	if (k == SYSMMU_FLUSH_ALL)
		return SYSMMU_V5_FLUSH_ALL;
	return k == SYSMMU_FLUSH_ENTRY ? SYSMMU_V5_FLUSH_ENTRY : SYSMMU_V5_FLUSH_RANGE;
}

static void setup(enum sysmmu_variant v, unsigned tlb, unsigned flpd)
{
	struct sysmmu_config cfg = { .variant = v, .tlb_entries = tlb, .flpd_entries = flpd,
				     .id_width = 16 };

	E.v = v;
	E.mem = vmem_create();
	cr_assert_not_null(E.mem);
	E.m = sysmmu_create(&cfg, vmem_read_cb, E.mem);
	cr_assert_not_null(E.m);
	E.c = fcov_create(E.m, E.mem);
	cr_assert_not_null(E.c);
	sysmmu_set_observer(E.m, observe, E.c);
	E.pending = 0;
	if (v == SYSMMU_V5)
		wr(SYSMMU_V5_PT_BASE_PFN, L1B >> 12);
	else
		wr(SYSMMU_V3_PT_BASE_ADDR, L1B);
}

static void teardown(void)
{
	fcov_destroy(E.c);
	sysmmu_destroy(E.m);
	vmem_destroy(E.mem);
}

static void map_section(uint32_t va, uint64_t pa, unsigned perm, bool ns)
{
	vmem_write32(E.mem, L1B + (va >> 20) * 4, sysmmu_mk_section(E.v, pa, perm, ns));
}

/* 4 KiB page through the level-2 table number t. */
static void map_small(uint32_t va, unsigned t, uint64_t pa, unsigned perm)
{
	uint64_t l2 = L2B + t * 0x400u;

	vmem_write32(E.mem, L1B + (va >> 20) * 4, sysmmu_mk_link(E.v, l2, false));
	vmem_write32(E.mem, l2 + ((va >> 12) & 0xFF) * 4, sysmmu_mk_small(E.v, pa, perm));
}

static void map_large(uint32_t va, unsigned t, uint64_t pa, unsigned perm)
{
	uint64_t l2 = L2B + t * 0x400u;

	vmem_write32(E.mem, L1B + (va >> 20) * 4, sysmmu_mk_link(E.v, l2, false));
	for (unsigned i = 0; i < 16; i++)
		vmem_write32(E.mem, l2 + (((va >> 12) & 0xF0) + i) * 4,
			     sysmmu_mk_large(E.v, pa, perm));
}

static void enable(uint32_t cfg)
{
	wr(SYSMMU_COM_MMU_CFG, cfg);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
}

static void unblock(void)
{
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
}

#define BIN(g, b) fcov_get(E.c, g, b)

static char *json(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	fcov_write_json(E.c, f);
	fclose(f);
	return buf;
}

Test(fcov, bin_totals_per_variant_all_zero_at_start)
{
	unsigned bins, hit;

	setup(SYSMMU_V3, 32, 8);
	fcov_totals(E.c, &bins, &hit);
	cr_assert_eq(bins, 274, "v3 bins %u (175 + 8 ns_cg + 50 + 24 ctrl_state_cg in the crosses "
		     "+ 17 encoding_cg)", bins);
	cr_assert_eq(hit, 1, "only PT_BASE_ADDR.wr from setup, got %u", hit);
	cr_assert_eq(BIN("flush_cg", "range.4K.hit"), -1, "v3 has no range flush");
	cr_assert_eq(BIN("reg_cg", "PT_BASE_ADDR.wr"), 1);
	teardown();
	setup(SYSMMU_V5, 32, 8);
	fcov_totals(E.c, &bins, &hit);
	cr_assert_eq(bins, 315, "v5 bins %u (189 + 8 ns_cg + 74 + 24 ctrl_state_cg in the crosses "
		     "+ 20 encoding_cg)", bins);
	cr_assert_eq(BIN("flush_cg", "range.4K.hit"), 0);
	cr_assert_eq(BIN("flush_cg", "all.4K.miss"), -1, "flush all never misses");
	cr_assert_eq(BIN("nope_cg", "x"), -1);
	teardown();
}

Test(fcov, json_is_ordered_complete_and_deterministic)
{
	char *a, *b;

	setup(SYSMMU_V5, 32, 8);
	map_small(0x1000, 0, 0x500000, RW);
	enable(0);
	xl(0x1000, false, false);
	a = json();
	cr_assert(!strncmp(a, "{\"covergroups\":{\"xlate_cg\":{\"4K.R.ok.hit\":0,\"4K.R.ok.miss\":1,",
			   strlen("{\"covergroups\":{\"xlate_cg\":{\"4K.R.ok.hit\":0,\"4K.R.ok.miss\":1,")),
		  "got %.80s", a);
	cr_assert_not_null(strstr(a, "\"reg_cg\":{\"MMU_CTRL.rd\":0,\"MMU_CTRL.wr\":1,"));
	cr_assert_not_null(strstr(a, "\"pslverr.pstrb.wr\":0},\"fault_latch_cg\":{"),
			  "reg_cg, then the crosses");
	cr_assert_not_null(strstr(a, "\"miss.after_range\":0},\"encoding_cg\":{"),
			  "flpd_state_cg, then encoding_cg");
	cr_assert_not_null(strstr(a, "\"page_ap.rw\":1},\"ctrl_state_cg\":{"), "encoding_cg, hit by the walk");
	cr_assert_not_null(strstr(a, "\"running.en_int\":1,\"running.off_block_int\":0,\"running.en_block_int\":0}}}"),
			   "ends with ctrl_state_cg (enable() wrote EN | INT_EN while running)");
	teardown();
	setup(SYSMMU_V5, 32, 8);
	map_small(0x1000, 0, 0x500000, RW);
	enable(0);
	xl(0x1000, false, false);
	b = json();
	cr_assert_str_eq(a, b);
	free(a);
	free(b);
	teardown();
}

Test(fcov, page_size_access_outcome_hit_miss_and_bypass)
{
	setup(SYSMMU_V5, 32, 8);
	xl(0x1000, true, false);
	cr_assert_eq(BIN("xlate_cg", "bypass.W"), 1);
	map_small(0x1000, 0, 0x500000, RW);
	map_large(0x210000, 1, 0x600000, RW);
	map_section(0x400000, 0x800000, SYSMMU_PERM_R, false);
	enable(SYSMMU_COM_CFG_EAP);
	xl(0x1000, false, false);
	xl(0x1004, false, false);
	xl(0x21F000, true, false);
	xl(0x210000, true, false);
	xl(0x400000, false, false);
	xl(0x4FFFFC, true, false);      /* read-only section: ACC_PROT on a hit */
	cr_assert_eq(BIN("xlate_cg", "4K.R.ok.miss"), 1);
	cr_assert_eq(BIN("xlate_cg", "4K.R.ok.hit"), 1);
	cr_assert_eq(BIN("xlate_cg", "64K.W.ok.miss"), 1);
	cr_assert_eq(BIN("xlate_cg", "64K.W.ok.hit"), 1);
	cr_assert_eq(BIN("xlate_cg", "1M.R.ok.miss"), 1);
	cr_assert_eq(BIN("xlate_cg", "1M.W.acc_prot.hit"), 1);
	cr_assert_eq(BIN("fault_cg", "ACC_PROT.AW.lookup"), 1);
	cr_assert_eq(BIN("cfg_cg", "fifo.eap1.flpd0"), 6);
	teardown();
}

Test(fcov, fault_kind_direction_and_where_detected)
{
	setup(SYSMMU_V5, 32, 8);
	map_small(0x1000, 0, 0x500000, RW);
	vmem_write32(E.mem, L1B + 0x3 * 4, sysmmu_mk_link(E.v, L2B + 0x800, false));
	map_section(0x500000, 0x900000, RW, false);       /* secure section */
	vmem_add_error(E.mem, L1B + 0x7 * 4, L1B + 0x7 * 4 + 3);
	vmem_add_error(E.mem, L2B + 0xC00, L2B + 0xFFF);
	vmem_write32(E.mem, L1B + 0x8 * 4, sysmmu_mk_link(E.v, L2B + 0xC00, false));
	enable(SYSMMU_COM_CFG_SEC_CHK);
	cr_assert_eq(xl(0x200000, false, false).fault, SYSMMU_FAULT_PAGE);
	unblock();
	cr_assert_eq(xl(0x300000, true, false).fault, SYSMMU_FAULT_PAGE);
	unblock();
	cr_assert_eq(xl(0x500000, false, true).fault, SYSMMU_FAULT_SEC_PROT);
	unblock();
	cr_assert_eq(xl(0x500000, false, true).fault, SYSMMU_FAULT_SEC_PROT);
	unblock();
	cr_assert_eq(xl(0x700000, true, false).fault, SYSMMU_FAULT_BUS_ERROR);
	unblock();
	cr_assert_eq(xl(0x800000, false, false).fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(BIN("fault_cg", "PAGE_FAULT.AR.l1_read"), 1);
	cr_assert_eq(BIN("fault_cg", "PAGE_FAULT.AW.l2_read"), 1);
	cr_assert_eq(BIN("fault_cg", "SEC_PROT.AR.l1_read"), 1);
	cr_assert_eq(BIN("fault_cg", "SEC_PROT.AR.lookup"), 1);
	cr_assert_eq(BIN("fault_cg", "BUS_ERROR.AW.l1_read"), 1);
	cr_assert_eq(BIN("fault_cg", "BUS_ERROR.AR.l2_read"), 1);
	cr_assert_eq(BIN("xlate_cg", "1M.R.sec_prot.miss"), 1);
	cr_assert_eq(BIN("xlate_cg", "1M.R.sec_prot.hit"), 1);
	cr_assert_eq(BIN("bus_error_cg", "l1_read"), 1);
	cr_assert_eq(BIN("bus_error_cg", "l2_read"), 1);
	cr_assert_eq(BIN("block_cg", "unblock_after_fault"), 5);
	cr_assert_eq(BIN("irq_cg", "fault_irq_raised"), 6);
	teardown();
}

Test(fcov, bus_error_after_flpd_hit_and_with_link_cached)
{
	setup(SYSMMU_V3, 32, 8);
	vmem_write32(E.mem, L1B + 0x8 * 4, sysmmu_mk_link(E.v, L2B + 0xC00, false));
	vmem_write32(E.mem, L2B + 0xC00, sysmmu_mk_small(E.v, 0x700000, RW));
	vmem_add_error(E.mem, L2B + 0xC04, L2B + 0xC07);
	enable(SYSMMU_COM_CFG_FLPD_EN);
	cr_assert_eq(xl(0x800000, false, false).fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(xl(0x801000, false, false).fault, SYSMMU_FAULT_BUS_ERROR);
	unblock();
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	cr_assert_eq(xl(0x801000, true, false).fault, SYSMMU_FAULT_BUS_ERROR);
	cr_assert_eq(BIN("bus_error_cg", "l2_read_after_flpd_hit"), 1);
	cr_assert_eq(BIN("bus_error_cg", "l2_read_link_cached"), 1);
	cr_assert_eq(BIN("fault_cg", "BUS_ERROR.AR.l2_read"), 1);
	cr_assert_eq(BIN("fault_cg", "BUS_ERROR.AW.l2_read"), 1);
	teardown();
}

Test(fcov, multi_hit_size_combination)
{
	setup(SYSMMU_V5, 32, 8);
	map_small(0x1000, 0, 0x500000, RW);
	enable(0);
	xl(0x1000, false, false);
	/* Remap the first MiB as a section without a flush. */
	map_section(0x000000, 0x900000, RW, false);
	xl(0x80000, false, false);
	cr_assert_eq(xl(0x1000, true, false).fault, SYSMMU_FAULT_MULTI_HIT);
	cr_assert_eq(BIN("multihit_cg", "W.4K+1M"), 1);
	cr_assert_eq(BIN("fault_cg", "MULTI_HIT.AW.lookup"), 1);
	teardown();
}

Test(fcov, flush_kind_size_hit_miss_empty_nop)
{
	setup(SYSMMU_V5, 32, 8);
	map_small(0x1000, 0, 0x500000, RW);
	map_section(0x400000, 0x800000, RW, false);
	map_large(0x210000, 1, 0x600000, RW);
	enable(0);
	xl(0x1000, false, false);
	xl(0x400000, false, false);
	xl(0x210000, false, false);
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x1000 | 1);
	cr_assert_eq(BIN("flush_cg", "entry.4K.hit"), 1);
	cr_assert_eq(BIN("flush_cg", "entry.1M.miss"), 1);
	cr_assert_eq(BIN("flush_cg", "entry.64K.miss"), 1);
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x400000);
	cr_assert_eq(BIN("flush_cg", "entry.nop"), 1);
	wr(SYSMMU_V5_FLUSH_START, 0x218000);
	wr(SYSMMU_V5_FLUSH_END, 0x218000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	cr_assert_eq(BIN("flush_cg", "range.64K.hit"), 1);
	cr_assert_eq(BIN("flush_cg", "range.1M.miss"), 1);
	wr(flush_reg(SYSMMU_FLUSH_ALL), 1);
	cr_assert_eq(BIN("flush_cg", "all.1M.hit"), 1);
	wr(flush_reg(SYSMMU_FLUSH_ALL), 1);
	cr_assert_eq(BIN("flush_cg", "all.tlb_empty"), 1);
	cr_assert_eq(BIN("flush_cg", "all.4K.hit"), 0);
	teardown();
}

Test(fcov, flpd_hit_fresh_stale_fill_and_replacement)
{
	setup(SYSMMU_V5, 32, 1);
	map_small(0x1000, 0, 0x500000, RW);
	map_small(0x2000, 0, 0x501000, RW);
	map_small(0x3000, 0, 0x502000, RW);
	enable(SYSMMU_COM_CFG_FLPD_EN);
	xl(0x1000, false, false);
	xl(0x2000, false, false);
	cr_assert_eq(BIN("flpd_cg", "miss"), 1);
	cr_assert_eq(BIN("flpd_cg", "fill_free"), 1);
	cr_assert_eq(BIN("flpd_cg", "hit"), 1);
	/* Relink the first MiB to another level-2 table without a flush. */
	vmem_write32(E.mem, L1B, sysmmu_mk_link(E.v, L2B + 0x400, false));
	xl(0x3000, false, false);
	cr_assert_eq(BIN("flpd_cg", "hit_stale"), 1);
	map_small(0x100000, 2, 0x600000, RW);
	xl(0x100000, false, false);
	cr_assert_eq(BIN("flpd_cg", "fill_evict"), 1);
	cr_assert_eq(BIN("replacement_cg", "flpd_full_rr"), 1);
	cr_assert_eq(BIN("replacement_cg", "flpd_full_rr_wrap"), 1, "M = 1: every victim wraps");
	wr(flush_reg(SYSMMU_FLUSH_ALL), 1);
	cr_assert_eq(BIN("flpd_cg", "flush_removed"), 1);
	wr(SYSMMU_COM_MMU_CFG, 0);
	xl(0x200000 + 0x1000, false, false);
	cr_assert_eq(BIN("flpd_cg", "walk_flpd_disabled"), 1);
	teardown();
}

static void fill_five(void)
{
	for (uint32_t i = 5; i < 8; i++)
		map_small(0x1000 * (i + 1), 0, 0x500000 + 0x1000 * i, RW);
	for (uint32_t i = 0; i < 5; i++) {
		map_small(0x1000 * (i + 1), 0, 0x500000 + 0x1000 * i, RW);
		xl(0x1000 * (i + 1), false, false);
	}
}

Test(fcov, full_tlb_replacement_lru_fifo_and_hole)
{
	setup(SYSMMU_V3, 4, 8);
	enable(SYSMMU_COM_CFG_LRU);
	fill_five();
	cr_assert_eq(BIN("replacement_cg", "tlb_fill_free"), 4);
	cr_assert_eq(BIN("replacement_cg", "tlb_full_lru"), 1);
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	wr(SYSMMU_COM_MMU_CFG, 0);
	fill_five();
	cr_assert_eq(BIN("replacement_cg", "tlb_full_fifo"), 1);
	/* Round robin victims: 0 on the fifth fill; walk the pointer to 3. */
	xl(0x6000, false, false);
	xl(0x7000, false, false);
	map_small(0x8000, 0, 0x510000, RW);
	xl(0x8000, false, false);
	cr_assert_eq(BIN("replacement_cg", "tlb_full_fifo_wrap"), 1);
	/* Punch a hole below valid entries and fill it. */
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, 0x6000 | 1);
	map_small(0x9000, 0, 0x520000, RW);
	xl(0x9000, false, false);
	cr_assert_eq(BIN("replacement_cg", "tlb_fill_hole"), 1);
	teardown();
}

Test(fcov, block_during_traffic_and_status)
{
	setup(SYSMMU_V5, 32, 8);
	enable(0);
	E.pending = 2;
	wr(SYSMMU_COM_MMU_CTRL, 0x7);
	cr_assert_eq(BIN("block_cg", "block_with_pending"), 1);
	cr_assert_eq(rd(SYSMMU_COM_MMU_STATUS) & 1, 1);
	cr_assert_eq(BIN("block_cg", "status_read_blocked"), 1);
	wr(SYSMMU_COM_MMU_CTRL, 0x5);
	cr_assert_eq(BIN("block_cg", "unblock_with_pending"), 1);
	E.pending = 0;
	wr(SYSMMU_COM_MMU_CTRL, 0x7);
	wr(SYSMMU_COM_MMU_CTRL, 0x5);
	cr_assert_eq(BIN("block_cg", "block_idle"), 1);
	cr_assert_eq(BIN("block_cg", "unblock_idle"), 1);
	cr_assert_eq(xl(0x123000, false, false).fault, SYSMMU_FAULT_PAGE);
	E.pending = 1;
	wr(SYSMMU_COM_MMU_CTRL, 0x7);
	cr_assert_eq(BIN("block_cg", "block_after_fault"), 1);
	rd(SYSMMU_COM_MMU_STATUS);
	wr(SYSMMU_COM_MMU_CTRL, 0x5);
	cr_assert_eq(xl(0x124000, false, false).fault, SYSMMU_FAULT_PAGE);
	wr(SYSMMU_COM_MMU_CTRL, 0x5);
	cr_assert_eq(BIN("block_cg", "unblock_after_fault_with_pending"), 1);
	E.pending = 0;
	rd(SYSMMU_COM_MMU_STATUS);
	cr_assert_eq(BIN("block_cg", "status_read_unblocked"), 1);
	teardown();
}

Test(fcov, irq_raised_disabled_masked)
{
	setup(SYSMMU_V3, 32, 8);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN);
	xl(0x100000, false, false);
	cr_assert_eq(BIN("irq_cg", "fault_int_en_off"), 1);
	wr(SYSMMU_V3_INT_CLEAR, 0xFF);
	wr(SYSMMU_V3_INT_MASK, SYSMMU_V3_INT_PAGE_FAULT);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
	xl(0x100000, false, false);
	cr_assert_eq(BIN("irq_cg", "fault_masked"), 1);
	wr(SYSMMU_V3_INT_MASK, 0);
	cr_assert_eq(BIN("irq_cg", "int_clear_write"), 1);
	cr_assert_eq(BIN("irq_cg", "int_mask_write"), 1);
	teardown();
}

Test(fcov, cross_fault_kind_latched_register_interrupt_state)
{
	setup(SYSMMU_V3, 32, 8);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN);
	xl(0x100000, true, false);
	cr_assert_eq(BIN("fault_latch_cg", "PAGE_FAULT.PAGE_FAULT_ADDR.int_en_off"), 1,
		     "v3: one register for both directions");
	wr(SYSMMU_V3_INT_MASK, SYSMMU_V3_INT_PAGE_FAULT);
	unblock();
	xl(0x100000, false, false);
	cr_assert_eq(BIN("fault_latch_cg", "PAGE_FAULT.PAGE_FAULT_ADDR.masked"), 1);
	wr(SYSMMU_V3_INT_MASK, 0);
	unblock();
	xl(0x100000, false, false);
	cr_assert_eq(BIN("fault_latch_cg", "PAGE_FAULT.PAGE_FAULT_ADDR.irq"), 1);
	cr_assert_eq(BIN("fault_latch_cg", "ACC_PROT.AW_FAULT_ADDR.irq"), 0);
	teardown();
	setup(SYSMMU_V5, 32, 8);
	map_section(0x400000, 0x800000, SYSMMU_PERM_R, false);
	enable(SYSMMU_COM_CFG_EAP);
	/* A mask bit of another source does not mask this one. */
	wr(SYSMMU_V5_INT_MASK, 1u << 3);
	xl(0x400000, true, false);
	cr_assert_eq(BIN("fault_latch_cg", "ACC_PROT.FAULT_AW_VA.irq"), 1);
	wr(SYSMMU_V5_INT_MASK, 1u << 19);
	unblock();
	xl(0x400000, true, false);
	cr_assert_eq(BIN("fault_latch_cg", "ACC_PROT.FAULT_AW_VA.masked"), 1);
	cr_assert_eq(BIN("fault_latch_cg", "ACC_PROT.FAULT_AR_VA.masked"), 0);
	teardown();
}

Test(fcov, cross_flush_kind_size_position)
{
	setup(SYSMMU_V5, 32, 8);
	map_small(0x1000, 0, 0x500000, RW);
	map_small(0x5000, 0, 0x501000, RW);
	map_section(0x400000, 0x800000, RW, false);
	map_large(0x210000, 1, 0x600000, RW);
	enable(0);
	xl(0x1000, false, false);
	xl(0x5000, false, false);
	xl(0x400000, false, false);
	xl(0x210000, false, false);
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x1000 | 1);
	cr_assert_eq(BIN("flush_pos_cg", "entry.4K.holds"), 1);
	cr_assert_eq(BIN("flush_pos_cg", "entry.4K.same_region"), 1);
	cr_assert_eq(BIN("flush_pos_cg", "entry.1M.other"), 1);
	cr_assert_eq(BIN("flush_pos_cg", "entry.64K.other"), 1);
	/* [0x218000, 0x218FFF] lies inside the 64 KiB page at 0x210000. */
	wr(SYSMMU_V5_FLUSH_START, 0x218000);
	wr(SYSMMU_V5_FLUSH_END, 0x218000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	cr_assert_eq(BIN("flush_pos_cg", "range.64K.covers"), 1);
	cr_assert_eq(BIN("flush_pos_cg", "range.4K.below"), 1, "0x5000 stays below");
	cr_assert_eq(BIN("flush_pos_cg", "range.1M.above"), 1);
	/* From inside the section's MiB to beyond it: straddles the low end. */
	xl(0x210000, false, false);
	wr(SYSMMU_V5_FLUSH_START, 0x3FF000);
	wr(SYSMMU_V5_FLUSH_END, 0x400000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	cr_assert_eq(BIN("flush_pos_cg", "range.1M.overlap_hi"), 1);
	xl(0x400000, false, false);
	wr(SYSMMU_V5_FLUSH_START, 0x4FF000);
	wr(SYSMMU_V5_FLUSH_END, 0x500000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	cr_assert_eq(BIN("flush_pos_cg", "range.1M.overlap_lo"), 1);
	/* START > END flushes nothing and places nothing. */
	cr_assert_eq(BIN("flush_pos_cg", "range.64K.below"), 2);
	wr(SYSMMU_V5_FLUSH_START, 0x300000);
	wr(SYSMMU_V5_FLUSH_END, 0x200000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	cr_assert_eq(BIN("flush_pos_cg", "range.64K.below"), 2);
	teardown();
}

Test(fcov, cross_replacement_mode_full_victim_position)
{
	setup(SYSMMU_V3, 4, 8);
	enable(SYSMMU_COM_CFG_LRU);
	fill_five();
	cr_assert_eq(BIN("repl_victim_cg", "lru.free.first"), 1);
	cr_assert_eq(BIN("repl_victim_cg", "lru.free.middle"), 2);
	cr_assert_eq(BIN("repl_victim_cg", "lru.free.last"), 1);
	cr_assert_eq(BIN("repl_victim_cg", "lru.full.first"), 1, "rank 3 is entry 0");
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	wr(SYSMMU_COM_MMU_CFG, 0);
	fill_five();
	cr_assert_eq(BIN("repl_victim_cg", "fifo.full.first"), 1);
	xl(0x6000, false, false);
	cr_assert_eq(BIN("repl_victim_cg", "fifo.full.middle"), 1);
	teardown();
}

Test(fcov, cross_flpd_outcome_stale_flush_history)
{
	setup(SYSMMU_V5, 32, 2);
	map_small(0x1000, 0, 0x500000, RW);
	map_small(0x2000, 0, 0x501000, RW);
	map_small(0x3000, 0, 0x502000, RW);
	enable(SYSMMU_COM_CFG_FLPD_EN);
	xl(0x1000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "miss.after_all"), 0, "no flush yet: not classified");
	xl(0x2000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "hit.fresh"), 1);
	/* A range elsewhere: the entry survives it. */
	wr(SYSMMU_V5_FLUSH_START, 0x900000);
	wr(SYSMMU_V5_FLUSH_END, 0x900000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	vmem_write32(E.mem, L1B, sysmmu_mk_link(E.v, L2B + 0x400, false));
	xl(0x3000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "hit_stale.survived_range"), 1);
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x3000 | 1);
	map_small(0x4000, 1, 0x503000, RW);
	xl(0x4000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "miss.after_entry"), 1);
	map_small(0x5000, 1, 0x504000, RW);
	xl(0x5000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "hit.fresh"), 2, "refilled after the entry flush");
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x700000 | 1);
	map_small(0x6000, 1, 0x505000, RW);
	xl(0x6000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "hit.survived_entry"), 1);
	wr(flush_reg(SYSMMU_FLUSH_ALL), 1);
	map_small(0x7000, 1, 0x506000, RW);
	xl(0x7000, false, false);
	cr_assert_eq(BIN("flpd_state_cg", "miss.after_all"), 1);
	teardown();
}

Test(fcov, every_register_and_pslverr_cause)
{
	static const uint32_t v3_offs[] = {
		0x000, 0x004, 0x008, 0x00C, 0x010, 0x014, 0x018, 0x01C, 0x020, 0x024, 0x028,
		0x02C, 0x030, 0x034, 0x040, 0x044, 0x048, 0x04C, 0x050, 0x910, 0x920, 0x930,
		0x940, 0x950,
	};
	unsigned bins, hit;

	setup(SYSMMU_V3, 32, 8);
	for (unsigned i = 0; i < sizeof(v3_offs) / sizeof(v3_offs[0]); i++) {
		rd(v3_offs[i]);
		/* flush registers with bit0 = 0: legal, no effect */
		wr(v3_offs[i], 0);
	}
	reg_access(false, 0xFFC, 0, 0xF);
	reg_access(true, 0x0FC, 1, 0xF);
	reg_access(false, 0x002, 0, 0xF);
	reg_access(true, 0x005, 0, 0xF);
	reg_access(true, SYSMMU_V3_INT_MASK, 1, 0x3);
	cr_assert_eq(BIN("reg_cg", "pslverr.unmapped.rd"), 1);
	cr_assert_eq(BIN("reg_cg", "pslverr.unmapped.wr"), 1);
	cr_assert_eq(BIN("reg_cg", "pslverr.misaligned.rd"), 1);
	cr_assert_eq(BIN("reg_cg", "pslverr.misaligned.wr"), 1);
	cr_assert_eq(BIN("reg_cg", "pslverr.pstrb.wr"), 1);
	cr_assert_eq(BIN("reg_cg", "DEFAULT_SLAVE_ADDR.rd"), 1);
	cr_assert_eq(BIN("reg_cg", "PM_CNT4.wr"), 1);
	cr_assert_eq(BIN("reg_cg", "INT_MASK.wr"), 1, "the PSTRB error did not count");
	cr_assert_eq(BIN("flush_cg", "all.nop"), 1);
	cr_assert_eq(BIN("flush_cg", "entry.nop"), 1);
	fcov_totals(E.c, &bins, &hit);
	/* reg_cg complete (53) + the two flush nops */
	cr_assert_geq(hit, 55);
	teardown();
}

/* ns_cg: SEC_CHK x request ns x page NS of every translation with a leaf. */
Test(fcov, ns_cg_check_off_and_on)
{
	setup(SYSMMU_V3, 32, 8);
	map_section(0x500000, 0x900000, RW, false);       /* secure section */
	map_section(0x600000, 0xA00000, RW, true);        /* non-secure section */
	enable(0);
	cr_assert_eq(xl(0x500000, false, true).fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(xl(0x500004, true, false).fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(xl(0x600000, false, true).fault, SYSMMU_FAULT_NONE);
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_SEC_CHK);
	cr_assert_eq(xl(0x500000, false, true).fault, SYSMMU_FAULT_SEC_PROT);
	unblock();
	cr_assert_eq(xl(0x600000, true, true).fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(xl(0x200000, false, true).fault, SYSMMU_FAULT_PAGE);
	cr_assert_eq(BIN("ns_cg", "chk0.ns_req.s_page"), 1);
	cr_assert_eq(BIN("ns_cg", "chk0.s_req.s_page"), 1);
	cr_assert_eq(BIN("ns_cg", "chk0.ns_req.ns_page"), 1);
	cr_assert_eq(BIN("ns_cg", "chk1.ns_req.s_page"), 1);
	cr_assert_eq(BIN("ns_cg", "chk1.ns_req.ns_page"), 1);
	cr_assert_eq(BIN("ns_cg", "chk1.s_req.s_page"), 0, "a page fault has no leaf");
	teardown();
}

Test(fcov, encoding_cg_reads_the_walked_descriptors)
{
	setup(SYSMMU_V3, 32, 8);
	/* reserved (AP2, AP0) = (1, 0) with bit 18 set; EAP off, so it translates */
	vmem_write32(E.mem, L1B + 5 * 4, sysmmu_mk_section(E.v, 0x12300000, 0, false) |
		     (1u << 15) | (1u << 18));
	vmem_write32(E.mem, L1B + 6 * 4, 3);	/* reserved type 11 */
	map_small(0x700000, 0, 0x45600000, SYSMMU_PERM_R);
	enable(SYSMMU_COM_CFG_FLPD_EN);
	xl(0x500000, false, false);
	xl(0x600000, false, false);	/* a page fault: blocks until unblocked */
	unblock();
	xl(0x700000, false, false);
	cr_assert_eq(BIN("encoding_cg", "l1.section"), 1);
	cr_assert_eq(BIN("encoding_cg", "section_ap.reserved_10"), 1);
	cr_assert_eq(BIN("encoding_cg", "section.bit18_set"), 1);
	cr_assert_eq(BIN("encoding_cg", "l1.reserved_11"), 1);
	cr_assert_eq(BIN("encoding_cg", "l1.link"), 1);
	cr_assert_eq(BIN("encoding_cg", "l2.small_10"), 1);
	cr_assert_eq(BIN("encoding_cg", "page_ap.ro_11"), 1);
	cr_assert_eq(BIN("encoding_cg", "l1.type_011"), -1, "v5 names only on v5");
	/* another page of the same table: the FLPD holds the link, no level-1 read */
	map_small(0x701000, 0, 0x45601000, SYSMMU_PERM_R);
	xl(0x701000, false, false);
	cr_assert_eq(BIN("encoding_cg", "l1.link"), 1, "an FLPD hit reads no level-1 entry");
	cr_assert_eq(BIN("encoding_cg", "l2.small_10"), 2);
	teardown();

	setup(SYSMMU_V5, 32, 8);
	vmem_write32(E.mem, L1B + 5 * 4, 5);	/* reserved type 101 */
	enable(0);
	xl(0x500000, false, false);
	cr_assert_eq(BIN("encoding_cg", "l1.type_101"), 1);
	cr_assert_eq(BIN("encoding_cg", "section.bit18_set"), -1, "a v3 bin");
	teardown();
}

Test(fcov, ctrl_state_cg_value_by_state)
{
	setup(SYSMMU_V5, 32, 8);
	enable(0);			/* running.en_int */
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_BLOCK);
	wr(SYSMMU_COM_MMU_CTRL, 0);	/* while blocked by software */
	enable(0);
	xl(0x900000, false, false);	/* unmapped: page fault, fault-blocked */
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_BLOCK | SYSMMU_COM_CTRL_INT_EN);
	cr_assert_eq(BIN("ctrl_state_cg", "running.en_int"), 2);
	cr_assert_eq(BIN("ctrl_state_cg", "running.en_block"), 1);
	cr_assert_eq(BIN("ctrl_state_cg", "sw_blocked.off"), 1);
	cr_assert_eq(BIN("ctrl_state_cg", "fault_blocked.off_block_int"), 1);
	cr_assert_eq(BIN("ctrl_state_cg", "fault_blocked.en_int"), 0);
	teardown();
}
