// SPDX-License-Identifier: Apache-2.0
//
// DPI-C interface to the lockstep scoreboard (tb/dpi/sysmmu_sb_dpi.c,
// docs/simulators.md). The scoreboard decides the stimulus and compares
// everything; SV drives pins, runs the clock and reports what it saw.
//
//   h = sysmmu_sb_create(args, argv0, VARIANT, TLB, FLPD, code)
//   loop: cmd = sysmmu_sb_next(h, rc, rdata, slverr, cycle, irq, x0, x1, x2, n)
//         ISSUE -> queue the request; WAIT -> run until n responses in total;
//         APB -> one access; IDLE -> n cycles; END -> done
//   monitors call sysmmu_sb_accept/rsp/walk/protocol/watchdog at any time
//   code = sysmmu_sb_finish(h); sysmmu_sb_exit(code)
package sysmmu_sb_pkg;
  localparam int SB_CMD_END   = 0;
  localparam int SB_CMD_ISSUE = 1;
  localparam int SB_CMD_WAIT  = 2;
  localparam int SB_CMD_APB   = 3;
  localparam int SB_CMD_IDLE  = 4;

  import "DPI-C" function int sysmmu_sb_probe(input string args);
  import "DPI-C" function chandle sysmmu_sb_create(input string args, input string argv0,
      input int variant, input int tlb, input int flpd, output int code);
  import "DPI-C" function void sysmmu_sb_timing(input chandle h, output longint unsigned seed,
      output int lat_min, output int lat_max, output int watchdog);
  import "DPI-C" function int sysmmu_sb_next(input chandle h, input int rc, input int rdata,
      input bit slverr, input longint unsigned cycle, input bit irq,
      output int x0, output int x1, output int x2, output longint unsigned n);
  import "DPI-C" function void sysmmu_sb_accept(input chandle h, input longint unsigned cycle);
  import "DPI-C" function void sysmmu_sb_rsp(input chandle h, input longint unsigned cycle,
      input longint unsigned pa, input bit fault, input int kind, input int id,
      input bit tlb_hit, input bit flpd_hit, input longint unsigned latency);
  import "DPI-C" function void sysmmu_sb_walk(input chandle h, input longint unsigned cycle,
      input longint unsigned addr, input int len, input int size);
  import "DPI-C" function void sysmmu_sb_protocol(input chandle h, input longint unsigned cycle,
      input string field, input string expected, input string actual);
  import "DPI-C" function bit sysmmu_sb_stopped(input chandle h);
  import "DPI-C" function void sysmmu_sb_watchdog(input chandle h, input longint unsigned cycle,
      input string what);
  import "DPI-C" function int sysmmu_sb_mem_read(input chandle h, input longint unsigned addr,
      output int data);
  import "DPI-C" function int sysmmu_sb_finish(input chandle h);
  import "DPI-C" function void sysmmu_sb_exit(input int code);
endpackage
