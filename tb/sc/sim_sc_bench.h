// SPDX-License-Identifier: Apache-2.0
//
// The SystemC lockstep bench around one verilated configuration V (templates,
// instantiated once per configuration by a generated translation unit, see
// mk/sc.mk): pins, monitor, the bench module wiring DUT and testbench
// modules (sc_tb.h), the scoreboard port, waves. See docs/systemc.md.
#ifndef SYSMMU_SIM_SC_BENCH_H
#define SYSMMU_SIM_SC_BENCH_H

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <deque>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include <systemc>
#include <verilated.h>
#include <verilated_fst_sc.h>

#include "sc_tb.h"
#include "sim.h"  // tb/sim: sim_write_gtkw(), shared with sysmmu-sim
#include "sim_sc_opts.h"
#include "sysmmu/scoreboard.h"
#include "sysmmu/vec.h"

namespace sc_bench {

using namespace sc_core;
using namespace sc_tb;

const unsigned WATCHDOG_CYCLES = 20000;

// Every pin of the DUT as a signal; PA_T is the type Verilator gives the
// PA_W-wide ports (uint32_t for 32 bits, uint64_t for 36).
template <typename PA_T>
struct pins {
	sc_signal<bool> rst_n{"rst_n"};
	sc_signal<bool> psel{"psel"}, penable{"penable"}, pwrite{"pwrite"};
	sc_signal<uint32_t> paddr{"paddr"}, pwdata{"pwdata"}, pstrb{"pstrb"}, prdata{"prdata"};
	sc_signal<bool> pready{"pready"}, pslverr{"pslverr"};
	sc_signal<bool> req_valid{"req_valid"}, req_ready{"req_ready"};
	sc_signal<uint32_t> req_va{"req_va"};
	sc_signal<bool> req_write{"req_write"}, req_ns{"req_ns"};
	sc_signal<uint32_t> req_id{"req_id"}, req_len{"req_len"};
	sc_signal<bool> rsp_valid{"rsp_valid"}, rsp_ready{"rsp_ready"};
	sc_signal<PA_T> rsp_pa{"rsp_pa"};
	sc_signal<bool> rsp_fault{"rsp_fault"};
	sc_signal<uint32_t> rsp_fault_kind{"rsp_fault_kind"}, rsp_id{"rsp_id"};
	sc_signal<bool> rsp_tlb_hit{"rsp_tlb_hit"}, rsp_flpd_hit{"rsp_flpd_hit"};
	sc_signal<bool> ar_valid{"ar_valid"}, ar_ready{"ar_ready"};
	sc_signal<PA_T> ar_addr{"ar_addr"};
	sc_signal<uint32_t> ar_len{"ar_len"}, ar_size{"ar_size"};
	sc_signal<bool> r_valid{"r_valid"}, r_ready{"r_ready"};
	sc_signal<uint32_t> r_data{"r_data"}, r_resp{"r_resp"};
	sc_signal<bool> r_last{"r_last"};
	sc_signal<bool> irq{"irq"};
};

// Watches the handshakes at every rising edge and tells the scoreboard,
// in a fixed order per edge: acceptance, walk read, response.
template <typename PA_T>
SC_MODULE(monitor)
{
	sc_in<bool> clk;

	SC_HAS_PROCESS(monitor);
	monitor(sc_module_name name, pins<PA_T> &p) : sc_module(name), clk("clk"), p_(p)
	{
		SC_METHOD(tick);
		sensitive << clk.pos();
		dont_initialize();
	}

	struct sb *sb = nullptr;
	uint64_t cycle = 0;
	uint64_t accepted = 0, returned = 0;
	uint64_t last_progress = 0;
	bool read_outstanding = false;
	uint64_t read_addr = 0;

private:
	pins<PA_T> &p_;
	std::deque<uint64_t> accept_cycle_;
	bool rsp_seen_ = false;
	uint64_t rsp_first_ = 0;

	void tick()
	{
		cycle++;
		if (!p_.rst_n.read() || !sb)
			return;
		if (p_.req_valid.read() && p_.req_ready.read()) {
			accepted++;
			accept_cycle_.push_back(cycle);
			last_progress = cycle;
			sb_rtl_accept(sb);
		}
		walk();
		response();
	}

	void walk()
	{
		if (p_.r_valid.read() && p_.r_ready.read()) {
			read_outstanding = false;
			last_progress = cycle;
		}
		if (!(p_.ar_valid.read() && p_.ar_ready.read()))
			return;
		if (read_outstanding) {
			char a[64];

			snprintf(a, sizeof(a), "AR 0x%" PRIX64 " while 0x%" PRIX64 " outstanding",
				 (uint64_t)p_.ar_addr.read(), read_addr);
			sb_rtl_protocol(sb, "outstanding_reads", "at most 1", a);
		}
		read_outstanding = true;
		read_addr = (uint64_t)p_.ar_addr.read();
		last_progress = cycle;
		sb_rtl_walk(sb, read_addr, p_.ar_len.read(), p_.ar_size.read());
	}

	void response()
	{
		struct sb_rsp r = {};

		if (!p_.rsp_valid.read())
			return;
		if (!rsp_seen_) {
			rsp_seen_ = true;
			rsp_first_ = cycle;
		}
		if (!p_.rsp_ready.read())
			return;
		r.pa = (uint64_t)p_.rsp_pa.read();
		r.fault = p_.rsp_fault.read();
		r.fault_kind = p_.rsp_fault_kind.read();
		r.id = p_.rsp_id.read();
		r.tlb_hit = p_.rsp_tlb_hit.read();
		r.flpd_hit = p_.rsp_flpd_hit.read();
		r.cycle = cycle;
		if (!accept_cycle_.empty()) {
			r.latency = rsp_first_ - accept_cycle_.front();
			accept_cycle_.pop_front();
		}
		rsp_seen_ = false;
		returned++;
		last_progress = cycle;
		sb_rtl_rsp(sb, &r);
	}
};

// The whole bench for one verilated configuration V.
template <class V, typename PA_T>
SC_MODULE(bench)
{
	pins<PA_T> p;
	clk_rst cr;
	V dut;
	apb_driver apb;
	req_driver req;
	rsp_sink rsp;
	axi_mem<PA_T> mem;
	monitor<PA_T> mon;

	SC_HAS_PROCESS(bench);
	bench(sc_module_name name, const sim_opts &o, const timing &t)
		: sc_module(name), cr("clk_rst", 4), dut("sysmmu"), apb("apb"),
		  req("req", t), rsp("rsp", t), mem("mem", t), mon("mon", p), o_(o)
	{
		bind_dut();
		bind_tb();
		SC_THREAD(run);
	}

	int status = SB_ERROR;
	double wall = 0, cpu = 0;

	struct sb *get_sb() const { return sb_; }

private:
	const sim_opts &o_;
	struct sb *sb_ = nullptr;
	std::unique_ptr<VerilatedFstSc> fst_;
	bool trace_done_ = false;
	uint64_t trace_start_ = UINT64_MAX;  // cycle the FST opened at

	void bind_dut()
	{
		dut.clk_i(cr.clk);
		dut.rst_ni(p.rst_n);
		dut.psel_i(p.psel);
		dut.penable_i(p.penable);
		dut.pwrite_i(p.pwrite);
		dut.paddr_i(p.paddr);
		dut.pwdata_i(p.pwdata);
		dut.pstrb_i(p.pstrb);
		dut.prdata_o(p.prdata);
		dut.pready_o(p.pready);
		dut.pslverr_o(p.pslverr);
		dut.req_valid_i(p.req_valid);
		dut.req_ready_o(p.req_ready);
		dut.req_va_i(p.req_va);
		dut.req_write_i(p.req_write);
		dut.req_ns_i(p.req_ns);
		dut.req_id_i(p.req_id);
		dut.req_len_i(p.req_len);
		dut.rsp_valid_o(p.rsp_valid);
		dut.rsp_ready_i(p.rsp_ready);
		dut.rsp_pa_o(p.rsp_pa);
		dut.rsp_fault_o(p.rsp_fault);
		dut.rsp_fault_kind_o(p.rsp_fault_kind);
		dut.rsp_id_o(p.rsp_id);
		dut.rsp_tlb_hit_o(p.rsp_tlb_hit);
		dut.rsp_flpd_hit_o(p.rsp_flpd_hit);
		dut.ar_valid_o(p.ar_valid);
		dut.ar_ready_i(p.ar_ready);
		dut.ar_addr_o(p.ar_addr);
		dut.ar_len_o(p.ar_len);
		dut.ar_size_o(p.ar_size);
		dut.r_valid_i(p.r_valid);
		dut.r_ready_o(p.r_ready);
		dut.r_data_i(p.r_data);
		dut.r_resp_i(p.r_resp);
		dut.r_last_i(p.r_last);
		dut.irq_o(p.irq);
	}

	void bind_tb()
	{
		cr.rst_n(p.rst_n);
		apb.clk(cr.clk);
		apb.psel(p.psel);
		apb.penable(p.penable);
		apb.pwrite(p.pwrite);
		apb.paddr(p.paddr);
		apb.pwdata(p.pwdata);
		apb.pstrb(p.pstrb);
		apb.prdata(p.prdata);
		apb.pready(p.pready);
		apb.pslverr(p.pslverr);
		req.clk(cr.clk);
		req.valid(p.req_valid);
		req.ready(p.req_ready);
		req.va(p.req_va);
		req.write(p.req_write);
		req.ns(p.req_ns);
		req.id(p.req_id);
		req.len(p.req_len);
		rsp.clk(cr.clk);
		rsp.ready(p.rsp_ready);
		mem.clk(cr.clk);
		mem.ar_valid(p.ar_valid);
		mem.ar_ready(p.ar_ready);
		mem.ar_addr(p.ar_addr);
		mem.r_valid(p.r_valid);
		mem.r_ready(p.r_ready);
		mem.r_data(p.r_data);
		mem.r_resp(p.r_resp);
		mem.r_last(p.r_last);
		mon.clk(cr.clk);
	}

	// ---- the scoreboard's port (called from run(), at rising edges) ----

	static bench *self(void *ctx) { return static_cast<bench *>(ctx); }

	static void port_issue(void *ctx, const struct sysmmu_req *r) { self(ctx)->req.push(*r); }

	static int port_wait_rsp(void *ctx, uint64_t n)
	{
		bench *b = self(ctx);

		while (b->mon.returned < n) {
			if (sb_stopped(b->sb_))
				return -1;
			if (b->mon.cycle - b->mon.last_progress > WATCHDOG_CYCLES) {
				b->watchdog(n);
				return -1;
			}
			sc_core::wait(b->cr.clk.posedge_event());
		}
		settle();
		return 0;
	}

	// Port calls return one delta after a rising edge: the DUT's outputs
	// (irq) then show what that edge did.
	static void settle() { sc_core::wait(SC_ZERO_TIME); }

	static int port_apb(void *ctx, bool write, uint32_t off, uint32_t wdata,
			    uint32_t *rdata, bool *slverr)
	{
		bench *b = self(ctx);

		if (b->apb.access(write, off, wdata, rdata, slverr) == 0)
			return 0;
		sb_watchdog(b->sb_, "APB access without PREADY for 16 cycles");
		return -1;
	}

	static int port_apb_strb(void *ctx, uint32_t off, uint32_t wdata, unsigned strb,
				 bool *slverr)
	{
		bench *b = self(ctx);
		uint32_t rdata;

		if (b->apb.access(true, off, wdata, &rdata, slverr, strb) == 0)
			return 0;
		sb_watchdog(b->sb_, "APB access without PREADY for 16 cycles");
		return -1;
	}

	static int port_idle(void *ctx, unsigned cycles)
	{
		bench *b = self(ctx);

		for (unsigned i = 0; i < cycles; i++)
			sc_core::wait(b->cr.clk.posedge_event());
		settle();
		return sb_stopped(b->sb_) ? -1 : 0;
	}

	static bool port_irq(void *ctx) { return self(ctx)->p.irq.read(); }
	static uint64_t port_cycle(void *ctx) { return self(ctx)->mon.cycle; }
	static void port_op_begin(void *ctx, size_t i) { self(ctx)->trace_op(i); }

	void watchdog(uint64_t n)
	{
		char what[256];
		const struct sysmmu_req *f = req.front();

		snprintf(what, sizeof(what),
			 "%" PRIu64 " response(s) outstanding after %u idle cycles; "
			 "request queue %zu (front va 0x%08X); AR %s (last 0x%" PRIX64 ")",
			 n - mon.returned, WATCHDOG_CYCLES, req.queued(), f ? f->va : 0,
			 mon.read_outstanding ? "read outstanding" : "idle", mon.read_addr);
		sb_watchdog(sb_, what);
	}

public:
	bool traced() const { return fst_ && trace_start_ != UINT64_MAX; }
	// GTKWave marker: the first mismatch, else where the waves start.
	// Cycle c is the rising edge at (c - 1) * 10 ns; FST time is in ps.
	uint64_t marker_ps() const
	{
		uint64_t c = sb_first_fail_cycle(sb_);

		if (!c || c < trace_start_)
			c = trace_start_;
		return c ? (c - 1) * 10000 : 0;
	}

	// The trace file must be registered with the kernel while the
	// simulation is paused after elaboration (a file added from inside a
	// running process is never called); it opens later, in trace_op().
	void setup_trace()
	{
		if (o_.trace.empty())
			return;
		fst_.reset(new VerilatedFstSc);
		dut.trace(fst_.get(), 99);
	}

private:
	// Waves for ops [trace_from, trace_to]: the FST opens when op
	// trace_from starts and closes when op trace_to + 1 starts.
	void trace_op(size_t i)
	{
		if (!fst_ || trace_done_)
			return;
		if (!fst_->isOpen() && i >= o_.trace_from && i <= o_.trace_to) {
			fst_->open(o_.trace.c_str());
			trace_start_ = mon.cycle;
		}
		if (fst_->isOpen() && i > o_.trace_to) {
			fst_->close();
			trace_done_ = true;
		}
	}

	void run()
	{
		struct sb_port port = {};
		auto t0 = std::chrono::steady_clock::now();
		std::clock_t c0 = std::clock();

		port.ctx = this;
		port.issue = port_issue;
		port.wait_rsp = port_wait_rsp;
		port.apb = port_apb;
		port.idle = port_idle;
		port.irq = port_irq;
		port.cycle = port_cycle;
		port.op_begin = port_op_begin;
		port.apb_strb = port_apb_strb;
		if (sb_create_for(port))
			return;
		mem.set_mem(sb_mem(sb_));
		mon.sb = sb_;
		wait(cr.done);
		status = sb_run(sb_);
		if (fst_)
			fst_->flush();
		wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
		cpu = (double)(std::clock() - c0) / CLOCKS_PER_SEC;
		sc_stop();
	}

	int sb_create_for(const struct sb_port &port);
};

template <class V, typename PA_T>
int bench<V, PA_T>::sb_create_for(const struct sb_port &port)
{
	char err[512];

	sb_ = sb_create(o_.vec, &o_.sb, &port, err, sizeof(err));
	if (sb_)
		return 0;
	fprintf(stderr, "sysmmu-sim-sc: %s\n", err);
	status = SB_ERROR;
	sc_stop();
	return -1;
}

// Runs the whole bench on verilated configuration V; PA_T follows from the
// type Verilator gave the PA_W-wide ports.
template <class V>
int run(const sim_opts &o)
{
	using PA_T = typename std::remove_reference<
		decltype(std::declval<V &>().rsp_pa_o)>::type::data_type;
	timing t;
	int rc;

	t.seed = o.timing_seed;
	t.mem_lat_min = o.mem_lat_min;
	t.mem_lat_max = o.mem_lat_max;
	bench<V, PA_T> b("top", o, t);

	sc_start(SC_ZERO_TIME);
	b.setup_trace();
	sc_start();
	if (!b.get_sb())
		return SB_ERROR;
	rc = finish_run(o, b.get_sb(), b.status, b.wall, b.cpu);
	if (b.traced() && sim_write_gtkw(o.trace, b.marker_ps()) && rc == SB_PASS)
		rc = SB_ERROR;
	sb_destroy(b.get_sb());
	return rc;
}

} // namespace sc_bench

#endif // SYSMMU_SIM_SC_BENCH_H
