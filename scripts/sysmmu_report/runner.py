# SPDX-License-Identifier: Apache-2.0
"""Runs jobs in parallel processes with timeouts; Ctrl-C stops cleanly."""

import os
import shlex
import subprocess
import sys
import time

from . import jobs as jobsmod
from . import results
from .stop import STOP, HardStop, kill

# result.json fields kept per job in the report (coverage is merged apart).
KEEP_FIELDS = ("status", "repro", "counts", "cycles", "wall_seconds",
               "tlb_hit_rate", "latency", "ops", "tlb_entries", "flpd_entries")


def job_command(sim, job, job_dir, coverage, extra=None):
    cmd = [sim] + jobsmod.sim_args(job)
    cmd += ["--json", os.path.join(job_dir, "result.json")]
    if coverage:
        cmd += ["--coverage-dat", os.path.join(job_dir, "coverage.dat")]
    return cmd + list(extra or [])


def shell_line(cmd):
    return " ".join(shlex.quote(c) for c in cmd)


class Progress:
    """done/total, pass/fail so far and ETA; one line per update."""

    MAX_FAIL_LINES = 20

    def __init__(self, total, stream=None, every=2.0):
        self.total = total
        self.stream = stream or sys.stdout
        self.every = every
        self.start = time.monotonic()
        self.last = 0.0
        self.done = self.passed = self.failed = 0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, job):
        self.done += 1
        if job["outcome"] == results.PASS:
            self.passed += 1
        elif results.is_failure(job):
            self.failed += 1
            if self.failed <= self.MAX_FAIL_LINES:
                self._line("FAIL %s: %s\n  repro: %s" % (
                    job["id"], job["message"], job.get("repro") or job.get("command")),
                    force=True)
            elif self.failed == self.MAX_FAIL_LINES + 1:
                self._line("(further failures are counted, not listed)", force=True)
        now = time.monotonic()
        if now - self.last >= self.every or self.done == self.total:
            self.last = now
            self._line(self.text(now))

    def text(self, now=None):
        elapsed = (now or time.monotonic()) - self.start
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0
        return "[%*d/%d] pass %d fail %d  elapsed %s  ETA %s" % (
            len(str(self.total)), self.done, self.total, self.passed,
            self.failed, fmt_time(elapsed), fmt_time(eta))

    def _line(self, text, force=False):
        if self.tty and not force:
            self.stream.write("\r" + text + "\033[K")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            if self.tty:
                self.stream.write("\r\033[K")
            self.stream.write(text + "\n")
        self.stream.flush()


def fmt_time(sec):
    sec = int(sec + 0.5)
    if sec >= 3600:
        return "%dh%02dm" % (sec // 3600, sec % 3600 // 60)
    if sec >= 60:
        return "%dm%02ds" % (sec // 60, sec % 60)
    return "%ds" % sec


class ReportDirError(Exception):
    """The report folder cannot be written (a usage error: exit 2)."""


def mark(job, outcome, message):
    """Files an outcome on a job that did not run to its end (one update, so
    a signal never sees it half-filed)."""
    upd = results.classify_unfinished(outcome, message)
    upd.update(exit_code=None, duration=job.get("duration") or 0.0, coverage=None)
    job.update(upd)
    return job


def finish_job(job, rc, timed_out, duration, job_dir, interrupted=False):
    """Fills in the job's outcome from its exit status and result.json."""
    res_path = os.path.join(job_dir, "result.json")
    if interrupted:
        result, reason = None, "not run"
    else:
        result, reason = results.load_result(res_path)
    upd = results.classify(rc, timed_out, result, reason, interrupted)
    if upd["outcome"] == "error" and result is None:
        upd["message"] = input_error_message(job_dir, upd["message"])
    upd.update(exit_code=rc, duration=round(duration, 3), dir=job_dir, coverage=None)
    if result is not None:
        for key in KEEP_FIELDS:
            upd[key] = result.get(key)
        upd["mismatches"] = result.get("mismatches", [])[:5]
        cov = result.get("coverage")
        if isinstance(cov, dict) and isinstance(cov.get("covergroups"), dict):
            upd["coverage"] = cov["covergroups"]
    job.update(upd)
    return job


def input_error_message(job_dir, fallback):
    """The simulator's own words for an input error: the last line of its
    log (e.g. 'x.vec:12: bad number ...')."""
    try:
        with open(os.path.join(job_dir, "log.txt"), "rb") as f:
            lines = f.read()[-4096:].decode("utf-8", "replace").splitlines()
    except OSError:
        return fallback
    lines = [l.strip() for l in lines if l.strip() and not l.startswith("$ ")
             and not l.startswith("usage:") and not l.startswith("  ")]
    return "%s: %s" % (fallback, lines[-1]) if lines else fallback


def writable_dir(path):
    """None when files can be created in path, else the reason."""
    probe = os.path.join(path, ".regress-probe-%d" % os.getpid())
    try:
        with open(probe, "wb") as f:
            f.write(b"x")
        os.unlink(probe)
    except OSError as e:
        return e.strerror or str(e)
    return None


class JobTable:
    """Every job of the list, always with an outcome: not_run until it
    starts, then its result, or interrupted if stopped while running."""

    def __init__(self, job_list, sim, out_dir, coverage=False, extra_args=None, stop=None):
        self.jobs = list(job_list)
        self.sim = sim
        self.out_dir = out_dir
        self.coverage = coverage
        self.extra = extra_args
        self.stop = stop or STOP
        self.pending = list(self.jobs)
        self.running = {}   # job id -> (job, proc, start, log)
        for job in self.jobs:
            job_dir = self.job_dir(job)
            job["command"] = shell_line(job_command(sim, job, job_dir, coverage, extra_args))
            job["dir"] = job_dir
            mark(job, results.NOT_RUN, "not started")

    def drop(self, pred):
        """Removes the not yet started jobs pred selects; returns how many."""
        gone = {id(j) for j in self.pending if pred(j)}
        self.jobs[:] = [j for j in self.jobs if id(j) not in gone]
        self.pending = [j for j in self.pending if id(j) not in gone]
        return len(gone)

    def job_dir(self, job):
        return os.path.join(self.out_dir, "jobs", job["id"])

    def start(self, job):
        """Job dir, log, process. OSError here is the report folder's."""
        job_dir = self.job_dir(job)
        try:
            os.makedirs(job_dir, exist_ok=True)
            for stale in ("result.json", "coverage.dat"):
                if os.path.exists(os.path.join(job_dir, stale)):
                    os.unlink(os.path.join(job_dir, stale))
            log = open(os.path.join(job_dir, "log.txt"), "wb")
            log.write(("$ %s\n" % job["command"]).encode())
            log.flush()
        except OSError as e:
            raise ReportDirError("%s: %s" % (job_dir, e.strerror or e)) from e
        cmd = job_command(self.sim, job, job_dir, self.coverage, self.extra)
        with self.stop.deferred():
            try:
                proc = self.stop.spawn(cmd, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL)
            except OSError:
                log.close()
                raise
            self.pending.remove(job)
            self.running[job["id"]] = (job, proc, time.monotonic(), log)

    def reap(self, timeout, progress=None):
        for jid in list(self.running):
            job, proc, start, log = self.running[jid]
            rc = proc.poll()
            elapsed = time.monotonic() - start
            timed_out = rc is None and elapsed > timeout
            if rc is None and not timed_out:
                continue
            if timed_out:
                kill(proc)
                rc = proc.wait()
            self.finish(job, proc, log, rc, timed_out, elapsed, timeout)
            if progress:
                progress.update(job)

    def finish(self, job, proc, log, rc, timed_out, elapsed, timeout):
        job_dir = self.job_dir(job)
        with self.stop.deferred():
            try:
                if timed_out:
                    log.write(b"\n[regress] killed after %.0f s timeout\n" % timeout)
                log.close()
            except OSError:
                pass
            self.stop.forget(proc)
            del self.running[job["id"]]
            bad_dir = None
            if not os.path.exists(os.path.join(job_dir, "result.json")):
                bad_dir = writable_dir(job_dir)
            if bad_dir:
                # The simulator could not write its result: the folder's fault.
                mark(job, results.INTERRUPTED, "report folder not writable: %s" % bad_dir)
                job["duration"] = round(elapsed, 3)
            else:
                finish_job(job, rc, timed_out, elapsed, job_dir)
        if bad_dir:
            raise ReportDirError("%s: %s" % (job_dir, bad_dir))

    def stop_running(self, why):
        """Kills what runs and files it as interrupted; pending jobs keep
        their not_run."""
        with self.stop.deferred():
            for job, proc, start, log in list(self.running.values()):
                kill(proc)
            for jid in list(self.running):
                job, proc, start, log = self.running.pop(jid)
                proc.wait()
                self.stop.forget(proc)
                try:
                    log.write(("\n[regress] %s\n" % why).encode())
                    log.close()
                except OSError:
                    pass
                mark(job, results.INTERRUPTED, why)
                job["duration"] = round(time.monotonic() - start, 3)

    def run(self, parallel, timeout, progress=None):
        """Runs every pending job. KeyboardInterrupt, HardStop and
        ReportDirError propagate after the running jobs are stopped and
        filed as interrupted."""
        nap = 0.001
        try:
            while self.pending or self.running:
                if self.stop.requested:
                    raise KeyboardInterrupt     # held by a failed deferred()
                while self.pending and len(self.running) < parallel:
                    self.start(self.pending[0])
                # A generated job takes 10-30 ms: a fixed 20 ms nap left a
                # core idle for half of it. Naps start at 1 ms and double,
                # up to 20 ms, while nothing ends.
                time.sleep(nap)
                done = len(self.running)
                self.reap(timeout, progress)
                nap = 0.001 if len(self.running) < done else min(2 * nap, 0.02)
        except KeyboardInterrupt:
            self.stop_running("interrupted by %s" % self.stop.name())
            raise
        except ReportDirError:
            self.stop_running("report folder not writable")
            raise
        except HardStop:
            self.stop_running("stopped by a second signal")
            raise


def run_jobs(job_list, sim, out_dir, parallel, timeout, coverage=False,
             progress=None, extra_args=None):
    """Runs every job; returns (jobs, interrupted). Each job gets a directory
    out_dir/jobs/<id>/ with log.txt and result.json. On Ctrl-C the running
    jobs are killed and filed as interrupted, the others keep not_run."""
    table = JobTable(job_list, sim, out_dir, coverage, extra_args)
    try:
        table.run(parallel, timeout, progress)
    except KeyboardInterrupt:
        return table.jobs, True
    return table.jobs, False
