#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Prove that dmm builds unchanged as contrib/dmm inside Debian's ns-3.37 source tree.
#
# Usage: tools/check-in-tree-build.sh [--reuse-tree] [--full] [--tests] [WORK_DIR]
#        (WORK_DIR default: ./build-intree)
#
# Fetches Debian's ns3 source package with apt-get through a private sources
# list (the system's apt lists are not touched), unpacks ns-3.37 into WORK_DIR,
# copies this repository to contrib/dmm (without build directories), then
#   ./ns3 configure -d release -G Ninja --enable-examples --enable-tests --enable-modules="dmm;csma"
#   ./ns3 build            (as `cmake --build cmake-cache -j JOBS`, see below)
# By default only the module's own targets (libdmm, its examples, dmm-test) and what they
# depend on are built, which is what proves the module; --full builds every target
# of the configuration, including the test suites of all ns-3 modules dmm uses.
# --tests also builds ns-3's test-runner (the test libraries of every enabled module)
# and runs `./test.py --no-build -s dmm`: the GoogleTest cases under ns-3's own runner
# (DMM_GTEST_FILTER selects cases).
# Environment: JOBS (default 2). The downloaded tarball is kept in
# WORK_DIR/download and reused. The tree is unpacked afresh each run unless
# --reuse-tree is given: then only contrib/dmm is replaced and the build is
# incremental (ns-3's own modules are not rebuilt). A full build takes about
# 10-15 minutes on two cores.
set -euo pipefail

reuse=0
full=0
tests=0
while [[ ${1:-} == --* ]]; do
    case $1 in
        --reuse-tree) reuse=1 ;;
        --full) full=1 ;;
        --tests) tests=1 ;;
        *) echo "usage: $0 [--reuse-tree] [--full] [--tests] [WORK_DIR]" >&2; exit 2 ;;
    esac
    shift
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:-$repo/build-intree}" && cd "${1:-$repo/build-intree}" && pwd)
jobs=${JOBS:-2}
log() { printf 'check-in-tree-build: %s\n' "$*"; }

# --- 1. Debian's source package, through a private apt configuration --------------------
download="$work/download"
apt_dir="$download/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/parts"
tarball=$(ls "$download"/ns3_3.37.orig.tar.* 2>/dev/null | head -n1 || true)
if [[ -z $tarball ]]; then
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]" \
        "http://deb.debian.org/debian $codename main" >"$apt_dir/sources.list"
    apt_opts=(
        -o "Dir::Etc::SourceList=$apt_dir/sources.list"
        -o "Dir::Etc::SourceParts=$apt_dir/parts"
        -o "Dir::State::Lists=$apt_dir/lists"
        # No shared binary caches: they would be rebuilt from our private lists.
        -o "Dir::Cache::pkgcache="
        -o "Dir::Cache::srcpkgcache="
    )
    log "fetching Debian's ns3 source package ($codename) into $download"
    apt-get "${apt_opts[@]}" update -q
    (cd "$download" && apt-get "${apt_opts[@]}" source --download-only ns3)
    tarball=$(ls "$download"/ns3_3.37.orig.tar.* 2>/dev/null | head -n1 || true)
    if [[ -z $tarball ]]; then
        log "no ns3_3.37.orig.tar.* after apt-get source (is the source package 3.37?)" >&2
        ls -l "$download" >&2
        exit 1
    fi
fi
log "using $tarball"

# --- 2. a fresh ns-3.37 tree with the module as contrib/dmm -------------------------------
src="$work/src"
if [[ $reuse -eq 0 || ! -d $src ]]; then
    rm -rf "$src"
    mkdir -p "$src"
    tar -xf "$tarball" -C "$src"
fi
tree=$(find "$src" -mindepth 1 -maxdepth 3 -type f -name ns3 -path '*/ns-3.37/ns3' -printf '%h\n' |
    head -n1)
if [[ -z $tree ]]; then
    log "no ns-3.37/ns3 in $tarball" >&2
    exit 1
fi
log "ns-3 tree: $tree"

dest="$tree/contrib/dmm"
rm -rf "$dest"
mkdir -p "$dest"
# Everything tracked or untracked in the repository except build products, results
# and this script's own work directory.
(cd "$repo" && tar -cf - \
    --exclude='./.git' --exclude='./build' --exclude='./build-*' --exclude='./build_*' \
    --exclude='./results' --exclude='./ns3-src' --exclude='__pycache__' \
    --exclude="./$(realpath --relative-to="$repo" "$work" 2>/dev/null || echo .none)" \
    .) | tar -xmf - -C "$dest"
# -m: the copies get the current time. Kept source times can be older than objects of a
# previous --reuse-tree build that were compiled from other contents, and ninja would then
# link stale objects (a changed struct read through an old layout: a crash).
log "copied $repo to $dest ($(find "$dest" -type f | wc -l) files)"

# --- 3. configure and build with ns-3's own driver ------------------------------------------
cd "$tree"
log "configuring"
# csma besides dmm: ns-3.37's own src/test (part of test-runner, which test.py runs) compiles
# ns3tcp-socket-test-suite.cc, which uses CsmaHelper, whenever applications and
# point-to-point are enabled, without asking for csma; with dmm's dependencies alone the
# test-runner does not link.
./ns3 configure -d release -G Ninja --enable-examples --enable-tests --enable-modules="dmm;csma"
# `./ns3 build` of 3.37 ignores -j/--jobs and always runs `cmake --build . -j <cpus-1>`
# in cmake-cache; call that command directly to get the requested number of jobs.
targets=()
if [[ $full -eq 0 ]]; then
    known=$(ninja -C cmake-cache -t targets all | sed -n 's/^\([^:]*\): .*/\1/p')
    # Every program examples/CMakeLists.txt names, besides the library and the tests.
    examples=$(sed -n 's/^ *NAME \([A-Za-z0-9_-]*\).*/\1/p' "$repo/examples/CMakeLists.txt")
    extra=
    [[ $tests -eq 1 ]] && extra=test-runner # every enabled module's test library
    for t in libdmm $examples dmm-test $extra; do
        if grep -qx "$t" <<<"$known"; then
            targets+=("$t")
        fi
    done
    if [[ ${#targets[@]} -eq 0 ]]; then
        log "the configuration has no dmm targets (was contrib/dmm processed?)" >&2
        exit 1
    fi
fi
log "building ${targets[*]:-all targets} with $jobs jobs"
start=$(date +%s)
cmake --build cmake-cache -j "$jobs" ${targets[@]:+--target "${targets[@]}"}
log "build finished in $(($(date +%s) - start)) s"

# --- 4. what a user of the tree gets ---------------------------------------------------------
lib=$(find "$tree/build/lib" -name 'libns3.37-dmm*.so' ! -name '*-test*' | head -n1)
exe=$(find "$tree/build" -type f -name 'ns3.37-dmm-run*' -perm -u+x | head -n1)
[[ -n $lib ]] || { log "libns3.37-dmm*.so was not built" >&2; exit 1; }
[[ -n $exe ]] || { log "the dmm-run example was not built" >&2; exit 1; }
log "library: $lib"
log "example: $exe"
if [[ $tests -eq 1 ]]; then
    # ns-3's own runner: the GoogleTest cases as test suite "dmm" (DMM_GTEST_FILTER selects).
    log "./test.py --no-build -s dmm"
    /usr/bin/python3 ./test.py --no-build -s dmm
fi
log "OK: dmm builds as contrib/dmm in ns-3.37"
