#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Test analysis/dmm_figures.py on real result directories.

Usage: figures-test.py REPO_ROOT DMM_RUN

Runs dmm-run on shipped scenarios (with the per-packet trace where the timeline needs it)
and dmm-compare for a sweep, then every figure command as a user would: each must write its
PDF and PNG, print the numbers it draws, which are checked against the result files read
here independently, and reject bad input with a message and exit status 2.
"""

import csv
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1])
DMM_RUN = sys.argv[2]
FIGURES = ROOT / "analysis" / "dmm_figures.py"
HIERARCHICAL = ROOT / "scenarios" / "pmipv6-hierarchical.json"
# A random walk over three networks (one anchor for the central profiles): handovers of
# different lengths for the CDF.
RANDOM_WALK = [str(ROOT / "scenarios" / "generated-hierarchical.json"),
               "--set", "topology.networks=3", "--set", "central_anchor=n1-anchor",
               "--set", "movement.cross_probability=0.3", "--set", "topology.mns=4"]
SWEPT = "l2.switch_time_ms"

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: %s" % what)


def run(cmd):
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600)


def dmm_run(args, out):
    r = run([DMM_RUN] + args + ["--quiet", "--out", out])
    if r.returncode != 0:
        sys.exit("dmm-run failed: %s" % r.stderr)
    return out


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def figure(*args):
    return run([FIGURES] + list(args))


def check_written(r, out, name):
    check(r.returncode == 0, "%s: exit 0 (rc=%d, stderr=%s)" % (name, r.returncode, r.stderr))
    png = out / (name + ".png")
    pdf = out / (name + ".pdf")
    check(png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "%s is a PNG" % png)
    check(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "%s is a PDF" % pdf)


def check_rejected(r, what, text):
    check(r.returncode == 2, "%s: exit status 2 (rc=%d)" % (what, r.returncode))
    check(text in r.stderr, "%s: message contains %r: %s" % (what, text, r.stderr.strip()))


def printed(stdout, prefix):
    return [line[len(prefix):] for line in stdout.splitlines() if line.startswith(prefix)]


def test_timeline(tmp, runs):
    out = tmp / "timeline"
    r = figure("timeline", *runs, "--flow", "down", "--out", out)
    check_written(r, out, "timeline-down")
    # The default window: 0.1 s before the first detach to 0.2 s after the latest of L2 up,
    # signalling done and first delivery over the runs; lost packets counted by send time.
    first = [rows(d / "handovers.csv")[0] for d in runs]
    after = max(max(float(h[k]) for k in ("l2_up_s", "signaling_done_s", "first_rx_s"))
                - float(h["l2_down_s"]) for h in first) + 0.2
    for d, h, line in zip(runs, first, printed(r.stdout, "timeline: ")):
        t0 = float(h["l2_down_s"])
        lost = [p for p in rows(d / "packets.csv") if p["flow"] == "down"
                and not p["received_s"] and -0.1 <= float(p["sent_s"]) - t0 <= after]
        check(lost and ", %d lost shown" % len(lost) in line,
              "%s: %d lost packets around the handover: %s" % (d, len(lost), line))
    # The whole run: the lost packets drawn are flows.csv's.
    r = figure("timeline", *runs, "--flow", "down", "--before", "100", "--after", "100",
               "--bin-ms", "10", "--out", out)
    check_written(r, out, "timeline-down")
    lines = printed(r.stdout, "timeline: ")
    check(len(lines) == len(runs), "one timeline line per run: %s" % r.stdout)
    for d, line in zip(runs, lines):
        flow = [f for f in rows(d / "flows.csv") if f["flow"] == "down"][0]
        expect = "%s delivered, %s lost shown" % (flow["received"], flow["lost"])
        check(expect in line, "%s: whole-run timeline shows flows.csv's counts (%s): %s"
              % (d, expect, line))
    check_rejected(figure("timeline", runs[0], "--flow", "nope", "--out", out),
                   "unknown flow", "no flow named 'nope'")
    check_rejected(figure("timeline", runs[0], "--flow", "down", "--handover", "9", "--out",
                          out), "handover out of range", "has 2 handover(s); handover 9")


def test_ladder(tmp, runs):
    out = tmp / "ladder"
    r = figure("ladder", *runs, "--out", out)
    check_written(r, out, "ladder")
    for d in runs:
        label = d.name
        h = rows(d / "handovers.csv")[0]
        lo, hi = float(h["l2_down_s"]), float(h["signaling_done_s"]) + 0.05
        want = [s["type"] for s in rows(d / "signaling.csv") if lo <= float(s["time_s"]) <= hi]
        got = [line.split()[-1] for line in printed(r.stdout, "ladder: %s " % label)]
        check(got == want and want, "%s: ladder messages %s == signaling.csv %s"
              % (label, got, want))
    check_rejected(figure("ladder", runs[0], "--mn", "nobody", "--out", out), "unknown mn",
                   "mobile node 'nobody' has 0 handover(s)")


def test_signaling(tmp, runs):
    out = tmp / "signaling"
    r = figure("signaling", *runs, "--out", out)
    check_written(r, out, "signaling-stack")
    for d in runs:
        handovers = len(rows(d / "handovers.csv"))
        counts = {}
        for s in rows(d / "signaling.csv"):
            counts[s["type"]] = counts.get(s["type"], 0) + 1
        want = ", ".join("%s %.3f" % (t, counts[t] / handovers) for t in sorted(counts))
        got = printed(r.stdout, "signaling: %s: " % d.name)
        check(got and got[0].startswith(want), "%s: %s starts with %s" % (d.name, got, want))
    r = figure("signaling", *runs, "--bytes", "--out", out)
    check_written(r, out, "signaling-stack-bytes")
    broken = tmp / "broken"
    shutil.copytree(runs[0], broken)
    (broken / "signaling.csv").unlink()
    check_rejected(figure("signaling", broken, "--out", out), "missing signaling.csv",
                   str(broken / "signaling.csv") + ": file not found")


def test_cdf(tmp, walks, runs):
    out = tmp / "cdf"
    r = figure("cdf", *walks, "--out", out)
    check_written(r, out, "handover-cdf")
    for d in walks:
        values = sorted(float(h["latency_ms"]) for h in rows(d / "handovers.csv")
                        if h["latency_ms"])
        n = len(values)
        med = values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
        profile = d.name.split("-", 1)[1]
        want = "%s latency_ms: %d handovers, median %.3f, max %.3f" % (profile, n, med,
                                                                        values[-1])
        check(want in r.stdout and n > 10, "cdf line %r in %s" % (want, r.stdout))
    check_rejected(figure("cdf", tmp / "nothing", "--out", out), "missing directory",
                   "nothing: not a directory")
    # The random walk has no packet trace: the timeline says how to get one.
    check_rejected(figure("timeline", walks[0], "--flow", "down1", "--out", out),
                   "no packets.csv", "--packet-trace")


def make_sweep(tmp):
    """comparison.csv of two dmm-compare runs (--set SWEPT=20 and =80), the swept column
    inserted after seed as dmm-compare --sweep writes it."""
    merged = []
    for value in ("20", "80"):
        out = tmp / ("compare-" + value)
        # The random walk: seeds move the nodes differently, so the CIs are not all zero.
        r = run([ROOT / "tools" / "dmm-compare"] + RANDOM_WALK
                + ["--profiles", "pmipv6,mipv6", "--seeds", "1,2", "--set",
                   "%s=%s" % (SWEPT, value), "--runner", DMM_RUN, "--jobs", "2", "--no-plots",
                   "--out", out])
        if r.returncode != 0:
            sys.exit("dmm-compare failed: %s" % r.stderr)
        for row in rows(out / "comparison.csv"):
            row[SWEPT] = value
            merged.append(row)
    header = list(rows(tmp / "compare-20" / "comparison.csv")[0])
    header.insert(header.index("seed") + 1, SWEPT)
    path = tmp / "comparison.csv"
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(merged)
    return path, merged


def test_sweep(tmp):
    path, merged = make_sweep(tmp)
    out = tmp / "sweep"
    r = figure("sweep", path, "--x", SWEPT, "--out", out)
    name = "sweep-" + SWEPT
    check_written(r, out, name)
    drawn = {(x["profile"], x[SWEPT], x["metric"]): x for x in rows(out / (name + ".csv"))}
    check(len(drawn) == 2 * 2 * 5, "2 profiles x 2 values x 5 metrics: %d" % len(drawn))
    for (profile, value, metric), x in drawn.items():
        v = [float(m[metric]) for m in merged if m["profile"] == profile and m[SWEPT] == value]
        mean = sum(v) / 2
        # Student t, one degree of freedom: 12.706 x s / sqrt(2), s = |a - b| / sqrt(2).
        ci = 12.706 * abs(v[0] - v[1]) / 2
        check(math.isclose(float(x["mean"]), mean, abs_tol=1e-9)
              and math.isclose(float(x["ci95"]), ci, abs_tol=1e-9) and x["n"] == "2",
              "%s %s=%s %s: mean %s ci %s, expected %s, %s"
              % (profile, SWEPT, value, metric, x["mean"], x["ci95"], mean, ci))
    check(any(float(x["ci95"]) > 0 for x in drawn.values()), "some CI band is not empty")
    latency = {(p, v): float(drawn[(p, v, "latency_mean_ms")]["mean"])
               for p in ("pmipv6", "mipv6") for v in ("20", "80")}
    check(all(latency[(p, "80")] - latency[(p, "20")] > 50 for p in ("pmipv6", "mipv6")),
          "a 60 ms longer switch lengthens the handover: %s" % latency)
    check_rejected(figure("sweep", path, "--x", "latency_mean_ms", "--out", out),
                   "metric as x", "is not a swept column (swept: %s)" % SWEPT)
    check_rejected(figure("sweep", tmp / "none.csv", "--x", SWEPT, "--out", out),
                   "missing csv", "none.csv: file not found")


def test_help():
    # argparse formats help strings with %: a figure's "95 %" once broke --help.
    for args in (["--help"],) + tuple([name, "--help"] for name in
                                      ("sweep", "timeline", "cdf", "signaling", "ladder")):
        r = figure(*args)
        check(r.returncode == 0 and "usage:" in r.stdout,
              "%s: exit status 0 with a usage (rc=%d, %s)"
              % (" ".join(args), r.returncode, r.stderr.strip()[-200:]))


def main():
    test_help()
    tmp = Path(tempfile.mkdtemp(prefix="dmm-figures-test-"))
    try:
        runs = [dmm_run([HIERARCHICAL, "--profile", p, "--packet-trace"], tmp / p)
                for p in ("pmipv6", "mipv6")]
        walks = [dmm_run(RANDOM_WALK + ["--profile", p], tmp / ("walk-" + p))
                 for p in ("pmipv6", "hmipv6")]
        test_timeline(tmp, runs)
        test_ladder(tmp, runs)
        test_signaling(tmp, runs)
        test_cdf(tmp, walks, runs)
        test_sweep(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all figure checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
