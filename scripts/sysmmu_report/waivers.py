# SPDX-License-Identifier: Apache-2.0
"""RTL code-coverage waivers (docs/coverage-waivers.txt): holes that cannot
be hit, one per line with its reason; raw and waived figures.

Line format (blank lines and '#' comments ignored):

    <kind> <file>[:<where>][ <selector>] -- <reason>

kind is line, branch or toggle (Verilator's coverage pages v_line,
v_branch, v_toggle); file is matched as a path suffix of the point's file.
<where> pins the source line, so that an edit elsewhere in the file does
not move the waiver onto another point or make it stale:
  - ':/text/' the points on lines whose source contains text (read from the
    RTL file; a text that no line of the file holds any more is stale);
  - ':N' line N (brittle: any edit above it moves the point);
  - nothing: every line of the file; for toggles, where the selector's
    signal name says which point.
The selector narrows to the points whose comment matches: * and ? are
wildcards, brackets are literal except a bit range 'ctrl_q[31:3]' (bits 3
to 31 of ctrl_q, also inside 'data_q[*][31:28]'); 'v3:' or 'v5:' first
keeps to the modules verilated for that variant, '<module>__<params>:'
(e.g. 'sysmmu_tlb__N20_P14:', the coverage page of one parameter set) to
one module instance kind. A waiver that matches no
point, or only points that are covered, is stale and reported: the hole it
explains is gone.
"""

import os
import re

from . import codecov

KINDS = ("line", "branch", "toggle")
LINE = re.compile(r"^(\w+)\s+([^\s:]+)(?::(\d+)|:/([^/]+)/)?(?:\s+(.+?))?\s+--\s+(\S.*)$")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class WaiverError(Exception):
    """A waiver file line that does not parse (file:line: reason)."""


def load(path, root=ROOT):
    """[{kind, file, line, text, lines, glob, reason, where}] or WaiverError.
    A ':/text/' waiver gets the numbers of the lines of root/file holding
    text (lines, empty when none does: stale)."""
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise WaiverError("%s: %s" % (path, e.strerror or e)) from e
    for n, text in enumerate(lines, 1):
        body = text.strip()
        if not body or body.startswith("#"):
            continue
        m = LINE.match(body)
        if not m:
            raise WaiverError("%s:%d: want '<kind> <file>[:<line>|:/<text>/][ <selector>] "
                              "-- <reason>'" % (path, n))
        if m.group(1) not in KINDS:
            raise WaiverError("%s:%d: kind %r is not one of %s" % (path, n, m.group(1),
                                                                 ", ".join(KINDS)))
        w = {"kind": m.group(1), "file": m.group(2),
             "line": int(m.group(3)) if m.group(3) else None, "text": m.group(4),
             "glob": m.group(5), "reason": m.group(6).strip(), "where": "%s:%d" % (path, n)}
        if w["text"] is not None:
            w["lines"] = source_lines(os.path.join(root, w["file"]), w["text"], path, n)
        out.append(w)
    return out


def source_lines(src, text, path, n):
    """The numbers of the lines of src that contain text."""
    try:
        with open(src, encoding="utf-8", errors="replace") as f:
            return [i for i, line in enumerate(f, 1) if text in line]
    except OSError as e:
        raise WaiverError("%s:%d: %s: %s" % (path, n, src, e.strerror or e)) from e


def location(w):
    """How a waiver names its place, for messages."""
    if w.get("text") is not None:
        return "%s:/%s/" % (w["file"], w["text"])
    if w.get("line") is not None:
        return "%s:%d" % (w["file"], w["line"])
    return w["file"]


def points(dat):
    """Every point of a merged .dat: (kind, file, line, comment, count)."""
    out = []
    with open(dat, encoding="utf-8", errors="replace") as f:
        for raw in f:
            m = codecov.POINT.match(raw.rstrip("\n"))
            if not m:
                continue
            fields = dict(kv.split("\x02", 1) for kv in m.group(1).split("\x01")
                          if "\x02" in kv)
            kind = fields.get("page", "v_other").split("/", 1)[0]
            kind = kind[2:] if kind.startswith("v_") else kind
            try:
                line = int(fields.get("l", "0"))
            except ValueError:
                line = 0
            out.append((kind, fields.get("f", ""), line, fields.get("o", ""), int(m.group(2)),
                        fields.get("page", "")))
    return out


def matches(w, point):
    kind, fname, line, comment = point[:4]
    page = point[5] if len(point) > 5 else ""
    if kind != w["kind"] or not (fname == w["file"] or fname.endswith("/" + w["file"])):
        return False
    if w.get("text") is not None and line not in w["lines"]:
        return False
    if w.get("line") is not None and line != w["line"]:
        return False
    return not w["glob"] or selector_matches(w["glob"], comment, page)


RANGE = re.compile(r"\[(\d+):(\d+)\]")


def selector_matches(sel, comment, page):
    """A waiver selector against a point's comment ('ctrl_q[5]') and page
    ('v_toggle/sysmmu_regs__V3_T20_F8_P20')."""
    m = re.match(r"v([35]):", sel)
    if m:
        if "__V%s_" % m.group(1) not in page + "_":
            return False
        sel = sel[3:]
    m = re.match(r"(\w+__\w+):", sel)
    if m:
        if not page.endswith("/" + m.group(1)):
            return False
        sel = sel[m.end():]
    ranges = [(int(a), int(b)) for a, b in RANGE.findall(sel)]
    pattern = "".join(re.escape(part) if i % 2 == 0 else r"\[(\d+)\]"
                      for i, part in enumerate(RANGE.sub("\0", sel).split("\0")))
    pattern = pattern.replace(r"\*", ".*").replace(r"\?", ".")
    m = re.fullmatch(pattern, comment)
    if not m:
        return False
    return all(min(hi, lo) <= int(bit) <= max(hi, lo)
               for (hi, lo), bit in zip(ranges, m.groups()))


def apply(dat, waivers):
    """{'summary': {kind: raw and waived figures}, 'stale': [...], 'used':
    [waivers with the number of holes each explains]}. A waived figure
    leaves the waived holes out of the points (covered / (points - waived))."""
    pts = points(dat)
    summary = {}
    for kind, _, _, _, count, _ in pts:
        s = summary.setdefault(kind, {"points": 0, "covered": 0, "waived": 0})
        s["points"] += 1
        s["covered"] += count > 0
    used, stale = [], []
    waived_ids = set()
    for w in waivers:
        hit = [i for i, p in enumerate(pts) if matches(w, p)]
        holes = [i for i in hit if pts[i][4] == 0]
        if w.get("text") is not None and not w["lines"]:
            stale.append("%s: %s %s: no line of %s holds that text any more" % (
                w["where"], w["kind"], location(w), w["file"]))
        elif not hit:
            stale.append("%s: %s %s matches no coverage point" % (
                w["where"], w["kind"], location(w)))
        elif not holes:
            stale.append("%s: %s %s is covered now; delete the waiver" % (
                w["where"], w["kind"], location(w)))
        used.append(dict(w, holes=len(holes)))
        waived_ids.update(holes)
    for i in waived_ids:
        summary[pts[i][0]]["waived"] += 1
    for s in summary.values():
        s["percent"] = _pct(s["covered"], s["points"])
        s["waived_percent"] = _pct(s["covered"], s["points"] - s["waived"])
    return {"summary": dict(sorted(summary.items())), "stale": stale, "used": used}


def holes(dat, kind=None, limit=None):
    """The uncovered points as 'kind file:line comment' (for the report and
    for writing new waivers or tests)."""
    out = ["%s %s:%d %s" % (k, f, l, c) for k, f, l, c, n, _ in points(dat)
           if n == 0 and (kind is None or k == kind)]
    return out[:limit] if limit else out


def _pct(num, den):
    return round(100.0 * num / den, 2) if den else 100.0


def attach(cov, dat, path):
    """Adds the waived figures to a code_coverage record (cov['summary'] is
    the raw one): cov['waived'][kind], cov['waivers'] (each with the holes
    it explains), cov['stale_waivers']. A missing file waives nothing; a
    file that does not parse is an error in the record."""
    cov["waiver_file"] = path
    try:
        ws = load(path) if path else []
    except WaiverError as e:
        cov["waiver_error"] = str(e)
        ws = []
    res = apply(dat, ws)
    cov["waived"] = {k: {"points": s["points"] - s["waived"], "covered": s["covered"],
                         "waived": s["waived"], "percent": s["waived_percent"]}
                     for k, s in res["summary"].items()}
    cov["waivers"] = res["used"]
    cov["stale_waivers"] = res["stale"]
    return cov
