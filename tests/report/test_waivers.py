# SPDX-License-Identifier: Apache-2.0
"""RTL coverage waivers (scripts/sysmmu_report/waivers.py): raw and waived
figures, stale waivers, file errors; and the real waiver file parses."""

import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from sysmmu_report import waivers  # noqa: E402


def point(kind, line, count, comment=""):
    return ("C '\x01t\x02%s\x01page\x02v_%s/sysmmu_ptw\x01f\x02/src/rtl_model/sysmmu_ptw.sv"
            "\x01l\x02%d\x01o\x02%s\x01h\x02TOP.sysmmu' %d\n" % (kind, kind, line, comment, count))


class WaiverTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="waivers-")
        self.dat = os.path.join(self.tmp, "m.dat")
        with open(self.dat, "w") as f:
            f.write("# SystemC::Coverage-3\n")
            f.write(point("line", 10, 5) + point("line", 20, 0) + point("line", 30, 0))
            f.write(point("branch", 40, 0, "case default") + point("branch", 40, 3, "case S0"))
            f.write(point("toggle", 50, 0, "st_q[1]") + point("toggle", 50, 0, "st_q[0]"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, text):
        path = os.path.join(self.tmp, "w.txt")
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_raw_and_waived_figures(self):
        path = self.write("# comment\n\nline rtl_model/sysmmu_ptw.sv:20 -- unreachable\n"
                          "branch sysmmu_ptw.sv:40 case default -- 3-state enum, 2 bits\n"
                          "toggle sysmmu_ptw.sv:50 st_q[1] -- never reaches state 2\n")
        res = waivers.apply(self.dat, waivers.load(path))
        s = res["summary"]
        self.assertEqual(s["line"], {"points": 3, "covered": 1, "waived": 1,
                                     "percent": 33.33, "waived_percent": 50.0})
        self.assertEqual((s["branch"]["percent"], s["branch"]["waived_percent"]), (50.0, 100.0))
        self.assertEqual(s["toggle"]["waived"], 1)
        self.assertEqual(res["stale"], [])
        self.assertEqual([w["holes"] for w in res["used"]], [1, 1, 1])

    def test_bit_ranges_and_variant(self):
        from sysmmu_report.waivers import selector_matches as m
        p3, p5 = "v_toggle/sysmmu_regs__V3_T20_F8_P20", "v_toggle/sysmmu_regs__V5_T20_F8_P24"
        self.assertTrue(m("ctrl_q[31:3]", "ctrl_q[5]", p3))
        self.assertFalse(m("ctrl_q[31:3]", "ctrl_q[2]", p3))
        self.assertFalse(m("v5:ctrl_q[31:3]", "ctrl_q[5]", p3))
        self.assertTrue(m("v5:ctrl_q[31:3]", "ctrl_q[5]", p5))
        self.assertTrue(m("data_q[*][31:28]", "data_q[3][30]", p3))
        self.assertFalse(m("data_q[*][31:28]", "data_q[3][27]", p3))
        self.assertFalse(m("st_q[1]", "st_q1", p3), "brackets are literal")
        res = waivers.apply(self.dat, waivers.load(self.write(
            "toggle sysmmu_ptw.sv:50 st_q[1:1] -- bit 1 only\n")))
        self.assertEqual(res["summary"]["toggle"]["waived"], 1)

    def test_stale_waivers(self):
        path = self.write("line sysmmu_ptw.sv:10 -- covered by now\n"
                          "line sysmmu_ptw.sv:99 -- nothing there\n"
                          "branch sysmmu_ptw.sv:40 case S* -- only the covered arm\n")
        res = waivers.apply(self.dat, waivers.load(path))
        self.assertEqual(len(res["stale"]), 3, res["stale"])
        self.assertIn("w.txt:1: line sysmmu_ptw.sv:10 is covered now", res["stale"][0])
        self.assertIn("w.txt:2: line sysmmu_ptw.sv:99 matches no coverage point", res["stale"][1])
        self.assertEqual(res["summary"]["line"]["waived"], 0)

    def test_text_and_lineless_locations(self):
        src = os.path.join(self.tmp, "rtl_model")
        os.makedirs(src)
        with open(os.path.join(src, "sysmmu_ptw.sv"), "w") as f:
            f.write("\n" * 19 + "        default: state_q <= S_IDLE;\n" + "\n" * 19 + "  case\n")
        path = self.write("line rtl_model/sysmmu_ptw.sv:/default: state_q/ -- unreachable\n"
                          "branch rtl_model/sysmmu_ptw.sv:/  case/ case default -- 2 bits\n"
                          "toggle rtl_model/sysmmu_ptw.sv st_q[1] -- never state 2\n"
                          "line rtl_model/sysmmu_ptw.sv:/no such text/ -- gone\n")
        ws = waivers.load(path, root=self.tmp)
        self.assertEqual([w["lines"] for w in ws if w["text"]], [[20], [40], []])
        res = waivers.apply(self.dat, ws)
        self.assertEqual([w["holes"] for w in res["used"]], [1, 1, 1, 0])
        self.assertEqual(len(res["stale"]), 1, res["stale"])
        self.assertTrue(res["stale"][0].endswith(
            "w.txt:4: line rtl_model/sysmmu_ptw.sv:/no such text/: "
            "no line of rtl_model/sysmmu_ptw.sv holds that text any more"), res["stale"])
        # the line moves (20 -> 30): the text waiver follows it to the point there
        with open(os.path.join(src, "sysmmu_ptw.sv"), "w") as f:
            f.write("\n" * 29 + "        default: state_q <= S_IDLE;\n")
        ws = waivers.load(self.write("line rtl_model/sysmmu_ptw.sv:/default: state_q/ -- x\n"),
                          root=self.tmp)
        self.assertEqual(ws[0]["lines"], [30])
        self.assertEqual(waivers.apply(self.dat, ws)["used"][0]["holes"], 1)

    def test_bad_lines(self):
        for text, needle in (("line x.sv:1 no reason\n", "w.txt:1: want"),
                             ("\nfsm x.sv:1 -- why\n", "w.txt:2: kind 'fsm' is not one of")):
            with self.assertRaises(waivers.WaiverError) as cm:
                waivers.load(self.write(text))
            self.assertIn(needle, str(cm.exception))

    def test_attach_and_real_file_parses(self):
        cov = waivers.attach({"summary": {}}, self.dat,
                             self.write("line sysmmu_ptw.sv:30 -- why\n"))
        self.assertEqual(cov["waived"]["line"], {"points": 2, "covered": 1, "waived": 1,
                                                 "percent": 50.0})
        for w in waivers.load(os.path.join(ROOT, "docs", "coverage-waivers.txt")):
            self.assertTrue(os.path.exists(os.path.join(ROOT, w["file"])), w["where"])


if __name__ == "__main__":
    unittest.main()
