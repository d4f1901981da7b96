"""Files → documents: clean article text plus metadata (title, publication date, url, source).

`paths` finds the files (folders, globs, standard input, pipes), `formats` holds the table of
input formats and their readers, `clean` takes page clutter out and finds datelines.  Anything
that cannot be read becomes a `Problem` with a message that says why, so callers warn, skip and
go on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Document, Problem
from . import paths as _paths
from .clean import iso_date
from .formats import SUFFIX_LIST, articles_in, by_suffix, jsonl_articles, sniff
from .paths import expand

__all__ = ["Document", "Problem", "articles_in", "expand", "iso_date", "read_documents"]


def read_documents(paths: Iterable[str], published: str | None = None, stdin=None) -> Iterator[Document | Problem]:
    """Every article under `paths`, or a Problem for each input that could not be read.  `published`
    is the publication date of articles that carry none."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
        elif item == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from sniff(data).read("<stdin>", data, published)
        else:
            yield from _read_file(item, published)


def _read_file(item: Path, published: str | None) -> Iterator[Document | Problem]:
    fmt = by_suffix(item.suffix)
    pipe = _paths.is_pipe(item)
    if fmt is None and not pipe:
        yield Problem(str(item), f"{item}: unsupported file type {item.suffix or '(none)'}; use {SUFFIX_LIST}")
        return
    try:
        if fmt is not None and fmt.lines and not pipe:  # streamed line by line: memory stays flat for any size
            with open(item, "rb") as f:
                yield from jsonl_articles(str(item), f, published)
            return
        data = _paths.read_pipe(item) if pipe else item.read_bytes()
    except OSError as e:
        yield Problem(str(item), f"cannot read {item}: {e.strerror or e}; check its permissions")
        return
    if isinstance(data, Problem):
        yield data
        return
    yield from (fmt or sniff(data)).read(str(item), data, published)
