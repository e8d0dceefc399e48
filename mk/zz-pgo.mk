# make PGO=1 (read last: it names RTL_SRCS and SIM_CONFIGS): the lockstep simulator and its libraries built with gcc's
# profile-guided optimisation (docs/performance.md, *Build options*).
#
# The profile is trained once, before anything of PGO=1 is compiled: an
# instrumented build (PGO=gen, in build/pgo as well) runs a short regression
# (directed vectors plus PGO_TRAIN_SEEDS seeds of every profile on every
# verilated configuration) and leaves its counts in build/pgo-profile; its
# objects are then removed, and build/pgo is compiled again with the profile.
# GNU make remakes an included makefile before anything else, which is what
# orders the training before the build. Changing a source the simulator is
# built from trains again from scratch (the register package generated into
# build/pgo is left out: the retraining removes it, and its source,
# include/sysmmu/regs.h, is in the list).

PGO_TRAIN_SEEDS ?= 30
PGO_TRAIN_OPS   ?= 2000
PGO_SOURCES := $(filter-out $(RTL_GEN_PKG),$(RTL_SRCS)) $(wildcard tb/*.c tb/*.h tb/sim/*.cpp tb/sim/*.h model/*.c model/*.h \
	include/sysmmu/*.h) scripts/gen-regmap Makefile mk/sim.mk mk/zz-pgo.mk

ifeq ($(PGO),1)
ifneq ($(filter-out help clean,$(or $(MAKECMDGOALS),all)),)
include build/pgo-profile/trained.mk
endif
endif

build/pgo-profile/trained.mk: $(PGO_SOURCES)
	rm -rf build/pgo build/pgo-profile build/pgo-train
	$(MAKE) --no-print-directory PGO=gen build/pgo/sysmmu-sim
	@echo "pgo: training on a short regression (instrumented build/pgo/sysmmu-sim)"
	$(PYTHON) scripts/regress --no-build --sim build/pgo/sysmmu-sim \
	  --configs $(call regress_cfgs,$(SIM_CONFIGS)) --seeds $(PGO_TRAIN_SEEDS) \
	  --ops $(PGO_TRAIN_OPS) --seed-base 1 --out build/pgo-train --max-triage 0
	@n=$$(find build/pgo-profile -name '*.gcda' | wc -l); \
	  [ $$n -gt 0 ] || { echo "pgo: training wrote no profile to build/pgo-profile"; exit 1; }; \
	  echo "pgo: $$n profile files in build/pgo-profile"
	rm -rf build/pgo
	@echo '# written by mk/zz-pgo.mk after training; build/pgo uses build/pgo-profile' >$@
