"""Documents → facts: runs spaCy in streaming batches and resolves names across documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from .dates import resolve_date
from .documents import Document
from .nlp import load_pipeline
from .resolve import Resolver

BATCH_SIZE = 16


@dataclass
class Extraction:
    """What one document yields: its entities and its facts in the fact contract's shape."""

    document: Document
    entities: list[dict]
    facts: list[dict]


def extract(documents: Iterable[Document], resolver: Resolver | None = None, n_process: int = 1,
            batch_size: int = BATCH_SIZE, model: str | None = None) -> Iterator[Extraction]:
    """Stream `Extraction`s; memory stays flat however many documents come in."""
    nlp = load_pipeline(model)
    resolver = resolver or Resolver()
    stream = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        result = resolver.resolve(doc._.kg)
        yield Extraction(document, result["entities"], [contract(document, f) for f in result["facts"]])


def contract(document: Document, fact: dict) -> dict:
    """A fact as `kgbuild extract --format jsonl` prints it (see DESIGN.md)."""
    out = {"doc": document.path, "doc_id": document.doc_id, "subject": fact["subject"],
           "predicate": fact["predicate"], "object": fact["object"], "sentence": fact["sentence"],
           "start": fact["start"], "end": fact["end"], "confidence": fact["confidence"], "rule": fact["rule"]}
    if fact["predicate"] == "MET_WITH":
        out["place"] = fact.get("place")
        out["date"] = resolve_date(fact.get("date_text"), document.published_date, fact.get("status"))
        out["status"] = fact.get("status", "held")
        if fact.get("date_text"):
            out["date_text"] = fact["date_text"]
    return out
