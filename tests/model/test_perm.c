// SPDX-License-Identifier: Apache-2.0
/*
 * Permission (AP, EAP) and security (NS) checks (docs/spec.md §3, §4).
 */
#include "helpers.h"

TestSuite(perm, .fini = fx_fini);

#define SEC_VA 0x12345678u   /* mapped by a section */
#define PAGE_VA 0x00402ABCu  /* mapped by a small page */

/* One access on an empty TLB; returns its fault and unblocks. */
static enum sysmmu_fault access_fresh(uint32_t va, bool write, bool ns)
{
	struct sysmmu_result r;

	wr(off_flush_all(), 1);
	r = xl(va, write, ns);
	unblock();
	return r.fault;
}

static void map_page(uint32_t l1_link, uint32_t l2)
{
	if (fx.v == V5) {
		mem_w(0x800000010ull, l1_link);
		mem_w(0x987654408ull, l2);
	} else {
		mem_w(0x00100010, l1_link);
		mem_w(0x00200408, l2);
	}
}

struct perm_case {
	uint32_t bits;      /* AP bits in the entry */
	bool r_ok, w_ok;    /* expected with EAP = 1 */
	bool r, w;          /* TLB attribute */
};

static void run_section_cases(const struct perm_case *c, unsigned n, uint32_t base, bool eap)
{
	struct sysmmu_tlb_entry e;
	unsigned i;

	fx_enable(eap ? SYSMMU_COM_CFG_EAP : 0);
	for (i = 0; i < n; i++) {
		enum sysmmu_fault fr, fw;

		mem_w(l1_addr(SEC_VA), base | c[i].bits);
		fr = access_fresh(SEC_VA, false, false);
		sysmmu_tlb_get(fx.m, 0, &e);
		cr_assert(e.valid, "case %u: entry not filled", i);
		cr_assert_eq(e.r, c[i].r, "case %u r", i);
		cr_assert_eq(e.w, c[i].w, "case %u w", i);
		fw = access_fresh(SEC_VA, true, false);
		cr_assert_eq(fr, !eap || c[i].r_ok ? SYSMMU_FAULT_NONE : SYSMMU_FAULT_ACC_PROT,
			     "case %u read", i);
		cr_assert_eq(fw, !eap || c[i].w_ok ? SYSMMU_FAULT_NONE : SYSMMU_FAULT_ACC_PROT,
			     "case %u write", i);
	}
}

static void run_page_cases(const struct perm_case *c, unsigned n, uint32_t link, uint32_t base,
			   bool eap)
{
	unsigned i;

	fx_enable(eap ? SYSMMU_COM_CFG_EAP : 0);
	for (i = 0; i < n; i++) {
		map_page(link, base | c[i].bits);
		cr_assert_eq(access_fresh(PAGE_VA, false, false),
			     !eap || c[i].r_ok ? SYSMMU_FAULT_NONE : SYSMMU_FAULT_ACC_PROT,
			     "case %u read", i);
		cr_assert_eq(access_fresh(PAGE_VA, true, false),
			     !eap || c[i].w_ok ? SYSMMU_FAULT_NONE : SYSMMU_FAULT_ACC_PROT,
			     "case %u write", i);
	}
}

/* v3 section: AP2 = bit 15, AP0 = bit 10. */
static const struct perm_case v3_section_cases[] = {
	{ 0x0000, false, false, false, false },  /* (0,0) none */
	{ 0x0400, true, true, true, true },      /* (0,1) read/write */
	{ 0x8400, true, false, true, false },    /* (1,1) read only */
	{ 0x8000, false, false, false, false },  /* (1,0) reserved: none */
};

/* v3 page: AP2 = bit 9, AP0 = bit 4. */
static const struct perm_case v3_page_cases[] = {
	{ 0x000, false, false, false, false },
	{ 0x010, true, true, true, true },
	{ 0x210, true, false, true, false },
	{ 0x200, false, false, false, false },
};

/* v5 section: AP = bits [5:4]; R = AP[0], W = AP[1]. */
static const struct perm_case v5_section_cases[] = {
	{ 0x00, false, false, false, false },
	{ 0x10, true, false, true, false },
	{ 0x20, false, true, false, true },
	{ 0x30, true, true, true, true },
};

/* v5 page: AP = bits [3:2]. */
static const struct perm_case v5_page_cases[] = {
	{ 0x0, false, false, false, false },
	{ 0x4, true, false, true, false },
	{ 0x8, false, true, false, true },
	{ 0xC, true, true, true, true },
};

Test(perm, v3_section_ap_eap_on)
{
	fx_setup(V3, 32, 8);
	run_section_cases(v3_section_cases, 4, 0x87600002, true);
}

Test(perm, v3_section_ap_eap_off)
{
	fx_setup(V3, 32, 8);
	run_section_cases(v3_section_cases, 4, 0x87600002, false);
}

Test(perm, v3_page_ap_eap_on)
{
	fx_setup(V3, 32, 8);
	run_page_cases(v3_page_cases, 4, 0x00200401, 0x9ABCD002, true);
}

Test(perm, v3_page_ap_eap_off)
{
	fx_setup(V3, 32, 8);
	run_page_cases(v3_page_cases, 4, 0x00200401, 0x9ABCD002, false);
}

Test(perm, v3_large_page_ap_eap_on)
{
	fx_setup(V3, 32, 8);
	run_page_cases(v3_page_cases, 4, 0x00200401, 0x55550001, true);
}

Test(perm, v5_section_ap_eap_on)
{
	fx_setup(V5, 32, 8);
	run_section_cases(v5_section_cases, 4, 0xF1230002, true);
}

Test(perm, v5_section_ap_eap_off)
{
	fx_setup(V5, 32, 8);
	run_section_cases(v5_section_cases, 4, 0xF1230002, false);
}

Test(perm, v5_page_ap_eap_on)
{
	fx_setup(V5, 32, 8);
	run_page_cases(v5_page_cases, 4, 0x98765441, 0xCDEF1202, true);
}

Test(perm, v5_page_ap_eap_off)
{
	fx_setup(V5, 32, 8);
	run_page_cases(v5_page_cases, 4, 0x98765441, 0xCDEF1202, false);
}

Test(perm, v5_large_page_ap_eap_on)
{
	fx_setup(V5, 32, 8);
	run_page_cases(v5_page_cases, 4, 0x98765441, 0x76543001, true);
}

/* request ns x page NS: only (request non-secure, page secure) faults. */
static void run_ns_section(uint32_t secure_entry, uint32_t ns_entry)
{
	fx_enable(SYSMMU_COM_CFG_SEC_CHK);
	mem_w(l1_addr(SEC_VA), secure_entry);
	cr_assert_eq(access_fresh(SEC_VA, false, false), SYSMMU_FAULT_NONE);
	cr_assert_eq(access_fresh(SEC_VA, false, true), SYSMMU_FAULT_SEC_PROT);
	cr_assert_eq(access_fresh(SEC_VA, true, true), SYSMMU_FAULT_SEC_PROT);
	mem_w(l1_addr(SEC_VA), ns_entry);
	cr_assert_eq(access_fresh(SEC_VA, false, false), SYSMMU_FAULT_NONE);
	cr_assert_eq(access_fresh(SEC_VA, false, true), SYSMMU_FAULT_NONE);
	cr_assert_eq(access_fresh(SEC_VA, true, true), SYSMMU_FAULT_NONE);
}

Test(perm, v3_section_ns_bit19)
{
	fx_setup(V3, 32, 8);
	/* Bit 3 of a v3 section is not NS: still a secure page. */
	run_ns_section(0x87600402 | 0x8, 0x87600402 | 0x80000);
}

Test(perm, v5_section_ns_bit3)
{
	fx_setup(V5, 32, 8);
	run_ns_section(0xF1230032, 0xF123003A);
}

static void run_ns_page(uint32_t secure_link, uint32_t ns_link, uint32_t l2)
{
	fx_enable(SYSMMU_COM_CFG_SEC_CHK);
	map_page(secure_link, l2);
	cr_assert_eq(access_fresh(PAGE_VA, false, false), SYSMMU_FAULT_NONE);
	cr_assert_eq(access_fresh(PAGE_VA, true, true), SYSMMU_FAULT_SEC_PROT);
	map_page(ns_link, l2);
	cr_assert_eq(access_fresh(PAGE_VA, true, true), SYSMMU_FAULT_NONE);
	cr_assert_eq(access_fresh(PAGE_VA, false, false), SYSMMU_FAULT_NONE);
}

Test(perm, v3_page_ns_from_link_bit3)
{
	fx_setup(V3, 32, 8);
	run_ns_page(0x00200401, 0x00200409, 0x9ABCD012);
}

Test(perm, v5_page_ns_from_link_bit3)
{
	fx_setup(V5, 32, 8);
	run_ns_page(0x98765441, 0x98765449, 0xCDEF120E);
}

Test(perm, v3_tlb_ns_attribute)
{
	struct sysmmu_tlb_entry e;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	map_page(0x00200409, 0x9ABCD012);
	rd_xl(PAGE_VA);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert(e.ns);
	mem_w(l1_addr(SEC_VA), 0x87600402);
	rd_xl(SEC_VA);
	sysmmu_tlb_get(fx.m, 1, &e);
	cr_assert_not(e.ns);
}

Test(perm, sec_prot_beats_acc_prot)
{
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_SEC_CHK);
	mem_w(l1_addr(SEC_VA), 0xF1230002); /* secure, no access */
	r = xl(SEC_VA, true, true);
	cr_assert_eq(r.fault, SYSMMU_FAULT_SEC_PROT);
	cr_assert_eq(rd(SYSMMU_V5_INT_STATUS), 0x100000);
}

Test(perm, eap_checked_at_access_not_fill)
{
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(l1_addr(SEC_VA), 0x87608402); /* read only */
	r = xl(SEC_VA, true, false);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_EAP);
	r = xl(SEC_VA, true, false);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_ACC_PROT);
	cr_assert_eq(r.pa, 0);
	unblock();
	wr(SYSMMU_COM_MMU_CFG, 0);
	r = xl(SEC_VA, true, false);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
	cr_assert_eq(r.pa, 0x87645678);
}

Test(perm, acc_prot_fault_keeps_filled_entry)
{
	struct sysmmu_tlb_entry e;
	struct sysmmu_result r;

	fx_setup(V5, 32, 8);
	fx_enable(SYSMMU_COM_CFG_EAP);
	mem_w(l1_addr(SEC_VA), 0xF1230012); /* read only */
	r = xl(SEC_VA, true, false);
	cr_assert_eq(r.fault, SYSMMU_FAULT_ACC_PROT);
	cr_assert_not(r.tlb_hit);
	cr_assert_eq(r.n_walk, 1);
	cr_assert_eq(r.tlb_index, 0);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert(e.valid);
	cr_assert_eq(e.va_base, 0x12300000);
	cr_assert_eq(e.rank, 0);
	unblock();
	r = rd_xl(SEC_VA);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.n_walk, 0);
	cr_assert_eq(r.pa, 0xF12345678ull);
}

Test(perm, sec_prot_fault_keeps_filled_entry)
{
	struct sysmmu_tlb_entry e;
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(SYSMMU_COM_CFG_SEC_CHK);
	map_page(0x00200401, 0x9ABCD012);
	r = xl(PAGE_VA, false, true);
	cr_assert_eq(r.fault, SYSMMU_FAULT_SEC_PROT);
	sysmmu_tlb_get(fx.m, 0, &e);
	cr_assert(e.valid);
	cr_assert_eq(e.va_base, 0x00402000);
	unblock();
	r = xl(PAGE_VA, false, true);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_SEC_PROT);
}

/* §4.1: with SEC_CHK = 0 (reset) a non-secure request uses a secure page. */
static void run_ns_check_off(uint32_t secure_entry)
{
	struct sysmmu_result r;

	fx_enable(SYSMMU_COM_CFG_EAP);
	mem_w(l1_addr(SEC_VA), secure_entry);
	cr_assert_eq(access_fresh(SEC_VA, false, true), SYSMMU_FAULT_NONE);
	cr_assert_eq(access_fresh(SEC_VA, true, true), SYSMMU_FAULT_NONE);
	/* The check reads SEC_CHK at the access: the cached entry faults now. */
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_EAP | SYSMMU_COM_CFG_SEC_CHK);
	r = xl(SEC_VA, true, true);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_SEC_PROT);
	unblock();
	wr(SYSMMU_COM_MMU_CFG, SYSMMU_COM_CFG_EAP);
	r = xl(SEC_VA, true, true);
	cr_assert(r.tlb_hit);
	cr_assert_eq(r.fault, SYSMMU_FAULT_NONE);
}

Test(perm, v3_ns_check_off_by_default)
{
	fx_setup(V3, 32, 8);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG) & SYSMMU_COM_CFG_SEC_CHK, 0);
	run_ns_check_off(0x87600402);
}

Test(perm, v5_ns_check_off_by_default)
{
	fx_setup(V5, 32, 8);
	cr_assert_eq(rd(SYSMMU_COM_MMU_CFG) & SYSMMU_COM_CFG_SEC_CHK, 0);
	run_ns_check_off(0xF1230032);
}
