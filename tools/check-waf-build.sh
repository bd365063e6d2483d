#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Prove that dmm builds and runs as contrib/dmm in a waf-era ns-3 tree (ns-3.35).
#
# Usage: tools/check-waf-build.sh [--tests] [--compare DMM_RUN_3_37] NS3_35_TREE
#
# NS3_35_TREE is an ns-3.35 source tree you fetched (this script does not download it):
#   git clone --branch ns-3.35 --depth 1 https://gitlab.com/nsnam/ns-3-dev.git ns-3.35
#   (or the GitHub mirror: https://github.com/nsnam/ns-3-dev-git, tag ns-3.35)
# The script copies this repository to NS3_35_TREE/contrib/dmm (without build products),
#   ./waf configure -d release --enable-modules=dmm --enable-examples --disable-werror
#                   --disable-python [--enable-tests]
#   ./waf build -j JOBS
# (configure only when the tree is not configured so yet, so that a second run is an
# incremental build: ns-3's own modules take about 40 minutes of CPU), then runs dmm-run
# on a shipped scenario and every example program. --tests also builds ns-3's test library
# and runs `./test.py -s dmm` (the GoogleTest cases through ns-3's runner; set
# DMM_GTEST_FILTER to run a part). --compare runs tools/check-identical.py with the given
# ns-3.37 dmm-run as "before" and this build's as "after" on SCENARIOS (default: all
# shipped scenarios, every profile; doc/dmm.rst, Scope and Limitations, lists the known
# differences between the two ns-3 releases).
# Environment: JOBS (default 2), SCENARIOS (comma-separated file names of scenarios/).
set -euo pipefail

tests=0
compare=
while [[ ${1:-} == --* ]]; do
    case $1 in
        --tests) tests=1 ;;
        --compare) compare=$(realpath "$2"); shift ;;
        *) echo "usage: $0 [--tests] [--compare DMM_RUN_3_37] NS3_35_TREE" >&2; exit 2 ;;
    esac
    shift
done
repo=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}
log() { printf 'check-waf-build: %s\n' "$*"; }

if [[ $# -ne 1 || ! -x ${1}/waf ]]; then
    log "give the path of an ns-3.35 source tree (with its ./waf); fetch one with" >&2
    log "  git clone --branch ns-3.35 --depth 1 https://gitlab.com/nsnam/ns-3-dev.git ns-3.35" >&2
    exit 2
fi
tree=$(cd "$1" && pwd)
log "ns-3 tree: $tree ($(cat "$tree/VERSION" 2>/dev/null || echo 'no VERSION'))"

# --- 1. the module as contrib/dmm ------------------------------------------------------------
dest="$tree/contrib/dmm"
rm -rf "$dest"
mkdir -p "$dest"
# waf compares file contents, so a fresh copy rebuilds only what changed.
(cd "$repo" && tar -cf - --exclude=./.git --exclude=./build --exclude='./build-*' \
    --exclude='./build_*' --exclude=./results --exclude=__pycache__ .) | tar -xf - -C "$dest"
log "copied $repo to $dest"

# --- 2. configure (once) and build -----------------------------------------------------------
cd "$tree"
flags=(-d release --enable-modules=dmm --enable-examples --disable-werror --disable-python)
[[ $tests -eq 1 ]] && flags+=(--enable-tests)
# waf's lock file records the configure command line; configure only when a flag is missing
# from it, so that nothing of ns-3 is rebuilt needlessly.
configured=$(sed -n 's/^argv = //p' .lock-waf_*_build 2>/dev/null || true)
missing=0
for f in "${flags[@]}"; do
    grep -qF -- "'$f'" <<<"$configured" || missing=1
done
if [[ $missing -eq 1 ]]; then
    log "configuring: ./waf configure ${flags[*]}"
    /usr/bin/python3 ./waf configure "${flags[@]}"
fi
log "building with $jobs jobs"
start=$(date +%s)
/usr/bin/python3 ./waf build -j "$jobs"
log "build finished in $(($(date +%s) - start)) s"

# --- 3. run what a user of the tree gets -----------------------------------------------------
export LD_LIBRARY_PATH="$tree/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
program() { find "$tree/build/contrib/dmm" -maxdepth 2 -type f -perm -u+x -name "ns3*-$1*" | head -n1; }
runner=$(program dmm-run)
[[ -n $runner ]] || { log "dmm-run was not built" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$runner" "$repo/scenarios/pmipv6-hierarchical.json" --out "$out/pmipv6" --quiet
log "dmm-run: $(tr -d ' \n' <"$out/pmipv6/summary.json" | grep -o '"handovers":{"count":[0-9]*' ||
    echo 'no summary')"
examples=$(sed -n 's/^ *NAME \([A-Za-z0-9_-]*\).*/\1/p' "$repo/examples/CMakeLists.txt")
for name in $examples; do
    [[ $name == dmm-run ]] && continue
    exe=$(program "$name")
    if [[ $name == plain-ns3-baseline && -z $exe ]]; then
        # The benchmark's plain-ns-3 reference needs ns-3's csma module, which
        # --enable-modules=dmm leaves out; waf then skips the program without a word.
        log "$name: not built (add csma to --enable-modules to have it)"
        continue
    fi
    [[ -n $exe ]] || { log "$name was not built" >&2; exit 1; }
    "$exe" --verbose=0 >"$out/$name.log" 2>&1 || { cat "$out/$name.log" >&2; log "$name failed" >&2; exit 1; }
    log "$name: $(grep -o 'ladder: ok' "$out/$name.log" || echo ran)"
done

if [[ $tests -eq 1 ]]; then
    log "./test.py -s dmm"
    /usr/bin/python3 ./test.py --no-build -s dmm
fi

if [[ -n $compare ]]; then
    log "comparing with $compare (ns-3.37)"
    "$repo/tools/check-identical.py" --before "$compare" --after "$runner" \
        --out "$out/identical" --jobs "$jobs" ${SCENARIOS:+--scenarios "$SCENARIOS"}
fi
log "OK: dmm builds and runs as contrib/dmm in ns-3 $(cat VERSION)"
