// SPDX-License-Identifier: Apache-2.0
/*
 * Unit tests of the lockstep scoreboard without Verilator: the "DUT" is a
 * second reference model behind a C implementation of struct sb_port, and
 * each test breaks one thing it reports (a PA bit, a walk address, the irq
 * pin, a register value, blocking, ...). A clean DUT must pass; every
 * broken one must fail with the field the break belongs to. This keeps the
 * checker honest independently of the RTL (scripts/bug-inject does the
 * same against real RTL bugs).
 */
#include <criterion/criterion.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/regs.h"
#include "sysmmu/scoreboard.h"

enum fault_inject {
	FI_NONE,
	FI_PA,            /* PA bit 12 flipped on a translated (non-fault) response */
	FI_KIND,          /* fault kind PAGE <-> other */
	FI_ID,
	FI_TLB_HIT,
	FI_FLPD_HIT,
	FI_WALK_ORDER,    /* the two reads of a page walk swapped */
	FI_WALK_EXTRA,    /* one read too many after a section walk */
	FI_WALK_MISSING,  /* the level-2 read not shown */
	FI_IRQ,           /* irq pin inverted */
	FI_REG_VALUE,     /* INT_STATUS reads one bit off */
	FI_PSLVERR,       /* PSLVERR inverted on MMU_VERSION */
	FI_ACCEPT,        /* accepts while blocked */
	FI_DROP,          /* the DUT hangs: a response never comes */
	FI_COUNTER,       /* PM_CNT0 reads one too many */
	FI_READBACK,      /* TLB_VPN off by one for a valid entry */
	FI_PSTRB,         /* a partial-strobe write done as a full one */
	FI_PEEK_VALUE,    /* INT_STATUS one bit off, through apb_peek only */
};

/* Fault-register sampling of the next run_fake(): sb_opts.fault_pin_every
 * and whether the port has apb_peek. */
static unsigned fake_pin_every;
static bool fake_peek;
/* result.json of the last run_fake() (malloc'd). */
static char *fake_json;

struct fake {
	struct sb *sb;
	struct sysmmu *dut;
	enum sysmmu_variant variant;
	enum fault_inject fi;
	struct sysmmu_req q[4096];
	size_t qh, qn;
	uint64_t returned;
	uint64_t cycles;
	unsigned n_xlate;
	unsigned n_strb;  /* partial-strobe writes seen */
	unsigned n_peek;  /* zero-time reads seen */
	bool injected;
	bool hung;
};

static bool fi_once(struct fake *f, bool cond)
{
	if (f->injected || !cond)
		return false;
	f->injected = true;
	return true;
}

static void dut_walk(struct fake *f, const struct sysmmu_result *res)
{
	unsigned i, n = res->n_walk;

	if (n == 2 && fi_once(f, f->fi == FI_WALK_ORDER)) {
		sb_rtl_walk(f->sb, res->walk_addr[1], 0, 2);
		sb_rtl_walk(f->sb, res->walk_addr[0], 0, 2);
		return;
	}
	if (n == 2 && fi_once(f, f->fi == FI_WALK_MISSING))
		n = 1;
	for (i = 0; i < n; i++)
		sb_rtl_walk(f->sb, res->walk_addr[i], 0, 2);
	if (n == 1 && !res->fault && fi_once(f, f->fi == FI_WALK_EXTRA))
		sb_rtl_walk(f->sb, res->walk_addr[0] + 4, 0, 2);
}

static void dut_respond(struct fake *f, const struct sysmmu_req *req,
			const struct sysmmu_result *res)
{
	struct sb_rsp r = { 0 };

	r.pa = res->pa;
	r.fault = res->fault != SYSMMU_FAULT_NONE;
	r.fault_kind = res->fault;
	r.id = req->id;
	r.tlb_hit = res->tlb_hit;
	r.flpd_hit = res->flpd_hit;
	r.cycle = f->cycles;
	r.latency = 1;
	if (!r.fault && fi_once(f, f->fi == FI_PA))
		r.pa ^= 0x1000;
	if (r.fault && fi_once(f, f->fi == FI_KIND))
		r.fault_kind = r.fault_kind == SYSMMU_FAULT_PAGE ? SYSMMU_FAULT_SEC_PROT : SYSMMU_FAULT_PAGE;
	if (fi_once(f, f->fi == FI_ID && f->n_xlate == 5))
		r.id ^= 1;
	if (!res->bypass && fi_once(f, f->fi == FI_TLB_HIT && f->n_xlate > 20))
		r.tlb_hit = !r.tlb_hit;
	if (res->flpd_hit && fi_once(f, f->fi == FI_FLPD_HIT))
		r.flpd_hit = false;
	dut_walk(f, res);
	f->returned++;
	sb_rtl_rsp(f->sb, &r);
}

/* Time passes: the DUT takes and answers what it can accept. */
static void dut_run(struct fake *f)
{
	while (f->qn && !f->hung) {
		struct sysmmu_req *req = &f->q[f->qh];
		struct sysmmu_result res;
		bool forced = false;

		if (!sysmmu_can_accept(f->dut)) {
			if (!fi_once(f, f->fi == FI_ACCEPT))
				return;
			forced = true;
		}
		f->qh = (f->qh + 1) % 4096;
		f->qn--;
		f->cycles++;
		f->n_xlate++;
		sb_rtl_accept(f->sb);
		if (forced) {
			/* A broken DUT answers it as if it were not blocked. */
			struct sb_rsp r = { 0 };

			r.id = req->id;
			f->returned++;
			sb_rtl_rsp(f->sb, &r);
			continue;
		}
		sysmmu_translate(f->dut, req, &res);
		if (fi_once(f, f->fi == FI_DROP && f->n_xlate > 10)) {
			f->hung = true;
			return;
		}
		dut_respond(f, req, &res);
	}
}

static void p_issue(void *c, const struct sysmmu_req *r)
{
	struct fake *f = c;

	cr_assert_lt(f->qn, 4096);
	f->q[(f->qh + f->qn) % 4096] = *r;
	f->qn++;
}

static int p_wait(void *c, uint64_t n)
{
	struct fake *f = c;

	dut_run(f);
	if (f->returned < n) {
		sb_watchdog(f->sb, "fake DUT: response missing");
		return -1;
	}
	return sb_stopped(f->sb) ? -1 : 0;
}

static uint32_t tlb_vpn_off(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_TLB_VPN : SYSMMU_V3_TLB_VPN;
}

static uint32_t int_status_off(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_INT_STATUS : SYSMMU_V3_INT_STATUS;
}

static int p_apb(void *c, bool w, uint32_t off, uint32_t wd, uint32_t *rd, bool *err)
{
	struct fake *f = c;
	uint32_t pm0 = f->variant == SYSMMU_V5 ? SYSMMU_V5_PM_CNT0 : SYSMMU_V3_PM_CNT0;
	int rc;

	dut_run(f);
	f->cycles += 2;
	if (w) {
		rc = sysmmu_reg_write(f->dut, off, wd, 0xF);
		*err = rc != 0;
		return sb_stopped(f->sb) ? -1 : 0;
	}
	rc = sysmmu_reg_read(f->dut, off, rd);
	*err = rc != 0;
	if (off == int_status_off(f->variant) && *rd && fi_once(f, f->fi == FI_REG_VALUE))
		*rd ^= 1u << 7;
	if (off == SYSMMU_COM_MMU_VERSION && fi_once(f, f->fi == FI_PSLVERR))
		*err = !*err;
	if (off == pm0 && fi_once(f, f->fi == FI_COUNTER))
		*rd += 1;
	if (off == tlb_vpn_off(f->variant) && *rd && fi_once(f, f->fi == FI_READBACK))
		*rd += 1;
	return sb_stopped(f->sb) ? -1 : 0;
}

/* Zero-time read: the same register, no cycles. */
static int p_apb_peek(void *c, uint32_t off, uint32_t *rd, bool *err)
{
	struct fake *f = c;

	f->n_peek++;
	*err = sysmmu_reg_read(f->dut, off, rd) != 0;
	if (off == int_status_off(f->variant) && *rd && fi_once(f, f->fi == FI_PEEK_VALUE))
		*rd ^= 1u << 7;
	return sb_stopped(f->sb) ? -1 : 0;
}

static int p_apb_strb(void *c, uint32_t off, uint32_t wd, unsigned strb, bool *err)
{
	struct fake *f = c;

	dut_run(f);
	f->cycles += 2;
	f->n_strb++;
	if (fi_once(f, f->fi == FI_PSTRB))
		strb = 0xF;
	*err = sysmmu_reg_write(f->dut, off, wd, strb) != 0;
	return sb_stopped(f->sb) ? -1 : 0;
}

static int p_idle(void *c, unsigned n)
{
	struct fake *f = c;

	dut_run(f);
	f->cycles += n;
	return sb_stopped(f->sb) ? -1 : 0;
}

static bool p_irq(void *c)
{
	struct fake *f = c;
	bool irq = sysmmu_irq(f->dut);

	if (irq && fi_once(f, f->fi == FI_IRQ))
		return !irq;
	return irq;
}

static uint64_t p_cycle(void *c)
{
	return ((struct fake *)c)->cycles;
}

static void save_json(const struct sb *sb)
{
	FILE *t = tmpfile();
	long n;

	cr_assert_not_null(t);
	sb_write_json(sb, t, 0.0, 0.0);
	n = ftell(t);
	rewind(t);
	free(fake_json);
	fake_json = calloc(1, (size_t)n + 1);
	cr_assert_not_null(fake_json);
	cr_assert_eq(fread(fake_json, 1, (size_t)n, t), (size_t)n);
	fclose(t);
}

/* Runs a generated vector against the fake DUT; returns the status. */
static int run_fake(enum fault_inject fi, const char *profile, enum sysmmu_variant variant,
		    uint64_t seed, char *sig, size_t siglen, struct fake *out)
{
	struct gen_opts g = { 0 };
	struct sysmmu_config cfg = { 0 };
	struct sb_opts o = { 0 };
	struct sb_port port = { 0 };
	struct vec v;
	struct fake f = { 0 };
	char err[256];
	int st;
	FILE *null = fopen("/dev/null", "w");

	g.seed = seed;
	g.ops = 1500;
	g.profile = profile;
	g.variant = variant;
	g.tlb_entries = 8;
	g.flpd_entries = 4;
	vec_init(&v);
	cr_assert_eq(sysmmu_gen(&g, &v, err, sizeof(err)), 0, "%s", err);
	cfg.variant = v.variant;
	cfg.tlb_entries = v.tlb_entries;
	cfg.flpd_entries = v.flpd_entries;
	cfg.id_width = v.id_width;
	o.max_errors = 1;
	o.check_every = 100;
	o.out = null;
	o.tool = "test";
	o.vector = "gen";
	o.repro = "repro";
	o.seed = (long long)seed;
	o.profile = profile;
	o.fault_pin_every = fake_pin_every;
	port = (struct sb_port){ &f, p_issue, p_wait, p_apb, p_idle, p_irq, p_cycle, NULL, NULL,
				 p_apb_strb, fake_peek ? p_apb_peek : NULL };
	f.fi = fi;
	f.variant = variant;
	f.sb = sb_create(&v, &o, &port, err, sizeof(err));
	cr_assert_not_null(f.sb, "%s", err);
	/* The DUT reads the same memory the scoreboard's model reads. */
	f.dut = sysmmu_create(&cfg, vmem_read_cb, sb_mem(f.sb));
	cr_assert_not_null(f.dut);
	st = sb_run(f.sb);
	sb_signature(f.sb, sig, siglen);
	save_json(f.sb);
	if (out)
		*out = f;
	sysmmu_destroy(f.dut);
	sb_destroy(f.sb);
	vec_free(&v);
	fclose(null);
	return st;
}

static void expect_caught(enum fault_inject fi, const char *profile, enum sysmmu_variant v,
			  const char *want)
{
	char sig[80];
	struct fake f;
	int st = run_fake(fi, profile, v, 3, sig, sizeof(sig), &f);

	cr_assert(f.injected, "the break (%d) never happened on profile %s", fi, profile);
	cr_assert_neq(st, SB_PASS, "a broken DUT (%d) passed", fi);
	cr_assert_str_eq(sig, want, "break %d: signature %s, expected %s", fi, sig, want);
}

/* A break whose mismatch may show first in either of two fields. */
static void expect_mismatch_in(enum fault_inject fi, const char *profile, enum sysmmu_variant v,
			       const char *one, const char *other)
{
	char sig[80];
	struct fake f;
	int st = run_fake(fi, profile, v, 3, sig, sizeof(sig), &f);

	cr_assert(f.injected);
	cr_assert_eq(st, SB_MISMATCH);
	cr_assert(!strcmp(sig, one) || !strcmp(sig, other), "%s", sig);
}

Test(scoreboard, clean_dut_passes_every_profile)
{
	static const char *const prof[] = { "driver", "tlb", "faults", "stress", "bypass" };
	char sig[80];
	struct fake f;
	unsigned i;

	for (i = 0; i < 5; i++) {
		cr_assert_eq(run_fake(FI_NONE, prof[i], SYSMMU_V5, 1, sig, sizeof(sig), &f), SB_PASS,
			     "v5 %s: %s", prof[i], sig);
		cr_assert_gt(f.n_xlate, 100, "v5 %s: only %u translations", prof[i], f.n_xlate);
		cr_assert_eq(run_fake(FI_NONE, prof[i], SYSMMU_V3, 2, sig, sizeof(sig), &f), SB_PASS,
			     "v3 %s: %s", prof[i], sig);
		cr_assert_gt(f.n_xlate, 100, "v3 %s: only %u translations", prof[i], f.n_xlate);
	}
}

Test(scoreboard, pa_bit_flip_is_xlate_pa)
{
	expect_caught(FI_PA, "tlb", SYSMMU_V5, "xlate.pa");
}

Test(scoreboard, wrong_fault_kind_is_xlate_fault_kind)
{
	expect_caught(FI_KIND, "faults", SYSMMU_V3, "xlate.fault_kind");
}

Test(scoreboard, wrong_id_is_xlate_id)
{
	expect_caught(FI_ID, "tlb", SYSMMU_V5, "xlate.id");
}

Test(scoreboard, wrong_hit_flag_is_xlate_tlb_hit)
{
	expect_caught(FI_TLB_HIT, "tlb", SYSMMU_V3, "xlate.tlb_hit");
}

Test(scoreboard, missing_flpd_hit_is_xlate_flpd_hit)
{
	expect_caught(FI_FLPD_HIT, "stress", SYSMMU_V5, "xlate.flpd_hit");
}

Test(scoreboard, swapped_walk_reads_are_walk_addr)
{
	expect_caught(FI_WALK_ORDER, "tlb", SYSMMU_V5, "walk.walk_addr");
}

Test(scoreboard, missing_walk_read_is_walk_addr)
{
	expect_caught(FI_WALK_MISSING, "tlb", SYSMMU_V3, "walk.walk_addr");
}

Test(scoreboard, extra_walk_read_is_caught)
{
	expect_mismatch_in(FI_WALK_EXTRA, "driver", SYSMMU_V5, "walk.walk_addr", "walk.walk_count");
}

Test(scoreboard, inverted_irq_is_irq)
{
	expect_caught(FI_IRQ, "faults", SYSMMU_V5, "irq.irq");
}

Test(scoreboard, wrong_int_status_is_caught)
{
	expect_mismatch_in(FI_REG_VALUE, "faults", SYSMMU_V3, "fault.INT_STATUS", "reg.INT_STATUS");
}

Test(scoreboard, wrong_pslverr_is_reg_pslverr)
{
	expect_caught(FI_PSLVERR, "driver", SYSMMU_V5, "reg.PSLVERR@MMU_VERSION");
}

Test(scoreboard, accept_while_blocked_is_xlate_accept)
{
	expect_caught(FI_ACCEPT, "faults", SYSMMU_V5, "xlate.accept");
}

Test(scoreboard, dropped_response_is_watchdog)
{
	char sig[80];
	struct fake f;
	int st = run_fake(FI_DROP, "tlb", SYSMMU_V5, 3, sig, sizeof(sig), &f);

	cr_assert(f.injected);
	cr_assert_eq(st, SB_WATCHDOG);
	cr_assert_str_eq(sig, "watchdog.watchdog");
}

Test(scoreboard, wrong_counter_is_counter)
{
	expect_caught(FI_COUNTER, "tlb", SYSMMU_V3, "counter.PM_CNT0");
}

Test(scoreboard, wrong_readback_is_tlb_entry)
{
	char sig[80];
	struct fake f;
	int st = run_fake(FI_READBACK, "tlb", SYSMMU_V5, 3, sig, sizeof(sig), &f);

	cr_assert(f.injected);
	cr_assert_eq(st, SB_MISMATCH);
	cr_assert(!strncmp(sig, "tlb.TLB[", 8) || !strcmp(sig, "reg.TLB_VPN"), "%s", sig);
}

/*
 * The first seed (of 1..40) whose vector, generated as run_fake() does,
 * holds a partial-strobe write: the tests below need one such write, not a
 * particular random stream.
 */
static uint64_t seed_with_strobes(const char *profile, enum sysmmu_variant variant)
{
	struct gen_opts g = { 0 };
	char err[256];
	uint64_t seed;

	g.ops = 1500;
	g.profile = profile;
	g.variant = variant;
	g.tlb_entries = 8;
	g.flpd_entries = 4;
	for (seed = 1; seed <= 40; seed++) {
		struct vec v;
		size_t i, n = 0;

		g.seed = seed;
		cr_assert_eq(sysmmu_gen(&g, &v, err, sizeof(err)), 0, "%s", err);
		for (i = 0; i < v.n_ops; i++)
			n += v.ops[i].kind == VEC_WR && v.ops[i].strb != 0xF;
		vec_free(&v);
		if (n)
			return seed;
	}
	cr_assert_fail("%s v%d: no partial-strobe write in seeds 1..40", profile, (int)variant);
	return 0;
}

Test(scoreboard, partial_strobe_done_as_full_is_reg_pslverr)
{
	char sig[80];
	struct fake f;
	int st = run_fake(FI_PSTRB, "stress", SYSMMU_V5, seed_with_strobes("stress", SYSMMU_V5),
			  sig, sizeof(sig), &f);

	cr_assert(f.injected, "no partial-strobe write in the generated vector");
	cr_assert_eq(st, SB_MISMATCH);
	cr_assert(!strncmp(sig, "reg.PSLVERR@", 12), "%s", sig);
}

Test(scoreboard, clean_dut_sees_partial_strobes)
{
	char sig[80];
	struct fake f;

	cr_assert_eq(run_fake(FI_NONE, "faults", SYSMMU_V3, seed_with_strobes("faults", SYSMMU_V3),
			      sig, sizeof(sig), &f), SB_PASS, "%s", sig);
	cr_assert_gt(f.n_strb, 0, "no partial-strobe write reached the port");
}

/* A harness without apb_strb cannot run a vector that needs it: a clear error. */
Test(scoreboard, port_without_pstrb_refuses_such_vectors)
{
	static const char text[] =
		"sysmmu-vec 1\nvariant 5\ntlb_entries 8\nflpd_entries 4\nid_width 16\n"
		"wr MMU_CTRL 0x1\nwr MMU_CFG 0x4 strb=0x3\n";
	struct sb_opts o = { 0 };
	struct sb_port port = { 0 };
	struct fake f = { 0 };
	char err[256];
	struct vec v;

	cr_assert_eq(vec_parse_string("p.vec", text, &v, err, sizeof(err)), 0, "%s", err);
	o.tool = "test";
	o.vector = "p.vec";
	o.repro = "repro";
	o.seed = -1;
	port = (struct sb_port){ &f, p_issue, p_wait, p_apb, p_idle, p_irq, p_cycle, NULL, NULL,
				 NULL, NULL };
	cr_assert_null(sb_create(&v, &o, &port, err, sizeof(err)));
	cr_assert_str_eq(err, "p.vec:7: this harness cannot drive PSTRB != 0xF");
	vec_free(&v);
}

/* Sampled fault-register checks: 1 fault in 4 at pin level, the rest zero-time. */
static void sample_1_in_4(void)
{
	fake_pin_every = 4;
	fake_peek = true;
}

/* A fault register wrong only on the zero-time path is caught there. */
Test(scoreboard, wrong_int_status_through_peek_is_fault_int_status, .init = sample_1_in_4)
{
	expect_caught(FI_PEEK_VALUE, "faults", SYSMMU_V5, "fault.INT_STATUS");
}

/* ... and on the pin path, which still reads the first fault. */
Test(scoreboard, wrong_int_status_on_pins_is_caught_when_sampled, .init = sample_1_in_4)
{
	expect_mismatch_in(FI_REG_VALUE, "faults", SYSMMU_V3, "fault.INT_STATUS", "reg.INT_STATUS");
}

/* Without apb_peek, or with fault_pin_every 1, nothing goes the zero-time way. */
Test(scoreboard, pin_every_1_or_no_peek_reads_every_fault_on_pins)
{
	char sig[80];
	struct fake f;

	fake_pin_every = 1;
	fake_peek = true;
	cr_assert_eq(run_fake(FI_NONE, "faults", SYSMMU_V5, 1, sig, sizeof(sig), &f), SB_PASS, "%s", sig);
	cr_assert_eq(f.n_peek, 0);
	fake_pin_every = 4;
	fake_peek = false;
	cr_assert_eq(run_fake(FI_NONE, "faults", SYSMMU_V5, 1, sig, sizeof(sig), &f), SB_PASS, "%s", sig);
	cr_assert_eq(f.n_peek, 0);
}

/* 1 in 4: a quarter of the checks at pin level (the first among them), the
 * rest zero-time, fewer cycles, counted in result.json. */
Test(scoreboard, sampling_counts_and_saves_cycles)
{
	char sig[80], *buf;
	struct fake pins, mixed;
	unsigned pin = 0, peek = 0;

	fake_pin_every = 1;
	fake_peek = true;
	cr_assert_eq(run_fake(FI_NONE, "faults", SYSMMU_V5, 1, sig, sizeof(sig), &pins), SB_PASS);
	sample_1_in_4();
	cr_assert_eq(run_fake(FI_NONE, "faults", SYSMMU_V5, 1, sig, sizeof(sig), &mixed), SB_PASS);
	cr_assert_gt(mixed.n_peek, 0);
	cr_assert_lt(mixed.cycles, pins.cycles, "%" PRIu64 " vs %" PRIu64, mixed.cycles, pins.cycles);
	cr_assert_not_null(fake_json);
	buf = strstr(fake_json, "\"fault_reg_checks\":{");
	cr_assert_not_null(buf, "%s", fake_json);
	cr_assert_eq(sscanf(buf, "\"fault_reg_checks\":{\"pin\":%u,\"peek\":%u}", &pin, &peek), 2);
	cr_assert_eq(pin, (pin + peek + 3) / 4, "pin %u peek %u", pin, peek);
	cr_assert_gt(peek, 0);
}
