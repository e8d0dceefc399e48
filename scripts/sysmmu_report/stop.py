# SPDX-License-Identifier: Apache-2.0
"""SIGINT/SIGTERM for the runner: the first signal interrupts (partial
report), the second stops at once; every child started is killed.

The first signal raises KeyboardInterrupt where the runner is, except inside
a `deferred()` block (starting a child and putting it in the table, filing a
finished job): there it is raised when the block ends, so no signal can
leave a child unregistered or a job half-filed. The second signal kills
every registered child from the handler and raises HardStop.
"""

import contextlib
import os
import signal
import subprocess

EXIT_CODE = {signal.SIGINT: 130, signal.SIGTERM: 143}


class HardStop(BaseException):
    """Second signal: stop now, write results.json only."""


class Stop:
    def __init__(self):
        self.count = 0
        self.signum = None
        self.depth = 0
        self.pending = None      # exception class held back by deferred()
        self.children = {}       # pid -> Popen, every child not yet reaped
        self.shield = False      # first signal only counted (report writing)

    # ---------------------------------------------------------- signals

    def install(self, hold=False):
        """hold: signals wait until release() (start-up: the job table does
        not exist yet, so there is nothing to report)."""
        if hold:
            self.hold()
        signal.signal(signal.SIGINT, self._handler)
        signal.signal(signal.SIGTERM, self._handler)

    def ignore(self):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def _handler(self, signum, frame):
        self.count += 1
        if self.signum is None:
            self.signum = signum
        exc = KeyboardInterrupt
        if self.count >= 2:
            self.kill_children(reap=False)
            exc = HardStop
        if exc is KeyboardInterrupt and self.shield:
            return
        if self.depth:
            if self.pending is not HardStop:
                self.pending = exc
            return
        raise exc

    @contextlib.contextmanager
    def deferred(self):
        self.hold()
        try:
            yield
        except BaseException:
            # Another exception is on its way out: let it go; a held signal
            # stays counted (`requested`) for the caller to see.
            self.depth -= 1
            if self.depth == 0:
                self.pending = None
            raise
        self.release()

    def hold(self):
        self.depth += 1

    def release(self):
        """Ends a hold; raises the signal that arrived meanwhile."""
        if self.depth <= 0:
            return
        self.depth -= 1
        if self.depth:
            return
        exc, self.pending = self.pending, None
        if exc is HardStop:
            self.kill_children(reap=False)
        if exc is not None:
            raise exc

    @property
    def requested(self):
        return self.count > 0

    def exit_code(self):
        return EXIT_CODE.get(self.signum, 130)

    def name(self):
        return "terminated (SIGTERM)" if self.signum == signal.SIGTERM else "interrupted"

    # ---------------------------------------------------------- children

    def add(self, proc):
        self.children[proc.pid] = proc

    def forget(self, proc):
        self.children.pop(proc.pid, None)

    def kill_children(self, reap=True):
        """SIGKILL to the process group of every child (each runs in its own
        session). The handler does not reap (the interrupted code may hold
        the Popen's wait lock); the code that catches HardStop does."""
        for proc in list(self.children.values()):
            kill(proc)
        if not reap:
            return
        for proc in list(self.children.values()):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self.children.pop(proc.pid, None)

    def spawn(self, cmd, **kw):
        """Popen in its own session, in the table before any signal can
        interrupt (so the second signal can kill it)."""
        with self.deferred():
            proc = subprocess.Popen(cmd, start_new_session=True, **kw)
            self.add(proc)
        return proc

    def run(self, cmd, timeout=None, capture=False, **kw):
        """subprocess.run for the runner: (returncode or None on timeout,
        stdout, stderr); the child is killed on timeout or any exception."""
        if capture:
            kw.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        kw.setdefault("stdin", subprocess.DEVNULL)
        proc = self.spawn(cmd, **kw)
        try:
            out, err = proc.communicate(timeout=timeout)
            return proc.returncode, out, err
        except subprocess.TimeoutExpired:
            kill(proc)
            proc.communicate()
            return None, "", ""
        except BaseException:
            kill(proc)
            raise
        finally:
            if proc.returncode is None:
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
            self.forget(proc)


def kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# The runner's one instance; scripts/regress installs it first thing.
STOP = Stop()
