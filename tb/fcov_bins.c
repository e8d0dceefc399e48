// SPDX-License-Identifier: Apache-2.0
/*
 * sysmmu-fcov-bins --variant 3|5: the functional coverage bins a fresh
 * collector defines, as fcov_write_json writes them (every count 0). The
 * testplan checker (scripts/testplan) reads it to prove that every bin a
 * testpoint names exists, without running a simulation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysmmu/fcov.h"

static int usage(void)
{
	fprintf(stderr, "usage: sysmmu-fcov-bins --variant 3|5\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct sysmmu_config cfg = { .tlb_entries = 32, .flpd_entries = 8, .id_width = 16 };
	struct sysmmu *m;
	struct vmem *mem;
	struct fcov *c;

	if (argc != 3 || strcmp(argv[1], "--variant"))
		return usage();
	if (!strcmp(argv[2], "3"))
		cfg.variant = SYSMMU_V3;
	else if (!strcmp(argv[2], "5"))
		cfg.variant = SYSMMU_V5;
	else
		return usage();
	mem = vmem_create();
	m = mem ? sysmmu_create(&cfg, vmem_read_cb, mem) : NULL;
	c = m ? fcov_create(m, mem) : NULL;
	if (!c) {
		fprintf(stderr, "sysmmu-fcov-bins: out of memory\n");
		return 1;
	}
	fcov_write_json(c, stdout);
	fcov_destroy(c);
	sysmmu_destroy(m);
	vmem_destroy(mem);
	return 0;
}
