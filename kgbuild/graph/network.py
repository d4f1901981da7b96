"""The graph pulled from the database into networkx, for views, exports and graph algorithms."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx

from ..files import atomic
from ..output import csv_cell
from . import catalog
from .connection import Graph

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
HIDDEN = {"search", "batch", "name_keys"}  # lookup helpers, not information
SENTENCES = 3  # evidence sentences a relationship carries in the view
KEYS_PER_READ = 5000


def pull(graph: Graph, documents: bool = False, sentences: bool = False) -> nx.MultiDiGraph:
    """Every node and relationship, keyed by the nodes' stable keys; properties kept.  With
    `sentences`, each fact relationship also gets its best few evidence sentences (for the view)."""
    g = nx.MultiDiGraph()
    params = {"documents": documents}
    for row in graph.read(catalog.internal("graph-nodes"), params):
        props = {k: v for k, v in (row["properties"] or {}).items() if k not in HIDDEN}
        g.add_node(row["id"], label=row["label"], **props)
    for row in graph.read(catalog.internal("graph-relationships"), params):
        if row["source"] in g and row["target"] in g:
            props = {k: v for k, v in (row["properties"] or {}).items() if k not in HIDDEN}
            if "key" in props:  # networkx's own edge key is the relationship type
                props["fact_key"] = props.pop("key")
            g.add_edge(row["source"], row["target"], key=row["type"], type=row["type"], **props)
    if sentences:
        _add_sentences(graph, g)
    return g


def _add_sentences(graph: Graph, g: nx.MultiDiGraph) -> None:
    edges = {d["fact_key"]: d for _, _, d in g.edges(data=True) if isinstance(d.get("fact_key"), str)}
    keys = sorted(edges)
    for start in range(0, len(keys), KEYS_PER_READ):
        params = {"keys": keys[start : start + KEYS_PER_READ], "each": SENTENCES}
        for row in graph.read(catalog.internal("fact-sentences"), params):
            edges[row["key"]]["sentences"] = row["sentences"]


def neighbourhood(g: nx.MultiDiGraph, node: str, depth: int) -> nx.MultiDiGraph:
    """The nodes within `depth` steps of `node` (either direction), with the edges among them."""
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=depth)
    return g.subgraph(near).copy()


def find(g: nx.MultiDiGraph, name: str, label: str | None = None) -> str | None:
    """The node whose name or alias is `name` (case-insensitive)."""
    want = name.strip().lower()
    for node, data in g.nodes(data=True):
        if label and data.get("label") != label:
            continue
        names = [data.get("name") or "", *(data.get("aliases") or [])]
        if want in (n.lower() for n in names):
            return node
    return None


def _flat(value):
    """A property value GraphML/GEXF can hold: a list as its JSON text (`json.loads` gives it back,
    whatever its items hold), characters XML cannot hold dropped."""
    if isinstance(value, (list, tuple)):
        value = json.dumps(list(value), ensure_ascii=False, default=str)
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    return value


def flattened(g: nx.MultiDiGraph, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy whose values GraphML/GEXF can hold.  GEXF reserves an edge's `type` (directed or
    not), so there the relationship type is the edge's `label` and `relationship` attribute."""
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _flat(v) for k, v in d.items() if v is not None})
    for a, b, k, d in g.edges(keys=True, data=True):
        attrs = {key: _flat(v) for key, v in d.items() if v is not None}
        if gexf:
            attrs["relationship"] = attrs.pop("type", k)
            attrs["label"] = attrs["relationship"]
        h.add_edge(a, b, key=k, **attrs)
    return h


def export(g: nx.MultiDiGraph, fmt: str, out) -> None:
    """Write `g` as graphml, gexf or jsonl to a binary/text stream, or csv into a folder."""
    if fmt == "graphml":
        nx.write_graphml(flattened(g), out)
    elif fmt == "gexf":
        nx.write_gexf(flattened(g, gexf=True), out)
    elif fmt == "jsonl":
        for n, d in g.nodes(data=True):
            out.write(json.dumps({"kind": "node", "id": n, **d}, ensure_ascii=False, default=str) + "\n")
        for a, b, d in g.edges(data=True):
            out.write(
                json.dumps({"kind": "relationship", "source": a, "target": b, **d}, ensure_ascii=False, default=str)
                + "\n"
            )
    elif fmt == "csv":
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        _csv(folder / "nodes.csv", ["id", "label", "name"], ({"id": n, **d} for n, d in g.nodes(data=True)))
        _csv(
            folder / "relationships.csv",
            ["source", "target", "type"],
            ({"source": a, "target": b, **d} for a, b, d in g.edges(data=True)),
        )
    else:
        raise ValueError(fmt)


def _csv(path: Path, first: list[str], rows) -> None:
    rows = list(rows)
    columns = list(first)
    for r in rows:
        columns += [k for k in r if k not in columns]
    with atomic(path) as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        for r in rows:
            w.writerow({k: csv_cell(_flat(v)) for k, v in r.items()})
