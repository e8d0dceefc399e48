// SPDX-License-Identifier: Apache-2.0
//
// Encodings shared by the SYSMMU modules that are not registers (those come
// from the generated sysmmu_regmap_pkg): fault kinds (docs/spec.md section 8)
// and TLB page-size codes (section 6.1).
package sysmmu_pkg;
  // Every module uses a few of these only.
  /* verilator lint_off UNUSEDPARAM */
  localparam logic [2:0] FK_NONE     = 3'd0;
  localparam logic [2:0] FK_PAGE     = 3'd1;
  localparam logic [2:0] FK_MULTI    = 3'd2;
  localparam logic [2:0] FK_BUS      = 3'd3;
  localparam logic [2:0] FK_ACC_PROT = 3'd4;
  localparam logic [2:0] FK_SEC_PROT = 3'd5;

  localparam logic [1:0] SZ_4K  = 2'd0;
  localparam logic [1:0] SZ_64K = 2'd1;
  localparam logic [1:0] SZ_1M  = 2'd2;

  // Bits b*64 + i: bit b of the index i (i < 64): the entries whose index
  // has bit b set. sysmmu_tlb and sysmmu_flpd OR the match vector through
  // these to get the index of the single match. A constant and not a
  // function: Verilator kept the body of a function called only at
  // elaboration and counted its lines as never run (coverage holes).
  localparam logic [383:0] IDX_BIT_SET = {
    64'hFFFF_FFFF_0000_0000, 64'hFFFF_0000_FFFF_0000, 64'hFF00_FF00_FF00_FF00,
    64'hF0F0_F0F0_F0F0_F0F0, 64'hCCCC_CCCC_CCCC_CCCC, 64'hAAAA_AAAA_AAAA_AAAA
  };
  /* verilator lint_on UNUSEDPARAM */
endpackage
