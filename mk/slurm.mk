# Regressions through Slurm (docs/slurm.md): scripts/regress --launcher
# slurm, a one-node cluster for tests (scripts/slurm-local).

TEST_TARGETS += slurm-test

## slurm-test     Slurm launcher on a local one-node cluster: equal to a local run, failures classified
.PHONY: slurm-test
slurm-test: $(BUILD)/sysmmu-sim
	$(PYTHON) tests/slurm/slurm-test --sim $(BUILD)/sysmmu-sim

## slurm-bench    throughput: local launcher vs one-node Slurm cluster at pack sizes 1..32 (docs/slurm.md)
.PHONY: slurm-bench
slurm-bench: $(BUILD)/sysmmu-sim
	$(PYTHON) tests/slurm/slurm-bench --sim $(BUILD)/sysmmu-sim $(SLURM_BENCH_ARGS)
