# Bootstrap opt-out and per-goal needs (Makefile, scripts/bootstrap,
# docs/install.md "Bootstrap").

## bootstrap-test non-root user, no gtkwave/yosys: make build/libsysmmu_ref.a works, others say why
.PHONY: bootstrap-test
bootstrap-test:
	tests/bootstrap/nonroot-test
TEST_TARGETS += bootstrap-test
