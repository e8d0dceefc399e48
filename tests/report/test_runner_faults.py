# SPDX-License-Identifier: Apache-2.0
"""The runner under faults (issue 15): report folders that cannot be
written, input errors, bad vector files, signals at start-up and twice.
Fake simulator only (make report-test)."""

import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from sysmmu_report import jobs as jobsmod, results  # noqa: E402

FAKE = os.path.join(HERE, "fake-sim")
REGRESS = os.path.join(ROOT, "scripts", "regress")
INPUT = os.path.join(HERE, "fixtures", "input")
NAPS = os.path.join(INPUT, "v5_nap*.vec")
SIGTERM_BIT = 1 << (signal.SIGTERM - 1)


def regress(*args, **kw):
    return subprocess.run([sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q"]
                          + list(args), capture_output=True, text=True, **kw)


def handlers_installed(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("SigCgt:"):
                    return bool(int(line.split()[1], 16) & SIGTERM_BIT)
    except OSError:
        pass
    return False


def fake_sims_of(tag):
    out = []
    for d in glob.glob("/proc/[0-9]*"):
        try:
            with open(os.path.join(d, "cmdline"), "rb") as f:
                cmd = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        if tag in cmd and "fake-sim" in cmd and "scripts/regress" not in cmd:
            out.append(int(os.path.basename(d)))
    return out


class Tmp(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="runner-faults-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def no_traceback(self, p):
        self.assertNotIn("Traceback", p.stdout + p.stderr)

    def load(self, out):
        with open(os.path.join(out, "results.json")) as f:
            return json.load(f)


class VectorFileTest(Tmp):
    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_hex_header_values(self):
        path = self.write("h.vec", b"sysmmu-vec 1\nvariant 0x5\ntlb_entries 0x20\n"
                                   b"flpd_entries 0X8\nxlate r 0x1000\n")
        self.assertEqual(jobsmod.vector_header(path),
                         {"variant": 5, "tlb_entries": 32, "flpd_entries": 8})
        for bad in (b"tlb_entries -4", b"tlb_entries 0x", b"tlb_entries +4", b"tlb_entries 4k"):
            path = self.write("b.vec", b"sysmmu-vec 1\nvariant 5\n" + bad + b"\n")
            with self.assertRaisesRegex(jobsmod.JobError, r"b\.vec:3: bad tlb_entries line"):
                jobsmod.vector_header(path)

    def test_bad_encoding_and_directory_are_clean_errors(self):
        ok = self.write("c.vec", b"sysmmu-vec 1\nvariant 5\n# caf\xe9 in a comment\n")
        self.assertEqual(jobsmod.vector_header(ok)["variant"], 5)
        bad = self.write("e.vec", b"sysmmu-vec 1\nvari\xe9nt 5\n")
        d = os.path.join(self.tmp, "d.vec")
        os.mkdir(d)
        for path, msg in ((bad, "e.vec:2: not a text line (byte 0xe9 at column 5)"),
                          (d, "d.vec: Is a directory")):
            p = regress("--list", "--vectors", path)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.no_traceback(p)
            self.assertIn(msg, p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)


class InputErrorTest(Tmp):
    def test_parse_error_is_an_input_error_and_not_minimized(self):
        out = os.path.join(self.tmp, "r")
        p = regress("--seeds", "0", "--vectors", os.path.join(INPUT, "v5_parse_error.vec"),
                    "--out", out)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        data = self.load(out)
        job = data["jobs"][0]
        self.assertEqual((job["outcome"], job["signature"]), ("error", "runner.input_error"))
        self.assertIn("v5_parse_error.vec:6: unknown keyword 'fake'", job["message"])
        b = data["buckets"][0]
        self.assertFalse(b["minimized"]["reproduced"])
        self.assertIn("not minimized", b["minimized"]["note"])
        self.assertFalse(os.path.exists(os.path.join(out, "buckets", "b01", "minimized.vec")))
        self.assertFalse(os.path.exists(os.path.join(out, "buckets", "b01", "wave.fst")))

    def test_exit_2_with_a_result_is_still_an_input_error(self):
        out = results.classify(2, False, None, "no result.json")
        self.assertEqual(out["signature"], "runner.input_error")


def readonly_dir(path):
    """An existing folder this process cannot write: chmod for a normal
    user; root ignores modes, so a read-only tmpfs (or the immutable bit)."""
    os.mkdir(path)
    if os.geteuid():
        os.chmod(path, 0o555)
        return lambda: os.chmod(path, 0o755)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", path],
                      capture_output=True).returncode == 0:
        return lambda: subprocess.run(["umount", path], capture_output=True)
    if subprocess.run(["chattr", "+i", path], capture_output=True).returncode == 0:
        return lambda: subprocess.run(["chattr", "-i", path], capture_output=True)
    return None


class ReportFolderTest(Tmp):
    def check_usage_error(self, out, word):
        p = regress("--seeds", "2", "--no-directed", "--out", out)
        self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
        self.no_traceback(p)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertIn("regress: report folder %s: %s" % (out, word), lines[0])
        self.assertEqual(fake_sims_of(out), [])
        self.assertNotIn("[", p.stdout)     # no progress: no job ran

    def test_missing_folder_that_cannot_be_created(self):
        blocker = os.path.join(self.tmp, "file")
        open(blocker, "w").close()
        self.check_usage_error(os.path.join(blocker, "out"), "cannot create")

    def test_existing_read_only_folder(self):
        out = os.path.join(self.tmp, "ro")
        undo = readonly_dir(out)
        if undo is None:
            self.skipTest("root without mount or chattr: no read-only folder to make")
        try:
            self.check_usage_error(out, "not writable")
        finally:
            undo()

    def test_folder_remounted_read_only_mid_run(self):
        """The real case: a tmpfs report folder remounted read-only after
        the first results (needs root and mount)."""
        mnt = os.path.join(self.tmp, "mnt")
        os.mkdir(mnt)
        if os.geteuid() or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs",
                                           mnt], capture_output=True).returncode:
            self.skipTest("needs root and mount (the rename case below runs anywhere)")
        try:
            out = os.path.join(mnt, "r")

            def remount():
                # Refused (EBUSY) while a job's log is open: retry until a
                # moment between two jobs.
                deadline = time.monotonic() + 20
                while subprocess.run(["mount", "-o", "remount,ro", mnt],
                                     capture_output=True).returncode:
                    self.assertLess(time.monotonic(), deadline, "remount never succeeded")
            stderr, alt = self.run_and_break(out, remount)
            self.assertIn("Read-only file system", stderr)
            shutil.rmtree(alt, ignore_errors=True)
        finally:
            subprocess.run(["umount", "-l", mnt], capture_output=True)

    def run_and_break(self, out, breaker):
        cmd = [sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q", "--seeds", "4",
               "--ops", "10", "--seed-base", "100", "--vectors", NAPS, "-j", "1",
               "--out", out]
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and \
                len(glob.glob(os.path.join(out, "jobs", "*", "result.json"))) < 2:
            time.sleep(0.005)
        breaker()
        stdout, stderr = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 2, stdout + stderr)
        self.assertNotIn("Traceback", stdout + stderr)
        self.assertIn("regress: report folder %s became unwritable" % out, stderr)
        alt = stderr.split("the report is in ")[1].split()[0].rstrip(",")
        data = self.load(alt)
        self.assertEqual(len(data["jobs"]), 10)
        outcomes = [j["outcome"] for j in data["jobs"]]
        # At least the first result was filed before the folder went.
        self.assertGreaterEqual(outcomes.count("pass"), 1)
        self.assertTrue(all(o in ("pass", "mismatch", "not_run", "interrupted")
                            for o in outcomes), outcomes)     # seed 101 fails
        self.assertIn("report_dir_error", data["meta"])
        return stderr, alt

    def test_folder_lost_mid_run(self):
        """The jobs folder is replaced by a file after the first results:
        exit 2, no traceback, the user is told where the results are, and
        the report written elsewhere has every job."""
        out = os.path.join(self.tmp, "mid")

        def breaker():
            os.rename(os.path.join(out, "jobs"), os.path.join(out, "jobs.moved"))
            open(os.path.join(out, "jobs"), "w").close()
        _, alt = self.run_and_break(out, breaker)
        shutil.rmtree(alt, ignore_errors=True)


class SignalTest(Tmp):
    def start(self, out, *extra):
        cmd = [sys.executable, REGRESS, "--sim", FAKE, "--no-build", "-q", "--out", out,
               "--timeout", "60"] + list(extra)
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while not handlers_installed(p.pid) and time.monotonic() < deadline:
            time.sleep(0.0005)
        return p

    def test_signal_during_start_up_leaves_a_report(self):
        out = os.path.join(self.tmp, "early")
        p = self.start(out, "--seeds", "3", "--vectors", NAPS)
        p.send_signal(signal.SIGTERM)
        stdout, stderr = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 143, stdout + stderr)
        self.assertNotIn("Traceback", stderr)
        data = self.load(out)
        self.assertEqual(data["status"], "interrupted")
        self.assertEqual(len(data["jobs"]), 9)
        self.assertEqual({j["outcome"] for j in data["jobs"]}, {"not_run"})

    def test_second_sigint_stops_at_once_and_kills_children(self):
        out = os.path.join(self.tmp, "twice")
        p = self.start(out, "--seeds", "0", "-j", "2", "--vectors",
                       os.path.join(HERE, "fixtures", "vec", "v3_sleep.vec"))
        deadline = time.monotonic() + 20
        while not fake_sims_of(out) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertTrue(fake_sims_of(out))
        p.send_signal(signal.SIGINT)
        time.sleep(0.01)
        p.send_signal(signal.SIGINT)
        stdout, stderr = p.communicate(timeout=30)
        self.assertEqual(p.returncode, 130, stdout + stderr)
        self.assertNotIn("Traceback", stderr)
        time.sleep(0.1)
        self.assertEqual(fake_sims_of(out), [])
        data = self.load(out)
        self.assertEqual(data["status"], "interrupted")
        self.assertEqual([j["outcome"] for j in data["jobs"]], ["interrupted"])

    def test_stress_five_trials(self):
        """tests/report/signal-stress in small (make signal-stress: 50+50)."""
        p = subprocess.run([sys.executable, os.path.join(HERE, "signal-stress"), "--trials",
                            "5"], capture_output=True, text=True, timeout=600)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn(", 0 lost reports", p.stdout)


if __name__ == "__main__":
    unittest.main()
