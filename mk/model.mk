# Reference model library, its Criterion unit tests, line coverage and
# micro-benchmark (docs/spec.md; owner: model area).

MODEL_SRCS := model/model.c model/regmap.c model/tlb.c model/flpd.c model/walk.c model/fault.c
MODEL_HDRS := $(wildcard model/*.h) include/sysmmu/model.h include/sysmmu/pte.h include/sysmmu/regs.h
MODEL_OBJS := $(MODEL_SRCS:%.c=$(BUILD)/%.o)
MODEL_LIB  := $(BUILD)/libsysmmu_ref.a

UNIT_SRCS  := $(sort $(wildcard tests/model/test_*.c))
UNIT_HDRS  := $(wildcard tests/model/*.h)
UNIT_BIN   := $(BUILD)/model-unit

all: $(MODEL_LIB) $(UNIT_BIN)
TEST_TARGETS += unit

$(BUILD)/model/%.o: model/%.c $(MODEL_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

## build/libsysmmu_ref.a  C reference model library (MODEL_LIB)
$(MODEL_LIB): $(MODEL_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

## build/model-unit  Criterion unit tests of the reference model
$(UNIT_BIN): $(UNIT_SRCS) $(UNIT_HDRS) $(MODEL_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_SRCS) $(MODEL_LIB) -lcriterion $(LDLIBS)

## unit           run the reference-model unit tests (Criterion)
.PHONY: unit
unit: $(UNIT_BIN)
	$(UNIT_BIN) --jobs 2 --short-filename
