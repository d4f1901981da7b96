"""`kgbuild view` in a real headless Chromium, and `kgbuild export` read back with networkx."""

from __future__ import annotations

import csv
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
    dom = chromium(tmp_path, "--dump-dom", out.as_uri()).stdout
    body = re.search(r"<body([^>]*)>", dom).group(1)
    assert 'data-ready="true"' in body and "data-errors" not in body
    assert f'data-rendered-nodes="{nodes}"' in body
    assert int(re.search(r'data-ink="(\d+)"', body).group(1)) > 200
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", out.as_uri())
    assert shot.exists() and png_colours(shot) > 20


def test_view_of_one_persons_neighbourhood(loaded, tmp_path):
    out = tmp_path / "p.html"
    r = loaded.invoke(cli, ["view", "-o", str(out), "--person", "Umerov", "--depth", "1"], catch_exceptions=False)
    assert r.exit_code == 0
    data = json.loads(
        re.search(
            r'<script id="graph-data" type="application/json">(.*?)</script>', out.read_text(encoding="utf-8"), re.S
        ).group(1)
    )
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
