// SPDX-License-Identifier: Apache-2.0
/*
 * Writer tests: canonical files come back byte for byte, parse(write(v))
 * gives the same ops, and every directed vector survives the round trip.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/vec.h"

static char *write_str(const struct vec *v)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cr_assert_not_null(f);
	cr_assert_eq(vec_write(f, v), 0);
	fclose(f);
	return buf;
}

/* Same ops, field by field (the source line aside). */
static void assert_same(const struct vec *a, const struct vec *b)
{
	size_t i;

	cr_assert_eq(a->variant, b->variant);
	cr_assert_eq(a->tlb_entries, b->tlb_entries);
	cr_assert_eq(a->flpd_entries, b->flpd_entries);
	cr_assert_eq(a->id_width, b->id_width);
	cr_assert_eq(a->n_ops, b->n_ops);
	for (i = 0; i < a->n_ops; i++) {
		struct vec_op x = a->ops[i], y = b->ops[i];

		x.line = y.line = 0;
		cr_assert(!memcmp(&x, &y, sizeof(x)), "op %zu differs", i);
	}
}

static const char canonical_v5[] =
	"sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
	"mem 0x000100004 0x8400003a\n"
	"memerr 0x030000000 0x0300003ff\n"
	"wr MMU_CTRL 0x00000007\n"
	"wr 0x0fc 0x00000001\n"
	"wr MMU_CFG 0x00000004 strb=0x7\n"
	"wr INT_MASK 0x0000001f strb=0x0\n"
	"rd MMU_STATUS == 0x00000001\n"
	"rd INT_STATUS == 0x00000010 mask 0x000000f0\n"
	"rd PM_CNT0\n"
	"xlate r 0x00123456\n"
	"xlate w 0xffffffff ns id=65535 len=15 => pa=0xfffffffff hit\n"
	"xlate r 0x00000000 => fault=bus_error\n"
	"xlate r 0x00000000 => miss\n"
	"idle 3\n"
	"isr\n"
	"isr fault=none\n"
	"isr fault=page_fault va=0x00500000\n"
	"check irq=1 blocked=0\n"
	"check blocked=1\n";

static const char canonical_v3[] =
	"sysmmu-vec 1\nvariant 3\ntlb_entries 4\nflpd_entries 1\nid_width 8\n"
	"mem 0x00100004 0x84080402\n"
	"wr MMU_FLUSH_ENTRY 0x00123001\n"
	"rd DEFAULT_SLAVE_ADDR == 0x00000000\n"
	"xlate r 0x00123456 id=255 => pa=0x84023456 miss\n";

static void identity(const char *text)
{
	char err[256];
	struct vec v, w;
	char *out;

	cr_assert_eq(vec_parse_string("c.vec", text, &v, err, sizeof(err)), 0, "%s", err);
	out = write_str(&v);
	cr_assert_str_eq(out, text);
	cr_assert_eq(vec_parse_string("c.vec", out, &w, err, sizeof(err)), 0, "%s", err);
	assert_same(&v, &w);
	free(out);
	vec_free(&v);
	vec_free(&w);
}

Test(write, canonical_identity_v5)
{
	identity(canonical_v5);
}

Test(write, canonical_identity_v3)
{
	identity(canonical_v3);
}

Test(write, normalizes_spelling)
{
	const char *in = "sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
		"  wr 0x000 5   # comment\nxlate r 4096 => miss pa=0X1000\nrd 0x060 == 0\n";
	const char *want = "sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
		"wr MMU_CTRL 0x00000005\nxlate r 0x00001000 => pa=0x000001000 miss\n"
		"rd INT_STATUS == 0x00000000\n";
	char err[256];
	struct vec v;
	char *out;

	cr_assert_eq(vec_parse_string("n.vec", in, &v, err, sizeof(err)), 0, "%s", err);
	out = write_str(&v);
	cr_assert_str_eq(out, want);
	free(out);
	vec_free(&v);
}

Test(write, format_op)
{
	struct vec v;
	struct vec_op op;
	char buf[128];

	vec_init(&v);
	vec_op_init(&op, VEC_XLATE);
	op.addr = 0x1000;
	op.expect = VEC_EXP_FAULT;
	op.exp_fault = SYSMMU_FAULT_ACC_PROT;
	vec_format_op(&v, &op, buf, sizeof(buf));
	cr_assert_str_eq(buf, "xlate r 0x00001000 => fault=acc_prot");
	vec_op_init(&op, VEC_CHECK);
	op.exp_irq = 0;
	vec_format_op(&v, &op, buf, sizeof(buf));
	cr_assert_str_eq(buf, "check irq=0");
	vec_op_init(&op, VEC_WR);
	cr_assert_eq(op.strb, 0xF);
	op.data = 1;
	vec_format_op(&v, &op, buf, sizeof(buf));
	cr_assert_str_eq(buf, "wr MMU_CTRL 0x00000001");
	op.strb = 0xE;
	vec_format_op(&v, &op, buf, sizeof(buf));
	cr_assert_str_eq(buf, "wr MMU_CTRL 0x00000001 strb=0xe");
}

/* strb=0xF is the default: accepted, and the writer leaves it out. */
Test(write, strb_full_is_omitted)
{
	const char *in = "sysmmu-vec 1\nvariant 3\ntlb_entries 4\nflpd_entries 1\nid_width 8\n"
		"wr INT_MASK 3 strb=0xF\nwr INT_MASK 3 strb=0XB\n";
	const char *want = "sysmmu-vec 1\nvariant 3\ntlb_entries 4\nflpd_entries 1\nid_width 8\n"
		"wr INT_MASK 0x00000003\nwr INT_MASK 0x00000003 strb=0xb\n";
	char err[256];
	struct vec v;
	char *out;

	cr_assert_eq(vec_parse_string("s.vec", in, &v, err, sizeof(err)), 0, "%s", err);
	out = write_str(&v);
	cr_assert_str_eq(out, want);
	free(out);
	vec_free(&v);
}

Test(write, every_directed_vector_round_trips)
{
	glob_t gl;
	size_t i;

	cr_assert_eq(glob("vectors/directed/*.vec", 0, NULL, &gl), 0,
		     "no vectors/directed/*.vec (run from the repository root)");
	for (i = 0; i < gl.gl_pathc; i++) {
		char err[512], *once, *twice;
		struct vec v, w;

		cr_assert_eq(vec_parse_file(gl.gl_pathv[i], &v, err, sizeof(err)), 0, "%s", err);
		once = write_str(&v);
		cr_assert_eq(vec_parse_string(gl.gl_pathv[i], once, &w, err, sizeof(err)), 0,
			     "%s", err);
		assert_same(&v, &w);
		twice = write_str(&w);
		cr_assert_str_eq(once, twice, "%s: writer not idempotent", gl.gl_pathv[i]);
		free(once);
		free(twice);
		vec_free(&v);
		vec_free(&w);
	}
	globfree(&gl);
}
