# SPDX-License-Identifier: Apache-2.0
"""scripts/signoff: exits 1 and names every missing item, 0 only when all
goals of docs/testplan.toml are met; 2 without a report."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIGNOFF = os.path.join(ROOT, "scripts", "signoff")
REGRESS = os.path.join(ROOT, "scripts", "regress")
FAKE = os.path.join(HERE, "fake-sim")


def good_report():
    row = {"name": "tp", "stage": "V1", "spec": ["4"], "desc": "d", "tests": 2, "passed": 2,
           "bins": 1, "hit": 1, "holes": [], "percent": 100.0}
    cov = {k: {"points": 100, "covered": 99, "percent": 99.0} for k in ("line", "branch", "toggle")}
    return {"status": "pass", "totals": {"jobs": 2, "pass": 2, "fail": 0, "not_run": 0},
            "functional_coverage": {"5": {"x_cg": {"a": 1}}},
            "code_coverage": {"summary": cov, "waived": cov, "waivers": [], "stale_waivers": []},
            "testplan": {"testpoints": [row]}, "meta": {}}


class SignoffTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="signoff-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def signoff(self, data):
        out = os.path.join(self.tmp, "r")
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "results.json"), "w") as f:
            json.dump(data, f)
        return subprocess.run([sys.executable, SIGNOFF, "--report", out],
                              capture_output=True, text=True)

    def test_all_goals_met_passes(self):
        p = self.signoff(good_report())
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("signoff: PASS", p.stdout)

    def test_each_missing_goal_is_named(self):
        data = good_report()
        data["status"] = "fail"
        data["totals"]["fail"] = 1
        data["functional_coverage"]["5"]["x_cg"]["b"] = 0
        data["code_coverage"]["waived"] = dict(data["code_coverage"]["waived"],
                                               branch={"points": 100, "covered": 90,
                                                       "percent": 90.0})
        data["code_coverage"]["stale_waivers"] = ["w.txt:3: line x.sv:1 is covered now"]
        data["testplan"]["testpoints"][0].update(passed=1, hit=0, holes=["v5/x_cg/b"])
        p = self.signoff(data)
        self.assertEqual(p.returncode, 1, p.stdout)
        for needle in ("MISSING: regression: status fail: 1 of 2 jobs fail",
                       "MISSING: functional coverage 50.00% < goal 100.0%: 1 of 2 bins never "
                       "hit: v5/x_cg/b",
                       "MISSING: RTL branch coverage 90.00% waived (99.00% raw) < goal 95.0%",
                       "MISSING: stale waiver: w.txt:3",
                       "MISSING: testpoint tp (V1): 1 of 2 tests fail",
                       "MISSING: testpoint tp (V1): 1 of 1 bins never hit: v5/x_cg/b",
                       "signoff: FAIL: 6 item(s) missing"):
            self.assertIn(needle, p.stdout)
        self.assertNotIn("MISSING: RTL line", p.stdout)

    def test_no_coverage_and_no_report(self):
        data = good_report()
        data["code_coverage"] = None
        p = self.signoff(data)
        self.assertEqual(p.returncode, 1)
        self.assertIn("RTL code coverage: none in the report", p.stdout)
        p = subprocess.run([sys.executable, SIGNOFF, "--report", os.path.join(self.tmp, "no")],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("no report (did the nightly finish?)", p.stderr)

    def test_real_run_on_the_fake_simulator_is_not_signed_off(self):
        out = os.path.join(self.tmp, "run")
        subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "--coverage",
                        "--no-directed", "--seeds", "3", "--ops", "10", "--seed-base", "200",
                        "-q", "--out", out], capture_output=True, check=False)
        p = subprocess.run([sys.executable, SIGNOFF, "--report", out], capture_output=True,
                           text=True)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        for needle in ("MISSING: testpoint bypass_pa_equals_va (V1): no test ran",
                       "MISSING: testpoint small_page_translation (V1): 1 of 2 bins never hit",
                       "MISSING: testpoint page_fault (V1): none of its bins is in the run's",
                       "MISSING: RTL branch coverage: no points"):
            self.assertIn(needle, p.stdout)
        self.assertTrue(os.path.exists(os.path.join(out, "signoff-holes.txt")))


if __name__ == "__main__":
    unittest.main()
