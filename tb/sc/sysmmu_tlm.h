// SPDX-License-Identifier: Apache-2.0
//
// TLM-2.0 loosely-timed wrapper of the SYSMMU reference model
// (docs/systemc.md). Drop it into a SystemC virtual platform:
//
//   reg_socket    target, 4-byte register reads/writes at the register
//                 offset (address bits [11:0] decoded, upper bits ignored).
//                 PSLVERR becomes TLM_GENERIC_ERROR_RESPONSE.
//   xlate_socket  target, one translation per transaction: command READ or
//                 WRITE = access type, address = VA, data = 8 bytes that
//                 receive the PA (little-endian uint64). A faulting
//                 translation answers TLM_GENERIC_ERROR_RESPONSE. The
//                 optional sysmmu_sc::xlate_ext carries ns/id/len in and
//                 the full model result out.
//   mem_socket    initiator, page-table walk reads (4-byte READs).
//   irq           level interrupt (spec §8.3), updated one delta after the
//                 register access or translation that changes it.
//
// A request that arrives while the MMU is blocked (CTRL.BLOCK or a fault)
// waits inside b_transport until a register write unblocks it, as a real
// master would stall on the request channel.
#ifndef SYSMMU_TLM_H
#define SYSMMU_TLM_H

#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "sysmmu/model.h"

namespace sysmmu_sc {

// Translation attributes in, full model result out.
struct xlate_ext : tlm::tlm_extension<xlate_ext> {
	bool ns = false;     // 1 = non-secure request
	uint16_t id = 0;
	uint8_t len = 0;     // burst length field, 0..15
	struct sysmmu_result res = {};

	tlm::tlm_extension_base *clone() const override;
	void copy_from(const tlm::tlm_extension_base &ext) override;
};

class sysmmu_tlm : public sc_core::sc_module {
public:
	tlm_utils::simple_target_socket<sysmmu_tlm> reg_socket;
	tlm_utils::simple_target_socket<sysmmu_tlm> xlate_socket;
	tlm_utils::simple_initiator_socket<sysmmu_tlm> mem_socket;
	sc_core::sc_out<bool> irq;

	// reg_latency: annotated per register access; xlate_latency: per
	// translation on top of the walk reads' own latency.
	sysmmu_tlm(sc_core::sc_module_name name, const struct sysmmu_config &cfg,
		   sc_core::sc_time reg_latency = sc_core::sc_time(20, sc_core::SC_NS),
		   sc_core::sc_time xlate_latency = sc_core::sc_time(10, sc_core::SC_NS));
	~sysmmu_tlm() override;
	SC_HAS_PROCESS(sysmmu_tlm);
	sysmmu_tlm(const sysmmu_tlm &) = delete;
	sysmmu_tlm &operator=(const sysmmu_tlm &) = delete;

	// Blocking translation; waits while the MMU is blocked, so it must be
	// called from an SC_THREAD. delay is the loosely-timed annotation.
	// Returns false when a reset or configure() dropped the waiting
	// request (a reset loses what is not yet accepted); res is untouched.
	// On the socket such a request answers TLM_INCOMPLETE_RESPONSE.
	bool translate(const struct sysmmu_req &req, struct sysmmu_result &res,
		       sc_core::sc_time &delay);
	// Non-waiting variant: false (and nothing done) while blocked.
	bool try_translate(const struct sysmmu_req &req, struct sysmmu_result &res,
			   sc_core::sc_time &delay);

	// Replace the model by a fresh one of another configuration (a
	// hardware reset with new build parameters). Throws on a bad config.
	void configure(const struct sysmmu_config &cfg);
	void reset();

	bool can_accept() const;
	// Notified (delta) after a register write that leaves the MMU accepting.
	const sc_core::sc_event &unblocked_event() const { return unblocked_ev_; }
	// The wrapped model, for scoreboards and debuggers (read-only use).
	const struct sysmmu *model() const { return model_; }

private:
	struct sysmmu *model_ = nullptr;
	sc_core::sc_time reg_latency_;
	sc_core::sc_time xlate_latency_;
	sc_core::sc_time *walk_delay_ = nullptr;  // valid during a translation
	sc_core::sc_event unblocked_ev_;
	sc_core::sc_event irq_ev_;
	unsigned long generation_ = 0;  // bumped by reset and configure

	void reg_b_transport(tlm::tlm_generic_payload &trans, sc_core::sc_time &delay);
	unsigned int reg_transport_dbg(tlm::tlm_generic_payload &trans);
	void xlate_b_transport(tlm::tlm_generic_payload &trans, sc_core::sc_time &delay);
	void do_translate(const struct sysmmu_req &req, struct sysmmu_result &res,
			  sc_core::sc_time &delay);
	int mem_read(uint64_t pa, uint32_t *data);
	static int mem_read_cb(void *ctx, uint64_t pa, uint32_t *data);
	void update_irq();
	void irq_method();
	void after_reset();
};

} // namespace sysmmu_sc

#endif // SYSMMU_TLM_H
