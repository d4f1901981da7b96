"""Documents → facts: runs spaCy in streaming batches and resolves names across documents.

One document that cannot be read never stops the others: it is reported through
`on_problem` and skipped.  Texts longer than `PIECE_CHARS` are read in pieces cut at line
breaks (spaCy refuses texts over a million characters, and memory grows with length); the
facts of every piece keep offsets into the whole text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .dates import resolve_date
from .documents import Document, Problem
from .nlp import load_pipeline
from .resolve import Resolver

BATCH_SIZE = 16
PIECE_CHARS = 100_000

log = logging.getLogger("kgbuild")


@dataclass
class Extraction:
    """What one document yields: its entities and its facts in the fact contract's shape."""

    document: Document
    entities: list[dict]
    facts: list[dict]


def _warn(problem: Problem) -> None:
    log.warning(problem.reason)


def extract(documents: Iterable[Document], resolver: Resolver | None = None, n_process: int = 1,
            batch_size: int = BATCH_SIZE, model: str | None = None,
            on_problem: Callable[[Problem], None] = _warn) -> Iterator[Extraction]:
    """Stream `Extraction`s; memory stays flat however many documents come in."""
    nlp = load_pipeline(model)
    resolver = resolver or Resolver()
    stream = ((text, (document, offset, last)) for document in documents
              for offset, text, last in pieces(document.text, PIECE_CHARS))
    parts: list[dict] = []
    for doc, (document, offset, last) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size,
                                                  n_process=n_process):
        parts.append(_shifted(doc._.kg, offset))
        if not last:
            continue
        result, parts = _joined(parts), []
        if "error" in result:
            on_problem(Problem(document.path, f"{document.path}: extraction failed ({result['error']}); "
                                              "skipped, please report it with this file"))
            continue
        try:
            result = resolver.resolve(result)
            facts = [contract(document, f) for f in result["facts"]]
        except Exception as e:  # noqa: BLE001 - a bad document is skipped, never fatal
            on_problem(Problem(document.path, f"{document.path}: resolving names failed "
                                              f"({type(e).__name__}: {e}); skipped, please report it"))
            continue
        yield Extraction(document, result["entities"], facts)


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str, bool]]:
    """(offset, piece, is_last) for `text` cut at line breaks (else spaces) into pieces of at most `size`."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut >= 0 else start + size
        yield start, text[start:end], False
        start = end
    yield start, text[start:], True


def _shifted(kg: dict | None, offset: int) -> dict:
    if kg is None:
        return {"error": "the relation reader did not run"}
    if not offset or "error" in kg:
        return kg
    facts = [{**f, "start": f["start"] + offset, "end": f["end"] + offset} for f in kg["facts"]]
    return {"entities": kg["entities"], "facts": facts}


def _joined(parts: list[dict]) -> dict:
    """The pieces of one document as one result (entities merged by name and type)."""
    if len(parts) == 1:
        return parts[0]
    errors = [p["error"] for p in parts if "error" in p]
    if errors:
        return {"error": errors[0]}
    entities: dict[tuple[str, str], dict] = {}
    for p in parts:
        for e in p["entities"]:
            merged = entities.setdefault((e["name"], e["type"]), {**e, "aliases": [], "count": 0})
            merged["count"] += e["count"]
            merged["aliases"] += [a for a in e["aliases"] if a not in merged["aliases"]]
    return {"entities": list(entities.values()), "facts": [f for p in parts for f in p["facts"]]}


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
