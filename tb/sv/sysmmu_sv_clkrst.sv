// SPDX-License-Identifier: Apache-2.0
//
// Clock (10 ns period, first rising edge at 5 ns) and synchronous reset:
// four rising edges with rst_n low, as the C++ harness does.
module sysmmu_sv_clkrst (
  output logic clk,
  output logic rst_n
);
  timeunit 1ns;
  timeprecision 1ps;

  initial begin
    clk   = 1'b0;
    rst_n = 1'b0;
    forever #5 clk = ~clk;
  end

  task automatic reset();
    rst_n = 1'b0;
    repeat (4) @(posedge clk);
    #1 rst_n = 1'b1;
  endtask
endmodule
