#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Build dmm and run every test (GoogleTest suites and script checks) with ctest.
# ctest's own last line ("Total Test time ...") is left as the last output line.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/bootstrap.sh
cmake -S . -B build -G Ninja
cmake --build build -j"$(nproc)"

status=0
ctest --test-dir build --output-on-failure -j2 || status=$?
exit "$status"
