// SPDX-License-Identifier: Apache-2.0
//
// SYSMMU RTL smoke test: a small Verilator harness with its own APB master,
// request/response driver and single-outstanding AXI read memory. It runs a
// short directed sequence on one variant (SMOKE_VARIANT, 3 or 5) and checks
// every answer against values worked out by hand from docs/spec.md (page
// tables are hand-encoded here too; nothing comes from the C model).
//
// usage: Vsmoke [--quiet] [+verilator+rand+reset+2 +verilator+seed+N]
// exit: 0 pass, 1 check failed (prints the command that reproduces it)
//
// The output does not depend on the X-initialisation seed: `make smoke`
// runs two seeds and compares the logs byte for byte.
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <verilated.h>

#include "Vsysmmu.h"
#include "sysmmu/regs.h"

#ifndef SMOKE_VARIANT
#error "build with -DSMOKE_VARIANT=3 or 5"
#endif

namespace {

constexpr int V = SMOKE_VARIANT;
constexpr bool V5 = V == 5;
constexpr unsigned TLB_N = 32;   // default TLB_ENTRIES
constexpr unsigned FLPD_N = 8;   // default FLPD_ENTRIES

// Fault kinds (spec section 8).
enum { FK_NONE, FK_PAGE, FK_MULTI, FK_BUS, FK_ACC, FK_SEC };

// Register offsets of this variant (regs.h).
constexpr uint32_t R_CTRL = SYSMMU_COM_MMU_CTRL;
constexpr uint32_t R_CFG = SYSMMU_COM_MMU_CFG;
constexpr uint32_t R_STATUS = SYSMMU_COM_MMU_STATUS;
constexpr uint32_t R_VERSION = SYSMMU_COM_MMU_VERSION;
constexpr uint32_t R_PT_BASE = V5 ? SYSMMU_V5_PT_BASE_PFN : SYSMMU_V3_PT_BASE_ADDR;
constexpr uint32_t R_FLUSH_ALL = V5 ? SYSMMU_V5_FLUSH_ALL : SYSMMU_V3_MMU_FLUSH;
constexpr uint32_t R_FLUSH_ENTRY = V5 ? SYSMMU_V5_FLUSH_ENTRY : SYSMMU_V3_MMU_FLUSH_ENTRY;
constexpr uint32_t R_INT_STATUS = V5 ? SYSMMU_V5_INT_STATUS : SYSMMU_V3_INT_STATUS;
constexpr uint32_t R_INT_CLEAR = V5 ? SYSMMU_V5_INT_CLEAR : SYSMMU_V3_INT_CLEAR;
constexpr uint32_t R_INT_MASK = V5 ? SYSMMU_V5_INT_MASK : SYSMMU_V3_INT_MASK;
constexpr uint32_t R_TLB_READ = V5 ? SYSMMU_V5_TLB_READ : SYSMMU_V3_TLB_READ;
constexpr uint32_t R_TLB_VPN = V5 ? SYSMMU_V5_TLB_VPN : SYSMMU_V3_TLB_VPN;
constexpr uint32_t R_TLB_PPN = V5 ? SYSMMU_V5_TLB_PPN : SYSMMU_V3_TLB_PPN;
constexpr uint32_t R_TLB_ATTR = V5 ? SYSMMU_V5_TLB_ATTR : SYSMMU_V3_TLB_ATTR;
constexpr uint32_t R_PM0 = V5 ? SYSMMU_V5_PM_CNT0 : SYSMMU_V3_PM_CNT0;
constexpr uint32_t PM_STRIDE = V5 ? SYSMMU_V5_PM_STRIDE : SYSMMU_V3_PM_STRIDE;

// Page tables: level-1 table at 0x0010_0000, one level-2 table at 0x0020_0000.
constexpr uint64_t L1B = 0x00100000;
constexpr uint64_t L2B = 0x00200000;

// ---- hand encoders of spec section 3 (what software writes) ----
// Permissions: bit0 read, bit1 write.
uint32_t v3_ap(unsigned perm, int ap2_bit, int ap0_bit)
{
	if (perm == 0)
		return 0;
	if (perm == 1)
		return (1u << ap2_bit) | (1u << ap0_bit);   // read only
	return 1u << ap0_bit;                            // read/write
}

uint32_t mk_section(uint64_t pa, unsigned perm, bool ns)
{
	if (V5)
		return (uint32_t)(pa >> 4) | (perm << 4) | (ns ? 8u : 0u) | 2u;
	return (uint32_t)pa | v3_ap(perm, 15, 10) | (ns ? 1u << 19 : 0u) | 2u;
}

uint32_t mk_link(uint64_t l2, bool ns)
{
	if (V5)
		return (uint32_t)(l2 >> 4) | (ns ? 8u : 0u) | 1u;
	return (uint32_t)l2 | (ns ? 8u : 0u) | 1u;
}

uint32_t mk_page(uint64_t pa, unsigned perm, bool large)
{
	uint32_t type = large ? 1u : 2u;
	if (V5)
		return (uint32_t)(pa >> 4) | (perm << 2) | type;
	return (uint32_t)pa | v3_ap(perm, 9, 4) | type;
}

uint64_t l1_addr(uint32_t va)
{
	return L1B | ((uint64_t)(va >> 20) << 2);
}

uint64_t l2_addr(uint32_t va)
{
	return L2B | ((uint64_t)((va >> 12) & 0xFF) << 2);
}

struct Rsp {
	uint64_t pa;
	bool fault;
	unsigned kind;
	unsigned id;
	bool tlb_hit;
	bool flpd_hit;
	uint64_t cycle;      // cycle in which rsp_valid was first seen
	uint64_t acc_cycle;  // cycle of the request handshake
	std::vector<uint64_t> walk;  // page-table read addresses, in order
};

struct Req {
	uint32_t va;
	bool write;
	bool ns;
	unsigned id;
	unsigned len;
};

class Bench {
public:
	Bench(int argc, char **argv, bool quiet) : quiet_(quiet)
	{
		ctx_ = std::make_unique<VerilatedContext>();
		ctx_->commandArgs(argc, argv);
		dut_ = std::make_unique<Vsysmmu>(ctx_.get(), "sysmmu");
		for (int i = 0; i < argc; i++)
			repro_ += std::string(i ? " " : "") + argv[i];
	}

	~Bench() { dut_->final(); }

	// ---- checks ----
	void check(bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)))
	{
		checks_++;
		if (ok)
			return;
		va_list ap;
		va_start(ap, fmt);
		fprintf(stderr, "smoke v%d FAIL [%s] cycle %" PRIu64 ": ", V, step_.c_str(), cycle_);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fprintf(stderr, "\nrepro: %s\n", repro_.c_str());
		exit(1);
	}

	void eq(const char *what, uint64_t got, uint64_t want)
	{
		check(got == want, "%s = 0x%" PRIx64 ", expected 0x%" PRIx64, what, got, want);
	}

	void step(const char *name) { step_ = name; }

	void note(const char *fmt, ...) __attribute__((format(printf, 2, 3)))
	{
		if (quiet_)
			return;
		va_list ap;
		va_start(ap, fmt);
		printf("  %-22s ", step_.c_str());
		vprintf(fmt, ap);
		printf("\n");
		va_end(ap);
	}

	// ---- clock ----
	void reset()
	{
		// Inputs start random under --x-initial unique: drive every one.
		dut_->clk_i = 0;
		dut_->psel_i = 0;
		dut_->penable_i = 0;
		dut_->pwrite_i = 0;
		dut_->paddr_i = 0;
		dut_->pwdata_i = 0;
		dut_->pstrb_i = 0;
		dut_->rst_ni = 0;
		for (int i = 0; i < 4; i++)
			cycle();
		dut_->rst_ni = 1;
	}

	// One clock cycle: drive inputs, settle, sample handshakes, rising edge.
	void cycle()
	{
		drive_inputs();
		dut_->clk_i = 0;
		dut_->eval();
		sample();
		ctx_->timeInc(1);
		dut_->clk_i = 1;
		dut_->eval();
		ctx_->timeInc(1);
		update_memory();
		cycle_++;
		check(cycle_ < 200000, "watchdog");
	}

	// ---- APB ----
	uint32_t apb(bool write, uint32_t addr, uint32_t data, unsigned strb, bool *err)
	{
		dut_->psel_i = 1;
		dut_->penable_i = 0;
		dut_->pwrite_i = write;
		dut_->paddr_i = addr;
		dut_->pwdata_i = write ? data : 0;
		dut_->pstrb_i = write ? strb : 0;
		cycle();
		dut_->penable_i = 1;
		apb_sampled_ = false;
		cycle();
		check(apb_sampled_ && apb_ready_, "PREADY low in the access phase");
		dut_->psel_i = 0;
		dut_->penable_i = 0;
		dut_->pwrite_i = 0;
		*err = apb_err_;
		return apb_rdata_;
	}

	void wr(uint32_t addr, uint32_t data)
	{
		bool err;
		apb(true, addr, data, 0xF, &err);
		check(!err, "PSLVERR on write of 0x%x to 0x%03x", data, addr);
	}

	uint32_t rd(uint32_t addr)
	{
		bool err;
		uint32_t v = apb(false, addr, 0, 0, &err);
		check(!err, "PSLVERR on read of 0x%03x", addr);
		return v;
	}

	void rd_eq(const char *name, uint32_t addr, uint32_t want)
	{
		eq(name, rd(addr), want);
	}

	// ---- requests ----
	void send(const Req &r)
	{
		check(!req_pending_, "send while a request is pending");
		req_ = r;
		req_pending_ = true;
	}

	bool req_pending() const { return req_pending_; }

	Rsp wait_rsp()
	{
		for (int i = 0; i < 1000 && rsps_.empty(); i++)
			cycle();
		check(!rsps_.empty(), "no response within 1000 cycles");
		Rsp r = rsps_.front();
		rsps_.pop_front();
		return r;
	}

	Rsp xlate(const Req &r)
	{
		send(r);
		return wait_rsp();
	}

	size_t rsps_waiting() const { return rsps_.size(); }
	Rsp pop_rsp()
	{
		Rsp r = rsps_.front();
		rsps_.pop_front();
		return r;
	}

	void idle(int n)
	{
		for (int i = 0; i < n; i++)
			cycle();
	}

	// ---- memory ----
	void poke(uint64_t addr, uint32_t v) { mem_[addr] = v; }
	void bus_error_at(uint64_t addr) { err_.insert(addr); }
	void mem_latency(int cycles) { mem_lat_ = cycles; }
	// Back-pressure patterns from a fixed LCG (no dependence on run seeds).
	void ar_stalls(bool on) { ar_stall_ = on; }
	void rsp_stalls(bool on) { rsp_stall_ = on; }

	bool irq() { return dut_->irq_o; }
	bool req_ready_seen() const { return req_ready_seen_; }
	void clear_req_ready_seen() { req_ready_seen_ = false; }
	uint64_t now() const { return cycle_; }
	unsigned checks() const { return checks_; }

	void check_idle_outputs()
	{
		dut_->clk_i = 0;
		dut_->eval();
		eq("rsp_valid_o", dut_->rsp_valid_o, 0);
		eq("ar_valid_o", dut_->ar_valid_o, 0);
		eq("irq_o", dut_->irq_o, 0);
		eq("pslverr_o", dut_->pslverr_o, 0);
		eq("prdata_o", dut_->prdata_o, 0);
	}

private:
	uint32_t lcg()
	{
		lcg_ = lcg_ * 1103515245u + 12345u;
		return lcg_ >> 16;
	}

	void drive_inputs()
	{
		dut_->req_valid_i = req_pending_;
		dut_->req_va_i = req_pending_ ? req_.va : 0;
		dut_->req_write_i = req_pending_ && req_.write;
		dut_->req_ns_i = req_pending_ && req_.ns;
		dut_->req_id_i = req_pending_ ? req_.id : 0;
		dut_->req_len_i = req_pending_ ? req_.len : 0;
		dut_->rsp_ready_i = rsp_stall_ ? (lcg() % 3 != 0) : 1;
		dut_->ar_ready_i = ar_stall_ ? (lcg() % 2) : 1;
		bool rv = r_pending_ && r_wait_ == 0;
		dut_->r_valid_i = rv;
		dut_->r_data_i = 0;
		dut_->r_resp_i = 0;
		dut_->r_last_i = rv;
		if (rv) {
			auto it = mem_.find(r_addr_);
			dut_->r_data_i = it == mem_.end() ? 0 : it->second;
			dut_->r_resp_i = err_.count(r_addr_) ? 2 : 0;
		}
	}

	void sample()
	{
		// Flops hold random values until the first reset edge.
		if (!dut_->rst_ni)
			return;
		if (dut_->psel_i && dut_->penable_i) {
			apb_sampled_ = true;
			apb_ready_ = dut_->pready_o;
			apb_err_ = dut_->pslverr_o;
			apb_rdata_ = dut_->prdata_o;
		}
		if (dut_->req_ready_o)
			req_ready_seen_ = true;
		if (dut_->req_valid_i && dut_->req_ready_o) {
			accepted_.push_back(cycle_);
			walks_.emplace_back();
			req_pending_ = false;
		}
		if (dut_->rsp_valid_o && !rsp_seen_) {
			rsp_first_ = cycle_;
			rsp_seen_ = true;
		}
		if (dut_->rsp_valid_o && dut_->rsp_ready_i) {
			check(!accepted_.empty(), "response without a request");
			Rsp r;
			r.pa = dut_->rsp_pa_o;
			r.fault = dut_->rsp_fault_o;
			r.kind = dut_->rsp_fault_kind_o;
			r.id = dut_->rsp_id_o;
			r.tlb_hit = dut_->rsp_tlb_hit_o;
			r.flpd_hit = dut_->rsp_flpd_hit_o;
			r.cycle = rsp_first_;
			r.acc_cycle = accepted_.front();
			r.walk = walks_.front();
			accepted_.pop_front();
			walks_.pop_front();
			rsps_.push_back(r);
			rsp_seen_ = false;
		}
		ar_fire_ = dut_->ar_valid_o && dut_->ar_ready_i;
		if (ar_fire_) {
			check(!r_pending_, "second AR while a read is outstanding");
			check(dut_->ar_len_o == 0 && dut_->ar_size_o == 2, "AR len %u size %u",
			      dut_->ar_len_o, dut_->ar_size_o);
			check(!walks_.empty(), "walk read with no request in flight");
			ar_addr_ = dut_->ar_addr_o;
			walks_.back().push_back(ar_addr_);
		}
		r_fire_ = dut_->r_valid_i && dut_->r_ready_o;
	}

	void update_memory()
	{
		if (r_fire_)
			r_pending_ = false;
		else if (r_pending_ && r_wait_ > 0)
			r_wait_--;
		if (ar_fire_) {
			r_pending_ = true;
			r_addr_ = ar_addr_;
			r_wait_ = mem_lat_;
		}
	}

	std::unique_ptr<VerilatedContext> ctx_;
	std::unique_ptr<Vsysmmu> dut_;
	std::string repro_, step_;
	bool quiet_;
	uint64_t cycle_ = 0;
	unsigned checks_ = 0;
	uint32_t lcg_ = 1;

	bool apb_sampled_ = false, apb_ready_ = false, apb_err_ = false;
	uint32_t apb_rdata_ = 0;

	Req req_{};
	bool req_pending_ = false, req_ready_seen_ = false;
	std::deque<uint64_t> accepted_;
	std::deque<std::vector<uint64_t>> walks_;
	std::deque<Rsp> rsps_;
	bool rsp_seen_ = false;
	uint64_t rsp_first_ = 0;

	std::map<uint64_t, uint32_t> mem_;
	std::set<uint64_t> err_;
	int mem_lat_ = 0;
	bool ar_stall_ = false, rsp_stall_ = false;
	bool ar_fire_ = false, r_fire_ = false, r_pending_ = false;
	uint64_t ar_addr_ = 0, r_addr_ = 0;
	int r_wait_ = 0;
};

// ---------------------------------------------------------------------------
// The directed sequence
// ---------------------------------------------------------------------------
struct Smoke {
	Bench &b;
	unsigned cnt[5] = {};   // expected PM counters: hit, miss, ptw read, flpd hit, fault
	unsigned hit_lat = 0, miss1_lat = 0, miss2_lat = 0, slow_lat = 0;
	uint64_t b2b_cycles = 0;
	unsigned b2b_n = 0;

	// PA of the test mappings (36-bit on v5, 32-bit on v3).
	uint64_t sec_pa = V5 ? 0x880000000ull : 0x80000000ull;   // VA 0x400xxxxx
	uint64_t small_pa = V5 ? 0x912345000ull : 0x12345000ull; // VA 0x50001xxx
	uint64_t large_pa = V5 ? 0x245670000ull : 0x45670000ull; // VA 0x5003xxxx
	uint64_t ro_pa = 0x70000000ull;                          // VA 0x700xxxxx, read only
	uint64_t sec_s_pa = 0x71000000ull;                       // VA 0x710xxxxx, secure

	// Expect a translation: PA, hit flags and walk addresses.
	Rsp expect_ok(const Req &q, uint64_t pa, bool tlb_hit, bool flpd_hit,
		      std::vector<uint64_t> walk)
	{
		Rsp r = b.xlate(q);
		b.check(!r.fault, "VA 0x%08x: unexpected fault kind %u (walk reads %zu, first 0x%" PRIx64 ")",
			q.va, r.kind, r.walk.size(), r.walk.empty() ? 0 : r.walk[0]);
		b.eq("rsp_pa", r.pa, pa);
		b.eq("rsp_id", r.id, q.id);
		b.eq("rsp_tlb_hit", r.tlb_hit, tlb_hit);
		b.eq("rsp_flpd_hit", r.flpd_hit, flpd_hit);
		b.eq("walk reads", r.walk.size(), walk.size());
		for (size_t i = 0; i < walk.size(); i++)
			b.eq("walk address", r.walk[i], walk[i]);
		return r;
	}

	Rsp expect_fault(const Req &q, unsigned kind, std::vector<uint64_t> walk)
	{
		Rsp r = b.xlate(q);
		b.eq("rsp_fault", r.fault, 1);
		b.eq("rsp_fault_kind", r.kind, kind);
		b.eq("rsp_pa (0 on fault)", r.pa, 0);
		b.eq("rsp_id", r.id, q.id);
		b.eq("walk reads", r.walk.size(), walk.size());
		for (size_t i = 0; i < walk.size(); i++)
			b.eq("walk address", r.walk[i], walk[i]);
		return r;
	}

	// After a fault: blocked, irq, and nothing accepted until MMU_CTRL is written.
	void clear_and_unblock(uint32_t int_bit)
	{
		b.eq("irq_o after fault", b.irq(), 1);
		b.rd_eq("MMU_STATUS (blocked)", R_STATUS, SYSMMU_COM_STATUS_BLOCKED);
		b.rd_eq("INT_STATUS", R_INT_STATUS, int_bit);
		b.wr(R_INT_CLEAR, int_bit);
		b.rd_eq("INT_STATUS after clear", R_INT_STATUS, 0);
		b.eq("irq_o after clear", b.irq(), 0);
		b.rd_eq("MMU_STATUS (still blocked)", R_STATUS, SYSMMU_COM_STATUS_BLOCKED);
		b.wr(R_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
		b.rd_eq("MMU_STATUS after unblock", R_STATUS, 0);
	}

	void run()
	{
		const Req sec_rd{0x40023456, false, true, 1, 0};

		b.step("reset");
		b.reset();
		b.check_idle_outputs();
		b.rd_eq("MMU_VERSION", R_VERSION, V5 ? SYSMMU_V5_VERSION_BASE
						     : SYSMMU_V3_VERSION_BASE | TLB_N);
		if (V5)
			b.rd_eq("CAPA", SYSMMU_V5_CAPA, TLB_N | FLPD_N << 8);
		b.rd_eq("MMU_CTRL", R_CTRL, 0);
		b.rd_eq("MMU_STATUS", R_STATUS, 0);
		b.rd_eq("INT_STATUS", R_INT_STATUS, 0);
		for (unsigned n = 0; n < 5; n++)
			b.rd_eq("PM_CNT", R_PM0 + n * PM_STRIDE, 0);

		b.step("bypass");
		expect_ok({0xFEDCB123, true, false, 7, 2}, 0xFEDCB123ull, false, false, {});
		b.note("VA 0xFEDCB123 -> PA 0xFEDCB123, no walk");

		b.step("apb errors");
		apb_errors();

		b.step("program");
		build_tables();
		b.wr(R_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_BLOCK | SYSMMU_COM_CTRL_INT_EN);
		b.rd_eq("MMU_STATUS (blocked)", R_STATUS, SYSMMU_COM_STATUS_BLOCKED);
		b.wr(R_CFG, 0);
		b.wr(R_PT_BASE, V5 ? (uint32_t)(L1B >> 12) : (uint32_t)L1B);
		b.wr(R_FLUSH_ALL, SYSMMU_COM_FLUSH_GO);
		b.wr(R_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
		b.rd_eq("MMU_STATUS (unblocked)", R_STATUS, 0);

		b.step("section miss");
		Rsp r = expect_ok(sec_rd, sec_pa | 0x23456, false, false, {l1_addr(sec_rd.va)});
		miss1_lat = r.cycle - r.acc_cycle;
		cnt[1]++, cnt[2]++;
		b.note("VA 0x%08x -> PA 0x%09" PRIx64 ", 1 read, latency %u", sec_rd.va, r.pa, miss1_lat);

		b.step("hit after miss");
		r = expect_ok({0x400EDCBA, false, true, 2, 0}, sec_pa | 0xEDCBA, true, false, {});
		hit_lat = r.cycle - r.acc_cycle;
		cnt[0]++;
		b.note("VA 0x400EDCBA -> PA 0x%09" PRIx64 ", TLB hit, latency %u", r.pa, hit_lat);

		b.step("tlb read-back");
		readback_section();

		b.step("small page");
		r = expect_ok({0x50001ABC, false, true, 3, 0}, small_pa | 0xABC, false, false,
			      {l1_addr(0x50001ABC), l2_addr(0x50001ABC)});
		miss2_lat = r.cycle - r.acc_cycle;
		cnt[1]++, cnt[2] += 2;
		b.note("VA 0x50001ABC -> PA 0x%09" PRIx64 ", 2 reads, latency %u", r.pa, miss2_lat);

		b.step("large page");
		r = expect_ok({0x50034DEF, true, true, 4, 0}, large_pa | 0x4DEF, false, false,
			      {l1_addr(0x50034DEF), l2_addr(0x50034DEF)});
		cnt[1]++, cnt[2] += 2;
		b.note("VA 0x50034DEF -> PA 0x%09" PRIx64 ", 2 reads", r.pa);

		b.step("flush entry");
		flush_entry();

		b.step("flpd");
		flpd();

		b.step("back-to-back hits");
		back_to_back(false);

		b.step("rsp back-pressure");
		back_to_back(true);

		b.step("page fault");
		page_fault();

		b.step("acc prot (write)");
		acc_prot();

		b.step("sec prot");
		sec_prot();

		b.step("bus error");
		b.bus_error_at(l1_addr(0x61000000));
		expect_fault({0x61000040, false, true, 0x22, 1}, FK_BUS, {l1_addr(0x61000000)});
		cnt[1]++, cnt[2]++, cnt[4]++;
		b.rd_eq(V5 ? "FAULT_AR_VA" : "DEFAULT_SLAVE_ADDR",
			V5 ? SYSMMU_V5_FAULT_AR_VA : SYSMMU_V3_DEFAULT_SLAVE_ADDR, 0x61000040);
		clear_and_unblock(V5 ? SYSMMU_V5_INT_BUS_ERROR : SYSMMU_V3_INT_BUS_ERROR);

		b.step("multi-hit");
		multi_hit();

		b.step("replacement");
		replacement();

		b.step("slow memory");
		slow_memory();

		b.step("counters");
		for (unsigned n = 0; n < 5; n++)
			b.rd_eq("PM_CNT", R_PM0 + n * PM_STRIDE, cnt[n]);
		b.note("hit %u miss %u ptw_read %u flpd_hit %u fault %u", cnt[0], cnt[1], cnt[2],
		       cnt[3], cnt[4]);
		b.wr(R_PM0, 0xFFFFFFFF);
		expect_ok(sec_rd, sec_pa | 0x23456, true, false, {});
		b.rd_eq("PM_CNT0 wraps", R_PM0, 0);

		// Timing targets of spec section 12: a hit answers within 2 cycles
		// of its acceptance; a miss costs its reads (AR..R, 2 cycles each at
		// memory latency 0, 7 at latency 5) plus at most 2 cycles.
		b.step("timing targets");
		b.check(hit_lat <= 2, "hit latency %u > 2", hit_lat);
		b.check(miss1_lat <= 2 + 2, "1-read miss latency %u > 4", miss1_lat);
		b.check(miss2_lat <= 2 * 2 + 2, "2-read miss latency %u > 6", miss2_lat);
		b.check(slow_lat <= 7 + 2, "1-read miss latency %u > 9 at memory latency 5", slow_lat);
	}

	void build_tables()
	{
		b.poke(l1_addr(0x40000000), mk_section(sec_pa, 3, true));
		b.poke(l1_addr(0x50000000), mk_link(L2B, true));
		b.poke(l2_addr(0x50001000), mk_page(small_pa, 3, false));
		for (uint32_t i = 0; i < 16; i++)   // software writes a large page 16 times
			b.poke(l2_addr(0x50030000 + (i << 12)), mk_page(large_pa, 3, true));
		b.poke(l1_addr(0x70000000), mk_section(ro_pa, 1, true));
		b.poke(l1_addr(0x71000000), mk_section(sec_s_pa, 3, false));
	}

	void apb_errors()
	{
		bool err;
		uint32_t v = b.apb(false, 0xFFC, 0, 0, &err);
		b.eq("PSLVERR (unknown offset)", err, 1);
		b.eq("PRDATA (unknown offset)", v, 0);
		b.apb(false, 0x002, 0, 0, &err);
		b.eq("PSLVERR (misaligned)", err, 1);
		b.apb(true, R_CTRL, 0x5, 0x3, &err);
		b.eq("PSLVERR (partial strobe)", err, 1);
		b.rd_eq("MMU_CTRL unchanged", R_CTRL, 0);
		// An offset of the other variant only.
		uint32_t other = V5 ? SYSMMU_V3_TLB_READ : SYSMMU_V5_INT_STATUS;
		b.apb(false, other, 0, 0, &err);
		b.eq("PSLVERR (other variant's register)", err, 1);
		// Write-only reads 0 without error; RO write ignored without error.
		b.rd_eq("INT_CLEAR (WO)", R_INT_CLEAR, 0);
		b.wr(R_VERSION, 0);
		b.rd_eq("MMU_VERSION after write", R_VERSION, V5 ? SYSMMU_V5_VERSION_BASE
							       : SYSMMU_V3_VERSION_BASE | TLB_N);
		// Upper PADDR bits beyond [11:0] do not exist on the port; reserved bits read 0.
		b.wr(R_CFG, 0xFFFFFFFF);
		b.rd_eq("MMU_CFG reserved bits", R_CFG, V5 ? SYSMMU_V5_CFG_MASK : SYSMMU_V3_CFG_MASK);
		b.wr(R_CFG, 0);
		b.note("unknown/misaligned/strobe/other-variant -> PSLVERR, WO reads 0");
	}

	void readback_section()
	{
		// The first fill after a flush lands in entry 0; ranks untouched otherwise.
		uint32_t attr = SYSMMU_COM_ATTR_VALID | (2u << SYSMMU_COM_ATTR_SIZE_SHIFT) |
				SYSMMU_COM_ATTR_R | SYSMMU_COM_ATTR_W | SYSMMU_COM_ATTR_NS;
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN);
		b.rd_eq("TLB_VPN[0]", R_TLB_VPN, 0x40000);
		b.rd_eq("TLB_PPN[0]", R_TLB_PPN, (uint32_t)(sec_pa >> 12));
		b.rd_eq("TLB_ATTR[0]", R_TLB_ATTR, attr);
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN | 5u << SYSMMU_COM_TLB_READ_IDX_SHIFT);
		b.rd_eq("TLB_VPN[5] (invalid)", R_TLB_VPN, 0);
		b.rd_eq("TLB_ATTR[5] (invalid: rank)", R_TLB_ATTR, 5u << SYSMMU_COM_ATTR_RANK_SHIFT);
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN | 40u << SYSMMU_COM_TLB_READ_IDX_SHIFT);
		b.rd_eq("TLB_ATTR[40] (out of range)", R_TLB_ATTR, 0);
		b.wr(R_TLB_READ, 0);
		b.rd_eq("TLB_ATTR (disabled)", R_TLB_ATTR, 0);
		b.note("entry 0: VPN 0x40000 PPN 0x%x ATTR 0x%x", (uint32_t)(sec_pa >> 12), attr);
	}

	void flush_entry()
	{
		// A VA anywhere inside a page removes that page.
		b.wr(R_FLUSH_ENTRY, 0x400BC000 | SYSMMU_COM_FLUSH_GO);
		expect_ok({0x40023456, false, true, 5, 0}, sec_pa | 0x23456, false, false,
			  {l1_addr(0x40023456)});
		cnt[1]++, cnt[2]++;
		b.wr(R_FLUSH_ENTRY, 0x5003F000 | SYSMMU_COM_FLUSH_GO);
		expect_ok({0x50034DEF, false, true, 6, 0}, large_pa | 0x4DEF, false, false,
			  {l1_addr(0x50034DEF), l2_addr(0x50034DEF)});
		cnt[1]++, cnt[2] += 2;
		// bit0 = 0 does nothing: the small page still hits.
		b.wr(R_FLUSH_ENTRY, 0x50001000);
		expect_ok({0x50001004, false, true, 7, 0}, small_pa | 0x4, true, false, {});
		cnt[0]++;
		b.note("section and large page refetched after FLUSH_ENTRY inside them");
	}

	void flpd()
	{
		b.wr(R_CFG, SYSMMU_COM_CFG_FLPD_EN);
		b.wr(R_FLUSH_ALL, SYSMMU_COM_FLUSH_GO);
		expect_ok({0x50001ABC, false, true, 8, 0}, small_pa | 0xABC, false, false,
			  {l1_addr(0x50001ABC), l2_addr(0x50001ABC)});
		cnt[1]++, cnt[2] += 2;
		Rsp r = expect_ok({0x50034DEF, false, true, 9, 0}, large_pa | 0x4DEF, false, true,
				  {l2_addr(0x50034DEF)});
		cnt[1]++, cnt[2]++, cnt[3]++;
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN | SYSMMU_COM_TLB_READ_FLPD);
		b.rd_eq("FLPD VPN[0]", R_TLB_VPN, 0x500 << 8);
		b.rd_eq("FLPD PPN[0] (raw link)", R_TLB_PPN, mk_link(L2B, true));
		b.rd_eq("FLPD ATTR[0]", R_TLB_ATTR, SYSMMU_COM_ATTR_VALID | 3u << SYSMMU_COM_ATTR_SIZE_SHIFT);
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN | SYSMMU_COM_TLB_READ_FLPD |
				 1u << SYSMMU_COM_TLB_READ_IDX_SHIFT);
		b.rd_eq("FLPD ATTR[1] (invalid)", R_TLB_ATTR, 0);
		b.note("link cached; next page walk makes 1 read (flpd_hit=%d)", r.flpd_hit);
		// Sections are not cached in the FLPD: one more entry for the hit tests.
		expect_ok({0x40000000, false, true, 10, 0}, sec_pa, false, false,
			  {l1_addr(0x40000000)});
		cnt[1]++, cnt[2]++;
	}

	void back_to_back(bool stalls)
	{
		// Three cached pages: small, large, section; cycled through.
		const unsigned n = stalls ? 12 : 24;
		std::vector<Req> q;
		for (unsigned i = 0; i < n; i++)
			q.push_back({b2b_va(i), (i & 1) != 0, true, 0x100 + i, i & 15});
		b.rsp_stalls(stalls);
		unsigned got = 0;
		for (unsigned i = 0; i < n; i++) {
			b.send(q[i]);
			while (b.req_pending()) {
				b.cycle();
				while (b.rsps_waiting())
					check_b2b(b.pop_rsp(), q[got], got), got++;
			}
		}
		while (got < n)
			check_b2b(b.wait_rsp(), q[got], got), got++;
		b.rsp_stalls(false);
		cnt[0] += n;
		if (stalls) {
			b.note("%u hits in order under rsp_ready back-pressure", n);
			return;
		}
		b2b_n = n;
		b2b_cycles = b2b_last_ - b2b_first_ + 1;
		b.eq("cycles to accept back-to-back hits", b2b_cycles, n);
		b.note("%u hits accepted in %" PRIu64 " cycles", n, b2b_cycles);
	}

	static uint32_t b2b_va(unsigned i)
	{
		static const uint32_t base[3] = {0x50001000, 0x50034000, 0x40000000};
		return base[i % 3] + 8 * i;
	}

	uint64_t b2b_pa(unsigned i)
	{
		uint32_t va = b2b_va(i);
		if (i % 3 == 0)
			return small_pa | (va & 0xFFF);
		if (i % 3 == 1)
			return large_pa | (va & 0xFFFF);
		return sec_pa | (va & 0xFFFFF);
	}

	void check_b2b(const Rsp &r, const Req &q, unsigned i)
	{
		b.eq("b2b rsp_id", r.id, q.id);
		b.eq("b2b rsp_fault", r.fault, 0);
		b.eq("b2b rsp_tlb_hit", r.tlb_hit, 1);
		b.eq("b2b rsp_pa", r.pa, b2b_pa(i));
		b.eq("b2b walk reads", r.walk.size(), 0);
		if (i == 0)
			b2b_first_ = r.acc_cycle;
		b2b_last_ = r.acc_cycle;
	}

	void page_fault()
	{
		// The next request is presented while the faulting one is walked:
		// it must wait until software writes MMU_CTRL.
		const Req q{0x60000123, false, true, 0x1234, 3};
		b.send(q);
		while (b.req_pending())
			b.cycle();
		b.clear_req_ready_seen();
		b.send({0x40000010, false, true, 0x77, 0});
		Rsp r = b.wait_rsp();
		b.eq("rsp_fault", r.fault, 1);
		b.eq("rsp_fault_kind", r.kind, FK_PAGE);
		b.eq("rsp_pa (0 on fault)", r.pa, 0);
		b.eq("rsp_id", r.id, q.id);
		b.eq("walk reads", r.walk.size(), 1);
		b.eq("walk address", r.walk[0], l1_addr(q.va));
		cnt[1]++, cnt[2]++, cnt[4]++;
		b.idle(12);
		b.eq("req_ready_o while fault-blocked", b.req_ready_seen(), 0);
		b.eq("request still pending", b.req_pending(), 1);
		b.rd_eq(V5 ? "FAULT_AR_VA" : "PAGE_FAULT_ADDR",
			V5 ? SYSMMU_V5_FAULT_AR_VA : SYSMMU_V3_PAGE_FAULT_ADDR, q.va);
		b.rd_eq("TRANS_INFO", V5 ? SYSMMU_V5_AR_TRANS_INFO : SYSMMU_V3_FAULT_TRANS_INFO,
			0x1234 | 3u << SYSMMU_COM_TI_LEN_SHIFT);
		uint32_t bit = V5 ? SYSMMU_V5_INT_PAGE_FAULT : SYSMMU_V3_INT_PAGE_FAULT;
		b.eq("irq_o", b.irq(), 1);
		// Masked source: no irq; INT_STATUS still records it.
		b.wr(R_INT_MASK, bit);
		b.eq("irq_o (masked)", b.irq(), 0);
		b.wr(R_INT_MASK, 0);
		b.eq("irq_o (unmasked)", b.irq(), 1);
		b.rd_eq("INT_STATUS", R_INT_STATUS, bit);
		b.wr(R_INT_CLEAR, bit);
		b.eq("irq_o after INT_CLEAR", b.irq(), 0);
		b.eq("still not accepted", b.req_pending(), 1);
		b.eq("req_ready_o before CTRL write", b.req_ready_seen(), 0);
		b.wr(R_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
		r = b.wait_rsp();
		b.eq("after unblock: rsp_pa", r.pa, sec_pa | 0x10);
		b.eq("after unblock: tlb_hit", r.tlb_hit, 1);
		cnt[0]++;
		b.note("INT_STATUS 0x%x, VA/TRANS_INFO latched, irq, blocked until CTRL write", bit);
	}

	void acc_prot()
	{
		b.wr(R_CFG, SYSMMU_COM_CFG_EAP);
		const Req q{0x70000010, true, true, 0x55, 0};
		const uint32_t bit = V5 ? SYSMMU_V5_INT_ACC_PROT << SYSMMU_V5_INT_AW_SHIFT
					: SYSMMU_V3_INT_AW_ACC_PROT;
		expect_fault(q, FK_ACC, {l1_addr(q.va)});
		cnt[1]++, cnt[2]++, cnt[4]++;
		b.rd_eq(V5 ? "FAULT_AW_VA" : "AW_FAULT_ADDR",
			V5 ? SYSMMU_V5_FAULT_AW_VA : SYSMMU_V3_AW_FAULT_ADDR, q.va);
		b.rd_eq("TRANS_INFO", V5 ? SYSMMU_V5_AW_TRANS_INFO : SYSMMU_V3_FAULT_TRANS_INFO,
			0x55 | SYSMMU_COM_TI_WRITE);
		clear_and_unblock(bit);
		// The leaf was cached before the check: a read now hits.
		expect_ok({0x70000020, false, true, 0x56, 0}, ro_pa | 0x20, true, false, {});
		cnt[0]++;
		// A write that faults on a TLB hit, with a read right behind it:
		// the read is not accepted in the cycle the fault is answered.
		b.send({0x70000030, true, true, 0x57, 1});
		while (b.req_pending())
			b.cycle();
		b.clear_req_ready_seen();
		b.send({0x70000040, false, true, 0x58, 0});
		Rsp r = b.wait_rsp();
		b.eq("hit + ACC_PROT: fault kind", r.kind, FK_ACC);
		b.eq("hit + ACC_PROT: tlb_hit", r.tlb_hit, 1);
		cnt[0]++, cnt[4]++;
		b.idle(4);
		b.eq("read behind the fault not accepted", b.req_ready_seen(), 0);
		clear_and_unblock(bit);
		r = b.wait_rsp();
		b.eq("read after unblock: rsp_pa", r.pa, ro_pa | 0x40);
		cnt[0]++;
		b.note("write to read-only section -> ACC_PROT (miss and hit); the entry stays cached");
	}

	void sec_prot()
	{
		// The security check runs only with MMU_CFG.SEC_CHK (spec 4.1).
		b.wr(R_CFG, SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_SEC_CHK);
		const Req q{0x71000004, false, true, 0x66, 0};
		expect_fault(q, FK_SEC, {l1_addr(q.va)});
		cnt[1]++, cnt[2]++, cnt[4]++;
		b.rd_eq(V5 ? "FAULT_AR_VA" : "AR_FAULT_ADDR",
			V5 ? SYSMMU_V5_FAULT_AR_VA : SYSMMU_V3_AR_FAULT_ADDR, q.va);
		clear_and_unblock(V5 ? SYSMMU_V5_INT_SEC_PROT : SYSMMU_V3_INT_AR_SEC_PROT);
		expect_ok({0x71000008, false, false, 0x67, 0}, sec_s_pa | 0x8, true, false, {});
		cnt[0]++;
		b.note("non-secure request to a secure section -> SEC_PROT");
		b.wr(R_CFG, SYSMMU_COM_CFG_EAP);
	}

	void multi_hit()
	{
		// Turn the level-1 link of 0x500xxxxx into a section without a flush:
		// a miss elsewhere in that MiB caches the section over the small page.
		b.wr(R_CFG, 0);
		b.poke(l1_addr(0x50000000), mk_section(0x30000000, 3, true));
		expect_ok({0x50080000, false, true, 0x70, 0}, 0x30080000, false, false,
			  {l1_addr(0x50080000)});
		cnt[1]++, cnt[2]++;
		expect_fault({0x50001000, false, true, 0x71, 0}, FK_MULTI, {});
		cnt[4]++;
		b.rd_eq(V5 ? "FAULT_AR_VA" : "AR_FAULT_ADDR",
			V5 ? SYSMMU_V5_FAULT_AR_VA : SYSMMU_V3_AR_FAULT_ADDR, 0x50001000);
		clear_and_unblock(V5 ? SYSMMU_V5_INT_MULTI_HIT : SYSMMU_V3_INT_AR_MULTI_HIT);
		b.wr(R_FLUSH_ALL, SYSMMU_COM_FLUSH_GO);
		b.note("small page + section over it -> MULTI_HIT, no walk");
	}

	void slow_memory()
	{
		// Memory answers 5 cycles late and AR sees random back-pressure.
		b.mem_latency(5);
		Rsp r = expect_ok({0x40000100, false, true, 0x80, 0}, sec_pa | 0x100, false, false,
				  {l1_addr(0x40000000)});
		slow_lat = r.cycle - r.acc_cycle;
		cnt[1]++, cnt[2]++;
		b.ar_stalls(true);
		expect_ok({0x71000000, false, false, 0x81, 0}, sec_s_pa, false, false,
			  {l1_addr(0x71000000)});
		cnt[1]++, cnt[2]++;
		b.ar_stalls(false);
		b.mem_latency(0);
		b.note("1-read miss at memory latency 5: %u cycles", slow_lat);
	}

	// 1 MiB sections at VA 0x8000_0000 + n MiB, PA = VA.
	static uint32_t repl_va(unsigned n) { return 0x80000000u + (n << 20); }

	void repl_fill(unsigned n)
	{
		uint32_t va = repl_va(n) | 0x40;
		expect_ok({va, false, true, 0x200 + n, 0}, va, false, false, {l1_addr(va)});
		cnt[1]++, cnt[2]++;
	}

	void expect_entry(unsigned idx, uint32_t va, unsigned rank)
	{
		uint32_t attr = SYSMMU_COM_ATTR_VALID | (2u << SYSMMU_COM_ATTR_SIZE_SHIFT) |
				SYSMMU_COM_ATTR_R | SYSMMU_COM_ATTR_W | SYSMMU_COM_ATTR_NS |
				rank << SYSMMU_COM_ATTR_RANK_SHIFT;
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN | idx << SYSMMU_COM_TLB_READ_IDX_SHIFT);
		b.rd_eq("TLB_VPN", R_TLB_VPN, va >> 12);
		b.rd_eq("TLB_PPN", R_TLB_PPN, va >> 12);
		b.rd_eq("TLB_ATTR", R_TLB_ATTR, attr);
	}

	// Invalid-first victims, then round robin (CFG.LRU = 0), then LRU.
	void replacement()
	{
		for (unsigned n = 0; n < TLB_N + 2; n++)
			b.poke(l1_addr(repl_va(n)), mk_section(repl_va(n), 3, true));
		b.wr(R_CFG, 0);
		b.wr(R_FLUSH_ALL, SYSMMU_COM_FLUSH_GO);
		for (unsigned n = 0; n < TLB_N; n++)
			repl_fill(n);                     // entry n, rank 31 - n
		expect_entry(0, repl_va(0), TLB_N - 1);
		expect_entry(TLB_N - 1, repl_va(TLB_N - 1), 0);
		repl_fill(TLB_N);                         // round robin: entry 0 (tlb_rr 0 -> 1)
		expect_entry(0, repl_va(TLB_N), 0);
		expect_entry(1, repl_va(1), TLB_N - 1);
		b.wr(R_CFG, SYSMMU_COM_CFG_LRU);
		expect_ok({repl_va(1) | 0x80, false, true, 0x300, 0}, repl_va(1) | 0x80, true,
			  false, {});                     // entry 1 becomes most recent
		cnt[0]++;
		expect_entry(2, repl_va(2), TLB_N - 1);
		repl_fill(TLB_N + 1);                     // LRU victim: entry 2
		expect_entry(2, repl_va(TLB_N + 1), 0);
		expect_entry(1, repl_va(1), 1);
		if (V5)
			flush_range();
		b.wr(R_CFG, 0);
		b.wr(R_TLB_READ, 0);
		b.note("invalid first, round robin then LRU victims as in spec 6.3");
	}

	bool entry_valid(unsigned idx)
	{
		b.wr(R_TLB_READ, SYSMMU_COM_TLB_READ_EN | idx << SYSMMU_COM_TLB_READ_IDX_SHIFT);
		return b.rd(R_TLB_ATTR) & SYSMMU_COM_ATTR_VALID;
	}

	// v5 FLUSH_RANGE: sections 3..5 (entries 3..5) intersect [S, E].
	void flush_range()
	{
		b.wr(SYSMMU_V5_FLUSH_START, repl_va(7) | 0x456);     // S > E: nothing
		b.wr(SYSMMU_V5_FLUSH_END, repl_va(6));
		b.wr(SYSMMU_V5_FLUSH_RANGE, SYSMMU_COM_FLUSH_GO);
		for (unsigned i = 3; i <= 7; i++)
			b.eq("entry valid after empty range", entry_valid(i), 1);
		b.wr(SYSMMU_V5_FLUSH_START, repl_va(3) | 0x456);     // S = 0x8030_0000
		b.wr(SYSMMU_V5_FLUSH_END, repl_va(5));               // E = 0x8050_0FFF
		b.rd_eq("FLUSH_START", SYSMMU_V5_FLUSH_START, repl_va(3) | 0x456);
		b.wr(SYSMMU_V5_FLUSH_RANGE, 0);                      // bit0 = 0: nothing
		b.eq("entry 3 valid after FLUSH_RANGE=0", entry_valid(3), 1);
		b.wr(SYSMMU_V5_FLUSH_RANGE, SYSMMU_COM_FLUSH_GO);
		b.eq("entry 1 (below S)", entry_valid(1), 1);
		for (unsigned i = 3; i <= 5; i++)
			b.eq("entry in range flushed", entry_valid(i), 0);
		b.eq("entry 6 (above E)", entry_valid(6), 1);
	}

	uint64_t b2b_first_ = 0, b2b_last_ = 0;
};

} // namespace

int main(int argc, char **argv)
{
	bool quiet = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quiet"))
			quiet = true;
		else if (argv[i][0] != '+') {
			fprintf(stderr, "usage: %s [--quiet] [+verilator+...]\n", argv[0]);
			return 2;
		}
	}
	Bench b(argc, argv, quiet);
	Smoke s{b};
	printf("smoke v%d (TLB %u, FLPD %u)\n", V, TLB_N, FLPD_N);
	s.run();
	printf("smoke v%d: pass, %u checks; hit latency %u, %u back-to-back hits in %" PRIu64
	       " cycles, miss latency %u (1 read) / %u (2 reads) at memory latency 0, "
	       "%u (1 read) at latency 5\n",
	       V, b.checks(), s.hit_lat, s.b2b_n, s.b2b_cycles, s.miss1_lat, s.miss2_lat,
	       s.slow_lat);
	return 0;
}
