"""The graph writer: rows → batched `UNWIND $rows ... MERGE` in managed transactions.

A `GraphWriter` is handed a `Graph`; it never opens one.  A batch of documents is written in
one transaction, the documents marked complete last, so a document is never half-written; every
statement merges, so writing the same documents again changes nothing.  Writing a document
again (`load --force`) first takes off everything it contributed, in the same transaction: its
evidence (and the aggregates of the relationships it was evidence for are recounted), its
reports of meetings, its attendances and mentions.
"""

from __future__ import annotations

from collections import defaultdict

from ..errors import KgbuildError
from ..records import Extraction
from . import catalog
from .connection import Graph, Transaction
from .rows import MAX_PLACES, Rows, rows

MODEL = 3  # the graph model: 3 keys people as data/names.json says, 2 keeps each piece of evidence as a node
LABEL_OF_KEY = {"person": "Person", "country": "Country", "organization": "Organization", "place": "Place"}


class GraphWriter:
    def __init__(self, graph: Graph):
        self.graph = graph

    def ensure_schema(self) -> None:
        """Constraints and indexes, each in its own transaction; safe to run every time."""
        found = self.graph.read(catalog.internal("older-graph"), {"version": MODEL})
        if found and found[0]["older"]:
            raise KgbuildError(
                "this graph was written by an older kgbuild, whose graph model this one cannot extend; "
                "run `kgbuild db reset --yes` and load the articles again"
            )
        for statement in catalog.schema():
            self.graph.write(lambda tx, q=statement: tx.execute(q))
        self.graph.write(lambda tx: tx.execute(catalog.internal("schema-version"), {"version": MODEL}))

    def counts(self) -> dict:
        rows = self.graph.read(catalog.internal("counts"))
        return rows[0] if rows else {"nodes": 0, "relationships": 0}

    def write(self, extractions: list[Extraction], replace: bool = False) -> dict:
        """Write a batch of documents in one transaction (with `replace`, what each contributed before
        goes first); returns how many documents, entities and facts, and the rows of all its statements."""
        steps = statements(rows(extractions))
        doc_ids = [x.document.doc_id for x in extractions]
        params = {"max_places": MAX_PLACES}

        def work(tx: Transaction) -> None:
            forgotten = forget(tx, doc_ids) if replace else None
            for query, batch in steps:
                tx.execute(query, {"rows": batch, **_wanted(query, params)})
            if forgotten:
                recount(tx, *forgotten)

        self.graph.write(work)
        return {
            "documents": len(extractions),
            "entities": sum(len(x.entities) for x in extractions),
            "facts": sum(len(x.facts) for x in extractions),
            "rows": sum(len(batch) for _, batch in steps),
        }

    def delete_all(self, batch: int = 5000) -> int:
        """Delete every node and relationship, a batch per transaction."""
        total = 0
        query = catalog.internal("delete-batch")
        while True:
            deleted = self.graph.write(lambda tx: tx.run(query, {"batch": batch})[0]["deleted"])
            total += deleted
            if not deleted:
                return total


def _wanted(query: str, params: dict) -> dict:
    """The shared parameters a statement uses."""
    return {k: v for k, v in params.items() if f"${k}" in query}


def statements(r: Rows) -> list[tuple[str, list[dict]]]:
    """The (statement, rows) pairs that write a batch, in dependency order, the `complete` marks last."""
    out = [(catalog.write("document"), r.documents)]
    out += [(catalog.write("entity", label=label), batch) for label, batch in sorted(r.entities.items())]
    out += [
        (catalog.write("fact", rel_type=pred, subject=s, object=o), batch)
        for (pred, s, o), batch in sorted(r.facts.items())
    ]
    if r.meetings:
        out.append((catalog.write("meeting"), list(r.meetings.values())))
        out.append((catalog.write("attended"), list(r.attended.values())))
        out.append((catalog.write("slot"), list(r.slots.values())))
    out.append((catalog.write("complete"), [{"doc_id": d["doc_id"]} for d in r.documents]))
    return out


def forget(tx: Transaction, doc_ids: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Take what these documents contributed off the graph; returns what to recount afterwards: the
    keys of the relationships they were evidence for, of the meetings they reported, and of the
    entities they mentioned."""
    facts, meetings, entities = set(), set(), set()
    for doc in doc_ids:
        found = tx.run(catalog.internal("forget-evidence"), {"doc": doc})
        facts.update(found[0]["facts"] if found else [])
        tx.execute(catalog.internal("forget-attended"), {"doc": doc})
        found = tx.run(catalog.internal("forget-reports"), {"doc": doc})
        meetings.update(found[0]["meetings"] if found else [])
        found = tx.run(catalog.internal("forget-mentions"), {"doc": doc})
        entities.update(found[0]["keys"] if found else [])
    return sorted(facts), sorted(meetings), sorted(entities)


def recount(tx: Transaction, facts: list[str], meetings: list[str], entities: list[str]) -> None:
    """The aggregates of the relationships and meetings a change touched, recomputed from what is left;
    then entities that nothing mentions or links any more are deleted."""
    by_statement: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for key in facts:
        predicate, subject, obj = key.split("|", 2)
        labels = (LABEL_OF_KEY[subject.split(":", 1)[0]], LABEL_OF_KEY[obj.split(":", 1)[0]])
        by_statement[(predicate, *labels)].append({"subject_key": subject, "object_key": obj, "key": key})
    for (predicate, s, o), batch in sorted(by_statement.items()):
        query = catalog.write("fact-recount", rel_type=predicate, subject=s, object=o)
        tx.execute(query, {"rows": batch, "max_places": MAX_PLACES})
    if meetings:
        tx.execute(catalog.write("meeting-recount"), {"rows": [{"key": k} for k in meetings]})
    if entities:
        tx.execute(catalog.internal("forget-orphans"), {"keys": entities})
