// SPDX-License-Identifier: Apache-2.0
//
// SV lockstep harness (docs/simulators.md): the RTL, driven and watched by
// the components in tb/sv/, with the C scoreboard behind the DPI layer
// (tb/dpi/) deciding every stimulus and comparing every result.
//
// One clock cycle (task tick) is the C++ harness's Bench::tick(): inputs are
// driven after a rising edge, handshakes are sampled before the next one,
// and what completed at that edge goes to the scoreboard after it, in the
// order accept, walk read, response. The random draws happen in the same
// order too, so both harnesses run the same cycles from the same seed.
//
// Run: +sysmmu_args="<sysmmu-sim options>" [+sysmmu_argv0=NAME] [+sysmmu_probe]
module sysmmu_sv_tb #(
  parameter int VARIANT      = 5,
  parameter int TLB_ENTRIES  = 32,
  parameter int FLPD_ENTRIES = 8
);
  import sysmmu_sb_pkg::*;
  timeunit 1ns;
  timeprecision 1ps;

  localparam int ID_W = 16;
  localparam int PA_W = (VARIANT == 5) ? 36 : 32;

  logic            clk, rst_n;
  logic            psel, penable, pwrite, pready, pslverr;
  logic [11:0]     paddr;
  logic [31:0]     pwdata, prdata;
  logic [3:0]      pstrb;
  logic            req_valid, req_ready, req_write, req_ns;
  logic [31:0]     req_va;
  logic [ID_W-1:0] req_id;
  logic [3:0]      req_len;
  logic            rsp_valid, rsp_ready, rsp_fault, rsp_tlb_hit, rsp_flpd_hit;
  logic [PA_W-1:0] rsp_pa;
  logic [2:0]      rsp_fault_kind;
  logic [ID_W-1:0] rsp_id;
  logic            ar_valid, ar_ready, r_valid, r_ready, r_last;
  logic [PA_W-1:0] ar_addr;
  logic [7:0]      ar_len;
  logic [2:0]      ar_size;
  logic [31:0]     r_data;
  logic [1:0]      r_resp;
  logic            irq;

  sysmmu_sv_clkrst u_clk (.clk(clk), .rst_n(rst_n));

  `include "sysmmu_sv_dut.svh"

  sysmmu_sv_apb u_apb (
    .psel(psel), .penable(penable), .pwrite(pwrite), .paddr(paddr), .pwdata(pwdata),
    .pstrb(pstrb), .prdata(prdata), .pready(pready), .pslverr(pslverr)
  );

  sysmmu_sv_req #(.ID_W(ID_W)) u_req (
    .req_valid(req_valid), .req_ready(req_ready), .req_va(req_va), .req_write(req_write),
    .req_ns(req_ns), .req_id(req_id), .req_len(req_len)
  );

  sysmmu_sv_rsp_mon #(.PA_W(PA_W), .ID_W(ID_W)) u_rsp (
    .rsp_valid(rsp_valid), .rsp_ready(rsp_ready), .rsp_pa(rsp_pa), .rsp_fault(rsp_fault),
    .rsp_fault_kind(rsp_fault_kind), .rsp_id(rsp_id), .rsp_tlb_hit(rsp_tlb_hit),
    .rsp_flpd_hit(rsp_flpd_hit)
  );

  sysmmu_sv_axi_mem #(.PA_W(PA_W)) u_mem (
    .ar_valid(ar_valid), .ar_ready(ar_ready), .ar_addr(ar_addr), .ar_len(ar_len),
    .ar_size(ar_size), .r_valid(r_valid), .r_ready(r_ready), .r_data(r_data),
    .r_resp(r_resp), .r_last(r_last)
  );

  bit              debug_ticks = $test$plusargs("sysmmu_debug_ticks");
  chandle          h;
  bit              random;
  int              lat_min, lat_max, watchdog_cycles;
  longint unsigned cyc, accepted, returned, progress;

  // ---- one clock cycle ----
  task automatic tick();
    int lat;
    u_req.drive(random);
    u_rsp.drive(random);
    u_mem.drive_ar(random);
    u_mem.drive_r(h, random, cyc);
    @(negedge clk);
    if (debug_ticks)
      $display("%0d draws %0d rv %0d rr %0d ar %0d", cyc, sysmmu_sv_rng_pkg::draws, req_valid, rsp_ready, ar_ready);
    u_apb.sample();
    u_req.sample();
    u_rsp.sample(cyc);
    u_mem.sample();
    @(posedge clk);
    #1;
    if (u_req.fire) begin
      u_req.accepted();
      u_rsp.accepted(cyc);
      accepted++;
      sysmmu_sb_accept(h, cyc);
    end
    if (u_mem.r_fire) begin
      u_mem.r_taken();
      progress++;
    end
    if (u_mem.ar_fire) begin
      if (u_mem.outstanding() != 0)
        sysmmu_sb_protocol(h, cyc, "ar_outstanding", "at most 1 read outstanding",
                           "2 reads outstanding");
      lat = random ? int'(sysmmu_sv_rng_pkg::range(lat_min, lat_max)) : lat_min;
      u_mem.ar_taken(cyc + 64'd1 + 64'(lat));
      progress++;
      sysmmu_sb_walk(h, cyc, u_mem.ar_addr_s, u_mem.ar_len_s, u_mem.ar_size_s);
    end
    cyc++;
    if (u_rsp.fire) begin
      u_rsp.returned();
      returned++;
      progress++;
      sysmmu_sb_rsp(h, cyc, u_rsp.pa, u_rsp.fault, u_rsp.kind, u_rsp.id, u_rsp.tlb_hit,
                    u_rsp.flpd_hit, u_rsp.latency);
    end
  endtask

  function automatic void fire_watchdog(input string what);
    sysmmu_sb_watchdog(h, cyc, $sformatf({"%s for %0d cycles: DUT accepted %0d, returned %0d, ",
        "%0d request(s) queued (req_valid=%0d req_ready=%0d), AR: ar_valid=%0d addr=0x%0X ",
        "reads outstanding=%0d r_valid=%0d r_ready=%0d"}, what, watchdog_cycles, accepted,
        returned, u_req.queued(), req_valid, req_ready, ar_valid, 64'(ar_addr),
        u_mem.outstanding(), r_valid, r_ready));
  endfunction

  // ---- the port commands ----
  task automatic wait_rsp(input longint unsigned n, output int rc);
    longint unsigned idle_cycles = 0, prev;
    rc = 0;
    while (returned < n) begin
      prev = progress;
      tick();
      if (sysmmu_sb_stopped(h)) begin
        rc = -1;
        return;
      end
      idle_cycles = (progress == prev) ? idle_cycles + 1 : 0;
      if (idle_cycles >= 64'(watchdog_cycles)) begin
        fire_watchdog("no response");
        rc = -1;
        return;
      end
    end
    rc = sysmmu_sb_stopped(h) ? -1 : 0;
  endtask

  task automatic apb(input bit write, input int off, input int wdata, input logic [3:0] strb,
                     output int rdata, output bit err, output int rc);
    int n = 0;
    u_apb.setup(write, off, wdata, strb);
    tick();
    u_apb.enable();
    while (!u_apb.done) begin
      tick();
      n++;
      if (n >= watchdog_cycles) begin
        fire_watchdog("APB access without PREADY");
        rc = -1;
        return;
      end
    end
    u_apb.release_bus();
    rdata = u_apb.rdata;
    err = u_apb.err;
    rc = sysmmu_sb_stopped(h) ? -1 : 0;
  endtask

  task automatic idle(input longint unsigned n, output int rc);
    rc = 0;
    for (longint unsigned i = 0; i < n; i++) begin
      tick();
      if (sysmmu_sb_stopped(h)) begin
        rc = -1;
        return;
      end
    end
  endtask

  // ---- the run ----
  initial begin : run
    string           args, argv0;
    int              code, cmd, rc, rdata, x0, x1, x2;
    bit              err;
    longint unsigned n, tseed;

    if (!$value$plusargs("sysmmu_args=%s", args))
      args = "";
    if (!$value$plusargs("sysmmu_argv0=%s", argv0))
      argv0 = "sysmmu-sim-sv";
    if ($test$plusargs("sysmmu_probe"))
      sysmmu_sb_exit(sysmmu_sb_probe(args));
    h = sysmmu_sb_create(args, argv0, VARIANT, TLB_ENTRIES, FLPD_ENTRIES, code);
    if (h == null)
      sysmmu_sb_exit(code);
    sysmmu_sb_timing(h, tseed, lat_min, lat_max, watchdog_cycles);
    random = tseed != 0;
    sysmmu_sv_rng_pkg::seed(random ? tseed : 64'd1);
    cyc = 0;
    accepted = 0;
    returned = 0;
    progress = 0;
    u_clk.reset();
    rc = 0;
    rdata = 0;
    err = 1'b0;
    forever begin
      cmd = sysmmu_sb_next(h, rc, rdata, err, cyc, irq, x0, x1, x2, n);
      if (cmd == SB_CMD_END)
        break;
      rc = 0;
      case (cmd)
        SB_CMD_ISSUE: u_req.push(x0, x2[0], x2[1], x1[15:0], x2[5:2]);
        SB_CMD_WAIT:  wait_rsp(n, rc);
        SB_CMD_APB:   apb(x2[0], x0, x1, x2[4:1], rdata, err, rc);
        SB_CMD_IDLE:  idle(n, rc);
        default: begin
          $display("sysmmu-sim-sv: unknown scoreboard command %0d", cmd);
          sysmmu_sb_exit(2);
        end
      endcase
    end
    sysmmu_sb_exit(sysmmu_sb_finish(h));
  end
endmodule
