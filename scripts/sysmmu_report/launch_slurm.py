# SPDX-License-Identifier: Apache-2.0
"""The Slurm launcher (docs/slurm.md): the job list as `sbatch --parsable`
job arrays, --slurm-pack jobs per array task (a task costs ~150 ms of slot
time, a default job runs ~50 ms), one `squeue` call a second for all
arrays. Each job's rc file (slurm-task.sh) and result.json are the truth;
a task that ends without them files its jobs with the task's state:
FAILED, TIMEOUT, NODE_FAIL, CANCELLED, ... or vanished (gone from squeue).
Jobs lost to a node, and jobs of a killed task that never started, are
submitted again up to --slurm-retries times. The report folder and the
build folder must be visible on the nodes at the same path.
"""

import math
import os
import shlex
import shutil
import subprocess
import time

from . import results, runner
from .stop import STOP, HardStop

NAME = "slurm"
DEFAULT_PACK = 16           # docs/slurm.md "Pack size" (measured)
MAX_ARRAY = 1000            # Slurm's default MaxArraySize is 1001
GRACE = 3.0                 # s after a task ends for its files to show (NFS)
VANISH_POLLS = 5            # polls absent from squeue before "vanished"
LOST = "lost"               # outcome: the batch system lost the job's task
TASK_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "slurm-task.sh")
LIVE = {"PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED",
        "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT"}
RETRIED = {"NODE_FAIL", "BOOT_FAIL", "PREEMPTED"}   # the node's fault, not the job's
# A task that ended early: its jobs that never started are submitted again,
# unless someone cancelled it on purpose.
RESUBMIT_UNSTARTED = {"FAILED", "TIMEOUT", "OUT_OF_MEMORY", "DEADLINE"} | RETRIED


def add_arguments(parser):
    g = parser.add_argument_group("Slurm launcher (--launcher slurm, docs/slurm.md)")
    g.add_argument("--slurm-pack", type=int, default=DEFAULT_PACK, metavar="N",
                   help="jobs run one after the other in one array task (default %(default)s)")
    g.add_argument("--slurm-partition", metavar="P", help="sbatch --partition")
    g.add_argument("--slurm-account", metavar="A", help="sbatch --account")
    g.add_argument("--slurm-qos", metavar="Q", help="sbatch --qos")
    g.add_argument("--slurm-args", default="", metavar="ARGS",
                   help="more sbatch arguments, one shell-quoted string")
    g.add_argument("--slurm-time", type=int, metavar="MIN",
                   help="sbatch --time backstop in minutes (default: pack x --timeout, +1)")
    g.add_argument("--slurm-retries", type=int, default=2, metavar="N",
                   help="submits again after a failed sbatch or a lost node (default 2)")
    g.add_argument("--slurm-poll", type=float, default=1.0, metavar="S",
                   help="seconds between squeue calls (default 1)")


def check_args(a, error, chosen):
    if a.slurm_pack <= 0 or a.slurm_retries < 0 or a.slurm_poll <= 0 \
            or (a.slurm_time is not None and a.slurm_time <= 0):
        error("--slurm-pack, --slurm-poll, --slurm-time must be > 0, --slurm-retries >= 0")
    try:
        a.slurm_extra = shlex.split(a.slurm_args)
    except ValueError as e:
        error("--slurm-args %r: %s" % (a.slurm_args, e))
    if chosen:
        missing = [t for t in ("sbatch", "squeue", "scancel") if not shutil.which(t)]
        if missing:
            error("--launcher slurm: %s not found (Debian package slurm-client; "
                  "a local cluster: scripts/slurm-local start)" % ", ".join(missing))


class Task:
    """One array task: its jobs and what squeue last said."""

    def __init__(self, array, index, jobs, sub):
        self.array, self.index, self.jobs, self.sub = array, index, jobs, sub
        self.state, self.reason, self.absent, self.ended = None, "", 0, None

    def name(self):
        return "%s_%d" % (self.array, self.index)


class Launcher:
    def __init__(self, a):
        self.a = a
        self.pack = a.slurm_pack
        self.retries = a.slurm_retries
        self.tasks = []          # unresolved Tasks
        self.arrays = []         # every array id this run submitted
        self.submits = 0
        self.squeue_warned = -1e9
        self.vanished = []       # tasks gone from squeue: cancelled at the end
        self.info = {"name": NAME, "pack": self.pack, "retries": self.retries,
                     "arrays": self.arrays, "resubmitted_jobs": 0, "sbatch_failures": 0}

    def meta(self):
        return self.info

    # ------------------------------------------------------------ submit

    def sbatch_args(self, sub, n, timeout):
        minutes = self.a.slurm_time or math.ceil(self.pack * timeout / 60.0) + 1
        cmd = ["sbatch", "--parsable", "--array=0-%d" % (n - 1),
               "--job-name=regress-%s" % os.path.basename(os.path.abspath(self.out_dir)),
               "--output=%s/task-%%a.out" % sub, "--chdir=%s" % os.getcwd(),
               "--time=%d" % minutes]
        for opt, val in (("partition", self.a.slurm_partition), ("account", self.a.slurm_account),
                         ("qos", self.a.slurm_qos)):
            if val:
                cmd.append("--%s=%s" % (opt, val))
        return cmd + self.a.slurm_extra + [TASK_SCRIPT, sub, "%g" % timeout]

    def prepare(self, table, job, note=None):
        """Fresh job folder (first submit) or a note in its log (again)."""
        d = table.job_dir(job)
        try:
            os.makedirs(d, exist_ok=True)
            for stale in ("result.json", "coverage.dat", "rc", "task"):
                if os.path.exists(os.path.join(d, stale)):
                    os.unlink(os.path.join(d, stale))
            with open(os.path.join(d, "log.txt"), "a" if note else "w") as log:
                log.write("\n[regress] %s\n" % note if note else "$ %s\n" % job["command"])
        except OSError as e:
            raise runner.ReportDirError("%s: %s" % (d, e.strerror or e)) from e
        return d

    def submit(self, table, jobs, timeout, note=None):
        """jobs in packs of --slurm-pack, arrays of at most MAX_ARRAY tasks."""
        packs = [jobs[i:i + self.pack] for i in range(0, len(jobs), self.pack)]
        for i in range(0, len(packs), MAX_ARRAY):
            self.submit_array(table, packs[i:i + MAX_ARRAY], timeout, note)

    def submit_array(self, table, packs, timeout, note):
        self.submits += 1
        sub = os.path.abspath(os.path.join(self.out_dir, "slurm", "s%03d" % self.submits))
        try:
            os.makedirs(sub, exist_ok=True)
            for k, pack in enumerate(packs):
                with open(os.path.join(sub, "pack-%d" % k), "w") as f:
                    for job in pack:
                        d = self.prepare(table, job, note)
                        f.write("%s\t%s\n" % (d, job["command"]))
        except OSError as e:
            raise runner.ReportDirError("%s: %s" % (sub, e.strerror or e)) from e
        cmd = self.sbatch_args(sub, len(packs), timeout)
        with open(os.path.join(sub, "sbatch.txt"), "w") as f:
            f.write(runner.shell_line(cmd) + "\n")
        array, err = self.sbatch(cmd)
        if array is None:
            for pack in packs:
                for job in pack:
                    lost(job, "submit", "sbatch failed %d times: %s" % (self.retries + 1, err))
                    self.done(job)
            return
        for k, pack in enumerate(packs):
            self.tasks.append(Task(array, k, pack, sub))

    def sbatch(self, cmd):
        """(array id, None) or (None, why) after 1 + --slurm-retries tries.
        Deferred: a signal never leaves an array submitted but unknown."""
        err = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.info["sbatch_failures"] += 1
                time.sleep(min(2 ** attempt, 10))
            with STOP.deferred():
                rc, out, e = STOP.run(cmd, timeout=60, capture=True)
                head = (out or "").strip().split(";")[0]
                if rc == 0 and head.isdigit():
                    self.arrays.append(head)     # before a held signal is raised
                    return head, None
            err = (e or out or "no answer in 60 s").strip().splitlines()
            err = err[-1] if err else "exit %s" % rc
        return None, err

    # ------------------------------------------------------------ poll

    def squeue(self):
        """{(array, index): (state, reason)} or None when squeue failed."""
        arrays = sorted({t.array for t in self.tasks}, key=int)
        rc, out, err = STOP.run(["squeue", "-h", "-r", "-t", "all", "-j", ",".join(arrays),
                                 "-o", "%F %K %T %r"], timeout=60, capture=True)
        if rc != 0:
            # Every array already purged from the controller's memory.
            if rc == 1 and "Invalid job id" in (err or ""):
                return {}
            now = time.monotonic()
            if now - self.squeue_warned >= 30:
                self.squeue_warned = now
                print("regress: squeue failed (%s); asking again" % (
                    (err or "").strip() or "no answer in 60 s"), flush=True)
            return None
        states = {}
        for line in out.splitlines():
            f = line.split(None, 3)
            if len(f) >= 3 and f[1].isdigit():
                states[(f[0], int(f[1]))] = (f[2].rstrip("+"), f[3] if len(f) > 3 else "")
        return states

    def done(self, job):
        self.unfinished.discard(id(job))
        if self.progress:
            self.progress.update(job)

    def collect(self, table, task, timeout):
        """Files every job of the task whose rc file is there."""
        for job in task.jobs:
            if id(job) in self.unfinished and os.path.exists(os.path.join(table.job_dir(job), "rc")):
                if finish_from_rc(job, table.job_dir(job), timeout):
                    self.done(job)

    def settle(self, table, task, timeout, again):
        """The task has ended: its jobs without an rc file get its state,
        or go into `again` to be submitted once more."""
        state = task.state or "vanished"
        why = "slurm task %s %s%s" % (task.name(), state,
                                      " (%s)" % task.reason if task.reason not in ("", "None") else "")
        if task.state is None:
            self.vanished.append(task.name())
            why = "slurm task %s left squeue without an end state" % task.name()
        for job in task.jobs:
            if id(job) not in self.unfinished:
                continue
            d = table.job_dir(job)
            started = os.path.exists(os.path.join(d, "task"))
            if job.get("_slurm_attempt", 0) < self.retries and (
                    state in RETRIED or (not started and state in RESUBMIT_UNSTARTED)):
                again.append(job)
                continue
            msg = "%s before the job %s (task output %s)" % (
                why, "finished" if started else "started",
                os.path.join(task.sub, "task-%d.out" % task.index))
            note(d, msg)
            # COMPLETED without the job's rc: the task ran to its end, the
            # job's result never appeared.
            lost(job, "vanished" if state == "COMPLETED" else state, msg)
            self.done(job)

    def poll(self, table, timeout):
        states = self.squeue()
        now = time.monotonic()
        again = []
        for task in list(self.tasks):
            self.collect(table, task, timeout)
            if states is not None:
                got = states.get((task.array, task.index))
                if got:
                    task.state, task.reason = got
                    task.absent = 0
                else:
                    task.absent += 1
                ended = (got and got[0] not in LIVE) or task.absent >= VANISH_POLLS
                if ended and task.ended is None:
                    task.ended = now
                    if not got:
                        task.state = None
            if task.ended is not None and now - task.ended >= GRACE:
                self.collect(table, task, timeout)
                self.settle(table, task, timeout, again)
                self.tasks.remove(task)
            elif not any(id(j) in self.unfinished for j in task.jobs):
                self.tasks.remove(task)
        if again:
            self.info["resubmitted_jobs"] += len(again)
            self.resubmit(table, again, timeout)

    def resubmit(self, table, jobs, timeout):
        by_attempt = {}
        for job in jobs:
            n = job.get("_slurm_attempt", 0) + 1
            job["_slurm_attempt"] = n
            by_attempt.setdefault(n, []).append(job)
        for n, group in sorted(by_attempt.items()):
            self.submit(table, group, timeout, "submitted again (attempt %d)" % (n + 1))

    # ------------------------------------------------------------ run/stop

    def run(self, table, parallel, timeout, progress=None):
        """--jobs is the local launcher's: Slurm decides how many tasks run."""
        self.out_dir = table.out_dir
        self.progress = progress
        jobs = list(table.pending)
        self.all_jobs = jobs
        self.unfinished = {id(j) for j in jobs}
        try:
            self.submit(table, jobs, timeout)
            table.pending[:] = []
            while self.unfinished:
                if STOP.requested:
                    raise KeyboardInterrupt
                time.sleep(self.a.slurm_poll)
                self.poll(table, timeout)
            if self.vanished:
                # Gone from squeue is not proof of gone from the node.
                cancel(self.vanished, False)
        except KeyboardInterrupt:
            self.stop(table, "interrupted by %s" % STOP.name(), wait=True)
            raise
        except runner.ReportDirError:
            self.stop(table, "report folder not writable", wait=True)
            raise
        except HardStop:
            self.stop(table, "stopped by a second signal")
            raise
        finally:
            for job in jobs:
                job.pop("_slurm_attempt", None)

    def stop(self, table, why, wait=False):
        """scancel of this run's arrays (by id, nothing else); finished
        jobs are filed, started ones interrupted, the rest stay not_run."""
        if self.arrays:
            cancel(self.arrays, wait)
        for job in getattr(self, "all_jobs", []):
            if id(job) not in self.unfinished:
                continue
            d = table.job_dir(job)
            if os.path.exists(os.path.join(d, "rc")) and finish_from_rc(job, d, self.a.timeout):
                pass
            elif os.path.exists(os.path.join(d, "task")):
                note(d, why)
                runner.mark(job, results.INTERRUPTED, why)
            self.unfinished.discard(id(job))
        table.pending[:] = []


def cancel(arrays, wait):
    """scancel by job id; with wait, until none of them runs (10 s at most)."""
    try:
        subprocess.run(["scancel"] + list(arrays), timeout=20, stdin=subprocess.DEVNULL,
                       capture_output=True)
        end = time.monotonic() + (10 if wait else 0)
        while time.monotonic() < end:
            p = subprocess.run(["squeue", "-h", "-r", "-t", "PD,R,CG,S", "-j", ",".join(arrays),
                                "-o", "%i"], timeout=20, capture_output=True, text=True,
                               stdin=subprocess.DEVNULL)
            if p.returncode or not p.stdout.strip():
                return
            time.sleep(0.2)
    except (OSError, subprocess.TimeoutExpired):
        pass


def finish_from_rc(job, job_dir, timeout):
    """Files the job from its rc file ("<status> <ns>"); False while the
    file is not complete yet."""
    try:
        with open(os.path.join(job_dir, "rc")) as f:
            words = f.read().split()
        rc, ns = int(words[0]), int(words[1])
    except (OSError, ValueError, IndexError):
        return False
    duration = ns / 1e9
    # timeout(1): 124 when it stopped the job, 137 when it had to SIGKILL;
    # a shell reports a signal as 128 + signal (the local runner: -signal).
    timed_out = rc == 124 or (rc == 137 and duration >= timeout)
    if timed_out:
        note(job_dir, "killed after %.0f s timeout" % timeout)
    elif rc > 128:
        rc = -(rc - 128)
    runner.finish_job(job, rc, timed_out, duration, job_dir)
    return True


def note(job_dir, text):
    try:
        with open(os.path.join(job_dir, "log.txt"), "a") as f:
            f.write("\n[regress] %s\n" % text)
    except OSError:
        pass


def lost(job, state, message):
    sig = "slurm.%s" % state
    job.update(outcome=LOST, signature=sig, area=results.spec_area(sig), message=message,
               exit_code=None, coverage=None, duration=job.get("duration") or 0.0)
