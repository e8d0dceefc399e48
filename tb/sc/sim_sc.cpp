// SPDX-License-Identifier: Apache-2.0
//
// sysmmu-sim-sc: the lockstep testbench with the RTL verilated as a SystemC
// module (--sc). Same command line, scoreboard (tb/scoreboard.c), model and
// result.json as build/sysmmu-sim; only the harness around the pins is
// SystemC: clock/reset, APB driver, request driver, response sink, AXI
// memory and a monitor (tb/sc/sc_tb.h, tb/sc/sim_sc_bench.h). See
// docs/systemc.md.
#include <cstdio>
#include <string>

#include <systemc>
#include <verilated.h>

#include "sim_sc_opts.h"
#include "sysmmu/scoreboard.h"

using namespace sc_core;

// Our main() replaces libsystemc's: --help and --version answer before the
// simulation kernel (and its banner) starts.
int main(int argc, char **argv)
{
	sim_sc_early_opts(argc, argv);
	return sc_elab_and_sim(argc, argv);
}

int sc_main(int argc, char **argv)
{
	sim_opts o;
	int rc = parse_sim_opts(argc, argv, &o);
	std::string built;

	if (rc)
		return rc;
	sc_report_handler::set_actions("/OSCI/SystemC", SC_INFO, SC_DO_NOTHING);
	Verilated::commandArgs(argc, argv);
	Verilated::traceEverOn(true);
	for (size_t i = 0; i < sc_n_configs; i++) {
		const sc_config &c = sc_configs[i];

		if (c.variant == (int)o.vec->variant && c.tlb_entries == o.vec->tlb_entries &&
		    c.flpd_entries == o.vec->flpd_entries)
			return c.run(o);
		built += std::string(i ? ", " : "") + c.name;
	}
	fprintf(stderr, "sysmmu-sim-sc: %s: no verilated configuration v%d tlb_entries %u "
		"flpd_entries %u (built: %s)\n", o.vector_desc.c_str(), o.vec->variant,
		o.vec->tlb_entries, o.vec->flpd_entries, built.c_str());
	return SB_ERROR;
}
