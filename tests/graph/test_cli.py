"""The command line, end to end on a real embedded graph: exit codes, messages, report rows."""

from __future__ import annotations

import json

import click
import pytest

from conftest import EXAMPLES
from kgbuild.cli import cli


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the click group, as the words that call it (the group itself first)."""
    out = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            out += command_paths(command, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out


def test_every_command_has_help(run):
    paths = command_paths(cli)
    assert {("eval",), ("view",), ("export",), ("db", "start")} <= set(paths)
    for c in paths:
        result = run(*c, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output, c
        assert len(result.output.splitlines()) > 3, c
        if c:
            described = cli if len(c) == 1 else cli.commands[c[0]]
            assert described.commands[c[-1]].help, f"{' '.join(c)} has no description"


def test_extract_prints_the_fact_contract(run, seed_paths):
    result = run("extract", *seed_paths, "--format", "jsonl")
    assert result.exit_code == 0
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert facts
    for f in facts:
        assert {
            "doc",
            "doc_id",
            "subject",
            "predicate",
            "object",
            "sentence",
            "start",
            "end",
            "confidence",
            "rule",
        } <= set(f)
        assert set(f["subject"]) == {"name", "type"} and f["predicate"].isupper()
    met = [f for f in facts if f["predicate"] == "MET_WITH"]
    assert met and all(f["status"] in ("held", "planned", "unconfirmed", "cancelled") for f in met)


def test_extract_csv_and_table(run):
    csv_out = run("extract", str(EXAMPLES), "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("doc,subject,predicate,object,confidence")
    assert len(csv_out) > 5
    table = run("extract", str(EXAMPLES), "--format", "table").stdout
    assert "MET_WITH" in table and "───" in table.splitlines()[1]


@pytest.fixture
def loaded(run, empty_graph):
    result = run("load", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    assert "documents: 4 read, 4 loaded, 0 skipped, 0 failed" in result.stdout
    return run


def test_load_twice_skips_and_counts_stay(loaded):
    count = lambda: rows(loaded("query", "MATCH (n) RETURN count(n) AS n", "--format", "json"))[0]["n"]
    before = count()
    again = loaded("load", str(EXAMPLES))
    assert "0 loaded, 4 skipped" in again.stdout and "(+0)" in again.stdout
    assert count() == before


def test_who_met_whom_report(loaded):
    met = rows(loaded("report", "who-met-whom", "--format", "json"))
    pairs = {(r["person"], r["counterpart"]) for r in met}
    assert ("Andriy Yermak", "Marco Rubio") in pairs
    assert ("Rustem Umerov", "Steve Witkoff") in pairs
    assert ("Steve Witkoff", "Vladimir Putin") in pairs
    one = rows(loaded("report", "who-met-whom", "--param", "person=Witkoff", "--format", "json"))
    assert {r["counterpart"] for r in one} >= {"Rustem Umerov", "Vladimir Putin", "Kirill Dmitriev"}
    assert all(r["person"] == "Steve Witkoff" for r in one)
    strict = rows(loaded("report", "who-met-whom", "--param", "min_confidence=0.95", "--format", "json"))
    assert strict == []


def test_envoys_representatives_meetings_evidence(loaded):
    envoys = {(r["envoy"], r["principal"]) for r in rows(loaded("report", "envoys", "--format", "json"))}
    assert ("Steve Witkoff", "United States") in envoys and ("Kirill Dmitriev", "Vladimir Putin") in envoys
    reps = rows(loaded("report", "representatives", "--param", "country=Ukraine", "--format", "json"))
    assert {r["person"] for r in reps} >= {"Rustem Umerov", "Andriy Yermak", "Volodymyr Zelensky"}
    assert {r["country"] for r in reps} == {"Ukraine"}
    meetings = rows(loaded("report", "meetings", "--format", "json"))
    geneva = [m for m in meetings if m["place"] == "Geneva"]
    assert geneva and geneva[0]["date"] == "2025-11-23" and geneva[0]["status"] == "held"
    assert any("Andriy Yermak" in p for p in geneva[0]["participants"])
    ev = rows(loaded("report", "evidence", "--param", "a=Rubio", "--param", "b=Andriy Yermak", "--format", "json"))
    assert any("Rubio met with Yermak" in r["sentence"] for r in ev)
    assert all(r["relationship"] == "MET_WITH" for r in ev)


def test_report_formats_and_limit(loaded):
    csv_lines = loaded("report", "envoys", "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "principal,principal_type,envoy,articles,confidence,basis"
    table = loaded("report", "who-met-whom", "--limit", "1").stdout.splitlines()
    assert table[0].split()[:2] == ["person", "counterpart"] and len(table) == 3
    listing = loaded("report").stdout
    assert "who-met-whom" in listing and "--param person (person, default none)" in listing


def test_report_errors_are_one_line_with_the_fix(run):
    r = run("report", "nope")
    assert r.exit_code == 1
    assert r.output.strip().startswith("Error: no report named 'nope'; `kgbuild report` lists them")
    r = run("report", "evidence", "--param", "a=x")
    assert r.exit_code == 1 and r.output.strip() == "Error: report 'evidence' needs --param b=<name>"
    r = run("report", "who-met-whom", "--param", "min_confidence=lots")
    assert r.exit_code == 1
    assert r.output.strip() == "Error: parameter 'min_confidence' must be a float, not 'lots'"
    r = run("report", "who-met-whom", "--param", "person")
    assert r.exit_code == 2 and "is not key=value" in r.output


def test_bad_inputs_are_skipped_and_counted(run, empty_graph, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"text": "Czech President Petr Pavel met Slovak President Peter Pellegrini in Prague."}\n{oops\n',
        encoding="utf-8",
    )
    r = run("load", str(bad), str(tmp_path / "missing.txt"))
    assert r.exit_code == 0
    assert "1 read, 1 loaded, 0 skipped, 2 failed" in r.stdout
    assert "warning: no such file or folder" in r.stderr and "not valid JSON" in r.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = run("load", str(empty))
    assert r.exit_code == 1 and "0 read" in r.stdout


def test_graph_not_reachable_or_wrong_password(run, server):
    r = run("report", "envoys", env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert r.exit_code == 1
    assert r.output.strip() == (
        "Error: cannot reach the graph at bolt://127.0.0.1:1; start Neo4j "
        "(docker compose -f docker/compose.yaml up -d) or fix NEO4J_URI"
    )
    info = server.info()
    r = run(
        "report",
        "envoys",
        env={"NEO4J_URI": info.uri, "NEO4J_USERNAME": "root", "NEO4J_PASSWORD": "wrong", "NEO4J_DATABASE": "kg"},
    )
    assert r.exit_code == 1
    assert "refused the user name or password; set NEO4J_USERNAME and NEO4J_PASSWORD" in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_query_command(loaded):
    out = rows(loaded("query", "MATCH (c:Country) RETURN c.name AS name ORDER BY name", "--format", "json"))
    assert {"name": "Ukraine"} in out
    r = loaded("query", "MATCH (n RETURN n")
    assert r.exit_code == 1 and r.output.startswith("Error: the graph rejected the query")
    r = loaded("query")
    assert r.exit_code == 2


def test_db_status_and_reset(run, loaded):
    status = run("db", "status").stdout
    assert "Connect URL: bolt://127.0.0.1:" in status and "Database:    kg" in status
    r = run("db", "reset", input="n\n")
    assert r.exit_code == 1 and "nothing deleted" in r.output
    r = run("db", "reset", "--yes")
    assert r.exit_code == 0
    assert rows(run("query", "MATCH (n) RETURN count(n) AS n", "--format", "json")) == [{"n": 0}]


def test_every_skip_and_failure_is_named_with_its_reason(run, empty_graph, tmp_path):
    article = "Published on 2026-02-02\nFinnish Foreign Minister Aino Lehto met Estonian Foreign Minister Kadri Tamm.\n"
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(article, encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    result = run("load", str(tmp_path))
    assert "1 loaded, 1 skipped, 1 failed" in result.stdout
    assert f"{tmp_path / 'copy.txt'}: the same text as {tmp_path / 'a.txt'}, read already; skipped" in result.stderr
    assert f"{tmp_path / 'empty.jsonl'} holds no article text; skipped" in result.stderr
    again = run("load", str(tmp_path / "a.txt"), "--published", "2026-02-03")
    assert "0 loaded, 1 skipped" in again.stdout
    assert "already in the graph; skipped (--published changes nothing for it: add --force" in again.stderr
