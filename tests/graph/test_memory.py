"""Memory is bounded by kgbuild, not by the input: spaCy is handed at most BATCH_SIZE texts and
BATCH_CHARS characters at a time, so one huge article costs what a batch of small ones does."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from kgbuild.pipeline import BATCH_CHARS, budgeted

CEILING_MB = 1000  # the README's promise for any single input


def test_batches_hold_a_bounded_number_of_characters_and_line_up_with_spacys():
    items = [("x" * n, k) for k, n in enumerate([10, 60, 50, 5, 200, 1, 1, 1, 1, 1])]
    out = list(budgeted(items, size=4, chars=100))
    assert [c for _, c in out if c is not None] == list(range(10))  # every item, in order
    batches = [out[i : i + 4] for i in range(0, len(out), 4)]  # as spaCy cuts the stream
    for batch in batches[:-1]:
        real = [t for t, c in batch if c is not None]
        assert sum(map(len, real)) <= 100 or len(real) == 1
    assert [[c for _, c in b] for b in batches] == [
        [0, 1, None, None],
        [2, 3, None, None],
        [4, None, None, None],
        [5, 6, 7, 8],
        [9],
    ]


MEASURE = (
    "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(p.returncode)"
)


def _peak_mb(args: list[str], home) -> tuple[subprocess.CompletedProcess, float]:
    """Run kgbuild under a parent of its own, whose only child it is: that parent's peak RSS of its
    children is kgbuild's (the graph server it may start is not waited for, so not counted)."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "kgbuild", *args],
        env={**os.environ, "KGBUILD_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    return done, int(done.stderr.strip().splitlines()[-1]) / 1024


def test_a_long_article_on_one_line_stays_under_the_ceiling(tmp_path):
    sentence = (
        "Finnish Foreign Minister Eino Virta met Swedish State Secretary Lars Holm in Turku on Monday, "
        "and the two discussed ferry links, energy prices and the winter's fishing quotas at some length. "
    )
    line = sentence * (6 * BATCH_CHARS // len(sentence))  # six batches' worth of text, no line break
    path = tmp_path / "one-line.txt"
    path.write_text("A very long article\n\n" + line + "\n", encoding="utf-8")
    done, peak = _peak_mb(["extract", str(path), "-o", str(tmp_path / "facts.jsonl")], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    facts = [json.loads(x) for x in (tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    met = [f for f in facts if f["predicate"] == "MET_WITH"]
    assert len(met) == 1  # one sentence, repeated: one piece of evidence
    assert peak < CEILING_MB, f"peak {peak:.0f} MB"


def test_a_sentence_repeated_thousands_of_times_is_one_piece_of_evidence(tmp_path):
    path = tmp_path / "repeat.txt"
    sentence = "Finnish Foreign Minister Eino Virta met Swedish State Secretary Lars Holm in Turku. "
    path.write_text("Repeated\n\n" + sentence * 5000, encoding="utf-8")
    done, peak = _peak_mb(["load", str(path)], tmp_path / "home")
    try:
        assert done.returncode == 0, done.stderr
        query = "MATCH (:Person)-[r:MET_WITH]->(:Person) RETURN r.evidence AS evidence, r.articles AS articles"
        done = subprocess.run(
            [sys.executable, "-m", "kgbuild", "query", query, "--format", "json"],
            env={**os.environ, "KGBUILD_HOME": str(tmp_path / "home")},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert json.loads(done.stdout) == [{"evidence": 1, "articles": 1}]
        assert peak < CEILING_MB, f"peak {peak:.0f} MB"
    finally:
        subprocess.run(
            [sys.executable, "-m", "kgbuild", "db", "stop"],
            env={**os.environ, "KGBUILD_HOME": str(tmp_path / "home")},
            capture_output=True,
            timeout=60,
        )
