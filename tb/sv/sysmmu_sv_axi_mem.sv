// SPDX-License-Identifier: Apache-2.0
//
// AXI read memory for the page-table walker: AR back-pressure, a random
// latency per read, single-beat R with the scoreboard's memory contents
// (DPI), and the equivalent response encodings (spec 5) chosen at random.
module sysmmu_sv_axi_mem #(
  parameter int PA_W = 36
) (
  input  logic            ar_valid,
  output logic            ar_ready,
  input  logic [PA_W-1:0] ar_addr,
  input  logic [7:0]      ar_len,
  input  logic [2:0]      ar_size,
  output logic            r_valid,
  input  logic            r_ready,
  output logic [31:0]     r_data,
  output logic [1:0]      r_resp,
  output logic            r_last
);
  import sysmmu_sb_pkg::*;

  longint unsigned rd_addr[$];
  longint unsigned rd_due[$];
  logic            ar_fire, r_fire;
  longint unsigned ar_addr_s;
  int              ar_len_s, ar_size_s;

  initial begin
    ar_ready = 1'b0;
    r_valid = 1'b0;
    r_data = '0;
    r_resp = '0;
    r_last = 1'b0;
    ar_fire = 1'b0;
    r_fire = 1'b0;
  end

  function automatic void drive_ar(input bit random);
    bit ready = 1'b1;
    if (random)
      ready = sysmmu_sv_rng_pkg::mostly();
    ar_ready = ready;
  endfunction

  function automatic void drive_r(input chandle h, input bit random, input longint unsigned cyc);
    int data;
    bit bad, alt;
    longint unsigned r;
    if (r_valid || rd_addr.size() == 0 || rd_due[0] > cyc)
      return;
    bad = sysmmu_sb_mem_read(h, rd_addr[0], data) != 0;
    // EXOKAY is OKAY, DECERR is SLVERR (spec 5). One draw, in a statement of
    // its own: inside an expression a simulator may evaluate it twice.
    alt = 1'b0;
    if (random) begin
      r = sysmmu_sv_rng_pkg::next();
      alt = (r & 64'd3) == 64'd0;
    end
    r_resp = bad ? (alt ? 2'd3 : 2'd2) : (alt ? 2'd1 : 2'd0);
    r_data = data;
    r_last = 1'b1;
    r_valid = 1'b1;
  endfunction

  function automatic void sample();
    ar_fire = ar_valid && ar_ready;
    r_fire = r_valid && r_ready;
    ar_addr_s = 64'(ar_addr);
    ar_len_s = int'(ar_len);
    ar_size_s = int'(ar_size);
  endfunction

  function automatic void r_taken();
    void'(rd_addr.pop_front());
    void'(rd_due.pop_front());
    r_valid = 1'b0;
  endfunction

  function automatic void ar_taken(input longint unsigned due);
    rd_addr.push_back(ar_addr_s);
    rd_due.push_back(due);
  endfunction

  function automatic int outstanding();
    return rd_addr.size();
  endfunction
endmodule
