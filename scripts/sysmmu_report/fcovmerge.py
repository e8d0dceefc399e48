# SPDX-License-Identifier: Apache-2.0
"""Merging functional coverage (fcov JSON) of many runs; holes."""


def add_groups(dst, groups):
    """dst[group][bin] += count, keeping the first-seen (fcov's) order."""
    for gname, bins in groups.items():
        if not isinstance(bins, dict):
            continue
        d = dst.setdefault(gname, {})
        for bname, count in bins.items():
            if isinstance(count, (int, float)) and not isinstance(count, bool):
                d[bname] = d.get(bname, 0) + int(count)


def merge_jobs(jobs):
    """{'3': groups, '5': groups} summed over the passing jobs that carry
    coverage (a failing job's bins may record behaviour that was wrong),
    variants in sorted order, jobs in list order (deterministic)."""
    per = {}
    for variant in sorted({j["variant"] for j in jobs}):
        acc = {}
        for job in jobs:
            if job.get("outcome") != "pass":
                continue
            if job["variant"] == variant and job.get("coverage"):
                add_groups(acc, job["coverage"])
        if acc:
            per[str(variant)] = acc
    return per


def merge_per_variant(a, b):
    """Sum of two {variant: groups} maps (shard merging)."""
    out = {}
    for src in (a, b):
        for variant, groups in sorted(src.items()):
            add_groups(out.setdefault(variant, {}), groups)
    return dict(sorted(out.items()))


def summarize(per_variant):
    """Rows per (variant, group): bins, hit, percent; and the holes."""
    rows, holes = [], []
    total_bins = total_hit = 0
    for variant, groups in sorted(per_variant.items()):
        for gname, bins in groups.items():
            hit = sum(1 for c in bins.values() if c > 0)
            rows.append({"variant": int(variant), "group": gname, "bins": len(bins),
                         "hit": hit, "percent": pct(hit, len(bins))})
            total_bins += len(bins)
            total_hit += hit
            holes += ["v%s/%s/%s" % (variant, gname, b) for b, c in bins.items() if c == 0]
    return {"rows": rows, "holes": holes, "bins": total_bins, "hit": total_hit,
            "percent": pct(total_hit, total_bins)}


def by_group(per_variant):
    """Percent of bins hit per group over all variants (for the plot)."""
    acc = {}
    for groups in per_variant.values():
        for gname, bins in groups.items():
            b, h = acc.get(gname, (0, 0))
            acc[gname] = (b + len(bins), h + sum(1 for c in bins.values() if c > 0))
    return [(g, pct(h, b)) for g, (b, h) in acc.items()]


def pct(num, den):
    return round(100.0 * num / den, 2) if den else 0.0
