#!/usr/bin/env bash
# Build dmm, run the reference scenario under PMIPv6 and without mobility
# support, and plot the comparison into results/plots.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/bootstrap.sh
cmake -S . -B build -G Ninja
cmake --build build -j"$(nproc)"

scenario=scenarios/pmipv6-hierarchical.json
build/dmm-run "$scenario" --out results/pmipv6
build/dmm-run "$scenario" --profile none --out results/none
analysis/dmm_plot.py results/pmipv6 results/none --out results/plots
echo "run-main: results in results/pmipv6, results/none; plots in results/plots"
