// SPDX-License-Identifier: Apache-2.0
/*
 * Faults and interrupts (docs/spec.md §8).
 */
#include "sysmmu/regs.h"
#include "fault.h"

/* §8.1, indexed by enum sysmmu_fault: read side and write side. */
static const uint32_t v3_bits_rd[SYSMMU_FAULT_KINDS] = {
	[SYSMMU_FAULT_PAGE] = SYSMMU_V3_INT_PAGE_FAULT,
	[SYSMMU_FAULT_MULTI_HIT] = SYSMMU_V3_INT_AR_MULTI_HIT,
	[SYSMMU_FAULT_BUS_ERROR] = SYSMMU_V3_INT_BUS_ERROR,
	[SYSMMU_FAULT_ACC_PROT] = SYSMMU_V3_INT_AR_ACC_PROT,
	[SYSMMU_FAULT_SEC_PROT] = SYSMMU_V3_INT_AR_SEC_PROT,
};

static const uint32_t v3_bits_wr[SYSMMU_FAULT_KINDS] = {
	[SYSMMU_FAULT_PAGE] = SYSMMU_V3_INT_PAGE_FAULT,
	[SYSMMU_FAULT_MULTI_HIT] = SYSMMU_V3_INT_AW_MULTI_HIT,
	[SYSMMU_FAULT_BUS_ERROR] = SYSMMU_V3_INT_BUS_ERROR,
	[SYSMMU_FAULT_ACC_PROT] = SYSMMU_V3_INT_AW_ACC_PROT,
	[SYSMMU_FAULT_SEC_PROT] = SYSMMU_V3_INT_AW_SEC_PROT,
};

/* v5: the write-side bit is the read-side bit << 16. */
static const uint32_t v5_bits[SYSMMU_FAULT_KINDS] = {
	[SYSMMU_FAULT_PAGE] = SYSMMU_V5_INT_PAGE_FAULT,
	[SYSMMU_FAULT_MULTI_HIT] = SYSMMU_V5_INT_MULTI_HIT,
	[SYSMMU_FAULT_BUS_ERROR] = SYSMMU_V5_INT_BUS_ERROR,
	[SYSMMU_FAULT_ACC_PROT] = SYSMMU_V5_INT_ACC_PROT,
	[SYSMMU_FAULT_SEC_PROT] = SYSMMU_V5_INT_SEC_PROT,
};

uint32_t fault_int_bit(enum sysmmu_variant v, enum sysmmu_fault kind, bool write)
{
	if (v == SYSMMU_V5)
		return write ? v5_bits[kind] << SYSMMU_V5_INT_AW_SHIFT : v5_bits[kind];
	return write ? v3_bits_wr[kind] : v3_bits_rd[kind];
}

uint32_t fault_int_mask_all(enum sysmmu_variant v)
{
	return v == SYSMMU_V5 ? SYSMMU_V5_INT_MASK_ALL : SYSMMU_V3_INT_MASK_ALL;
}

static uint32_t trans_info(const struct sysmmu *s, const struct sysmmu_req *req)
{
	/* The RTL's request ID is ID_W bits wide; TRANS_INFO zero-extends it. */
	uint32_t id_mask = (1u << s->cfg.id_width) - 1;

	return (req->id & id_mask & SYSMMU_COM_TI_ID_MASK) |
	       (uint32_t)(req->len & 0xF) << SYSMMU_COM_TI_LEN_SHIFT |
	       (req->write ? SYSMMU_COM_TI_WRITE : 0);
}

static void v3_latch(struct sysmmu_latch *l, const struct sysmmu_req *req,
		     enum sysmmu_fault kind, uint32_t info)
{
	l->fault_trans_info = info;
	if (kind == SYSMMU_FAULT_PAGE)
		l->page_fault_addr = req->va;
	else if (kind == SYSMMU_FAULT_BUS_ERROR)
		l->default_slave_addr = req->va;
	else if (req->write)
		l->aw_fault_addr = req->va;
	else
		l->ar_fault_addr = req->va;
}

static void v5_latch(struct sysmmu_latch *l, const struct sysmmu_req *req, uint32_t info)
{
	if (req->write) {
		l->aw_va = req->va;
		l->aw_info = info;
	} else {
		l->ar_va = req->va;
		l->ar_info = info;
	}
}

void fault_record(struct sysmmu *s, const struct sysmmu_req *req, enum sysmmu_fault kind)
{
	struct sysmmu_event ev = {
		.kind = SYSMMU_EV_FAULT,
		.index = -1,
		.fault = kind,
		.write = req->write,
		.va = req->va,
	};
	uint32_t info = trans_info(s, req);

	s->int_status |= fault_int_bit(s->cfg.variant, kind, req->write);
	if (sysmmu_is_v5(s))
		v5_latch(&s->latch, req, info);
	else
		v3_latch(&s->latch, req, kind, info);
	s->fault_block = true;
	s->cnt[SYSMMU_CNT_FAULT]++;
	sysmmu_emit(s, &ev);
}
