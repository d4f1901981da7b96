"""Every saved report on a real embedded graph of the test corpus (tests/data/corpus, written for
these tests): the rows a reader of those five articles expects."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from kgbuild.errors import ReportError
from kgbuild.graph import catalog
from kgbuild.graph.reports import run_query
from kgbuild.graph.writer import GraphWriter
from kgbuild.loader import load


def run(graph, name: str, given: dict, limit: int | None = None) -> list[dict]:
    """A saved report with command-line parameters, as `kgbuild report` runs it."""
    query = catalog.report(name)
    return run_query(graph, query, query.bind(given), limit)


@pytest.fixture(scope="module")
def g(settings):
    from kgbuild.graph import open_graph

    with open_graph(settings) as graph:
        GraphWriter(graph).delete_all()
        summary = load([str(CORPUS)], graph)
        assert summary.written == 5 and summary.failed == 0
        yield graph


def test_every_report_is_tested():
    tested = {name[len("test_") :].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert set(catalog.reports()) <= tested


def test_who_met_whom(g):
    rows = {(r["person"], r["counterpart"]): r for r in run(g, "who-met-whom", {})}
    oslo = rows[("Eirik Vangen", "Ragna Thorsdottir")]
    assert (oslo["status"], oslo["places"], oslo["dates"]) == ("held", ["Oslo"], ["2026-03-02"])
    assert ("Eirik Vangen", "Marc Delorme") in rows and ("Hanne Lystad", "Marc Delorme") in rows
    ottawa = rows[("Paul Ashworth", "Ragna Thorsdottir")]
    assert ottawa["status"] == "held" and ottawa["articles"] == 2  # planned in one article, held in the next
    assert ("Eirik Vangen", "Hanne Lystad") not in rows  # colleagues on one side
    assert not any("Ola Brekke" in pair for pair in rows)  # a spokesperson who only commented
    assert all(a < b for a, b in rows)
    one = run(g, "who-met-whom", {"person": "Thorsdottir"})
    assert {r["counterpart"] for r in one} == {"Eirik Vangen", "Paul Ashworth"}
    assert run(g, "who-met-whom", {"min_confidence": "0.95"}) == []


def test_meetings(g):
    rows = run(g, "meetings", {})
    assert [(r["date"], r["place"]) for r in rows] == [
        ("2026-03-02", "Oslo"),
        ("2026-03-05", "Tromso"),
        ("2026-03-13", "Ottawa"),
        ("2026-03-16", "Reykjavik"),
    ]
    sides = {side: set(people.split(", ")) for side, people in (p.split(": ") for p in rows[1]["participants"])}
    assert sides == {"Canada": {"Marc Delorme", "Julie Caron"}, "Norway": {"Eirik Vangen", "Hanne Lystad"}}
    assert rows[2]["status"] == "held" and rows[2]["articles"] == 2 and len(rows[2]["sources"]) == 2
    only = run(g, "meetings", {"person": "Hanne Lystad"})
    assert [r["place"] for r in only] == ["Tromso", "Reykjavik"]


def test_envoys(g):
    rows = {(r["principal"], r["principal_type"], r["envoy"]) for r in run(g, "envoys", {})}
    assert rows == {
        ("Eirik Vangen", "Person", "Hanne Lystad"),
        ("Norway", "Country", "Hanne Lystad"),
        ("Canada", "Country", "Marc Delorme"),
    }


def test_delegations(g):
    rows = run(g, "delegations", {"country": "Canada"})
    assert {r["country"] for r in rows} == {"Canada"}
    tromso = [r for r in rows if r["place"] == "Tromso"]
    assert len(tromso) == 1 and set(tromso[0]["members"]) == {"Marc Delorme", "Julie Caron"}


def test_representatives(g):
    rows = run(g, "representatives", {})
    sides = {(r["person"], r["country"]) for r in rows}
    assert sides == {
        ("Eirik Vangen", "Norway"),
        ("Hanne Lystad", "Norway"),
        ("Ola Brekke", "Norway"),
        ("Ragna Thorsdottir", "Iceland"),
        ("Marc Delorme", "Canada"),
        ("Julie Caron", "Canada"),
        ("Paul Ashworth", "Canada"),
    }
    iceland = run(g, "representatives", {"country": "Iceland"})
    assert [r["person"] for r in iceland] == ["Ragna Thorsdottir"] and iceland[0]["articles"] == 4


def test_evidence(g):
    rows = run(g, "evidence", {"a": "Paul Ashworth", "b": "Ragna Thorsdottir"})
    met = [r for r in rows if r["relationship"] == "MET_WITH"]
    assert len(met) == 2 and {r["document"] for r in met} == {
        "Iceland's foreign minister to visit Ottawa",
        "Arctic talks: Ottawa meeting held",
    }
    assert any(r["sentence"].startswith("Icelandic Foreign Minister Ragna Thorsdottir met Canadian") for r in met)


def test_path(g):
    rows = run(g, "path", {"a": "Julie Caron", "b": "Ragna Thorsdottir"})
    assert [r["step"] for r in rows] == [1, 2]
    ends = [{r["subject"], r["object"]} for r in rows]
    assert "Julie Caron" in ends[0] and "Ragna Thorsdottir" in ends[-1]
    assert ends[0] & ends[1]  # the steps join up


def test_profile(g):
    rows = run(g, "profile", {"name": "Hanne Lystad"})
    sections = {(r["section"], r["item"]) for r in rows}
    assert {
        ("role", "ENVOY_OF Eirik Vangen"),
        ("role", "ENVOY_OF Norway"),
        ("role", "REPRESENTS Norway"),
        ("counterpart", "Marc Delorme"),
        ("counterpart", "Julie Caron"),
    } <= sections
    assert ("counterpart", "Eirik Vangen") not in sections
    assert len([s for s, _ in sections if s == "source"]) == 3


def test_sources(g):
    rows = run(g, "sources", {})
    assert [r["published"] for r in rows] == ["2026-03-02", "2026-03-05", "2026-03-10", "2026-03-14", "2026-03-16"]
    ottawa = rows[2]
    assert ottawa["title"] == "Iceland's foreign minister to visit Ottawa" and ottawa["meetings"] == 1
    assert all(r["facts"] > 0 and r["entities"] > 0 for r in rows)


def test_brokers(g):
    rows = run(g, "brokers", {"top": "3"})
    assert len(rows) == 3
    assert rows[0]["person"] == "Eirik Vangen" and set(rows[0]["counterpart_sides"]) == {"Canada", "Iceland"}
    assert rows[0]["betweenness"] >= rows[1]["betweenness"] >= rows[2]["betweenness"] > 0


def test_stats(g):
    rows = {(r["kind"], r["name"]): r["count"] for r in run(g, "stats", {})}
    assert rows[("node", "Document")] == 5 and rows[("node", "Meeting")] == 4
    assert rows[("relationship", "MET_WITH")] == 6
    assert rows[("node", "Person")] == g.read("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] == 7


def test_bad_parameters(g):
    with pytest.raises(ReportError):
        run(g, "brokers", {"top": "many"})


def test_reports_that_sort_place_their_own_limit():
    for q in catalog.reports().values():
        if "ORDER BY" in q.text and not q.compute:
            assert q.limited and "$kg_limit" not in q.unlimited, q.name


@pytest.mark.parametrize("name", [n for n, q in catalog.reports().items() if q.limited])
def test_a_limit_gives_the_first_rows_of_the_whole_report(g, name):
    query = catalog.report(name)
    given = {"a": "Vangen", "b": "Delorme", "name": "Vangen"}
    bound = query.bind({p.name: given[p.name] for p in query.params if p.required})
    every = run_query(g, query, bound)
    assert every
    for n in (1, 2, len(every)):
        assert run_query(g, query, bound, n) == every[:n]
