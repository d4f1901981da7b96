"""`kgbuild view`: a self-contained interactive HTML page of the graph (no network needed).

The page carries its data and a small canvas renderer inline: nodes coloured by label, edges
by type, hover for properties and evidence sentences, click for neighbours, search, and a
legend that hides labels or types.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from importlib import resources

import networkx as nx

from ..style import NODE_COLOURS, relationship_colours

PLACEHOLDER = re.compile(r"__TITLE__|__DATA__")


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
    colours = {"nodes": NODE_COLOURS, "edges": relationship_colours()}
    data = json.dumps(
        {"nodes": nodes, "edges": edges, "types": types, "colours": colours}, ensure_ascii=False, default=_json
    )
    template = resources.files("kgbuild.data").joinpath("view.html").read_text(encoding="utf-8")
    values = {"__TITLE__": html.escape(title), "__DATA__": script_data(data)}
    return PLACEHOLDER.sub(lambda m: values[m.group(0)], template)  # one pass: values are never re-read


def script_data(text: str) -> str:
    """JSON safe inside <script>: no '<' (so no '</script>' or '<!--'), '>', '&' or line separators."""
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _json(value):
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
