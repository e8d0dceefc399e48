// SPDX-License-Identifier: Apache-2.0
/*
 * The command-line number parser (tb/num.c): decimal or 0x hex in a range,
 * and nothing strtoull() would bend into a number (blanks, signs, octal,
 * overflow, clamping). Its message names the option and the range.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "num.h"

static int parse(const char *s, uint64_t min, uint64_t max, uint64_t *v, char *err)
{
	return num_parse("--x", s, min, max, v, err, 200);
}

Test(num, accepts)
{
	char err[200];
	uint64_t v;

	cr_assert_eq(parse("0", 0, 10, &v, err), 0);
	cr_assert_eq(v, 0);
	cr_assert_eq(parse("10", 0, 10, &v, err), 0);
	cr_assert_eq(v, 10);
	cr_assert_eq(parse("0x1F", 0, 100, &v, err), 0);
	cr_assert_eq(v, 31);
	cr_assert_eq(parse("0Xff", 0, 255, &v, err), 0);
	cr_assert_eq(v, 255);
	cr_assert_eq(parse("18446744073709551615", 0, UINT64_MAX, &v, err), 0);
	cr_assert_eq(v, UINT64_MAX);
	cr_assert_eq(parse("0xFFFFFFFFFFFFFFFF", 0, UINT64_MAX, &v, err), 0);
	cr_assert_eq(v, UINT64_MAX);
}

Test(num, refuses)
{
	static const char *const bad[] = {
		"", " 5", "5 ", " -5", "-5", "+5", "010", "00", "08", "0x", "0x-1", "1e3", "12a",
		"18446744073709551616", "99999999999999999999999", "0x10000000000000000", "\t1",
	};
	char err[200];
	uint64_t v = 42;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cr_assert_eq(parse(bad[i], 0, UINT64_MAX, &v, err), -1, "'%s' accepted", bad[i]);
		cr_assert_eq(v, 42, "'%s' wrote the result", bad[i]);
		cr_assert(strstr(err, "--x must be a number in 0..18446744073709551615"), "%s", err);
	}
	cr_assert_eq(num_parse("--x", NULL, 0, 1, &v, err, sizeof(err)), -1);
}

Test(num, range)
{
	char err[200];
	uint64_t v;

	cr_assert_eq(parse("0", 1, 16, &v, err), -1);
	cr_assert_str_eq(err, "--x must be a number in 1..16 (decimal or 0x hex), got '0'");
	cr_assert_eq(parse("17", 1, 16, &v, err), -1);
	cr_assert_eq(parse("0x10", 1, 16, &v, err), 0);
	cr_assert_eq(parse("010", 0, 100, &v, err), -1);
	cr_assert(strstr(err, "(no leading zeros)"), "%s", err);
}
