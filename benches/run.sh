#!/usr/bin/env bash
# End-to-end throughput and memory of `whosaid extract`, for BENCHMARKS.md.
#
#   bash benches/run.sh [MB]      # default 200 MB of BBC-derived JSONL
#
# Needs ../shared/data/bbc (the BBC corpus) and GNU time (/usr/bin/time).
# Builds the release binary, a JSONL corpus of about MB megabytes from the
# BBC articles, and a 1,000,000-form people gazetteer, then times:
#   1. -j1 and -j2 with the bundled gazetteers (wall, user, peak RSS, MB/s);
#   2. -j2 with the million-form people list added;
#   3. start-up alone with that list.
# Output goes to /dev/null; the corpus and list are kept in $WORK (default
# /tmp/whosaid-bench) so reruns skip building them.
#
#   RUNS=5 bash benches/run.sh            # median of 5 runs of each command
#   RUNS=5 BASELINE=/tmp/old-whosaid bash benches/run.sh
#                                         # alternate with another build, and
#                                         # report the median ratio of the pairs
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-200}
WORK=${WORK:-/tmp/whosaid-bench}
mkdir -p "$WORK"
cargo build --release -q
BIN=target/release/whosaid
CORPUS="$WORK/bbc-$MB.jsonl"
PEOPLE="$WORK/people-1m.tsv"
[ -s "$CORPUS" ] || python3 benches/make_bbc_jsonl.py "$CORPUS" --mb "$MB"
[ -s "$PEOPLE" ] || python3 benches/make_people.py "$PEOPLE" --aliases 1000000

RUNS=${RUNS:-1}
BASELINE=${BASELINE:-}

# One timed run of a command: prints "wall user rss_kb".
once() {
    /usr/bin/time -f "%e %U %M" -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt" || true
    cat "$WORK/time.txt"
}

# The run with the median wall time of a list of "wall user rss_kb" lines.
median() {
    sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

report() { # label, "wall user rss_kb"
    local wall user rss bytes
    read -r wall user rss <<< "$2"
    bytes=$(stat -c %s "$CORPUS")
    printf '%-34s wall %6.2f s  user %6.2f s  peak RSS %5d MB  %7.1f MB/s\n' \
        "$1" "$wall" "$user" "$((rss / 1024))" "$(echo "$bytes / 1000000 / $wall" | bc -l)"
}

# Runs the command RUNS times and reports the median run. With BASELINE set
# to another whosaid binary, runs alternate between the two and both are
# reported: this machine's speed drifts from minute to minute by more than
# most changes, and alternating lets both builds see the same drift.
measure() { # label, then the command with $BIN first
    local label=$1; shift
    local rest=("${@:2}") ours=() theirs=()
    for _ in $(seq "$RUNS"); do
        [ -n "$BASELINE" ] && theirs+=("$(once "$BASELINE" "${rest[@]}")")
        ours+=("$(once "$BIN" "${rest[@]}")")
    done
    report "$label" "$(printf '%s\n' "${ours[@]}" | median)"
    if [ -n "$BASELINE" ]; then
        report "  baseline" "$(printf '%s\n' "${theirs[@]}" | median)"
        # Each pair ran back to back, so its ratio is the least disturbed
        # by the machine's drift: report their median, and how many pairs
        # this build won.
        local i ratios=() won=0
        for i in "${!ours[@]}"; do
            read -r o _ <<< "${ours[$i]}"
            read -r t _ <<< "${theirs[$i]}"
            ratios+=("$(echo "$o / $t" | bc -l)")
            if (( $(echo "$o < $t" | bc -l) )); then won=$((won + 1)); fi
        done
        printf '  %-32s median wall ratio %.3f (this build faster in %d of %d pairs)\n' \
            "" "$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ r[NR] = $0 } END { print (r[int((NR + 1) / 2)] + r[int(NR / 2) + 1]) / 2 }')" \
            "$won" "${#ours[@]}"
    fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $CORPUS ($(($(stat -c %s "$CORPUS") / 1000000)) MB)"
measure "extract --jsonl -j1" $BIN extract "$CORPUS" --jsonl -j1 --quiet
measure "extract --jsonl -j2" $BIN extract "$CORPUS" --jsonl -j2 --quiet
measure "extract -j2 + 1M-form people list" $BIN extract "$CORPUS" --jsonl -j2 --quiet --add-gazetteer "$PEOPLE"
/usr/bin/time -f "%e %M" -o "$WORK/time.txt" $BIN gazetteer check --add-gazetteer "$PEOPLE" > /dev/null
read -r wall rss < "$WORK/time.txt"
printf '%-34s wall %6.2f s  peak RSS %5d MB\n' "load + check 1M-form people list" "$wall" "$((rss / 1024))"
echo '{"id":"x","text":"Wang Yi met Ajit Doval."}' > "$WORK/one.jsonl"
/usr/bin/time -f "%e %M" -o "$WORK/time.txt" $BIN extract "$WORK/one.jsonl" --quiet --add-gazetteer "$PEOPLE" > /dev/null
read -r wall rss < "$WORK/time.txt"
printf '%-34s wall %6.2f s  peak RSS %5d MB\n' "start-up with 1M-form people list" "$wall" "$((rss / 1024))"
