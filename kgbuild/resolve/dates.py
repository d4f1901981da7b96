"""Dates as written ("Saturday", "on Sunday", "December 1", "next week") → ISO dates.

They are resolved against the article's publication date: a weekday is the nearest such day
on or before it for things that happened, on or after it for things planned.  With no
publication date, only dates that carry their own year resolve.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..records import Fact

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def date_facts(facts: list[Fact], published: date | None) -> None:
    """Set each fact's ISO `date` from the date as written, against the publication date."""
    for f in facts:
        if f.date_text:
            f.date = resolve_date(f.date_text, published, f.status)


def resolve_date(text: str | None, published: date | None, status: str | None = "held") -> str | None:
    """An ISO date for `text`, or None when it cannot be pinned to one day."""
    if not text:
        return None
    t = re.sub(r"^(?:on|this|last|by|since|from|until|early|late)\s+", "", text.strip().lower())
    t = t.removesuffix("'s").removesuffix("’s").strip(" .,")
    future = status == "planned"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if published is None:
        if re.search(r"\b\d{4}\b", t) and re.search(r"[a-z]", t):
            return _parse(t, None, future)
        return None
    if t in RELATIVE:
        return (published + timedelta(days=RELATIVE[t])).isoformat()
    m = re.fullmatch(r"(next|last)?\s*(" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?", t)
    if m:
        want = WEEKDAYS.index(m[2])
        delta = (want - published.weekday()) % 7
        if m[1] == "next" or (future and m[1] != "last"):
            return (published + timedelta(days=delta or 7 if m[1] == "next" else delta)).isoformat()
        return (published - timedelta(days=(published.weekday() - want) % 7)).isoformat()
    if re.search(r"\b(?:week|month|year|weekend)\b", t) and not re.search(r"\d", t):
        return None  # a span, not a day
    return _parse(t, published, future)


def _parse(t: str, published: date | None, future: bool) -> str | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "REQUIRE_PARTS": ["day", "month"]}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(t, languages=["en"], settings=settings)
    if parsed is None:
        return None
    d = parsed.date()
    if published is not None and not re.search(r"\b\d{4}\b", t) and abs((d - published).days) > 200:
        d = d.replace(year=published.year)  # "December 1" in a late-November article
    return d.isoformat()


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
