"""`kgbuild load`: files → documents → facts → graph, in streaming batches, with a summary.

A load is five steps, each a function below, chained as generators so memory stays flat:

1. `read`       the articles under the paths (or, with `facts`, hand-off files of findings)
2. `skip_known` documents already in the graph, unless `force`
3. `extract`    the NLP, and names and dates resolved against what came before (`pipeline`)
4. `resolve`    a batch's Name keys and meetings, against the graph (`kgbuild.resolve.for_graph`),
                once the batch before it is written
5. `write`      the batch in one transaction, in a thread of its own while the next is read

`Run` carries what the steps share: the options, the summary and the callbacks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from . import resolve as resolution
from .documents import read_documents
from .errors import QueryError
from .graph import Graph, lookup, revise
from .graph.writer import GraphWriter
from .handoff import read_facts
from .names import entity_key, person_key
from .pipeline import extract as extract_documents
from .pipeline import finish
from .pipeline import read as read_findings
from .records import Document, Extraction, Findings, Problem
from .resolve import Resolver

CHUNK = 32
SKIPS_NAMED = 5  # documents already in the graph named one by one; the rest are counted in one line


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
    merged: int = 0  # people first known by a surname alone, merged into their full name afterwards
    merged_meetings: int = 0  # meetings those merges made one event
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"documents: {self.read} read, {self.written} loaded, {self.skipped} skipped, "
            f"{self.failed} failed; {self.entities} entities, {self.facts} facts; graph now "
            f"{self.nodes_after} nodes (+{self.nodes_after - self.nodes_before}), "
            f"{self.relationships_after} relationships "
            f"(+{self.relationships_after - self.relationships_before})"
            + (
                f"; merged {self.merged} {'person' if self.merged == 1 else 'people'} into their full names"
                if self.merged
                else ""
            )
            + (f" and {self.merged_meetings} meeting(s) into the one they repeat" if self.merged_meetings else "")
            + f"; {self.seconds:.1f} s"
        )


@dataclass
class Options:
    force: bool = False
    published: str | None = None
    n_process: int = 1
    text_only: bool = False
    facts: bool = False  # the paths hold hand-off files (`kgbuild extract --documents`): no NLP


@dataclass
class Run:
    """What the steps of one load share."""

    graph: Graph
    options: Options
    on_problem: Callable[[Problem], None]
    on_progress: Callable[[int], None]
    summary: Summary = field(default_factory=Summary)
    lock: threading.Lock = field(default_factory=threading.Lock)
    people: set[str] = field(default_factory=set)  # the person keys written, for `revise.people`
    aliases: set[str] = field(default_factory=set)  # their one-word aliases' keys ('saddam'), for it too

    def failed(self, problem: Problem, counted: bool = True) -> None:
        """A document that is not written (from the writer's thread too); `counted` moves the progress bar."""
        with self.lock:
            self.summary.failed += 1
        self.on_problem(problem)
        if counted:
            self.on_progress(1)


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
    """Read, extract and write every article under `paths` (see the module's docstring)."""
    started = time.monotonic()
    run = Run(graph, Options(force, published, n_process, text_only, facts), on_problem, on_progress)
    writer = GraphWriter(graph)
    writer.ensure_schema()
    before = writer.counts()
    run.summary.nodes_before, run.summary.relationships_before = before["nodes"], before["relationships"]
    resolver = Resolver(known=partial(lookup.entities_named, graph))
    extractions = extract(skip_known(read(run, paths), run), run, resolver)
    write(_chunks(extractions, CHUNK), run, writer, prepare=partial(resolve, run=run))
    run.summary.merged, run.summary.merged_meetings = revise.people(graph, run.people, run.aliases)
    after = writer.counts()
    run.summary.nodes_after, run.summary.relationships_after = after["nodes"], after["relationships"]
    run.summary.seconds = time.monotonic() - started
    return run.summary


Item = Document | tuple[Document, Findings]  # an article to extract, or a hand-off document with its findings


def read(run: Run, paths: list[str]) -> Iterator[Item]:
    """Step 1: the inputs, each counted as read; what cannot be read is reported and counted as failed."""
    if run.options.facts:
        items: Iterable = read_facts(paths, on_problem=run.failed)
    else:
        items = read_documents(paths, published=run.options.published)
    for item in items:
        if isinstance(item, Problem):
            run.failed(item)
            continue
        run.summary.read += 1
        yield item


def skip_known(items: Iterable[Item], run: Run) -> Iterator[Item]:
    """Step 2: the items whose document is not in the graph yet (unless `force`), in order; each
    document once however often the input repeats it."""
    seen: dict[str, str] = {}  # doc_id -> where it was read first
    in_graph = 0
    for chunk in _chunks(items, CHUNK):
        ids = [_document(i).doc_id for i in chunk]
        known = set() if run.options.force else lookup.known_documents(run.graph, ids)
        for item, doc_id in zip(chunk, ids, strict=True):
            if doc_id in known or doc_id in seen:
                run.summary.skipped += 1
                run.on_progress(1)
                where = _document(item).path
                if doc_id in seen:
                    run.on_problem(Problem(where, f"{where}: the same text as {seen[doc_id]}, read already; skipped"))
                else:
                    in_graph += 1
                    if in_graph <= SKIPS_NAMED:
                        run.on_problem(Problem(where, f"{where}: already in the graph; skipped{_unless_force(run)}"))
                continue
            seen[doc_id] = _document(item).path
            yield item
    if in_graph > SKIPS_NAMED:
        run.on_problem(Problem("", f"{in_graph - SKIPS_NAMED} more documents already in the graph; skipped"))


def _unless_force(run: Run) -> str:
    if run.options.published:
        return " (--published changes nothing for it: add --force to load it again with that date)"
    return " (--force loads it again)"


def extract(items: Iterable[Item], run: Run, resolver: Resolver) -> Iterator[Extraction]:
    """Step 3: the NLP (none for hand-off findings), then names and dates resolved, document by document."""
    options = run.options
    if options.facts:
        return finish(items, resolver, on_problem=run.failed, text_only=options.text_only)
    return extract_documents(
        items, resolver, n_process=options.n_process, on_problem=run.failed, text_only=options.text_only
    )


def resolve(batch: list[Extraction], run: Run) -> list[Extraction]:
    """Step 4: a batch with its Name keys and meetings, decided against the graph (with --force, not
    against what the batch's own documents wrote before)."""
    replacing = [x.document.doc_id for x in batch] if run.options.force else []
    return resolution.for_graph(batch, partial(lookup.meetings_near, run.graph, replacing=replacing))


def write(
    batches: Iterable[list[Extraction]],
    run: Run,
    writer: GraphWriter,
    prepare: Callable[[list[Extraction]], list[Extraction]] = lambda batch: batch,
) -> None:
    """Step 5: each batch `prepare`d (resolved) and written in one transaction, in a thread while the
    next batch is read; one batch at a time, so each is resolved against the one before it."""

    def one(batch: list[Extraction]) -> None:
        for tally in write_batch(writer, batch, run.failed, replace=run.options.force, prepare=prepare):
            run.summary.written += tally["documents"]
            run.summary.entities += tally["entities"]
            run.summary.facts += tally["facts"]
        persons = [e for x in batch for e in x.entities if e.type == "Person"]
        run.people.update(entity_key(e.name, e.type) for e in persons)
        run.aliases.update(key for e in persons for a in e.aliases if " " not in (key := person_key(a)) and key)
        run.on_progress(len(batch))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kgbuild-writer") as pool:
        pending = None
        for batch in batches:
            if pending is not None:
                pending.result()  # the previous batch is in before the next goes (and its error stops here)
            pending = pool.submit(one, batch)
        if pending is not None:
            pending.result()


def write_batch(
    writer: GraphWriter,
    batch: list[Extraction],
    failed: Callable[..., None],
    replace: bool = False,
    prepare: Callable[[list[Extraction]], list[Extraction]] = lambda batch: batch,
) -> Iterator[dict]:
    """Write a batch in one transaction; if the graph rejects it, write its documents one by one
    (each resolved on its own) so that only the document it rejects is left out (with a warning)."""
    try:
        yield writer.write(prepare(batch), replace=replace)
        return
    except QueryError as e:
        if len(batch) == 1:
            x = batch[0]
            failed(Problem(x.document.path, f"{x.document.path}: the graph refused its facts ({e}); skipped"), False)
            return
    for x in batch:
        yield from write_batch(writer, [x], failed, replace, prepare)


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
        found = read_findings(documents(), n_process=n_process, on_problem=on_problem)
    yield from finish(found, Resolver(), on_problem=on_problem, text_only=text_only)


def _document(item: Item) -> Document:
    return item[0] if isinstance(item, tuple) else item


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
