#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark dmm-run: wall time, events/s and peak memory against the number of mobile nodes.

Generates a hierarchical PMIPv6 scenario (1 LMA, R aggregation routers, 3 MAGs each) with N
mobile nodes, each with a 50 pkt/s downlink UDP flow and a handover every few seconds, runs
build/dmm-run on it and prints one line per size. Numbers only; no pass/fail.

usage: tools/benchmark.py [--sizes 10,50,200] [--duration 20] [--profile pmipv6] [--dmm-run PATH]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def scenario(n_mn, duration, profile, routers=4, mags_per_router=3):
    nodes = [{"name": "cn", "role": "cn"}, {"name": "core", "role": "router"},
             {"name": "lma", "role": "anchor"}]
    links = [{"a": "cn", "b": "core", "delay_ms": 5.0, "rate_mbps": 10000.0},
             {"a": "core", "b": "lma", "delay_ms": 5.0, "rate_mbps": 10000.0}]
    mags = []
    for r in range(routers):
        nodes.append({"name": f"r{r}", "role": "aggregation"})  # MAPs under hmipv6
        links.append({"a": "lma", "b": f"r{r}", "delay_ms": 2.0, "rate_mbps": 10000.0})
        for m in range(mags_per_router):
            name = f"mag{r}_{m}"
            mags.append(name)
            nodes.append({"name": name, "role": "access"})
            links.append({"a": f"r{r}", "b": name, "delay_ms": 1.0, "rate_mbps": 10000.0})
    mobility, flows = [], []
    for i in range(n_mn):
        mn = f"mn{i}"
        nodes.append({"name": mn, "role": "mn"})
        t, k = 0.5 + 0.001 * i, i
        while t < duration - 1:
            mobility.append({"mn": mn, "at_s": round(t, 6), "attach": mags[k % len(mags)]})
            t += 4.0
            k += 1
        flows.append({"name": f"down{i}", "type": "udp", "from": "cn", "to": mn,
                      "start_s": 1.0, "stop_s": duration - 0.5, "interval_ms": 20.0,
                      "size_bytes": 200})
    return {"name": f"bench-{n_mn}", "profile": profile, "duration_s": duration,
            "l2": {"type": "switch", "switch_time_ms": 50.0},
            "access": {"delay_ms": 1.0, "rate_mbps": 100.0},
            "nodes": nodes, "links": links, "mobility": mobility, "flows": flows}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,50,200")
    ap.add_argument("--duration", type=float, default=20.0)
    ap.add_argument("--profile", default="pmipv6")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--dmm-run", default=os.path.join(here, "..", "build", "dmm-run"))
    args = ap.parse_args()
    if not os.access(args.dmm_run, os.X_OK):
        sys.exit(f"benchmark: {args.dmm_run} is not an executable (build first)")
    print(f"{'MNs':>6} {'handovers':>9} {'events':>10} {'wall_s':>8} {'events/s':>10} "
          f"{'sim/wall':>8} {'peak_MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            path = os.path.join(tmp, f"bench-{n}.json")
            with open(path, "w") as f:
                json.dump(scenario(n, args.duration, args.profile), f)
            out = os.path.join(tmp, f"out-{n}")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.monotonic()
            proc = subprocess.run([args.dmm_run, path, "--out", out, "--quiet"],
                                  capture_output=True, text=True)
            wall = time.monotonic() - start
            if proc.returncode != 0:
                sys.exit(f"benchmark: dmm-run failed for {n} MNs:\n{proc.stderr}")
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            with open(os.path.join(out, "summary.json")) as f:
                s = json.load(f)
            # ru_maxrss is the largest child so far: sizes run in increasing order.
            peak_mb = max(peak, before) / 1024
            print(f"{n:>6} {s['handovers']['count']:>9} {s['events']:>10} {wall:>8.2f} "
                  f"{s['events'] / wall:>10.3g} {args.duration / wall:>8.2f} {peak_mb:>8.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
