"""`kgbuild view`: a self-contained interactive HTML page of the graph (no network needed).

The page carries its data and its own canvas renderer inline: a force layout (Barnes-Hut
repulsion) that fills the canvas, labels for the nodes that matter (best connected, search hits,
the node clicked or hovered) placed so that no two overlap, filters by node label, relationship
type, period (undated items kept unless asked) and minimum confidence, and a panel that shows a
meeting's participants, date, place and the sentences that report it.

Meetings and facts are placed in time by their own date, else by the publication days of the
articles that report them (`period`); `within` keeps what lies in a period, as
`kgbuild view --since/--until` asks.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from importlib import resources

import networkx as nx

from ..style import NODE_COLOURS, relationship_colours
from . import catalog
from .connection import Graph

PLACEHOLDER = re.compile(r"__TITLE__|__DATA__")
REPORTS = 5  # reports of a meeting (with their sentences) the page carries
KEYS_PER_READ = 5000
DATED_NODES = ("Meeting", "Document")
CAPTION_PEOPLE = 3  # surnames in the caption of a meeting that has no sides


def add_details(graph: Graph, g: nx.MultiDiGraph) -> None:
    """Give each meeting the articles that report it (title, day, status, sentences), and each fact
    relationship the first and last publication day of the articles that state it."""
    meetings = {
        d["key"]: d for _, d in g.nodes(data=True) if d.get("label") == "Meeting" and isinstance(d.get("key"), str)
    }
    for keys in _chunks(sorted(meetings)):
        for row in graph.read(catalog.internal("view-meetings"), {"keys": keys, "each": REPORTS}):
            meetings[row["key"]]["reports"] = row["reports"]
    facts = {d["fact_key"]: d for *_, d in g.edges(data=True) if isinstance(d.get("fact_key"), str)}
    for keys in _chunks(sorted(facts)):
        for row in graph.read(catalog.internal("view-fact-periods"), {"keys": keys}):
            for key in ("first_published", "last_published"):
                if row[key] is not None:
                    facts[row["key"]][key] = row[key]


def _chunks(keys: list[str]):
    for start in range(0, len(keys), KEYS_PER_READ):
        yield keys[start : start + KEYS_PER_READ]


def _day(value) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text[:10]


def period(d: dict, node: bool) -> tuple[str | None, str | None] | None:
    """When a meeting, a document or a fact relationship lies: its first and last day (ISO text; both
    None when nothing dates it), or None for what has no time of its own (a person, an attendance)."""
    if node:
        if d.get("label") == "Meeting":  # as `kgbuild report meetings --since` dates it
            day = _day(d.get("date")) or _day(d.get("first_published"))
            return day, day
        if d.get("label") == "Document":
            return _day(d.get("published")), _day(d.get("published"))
        return None
    if "fact_key" not in d and "first_date" not in d:
        return None
    first = _day(d.get("first_date")) or _day(d.get("first_published"))
    last = _day(d.get("last_date")) or _day(d.get("last_published"))
    return first or last, last or first


def _outside(span, since: str | None, until: str | None) -> bool:
    if span is None or span[0] is None:
        return False  # undated: kept
    return bool((since and span[1] < since) or (until and span[0] > until))


def within(g: nx.MultiDiGraph, since: str | None, until: str | None) -> nx.MultiDiGraph:
    """The part of `g` that lies between `since` and `until` (first and last days, ISO text, as
    `catalog.period_bound` gives them): dated meetings, documents and facts outside it go, undated
    ones stay, and so does whatever is still connected; a node left with no relationship goes."""
    h = g.copy()
    connected = {n for n in h if h.degree(n)}
    h.remove_nodes_from([n for n, d in g.nodes(data=True) if _outside(period(d, True), since, until)])
    h.remove_edges_from(
        [(a, b, k) for a, b, k, d in h.edges(keys=True, data=True) if _outside(period(d, False), since, until)]
    )
    h.remove_nodes_from([n for n in list(h) if n in connected and h.degree(n) == 0])
    return h


def caption(g: nx.MultiDiGraph, node) -> str:
    """The name a node is drawn with: its name or title; for a meeting whose name gives no sides,
    the surnames of who attended (by side, then name), its place and its date (else when it was reported)."""
    d = g.nodes[node]
    name = str(d.get("name") or d.get("title") or node)
    if d.get("label") != "Meeting" or (d.get("sides") and not name.startswith("meeting")):
        return name
    people = sorted(
        (str(e.get("side") or "~"), str(g.nodes[p].get("name") or p))
        for p, _, e in g.in_edges(node, data=True)
        if e.get("type") == "ATTENDED"
    )
    surnames = list(dict.fromkeys(person.split()[-1] for _, person in people if person.split()))
    more = len(surnames) - CAPTION_PEOPLE
    who = " – ".join(surnames[:CAPTION_PEOPLE]) + (f" +{more}" if more > 0 else "")
    reported = _day(d.get("first_published"))
    day = _day(d.get("date")) or (f"reported {reported}" if reported else None)
    parts = [who or "meeting", d.get("place"), day]
    text = ", ".join(str(p) for p in parts if p)
    return text if text != "meeting" else f"meeting {str(d.get('key') or node)[:8]}"


def page(g: nx.MultiDiGraph, title: str = "kgbuild graph") -> str:
    """The HTML page for graph `g` (`add_details` first gives it the meetings' reports and facts' days)."""
    nodes = []
    for n, d in g.nodes(data=True):
        node = {
            "id": n,
            "label": d.get("label") or "Node",
            "name": caption(g, n),
            "props": {k: v for k, v in d.items() if k != "label"},
        }
        span = period(d, True)
        if span is not None:
            node["period"] = list(span)
        nodes.append(node)
    edges = []
    for a, b, k, d in g.edges(keys=True, data=True):
        props = {x: v for x, v in d.items() if x != "type"}
        edge = {"source": a, "target": b, "type": d.get("type", k), "props": props}
        span = period(d, False)
        if span is not None:
            edge["period"] = list(span)
        edges.append(edge)
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
