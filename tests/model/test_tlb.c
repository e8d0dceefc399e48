// SPDX-License-Identifier: Apache-2.0
/*
 * TLB lookup, LRU ranks, round-robin and invalid-first replacement,
 * multi-hit (docs/spec.md §4, §6).
 */
#include "helpers.h"

TestSuite(tlb, .fini = fx_fini);

#define MIB(i) ((uint32_t)(i) << 20)

/* v3, 4-entry TLB, identity 1 MiB sections for MiB 0..15. */
static void setup_small_tlb(uint32_t cfg)
{
	unsigned i;

	fx_setup(V3, 4, 8);
	for (i = 0; i < 16; i++)
		map_v3_section_identity(i);
	fx_enable(cfg);
}

static void expect_ranks(const unsigned *want, unsigned n)
{
	struct sysmmu_tlb_entry e;
	unsigned i;

	for (i = 0; i < n; i++) {
		sysmmu_tlb_get(fx.m, i, &e);
		cr_assert_eq(e.rank, want[i], "entry %u rank %u want %u", i, e.rank, want[i]);
	}
}

static void expect_va(unsigned idx, uint32_t va_base)
{
	struct sysmmu_tlb_entry e;

	sysmmu_tlb_get(fx.m, idx, &e);
	cr_assert(e.valid, "entry %u invalid", idx);
	cr_assert_eq(e.va_base, va_base, "entry %u va_base 0x%08x want 0x%08x", idx,
		     e.va_base, va_base);
}

static int fill(uint32_t va)
{
	struct sysmmu_result r = rd_xl(va);

	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_not(r.tlb_hit, "0x%08x hit, expected a miss", va);
	return r.tlb_index;
}

static int hit(uint32_t va)
{
	struct sysmmu_result r = rd_xl(va);

	cr_assert(r.tlb_hit, "0x%08x missed, expected a hit", va);
	cr_assert_eq(r.n_walk, 0);
	return r.tlb_index;
}

Test(tlb, fills_take_invalid_entries_in_index_order)
{
	static const unsigned ranks[] = { 3, 2, 1, 0 };

	setup_small_tlb(SYSMMU_COM_CFG_LRU);
	cr_assert_eq(fill(MIB(1)), 0);
	cr_assert_eq(fill(MIB(2)), 1);
	cr_assert_eq(fill(MIB(3)), 2);
	cr_assert_eq(fill(MIB(4)), 3);
	expect_ranks(ranks, 4);
}

Test(tlb, hit_touch_updates_ranks)
{
	static const unsigned r1[] = { 3, 2, 0, 1 };
	static const unsigned r2[] = { 0, 3, 1, 2 };

	setup_small_tlb(SYSMMU_COM_CFG_LRU);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	cr_assert_eq(hit(MIB(3) + 0x1234), 2);
	expect_ranks(r1, 4);
	cr_assert_eq(hit(MIB(3)), 2); /* rank 0 already: no change */
	expect_ranks(r1, 4);
	cr_assert_eq(hit(MIB(1)), 0);
	expect_ranks(r2, 4);
}

Test(tlb, lru_victim_exact_order)
{
	static const unsigned r_after_hit[] = { 0, 3, 2, 1 };
	static const unsigned r_end[] = { 0, 3, 2, 1 };

	setup_small_tlb(SYSMMU_COM_CFG_LRU);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	hit(MIB(1));
	expect_ranks(r_after_hit, 4);
	cr_assert_eq(fill(MIB(5)), 1);
	cr_assert_eq(fill(MIB(6)), 2);
	cr_assert_eq(fill(MIB(7)), 3);
	cr_assert_eq(fill(MIB(8)), 0);
	expect_ranks(r_end, 4);
	expect_va(0, MIB(8));
	expect_va(1, MIB(5));
	expect_va(2, MIB(6));
	expect_va(3, MIB(7));
	cr_assert_eq(fill(MIB(1)), 1);
}

Test(tlb, fifo_victim_exact_order)
{
	static const unsigned r_end[] = { 0, 3, 2, 1 };

	setup_small_tlb(0);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	hit(MIB(1)); /* a hit does not save entry 0 in round robin */
	cr_assert_eq(fill(MIB(5)), 0);
	cr_assert_eq(fill(MIB(6)), 1);
	cr_assert_eq(fill(MIB(7)), 2);
	cr_assert_eq(fill(MIB(8)), 3);
	cr_assert_eq(fill(MIB(9)), 0);
	/* Ranks are kept in round-robin mode too. */
	expect_ranks(r_end, 4);
	expect_va(0, MIB(9));
	expect_va(3, MIB(8));
}

Test(tlb, fifo_invalid_first_does_not_move_pointer)
{
	setup_small_tlb(0);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	cr_assert_eq(fill(MIB(5)), 0); /* rr 0 -> 1 */
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, MIB(3) | 1); /* entry 2 invalid */
	cr_assert_eq(fill(MIB(6)), 2);
	cr_assert_eq(fill(MIB(7)), 1);
	cr_assert_eq(fill(MIB(8)), 2);
}

Test(tlb, lowest_invalid_index_first)
{
	setup_small_tlb(SYSMMU_COM_CFG_LRU);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, MIB(4) | 1);
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, MIB(2) | 1);
	cr_assert_eq(fill(MIB(5)), 1);
	cr_assert_eq(fill(MIB(6)), 3);
	/* Full again: LRU victim is entry 0 (MiB 1, filled first, never hit). */
	cr_assert_eq(fill(MIB(7)), 0);
}

Test(tlb, lru_invalid_before_lru_victim)
{
	static const unsigned r[] = { 3, 2, 1, 0 };

	setup_small_tlb(SYSMMU_COM_CFG_LRU);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, MIB(3) | 1);
	expect_ranks(r, 4); /* flushes keep ranks */
	cr_assert_eq(fill(MIB(9)), 2);
}

Test(tlb, flush_all_keeps_ranks_and_pointer)
{
	static const unsigned r[] = { 0, 3, 2, 1 };

	setup_small_tlb(0);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	cr_assert_eq(fill(MIB(5)), 0); /* rr -> 1 */
	wr(SYSMMU_V3_MMU_FLUSH, 1);
	expect_ranks(r, 4);
	cr_assert_eq(fill(MIB(1)), 0);
	cr_assert_eq(fill(MIB(2)), 1);
	cr_assert_eq(fill(MIB(3)), 2);
	cr_assert_eq(fill(MIB(4)), 3);
	cr_assert_eq(fill(MIB(6)), 1); /* pointer kept its value 1 */
}

Test(tlb, switch_lru_to_fifo_pointer_starts_at_zero)
{
	setup_small_tlb(SYSMMU_COM_CFG_LRU);
	fill(MIB(1));
	fill(MIB(2));
	fill(MIB(3));
	fill(MIB(4));
	cr_assert_eq(fill(MIB(5)), 0);
	cr_assert_eq(fill(MIB(6)), 1);
	wr(SYSMMU_COM_MMU_CFG, 0);
	cr_assert_eq(fill(MIB(7)), 0);
	cr_assert_eq(fill(MIB(8)), 1);
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_LRU);
	/* Ranks now: entry 1 = 0, 0 = 1, 3 = 2, 2 = 3 (MiB 3) -> victim 2. */
	cr_assert_eq(fill(MIB(9)), 2);
}

Test(tlb, full_64_entry_tlb_lru)
{
	struct sysmmu_tlb_entry e;
	unsigned i;

	fx_setup(V3, 64, 8);
	for (i = 0; i < 70; i++)
		map_v3_section_identity(i);
	fx_enable(SYSMMU_COM_CFG_LRU);
	for (i = 0; i < 64; i++)
		cr_assert_eq(fill(MIB(i)), (int)i);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert_eq(e.rank, 63);
	sysmmu_tlb_get(fx.m, 63, &e);
	cr_assert_eq(e.rank, 0);
	hit(MIB(0));
	cr_assert_eq(fill(MIB(64)), 1);
	cr_assert_eq(fill(MIB(65)), 2);
	cr_assert_eq(hit(MIB(64) + 0xFFFFF), 1);
}

Test(tlb, hit_result_fields)
{
	struct sysmmu_result r;

	setup_small_tlb(0);
	fill(MIB(2));
	r = xl(MIB(2) + 0xABCDE, true, false);
	cr_assert(r.tlb_hit);
	cr_assert_not(r.flpd_hit);
	cr_assert_not(r.bypass);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.pa, 0x002ABCDE);
	cr_assert_eq(r.size, SYSMMU_SIZE_1M);
	cr_assert_eq(r.tlb_index, 0);
	cr_assert_eq(r.n_walk, 0);
}

/* ---- multi-hit ---- */

/*
 * v3: a 4 KiB page at VA 0x1000 is cached, then the level-1 entry of MiB 0
 * is rewritten to a section without a flush and VA 0x2000 caches it:
 * entries 0 (4 KiB, 0x1000) and 1 (1 MiB, 0) both match 0x1xxx.
 */
static void setup_v3_overlap(void)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100000, 0x00200401);
	mem_w(0x00200404, 0x00050012);
	r = rd_xl(0x00001000);
	cr_assert_eq(r.pa, 0x00050000);
	mem_w(0x00100000, 0x00000402);
	r = rd_xl(0x00002000);
	cr_assert_not(r.tlb_hit);
	cr_assert_eq(r.tlb_index, 1);
	cr_assert_eq(r.pa, 0x00002000);
}

static void setup_v5_overlap(void)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(0);
	mem_w(0x800000000ull, 0x98765441);
	mem_w(0x987654404ull, 0x0005000E);
	r = rd_xl(0x00001000);
	cr_assert_eq(r.pa, 0x00500000);
	mem_w(0x800000000ull, 0x00000032);
	r = rd_xl(0x00002000);
	cr_assert_eq(r.tlb_index, 1);
}

static void expect_overlap_unchanged(void)
{
	static const unsigned ranks[] = { 1, 0, 2, 3 };
	struct sysmmu_tlb_entry e;

	expect_ranks(ranks, 4);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert(e.valid);
	cr_assert_eq(e.size, SYSMMU_SIZE_4K);
	cr_assert_eq(e.va_base, 0x00001000);
	sysmmu_tlb_get(fx.m, 1, &e);
	cr_assert(e.valid);
	cr_assert_eq(e.size, SYSMMU_SIZE_1M);
	cr_assert_eq(e.va_base, 0);
	sysmmu_tlb_get(fx.m, 2, &e);
	cr_assert_not(e.valid);
}

Test(tlb, v3_multi_hit_read)
{
	struct sysmmu_result r;

	setup_v3_overlap();
	fx.reads = 0;
	r = rd_xl(0x00001234);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	cr_assert_eq(r.pa, 0);
	cr_assert_not(r.tlb_hit);
	cr_assert_eq(r.tlb_index, -1);
	cr_assert_eq(r.n_walk, 0);
	cr_assert_eq(fx.reads, 0);
	expect_overlap_unchanged();
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x02);
	cr_assert_eq(rd(SYSMMU_V3_AR_FAULT_ADDR), 0x00001234);
	cr_assert_eq(rd(SYSMMU_V3_AW_FAULT_ADDR), 0);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_HIT), 0);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_TLB_MISS), 2);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_PTW_READ), 3);
	cr_assert_eq(sysmmu_counter(fx.m, SYSMMU_CNT_FAULT), 1);
}

Test(tlb, v3_multi_hit_write)
{
	struct sysmmu_result r;

	setup_v3_overlap();
	r = xl(0x00001FFC, true, false);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	cr_assert_eq(rd(SYSMMU_V3_INT_STATUS), 0x04);
	cr_assert_eq(rd(SYSMMU_V3_AW_FAULT_ADDR), 0x00001FFC);
	cr_assert_eq(rd(SYSMMU_V3_AR_FAULT_ADDR), 0);
}

Test(tlb, v5_multi_hit_read_and_write)
{
	struct sysmmu_result r;

	setup_v5_overlap();
	r = rd_xl(0x00001234);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	expect_overlap_unchanged();
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x4);
	cr_assert_eq(rd(SYSMMU_V5_FAULT_AR_VA), 0x00001234);
	unblock();
	r = xl(0x00001238, true, false);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x40004);
	cr_assert_eq(rd(SYSMMU_V5_FAULT_AW_VA), 0x00001238);
}

Test(tlb, multi_hit_entries_stay_until_flushed)
{
	struct sysmmu_result r;

	setup_v3_overlap();
	r = rd_xl(0x00001234);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	unblock();
	r = rd_xl(0x00001000);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	unblock();
	r = rd_xl(0x00005000); /* only the section matches */
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.tlb_index, 1);
	cr_assert_eq(r.pa, 0x00005000);
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, 0x00001001);
	r = rd_xl(0x00001234);
	cr_assert_not(r.tlb_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.tlb_index, 0);
	cr_assert_eq(r.pa, 0x00001234);
}

Test(tlb, multi_hit_beats_sec_prot)
{
	struct sysmmu_result r;

	setup_v3_overlap();
	r = xl(0x00001234, false, true);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
}
