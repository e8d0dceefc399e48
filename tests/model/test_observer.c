// SPDX-License-Identifier: Apache-2.0
/*
 * Observer events (include/sysmmu/model.h) for coverage collectors.
 */
#include "helpers.h"

TestSuite(observer, .fini = fx_fini);

static void setup_v3_page(unsigned tlb, unsigned flpd)
{
	fx_setup(V3, tlb, flpd);
	mem_w(0x00100010, 0x00200401);
	mem_w(0x00200408, 0x00402012);
	mem_w(0x0020040C, 0x00403012);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN | SYSMMU_COM_CFG_EAP);
	fx_log_events();
}

static const struct sysmmu_event *ev(unsigned i, enum sysmmu_event_kind kind)
{
	cr_assert_lt(i, fx.n_ev, "event %u missing (%u logged)", i, fx.n_ev);
	cr_assert_eq(fx.ev[i].kind, kind, "event %u kind %d want %d", i, fx.ev[i].kind, kind);
	return &fx.ev[i];
}

Test(observer, miss_with_flpd_fill)
{
	const struct sysmmu_event *e;

	setup_v3_page(32, 8);
	rd_xl(0x00402ABC);
	cr_assert_eq(fx.n_ev, 4);
	e = ev(0, SYSMMU_EV_TLB_MISS);
	cr_assert_eq(e->va, 0x00402ABC);
	ev(1, SYSMMU_EV_FLPD_MISS);
	e = ev(2, SYSMMU_EV_FLPD_FILL);
	cr_assert_eq(e->index, 0);
	cr_assert_not(e->evicted);
	e = ev(3, SYSMMU_EV_TLB_FILL);
	cr_assert_eq(e->index, 0);
	cr_assert_eq(e->size, SYSMMU_SIZE_4K);
	cr_assert_not(e->evicted);
}

Test(observer, hit_and_flpd_hit)
{
	const struct sysmmu_event *e;

	setup_v3_page(32, 8);
	rd_xl(0x00402000);
	fx.n_ev = 0;
	rd_xl(0x00402FFC);
	cr_assert_eq(fx.n_ev, 1);
	e = ev(0, SYSMMU_EV_TLB_HIT);
	cr_assert_eq(e->index, 0);
	cr_assert_eq(e->size, SYSMMU_SIZE_4K);
	cr_assert_eq(e->va, 0x00402FFC);
	fx.n_ev = 0;
	rd_xl(0x00403000);
	cr_assert_eq(fx.n_ev, 3);
	ev(0, SYSMMU_EV_TLB_MISS);
	e = ev(1, SYSMMU_EV_FLPD_HIT);
	cr_assert_eq(e->index, 0);
	e = ev(2, SYSMMU_EV_TLB_FILL);
	cr_assert_eq(e->index, 1);
}

Test(observer, tlb_and_flpd_eviction)
{
	const struct sysmmu_event *e;
	unsigned i;

	fx_setup(V3, 4, 1);
	for (i = 0; i < 6; i++)
		mem_w(V3_L1B + 4 * i, 0x00200401);
	mem_w(0x00200400, 0x00000012);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	for (i = 0; i < 4; i++)
		rd_xl(i << 20);
	fx_log_events();
	rd_xl(0x00400000);
	cr_assert_eq(fx.n_ev, 4);
	e = ev(2, SYSMMU_EV_FLPD_FILL);
	cr_assert(e->evicted);
	e = ev(3, SYSMMU_EV_TLB_FILL);
	cr_assert(e->evicted);
	cr_assert_eq(e->index, 0);
}

Test(observer, page_fault_event)
{
	const struct sysmmu_event *e;

	setup_v3_page(32, 8);
	xl(0x00900000, true, false);
	cr_assert_eq(fx.n_ev, 3);
	ev(0, SYSMMU_EV_TLB_MISS);
	ev(1, SYSMMU_EV_FLPD_MISS);
	e = ev(2, SYSMMU_EV_FAULT);
	cr_assert_eq(e->fault, SYSMMU_FAULT_PAGE);
	cr_assert(e->write);
	cr_assert_eq(e->va, 0x00900000);
}

Test(observer, permission_fault_after_fill)
{
	const struct sysmmu_event *e;

	setup_v3_page(32, 8);
	mem_w(0x00200408, 0x00402212); /* read only */
	xl(0x00402000, true, false);
	cr_assert_eq(fx.n_ev, 5);
	ev(3, SYSMMU_EV_TLB_FILL);
	e = ev(4, SYSMMU_EV_FAULT);
	cr_assert_eq(e->fault, SYSMMU_FAULT_ACC_PROT);
}

Test(observer, multi_hit_three_matches)
{
	const struct sysmmu_event *e;
	struct sysmmu_result r;

	fx_setup(V3, 32, 8);
	fx_enable(0);
	mem_w(0x00100000, 0x00200401);
	mem_w(0x00200404, 0x00050012);    /* VA 0x1000: 4 KiB */
	rd_xl(0x00001000);
	mem_w(0x00200408, 0x00060011);    /* VA 0x2000: 64 KiB at VA 0 */
	rd_xl(0x00002000);
	mem_w(0x00100000, 0x00000402);    /* MiB 0: section */
	r = rd_xl(0x00010000);
	cr_assert_eq(r.size, SYSMMU_SIZE_1M);
	fx_log_events();
	r = rd_xl(0x00001234);
	cr_assert_eq(r.fault, SYSMMU_FAULT_MULTI_HIT);
	cr_assert_eq(fx.n_ev, 2);
	e = ev(0, SYSMMU_EV_MULTI_HIT);
	cr_assert_eq(e->count, 3);
	cr_assert_eq(e->va, 0x00001234);
	e = ev(1, SYSMMU_EV_FAULT);
	cr_assert_eq(e->fault, SYSMMU_FAULT_MULTI_HIT);
	cr_assert_not(e->write);
	/* One flush entry removes all three. */
	fx.n_ev = 0;
	wr(SYSMMU_V3_MMU_FLUSH_ENTRY, 0x00001001);
	e = ev(0, SYSMMU_EV_FLUSH);
	cr_assert_eq(e->count, 3);
}

Test(observer, flush_events_with_counts)
{
	const struct sysmmu_event *e;

	fx_setup(V5, 8, 4);
	mem_w(0x800000010ull, 0x98765441);
	mem_w(0x987654408ull, 0x0004020E);
	mem_w(0x80000000Cull, 0x98765441);
	mem_w(0x987654400ull, 0x0003000E);
	fx_enable(SYSMMU_COM_CFG_FLPD_EN);
	rd_xl(0x00402000);
	rd_xl(0x00300000);
	fx_log_events();
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x00402000); /* bit0 = 0: no event */
	cr_assert_eq(fx.n_ev, 0);
	wr(SYSMMU_V5_FLUSH_ENTRY, 0x00402001);
	e = ev(0, SYSMMU_EV_FLUSH);
	cr_assert_eq(e->flush, SYSMMU_FLUSH_ENTRY);
	cr_assert_eq(e->count, 1);
	cr_assert_eq(e->flpd_count, 1);
	cr_assert_eq(e->va, 0x00402000);
	wr(SYSMMU_V5_FLUSH_START, 0x00500000);
	wr(SYSMMU_V5_FLUSH_END, 0x00400000);
	wr(SYSMMU_V5_FLUSH_RANGE, 1);
	e = ev(1, SYSMMU_EV_FLUSH);
	cr_assert_eq(e->flush, SYSMMU_FLUSH_RANGE);
	cr_assert_eq(e->count, 0);
	cr_assert_eq(e->flpd_count, 0);
	wr(SYSMMU_V5_FLUSH_ALL, 1);
	e = ev(2, SYSMMU_EV_FLUSH);
	cr_assert_eq(e->flush, SYSMMU_FLUSH_ALL);
	cr_assert_eq(e->count, 1);
	cr_assert_eq(e->flpd_count, 1);
	cr_assert_eq(fx.n_ev, 3);
}

Test(observer, bypass_and_refused_emit_nothing)
{
	struct sysmmu_req req = { .va = 0x1000 };
	struct sysmmu_result r;

	fx_setup(V5, 8, 4);
	fx_log_events();
	rd_xl(0x00001000);
	wr(SYSMMU_COM_MMU_CTRL, SYSMMU_COM_CTRL_BLOCK);
	cr_assert_eq(sysmmu_translate(fx.m, &req, &r), -1);
	cr_assert_eq(fx.n_ev, 0);
}

Test(observer, removed_observer_not_called)
{
	setup_v3_page(32, 8);
	sysmmu_set_observer(fx.m, NULL, NULL);
	rd_xl(0x00402000);
	cr_assert_eq(fx.n_ev, 0);
}
