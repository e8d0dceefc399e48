// SPDX-License-Identifier: Apache-2.0
/*
 * libFuzzer target: the executor and the reference model on any vector the
 * parser accepts (expectations may fail; nothing may crash, leak, overflow
 * or hit undefined behaviour).
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], *text;
	struct vec v;

	if (size > FUZZ_MAX_INPUT)
		return 0;
	text = fuzz_text(data, size);
	if (!vec_parse_string("fuzz.vec", text, &v, err, sizeof(err))) {
		fuzz_exec(&v);
		vec_free(&v);
	}
	free(text);
	return 0;
}
