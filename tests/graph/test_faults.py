"""Faults, tried for real: the loader and the server killed mid-load, two loads at once, two homes
starting at once, a damaged state file.  After a crash a document is either fully written or absent,
and loading again gives exactly the graph an uninterrupted load gives."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from kgbuild.config import Settings
from kgbuild.graph import open_graph
from kgbuild.graph.processes import listens as _listens
from kgbuild.graph.server import EmbeddedServer
from kgbuild.graph.writer import GraphWriter

DATA = ROOT / "tests" / "data"
KGBUILD = [sys.executable, "-c", "from kgbuild.cli import main; main()"]


def kgbuild(home: Path, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "KGBUILD_HOME": str(home)}
    return subprocess.Popen([*KGBUILD, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def finish(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def dump(home: Path) -> list[str]:
    """Every node and relationship with its properties, sorted (load times left out)."""
    with open_graph(Settings.resolve(home=home)) as g:
        nodes = g.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
        rels = g.read(
            "MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.doc_id) AS a, type(r) AS t, "
            "coalesce(b.key, b.doc_id) AS b, properties(r) AS p"
        )
    out = []
    for n in nodes:
        n["p"].pop("loaded_at", None)
        out.append(json.dumps({"l": sorted(n["l"]), "p": n["p"]}, sort_keys=True))
    return sorted(out + [json.dumps(r, sort_keys=True) for r in rels])


def incomplete(home: Path) -> int:
    with open_graph(Settings.resolve(home=home)) as g:
        return g.read(
            "MATCH (d:Document) WHERE d.complete IS NULL OR NOT EXISTS { (d)-[:MENTIONS]->() } RETURN count(d) AS n"
        )[0]["n"]


def reset(home: Path) -> None:
    with open_graph(Settings.resolve(home=home)) as g:
        GraphWriter(g).delete_all()


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    h = tmp_path_factory.mktemp("fault-home")
    yield h
    EmbeddedServer(h).stop()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for sub in ("devset", "heldout", "corpus"):
        for f in (DATA / sub).glob("*.*"):
            if (f.suffix in (".txt", ".md") and f.name != "README.md") or f.name == "wire.jsonl":
                shutil.copy(f, folder / f"{sub}-{f.name}")
    return folder


@pytest.fixture(scope="module")
def reference(home, articles) -> list[str]:
    code, _, err = finish(kgbuild(home, "load", "-q", str(articles)))
    assert code == 0, err
    ref = dump(home)
    assert len(ref) > 500
    reset(home)
    return ref


@pytest.mark.parametrize("after", [4.0, 6.0, 8.0])
def test_killing_the_loader_leaves_whole_documents_and_a_reload_gives_the_same_graph(home, articles, reference, after):
    reset(home)
    proc = kgbuild(home, "load", "-q", str(articles))
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert incomplete(home) == 0  # every document in the graph has all it contributed
    code, _out, err = finish(kgbuild(home, "load", "-q", str(articles)))
    assert code == 0, err
    assert dump(home) == reference


def test_killing_the_server_mid_load_is_one_line_and_a_reload_gives_the_same_graph(home, articles, reference):
    reset(home)
    server = EmbeddedServer(home)
    proc = kgbuild(home, "load", "-q", str(articles))
    time.sleep(5)
    os.kill(server.info().pid, signal.SIGKILL)
    code, _out, err = finish(proc, timeout=120)
    if code != 0:  # the load may also have finished before the kill
        assert code == 1 and err.count("\n") == 1 and err.startswith("Error: "), err
        assert "Traceback" not in err
    code, _out, err = finish(kgbuild(home, "load", "-q", str(articles)))
    assert code == 0, err
    assert incomplete(home) == 0
    assert dump(home) == reference


def test_two_loads_at_once_both_finish_with_all_their_documents(home, articles, tmp_path):
    reset(home)
    halves = [tmp_path / "a", tmp_path / "b"]
    files = sorted(articles.iterdir())
    for k, half in enumerate(halves):
        half.mkdir()
        for f in files[k::2]:
            shutil.copy(f, half / f.name)
    procs = [kgbuild(home, "load", "-q", str(h)) for h in halves]
    results = [finish(p) for p in procs]
    assert all(code == 0 for code, _, _ in results), results
    with open_graph(Settings.resolve(home=home)) as g:
        assert g.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == len(files) + 1  # wire.jsonl holds two
    assert incomplete(home) == 0


def test_two_homes_starting_at_once_get_their_own_servers(tmp_path):
    homes = [tmp_path / "one", tmp_path / "two"]
    try:
        procs = [kgbuild(h, "db", "start") for h in homes]
        results = [finish(p, timeout=180) for p in procs]
        assert all(code == 0 for code, _, _ in results), results
        infos = [EmbeddedServer(h).info() for h in homes]
        assert infos[0].bolt_port != infos[1].bolt_port
        for info in infos:
            assert _listens(info.pid, info.bolt_port)
    finally:
        for h in homes:
            EmbeddedServer(h).stop()


def test_a_damaged_state_file_does_not_orphan_the_server(home):
    server = EmbeddedServer(home)
    running = server.start()
    server.state_file.write_text("{not json", encoding="utf-8")
    found = server.info()
    assert found is not None and found.pid == running.pid and found.bolt_port == running.bolt_port
    code, out, _ = finish(kgbuild(home, "db", "status"))
    assert code == 0 and f"pid {running.pid}" in out


def test_a_relative_home_is_made_absolute(tmp_path):
    env = {**os.environ, "KGBUILD_HOME": "rel/home"}
    try:
        run = subprocess.run(
            [*KGBUILD, "db", "start"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180
        )
        assert run.returncode == 0, run.stderr
        assert f"data in {tmp_path / 'rel' / 'home' / 'arcadedb'}" in run.stdout
        assert (tmp_path / "rel" / "home" / "arcadedb").is_dir()
    finally:
        EmbeddedServer(tmp_path / "rel" / "home").stop()


def test_a_graph_that_is_not_there_is_one_line_in_bounded_time(tmp_path):
    started = time.monotonic()
    run = subprocess.run(
        [*KGBUILD, "report", "stats"],
        env={**os.environ, "NEO4J_URI": "bolt://127.0.0.1:9"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 30
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "cannot reach the graph" in run.stderr


def test_a_document_node_without_its_facts_is_not_skipped(home, tmp_path):
    reset(home)
    article = tmp_path / "a.txt"
    article.write_text(
        "Norwegian Foreign Minister Ola Eide met Swedish Foreign Minister Kari Berg in Oslo.", encoding="utf-8"
    )
    from kgbuild.documents import read_documents

    (doc,) = read_documents([str(article)])
    with open_graph(Settings.resolve(home=home)) as g:
        g.write(lambda tx: tx.execute("CREATE (:Document {doc_id: $id, path: 'by hand'})", {"id": doc.doc_id}))
    code, out, err = finish(kgbuild(home, "load", str(article)))
    assert code == 0 and "1 loaded, 0 skipped" in out, out + err
    with open_graph(Settings.resolve(home=home)) as g:
        assert g.read("MATCH (:Person {name: 'Ola Eide'})-[r:MET_WITH]-() RETURN count(r) AS n")[0]["n"] == 1


def test_a_full_disk_is_named(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(small)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("needs root to mount a small tmpfs")
    home = small / "home"
    try:
        assert finish(kgbuild(home, "db", "start"))[0] == 0
        with open(small / "filler", "wb") as f, contextlib.suppress(OSError):
            f.write(b"\0" * 60_000_000)
        code, _out, err = finish(kgbuild(home, "load", "-q", str(DATA / "corpus")))
        assert code == 1 and err.count("\n") == 1, err
        assert f"the disk holding the embedded graph ({home}) is full" in err
    finally:
        EmbeddedServer(home).stop()
        for _ in range(20):  # the Java process may still be closing its files
            if subprocess.run(["umount", str(small)], capture_output=True).returncode == 0:
                break
            time.sleep(0.5)
        else:
            subprocess.run(["umount", "-l", str(small)], capture_output=True)
