"""Article text as kgbuild keeps it: page clutter out, the dateline and title found, metadata one line.

The clutter rules are data (`kgbuild/data/clutter.json`): lines to drop (navigation, share and
comment widgets, bylines) and headings after which nothing belongs to the article ("Similar
news", "Related").
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources

from ..text import clean_line

FIELD_CHARS = 1000  # title, url, source: longer values are cut (with an ellipsis)
DATELINE_LINES = 15  # a publication date is looked for in the first lines ...
DATELINE_WORDS = 14  # ... that are short: a dateline, a headline with its date, a label
TITLE_WORDS = 25


@cache
def _clutter():
    data = json.loads(resources.files("kgbuild.data").joinpath("clutter.json").read_text(encoding="utf-8"))
    stops = {s.lower() for s in data["stop_headings"]}
    drops = [re.compile(p, re.IGNORECASE) for p in data["drop_lines"]]
    return stops, drops


_PUBLISHED = re.compile(r"^(?:published|updated|posted)(?: on)?:?\s+(.{4,60})$", re.IGNORECASE)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}} {_MONTHS},? \d{{4}}|{_MONTHS} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.IGNORECASE
)

_WIRE_DATE = re.compile(  # 'OSLO, March 2, 2026 - ...', 'NEW DELHI, 14 April 2026 (Reuters) - ...'
    rf"^[A-Z][A-Z .'’-]*(?:, [A-Z][A-Za-z.]*)*,\s+({_MONTHS} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTHS},? \d{{4}})"
    r"(?:\s*\([A-Za-z .]+\))?\s+[-–—]\s"
)


def clean_lines(lines: Iterable[str]) -> tuple[list[str], str | None]:
    """Drop page clutter; stop at a "Similar news"-style heading.  Returns lines and any dateline."""
    stops, drops = _clutter()
    out: list[str] = []
    dateline = None
    for raw in lines:
        line = " ".join(html.unescape(raw).replace("\xa0", " ").split())
        if not line:
            continue
        bare = line.strip(" :.-—|#*").lower()
        if bare in stops and out:
            break
        m = _PUBLISHED.match(line)
        if m and iso_date(m.group(1)):
            dateline = dateline or iso_date(m.group(1))
            continue
        if any(p.fullmatch(line) for p in drops):
            continue
        if out and line == out[-1]:  # a caption or title printed twice
            continue
        out.append(line)
    return out, dateline or dated_line(out)


def dated_line(lines: list[str]) -> str | None:
    """A publication date written near the top: 'March 3, 2026', 'New Delhi, 14 April 2026',
    'PM call with the President of Finland: 12 March 2026', or a wire dateline opening a paragraph
    ('OSLO, March 2, 2026 - Norway's foreign minister ...')."""
    for line in lines[:DATELINE_LINES]:
        wire = _WIRE_DATE.match(line)
        if wire and iso_date(wire.group(1)):
            return iso_date(wire.group(1))
        if len(line.split()) <= DATELINE_WORDS:
            m = _FULL_DATE.search(line)
            if m and iso_date(m.group(0)):
                return iso_date(m.group(0))
    return None


def title_of(lines: list[str]) -> str | None:
    """A heading-like first line: short, and not ending like a sentence."""
    if not lines:
        return None
    first = lines[0]
    if len(first.split()) <= TITLE_WORDS and not re.search(r"[.!?\"”]$", first):
        return first
    return None


def field(value) -> str | None:
    """A metadata field as one clean line of at most FIELD_CHARS characters."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = clean_line(str(value))
    return (text[: FIELD_CHARS - 1] + "…" if len(text) > FIELD_CHARS else text) or None


def iso_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date string, or None."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d{4}", value):  # a date without a year is not a publication date
        return None
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None
