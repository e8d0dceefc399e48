// SPDX-License-Identifier: Apache-2.0
/* Sparse memory: 36-bit addresses, no aliasing, growth, error regions. */
#include <criterion/criterion.h>

#include "sysmmu/vec.h"

Test(vmem, unwritten_reads_zero)
{
	struct vmem *m = vmem_create();
	uint32_t d = 123;

	cr_assert_eq(vmem_read32(m, 0, &d), 0);
	cr_assert_eq(d, 0);
	cr_assert_eq(vmem_read32(m, 0xFFFFFFFFCull, &d), 0);
	cr_assert_eq(d, 0);
	vmem_destroy(m);
}

Test(vmem, write_read_no_alias)
{
	struct vmem *m = vmem_create();
	uint32_t d;

	vmem_write32(m, 0x1000, 0x11111111);
	vmem_write32(m, 0x100001000ull, 0x22222222);
	vmem_write32(m, 0x800001000ull, 0x33333333);
	vmem_write32(m, 0x1FFC, 0x44444444);
	vmem_write32(m, 0x1004, 0x55555555);
	vmem_read32(m, 0x1000, &d);
	cr_assert_eq(d, 0x11111111);
	vmem_read32(m, 0x100001000ull, &d);
	cr_assert_eq(d, 0x22222222);
	vmem_read32(m, 0x800001000ull, &d);
	cr_assert_eq(d, 0x33333333);
	vmem_read32(m, 0x1FFC, &d);
	cr_assert_eq(d, 0x44444444);
	vmem_read32(m, 0x1004, &d);
	cr_assert_eq(d, 0x55555555);
	vmem_read32(m, 0x1008, &d);
	cr_assert_eq(d, 0);
	vmem_write32(m, 0x1000, 0x66666666);    /* overwrite */
	vmem_read32(m, 0x1000, &d);
	cr_assert_eq(d, 0x66666666);
	vmem_destroy(m);
}

Test(vmem, many_pages_grow)
{
	struct vmem *m = vmem_create();
	uint64_t i;
	uint32_t d;

	for (i = 0; i < 100000; i++)
		vmem_write32(m, (i * 0x9E3779B1ull) & 0xFFFFFF000ull, (uint32_t)i);
	for (i = 0; i < 100000; i++) {
		uint64_t a = (i * 0x9E3779B1ull) & 0xFFFFFF000ull;
		uint64_t k;

		/* a later i may have hit the same page: find the last writer */
		for (k = 99999; ((k * 0x9E3779B1ull) & 0xFFFFFF000ull) != a; k--)
			;
		vmem_read32(m, a, &d);
		cr_assert_eq(d, (uint32_t)k);
		if (i > 2000)
			break;
	}
	vmem_destroy(m);
}

Test(vmem, error_regions)
{
	struct vmem *m = vmem_create();
	uint32_t d = 7;

	vmem_write32(m, 0x2000, 0xABCD);
	vmem_add_error(m, 0x2000, 0x2003);
	vmem_add_error(m, 0x800000010ull, 0x800000011ull);
	cr_assert_eq(vmem_read32(m, 0x2000, &d), -1);
	cr_assert_eq(d, 0, "an erroring read returns 0 data");
	cr_assert_eq(vmem_read32(m, 0x2004, &d), 0);
	cr_assert_eq(vmem_read32(m, 0x1FFC, &d), 0);
	/* a word that overlaps the region in any byte errors */
	cr_assert_eq(vmem_read32(m, 0x800000010ull, &d), -1);
	cr_assert_eq(vmem_read32(m, 0x80000000Cull, &d), 0);
	cr_assert_eq(vmem_read32(m, 0x800000014ull, &d), 0);
	cr_assert_eq(vmem_read_cb(m, 0x2000, &d), -1);
	cr_assert_eq(vmem_read_cb(m, 0x2008, &d), 0);
	vmem_destroy(m);
}
