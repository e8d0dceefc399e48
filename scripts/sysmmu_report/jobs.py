# SPDX-License-Identifier: Apache-2.0
"""Job list: directed vectors and generated seeds, sharding, seed base."""

import datetime
import os
import re

DEFAULT_PROFILES = ["driver", "tlb", "faults", "stress", "bypass"]
DEFAULT_VARIANTS = [3, 5]


class JobError(Exception):
    """Bad input for the job list (names the file and line where it can)."""


def seed_base_from_date(day=None):
    """A seed base that changes daily but is the same all day (shards agree)."""
    day = day or datetime.datetime.now(datetime.timezone.utc).date()
    return int(day.strftime("%Y%m%d")) * 100000


def vector_variant(path):
    """The variant from a vector's header ('variant 3|5'), or JobError."""
    try:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                words = line.split("#", 1)[0].split()
                if not words:
                    continue
                if words[0] == "variant":
                    if len(words) != 2 or words[1] not in ("3", "5"):
                        raise JobError("%s:%d: bad variant line" % (path, lineno))
                    return int(words[1])
                if lineno > 50:
                    break
    except OSError as e:
        raise JobError("%s: %s" % (path, e.strerror)) from e
    raise JobError("%s:1: no 'variant' header line" % path)


def safe_id(text):
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", text).strip("_")


def vec_job(path):
    variant = vector_variant(path)
    name = os.path.splitext(os.path.basename(path))[0]
    return {
        "id": "dir-" + safe_id(name),
        "name": name,
        "kind": "vec",
        "group": "directed",
        "variant": variant,
        "profile": None,
        "seed": None,
        "ops": None,
        "vector": path,
        "timing_seed": 1,
    }


def gen_job(variant, profile, seed, ops, timing_seed):
    return {
        "id": "v%d-%s-%d" % (variant, safe_id(profile), seed),
        "name": "v%d %s seed=%d" % (variant, profile, seed),
        "kind": "gen",
        "group": profile,
        "variant": variant,
        "profile": profile,
        "seed": seed,
        "ops": ops,
        "vector": None,
        "timing_seed": timing_seed,
    }


def build_jobs(vectors, profiles, variants, seeds, seed_base, ops):
    """Directed vectors of the selected variants, then `seeds` generated jobs
    spread round robin over profiles x variants (job i: seed seed_base + i).
    The order is a pure function of the arguments."""
    jobs = []
    for path in sorted(vectors):
        job = vec_job(path)
        if job["variant"] in variants:
            jobs.append(job)
    combos = [(v, p) for v in variants for p in profiles]
    for i in range(seeds if combos else 0):
        variant, profile = combos[i % len(combos)]
        seed = seed_base + i
        # Timing randomness differs per seed but is reproducible from it.
        jobs.append(gen_job(variant, profile, seed, ops, seed % 1000003 + 1))
    seen = set()
    for job in jobs:
        if job["id"] in seen:
            raise JobError("duplicate job id %s" % job["id"])
        seen.add(job["id"])
    return jobs


def parse_shard(text):
    """'K/N' with 1 <= K <= N, or ValueError."""
    m = re.fullmatch(r"(\d+)/(\d+)", text or "")
    if not m:
        raise ValueError("--shard wants K/N, e.g. 1/4, got %r" % text)
    k, n = int(m.group(1)), int(m.group(2))
    if not 1 <= k <= n:
        raise ValueError("--shard %s: need 1 <= K <= N" % text)
    return k, n


def shard(jobs, k, n):
    """Deterministic 1/N of the list: every N-th job starting at K-1."""
    return [j for i, j in enumerate(jobs) if i % n == k - 1]


def sim_args(job):
    """Arguments that select what the simulator runs (no output options)."""
    args = []
    if job["kind"] == "vec":
        args.append(job["vector"])
    else:
        args += ["--seed", str(job["seed"]), "--profile", job["profile"],
                 "--ops", str(job["ops"]), "--variant", str(job["variant"])]
    if job.get("tlb_entries"):
        args += ["--tlb-entries", str(job["tlb_entries"])]
    if job.get("flpd_entries"):
        args += ["--flpd-entries", str(job["flpd_entries"])]
    args += ["--timing-seed", str(job["timing_seed"])]
    return args
