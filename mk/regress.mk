# Functional coverage collector, regression runner and reports (docs/coverage.md).

FCOV_LIB := $(BUILD)/libsysmmu_fcov.a
FCOV_OBJS := $(BUILD)/tb/fcov.o

all: $(FCOV_LIB)

$(BUILD)/tb/fcov.o: tb/fcov.c include/sysmmu/fcov.h include/sysmmu/model.h \
		include/sysmmu/vec.h include/sysmmu/regs.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(FCOV_LIB): $(FCOV_OBJS)
	@mkdir -p $(dir $@)
	$(AR) rcs $@ $^
