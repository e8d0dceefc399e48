#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# One array task of `scripts/regress --launcher slurm` (launch_slurm.py):
# runs the jobs of pack SUBMIT_DIR/pack-$SLURM_ARRAY_TASK_ID one after the
# other, each under `timeout` (Slurm's --time is only the backstop), and
# leaves in each job folder
#   task  "<array>_<index> <job id>" of this task (written when the job starts)
#   rc    "<exit status> <nanoseconds>" (written when it ends; atomic rename)
# The simulator writes result.json and appends to log.txt there.
# A pack line is "<job folder><TAB><shell-quoted command>".
# usage: sbatch --array=0-N ... slurm-task.sh SUBMIT_DIR TIMEOUT_SECONDS
set -u
case "${1:-}" in
-h|--help|"")
	echo "usage: sbatch --array=0-N ... slurm-task.sh SUBMIT_DIR TIMEOUT_SECONDS"
	echo "One array task of scripts/regress --launcher slurm (docs/slurm.md)."
	[ -n "${1:-}" ]; exit $? ;;
esac
sub=$1
limit=${2:?usage: slurm-task.sh SUBMIT_DIR TIMEOUT_SECONDS}
pack=$sub/pack-${SLURM_ARRAY_TASK_ID:?not a Slurm array task}
if [ ! -r "$pack" ]; then
	echo "slurm-task: $pack: not readable (is the report folder shared with the nodes?)" >&2
	exit 2
fi
tab=$(printf '\t')
while IFS=$tab read -r dir cmd; do
	[ -n "$dir" ] || continue
	echo "${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID} ${SLURM_JOB_ID:-}" >"$dir/task"
	t0=$(date +%s%N)
	# --foreground: the simulator stays in this task's process group, so
	# whatever ends the task ends the simulator too.
	eval "timeout --foreground -k 5 $limit $cmd" >>"$dir/log.txt" 2>&1 </dev/null
	rc=$?
	t1=$(date +%s%N)
	echo "$rc $((t1 - t0))" >"$dir/rc.tmp" && mv -f "$dir/rc.tmp" "$dir/rc"
done <"$pack"
