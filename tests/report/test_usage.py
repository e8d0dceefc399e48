# SPDX-License-Identifier: Apache-2.0
"""Runner input mistakes are usage errors, not design failures (issue 10
part 5), and JUnit names that stay the same across nights (part 4).
Fake simulator only (make report-test)."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FAKE = os.path.join(HERE, "fake-sim")
REGRESS = os.path.join(ROOT, "scripts", "regress")
VEC = os.path.join(HERE, "fixtures", "vec")


def regress(*args, configs="3 32 8,5 32 8,5 4 8"):
    env = dict(os.environ, FAKE_SIM_CONFIGS=configs)
    return subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q",
                           "--ops", "10", "--seed-base", "200"] + list(args),
                          capture_output=True, text=True, env=env)


class UsageErrorTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="regress-usage-")
        self.out = os.path.join(self.tmp, "out")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def usage_error(self, want, *args, **kw):
        p = regress("--out", self.out, *args, **kw)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertIn(want, lines[0])
        self.assertNotIn("Traceback", p.stderr)
        # No job ran: no job folder, no progress line.
        self.assertFalse(os.path.exists(os.path.join(self.out, "jobs")))
        self.assertNotIn("[", p.stdout)
        return lines[0]

    def test_unknown_profile(self):
        line = self.usage_error("--profiles: unknown profile nosuch", "--no-directed",
                                "--seeds", "3", "--profiles", "tlb,nosuch")
        self.assertIn("knows bypass,driver,faults,stress,tlb", line)

    def test_configuration_not_verilated(self):
        self.usage_error("--configs: 5/16/8 is not verilated", "--no-directed",
                         "--seeds", "3", "--configs", "5/4/8,5/16/8")
        self.usage_error("--configs: 3 is not verilated", "--no-directed", "--seeds", "3",
                         "--configs", "3", configs="5 32 8")

    def test_glob_that_matches_nothing(self):
        self.usage_error("--vectors %s: no file matches" % os.path.join(self.tmp, "*.vec"),
                         "--seeds", "0", "--vectors", os.path.join(self.tmp, "*.vec"))

    def test_folder_that_holds_a_run(self):
        p = regress("--out", self.out, "--no-directed", "--seeds", "2")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        jobs = sorted(os.listdir(os.path.join(self.out, "jobs")))
        p = regress("--out", self.out, "--no-directed", "--seeds", "4")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stderr.strip(),
                         "regress: report folder %s already holds a run (results.json); "
                         "give a new --out" % self.out)
        self.assertEqual(sorted(os.listdir(os.path.join(self.out, "jobs"))), jobs)

    def test_good_selection_runs(self):
        p = regress("--out", self.out, "--no-directed", "--seeds", "2",
                    "--configs", "5/4/8", "--profiles", "tlb")
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)


class StableJunitNameTest(unittest.TestCase):
    def names(self, out, seed_base):
        p = subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q",
                            "--ops", "10", "--seed-base", str(seed_base), "--seeds", "6",
                            "--configs", "5/32/8", "--profiles", "driver,bypass",
                            "--vectors", os.path.join(VEC, "v5_pass.vec"), "--out", out],
                           capture_output=True, text=True)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        suite = ET.parse(os.path.join(out, "junit.xml")).getroot().find("testsuite")
        out = {}
        for case in suite.findall("testcase"):
            props = {e.get("name"): e.get("value") for e in case.find("properties")}
            out[(case.get("classname"), case.get("name"))] = props.get("seed")
        return out

    def test_names_do_not_move_with_the_seed(self):
        tmp = tempfile.mkdtemp(prefix="regress-junit-")
        try:
            a = self.names(os.path.join(tmp, "a"), 100)
            b = self.names(os.path.join(tmp, "b"), 9000)
        finally:
            shutil.rmtree(tmp)
        self.assertEqual(sorted(a), sorted(b))
        self.assertIn(("sysmmu.v5t32f8.driver", "v5t32f8.driver.002"), a)
        self.assertIn(("sysmmu.directed", "directed.v5_pass"), a)
        self.assertEqual(a[("sysmmu.v5t32f8.driver", "v5t32f8.driver.002")], "104")
        self.assertEqual(b[("sysmmu.v5t32f8.bypass", "v5t32f8.bypass.000")], "9001")


if __name__ == "__main__":
    unittest.main()
