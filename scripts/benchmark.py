"""Extraction throughput against bare spaCy on the same texts, in one run.

    python scripts/benchmark.py ../shared/eval/seeds ../shared/eval/dwie-dev --repeat 5

Prints words per second for bare `nlp.pipe` of the same model and for kgbuild's extraction
(gazetteer, people fixer, relation reader and cross-document resolution), the median of
`--repeat` alternating runs each, and their ratio.  The target: kgbuild at most 15 % slower.
"""

from __future__ import annotations

import argparse
import statistics
import time

import spacy

from kgbuild.documents import Document, read_documents
from kgbuild.nlp import MODELS, load_pipeline
from kgbuild.pipeline import BATCH_SIZE, extract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = [d for d in read_documents(args.paths) if isinstance(d, Document)]
    words = sum(len(d.text.split()) for d in docs)
    kg = load_pipeline()
    bare = None
    for name in MODELS:
        try:
            bare = spacy.load(name)
            break
        except OSError:
            continue
    texts = [d.text for d in docs]
    list(bare.pipe(texts[:2]))  # warm up both
    list(extract(docs[:2]))
    bare_times, kg_times = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=BATCH_SIZE):
            pass
        bare_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        facts = sum(len(x.facts) for x in extract(docs))
        kg_times.append(time.perf_counter() - t)
    b, k = statistics.median(bare_times), statistics.median(kg_times)
    print(
        f"{len(docs)} documents, {words} words, model {kg.meta.get('name')} {kg.meta.get('version')}, "
        f"{args.repeat} runs each (median)"
    )
    print(f"bare nlp.pipe:      {words / b:8.0f} words/s  ({b:.2f} s)")
    print(f"kgbuild extraction: {words / k:8.0f} words/s  ({k:.2f} s, {facts} facts)")
    print(f"kgbuild / bare:     {b / k:8.3f}  (slowdown {100 * (k - b) / b:.1f} %)")


if __name__ == "__main__":
    main()
