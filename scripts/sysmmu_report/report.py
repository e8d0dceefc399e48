# SPDX-License-Identifier: Apache-2.0
"""Report writers: results.json, junit.xml, summary.md, index.html."""

import json
import os
import re
import xml.etree.ElementTree as ET
from html import escape

from . import fcovmerge
from . import results
from . import svg
from . import waivers

SCHEMA = 1
FAIL_OUTCOMES = ("mismatch", "watchdog", "error", "timeout", "crash", "garbled", "lost")
PASS_COLOR, FAIL_COLOR, SKIP_COLOR = "#2e7d32", "#c62828", "#9e9e9e"


def aggregate(run):
    """Totals, pass/fail by group and variant, hit rates, latency."""
    jobs = run["jobs"]
    t = {"jobs": len(jobs), "pass": 0, "fail": 0, "not_run": 0,
         "by_outcome": {}, "translations": 0, "checks": 0, "cycles": 0}
    table = {}
    hits = {}
    lat = {"hit": {}, "miss": {}}
    for job in jobs:
        o = job["outcome"]
        t["by_outcome"][o] = t["by_outcome"].get(o, 0) + 1
        key = "pass" if o == results.PASS else "not_run" if o in results.UNFINISHED else "fail"
        t[key] += 1
        cell = table.setdefault(job["group"], {}).setdefault(
            str(job["variant"]), {"pass": 0, "fail": 0, "not_run": 0})
        cell[key] += 1
        counts = job.get("counts") or {}
        t["translations"] += _num(counts.get("translations"))
        t["checks"] += _num(counts.get("checks"))
        t["cycles"] += _num(job.get("cycles"))
        h = hits.setdefault(job["group"], [0, 0])
        h[0] += _num(counts.get("tlb_hits"))
        h[1] += _num(counts.get("tlb_misses"))
        for kind in ("hit", "miss"):
            hist = (job.get("latency") or {}).get(kind) or {}
            for cyc, n in hist.items():
                lat[kind][str(cyc)] = lat[kind].get(str(cyc), 0) + _num(n)
    t["by_outcome"] = dict(sorted(t["by_outcome"].items()))
    t["by_group"] = {g: dict(sorted(v.items())) for g, v in sorted(table.items(), key=_group_key)}
    t["tlb_hit_rate"] = {g: round(h / (h + m), 4) if h + m else 0.0
                         for g, (h, m) in sorted(hits.items(), key=_group_key)}
    t["latency"] = {k: dict(sorted(v.items(), key=lambda kv: _int_or(kv[0])))
                    for k, v in lat.items()}
    t["latency_stats"] = {k: percentiles(v) for k, v in t["latency"].items()}
    t["by_config"] = by_config(jobs)
    return t


def by_config(jobs):
    """{config: {group: {pass, fail, not_run}}}: a failure on one TLB/FLPD
    size is seen as such, not pooled with the variant's other sizes."""
    out = {}
    for job in jobs:
        o = job["outcome"]
        key = "pass" if o == results.PASS else "not_run" if o in results.UNFINISHED else "fail"
        cell = out.setdefault(results.job_config(job), {}).setdefault(
            job["group"], {"pass": 0, "fail": 0, "not_run": 0})
        cell[key] += 1
    return {c: dict(sorted(g.items(), key=_group_key)) for c, g in sorted(out.items())}


def percentiles(hist):
    """{p50, p99, max, n} of a {cycles: count} histogram (None when empty)."""
    items = sorted((_int_or(k), n) for k, n in hist.items() if _num(n) > 0)
    total = sum(n for _, n in items)
    if not total:
        return {"p50": None, "p99": None, "max": None, "n": 0}
    out = {"n": total, "max": items[-1][0]}
    for name, frac in (("p50", 0.50), ("p99", 0.99)):
        need, seen = frac * total, 0
        for cyc, n in items:
            seen += n
            if seen >= need:
                out[name] = cyc
                break
    return out


def _group_key(item):
    # directed first, then profiles alphabetically
    return (item[0] != "directed", item[0])


def _int_or(text):
    try:
        return int(text)
    except ValueError:
        return 1 << 30


def _num(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else 0


def status_word(run, totals):
    if run["meta"].get("interrupted"):
        return "INTERRUPTED"
    if totals["fail"]:
        return "FAIL"
    if totals["jobs"] == 0:
        return "EMPTY"
    return "PASS"


def rel(report_dir, path):
    return os.path.relpath(path, report_dir) if path else None


# ---------------------------------------------------------------- results.json

def public_job(report_dir, job):
    """A job as results.json stores it: no coverage, dir relative to the report."""
    out = {k: v for k, v in job.items() if k != "coverage"}
    out["dir"] = rel(report_dir, job["dir"])
    return out


def write_results_json(report_dir, run, totals):
    data = {"schema": SCHEMA, "tool": "sysmmu-regress", "run_id": run["run_id"],
            "status": status_word(run, totals).lower(), "meta": run["meta"],
            "totals": totals, "buckets": run["buckets"],
            "functional_coverage": run.get("functional_coverage") or {},
            "functional_summary": fcovmerge.summarize(run.get("functional_coverage") or {}),
            "code_coverage": run.get("code_coverage"),
            "testplan": run.get("testplan"),
            "jobs": [public_job(report_dir, j) for j in run["jobs"]]}
    path = os.path.join(report_dir, "results.json")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=False)
        f.write("\n")
    os.replace(path + ".tmp", path)
    return path


# ---------------------------------------------------------------- junit.xml

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _x(text):
    return _XML_BAD.sub("?", str(text if text is not None else ""))


def write_junit(report_dir, run, totals):
    jobs = run["jobs"]
    suite = ET.Element("testsuite", {
        "name": "sysmmu-regress", "tests": str(len(jobs)),
        "failures": str(sum(1 for j in jobs if j["outcome"] == "mismatch")),
        "errors": str(sum(1 for j in jobs if j["outcome"] in FAIL_OUTCOMES
                          and j["outcome"] != "mismatch")),
        "skipped": str(totals["not_run"]),
        "time": "%.3f" % sum(j.get("duration") or 0 for j in jobs)})
    props = ET.SubElement(suite, "properties")
    for key in ("git_rev", "seed_base", "seeds", "shard"):
        ET.SubElement(props, "property", {"name": key, "value": _x(run["meta"].get(key))})
    for job in jobs:
        # The name stays the same across nights (the seed moves with the
        # date and is a property), so CI can follow one test's history.
        name = job.get("stable") or job["id"]
        case = ET.SubElement(suite, "testcase", {
            "classname": "sysmmu.%s" % name.rsplit(".", 1)[0] if job.get("stable")
                         else "sysmmu.v%s.%s" % (job["variant"], job["group"]),
            "name": _x(name), "time": "%.3f" % (job.get("duration") or 0)})
        cprops = ET.SubElement(case, "properties")
        for key in ("id", "seed", "timing_seed", "vector"):
            if job.get(key) is not None:
                ET.SubElement(cprops, "property", {"name": key, "value": _x(job[key])})
        o = job["outcome"]
        if o in results.UNFINISHED:
            ET.SubElement(case, "skipped", {"message": _x(job["message"])})
        elif o in FAIL_OUTCOMES:
            tag = "failure" if o == "mismatch" else "error"
            el = ET.SubElement(case, tag, {"message": _x(job["message"]),
                                           "type": _x(job["signature"])})
            el.text = _x("%s\narea: %s\nrepro: %s\nlog: %s\n" % (
                job["message"], job["area"], job.get("repro") or job.get("command"),
                os.path.join(rel(report_dir, job["dir"]) or "", "log.txt")))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    path = os.path.join(report_dir, "junit.xml")
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


# ---------------------------------------------------------------- summary.md

def bucket_repro(b):
    mini = b.get("minimized") or {}
    return mini.get("repro") or b.get("repro") or ""


def write_summary_md(report_dir, run, totals):
    meta = run["meta"]
    fsum = fcovmerge.summarize(run.get("functional_coverage") or {})
    lines = ["# sysmmu-verif regression %s: %s" % (run["run_id"], status_word(run, totals)), "",
             "- git %s%s, seed base %s, %s seeds, ops %s, shard %s" % (
                 meta.get("git_rev"), " (dirty)" if meta.get("git_dirty") else "",
                 meta.get("seed_base"), meta.get("seeds"), meta.get("ops"),
                 meta.get("shard") or "-"),
             "- %d jobs: %d pass, %d fail, %d not run; %d translations checked; %.1f s" % (
                 totals["jobs"], totals["pass"], totals["fail"], totals["not_run"],
                 totals["translations"], meta.get("duration_seconds") or 0),
             "- command: `%s`" % meta.get("command"), "",
             "| group | variant | pass | fail | not run |", "|---|---|---|---|---|"]
    for group, variants in totals["by_group"].items():
        for v, c in variants.items():
            lines.append("| %s | v%s | %d | %d | %d |" % (group, v, c["pass"], c["fail"],
                                                        c["not_run"]))
    lines += ["", "## Failure buckets", ""]
    if not run["buckets"]:
        lines.append("none")
    for b in run["buckets"]:
        mini = b.get("minimized") or {}
        lines.append("- **%s** `%s` (%s): %d job(s), configurations %s, first %s" % (
            b["id"], b.get("key") or b["signature"], b["area"], b["count"],
            ",".join(b.get("configs") or ["v%s" % v for v in b["variants"]]), b["first"]))
        if mini.get("reproduced"):
            lines.append("  - minimized %d -> %d ops: `%s`" % (
                mini["ops_before"], mini["ops_after"], mini.get("repro")))
        lines.append("  - repro: `%s`" % b.get("repro"))
        if b.get("gtkw"):
            lines.append("  - waves: `gtkwave %s`" % b["gtkw"])
    lines += ["", "## Coverage", "",
              "- functional: %d/%d bins hit (%.2f%%), %d holes" % (
                  fsum["hit"], fsum["bins"], fsum["percent"], len(fsum["holes"]))]
    cc = run.get("code_coverage")
    if cc:
        waived = cc.get("waived") or {}
        for kind, s in (cc.get("summary") or {}).items():
            w = waived.get(kind) or {"waived": 0, "percent": s["percent"]}
            lines.append("- RTL %s: %d/%d points, raw %.2f%%, waived %.2f%% (%d holes waived)"
                         % (kind, s["covered"], s["points"], s["percent"], w["percent"],
                            w["waived"]))
    elif cc is None and meta.get("coverage"):
        lines.append("- RTL code coverage: not produced (see coverage.log)")
    if fsum["holes"]:
        lines += ["", "### Functional holes", ""] + ["- %s" % h for h in fsum["holes"]]
    path = os.path.join(report_dir, "summary.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


# ---------------------------------------------------------------- index.html

CSS = """body{font-family:sans-serif;margin:1.5em;max-width:1200px}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}th{background:#eee}.pass{color:#2e7d32}.fail{color:#c62828}
code{background:#f4f4f4;padding:1px 3px}pre.cmd{background:#f4f4f4;padding:2px 4px;margin:2px 0;
white-space:pre;overflow-x:auto;max-width:60em;user-select:all}.banner{font-size:1.4em;
font-weight:bold}svg.chart{font-size:11px;display:block;margin:.5em 0}
.bar{display:inline-block;width:120px;height:10px;background:#eee;vertical-align:middle}
.bar span{display:block;height:10px;background:#2e7d32}"""


def cmd(text):
    """A command line that copies cleanly: never broken inside a word
    (no word-break), selected whole with one click."""
    return '<pre class="cmd">%s</pre>' % escape(text or "")


def pct_color(percent):
    """Cell background from red (0 %) through amber to green (100 %)."""
    if percent >= 100:
        return "#c8e6c9"
    if percent >= 80:
        return "#fff3c4"
    return "#ffcdd2"


def pct_cell(num, den):
    p = 100.0 * num / den if den else 100.0
    return '<td style="background:%s">%d/%d</td>' % (pct_color(p), num, den)


def _a(href, text):
    return '<a href="%s">%s</a>' % (escape(href), escape(text)) if href else escape(text)


def _table(head, rows):
    out = ["<table><tr>" + "".join("<th>%s</th>" % escape(h) for h in head) + "</tr>"]
    for r in rows:
        out.append("<tr>" + "".join("<td>%s</td>" % c for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _meta_html(run, totals):
    meta = run["meta"]
    rows = [(escape(k), "<code>%s</code>" % escape(json.dumps(v) if not isinstance(v, str) else v))
            for k, v in meta.items() if k != "tools"]
    rows += [("tool " + escape(k), escape(v)) for k, v in (meta.get("tools") or {}).items()]
    return _table(["key", "value"], rows)


def _passfail_html(totals):
    rows, labels, p, f, n = [], [], [], [], []
    for group, variants in totals["by_group"].items():
        for v, c in variants.items():
            cls = "fail" if c["fail"] else "pass"
            rows.append((escape(group), "v" + escape(v), '<span class="pass">%d</span>' % c["pass"],
                         '<span class="%s">%d</span>' % (cls, c["fail"]), str(c["not_run"])))
            labels.append("%s v%s" % (group, v))
            p.append(c["pass"])
            f.append(c["fail"])
            n.append(c["not_run"])
    chart = svg.hbar("Jobs by profile and variant", labels,
                     [("pass", p, PASS_COLOR), ("fail", f, FAIL_COLOR),
                      ("not run", n, SKIP_COLOR)])
    return _table(["profile", "variant", "pass", "fail", "not run"], rows) + chart


def _config_html(totals):
    rows = []
    for cfg, groups in (totals.get("by_config") or {}).items():
        for group, c in groups.items():
            cls = "fail" if c["fail"] else "pass"
            rows.append((escape(cfg), escape(group), '<span class="pass">%d</span>' % c["pass"],
                         '<span class="%s">%d</span>' % (cls, c["fail"]), str(c["not_run"])))
    return _table(["configuration", "profile", "pass", "fail", "not run"], rows)


def _testplan_html(run):
    """Per testpoint, grouped by stage: tests passing / total and bins hit,
    cells coloured by percentage, stage progress bars, spec links."""
    tp = run.get("testplan")
    if not tp:
        return "<p>No testplan status (%s).</p>" % escape(
            run["meta"].get("testplan_error") or "docs/testplan.toml not read")
    out = []
    anchors = tp.get("anchors") or {}
    for stage, st in tp["stages"].items():
        out.append('<h3>%s: %d/%d testpoints complete <span class="bar"><span style="width:%d%%">'
                   "</span></span> %.0f%%</h3>" % (escape(stage), st["done"], st["testpoints"],
                                                  int(st["percent"]), st["percent"]))
        rows = []
        for r in tp["testpoints"]:
            if r["stage"] != stage:
                continue
            spec = ", ".join(_a("%s#%s" % (SPEC_DOC, anchors[s]), "§" + s) if s in anchors
                             else escape("§" + s) for s in r["spec"])
            holes = ("<details><summary>%d holes</summary>%s</details>"
                     % (len(r["holes"]), "<br>".join(escape(h) for h in r["holes"]))
                     if r["holes"] else "")
            rows.append('<tr id="tp-%s"><td>%s</td><td>%s</td><td>%s</td>%s%s<td>%s</td></tr>'
                        % (escape(r["name"]), escape(r["name"]), spec, escape(r["desc"]),
                           pct_cell(r["passed"], r["tests"]), pct_cell(r["hit"], r["bins"]),
                           holes))
        out.append("<table><tr><th>testpoint</th><th>spec</th><th>description</th>"
                   "<th>tests passing</th><th>bins hit</th><th>holes</th></tr>%s</table>"
                   % "".join(rows))
    return "\n".join(out)


def _buckets_html(report_dir, run):
    if not run["buckets"]:
        return "<p>No failures.</p>"
    anchors = (run.get("testplan") or {}).get("anchors") or {}
    rows = []
    for b in run["buckets"]:
        mini = b.get("minimized") or {}
        links = []
        if mini.get("vector"):
            links.append(_a(mini["vector"], "minimized vector (%d &rarr; %d ops)"
                            % (mini["ops_before"], mini["ops_after"])).replace("&amp;rarr;", "&rarr;"))
            if mini.get("wave"):
                links.append(_a(mini["wave"], "waves of the minimized run"))
            text = _small_file(report_dir, mini["vector"])
            if text:
                links.append("<details><summary>show</summary><pre>%s</pre></details>"
                             % escape(text))
        elif mini:
            links.append(escape(mini.get("note") or "not minimized"))
        for key, label in (("wave", "waves (.fst)"), ("gtkw", ".gtkw"), ("log", "log"),
                           ("vector", "vector")):
            if b.get(key):
                links.append(_a(b[key], label))
        repro = cmd(b.get("repro"))
        if mini.get("repro"):
            repro += "minimized:" + cmd(mini["repro"])
        if b.get("gtkw"):
            repro += "waves:" + cmd("gtkwave %s" % b["gtkw"])
        tps = ", ".join(_a("#tp-" + t, t) for t in b.get("testpoints") or []) or "-"
        rows.append((escape(b["id"]), "<code>%s</code>" % escape(b.get("key") or b["signature"]),
                     _spec_link(b["area"], anchors), tps, str(b["count"]),
                     escape(", ".join(b.get("configs") or
                                      ["v%s" % v for v in b["variants"]])),
                     escape(", ".join(b["groups"])), escape(b["first"]), repro,
                     "<br>".join(links)))
    return ("<p>Commands run from the report folder (paths are relative to it).</p>" +
            _table(["bucket", "signature", "spec area", "testpoints", "jobs", "configurations",
                    "profiles", "first failure", "repro", "artifacts"], rows))


SPEC_DOC = "../../docs/spec.md"


def _spec_link(area, anchors):
    """'§6 TLB' -> a link to that section of docs/spec.md."""
    m = re.match(r"§([\d.]+)", area or "")
    if not m or m.group(1) not in anchors:
        return escape(area or "")
    return _a("%s#%s" % (SPEC_DOC, anchors[m.group(1)]), area)


def _small_file(report_dir, path, max_lines=60):
    """The text of a short report file (for inline display), else None."""
    try:
        with open(os.path.join(report_dir, path), encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return "\n".join(lines) if len(lines) <= max_lines else None


def _failed_jobs_html(report_dir, run):
    failed = [j for j in run["jobs"] if results.is_failure(j)]
    if not failed:
        return ""
    rows = []
    for j in failed[:500]:
        rows.append((escape(j["id"]), escape(j["outcome"]), "<code>%s</code>" % escape(j["signature"]),
                     escape(j["message"]),
                     _a(os.path.join(rel(report_dir, j["dir"]), "log.txt"), "log"),
                     cmd(j.get("repro") or j.get("command"))))
    more = "<p>%d more not listed.</p>" % (len(failed) - 500) if len(failed) > 500 else ""
    return ("<h3>Failed jobs (%d)</h3>" % len(failed) +
            _table(["job", "outcome", "signature", "message", "log", "repro"], rows) + more)


def _coverage_html(run):
    per = run.get("functional_coverage") or {}
    fsum = fcovmerge.summarize(per)
    out = ["<h3>Functional coverage: %d/%d bins (%.2f%%)</h3>"
           % (fsum["hit"], fsum["bins"], fsum["percent"])]
    if fsum["rows"]:
        out.append(_table(["variant", "covergroup", "bins", "hit", "%"],
                          [("v%d" % r["variant"], escape(r["group"]), str(r["bins"]),
                            str(r["hit"]), "%.2f" % r["percent"]) for r in fsum["rows"]]))
        groups = fcovmerge.by_group(per)
        out.append(svg.hbar("Bins hit by covergroup (both variants)", [g for g, _ in groups],
                            [("hit %", [p for _, p in groups], "#1565c0")],
                            unit="%", max_value=100))
    else:
        out.append("<p>No functional coverage in the results.</p>")
    out.append("<details><summary>%d holes (bins never hit)</summary><ul>%s</ul></details>"
               % (len(fsum["holes"]), "".join("<li><code>%s</code></li>" % escape(h)
                                                for h in fsum["holes"])))
    cc = run.get("code_coverage")
    if cc:
        out.append("<h3>RTL code coverage</h3>")
        goals = (run.get("testplan") or {}).get("goals") or {}
        waived = cc.get("waived") or {}
        rows = []
        for k, s in (cc.get("summary") or {}).items():
            w = waived.get(k) or {"waived": 0, "percent": s["percent"]}
            goal = goals.get(k)
            ok = goal is None or w["percent"] >= goal
            rows.append((escape(k), str(s["covered"]), str(s["points"]), "%.2f" % s["percent"],
                         str(w["waived"]), '<span class="%s">%.2f</span>'
                         % ("pass" if ok else "fail", w["percent"]),
                         "-" if goal is None else "%.1f" % goal))
        out.append(_table(["kind", "covered", "points", "raw %", "waived holes", "waived %",
                           "goal %"], rows))
        out.append("<p>Points are Verilator's coverage points (per instance). Waived: the "
                   "holes in %s are left out of the points, one reason each (below).</p>"
                   % escape(os.path.basename(cc.get("waiver_file") or "no waiver file")))
        if cc.get("lcov"):
            s = cc["lcov"]
            out.append("<p>The lcov HTML counts source lines instead (all points of one line "
                       "as one, hit if any is): %d/%d lines, %.2f%%.</p>"
                       % (s["hit"], s["lines"], s["percent"]))
        if cc.get("waivers"):
            out.append(_table(["waiver", "kind", "where", "holes", "reason"], [
                (escape(w["where"]), escape(w["kind"]), escape("%s %s" % (
                    waivers.location(w), w.get("glob") or "")), str(w["holes"]),
                 escape(w["reason"])) for w in cc["waivers"]]))
        for msg in cc.get("stale_waivers") or []:
            out.append('<p class="fail">stale waiver: %s</p>' % escape(msg))
        if cc.get("waiver_error"):
            out.append('<p class="fail">%s</p>' % escape(cc["waiver_error"]))
        if cc.get("html"):
            out.append("<p>%s, merged data %s</p>" % (_a(cc["html"], "lcov HTML report"),
                                                      _a(cc.get("dat"), "merged.dat")))
    elif run["meta"].get("coverage"):
        out.append("<p>RTL code coverage was requested but not produced: %s</p>"
                   % escape(str(run["meta"].get("coverage_error") or "see coverage.log")))
    return "\n".join(out)


def _plots_html(totals):
    out = []
    rates = totals["tlb_hit_rate"]
    if rates:
        out.append(svg.hbar("TLB hit rate by profile", list(rates),
                            [("hit rate %", [round(100 * r, 2) for r in rates.values()],
                              "#6a1b9a")], unit="%", max_value=100))
    for kind in ("hit", "miss"):
        hist = totals["latency"][kind]
        st = (totals.get("latency_stats") or {}).get(kind) or {}
        if hist:
            out.append(svg.hbar("Latency histogram, TLB %s (cycles; log scale): p50 %s, "
                                "p99 %s, max %s" % (kind, st.get("p50"), st.get("p99"),
                                                    st.get("max")),
                                ["%s cyc" % c for c in hist],
                                [("responses", list(hist.values()), "#ef6c00")], log=True))
    return "\n".join(out) or "<p>No latency or hit data.</p>"


def _jobs_html(report_dir, run):
    rows = []
    for j in run["jobs"]:
        cls = "pass" if j["outcome"] == results.PASS else "fail"
        rows.append((escape(j["id"]), '<span class="%s">%s</span>' % (cls, escape(j["outcome"])),
                     "%.2f" % (j.get("duration") or 0),
                     str(((j.get("counts") or {}).get("translations")) or 0),
                     _a(os.path.join(rel(report_dir, j["dir"]), "log.txt"), "log")))
    return ("<details><summary>All %d jobs</summary>" % len(rows) +
            _table(["job", "outcome", "seconds", "translations", "log"], rows) + "</details>")


def write_index_html(report_dir, run, totals):
    word = status_word(run, totals)
    cls = "pass" if word == "PASS" else "fail"
    body = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>sysmmu-verif regression %s</title><style>%s</style></head><body>"
        % (escape(run["run_id"]), CSS),
        "<h1>sysmmu-verif regression %s</h1>" % escape(run["run_id"]),
        '<p class="banner %s">%s: %d jobs, %d pass, %d fail, %d not run; '
        "%d translations checked</p>" % (cls, word, totals["jobs"], totals["pass"],
                                         totals["fail"], totals["not_run"],
                                         totals["translations"]),
        "<p>%s &middot; %s &middot; %s</p>" % (_a("results.json", "results.json"),
                                                _a("junit.xml", "junit.xml"),
                                                _a("summary.md", "summary.md")),
        "<h2>Testplan</h2>", _testplan_html(run),
        "<h2>Pass/fail</h2>", _passfail_html(totals),
        "<h3>By verilated configuration</h3>", _config_html(totals),
        "<h2>Failure buckets</h2>", _buckets_html(report_dir, run),
        _failed_jobs_html(report_dir, run),
        "<h2>Coverage</h2>", _coverage_html(run),
        "<h2>Plots</h2>", _plots_html(totals),
        "<h2>Run</h2>", _meta_html(run, totals),
        "<h2>Jobs</h2>", _jobs_html(report_dir, run),
        "</body></html>"]
    path = os.path.join(report_dir, "index.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    return path


def generate(report_dir, run):
    """Writes all four report files; returns the totals."""
    os.makedirs(report_dir, exist_ok=True)
    totals = aggregate(run)
    write_results_json(report_dir, run, totals)
    write_junit(report_dir, run, totals)
    write_summary_md(report_dir, run, totals)
    write_index_html(report_dir, run, totals)
    return totals


def summary_table(run, totals, out_dir=None):
    """The end-of-run table for the terminal."""
    lines = ["%-10s %-4s %6s %6s %8s" % ("profile", "var", "pass", "fail", "not-run")]
    for group, variants in totals["by_group"].items():
        for v, c in variants.items():
            lines.append("%-10s v%-3s %6d %6d %8d" % (group, v, c["pass"], c["fail"], c["not_run"]))
    lines.append("%-15s %6d %6d %8d" % ("total", totals["pass"], totals["fail"], totals["not_run"]))
    fails = [(cfg, g, c) for cfg, groups in (totals.get("by_config") or {}).items()
             for g, c in groups.items() if c["fail"]]
    for cfg, g, c in fails:
        lines.append("  %s %s: %d fail of %d" % (cfg, g, c["fail"],
                                                 c["pass"] + c["fail"] + c["not_run"]))
    for b in run["buckets"]:
        mini = b.get("minimized") or {}
        lines.append("bucket %s: %s (%s) x%d on %s, first %s" % (
            b["id"], b.get("key") or b["signature"], b["area"], b["count"],
            ",".join(b.get("configs") or []), b["first"]))
        if mini.get("reproduced"):
            lines.append("  minimized %d -> %d ops: %s" % (mini["ops_before"], mini["ops_after"],
                                                          mini["repro"]))
        lines.append("  repro: %s" % b.get("repro"))
        if b.get("gtkw"):
            lines.append("  waves: gtkwave %s" % (os.path.join(out_dir, b["gtkw"])
                                                   if out_dir else b["gtkw"]))
    return "\n".join(lines)
