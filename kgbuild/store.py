"""The graph writer: extractions → batched `UNWIND $rows ... MERGE` in managed transactions.

A `GraphWriter` is handed a `Graph`; it never opens one.  A batch of documents is written in
one transaction, so a document's facts are never half-written, and every statement merges,
so writing the same documents again changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from . import catalog
from .facts import Entity
from .graph import Graph
from .pipeline import Extraction
from .resolve import entity_key

WRITE_ORDER = ("document", "entity", "fact", "meeting", "attended")


class GraphWriter:
    def __init__(self, graph: Graph):
        self.graph = graph

    def ensure_schema(self) -> None:
        """Constraints and indexes, each in its own transaction; safe to run every time."""
        for statement in catalog.schema():
            self.graph.write(lambda tx, q=statement: tx.run(q).consume())

    def known_documents(self, doc_ids: list[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.graph.read(catalog.internal("known-documents"), {"ids": list(doc_ids)})
        return {r["doc_id"] for r in rows}

    def entity_names(self) -> list[tuple[str, str, list[str]]]:
        return [
            (r["name"], r["type"], r["aliases"] or [])
            for r in self.graph.read(catalog.internal("entity-names"))
            if r["type"]
        ]

    def counts(self) -> dict:
        rows = self.graph.read(catalog.internal("counts"))
        return rows[0] if rows else {"nodes": 0, "relationships": 0}

    def write(self, extractions: list[Extraction]) -> dict:
        """Write a batch of documents in one transaction; returns how many rows of each kind."""
        statements = batch_statements(extractions)

        def work(tx):
            for query, rows in statements:
                tx.run(query, {"rows": rows}).consume()

        self.graph.write(work)
        tally = {"documents": len(extractions), "entities": 0, "facts": 0}
        for x in extractions:
            tally["entities"] += len(x.entities)
            tally["facts"] += len(x.facts)
        return tally

    def delete_all(self, batch: int = 5000) -> int:
        """Delete every node and relationship, a batch per transaction."""
        total = 0
        query = catalog.internal("delete-batch")
        while True:
            deleted = self.graph.write(lambda tx: tx.run(query, {"batch": batch}).single()["deleted"])
            total += deleted
            if not deleted:
                return total


def batch_statements(extractions: list[Extraction]) -> list[tuple[str, list[dict]]]:
    """The (statement, rows) pairs that write these extractions, in dependency order."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    docs, entities, facts, meetings, attended = [], defaultdict(list), defaultdict(list), [], []
    for x in extractions:
        d = x.document
        docs.append(
            {
                "doc_id": d.doc_id,
                "path": d.path,
                "title": d.title,
                "url": d.url,
                "source": d.source,
                "published": d.published,
                "chars": len(d.text),
                "loaded_at": now,
            }
        )
        for e in _with_places(x):
            entities[e.type].append(
                {
                    "key": entity_key(e.name, e.type),
                    "name": e.name,
                    "aliases": sorted(set(e.aliases)),
                    "doc_id": d.doc_id,
                    "count": e.count,
                }
            )
        for f in x.facts:
            facts[f.predicate].append(
                {
                    "subject_key": entity_key(f.subject.name, f.subject.type),
                    "object_key": entity_key(f.object.name, f.object.type),
                    "doc_id": d.doc_id,
                    "evidence_key": f"{d.doc_id}:{f.start}",
                    "sentence": f.sentence,
                    "rule": f.rule,
                    "confidence": f.confidence,
                    "basis": f.basis,
                    "place": f.place,
                    "date": f.date,
                    "status": f.status,
                }
            )
        for m in x.meetings:
            meetings.append(
                {
                    "key": m.key,
                    "name": m.name,
                    "sides": m.sides,
                    "place": m.place,
                    "place_key": entity_key(m.place, "Place") if m.place else None,
                    "date": m.date,
                    "status": m.status,
                    "doc_id": d.doc_id,
                    "sentence": m.sentence,
                }
            )
            attended += [
                {"meeting_key": m.key, "person_key": entity_key(person, "Person"), "side": side, "doc_id": d.doc_id}
                for person, side in m.attendees
            ]
    out = [(catalog.write("document"), docs)]
    out += [(catalog.write("entity", label=label), rows) for label, rows in sorted(entities.items())]
    out += [(catalog.write("fact", rel_type=pred), rows) for pred, rows in sorted(facts.items())]
    if meetings:
        out.append((catalog.write("meeting"), meetings))
        out.append((catalog.write("attended"), attended))
    out.append((catalog.write("complete"), [{"doc_id": d["doc_id"]} for d in docs]))  # last, same transaction
    return out


def _with_places(x: Extraction) -> list[Entity]:
    """The document's entities, plus a Place for each meeting place named only as a qualifier."""
    seen = {(e.name, e.type): e for e in x.entities}
    for f in x.facts:
        if f.place:
            seen.setdefault((f.place, "Place"), Entity(f.place, "Place"))
    return list(seen.values())
