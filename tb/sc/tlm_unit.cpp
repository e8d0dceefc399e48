// SPDX-License-Identifier: Apache-2.0
//
// sysmmu-tlm-unit: socket-level behaviour of the TLM-2.0 wrapper that
// vectors cannot express (docs/systemc.md §1): TLM response codes, byte
// enables, address decoding, debug transport, delay annotation, a request
// stalled on a blocked MMU and released by another thread, try_translate(),
// reset dropping a stalled request, the irq signal, bad configurations.
// Expected values are written by hand from docs/spec.md and the wrapper's
// documented mapping. Prints one line per failed check; exit 0 all pass.
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "sysmmu/regs.h"
#include "sysmmu_tlm.h"
#include "sysmmu_tlm_mem.h"
#include "version.h"

using namespace sc_core;
using sysmmu_sc::simple_memory;
using sysmmu_sc::sysmmu_tlm;
using sysmmu_sc::xlate_ext;

namespace {

unsigned checks, failures;
bool finished;  // the CPU thread got through every check

void check(bool ok, const char *what, uint64_t got, uint64_t want)
{
	checks++;
	if (ok)
		return;
	failures++;
	printf("tlm-unit: FAIL %s: got %" PRIu64 " (0x%" PRIx64 "), expected %" PRIu64 " (0x%" PRIx64 ")\n",
	       what, got, got, want, want);
}

void expect_eq(const char *what, uint64_t got, uint64_t want)
{
	check(got == want, what, got, want);
}

using socket_t = tlm_utils::simple_initiator_socket<struct unit_tb>;

SC_MODULE(unit_tb)
{
	socket_t regs{"regs"}, xl{"xl"};
	sysmmu_tlm mmu;
	simple_memory mem;
	sc_signal<bool> irq{"irq"};

	SC_HAS_PROCESS(unit_tb);
	explicit unit_tb(sc_module_name name)
		: sc_module(name), mmu("mmu", cfg5()), mem("mem", sc_time(40, SC_NS))
	{
		regs.bind(mmu.reg_socket);
		xl.bind(mmu.xlate_socket);
		mmu.mem_socket.bind(mem.socket);
		mmu.irq(irq);
		SC_THREAD(cpu);
		set_stack_size(1 << 20);
		SC_THREAD(dma2);
		set_stack_size(1 << 20);
	}

	static struct sysmmu_config cfg5() { return {SYSMMU_V5, 32, 8, 16}; }

private:
	sc_event go2_, done2_;
	bool done2_flag_ = false;  // the event alone would be missed if it fires first
	tlm::tlm_response_status st2_ = tlm::TLM_INCOMPLETE_RESPONSE;
	uint64_t pa2_ = 0;
	sc_time t2_;

	tlm::tlm_response_status io(socket_t &s, tlm::tlm_command cmd, uint64_t addr, void *data,
				    unsigned len, unsigned char *be = nullptr, unsigned be_len = 0,
				    sc_time *delay_out = nullptr, xlate_ext *ext = nullptr)
	{
		tlm::tlm_generic_payload t;
		sc_time delay = SC_ZERO_TIME;

		t.set_command(cmd);
		t.set_address(addr);
		t.set_data_ptr(static_cast<unsigned char *>(data));
		t.set_data_length(len);
		t.set_streaming_width(len);
		t.set_byte_enable_ptr(be);
		t.set_byte_enable_length(be_len);
		t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
		if (ext)
			t.set_extension(ext);
		s->b_transport(t, delay);
		if (ext)
			t.clear_extension(ext);
		if (delay_out)
			*delay_out = delay;
		wait(delay);
		return t.get_response_status();
	}

	uint32_t rd(uint32_t off)
	{
		uint32_t v = 0xFFFFFFFF;

		io(regs, tlm::TLM_READ_COMMAND, off, &v, 4);
		return v;
	}

	tlm::tlm_response_status wr(uint32_t off, uint32_t v)
	{
		return io(regs, tlm::TLM_WRITE_COMMAND, off, &v, 4);
	}

	unsigned dbg(tlm::tlm_command cmd, uint32_t off, uint32_t *v)
	{
		tlm::tlm_generic_payload t;

		t.set_command(cmd);
		t.set_address(off);
		t.set_data_ptr(reinterpret_cast<unsigned char *>(v));
		t.set_data_length(4);
		t.set_streaming_width(4);
		return regs->transport_dbg(t);
	}

	void wait_dma2()
	{
		while (!done2_flag_)
			wait(done2_);
	}

	void registers();
	void translations();
	void blocking();
	void cpu();
	void dma2();
};

void unit_tb::registers()
{
	uint32_t v = 0;
	unsigned char be[4] = {TLM_BYTE_ENABLED, TLM_BYTE_ENABLED, 0, 0};
	uint64_t wide = 0;

	// A partial write (PSTRB 0x3) is PSLVERR and has no effect (spec §9).
	v = SYSMMU_COM_CFG_EAP;
	expect_eq("partial write status", io(regs, tlm::TLM_WRITE_COMMAND, SYSMMU_COM_MMU_CFG, &v, 4,
					     be, 4), tlm::TLM_GENERIC_ERROR_RESPONSE);
	expect_eq("partial write no effect", rd(SYSMMU_COM_MMU_CFG), 0);
	// Full write, then the same register through an address with upper bits.
	expect_eq("cfg write", wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_EAP), tlm::TLM_OK_RESPONSE);
	expect_eq("upper address bits ignored", rd(0x7000 | SYSMMU_COM_MMU_CFG), SYSMMU_COM_CFG_EAP);
	// Unknown offset and misaligned offset: PSLVERR, read data 0.
	v = 0x1234;
	expect_eq("unknown offset status", io(regs, tlm::TLM_READ_COMMAND, 0x999 & ~3u, &v, 4),
		  tlm::TLM_GENERIC_ERROR_RESPONSE);
	expect_eq("unknown offset data", v, 0);
	expect_eq("misaligned status", io(regs, tlm::TLM_READ_COMMAND, SYSMMU_COM_MMU_CFG + 1, &v, 4),
		  tlm::TLM_GENERIC_ERROR_RESPONSE);
	expect_eq("8-byte register access", io(regs, tlm::TLM_READ_COMMAND, 0, &wide, 8),
		  tlm::TLM_BURST_ERROR_RESPONSE);
	expect_eq("version (v5)", rd(SYSMMU_COM_MMU_VERSION), SYSMMU_V5_VERSION_BASE);
	expect_eq("capa", rd(SYSMMU_V5_CAPA), 32 | 8 << 8);
	// Debug transport reads without side effects and refuses writes.
	v = 0;
	expect_eq("debug read bytes", dbg(tlm::TLM_READ_COMMAND, SYSMMU_COM_MMU_CFG, &v), 4);
	expect_eq("debug read value", v, SYSMMU_COM_CFG_EAP);
	v = 0;
	expect_eq("debug write refused", dbg(tlm::TLM_WRITE_COMMAND, SYSMMU_COM_MMU_CFG, &v), 0);
	expect_eq("debug write no effect", rd(SYSMMU_COM_MMU_CFG), SYSMMU_COM_CFG_EAP);
	wr(SYSMMU_COM_MMU_CFG, 0);
}

void unit_tb::translations()
{
	xlate_ext ext;
	uint64_t pa = 0;
	uint32_t small = 0;
	sc_time d;

	// Bypass: PA = VA, no walk, no time beyond the translation latency.
	expect_eq("bypass status", io(xl, tlm::TLM_READ_COMMAND, 0x12345678, &pa, 8, nullptr, 0, &d,
				      &ext), tlm::TLM_OK_RESPONSE);
	expect_eq("bypass pa", pa, 0x12345678);
	expect_eq("bypass flag", ext.res.bypass, 1);
	expect_eq("bypass delay ns", (uint64_t)(d / sc_time(1, SC_NS)), 10);
	// Payload checks.
	expect_eq("xlate 4-byte data", io(xl, tlm::TLM_READ_COMMAND, 0x1000, &small, 4),
		  tlm::TLM_BURST_ERROR_RESPONSE);
	expect_eq("xlate VA > 32 bits", io(xl, tlm::TLM_READ_COMMAND, 0x100000000ull, &pa, 8),
		  tlm::TLM_ADDRESS_ERROR_RESPONSE);
	expect_eq("xlate IGNORE command", io(xl, tlm::TLM_IGNORE_COMMAND, 0x1000, &pa, 8),
		  tlm::TLM_COMMAND_ERROR_RESPONSE);

	// v5 section VA 0x400xxxxx -> PA 0x8_1230_0000 (AP 3), level-1 table at
	// 0x100000; link for VA 0x300xxxxx to a level-2 table at 0x200000 whose
	// entry for 0x30005000 reads as a bus error.
	mem.write32(0x101000, 0x81230032);
	mem.write32(0x100C00, (0x200000 >> 4) | 1);
	mem.add_error(0x200014, 0x200017);
	wr(SYSMMU_V5_PT_BASE_PFN, 0x100);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_INT_EN);
	// A miss: one walk read of 40 ns on top of the 10 ns translation.
	ext.id = 0x55;
	expect_eq("section miss status", io(xl, tlm::TLM_WRITE_COMMAND, 0x40001234, &pa, 8, nullptr,
					    0, &d, &ext), tlm::TLM_OK_RESPONSE);
	expect_eq("section pa (36-bit)", pa, 0x812301234ull);
	expect_eq("section walk addr", ext.res.walk_addr[0], 0x101000);
	expect_eq("section miss delay ns", (uint64_t)(d / sc_time(1, SC_NS)), 50);
	expect_eq("hit status", io(xl, tlm::TLM_READ_COMMAND, 0x40005678, &pa, 8, nullptr, 0, &d,
				   &ext), tlm::TLM_OK_RESPONSE);
	expect_eq("hit flag", ext.res.tlb_hit, 1);
	expect_eq("hit delay ns", (uint64_t)(d / sc_time(1, SC_NS)), 10);
	// Bus error on the level-2 read: fault, PA 0, irq one delta later.
	ext.id = 0x77;
	expect_eq("bus error status", io(xl, tlm::TLM_WRITE_COMMAND, 0x30005000, &pa, 8, nullptr, 0,
					 &d, &ext), tlm::TLM_GENERIC_ERROR_RESPONSE);
	expect_eq("bus error kind", ext.res.fault, SYSMMU_FAULT_BUS_ERROR);
	expect_eq("bus error pa", pa, 0);
	expect_eq("bus error walk reads", ext.res.n_walk, 2);
	expect_eq("bus error delay ns", (uint64_t)(d / sc_time(1, SC_NS)), 90);
	expect_eq("irq after fault", irq.read(), 1);
	expect_eq("AW_TRANS_INFO", rd(SYSMMU_V5_AW_TRANS_INFO), 0x77 | SYSMMU_COM_TI_WRITE);
	expect_eq("INT_STATUS", rd(SYSMMU_V5_INT_STATUS),
		  SYSMMU_V5_INT_BUS_ERROR << SYSMMU_V5_INT_AW_SHIFT);
	wr(SYSMMU_V5_INT_CLEAR, SYSMMU_V5_INT_BUS_ERROR << SYSMMU_V5_INT_AW_SHIFT);
	wait(1, SC_NS);
	expect_eq("irq after INT_CLEAR", irq.read(), 0);
}

// The MMU is fault-blocked at entry: a request from a second thread (the
// same socket; a simple_target_socket takes one binding) stalls in the
// wrapper until this thread writes MMU_CTRL.
void unit_tb::blocking()
{
	struct sysmmu_req req = {0x40000010, false, false, 1, 0};
	struct sysmmu_result res;
	sc_time d = SC_ZERO_TIME;
	sc_time unblock_at;

	expect_eq("blocked after fault", mmu.can_accept(), 0);
	expect_eq("try_translate while blocked", mmu.try_translate(req, res, d), 0);
	go2_.notify(SC_ZERO_TIME);
	wait(100, SC_NS);
	expect_eq("stalled request still waiting", st2_, tlm::TLM_INCOMPLETE_RESPONSE);
	unblock_at = sc_time_stamp();
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN);
	wait_dma2();
	expect_eq("released request status", st2_, tlm::TLM_OK_RESPONSE);
	expect_eq("released request pa", pa2_, 0x812300010ull);
	check(t2_ >= unblock_at, "released after the unblocking write",
	      (uint64_t)(t2_ / sc_time(1, SC_NS)), (uint64_t)(unblock_at / sc_time(1, SC_NS)));
	expect_eq("try_translate when accepting", mmu.try_translate(req, res, d), 1);

	// Block by CTRL.BLOCK, stall the other thread, then reset: dropped.
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN | SYSMMU_COM_CTRL_BLOCK);
	expect_eq("STATUS.BLOCKED", rd(SYSMMU_COM_MMU_STATUS), SYSMMU_COM_STATUS_BLOCKED);
	go2_.notify(SC_ZERO_TIME);
	wait(100, SC_NS);
	mmu.reset();
	wait_dma2();
	expect_eq("reset drops the stalled request", st2_, tlm::TLM_INCOMPLETE_RESPONSE);
	expect_eq("accepting after reset", mmu.can_accept(), 1);
	expect_eq("CTRL after reset", rd(SYSMMU_COM_MMU_CTRL), 0);
}

void unit_tb::dma2()
{
	for (;;) {
		wait(go2_);
		done2_flag_ = false;
		st2_ = tlm::TLM_INCOMPLETE_RESPONSE;
		st2_ = io(xl, tlm::TLM_READ_COMMAND, 0x40000010, &pa2_, 8);
		t2_ = sc_time_stamp();
		done2_flag_ = true;
		done2_.notify(SC_ZERO_TIME);
	}
}

void unit_tb::cpu()
{
	struct sysmmu_config bad = {SYSMMU_V5, 3, 8, 16};
	bool threw = false;

	registers();
	translations();
	blocking();  // the bus error above left the MMU fault-blocked
	try {
		mmu.configure(bad);
	} catch (const std::invalid_argument &) {
		threw = true;
	}
	expect_eq("configure(tlb_entries 3) throws", threw, 1);
	finished = true;
	sc_stop();
}

} // namespace

// Our main() replaces libsystemc's: --help and --version answer before the
// simulation kernel (and its banner) starts.
int main(int argc, char **argv)
{
	sysmmu_version_opt(argc, argv, "sysmmu-tlm-unit");
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs("usage: sysmmu-tlm-unit [--help | --version]\n"
		      "Socket-level checks of the TLM-2.0 wrapper (docs/systemc.md): one line\n"
		      "per failed check, then a count. exit: 0 all pass, 1 a check failed\n", stdout);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "sysmmu-tlm-unit: takes no arguments, got '%s' (sysmmu-tlm-unit --help)\n",
			argv[1]);
		return 2;
	}
	return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int, char **)
{
	sc_report_handler::set_actions("/OSCI/SystemC", SC_INFO, SC_DO_NOTHING);
	unit_tb tb("tb");
	sc_start();
	if (!finished) {
		printf("tlm-unit: FAIL the test thread did not finish (%u checks ran)\n", checks);
		return 1;
	}
	printf("tlm-unit: %u checks, %u failed\n", checks, failures);
	return failures ? 1 : 0;
}
