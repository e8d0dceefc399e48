# SPDX-License-Identifier: Apache-2.0
"""Classify finished jobs from their exit status and result.json; buckets."""

import json
import signal

# Keys every result.json carries (docs/results.md, contract in the brief).
REQUIRED_KEYS = ("tool", "schema", "status", "exit_code", "vector", "variant",
                 "ops", "repro", "counts", "cycles", "mismatches", "signature")
STATUS_BY_EXIT = {0: "pass", 1: "mismatch", 2: "error", 3: "watchdog"}

# Where each mismatch area is specified (docs/spec.md).
SPEC_AREA = {
    "xlate": "§4 translation",
    "walk": "§5 page-table walk",
    "tlb": "§6 TLB",
    "flpd": "§7 FLPD cache",
    "fault": "§8 faults",
    "irq": "§8.3 interrupt",
    "reg": "§9 registers",
    "counter": "§10 counters",
    "expect": "vector expectation",
    "watchdog": "§2.1/§12 progress (watchdog)",
    "runner": "no valid result (timeout, crash, bad result.json)",
    "slurm": "batch system: the job's Slurm task ended without its result",
}

# Job outcomes. Everything but pass, not_run and interrupted is a failure.
PASS = "pass"
NOT_RUN = "not_run"            # never started
INTERRUPTED = "interrupted"    # started, stopped by a signal or the runner
UNFINISHED = (NOT_RUN, INTERRUPTED)


def spec_area(signature):
    if not signature:
        return "unknown"
    head = signature.split(".", 1)[0].split(":", 1)[0]
    return SPEC_AREA.get(head, "unknown area %s" % head)


def load_result(path):
    """(result dict, None) or (None, reason) for a missing/garbled file."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        return None, "no result.json"
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, "garbled result.json: %s" % e
    if not isinstance(data, dict):
        return None, "garbled result.json: not an object"
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        return None, "garbled result.json: missing %s" % ", ".join(missing)
    if not isinstance(data["counts"], dict) or not isinstance(data["mismatches"], list):
        return None, "garbled result.json: counts/mismatches of the wrong type"
    return data, None


def signal_name(num):
    try:
        return signal.Signals(num).name
    except ValueError:
        return "signal %d" % num


def classify(rc, timed_out, result, reason, interrupted=False):
    """Outcome of one job: dict(outcome, signature, area, message).

    rc: exit code (negative = killed by that signal); result: parsed
    result.json or None with reason."""
    if interrupted:
        return _out(INTERRUPTED, None, "interrupted before it finished")
    if timed_out:
        return _out("timeout", "runner.timeout", "killed after the job timeout")
    if rc is not None and rc < 0:
        name = signal_name(-rc)
        return _out("crash", "runner.crash:" + name, "terminated by " + name)
    if rc is not None and rc >= 128 and rc - 128 in (6, 11, 7, 8, 4):
        # A shell or an abort handler reporting a signal (assertion: 134).
        name = signal_name(rc - 128)
        return _out("crash", "runner.crash:" + name, "exit %d (%s)" % (rc, name))
    if rc == 2:
        # Before the result checks: an input error (bad vector, bad option)
        # writes no result.json, and it is not a design failure.
        return _out("error", "runner.input_error", "usage/input error (exit 2)")
    if result is None:
        return _out("garbled", "runner.result", "exit %s, %s" % (rc, reason))
    status = result.get("status")
    if STATUS_BY_EXIT.get(rc) != status or result.get("exit_code") != rc:
        return _out("garbled", "runner.result",
                    "exit %s but result.json says status=%r exit_code=%r"
                    % (rc, status, result.get("exit_code")))
    if rc == 0:
        if result["mismatches"]:
            return _out("garbled", "runner.result", "pass with mismatches listed")
        return _out(PASS, None, "")
    sig = result.get("signature")
    if rc == 3:
        return _out("watchdog", sig or "watchdog", "watchdog (exit 3)")
    if not sig:
        return _out("garbled", "runner.result", "mismatch without a signature")
    first = result["mismatches"][0] if result["mismatches"] else {}
    msg = "%s: expected %s, got %s" % (sig, first.get("expected"), first.get("actual"))
    return _out("mismatch", sig, msg)


def classify_unfinished(outcome, message):
    """Outcome of a job that never ran (not_run) or was stopped (interrupted)."""
    assert outcome in UNFINISHED
    return _out(outcome, None, message)


def _out(outcome, sig, message):
    return {"outcome": outcome, "signature": sig, "area": spec_area(sig),
            "message": message}


def is_failure(job):
    return job["outcome"] not in (PASS,) + UNFINISHED


def bucketize(jobs):
    """Failures grouped by signature, biggest bucket first, then by name.
    Each bucket: signature, area, count, job ids (job-list order), first."""
    buckets = {}
    for job in jobs:
        if not is_failure(job):
            continue
        b = buckets.setdefault(job["signature"], {
            "signature": job["signature"], "area": job["area"], "count": 0,
            "jobs": [], "variants": [], "groups": []})
        b["count"] += 1
        b["jobs"].append(job["id"])
        if job["variant"] not in b["variants"]:
            b["variants"].append(job["variant"])
        if job["group"] not in b["groups"]:
            b["groups"].append(job["group"])
    out = sorted(buckets.values(), key=lambda b: (-b["count"], b["signature"]))
    for i, b in enumerate(out, 1):
        b["id"] = "b%02d" % i
        b["first"] = b["jobs"][0]
        b["variants"].sort()
        b["groups"].sort()
    return out
