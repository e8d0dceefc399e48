# SPDX-License-Identifier: Apache-2.0
"""RTL code coverage: merge Verilator .dat files, lcov info, genhtml."""

import os
import re
import subprocess

from .stop import STOP

CHUNK = 200  # .dat files merged per verilator_coverage call


def run(cmd, log):
    with open(log, "ab") as f:
        f.write(("$ %s\n" % " ".join(cmd)).encode())
        f.flush()
        rc = STOP.run(cmd, stdout=f, stderr=subprocess.STDOUT)[0]
    if rc:
        raise RuntimeError("%s failed (exit %d), see %s" % (cmd[0], rc, log))


# The tool as the Makefile names it (make VERILATOR_COVERAGE=...).
VERILATOR_COVERAGE = os.environ.get("VERILATOR_COVERAGE") or "verilator_coverage"


def merge_dat(files, out, log):
    """verilator_coverage --write out files..., in chunks (argument length)."""
    files = sorted(files)
    if not files:
        raise RuntimeError("no coverage .dat files to merge")
    tmp = out + ".part"
    current = None
    for i in range(0, len(files), CHUNK):
        part = files[i:i + CHUNK] + ([current] if current else [])
        run([VERILATOR_COVERAGE, "--write", tmp] + part, log)
        os.replace(tmp, out)
        current = out
    return out


def write_info_html(dat, info, html_dir, log):
    run([VERILATOR_COVERAGE, "--write-info", info, dat], log)
    run(["genhtml", "--quiet", "--output-directory", html_dir, info], log)


# A coverage point: C '<\x01key\x02value...>' count
POINT = re.compile(r"^C '(.*)' (\d+)$")


def dat_summary(path):
    """{kind: {'points', 'covered', 'percent'}} from a .dat, kind from the
    point's page (v_line, v_toggle, v_branch, ...)."""
    kinds = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = POINT.match(line.rstrip("\n"))
            if not m:
                continue
            fields = dict(kv.split("\x02", 1) for kv in m.group(1).split("\x01") if "\x02" in kv)
            page = fields.get("page", "v_other")
            kind = page.split("/", 1)[0]
            kind = kind[2:] if kind.startswith("v_") else kind
            k = kinds.setdefault(kind, {"points": 0, "covered": 0})
            k["points"] += 1
            k["covered"] += int(m.group(2)) > 0
    for k in kinds.values():
        k["percent"] = round(100.0 * k["covered"] / k["points"], 2) if k["points"] else 0.0
    return dict(sorted(kinds.items()))


def info_summary(path):
    """Line coverage from an lcov .info: {'lines', 'hit', 'percent'}. Uses
    LF/LH when present, else counts the DA: records (verilator_coverage
    writes only DA)."""
    lf = lh = da = da_hit = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("LF:"):
                lf += int(line[3:])
            elif line.startswith("LH:"):
                lh += int(line[3:])
            elif line.startswith("DA:"):
                da += 1
                da_hit += int(line.rsplit(",", 1)[1]) > 0
    if not lf:
        lf, lh = da, da_hit
    return {"lines": lf, "hit": lh, "percent": round(100.0 * lh / lf, 2) if lf else 0.0}
