// SPDX-License-Identifier: Apache-2.0
/*
 * libFuzzer target: the generator's options and the command-line number
 * parser. The input picks the option values (any, in or out of range):
 * the generator either refuses them with a message or writes a vector that
 * parses and runs on the model without an expectation failure. The input's
 * tail, as a string, goes to num_parse(), checked against a plain oracle.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>

#include "fuzz_common.h"
#include "num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct in {
	const uint8_t *p;
	size_t n;
};

static uint64_t take(struct in *in, unsigned bytes)
{
	uint64_t v = 0;

	while (bytes-- && in->n) {
		v = v << 8 | *in->p++;
		in->n--;
	}
	return v;
}

/* -1..100 (keep the profile's value, or a percentage); 101..127 out of range */
static int knob(struct in *in)
{
	return (int)(take(in, 1) & 0x7F) - 1;
}

static void check_gen(struct in *in)
{
	char err[512], *text;
	struct gen_opts o = { 0 };
	struct gen_knobs k;
	struct vec v, v2;
	size_t n_prof = 0, len;

	while (sysmmu_gen_profiles[n_prof])
		n_prof++;
	o.seed = take(in, 8);
	o.ops = 1 + take(in, 1) * 2;
	o.profile = sysmmu_gen_profiles[take(in, 1) % (n_prof + 1)];
	if (!o.profile)
		o.profile = "no-such-profile";
	o.variant = take(in, 1) & 1 ? SYSMMU_V3 : SYSMMU_V5;
	o.tlb_entries = (unsigned)take(in, 1) % 70;
	o.flpd_entries = (unsigned)take(in, 1) % 20;
	k.locality = knob(in);
	k.misbehave = knob(in);
	k.unmapped = knob(in);
	k.xlate_pct = knob(in);
	k.pool = (int)take(in, 2) % 1100;
	if (sysmmu_gen_knobs(&o, &k, &v, err, sizeof(err))) {
		if (!err[0])
			abort();
		return;
	}
	text = fuzz_write(&v, &len);
	if (vec_parse_string("gen.vec", text, &v2, err, sizeof(err))) {
		fprintf(stderr, "generated vector does not parse: %s\n", err);
		abort();
	}
	if (fuzz_exec(&v2)) {
		fprintf(stderr, "generated vector fails its own expectations on the model\n");
		abort();
	}
	free(text);
	vec_free(&v);
	vec_free(&v2);
}

/* The grammar of tb/num.c, written out plainly. */
static int oracle(const char *s, uint64_t *v)
{
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	const char *d = hex ? s + 2 : s;
	char *end;

	if (!*d || (!hex && d[0] == '0' && d[1]))
		return -1;
	for (const char *c = d; *c; c++)
		if (hex ? !isxdigit((unsigned char)*c) : !isdigit((unsigned char)*c))
			return -1;
	errno = 0;
	*v = strtoull(d, &end, hex ? 16 : 10);
	return errno ? -1 : 0;
}

static void check_num(struct in *in)
{
	char s[32], err[200];
	size_t n = in->n < sizeof(s) - 1 ? in->n : sizeof(s) - 1;
	uint64_t a = 0, b = 0, max = UINT64_MAX >> (in->n ? in->p[0] % 64 : 0);
	int ra, rb;

	memcpy(s, in->p, n);
	s[n] = 0;
	ra = num_parse("--x", s, 0, max, &a, err, sizeof(err));
	rb = oracle(s, &b);
	if (!rb && b > max)
		rb = -1;
	if (ra != rb || (!ra && a != b)) {
		fprintf(stderr, "num_parse('%s') = %d/%llu, oracle %d/%llu\n", s, ra,
			(unsigned long long)a, rb, (unsigned long long)b);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };

	check_gen(&in);
	check_num(&in);
	return 0;
}
