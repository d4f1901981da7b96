"""Who held an office when: `office_holders.json` read and checked into `Terms`.

aliases.json names the people in office now; this file names who held the great offices of
state before, with the dates of each term, so a 2012 article's chancellor has a known side too.
A term is used only when the article's date falls in it (`article_period`): its publication
date, else the latest year its text names; with neither, no term is used.  A year in the text
only says the article was written then or later (a 2015 piece may look back to 2003), so on a
year alone a term gives a side only to someone the text gives a title ('Prime Minister Kari
Lie'), and no surname is taken for the holder's full name.

A name or alias may be shared by two people (Clinton, Rasmussen) as long as their terms never
meet: the article's date then says which one it is.  The checks, each a `DataError` naming the
file and the entry: every country is in countries.json; every term starts on or before it ends;
terms of one office of one country do not overlap (a same-day handover is fine); an office whose
holders change by rotation (Switzerland's presidency of the Confederation) is not listed; and no
name stands for two people at once, or for someone other than the person aliases.json gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ..names import fold, person_key

if TYPE_CHECKING:
    from . import Rules

FILE = "office_holders.json"
OFFICES = ("head_of_state", "head_of_government", "foreign_minister")


class Period(NamedTuple):
    """The days an article speaks of: its publication date (`published`), or the year its text names."""

    first: date
    last: date
    published: bool = True  # from the publication date, not a year in the text


_YEAR = re.compile(r"(?<![\d.,$€£-])\b((?:19|20)\d\d)\b(?![.,]?\d)(?!\s*(?:%|per ?cent|troops|people|soldiers))")


@dataclass(frozen=True)
class Term:
    person: str
    country: str
    office: str
    start: date
    end: date | None  # None: in office now

    def meets(self, period: Period) -> bool:
        return self.start <= period.last and (self.end is None or period.first <= self.end)


@dataclass
class Terms:
    """Terms of office by the names of their holders."""

    by_key: dict[str, list[Term]] = field(default_factory=dict)  # person key of a name or alias -> terms

    def holding(self, name: str, period: Period | None) -> Term | None:
        """The term of the one person `name` stands for whose office meets `period`, or None (no
        period, no such term, or two people it could be)."""
        if period is None:
            return None
        found = [t for t in self.by_key.get(person_key(name), ()) if t.meets(period)]
        return found[0] if found and len({t.person for t in found}) == 1 else None


def article_period(published: date | None, text: str = "") -> Period | None:
    """The days an article speaks of: its publication date; else the year of the latest year its
    text names ('in 2012'), taken whole; else None."""
    if published is not None:
        return Period(published, published)
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    year = max(years)
    return Period(date(year, 1, 1), date(year, 12, 31), published=False)


def document_period(document) -> Period | None:
    """The days a `Document` speaks of (`article_period` of its publication date and text)."""
    try:
        published = document.published_date
    except ValueError:  # a date that does not parse is no date
        published = None
    return article_period(published, document.text)


def load_terms(rules: Rules) -> None:
    from .files import _object, _words, fail

    where = rules.path(FILE)
    data = rules.read(FILE)
    known = set(rules.country_names.values())
    terms: list[Term] = []
    for country, offices in _object(where, "offices", data.get("offices")).items():
        if country not in known:
            fail(where, country, "is not a country in countries.json")
        for office, holders in _object(where, country, offices).items():
            entry = f"{country}.{office}"
            if office not in OFFICES:
                fail(where, entry, f"is not one of {', '.join(OFFICES)}")
            if not isinstance(holders, list):
                fail(where, entry, "must be a list of [name, start, end] terms")
            held = [_term(where, entry, country, office, h) for h in holders]
            held.sort(key=lambda t: t.start)
            for a, b in pairwise(held):
                if a.end is None or a.end > b.start:
                    fail(where, entry, f"has {a.person}'s term overlapping {b.person}'s (from {b.start})")
            terms += held
    people = {t.person for t in terms}
    aliases = _object(where, "aliases", data.get("aliases", {}))
    for person, words in aliases.items():
        if person not in people:
            fail(where, f"aliases.{person}", "names no one the file lists in an office")
        _words(where, f"aliases.{person}", words)
    by_person: dict[str, list[Term]] = {}
    for t in terms:
        by_person.setdefault(t.person, []).append(t)
    for person, held in by_person.items():
        for name in [person, *aliases.get(person, [])]:
            key = person_key(name)
            if not key:
                fail(where, f"aliases.{person}", f"has {name!r}, which is no name")
            current = rules.entity_aliases.get(fold(name))
            if current and current[0] != person:
                fail(where, f"aliases.{person}", f"has {name!r}, which aliases.json gives to {current[0]!r}")
            listed = rules.terms.by_key.setdefault(key, [])
            for other in listed:
                if other.person != person and any(_overlap(other, t) for t in held):
                    fail(where, f"aliases.{person}", f"has {name!r}, also {other.person}'s while both were in office")
            listed += [t for t in held if t not in listed]


def _overlap(a: Term, b: Term) -> bool:
    """Whether two terms share a day other than a handover day."""
    return a.start < (b.end or date.max) and b.start < (a.end or date.max)


def _term(where: str, entry: str, country: str, office: str, held) -> Term:
    from .files import fail

    if not (isinstance(held, list) and len(held) == 3 and isinstance(held[0], str) and held[0].strip()):
        fail(where, entry, f"has {held!r}; a term is [name, start, end] (end null for the holder now)")
    name, start, end = held
    try:
        first = date.fromisoformat(start)
        last = None if end is None else date.fromisoformat(end)
    except (TypeError, ValueError):
        fail(where, entry, f"has {name}'s term with a date that is not YYYY-MM-DD ({start!r}, {end!r})")
    if last is not None and last < first:
        fail(where, entry, f"has {name}'s term ending ({end}) before it starts ({start})")
    return Term(name, country, office, first, last)
