// SPDX-License-Identifier: Apache-2.0
/*
 * Strict command-line numbers (tb/common/num.h). strtoull() skips blanks,
 * takes "-5" as 2^64-5, reads "010" as octal and clamps overflow to
 * ULLONG_MAX; every one of those turned a typo into a different run.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>

#include "num.h"

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Digits of base 10 or 16 up to the end of s, without overflow. */
static bool digits(const char *s, unsigned base, uint64_t *out)
{
	uint64_t v = 0;
	int d;

	if (!*s)
		return false;
	for (; *s; s++) {
		d = hex_digit(*s);
		if (d < 0 || (unsigned)d >= base)
			return false;
		if (v > (UINT64_MAX - (unsigned)d) / base)
			return false;
		v = v * base + (unsigned)d;
	}
	*out = v;
	return true;
}

static bool parse(const char *s, uint64_t *out)
{
	if (!s)
		return false;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return digits(s + 2, 16, out);
	/* "0" alone; "010" is refused rather than guessed (octal or ten?) */
	if (s[0] == '0' && s[1])
		return false;
	return digits(s, 10, out);
}

int num_parse(const char *opt, const char *s, uint64_t min, uint64_t max,
	      uint64_t *out, char *err, size_t errlen)
{
	uint64_t v;

	if (parse(s, &v) && v >= min && v <= max) {
		*out = v;
		return 0;
	}
	snprintf(err, errlen, "%s must be a number in %" PRIu64 "..%" PRIu64
		 " (decimal or 0x hex), got '%s'%s", opt, min, max, s ? s : "",
		 s && s[0] == '0' && s[1] >= '0' && s[1] <= '9' ? " (no leading zeros)" : "");
	return -1;
}
