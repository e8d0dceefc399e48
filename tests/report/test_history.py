# SPDX-License-Identifier: Apache-2.0
"""History across runs (issue 10 part 4): reports/history.jsonl, the runs
page with trend plots, --keep-runs retention. Fake simulator only."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from sysmmu_report import history  # noqa: E402

FAKE = os.path.join(HERE, "fake-sim")
REGRESS = os.path.join(ROOT, "scripts", "regress")
HISTORY = os.path.join(ROOT, "scripts", "history")


class HistoryTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="regress-history-")
        self.reports = os.path.join(self.tmp, "reports")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def regress(self, run_id, seed_base, *extra):
        p = subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q",
                            "--no-directed", "--seeds", "3", "--ops", "10", "--seed-base",
                            str(seed_base), "--out", os.path.join(self.reports, run_id)]
                           + list(extra), capture_output=True, text=True)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return p

    def test_records_page_and_retention(self):
        self.regress("20260101-000001", 200)            # all pass
        self.regress("20260102-000001", 101)            # seed 101 fails
        p = self.regress("20260103-000001", 300, "--keep-runs", "2")
        recs, bad = history.read(os.path.join(self.reports, "history.jsonl"))
        self.assertEqual(bad, [])
        self.assertEqual([r["report"] for r in recs],
                         ["20260101-000001", "20260102-000001", "20260103-000001"])
        self.assertEqual([r["pass_rate"] for r in recs], [100.0, 66.67, 100.0])
        self.assertEqual(recs[1]["status"], "fail")
        self.assertEqual(recs[0]["kind"], "regress")
        self.assertGreater(recs[0]["translations"], 0)
        self.assertIn("deleted 20260101-000001", p.stdout)
        self.assertEqual(sorted(d for d in os.listdir(self.reports) if d.startswith("2026")),
                         ["20260102-000001", "20260103-000001"])
        with open(os.path.join(self.reports, "index.html")) as f:
            page = f.read()
        for title in ("Pass rate", "Translations checked", "Functional coverage",
                      "RTL line coverage", "Translations per second"):
            self.assertIn(title, page)
        self.assertNotIn("Mutation score", page)      # no mutate run yet
        self.assertIn('<a href="20260103-000001/index.html">', page)
        self.assertNotIn('<a href="20260101-000001/index.html">', page)   # deleted
        self.assertIn("66.67%", page)

    def test_mutate_record_and_garbled_line(self):
        path = os.path.join(self.reports, "history.jsonl")
        self.regress("20260101-000001", 200)
        with open(path, "a") as f:
            f.write("{not json\n")
        p = subprocess.run([sys.executable, HISTORY, "add", "--kind", "mutate", "--run-id",
                            "20260101-000002", "--field", "mutation_score=81.5",
                            "--history", path], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("history.jsonl:2: not JSON", p.stderr)
        recs, _ = history.read(path)
        self.assertEqual(recs[-1]["mutation_score"], 81.5)
        with open(os.path.join(self.reports, "index.html")) as f:
            self.assertIn("Mutation score", f.read())

    def test_shards_and_outside_reports_write_no_history(self):
        out = os.path.join(self.tmp, "elsewhere")
        p = subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q",
                            "--no-directed", "--seeds", "2", "--seed-base", "200", "--out", out],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "history.jsonl")))
        self.regress("20260101-000001", 200, "--shard", "1/2")
        self.assertFalse(os.path.exists(os.path.join(self.reports, "history.jsonl")))

    def test_bad_keep_runs(self):
        p = subprocess.run([sys.executable, REGRESS, "--list", "--keep-runs", "0"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--keep-runs must be >= 1", p.stderr)


if __name__ == "__main__":
    unittest.main()
