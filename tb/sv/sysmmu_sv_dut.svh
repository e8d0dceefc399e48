// The DUT instance of the SV testbenches (tb/sv/sysmmu_sv_tb.sv and
// tb/sv/replay/sysmmu_replay_tb.sv): both declare these signal names, so
// the port map is written once.
  sysmmu #(
    .VARIANT(VARIANT), .TLB_ENTRIES(TLB_ENTRIES), .FLPD_ENTRIES(FLPD_ENTRIES), .ID_W(ID_W)
  ) dut (
    .clk_i(clk), .rst_ni(rst_n),
    .psel_i(psel), .penable_i(penable), .pwrite_i(pwrite), .paddr_i(paddr),
    .pwdata_i(pwdata), .pstrb_i(pstrb), .prdata_o(prdata), .pready_o(pready),
    .pslverr_o(pslverr),
    .req_valid_i(req_valid), .req_ready_o(req_ready), .req_va_i(req_va),
    .req_write_i(req_write), .req_ns_i(req_ns), .req_id_i(req_id), .req_len_i(req_len),
    .rsp_valid_o(rsp_valid), .rsp_ready_i(rsp_ready), .rsp_pa_o(rsp_pa),
    .rsp_fault_o(rsp_fault), .rsp_fault_kind_o(rsp_fault_kind), .rsp_id_o(rsp_id),
    .rsp_tlb_hit_o(rsp_tlb_hit), .rsp_flpd_hit_o(rsp_flpd_hit),
    .ar_valid_o(ar_valid), .ar_ready_i(ar_ready), .ar_addr_o(ar_addr), .ar_len_o(ar_len),
    .ar_size_o(ar_size), .r_valid_i(r_valid), .r_ready_o(r_ready), .r_data_i(r_data),
    .r_resp_i(r_resp), .r_last_i(r_last),
    .irq_o(irq)
  );
