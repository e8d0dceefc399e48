// SPDX-License-Identifier: Apache-2.0
/*
 * Micro-benchmark of the reference model: translations per second for a
 * hit-heavy stream (every access hits one of 32 cached pages) and a
 * walk-heavy stream (random 4 KiB pages over 16 MiB: nearly every access
 * misses and walks two levels). Prints the median of several runs.
 *
 *   build/bench-model [runs]      (default 5)
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sysmmu/model.h"
#include "sysmmu/pte.h"
#include "sysmmu/regs.h"

#define L1_BASE 0x800000000ull   /* PT_BASE_PFN 0x800000 */
#define L2_BASE 0x900000000ull   /* 16 level-2 tables, 1 KiB each */
#define N_MIB 16
#define N_VA (1u << 20)
#define HIT_OPS 20000000u
#define WALK_OPS 4000000u
#define MAX_RUNS 15

struct bench_mem {
	uint32_t l1[4096];
	uint32_t l2[N_MIB * 256];
};

static int bench_read(void *ctx, uint64_t pa, uint32_t *data)
{
	const struct bench_mem *m = ctx;

	if (pa >= L1_BASE && pa < L1_BASE + sizeof(m->l1)) {
		*data = m->l1[(pa - L1_BASE) / 4];
		return 0;
	}
	if (pa >= L2_BASE && pa < L2_BASE + sizeof(m->l2)) {
		*data = m->l2[(pa - L2_BASE) / 4];
		return 0;
	}
	return 1;
}

/* v5 tables: MiB i (i < 16) links to table i; page p maps PA 0x1_0000_0000 + p * 4 KiB. */
static void bench_mem_init(struct bench_mem *m)
{
	unsigned i;

	for (i = 0; i < N_MIB; i++)
		m->l1[i] = sysmmu_mk_link(SYSMMU_V5, L2_BASE + i * 1024ull, false);
	for (i = 0; i < N_MIB * 256; i++)
		m->l2[i] = sysmmu_mk_small(SYSMMU_V5, 0x100000000ull + i * 4096ull, SYSMMU_PERM_RW);
}

static uint32_t lcg(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static struct sysmmu *bench_model(struct bench_mem *m)
{
	struct sysmmu_config cfg = { SYSMMU_V5, 32, 8, 16 };
	struct sysmmu *s = sysmmu_create(&cfg, bench_read, m);

	if (!s) {
		fprintf(stderr, "bench-model: sysmmu_create failed\n");
		exit(1);
	}
	sysmmu_reg_write(s, SYSMMU_V5_PT_BASE_PFN, (uint32_t)(L1_BASE >> 12), 0xF);
	sysmmu_reg_write(s, SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_LRU | SYSMMU_COM_CFG_EAP, 0xF);
	sysmmu_reg_write(s, SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN, 0xF);
	return s;
}

/* Returns translations per second; *misses counts TLB misses. */
static double run_stream(struct bench_mem *m, const uint32_t *va, unsigned ops,
			 uint64_t *sink, uint32_t *misses)
{
	struct sysmmu *s = bench_model(m);
	struct sysmmu_req req = { 0 };
	struct sysmmu_result res;
	double t0, t1;
	unsigned i;

	t0 = now();
	for (i = 0; i < ops; i++) {
		req.va = va[i & (N_VA - 1)];
		if (sysmmu_translate(s, &req, &res) || res.fault) {
			fprintf(stderr, "bench-model: unexpected fault at 0x%08x\n", req.va);
			exit(1);
		}
		*sink ^= res.pa;
	}
	t1 = now();
	*misses = sysmmu_counter(s, SYSMMU_CNT_TLB_MISS);
	sysmmu_destroy(s);
	return ops / (t1 - t0);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median_rate(struct bench_mem *m, const uint32_t *va, unsigned ops, int runs,
			  const char *name, uint64_t *sink)
{
	double rate[MAX_RUNS];
	uint32_t misses = 0;
	int i;

	for (i = 0; i < runs; i++)
		rate[i] = run_stream(m, va, ops, sink, &misses);
	qsort(rate, runs, sizeof(rate[0]), cmp_double);
	printf("bench-model: %-10s %u translations/run, TLB miss rate %5.1f%%, "
	       "median %.2f M translations/s (min %.2f, max %.2f, %d runs)\n",
	       name, ops, 100.0 * misses / ops, rate[runs / 2] / 1e6, rate[0] / 1e6,
	       rate[runs - 1] / 1e6, runs);
	return rate[runs / 2];
}

int main(int argc, char **argv)
{
	struct bench_mem *m = malloc(sizeof(*m));
	uint32_t *va = malloc(N_VA * sizeof(*va));
	uint32_t seed = 1;
	uint64_t sink = 0;
	int runs = argc > 1 ? atoi(argv[1]) : 5;
	double hits, walks;
	unsigned i;

	if (!m || !va) {
		fprintf(stderr, "bench-model: out of memory\n");
		return 1;
	}
	if (runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "bench-model: runs must be 1..%d\n", MAX_RUNS);
		return 2;
	}
	bench_mem_init(m);

	/* Hit-heavy: 32 pages, one per 64 KiB step, fit the 32-entry TLB. */
	for (i = 0; i < N_VA; i++)
		va[i] = (lcg(&seed) % 32) << 16 | (lcg(&seed) & 0xFFC);
	hits = median_rate(m, va, HIT_OPS, runs, "hit-heavy", &sink);

	/* Walk-heavy: 4096 pages over 16 MiB. */
	for (i = 0; i < N_VA; i++)
		va[i] = (lcg(&seed) % (N_MIB * 256)) << 12 | (lcg(&seed) & 0xFFC);
	walks = median_rate(m, va, WALK_OPS, runs, "walk-heavy", &sink);

	printf("bench-model: targets: hits >= 20 M/s (%s), walks >= 5 M/s (%s); checksum %016llx\n",
	       hits >= 20e6 ? "met" : "NOT met", walks >= 5e6 ? "met" : "NOT met",
	       (unsigned long long)sink);
	free(va);
	free(m);
	return 0;
}
