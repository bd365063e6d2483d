#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Prove that a change leaves every result byte-identical.

Runs every shipped scenario (scenarios/*.json) under every profile with two builds of
dmm-run, "before" and "after", and compares the result files: handovers.csv, signaling.csv
and flows.csv byte for byte, summary.json byte for byte once the wall-clock field and the
keys listed in IGNORED_SUMMARY_KEYS are removed, except that the contract grows by addition
(DESIGN.md, Result files): columns appended at the end of a CSV and keys added to
summary.json are left out of the comparison and named in the verdict, and the exit status (a scenario a profile
refuses must still be refused, with the same error line).

usage: tools/check-identical.py --before REF_OR_RUNNER [--after RUNNER] [--out DIR]
                                [--scenarios A.json,name,...] [--profiles P1,P2] [--seeds 1,2]
                                [--jobs N]

--before is a dmm-run binary or a git revision; a revision is checked out into a
worktree under DIR/src-<rev> and its dmm-run is built there (ccache makes this cheap).
--scenarios takes files or the names of shipped scenarios (scenarios/NAME.json); an
unknown one is a usage error.
Exit status 0 when every run is identical, 1 when one differs, 2 on a usage error.
"""

import argparse
import concurrent.futures
import csv
import io
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Fields that legitimately differ between two runs of the same build (wall clock) or that a
# change adds to the contract by design (the keys ignored under the profile).
IGNORED_SUMMARY_KEYS = ("wall_s", "ignored_keys")
RESULT_FILES = ("summary.json", "handovers.csv", "signaling.csv", "flows.csv")
# Variants of profiles selected by scenario keys, run beside the plain profiles.
VARIANTS = (("fully-distributed", ("protocol.location=push",)),
            ("fully-distributed", ("protocol.location_update=client",)),
            ("fully-distributed", ("protocol.location_update=client", "protocol.location=push")),
            ("dma-client", ("protocol.client_lu=proxy",)))
# The profiles of the landed registry, for a "before" runner that cannot list them.
FALLBACK_PROFILES = ("none", "mipv6", "mipv6-ro", "pmipv6", "hmipv6", "hmipv6-ro",
                     "distributed-anchors", "migrating-ha", "dma", "dma-client",
                     "fully-distributed")


def build_revision(rev, out):
    src = out / f"src-{rev.replace('/', '_')}"
    if not src.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(src), rev],
                       check=True, stdout=subprocess.DEVNULL)
    build = src / "build"
    subprocess.run(["cmake", "-S", str(src), "-B", str(build), "-G", "Ninja"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build), "--target", "dmm-run"], check=True,
                   stdout=subprocess.DEVNULL)
    return build / "dmm-run"


def list_profiles(runner):
    try:
        out = subprocess.run([str(runner), "--list-profiles", "--names"], capture_output=True,
                             text=True, check=True).stdout.split()
        return out or list(FALLBACK_PROFILES)
    except (subprocess.CalledProcessError, OSError):
        return list(FALLBACK_PROFILES)


def run(runner, scenario, profile, sets, seed, outdir):
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [str(runner), str(scenario), "--profile", profile, "--seed", str(seed),
           "--out", str(outdir), "--quiet"]
    for s in sets:
        cmd += ["--set", s]
    p = subprocess.run(cmd, capture_output=True, text=True)
    errors = [l for l in p.stderr.splitlines() if l.startswith("dmm-run: error")]
    return p.returncode, errors


def normalised_summary(path):
    doc = json.loads(path.read_text())
    for key in IGNORED_SUMMARY_KEYS:
        doc.pop(key, None)
    return doc


def without_additions(before, after, path, added):
    """`after` restricted to the keys of `before` (in its order); added keys go to `added`."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return after
    kept = {}
    for key, value in after.items():
        if key in before:
            kept[key] = without_additions(before[key], value, f"{path}{key}.", added)
        else:
            added.append(f"{path}{key}")
    return kept


def csv_without_additions(before, after, added):
    """`after`'s rows cut to `before`'s columns when its header only appends columns."""
    a, b = before.decode().split("\n"), after.decode().split("\n")
    head_a = next(csv.reader([a[0]]))
    head_b = next(csv.reader([b[0]]))
    if len(a) != len(b) or head_b[:len(head_a)] != head_a or len(head_b) == len(head_a):
        return after
    added.extend(head_b[len(head_a):])
    cut = [line if not line else
           csv_line(next(csv.reader([line]))[:len(head_a)]) for line in b]
    return "\n".join(cut).encode()


def csv_line(fields):
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()


def compare(before_dir, after_dir, added=None):
    """Names of the files that differ; what the after side only added goes to `added`."""
    added = [] if added is None else added
    diffs = []
    for name in RESULT_FILES:
        a, b = before_dir / name, after_dir / name
        if a.exists() != b.exists():
            diffs.append(f"{name} {'missing' if not b.exists() else 'new'}")
        elif not a.exists():
            continue
        elif name == "summary.json":
            before, after = normalised_summary(a), normalised_summary(b)
            grown = []
            after = without_additions(before, after, "", grown)
            added.extend(f"{name}:{k}" for k in grown)
            if json.dumps(before, indent=1) != json.dumps(after, indent=1):
                diffs.append(name)
        else:
            grown = []
            after = csv_without_additions(a.read_bytes(), b.read_bytes(), grown)
            added.extend(f"{name}:{c}" for c in grown)
            if a.read_bytes() != after:
                diffs.append(name)
    return diffs


def scenario_path(name):
    """A scenario file by path, or by name (with or without .json) in scenarios/.

    Always absolute: the runs start in their own result directories."""
    for candidate in (pathlib.Path(name), ROOT / "scenarios" / name,
                      ROOT / "scenarios" / f"{name}.json"):
        if candidate.is_file():
            return candidate.resolve()
    raise FileNotFoundError(f"no scenario file or shipped scenario named {name!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", required=True)
    ap.add_argument("--after", default=str(ROOT / "build" / "dmm-run"))
    ap.add_argument("--out", default=str(ROOT / "build" / "identical"))
    ap.add_argument("--scenarios", default="")
    ap.add_argument("--profiles", default="")
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    out = pathlib.Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    before = pathlib.Path(args.before)
    if not before.is_file():
        before = build_revision(args.before, out)
    after = pathlib.Path(args.after)
    if not after.is_file():
        print(f"check-identical: --after {after}: no such runner", file=sys.stderr)
        return 2
    try:
        scenarios = ([scenario_path(s) for s in args.scenarios.split(",")] if args.scenarios
                     else sorted((ROOT / "scenarios").glob("*.json")))
    except FileNotFoundError as e:
        print(f"check-identical: --scenarios: {e}", file=sys.stderr)
        return 2
    profiles = args.profiles.split(",") if args.profiles else list_profiles(after)
    seeds = [int(s) for s in args.seeds.split(",")]

    runs = [(p, ()) for p in profiles] + [v for v in VARIANTS if v[0] in profiles]
    cases = [(s, p, sets, seed) for s in scenarios for p, sets in runs for seed in seeds]
    label = lambda p, sets: "+".join([p] + [x.split(".")[-1] for x in sets])
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for s, p, sets, seed in cases:
            for side, runner in (("before", before), ("after", after)):
                d = out / side / s.stem / label(p, sets) / f"seed-{seed}"
                jobs.append(((s, p, sets, seed, side),
                             pool.submit(run, runner, s, p, sets, seed, d)))
        status = {key: f.result() for key, f in jobs}

    differing = 0
    for s, p, sets, seed in cases:
        rb, eb = status[(s, p, sets, seed, "before")]
        ra, ea = status[(s, p, sets, seed, "after")]
        if rb != ra or eb != ea:
            verdict = f"exit {rb} -> {ra} {eb} -> {ea}"
        elif rb != 0:
            verdict = "refused by both"
        else:
            added = []
            d = compare(out / "before" / s.stem / label(p, sets) / f"seed-{seed}",
                        out / "after" / s.stem / label(p, sets) / f"seed-{seed}", added)
            verdict = "identical" if not d else "DIFFERS: " + ", ".join(d)
            verdict += f" (added {', '.join(added)})" if added else ""
        if not verdict.startswith(("identical", "refused")):
            differing += 1
        print(f"{s.stem:34} {label(p, sets):36} seed {seed}: {verdict}")
    print(f"check-identical: {len(cases) - differing} identical, {differing} differing "
          f"({len(cases)} runs per build)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
