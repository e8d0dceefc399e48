// SPDX-License-Identifier: Apache-2.0
/*
 * Mapping vectors: in-memory form, strict parser and canonical writer.
 * The format is described in docs/vectors.md; keep the two in step.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sysmmu/pte.h"
#include "sysmmu/regs.h"
#include "sysmmu/vec.h"

/* ---- register names ---- */

struct reg_name {
	const char *name;
	uint32_t off;
};

static const struct reg_name v3_regs[] = {
	{ "MMU_CTRL", SYSMMU_COM_MMU_CTRL },
	{ "MMU_CFG", SYSMMU_COM_MMU_CFG },
	{ "MMU_STATUS", SYSMMU_COM_MMU_STATUS },
	{ "MMU_FLUSH", SYSMMU_V3_MMU_FLUSH },
	{ "MMU_FLUSH_ENTRY", SYSMMU_V3_MMU_FLUSH_ENTRY },
	{ "PT_BASE_ADDR", SYSMMU_V3_PT_BASE_ADDR },
	{ "INT_STATUS", SYSMMU_V3_INT_STATUS },
	{ "INT_CLEAR", SYSMMU_V3_INT_CLEAR },
	{ "INT_MASK", SYSMMU_V3_INT_MASK },
	{ "PAGE_FAULT_ADDR", SYSMMU_V3_PAGE_FAULT_ADDR },
	{ "AW_FAULT_ADDR", SYSMMU_V3_AW_FAULT_ADDR },
	{ "AR_FAULT_ADDR", SYSMMU_V3_AR_FAULT_ADDR },
	{ "DEFAULT_SLAVE_ADDR", SYSMMU_V3_DEFAULT_SLAVE_ADDR },
	{ "MMU_VERSION", SYSMMU_COM_MMU_VERSION },
	{ "TLB_READ", SYSMMU_V3_TLB_READ },
	{ "TLB_PPN", SYSMMU_V3_TLB_PPN },
	{ "TLB_VPN", SYSMMU_V3_TLB_VPN },
	{ "FAULT_TRANS_INFO", SYSMMU_V3_FAULT_TRANS_INFO },
	{ "TLB_ATTR", SYSMMU_V3_TLB_ATTR },
	{ "PM_CNT0", SYSMMU_V3_PM_CNT0 + 0 * SYSMMU_V3_PM_STRIDE },
	{ "PM_CNT1", SYSMMU_V3_PM_CNT0 + 1 * SYSMMU_V3_PM_STRIDE },
	{ "PM_CNT2", SYSMMU_V3_PM_CNT0 + 2 * SYSMMU_V3_PM_STRIDE },
	{ "PM_CNT3", SYSMMU_V3_PM_CNT0 + 3 * SYSMMU_V3_PM_STRIDE },
	{ "PM_CNT4", SYSMMU_V3_PM_CNT0 + 4 * SYSMMU_V3_PM_STRIDE },
	{ NULL, 0 },
};

static const struct reg_name v5_regs[] = {
	{ "MMU_CTRL", SYSMMU_COM_MMU_CTRL },
	{ "MMU_CFG", SYSMMU_COM_MMU_CFG },
	{ "MMU_STATUS", SYSMMU_COM_MMU_STATUS },
	{ "PT_BASE_PFN", SYSMMU_V5_PT_BASE_PFN },
	{ "FLUSH_ALL", SYSMMU_V5_FLUSH_ALL },
	{ "FLUSH_ENTRY", SYSMMU_V5_FLUSH_ENTRY },
	{ "FLUSH_RANGE", SYSMMU_V5_FLUSH_RANGE },
	{ "FLUSH_START", SYSMMU_V5_FLUSH_START },
	{ "FLUSH_END", SYSMMU_V5_FLUSH_END },
	{ "CAPA", SYSMMU_V5_CAPA },
	{ "MMU_VERSION", SYSMMU_COM_MMU_VERSION },
	{ "INT_STATUS", SYSMMU_V5_INT_STATUS },
	{ "INT_CLEAR", SYSMMU_V5_INT_CLEAR },
	{ "INT_MASK", SYSMMU_V5_INT_MASK },
	{ "FAULT_AR_VA", SYSMMU_V5_FAULT_AR_VA },
	{ "AR_TRANS_INFO", SYSMMU_V5_AR_TRANS_INFO },
	{ "FAULT_AW_VA", SYSMMU_V5_FAULT_AW_VA },
	{ "AW_TRANS_INFO", SYSMMU_V5_AW_TRANS_INFO },
	{ "PM_CNT0", SYSMMU_V5_PM_CNT0 + 0 * SYSMMU_V5_PM_STRIDE },
	{ "PM_CNT1", SYSMMU_V5_PM_CNT0 + 1 * SYSMMU_V5_PM_STRIDE },
	{ "PM_CNT2", SYSMMU_V5_PM_CNT0 + 2 * SYSMMU_V5_PM_STRIDE },
	{ "PM_CNT3", SYSMMU_V5_PM_CNT0 + 3 * SYSMMU_V5_PM_STRIDE },
	{ "PM_CNT4", SYSMMU_V5_PM_CNT0 + 4 * SYSMMU_V5_PM_STRIDE },
	{ "TLB_READ", SYSMMU_V5_TLB_READ },
	{ "TLB_VPN", SYSMMU_V5_TLB_VPN },
	{ "TLB_PPN", SYSMMU_V5_TLB_PPN },
	{ "TLB_ATTR", SYSMMU_V5_TLB_ATTR },
	{ NULL, 0 },
};

static const struct reg_name *reg_table(enum sysmmu_variant variant)
{
	return variant == SYSMMU_V3 ? v3_regs : v5_regs;
}

int vec_reg_offset(enum sysmmu_variant variant, const char *name)
{
	const struct reg_name *r;

	for (r = reg_table(variant); r->name; r++)
		if (!strcmp(r->name, name))
			return (int)r->off;
	return -1;
}

const char *vec_reg_name(enum sysmmu_variant variant, uint32_t off)
{
	const struct reg_name *r;

	for (r = reg_table(variant); r->name; r++)
		if (r->off == off)
			return r->name;
	return NULL;
}

size_t vec_reg_count(enum sysmmu_variant variant)
{
	const struct reg_name *r;
	size_t n = 0;

	for (r = reg_table(variant); r->name; r++)
		n++;
	return n;
}

const char *vec_reg_at(enum sysmmu_variant variant, size_t i, uint32_t *off)
{
	const struct reg_name *r = reg_table(variant) + i;

	*off = r->off;
	return r->name;
}

/* ---- in-memory vector ---- */

void vec_init(struct vec *v)
{
	memset(v, 0, sizeof(*v));
	v->version = VEC_FORMAT_VERSION;
	v->variant = SYSMMU_V5;
	v->tlb_entries = 32;
	v->flpd_entries = 8;
	v->id_width = 16;
}

void vec_free(struct vec *v)
{
	free(v->ops);
	v->ops = NULL;
	v->n_ops = 0;
	v->cap = 0;
}

int vec_push(struct vec *v, const struct vec_op *op)
{
	if (v->n_ops == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 256;
		struct vec_op *ops = realloc(v->ops, cap * sizeof(*ops));

		if (!ops)
			return -1;
		v->ops = ops;
		v->cap = cap;
	}
	v->ops[v->n_ops++] = *op;
	return 0;
}

void vec_op_init(struct vec_op *op, enum vec_kind kind)
{
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->mask = 0xFFFFFFFFu;
	op->strb = 0xF;
	op->exp_hit = -1;
	op->exp_irq = -1;
	op->exp_blocked = -1;
}

/* ---- fault names ---- */

static const char *const fault_names[SYSMMU_FAULT_KINDS] = {
	"none", "page_fault", "multi_hit", "bus_error", "acc_prot", "sec_prot",
};

const char *vec_fault_name(enum sysmmu_fault f)
{
	if ((unsigned)f >= SYSMMU_FAULT_KINDS)
		return "?";
	return fault_names[f];
}

static int fault_from_name(const char *s)
{
	int i;

	for (i = 0; i < SYSMMU_FAULT_KINDS; i++)
		if (!strcmp(fault_names[i], s))
			return i;
	return -1;
}

/* ---- parser ---- */

#define MAX_TOKENS 16

struct parser {
	const char *name;
	unsigned line;
	char *err;
	size_t errlen;
	struct vec *v;
	bool seen_magic;
	bool seen_variant, seen_tlb, seen_flpd, seen_idw;
	bool in_ops;
	char *tok[MAX_TOKENS];
	int ntok;
};

static int perr(struct parser *p, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (p->err && p->errlen)
		snprintf(p->err, p->errlen, "%s:%u: %s", p->name, p->line, msg);
	return -1;
}

/*
 * Strict number: decimal, or 0x followed by hex digits; no sign, no suffix.
 * Written without <ctype.h>'s locale tables and without a division per digit: it runs for
 * every number of every line, and the parse is a visible part of a short
 * run's start-up (docs/performance.md).
 */
/* Digit value + 1 of every character, 0 for a non-digit. */
static const unsigned char digit_tab[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* 0..15, or 99 for a character that is no hex digit. */
static int digit_value(char c)
{
	int d = digit_tab[(unsigned char)c];

	return d ? d - 1 : 99;
}

static int parse_hex(const char *c, uint64_t *out)
{
	uint64_t val = 0;
	int d;

	if (!*c)
		return -1;
	for (; *c; c++) {
		d = digit_value(*c);
		if (d > 15 || (val >> 60))
			return -1;
		val = (val << 4) | (uint64_t)d;
	}
	*out = val;
	return 0;
}

static int parse_num(const char *s, uint64_t *out)
{
	const uint64_t lim = UINT64_MAX / 10;
	uint64_t val = 0;
	const char *c = s;
	int d;

	if (c[0] == '0' && (c[1] == 'x' || c[1] == 'X'))
		return parse_hex(c + 2, out);
	if (!*c)
		return -1;
	for (; *c; c++) {
		d = digit_value(*c);
		if (d > 9)
			return -1;
		if (val > lim || (val == lim && (uint64_t)d > UINT64_MAX % 10))
			return -1;
		val = val * 10 + (uint64_t)d;
	}
	*out = val;
	return 0;
}

static int num_arg(struct parser *p, const char *s, const char *what,
		   uint64_t max, uint64_t *out)
{
	if (parse_num(s, out))
		return perr(p, "bad number '%s' for %s", s, what);
	if (*out > max)
		return perr(p, "%s %s out of range (max 0x%" PRIx64 ")", what, s, max);
	return 0;
}

static uint64_t pa_max(const struct vec *v)
{
	return (1ull << sysmmu_pa_width(v->variant)) - 1;
}

static int need_args(struct parser *p, int min, int max)
{
	if (p->ntok - 1 < min)
		return perr(p, "'%s' needs %d argument%s", p->tok[0], min, min == 1 ? "" : "s");
	if (p->ntok - 1 > max)
		return perr(p, "'%s': unexpected '%s'", p->tok[0], p->tok[max + 1]);
	return 0;
}

static int header_line(struct parser *p, const char *kw, bool *seen, uint64_t min,
		       uint64_t max, uint64_t *val)
{
	if (p->in_ops)
		return perr(p, "header line '%s' after the first operation", kw);
	if (*seen)
		return perr(p, "duplicate header line '%s'", kw);
	if (need_args(p, 1, 1))
		return -1;
	if (parse_num(p->tok[1], val))
		return perr(p, "bad number '%s' for %s", p->tok[1], kw);
	if (*val < min || *val > max)
		return perr(p, "%s %s out of range (%" PRIu64 "..%" PRIu64 ")",
			    kw, p->tok[1], min, max);
	*seen = true;
	return 0;
}

static int parse_header(struct parser *p)
{
	const char *kw = p->tok[0];
	uint64_t val;

	if (!strcmp(kw, "variant")) {
		if (header_line(p, kw, &p->seen_variant, 3, 5, &val))
			return -1;
		if (val != 3 && val != 5)
			return perr(p, "variant must be 3 or 5, not %s", p->tok[1]);
		p->v->variant = (enum sysmmu_variant)val;
		return 0;
	}
	if (!strcmp(kw, "tlb_entries")) {
		if (header_line(p, kw, &p->seen_tlb, 4, SYSMMU_TLB_MAX, &val))
			return -1;
		p->v->tlb_entries = (unsigned)val;
		return 0;
	}
	if (!strcmp(kw, "flpd_entries")) {
		if (header_line(p, kw, &p->seen_flpd, 1, SYSMMU_FLPD_MAX, &val))
			return -1;
		p->v->flpd_entries = (unsigned)val;
		return 0;
	}
	if (header_line(p, kw, &p->seen_idw, 1, 16, &val))
		return -1;
	p->v->id_width = (unsigned)val;
	return 0;
}

static bool is_header_kw(const char *kw)
{
	return !strcmp(kw, "variant") || !strcmp(kw, "tlb_entries") ||
	       !strcmp(kw, "flpd_entries") || !strcmp(kw, "id_width");
}

static int start_ops(struct parser *p)
{
	if (p->in_ops)
		return 0;
	if (!p->seen_variant)
		return perr(p, "operation before the header line 'variant'");
	if (!p->seen_tlb)
		return perr(p, "operation before the header line 'tlb_entries'");
	if (!p->seen_flpd)
		return perr(p, "operation before the header line 'flpd_entries'");
	if (!p->seen_idw)
		return perr(p, "operation before the header line 'id_width'");
	p->in_ops = true;
	return 0;
}

static int reg_arg(struct parser *p, const char *s, uint32_t *off)
{
	uint64_t val;
	int o;

	if (isdigit((unsigned char)s[0])) {
		if (num_arg(p, s, "register offset", 0xFFF, &val))
			return -1;
		*off = (uint32_t)val;
		return 0;
	}
	o = vec_reg_offset(p->v->variant, s);
	if (o < 0)
		return perr(p, "unknown register '%s' for v%d", s, (int)p->v->variant);
	*off = (uint32_t)o;
	return 0;
}

static int parse_mem(struct parser *p, struct vec_op *op)
{
	uint64_t val;

	if (need_args(p, 2, 2))
		return -1;
	if (num_arg(p, p->tok[1], "address", pa_max(p->v), &op->addr))
		return -1;
	if (op->addr & 3)
		return perr(p, "address %s is not 4-byte aligned", p->tok[1]);
	if (num_arg(p, p->tok[2], "data", 0xFFFFFFFFu, &val))
		return -1;
	op->data = (uint32_t)val;
	return 0;
}

static int parse_memerr(struct parser *p, struct vec_op *op)
{
	if (need_args(p, 2, 2))
		return -1;
	if (num_arg(p, p->tok[1], "address", pa_max(p->v), &op->addr))
		return -1;
	if (num_arg(p, p->tok[2], "address", pa_max(p->v), &op->addr2))
		return -1;
	if (op->addr > op->addr2)
		return perr(p, "memerr range %s > %s", p->tok[1], p->tok[2]);
	return 0;
}

/* wr REG VALUE [strb=0xN] */
static int parse_wr(struct parser *p, struct vec_op *op)
{
	uint32_t off;
	uint64_t val, strb;

	if (need_args(p, 2, 3))
		return -1;
	if (reg_arg(p, p->tok[1], &off))
		return -1;
	if (num_arg(p, p->tok[2], "value", 0xFFFFFFFFu, &val))
		return -1;
	op->addr = off;
	op->data = (uint32_t)val;
	if (p->ntok == 3)
		return 0;
	if (strncmp(p->tok[3], "strb=", 5))
		return perr(p, "wr: unexpected '%s' (only strb=0xN may follow the value)",
			    p->tok[3]);
	if (num_arg(p, p->tok[3] + 5, "strb", 0xF, &strb))
		return -1;
	op->strb = (uint8_t)strb;
	return 0;
}

/* rd REG [== VAL [mask M]] */
static int parse_rd(struct parser *p, struct vec_op *op)
{
	uint32_t off;
	uint64_t val;

	if (p->ntok != 2 && p->ntok != 4 && p->ntok != 6)
		return perr(p, "usage: rd REG [== VALUE [mask MASK]]");
	if (reg_arg(p, p->tok[1], &off))
		return -1;
	op->addr = off;
	if (p->ntok == 2)
		return 0;
	if (strcmp(p->tok[2], "=="))
		return perr(p, "rd: expected '==', got '%s'", p->tok[2]);
	if (num_arg(p, p->tok[3], "value", 0xFFFFFFFFu, &val))
		return -1;
	op->data = (uint32_t)val;
	op->has_expect = true;
	if (p->ntok == 4)
		return 0;
	if (strcmp(p->tok[4], "mask"))
		return perr(p, "rd: expected 'mask', got '%s'", p->tok[4]);
	if (num_arg(p, p->tok[5], "mask", 0xFFFFFFFFu, &val))
		return -1;
	op->mask = (uint32_t)val;
	if (op->data & ~op->mask)
		return perr(p, "rd: value %s has bits outside mask %s", p->tok[3], p->tok[5]);
	return 0;
}

static int fault_arg(struct parser *p, const char *s, bool allow_none, enum sysmmu_fault *f)
{
	int k = fault_from_name(s);

	if (k < 0 || (k == 0 && !allow_none))
		return perr(p, "unknown fault kind '%s'", s);
	*f = (enum sysmmu_fault)k;
	return 0;
}

static int xlate_expect_tok(struct parser *p, struct vec_op *op, const char *t)
{
	uint64_t val;

	if (!strcmp(t, "hit") || !strcmp(t, "miss")) {
		if (op->exp_hit >= 0)
			return perr(p, "xlate: duplicate hit/miss expectation");
		op->exp_hit = !strcmp(t, "hit");
		return 0;
	}
	if (!strncmp(t, "pa=", 3)) {
		if (op->expect != VEC_EXP_NONE)
			return perr(p, "xlate: more than one pa=/fault= expectation");
		if (num_arg(p, t + 3, "pa", pa_max(p->v), &val))
			return -1;
		op->expect = VEC_EXP_PA;
		op->exp_pa = val;
		return 0;
	}
	if (!strncmp(t, "fault=", 6)) {
		if (op->expect != VEC_EXP_NONE)
			return perr(p, "xlate: more than one pa=/fault= expectation");
		if (fault_arg(p, t + 6, false, &op->exp_fault))
			return -1;
		op->expect = VEC_EXP_FAULT;
		return 0;
	}
	return perr(p, "xlate: unknown expectation '%s'", t);
}

static int xlate_attr_tok(struct parser *p, struct vec_op *op, const char *t,
			  bool *seen_id, bool *seen_len)
{
	uint64_t val;

	if (!strcmp(t, "ns")) {
		if (op->ns)
			return perr(p, "xlate: duplicate 'ns'");
		op->ns = true;
		return 0;
	}
	if (!strncmp(t, "id=", 3)) {
		if (*seen_id)
			return perr(p, "xlate: duplicate 'id='");
		if (num_arg(p, t + 3, "id", (1ull << p->v->id_width) - 1, &val))
			return -1;
		op->id = (uint16_t)val;
		*seen_id = true;
		return 0;
	}
	if (!strncmp(t, "len=", 4)) {
		if (*seen_len)
			return perr(p, "xlate: duplicate 'len='");
		if (num_arg(p, t + 4, "len", 15, &val))
			return -1;
		op->len = (uint8_t)val;
		*seen_len = true;
		return 0;
	}
	return perr(p, "xlate: unknown attribute '%s'", t);
}

/* xlate r|w VA [ns] [id=N] [len=N] [=> [pa=PA|fault=KIND] [hit|miss]] */
static int parse_xlate(struct parser *p, struct vec_op *op)
{
	bool seen_id = false, seen_len = false, after = false;
	uint64_t val;
	int i;

	if (p->ntok < 3)
		return perr(p, "usage: xlate r|w VA [ns] [id=N] [len=N] [=> ...]");
	if (!strcmp(p->tok[1], "w"))
		op->write = true;
	else if (strcmp(p->tok[1], "r"))
		return perr(p, "xlate: access must be 'r' or 'w', not '%s'", p->tok[1]);
	if (num_arg(p, p->tok[2], "va", 0xFFFFFFFFu, &val))
		return -1;
	op->addr = val;
	for (i = 3; i < p->ntok; i++) {
		const char *t = p->tok[i];

		if (!strcmp(t, "=>")) {
			if (after)
				return perr(p, "xlate: duplicate '=>'");
			after = true;
			continue;
		}
		if (after ? xlate_expect_tok(p, op, t) :
			    xlate_attr_tok(p, op, t, &seen_id, &seen_len))
			return -1;
	}
	if (after && op->expect == VEC_EXP_NONE && op->exp_hit < 0)
		return perr(p, "xlate: '=>' without an expectation");
	return 0;
}

static int parse_idle(struct parser *p, struct vec_op *op)
{
	uint64_t val;

	if (need_args(p, 1, 1))
		return -1;
	if (num_arg(p, p->tok[1], "cycles", 1000000, &val))
		return -1;
	op->data = (uint32_t)val;
	return 0;
}

/* isr | isr fault=none | isr fault=KIND va=VA */
static int parse_isr(struct parser *p, struct vec_op *op)
{
	uint64_t val;

	if (p->ntok == 1)
		return 0;
	if (strncmp(p->tok[1], "fault=", 6))
		return perr(p, "isr: expected 'fault=KIND', got '%s'", p->tok[1]);
	if (fault_arg(p, p->tok[1] + 6, true, &op->exp_fault))
		return -1;
	op->has_expect = true;
	if (op->exp_fault == SYSMMU_FAULT_NONE)
		return need_args(p, 1, 1);
	if (p->ntok != 3 || strncmp(p->tok[2], "va=", 3))
		return perr(p, "isr: fault=%s needs va=VA", p->tok[1] + 6);
	if (num_arg(p, p->tok[2] + 3, "va", 0xFFFFFFFFu, &val))
		return -1;
	op->exp_va = (uint32_t)val;
	return 0;
}

static int check_bit(struct parser *p, const char *t, const char *key, int *dst)
{
	size_t n = strlen(key);

	if (strncmp(t, key, n) || t[n] != '=')
		return 1;
	if (*dst >= 0)
		return perr(p, "check: duplicate '%s='", key);
	if (strcmp(t + n + 1, "0") && strcmp(t + n + 1, "1"))
		return perr(p, "check: %s must be 0 or 1", key);
	*dst = t[n + 1] - '0';
	return 0;
}

/* check [irq=0|1] [blocked=0|1] (at least one) */
static int parse_check(struct parser *p, struct vec_op *op)
{
	int i, rc;

	if (p->ntok < 2)
		return perr(p, "usage: check [irq=0|1] [blocked=0|1]");
	for (i = 1; i < p->ntok; i++) {
		rc = check_bit(p, p->tok[i], "irq", &op->exp_irq);
		if (rc == 1)
			rc = check_bit(p, p->tok[i], "blocked", &op->exp_blocked);
		if (rc == 1)
			return perr(p, "check: unknown item '%s'", p->tok[i]);
		if (rc)
			return -1;
	}
	return 0;
}

struct op_parser {
	const char *kw;
	enum vec_kind kind;
	int (*fn)(struct parser *p, struct vec_op *op);
};

/* The commonest keyword first: a generated vector is mostly xlate lines. */
static const struct op_parser op_parsers[] = {
	{ "xlate", VEC_XLATE, parse_xlate },
	{ "mem", VEC_MEM, parse_mem },
	{ "wr", VEC_WR, parse_wr },
	{ "rd", VEC_RD, parse_rd },
	{ "memerr", VEC_MEMERR, parse_memerr },
	{ "idle", VEC_IDLE, parse_idle },
	{ "isr", VEC_ISR, parse_isr },
	{ "check", VEC_CHECK, parse_check },
};

static const struct op_parser *find_op(const char *kw)
{
	size_t i;

	for (i = 0; i < sizeof(op_parsers) / sizeof(op_parsers[0]); i++)
		if (!strcmp(kw, op_parsers[i].kw))
			return &op_parsers[i];
	return NULL;
}

static int parse_op(struct parser *p, const struct op_parser *opp)
{
	struct vec_op op;

	if (start_ops(p))
		return -1;
	vec_op_init(&op, opp->kind);
	op.line = p->line;
	if (opp->fn(p, &op))
		return -1;
	if (vec_push(p->v, &op))
		return perr(p, "out of memory");
	return 0;
}

static int parse_magic(struct parser *p)
{
	uint64_t ver;

	if (p->seen_magic)
		return perr(p, "duplicate header line 'sysmmu-vec'");
	if (need_args(p, 1, 1))
		return -1;
	if (parse_num(p->tok[1], &ver) || ver != VEC_FORMAT_VERSION)
		return perr(p, "unsupported format version '%s' (this tool reads %d)",
			    p->tok[1], VEC_FORMAT_VERSION);
	p->seen_magic = true;
	p->v->version = (unsigned)ver;
	return 0;
}

/* Characters between words, and characters that end a word. */
static const bool blank_tab[256] = { [' '] = true, ['\t'] = true, ['\r'] = true };
static const bool word_end_tab[256] = {
	[0] = true, [' '] = true, ['\t'] = true, ['\r'] = true, ['#'] = true,
};

/* Splits a line in place into tokens, dropping a trailing # comment. */
static int tokenize(struct parser *p, char *s)
{
	p->ntok = 0;
	for (;;) {
		while (blank_tab[(unsigned char)*s])
			s++;
		if (!*s || *s == '#')
			return 0;
		if (p->ntok == MAX_TOKENS)
			return perr(p, "too many words on one line");
		p->tok[p->ntok++] = s;
		while (!word_end_tab[(unsigned char)*s])
			s++;
		if (*s == '#') {
			*s = 0;
			return 0;
		}
		if (*s)
			*s++ = 0;
	}
}

static int parse_line(struct parser *p, char *s)
{
	const struct op_parser *opp;

	if (tokenize(p, s))
		return -1;
	if (!p->ntok)
		return 0;
	opp = find_op(p->tok[0]);
	if (opp && p->seen_magic)
		return parse_op(p, opp);
	if (!strcmp(p->tok[0], "sysmmu-vec"))
		return parse_magic(p);
	if (!p->seen_magic)
		return perr(p, "first line must be 'sysmmu-vec %d'", VEC_FORMAT_VERSION);
	if (is_header_kw(p->tok[0]))
		return parse_header(p);
	return perr(p, "unknown keyword '%s'", p->tok[0]);
}

/*
 * One slot per line up front (up to a million), so the ops do not realloc
 * and copy while they grow. Only a hint: if it fails, vec_push grows them.
 */
static void reserve_lines(struct vec *v, const char *text)
{
	size_t lines = 1;
	struct vec_op *ops;

	for (text = strchr(text, '\n'); text && lines < (1u << 20); text = strchr(text + 1, '\n'))
		lines++;
	if (lines <= v->cap)
		return;
	ops = realloc(v->ops, lines * sizeof(*ops));
	if (!ops)
		return;
	v->ops = ops;
	v->cap = lines;
}

static int parse_text(struct parser *p, char *text)
{
	char *s = text;

	p->line = 0;
	while (*s) {
		char *nl = strchr(s, '\n');

		p->line++;
		if (nl)
			*nl = 0;
		if ((nl ? (size_t)(nl - s) : strlen(s)) > 4096)
			return perr(p, "line too long");
		if (parse_line(p, s))
			return -1;
		if (!nl)
			break;
		s = nl + 1;
	}
	if (!p->seen_magic) {
		p->line = p->line ? p->line : 1;
		return perr(p, "empty vector: missing 'sysmmu-vec %d'", VEC_FORMAT_VERSION);
	}
	if (!p->seen_variant)
		return perr(p, "end of file: missing header line 'variant'");
	if (!p->seen_tlb)
		return perr(p, "end of file: missing header line 'tlb_entries'");
	if (!p->seen_flpd)
		return perr(p, "end of file: missing header line 'flpd_entries'");
	if (!p->seen_idw)
		return perr(p, "end of file: missing header line 'id_width'");
	return 0;
}

/* Parses TEXT in place (it is cut into tokens); the caller frees it. */
static int parse_owned(const char *name, char *text, struct vec *v, char *err, size_t errlen)
{
	struct parser p = { .name = name, .err = err, .errlen = errlen, .v = v };
	int rc;

	vec_init(v);
	snprintf(v->name, sizeof(v->name), "%s", name);
	reserve_lines(v, text);
	rc = parse_text(&p, text);
	if (rc)
		vec_free(v);
	return rc;
}

int vec_parse_string(const char *name, const char *text, struct vec *v,
		     char *err, size_t errlen)
{
	struct parser p = { .name = name, .err = err, .errlen = errlen, .v = v };
	char *copy = strdup(text);
	int rc;

	if (!copy) {
		vec_init(v);
		snprintf(v->name, sizeof(v->name), "%s", name);
		return perr(&p, "out of memory");
	}
	rc = parse_owned(name, copy, v, err, errlen);
	free(copy);
	return rc;
}

/*
 * Reads a whole vector file, but never more than VEC_MAX_FILE_BYTES and
 * nothing past the first NUL byte: a 1 GiB sparse file is refused after
 * its first 64 KiB, not after reading it all into memory.
 */
#define VEC_MAX_FILE_BYTES (512u << 20)

enum slurp_rc { SLURP_OK, SLURP_NOMEM, SLURP_NUL, SLURP_BIG, SLURP_READ };

static enum slurp_rc slurp(FILE *f, char **out, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = malloc(cap + 1), *nb;

	if (!buf)
		return SLURP_NOMEM;
	for (;;) {
		got = fread(buf + n, 1, cap - n, f);
		if (memchr(buf + n, 0, got)) {
			*len = n + (size_t)((char *)memchr(buf + n, 0, got) - (buf + n));
			free(buf);
			return SLURP_NUL;
		}
		n += got;
		if (n < cap)
			break;
		if (cap >= VEC_MAX_FILE_BYTES) {
			free(buf);
			return SLURP_BIG;
		}
		cap *= 2;
		nb = realloc(buf, cap + 1);
		if (!nb) {
			free(buf);
			return SLURP_NOMEM;
		}
		buf = nb;
	}
	if (ferror(f)) {
		free(buf);
		return SLURP_READ;
	}
	buf[n] = 0;
	*out = buf;
	*len = n;
	return SLURP_OK;
}

/* A directory, a device or a file above the size limit: refused before reading. */
static int check_file(FILE *f, const char *path, char *err, size_t errlen)
{
	struct stat st;

	if (fstat(fileno(f), &st))
		return 0;
	if (S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory, not a vector file", path);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > VEC_MAX_FILE_BYTES) {
		snprintf(err, errlen, "%s: %" PRIu64 " bytes, more than the %u MiB a vector file may have",
			 path, (uint64_t)st.st_size, VEC_MAX_FILE_BYTES >> 20);
		return -1;
	}
	return 0;
}

static int read_file(FILE *f, const char *path, char **text, char *err, size_t errlen)
{
	int saved;
	size_t len = 0;

	if (check_file(f, path, err, errlen))
		return -1;
	errno = 0;
	switch (slurp(f, text, &len)) {
	case SLURP_OK:
		return 0;
	case SLURP_NOMEM:
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	case SLURP_NUL:
		snprintf(err, errlen, "%s: NUL byte at offset %zu (not a text file)", path, len);
		return -1;
	case SLURP_BIG:
		snprintf(err, errlen, "%s: more than the %u MiB a vector file may have", path,
			 VEC_MAX_FILE_BYTES >> 20);
		return -1;
	case SLURP_READ:
		break;
	}
	saved = errno;
	snprintf(err, errlen, "%s: cannot read: %s", path, saved ? strerror(saved) : "read error");
	return -1;
}

int vec_parse_file(const char *path, struct vec *v, char *err, size_t errlen)
{
	bool is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "r");
	char *text = NULL;
	int rc;

	vec_init(v);
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	rc = read_file(f, path, &text, err, errlen);
	if (!is_stdin)
		fclose(f);
	if (rc)
		return -1;
	rc = parse_owned(path, text, v, err, errlen);
	free(text);
	return rc;
}

/* ---- writer ---- */

static void fmt_pa(const struct vec *v, char *buf, size_t len, uint64_t pa)
{
	if (v->variant == SYSMMU_V5)
		snprintf(buf, len, "0x%09" PRIx64, pa);
	else
		snprintf(buf, len, "0x%08" PRIx64, pa);
}

static void fmt_reg(const struct vec *v, char *buf, size_t len, uint32_t off)
{
	const char *name = vec_reg_name(v->variant, off);

	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "0x%03x", off);
}

static size_t fmt_xlate(const struct vec *v, const struct vec_op *op, char *buf, size_t len)
{
	char pa[32];
	size_t n;

	n = (size_t)snprintf(buf, len, "xlate %c 0x%08" PRIx32, op->write ? 'w' : 'r',
			     (uint32_t)op->addr);
	if (op->ns && n < len)
		n += (size_t)snprintf(buf + n, len - n, " ns");
	if (op->id && n < len)
		n += (size_t)snprintf(buf + n, len - n, " id=%u", op->id);
	if (op->len && n < len)
		n += (size_t)snprintf(buf + n, len - n, " len=%u", op->len);
	if (op->expect == VEC_EXP_NONE && op->exp_hit < 0)
		return n;
	if (n < len)
		n += (size_t)snprintf(buf + n, len - n, " =>");
	if (op->expect == VEC_EXP_PA && n < len) {
		fmt_pa(v, pa, sizeof(pa), op->exp_pa);
		n += (size_t)snprintf(buf + n, len - n, " pa=%s", pa);
	} else if (op->expect == VEC_EXP_FAULT && n < len) {
		n += (size_t)snprintf(buf + n, len - n, " fault=%s", vec_fault_name(op->exp_fault));
	}
	if (op->exp_hit >= 0 && n < len)
		n += (size_t)snprintf(buf + n, len - n, " %s", op->exp_hit ? "hit" : "miss");
	return n;
}

static void fmt_rd(const struct vec *v, const struct vec_op *op, char *buf, size_t len)
{
	char reg[32];

	fmt_reg(v, reg, sizeof(reg), (uint32_t)op->addr);
	if (!op->has_expect)
		snprintf(buf, len, "rd %s", reg);
	else if (op->mask == 0xFFFFFFFFu)
		snprintf(buf, len, "rd %s == 0x%08" PRIx32, reg, op->data);
	else
		snprintf(buf, len, "rd %s == 0x%08" PRIx32 " mask 0x%08" PRIx32,
			 reg, op->data, op->mask);
}

static void fmt_isr(const struct vec_op *op, char *buf, size_t len)
{
	if (!op->has_expect)
		snprintf(buf, len, "isr");
	else if (op->exp_fault == SYSMMU_FAULT_NONE)
		snprintf(buf, len, "isr fault=none");
	else
		snprintf(buf, len, "isr fault=%s va=0x%08" PRIx32,
			 vec_fault_name(op->exp_fault), op->exp_va);
}

static void fmt_check(const struct vec_op *op, char *buf, size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "check");

	if (op->exp_irq >= 0 && n < len)
		n += (size_t)snprintf(buf + n, len - n, " irq=%d", op->exp_irq);
	if (op->exp_blocked >= 0 && n < len)
		snprintf(buf + n, len - n, " blocked=%d", op->exp_blocked);
}

void vec_format_op(const struct vec *v, const struct vec_op *op, char *buf, size_t len)
{
	char a[32], b[32];

	switch (op->kind) {
	case VEC_MEM:
		fmt_pa(v, a, sizeof(a), op->addr);
		snprintf(buf, len, "mem %s 0x%08" PRIx32, a, op->data);
		return;
	case VEC_MEMERR:
		fmt_pa(v, a, sizeof(a), op->addr);
		fmt_pa(v, b, sizeof(b), op->addr2);
		snprintf(buf, len, "memerr %s %s", a, b);
		return;
	case VEC_WR:
		fmt_reg(v, a, sizeof(a), (uint32_t)op->addr);
		if (op->strb == 0xF)
			snprintf(buf, len, "wr %s 0x%08" PRIx32, a, op->data);
		else
			snprintf(buf, len, "wr %s 0x%08" PRIx32 " strb=0x%x", a, op->data,
				 (unsigned)op->strb);
		return;
	case VEC_RD:
		fmt_rd(v, op, buf, len);
		return;
	case VEC_XLATE:
		fmt_xlate(v, op, buf, len);
		return;
	case VEC_IDLE:
		snprintf(buf, len, "idle %" PRIu32, op->data);
		return;
	case VEC_ISR:
		fmt_isr(op, buf, len);
		return;
	case VEC_CHECK:
		fmt_check(op, buf, len);
		return;
	}
	snprintf(buf, len, "# unknown op kind %d", (int)op->kind);
}

int vec_write(FILE *f, const struct vec *v)
{
	char buf[256];
	size_t i;

	fprintf(f, "sysmmu-vec %u\nvariant %d\ntlb_entries %u\nflpd_entries %u\nid_width %u\n",
		v->version, (int)v->variant, v->tlb_entries, v->flpd_entries, v->id_width);
	for (i = 0; i < v->n_ops; i++) {
		vec_format_op(v, &v->ops[i], buf, sizeof(buf));
		fputs(buf, f);
		fputc('\n', f);
	}
	fflush(f);
	return ferror(f) ? -1 : 0;
}
