"""Meetings as events: which reports, in one article or many, are one meeting.

A document's MET_WITH facts are grouped into `Report`s (one per place, date and status).  A
`MeetingBook` then decides, against the meetings already in the graph and those of the same
batch, which meeting each report is: the same sides, and
  * the same date; or one date missing and the other within `WINDOW_DAYS` of the publication
    date of the report that has none;
  * or no date on either: the one meeting of those sides at the same or an enclosing place
    (Miami is in Florida, the Kremlin in Moscow: `within` in places.json).
A report that matches none, or more than one, is a new meeting.  The writer stores each report
on its meeting with its status, and the meeting's status is the latest report's.

`assign` gives each report of a batch its meeting, reading the graph's meetings near the batch
through the `Near` function it is handed (`kgbuild.graph.lookup.meetings_near`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date

from ..names import entity_key
from ..predicates import predicate
from ..records import Extraction, Fact, Meeting, Report
from ..rules import Rules, load_rules

WINDOW_DAYS = 4


def reports(facts: list[Fact], published: str | None = None) -> list[Report]:
    """Group a document's meeting facts into reports (one per place, date and status)."""
    side_of = {f.subject.name: f.object.name for f in facts if f.predicate == "REPRESENTS"}
    groups: dict[tuple, tuple[set[str], str]] = {}
    for f in facts:
        if predicate(f.predicate).meeting:
            people, _ = groups.setdefault((f.place, f.date, f.status), (set(), f.sentence))
            people |= {f.subject.name, f.object.name}
    out = []
    for (place, when, status), (people, sentence) in groups.items():
        sides = sorted({side_of[p] for p in people if p in side_of})
        out.append(
            Report(
                sides if len(sides) > 1 else [],
                sorted(people),
                place,
                when,
                status,
                sentence,
                [(p, side_of.get(p)) for p in sorted(people)],
                published,
            )
        )
    return out


Near = Callable[[list[str], list[str]], Iterable[Meeting]]  # (sides keys, person keys) -> meetings in the graph


def assign(extractions: list[Extraction], near: Near, rules: Rules | None = None) -> None:
    """Set `report.meeting` for every report of a batch: a meeting of the graph, one of the batch, or new."""
    sides = sorted({r.sides_key for x in extractions for r in x.reports})
    people = sorted({entity_key(p, "Person") for x in extractions for r in x.reports for p in r.people})
    book = MeetingBook(list(near(sides, people)) if sides else [], rules)
    for x in extractions:
        for r in x.reports:
            r.meeting = book.meeting(r, x.document.doc_id)


class MeetingBook:
    """Decides which meeting each report is; `known` holds the meetings of the graph and the batch."""

    def __init__(self, known: list[Meeting], rules: Rules | None = None):
        self.rules = rules or load_rules()
        self.by_sides: dict[str, list[Meeting]] = {}
        self.by_person: dict[str, list[Meeting]] = {}
        for m in known:
            self._index(m)

    def _index(self, m: Meeting) -> None:
        if m not in self.by_sides.setdefault(m.sides_key, []):
            self.by_sides[m.sides_key].append(m)
        for p in m.people:
            if m not in self.by_person.setdefault(p, []):
                self.by_person[p].append(m)

    def meeting(self, report: Report, doc_id: str) -> Meeting:
        """The meeting `report` is, updated with what it adds (a date, a more exact place, its sides)."""
        found = self._match(report)
        if found is None:
            seed = "|".join([report.sides_key, report.date or "", report.place or "", doc_id])
            key = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20]
            found = Meeting(key, report.sides, report.sides_key, report.place, report.date)
        else:
            found.date = found.date or report.date
            if report.place and (not found.place or self.rules.contains(found.place, report.place)):
                found.place = report.place  # "Miami" is more exact than "Florida"
            if report.sides and not found.sides:  # a meeting of named people now has its sides
                found.sides, found.sides_key = report.sides, report.sides_key
        found.reported.append(report.published)
        found.people |= set(report.people)
        self._index(found)
        return found

    def _match(self, report: Report) -> Meeting | None:
        cands = [m for m in self._candidates(report) if self._same(report, m)]
        if len(cands) > 1:  # prefer the one of the same date, then of the same place
            cands = [m for m in cands if m.date == report.date] or [m for m in cands if m.place == report.place]
        return cands[0] if len(cands) == 1 else None

    def _candidates(self, report: Report) -> list[Meeting]:
        """Meetings of the same sides; where either report names no sides, meetings of two of its people."""
        out = list(self.by_sides.get(report.sides_key, []))
        for person in report.people:
            for m in self.by_person.get(person, []):
                shared = set(report.people) & m.people
                if m not in out and not (report.sides and m.sides) and len(shared) >= 2:
                    out.append(m)
        return out

    def _same(self, report: Report, m: Meeting) -> bool:
        if not self._places_agree(report.place, m.place):
            return False
        if report.date and m.date:
            return report.date == m.date
        if report.date or m.date:
            dated = report.date or m.date
            undated = [report.published] if report.date is None else m.reported
            if not any(undated):
                return True  # a report with no date at all: the one meeting of those sides at that place
            return any(_days_apart(dated, p) <= WINDOW_DAYS for p in undated if p)
        return True

    def _places_agree(self, a: str | None, b: str | None) -> bool:
        return not a or not b or self.rules.contains(a, b) or self.rules.contains(b, a)


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 10**6
