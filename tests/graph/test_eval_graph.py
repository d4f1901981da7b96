"""`kgbuild eval --graph`: the graph in the database scored against a graph-level gold file, with
the numbers of the shared `graph_score.py` on an export of the same graph."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT, SHARED
from kgbuild.cli import cli
from kgbuild.cli.evaluate import graph_report
from kgbuild.evaluate_graph import score

GRAPHSET = ROOT / "tests" / "data" / "graphset"
GOLD = GRAPHSET / "graph_gold.json"
SCRIPT = SHARED / "eval" / "graph_score.py"


def node(i, label, **props):
    return {"kind": "node", "id": i, "label": label, **props}


def rel(source, target, kind):
    return {"kind": "relationship", "source": source, "target": target, "type": kind}


# Three articles.  x: Kim met Nordmann in Seoul, and the system also made a stray "Minister Kim"
# node (a split within x); Tan is mentioned.  y: the same Seoul meeting, Nordmann as "Mr Nordmann";
# Tan on a second node; a weapon ("Patriot") read as a person and put among the attendees; a stray
# meeting node.  z: Kim and Nordmann met again in Oslo, which the system put on the Seoul node (a
# false merge).
DUMP = [
    node("dx", "Document", path="/news/x.txt"),
    node("dy", "Document", path="/news/y.txt"),
    node("dz", "Document", path="z.txt"),
    node("kim", "Person", name="Kim Min-jun", aliases=["Kim"]),
    node("kim2", "Person", name="Minister Kim"),
    node("ola", "Person", name="Ola Nordmann"),
    node("tan", "Person", name="Tan Wei"),
    node("tan2", "Person", name="Tan Wei"),
    node("patriot", "Person", name="Patriot"),
    node("seoul", "Place", name="Seoul"),
    node("m1", "Meeting", name="Korea – Norway", date="2026-03-02", status="held"),
    node("m2", "Meeting", name="meeting"),
    *(rel("dx", p, "MENTIONS") for p in ("kim", "kim2", "ola", "tan")),
    *(rel("dy", p, "MENTIONS") for p in ("kim", "ola", "tan2", "patriot")),
    *(rel("dz", p, "MENTIONS") for p in ("kim", "ola")),
    *(rel(d, "m1", "REPORTS") for d in ("dx", "dy", "dz")),
    rel("dy", "m2", "REPORTS"),
    *(rel(p, "m1", "ATTENDED") for p in ("kim", "ola", "patriot")),
    rel("m1", "seoul", "HELD_IN"),
]
TINY_GOLD = {
    "documents": ["x.txt", "y.txt", "z.txt"],
    "entities": [
        {
            "id": "kim-min-jun",
            "mentions": {"x.txt": ["Kim Min-jun", "Kim"], "y.txt": ["Kim Min-jun"], "z.txt": ["Kim"]},
        },
        {
            "id": "ola-nordmann",
            "mentions": {"x.txt": ["Ola Nordmann"], "y.txt": ["Mr Nordmann"], "z.txt": ["Nordmann"]},
        },
        {"id": "tan-wei", "mentions": {"x.txt": ["Tan Wei"], "y.txt": ["Tan"]}},
    ],
    "meetings": [
        {
            "id": "seoul",
            "reports": ["x.txt", "y.txt"],
            "participants": ["kim-min-jun", "ola-nordmann"],
            "date": "2026-03-02",
            "place": "Seoul, South Korea",
            "status": "held",
        },
        {
            "id": "oslo",
            "reports": ["z.txt"],
            "participants": ["kim-min-jun", "ola-nordmann"],
            "date": "2026-04-10",
            "place": "Oslo",
            "status": "held",
        },
    ],
}


def test_scorer_on_a_tiny_graph():
    result = score(TINY_GOLD, DUMP)
    e, m = result.entities, result.meetings
    assert (e["found"], e["units"]) == (8, 8)
    # "Kim" is an alias of node kim (exact); "Minister Kim" shares the word kim once titles are set aside
    assert e["splits"] == {"x.txt kim-min-jun": ["kim", "kim2"]}
    # Kim and Nordmann: 3 cross-article pairs each on one node; Tan: one pair on two nodes
    assert (e["pairs"]["tp"], e["pairs"]["fp"], e["pairs"]["fn"]) == (6, 0, 1)
    assert (e["pairs"]["precision"], e["pairs"]["recall"], e["pairs"]["f1"]) == (1.0, 0.857, 0.923)
    assert e["split_entities"] == {"tan-wei": ["tan", "tan2"]} and e["merged_nodes"] == {}
    assert e["unmatched_person_nodes"] == ["patriot"]

    assert (m["found"], m["units"]) == (3, 3)
    # x~y Seoul on m1 is right; z's Oslo meeting on the same node makes two wrong pairs, one false merge
    assert (m["pairs"]["tp"], m["pairs"]["fp"], m["pairs"]["fn"]) == (1, 2, 0)
    assert (m["pairs"]["precision"], m["pairs"]["recall"], m["pairs"]["f1"]) == (0.333, 1.0, 0.5)
    assert m["false_merges"] == 1 and m["merge_list"] == {"m1": [["oslo", "seoul"]]}
    # each of the three units: both people right, "Patriot" (no gold person) wrong
    assert (m["participants"]["tp"], m["participants"]["fp"], m["participants"]["fn"]) == (6, 3, 0)
    assert m["participants"]["f1"] == 0.8
    assert m["date"] == {"correct": 2, "wrong": 1} and m["date_acc"] == 0.667
    # no place on the node: its HELD_IN, "Seoul" ~ "Seoul, South Korea"; wrong for Oslo
    assert m["place"] == {"correct": 2, "wrong": 1} and m["place_acc"] == 0.667
    assert m["status_acc"] == 1.0
    assert m["spurious_list"] == ["m2"] and m["missed"] == []
    assert "place wrong z.txt oslo: gold 'Oslo' system 'Seoul'" in m["errors"]
    assert result.summary() == (
        "ENTITIES pairF1=0.923 splits=1 | MEETINGS pairP=0.333 pairR=1.000 pairF1=0.500 false_merges=1 "
        "participantsF1=0.800 date_acc=0.667 place_acc=0.667"
    )
    shown = graph_report(result, show=True)
    assert shown[-1] == result.summary()
    assert "   Korea – Norway [m1]: oslo + seoul" in shown
    assert "   x.txt kim-min-jun -> Kim Min-jun [kim], Minister Kim [kim2]" in shown


def test_one_person_of_a_two_person_meeting_is_enough_when_nobody_else_is_elsewhere():
    gold = {
        "entities": [{"id": "kim", "mentions": {"x.txt": ["Kim"]}}],
        "meetings": [{"id": "talks", "reports": ["x.txt"], "participants": ["kim", "lee"]}],
    }
    dump = [
        node("dx", "Document", path="x.txt"),
        node("kim", "Person", name="Kim"),
        node("m", "Meeting", name="talks"),
        rel("dx", "kim", "MENTIONS"),
        rel("dx", "m", "REPORTS"),
        rel("kim", "m", "ATTENDED"),
    ]
    m = score(gold, dump).meetings
    assert (m["found"], m["units"]) == (1, 1)
    assert m["pairs"]["precision"] is None and m["participants"]["recall"] == 0.5
    assert score(gold, dump).summary().endswith("participantsF1=0.667 date_acc=n/a place_acc=n/a")


def test_a_missing_or_malformed_gold_file_is_one_line(tmp_path):
    runner = CliRunner()
    missing = tmp_path / "nowhere.json"
    r = runner.invoke(cli, ["eval", "--graph", str(missing)])
    assert r.exit_code == 1
    assert r.output == f"Error: no gold graph file {missing}; give the path of a graph-level gold JSON file\n"
    facts = tmp_path / "gold.jsonl"
    facts.write_text('{"doc": "a.txt"}\n{"doc": "b.txt"}\n', encoding="utf-8")
    r = runner.invoke(cli, ["eval", "--graph", str(facts)])
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1
    assert r.output.startswith(f"Error: the gold graph file {facts} is not valid JSON (Extra data: line 2")
    shapeless = tmp_path / "list.json"
    shapeless.write_text("[]", encoding="utf-8")
    r = runner.invoke(cli, ["eval", "--graph", str(shapeless)])
    assert r.exit_code == 1 and r.output.startswith(f'Error: {shapeless}: no "entities" list;')
    r = runner.invoke(cli, ["eval", "--graph", str(GOLD), "--system", str(facts)])
    assert r.exit_code == 2 and "--graph scores the graph in the database; it does not take --system" in r.output


def test_an_empty_or_unreachable_graph_is_one_line(run, empty_graph):
    r = run("eval", "--graph", str(GOLD))
    assert r.exit_code == 1
    assert r.output == "Error: the graph is empty; load the gold file's articles first with `kgbuild load PATH`\n"
    r = run("eval", "--graph", str(GOLD), env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert r.exit_code == 1 and r.output.startswith("Error: cannot reach the graph at bolt://127.0.0.1:1;")


def test_eval_graph_gives_the_numbers_of_the_shared_script(run, empty_graph, tmp_path):
    articles = sorted(str(p) for p in GRAPHSET.glob("*.txt"))
    assert len(articles) == 38
    loaded = run("load", *articles)
    assert loaded.exit_code == 0, loaded.output
    ours = run("eval", "--graph", str(GOLD), "--json")
    assert ours.exit_code == 0, ours.output
    measures = json.loads(ours.stdout)
    # the gold's own counts (README of the set): 105 person-article units, 43 required reports
    assert measures["entities"]["units"] == 105 and measures["meetings"]["units"] == 43
    text = run("eval", "--graph", str(GOLD), "--show")
    assert text.exit_code == 0 and text.stdout.splitlines()[-1].startswith("ENTITIES pairF1=")
    if not SCRIPT.exists():
        pytest.skip(f"the shared graph scorer is not at {SCRIPT}")
    dump = tmp_path / "dump.jsonl"
    exported = run("export", "--format", "jsonl", "--documents", "-o", str(dump))
    assert exported.exit_code == 0, exported.output
    script = [sys.executable, str(SCRIPT), str(GOLD), str(dump)]
    theirs = subprocess.run([*script, "--json"], capture_output=True, text=True, check=True)
    assert measures == json.loads(theirs.stdout)
    shown = subprocess.run([*script, "--show"], capture_output=True, text=True, check=True)
    assert text.stdout == shown.stdout
