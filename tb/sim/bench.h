// SPDX-License-Identifier: Apache-2.0
/*
 * The pin-level bench around one verilated configuration: request driver,
 * response sink, APB master, AXI read slave on the shared vmem, monitors.
 * It is a template over the Verilator class so every configuration gets a
 * direct, inlined cycle loop; the scoreboard (tb/scoreboard.c) does all
 * comparing. Timing randomness (valid gaps, ready back-pressure, memory
 * latency) comes from its own seeded generator and changes only when
 * things happen, never what is compared.
 */
#ifndef SYSMMU_SIM_BENCH_H
#define SYSMMU_SIM_BENCH_H

#include <chrono>
#include <ctime>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <verilated.h>
#if VM_TRACE
#include <verilated_fst_c.h>

#include "tbtrace.h"
#endif
#if VM_COVERAGE
#include <verilated_cov.h>
#endif

#include "sim.h"
#include "sysmmu/regs.h"

/* splitmix64: small, fast, and the same sequence everywhere. */
class SimRng {
public:
	explicit SimRng(uint64_t seed) : s_(seed) {}
	uint64_t next()
	{
		uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);

		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
		return z ^ (z >> 31);
	}
	/* true with probability 3/4 */
	bool mostly() { return (next() & 3) != 0; }
	/* 64-bit span: hi - lo + 1 of 0:UINT32_MAX does not wrap to 0 */
	unsigned range(unsigned lo, unsigned hi)
	{
		return hi <= lo ? lo : lo + (unsigned)(next() % ((uint64_t)hi - lo + 1));
	}

private:
	uint64_t s_;
};

/*
 * A mutant netlist (make mutate, docs/mutation.md) has one more input,
 * mutsel, that picks the mutation; the RTL has none and runs only as 0.
 */
template <class T, class = void> struct SimMutsel {
	static constexpr bool present = false;
	static void set(T *, unsigned) {}
};
template <class T> struct SimMutsel<T, std::void_t<decltype(std::declval<T &>().mutsel)>> {
	static constexpr bool present = true;
	static void set(T *t, unsigned k) { t->mutsel = k; }
};

/* One action of a recorded stimulus (--no-scoreboard replays these). */
struct SimAction {
	enum Kind { ISSUE, WAIT, APB, IDLE, MEM, MEMERR } kind;
	struct sysmmu_req req;
	uint64_t n;
	uint64_t addr, addr2;
	bool write;
	uint32_t off, wdata;
	unsigned strb;   /* APB: PSTRB of a write */
};

template <class T> class Bench {
public:
	Bench(sim_args *a, struct vmem *mem)
		: a_(a), mem_(mem), rng_(a->timing.seed ? a->timing.seed : 1),
		  random_(a->timing.seed != 0)
	{
		ctx_.reset(new VerilatedContext);
		ctx_->errorLimit(1000000);   /* keep running after an assertion: we report it */
		ctx_->fatalOnError(false);
		x_init(a->x_init_seed);
#if VM_TRACE
		if (!a->trace.empty())
			ctx_->traceEverOn(true);
#endif
		top_.reset(new T(ctx_.get(), "TOP"));
		/* Checker self-test (tests/wave): the scoreboard sees the Nth
		 * response with PA bit 12 flipped, a mismatch the RTL did not make. */
		const char *c = getenv("SYSMMU_SIM_CORRUPT_RSP");
		corrupt_at_ = c ? strtoull(c, nullptr, 0) : 0;
		/* Watchdog self-test (scripts/sim-test): the Nth walk read is
		 * accepted and never answered, a real hang of the DUT. */
		c = getenv("SYSMMU_SIM_DROP_READ");
		drop_read_at_ = c ? strtoull(c, nullptr, 0) : 0;
	}

	~Bench()
	{
		trace_close();
		if (top_)
			top_->final();
	}

	void attach(struct sb *sb) { sb_ = sb; }

	/*
	 * Initial state of the RTL (built with --x-initial unique): zeros, or
	 * Verilator's random reset under the given seed. Must run before the
	 * model is constructed.
	 */
	void x_init(uint32_t seed)
	{
		std::string rr = "+verilator+rand+reset+" + std::string(seed ? "2" : "0");
		std::string sd = "+verilator+seed+" + std::to_string(seed ? seed : 1);
		const char *argv[] = { "sysmmu-sim", rr.c_str(), sd.c_str() };

		ctx_->commandArgs(3, argv);
	}

	void reset()
	{
		T *t = top_.get();

		t->rst_ni = 0;
		t->psel_i = 0;
		t->penable_i = 0;
		t->pwrite_i = 0;
		t->paddr_i = 0;
		t->pwdata_i = 0;
		t->pstrb_i = 0;
		t->req_valid_i = 0;
		t->rsp_ready_i = 0;
		t->ar_ready_i = 0;
		t->r_valid_i = 0;
		t->r_data_i = 0;
		t->r_resp_i = 0;
		t->r_last_i = 0;
		SimMutsel<T>::set(t, a_->mutant);
		for (int i = 0; i < 4; i++) {
			t->clk_i = 0;
			t->eval();
			t->clk_i = 1;
			t->eval();
		}
		t->rst_ni = 1;
		t->clk_i = 0;
		t->eval();
	}

	/* ---- sb_port ---- */
	static void p_issue(void *c, const struct sysmmu_req *r) { ((Bench *)c)->reqq_.push_back(*r); }
	static int p_wait(void *c, uint64_t n) { return ((Bench *)c)->wait_rsp(n); }
	static int p_apb(void *c, bool w, uint32_t off, uint32_t wd, uint32_t *rd, bool *err)
	{
		return ((Bench *)c)->apb(w, off, wd, rd, err);
	}
	static int p_apb_strb(void *c, uint32_t off, uint32_t wd, unsigned strb, bool *err)
	{
		uint32_t rd;

		return ((Bench *)c)->apb(true, off, wd, &rd, err, strb);
	}
	static int p_apb_peek(void *c, uint32_t off, uint32_t *rd, bool *err)
	{
		return ((Bench *)c)->apb_peek(off, rd, err);
	}
	static int p_idle(void *c, unsigned n) { return ((Bench *)c)->idle(n); }
	static bool p_irq(void *c) { return ((Bench *)c)->top_->irq_o; }
	static uint64_t p_cycle(void *c) { return ((Bench *)c)->cyc_; }
	static void p_op_begin(void *c, size_t i) { ((Bench *)c)->op_begin(i); }

	uint64_t cycles() const { return cyc_; }
	uint64_t trace_start() const { return trace_start_; }
	bool traced() const { return traced_; }

	/*
	 * The watchdog counts only the DUT's cycles: no handshake on any port
	 * while the bench offers everything it can (no request held back, ready
	 * on responses and walk reads, no read data held for its latency). So a
	 * --mem-latency above --watchdog or heavy back-pressure never trips it,
	 * and --watchdog N tolerates N such cycles in a row; the (N+1)th fires.
	 */
	int wait_rsp(uint64_t n)
	{
		uint64_t stall = 0;

		while (returned_ < n) {
			uint64_t before = progress_;

			tick();
			if (stopped())
				return -1;
			if (progress_ != before)
				stall = 0;
			else if (!bench_held_)
				stall++;
			if (stall > a_->watchdog) {
				watchdog("no response", stall);
				return -1;
			}
		}
		return check_errors();
	}

	/* PSTRB of a read: every harness cycles it (vec_read_strb). */
	unsigned read_strb() { return vec_read_strb(reads_strb_n_++); }

	/* One APB access; strb is PSTRB for a write (spec §9). */
	int apb(bool w, uint32_t off, uint32_t wdata, uint32_t *rd, bool *err, unsigned strb = 0xF)
	{
		T *t = top_.get();
		unsigned n = 0;

		t->psel_i = 1;
		t->penable_i = 0;
		t->pwrite_i = w;
		t->paddr_i = off & 0xFFF;
		t->pwdata_i = wdata;
		t->pstrb_i = w ? strb & 0xF : read_strb();
		tick();
		t->penable_i = 1;
		apb_done_ = false;
		/* N access-phase cycles with PREADY low are tolerated. */
		for (;;) {
			tick();
			if (apb_done_)
				break;
			if (++n > a_->watchdog) {
				watchdog("APB access without PREADY", n);
				return -1;
			}
		}
		t->psel_i = 0;
		t->penable_i = 0;
		*rd = apb_rdata_;
		*err = apb_err_;
		return check_errors();
	}

	/* The vector's idle ops together may take --max-idle-cycles. */
	/*
	 * Zero-time register read (sb_port.apb_peek): the pins of a read's
	 * access phase for one evaluation, no clock edge, so the RTL's own
	 * read logic answers and no state changes; then the pins as they were.
	 */
	int apb_peek(uint32_t off, uint32_t *rd, bool *err)
	{
		T *t = top_.get();
		const auto psel = t->psel_i, penable = t->penable_i, pwrite = t->pwrite_i;
		const auto paddr = t->paddr_i;
		const auto pstrb = t->pstrb_i;

		t->psel_i = 1;
		t->penable_i = 1;
		t->pwrite_i = 0;
		t->paddr_i = off & 0xFFF;
		t->pstrb_i = read_strb();
		t->eval();
		*rd = t->prdata_o;
		*err = t->pslverr_o;
		t->psel_i = psel;
		t->penable_i = penable;
		t->pwrite_i = pwrite;
		t->paddr_i = paddr;
		t->pstrb_i = pstrb;
		t->eval();
		return check_errors();
	}

	/*
	 * Spec 2.1: MMU_STATUS.BLOCKED reads 1 only when nothing is in flight.
	 * A response held back by the master is an accepted request without
	 * its response, so BLOCKED must read 0 now, whether a fault blocked the
	 * MMU or not. The vector discipline never reads a register then, so the
	 * bench peeks (zero time, no state change); v5-446 of MUTANTS=1000
	 * (BLOCKED ignoring what is in flight) survived every vector.
	 */
	void check_drain()
	{
#if !VM_COVERAGE
		uint32_t rd = 0;
		bool err = false;

		if (!sb_ || apb_peek(SYSMMU_COM_MMU_STATUS, &rd, &err) != 0 || err ||
		    !(rd & SYSMMU_COM_STATUS_BLOCKED))
			return;
		sb_rtl_check(sb_, "reg", "MMU_STATUS_drain",
			     "BLOCKED 0 while a response is held (spec 2.1)", "BLOCKED 1");
#endif
	}

	int idle(unsigned n)
	{
		if (idle_total_ + n > a_->max_idle && sb_) {
			char buf[200];

			snprintf(buf, sizeof(buf), "idle %u would bring the vector's idle cycles to %" PRIu64
				 ", above --max-idle-cycles %" PRIu64, n, idle_total_ + n, a_->max_idle);
			sb_watchdog_here(sb_, buf);
			return -1;
		}
		idle_total_ += n;
		return idle_cycles(n);
	}

	int idle_cycles(unsigned n)
	{
		for (unsigned i = 0; i < n; i++) {
			tick();
			if (stopped())
				return -1;
		}
		return check_errors();
	}

	/* Runs a recorded stimulus without any checking (--no-scoreboard). */
	int replay(const std::vector<SimAction> &acts)
	{
		for (const SimAction &x : acts) {
			uint32_t rd;
			bool err;
			int rc = 0;

			switch (x.kind) {
			case SimAction::ISSUE: reqq_.push_back(x.req); break;
			case SimAction::WAIT: rc = wait_rsp(x.n); break;
			case SimAction::APB: rc = apb(x.write, x.off, x.wdata, &rd, &err, x.strb); break;
			case SimAction::IDLE: rc = idle((unsigned)x.n); break;
			case SimAction::MEM: vmem_write32(mem_, x.addr, x.wdata); break;
			case SimAction::MEMERR: vmem_add_error(mem_, x.addr, x.addr2); break;
			}
			if (rc)
				return -1;
		}
		return 0;
	}

	void finish()
	{
		trace_close();
#if VM_COVERAGE
		if (!a_->coverage_dat.empty())
			ctx_->coveragep()->write(a_->coverage_dat.c_str());
#endif
	}

private:
	struct Read {
		uint64_t addr;
		uint64_t due;
	};

	bool stopped() const { return sb_ && sb_stopped(sb_); }

	int check_errors()
	{
		if (ctx_->errorCount() > errors_seen_) {
			errors_seen_ = ctx_->errorCount();
			if (sb_)
				sb_rtl_assert(sb_, "RTL assertion failed (simulator message above)");
		}
		return stopped() ? -1 : 0;
	}

	void watchdog(const char *what, uint64_t cycles)
	{
		char buf[400];
		T *t = top_.get();

		snprintf(buf, sizeof(buf),
			 "%s for %" PRIu64 " DUT cycles (--watchdog %u): DUT accepted %" PRIu64 ", returned %" PRIu64
			 ", %zu request(s) queued (req_valid=%d req_ready=%d), AR: ar_valid=%d addr=0x%" PRIX64
			 " reads outstanding=%zu r_valid=%d r_ready=%d",
			 what, cycles, a_->watchdog, accepted_, returned_, reqq_.size(), (int)t->req_valid_i,
			 (int)t->req_ready_o, (int)t->ar_valid_o, (uint64_t)t->ar_addr_o, reads_.size(),
			 (int)t->r_valid_i, (int)t->r_ready_o);
		if (sb_)
			sb_watchdog(sb_, buf);
		else
			fprintf(stderr, "sysmmu-sim: watchdog: %s\n", buf);
	}

	void op_begin(size_t i)
	{
#if VM_TRACE
		if (a_->trace.empty())
			return;
		if ((long)i == a_->trace_from && !tfp_) {
			tfp_ = new VerilatedFstC;
			top_->trace(tfp_, 99);
			tbt_.attach(tfp_);
			tfp_->open(a_->trace.c_str());
			trace_start_ = cyc_;
			traced_ = true;
		}
		/* Ops run ahead of the DUT: keep tracing until it has answered them. */
		if ((long)i == a_->trace_to + 1 && tfp_) {
			close_at_ = sb_ ? sb_model_accepted(sb_) : returned_;
			if (returned_ >= close_at_)
				trace_close();
		}
		tb_op_ = i;
#else
		(void)i;
#endif
	}

	void trace_close()
	{
#if VM_TRACE
		if (tfp_) {
			/* The last values held 2000 cycles more: GTKWave ignores a
			 * start time whose view would end past the dump, and a run
			 * stops soon after its first failure, whose marker the save
			 * file puts 16 cycles into the first view. */
			tfp_->dump((uint64_t)(2 * cyc_ + 4000));
			tfp_->close();
			delete tfp_;
			tfp_ = nullptr;
		}
#endif
	}

	/* Inputs for the coming clock edge. */
	void drive()
	{
		T *t = top_.get();

		if (!t->req_valid_i && !reqq_.empty() && (!random_ || rng_.mostly())) {
			const struct sysmmu_req &r = reqq_.front();

			t->req_valid_i = 1;
			t->req_va_i = r.va;
			t->req_write_i = r.write;
			t->req_ns_i = r.ns;
			t->req_id_i = r.id;
			t->req_len_i = r.len & 0xF;
		}
		t->rsp_ready_i = !random_ || rng_.mostly();
		t->ar_ready_i = !random_ || rng_.mostly();
		if (!t->r_valid_i && !reads_.empty() && reads_.front().due <= cyc_) {
			uint32_t data = 0;

			bool bad = vmem_read32(mem_, reads_.front().addr, &data) != 0;

			/* junk that often looks like a descriptor (spec §5: ignored) */
			if (bad)
				data = vmem_error_junk(reads_.front().addr, err_reads_n_++);

			/* Equivalent encodings (spec §5): EXOKAY is OKAY, DECERR is SLVERR. */
			t->r_resp_i = bad ? (random_ && (rng_.next() & 3) == 0 ? 3 : 2)
					  : (random_ && (rng_.next() & 3) == 0 ? 1 : 0);
			t->r_data_i = data;
			t->r_last_i = 1;
			t->r_valid_i = 1;
		}
	}

	void tick()
	{
		T *t = top_.get();

		drive();
		t->clk_i = 0;
		t->eval();
#if VM_TRACE
		if (tfp_) {
			tbt_.update(tb_op_, sb_);
			tfp_->dump((uint64_t)(2 * cyc_));
		}
#endif
		bool req_fire = t->req_valid_i && t->req_ready_o;
		bool rsp_valid = t->rsp_valid_o;
		bool rsp_fire = rsp_valid && t->rsp_ready_i;
		bool ar_fire = t->ar_valid_o && t->ar_ready_i;
		bool r_fire = t->r_valid_i && t->r_ready_o;
		/* the bench, not the DUT, is why nothing may happen this cycle */
		bench_held_ = (!reqq_.empty() && !t->req_valid_i) || (rsp_valid && !t->rsp_ready_i) ||
			      (t->ar_valid_o && !t->ar_ready_i) || (!t->r_valid_i && !reads_.empty());
		struct sb_rsp rsp;
		uint64_t ar_addr = 0;
		unsigned ar_len = 0, ar_size = 0;

		if (t->psel_i && t->penable_i && t->pready_o) {
			apb_done_ = true;
			apb_rdata_ = t->prdata_o;
			apb_err_ = t->pslverr_o;
		}
		if (rsp_valid && first_valid_ == UINT64_MAX)
			first_valid_ = cyc_;
		if (rsp_valid && !t->rsp_ready_i)
			check_drain();
		/* Spec 12: the request after a non-faulting hit is accepted the
		 * cycle after it (one per clock). Here the last one was accepted a
		 * cycle ago, the next is waiting, the queue is empty (room for the
		 * answer) and it is held: wrong if that one turns out a hit. */
		if (t->req_valid_i && !t->req_ready_o && !rsp_valid && !acc_.empty() &&
		    acc_.back() + 1 == cyc_ && held_k_ == UINT64_MAX) {
			held_k_ = accepted_ - 1;
			held_ar_ = ar_count_;
		}
		if (rsp_fire) {
			rsp.pa = t->rsp_pa_o;
			rsp.fault = t->rsp_fault_o;
			rsp.fault_kind = t->rsp_fault_kind_o;
			rsp.id = t->rsp_id_o;
			rsp.tlb_hit = t->rsp_tlb_hit_o;
			rsp.flpd_hit = t->rsp_flpd_hit_o;
			rsp.cycle = cyc_;
			rsp.latency = !acc_.empty() && first_valid_ >= acc_.front()
					      ? first_valid_ - acc_.front() : 0;
			if (returned_ + 1 == corrupt_at_)
				rsp.pa ^= 0x1000;
		}
		if (ar_fire) {
			ar_addr = t->ar_addr_o;
			ar_len = t->ar_len_o;
			ar_size = t->ar_size_o;
		}
		t->clk_i = 1;
		t->eval();
#if VM_TRACE
		if (tfp_)
			tfp_->dump((uint64_t)(2 * cyc_ + 1));
#endif
		if (req_fire) {
			reqq_.pop_front();
			t->req_valid_i = 0;
			acc_.push_back(cyc_);
			accepted_++;
			progress_++;
			if (sb_)
				sb_rtl_accept(sb_);
		}
		if (r_fire) {
			reads_.pop_front();
			t->r_valid_i = 0;
			progress_++;
		}
		if (ar_fire) {
			if (!reads_.empty() && sb_)
				sb_rtl_protocol(sb_, "ar_outstanding", "at most 1 read outstanding",
						"2 reads outstanding");
			if (++ar_count_ != drop_read_at_)
				reads_.push_back(Read{ ar_addr, cyc_ + 1 + (random_ ? rng_.range(a_->timing.lat_min, a_->timing.lat_max)
										   : a_->timing.lat_min) });
			progress_++;
			if (sb_)
				sb_rtl_walk(sb_, ar_addr, ar_len, ar_size);
		}
		cyc_++;
		if (rsp_fire) {
			if (!acc_.empty())
				acc_.pop_front();
			first_valid_ = UINT64_MAX;
			if (returned_ == held_k_) {
				/* no read since: a hit (or bypass), not a walk */
				if (!rsp.fault && ar_count_ == held_ar_ && sb_)
					sb_rtl_check(sb_, "timing", "hit_throughput",
						     "next request accepted the cycle after a hit (spec 12)",
						     "held one cycle or more");
				held_k_ = UINT64_MAX;
			}
			returned_++;
			progress_++;
			if (sb_)
				sb_rtl_rsp(sb_, &rsp);
		}
#if VM_TRACE
		if (tfp_ && returned_ >= close_at_)
			trace_close();
#endif
	}

	sim_args *a_;
	struct vmem *mem_;
	std::unique_ptr<VerilatedContext> ctx_;
	std::unique_ptr<T> top_;
	struct sb *sb_ = nullptr;
	SimRng rng_;
	unsigned reads_strb_n_ = 0;	/* APB reads so far: picks PSTRB (read_strb) */
	unsigned err_reads_n_ = 0;	/* erroring walk reads so far */
	bool random_;
	std::deque<struct sysmmu_req> reqq_;
	std::deque<uint64_t> acc_;       /* acceptance cycle of each request in flight */
	std::deque<Read> reads_;
	uint64_t first_valid_ = UINT64_MAX;
	uint64_t cyc_ = 0;
	uint64_t accepted_ = 0;
	uint64_t returned_ = 0;
	uint64_t progress_ = 0;
	int errors_seen_ = 0;
	uint64_t held_k_ = UINT64_MAX;	/* request whose successor was held, by index */
	uint64_t held_ar_ = 0;		/* ar_count_ then */
	bool apb_done_ = false;
	uint32_t apb_rdata_ = 0;
	bool apb_err_ = false;
	uint64_t trace_start_ = 0;
	uint64_t close_at_ = UINT64_MAX;
	uint64_t corrupt_at_ = 0;     /* SYSMMU_SIM_CORRUPT_RSP */
	uint64_t drop_read_at_ = 0;   /* SYSMMU_SIM_DROP_READ */
	uint64_t ar_count_ = 0;       /* walk reads accepted */
	uint64_t idle_total_ = 0;     /* cycles of the vector's idle ops so far */
	bool bench_held_ = false;     /* this cycle the bench held something back */
	bool traced_ = false;
#if VM_TRACE
	VerilatedFstC *tfp_ = nullptr;
	TbTrace tbt_;            /* testbench signals in the waves (tbtrace.h) */
	size_t tb_op_ = 0;
#endif
};

/* ---- recording port: what the scoreboard would do, without a DUT ---- */

struct SimRecorder {
	std::vector<SimAction> acts;
	struct sb *sb = nullptr;
	uint64_t returned = 0;
	uint64_t cycles = 0;

	static void issue(void *c, const struct sysmmu_req *r)
	{
		SimAction x = {};

		x.kind = SimAction::ISSUE;
		x.req = *r;
		((SimRecorder *)c)->acts.push_back(x);
	}
	static int wait(void *c, uint64_t n)
	{
		SimRecorder *s = (SimRecorder *)c;
		SimAction x = {};
		struct sb_rsp r = {};

		x.kind = SimAction::WAIT;
		x.n = n;
		s->acts.push_back(x);
		for (; s->returned < n; s->returned++) {
			sb_rtl_accept(s->sb);
			sb_rtl_rsp(s->sb, &r);
		}
		return 0;
	}
	static int apb(void *c, bool w, uint32_t off, uint32_t wd, uint32_t *rd, bool *err)
	{
		SimAction x = {};

		x.kind = SimAction::APB;
		x.write = w;
		x.off = off;
		x.wdata = wd;
		x.strb = 0xF;
		((SimRecorder *)c)->acts.push_back(x);
		*rd = 0;
		*err = false;
		return 0;
	}
	static int apb_strb(void *c, uint32_t off, uint32_t wd, unsigned strb, bool *err)
	{
		uint32_t rd;
		int rc = apb(c, true, off, wd, &rd, err);

		((SimRecorder *)c)->acts.back().strb = strb;
		return rc;
	}
	static int idle(void *c, unsigned n)
	{
		SimAction x = {};

		x.kind = SimAction::IDLE;
		x.n = n;
		((SimRecorder *)c)->acts.push_back(x);
		return 0;
	}
	static void mem(void *c, const struct vec_op *op)
	{
		SimAction x = {};

		x.kind = op->kind == VEC_MEM ? SimAction::MEM : SimAction::MEMERR;
		x.addr = op->addr;
		x.addr2 = op->addr2;
		x.wdata = op->data;
		((SimRecorder *)c)->acts.push_back(x);
	}
	static bool irq(void *) { return false; }
	static uint64_t cycle(void *c) { return ((SimRecorder *)c)->cycles; }

	struct sb_port port()
	{
		struct sb_port p = { this, issue, wait, apb, idle, irq, cycle, nullptr, mem, apb_strb, nullptr };

		return p;
	}
};

static inline double sim_now()
{
	return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

static inline double sim_cpu()
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Plain run: scoreboard against the DUT. */
template <class T> struct BenchHolder {
	Bench<T> *b = nullptr;

	static void issue(void *c, const struct sysmmu_req *r) { Bench<T>::p_issue(((BenchHolder *)c)->b, r); }
	static int wait(void *c, uint64_t n) { return Bench<T>::p_wait(((BenchHolder *)c)->b, n); }
	static int apb(void *c, bool w, uint32_t o, uint32_t d, uint32_t *rd, bool *e)
	{
		return Bench<T>::p_apb(((BenchHolder *)c)->b, w, o, d, rd, e);
	}
	static int apb_strb(void *c, uint32_t o, uint32_t d, unsigned strb, bool *e)
	{
		return Bench<T>::p_apb_strb(((BenchHolder *)c)->b, o, d, strb, e);
	}
	static int apb_peek(void *c, uint32_t o, uint32_t *rd, bool *e)
	{
		return Bench<T>::p_apb_peek(((BenchHolder *)c)->b, o, rd, e);
	}
	static int idle(void *c, unsigned n) { return Bench<T>::p_idle(((BenchHolder *)c)->b, n); }
	static bool irq(void *c) { return Bench<T>::p_irq(((BenchHolder *)c)->b); }
	static uint64_t cycle(void *c) { return ((BenchHolder *)c)->b ? Bench<T>::p_cycle(((BenchHolder *)c)->b) : 0; }
	static void op_begin(void *c, size_t i) { Bench<T>::p_op_begin(((BenchHolder *)c)->b, i); }
};

template <class T> int bench_run_checked(sim_args *a)
{
	char err[512];
	BenchHolder<T> h;
	/* The bench needs the scoreboard's memory, the scoreboard the bench's port. */
	/* The coverage build reads at pin level only: a zero-time read would
	 * count as RTL coverage of APB accesses that never happened. */
	struct sb_port port = { &h, BenchHolder<T>::issue, BenchHolder<T>::wait, BenchHolder<T>::apb,
				BenchHolder<T>::idle, BenchHolder<T>::irq, BenchHolder<T>::cycle,
				BenchHolder<T>::op_begin, nullptr, BenchHolder<T>::apb_strb,
				VM_COVERAGE ? nullptr : BenchHolder<T>::apb_peek };
	struct sb *sb = sb_create(a->v, &a->sbo, &port, err, sizeof(err));
	double t0, c0;

	if (!sb) {
		fprintf(stderr, "sysmmu-sim: %s\n", err);
		return SB_ERROR;
	}
	{
		Bench<T> b(a, sb_mem(sb));

		h.b = &b;
		b.attach(sb);
		b.reset();
		t0 = sim_now();
		c0 = sim_cpu();
		a->status = sb_run(sb);
		a->wall = sim_now() - t0;
		a->cpu = sim_cpu() - c0;
		/* Waves: a few cycles past the end, so the last events are visible. */
		if (b.traced())
			b.idle_cycles(16);
		b.finish();
		a->cycles = b.cycles();
		a->translations = sb_translations(sb);
		a->fail_op = sb_first_fail_op(sb);
		a->fail_cycle = sb_first_fail_cycle(sb);
		a->trace_start_cycle = b.trace_start();
		a->trace_written = b.traced();
		sim_finish(a, sb);
		h.b = nullptr;
	}
	sb_destroy(sb);
	return a->status;
}

/* --no-scoreboard: record the stimulus on the model, time only the DUT replay. */
template <class T> int bench_run_replay(sim_args *a)
{
	char err[512];
	SimRecorder rec;
	struct sb_port port = rec.port();
	struct sb *sb = sb_create(a->v, &a->sbo, &port, err, sizeof(err));
	double t0, c0;

	if (!sb) {
		fprintf(stderr, "sysmmu-sim: %s\n", err);
		return SB_ERROR;
	}
	rec.sb = sb;
	sb_run(sb);
	{
		/* Fresh memory: the replay applies the vector's writes in order. */
		struct vmem *m = vmem_create();
		Bench<T> b(a, m);

		b.reset();
		t0 = sim_now();
		c0 = sim_cpu();
		a->status = b.replay(rec.acts) ? SB_WATCHDOG : SB_PASS;
		a->wall = sim_now() - t0;
		a->cpu = sim_cpu() - c0;
		if (a->status == SB_WATCHDOG)
			sb_watchdog(sb, "no progress while replaying the stimulus (--no-scoreboard)");
		b.finish();
		rec.cycles = b.cycles();
		a->cycles = b.cycles();
		vmem_destroy(m);
	}
	a->translations = sb_translations(sb);
	a->fail_op = -1;
	a->fail_cycle = 0;
	sim_finish(a, sb);
	sb_destroy(sb);
	return a->status;
}

template <class T> int bench_run(sim_args *a)
{
	if (a->mutant && !SimMutsel<T>::present) {
		fprintf(stderr, "sysmmu-sim: --mutant %u: this binary has no mutant netlist "
			"(make mutate builds one; docs/mutation.md)\n", a->mutant);
		return SB_ERROR;
	}
	return a->no_scoreboard ? bench_run_replay<T>(a) : bench_run_checked<T>(a);
}

#endif /* SYSMMU_SIM_BENCH_H */
