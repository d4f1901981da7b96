"""Rows of dicts → a table that fits the terminal, JSON (a list of row objects) or CSV.

A table lays out each column by its kind (`KINDS`, by the column's name or what its cells look like):
dates, ids, relation names, statuses and counts are never cut; the sentence takes the room the others
leave; other long text wraps; paths are cut at their start, so the file name shows; names and the rest
are cut at their end with '…'.  A column empty in every row is left out, one with the same value in
every row gives its room first, and no column is cut so far that two rows which differ look the same
(`fit`).  Document ids show their first 12 characters; `wide=True` (`--wide`) every character.  CSV
cells that a spreadsheet would run get a leading quote; tables and warnings carry no terminal escapes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

FORMATS = ("table", "json", "csv")
ID_CHARS = 12
MIN_WIDTH = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """One value as text: lists joined with '; ', None as empty, floats trimmed."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def printable(text: str) -> str:
    """Text safe to print to a terminal: escape sequences and other control characters removed."""
    return _CONTROL.sub("", text)


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet will not run (text starting with = + - @ gets a leading quote), with no
    terminal escapes or other control characters."""
    text = printable(cell(value))
    if not isinstance(value, (int, float)) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def render(rows: list[dict], fmt: str = "table", width: int | None = None, wide: bool = False) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    columns = _columns(rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in columns])
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    return table(rows, columns, width or terminal_width(), wide)


def terminal_width() -> int:
    return max(MIN_WIDTH, shutil.get_terminal_size((120, 24)).columns)


def _columns(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for k in row:
            if k not in columns:
                columns.append(k)
    return columns


# -- what a column holds, and how it may be cut ------------------------------------------------------

WHOLE, WRAP, END, START = "whole", "wrap", "end", "start"  # how a cell narrower than its text is shown


@dataclass(frozen=True)
class Kind:
    """A kind of column: which columns are of it, and how they are laid out.

    `names`: the columns of this kind (space-separated); `looks`: else, a column is of this kind when
    every non-empty cell matches.  `cut`: WHOLE (every character shows; the cell folds only at spaces:
    a list of dates between its items), WRAP (folded to the column), END or START (one line, cut with
    '…' at its end, or at its start so that a path keeps its file name).  `keep`: the width it keeps
    while others have more to give (or a function of header and cells); `least`: the narrowest it
    becomes (WRAP: its widest word if wider, up to 16; WHOLE: its widest word, the header cut to no
    fewer than SHORTEST).  `slack`: it takes the room the others leave, and gives its own last."""

    name: str
    cut: str
    names: str = ""
    looks: str | None = None
    keep: int | Callable[[str, list[str]], int] = 0
    least: int = 5
    slack: bool = False


def _widest_word(cells: list[str]) -> int:
    return max((text_width(w) for c in cells for w in c.split()), default=0)


def _file_name(column: str, cells: list[str]) -> int:
    """Room for '…' and the widest file name (the last part of a path or URL), up to 40 columns."""
    return min(40, max((1 + text_width(_FILE.search(c)[0]) for c in cells if c), default=0))


_PATHLIKE = re.compile(r"(?i)^(?:[a-z][\w+.-]*://\S+|[~.]?/\S*|\S*[/\\]\S*\.\w{1,5}(?::\d+)?|\S+[/\\])$")
_FILE = re.compile(r"[^/\\]*[/\\]?$")
_DAYS = r"^\d{4}(?:-\d\d){0,2}(?:; \d{4}(?:-\d\d){0,2})*$"

# In order: a column is of the first kind that names it, else of the first whose `looks` all its cells
# match, else OTHER.  `source` is left to what it holds: a path, or an outlet's name.
KINDS = (
    Kind("id", WHOLE, "doc_id key id"),
    Kind("date", WHOLE, "date published dates first_date last_date since until", _DAYS),
    Kind("label", WHOLE, "relationship relation predicate type kind section status basis", r"^[A-Z][A-Z_]*[A-Z]$"),
    Kind("count", WHOLE, "articles entities facts meetings count step", r"^(?:-?\d+(?:\.\d+)?|true|false)$"),
    Kind("sentence", WRAP, "sentence sentences evidence", keep=30, least=12, slack=True),
    Kind("text", WRAP, "participants sources members item title counterparts document", keep=24, least=12),
    Kind("path", START, "path file url uri", _PATHLIKE.pattern, keep=_file_name),
    Kind(
        "name", END, "person counterpart subject object envoy principal country name leaders from to", keep=18, least=8
    ),
)
OTHER = Kind("other", END, keep=lambda column, cells: max(8, text_width(column)))
IDS = KINDS[0].names.split()  # shortened to ID_CHARS in tables (unless wide)


def kind_of(column: str, cells: list[str]) -> Kind:
    """What the column holds, by its name or else by what every one of its non-empty cells looks like."""
    filled = [c for c in cells if c]
    named = next((k for k in KINDS if column in k.names.split()), None)
    return named or next((k for k in KINDS if k.looks and filled and all(re.match(k.looks, c) for c in filled)), OTHER)


# -- the table ---------------------------------------------------------------------------------------

GAP, TIGHT = "   ", "  "  # between columns; TIGHT when the table is wider than the terminal


def table(rows: list[dict], columns: list[str], width: int = 120, wide: bool = False) -> str:
    """A plain table that fits `width` (unless `wide`), laid out by its columns' kinds (`KINDS`, `fit`);
    columns empty in every row are left out (JSON and CSV keep them)."""
    if not rows:
        return "(no rows)"
    texts = [[_text(c, r.get(c), wide) for c in columns] for r in rows]
    filled = [k for k in range(len(columns)) if any(row[k] for row in texts)] or list(range(len(columns)))
    columns = [columns[k] for k in filled]
    texts = [[row[k] for k in filled] for row in texts]
    kinds = [kind_of(c, [row[k] for row in texts]) for k, c in enumerate(columns)]
    widths = [max([text_width(c), *(text_width(row[k]) for row in texts)]) for k, c in enumerate(columns)]
    gap = GAP if wide or sum(widths) + len(GAP) * (len(columns) - 1) <= width else TIGHT
    cuts = [WRAP] * len(columns) if wide else [k.cut for k in kinds]
    if not wide:
        widths = fit(columns, texts, kinds, width - len(gap) * (len(columns) - 1))
    heads = [WRAP if cut == WRAP else END for cut in cuts]
    out = _lines(columns, widths, heads, gap)
    out.append(gap.join("─" * w for w in widths))
    for row in texts:
        out.extend(_lines(row, widths, cuts, gap))
    return "\n".join(line.rstrip() for line in out)


def _lines(cells: list[str], widths: list[int], cuts: list[str], gap: str) -> list[str]:
    """One row as printed lines: each cell shown as its column's kind says (`show`)."""
    parts = [show(t, w, cut) for t, w, cut in zip(cells, widths, cuts, strict=True)]
    return [
        gap.join(_pad(p[k] if k < len(p) else "", w) for p, w in zip(parts, widths, strict=True))
        for k in range(max(len(p) for p in parts))
    ]


def show(text: str, width: int, cut: str) -> list[str]:
    """The lines of one cell `width` columns wide: a WHOLE cell folds at spaces, a path or URL in any
    other column is cut at its start, WRAP cells fold, END cells are cut at their end."""
    if cut == WHOLE:
        return _wrap(text, width)
    if cut == START or _PATHLIKE.match(text):
        return [_cut(text, width, start=True)]
    return _wrap(text, width) if cut == WRAP else [_cut(text, width)]


def text_width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide characters count two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _pad(text: str, width: int) -> str:
    return text + " " * (width - text_width(text))


def _cut(text: str, width: int, start: bool = False) -> str:
    """The first line of `text`, its end (or `start`) replaced by '…' when it is wider than `width`."""
    text = text.split("\n", 1)[0]
    if text_width(text) <= width:
        return text
    return "…" + _take(text[::-1], width - 1)[::-1] if start else _take(text, width - 1) + "…"


def _take(text: str, width: int) -> str:
    """The longest start of `text` at most `width` columns wide."""
    if text.isascii():
        return text[: max(0, width)]
    used = 0
    for k, ch in enumerate(text):
        used += _char_width(ch)
        if used > width:
            return text[:k]
    return text


def _wrap(text: str, width: int) -> list[str]:
    """`text` wrapped at spaces to `width` columns; a word wider than that is folded."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            while text_width(word) > width:
                room = width - text_width(line) - (1 if line else 0)
                if room <= 0:
                    lines.append(line)
                    line, room = "", width
                head = _take(word, room)
                lines.append(f"{line} {head}" if line else head)
                line, word = "", word[len(head) :]
            if not word:
                continue
            if line and text_width(line) + 1 + text_width(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return lines or [""]


@dataclass
class _Column:
    """One column being laid out: how wide it would like to be and the floors it may be narrowed to."""

    kind: Kind
    head: str
    cells: list[str]
    natural: int  # its header or its widest cell
    least: int  # the narrowest its kind lets it become
    last: int  # the narrowest it becomes when nothing else can give (LAST)
    keep: int  # what its kind keeps while others have more to give
    header: int  # a WHOLE column with its header cut: to HEADER columns, or to its widest word if wider
    constant: bool  # one value in every row, of several
    cuts: bool = False  # cut with '…'
    folds: bool = False  # text that wraps, not the sentence

    def __post_init__(self):
        self.cuts, self.folds = self.kind.cut in (END, START), self.kind.cut == WRAP and not self.kind.slack


HEADER, SHORTEST = 6, 4  # a WHOLE column's header is first cut to HEADER columns, at the end to SHORTEST
LAST = {END: 5, START: 5, WRAP: 8}  # when nothing else can give: a column cut with '…', text that folds

# While the table is wider than the room, each step narrows the columns it takes to the floor it names, one
# column at a time from the one with most to give: text that wraps first (it loses no character), then columns
# with one value in every row (they tell no rows apart), names and paths, the sentence last of all but headers.
STEPS: tuple[tuple[Callable[[_Column], bool], str], ...] = (
    (lambda c: c.folds, "keep"),
    (lambda c: c.cuts and c.constant, "least"),
    (lambda c: c.cuts, "keep"),
    (lambda c: c.kind.slack, "keep"),
    (lambda c: c.folds, "least"),
    (lambda c: c.kind.cut == WHOLE, "header"),
    (lambda c: c.cuts, "least"),
    (lambda c: c.kind.slack, "least"),
    (lambda c: c.kind.cut == WHOLE, "least"),
    (lambda c: c.kind.cut != WHOLE, "last"),
)


def fit(columns: list[str], texts: list[list[str]], kinds: list[Kind], room: int) -> list[int]:
    """Column widths within `room` (as far as the columns may give): natural widths narrowed by `STEPS`;
    where two rows that differ would look the same, the column that tells them apart at the smallest
    cost is kept wide enough to, and the rest narrowed again."""
    cols = []
    for k, (name, kind) in enumerate(zip(columns, kinds, strict=True)):
        cells = [row[k] for row in texts]
        natural = max([text_width(name), *(text_width(c) for c in cells)])
        word = _widest_word([c for c in cells if not _PATHLIKE.match(c)])  # a path is cut, not folded
        least = min(
            natural, {WHOLE: max(word, SHORTEST), WRAP: max(kind.least, min(16, word))}.get(kind.cut, kind.least)
        )
        keeps = kind.keep(name, cells) if callable(kind.keep) else kind.keep
        keep = natural if kind.cut == WHOLE else min(natural, max(least, keeps))
        header = max(least, min(natural, HEADER))
        last = least if kind.cut == WHOLE else min(least, LAST[kind.cut])
        constant = len(cells) > 1 and len(set(cells)) == 1
        cols.append(_Column(kind, name, cells, natural, least, last, keep, header, constant))
    raised = [0] * len(cols)
    for _ in range(4 * len(cols)):
        widths = _narrow(cols, raised, room)
        clash = _clash(texts, widths, kinds)
        if clash is None:
            break
        k, needed = clash
        raised[k] = needed
    return widths


def _narrow(cols: list[_Column], raised: list[int], room: int) -> list[int]:
    """The columns' natural widths narrowed by `STEPS` until they fit `room`; none below `raised`."""
    widths = [c.natural for c in cols]
    n = len(cols)
    for takes, floor in STEPS:
        floors = [
            max(min(getattr(c, floor), w) if takes(c) else w, r) for c, w, r in zip(cols, widths, raised, strict=True)
        ]
        while sum(widths) > room:
            k = max(range(n), key=lambda i: widths[i] - floors[i])
            if widths[k] <= floors[k]:
                break
            widths[k] -= 1
    return _tidy(cols, widths, room)


def _tidy(cols: list[_Column], widths: list[int], room: int) -> list[int]:
    """Columns that fold made as narrow as their widest line, and the room that frees given back to the
    columns cut with '…' (the one that misses most first), then the sentence, then other text."""
    widths = list(widths)
    for i, c in enumerate(cols):
        if c.kind.cut in (WHOLE, WRAP) and widths[i] < c.natural:
            head = [_cut(c.head, widths[i])] if c.kind.cut == WHOLE else _wrap(c.head, widths[i])
            lines = [line for t in c.cells for line in show(t, widths[i], c.kind.cut)]
            widths[i] = max(text_width(line) for line in head + lines)
    for wanted in (lambda c: c.cuts, lambda c: c.kind.slack, lambda c: c.folds):
        while sum(widths) < room:
            short = [i for i, c in enumerate(cols) if wanted(c) and widths[i] < c.natural]
            if not short:
                break
            widths[max(short, key=lambda i: cols[i].natural - widths[i])] += 1
    return widths


def _clash(texts: list[list[str]], widths: list[int], kinds: list[Kind]) -> tuple[int, int] | None:
    """Two rows that differ but would look the same at `widths`: the column to widen to tell them apart
    (of the columns where they differ, the one that needs the fewest columns more) and its width."""
    seen: dict[tuple, list[str]] = {}
    for row in texts:
        shown = tuple(_shown(t, w, k) for t, w, k in zip(row, widths, kinds, strict=True))
        other = seen.setdefault(shown, row)
        if other == row:
            continue
        options = []
        for k, (a, b) in enumerate(zip(row, other, strict=True)):
            widest = max(text_width(a), text_width(b))
            apart = (w for w in range(widths[k] + 1, widest + 1) if _shown(a, w, kinds[k]) != _shown(b, w, kinds[k]))
            if a != b:
                options.append((next(apart, widest) - widths[k], k))
        if options:
            more, k = min(options)
            return k, widths[k] + more
    return None


def _shown(text: str, width: int, kind: Kind) -> str:
    """What a cell shows of `text`: all of it, unless it is cut."""
    if kind.cut == WHOLE or (kind.cut == WRAP and not _PATHLIKE.match(text)):
        return text
    return show(text, width, kind.cut)[0]


def _text(column: str, value, wide: bool) -> str:
    text = printable(cell(value))
    if column in IDS and not wide and len(text) > ID_CHARS:
        text = text[:ID_CHARS] + "…"
    return text
