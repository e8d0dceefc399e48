# SPDX-License-Identifier: Apache-2.0
"""Delta debugging of a failing vector: drop op lines while the same
failure signature persists (Zeller's ddmin over complements)."""

import os
import subprocess
import tempfile
import time

from . import results
from .stop import STOP

HEADER_WORDS = ("sysmmu-vec", "variant", "tlb_entries", "flpd_entries", "id_width")


def split_vector(text):
    """(header lines, [(source line number, op line)]); comments dropped."""
    header, ops = [], []
    for lineno, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        if body.split()[0] in HEADER_WORDS:
            header.append(body)
        else:
            ops.append((lineno, body))
    return header, ops


def join_vector(header, ops):
    return "\n".join(header + [op for _, op in ops]) + "\n"


def ddmin(items, test, max_tests=300, deadline=None):
    """Smallest sublist found for which test() holds (test(items) must).
    Stops early when max_tests calls or the deadline are used up.
    Returns (items, tests run)."""
    tried = {}
    calls = 0

    def check(sub):
        nonlocal calls
        key = tuple(id(x) for x in sub)
        if key not in tried:
            calls += 1
            tried[key] = test(sub)
        return tried[key]

    n = 2
    while len(items) >= 2:
        chunk = -(-len(items) // n)
        parts = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        reduced = False
        for i in range(len(parts)):
            if calls >= max_tests or (deadline and time.monotonic() > deadline):
                return items, calls
            rest = [x for j, p in enumerate(parts) if j != i for x in p]
            if check(rest):
                items, n, reduced = rest, max(n - 1, 2), True
                break
        if not reduced:
            if n >= len(items):
                break
            n = min(len(items), n * 2)
    return items, calls


class SimOracle:
    """Runs the simulator on a candidate vector; true when it fails with
    the target signature."""

    def __init__(self, sim, extra_args, signature, workdir, timeout=60):
        self.sim = sim
        self.extra = list(extra_args)
        self.signature = signature
        self.workdir = workdir
        self.timeout = timeout
        self.runs = 0

    def run(self, path):
        """Signature of one run of the simulator on path (None = pass)."""
        self.runs += 1
        res = os.path.join(self.workdir, "try-result.json")
        if os.path.exists(res):
            os.unlink(res)
        cmd = [self.sim, path, "--json", res, "--quiet"] + self.extra
        rc = STOP.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                      timeout=self.timeout)[0]
        timed_out = rc is None
        result, reason = results.load_result(res)
        out = results.classify(rc, timed_out, result, reason)
        first = None
        if result and result.get("mismatches"):
            first = result["mismatches"][0]
        return out["signature"], first

    def cleanup(self):
        res = os.path.join(self.workdir, "try-result.json")
        if os.path.exists(res):
            os.unlink(res)

    def __call__(self, header, ops):
        fd, path = tempfile.mkstemp(suffix=".vec", dir=self.workdir)
        with os.fdopen(fd, "w") as f:
            f.write(join_vector(header, ops))
        try:
            sig, _ = self.run(path)
        finally:
            os.unlink(path)
        return sig == self.signature


def minimize_file(src, dst, oracle, max_tests=300, max_seconds=120):
    """Minimizes vector src into dst. Returns a dict: reproduced (bool),
    ops_before, ops_after, tests; dst is written only when reproduced."""
    with open(src, encoding="utf-8") as f:
        header, ops = split_vector(f.read())
    info = {"reproduced": False, "ops_before": len(ops), "ops_after": len(ops),
            "tests": 0, "signature_seen": None}
    sig, first = oracle.run(src)
    info["signature_seen"] = sig
    if sig != oracle.signature:
        oracle.cleanup()
        return info
    info["reproduced"] = True
    deadline = time.monotonic() + max_seconds
    # Nothing after the first mismatch can matter to it: cut there first.
    line = (first or {}).get("line")
    if isinstance(line, int) and line > 0:
        cut = [op for op in ops if op[0] <= line]
        if cut and len(cut) < len(ops) and oracle(header, cut):
            ops = cut
    best, tests = ddmin(ops, lambda sub: oracle(header, sub), max_tests, deadline)
    info["tests"] = oracle.runs
    oracle.cleanup()
    info["ops_after"] = len(best)
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n")
        f.write("# minimized from %s (%d -> %d ops), signature %s\n"
                % (os.path.basename(src), info["ops_before"], len(best),
                   oracle.signature))
        f.write(join_vector([], best))
    return info
