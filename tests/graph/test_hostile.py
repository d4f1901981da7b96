"""Hostile input and hostile text, tried for real: one bad file never sinks the others, nothing a
document says runs anywhere, and nobody else reads the graph's secrets."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kgbuild.cli import cli
from kgbuild.config import load_env_file
from kgbuild.output import printable

HOSTILE = ROOT / "tests" / "data" / "hostile"

# file name -> the warning it must give (one line each); files not listed must load
BAD = {
    "binary.txt": "is a binary file, not an article",
    "empty.md": "holds no article text",
    "feed.jsonl:1": 'needs a "text" field',
    "feed.jsonl:3": "not valid JSON",
    "feed.jsonl:5": 'needs a non-empty "text" field',
    "header-only.jsonl": 'is JSON lines without a "text" field',
    "latin1.txt": "is not UTF-8 text (byte 16); convert it, e.g. iconv",
    "not-html.html": "holds no article text",
    "esc\x1b[31mape.txt": "is a binary file",
    "nul-late.txt": "is a binary file, not an article (it holds a NUL byte)",
}
GOOD_MEETINGS = {
    ("Kari Berg", "Ola Eide"),
    ("Eino Virta", "Lars Holm"),
    ("Ilze Ozola", "Mart Kask"),
    ("Anna Nowak", "Jonas Petraitis"),
    ("Luc Peeters", "Sean Byrne"),
    ("Nikos Pappas", "Paolo Ferri"),
    ("Carmen Ortiz", "Rui Costa"),
    ("Maria Lind", "Tomas Berg"),
}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The committed hostile files plus ones too big or too odd to commit: a 250 KB line, an escape
    sequence in a file name, symlink loops."""
    folder = tmp_path / "hostile"
    shutil.copytree(HOSTILE, folder, symlinks=True)
    filler = " ".join(["words"] * 45_000)
    (folder / "huge-line.txt").write_text(
        filler + " Swedish Foreign Minister Maria Lind met Norwegian State Secretary Tomas Berg in Bergen.",
        encoding="utf-8",
    )
    (folder / "esc\x1b[31mape.txt").write_bytes(b"\x00binary")
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "up")
    os.symlink(".", folder / "loop" / "self")
    return folder


def test_a_hostile_corpus_loads_in_one_go(run, empty_graph, corpus):
    result = run("load", str(corpus))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert all(line.startswith("warning: ") for line in warnings), warnings
    assert "\x1b" not in result.stderr
    for name, reason in BAD.items():
        mine = [
            w
            for w in warnings
            if w.startswith(f"warning: {corpus}/{printable(name)} ")
            or w.startswith(f"warning: {corpus}/{printable(name)}: ")
        ]
        assert len(mine) == 1 and reason in mine[0], (name, warnings)
    assert len(warnings) == len(BAD)
    pairs = {
        (r["person"], r["counterpart"]) for r in json.loads(run("report", "who-met-whom", "--format", "json").stdout)
    }
    assert pairs >= GOOD_MEETINGS
    names = [r["n"] for r in json.loads(run("query", "MATCH (p:Person) RETURN p.name AS n", "--format", "json").stdout)]
    assert not any(c in n for n in names for c in "<>{}$;=")
    assert json.loads(
        run("query", "MATCH (d:Document) WHERE d.complete IS NULL RETURN count(d) AS n", "--format", "json").stdout
    ) == [{"n": 0}]


def test_csv_and_tables_do_not_carry_formulas_or_escape_sequences(run, empty_graph):
    assert run("load", str(HOSTILE / "feed.jsonl")).exit_code == 0
    csv_out = run("report", "sources", "--format", "csv").stdout
    assert "'=HYPERLINK" in csv_out and "\n=HYPERLINK" not in csv_out and ",=HYPERLINK" not in csv_out
    table = run("report", "sources").stdout
    assert "\x1b" not in table


# -- secrets ----------------------------------------------------------------------------------------
def test_the_password_is_on_no_command_line_and_in_no_log(server):
    password = server.password()
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        assert password not in cmdline, proc
    for log in [server.log_file, *server.home.rglob("*.log")]:
        assert password not in log.read_text(encoding="utf-8", errors="replace"), log


def test_dotenv_is_read_from_the_working_folder_only(tmp_path, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    (tmp_path / ".env").write_text("NEO4J_URI=bolt://attacker.example:7687\n", encoding="utf-8")
    child = tmp_path / "child"
    child.mkdir()
    monkeypatch.chdir(child)
    assert load_env_file() is None and "NEO4J_URI" not in os.environ
    monkeypatch.chdir(tmp_path)
    try:
        assert load_env_file() == tmp_path / ".env"
        assert os.environ["NEO4J_URI"] == "bolt://attacker.example:7687"
    finally:
        os.environ.pop("NEO4J_URI", None)


def test_query_is_read_only_unless_told(run, empty_graph):
    empty_graph.write(lambda tx: tx.execute("CREATE (:Probe {key: 'p'})"))
    r = run("query", "MATCH (n) DETACH DELETE n")
    assert r.exit_code == 1
    assert r.output == "Error: the query changes the graph (DETACH); nothing was run. Add --write to allow it\n"
    assert empty_graph.read("MATCH (n:Probe) RETURN count(n) AS n") == [{"n": 1}]
    r = run("query", "MATCH (n:Probe) RETURN n.key AS `set`, 'CREATE' AS s // DELETE", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == [{"set": "p", "s": "CREATE"}]
    assert run("query", "MATCH (n:Probe) DELETE n", "--write").exit_code == 0
    assert empty_graph.read("MATCH (n:Probe) RETURN count(n) AS n") == [{"n": 0}]


def test_report_parameters_out_of_range_are_one_line(run):
    r = run("report", "brokers", "--param", "top=99999999999999999999")
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1 and "whole number from 1" in r.output
    r = run("report", "brokers", "--param", "top=-3")
    assert r.exit_code == 1 and "whole number from 1" in r.output


def test_a_home_that_cannot_be_written_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    r = CliRunner().invoke(cli, ["db", "start"], env={"KGBUILD_HOME": str(blocker / "home")})
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1
    assert r.output.startswith(f"Error: cannot use {blocker / 'home'} for the embedded graph")


@pytest.mark.parametrize("kind", ["binary", "folder"])
def test_a_broken_password_file_is_one_line(tmp_path, kind):
    home = tmp_path / "home"
    home.mkdir()
    if kind == "binary":
        (home / "password").write_bytes(b"\xff\xfe\x00\x01")
    else:
        (home / "password").mkdir()
    r = CliRunner().invoke(cli, ["db", "start"], env={"KGBUILD_HOME": str(home)})
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1 and "password" in r.output
    assert "Traceback" not in r.output


def test_names_and_titles_never_run_in_the_view(run, empty_graph, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium is not installed: apt-get install chromium (scripts/test.sh does, as root)")
    steal = "document.body.setAttribute('data-pwned', '1')"
    empty_graph.write(
        lambda tx: tx.execute(
            "CREATE (d:Document {doc_id: 'd1', title: '<!--<script>', complete: true}), "
            "(a:Entity:Person {key: 'person:a', name: 'Ann __DATA__ Roe'}), "
            "(b:Entity:Person {key: 'person:b', name: $evil}), (a)-[:MET_WITH {sentences: ['x']}]->(b), "
            "(d)-[:MENTIONS]->(a)",
            {"evil": f'<img src=x onerror="{steal}">'},
        )
    )
    for args in (["--person", "Ann __DATA__ Roe"], ["--documents"]):
        out = tmp_path / "v.html"
        r = run("view", "-o", str(out), *args)
        assert r.exit_code == 0, r.output
        dom = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                f"--user-data-dir={tmp_path / 'p'}",
                "--virtual-time-budget=3000",
                "--dump-dom",
                out.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
        body = re.search(r"<body([^>]*)>", dom).group(1)
        assert 'data-ready="true"' in body and "data-pwned" not in body, body
        if "--person" in args:
            assert "<title>Ann __DATA__ Roe" in dom.split("</title>")[0]


# -- odd inputs and odd graphs ----------------------------------------------------------------------
def test_a_node_kgbuild_did_not_write_is_exported_and_viewed(run, empty_graph, tmp_path):
    assert run("load", str(HOSTILE / "good.txt")).exit_code == 0
    assert run("query", "--write", "CREATE (:Note {text: 'no key here'})").exit_code == 0
    r = run("export", "--format", "jsonl")
    assert r.exit_code == 0, r.output
    notes = [json.loads(line) for line in r.stdout.splitlines() if '"Note"' in line]
    assert len(notes) == 1 and notes[0]["id"] and notes[0]["text"] == "no key here"
    r = run("view", "-o", str(tmp_path / "v.html"), "--isolated")
    assert r.exit_code == 0 and "no key here" in (tmp_path / "v.html").read_text(encoding="utf-8")


def test_credentials_given_for_the_embedded_graph_are_refused(run):
    for args in (["report", "stats", "-p", "wrong"], ["-u", "someone", "report", "stats"]):
        r = run(*args)
        assert r.exit_code == 1 and len(r.output.splitlines()) == 1
        assert r.output.startswith("Error: -u and -p are for a graph at NEO4J_URI"), r.output


def test_escape_sequences_from_a_hand_off_file_reach_no_output(run, empty_graph, tmp_path):
    fact = {
        "doc": "x.txt",
        "doc_id": "esc1",
        "subject": {"name": "Ola\x1b[31m Eide", "type": "Person"},
        "predicate": "MET_WITH",
        "object": {"name": "Kari Berg", "type": "Person"},
        "sentence": "Eide met Berg\x1b[0m in Oslo.",
        "start": 0,
        "end": 26,
        "confidence": 0.9,
        "rule": "met",
    }
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(fact) + "\n", encoding="utf-8")
    assert run("load", "--facts", str(path)).exit_code == 0
    for fmt in ("csv", "json", "table"):
        out = run("report", "evidence", "--param", "a=Eide", "--param", "b=Berg", "--format", fmt).stdout
        assert "Eide" in out and "\x1b" not in out, (fmt, out)


def test_a_named_pipe_with_no_writer_is_skipped_in_bounded_time(run, empty_graph, tmp_path, monkeypatch):
    from kgbuild.documents import paths

    monkeypatch.setattr(paths, "PIPE_WAIT", 0.5)
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    shutil.copy(HOSTILE / "good.txt", tmp_path / "good.txt")
    r = run("load", str(fifo), str(tmp_path / "good.txt"))
    assert r.exit_code == 0 and "1 loaded" in r.stdout
    assert f"warning: {fifo} is a named pipe that nothing writes to; start its writer first" in r.stderr


def test_a_named_pipe_whose_writer_writes_nothing_is_skipped_in_bounded_time(run, tmp_path, monkeypatch):
    from kgbuild.documents import paths

    monkeypatch.setattr(paths, "PIPE_WAIT", 0.5)
    fifo = tmp_path / "silent.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"sleep 20 > {fifo}"])
    try:
        r = run("extract", str(fifo))
        assert r.exit_code == 1 and "is a named pipe that nothing writes to" in r.stderr
    finally:
        writer.kill()


def test_an_input_longer_than_any_article_is_refused(run, tmp_path, monkeypatch):
    from kgbuild import documents
    from kgbuild.documents import formats

    monkeypatch.setattr(formats, "MAX_ARTICLE_BYTES", 1000)
    monkeypatch.setattr(documents, "MAX_ARTICLE_BYTES", 1000)
    (tmp_path / "long.txt").write_text("Words and words. " * 100, encoding="utf-8")
    line = json.dumps({"text": "Words and words. " * 100})
    (tmp_path / "feed.jsonl").write_text(line + "\n" + json.dumps({"text": "A short one."}) + "\n", encoding="utf-8")
    r = run("extract", str(tmp_path))
    assert f"warning: {tmp_path / 'feed.jsonl'}:1 is longer than any article" in r.stderr
    assert f"warning: {tmp_path / 'long.txt'} is longer than any article" in r.stderr


def test_a_device_is_named_as_a_device(run, tmp_path):
    link = tmp_path / "zero.txt"
    os.symlink("/dev/zero", link)
    r = run("extract", str(link))
    assert r.exit_code == 1
    assert f"warning: {link} is not a file of articles (a device or socket); skipped" in r.stderr
