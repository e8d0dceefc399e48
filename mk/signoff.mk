# Sign-off: the testplan and its checker (docs/testplan.toml, issue 10).
# mk/vec.mk is read after this file: its programs are named by path.

FCOV_BINS := $(BUILD)/sysmmu-fcov-bins

## build/sysmmu-fcov-bins  prints the functional coverage bins (testplan checker)
$(FCOV_BINS): tb/fcov_bins.c $(FCOV_LIB) $(BUILD)/libsysmmu_vec.a $(MODEL_LIB) \
		include/sysmmu/fcov.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(FCOV_LIB) $(BUILD)/libsysmmu_vec.a \
		$(MODEL_LIB) $(LDLIBS)

all: $(FCOV_BINS)
TEST_TARGETS += testplan-test

## testplan-test  docs/testplan.toml against spec sections, vectors, profiles, bins
.PHONY: testplan-test
testplan-test: $(FCOV_BINS) $(BUILD)/sysmmu-gen
	$(PYTHON) scripts/testplan --fcov-bins $(FCOV_BINS) --gen $(BUILD)/sysmmu-gen
