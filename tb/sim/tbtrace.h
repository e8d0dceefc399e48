// SPDX-License-Identifier: Apache-2.0
/*
 * Testbench signals in the FST beside the RTL's, under TOP.tb: the vector
 * op being issued, and for the last response the DUT returned its op, the
 * model's (expected) and the DUT's (actual) PA and fault kind, a mismatch
 * flag and the count of mismatching events. With them a failure's
 * "op 1548, cycle 765" is found in the waves by value, not by hand.
 *
 * Verilator's trace file takes init/full/change callbacks from anyone
 * (that is how each verilated model registers itself); this registers one
 * more after the model, so its signals get the codes after the model's.
 * Only for VM_TRACE builds.
 */
#ifndef SYSMMU_TBTRACE_H
#define SYSMMU_TBTRACE_H

#include <cstdint>

#include <verilated_fst_c.h>

#include "sysmmu/scoreboard.h"

struct TbTrace {
	uint32_t op = 0;          /* vector op the driver is at */
	uint32_t rsp_op = 0;      /* op of the last response */
	uint64_t exp_pa = 0, act_pa = 0;
	uint8_t exp_fault = 0, act_fault = 0;
	uint8_t mismatch = 0;     /* the last response differed from the model */
	uint32_t errors = 0;      /* mismatching events so far */
	uint32_t base = 0;        /* first trace code */

	/* Before tfp->open(), after the model's own trace(). */
	void attach(VerilatedFstC *tfp)
	{
		tfp->spTrace()->addInitCb(&init, this);
		tfp->spTrace()->addFullCb(&full, this);
		tfp->spTrace()->addChgCb(&chg, this);
	}

	void update(size_t cur_op, const struct sb *sb)
	{
		struct sb_rsp_seen s;

		op = (uint32_t)cur_op;
		if (!sb)
			return;
		sb_last_rsp(sb, &s);
		if (s.op < 0)
			return;
		rsp_op = (uint32_t)s.op;
		exp_pa = s.exp_pa;
		act_pa = s.act_pa;
		exp_fault = (uint8_t)s.exp_fault;
		act_fault = (uint8_t)s.act_fault;
		mismatch = s.mismatch;
		errors = s.events;
	}

private:
	static void init(void *self, VerilatedFst *t, uint32_t code)
	{
		TbTrace *s = (TbTrace *)self;

		s->base = code;
		t->pushNamePrefix("TOP ");
		t->pushNamePrefix("tb ");
		t->declBus(code + 0, "op_index", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 31, 0);
		t->declBus(code + 1, "rsp_op_index", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 31, 0);
		t->declQuad(code + 2, "exp_pa", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 39, 0);
		t->declQuad(code + 4, "act_pa", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 39, 0);
		t->declBus(code + 6, "exp_fault_kind", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 2, 0);
		t->declBus(code + 7, "act_fault_kind", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 2, 0);
		t->declBit(code + 8, "mismatch", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1);
		t->declBus(code + 9, "errors", -1, FST_VD_IMPLICIT, FST_VT_VCD_WIRE, false, -1, 31, 0);
		t->popNamePrefix(2);
	}

	static void full(void *self, VerilatedFst::Buffer *b)
	{
		TbTrace *s = (TbTrace *)self;
		uint32_t *o = b->oldp(s->base);

		b->fullIData(o + 0, s->op, 32);
		b->fullIData(o + 1, s->rsp_op, 32);
		b->fullQData(o + 2, s->exp_pa, 40);
		b->fullQData(o + 4, s->act_pa, 40);
		b->fullCData(o + 6, s->exp_fault, 3);
		b->fullCData(o + 7, s->act_fault, 3);
		b->fullBit(o + 8, s->mismatch);
		b->fullIData(o + 9, s->errors, 32);
	}

	static void chg(void *self, VerilatedFst::Buffer *b)
	{
		TbTrace *s = (TbTrace *)self;
		uint32_t *o = b->oldp(s->base);

		b->chgIData(o + 0, s->op, 32);
		b->chgIData(o + 1, s->rsp_op, 32);
		b->chgQData(o + 2, s->exp_pa, 40);
		b->chgQData(o + 4, s->act_pa, 40);
		b->chgCData(o + 6, s->exp_fault, 3);
		b->chgCData(o + 7, s->act_fault, 3);
		b->chgBit(o + 8, s->mismatch);
		b->chgIData(o + 9, s->errors, 32);
	}
};

#endif /* SYSMMU_TBTRACE_H */
