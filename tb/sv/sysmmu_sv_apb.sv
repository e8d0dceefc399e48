// SPDX-License-Identifier: Apache-2.0
//
// APB4 master pins. The testbench sequences an access (setup cycle, then
// access cycles until PREADY); this module holds the pins and samples the
// completion before the clock edge.
module sysmmu_sv_apb (
  output logic        psel,
  output logic        penable,
  output logic        pwrite,
  output logic [11:0] paddr,
  output logic [31:0] pwdata,
  output logic [3:0]  pstrb,
  input  logic [31:0] prdata,
  input  logic        pready,
  input  logic        pslverr
);
  logic        done;
  logic [31:0] rdata;
  logic        err;

  initial begin
    psel = 1'b0;
    penable = 1'b0;
    pwrite = 1'b0;
    paddr = '0;
    pwdata = '0;
    pstrb = '0;
    done = 1'b0;
    rdata = '0;
    err = 1'b0;
  end

  // Setup phase; PSTRB is the write strobe (spec 9). On reads the RTL must
  // ignore it: the scoreboard cycles it through 0, 0xF, 0x5, 0xA
  // (vec_read_strb), as every harness does.
  function automatic void setup(input bit write, input logic [31:0] off, input logic [31:0] wdata,
                                input logic [3:0] strb);
    psel = 1'b1;
    penable = 1'b0;
    pwrite = write;
    paddr = off[11:0];
    pwdata = wdata;
    pstrb = strb;
  endfunction

  function automatic void enable();
    penable = 1'b1;
    done = 1'b0;
  endfunction

  // Before the edge: the access completes in this cycle.
  function automatic void sample();
    if (psel && penable && pready) begin
      done = 1'b1;
      rdata = prdata;
      err = pslverr;
    end
  endfunction

  function automatic void release_bus();
    psel = 1'b0;
    penable = 1'b0;
  endfunction
endmodule
