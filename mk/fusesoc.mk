# FuseSoC core of the RTL (sysmmu.core, docs/install.md "FuseSoC"). FuseSoC
# is not in Debian 12: the check parses and validates the core, compares
# its file list with RTL_SRCS (mk/rtl.mk) and runs its generator and lint
# target the way FuseSoC would.

# mk/rtl.mk is read after this file: name the generated package by its path.
.PHONY: rtl-srcs fusesoc-test
## rtl-srcs       print RTL_SRCS, the one RTL file list (compile order)
rtl-srcs:
	@echo $(RTL_SRCS)

## fusesoc-test   sysmmu.core: CAPI2 structure, file list = RTL_SRCS, generator, lint and sim targets
fusesoc-test: $(BUILD)/gen/sysmmu_regmap_pkg.sv
	$(PYTHON) tests/fusesoc/check-core --rtl-srcs "$(RTL_SRCS)" --gen-pkg $(RTL_GEN_PKG)
TEST_TARGETS += fusesoc-test

# Building the sim target's verilated model takes about a minute: not in make test.
## fusesoc-sim    fusesoc-test plus the sim target built and run as FuseSoC's Verilator backend would
.PHONY: fusesoc-sim
fusesoc-sim: $(BUILD)/gen/sysmmu_regmap_pkg.sv
	$(PYTHON) tests/fusesoc/check-core --rtl-srcs "$(RTL_SRCS)" --gen-pkg $(RTL_GEN_PKG) --sim
