"""Least privilege, enforced by the database: nothing written and nothing read from disk without
--write, the password nowhere outside KGBUILD_HOME, start and stop that cannot race, and a server
that does not keep working for a client that died."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kgbuild.config import Settings
from kgbuild.errors import QueryError
from kgbuild.graph import open_graph
from kgbuild.graph.processes import java_processes as _java_processes
from kgbuild.graph.server import EmbeddedServer

KGBUILD = [sys.executable, "-m", "kgbuild"]
SECRET = "kgbuild-secret-line"

# Statements that write, delete, change the schema or read a file, in the shapes an attacker tries:
# the embedded server's write procedures (merge.*, refactor.*, do.when and its apoc. alias), LOAD CSV
# from a file and a URL, subqueries, lower case, comments, FOREACH, schema commands.
ATTACKS = [
    "CALL do.when(true, 'MATCH (n) DETACH DELETE n RETURN 1 AS x', 'RETURN 1', {}) YIELD value RETURN count(value)",
    "CALL `merge.node`(['Pwn'], {v: 5}) YIELD node RETURN node",
    "CALL merge.node(['Probe'], {key: 'p1'}, {name: 'changed'}) YIELD node RETURN node",
    "MATCH (a:Probe {key: 'p1'}), (b:Probe {key: 'p2'}) CALL merge.relationship(a, 'PWN', {}, {}, b) YIELD rel "
    "RETURN rel",
    "MATCH (a:Probe {key: 'p1'}), (b:Probe {key: 'p2'}) CALL refactor.mergeNodes([a, b]) YIELD node RETURN node",
    "MATCH (a:Probe) CALL refactor.cloneNodesWithRelationships([a]) YIELD output RETURN output",
    "CALL apoc.do.when(true, 'CREATE (p:Pwn) RETURN p', 'RETURN 1', {}) YIELD value RETURN value",
    "CALL do.when(true, 'MATCH (n:Probe) SET n.name = \"changed\" RETURN n', '', {}) YIELD value RETURN value",
    'LOAD CSV FROM "file://{secret}" AS row RETURN row',
    "CALL do.when(true, 'LOAD CSV FROM \"file://{secret}\" AS row RETURN row', '', {}) YIELD value RETURN value",
    'LOAD CSV FROM "http://127.0.0.1:9/x.csv" AS row RETURN row',
    "CALL () { CREATE (p:Pwn) RETURN p } RETURN count(p) AS n",
    "MATCH (n:Probe) CALL (n) { DETACH DELETE n } RETURN 1",
    "create (p:Pwn {v: 1}) return p",
    "/* only a read */ MATCH (n:Probe) SET n.name = 'changed' RETURN n",
    "// a comment\nMATCH (n:Probe) REMOVE n.name RETURN n",
    "MATCH (n:Probe) WITH collect(n) AS ns FOREACH (x IN ns | SET x.name = 'changed')",
    "MATCH (n:Probe) DETACH DELETE n",
    "MERGE (p:Probe {key: 'p3'}) RETURN p",
    "CREATE INDEX pwn IF NOT EXISTS FOR (n:Probe) ON (n.name)",
    "CREATE CONSTRAINT pwn IF NOT EXISTS FOR (n:Probe) REQUIRE n.name IS UNIQUE",
]


def _dump(graph) -> list:
    nodes = graph.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.key")
    rels = graph.read("MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b ORDER BY a, t, b")
    return [nodes, rels]


@pytest.fixture
def probes(empty_graph, tmp_path):
    empty_graph.write(
        lambda tx: tx.execute("CREATE (:Probe {key: 'p1', name: 'one'})-[:KNOWS]->(:Probe {key: 'p2', name: 'two'})")
    )
    secret = tmp_path / "secret.csv"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    return empty_graph, str(secret)


@pytest.mark.parametrize("statement", ATTACKS)
def test_the_database_refuses_what_a_read_only_query_would_write_or_read(probes, settings, statement):
    graph, secret = probes
    statement = statement.replace("{secret}", secret)
    before = _dump(graph)
    with open_graph(settings, read_only=True) as reader:
        try:
            rows = reader.read(statement)
        except QueryError:
            rows = []
    assert SECRET not in json.dumps(rows, default=str)
    assert _dump(graph) == before


@pytest.mark.parametrize("statement", ATTACKS[:3] + ATTACKS[8:10])
def test_kgbuild_query_without_write_says_so_in_one_line(probes, run, statement):
    graph, secret = probes
    before = _dump(graph)
    r = run("query", statement.replace("{secret}", secret))
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1 and r.output.startswith("Error: ")
    assert SECRET not in r.output and "Add --write" in r.output
    assert _dump(graph) == before


def test_reads_still_work_and_write_writes(probes, run):
    graph, _ = probes
    r = run("query", "MATCH (n:Probe) RETURN n.name AS name ORDER BY name", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == [{"name": "one"}, {"name": "two"}]
    assert run("query", "--write", "MATCH (n:Probe {key: 'p1'}) SET n.name = 'uno'").exit_code == 0
    assert graph.read("MATCH (n:Probe {key: 'p1'}) RETURN n.name AS n") == [{"n": "uno"}]


def test_even_write_mode_reads_no_file(probes, run):
    _, secret = probes
    r = run("query", "--write", f'LOAD CSV FROM "file://{secret}" AS row RETURN row')
    assert r.exit_code == 1 and SECRET not in r.output and "LOAD CSV file:/// URLs are disabled" in r.output


# -- secrets ------------------------------------------------------------------------------------------


def _files_holding(roots: list[Path], secrets: list[str], skip: Path) -> list[Path]:
    found = []
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            if Path(dirpath).is_relative_to(skip):
                continue
            for name in files:
                path = Path(dirpath) / name
                try:
                    if path.is_symlink() or not path.is_file() or path.stat().st_size > 20_000_000:
                        continue
                    data = path.read_bytes()
                except OSError:
                    continue
                if any(s.encode() in data for s in secrets):
                    found.append(path)
    return found


def _process_texts() -> list[str]:
    out = []
    for proc in Path("/proc").glob("[0-9]*"):
        for part in ("cmdline", "environ"):
            with contextlib.suppress(OSError):
                out.append((proc / part).read_bytes().decode("utf-8", "replace"))
    return out


def test_no_file_outside_home_and_no_process_holds_a_password(tmp_path):
    home = tmp_path / "home"
    server = EmbeddedServer(home)
    try:
        server.start()
        secrets = [server.password(), server.reader_password()]
        roots = [Path(tempfile.gettempdir()), Path("/dev/shm")]
        assert _files_holding(roots, secrets, skip=home) == []
        assert not any(s in text for text in _process_texts() for s in secrets)
    finally:
        server.stop()
    assert _files_holding([Path(tempfile.gettempdir()), Path("/dev/shm")], secrets, skip=home) == []


def test_making_home_private_follows_no_link_out_of_it_and_keeps_execute_bits(tmp_path):
    home, outside = tmp_path / "home", tmp_path / "outside"
    home.mkdir()
    outside.mkdir(mode=0o755)
    os.chmod(outside, 0o755)
    (home / "link").symlink_to(outside)
    tool = home / "tool.sh"
    tool.write_text("#!/bin/sh\n", encoding="utf-8")
    os.chmod(tool, 0o755)
    EmbeddedServer(home)._make_home()
    assert outside.stat().st_mode & 0o777 == 0o755
    assert tool.stat().st_mode & 0o777 == 0o700


def test_every_file_in_home_is_private(server, run):
    run("query", "RETURN 1 AS one")
    assert run("db", "status").exit_code == 0  # writes kgbuild.grass
    assert (server.home / "kgbuild.grass").exists()
    for path in [server.home, *server.home.rglob("*")]:
        if not path.is_symlink():
            mode = path.stat().st_mode & 0o777
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


# -- start and stop -----------------------------------------------------------------------------------


def _servers_of(home: Path) -> list[int]:
    root = f"-Darcadedb.server.rootPath={home / 'arcadedb'}"
    return [pid for pid, args in _java_processes() if root in args]


def _cli(home: Path, *args: str, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [*KGBUILD, *args],
        env={**os.environ, "KGBUILD_HOME": str(home), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_stop_racing_a_command_that_starts_the_server_ends_with_one_server_or_none(tmp_path):
    home = tmp_path / "home"
    try:
        for round_ in range(6):
            assert _cli(home, "db", "start").wait(timeout=90) == 0
            racers = [_cli(home, "db", "stop"), _cli(home, "query", "RETURN 1 AS one")]
            if round_ % 2:
                racers.reverse()
            started = time.monotonic()
            outs = [(p.wait(timeout=90), *p.communicate()) for p in racers]
            assert time.monotonic() - started < 45, outs
            by_command = {tuple(p.args[3:]): o for p, o in zip(racers, outs, strict=True)}
            code, out, err = by_command[("db", "stop")]
            assert code == 0 and out.strip() in ("embedded graph stopped", "embedded graph was not running")
            code, out, err = by_command[("query", "RETURN 1 AS one")]
            assert (code == 0 and "1" in out) or (code == 1 and len(err.strip().splitlines()) == 1), (out, err)
            running = _servers_of(home)
            assert len(running) <= 1, running
            info = EmbeddedServer(home).info()
            assert (info.pid if info else None) == (running[0] if running else None)
    finally:
        EmbeddedServer(home).stop()
    assert _servers_of(home) == []


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_client_that_dies_does_not_leave_the_server_working(tmp_path):
    home = tmp_path / "home"
    settings = Settings.resolve(home=home)
    env = {"KGBUILD_STATEMENT_TIMEOUT": "3"}
    try:
        assert _cli(home, "db", "start", **env).wait(timeout=90) == 0
        pid = EmbeddedServer(home).info().pid
        busy = "UNWIND range(1, 3000000) AS x UNWIND range(1, 3000) AS y WITH x WHERE (x + y) % 7 = 0 RETURN count(x)"
        client = _cli(home, "query", busy, **env)
        time.sleep(1.5)
        client.send_signal(signal.SIGKILL)
        client.wait(timeout=10)
        time.sleep(3)  # the server's statement timeout
        before = _cpu_seconds(pid)
        time.sleep(1.0)
        assert _cpu_seconds(pid) - before < 0.3
        with open_graph(settings, read_only=True) as g:
            assert g.read("RETURN 1 AS one") == [{"one": 1}]
        slow = _cli(home, "query", busy, KGBUILD_STATEMENT_TIMEOUT="60")  # the server still has its own
        code, _out, err = slow.wait(timeout=60), *slow.communicate()
        assert code == 1 and "longer than the graph allows (3 s)" in err, err
    finally:
        EmbeddedServer(home).stop()
