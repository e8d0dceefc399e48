/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Lockstep scoreboard (docs/results.md, docs/spec.md §2.1).
 *
 * The scoreboard runs a vector on the reference model through vexec (the
 * same executor as sysmmu-ref) and replays every step on a device under
 * test through a small port interface. It knows nothing about Verilator or
 * SystemC: a harness implements struct sb_port (drive the pins, run clock
 * cycles) and feeds what its monitors see back with sb_rtl_*(). Expected
 * responses are the model's results in acceptance order; the harness may
 * return them with any timing.
 */
#ifndef SYSMMU_SCOREBOARD_H
#define SYSMMU_SCOREBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sysmmu/model.h"
#include "sysmmu/vec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Run outcome; the values are the process exit codes of sysmmu-sim. */
enum sb_status {
	SB_PASS = 0,
	SB_MISMATCH = 1,
	SB_ERROR = 2,
	SB_WATCHDOG = 3,
};

/* A response as the DUT returned it (captured from the pins). */
struct sb_rsp {
	uint64_t pa;
	bool fault;
	unsigned fault_kind;
	uint32_t id;
	bool tlb_hit;
	bool flpd_hit;
	uint64_t cycle;    /* cycle of the response handshake */
	uint64_t latency;  /* acceptance to first rsp_valid, in cycles */
};

/*
 * What the scoreboard needs from a harness. Every function that runs clock
 * cycles returns 0, or -1 when it gave up: the watchdog fired (the harness
 * then calls sb_watchdog() first) or the scoreboard asked to stop
 * (sb_stopped()).
 */
struct sb_port {
	void *ctx;
	/* Queue a request for the DUT's request channel (presented in order). */
	void (*issue)(void *ctx, const struct sysmmu_req *req);
	/* Run until the DUT has returned n responses in total. */
	int (*wait_rsp)(void *ctx, uint64_t n);
	/* One APB access at offset off, PSTRB = 0xF. */
	int (*apb)(void *ctx, bool write, uint32_t off, uint32_t wdata,
		   uint32_t *rdata, bool *slverr);
	/* Run cycles clock cycles (requests keep flowing). */
	int (*idle)(void *ctx, unsigned cycles);
	/* Current level of the interrupt pin. */
	bool (*irq)(void *ctx);
	/* Clock cycles simulated so far. */
	uint64_t (*cycle)(void *ctx);
	/* Called before vector op i runs (trace windows). May be NULL. */
	void (*op_begin)(void *ctx, size_t i);
	/* A backdoor memory write or error region, already applied to the
	 * scoreboard's memory (for harnesses with their own). May be NULL. */
	void (*mem)(void *ctx, const struct vec_op *op);
	/* One APB write at offset off with PSTRB = strb (any 0x0..0xF). The
	 * scoreboard calls it for `wr ... strb=` ops with strb != 0xF and apb
	 * for everything else. May be NULL: sb_create() then refuses a vector
	 * that has such a write. */
	int (*apb_strb)(void *ctx, uint32_t off, uint32_t wdata, unsigned strb, bool *slverr);
	/* A register read in zero simulated time: the value and PSLVERR the
	 * DUT's read logic gives for offset off now, without a clock edge.
	 * The fault-register checks use it for all but a sample of the faults
	 * (sb_opts.fault_pin_every). May be NULL: every read at pin level. */
	int (*apb_peek)(void *ctx, uint32_t off, uint32_t *rdata, bool *slverr);
};

struct sb_opts {
	unsigned max_errors;    /* stop after this many mismatching events (>= 1) */
	size_t check_every;     /* full TLB/FLPD/counter check every N ops, 0 = end only */
	/* The registers of the 1st, (N+1)th, ... fault are read at pin level,
	 * the others through port.apb_peek; 0 or 1: every fault at pin level. */
	unsigned fault_pin_every;
	bool quiet;             /* only the summary line */
	bool no_scoreboard;     /* drive the DUT, compare nothing (benchmark) */
	FILE *out;              /* report stream (stdout) */
	/* run description for reports and result.json */
	const char *tool;       /* "sysmmu-sim" */
	const char *vector;     /* path or gen:seed=N,profile=P,ops=M */
	const char *repro;      /* exact command line that reproduces the run */
	long long seed;         /* -1 when not generated */
	const char *profile;    /* NULL when not generated */
	uint64_t timing_seed;
	uint32_t x_init_seed;   /* RTL initial state: 0 zeroed, else Verilator's seed */
};

struct sb;

/*
 * Creates a scoreboard for vector v (not copied: keep it alive) with its own
 * model and memory. Returns NULL and a message in err for a bad
 * configuration.
 */
struct sb *sb_create(const struct vec *v, const struct sb_opts *o,
		     const struct sb_port *port, char *err, size_t errlen);
void sb_destroy(struct sb *sb);

/* The shared memory: the DUT's AXI slave reads these bytes. */
struct vmem *sb_mem(struct sb *sb);

/* Runs the whole vector; returns an enum sb_status. */
int sb_run(struct sb *sb);

/* ---- monitor input from the harness (any time during a port call) ---- */
void sb_rtl_accept(struct sb *sb);
void sb_rtl_rsp(struct sb *sb, const struct sb_rsp *r);
void sb_rtl_walk(struct sb *sb, uint64_t addr, unsigned len, unsigned size);
/* The walker broke the one-read-outstanding rule. */
void sb_rtl_protocol(struct sb *sb, const char *field, const char *expected,
		     const char *actual);
/* A check the harness makes on its own, outside the vector, failed: area
 * "reg" for a zero-time peek (MMU_STATUS while a response is held),
 * "timing" for the spec's interface timing (one hit accepted per clock). */
void sb_rtl_check(struct sb *sb, const char *area, const char *field, const char *expected,
		  const char *actual);
/* An RTL assertion failed (message from the simulator). */
void sb_rtl_assert(struct sb *sb, const char *msg);
/*
 * The harness watchdog fired; what describes the outstanding state. The
 * record names the oldest op still owed a response (the one that hung),
 * or the current op when none is owed.
 */
void sb_watchdog(struct sb *sb, const char *what);
/* The current op itself hung (an APB access, the idle bound). */
void sb_watchdog_here(struct sb *sb, const char *what);
/* True once the scoreboard wants the run to end. */
bool sb_stopped(const struct sb *sb);

/* ---- results ---- */
int sb_status(const struct sb *sb);
/* "area.field" of the first mismatch record into buf; 0 if there is one, -1 if none. */
int sb_signature(const struct sb *sb, char *buf, size_t len);
/* Vector op index of the first mismatch or watchdog, -1 if none. */
long sb_first_fail_op(const struct sb *sb);
/* Cycle of the first mismatch, 0 if none. */
uint64_t sb_first_fail_cycle(const struct sb *sb);
uint64_t sb_translations(const struct sb *sb);
/* Requests the model has translated so far (the DUT owes that many responses). */
uint64_t sb_model_accepted(const struct sb *sb);
/* The response the DUT returned last, as the scoreboard judged it (for the
 * testbench signals in the waves). */
struct sb_rsp_seen {
	long op;            /* vector op index, -1 before the first response */
	uint64_t exp_pa;    /* the model's PA (0 on a fault) */
	unsigned exp_fault; /* the model's enum sysmmu_fault */
	uint64_t act_pa;    /* the DUT's PA */
	unsigned act_fault; /* the DUT's fault kind, 0 without a fault */
	bool mismatch;      /* a field of this response differed */
	unsigned events;    /* mismatching events so far */
};
void sb_last_rsp(const struct sb *sb, struct sb_rsp_seen *s);
/* Clock cycles of the run (fixed when sb_run() ends, before its report). */
uint64_t sb_cycles(const struct sb *sb);
/* Writes result.json (docs/results.md); cpu_seconds of the timed part. */
void sb_write_json(const struct sb *sb, FILE *f, double wall_seconds, double cpu_seconds);
/* One-line summary. */
void sb_write_summary(const struct sb *sb, FILE *f, double wall_seconds);

#ifdef __cplusplus
}
#endif

#endif /* SYSMMU_SCOREBOARD_H */
