"""Extractions → rows: the plain data each write statement takes, grouped by statement.

Nothing is decided here: names are canonical, Name keys computed and meetings identified by
resolution before a batch comes this way (`kgbuild.resolve`); this only lays the records out
as the parameters of `cypher/write/`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..names import entity_key, fold
from ..records import Entity, Extraction, Fact, Meeting, Report


@dataclass
class Rows:
    documents: list[dict] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by label
    facts: dict[tuple[str, str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))
    meetings: dict[tuple, dict] = field(default_factory=dict)  # (meeting, document, status) -> row
    attended: list[dict] = field(default_factory=list)

    @property
    def meeting_keys(self) -> list[str]:
        return sorted({key for key, _, _ in self.meetings})


def rows(extractions: list[Extraction]) -> Rows:
    """The rows that write these extractions (each report's meeting already decided)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    out = Rows()
    for x in extractions:
        d = x.document
        out.documents.append(
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
            out.entities[e.type].append(
                {
                    "key": entity_key(e.name, e.type),
                    "name": e.name,
                    "aliases": sorted(set(e.aliases)),
                    "names": e.keys or _own_keys(e),
                    "doc_id": d.doc_id,
                    "count": e.count,
                }
            )
        for f in x.facts:
            out.facts[(f.predicate, f.subject.type, f.object.type)].append(fact_row(d.doc_id, f))
        for r in x.reports:
            m = r.meeting
            if m is None:
                raise ValueError(f"{d.path}: a meeting report was not resolved to a meeting before writing")
            out.meetings[(m.key, d.doc_id, r.status)] = meeting_row(m, r, d.doc_id)
            out.attended += [
                {"meeting_key": m.key, "person_key": entity_key(person, "Person"), "side": side, "doc_id": d.doc_id}
                for person, side in r.attendees
            ]
    return out


def fact_row(doc_id: str, f: Fact) -> dict:
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


def meeting_row(m: Meeting, r: Report, doc_id: str) -> dict:
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


def _own_keys(e: Entity) -> list[str]:
    """The Name keys of an entity resolution gave none (a place named only as a meeting's qualifier)."""
    return sorted(k for k in {entity_key(e.name, e.type), fold(e.name)} if k)
