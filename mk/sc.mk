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

.PHONY: tlm-test

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
	$(SC_ENV) $(BUILD)/sysmmu-tlm-test $(SC_VECTORS)

all: $(SC_TLM_LIB)

-include $(wildcard $(BUILD)/sc/*.d)
