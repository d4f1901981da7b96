"""`kgbuild bench`: the performance figures of this machine, measured in one run.

* extraction: bare spaCy `nlp.pipe` against kgbuild's extraction on the same texts (words/s
  and their ratio, the median of alternating runs);
* load: articles and facts per second into a scratch graph, `load` against `extract` on the
  same articles, and the re-load of the unchanged corpus;
* a generated graph (`synthetic.Corpus`) written through kgbuild's own statements: write rows/s
  as the graph grows, then p50/p95 of every saved report on it, and of whole `kgbuild report`
  commands;
* peak memory of the Python process and of the graph server.

Everything runs against an embedded server of its own in a temporary folder: the user's graph
is never touched.  Targets are printed next to the figures; `--check` makes a miss an error.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings, usable_cores
from ..graph import Graph, catalog, open_graph
from ..graph.server import EmbeddedServer
from .resources import disk_bytes, python_peak_mb, server_peak_mb
from .writes import write_generated

TARGETS = {  # what the figures should reach on any machine (see README, "Quality and speed")
    "extraction ratio": 1.0,  # kgbuild words/s / bare nlp.pipe words/s
    "load / extract": 0.97,
    "report p95 s": 1.0,
    "command p50 s": 0.4,
    "news flat": 0.67,  # slowest / fastest file of generated news (within 1.5x)
    "news report s": 1.0,  # every report's whole command on the loaded news
}


@dataclass
class Figures:
    lines: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def say(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)

    def target(self, what: str, value: float, good: bool) -> str:
        if not good:
            self.missed.append(f"{what}: {value:.3g} (target {TARGETS[what]})")
        return "" if good else f"  (target {TARGETS[what]}: missed)"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def scratch_graph(home: Path | None = None) -> Iterator[tuple[Graph, Settings, EmbeddedServer]]:
    """A fresh embedded graph in `home` (a temporary folder unless given), stopped and removed after."""
    folder = Path(home) if home else Path(tempfile.mkdtemp(prefix="kgbuild-bench-"))
    server = EmbeddedServer(folder)
    settings = Settings(home=folder)  # always the embedded server, whatever NEO4J_URI says
    try:
        with open_graph(settings) as graph:
            yield graph, settings, server
    finally:
        server.stop()
        if not home:
            shutil.rmtree(folder, ignore_errors=True)


def report_params(names: dict) -> Callable[[catalog.Query], list[dict[str, str]]]:
    """Parameter sets for each report: its defaults, and a prominent person, a country or two people
    who met where it takes them."""
    people, countries = names["people"], names["countries"]
    person, counterpart = people[0], names.get("counterpart") or people[-1]
    values = {"person": person, "country": countries[0], "entity": person}

    def given(query: catalog.Query) -> list[dict[str, str]]:
        named = {}
        for p in query.params:
            if p.name == "b":
                named["b"] = counterpart
            elif p.name == "country":
                named[p.name] = values["country"]
            elif p.type in values:
                named[p.name] = values[p.type]
        required = any(p.required for p in query.params)
        return [named] if required else ([{}, named] if named else [{}])

    return given


def time_reports(graph: Graph, params: Callable, repeat: int, out: Figures) -> None:
    """p50/p95 of every saved report in the process (lookup, query, any Python step), as `kgbuild
    report` runs it for a table (at most TABLE_ROWS rows), and the time to fetch every row."""
    from ..graph.reports import TABLE_ROWS, run_query

    out.say(f"reports on it ({repeat} runs each, seconds)          p50     p95   every row (rows)")
    for name, query in catalog.reports().items():
        for given in params(query):
            bound = query.bind(given)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                run_query(graph, query, bound, TABLE_ROWS + 1)
                times.append(time.perf_counter() - t)
            t = time.perf_counter()
            rows = len(run_query(graph, query, bound))
            every = time.perf_counter() - t
            p95 = percentile(times, 0.95)
            flag = out.target("report p95 s", p95, p95 < TARGETS["report p95 s"])
            label = name + (" " + " ".join(f"{k}=…" for k in given) if given else "")
            out.say(f"  {label:<46} {percentile(times, 0.5):6.3f}  {p95:6.3f}  {every:6.2f} ({rows}){flag}")


def time_commands(settings: Settings, params: Callable, repeat: int, out: Figures) -> None:
    """Whole `kgbuild report` commands as a user types them (start-up, imports, connection, query, a
    table of at most TABLE_ROWS rows)."""
    env = {**os.environ, "KGBUILD_HOME": str(settings.home)}
    env.pop("NEO4J_URI", None)
    times = []
    for name, query in catalog.reports().items():
        args = [sys.executable, "-m", "kgbuild", "report", name]
        for k, v in params(query)[-1].items():
            args += ["--param", f"{k}={v}"]
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(args, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
    p50 = statistics.median(times)
    flag = out.target("command p50 s", p50, p50 < TARGETS["command p50 s"])
    out.say(f"whole `kgbuild report` commands: p50 {p50:.3f} s, p95 {percentile(times, 0.95):.3f} s{flag}")


def generated(people: int, relationships: int, repeat: int, out: Figures) -> None:
    with scratch_graph() as (graph, settings, server):
        names = write_generated(graph, people, relationships, out)
        params = report_params(names)
        time_reports(graph, params, repeat, out)
        time_commands(settings, params, max(1, repeat // 2), out)
        peak = server_peak_mb(server)
        if peak:
            out.say(f"graph server peak memory: {peak:.0f} MB")


# -- articles --------------------------------------------------------------------------------------------


def articles(paths: list[str], copies: int, folder: Path) -> tuple[list, list[str]]:
    """The documents under `paths`; with `copies` above 1, that many distinct copies of each (a line
    added to each copy), written to one JSON-lines file in `folder` so that `load` reads them too."""
    import json

    from ..documents import Document, read_documents

    docs = [d for d in read_documents(paths) if isinstance(d, Document)]
    if copies <= 1:
        return docs, paths
    corpus = folder / "copies.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for d in docs:
                text = d.text if k == 0 else f"{d.text}\n\nCopy {k}."
                row = {"text": text, "title": d.title, "published": d.published, "url": d.url}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return [d for d in read_documents([str(corpus)]) if isinstance(d, Document)], [str(corpus)]


def extraction(docs: list, repeat: int, out: Figures) -> None:
    """Bare `nlp.pipe` of the same model against kgbuild's extraction (its components, resolution
    across documents and dates), alternating, the median of `repeat` runs each."""
    from ..nlp import load_model, load_pipeline
    from ..pipeline import BATCH_SIZE, extract

    kg, bare = load_pipeline(), load_model()
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    list(bare.pipe(texts[:2]))  # warm both up
    list(extract(docs[:2]))
    bare_times, kg_times, facts = [], [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=BATCH_SIZE):
            pass
        bare_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        facts = sum(len(x.facts) for x in extract(docs))
        kg_times.append(time.perf_counter() - t)
    b, k = statistics.median(bare_times), statistics.median(kg_times)
    ratio = b / k
    out.say(
        f"extraction: {len(docs)} documents, {words:,} words, {kg.meta.get('lang')}_{kg.meta.get('name')} "
        f"{kg.meta.get('version')}, median of {repeat} alternating runs"
    )
    out.say(f"  bare nlp.pipe       {words / b:8,.0f} words/s  ({b:.2f} s)")
    out.say(f"  kgbuild extraction  {words / k:8,.0f} words/s  ({k:.2f} s, {facts} facts)")
    out.say(f"  kgbuild / bare      {ratio:8.3f}  (whole runs; noisy on a shared machine)")
    kg_parts, bare_parts = components(kg, texts, repeat), components(bare, texts, repeat)
    ratio = sum(bare_parts.values()) / sum(kg_parts.values())
    flag = out.target("extraction ratio", ratio, ratio >= TARGETS["extraction ratio"])
    for label, parts in (("bare", bare_parts), ("kgbuild", kg_parts)):
        out.say(
            f"  {label} by component (s, fastest of {repeat}): " + ", ".join(f"{k} {v:.2f}" for k, v in parts.items())
        )
    out.say(f"  kgbuild / bare, NLP components: {ratio:.3f}{flag}")


def components(nlp, texts: list[str], repeat: int) -> dict[str, float]:
    """Each pipeline component's time over all texts (the tokenizer included), the fastest of `repeat`
    runs: steadier than whole runs when other work shares the machine."""
    from ..pipeline import BATCH_SIZE

    best: dict[str, float] = {}
    for _ in range(repeat):
        t = time.perf_counter()
        docs = [nlp.make_doc(x) for x in texts]
        times = {"tokenizer": time.perf_counter() - t}
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            docs = list(
                component.pipe(docs, batch_size=BATCH_SIZE) if hasattr(component, "pipe") else map(component, docs)
            )
            times[name] = time.perf_counter() - t
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return best


def processes(docs: list, out: Figures) -> None:
    """kgbuild's extraction with one spaCy process and with one per core (one run each)."""
    from ..pipeline import extract

    cores = usable_cores()
    if cores < 2:
        return
    times = {}
    for n in (1, cores):
        t = time.perf_counter()
        for _ in extract(docs, n_process=n):
            pass
        times[n] = time.perf_counter() - t
    out.say(
        f"  -j 1: {len(docs) / times[1]:.1f} documents/s; -j {cores}: {len(docs) / times[cores]:.1f} documents/s "
        f"({times[1] / times[cores]:.2f}x; start-up of the workers included)"
    )


def loading(docs: list, paths: list[str], out: Figures) -> None:
    """`load` into a scratch graph against `extract` of the same articles; the re-load of the unchanged
    corpus; the graph's size on disk."""
    from ..graph.writer import GraphWriter
    from ..loader import extract_only, load

    with scratch_graph() as (graph, settings, server):
        GraphWriter(graph).ensure_schema()  # the graph made and its schema set before the clock starts
        empty = disk_bytes(settings.home)
        summary = load(paths, graph)
        loaded = summary.seconds
        t = time.perf_counter()
        for _ in extract_only(paths):
            pass
        extracted = time.perf_counter() - t
        again = load(paths, graph)
        disk = disk_bytes(settings.home) - empty
        out.say(
            f"load: {summary.written} documents, {summary.facts} facts in {loaded:.1f} s: "
            f"{summary.written / loaded:.1f} documents/s, {summary.facts / loaded:.0f} facts/s"
        )
        ratio = extracted / loaded
        flag = out.target("load / extract", ratio, ratio >= TARGETS["load / extract"])
        out.say(f"  extract of the same articles {extracted:.1f} s: load / extract throughput {ratio:.2f}{flag}")
        out.say(
            f"  re-load of the unchanged corpus: {again.skipped} skipped in {again.seconds:.2f} s "
            f"({loaded / max(again.seconds, 1e-3):.0f}x faster)"
        )
        out.say(
            f"  graph on disk: +{disk / 1e6:.1f} MB ({disk / 1e6 / max(summary.written, 1) * 1000:.0f} MB per "
            f"1,000 articles); graph server peak memory {server_peak_mb(server) or 0:.0f} MB"
        )


def run(
    paths: list[str],
    people: int = 20_000,
    relationships: int = 100_000,
    repeat: int = 5,
    copies: int = 1,
    cores: bool = True,
    news: int = 0,
) -> Figures:
    """Every figure, in one run (see the module's docstring)."""
    out = Figures()
    out.say(f"kgbuild bench on {usable_cores()} cores, Python {sys.version.split()[0]}")
    if paths:
        folder = Path(tempfile.mkdtemp(prefix="kgbuild-bench-articles-"))
        try:
            docs, sources = articles(paths, copies, folder)
            if not docs:
                out.say("no articles under the paths given: extraction and load skipped")
            else:
                extraction(docs, repeat, out)
                if cores:
                    processes(docs, out)
                loading(docs, sources, out)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        out.say(f"Python process peak memory after the articles: {python_peak_mb():.0f} MB")
    if people:
        generated(people, relationships, repeat, out)
        out.say(f"Python process peak memory: {python_peak_mb():.0f} MB")
    if news:
        from .news import measure

        measure(news, out, TARGETS)
    if out.missed:
        out.say("targets missed: " + "; ".join(out.missed))
    return out
