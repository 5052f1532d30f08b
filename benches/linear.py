#!/usr/bin/env python3
"""Times whosaid on inputs that would expose super-linear work: one news-like
article on a single line at 12.5, 25 and 50 MB, and 100,000 (and 1,000,000)
quote marks, and prints the throughput of each. Linear time shows as a flat
MB/s column. A timing record, not a test: nothing fails.

usage: benches/linear.py [--bin target/release/whosaid] [--keep DIR]
Build first: cargo build --release
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile
import time

SENTENCE = ('Chinese Foreign Minister Wang Yi said on Monday that "the talks went well", according to '
            'the ministry. He added: \u201cWe will never give up.\u201d \U0001F642 ')
MARKS = ['"', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', "''", '\u201e', "'"]


def article(size: int) -> bytes:
    data = SENTENCE.encode() * (size // len(SENTENCE.encode()) + 1)
    return data[:size].decode("utf-8", "ignore").encode()


def quote_marks(n: int) -> bytes:
    parts = ["Wang Yi said: "]
    for i in range(n):
        parts.append(MARKS[i % len(MARKS)])
        if i % 7 == 0:
            parts.append(" we won ")
        if i % 1000 == 0:
            parts.append("\n\n")
    return "".join(parts).encode()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(pathlib.Path(__file__).resolve().parents[1] / "target/release/whosaid"))
    ap.add_argument("--keep", help="write the inputs here instead of a temporary directory")
    args = ap.parse_args()
    if not pathlib.Path(args.bin).exists():
        print(f"{args.bin} not found: run cargo build --release", file=sys.stderr)
        return 2
    inputs = [
        ("one-line article, 12.5 MB", lambda: article(12_500_000)),
        ("one-line article, 25 MB", lambda: article(25_000_000)),
        ("one-line article, 50 MB", lambda: article(50_000_000)),
        ("100,000 quote marks", lambda: quote_marks(100_000)),
        ("1,000,000 quote marks", lambda: quote_marks(1_000_000)),
        # Cues and no sentence break: every cue's content runs on.
        ('"said " x 200,000', lambda: b"said " * 200_000),
        ('"said " x 2,000,000', lambda: b"said " * 2_000_000),
        ('"said, " x 1,000,000', lambda: b"said, " * 1_000_000),
        # Coordinated cues in one sentence, each looking back for its subject.
        ('"plans and says he " x 100k', lambda: b"plans and says he " * 100_000),
        ('"he said it and warned that " x 40k', lambda: b"he said it and warned that " * 40_000),
        # Infinitive chains, relative clauses with asides, closing parentheses.
        ('"He went on to say that " x 40k', lambda: b"He went on to say that " * 40_000),
        ('"X, who said that, a, " x 50k', lambda: b"X, who said that, a, " * 50_000),
        ('"Noting that " + ") " x 500k', lambda: b"Noting that " + b") " * 500_000 + b", he said it."),
        ('"Wang and officials said " x 40k', lambda: b"Wang and officials said " * 40_000),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(args.keep or tmp)
        root.mkdir(parents=True, exist_ok=True)
        print(f"{'input':<28} {'MB':>7} {'wall s':>8} {'MB/s':>7} {'extract s':>10} {'MB/s':>7}")
        for i, (name, make) in enumerate(inputs):
            path = root / f"input-{i}.txt"
            data = make()
            path.write_bytes(data)
            mb = len(data) / 1e6
            started = time.perf_counter()
            run = subprocess.run([args.bin, "extract", str(path), "--jsonl"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
            wall = time.perf_counter() - started
            if run.returncode != 0:
                print(f"{name}: exit {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
                return 1
            # The summary times extraction and output, without loading the gazetteers.
            m = re.search(r"MB in ([0-9.]+) s", run.stderr)
            inner = float(m.group(1)) if m else float("nan")
            print(f"{name:<28} {mb:7.1f} {wall:8.2f} {mb / wall:7.1f} {inner:10.2f} {mb / inner:7.1f}")
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
