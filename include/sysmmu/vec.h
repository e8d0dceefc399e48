/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mapping vectors: in-memory form, parser and writer (docs/vectors.md),
 * the sparse memory shared by model and RTL, the executor that runs a vector
 * on the reference model, and the generator.
 */
#ifndef SYSMMU_VEC_H
#define SYSMMU_VEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sysmmu/model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define VEC_FORMAT_VERSION 1

enum vec_kind {
	VEC_MEM,     /* backdoor write: addr, data */
	VEC_MEMERR,  /* error region: addr .. addr2 inclusive */
	VEC_WR,      /* register write: addr = offset, data */
	VEC_RD,      /* register read: addr = offset, optional expect data/mask */
	VEC_XLATE,   /* translation request */
	VEC_IDLE,    /* data = cycles */
	VEC_ISR,     /* interrupt service, as the Linux driver does */
	VEC_CHECK,   /* expect irq / blocked */
};

/* Expected translation outcome. */
enum vec_expect {
	VEC_EXP_NONE,
	VEC_EXP_PA,
	VEC_EXP_FAULT,
};

struct vec_op {
	enum vec_kind kind;
	unsigned line;       /* source line, 0 when generated in memory */
	uint64_t addr;
	uint64_t addr2;
	uint32_t data;
	uint32_t mask;       /* RD: compare mask (default 0xFFFFFFFF) */
	uint8_t strb;        /* WR: APB PSTRB, 0x0..0xF (default 0xF) */
	bool has_expect;     /* RD: data/mask is an expectation; ISR: fault/va */
	/* XLATE */
	bool write;
	bool ns;
	uint16_t id;
	uint8_t len;
	enum vec_expect expect;
	uint64_t exp_pa;
	enum sysmmu_fault exp_fault;  /* XLATE and ISR */
	int exp_hit;         /* -1 no expectation, 0 miss, 1 hit */
	uint32_t exp_va;     /* ISR: expected fault VA (has_expect) */
	/* CHECK: -1 = not checked */
	int exp_irq;
	int exp_blocked;
};

struct vec {
	unsigned version;
	enum sysmmu_variant variant;
	unsigned tlb_entries;
	unsigned flpd_entries;
	unsigned id_width;
	char name[256];      /* file name or "gen:seed=..,profile=.." */
	struct vec_op *ops;
	size_t n_ops;
	size_t cap;
};

void vec_init(struct vec *v);
void vec_free(struct vec *v);
/* Appends a copy; returns 0, or -1 when out of memory. */
int vec_push(struct vec *v, const struct vec_op *op);

/*
 * Strict parser. On error returns -1 and writes "file:line: message" into
 * err (errlen bytes). On success returns 0.
 */
int vec_parse_file(const char *path, struct vec *v, char *err, size_t errlen);
int vec_parse_string(const char *name, const char *text, struct vec *v,
		     char *err, size_t errlen);
/* Canonical writer: parse(write(v)) == v and write(parse(f)) == f for
 * canonical files. Returns 0 or -1 on I/O error. */
int vec_write(FILE *f, const struct vec *v);
/* One op in canonical form, without newline (for reports). */
void vec_format_op(const struct vec *v, const struct vec_op *op, char *buf, size_t len);
/* Zeroes op and sets the defaults (mask, strb = 0xF, exp_hit, exp_irq,
 * exp_blocked = no expectation); use it before filling an op by hand. */
void vec_op_init(struct vec_op *op, enum vec_kind kind);
/* Register name <-> offset of a variant (names as in docs/spec.md §9).
 * vec_reg_offset returns -1 for an unknown name, vec_reg_name NULL. */
int vec_reg_offset(enum sysmmu_variant variant, const char *name);
const char *vec_reg_name(enum sysmmu_variant variant, uint32_t off);
/* The variant's registers in map order, for tables that list them all
 * (coverage bins, reports): i < vec_reg_count(); *off gets the offset. */
size_t vec_reg_count(enum sysmmu_variant variant);
const char *vec_reg_at(enum sysmmu_variant variant, size_t i, uint32_t *off);
/* Vector spelling of a fault kind: none, page_fault, multi_hit, ... */
const char *vec_fault_name(enum sysmmu_fault f);

/* ---- sparse memory (36-bit physical space) ---- */
struct vmem;
struct vmem *vmem_create(void);
void vmem_destroy(struct vmem *m);
void vmem_write32(struct vmem *m, uint64_t pa, uint32_t data);
/* Returns 0, or -1 if pa is in an error region; unwritten memory reads 0. */
int vmem_read32(const struct vmem *m, uint64_t pa, uint32_t *data);
/*
 * R data for the n-th erroring read, at pa, that a harness drives: junk that
 * often looks like a descriptor (hashed upper bits; the low 3 type bits take
 * every value in turn). The spec ignores it (§5); the harness proves that.
 */
uint32_t vmem_error_junk(uint64_t pa, unsigned n);
void vmem_add_error(struct vmem *m, uint64_t lo, uint64_t hi);
/* Matches sysmmu_mem_read_fn (ctx = struct vmem *). */
int vmem_read_cb(void *ctx, uint64_t pa, uint32_t *data);

/*
 * What the driver learns from INT_STATUS bit `bit` (spec §8.1, §8.2): the
 * fault kind (NONE for a bit no fault sets), whether it is a write-side bit,
 * and the VA and TRANS_INFO registers the ISR reads for it. Shared by the
 * executor's isr, the generator's bookkeeping and the TLM test.
 */
struct vec_isr_src {
	enum sysmmu_fault kind;
	bool write;
	uint32_t va_reg;
	uint32_t info_reg;
};
void vec_isr_source(enum sysmmu_variant variant, unsigned bit, struct vec_isr_src *s);

/*
 * PSTRB that a harness drives on its n-th APB read. APB reads ignore PSTRB
 * (spec §9) and AMBA APB4 masters drive it low; every harness cycles through
 * 0, 0xF and two partial values, one per read, to prove the RTL ignores it.
 * A counter, not the timing RNG, so no cycle count changes.
 */
unsigned vec_read_strb(unsigned n);

/* ---- executor: runs a vector on the reference model ----
 *
 * Semantics (docs/vectors.md "pending requests"): an XLATE op that the model
 * cannot accept (blocked), or that arrives while earlier requests are still
 * pending, is queued. After every register write the queue drains in order
 * while the model accepts. ISR ops expand into register accesses.
 * The hooks let a harness replay every step on the RTL in the same order.
 */
struct vexec_hooks {
	void *ctx;
	/* backdoor memory write / error region (already applied to vmem) */
	void (*mem)(void *ctx, const struct vec_op *op);
	/* every register access the model performed, in order */
	void (*reg)(void *ctx, const struct vec_op *op, bool write, uint32_t off,
		    uint32_t wdata, uint32_t model_rdata, int model_err);
	/* an XLATE op was issued (vector order) */
	void (*issue)(void *ctx, const struct vec_op *op, const struct sysmmu_req *req);
	/* the model accepted and translated a request (acceptance order) */
	void (*xlate)(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		      const struct sysmmu_result *res);
	void (*idle)(void *ctx, const struct vec_op *op, unsigned cycles);
	/* CHECK op: model irq and blocked values */
	void (*check)(void *ctx, const struct vec_op *op, bool irq, bool blocked);
	/* a vector expectation did not hold on the model */
	void (*expect_fail)(void *ctx, const struct vec_op *op, const char *msg);
};

struct vexec;
struct vexec *vexec_create(const struct vec *v, struct sysmmu *model,
			   struct vmem *mem, const struct vexec_hooks *hooks);
void vexec_destroy(struct vexec *x);
/* Executes op number i (ops must be run in order 0..n-1). */
void vexec_step(struct vexec *x, size_t i);
/* Number of requests issued but not yet accepted by the model. */
size_t vexec_pending(const struct vexec *x);
/* Expectation failures so far. */
unsigned vexec_failures(const struct vexec *x);

/* ---- generator (docs/vectors.md "generator") ---- */
struct gen_opts {
	uint64_t seed;
	size_t ops;               /* translation + control operations to emit */
	const char *profile;      /* driver, tlb, faults, stress, bypass */
	enum sysmmu_variant variant;
	unsigned tlb_entries;
	unsigned flpd_entries;
};
/* Returns 0, or -1 with a message in err (e.g. unknown profile). */
int sysmmu_gen(const struct gen_opts *o, struct vec *out, char *err, size_t errlen);
/* Optional knobs on top of a profile; a negative value (0 for pool) keeps the
 * profile's own value. Percentages 0..100. */
struct gen_knobs {
	int locality;   /* translations that reuse a recently used page */
	int misbehave;  /* skipped flushes and other rule breaking */
	int unmapped;   /* translations to unmapped VAs */
	int xlate_pct;  /* share of translations among all actions (mix) */
	int pool;       /* 1 MiB VA slots software maps into */
};
int sysmmu_gen_knobs(const struct gen_opts *o, const struct gen_knobs *k,
		     struct vec *out, char *err, size_t errlen);
/* NULL-terminated list of profile names. */
extern const char *const sysmmu_gen_profiles[];

#ifdef __cplusplus
}
#endif

#endif /* SYSMMU_VEC_H */
