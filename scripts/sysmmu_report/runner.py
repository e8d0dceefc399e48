# SPDX-License-Identifier: Apache-2.0
"""Runs jobs in parallel processes with timeouts; Ctrl-C stops cleanly."""

import os
import shlex
import signal
import subprocess
import sys
import time

from . import jobs as jobsmod
from . import results

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


def finish_job(job, rc, timed_out, duration, job_dir, interrupted=False):
    """Fills in the job's outcome from its exit status and result.json."""
    res_path = os.path.join(job_dir, "result.json")
    result, reason = (None, "not run") if interrupted else results.load_result(res_path)
    job.update(results.classify(rc, timed_out, result, reason, interrupted))
    job["exit_code"] = rc
    job["duration"] = round(duration, 3)
    job["dir"] = job_dir
    job["coverage"] = None
    if result is not None:
        for key in KEEP_FIELDS:
            job[key] = result.get(key)
        job["mismatches"] = result.get("mismatches", [])[:5]
        cov = result.get("coverage")
        if isinstance(cov, dict) and isinstance(cov.get("covergroups"), dict):
            job["coverage"] = cov["covergroups"]
    return job


def _kill(proc, sig=signal.SIGKILL):
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def run_jobs(job_list, sim, out_dir, parallel, timeout, coverage=False,
             progress=None, extra_args=None):
    """Runs every job; returns (jobs, interrupted). Each job gets a directory
    out_dir/jobs/<id>/ with log.txt and result.json. On Ctrl-C the running
    jobs are killed and every unfinished job is marked not_run."""
    pending = list(job_list)
    running = {}  # pid -> (job, proc, start, logfile)
    interrupted = False
    try:
        while pending or running:
            while pending and len(running) < parallel:
                job = pending.pop(0)
                job_dir = os.path.join(out_dir, "jobs", job["id"])
                os.makedirs(job_dir, exist_ok=True)
                for stale in ("result.json", "coverage.dat"):
                    if os.path.exists(os.path.join(job_dir, stale)):
                        os.unlink(os.path.join(job_dir, stale))
                cmd = job_command(sim, job, job_dir, coverage, extra_args)
                job["command"] = shell_line(cmd)
                log = open(os.path.join(job_dir, "log.txt"), "wb")
                log.write(("$ %s\n" % job["command"]).encode())
                log.flush()
                proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL,
                                        start_new_session=True)
                running[proc.pid] = (job, proc, time.monotonic(), log)
            time.sleep(0.02)
            for pid in list(running):
                job, proc, start, log = running[pid]
                rc = proc.poll()
                elapsed = time.monotonic() - start
                timed_out = rc is None and elapsed > timeout
                if rc is None and not timed_out:
                    continue
                if timed_out:
                    _kill(proc)
                    rc = proc.wait()
                    log.write(b"\n[regress] killed after %.0f s timeout\n" % timeout)
                log.close()
                del running[pid]
                finish_job(job, rc, timed_out, elapsed, os.path.dirname(log.name))
                if progress:
                    progress.update(job)
    except KeyboardInterrupt:
        interrupted = True
        for job, proc, start, log in running.values():
            _kill(proc)
            proc.wait()
            log.write(b"\n[regress] interrupted\n")
            log.close()
            finish_job(job, None, False, time.monotonic() - start,
                       os.path.dirname(log.name), interrupted=True)
        for job in pending:
            job["command"] = shell_line(job_command(sim, job, os.path.join(
                out_dir, "jobs", job["id"]), coverage, extra_args))
            finish_job(job, None, False, 0.0, os.path.join(out_dir, "jobs", job["id"]),
                       interrupted=True)
    return job_list, interrupted
