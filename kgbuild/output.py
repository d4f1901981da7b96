"""Rows of dicts → a readable table, JSON (a list of row objects) or CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import textwrap

FORMATS = ("table", "json", "csv")


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


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """Text safe to print to a terminal: escape sequences and other control characters removed."""
    return _CONTROL.sub("", text)


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ gets a leading quote."""
    text = cell(value)
    if not isinstance(value, (int, float)) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def render(rows: list[dict], fmt: str = "table", width: int | None = None) -> str:
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
    return table(rows, columns, width or shutil.get_terminal_size((120, 24)).columns)


def _columns(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for k in row:
            if k not in columns:
                columns.append(k)
    return columns


def table(rows: list[dict], columns: list[str], width: int = 120) -> str:
    """A plain-text table that fits `width`, wrapping the widest columns (such as evidence)."""
    if not rows:
        return "(no rows)"
    texts = [[printable(cell(r.get(c))) for c in columns] for r in rows]
    natural = [max([len(c)] + [len(t[i]) for t in texts]) for i, c in enumerate(columns)]
    budget = max(width - 3 * (len(columns) - 1), 20 * len(columns))
    widths = list(natural)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= max(12, len(columns[i])):
            break
        widths[i] -= 1
    lines = [_line(columns, widths), "   ".join("-" * w for w in widths)]
    for t in texts:
        lines.append(_line(t, widths))
    return "\n".join(lines)


def _line(values: list[str], widths: list[int]) -> str:
    wrapped = [textwrap.wrap(v, w, break_long_words=True) or [""] for v, w in zip(values, widths, strict=False)]
    height = max(len(w) for w in wrapped)
    out = []
    for k in range(height):
        parts = [(w[k] if k < len(w) else "").ljust(width) for w, width in zip(wrapped, widths, strict=False)]
        out.append("   ".join(parts).rstrip())
    return "\n".join(out)
