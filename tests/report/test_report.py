# SPDX-License-Identifier: Apache-2.0
"""Tests of the regression runner and report generator (make report-test).

Uses hand-written result.json fixtures (tests/report/fixtures/results/) and
a fake simulator (tests/report/fake-sim) so nothing here needs the RTL.
Run: python3 -m unittest discover -s tests/report -v
"""

import html.parser
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from sysmmu_report import fcovmerge, jobs as jobsmod, minimize, report, results, runner  # noqa

FIX = os.path.join(HERE, "fixtures", "results")
VEC = os.path.join(HERE, "fixtures", "vec")
FAKE = os.path.join(HERE, "fake-sim")
REGRESS = os.path.join(ROOT, "scripts", "regress")
MERGE = os.path.join(ROOT, "scripts", "merge-reports")


def fixture_job(tmp, fixture, rc, variant, group, jid, **kw):
    """A finished job whose result.json is a fixture."""
    job = {"id": jid, "name": jid, "kind": "gen", "group": group, "variant": variant,
           "profile": group, "seed": 1, "ops": 100, "vector": None, "timing_seed": 1,
           "command": "build/sysmmu-sim --seed 1"}
    job_dir = os.path.join(tmp, "jobs", jid)
    os.makedirs(job_dir)
    if fixture:
        shutil.copy(os.path.join(FIX, fixture), os.path.join(job_dir, "result.json"))
    with open(os.path.join(job_dir, "log.txt"), "w") as f:
        f.write("log of %s\n" % jid)
    return runner.finish_job(job, rc, kw.get("timed_out", False), 0.5, job_dir,
                             kw.get("interrupted", False))


class TagChecker(html.parser.HTMLParser):
    """Fails on unbalanced non-void tags."""
    VOID = {"meta", "br", "rect", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            raise AssertionError("unbalanced </%s>, open: %s" % (tag, self.stack[-3:]))
        self.stack.pop()


class ClassifyTest(unittest.TestCase):
    def classify(self, name, rc, **kw):
        result, reason = results.load_result(os.path.join(FIX, name)) if name else (None, "none")
        return results.classify(rc, kw.get("timed_out", False), result, reason)

    def test_pass(self):
        self.assertEqual(self.classify("pass_v5_tlb.json", 0)["outcome"], "pass")

    def test_mismatch_signature_and_area(self):
        out = self.classify("mismatch_v5_tlb.json", 1)
        self.assertEqual((out["outcome"], out["signature"]), ("mismatch", "tlb.rank"))
        self.assertEqual(out["area"], "§6 TLB")
        self.assertIn("expected 3, got 2", out["message"])

    def test_watchdog(self):
        out = self.classify("watchdog_v3_faults.json", 3)
        self.assertEqual((out["outcome"], out["signature"]), ("watchdog", "watchdog.response"))

    def test_garbled_and_missing_keys(self):
        for name in ("garbled.json", "missing_keys.json", "does_not_exist.json"):
            out = self.classify(name, 0)
            self.assertEqual(out["outcome"], "garbled", name)
            self.assertEqual(out["signature"], "runner.result")
        self.assertIn("missing", self.classify("missing_keys.json", 0)["message"])

    def test_exit_code_disagreeing_with_status_is_garbled(self):
        self.assertEqual(self.classify("pass_v5_tlb.json", 1)["outcome"], "garbled")
        self.assertEqual(self.classify("mismatch_v5_tlb.json", 0)["outcome"], "garbled")

    def test_signal_abort_and_timeout(self):
        self.assertEqual(self.classify(None, -11)["signature"], "runner.crash:SIGSEGV")
        self.assertEqual(self.classify(None, 134)["signature"], "runner.crash:SIGABRT")
        self.assertEqual(self.classify(None, None, timed_out=True)["outcome"], "timeout")


class ReportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="report-test-")
        self.jobs = [
            fixture_job(self.tmp, "pass_v5_tlb.json", 0, 5, "tlb", "v5-tlb-7"),
            fixture_job(self.tmp, "mismatch_v5_tlb.json", 1, 5, "tlb", "v5-tlb-8"),
            fixture_job(self.tmp, "mismatch_v3_stress.json", 1, 3, "stress", "v3-stress-9"),
            fixture_job(self.tmp, "watchdog_v3_faults.json", 3, 3, "faults", "v3-faults-10"),
            fixture_job(self.tmp, "garbled.json", 1, 3, "faults", "v3-faults-11"),
            fixture_job(self.tmp, None, None, 5, "driver", "v5-driver-12", interrupted=True),
        ]
        self.run = {"run_id": "test-run", "jobs": self.jobs,
                    "buckets": results.bucketize(self.jobs),
                    "meta": {"command": "scripts/regress --seeds 5", "git_rev": "abc123",
                             "seed_base": 7, "seeds": 5, "ops": 100, "shard": None,
                             "interrupted": False, "duration_seconds": 3.5,
                             "tools": {"verilator": "Verilator 5.006"}},
                    "functional_coverage": fcovmerge.merge_jobs(self.jobs),
                    "code_coverage": None}
        self.run["buckets"][0].update({
            "repro": "build/sysmmu-sim --seed 8 --profile tlb --ops 100 --variant 5 "
                     "--timing-seed 9",
            "wave": "buckets/b01/wave.fst", "gtkw": "buckets/b01/wave.gtkw",
            "minimized": {"reproduced": True, "ops_before": 100, "ops_after": 3,
                          "tests": 20, "vector": "buckets/b01/minimized.vec",
                          "repro": "build/sysmmu-sim buckets/b01/minimized.vec"}})
        self.totals = report.generate(self.tmp, self.run)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def read(self, name):
        with open(os.path.join(self.tmp, name), encoding="utf-8") as f:
            return f.read()

    def test_buckets_grouped_by_signature(self):
        b = self.run["buckets"]
        self.assertEqual([x["signature"] for x in b],
                         ["tlb.rank", "runner.result", "watchdog.response"])
        self.assertEqual(b[0]["count"], 2)
        self.assertEqual(b[0]["variants"], [3, 5])
        self.assertEqual(b[0]["first"], "v5-tlb-8")
        self.assertEqual(b[0]["id"], "b01")

    def test_results_json(self):
        data = json.loads(self.read("results.json"))
        self.assertEqual(data["status"], "fail")
        t = data["totals"]
        self.assertEqual((t["jobs"], t["pass"], t["fail"], t["not_run"]), (6, 1, 4, 1))
        self.assertEqual(t["translations"], 4 * 90)
        self.assertEqual(t["by_group"]["tlb"]["5"], {"pass": 1, "fail": 1, "not_run": 0})
        self.assertEqual(t["latency"]["hit"], {"1": 280, "2": 40})
        self.assertAlmostEqual(t["tlb_hit_rate"]["tlb"], 160 / 180, places=4)
        fc = data["functional_coverage"]
        # Passing jobs only: the failing v5 tlb job's 80 hits and every v3
        # job (all fail) are left out.
        self.assertEqual(fc["5"]["xlate_cg"]["4K.R.ok.hit"], 80)
        self.assertNotIn("3", fc)
        holes = data["functional_summary"]["holes"]
        self.assertIn("v5/xlate_cg/1M.W.ok.hit", holes)
        self.assertEqual(data["jobs"][0]["dir"], "jobs/v5-tlb-7")
        self.assertNotIn("coverage", data["jobs"][0])
        self.assertEqual(data["buckets"][0]["minimized"]["ops_after"], 3)

    def test_junit_parses_and_counts(self):
        root = ET.parse(os.path.join(self.tmp, "junit.xml")).getroot()
        suite = root.find("testsuite")
        self.assertEqual(suite.get("tests"), "6")
        self.assertEqual(suite.get("failures"), "2")
        self.assertEqual(suite.get("errors"), "2")
        self.assertEqual(suite.get("skipped"), "1")
        cases = suite.findall("testcase")
        self.assertEqual(len(cases), 6)
        fail = [c for c in cases if c.get("name") == "v5-tlb-8"][0]
        self.assertEqual(fail.get("classname"), "sysmmu.v5.tlb")
        self.assertEqual(fail.find("failure").get("type"), "tlb.rank")
        self.assertIn("repro: build/sysmmu-sim --seed 8", fail.find("failure").text)
        self.assertIsNotNone([c for c in cases if c.get("name") == "v5-driver-12"][0]
                             .find("skipped"))
        self.assertIsNone(cases[0].find("failure"))

    def test_index_html(self):
        text = self.read("index.html")
        checker = TagChecker()
        checker.feed(text)
        self.assertEqual(checker.stack, [])
        for needle in ("FAIL: 6 jobs, 1 pass, 4 fail, 1 not run", "tlb.rank", "§6 TLB",
                       "build/sysmmu-sim --seed 8 --profile tlb --ops 100 --variant 5",
                       'href="buckets/b01/minimized.vec"', "100 &rarr; 3 ops",
                       'href="buckets/b01/wave.fst"', 'href="jobs/v5-tlb-8/log.txt"',
                       "TLB hit rate by profile", "Latency histogram, TLB miss",
                       "Bins hit by covergroup", "v5/xlate_cg/1M.W.ok.hit", "abc123",
                       "Verilator 5.006", "Jobs by profile and variant"):
            self.assertIn(needle, text)
        self.assertGreaterEqual(text.count("<svg"), 4)
        import re
        for block in re.findall(r"<svg.*?</svg>", text, re.S):
            root = ET.fromstring(block)          # each plot is well-formed SVG
            self.assertTrue(root.tag.endswith("svg"))
            self.assertGreater(len(root.findall("{http://www.w3.org/2000/svg}rect")), 0)

    def test_summary_md(self):
        text = self.read("summary.md")
        self.assertIn("# sysmmu-verif regression test-run: FAIL", text)
        self.assertIn("| tlb | v5 | 1 | 1 | 0 |", text)
        self.assertIn("**b01** `tlb.rank:low_bits`", text)
        self.assertIn("minimized 100 -> 3 ops", text)
        self.assertIn("v5/xlate_cg/1M.W.ok.hit", text)

    def test_interrupted_and_all_pass_status(self):
        self.run["meta"]["interrupted"] = True
        report.generate(self.tmp, self.run)
        self.assertEqual(json.loads(self.read("results.json"))["status"], "interrupted")
        self.run["jobs"] = self.jobs[:1]
        self.run["buckets"] = []
        self.run["meta"]["interrupted"] = False
        report.generate(self.tmp, self.run)
        self.assertEqual(json.loads(self.read("results.json"))["status"], "pass")
        self.assertIn("No failures.", self.read("index.html"))


class MinimizeTest(unittest.TestCase):
    def test_ddmin_finds_the_two_needed_items(self):
        items = list(range(100))
        best, calls = minimize.ddmin(items, lambda s: 3 in s and 77 in s)
        self.assertEqual(best, [3, 77])
        self.assertLess(calls, 100)

    def test_ddmin_respects_budget(self):
        best, calls = minimize.ddmin(list(range(100)), lambda s: 3 in s, max_tests=4)
        self.assertLessEqual(calls, 4)
        self.assertIn(3, best)

    def test_minimize_vector_on_fake_sim(self):
        tmp = tempfile.mkdtemp(prefix="min-test-")
        try:
            oracle = minimize.SimOracle(FAKE, ["--timing-seed", "1"], "xlate.pa", tmp)
            dst = os.path.join(tmp, "min.vec")
            info = minimize.minimize_file(os.path.join(VEC, "v3_bug_pa.vec"), dst, oracle)
            self.assertTrue(info["reproduced"])
            self.assertEqual((info["ops_before"], info["ops_after"]), (62, 2))
            with open(dst) as f:
                lines = [l for l in f.read().splitlines() if l and not l.startswith("#")]
            self.assertEqual(lines, ["sysmmu-vec 1", "variant 3", "tlb_entries 32",
                                     "flpd_entries 8", "id_width 16", "wr MMU_CTRL 0x1",
                                     "xlate w 0xdead0000"])
            self.assertEqual(sorted(os.listdir(tmp)), ["min.vec"])
            self.assertEqual(oracle.run(dst)[0], "xlate.pa")
        finally:
            shutil.rmtree(tmp)

    def test_not_reproduced_writes_nothing(self):
        tmp = tempfile.mkdtemp(prefix="min-test-")
        try:
            oracle = minimize.SimOracle(FAKE, [], "tlb.rank", tmp)
            dst = os.path.join(tmp, "min.vec")
            info = minimize.minimize_file(os.path.join(VEC, "v3_bug_pa.vec"), dst, oracle)
            self.assertFalse(info["reproduced"])
            self.assertEqual(info["signature_seen"], "xlate.pa")
            self.assertFalse(os.path.exists(dst))
        finally:
            shutil.rmtree(tmp)


class ShardTest(unittest.TestCase):
    ARGS = ["--list", "--seeds", "23", "--seed-base", "1000", "--vectors",
            os.path.join(VEC, "*.vec"), "--profiles", "a,b,c"]

    def listing(self, *extra):
        out = subprocess.run([sys.executable, REGRESS] + self.ARGS + list(extra),
                             capture_output=True, text=True, check=True)
        return out.stdout.split()

    def test_shards_partition_the_list_deterministically(self):
        full = self.listing()
        self.assertEqual(len(full), 6 + 23)
        self.assertEqual(full, self.listing())
        parts = [self.listing("--shard", "%d/3" % k) for k in (1, 2, 3)]
        self.assertEqual(parts[0], self.listing("--shard", "1/3"))
        self.assertEqual(sorted(sum(parts, [])), sorted(full))
        self.assertEqual(len(set(sum(parts, []))), len(full))
        self.assertEqual(parts[1], full[1::3])

    def test_directed_vectors_only_on_listed_configurations(self):
        vecs = [os.path.join(VEC, n) for n in ("v5_pass.vec", "v3_bug_pa.vec")]
        ids = lambda cfgs: [j["id"] for j in jobsmod.build_jobs(vecs, [], cfgs, 0, 0, 1)]
        self.assertEqual(ids([3, 5]), ["dir-v3_bug_pa", "dir-v5_pass"])
        self.assertEqual(ids([(5, 32, 8)]), ["dir-v5_pass"])
        self.assertEqual(ids([(5, 4, 8), (3, 32, 8)]), ["dir-v3_bug_pa"])

    def test_round_robin_over_profiles_and_variants(self):
        jobs = jobsmod.build_jobs([], ["a", "b"], [3, 5], 8, 100, 10)
        self.assertEqual([(j["variant"], j["profile"], j["seed"]) for j in jobs][:4],
                         [(3, "a", 100), (3, "b", 101), (5, "a", 102), (5, "b", 103)])

    def test_bad_shard_and_bad_vector(self):
        for bad in ("0/2", "3/2", "x"):
            p = subprocess.run([sys.executable, REGRESS, "--list", "--shard", bad],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 2, bad)
        p = subprocess.run([sys.executable, REGRESS, "--sim", "/nonexistent", "--no-build",
                            "--seeds", "1", "--no-directed"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--sim /nonexistent: not an executable file", p.stderr)
        with tempfile.NamedTemporaryFile("w", suffix=".vec", delete=False) as f:
            f.write("sysmmu-vec 1\nvariant 4\n")
        try:
            p = subprocess.run([sys.executable, REGRESS, "--list", "--vectors", f.name],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 2)
            self.assertIn("%s:2: bad variant line" % f.name, p.stderr)
        finally:
            os.unlink(f.name)


class EndToEndTest(unittest.TestCase):
    """scripts/regress and scripts/merge-reports on the fake simulator."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="regress-test-")
        cls.base = [sys.executable, REGRESS, "--sim", FAKE, "--no-build", "--vectors",
                    os.path.join(VEC, "*.vec"), "--seeds", "14", "--ops", "30",
                    "--seed-base", "100", "--timeout", "2", "-j", "2", "-q"]
        cls.full = cls.regress("full")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    @classmethod
    def regress(cls, name, *extra):
        out = os.path.join(cls.tmp, name)
        p = subprocess.run(cls.base + ["--out", out] + list(extra), capture_output=True,
                           text=True)
        with open(os.path.join(out, "results.json")) as f:
            return p, out, json.load(f)

    def test_x_init_random_without_coverage(self):
        gen = [j for j in self.full[2]["jobs"] if j["kind"] == "gen"]
        self.assertTrue(gen)
        for j in gen:
            self.assertGreater(j["x_init_seed"], 0, j["id"])
            self.assertIn("--x-init-seed %d" % j["x_init_seed"], j["command"], j["id"])

    def outcomes(self, data):
        return {j["id"]: j["outcome"] for j in data["jobs"]}

    def test_outcomes_buckets_triage(self):
        p, out, data = self.full
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        o = self.outcomes(data)
        self.assertEqual(len(o), 20)
        self.assertEqual(o["dir-v3_sleep"], "timeout")
        self.assertEqual(o["dir-v5_crash"], "crash")
        self.assertEqual(o["dir-v3_garbled"], "garbled")
        self.assertEqual(o["dir-v5_pass"], "pass")
        self.assertEqual(o["v3-tlb-101"], "mismatch")      # seed % 7 == 3
        self.assertEqual(o["v5-stress-108"], "mismatch")
        self.assertEqual(sum(1 for v in o.values() if v == "pass"), 13)
        b = {x["signature"]: x for x in data["buckets"]}
        pa = b["xlate.pa"]
        self.assertEqual((pa["count"], pa["first"]), (3, "dir-v3_bug_pa"))
        self.assertEqual(pa["minimized"]["ops_after"], 2)
        self.assertTrue(os.path.exists(os.path.join(out, pa["minimized"]["vector"])))
        self.assertTrue(os.path.exists(os.path.join(out, pa["minimized"]["wave"])))
        self.assertTrue(os.path.exists(os.path.join(out, pa["wave"])))
        with open(os.path.join(out, "index.html")) as f:
            self.assertIn("<pre>sysmmu-vec 1\nvariant 3\n", f.read())
        self.assertTrue(os.path.exists(os.path.join(out, pa["gtkw"])))
        self.assertIn("minimized 62 -> 2 ops", p.stdout)
        self.assertIn("[20/20] pass 13 fail 7", p.stdout)
        for name in ("index.html", "junit.xml", "summary.md"):
            self.assertTrue(os.path.exists(os.path.join(out, name)))
        self.assertTrue(os.path.exists(os.path.join(out, "jobs", "dir-v3_sleep", "log.txt")))

    def test_generated_failure_is_dumped_and_minimized(self):
        _, out, _ = self.regress("gen-only", "--no-directed", "--seeds", "4",
                                 "--seed-base", "3")
        with open(os.path.join(out, "results.json")) as f:
            data = json.load(f)
        b = data["buckets"][0]
        self.assertEqual((b["signature"], b["first"]), ("xlate.pa", "v3-driver-3"))
        self.assertEqual(b["vector"], "buckets/b01/generated.vec")
        self.assertEqual(b["minimized"]["ops_before"], 30)
        self.assertEqual(b["minimized"]["ops_after"], 2)

    def test_rerun_failed_runs_exactly_the_failures(self):
        _, out, full = self.full
        p, _, data = self.regress("rerun", "--rerun-failed", out)
        failed = sorted(j for j, o in self.outcomes(full).items() if o != "pass")
        self.assertEqual(sorted(self.outcomes(data)), failed)

    def test_shards_merge_into_the_full_report(self):
        _, _, full = self.full
        shards = [self.regress("s%d" % k, "--shard", "%d/2" % k)[1] for k in (1, 2)]
        merged = os.path.join(self.tmp, "merged")
        p = subprocess.run([sys.executable, MERGE, "--out", merged] + shards,
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(os.path.join(merged, "results.json")) as f:
            data = json.load(f)
        self.assertEqual(self.outcomes(data), self.outcomes(full))
        self.assertEqual(data["functional_coverage"], full["functional_coverage"])
        self.assertEqual([(b["signature"], b["count"]) for b in data["buckets"]],
                         [(b["signature"], b["count"]) for b in full["buckets"]])
        pa = [b for b in data["buckets"] if b["signature"] == "xlate.pa"][0]
        self.assertTrue(os.path.exists(os.path.join(merged, pa["minimized"]["vector"])))
        job = data["jobs"][0]
        self.assertTrue(os.path.exists(os.path.join(merged, job["dir"], "log.txt")))
        p = subprocess.run([sys.executable, MERGE, "--out", merged, shards[0], shards[0]],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("is in both", p.stderr)

    def test_ctrl_c_leaves_a_consistent_partial_report(self):
        self.interrupt(signal.SIGINT, "interrupted", 130)

    def test_sigterm_leaves_a_consistent_partial_report(self):
        self.interrupt(signal.SIGTERM, "terminated", 143)

    def interrupt(self, sig, name, code):
        out = os.path.join(self.tmp, name)
        # The sleeping vector first, then a passing one, one job at a time.
        cmd = [sys.executable, REGRESS, "--sim", FAKE, "--no-build", "--seeds", "0",
               "--vectors", os.path.join(VEC, "v[35]_[ps]*.vec"), "--timeout", "60",
               "-j", "1", "--out", out]
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if os.path.exists(os.path.join(out, "jobs", "dir-v3_sleep", "log.txt")):
                break
            time.sleep(0.1)
        time.sleep(0.5)
        p.send_signal(sig)
        stdout, _ = p.communicate(timeout=30)
        self.assertEqual(p.returncode, code, stdout)
        with open(os.path.join(out, "results.json")) as f:
            data = json.load(f)
        self.assertEqual(data["status"], "interrupted")
        o = self.outcomes(data)
        self.assertEqual(o, {"dir-v3_sleep": "interrupted", "dir-v5_pass": "not_run"})
        ET.parse(os.path.join(out, "junit.xml"))


class CoverageTest(unittest.TestCase):
    """RTL coverage: per-job .dat merged with verilator_coverage, lcov info,
    genhtml; shards merged again by merge-reports."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cov-test-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def regress(self, name, *extra):
        out = os.path.join(self.tmp, name)
        subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "--coverage",
                        "--vectors", os.path.join(VEC, "v5_pass.vec"), "--seeds", "4",
                        "--ops", "10", "--seed-base", "100", "-q", "--out", out] + list(extra),
                       capture_output=True, check=False)
        with open(os.path.join(out, "results.json")) as f:
            return out, json.load(f)

    def test_merge_info_html_and_shards(self):
        out, data = self.regress("full")
        cc = data["code_coverage"]
        self.assertIsNotNone(cc, data["meta"].get("coverage_error"))
        self.assertEqual(cc["files"], 4)     # seed 101 fails: its .dat is not merged
        self.assertEqual(cc["summary"]["line"], {"points": 1, "covered": 1, "percent": 100.0})
        self.assertEqual(cc["summary"]["toggle"]["covered"], 1)   # odd seeds toggle it
        self.assertEqual(cc["lcov"]["lines"], 2)
        # coverage jobs start the RTL from zero: no X-init toggle at reset
        gen = [j for j in data["jobs"] if j["kind"] == "gen"]
        self.assertTrue(gen)
        for j in gen:
            self.assertEqual(j["x_init_seed"], 0, j["id"])
            self.assertNotIn("--x-init-seed", j["command"], j["id"])
        self.assertTrue(os.path.exists(os.path.join(out, cc["html"])))
        self.assertFalse(os.path.exists(os.path.join(out, "jobs", "v3-driver-100",
                                                     "coverage.dat")))
        with open(os.path.join(out, "index.html")) as f:
            self.assertIn('href="coverage/html/index.html"', f.read())
        shards = [self.regress("s%d" % k, "--shard", "%d/2" % k)[0] for k in (1, 2)]
        merged = os.path.join(self.tmp, "merged")
        subprocess.run([sys.executable, MERGE, "--out", merged] + shards,
                       capture_output=True, check=False)
        with open(os.path.join(merged, "results.json")) as f:
            mcc = json.load(f)["code_coverage"]
        self.assertEqual(mcc["files"], 2)
        self.assertEqual(mcc["summary"], cc["summary"])

    def test_configs_option(self):
        self.assertEqual(jobsmod.parse_configs("3,5/4/8"), [(3, None, None), (5, 4, 8)])
        for bad in ("4", "5/4", "5/x/8", ""):
            with self.assertRaises(ValueError):
                jobsmod.parse_configs(bad)
        jobs = jobsmod.build_jobs([], ["p"], [(5, 4, 8)], 1, 9, 10)
        self.assertEqual(jobs[0]["id"], "v5t4f8-p-9")
        self.assertEqual(jobsmod.sim_args(jobs[0]),
                         ["--seed", "9", "--profile", "p", "--ops", "10", "--variant", "5",
                          "--tlb-entries", "4", "--flpd-entries", "8", "--timing-seed", "10",
                          "--x-init-seed", "434440"])
        # each random job its own X-init seed in Verilator's range; directed ones zero
        many = jobsmod.build_jobs([], ["p"], [5], 50, 2147483600, 10)
        xs = [j["x_init_seed"] for j in many]
        self.assertEqual(len(set(xs)), len(xs))
        self.assertTrue(all(1 <= x <= 2147483647 for x in xs))
        self.assertEqual({j["x_init_seed"] for j in jobsmod.zero_x_init(many)}, {0})


if __name__ == "__main__":
    unittest.main()
