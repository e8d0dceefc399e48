# SPDX-License-Identifier: Apache-2.0
"""Launchers: where the jobs of a JobTable run (docs/slurm.md).

A launcher is one module with NAME, add_arguments(parser), check_args(a,
error) and Launcher(a); a Launcher has
  run(table, parallel, timeout, progress)  runs every pending job of the
      table and files each one's outcome in it; on KeyboardInterrupt,
      HardStop or ReportDirError it stops what it started, files those jobs
      as interrupted and lets the exception go on;
  stop(table, why)  after a second signal: stop everything at once;
  meta()  what the report records about it.
The job list, report, buckets, triage and coverage are the runner's,
whichever launcher ran the jobs. An LSF or SGE launcher is one more module
in MODULES.
"""

import os

from . import launch_local, launch_slurm

MODULES = {m.NAME: m for m in (launch_local, launch_slurm)}
ENV = "REGRESS_LAUNCHER"


def add_arguments(parser):
    parser.add_argument("--launcher", default=os.environ.get(ENV) or "local",
                        help="where jobs run: %s (default $%s or local)"
                        % (", ".join(sorted(MODULES)), ENV))
    for mod in MODULES.values():
        mod.add_arguments(parser)


def check_args(a, error):
    """Checks the launcher options; error(msg) does not return."""
    if a.launcher not in MODULES:
        error("--launcher (or $%s): %r is not one of %s"
              % (ENV, a.launcher, ", ".join(sorted(MODULES))))
    for mod in MODULES.values():
        mod.check_args(a, error, mod.NAME == a.launcher)


def make(a):
    return MODULES[a.launcher].Launcher(a)
