#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build dmm, run the reference scenario under the default profile list of
# tools/dmm-compare (PMIPv6 and no mobility support) and compare them:
# results/<profile>/seed-<N>/, results/comparison.{csv,md}, plots in results/plots.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/bootstrap.sh
cmake -S . -B build -G Ninja
cmake --build build -j"$(nproc)"

scenario=scenarios/pmipv6-hierarchical.json
tools/dmm-compare "$scenario" --out results
cat results/comparison.md
echo "run-main: results in results/<profile>/seed-<N>/, table in results/comparison.md" \
     "and results/comparison.csv; plots in results/plots"
