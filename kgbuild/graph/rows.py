"""Extractions → rows: the plain data each write statement takes, grouped by statement.

Nothing is decided here: names are canonical, Name keys computed and meetings identified by
resolution before a batch comes this way (`kgbuild.resolve`); this only lays the records out
as the parameters of `cypher/write/`.  A fact relationship gets one row per document, carrying
that document's pieces of evidence and what they add to the relationship's aggregates, so the
cost of a row does not depend on how many documents stated the fact before.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..names import entity_key
from ..predicates import predicate
from ..records import Extraction, Fact, Meeting, Report

MAX_PLACES = 12  # distinct places kept on a fact relationship (its meetings have them all)


@dataclass
class Rows:
    documents: list[dict] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by label
    facts: dict[tuple[str, str, str], list[dict]] = field(default_factory=lambda: defaultdict(list))
    meetings: dict[tuple, dict] = field(default_factory=dict)  # (meeting, document) -> row
    attended: dict[tuple, dict] = field(default_factory=dict)  # (meeting, person, document) -> row
    slots: dict[tuple, dict] = field(default_factory=dict)  # (slot, meeting) -> row


def fact_key(f: Fact) -> str:
    """The key of the relationship a fact is evidence for (type, subject and object keys)."""
    return "|".join((f.predicate, entity_key(f.subject.name, f.subject.type), entity_key(f.object.name, f.object.type)))


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
        for e in x.entities:
            out.entities[e.type].append(
                {
                    "key": entity_key(e.name, e.type),
                    "name": e.name,
                    "aliases": sorted(set(e.aliases)),
                    "names": e.keys,
                    "doc_id": d.doc_id,
                    "count": e.count,
                }
            )
        by_fact: dict[str, list[Fact]] = {}
        for f in x.facts:
            by_fact.setdefault(fact_key(f), []).append(f)
        for key, facts in by_fact.items():
            f = facts[0]
            out.facts[(f.predicate, f.subject.type, f.object.type)].append(fact_row(d.doc_id, d.published, key, facts))
        for r in x.reports:
            _meeting_rows(out, r, d.doc_id)
    return out


def fact_row(doc_id: str, published: str | None, key: str, facts: list[Fact]) -> dict:
    """One document's evidence for one relationship, and what it adds to the relationship's aggregates."""
    qualified = predicate(facts[0].predicate).qualified
    dates = sorted(f.date for f in facts if f.date)
    statuses = [f.status for f in facts if f.status]
    return {
        "subject_key": entity_key(facts[0].subject.name, facts[0].subject.type),
        "object_key": entity_key(facts[0].object.name, facts[0].object.type),
        "key": key,
        "doc_id": doc_id,
        "evidence": [evidence_row(doc_id, published, key, f) for f in facts],
        "confidence": max(f.confidence for f in facts),
        "basis": "text" if any(f.basis == "text" for f in facts) else "known",
        "rules": sorted({f.rule for f in facts}),
        "places": sorted({f.place for f in facts if f.place})[:MAX_PLACES] if qualified else [],
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "held": qualified and "held" in statuses,
        "status": statuses[-1] if qualified and statuses else None,
    }


def evidence_row(doc_id: str, published: str | None, key: str, f: Fact) -> dict:
    return {
        "key": hashlib.sha1(f"{doc_id}|{key}|{f.start}".encode()).hexdigest()[:24],
        "sentence": f.sentence,
        "start": f.start,
        "confidence": f.confidence,
        "rule": f.rule,
        "basis": f.basis,
        "place": f.place,
        "date": f.date,
        "date_text": f.date_text,
        "status": f.status,
        "published": published,
    }


def _meeting_rows(out: Rows, r: Report, doc_id: str) -> None:
    m = r.meeting
    if m is None:
        raise ValueError("a meeting report was not resolved to a meeting before writing")
    row = out.meetings.get((m.key, doc_id))
    people = [entity_key(p, "Person") for p, _ in r.attendees]
    if row is None:
        out.meetings[(m.key, doc_id)] = meeting_row(m, r, doc_id, people)
    else:  # a second report of the same meeting in one document: one REPORTS, held wins
        row["held"] = row["held"] or r.status == "held"
        row["sentences"] += [r.sentence] if r.sentence not in row["sentences"] else []
        row["people"] += [p for p in people if p not in row["people"]]
    for (_, side), key in zip(r.attendees, people, strict=True):
        out.attended.setdefault((m.key, key, doc_id), {"meeting_key": m.key, "person_key": key, "side": side})
    for slot in r.slots:
        out.slots.setdefault((slot, m.key), {"key": slot, "meeting_key": m.key})


def meeting_row(m: Meeting, r: Report, doc_id: str, people: list[str]) -> dict:
    return {
        "key": m.key,
        "name": m.name,
        "sides": m.sides,
        "sides_key": m.sides_key,
        "place": m.place,
        "place_key": r.place_key,
        "date": m.date,
        "occasion": m.occasion,
        "first_published": m.first_published,
        "last_published": m.last_published,
        "status": r.status,
        "held": r.status == "held",
        "doc_id": doc_id,
        "published": r.published,
        "report_date": r.date,
        "report_place": r.place,
        "sentences": [r.sentence],
        "people": people,
        "why": r.why,
    }
