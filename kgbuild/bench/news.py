"""A news-shaped corpus at scale, and what loading it costs: `kgbuild bench --news N`.

News repeats itself: a few people are in most articles (the leaders and envoys a story keeps
returning to), most people in one or two.  `articles` makes N hand-off documents (the lines
`kgbuild extract --documents` writes) whose people are drawn with a Zipf-like skew: each article
reports two sides meeting on a day near its publication, who represents which side and, now and
then, whose envoy someone is.  `run` loads them with `kgbuild load --facts`, a file of
`CHUNK` articles at a time, into a scratch graph, and reports each file's throughput, the peak
memory of the loading process and of the graph server, the disk the graph takes per 1,000
articles, and then every report's whole-command time.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from ..errors import BenchError
from ..graph import catalog
from .resources import disk_bytes, server_peak_mb
from .synthetic import names

CHUNK = 10_000
PEOPLE = 6_000
SKEW = 1.1  # the Zipf exponent: person k is drawn with weight 1 / k**SKEW
MEASURE = (
    "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(p.returncode)"
)


class News:
    """Articles of `countries` sides whose people follow the skew (see the module's docstring)."""

    def __init__(self, people: int = PEOPLE, seed: int = 11):
        from ..rules import load_rules

        self.rng = random.Random(seed)
        rules = load_rules()
        self.countries = sorted(set(rules.country_names.values()))[:40]
        self.places = sorted(p for p in rules.places)[:60] or ["Geneva"]
        self.people = names(people, seed)
        self.side = {p: self.countries[k % len(self.countries)] for k, p in enumerate(self.people)}
        self.by_side: dict[str, list[str]] = {}
        for p in self.people:
            self.by_side.setdefault(self.side[p], []).append(p)
        self.weights = {c: [1 / (k + 1) ** SKEW for k in range(len(ps))] for c, ps in self.by_side.items()}
        side_weight = [1 / (k + 1) for k in range(len(self.countries))]
        self.side_weights = side_weight

    def _pick(self, side: str, k: int) -> list[str]:
        chosen: list[str] = []
        while len(chosen) < k:
            p = self.rng.choices(self.by_side[side], self.weights[side])[0]
            if p not in chosen:
                chosen.append(p)
        return chosen

    def article(self, n: int) -> list[dict]:
        """One article as hand-off lines: its document line, then its facts."""
        rng = self.rng
        a, b = "", ""
        while a == b:
            a, b = rng.choices(self.countries, self.side_weights, k=2)
        left, right = self._pick(a, rng.randint(1, 2)), self._pick(b, rng.randint(1, 2))
        published = date(2024, 1, 1) + timedelta(days=n * 730 // 100_000 + rng.randrange(3))
        held = published - timedelta(days=rng.randrange(3))
        place = rng.choice(self.places)
        sentences, facts = [], []

        def fact(subject, stype, pred, obj, otype, sentence, **extra):
            start = sum(len(s) + 1 for s in sentences)
            if sentence not in sentences:
                sentences.append(sentence)
            facts.append(
                {
                    "subject": {"name": subject, "type": stype},
                    "predicate": pred,
                    "object": {"name": obj, "type": otype},
                    "sentence": sentence,
                    "start": start,
                    "end": start + len(sentence),
                    "confidence": 0.9,
                    "rule": "bench",
                    "basis": "text",
                    **extra,
                }
            )

        for side, group in ((a, left), (b, right)):
            for p in group:
                fact(p, "Person", "REPRESENTS", side, "Country", f"{p} of {side} arrived.")
            if rng.random() < 0.3:
                fact(group[0], "Person", "ENVOY_OF", side, "Country", f"{group[0]} is the envoy of {side}.")
        for p in left:
            for q in right:
                s, o = sorted((p, q))
                sentence = f"{p} met {q} in {place} on {held:%d %B}."
                fact(s, "Person", "MET_WITH", o, "Person", sentence, place=place, date=held.isoformat(), status="held")
        text = f"Report {n}. " + " ".join(sentences)
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        entities = [{"name": p, "type": "Person", "aliases": [], "count": 1} for p in left + right]
        entities += [{"name": c, "type": "Country", "aliases": [], "count": 1} for c in (a, b)]
        doc = {
            "path": f"news/{n:07d}.txt",
            "doc_id": doc_id,
            "title": f"Report {n}",
            "published": published.isoformat(),
        }
        for f in facts:
            f.update(doc=doc["path"], doc_id=doc_id)
        return [{"document": {**doc, "chars": len(text)}, "entities": entities}, *facts]


def write(folder: Path, count: int, chunk: int = CHUNK) -> list[Path]:
    """`count` articles as hand-off files of `chunk` articles each."""
    news, files = News(), []
    for start in range(0, count, chunk):
        path = folder / f"news-{start // chunk:03d}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for n in range(start, min(count, start + chunk)):
                for line in news.article(n):
                    f.write(json.dumps(line, ensure_ascii=False) + "\n")
        files.append(path)
    return files


def _kgbuild(home: Path, *args: str, measure: bool = False) -> tuple[float, float | None]:
    env = {**os.environ, "KGBUILD_HOME": str(home)}
    env.pop("NEO4J_URI", None)
    cmd = [sys.executable, "-m", "kgbuild", *args]
    if measure:
        cmd = [sys.executable, "-c", MEASURE, *cmd]
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise BenchError(f"bench: `kgbuild {' '.join(args)}` failed on the scratch graph: {last}; run the bench again")
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024 if measure else None
    return time.perf_counter() - t, peak


def run(count: int, folder: Path, home: Path, say=print) -> dict:
    """Load `count` generated articles a file at a time and say what each costs (see the module)."""
    from ..graph.server import EmbeddedServer

    chunk = CHUNK if count >= 5 * CHUNK else max(1, count // 5)
    files = write(folder, count, chunk)
    say(f"news corpus: {count:,} articles, {PEOPLE:,} people drawn with skew {SKEW}, files of {chunk:,}")
    server, rates, done = EmbeddedServer(home), [], 0
    _kgbuild(home, "db", "start")
    warm = folder / "warm-up.jsonl"  # the server's first writes (schema, a cold JVM) are not the news
    with warm.open("w", encoding="utf-8") as f:
        warmer = News(seed=99)
        for n in range(200):
            f.writelines(json.dumps(line) + "\n" for line in warmer.article(n))
    _kgbuild(home, "load", "--facts", "-q", str(warm))
    empty = disk_bytes(home)
    for path in files:
        n = sum(1 for line in path.open(encoding="utf-8") if line.startswith('{"document"'))
        seconds, peak = _kgbuild(home, "load", "--facts", "-q", str(path), measure=True)
        done += n
        rates.append(n / seconds)
        server_mb = server_peak(server)
        say(
            f"  {done:>9,} articles: {n / seconds:7.1f} articles/s, load peak {peak:.0f} MB, "
            f"server peak {server_mb:.0f} MB, disk {(disk_bytes(home) - empty) / 1e6:.0f} MB"
        )
    disk = (disk_bytes(home) - empty) / 1e6
    per_1000 = disk / (count / 1000)
    say(f"  slowest / fastest file: {min(rates) / max(rates):.2f}; disk {per_1000:.1f} MB per 1,000 articles")
    from . import report_params

    lead = [ps[0] for ps in News().by_side.values()]
    given = report_params({"people": lead, "countries": News().countries, "counterpart": lead[1]})
    times = {}
    for name, query in catalog.reports().items():
        args = [f"--param={k}={v}" for k, v in given(query)[-1].items()]
        runs = [_kgbuild(home, "report", name, *args)[0] for _ in range(3)]
        times[name] = statistics.median(runs)
    say("  whole `kgbuild report` commands, median of 3 (s): " + ", ".join(f"{k} {v:.2f}" for k, v in times.items()))
    _kgbuild(home, "db", "stop")
    return {"rates": rates, "disk_per_1000": disk / (count / 1000), "reports": times}


def server_peak(server) -> float:
    return server_peak_mb(server) or 0.0


def measure(count: int, out, targets: dict) -> None:
    """Generated news loaded a file at a time, on a scratch graph of its own, against `targets`."""
    folder = Path(tempfile.mkdtemp(prefix="kgbuild-bench-news-"))
    try:
        result = run(count, folder, folder / "home", say=out.say)
        rates = result["rates"]
        ratio = min(rates) / max(rates)
        flag = out.target("news flat", ratio, ratio >= targets["news flat"])
        out.say(f"  news load throughput, slowest file / fastest: {ratio:.2f}{flag}")
        slowest = max(result["reports"].values())
        flag = out.target("news report s", slowest, slowest < targets["news report s"])
        out.say(f"  slowest report command: {slowest:.2f} s{flag}")
    finally:
        _stop(folder / "home")
        shutil.rmtree(folder, ignore_errors=True)


def _stop(home: Path) -> None:
    """Stop the scratch graph server, whatever state a failed step left it in."""
    env = {**os.environ, "KGBUILD_HOME": str(home)}
    env.pop("NEO4J_URI", None)
    subprocess.run([sys.executable, "-m", "kgbuild", "db", "stop"], env=env, capture_output=True)
