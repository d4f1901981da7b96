"""Files → documents: clean article text plus metadata (title, publication date, url, source).

Reads `.txt`, `.md`, `.html/.htm` and `.jsonl` (one article a line), from files, folders
(recursively), globs or `-` for standard input.  Anything that cannot be read becomes a
`Problem` with a message that says why, so callers can warn, skip and go on.
"""

from __future__ import annotations

import glob
import hashlib
import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class Document:
    """One article: clean text, its stable id and what is known about it."""

    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    source: str | None = None
    doc_id: str = field(init=False)

    def __post_init__(self):
        self.doc_id = document_id(self.text)

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published) if self.published else None


@dataclass
class Problem:
    """An input that was skipped, and why (one line, names the fix)."""

    path: str
    reason: str


def document_id(text: str) -> str:
    """SHA-256 of the normalised text: the same article always gets the same id."""
    norm = unicodedata.normalize("NFC", text)
    norm = " ".join(norm.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


# -- where the files are -------------------------------------------------------------------------


def expand(paths: Iterable[str]) -> Iterator[Path | str | Problem]:
    """Paths, folders (recursive), globs and `-` → the files to read, in a stable order."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw).expanduser()
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                yield Problem(raw, f"no .txt, .md, .html or .jsonl files in folder {raw}")
            yield from found
        elif p.is_file():
            yield p
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True) if Path(m).is_file())
            if not matches:
                yield Problem(raw, f"no files match {raw}")
            yield from matches
        else:
            yield Problem(raw, f"no such file or folder: {raw}")


def read_documents(paths: Iterable[str], published: str | None = None, stdin=None) -> Iterator[Document | Problem]:
    """Every article under `paths`, or a Problem for each input that could not be read."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
            continue
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _from_bytes("<stdin>", data, _sniff(data), published)
            continue
        suffix = item.suffix.lower()
        kind = "html" if suffix in HTML_SUFFIXES else "jsonl" if suffix in JSONL_SUFFIXES else "text"
        if suffix not in SUFFIXES:
            yield Problem(
                str(item), f"{item}: unsupported file type {suffix or '(none)'}; use .txt, .md, .html or .jsonl"
            )
            continue
        try:
            data = item.read_bytes()
        except OSError as e:
            yield Problem(str(item), f"cannot read {item}: {e.strerror or e}; check its permissions")
            continue
        yield from _from_bytes(str(item), data, kind, published)


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<article")):
        return "html"
    return "text"


def _from_bytes(path: str, data: bytes, kind: str, published: str | None) -> Iterator[Document | Problem]:
    if b"\x00" in data[:8192]:
        yield Problem(path, f"{path} is a binary file, not an article; skipped")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        yield Problem(
            path, f"{path} is not UTF-8 text (byte {e.start}); convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8"
        )
        return
    if kind == "jsonl":
        yield from _from_jsonl(path, text, published)
        return
    doc = from_html(path, text) if kind == "html" else from_text(path, text)
    if published:
        doc.published = published
    yield doc if doc.text.strip() else Problem(path, f"{path} holds no article text; skipped")


def _from_jsonl(path: str, text: str, published: str | None) -> Iterator[Document | Problem]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        head = None
    if isinstance(head, dict) and "text" not in head:
        yield Problem(path, f'{path} is JSON lines without a "text" field: not an articles file; skipped')
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(where, f"{where}: not valid JSON ({e.msg}); fix or remove the line")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            yield Problem(where, f'{where}: needs a non-empty "text" field')
            continue
        raw = row["text"]
        doc = from_html(where, raw) if _sniff(raw.encode()) == "html" else from_text(where, raw)
        doc.title = _str(row.get("title")) or doc.title
        doc.url = _str(row.get("url")) or doc.url
        doc.source = _str(row.get("source")) or doc.source
        doc.published = published or iso_date(_str(row.get("published"))) or doc.published
        if not doc.text.strip():
            yield Problem(where, f'{where}: "text" holds no article text')
            continue
        yield doc


def _str(value) -> str | None:
    return str(value).strip() or None if value is not None else None


# -- cleaning ------------------------------------------------------------------------------------


@cache
def _clutter():
    data = json.loads(resources.files("kgbuild.data").joinpath("clutter.json").read_text(encoding="utf-8"))
    stops = {s.lower() for s in data["stop_headings"]}
    drops = [re.compile(p, re.IGNORECASE) for p in data["drop_lines"]]
    return stops, drops


_PUBLISHED = re.compile(r"^(?:published|updated|posted)(?: on)?:?\s+(.{4,60})$", re.IGNORECASE)


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
    return out, dateline


def _title_of(lines: list[str]) -> str | None:
    if not lines:
        return None
    first = lines[0]
    if len(first.split()) <= 25 and not re.search(r"[.!?\"”]$", first):
        return first
    return None


def from_text(path: str, text: str) -> Document:
    """A plain-text or Markdown article: clutter removed, title from a heading-like first line."""
    lines, dateline = clean_lines(re.sub(r"^#+\s*", "", ln) for ln in text.splitlines())
    return Document(path=path, text="\n".join(lines), title=_title_of(lines), published=dateline)


def from_html(path: str, markup: str) -> Document:
    """An HTML page: main text and metadata (title, date from meta tags or JSON-LD) by trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = meta.get("text") or ""
    lines, dateline = clean_lines(body.splitlines())
    title = meta.get("title") or _title_of(lines)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return Document(
        path=path,
        text="\n".join(lines),
        title=title,
        published=iso_date(meta.get("date")) or dateline,
        url=meta.get("url"),
        source=meta.get("sitename") or meta.get("hostname"),
    )


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
