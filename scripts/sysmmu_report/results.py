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


def _number(text):
    if isinstance(text, bool):
        return int(text)
    if isinstance(text, int):
        return text
    try:
        return int(str(text), 0)
    except ValueError:
        return None


def difference_kind(mismatch):
    """What kind of difference the first mismatch is, independent of the
    values that vary from seed to seed: missing / unexpected (one side
    absent), spurious (expected 0), zeroed (got 0), low_bits (only bits
    11:0 differ: an offset), one_bit, high_bits, or value (not numbers)."""
    exp, act = mismatch.get("expected"), mismatch.get("actual")
    if exp in (None, "", "none") and act in (None, "", "none"):
        return "value"
    if act in (None, "", "none"):
        return "missing"
    if exp in (None, "", "none"):
        return "unexpected"
    e, a = _number(exp), _number(act)
    if e is None or a is None:
        return "value"
    if e == 0:
        return "spurious"
    if a == 0:
        return "zeroed"
    diff = e ^ a
    if diff < 0x1000:
        return "low_bits"
    return "one_bit" if diff & (diff - 1) == 0 else "high_bits"


def bucket_key(job):
    """The normalised signature: area.field of the first mismatch plus the
    kind of difference, so two bugs in one field are two buckets, while one
    bug's later consequences (further mismatches) never split a bucket.
    Runner signatures (timeout, crash, input error) stand alone."""
    sig = job["signature"]
    first = (job.get("mismatches") or [None])[0]
    if not first or job["outcome"] != "mismatch":
        return sig
    return "%s:%s" % (sig, difference_kind(first))


def job_config(job):
    """v5t32f8: the verilated configuration the job ran on (its result's
    sizes, else the requested ones, else the variant alone)."""
    tlb = job.get("tlb_entries") or job.get("tlb_entries_hdr")
    flpd = job.get("flpd_entries") or job.get("flpd_entries_hdr")
    if tlb and flpd:
        return "v%st%sf%s" % (job["variant"], tlb, flpd)
    return "v%s" % job["variant"]


def bucketize(jobs):
    """Failures grouped by normalised signature (bucket_key), biggest bucket
    first, then by key. Each bucket: key, signature (the simulator's, of the
    first job: what the minimizer reproduces), area, count, job ids
    (job-list order), first, variants, configurations, groups."""
    buckets = {}
    for job in jobs:
        if not is_failure(job):
            continue
        key = bucket_key(job)
        b = buckets.setdefault(key, {
            "key": key, "signature": job["signature"], "area": job["area"], "count": 0,
            "jobs": [], "variants": [], "configs": [], "groups": []})
        b["count"] += 1
        b["jobs"].append(job["id"])
        for field, value in (("variants", job["variant"]), ("configs", job_config(job)),
                             ("groups", job["group"])):
            if value not in b[field]:
                b[field].append(value)
    out = sorted(buckets.values(), key=lambda b: (-b["count"], b["key"]))
    for i, b in enumerate(out, 1):
        b["id"] = "b%02d" % i
        b["first"] = b["jobs"][0]
        b["variants"].sort()
        b["configs"].sort()
        b["groups"].sort()
    return out
