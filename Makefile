# sysmmu-verif top-level Makefile.
#
# Each area keeps its rules in mk/<area>.mk and appends its checks to
# TEST_TARGETS, so `make test` grows with the project. Programs land in
# build/ and are targets by their path (make build/sysmmu-ref).

BUILD   ?= build
CC      ?= gcc
CXX     ?= g++
PYTHON  ?= python3
SAN     ?= 0

CSTD     := -std=c11
WARN     := -Wall -Wextra -Werror
OPT      ?= -O2 -g
CPPFLAGS += -Iinclude
CFLAGS   += $(CSTD) $(WARN) $(OPT)
LDLIBS   += -lm

ifeq ($(SAN),1)
BUILD    := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS   += $(SANFLAGS)
CXXFLAGS += $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)
# Verilator's own code (verilated models with tracing, its runtime) keeps
# 64-bit trace values at 4-byte alignment (verilated_trace.h:450,
# gtkwave/fstapi.c:858 in Verilator 5.006): fine on x86, undefined for
# UBSan. mk/sim.mk, sc.mk and sv.mk add this to what they build of it; the
# C++ harnesses call the same inline trace API (tb/sim/tbtrace.h), so C++
# goes without the alignment check too (C keeps every check).
VL_SANFLAGS := -fno-sanitize=alignment
CXXFLAGS    += $(VL_SANFLAGS)
# The FST writer (fstapi.c) also shifts negative values (fstapi.c:1663):
# its object is built with ASan only.
$(BUILD)/sim/rt/verilated_fst_c.o $(BUILD)/sim/rtcov/verilated_fst_c.o \
$(BUILD)/sc/vl/rt/verilated_fst_c.o: CXXFLAGS += -fno-sanitize=undefined
endif

# Compilers for the simulator (docs/performance.md, *Build options*):
# CLANG=1 builds everything with clang/clang++ into build/clang; PGO=1 builds
# into build/pgo with gcc's profile of a short regression (mk/zz-pgo.mk: the
# profile comes from an instrumented build, PGO=gen, trained first).
CLANG ?= 0
PGO   ?= 0
ifeq ($(CLANG),1)
ifneq ($(PGO),0)
$(error PGO=$(PGO) is gcc's profile-guided build; it does not combine with CLANG=1)
endif
BUILD := build/clang
CC    := clang
CXX   := clang++
# Verilator's runtime asks std::atomic whether it is lock-free, which clang
# leaves to libatomic (gcc answers it inline).
LDLIBS += -latomic
endif
ifneq ($(filter-out 0,$(PGO)),)
ifeq ($(SAN),1)
$(error PGO=$(PGO) does not combine with SAN=1)
endif
PGO_PROFILE := $(abspath build/pgo-profile)
# Both stages build into build/pgo: gcc names a static function's profile
# after the object's path, so the instrumented objects and the optimised
# ones must have the same paths (mk/zz-pgo.mk removes the former).
BUILD := build/pgo
ifeq ($(PGO),1)
PGO_FLAGS := -fprofile-use=$(PGO_PROFILE) -fprofile-partial-training -Wno-missing-profile
else ifeq ($(PGO),gen)
PGO_FLAGS := -fprofile-generate=$(PGO_PROFILE) -fprofile-update=single
else
$(error PGO must be 0, 1 or gen, not '$(PGO)')
endif
CFLAGS    += $(PGO_FLAGS)
CXXFLAGS  += $(PGO_FLAGS)
LDFLAGS   += $(PGO_FLAGS)
endif

# The project version, written once (VERSION); mk/version.mk builds the
# object every program links for --version.
SYSMMU_VERSION := $(strip $(file <VERSION))
VERSION_OBJ    := $(BUILD)/gen/version.o
CPPFLAGS       += -Itb/common

# Tools as named on the command line (make VERILATOR=... CC=...), for the
# scripts the recipes run as well.
VERILATOR          ?= verilator
VERILATOR_COVERAGE ?= verilator_coverage
export VERILATOR VERILATOR_COVERAGE CC CXX

# Checks that `make test` runs, appended by the fragments.
TEST_TARGETS :=

.DEFAULT_GOAL := all
.PHONY: all test help bootstrap clean

# Every goal but help/clean brings in its own dependencies first, so a
# fresh Debian machine needs nothing but `make test` or `make regress`.
# Each goal asks scripts/bootstrap only for what it needs (the NEED names
# of scripts/bootstrap --list); a goal not listed needs everything.
# SYSMMU_BOOTSTRAP=0 installs nothing and only names what is missing.
SYSMMU_BOOTSTRAP ?= 1
export SYSMMU_BOOTSTRAP
bootstrap_lib := $(addprefix $(BUILD)/,libsysmmu_ref.a libsysmmu_vec.a libsysmmu_fcov.a \
	sysmmu-ref sysmmu-gen) shared-libs version
$(foreach g,$(bootstrap_lib),$(eval BOOTSTRAP_NEEDS.$(g) := cc))
BOOTSTRAP_NEEDS.rtl-gen      := cc python
BOOTSTRAP_NEEDS.man          := cc python
BOOTSTRAP_NEEDS.install      := cc python
BOOTSTRAP_NEEDS.uninstall    := cc
BOOTSTRAP_NEEDS.install-test := cc python pkgconfig groff
BOOTSTRAP_NEEDS.unit         := cc criterion
BOOTSTRAP_NEEDS.vec-test     := cc criterion python
BOOTSTRAP_NEEDS.gen-compiler-test := cc fuzz
BOOTSTRAP_NEEDS.fcov-test    := cc criterion
BOOTSTRAP_NEEDS.sb-test      := cc criterion
BOOTSTRAP_NEEDS.lint         := cc python verilator
BOOTSTRAP_NEEDS.smoke        := cc python verilator
BOOTSTRAP_NEEDS.synth        := cc python yosys
BOOTSTRAP_NEEDS.synth-all    := cc python yosys
BOOTSTRAP_NEEDS.mutate       := cc python yosys verilator
BOOTSTRAP_NEEDS.mutate-test  := cc python yosys verilator
BOOTSTRAP_NEEDS.sim          := cc python verilator
BOOTSTRAP_NEEDS.sim-test     := cc python verilator gtkwave xvfb
BOOTSTRAP_NEEDS.regress      := cc python verilator
BOOTSTRAP_NEEDS.wave         := cc python verilator gtkwave xvfb
BOOTSTRAP_NEEDS.wave-test    := cc python verilator gtkwave xvfb
BOOTSTRAP_NEEDS.$(BUILD)/sysmmu-sim := cc python verilator
BOOTSTRAP_NEEDS.fusesoc-test := cc python yaml verilator
BOOTSTRAP_NEEDS.fusesoc-sim  := cc python yaml verilator
BOOTSTRAP_NEEDS.bootstrap-test := cc
BOOTSTRAP_NEEDS.rtl-srcs     := python
BOOTSTRAP_NEEDS.bench        := cc python verilator systemc valgrind
BOOTSTRAP_NEEDS.icount       := cc python verilator valgrind
BOOTSTRAP_NEEDS.slurm-test   := cc python verilator slurm
BOOTSTRAP_NEEDS.slurm-bench  := cc python verilator slurm
BOOTSTRAP_NEEDS.fuzz         := cc python fuzz
BOOTSTRAP_NEEDS.testplan-test := cc python
bootstrap_goals := $(filter-out help clean bootstrap,$(or $(MAKECMDGOALS),all))
bootstrap_needs = $(sort $(foreach g,$(bootstrap_goals),$(or $(BOOTSTRAP_NEEDS.$(g)),all)))
ifneq ($(bootstrap_goals),)
# $(shell) does not see exported variables: pass what bootstrap reads.
BOOTSTRAP_RC := $(shell SYSMMU_BOOTSTRAP='$(SYSMMU_BOOTSTRAP)' CC='$(CC)' CXX='$(CXX)' \
	VERILATOR='$(VERILATOR)' YOSYS='$(or $(YOSYS),yosys)' scripts/bootstrap $(filter-out all,$(if $(filter all,$(bootstrap_needs)),,$(bootstrap_needs))) >&2; echo $$?)
ifneq ($(BOOTSTRAP_RC),0)
$(error scripts/bootstrap failed (see above); SYSMMU_BOOTSTRAP=0 goes on without installing)
endif
endif

# Installs missing Debian packages; quiet when everything is there.
bootstrap:
	@scripts/bootstrap

include $(sort $(wildcard mk/*.mk))

test: $(TEST_TARGETS)
	@echo "make test: all checks passed ($(TEST_TARGETS))"

help:
	@echo "sysmmu-verif make targets:"
	@grep -hE '^## ' Makefile mk/*.mk | sed 's/^## /  /'

clean:
	rm -rf build

## all            build every program into build/
## test           run every test the project has (SAN=1: ASan+UBSan build)
## bootstrap      install missing Debian packages (apt-get, needs root); SYSMMU_BOOTSTRAP=0: only report
## clean          remove build/
