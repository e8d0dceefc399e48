# make install: headers, libsysmmu_ref and libsysmmu_vec (static and
# shared, soname libNAME.so.MAJOR), programs, pkg-config files and man
# pages (docs/install.md).
#
#   make install PREFIX=/usr/local DESTDIR=/tmp/stage
#   make uninstall PREFIX=... DESTDIR=...
#
# sysmmu-sim, sysmmu-sim-cov and sysmmu-sim-sc are installed where built
# (make all install installs everything).

PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL    ?= install

SO_MAJOR   := $(firstword $(subst ., ,$(SYSMMU_VERSION)))
PIC_DIR    := $(BUILD)/pic
REF_SO     := $(BUILD)/libsysmmu_ref.so.$(SYSMMU_VERSION)
VEC_SO     := $(BUILD)/libsysmmu_vec.so.$(SYSMMU_VERSION)
# Sources by their path: mk/model.mk and mk/vec.mk are read after this file.
REF_PIC_SRCS := model/model.c model/regmap.c model/tlb.c model/flpd.c model/walk.c model/fault.c
VEC_PIC_SRCS := tb/vec.c tb/vmem.c tb/vexec.c tb/gen.c tb/gen_act.c
INSTALL_HDRS := include/sysmmu/model.h include/sysmmu/pte.h include/sysmmu/regs.h \
                include/sysmmu/vec.h
INSTALL_PROGS := sysmmu-ref sysmmu-gen
INSTALL_OPT_PROGS := sysmmu-sim sysmmu-sim-cov sysmmu-sim-sc sysmmu-tlm-test
INSTALL_PCS  := sysmmu-ref sysmmu-vec
MAN_DIR      := $(BUILD)/man

# One-line descriptions for the man pages' NAME sections.
man_desc_sysmmu-ref      := run a mapping vector on the SYSMMU reference model
man_desc_sysmmu-gen      := write a random SYSMMU mapping vector
man_desc_sysmmu-sim      := lockstep SYSMMU testbench, reference model against the verilated RTL
man_desc_sysmmu-sim-cov  := sysmmu-sim with Verilator code coverage
man_desc_sysmmu-sim-sc   := lockstep SYSMMU testbench, RTL verilated as SystemC
man_desc_sysmmu-tlm-test := run mapping vectors through the TLM-2.0 wrapper of the model

.PHONY: install uninstall shared-libs man install-test

$(PIC_DIR)/%.o: %.c $(wildcard include/sysmmu/*.h model/*.h tb/gen*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

# The shared libraries carry their soname; build/ holds the usual links.
$(REF_SO): $(REF_PIC_SRCS:%.c=$(PIC_DIR)/%.o)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,libsysmmu_ref.so.$(SO_MAJOR) -o $@ $^ -lm
	ln -sf $(@F) $(BUILD)/libsysmmu_ref.so.$(SO_MAJOR)
	ln -sf $(@F) $(BUILD)/libsysmmu_ref.so

$(VEC_SO): $(VEC_PIC_SRCS:%.c=$(PIC_DIR)/%.o) $(REF_SO)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,libsysmmu_vec.so.$(SO_MAJOR) -o $@ \
		$(VEC_PIC_SRCS:%.c=$(PIC_DIR)/%.o) -L$(BUILD) -lsysmmu_ref -lm
	ln -sf $(@F) $(BUILD)/libsysmmu_vec.so.$(SO_MAJOR)
	ln -sf $(@F) $(BUILD)/libsysmmu_vec.so

## shared-libs    build/libsysmmu_ref.so and build/libsysmmu_vec.so (with sonames)
shared-libs: $(REF_SO) $(VEC_SO)

# pkg-config files: the prefix is the one given to make install.
$(BUILD)/pkgconfig/%.pc: mk/install.mk VERSION
	@mkdir -p $(@D)
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: $*' 'Version: $(SYSMMU_VERSION)' 'URL: https://github.com/sysmmu-verif/sysmmu-verif' \
	  >$@.tmp
	@if [ $* = sysmmu-ref ]; then printf '%s\n' \
	  'Description: SYSMMU reference (golden) model of translation, TLB, walker and faults' \
	  'Libs: -L$${libdir} -lsysmmu_ref' 'Libs.private: -lm' 'Cflags: -I$${includedir}'; \
	 else printf '%s\n' \
	  'Description: SYSMMU mapping vectors: parser, writer, sparse memory, executor, generator' \
	  'Requires: sysmmu-ref = $(SYSMMU_VERSION)' \
	  'Libs: -L$${libdir} -lsysmmu_vec' 'Cflags: -I$${includedir}'; fi >>$@.tmp
	@mv -f $@.tmp $@
# The prefix is part of the file: rewrite when it changes.
$(BUILD)/pkgconfig/prefix.txt: version-force
	@mkdir -p $(@D)
	@echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR)' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
$(INSTALL_PCS:%=$(BUILD)/pkgconfig/%.pc): $(BUILD)/pkgconfig/prefix.txt

# Man pages from each program's --help and --version (scripts/gen-man).
$(MAN_DIR)/%.1: $(BUILD)/% scripts/gen-man
	@mkdir -p $(@D)
	$(PYTHON) scripts/gen-man --program $< --name $* --description '$(man_desc_$*)' -o $@

## man            man pages of the programs in build/man/ (man -l build/man/sysmmu-ref.1)
man: $(INSTALL_PROGS:%=$(MAN_DIR)/%.1)

## install        install headers, libraries, programs, .pc files, man pages (PREFIX=/usr/local DESTDIR=)
install: $(BUILD)/libsysmmu_ref.a $(BUILD)/libsysmmu_vec.a $(REF_SO) $(VEC_SO) \
		$(INSTALL_PROGS:%=$(BUILD)/%) $(INSTALL_PROGS:%=$(MAN_DIR)/%.1) \
		$(INSTALL_PCS:%=$(BUILD)/pkgconfig/%.pc)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(INCLUDEDIR)/sysmmu $(DESTDIR)$(MANDIR)/man1
	$(INSTALL) -m 644 $(INSTALL_HDRS) $(DESTDIR)$(INCLUDEDIR)/sysmmu/
	$(INSTALL) -m 644 $(BUILD)/libsysmmu_ref.a $(BUILD)/libsysmmu_vec.a $(DESTDIR)$(LIBDIR)/
	$(INSTALL) -m 755 $(REF_SO) $(VEC_SO) $(DESTDIR)$(LIBDIR)/
	for l in ref vec; do \
	  ln -sf libsysmmu_$$l.so.$(SYSMMU_VERSION) $(DESTDIR)$(LIBDIR)/libsysmmu_$$l.so.$(SO_MAJOR) && \
	  ln -sf libsysmmu_$$l.so.$(SO_MAJOR) $(DESTDIR)$(LIBDIR)/libsysmmu_$$l.so || exit 1; done
	$(INSTALL) -m 644 $(INSTALL_PCS:%=$(BUILD)/pkgconfig/%.pc) $(DESTDIR)$(PKGCONFIGDIR)/
	$(INSTALL) -m 755 $(INSTALL_PROGS:%=$(BUILD)/%) $(DESTDIR)$(BINDIR)/
	$(INSTALL) -m 644 $(INSTALL_PROGS:%=$(MAN_DIR)/%.1) $(DESTDIR)$(MANDIR)/man1/
	@for p in $(INSTALL_OPT_PROGS); do \
	  if [ -x $(BUILD)/$$p ]; then \
	    $(PYTHON) scripts/gen-man --program $(BUILD)/$$p --name $$p -o $(MAN_DIR)/$$p.1 \
	      --description "$$(case $$p in \
	        sysmmu-sim) echo '$(man_desc_sysmmu-sim)';; sysmmu-sim-cov) echo '$(man_desc_sysmmu-sim-cov)';; \
	        sysmmu-sim-sc) echo '$(man_desc_sysmmu-sim-sc)';; *) echo '$(man_desc_sysmmu-tlm-test)';; esac)" && \
	    $(INSTALL) -m 755 $(BUILD)/$$p $(DESTDIR)$(BINDIR)/ && \
	    $(INSTALL) -m 644 $(MAN_DIR)/$$p.1 $(DESTDIR)$(MANDIR)/man1/ && \
	    echo "install: $$p" || exit 1; \
	  else echo "install: $$p not built (make $(BUILD)/$$p install to include it)"; fi; done
	@echo "install: done under $(DESTDIR)$(PREFIX) (pkg-config --cflags --libs sysmmu-ref)"

## uninstall      remove what make install put under DESTDIR/PREFIX
uninstall:
	rm -f $(INSTALL_HDRS:include/%=$(DESTDIR)$(INCLUDEDIR)/%)
	-rmdir $(DESTDIR)$(INCLUDEDIR)/sysmmu 2>/dev/null
	rm -f $(foreach l,ref vec,$(addprefix $(DESTDIR)$(LIBDIR)/libsysmmu_$(l),.a .so .so.$(SO_MAJOR) .so.$(SYSMMU_VERSION)))
	rm -f $(INSTALL_PCS:%=$(DESTDIR)$(PKGCONFIGDIR)/%.pc)
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(INSTALL_PROGS) $(INSTALL_OPT_PROGS))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(addsuffix .1,$(INSTALL_PROGS) $(INSTALL_OPT_PROGS)))

## install-test   make install into a temp prefix; C and C++ programs built with pkg-config only
install-test: $(BUILD)/libsysmmu_ref.a $(BUILD)/libsysmmu_vec.a $(INSTALL_PROGS:%=$(BUILD)/%)
	CONSUMER_FLAGS="$(SANFLAGS)" tests/install/install-test --make "$(MAKE)" --build $(BUILD)

TEST_TARGETS += install-test
