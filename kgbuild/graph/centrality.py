"""Betweenness centrality (Brandes' algorithm) vectorised with numpy, exact or from sampled sources.

networkx's pure-Python Brandes visits about a million edges a second here: 25 s for a graph of
1,200 people and 15,000 relationships, hours at 100,000.  This is the same algorithm, one
breadth-first search per source, with each level of the search done as array operations over
all the edges leaving it; with every node as a source it gives networkx's exact values (the
tests compare them), and with `sources` a sample it gives the same unbiased estimate as
networkx's `k` (the sum over the sample, scaled by nodes / sources).
"""

from __future__ import annotations

import numpy as np


def csr(n: int, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Adjacency of an undirected graph with nodes 0..n-1, as CSR (index pointers, neighbours)."""
    edges = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    edges = edges[edges[:, 0] != edges[:, 1]]
    both = np.unique(np.sort(edges, axis=1), axis=0)
    both = np.concatenate([both, both[:, ::-1]])
    order = np.lexsort((both[:, 1], both[:, 0]))
    heads, tails = both[order, 0], both[order, 1]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(heads, minlength=n), out=indptr[1:])
    return indptr, tails


def _out_edges(indptr: np.ndarray, neighbours: np.ndarray, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(tail, head) of every edge leaving the nodes in `frontier`."""
    starts = indptr[frontier]
    counts = indptr[frontier + 1] - starts
    total = int(counts.sum())
    if not total:
        return frontier[:0], frontier[:0]
    positions = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
    return np.repeat(frontier, counts), neighbours[positions]


def _dependencies(indptr: np.ndarray, neighbours: np.ndarray, source: int, n: int) -> np.ndarray:
    """How much each node lies on the shortest paths from `source` (Brandes' dependency δ)."""
    dist = np.full(n, -1, dtype=np.int64)
    sigma = np.zeros(n)
    dist[source], sigma[source] = 0, 1.0
    frontier, level, steps = np.array([source]), 0, []
    while frontier.size:
        tails, heads = _out_edges(indptr, neighbours, frontier)
        fresh = heads[dist[heads] < 0]
        dist[fresh] = level + 1
        forward = dist[heads] == level + 1
        tails, heads = tails[forward], heads[forward]
        sigma += np.bincount(heads, weights=sigma[tails], minlength=n)
        steps.append((tails, heads))
        level += 1
        frontier = np.flatnonzero(dist == level)
    delta = np.zeros(n)
    for tails, heads in reversed(steps):
        delta += np.bincount(tails, weights=sigma[tails] / sigma[heads] * (1.0 + delta[heads]), minlength=n)
    delta[source] = 0.0
    return delta


def betweenness(n: int, edges, sources=None, normalized: bool = True) -> np.ndarray:
    """Betweenness of nodes 0..n-1 of an undirected, unweighted graph; from `sources` only (a sample,
    scaled to the whole graph) when given, like networkx's `betweenness_centrality(k=...)`."""
    indptr, neighbours = csr(n, edges)
    chosen = range(n) if sources is None else sources
    total = np.zeros(n)
    for s in chosen:
        total += _dependencies(indptr, neighbours, int(s), n)
    scale = 1.0 / ((n - 1) * (n - 2)) if normalized and n > 2 else (None if normalized else 0.5)
    if scale is None:
        return total
    if sources is not None and len(sources):
        scale *= n / len(sources)
    return total * scale
