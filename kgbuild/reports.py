"""Saved reports: a `.cypher` file each, some with a networkx computation on top.

A report whose header says `// compute: NAME` returns raw rows from its query, and the
function registered here under NAME turns them into the report's rows (plain Cypher cannot
compute betweenness centrality; networkx can).
"""

from __future__ import annotations

from collections.abc import Callable

from . import catalog
from .graph import Graph

COMPUTED: dict[str, Callable[[list[dict], dict], list[dict]]] = {}


def computed(name: str):
    def register(fn):
        COMPUTED[name] = fn
        return fn

    return register


def run(graph: Graph, name: str, given: dict[str, str], limit: int | None = None) -> list[dict]:
    """Run saved report `name` with command-line parameters (checked and typed)."""
    query = catalog.report(name)
    return run_query(graph, query, query.bind(given), limit)


def resolve_names(graph: Graph, query: catalog.Query, params: dict) -> dict:
    """Parameters that name people, countries or entities, replaced by the key of the one entity each
    names (`kgbuild.lookup.find` says which when a name matches none or several)."""
    from .lookup import find

    out = dict(params)
    for p in query.params:
        if p.type in catalog.NAME_TYPES and out.get(p.name) is not None:
            out[p.name] = find(graph, str(out[p.name]), p.type)["key"]
    return out


def run_query(graph: Graph, query: catalog.Query, params: dict, limit: int | None = None) -> list[dict]:
    """Run a report whose parameters are already bound; `limit` goes into the query."""
    params = resolve_names(graph, query, params)
    if limit is not None and not query.compute:
        return graph.read(query.text + catalog.LIMIT, {**params, "kg_limit": limit})
    rows = graph.read(query.text, params)
    if query.compute:
        rows = COMPUTED[query.compute](rows, params)
    return rows[:limit] if limit is not None else rows


EXACT_UP_TO = 2_000  # nodes; above, betweenness is estimated from SAMPLE sources (and says so)
SAMPLE = 400


@computed("brokers")
def brokers(rows: list[dict], params: dict) -> list[dict]:
    """Betweenness of people with counterparts on the graph of people, their sides and relations."""
    import networkx as nx

    g = nx.Graph()
    sides: dict[str, set[str]] = {}
    met: dict[str, set[str]] = {}
    for r in rows:
        g.add_edge(("Person", r["source"]), (r["target_type"], r["target"]))
        if r["type"] == "REPRESENTS":
            sides.setdefault(r["source"], set()).add(r["target"])
        elif r["type"] == "MET_WITH":
            met.setdefault(r["source"], set()).add(r["target"])
            met.setdefault(r["target"], set()).add(r["source"])
    if not g:
        return []
    estimated = g.number_of_nodes() > EXACT_UP_TO
    sample = {"k": SAMPLE, "seed": 0} if estimated else {}
    centrality = nx.betweenness_centrality(g, normalized=True, **sample)
    out = []
    for (kind, name), score in centrality.items():
        counterparts = met.get(name, set())
        if kind != "Person" or score <= 0 or not counterparts:  # a broker meets people
            continue
        other_sides = {s for c in counterparts for s in sides.get(c, set())} - sides.get(name, set())
        out.append(
            {
                "person": name,
                "betweenness": round(score, 4),
                "sides": sorted(sides.get(name, set())),
                "counterparts": len(counterparts),
                "counterpart_sides": sorted(other_sides),
                "estimated": estimated,
            }
        )
    out.sort(key=lambda r: (-r["betweenness"], r["person"]))
    return out[: params.get("top") or len(out)]
