# SPDX-License-Identifier: Apache-2.0
"""docs/testplan.toml: load, check against the spec, vectors, profiles and
coverage bins, and the per-testpoint status of a regression run."""

import fnmatch
import glob
import os
import re
import tomllib

STAGES = ("V1", "V2", "V3")
STAGE_NAMES = {"V1": "basic", "V2": "complete", "V3": "stress and corner"}
GOAL_KEYS = ("functional", "line", "branch", "toggle")
NAME = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
HEADING = re.compile(r"^(#{2,3}) (\d+(?:\.\d+)?)\.? (.*)$")
FIELDS = {"name": str, "stage": str, "spec": list, "desc": str, "vectors": list,
          "profiles": list, "bins": list}


class PlanError(Exception):
    """The testplan file cannot be read at all (file:line: reason)."""


def load(path):
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise PlanError("%s: %s" % (path, e.strerror or e)) from e
    except tomllib.TOMLDecodeError as e:
        raise PlanError("%s: %s" % (path, e)) from e


def name_lines(path):
    """{testpoint name: line} for messages that point into the file."""
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                m = re.match(r'\s*name\s*=\s*"([^"]*)"', line)
                if m:
                    out.setdefault(m.group(1), n)
    except OSError:
        pass
    return out


def spec_sections(spec_path):
    """{section: (title, line)} of the numbered ## / ### headings."""
    out = {}
    with open(spec_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = HEADING.match(line.rstrip("\n"))
            if m:
                out[m.group(2)] = (m.group(3).strip(), n)
    return out


def spec_anchor(section, title):
    """The GitHub-style anchor of a heading '## 6.3 Fill and replacement'."""
    text = ("%s %s" % (section, title)).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def directed_vectors(vec_dir):
    return {os.path.splitext(os.path.basename(p))[0]
            for p in glob.glob(os.path.join(vec_dir, "*.vec"))}


def bin_names(per_variant):
    """{'3': {'group/bin', ...}, '5': ...} from {variant: {group: {bin: n}}}."""
    return {v: {"%s/%s" % (g, b) for g, bins in groups.items() for b in bins}
            for v, groups in per_variant.items()}


def expand_bin(ref, names):
    """The (variant, 'group/bin') pairs a testpoint's bin reference names."""
    variants = sorted(names)
    if re.match(r"v[35]:", ref):
        variants = [ref[1]] if ref[1] in names else []
        ref = ref[3:]
    pattern = ref if "/" in ref else ref + "/*"
    return [(v, n) for v in variants for n in sorted(names[v]) if fnmatch.fnmatchcase(n, pattern)]


def check(plan, path, sections, vectors, profiles, bins):
    """Every problem as 'file:line: message' (empty list when sound)."""
    lines = name_lines(path)
    errs = []

    def err(tp, msg):
        errs.append("%s:%d: %s" % (path, lines.get(tp, 1) if tp else 1, msg))

    goals = plan.get("goals")
    if not isinstance(goals, dict) or sorted(goals) != sorted(GOAL_KEYS):
        err(None, "[goals] must give exactly %s" % ", ".join(GOAL_KEYS))
    exempt = {}
    for item in (plan.get("spec") or {}).get("not_behaviour", []):
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
                and item[1].strip()):
            err(None, "[spec] not_behaviour entries are [section, reason], got %r" % (item,))
            continue
        if item[0] not in sections:
            err(None, "[spec] not_behaviour: no section %s in the spec" % item[0])
        exempt[item[0]] = item[1]
    tps = plan.get("testpoint")
    if not isinstance(tps, list) or not tps:
        err(None, "no [[testpoint]] tables")
        return errs
    seen = set()
    cited, owned = set(), set()
    for i, tp in enumerate(tps):
        tname = tp.get("name") if isinstance(tp.get("name"), str) else "#%d" % (i + 1)
        for key, typ in FIELDS.items():
            if not isinstance(tp.get(key), typ):
                err(tname, "testpoint %s: %s missing or not a %s" % (tname, key, typ.__name__))
        extra = sorted(set(tp) - set(FIELDS))
        if extra:
            err(tname, "testpoint %s: unknown field(s) %s" % (tname, ", ".join(extra)))
        if not NAME.fullmatch(tname):
            err(tname, "testpoint %s: name is not lower_snake_case" % tname)
        if tname in seen:
            err(tname, "testpoint %s: name used twice" % tname)
        seen.add(tname)
        if tp.get("stage") not in STAGES:
            err(tname, "testpoint %s: stage %r is not one of %s" % (tname, tp.get("stage"),
                                                                    "/".join(STAGES)))
        desc = tp.get("desc")
        if isinstance(desc, str) and (not desc.strip() or "\n" in desc):
            err(tname, "testpoint %s: desc must be one non-empty line" % tname)
        for sec in tp.get("spec") or []:
            if sec not in sections:
                err(tname, "testpoint %s: spec section %s does not exist in docs/spec.md"
                    % (tname, sec))
            cited.add(sec)
        for v in tp.get("vectors") or []:
            if v not in vectors:
                err(tname, "testpoint %s: vector %s does not exist (vectors/directed/%s.vec)"
                    % (tname, v, v))
            owned.add(v)
        for p in tp.get("profiles") or []:
            if p not in profiles:
                err(tname, "testpoint %s: generator profile %s does not exist (have %s)"
                    % (tname, p, ", ".join(sorted(profiles))))
        if not (tp.get("vectors") or tp.get("profiles")):
            err(tname, "testpoint %s: names no vector and no profile" % tname)
        if not tp.get("bins"):
            err(tname, "testpoint %s: names no coverage bin" % tname)
        for ref in tp.get("bins") or []:
            if not isinstance(ref, str) or not expand_bin(ref, bins):
                err(tname, "testpoint %s: bin %s matches no functional coverage bin"
                    % (tname, ref))
    for sec in behaviour_sections(sections, exempt):
        if not covered(sec, cited, sections):
            title, n = sections[sec]
            errs.append("%s:%d: spec section %s %s has no testpoint (cite it, or list it "
                        "under [spec] not_behaviour with the reason)"
                        % ("docs/spec.md", n, sec, title))
    for v in sorted(vectors - owned):
        err(None, "directed vector vectors/directed/%s.vec belongs to no testpoint" % v)
    return errs


def behaviour_sections(sections, exempt):
    return [s for s in sections if s not in exempt and s.split(".")[0] not in exempt]


def covered(sec, cited, sections):
    """Cited itself, or (a heading with subsections) every subsection is."""
    if sec in cited:
        return True
    subs = [s for s in sections if s.startswith(sec + ".")]
    return bool(subs) and all(s in cited for s in subs)


# ------------------------------------------------------------------ status

def job_testpoints(plan):
    """{('vec', name) or ('gen', profile): [testpoint names]}."""
    out = {}
    for tp in plan["testpoint"]:
        for v in tp["vectors"]:
            out.setdefault(("vec", v), []).append(tp["name"])
        for p in tp["profiles"]:
            out.setdefault(("gen", p), []).append(tp["name"])
    return out


def job_key(job):
    if job["kind"] == "vec":
        return ("vec", job["name"])
    return ("gen", job["profile"])


def status(plan, jobs, fcov, sections=None):
    """Per testpoint: tests passing/total (its vectors' and profiles' jobs),
    bins hit/total (merged functional coverage of the run), percent."""
    names = bin_names(fcov)
    by_key = {}
    for job in jobs:
        by_key.setdefault(job_key(job), []).append(job)
    rows = []
    for tp in plan["testpoint"]:
        mine = [j for v in tp["vectors"] for j in by_key.get(("vec", v), [])]
        mine += [j for p in tp["profiles"] for j in by_key.get(("gen", p), [])]
        passed = sum(1 for j in mine if j["outcome"] == "pass")
        refs = sorted({x for ref in tp["bins"] for x in expand_bin(ref, names)})
        hit = sum(1 for v, n in refs if fcov[v][n.split("/", 1)[0]][n.split("/", 1)[1]] > 0)
        rows.append({"name": tp["name"], "stage": tp["stage"], "spec": tp["spec"],
                     "desc": tp["desc"], "tests": len(mine), "passed": passed,
                     "bins": len(refs), "hit": hit,
                     "holes": ["v%s/%s" % r for r in refs
                               if fcov[r[0]][r[1].split("/", 1)[0]][r[1].split("/", 1)[1]] == 0],
                     "percent": _pct(passed + hit, len(mine) + len(refs))})
    anchors = {sec: spec_anchor(sec, title) for sec, (title, _) in (sections or {}).items()}
    stages = {}
    for st in STAGES:
        sub = [r for r in rows if r["stage"] == st]
        done = sum(1 for r in sub if r["tests"] and r["passed"] == r["tests"]
                   and r["hit"] == r["bins"])
        stages[st] = {"testpoints": len(sub), "done": done, "percent": _pct(done, len(sub))}
    return {"testpoints": rows, "stages": stages, "anchors": anchors,
            "goals": dict(plan.get("goals") or {})}


def testpoints_of(plan, job):
    """The testpoints a job verifies (its vector's or its profile's)."""
    return job_testpoints(plan).get(job_key(job), [])


def _pct(num, den):
    return round(100.0 * num / den, 2) if den else 0.0


def attach_status(run, root):
    """run['testplan'] = the status of the run against root/docs/testplan.toml,
    and each bucket's testpoints (those of its first failure). A plan that
    cannot be read is noted in meta (the report says so), never fatal."""
    try:
        plan = load(os.path.join(root, "docs", "testplan.toml"))
        sections = spec_sections(os.path.join(root, "docs", "spec.md"))
        run["testplan"] = status(plan, run["jobs"], run.get("functional_coverage") or {},
                                 sections)
    except (PlanError, OSError, KeyError, TypeError) as e:
        run["meta"]["testplan_error"] = str(e)
        return
    by_id = {j["id"]: j for j in run["jobs"]}
    for b in run.get("buckets") or []:
        if b.get("first") in by_id:
            b["testpoints"] = testpoints_of(plan, by_id[b["first"]])
