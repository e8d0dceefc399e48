/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one number parser of every program's command line (sysmmu-ref,
 * sysmmu-gen, sysmmu-sim, sysmmu-sim-sc, sysmmu-sim-sv). A number is
 * decimal ("4096") or hexadecimal with 0x ("0x1000"), nothing else: no
 * blanks, no sign, no leading zero (strtoull would read "010" as 8), no
 * wrap-around and no clamping (docs/results.md, "Numbers on the command line").
 */
#ifndef SYSMMU_NUM_H
#define SYSMMU_NUM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Parses s into *out when it is a number in min..max. Otherwise returns -1
 * and writes "OPT must be a number in MIN..MAX (decimal or 0x hex), got 'S'"
 * into err (opt names the option).
 */
int num_parse(const char *opt, const char *s, uint64_t min, uint64_t max,
	      uint64_t *out, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* SYSMMU_NUM_H */
