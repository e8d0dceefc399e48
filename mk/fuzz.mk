# libFuzzer targets (clang, ASan + UBSan) of the vector parser and writer,
# the executor on the reference model, and the generator's options with the
# command-line number parser (tests/fuzz/, docs/vectors.md "Fuzzing").
#
# model.mk and vec.mk are read after this fragment: the sources are named
# here directly. Crashes found are kept in tests/fuzz/corpus/<target>/ and
# replayed by every run before it fuzzes.

FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_TARGETS := parse exec gen
FUZZ_SECONDS ?= 20
FUZZ_FLAGS   := -std=c11 -O1 -g -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined \
                -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_SRCS    := model/model.c model/regmap.c model/tlb.c model/flpd.c model/walk.c model/fault.c \
                tb/vec.c tb/vmem.c tb/vexec.c tb/gen.c tb/gen_act.c tb/num.c
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz-%)

TEST_TARGETS += fuzz

$(FUZZ_DIR)/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_SRCS) \
		$(wildcard include/sysmmu/*.h model/*.h tb/gen*.h) tb/common/num.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Iinclude -Itb/common -Itb -o $@ $< $(FUZZ_SRCS) -lm

.PHONY: fuzz
## fuzz           libFuzzer on parser, executor, generator options: kept crashes, then
##                FUZZ_SECONDS (20) of fuzzing per target; part of make test
fuzz: $(FUZZ_BINS)
	$(PYTHON) tests/fuzz/run-fuzz --build $(FUZZ_DIR) --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)
