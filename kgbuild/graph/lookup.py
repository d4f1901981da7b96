"""Reading the graph by name: entities by any unambiguous part of their name (for reports), and what
resolution needs to know of the graph (documents already loaded, entities and meetings near).

Every entity is reachable from `(:Name {key})-[:NAMES]->(entity)` for each key
`kgbuild.resolve.keys.name_keys` makes:
its graph key, its folded name and aliases, a person's transliteration key, surname, given name
and "given surname", a country's codes and demonyms.  A lookup folds what the user typed the
same way and follows those keys (an index seek each), so "Hnatov", "Zelenskyy", "USA" and
"American" find their entities at any graph size.  What matches nothing gets the closest names
as suggestions; what matches several says which.
"""

from __future__ import annotations

from ..errors import ReportError
from ..names import fold, person_key, translit_key
from ..records import Meeting
from . import catalog
from .connection import Graph

KINDS = {"person": "Person", "country": "Country", "entity": None}  # report parameter type -> label
SUGGESTIONS = 3
SUGGEST_FROM = 50_000  # names read to suggest from, on that error only


def query_keys(text: str) -> list[str]:
    """The keys to look a typed name up under."""
    text = text.strip()
    keys = [text.lower()] if ":" in text else []  # a graph key as printed by `kgbuild report ... --cypher`
    return [*keys, *dict.fromkeys(k for k in (fold(text), translit_key(text), person_key(text)) if k)]


def find(graph: Graph, text: str, kind: str = "entity") -> dict:
    """The one entity `text` names ({key, name, label}), or a ReportError that says why not."""
    label = KINDS[kind]
    rows = [
        r
        for r in graph.read(catalog.internal("lookup-names"), {"keys": query_keys(text)})
        if label is None or r["label"] == label
    ]
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        exact = [r for r in rows if fold(r["name"]) == fold(text)]
        if len(exact) == 1:
            return exact[0]
        names = sorted(f"{r['name']} ({r['label']})" if label is None else r["name"] for r in rows)
        more = f" and {len(names) - 6} more" if len(names) > 6 else ""
        raise ReportError(f"{text!r} could be {', '.join(names[:6])}{more}; give more of the name")
    raise ReportError(_not_found(graph, text, kind, label))


def _not_found(graph: Graph, text: str, kind: str, label: str | None) -> str:
    from rapidfuzz import fuzz, process

    rows = [
        r
        for r in graph.read(catalog.internal("entity-list"), {"limit": SUGGEST_FROM})
        if label is None or r["label"] == label
    ]
    if not rows:
        return (
            "the graph is empty; load articles first with `kgbuild load PATH`"
            if not label and is_empty(graph)
            else f"the graph holds no {kind}; load articles first with `kgbuild load PATH`"
        )
    names = sorted({r["name"] for r in rows})
    close = [
        name for name, score, _ in process.extract(text, names, scorer=fuzz.WRatio, limit=SUGGESTIONS) if score >= 70
    ]
    what = "no one" if kind == "person" else f"no {kind}"
    hint = f"; did you mean {' or '.join(close)}?" if close else "; `kgbuild report representatives` lists who is in it"
    return f"{what} named {text!r} in the graph{hint}"


def is_empty(graph: Graph) -> bool:
    """Whether no document has been loaded into the graph."""
    return not graph.read(catalog.internal("any-document"))


# -- what resolution reads ---------------------------------------------------------------------------


def known_documents(graph: Graph, doc_ids: list[str]) -> set[str]:
    """Which of these documents are in the graph already, with all their facts."""
    if not doc_ids:
        return set()
    return {r["doc_id"] for r in graph.read(catalog.internal("known-documents"), {"ids": list(doc_ids)})}


def entities_named(graph: Graph, keys: list[str]) -> list[tuple[str, str, list[str]]]:
    """(name, type, aliases) of the entities these Name keys lead to (a `Resolver`'s `known`)."""
    return [
        (r["name"], r["type"], r["aliases"] or [])
        for r in graph.read(catalog.internal("entities-named"), {"keys": keys})
        if r["type"]
    ]


def meetings_near(graph: Graph, slots: list[str], replacing: list[str] = ()) -> list[Meeting]:
    """The meetings found under these (person, day) slots, with their attendees' keys and the dates
    that place them in time (see `kgbuild.resolve.meetings`); with `replacing`, documents about to
    be written again, not the meetings only they report."""
    if not slots:
        return []
    return [
        Meeting(
            r["key"],
            r["sides"] or [],
            r["sides_key"],
            r["place"],
            r["date"],
            set(r["people"] or []),
            r["first_published"],
            r["last_published"],
            r["occasion"],
        )
        for r in graph.read(catalog.internal("meetings-near"), {"slots": slots, "replacing": list(replacing)})
    ]
