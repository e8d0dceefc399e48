// SPDX-License-Identifier: Apache-2.0
//
// sysmmu-tlm-test: runs mapping vectors through the TLM-2.0 wrapper.
//
//   build/sysmmu-tlm-test FILE.vec...
//
// For each vector a CPU thread plays the register, memory and check ops on
// the wrapper's reg_socket and a DMA master thread issues the translations
// on xlate_socket, in vector order. The master stalls inside the wrapper
// while the MMU is blocked; the CPU waits until every request that the
// sequential semantics allow has come back before its next op, which is the
// "pending requests" rule of docs/vectors.md.
//
// Two checks per vector:
//  1. the vector's own expectations (xlate PA/fault/hit, rd values, isr
//     fault and VA, check irq/blocked), evaluated on what came out of the
//     sockets and the irq signal;
//  2. the same vector run by vexec on a bare model must give the identical
//     sequence of register accesses (with values and PSLVERR), translation
//     results (PA, fault, hit flags, walk reads) and pending count.
// Exit 0 all pass, 1 a check failed, 2 bad input.
#define SC_INCLUDE_DYNAMIC_PROCESSES
#include <algorithm>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "sysmmu/regs.h"
#include "sysmmu/vec.h"
#include "sysmmu_tlm.h"
#include "sysmmu_tlm_mem.h"
#include "version.h"

using namespace sc_core;
using sysmmu_sc::simple_memory;
using sysmmu_sc::sysmmu_tlm;
using sysmmu_sc::xlate_ext;

namespace {

const sc_time CLK(10, SC_NS);
// SystemC's default thread stack (64 KiB) is too small for the model plus
// formatted reports; an overflow silently corrupts the heap.
const size_t STACK = 1 << 20;

struct reg_rec {
	bool write;
	uint32_t off, wdata, rdata;
	int err;
};

struct xl_rec {
	struct sysmmu_req req;
	struct sysmmu_result res;
	unsigned line;
};

struct op_trace {
	std::vector<reg_rec> regs;
	std::vector<xl_rec> xl;
	std::vector<std::pair<bool, bool>> checks;
	size_t pending = 0;
	unsigned failures = 0;
};

// ---- reference run: vexec on a bare model ----

void ref_reg(void *ctx, const struct vec_op *, bool write, uint32_t off, uint32_t wdata,
	     uint32_t rdata, int err)
{
	static_cast<op_trace *>(ctx)->regs.push_back({write, off, write ? wdata : 0,
						   write ? 0 : rdata, err});
}

void ref_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
	       const struct sysmmu_result *res)
{
	static_cast<op_trace *>(ctx)->xl.push_back({*req, *res, op->line});
}

void ref_check(void *ctx, const struct vec_op *, bool irq, bool blocked)
{
	static_cast<op_trace *>(ctx)->checks.emplace_back(irq, blocked);
}

void ref_fail(void *ctx, const struct vec_op *, const char *)
{
	static_cast<op_trace *>(ctx)->failures++;
}

int run_reference(const struct vec *v, const struct sysmmu_config *cfg, op_trace *t)
{
	struct vmem *mem = vmem_create();
	struct sysmmu *m = sysmmu_create(cfg, vmem_read_cb, mem);
	struct vexec_hooks hooks = {};
	struct vexec *x;

	if (!mem || !m) {
		sysmmu_destroy(m);
		vmem_destroy(mem);
		return -1;
	}
	hooks.ctx = t;
	hooks.reg = ref_reg;
	hooks.xlate = ref_xlate;
	hooks.check = ref_check;
	hooks.expect_fail = ref_fail;
	x = vexec_create(v, m, mem, &hooks);
	for (size_t i = 0; x && i < v->n_ops; i++)
		vexec_step(x, i);
	if (x)
		t->pending = vexec_pending(x);
	vexec_destroy(x);
	sysmmu_destroy(m);
	vmem_destroy(mem);
	return x ? 0 : -1;
}

// ---- the SystemC test bench ----

struct xl_queue {
	std::deque<const struct vec_op *> q;
	sc_event push_ev;
	bool abandoned = false;
};

SC_MODULE(tlm_tb)
{
	tlm_utils::simple_initiator_socket<tlm_tb> reg_init;
	tlm_utils::simple_initiator_socket<tlm_tb> xl_init;
	sysmmu_tlm mmu;
	simple_memory mem;
	sc_signal<bool> irq_sig;

	std::vector<std::string> files;
	std::string prog;  // argv[0], for the repro line
	int exit_code = 0;

	SC_HAS_PROCESS(tlm_tb);
	tlm_tb(sc_module_name name, const struct sysmmu_config &cfg)
		: sc_module(name), reg_init("reg_init"), xl_init("xl_init"),
		  mmu("mmu", cfg), mem("mem"), irq_sig("irq_sig")
	{
		reg_init.bind(mmu.reg_socket);
		xl_init.bind(mmu.xlate_socket);
		mmu.mem_socket.bind(mem.socket);
		mmu.irq.bind(irq_sig);
		SC_THREAD(run);
		set_stack_size(STACK);
	}

private:
	const struct vec *v_ = nullptr;
	const char *file_ = nullptr;
	op_trace t_;
	unsigned fails_ = 0;
	std::shared_ptr<xl_queue> xq_;
	sc_event progress_ev_;

	void fail(const struct vec_op *op, const char *fmt, ...)
		__attribute__((format(printf, 3, 4)))
	{
		char msg[512];
		va_list ap;

		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		if (fails_++ < 10)
			printf("tlm: FAIL %s:%u: %s\n", file_, op ? op->line : 0, msg);
	}

	// strb: PSTRB of a write, sent as TLM byte enables when not 0xF (the
	// wrapper answers a partial one with an error and no effect, spec §9).
	int reg_access(bool write, uint32_t off, uint32_t wdata, uint32_t *rdata,
		       unsigned strb = 0xF)
	{
		tlm::tlm_generic_payload trans;
		sc_time delay = SC_ZERO_TIME;
		uint32_t buf = wdata;
		unsigned char be[4];
		int err;

		trans.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
		trans.set_address(off);
		trans.set_data_ptr(reinterpret_cast<unsigned char *>(&buf));
		trans.set_data_length(4);
		trans.set_streaming_width(4);
		trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
		if (write && strb != 0xF) {
			for (unsigned i = 0; i < 4; i++)
				be[i] = (strb >> i) & 1 ? TLM_BYTE_ENABLED : TLM_BYTE_DISABLED;
			trans.set_byte_enable_ptr(be);
			trans.set_byte_enable_length(4);
		}
		reg_init->b_transport(trans, delay);
		err = trans.get_response_status() == tlm::TLM_OK_RESPONSE ? 0 : -1;
		if (trans.get_response_status() != tlm::TLM_OK_RESPONSE &&
		    trans.get_response_status() != tlm::TLM_GENERIC_ERROR_RESPONSE)
			fail(nullptr, "register access 0x%03x: unexpected TLM status %s", off,
			     trans.get_response_string().c_str());
		t_.regs.push_back({write, off, write ? wdata : 0, write ? 0 : buf, err});
		if (rdata)
			*rdata = buf;
		wait(delay);
		if (write)
			drain();
		return err;
	}

	// The CPU's next op waits until the master has nothing more it can do:
	// every queued request came back, or the front one stalls on a
	// blocked MMU.
	void drain()
	{
		while (!xq_->q.empty() && mmu.can_accept())
			wait(progress_ev_);
	}

	void master(std::shared_ptr<xl_queue> xq)
	{
		for (;;) {
			while (xq->q.empty() && !xq->abandoned)
				wait(xq->push_ev);
			if (xq->abandoned)
				return;
			if (!issue(xq, xq->q.front()))
				return;
		}
	}

	bool issue(std::shared_ptr<xl_queue> xq, const struct vec_op *op)
	{
		tlm::tlm_generic_payload trans;
		xlate_ext ext;
		sc_time delay = SC_ZERO_TIME;
		uint64_t pa = ~0ull;

		ext.ns = op->ns;
		ext.id = op->id;
		ext.len = op->len;
		trans.set_command(op->write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
		trans.set_address(op->addr);
		trans.set_data_ptr(reinterpret_cast<unsigned char *>(&pa));
		trans.set_data_length(8);
		trans.set_streaming_width(8);
		trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
		trans.set_extension(&ext);
		try {
			xl_init->b_transport(trans, delay);
		} catch (...) {
			trans.clear_extension(&ext);  // ext is on the stack: never free() it
			throw;
		}
		trans.clear_extension(&ext);
		if (trans.get_response_status() == tlm::TLM_INCOMPLETE_RESPONSE)
			return false;  // dropped by the reset between vectors
		if (xq->abandoned)
			return false;
		complete(op, trans, ext.res, pa);
		xq->q.pop_front();
		progress_ev_.notify(SC_ZERO_TIME);
		wait(delay);
		return true;
	}

	void complete(const struct vec_op *op, const tlm::tlm_generic_payload &trans,
		      const struct sysmmu_result &res, uint64_t pa)
	{
		struct sysmmu_req req = {static_cast<uint32_t>(op->addr), op->write, op->ns,
					 op->id, op->len};
		bool ok = trans.get_response_status() == tlm::TLM_OK_RESPONSE;

		t_.xl.push_back({req, res, op->line});
		if (ok == (res.fault != SYSMMU_FAULT_NONE) || pa != res.pa)
			fail(op, "socket answer (%s, pa 0x%" PRIx64 ") disagrees with result "
			     "(fault %d, pa 0x%" PRIx64 ")", trans.get_response_string().c_str(),
			     pa, res.fault, res.pa);
		check_xlate(op, res);
	}

	void check_xlate(const struct vec_op *op, const struct sysmmu_result &res)
	{
		char got[64];

		if (res.fault)
			snprintf(got, sizeof(got), "fault=%s", sysmmu_fault_name(res.fault));
		else
			snprintf(got, sizeof(got), "pa=0x%" PRIx64, res.pa);
		if (op->expect == VEC_EXP_PA && (res.fault || res.pa != op->exp_pa))
			fail(op, "xlate 0x%08" PRIx64 ": expected pa=0x%" PRIx64 ", got %s",
			     op->addr, op->exp_pa, got);
		if (op->expect == VEC_EXP_FAULT && res.fault != op->exp_fault)
			fail(op, "xlate 0x%08" PRIx64 ": expected fault=%s, got %s", op->addr,
			     sysmmu_fault_name(op->exp_fault), got);
		if (op->exp_hit >= 0 && (int)res.tlb_hit != op->exp_hit)
			fail(op, "xlate 0x%08" PRIx64 ": expected %s, got %s", op->addr,
			     op->exp_hit ? "hit" : "miss", res.tlb_hit ? "hit" : "miss");
	}

	uint32_t dbg_read(uint32_t off)
	{
		tlm::tlm_generic_payload trans;
		uint32_t val = 0;

		trans.set_command(tlm::TLM_READ_COMMAND);
		trans.set_address(off);
		trans.set_data_ptr(reinterpret_cast<unsigned char *>(&val));
		trans.set_data_length(4);
		trans.set_streaming_width(4);
		if (reg_init->transport_dbg(trans) != 4)
			fail(nullptr, "debug read of 0x%03x refused", off);
		return val;
	}

	void run_isr(const struct vec_op *op);
	void run_op(const struct vec_op *op);
	int run_vector(const char *path);
	void compare(const op_trace &ref);
	void run();
};

// What the Linux driver's fault handler does (docs/vectors.md "isr"):
// one fault per call, the lowest INT_STATUS bit.
void tlm_tb::run_isr(const struct vec_op *op)
{
	enum sysmmu_variant var = v_->variant;
	uint32_t st_reg = var == SYSMMU_V3 ? SYSMMU_V3_INT_STATUS : SYSMMU_V5_INT_STATUS;
	uint32_t clr_reg = var == SYSMMU_V3 ? SYSMMU_V3_INT_CLEAR : SYSMMU_V5_INT_CLEAR;
	uint32_t status = 0, va = 0, info = 0;
	unsigned bit;
	struct vec_isr_src src;

	reg_access(false, st_reg, 0, &status);
	if (status == 0) {
		if (op->has_expect && op->exp_fault != SYSMMU_FAULT_NONE)
			fail(op, "isr: expected fault=%s, INT_STATUS is 0",
			     sysmmu_fault_name(op->exp_fault));
		return;
	}
	bit = __builtin_ctz(status);
	vec_isr_source(var, bit, &src);
	reg_access(false, src.va_reg, 0, &va);
	reg_access(false, src.info_reg, 0, &info);
	if (op->has_expect && op->exp_fault == SYSMMU_FAULT_NONE)
		fail(op, "isr: expected INT_STATUS 0, read 0x%08x", status);
	else if (op->has_expect && (src.kind != op->exp_fault || va != op->exp_va))
		fail(op, "isr: expected fault=%s va=0x%08x, got %s va=0x%08x",
		     sysmmu_fault_name(op->exp_fault), op->exp_va,
		     sysmmu_fault_name(src.kind), va);
	reg_access(true, clr_reg, 1u << bit, nullptr);
	reg_access(true, SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN,
		   nullptr);
}

void tlm_tb::run_op(const struct vec_op *op)
{
	uint32_t val = 0;

	switch (op->kind) {
	case VEC_MEM:
		mem.write32(op->addr, op->data);
		break;
	case VEC_MEMERR:
		mem.add_error(op->addr, op->addr2);
		break;
	case VEC_WR:
		reg_access(true, (uint32_t)op->addr, op->data, nullptr, op->strb);
		break;
	case VEC_RD:
		reg_access(false, (uint32_t)op->addr, 0, &val);
		if (op->has_expect && (val & op->mask) != (op->data & op->mask))
			fail(op, "rd 0x%03" PRIx64 ": expected 0x%08x mask 0x%08x, got 0x%08x",
			     op->addr, op->data, op->mask, val);
		break;
	case VEC_XLATE:
		xq_->q.push_back(op);
		xq_->push_ev.notify(SC_ZERO_TIME);
		wait(SC_ZERO_TIME);
		drain();
		break;
	case VEC_IDLE:
		wait(CLK * op->data);
		break;
	case VEC_ISR:
		run_isr(op);
		break;
	case VEC_CHECK: {
		bool irq, blocked;

		// The irq signal follows a change one delta later; sample it a
		// clock after the last access, as an interrupt controller would.
		wait(CLK);
		irq = irq_sig.read();
		blocked = dbg_read(SYSMMU_COM_MMU_STATUS) & SYSMMU_COM_STATUS_BLOCKED;
		t_.checks.emplace_back(irq, blocked);
		if (op->exp_irq >= 0 && (int)irq != op->exp_irq)
			fail(op, "check: expected irq=%d, irq signal is %d", op->exp_irq, irq);
		if (op->exp_blocked >= 0 && (int)blocked != op->exp_blocked)
			fail(op, "check: expected blocked=%d, STATUS.BLOCKED is %d",
			     op->exp_blocked, blocked);
		break;
	}
	}
}

bool same_result(const struct sysmmu_result &a, const struct sysmmu_result &b)
{
	if (a.pa != b.pa || a.fault != b.fault || a.bypass != b.bypass ||
	    a.tlb_hit != b.tlb_hit || a.flpd_hit != b.flpd_hit || a.n_walk != b.n_walk ||
	    a.tlb_index != b.tlb_index)
		return false;
	for (unsigned i = 0; i < a.n_walk && i < SYSMMU_WALK_MAX; i++)
		if (a.walk_addr[i] != b.walk_addr[i] || a.walk_err[i] != b.walk_err[i])
			return false;
	return true;
}

// Socket path versus vexec on a bare model: identical sequences.
void tlm_tb::compare(const op_trace &ref)
{
	size_t n = std::min(ref.regs.size(), t_.regs.size());

	for (size_t i = 0; i < n; i++) {
		const reg_rec &a = ref.regs[i], &b = t_.regs[i];
		if (a.write != b.write || a.off != b.off || a.wdata != b.wdata ||
		    a.rdata != b.rdata || a.err != b.err) {
			fail(nullptr, "register access #%zu: vexec %s 0x%03x=0x%08x err %d, "
			     "TLM %s 0x%03x=0x%08x err %d", i, a.write ? "wr" : "rd", a.off,
			     a.write ? a.wdata : a.rdata, a.err, b.write ? "wr" : "rd", b.off,
			     b.write ? b.wdata : b.rdata, b.err);
			break;
		}
	}
	if (ref.regs.size() != t_.regs.size())
		fail(nullptr, "register accesses: vexec %zu, TLM %zu", ref.regs.size(),
		     t_.regs.size());
	n = std::min(ref.xl.size(), t_.xl.size());
	for (size_t i = 0; i < n; i++) {
		const xl_rec &a = ref.xl[i], &b = t_.xl[i];
		if (a.req.va != b.req.va || a.line != b.line || !same_result(a.res, b.res)) {
			fail(nullptr, "translation #%zu (line %u, va 0x%08x): vexec %s pa=0x%"
			     PRIx64 " walks %u, TLM line %u %s pa=0x%" PRIx64 " walks %u", i,
			     a.line, a.req.va, sysmmu_fault_name(a.res.fault), a.res.pa,
			     a.res.n_walk, b.line, sysmmu_fault_name(b.res.fault), b.res.pa,
			     b.res.n_walk);
			break;
		}
	}
	if (ref.xl.size() != t_.xl.size())
		fail(nullptr, "translations: vexec %zu, TLM %zu", ref.xl.size(), t_.xl.size());
	if (ref.checks != t_.checks)
		fail(nullptr, "check ops: irq/blocked differ from vexec");
	if (ref.pending != t_.pending)
		fail(nullptr, "pending at end: vexec %zu, TLM %zu", ref.pending, t_.pending);
	if (ref.failures != fails_)
		fail(nullptr, "expectation failures: vexec %u, TLM %u", ref.failures, fails_);
}

int tlm_tb::run_vector(const char *path)
{
	struct vec v;
	struct sysmmu_config cfg;
	char err[512];
	op_trace ref;

	vec_init(&v);
	if (vec_parse_file(path, &v, err, sizeof(err))) {
		fflush(stdout);
		fprintf(stderr, "%s\n", err);
		vec_free(&v);
		return 2;
	}
	cfg = {v.variant, v.tlb_entries, v.flpd_entries, v.id_width};
	if (run_reference(&v, &cfg, &ref)) {
		fprintf(stderr, "%s: cannot run the reference model\n", path);
		vec_free(&v);
		return 2;
	}
	v_ = &v;
	file_ = path;
	t_ = op_trace();
	fails_ = 0;
	mem.clear();
	mmu.configure(cfg);
	xq_ = std::make_shared<xl_queue>();
	sc_spawn_options spawn_opts;
	spawn_opts.set_stack_size(STACK);
	sc_spawn(sc_bind(&tlm_tb::master, this, xq_), nullptr, &spawn_opts);
	wait(SC_ZERO_TIME);
	for (size_t i = 0; i < v.n_ops; i++)
		run_op(&v.ops[i]);
	t_.pending = xq_->q.size();
	xq_->abandoned = true;
	xq_->push_ev.notify(SC_ZERO_TIME);
	compare(ref);
	printf("tlm: %s %s (%zu ops, %zu translations, %zu register accesses, %zu pending)\n",
	       fails_ ? "FAIL" : "pass", path, v.n_ops, t_.xl.size(), t_.regs.size(),
	       t_.pending);
	if (fails_)
		printf("tlm: repro: %s %s\n", prog.c_str(), path);
	vec_free(&v);
	v_ = nullptr;
	return fails_ ? 1 : 0;
}

void tlm_tb::run()
{
	unsigned pass = 0, failed = 0;

	for (const std::string &f : files) {
		int rc = run_vector(f.c_str());

		if (rc == 2) {
			exit_code = 2;
			break;
		}
		rc ? failed++ : pass++;
		if (rc)
			exit_code = 1;
		mmu.reset();  // drops a request left stalled by this vector
		wait(SC_ZERO_TIME);
	}
	printf("tlm: %u vectors, %u pass, %u fail\n", pass + failed, pass, failed);
	// No sc_stop(): with nothing left to do the simulation ends by itself.
}

} // namespace

const char tlm_test_usage[] =
	"usage: sysmmu-tlm-test FILE.vec...\n"
	"       sysmmu-tlm-test --help | --version\n"
	"Runs each vector through the TLM-2.0 wrapper of the reference model\n"
	"(tb/sc/sysmmu_tlm.h) and checks its expectations; docs/systemc.md.\n"
	"exit: 0 every vector passes, 1 a vector failed, 2 usage/input error\n";

// Our main() replaces libsystemc's: --help and --version answer before the
// simulation kernel (and its banner) starts.
int main(int argc, char **argv)
{
	sysmmu_version_opt(argc, argv, "sysmmu-tlm-test");
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(tlm_test_usage, stdout);
		return 0;
	}
	return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int argc, char **argv)
{
	struct sysmmu_config cfg = {SYSMMU_V5, 32, 8, 16};

	if (argc < 2) {
		fputs(tlm_test_usage, stderr);
		return 2;
	}
	tlm_tb tb("tb", cfg);
	tb.prog = argv[0];
	for (int i = 1; i < argc; i++)
		tb.files.emplace_back(argv[i]);
	sc_start();
	return tb.exit_code;
}
