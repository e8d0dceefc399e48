// SPDX-License-Identifier: Apache-2.0
//
// Replay testbench for simulators without DPI-C (Icarus Verilog 11;
// docs/simulators.md "Replay"). It reads what the reference model wrote
// (sysmmu-ref --emit-replay, format in tb/replay.h) with $readmemh, drives
// the RTL with that stimulus and compares everything that does not depend
// on timing: each response in order (PA, fault and kind, id, TLB/FLPD hit),
// the page-table read addresses in order, PSLVERR and read data of every
// register access, and the irq pin after each one. The first mismatch
// prints its vector op and field and ends the run ($fatal, exit 1).
//
// Plusargs: +replay=FILE.hex [+timing_seed=N] (0: always ready, fixed
// latency) [+watchdog=N] (cycles without progress) [+trace].
`timescale 1ns/1ps
module sysmmu_replay_tb;
  parameter integer VARIANT      = 5;
  parameter integer TLB_ENTRIES  = 32;
  parameter integer FLPD_ENTRIES = 8;
  parameter integer MAX_REC      = 65536;
  localparam integer ID_W = 16;
  localparam integer PA_W = (VARIANT == 5) ? 36 : 32;
  localparam [7:0] K_ISSUE = 1, K_XLATE = 2, K_WALK = 3, K_REG = 4, K_IDLE = 5, K_END = 15;

  reg              clk = 1'b0, rst_n = 1'b0;
  reg              psel = 1'b0, penable = 1'b0, pwrite = 1'b0;
  reg  [11:0]      paddr = 12'd0;
  reg  [31:0]      pwdata = 32'd0;
  reg  [3:0]       pstrb = 4'd0;
  wire [31:0]      prdata;
  wire             pready, pslverr;
  reg              req_valid = 1'b0, req_write = 1'b0, req_ns = 1'b0;
  wire             req_ready;
  reg  [31:0]      req_va = 32'd0;
  reg  [ID_W-1:0]  req_id = {ID_W{1'b0}};
  reg  [3:0]       req_len = 4'd0;
  wire             rsp_valid, rsp_fault, rsp_tlb_hit, rsp_flpd_hit;
  reg              rsp_ready = 1'b0;
  wire [PA_W-1:0]  rsp_pa;
  wire [2:0]       rsp_fault_kind;
  wire [ID_W-1:0]  rsp_id;
  wire             ar_valid, r_ready;
  reg              ar_ready = 1'b0, r_valid = 1'b0, r_last = 1'b0;
  wire [PA_W-1:0]  ar_addr;
  wire [7:0]       ar_len;
  wire [2:0]       ar_size;
  reg  [31:0]      r_data = 32'd0;
  reg  [1:0]       r_resp = 2'd0;
  wire             irq;

  `include "sysmmu_sv_dut.svh"

  always #5 clk = ~clk;

  // ---- the replay file and its three ordered lists ----
  reg [63:0] rp [0:4*MAX_REC-1];
  integer    req_rec [0:MAX_REC-1];
  integer    rsp_rec [0:MAX_REC-1];
  integer    walk_rec [0:MAX_REC-1];
  integer    rsp_walk_end [0:MAX_REC-1];   // walks done once response k is back
  integer    n_rec, n_req, n_rsp, n_walk;
  reg [1023:0] file;

  // progress of the DUT
  integer n_issued = 0, n_acc = 0;         // released by the stimulus so far
  integer req_ptr = 0, rsp_ptr = 0, ar_ptr = 0;
  integer n_reg = 0;
  integer cycles = 0, idle_cycles = 0, watchdog = 20000;
  integer seed = 1;
  reg     random_timing = 1'b1;
  reg     waiting = 1'b0;
  integer cur_op = 0;
  reg     trace = 1'b0;                // +trace: print each record as it is replayed

  function [7:0] kind_of(input integer i);
    kind_of = rp[4*i][63:56];
  endfunction

  function integer op_of(input integer i);
    op_of = rp[4*i][55:32];
  endfunction

  task mismatch(input integer op, input [8*24-1:0] field, input [63:0] expected,
                input [63:0] actual);
    begin
      $display("MISMATCH op %0d: %0s expected 0x%0h actual 0x%0h (cycle %0d)", op, field,
               expected, actual, cycles);
      $display("sysmmu-replay: FAIL %0s at op %0d", file, op);
      $fatal(1, "replay mismatch");
    end
  endtask

  // Random timing, independent of the results by design (+timing_seed).
  function chance;
    input dummy;
    begin
      chance = !random_timing || (($random(seed) & 3) != 0);
    end
  endfunction

  // ---- request driver ----
  always @(posedge clk) begin
    if (rst_n) begin
      if (req_valid && req_ready)
        req_ptr = req_ptr + 1;
      if (req_ptr < n_issued && (req_valid && !req_ready || chance(0))) begin
        req_valid <= 1'b1;
        req_va    <= rp[4*req_rec[req_ptr]][31:0];
        req_id    <= rp[4*req_rec[req_ptr]+1][23:8];
        req_len   <= rp[4*req_rec[req_ptr]+1][5:2];
        req_ns    <= rp[4*req_rec[req_ptr]+1][1];
        req_write <= rp[4*req_rec[req_ptr]+1][0];
      end else begin
        req_valid <= 1'b0;
      end
    end
  end

  // ---- response checker ----
  task check_rsp;
    reg [63:0] w1, w2;
    integer    op;
    begin
      if (rsp_ptr >= n_acc)
        mismatch(cur_op, "xlate.response", 0, {32'd0, rsp_id});
      op = op_of(rsp_rec[rsp_ptr]);
      w1 = rp[4*rsp_rec[rsp_ptr]+1];
      w2 = rp[4*rsp_rec[rsp_ptr]+2];
      if (rsp_fault !== w2[20])
        mismatch(op, "xlate.fault", w2[20], rsp_fault);
      if ((rsp_fault || w2[20]) && rsp_fault_kind !== w2[18:16])
        mismatch(op, "xlate.fault_kind", w2[18:16], rsp_fault_kind);
      if (rsp_pa !== w1[PA_W-1:0])
        mismatch(op, "xlate.pa", w1, rsp_pa);
      if (rsp_id !== w2[15:0])
        mismatch(op, "xlate.id", w2[15:0], rsp_id);
      if (rsp_tlb_hit !== w2[21])
        mismatch(op, "xlate.tlb_hit", w2[21], rsp_tlb_hit);
      if (rsp_flpd_hit !== w2[22])
        mismatch(op, "xlate.flpd_hit", w2[22], rsp_flpd_hit);
      if (ar_ptr < rsp_walk_end[rsp_ptr])
        mismatch(op, "walk.walk_count", rsp_walk_end[rsp_ptr], ar_ptr);
      rsp_ptr = rsp_ptr + 1;
    end
  endtask

  always @(posedge clk) begin
    if (rst_n) begin
      if (rsp_valid && rsp_ready)
        check_rsp;
      rsp_ready <= chance(0);
    end
  end

  // ---- AXI read memory: data of the model's walk reads, in AR order ----
  reg        rd_pending = 1'b0;
  integer    rd_wait = 0;
  reg [63:0] rd_w2 = 64'd0;

  task check_ar;
    integer op;
    begin
      op = ar_ptr < n_walk ? op_of(walk_rec[ar_ptr]) : cur_op;
      if (rd_pending)
        mismatch(op, "walk.ar_outstanding", 1, 2);
      if (ar_ptr >= n_walk)
        mismatch(op, "walk.walk_count", n_walk, ar_ptr + 1);
      if (ar_addr !== rp[4*walk_rec[ar_ptr]+1][PA_W-1:0])
        mismatch(op, "walk.walk_addr", rp[4*walk_rec[ar_ptr]+1], ar_addr);
      if (ar_len !== 8'd0)
        mismatch(op, "walk.ar_len", 0, ar_len);
      if (ar_size !== 3'd2)
        mismatch(op, "walk.ar_size", 2, ar_size);
      rd_w2 = rp[4*walk_rec[ar_ptr]+2];
      rd_pending = 1'b1;
      rd_wait = random_timing ? ($random(seed) & 7) : 0;
      ar_ptr = ar_ptr + 1;
    end
  endtask

  always @(posedge clk) begin
    if (rst_n) begin
      if (r_valid && r_ready) begin
        r_valid <= 1'b0;
        rd_pending = 1'b0;
      end
      if (ar_valid && ar_ready)
        check_ar;
      if (rd_pending && !r_valid) begin
        if (rd_wait == 0) begin
          r_valid <= 1'b1;
          r_data  <= rd_w2[31:0];
          r_resp  <= rd_w2[32] ? 2'd2 : 2'd0;   // SLVERR on a bus-error region
          r_last  <= 1'b1;
        end else begin
          rd_wait = rd_wait - 1;
        end
      end
      ar_ready <= chance(0);
    end
  end

  // ---- watchdog: cycles without any handshake while the stimulus waits ----
  always @(posedge clk) begin
    cycles = cycles + 1;
    if ((req_valid && req_ready) || (rsp_valid && rsp_ready) || (ar_valid && ar_ready) ||
        (r_valid && r_ready) || (psel && penable && pready) || !waiting)
      idle_cycles = 0;
    else
      idle_cycles = idle_cycles + 1;
    if (idle_cycles >= watchdog) begin
      $display("WATCHDOG op %0d: %0d cycles without progress; responses %0d of %0d, walk reads %0d, requests accepted %0d of %0d",
               cur_op, watchdog, rsp_ptr, n_acc, ar_ptr, req_ptr, n_issued);
      $display("sysmmu-replay: WATCHDOG %0s at op %0d", file, cur_op);
      $fatal(1, "replay watchdog");
    end
  end

  // ---- stimulus ----
  task sync;
    begin
      waiting = 1'b1;
      while (rsp_ptr < n_acc)
        @(posedge clk);
      waiting = 1'b0;
    end
  endtask

  task apb_access(input integer i);
    reg [63:0] w1, w3;
    reg [31:0] rdata;
    reg        err;
    begin
      w1 = rp[4*i+1];
      w3 = rp[4*i+3];
      sync;
      waiting = 1'b1;
      @(posedge clk);
      psel    <= 1'b1;
      penable <= 1'b0;
      pwrite  <= w1[6];
      paddr   <= rp[4*i][11:0];
      pwdata  <= rp[4*i+2][31:0];
      pstrb   <= w1[5:2];  // of a read too: the RTL must ignore it (vec_read_strb)
      @(posedge clk);
      penable <= 1'b1;
      @(posedge clk);
      while (!pready)
        @(posedge clk);
      rdata = prdata;
      err = pslverr;
      psel    <= 1'b0;
      penable <= 1'b0;
      waiting = 1'b0;
      #1;
      n_reg = n_reg + 1;
      if (err !== w1[1])
        mismatch(op_of(i), w1[6] ? "reg.PSLVERR(write)" : "reg.PSLVERR(read)", w1[1], err);
      if (!w1[6] && ((rdata ^ w3[31:0]) & w3[63:32]) !== 32'd0)
        mismatch(op_of(i), "reg.rdata", w3[31:0], rdata & w3[63:32]);
      if (irq !== w1[0])
        mismatch(op_of(i), "irq.irq", w1[0], irq);
    end
  endtask

  integer i;
  initial begin
    if (!$value$plusargs("replay=%s", file))
      $fatal(1, "sysmmu-replay: no +replay=FILE.hex");
    if ($value$plusargs("timing_seed=%d", seed))
      random_timing = seed != 0;
    trace = $test$plusargs("trace");
    if (!$value$plusargs("watchdog=%d", watchdog))
      watchdog = 20000;
    $readmemh(file, rp);
    n_rec = 0;
    n_req = 0;
    n_rsp = 0;
    n_walk = 0;
    while (n_rec < MAX_REC && kind_of(n_rec) !== K_END) begin
      case (kind_of(n_rec))
        K_ISSUE: begin req_rec[n_req] = n_rec; n_req = n_req + 1; end
        K_XLATE: begin
          rsp_rec[n_rsp] = n_rec;
          rsp_walk_end[n_rsp] = n_walk + rp[4*n_rec+2][27:24];
          n_rsp = n_rsp + 1;
        end
        K_WALK: begin walk_rec[n_walk] = n_rec; n_walk = n_walk + 1; end
        K_REG, K_IDLE: ;
        default: $fatal(1, "sysmmu-replay: %0s: record %0d has kind %0h (not a replay file, or truncated)",
                        file, n_rec, kind_of(n_rec));
      endcase
      n_rec = n_rec + 1;
    end
    if (n_rec == MAX_REC)
      $fatal(1, "sysmmu-replay: %0s: no end record in %0d records (raise MAX_REC)", file, MAX_REC);
    repeat (4) @(posedge clk);
    #1 rst_n = 1'b1;
    for (i = 0; i < n_rec; i = i + 1) begin
      cur_op = op_of(i);
      // Flushed: icarus-run names the last record when the run never ends.
      if (trace) begin
        $display("replay: record %0d kind %0d op %0d cycle %0d", i, kind_of(i), cur_op, cycles);
        $fflush;
      end
      case (kind_of(i))
        K_ISSUE: n_issued = n_issued + 1;
        K_XLATE: n_acc = n_acc + 1;
        K_REG:   apb_access(i);
        K_IDLE:  repeat (rp[4*i+1][31:0]) @(posedge clk);
        default: ;
      endcase
    end
    sync;
    repeat (4) @(posedge clk);
    if (ar_ptr != n_walk)
      mismatch(cur_op, "walk.walk_count", n_walk, ar_ptr);
    if (rsp_ptr != n_rsp)
      mismatch(cur_op, "xlate.response", n_rsp, rsp_ptr);
    $display("sysmmu-replay: PASS %0s records=%0d translations=%0d walk_reads=%0d reg_accesses=%0d cycles=%0d",
             file, n_rec, n_rsp, n_walk, n_reg, cycles);
    $finish;
  end
endmodule
