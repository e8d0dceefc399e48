// SPDX-License-Identifier: Apache-2.0
//
// Fully associative TLB (docs/spec.md section 6).
//
// One entry per translation, sized as the mapping (4 KiB / 64 KiB / 1 MiB).
// The lookup is combinational on lk_vpn_i; every update (touch, fill,
// flush) takes effect at the next rising edge, so the request after the one
// that caused it already sees it (sequential semantics, spec section 2.1).
//
// LRU ranks are a permutation of 0..N-1 over all entries; they are kept in
// both replacement modes. The victim of a fill is the lowest-index invalid
// entry, else the rank N-1 entry (LRU mode) or the round-robin pointer.
module sysmmu_tlb #(
  parameter int N     = 32,   // TLB_ENTRIES, 4..64
  parameter int PPN_W = 24,   // PA_W - 12
  localparam int IW   = $clog2(N)
) (
  input  logic             clk_i,
  input  logic             rst_ni,

  // Lookup of VA[31:12] (combinational). Without lk_en_i (no request
  // waits for a lookup) the match is zero: nothing is evaluated then.
  input  logic             lk_en_i,
  input  logic [19:0]      lk_vpn_i,
  output logic [N-1:0]     lk_match_o,    // one bit per matching entry
  output logic             lk_hit_o,      // exactly one match
  output logic             lk_multi_o,    // more than one match
  output logic [IW-1:0]    lk_idx_o,      // index of the single match
  output logic [1:0]       lk_size_o,
  output logic [PPN_W-1:0] lk_ppn_o,
  output logic             lk_r_o,
  output logic             lk_w_o,
  output logic             lk_ns_o,

  // Touch after a single hit: LRU rank update of entry touch_idx_i.
  input  logic             touch_i,
  input  logic [IW-1:0]    touch_idx_i,

  // Fill of a walked leaf; the filled entry is touched too.
  input  logic             fill_i,
  input  logic             lru_mode_i,    // MMU_CFG.LRU
  input  logic [1:0]       fill_size_i,
  input  logic [19:0]      fill_vpn_i,    // VA[31:12] of the request
  input  logic [PPN_W-1:0] fill_ppn_i,    // page PA base >> 12
  input  logic             fill_r_i,
  input  logic             fill_w_i,
  input  logic             fill_ns_i,

  // Flushes (register writes).
  input  logic             flush_all_i,
  input  logic             flush_entry_i,
  input  logic [19:0]      flush_vpn_i,   // VA[31:12]
  input  logic             flush_range_i,
  input  logic [19:0]      flush_start_i, // FLUSH_START[31:12]
  input  logic [19:0]      flush_end_i,   // FLUSH_END[31:12]

  // Read-back of one entry (TLB_READ).
  input  logic [IW-1:0]    rb_idx_i,
  output logic             rb_valid_o,
  output logic [1:0]       rb_size_o,
  output logic [19:0]      rb_vpn_o,
  output logic [PPN_W-1:0] rb_ppn_o,
  output logic             rb_r_o,
  output logic             rb_w_o,
  output logic             rb_ns_o,
  output logic [IW-1:0]    rb_rank_o
);
  // ---- entry state ----
  logic [N-1:0]             valid_q;
  logic [1:0]               size_q [0:N-1];
  logic [19:0]              vpn_q  [0:N-1];  // va_base >> 12
  logic [PPN_W-1:0]         ppn_q  [0:N-1];  // pa_base >> 12
  logic [N-1:0]             r_q;
  logic [N-1:0]             w_q;
  logic [N-1:0]             ns_q;
  logic [IW-1:0]            rank_q [0:N-1];  // 0 = most recently used
  logic [IW-1:0]            rr_q;      // round-robin pointer (tlb_rr)

  // VPN bits that a page of the given size compares (mask(size) >> 12):
  // bits [19:8] always, the low byte from a constant table indexed by the
  // size code (4K FF, 64K F0, 1M and code 3 00), which simulates as one
  // shift instead of a chain of compares. Yosys 0.23 has no parameter
  // arrays and no `return`: a packed constant and the function name.
  localparam logic [31:0] VPN_MASK_LO = {8'h00, 8'h00, 8'hF0, 8'hFF};
  function automatic logic [19:0] vpn_mask(input logic [1:0] size);
    vpn_mask = {12'hFFF, VPN_MASK_LO[8 * size +: 8]};
  endfunction

  // ---- lookup ----
  // Written for simulation speed: evaluated only while a request waits for
  // it, the index from IW reductions of the match vector, and the fields
  // selected by that index (no N-way OR mux).
  always_comb begin
    lk_match_o = '0;
    if (lk_en_i)
      for (int i = 0; i < N; i++)
        lk_match_o[i] = valid_q[i] && ((lk_vpn_i & vpn_mask(size_q[i])) == vpn_q[i]);
  end

  // m & (m - 1) is non-zero exactly when two or more bits of m are set.
  assign lk_multi_o = |(lk_match_o & (lk_match_o - 1'b1));
  assign lk_hit_o   = |lk_match_o && !lk_multi_o;

  // lk_idx_o bit b: the OR of the match bits of the entries whose index has
  // bit b set (exact when there is a single match).
  for (genvar b = 0; b < IW; b++) begin : g_idx
    localparam logic [N-1:0] SEL = sysmmu_pkg::IDX_BIT_SET[64 * b +: N];
    assign lk_idx_o[b] = |(lk_match_o & SEL);
  end

  // Index-selected, read on a single hit only; otherwise don't-cares (the
  // caller uses none of them then, and the index of a multi-hit may point
  // past N-1). Reading them without a hit made Icarus 11 loop at zero time.
  always_comb begin
    lk_size_o = 'x;
    lk_ppn_o  = 'x;
    lk_r_o    = 1'bx;
    lk_w_o    = 1'bx;
    lk_ns_o   = 1'bx;
    if (lk_hit_o) begin
      lk_size_o = size_q[lk_idx_o];
      lk_ppn_o  = ppn_q[lk_idx_o];
      lk_r_o    = r_q[lk_idx_o];
      lk_w_o    = w_q[lk_idx_o];
      lk_ns_o   = ns_q[lk_idx_o];
    end
  end

  // ---- update ----
  // Victim (spec 6.3), rank update and flush match are computed in the
  // clocked block, only in the cycle that needs them: the flush inputs are
  // functions of the APB pins, and a combinational match on them would be
  // re-evaluated on every evaluation of the model.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      valid_q <= '0;
      r_q     <= '0;
      w_q     <= '0;
      ns_q    <= '0;
      rr_q    <= '0;
      for (int i = 0; i < N; i++) begin
        size_q[i] <= '0;
        vpn_q[i]  <= '0;
        ppn_q[i]  <= '0;
        rank_q[i] <= IW'(i);
      end
    end else begin
      logic [IW-1:0] touch_idx, touch_rank, victim, lru_idx, first_invalid;
      logic          any_invalid;

      // Victim of a fill: the lowest-index invalid entry, else the rank
      // N-1 entry (LRU mode) or the round-robin pointer.
      victim = '0;
      if (fill_i) begin
        any_invalid   = 1'b0;
        first_invalid = '0;
        for (int i = N - 1; i >= 0; i--) begin
          if (!valid_q[i]) begin
            any_invalid   = 1'b1;
            first_invalid = IW'(i);
          end
        end
        lru_idx = '0;
        for (int i = 0; i < N; i++)
          if (rank_q[i] == IW'(N - 1))
            lru_idx = IW'(i);
        victim = any_invalid ? first_invalid : (lru_mode_i ? lru_idx : rr_q);

        valid_q[victim] <= 1'b1;
        size_q[victim]  <= fill_size_i;
        vpn_q[victim]   <= fill_vpn_i & vpn_mask(fill_size_i);
        ppn_q[victim]   <= fill_ppn_i;
        r_q[victim]     <= fill_r_i;
        w_q[victim]     <= fill_w_i;
        ns_q[victim]    <= fill_ns_i;
        if (!any_invalid && !lru_mode_i)
          rr_q <= (rr_q == IW'(N - 1)) ? '0 : rr_q + 1'b1;
      end

      // Touch (a single hit, or the filled entry): the entry becomes rank
      // 0, the ones more recent than it age by one. Touching the rank-0
      // entry changes nothing (the common case of a hit stream).
      touch_idx  = fill_i ? victim : touch_idx_i;
      touch_rank = rank_q[touch_idx];
      if ((touch_i || fill_i) && touch_rank != '0) begin
        for (int i = 0; i < N; i++)
          if (rank_q[i] < touch_rank)
            rank_q[i] <= rank_q[i] + 1'b1;
        rank_q[touch_idx] <= '0;
      end

      // Flushes come from register writes, which never coincide with a
      // fill under the testbench discipline; if they did, the flush wins.
      if (flush_all_i)
        valid_q <= '0;
      if (flush_entry_i)
        for (int i = 0; i < N; i++)
          if ((flush_vpn_i & vpn_mask(size_q[i])) == vpn_q[i])
            valid_q[i] <= 1'b0;
      if (flush_range_i && flush_start_i <= flush_end_i)
        for (int i = 0; i < N; i++)  // range flush: v5 only (v3 ties flush_range_i to 0)
          if (vpn_q[i] <= flush_end_i && (vpn_q[i] | ~vpn_mask(size_q[i])) >= flush_start_i)
            valid_q[i] <= 1'b0;
    end
  end

  // ---- read-back ----
  assign rb_valid_o = valid_q[rb_idx_i];
  assign rb_size_o  = size_q[rb_idx_i];
  assign rb_vpn_o   = vpn_q[rb_idx_i];
  assign rb_ppn_o   = ppn_q[rb_idx_i];
  assign rb_r_o     = r_q[rb_idx_i];
  assign rb_w_o     = w_q[rb_idx_i];
  assign rb_ns_o    = ns_q[rb_idx_i];
  assign rb_rank_o  = rank_q[rb_idx_i];

`ifndef SYNTHESIS
  // The ranks stay a permutation: every rank value is held by one entry.
  // Checked in the cycle after reset and after every change of the ranks.
  logic ranks_changed_q;
  always_ff @(posedge clk_i)
    ranks_changed_q <= !rst_ni || fill_i || (touch_i && rank_q[touch_idx_i] != '0);
  always_ff @(posedge clk_i) begin
    if (rst_ni && ranks_changed_q) begin
      logic [N-1:0] seen;
      seen = '0;
      for (int i = 0; i < N; i++)
        seen[rank_q[i]] = 1'b1;
      assert (&seen) else $error("sysmmu_tlb: LRU ranks are not a permutation");
    end
  end
`endif
endmodule
