#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The scaling figure of tools/benchmark.py's size table: cost per handover against the
number of mobile nodes.

Usage: benchmark_plot.py TABLE.csv [TABLE.csv ...] [--out DIR] [--name NAME]

Reads the CSV that `tools/benchmark.py --per-handover --csv FILE` writes (columns profile,
MNs, ev/ho, cpu_ms/ho, peak_MiB; others are ignored) and draws three panels over the
number of mobile nodes (log scale), a line per profile: events per handover and CPU per
handover, each with the issue's ±20 % band around the profile's smallest size, and peak
memory. Writes DIR/NAME.pdf and DIR/NAME.png (default: results/plots/benchmark-scaling).
A file that is missing, has no such column or a value that is not a number gives exit
status 2 and a message naming the file and the row.
"""

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dmm_plot  # noqa: E402
import fig_common  # noqa: E402
from dmm_plot import InputError, read_csv  # noqa: E402

NEEDED = ["profile", "MNs", "ev/ho", "cpu_ms/ho", "peak_MiB"]
PANELS = [("ev/ho", "Events per handover", True), ("cpu_ms/ho", "CPU per handover (ms)", True),
          ("peak_MiB", "Peak memory (MiB)", False)]


def read_table(path):
    """{profile: [{column: value}]}, sizes in file order."""
    rows = read_csv(path, NEEDED, NEEDED[1:])
    if not rows:
        raise InputError("%s: no rows" % path)
    table = {}
    for i, row in enumerate(rows, start=2):
        if not row["MNs"] > 0:
            raise InputError("%s:%d: MNs must be a positive number (got %r)"
                             % (path, i, row["MNs"]))
        table.setdefault(row["profile"], []).append(row)
    return table


def plot(table, out, name):
    fig, axes = fig_common.plt().subplots(1, len(PANELS), figsize=(11, 3.4))
    for ax, (column, label, band) in zip(axes, PANELS):
        for profile, points in table.items():
            points = sorted(points, key=lambda v: v["MNs"])
            xs = [v["MNs"] for v in points]
            ys = [v[column] for v in points]
            colour = dmm_plot.profile_colour(profile)
            ax.plot(xs, ys, marker="o", color=colour, label=profile)
            if band and not math.isnan(ys[0]):
                # The goal: constant within ±20 % from the smallest crowd up.
                ax.fill_between([xs[0], xs[-1]], ys[0] * 0.8, ys[0] * 1.2, color=colour,
                                alpha=0.12, linewidth=0)
        ax.set_xscale("log")
        ax.set_xlabel("Mobile nodes")
        ax.set_ylabel(label)
        ax.set_ylim(bottom=0)
    fig_common.legend_above(fig, axes)
    fig_common.save(fig, out, name, top=0.88)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tables", nargs="+", help="CSV files of tools/benchmark.py --csv")
    ap.add_argument("--out", default="results/plots")
    ap.add_argument("--name", default="benchmark-scaling")
    args = ap.parse_args()
    try:
        table = {}
        for path in args.tables:
            for profile, points in read_table(path).items():
                table.setdefault(profile, []).extend(points)
        plot(table, args.out, args.name)
    except InputError as e:
        print("benchmark_plot: %s" % e, file=sys.stderr)
        sys.exit(2)
    print("benchmark_plot: wrote %s/%s.pdf and .png" % (args.out, args.name))


if __name__ == "__main__":
    main()
