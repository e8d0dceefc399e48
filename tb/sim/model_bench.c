// SPDX-License-Identifier: Apache-2.0
/*
 * The reference model's own speed on the vectors the lockstep benchmark
 * uses: the same generated vector, run through vexec (the executor the
 * scoreboard uses) with no hooks. Prints one line per run:
 *   model <profile> translations=N cpu_seconds=F translations_per_s=F
 * and, for a FILE.vec, the CPU time of its text parse (vec_parse_file):
 *   parse <file> ops=N cpu_seconds=F
 * usage: model-bench-sim PROFILE OPS SEED [VARIANT]
 *        model-bench-sim FILE.vec
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sysmmu/vec.h"

static double cpu_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static unsigned long long count;

static void on_xlate(void *ctx, const struct vec_op *op, const struct sysmmu_req *req,
		     const struct sysmmu_result *res)
{
	(void)ctx;
	(void)op;
	(void)req;
	(void)res;
	count++;
}

int main(int argc, char **argv)
{
	struct gen_opts g = { 0 };
	struct sysmmu_config cfg = { 0 };
	struct vexec_hooks hk = { 0 };
	struct vec v;
	struct vmem *mem;
	struct sysmmu *m;
	struct vexec *x;
	char err[256];
	double t0, t1;
	size_t i;

	vec_init(&v);
	if (argc == 2) {
		g.profile = argv[1];
		t0 = cpu_now();
		if (vec_parse_file(argv[1], &v, err, sizeof(err))) {
			fprintf(stderr, "%s\n", err);
			return 2;
		}
		t1 = cpu_now();
		printf("parse %s ops=%zu cpu_seconds=%.6f\n", argv[1], v.n_ops, t1 - t0);
	} else if (argc >= 4) {
		g.profile = argv[1];
		g.ops = strtoull(argv[2], NULL, 0);
		g.seed = strtoull(argv[3], NULL, 0);
		g.variant = argc > 4 && strcmp(argv[4], "3") == 0 ? SYSMMU_V3 : SYSMMU_V5;
		g.tlb_entries = 32;
		g.flpd_entries = 8;
		if (sysmmu_gen(&g, &v, err, sizeof(err))) {
			fprintf(stderr, "%s: %s\n", argv[0], err);
			return 2;
		}
	} else {
		fprintf(stderr, "usage: %s PROFILE OPS SEED [VARIANT] | %s FILE.vec\n", argv[0], argv[0]);
		return 2;
	}
	cfg.variant = v.variant;
	cfg.tlb_entries = v.tlb_entries;
	cfg.flpd_entries = v.flpd_entries;
	cfg.id_width = v.id_width;
	mem = vmem_create();
	m = sysmmu_create(&cfg, vmem_read_cb, mem);
	hk.xlate = on_xlate;
	x = m ? vexec_create(&v, m, mem, &hk) : NULL;
	if (!x) {
		fprintf(stderr, "%s: cannot create the model\n", argv[0]);
		return 2;
	}
	t0 = cpu_now();
	for (i = 0; i < v.n_ops; i++)
		vexec_step(x, i);
	t1 = cpu_now();
	printf("model %s translations=%llu cpu_seconds=%.6f translations_per_s=%.0f\n", g.profile,
	       count, t1 - t0, (double)count / (t1 - t0));
	vexec_destroy(x);
	sysmmu_destroy(m);
	vmem_destroy(mem);
	vec_free(&v);
	return 0;
}
