"""Meetings as events: a document's MET_WITH facts grouped into the meetings they report.

The facts say who met whom; a `Meeting` is the event itself — its sides, place, date and
status, and who attended on which side — which the writer stores as a Meeting node linked to
its attendees, its place and the documents that report it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .facts import Fact
from .predicates import predicate


@dataclass
class Meeting:
    key: str
    name: str
    sides: list[str]
    place: str | None
    date: str | None
    status: str | None
    sentence: str  # the first sentence that reports it
    attendees: list[tuple[str, str | None]] = field(default_factory=list)  # (person, side)


def meetings(facts: list[Fact]) -> list[Meeting]:
    """Group a document's meeting facts into meetings (one per place, date and status)."""
    side_of = {f.subject.name: f.object.name for f in facts if f.predicate == "REPRESENTS"}
    groups: dict[tuple, tuple[set[str], str]] = {}
    for f in facts:
        if not predicate(f.predicate).meeting:
            continue
        people, _ = groups.setdefault((f.place, f.date, f.status), (set(), f.sentence))
        people |= {f.subject.name, f.object.name}
    out = []
    for (place, when, status), (people, sentence) in groups.items():
        sides = sorted({side_of[p] for p in people if p in side_of})
        basis = sides if len(sides) > 1 else sorted(people)
        # undated reports of a planned and of a held meeting at one place are not one meeting
        basis += [place or "", when or status or ""]
        key = hashlib.sha1("|".join(basis).encode("utf-8")).hexdigest()[:20]
        label = " – ".join(sides or sorted(people))
        name = ", ".join(p for p in (label, place, when) if p)
        out.append(
            Meeting(key, name, sides, place, when, status, sentence, [(p, side_of.get(p)) for p in sorted(people)])
        )
    return out
