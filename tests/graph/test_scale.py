"""Scaling out: facts extracted elsewhere load into the same graph as the articles would, and
extraction spread over a Dask cluster gives the facts of one process."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import CORPUS, EXAMPLES, ROOT
from kgbuild.cli import cli
from kgbuild.graph.writer import GraphWriter
from kgbuild.loader import load

DEVSET = ROOT / "tests" / "data" / "devset"


def snapshot(graph) -> tuple:
    """Every node and relationship with its properties, but for when each document was loaded."""
    nodes = graph.read(
        "MATCH (n) RETURN coalesce(n.key, n.doc_id) AS key, labels(n) AS labels, properties(n) AS props ORDER BY key"
    )
    for n in nodes:
        n["props"].pop("loaded_at", None)
    rels = graph.read(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.doc_id) AS a, type(r) AS t, "
        "coalesce(b.key, b.doc_id) AS b, properties(r) AS props ORDER BY a, t, b"
    )
    return nodes, rels


def extract(*args: str) -> str:
    result = CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_facts_handed_off_load_into_the_same_graph(empty_graph, tmp_path):
    articles = [str(CORPUS), str(EXAMPLES)]
    direct = load(articles, empty_graph)
    assert direct.failed == 0 and direct.facts > 20
    expected = snapshot(empty_graph)
    GraphWriter(empty_graph).delete_all()

    handoff = tmp_path / "facts.jsonl"
    handoff.write_text(extract("--documents", *articles), encoding="utf-8")
    summary = load([str(handoff)], empty_graph, facts=True)
    assert (summary.written, summary.facts, summary.entities) == (direct.written, direct.facts, direct.entities)
    assert snapshot(empty_graph) == expected
    again = load([str(handoff)], empty_graph, facts=True)
    assert again.written == 0 and again.skipped == direct.written


def test_plain_fact_lines_load_with_their_documents_known_by_id(empty_graph, tmp_path):
    facts = tmp_path / "facts.jsonl"
    facts.write_text(extract(str(CORPUS)), encoding="utf-8")
    lines = [json.loads(x) for x in facts.read_text(encoding="utf-8").splitlines()]
    summary = load([str(facts)], empty_graph, facts=True)
    assert summary.written == len({x["doc_id"] for x in lines}) == 5
    met = empty_graph.read("MATCH ()-[r:MET_WITH]->() RETURN count(r) AS n")[0]["n"]
    assert met == len({(x["subject"]["name"], x["object"]["name"]) for x in lines if x["predicate"] == "MET_WITH"})
    docs = empty_graph.read("MATCH (d:Document) RETURN d.path AS path, d.title AS title")
    assert {d["path"] for d in docs} == {x["doc"] for x in lines} and all(d["title"] is None for d in docs)


def test_bad_lines_are_named_and_the_rest_loads(empty_graph, tmp_path):
    good = extract("--documents", str(CORPUS / sorted(p.name for p in CORPUS.iterdir())[0])).splitlines()
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(
        "\n".join(
            [
                "not json",
                json.dumps({"predicate": "MET_WITH"}),
                json.dumps({**json.loads(good[1]), "predicate": "ADMIRES"}),
                *good,
                good[0],  # the same document again, apart from its lines
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    problems = []
    summary = load([str(bad)], empty_graph, facts=True, on_problem=problems.append)
    reasons = [p.reason for p in problems]
    assert summary.written == 1
    assert reasons[0].startswith(f"{bad}:1: ") and "line skipped" in reasons[0]
    assert reasons[1].startswith(f"{bad}:2: a fact needs subject")
    assert "unknown predicate 'ADMIRES'" in reasons[2]
    assert reasons[3].startswith(f"{bad}:{len(good) + 4}: ") and "keep a document's lines together" in reasons[3]


def test_load_facts_from_the_command_line(run, empty_graph, tmp_path):
    handoff = tmp_path / "facts.jsonl"
    handoff.write_text(extract("--documents", str(CORPUS)), encoding="utf-8")
    result = run("load", "--facts", str(handoff))
    assert result.exit_code == 0 and result.stdout.startswith("documents: 5 read, 5 loaded"), result.output


def test_a_local_dask_cluster_extracts_the_facts_of_one_process():
    pytest.importorskip("dask.distributed")
    corpus = [str(CORPUS), str(EXAMPLES), str(DEVSET)]
    single = extract("--documents", *corpus)
    assert single.count('"document"') > 40  # several shards
    assert extract("--documents", "--scheduler", "local:2", *corpus) == single


def test_two_spacy_processes_extract_the_facts_of_one():
    corpus = [str(CORPUS), str(EXAMPLES)]
    assert extract("-j", "2", *corpus) == extract(*corpus)


def test_one_process_per_core_by_default_only_for_large_inputs(tmp_path):
    from kgbuild.cli.options import AUTO_FROM_ARTICLES, processes_for
    from kgbuild.config import usable_cores

    one = tmp_path / "big.txt"
    one.write_text("Published on 2026-01-05\n" + "A long article. " * 100_000, encoding="utf-8")
    assert processes_for([str(one)], None) == 1  # one article, however long
    assert processes_for(["-"], None) == 1
    many = tmp_path / "many.jsonl"
    many.write_text("".join('{"text": "An article."}\n' for _ in range(AUTO_FROM_ARTICLES)), encoding="utf-8")
    assert processes_for([str(many)], None) == max(1, min(8, usable_cores()))
    assert processes_for([str(many)], 1) == 1  # -j 1 still chooses


@pytest.mark.parametrize("value", ["0", "9", "many"])
def test_processes_are_1_to_8_or_auto(value):
    result = CliRunner().invoke(cli, ["extract", "-j", value, str(CORPUS)])
    assert result.exit_code == 2 and "is not a number from 1 to 8 or auto" in result.output


def test_document_lines_with_wrong_fields_are_named_and_skipped(empty_graph, tmp_path):
    good = extract("--documents", str(CORPUS / sorted(p.name for p in CORPUS.iterdir())[0])).splitlines()
    first = json.loads(good[0])
    bad = tmp_path / "fields.jsonl"
    rows = [
        {**first, "document": {**first["document"], "doc_id": "a1", "chars": "many"}},
        {**first, "document": {**first["document"], "doc_id": "a2", "published": "yesterday"}},
        {
            **first,
            "document": {**first["document"], "doc_id": "a3"},
            "entities": [{"name": "X Y", "type": "Person", "count": "x"}],
        },
    ]
    bad.write_text("\n".join(json.dumps(r) for r in rows) + "\n" + "\n".join(good) + "\n", encoding="utf-8")
    problems = []
    summary = load([str(bad)], empty_graph, facts=True, on_problem=problems.append)
    assert summary.written == 1
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith(f"{bad}:1: a document field has the wrong type")
    assert reasons[1] == f"{bad}:2: \"published\" must be a date as YYYY-MM-DD, not 'yesterday'; line skipped"
    assert reasons[2].startswith(f"{bad}:3: a document field has the wrong type")


@pytest.mark.parametrize("scheduler", ["local:x", "local:0", "local:-2"])
def test_a_bad_local_cluster_size_is_one_line(scheduler):
    pytest.importorskip("dask.distributed")
    result = CliRunner().invoke(cli, ["extract", "--scheduler", scheduler, str(CORPUS)])
    assert result.exit_code == 1
    assert (
        result.output == f"Error: {scheduler!r}: give local:N with N a number of workers, or local for one per core\n"
    )


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("dask.distributed")
    result = CliRunner().invoke(cli, ["extract", "--scheduler", "tcp://127.0.0.1:9", str(CORPUS)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output


def test_bench_runs_every_part_on_scratch_graphs(kg_home):
    before = sorted(p.name for p in kg_home.iterdir())
    result = CliRunner().invoke(
        cli,
        ["bench", "--people", "40", "--relationships", "100", "--repeat", "1", "--single-core", str(EXAMPLES)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    for line in (
        "kgbuild / bare, NLP components",
        "load: 4 documents",
        "re-load of the unchanged corpus: 4 skipped",
        "generated graph:",
    ):
        assert line in out, out
    assert out.count("\n  ") > 15  # a line for every report
    assert sorted(p.name for p in kg_home.iterdir()) == before  # the user's graph untouched


def test_a_failed_bench_step_is_one_line_and_stops_its_scratch_server(tmp_path):
    from kgbuild.bench import news
    from kgbuild.errors import BenchError
    from kgbuild.graph.server import EmbeddedServer

    home = tmp_path / "home"
    news._kgbuild(home, "db", "start")
    assert EmbeddedServer(home).info() is not None
    with pytest.raises(BenchError) as failed:
        news._kgbuild(home, "report", "no-such-report")
    message = str(failed.value)
    assert message.startswith("bench: `kgbuild report no-such-report` failed on the scratch graph: ")
    assert message.endswith("; run the bench again") and "\n" not in message
    news._stop(home)
    assert EmbeddedServer(home).info() is None
