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


HEADER_KEYS = ("variant", "tlb_entries", "flpd_entries")


def header_number(text):
    """A header value as docs/vectors.md spells numbers: decimal or 0x hex,
    no sign, no blanks; None when it is not one."""
    if re.fullmatch(r"0[xX][0-9a-fA-F]+", text):
        return int(text, 16)
    if re.fullmatch(r"[0-9]+", text):
        return int(text, 10)
    return None


def vector_header(path):
    """{'variant', 'tlb_entries', 'flpd_entries'} from a vector's header
    lines (docs/vectors.md), or JobError naming file and line."""
    found = {}
    try:
        with open(path, "rb") as f:
            for lineno, raw in enumerate(f, 1):
                # Comments may hold any bytes (as in the C parser); the
                # words before them must be text.
                body = raw.split(b"#", 1)[0]
                try:
                    words = body.decode("utf-8").split()
                except UnicodeDecodeError as e:
                    raise JobError("%s:%d: not a text line (byte 0x%02x at column %d)"
                                   % (path, lineno, body[e.start], e.start + 1)) from None
                if not words or words[0] not in HEADER_KEYS:
                    if words and words[0] != "sysmmu-vec" and words[0] != "id_width":
                        break   # first op: the header is over
                    continue
                value = header_number(words[1]) if len(words) == 2 else None
                if value is None:
                    raise JobError("%s:%d: bad %s line" % (path, lineno, words[0]))
                found[words[0]] = value
                if words[0] == "variant" and found["variant"] not in (3, 5):
                    raise JobError("%s:%d: bad variant line" % (path, lineno))
    except OSError as e:
        raise JobError("%s: %s" % (path, e.strerror or e)) from e
    if "variant" not in found:
        raise JobError("%s:1: no 'variant' header line" % path)
    return found


def vector_variant(path):
    return vector_header(path)["variant"]


def safe_id(text):
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", text).strip("_")


def vec_job(path):
    header = vector_header(path)
    variant = header["variant"]
    name = os.path.splitext(os.path.basename(path))[0]
    return {
        "tlb_entries_hdr": header.get("tlb_entries"),
        "flpd_entries_hdr": header.get("flpd_entries"),
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
        "x_init_seed": 0,
        "stable": "directed." + safe_id(name),
    }


def parse_configs(text):
    """'3,5,5/4/8' -> [(3, None, None), (5, None, None), (5, 4, 8)], or
    ValueError. A bare variant uses the simulator's default TLB/FLPD size."""
    out = []
    for item in (text or "").split(","):
        parts = item.strip().split("/")
        try:
            nums = [int(x) for x in parts]
        except ValueError:
            nums = []
        if len(nums) not in (1, 3) or nums[0] not in (3, 5):
            raise ValueError("bad configuration %r: want V or V/TLB/FLPD, V = 3|5" % item)
        out.append((nums[0], nums[1], nums[2]) if len(nums) == 3 else (nums[0], None, None))
    if not out:
        raise ValueError("no configuration given")
    return out


def config_tag(cfg):
    variant, tlb, flpd = cfg
    return "v%d" % variant if tlb is None else "v%dt%df%d" % (variant, tlb, flpd)


def x_init_seed(seed):
    """The X-initialisation seed of a generated job: its own, from its seed,
    inside Verilator's +verilator+seed+ range 1..2^31-1 (MINSTD step)."""
    return seed * 48271 % 2147483647 + 1


def gen_job(cfg, profile, seed, ops, timing_seed, index=0):
    """index: the job's place among those of its configuration and profile,
    which names it the same way every night (v5t32f8.tlb.017) while the
    seed moves with the date."""
    tag = config_tag(cfg)
    return {
        "id": "%s-%s-%d" % (tag, safe_id(profile), seed),
        "name": "%s %s seed=%d" % (tag, profile, seed),
        "kind": "gen",
        "group": profile,
        "variant": cfg[0],
        "tlb_entries": cfg[1],
        "flpd_entries": cfg[2],
        "profile": profile,
        "seed": seed,
        "ops": ops,
        "vector": None,
        "timing_seed": timing_seed,
        "x_init_seed": x_init_seed(seed),
        "stable": "%s.%s.%03d" % (tag, safe_id(profile), index),
    }


def zero_x_init(jobs):
    """Coverage runs start the RTL from zero: under --x-initial unique with a
    random X-init seed every flop toggles once at reset, which would count
    constant-by-design bits as covered (docs/coverage.md). Returns jobs."""
    for job in jobs:
        job["x_init_seed"] = 0
    return jobs


def vector_runs_on(job, configs):
    """A directed vector runs when its variant is selected and, if the
    configurations name sizes, its header's TLB/FLPD size is among them
    (the simulator has no other verilated configuration)."""
    for variant, tlb, flpd in configs:
        if variant != job["variant"]:
            continue
        if tlb is None or (tlb, flpd) == (job["tlb_entries_hdr"], job["flpd_entries_hdr"]):
            return True
    return False


def build_jobs(vectors, profiles, configs, seeds, seed_base, ops):
    """Directed vectors of the selected variants, then `seeds` generated jobs
    spread round robin over configs x profiles (job i: seed seed_base + i).
    configs: (variant, tlb, flpd) tuples or plain variants. The order is a
    pure function of the arguments."""
    configs = [c if isinstance(c, tuple) else (c, None, None) for c in configs]
    jobs = []
    for path in sorted(vectors):
        job = vec_job(path)
        if vector_runs_on(job, configs):
            jobs.append(job)
    combos = [(c, p) for c in configs for p in profiles]
    for i in range(seeds if combos else 0):
        cfg, profile = combos[i % len(combos)]
        seed = seed_base + i
        # Timing randomness differs per seed but is reproducible from it.
        jobs.append(gen_job(cfg, profile, seed, ops, seed % 1000003 + 1, i // len(combos)))
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
    if job.get("x_init_seed"):
        args += ["--x-init-seed", str(job["x_init_seed"])]
    return args
