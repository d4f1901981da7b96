"""`kgbuild view` in a real headless Chromium, and `kgbuild export` read back with networkx."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import struct
import subprocess
import zlib

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from kgbuild.cli import cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def loaded(server):
    runner = CliRunner()
    runner.invoke(cli, ["db", "reset", "--yes"], catch_exceptions=False)
    assert runner.invoke(cli, ["load", str(EXAMPLES)], catch_exceptions=False).exit_code == 0
    return runner


def chromium(tmp_path, *args):
    if not CHROMIUM:
        pytest.skip("Chromium is not installed: apt-get install chromium (scripts/test.sh does, as root)")
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,800",
        "--virtual-time-budget=5000",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def page_data(path) -> dict:
    """The graph a view page carries."""
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', text, re.S).group(1))


def drawn(dom: str) -> dict:
    """What the page says it drew (#drawn): the canvas, the nodes' extent, the labels and their boxes."""
    return json.loads(html.unescape(re.search(r'<pre id="drawn" hidden="">(.*?)</pre>', dom, re.S).group(1)))


def body_of(dom: str) -> str:
    body = re.search(r"<body([^>]*)>", dom).group(1)
    assert 'data-ready="true"' in body and "data-errors" not in body, body
    return body


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    """The pairs of drawn labels whose boxes overlap."""
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            if (
                a["x"] < b["x"] + b["w"]
                and b["x"] < a["x"] + a["w"]
                and a["y"] < b["y"] + b["h"]
                and b["y"] < a["y"] + a["h"]
            ):
                out.append((a["text"], b["text"]))
    return out


def png_colours(path) -> int:
    """How many distinct colours a PNG screenshot holds (enough to tell a drawing from a blank page)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, _, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and ctype in (2, 6)
            channels = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    colours = set()
    for row in range(0, len(raw) // stride, 7):  # sample rows; filter bytes vary, so compare raw runs
        line = raw[row * stride + 1 : (row + 1) * stride]
        colours.update(line[i : i + channels] for i in range(0, len(line), channels * 5))
    return len(colours)


def test_view_page_draws_the_graph_in_chromium(loaded, tmp_path):
    out = tmp_path / "graph.html"
    r = loaded.invoke(cli, ["view", "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0
    nodes = int(re.search(r": (\d+) nodes", r.stdout).group(1))
    html = out.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html.split("graph-data")[0]
    shot = tmp_path / "shot.png"
    dom = chromium(tmp_path, f"--screenshot={shot}", "--dump-dom", out.as_uri()).stdout
    body = body_of(dom)
    assert f'data-rendered-nodes="{nodes}"' in body
    assert int(re.search(r'data-ink="(\d+)"', body).group(1)) > 200
    assert shot.exists() and png_colours(shot) > 20
    shown = drawn(dom)
    assert shown["labels"] and overlapping(shown["labels"]) == []
    names = {n["name"] for n in page_data(out)["nodes"]}
    assert {"Steve Witkoff", "Ukraine"} <= {label["text"] for label in shown["labels"]}
    assert not [n for n in names if n == "meeting" or n.startswith("meeting,")]
    assert "Dmitriev – Witkoff, Miami, reported 2025-12-05" in names  # a meeting of people, no sides: who, where, when


def test_a_persons_view_labels_every_node_the_country_too(loaded, tmp_path):
    out = tmp_path / "p.html"
    r = loaded.invoke(cli, ["view", "-o", str(out), "--person", "Umerov", "--depth", "2"], catch_exceptions=False)
    assert r.exit_code == 0
    data = page_data(out)
    shown = drawn(chromium(tmp_path, "--dump-dom", out.as_uri()).stdout)
    labels = {label["id"] for label in shown["labels"]}
    assert labels == {n["id"] for n in data["nodes"]}
    assert overlapping(shown["labels"]) == []
    assert {"Ukraine", "United States"} <= {label["text"] for label in shown["labels"]}


def test_clicking_a_meeting_shows_who_when_where_and_the_sentences(loaded, tmp_path):
    out = tmp_path / "v.html"
    assert loaded.invoke(cli, ["view", "-o", str(out)], catch_exceptions=False).exit_code == 0
    meeting = next(n for n in page_data(out)["nodes"] if n["name"] == "Ukraine – United States, Miami, 2025-11-30")
    assert meeting["period"] == ["2025-11-30", "2025-11-30"] and meeting["props"]["reports"]
    dom = chromium(tmp_path, "--dump-dom", f"{out.as_uri()}#select={meeting['id']}").stdout
    body_of(dom)
    panel = html.unescape(re.sub(r"<[^>]+>", " ", re.search(r'<div id="panel">(.*?)</div><pre', dom, re.S).group(1)))
    panel = re.sub(r"\s+", " ", panel)
    for text in ("Date: 2025-11-30", "Place: Miami", "Participants", "Rustem Umerov", "Steve Witkoff", "Ukraine:"):
        assert text in panel, (text, panel)
    sentence = meeting["props"]["reports"][0]["sentences"][0]
    assert re.sub(r"\s+", " ", sentence) in panel
    assert drawn(dom)["focus"] == meeting["id"]


def test_view_since_and_until_keep_a_period(loaded, tmp_path):
    out = tmp_path / "v.html"
    r = loaded.invoke(
        cli, ["view", "-o", str(out), "--since", "2025-11-30", "--until", "2025-11"], catch_exceptions=False
    )
    assert r.exit_code == 0, r.output
    data = page_data(out)
    meetings = {n["name"] for n in data["nodes"] if n["label"] == "Meeting"}
    assert meetings == {"Ukraine – United States, Miami, 2025-11-30"}
    assert all(
        e["period"][0] <= "2025-11-31" and e["period"][1] >= "2025-11-30" for e in data["edges"] if "period" in e
    )
    assert "2025-11-30 to 2025-11" in out.read_text(encoding="utf-8").split("</title>")[0]
    for bad in ("2025-13", "last week"):
        r = loaded.invoke(cli, ["view", "-o", str(out), "--since", bad])
        assert r.exit_code == 2 and "is not a date (2025-11-30), a month (2025-11) or a year (2025)" in r.output
    r = loaded.invoke(cli, ["view", "-o", str(out), "--until", "1999"])
    if r.exit_code == 0:  # only what nothing dates may be left
        left = page_data(out)
        assert not [n for n in left["nodes"] if "period" in n] and not [e for e in left["edges"] if "period" in e]
    else:
        assert r.exit_code == 1 and "nothing in the graph lies in that period" in r.output


def test_view_of_one_persons_neighbourhood(loaded, tmp_path):
    out = tmp_path / "p.html"
    r = loaded.invoke(cli, ["view", "-o", str(out), "--person", "Umerov", "--depth", "1"], catch_exceptions=False)
    assert r.exit_code == 0
    data = page_data(out)
    names = {n["name"] for n in data["nodes"]}
    assert "Rustem Umerov" in names and "Steve Witkoff" in names and "Andriy Yermak" not in names
    met = [e for e in data["edges"] if e["type"] == "MET_WITH"]
    assert met and all(e["props"]["sentences"] for e in met)
    r = loaded.invoke(cli, ["view", "--person", "Nobody Atall"])
    assert r.exit_code == 1 and "no one named 'Nobody Atall'" in r.output


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_opens_in_networkx_with_properties(loaded, tmp_path, fmt, reader):
    out = tmp_path / f"g.{fmt}"
    assert loaded.invoke(cli, ["export", "--format", fmt, "-o", str(out)], catch_exceptions=False).exit_code == 0
    g = reader(out)
    people = [d for _, d in g.nodes(data=True) if d.get("label") == "Person"]
    assert any(d.get("name") == "Steve Witkoff" for d in people)
    edges = [d for *_, d in g.edges(data=True) if d.get("relationship", d.get("type")) == "MET_WITH"]
    assert edges and all("confidence" in d and "articles" in d and "status" in d for d in edges)
    jsonl = [json.loads(x) for x in loaded.invoke(cli, ["export", "--format", "jsonl"]).stdout.splitlines()]
    aliases = {x["key"]: x["aliases"] for x in jsonl if x["kind"] == "node" and x.get("aliases")}
    assert aliases and all(json.loads(g.nodes[key]["aliases"]) == value for key, value in aliases.items())


def test_lists_in_graphml_round_trip_whatever_they_hold():
    from kgbuild.graph.network import _flat

    items = ["talks; then more talks", 'a "quoted" name', "Zelenskyy", ""]
    assert json.loads(_flat(items)) == items


def test_export_jsonl_and_csv(loaded, tmp_path):
    r = loaded.invoke(cli, ["export", "--format", "jsonl"], catch_exceptions=False)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert {x["kind"] for x in lines} == {"node", "relationship"}
    assert any(x.get("type") == "ENVOY_OF" and isinstance(x.get("articles"), int) for x in lines)
    folder = tmp_path / "csv"
    assert loaded.invoke(cli, ["export", "--format", "csv", "-o", str(folder)]).exit_code == 0
    with open(folder / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "relationships.csv", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    ids = {n["id"] for n in nodes}
    assert rels and all(r["source"] in ids and r["target"] in ids for r in rels)
    assert loaded.invoke(cli, ["export", "--format", "csv"]).exit_code == 2
