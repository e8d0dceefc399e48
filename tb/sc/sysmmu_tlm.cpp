// SPDX-License-Identifier: Apache-2.0
//
// TLM-2.0 wrapper of the SYSMMU reference model (see sysmmu_tlm.h).
#include "sysmmu_tlm.h"

#include <cstring>
#include <stdexcept>

using namespace sc_core;

namespace sysmmu_sc {

tlm::tlm_extension_base *xlate_ext::clone() const
{
	return new xlate_ext(*this);
}

void xlate_ext::copy_from(const tlm::tlm_extension_base &ext)
{
	*this = static_cast<const xlate_ext &>(ext);
}

sysmmu_tlm::sysmmu_tlm(sc_module_name name, const struct sysmmu_config &cfg,
		       sc_time reg_latency, sc_time xlate_latency)
	: sc_module(name), reg_socket("reg_socket"), xlate_socket("xlate_socket"),
	  mem_socket("mem_socket"), irq("irq"), reg_latency_(reg_latency),
	  xlate_latency_(xlate_latency)
{
	configure(cfg);
	reg_socket.register_b_transport(this, &sysmmu_tlm::reg_b_transport);
	reg_socket.register_transport_dbg(this, &sysmmu_tlm::reg_transport_dbg);
	xlate_socket.register_b_transport(this, &sysmmu_tlm::xlate_b_transport);
	irq.initialize(false);
	SC_METHOD(irq_method);
	sensitive << irq_ev_;
	dont_initialize();
}

sysmmu_tlm::~sysmmu_tlm()
{
	sysmmu_destroy(model_);
}

void sysmmu_tlm::configure(const struct sysmmu_config &cfg)
{
	struct sysmmu *m = sysmmu_create(&cfg, mem_read_cb, this);

	if (!m)
		throw std::invalid_argument("sysmmu_tlm: configuration out of range");
	sysmmu_destroy(model_);
	model_ = m;
	after_reset();
}

void sysmmu_tlm::reset()
{
	sysmmu_reset(model_);
	after_reset();
}

// Requests stalled on the old state are dropped: wake them so they see the
// new generation and return.
void sysmmu_tlm::after_reset()
{
	generation_++;
	unblocked_ev_.notify(SC_ZERO_TIME);
	update_irq();
}

bool sysmmu_tlm::can_accept() const
{
	return sysmmu_can_accept(model_);
}

// The irq port has one writer, this method: register writes and
// translations come from any number of initiator threads, and a signal
// written from two processes is an error in SystemC.
void sysmmu_tlm::update_irq()
{
	irq_ev_.notify(SC_ZERO_TIME);
}

void sysmmu_tlm::irq_method()
{
	irq.write(sysmmu_irq(model_));
}

// Turns TLM byte enables into an APB PSTRB value for a 4-byte access.
static unsigned payload_strb(const tlm::tlm_generic_payload &trans)
{
	const unsigned char *be = trans.get_byte_enable_ptr();
	unsigned len = trans.get_byte_enable_length();
	unsigned strb = 0;

	if (!be || len == 0)
		return 0xF;
	for (unsigned i = 0; i < 4; i++)
		if (be[i % len] == TLM_BYTE_ENABLED)
			strb |= 1u << i;
	return strb;
}

void sysmmu_tlm::reg_b_transport(tlm::tlm_generic_payload &trans, sc_time &delay)
{
	uint32_t off = static_cast<uint32_t>(trans.get_address() & 0xFFF);
	uint32_t val = 0;
	int err;

	if (trans.get_data_length() != 4 || trans.get_streaming_width() < 4) {
		trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
		return;
	}
	delay += reg_latency_;
	if (trans.is_write()) {
		std::memcpy(&val, trans.get_data_ptr(), 4);
		err = sysmmu_reg_write(model_, off, val, payload_strb(trans));
		update_irq();
		if (sysmmu_can_accept(model_))
			unblocked_ev_.notify(SC_ZERO_TIME);
	} else if (trans.is_read()) {
		err = sysmmu_reg_read(model_, off, &val);
		std::memcpy(trans.get_data_ptr(), &val, 4);
	} else {
		trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
		return;
	}
	trans.set_dmi_allowed(false);
	trans.set_response_status(err ? tlm::TLM_GENERIC_ERROR_RESPONSE
				      : tlm::TLM_OK_RESPONSE);
}

// Debug reads go straight to the model: register reads have no side
// effects (spec §9), so a debugger cannot disturb the platform. Debug
// writes are refused for the same reason.
unsigned int sysmmu_tlm::reg_transport_dbg(tlm::tlm_generic_payload &trans)
{
	uint32_t off = static_cast<uint32_t>(trans.get_address() & 0xFFF);
	uint32_t val = 0;

	if (!trans.is_read() || trans.get_data_length() != 4)
		return 0;
	if (sysmmu_reg_read(model_, off, &val))
		return 0;
	std::memcpy(trans.get_data_ptr(), &val, 4);
	return 4;
}

void sysmmu_tlm::xlate_b_transport(tlm::tlm_generic_payload &trans, sc_time &delay)
{
	struct sysmmu_req req = {};
	struct sysmmu_result res;
	xlate_ext *ext = nullptr;

	if (trans.get_data_length() != 8 || trans.get_address() > 0xFFFFFFFFull) {
		trans.set_response_status(trans.get_data_length() != 8
					  ? tlm::TLM_BURST_ERROR_RESPONSE
					  : tlm::TLM_ADDRESS_ERROR_RESPONSE);
		return;
	}
	if (!trans.is_read() && !trans.is_write()) {
		trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
		return;
	}
	trans.get_extension(ext);
	req.va = static_cast<uint32_t>(trans.get_address());
	req.write = trans.is_write();
	if (ext) {
		req.ns = ext->ns;
		req.id = ext->id;
		req.len = ext->len;
	}
	if (!translate(req, res, delay)) {
		trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
		return;
	}
	if (ext)
		ext->res = res;
	std::memcpy(trans.get_data_ptr(), &res.pa, 8);
	trans.set_response_status(res.fault ? tlm::TLM_GENERIC_ERROR_RESPONSE
					    : tlm::TLM_OK_RESPONSE);
}

bool sysmmu_tlm::translate(const struct sysmmu_req &req, struct sysmmu_result &res,
			   sc_time &delay)
{
	unsigned long gen = generation_;

	if (!sysmmu_can_accept(model_)) {
		// Synchronise first: the stall starts at the annotated time.
		wait(delay);
		delay = SC_ZERO_TIME;
		while (gen == generation_ && !sysmmu_can_accept(model_))
			wait(unblocked_ev_);
		if (gen != generation_)
			return false;
	}
	do_translate(req, res, delay);
	return true;
}

bool sysmmu_tlm::try_translate(const struct sysmmu_req &req, struct sysmmu_result &res,
			       sc_time &delay)
{
	if (!sysmmu_can_accept(model_))
		return false;
	do_translate(req, res, delay);
	return true;
}

void sysmmu_tlm::do_translate(const struct sysmmu_req &req, struct sysmmu_result &res,
			      sc_time &delay)
{
	delay += xlate_latency_;
	walk_delay_ = &delay;
	int rc = sysmmu_translate(model_, &req, &res);
	walk_delay_ = nullptr;
	if (rc)
		throw std::logic_error("sysmmu_tlm: model refused an accepted request");
	update_irq();
}

// The model calls this from inside sysmmu_translate() for each walk read;
// the read goes out on mem_socket with the translation's delay annotation.
int sysmmu_tlm::mem_read(uint64_t pa, uint32_t *data)
{
	tlm::tlm_generic_payload trans;
	sc_time local = SC_ZERO_TIME;
	sc_time &delay = walk_delay_ ? *walk_delay_ : local;
	unsigned char buf[4] = {0, 0, 0, 0};

	trans.set_command(tlm::TLM_READ_COMMAND);
	trans.set_address(pa);
	trans.set_data_ptr(buf);
	trans.set_data_length(4);
	trans.set_streaming_width(4);
	trans.set_byte_enable_ptr(nullptr);
	trans.set_dmi_allowed(false);
	trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
	mem_socket->b_transport(trans, delay);
	if (trans.get_response_status() != tlm::TLM_OK_RESPONSE)
		return -1;
	std::memcpy(data, buf, 4);
	return 0;
}

int sysmmu_tlm::mem_read_cb(void *ctx, uint64_t pa, uint32_t *data)
{
	return static_cast<sysmmu_tlm *>(ctx)->mem_read(pa, data);
}

} // namespace sysmmu_sc
