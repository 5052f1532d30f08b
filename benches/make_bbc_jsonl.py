#!/usr/bin/env python3
"""Builds a large JSONL corpus from the BBC articles in ../shared/data/bbc.

Each pass over the 2,225 articles writes them again with new ids, until the
output reaches the requested size. The text is the publisher's: the output is
for local benchmarks only and must not be committed.

usage: make_bbc_jsonl.py OUT.jsonl [--mb 200] [--bbc ../shared/data/bbc]
"""
import argparse
import json
import pathlib
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=200.0, help="target size in MB (10^6 bytes)")
    ap.add_argument("--bbc", default=str(pathlib.Path(__file__).resolve().parents[1] / "../shared/data/bbc"))
    args = ap.parse_args()
    root = pathlib.Path(args.bbc)
    files = sorted(root.rglob("*.txt"))
    if not files:
        print(f"no articles under {root}", file=sys.stderr)
        return 2
    articles = []
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        rel = f.relative_to(root).with_suffix("").as_posix()
        articles.append((rel, text))
    target = int(args.mb * 1e6)
    written = 0
    copy = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            for rel, text in articles:
                line = json.dumps({"id": f"{copy}/{rel}", "text": text, "corpus": "bbc"}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                if written >= target:
                    break
            copy += 1
    print(f"{args.out}: {written / 1e6:.1f} MB, {copy} passes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
