"""The hand-off between extraction and loading: the fact contract, plus one line per document.

`kgbuild extract --documents` writes, for each document, a line

    {"document": {"path": ..., "doc_id": ..., "title": ..., "published": ..., "url": ...,
                  "source": ..., "chars": ...},
     "entities": [{"name": ..., "type": ..., "aliases": [...], "count": ...}, ...]}

followed by its facts, one line each exactly as the fact contract says (`records.contract`).  `kgbuild load
--facts` reads such files, runs no NLP, and writes the same graph `load` of the articles would:
the same cross-document resolution (names are resolved again, against the graph), meetings,
mentions and document properties.  Plain fact lines (`kgbuild extract` without --documents, or a
file made by another extractor) load too: each document is then known only by its facts' `doc`
and `doc_id`, with no title, date or mentions of its own.  A document's lines must stay together.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from .documents import expand, iso_date
from .predicates import PREDICATES
from .records import ENTITY_TYPES, Document, Entity, EntityRef, Extraction, Fact, Findings, Problem
from .rules import load_rules
from .text import clean_line, clean_text

DOCUMENT_FIELDS = ("path", "doc_id", "title", "published", "url", "source", "chars")
FACT_FIELDS = ("subject", "predicate", "object", "sentence", "start", "end", "confidence", "rule")


def document_line(x: Extraction) -> dict:
    """The line that comes before a document's facts."""
    d = x.document
    return {
        "document": {k: getattr(d, k) for k in DOCUMENT_FIELDS},
        "entities": [{"name": e.name, "type": e.type, "aliases": e.aliases, "count": e.count} for e in x.entities],
    }


def lines(x: Extraction, documents: bool = True) -> Iterator[dict]:
    """A document as hand-off lines: its document line (if `documents`), then its facts."""
    if documents:
        yield document_line(x)
    yield from x.contract()


class BadLine(ValueError):
    pass


def _ref(value, where: str) -> EntityRef:
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or value.get("type") not in ENTITY_TYPES:
        raise BadLine(f'{where} needs {{"name": ..., "type": one of {", ".join(ENTITY_TYPES)}}}')
    name = clean_line(value["name"])
    if not name:
        raise BadLine(f"{where} has an empty name")
    return EntityRef(name, value["type"])


def _text(value) -> str | None:
    """A text field of a hand-off line in kgbuild's normal form (no control or invisible characters)."""
    return None if value is None else clean_line(str(value))


def fact(data: dict) -> Fact:
    """A contract line as a Fact (BadLine says what is wrong with it)."""
    missing = [k for k in FACT_FIELDS if k not in data]
    if missing:
        raise BadLine(f"a fact needs {', '.join(missing)}")
    if data["predicate"] not in PREDICATES:
        raise BadLine(f"unknown predicate {data['predicate']!r} (kgbuild knows {', '.join(PREDICATES)})")
    try:
        return Fact(
            _ref(data["subject"], "subject"),
            data["predicate"],
            _ref(data["object"], "object"),
            clean_text(str(data["sentence"])).strip(),
            int(data["start"]),
            int(data["end"]),
            float(data["confidence"]),
            _text(data["rule"]),
            place=_text(data.get("place")),
            date_text=_text(data.get("date_text")),
            status=_text(data.get("status")),
            date=_text(data.get("date")),
            basis=_text(data.get("basis")) or "text",
        )
    except (TypeError, ValueError) as e:
        raise BadLine(f"a fact field has the wrong type ({e})") from e


def _document(data: dict) -> tuple[Document, list[Entity]]:
    meta = data["document"]
    if not isinstance(meta, dict) or not isinstance(meta.get("doc_id"), str) or not meta["doc_id"]:
        raise BadLine('a document line needs "document": {"doc_id": ..., "path": ...}')
    published = meta.get("published")
    if published is not None and (not isinstance(published, str) or iso_date(published) != published):
        raise BadLine(f'"published" must be a date as YYYY-MM-DD, not {published!r}')
    try:
        doc = Document(
            _text(meta.get("path") or meta["doc_id"]),
            "",
            title=_text(meta.get("title")),
            published=published,
            url=_text(meta.get("url")),
            source=_text(meta.get("source")),
            doc_id=meta["doc_id"],
            chars=int(meta.get("chars") or 0),
        )
        entities = []
        for e in data.get("entities") or []:
            if not isinstance(e, dict) or not isinstance(e.get("name"), str) or e.get("type") not in ENTITY_TYPES:
                raise BadLine('each of "entities" needs a "name" and a "type"')
            aliases = [a for a in (clean_line(str(a)) for a in e.get("aliases") or []) if a]
            name = clean_line(e["name"])
            if name:
                entities.append(Entity(name, e["type"], aliases, int(e.get("count") or 0)))
    except BadLine:
        raise
    except (TypeError, ValueError) as e:
        raise BadLine(f"a document field has the wrong type ({e})") from e
    return doc, entities


def read_facts(
    paths: Iterable[str], on_problem: Callable[[Problem], None] = lambda p: None
) -> Iterator[tuple[Document, Findings]]:
    """Each document of the hand-off files under `paths` with its findings, in file order; a line
    that is not a document or a fact is reported (with its line number) and skipped."""
    load_rules()  # the predicate table and knowledge files are checked before anything is read
    done: set[str] = set()
    for item in expand(paths):
        if isinstance(item, Problem):
            on_problem(item)
            continue
        if item == "-":
            on_problem(Problem("-", "load --facts reads files, not standard input; save the facts to a file first"))
            continue
        try:
            with open(item, encoding="utf-8") as f:
                yield from _read_file(str(item), f, done, on_problem)
        except (OSError, UnicodeDecodeError) as e:
            on_problem(Problem(str(item), f"cannot read {item}: {getattr(e, 'strerror', None) or e}"))


def _read_file(path: str, f, done: set[str], on_problem) -> Iterator[tuple[Document, Findings]]:
    current: tuple[Document, Findings] | None = None
    skipping = None  # the doc_id of a document met again apart from its other lines
    for number, raw in enumerate(f, 1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise BadLine("a line must be a JSON object")
            if "document" in data:
                doc, entities = _document(data)
                found: Fact | None = None
            else:
                found = fact(data)
                doc_id = data.get("doc_id")
                if not isinstance(doc_id, str) or not doc_id:
                    raise BadLine('a fact needs its "doc_id"')
                doc, entities = Document(_text(data.get("doc") or doc_id), "", doc_id=doc_id), []
        except (json.JSONDecodeError, BadLine) as e:
            on_problem(Problem(where, f"{where}: {e}; line skipped"))
            continue
        if found is not None and doc.doc_id in (skipping, current and current[0].doc_id):
            if current is not None and doc.doc_id == current[0].doc_id:
                current[1].facts.append(found)
            continue
        if current is not None:  # a new document begins
            yield current
            current = None
        if doc.doc_id in done:
            skipping = doc.doc_id
            on_problem(
                Problem(
                    where, f"{where}: {doc.path} again, apart from its other lines; keep a document's lines together"
                )
            )
            continue
        done.add(doc.doc_id)
        skipping = None
        current = (doc, Findings(entities, [found] if found else []))
    if current is not None:
        yield current
