// SPDX-License-Identifier: Apache-2.0
/*
 * Register decode and APB accesses (docs/spec.md §9, §9.4, §10).
 */
#include "sysmmu/regs.h"
#include "fault.h"
#include "flpd.h"
#include "regmap.h"
#include "tlb.h"

static enum reg_id reg_decode_common(uint32_t off)
{
	switch (off) {
	case SYSMMU_COM_MMU_CTRL: return REG_CTRL;
	case SYSMMU_COM_MMU_CFG: return REG_CFG;
	case SYSMMU_COM_MMU_STATUS: return REG_STATUS;
	case SYSMMU_COM_MMU_VERSION: return REG_VERSION;
	default: return REG_NONE;
	}
}

/* PM_CNT[n] at base + stride * n, n = 0..4. */
static enum reg_id reg_decode_pm(uint32_t off, uint32_t base, uint32_t stride)
{
	uint32_t d = off - base;

	if (off < base || d % stride || d / stride >= SYSMMU_COM_PM_COUNT)
		return REG_NONE;
	return REG_PM_CNT0 + d / stride;
}

static enum reg_id reg_decode_v3(uint32_t off)
{
	switch (off) {
	case SYSMMU_V3_MMU_FLUSH: return REG_FLUSH_ALL;
	case SYSMMU_V3_MMU_FLUSH_ENTRY: return REG_FLUSH_ENTRY;
	case SYSMMU_V3_PT_BASE_ADDR: return REG_PT_BASE;
	case SYSMMU_V3_INT_STATUS: return REG_INT_STATUS;
	case SYSMMU_V3_INT_CLEAR: return REG_INT_CLEAR;
	case SYSMMU_V3_INT_MASK: return REG_INT_MASK;
	case SYSMMU_V3_PAGE_FAULT_ADDR: return REG_V3_PAGE_FAULT_ADDR;
	case SYSMMU_V3_AW_FAULT_ADDR: return REG_V3_AW_FAULT_ADDR;
	case SYSMMU_V3_AR_FAULT_ADDR: return REG_V3_AR_FAULT_ADDR;
	case SYSMMU_V3_DEFAULT_SLAVE_ADDR: return REG_V3_DEFAULT_SLAVE_ADDR;
	case SYSMMU_V3_TLB_READ: return REG_TLB_READ;
	case SYSMMU_V3_TLB_PPN: return REG_TLB_PPN;
	case SYSMMU_V3_TLB_VPN: return REG_TLB_VPN;
	case SYSMMU_V3_FAULT_TRANS_INFO: return REG_V3_FAULT_TRANS_INFO;
	case SYSMMU_V3_TLB_ATTR: return REG_TLB_ATTR;
	default: break;
	}
	return reg_decode_pm(off, SYSMMU_V3_PM_CNT0, SYSMMU_V3_PM_STRIDE);
}

static enum reg_id reg_decode_v5(uint32_t off)
{
	switch (off) {
	case SYSMMU_V5_PT_BASE_PFN: return REG_PT_BASE;
	case SYSMMU_V5_FLUSH_ALL: return REG_FLUSH_ALL;
	case SYSMMU_V5_FLUSH_ENTRY: return REG_FLUSH_ENTRY;
	case SYSMMU_V5_FLUSH_RANGE: return REG_FLUSH_RANGE;
	case SYSMMU_V5_FLUSH_START: return REG_FLUSH_START;
	case SYSMMU_V5_FLUSH_END: return REG_FLUSH_END;
	case SYSMMU_V5_CAPA: return REG_CAPA;
	case SYSMMU_V5_INT_STATUS: return REG_INT_STATUS;
	case SYSMMU_V5_INT_CLEAR: return REG_INT_CLEAR;
	case SYSMMU_V5_INT_MASK: return REG_INT_MASK;
	case SYSMMU_V5_FAULT_AR_VA: return REG_V5_AR_VA;
	case SYSMMU_V5_AR_TRANS_INFO: return REG_V5_AR_INFO;
	case SYSMMU_V5_FAULT_AW_VA: return REG_V5_AW_VA;
	case SYSMMU_V5_AW_TRANS_INFO: return REG_V5_AW_INFO;
	case SYSMMU_V5_TLB_READ: return REG_TLB_READ;
	case SYSMMU_V5_TLB_VPN: return REG_TLB_VPN;
	case SYSMMU_V5_TLB_PPN: return REG_TLB_PPN;
	case SYSMMU_V5_TLB_ATTR: return REG_TLB_ATTR;
	default: break;
	}
	return reg_decode_pm(off, SYSMMU_V5_PM_CNT0, SYSMMU_V5_PM_STRIDE);
}

enum reg_id reg_decode(enum sysmmu_variant v, uint32_t off)
{
	enum reg_id r = reg_decode_common(off);

	if (r != REG_NONE)
		return r;
	return v == SYSMMU_V5 ? reg_decode_v5(off) : reg_decode_v3(off);
}

/* ---- read-back (§9.4) ---- */

enum readback_field { RB_VPN, RB_PPN, RB_ATTR };

static uint32_t readback_tlb(const struct sysmmu *s, unsigned idx, enum readback_field f)
{
	struct sysmmu_tlb_entry e;
	uint32_t attr;

	if (idx >= s->tlb.n)
		return 0;
	tlb_get(&s->tlb, idx, &e);
	attr = (uint32_t)e.rank << SYSMMU_COM_ATTR_RANK_SHIFT;
	if (!e.valid)
		return f == RB_ATTR ? attr : 0;
	switch (f) {
	case RB_VPN:
		return e.va_base >> 12;
	case RB_PPN:
		return (uint32_t)(e.pa_base >> 12);
	default:
		return attr | SYSMMU_COM_ATTR_VALID |
		       (uint32_t)e.size << SYSMMU_COM_ATTR_SIZE_SHIFT |
		       (e.r ? SYSMMU_COM_ATTR_R : 0) | (e.w ? SYSMMU_COM_ATTR_W : 0) |
		       (e.ns ? SYSMMU_COM_ATTR_NS : 0);
	}
}

static uint32_t readback_flpd(const struct sysmmu *s, unsigned idx, enum readback_field f)
{
	const struct sysmmu_flpd_entry *e;

	if (idx >= s->flpd.n)
		return 0;
	e = &s->flpd.e[idx];
	if (!e->valid)
		return 0;
	switch (f) {
	case RB_VPN:
		return e->tag << 8;
	case RB_PPN:
		return e->entry;
	default:
		/* §9.4: a fixed 1 | 3 << 1 marks an FLPD entry (size code 3). */
		return SYSMMU_COM_ATTR_VALID | 3u << SYSMMU_COM_ATTR_SIZE_SHIFT;
	}
}

static uint32_t readback(const struct sysmmu *s, enum readback_field f)
{
	uint32_t sel = s->tlb_read;
	unsigned idx = (sel & SYSMMU_COM_TLB_READ_MASK) >> SYSMMU_COM_TLB_READ_IDX_SHIFT;

	if (!(sel & SYSMMU_COM_TLB_READ_EN))
		return 0;
	if (sel & SYSMMU_COM_TLB_READ_FLPD)
		return readback_flpd(s, idx, f);
	return readback_tlb(s, idx, f);
}

/* ---- reads ---- */

static uint32_t reg_version(const struct sysmmu *s)
{
	if (sysmmu_is_v5(s))
		return SYSMMU_V5_VERSION_BASE;
	return SYSMMU_V3_VERSION_BASE | (s->cfg.tlb_entries & 0x7F);
}

static uint32_t reg_value(const struct sysmmu *s, enum reg_id r)
{
	const struct sysmmu_latch *l = &s->latch;

	switch (r) {
	case REG_CTRL: return s->ctrl;
	case REG_CFG: return s->mmu_cfg;
	case REG_STATUS: return sysmmu_blocked(s) ? SYSMMU_COM_STATUS_BLOCKED : 0;
	case REG_VERSION: return reg_version(s);
	case REG_PT_BASE: return s->pt_base;
	case REG_FLUSH_START: return s->flush_start;
	case REG_FLUSH_END: return s->flush_end;
	case REG_CAPA: return s->cfg.tlb_entries | s->cfg.flpd_entries << 8;
	case REG_INT_STATUS: return s->int_status;
	case REG_INT_MASK: return s->int_mask;
	case REG_V3_PAGE_FAULT_ADDR: return l->page_fault_addr;
	case REG_V3_AW_FAULT_ADDR: return l->aw_fault_addr;
	case REG_V3_AR_FAULT_ADDR: return l->ar_fault_addr;
	case REG_V3_DEFAULT_SLAVE_ADDR: return l->default_slave_addr;
	case REG_V3_FAULT_TRANS_INFO: return l->fault_trans_info;
	case REG_V5_AR_VA: return l->ar_va;
	case REG_V5_AR_INFO: return l->ar_info;
	case REG_V5_AW_VA: return l->aw_va;
	case REG_V5_AW_INFO: return l->aw_info;
	case REG_TLB_READ: return s->tlb_read;
	case REG_TLB_VPN: return readback(s, RB_VPN);
	case REG_TLB_PPN: return readback(s, RB_PPN);
	case REG_TLB_ATTR: return readback(s, RB_ATTR);
	default: break;
	}
	if (r >= REG_PM_CNT0) /* the counters end the enum */
		return s->cnt[r - REG_PM_CNT0];
	return 0; /* write-only command registers read 0 */
}

int sysmmu_reg_read(struct sysmmu *s, uint32_t off, uint32_t *val)
{
	enum reg_id r;

	off &= 0xFFF;
	*val = 0;
	if (off & 3)
		return -1;
	r = reg_decode(s->cfg.variant, off);
	if (r == REG_NONE)
		return -1;
	*val = reg_value(s, r);
	return 0;
}

/* ---- writes ---- */

static void flush_event(struct sysmmu *s, enum sysmmu_flush_kind kind, unsigned tlb_count,
			unsigned flpd_count, uint32_t va)
{
	struct sysmmu_event ev = {
		.kind = SYSMMU_EV_FLUSH,
		.index = -1,
		.flush = kind,
		.count = tlb_count,
		.flpd_count = flpd_count,
		.va = va,
	};

	sysmmu_emit(s, &ev);
}

static void do_flush(struct sysmmu *s, enum reg_id r, uint32_t val)
{
	uint32_t va = val & ~0xFFFu;
	uint32_t start = s->flush_start & ~0xFFFu;
	uint32_t end = s->flush_end | 0xFFFu;
	unsigned nt, nf;

	if (!(val & SYSMMU_COM_FLUSH_GO))
		return;
	switch (r) {
	case REG_FLUSH_ALL:
		nt = tlb_flush_all(&s->tlb);
		nf = flpd_flush_all(&s->flpd);
		flush_event(s, SYSMMU_FLUSH_ALL, nt, nf, 0);
		break;
	case REG_FLUSH_ENTRY:
		nt = tlb_flush_entry(&s->tlb, va);
		nf = flpd_flush_tag(&s->flpd, va >> 20);
		flush_event(s, SYSMMU_FLUSH_ENTRY, nt, nf, va);
		break;
	default:
		nt = tlb_flush_range(&s->tlb, start, end);
		nf = flpd_flush_range(&s->flpd, start, end);
		flush_event(s, SYSMMU_FLUSH_RANGE, nt, nf, start);
		break;
	}
}

static void reg_store(struct sysmmu *s, enum reg_id r, uint32_t val)
{
	switch (r) {
	case REG_CTRL:
		s->ctrl = val & SYSMMU_COM_CTRL_MASK;
		s->fault_block = false;
		return;
	case REG_CFG:
		s->mmu_cfg = val & (sysmmu_is_v5(s) ? SYSMMU_V5_CFG_MASK : SYSMMU_V3_CFG_MASK);
		return;
	case REG_PT_BASE:
		s->pt_base = sysmmu_is_v5(s) ? val & SYSMMU_V5_PT_BASE_PFN_MASK : val;
		return;
	case REG_FLUSH_START:
		s->flush_start = val;
		return;
	case REG_FLUSH_END:
		s->flush_end = val;
		return;
	case REG_INT_CLEAR:
		s->int_status &= ~(val & fault_int_mask_all(s->cfg.variant));
		return;
	case REG_INT_MASK:
		s->int_mask = val & fault_int_mask_all(s->cfg.variant);
		return;
	case REG_TLB_READ:
		s->tlb_read = val & SYSMMU_COM_TLB_READ_MASK;
		return;
	case REG_FLUSH_ALL:
	case REG_FLUSH_ENTRY:
	case REG_FLUSH_RANGE:
		do_flush(s, r, val);
		return;
	default:
		break;
	}
	if (r >= REG_PM_CNT0) /* the counters end the enum */
		s->cnt[r - REG_PM_CNT0] = val;
	/* Anything else is read-only: the write is ignored without error. */
}

int sysmmu_reg_write(struct sysmmu *s, uint32_t off, uint32_t val, unsigned strb)
{
	enum reg_id r;

	off &= 0xFFF;
	if ((off & 3) || strb != 0xF)
		return -1;
	r = reg_decode(s->cfg.variant, off);
	if (r == REG_NONE)
		return -1;
	reg_store(s, r, val);
	return 0;
}
