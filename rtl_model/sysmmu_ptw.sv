// SPDX-License-Identifier: Apache-2.0
//
// Page-table walker (docs/spec.md sections 3 and 5).
//
// One walk at a time, at most one AXI read outstanding, every read a single
// 32-bit beat. The walk result is presented combinationally in the cycle of
// the last R handshake (done_o), so the caller can fill the TLB and answer
// in that same cycle: a miss costs the memory reads plus the lookup cycle.
//
// The FLPD lookup is made by the caller in the start cycle; on an FLPD hit
// the walk starts at the level-2 read with the cached link.
module sysmmu_ptw #(
  parameter int VARIANT = 5,
  parameter int PA_W    = 36,
  localparam int PPN_W  = PA_W - 12
) (
  input  logic             clk_i,
  input  logic             rst_ni,

  // Start of a walk (one-cycle pulse while idle).
  input  logic             start_i,
  input  logic [19:0]      va_i,          // VA[31:12]
  input  logic [PA_W-1:0]  l1_base_i,     // level-1 table base (16 KiB aligned)
  input  logic             flpd_en_i,     // MMU_CFG.FLPD_EN
  input  logic             flpd_hit_i,    // FLPD holds VA[31:20] (start cycle)
  input  logic [31:0]      flpd_data_i,   // cached level-1 link

  // The response queue can take the walk's answer (gates R acceptance).
  input  logic             rsp_space_i,

  // AXI read address / data.
  output logic             ar_valid_o,
  input  logic             ar_ready_i,
  output logic [PA_W-1:0]  ar_addr_o,
  input  logic             r_valid_i,
  output logic             r_ready_o,
  input  logic [31:0]      r_data_i,
  input  logic [1:0]       r_resp_i,

  output logic             busy_o,
  output logic             rd_issue_o,    // a page-table read was issued (AR handshake)

  // Level-1 link to insert into the FLPD cache.
  output logic             flpd_ins_o,
  output logic [11:0]      flpd_ins_tag_o,
  output logic [31:0]      flpd_ins_data_o,

  // Walk result (valid while done_o).
  output logic             done_o,
  output logic             done_fault_o,
  output logic [2:0]       done_kind_o,   // PAGE_FAULT or BUS_ERROR when done_fault_o
  output logic             done_flpd_hit_o,
  output logic [1:0]       leaf_size_o,   // 0 4 KiB, 1 64 KiB, 2 1 MiB
  output logic [PPN_W-1:0] leaf_ppn_o,    // page PA base >> 12
  output logic             leaf_r_o,
  output logic             leaf_w_o,
  output logic             leaf_ns_o
);
  typedef enum logic [1:0] { S_IDLE, S_AR, S_R } state_e;

  state_e            state_q;
  logic              level2_q;     // the outstanding read is the level-2 read
  logic [19:0]       va_q;         // VA[31:12] of the walk
  logic              link_ns_q;    // NS of the level-1 link in use (read or FLPD)
  logic [PA_W-1:0]   addr_q;       // address of the current read
  logic              flpd_used_q;  // walk started from an FLPD hit

  // ---- entry decode (variant specific) ----
  logic              l1_link, l1_section, l1_ns;
  logic [PPN_W-1:0]  sec_ppn;
  logic              sec_r, sec_w;
  logic              l2_large, l2_small;
  logic [PPN_W-1:0]  large_ppn, small_ppn;
  logic              pg_r, pg_w;
  logic [PA_W-1:0]   l1_addr;      // level-1 entry address for va_i
  logic [PA_W-1:0]   r_l2_addr;    // level-2 entry address from the link being read
  logic [PA_W-1:0]   f_l2_addr;    // level-2 entry address from the FLPD link

  if (VARIANT == 5) begin : g_v5
    assign l1_link    = r_data_i[2:0] == 3'b001;
    assign l1_section = r_data_i[2:0] == 3'b010;
    assign l1_ns      = r_data_i[3];
    assign sec_ppn    = {r_data_i[31:16], 8'h00};
    assign sec_r      = r_data_i[4];
    assign sec_w      = r_data_i[5];
    assign large_ppn  = {r_data_i[31:12], 4'h0};
    assign small_ppn  = r_data_i[31:8];
    assign pg_r       = r_data_i[2];
    assign pg_w       = r_data_i[3];
    assign l1_addr    = {l1_base_i[35:14], va_i[19:8], 2'b00};
    assign r_l2_addr  = {r_data_i[31:6], va_q[7:0], 2'b00};
    assign f_l2_addr  = {flpd_data_i[31:6], va_i[7:0], 2'b00};
    // Bits the v5 format does not define.
    logic unused_v5;
    assign unused_v5 = ^{l1_base_i[13:0], flpd_data_i[5:0]};
  end else begin : g_v3
    // (AP2, AP0): (0,1) read/write, (1,1) read only, otherwise none.
    assign l1_link    = r_data_i[1:0] == 2'b01;
    assign l1_section = r_data_i[1:0] == 2'b10;
    assign l1_ns      = l1_section ? r_data_i[19] : r_data_i[3];
    assign sec_ppn    = {r_data_i[31:20], 8'h00};
    assign sec_r      = r_data_i[10];
    assign sec_w      = r_data_i[10] && !r_data_i[15];
    assign large_ppn  = {r_data_i[31:16], 4'h0};
    assign small_ppn  = r_data_i[31:12];
    assign pg_r       = r_data_i[4];
    assign pg_w       = r_data_i[4] && !r_data_i[9];
    assign l1_addr    = {l1_base_i[31:14], va_i[19:8], 2'b00};
    assign r_l2_addr  = {r_data_i[31:10], va_q[7:0], 2'b00};
    assign f_l2_addr  = {flpd_data_i[31:10], va_i[7:0], 2'b00};
    logic unused_v3;
    assign unused_v3 = ^{l1_base_i[13:0], flpd_data_i[9:0], r_data_i[8:5]};
  end

  assign l2_large = r_data_i[1:0] == 2'b01;
  assign l2_small = r_data_i[1];
  // EXOKAY (01) reads as OKAY: only resp[1] matters.
  logic unused_resp;
  assign unused_resp = r_resp_i[0];

  // ---- handshakes ----
  logic r_fire, r_err, l1_done;
  assign ar_valid_o = state_q == S_AR;
  assign ar_addr_o  = addr_q;
  assign r_ready_o  = state_q == S_R && rsp_space_i;
  assign r_fire     = r_valid_i && r_ready_o;
  assign r_err      = r_resp_i[1];          // SLVERR / DECERR; EXOKAY counts as OKAY
  assign rd_issue_o = ar_valid_o && ar_ready_i;
  assign busy_o     = state_q != S_IDLE;

  // A level-1 read ends the walk unless it is a good link.
  assign l1_done = r_err || !l1_link;
  assign done_o  = r_fire && (level2_q || l1_done);

  assign flpd_ins_o      = r_fire && !level2_q && !r_err && l1_link && flpd_en_i;
  assign flpd_ins_tag_o  = va_q[19:8];
  assign flpd_ins_data_o = r_data_i;

  // ---- result ----
  always_comb begin
    done_fault_o = 1'b0;
    done_kind_o  = sysmmu_pkg::FK_NONE;
    leaf_size_o  = sysmmu_pkg::SZ_4K;
    leaf_ppn_o   = '0;
    leaf_r_o     = 1'b0;
    leaf_w_o     = 1'b0;
    leaf_ns_o    = 1'b0;
    if (r_err) begin
      done_fault_o = 1'b1;
      done_kind_o  = sysmmu_pkg::FK_BUS;
    end else if (!level2_q) begin
      if (l1_section) begin
        leaf_size_o = sysmmu_pkg::SZ_1M;
        leaf_ppn_o  = sec_ppn;
        leaf_r_o    = sec_r;
        leaf_w_o    = sec_w;
        leaf_ns_o   = l1_ns;
      end else begin
        done_fault_o = 1'b1;
        done_kind_o  = sysmmu_pkg::FK_PAGE;
      end
    end else if (l2_small || l2_large) begin
      leaf_size_o = l2_small ? sysmmu_pkg::SZ_4K : sysmmu_pkg::SZ_64K;
      leaf_ppn_o  = l2_small ? small_ppn : large_ppn;
      leaf_r_o    = pg_r;
      leaf_w_o    = pg_w;
      leaf_ns_o   = link_ns_q;
    end else begin
      done_fault_o = 1'b1;
      done_kind_o  = sysmmu_pkg::FK_PAGE;
    end
  end
  assign done_flpd_hit_o = flpd_used_q;

  // ---- state machine ----
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q     <= S_IDLE;
      level2_q    <= 1'b0;
      va_q        <= '0;
      link_ns_q   <= 1'b0;
      addr_q      <= '0;
      flpd_used_q <= 1'b0;
    end else begin
      case (state_q)
        S_IDLE: begin
          if (start_i) begin
            state_q     <= S_AR;
            va_q        <= va_i;
            flpd_used_q <= flpd_en_i && flpd_hit_i;
            if (flpd_en_i && flpd_hit_i) begin
              level2_q <= 1'b1;
              link_ns_q <= flpd_data_i[3];   // link NS is bit 3 in both formats
              addr_q   <= f_l2_addr;
            end else begin
              level2_q <= 1'b0;
              link_ns_q <= 1'b0;
              addr_q   <= l1_addr;
            end
          end
        end
        S_AR: begin
          if (ar_ready_i)
            state_q <= S_R;
        end
        S_R: begin
          if (r_fire) begin
            if (done_o) begin
              state_q <= S_IDLE;
            end else begin
              // Good level-1 link: the level-2 read goes out next cycle.
              state_q  <= S_AR;
              level2_q <= 1'b1;
              link_ns_q <= r_data_i[3];
              addr_q   <= r_l2_addr;
            end
          end
        end
        default: state_q <= S_IDLE;
      endcase
    end
  end

`ifndef SYNTHESIS
  always_ff @(posedge clk_i) begin
    if (rst_ni) begin
      assert (!(start_i && busy_o)) else $error("sysmmu_ptw: start while busy");
`ifndef SYSMMU_IVERILOG  // no $past on Icarus 11 (docs/simulators.md)
      // AR must hold valid and address until accepted.
      if ($past(rst_ni) && $past(ar_valid_o && !ar_ready_i))
        assert (ar_valid_o && ar_addr_o == $past(ar_addr_o))
          else $error("sysmmu_ptw: AR changed before its handshake");
`endif
    end
  end
`endif
endmodule
