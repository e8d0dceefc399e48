// SPDX-License-Identifier: Apache-2.0
/*
 * sysmmu-sim: lockstep run of a mapping vector on the reference model and
 * the verilated RTL (docs/results.md). Command line parsing, vector loading
 * or generation, configuration selection, result files and the wave
 * re-run. Everything per cycle lives in bench.h, all comparing in
 * tb/scoreboard.c.
 */
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "num.h"
#include "sim.h"
#include "version.h"

namespace {

struct cli {
	std::string file;
	bool gen = false;
	uint64_t seed = 0;
	std::string profile;
	size_t ops = 1000;
	int variant = 0;
	unsigned tlb = 0, flpd = 0;
	uint64_t timing_seed = 1;
	unsigned lat_min = 0, lat_max = 8;
	unsigned max_errors = 1;
	size_t check_every = 0;
	unsigned fault_pin_every = 0;   /* 0: the default of the vector kind */
	unsigned watchdog = 20000;
	uint64_t max_idle = SIM_DEF_MAX_IDLE;
	uint32_t x_init_seed = 0;
	std::string trace;
	long win_from = -1, win_to = -1;
	std::string json = "result.json";
	std::string cov_dat;
	bool no_sb = false;
	std::string dump_vec;
	bool quiet = false;
	unsigned mutant = 0;
	std::string argv0;
};

const char usage_text[] =
	"usage: sysmmu-sim [options] FILE.vec\n"
	"       sysmmu-sim [options] --seed N --profile P [--ops M]\n"
	"  --variant 3|5 --tlb-entries N --flpd-entries M  verilated configuration\n"
	"                         (default: vector header; generated: 5/32/8)\n"
	"  --timing-seed N        random valid gaps / ready back-pressure / latency (default 1;\n"
	"                         0 = no gaps, always ready, latency MIN)\n"
	"  --mem-latency MIN:MAX  walk read latency in cycles, 0..1000000 (default 0:8)\n"
	"  --max-errors N         stop after N mismatching events (default 1)\n"
	"  --check-tlb-every N    compare TLB/FLPD contents and counters every N ops\n"
	"  --fault-pin-every N    read the fault registers over APB after 1 fault in N, the\n"
	"                         others in zero time (default 1 for FILE.vec, 8 generated)\n"
	"  --watchdog N           DUT cycles in a row without progress tolerated (default 20000;\n"
	"                         cycles the bench holds back, e.g. memory latency, do not count)\n"
	"  --max-idle-cycles N    total cycles of the vector's idle ops (default 10000000)\n"
	"  --x-init-seed N        random initial RTL state under Verilator seed 1..2147483647\n"
	"                         (default 0: zeroed state)\n"
	"  --trace FILE.fst       waves (+ FILE.gtkw); without --trace-window: the whole run,\n"
	"                         or the 200 ops before the first failure\n"
	"  --trace-window A:B     trace ops A..B\n"
	"  --json FILE            result file (default result.json, '-' = none)\n"
	"  --coverage-dat FILE    Verilator coverage output (sysmmu-sim-cov only)\n"
	"  --no-scoreboard        RTL only: replay the model's stimulus, compare nothing\n"
	"  --dump-vec FILE        write the vector in canonical form and continue\n"
	"  --quiet                only the one-line summary\n"
	"  --mutant K             mutant netlists (make mutate): select mutation K (0 = none)\n"
	"  --list-configs         print the verilated configurations (variant tlb flpd)\n"
	"  --list-profiles        print the generator profiles\n"
	"  --help, --version      this text; the version and git revision\n"
	"exit: 0 pass, 1 mismatch, 2 usage/input error, 3 watchdog\n";

[[noreturn]] void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "sysmmu-sim: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage_text);
	exit(SB_ERROR);
}

/* Strict numbers (tb/num.c): the message names the option and its range. */
uint64_t parse_u64(const char *opt, const char *s, uint64_t min, uint64_t max)
{
	char err[200];
	uint64_t v;

	if (num_parse(opt, s, min, max, &v, err, sizeof(err)))
		usage_error("%s", err);
	return v;
}

void parse_range(const char *opt, const char *s, uint64_t max, uint64_t *a, uint64_t *b)
{
	const char *colon = strchr(s, ':');

	if (!colon) {
		std::string m = std::string(opt) + ": expected A:B, got '%s'";
		usage_error(m.c_str(), s);
	}
	std::string left(s, colon - s);
	*a = parse_u64(opt, left.c_str(), 0, max);
	*b = parse_u64(opt, colon + 1, 0, max);
	if (*b < *a) {
		std::string m = std::string(opt) + ": empty range '%s'";
		usage_error(m.c_str(), s);
	}
}

void parse_args(int argc, char **argv, cli *c)
{
	c->argv0 = argv[0];
	for (int i = 1; i < argc; i++) {
		std::string o = argv[i];
		auto val = [&]() -> const char * {
			if (i + 1 >= argc)
				usage_error("%s needs a value", argv[i]);
			return argv[++i];
		};
		uint64_t a, b;

		if (o == "--help" || o == "-h") {
			fputs(usage_text, stdout);
			exit(0);
		} else if (o == "--list-configs") {
			for (size_t k = 0; k < sim_n_configs; k++)
				printf("%d %u %u\n", sim_configs[k].variant, sim_configs[k].tlb_entries,
				       sim_configs[k].flpd_entries);
			exit(0);
		} else if (o == "--list-profiles") {
			for (size_t k = 0; sysmmu_gen_profiles[k]; k++)
				printf("%s\n", sysmmu_gen_profiles[k]);
			exit(0);
		} else if (o == "--seed") {
			c->seed = parse_u64("--seed", val(), 0, UINT64_MAX);
			c->gen = true;
		} else if (o == "--profile") {
			c->profile = val();
		} else if (o == "--ops") {
			c->ops = parse_u64("--ops", val(), 1, 100000000);
		} else if (o == "--variant") {
			c->variant = (int)parse_u64("--variant", val(), 3, 5);
			if (c->variant != 3 && c->variant != 5)
				usage_error("--variant must be 3 or 5, got %s", argv[i]);
		} else if (o == "--tlb-entries") {
			c->tlb = (unsigned)parse_u64("--tlb-entries", val(), 4, 64);
		} else if (o == "--flpd-entries") {
			c->flpd = (unsigned)parse_u64("--flpd-entries", val(), 1, 16);
		} else if (o == "--timing-seed") {
			c->timing_seed = parse_u64("--timing-seed", val(), 0, UINT64_MAX);
		} else if (o == "--mem-latency") {
			parse_range("--mem-latency", val(), SIM_MAX_LATENCY, &a, &b);
			c->lat_min = (unsigned)a;
			c->lat_max = (unsigned)b;
		} else if (o == "--max-errors") {
			c->max_errors = (unsigned)parse_u64("--max-errors", val(), 1, 1000000);
		} else if (o == "--check-tlb-every") {
			c->check_every = parse_u64("--check-tlb-every", val(), 0, 100000000);
		} else if (o == "--fault-pin-every") {
			c->fault_pin_every = (unsigned)parse_u64("--fault-pin-every", val(), 1, 1000000);
		} else if (o == "--watchdog") {
			c->watchdog = (unsigned)parse_u64("--watchdog", val(), 1, SIM_MAX_WATCHDOG);
		} else if (o == "--max-idle-cycles") {
			c->max_idle = parse_u64("--max-idle-cycles", val(), 0, UINT64_MAX);
		} else if (o == "--x-init-seed") {
			c->x_init_seed = (uint32_t)parse_u64("--x-init-seed", val(), 0, SIM_MAX_XSEED);
		} else if (o == "--trace") {
			c->trace = val();
		} else if (o == "--trace-window") {
			parse_range("--trace-window", val(), UINT32_MAX, &a, &b);
			c->win_from = (long)a;
			c->win_to = (long)b;
		} else if (o == "--json") {
			c->json = val();
		} else if (o == "--coverage-dat") {
			c->cov_dat = val();
		} else if (o == "--no-scoreboard") {
			c->no_sb = true;
		} else if (o == "--dump-vec") {
			c->dump_vec = val();
		} else if (o == "--quiet") {
			c->quiet = true;
		} else if (o == "--mutant") {
			c->mutant = (unsigned)parse_u64("--mutant", val(), 0, 0xFFFF);
		} else if (o.size() > 1 && o[0] == '-') {
			usage_error("unknown option %s", argv[i]);
		} else if (c->file.empty()) {
			c->file = o;
		} else {
			usage_error("more than one vector file (%s)", argv[i]);
		}
	}
	if (c->gen == !c->file.empty())
		usage_error("give either FILE.vec or --seed N --profile P%s", "");
	if (c->gen && c->profile.empty())
		usage_error("--seed needs --profile%s", "");
	if (!c->gen && !c->profile.empty())
		usage_error("--profile needs --seed%s", "");
	if (c->win_from >= 0 && c->trace.empty())
		usage_error("--trace-window needs --trace%s", "");
}

/* The save file sim_write_gtkw() writes next to an FST file. */
std::string gtkw_path(const std::string &fst)
{
	if (fst.size() > 4 && fst.compare(fst.size() - 4, 4, ".fst") == 0)
		return fst.substr(0, fst.size() - 4) + ".gtkw";
	return fst + ".gtkw";
}

/* Quotes a word for sh when it needs it. */
std::string shq(const std::string &s)
{
	if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,+") == std::string::npos)
		return s;
	std::string r = "'";
	for (char ch : s)
		r += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
	return r + "'";
}

/* The options that decide what the run does (not where results go). */
std::string repro_cmd(const cli &c, const struct vec *v)
{
	std::string r = shq(c.argv0);
	char buf[160];

	if (c.gen) {
		snprintf(buf, sizeof(buf), " --seed %" PRIu64 " --profile %s --ops %zu", c.seed,
			 c.profile.c_str(), c.ops);
		r += buf;
	} else {
		r += " " + shq(c.file);
	}
	snprintf(buf, sizeof(buf), " --variant %d --tlb-entries %u --flpd-entries %u --timing-seed %" PRIu64
		 " --mem-latency %u:%u", (int)v->variant, v->tlb_entries, v->flpd_entries,
		 c.timing_seed, c.lat_min, c.lat_max);
	r += buf;
	if (c.max_errors != 1)
		r += " --max-errors " + std::to_string(c.max_errors);
	if (c.check_every)
		r += " --check-tlb-every " + std::to_string(c.check_every);
	if (c.fault_pin_every)
		r += " --fault-pin-every " + std::to_string(c.fault_pin_every);
	if (c.watchdog != 20000)
		r += " --watchdog " + std::to_string(c.watchdog);
	if (c.max_idle != SIM_DEF_MAX_IDLE)
		r += " --max-idle-cycles " + std::to_string(c.max_idle);
	if (c.x_init_seed)
		r += " --x-init-seed " + std::to_string(c.x_init_seed);
	if (c.no_sb)
		r += " --no-scoreboard";
	if (c.mutant)
		r += " --mutant " + std::to_string(c.mutant);
	return r;
}

void load_vector(const cli &c, struct vec *v, std::string *name)
{
	char err[512];

	vec_init(v);
	if (!c.gen) {
		if (vec_parse_file(c.file.c_str(), v, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			exit(SB_ERROR);
		}
		*name = c.file;
		return;
	}
	struct gen_opts g = {};
	g.seed = c.seed;
	g.ops = c.ops;
	g.profile = c.profile.c_str();
	g.variant = c.variant ? (enum sysmmu_variant)c.variant : SYSMMU_V5;
	g.tlb_entries = c.tlb ? c.tlb : 32;
	g.flpd_entries = c.flpd ? c.flpd : 8;
	if (sysmmu_gen(&g, v, err, sizeof(err))) {
		fprintf(stderr, "sysmmu-sim: %s\n", err);
		exit(SB_ERROR);
	}
	char buf[200];
	snprintf(buf, sizeof(buf), "gen:seed=%" PRIu64 ",profile=%s,ops=%zu", c.seed, c.profile.c_str(), c.ops);
	*name = buf;
}

/* Options override the header only where they agree with it. */
void check_config(const cli &c, const struct vec *v)
{
	if (c.gen)
		return;
	if ((c.variant && c.variant != (int)v->variant) || (c.tlb && c.tlb != v->tlb_entries) ||
	    (c.flpd && c.flpd != v->flpd_entries)) {
		std::string asked;

		if (c.variant)
			asked += " --variant " + std::to_string(c.variant);
		if (c.tlb)
			asked += " --tlb-entries " + std::to_string(c.tlb);
		if (c.flpd)
			asked += " --flpd-entries " + std::to_string(c.flpd);
		fprintf(stderr, "sysmmu-sim: %s: the vector header says variant %d tlb_entries %u flpd_entries %u; "
			"the command line asks for%s (drop the option or use a matching vector)\n",
			c.file.c_str(), (int)v->variant, v->tlb_entries, v->flpd_entries, asked.c_str());
		exit(SB_ERROR);
	}
}

const sim_config *find_config(const struct vec *v)
{
	for (size_t i = 0; i < sim_n_configs; i++) {
		const sim_config *k = &sim_configs[i];

		if (k->variant == (int)v->variant && k->tlb_entries == v->tlb_entries &&
		    k->flpd_entries == v->flpd_entries)
			return k;
	}
	fprintf(stderr, "sysmmu-sim: %s: no verilated configuration v%d/%u/%u in this binary; have:",
		v->name, (int)v->variant, v->tlb_entries, v->flpd_entries);
	for (size_t i = 0; i < sim_n_configs; i++)
		fprintf(stderr, " v%d/%u/%u", sim_configs[i].variant, sim_configs[i].tlb_entries,
			sim_configs[i].flpd_entries);
	fprintf(stderr, "\n");
	exit(SB_ERROR);
}

void dump_vector(const std::string &path, const struct vec *v)
{
	FILE *f = fopen(path.c_str(), "w");

	if (!f || vec_write(f, v) || fclose(f)) {
		fprintf(stderr, "sysmmu-sim: cannot write %s: %s\n", path.c_str(), strerror(errno));
		exit(SB_ERROR);
	}
}

} // namespace

/* Called by bench_run<T> while the scoreboard is still alive. */
void sim_finish(sim_args *a, struct sb *sb)
{
	if (!a->json.empty()) {
		FILE *f = fopen(a->json.c_str(), "w");

		if (!f) {
			fprintf(stderr, "sysmmu-sim: cannot write %s: %s\n", a->json.c_str(), strerror(errno));
			a->status = SB_ERROR;
			return;
		}
		sb_write_json(sb, f, a->wall, a->cpu);
		if (fclose(f)) {
			fprintf(stderr, "sysmmu-sim: cannot write %s\n", a->json.c_str());
			a->status = SB_ERROR;
		}
	}
	if (a->sbo.out)
		sb_write_summary(sb, stdout, a->wall);
}

int main(int argc, char **argv)
{
	cli c;
	struct vec v;
	std::string name;

	sysmmu_version_opt(argc, argv, nullptr);
	parse_args(argc, argv, &c);
	load_vector(c, &v, &name);
	check_config(c, &v);
	const sim_config *cfg = find_config(&v);
	if (!c.dump_vec.empty())
		dump_vector(c.dump_vec, &v);

	if (!c.trace.empty()) {
		FILE *f = fopen(c.trace.c_str(), "w");

		if (!f) {
			fprintf(stderr, "sysmmu-sim: cannot write %s: %s\n", c.trace.c_str(), strerror(errno));
			return SB_ERROR;
		}
		fclose(f);
	}
	std::string repro = repro_cmd(c, &v);
	sim_args a = {};
	a.v = &v;
	a.sbo.max_errors = c.max_errors;
	a.sbo.check_every = c.check_every;
	/* Directed vectors read every fault's registers over APB; generated
	 * ones one fault in 8 (docs/results.md, what is checked where). */
	a.sbo.fault_pin_every = c.fault_pin_every ? c.fault_pin_every : c.gen ? 8 : 1;
	a.sbo.quiet = c.quiet;
	a.sbo.no_scoreboard = c.no_sb;
	a.sbo.out = stdout;
	a.sbo.tool = "sysmmu-sim";
	a.sbo.vector = name.c_str();
	a.sbo.repro = repro.c_str();
	a.sbo.seed = c.gen ? (long long)c.seed : -1;
	a.sbo.profile = c.gen ? c.profile.c_str() : nullptr;
	a.sbo.timing_seed = c.timing_seed;
	a.timing.seed = c.timing_seed;
	a.timing.lat_min = c.lat_min;
	a.timing.lat_max = c.lat_max;
	a.watchdog = c.watchdog;
	a.max_idle = c.max_idle;
	a.x_init_seed = c.x_init_seed;
	a.sbo.x_init_seed = c.x_init_seed;
	a.coverage_dat = c.cov_dat;
	a.json = c.json == "-" ? "" : c.json;
	a.no_scoreboard = c.no_sb;
	a.mutant = c.mutant;
	a.trace_from = -1;
	a.trace_to = -1;

	/* With an explicit window the one run writes the waves. */
	if (!c.trace.empty() && c.win_from >= 0) {
		a.trace = c.trace;
		a.trace_from = c.win_from;
		a.trace_to = c.win_to;
	}
	int st = cfg->run(&a);
	if (st == SB_ERROR)
		return st;

	/* Without one: same run again (deterministic) with the window chosen now. */
	if (!c.trace.empty() && c.win_from < 0) {
		sim_args t = a;
		t.sbo.quiet = true;
		t.sbo.out = nullptr;
		t.json.clear();
		t.coverage_dat.clear();
		t.trace = c.trace;
		t.trace_from = a.fail_op >= 0 ? (a.fail_op > 200 ? a.fail_op - 200 : 0) : 0;
		t.trace_to = LONG_MAX - 1;
		cfg->run(&t);
		a.trace_written = t.trace_written;
		a.trace_start_cycle = t.trace_start_cycle;
	}
	if (!c.trace.empty()) {
		if (!a.trace_written) {
			fprintf(stderr, "sysmmu-sim: trace window %ld:%ld never reached; no waves written\n",
				a.trace_from, a.trace_to);
		} else {
			uint64_t marker = a.fail_op >= 0 ? 2 * a.fail_cycle : 2 * a.trace_start_cycle;

			if (sim_write_gtkw(c.trace, marker))
				return SB_ERROR;
			/* After a failure always: the one command that shows it. */
			if (!c.quiet || st != SB_PASS)
				printf("waves: %s%s; open with: gtkwave %s\n", c.trace.c_str(),
				       a.fail_op >= 0 ? ", marker at the first failure" : "",
				       shq(gtkw_path(c.trace)).c_str());
		}
	}
	vec_free(&v);
	return st;
}
