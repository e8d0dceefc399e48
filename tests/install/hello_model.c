// SPDX-License-Identifier: Apache-2.0
/*
 * A user's first program against the installed reference model (built by
 * tests/install/install-test with `pkg-config --cflags --libs sysmmu-ref`
 * only): one 1 MiB section, MMU on, one translation, one fault.
 */
#include <inttypes.h>
#include <stdio.h>

#include <sysmmu/model.h>
#include <sysmmu/pte.h>
#include <sysmmu/regs.h>

#define PT_BASE 0x100000u   /* level-1 table, 4096 entries of 4 bytes */
#define VA      0x00300000u
#define PA      0x900000000ull

static uint32_t l1_entry;

static int mem_read(void *ctx, uint64_t pa, uint32_t *data)
{
	(void)ctx;
	*data = pa == PT_BASE + (VA >> 20) * 4 ? l1_entry : 0;
	return 0;
}

int main(void)
{
	struct sysmmu_config cfg = { SYSMMU_V5, 32, 8, 16 };
	struct sysmmu_req req = { .va = VA + 0x1234 };
	struct sysmmu_result res;
	struct sysmmu *s = sysmmu_create(&cfg, mem_read, NULL);

	if (!s)
		return 1;
	l1_entry = sysmmu_mk_section(SYSMMU_V5, PA, SYSMMU_PERM_RW, false);
	sysmmu_reg_write(s, SYSMMU_V5_PT_BASE_PFN, PT_BASE >> 12, 0xF);
	sysmmu_reg_write(s, SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_EN, 0xF);
	if (sysmmu_translate(s, &req, &res))
		return 1;
	printf("va 0x%08" PRIx32 " -> pa 0x%09" PRIx64 " %s, %u walk read(s)\n", req.va, res.pa,
	       sysmmu_fault_name(res.fault), res.n_walk);
	req.va = 0x00400000;   /* unmapped */
	if (sysmmu_translate(s, &req, &res))
		return 1;
	printf("va 0x%08" PRIx32 " -> %s\n", req.va, sysmmu_fault_name(res.fault));
	sysmmu_destroy(s);
	return 0;
}
