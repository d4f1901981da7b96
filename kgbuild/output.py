"""Rows of dicts → a table that fits the terminal, JSON (a list of row objects) or CSV.

Tables truncate short columns with an ellipsis, wrap the long text ones (sentences, participants,
sources) and shorten document ids; `wide=True` (`--wide`) shows every character.  CSV cells that
a spreadsheet would run get a leading quote; tables and warnings never carry terminal escapes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import unicodedata

FORMATS = ("table", "json", "csv")
WRAPPED = {"sentence", "sentences", "participants", "sources", "members", "item", "title", "evidence", "counterparts"}
IDS = {"doc_id", "key", "id"}
NAMES = {
    "person",
    "counterpart",
    "subject",
    "object",
    "envoy",
    "principal",
    "country",
    "name",
    "from",
    "to",
    "source",
    "target",
    "leaders",
}
DATES = {"date", "published", "dates"}
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


def table(rows: list[dict], columns: list[str], width: int = 120, wide: bool = False) -> str:
    """A plain table that fits `width` (unless `wide`): long text wraps, other cells end in '…'."""
    if not rows:
        return "(no rows)"
    texts = [[_text(c, r.get(c), wide) for c in columns] for r in rows]
    cells = [[text_width(t) for t in row] for row in texts]
    widths = natural_widths(columns, cells) if wide else fit(columns, cells, width - 3 * len(columns))
    wraps = [wide or c in WRAPPED for c in columns]
    out = _lines(columns, widths, wraps)
    out.append(_GAP.join("─" * w for w in widths))
    for row in texts:
        out.extend(_lines(row, widths, wraps))
    return "\n".join(line.rstrip() for line in out)


_GAP = "   "


def _lines(cells: list[str], widths: list[int], wraps: list[bool]) -> list[str]:
    """One row as printed lines: wrapping cells folded to their column, the others cut with '…'."""
    parts = [_wrap(t, w) if wrap else [_cut(t, w)] for t, w, wrap in zip(cells, widths, wraps, strict=True)]
    return [
        _GAP.join(_pad(p[k] if k < len(p) else "", w) for p, w in zip(parts, widths, strict=True))
        for k in range(max(len(p) for p in parts))
    ]


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


def _cut(text: str, width: int) -> str:
    """The first line of `text`, ending in '…' when it is wider than `width`."""
    text = text.split("\n", 1)[0]
    if text_width(text) <= width:
        return text
    return _take(text, width - 1) + "…"


def _take(text: str, width: int) -> str:
    """The longest start of `text` at most `width` columns wide."""
    if text.isascii():
        return text[:width]
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


def natural_widths(columns: list[str], cells: list[list[int]]) -> list[int]:
    """Each column as wide as its header or its widest cell (`cells`: the cells' widths)."""
    return [max([text_width(c), *(row[k] for row in cells)]) for k, c in enumerate(columns)]


def fit(columns: list[str], cells: list[list[int]], room: int) -> list[int]:
    """Column widths within `room`: each column as wide as its longest cell, then the one with most to
    spare shrunk until the table fits — names to 18 characters, dates to 10, wrapping text to 24,
    other columns to 8 (or their header)."""
    widths = natural_widths(columns, cells)
    for floors in (
        [min(w, _floor(c)) for c, w in zip(columns, widths, strict=True)],
        [min(w, 12 if c in WRAPPED else 5) for c, w in zip(columns, widths, strict=True)],
    ):
        while sum(widths) > room:
            k = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
            if widths[k] <= floors[k]:
                break
            widths[k] -= 1
    return widths


def _floor(column: str) -> int:
    if column in WRAPPED:
        return 24
    if column in NAMES:
        return 18
    return 10 if column in DATES else max(len(column), 8)


def _text(column: str, value, wide: bool) -> str:
    text = printable(cell(value))
    if column in IDS and not wide and len(text) > ID_CHARS:
        text = text[:ID_CHARS] + "…"
    return text
