// SPDX-License-Identifier: Apache-2.0
//
// A small TLM-2.0 memory target for page tables: sparse 36-bit space of
// 32-bit little-endian words (unwritten words read 0), error regions that
// answer TLM_GENERIC_ERROR_RESPONSE (an AXI SLVERR), a fixed latency per
// access. Header-only so a platform can use it without extra libraries.
#ifndef SYSMMU_TLM_MEM_H
#define SYSMMU_TLM_MEM_H

#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace sysmmu_sc {

class simple_memory : public sc_core::sc_module {
public:
	tlm_utils::simple_target_socket<simple_memory> socket;

	simple_memory(sc_core::sc_module_name name,
		      sc_core::sc_time latency = sc_core::sc_time(40, sc_core::SC_NS))
		: sc_module(name), socket("socket"), latency_(latency)
	{
		socket.register_b_transport(this, &simple_memory::b_transport);
		socket.register_transport_dbg(this, &simple_memory::transport_dbg);
	}

	// Backdoor write of one aligned word.
	void write32(uint64_t pa, uint32_t data) { words_[pa & ~3ull] = data; }
	uint32_t read32(uint64_t pa) const
	{
		auto it = words_.find(pa & ~3ull);
		return it == words_.end() ? 0 : it->second;
	}
	// Reads touching [lo, hi] (inclusive) answer an error.
	void add_error(uint64_t lo, uint64_t hi) { errors_.emplace_back(lo, hi); }
	void clear()
	{
		words_.clear();
		errors_.clear();
	}
	unsigned long reads() const { return reads_; }

private:
	std::unordered_map<uint64_t, uint32_t> words_;
	std::vector<std::pair<uint64_t, uint64_t>> errors_;
	sc_core::sc_time latency_;
	unsigned long reads_ = 0;

	bool in_error(uint64_t lo, uint64_t hi) const
	{
		for (const auto &e : errors_)
			if (lo <= e.second && hi >= e.first)
				return true;
		return false;
	}

	// Word-granular access; returns false when the payload is not a whole
	// number of aligned words.
	bool access(tlm::tlm_generic_payload &trans)
	{
		uint64_t addr = trans.get_address();
		unsigned len = trans.get_data_length();
		unsigned char *p = trans.get_data_ptr();

		if ((addr & 3) || (len & 3) || len == 0 || trans.get_byte_enable_ptr())
			return false;
		for (unsigned i = 0; i < len; i += 4) {
			uint32_t w = read32(addr + i);
			if (trans.is_read())
				std::memcpy(p + i, &w, 4);
			else
				std::memcpy(&words_[addr + i], p + i, 4);
		}
		return true;
	}

	void b_transport(tlm::tlm_generic_payload &trans, sc_core::sc_time &delay)
	{
		uint64_t addr = trans.get_address();
		unsigned len = trans.get_data_length();

		delay += latency_;
		reads_ += trans.is_read();
		if (len && trans.is_read() && in_error(addr, addr + len - 1)) {
			trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
			return;
		}
		if (!access(trans)) {
			trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
			return;
		}
		trans.set_response_status(tlm::TLM_OK_RESPONSE);
	}

	unsigned int transport_dbg(tlm::tlm_generic_payload &trans)
	{
		return access(trans) ? trans.get_data_length() : 0;
	}
};

} // namespace sysmmu_sc

#endif // SYSMMU_TLM_MEM_H
