# SPDX-License-Identifier: Apache-2.0
"""The testplan checker (scripts/sysmmu_report/testplan.py): each failure
rule of issue 10 part 1 is broken on purpose and must be reported; the
real docs/testplan.toml passes against the real spec and vectors."""

import copy
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from sysmmu_report import testplan  # noqa: E402

PLAN = os.path.join(ROOT, "docs", "testplan.toml")
SPEC = os.path.join(ROOT, "docs", "spec.md")
PROFILES = {"driver", "tlb", "faults", "stress", "bypass"}
SECTIONS = {"1": ("A", 1), "2": ("B", 2), "2.1": ("C", 3), "2.2": ("D", 4), "13": ("N", 5)}
BINS = testplan.bin_names({"3": {"x_cg": {"a": 0, "b": 1}},
                           "5": {"x_cg": {"a": 2, "b": 0, "c": 0}, "y_cg": {"z": 1}}})


def small_plan():
    tp = {"name": "tp_one", "stage": "V1", "spec": ["1", "2.1"], "desc": "one",
          "vectors": ["va"], "profiles": ["tlb"], "bins": ["x_cg/a", "v5:x_cg/c"]}
    tp2 = dict(tp, name="tp_two", stage="V3", spec=["2.2"], vectors=["vb"], bins=["y_cg"])
    return {"goals": {"functional": 100.0, "line": 98.0, "branch": 95.0, "toggle": 95.0},
            "spec": {"not_behaviour": [["13", "not modeled"]]}, "testpoint": [tp, tp2]}


class CheckTest(unittest.TestCase):
    def errs(self, plan, vectors=("va", "vb")):
        return testplan.check(plan, "plan.toml", SECTIONS, set(vectors), PROFILES, BINS)

    def assert_one(self, plan, needle, **kw):
        errs = self.errs(plan, **kw)
        self.assertTrue(any(needle in e for e in errs), errs)

    def test_sound_plan_passes(self):
        self.assertEqual(self.errs(small_plan()), [])

    def test_section_without_testpoint(self):
        plan = small_plan()
        plan["testpoint"][1]["spec"] = ["1"]
        self.assert_one(plan, "spec section 2.2 D has no testpoint")
        plan["spec"]["not_behaviour"] = []
        self.assert_one(plan, "spec section 13 N has no testpoint")

    def test_unknown_section_vector_profile_bin(self):
        plan = small_plan()
        tp = plan["testpoint"][0]
        tp["spec"].append("7.7")
        tp["vectors"].append("nosuch")
        tp["profiles"].append("zz")
        tp["bins"] += ["x_cg/q*", "v3:x_cg/c", "w_cg"]
        errs = self.errs(plan)
        for needle in ("spec section 7.7 does not exist", "vector nosuch does not exist",
                       "generator profile zz does not exist", "bin x_cg/q* matches no",
                       "bin v3:x_cg/c matches no", "bin w_cg matches no"):
            self.assertTrue(any(needle in e for e in errs), (needle, errs))

    def test_orphan_vector(self):
        self.assert_one(small_plan(), "vectors/directed/vc.vec belongs to no testpoint",
                        vectors=("va", "vb", "vc"))

    def test_names_stages_fields_goals(self):
        plan = small_plan()
        plan["testpoint"][0]["name"] = "TpOne"
        plan["testpoint"][1]["stage"] = "V4"
        plan["testpoint"].append(copy.deepcopy(plan["testpoint"][1]))
        plan["testpoint"][2]["desc"] = "two\nlines"
        del plan["goals"]["toggle"]
        errs = self.errs(plan)
        for needle in ("TpOne: name is not lower_snake_case", "stage 'V4' is not one of",
                       "tp_two: name used twice", "desc must be one non-empty line",
                       "[goals] must give exactly"):
            self.assertTrue(any(needle in e for e in errs), (needle, errs))

    def test_bin_globs_and_variants(self):
        self.assertEqual(testplan.expand_bin("v5:x_cg/*", BINS),
                         [("5", "x_cg/a"), ("5", "x_cg/b"), ("5", "x_cg/c")])
        self.assertEqual(testplan.expand_bin("x_cg/a", BINS), [("3", "x_cg/a"), ("5", "x_cg/a")])

    def test_status(self):
        fcov = {"3": {"x_cg": {"a": 0, "b": 1}},
                "5": {"x_cg": {"a": 2, "b": 0, "c": 0}, "y_cg": {"z": 1}}}
        jobs = [{"kind": "vec", "name": "va", "outcome": "pass"},
                {"kind": "gen", "profile": "tlb", "outcome": "mismatch"},
                {"kind": "vec", "name": "vb", "outcome": "pass"}]
        st = testplan.status(small_plan(), jobs, fcov)
        one, two = st["testpoints"]
        self.assertEqual((one["tests"], one["passed"], one["bins"], one["hit"]), (2, 1, 3, 1))
        self.assertEqual(one["holes"], ["v3/x_cg/a", "v5/x_cg/c"])
        self.assertEqual((two["tests"], two["passed"], two["bins"], two["hit"]), (2, 1, 1, 1))
        self.assertEqual(st["stages"]["V1"], {"testpoints": 1, "done": 0, "percent": 0.0})


class RealPlanTest(unittest.TestCase):
    def test_real_plan_cites_real_sections_and_owns_every_vector(self):
        plan = testplan.load(PLAN)
        sections = testplan.spec_sections(SPEC)
        vectors = testplan.directed_vectors(os.path.join(ROOT, "vectors", "directed"))
        # Bins are checked by make testplan-test (it needs the C collector).
        errs = [e for e in testplan.check(plan, PLAN, sections, vectors, PROFILES,
                                          testplan.bin_names({}))
                if "matches no functional coverage bin" not in e]
        self.assertEqual(errs, [])

if __name__ == "__main__":
    unittest.main()
