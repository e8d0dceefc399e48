# Functional coverage collector, regression runner and reports
# (docs/coverage.md; owner: regress area).

FCOV_LIB  := $(BUILD)/libsysmmu_fcov.a
FCOV_OBJS := $(BUILD)/tb/fcov.o
FCOV_UNIT := $(BUILD)/fcov-unit
# mk/vec.mk is read after this file, so name its library by its path here.
FCOV_VEC_LIB := $(BUILD)/libsysmmu_vec.a

# `make regress` (quick) and `make nightly` take extra runner options here,
# e.g. make regress REGRESS_ARGS="--seeds 20 --profiles tlb".
REGRESS_ARGS ?=
NIGHTLY_SEEDS ?= 2000
NIGHTLY_ARGS ?=

all: $(FCOV_LIB)
TEST_TARGETS += report-test

$(BUILD)/tb/fcov.o: tb/fcov.c include/sysmmu/fcov.h include/sysmmu/model.h \
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

## regress        quick lockstep regression (directed + 100 seeds); reports/latest/index.html
regress: $(BUILD)/sysmmu-sim
	$(PYTHON) scripts/regress --no-build --sim $(BUILD)/sysmmu-sim $(REGRESS_ARGS)

## nightly        NIGHTLY_SEEDS (2000) seeds with RTL code coverage; reports/latest/index.html
nightly: $(BUILD)/sysmmu-sim-cov
	$(PYTHON) scripts/regress --no-build --coverage --sim $(BUILD)/sysmmu-sim-cov \
		--seeds $(NIGHTLY_SEEDS) $(NIGHTLY_ARGS)
