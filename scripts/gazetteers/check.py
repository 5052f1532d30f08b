#!/usr/bin/env python3
"""Validate the bundled gazetteers (or those in another folder).

    python3 scripts/gazetteers/check.py                 # gazetteers/ of this repo
    python3 scripts/gazetteers/check.py --dir DIR       # another folder

Checks the shared TSV rules (UTF-8, tab-separated, '#' comments, blank lines
ignored, header first, no stray spaces or empty required fields) and each
file's own rules: unique canonical names, country forms that point at one
country only, people aliases that are not other people's names, valid
gender, category, kind and country values.  It also checks that the seed
forms the pipeline relies on resolve.  Exits 1 on any failure.
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

SPECS = {
    # file: (header columns, required columns)
    "countries.tsv": (["code", "name", "aliases", "demonyms", "ambiguous"],
                      {"code", "name"}),
    "people.tsv": (["name", "aliases", "gender", "country", "description", "ref"],
                   {"name"}),
    "offices.tsv": (["title", "aliases", "category", "gender"],
                    {"title", "category"}),
    "nouns.tsv": (["noun", "plural", "kind", "gender"], {"noun", "kind"}),
    "first_names.tsv": (["name", "gender", "weight", "common_word"],
                        {"name", "gender", "weight", "common_word"}),
    "surnames.tsv": (["name", "rank"], {"name", "rank"}),
}
MULTI = {"aliases", "demonyms", "ambiguous"}

OFFICE_CATEGORIES = {
    "head_of_state", "head_of_government", "minister", "deputy", "legislator",
    "diplomat", "security", "judicial", "military", "party", "local",
    "organisation", "business", "media", "religious", "royal", "other",
}
NOUN_KINDS = {"person", "group", "organisation", "media"}

SEED_COUNTRY_FORMS = {
    "China": "CN", "Chinese": "CN", "South Africa": "ZA", "Brazil": "BR",
    "Russia": "RU", "Russian Federation": "RU", "India": "IN", "Indian": "IN",
    "Belarus": "BY", "Iran": "IR", "Saudi Arabia": "SA", "Egypt": "EG",
    "Burundi": "BI", "United Arab Emirates": "AE", "Kazakhstan": "KZ",
    "Cuba": "CU", "Afghan": "AF", "U.S.": "US", "UK": "GB",
    "United States of America": "US", "Netherlands": "NL", "Emirati": "AE",
    "Saudi": "SA", "Filipino": "PH",
}
SEED_PEOPLE = [
    "Wang Yi", "Qin Gang", "Ajit Doval", "Nikolai Patrushev", "Xi Jinping",
    "Vladimir Putin", "Narendra Modi", "Joe Biden", "Donald Trump",
    "Hillary Clinton",
]
MIN_COUNTRIES = 197


class Report:
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}")
        return ok

    def fail(self, what):
        self.check(False, what)


def read_tsv(path, rep):
    """Rows as dicts (with '_line'), after the shared format checks."""
    name = os.path.basename(path)
    header, required = SPECS[name]
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except UnicodeDecodeError as e:
        rep.fail(f"{name}: not UTF-8 ({e})")
        return rows
    except FileNotFoundError:
        rep.fail(f"{name}: missing")
        return rows
    seen_header = False
    ok = True
    for lineno, line in enumerate(lines, 1):
        if line.endswith("\r"):
            ok = rep.check(False, f"{name}:{lineno}: CR line ending") and ok
            line = line[:-1]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if not seen_header:
            seen_header = True
            ok = rep.check(cols == header,
                           f"{name}:{lineno}: header {cols} != {header}") and ok
            continue
        if len(cols) != len(header):
            ok = rep.check(False, f"{name}:{lineno}: {len(cols)} columns, want {len(header)}") and ok
            continue
        row = dict(zip(header, cols))
        row["_line"] = lineno
        for col in header:
            v = row[col]
            if v != v.strip():
                ok = rep.check(False, f"{name}:{lineno}: leading/trailing space in {col}") and ok
            if col in required and not v:
                ok = rep.check(False, f"{name}:{lineno}: empty {col}") and ok
            if col in MULTI or col == "aliases":
                for part in v.split("|") if v else []:
                    if not part or part != part.strip():
                        ok = rep.check(False, f"{name}:{lineno}: empty or padded value in {col}: {v!r}") and ok
        rows.append(row)
    rep.check(seen_header, f"{name}: no header")
    rep.check(ok, f"{name}: format")
    return rows


def split(v):
    return [x for x in v.split("|") if x] if v else []


def check_countries(rows, rep):
    codes = {}
    form_owner = {}
    for r in rows:
        where = f"countries.tsv:{r['_line']}"
        code = r["code"]
        rep.check(re.fullmatch(r"[A-Z]{2}", code) is not None, f"{where}: bad code {code!r}")
        rep.check(code not in codes, f"{where}: duplicate code {code}")
        codes[code] = r
        forms = [r["name"]] + split(r["aliases"]) + split(r["demonyms"])
        own = set(forms)
        for a in split(r["ambiguous"]):
            rep.check(a in own, f"{where}: ambiguous form {a!r} is not a form of {code}")
        for a in split(r["aliases"]):
            rep.check(not a.lower().startswith("the "), f"{where}: alias with leading 'the': {a!r}")
        for form in own:
            other = form_owner.get(form)
            if other and other != code:
                rep.fail(f"{where}: {form!r} names both {other} and {code}")
            form_owner[form] = code
    rep.check(len(rows) >= MIN_COUNTRIES, f"countries.tsv: {len(rows)} rows, want >= {MIN_COUNTRIES}")
    for form, want in SEED_COUNTRY_FORMS.items():
        got = form_owner.get(form)
        rep.check(got == want, f"countries.tsv: seed form {form!r} resolves to {got}, want {want}")
    return set(codes)


def check_people(rows, codes, rep):
    names = {}
    alias_owner = {}
    for r in rows:
        where = f"people.tsv:{r['_line']}"
        n = r["name"]
        rep.check(n not in names, f"{where}: duplicate name {n!r}")
        names[n] = r
        rep.check(r["gender"] in ("m", "f", ""), f"{where}: bad gender {r['gender']!r}")
        rep.check(r["country"] == "" or r["country"] in codes,
                  f"{where}: country {r['country']!r} not in countries.tsv")
        rep.check(r["ref"] == "" or re.fullmatch(r"Q[1-9][0-9]*", r["ref"]) is not None,
                  f"{where}: bad ref {r['ref']!r}")
        als = split(r["aliases"])
        rep.check(len(als) == len(set(als)), f"{where}: repeated alias")
        for a in als:
            rep.check(a != n, f"{where}: alias equals own name")
            alias_owner.setdefault(a, []).append(n)
    for a, owners in alias_owner.items():
        if a in names:
            rep.fail(f"people.tsv: alias {a!r} of {owners} is another person's name")
        if len(set(owners)) > 1:
            rep.fail(f"people.tsv: alias {a!r} shared by {sorted(set(owners))}")
    refs = {}
    for r in rows:
        if r["ref"]:
            if r["ref"] in refs:
                rep.fail(f"people.tsv:{r['_line']}: ref {r['ref']} also on {refs[r['ref']]}")
            refs[r["ref"]] = r["name"]
    for n in SEED_PEOPLE:
        rep.check(n in names, f"people.tsv: seed person {n!r} missing")


def check_offices(rows, rep):
    owner = {}
    for r in rows:
        where = f"offices.tsv:{r['_line']}"
        t = r["title"]
        rep.check(t == t.lower(), f"{where}: title not lower case: {t!r}")
        rep.check(r["category"] in OFFICE_CATEGORIES, f"{where}: bad category {r['category']!r}")
        rep.check(r["gender"] in ("m", "f", ""), f"{where}: bad gender {r['gender']!r}")
        for form in [t] + split(r["aliases"]):
            key = form.lower()
            if key in owner and owner[key] != t:
                rep.fail(f"{where}: {form!r} listed under {owner[key]!r} and {t!r}")
            owner[key] = t


def check_nouns(rows, rep):
    seen = set()
    for r in rows:
        where = f"nouns.tsv:{r['_line']}"
        n = r["noun"]
        rep.check(n not in seen, f"{where}: duplicate noun {n!r}")
        seen.add(n)
        rep.check(r["kind"] in NOUN_KINDS, f"{where}: bad kind {r['kind']!r}")
        rep.check(r["gender"] in ("m", "f", ""), f"{where}: bad gender {r['gender']!r}")


def check_first_names(rows, rep):
    seen = set()
    for r in rows:
        where = f"first_names.tsv:{r['_line']}"
        n = r["name"]
        rep.check(n not in seen, f"{where}: duplicate name {n!r}")
        seen.add(n)
        rep.check(n[:1].isupper(), f"{where}: not title case: {n!r}")
        rep.check(r["gender"] in ("m", "f", "u"), f"{where}: bad gender {r['gender']!r}")
        rep.check(re.fullmatch(r"[0-9]+\.[0-9]{3}", r["weight"]) is not None,
                  f"{where}: bad weight {r['weight']!r}")
        rep.check(r["common_word"] in ("0", "1"), f"{where}: bad common_word {r['common_word']!r}")


def check_surnames(rows, rep):
    seen = set()
    for r in rows:
        where = f"surnames.tsv:{r['_line']}"
        n = r["name"]
        rep.check(n not in seen, f"{where}: duplicate name {n!r}")
        seen.add(n)
        rep.check(r["rank"].isdigit() and int(r["rank"]) > 0, f"{where}: bad rank {r['rank']!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=os.path.join(ROOT, "gazetteers"))
    args = ap.parse_args()
    rep = Report()
    tables = {name: read_tsv(os.path.join(args.dir, name), rep) for name in SPECS}
    codes = check_countries(tables["countries.tsv"], rep)
    check_people(tables["people.tsv"], codes, rep)
    check_offices(tables["offices.tsv"], rep)
    check_nouns(tables["nouns.tsv"], rep)
    check_first_names(tables["first_names.tsv"], rep)
    check_surnames(tables["surnames.tsv"], rep)
    for name, rows in tables.items():
        print(f"{name}: {len(rows)} rows")
    print(f"{rep.passed} passed, {rep.failed} failed")
    sys.exit(1 if rep.failed else 0)


if __name__ == "__main__":
    main()
