"""Fixtures: a real embedded graph server in a temporary KGBUILD_HOME, shared by the session.

Tests are grouped by what they need: `unit/` (one module, no NLP model beyond spaCy's, no graph),
`extract/` (the NLP and the extraction stages, no graph) and `graph/` (a real embedded server).
Every test in `graph/`, and any other that asks for the server, is marked `graph`, so
`pytest -m "not graph"` runs everything that needs no server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from kgbuild.config import Settings
from kgbuild.graph import open_graph
from kgbuild.graph.server import EmbeddedServer
from kgbuild.graph.writer import GraphWriter

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "eval" / "seeds"
EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "tests" / "data" / "corpus"  # short articles written for the report and store tests


GRAPH_TESTS = ROOT / "tests" / "graph"


def pytest_configure(config):
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        os.environ.pop(var, None)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(item.fspath).is_relative_to(GRAPH_TESTS) or "server" in item.fixturenames:
            item.add_marker(pytest.mark.graph)


@pytest.fixture(scope="session", autouse=True)
def kg_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("kgbuild-home")
    os.environ["KGBUILD_HOME"] = str(home)
    return home


@pytest.fixture(scope="session")
def server(kg_home):
    """The embedded ArcadeDB server, started once for the test session and stopped after it."""
    srv = EmbeddedServer(kg_home)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def settings(server, kg_home) -> Settings:
    return Settings.resolve(home=kg_home)


@pytest.fixture
def graph(settings):
    with open_graph(settings) as g:
        yield g


@pytest.fixture
def empty_graph(graph):
    GraphWriter(graph).delete_all()
    return graph


def resolved(graph, extractions: list) -> list:
    """Extractions given their Name keys and meetings against `graph`, as `load` does before it writes."""
    from functools import partial

    from kgbuild.graph import lookup
    from kgbuild.resolve import for_graph

    return for_graph(list(extractions), partial(lookup.meetings_near, graph))


@pytest.fixture
def seed_paths() -> list[str]:
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"the seed articles are not at {SEEDS}")
    return paths


@pytest.fixture
def run(server):
    """Invoke the CLI in-process against the session's graph: run("report", "sources")."""
    runner = CliRunner()

    def invoke(*args, input=None, env=None):
        return runner.invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return invoke
