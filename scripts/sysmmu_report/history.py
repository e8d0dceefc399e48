# SPDX-License-Identifier: Apache-2.0
"""History across runs: reports/history.jsonl (one record per regress,
nightly or mutate run), reports/index.html with trend plots, retention of
the last N run folders."""

import fcntl
import json
import os
import re
import shutil
from html import escape

from . import svg

HISTORY = "history.jsonl"
RUN_DIR = re.compile(r"\d{8}-\d{6}(-.*)?")
# (record key, plot title, unit, fixed scale)
TRENDS = (("pass_rate", "Pass rate", "%", 100),
          ("translations", "Translations checked", "", None),
          ("functional", "Functional coverage", "%", 100),
          ("line", "RTL line coverage (waived)", "%", 100),
          ("branch", "RTL branch coverage (waived)", "%", 100),
          ("toggle", "RTL toggle coverage (waived)", "%", 100),
          ("mutation_score", "Mutation score", "%", 100),
          ("translations_per_s", "Translations per second", "", None))


def run_record(kind, run, totals, fsum, out_dir):
    """The one line a regress or nightly run appends."""
    meta = run["meta"]
    dur = meta.get("duration_seconds") or 0
    done = totals["pass"] + totals["fail"]
    rec = {"kind": kind, "run_id": run["run_id"], "started": meta.get("started"),
           "git_rev": meta.get("git_rev"), "status": "interrupted" if meta.get("interrupted")
           else ("fail" if totals["fail"] else "pass"),
           "jobs": totals["jobs"], "pass": totals["pass"], "fail": totals["fail"],
           "pass_rate": round(100.0 * totals["pass"] / done, 2) if done else None,
           "translations": totals["translations"], "duration_seconds": dur,
           "translations_per_s": round(totals["translations"] / dur, 1) if dur else None,
           "functional": fsum["percent"] if fsum["bins"] else None,
           "report": os.path.basename(os.path.abspath(out_dir))}
    cc = run.get("code_coverage") or {}
    for kind_ in ("line", "branch", "toggle"):
        waived = (cc.get("waived") or {}).get(kind_) or (cc.get("summary") or {}).get(kind_)
        raw = (cc.get("summary") or {}).get(kind_)
        rec[kind_] = waived["percent"] if waived else None
        rec[kind_ + "_raw"] = raw["percent"] if raw else None
    return rec


def append(history, rec):
    """Appends one JSON line under an exclusive lock (shards, parallel runs)."""
    os.makedirs(os.path.dirname(os.path.abspath(history)), exist_ok=True)
    with open(history, "a", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.write(json.dumps(rec, sort_keys=True) + "\n")
        f.flush()
        fcntl.flock(f, fcntl.LOCK_UN)


def read(history):
    """(records oldest first, problems 'file:line: reason'); a garbled line
    is skipped and named, never fatal."""
    recs, bad = [], []
    try:
        with open(history, encoding="utf-8", errors="replace") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    bad.append("%s:%d: not JSON (%s)" % (history, n, e.msg))
                    continue
                if not isinstance(rec, dict) or "run_id" not in rec:
                    bad.append("%s:%d: not a run record" % (history, n))
                    continue
                recs.append(rec)
    except FileNotFoundError:
        pass
    return recs, bad


def retain(reports_dir, keep, protect=()):
    """Deletes all but the newest `keep` run folders (named like run ids,
    holding a results.json); never one in protect. Returns the deleted."""
    runs = sorted(d for d in os.listdir(reports_dir)
                  if RUN_DIR.fullmatch(d) and not os.path.islink(os.path.join(reports_dir, d))
                  and os.path.exists(os.path.join(reports_dir, d, "results.json")))
    keep_set = set(runs[-keep:]) if keep > 0 else set()
    keep_set |= {os.path.basename(os.path.abspath(p)) for p in protect}
    gone = []
    for d in runs:
        if d not in keep_set:
            shutil.rmtree(os.path.join(reports_dir, d), ignore_errors=True)
            gone.append(d)
    return gone


def _cell(v, unit=""):
    if v is None:
        return "-"
    return svg.fmt(v, unit)


def write_index(reports_dir, history):
    """reports/index.html: every run of the history, newest first, with
    links to the folders still kept, and one trend plot per metric."""
    recs, bad = read(history)
    labels = [r["run_id"] for r in recs]
    plots = []
    for key, title, unit, top in TRENDS:
        vals = [r.get(key) if isinstance(r.get(key), (int, float)) else None for r in recs]
        if key == "mutation_score" and all(v is None for v in vals):
            continue
        plots.append(svg.trend(title, labels, vals, unit=unit, max_value=top))
    rows = []
    for r in reversed(recs):
        link = r.get("report")
        there = link and os.path.exists(os.path.join(reports_dir, link, "index.html"))
        name = ('<a href="%s/index.html">%s</a>' % (escape(link), escape(r["run_id"]))
                if there else escape(r["run_id"]))
        rows.append("<tr><td>%s</td><td>%s</td><td class=\"%s\">%s</td><td>%s/%s</td>"
                    "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                    "<td>%s</td><td>%s</td></tr>" % (
                        name, escape(str(r.get("kind"))),
                        "pass" if r.get("status") == "pass" else "fail",
                        escape(str(r.get("status"))), r.get("pass", "-"), r.get("jobs", "-"),
                        _cell(r.get("pass_rate"), "%"), _cell(r.get("translations")),
                        _cell(r.get("functional"), "%"), _cell(r.get("line"), "%"),
                        _cell(r.get("branch"), "%"), _cell(r.get("toggle"), "%"),
                        _cell(r.get("mutation_score"), "%"),
                        escape(str(r.get("git_rev") or "-"))[:12]))
    head = ("run", "kind", "status", "pass/jobs", "pass rate", "translations", "functional",
            "line", "branch", "toggle", "mutation", "git")
    body = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
            "<title>sysmmu-verif runs</title><style>body{font-family:sans-serif;margin:1.5em;"
            "max-width:1200px}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            "padding:2px 6px}th{background:#eee}.pass{color:#2e7d32}.fail{color:#c62828}"
            "svg.chart{font-size:11px;display:block;margin:.5em 0}</style></head><body>",
            "<h1>sysmmu-verif: %d runs</h1>" % len(recs),
            "<p>From %s (one line per regress, nightly and mutate run). Line, branch and "
            "toggle are the waived figures; each run's page shows raw and waived.</p>"
            % escape(os.path.basename(history))]
    if bad:
        body.append("<p>Skipped: %s</p>" % escape("; ".join(bad)))
    body.append("<h2>Trends</h2>")
    body += plots
    body.append("<h2>Runs</h2><table><tr>%s</tr>%s</table>"
                % ("".join("<th>%s</th>" % h for h in head), "".join(rows)))
    body.append("</body></html>")
    path = os.path.join(reports_dir, "index.html")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    os.replace(path + ".tmp", path)
    return path
