"""The input formats, as one table: each format's file suffixes, how to recognise it when a file has
no telling suffix (standard input, a pipe), and its reader.

A reader either turns one text into one `Document` (`article`), or — for formats that hold one
article a line (`lines`) — is read line by line, each line a JSON object with a `text`.  Adding a
format is a reader and a row in `FORMATS`.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..records import Document, Problem
from ..text import clean_text
from .clean import clean_lines, field, iso_date, title_of


def from_text(path: str, text: str) -> Document:
    """A plain-text or Markdown article: clutter removed, title from a heading-like first line."""
    lines, dateline = clean_lines(re.sub(r"^#+\s*", "", ln) for ln in clean_text(text).splitlines())
    return Document(path=path, text="\n".join(lines), title=field(title_of(lines)), published=dateline)


def from_html(path: str, markup: str) -> Document:
    """An HTML page: main text and metadata (title, date from meta tags or JSON-LD) by trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = clean_text(meta.get("text") or "")
    lines, dateline = clean_lines(body.splitlines())
    title = field(meta.get("title")) or title_of(lines)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return Document(
        path=path,
        text="\n".join(lines),
        title=title,
        published=iso_date(field(meta.get("date"))) or dateline,
        url=field(meta.get("url")),
        source=field(meta.get("sitename") or meta.get("hostname")),
    )


_HTML_START = (b"<!doctype", b"<html", b"<head", b"<body", b"<article")


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    looks_like: Callable[[bytes], bool]  # the start of the data (stripped, lower case) is of this format
    article: Callable[[str, str], Document] | None = None  # one text -> one article
    lines: bool = False  # one JSON article a line, read as a stream
    shown: int = 1  # how many of its suffixes messages name

    def read(self, path: str, data: bytes, published: str | None) -> Iterator[Document | Problem]:
        """The articles in `data`, a whole file of this format."""
        if self.lines:
            yield from jsonl_articles(path, bounded_lines(io.BytesIO(data)), published)
            return
        if len(data) > MAX_ARTICLE_BYTES:
            yield too_long(path, len(data))
            return
        text = decode(path, data)
        if isinstance(text, Problem):
            yield text
            return
        doc = _article(path, text, self)
        if isinstance(doc, Problem):
            yield doc
            return
        doc.published = doc.published or published
        yield doc if doc.text.strip() else Problem(path, f"{path} holds no article text; skipped")


FORMATS = (
    Format("jsonl", (".jsonl", ".ndjson"), lambda head: head.startswith(b"{"), lines=True),
    Format("html", (".html", ".htm", ".xhtml"), lambda head: head.startswith(_HTML_START), article=from_html),
    Format("text", (".txt", ".md", ".text", ".markdown"), lambda head: True, article=from_text, shown=2),
)
SUFFIXES = frozenset(s for f in FORMATS for s in f.suffixes)
_NAMED = [s for f in reversed(FORMATS) for s in f.suffixes[: f.shown]]
SUFFIX_LIST = ", ".join(_NAMED[:-1]) + " or " + _NAMED[-1]  # ".txt, .md, .html or .jsonl"


def by_suffix(suffix: str) -> Format | None:
    return next((f for f in FORMATS if suffix.lower() in f.suffixes), None)


def sniff(data: bytes) -> Format:
    """The format `data` looks like (the last row, plain text, takes anything)."""
    head = data.lstrip()[:200].lower()
    return next(f for f in FORMATS if f.looks_like(head))


def articles_in(path, marker: bytes = b'"text"') -> int:
    """How many articles a file holds, for a progress bar: the lines with `marker` in a file of one
    article a line (a "text" field, or a hand-off file's "document" lines), else one."""
    fmt = by_suffix(path.suffix)
    if fmt is None or not fmt.lines:
        return 1
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if marker in line)
    except OSError:
        return 0


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: str, data: bytes) -> str | Problem:
    """Text from bytes: UTF-8, or UTF-16/32 with a byte-order mark; binary and other encodings are
    Problems that say what to do."""
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:  # one rule: a NUL byte anywhere marks binary data
        return Problem(path, f"{path} is a binary file, not an article (it holds a NUL byte); skipped")
    try:
        return clean_text(data.decode(encoding or "utf-8"))
    except UnicodeDecodeError as e:
        return Problem(
            path, f"{path} is not UTF-8 text (byte {e.start}); convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8"
        )


def _article(path: str, text: str, fmt: Format) -> Document | Problem:
    try:
        return fmt.article(path, text)
    except Exception as e:  # a page the HTML reader cannot take is one skipped file, not a crash
        return Problem(path, f"{path}: cannot read it as an article ({type(e).__name__}); skipped")


MAX_ARTICLE_BYTES = 20_000_000  # longer than any article: a file (or a JSON line) over this is refused


def too_long(where: str, size: int) -> Problem:
    return Problem(
        where,
        f"{where} is longer than any article ({size / 1e6:.1f} MB, the most is {MAX_ARTICLE_BYTES / 1e6:.1f} MB); "
        "split it into articles",
    )


def bounded_lines(f, limit: int | None = None) -> Iterator[bytes | int]:
    """The lines of a binary stream, each read whole only if it is at most `limit` bytes (the longest
    article); a longer one is skipped as it is read, and its length given in its place."""
    limit = limit or MAX_ARTICLE_BYTES
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = f.readline(1 << 20)
            size += len(line)
        yield size


def jsonl_articles(path: str, lines: Iterable[bytes | int], published: str | None) -> Iterator[Document | Problem]:
    """One article a line.  Each line is judged on its own; lines with no "text" are reported one by
    one once the file has shown it holds articles, and as one warning if it never does."""
    without_text: list[int] = []  # lines with no "text" before the first article
    articles = seen_any = False
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        if isinstance(raw, int):
            yield too_long(where, raw)
            continue
        line = decode(where, raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw)
        if isinstance(line, Problem):
            yield line
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            yield Problem(
                where, f"{where}: not valid JSON ({getattr(e, 'msg', 'nested too deeply')}); fix or remove the line"
            )
            continue
        if not isinstance(row, dict) or "text" not in row:
            if articles:
                yield Problem(where, f'{where}: needs a "text" field')
            else:
                without_text.append(n)
            continue
        if not articles:
            articles = True
            yield from (Problem(f"{path}:{k}", f'{path}:{k}: needs a "text" field') for k in without_text)
        yield _jsonl_document(where, row, published)
    if not articles and without_text:
        yield Problem(path, f'{path} is JSON lines without a "text" field: not an articles file; skipped')
    elif not articles and not seen_any:
        yield Problem(path, f"{path} holds no article text; skipped")


def _jsonl_document(where: str, row: dict, published: str | None) -> Document | Problem:
    raw = row["text"]
    if not isinstance(raw, str) or not raw.strip():
        return Problem(where, f'{where}: needs a non-empty "text" field')
    raw = clean_text(raw)
    inner = sniff(raw.encode("utf-8"))
    doc = _article(where, raw, inner if inner.article else FORMATS[-1])  # text that looks like JSON is text
    if isinstance(doc, Problem):
        return doc
    doc.title = field(row.get("title")) or doc.title
    doc.url = field(row.get("url")) or doc.url
    doc.source = field(row.get("source")) or doc.source
    doc.published = iso_date(field(row.get("published"))) or doc.published or published
    if not doc.text.strip():
        return Problem(where, f'{where}: "text" holds no article text')
    return doc
