/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SYSMMU reference model: public API (docs/spec.md).
 *
 * A small co-simulation interface in the spirit of Ibex's cosim.h: create a
 * model with a configuration and a page-table read callback, then drive it
 * with register accesses and translation requests in the order the hardware
 * sees them. No global state: any number of instances per process.
 */
#ifndef SYSMMU_MODEL_H
#define SYSMMU_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum sysmmu_variant {
	SYSMMU_V3 = 3,
	SYSMMU_V5 = 5,
};

/* Response fault kinds (spec §8); also the RTL's rsp_fault_kind_o encoding. */
enum sysmmu_fault {
	SYSMMU_FAULT_NONE = 0,
	SYSMMU_FAULT_PAGE = 1,
	SYSMMU_FAULT_MULTI_HIT = 2,
	SYSMMU_FAULT_BUS_ERROR = 3,
	SYSMMU_FAULT_ACC_PROT = 4,
	SYSMMU_FAULT_SEC_PROT = 5,
};
#define SYSMMU_FAULT_KINDS 6

/* TLB entry sizes (spec §6.1). */
enum sysmmu_size {
	SYSMMU_SIZE_4K = 0,
	SYSMMU_SIZE_64K = 1,
	SYSMMU_SIZE_1M = 2,
};

/* Performance counter indices (spec §10). */
enum sysmmu_counter {
	SYSMMU_CNT_TLB_HIT = 0,
	SYSMMU_CNT_TLB_MISS = 1,
	SYSMMU_CNT_PTW_READ = 2,
	SYSMMU_CNT_FLPD_HIT = 3,
	SYSMMU_CNT_FAULT = 4,
};

#define SYSMMU_TLB_MAX 64
#define SYSMMU_FLPD_MAX 16
#define SYSMMU_WALK_MAX 2

struct sysmmu_config {
	enum sysmmu_variant variant;
	unsigned tlb_entries;  /* 4..64 */
	unsigned flpd_entries; /* 1..16 */
	unsigned id_width;     /* 1..16 */
};

/*
 * Page-table read callback: read the 32-bit little-endian word at physical
 * address pa (4-byte aligned, < 2^PA_W). Return 0 and fill *data on success,
 * non-zero for a bus error (SLVERR/DECERR).
 */
typedef int (*sysmmu_mem_read_fn)(void *ctx, uint64_t pa, uint32_t *data);

struct sysmmu_req {
	uint32_t va;
	bool write;
	bool ns;        /* 1 = non-secure request */
	uint16_t id;
	uint8_t len;    /* burst length field, 0..15 */
};

struct sysmmu_result {
	uint64_t pa;              /* 0 on fault */
	enum sysmmu_fault fault;
	bool bypass;              /* translated with CTRL.EN == 0 */
	bool tlb_hit;             /* exactly one TLB match */
	bool flpd_hit;
	unsigned n_walk;          /* page-table reads made, 0..2 */
	uint64_t walk_addr[SYSMMU_WALK_MAX];
	uint32_t walk_data[SYSMMU_WALK_MAX];
	bool walk_err[SYSMMU_WALK_MAX];
	int tlb_index;            /* entry hit or filled, -1 if none */
	enum sysmmu_size size;    /* page size when a leaf was found */
};

/* Observer events for coverage and debugging. */
enum sysmmu_event_kind {
	SYSMMU_EV_TLB_HIT,     /* index, size */
	SYSMMU_EV_TLB_MISS,
	SYSMMU_EV_TLB_FILL,    /* index, size, evicted = victim was valid */
	SYSMMU_EV_FLPD_HIT,    /* index */
	SYSMMU_EV_FLPD_MISS,
	SYSMMU_EV_FLPD_FILL,   /* index, evicted */
	SYSMMU_EV_FLUSH,       /* flush kind, count = TLB entries removed,
				  flpd_count = FLPD entries removed */
	SYSMMU_EV_FAULT,       /* fault, write */
	SYSMMU_EV_MULTI_HIT,   /* count = matching entries */
};

enum sysmmu_flush_kind {
	SYSMMU_FLUSH_ALL,
	SYSMMU_FLUSH_ENTRY,
	SYSMMU_FLUSH_RANGE,
};

struct sysmmu_event {
	enum sysmmu_event_kind kind;
	int index;
	enum sysmmu_size size;
	bool evicted;
	enum sysmmu_flush_kind flush;
	unsigned count;
	unsigned flpd_count;
	enum sysmmu_fault fault;
	bool write;
	uint32_t va;
};

typedef void (*sysmmu_observer_fn)(void *ctx, const struct sysmmu_event *ev);

/* A TLB entry as the model holds it (spec §6.1), for dumps and checks. */
struct sysmmu_tlb_entry {
	bool valid;
	enum sysmmu_size size;
	uint32_t va_base;
	uint64_t pa_base;
	bool r, w, ns;
	unsigned rank;
};

struct sysmmu_flpd_entry {
	bool valid;
	uint32_t tag;    /* VA[31:20] */
	uint32_t entry;  /* raw level-1 link entry */
};

struct sysmmu;

/* Returns NULL if the configuration is out of range or memory runs out. */
struct sysmmu *sysmmu_create(const struct sysmmu_config *cfg,
			     sysmmu_mem_read_fn read, void *read_ctx);
void sysmmu_destroy(struct sysmmu *s);
void sysmmu_reset(struct sysmmu *s);
void sysmmu_set_observer(struct sysmmu *s, sysmmu_observer_fn fn, void *ctx);
const struct sysmmu_config *sysmmu_get_config(const struct sysmmu *s);

/*
 * APB access at byte offset off (PADDR[11:0]); strb is PSTRB.
 * Return 0 on success, -1 where the RTL answers PSLVERR (spec §9).
 * A failing read stores 0 in *val.
 */
int sysmmu_reg_read(struct sysmmu *s, uint32_t off, uint32_t *val);
int sysmmu_reg_write(struct sysmmu *s, uint32_t off, uint32_t val, unsigned strb);

/* True when a request would be accepted now (not blocked, spec §2.1). */
bool sysmmu_can_accept(const struct sysmmu *s);

/*
 * Translate one accepted request. The caller must check sysmmu_can_accept()
 * first; calling it while blocked returns -1 and changes nothing.
 */
int sysmmu_translate(struct sysmmu *s, const struct sysmmu_req *req,
		     struct sysmmu_result *res);

bool sysmmu_irq(const struct sysmmu *s);
bool sysmmu_blocked(const struct sysmmu *s);
uint32_t sysmmu_counter(const struct sysmmu *s, enum sysmmu_counter c);

/* Direct state access for scoreboards (no side effects). */
void sysmmu_tlb_get(const struct sysmmu *s, unsigned idx, struct sysmmu_tlb_entry *e);
void sysmmu_flpd_get(const struct sysmmu *s, unsigned idx, struct sysmmu_flpd_entry *e);

/* Names for reports. */
const char *sysmmu_fault_name(enum sysmmu_fault f);
const char *sysmmu_size_name(enum sysmmu_size sz);

#ifdef __cplusplus
}
#endif

#endif /* SYSMMU_MODEL_H */
