// SPDX-License-Identifier: Apache-2.0
/*
 * Writes the replay file of tb/replay.h: one $readmemh word per line, a
 * comment naming each record, so a human can read it next to the vector.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/regs.h"
#include "replay.h"

struct replay {
	FILE *f;
	const struct vec *v;
	size_t cur;          /* op of the last issue/idle/reg/check */
	unsigned long records;
	unsigned err_reads;  /* erroring walk reads so far (vmem_error_junk) */
	unsigned apb_reads;  /* APB reads so far (vec_read_strb) */
	bool bad;
};

static const char *const kind_name[16] = {
	[RP_ISSUE] = "issue", [RP_XLATE] = "xlate", [RP_WALK] = "walk", [RP_REG] = "reg",
	[RP_IDLE] = "idle", [RP_END] = "end",
};

static size_t op_index(struct replay *rp, const struct vec_op *op)
{
	if (op >= rp->v->ops && op < rp->v->ops + rp->v->n_ops)
		return (size_t)(op - rp->v->ops);
	return rp->cur;
}

static void put(struct replay *rp, enum replay_kind k, size_t op, uint32_t a, uint64_t w1,
		uint64_t w2, uint64_t w3)
{
	uint64_t w0 = (uint64_t)k << 56 | (uint64_t)(op & 0xFFFFFF) << 32 | a;

	if (fprintf(rp->f, "%016" PRIx64 " %016" PRIx64 " %016" PRIx64 " %016" PRIx64
		    " // %lu %s op %zu\n", w0, w1, w2, w3, rp->records, kind_name[k], op) < 0)
		rp->bad = true;
	rp->records++;
}

struct replay *replay_open(const char *path, const struct vec *v, char *err, size_t errlen)
{
	struct replay *rp = calloc(1, sizeof(*rp));

	if (!rp) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	rp->f = fopen(path, "w");
	if (!rp->f) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		free(rp);
		return NULL;
	}
	rp->v = v;
	fprintf(rp->f, "// sysmmu replay v1: %s variant %d tlb_entries %u flpd_entries %u\n",
		v->name, (int)v->variant, v->tlb_entries, v->flpd_entries);
	return rp;
}

int replay_close(struct replay *rp)
{
	int rc;

	put(rp, RP_END, rp->cur, (uint32_t)rp->records, 0, 0, 0);
	rc = rp->bad || fclose(rp->f) ? -1 : 0;
	free(rp);
	return rc;
}

void replay_issue(void *ctx, const struct vec_op *op, const struct sysmmu_req *req)
{
	struct replay *rp = ctx;

	rp->cur = op_index(rp, op);
	put(rp, RP_ISSUE, rp->cur, req->va,
	    (uint64_t)req->id << 8 | (uint64_t)(req->len & 0xF) << 2 | req->ns << 1 | req->write,
	    0, 0);
}

void replay_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		  const struct sysmmu_result *res)
{
	struct replay *rp = ctx;
	size_t i = op_index(rp, op);
	unsigned k;

	put(rp, RP_XLATE, i, 0, res->pa,
	    (uint64_t)res->n_walk << 24 | (uint64_t)res->flpd_hit << 22 |
	    (uint64_t)res->tlb_hit << 21 | (uint64_t)(res->fault != SYSMMU_FAULT_NONE) << 20 |
	    (uint64_t)(res->fault & 7) << 16 | req->id, 0);
	for (k = 0; k < res->n_walk; k++) {
		/* erroring reads: junk, as the C++ bench drives (vmem_error_junk) */
		uint32_t data = res->walk_err[k] ? vmem_error_junk(res->walk_addr[k], rp->err_reads++)
						 : res->walk_data[k];

		put(rp, RP_WALK, i, 0, res->walk_addr[k], (uint64_t)res->walk_err[k] << 32 | data, 0);
	}
}

/* strb is PSTRB of a write; a read's is vec_read_strb's, as every harness drives. */
static void reg_record(struct replay *rp, bool write, uint32_t off, unsigned strb,
		       uint32_t wdata, uint32_t rdata, uint32_t mask, bool err, bool irq)
{
	if (!write)
		strb = vec_read_strb(rp->apb_reads++);
	put(rp, RP_REG, rp->cur, off,
	    (uint64_t)write << 6 | (uint64_t)(strb & 0xF) << 2 | (uint64_t)err << 1 | irq,
	    wdata, (uint64_t)mask << 32 | rdata);
}

void replay_reg(void *ctx, const struct vec_op *op, bool write, uint32_t off, uint32_t wdata,
		uint32_t rdata, int err, bool irq_after)
{
	struct replay *rp = ctx;
	/* the writes an `isr` expands into are full-width */
	unsigned strb = write && op->kind == VEC_WR ? op->strb : 0xF;

	rp->cur = op_index(rp, op);
	reg_record(rp, write, off, strb, wdata, write ? 0 : rdata, write ? 0 : 0xFFFFFFFFu,
		   err != 0, irq_after);
}

void replay_idle(void *ctx, const struct vec_op *op, unsigned cycles)
{
	struct replay *rp = ctx;

	rp->cur = op_index(rp, op);
	put(rp, RP_IDLE, rp->cur, 0, cycles, 0, 0);
}

/* A CHECK op reads MMU_STATUS, as the scoreboard does (blocked bit). */
void replay_check(void *ctx, const struct vec_op *op, bool irq, bool blocked)
{
	struct replay *rp = ctx;

	rp->cur = op_index(rp, op);
	reg_record(rp, false, SYSMMU_COM_MMU_STATUS, 0xF, 0, blocked,
		   SYSMMU_COM_STATUS_BLOCKED, false, irq);
}
