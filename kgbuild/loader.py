"""`kgbuild load`: files → documents → facts → graph, in streaming batches, with a summary."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .documents import Document, Problem, read_documents
from .errors import QueryError
from .graph import Graph
from .handoff import read_facts
from .pipeline import Extraction, extract, finish, read
from .resolve import Resolver
from .store import GraphWriter

CHUNK = 32


@dataclass
class Summary:
    read: int = 0
    skipped: int = 0
    failed: int = 0
    written: int = 0
    entities: int = 0
    facts: int = 0
    nodes_before: int = 0
    relationships_before: int = 0
    nodes_after: int = 0
    relationships_after: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"documents: {self.read} read, {self.written} loaded, {self.skipped} skipped, "
            f"{self.failed} failed; {self.entities} entities, {self.facts} facts; graph now "
            f"{self.nodes_after} nodes (+{self.nodes_after - self.nodes_before}), "
            f"{self.relationships_after} relationships "
            f"(+{self.relationships_after - self.relationships_before}); {self.seconds:.1f} s"
        )


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def load(
    paths: list[str],
    graph: Graph,
    force: bool = False,
    published: str | None = None,
    on_problem: Callable[[Problem], None] = lambda p: None,
    on_progress: Callable[[int], None] = lambda n: None,
    n_process: int = 1,
    text_only: bool = False,
    facts: bool = False,
) -> Summary:
    """Read, extract and write every article under `paths` (with `facts`, the hand-off files of
    facts extracted elsewhere: no NLP); returns the summary.  A batch is written while the next
    one is read, in a thread of its own."""
    started = time.monotonic()
    summary = Summary()
    writer = GraphWriter(graph)
    writer.ensure_schema()
    before = writer.counts()
    summary.nodes_before, summary.relationships_before = before["nodes"], before["relationships"]
    resolver = Resolver(known=writer.entities_named)
    seen: set[str] = set()
    lock = threading.Lock()

    def fresh(items: Iterable, document: Callable) -> Iterator:
        """The items whose document is not in the graph yet (unless `force`), in order."""
        for chunk in _chunks(items, CHUNK):
            kept = []
            for item in chunk:
                if isinstance(item, Problem):
                    failed(item)
                    continue
                summary.read += 1
                kept.append(item)
            known = set() if force else writer.known_documents([document(i).doc_id for i in kept])
            for item in kept:
                doc_id = document(item).doc_id
                if doc_id in known or doc_id in seen:
                    summary.skipped += 1
                    on_progress(1)
                    continue
                seen.add(doc_id)
                yield item

    def refused(problem: Problem) -> None:  # from the writer's thread too
        with lock:
            summary.failed += 1
        on_problem(problem)

    def failed(problem: Problem) -> None:
        refused(problem)
        on_progress(1)

    if facts:
        handed = fresh(read_facts(paths, on_problem=failed), lambda pair: pair[0])
        extractions = finish(handed, resolver, on_problem=failed, text_only=text_only)
    else:
        documents = fresh(read_documents(paths, published=published), lambda d: d)
        extractions = extract(documents, resolver, n_process=n_process, on_problem=failed, text_only=text_only)

    def write(batch: list[Extraction]) -> None:
        for tally in _write(writer, batch, refused, replace=force):
            summary.written += tally["documents"]
            summary.entities += tally["entities"]
            summary.facts += tally["facts"]
        on_progress(len(batch))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kgbuild-writer") as pool:
        pending = None
        for batch in _chunks(extractions, CHUNK):
            if pending is not None:
                pending.result()  # the previous batch is in before the next goes (and its error stops here)
            pending = pool.submit(write, batch)
        if pending is not None:
            pending.result()
    after = writer.counts()
    summary.nodes_after, summary.relationships_after = after["nodes"], after["relationships"]
    summary.seconds = time.monotonic() - started
    return summary


def _write(
    writer: GraphWriter, batch: list[Extraction], failed: Callable[[Problem], None], replace: bool = False
) -> Iterator[dict]:
    """Write a batch in one transaction; if the graph rejects it, write its documents one by one so
    that only the document it rejects is left out (with a warning)."""
    try:
        yield writer.write(batch, replace=replace)
        return
    except QueryError as e:
        if len(batch) == 1:
            x = batch[0]
            failed(Problem(x.document.path, f"{x.document.path}: the graph refused its facts ({e}); skipped"))
            return
    for x in batch:
        yield from _write(writer, [x], failed, replace)


def extract_only(
    paths: list[str],
    published: str | None = None,
    on_problem: Callable[[Problem], None] = lambda p: None,
    n_process: int = 1,
    text_only: bool = False,
    scheduler: str | None = None,
) -> Iterator[Extraction]:
    """The same extraction as `load`, with no database (for `kgbuild extract`); with `scheduler`,
    the NLP runs on a Dask cluster (see `shards`)."""

    def documents() -> Iterator[Document]:
        for item in read_documents(paths, published=published):
            if isinstance(item, Problem):
                on_problem(item)
            else:
                yield item

    if scheduler:
        from .shards import read_sharded

        found = read_sharded(documents(), scheduler, on_problem=on_problem)
    else:
        found = read(documents(), n_process=n_process, on_problem=on_problem)
    yield from finish(found, Resolver(), on_problem=on_problem, text_only=text_only)
