// SPDX-License-Identifier: Apache-2.0
/*
 * Vector generator, part 2: profiles and the actions of IOMMU software
 * (map/unmap like the Linux exynos-iommu driver, flushes, blocking, CFG,
 * register pokes, fault handling) plus the deliberate rule breaking.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/pte.h"
#include "sysmmu/regs.h"
#include "gen.h"

/* ---- profiles ---- */

static const struct gen_profile profiles[] = {
	/* Mainline exynos-iommu: only what that driver writes (docs/vectors.md). */
	{ .name = "driver", .w_xlate = 600, .w_map = 60, .w_unmap = 40,
	  .w_idle = 10, .w_ptbase = 2, .w_check = 10, .w_burst = 30,
	  .locality = 50, .unmapped = 3, .misbehave = 0, .ns_req = 30, .ns_page = 0,
	  .odd_perm = 5, .pool = 24, .pileup = 30, .sec_chk = 0, .mainline = true },
	{ .name = "tlb", .w_xlate = 800, .w_map = 40, .w_unmap = 20, .w_flush = 20,
	  .w_cfg = 10, .w_block = 5, .w_rd = 10, .w_idle = 5, .w_check = 5, .w_burst = 100,
	  .w_sweep = 3,
	  .locality = 75, .unmapped = 1, .misbehave = 0, .ns_req = 10, .ns_page = 100,
	  .odd_perm = 0, .pool = 40, .pileup = 10, .lru = 50, .eap = 30, .flpd = 80,
	  .sec_chk = 30 },
	{ .name = "faults", .w_xlate = 500, .w_map = 60, .w_unmap = 60, .w_flush = 30,
	  .w_cfg = 20, .w_block = 20, .w_rd = 20, .w_wr = 10, .w_idle = 5, .w_ptbase = 5,
	  .w_check = 20, .w_poison = 20, .w_remap = 40, .w_burst = 20, .w_irqmode = 15,
	  .locality = 50, .unmapped = 25, .misbehave = 30, .ns_req = 40, .ns_page = 50,
	  .odd_perm = 40, .pool = 16, .pileup = 50, .lru = 50, .eap = 70, .flpd = 70,
	  .sec_chk = 70, .wild_regs = true },
	{ .name = "stress", .w_xlate = 500, .w_map = 60, .w_unmap = 50, .w_flush = 40,
	  .w_cfg = 20, .w_block = 30, .w_rd = 30, .w_wr = 20, .w_idle = 10, .w_ptbase = 5,
	  .w_check = 20, .w_poison = 10, .w_remap = 30, .w_burst = 40, .w_bypass = 10,
	  .w_irqmode = 15, .w_sweep = 3,
	  .locality = 50, .unmapped = 15, .misbehave = 20, .ns_req = 30, .ns_page = 70,
	  .odd_perm = 25, .pool = 32, .pileup = 50, .lru = 50, .eap = 50, .flpd = 50,
	  .sec_chk = 50, .wild_regs = true },
	{ .name = "bypass", .w_xlate = 600, .w_map = 20, .w_unmap = 10, .w_flush = 10,
	  .w_cfg = 10, .w_block = 40, .w_rd = 20, .w_wr = 5, .w_idle = 10, .w_check = 20,
	  .w_burst = 20, .w_bypass = 30,
	  .locality = 30, .unmapped = 10, .misbehave = 0, .ns_req = 50, .ns_page = 100,
	  .odd_perm = 10, .pool = 12, .pileup = 20, .lru = 50, .eap = 50, .flpd = 50,
	  .sec_chk = 50, .bypass = true },
};

const char *const sysmmu_gen_profiles[] = {
	"driver", "tlb", "faults", "stress", "bypass", NULL,
};

int gen_profile_get(const char *name, struct gen_profile *pf)
{
	size_t i;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
		if (!strcmp(profiles[i].name, name)) {
			*pf = profiles[i];
			return 0;
		}
	}
	return -1;
}

/* ---- helpers ---- */

static uint32_t rand32(struct gen *g)
{
	return (uint32_t)(gen_rand(g) >> 32);
}

static uint64_t rand_pa(struct gen *g, uint64_t align)
{
	return gen_rand(g) & g->pa_mask & ~(align - 1);
}

static unsigned rand_perm(struct gen *g)
{
	static const unsigned v3_perm[3] = { 0, SYSMMU_PERM_R, SYSMMU_PERM_RW };

	if (!gen_chance(g, g->pf.odd_perm))
		return SYSMMU_PERM_RW;
	return g->v5 ? gen_below(g, 4) : v3_perm[gen_below(g, 3)];
}

static uint64_t alloc_pt(struct gen *g, uint64_t size)
{
	uint64_t a = (g->pt_next + size - 1) & ~(size - 1);

	g->pt_next = a + size;
	return a;
}

static uint64_t l1_addr(const struct gen *g, const struct gslot *s)
{
	return g->l1 + s->idx * 4u;
}

static void write_l1(struct gen *g, const struct gslot *s, uint32_t val)
{
	gen_mem(g, l1_addr(g, s), val);
}

/*
 * A level-1 link to a level-2 table, one in five with random bits in the
 * places the walker ignores (spec §3: v3 bits 2 and 9:4, v5 bits 5:4); the
 * FLPD cache keeps the raw entry, so they reach its storage too.
 */
static uint32_t link_entry(struct gen *g, uint64_t l2, bool ns)
{
	uint32_t ignored = g->v5 ? 0x30u : 0x3F4u;

	return sysmmu_mk_link(g->var, l2, ns) | (gen_chance(g, 20) ? rand32(g) & ignored : 0);
}

/* What an empty level-1 slot holds: the zero-lv2 link, or a fault type. */
static uint32_t empty_l1(struct gen *g)
{
	static const uint32_t v5_reserved_l1[5] = { 3, 4, 5, 6, 7 };
	uint32_t r;

	if (g->zero_habit)
		return sysmmu_mk_link(g->var, g->zero_l2, false);
	if (!gen_chance(g, g->pf.odd_perm))
		return 0;
	/*
	 * Reserved encodings that must read as faults: v3 type 11, v5 types
	 * 011 and 1xx. The v5 type comes from the same draw as the other bits
	 * (one draw, as before).
	 */
	r = rand32(g);
	return g->v5 ? v5_reserved_l1[(r >> 3) % 5] | (r & ~7u) : 3 | (r & ~3u);
}

static struct gslot *pick_slot(struct gen *g)
{
	return &g->slots[gen_below(g, g->n_slots)];
}

static struct gslot *pick_slot_kind(struct gen *g, enum slot_kind kind)
{
	unsigned i, start = gen_below(g, g->n_slots);

	for (i = 0; i < g->n_slots; i++) {
		struct gslot *s = &g->slots[(start + i) % g->n_slots];

		if (s->kind == kind)
			return s;
	}
	return NULL;
}

/* A mapped 4 KiB slot of a table (random start), or -1. */
static int pick_mapped_page(struct gen *g, const struct gslot *s)
{
	unsigned i, start = gen_below(g, 256);

	if (s->kind != SLOT_TABLE || !s->n_mapped)
		return -1;
	for (i = 0; i < 256; i++) {
		unsigned j = (start + i) & 255;

		if (s->pg[j].kind != PG_NONE)
			return (int)j;
	}
	return -1;
}

/* ---- the flush software owes after changing a level-1 entry ---- */

enum l1_flush {
	L1F_ENTRY,    /* nothing but FLPD / one section can be cached: flush entry */
	L1F_SLOT,     /* a whole level-2 table was unlinked */
};

static void flush_slot(struct gen *g, const struct gslot *s, enum l1_flush need)
{
	uint32_t base = s->idx << 20;

	if (need == L1F_ENTRY && (!g->v5 || gen_chance(g, 60))) {
		gen_flush_entry(g, base | (rand32(g) & 0xFF000u));
		return;
	}
	if (g->v5 && gen_chance(g, 70)) {
		gen_flush_range(g, base | (rand32(g) & 0xFFFu), base | 0xFFFFFu);
		return;
	}
	gen_flush_all(g);
}

static void after_l1_change(struct gen *g, const struct gslot *s, enum l1_flush need,
			    bool init)
{
	if (init || gen_misbehave(g))
		return;
	flush_slot(g, s, need);
}

/* ---- map / unmap ---- */

/*
 * v3 section bit 18 (a supersection in ARM) is ignored: the entry is a
 * 1 MiB section (spec §3.1). Set on half the sections outside mainline,
 * by PA bit 21, with no draw.
 */
static uint32_t v3_bit18(const struct gen *g, uint32_t pte, uint64_t pa)
{
	if (g->v5 || g->pf.mainline || !((pa >> 21) & 1))
		return pte;
	return pte | (1u << 18);
}

/*
 * v3 writes "no access" two ways: (AP2, AP0) = (0, 0), and the reserved
 * (1, 0), which spec §3.1 treats as none too. Half of the no-access leaves
 * outside the mainline profile get the reserved one, picked by a PA bit
 * (pa_bit, the lowest bit of the leaf's base) instead of a draw, so that
 * the rest of a seed's vector stays as it was.
 */
static uint32_t v3_no_access(const struct gen *g, uint32_t pte, unsigned perm, uint64_t pa,
			     unsigned ap2_bit, unsigned pa_bit)
{
	if (g->v5 || g->pf.mainline || perm != 0 || !((pa >> pa_bit) & 1))
		return pte;
	return pte | (1u << ap2_bit);
}

static void map_section(struct gen *g, struct gslot *s, bool init)
{
	gen_taint_l1(s);
	s->perm = (uint8_t)rand_perm(g);
	s->ns = gen_chance(g, g->pf.ns_page);
	s->pa = rand_pa(g, 0x100000);
	write_l1(g, s, v3_bit18(g, v3_no_access(g, sysmmu_mk_section(g->var, s->pa, s->perm, s->ns),
						s->perm, s->pa, 15, 20), s->pa));
	s->kind = SLOT_SECTION;
	s->l1_link = false;
	after_l1_change(g, s, L1F_ENTRY, init);
}

static void map_table(struct gen *g, struct gslot *s, bool init)
{
	gen_taint_l1(s);
	s->l2 = alloc_pt(g, 0x400);
	s->ns = gen_chance(g, g->pf.ns_page);
	write_l1(g, s, link_entry(g, s->l2, s->ns));
	s->kind = SLOT_TABLE;
	s->l1_link = true;
	s->n_mapped = 0;
	memset(s->pg, 0, sizeof(s->pg));
	after_l1_change(g, s, L1F_ENTRY, init);
}

static uint32_t small_pte(struct gen *g, uint64_t pa, unsigned perm)
{
	/* type 11 is a small page too; mainline writes type 10 only */
	if (g->pf.mainline)
		return sysmmu_mk_small(g->var, pa, perm);
	return v3_no_access(g, sysmmu_mk_small(g->var, pa, perm), perm, pa, 9, 12) |
	       (gen_chance(g, 20) ? 1u : 0u);
}

/* A free 4 KiB slot of the table (random start), or -1. */
static int free_small(struct gen *g, const struct gslot *s)
{
	unsigned j = gen_below(g, 256), i;

	for (i = 0; i < 256 && s->pg[j].kind != PG_NONE; i++)
		j = (j + 1) & 255;
	return i == 256 ? -1 : (int)j;
}

static void map_small_at(struct gen *g, struct gslot *s, unsigned j)
{
	struct gpage *p = &s->pg[j];

	p->kind = PG_SMALL;
	p->perm = (uint8_t)rand_perm(g);
	p->pa = rand_pa(g, 0x1000);
	gen_mem(g, s->l2 + j * 4u, small_pte(g, p->pa, p->perm));
	s->n_mapped++;
}

static bool map_small(struct gen *g, struct gslot *s)
{
	int j = free_small(g, s);

	if (j < 0)
		return false;
	map_small_at(g, s, (unsigned)j);
	return true;
}

static bool block_free(const struct gslot *s, unsigned b)
{
	unsigned j;

	for (j = b * 16; j < b * 16 + 16; j++)
		if (s->pg[j].kind != PG_NONE)
			return false;
	return true;
}

/* A 64 KiB page is 16 identical entries (the driver habit). */
static void map_large_at(struct gen *g, struct gslot *s, unsigned b)
{
	uint64_t pa = rand_pa(g, 0x10000);
	unsigned perm = rand_perm(g), j;
	uint32_t pte = v3_no_access(g, sysmmu_mk_large(g->var, pa, perm), perm, pa, 9, 16);

	for (j = b * 16; j < b * 16 + 16; j++) {
		s->pg[j] = (struct gpage){ PG_LARGE, (uint8_t)perm, pa };
		gen_mem(g, s->l2 + j * 4u, pte);
	}
	s->n_mapped += 16;
}

/* A free 64 KiB block of the table (random start), or -1. */
static int free_large(struct gen *g, const struct gslot *s)
{
	unsigned b = gen_below(g, 16), i;

	for (i = 0; i < 16 && !block_free(s, b); i++)
		b = (b + 1) & 15;
	return i == 16 ? -1 : (int)b;
}

static bool map_large(struct gen *g, struct gslot *s)
{
	int b = free_large(g, s);

	if (b < 0)
		return false;
	map_large_at(g, s, (unsigned)b);
	return true;
}

static void map_pages(struct gen *g, struct gslot *s, unsigned n, bool init)
{
	unsigned k;

	if (s->kind == SLOT_EMPTY)
		map_table(g, s, init);
	if (s->kind != SLOT_TABLE)
		return;
	for (k = 0; k < n; k++)
		if (gen_chance(g, 25) ? !map_large(g, s) : !map_small(g, s))
			return;
}

static void unmap_page(struct gen *g, struct gslot *s, unsigned j)
{
	bool large = s->pg[j].kind == PG_LARGE;
	unsigned lo = large ? j & ~15u : j, n = large ? 16 : 1, k;
	uint32_t va = (s->idx << 20) | (lo << 12);

	gen_taint_l2(s, j);
	for (k = lo; k < lo + n; k++) {
		s->pg[k].kind = PG_NONE;
		gen_mem(g, s->l2 + k * 4u, 0);
	}
	s->n_mapped -= n;
	if (gen_misbehave(g))
		return;
	/* any VA inside the page removes it (spec §6.4) */
	if (g->v5 && gen_chance(g, 30))
		gen_flush_range(g, va + (rand32(g) & (n * 0x1000u - 1)), va + n * 0x1000u - 1);
	else
		gen_flush_entry(g, va + (rand32(g) & (n * 0x1000u - 1)));
}

static void unmap_slot(struct gen *g, struct gslot *s)
{
	enum l1_flush need = s->kind == SLOT_TABLE && s->n_mapped ? L1F_SLOT : L1F_ENTRY;

	gen_taint_l1(s);
	write_l1(g, s, empty_l1(g));
	s->kind = SLOT_EMPTY;
	s->l1_link = g->zero_habit;
	s->n_mapped = 0;
	memset(s->pg, 0, sizeof(s->pg));
	after_l1_change(g, s, need, false);
}

/* ---- the mainline exynos-iommu driver (profile "driver") ----
 *
 * What drivers/iommu/exynos-iommu.c does, including what it does not do:
 * sysmmu_block() / sysmmu_unblock() around every flush, one FLUSH_ENTRY of
 * the page start after each unmap (v3 and v5 alike: num_inv is 1 unless v2),
 * an FLPD invalidation (v3: FLUSH_ENTRY, v5: FLUSH_ALL) only when
 * alloc_lv2entry() replaces the zero level-2 link by a new table, and none
 * when lv1set_section() replaces it by a section (its lv1ent_page_zero()
 * test runs after the slot was overwritten). Empty slots always hold the
 * zero link; tables are never unlinked; no NS bit is ever set.
 */

static bool xlate_one(struct gen *g);

/* __sysmmu_init_config() from v3.3 on: QoS 15, FLPD cache, ACGEN, EAP. */
#define DRV_CFG (15u << SYSMMU_COM_CFG_QOS_SHIFT | SYSMMU_COM_CFG_FLPD_EN | \
		 SYSMMU_V3_CFG_ACGEN | SYSMMU_COM_CFG_EAP)
#define DRV_CTRL_ENABLE (SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN)
#define DRV_CTRL_BLOCK (DRV_CTRL_ENABLE | SYSMMU_COM_CTRL_BLOCK)

/*
 * sysmmu_block(): CTRL = 0x7, then poll STATUS bit 0 at most 120 times and
 * give up (unblock, skip the flush) if it never sets. Our MMU reports
 * blocked at the first read (nothing is in flight at a register access,
 * spec §2.1), so the poll is one read and the give-up path never runs.
 */
static void drv_block(struct gen *g)
{
	gen_ctrl(g, DRV_CTRL_BLOCK);
	gen_rd(g, SYSMMU_COM_MMU_STATUS, true, SYSMMU_COM_STATUS_BLOCKED);
}

/* sysmmu_unblock() writes CTRL_ENABLE, whatever CTRL held before. */
static void drv_unblock(struct gen *g)
{
	gen_ctrl(g, DRV_CTRL_ENABLE);
}

/* sysmmu_tlb_invalidate_entry(): DMA goes on meanwhile, so requests may
 * queue up behind the block and drain at the unblock. */
static void drv_invalidate_entry(struct gen *g, uint32_t va)
{
	unsigned n = gen_chance(g, 30) ? 1 + gen_below(g, 3) : 0, k;

	drv_block(g);
	for (k = 0; k < n; k++)
		xlate_one(g);
	gen_flush_entry(g, va);
	drv_unblock(g);
}

/* sysmmu_tlb_invalidate_flpdcache() (v3.3+): v5 flushes everything. */
static void drv_invalidate_flpd(struct gen *g, uint32_t va)
{
	drv_block(g);
	if (g->v5)
		gen_flush_all(g);
	else
		gen_flush_entry(g, va);
	drv_unblock(g);
}

/* lv1set_section(): on the zero link or on an empty table; no flush. */
static void drv_map_section(struct gen *g, struct gslot *s)
{
	gen_taint_l1(s);
	s->perm = (uint8_t)rand_perm(g);
	s->ns = false;
	s->pa = rand_pa(g, 0x100000);
	write_l1(g, s, sysmmu_mk_section(g->var, s->pa, s->perm, false));
	s->kind = SLOT_SECTION;
	s->l1_link = false;
	s->n_mapped = 0;
	memset(s->pg, 0, sizeof(s->pg));
}

/* alloc_lv2entry() on the zero link: a new table, then (when the MMU is
 * active) the FLPD invalidation at the VA being mapped. */
static void drv_alloc_table(struct gen *g, struct gslot *s, uint32_t va, bool active)
{
	gen_taint_l1(s);
	s->l2 = alloc_pt(g, 0x400);
	s->ns = false;
	write_l1(g, s, sysmmu_mk_link(g->var, s->l2, false));
	s->kind = SLOT_TABLE;
	s->l1_link = true;
	s->n_mapped = 0;
	memset(s->pg, 0, sizeof(s->pg));
	if (active)
		drv_invalidate_flpd(g, va);
}

/* exynos_iommu_map() of one 4 KiB or 64 KiB page; lv2set_page() flushes
 * nothing (the VA was unmapped, and flushed, before). */
static bool drv_map_page(struct gen *g, struct gslot *s, bool active)
{
	bool large = gen_chance(g, 25);
	int i = large ? free_large(g, s) : free_small(g, s);
	uint32_t va;

	if (s->kind == SLOT_TABLE && i < 0)
		return false;
	if (s->kind == SLOT_EMPTY) {
		i = large ? (int)gen_below(g, 16) : (int)gen_below(g, 256);
		va = s->idx << 20 | (uint32_t)i << (large ? 16 : 12);
		drv_alloc_table(g, s, va, active);
	}
	if (large)
		map_large_at(g, s, (unsigned)i);
	else
		map_small_at(g, s, (unsigned)i);
	return true;
}

static void drv_map(struct gen *g, struct gslot *s, bool active)
{
	unsigned n = 1 + gen_below(g, 4), k;
	bool free_table = s->kind == SLOT_TABLE && !s->n_mapped;

	if (s->kind == SLOT_SECTION)
		return;   /* -EADDRINUSE */
	if ((s->kind == SLOT_EMPTY || free_table) && gen_chance(g, 30)) {
		drv_map_section(g, s);
		return;
	}
	for (k = 0; k < n; k++)
		if (!drv_map_page(g, s, active))
			return;
}

/* exynos_iommu_unmap(): a section becomes the zero link again; pages are
 * cleared in their table; then one FLUSH_ENTRY of the page start. */
static void drv_unmap(struct gen *g, struct gslot *s)
{
	int j = pick_mapped_page(g, s);
	unsigned lo, n, k;

	if (s->kind == SLOT_SECTION) {
		gen_taint_l1(s);
		write_l1(g, s, sysmmu_mk_link(g->var, g->zero_l2, false));
		s->kind = SLOT_EMPTY;
		s->l1_link = true;
		drv_invalidate_entry(g, s->idx << 20);
		return;
	}
	if (j < 0)
		return;
	lo = s->pg[j].kind == PG_LARGE ? (unsigned)j & ~15u : (unsigned)j;
	n = s->pg[j].kind == PG_LARGE ? 16 : 1;
	gen_taint_l2(s, (unsigned)j);
	for (k = lo; k < lo + n; k++) {
		s->pg[k].kind = PG_NONE;
		gen_mem(g, s->l2 + k * 4u, 0);
	}
	s->n_mapped -= n;
	drv_invalidate_entry(g, s->idx << 20 | lo << 12);
}

/* __sysmmu_enable(): block, CFG, PT base + flush all, enable. */
static void drv_enable(struct gen *g)
{
	gen_ctrl(g, DRV_CTRL_BLOCK);
	gen_cfg(g, DRV_CFG);
	gen_ptbase(g, g->l1);
	gen_flush_all(g);
	gen_ctrl(g, DRV_CTRL_ENABLE);
}

/* __sysmmu_disable(): CTRL = 0, CFG = 0. */
static void drv_disable(struct gen *g)
{
	gen_ctrl(g, 0);
	gen_cfg(g, 0);
}

static void act_map(struct gen *g)
{
	struct gslot *s = pick_slot(g);

	if (g->pf.mainline) {
		drv_map(g, s, true);
		return;
	}
	if (s->kind == SLOT_EMPTY && gen_chance(g, 30))
		map_section(g, s, false);
	else if (s->kind == SLOT_EMPTY || s->kind == SLOT_TABLE)
		map_pages(g, s, 1 + gen_below(g, 4), false);
}

static void act_unmap(struct gen *g)
{
	struct gslot *s = pick_slot(g);
	int j;

	if (g->pf.mainline) {
		drv_unmap(g, s);
		return;
	}
	j = pick_mapped_page(g, s);

	if (s->kind == SLOT_SECTION || (s->kind == SLOT_TABLE && gen_chance(g, 10)))
		unmap_slot(g, s);
	else if (j >= 0)
		unmap_page(g, s, (unsigned)j);
}

static uint32_t va_in_slot(struct gen *g, const struct gslot *s);

static void touch(struct gen *g, uint32_t va)
{
	gen_xlate(g, va, gen_chance(g, 40), false);
	gen_recover(g);
}

/*
 * Remap with another page size, on purpose without the flush. Pages touched
 * before stay cached: a stale hit, or, once a walk caches the new larger
 * page, a multi-hit on the old small page.
 */
static void remap_once(struct gen *g, struct gslot *s)
{
	unmap_slot(g, s);
	if (s->kind == SLOT_EMPTY && gen_chance(g, 50))
		map_section(g, s, false);
	else
		map_pages(g, s, 2 + gen_below(g, 6), false);
}

/* Software replaces 4 KiB pages by a 64 KiB page without flushing: the
 * touched small page and the new large page both match (a multi-hit). */
static bool remap_small_to_large(struct gen *g, struct gslot *s)
{
	int j = pick_mapped_page(g, s);
	uint32_t base = s->idx << 20, va;
	unsigned b, k;

	if (j < 0 || s->pg[j].kind != PG_SMALL)
		return false;
	va = base | (uint32_t)j << 12;
	touch(g, va);
	b = (unsigned)j >> 4;
	for (k = b * 16; k < b * 16 + 16; k++) {
		if (s->pg[k].kind == PG_NONE)
			continue;
		gen_taint_l2(s, k);
		s->pg[k].kind = PG_NONE;
		s->n_mapped--;
	}
	map_large_at(g, s, b);
	touch(g, base | (b << 16) | ((((unsigned)j + 1 + gen_below(g, 15)) & 15) << 12));
	touch(g, va);
	return true;
}

static void act_remap(struct gen *g)
{
	struct gslot *s = pick_slot(g);
	unsigned saved = g->pf.misbehave, n = 1 + gen_below(g, 3), k;
	uint32_t va[4];

	if (s->kind != SLOT_SECTION && s->kind != SLOT_TABLE)
		return;
	for (k = 0; k < n; k++) {
		va[k] = va_in_slot(g, s);
		touch(g, va[k]);
	}
	g->pf.misbehave = 100;
	if (s->kind == SLOT_TABLE && gen_chance(g, 50) && remap_small_to_large(g, s))
		va[0] = va_in_slot(g, s);
	else
		remap_once(g, s);
	touch(g, va_in_slot(g, s));
	/* a second remap stacks a third page size on the same VAs */
	if (gen_chance(g, 40)) {
		remap_once(g, s);
		touch(g, va_in_slot(g, s));
		touch(g, va[0]);
	}
	g->pf.misbehave = saved;
	for (k = 0; k < n; k++)
		touch(g, va[k]);
}

/* Walks into bus-error regions: a level-2 table or a level-1 entry in memerr. */
static void act_poison(struct gen *g)
{
	struct gslot *s = pick_slot_kind(g, SLOT_EMPTY);
	uint64_t lo;

	if (!s)
		return;
	gen_taint_l1(s);
	if (gen_chance(g, 50)) {
		lo = g->err_next;
		g->err_next += 0x400;
		gen_memerr(g, lo, lo + 0x3FF);
		s->ns = gen_chance(g, g->pf.ns_page);
		write_l1(g, s, link_entry(g, lo, s->ns));
		s->kind = SLOT_POISON_L2;
		s->l1_link = true;
	} else {
		gen_memerr(g, l1_addr(g, s), l1_addr(g, s) + 3);
		s->kind = SLOT_POISON_L1;
		s->l1_link = false;
	}
	after_l1_change(g, s, L1F_ENTRY, false);
}

/* ---- translations ---- */

static void remember(struct gen *g, uint32_t va)
{
	g->recent[g->recent_pos] = va;
	g->recent_pos = (g->recent_pos + 1) & 63;
	if (g->n_recent < 64)
		g->n_recent++;
}

static uint32_t va_in_slot(struct gen *g, const struct gslot *s)
{
	int j = pick_mapped_page(g, s);
	uint32_t off = rand32(g) & 0xFFFFFu;

	if (j >= 0 && !gen_chance(g, g->pf.unmapped))
		off = ((uint32_t)j << 12) | (off & 0xFFFu);
	return (s->idx << 20) | off;
}

static bool slot_mapped(const struct gslot *s)
{
	return s->kind == SLOT_SECTION || (s->kind == SLOT_TABLE && s->n_mapped);
}

/* Most traffic goes where software mapped something. */
static const struct gslot *pick_mapped_slot(struct gen *g)
{
	const struct gslot *s = pick_slot(g);
	int tries;

	for (tries = 0; tries < 6 && !slot_mapped(s); tries++)
		s = pick_slot(g);
	return s;
}

static uint32_t pick_va(struct gen *g)
{
	unsigned ws = g->ws < g->n_recent ? g->ws : g->n_recent;
	uint32_t va;

	if (ws && gen_chance(g, g->pf.locality)) {
		va = g->recent[(g->recent_pos + 64 - 1 - gen_below(g, ws)) & 63];
		return (va & ~0xFFFu) | (rand32(g) & 0xFFFu);
	}
	/* Level-1 slots outside the pool are never written: the mainline
	 * profile keeps its traffic inside the pool. */
	if (!g->pf.mainline && gen_chance(g, g->pf.unmapped / 2))
		return rand32(g);
	return va_in_slot(g, gen_chance(g, g->pf.unmapped) ? pick_slot(g) : pick_mapped_slot(g));
}

static bool blocked_now(const struct gen *g);

static bool xlate_one(struct gen *g)
{
	uint32_t va = pick_va(g);
	bool write, ns;
	int tries;

	/*
	 * A queued request must stay predictable until it is accepted. The
	 * mainline profile only ever issues predictable requests: a section
	 * mapped over a zero link the FLPD may hold (the lv1set_section() bug)
	 * answers PAGE_FAULT or its PA depending on FLPD replacement history,
	 * so its traffic waits until a flush covers it (the directed vectors
	 * *mainline_section_over_cached_zero_link show that case).
	 */
	bool queued = g->q_len || blocked_now(g) || g->pf.mainline;

	for (tries = 0; tries < 4 && queued && !gen_va_clean(g, va); tries++)
		va = pick_va(g);
	if (queued && !gen_va_clean(g, va))
		return false;
	/*
	 * One draw per statement here and below: C leaves the order of a
	 * call's arguments open, and the stream of a seed must not depend on
	 * the compiler (these keep the order gcc drew them in: ns first).
	 */
	ns = gen_chance(g, g->pf.ns_req);
	write = gen_chance(g, 40);
	gen_xlate(g, va, write, ns);
	remember(g, va);
	return true;
}

static bool blocked_now(const struct gen *g)
{
	int blocked;

	return !gen_known_blocked(g, &blocked) || blocked;
}

/* After a fault: requests pile up behind it, then the handler runs. */
static void after_fault(struct gen *g)
{
	unsigned n, k;

	if (g->fb != 1 || !gen_chance(g, g->pf.pileup))
		return;
	n = 1 + gen_below(g, 4);
	for (k = 0; k < n; k++)
		xlate_one(g);
	if (gen_chance(g, 50))
		gen_check(g);
	/* Software blocks before handling: the CTRL write clears fault_block,
	 * BLOCK keeps the queue waiting until the handler unblocks. */
	if (!g->pf.mainline && gen_chance(g, 20)) {
		gen_ctrl(g, g->ctrl | SYSMMU_COM_CTRL_BLOCK);
		gen_rd(g, SYSMMU_COM_MMU_STATUS, true, SYSMMU_COM_STATUS_BLOCKED);
	} else if (!g->pf.mainline && gen_chance(g, 10)) {
		uint32_t ctrl = g->ctrl;

		/*
		 * Software turns translation off on a fault (with BLOCK, INT_EN
		 * or neither): the write clears fault_block and what waits goes
		 * through untranslated, or waits for the unblock (spec §2.3).
		 * Then translation comes back on as it was.
		 */
		gen_ctrl(g, gen_below(g, 4) * 2);
		gen_ctrl(g, ctrl);
	}
}

/*
 * Every TLB entry in use, then a hole below valid ones: twice as many
 * spread-out translations as the TLB has entries (fills reach the top
 * index, then victims take every index and the FIFO pointer wraps), a few
 * of the oldest pages again (hits at high LRU ranks), one of them flushed
 * by entry, then new ones, the first of which fills the hole (spec §6.2,
 * §6.3: the lowest invalid entry first). Mutation testing found the high
 * entries of a 32-entry TLB, the FIFO wrap, high ranks and holes below
 * valid entries seldom reached by the locality of the other acts.
 */
static void act_xlate(struct gen *g, unsigned n);

static void act_sweep(struct gen *g)
{
	unsigned n = 2 * g->out->tlb_entries + 1 + gen_below(g, 8), loc = g->pf.locality, k;
	uint32_t old[8], hole;
	unsigned n_old = 0;

	g->pf.locality = 0;
	for (k = 0; k < n && !g->done; k++) {
		act_xlate(g, 1);
		if (k >= n / 2 && n_old < 8)
			old[n_old++] = g->recent[(g->recent_pos + 63) & 63];
	}
	/* the first pages of the second half are the oldest the TLB holds now */
	for (k = 0; k < n_old && !g->done; k++) {
		if (g->fb)
			gen_recover(g);
		if (gen_va_clean(g, old[k]))
			gen_xlate(g, old[k], false, false);
	}
	hole = n_old ? old[n_old / 2] : 0;
	if (!g->done && hole)
		gen_flush_entry(g, hole);
	for (k = 0; k < 4 && !g->done; k++)
		act_xlate(g, 1);
	g->pf.locality = loc;
}

static void act_xlate(struct gen *g, unsigned n)
{
	unsigned k;

	for (k = 0; k < n && !g->done; k++) {
		if (g->fb) {
			after_fault(g);
			gen_recover(g);
		}
		xlate_one(g);
	}
	after_fault(g);
}

/* ---- control ---- */

static uint32_t rand_cfg(struct gen *g)
{
	uint32_t v = 0;

	if (gen_chance(g, g->pf.lru))
		v |= SYSMMU_COM_CFG_LRU;
	if (gen_chance(g, g->pf.eap))
		v |= SYSMMU_COM_CFG_EAP;
	if (gen_chance(g, g->pf.flpd))
		v |= SYSMMU_COM_CFG_FLPD_EN;
	/* Profiles that test SEC_PROT turn the check on (spec §4.1). */
	if (gen_chance(g, g->pf.sec_chk))
		v |= SYSMMU_COM_CFG_SEC_CHK;
	/* QoS, shareable, SYSSEL, ACGEN, prefetch enables: stored, no effect */
	if (gen_chance(g, 30))
		v |= rand32(g) & (g->v5 ? SYSMMU_V5_CFG_MASK : SYSMMU_V3_CFG_MASK) &
		     ~(SYSMMU_COM_CFG_LRU | SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_FLPD_EN |
		       SYSMMU_COM_CFG_SEC_CHK);
	if (g->pf.wild_regs && gen_chance(g, 20))
		v |= rand32(g) & ~(g->v5 ? SYSMMU_V5_CFG_MASK : SYSMMU_V3_CFG_MASK);
	return v;
}

static void act_cfg(struct gen *g)
{
	gen_cfg(g, rand_cfg(g));
	if (gen_chance(g, 30))
		gen_rd(g, SYSMMU_COM_MMU_CFG, true, g->cfg);
}

/*
 * A range flush that starts right after, or ends right before, a page in
 * use, at a 4 KiB, 64 KiB or 1 MiB boundary: the edges of spec §6.4 (an
 * entry goes when any VA inside it is in the range). Mutation testing found
 * an off-by-one in the entry's end that no random range met.
 */
static void edge_range(struct gen *g, uint32_t *va, uint32_t *end)
{
	static const uint32_t size_mask[3] = { 0xFFFu, 0xFFFFu, 0xFFFFFu };
	unsigned n = g->n_recent < 8 ? g->n_recent : 8;
	uint32_t page = g->recent[(g->recent_pos + 63 - gen_below(g, n)) & 63];
	uint32_t mask = size_mask[gen_below(g, 3)];

	uint32_t len = rand32(g) & 0x3FFFFu;

	/* Move the other end too when the edge passed it: a START > END range
	 * flushes nothing (v5-10 of MUTANTS=1000 survived on that). */
	if (gen_chance(g, 50)) {
		*va = (page | mask) + 1;
		if (*end < *va)
			*end = *va + len;
	} else {
		*end = (page & ~mask) - 1;
		if (*va > *end)
			*va = *end > len ? *end - len : 0;
	}
}

static void act_flush(struct gen *g)
{
	struct gslot *s = pick_slot(g);
	uint32_t va = va_in_slot(g, s), end;
	unsigned r = gen_below(g, 10);

	/* After a PT base change without flush all nothing is predictable:
	 * the next flush software does is the flush all it owed. */
	if (r == 0 || g->global_stale) {
		gen_flush_all(g);
	} else if (g->v5 && r < 4) {
		end = va + (gen_chance(g, 20) ? rand32(g) >> 8 : rand32(g) & 0x3FFFFu);
		if (g->n_recent && gen_chance(g, 30))
			edge_range(g, &va, &end);
		if (end < va || gen_chance(g, 5))
			end = va - 0x1000;   /* START > END: flushes nothing */
		gen_flush_range(g, va, end);
	} else {
		gen_flush_entry(g, va);
	}
}

/* Block while traffic flows: requests queue up, then drain on unblock. */
static void act_block(struct gen *g)
{
	uint32_t ctrl = g->ctrl;
	unsigned n = gen_below(g, 5), k;

	gen_ctrl(g, ctrl | SYSMMU_COM_CTRL_BLOCK);
	if (gen_chance(g, 70))
		gen_rd(g, SYSMMU_COM_MMU_STATUS, true, SYSMMU_COM_STATUS_BLOCKED);
	/* MMU_CTRL reads back with BLOCK set, not only with it clear */
	if (gen_chance(g, 30))
		gen_rd(g, SYSMMU_COM_MMU_CTRL, true, g->ctrl);
	for (k = 0; k < n; k++)
		xlate_one(g);
	/* blocking again while requests wait (e.g. a nested block) */
	if (n && gen_chance(g, 20))
		gen_ctrl(g, ctrl | SYSMMU_COM_CTRL_BLOCK);
	if (gen_chance(g, 40))
		act_map(g);
	if (gen_chance(g, 30))
		act_unmap(g);
	if (gen_chance(g, 30))
		gen_check(g);
	gen_ctrl(g, ctrl & ~SYSMMU_COM_CTRL_BLOCK);
}

static void act_bypass(struct gen *g)
{
	gen_ctrl(g, g->ctrl ^ SYSMMU_COM_CTRL_EN);
}

static void write_int_mask(struct gen *g, uint32_t v)
{
	gen_wr(g, g->v5 ? SYSMMU_V5_INT_MASK : SYSMMU_V3_INT_MASK, v);
	g->int_mask = v & (g->v5 ? SYSMMU_V5_INT_MASK_ALL : SYSMMU_V3_INT_MASK_ALL);
}

/*
 * Software that runs without interrupts for a while: CTRL.INT_EN = 0, every
 * source masked, or both. Faults still record and block (spec §8.3);
 * gen_recover() then polls instead of taking the interrupt. The next call
 * turns interrupts back on, so about a third of the time is spent polling.
 */
static void act_irqmode(struct gen *g)
{
	uint32_t all = g->v5 ? SYSMMU_V5_INT_MASK_ALL : SYSMMU_V3_INT_MASK_ALL;
	bool off = !(g->ctrl & SYSMMU_COM_CTRL_INT_EN), masked = g->int_mask == all;
	unsigned r;

	if (off || masked) {
		if (off)
			gen_ctrl(g, g->ctrl | SYSMMU_COM_CTRL_INT_EN);
		if (masked)
			write_int_mask(g, 0);
		return;
	}
	if (gen_chance(g, 50))
		return;
	r = gen_below(g, 10);
	if (r < 7)
		gen_ctrl(g, g->ctrl & ~SYSMMU_COM_CTRL_INT_EN);
	if (r >= 5)
		write_int_mask(g, all);
	if (gen_chance(g, 30))
		gen_rd(g, SYSMMU_COM_MMU_CTRL, true, g->ctrl);
}

static const uint32_t v3_known_regs[] = {
	SYSMMU_COM_MMU_CTRL, SYSMMU_COM_MMU_CFG, SYSMMU_COM_MMU_STATUS,
	SYSMMU_COM_MMU_VERSION, SYSMMU_V3_PT_BASE_ADDR, SYSMMU_V3_INT_STATUS,
	SYSMMU_V3_INT_MASK, SYSMMU_V3_TLB_READ,
};

static const uint32_t v5_known_regs[] = {
	SYSMMU_COM_MMU_CTRL, SYSMMU_COM_MMU_CFG, SYSMMU_COM_MMU_STATUS,
	SYSMMU_COM_MMU_VERSION, SYSMMU_V5_PT_BASE_PFN, SYSMMU_V5_INT_STATUS,
	SYSMMU_V5_INT_MASK, SYSMMU_V5_TLB_READ, SYSMMU_V5_CAPA, SYSMMU_V5_FLUSH_START,
	SYSMMU_V5_FLUSH_END,
};

/* Value software knows a register holds; false when it cannot know. */
static bool known_value(const struct gen *g, uint32_t off, uint32_t *val)
{
	int blocked;

	switch (off) {
	case SYSMMU_COM_MMU_CTRL: *val = g->ctrl; return true;
	case SYSMMU_COM_MMU_CFG: *val = g->cfg; return true;
	case SYSMMU_COM_MMU_STATUS:
		if (!gen_known_blocked(g, &blocked))
			return false;
		*val = (uint32_t)blocked;
		return true;
	case SYSMMU_COM_MMU_VERSION:
		*val = g->v5 ? SYSMMU_V5_VERSION_BASE :
			SYSMMU_V3_VERSION_BASE | g->out->tlb_entries;
		return true;
	}
	if (off == (g->v5 ? SYSMMU_V5_PT_BASE_PFN : SYSMMU_V3_PT_BASE_ADDR)) {
		*val = g->pt_reg;
		return true;
	}
	if (off == (g->v5 ? SYSMMU_V5_INT_STATUS : SYSMMU_V3_INT_STATUS)) {
		*val = g->int_status;
		return g->st_known;
	}
	if (off == (g->v5 ? SYSMMU_V5_INT_MASK : SYSMMU_V3_INT_MASK)) {
		*val = g->int_mask;
		return true;
	}
	if (off == (g->v5 ? SYSMMU_V5_TLB_READ : SYSMMU_V3_TLB_READ)) {
		*val = g->tlb_read;
		return true;
	}
	if (!g->v5)
		return false;
	switch (off) {
	case SYSMMU_V5_CAPA:
		*val = g->out->tlb_entries | g->out->flpd_entries << 8;
		return true;
	case SYSMMU_V5_FLUSH_START: *val = g->flush_start; return true;
	case SYSMMU_V5_FLUSH_END: *val = g->flush_end; return true;
	}
	return false;
}

/* Registers whose value depends on TLB history or fault details. */
static uint32_t history_reg(struct gen *g)
{
	static const uint32_t v3[] = {
		SYSMMU_V3_PAGE_FAULT_ADDR, SYSMMU_V3_AW_FAULT_ADDR, SYSMMU_V3_AR_FAULT_ADDR,
		SYSMMU_V3_DEFAULT_SLAVE_ADDR, SYSMMU_V3_FAULT_TRANS_INFO, SYSMMU_V3_TLB_PPN,
		SYSMMU_V3_TLB_VPN, SYSMMU_V3_TLB_ATTR,
	};
	static const uint32_t v5[] = {
		SYSMMU_V5_FAULT_AR_VA, SYSMMU_V5_AR_TRANS_INFO, SYSMMU_V5_FAULT_AW_VA,
		SYSMMU_V5_AW_TRANS_INFO, SYSMMU_V5_TLB_VPN, SYSMMU_V5_TLB_PPN,
		SYSMMU_V5_TLB_ATTR,
	};
	unsigned r = gen_below(g, 3);

	if (r == 0)
		return (g->v5 ? SYSMMU_V5_PM_CNT0 : SYSMMU_V3_PM_CNT0) +
			gen_below(g, SYSMMU_COM_PM_COUNT) *
			(g->v5 ? SYSMMU_V5_PM_STRIDE : SYSMMU_V3_PM_STRIDE);
	if (g->v5)
		return v5[gen_below(g, sizeof(v5) / sizeof(v5[0]))];
	return v3[gen_below(g, sizeof(v3) / sizeof(v3[0]))];
}

static const uint32_t v3_ro_regs[] = {
	SYSMMU_COM_MMU_STATUS, SYSMMU_COM_MMU_VERSION, SYSMMU_V3_INT_STATUS,
	SYSMMU_V3_PAGE_FAULT_ADDR, SYSMMU_V3_AW_FAULT_ADDR, SYSMMU_V3_AR_FAULT_ADDR,
	SYSMMU_V3_DEFAULT_SLAVE_ADDR, SYSMMU_V3_FAULT_TRANS_INFO, SYSMMU_V3_TLB_PPN,
	SYSMMU_V3_TLB_VPN, SYSMMU_V3_TLB_ATTR,
};

static const uint32_t v5_ro_regs[] = {
	SYSMMU_COM_MMU_STATUS, SYSMMU_COM_MMU_VERSION, SYSMMU_V5_INT_STATUS, SYSMMU_V5_CAPA,
	SYSMMU_V5_FAULT_AR_VA, SYSMMU_V5_AR_TRANS_INFO, SYSMMU_V5_FAULT_AW_VA,
	SYSMMU_V5_AW_TRANS_INFO, SYSMMU_V5_TLB_VPN, SYSMMU_V5_TLB_PPN, SYSMMU_V5_TLB_ATTR,
};

static const uint32_t v3_flush_regs[] = { SYSMMU_V3_MMU_FLUSH, SYSMMU_V3_MMU_FLUSH_ENTRY };
static const uint32_t v5_flush_regs[] = {
	SYSMMU_V5_FLUSH_ALL, SYSMMU_V5_FLUSH_ENTRY, SYSMMU_V5_FLUSH_RANGE,
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t pick_u32(struct gen *g, const uint32_t *a, size_t n)
{
	return a[gen_below(g, (uint32_t)n)];
}

static uint32_t ro_reg(struct gen *g)
{
	return g->v5 ? pick_u32(g, v5_ro_regs, ARRAY_SIZE(v5_ro_regs)) : pick_u32(g, v3_ro_regs, ARRAY_SIZE(v3_ro_regs));
}

/* Write-only registers: the flush commands and INT_CLEAR. */
static uint32_t wo_reg(struct gen *g)
{
	if (gen_chance(g, 25))
		return g->v5 ? SYSMMU_V5_INT_CLEAR : SYSMMU_V3_INT_CLEAR;
	return g->v5 ? pick_u32(g, v5_flush_regs, ARRAY_SIZE(v5_flush_regs)) : pick_u32(g, v3_flush_regs, ARRAY_SIZE(v3_flush_regs));
}

/*
 * A mapped offset with one address bit (2..11) flipped: an unmapped
 * neighbour (PSLVERR) or another register. A decoder that ignores a bit
 * answers the neighbour as if it were the register.
 */
static uint32_t alias_off(struct gen *g)
{
	uint32_t off;

	if (gen_chance(g, 25))
		off = wo_reg(g);
	else if (gen_chance(g, 50))
		off = ro_reg(g);
	else
		off = g->v5 ? pick_u32(g, v5_known_regs, ARRAY_SIZE(v5_known_regs)) :
			pick_u32(g, v3_known_regs, ARRAY_SIZE(v3_known_regs));
	return off ^ (1u << (2 + gen_below(g, 10)));
}

static void act_rd(struct gen *g)
{
	const uint32_t *regs = g->v5 ? v5_known_regs : v3_known_regs;
	unsigned n = g->v5 ? sizeof(v5_known_regs) / sizeof(v5_known_regs[0]) :
		sizeof(v3_known_regs) / sizeof(v3_known_regs[0]);
	uint32_t off, val = 0;
	bool known;

	if (gen_chance(g, 40)) {
		gen_rd(g, history_reg(g), false, 0);
		return;
	}
	if (g->pf.wild_regs && gen_chance(g, 15)) {
		/* not in the map or unaligned (PSLVERR), or write-only: reads 0 */
		if (gen_chance(g, 50))
			gen_rd(g, wo_reg(g), true, 0);
		else
			gen_rd(g, gen_chance(g, 50) ? 0xFFC : 0x001 + gen_below(g, 3), true, 0);
		return;
	}
	if (g->pf.wild_regs && gen_chance(g, 10)) {
		gen_rd(g, alias_off(g), false, 0);
		return;
	}
	off = regs[gen_below(g, n)];
	known = known_value(g, off, &val);
	gen_rd(g, off, known, val);
}

/* TLB / FLPD read-back: select an entry, read the three data registers. */
static void readback(struct gen *g)
{
	bool flpd = gen_chance(g, 30);
	unsigned n = flpd ? g->out->flpd_entries : g->out->tlb_entries;
	uint32_t sel = (gen_chance(g, 90) ? SYSMMU_COM_TLB_READ_EN : 0) |
		(flpd ? SYSMMU_COM_TLB_READ_FLPD : 0) |
		(gen_below(g, n + 2) << SYSMMU_COM_TLB_READ_IDX_SHIFT);

	if (g->pf.wild_regs && gen_chance(g, 20))
		sel |= rand32(g) & ~SYSMMU_COM_TLB_READ_MASK;
	gen_wr(g, g->v5 ? SYSMMU_V5_TLB_READ : SYSMMU_V3_TLB_READ, sel);
	g->tlb_read = sel & SYSMMU_COM_TLB_READ_MASK;
	gen_rd(g, g->v5 ? SYSMMU_V5_TLB_VPN : SYSMMU_V3_TLB_VPN, false, 0);
	gen_rd(g, g->v5 ? SYSMMU_V5_TLB_PPN : SYSMMU_V3_TLB_PPN, false, 0);
	gen_rd(g, g->v5 ? SYSMMU_V5_TLB_ATTR : SYSMMU_V3_TLB_ATTR, false, 0);
}

/* Registers where a write that took effect would show (partial strobes). */
static uint32_t strb_reg(struct gen *g)
{
	switch (gen_below(g, 4)) {
	case 0: return SYSMMU_COM_MMU_CTRL;
	case 1: return SYSMMU_COM_MMU_CFG;
	case 2: return g->v5 ? SYSMMU_V5_INT_MASK : SYSMMU_V3_INT_MASK;
	default: return g->v5 ? SYSMMU_V5_FLUSH_ALL : SYSMMU_V3_MMU_FLUSH;
	}
}

static void wild_write(struct gen *g)
{
	unsigned r = gen_below(g, 4), strb;
	uint32_t data;

	if (r == 3) {  /* PSTRB != 0xF: PSLVERR, no effect (spec §9) */
		strb = gen_below(g, 15);
		data = rand32(g) | SYSMMU_COM_FLUSH_GO;
		gen_wr_strb(g, strb_reg(g), data, strb);
		return;
	}

	data = rand32(g);  /* before the register: the order of xlate_one's note */
	if (r == 0)    /* RO register: ignored without error */
		gen_wr(g, ro_reg(g), data);
	else if (r == 1)   /* PSLVERR: no effect */
		gen_wr(g, gen_chance(g, 50) ? 0xFFC : 0x002, data);
	else           /* a flush command with bit 0 = 0: does nothing */
		gen_wr(g, g->v5 ? pick_u32(g, v5_flush_regs, ARRAY_SIZE(v5_flush_regs)) : pick_u32(g, v3_flush_regs, ARRAY_SIZE(v3_flush_regs)),
		       data & ~SYSMMU_COM_FLUSH_GO);
}

static void act_wr(struct gen *g)
{
	unsigned r = gen_below(g, 4);
	uint32_t mask_all = g->v5 ? SYSMMU_V5_INT_MASK_ALL : SYSMMU_V3_INT_MASK_ALL;
	uint32_t v;

	if (g->pf.wild_regs && gen_chance(g, 30)) {
		wild_write(g);
	} else if (r == 0) {
		v = gen_chance(g, 50) ? 0xFFFFFFF0u + gen_below(g, 16) : rand32(g);
		gen_wr(g, (g->v5 ? SYSMMU_V5_PM_CNT0 : SYSMMU_V3_PM_CNT0) +
		       gen_below(g, SYSMMU_COM_PM_COUNT) *
		       (g->v5 ? SYSMMU_V5_PM_STRIDE : SYSMMU_V3_PM_STRIDE), v);
	} else if (r == 1) {
		v = gen_chance(g, 60) ? 0 : rand32(g) & (g->pf.wild_regs ? ~0u : mask_all);
		gen_wr(g, g->v5 ? SYSMMU_V5_INT_MASK : SYSMMU_V3_INT_MASK, v);
		g->int_mask = v & mask_all;
	} else {
		readback(g);
	}
}

/* Spurious interrupt, state check, or re-learning INT_STATUS. */
static void act_check(struct gen *g)
{
	unsigned r = gen_below(g, 4);

	/* The mainline handler runs only on an interrupt and never clears
	 * INT_STATUS wholesale: only the bench's check op. */
	if (g->pf.mainline) {
		gen_check(g);
		return;
	}
	if (r == 0 && g->ctrl == (SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN))
		gen_isr(g);
	else
		gen_check(g);
	if (!g->st_known && !g->fb && !g->q_len && gen_chance(g, 50)) {
		gen_int_clear(g, ~0u);
		g->st_known = true;
		g->int_status = 0;
	}
}

/* ---- domains (page-table base) ---- */

static void reset_slots(struct gen *g)
{
	unsigned i;

	for (i = 0; i < g->n_slots; i++) {
		struct gslot *s = &g->slots[i];

		s->kind = SLOT_EMPTY;
		s->l1_link = g->zero_habit;
		s->n_mapped = 0;
		memset(s->pg, 0, sizeof(s->pg));
		if (g->zero_habit)
			write_l1(g, s, sysmmu_mk_link(g->var, g->zero_l2, false));
	}
}

static void initial_mappings(struct gen *g)
{
	unsigned i, per_table = g->out->tlb_entries / 4 + 2;

	for (i = 0; i < g->n_slots; i++) {
		struct gslot *s = &g->slots[i];

		if (gen_chance(g, 25))
			continue;
		if (g->pf.mainline)  /* before attach: no register writes */
			drv_map(g, s, false);
		else if (gen_chance(g, 30))
			map_section(g, s, true);
		else
			map_pages(g, s, 1 + gen_below(g, per_table), true);
	}
}

/*
 * A new level-1 table (driver attach): the old cached state belongs to the
 * old table, so software owes a flush all. init: before the MMU is enabled.
 */
void gen_new_domain(struct gen *g, bool init)
{
	uint32_t ctrl = g->ctrl;
	bool proper = init || !gen_misbehave(g);
	unsigned i;

	g->l1 = alloc_pt(g, 0x4000);
	g->zero_habit = g->pf.mainline || gen_chance(g, 70);
	for (i = 0; i < g->n_slots; i++)
		if (g->slots[i].kind != SLOT_EMPTY)
			gen_taint_l1(&g->slots[i]);
	reset_slots(g);
	initial_mappings(g);
	if (init)
		return;
	if (g->pf.mainline) {  /* detach from the old domain, attach the new */
		drv_disable(g);
		drv_enable(g);
		return;
	}
	if (proper)
		gen_ctrl(g, ctrl | SYSMMU_COM_CTRL_BLOCK);
	gen_ptbase(g, g->l1);
	if (proper) {
		gen_flush_all(g);
		gen_ctrl(g, ctrl);
	} else {
		g->global_stale = true;
	}
}

/* ---- main loop ---- */

enum act {
	A_XLATE, A_MAP, A_UNMAP, A_FLUSH, A_CFG, A_BLOCK, A_RD, A_WR, A_IDLE,
	A_PTBASE, A_CHECK, A_POISON, A_REMAP, A_BURST, A_BYPASS, A_IRQMODE, A_SWEEP, A_COUNT,
};

static enum act pick_act(struct gen *g)
{
	const struct gen_profile *p = &g->pf;
	const unsigned w[A_COUNT] = {
		p->w_xlate, p->w_map, p->w_unmap, p->w_flush, p->w_cfg, p->w_block,
		p->w_rd, p->w_wr, p->w_idle, p->w_ptbase, p->w_check, p->w_poison,
		p->w_remap, p->w_burst, p->w_bypass, p->w_irqmode, p->w_sweep,
	};
	unsigned total = 0, r, i;

	for (i = 0; i < A_COUNT; i++)
		total += w[i];
	r = gen_below(g, total);
	for (i = 0; i < A_COUNT; i++) {
		if (r < w[i])
			return (enum act)i;
		r -= w[i];
	}
	return A_XLATE;
}

static void do_act(struct gen *g, enum act a)
{
	switch (a) {
	case A_XLATE: act_xlate(g, 1); break;
	case A_MAP: act_map(g); break;
	case A_UNMAP: act_unmap(g); break;
	case A_FLUSH: act_flush(g); break;
	case A_CFG: act_cfg(g); break;
	case A_BLOCK: act_block(g); break;
	case A_RD: act_rd(g); break;
	case A_WR: act_wr(g); break;
	case A_IDLE: gen_idle(g, 1 + gen_below(g, 32)); break;
	case A_PTBASE: gen_new_domain(g, false); break;
	case A_CHECK: act_check(g); break;
	case A_POISON: act_poison(g); break;
	case A_REMAP: act_remap(g); break;
	case A_BURST: act_xlate(g, 4 + gen_below(g, 16)); break;
	case A_BYPASS: act_bypass(g); break;
	case A_IRQMODE: act_irqmode(g); break;
	case A_SWEEP: act_sweep(g); break;
	default: break;
	}
}

static void enable_sequence(struct gen *g)
{
	uint32_t run = SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN;

	if (g->pf.bypass)
		run = gen_chance(g, 50) ? SYSMMU_COM_CTRL_INT_EN : 0;
	gen_rd(g, SYSMMU_COM_MMU_VERSION, true, g->v5 ? SYSMMU_V5_VERSION_BASE :
	       SYSMMU_V3_VERSION_BASE | g->out->tlb_entries);
	if (g->pf.mainline) {
		drv_enable(g);
		/* CFG read back (the driver's debug output): per-variant bits */
		gen_rd(g, SYSMMU_COM_MMU_CFG, true, g->cfg);
		return;
	}
	gen_ctrl(g, run | SYSMMU_COM_CTRL_BLOCK);
	gen_rd(g, SYSMMU_COM_MMU_STATUS, true, SYSMMU_COM_STATUS_BLOCKED);
	gen_cfg(g, rand_cfg(g));
	gen_ptbase(g, g->l1);
	gen_flush_all(g);
	gen_ctrl(g, run);
}

static void new_working_set(struct gen *g)
{
	unsigned t = g->out->tlb_entries;
	const unsigned choice[5] = { 2, t / 2, t, t + 4, 2 * t };

	g->ws = choice[gen_below(g, 5)];
	if (g->ws > 64)
		g->ws = 64;
}

void gen_run(struct gen *g)
{
	unsigned since_ws = 0;

	gen_new_domain(g, true);
	enable_sequence(g);
	new_working_set(g);
	while (!g->done) {
		if (g->fb || g->q_len)
			gen_recover(g);
		if (++since_ws == 400) {
			since_ws = 0;
			new_working_set(g);
		}
		do_act(g, pick_act(g));
	}
}

/* ---- entry point ---- */

static void apply_knobs(struct gen_profile *p, const struct gen_knobs *k)
{
	unsigned others;

	if (!k)
		return;
	if (k->locality >= 0)
		p->locality = (unsigned)k->locality;
	if (k->misbehave >= 0)
		p->misbehave = (unsigned)k->misbehave;
	if (k->unmapped >= 0)
		p->unmapped = (unsigned)k->unmapped;
	if (k->pool > 0)
		p->pool = (unsigned)k->pool;
	if (k->xlate_pct < 0)
		return;
	others = p->w_map + p->w_unmap + p->w_flush + p->w_cfg + p->w_block + p->w_rd +
		 p->w_wr + p->w_idle + p->w_ptbase + p->w_check + p->w_poison +
		 p->w_remap + p->w_burst + p->w_bypass + p->w_irqmode + p->w_sweep;
	if (k->xlate_pct >= 100) {
		memset(p, 0, offsetof(struct gen_profile, locality));
		p->name = "custom";
		p->w_xlate = 1;
		return;
	}
	p->w_xlate = others * (unsigned)k->xlate_pct / (100u - (unsigned)k->xlate_pct);
	if (!p->w_xlate && !others)
		p->w_xlate = 1;
}

/* The VA pool: clusters of 1..4 consecutive 1 MiB slots spread over 4 GiB. */
static void make_pool(struct gen *g)
{
	unsigned n = 0, len, k, idx;

	memset(g->slot_of, 0xFF, sizeof(g->slot_of));
	while (n < g->n_slots) {
		idx = gen_below(g, 4096);
		len = 1 + gen_below(g, 4);
		for (k = 0; k < len && n < g->n_slots; k++, idx = (idx + 1) & 4095) {
			if (g->slot_of[idx] >= 0)
				break;
			g->slots[n].idx = idx;
			g->slot_of[idx] = (int16_t)n;
			n++;
		}
	}
}

static int check_opts(const struct gen_opts *o, const struct gen_knobs *k,
		      char *err, size_t errlen)
{
	struct gen_profile pf;

	if (!o->profile || gen_profile_get(o->profile, &pf)) {
		snprintf(err, errlen, "sysmmu-gen: unknown profile '%s' (driver, tlb, faults, "
			 "stress, bypass)", o->profile ? o->profile : "(null)");
		return -1;
	}
	if (o->variant && o->variant != SYSMMU_V3 && o->variant != SYSMMU_V5) {
		snprintf(err, errlen, "sysmmu-gen: variant must be 3 or 5");
		return -1;
	}
	if (o->tlb_entries && (o->tlb_entries < 4 || o->tlb_entries > SYSMMU_TLB_MAX)) {
		snprintf(err, errlen, "sysmmu-gen: tlb entries must be 4..64");
		return -1;
	}
	if (o->flpd_entries > SYSMMU_FLPD_MAX) {
		snprintf(err, errlen, "sysmmu-gen: flpd entries must be 1..16");
		return -1;
	}
	if (k && (k->locality > 100 || k->misbehave > 100 || k->unmapped > 100 ||
		  k->xlate_pct > 100 || k->pool > 1024)) {
		snprintf(err, errlen, "sysmmu-gen: percentages must be 0..100, pool 1..1024");
		return -1;
	}
	return 0;
}

static void setup(struct gen *g, const struct gen_opts *o, struct vec *out)
{
	g->out = out;
	g->budget = o->ops;
	g->var = out->variant;
	g->v5 = g->var == SYSMMU_V5;
	g->pa_mask = (1ull << sysmmu_pa_width(g->var)) - 1;
	g->idw = out->id_width;
	g->st_known = true;
	gen_seed(g, o->seed);
	/*
	 * Page tables start at a random place above the error regions, with
	 * every address bit above the 1 MiB a level-1 table spans free to be
	 * 0 or 1 (the PT base and walk address bits all toggle); room is left
	 * below the top of the PA space for the tables of a long run.
	 */
	if (g->v5) {
		uint64_t hi = gen_below(g, 2), mid = gen_below(g, 15), lo = gen_below(g, 512);

		g->pt_next = 0x800000000ull | (hi << 34) | (mid << 30) | (lo << 21);
		g->err_next = 0x700000000ull;
	} else {
		uint32_t hi = gen_below(g, 2), lo = gen_below(g, 1008);

		g->pt_next = 0x40000000u | (hi << 31) | (lo << 20);
		g->err_next = 0x30000000u;
	}
	g->zero_l2 = alloc_pt(g, 0x400);
}

int sysmmu_gen_knobs(const struct gen_opts *o, const struct gen_knobs *k,
		     struct vec *out, char *err, size_t errlen)
{
	struct gen *g;

	vec_init(out);
	if (check_opts(o, k, err, errlen))
		return -1;
	out->variant = o->variant ? o->variant : SYSMMU_V5;
	out->tlb_entries = o->tlb_entries ? o->tlb_entries : 32;
	out->flpd_entries = o->flpd_entries ? o->flpd_entries : 8;
	snprintf(out->name, sizeof(out->name), "gen:seed=%llu,profile=%s,ops=%zu",
		 (unsigned long long)o->seed, o->profile, o->ops);
	g = calloc(1, sizeof(*g));
	if (g)
		gen_profile_get(o->profile, &g->pf);
	if (g)
		apply_knobs(&g->pf, k);
	if (g) {
		g->n_slots = g->pf.pool;
		g->slots = calloc(g->n_slots, sizeof(*g->slots));
	}
	if (!g || !g->slots) {
		free(g);
		snprintf(err, errlen, "sysmmu-gen: out of memory");
		return -1;
	}
	setup(g, o, out);
	make_pool(g);
	gen_run(g);
	free(g->slots);
	free(g);
	return 0;
}

int sysmmu_gen(const struct gen_opts *o, struct vec *out, char *err, size_t errlen)
{
	return sysmmu_gen_knobs(o, NULL, out, err, errlen);
}
