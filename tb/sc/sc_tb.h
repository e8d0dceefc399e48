// SPDX-License-Identifier: Apache-2.0
//
// SystemC testbench modules around the verilated SYSMMU (--sc): clock and
// reset, APB driver, request driver, response sink, AXI read memory and the
// pin monitor that feeds the C scoreboard (include/sysmmu/scoreboard.h).
//
// Timing convention: every process acts at the rising clock edge. What it
// reads there are the values of the cycle that just ended (the DUT's new
// outputs only appear one delta later), so "valid && ready" read at an edge
// is a handshake at that edge; what it writes is seen by the DUT at the next
// edge. Random timing (gaps, back-pressure, latency) comes from a seeded
// generator and only changes when things happen, never what is compared.
#ifndef SYSMMU_SC_TB_H
#define SYSMMU_SC_TB_H

#include <cstdint>
#include <deque>
#include <string>

#include <systemc>

#include "sysmmu/model.h"
#include "sysmmu/scoreboard.h"
#include "sysmmu/vec.h"

namespace sc_tb {

using namespace sc_core;

// splitmix64: small, fast, and the same sequence on every platform.
struct rng {
	uint64_t s;
	explicit rng(uint64_t seed) : s(seed) {}
	uint64_t next()
	{
		uint64_t z = (s += 0x9E3779B97F4A7C15ull);

		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
		return z ^ (z >> 31);
	}
	unsigned range(unsigned lo, unsigned hi)  // inclusive
	{
		return lo + (unsigned)(next() % ((uint64_t)hi - lo + 1));
	}
	bool percent(unsigned p) { return next() % 100 < p; }
};

struct timing {
	uint64_t seed = 1;
	unsigned mem_lat_min = 0, mem_lat_max = 8;
	unsigned req_gap_pct = 30;     // chance of an idle cycle before a request
	unsigned rsp_ready_pct = 75;   // chance rsp_ready is high in a cycle
	unsigned ar_ready_pct = 75;    // chance ar_ready is high in a cycle
};

SC_MODULE(clk_rst)
{
	sc_clock clk;
	sc_out<bool> rst_n;
	sc_event done;

	SC_HAS_PROCESS(clk_rst);
	clk_rst(sc_module_name name, unsigned cycles)
		: sc_module(name), clk("clk", 10, SC_NS), rst_n("rst_n"), cycles_(cycles)
	{
		SC_THREAD(run);
	}

private:
	unsigned cycles_;

	void run()
	{
		rst_n.write(false);
		for (unsigned i = 0; i < cycles_; i++)
			wait(clk.posedge_event());
		rst_n.write(true);
		wait(clk.posedge_event());
		done.notify();
	}
};

// APB4 master. access() is called from a thread standing at a rising edge
// and returns one delta after the edge that completes the access phase, so
// the caller sees the DUT's outputs as that edge left them (irq).
SC_MODULE(apb_driver)
{
	sc_in<bool> clk;
	sc_out<bool> psel, penable, pwrite;
	sc_out<uint32_t> paddr, pwdata, pstrb;
	sc_in<uint32_t> prdata;
	sc_in<bool> pready, pslverr;

	SC_CTOR(apb_driver)
		: clk("clk"), psel("psel"), penable("penable"), pwrite("pwrite"),
		  paddr("paddr"), pwdata("pwdata"), pstrb("pstrb"), prdata("prdata"),
		  pready("pready"), pslverr("pslverr")
	{
	}

	// Returns 0, or -1 when PREADY never came (the spec says zero wait
	// states, so 16 cycles is already a broken DUT). strb is PSTRB of a
	// write (spec §9: anything but 0xF answers PSLVERR); reads cycle it
	// (vec_read_strb), which the RTL must ignore.
	int access(bool write, uint32_t off, uint32_t wdata, uint32_t *rdata, bool *slverr,
		   unsigned strb = 0xF)
	{
		unsigned waited = 0;

		psel.write(true);
		penable.write(false);
		pwrite.write(write);
		paddr.write(off & 0xFFF);
		pwdata.write(write ? wdata : 0);
		pstrb.write(write ? strb & 0xF : vec_read_strb(reads_++));
		wait(clk.posedge_event());
		penable.write(true);
		do
			wait(clk.posedge_event());
		while (!pready.read() && ++waited < 16);
		*rdata = write ? 0 : prdata.read();
		*slverr = pslverr.read();
		psel.write(false);
		penable.write(false);
		wait(SC_ZERO_TIME);
		return waited < 16 ? 0 : -1;
	}

private:
	unsigned reads_ = 0;  // APB reads so far: picks PSTRB
};

// Presents queued requests in order with random idle gaps.
SC_MODULE(req_driver)
{
	sc_in<bool> clk;
	sc_out<bool> valid;
	sc_in<bool> ready;
	sc_out<uint32_t> va;
	sc_out<bool> write, ns;
	sc_out<uint32_t> id, len;

	SC_HAS_PROCESS(req_driver);
	req_driver(sc_module_name name, const timing &t)
		: sc_module(name), clk("clk"), valid("valid"), ready("ready"), va("va"),
		  write("write"), ns("ns"), id("id"), len("len"), t_(t), rng_(t.seed * 3 + 1)
	{
		SC_THREAD(run);
	}

	void push(const struct sysmmu_req &r)
	{
		q_.push_back(r);
		push_ev_.notify();
	}
	size_t queued() const { return q_.size(); }
	const struct sysmmu_req *front() const { return q_.empty() ? nullptr : &q_.front(); }

private:
	timing t_;
	rng rng_;
	std::deque<struct sysmmu_req> q_;
	sc_event push_ev_;

	void run()
	{
		valid.write(false);
		for (;;) {
			while (q_.empty())
				wait(push_ev_);
			present(q_.front());
			q_.pop_front();
		}
	}

	void present(const struct sysmmu_req &r)
	{
		valid.write(false);
		while (rng_.percent(t_.req_gap_pct))
			wait(clk.posedge_event());
		valid.write(true);
		va.write(r.va);
		write.write(r.write);
		ns.write(r.ns);
		id.write(r.id);
		len.write(r.len);
		do
			wait(clk.posedge_event());
		while (!ready.read());
		valid.write(false);
	}
};

// Random response back-pressure.
SC_MODULE(rsp_sink)
{
	sc_in<bool> clk;
	sc_out<bool> ready;

	SC_HAS_PROCESS(rsp_sink);
	rsp_sink(sc_module_name name, const timing &t)
		: sc_module(name), clk("clk"), ready("ready"), t_(t), rng_(t.seed * 5 + 2)
	{
		SC_METHOD(tick);
		sensitive << clk.pos();
		dont_initialize();
	}

private:
	timing t_;
	rng rng_;

	void tick() { ready.write(rng_.percent(t_.rsp_ready_pct)); }
};

// AXI read slave over the shared vmem: random AR back-pressure, a random
// latency per read (waited in clock cycles), RRESP SLVERR in error regions.
template <typename PA_T>
SC_MODULE(axi_mem)
{
	sc_in<bool> clk;
	sc_in<bool> ar_valid;
	sc_out<bool> ar_ready;
	sc_in<PA_T> ar_addr;
	sc_out<bool> r_valid;
	sc_in<bool> r_ready;
	sc_out<uint32_t> r_data, r_resp;
	sc_out<bool> r_last;

	SC_HAS_PROCESS(axi_mem);
	axi_mem(sc_module_name name, const timing &t)
		: sc_module(name), clk("clk"), ar_valid("ar_valid"), ar_ready("ar_ready"),
		  ar_addr("ar_addr"), r_valid("r_valid"), r_ready("r_ready"), r_data("r_data"),
		  r_resp("r_resp"), r_last("r_last"), t_(t), rng_(t.seed * 7 + 3)
	{
		SC_THREAD(run);
	}

	void set_mem(const struct vmem *m) { mem_ = m; }
	bool busy() const { return busy_; }

private:
	timing t_;
	rng rng_;
	const struct vmem *mem_ = nullptr;
	bool busy_ = false;
	unsigned err_reads_ = 0;  // erroring walk reads so far
	std::deque<uint64_t> pending_;

	void run()
	{
		ar_ready.write(false);
		r_valid.write(false);
		for (;;) {
			wait(clk.posedge_event());
			ar_tick();
			if (!pending_.empty())
				serve();
		}
	}

	// AR channel at an edge: take a read that handshakes, then choose
	// ready for the next cycle. Reads behind a busy one queue up: a
	// walker with two reads outstanding breaks the spec, and the monitor
	// reports it instead of the run hanging.
	void ar_tick()
	{
		if (ar_valid.read() && ar_ready.read())
			pending_.push_back((uint64_t)ar_addr.read());
		ar_ready.write(rng_.percent(t_.ar_ready_pct));
	}

	void serve()
	{
		uint64_t addr = pending_.front();
		uint32_t data = 0;
		unsigned lat = rng_.range(t_.mem_lat_min, t_.mem_lat_max);
		bool err;

		busy_ = true;
		pending_.pop_front();
		for (unsigned i = 0; i < lat; i++) {
			wait(clk.posedge_event());
			ar_tick();
		}
		err = vmem_read32(mem_, addr, &data) != 0;
		// junk that often looks like a descriptor, as the C++ bench
		// drives (spec §5: the data of an erroring read is ignored)
		if (err)
			data = vmem_error_junk(addr, err_reads_++);
		r_valid.write(true);
		r_data.write(data);
		r_resp.write(err ? 2 : 0);
		r_last.write(true);
		do {
			wait(clk.posedge_event());
			ar_tick();
		} while (!r_ready.read());
		r_valid.write(false);
		r_last.write(false);
		busy_ = false;
	}
};

} // namespace sc_tb

#endif // SYSMMU_SC_TB_H
