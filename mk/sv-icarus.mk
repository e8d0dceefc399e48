# Icarus Verilog 11 (docs/simulators.md): the RTL parses and elaborates
# there too (lint), and replay mode runs vectors without DPI-C: sysmmu-ref
# --emit-replay writes stimulus + expected results, tb/sv/replay/ drives the
# RTL with them and compares. SYSMMU_IVERILOG guards what Icarus 11 lacks
# (elaboration-time $error in generate blocks, $past/$stable).

IVERILOG      ?= iverilog
VVP           ?= vvp
ICARUS_DIR    := $(BUILD)/icarus
ICARUS_FLAGS  := -g2012 -DSYSMMU_IVERILOG -Itb/sv
ICARUS_TB     := tb/sv/replay/sysmmu_replay_tb.sv
ICARUS_CONFIGS ?= $(SIM_CONFIGS)
ic_v = $(patsubst v%,%,$(word 1,$(subst _, ,$(1))))
ic_t = $(patsubst t%,%,$(word 2,$(subst _, ,$(1))))
ic_f = $(patsubst f%,%,$(word 3,$(subst _, ,$(1))))

# Icarus reports what it cannot synthesize and constant selects it widens
# as warnings/sorry; anything called an error fails the rule.
define icarus_lint_rule
$(RTL_OUT)/ilint-v$(1).ok: $(RTL_SRCS)
	@mkdir -p $$(@D)
	$(IVERILOG) $(ICARUS_FLAGS) -s $(RTL_TOP) -Psysmmu.VARIANT=$(1) -o $(RTL_OUT)/ilint-v$(1).vvp \
	  $(RTL_SRCS) >$(RTL_OUT)/ilint-v$(1).log 2>&1 || { cat $(RTL_OUT)/ilint-v$(1).log; exit 1; }
	@touch $$@
endef
$(foreach v,$(RTL_VARIANTS),$(eval $(call icarus_lint_rule,$(v))))
# make lint runs Verilator and Icarus.
lint: $(RTL_VARIANTS:%=$(RTL_OUT)/ilint-v%.ok)

# Icarus 11 schedules always_comb so that, with some stimulus, two blocks
# (sysmmu_ptw's result and sysmmu_top's done decode) re-trigger each other
# forever at one time step: simulated time stops, no watchdog can fire
# (generated vectors hit it; always @* never does). The replay build reads
# the RTL with always_comb as always @*, which is the same logic for these
# blocks (no function reads module state, and reset settles every block
# before the first check); make lint still elaborates the sources as written.
ICARUS_RTL := $(patsubst %,$(ICARUS_DIR)/rtl/%,$(notdir $(RTL_SRCS)))
$(ICARUS_DIR)/rtl/%.sv: rtl_model/%.sv mk/sv-icarus.mk
	@mkdir -p $(@D)
	sed 's/\<always_comb\>/always @*/' $< >$@
$(ICARUS_DIR)/rtl/$(notdir $(RTL_GEN_PKG)): $(RTL_GEN_PKG)
	@mkdir -p $(@D)
	cp $< $@

define icarus_cfg_rule
$(ICARUS_DIR)/$(1).vvp: $(ICARUS_RTL) $(ICARUS_TB) tb/sv/sysmmu_sv_dut.svh mk/sv-icarus.mk
	@mkdir -p $$(@D)
	$(IVERILOG) $(ICARUS_FLAGS) -s sysmmu_replay_tb -o $$@ -Psysmmu_replay_tb.VARIANT=$(call ic_v,$(1)) \
	  -Psysmmu_replay_tb.TLB_ENTRIES=$(call ic_t,$(1)) -Psysmmu_replay_tb.FLPD_ENTRIES=$(call ic_f,$(1)) \
	  $(ICARUS_RTL) $(ICARUS_TB) >$$@.log 2>&1 || { cat $$@.log; exit 1; }
endef
$(foreach c,$(ICARUS_CONFIGS),$(eval $(call icarus_cfg_rule,$(c))))
ICARUS_VVPS := $(ICARUS_CONFIGS:%=$(ICARUS_DIR)/%.vvp)

TEST_TARGETS += icarus-test
.PHONY: sim-icarus icarus-test
## sim-icarus     replay one vector on Icarus: make sim-icarus VEC=file.vec [ARGS=+timing_seed=N]
sim-icarus: $(ICARUS_VVPS) $(BUILD)/sysmmu-ref
	@test -n "$(VEC)" || { echo "make sim-icarus: give VEC=file.vec" >&2; exit 2; }
	$(PYTHON) tb/sv/replay/icarus-run --ref $(BUILD)/sysmmu-ref --vvp-dir $(ICARUS_DIR) \
	  --out $(ICARUS_DIR)/run $(VEC) $(ARGS)

## icarus-test    every directed vector and generated seeds (all profiles, v3 and v5) replayed on Icarus
icarus-test: $(ICARUS_VVPS) $(BUILD)/sysmmu-ref $(BUILD)/sysmmu-gen
	$(PYTHON) tb/sv/replay/icarus-run --ref $(BUILD)/sysmmu-ref --vvp-dir $(ICARUS_DIR) \
	  --out $(ICARUS_DIR)/test --jobs 2 --negative --gen $(BUILD)/sysmmu-gen --gen-seeds 2 \
	  $(sort $(wildcard vectors/directed/*.vec))

.PHONY: icarus-bug-inject
## icarus-bug-inject  every scripts/bug-inject recipe on a tree copy must fail the Icarus replay
icarus-bug-inject:
	$(PYTHON) scripts/harness-bug-inject --harness icarus $(BUGS)

.PHONY: bench-icarus
## bench-icarus   Verilator vs Icarus on the same vectors (cycles/s and translations/s, medians of 5)
bench-icarus: $(ICARUS_DIR)/v5_t32_f8.vvp $(BUILD)/sysmmu-ref $(BUILD)/sysmmu-gen $(SIM_BIN)
	$(PYTHON) tb/sv/replay/icarus-bench --sim $(SIM_BIN) --ref $(BUILD)/sysmmu-ref \
	  --gen $(BUILD)/sysmmu-gen --vvp-dir $(ICARUS_DIR) --out $(BUILD)/bench-icarus
