#!/usr/bin/env bash
# Runs every fuzz target in turn, one process each, for SECONDS (default
# 600) apiece, and prints the executions of each run.
#
# usage: fuzz/run.sh [SECONDS] [TARGET...]
#
# Stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass -Zsanitizer=address.
# Crashes are saved under fuzz/artifacts/<target>/; each run's libFuzzer log
# is kept as fuzz/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(text jsonl gazetteer quotes)

export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}
[[ -d fuzz/corpus/text ]] || fuzz/seed.sh
cargo fuzz build
mkdir -p fuzz/logs
status=0
for t in "${targets[@]}"; do
    extra=()
    [[ -f fuzz/dict/$t.dict ]] && extra=(-dict="fuzz/dict/$t.dict")
    # Building a pipeline per input is slow on long gazetteer files.
    [[ $t == gazetteer ]] && extra+=(-max_len=4096)
    # -jobs=1 runs the fuzzer in one child process that logs to fuzz-0.log.
    if ! cargo fuzz run "$t" "fuzz/corpus/$t" -- "${extra[@]}" \
        -max_total_time="$seconds" -jobs=1 -print_final_stats=1 > "fuzz/logs/$t.run" 2>&1; then
        status=1
    fi
    mv fuzz-0.log "fuzz/logs/$t.log"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/logs/$t.log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "fuzz/logs/$t.log" | grep -o '[0-9]*$' || echo "?")
    crashes=$(find "fuzz/artifacts/$t" -type f 2>/dev/null | wc -l)
    # A crash ends the run early: the time is the executions over the rate.
    echo "$t: $runs executions at $rate/s (limit ${seconds} s); artifacts: $crashes"
done
exit $status
