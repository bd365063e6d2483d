#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Test tools/dmm-compare with the built dmm-run on the shipped scenario.

Usage: compare-test.py REPO_ROOT DMM_RUN

Runs the command as a user would (through its shebang): pmipv6 and none, seeds 1-2, a
12 s simulation. Checks the result layout, that comparison.csv holds exactly the values of
each run's summary.json and handovers.csv, that comparison.md has one row per profile,
that the plots exist, that a second invocation gives byte-identical tables, that bad
arguments fail with the problem named and that a failing run fails the command and is
named, and that a variant (a profile with its own overrides) gets its own row.
"""

import csv
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
RUNNER = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build" / "dmm-run"
TOOL = ROOT / "tools" / "dmm-compare"
SCENARIO = ROOT / "scenarios" / "pmipv6-hierarchical.json"
# The last handover is at 11 s; flows must stop by the end of the simulation.
SHORT = ["--set", "duration_s=12", "--set", "flows.0.stop_s=12", "--set", "flows.1.stop_s=12"]
PLOTS = ["compare-latency", "compare-interruption", "compare-loss",
         "compare-signaling-messages", "compare-signaling-bytes", "compare-path-stretch"]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: %s" % what)


def compare(*args):
    return subprocess.run([str(TOOL)] + [str(a) for a in args], capture_output=True, text=True,
                          timeout=300)


def same(cell, value):
    """A CSV cell equals a summary.json value (null <-> empty cell)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return cell == ""
    try:
        return float(cell) == float(value)
    except ValueError:
        return False


def check_csv_row(row, run_dir, label=None):
    summary = json.loads((run_dir / "summary.json").read_text())
    with open(run_dir / "handovers.csv", newline="") as f:
        handovers = list(csv.DictReader(f))
    count = summary["handovers"]["count"]
    expected = {
        "handovers": count,
        "latency_mean_ms": summary["handovers"]["latency_ms"]["mean"],
        "latency_p95_ms": summary["handovers"]["latency_ms"]["p95"],
        "interruption_mean_ms": summary["handovers"]["interruption_ms"]["mean"],
        "interruption_p95_ms": summary["handovers"]["interruption_ms"]["p95"],
        "packets_sent": summary["packets"]["sent"],
        "packets_lost": summary["packets"]["lost"],
        "loss_ratio": summary["packets"]["loss_ratio"],
        "lost_packets_per_handover":
            sum(float(h["lost_packets"]) for h in handovers) / len(handovers),
        "signaling_messages_per_handover":
            sum(summary["signaling"]["messages"].values()) / count,
        "signaling_bytes_per_handover": summary["signaling"]["bytes"] / count,
        "mean_path_stretch": summary["path"]["mean_stretch"],
        "tunnelled_bytes": summary["path"]["tunnelled_bytes"],
    }
    for column, value in expected.items():
        check(column in row and same(row[column], value),
              "%s: comparison.csv %s = %r, expected %r" % (run_dir, column, row.get(column),
                                                           value))
    check(row["seed"] == str(summary["seed"]) and row["profile"] == (label or summary["profile"]),
          "%s: profile/seed of the row match summary.json" % run_dir)


def table_rows(text):
    return [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| profile")]


def main():
    check(TOOL.is_file() and TOOL.stat().st_mode & 0o111, "%s is executable" % TOOL)
    check(RUNNER.is_file(), "runner %s exists" % RUNNER)
    tmp = Path(tempfile.mkdtemp(prefix="dmm-compare-test-"))
    try:
        out = tmp / "a"
        r = compare(SCENARIO, "--profiles", "pmipv6,none", "--seeds", "1-2", "--out", out,
                    "--runner", RUNNER, "--jobs", "2", *SHORT)
        check(r.returncode == 0, "dmm-compare succeeds (rc=%d, stderr=%s)"
              % (r.returncode, r.stderr.strip()))
        check("run 4/4" in r.stderr, "progress names run i/N: %s" % r.stderr.strip())

        runs = [(p, s) for p in ("pmipv6", "none") for s in (1, 2)]
        for p, s in runs:
            d = out / p / ("seed-%d" % s)
            for name in ("summary.json", "handovers.csv", "signaling.csv", "flows.csv"):
                check((d / name).is_file(), "%s written" % (d / name))

        table = out / "comparison.csv"
        check(table.is_file(), "comparison.csv written")
        rows = list(csv.DictReader(table.open(newline=""))) if table.is_file() else []
        check([(row["profile"], int(row["seed"])) for row in rows] == runs,
              "comparison.csv has one row per run in order: %s"
              % [(row["profile"], row["seed"]) for row in rows])
        for row in rows:
            check_csv_row(row, out / row["profile"] / ("seed-%s" % row["seed"]))

        md = out / "comparison.md"
        check(md.is_file(), "comparison.md written")
        md_rows = table_rows(md.read_text()) if md.is_file() else []
        check([row[0] for row in md_rows] == ["pmipv6", "none"],
              "comparison.md has one row per profile: %s" % [row[:1] for row in md_rows])
        if rows and md_rows:
            check(md_rows[0][1] == "2", "pmipv6 has 2 runs (%s)" % md_rows[0][1])
            lat = [float(row["latency_mean_ms"]) for row in rows if row["profile"] == "pmipv6"]
            check(md_rows[0][3].startswith("%.2f" % (sum(lat) / len(lat))),
                  "pmipv6 latency mean in comparison.md (%s)" % md_rows[0][3])
            check(md_rows[1][5] == "n/a", "none has no interruption time (%s)" % md_rows[1][5])

        for name in PLOTS:
            png = out / "plots" / (name + ".png")
            pdf = out / "plots" / (name + ".pdf")
            check(png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n",
                  "%s is a PNG" % png)
            check(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "%s is a PDF" % pdf)

        # Same seeds, another folder, one job at a time, no plots: identical tables.
        again = tmp / "b"
        r = compare(SCENARIO, "--profiles", "pmipv6,none", "--seeds", "1,2", "--out", again,
                    "--runner", RUNNER, "--jobs", "1", "--no-plots", *SHORT)
        check(r.returncode == 0, "second invocation succeeds (%s)" % r.stderr.strip())
        for name in ("comparison.csv", "comparison.md"):
            check((again / name).is_file() and (out / name).is_file()
                  and (again / name).read_bytes() == (out / name).read_bytes(),
                  "%s byte-identical across invocations" % name)
        check(not (again / "plots").exists(), "--no-plots draws nothing")
        # Without --first-service the tables keep their columns; with it, they grow by the
        # flows' first service, copied from summary.json.
        check("first_packet_delay" not in (out / "comparison.csv").read_text()
              and "first-packet" not in (out / "comparison.md").read_text(),
              "the first service is shown only when asked for")
        first = tmp / "first"
        r = compare(SCENARIO, "--profiles", "pmipv6,none", "--seeds", "1", "--out", first,
                    "--runner", RUNNER, "--no-plots", "--first-service", *SHORT)
        check(r.returncode == 0, "--first-service succeeds (%s)" % r.stderr.strip())
        table = first / "comparison.csv"
        rows = list(csv.DictReader(table.open(newline=""))) if table.is_file() else []
        check(len(rows) == 2, "--first-service: one row per run (%d)" % len(rows))
        for row in rows:
            flows = json.loads((first / row["profile"] / "seed-1" / "summary.json")
                               .read_text())["flows"]
            for column, key, stat in (("first_packet_delay_mean_ms", "first_packet_delay_ms",
                                       "mean"),
                                      ("first_packet_delay_p95_ms", "first_packet_delay_ms",
                                       "p95"),
                                      ("optimized_after_mean_ms", "optimized_after_ms", "mean"),
                                      ("detoured_packets_mean", "detoured_packets", "mean")):
                check(column in row and same(row[column], flows[key][stat]),
                      "%s: %s = %r, expected %r" % (row["profile"], column, row.get(column),
                                                    flows[key][stat]))
        md = (first / "comparison.md").read_text() if (first / "comparison.md").is_file() else ""
        md_rows = table_rows(md)
        check("| first-packet delay mean (ms) |" in md and len(md_rows) == 2
              and len(md_rows[0]) == 2 + 11 + 3, "comparison.md has the three columns: %s"
              % md_rows)

        # A variant: a profile with its own overrides, compared under its label.
        var = tmp / "variant"
        r = compare(SCENARIO, "--profiles", "pmipv6", "--seeds", "1", "--out", var,
                    "--runner", RUNNER, *SHORT, "--variant", "pmipv6-slow", "pmipv6",
                    "l2.switch_time_ms=80")
        check(r.returncode == 0, "a variant runs (rc=%d): %s" % (r.returncode, r.stderr))
        with open(var / "comparison.csv", newline="") as f:
            rows = {row["profile"]: row for row in csv.DictReader(f)}
        check(set(rows) == {"pmipv6", "pmipv6-slow"}, "one row per label: %s" % sorted(rows))
        if set(rows) == {"pmipv6", "pmipv6-slow"}:
            check_csv_row(rows["pmipv6-slow"], var / "pmipv6-slow" / "seed-1", "pmipv6-slow")
            # The variant's 30 ms longer link switch shows in its latency only.
            delta = (float(rows["pmipv6-slow"]["latency_mean_ms"])
                     - float(rows["pmipv6"]["latency_mean_ms"]))
            check(abs(delta - 30) < 1e-6, "the variant's override applies to it alone: %g"
                  % delta)
        md = (var / "comparison.md").read_text()
        check("| pmipv6-slow |" in md and "`l2.switch_time_ms=80`" in md,
              "comparison.md names the variant and its overrides")
        check((var / "plots" / "compare-latency.png").is_file(), "variants are plotted")

        # Bad arguments: non-zero exit, the problem named, nothing run.
        bad = tmp / "bad"
        cases = [
            ([SCENARIO, "--frobnicate"], "--frobnicate"),
            ([SCENARIO, "--profiles", ""], "--profiles"),
            ([SCENARIO, "--profiles", "pmipv6,,none"], "empty profile name"),
            ([SCENARIO, "--profiles", "pmip v6"], "invalid profile name"),
            ([SCENARIO, "--seeds", "5-2"], "5-2"),
            ([SCENARIO, "--seeds", "1-x"], "'x'"),
            ([SCENARIO, "--seeds", "0"], "--seeds"),
            ([tmp / "missing.json"], "missing.json"),
            ([SCENARIO, "--runner", tmp / "no-dmm-run"], "no-dmm-run"),
            ([SCENARIO, "--jobs", "0"], "--jobs"),
            ([SCENARIO, "--variant", "a", "pmipv6"], "LABEL PROFILE KEY=VALUE"),
            ([SCENARIO, "--variant", "pmipv6", "pmipv6", "x=1"], "already used"),
            ([SCENARIO, "--variant", "a b", "pmipv6", "x=1"], "invalid label"),
            ([SCENARIO, "--variant", "a", "pmipv6", "x"], "is not KEY=VALUE"),
        ]
        for args, named in cases:
            extra = ["--out", bad] + ([] if "--runner" in args else ["--runner", RUNNER])
            r = compare(*args, *extra)
            check(r.returncode != 0, "%s fails (rc=%d)" % (args[1:], r.returncode))
            check(named in r.stderr, "%s: the error names %r: %s"
                  % (args[1:], named, r.stderr.strip()))
        check(not (bad / "pmipv6").exists(), "bad arguments run nothing")

        # A failing run (an invalid --set for every run; an unknown profile for one):
        # the others still run, the command fails and names each failed run.
        fail = tmp / "fail"
        r = compare(SCENARIO, "--profiles", "pmipv6,no-such-profile", "--seeds", "1",
                    "--out", fail, "--runner", RUNNER, "--no-plots", *SHORT)
        check(r.returncode != 0, "an unknown profile fails the command")
        check("no-such-profile seed 1" in r.stderr and "unknown profile" in r.stderr,
              "the failed run and dmm-run's error are named: %s" % r.stderr.strip())
        check((fail / "pmipv6" / "seed-1" / "summary.json").is_file(),
              "the other run still ran")
        check(not (fail / "comparison.csv").exists(), "no comparison after a failed run")

        r = compare(SCENARIO, "--profiles", "pmipv6,none", "--seeds", "1-2", "--out", fail,
                    "--runner", RUNNER, "--no-plots", "--set", "duration_s=-1")
        check(r.returncode != 0, "an invalid --set value fails the command")
        for p, s in runs:
            check("%s seed %d failed" % (p, s) in r.stderr, "run %s seed %d named as failed"
                  % (p, s))
        check("duration_s" in r.stderr, "dmm-run's error is shown: %s" % r.stderr.strip())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all dmm-compare checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
