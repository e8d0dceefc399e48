/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared by the libFuzzer targets (make fuzz, docs/vectors.md "Fuzzing"):
 * a NUL-terminated copy of the input and the model run of a parsed vector.
 * A broken property ends in abort(), which libFuzzer keeps as a crash.
 */
#ifndef SYSMMU_FUZZ_COMMON_H
#define SYSMMU_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/model.h"
#include "sysmmu/vec.h"

/* Inputs above this are skipped: the parser is linear, bigger adds nothing. */
#define FUZZ_MAX_INPUT (64 * 1024)

static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);

	if (!t)
		abort();
	memcpy(t, data, size);
	t[size] = 0;
	return t;
}

/* Runs every op on the model; returns the executor's expectation failures. */
static inline unsigned fuzz_exec(const struct vec *v)
{
	struct sysmmu_config cfg = {
		.variant = v->variant, .tlb_entries = v->tlb_entries,
		.flpd_entries = v->flpd_entries, .id_width = v->id_width,
	};
	struct vexec_hooks hooks = { 0 };
	struct vmem *mem = vmem_create();
	struct sysmmu *model = sysmmu_create(&cfg, vmem_read_cb, mem);
	struct vexec *x;
	unsigned fails;

	/* the parser accepted the header: the model must take it */
	if (!mem || !model)
		abort();
	x = vexec_create(v, model, mem, &hooks);
	if (!x)
		abort();
	for (size_t i = 0; i < v->n_ops; i++)
		vexec_step(x, i);
	fails = vexec_failures(x);
	vexec_destroy(x);
	sysmmu_destroy(model);
	vmem_destroy(mem);
	return fails;
}

/* Canonical text of v (malloc'd), or abort. */
static inline char *fuzz_write(const struct vec *v, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	if (!f || vec_write(f, v) || fclose(f))
		abort();
	return buf;
}

#endif /* SYSMMU_FUZZ_COMMON_H */
