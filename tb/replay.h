/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Replay file for simulators without DPI-C (Icarus; docs/simulators.md
 * "Replay"): the stimulus of a vector and every timing-independent result
 * the model expects, as 64-bit words for $readmemh. sysmmu-ref writes it
 * from the vector executor's hooks (--emit-replay FILE).
 */
#ifndef SYSMMU_TB_REPLAY_H
#define SYSMMU_TB_REPLAY_H

#include <stdbool.h>
#include <stdio.h>

#include "sysmmu/vec.h"

/*
 * Records of four words; word 0 is {kind[63:56], op[55:32], a[31:0]}.
 *   ISSUE  a=va  w1={id[23:8], len[5:2], ns[1], write[0]}
 *   XLATE  (model accepted a request: its response, acceptance order)
 *          w1=pa  w2={n_walk[27:24], flpd_hit[22], tlb_hit[21], fault[20],
 *          kind[18:16], id[15:0]}
 *   WALK   (one page-table read, AR order) w1=addr  w2={err[32], data[31:0]}
 *   REG    a=offset  w1={write[6], strb[5:2], err[1], irq[0]}  w2=wdata
 *          w3={mask[63:32], rdata[31:0]}  (expected PSLVERR, irq after it,
 *          read data under mask; strb is PSTRB, of a read too: vec_read_strb)
 *   IDLE   w1=cycles
 *   END    a=records before it
 * Before a REG and at END every response the model has produced must be
 * back (the scoreboard's synchronisation rule, spec 2.1).
 */
enum replay_kind {
	RP_ISSUE = 1, RP_XLATE = 2, RP_WALK = 3, RP_REG = 4, RP_IDLE = 5, RP_END = 15,
};

struct replay;

struct replay *replay_open(const char *path, const struct vec *v, char *err, size_t errlen);
/* Returns 0, or -1 when the file could not be written completely. */
int replay_close(struct replay *rp);

/* vexec hooks (ctx = struct replay *) */
void replay_issue(void *ctx, const struct vec_op *op, const struct sysmmu_req *req);
void replay_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		  const struct sysmmu_result *res);
void replay_reg(void *ctx, const struct vec_op *op, bool write, uint32_t off, uint32_t wdata,
		uint32_t rdata, int err, bool irq_after);
void replay_idle(void *ctx, const struct vec_op *op, unsigned cycles);
void replay_check(void *ctx, const struct vec_op *op, bool irq, bool blocked);

#endif /* SYSMMU_TB_REPLAY_H */
