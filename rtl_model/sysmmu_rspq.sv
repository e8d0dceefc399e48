// SPDX-License-Identifier: Apache-2.0
//
// Two-entry response queue. Holding two answers lets the lookup stage push
// one per clock while the consumer takes one per clock, with space_o a
// plain register decode (no combinational path from rsp_ready_i to
// req_ready_o). Head is slot 0; the payload is held stable while
// valid_o && !ready_i (AXI rule).
module sysmmu_rspq #(
  parameter int W = 8
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic         push_i,
  input  logic [W-1:0] push_data_i,
  output logic         space_o,     // a push is allowed this cycle
  output logic         valid_o,
  input  logic         ready_i,
  output logic [W-1:0] data_o,
  output logic [1:0]   count_o
);
  logic [1:0]   count_q;
  logic [W-1:0] slot0_q, slot1_q;
  logic         pop;

  assign space_o = count_q != 2'd2;
  assign valid_o = count_q != 2'd0;
  assign data_o  = slot0_q;
  assign count_o = count_q;
  assign pop     = valid_o && ready_i;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      count_q <= 2'd0;
      slot0_q <= '0;
      slot1_q <= '0;
    end else begin
      count_q <= count_q + {1'b0, push_i} - {1'b0, pop};
      if (pop) begin
        // Slot 1 moves up; a push this cycle lands behind what remains. A
        // push needs space (count < 2: the top pushes only with space_o, the
        // assertion below checks it), so with two queued nothing is pushed
        // and slot 1 is left as it is.
        slot0_q <= (count_q == 2'd2) ? slot1_q : push_data_i;
      end else if (push_i) begin
        if (count_q == 2'd0)
          slot0_q <= push_data_i;
        else
          slot1_q <= push_data_i;
      end
    end
  end

`ifndef SYNTHESIS
  always_ff @(posedge clk_i) begin
    if (rst_ni)
      assert (!(push_i && !space_o)) else $error("sysmmu_rspq: push while full");
  end
`endif
endmodule
