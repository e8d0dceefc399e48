// SPDX-License-Identifier: Apache-2.0
//
// Timing randomness of the SV harness: splitmix64, the generator of the C++
// harness (tb/sim/bench.h SimRng). One stream, drawn in the same order as
// there, so the same --timing-seed gives the same gaps, back-pressure and
// memory latency cycle for cycle.
package sysmmu_sv_rng_pkg;
  longint unsigned state = 64'd1;
  longint unsigned draws = 0;   // numbers drawn so far (debugging the stream)

  function automatic void seed(input longint unsigned s);
    state = s;
  endfunction

  function automatic longint unsigned next();
    longint unsigned z;
    draws++;
    state = state + 64'h9E3779B97F4A7C15;
    z = state;
    z = (z ^ (z >> 30)) * 64'hBF58476D1CE4E5B9;
    z = (z ^ (z >> 27)) * 64'h94D049BB133111EB;
    return z ^ (z >> 31);
  endfunction

  // true with probability 3/4
  function automatic bit mostly();
    longint unsigned r = next();
    return (r & 64'd3) != 64'd0;
  endfunction

  function automatic int unsigned range(input int unsigned lo, input int unsigned hi);
    longint unsigned span, r;
    if (hi <= lo)
      return lo;
    span = 64'(hi) - 64'(lo) + 64'd1;
    r = next();
    return lo + 32'(r % span);
  endfunction
endpackage
