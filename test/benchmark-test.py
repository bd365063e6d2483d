#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Test tools/benchmark.py's size table against a stand-in for dmm-run.

Usage: benchmark-test.py [REPO_ROOT]

The stand-in (written here) burns CPU before and after its first progress line, holds memory
in proportion to the number of mobile nodes and writes a summary.json. Checks that each row's
peak memory is that run's own (a small run after a large one reports less), that the start-up
CPU is the CPU used before the first progress line, that --profiles gives a row per profile
and size, that --markdown prints a Markdown table and that --baseline names the plain-ns-3
program.
"""

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "benchmark.py"

FAKE = r'''#!/usr/bin/env python3
import json, os, sys, time
spec = json.load(open(sys.argv[1]))
out = sys.argv[sys.argv.index("--out") + 1]
mns = [n for n in spec["nodes"] if n["role"] == "mn"]
hold = bytearray(len(mns) * 1024 * 1024)  # 1 MiB per mobile node, touched below
for i in range(0, len(hold), 4096):
    hold[i] = 1


def burn(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


burn(0.3)
sys.stderr.write("[dmm] sim 0.10/%.2f s (0%%)\n" % spec["duration_s"])
sys.stderr.flush()
burn(0.3)
os.makedirs(out, exist_ok=True)
moves = len(spec["mobility"]) - len(mns)
json.dump({"events": 1000 + 10 * moves, "handovers": {"count": moves}},
          open(os.path.join(out, "summary.json"), "w"))
'''

failures = []


def load_tool():
    spec = importlib.util.spec_from_file_location("benchmark", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: %s" % what)


def bench_fails(fake, *extra):
    """Runs benchmark.py expecting a non-zero exit; returns its stderr."""
    proc = subprocess.run([sys.executable, str(TOOL), "--dmm-run", str(fake), "--duration", "10",
                           *extra], capture_output=True, text=True)
    check(proc.returncode != 0, "benchmark.py %s fails" % " ".join(extra))
    return proc.stderr


def bench(fake, *extra):
    proc = subprocess.run([sys.executable, str(TOOL), "--dmm-run", str(fake), "--duration", "10",
                           *extra], capture_output=True, text=True)
    check(proc.returncode == 0, "benchmark.py %s exits 0 (%s)" % (" ".join(extra), proc.stderr))
    return proc.stdout.splitlines()


# A flow that starts before its node has an address sends nothing: every flow must start
# 0.1 s after its node's first attach (an address takes ~10 ms), also at 10,000 nodes where the first attaches spread over 10 s.
spec = load_tool().scenario(10000, 20, "pmipv6", interval_ms=1000)
first = {}
for m in spec["mobility"]:
    first.setdefault(m["mn"], m["at_s"])
late = [f["name"] for f in spec["flows"] if f["start_s"] < first[f["to"]] + 0.1 - 1e-9]
check(not late and len(spec["flows"]) == 10000,
      "flows start 0.1 s after their node's first attach (%d do not)" % len(late))
check(spec["flows"][0]["start_s"] == 1.0, "the first flows still start at 1 s")

with tempfile.TemporaryDirectory() as tmp:
    fake = Path(tmp) / "dmm-run"
    fake.write_text(FAKE)
    fake.chmod(0o755)

    rows = bench(fake, "--sizes", "200,10", "--profiles", "pmipv6,dma", "--markdown")
    check(len(rows) == 6, "header, separator and 2 profiles x 2 sizes: %r" % rows)
    check(len(rows) >= 2 and rows[0].startswith("| profile | MNs |") and "startup_s" in rows[0]
          and set(rows[1].replace("|", "").split()) <= {"---", "---:"}, "Markdown header")
    cells = [[c.strip() for c in r.strip("|").split("|")] for r in rows[2:]]
    col = {name: i for i, name in enumerate(c.strip() for c in rows[0].strip("|").split("|"))}
    if not {"profile", "MNs", "peak_MiB", "cpu_s", "startup_s"} <= col.keys():
        print("FAIL: the table's columns: %r" % rows)
        sys.exit(1)
    check([(c[col["profile"]], c[col["MNs"]]) for c in cells]
          == [("pmipv6", "200"), ("pmipv6", "10"), ("dma", "200"), ("dma", "10")],
          "a row per profile and size, in order")
    for c in cells:
        peak, cpu, startup = (float(c[col[k]]) for k in ("peak_MiB", "cpu_s", "startup_s"))
        big = c[col["MNs"]] == "200"
        # Each run's own peak: 200 MiB held, or well below after a small run.
        check(peak > 200 if big else peak < 150, "own peak memory (%s MNs: %.1f)" % (c[1], peak))
        check(0.25 <= startup <= cpu - 0.25, "start-up CPU before the first progress line "
              "(%.2f of %.2f s)" % (startup, cpu))

    table = Path(tmp) / "table.csv"
    ho = bench(fake, "--sizes", "10,20", "--per-handover", "--move-every", "4",
               "--csv", str(table))
    check(len(ho) == 3 and ho[0].split()[-2:] == ["ev/ho", "cpu_ms/ho"]
          and ho[1].split()[-2] == "10.0", "per-handover events from the still run: %r" % ho)
    written = table.read_text().splitlines() if table.exists() else []
    check([r.split(",") for r in written] == [r.split() for r in ho],
          "--csv writes the printed rows: %r" % written)

    # The scaling figure from that table; a table without the per-handover columns is refused.
    plot = ROOT / "analysis" / "benchmark_plot.py"
    drawn = subprocess.run([sys.executable, str(plot), str(table), "--out", tmp],
                           capture_output=True, text=True)
    check(drawn.returncode == 0 and (Path(tmp) / "benchmark-scaling.png").stat().st_size > 0
          and (Path(tmp) / "benchmark-scaling.pdf").exists(),
          "benchmark_plot.py draws the table: %r" % drawn.stderr)
    plain_table = Path(tmp) / "plain.csv"
    bench(fake, "--sizes", "10", "--csv", str(plain_table))
    refused = subprocess.run([sys.executable, str(plot), str(plain_table), "--out", tmp],
                             capture_output=True, text=True)
    check(refused.returncode == 2 and "ev/ho" in refused.stderr and "plain.csv" in refused.stderr,
          "a table without ev/ho is refused, naming the file and the column: %r"
          % refused.stderr)
    nowhere = bench_fails(fake, "--sizes", "10", "--csv", os.path.join(tmp, "no", "t.csv"))
    check("--csv" in nowhere, "an unwritable --csv is named: %r" % nowhere)

    missing = subprocess.run([sys.executable, str(TOOL), "--dmm-run", str(fake), "--plain",
                              "--baseline", os.path.join(tmp, "nowhere")],
                             capture_output=True, text=True)
    check(missing.returncode != 0 and "nowhere" in missing.stderr,
          "--baseline names the plain-ns-3 program: %r" % missing.stderr)

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("benchmark-test: all checks passed")
