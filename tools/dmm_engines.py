# SPDX-License-Identifier: GPL-2.0-only
"""Parameter sweeps and run engines of tools/dmm-compare.

Sweeps: each --sweep KEY=V1,V2,... is one axis; the points are the cross product of
all axes, in the order the options were given (the last axis varies fastest). A run
of a point passes --set KEY=V to dmm-run for each axis. A point's result directory is
named by its KEY-VALUE pairs joined with "__", every character other than letters,
digits, '.', '_' and '-' replaced by '_': DIR/<profile>/<point>/seed-<N>, e.g.
DIR/pmipv6/l2.switch_time_ms-80__access.delay_ms-2/seed-1. Without --sweep there is one
point with no name, and the layout stays DIR/<profile>/seed-<N>.

Engines, all giving the same result files:
  local     a thread pool on this machine (--jobs at a time).
  parallel  GNU parallel over --hosts (ssh logins, ':' = this machine); the hosts must
            see the scenario, the runner and DIR under the same paths (shared file system).
  slurm     one Slurm array job (sbatch), one task per run; DIR must be on a file system
            the compute nodes share, the runner must run there.
parallel and slurm write DIR/tasks/: commands.txt (line i+1 = run i, a shell command)
and run-task.sh, which runs line $1+1 (or SLURM_ARRAY_TASK_ID+1), so any run can be
repeated by hand: `bash DIR/tasks/run-task.sh 3`. A run that fails is run once more;
the runs that fail twice are reported. Progress (runs done/total, failures, ETA) goes
to stderr.
"""

import itertools
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROG = "dmm-compare"
ENGINES = ("local", "parallel", "slurm")
SAFE = re.compile(r"[^A-Za-z0-9._-]")
TASKS = "tasks"
STATUS, STDOUT, STDERR = "dmm-run.status", "dmm-run.stdout", "dmm-run.stderr"


class SweepError(Exception):
    pass


# ----------------------------------------------------------------------------- sweeps

def parse_sweeps(items):
    """['KEY=V1,V2', ...] -> [(KEY, [V1, V2]), ...] in the given order."""
    sweeps = []
    for item in items:
        key, sep, values = item.partition("=")
        key = key.strip()
        vals = [v.strip() for v in values.split(",")]
        if not sep or not key:
            raise SweepError("--sweep: %r is not KEY=V1,V2,..." % item)
        if any(not v for v in vals):
            raise SweepError("--sweep %s: empty value in %r" % (key, values))
        if key in (k for k, _ in sweeps):
            raise SweepError("--sweep: key %s given twice" % key)
        dup = sorted({v for v in vals if vals.count(v) > 1})
        if dup:
            raise SweepError("--sweep %s: value(s) given twice: %s" % (key, ", ".join(dup)))
        sweeps.append((key, vals))
    return sweeps


def check_overrides(sweeps, sets, what):
    """A swept key must not also be set elsewhere (which one would dmm-run keep?)."""
    swept = {k for k, _ in sweeps}
    for s in sets:
        key = s.partition("=")[0].strip()
        if key in swept:
            raise SweepError("--sweep %s: the key is also set by %s %s" % (key, what, s))


def points(sweeps):
    """The cross product: [((KEY, V), ...), ...]; [()] without sweeps."""
    axes = [[(k, v) for v in vals] for k, vals in sweeps]
    return list(itertools.product(*axes))


def point_name(point):
    """The point's directory name ('' without sweeps); see the module docstring."""
    return "__".join(SAFE.sub("_", "%s-%s" % kv) for kv in point)


def check_point_names(all_points):
    names = {}
    for p in all_points:
        other = names.setdefault(point_name(p), p)
        if other != p:
            raise SweepError("--sweep: points %s and %s get the same directory name %s"
                             % (describe(other), describe(p), point_name(p)))


def describe(point):
    return ", ".join("%s=%s" % kv for kv in point)


# ----------------------------------------------------------------------------- runs

class Run:
    def __init__(self, label, seed, directory, profile=None, sets=(), point=()):
        self.label = label                # what the comparison calls it
        self.profile = profile or label   # what dmm-run runs
        self.sets = list(sets)            # the variant's own overrides
        self.point = tuple(point)         # ((KEY, VALUE), ...) of the sweep
        self.seed = seed
        self.dir = directory
        self.command = []
        self.returncode = None
        self.stderr = ""
        self.seconds = 0.0

    @property
    def name(self):
        where = " at %s" % describe(self.point) if self.point else ""
        return "%s seed %d%s" % (self.label, self.seed, where)


class Progress:
    """Runs done/total, failures and ETA on stderr, one line per change."""

    def __init__(self, total):
        self.total = total
        self.started = time.monotonic()
        self.lock = threading.Lock()
        self.last = None

    def report(self, done, failed, detail=""):
        with self.lock:
            if (done, failed) == self.last and not detail:
                return
            self.last = (done, failed)
            elapsed = time.monotonic() - self.started
            eta = ("%.0f s" % (elapsed / done * (self.total - done))) if done else "unknown"
            print("%s: run %d/%d%s; %d failed; elapsed %.1f s, ETA %s"
                  % (PROG, done, self.total, detail, failed, elapsed, eta),
                  file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- local

def _execute(run):
    start = time.monotonic()
    run.dir.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(run.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, errors="replace")
        run.returncode, run.stderr = proc.returncode, proc.stderr
        log = proc.stdout + proc.stderr
    except OSError as e:
        run.returncode = -1
        run.stderr = "cannot start %s: %s" % (run.command[0], e)
        log = run.stderr + "\n"
    run.seconds = time.monotonic() - start
    (run.dir / "dmm-run.log").write_text(log, encoding="utf-8")


def run_local(runs, options, progress):
    done, failed = [0], [0]

    def one(run):
        _execute(run)
        with progress.lock:
            done[0] += 1
            failed[0] += run.returncode != 0
            counts = (done[0], failed[0])
        status = "ok" if run.returncode == 0 else "FAILED (exit status %d)" % run.returncode
        progress.report(*counts, ": %s: %s in %.1f s" % (run.name, status, run.seconds))

    with ThreadPoolExecutor(max_workers=min(options.jobs or os.cpu_count() or 1,
                                            len(runs))) as pool:
        for f in [pool.submit(one, r) for r in runs]:
            f.result()


# ----------------------------------------------------------------------------- task files

def task_line(run):
    """The shell command of one remote run: its outputs and exit status into its folder."""
    d = shlex.quote(str(run.dir))
    return ("mkdir -p %s && { %s >%s/%s 2>%s/%s; s=$?; echo $s >%s/%s; exit $s; }"
            % (d, " ".join(shlex.quote(c) for c in run.command), d, STDOUT, d, STDERR,
               d, STATUS))


def write_tasks(runs, tasks):
    tasks.mkdir(parents=True, exist_ok=True)
    (tasks / "commands.txt").write_text("".join(task_line(r) + "\n" for r in runs),
                                        encoding="utf-8")
    script = tasks / "run-task.sh"
    # An absolute path: sbatch runs a spooled copy of the script, not this file.
    script.write_text(
        "#!/bin/bash\n"
        "# Run i (0-based) of commands.txt: i = $1, or SLURM_ARRAY_TASK_ID in a Slurm array.\n"
        "i=${1:-${SLURM_ARRAY_TASK_ID:?give the run index}}\n"
        "line=$(sed -n \"$((i + 1))p\" %s)\n"
        "[ -n \"$line\" ] || { echo \"run-task.sh: no run $i\" >&2; exit 2; }\n"
        "eval \"$line\"\n" % shlex.quote(str(tasks / "commands.txt")), encoding="utf-8")
    script.chmod(0o755)
    return script


def clear_outputs(run):
    for name in (STATUS, STDOUT, STDERR):
        try:
            (run.dir / name).unlink()
        except FileNotFoundError:
            pass


def collect(run, returncode, note):
    """A remote run's outputs -> dmm-run.log (as the local engine writes it) and run.

    returncode None: the run left no exit status; note says why it may be, and is
    also shown when a failed run wrote nothing on stderr (e.g. ssh could not connect)."""
    out, err = [(run.dir / n).read_text(encoding="utf-8", errors="replace")
                if (run.dir / n).is_file() else "" for n in (STDOUT, STDERR)]
    run.returncode = -1 if returncode is None else returncode
    run.stderr = err
    if returncode is None or (returncode != 0 and not err.strip()):
        run.stderr = note + ("\n" + err if err else "")
    if run.dir.is_dir():
        (run.dir / "dmm-run.log").write_text(out + err, encoding="utf-8")
    clear_outputs(run)


def read_status(run):
    try:
        return int((run.dir / STATUS).read_text().strip())
    except (OSError, ValueError):
        return None


# ----------------------------------------------------------------------------- parallel

def _joblog(path):
    """GNU parallel's --joblog -> {Seq: exit status, or -signal}, finished jobs only."""
    status = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    except FileNotFoundError:
        return status
    for line in lines:
        f = line.split("\t")
        if len(f) >= 8 and f[0].isdigit():
            status[int(f[0])] = -int(f[7]) if f[7] != "0" else int(f[6])
    return status


def parallel_attempt(batch, options, script, attempt, progress, base):
    joblog = script.parent / ("joblog-%d.txt" % attempt)
    if joblog.exists():
        joblog.unlink()
    command = ["parallel", "--joblog", str(joblog), "-S", options.hosts]
    if options.jobs:
        command += ["--jobs", str(options.jobs)]
    command += ["bash", str(script), ":::"] + [str(i) for i, _ in batch]
    print("%s: engine parallel, attempt %d: %d run(s) on %s" % (PROG, attempt, len(batch),
                                                                options.hosts),
          file=sys.stderr, flush=True)
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, errors="replace")
    except OSError as e:
        raise SweepError("cannot start GNU parallel (install it: tools/bootstrap.sh): %s" % e)
    drain = threading.Thread(target=lambda: setattr(proc, "err_text", proc.stderr.read()))
    drain.start()
    while proc.poll() is None:
        s = _joblog(joblog)
        progress.report(base + len(s), sum(1 for v in s.values() if v != 0))
        time.sleep(0.5)
    drain.join()
    status = _joblog(joblog)
    # parallel numbers its jobs 1.. in the order of the ::: arguments.
    for seq, (_, run) in enumerate(batch, 1):
        collect(run, status.get(seq),
                "see GNU parallel's job log %s; its stderr: %s"
                % (joblog, getattr(proc, "err_text", "").strip()[-2000:] or "(empty)"))


# ----------------------------------------------------------------------------- slurm

def _squeue_pending(job):
    proc = subprocess.run(["squeue", "-h", "-j", job, "-o", "%i"], capture_output=True,
                          text=True)
    if proc.returncode != 0:
        if "Invalid job id" in proc.stderr:
            return False  # finished and already purged
        raise SweepError("squeue -j %s failed: %s" % (job, proc.stderr.strip()))
    return bool(proc.stdout.strip())


def slurm_attempt(batch, options, script, attempt, progress, base):
    tasks = script.parent
    array = ",".join(str(i) for i, _ in batch)
    if options.jobs:
        array += "%%%d" % options.jobs
    command = ["sbatch", "--parsable", "--array", array, "--job-name", options.job_name,
               "--output", str(tasks / "slurm-%A_%a.out"), "--chdir", str(tasks)]
    if options.partition:
        command += ["--partition", options.partition]
    if options.time:
        command += ["--time", options.time]
    command.append(str(script))
    try:
        proc = subprocess.run(command, capture_output=True, text=True)
    except OSError as e:
        raise SweepError("cannot start sbatch (is Slurm's client installed?): %s" % e)
    if proc.returncode != 0:
        raise SweepError("sbatch failed (exit status %d): %s"
                         % (proc.returncode, proc.stderr.strip()))
    job = proc.stdout.strip().split(";")[0]
    (tasks / ("job-%d.txt" % attempt)).write_text(" ".join(map(shlex.quote, command))
                                                  + "\n# job " + job + "\n")
    print("%s: engine slurm, attempt %d: array job %s, %d task(s); results are read from %s, "
          "which the compute nodes must share" % (PROG, attempt, job, len(batch),
                                                  tasks.parent), file=sys.stderr, flush=True)
    while True:
        pending = _squeue_pending(job)
        codes = [read_status(r) for _, r in batch]
        finished = [c for c in codes if c is not None]
        progress.report(base + len(finished), sum(1 for c in finished if c != 0))
        if not pending:
            break
        time.sleep(options.poll)
    for i, run in batch:
        collect(run, read_status(run),
                "no exit status: the task did not finish (see %s)"
                % (tasks / ("slurm-%s_%d.out" % (job, i))))


# ----------------------------------------------------------------------------- dispatch

def command(run, options, absolute=False):
    """dmm-run's command line for one run (the sweep's --set last)."""
    scenario = str(Path(options.scenario).resolve()) if absolute else options.scenario
    line = [options.runner, scenario, "--profile", run.profile, "--seed", str(run.seed),
            "--out", str(run.dir), "--quiet"]
    for s in options.sets + run.sets + ["%s=%s" % kv for kv in run.point]:
        line += ["--set", s]
    return line


def run_all(runs, options):
    """Run every run with options.engine; a failed run is run once more (parallel, slurm)."""
    progress = Progress(len(runs))
    if options.engine == "local":
        for run in runs:
            run.command = command(run, options)
        run_local(runs, options, progress)
        return
    for run in runs:  # the other engines' tasks run elsewhere: absolute paths
        run.dir = run.dir.resolve()
        run.command = command(run, options, absolute=True)
    script = write_tasks(runs, Path(options.out).resolve() / TASKS)
    attempt = parallel_attempt if options.engine == "parallel" else slurm_attempt
    batch = list(enumerate(runs))
    for n in (1, 2):
        for _, run in batch:
            clear_outputs(run)
        ok = len(runs) - len(batch)
        attempt(batch, options, script, n, progress, ok)
        batch = [(i, r) for i, r in batch if r.returncode != 0]
        if not batch:
            break
        if n == 1:
            print("%s: %d run(s) failed, running them once more: %s"
                  % (PROG, len(batch), "; ".join(r.name for _, r in batch)),
                  file=sys.stderr, flush=True)
    progress.report(len(runs), len(batch), " (all finished)")
