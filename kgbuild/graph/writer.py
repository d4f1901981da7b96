"""The graph writer: rows → batched `UNWIND $rows ... MERGE` in managed transactions.

A `GraphWriter` is handed a `Graph`; it never opens one.  A batch of documents is written in
one transaction, the documents marked complete last, so a document is never half-written; every
statement merges, so writing the same documents again changes nothing.  Writing a document
again (`load --force`) first takes off everything it contributed, in the same transaction.
"""

from __future__ import annotations

from ..errors import KgbuildError
from ..records import Extraction
from . import catalog
from .connection import Graph, Transaction
from .rows import Rows, rows

FORGET = ("forget-facts", "forget-attended", "forget-reports")


class GraphWriter:
    def __init__(self, graph: Graph):
        self.graph = graph

    def ensure_schema(self) -> None:
        """Constraints and indexes, each in its own transaction; safe to run every time."""
        if self.graph.read(catalog.internal("older-graph")):
            raise KgbuildError(
                "this graph was written by an older kgbuild (it has Entity nodes); "
                "run `kgbuild db reset --yes` and load the articles again"
            )
        for statement in catalog.schema():
            self.graph.write(lambda tx, q=statement: tx.execute(q))

    def counts(self) -> dict:
        rows = self.graph.read(catalog.internal("counts"))
        return rows[0] if rows else {"nodes": 0, "relationships": 0}

    def write(self, extractions: list[Extraction], replace: bool = False) -> dict:
        """Write a batch of documents in one transaction (with `replace`, what each contributed before
        goes first); returns how many documents, entities and facts, and the rows of all its statements."""
        steps = statements(rows(extractions))
        doc_ids = [x.document.doc_id for x in extractions]

        def work(tx: Transaction) -> None:
            orphans = self._forget(tx, doc_ids) if replace else []
            for query, batch in steps:
                tx.execute(query, {"rows": batch})
            if orphans:
                tx.execute(catalog.internal("forget-orphans"), {"keys": orphans})

        self.graph.write(work)
        return {
            "documents": len(extractions),
            "entities": sum(len(x.entities) for x in extractions),
            "facts": sum(len(x.facts) for x in extractions),
            "rows": sum(len(batch) for _, batch in steps),
        }

    @staticmethod
    def _forget(tx: Transaction, doc_ids: list[str]) -> list[str]:
        keys: list[str] = []
        for doc in doc_ids:
            for name in FORGET:
                tx.execute(catalog.internal(name), {"doc": doc})
            found = tx.run(catalog.internal("forget-mentions"), {"doc": doc})
            keys += found[0]["keys"] if found else []
        return sorted(set(keys))

    def delete_all(self, batch: int = 5000) -> int:
        """Delete every node and relationship, a batch per transaction."""
        total = 0
        query = catalog.internal("delete-batch")
        while True:
            deleted = self.graph.write(lambda tx: tx.run(query, {"batch": batch})[0]["deleted"])
            total += deleted
            if not deleted:
                return total


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
        out.append((catalog.write("meeting-status"), [{"key": k} for k in r.meeting_keys]))
        out.append((catalog.write("attended"), r.attended))
    out.append((catalog.write("complete"), [{"doc_id": d["doc_id"]} for d in r.documents]))
    return out
