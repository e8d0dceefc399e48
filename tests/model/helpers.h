/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared fixture for the reference-model unit tests: one model, a small
 * word-addressed memory for the page-table read callback, and an event log.
 * Criterion runs every test in its own process, so one static fixture per
 * translation unit is enough.
 */
#ifndef TESTS_MODEL_HELPERS_H
#define TESTS_MODEL_HELPERS_H

#include <criterion/criterion.h>
#include <string.h>

#include "sysmmu/model.h"
#include "sysmmu/regs.h"

#define V3 SYSMMU_V3
#define V5 SYSMMU_V5

#define TMEM_MAX 512
#define TMEM_ERR_MAX 16
#define EV_MAX 64

/* Level-1 table bases the tests use (v3: PT_BASE_ADDR, v5: PT_BASE_PFN). */
#define V3_L1B 0x00100000u
#define V5_PFN 0x800000u
#define V5_L1B 0x800000000ull

struct tmem_word {
	uint64_t addr;
	uint32_t data;
};

struct fx {
	struct sysmmu *m;
	enum sysmmu_variant v;
	unsigned n_words;
	struct tmem_word w[TMEM_MAX];
	unsigned n_err;
	uint64_t err[TMEM_ERR_MAX];
	unsigned reads;
	unsigned n_ev;
	struct sysmmu_event ev[EV_MAX];
};

static struct fx fx;

/* Unwritten words read as 0 (a fault entry); error addresses fail. */
static inline int tmem_read(void *ctx, uint64_t pa, uint32_t *data)
{
	struct fx *f = ctx;
	unsigned i;

	f->reads++;
	for (i = 0; i < f->n_err; i++) {
		if (f->err[i] == pa)
			return 1;
	}
	*data = 0;
	for (i = 0; i < f->n_words; i++) {
		if (f->w[i].addr == pa) {
			*data = f->w[i].data;
			break;
		}
	}
	return 0;
}

static inline void fx_observe(void *ctx, const struct sysmmu_event *ev)
{
	struct fx *f = ctx;

	cr_assert_lt(f->n_ev, EV_MAX, "event log full");
	f->ev[f->n_ev++] = *ev;
}

static inline void fx_setup_cfg(enum sysmmu_variant v, unsigned tlb, unsigned flpd, unsigned idw)
{
	struct sysmmu_config cfg = {
		.variant = v,
		.tlb_entries = tlb,
		.flpd_entries = flpd,
		.id_width = idw,
	};

	memset(&fx, 0, sizeof(fx));
	fx.v = v;
	fx.m = sysmmu_create(&cfg, tmem_read, &fx);
	cr_assert_not_null(fx.m, "sysmmu_create failed");
}

static inline void fx_setup(enum sysmmu_variant v, unsigned tlb, unsigned flpd)
{
	fx_setup_cfg(v, tlb, flpd, 16);
}

static inline void fx_fini(void)
{
	sysmmu_destroy(fx.m);
	fx.m = NULL;
}

static inline void fx_log_events(void)
{
	sysmmu_set_observer(fx.m, fx_observe, &fx);
}

static inline void mem_w(uint64_t addr, uint32_t data)
{
	unsigned i;

	for (i = 0; i < fx.n_words; i++) {
		if (fx.w[i].addr == addr) {
			fx.w[i].data = data;
			return;
		}
	}
	cr_assert_lt(fx.n_words, TMEM_MAX, "test memory full");
	fx.w[fx.n_words].addr = addr;
	fx.w[fx.n_words].data = data;
	fx.n_words++;
}

static inline void mem_err(uint64_t addr)
{
	cr_assert_lt(fx.n_err, TMEM_ERR_MAX, "test error list full");
	fx.err[fx.n_err++] = addr;
}

static inline void wr(uint32_t off, uint32_t val)
{
	cr_assert_eq(sysmmu_reg_write(fx.m, off, val, 0xF), 0, "write 0x%03x failed", off);
}

static inline uint32_t rd(uint32_t off)
{
	uint32_t val = 0xDEADBEEF;

	cr_assert_eq(sysmmu_reg_read(fx.m, off, &val), 0, "read 0x%03x failed", off);
	return val;
}

static inline struct sysmmu_result xreq(const struct sysmmu_req *req)
{
	struct sysmmu_result res;

	memset(&res, 0xA5, sizeof(res));
	cr_assert_eq(sysmmu_translate(fx.m, req, &res), 0, "translate 0x%08x refused", req->va);
	return res;
}

/* Translate va; write and ns as given, id 0, len 0. */
static inline struct sysmmu_result xl(uint32_t va, bool write, bool ns)
{
	struct sysmmu_req req = { .va = va, .write = write, .ns = ns };

	return xreq(&req);
}

/* A secure read: the common case. */
static inline struct sysmmu_result rd_xl(uint32_t va)
{
	return xl(va, false, false);
}

/* Per-variant register offsets used by many tests. */
static inline uint32_t off_int_status(void)
{
	return fx.v == V5 ? SYSMMU_V5_INT_STATUS : SYSMMU_V3_INT_STATUS;
}

static inline uint32_t off_int_clear(void)
{
	return fx.v == V5 ? SYSMMU_V5_INT_CLEAR : SYSMMU_V3_INT_CLEAR;
}

static inline uint32_t off_int_mask(void)
{
	return fx.v == V5 ? SYSMMU_V5_INT_MASK : SYSMMU_V3_INT_MASK;
}

static inline uint32_t off_flush_all(void)
{
	return fx.v == V5 ? SYSMMU_V5_FLUSH_ALL : SYSMMU_V3_MMU_FLUSH;
}

static inline uint32_t off_flush_entry(void)
{
	return fx.v == V5 ? SYSMMU_V5_FLUSH_ENTRY : SYSMMU_V3_MMU_FLUSH_ENTRY;
}

static inline uint32_t off_tlb_read(void)
{
	return fx.v == V5 ? SYSMMU_V5_TLB_READ : SYSMMU_V3_TLB_READ;
}

static inline uint32_t off_tlb_vpn(void)
{
	return fx.v == V5 ? SYSMMU_V5_TLB_VPN : SYSMMU_V3_TLB_VPN;
}

static inline uint32_t off_tlb_ppn(void)
{
	return fx.v == V5 ? SYSMMU_V5_TLB_PPN : SYSMMU_V3_TLB_PPN;
}

static inline uint32_t off_tlb_attr(void)
{
	return fx.v == V5 ? SYSMMU_V5_TLB_ATTR : SYSMMU_V3_TLB_ATTR;
}

static inline uint32_t off_pm_cnt(unsigned n)
{
	if (fx.v == V5)
		return SYSMMU_V5_PM_CNT0 + SYSMMU_V5_PM_STRIDE * n;
	return SYSMMU_V3_PM_CNT0 + SYSMMU_V3_PM_STRIDE * n;
}

/* Point the walker at V3_L1B / V5_L1B and enable translation. */
static inline void fx_enable(uint32_t cfg)
{
	if (fx.v == V5)
		wr(SYSMMU_V5_PT_BASE_PFN, V5_PFN);
	else
		wr(SYSMMU_V3_PT_BASE_ADDR, V3_L1B);
	wr(SYSMMU_COM_MMU_CFG, cfg);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN);
}

/* Level-1 entry address for va (the tests' own arithmetic, spec §5). */
static inline uint64_t l1_addr(uint32_t va)
{
	return (fx.v == V5 ? V5_L1B : V3_L1B) + (va >> 20) * 4;
}

/*
 * v3 identity section for MiB i, read/write, secure: PA base i << 20,
 * AP0 (bit 10) = 1, type 2.
 */
static inline void map_v3_section_identity(unsigned mib)
{
	mem_w(V3_L1B + mib * 4, (uint32_t)mib << 20 | 0x402);
}

/* Unblock after a fault: CTRL = EN (also clears fault_block). */
static inline void unblock(void)
{
	wr(SYSMMU_COM_MMU_CTRL, rd(SYSMMU_COM_MMU_CTRL) & ~SYSMMU_COM_CTRL_BLOCK);
}

#endif /* TESTS_MODEL_HELPERS_H */
