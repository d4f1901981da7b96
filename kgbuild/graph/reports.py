"""Saved reports: a `.cypher` file each, some with a networkx computation on top.

A report whose header says `// compute: NAME` returns raw rows from its query, and the
function registered here under NAME turns them into the report's rows, reading more from the
graph if it needs to (plain Cypher cannot compute betweenness centrality).
"""

from __future__ import annotations

from collections.abc import Callable

from . import catalog
from .connection import Graph

LIMIT_IN_QUERY = 100_000  # a larger --limit reads every row and cuts them here (the server sizes a buffer by it)
BROWSER_ROWS = 1000  # $kg_limit printed by `--cypher` (Neo4j Browser shows at most 1,000 rows anyway)
TABLE_ROWS = 200  # rows `kgbuild report` prints as a table unless --limit or --all says otherwise

COMPUTED: dict[str, Callable[[list[dict], dict, Graph], list[dict]]] = {}


def computed(name: str):
    def register(fn):
        COMPUTED[name] = fn
        return fn

    return register


def resolve_names(graph: Graph, query: catalog.Query, params: dict) -> dict:
    """Parameters that name people, countries or entities, replaced by the key of the one entity each
    names (`kgbuild.lookup.find` says which when a name matches none or several)."""
    out = dict(params)
    for p in query.params:
        if p.type in catalog.NAME_TYPES and out.get(p.name) is not None:
            from .lookup import find  # name matching is loaded only for reports given a name

            out[p.name] = find(graph, str(out[p.name]), p.type)["key"]
    return out


def limit_param(query: catalog.Query, limit: int) -> dict:
    """`$kg_limit` for a report whose query places its LIMIT itself (after the sort, before the work
    done per row)."""
    return {catalog.LIMIT_PARAM: limit} if query.limited else {}


def run_query(graph: Graph, query: catalog.Query, params: dict, limit: int | None = None) -> list[dict]:
    """Run a report whose parameters are already bound; `limit` goes into the query."""
    params = resolve_names(graph, query, params)
    if limit is None or limit > LIMIT_IN_QUERY:
        rows = graph.read(query.unlimited, params)
    else:
        rows = graph.read(query.text, {**params, **limit_param(query, limit)})
    if query.compute:
        rows = COMPUTED[query.compute](rows, params, graph)
    return rows[:limit] if limit is not None else rows


SOURCE_BUDGET = 3_000_000  # edge visits: the sources sampled are about this / edges (0.4 s here)
MIN_SOURCES = 32


@computed("brokers")
def brokers(rows: list[dict], params: dict, graph: Graph) -> list[dict]:
    """Betweenness of people with counterparts, on the graph of people, their sides and relations:
    exact while every node fits the budget as a source, else estimated from a seeded sample."""
    import numpy as np

    from .centrality import betweenness

    index: dict[str, int] = {}
    edges, met = [], set()
    for r in rows:
        pairs = [
            (index.setdefault(a, len(index)), index.setdefault(b, len(index)))
            for a, b in zip(r["sources"], r["targets"], strict=True)
        ]
        edges += pairs
        if r["type"] == "MET_WITH":
            met |= {k for pair in pairs for k in pair}
    n = len(index)
    if n < 3:
        return []
    k = max(MIN_SOURCES, SOURCE_BUDGET // max(1, len(edges)))
    estimated = k < n
    sources = np.random.default_rng(0).choice(n, size=k, replace=False) if estimated else None
    scores = betweenness(n, np.array(edges), sources=sources)
    keys = list(index)
    ranked = [
        i for i in np.argsort(-scores, kind="stable") if scores[i] > 0 and i in met and keys[i].startswith("person:")
    ]
    top = ranked[: params.get("top") or len(ranked)]
    details = {d["key"]: d for d in graph.read(catalog.internal("broker-details"), {"keys": [keys[i] for i in top]})}
    out = []
    for i in top:
        d = details[keys[i]]
        out.append(
            {
                "person": d["person"],
                "betweenness": round(float(scores[i]), 4),
                "sides": sorted(d["sides"]),
                "counterparts": d["counterparts"],
                "counterpart_sides": sorted(d["counterpart_sides"]),
                "estimated": estimated,
            }
        )
    return out
