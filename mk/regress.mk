# Functional coverage collector, regression runner and reports
# (docs/coverage.md; owner: regress area).

FCOV_LIB  := $(BUILD)/libsysmmu_fcov.a
FCOV_OBJS := $(BUILD)/tb/fcov.o
FCOV_UNIT := $(BUILD)/fcov-unit
# mk/vec.mk is read after this file, so name its library by its path here.
FCOV_VEC_LIB := $(BUILD)/libsysmmu_vec.a

# `make regress` (quick) and `make nightly` take extra runner options here,
# e.g. make regress REGRESS_ARGS="--seeds 20 --profiles tlb".
REGRESS_SEEDS ?= 1000
REGRESS_OPS ?= 5000
REGRESS_ARGS ?=
NIGHTLY_SEEDS ?= 2000
NIGHTLY_OPS ?= 5000
NIGHTLY_ARGS ?=

# Random jobs run on every verilated configuration of mk/sim.mk:
# v5_t4_f8 -> 5/4/8 (expanded in the recipe: sim.mk is read later).
regress_comma := ,
regress_empty :=
regress_space := $(regress_empty) $(regress_empty)
regress_cfgs = $(subst $(regress_space),$(regress_comma),$(strip \
	$(foreach c,$(1),$(subst _t,/,$(subst _f,/,$(patsubst v%,%,$(c)))))))

all: $(FCOV_LIB)
TEST_TARGETS += fcov-test report-test

$(BUILD)/tb/fcov.o: tb/fcov.c include/sysmmu/fcov.h include/sysmmu/model.h include/sysmmu/pte.h \
		include/sysmmu/vec.h include/sysmmu/regs.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

## build/libsysmmu_fcov.a  functional coverage collector (FCOV_LIB)
$(FCOV_LIB): $(FCOV_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

## build/fcov-unit  Criterion tests of the coverage collector on the real model
$(FCOV_UNIT): tests/fcov/test_fcov.c $(FCOV_LIB) $(FCOV_VEC_LIB) $(MODEL_LIB) \
		include/sysmmu/fcov.h include/sysmmu/pte.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(FCOV_LIB) $(FCOV_VEC_LIB) $(MODEL_LIB) \
		-lcriterion $(LDLIBS)

## fcov-test      run the coverage collector's unit tests
.PHONY: fcov-test report-test regress nightly
fcov-test: $(FCOV_UNIT)
	$(FCOV_UNIT) --jobs 2 --short-filename

## report-test    tests of the regression runner, minimizer and reports (fake simulator)
report-test:
	$(PYTHON) -m unittest discover -s tests/report

## signal-stress  SIGINT/SIGTERM at 50 random moments and 50 job ends: lost reports (fake sim)
.PHONY: signal-stress
signal-stress:
	$(PYTHON) tests/report/signal-stress --trials 50

## regress        quick lockstep regression: directed + REGRESS_SEEDS (1000) seeds; reports/latest/
regress: $(BUILD)/sysmmu-sim
	$(PYTHON) scripts/regress --no-build --sim $(BUILD)/sysmmu-sim \
		--configs $(call regress_cfgs,$(SIM_CONFIGS)) \
		--seeds $(REGRESS_SEEDS) --ops $(REGRESS_OPS) $(REGRESS_ARGS)

## nightly        NIGHTLY_SEEDS (2000) seeds on the coverage build + RTL/functional coverage
nightly: $(BUILD)/sysmmu-sim-cov $(BUILD)/sysmmu-sim
	$(PYTHON) scripts/regress --no-build --coverage --sim $(BUILD)/sysmmu-sim-cov \
		--configs $(call regress_cfgs,$(SIM_COV_CONFIGS)) \
		--seeds $(NIGHTLY_SEEDS) --ops $(NIGHTLY_OPS) $(NIGHTLY_ARGS)
