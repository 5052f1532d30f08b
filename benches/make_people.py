#!/usr/bin/env python3
"""Writes a large people gazetteer of made-up names, for benchmarks.

Names combine the bundled first names and surnames (and a generated middle
initial when more are needed), so they look like the names a newsroom's own
list would hold. Every row has a name and one alias, so N rows give 2N
forms.

usage: make_people.py OUT.tsv [--aliases 1000000]
"""
import argparse
import itertools
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def column(path, col=0):
    out = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        out.append(line.rstrip("\n").split("\t")[col])
    return out[1:]  # header


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--aliases", type=int, default=1_000_000)
    args = ap.parse_args()
    firsts = column(ROOT / "gazetteers/first_names.tsv")
    lasts = column(ROOT / "gazetteers/surnames.tsv")
    rng = random.Random(7)
    rows = args.aliases // 2
    seen = set()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("name\taliases\tgender\tcountry\tdescription\tref\n")
        initials = "ABCDEFGHJKLMNPRSTW"
        for i in itertools.count():
            if len(seen) >= rows:
                break
            first = rng.choice(firsts)
            last = rng.choice(lasts)
            name = f"{first} {last}"
            if name in seen:
                name = f"{first} {rng.choice(initials)}. {last}"
                if name in seen:
                    continue
            seen.add(name)
            alias = f"{first} {rng.choice(initials)}. {last}" if "." not in name else f"{first} {last} Jr."
            out.write(f"{name}\t{alias}\t\t\tgenerated for benchmarks\t\n")
    print(f"{args.out}: {len(seen)} people, {2 * len(seen)} forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
