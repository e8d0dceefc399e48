/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Page-table entry encode/decode for the v3 and v5 formats (docs/spec.md §3).
 * Used by the reference model, the vector generator and the tests.
 */
#ifndef SYSMMU_PTE_H
#define SYSMMU_PTE_H

#include <stdbool.h>
#include <stdint.h>

#include "sysmmu/model.h"

/* Decoded level-1 entry types. */
enum sysmmu_l1_type {
	SYSMMU_L1_FAULT,
	SYSMMU_L1_LINK,
	SYSMMU_L1_SECTION,
};

/* Decoded level-2 entry types. */
enum sysmmu_l2_type {
	SYSMMU_L2_FAULT,
	SYSMMU_L2_LARGE,
	SYSMMU_L2_SMALL,
};

/* Normalised permissions: bit0 = read allowed, bit1 = write allowed. */
#define SYSMMU_PERM_R 1u
#define SYSMMU_PERM_W 2u
#define SYSMMU_PERM_RW 3u

static inline unsigned sysmmu_pa_width(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? 36 : 32;
}

static inline enum sysmmu_l1_type sysmmu_l1_type(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5) {
		switch (e & 7) {
		case 1: return SYSMMU_L1_LINK;
		case 2: return SYSMMU_L1_SECTION;
		default: return SYSMMU_L1_FAULT;
		}
	}
	switch (e & 3) {
	case 1: return SYSMMU_L1_LINK;
	case 2: return SYSMMU_L1_SECTION;
	default: return SYSMMU_L1_FAULT;
	}
}

static inline enum sysmmu_l2_type sysmmu_l2_type(uint32_t e)
{
	if (e & 2)
		return SYSMMU_L2_SMALL;
	if (e & 1)
		return SYSMMU_L2_LARGE;
	return SYSMMU_L2_FAULT;
}

/* Level-2 table base of a link entry. */
static inline uint64_t sysmmu_l1_link_base(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return (uint64_t)(e & 0xFFFFFFC0u) << 4;
	return e & 0xFFFFFC00u;
}

/* NS bit of a link or a section (spec §3.3). */
static inline bool sysmmu_l1_ns(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return (e >> 3) & 1;
	if (sysmmu_l1_type(v, e) == SYSMMU_L1_SECTION)
		return (e >> 19) & 1;
	return (e >> 3) & 1;
}

static inline uint64_t sysmmu_section_pa(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return ((uint64_t)e << 4) & 0xFFFF00000ull;
	return e & 0xFFF00000u;
}

static inline uint64_t sysmmu_large_pa(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return ((uint64_t)e << 4) & 0xFFFFF0000ull;
	return e & 0xFFFF0000u;
}

static inline uint64_t sysmmu_small_pa(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return ((uint64_t)e << 4) & 0xFFFFFF000ull;
	return e & 0xFFFFF000u;
}

/* v3 (AP2, AP0) -> permissions; (1,0) is reserved and means none. */
static inline unsigned sysmmu_v3_perm(unsigned ap2, unsigned ap0)
{
	if (!ap0)
		return 0;
	return ap2 ? SYSMMU_PERM_R : SYSMMU_PERM_RW;
}

/*
 * The raw 2-bit permission encoding of a leaf, reserved values included:
 * v5 AP, v3 AP2 * 2 + AP0 (functional coverage counts these).
 */
static inline unsigned sysmmu_section_ap(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return (e >> 4) & 3;
	return ((e >> 15) & 1) * 2 + ((e >> 10) & 1);
}

static inline unsigned sysmmu_page_ap(enum sysmmu_variant v, uint32_t e)
{
	if (v == SYSMMU_V5)
		return (e >> 2) & 3;
	return ((e >> 9) & 1) * 2 + ((e >> 4) & 1);
}

static inline unsigned sysmmu_section_perm(enum sysmmu_variant v, uint32_t e)
{
	unsigned ap = sysmmu_section_ap(v, e);

	return v == SYSMMU_V5 ? ap : sysmmu_v3_perm(ap >> 1, ap & 1);
}

static inline unsigned sysmmu_page_perm(enum sysmmu_variant v, uint32_t e)
{
	unsigned ap = sysmmu_page_ap(v, e);

	return v == SYSMMU_V5 ? ap : sysmmu_v3_perm(ap >> 1, ap & 1);
}

/* ---- encoders (what software writes) ---- */

/* v3 AP bits for a permission: none -> (0,0), R -> (1,1), RW/W -> (0,1). */
static inline uint32_t sysmmu_v3_ap_bits(unsigned perm, unsigned ap2_bit, unsigned ap0_bit)
{
	if (perm == 0)
		return 0;
	if (perm == SYSMMU_PERM_R)
		return (1u << ap2_bit) | (1u << ap0_bit);
	return 1u << ap0_bit;
}

static inline uint32_t sysmmu_mk_section(enum sysmmu_variant v, uint64_t pa, unsigned perm, bool ns)
{
	if (v == SYSMMU_V5)
		return (uint32_t)((pa >> 4) & 0xFFFF0000u) | ((perm & 3) << 4) | ((uint32_t)ns << 3) | 2;
	return ((uint32_t)pa & 0xFFF00000u) | sysmmu_v3_ap_bits(perm, 15, 10) | ((uint32_t)ns << 19) | 2;
}

static inline uint32_t sysmmu_mk_link(enum sysmmu_variant v, uint64_t l2_base, bool ns)
{
	if (v == SYSMMU_V5)
		return (uint32_t)((l2_base >> 4) & 0xFFFFFFC0u) | ((uint32_t)ns << 3) | 1;
	return ((uint32_t)l2_base & 0xFFFFFC00u) | ((uint32_t)ns << 3) | 1;
}

static inline uint32_t sysmmu_mk_large(enum sysmmu_variant v, uint64_t pa, unsigned perm)
{
	if (v == SYSMMU_V5)
		return (uint32_t)((pa >> 4) & 0xFFFFF000u) | ((perm & 3) << 2) | 1;
	return ((uint32_t)pa & 0xFFFF0000u) | sysmmu_v3_ap_bits(perm, 9, 4) | 1;
}

static inline uint32_t sysmmu_mk_small(enum sysmmu_variant v, uint64_t pa, unsigned perm)
{
	if (v == SYSMMU_V5)
		return (uint32_t)((pa >> 4) & 0xFFFFFF00u) | ((perm & 3) << 2) | 2;
	return ((uint32_t)pa & 0xFFFFF000u) | sysmmu_v3_ap_bits(perm, 9, 4) | 2;
}

/* Page size in bytes and VA mask for a TLB entry size. */
static inline uint32_t sysmmu_size_bytes(enum sysmmu_size sz)
{
	return sz == SYSMMU_SIZE_1M ? 0x100000u : sz == SYSMMU_SIZE_64K ? 0x10000u : 0x1000u;
}

static inline uint32_t sysmmu_size_mask(enum sysmmu_size sz)
{
	return ~(sysmmu_size_bytes(sz) - 1);
}

#endif /* SYSMMU_PTE_H */
