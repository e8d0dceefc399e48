// SPDX-License-Identifier: Apache-2.0
/*
 * Faults and interrupts (docs/spec.md §8).
 */
#include "sysmmu/regs.h"
#include "fault.h"

static uint32_t v3_int_bit(enum sysmmu_fault kind, bool write)
{
	switch (kind) {
	case SYSMMU_FAULT_PAGE:
		return SYSMMU_V3_INT_PAGE_FAULT;
	case SYSMMU_FAULT_BUS_ERROR:
		return SYSMMU_V3_INT_BUS_ERROR;
	case SYSMMU_FAULT_MULTI_HIT:
		return write ? SYSMMU_V3_INT_AW_MULTI_HIT : SYSMMU_V3_INT_AR_MULTI_HIT;
	case SYSMMU_FAULT_ACC_PROT:
		return write ? SYSMMU_V3_INT_AW_ACC_PROT : SYSMMU_V3_INT_AR_ACC_PROT;
	case SYSMMU_FAULT_SEC_PROT:
		return write ? SYSMMU_V3_INT_AW_SEC_PROT : SYSMMU_V3_INT_AR_SEC_PROT;
	default:
		return 0;
	}
}

static uint32_t v5_int_bit(enum sysmmu_fault kind, bool write)
{
	uint32_t bit;

	switch (kind) {
	case SYSMMU_FAULT_PAGE:
		bit = SYSMMU_V5_INT_PAGE_FAULT;
		break;
	case SYSMMU_FAULT_BUS_ERROR:
		bit = SYSMMU_V5_INT_BUS_ERROR;
		break;
	case SYSMMU_FAULT_MULTI_HIT:
		bit = SYSMMU_V5_INT_MULTI_HIT;
		break;
	case SYSMMU_FAULT_ACC_PROT:
		bit = SYSMMU_V5_INT_ACC_PROT;
		break;
	case SYSMMU_FAULT_SEC_PROT:
		bit = SYSMMU_V5_INT_SEC_PROT;
		break;
	default:
		return 0;
	}
	return write ? bit << SYSMMU_V5_INT_AW_SHIFT : bit;
}

uint32_t fault_int_bit(enum sysmmu_variant v, enum sysmmu_fault kind, bool write)
{
	if (v == SYSMMU_V5)
		return v5_int_bit(kind, write);
	return v3_int_bit(kind, write);
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
