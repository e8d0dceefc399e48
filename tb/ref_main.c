// SPDX-License-Identifier: Apache-2.0
/*
 * sysmmu-ref: runs a mapping vector through the reference model alone,
 * checks every expectation and prints a transcript (or a JSON result).
 *
 *   sysmmu-ref [--json] [--quiet] [--emit-replay FILE.hex] FILE.vec
 *   sysmmu-ref [--json] [--quiet] --seed N --profile P --ops M
 *              [--variant 3|5] [--tlb-entries N] [--flpd-entries M]
 *
 * Exit: 0 every expectation holds, 1 an expectation failed, 2 usage/input error.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "sysmmu/vec.h"
#include "version.h"
#include "replay.h"

struct counts {
	unsigned long translations, tlb_hits, tlb_misses, walk_reads, flpd_hits, bypass;
	unsigned long faults[SYSMMU_FAULT_KINDS];
	unsigned long flushes[3];
	unsigned long reg_reads, reg_writes, checks;
};

struct fail_rec {
	size_t op;
	unsigned line;
	char msg[200];
};

struct ref {
	const struct vec *v;
	bool json, quiet;
	size_t cur;              /* op being executed */
	bool cur_done;           /* its transcript line was printed */
	const struct vec_op *last_printed;
	struct counts n;
	struct fail_rec *fails;
	size_t n_fails, cap_fails;
	struct sysmmu *model;
	struct replay *rp;       /* --emit-replay, else NULL */
};

struct args {
	const char *file;
	struct gen_opts gen;
	unsigned gen_opts;       /* generator options given */
	bool have_seed, json, quiet;
	const char *replay;      /* --emit-replay FILE */
	char repro[512];
};

static size_t op_index(const struct ref *r, const struct vec_op *op)
{
	return (size_t)(op - r->v->ops);
}

static void fmt_result(const struct ref *r, const struct sysmmu_result *res,
		       char *buf, size_t len)
{
	size_t n;
	unsigned k;

	if (res->fault)
		n = (size_t)snprintf(buf, len, "fault=%s", vec_fault_name(res->fault));
	else if (r->v->variant == SYSMMU_V5)
		n = (size_t)snprintf(buf, len, "pa=0x%09" PRIx64, res->pa);
	else
		n = (size_t)snprintf(buf, len, "pa=0x%08" PRIx64, res->pa);
	if (n < len)
		n += (size_t)snprintf(buf + n, len - n, " %s%s",
				      res->bypass ? "bypass" : res->tlb_hit ? "hit" : "miss",
				      res->flpd_hit ? " flpd_hit" : "");
	for (k = 0; k < res->n_walk && n < len; k++) {
		if (res->walk_err[k])
			n += (size_t)snprintf(buf + n, len - n, " rd[0x%" PRIx64 "]=ERR",
					      res->walk_addr[k]);
		else
			n += (size_t)snprintf(buf + n, len - n, " rd[0x%" PRIx64 "]=0x%08" PRIx32,
					      res->walk_addr[k], res->walk_data[k]);
	}
}

/* One transcript line; further lines of the same op (an isr's accesses)
 * leave the op column empty. */
static void print_op(struct ref *r, const struct vec_op *op, const char *tail)
{
	char text[256];

	if (r->json || r->quiet)
		return;
	if (op == r->last_printed) {
		printf("%5s  %-60s %s\n", "", "", tail);
		return;
	}
	r->last_printed = op;
	vec_format_op(r->v, op, text, sizeof(text));
	if (*tail)
		printf("%5u  %-60s %s\n", op->line, text, tail);
	else
		printf("%5u  %s\n", op->line, text);
}

static void h_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		    const struct sysmmu_result *res)
{
	struct ref *r = ctx;
	char buf[200], tail[240];

	r->n.translations++;
	r->n.bypass += res->bypass;
	r->n.tlb_hits += res->tlb_hit;
	r->n.tlb_misses += !res->bypass && !res->tlb_hit &&
			   res->fault != SYSMMU_FAULT_MULTI_HIT;
	r->n.walk_reads += res->n_walk;
	r->n.flpd_hits += res->flpd_hit;
	r->n.faults[res->fault < SYSMMU_FAULT_KINDS ? res->fault : 0]++;
	if (r->rp)
		replay_xlate(r->rp, op, req, res);
	fmt_result(r, res, buf, sizeof(buf));
	if (op_index(r, op) == r->cur) {
		snprintf(tail, sizeof(tail), "| %s", buf);
		print_op(r, op, tail);
		r->cur_done = true;
		return;
	}
	snprintf(tail, sizeof(tail), "| accepted now: %s", buf);
	print_op(r, op, tail);
}

static void h_reg(void *ctx, const struct vec_op *op, bool write, uint32_t off,
		  uint32_t wdata, uint32_t rdata, int err)
{
	struct ref *r = ctx;
	const char *name = vec_reg_name(r->v->variant, off);
	char reg[16], tail[200];

	if (r->rp)
		replay_reg(r->rp, op, write, off, wdata, rdata, err, sysmmu_irq(r->model));
	if (write)
		r->n.reg_writes++;
	else
		r->n.reg_reads++;
	if (op->kind == VEC_WR && !err)
		return;
	if (!name) {
		snprintf(reg, sizeof(reg), "0x%03" PRIx32, off);
		name = reg;
	}
	if (write)
		snprintf(tail, sizeof(tail), "| wr %s 0x%08" PRIx32 "%s", name, wdata,
			 err ? " PSLVERR" : "");
	else
		snprintf(tail, sizeof(tail), "| rd %s = 0x%08" PRIx32 "%s", name, rdata,
			 err ? " PSLVERR" : "");
	print_op(r, op, tail);
	r->cur_done = true;
}

static void h_check(void *ctx, const struct vec_op *op, bool irq, bool blocked)
{
	struct ref *r = ctx;
	char tail[64];

	r->n.checks++;
	if (r->rp)
		replay_check(r->rp, op, irq, blocked);
	snprintf(tail, sizeof(tail), "| irq=%d blocked=%d", irq, blocked);
	print_op(r, op, tail);
	r->cur_done = true;
}

/* Only for --emit-replay: the stimulus the model does not need. */
static void h_issue(void *ctx, const struct vec_op *op, const struct sysmmu_req *req)
{
	struct ref *r = ctx;

	replay_issue(r->rp, op, req);
}

static void h_idle(void *ctx, const struct vec_op *op, unsigned cycles)
{
	struct ref *r = ctx;

	replay_idle(r->rp, op, cycles);
}

static void h_fail(void *ctx, const struct vec_op *op, const char *msg)
{
	struct ref *r = ctx;
	struct fail_rec *f;

	if (r->n_fails == r->cap_fails) {
		r->cap_fails = r->cap_fails ? r->cap_fails * 2 : 16;
		r->fails = realloc(r->fails, r->cap_fails * sizeof(*r->fails));
		if (!r->fails)
			abort();
	}
	f = &r->fails[r->n_fails++];
	f->op = op_index(r, op);
	f->line = op->line;
	snprintf(f->msg, sizeof(f->msg), "%s", msg);
	if (!r->json)
		fprintf(r->quiet ? stderr : stdout, "%s:%u: FAIL: %s\n", r->v->name,
			op->line, msg);
}

static void h_observe(void *ctx, const struct sysmmu_event *ev)
{
	struct ref *r = ctx;

	if (ev->kind == SYSMMU_EV_FLUSH && (unsigned)ev->flush < 3)
		r->n.flushes[ev->flush]++;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: sysmmu-ref [--json] [--quiet] [--emit-replay FILE.hex] FILE.vec\n"
		"       sysmmu-ref [--json] [--quiet] --seed N --profile P --ops M\n"
		"                  [--variant 3|5] [--tlb-entries N] [--flpd-entries M]\n"
		"       sysmmu-ref --help | --version\n"
		"Runs a vector on the reference model and checks its expectations.\n"
		"  --emit-replay FILE.hex  also write stimulus + expected results for the\n"
		"                          Icarus replay testbench (docs/simulators.md)\n"
		"exit: 0 all expectations hold, 1 an expectation failed, 2 bad usage/input\n");
}

/* Numeric options of the generator mode: name, minimum, maximum. */
struct num_opt {
	const char *name;
	unsigned long long min, max;
};

static const struct num_opt num_opts[] = {
	{ "--seed", 0, UINT64_MAX },
	{ "--ops", 1, 100000000 },
	{ "--variant", 3, 5 },
	{ "--tlb-entries", 4, 64 },
	{ "--flpd-entries", 1, 16 },
};

static int parse_num(const struct num_opt *o, const char *s, unsigned long long *out)
{
	char err[200];
	uint64_t v;

	if (num_parse(o->name, s, o->min, o->max, &v, err, sizeof(err))) {
		fprintf(stderr, "sysmmu-ref: %s (sysmmu-ref --help)\n", err);
		return -1;
	}
	if (!strcmp(o->name, "--variant") && v == 4) {
		fprintf(stderr, "sysmmu-ref: --variant must be 3 or 5, got '%s'\n", s);
		return -1;
	}
	*out = v;
	return 0;
}

static void set_num(struct args *a, const char *name, unsigned long long n)
{
	if (!strcmp(name, "--seed")) {
		a->gen.seed = n;
		a->have_seed = true;
	} else if (!strcmp(name, "--ops")) {
		a->gen.ops = (size_t)n;
	} else if (!strcmp(name, "--variant")) {
		a->gen.variant = (enum sysmmu_variant)n;
	} else if (!strcmp(name, "--tlb-entries")) {
		a->gen.tlb_entries = (unsigned)n;
	} else {
		a->gen.flpd_entries = (unsigned)n;
	}
}

/* Options with a value; *i moves past the value. */
static int parse_opt(struct args *a, int argc, char **argv, int *i)
{
	const char *o = argv[*i], *val = *i + 1 < argc ? argv[*i + 1] : NULL;
	unsigned long long n;
	size_t k;

	(*i)++;
	a->gen_opts++;
	if (!strcmp(o, "--profile")) {
		if (!val) {
			fprintf(stderr, "sysmmu-ref: --profile needs a value\n");
			return -1;
		}
		a->gen.profile = val;
		return 0;
	}
	for (k = 0; k < sizeof(num_opts) / sizeof(num_opts[0]); k++) {
		if (strcmp(o, num_opts[k].name))
			continue;
		if (parse_num(&num_opts[k], val, &n))
			return -1;
		set_num(a, o, n);
		return 0;
	}
	fprintf(stderr, "sysmmu-ref: unknown option '%s'\n", o);
	return -1;
}

static int parse_args(struct args *a, int argc, char **argv)
{
	size_t n = 0;
	int i;

	memset(a, 0, sizeof(*a));
	a->gen.variant = SYSMMU_V5;
	a->gen.tlb_entries = 32;
	a->gen.flpd_entries = 8;
	a->gen.ops = 1000;
	a->gen.profile = "driver";
	for (i = 1; i < argc; i++) {
		n += (size_t)snprintf(a->repro + n, n < sizeof(a->repro) ? sizeof(a->repro) - n : 0,
				      "%s%s", i > 1 ? " " : "", argv[i]);
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			exit(0);
		}
		if (!strcmp(argv[i], "--json")) {
			a->json = true;
			continue;
		}
		if (!strcmp(argv[i], "--quiet")) {
			a->quiet = true;
			continue;
		}
		if (!strcmp(argv[i], "--emit-replay")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "sysmmu-ref: --emit-replay needs a file\n");
				return -1;
			}
			a->replay = argv[++i];
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			if (parse_opt(a, argc, argv, &i))
				return -1;
			continue;
		}
		if (a->file) {
			fprintf(stderr, "sysmmu-ref: more than one vector file\n");
			return -1;
		}
		a->file = argv[i];
	}
	if (!a->file == !a->have_seed) {
		fprintf(stderr, "sysmmu-ref: give either FILE.vec or --seed N\n");
		return -1;
	}
	if (a->file && a->gen_opts) {
		fprintf(stderr, "sysmmu-ref: generator options need --seed, not a file\n");
		return -1;
	}
	return 0;
}

static int load(const struct args *a, struct vec *v)
{
	char err[512];

	if (a->file ? vec_parse_file(a->file, v, err, sizeof(err)) :
		      sysmmu_gen(&a->gen, v, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void json_counts(const struct ref *r, FILE *f)
{
	const struct counts *n = &r->n;
	int k;

	fprintf(f, "\"counts\":{\"translations\":%lu,\"tlb_hits\":%lu,\"tlb_misses\":%lu,"
		"\"walk_reads\":%lu,\"flpd_hits\":%lu,\"bypass\":%lu,\"faults\":{",
		n->translations, n->tlb_hits, n->tlb_misses, n->walk_reads, n->flpd_hits,
		n->bypass);
	for (k = 1; k < SYSMMU_FAULT_KINDS; k++)
		fprintf(f, "%s\"%s\":%lu", k > 1 ? "," : "",
			sysmmu_fault_name((enum sysmmu_fault)k), n->faults[k]);
	fprintf(f, "},\"flushes\":{\"all\":%lu,\"entry\":%lu,\"range\":%lu},"
		"\"reg_reads\":%lu,\"reg_writes\":%lu,\"checks\":%lu}",
		n->flushes[SYSMMU_FLUSH_ALL], n->flushes[SYSMMU_FLUSH_ENTRY],
		n->flushes[SYSMMU_FLUSH_RANGE], n->reg_reads, n->reg_writes, n->checks);
}

static void json_result(const struct ref *r, const struct args *a, size_t pending, int rc)
{
	double lookups = (double)(r->n.tlb_hits + r->n.tlb_misses);
	size_t k;

	printf("{\"tool\":\"sysmmu-ref\",\"schema\":1,\"status\":\"%s\",\"exit_code\":%d,"
	       "\"vector\":", rc ? "mismatch" : "pass", rc);
	json_str(stdout, r->v->name);
	if (a->have_seed) {
		printf(",\"seed\":%" PRIu64 ",\"profile\":", a->gen.seed);
		json_str(stdout, a->gen.profile);
	} else {
		printf(",\"seed\":null,\"profile\":null");
	}
	printf(",\"variant\":%d,\"tlb_entries\":%u,\"flpd_entries\":%u,\"ops\":%zu,"
	       "\"pending\":%zu,\"repro\":", (int)r->v->variant, r->v->tlb_entries,
	       r->v->flpd_entries, r->v->n_ops, pending);
	{
		char repro[600];

		snprintf(repro, sizeof(repro), "build/sysmmu-ref %s", a->repro);
		json_str(stdout, repro);
	}
	putchar(',');
	json_counts(r, stdout);
	printf(",\"tlb_hit_rate\":%.6f,\"mismatches\":[",
	       lookups > 0 ? (double)r->n.tlb_hits / lookups : 0.0);
	for (k = 0; k < r->n_fails; k++) {
		printf("%s{\"op\":%zu,\"line\":%u,\"area\":\"expect\",\"message\":",
		       k ? "," : "", r->fails[k].op, r->fails[k].line);
		json_str(stdout, r->fails[k].msg);
		putchar('}');
	}
	printf("],\"signature\":%s}\n", r->n_fails ? "\"expect.vector\"" : "null");
}

static int run(struct ref *r, const struct args *a)
{
	struct sysmmu_config cfg = {
		.variant = r->v->variant, .tlb_entries = r->v->tlb_entries,
		.flpd_entries = r->v->flpd_entries, .id_width = r->v->id_width,
	};
	struct vexec_hooks hooks = {
		.ctx = r, .reg = h_reg, .xlate = h_xlate, .check = h_check,
		.expect_fail = h_fail,
	};
	struct vmem *mem = vmem_create();
	struct sysmmu *model = mem ? sysmmu_create(&cfg, vmem_read_cb, mem) : NULL;
	struct vexec *x = NULL;
	size_t i, pending;
	int rc;

	if (model && a->replay) {
		char err[300];

		r->rp = replay_open(a->replay, r->v, err, sizeof(err));
		if (!r->rp) {
			fprintf(stderr, "sysmmu-ref: %s\n", err);
			return 2;
		}
		hooks.issue = h_issue;
		hooks.idle = h_idle;
	}
	x = model ? vexec_create(r->v, model, mem, &hooks) : NULL;
	if (!x) {
		fprintf(stderr, "sysmmu-ref: cannot create the model (configuration?)\n");
		return 2;
	}
	sysmmu_set_observer(model, h_observe, r);
	r->model = model;
	for (i = 0; i < r->v->n_ops; i++) {
		r->cur = i;
		r->cur_done = false;
		vexec_step(x, i);
		if (!r->cur_done)
			print_op(r, &r->v->ops[i], r->v->ops[i].kind == VEC_XLATE &&
				 vexec_pending(x) ? "| pending" : "");
	}
	pending = vexec_pending(x);
	rc = vexec_failures(x) ? 1 : 0;
	if (r->rp && replay_close(r->rp)) {
		fprintf(stderr, "sysmmu-ref: cannot write %s\n", a->replay);
		rc = 2;
	}
	if (r->json)
		json_result(r, a, pending, rc);
	else
		printf("%s: %s: %zu ops, %lu translations (%lu hits, %lu misses, %lu bypass, "
		       "%lu walk reads), %zu pending at end, %u expectation failure%s\n",
		       r->v->name, rc ? "FAIL" : "pass", r->v->n_ops, r->n.translations,
		       r->n.tlb_hits, r->n.tlb_misses, r->n.bypass, r->n.walk_reads, pending,
		       vexec_failures(x), vexec_failures(x) == 1 ? "" : "s");
	if (rc && !r->json)
		fprintf(stderr, "reproduce: build/sysmmu-ref %s\n", a->repro);
	vexec_destroy(x);
	sysmmu_destroy(model);
	vmem_destroy(mem);
	return rc;
}

int main(int argc, char **argv)
{
	struct args a;
	struct ref r;
	struct vec v;
	int rc;

	sysmmu_version_opt(argc, argv, "sysmmu-ref");
	if (parse_args(&a, argc, argv)) {
		usage(stderr);
		return 2;
	}
	if (load(&a, &v))
		return 2;
	memset(&r, 0, sizeof(r));
	r.v = &v;
	r.json = a.json;
	r.quiet = a.quiet;
	rc = run(&r, &a);
	free(r.fails);
	vec_free(&v);
	return rc;
}
