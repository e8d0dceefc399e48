// SPDX-License-Identifier: Apache-2.0
//
// What a checker that keeps to the bus protocols can see of sysmmu's pins:
// the mutation equivalence proof (scripts/mutate, docs/mutation.md) compares
// a mutant with the design through this wrapper, not pin for pin. A data
// field counts only in a cycle its protocol makes it meaningful (a response
// PA only on a valid, non-faulting response, PRDATA only in the access phase
// of a read that completes, a ready only while its valid is high); it reads
// 0 otherwise. Valids, PREADY in the access phase and irq count in every
// cycle, so a mutant that only moves a handshake still differs.
//
// Widths come from the netlist: yosys reads this with
// -DSYSMMU_ID_W=<req_id_i width> -DSYSMMU_PA_W=<rsp_pa_o width>.
module sysmmu_observe (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  input  logic                     psel_i,
  input  logic                     penable_i,
  input  logic                     pwrite_i,
  input  logic [11:0]              paddr_i,
  input  logic [31:0]              pwdata_i,
  input  logic [3:0]               pstrb_i,
  output logic [31:0]              prdata_o,
  output logic                     pready_o,
  output logic                     pslverr_o,
  input  logic                     req_valid_i,
  output logic                     req_ready_o,
  input  logic [31:0]              req_va_i,
  input  logic                     req_write_i,
  input  logic                     req_ns_i,
  input  logic [`SYSMMU_ID_W-1:0]  req_id_i,
  input  logic [3:0]               req_len_i,
  output logic                     rsp_valid_o,
  input  logic                     rsp_ready_i,
  output logic [`SYSMMU_PA_W-1:0]  rsp_pa_o,
  output logic                     rsp_fault_o,
  output logic [2:0]               rsp_fault_kind_o,
  output logic [`SYSMMU_ID_W-1:0]  rsp_id_o,
  output logic                     rsp_tlb_hit_o,
  output logic                     rsp_flpd_hit_o,
  output logic                     ar_valid_o,
  input  logic                     ar_ready_i,
  output logic [`SYSMMU_PA_W-1:0]  ar_addr_o,
  output logic [7:0]               ar_len_o,
  output logic [2:0]               ar_size_o,
  input  logic                     r_valid_i,
  output logic                     r_ready_o,
  input  logic [31:0]              r_data_i,
  input  logic [1:0]               r_resp_i,
  input  logic                     r_last_i,
  output logic                     irq_o
);
  logic [31:0]             prdata;
  logic                    pready, pslverr, req_ready, rsp_valid, rsp_fault;
  logic [`SYSMMU_PA_W-1:0] rsp_pa, ar_addr;
  logic [2:0]              rsp_fault_kind, ar_size;
  logic [`SYSMMU_ID_W-1:0] rsp_id;
  logic                    rsp_tlb_hit, rsp_flpd_hit, ar_valid, r_ready;
  logic [7:0]              ar_len;

  sysmmu u_dut (
    .clk_i, .rst_ni, .psel_i, .penable_i, .pwrite_i, .paddr_i, .pwdata_i, .pstrb_i,
    .prdata_o(prdata), .pready_o(pready), .pslverr_o(pslverr),
    .req_valid_i, .req_ready_o(req_ready), .req_va_i, .req_write_i, .req_ns_i,
    .req_id_i, .req_len_i,
    .rsp_valid_o(rsp_valid), .rsp_ready_i, .rsp_pa_o(rsp_pa), .rsp_fault_o(rsp_fault),
    .rsp_fault_kind_o(rsp_fault_kind), .rsp_id_o(rsp_id), .rsp_tlb_hit_o(rsp_tlb_hit),
    .rsp_flpd_hit_o(rsp_flpd_hit),
    .ar_valid_o(ar_valid), .ar_ready_i, .ar_addr_o(ar_addr), .ar_len_o(ar_len),
    .ar_size_o(ar_size), .r_valid_i, .r_ready_o(r_ready), .r_data_i, .r_resp_i, .r_last_i,
    .irq_o
  );

  logic access, done;
  assign access = psel_i && penable_i;
  assign done   = access && pready;

  assign pready_o         = access && pready;
  assign prdata_o         = done && !pwrite_i ? prdata : '0;
  assign pslverr_o        = done && pslverr;
  assign req_ready_o      = req_valid_i && req_ready;
  assign rsp_valid_o      = rsp_valid;
  assign rsp_fault_o      = rsp_valid && rsp_fault;
  assign rsp_pa_o         = rsp_valid && !rsp_fault ? rsp_pa : '0;
  assign rsp_fault_kind_o = rsp_valid && rsp_fault ? rsp_fault_kind : '0;
  assign rsp_id_o         = rsp_valid ? rsp_id : '0;
  assign rsp_tlb_hit_o    = rsp_valid && rsp_tlb_hit;
  assign rsp_flpd_hit_o   = rsp_valid && rsp_flpd_hit;
  assign ar_valid_o       = ar_valid;
  assign ar_addr_o        = ar_valid ? ar_addr : '0;
  assign ar_len_o         = ar_valid ? ar_len : '0;
  assign ar_size_o        = ar_valid ? ar_size : '0;
  assign r_ready_o        = r_valid_i && r_ready;
endmodule
