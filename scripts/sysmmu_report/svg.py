# SPDX-License-Identifier: Apache-2.0
"""Small inline-SVG horizontal bar charts (no dependencies)."""

import math
from html import escape

ROW = 18
LABEL_W = 230
PLOT_W = 380
VALUE_W = 90


def fmt(value, unit):
    if isinstance(value, float) and not value.is_integer():
        return "%.2f%s" % (value, unit)
    return "%d%s" % (value, unit)


def hbar(title, labels, series, stacked=True, unit="", max_value=None, log=False):
    """One row per label; series = [(name, values, color)], stacked or side
    by side. max_value fixes the scale (e.g. 100 for percentages); log
    scales bar lengths by log10(1 + value) (histograms whose counts span
    decades; one series)."""
    rows_per_label = 1 if stacked or len(series) == 1 else len(series)
    if stacked:
        top = max([sum(s[1][i] for s in series) for i in range(len(labels))] or [0])
    else:
        top = max([v for s in series for v in s[1]] or [0])
    top = max_value or top or 1
    legend_h = ROW if len(series) > 1 else 0
    height = 24 + legend_h + len(labels) * rows_per_label * ROW + 6
    width = LABEL_W + PLOT_W + VALUE_W
    out = ['<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%d" height="%d" '
           'role="img" aria-label="%s">' % (width, height, escape(title)),
           '<text x="4" y="16" font-weight="bold">%s</text>' % escape(title)]
    x = LABEL_W
    for name, _, color in (series if len(series) > 1 else []):
        out.append('<rect x="%d" y="26" width="10" height="10" fill="%s"/>' % (x, color))
        out.append('<text x="%d" y="35">%s</text>' % (x + 14, escape(name)))
        x += 20 + 8 * len(name)
    y = 24 + legend_h
    for i, label in enumerate(labels):
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>'
                   % (LABEL_W - 6, y + 13, escape(str(label))))
        x = LABEL_W
        total = 0
        for k, (name, values, color) in enumerate(series):
            v = values[i]
            w = PLOT_W * (math.log10(1 + v) / math.log10(1 + top) if log else v / top)
            ry = y if stacked else y + k * ROW
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s">'
                       '<title>%s: %s</title></rect>'
                       % (x, ry + 2, w, ROW - 4, color, escape(name), fmt(v, unit)))
            if stacked:
                x += w
                total += v
            else:
                out.append('<text x="%.1f" y="%d">%s</text>'
                           % (x + w + 4, ry + 13, fmt(v, unit)))
        if stacked:
            text = " / ".join(fmt(values[i], unit) for _, values, _ in series)
            out.append('<text x="%.1f" y="%d">%s</text>' % (x + 4, y + 13, escape(text)))
        y += rows_per_label * ROW
    out.append("</svg>")
    return "\n".join(out)


def trend(title, labels, values, unit="", max_value=None, color="#1565c0"):
    """A line plot of one metric over runs (labels: run ids, oldest first;
    None values are gaps). max_value fixes the scale (100 for percent)."""
    width, height, left, bottom, top_pad = 640, 170, 60, 30, 24
    plot_w, plot_h = width - left - 20, height - bottom - top_pad
    known = [v for v in values if v is not None]
    hi = max_value or (max(known) if known else 1) or 1
    lo = 0.0
    out = ['<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%d" height="%d" '
           'role="img" aria-label="%s">' % (width, height, escape(title)),
           '<text x="4" y="16" font-weight="bold">%s</text>' % escape(title),
           '<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#ccc"/>'
           % (left, top_pad, plot_w, plot_h)]
    for frac in (0.0, 0.5, 1.0):
        y = top_pad + plot_h * (1 - frac)
        out.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>'
                   % (left - 4, y + 4, escape(fmt(lo + (hi - lo) * frac, unit))))
    n = len(values)

    def xy(i, v):
        x = left + (plot_w * (i + 0.5) / n if n else 0)
        return x, top_pad + plot_h * (1 - (v - lo) / ((hi - lo) or 1))

    pts = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(pts) > 1:
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                   % (color, " ".join("%.1f,%.1f" % xy(i, v) for i, v in pts)))
    for i, v in pts:
        x, y = xy(i, v)
        out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s: %s</title>'
                   '</circle>' % (x, y, color, escape(str(labels[i])), escape(fmt(v, unit))))
    if labels:
        for i in sorted({0, n - 1}):
            x, _ = xy(i, lo)
            out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                       % (x, height - 8, escape(str(labels[i]))))
    if not pts:
        out.append('<text x="%d" y="%d">no data</text>' % (left + 10, top_pad + plot_h // 2))
    out.append("</svg>")
    return "\n".join(out)
