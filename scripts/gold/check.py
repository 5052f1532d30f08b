#!/usr/bin/env python3
"""Validate every *.gold.json in this directory against its article text."""
import glob, json, os, re, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "gold")
KEYS = ["id", "text_file", "offsets", "people", "not_people", "countries", "offices", "boilerplate", "quotes"]
errors = []


def err(gid, msg):
    errors.append(f"{gid}: {msg}")


def check(path):
    g = json.load(open(path, encoding="utf-8"))
    gid = g.get("id", path)
    if list(g.keys()) != KEYS:
        err(gid, f"top-level keys {list(g.keys())} != {KEYS}")
    text = open(os.path.join(HERE, g["text_file"]), encoding="utf-8").read()
    if os.path.basename(path) != g["id"] + ".gold.json" or g["text_file"] != g["id"] + ".txt":
        err(gid, "id/text_file do not match file name")
    words = len(text[:g["boilerplate"]["start"]].split())
    if not 250 <= words <= 600:
        err(gid, f"article body has {words} words")
    names = set()
    for p in g["people"]:
        if set(p) - {"name", "country", "surface_forms", "offices", "descriptions"} or not {"name", "country", "surface_forms", "offices"} <= set(p):
            err(gid, f"person keys {sorted(p)}")
        names.add(p["name"])
        if p["country"] is not None and not re.fullmatch(r"[A-Z]{2}", p["country"]):
            err(gid, f"bad country {p['country']!r} for {p['name']}")
        if p["name"] not in text and p["name"] not in p["surface_forms"]:
            err(gid, f"name {p['name']!r} neither in text nor a surface form")
        for sf in p["surface_forms"]:
            if sf not in text:
                err(gid, f"surface form {sf!r} of {p['name']} not in text")
        for o in p["offices"]:
            if o not in text:
                err(gid, f"office {o!r} of {p['name']} not in text")
        for d in p.get("descriptions", []):
            if d not in text:
                err(gid, f"description {d!r} of {p['name']} not in text")
    for s in g["not_people"]:
        if s not in text:
            err(gid, f"not_people {s!r} not in text")
        if s in names:
            err(gid, f"not_people {s!r} is a person name")
    for code, forms in g["countries"].items():
        if not re.fullmatch(r"[A-Z]{2}", code):
            err(gid, f"bad country code {code!r}")
        for f in forms:
            if f not in text:
                err(gid, f"country form {f!r} ({code}) not in text")
    for o in g["offices"]:
        if o not in text:
            err(gid, f"office {o!r} not in text")
    bp = g["boilerplate"]
    if not (isinstance(bp.get("start"), int) and 0 <= bp["start"] <= len(text) and bp.get("note")):
        err(gid, f"bad boilerplate {bp}")
    n_named = set()
    for i, q in enumerate(g["quotes"]):
        if set(q) != {"speaker", "kind", "required", "source", "cue", "content"}:
            err(gid, f"quote {i} keys {sorted(q)}")
        if q["speaker"] is not None and q["speaker"] not in names:
            err(gid, f"quote {i} speaker {q['speaker']!r} not a gold person")
        if q["kind"] not in ("direct", "indirect", "mixed"):
            err(gid, f"quote {i} kind {q['kind']!r}")
        if not isinstance(q["required"], bool):
            err(gid, f"quote {i} required not bool")
        if q["content"] is None:
            err(gid, f"quote {i} has no content")
        for role in ("source", "cue", "content"):
            sp = q[role]
            if sp is None:
                continue
            if not (0 <= sp["start"] < sp["end"] <= len(text)):
                err(gid, f"quote {i} {role} bad offsets {sp['start']}-{sp['end']}")
            elif text[sp["start"]:sp["end"]] != sp["text"]:
                err(gid, f"quote {i} {role} text mismatch: {text[sp['start']:sp['end']]!r} != {sp['text']!r}")
            elif sp["text"] != sp["text"].strip():
                err(gid, f"quote {i} {role} has outer whitespace")
            if sp["end"] > bp["start"]:
                err(gid, f"quote {i} {role} inside boilerplate")
        if q["source"] is None and q["speaker"] is None:
            err(gid, f"quote {i}: no source and no speaker")
        if q["cue"] is None and q["source"] is not None and q["required"]:
            err(gid, f"quote {i}: cue-less labelled turn marked required")
        if q["speaker"] and q["required"]:
            n_named.add(q["speaker"])
        # source / cue must not sit inside the content span
        c = q["content"]
        for role in ("source", "cue"):
            sp = q[role]
            if sp and c["start"] <= sp["start"] and sp["end"] <= c["end"]:
                err(gid, f"quote {i} {role} inside content")
    if len(n_named) < 3:
        err(gid, f"only {len(n_named)} named speakers with required quotes")
    return len(g["quotes"])


files = sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
total = sum(check(f) for f in files)
txts = sorted(glob.glob(os.path.join(HERE, "*.txt")))
if len(txts) != len(files):
    errors.append(f"{len(txts)} .txt files but {len(files)} gold files")
for e in errors:
    print("FAIL", e)
print(f"{len(files)} gold files, {total} quotes, {len(errors)} problems")
sys.exit(1 if errors else 0)
