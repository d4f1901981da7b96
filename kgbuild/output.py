"""Rows of dicts → a table that fits the terminal (rich), JSON (a list of row objects) or CSV.

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
    """A CSV cell a spreadsheet will not run: text starting with = + - @ gets a leading quote."""
    text = cell(value)
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
    from rich import box
    from rich.console import Console
    from rich.table import Table

    texts = [[_text(c, r.get(c), wide) for c in columns] for r in rows]
    widths = None if wide else fit(columns, [[len(t) for t in row] for row in texts], width - 3 * len(columns))
    t = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, pad_edge=False, header_style="bold")
    for k, c in enumerate(columns):
        wraps = c in WRAPPED
        t.add_column(
            c,
            overflow="fold" if wraps or wide else "ellipsis",
            no_wrap=not (wraps or wide),
            width=widths[k] if widths else None,
        )
    for row in texts:
        t.add_row(*row)
    console = Console(
        file=io.StringIO(),
        width=10**6 if wide else width,
        color_system=None,
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
    )
    console.print(t)
    return "\n".join(line.rstrip() for line in console.file.getvalue().rstrip("\n").splitlines())


def fit(columns: list[str], cells: list[list[int]], room: int) -> list[int]:
    """Column widths within `room`: each column as wide as its longest cell, then the one with most to
    spare shrunk until the table fits — names to 18 characters, dates to 10, wrapping text to 24,
    other columns to 8 (or their header)."""
    widths = [max([len(c), *(row[k] for row in cells)]) for k, c in enumerate(columns)]
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
