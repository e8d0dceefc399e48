# SPDX-License-Identifier: Apache-2.0
"""The local launcher: jobs as child processes of the runner, --jobs at a
time (runner.JobTable does the work)."""

NAME = "local"


def add_arguments(parser):
    """The local launcher's only option is the runner's --jobs."""


def check_args(a, error, chosen):
    """Nothing beyond --jobs, which the runner checks."""


class Launcher:
    def __init__(self, a):
        self.a = a

    def run(self, table, parallel, timeout, progress=None):
        table.run(parallel, timeout, progress)

    def stop(self, table, why):
        table.stop_running(why)

    def meta(self):
        return {"name": NAME}
