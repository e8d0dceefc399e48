// SPDX-License-Identifier: Apache-2.0
//
// Command line of sysmmu-sim-sc (the sysmmu-sim contract, docs/systemc.md)
// and the end-of-run output. Plain C++, no SystemC.
#ifndef SYSMMU_SIM_SC_OPTS_H
#define SYSMMU_SIM_SC_OPTS_H

#include <cstddef>
#include <cstdint>
#include <string>

#include "sysmmu/scoreboard.h"
#include "sysmmu/vec.h"

struct sim_opts {
	std::string file;             // FILE.vec, or empty when generated
	bool gen = false;
	uint64_t seed = 0;
	std::string profile;
	size_t ops = 0;
	int variant = 0;              // 0: from the vector header / default
	unsigned tlb_entries = 0, flpd_entries = 0;
	uint64_t timing_seed = 1;
	unsigned mem_lat_min = 0, mem_lat_max = 8;
	std::string trace;
	size_t trace_from = 0, trace_to = SIZE_MAX;
	std::string json = "result.json";
	std::string dump_vec;
	std::string repro, vector_desc;
	struct vec v;
	const struct vec *vec = nullptr;
	struct sb_opts sb = {};

	sim_opts() { vec_init(&v); }
	~sim_opts() { vec_free(&v); }
	sim_opts(const sim_opts &) = delete;
	sim_opts &operator=(const sim_opts &) = delete;
};

// Parses argv, loads or generates the vector, writes --dump-vec. Returns 0,
// or the exit code (2) after printing a message naming the problem.
int parse_sim_opts(int argc, char **argv, sim_opts *o);

// Writes result.json and the summary line; wall and cpu are the seconds
// of the timed part. Returns the process exit code.
int finish_run(const sim_opts &o, struct sb *sb, int status, double wall, double cpu);

#endif // SYSMMU_SIM_SC_OPTS_H
