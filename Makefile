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
endif

# Checks that `make test` runs, appended by the fragments.
TEST_TARGETS :=

.DEFAULT_GOAL := all
.PHONY: all test help bootstrap clean

# Every goal but help/clean brings in its own dependencies first, so a
# fresh Debian machine needs nothing but `make test` or `make regress`.
ifneq ($(filter-out help clean bootstrap,$(or $(MAKECMDGOALS),all)),)
BOOTSTRAP_RC := $(shell scripts/bootstrap >&2; echo $$?)
ifneq ($(BOOTSTRAP_RC),0)
$(error scripts/bootstrap failed; run it by hand to see why)
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
## bootstrap      install missing Debian packages (apt-get, needs root)
## clean          remove build/
