# SPDX-License-Identifier: GPL-2.0-only
"""CDF of handover latency and of interruption time, per profile.

Pools the handovers.csv rows of every run of a profile (e.g. the seeds of a random-walk
scenario such as scenarios/generated-hierarchical.json) and draws their empirical CDF, one
step line per profile in its colour. A handover whose latency (or interruption) is undefined
(never completed; no packet of an older flow arrived afterwards) is left out of that panel;
how many handovers each line has is printed on stdout.
"""

import dmm_plot
from fig_common import finite, fmt, legend_above, plt, read_runs, save

NAME = "cdf"
HELP = "CDF of handover latency and interruption time over many handovers, per profile"
PANELS = [("latency_ms", "Handover latency (ms)"), ("interruption_ms", "Interruption time (ms)")]


def add_arguments(parser):
    parser.add_argument("runs", nargs="+", metavar="RUN", help="result directory or LABEL=DIR")


def pooled(runs):
    """{profile: {column: sorted finite values}} in order of appearance."""
    out = {}
    for r in runs:
        mine = out.setdefault(r.label, {c: [] for c, _ in PANELS})
        for column, _ in PANELS:
            mine[column] += finite(h[column] for h in r.handovers())
    for columns in out.values():
        for values in columns.values():
            values.sort()
    return out


def median(values):
    n = len(values)
    if n == 0:
        return float("nan")
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def run(args):
    data = pooled(read_runs(args.runs))
    pyplot = plt()
    fig, axes = pyplot.subplots(1, len(PANELS), figsize=(7.0, 3.0), sharey=True)
    for ax, (column, xlabel) in zip(axes, PANELS):
        for profile, columns in data.items():
            values = columns[column]
            print("cdf: %s %s: %d handovers, median %s, max %s"
                  % (profile, column, len(values), fmt(median(values)),
                     fmt(values[-1] if values else float("nan"))))
            if not values:
                continue
            # Step up by 1/n at each value, from 0 before the first.
            ys = [(i + 1) / len(values) for i in range(len(values))]
            ax.step([values[0]] + values, [0.0] + ys, where="post",
                    color=dmm_plot.profile_colour(profile), label=profile)
        ax.set_xlabel(xlabel)
        ax.set_ylim(0, 1.02)
        ax.grid(True, axis="x", alpha=0.3)
    axes[0].set_ylabel("Fraction of handovers")
    legend_above(fig, axes[:1])
    return [save(fig, args.out, "handover-cdf", top=0.85)]
