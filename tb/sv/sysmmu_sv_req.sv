// SPDX-License-Identifier: Apache-2.0
//
// Request driver: presents queued requests in order, with random valid gaps
// when timing is random; holds a request until its handshake.
module sysmmu_sv_req #(
  parameter int ID_W = 16
) (
  output logic            req_valid,
  input  logic            req_ready,
  output logic [31:0]     req_va,
  output logic            req_write,
  output logic            req_ns,
  output logic [ID_W-1:0] req_id,
  output logic [3:0]      req_len
);
  typedef struct packed {
    logic [31:0] va;
    logic        write;
    logic        ns;
    logic [15:0] id;
    logic [3:0]  len;
  } req_t;

  req_t q[$];
  logic fire;

  initial begin
    req_valid = 1'b0;
    req_va = '0;
    req_write = 1'b0;
    req_ns = 1'b0;
    req_id = '0;
    req_len = '0;
    fire = 1'b0;
  end

  function automatic void push(input logic [31:0] va, input bit write, input bit ns,
                               input logic [15:0] id, input logic [3:0] len);
    req_t r;
    r.va = va;
    r.write = write;
    r.ns = ns;
    r.id = id;
    r.len = len;
    q.push_back(r);
  endfunction

  function automatic void drive(input bit random);
    if (req_valid || q.size() == 0)
      return;
    if (random && !sysmmu_sv_rng_pkg::mostly())
      return;
    req_valid = 1'b1;
    req_va = q[0].va;
    req_write = q[0].write;
    req_ns = q[0].ns;
    req_id = q[0].id[ID_W-1:0];
    req_len = q[0].len;
  endfunction

  function automatic void sample();
    fire = req_valid && req_ready;
  endfunction

  // After the edge of a handshake.
  function automatic void accepted();
    void'(q.pop_front());
    req_valid = 1'b0;
  endfunction

  function automatic int queued();
    return q.size();
  endfunction
endmodule
