#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Seed 004 §6.3 reproduced: location-update signalling of distributed LMAs against
migrating home agents on generated topologies.

Usage: dlma_scaling.py [--runner build/dmm-run] [--out DIR] [--figures DIR]
                       [--seeds 1,2,3] [--duration S] [--quick]

Runs `distributed-lma` and `migrating-ha` on `migrating-ha` topologies from the topology
generator (one access router per network, every move to another network), over the
number of mobile nodes n at fixed m and over the number of LMAs m at fixed n. Counts the
location-update messages between anchors per simulated second from signaling.csv (the
distributed-LMA messages, type Dlma*, and the migrating home agents' LmSync; the PBU/PBA
both profiles share are left out), fits y = c x^k by least squares on log-log axes,
prints the exponents and writes dlma-scaling.{png,pdf} into --figures.

The draft's claim: ∝ n under distributed LMAs (the master location at the H-LMA only),
∝ n x m under migrating home agents (every change replicated to every anchor): exponent
about 1 in n for both, about 1 in m - 1 (the other anchors a change is sent to) for
migrating home agents, and for distributed LMAs a rate that stops growing with m (a move
costs at most a check, its reply and two informs; fewer when it returns to the H-LMA,
which happens less often as m grows: the local slope at the largest m is printed too).

Then §6.1/§6.2, the price: scenarios/distributed-lma-figs7-8.json with the H-LMA's two
links (n1-anchor to n2-anchor and to n3-anchor) at d ms, the O-LMA to D-LMA link fixed;
the down flow's first-packet delay and triangle-routed packets (flows.csv) against d,
under both profiles; writes dlma-first-packets.{png,pdf}.
"""

import argparse
import csv
import json
import math
import subprocess
from pathlib import Path

PROFILES = ["distributed-lma", "migrating-ha"]


def scenario(profile, n, m, seed, duration):
    return {
        "name": "dlma-scaling-n%d-m%d" % (n, m),
        "profile": profile,
        "seed": seed,
        "duration_s": duration,
        "l2": {"type": "switch", "switch_time_ms": 50},
        "access": {"delay_ms": 1, "rate_mbps": 100},
        "topology": {"type": "migrating-ha", "networks": m, "ars_per_network": 1,
                     "mns": n, "cns": 0},
        "movement": {"type": "random-walk", "residence_s": 2, "start_s": 0.5,
                     "cross_probability": 1.0},
    }


def rate(runner, out, profile, n, m, seeds, duration):
    """Location-update messages between anchors per second, averaged over the seeds."""
    total = 0.0
    for seed in seeds:
        run = out / ("%s-n%d-m%d-s%d" % (profile, n, m, seed))
        run.mkdir(parents=True, exist_ok=True)
        spec = run / "scenario.json"
        spec.write_text(json.dumps(scenario(profile, n, m, seed, duration)))
        subprocess.run([runner, str(spec), "--out", str(run), "--quiet"], check=True,
                       stdout=subprocess.DEVNULL)
        with open(run / "signaling.csv") as f:
            total += sum(1 for row in csv.DictReader(f)
                         if row["type"].startswith("Dlma") or row["type"] == "LmSync")
    return total / len(seeds) / duration


def exponent(xs, ys):
    """Least-squares slope of log y against log x."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return (sum((a - mx) * (b - my) for a, b in zip(lx, ly))
            / sum((a - mx) ** 2 for a in lx))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runner", default="build/dmm-run")
    parser.add_argument("--out", default="results/dlma-scaling")
    parser.add_argument("--figures", default="doc/figures")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--quick", action="store_true", help="fewer, smaller points")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    ns = [2, 4, 8] if args.quick else [2, 4, 8, 16, 32]
    ms = [3, 4, 6] if args.quick else [3, 4, 6, 8, 12, 16, 24]
    fixed_m, fixed_n = 4, 8
    out = Path(args.out)
    results = {}
    for profile in PROFILES:
        by_n = [rate(args.runner, out, profile, n, fixed_m, seeds, args.duration) for n in ns]
        by_m = [rate(args.runner, out, profile, fixed_n, m, seeds, args.duration) for m in ms]
        results[profile] = (by_n, by_m)
        print("%-16s exponent in n (m %d): %.2f; in m (n %d): %.2f; in m - 1: %.2f "
              "(from m %d to %d: %.2f)"
              % (profile, fixed_m, exponent(ns, by_n), fixed_n, exponent(ms, by_m),
                 exponent([m - 1 for m in ms], by_m), ms[-2], ms[-1],
                 exponent([m - 1 for m in ms[-2:]], by_m[-2:])))
    plot(results, ns, ms, fixed_m, fixed_n, Path(args.figures))
    distances = [5, 10, 20, 40] if args.quick else [5, 10, 20, 40, 80]
    first = {p: [first_packets(args.runner, out, p, d) for d in distances] for p in PROFILES}
    for profile, rows in first.items():
        print("%-16s first-packet delay ms / triangle-routed packets by d: %s" % (
            profile, ", ".join("%g: %.1f / %d" % (d, a, b) for d, (a, b) in zip(distances, rows))))
    plot_first(first, distances, Path(args.figures))


def first_packets(runner, out, profile, d):
    """First-packet delay (ms) and triangle-routed packets of the down flow of Figs 7-8."""
    run = out / ("first-%s-d%g" % (profile, d))
    spec = Path(__file__).resolve().parent.parent / "scenarios" / "distributed-lma-figs7-8.json"
    subprocess.run([runner, str(spec), "--profile", profile, "--out", str(run), "--quiet",
                    "--set", "links.6.delay_ms=%g" % d, "--set", "links.8.delay_ms=%g" % d],
                   check=True, stdout=subprocess.DEVNULL)
    with open(run / "flows.csv") as f:
        down = next(row for row in csv.DictReader(f) if row["flow"] == "down")
    return float(down["first_packet_delay_ms"]), int(down["detoured_packets"])


def plot(results, ns, ms, fixed_m, fixed_n, figures):
    import matplotlib  # require_matplotlib() made sure it is there
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    for profile, (by_n, by_m) in results.items():
        left.loglog(ns, by_n, "o-", label="%s (k = %.2f)" % (profile, exponent(ns, by_n)))
        right.plot(ms, by_m, "o-", label="%s (k = %.2f in m - 1)"
                   % (profile, exponent([m - 1 for m in ms], by_m)))
    left.set_xlabel("mobile nodes n (m = %d LMAs)" % fixed_m)
    right.set_xlabel("LMAs m (n = %d mobile nodes)" % fixed_n)
    for ax in (left, right):
        ax.set_ylabel("location updates / s")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("Seed 004 §6.3: location-update signalling, distributed LMAs vs migrating HAs",
                 fontsize=9)
    fig.tight_layout()
    figures.mkdir(parents=True, exist_ok=True)
    for ext in ("png", "pdf"):
        fig.savefig(figures / ("dlma-scaling." + ext), dpi=120)


def plot_first(first, distances, figures):
    import matplotlib.pyplot as plt
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    for profile, rows in first.items():
        left.plot(distances, [a for a, _ in rows], "o-", label=profile)
        right.plot(distances, [b for _, b in rows], "o-", label=profile)
    left.set_ylabel("first-packet delay (ms)")
    right.set_ylabel("triangle-routed packets")
    for ax in (left, right):
        ax.set_xlabel("delay of the H-LMA's links d (ms); O-LMA to D-LMA 10 ms")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("Seed 004 §6.1-6.2: first packets through the H-LMA (Figs 7-8 scenario, "
                 "7 ms packet interval)", fontsize=9)
    fig.tight_layout()
    for ext in ("png", "pdf"):
        fig.savefig(figures / ("dlma-first-packets." + ext), dpi=120)


if __name__ == "__main__":
    from system_python import require_matplotlib  # this script's folder is on sys.path
    require_matplotlib(__file__)  # before hours of runs, not after
    main()
