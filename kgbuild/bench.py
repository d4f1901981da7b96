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
import resource
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

from . import catalog
from .config import Settings
from .embedded import EmbeddedServer
from .graph import Graph, open_graph

TARGETS = {  # what the figures should reach on any machine (see README, "Quality and speed")
    "extraction ratio": 1.0,  # kgbuild words/s / bare nlp.pipe words/s
    "load / extract": 0.97,
    "report p95 s": 1.0,
    "command p50 s": 0.4,
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
    settings = Settings.resolve(home=folder)
    try:
        with open_graph(settings) as graph:
            yield graph, settings, server
    finally:
        server.stop()
        if not home:
            shutil.rmtree(folder, ignore_errors=True)


def server_peak_mb(server: EmbeddedServer) -> float | None:
    """The graph server's peak resident memory (VmHWM), in MB."""
    info = server.info()
    try:
        status = Path(f"/proc/{info.pid}/status").read_text() if info else ""
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def python_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- a generated graph ---------------------------------------------------------------------------------


def write_generated(graph: Graph, people: int, relationships: int, out: Figures, batch: int = 32) -> dict:
    """Write a generated corpus through GraphWriter; say rows/s as the graph grows."""
    from .store import GraphWriter, batch_statements
    from .synthetic import Corpus

    writer = GraphWriter(graph)
    writer.ensure_schema()
    corpus = Corpus(people, relationships)
    pending, rates, seen = [], [], {}
    started = time.perf_counter()
    marks = sorted({m for m in (1_000, 5_000, 10_000, 20_000, 50_000, 100_000, people) if m <= people})

    def flush() -> None:
        rows = sum(len(r) for _, r in batch_statements(pending, writer._book(pending)))
        t = time.perf_counter()
        writer.write(pending)
        rates.append((len(seen), rows / (time.perf_counter() - t)))
        pending.clear()

    for x in corpus:
        pending.append(x)
        seen.update((e.name, None) for e in x.entities if e.type == "Person")  # in order of appearance
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
    return {"people": list(seen), "countries": corpus.countries}


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


def time_reports(graph: Graph, params: Callable, repeat: int, out: Figures, skip=()) -> None:
    """p50/p95 of every saved report in the process (lookup, query, any Python step), as `kgbuild
    report` runs it for a table (at most TABLE_ROWS rows), and the time to fetch every row."""
    from .reports import TABLE_ROWS, run_query

    out.say(f"reports on it ({repeat} runs each, seconds)          p50     p95   every row (rows)")
    for name, query in catalog.reports().items():
        if name in skip:
            continue
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
    """Whole `kgbuild report` commands (start-up, imports, connection, query, output)."""
    env = {**os.environ, "KGBUILD_HOME": str(settings.home)}
    env.pop("NEO4J_URI", None)
    times = []
    for name, query in catalog.reports().items():
        args = [sys.executable, "-m", "kgbuild", "report", name, "--format", "json"]
        for k, v in params(query)[-1].items():
            args += ["--param", f"{k}={v}"]
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(args, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
    p50 = statistics.median(times)
    flag = out.target("command p50 s", p50, p50 < TARGETS["command p50 s"])
    out.say(f"whole `kgbuild report` commands: p50 {p50:.3f} s, p95 {percentile(times, 0.95):.3f} s{flag}")


def generated(people: int, relationships: int, repeat: int, home: Path | None, out: Figures) -> None:
    with scratch_graph(home) as (graph, settings, server):
        names = write_generated(graph, people, relationships, out)
        params = report_params(names)
        time_reports(graph, params, repeat, out)
        time_commands(settings, params, max(1, repeat // 2), out)
        peak = server_peak_mb(server)
        if peak:
            out.say(f"graph server peak memory: {peak:.0f} MB")
