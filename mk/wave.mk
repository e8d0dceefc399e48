# Waves a person can use at once: make wave (mk/sim.mk, scripts/wave) and
# its tests (docs/results.md "Make targets").

## wave-test      make wave: exit status, no stale waves, marker in view, TOP.tb signals, filters
.PHONY: wave-test
wave-test: $(BUILD)/sysmmu-sim
	$(PYTHON) tests/wave/wave-test --sim $(BUILD)/sysmmu-sim
TEST_TARGETS += wave-test
