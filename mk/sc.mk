# SystemC: TLM-2.0 wrapper of the reference model, its vector test, and the
# SystemC lockstep harness (docs/systemc.md).
#
# Fragments after this one (sim.mk, vec.mk) define their libraries later in
# the parse, so prerequisites name the contract paths directly; recipes may
# use the variables.

SC_TLM_LIB  := $(BUILD)/libsysmmu_tlm.a
SC_REF_LIB  := $(BUILD)/libsysmmu_ref.a
SC_VEC_LIB  := $(BUILD)/libsysmmu_vec.a
SC_CXXFLAGS := -std=c++17 -Wall -Wextra -Werror $(OPT) $(CXXFLAGS) -MMD -MP
SC_CPPFLAGS := $(CPPFLAGS) -Itb/sc
SC_LDLIBS   := -lsystemc -pthread -latomic -lm
SC_ENV      := SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1
SC_VECTORS   = $(sort $(wildcard vectors/directed/*.vec))

.PHONY: tlm-test sc-test sim-sc bench-sc sc-example

$(BUILD)/sc/%.o: tb/sc/%.cpp
	@mkdir -p $(dir $@)
	$(CXX) $(SC_CXXFLAGS) $(SC_CPPFLAGS) -c $< -o $@

$(SC_TLM_LIB): $(BUILD)/sc/sysmmu_tlm.o
	rm -f $@
	ar rcs $@ $^

## build/sysmmu-tlm-test  run vectors through the TLM-2.0 wrapper (sysmmu-tlm-test FILE.vec...)
$(BUILD)/sysmmu-tlm-test: $(BUILD)/sc/tlm_test.o $(SC_TLM_LIB) $(SC_VEC_LIB) $(SC_REF_LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(SC_LDLIBS)

## tlm-test       every directed vector through the TLM wrapper, cross-checked with vexec
tlm-test: $(BUILD)/sysmmu-tlm-test
	$(SC_ENV) $(BUILD)/sysmmu-tlm-test $(SC_VECTORS) $(wildcard tb/sc/test/tlm_*.vec)

# ---- sysmmu-sim-sc: the RTL verilated with --sc, one model per configuration ----
# Configurations: <variant>_<tlb entries>_<flpd entries>; tb/sc/sim_sc.cpp
# dispatches on the same list.
SC_CONFIGS  := v3_32_8 v5_32_8 v5_4_8 v3_4_1 v5_64_16
SC_VL_DIR   := $(BUILD)/sc/vl
VL_ROOT     := $(shell verilator --getenv VERILATOR_ROOT 2>/dev/null)
SC_VL_INC   := -isystem $(VL_ROOT)/include -isystem $(VL_ROOT)/include/vltstd
SC_VL_DEFS  := -DVM_SC=1 -DVM_TRACE=1 -DVM_TRACE_FST=1 -DVM_TRACE_VCD=0 -DVM_COVERAGE=0
SC_VL_FLAGS := --sc --trace-fst --assert -j 1 -MAKEFLAGS "OPT_FAST=-O2 OPT_GLOBAL=-O2"
SC_VL_RT    := verilated verilated_fst_c verilated_fst_sc verilated_threads
SC_VL_RT_OBJS := $(SC_VL_RT:%=$(SC_VL_DIR)/rt/%.o)
sc_cfg_var  = $(patsubst v%,%,$(word 1,$(subst _, ,$(1))))
sc_cfg_tlb  = $(word 2,$(subst _, ,$(1)))
sc_cfg_flpd = $(word 3,$(subst _, ,$(1)))

define sc_vl_rule
$(SC_VL_DIR)/$(1)/Vsysmmu_sc_$(1)__ALL.a: $(RTL_SRCS)
	@rm -rf $(SC_VL_DIR)/$(1) && mkdir -p $(SC_VL_DIR)/$(1)
	verilator $(SC_VL_FLAGS) --prefix Vsysmmu_sc_$(1) --top-module $(RTL_TOP) \
		-GVARIANT=$(call sc_cfg_var,$(1)) -GTLB_ENTRIES=$(call sc_cfg_tlb,$(1)) \
		-GFLPD_ENTRIES=$(call sc_cfg_flpd,$(1)) -GID_W=16 \
		-Mdir $(SC_VL_DIR)/$(1) --build $(abspath $(RTL_SRCS)) >$(SC_VL_DIR)-$(1).log 2>&1 \
		|| { tail -30 $(SC_VL_DIR)-$(1).log; exit 1; }
SC_VL_LIBS += $(SC_VL_DIR)/$(1)/Vsysmmu_sc_$(1)__ALL.a
endef
$(foreach c,$(SC_CONFIGS),$(eval $(call sc_vl_rule,$(c))))

$(SC_VL_DIR)/rt/%.o: $(VL_ROOT)/include/%.cpp
	@mkdir -p $(dir $@)
	$(CXX) -std=c++17 -O2 $(SC_VL_INC) $(SC_VL_DEFS) -c $< -o $@

# sim_sc.cpp includes every configuration's header.
$(BUILD)/sc/sim_sc.o: tb/sc/sim_sc.cpp $(SC_VL_LIBS)
	@mkdir -p $(dir $@)
	$(CXX) $(SC_CXXFLAGS) $(SC_CPPFLAGS) $(SC_VL_INC) $(SC_VL_DEFS) \
		$(addprefix -isystem $(SC_VL_DIR)/,$(SC_CONFIGS)) -Itb/sim -c $< -o $@

# The .gtkw writer of the C++ harness, reused as is (FST reader in Verilator's runtime).
$(BUILD)/sc/gtkw.o: tb/sim/gtkw.cpp tb/sim/sim.h
	@mkdir -p $(dir $@)
	$(CXX) $(SC_CXXFLAGS) $(SC_CPPFLAGS) $(SC_VL_INC) -Itb/sim -c $< -o $@

$(BUILD)/sc/scoreboard.o: tb/scoreboard.c $(wildcard include/sysmmu/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

## build/sysmmu-sim-sc  lockstep testbench, RTL verilated as SystemC (same options as sysmmu-sim)
$(BUILD)/sysmmu-sim-sc: $(BUILD)/sc/sim_sc.o $(BUILD)/sc/sim_sc_opts.o $(BUILD)/sc/scoreboard.o $(BUILD)/sc/gtkw.o \
		$(SC_VL_LIBS) $(SC_VL_RT_OBJS) $(BUILD)/libsysmmu_fcov.a $(SC_VEC_LIB) $(SC_REF_LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(SC_LDLIBS) -lz

# ---- checks and convenience targets ----
SC_RUN_ARGS = $(if $(VEC),$(VEC),--seed $(or $(SEED),1) --profile $(or $(PROFILE),stress) --ops $(or $(OPS),2000))

## sim-sc         run sysmmu-sim-sc: make sim-sc VEC=file.vec | SEED=N PROFILE=P OPS=M [ARGS=...]
sim-sc: $(BUILD)/sysmmu-sim-sc
	$(SC_ENV) $(BUILD)/sysmmu-sim-sc $(SC_RUN_ARGS) --json $(BUILD)/sim-sc-result.json $(ARGS)

## sc-test        SystemC: TLM test, README example, SystemC vs C++ harness on directed + random vectors
sc-test: $(BUILD)/sysmmu-sim-sc $(BUILD)/sysmmu-sim $(BUILD)/sysmmu-tlm-test $(BUILD)/sysmmu-gen sc-example
	$(PYTHON) tb/sc/sc-test --sim-sc $(BUILD)/sysmmu-sim-sc --sim $(BUILD)/sysmmu-sim \
		--tlm-test $(BUILD)/sysmmu-tlm-test --gen $(BUILD)/sysmmu-gen --out $(BUILD)/sc-test

## bench-sc       checked translations/s of the SystemC harness (tlb, stress; medians)
bench-sc: $(BUILD)/sysmmu-sim-sc
	$(PYTHON) tb/sc/bench-sc --sim-sc $(BUILD)/sysmmu-sim-sc

# The README's SystemC example, extracted, compiled and run exactly as the
# README says (so the snippet cannot rot).
$(BUILD)/sc/readme_example.cpp: README.md
	@mkdir -p $(dir $@)
	awk '/<!-- sc-example -->/ { on = 1; next } on && /^```/ { if (code) exit; code = 1; next } code' \
		README.md >$@
	@test -s $@ || { echo "README.md: no code block after <!-- sc-example -->" >&2; rm -f $@; exit 1; }

$(BUILD)/sc/readme_example: $(BUILD)/sc/readme_example.cpp $(SC_TLM_LIB) $(SC_REF_LIB)
	$(CXX) -std=c++17 -Wall -Wextra -Werror $(CXXFLAGS) -Iinclude -Itb/sc $< -o $@ \
		$(SC_TLM_LIB) $(SC_REF_LIB) -lsystemc -pthread -latomic $(LDFLAGS)

## sc-example     compile and run the SystemC example of README.md
sc-example: $(BUILD)/sc/readme_example
	$(SC_ENV) $(BUILD)/sc/readme_example

all: $(SC_TLM_LIB) $(BUILD)/sysmmu-tlm-test $(BUILD)/sysmmu-sim-sc
TEST_TARGETS += sc-test

-include $(wildcard $(BUILD)/sc/*.d)
