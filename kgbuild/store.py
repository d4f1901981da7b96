"""The graph writer: extractions → batched `UNWIND $rows ... MERGE` in managed transactions.

A `GraphWriter` is handed a `Graph`; it never opens one.  A batch of documents is written in
one transaction, so a document's facts are never half-written, and every statement merges,
so writing the same documents again changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime, timezone

from . import catalog
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
        return [(r["name"], r["type"], r["aliases"] or [])
                for r in self.graph.read(catalog.internal("entity-names")) if r["type"]]

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
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    docs, entities, facts, meetings, attended = [], defaultdict(list), defaultdict(list), [], []
    for x in extractions:
        d = x.document
        docs.append({"doc_id": d.doc_id, "path": d.path, "title": d.title, "url": d.url, "source": d.source,
                     "published": d.published, "chars": len(d.text), "loaded_at": now})
        seen = {}
        for e in x.entities:
            seen[(e["name"], e["type"])] = e
        for f in x.facts:  # qualifiers such as a meeting place become Place entities
            if f.get("place"):
                seen.setdefault((f["place"], "Place"), {"name": f["place"], "type": "Place", "aliases": [],
                                                        "count": 0})
        for e in seen.values():
            entities[e["type"]].append({"key": entity_key(e["name"], e["type"]), "name": e["name"],
                                        "aliases": sorted(set(e["aliases"])), "doc_id": d.doc_id,
                                        "count": e["count"]})
        for f in x.facts:
            facts[f["predicate"]].append({
                "subject_key": entity_key(f["subject"]["name"], f["subject"]["type"]),
                "object_key": entity_key(f["object"]["name"], f["object"]["type"]),
                "doc_id": d.doc_id, "evidence_key": f"{d.doc_id}:{f['start']}", "sentence": f["sentence"],
                "rule": f["rule"], "confidence": f["confidence"], "place": f.get("place"),
                "date": f.get("date"), "status": f.get("status")})
        m_rows, a_rows = meeting_rows(x)
        meetings += m_rows
        attended += a_rows
    out = [(catalog.write("document"), docs)]
    out += [(catalog.write("entity", label=label), rows) for label, rows in sorted(entities.items())]
    out += [(catalog.write("fact", rel_type=pred), rows) for pred, rows in sorted(facts.items())]
    if meetings:
        out.append((catalog.write("meeting"), meetings))
        out.append((catalog.write("attended"), attended))
    return out


def meeting_rows(x: Extraction) -> tuple[list[dict], list[dict]]:
    """Group a document's MET_WITH facts into meetings (one per place, date and status)."""
    side_of = {f["subject"]["name"]: f["object"]["name"] for f in x.facts if f["predicate"] == "REPRESENTS"}
    groups: dict[tuple, dict] = {}
    for f in x.facts:
        if f["predicate"] != "MET_WITH":
            continue
        g = groups.setdefault((f.get("place"), f.get("date"), f.get("status")),
                              {"people": set(), "sentence": f["sentence"]})
        g["people"] |= {f["subject"]["name"], f["object"]["name"]}
    meetings, attended = [], []
    for (place, when, status), g in groups.items():
        sides = sorted({side_of[p] for p in g["people"] if p in side_of})
        basis = sides if len(sides) > 1 else sorted(g["people"])
        # undated reports of a planned and of a held meeting at one place are not one meeting
        basis += [place or "", when or status or ""]
        key = hashlib.sha1("|".join(basis).encode("utf-8")).hexdigest()[:20]
        label = " – ".join(sides or sorted(g["people"]))
        name = ", ".join(p for p in (label, place, when) if p)
        meetings.append({"key": key, "name": name, "sides": sides, "place": place,
                         "place_key": entity_key(place, "Place") if place else None, "date": when,
                         "status": status, "doc_id": x.document.doc_id, "sentence": g["sentence"]})
        for person in sorted(g["people"]):
            attended.append({"meeting_key": key, "person_key": entity_key(person, "Person"),
                             "side": side_of.get(person), "doc_id": x.document.doc_id})
    return meetings, attended
