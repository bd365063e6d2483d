#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The sweep figure of issue 12 (seed 004's price and gain against the distance): handover
latency, first-packet delay, path stretch and signalling per handover for `pmipv6`,
`migrating-ha`, `distributed-lma` and `fully-distributed` against the distance in hops
between the mobile node's home network and its current network.

Usage: dlma_distance.py [--runner build/dmm-run] [--out DIR] [--figures DIR]
                        [--seeds 1,2] [--jobs N]

scenarios/dlma-distance.json is a chain of six networks n1..n6 (an anchor and two access
routers each, anchors 5 ms apart) with the correspondent behind n6-anchor (its O-LMA);
mn1 first attaches in its home network, moves to n5-ar1 at 2 s (the change of network)
and to n5-ar2 at 5 s (a MAG change). For each distance d = 0..4 the home network is
n(5-d) (mobility.0.attach; the single-anchor pmipv6 takes the home network's anchor,
central_anchor), run by tools/dmm-compare --first-service into OUT/d-<d>; then the
script prints the table and draws dlma-distance.{png,pdf} into --figures (one line per
profile, the mean over the seeds: the links are deterministic, so one seed is the
default). 20 runs of a fraction of a second each.
"""

import argparse
import csv
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ["pmipv6", "migrating-ha", "distributed-lma", "fully-distributed"]
DISTANCES = range(0, 5)  # hops between the home network's anchor and n5-anchor
METRICS = [
    ("latency_mean_ms", "Handover latency (ms)"),
    ("first_packet_delay_mean_ms", "First-packet delay (ms)"),
    ("mean_path_stretch", "Path stretch"),
    ("signaling_messages_per_handover", "Signalling messages\nper handover"),
]


def run(args, d):
    home = 5 - d
    # at distance 0 the node starts on the other access router of n5
    attach = "n5-ar2" if d == 0 else "n%d-ar1" % home
    cmd = [sys.executable, str(ROOT / "tools" / "dmm-compare"),
           str(ROOT / "scenarios" / "dlma-distance.json"),
           "--profiles", ",".join(PROFILES), "--seeds", args.seeds,
           "--set", "mobility.0.attach=" + attach,
           "--set", "central_anchor=n%d-anchor" % home,
           "--first-service", "--no-plots", "--jobs", str(args.jobs),
           "--runner", args.runner, "--out", str(args.out / ("d-%d" % d))]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def table(out):
    """{profile: {distance: {metric: mean over the seeds}}}"""
    sums = {}
    for d in DISTANCES:
        with open(out / ("d-%d" % d) / "comparison.csv", newline="") as f:
            for row in csv.DictReader(f):
                cell = sums.setdefault(row["profile"], {}).setdefault(d, {})
                for m, _ in METRICS:
                    cell.setdefault(m, []).append(float(row[m]))
    return {p: {d: {m: sum(v) / len(v) for m, v in cell.items()} for d, cell in per.items()}
            for p, per in sums.items()}


def draw(means, figures):
    import matplotlib  # require_matplotlib() made sure it is there
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, len(METRICS), figsize=(4 * len(METRICS), 3.4))
    styles = [("-", "o"), ("--", "s"), (":", "^"), ("-.", "D")]
    for ax, (metric, label) in zip(axes, METRICS):
        for (profile, per), (line, marker) in zip(means.items(), styles):
            xs = sorted(per)
            ax.plot(xs, [per[x][metric] for x in xs], linestyle=line, marker=marker,
                    label=profile)
        ax.set_xlabel("home to current network (hops)")
        ax.set_ylabel(label)
        ax.set_xticks(list(DISTANCES))
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    figures.mkdir(parents=True, exist_ok=True)
    for ext in ("png", "pdf"):
        fig.savefig(figures / ("dlma-distance." + ext), dpi=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", default=str(ROOT / "build" / "dmm-run"))
    parser.add_argument("--out", type=Path, default=Path("results/dlma-distance"))
    parser.add_argument("--figures", type=Path, default=ROOT / "doc" / "figures")
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    from system_python import require_matplotlib  # this script's folder is on sys.path
    require_matplotlib(__file__)
    for d in DISTANCES:
        run(args, d)
    means = table(args.out)
    print("profile,distance_hops," + ",".join(m for m, _ in METRICS))
    for profile, per in means.items():
        for d in sorted(per):
            print("%s,%d,%s" % (profile, d, ",".join("%.3f" % per[d][m] for m, _ in METRICS)))
    draw(means, args.figures)


if __name__ == "__main__":
    main()
