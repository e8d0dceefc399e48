# SPDX-License-Identifier: Apache-2.0
"""The report a lead reads (issue 10 part 3): normalised bucket signatures,
results per verilated configuration, latency percentiles, repro commands
that copy cleanly, gtkwave lines, the testplan table. No simulator."""

import os
import re
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from sysmmu_report import report, results, testplan  # noqa: E402


def job(jid, exp, act, field="pa", cfg=(5, 32, 8), group="tlb", outcome="mismatch"):
    mm = [{"area": "xlate", "field": field, "expected": exp, "actual": act},
          {"area": "walk", "field": "walk_addr", "expected": "0x1", "actual": "0x2"}]
    return {"id": jid, "name": jid, "kind": "gen", "group": group, "profile": group,
            "variant": cfg[0], "tlb_entries": cfg[1], "flpd_entries": cfg[2],
            "outcome": outcome, "signature": "xlate.%s" % field if outcome != "pass" else None,
            "area": "§4 translation", "message": "m", "mismatches": mm if outcome != "pass"
            else [], "dir": "/tmp/x/jobs/" + jid, "counts": {"translations": 10},
            "latency": {"hit": {"2": 98, "3": 1, "40": 1}, "miss": {}}}


class BucketTest(unittest.TestCase):
    def test_difference_kinds(self):
        kind = lambda e, a: results.difference_kind({"expected": e, "actual": a})
        self.assertEqual(kind("0x12345000", "0x12345004"), "low_bits")
        self.assertEqual(kind("0x12345000", "0x92345000"), "one_bit")
        self.assertEqual(kind("0x12345000", "0x54321000"), "high_bits")
        self.assertEqual(kind("0x0", "0x1000"), "spurious")
        self.assertEqual(kind("0x1000", "0"), "zeroed")
        self.assertEqual(kind("0x1000", None), "missing")
        self.assertEqual(kind(None, "0x1000"), "unexpected")
        self.assertEqual(kind("PAGE_FAULT", "BUS_ERROR"), "value")

    def test_two_bugs_in_one_field_are_two_buckets(self):
        jobs = [job("a", "0x10000000", "0x10000004"), job("b", "0x20000000", "0x20000008"),
                job("c", "0x10000000", "0x37000000", cfg=(5, 4, 8)), job("d", "1", "1",
                                                                        outcome="pass")]
        b = results.bucketize(jobs)
        self.assertEqual([(x["key"], x["count"]) for x in b],
                         [("xlate.pa:low_bits", 2), ("xlate.pa:high_bits", 1)])
        self.assertEqual(b[1]["configs"], ["v5t4f8"])
        self.assertEqual(b[0]["signature"], "xlate.pa")     # what the minimizer matches

    def test_consequences_do_not_split_a_bucket(self):
        a, b = job("a", "0x1000", "0x1004"), job("b", "0x5000", "0x5008")
        b["mismatches"][1] = {"area": "tlb", "field": "rank", "expected": "1", "actual": "7"}
        self.assertEqual(len(results.bucketize([a, b])), 1)


class PagesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="report-pages-")
        jobs = [job("v5t4f8-tlb-1", "0x1000", "0x1004", cfg=(5, 4, 8)),
                job("v5t32f8-tlb-2", "1", "1", outcome="pass"),
                job("v5t4f8-tlb-3", "1", "1", cfg=(5, 4, 8), outcome="pass")]
        for j in jobs:
            j["dir"] = os.path.join(self.tmp, "jobs", j["id"])
        self.run_ = {"run_id": "r", "jobs": jobs, "meta": {"interrupted": False},
                     "functional_coverage": {"5": {"xlate_cg": {"4K.R.ok.hit": 3,
                                                                "4K.R.ok.miss": 0}}},
                     "code_coverage": None}
        self.run_["buckets"] = results.bucketize(jobs)
        self.run_["buckets"][0].update({
            "repro": "build/sysmmu-sim --seed 1 --profile tlb --flpd-entries 8",
            "gtkw": "buckets/b01/wave.gtkw"})
        testplan.attach_status(self.run_, ROOT)
        self.totals = report.generate(self.tmp, self.run_)
        with open(os.path.join(self.tmp, "index.html")) as f:
            self.html = f.read()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_per_configuration_split(self):
        cfg = self.totals["by_config"]
        self.assertEqual(cfg["v5t4f8"]["tlb"], {"pass": 1, "fail": 1, "not_run": 0})
        self.assertEqual(cfg["v5t32f8"]["tlb"], {"pass": 1, "fail": 0, "not_run": 0})
        self.assertIn("<td>v5t4f8</td><td>tlb</td>", self.html)
        term = report.summary_table(self.run_, self.totals, "/rep")
        self.assertIn("v5t4f8 tlb: 1 fail of 2", term)
        self.assertIn("waves: gtkwave /rep/buckets/b01/wave.gtkw", term)

    def test_latency_percentiles_and_log_scale(self):
        self.assertEqual(self.totals["latency_stats"]["hit"],
                         {"n": 300, "p50": 2, "p99": 3, "max": 40})
        self.assertIn("log scale): p50 2, p99 3, max 40", self.html)

    def test_repro_copies_cleanly_and_waves_line(self):
        self.assertIn('<pre class="cmd">build/sysmmu-sim --seed 1 --profile tlb '
                      '--flpd-entries 8</pre>', self.html)
        self.assertNotIn("break-all", self.html)
        self.assertIn('<pre class="cmd">gtkwave buckets/b01/wave.gtkw</pre>', self.html)

    def test_testplan_table_and_links(self):
        self.assertRegex(self.html, r"<h3>V1: \d+/17 testpoints complete")
        self.assertIn('<tr id="tp-tlb_hit_and_miss">', self.html)
        self.assertIn('href="../../docs/spec.md#63-fill-and-replacement"', self.html)
        # The bucket names its testpoints and links its spec section.
        self.assertIn('href="#tp-tlb_lru_replacement"', self.html)
        self.assertIn('href="../../docs/spec.md#4-translation-ctrlen--1"', self.html)
        row = re.search(r'<tr id="tp-tlb_hit_and_miss">.*?</tr>', self.html).group(0)
        # tlb profile: 2 of 3 jobs pass; bins: 4K.R.ok.hit hit, 4K.R.ok.miss a hole.
        self.assertIn('<td style="background:#ffcdd2">2/3</td>', row)
        self.assertIn('<td style="background:#ffcdd2">1/2</td>', row)
        self.assertIn("v5/xlate_cg/4K.R.ok.miss", row)


if __name__ == "__main__":
    unittest.main()
