"""The graph writer: extractions → batched `UNWIND $rows ... MERGE` in managed transactions.

A `GraphWriter` is handed a `Graph`; it never opens one.  A batch of documents is written in
one transaction, the documents marked complete last, so a document is never half-written; every
statement merges, so writing the same documents again changes nothing.  Writing a document
again (`load --force`) first takes off everything it contributed, in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from . import catalog
from .errors import KgbuildError
from .events import Meeting, MeetingBook
from .facts import Entity
from .graph import Graph
from .lookup import name_keys
from .pipeline import Extraction
from .resolve import entity_key
from .rules import load_rules

FORGET = ("forget-facts", "forget-attended", "forget-reports")


class GraphWriter:
    def __init__(self, graph: Graph):
        self.graph = graph

    def ensure_schema(self) -> None:
        """Constraints and indexes, each in its own transaction; safe to run every time."""
        if self.graph.read("MATCH (n:Entity) RETURN n.key AS key LIMIT 1"):
            raise KgbuildError(
                "this graph was written by an older kgbuild (it has Entity nodes); "
                "run `kgbuild db reset --yes` and load the articles again"
            )
        for statement in catalog.schema():
            self.graph.write(lambda tx, q=statement: tx.run(q).consume())

    def known_documents(self, doc_ids: list[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.graph.read(catalog.internal("known-documents"), {"ids": list(doc_ids)})
        return {r["doc_id"] for r in rows}

    def entities_named(self, keys: list[str]) -> list[tuple[str, str, list[str]]]:
        """(name, type, aliases) of the entities these Name keys lead to (a `Resolver`'s `known`)."""
        return [
            (r["name"], r["type"], r["aliases"] or [])
            for r in self.graph.read(catalog.internal("entities-named"), {"keys": keys})
            if r["type"]
        ]

    def counts(self) -> dict:
        rows = self.graph.read(catalog.internal("counts"))
        return rows[0] if rows else {"nodes": 0, "relationships": 0}

    def write(self, extractions: list[Extraction], replace: bool = False) -> dict:
        """Write a batch of documents in one transaction (with `replace`, what each contributed before
        goes first); returns how many documents, entities and facts, and the rows of all its statements."""
        statements = batch_statements(extractions, self._book(extractions))
        doc_ids = [x.document.doc_id for x in extractions]

        def work(tx):
            orphans = self._forget(tx, doc_ids) if replace else []
            for query, rows in statements:
                tx.run(query, {"rows": rows}).consume()
            if orphans:
                tx.run(catalog.internal("forget-orphans"), {"keys": orphans}).consume()

        self.graph.write(work)
        return {
            "documents": len(extractions),
            "entities": sum(len(x.entities) for x in extractions),
            "facts": sum(len(x.facts) for x in extractions),
            "rows": sum(len(rows) for _, rows in statements),
        }

    @staticmethod
    def _forget(tx, doc_ids: list[str]) -> list[str]:
        keys: list[str] = []
        for doc in doc_ids:
            for name in FORGET:
                tx.run(catalog.internal(name), {"doc": doc}).consume()
            record = tx.run(catalog.internal("forget-mentions"), {"doc": doc}).single()
            keys += record["keys"] if record else []
        return sorted(set(keys))

    def _book(self, extractions: list[Extraction]) -> MeetingBook:
        """The meetings already in the graph between the sides, or of the people, these documents report."""
        sides = sorted({r.sides_key for x in extractions for r in x.reports})
        people = sorted({entity_key(p, "Person") for x in extractions for r in x.reports for p in r.people})
        rows = self.graph.read(catalog.internal("meetings-near"), {"sides": sides, "people": people}) if sides else []
        known = [
            Meeting(
                r["key"],
                r["sides"] or [],
                r["sides_key"],
                r["place"],
                r["date"],
                list(r["reported"] or []),
                set(r["people"] or []),
            )
            for r in rows
        ]
        return MeetingBook(known)

    def delete_all(self, batch: int = 5000) -> int:
        """Delete every node and relationship, a batch per transaction."""
        total = 0
        query = catalog.internal("delete-batch")
        while True:
            deleted = self.graph.write(lambda tx: tx.run(query, {"batch": batch}).single()["deleted"])
            total += deleted
            if not deleted:
                return total


def batch_statements(extractions: list[Extraction], book: MeetingBook) -> list[tuple[str, list[dict]]]:
    """The (statement, rows) pairs that write these extractions, in dependency order."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rules = load_rules()
    docs, entities, facts = [], defaultdict(list), defaultdict(list)
    meetings, attended = {}, []
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
                "chars": d.chars,
                "loaded_at": now,
                "facts": len(x.facts),
                "meetings": len(x.reports),
            }
        )
        for e in _with_places(x):
            entities[e.type].append(
                {
                    "key": entity_key(e.name, e.type),
                    "name": e.name,
                    "aliases": sorted(set(e.aliases)),
                    "names": name_keys(e, rules),
                    "doc_id": d.doc_id,
                    "count": e.count,
                }
            )
        for f in x.facts:
            facts[(f.predicate, f.subject.type, f.object.type)].append(_fact_row(d.doc_id, f))
        for r in x.reports:
            m = book.meeting(r, d.doc_id)
            meetings[(m.key, d.doc_id, r.status)] = _meeting_row(m, r, d.doc_id)
            attended += [
                {"meeting_key": m.key, "person_key": entity_key(person, "Person"), "side": side, "doc_id": d.doc_id}
                for person, side in r.attendees
            ]
    out = [(catalog.write("document"), docs)]
    out += [(catalog.write("entity", label=label), rows) for label, rows in sorted(entities.items())]
    out += [
        (catalog.write("fact", rel_type=pred, subject=s, object=o), rows)
        for (pred, s, o), rows in sorted(facts.items())
    ]
    if meetings:
        out.append((catalog.write("meeting"), list(meetings.values())))
        out.append((catalog.write("meeting-status"), [{"key": k} for k in sorted({k for k, _, _ in meetings})]))
        out.append((catalog.write("attended"), attended))
    out.append((catalog.write("complete"), [{"doc_id": d["doc_id"]} for d in docs]))  # last, same transaction
    return out


def _fact_row(doc_id: str, f) -> dict:
    return {
        "subject_key": entity_key(f.subject.name, f.subject.type),
        "object_key": entity_key(f.object.name, f.object.type),
        "doc_id": doc_id,
        "evidence_key": f"{doc_id}:{f.start}",
        "sentence": f.sentence,
        "rule": f.rule,
        "confidence": f.confidence,
        "basis": f.basis,
        "place": f.place,
        "date": f.date,
        "date_text": f.date_text,
        "status": f.status,
    }


def _meeting_row(m: Meeting, r, doc_id: str) -> dict:
    return {
        "key": m.key,
        "name": m.name,
        "sides": m.sides,
        "sides_key": m.sides_key,
        "place": m.place,
        "place_key": entity_key(r.place, "Place") if r.place else None,
        "date": m.date,
        "status": r.status,
        "doc_id": doc_id,
        "published": r.published,
        "sentence": r.sentence,
    }


def _with_places(x: Extraction) -> list[Entity]:
    """The document's entities, plus a Place for each meeting place named only as a qualifier."""
    seen = {(e.name, e.type): e for e in x.entities}
    for f in x.facts:
        if f.place:
            seen.setdefault((f.place, "Place"), Entity(f.place, "Place"))
    return list(seen.values())
