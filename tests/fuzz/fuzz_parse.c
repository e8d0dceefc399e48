// SPDX-License-Identifier: Apache-2.0
/*
 * libFuzzer target: the vector parser and writer. Any input either fails
 * with a "name:line: message" error or parses; a parsed vector written in
 * canonical form parses back to the same vector (every field but the
 * source line) and the same canonical text (vec.h: parse(write(v)) == v).
 */
#define _GNU_SOURCE
#include <stdbool.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_op(const struct vec_op *a, const struct vec_op *b)
{
	return a->kind == b->kind && a->addr == b->addr && a->addr2 == b->addr2 &&
	       a->data == b->data && a->mask == b->mask && a->strb == b->strb &&
	       a->has_expect == b->has_expect && a->write == b->write && a->ns == b->ns &&
	       a->id == b->id && a->len == b->len && a->expect == b->expect &&
	       a->exp_pa == b->exp_pa && a->exp_fault == b->exp_fault &&
	       a->exp_hit == b->exp_hit && a->exp_va == b->exp_va &&
	       a->exp_irq == b->exp_irq && a->exp_blocked == b->exp_blocked;
}

static bool same_vec(const struct vec *a, const struct vec *b)
{
	if (a->version != b->version || a->variant != b->variant ||
	    a->tlb_entries != b->tlb_entries || a->flpd_entries != b->flpd_entries ||
	    a->id_width != b->id_width || a->n_ops != b->n_ops)
		return false;
	for (size_t i = 0; i < a->n_ops; i++)
		if (!same_op(&a->ops[i], &b->ops[i]))
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], *text, *w1, *w2;
	struct vec v, v2;
	size_t n1, n2;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	text = fuzz_text(data, size);
	if (vec_parse_string("fuzz.vec", text, &v, err, sizeof(err))) {
		/* every error names the input and a line */
		if (strncmp(err, "fuzz.vec:", 9))
			abort();
		free(text);
		return 0;
	}
	free(text);
	w1 = fuzz_write(&v, &n1);
	if (vec_parse_string("canon.vec", w1, &v2, err, sizeof(err))) {
		fprintf(stderr, "canonical text does not parse: %s\n", err);
		abort();
	}
	if (!same_vec(&v, &v2)) {
		fprintf(stderr, "parse(write(v)) != v\n");
		abort();
	}
	w2 = fuzz_write(&v2, &n2);
	if (n1 != n2 || memcmp(w1, w2, n1)) {
		fprintf(stderr, "write(parse(write(v))) != write(v)\n");
		abort();
	}
	free(w1);
	free(w2);
	vec_free(&v);
	vec_free(&v2);
	return 0;
}
