#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Benchmark dmm-run: wall time, events/s and peak memory against the number of mobile nodes.

Generates a hierarchical PMIPv6 scenario (1 LMA, R aggregation routers, 3 MAGs each) with N
mobile nodes, each with a 50 pkt/s downlink UDP flow and a handover every few seconds, runs
build/dmm-run on it and prints one line per size (per profile with --profiles a,b; as Markdown
rows with --markdown). Numbers only; no pass/fail. CPU seconds and peak memory are each run's
own; startup_s is the CPU used before the first simulated 100 ms (topology, agents, flows).

With --per-handover each size also runs without moves, and the difference (events, CPU
seconds) divided by the handovers is printed: the cost of one handover in that crowd.

With --plain the shapes given as A,R,M (A aggregation routers, R access routers each, M
mobile nodes; no moves) run under build/plain-ns3-baseline (the same shape in plain ns-3;
--baseline names another build's)
and under dmm-run with each of --plain-profiles, back to back, --repeat times; the median
CPU seconds and their ratio to plain ns-3 are printed.

With --soak one run of --soak-nodes mobile nodes for --soak-duration simulated seconds, a
handover per node every 30-60 s (uniform, fixed seed) and --interval-ms between packets,
prints the resident memory (VmRSS) against simulated time while it runs, then the slope
after warm-up (the first quarter): flat when caches and bindings expire.

With --fluid the scenarios say "data": "fluid": the flows are counted between handovers
(FluidFlow) and only packets around handovers are simulated, the signalling-scale mode.

usage: tools/benchmark.py [--sizes 10,50,200] [--duration 20] [--profile pmipv6] [--dmm-run PATH]
                          [--interval-ms 20] [--move-every 4] [--routers 4] [--mags 3]
                          [--per-handover [--ho-repeat 5]] [--fluid] [--profiles pmipv6,dma]
                          [--markdown]
       tools/benchmark.py --plain [--shapes 3,4,10:10,10,10] [--plain-profiles none,pmipv6]
                          [--repeat 3] [--duration 20] [--interval-ms 20]
       tools/benchmark.py --soak [--soak-nodes 1000] [--soak-duration 3600] [--profile pmipv6]
"""
import argparse
import contextlib
import csv
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def scenario(n_mn, duration, profile, routers=4, mags_per_router=3, interval_ms=20.0,
             move_every=4.0, moves=True, move_until=None, cns=1):
    # A node starts at most 16,384 flows (its ephemeral ports): several cns beyond that.
    cn_names = ["cn"] if cns == 1 else [f"cn{c}" for c in range(cns)]
    nodes = [{"name": cn, "role": "cn"} for cn in cn_names]
    nodes += [{"name": "core", "role": "router"}, {"name": "lma", "role": "anchor"}]
    links = [{"a": cn, "b": "core", "delay_ms": 5.0, "rate_mbps": 10000.0} for cn in cn_names]
    links.append({"a": "core", "b": "lma", "delay_ms": 5.0, "rate_mbps": 10000.0})
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
            if not moves:
                break
            # move_until: a stay drawn per handover, e.g. 30-60 s for the soak
            t += move_every if move_until is None else move_until(move_every)
            k += 1
        if interval_ms <= 0:
            continue
        # Beyond ~490 nodes the first attach is within 10 ms of 1 s or later: a flow that
        # starts before its node has an address sends nothing (dmm-run warns), costs nothing.
        start = max(1.0, round(0.6 + 0.001 * i, 6))
        flows.append({"name": f"down{i}", "type": "udp", "from": cn_names[i % cns], "to": mn,
                      "start_s": start, "stop_s": duration - 0.5, "interval_ms": interval_ms,
                      "size_bytes": 200})
    return {"name": f"bench-{n_mn}", "profile": profile, "duration_s": duration,
            "l2": {"type": "switch", "switch_time_ms": 50.0},
            "access": {"delay_ms": 1.0, "rate_mbps": 100.0},
            "nodes": nodes, "links": links, "mobility": mobility, "flows": flows}


def child_cpu(pid):
    """CPU seconds (user + system) a running process has used so far (None once ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_child(cmd):
    """Runs cmd to its end: (exit status, stderr, CPU seconds, start-up CPU seconds, peak MiB).

    The CPU and peak memory are this child's own (wait4), not the largest child so far. The
    start-up is the CPU used when the first progress line appears: ProgressReporter is told
    (NS_ATTRIBUTE_DEFAULT) to print from the first tick, 100 ms simulated, before any attach.
    """
    env = dict(os.environ, NS_ATTRIBUTE_DEFAULT=(
        "ns3::ProgressReporter::QuietWall=0;ns3::ProgressReporter::WallInterval=0"))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env)
    startup, errors = [None], []

    def follow():
        for line in iter(proc.stderr.readline, ""):
            if startup[0] is None and line.startswith("[dmm] sim"):
                startup[0] = child_cpu(proc.pid)
            elif not line.startswith("[dmm] sim"):
                errors.append(line)
    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    return (proc.returncode, "".join(errors), usage.ru_utime + usage.ru_stime, startup[0],
            usage.ru_maxrss / 1024)


def run(args, tmp, name, spec):
    """Runs dmm-run on one scenario: (summary, CPU s, wall s, peak MiB, start-up CPU s)."""
    if args.fluid:
        spec = dict(spec, data="fluid")
    if args.queue_disc:
        spec = dict(spec, queue_disc=args.queue_disc)
    path = os.path.join(tmp, f"{name}.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    out = os.path.join(tmp, f"out-{name}")
    start = time.monotonic()
    code, err, cpu, startup, peak = run_child([args.dmm_run, path, "--out", out])
    wall = time.monotonic() - start
    if code != 0:
        sys.exit(f"benchmark: dmm-run failed for {name}:\n{err}")
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    return summary, cpu, wall, peak, startup


def cpu_of(cmd):
    """CPU seconds (user + system) of one child process; exits on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark: {cmd[0]} failed:\n{proc.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def plain(args):
    """Median CPU of plain ns-3 and of dmm-run's profiles on the same shapes, and ratios."""
    baseline = args.baseline or os.path.join(os.path.dirname(args.dmm_run), "plain-ns3-baseline")
    if not os.access(baseline, os.X_OK):
        sys.exit(f"benchmark: {baseline} is not an executable (build first)")
    profiles = args.plain_profiles.split(",")
    print(f"{'A,R,M':>10} {'plain_s':>8}"
          + "".join(f" {p + '_s':>10} {'ratio':>6}" for p in profiles), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(":"):
            a, r, m = (int(x) for x in shape.split(","))
            cmds = {"plain": [baseline, f"--aggregation={a}", f"--access={r}", f"--hosts={m}",
                              f"--duration={args.duration}", f"--intervalMs={args.interval_ms}"]}
            for p in profiles:
                spec = scenario(m, args.duration, p, routers=a, mags_per_router=r,
                                interval_ms=args.interval_ms, moves=False)
                path = os.path.join(tmp, f"{p}-{shape}.json")
                with open(path, "w") as f:
                    json.dump(spec, f)
                cmds[p] = [args.dmm_run, path, "--out", os.path.join(tmp, "out"), "--quiet"]
            cpu = {k: [] for k in cmds}
            for _ in range(args.repeat):  # interleaved: a load change hits every program
                for k, cmd in cmds.items():
                    cpu[k].append(cpu_of(cmd))
            med = {k: statistics.median(v) for k, v in cpu.items()}
            print(f"{shape:>10} {med['plain']:>8.2f}"
                  + "".join(f" {med[p]:>10.2f} {med[p] / med['plain']:>6.2f}" for p in profiles),
                  flush=True)
def rss_mib(pid):
    """Resident memory of a running process, MiB (None once it has ended)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def soak(args, tmp):
    """One long run; prints simulated time and RSS every --soak-every wall seconds."""
    rng = random.Random(1)
    spec = scenario(args.soak_nodes, args.soak_duration, args.profile, routers=args.routers,
                    mags_per_router=args.mags, interval_ms=args.interval_ms, move_every=30.0,
                    move_until=lambda low: rng.uniform(low, 2 * low))
    if args.queue_disc:
        spec["queue_disc"] = args.queue_disc
    path = os.path.join(tmp, "soak.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    out = args.soak_out or os.path.join(tmp, "out-soak")
    proc = subprocess.Popen([args.dmm_run, path, "--out", out],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sim = [0.0]

    def follow():  # the progress line: "[dmm] sim 12.40/20.00 s ..."
        for line in iter(proc.stderr.readline, ""):
            m = re.search(r"sim ([0-9.]+)/", line)
            if m:
                sim[0] = float(m.group(1))
    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    print(f"{'wall_s':>8} {'sim_s':>8} {'rss_MiB':>8}", flush=True)
    samples, start = [], time.monotonic()
    while proc.poll() is None:
        time.sleep(args.soak_every)
        rss = rss_mib(proc.pid)
        if rss is not None and proc.poll() is None:
            samples.append((sim[0], rss))
            print(f"{time.monotonic() - start:>8.0f} {sim[0]:>8.1f} {rss:>8.1f}", flush=True)
    reader.join()
    if proc.returncode != 0:
        sys.exit(f"benchmark: dmm-run failed in the soak (exit {proc.returncode})")
    warm = [(t, m) for t, m in samples if t >= args.soak_duration / 4]
    if len(warm) >= 2 and warm[-1][0] > warm[0][0]:
        slope = (warm[-1][1] - warm[0][1]) / (warm[-1][0] - warm[0][0]) * 3600
        print(f"after warm-up (sim {warm[0][0]:.0f}-{warm[-1][0]:.0f} s): "
              f"{warm[0][1]:.1f} -> {warm[-1][1]:.1f} MiB, slope {slope:+.1f} MiB per simulated hour")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10,50,200")
    ap.add_argument("--duration", type=float, default=20.0)
    ap.add_argument("--profile", default="pmipv6")
    ap.add_argument("--profiles", help="comma-separated profiles for the size table "
                    "(default: --profile)")
    ap.add_argument("--markdown", action="store_true", help="size table as Markdown rows")
    ap.add_argument("--csv", help="also write the size table to this CSV file (for "
                    "analysis/benchmark_plot.py)")
    ap.add_argument("--interval-ms", type=float, default=20.0,
                    help="downlink packet interval per MN (0: no flows)")
    ap.add_argument("--move-every", type=float, default=4.0, help="seconds between handovers")
    ap.add_argument("--routers", type=int, default=4, help="aggregation routers")
    ap.add_argument("--mags", type=int, default=3, help="access routers per aggregation router")
    ap.add_argument("--per-handover", action="store_true",
                    help="also run without moves and print events and CPU per handover")
    ap.add_argument("--plain", action="store_true",
                    help="compare with plain ns-3 on --shapes (CPU ratios, no moves)")
    ap.add_argument("--shapes", default="3,4,10:10,10,10",
                    help="A,R,M shapes separated by ':' (with --plain)")
    ap.add_argument("--plain-profiles", default="none,pmipv6")
    ap.add_argument("--baseline", help="the plain-ns-3 program (default: plain-ns3-baseline "
                    "next to --dmm-run)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per program (with --plain)")
    ap.add_argument("--ho-repeat", type=int, default=1,
                    help="with --per-handover: run each scenario with and without moves this "
                         "many times, interleaved, and take the median CPU of each")
    ap.add_argument("--soak", action="store_true",
                    help="one long run printing memory over time instead of the size table")
    ap.add_argument("--soak-nodes", type=int, default=1000)
    ap.add_argument("--soak-duration", type=float, default=3600.0, help="simulated seconds")
    ap.add_argument("--soak-every", type=float, default=10.0, help="wall seconds between samples")
    ap.add_argument("--soak-out", help="keep the soak run's result files in this folder")
    ap.add_argument("--fluid", action="store_true",
                    help='"data": "fluid": flows counted between handovers, not simulated')
    ap.add_argument("--queue-disc", choices=["fq_codel", "pfifo_fast", "none"],
                    help='the wired links\' "queue_disc" in the dmm runs (default: the '
                    "scenario default, fq_codel; the plain-ns-3 baseline keeps ns-3's)")
    ap.add_argument("--cns", type=int, default=1,
                    help="correspondent nodes the flows are spread over (a node starts at "
                    "most 16,384 flows)")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--dmm-run", default=os.path.join(here, "..", "build", "dmm-run"))
    args = ap.parse_args()
    if not os.access(args.dmm_run, os.X_OK):
        sys.exit(f"benchmark: {args.dmm_run} is not an executable (build first)")
    if args.csv and (args.plain or args.soak):
        sys.exit("benchmark: --csv writes the size table; --plain and --soak print theirs only")
    if args.plain:
        plain(args)
        return
    if args.soak:
        with tempfile.TemporaryDirectory() as tmp:
            soak(args, tmp)
        return
    table(args)


COLUMNS = ["profile", "MNs", "handovers", "events", "wall_s", "cpu_s", "startup_s",
           "events/s", "sim/wall", "peak_MiB"]


def emit(args, cells, csv_out=None):
    """One table row: aligned text, or a Markdown row with --markdown; also to CSV_OUT."""
    if args.markdown:
        print("| " + " | ".join(str(c) for c in cells) + " |", flush=True)
    else:
        print(" ".join(f"{c:>10}" for c in cells), flush=True)
    if csv_out is not None:
        csv_out.writerow(cells)


def table(args):
    """The size table: a row per profile and size (with --per-handover, the cost per move)."""
    header = COLUMNS + (["ev/ho", "cpu_ms/ho"] if args.per_handover else [])
    try:
        csv_file = open(args.csv, "w", newline="") if args.csv else None
    except OSError as e:
        sys.exit(f"benchmark: cannot write --csv {args.csv}: {e.strerror}")
    with csv_file or contextlib.nullcontext():
        rows = csv.writer(csv_file) if csv_file else None
        emit(args, header, rows)
        if args.markdown:
            emit(args, ["---"] + ["---:"] * (len(header) - 1))
        size_rows(args, rows)


def size_rows(args, rows):
    """The rows of table(): a run (two with --per-handover) per profile and size."""
    shape = dict(routers=args.routers, mags_per_router=args.mags,
                 interval_ms=args.interval_ms, move_every=args.move_every, cns=args.cns)
    with tempfile.TemporaryDirectory() as tmp:
        for profile in (args.profiles or args.profile).split(","):
            for n in [int(x) for x in args.sizes.split(",")]:
                spec = scenario(n, args.duration, profile, **shape)
                s, cpu, wall, peak, startup = run(args, tmp, f"bench-{n}", spec)
                cells = [profile, n, s["handovers"]["count"], s["events"], f"{wall:.2f}",
                         f"{cpu:.2f}", "-" if startup is None else f"{startup:.2f}",
                         f"{s['events'] / wall:.3g}", f"{args.duration / wall:.2f}",
                         f"{peak:.1f}"]
                if args.per_handover:
                    still = scenario(n, args.duration, profile, moves=False, **shape)
                    b, bcpu, _, _, _ = run(args, tmp, f"still-{n}", still)
                    if args.ho_repeat > 1:  # interleaved pairs: a load change hits both
                        cpus, bcpus = [cpu], [bcpu]
                        for _ in range(args.ho_repeat - 1):
                            cpus.append(run(args, tmp, f"bench-{n}", spec)[1])
                            bcpus.append(run(args, tmp, f"still-{n}", still)[1])
                        cpu, bcpu = statistics.median(cpus), statistics.median(bcpus)
                    moves = s["handovers"]["count"] - b["handovers"]["count"]
                    cells += ([f"{(s['events'] - b['events']) / moves:.1f}",
                               f"{1000 * (cpu - bcpu) / moves:.3f}"] if moves > 0 else ["-", "-"])
                emit(args, cells, rows)

if __name__ == "__main__":
    main()
