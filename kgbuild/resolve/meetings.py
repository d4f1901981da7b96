"""Meetings as events: which reports, in one article or many, are one meeting.

A document's MET_WITH facts are grouped into `Report`s (one per place, date and status).  Two
reports are one meeting only on positive evidence (`MeetingBook`):
  * people: a pair of counterparts the report says met both attended the meeting — countries
    are not people, so different people never share a meeting because their countries match;
  * time: the same calendar date; or one has a date and the other, undated, was published
    within `WINDOW_DAYS` of it; or both are undated and were published within the window of
    each other; or neither has any date at all.  An undated report with nothing to place it in
    time never joins a dated meeting;
  * place: places never contradict (a place inside another counts as the same: Miami is in
    Florida, `within` in places.json); and where time cannot separate them (no date of any kind
    on either side) both name a place and the places agree.
A report that matches none is a new meeting; of several it prefers the one of the same date,
then of the same place, and is a new meeting when that leaves more than one.  Each report
keeps why it joined its meeting (`Report.why`).

The graph's candidates are read through an index of (person, day) `slots`: a meeting is found
under each attendee with its calendar date, the publication dates of its undated reports, or
"undated".  A report looks up only its own people on the days near its own time, so the cost of
finding its meeting does not grow with how many meetings those people had (`slots_to_ask`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cache

from ..names import entity_key
from ..predicates import predicate
from ..records import Extraction, Fact, Meeting, Report
from ..rules import Rules, load_rules

WINDOW_DAYS = 4
SAME_DATE, WINDOW, PEOPLE_AND_PLACE, NEW = "same date", "publication window", "same people and place", "new"
SAME_OCCASION = "same round and place"


def reports(facts: list[Fact], published: str | None = None, rules: Rules | None = None) -> list[Report]:
    """Group a document's meeting facts into reports: one per place, date and status, and within those
    one per set of sentences that share a pair of counterparts ('A met B in New York. A also met C
    there.' is two meetings; 'A met B and C' one)."""
    side_of = {f.subject.name: f.object.name for f in facts if f.predicate == "REPRESENTS"}
    ordinal = occasions(rules or load_rules())
    out = []
    for (place, when, status), group in _groups(facts).items():
        for sentences, pairs in _by_sentence(group):
            people = sorted({p for pair in pairs for p in pair})
            sides = sorted({side_of[p] for p in people if p in side_of})
            found = [ordinal(s) for s in sentences]
            report = Report(
                sides if len(sides) > 1 else [],
                people,
                place,
                when,
                status,
                sentences[0],
                [(p, side_of.get(p)) for p in people],
                published,
                sorted(pairs),
            )
            report.occasion = max((n for n in found if n), default=None)
            out.append(report)
    return out


def _groups(facts: list[Fact]) -> dict[tuple, list[Fact]]:
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        if predicate(f.predicate).meeting:
            groups.setdefault((f.place, f.date, f.status), []).append(f)
    return groups


def _by_sentence(facts: list[Fact]) -> list[tuple[list[str], set[tuple[str, str]]]]:
    """The facts' sentences joined where they share a pair of counterparts, in text order, with the
    pairs of each."""
    parts: list[tuple[list[str], set[tuple[str, str]]]] = []
    for f in sorted(facts, key=lambda f: f.start):
        pair = tuple(sorted((f.subject.name, f.object.name)))
        same = [p for p in parts if f.sentence in p[0]]
        joined = [p for p in parts if pair in p[1] and p not in same]
        if same or joined:
            into, *rest = same + joined
            for other in rest:
                into[0].extend(s for s in other[0] if s not in into[0])
                into[1].update(other[1])
                parts.remove(other)
        else:
            into = ([], set())
            parts.append(into)
        if f.sentence not in into[0]:
            into[0].append(f.sentence)
        into[1].add(pair)
    return parts


@cache
def _occasion_pattern(ordinals: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern:
    words = "|".join(map(re.escape, ordinals))
    return re.compile(rf"\b({words})\b(?:\s+\w+)?\s+(?:{'|'.join(map(re.escape, nouns))})\b", re.IGNORECASE)


def occasions(rules: Rules) -> Callable[[str], int | None]:
    """The ordinal a sentence gives its meeting ('a second round of talks' → 2), from meetings.json."""
    ordinals = tuple(rules.value("meetings", "occasion_ordinals"))
    pattern = _occasion_pattern(ordinals, tuple(rules.value("meetings", "occasion_nouns")))
    index = {w.lower(): n for n, w in enumerate(ordinals, start=1)}

    def ordinal(sentence: str) -> int | None:
        return max((index[m.group(1).lower()] for m in pattern.finditer(sentence)), default=None)

    return ordinal


def person_keys(names: Iterable[str]) -> set[str]:
    return {entity_key(n, "Person") for n in names}


def slots_of(m: Meeting, report: Report | None = None) -> list[str]:
    """The slot keys a meeting is found under: each attendee with its date, the publication date of
    an undated report, or 'u' when a report has no date of any kind."""
    days = [f"d|{m.date}"] if m.date else []
    if report is not None and not report.date:
        days.append(f"p|{report.published}" if report.published else "u")
    return sorted(f"{p}|{day}" for p in m.people for day in days)


def slots_to_ask(report: Report) -> list[str]:
    """The slot keys under which a meeting this report could be is found."""
    people = {k for pair in report.pairs for k in person_keys(pair)}
    if report.date:
        days = [f"d|{report.date}", *(f"p|{d}" for d in _window(report.date))]
    elif report.published:
        days = [f"{kind}|{d}" for d in _window(report.published) for kind in ("d", "p")]
    else:
        days = ["u"]
    return sorted(f"{p}|{day}" for p in people for day in days)


Near = Callable[[list[str]], Iterable[Meeting]]  # slot keys -> the meetings of the graph found under them


def assign(extractions: list[Extraction], near: Near, rules: Rules | None = None) -> None:
    """Set `report.meeting` and `report.why` for every report of a batch: a meeting of the graph, one
    of the batch, or new."""
    asked = sorted({k for x in extractions for r in x.reports for k in slots_to_ask(r)})
    book = MeetingBook(list(near(asked)) if asked else [], rules)
    for x in extractions:
        for r in x.reports:
            r.meeting, r.why = book.meeting(r, x.document.doc_id)
    for x in extractions:  # once the batch has shaped its meetings (a date a later report added)
        for r in x.reports:
            r.slots = slots_of(r.meeting, r)


class MeetingBook:
    """Decides which meeting each report is; `known` holds the meetings of the graph and the batch."""

    def __init__(self, known: list[Meeting], rules: Rules | None = None):
        self.rules = rules or load_rules()
        self.by_person: dict[str, list[Meeting]] = {}
        for m in known:
            self._index(m)

    def _index(self, m: Meeting) -> None:
        for p in m.people:
            found = self.by_person.setdefault(p, [])
            if m not in found:
                found.append(m)

    def meeting(self, report: Report, doc_id: str) -> tuple[Meeting, str]:
        """The meeting `report` is and why, updated with what it adds (a date, a more exact place, sides)."""
        found, why = self._match(report)
        if found is None:
            seed = "|".join([report.sides_key, report.date or "", report.place or "", doc_id])
            key = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20]
            found = Meeting(key, report.sides, report.sides_key, report.place, report.date)
            found.occasion = report.occasion
            why = NEW
        else:
            found.date = found.date or report.date
            found.occasion = found.occasion or report.occasion
            if report.place and (not found.place or self.rules.contains(found.place, report.place)):
                found.place = report.place  # "Miami" is more exact than "Florida"
            if report.sides and not found.sides:  # a meeting of named people now has its sides
                found.sides, found.sides_key = report.sides, report.sides_key
        if report.published and not report.date:
            found.first_published = min(filter(None, [found.first_published, report.published]))
            found.last_published = max(filter(None, [found.last_published, report.published]))
        found.people |= person_keys(report.people)
        self._index(found)
        return found, why

    def _match(self, report: Report) -> tuple[Meeting | None, str]:
        judged = [(m, why) for m in self._candidates(report) if (why := self._same(report, m))]
        if len(judged) > 1:  # prefer the one of the same date, then of the same place
            judged = [j for j in judged if j[0].date and j[0].date == report.date] or [
                j for j in judged if j[0].place == report.place
            ]
        return judged[0] if len(judged) == 1 else (None, NEW)

    def _candidates(self, report: Report) -> list[Meeting]:
        """Meetings that both people of one of the report's counterpart pairs attended."""
        out: list[Meeting] = []
        for pair in report.pairs:
            a, b = sorted(person_keys(pair))
            for m in self.by_person.get(a, []):
                if b in m.people and m not in out:
                    out.append(m)
        return out

    def _same(self, report: Report, m: Meeting) -> str:
        """Why `report` is meeting `m` ('' when it is not), people being shared already."""
        if not self._places_agree(report.place, m.place):
            return ""
        if report.date and m.date:  # calendar dates decide, whatever round either report counts
            return SAME_DATE if report.date == m.date else ""
        if report.occasion and m.occasion and report.occasion != m.occasion:  # a second round is not the first
            return ""
        round_and_place = bool(report.occasion and report.occasion == m.occasion and report.place and m.place)
        if report.date:  # a dated report and a meeting known from undated reports only
            if _near_range(report.date, m.first_published, m.last_published):
                return WINDOW
            return SAME_OCCASION if round_and_place and not m.first_published else ""
        if m.date:
            if report.published:
                return WINDOW if _days_apart(report.published, m.date) <= WINDOW_DAYS else ""
            return SAME_OCCASION if round_and_place else ""  # 'the second round' in Geneva, dated elsewhere
        if report.published and m.first_published:  # both undated, published within the window
            return WINDOW if _near_range(report.published, m.first_published, m.last_published) else ""
        if not report.published and not m.first_published:  # nothing in time: places and rounds must say so
            return PEOPLE_AND_PLACE if report.place and m.place and report.occasion == m.occasion else ""
        return ""

    def _places_agree(self, a: str | None, b: str | None) -> bool:
        return not a or not b or self.rules.contains(a, b) or self.rules.contains(b, a)


def same_event(a: Meeting, b: Meeting, rules: Rules | None = None) -> bool:
    """Whether two meetings of the same people are one event, by the rules reports join meetings by:
    times agree (the same date; a date within the other's publication window; both published near
    each other; or both wholly undated with places that agree) and places and rounds do not differ."""
    rules = rules or load_rules()
    if a.place and b.place and not (rules.contains(a.place, b.place) or rules.contains(b.place, a.place)):
        return False
    if a.date and b.date:
        return a.date == b.date
    if a.occasion and b.occasion and a.occasion != b.occasion:
        return False
    if a.date or b.date:
        dated, other = (a, b) if a.date else (b, a)
        return _near_range(dated.date, other.first_published, other.last_published)
    if a.first_published and b.first_published:
        return _near_range(a.first_published, b.first_published, b.last_published) or _near_range(
            b.first_published, a.first_published, a.last_published
        )
    return not a.first_published and not b.first_published and bool(a.place and b.place) and a.occasion == b.occasion


def _window(day: str) -> list[str]:
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return []
    return [(d + timedelta(days=k)).isoformat() for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]


def _near_range(day: str, first: str | None, last: str | None) -> bool:
    """Whether `day` is within the window of some day from `first` to `last`."""
    if not first:
        return False
    return (
        _days_apart(day, first) <= WINDOW_DAYS
        or _days_apart(day, last or first) <= WINDOW_DAYS
        or (first <= day <= (last or first))
    )


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 10**6
