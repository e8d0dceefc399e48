# SYSMMU RTL: generated register-map package, lint, Yosys synthesis and the
# Verilator smoke harness (docs/rtl.md).
#
# Contract (other fragments use these): RTL_GEN_PKG, RTL_SRCS (compile
# order, generated package first), RTL_TOP. Pass $(abspath $(RTL_SRCS)) to
# Verilator when coverage annotation needs to find the sources.

RTL_GEN_PKG := $(BUILD)/gen/sysmmu_regmap_pkg.sv
RTL_SRCS    := $(RTL_GEN_PKG) $(addprefix rtl_model/,sysmmu_pkg.sv sysmmu_rspq.sv \
               sysmmu_tlb.sv sysmmu_flpd.sv sysmmu_ptw.sv sysmmu_regs.sv sysmmu_top.sv)
RTL_TOP     := sysmmu

RTL_OUT     := $(BUILD)/rtl
RTL_VARIANTS    := 3 5
RTL_LINT_TLBS   := 4 32 64
# make synth (part of make test): default configuration of both variants and
# the smallest TLB. make synth-all adds the other TLB sizes (TLB 64 alone
# takes ~45 s of Yosys time, too much for every make test).
RTL_SYNTH_CFGS  := v3-t32 v5-t32 v5-t4
RTL_SYNTH_ALL   := $(RTL_SYNTH_CFGS) v3-t4 v3-t64 v5-t64
VERILATOR   ?= verilator
YOSYS       ?= yosys
RTL_VFLAGS  := -MAKEFLAGS "OPT_FAST=-O2 OPT_GLOBAL=-O2"

.PHONY: lint synth synth-all smoke rtl-gen

## rtl-gen        generate build/gen/sysmmu_regmap_pkg.sv from include/sysmmu/regs.h
rtl-gen: $(RTL_GEN_PKG)

$(RTL_GEN_PKG): include/sysmmu/regs.h scripts/gen-regmap
	@mkdir -p $(dir $@)
	$(PYTHON) scripts/gen-regmap -o $@ $<

# ---- lint: verilator -Wall, both variants, TLB 4/32/64 ----
define rtl_lint_rule
$(RTL_OUT)/lint-v$(1)-t$(2).ok: $(RTL_SRCS)
	@mkdir -p $$(dir $$@)
	$(VERILATOR) --lint-only -Wall --top-module $(RTL_TOP) -GVARIANT=$(1) -GTLB_ENTRIES=$(2) $(RTL_SRCS)
	@touch $$@
RTL_LINT_OK += $(RTL_OUT)/lint-v$(1)-t$(2).ok
endef
$(foreach v,$(RTL_VARIANTS),$(foreach t,$(RTL_LINT_TLBS),$(eval $(call rtl_lint_rule,$(v),$(t)))))

## lint           verilator --lint-only -Wall on the RTL (v3/v5 x TLB 4/32/64)
lint: $(RTL_LINT_OK)
	@echo "lint: clean ($(words $(RTL_LINT_OK)) configurations)"

# ---- synth: Yosys generic synthesis; no latches, no combinational loops ----
# Summary from `stat` of the flattened hierarchy totals (the last block):
# cells in all, of which flip-flops ($$_*DFF*).
define RTL_SYNTH_AWK
/^=== / { mod = $$2; sub(/.*\\/, "", mod); sub(/\\.*/, "", mod) }
/^=== / && $$2 ~ /sysmmu_[a-z]+/ { match($$2, /sysmmu_[a-z]+/); mod = substr($$2, RSTART, RLENGTH) }
/=== design hierarchy ===/ { top = 1; ff = 0 }
!top && /Number of cells:/ { per = per sprintf(" %s %d", mod, $$4) }
top && /Number of cells:/ { cells = $$4 }
top && /\$$_[A-Z]*DFF[A-Z]*_/ { ff += $$2 }
END {
  if (!top) { print "synth " cfg ": no stat output" > "/dev/stderr"; exit 1 }
  printf "synth %-7s cells %6d  flip-flops %5d  no latches, no loops  [%s ]\n", cfg, cells, ff, per
}
endef
export RTL_SYNTH_AWK
rtl_cfg_v = $(patsubst v%,%,$(word 1,$(subst -, ,$(1))))
rtl_cfg_t = $(patsubst t%,%,$(word 2,$(subst -, ,$(1))))

define rtl_synth_rule
$(RTL_OUT)/synth-$(1).stat: $(RTL_SRCS)
	@mkdir -p $$(dir $$@)
	$(YOSYS) -q -l $(RTL_OUT)/synth-$(1).log -p '\
	  read_verilog -sv $(RTL_SRCS); \
	  chparam -set VARIANT $(call rtl_cfg_v,$(1)) -set TLB_ENTRIES $(call rtl_cfg_t,$(1)) $(RTL_TOP); \
	  synth -top $(RTL_TOP); \
	  check -assert; \
	  select -assert-none t:$$$$dlatch* t:$$$$adlatch* t:$$$$_DLATCH* t:$$$$_DLATCHSR*; \
	  tee -q -o $$@.tmp stat'
	awk -v cfg=$(1) "$$$$RTL_SYNTH_AWK" $$@.tmp > $$@.sum
	@mv $$@.tmp $$@
	@cat $$@.sum
endef
$(foreach c,$(RTL_SYNTH_ALL),$(eval $(call rtl_synth_rule,$(c))))

## synth          yosys synth -top sysmmu (v3, v5 default; v5 TLB 4): fails on latches/loops, prints cells
synth: $(RTL_SYNTH_CFGS:%=$(RTL_OUT)/synth-%.stat)
	@cat $(RTL_SYNTH_CFGS:%=$(RTL_OUT)/synth-%.stat.sum)

## synth-all      synth plus TLB 4 and 64 on both variants (slower, not in make test)
synth-all: $(RTL_SYNTH_ALL:%=$(RTL_OUT)/synth-%.stat)
	@cat $(RTL_SYNTH_ALL:%=$(RTL_OUT)/synth-%.stat.sum)

# ---- smoke: directed Verilator run of both variants ----
# Built with --assert and unique X assignment/initialisation (and ASan/UBSan
# under SAN=1, through CXXFLAGS/LDFLAGS); each variant
# runs under two X-initialisation seeds and the two logs must be identical.
RTL_SMOKE_FLAGS := --cc --exe --build -j 1 --assert --x-assign unique --x-initial unique \
                   --top-module $(RTL_TOP) $(RTL_VFLAGS)

define rtl_smoke_rule
$(RTL_OUT)/smoke-v$(1)/Vsmoke: $(RTL_SRCS) tb/smoke/smoke.cpp include/sysmmu/regs.h mk/rtl.mk
	@mkdir -p $$(dir $$@)
	+$(VERILATOR) $(RTL_SMOKE_FLAGS) -GVARIANT=$(1) --Mdir $(RTL_OUT)/smoke-v$(1) -o Vsmoke \
	  -CFLAGS "-std=c++17 -Wall -Wextra -Werror -DSMOKE_VARIANT=$(1) -I$(abspath include) $(CXXFLAGS)" \
	  $(if $(strip $(LDFLAGS)),-LDFLAGS "$(LDFLAGS)") \
	  $(abspath tb/smoke/smoke.cpp) $(RTL_SRCS) > $(RTL_OUT)/smoke-v$(1)/build.log \
	  || { cat $(RTL_OUT)/smoke-v$(1)/build.log; exit 1; }

smoke-v$(1): $(RTL_OUT)/smoke-v$(1)/Vsmoke
	$$< +verilator+rand+reset+2 +verilator+seed+1 > $(RTL_OUT)/smoke-v$(1).seed1.log \
	  || { cat $(RTL_OUT)/smoke-v$(1).seed1.log; \
	       echo "repro: $$< +verilator+rand+reset+2 +verilator+seed+1"; exit 1; }
	$$< +verilator+rand+reset+2 +verilator+seed+2 > $(RTL_OUT)/smoke-v$(1).seed2.log \
	  || { cat $(RTL_OUT)/smoke-v$(1).seed2.log; \
	       echo "repro: $$< +verilator+rand+reset+2 +verilator+seed+2"; exit 1; }
	@cmp $(RTL_OUT)/smoke-v$(1).seed1.log $(RTL_OUT)/smoke-v$(1).seed2.log \
	  || { echo "smoke v$(1): output depends on the X-initialisation seed;" \
	       "diff $(RTL_OUT)/smoke-v$(1).seed1.log $(RTL_OUT)/smoke-v$(1).seed2.log"; exit 1; }
	@tail -n 1 $(RTL_OUT)/smoke-v$(1).seed1.log
.PHONY: smoke-v$(1)
endef
$(foreach v,$(RTL_VARIANTS),$(eval $(call rtl_smoke_rule,$(v))))

## smoke          directed Verilator smoke run of the RTL, v3 and v5 (two X-init seeds each)
smoke: $(addprefix smoke-v,$(RTL_VARIANTS))

TEST_TARGETS += lint synth smoke
all: $(RTL_GEN_PKG)
