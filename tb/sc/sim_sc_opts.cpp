// SPDX-License-Identifier: Apache-2.0
//
// Command line and end-of-run output of sysmmu-sim-sc (see sim_sc_opts.h).
#include "sim_sc_opts.h"

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "num.h"
#include "version.h"

namespace {

const char USAGE[] =
	"usage: sysmmu-sim-sc [options] FILE.vec\n"
	"       sysmmu-sim-sc [options] --seed N --profile P --ops M\n"
	"  --variant 3|5 --tlb-entries N --flpd-entries M   verilated configuration\n"
	"  --timing-seed N  --mem-latency MIN:MAX  --max-errors N  --check-tlb-every N\n"
	"  --trace FILE.fst  --trace-window A:B  --json FILE (- = none)  --no-scoreboard\n"
	"  --dump-vec FILE  --quiet  --help  --version\n"
	"Options as in sysmmu-sim (sysmmu-sim --help, docs/systemc.md).\n"
	"exit: 0 pass, 1 mismatch, 2 usage/input error, 3 watchdog\n";

int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "sysmmu-sim-sc: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", USAGE);
	return SB_ERROR;
}

// Strict numbers (tb/num.c); on error the message names option and range.
bool num_opt(const char *opt, const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	char err[200];

	if (!num_parse(opt, s, min, max, out, err, sizeof(err)))
		return true;
	usage_error("%s", err);
	return false;
}

bool uint_opt(const char *opt, const char *s, unsigned min, unsigned max, unsigned *out)
{
	uint64_t v;

	if (!num_opt(opt, s, min, max, &v))
		return false;
	*out = (unsigned)v;
	return true;
}

// A:B, both in 0..max, A <= B.
bool pair_opt(const char *opt, const char *s, uint64_t max, uint64_t *a, uint64_t *b)
{
	const char *colon = s ? strchr(s, ':') : nullptr;
	std::string left;

	if (!colon) {
		usage_error((std::string(opt) + " needs A:B, got '%s'").c_str(), s ? s : "");
		return false;
	}
	left.assign(s, colon - s);
	if (!num_opt(opt, left.c_str(), 0, max, a) || !num_opt(opt, colon + 1, 0, max, b))
		return false;
	if (*a > *b) {
		usage_error((std::string(opt) + " needs A <= B, got '%s'").c_str(), s);
		return false;
	}
	return true;
}

// Shell-quotes one argument for the repro line when it needs it.
std::string quote(const char *a)
{
	std::string s = "'";

	if (*a && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			   "0123456789_-+=/.,:@%") == strlen(a))
		return a;
	for (const char *p = a; *p; p++) {
		if (*p == '\'')
			s += "'\\''";
		else
			s += *p;
	}
	return s + "'";
}

int parse_args(int argc, char **argv, sim_opts *o)
{
	bool have_seed = false, have_ops = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : nullptr;
		uint64_t x, y;
		bool takes = true;

		if (!strcmp(a, "--seed")) {
			if (!num_opt(a, val, 0, UINT64_MAX, &o->seed))
				return SB_ERROR;
			have_seed = true;
		} else if (!strcmp(a, "--profile")) {
			if (!val)
				return usage_error("--profile needs a name%s", "");
			o->profile = val;
		} else if (!strcmp(a, "--ops")) {
			if (!num_opt(a, val, 1, 100000000, &x))
				return SB_ERROR;
			o->ops = x;
			have_ops = true;
		} else if (!strcmp(a, "--variant")) {
			unsigned v;
			if (!uint_opt(a, val, 3, 5, &v))
				return SB_ERROR;
			if (v == 4)
				return usage_error("--variant must be 3 or 5, got '%s'", val);
			o->variant = (int)v;
		} else if (!strcmp(a, "--tlb-entries")) {
			if (!uint_opt(a, val, 4, 64, &o->tlb_entries))
				return SB_ERROR;
		} else if (!strcmp(a, "--flpd-entries")) {
			if (!uint_opt(a, val, 1, 16, &o->flpd_entries))
				return SB_ERROR;
		} else if (!strcmp(a, "--timing-seed")) {
			if (!num_opt(a, val, 0, UINT64_MAX, &o->timing_seed))
				return SB_ERROR;
		} else if (!strcmp(a, "--mem-latency")) {
			if (!pair_opt(a, val, 1000, &x, &y))
				return SB_ERROR;
			o->mem_lat_min = (unsigned)x;
			o->mem_lat_max = (unsigned)y;
		} else if (!strcmp(a, "--max-errors")) {
			if (!uint_opt(a, val, 1, 1000000, &o->sb.max_errors))
				return SB_ERROR;
		} else if (!strcmp(a, "--check-tlb-every")) {
			if (!num_opt(a, val, 0, 100000000, &x))
				return SB_ERROR;
			o->sb.check_every = x;
		} else if (!strcmp(a, "--trace")) {
			if (!val)
				return usage_error("--trace needs a file name%s", "");
			o->trace = val;
		} else if (!strcmp(a, "--trace-window")) {
			if (!pair_opt(a, val, UINT32_MAX, &x, &y))
				return SB_ERROR;
			o->trace_from = x;
			o->trace_to = y;
		} else if (!strcmp(a, "--json")) {
			if (!val)
				return usage_error("--json needs a file name%s", "");
			o->json = val;
		} else if (!strcmp(a, "--dump-vec")) {
			if (!val)
				return usage_error("--dump-vec needs a file name%s", "");
			o->dump_vec = val;
		} else if (!strcmp(a, "--no-scoreboard")) {
			o->sb.no_scoreboard = true;
			takes = false;
		} else if (!strcmp(a, "--quiet")) {
			o->sb.quiet = true;
			takes = false;
		} else if (a[0] == '-' && a[1]) {
			return usage_error("unknown option '%s'", a);
		} else {
			if (!o->file.empty())
				return usage_error("more than one vector file ('%s')", a);
			o->file = a;
			takes = false;
		}
		if (takes)
			i++;
	}
	o->gen = have_seed || have_ops || !o->profile.empty();
	if (o->gen && !o->file.empty())
		return usage_error("give either FILE.vec or --seed/--profile/--ops, not both%s", "");
	if (o->gen && (!have_seed || !have_ops || o->profile.empty()))
		return usage_error("a generated run needs --seed, --profile and --ops%s", "");
	if (!o->gen && o->file.empty())
		return usage_error("no vector given%s", "");
	return 0;
}

int load_vector(sim_opts *o)
{
	char err[512];

	if (o->gen) {
		struct gen_opts g = {};

		g.seed = o->seed;
		g.ops = o->ops;
		g.profile = o->profile.c_str();
		g.variant = o->variant == 3 ? SYSMMU_V3 : SYSMMU_V5;
		g.tlb_entries = o->tlb_entries ? o->tlb_entries : 32;
		g.flpd_entries = o->flpd_entries ? o->flpd_entries : 8;
		if (sysmmu_gen(&g, &o->v, err, sizeof(err))) {
			fprintf(stderr, "sysmmu-sim-sc: %s\n", err);
			return SB_ERROR;
		}
		return 0;
	}
	if (vec_parse_file(o->file.c_str(), &o->v, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return SB_ERROR;
	}
	if ((o->variant && o->variant != (int)o->v.variant) ||
	    (o->tlb_entries && o->tlb_entries != o->v.tlb_entries) ||
	    (o->flpd_entries && o->flpd_entries != o->v.flpd_entries)) {
		std::string asked;

		if (o->variant)
			asked += " --variant " + std::to_string(o->variant);
		if (o->tlb_entries)
			asked += " --tlb-entries " + std::to_string(o->tlb_entries);
		if (o->flpd_entries)
			asked += " --flpd-entries " + std::to_string(o->flpd_entries);
		fprintf(stderr, "sysmmu-sim-sc: %s: the vector header says variant %d tlb_entries %u "
			"flpd_entries %u; the command line asks for%s (drop the option or use a "
			"matching vector)\n", o->file.c_str(), o->v.variant, o->v.tlb_entries,
			o->v.flpd_entries, asked.c_str());
		return SB_ERROR;
	}
	return 0;
}

int dump_vector(const sim_opts &o)
{
	FILE *f = fopen(o.dump_vec.c_str(), "w");
	int rc;

	if (!f) {
		fprintf(stderr, "sysmmu-sim-sc: cannot write %s: %s\n", o.dump_vec.c_str(),
			strerror(errno));
		return SB_ERROR;
	}
	rc = vec_write(f, &o.v);
	if (fclose(f) || rc) {
		fprintf(stderr, "sysmmu-sim-sc: error writing %s\n", o.dump_vec.c_str());
		return SB_ERROR;
	}
	return 0;
}

} // namespace

void sim_sc_early_opts(int argc, char **argv)
{
	sysmmu_version_opt(argc, argv, "sysmmu-sim-sc");
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(USAGE, stdout);
			exit(0);
		}
	}
}

int parse_sim_opts(int argc, char **argv, sim_opts *o)
{
	char desc[160];
	int rc = parse_args(argc, argv, o);

	if (rc)
		return rc;
	rc = load_vector(o);
	if (rc)
		return rc;
	if (!o->dump_vec.empty() && (rc = dump_vector(*o)))
		return rc;
	o->vec = &o->v;
	for (int i = 0; i < argc; i++)
		o->repro += (i ? " " : "") + quote(argv[i]);
	if (o->gen)
		snprintf(desc, sizeof(desc), "gen:seed=%" PRIu64 ",profile=%s,ops=%zu", o->seed,
			 o->profile.c_str(), o->ops);
	o->vector_desc = o->gen ? desc : o->file;
	o->sb.out = stdout;
	o->sb.tool = "sysmmu-sim-sc";
	o->sb.vector = o->vector_desc.c_str();
	o->sb.repro = o->repro.c_str();
	o->sb.seed = o->gen ? (long long)o->seed : -1;
	o->sb.profile = o->gen ? o->profile.c_str() : nullptr;
	o->sb.timing_seed = o->timing_seed;
	if (!o->sb.max_errors)
		o->sb.max_errors = 1;
	return 0;
}

int finish_run(const sim_opts &o, struct sb *sb, int status, double wall, double cpu)
{
	FILE *f;

	sb_write_summary(sb, stdout, wall);
	// "--json -" means no result file, as in sysmmu-sim.
	if (o.json == "-")
		return status;
	f = fopen(o.json.c_str(), "w");
	if (!f) {
		fprintf(stderr, "sysmmu-sim-sc: cannot write %s: %s\n", o.json.c_str(),
			strerror(errno));
		return SB_ERROR;
	}
	sb_write_json(sb, f, wall, cpu);
	if (fclose(f)) {
		fprintf(stderr, "sysmmu-sim-sc: error writing %s\n", o.json.c_str());
		return SB_ERROR;
	}
	return status;
}
