"""Documents → facts: runs spaCy in streaming batches and resolves names across documents.

One document that cannot be read never stops the others: it is reported through
`on_problem` and skipped.  Texts longer than `PIECE_CHARS` are read in pieces cut at line
breaks, else at sentence ends (spaCy refuses texts over a million characters); the facts of
every piece keep offsets into the whole text.  Memory is bounded whatever the input: spaCy's
working memory grows with the characters it holds at once (about 3 KB a character here), so it
reads at most `BATCH_SIZE` texts and `BATCH_CHARS` characters at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from . import resolve
from .errors import KgbuildError
from .records import Document, Entity, Extraction, Findings, Problem
from .resolve import Resolver

BATCH_SIZE = 16  # texts spaCy reads at once ...
BATCH_CHARS = 100_000  # ... holding at most this many characters between them (one piece may fill it)
PIECE_CHARS = 100_000

log = logging.getLogger("kgbuild")


def _warn(problem: Problem) -> None:
    log.warning(problem.reason)


def extract(
    documents: Iterable[Document],
    resolver: Resolver | None = None,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    model: str | None = None,
    on_problem: Callable[[Problem], None] = _warn,
    text_only: bool = False,
) -> Iterator[Extraction]:
    """Stream `Extraction`s; memory stays flat however many documents come in.  With `text_only`,
    facts that need the knowledge files rather than the text (basis `known`) are left out."""
    found = read(documents, n_process=n_process, batch_size=batch_size, model=model, on_problem=on_problem)
    return finish(found, resolver, on_problem=on_problem, text_only=text_only)


def read(
    documents: Iterable[Document],
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    model: str | None = None,
    on_problem: Callable[[Problem], None] = _warn,
) -> Iterator[tuple[Document, Findings]]:
    """The NLP stage: each document's findings, names as the document spells them (the costly part,
    and the part that can run anywhere: see `shards`)."""
    from .nlp import load_pipeline  # spaCy is imported only where documents are read

    nlp = load_pipeline(model)
    stream = (
        (text, (document, offset, last))
        for document in documents
        for offset, text, last in pieces(document.text, PIECE_CHARS)
    )
    parts: list[Findings] = []
    batches = budgeted(stream, batch_size, BATCH_CHARS)
    for doc, context in nlp.pipe(batches, as_tuples=True, batch_size=batch_size, n_process=n_process):
        if context is None:  # padding (see `budgeted`)
            continue
        document, offset, last = context
        parts.append(_shifted(doc._.kg, offset))
        if not last:
            continue
        found, parts = _joined(parts), []
        if found.error:
            on_problem(
                Problem(
                    document.path,
                    f"{document.path}: extraction failed ({found.error}); skipped, please report it with this file",
                )
            )
            continue
        yield document, found


def finish(
    found: Iterable[tuple[Document, Findings]],
    resolver: Resolver | None = None,
    on_problem: Callable[[Problem], None] = _warn,
    text_only: bool = False,
) -> Iterator[Extraction]:
    """Findings → Extractions, in order: names resolved across documents (and against the graph
    when the resolver knows it), dates resolved against each publication date, meetings grouped."""
    resolver = resolver or Resolver()
    for document, findings in found:
        try:
            x = resolve.document(document, findings, resolver, text_only)
        except KgbuildError:
            raise  # the graph the resolver looks names up in failed: not this document's fault
        except Exception as e:
            on_problem(
                Problem(
                    document.path,
                    f"{document.path}: resolving names or dates failed "
                    f"({type(e).__name__}: {e}); skipped, please report it",
                )
            )
            continue
        yield x


def budgeted(items: Iterable[tuple[str, object]], size: int, chars: int) -> Iterator[tuple[str, object]]:
    """(text, context) items grouped so that no group holds more than `size` items or `chars`
    characters (a longer item stands alone), each short group padded with empty texts (context None)
    to exactly `size` items.  spaCy cuts its stream into batches of `size` consecutive texts, in every
    component and every worker process, so its batches are these groups."""
    group: list[tuple[str, object]] = []
    held = 0
    for text, context in items:
        if group and held + len(text) > chars:
            yield from group
            yield from [("", None)] * (size - len(group))
            group, held = [], 0
        group.append((text, context))
        held += len(text)
        if len(group) == size:
            yield from group
            group, held = [], 0
    yield from group


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, str, bool]]:
    """(offset, piece, is_last) for `text` cut into pieces of at most `size`: at a line break if
    there is one in the second half of the piece, else after a sentence's full stop, else at a space."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind(". ", start + size // 2, start + size - 1)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut >= 0 else start + size
        yield start, text[start:end], False
        start = end
    yield start, text[start:], True


def _shifted(kg: dict | None, offset: int) -> Findings:
    if kg is None:
        return Findings(error="the relation reader did not run")
    found = Findings.from_dict(kg)
    if offset and not found.error:
        found.facts = [replace(f, start=f.start + offset, end=f.end + offset) for f in found.facts]
    return found


def _joined(parts: list[Findings]) -> Findings:
    """The pieces of one document as one result (entities merged by name and type)."""
    if len(parts) == 1:
        return parts[0]
    errors = [p.error for p in parts if p.error]
    if errors:
        return Findings(error=errors[0])
    entities: dict[tuple[str, str], Entity] = {}
    for p in parts:
        for e in p.entities:
            merged = entities.setdefault((e.name, e.type), Entity(e.name, e.type))
            merged.count += e.count
            merged.aliases += [a for a in e.aliases if a not in merged.aliases]
    return Findings(list(entities.values()), [f for p in parts for f in p.facts])
