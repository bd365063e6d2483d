#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build dmm and run every test (GoogleTest suites and script checks) with ctest; then
# build the sanitizer and fuzzing variant (clang, ASan + UBSan, cmake/fuzz.cmake) into
# build-fuzz, run every fuzz target for a fixed number of executions (tools/fuzz.sh --ci)
# and the whole test suite again under the sanitizers.
# ctest's own last line ("Total Test time ...") is left as the last output line.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/bootstrap.sh
cmake -S . -B build -G Ninja
cmake --build build -j"$(nproc)"

status=0
ctest --test-dir build --output-on-failure -j2 || status=$?

tools/bootstrap.sh --fuzz
# The sanitizer options hold for the build too: it runs dmm-test to list its tests.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=64
export LSAN_OPTIONS=suppressions=$PWD/test/fuzz/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake -S . -B build-fuzz -G Ninja -DDMM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
cmake --build build-fuzz -j"$(nproc)"
tools/fuzz.sh --ci --build build-fuzz || status=1
# Left out of the sanitized run: the Python checks of the tools (compare, analysis,
# figures, sweep-*: they test scripts, not memory); and the conservation matrix of the
# 20-node comparison (about a third of the sanitized run's time; the same agents run
# under the sanitizers in every other shipped scenario's matrix).
ctest --test-dir build-fuzz --output-on-failure -j2 \
    -E '^(compare$|analysis$|figures$|sweep-(local|parallel|slurm)$|Shipped/ConservationMatrix\..*/dmm_comparison_3x4)' ||
    status=1
exit "$status"
