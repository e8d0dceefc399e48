// SPDX-License-Identifier: Apache-2.0
//
// Response sink and monitor: random ready back-pressure, the payload at the
// handshake, and the latency from acceptance to the first rsp_valid (what
// the C++ harness reports in result.json "latency").
module sysmmu_sv_rsp_mon #(
  parameter int PA_W = 36,
  parameter int ID_W = 16
) (
  input  logic            rsp_valid,
  output logic            rsp_ready,
  input  logic [PA_W-1:0] rsp_pa,
  input  logic            rsp_fault,
  input  logic [2:0]      rsp_fault_kind,
  input  logic [ID_W-1:0] rsp_id,
  input  logic            rsp_tlb_hit,
  input  logic            rsp_flpd_hit
);
  localparam longint unsigned NONE = 64'hFFFF_FFFF_FFFF_FFFF;

  longint unsigned acc[$];          // acceptance cycle of each request in flight
  longint unsigned first_valid = NONE;
  logic            fire;
  longint unsigned pa, latency;
  logic            fault, tlb_hit, flpd_hit;
  int              kind, id;

  initial begin
    rsp_ready = 1'b0;
    fire = 1'b0;
  end

  function automatic void drive(input bit random);
    bit ready = 1'b1;
    if (random)
      ready = sysmmu_sv_rng_pkg::mostly();
    rsp_ready = ready;
  endfunction

  function automatic void sample(input longint unsigned cyc);
    if (rsp_valid && first_valid == NONE)
      first_valid = cyc;
    fire = rsp_valid && rsp_ready;
    if (!fire)
      return;
    pa = 64'(rsp_pa);
    fault = rsp_fault;
    kind = int'(rsp_fault_kind);
    id = int'(rsp_id);
    tlb_hit = rsp_tlb_hit;
    flpd_hit = rsp_flpd_hit;
    latency = (acc.size() != 0 && first_valid >= acc[0]) ? first_valid - acc[0] : 64'd0;
  endfunction

  function automatic void accepted(input longint unsigned cyc);
    acc.push_back(cyc);
  endfunction

  function automatic void returned();
    if (acc.size() != 0)
      void'(acc.pop_front());
    first_valid = NONE;
  endfunction
endmodule
