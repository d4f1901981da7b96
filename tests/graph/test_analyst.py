"""An analyst's day: finding people and countries by any part of their name, one row per meeting,
dates, tables that fit, one-line messages, the server's ports, the same colours everywhere."""

from __future__ import annotations

import json
import re

import pytest

from conftest import CORPUS, EXAMPLES
from kgbuild.documents import articles_in
from kgbuild.graph.server import EmbeddedServer


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


@pytest.fixture
def corpus_graph(run, empty_graph):
    assert run("load", str(CORPUS), str(EXAMPLES)).exit_code == 0
    return run


# -- finding people and countries -------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Lystad", "lystad", "Hanne Lystad", "Hanne LYSTAD"])
def test_any_unambiguous_part_of_a_name_finds_the_person(corpus_graph, name):
    met = rows(corpus_graph("report", "who-met-whom", "--param", f"person={name}", "--format", "json"))
    assert met and {r["person"] for r in met} == {"Hanne Lystad"}  # a surname never written alone


def test_a_shared_part_of_a_name_lists_who_it_could_be(corpus_graph, tmp_path):
    write(tmp_path, "a.txt", "Norwegian Foreign Minister Ola Eide met Swedish Foreign Minister Ola Berg in Oslo.")
    assert corpus_graph("load", str(tmp_path)).exit_code == 0
    r = corpus_graph("report", "profile", "--param", "name=Ola")
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1
    assert r.output == (
        "Error: 'Ola' could be Ola Berg (Person, represents Sweden, 1 article), Ola Brekke (Person, represents "
        "Norway, 1 article) or Ola Eide (Person, represents Norway, 1 article); give more of the name\n"
    )


def test_a_name_that_matches_nothing_suggests_the_closest(corpus_graph):
    r = corpus_graph("report", "who-met-whom", "--param", "person=Witkof")
    assert r.exit_code == 1
    assert r.output == "Error: no one named 'Witkof' in the graph; did you mean Steve Witkoff?\n"
    r = corpus_graph("report", "path", "--param", "a=Zzyzx Qwerty", "--param", "b=Umerov")
    assert r.exit_code == 1 and r.output.startswith("Error: no one named 'Zzyzx Qwerty' in the graph")


@pytest.mark.parametrize("code", ["US", "U.S.", "USA", "American", "United States", "america"])
def test_countries_by_code_short_form_or_demonym(corpus_graph, code):
    reps = rows(corpus_graph("report", "representatives", "--param", f"country={code}", "--format", "json"))
    assert reps and {r["country"] for r in reps} == {"United States"}
    dels = rows(corpus_graph("report", "delegations", "--param", f"country={code}", "--format", "json"))
    assert dels and {r["country"] for r in dels} == {"United States"}


def test_an_empty_graph_says_so(run, empty_graph):
    r = run("report", "who-met-whom")
    assert r.exit_code == 1 and r.output == "Error: the graph is empty; load articles first with `kgbuild load PATH`\n"
    r = run("report", "profile", "--param", "name=Anyone")
    assert r.exit_code == 1 and "the graph is empty; load articles first" in r.output


def test_cypher_for_browser_has_the_parameters_set(corpus_graph):
    out = corpus_graph("report", "who-met-whom", "--param", "person=Lystad", "--cypher").stdout
    assert out.startswith(
        ':param person => "person:hanne listad"\n:param min_confidence => 0.0\n:param since => null\n'
        ":param until => null\n:param undated => false\n:param kg_limit => 1000\n"
    )
    assert "MATCH (a:Person {key: $person})" in out and out.rstrip().endswith(";")


# -- one meeting, one row ----------------------------------------------------------------------------
def test_reports_of_one_meeting_are_one_row(run, empty_graph, tmp_path):
    write(
        tmp_path,
        "a1.jsonl",
        "\n".join(
            json.dumps(d)
            for d in [
                {
                    "published": "2026-04-03",
                    "title": "Envoys to meet",
                    "text": "Norwegian envoy Ola Berg will meet Swedish envoy Kari Lie in Miami on Saturday.",
                },
                {
                    "published": "2026-04-05",
                    "title": "Envoys meet",
                    "text": "Norwegian envoy Ola Berg met Swedish envoy Kari Lie in Miami on Saturday.",
                },
                {
                    "published": "2026-04-06",
                    "title": "Talks go on",
                    "text": "Norwegian envoy Ola Berg and Swedish envoy "
                    "Kari Lie held talks in Florida. They will meet again in Stockholm.",
                },
            ]
        )
        + "\n",
    )
    assert run("load", str(tmp_path)).exit_code == 0
    meetings = rows(run("report", "meetings", "--format", "json"))
    miami = [m for m in meetings if m["place"] == "Miami"]
    assert len(miami) == 1, meetings
    (m,) = miami
    assert (m["date"], m["status"], m["articles"]) == ("2026-04-04", "held", 3)
    assert m["sources"] == [
        "Envoys to meet (planned; new)",
        "Envoys meet (held; same date)",
        "Talks go on (held; publication window)",
    ]
    node = rows(
        run("query", "MATCH (m:Meeting {place: 'Miami'}) RETURN m.name AS name, m.sides AS sides", "--format", "json")
    )
    assert node == [{"name": "Norway – Sweden, Miami, 2026-04-04", "sides": ["Norway", "Sweden"]}]


def test_load_force_replaces_what_a_document_contributed(run, empty_graph, tmp_path):
    article = write(tmp_path, "a.txt", "Norwegian envoy Ola Berg met Swedish envoy Kari Lie in Oslo on Monday.")
    assert run("load", str(article)).exit_code == 0  # no publication date: the meeting has no date
    assert [m["date"] for m in rows(run("report", "meetings", "--format", "json"))] == [None]
    assert run("load", "--force", "--published", "2026-04-08", str(article)).exit_code == 0
    meetings = rows(run("report", "meetings", "--format", "json"))
    assert [(m["date"], m["place"]) for m in meetings] == [("2026-04-06", "Oslo")]
    met = rows(run("report", "who-met-whom", "--format", "json"))
    assert [(r["dates"], r["articles"]) for r in met] == [(["2026-04-06"], 1)]


def test_delegations_list_sides_counterparts_and_leaders(run, empty_graph, tmp_path):
    write(
        tmp_path,
        "d.txt",
        "Published on 2026-05-02\n\nNorwegian and Swedish delegations held talks in Bergen on "
        "Friday. The Norwegian delegation was led by Foreign Minister Ola Eide. Sweden was represented by "
        "Foreign Minister Kari Lie and adviser Per Dahl.",
    )
    assert run("load", str(tmp_path)).exit_code == 0
    dels = rows(run("report", "delegations", "--format", "json"))
    assert {r["country"] for r in dels} == {"Norway", "Sweden"}
    norway = next(r for r in dels if r["country"] == "Norway")
    assert norway["leaders"] == ["Ola Eide"] and norway["counterparts"] == ["Sweden"]
    assert norway["date"] == "2026-05-01" and norway["place"] == "Bergen"


def test_dates_as_written_are_kept(run, empty_graph, tmp_path):
    write(
        tmp_path,
        "n.txt",
        "Published on 2026-05-02\n\nNorwegian envoy Ola Berg will meet Swedish envoy Kari Lie in Malmo next week.",
    )
    assert run("load", str(tmp_path)).exit_code == 0
    r = rows(
        run(
            "query",
            "MATCH (e:Evidence {type: 'MET_WITH'}) RETURN e.date_text AS text, e.date AS date",
            "--format",
            "json",
        )
    )
    assert r == [{"text": "next week", "date": None}]


# -- tables, messages, progress ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["report", "sources"],
        ["report", "evidence", "--param", "a=Thorsdottir", "--param", "b=Ashworth"],
        ["report", "meetings"],
        ["report", "who-met-whom"],
        ["extract", "--format", "table", str(CORPUS)],
    ],
)
def test_tables_fit_a_100_column_terminal(corpus_graph, args):
    out = corpus_graph(*args, env={"COLUMNS": "100"}).stdout
    assert max(len(line) for line in out.splitlines()) <= 100
    wide = corpus_graph(*args, "--wide", env={"COLUMNS": "100"}).stdout
    assert "…" not in wide


def test_the_progress_bar_counts_articles_only(tmp_path):
    f = write(tmp_path, "a.jsonl", '{"source": "export"}\n{"text": "One."}\n{"text": "Two."}\n\n')
    assert articles_in(f) == 2


@pytest.mark.parametrize(
    "uri,message",
    [
        ("localhost:7687", "Error: NEO4J_URI 'localhost:7687' is not a graph address; use bolt://HOST:7687"),
        ("http://127.0.0.1:2489", "Error: NEO4J_URI 'http://127.0.0.1:2489' is not a graph address"),
    ],
)
def test_a_wrong_uri_is_one_line(run, uri, message):
    r = run("report", "stats", env={"NEO4J_URI": uri})
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1 and r.output.startswith(message)


def test_connection_options_work_after_the_command(run):
    r = run("report", "stats", "--uri", "bolt://127.0.0.1:9")
    assert r.exit_code == 1 and "cannot reach the graph at bolt://127.0.0.1:9" in r.output


@pytest.mark.parametrize(
    "args", [["view", "-o", "nodir/x.html"], ["export", "--format", "graphml", "-o", "nodir/x.graphml"]]
)
def test_output_to_a_missing_folder_is_one_line(corpus_graph, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = corpus_graph(*args)
    assert r.exit_code == 1 and r.output.startswith("Error: there is no folder nodir for -o nodir/")


def test_brokers_need_counterparts(corpus_graph):
    people = [r["person"] for r in rows(corpus_graph("report", "brokers", "--format", "json"))]
    met = {
        r[k]
        for r in rows(corpus_graph("report", "who-met-whom", "--format", "json"))
        for k in ("person", "counterpart")
    }
    assert people and set(people) <= met


# -- the embedded server as a daily tool ------------------------------------------------------------------
def test_the_ports_chosen_first_are_kept(tmp_path):
    server = EmbeddedServer(tmp_path / "home")
    try:
        first = server.start()
        server.stop()
        again = server.start()
        assert (again.bolt_port, again.http_port) == (first.bolt_port, first.http_port)
    finally:
        server.stop()


# -- the view -------------------------------------------------------------------------------------------
def test_one_type_one_colour_in_views_and_browser_style(corpus_graph, tmp_path, kg_home):
    colours = []
    for extra in ([], ["--person", "Umerov", "--depth", "1"]):
        out = tmp_path / "v.html"
        assert corpus_graph("view", "-o", str(out), *extra).exit_code == 0
        data = json.loads(
            re.search(
                r'<script id="graph-data" type="application/json">(.*?)</script>', out.read_text(encoding="utf-8"), re.S
            ).group(1)
        )
        colours.append(data["colours"])
    assert colours[0] == colours[1]
    status = corpus_graph("db", "status").stdout
    grass = (kg_home / "kgbuild.grass").read_text(encoding="utf-8")
    assert str(kg_home / "kgbuild.grass") in status
    for rel, colour in colours[0]["edges"].items():
        assert f"relationship.{rel} {{\n  color: {colour};" in grass
    for label, colour in colours[0]["nodes"].items():
        assert f"node.{label} {{\n  color: {colour};" in grass
