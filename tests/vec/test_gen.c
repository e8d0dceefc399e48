// SPDX-License-Identifier: Apache-2.0
/*
 * Generator: deterministic bytes, exact op budget, every profile on both
 * variants and TLB sizes 4..64, the writer round trip, and every
 * expectation it writes holds on the reference model.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/vec.h"

static char *gen_text(const struct gen_opts *o, const struct gen_knobs *k)
{
	char err[256], *buf = NULL;
	size_t len = 0;
	struct vec v;
	FILE *f;

	cr_assert_eq(sysmmu_gen_knobs(o, k, &v, err, sizeof(err)), 0, "%s", err);
	f = open_memstream(&buf, &len);
	vec_write(f, &v);
	fclose(f);
	vec_free(&v);
	return buf;
}

Test(gen, deterministic)
{
	struct gen_opts o = { .seed = 42, .ops = 3000, .profile = "stress",
			      .variant = SYSMMU_V5, .tlb_entries = 16, .flpd_entries = 4 };
	char *a = gen_text(&o, NULL), *b = gen_text(&o, NULL), *c;

	cr_assert_str_eq(a, b);
	o.seed = 43;
	c = gen_text(&o, NULL);
	cr_assert_str_neq(a, c);
	free(a);
	free(b);
	free(c);
}

Test(gen, errors)
{
	struct gen_opts o = { .seed = 1, .ops = 10, .profile = "nope" };
	struct gen_knobs k = { 101, -1, -1, -1, 0 };
	char err[256];
	struct vec v;

	cr_assert_eq(sysmmu_gen(&o, &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "unknown profile 'nope'"), "%s", err);
	o.profile = "driver";
	o.tlb_entries = 3;
	cr_assert_eq(sysmmu_gen(&o, &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "tlb entries"), "%s", err);
	o.tlb_entries = 0;
	o.variant = 4;
	cr_assert_eq(sysmmu_gen(&o, &v, err, sizeof(err)), -1);
	o.variant = 0;
	cr_assert_eq(sysmmu_gen_knobs(&o, &k, &v, err, sizeof(err)), -1);
	cr_assert(strstr(err, "percentages"), "%s", err);
}

static size_t counted_ops(const struct vec *v)
{
	size_t i, n = 0;

	for (i = 0; i < v->n_ops; i++)
		n += v->ops[i].kind != VEC_MEM && v->ops[i].kind != VEC_MEMERR;
	return n;
}

struct run {
	unsigned fails, xlates, expected;
};

/* Counted at acceptance: a request still pending at the end never gets an
 * expectation (the vector may end while the MMU is blocked). */
static void on_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		     const struct sysmmu_result *res)
{
	struct run *r = ctx;

	(void)req;
	(void)res;
	r->xlates++;
	r->expected += op->expect != VEC_EXP_NONE;
}

static void on_fail(void *ctx, const struct vec_op *op, const char *msg)
{
	struct run *r = ctx;
	char buf[200];

	(void)op;
	snprintf(buf, sizeof(buf), "%s", msg);
	r->fails++;
	cr_log_error("expectation failed: %s", buf);
}

/* Runs v on the model; returns the number of failed expectations. */
static struct run run_model(const struct vec *v)
{
	struct sysmmu_config cfg = { v->variant, v->tlb_entries, v->flpd_entries, v->id_width };
	struct run r = { 0, 0, 0 };
	struct vexec_hooks h = { .ctx = &r, .xlate = on_xlate, .expect_fail = on_fail };
	struct vmem *m = vmem_create();
	struct sysmmu *s = sysmmu_create(&cfg, vmem_read_cb, m);
	struct vexec *x = vexec_create(v, s, m, &h);
	size_t i;

	cr_assert_not_null(x);
	for (i = 0; i < v->n_ops; i++)
		vexec_step(x, i);
	vexec_destroy(x);
	sysmmu_destroy(s);
	vmem_destroy(m);
	return r;
}

/* min_pct: share of translations that must carry an expectation. */
static void profile_sweep(const char *profile, unsigned min_pct)
{
	static const unsigned tlbs[] = { 4, 5, 16, 32, 63, 64 };
	unsigned t, var, seed;

	for (var = 3; var <= 5; var += 2) {
		for (t = 0; t < sizeof(tlbs) / sizeof(tlbs[0]); t++) {
			for (seed = 1; seed <= 4; seed++) {
				struct gen_opts o = { .seed = seed * 1000 + t, .ops = 400,
					.profile = profile, .variant = (enum sysmmu_variant)var,
					.tlb_entries = tlbs[t], .flpd_entries = 1 + seed * 5 % 16 };
				char err[256];
				struct vec v;
				struct run r;

				cr_assert_eq(sysmmu_gen(&o, &v, err, sizeof(err)), 0, "%s", err);
				cr_assert_eq(counted_ops(&v), 400, "op budget not exact");
				cr_assert_eq(v.variant, (enum sysmmu_variant)var);
				cr_assert_eq(v.tlb_entries, tlbs[t]);
				r = run_model(&v);
				cr_assert_eq(r.fails, 0, "%s v%u tlb %u seed %llu: %u failures; "
					     "reproduce: build/sysmmu-ref --seed %llu --profile %s "
					     "--ops 400 --variant %u --tlb-entries %u --flpd-entries %u",
					     profile, var, tlbs[t], (unsigned long long)o.seed, r.fails,
					     (unsigned long long)o.seed, profile, var, tlbs[t],
					     o.flpd_entries);
				cr_assert_gt(r.xlates, 50, "%s: too few translations", profile);
				cr_assert_geq(r.expected * 100, r.xlates * min_pct, "%s v%u tlb %u seed %llu: too few expectations (%u of %u)",
					     profile, var, tlbs[t], (unsigned long long)o.seed, r.expected, r.xlates);
				vec_free(&v);
			}
		}
	}
}

/* Rule-following profiles know (nearly) every outcome; the rule breakers
 * leave out whatever stale state may decide. */
Test(gen, profile_driver) { profile_sweep("driver", 100); }
Test(gen, profile_tlb) { profile_sweep("tlb", 100); }
Test(gen, profile_faults) { profile_sweep("faults", 20); }
Test(gen, profile_stress) { profile_sweep("stress", 20); }
Test(gen, profile_bypass) { profile_sweep("bypass", 100); }

Test(gen, profiles_listed)
{
	const char *const *p;
	unsigned n = 0;

	for (p = sysmmu_gen_profiles; *p; p++)
		n++;
	cr_assert_eq(n, 5);
}

/* Software that follows the rules knows every outcome. */
Test(gen, driver_expects_every_translation)
{
	struct gen_opts o = { .seed = 9, .ops = 5000, .profile = "driver",
			      .variant = SYSMMU_V3, .tlb_entries = 8, .flpd_entries = 2 };
	char err[256];
	struct vec v;
	struct run r;

	cr_assert_eq(sysmmu_gen(&o, &v, err, sizeof(err)), 0, "%s", err);
	r = run_model(&v);
	cr_assert_eq(r.fails, 0);
	cr_assert_eq(r.expected, r.xlates);
	vec_free(&v);
}

Test(gen, knobs)
{
	struct gen_opts o = { .seed = 5, .ops = 2000, .profile = "driver",
			      .variant = SYSMMU_V5 };
	struct gen_knobs k = { .locality = 100, .misbehave = -1, .unmapped = 0,
			       .xlate_pct = 100, .pool = 4 };
	char err[256];
	struct vec v;
	size_t i, x = 0;

	cr_assert_eq(sysmmu_gen_knobs(&o, &k, &v, err, sizeof(err)), 0, "%s", err);
	for (i = 0; i < v.n_ops; i++)
		x += v.ops[i].kind == VEC_XLATE;
	/* only the enable sequence and fault handling are not translations */
	cr_assert_gt(x, 1800);
	cr_assert_eq(run_model(&v).fails, 0);
	cr_assert_str_eq(v.name, "gen:seed=5,profile=driver,ops=2000");
	vec_free(&v);
}

Test(gen, round_trip)
{
	struct gen_opts o = { .seed = 77, .ops = 2000, .profile = "stress",
			      .variant = SYSMMU_V3, .tlb_entries = 4, .flpd_entries = 1 };
	char err[256], *text = gen_text(&o, NULL), *again = NULL;
	size_t len = 0;
	struct vec v;
	FILE *f;

	cr_assert_eq(vec_parse_string("g", text, &v, err, sizeof(err)), 0, "%s", err);
	f = open_memstream(&again, &len);
	vec_write(f, &v);
	fclose(f);
	cr_assert_str_eq(text, again);
	vec_free(&v);
	free(text);
	free(again);
}
