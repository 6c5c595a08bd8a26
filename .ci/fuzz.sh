#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang and the sanitizers, and runs each for a bounded
# time (FUZZ_SECONDS, default 20) from the corpus in the repository. New inputs go to a scratch copy;
# a crash leaves its input in build/fuzz/crashes/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}

echo "== fuzz (build)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

mkdir -p build/fuzz/crashes
for target in replyparser addressparser headerencoder headerdecoder autoconfig mailtouri draft; do
    echo "== fuzz $target (${seconds} s)"
    scratch=$(mktemp -d)
    cp tests/fuzz/corpus/"$target"/* "$scratch"/
    log=build/fuzz/"$target".log
    status=0
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        build/fuzz/tests/fuzz/fuzz_"$target" "$scratch" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix=build/fuzz/crashes/"$target"- -print_final_stats=1 >"$log" 2>&1 ||
        status=$?
    grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
    rm -rf "$scratch"
    if [[ $status -ne 0 ]]; then
        tail -n 60 "$log"
        echo "fuzz_$target failed (exit $status); the input is in build/fuzz/crashes/"
        exit 1
    fi
done
