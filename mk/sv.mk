# SV harness over DPI-C (docs/simulators.md): the DPI layer over the
# scoreboard (tb/dpi/), the SV testbench (tb/sv/) verilated with
# --binary --timing, one build per configuration, and the launcher
# build/sysmmu-sim-sv that takes sysmmu-sim's command line.

SV_CONFIGS  ?= $(SIM_CONFIGS)
SV_DIR      := $(BUILD)/sv
SV_BIN      := $(BUILD)/sysmmu-sim-sv
SV_DPI_LIB  := $(BUILD)/libsysmmu_sb_dpi.a
SV_TB_SRCS  := tb/dpi/sysmmu_sb_pkg.sv tb/sv/sysmmu_sv_rng_pkg.sv tb/sv/sysmmu_sv_clkrst.sv \
               tb/sv/sysmmu_sv_apb.sv tb/sv/sysmmu_sv_req.sv tb/sv/sysmmu_sv_rsp_mon.sv \
               tb/sv/sysmmu_sv_axi_mem.sv tb/sv/sysmmu_sv_tb.sv
SV_VL_INC   := $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)/include/vltstd
SV_VFLAGS   := --binary --timing --assert -j 1 --top-module sysmmu_sv_tb --timescale 1ns/1ps -I$(abspath tb/sv) \
               -MAKEFLAGS "OPT_FAST=-O2 OPT_GLOBAL=-O2"
# Libraries the DPI layer needs, in link order (the last three are defined
# by fragments read later: named by path).
SV_LINK     := $(SV_DPI_LIB) $(BUILD)/libsysmmu_fcov.a $(BUILD)/libsysmmu_vec.a $(BUILD)/libsysmmu_ref.a

all: $(SV_BIN)
TEST_TARGETS += sv-test

$(BUILD)/dpi/sysmmu_sb_dpi.o: tb/dpi/sysmmu_sb_dpi.c include/sysmmu/scoreboard.h include/sysmmu/vec.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -isystem $(SV_VL_INC) -c -o $@ $<

## build/libsysmmu_sb_dpi.a  DPI-C layer + scoreboard (link with fcov, vec, ref libraries)
$(SV_DPI_LIB): $(BUILD)/dpi/sysmmu_sb_dpi.o $(BUILD)/tb/scoreboard.o
	rm -f $@
	ar rcs $@ $^

define sv_cfg_rule
$(SV_DIR)/$(1)/Vsysmmu_sv: $$(RTL_SRCS) $(SV_TB_SRCS) tb/sv/sysmmu_sv_dut.svh $(SV_LINK) mk/sv.mk
	@rm -rf $$(@D) && mkdir -p $$(@D)
	$(VERILATOR) $(SV_VFLAGS) -Mdir $$(@D) -o Vsysmmu_sv \
	  -GVARIANT=$(call sim_v,$(1)) -GTLB_ENTRIES=$(call sim_t,$(1)) -GFLPD_ENTRIES=$(call sim_f,$(1)) \
	  $$(abspath $$(RTL_SRCS) $(SV_TB_SRCS) $(SV_LINK)) -LDFLAGS "-lm $(SANFLAGS)" \
	  $(if $(SANFLAGS),-CFLAGS "$(SANFLAGS) $(VL_SANFLAGS)") \
	  >$$(@D)/verilator.log 2>&1 || { tail -40 $$(@D)/verilator.log; exit 1; }
endef
$(foreach c,$(SV_CONFIGS),$(eval $(call sv_cfg_rule,$(c))))

## build/sysmmu-sim-sv  SV harness (DPI-C scoreboard), sysmmu-sim's options and result.json
$(SV_BIN): tb/sv/sysmmu-sim-sv $(foreach c,$(SV_CONFIGS),$(SV_DIR)/$(c)/Vsysmmu_sv)
	cp tb/sv/sysmmu-sim-sv $@
	chmod +x $@

.PHONY: sv-test sim-sv
## sim-sv         run the SV harness: make sim-sv VEC=file.vec | SEED=N PROFILE=P OPS=M [ARGS=...]
sim-sv: $(SV_BIN)
	$(SV_BIN) $(SIM_RUN_ARGS) --json $(BUILD)/sim-sv-result.json $(ARGS)

## sv-test        SV harness beside sysmmu-sim: directed set + generated seeds, equal results
sv-test: $(SV_BIN) $(SIM_BIN)
	$(PYTHON) tb/sv/sv-test --sim $(SIM_BIN) --sim-sv $(SV_BIN) --out $(BUILD)/sv-test

.PHONY: sv-bug-inject
## sv-bug-inject  every scripts/bug-inject recipe on a tree copy must fail sysmmu-sim-sv
sv-bug-inject:
	$(PYTHON) scripts/harness-bug-inject --harness sv $(BUGS)
