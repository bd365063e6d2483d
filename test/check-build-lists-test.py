#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Test test/check-build-lists.py: each kind of mismatch fails and names the file.

Usage: check-build-lists-test.py [REPO_ROOT]

Works on copies of the repository's build descriptions in a temporary folder.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
CHECK = ROOT / "test" / "check-build-lists.py"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: %s" % what)


def fresh(tmp):
    tree = tmp / "repo"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir()
    for name in ("CMakeLists.txt", "wscript"):
        shutil.copy(ROOT / name, tree / name)
    for name in ("model", "helper", "examples"):
        shutil.copytree(ROOT / name, tree / name)
    return tree


def run(tree, *extra):
    return subprocess.run([sys.executable, str(CHECK), *extra, str(tree)],
                          capture_output=True, text=True, timeout=60)


def first_listed(tree, suffix):
    for line in (tree / "wscript").read_text().splitlines():
        s = line.strip().strip(",").strip("'")
        if s.startswith("model/") and s.endswith(suffix):
            return s
    raise SystemExit("no model/*%s in wscript" % suffix)


def main():
    tmp = Path(tempfile.mkdtemp(prefix="dmm-build-lists-test-"))
    try:
        tree = fresh(tmp)
        r = run(tree)
        check(r.returncode == 0, "the repository's lists agree: %s" % r.stderr.strip())

        # A source dropped from wscript only.
        cc = first_listed(tree, ".cc")
        ws = tree / "wscript"
        ws.write_text(ws.read_text().replace("'%s',\n" % cc, "", 1))
        r = run(tree)
        check(r.returncode != 0 and cc in r.stderr and "not in wscript" in r.stderr,
              "a source missing from wscript is named: %s" % r.stderr.strip())
        # --sync-wscript restores it from CMakeLists.txt.
        r = run(tree, "--sync-wscript")
        check(r.returncode == 0 and "'%s'," % cc in ws.read_text(),
              "--sync-wscript restores the list: %s" % r.stderr.strip())

        # A header dropped from CMakeLists.txt only.
        tree = fresh(tmp)
        h = first_listed(tree, ".h")
        cm = tree / "CMakeLists.txt"
        cm.write_text(cm.read_text().replace("    %s\n" % h, "", 1))
        r = run(tree)
        check(r.returncode != 0 and h in r.stderr and "not in CMakeLists.txt" in r.stderr,
              "a header missing from CMakeLists.txt is named: %s" % r.stderr.strip())

        # A listed file that does not exist.
        tree = fresh(tmp)
        (tree / cc).unlink()
        r = run(tree)
        check(r.returncode != 0 and "%s is listed but does not exist" % cc in r.stderr,
              "a missing listed file is named: %s" % r.stderr.strip())

        # A file under model/ listed nowhere.
        tree = fresh(tmp)
        (tree / "model" / "forgotten-file.cc").write_text("")
        r = run(tree)
        check(r.returncode != 0 and "model/forgotten-file.cc" in r.stderr,
              "an unlisted model file is named: %s" % r.stderr.strip())

        # An example source only wscript knows.
        tree = fresh(tmp)
        ws = tree / "wscript"
        ws.write_text(ws.read_text().replace("'examples/dmm-run.cc',",
                                             "'examples/dmm-run.cc', 'examples/extra.cc',"))
        r = run(tree)
        check(r.returncode != 0 and "examples/extra.cc" in r.stderr,
              "an example source only in wscript is named: %s" % r.stderr.strip())

        # An unreadable wscript.
        (tree / "wscript").write_text("def build(bld):\n    module = (\n")
        r = run(tree)
        check(r.returncode != 0 and "wscript" in r.stderr, "a broken wscript fails")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all build-list checker checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
