#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Test analysis/dmm_plot.py on small synthetic result directories.

Usage: analysis-test.py [REPO_ROOT]

Runs the script as a user would (a separate process), then checks the figures
exist and are non-empty PNG/PDF files, that summary.md holds the expected
means and confidence intervals, and that bad input fails with the file named.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "analysis" / "dmm_plot.py"

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: %s" % what)


def make_run(d, profile, seed, latencies, interruptions, lost, sent, messages, sig_bytes):
    d.mkdir(parents=True)
    n = len(latencies)
    total_lost = sum(lost)
    summary = {
        "scenario": "synthetic", "profile": profile, "seed": seed,
        "simulated_s": 30.0, "wall_s": 0.5, "events": 1000,
        "handovers": {
            "count": n,
            "latency_ms": {"mean": sum(latencies) / n, "p50": sorted(latencies)[n // 2],
                           "p95": max(latencies), "max": max(latencies)},
            "interruption_ms": {"mean": sum(interruptions) / n, "p50": 0.0,
                                "p95": max(interruptions), "max": max(interruptions)},
        },
        "packets": {"sent": sent, "received": sent - total_lost, "lost": total_lost,
                    "loss_ratio": total_lost / sent},
        "signaling": {"messages": messages, "bytes": sig_bytes, "byte_hops": 3 * sig_bytes},
        "path": {"mean_stretch": 1.5, "tunnelled_bytes": 12345},
    }
    (d / "summary.json").write_text(json.dumps(summary, indent=2))
    with open(d / "handovers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["time_s", "mn", "from", "to", "l2_down_s", "l2_up_s", "signaling_done_s",
                    "first_rx_s", "latency_ms", "interruption_ms", "lost_packets"])
        for i, (lat, intr, lo) in enumerate(zip(latencies, interruptions, lost)):
            t = 10.0 * (i + 1)
            w.writerow([t, "mn0", "mag%d" % i, "mag%d" % (i + 1), t, t + 0.01,
                        t + lat / 1000, t + intr / 1000, lat, intr, lo])
    with open(d / "flows.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["flow", "mn", "cn", "start_s", "sent", "received", "lost", "mean_delay_ms",
                    "address"])
        w.writerow([0, "mn0", "cn0", 1.0, sent, sent - total_lost, total_lost, 20.5,
                    "3001:1::200"])
    with open(d / "signaling.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["time_s", "node", "type", "bytes", "src", "dst"])
        for typ, count in messages.items():
            for k in range(count):
                w.writerow([10.0 + k, "mag0", typ, sig_bytes // max(1, sum(messages.values())),
                            "3001::1", "3001::2"])


def run_script(*args):
    # Run it the way a user does: through its shebang, with `python3` from PATH,
    # so the re-exec to Debian's interpreter is exercised where it is needed.
    return subprocess.run([str(SCRIPT)] + [str(a) for a in args], capture_output=True,
                          text=True, timeout=300)


def table_rows(text):
    rows = {}
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| profile"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = cells
    return rows


def main():
    check(os.access(SCRIPT, os.X_OK), "%s is executable" % SCRIPT)
    tmp = Path(tempfile.mkdtemp(prefix="dmm-analysis-test-"))
    try:
        # pmipv6: two seeds. Per-run means: latency 20 and 30 ms; interruption 40 and 60;
        # lost/handover 2 and 4; loss ratio 0.01 and 0.02; 2 and 3 msgs/handover.
        a = tmp / "pmipv6-1"
        b = tmp / "pmipv6-2"
        c = tmp / "none-1"
        make_run(a, "pmipv6", 1, [10.0, 30.0], [30.0, 50.0], [1, 3], 400,
                 {"PBU": 2, "PBA": 2}, 400)
        make_run(b, "pmipv6", 2, [30.0, 30.0], [60.0, 60.0], [4, 4], 400,
                 {"PBU": 3, "PBA": 3}, 600)
        make_run(c, "none", 1, [5.0], [1000.0], [50], 500, {}, 0)
        out = tmp / "plots"

        r = run_script(a, b, c, "--out", out)
        check(r.returncode == 0, "script succeeds on valid input (rc=%d, stderr=%s)"
              % (r.returncode, r.stderr.strip()))
        for name in ("handover-latency", "loss", "signaling"):
            png = out / (name + ".png")
            pdf = out / (name + ".pdf")
            check(png.is_file() and png.stat().st_size > 1000, "%s is a non-empty file" % png)
            check(png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n",
                  "%s is a PNG" % png)
            check(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "%s is a PDF" % pdf)

        md = out / "summary.md"
        check(md.is_file(), "summary.md written")
        rows = table_rows(md.read_text()) if md.is_file() else {}
        check(list(rows) == ["pmipv6", "none"], "one row per profile in input order: %s"
              % list(rows))
        if "pmipv6" in rows:
            p = rows["pmipv6"]
            # t(0.975, df=1) = 12.706; CI of {20, 30} = 12.706 * 5 = 63.53.
            check(p[1] == "2", "pmipv6 runs = 2 (%s)" % p[1])
            check(p[2] == "2.0 ± 0.0", "pmipv6 handovers/run (%s)" % p[2])
            check(p[3] == "25.00 ± 63.53", "pmipv6 latency mean (%s)" % p[3])
            check(p[4] == "30.00 ± 0.00", "pmipv6 latency p95, no spread (%s)" % p[4])
            check(p[5] == "50.00 ± 127.06", "pmipv6 interruption mean (%s)" % p[5])
            check(p[6] == "3.00 ± 12.71", "pmipv6 lost packets/handover (%s)" % p[6])
            check(p[7] == "0.0150 ± 0.0635", "pmipv6 loss ratio (%s)" % p[7])
            check(p[8] == "2.50 ± 6.35", "pmipv6 msgs/handover (%s)" % p[8])
            check(p[9] == "250.0 ± 635.3", "pmipv6 bytes/handover (%s)" % p[9])
        if "none" in rows:
            n = rows["none"]
            check(n[1:] == ["1", "1.0", "5.00", "5.00", "1000.00", "50.00", "0.1000", "0.00",
                            "0.0"], "none row (%s)" % n)

        # Bad input: a missing file and a malformed summary are named, exit non-zero.
        os.remove(b / "flows.csv")
        r = run_script(a, b, "--out", tmp / "bad1")
        check(r.returncode != 0, "missing flows.csv fails")
        check(str(b / "flows.csv") in r.stderr, "error names the missing file: %s"
              % r.stderr.strip())
        (a / "summary.json").write_text('{"profile": "pmipv6", "handovers": ')
        r = run_script(a, "--out", tmp / "bad2")
        check(r.returncode != 0, "malformed summary.json fails")
        check(str(a / "summary.json") in r.stderr and "malformed" in r.stderr,
              "error names the malformed file: %s" % r.stderr.strip())
        with open(c / "handovers.csv", "a") as f:
            f.write("70.0,mn0,mag0,mag1,70,70.01,70.02,70.05,fast,30,0\n")
        r = run_script(c, "--out", tmp / "bad3")
        check(r.returncode != 0 and "handovers.csv:3" in r.stderr and "latency_ms" in r.stderr,
              "a non-numeric cell is named by file, line and column: %s" % r.stderr.strip())
        r = run_script(tmp / "does-not-exist", "--out", tmp / "bad4")
        check(r.returncode != 0 and "does-not-exist" in r.stderr,
              "a missing directory is named: %s" % r.stderr.strip())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all analysis checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
