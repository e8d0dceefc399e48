// SPDX-License-Identifier: Apache-2.0
/*
 * Parser tests: every error path reports "name:line: message" with the right
 * line, and valid lines fill struct vec_op as docs/vectors.md says.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysmmu/regs.h"
#include "sysmmu/vec.h"

#define H5 "sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
#define H3 "sysmmu-vec 1\nvariant 3\ntlb_entries 32\nflpd_entries 8\nid_width 16\n"
#define H5_IDW4 "sysmmu-vec 1\nvariant 5\ntlb_entries 32\nflpd_entries 8\nid_width 4\n"

/* Inline strings: Criterion may run parameters in a fresh process image. */
struct bad {
	char text[200];
	unsigned line;
	char msg[80];      /* a substring of the message */
};

static const struct bad bad_cases[] = {
	{ "", 1, "missing 'sysmmu-vec 1'" },
	{ "# only a comment\n", 1, "missing 'sysmmu-vec 1'" },
	{ "variant 5\n", 1, "first line must be" },
	{ "mem 0 0\n", 1, "first line must be" },
	{ "sysmmu-vec 2\n", 1, "unsupported format version" },
	{ "sysmmu-vec\n", 1, "needs 1 argument" },
	{ "sysmmu-vec 1\nsysmmu-vec 1\n", 2, "duplicate header line 'sysmmu-vec'" },
	{ "sysmmu-vec 1\nvariant 4\n", 2, "variant must be 3 or 5" },
	{ "sysmmu-vec 1\nvariant 6\n", 2, "out of range" },
	{ "sysmmu-vec 1\nvariant five\n", 2, "bad number" },
	{ "sysmmu-vec 1\nvariant 5 3\n", 2, "unexpected '3'" },
	{ H5 "variant 3\n", 6, "duplicate header line 'variant'" },
	{ H5 "tlb_entries 8\n", 6, "duplicate header line 'tlb_entries'" },
	{ H5 "flpd_entries 8\n", 6, "duplicate header line 'flpd_entries'" },
	{ H5 "id_width 8\n", 6, "duplicate header line 'id_width'" },
	{ "sysmmu-vec 1\nvariant 5\ntlb_entries 3\n", 3, "out of range" },
	{ "sysmmu-vec 1\nvariant 5\ntlb_entries 65\n", 3, "out of range" },
	{ "sysmmu-vec 1\nvariant 5\nflpd_entries 0\n", 3, "out of range" },
	{ "sysmmu-vec 1\nvariant 5\nflpd_entries 17\n", 3, "out of range" },
	{ "sysmmu-vec 1\nvariant 5\nid_width 0\n", 3, "out of range" },
	{ "sysmmu-vec 1\nvariant 5\nid_width 17\n", 3, "out of range" },
	{ "sysmmu-vec 1\nvariant 5\nmem 0 0\n", 3, "before the header line 'tlb_entries'" },
	{ "sysmmu-vec 1\nmem 0 0\n", 2, "before the header line 'variant'" },
	{ "sysmmu-vec 1\nvariant 5\ntlb_entries 8\nidle 1\n", 4,
	  "before the header line 'flpd_entries'" },
	{ "sysmmu-vec 1\nvariant 5\ntlb_entries 8\nflpd_entries 2\nidle 1\n", 5,
	  "before the header line 'id_width'" },
	{ "sysmmu-vec 1\nvariant 5\n", 2, "missing header line 'tlb_entries'" },
	{ "sysmmu-vec 1\n", 1, "missing header line 'variant'" },
	{ H5 "idle 1\nvariant 5\n", 7, "header line 'variant' after the first operation" },
	{ H5 "bogus 1\n", 6, "unknown keyword 'bogus'" },
	{ H5 "\n# comment\n\n  bogus\n", 9, "unknown keyword 'bogus'" },
	{ H5 "MEM 0 0\n", 6, "unknown keyword 'MEM'" },
	{ H5 "mem 0x1000\n", 6, "needs 2 arguments" },
	{ H5 "mem 0x1000 1 2\n", 6, "unexpected '2'" },
	{ H5 "mem 0x1002 1\n", 6, "not 4-byte aligned" },
	{ H5 "mem 0x1000000000 1\n", 6, "out of range" },
	{ H3 "mem 0x100000000 1\n", 6, "out of range" },
	{ H5 "mem 0x1000 0x100000000\n", 6, "out of range" },
	{ H5 "mem 0x1g 1\n", 6, "bad number '0x1g'" },
	{ H5 "mem -4 1\n", 6, "bad number '-4'" },
	{ H5 "mem 0x 1\n", 6, "bad number '0x'" },
	{ H5 "mem 12a 1\n", 6, "bad number '12a'" },
	{ H5 "mem 99999999999999999999999 1\n", 6, "bad number" },
	{ H5 "mem 0x10000000000000000 1\n", 6, "bad number" },
	{ H5 "memerr 0x2000 0x1000\n", 6, "memerr range" },
	{ H5 "memerr 0x2000\n", 6, "needs 2 arguments" },
	{ H5 "memerr 0 0x1000000000\n", 6, "out of range" },
	{ H5 "wr NOPE 1\n", 6, "unknown register 'NOPE' for v5" },
	{ H5 "wr MMU_FLUSH 1\n", 6, "unknown register 'MMU_FLUSH' for v5" },
	{ H3 "wr FLUSH_RANGE 1\n", 6, "unknown register 'FLUSH_RANGE' for v3" },
	{ H5 "wr mmu_ctrl 1\n", 6, "unknown register" },
	{ H5 "wr 0x1000 1\n", 6, "out of range" },
	{ H5 "wr MMU_CTRL\n", 6, "needs 2 arguments" },
	{ H5 "wr MMU_CTRL 0x100000000\n", 6, "out of range" },
	{ H5 "wr MMU_CTRL 1 strb=0x10\n", 6, "strb 0x10 out of range" },
	{ H5 "wr MMU_CTRL 1 strb=\n", 6, "bad number '' for strb" },
	{ H5 "wr MMU_CTRL 1 strb=-1\n", 6, "bad number '-1' for strb" },
	{ H5 "wr MMU_CTRL 1 pstrb=0x3\n", 6, "wr: unexpected 'pstrb=0x3'" },
	{ H5 "wr MMU_CTRL 1 strb=0x3 strb=0x3\n", 6, "unexpected 'strb=0x3'" },
	{ H5 "\n\nwr MMU_CFG 1 strb=0xG\n", 8, "bad number '0xG' for strb" },
	{ H5 "rd\n", 6, "usage: rd" },
	{ H5 "rd MMU_CTRL ==\n", 6, "usage: rd" },
	{ H5 "rd MMU_CTRL = 1\n", 6, "expected '=='" },
	{ H5 "rd MMU_CTRL == 1 msk 1\n", 6, "expected 'mask'" },
	{ H5 "rd MMU_CTRL == 3 mask 1\n", 6, "bits outside mask" },
	{ H5 "rd MMU_CTRL == 1 mask\n", 6, "usage: rd" },
	{ H5 "rd MMU_CTRL == zz\n", 6, "bad number" },
	{ H5 "xlate r\n", 6, "usage: xlate" },
	{ H5 "xlate x 0x1000\n", 6, "must be 'r' or 'w'" },
	{ H5 "xlate r 0x100000000\n", 6, "out of range" },
	{ H5 "xlate r 0 id=65536\n", 6, "out of range" },
	{ H5_IDW4 "xlate r 0 id=16\n", 6, "out of range" },
	{ H5 "xlate r 0 len=16\n", 6, "out of range" },
	{ H5 "xlate r 0 foo\n", 6, "unknown attribute 'foo'" },
	{ H5 "xlate r 0 ns ns\n", 6, "duplicate 'ns'" },
	{ H5 "xlate r 0 id=1 id=2\n", 6, "duplicate 'id='" },
	{ H5 "xlate r 0 len=1 len=2\n", 6, "duplicate 'len='" },
	{ H5 "xlate r 0 =>\n", 6, "without an expectation" },
	{ H5 "xlate r 0 => pa=1 fault=page_fault\n", 6, "more than one" },
	{ H5 "xlate r 0 => hit miss\n", 6, "duplicate hit/miss" },
	{ H5 "xlate r 0 => fault=none\n", 6, "unknown fault kind 'none'" },
	{ H5 "xlate r 0 => fault=PAGE_FAULT\n", 6, "unknown fault kind" },
	{ H5 "xlate r 0 => ns\n", 6, "unknown expectation 'ns'" },
	{ H5 "xlate r 0 => pa=1 => hit\n", 6, "duplicate '=>'" },
	{ H5 "xlate r 0 => pa=0x1000000000\n", 6, "out of range" },
	{ H3 "xlate r 0 => pa=0x100000000\n", 6, "out of range" },
	{ H5 "xlate r 0 hit\n", 6, "unknown attribute 'hit'" },
	{ H5 "idle\n", 6, "needs 1 argument" },
	{ H5 "idle 1000001\n", 6, "out of range" },
	{ H5 "isr fault=bogus\n", 6, "unknown fault kind 'bogus'" },
	{ H5 "isr fault=page_fault\n", 6, "needs va=VA" },
	{ H5 "isr fault=page_fault va=0x100000000\n", 6, "out of range" },
	{ H5 "isr fault=none va=1\n", 6, "unexpected 'va=1'" },
	{ H5 "isr va=1\n", 6, "expected 'fault=KIND'" },
	{ H5 "check\n", 6, "usage: check" },
	{ H5 "check irq=2\n", 6, "irq must be 0 or 1" },
	{ H5 "check irq=1 irq=0\n", 6, "duplicate 'irq='" },
	{ H5 "check blocked=1 blocked=1\n", 6, "duplicate 'blocked='" },
	{ H5 "check foo=1\n", 6, "unknown item 'foo=1'" },
	{ H5 "idle 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n", 6, "too many words" },
};

ParameterizedTestParameters(parse, errors)
{
	return cr_make_param_array(struct bad, (void *)bad_cases,
				   sizeof(bad_cases) / sizeof(bad_cases[0]));
}

ParameterizedTest(const struct bad *b, parse, errors)
{
	char err[256], want[64];
	struct vec v;

	cr_assert_eq(vec_parse_string("t.vec", b->text, &v, err, sizeof(err)), -1,
		     "accepted: %s", b->text);
	snprintf(want, sizeof(want), "t.vec:%u: ", b->line);
	cr_assert(!strncmp(err, want, strlen(want)), "wrong line: '%s' (want %s)", err, want);
	cr_assert(strstr(err, b->msg), "message '%s' lacks '%s'", err, b->msg);
	cr_assert_eq(v.n_ops, 0);
	cr_assert_null(v.ops);
}

Test(parse, file_errors)
{
	char err[256];
	struct vec v;

	cr_assert_eq(vec_parse_file("/nonexistent/x.vec", &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "/nonexistent/x.vec: cannot open"), "%s", err);
	cr_assert_eq(vec_parse_file("tests", &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "tests: is a directory"), "%s", err);
}

/* A sparse file: refused by its size, or at its first NUL, never read whole. */
static void sparse(const char *path, const char *head, long size)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	fputs(head, f);
	cr_assert_eq(fflush(f), 0);
	cr_assert_eq(ftruncate(fileno(f), size), 0);
	fclose(f);
}

Test(parse, nul_and_size)
{
	char path[] = "/tmp/vec-sparse-XXXXXX", err[256];
	struct vec v;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	sparse(path, H5 "idle 1\n", 200L << 20);
	cr_assert_eq(vec_parse_file(path, &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "NUL byte at offset 72"), "%s", err);
	sparse(path, "", 600L << 20);
	cr_assert_eq(vec_parse_file(path, &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "629145600 bytes, more than the 512 MiB"), "%s", err);
	unlink(path);
}

static struct vec parse_ok(const char *text)
{
	char err[256] = "";
	struct vec v;

	cr_assert_eq(vec_parse_string("ok.vec", text, &v, err, sizeof(err)), 0, "%s", err);
	return v;
}

Test(parse, header)
{
	struct vec v = parse_ok("# leading comment\n\nsysmmu-vec 1 # trailing\n"
				"id_width 4\nflpd_entries 2\nvariant 3\ntlb_entries 0x40\n");

	cr_assert_eq(v.version, 1);
	cr_assert_eq(v.variant, SYSMMU_V3);
	cr_assert_eq(v.tlb_entries, 64);
	cr_assert_eq(v.flpd_entries, 2);
	cr_assert_eq(v.id_width, 4);
	cr_assert_eq(v.n_ops, 0);
	cr_assert_str_eq(v.name, "ok.vec");
	vec_free(&v);
}

Test(parse, ops)
{
	struct vec v = parse_ok(H5
		"mem 0xFFFFFFFFC 0xDEADBEEF\n"
		"memerr 0x1000 0x1fff   # error region\n"
		"wr MMU_CTRL 5\n"
		"wr 0x7fc 0x1\n"
		"rd INT_STATUS\n"
		"rd MMU_STATUS == 1\n"
		"rd PM_CNT4 == 0x10 mask 0xf0\n"
		"xlate r 0x00123456\n"
		"xlate w 0xffffffff ns id=0xffff len=15 => pa=0xfffffffff hit\n"
		"xlate r 0 => fault=multi_hit\n"
		"xlate r 0 => miss\n"
		"idle 1000000\n"
		"isr\n"
		"isr fault=none\n"
		"isr fault=sec_prot va=0x12345678\n"
		"check irq=1\n"
		"check blocked=0 irq=0\n"
		"wr MMU_CFG 0x4 strb=0x3\n"
		"wr INT_MASK 1 strb=0\n"
		"wr MMU_CTRL 1 strb=0xF\n");
	const struct vec_op *o = v.ops;

	cr_assert_eq(v.n_ops, 20);
	cr_assert(o[2].strb == 0xF && o[3].strb == 0xF);
	cr_assert(o[17].kind == VEC_WR && o[17].addr == SYSMMU_COM_MMU_CFG && o[17].data == 4);
	cr_assert_eq(o[17].strb, 0x3);
	cr_assert_eq(o[18].strb, 0x0);
	cr_assert_eq(o[19].strb, 0xF);
	cr_assert_eq(o[19].line, 25);
	cr_assert(o[0].kind == VEC_MEM && o[0].addr == 0xFFFFFFFFCull && o[0].data == 0xDEADBEEF);
	cr_assert_eq(o[0].line, 6);
	cr_assert(o[1].kind == VEC_MEMERR && o[1].addr == 0x1000 && o[1].addr2 == 0x1fff);
	cr_assert(o[2].kind == VEC_WR && o[2].addr == SYSMMU_COM_MMU_CTRL && o[2].data == 5);
	cr_assert(o[3].kind == VEC_WR && o[3].addr == 0x7fc && o[3].data == 1);
	cr_assert(o[4].kind == VEC_RD && o[4].addr == SYSMMU_V5_INT_STATUS && !o[4].has_expect);
	cr_assert(o[5].has_expect && o[5].data == 1 && o[5].mask == 0xFFFFFFFFu);
	cr_assert(o[6].addr == SYSMMU_V5_PM_CNT0 + 4 * SYSMMU_V5_PM_STRIDE);
	cr_assert(o[6].has_expect && o[6].data == 0x10 && o[6].mask == 0xf0);
	cr_assert(o[7].kind == VEC_XLATE && o[7].addr == 0x123456 && !o[7].write && !o[7].ns);
	cr_assert(o[7].expect == VEC_EXP_NONE && o[7].exp_hit == -1 && o[7].id == 0 && o[7].len == 0);
	cr_assert(o[8].write && o[8].ns && o[8].id == 0xffff && o[8].len == 15);
	cr_assert(o[8].expect == VEC_EXP_PA && o[8].exp_pa == 0xfffffffffull && o[8].exp_hit == 1);
	cr_assert(o[9].expect == VEC_EXP_FAULT && o[9].exp_fault == SYSMMU_FAULT_MULTI_HIT);
	cr_assert(o[10].expect == VEC_EXP_NONE && o[10].exp_hit == 0);
	cr_assert(o[11].kind == VEC_IDLE && o[11].data == 1000000);
	cr_assert(o[12].kind == VEC_ISR && !o[12].has_expect);
	cr_assert(o[13].has_expect && o[13].exp_fault == SYSMMU_FAULT_NONE);
	cr_assert(o[14].exp_fault == SYSMMU_FAULT_SEC_PROT && o[14].exp_va == 0x12345678);
	cr_assert(o[15].exp_irq == 1 && o[15].exp_blocked == -1);
	cr_assert(o[16].exp_irq == 0 && o[16].exp_blocked == 0);
	cr_assert_eq(o[16].line, 22);
	vec_free(&v);
}

Test(parse, register_names_both_variants)
{
	cr_assert_eq(vec_reg_offset(SYSMMU_V3, "MMU_FLUSH"), SYSMMU_V3_MMU_FLUSH);
	cr_assert_eq(vec_reg_offset(SYSMMU_V5, "MMU_FLUSH"), -1);
	cr_assert_eq(vec_reg_offset(SYSMMU_V3, "PM_CNT4"), 0x950);
	cr_assert_eq(vec_reg_offset(SYSMMU_V5, "PM_CNT4"), 0x654);
	cr_assert_eq(vec_reg_offset(SYSMMU_V5, "TLB_ATTR"), SYSMMU_V5_TLB_ATTR);
	cr_assert_str_eq(vec_reg_name(SYSMMU_V3, 0x04C), "FAULT_TRANS_INFO");
	cr_assert_str_eq(vec_reg_name(SYSMMU_V5, 0x088), "AW_TRANS_INFO");
	cr_assert_null(vec_reg_name(SYSMMU_V5, 0x0FC));
}

Test(parse, crlf_and_tabs)
{
	struct vec v = parse_ok("sysmmu-vec 1\r\nvariant\t3\r\ntlb_entries 4\r\n"
				"flpd_entries 1\r\nid_width 1\r\nxlate\tw 0x10 id=1\r\n");

	cr_assert_eq(v.n_ops, 1);
	cr_assert(v.ops[0].write && v.ops[0].id == 1);
	vec_free(&v);
}
