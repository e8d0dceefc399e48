// SPDX-License-Identifier: Apache-2.0
/*
 * Functional coverage collector (docs/coverage.md).
 *
 * The scoreboard forwards what the reference model did: observer events,
 * finished translations and register accesses. Each is sorted into bins of
 * a few covergroups. The collector never changes the model or the memory;
 * it reads them (sysmmu_tlb_get, sysmmu_flpd_get, vmem_read32) only to
 * classify an event, e.g. whether an FLPD hit used a stale level-1 entry.
 *
 * Bins are created once, in a fixed order, so the JSON output is
 * deterministic and every defined bin is listed, also with count 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/fcov.h"
#include "sysmmu/pte.h"
#include "sysmmu/regs.h"

#define FCOV_NAME_LEN 40
#define FCOV_MAX_BINS 96

enum fcov_group_id {
	CG_XLATE,
	CG_FAULT,
	CG_FLUSH,
	CG_FLPD,
	CG_REPL,
	CG_MULTIHIT,
	CG_BLOCK,
	CG_BUSERR,
	CG_IRQ,
	CG_CFG,
	CG_NS,
	CG_REG,
	CG_FAULT_LATCH,
	CG_FLUSH_POS,
	CG_REPL_VICTIM,
	CG_FLPD_STATE,
	CG_ENCODING,
	CG_CTRL_STATE,
	CG_COUNT,
};

static const char *const group_names[CG_COUNT] = {
	[CG_XLATE] = "xlate_cg",
	[CG_FAULT] = "fault_cg",
	[CG_FLUSH] = "flush_cg",
	[CG_FLPD] = "flpd_cg",
	[CG_REPL] = "replacement_cg",
	[CG_MULTIHIT] = "multihit_cg",
	[CG_BLOCK] = "block_cg",
	[CG_BUSERR] = "bus_error_cg",
	[CG_IRQ] = "irq_cg",
	[CG_CFG] = "cfg_cg",
	[CG_NS] = "ns_cg",
	[CG_REG] = "reg_cg",
	[CG_FAULT_LATCH] = "fault_latch_cg",
	[CG_FLUSH_POS] = "flush_pos_cg",
	[CG_REPL_VICTIM] = "repl_victim_cg",
	[CG_FLPD_STATE] = "flpd_state_cg",
	[CG_ENCODING] = "encoding_cg",
	[CG_CTRL_STATE] = "ctrl_state_cg",
};

struct fcov_bin {
	char name[FCOV_NAME_LEN];
	uint64_t hits;
};

struct fcov_group {
	unsigned n;
	struct fcov_bin bin[FCOV_MAX_BINS];
};

/* What the collector remembers of a TLB entry, to see what a flush removed. */
struct shadow_tlb {
	bool valid;
	enum sysmmu_size size;
	uint32_t va_base;
};

struct reg_desc {
	const char *name;
	uint32_t off;
};

/* Registers per variant: v5 has 29, v3 24; room to grow. */
#define FCOV_MAX_REGS 48

struct fcov {
	const struct sysmmu *model;
	const struct vmem *mem;
	enum sysmmu_variant variant;
	unsigned tlb_n;
	unsigned flpd_n;
	struct fcov_group g[CG_COUNT];

	/* Register state as software wrote it (writes the model accepted). */
	uint32_t ctrl;
	uint32_t cfg;
	uint64_t l1_base;
	uint32_t int_mask;
	uint32_t flush_start, flush_end;
	int last_flpd_flush;  /* flush kind that last reached the FLPD, -1 none */
	/* Per FLPD entry: the flush kind it last survived since its fill, -1 none. */
	int flpd_survived[SYSMMU_FLPD_MAX];

	/* fault_latch_cg: INT_STATUS bit and first bin per (kind, write). */
	uint32_t fault_bit[SYSMMU_FAULT_SEC_PROT + 1][2];
	unsigned latch_bin[SYSMMU_FAULT_SEC_PROT + 1][2];

	/* The TLB/FLPD as of the last flush or finished translation. */
	struct shadow_tlb tlb[SYSMMU_TLB_MAX];
	bool flpd_valid[SYSMMU_FLPD_MAX];

	/* Events of the translation in progress (cleared by fcov_xlate). */
	bool cur_flpd_fill;
	int cur_flpd_fill_idx;

	struct reg_desc regs[FCOV_MAX_REGS];  /* the variant's registers (vec_reg_at) */
	unsigned n_regs;
	unsigned reg_bin0;   /* first reg_cg bin; reg i has rd at 2i, wr at 2i+1 */
};

/* ---- bin construction ---- */

static const char *const size_names[3] = { "4K", "64K", "1M" };
static const char *const access_names[2] = { "R", "W" };
static const char *const dir_names[2] = { "AR", "AW" };

/* xlate_cg: size x access x outcome x tlb, then bypass. */
static const char *const outcome_names[3] = { "ok", "acc_prot", "sec_prot" };
#define XLATE_CROSS (3 * 2 * 3 * 2)
#define XLATE_BYPASS_R XLATE_CROSS
#define XLATE_BYPASS_W (XLATE_CROSS + 1)

/* fault_cg: the legal (kind, where) pairs, each x AR/AW. */
enum fault_where { AT_LOOKUP, AT_L1, AT_L2 };
static const char *const where_names[3] = { "lookup", "l1_read", "l2_read" };

struct fault_pair {
	enum sysmmu_fault kind;
	enum fault_where where;
};

static const struct fault_pair fault_pairs[] = {
	{ SYSMMU_FAULT_PAGE, AT_L1 },
	{ SYSMMU_FAULT_PAGE, AT_L2 },
	{ SYSMMU_FAULT_BUS_ERROR, AT_L1 },
	{ SYSMMU_FAULT_BUS_ERROR, AT_L2 },
	{ SYSMMU_FAULT_MULTI_HIT, AT_LOOKUP },
	{ SYSMMU_FAULT_ACC_PROT, AT_LOOKUP },
	{ SYSMMU_FAULT_ACC_PROT, AT_L1 },
	{ SYSMMU_FAULT_ACC_PROT, AT_L2 },
	{ SYSMMU_FAULT_SEC_PROT, AT_LOOKUP },
	{ SYSMMU_FAULT_SEC_PROT, AT_L1 },
	{ SYSMMU_FAULT_SEC_PROT, AT_L2 },
};
#define N_FAULT_PAIRS (sizeof(fault_pairs) / sizeof(fault_pairs[0]))

/* flush_cg: per kind: nop, empty, then size x {hit, miss}. */
static const char *const flush_names[3] = { "all", "entry", "range" };
#define FLUSH_PER_KIND 8
#define FLUSH_NOP 0
#define FLUSH_EMPTY 1
#define FLUSH_SIZE_BIN(sz, miss) (2 + (sz) * 2 + (miss))

enum flpd_bin {
	FLPD_MISS,
	FLPD_HIT_FRESH,
	FLPD_HIT_STALE,
	FLPD_FILL_FREE,
	FLPD_FILL_EVICT,
	FLPD_FLUSH_REMOVED,
	FLPD_WALK_DISABLED,
	FLPD_NBINS,
};
static const char *const flpd_names[FLPD_NBINS] = {
	"miss", "hit", "hit_stale", "fill_free", "fill_evict",
	"flush_removed", "walk_flpd_disabled",
};

enum repl_bin {
	REPL_TLB_FREE,
	REPL_TLB_HOLE,
	REPL_TLB_LRU,
	REPL_TLB_FIFO,
	REPL_TLB_FIFO_WRAP,
	REPL_FLPD_FREE,
	REPL_FLPD_FULL,
	REPL_FLPD_WRAP,
	REPL_NBINS,
};
static const char *const repl_names[REPL_NBINS] = {
	"tlb_fill_free", "tlb_fill_hole", "tlb_full_lru", "tlb_full_fifo",
	"tlb_full_fifo_wrap", "flpd_fill_free", "flpd_full_rr", "flpd_full_rr_wrap",
};

/* multihit_cg: access x combination of page sizes that matched. */
static const char *const mh_combo_names[4] = {
	"4K+64K", "4K+1M", "64K+1M", "4K+64K+1M",
};

enum block_bin {
	BLK_BLOCK_PENDING,
	BLK_BLOCK_IDLE,
	BLK_UNBLOCK_PENDING,
	BLK_UNBLOCK_IDLE,
	BLK_UNBLOCK_FAULT,
	BLK_UNBLOCK_FAULT_PENDING,
	BLK_FAULT_TO_BLOCK,
	BLK_STATUS_BLOCKED,
	BLK_STATUS_FREE,
	BLK_NBINS,
};
static const char *const block_names[BLK_NBINS] = {
	"block_with_pending", "block_idle", "unblock_with_pending", "unblock_idle",
	"unblock_after_fault", "unblock_after_fault_with_pending",
	"block_after_fault", "status_read_blocked", "status_read_unblocked",
};

enum buserr_bin {
	BE_L1,
	BE_L2,
	BE_L2_FLPD_HIT,
	BE_L2_LINK_CACHED,
	BE_NBINS,
};
static const char *const buserr_names[BE_NBINS] = {
	"l1_read", "l2_read", "l2_read_after_flpd_hit", "l2_read_link_cached",
};

enum irq_bin {
	IRQ_RAISED,
	IRQ_INT_EN_OFF,
	IRQ_MASKED,
	IRQ_CLEAR,
	IRQ_MASK_WRITE,
	IRQ_NBINS,
};
static const char *const irq_names[IRQ_NBINS] = {
	"fault_irq_raised", "fault_int_en_off", "fault_masked", "int_clear_write",
	"int_mask_write",
};

enum pslverr_bin {
	ERR_UNMAPPED_RD,
	ERR_UNMAPPED_WR,
	ERR_MISALIGNED_RD,
	ERR_MISALIGNED_WR,
	ERR_PSTRB_WR,
	ERR_NBINS,
};
static const char *const pslverr_names[ERR_NBINS] = {
	"pslverr.unmapped.rd", "pslverr.unmapped.wr", "pslverr.misaligned.rd",
	"pslverr.misaligned.wr", "pslverr.pstrb.wr",
};



/*
 * Crosses (issue 10). fault_latch_cg: fault kind x the VA register it
 * latches into x what the interrupt line made of it.
 */
enum latch_irq { LATCH_IRQ, LATCH_INT_EN_OFF, LATCH_MASKED, LATCH_NIRQ };
static const char *const latch_irq_names[LATCH_NIRQ] = { "irq", "int_en_off", "masked" };

/* flush_pos_cg: flush kind x page size x where the page sits. */
enum flush_pos {
	POS_HOLDS,        /* entry: the page holds the flushed VA */
	POS_SAME_REGION,  /* entry: another page of the VA's 1 MiB region */
	POS_OTHER,        /* entry: elsewhere */
	POS_INSIDE,       /* range: page within [S, E] */
	POS_OVERLAP_LO,   /* range: page straddles S */
	POS_OVERLAP_HI,   /* range: page straddles E */
	POS_COVERS,       /* range: page strictly contains [S, E] */
	POS_BELOW,
	POS_ABOVE,
	POS_N,
};
static const char *const pos_names[POS_N] = {
	"holds", "same_region", "other", "inside", "overlap_lo", "overlap_hi",
	"covers", "below", "above",
};
#define FLUSH_POS_BIN(range, sz, pos) ((((range) * 3u) + (sz)) * POS_N + (pos))

/* repl_victim_cg: replacement mode x TLB full x victim position. */
static const char *const victim_pos_names[3] = { "first", "middle", "last" };

/*
 * flpd_state_cg: FLPD lookup outcome x flush history. A hit: the entry is
 * fresh (no flush since its fill) or survived an entry / range flush (a
 * flush all survives nothing). A miss: the kind of the last flush (every
 * run starts with one, so there is always one).
 */
static const char *const flpd_look_names[3] = { "hit", "hit_stale", "miss" };
static const char *const flpd_hit_since_names[3] = { "fresh", "survived_entry", "survived_range" };
static const char *const flpd_miss_since_names[3] = { "after_all", "after_entry", "after_range" };

/* Appends a bin; returns its index. Bins are never removed. */
static unsigned add_bin(struct fcov_group *g, const char *name)
{
	unsigned i = g->n++;

	snprintf(g->bin[i].name, sizeof(g->bin[i].name), "%s", name);
	return i;
}

static void build_xlate(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	/* Index = ((size * 2 + access) * 3 + outcome) * 2 + miss. */
	for (unsigned sz = 0; sz < 3; sz++)
		for (unsigned a = 0; a < 2; a++)
			for (unsigned o = 0; o < 3; o++)
				for (unsigned m = 0; m < 2; m++) {
					snprintf(name, sizeof(name), "%s.%s.%s.%s",
						 size_names[sz], access_names[a],
						 outcome_names[o], m ? "miss" : "hit");
					add_bin(g, name);
				}
	add_bin(g, "bypass.R");
	add_bin(g, "bypass.W");
}

static void build_fault(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	/* Index = pair * 2 + write. */
	for (unsigned p = 0; p < N_FAULT_PAIRS; p++)
		for (unsigned w = 0; w < 2; w++) {
			snprintf(name, sizeof(name), "%s.%s.%s",
				 sysmmu_fault_name(fault_pairs[p].kind), dir_names[w],
				 where_names[fault_pairs[p].where]);
			add_bin(g, name);
		}
}

/*
 * Index = kind * FLUSH_PER_KIND + bin. v3 has no range flush, so its bins
 * are left out; "all" never misses a valid entry, so its miss bins are
 * left out too. Unlisted slots get an empty name and are never written.
 */
static void build_flush(struct fcov_group *g, enum sysmmu_variant v)
{
	char name[FCOV_NAME_LEN];

	for (unsigned k = 0; k < 3; k++) {
		bool legal_kind = !(k == SYSMMU_FLUSH_RANGE && v == SYSMMU_V3);

		for (unsigned b = 0; b < FLUSH_PER_KIND; b++) {
			unsigned i = g->n++;
			bool miss = b >= 2 && (b - 2) % 2;

			g->bin[i].name[0] = '\0';
			if (!legal_kind || (k == SYSMMU_FLUSH_ALL && miss))
				continue;
			if (b == FLUSH_NOP)
				snprintf(name, sizeof(name), "%s.nop", flush_names[k]);
			else if (b == FLUSH_EMPTY)
				snprintf(name, sizeof(name), "%s.tlb_empty", flush_names[k]);
			else
				snprintf(name, sizeof(name), "%s.%s.%s", flush_names[k],
					 size_names[(b - 2) / 2], miss ? "miss" : "hit");
			snprintf(g->bin[i].name, sizeof(g->bin[i].name), "%s", name);
		}
	}
}

static void build_names(struct fcov_group *g, const char *const *names, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		add_bin(g, names[i]);
}

static void build_multihit(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	/* Index = write * 4 + combination. */
	for (unsigned a = 0; a < 2; a++)
		for (unsigned c = 0; c < 4; c++) {
			snprintf(name, sizeof(name), "%s.%s", access_names[a], mh_combo_names[c]);
			add_bin(g, name);
		}
}

static void build_cfg(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	/* Index = lru * 4 + eap * 2 + flpd_en. */
	for (unsigned lru = 0; lru < 2; lru++)
		for (unsigned eap = 0; eap < 2; eap++)
			for (unsigned fl = 0; fl < 2; fl++) {
				snprintf(name, sizeof(name), "%s.eap%u.flpd%u",
					 lru ? "lru" : "fifo", eap, fl);
				add_bin(g, name);
			}
}

/* ns_cg: SEC_CHK x request ns x page NS, every translation with a leaf. */
static void build_ns(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	/* Index = chk * 4 + req_ns * 2 + page_ns. */
	for (unsigned chk = 0; chk < 2; chk++)
		for (unsigned rq = 0; rq < 2; rq++)
			for (unsigned pg = 0; pg < 2; pg++) {
				snprintf(name, sizeof(name), "chk%u.%s_req.%s_page", chk,
					 rq ? "ns" : "s", pg ? "ns" : "s");
				add_bin(g, name);
			}
}

static void build_reg(struct fcov *c)
{
	struct fcov_group *g = &c->g[CG_REG];
	char name[FCOV_NAME_LEN];

	c->reg_bin0 = g->n;
	for (unsigned i = 0; i < c->n_regs; i++) {
		snprintf(name, sizeof(name), "%s.rd", c->regs[i].name);
		add_bin(g, name);
		snprintf(name, sizeof(name), "%s.wr", c->regs[i].name);
		add_bin(g, name);
	}
	build_names(g, pslverr_names, ERR_NBINS);
}

/* Index of the bin called name in g, or -1. */
static int find_bin(const struct fcov_group *g, const char *name)
{
	for (unsigned i = 0; i < g->n; i++)
		if (g->bin[i].name[0] && !strcmp(g->bin[i].name, name))
			return (int)i;
	return -1;
}

/*
 * The INT_STATUS bit and VA register of every (kind, write), from the
 * driver's view of the bits (vec_isr_source: one truth for the map). v3
 * shares a bit and register between directions for some kinds; their bins
 * are then shared too.
 */
static void build_fault_latch(struct fcov *c)
{
	struct fcov_group *g = &c->g[CG_FAULT_LATCH];
	const char *reg[SYSMMU_FAULT_SEC_PROT + 1][2] = { { NULL } };
	char name[FCOV_NAME_LEN];

	for (unsigned bit = 0; bit < 32; bit++) {
		struct vec_isr_src s;

		vec_isr_source(c->variant, bit, &s);
		if (s.kind == SYSMMU_FAULT_NONE || s.kind > SYSMMU_FAULT_SEC_PROT)
			continue;
		c->fault_bit[s.kind][s.write] = 1u << bit;
		reg[s.kind][s.write] = vec_reg_name(c->variant, s.va_reg);
	}
	for (unsigned k = SYSMMU_FAULT_PAGE; k <= SYSMMU_FAULT_SEC_PROT; k++)
		for (unsigned w = 0; w < 2; w++) {
			if (!reg[k][w]) {  /* one bit for both directions */
				reg[k][w] = reg[k][!w];
				c->fault_bit[k][w] = c->fault_bit[k][!w];
			}
			snprintf(name, sizeof(name), "%s.%s.%s", sysmmu_fault_name(k),
				 reg[k][w] ? reg[k][w] : "none", latch_irq_names[0]);
			if (find_bin(g, name) >= 0) {
				c->latch_bin[k][w] = (unsigned)find_bin(g, name);
				continue;
			}
			c->latch_bin[k][w] = g->n;
			for (unsigned q = 0; q < LATCH_NIRQ; q++) {
				snprintf(name, sizeof(name), "%s.%s.%s", sysmmu_fault_name(k),
					 reg[k][w] ? reg[k][w] : "none", latch_irq_names[q]);
				add_bin(g, name);
			}
		}
}

static bool flush_pos_legal(unsigned range, unsigned sz, unsigned pos)
{
	if (!range)
		return pos <= POS_OTHER && !(sz == SYSMMU_SIZE_1M && pos == POS_SAME_REGION);
	if (pos < POS_INSIDE)
		return false;
	/* [S, E] is whole 4 KiB pages: a 4 KiB page is in, below or above. */
	return sz != SYSMMU_SIZE_4K || pos == POS_INSIDE || pos >= POS_BELOW;
}

static void build_flush_pos(struct fcov_group *g, enum sysmmu_variant v)
{
	for (unsigned r = 0; r < 2; r++)
		for (unsigned sz = 0; sz < 3; sz++)
			for (unsigned pos = 0; pos < POS_N; pos++) {
				unsigned i = g->n++;

				g->bin[i].name[0] = '\0';
				if ((r && v == SYSMMU_V3) || !flush_pos_legal(r, sz, pos))
					continue;
				snprintf(g->bin[i].name, sizeof(g->bin[i].name), "%s.%s.%s",
					 r ? "range" : "entry", size_names[sz], pos_names[pos]);
			}
}

static void build_repl_victim(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	/* Index = (lru * 2 + full) * 3 + position. */
	for (unsigned lru = 0; lru < 2; lru++)
		for (unsigned full = 0; full < 2; full++)
			for (unsigned p = 0; p < 3; p++) {
				snprintf(name, sizeof(name), "%s.%s.%s", lru ? "lru" : "fifo",
					 full ? "full" : "free", victim_pos_names[p]);
				add_bin(g, name);
			}
}

static void build_flpd_state(struct fcov_group *g, enum sysmmu_variant v)
{
	/* Index = outcome * 3 + history; v3 has no range flush. */
	for (unsigned o = 0; o < 3; o++)
		for (unsigned f = 0; f < 3; f++) {
			unsigned i = g->n++;

			g->bin[i].name[0] = '\0';
			if (v == SYSMMU_V3 && f == 2)
				continue;
			snprintf(g->bin[i].name, sizeof(g->bin[i].name), "%s.%s", flpd_look_names[o],
				 o == 2 ? flpd_miss_since_names[f] : flpd_hit_since_names[f]);
		}
}

/*
 * encoding_cg: every descriptor encoding spec §3 gives a meaning to, as the
 * walker read it (reserved ones included): level-1 types, the section and
 * page permission encodings, level-2 types, and v3's ignored bit 18 on a
 * section. A class the generator never writes shows as a hole.
 */
enum {
	ENC_L1 = 0,      /* + type: 4 on v3, 8 on v5 */
	ENC_SEC_AP = 8,  /* + encoding 0..3 (v3: AP2 * 2 + AP0) */
	ENC_L2 = 12,     /* + type 0..3 */
	ENC_PG_AP = 16,  /* + encoding 0..3 */
	ENC_SEC_BIT18 = 20,
	ENC_NBINS = 21,
};

static const char *const v3_l1_names[4] = { "fault", "link", "section", "reserved_11" };
static const char *const l2_names[4] = { "fault", "large", "small_10", "small_11" };
static const char *const v3_ap_names[4] = { "none_00", "rw_01", "reserved_10", "ro_11" };
static const char *const v5_ap_names[4] = { "none", "ro", "wo", "rw" };

static void build_encoding(struct fcov_group *g, enum sysmmu_variant v)
{
	const char *const *ap = v == SYSMMU_V3 ? v3_ap_names : v5_ap_names;

	for (unsigned i = 0; i < ENC_NBINS; i++) {
		struct fcov_bin *b = &g->bin[g->n++];

		b->name[0] = '\0';
		if (i < ENC_SEC_AP && v == SYSMMU_V3 && i < 4)
			snprintf(b->name, sizeof(b->name), "l1.%s", v3_l1_names[i]);
		else if (i < ENC_SEC_AP && v == SYSMMU_V5)
			snprintf(b->name, sizeof(b->name), "l1.type_%u%u%u", i >> 2, (i >> 1) & 1, i & 1);
		else if (i >= ENC_SEC_AP && i < ENC_L2)
			snprintf(b->name, sizeof(b->name), "section_ap.%s", ap[i - ENC_SEC_AP]);
		else if (i >= ENC_L2 && i < ENC_PG_AP)
			snprintf(b->name, sizeof(b->name), "l2.%s", l2_names[i - ENC_L2]);
		else if (i >= ENC_PG_AP && i < ENC_SEC_BIT18)
			snprintf(b->name, sizeof(b->name), "page_ap.%s", ap[i - ENC_PG_AP]);
		else if (i == ENC_SEC_BIT18 && v == SYSMMU_V3)
			snprintf(b->name, sizeof(b->name), "section.bit18_set");
	}
}

/*
 * ctrl_state_cg: every MMU_CTRL value (bits EN, BLOCK, INT_EN) written in
 * every state it can meet: blocked by a fault, blocked by software, or
 * neither (spec §2.2, §2.3). Index = state * 8 + value.
 */
static const char *const ctrl_state_names[3] = { "fault_blocked", "sw_blocked", "running" };

static void build_ctrl_state(struct fcov_group *g)
{
	char name[FCOV_NAME_LEN];

	for (unsigned st = 0; st < 3; st++)
		for (unsigned v = 0; v < 8; v++) {
			snprintf(name, sizeof(name), "%s.%s%s%s", ctrl_state_names[st],
				 v & SYSMMU_COM_CTRL_EN ? "en" : "off",
				 v & SYSMMU_COM_CTRL_BLOCK ? "_block" : "",
				 v & SYSMMU_COM_CTRL_INT_EN ? "_int" : "");
			add_bin(g, name);
		}
}

struct fcov *fcov_create(const struct sysmmu *model, const struct vmem *mem)
{
	const struct sysmmu_config *cfg;
	struct fcov *c;

	if (!model || !mem)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	cfg = sysmmu_get_config(model);
	c->model = model;
	c->mem = mem;
	c->variant = cfg->variant;
	c->tlb_n = cfg->tlb_entries;
	c->flpd_n = cfg->flpd_entries;
	c->n_regs = vec_reg_count(c->variant);
	if (c->n_regs > FCOV_MAX_REGS) {
		free(c);
		return NULL;
	}
	for (unsigned i = 0; i < c->n_regs; i++)
		c->regs[i].name = vec_reg_at(c->variant, i, &c->regs[i].off);
	build_xlate(&c->g[CG_XLATE]);
	build_fault(&c->g[CG_FAULT]);
	build_flush(&c->g[CG_FLUSH], c->variant);
	build_names(&c->g[CG_FLPD], flpd_names, FLPD_NBINS);
	build_names(&c->g[CG_REPL], repl_names, REPL_NBINS);
	build_multihit(&c->g[CG_MULTIHIT]);
	build_names(&c->g[CG_BLOCK], block_names, BLK_NBINS);
	build_names(&c->g[CG_BUSERR], buserr_names, BE_NBINS);
	build_names(&c->g[CG_IRQ], irq_names, IRQ_NBINS);
	build_cfg(&c->g[CG_CFG]);
	build_reg(c);
	build_ns(&c->g[CG_NS]);
	build_fault_latch(c);
	build_flush_pos(&c->g[CG_FLUSH_POS], c->variant);
	build_repl_victim(&c->g[CG_REPL_VICTIM]);
	build_flpd_state(&c->g[CG_FLPD_STATE], c->variant);
	build_encoding(&c->g[CG_ENCODING], c->variant);
	build_ctrl_state(&c->g[CG_CTRL_STATE]);
	c->cur_flpd_fill_idx = -1;
	c->last_flpd_flush = -1;
	for (unsigned i = 0; i < SYSMMU_FLPD_MAX; i++)
		c->flpd_survived[i] = -1;
	return c;
}

void fcov_destroy(struct fcov *c)
{
	free(c);
}

static void hit(struct fcov *c, enum fcov_group_id g, unsigned bin)
{
	c->g[g].bin[bin].hits++;
}

/* ---- observer events ---- */

static bool tlb_has_valid_above(const struct fcov *c, int idx)
{
	for (unsigned i = (unsigned)idx + 1; i < c->tlb_n; i++)
		if (c->tlb[i].valid)
			return true;
	return false;
}

static void on_tlb_fill(struct fcov *c, const struct sysmmu_event *ev)
{
	unsigned pos;

	if (ev->index < 0 || (unsigned)ev->index >= c->tlb_n)
		return;
	pos = ev->index == 0 ? 0 : (unsigned)ev->index == c->tlb_n - 1 ? 2 : 1;
	hit(c, CG_REPL_VICTIM, (!!(c->cfg & SYSMMU_COM_CFG_LRU) * 2 + ev->evicted) * 3 + pos);
	if (!ev->evicted) {
		/* A free slot below a valid entry is a hole a flush left. */
		if (tlb_has_valid_above(c, ev->index))
			hit(c, CG_REPL, REPL_TLB_HOLE);
		else
			hit(c, CG_REPL, REPL_TLB_FREE);
	} else if (c->cfg & SYSMMU_COM_CFG_LRU) {
		hit(c, CG_REPL, REPL_TLB_LRU);
	} else {
		hit(c, CG_REPL, REPL_TLB_FIFO);
		if ((unsigned)ev->index == c->tlb_n - 1)
			hit(c, CG_REPL, REPL_TLB_FIFO_WRAP);
	}
	c->tlb[ev->index].valid = true;
	c->tlb[ev->index].size = ev->size;
}

/* The level-1 entry address of a VA with the PT base software wrote. */
static uint64_t l1_addr(const struct fcov *c, uint32_t tag)
{
	return c->l1_base | ((uint64_t)tag << 2);
}

/*
 * outcome: 0 hit, 1 stale hit (of entry idx), 2 miss. Flush kinds: 0 all,
 * 1 entry, 2 range (enum sysmmu_flush_kind order).
 */
static void flpd_state(struct fcov *c, unsigned outcome, int idx)
{
	int since = outcome == 2 ? c->last_flpd_flush : c->flpd_survived[idx];

	if (outcome == 2 && since < 0)
		return;  /* a miss before any flush: not a run the driver makes */
	/* a hit: fresh (-1) -> 0, survived entry (1) -> 1, range (2) -> 2 */
	hit(c, CG_FLPD_STATE, outcome * 3 + (unsigned)(since < 0 ? 0 : since));
}

static void on_flpd_hit(struct fcov *c, const struct sysmmu_event *ev)
{
	struct sysmmu_flpd_entry e;
	uint32_t now;

	if (ev->index < 0 || (unsigned)ev->index >= c->flpd_n)
		return;
	sysmmu_flpd_get(c->model, (unsigned)ev->index, &e);
	/* Stale: the cached link is not what the table in memory holds now. */
	if (vmem_read32(c->mem, l1_addr(c, e.tag), &now) != 0 || now != e.entry) {
		hit(c, CG_FLPD, FLPD_HIT_STALE);
		flpd_state(c, 1, ev->index);
	} else {
		hit(c, CG_FLPD, FLPD_HIT_FRESH);
		flpd_state(c, 0, ev->index);
	}
}

static void on_flpd_fill(struct fcov *c, const struct sysmmu_event *ev)
{
	if (ev->index < 0 || (unsigned)ev->index >= c->flpd_n)
		return;
	if (ev->evicted) {
		hit(c, CG_FLPD, FLPD_FILL_EVICT);
		hit(c, CG_REPL, REPL_FLPD_FULL);
		if ((unsigned)ev->index == c->flpd_n - 1)
			hit(c, CG_REPL, REPL_FLPD_WRAP);
	} else {
		hit(c, CG_FLPD, FLPD_FILL_FREE);
		hit(c, CG_REPL, REPL_FLPD_FREE);
	}
	c->flpd_valid[ev->index] = true;
	c->flpd_survived[ev->index] = -1;
	c->cur_flpd_fill = true;
	c->cur_flpd_fill_idx = ev->index;
}

void fcov_event(struct fcov *c, const struct sysmmu_event *ev)
{
	switch (ev->kind) {
	case SYSMMU_EV_TLB_FILL:
		on_tlb_fill(c, ev);
		break;
	case SYSMMU_EV_FLPD_HIT:
		on_flpd_hit(c, ev);
		break;
	case SYSMMU_EV_FLPD_MISS:
		hit(c, CG_FLPD, FLPD_MISS);
		flpd_state(c, 2, -1);
		break;
	case SYSMMU_EV_FLPD_FILL:
		on_flpd_fill(c, ev);
		break;
	default:
		/*
		 * Hits, misses and faults are classified from the finished
		 * result in fcov_xlate; flushes from the register write in
		 * fcov_reg, where the model has already applied them.
		 */
		break;
	}
}

/* ---- translations ---- */

static enum fault_where fault_where(const struct sysmmu_result *res)
{
	switch (res->fault) {
	case SYSMMU_FAULT_MULTI_HIT:
		return AT_LOOKUP;
	case SYSMMU_FAULT_PAGE:
	case SYSMMU_FAULT_BUS_ERROR:
		/* After an FLPD hit the only read is the level-2 one. */
		if (res->flpd_hit || res->n_walk >= 2)
			return AT_L2;
		return AT_L1;
	default:
		/* Permission faults: where the leaf came from. */
		if (res->tlb_hit)
			return AT_LOOKUP;
		return res->size == SYSMMU_SIZE_1M ? AT_L1 : AT_L2;
	}
}

static void cover_fault(struct fcov *c, const struct sysmmu_req *req,
			const struct sysmmu_result *res)
{
	enum fault_where where = fault_where(res);

	for (unsigned p = 0; p < N_FAULT_PAIRS; p++) {
		if (fault_pairs[p].kind != res->fault || fault_pairs[p].where != where)
			continue;
		hit(c, CG_FAULT, p * 2 + req->write);
		break;
	}
}

static void cover_leaf(struct fcov *c, const struct sysmmu_req *req,
		       const struct sysmmu_result *res)
{
	unsigned outcome;

	if (res->fault == SYSMMU_FAULT_NONE)
		outcome = 0;
	else if (res->fault == SYSMMU_FAULT_ACC_PROT)
		outcome = 1;
	else if (res->fault == SYSMMU_FAULT_SEC_PROT)
		outcome = 2;
	else
		return;  /* no leaf: page fault, bus error, multi-hit */
	if ((unsigned)res->size > SYSMMU_SIZE_1M)
		return;
	hit(c, CG_XLATE, (((unsigned)res->size * 2 + req->write) * 3 + outcome) * 2 +
			 !res->tlb_hit);
}

/*
 * The leaf is in the TLB entry hit or filled (filled before the checks,
 * spec §4 step 2), so its NS is read there. chk0.ns_req.s_page is the
 * driver's case: a non-secure master on a page the driver mapped (§4.1).
 */
static void cover_ns(struct fcov *c, const struct sysmmu_req *req,
		     const struct sysmmu_result *res)
{
	struct sysmmu_tlb_entry e;
	bool chk = c->cfg & SYSMMU_COM_CFG_SEC_CHK;

	if (res->fault != SYSMMU_FAULT_NONE && res->fault != SYSMMU_FAULT_ACC_PROT &&
	    res->fault != SYSMMU_FAULT_SEC_PROT)
		return;
	if (res->tlb_index < 0 || (unsigned)res->tlb_index >= c->tlb_n)
		return;
	sysmmu_tlb_get(c->model, (unsigned)res->tlb_index, &e);
	if (!e.valid)
		return;
	hit(c, CG_NS, (unsigned)chk * 4 + (unsigned)req->ns * 2 + (unsigned)e.ns);
}

static void cover_multihit(struct fcov *c, const struct sysmmu_req *req)
{
	static const uint32_t masks[3] = { ~0xFFFu, ~0xFFFFu, ~0xFFFFFu };
	unsigned sizes = 0;  /* bit per page size that matched */
	int combo;

	for (unsigned i = 0; i < c->tlb_n; i++) {
		struct sysmmu_tlb_entry e;

		sysmmu_tlb_get(c->model, i, &e);
		if (e.valid && (unsigned)e.size <= SYSMMU_SIZE_1M &&
		    (req->va & masks[e.size]) == e.va_base)
			sizes |= 1u << e.size;
	}
	switch (sizes) {
	case 3: combo = 0; break;
	case 5: combo = 1; break;
	case 6: combo = 2; break;
	case 7: combo = 3; break;
	default: return;  /* same-size duplicates cannot be filled (spec §4) */
	}
	hit(c, CG_MULTIHIT, req->write * 4 + (unsigned)combo);
}

static void cover_bus_error(struct fcov *c, const struct sysmmu_result *res)
{
	if (fault_where(res) == AT_L1)
		hit(c, CG_BUSERR, BE_L1);
	else if (res->flpd_hit)
		hit(c, CG_BUSERR, BE_L2_FLPD_HIT);
	else if (c->cur_flpd_fill)
		hit(c, CG_BUSERR, BE_L2_LINK_CACHED);
	else
		hit(c, CG_BUSERR, BE_L2);
}

static void cover_fault_latch(struct fcov *c, const struct sysmmu_req *req,
			      const struct sysmmu_result *res)
{
	enum latch_irq q;

	if (res->fault < SYSMMU_FAULT_PAGE || res->fault > SYSMMU_FAULT_SEC_PROT)
		return;
	if (!(c->ctrl & SYSMMU_COM_CTRL_INT_EN))
		q = LATCH_INT_EN_OFF;
	else if (c->int_mask & c->fault_bit[res->fault][req->write])
		q = LATCH_MASKED;
	else
		q = LATCH_IRQ;
	hit(c, CG_FAULT_LATCH, c->latch_bin[res->fault][req->write] + q);
}

static void cover_irq(struct fcov *c)
{
	if (sysmmu_irq(c->model))
		hit(c, CG_IRQ, IRQ_RAISED);
	else if (!(c->ctrl & SYSMMU_COM_CTRL_INT_EN))
		hit(c, CG_IRQ, IRQ_INT_EN_OFF);
	else
		hit(c, CG_IRQ, IRQ_MASKED);
}

/* The model's TLB/FLPD entries a translation filled, into the shadow. */
static void sync_filled(struct fcov *c, const struct sysmmu_result *res)
{
	struct sysmmu_tlb_entry e;

	if (!res->tlb_hit && res->tlb_index >= 0 && (unsigned)res->tlb_index < c->tlb_n) {
		sysmmu_tlb_get(c->model, (unsigned)res->tlb_index, &e);
		c->tlb[res->tlb_index].valid = e.valid;
		c->tlb[res->tlb_index].size = e.size;
		c->tlb[res->tlb_index].va_base = e.va_base;
	}
	c->cur_flpd_fill = false;
	c->cur_flpd_fill_idx = -1;
}

static void cover_l1_encoding(struct fcov *c, uint32_t e)
{
	unsigned type = c->variant == SYSMMU_V3 ? e & 3 : e & 7;

	hit(c, CG_ENCODING, ENC_L1 + type);
	if (type != 2)
		return;
	hit(c, CG_ENCODING, ENC_SEC_AP + sysmmu_section_ap(c->variant, e));
	if (c->variant == SYSMMU_V3 && (e & (1u << 18)))
		hit(c, CG_ENCODING, ENC_SEC_BIT18);
}

static void cover_l2_encoding(struct fcov *c, uint32_t e)
{
	hit(c, CG_ENCODING, ENC_L2 + (e & 3));
	if (e & 3)
		hit(c, CG_ENCODING, ENC_PG_AP + sysmmu_page_ap(c->variant, e));
}

/* The descriptors this walk read (an FLPD hit skips the level-1 read). */
static void cover_encoding(struct fcov *c, const struct sysmmu_result *res)
{
	unsigned i = 0;

	if (!res->flpd_hit && res->n_walk > 0) {
		if (!res->walk_err[0])
			cover_l1_encoding(c, res->walk_data[0]);
		i = 1;
	}
	if (i < res->n_walk && !res->walk_err[i])
		cover_l2_encoding(c, res->walk_data[i]);
}

void fcov_xlate(struct fcov *c, const struct sysmmu_req *req, const struct sysmmu_result *res)
{
	unsigned cfg_bin;

	if (res->bypass) {
		hit(c, CG_XLATE, req->write ? XLATE_BYPASS_W : XLATE_BYPASS_R);
		return;
	}
	cfg_bin = !!(c->cfg & SYSMMU_COM_CFG_LRU) * 4 + !!(c->cfg & SYSMMU_COM_CFG_EAP) * 2 +
		  !!(c->cfg & SYSMMU_COM_CFG_FLPD_EN);
	hit(c, CG_CFG, cfg_bin);
	if (!res->tlb_hit && res->fault != SYSMMU_FAULT_MULTI_HIT &&
	    !(c->cfg & SYSMMU_COM_CFG_FLPD_EN))
		hit(c, CG_FLPD, FLPD_WALK_DISABLED);
	cover_leaf(c, req, res);
	cover_ns(c, req, res);
	cover_encoding(c, res);
	if (res->fault != SYSMMU_FAULT_NONE) {
		cover_fault(c, req, res);
		cover_fault_latch(c, req, res);
		cover_irq(c);
	}
	if (res->fault == SYSMMU_FAULT_MULTI_HIT)
		cover_multihit(c, req);
	if (res->fault == SYSMMU_FAULT_BUS_ERROR)
		cover_bus_error(c, res);
	sync_filled(c, res);
}

/* ---- register accesses ---- */

static int reg_index(const struct fcov *c, uint32_t off)
{
	for (unsigned i = 0; i < c->n_regs; i++)
		if (c->regs[i].off == off)
			return (int)i;
	return -1;
}

static bool is_flush_reg(const struct fcov *c, uint32_t off, enum sysmmu_flush_kind *kind)
{
	if (c->variant == SYSMMU_V3) {
		if (off == SYSMMU_V3_MMU_FLUSH)
			*kind = SYSMMU_FLUSH_ALL;
		else if (off == SYSMMU_V3_MMU_FLUSH_ENTRY)
			*kind = SYSMMU_FLUSH_ENTRY;
		else
			return false;
		return true;
	}
	if (off == SYSMMU_V5_FLUSH_ALL)
		*kind = SYSMMU_FLUSH_ALL;
	else if (off == SYSMMU_V5_FLUSH_ENTRY)
		*kind = SYSMMU_FLUSH_ENTRY;
	else if (off == SYSMMU_V5_FLUSH_RANGE)
		*kind = SYSMMU_FLUSH_RANGE;
	else
		return false;
	return true;
}

static const uint32_t page_bytes[3] = { 0x1000u, 0x10000u, 0x100000u };

static enum flush_pos entry_pos(uint32_t va, const struct shadow_tlb *t)
{
	if ((va & ~(page_bytes[t->size] - 1)) == t->va_base)
		return POS_HOLDS;
	if ((va >> 20) == (t->va_base >> 20))
		return POS_SAME_REGION;
	return POS_OTHER;
}

static enum flush_pos range_pos(uint32_t s, uint32_t e, const struct shadow_tlb *t)
{
	uint32_t lo = t->va_base, hi = t->va_base + (page_bytes[t->size] - 1);

	if (hi < s)
		return POS_BELOW;
	if (lo > e)
		return POS_ABOVE;
	if (lo >= s && hi <= e)
		return POS_INSIDE;
	if (lo < s && hi > e)
		return POS_COVERS;
	return lo < s ? POS_OVERLAP_LO : POS_OVERLAP_HI;
}

/* Where each valid entry sat relative to an entry or range flush (shadow
 * still holds the TLB as it was before the flush). */
static void cover_flush_pos(struct fcov *c, enum sysmmu_flush_kind kind, uint32_t val)
{
	uint32_t s = c->flush_start & ~0xFFFu, e = c->flush_end | 0xFFFu;

	if (kind == SYSMMU_FLUSH_ALL || (kind == SYSMMU_FLUSH_RANGE && s > e))
		return;
	for (unsigned i = 0; i < c->tlb_n; i++) {
		const struct shadow_tlb *t = &c->tlb[i];
		bool range = kind == SYSMMU_FLUSH_RANGE;
		enum flush_pos pos;

		if (!t->valid || (unsigned)t->size > SYSMMU_SIZE_1M)
			continue;
		pos = range ? range_pos(s, e, t) : entry_pos(val & ~0xFFFu, t);
		if (flush_pos_legal(range, t->size, pos))
			hit(c, CG_FLUSH_POS, FLUSH_POS_BIN(range, t->size, pos));
	}
}

/*
 * Called after the model applied the flush: compare the shadow (the TLB
 * before) with the model now. A page size the TLB held is a "hit" when the
 * flush removed at least one entry of that size, else a "miss".
 */
static void cover_flush(struct fcov *c, enum sysmmu_flush_kind kind, uint32_t val)
{
	unsigned base = (unsigned)kind * FLUSH_PER_KIND;
	bool held[3] = { false }, removed[3] = { false };
	bool any = false;

	if (!(val & SYSMMU_COM_FLUSH_GO)) {
		hit(c, CG_FLUSH, base + FLUSH_NOP);
		return;
	}
	cover_flush_pos(c, kind, val);
	c->last_flpd_flush = (int)kind;
	for (unsigned i = 0; i < c->tlb_n; i++) {
		struct sysmmu_tlb_entry e;

		sysmmu_tlb_get(c->model, i, &e);
		if (c->tlb[i].valid && (unsigned)c->tlb[i].size <= SYSMMU_SIZE_1M) {
			any = true;
			held[c->tlb[i].size] = true;
			if (!e.valid)
				removed[c->tlb[i].size] = true;
		}
		c->tlb[i].valid = e.valid;
		c->tlb[i].size = e.size;
		c->tlb[i].va_base = e.va_base;
	}
	if (!any)
		hit(c, CG_FLUSH, base + FLUSH_EMPTY);
	for (unsigned sz = 0; sz < 3; sz++)
		if (held[sz])
			hit(c, CG_FLUSH, base + FLUSH_SIZE_BIN(sz, !removed[sz]));
	for (unsigned i = 0; i < c->flpd_n; i++) {
		struct sysmmu_flpd_entry e;

		sysmmu_flpd_get(c->model, i, &e);
		if (c->flpd_valid[i] && !e.valid)
			hit(c, CG_FLPD, FLPD_FLUSH_REMOVED);
		if (c->flpd_valid[i] && e.valid)
			c->flpd_survived[i] = (int)kind;
		c->flpd_valid[i] = e.valid;
	}
}

static void cover_ctrl_write(struct fcov *c, uint32_t val, size_t pending, bool in_fault_block)
{
	bool block = val & SYSMMU_COM_CTRL_BLOCK;
	bool was_block = c->ctrl & SYSMMU_COM_CTRL_BLOCK;

	if (in_fault_block && block)
		hit(c, CG_BLOCK, BLK_FAULT_TO_BLOCK);
	else if (in_fault_block)
		hit(c, CG_BLOCK, pending ? BLK_UNBLOCK_FAULT_PENDING : BLK_UNBLOCK_FAULT);
	else if (block)
		hit(c, CG_BLOCK, pending ? BLK_BLOCK_PENDING : BLK_BLOCK_IDLE);
	else if (was_block)
		hit(c, CG_BLOCK, pending ? BLK_UNBLOCK_PENDING : BLK_UNBLOCK_IDLE);
	hit(c, CG_CTRL_STATE, (in_fault_block ? 0u : was_block ? 1u : 2u) * 8 +
			      (val & SYSMMU_COM_CTRL_MASK));
	c->ctrl = val & SYSMMU_COM_CTRL_MASK;
}

static void track_pt_base(struct fcov *c, uint32_t off, uint32_t val)
{
	if (c->variant == SYSMMU_V3 && off == SYSMMU_V3_PT_BASE_ADDR)
		c->l1_base = val & 0xFFFFC000u;
	else if (c->variant == SYSMMU_V5 && off == SYSMMU_V5_PT_BASE_PFN)
		c->l1_base = (uint64_t)(val & 0xFFFFFCu) << 12;
}

static void cover_write(struct fcov *c, uint32_t off, uint32_t val, size_t pending,
			bool in_fault_block)
{
	enum sysmmu_flush_kind kind;
	uint32_t int_clear, int_mask;

	if (c->variant == SYSMMU_V3) {
		int_clear = SYSMMU_V3_INT_CLEAR;
		int_mask = SYSMMU_V3_INT_MASK;
	} else {
		int_clear = SYSMMU_V5_INT_CLEAR;
		int_mask = SYSMMU_V5_INT_MASK;
	}
	if (off == SYSMMU_COM_MMU_CTRL)
		cover_ctrl_write(c, val, pending, in_fault_block);
	else if (off == SYSMMU_COM_MMU_CFG)
		c->cfg = val & (c->variant == SYSMMU_V5 ? SYSMMU_V5_CFG_MASK : SYSMMU_V3_CFG_MASK);
	else if (off == int_clear && val)
		hit(c, CG_IRQ, IRQ_CLEAR);
	else if (off == int_mask && val)
		hit(c, CG_IRQ, IRQ_MASK_WRITE);
	else if (c->variant == SYSMMU_V5 && off == SYSMMU_V5_FLUSH_START)
		c->flush_start = val;
	else if (c->variant == SYSMMU_V5 && off == SYSMMU_V5_FLUSH_END)
		c->flush_end = val;
	else if (is_flush_reg(c, off, &kind))
		cover_flush(c, kind, val);
	if (off == int_mask)
		c->int_mask = val;
	track_pt_base(c, off, val);
}

static void cover_pslverr(struct fcov *c, bool write, int idx)
{
	if (idx >= 0)
		hit(c, CG_REG, c->reg_bin0 + 2 * c->n_regs + ERR_PSTRB_WR);
	else
		hit(c, CG_REG, c->reg_bin0 + 2 * c->n_regs +
			       (write ? ERR_UNMAPPED_WR : ERR_UNMAPPED_RD));
}

void fcov_reg(struct fcov *c, bool write, uint32_t off, uint32_t val, int err,
	      size_t pending, bool in_fault_block)
{
	unsigned err0 = c->reg_bin0 + 2 * c->n_regs;
	int idx;

	off &= 0xFFFu;
	if (off & 3u) {
		if (err)
			hit(c, CG_REG, err0 + (write ? ERR_MISALIGNED_WR : ERR_MISALIGNED_RD));
		return;
	}
	idx = reg_index(c, off);
	if (err) {
		cover_pslverr(c, write, idx);
		return;
	}
	if (idx < 0)
		return;  /* the model accepted an offset we do not know: not ours to judge */
	hit(c, CG_REG, c->reg_bin0 + 2 * (unsigned)idx + write);
	if (write) {
		cover_write(c, off, val, pending, in_fault_block);
		return;
	}
	if (off == SYSMMU_COM_MMU_STATUS)
		hit(c, CG_BLOCK, (val & SYSMMU_COM_STATUS_BLOCKED) ? BLK_STATUS_BLOCKED :
								    BLK_STATUS_FREE);
}

/* ---- output ---- */

static void write_group(const struct fcov_group *g, const char *name, FILE *f)
{
	bool first = true;

	fprintf(f, "\"%s\":{", name);
	for (unsigned i = 0; i < g->n; i++) {
		if (!g->bin[i].name[0])
			continue;
		fprintf(f, "%s\"%s\":%llu", first ? "" : ",", g->bin[i].name,
			(unsigned long long)g->bin[i].hits);
		first = false;
	}
	fputc('}', f);
}

void fcov_write_json(const struct fcov *c, FILE *f)
{
	fputs("{\"covergroups\":{", f);
	for (unsigned i = 0; i < CG_COUNT; i++) {
		if (i)
			fputc(',', f);
		write_group(&c->g[i], group_names[i], f);
	}
	fputs("}}", f);
}

long long fcov_get(const struct fcov *c, const char *group, const char *bin)
{
	for (unsigned i = 0; i < CG_COUNT; i++) {
		const struct fcov_group *g = &c->g[i];

		if (strcmp(group_names[i], group))
			continue;
		for (unsigned b = 0; b < g->n; b++)
			if (g->bin[b].name[0] && !strcmp(g->bin[b].name, bin))
				return (long long)g->bin[b].hits;
		return -1;
	}
	return -1;
}

void fcov_totals(const struct fcov *c, unsigned *bins, unsigned *hit_bins)
{
	unsigned n = 0, h = 0;

	for (unsigned i = 0; i < CG_COUNT; i++) {
		const struct fcov_group *g = &c->g[i];

		for (unsigned b = 0; b < g->n; b++) {
			if (!g->bin[b].name[0])
				continue;
			n++;
			h += g->bin[b].hits != 0;
		}
	}
	*bins = n;
	*hit_bins = h;
}
