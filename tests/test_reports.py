"""Every saved report on a real embedded graph loaded from the seeds and the examples: rows checked."""

from __future__ import annotations

import pytest

from kgbuild import catalog
from kgbuild.errors import ReportError
from kgbuild.loader import load
from kgbuild.reports import run
from kgbuild.store import GraphWriter
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def g(settings, seed_paths_module):
    from kgbuild.graph import open_graph

    with open_graph(settings) as graph:
        GraphWriter(graph).delete_all()
        load([*seed_paths_module, str(EXAMPLES)], graph)
        yield graph


@pytest.fixture(scope="module")
def seed_paths_module():
    from conftest import SEEDS

    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("the seed articles are not present")
    return paths


def test_every_report_is_tested():
    tested = {name[len("test_"):].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert set(catalog.reports()) <= tested


def test_who_met_whom(g):
    rows = run(g, "who-met-whom", {})
    pairs = {(r["person"], r["counterpart"]) for r in rows}
    assert ("Kirill Dmitriev", "Steve Witkoff") in pairs and ("Rustem Umerov", "Steve Witkoff") in pairs
    assert all(r["person"] < r["counterpart"] for r in rows)
    by_alias = run(g, "who-met-whom", {"person": "Zelenskyy"})
    assert all(r["person"] == "Volodymyr Zelensky" for r in by_alias)


def test_meetings(g):
    rows = run(g, "meetings", {"person": "Dmitriev"})
    miami = [r for r in rows if r["place"] == "Miami"]
    assert miami and any("Russia: Kirill Dmitriev" in p for r in miami for p in r["participants"])
    assert all(r["status"] in ("held", "planned", "unconfirmed", "cancelled") for r in rows)
    assert any(r["articles"] >= 2 for r in miami) and all(r["sources"] for r in rows)
    dated = [r["date"] for r in run(g, "meetings", {}) if r["date"]]
    assert dated == sorted(dated)


def test_envoys(g):
    rows = {(r["principal"], r["envoy"]) for r in run(g, "envoys", {})}
    assert ("Vladimir Putin", "Kirill Dmitriev") in rows and ("Donald Trump", "Steve Witkoff") in rows
    assert ("United States", "Steve Witkoff") in rows


def test_delegations(g):
    rows = run(g, "delegations", {"country": "Ukraine"})
    assert {r["country"] for r in rows} == {"Ukraine"}
    big = [r for r in rows if set(r["members"]) >= {"Rustem Umerov", "Andriy Hnatov", "Vadym Skibitskyi"}]
    assert big and big[0]["place"] == "Miami"
    geneva = [r for r in rows if r["place"] == "Geneva"]
    assert geneva and geneva[0]["leaders"] == ["Andriy Yermak"]


def test_representatives(g):
    rows = run(g, "representatives", {"country": "US"})
    assert {r["country"] for r in rows} == {"United States"}
    assert {"Steve Witkoff", "Marco Rubio", "Donald Trump", "Jared Kushner"} <= {r["person"] for r in rows}


def test_evidence(g):
    rows = run(g, "evidence", {"a": "Kirill Dmitriev", "b": "Witkoff"})
    assert {r["relationship"] for r in rows} == {"MET_WITH"}
    assert any("Dmitriev met with US Special Envoy" in r["sentence"] for r in rows)
    assert len({r["path"] for r in rows}) >= 2


def test_path(g):
    rows = run(g, "path", {"a": "Andriy Hnatov", "b": "Vladimir Putin"})
    assert [r["step"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["from"] == "Andriy Hnatov" and rows[-1]["to"] == "Vladimir Putin"
    assert len(rows) == 2 and {r["relationship"] for r in rows} == {"MET_WITH"}


def test_profile(g):
    rows = run(g, "profile", {"name": "Zelenskyy"})
    sections = {(r["section"], r["item"]) for r in rows}
    assert ("role", "REPRESENTS Ukraine") in sections
    assert ("alias", "Volodymyr Zelenskyy") in sections or ("alias", "Zelenskyy") in sections
    assert ("has", "Oleksandr Bevz ADVISER_OF") in sections
    assert any(s == "source" for s, _ in sections)


def test_sources(g):
    rows = run(g, "sources", {})
    assert len(rows) == 9
    geneva = [r for r in rows if r["path"].endswith("geneva.txt")][0]
    assert geneva["published"] == "2025-11-23" and geneva["facts"] > 0 and geneva["meetings"] == 1


def test_brokers(g):
    rows = run(g, "brokers", {"top": "3"})
    assert len(rows) == 3
    assert rows[0]["person"] == "Steve Witkoff"
    assert rows[0]["betweenness"] >= rows[1]["betweenness"] >= rows[2]["betweenness"] > 0
    assert set(rows[0]["counterpart_sides"]) >= {"Russia", "Ukraine"}


def test_stats(g):
    rows = {(r["kind"], r["name"]): r["count"] for r in run(g, "stats", {})}
    assert rows[("node", "Document")] == 9
    assert rows[("relationship", "MET_WITH")] > 10
    counted = g.read("MATCH (p:Person) RETURN count(p) AS n")[0]["n"]
    assert rows[("node", "Person")] == counted


def test_bad_parameters(g):
    with pytest.raises(ReportError):
        run(g, "brokers", {"top": "many"})
