"""Every Cypher statement passes Neo4j's own front end and runs on the embedded server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from kgbuild.graph import catalog
from kgbuild.predicates import PREDICATES

LINT = ROOT / "tools" / "cypher-lint"


def statements() -> list[dict]:
    """Every statement, with each template instantiated for every label and predicate it can take."""
    out = [
        {
            "name": where,
            "text": q.text,
            "params": [p.name for p in q.params] + (["kg_limit"] if "LIMIT" in q.text else []),
        }
        for where, q in catalog.all_statements()
    ]
    out += [
        {"name": f"reports/{q.name}-unlimited", "text": q.unlimited, "params": [p.name for p in q.params]}
        for q in catalog.reports().values()
        if q.limited
    ]
    declared = {name: [p.name for p in q.params] for name, q in catalog.writes().items()}
    out += [
        {"name": f"write/entity[{label}]", "text": catalog.write("entity", label=label), "params": declared["entity"]}
        for label in catalog.LABELS
    ]
    out += [
        {
            "name": f"write/{name}[{p.name}:{s}->{o}]",
            "text": catalog.write(name, rel_type=p.name, subject=s, object=o),
            "params": declared[name],
        }
        for name in ("fact", "fact-recount")
        for p in PREDICATES.values()
        for s in p.subjects
        for o in p.objects
    ]
    return out


EMPTY = {"list": [], "int": 12, "count": 12, "string": "nothing", "bool": False, "float": 0.0}


def empty_params(name: str) -> dict:
    """Harmless values for a write statement's declared parameters."""
    query = catalog.writes()[name.split("/", 1)[1].split("[", 1)[0]]
    return {p.name: EMPTY[p.type] for p in query.params}


def lint(items: list[dict]) -> list[dict]:
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("the Cypher checker is not installed: run `npm ci --prefix tools/cypher-lint`")
        pytest.skip("the Cypher checker is not installed: run `npm ci --prefix tools/cypher-lint`")
    run = subprocess.run(
        ["node", str(LINT / "lint.mjs")],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        timeout=600,  # about a minute on a quiet machine; far more on a loaded one
        check=True,
    )
    return json.loads(run.stdout)


def test_every_statement_passes_neo4j_front_end():
    results = lint(statements())
    assert len(results) == len(statements())
    problems = {r["name"]: r["diagnostics"] for r in results if r["diagnostics"]}
    assert problems == {}


def test_the_checker_does_catch_errors():
    results = lint(
        [
            {"name": "bad", "text": "MATCH (n RETURN n", "params": []},
            {"name": "undefined", "text": "MATCH (n) RETURN m", "params": []},
            {"name": "param", "text": "RETURN $x AS x", "params": []},
        ]
    )
    assert all(r["diagnostics"] for r in results)


def test_every_statement_runs_on_the_embedded_server(empty_graph):
    for where, q in catalog.all_statements():
        if where.startswith("reports/"):
            params = {p.name: p.default if p.default is not None else "nobody" for p in q.params}
            empty_graph.read(q.text, {**params, "kg_limit": 5} if q.limited else params)
            empty_graph.read(q.unlimited, params)
    for stmt in statements():
        if stmt["name"].startswith("write/"):
            empty_graph.write(lambda tx, s=stmt["text"], n=stmt["name"]: tx.execute(s, empty_params(n)))
