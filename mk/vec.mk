# Mapping vectors: parser/writer, sparse memory, executor, generator,
# sysmmu-gen, sysmmu-ref, directed vectors and their tests (docs/vectors.md).

VEC_SRCS := tb/vec.c tb/vmem.c tb/vexec.c tb/gen.c tb/gen_act.c tb/replay.c tb/num.c
VEC_HDRS := include/sysmmu/vec.h include/sysmmu/model.h include/sysmmu/pte.h \
	    include/sysmmu/regs.h $(wildcard tb/gen*.h) tb/replay.h tb/common/num.h
VEC_OBJS := $(VEC_SRCS:%.c=$(BUILD)/%.o)
VEC_LIB  := $(BUILD)/libsysmmu_vec.a

VEC_UNIT_SRCS := $(sort $(wildcard tests/vec/test_*.c))
VEC_UNIT_BIN  := $(BUILD)/vec-unit
DIRECTED_VECS := $(sort $(wildcard vectors/directed/*.vec))

all: $(VEC_LIB) $(BUILD)/sysmmu-gen $(BUILD)/sysmmu-ref $(VEC_UNIT_BIN)
TEST_TARGETS += vec-test

$(VEC_OBJS): $(BUILD)/tb/%.o: tb/%.c $(VEC_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

## build/libsysmmu_vec.a  vector parser/writer, vmem, vexec, generator (VEC_LIB)
$(VEC_LIB): $(VEC_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

## build/sysmmu-gen  random vector generator: --seed N --ops M --profile P -o out.vec
$(BUILD)/sysmmu-gen: tb/gen_main.c $(VEC_LIB) $(MODEL_LIB) $(VEC_HDRS) $(VERSION_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(VERSION_OBJ) $(VEC_LIB) $(MODEL_LIB) $(LDLIBS)

## build/sysmmu-ref  runs a vector on the reference model alone, checks expectations
$(BUILD)/sysmmu-ref: tb/ref_main.c $(VEC_LIB) $(MODEL_LIB) $(VEC_HDRS) $(VERSION_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(VERSION_OBJ) $(VEC_LIB) $(MODEL_LIB) $(LDLIBS)

## build/vec-unit  Criterion tests of parser, writer, vmem, executor, generator
$(VEC_UNIT_BIN): $(VEC_UNIT_SRCS) $(wildcard tests/vec/*.h) $(VEC_LIB) $(MODEL_LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(VEC_UNIT_SRCS) $(VEC_LIB) $(MODEL_LIB) \
		-lcriterion $(LDLIBS)

## vec-test       vector unit tests + every directed and 2000 generated vectors through sysmmu-ref
.PHONY: vec-test
vec-test: $(VEC_UNIT_BIN) $(BUILD)/sysmmu-gen $(BUILD)/sysmmu-ref
	$(VEC_UNIT_BIN) --jobs 2 --short-filename
	tests/vec/check-vectors $(BUILD)

## gen-compiler-test  same seed, same vector: sysmmu-gen built by gcc and by clang, byte-compared
.PHONY: gen-compiler-test
TEST_TARGETS += gen-compiler-test
gen-compiler-test: $(BUILD)/sysmmu-gen
	$(MAKE) --no-print-directory CLANG=1 build/clang/sysmmu-gen
	tests/vec/gen-compilers $(BUILD)/sysmmu-gen build/clang/sysmmu-gen

## gen-bench      measure generator speed (ops/s, 1 M ops per profile)
.PHONY: gen-bench
gen-bench: $(BUILD)/sysmmu-gen
	tests/vec/gen-bench $(BUILD)
