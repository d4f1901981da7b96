"""`kgbuild view`: a self-contained interactive HTML page of the graph (no network needed).

The page carries its data and a small canvas renderer inline: nodes coloured by label, edges
by type, hover for properties and evidence sentences, click for neighbours, search, and a
legend that hides labels or types.
"""

from __future__ import annotations

import html
import json
from datetime import date
from importlib import resources

import networkx as nx


def page(g: nx.MultiDiGraph, title: str = "kgbuild graph") -> str:
    """The HTML page for graph `g`."""
    nodes = [
        {
            "id": n,
            "label": d.get("label") or "Node",
            "name": str(d.get("name") or d.get("title") or n),
            "props": {k: v for k, v in d.items() if k != "label"},
        }
        for n, d in g.nodes(data=True)
    ]
    edges = [
        {"source": a, "target": b, "type": d.get("type", k), "props": {x: v for x, v in d.items() if x != "type"}}
        for a, b, k, d in g.edges(keys=True, data=True)
    ]
    types = sorted({e["type"] for e in edges})
    data = json.dumps({"nodes": nodes, "edges": edges, "types": types}, ensure_ascii=False, default=_json)
    data = data.replace("</", "<\\/")  # never close the script element early
    template = resources.files("kgbuild.data").joinpath("view.html").read_text(encoding="utf-8")
    return template.replace("__TITLE__", html.escape(title)).replace("__DATA__", data)


def _json(value):
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
