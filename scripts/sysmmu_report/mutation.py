# SPDX-License-Identifier: Apache-2.0
"""Mutation-testing report (scripts/mutate run): results.json, junit.xml,
index.html. Counting (docs/mutation.md): a timeout/watchdog counts as
killed and is also counted on its own; score = killed / (mutants -
equivalent)."""

import html
import json
import os
import re
import xml.etree.ElementTree as ET

SCHEMA = 1
STATUSES = ("killed", "timeout", "survived", "equivalent", "crashed", "not_run")


def summarize(records):
    count = {s: sum(1 for r in records if r["status"] == s) for s in STATUSES}
    mutants = len(records) - count["not_run"]
    killed = count["killed"] + count["timeout"]
    denom = mutants - count["equivalent"]
    secs = [r["seconds"] for r in records if "seconds" in r]
    return {
        "mutants": mutants,
        "killed": killed,
        "killed_mismatch": count["killed"],
        "timeout": count["timeout"],
        "survived": count["survived"],
        "equivalent": count["equivalent"],
        "crashed": count["crashed"],
        "not_run": count["not_run"],
        "score": round(killed / denom, 6) if denom > 0 else None,
        "seconds_per_mutant": round(sum(secs) / len(secs), 3) if secs else None,
    }


def summary_line(s):
    score = "n/a" if s["score"] is None else "%.2f %%" % (100 * s["score"])
    return ("score %s: %d mutants, %d killed (%d by timeout/watchdog), %d survived, "
            "%d equivalent, %d crashed; %s s per mutant (one worker)"
            % (score, s["mutants"], s["killed"], s["timeout"], s["survived"],
               s["equivalent"], s["crashed"], s["seconds_per_mutant"]))


def survivor_entry(r):
    keys = ("id", "variant", "k", "mode", "module", "src", "cell", "port", "mutation",
            "jobs_run", "rerun_jobs", "equivalence", "formal_seconds", "cex", "argued_rejected")
    return {k: r[k] for k in keys if k in r}


def write_results_json(out, run, records, summ):
    data = dict(summ)
    data.update({
        "schema": SCHEMA, "tool": "sysmmu-mutate", "run": run,
        "survivors": [survivor_entry(r) for r in records if r["status"] == "survived"],
        "by_module": by_module(records),
        "records": records,
    })
    path = os.path.join(out, "results.json")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)


def by_module(records):
    out = {}
    for r in records:
        if r["status"] == "not_run":
            continue
        m = out.setdefault(r["module"], {s: 0 for s in STATUSES[:-1]})
        m[r["status"]] += 1
    return dict(sorted(out.items()))


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _x(text):
    return _XML_BAD.sub("?", str(text if text is not None else ""))


def write_junit(out, records):
    """One test case per mutant: a survivor is the failure (the checker
    missed it), a killed mutant passes."""
    runs = [r for r in records if r["status"] != "not_run"]
    suite = ET.Element("testsuite", {
        "name": "sysmmu-mutate", "tests": str(len(runs)),
        "failures": str(sum(1 for r in runs if r["status"] == "survived")),
        "errors": str(sum(1 for r in runs if r["status"] == "crashed")),
        "skipped": str(sum(1 for r in runs if r["status"] == "equivalent")),
        "time": "%.3f" % sum(r.get("seconds", 0) for r in runs)})
    for r in runs:
        case = ET.SubElement(suite, "testcase", {
            "classname": "sysmmu.mutate.v%d.%s" % (r["variant"], r["module"]),
            "name": "%s %s %s %s" % (r["id"], r["mode"], r["src"], r["port"]),
            "time": "%.3f" % r.get("seconds", 0)})
        if r["status"] == "survived":
            el = ET.SubElement(case, "failure", {
                "message": _x("mutant survived %d jobs" % r["jobs_run"]), "type": "survived"})
            el.text = _x(r["mutation"])
        elif r["status"] == "crashed":
            el = ET.SubElement(case, "error", {"message": _x(r.get("bucket")),
                                               "type": "crashed"})
            el.text = _x(r.get("repro"))
        elif r["status"] == "equivalent":
            ET.SubElement(case, "skipped", {"message": _x(r.get("equivalence"))})
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    ET.ElementTree(root).write(os.path.join(out, "junit.xml"), encoding="utf-8",
                               xml_declaration=True)


def _table(head, rows):
    h = "".join("<th>%s</th>" % html.escape(str(c)) for c in head)
    body = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(str(c)) for c in row)
                   for row in rows)
    return "<table><tr>%s</tr>%s</table>" % (h, body)


def write_index_html(out, run, records, summ):
    score = "n/a" if summ["score"] is None else "%.2f %%" % (100 * summ["score"])
    parts = ["<!doctype html><html><head><meta charset='utf-8'>",
             "<title>sysmmu mutation %s</title>" % html.escape(run["run_id"]),
             "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
             "td,th{border:1px solid #999;padding:2px 6px;font-size:90%}"
             ".big{font-size:150%}</style></head><body>",
             "<h1>RTL mutation testing: %s</h1>" % html.escape(run["run_id"]),
             "<p class='big'>score <b>%s</b> = killed / (mutants - equivalent)</p>"
             % html.escape(score),
             "<p>%s</p>" % html.escape(summary_line(summ)),
             "<p>command: <code>%s</code></p>" % html.escape(run["command"])]
    if run.get("interrupted"):
        parts.append("<p><b>interrupted: partial report</b></p>")
    parts.append("<h2>Configurations</h2>")
    parts.append(_table(["variant", "tlb", "flpd", "mutations", "jobs per mutant",
                         "unmutated run s"],
                        [[n["variant"], n["tlb_entries"], n["flpd_entries"],
                          n.get("requested"), n.get("jobs"), n.get("baseline_seconds")]
                         for n in run["netlists"]]))
    parts.append("<h2>Survivors (checker gaps unless shown equivalent)</h2>")
    surv = [r for r in records if r["status"] in ("survived", "equivalent")]
    parts.append(_table(["id", "status", "module", "source", "mode", "cell port",
                         "equivalence"],
                        [[r["id"], r["status"], r["module"], r["src"], r["mode"],
                          "%s %s" % (r["cell"], r["port"]), r.get("equivalence", "")
                          + (" (inputs: %s)" % r["cex"] if r.get("cex") else "")]
                         for r in surv]) if surv else "<p>none</p>")
    parts.append("<h2>By module</h2>")
    mods = by_module(records)
    parts.append(_table(["module"] + list(STATUSES[:-1]),
                        [[m] + [c[s] for s in STATUSES[:-1]] for m, c in mods.items()]))
    parts.append("<h2>Every mutant</h2>")
    parts.append(_table(["id", "status", "module", "source", "mode", "killed by job",
                         "bucket", "jobs", "s", "repro"],
                        [[r["id"], r["status"], r["module"], r["src"], r["mode"],
                          r.get("job", ""), r.get("bucket", ""), r["jobs_run"],
                          r.get("seconds", ""), r.get("repro", "")]
                         for r in records if r["status"] != "not_run"]))
    parts.append("</body></html>\n")
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def write_report(out, run, records):
    summ = summarize(records)
    write_results_json(out, run, records, summ)
    write_junit(out, records)
    write_index_html(out, run, records, summ)
    return summ
