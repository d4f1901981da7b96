"""`kgbuild view` on a graph of about a thousand nodes, in a real headless Chromium: what the page
draws is readable (the nodes that matter labelled, no two labels overlapping, the canvas filled);
and the page's filters (type, period, undated, confidence) and `view.within` on a small graph."""

from __future__ import annotations

import itertools
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from test_view_export import body_of, chromium, drawn, overlapping, page_data, png_colours

from conftest import resolved
from kgbuild.bench.synthetic import Corpus
from kgbuild.cli import cli
from kgbuild.graph import open_graph
from kgbuild.graph.view import page, within
from kgbuild.graph.writer import GraphWriter

LOOK_AT = Path("/tmp/view-1000.png")  # a copy of the screenshot, to look at after the run
ARTICLES = 120


@pytest.fixture(scope="module")
def generated(settings):
    """About 1,000 nodes: the first 120 made-up articles of `kgbuild bench`'s generated corpus (two
    sides of four people meeting at a place on a date, each side's envoy), written as `load` writes."""
    with open_graph(settings) as graph:
        writer = GraphWriter(graph)
        writer.delete_all()
        writer.ensure_schema()
        writer.write(resolved(graph, itertools.islice(Corpus(people=2000, relationships=1), ARTICLES)))
    return CliRunner()


def test_a_thousand_nodes_are_drawn_readably(generated, tmp_path):
    started = time.perf_counter()
    out = tmp_path / "graph.html"
    r = generated.invoke(cli, ["view", "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0
    count = int(re.search(r": (\d+) nodes", r.stdout).group(1))
    assert 800 <= count <= 1300
    data = page_data(out)
    shot = tmp_path / "view-1000.png"
    dom = chromium(tmp_path, f"--screenshot={shot}", "--dump-dom", out.as_uri()).stdout
    shutil.copyfile(shot, LOOK_AT)
    assert png_colours(shot) > 20
    body = body_of(dom)
    assert f'data-rendered-nodes="{count}"' in body
    shown = drawn(dom)
    width, height = shown["canvas"]
    labels = shown["labels"]
    assert len(labels) >= 40
    assert overlapping(labels) == []
    assert all(x["x"] >= 0 and x["x"] + x["w"] <= width and x["y"] >= 0 and x["y"] + x["h"] <= height for x in labels)
    degree = Counter()
    for e in data["edges"]:
        degree[e["source"]] += 1
        degree[e["target"]] += 1
    best = [node for node, _ in degree.most_common(10)]
    assert set(best) <= {x["id"] for x in labels}
    left, top, right, bottom = shown["bbox"]
    assert right - left >= 0.9 * width and bottom - top >= 0.9 * height  # the canvas filled, not its middle
    assert sum(1 for cell in shown["grid"] if cell) >= 75  # and evenly: nodes in 3 of 4 tenths-by-tenths
    assert max(shown["grid"]) <= 6 * count / 100  # no hairball: no cell holds 6 times its share
    captions = [n["name"] for n in data["nodes"]] + [x["text"] for x in labels]
    assert not [c for c in captions if c == "meeting" or c.startswith("meeting,")]
    assert time.perf_counter() - started < 40


def small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for key, name in (("a", "Ann Roe"), ("b", "Bob Lee"), ("c", "Cy Dee")):
        g.add_node(key, label="Person", key=key, name=name)
    g.add_node("u", label="Country", key="u", name="Utopia")
    report = {"title": "Talks", "published": "2025-01-11", "status": "held", "sentences": ["Ann Roe met Bob Lee."]}
    g.add_node("m1", label="Meeting", key="m1", name="meeting, Paris, 2025-01-10", sides=[], place="Paris")
    g.nodes["m1"].update(date="2025-01-10", status="held", articles=1, reports=[report])
    g.add_node("m2", label="Meeting", key="m2", name="X – Y, Rome, 2025-03-05", sides=["X", "Y"], date="2025-03-05")
    g.add_node("m3", label="Meeting", key="m3", name="meeting", sides=[])
    for person, meeting in (("a", "m1"), ("b", "m1"), ("b", "m2"), ("c", "m2"), ("a", "m3"), ("c", "m3")):
        g.add_edge(person, meeting, key="ATTENDED", type="ATTENDED", articles=1)
    for s, o, day, confidence in (("a", "b", "2025-01-10", 0.9), ("b", "c", "2025-03-05", 0.6)):
        g.add_edge(s, o, key="MET_WITH", type="MET_WITH", fact_key=f"MET_WITH|{s}|{o}", confidence=confidence)
        g.edges[s, o, "MET_WITH"].update(first_date=day, last_date=day, sentences=[f"{s} met {o}."])
    g.add_edge("a", "u", key="REPRESENTS", type="REPRESENTS", fact_key="REPRESENTS|a|u", confidence=0.9)
    return g


def test_a_period_keeps_what_lies_in_it_and_what_nothing_dates():
    g = within(small_graph(), "2025-03-01", "2025-03-31")
    assert set(g) == {"a", "b", "c", "u", "m2", "m3"}  # m1 (January) went; m3 has no date
    assert not g.has_edge("a", "b") and g.has_edge("b", "c") and g.has_edge("a", "u")
    assert set(within(small_graph(), None, "2025-01-31")) == {"a", "b", "c", "u", "m1", "m3"}


@pytest.mark.parametrize(
    "state,edges,shown",
    [
        ("", 9, {"Person": 3, "Country": 1, "Meeting": 3}),
        ("#since=2025-03&until=2025-03", 6, {"Person": 3, "Country": 1, "Meeting": 2}),
        ("#undated=0", 6, {"Person": 3, "Meeting": 2}),  # the undated meeting and fact go, and Utopia with them
        ("#conf=0.8", 8, {"Person": 3, "Country": 1, "Meeting": 3}),
        ("#hide=Meeting", 3, {"Person": 3, "Country": 1}),
        ("#hide=REPRESENTS,MET_WITH&until=2025-02", 4, {"Person": 3, "Meeting": 2}),
    ],
)
def test_the_page_filters_by_type_period_and_confidence(tmp_path, state, edges, shown):
    out = tmp_path / "v.html"
    out.write_text(page(small_graph(), "small"), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", out.as_uri() + state).stdout
    assert f'data-rendered-edges="{edges}"' in body_of(dom)
    assert drawn(dom)["shown"] == shown


def test_a_meeting_of_people_is_captioned_by_who_where_and_when(tmp_path):
    out = tmp_path / "v.html"
    out.write_text(page(small_graph(), "small"), encoding="utf-8")
    names = {n["id"]: n["name"] for n in page_data(out)["nodes"]}
    assert names["m1"] == "Roe – Lee, Paris, 2025-01-10"
    assert names["m2"] == "X – Y, Rome, 2025-03-05"
    assert names["m3"] == "Roe – Dee"
    dom = chromium(tmp_path, "--dump-dom", out.as_uri() + "#select=m1").stdout
    panel = re.sub(r"<[^>]+>", " ", re.search(r'<div id="panel">(.*?)</div><pre', dom, re.S).group(1))
    panel = re.sub(r"\s+", " ", panel)
    for text in ("Date: 2025-01-10", "Place: Paris", "Ann Roe", "Bob Lee", "Talks", "Ann Roe met Bob Lee."):
        assert text in panel, (text, panel)
