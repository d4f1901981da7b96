"""Files → documents: clean article text plus metadata (title, publication date, url, source).

`paths` finds the files (folders, globs, standard input, pipes), `formats` holds the table of
input formats and their readers, `clean` takes page clutter out and finds datelines.  Anything
that cannot be read becomes a `Problem` with a message that says why, so callers warn, skip and
go on.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Document, Problem
from . import paths as _paths
from .clean import iso_date
from .formats import (
    MAX_ARTICLE_BYTES,
    SUFFIX_LIST,
    articles_in,
    bounded_lines,
    by_suffix,
    jsonl_articles,
    sniff,
    too_long,
)
from .paths import expand

__all__ = ["Document", "Problem", "articles_in", "expand", "iso_date", "read_documents"]


def read_documents(paths: Iterable[str], published: str | None = None, stdin=None) -> Iterator[Document | Problem]:
    """Every article under `paths`, or a Problem for each input that could not be read.  `published`
    is the publication date of articles that carry none."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
        elif item == "-":
            yield from _read_stream("<stdin>", stdin or sys.stdin.buffer, None, published)
        else:
            yield from _read_file(item, published)


def _read_file(item: Path, published: str | None) -> Iterator[Document | Problem]:
    fmt = by_suffix(item.suffix)
    pipe = _paths.is_pipe(item)
    if fmt is None and not pipe:
        yield Problem(str(item), f"{item}: unsupported file type {item.suffix or '(none)'}; use {SUFFIX_LIST}")
        return
    try:
        if pipe:
            stream = _paths.open_pipe(item)
            if isinstance(stream, Problem):
                yield stream
                return
            with stream:
                yield from _read_stream(str(item), stream, fmt, published)
            return
        with open(item, "rb") as f:
            yield from _read_stream(str(item), f, fmt, published)
    except OSError as e:
        yield Problem(str(item), f"cannot read {item}: {e.strerror or e}; check its permissions")


def _read_stream(path: str, stream, fmt, published: str | None) -> Iterator[Document | Problem]:
    """The articles of an open binary stream: one article a line read as a stream (memory stays flat
    for any size), any other format read whole up to the size of the longest article."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    fmt = fmt or sniff(stream.peek(4096)[:4096])
    if fmt.lines:
        yield from jsonl_articles(path, bounded_lines(stream), published)
        return
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        yield too_long(path, len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b"")))
        return
    yield from fmt.read(path, data, published)
