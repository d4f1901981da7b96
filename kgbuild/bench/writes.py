"""The write rate of a generated graph: rows/s through kgbuild's own statements as the graph grows."""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

from ..graph import Graph

if TYPE_CHECKING:
    from . import Figures


def _write(graph: Graph, writer, batch: list) -> dict:
    """One batch of generated extractions, resolved against the graph as a load resolves them, written."""
    from functools import partial

    from ..graph import lookup
    from ..resolve import for_graph

    return writer.write(for_graph(batch, partial(lookup.meetings_near, graph)))


def write_generated(graph: Graph, people: int, relationships: int, out: Figures, batch: int = 32) -> dict:
    """Write a generated corpus through GraphWriter; say rows/s as the graph grows."""
    from ..graph.writer import GraphWriter
    from .synthetic import Corpus

    writer = GraphWriter(graph)
    writer.ensure_schema()
    warm_up(graph, writer)
    corpus = Corpus(people, relationships)
    pending, rates, seen, counterpart = [], [], {}, []
    started = time.perf_counter()
    marks = sorted({m for m in (1_000, 5_000, 10_000, 20_000, 50_000, 100_000, people) if m <= people})

    def flush() -> None:
        t = time.perf_counter()
        rows = _write(graph, writer, pending)["rows"]
        rates.append((len(seen), rows / (time.perf_counter() - t)))
        pending.clear()

    for x in corpus:
        pending.append(x)
        seen.update((e.name, None) for e in x.entities if e.type == "Person")  # in order of appearance
        if not counterpart:  # someone the first person met, for the reports that take two people
            first = next(iter(seen))
            met = [f for f in x.facts if f.predicate == "MET_WITH" and first in (f.subject.name, f.object.name)]
            counterpart = [f.object.name if f.subject.name == first else f.subject.name for f in met[:1]]
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    seconds = time.perf_counter() - started
    counts = writer.counts()
    out.say(
        f"generated graph: {counts['nodes']} nodes, {counts['relationships']} relationships "
        f"({len(seen)} people) written in {seconds:.0f} s"
    )
    by_mark = []
    for mark in marks:
        near = [r for n, r in rates if mark * 0.8 <= n <= mark * 1.25] or [r for n, r in rates if n <= mark][-3:]
        if near:
            by_mark.append((mark, statistics.median(near)))
    if by_mark:
        out.say("  write rows/s with people in the graph: " + ", ".join(f"{m:,}: {r:,.0f}" for m, r in by_mark))
        rates_only = [r for _, r in by_mark]
        out.say(f"  slowest / fastest: {min(rates_only) / max(rates_only):.2f} (flat is 1.0; target above 0.67)")
    return {"people": list(seen), "countries": corpus.countries, "counterpart": counterpart[0] if counterpart else None}


def warm_up(graph: Graph, writer, people: int = 400, relationships: int = 2_000) -> None:
    """Write a small generated corpus of other people and delete it again, so the first figures are
    of a graph server that has compiled its write path, not of a cold one (which wrote 0.4 times as
    fast in its first thousand people)."""
    from .synthetic import Corpus

    pending = []
    for x in Corpus(people, relationships, seed=99):
        pending.append(x)
        if len(pending) >= 32:
            _write(graph, writer, pending)
            pending.clear()
    writer.delete_all()
    writer.ensure_schema()  # its version node went with the rest
