# Reference model library, its Criterion unit tests, line coverage and
# micro-benchmark (docs/spec.md; owner: model area).

MODEL_SRCS := model/model.c model/regmap.c model/tlb.c model/flpd.c model/walk.c model/fault.c
MODEL_HDRS := $(wildcard model/*.h) include/sysmmu/model.h include/sysmmu/pte.h include/sysmmu/regs.h
MODEL_OBJS := $(MODEL_SRCS:%.c=$(BUILD)/%.o)
MODEL_LIB  := $(BUILD)/libsysmmu_ref.a

UNIT_SRCS  := $(sort $(wildcard tests/model/test_*.c))
UNIT_HDRS  := $(wildcard tests/model/*.h)
UNIT_BIN   := $(BUILD)/model-unit

all: $(MODEL_LIB) $(UNIT_BIN)
TEST_TARGETS += unit

$(BUILD)/model/%.o: model/%.c $(MODEL_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

## build/libsysmmu_ref.a  C reference model library (MODEL_LIB)
$(MODEL_LIB): $(MODEL_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

## build/model-unit  Criterion unit tests of the reference model
$(UNIT_BIN): $(UNIT_SRCS) $(UNIT_HDRS) $(MODEL_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_SRCS) $(MODEL_LIB) -lcriterion $(LDLIBS)

## unit           run the reference-model unit tests (Criterion)
.PHONY: unit
unit: $(UNIT_BIN)
	@$(UNIT_BIN) --jobs 2 --short-filename || { \
		echo "unit: FAILED; rerun one test with: $(UNIT_BIN) --verbose --filter 'SUITE/TEST'" \
		     "(names in the [FAIL] lines above)"; exit 1; }

# ---- line coverage of the model under the unit tests ----
MCOV_DIR  := $(BUILD)/model-cov
MCOV_OBJS := $(MODEL_SRCS:model/%.c=$(MCOV_DIR)/%.o)
MCOV_BIN  := $(MCOV_DIR)/model-unit
MCOV_HTML := $(BUILD)/model-coverage

$(MCOV_DIR)/%.o: model/%.c $(MODEL_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O0 --coverage -c -o $@ $<

$(MCOV_BIN): $(UNIT_SRCS) $(UNIT_HDRS) $(MCOV_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) --coverage -o $@ $(UNIT_SRCS) $(MCOV_OBJS) -lcriterion $(LDLIBS)

## model-coverage line coverage of model/ under the unit tests (lcov; HTML in build/model-coverage/)
.PHONY: model-coverage
model-coverage: $(MCOV_BIN)
	rm -f $(MCOV_DIR)/*.gcda
	$(MCOV_BIN) --jobs 1 --short-filename
	@# geninfo chatters about redefined Perl subroutines: show its stderr only on failure.
	lcov --quiet --capture --rc lcov_branch_coverage=1 --directory $(MCOV_DIR) \
		--output-file $(MCOV_DIR)/model.info 2>$(MCOV_DIR)/lcov.err || \
		{ cat $(MCOV_DIR)/lcov.err; exit 1; }
	lcov --quiet --extract $(MCOV_DIR)/model.info '$(CURDIR)/model/*' --rc lcov_branch_coverage=1 \
		--output-file $(MCOV_DIR)/model-only.info
	genhtml --quiet --branch-coverage --output-directory $(MCOV_HTML) $(MCOV_DIR)/model-only.info
	lcov --summary --rc lcov_branch_coverage=1 $(MCOV_DIR)/model-only.info
	@echo "model-coverage: HTML report in $(MCOV_HTML)/index.html"

# ---- micro-benchmark ----
BENCH_MODEL := $(BUILD)/bench-model

$(BENCH_MODEL): tests/model/bench_model.c $(MODEL_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(MODEL_LIB) $(LDLIBS)

all: $(BENCH_MODEL)

## bench-model    model translations/s, hit-heavy and walk-heavy streams (median of 5 runs)
.PHONY: bench-model
bench-model: $(BENCH_MODEL)
	$(BENCH_MODEL) 5
