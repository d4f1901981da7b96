"""The house keeps its rooms: the graph side knows no NLP, one module calls the driver, every Cypher
statement is a `.cypher` file, and the records import nothing above them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "kgbuild"
NLP_SIDE = ("spacy", "kgbuild.nlp", "kgbuild.extract", "kgbuild.pipeline", "kgbuild.shards")
CYPHER = re.compile(r"\b(?:MATCH|MERGE|UNWIND|CREATE|OPTIONAL MATCH)\s*\(|\bRETURN\s+\w+(?:\.\w+)?\s+AS\b")


def _imports(path: Path) -> set[str]:
    """Every module a file imports, as an absolute name (relative imports resolved)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[: len(base) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            out.add(module)
            out |= {f"{module}.{a.name}" for a in node.names}
    return out


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_the_graph_side_imports_no_nlp():
    for path in _files(PACKAGE / "graph"):
        bad = {m for m in _imports(path) if m.startswith(NLP_SIDE)}
        assert not bad, (path, bad)


def test_reading_the_graph_loads_no_spacy():
    code = (
        "import sys; import kgbuild.graph.reports, kgbuild.graph.lookup, kgbuild.graph.network, kgbuild.graph.writer, "
        "kgbuild.cli; print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_only_the_connection_calls_the_driver():
    users = [p for p in _files(PACKAGE) if any(m == "neo4j" or m.startswith("neo4j.") for m in _imports(p))]
    assert users == [PACKAGE / "graph" / "connection.py"]


def test_every_cypher_statement_is_a_cypher_file():
    for path in _files(PACKAGE):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(doc) for doc in _docstrings(tree)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not CYPHER.search(node.value), (path, node.lineno, node.value[:80])


def _docstrings(tree: ast.AST) -> list[ast.Constant]:
    owners = (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)
    return [
        owner.body[0].value
        for owner in ast.walk(tree)
        if isinstance(owner, owners) and owner.body and isinstance(owner.body[0], ast.Expr)
    ]


def test_the_records_sit_at_the_bottom():
    allowed = {"kgbuild.predicates", "kgbuild.text"}
    found = {m for m in _imports(PACKAGE / "records.py") if m.startswith("kgbuild.")}
    assert {m.rsplit(".", 1)[0] if m.rsplit(".", 1)[0] in allowed else m for m in found} <= allowed


def test_no_module_over_400_lines_and_no_function_over_60():
    for path in _files(PACKAGE):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 400, path
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno - node.lineno < 60, (path, node.name)
