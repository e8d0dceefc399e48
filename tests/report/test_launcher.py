# SPDX-License-Identifier: Apache-2.0
"""The launcher interface (docs/slurm.md): --launcher / $REGRESS_LAUNCHER
pick where jobs run; the local launcher is the default and runs the same
jobs to the same outcomes. Fake simulator only (make report-test)."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FAKE = os.path.join(HERE, "fake-sim")
REGRESS = os.path.join(ROOT, "scripts", "regress")
ARGS = ["--sim", FAKE, "--no-build", "-q", "--no-directed", "--seeds", "14",
        "--ops", "30", "--seed-base", "100", "--max-triage", "0"]


def regress(out, *args, env=None):
    e = dict(os.environ)
    e.pop("REGRESS_LAUNCHER", None)
    e.update(env or {})
    return subprocess.run([sys.executable, REGRESS] + ARGS + ["--out", out] + list(args),
                          capture_output=True, text=True, env=e)


def outcomes(out):
    with open(os.path.join(out, "results.json")) as f:
        data = json.load(f)
    return data, {j["id"]: (j["outcome"], j["signature"]) for j in data["jobs"]}


def expected(data):
    """What fake-sim does with each seed: seed % 7 == 3 is a mismatch."""
    return {j["id"]: ("mismatch", "xlate.pa") if j["seed"] % 7 == 3 else ("pass", None)
            for j in data["jobs"]}


class LauncherTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="launcher-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_untriaged_buckets_keep_their_repro(self):
        """--max-triage 0 skips triage; every bucket still names the
        command of its first job, never None (it once printed "repro: None")."""
        out = os.path.join(self.tmp, "notriage")
        p = regress(out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        data, _ = outcomes(out)
        self.assertTrue(data["buckets"])
        for b in data["buckets"]:
            self.assertTrue(b.get("repro"), b)
            self.assertIn("--seed", b["repro"])
        self.assertNotIn("repro: None", p.stdout + p.stderr)

    def test_local_is_the_default_and_gives_the_same_outcomes(self):
        runs = {}
        for tag, args, env in (("default", [], None), ("flag", ["--launcher", "local"], None),
                               ("env", [], {"REGRESS_LAUNCHER": "local"})):
            out = os.path.join(self.tmp, tag)
            p = regress(out, *args, env=env)
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)   # seeds % 7 == 3 fail
            data, runs[tag] = outcomes(out)
            self.assertEqual(data["meta"]["launcher"]["name"], "local")
        self.assertEqual(len(runs["default"]), 14)
        self.assertEqual(runs["default"], expected(data))
        self.assertEqual(runs["default"], runs["flag"])
        self.assertEqual(runs["default"], runs["env"])

    def test_unknown_launcher_is_a_usage_error(self):
        for args, env in ((["--launcher", "lsf"], None), ([], {"REGRESS_LAUNCHER": "lsf"})):
            p = regress(os.path.join(self.tmp, "bad"), *args, env=env)
            self.assertEqual(p.returncode, 2)
            self.assertIn("'lsf' is not one of", p.stderr)
            self.assertNotIn("Traceback", p.stderr)
            self.assertFalse(os.path.exists(os.path.join(self.tmp, "bad")))


if __name__ == "__main__":
    unittest.main()
