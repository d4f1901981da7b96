"""kgbuild's numpy betweenness gives networkx's exact values, and a sample of sources estimates them."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from kgbuild.graph.centrality import betweenness


@pytest.mark.parametrize(
    "graph",
    [
        nx.karate_club_graph(),
        nx.gnm_random_graph(120, 300, seed=1),
        nx.barabasi_albert_graph(150, 2, seed=2),
        nx.path_graph(6),
        nx.disjoint_union(nx.star_graph(5), nx.cycle_graph(7)),  # two components
    ],
    ids=["karate", "random", "hubs", "path", "two-components"],
)
def test_exact_values_are_networkx_values(graph):
    n = graph.number_of_nodes()
    ours = betweenness(n, np.array(list(graph.edges())))
    theirs = nx.betweenness_centrality(graph, normalized=True)
    assert np.allclose(ours, [theirs[i] for i in range(n)], atol=1e-12)
    raw = betweenness(n, np.array(list(graph.edges())), normalized=False)
    assert np.allclose(raw, [v for _, v in sorted(nx.betweenness_centrality(graph, normalized=False).items())])


def test_duplicate_and_self_edges_do_not_count():
    edges = np.array([(0, 1), (1, 0), (1, 2), (2, 2), (1, 2)])
    assert np.allclose(betweenness(3, edges), [0.0, 1.0, 0.0])


def test_all_sources_as_a_sample_is_exact_and_a_sample_estimates():
    graph = nx.barabasi_albert_graph(400, 2, seed=3)
    edges = np.array(list(graph.edges()))
    exact = betweenness(400, edges)
    assert np.allclose(betweenness(400, edges, sources=np.arange(400)), exact)
    estimate = betweenness(400, edges, sources=np.random.default_rng(0).choice(400, 80, replace=False))
    top = set(np.argsort(-exact)[:5])
    assert len(top & set(np.argsort(-estimate)[:10])) >= 4  # the hubs stand out from a fifth of the sources
    assert abs(estimate.sum() - exact.sum()) / exact.sum() < 0.25
