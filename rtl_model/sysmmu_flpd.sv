// SPDX-License-Identifier: Apache-2.0
//
// FLPD cache: caches level-1 link entries (docs/spec.md section 7).
//
// Tag = VA[31:20], data = the raw 32-bit level-1 entry. Fully associative,
// M entries; insert victim is the lowest-index invalid entry, else the
// round-robin pointer. Lookup is combinational; updates take effect at the
// next rising edge. The caller gates lookup and insert with MMU_CFG.FLPD_EN.
module sysmmu_flpd #(
  parameter int M     = 8,    // FLPD_ENTRIES, 1..16
  localparam int IW   = (M > 1) ? $clog2(M) : 1
) (
  input  logic          clk_i,
  input  logic          rst_ni,

  // Lookup of VA[31:20] (combinational); no hit without lk_en_i.
  input  logic          lk_en_i,
  input  logic [11:0]   lk_tag_i,
  output logic          lk_hit_o,
  output logic [31:0]   lk_data_o,

  // Insert of a level-1 link read by the walker.
  input  logic          ins_i,
  input  logic [11:0]   ins_tag_i,
  input  logic [31:0]   ins_data_i,

  // Flushes (register writes).
  input  logic          flush_all_i,
  input  logic          flush_entry_i,
  input  logic [11:0]   flush_tag_i,      // VA[31:20]
  input  logic          flush_range_i,
  input  logic [11:0]   flush_start_i,    // FLUSH_START[31:20]
  input  logic [11:0]   flush_end_i,      // FLUSH_END[31:20]
  input  logic          flush_range_ok_i, // S <= E at page granularity

  // Read-back of one entry (TLB_READ with TARGET = FLPD).
  input  logic [IW-1:0] rb_idx_i,
  output logic          rb_valid_o,
  output logic [11:0]   rb_tag_o,
  output logic [31:0]   rb_data_o
);
  logic [M-1:0]  valid_q;
  logic [11:0]   tag_q  [0:M-1];
  logic [31:0]   data_q [0:M-1];
  logic [IW-1:0] rr_q;              // flpd_rr

  // ---- lookup: at most one entry holds a tag (inserts follow a miss) ----
  // The data is selected by the index of the match (no M-way OR mux).
  logic [M-1:0]  match;
  logic [IW-1:0] match_idx;
  always_comb begin
    match = '0;
    if (lk_en_i)
      for (int i = 0; i < M; i++)
        match[i] = valid_q[i] && tag_q[i] == lk_tag_i;
  end
  for (genvar b = 0; b < IW; b++) begin : g_idx
    localparam logic [M-1:0] SEL = sysmmu_pkg::IDX_BIT_SET[64 * b +: M];
    assign match_idx[b] = |(match & SEL);
  end
  assign lk_hit_o  = |match;
  assign lk_data_o = data_q[match_idx];   // meaningful on a hit only

  // Insert victim and flush match are computed in the clocked block, in the
  // cycle that needs them only (the flush inputs are functions of the APB
  // pins: a combinational match would be re-evaluated at every evaluation).
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      valid_q <= '0;
      rr_q    <= '0;
      for (int i = 0; i < M; i++) begin
        tag_q[i]  <= '0;
        data_q[i] <= '0;
      end
    end else begin
      logic          any_invalid;
      logic [IW-1:0] first_invalid, victim;

      if (ins_i) begin
        // Victim: the lowest-index invalid entry, else the round-robin pointer.
        any_invalid   = 1'b0;
        first_invalid = '0;
        for (int i = M - 1; i >= 0; i--) begin
          if (!valid_q[i]) begin
            any_invalid   = 1'b1;
            first_invalid = IW'(i);
          end
        end
        victim = any_invalid ? first_invalid : rr_q;
        valid_q[victim] <= 1'b1;
        tag_q[victim]   <= ins_tag_i;
        data_q[victim]  <= ins_data_i;
        if (!any_invalid)
          rr_q <= (rr_q == IW'(M - 1)) ? '0 : rr_q + 1'b1;
      end
      // Register writes never coincide with an insert under the testbench
      // discipline; if they did, the flush wins.
      if (flush_all_i)
        valid_q <= '0;
      if (flush_entry_i)
        for (int i = 0; i < M; i++)
          if (tag_q[i] == flush_tag_i)
            valid_q[i] <= 1'b0;
      if (flush_range_i && flush_range_ok_i)
        for (int i = 0; i < M; i++)
          if (tag_q[i] >= flush_start_i && tag_q[i] <= flush_end_i)
            valid_q[i] <= 1'b0;
    end
  end

  assign rb_valid_o = valid_q[rb_idx_i];
  assign rb_tag_o   = tag_q[rb_idx_i];
  assign rb_data_o  = data_q[rb_idx_i];

`ifndef SYNTHESIS
  always_ff @(posedge clk_i) begin
    if (rst_ni)
      assert ($countones(match) <= 1) else $error("sysmmu_flpd: tag cached twice");
  end
`endif
endmodule
