// SPDX-License-Identifier: Apache-2.0
/*
 * Writes a GTKWave save file (.gtkw) next to an FST file: the signals the
 * FST really holds, grouped (APB, requests, responses, walker AXI,
 * interrupt, TLB state, FLPD, walker), 1-bit signals in binary and buses
 * in hex, with the marker at the time of interest and in view, the
 * testbench signals (TOP.tb, tbtrace.h) first, and GTKWave translate
 * filters (written next to the save file, from the model's own name
 * tables) on fault kinds, AXI responses and page sizes. The signal list comes
 * from the FST's own hierarchy (the fstapi reader that Verilator's FST
 * writer already links in), so renamed RTL signals cannot go stale here.
 */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gtkwave/fstapi.h"

#include "sim.h"
#include "sysmmu/model.h"

namespace {

struct sig {
	std::string path;   /* TOP.sysmmu.u_tlb.valid_q[31:0] */
	std::string leaf;   /* valid_q */
	std::string scope;  /* TOP.sysmmu.u_tlb */
	unsigned len;
	bool top_port;      /* directly in TOP.sysmmu */
};

struct group {
	const char *title;
	size_t cap;
	std::vector<const sig *> sigs;
};

bool starts(const std::string &s, const char *p)
{
	return s.compare(0, strlen(p), p) == 0;
}

bool has(const std::string &s, const char *p)
{
	return s.find(p) != std::string::npos;
}

std::vector<sig> read_signals(const std::string &fst)
{
	std::vector<sig> out;
	std::vector<std::string> scopes;
	void *r = fstReaderOpen(fst.c_str());
	struct fstHier *h;

	if (!r)
		return out;
	while ((h = fstReaderIterateHier(r))) {
		if (h->htyp == FST_HT_SCOPE) {
			scopes.push_back(h->u.scope.name);
			continue;
		}
		if (h->htyp == FST_HT_UPSCOPE) {
			if (!scopes.empty())
				scopes.pop_back();
			continue;
		}
		if (h->htyp != FST_HT_VAR || h->u.var.typ == FST_VT_VCD_PARAMETER)
			continue;
		if (scopes.size() < 2)
			continue;  /* TOP-level copies of the ports */
		sig s;
		std::string name = h->u.var.name;
		size_t sp = name.find(' ');

		s.leaf = sp == std::string::npos ? name : name.substr(0, sp);
		s.path.clear();
		for (const std::string &sc : scopes)
			s.scope += (s.scope.empty() ? "" : ".") + sc;
		s.path = s.scope + "." + s.leaf + (sp == std::string::npos ? "" : name.substr(sp + 1));
		s.len = h->u.var.length;
		s.top_port = scopes.size() == 2;
		out.push_back(s);
	}
	fstReaderClose(r);
	return out;
}

/* Index of the group a signal belongs to, or -1. */
int classify(const sig &s)
{
	const std::string &n = s.leaf;
	std::string low = s.scope + "." + n;

	for (char &ch : low)
		ch = (char)tolower((unsigned char)ch);
	if (s.scope == "TOP.tb")
		return 9;
	if (s.top_port) {
		if (n == "clk_i" || n == "rst_ni")
			return 0;
		if (starts(n, "psel") || starts(n, "penable") || starts(n, "pwrite") || starts(n, "paddr") ||
		    starts(n, "pwdata") || starts(n, "pstrb") || starts(n, "prdata") || starts(n, "pready") ||
		    starts(n, "pslverr"))
			return 1;
		if (starts(n, "req_"))
			return 2;
		if (starts(n, "rsp_"))
			return 3;
		if (starts(n, "ar_") || starts(n, "r_"))
			return 4;
		if (starts(n, "irq"))
			return 5;
		return -1;
	}
	if (has(low, "int_status") || has(low, "int_mask") || has(low, "irq") || has(low, "fault_block") ||
	    has(low, "blocked"))
		return 5;
	if (has(low, "flpd"))
		return 7;
	if (has(low, "tlb"))
		return 6;
	if (has(low, "ptw") || has(low, "walk"))
		return 8;
	return -1;
}

/* Translate filters: one file per kind of value, "VALUE NAME" lines in the
 * radix the trace shows (hex). */
enum filter { F_NONE, F_FAULT, F_RESP, F_SIZE, F_COUNT };

filter filter_of(const sig &s)
{
	if (s.len == 3 && (has(s.leaf, "fault_kind") || has(s.leaf, "done_kind")))
		return F_FAULT;
	if (s.len == 2 && s.leaf == "r_resp_i")
		return F_RESP;
	if (s.len == 2 && starts(s.leaf, "size_q"))
		return F_SIZE;
	return F_NONE;
}

std::string filter_text(filter f)
{
	static const char *const resp[] = { "OKAY", "EXOKAY", "SLVERR", "DECERR" };
	std::string t = "# GTKWave translate filter written by sysmmu-sim\n";
	char line[64];

	for (unsigned v = 0; v < 8; v++) {
		const char *name = nullptr;

		if (f == F_FAULT && v < SYSMMU_FAULT_KINDS)
			name = sysmmu_fault_name((enum sysmmu_fault)v);
		else if (f == F_RESP && v < 4)
			name = resp[v];
		else if (f == F_SIZE && v < 3)
			name = sysmmu_size_name((enum sysmmu_size)v);
		if (!name)
			continue;
		snprintf(line, sizeof(line), "%X %s\n", v, name);
		t += line;
	}
	return t;
}

/* Writes the filter files next to out (wave.gtkw -> wave.fault.filter);
 * returns their absolute paths, empty where none is needed. */
bool write_filters(const std::string &out, std::string paths[F_COUNT])
{
	static const char *const tag[F_COUNT] = { "", "fault", "axi_resp", "page_size" };
	std::string base = out.size() > 5 && out.compare(out.size() - 5, 5, ".gtkw") == 0
				   ? out.substr(0, out.size() - 5) : out;

	for (int f = F_FAULT; f < F_COUNT; f++) {
		std::string p = base + "." + tag[f] + ".filter";
		FILE *fp = fopen(p.c_str(), "w");

		if (!fp || fputs(filter_text((filter)f).c_str(), fp) < 0 || fclose(fp)) {
			fprintf(stderr, "sysmmu-sim: cannot write %s\n", p.c_str());
			return false;
		}
		char *abs = realpath(p.c_str(), nullptr);
		paths[f] = abs ? abs : p;
		free(abs);
	}
	return true;
}

} // namespace

int sim_write_gtkw(const std::string &fst, uint64_t marker)
{
	std::vector<sig> sigs = read_signals(fst);
	group groups[] = {
		{ "Clock and reset", 4, {} }, { "APB", 16, {} }, { "Requests", 16, {} },
		{ "Responses", 16, {} }, { "Walker AXI (AR/R)", 16, {} }, { "Interrupt and blocking", 24, {} },
		{ "TLB state", 96, {} }, { "FLPD cache", 48, {} }, { "Walker", 32, {} },
		{ "Testbench (last response: model = exp, RTL = act)", 16, {} },
	};
	/* Shown first: what the scoreboard saw, then the pins. */
	static const int order[] = { 9, 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	std::string filters[F_COUNT];
	std::string out = fst.size() > 4 && fst.compare(fst.size() - 4, 4, ".fst") == 0
				  ? fst.substr(0, fst.size() - 4) + ".gtkw" : fst + ".gtkw";
	FILE *f;

	if (sigs.empty()) {
		fprintf(stderr, "sysmmu-sim: %s: cannot read the FST hierarchy\n", fst.c_str());
		return -1;
	}
	/* State registers (*_q) first, then the rest while a group has room. */
	for (int pass = 0; pass < 2; pass++) {
		for (const sig &s : sigs) {
			int g = classify(s);
			bool state = s.top_port || has(s.leaf, "_q");

			if (g < 0 || state != (pass == 0) || groups[g].sigs.size() >= groups[g].cap)
				continue;
			if (!s.top_port && (s.leaf == "clk_i" || s.leaf == "rst_ni"))
				continue;
			groups[g].sigs.push_back(&s);
		}
	}
	if (!write_filters(out, filters))
		return -1;
	f = fopen(out.c_str(), "w");
	if (!f) {
		fprintf(stderr, "sysmmu-sim: cannot write %s\n", out.c_str());
		return -1;
	}
	fprintf(f, "[*] written by sysmmu-sim\n");
	fprintf(f, "[dumpfile] \"%s\"\n", fst.c_str());
	fprintf(f, "[savefile] \"%s\"\n", out.c_str());
	/* Zoom -4 shows about 35 cycles even in xvfb-run's small default screen
	 * (measured: window 0:70); the marker sits 16 cycles (32 time units) in,
	 * so it is in view however narrow the window opens. */
	fprintf(f, "[timestart] %llu\n", (unsigned long long)(marker > 32 ? marker - 32 : 0));
	fprintf(f, "[size] 1600 1000\n");
	fprintf(f, "*-4.000000 %llu -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1\n",
		(unsigned long long)marker);
	fprintf(f, "[treeopen] TOP.\n[treeopen] TOP.sysmmu.\n[sst_width] 260\n[signals_width] 320\n");
	for (int gi : order) {
		const group &g = groups[gi];

		if (g.sigs.empty())
			continue;
		fprintf(f, "@200\n-%s\n", g.title);
		for (const sig *s : g.sigs) {
			filter k = filter_of(*s);

			/* @2022: hex, right-justified, translated by file filter ^1. */
			if (k != F_NONE)
				fprintf(f, "@2022\n^1 %s\n%s\n", filters[k].c_str(), s->path.c_str());
			else
				fprintf(f, "%s\n%s\n", s->len == 1 ? "@28" : "@22", s->path.c_str());
		}
	}
	if (fclose(f)) {
		fprintf(stderr, "sysmmu-sim: cannot write %s\n", out.c_str());
		return -1;
	}
	return 0;
}
