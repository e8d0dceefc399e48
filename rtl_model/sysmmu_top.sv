// SPDX-License-Identifier: Apache-2.0
//
// SYSMMU top level (docs/spec.md; ports exactly as section 12).
//
// Datapath: one request register (the "current" request) and a two-entry
// response queue. A request is accepted into the current register; in the
// next cycle the TLB lookup runs combinationally on it:
//   - bypass, multi-hit or single hit: the answer is pushed into the response
//     queue at the end of that cycle (hit latency 1 cycle), and the next
//     request can be accepted at the same edge (one hit per clock);
//   - miss: the walker starts; its last R beat is decoded combinationally,
//     filled into the TLB and answered at that same edge.
// Every state change of request k lands at the edge that completes it, so
// request k+1 (looked up after that edge) sees it: the sequential semantics
// of spec section 2.1 by construction. A request that will fault is never
// completed together with the acceptance of the next one, so nothing is
// accepted after a fault until MMU_CTRL is written.
/* verilator lint_off DECLFILENAME */
// The file is sysmmu_top.sv (project layout), the module is `sysmmu` (spec 12).
module sysmmu #(
/* verilator lint_on DECLFILENAME */
  parameter int VARIANT      = 5,
  parameter int TLB_ENTRIES  = 32,
  parameter int FLPD_ENTRIES = 8,
  parameter int ID_W         = 16,
  localparam int PA_W        = (VARIANT == 5) ? 36 : 32
) (
  input  logic            clk_i,
  input  logic            rst_ni,

  // APB4 register port
  input  logic            psel_i,
  input  logic            penable_i,
  input  logic            pwrite_i,
  input  logic [11:0]     paddr_i,
  input  logic [31:0]     pwdata_i,
  input  logic [3:0]      pstrb_i,
  output logic [31:0]     prdata_o,
  output logic            pready_o,
  output logic            pslverr_o,

  // Translation requests
  input  logic            req_valid_i,
  output logic            req_ready_o,
  input  logic [31:0]     req_va_i,
  input  logic            req_write_i,
  input  logic            req_ns_i,
  input  logic [ID_W-1:0] req_id_i,
  input  logic [3:0]      req_len_i,

  // Translation responses
  output logic            rsp_valid_o,
  input  logic            rsp_ready_i,
  output logic [PA_W-1:0] rsp_pa_o,
  output logic            rsp_fault_o,
  output logic [2:0]      rsp_fault_kind_o,
  output logic [ID_W-1:0] rsp_id_o,
  output logic            rsp_tlb_hit_o,
  output logic            rsp_flpd_hit_o,

  // Page-table walk AXI read channel
  output logic            ar_valid_o,
  input  logic            ar_ready_i,
  output logic [PA_W-1:0] ar_addr_o,
  output logic [7:0]      ar_len_o,
  output logic [2:0]      ar_size_o,
  input  logic            r_valid_i,
  output logic            r_ready_o,
  input  logic [31:0]     r_data_i,
  input  logic [1:0]      r_resp_i,
  input  logic            r_last_i,

  output logic            irq_o
);
  // Parameter ranges of spec section 1. Elaboration-time errors where the
  // tool has them; Icarus 11 (SYSMMU_IVERILOG, docs/simulators.md) cannot
  // parse $error in a generate block, so there the check runs at time 0.
`ifndef SYSMMU_IVERILOG
  if (!(VARIANT == 3 || VARIANT == 5)) begin : g_bad_variant
    $error("sysmmu: VARIANT must be 3 or 5, got %0d", VARIANT);
  end
  if (TLB_ENTRIES < 4 || TLB_ENTRIES > 64) begin : g_bad_tlb
    $error("sysmmu: TLB_ENTRIES must be 4..64, got %0d", TLB_ENTRIES);
  end
  if (FLPD_ENTRIES < 1 || FLPD_ENTRIES > 16) begin : g_bad_flpd
    $error("sysmmu: FLPD_ENTRIES must be 1..16, got %0d", FLPD_ENTRIES);
  end
  if (ID_W < 1 || ID_W > 16) begin : g_bad_id_w
    $error("sysmmu: ID_W must be 1..16, got %0d", ID_W);
  end
`else
  initial begin
    if (!(VARIANT == 3 || VARIANT == 5))
      $fatal(1, "sysmmu: VARIANT must be 3 or 5, got %0d", VARIANT);
    if (TLB_ENTRIES < 4 || TLB_ENTRIES > 64)
      $fatal(1, "sysmmu: TLB_ENTRIES must be 4..64, got %0d", TLB_ENTRIES);
    if (FLPD_ENTRIES < 1 || FLPD_ENTRIES > 16)
      $fatal(1, "sysmmu: FLPD_ENTRIES must be 1..16, got %0d", FLPD_ENTRIES);
    if (ID_W < 1 || ID_W > 16)
      $fatal(1, "sysmmu: ID_W must be 1..16, got %0d", ID_W);
  end
`endif

  localparam int PPN_W   = PA_W - 12;
  localparam int TLB_IW  = $clog2(TLB_ENTRIES);
  localparam int FLPD_IW = (FLPD_ENTRIES > 1) ? $clog2(FLPD_ENTRIES) : 1;

  // r_last_i is ignored: every walk read is a single beat (spec 12).
  logic unused_r_last;
  assign unused_r_last = r_last_i;

  assign ar_len_o  = 8'd0;
  assign ar_size_o = 3'd2;

  // ---------------------------------------------------------------------
  // Register file
  // ---------------------------------------------------------------------
  logic              ctrl_en, cfg_lru, cfg_eap, cfg_flpd_en, cfg_sec_chk, blocked;
  logic [PA_W-1:0]   l1_base;
  logic              inflight;
  logic              flush_all, flush_entry, flush_range;
  logic [19:0]       flush_vpn, flush_start, flush_end;
  logic              ev_tlb_hit, ev_tlb_miss, ev_ptw_read, ev_flpd_hit;
  logic [TLB_IW-1:0] tlb_rb_idx;
  logic              tlb_rb_valid, tlb_rb_r, tlb_rb_w, tlb_rb_ns;
  logic [1:0]        tlb_rb_size;
  logic [19:0]       tlb_rb_vpn;
  logic [PPN_W-1:0]  tlb_rb_ppn;
  logic [TLB_IW-1:0] tlb_rb_rank;
  logic [FLPD_IW-1:0] flpd_rb_idx;
  logic              flpd_rb_valid;
  logic [11:0]       flpd_rb_tag;
  logic [31:0]       flpd_rb_data;

  // Completion of the current request (see below).
  logic              done;          // an answer is pushed this cycle
  logic              done_fault;
  logic [2:0]        done_kind;

  // ---------------------------------------------------------------------
  // Current request
  // ---------------------------------------------------------------------
  logic              cur_valid_q;   // a request is accepted and not answered
  logic              cur_walk_q;    // ... and its walk is running
  logic [31:0]       cur_va_q;
  logic              cur_write_q, cur_ns_q;
  logic [ID_W-1:0]   cur_id_q;
  logic [3:0]        cur_len_q;

  sysmmu_regs #(
    .VARIANT      (VARIANT),
    .TLB_ENTRIES  (TLB_ENTRIES),
    .FLPD_ENTRIES (FLPD_ENTRIES),
    .PA_W         (PA_W)
  ) u_regs (
    .clk_i, .rst_ni,
    .psel_i, .penable_i, .pwrite_i, .paddr_i, .pwdata_i, .pstrb_i,
    .prdata_o, .pready_o, .pslverr_o,
    .ctrl_en_o       (ctrl_en),
    .cfg_lru_o       (cfg_lru),
    .cfg_eap_o       (cfg_eap),
    .cfg_flpd_en_o   (cfg_flpd_en),
    .cfg_sec_chk_o   (cfg_sec_chk),
    .blocked_o       (blocked),
    .l1_base_o       (l1_base),
    .inflight_i      (inflight),
    .flush_all_o     (flush_all),
    .flush_entry_o   (flush_entry),
    .flush_vpn_o     (flush_vpn),
    .flush_range_o   (flush_range),
    .flush_start_o   (flush_start),
    .flush_end_o     (flush_end),
    .fault_i         (done && done_fault),
    .fault_kind_i    (done_kind),
    .fault_write_i   (cur_write_q),
    .fault_va_i      (cur_va_q),
    .fault_id_i      (16'(cur_id_q)),
    .fault_len_i     (cur_len_q),
    .ev_tlb_hit_i    (ev_tlb_hit),
    .ev_tlb_miss_i   (ev_tlb_miss),
    .ev_ptw_read_i   (ev_ptw_read),
    .ev_flpd_hit_i   (ev_flpd_hit),
    .tlb_rb_idx_o    (tlb_rb_idx),
    .tlb_rb_valid_i  (tlb_rb_valid),
    .tlb_rb_size_i   (tlb_rb_size),
    .tlb_rb_vpn_i    (tlb_rb_vpn),
    .tlb_rb_ppn_i    (tlb_rb_ppn),
    .tlb_rb_r_i      (tlb_rb_r),
    .tlb_rb_w_i      (tlb_rb_w),
    .tlb_rb_ns_i     (tlb_rb_ns),
    .tlb_rb_rank_i   (tlb_rb_rank),
    .flpd_rb_idx_o   (flpd_rb_idx),
    .flpd_rb_valid_i (flpd_rb_valid),
    .flpd_rb_tag_i   (flpd_rb_tag),
    .flpd_rb_data_i  (flpd_rb_data),
    .irq_o
  );

  // ---------------------------------------------------------------------
  // TLB
  // ---------------------------------------------------------------------
  logic [TLB_ENTRIES-1:0] tlb_match;
  logic              tlb_hit, tlb_multi, tlb_r, tlb_w, tlb_ns;
  logic [TLB_IW-1:0] tlb_idx;
  logic [1:0]        tlb_size;
  logic [PPN_W-1:0]  tlb_ppn;

  // Walker result
  logic              ptw_done, ptw_fault, ptw_flpd_hit, ptw_busy;
  logic [2:0]        ptw_kind;
  logic [1:0]        leaf_size;
  logic [PPN_W-1:0]  leaf_ppn;
  logic              leaf_r, leaf_w, leaf_ns;

  logic              tlb_fill;

  // The current request waits for its TLB/FLPD lookup (not for a walk).
  logic              lookup;
  assign lookup = cur_valid_q && !cur_walk_q;

  sysmmu_tlb #(
    .N     (TLB_ENTRIES),
    .PPN_W (PPN_W)
  ) u_tlb (
    .clk_i, .rst_ni,
    .lk_en_i       (lookup),
    .lk_vpn_i      (cur_va_q[31:12]),
    .lk_match_o    (tlb_match),
    .lk_hit_o      (tlb_hit),
    .lk_multi_o    (tlb_multi),
    .lk_idx_o      (tlb_idx),
    .lk_size_o     (tlb_size),
    .lk_ppn_o      (tlb_ppn),
    .lk_r_o        (tlb_r),
    .lk_w_o        (tlb_w),
    .lk_ns_o       (tlb_ns),
    .touch_i       (ev_tlb_hit),
    .touch_idx_i   (tlb_idx),
    .fill_i        (tlb_fill),
    .lru_mode_i    (cfg_lru),
    .fill_size_i   (leaf_size),
    .fill_vpn_i    (cur_va_q[31:12]),
    .fill_ppn_i    (leaf_ppn),
    .fill_r_i      (leaf_r),
    .fill_w_i      (leaf_w),
    .fill_ns_i     (leaf_ns),
    .flush_all_i   (flush_all),
    .flush_entry_i (flush_entry),
    .flush_vpn_i   (flush_vpn),
    .flush_range_i (flush_range),
    .flush_start_i (flush_start),
    .flush_end_i   (flush_end),
    .rb_idx_i      (tlb_rb_idx),
    .rb_valid_o    (tlb_rb_valid),
    .rb_size_o     (tlb_rb_size),
    .rb_vpn_o      (tlb_rb_vpn),
    .rb_ppn_o      (tlb_rb_ppn),
    .rb_r_o        (tlb_rb_r),
    .rb_w_o        (tlb_rb_w),
    .rb_ns_o       (tlb_rb_ns),
    .rb_rank_o     (tlb_rb_rank)
  );

  // ---------------------------------------------------------------------
  // FLPD cache
  // ---------------------------------------------------------------------
  logic        flpd_hit;
  logic [31:0] flpd_data;
  logic        flpd_ins;
  logic [11:0] flpd_ins_tag;
  logic [31:0] flpd_ins_data;

  sysmmu_flpd #(
    .M (FLPD_ENTRIES)
  ) u_flpd (
    .clk_i, .rst_ni,
    .lk_en_i          (lookup),
    .lk_tag_i         (cur_va_q[31:20]),
    .lk_hit_o         (flpd_hit),
    .lk_data_o        (flpd_data),
    .ins_i            (flpd_ins),
    .ins_tag_i        (flpd_ins_tag),
    .ins_data_i       (flpd_ins_data),
    .flush_all_i      (flush_all),
    .flush_entry_i    (flush_entry),
    .flush_tag_i      (flush_vpn[19:8]),
    .flush_range_i    (flush_range),
    .flush_start_i    (flush_start[19:8]),
    .flush_end_i      (flush_end[19:8]),
    .flush_range_ok_i (flush_start <= flush_end),
    .rb_idx_i         (flpd_rb_idx),
    .rb_valid_o       (flpd_rb_valid),
    .rb_tag_o         (flpd_rb_tag),
    .rb_data_o        (flpd_rb_data)
  );

  // ---------------------------------------------------------------------
  // Lookup stage
  // ---------------------------------------------------------------------
  logic rq_space;
  logic bypass, lk_done, walk_start;

  assign bypass     = !ctrl_en;
  // Bypass, multi-hit and single hit answer now (if the queue has room).
  assign lk_done    = lookup && rq_space && (bypass || tlb_multi || tlb_hit);
  // A miss starts the walker; its answer needs room only at the last beat.
  assign walk_start = lookup && !bypass && !tlb_multi && !tlb_hit;

  assign ev_tlb_hit  = lk_done && !bypass && tlb_hit;
  assign ev_tlb_miss = walk_start;
  assign ev_flpd_hit = walk_start && cfg_flpd_en && flpd_hit;
  assign tlb_fill    = ptw_done && !ptw_fault;

  sysmmu_ptw #(
    .VARIANT (VARIANT),
    .PA_W    (PA_W)
  ) u_ptw (
    .clk_i, .rst_ni,
    .start_i         (walk_start),
    .va_i            (cur_va_q[31:12]),
    .l1_base_i       (l1_base),
    .flpd_en_i       (cfg_flpd_en),
    .flpd_hit_i      (flpd_hit),
    .flpd_data_i     (flpd_data),
    .rsp_space_i     (rq_space),
    .ar_valid_o, .ar_ready_i, .ar_addr_o,
    .r_valid_i, .r_ready_o, .r_data_i, .r_resp_i,
    .busy_o          (ptw_busy),
    .rd_issue_o      (ev_ptw_read),
    .flpd_ins_o      (flpd_ins),
    .flpd_ins_tag_o  (flpd_ins_tag),
    .flpd_ins_data_o (flpd_ins_data),
    .done_o          (ptw_done),
    .done_fault_o    (ptw_fault),
    .done_kind_o     (ptw_kind),
    .done_flpd_hit_o (ptw_flpd_hit),
    .leaf_size_o     (leaf_size),
    .leaf_ppn_o      (leaf_ppn),
    .leaf_r_o        (leaf_r),
    .leaf_w_o        (leaf_w),
    .leaf_ns_o       (leaf_ns)
  );

  // ---------------------------------------------------------------------
  // Checks and answer (spec section 4 step 3)
  // ---------------------------------------------------------------------
  // Translation used by the checks: the hit entry or the walked leaf.
  logic [1:0]       use_size;
  logic [PPN_W-1:0] use_ppn;
  logic             use_r, use_w, use_ns;
  logic [PPN_W-1:0] pa_ppn;
  logic [PA_W-1:0]  done_pa;
  logic             done_tlb_hit, done_flpd_hit;

  assign use_size = cur_walk_q ? leaf_size : tlb_size;
  assign use_ppn  = cur_walk_q ? leaf_ppn  : tlb_ppn;
  assign use_r    = cur_walk_q ? leaf_r    : tlb_r;
  assign use_w    = cur_walk_q ? leaf_w    : tlb_w;
  assign use_ns   = cur_walk_q ? leaf_ns   : tlb_ns;

  // PA = page base | (VA & (page size - 1)); the base's low bits are zero.
  always_comb begin
    pa_ppn = use_ppn;
    if (use_size == sysmmu_pkg::SZ_1M)
      pa_ppn = use_ppn | PPN_W'(cur_va_q[19:12]);
    else if (use_size == sysmmu_pkg::SZ_64K)
      pa_ppn = use_ppn | PPN_W'(cur_va_q[15:12]);
  end

  assign done = lk_done || ptw_done;

  always_comb begin
    done_fault    = 1'b0;
    done_kind     = sysmmu_pkg::FK_NONE;
    done_pa       = '0;
    done_tlb_hit  = 1'b0;
    done_flpd_hit = 1'b0;
    if (lk_done && bypass) begin
      done_pa = PA_W'(cur_va_q);
    end else if (lk_done && tlb_multi) begin
      done_fault = 1'b1;
      done_kind  = sysmmu_pkg::FK_MULTI;
    end else if (ptw_done && ptw_fault) begin
      done_fault    = 1'b1;
      done_kind     = ptw_kind;
      done_flpd_hit = ptw_flpd_hit;
    end else begin
      // Single hit or walked leaf.
      done_tlb_hit  = !cur_walk_q;
      done_flpd_hit = cur_walk_q && ptw_flpd_hit;
      if (cfg_sec_chk && cur_ns_q && !use_ns) begin
        done_fault = 1'b1;
        done_kind  = sysmmu_pkg::FK_SEC_PROT;
      end else if (cfg_eap && !(cur_write_q ? use_w : use_r)) begin
        done_fault = 1'b1;
        done_kind  = sysmmu_pkg::FK_ACC_PROT;
      end else begin
        done_pa = {pa_ppn, cur_va_q[11:0]};
      end
    end
  end

  // ---------------------------------------------------------------------
  // Response queue
  // ---------------------------------------------------------------------
  localparam int RSP_W = PA_W + 1 + 3 + ID_W + 2;

  logic [1:0] rq_count;

  sysmmu_rspq #(
    .W (RSP_W)
  ) u_rspq (
    .clk_i, .rst_ni,
    .push_i      (done),
    .push_data_i ({done_pa, done_fault, done_kind, cur_id_q, done_tlb_hit, done_flpd_hit}),
    .space_o     (rq_space),
    .valid_o     (rsp_valid_o),
    .ready_i     (rsp_ready_i),
    .data_o      ({rsp_pa_o, rsp_fault_o, rsp_fault_kind_o, rsp_id_o, rsp_tlb_hit_o, rsp_flpd_hit_o}),
    .count_o     (rq_count)
  );

  assign inflight = cur_valid_q || rq_count != 2'd0;

  // ---------------------------------------------------------------------
  // Acceptance: the current register is free now, or is being answered
  // without a fault this cycle (a fault blocks what follows it).
  // ---------------------------------------------------------------------
  assign req_ready_o = !blocked && (!cur_valid_q || (lk_done && !done_fault));

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      cur_valid_q <= 1'b0;
      cur_walk_q  <= 1'b0;
      cur_va_q    <= '0;
      cur_write_q <= 1'b0;
      cur_ns_q    <= 1'b0;
      cur_id_q    <= '0;
      cur_len_q   <= '0;
    end else begin
      if (done)
        cur_valid_q <= 1'b0;
      if (walk_start)
        cur_walk_q <= 1'b1;
      if (ptw_done)
        cur_walk_q <= 1'b0;
      if (req_valid_i && req_ready_o) begin
        cur_valid_q <= 1'b1;
        cur_va_q    <= req_va_i;
        cur_write_q <= req_write_i;
        cur_ns_q    <= req_ns_i;
        cur_id_q    <= req_id_i;
        cur_len_q   <= req_len_i;
      end
    end
  end

`ifndef SYNTHESIS
  // ---------------------------------------------------------------------
  // Assertions (Verilator --assert). Each names what it protects.
  // ---------------------------------------------------------------------
  logic [31:0] outstanding_q;   // accepted requests without a response
  logic        past_valid_q;    // one cycle out of reset has passed

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      outstanding_q <= '0;
      past_valid_q  <= 1'b0;
    end else begin
      past_valid_q  <= 1'b1;
      outstanding_q <= outstanding_q + 32'(req_valid_i && req_ready_o)
                                     - 32'(rsp_valid_o && rsp_ready_i);
    end
  end

  always_ff @(posedge clk_i) begin
    if (rst_ni) begin
      // No response without a request.
      if (rsp_valid_o)
        assert (outstanding_q != 0) else $error("sysmmu: response without a request");
      // No walk read while bypassed.
      if (ar_valid_o)
        assert (ctrl_en) else $error("sysmmu: walk read while bypassed (CTRL.EN=0)");
      assert (!(cur_walk_q && !ptw_busy && !ptw_done) || walk_start)
        else $error("sysmmu: current request waits for a walker that is idle");
      // At most one TLB hit unless the answer is MULTI_HIT.
      if (lk_done && !bypass) begin
        if (done_kind == sysmmu_pkg::FK_MULTI)
          assert ($countones(tlb_match) >= 2) else $error("sysmmu: MULTI_HIT with < 2 hits");
        else
          assert ($countones(tlb_match) == 1) else $error("sysmmu: answer from %0d TLB hits",
                                                          $countones(tlb_match));
      end
      // Nothing is accepted in the cycle a fault is answered.
      if (done && done_fault)
        assert (!(req_valid_i && req_ready_o)) else $error("sysmmu: accepted after a fault");
      // Icarus 11 has no $past/$stable (SYSMMU_IVERILOG): the protocol
      // checks below run on Verilator and the commercial simulators only.
`ifndef SYSMMU_IVERILOG
      if (past_valid_q) begin
        // Response: valid and payload held until the handshake.
        if ($past(rsp_valid_o && !rsp_ready_i))
          assert (rsp_valid_o && $stable(rsp_pa_o) && $stable(rsp_fault_o)
                  && $stable(rsp_fault_kind_o) && $stable(rsp_id_o)
                  && $stable(rsp_tlb_hit_o) && $stable(rsp_flpd_hit_o))
            else $error("sysmmu: response changed before its handshake");
        // AR: valid and address held until the handshake.
        if ($past(ar_valid_o && !ar_ready_i))
          assert (ar_valid_o && $stable(ar_addr_o))
            else $error("sysmmu: AR changed before its handshake");
        // Request side (testbench obligation): held until accepted.
        if ($past(req_valid_i && !req_ready_o))
          assert (req_valid_i && $stable(req_va_i) && $stable(req_write_i)
                  && $stable(req_ns_i) && $stable(req_id_i) && $stable(req_len_i))
            else $error("sysmmu: request changed before it was accepted (testbench)");
        // R side (memory obligation): valid held until taken.
        if ($past(r_valid_i && !r_ready_o))
          assert (r_valid_i) else $error("sysmmu: R valid dropped before its handshake (memory)");
      end
`endif
    end
  end
`endif
endmodule
