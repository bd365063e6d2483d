#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Run the libFuzzer targets of test/fuzz (built by: cmake -S . -B build-fuzz -G Ninja
# -DDMM_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ && cmake --build build-fuzz).
#
#   tools/fuzz.sh [--time SECONDS] [--jobs N] [--build DIR] [TARGET...]   a campaign
#   tools/fuzz.sh --ci [--build DIR]                                      what CI runs
#
# A campaign fuzzes each TARGET (default: all) for SECONDS (default 600) of its own,
# N targets at a time (default 1), restarting a target after a crash until its time is
# up. --ci runs every target for a fixed number of executions with a fixed seed (the
# same inputs every time) and fails if any crashes. Corpora grow in DIR/fuzz-work/corpus/
# (seeded by fuzz-seeds), crash inputs are kept in DIR/fuzz-work/crashes/<target>/, logs
# in DIR/fuzz-work/logs/. The table at the end gives per target: executions, exec/s,
# coverage (libFuzzer's cov: edges, ft: features), corpus size, crashes and where they are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

targets_all=(mh-receive mobility-options nd-options hao rh2 scenario
    packet-pmipv6 packet-mipv6 packet-dmm)
# Executions per target under --ci: the parsers take microseconds an input, the packet
# targets run a 2 s scenario per input (about 0.1 s of CPU each) and have 280 seeds.
declare -A ci_runs=([mh-receive]=100000 [mobility-options]=200000 [nd-options]=200000
    [hao]=200000 [rh2]=200000 [scenario]=3000
    [packet-pmipv6]=400 [packet-mipv6]=400 [packet-dmm]=400)

usage() { sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

time_each=600 jobs=1 build="$root/build-fuzz" ci=0 targets=()
while [[ $# -gt 0 ]]; do
    case $1 in
    --time) time_each=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --ci) ci=1 jobs=$(nproc); shift ;;
    -h | --help) usage ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; usage ;;
    *) targets+=("$1"); shift ;;
    esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=("${targets_all[@]}")
for t in "${targets[@]}"; do
    [[ -x $build/fuzz/fuzz-$t ]] || { echo "fuzz.sh: no $build/fuzz/fuzz-$t" >&2; exit 2; }
done

work=$build/fuzz-work
mkdir -p "$work/logs"
"$build/fuzz/fuzz-seeds" "$work/seeds"
cat "$root/test/fuzz/mh.dict" "$root/test/fuzz/nd.dict" >"$work/packet.dict"
# ns-3's own leaks and reports, each with its reason, are in the suppression file.
# A smaller quarantine than the default 256 MB: the packet targets free a whole
# simulation per input, and the default let them grow past 800 MB.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:quarantine_size_mb=64}
export LSAN_OPTIONS=suppressions=$root/test/fuzz/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

dict_for() {
    case $1 in
    nd-options) echo "$root/test/fuzz/nd.dict" ;;
    scenario) echo "$work/seeds/scenario.dict" ;;
    packet-*) echo "$work/packet.dict" ;;
    *) echo "$root/test/fuzz/mh.dict" ;;
    esac
}

# Fuzz one target; its log gets one "#fuzz.sh" line per libFuzzer run.
fuzz_one() {
    local t=$1 log=$work/logs/$1.log
    local corpus=$work/corpus/$t crashes=$work/crashes/$t/
    mkdir -p "$corpus" "$crashes"
    : >"$log"
    local args=(-dict="$(dict_for "$t")" -artifact_prefix="$crashes" -print_final_stats=1
        -timeout=60 -rss_limit_mb=4096)
    if [[ $ci -eq 1 ]]; then
        "$build/fuzz/fuzz-$t" "${args[@]}" -seed=1 -runs="${ci_runs[$t]}" \
            "$corpus" "$work/seeds/$t" >>"$log" 2>&1 && echo "#fuzz.sh ok" >>"$log" ||
            echo "#fuzz.sh crash" >>"$log"
        return
    fi
    local end=$((SECONDS + time_each)) seed=1
    while [[ $SECONDS -lt $end ]]; do
        "$build/fuzz/fuzz-$t" "${args[@]}" -seed=$seed -max_total_time=$((end - SECONDS)) \
            "$corpus" "$work/seeds/$t" >>"$log" 2>&1 && echo "#fuzz.sh ok" >>"$log" ||
            echo "#fuzz.sh crash" >>"$log"
        seed=$((seed + 1))
    done
}

# One row of the table from a target's log.
report() {
    local t=$1 log=$work/logs/$1.log
    awk -v t="$t" -v dir="$work/crashes/$t" -v corpus="$(find "$work/corpus/$t" -type f | wc -l)" '
        /^stat::number_of_executed_units:/ { execs += $2 }
        /^stat::average_exec_per_sec:/ { rate = $2 }
        / cov: / { for (i = 1; i < NF; i++) { if ($i == "cov:") cov = $(i + 1); if ($i == "ft:") ft = $(i + 1) } }
        /^#fuzz.sh crash/ { crashes++ }
        END { printf "%-17s %10d %8s %6s %7s %7d %7d  %s\n", t, execs, rate, cov, ft, corpus,
              crashes, (crashes ? dir : "-") }' "$log"
}

running=0
for t in "${targets[@]}"; do
    fuzz_one "$t" &
    running=$((running + 1))
    if [[ $running -ge $jobs ]]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

printf "%-17s %10s %8s %6s %7s %7s %7s  %s\n" target execs exec/s cov ft corpus crashes "crash inputs"
status=0
for t in "${targets[@]}"; do
    report "$t"
    if grep -q '^#fuzz.sh crash' "$work/logs/$t.log"; then
        status=1
        if [[ $ci -eq 1 ]]; then
            echo "--- $t: end of $work/logs/$t.log" >&2
            tail -n 40 "$work/logs/$t.log" >&2
        fi
    fi
done
exit "$status"
