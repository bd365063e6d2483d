#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Test tools/dmm-compare's --sweep and its engines with the built dmm-run.

Usage: sweep-engines-test.py local|parallel|slurm REPO_ROOT DMM_RUN

local:    the sweep itself: 2 profiles x 2 values of l2.switch_time_ms x 1 seed of the
          shipped pmipv6-hierarchical scenario (12 s): the layout, the swept column of
          comparison.csv (each row equal to its run's summary.json), comparison.md's row
          per (profile, point), that the points differ, and bad --sweep arguments.
parallel: the same sweep through GNU parallel with --hosts ':' and the local engine:
          byte-identical comparison.csv and .md; the command list; a runner failing once
          for one point is run again and succeeds; one failing always gives exit 1, named.
slurm:    the same through sbatch on a one-node Slurm cluster (slurmctld, slurmd, munged
          started here, configured in a temporary directory, stopped at the end). A
          cluster that does not come up fails the test with the daemons' logs.
"""

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINE = sys.argv[1] if len(sys.argv) > 1 else "local"
ROOT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent
RUNNER = (Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "build" / "dmm-run").resolve()
TOOL = ROOT / "tools" / "dmm-compare"
SCENARIO = ROOT / "scenarios" / "pmipv6-hierarchical.json"
SHORT = ["--set", "duration_s=12", "--set", "flows.0.stop_s=12", "--set", "flows.1.stop_s=12"]
KEY, VALUES = "l2.switch_time_ms", ["20", "80"]
SWEEP = ["--sweep", "%s=%s" % (KEY, ",".join(VALUES)), "--profiles", "pmipv6,none",
         "--seeds", "1", "--no-plots"] + SHORT
SLURM_DAEMONS_TIMEOUT_S = 30

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: %s" % what)


def compare(*args, env=None):
    return subprocess.run([str(TOOL), str(SCENARIO)] + [str(a) for a in args],
                          capture_output=True, text=True, timeout=600, env=env)


def fake_runner(directory, always):
    """dmm-run, except for the point KEY=VALUES[1]: fails always, or the first time."""
    marker = directory / "failed-once"
    script = directory / ("runner-always" if always else "runner-once")
    guard = "" if always else 'if [ -e %s ]; then exec %s "$@"; fi; touch %s; ' % (
        marker, RUNNER, marker)
    script.write_text('#!/bin/sh\ncase "$*" in *"%s=%s"*) %secho "injected failure" >&2; '
                      'exit 3;; esac\nexec %s "$@"\n' % (KEY, VALUES[1], guard, RUNNER))
    script.chmod(0o755)
    return script


def check_local(tmp):
    out = tmp / "local"
    r = compare(*SWEEP, "--out", out, "--runner", RUNNER)
    check(r.returncode == 0, "local sweep succeeds (rc=%d): %s" % (r.returncode, r.stderr))
    if r.returncode != 0:
        return
    check("run 4/4" in r.stderr and "ETA" in r.stderr, "progress with ETA: %s" % r.stderr)
    rows = list(csv.DictReader((out / "comparison.csv").open()))
    header = (out / "comparison.csv").read_text().splitlines()[0].split(",")
    check(header[:4] == ["profile", "seed", KEY, "handovers"], "swept column after seed: %s"
          % header)
    check([(x["profile"], x[KEY]) for x in rows] ==
          [("pmipv6", "20"), ("pmipv6", "80"), ("none", "20"), ("none", "80")],
          "one row per profile and point: %s" % rows)
    latency = {}
    for row in rows:
        d = out / row["profile"] / ("%s-%s" % (KEY, row[KEY])) / "seed-1"
        check((d / "summary.json").is_file(), "result directory %s" % d)
        if (d / "summary.json").is_file():
            s = json.loads((d / "summary.json").read_text())
            check(float(row["latency_mean_ms"]) == s["handovers"]["latency_ms"]["mean"],
                  "%s: latency as in its summary.json" % d)
            latency[(row["profile"], row[KEY])] = s["handovers"]["latency_ms"]["mean"]
    check(latency.get(("pmipv6", "80"), 0) > latency.get(("pmipv6", "20"), 0) + 50,
          "the swept value reaches dmm-run (latency %s)" % latency)
    md = (out / "comparison.md").read_text()
    check("| profile | %s | runs |" % KEY in md and "| pmipv6 | 80 | 1 |" in md
          and md.count("| none | ") == 2, "comparison.md: a row per profile and point:\n" + md)
    for bad, named in ((["--sweep", "k"], "KEY=V1"), (["--sweep", "k=1,,2"], "empty value"),
                       (["--sweep", "k=1,1"], "given twice"),
                       (["--sweep", "k=1", "--sweep", "k=2"], "given twice"),
                       (["--sweep", "%s=1" % KEY, "--set", "%s=3" % KEY], "also set"),
                       (["--sweep", "k=a/b,a_b"], "same directory name"),
                       (["--engine", "ssh"], "invalid choice")):
        r = compare(*bad, "--out", tmp / "bad", "--runner", RUNNER)
        check(r.returncode == 2 and named in r.stderr, "%s: exit 2 naming %r: %s"
              % (bad, named, r.stderr.strip()))


def check_engine(tmp, engine_args, env=None):
    reference = tmp / "reference"
    r = compare(*SWEEP, "--out", reference, "--runner", RUNNER)
    check(r.returncode == 0, "local reference run (rc=%d): %s" % (r.returncode, r.stderr))
    out = tmp / ENGINE
    start = time.monotonic()
    r = compare(*SWEEP, "--out", out, "--runner", RUNNER, *engine_args, env=env)
    print("%s sweep: %.1f s" % (ENGINE, time.monotonic() - start))
    check(r.returncode == 0, "%s sweep succeeds (rc=%d): %s" % (ENGINE, r.returncode, r.stderr))
    for name in ("comparison.csv", "comparison.md"):
        a, b = reference / name, out / name
        check(a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes(),
              "%s: %s and local are byte-identical" % (name, ENGINE))
    commands = out / "tasks" / "commands.txt"
    check(commands.is_file() and len(commands.read_text().splitlines()) == 4,
          "tasks/commands.txt has one line per run")
    check("ETA" in r.stderr and "run 4/4" in r.stderr, "progress on stderr: %s" % r.stderr)
    again = subprocess.run(["bash", str(out / "tasks" / "run-task.sh"), "3"], timeout=120)
    status = out / "none" / ("%s-%s" % (KEY, VALUES[1])) / "seed-1" / "dmm-run.status"
    check(again.returncode == 0 and status.is_file() and status.read_text() == "0\n",
          "run-task.sh 3 repeats the last run by hand (rc=%d)" % again.returncode)
    status.unlink(missing_ok=True)
    logs = sorted(out.glob("*/*/seed-1/dmm-run.log"))
    check(len(logs) == 4 and not list(out.glob("*/*/seed-1/dmm-run.status")),
          "dmm-run.log per run, no leftovers: %s" % logs)

    one = SWEEP[:2] + ["--profiles", "pmipv6"] + SWEEP[4:]
    r = compare(*one, "--out", tmp / "once", "--runner", fake_runner(tmp, False),
                *engine_args, env=env)
    check(r.returncode == 0 and "once more" in r.stderr,
          "a run failing once is run again and succeeds (rc=%d): %s" % (r.returncode, r.stderr))
    r = compare(*one, "--out", tmp / "always", "--runner", fake_runner(tmp, True),
                *engine_args, env=env)
    check(r.returncode == 1 and "pmipv6 seed 1 at %s=%s" % (KEY, VALUES[1]) in r.stderr
          and "injected failure" in r.stderr and "1 of 2 run(s) failed" in r.stderr,
          "a run failing always is reported, exit 1 (rc=%d): %s" % (r.returncode, r.stderr))
    check(not (tmp / "always" / "comparison.csv").exists(), "no comparison after a failure")


# ----------------------------------------------------------------------------- slurm

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slurm_conf(tmp, host):
    mem = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 2
    return "\n".join([
        "ClusterName=dmmtest", "SlurmctldHost=%s(127.0.0.1)" % host,
        "SlurmctldPort=%d" % free_port(), "SlurmdPort=%d" % free_port(),
        "SlurmUser=root", "SlurmdUser=root", "AuthType=auth/munge",
        "AuthInfo=socket=%s" % (tmp / "munge.sock"), "CryptoType=crypto/munge",
        "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "MpiDefault=none",
        "SelectType=select/cons_tres", "SelectTypeParameters=CR_CPU",
        "SchedulerType=sched/backfill", "ReturnToService=2",
        "AccountingStorageType=accounting_storage/none",
        "JobAcctGatherType=jobacct_gather/none", "JobCompType=jobcomp/none",
        "StateSaveLocation=%s" % (tmp / "state"), "SlurmdSpoolDir=%s" % (tmp / "spool"),
        "SlurmctldPidFile=%s" % (tmp / "slurmctld.pid"),
        "SlurmdPidFile=%s" % (tmp / "slurmd.pid"),
        "SlurmctldLogFile=%s" % (tmp / "slurmctld.log"),
        "SlurmdLogFile=%s" % (tmp / "slurmd.log"), "SlurmctldDebug=info", "SlurmdDebug=info",
        "NodeName=%s NodeAddr=127.0.0.1 CPUs=2 RealMemory=%d State=UNKNOWN" % (host, mem),
        "PartitionName=dmm Nodes=%s Default=YES MaxTime=INFINITE State=UP" % host, ""])


def daemon(tmp, command, env=None):
    """A daemon in the foreground (stopped through its Popen), output into tmp/NAME.out."""
    with open(tmp / (Path(command[0]).name + ".out"), "w") as out:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, env=env)


def start_slurm(tmp, daemons):
    """munged, slurmctld and slurmd of a one-node cluster in tmp; the clients' env."""
    for d in ("state", "spool"):
        (tmp / d).mkdir()
    key = tmp / "munge.key"
    subprocess.run(["mungekey", "--create", "--keyfile", str(key)], check=True)
    key.chmod(0o400)
    daemons.append(daemon(tmp,
        ["munged", "--foreground", "--socket", str(tmp / "munge.sock"), "--key-file", str(key),
         "--pid-file", str(tmp / "munged.pid"), "--log-file", str(tmp / "munged.log"),
         "--seed-file", str(tmp / "munged.seed"), "--force"]))
    conf = tmp / "slurm.conf"
    conf.write_text(slurm_conf(tmp, socket.gethostname().split(".")[0]))
    env = dict(os.environ, SLURM_CONF=str(conf))
    for _ in range(50):
        if (tmp / "munge.sock").exists():
            break
        time.sleep(0.1)
    daemons.append(daemon(tmp, ["slurmctld", "-D", "-c", "-i", "-f", str(conf)], env))
    daemons.append(daemon(tmp, ["slurmd", "-D", "-f", str(conf)], env))
    deadline = time.monotonic() + SLURM_DAEMONS_TIMEOUT_S
    while time.monotonic() < deadline:
        r = subprocess.run(["sinfo", "-h", "-o", "%T"], capture_output=True, text=True, env=env)
        if r.returncode == 0 and r.stdout.strip() in ("idle", "mixed", "allocated"):
            return env
        if any(d.poll() is not None for d in daemons):
            break
        time.sleep(0.5)
    return None


def stop(daemons):
    for d in reversed(daemons):
        if d.poll() is None:
            d.terminate()
            try:
                d.wait(timeout=10)
            except subprocess.TimeoutExpired:
                d.kill()
                d.wait()


def check_slurm(tmp):
    cluster = tmp / "cluster"
    cluster.mkdir()
    cluster.chmod(0o700)
    daemons = []
    try:
        env = start_slurm(cluster, daemons)
        if env is None:
            check(False, "the one-node Slurm cluster did not come up")
            for log in ("munged.out", "slurmctld.log", "slurmctld.out", "slurmd.log",
                        "slurmd.out"):
                p = cluster / log
                print("---- %s\n%s" % (log, p.read_text()[-4000:] if p.exists() else "(none)"))
            return
        check_engine(tmp, ["--engine", "slurm", "--poll", "0.5", "--job-name", "dmm-test",
                           "--partition", "dmm", "--time", "5"], env=env)
        outs = list((tmp / "slurm" / "tasks").glob("slurm-*_*.out"))
        check(len(outs) == 4, "one Slurm output file per array task: %s" % outs)
    finally:
        stop(daemons)


def main():
    if not RUNNER.is_file():
        print("dmm-run not found at %s (build it first)" % RUNNER)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="dmm-sweep-%s-" % ENGINE))
    try:
        if ENGINE == "local":
            check_local(tmp)
        elif ENGINE == "parallel":
            check_engine(tmp, ["--engine", "parallel", "--hosts", ":"])
        else:
            check_slurm(tmp)
    finally:
        if not failures:
            shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed; files kept in %s" % (len(failures), tmp))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
