# SPDX-License-Identifier: Apache-2.0
"""Regression runner and report generator for sysmmu-verif (docs/coverage.md).

Modules: jobs (job list, sharding), runner (parallel execution), results
(classification, buckets), minimize (delta debugging), fcovmerge
(functional coverage), codecov (Verilator coverage), report (HTML, JUnit,
JSON, Markdown), svg (inline plots).
"""
