// SPDX-License-Identifier: Apache-2.0
/*
 * DPI-C layer over the lockstep scoreboard (docs/simulators.md).
 *
 * The scoreboard is push-style: sb_run() drives a struct sb_port and expects
 * each port call to run clock cycles. An SV testbench owns time and must
 * pull its stimulus instead. So sb_run() runs on its own stack (a ucontext
 * coroutine): every port call that needs the DUT parks the scoreboard and
 * returns one command to SV from sysmmu_sb_next(); the next call to
 * sysmmu_sb_next() hands back the outcome and resumes it. What the SV
 * monitors see goes straight to sb_rtl_*(). Nothing is compared here: the
 * scoreboard and vector executor are the one implementation.
 *
 * The command line is the sysmmu-sim one, given as one plusarg
 * (+sysmmu_args="--seed 3 --profile stress"), words split at blanks.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>

#include "svdpi.h"

#include "num.h"
#include "sysmmu/scoreboard.h"
#include "sysmmu/vec.h"

#define DPI_STACK (1u << 20)   /* scoreboard stack: reports format on it */
#define DPI_MAX_ARGS 64

/* Commands sysmmu_sb_next() returns (sysmmu_sb_pkg.sv has the same values). */
enum dpi_cmd { CMD_END = 0, CMD_ISSUE = 1, CMD_WAIT = 2, CMD_APB = 3, CMD_IDLE = 4 };

struct dpi_cli {
	const char *file;
	bool gen;
	uint64_t seed;
	const char *profile;
	size_t ops;
	int variant;
	unsigned tlb, flpd;
	uint64_t timing_seed;
	unsigned lat_min, lat_max;
	unsigned max_errors;
	size_t check_every;
	unsigned watchdog;
	const char *json;
	const char *dump_vec;
	bool no_sb, quiet;
};

struct dpi {
	struct dpi_cli c;
	char *argbuf;
	char *argv[DPI_MAX_ARGS];
	int argc;
	struct vec v;
	char vname[200];
	char repro[1024];
	struct sb_opts o;
	struct sb *sb;

	ucontext_t main_ctx, co_ctx;
	void *stack;
	bool started, done;
	int status;
	double t0, c0, wall, cpu;

	/* mailbox between the coroutine and SV */
	enum dpi_cmd cmd;
	struct sysmmu_req req;
	uint64_t n;
	bool write;
	uint32_t off, wdata, rdata;
	unsigned strb;
	bool slverr;
	int rc;
	uint64_t cycle;
	bool irq;

	unsigned err_reads;	/* erroring walk reads so far (vmem_error_junk) */
	unsigned apb_reads;	/* APB reads so far: picks PSTRB (vec_read_strb) */
};

static const char usage_text[] =
	"usage: sysmmu-sim-sv [options] FILE.vec\n"
	"       sysmmu-sim-sv [options] --seed N --profile P [--ops M]\n"
	"  the options of sysmmu-sim (sysmmu-sim --help) except --trace, --trace-window\n"
	"  and --coverage-dat (use the simulator's own waves and coverage)\n"
	"  --variant 3|5 --tlb-entries N --flpd-entries M  configuration (vector header)\n"
	"  --timing-seed N  --mem-latency MIN:MAX  --max-errors N  --check-tlb-every N\n"
	"  --watchdog N  --json FILE ('-' = none)  --no-scoreboard  --dump-vec FILE  --quiet\n"
	"  --list-configs  --list-profiles\n"
	"exit: 0 pass, 1 mismatch, 2 usage/input error, 3 watchdog\n";

static double now_wall(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double now_cpu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- command line (the sysmmu-sim contract, tb/sim/main.cpp) ---- */

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "sysmmu-sim-sv: %s%s\n%s", msg, arg, usage_text);
	return SB_ERROR;
}

/* Strict numbers (tb/num.c): the message names the option and its range. */
static int parse_u64(const char *opt, const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	char err[200];

	if (num_parse(opt, s, min, max, out, err, sizeof(err))) {
		fprintf(stderr, "sysmmu-sim-sv: %s\n%s", err, usage_text);
		return SB_ERROR;
	}
	return 0;
}

static int parse_range(const char *opt, const char *s, unsigned *a, unsigned *b)
{
	const char *colon = strchr(s, ':');
	char left[32];
	uint64_t x, y;

	if (!colon || (size_t)(colon - s) >= sizeof(left)) {
		fprintf(stderr, "sysmmu-sim-sv: %s: expected A:B, got '%s'\n%s", opt, s, usage_text);
		return SB_ERROR;
	}
	memcpy(left, s, (size_t)(colon - s));
	left[colon - s] = 0;
	if (parse_u64(opt, left, 0, 1000000, &x) || parse_u64(opt, colon + 1, 0, 1000000, &y))
		return SB_ERROR;
	if (y < x) {
		fprintf(stderr, "sysmmu-sim-sv: %s: empty range '%s'\n%s", opt, s, usage_text);
		return SB_ERROR;
	}
	*a = (unsigned)x;
	*b = (unsigned)y;
	return 0;
}

/* Splits the plusarg at blanks into d->argv. */
static int split_args(struct dpi *d, const char *args)
{
	char *p;

	d->argbuf = strdup(args ? args : "");
	if (!d->argbuf)
		return SB_ERROR;
	for (p = strtok(d->argbuf, " \t"); p; p = strtok(NULL, " \t")) {
		if (d->argc == DPI_MAX_ARGS)
			return usage_error("too many arguments", "");
		d->argv[d->argc++] = p;
	}
	return 0;
}

/* One option with its value at argv[*i + 1]; returns 0, SB_ERROR, or -1 (not numeric). */
static int parse_num_opt(struct dpi *d, const char *o, const char *val)
{
	struct dpi_cli *c = &d->c;
	uint64_t n;

	if (!strcmp(o, "--seed")) {
		c->gen = true;
		return parse_u64(o, val, 0, UINT64_MAX, &c->seed);
	}
	if (!strcmp(o, "--timing-seed"))
		return parse_u64(o, val, 0, UINT64_MAX, &c->timing_seed);
	if (!strcmp(o, "--ops") && !parse_u64(o, val, 1, 100000000, &n)) {
		c->ops = n;
		return 0;
	}
	if (!strcmp(o, "--variant") && !parse_u64(o, val, 3, 5, &n)) {
		c->variant = (int)n;
		return n == 3 || n == 5 ? 0 : usage_error("--variant must be 3 or 5, got ", val);
	}
	if (!strcmp(o, "--tlb-entries") && !parse_u64(o, val, 4, 64, &n)) {
		c->tlb = (unsigned)n;
		return 0;
	}
	if (!strcmp(o, "--flpd-entries") && !parse_u64(o, val, 1, 16, &n)) {
		c->flpd = (unsigned)n;
		return 0;
	}
	if (!strcmp(o, "--max-errors") && !parse_u64(o, val, 1, 1000000, &n)) {
		c->max_errors = (unsigned)n;
		return 0;
	}
	if (!strcmp(o, "--check-tlb-every") && !parse_u64(o, val, 0, 100000000, &n)) {
		c->check_every = n;
		return 0;
	}
	if (!strcmp(o, "--watchdog") && !parse_u64(o, val, 1, UINT32_MAX, &n)) {
		c->watchdog = (unsigned)n;
		return 0;
	}
	if (!strcmp(o, "--mem-latency"))
		return parse_range(o, val, &c->lat_min, &c->lat_max);
	if (!strcmp(o, "--ops") || !strcmp(o, "--variant") || !strcmp(o, "--tlb-entries") ||
	    !strcmp(o, "--flpd-entries") || !strcmp(o, "--max-errors") ||
	    !strcmp(o, "--check-tlb-every") || !strcmp(o, "--watchdog"))
		return SB_ERROR;   /* parse_u64 said why */
	return -1;
}

static const char *const value_opts[] = {
	"--seed", "--profile", "--ops", "--variant", "--tlb-entries", "--flpd-entries",
	"--timing-seed", "--mem-latency", "--max-errors", "--check-tlb-every", "--watchdog",
	"--json", "--dump-vec", NULL,
};

static bool takes_value(const char *o)
{
	for (size_t k = 0; value_opts[k]; k++)
		if (!strcmp(o, value_opts[k]))
			return true;
	return false;
}

/* Returns 0 to run, -2 for an informational exit 0 (--help), else SB_ERROR. */
static int parse_args(struct dpi *d)
{
	struct dpi_cli *c = &d->c;
	int i, rc;

	for (i = 0; i < d->argc; i++) {
		const char *o = d->argv[i];

		if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			fputs(usage_text, stdout);
			return -2;
		}
		if (!strcmp(o, "--list-profiles")) {
			for (size_t k = 0; sysmmu_gen_profiles[k]; k++)
				printf("%s\n", sysmmu_gen_profiles[k]);
			return -2;
		}
		if (!strcmp(o, "--trace") || !strcmp(o, "--trace-window") || !strcmp(o, "--coverage-dat"))
			return usage_error("not in the SV harness (use the simulator's waves/coverage): ", o);
		if (!strcmp(o, "--no-scoreboard")) {
			c->no_sb = true;
			continue;
		}
		if (!strcmp(o, "--quiet")) {
			c->quiet = true;
			continue;
		}
		if (takes_value(o)) {
			if (i + 1 >= d->argc)
				return usage_error("needs a value: ", o);
			const char *val = d->argv[++i];

			if (!strcmp(o, "--profile"))
				c->profile = val;
			else if (!strcmp(o, "--json"))
				c->json = val;
			else if (!strcmp(o, "--dump-vec"))
				c->dump_vec = val;
			else if ((rc = parse_num_opt(d, o, val)) != 0)
				return rc < 0 ? SB_ERROR : rc;
			continue;
		}
		if (o[0] == '-' && o[1])
			return usage_error("unknown option ", o);
		if (c->file)
			return usage_error("more than one vector file ", o);
		c->file = o;
	}
	if (c->gen == (c->file != NULL))
		return usage_error("give either FILE.vec or --seed N --profile P", "");
	if (c->gen && !c->profile)
		return usage_error("--seed needs --profile", "");
	if (!c->gen && c->profile)
		return usage_error("--profile needs --seed", "");
	return 0;
}

static int load_vector(struct dpi *d)
{
	struct dpi_cli *c = &d->c;
	struct gen_opts g = { 0 };
	char err[512];

	vec_init(&d->v);
	if (!c->gen) {
		if (vec_parse_file(c->file, &d->v, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			return SB_ERROR;
		}
		snprintf(d->vname, sizeof(d->vname), "%s", c->file);
		if ((c->variant && c->variant != (int)d->v.variant) ||
		    (c->tlb && c->tlb != d->v.tlb_entries) || (c->flpd && c->flpd != d->v.flpd_entries)) {
			fprintf(stderr, "sysmmu-sim-sv: %s: the vector header says variant %d tlb_entries %u "
				"flpd_entries %u; the command line asks for something else\n", c->file,
				(int)d->v.variant, d->v.tlb_entries, d->v.flpd_entries);
			return SB_ERROR;
		}
		return 0;
	}
	g.seed = c->seed;
	g.ops = c->ops;
	g.profile = c->profile;
	g.variant = c->variant ? (enum sysmmu_variant)c->variant : SYSMMU_V5;
	g.tlb_entries = c->tlb ? c->tlb : 32;
	g.flpd_entries = c->flpd ? c->flpd : 8;
	if (sysmmu_gen(&g, &d->v, err, sizeof(err))) {
		fprintf(stderr, "sysmmu-sim-sv: %s\n", err);
		return SB_ERROR;
	}
	snprintf(d->vname, sizeof(d->vname), "gen:seed=%" PRIu64 ",profile=%s,ops=%zu", c->seed,
		 c->profile, c->ops);
	return 0;
}

static int dump_vector(const struct dpi *d)
{
	FILE *f;

	if (!d->c.dump_vec)
		return 0;
	f = fopen(d->c.dump_vec, "w");
	if (!f || vec_write(f, &d->v) || fclose(f)) {
		fprintf(stderr, "sysmmu-sim-sv: cannot write %s: %s\n", d->c.dump_vec, strerror(errno));
		return SB_ERROR;
	}
	return 0;
}

/* The options that decide what the run does, as tb/sim/main.cpp prints them. */
static void make_repro(struct dpi *d, const char *argv0)
{
	const struct dpi_cli *c = &d->c;
	size_t n = 0, len = sizeof(d->repro);

	if (c->gen)
		n += (size_t)snprintf(d->repro + n, len - n, "%s --seed %" PRIu64 " --profile %s --ops %zu",
				      argv0, c->seed, c->profile, c->ops);
	else
		n += (size_t)snprintf(d->repro + n, len - n, "%s %s", argv0, c->file);
	if (n < len)
		n += (size_t)snprintf(d->repro + n, len - n, " --variant %d --tlb-entries %u --flpd-entries %u"
				      " --timing-seed %" PRIu64 " --mem-latency %u:%u", (int)d->v.variant,
				      d->v.tlb_entries, d->v.flpd_entries, c->timing_seed, c->lat_min,
				      c->lat_max);
	if (n < len && c->max_errors != 1)
		n += (size_t)snprintf(d->repro + n, len - n, " --max-errors %u", c->max_errors);
	if (n < len && c->check_every)
		n += (size_t)snprintf(d->repro + n, len - n, " --check-tlb-every %zu", c->check_every);
	if (n < len && c->watchdog != 20000)
		n += (size_t)snprintf(d->repro + n, len - n, " --watchdog %u", c->watchdog);
	if (n < len && c->no_sb)
		snprintf(d->repro + n, len - n, " --no-scoreboard");
}

/* ---- the port: each call parks the scoreboard until SV has done it ---- */

static int park(struct dpi *d, enum dpi_cmd cmd)
{
	d->cmd = cmd;
	swapcontext(&d->co_ctx, &d->main_ctx);
	return d->rc;
}

static void p_issue(void *ctx, const struct sysmmu_req *r)
{
	struct dpi *d = ctx;

	d->req = *r;
	park(d, CMD_ISSUE);
}

static int p_wait(void *ctx, uint64_t n)
{
	struct dpi *d = ctx;

	d->n = n;
	return park(d, CMD_WAIT);
}

static int p_apb_strb(void *ctx, uint32_t off, uint32_t wdata, unsigned strb, bool *slverr)
{
	struct dpi *d = ctx;
	int rc;

	d->write = true;
	d->off = off;
	d->wdata = wdata;
	d->strb = strb;
	rc = park(d, CMD_APB);
	*slverr = d->slverr;
	return rc;
}

static int p_apb(void *ctx, bool write, uint32_t off, uint32_t wdata, uint32_t *rdata, bool *slverr)
{
	struct dpi *d = ctx;
	int rc;

	d->write = write;
	d->off = off;
	d->wdata = wdata;
	d->strb = write ? 0xF : vec_read_strb(d->apb_reads++);
	rc = park(d, CMD_APB);
	*rdata = d->rdata;
	*slverr = d->slverr;
	return rc;
}

static int p_idle(void *ctx, unsigned cycles)
{
	struct dpi *d = ctx;

	d->n = cycles;
	return park(d, CMD_IDLE);
}

static bool p_irq(void *ctx)
{
	return ((struct dpi *)ctx)->irq;
}

static uint64_t p_cycle(void *ctx)
{
	return ((struct dpi *)ctx)->cycle;
}

/* makecontext passes int arguments only: the handle goes through here. */
static struct dpi *co_start;

static void co_main(void)
{
	struct dpi *d = co_start;

	d->status = sb_run(d->sb);
	d->done = true;
	d->cmd = CMD_END;
	/* returns to main_ctx through uc_link */
}

/* ---- DPI exports (declared in sysmmu_sb_pkg.sv) ---- */

static void dpi_free(struct dpi *d)
{
	if (!d)
		return;
	sb_destroy(d->sb);
	vec_free(&d->v);
	free(d->stack);
	free(d->argbuf);
	free(d);
}

static struct dpi *dpi_parse(const char *args, int *code)
{
	struct dpi *d = calloc(1, sizeof(*d));

	*code = SB_ERROR;
	if (!d)
		return NULL;
	vec_init(&d->v);
	d->c.ops = 1000;
	d->c.timing_seed = 1;
	d->c.lat_max = 8;
	d->c.max_errors = 1;
	d->c.watchdog = 20000;
	d->c.json = "result.json";
	*code = split_args(d, args);
	if (!*code)
		*code = parse_args(d);
	if (!*code)
		*code = load_vector(d);
	if (*code) {
		if (*code == -2)
			*code = 0;
		dpi_free(d);
		return NULL;
	}
	return d;
}

/*
 * Which configuration the run needs, printed as "config=vV_tT_fF" (the
 * launcher picks the matching build). Returns the exit code; 0 without a
 * config line after --help or --list-profiles.
 */
int sysmmu_sb_probe(const char *args)
{
	int code;
	struct dpi *d = dpi_parse(args, &code);

	if (!d)
		return code;
	printf("config=v%d_t%u_f%u\n", (int)d->v.variant, d->v.tlb_entries, d->v.flpd_entries);
	dpi_free(d);
	return 0;
}

/*
 * A scoreboard for the run the arguments describe, on an elaborated DUT of
 * the given configuration. NULL with *code the exit code (0 after --help).
 */
void *sysmmu_sb_create(const char *args, const char *argv0, int variant, int tlb, int flpd,
		       int *code)
{
	struct sb_port port = {
		.issue = p_issue, .wait_rsp = p_wait, .apb = p_apb, .idle = p_idle,
		.irq = p_irq, .cycle = p_cycle, .apb_strb = p_apb_strb,
	};
	char err[512];
	struct dpi *d = dpi_parse(args, code);

	if (!d)
		return NULL;
	*code = SB_ERROR;
	if ((int)d->v.variant != variant || d->v.tlb_entries != (unsigned)tlb ||
	    d->v.flpd_entries != (unsigned)flpd) {
		fprintf(stderr, "sysmmu-sim-sv: %s: needs configuration v%d/%u/%u; this build is v%d/%d/%d\n",
			d->vname, (int)d->v.variant, d->v.tlb_entries, d->v.flpd_entries, variant, tlb, flpd);
		dpi_free(d);
		return NULL;
	}
	if (dump_vector(d)) {
		dpi_free(d);
		return NULL;
	}
	make_repro(d, argv0 && *argv0 ? argv0 : "sysmmu-sim-sv");
	d->o.max_errors = d->c.max_errors;
	d->o.check_every = d->c.check_every;
	d->o.quiet = d->c.quiet;
	d->o.no_scoreboard = d->c.no_sb;
	d->o.out = stdout;
	d->o.tool = "sysmmu-sim-sv";
	d->o.vector = d->vname;
	d->o.repro = d->repro;
	d->o.seed = d->c.gen ? (long long)d->c.seed : -1;
	d->o.profile = d->c.gen ? d->c.profile : NULL;
	d->o.timing_seed = d->c.timing_seed;
	port.ctx = d;
	d->sb = sb_create(&d->v, &d->o, &port, err, sizeof(err));
	d->stack = malloc(DPI_STACK);
	if (!d->sb || !d->stack || getcontext(&d->co_ctx)) {
		fprintf(stderr, "sysmmu-sim-sv: %s\n", d->sb ? "cannot set up the scoreboard stack" : err);
		dpi_free(d);
		return NULL;
	}
	d->co_ctx.uc_stack.ss_sp = d->stack;
	d->co_ctx.uc_stack.ss_size = DPI_STACK;
	d->co_ctx.uc_link = &d->main_ctx;
	makecontext(&d->co_ctx, co_main, 0);
	*code = 0;
	return d;
}

/* Timing options for the SV drivers (same meaning as in tb/sim/bench.h). */
void sysmmu_sb_timing(void *h, uint64_t *seed, int *lat_min, int *lat_max, int *watchdog)
{
	struct dpi *d = h;

	*seed = d->c.timing_seed;
	*lat_min = (int)d->c.lat_min;
	*lat_max = (int)d->c.lat_max;
	*watchdog = (int)d->c.watchdog;
}

/*
 * Hands back the outcome of the last command (rc 0 or -1, APB read data and
 * PSLVERR), the cycle count and irq level now, and returns the next command.
 * ISSUE: x0 va, x1 id, x2 {len[3:0], ns, write}. APB: x0 offset, x1 wdata,
 * x2 {strb[3:0], write}. WAIT (responses in total) and IDLE (cycles): n.
 */
int sysmmu_sb_next(void *h, int rc, int rdata, svBit slverr, uint64_t cycle, svBit irq,
		   int *x0, int *x1, int *x2, uint64_t *n)
{
	struct dpi *d = h;

	if (d->done)
		return CMD_END;
	d->rc = rc;
	d->rdata = (uint32_t)rdata;
	d->slverr = slverr;
	d->cycle = cycle;
	d->irq = irq;
	if (!d->started) {
		d->started = true;
		d->t0 = now_wall();
		d->c0 = now_cpu();
		co_start = d;
	}
	swapcontext(&d->main_ctx, &d->co_ctx);
	switch (d->cmd) {
	case CMD_ISSUE:
		*x0 = (int)d->req.va;
		*x1 = d->req.id;
		*x2 = (d->req.len & 0xF) << 2 | d->req.ns << 1 | d->req.write;
		break;
	case CMD_APB:
		*x0 = (int)d->off;
		*x1 = (int)d->wdata;
		*x2 = (int)(d->strb & 0xF) << 1 | d->write;
		break;
	case CMD_WAIT:
	case CMD_IDLE:
		*n = d->n;
		break;
	case CMD_END:
		d->wall = now_wall() - d->t0;
		d->cpu = now_cpu() - d->c0;
		break;
	}
	return d->cmd;
}

/* ---- monitors ---- */

void sysmmu_sb_accept(void *h, uint64_t cycle)
{
	struct dpi *d = h;

	d->cycle = cycle;
	sb_rtl_accept(d->sb);
}

void sysmmu_sb_rsp(void *h, uint64_t cycle, uint64_t pa, svBit fault, int kind, int id,
		    svBit tlb_hit, svBit flpd_hit, uint64_t latency)
{
	struct dpi *d = h;
	struct sb_rsp r = {
		.pa = pa, .fault = fault, .fault_kind = (unsigned)kind, .id = (uint32_t)id,
		.tlb_hit = tlb_hit, .flpd_hit = flpd_hit, .cycle = cycle, .latency = latency,
	};

	d->cycle = cycle;
	sb_rtl_rsp(d->sb, &r);
}

void sysmmu_sb_walk(void *h, uint64_t cycle, uint64_t addr, int len, int size)
{
	struct dpi *d = h;

	d->cycle = cycle;
	sb_rtl_walk(d->sb, addr, (unsigned)len, (unsigned)size);
}

void sysmmu_sb_protocol(void *h, uint64_t cycle, const char *field, const char *expected,
			 const char *actual)
{
	struct dpi *d = h;

	d->cycle = cycle;
	sb_rtl_protocol(d->sb, field, expected, actual);
}

/* True once the scoreboard wants the run to end (live: it changes inside next too). */
svBit sysmmu_sb_stopped(void *h)
{
	return sb_stopped(((struct dpi *)h)->sb);
}

void sysmmu_sb_watchdog(void *h, uint64_t cycle, const char *what)
{
	struct dpi *d = h;

	d->cycle = cycle;
	sb_watchdog(d->sb, what);
}

/* The walker's AXI slave reads the scoreboard's memory. Returns 1 on a bus error. */
int sysmmu_sb_mem_read(void *h, uint64_t addr, int *data)
{
	struct dpi *d = h;
	uint32_t v = 0;
	int bad = vmem_read32(sb_mem(d->sb), addr, &v) != 0;

	/* junk that often looks like a descriptor, as the C++ bench drives
	 * (spec §5: the data of an erroring read is ignored) */
	if (bad)
		v = vmem_error_junk(addr, d->err_reads++);
	*data = (int)v;
	return bad;
}

/* Writes result.json and the summary line; returns the exit code. */
int sysmmu_sb_finish(void *h)
{
	struct dpi *d = h;
	int st = d->done ? d->status : SB_ERROR;
	const char *json = d->c.json;

	if (strcmp(json, "-")) {
		FILE *f = fopen(json, "w");

		if (!f) {
			fprintf(stderr, "sysmmu-sim-sv: cannot write %s: %s\n", json, strerror(errno));
			st = SB_ERROR;
		} else {
			sb_write_json(d->sb, f, d->wall, d->cpu);
			if (fclose(f)) {
				fprintf(stderr, "sysmmu-sim-sv: cannot write %s\n", json);
				st = SB_ERROR;
			}
		}
	}
	sb_write_summary(d->sb, stdout, d->wall);
	fflush(stdout);
	dpi_free(d);
	return st;
}

/*
 * Ends the process with an exit code (SV has no portable way to set one).
 * Simulators flush their own logs at exit().
 */
void sysmmu_sb_exit(int code)
{
	fflush(stdout);
	fflush(stderr);
	exit(code);
}
