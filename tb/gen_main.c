// SPDX-License-Identifier: Apache-2.0
/*
 * sysmmu-gen: writes a random mapping vector (docs/vectors.md "generator").
 *
 *   sysmmu-gen --seed N --ops M --profile P [--variant 3|5] [--tlb-entries N]
 *              [--flpd-entries M] [--locality PCT] [--misbehave PCT]
 *              [--unmapped PCT] [--xlate-pct PCT] [--pool N] [-o FILE] [--bench]
 *
 * Same arguments, same bytes. Exit 0, or 2 for bad usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "num.h"
#include "sysmmu/vec.h"
#include "version.h"

struct args {
	struct gen_opts o;
	struct gen_knobs k;
	const char *out;
	bool bench, have_seed;
};

static void usage(FILE *f)
{
	const char *const *p;

	fprintf(f,
		"usage: sysmmu-gen --seed N --ops M --profile P [--variant 3|5]\n"
		"                  [--tlb-entries 4..64] [--flpd-entries 1..16]\n"
		"                  [--locality PCT] [--misbehave PCT] [--unmapped PCT]\n"
		"                  [--xlate-pct PCT] [--pool N] [-o FILE|-] [--bench]\n"
		"       sysmmu-gen --help | --version\n"
		"profiles:");
	for (p = sysmmu_gen_profiles; *p; p++)
		fprintf(f, " %s", *p);
	fprintf(f, "\n--bench generates without writing and prints ops/s on stderr\n");
}

/* One line per bad option: what was asked, what is allowed (tb/num.c). */
static int num(const char *opt, const char *s, unsigned long long min,
	       unsigned long long max, unsigned long long *out)
{
	char err[200];
	uint64_t v;

	if (num_parse(opt, s, min, max, &v, err, sizeof(err))) {
		fprintf(stderr, "sysmmu-gen: %s (sysmmu-gen --help)\n", err);
		return -1;
	}
	*out = v;
	return 0;
}

/* Options that take a number: where it goes and its maximum. */
static int num_opt(struct args *a, const char *opt, const char *val)
{
	unsigned long long n;
	int *knob = NULL;

	if (!strcmp(opt, "--locality"))
		knob = &a->k.locality;
	else if (!strcmp(opt, "--misbehave"))
		knob = &a->k.misbehave;
	else if (!strcmp(opt, "--unmapped"))
		knob = &a->k.unmapped;
	else if (!strcmp(opt, "--xlate-pct"))
		knob = &a->k.xlate_pct;
	if (knob) {
		if (num(opt, val, 0, 100, &n))
			return -1;
		*knob = (int)n;
		return 0;
	}
	if (!strcmp(opt, "--pool")) {
		if (num(opt, val, 1, 1024, &n))
			return -1;
		a->k.pool = (int)n;
		return 0;
	}
	if (!strcmp(opt, "--seed")) {
		a->have_seed = true;
		if (num(opt, val, 0, UINT64_MAX, &n))
			return -1;
		a->o.seed = n;
		return 0;
	}
	if (!strcmp(opt, "--ops")) {
		if (num(opt, val, 1, 1000000000, &n))
			return -1;
		a->o.ops = (size_t)n;
		return 0;
	}
	if (!strcmp(opt, "--variant")) {
		if (num(opt, val, 3, 5, &n))
			return -1;
		if (n == 4) {
			fprintf(stderr, "sysmmu-gen: --variant must be 3 or 5, got '%s' (sysmmu-gen --help)\n", val);
			return -1;
		}
		a->o.variant = (enum sysmmu_variant)n;
		return 0;
	}
	if (!strcmp(opt, "--tlb-entries")) {
		if (num(opt, val, 4, 64, &n))
			return -1;
		a->o.tlb_entries = (unsigned)n;
		return 0;
	}
	if (!strcmp(opt, "--flpd-entries")) {
		if (num(opt, val, 1, 16, &n))
			return -1;
		a->o.flpd_entries = (unsigned)n;
		return 0;
	}
	fprintf(stderr, "sysmmu-gen: unknown option '%s' (sysmmu-gen --help)\n", opt);
	return -1;
}

static int parse_args(struct args *a, int argc, char **argv)
{
	int i;

	memset(a, 0, sizeof(*a));
	a->k = (struct gen_knobs){ -1, -1, -1, -1, 0 };
	a->o.variant = SYSMMU_V5;
	a->o.tlb_entries = 32;
	a->o.flpd_entries = 8;
	a->o.ops = 1000;
	a->out = "-";
	for (i = 1; i < argc; i++) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(opt, "--bench")) {
			a->bench = true;
			continue;
		}
		if (!val) {
			fprintf(stderr, "sysmmu-gen: %s needs a value\n", opt);
			return -1;
		}
		i++;
		if (!strcmp(opt, "--profile"))
			a->o.profile = val;
		else if (!strcmp(opt, "-o"))
			a->out = val;
		else if (num_opt(a, opt, val))
			return -1;
	}
	if (!a->have_seed || !a->o.profile) {
		fprintf(stderr, "sysmmu-gen: --seed and --profile are required (sysmmu-gen --help)\n");
		return -1;
	}
	return 0;
}

static int write_out(const struct args *a, const struct vec *v)
{
	FILE *f = strcmp(a->out, "-") ? fopen(a->out, "w") : stdout;
	int rc;

	if (!f) {
		perror(a->out);
		return 2;
	}
	rc = vec_write(f, v);
	if (f != stdout && fclose(f))
		rc = -1;
	if (rc) {
		fprintf(stderr, "sysmmu-gen: write error on %s\n", a->out);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	char err[256];
	struct args a;
	struct vec v;
	double s;
	int rc;

	sysmmu_version_opt(argc, argv, "sysmmu-gen");
	/* parse_args printed one line naming the problem. */
	if (parse_args(&a, argc, argv))
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (sysmmu_gen_knobs(&a.o, &a.k, &v, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (a.bench) {
		s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
		fprintf(stderr, "sysmmu-gen: profile %s v%d: %zu ops (%zu lines) in %.3f s = "
			"%.0f ops/s\n", a.o.profile, (int)v.variant, a.o.ops, v.n_ops, s,
			s > 0 ? (double)a.o.ops / s : 0.0);
		vec_free(&v);
		return 0;
	}
	rc = write_out(&a, &v);
	vec_free(&v);
	return rc;
}
