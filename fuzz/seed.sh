#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/) from the project's fixtures.
# The corpora are not committed: rerun this after a fresh clone. Existing
# corpus files are kept, so a corpus grown by earlier runs is not lost.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=fuzz/corpus
mkdir -p "$corpus"/{text,jsonl,gazetteer,quotes}

# text: every fixture article and bad input, as the bytes of a .txt file.
for f in fixtures/articles/*.txt fixtures/bad/*; do
    cp "$f" "$corpus/text/$(basename "$f")"
done

# jsonl: each line of the bad JSONL fixture, and each article as a line.
n=0
while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    printf '%s' "$line" > "$corpus/jsonl/mixed-$n"
done < fixtures/bad/mixed.jsonl
python3 - "$corpus/jsonl" fixtures/articles/*.txt <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    p = pathlib.Path(name)
    text = p.read_bytes().decode("utf-8", "replace")
    line = json.dumps({"id": p.stem, "title": text.split("\n")[0], "text": text, "url": "https://example.com/"},
                      ensure_ascii=False)
    (out / p.stem).write_text(line, encoding="utf-8")
PY

# gazetteer: the head of each bundled list, mode byte first (1: on top of a
# few countries, so that country codes resolve).
for f in gazetteers/*.tsv; do
    { printf '\001'; head -n 40 "$f"; } > "$corpus/gazetteer/$(basename "$f" .tsv)"
done

# quotes: structured input; fixture bytes make a varied start.
for f in fixtures/articles/*.txt; do
    head -c 2048 "$f" > "$corpus/quotes/$(basename "$f")"
done

for t in text jsonl gazetteer quotes; do
    echo "$corpus/$t: $(ls "$corpus/$t" | wc -l) files"
done
