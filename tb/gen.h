/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Generator internals shared by tb/gen.c (state, bookkeeping, emitters) and
 * tb/gen_act.c (the driver-like actions and the profiles).
 */
#ifndef SYSMMU_TB_GEN_H
#define SYSMMU_TB_GEN_H

#include <stdbool.h>
#include <stdint.h>

#include "sysmmu/vec.h"

/* What software believes about fault_block. */
#define FB_UNKNOWN 2

enum slot_kind {
	SLOT_EMPTY,       /* level-1 fault or zero-lv2 link */
	SLOT_SECTION,
	SLOT_TABLE,
	SLOT_POISON_L1,   /* the level-1 entry itself sits in a memerr region */
	SLOT_POISON_L2,   /* link to a level-2 table inside a memerr region */
};

enum page_kind {
	PG_NONE,
	PG_SMALL,
	PG_LARGE,
};

/* Allocation map of one 4 KiB page (the generator's own bookkeeping). */
struct gpage {
	uint8_t kind;
	uint8_t perm;
	uint64_t pa;      /* PA base of the mapping (4 KiB or 64 KiB aligned) */
};

/*
 * One 1 MiB slot of the VA pool. The stale fields say which TLB/FLPD entries
 * may still hold an outdated translation because software changed the
 * mapping without the flush the rules require.
 */
struct gslot {
	uint32_t idx;         /* VA[31:20] */
	uint8_t kind;
	bool l1_link;         /* level-1 entry is a link (FLPD may cache it) */
	bool ns;              /* section NS, or link NS for the pages below */
	uint8_t perm;         /* section */
	uint64_t pa;          /* section PA base */
	uint64_t l2;          /* level-2 table base (TABLE, POISON_L2) */
	unsigned n_mapped;    /* mapped 4 KiB slots in the table */
	bool sect_stale, flpd_stale;
	bool flpd_cached;     /* a walk may have put the level-1 link in the FLPD */
	uint16_t lp_stale;    /* one bit per 64 KiB block */
	uint64_t sp_stale[4]; /* one bit per 4 KiB page */
	struct gpage pg[256];
};

/* Tunable rates of a profile, in percent unless said otherwise. */
struct gen_profile {
	const char *name;
	unsigned w_xlate, w_map, w_unmap, w_flush, w_cfg, w_block, w_rd, w_wr;
	unsigned w_idle, w_ptbase, w_check, w_poison, w_remap, w_burst, w_bypass;
	unsigned w_irqmode;   /* switch interrupts off / mask them (polling) */
	unsigned w_sweep;     /* fill every TLB entry, then a hole, then fill it */
	unsigned locality;    /* xlates that reuse a recently used page */
	unsigned unmapped;    /* xlates to unmapped or never-mapped VAs */
	unsigned misbehave;   /* skip a required flush / other rule breaks */
	unsigned ns_req;      /* requests with ns = 1 */
	unsigned ns_page;     /* mappings with NS = 1 */
	unsigned odd_perm;    /* mappings with permissions other than RW */
	unsigned pool;        /* 1 MiB slots in the VA pool */
	unsigned pileup;      /* after a fault, keep issuing before the ISR */
	unsigned lru;         /* chance of MMU_CFG.LRU in a CFG write */
	unsigned eap;         /* chance of MMU_CFG.EAP */
	unsigned flpd;        /* chance of MMU_CFG.FLPD_EN */
	unsigned sec_chk;     /* chance of MMU_CFG.SEC_CHK (security check on) */
	bool bypass;          /* run mostly with CTRL.EN = 0 */
	bool wild_regs;       /* PSLVERR offsets, RO writes, flush bit0 = 0 */
	bool mainline;        /* program the MMU exactly as mainline exynos-iommu */
};

struct gen {
	uint64_t rng[4];
	struct gen_profile pf;
	struct vec *out;
	size_t budget, emitted;
	bool done;
	enum sysmmu_variant var;
	bool v5;
	uint64_t pa_mask;
	unsigned idw;

	/* hardware state as software knows it */
	uint32_t ctrl, cfg, int_mask, pt_reg, flush_start, flush_end, tlb_read;
	int fb;                       /* 0, 1 or FB_UNKNOWN */
	uint32_t int_status;
	bool st_known;
	uint32_t latch_va[4];
	bool latch_known[4];

	/* page tables */
	uint64_t l1;                  /* level-1 table base */
	uint64_t zero_l2;             /* shared all-zero level-2 table */
	bool zero_habit;              /* empty slots hold a zero-lv2 link */
	uint64_t pt_next, err_next;   /* bump allocators */
	bool global_stale;            /* PT base changed without flush all */
	struct gslot *slots;
	unsigned n_slots;
	int16_t slot_of[4096];

	/* requests issued but not yet accepted (op indices) */
	size_t queue[64];
	unsigned q_len;

	/* recently used VAs (locality) */
	uint32_t recent[64];
	unsigned n_recent, recent_pos, ws;
};

/* gen.c */
uint64_t gen_rand(struct gen *g);
uint32_t gen_below(struct gen *g, uint32_t n);
bool gen_chance(struct gen *g, unsigned pct);
bool gen_misbehave(struct gen *g);

void gen_mem(struct gen *g, uint64_t pa, uint32_t data);
void gen_memerr(struct gen *g, uint64_t lo, uint64_t hi);
void gen_wr(struct gen *g, uint32_t off, uint32_t val);
/* A write with PSTRB = strb != 0xF: errors, changes nothing. */
void gen_wr_strb(struct gen *g, uint32_t off, uint32_t val, unsigned strb);
void gen_rd(struct gen *g, uint32_t off, bool expect, uint32_t val);
void gen_idle(struct gen *g, unsigned cycles);
void gen_check(struct gen *g);

void gen_ctrl(struct gen *g, uint32_t val);
void gen_cfg(struct gen *g, uint32_t val);
void gen_ptbase(struct gen *g, uint64_t l1);
void gen_flush_all(struct gen *g);
void gen_flush_entry(struct gen *g, uint32_t va);
void gen_flush_range(struct gen *g, uint32_t start, uint32_t end);
void gen_int_clear(struct gen *g, uint32_t bits);
void gen_isr(struct gen *g);
void gen_recover(struct gen *g);

bool gen_va_clean(const struct gen *g, uint32_t va);
void gen_xlate(struct gen *g, uint32_t va, bool write, bool ns);

void gen_taint_l1(struct gslot *s);
void gen_taint_l2(struct gslot *s, unsigned j);
bool gen_known_blocked(const struct gen *g, int *blocked);
void gen_seed(struct gen *g, uint64_t seed);

/* gen_act.c */
int gen_profile_get(const char *name, struct gen_profile *pf);
void gen_new_domain(struct gen *g, bool init);
void gen_run(struct gen *g);

#endif /* SYSMMU_TB_GEN_H */
