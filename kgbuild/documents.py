"""Files → documents: clean article text plus metadata (title, publication date, url, source).

Reads `.txt`, `.md`, `.html/.htm` and `.jsonl` (one article a line), from files, folders
(recursively), globs or `-` for standard input.  Anything that cannot be read becomes a
`Problem` with a message that says why, so callers can warn, skip and go on.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import html
import io
import json
import os
import re
import stat
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from .text import clean_text

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
FIELD_CHARS = 1000  # title, url, source: longer values are cut (with an ellipsis)


@dataclass
class Document:
    """One article: clean text, its stable id and what is known about it."""

    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    source: str | None = None
    doc_id: str = ""  # given only for a document known by its facts (`load --facts`), whose text is elsewhere
    chars: int = 0

    def __post_init__(self):
        self.text = clean_text(self.text)  # whoever made the document, its text is in the normal form
        if not self.doc_id:
            self.doc_id = document_id(self.text)
        self.chars = self.chars or len(self.text)

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
    """Paths, folders (recursive, following links), globs and `-` → the files to read, in a stable
    order; each real file once, however many links or loops lead to it."""
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw).expanduser()
        if p.is_dir():
            found = [f for f in _walk(p) if _first_time(f, seen)]
            if not found:
                yield Problem(raw, f"no .txt, .md, .html or .jsonl files in folder {raw}")
            yield from found
        elif p.is_file() or _is_pipe(p):
            if _first_time(p, seen):
                yield p
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True) if Path(m).is_file())
            if not matches:
                yield Problem(raw, f"no files match {raw}")
            yield from (m for m in matches if _first_time(m, seen))
        elif p.exists():
            yield Problem(raw, f"{raw} is not a file of articles (a device or socket); skipped")
        else:
            yield Problem(raw, f"no such file or folder: {raw}")


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under `folder` (hidden ones left out), visiting each real folder once."""
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:  # a symlink loop, or a second link to a folder seen
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            f = Path(root) / name
            if not name.startswith(".") and f.suffix.lower() in SUFFIXES and f.is_file():
                yield f


def _first_time(path: Path, seen: set[str]) -> bool:
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _is_pipe(p: Path) -> bool:
    """A named pipe or process substitution: `kgbuild load <(curl ...)`."""
    try:
        return stat.S_ISFIFO(p.stat().st_mode)
    except OSError:
        return False


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
        yield from _read_file(item, published)


PIPE_WAIT = 10.0  # seconds a named pipe may go without a writer before it is skipped


def _read_pipe(path: Path) -> bytes | Problem:
    """Everything a named pipe delivers, or a Problem when nothing writes to it within PIPE_WAIT
    (opening a pipe with no writer would otherwise wait forever)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        chunks: list[bytes] = []
        deadline = time.monotonic() + PIPE_WAIT
        while True:
            try:
                first = os.read(fd, 65536)
            except BlockingIOError:  # a writer is there, with nothing written yet
                break
            if first:
                chunks.append(first)
                break
            if time.monotonic() > deadline:
                return Problem(str(path), f"{path} is a named pipe that nothing writes to; start its writer first")
            time.sleep(0.05)
        os.set_blocking(fd, True)
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _read_file(item: Path, published: str | None) -> Iterator[Document | Problem]:
    suffix = item.suffix.lower()
    pipe = _is_pipe(item)
    if suffix not in SUFFIXES and not pipe:
        yield Problem(str(item), f"{item}: unsupported file type {suffix or '(none)'}; use .txt, .md, .html or .jsonl")
        return
    try:
        if suffix in JSONL_SUFFIXES and not pipe:  # streamed line by line: memory stays flat for any size
            with open(item, "rb") as f:
                yield from _from_jsonl(str(item), f, published)
            return
        data = _read_pipe(item) if pipe else item.read_bytes()
        if isinstance(data, Problem):
            yield data
            return
        if pipe and suffix in JSONL_SUFFIXES:
            yield from _from_jsonl(str(item), io.BytesIO(data), published)
            return
    except OSError as e:
        yield Problem(str(item), f"cannot read {item}: {e.strerror or e}; check its permissions")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else _sniff(data)
    yield from _from_bytes(str(item), data, kind, published)


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype", b"<html", b"<head", b"<body", b"<article")):
        return "html"
    return "text"


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


def _from_bytes(path: str, data: bytes, kind: str, published: str | None) -> Iterator[Document | Problem]:
    text = decode(path, data)
    if isinstance(text, Problem):
        yield text
        return
    if kind == "jsonl":
        yield from _from_jsonl(path, io.BytesIO(text.encode("utf-8")), published)
        return
    doc = _article(path, text, kind)
    if isinstance(doc, Problem):
        yield doc
        return
    doc.published = doc.published or published
    yield doc if doc.text.strip() else Problem(path, f"{path} holds no article text; skipped")


def _article(path: str, text: str, kind: str) -> Document | Problem:
    try:
        return from_html(path, text) if kind == "html" else from_text(path, text)
    except Exception as e:  # a page the HTML reader cannot take is one skipped file, not a crash
        return Problem(path, f"{path}: cannot read it as an article ({type(e).__name__}); skipped")


def _from_jsonl(path: str, lines, published: str | None) -> Iterator[Document | Problem]:
    """One article a line.  Each line is judged on its own; lines with no "text" are reported one by
    one once the file has shown it holds articles, and as one warning if it never does."""
    without_text: list[int] = []  # lines with no "text" before the first article
    articles = False
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        line = decode(where, raw.removeprefix(codecs.BOM_UTF8) if n == 1 else raw)
        if isinstance(line, Problem):
            yield line
            continue
        if not line.strip():
            continue
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


def _jsonl_document(where: str, row: dict, published: str | None) -> Document | Problem:
    raw = row["text"]
    if not isinstance(raw, str) or not raw.strip():
        return Problem(where, f'{where}: needs a non-empty "text" field')
    raw = clean_text(raw)
    doc = _article(where, raw, _sniff(raw.encode("utf-8")))
    if isinstance(doc, Problem):
        return doc
    doc.title = _field(row.get("title")) or doc.title
    doc.url = _field(row.get("url")) or doc.url
    doc.source = _field(row.get("source")) or doc.source
    doc.published = iso_date(_field(row.get("published"))) or doc.published or published
    if not doc.text.strip():
        return Problem(where, f'{where}: "text" holds no article text')
    return doc


def _field(value) -> str | None:
    """A metadata field as one clean line of at most FIELD_CHARS characters."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(clean_text(str(value)).split())
    return (text[: FIELD_CHARS - 1] + "…" if len(text) > FIELD_CHARS else text) or None


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
    return out, dateline or _dated_line(out)


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}} {_MONTHS},? \d{{4}}|{_MONTHS} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b", re.IGNORECASE
)
DATELINE_LINES = 15  # a publication date is looked for in the first lines ...
DATELINE_WORDS = 14  # ... that are short: a dateline, a headline with its date, a label


def _dated_line(lines: list[str]) -> str | None:
    """A publication date written near the top: 'March 3, 2026', 'New Delhi, 14 April 2026',
    'PM call with the President of Finland: 12 March 2026'."""
    for line in lines[:DATELINE_LINES]:
        if len(line.split()) <= DATELINE_WORDS:
            m = _FULL_DATE.search(line)
            if m and iso_date(m.group(0)):
                return iso_date(m.group(0))
    return None


def _title_of(lines: list[str]) -> str | None:
    if not lines:
        return None
    first = lines[0]
    if len(first.split()) <= 25 and not re.search(r"[.!?\"”]$", first):
        return first
    return None


def from_text(path: str, text: str) -> Document:
    """A plain-text or Markdown article: clutter removed, title from a heading-like first line."""
    lines, dateline = clean_lines(re.sub(r"^#+\s*", "", ln) for ln in clean_text(text).splitlines())
    return Document(path=path, text="\n".join(lines), title=_field(_title_of(lines)), published=dateline)


def from_html(path: str, markup: str) -> Document:
    """An HTML page: main text and metadata (title, date from meta tags or JSON-LD) by trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = clean_text(meta.get("text") or "")
    lines, dateline = clean_lines(body.splitlines())
    title = _field(meta.get("title")) or _title_of(lines)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return Document(
        path=path,
        text="\n".join(lines),
        title=title,
        published=iso_date(_field(meta.get("date"))) or dateline,
        url=_field(meta.get("url")),
        source=_field(meta.get("sitename") or meta.get("hostname")),
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
