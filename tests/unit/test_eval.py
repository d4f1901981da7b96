"""`kgbuild eval` scores exactly as the project's evaluation script does."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import SEEDS, SHARED
from kgbuild.cli import cli
from kgbuild.evaluate import Scorer, normal


def test_normalisation_and_symmetry():
    assert normal("The Kremlin") == "kremlin"
    assert normal("Antony J. Blinken") == "antony blinken"
    gold = [
        {"doc": "a.txt", "subject": "A B", "predicate": "MET_WITH", "object": "C D", "status": "held"},
        {"doc": "a.txt", "subject": "A B", "predicate": "REPRESENTS", "object": "Ukraine", "subject_aliases": ["Bee"]},
        {"doc": "a.txt", "subject": "X", "predicate": "MET_WITH", "object": "Y", "optional": True},
    ]
    system = [
        {"doc": "dir/a.txt", "subject": {"name": "C D"}, "predicate": "MET_WITH", "object": "A B", "status": "planned"},
        {"doc": "a.txt", "subject": "Bee", "predicate": "REPRESENTS", "object": {"name": "Kyiv"}},
        {"doc": "a.txt", "subject": "X", "predicate": "MET_WITH", "object": "Y"},
        {"doc": "other.txt", "subject": "P", "predicate": "MET_WITH", "object": "Q"},
    ]
    rows = Scorer(gold, {"Ukraine": ["Kyiv"]}).score(system).rows
    assert rows["MET_WITH"]["tp"] == 1 and rows["MET_WITH"]["system"] == 1
    assert rows["MET_WITH"]["status_accuracy"] == 0.0
    assert rows["REPRESENTS"]["f1"] == 1.0 and rows["CORE"]["f1"] == 1.0


@pytest.mark.parametrize("options", [[], ["--country-only"], ["--partial-names"]])
def test_eval_matches_the_shared_score_script(tmp_path, seed_paths, options):
    script = SHARED / "eval" / "score.py"
    if not script.exists():
        pytest.skip("the shared evaluation script is not present")
    runner = CliRunner()
    facts = runner.invoke(cli, ["extract", *seed_paths], catch_exceptions=False).stdout
    # loosen the names so that partial matching has something to do
    facts = facts.replace('"Rustem Umerov"', '"Umerov"').replace('"Steve Witkoff"', '"Witkoff"')
    system = tmp_path / "facts.jsonl"
    system.write_text(facts, encoding="utf-8")
    ours = runner.invoke(cli, ["eval", str(SEEDS / "gold.jsonl"), "--system", str(system), "--json", *options])
    theirs = subprocess.run(
        [sys.executable, str(script), str(SEEDS / "gold.jsonl"), str(system), "--json", *options],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(ours.stdout) == json.loads(theirs.stdout)


def test_partial_names_match_the_one_gold_name_sharing_the_words():
    gold = [
        {"doc": "a.txt", "subject": "Kari Lie", "predicate": "REPRESENTS", "object": "Norway"},
        {"doc": "a.txt", "subject": "Ola Berg", "predicate": "REPRESENTS", "object": "Norway"},
        {"doc": "a.txt", "subject": "Per Berg Dahl", "predicate": "REPRESENTS", "object": "Norway"},
    ]
    system = [
        {"doc": "a.txt", "subject": "Lie", "predicate": "REPRESENTS", "object": "Norway"},
        {"doc": "a.txt", "subject": "Berg", "predicate": "REPRESENTS", "object": "Norway"},
    ]
    assert Scorer(gold).score(system).rows["REPRESENTS"]["tp"] == 0
    rows = Scorer(gold).with_partial_names(system).score(system).rows
    assert rows["REPRESENTS"]["tp"] == 1  # "Lie" is Kari Lie; "Berg" could be two people, so it stays wrong


def test_summary_line_and_quality_gate(tmp_path, seed_paths):
    runner = CliRunner()
    facts = runner.invoke(cli, ["extract", seed_paths[0]], catch_exceptions=False).stdout
    system = tmp_path / "facts.jsonl"
    system.write_text(facts, encoding="utf-8")
    ok = runner.invoke(cli, ["eval", str(SEEDS / "gold.jsonl"), "--system", str(system), "--summary", "seeds"])
    assert ok.exit_code == 0 and len(ok.stdout.splitlines()) == 1 and ok.stdout.startswith("seeds: CORE P ")
    gate = runner.invoke(
        cli, ["eval", str(SEEDS / "gold.jsonl"), "--system", str(system), "--summary", "s", "--fail-under", "0.99"]
    )
    assert gate.exit_code == 1 and "is below the gate 0.99" in gate.output


def test_eval_extracts_the_gold_articles_itself(seed_paths):
    result = CliRunner().invoke(cli, ["eval", str(SEEDS / "gold.jsonl"), "--show"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:4] == ["predicate", "gold", "sys", "tp"]
    assert "CORE" in result.stdout and "missed:" in result.stdout
