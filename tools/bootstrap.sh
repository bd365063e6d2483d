#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Install the Debian packages dmm needs, and only those that are missing.
#
# Idempotent and non-interactive: a second run installs nothing and does not
# touch the network. Runs as root, or through sudo when available.
#
#   tools/bootstrap.sh          what the normal (gcc) build, tests and analysis need
#   tools/bootstrap.sh --fuzz   also clang and its compiler-rt (libFuzzer, ASan, UBSan)
#                               for the sanitizer and fuzzing build (cmake/fuzz.cmake)
set -euo pipefail

# ns3 and the three -dev packages are needed by ns-3's CMake config itself
# (see NS3-NOTES.md); the rest are our own build, test and analysis tools.
packages=(
    ns3 libns3-dev libgsl-dev libsqlite3-dev libxml2-dev
    libboost-graph-dev libfmt-dev nlohmann-json3-dev libgtest-dev
    cmake ninja-build g++ ccache
    python3 python3-matplotlib python3-docutils
    tshark
    # The sweep engines' tests (test/sweep-engines-test.py): a one-node Slurm cluster
    # (controller, node daemon, sbatch/squeue/sacct, munge authentication) and GNU parallel.
    slurmctld slurmd slurm-client munge parallel
)
if [[ ${1:-} == --fuzz ]]; then
    # Debian's default clang and the compiler-rt of that same version (the two come from
    # one source package, so their versions always match).
    packages+=(clang libclang-rt-dev)
fi

log() { printf 'bootstrap: %s\n' "$*"; }

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    as_root=()
fi

installed() {
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    log "all ${#packages[@]} packages already installed"
    exit 0
fi

if [[ $(id -u) -ne 0 && ${#as_root[@]} -eq 0 ]]; then
    log "missing packages: ${missing[*]}" >&2
    log "not root and sudo is not available: install them as root, then re-run" >&2
    exit 1
fi

log "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# tshark's postinst would otherwise ask whether non-root users may capture.
echo 'wireshark-common wireshark-common/install-setuid boolean false' |
    "${as_root[@]}" debconf-set-selections
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
# The daemons the tests start themselves (slurmctld, slurmd, munged) must not be started
# by their packages: on a machine without a policy-rc.d, one that refuses every start is
# put in place for the installation only (the tests configure the daemons in a temp dir).
policy=/usr/sbin/policy-rc.d
own_policy=0
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
    "${as_root[@]}" chmod 755 "$policy"
    own_policy=1
fi
install_status=0
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" || install_status=$?
if [[ $own_policy -eq 1 ]]; then
    "${as_root[@]}" rm -f "$policy"
fi
[[ $install_status -eq 0 ]] || exit "$install_status"

still=()
for p in "${missing[@]}"; do
    installed "$p" || still+=("$p")
done
if [[ ${#still[@]} -ne 0 ]]; then
    log "still missing after apt-get install: ${still[*]}" >&2
    exit 1
fi
log "installed: ${missing[*]}"
