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

# `make signoff`: the nightly (into its own report folder, so an older
# reports/latest is never judged), then scripts/signoff against the goals
# and testpoints of docs/testplan.toml. Fails and lists what is missing
# when a job fails, a goal is missed or a waiver is stale.
SIGNOFF_ID := $(shell date -u +%Y%m%d-%H%M%S)
.PHONY: signoff
## signoff        make nightly + scripts/signoff: every goal of docs/testplan.toml, or what is missing
signoff: testplan-test
	@$(MAKE) --no-print-directory nightly NIGHTLY_ARGS='$(NIGHTLY_ARGS) --out reports/$(SIGNOFF_ID)'; \
	rc=$$?; $(PYTHON) scripts/signoff --report reports/$(SIGNOFF_ID) || exit 1; \
	[ $$rc -eq 0 ] || { echo "signoff: make nightly exited $$rc"; exit 1; }
