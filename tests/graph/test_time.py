"""Time as a filter: reports take since / until (a day, a month, a year), undated items only by a flag."""

from __future__ import annotations

import json

import pytest

from kgbuild.loader import load

ARTICLES = {
    "march.txt": "Published on 2026-03-02\nNorwegian Foreign Minister Eirik Vangen met Icelandic Foreign Minister "
    "Ragna Thorsdottir in Oslo on Monday.\n",
    "april.txt": "Published on 2026-04-15\nFinnish Foreign Minister Aino Lehto met Estonian Foreign Minister "
    "Kadri Tamm in Tallinn on 14 April.\n",
    "readout.txt": "Latvian Foreign Minister Ilze Berzina met Lithuanian Foreign Minister Jonas Petraitis "
    "in Vilnius.\n",
}


@pytest.fixture
def dated(empty_graph, tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    load([str(tmp_path)], empty_graph)
    return empty_graph


def places(run, report: str, *args: str) -> list:
    result = run("report", report, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    if report == "meetings":
        return [m["place"] for m in found]
    return sorted(r["person"] for r in found)


def test_meetings_in_a_range_and_undated_ones_only_when_asked(dated, run):
    assert places(run, "meetings") == ["Oslo", "Tallinn", "Vilnius"]  # undated last
    assert places(run, "meetings", "--since", "2026-04") == ["Tallinn"]
    assert places(run, "meetings", "--until", "2026-03") == ["Oslo"]
    assert places(run, "meetings", "--param", "since=2026-04-01", "--param", "until=2026-04-30") == ["Tallinn"]
    assert places(run, "meetings", "--since", "2026", "--undated") == ["Oslo", "Tallinn", "Vilnius"]
    assert places(run, "meetings", "--since", "2026-05") == []


def test_who_met_whom_in_a_range(dated, run):
    assert len(places(run, "who-met-whom")) == 3
    assert places(run, "who-met-whom", "--since", "2026-04-14", "--until", "2026-04-14") in (
        ["Aino Lehto"],
        ["Kadri Tamm"],
    )
    assert len(places(run, "who-met-whom", "--until", "2026-03-31", "--undated")) == 2


def test_a_bad_date_or_a_report_without_dates_says_so(dated, run):
    result = run("report", "meetings", "--since", "March")
    assert result.exit_code == 1
    assert "parameter 'since' must be a date (2025-11-30), a month (2025-11) or a year (2025), not 'March'" in (
        result.output
    )
    result = run("report", "brokers", "--since", "2026")
    assert result.exit_code == 1 and "report 'brokers' takes no dates" in result.output


def test_representatives_and_evidence_in_a_range(dated, run):
    result = run("report", "representatives", "--format", "json", "--since", "2026-04")
    assert sorted(r["person"] for r in json.loads(result.stdout)) == ["Aino Lehto", "Kadri Tamm"]
    result = run("report", "evidence", "--param", "a=Vangen", "--param", "b=Thorsdottir", "--format", "json")
    assert {r["date"] for r in json.loads(result.stdout) if r["relationship"] == "MET_WITH"} == {"2026-03-02"}
    result = run("report", "evidence", "--param", "a=Vangen", "--param", "b=Thorsdottir", "--since", "2026-04")
    assert result.exit_code == 0 and "Oslo" not in result.output and "Monday" not in result.output


def test_envoys_in_a_range(empty_graph, run, tmp_path):
    (tmp_path / "envoy.txt").write_text(
        "Published on 2026-05-04\nNorwegian Prime Minister Jonas Lie sent his envoy Kari Nilsen to Reykjavik.\n",
        encoding="utf-8",
    )
    load([str(tmp_path)], empty_graph)
    envoys = lambda *args: [r["envoy"] for r in json.loads(run("report", "envoys", "--format", "json", *args).stdout)]
    assert envoys() == ["Kari Nilsen"]
    assert envoys("--since", "2026-05") == ["Kari Nilsen"]
    assert envoys("--until", "2026-04") == [] == envoys("--until", "2026-04", "--undated")


def rows(run, report: str, *args: str) -> list[dict]:
    result = run("report", report, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_delegations_in_a_range(dated, run):
    sides = lambda *args: sorted(r["country"] for r in rows(run, "delegations", *args))
    assert sides() == ["Estonia", "Finland", "Iceland", "Latvia", "Lithuania", "Norway"]
    assert sides("--since", "2026-04") == ["Estonia", "Finland"]
    assert sides("--until", "2026-03") == ["Iceland", "Norway"]
    assert sides("--until", "2026-03", "--undated") == ["Iceland", "Latvia", "Lithuania", "Norway"]
    assert sides("--since", "2026-04-15", "--param", "country=Finland") == []  # met on the 14th, reported the 15th


def test_sources_in_a_range(dated, run):
    published = lambda *args: [r["published"] for r in rows(run, "sources", *args)]
    assert sorted(published(), key=str) == ["2026-03-02", "2026-04-15", None]
    assert published("--since", "2026-04") == ["2026-04-15"]
    assert published("--until", "2026-03-31") == ["2026-03-02"]
    assert sorted(published("--until", "2026-03", "--undated"), key=str) == ["2026-03-02", None]
    assert published("--since", "2026-05", "--undated") == [None]


def test_profile_in_a_range(dated, run):
    profile = lambda name, *args: {
        (r["section"], r["item"]) for r in rows(run, "profile", "--param", f"name={name}", *args)
    }
    lehto = profile("Lehto")
    assert {s for s, _ in lehto} == {"counterpart", "meeting", "role", "source"}
    met = {("counterpart", "Kadri Tamm"), ("meeting", "Estonia – Finland, Tallinn, 2026-04-14 (held)")}
    assert profile("Lehto", "--until", "2026-04-14") == met  # the meeting's day, its sentence's date
    assert profile("Lehto", "--since", "2026-04-15") == lehto - met  # the article's publication
    assert profile("Lehto", "--until", "2026-03") == set() == profile("Lehto", "--until", "2026-03", "--undated")
    berzina = profile("Berzina")
    assert len(berzina) == 4 and profile("Berzina", "--since", "2026") == set()
    assert profile("Berzina", "--since", "2026", "--undated") == berzina  # nothing dates the readout
