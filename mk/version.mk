# Project version (the file VERSION, the one place it is written) and the
# git revision, compiled into every program's --version
# (tb/common/version.h). The object is rebuilt only when either changes.

SYSMMU_GIT_REV := $(or $(shell git -C $(CURDIR) describe --always --dirty --abbrev=12 2>/dev/null),unknown)
VERSION_STAMP  := $(BUILD)/gen/version.txt

.PHONY: version-force
version-force:

$(VERSION_STAMP): version-force
	@mkdir -p $(@D)
	@echo '$(SYSMMU_VERSION) $(SYSMMU_GIT_REV)' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@

$(VERSION_OBJ): tb/common/version.c tb/common/version.h $(VERSION_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itb/common -DSYSMMU_VERSION='"$(SYSMMU_VERSION)"' \
		-DSYSMMU_GIT_REV='"$(SYSMMU_GIT_REV)"' -c -o $@ $<

## version        print the project version and git revision
.PHONY: version
version:
	@echo "sysmmu-verif $(SYSMMU_VERSION) (git $(SYSMMU_GIT_REV))"

## cli-test       every program's --help/--version, every script's --help and run bit, CHANGELOG
.PHONY: cli-test
cli-test: $(addprefix $(BUILD)/,sysmmu-ref sysmmu-gen sysmmu-sim sysmmu-sim-cov sysmmu-sim-sc \
		sysmmu-tlm-test sysmmu-tlm-unit)
	$(PYTHON) tests/cli/cli-test --build $(BUILD)
TEST_TARGETS += cli-test
