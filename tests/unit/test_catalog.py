"""The Cypher catalog: headers, parameters and the files shipped with the package."""

import re
import tomllib

import pytest

from conftest import ROOT
from kgbuild.errors import ReportError
from kgbuild.graph import catalog

PERIOD = {"since", "until", "undated"}


def test_every_report_has_a_header():
    reports = catalog.reports()
    assert {"who-met-whom", "envoys", "representatives", "evidence", "meetings"} <= set(reports)
    for q in reports.values():
        assert q.description and q.text and not q.text.startswith("//")


def test_parameters_are_typed_checked_and_defaulted():
    q = catalog.report("who-met-whom")
    assert q.bind({}) == {"person": None, "min_confidence": 0.0, "since": None, "until": None, "undated": False}
    assert q.bind({"since": "2025-11", "until": "2025"})["until"] == "2025-12-31"
    assert q.bind({"since": "2025-11"})["since"] == "2025-11-01"
    with pytest.raises(ReportError, match="must be a date"):
        q.bind({"since": "2025-13"})
    assert q.bind({"min_confidence": "0.8"})["min_confidence"] == 0.8
    with pytest.raises(ReportError, match="must be a float"):
        q.bind({"min_confidence": "high"})
    with pytest.raises(ReportError, match="has no parameter 'colour'"):
        q.bind({"colour": "red"})
    with pytest.raises(ReportError, match=r"needs --param a=<name>"):
        catalog.report("evidence").bind({"b": "x"})


def test_unknown_report_names_the_fix():
    with pytest.raises(ReportError, match="no report named 'nope'; `kgbuild report` lists them"):
        catalog.report("nope")


def test_templates_only_take_known_identifiers():
    assert "MERGE (e:Person {key: row.key})" in catalog.write("entity", label="Person")
    fact = catalog.write("fact", rel_type="MET_WITH", subject="Person", object="Person")
    assert "[r:MET_WITH]" in fact and "(s:Person {key: row.subject_key})" in fact
    with pytest.raises(ValueError):
        catalog.write("entity", label="Person {x: 1}) DETACH DELETE (n")
    with pytest.raises(ValueError):
        catalog.write("fact", rel_type="MET_WITH]->() DELETE r //", subject="Person", object="Person")
    with pytest.raises(ValueError):
        catalog.write("fact", rel_type="MET_WITH", subject="Person", object="Person {x: 1})")


def test_schema_statements_are_idempotent_forms():
    for s in catalog.schema():
        assert "IF NOT EXISTS" in s


def test_every_report_that_takes_a_period_filters_by_the_one_fragment():
    taking = {name for name, q in catalog.reports().items() if PERIOD & {p.name for p in q.params}}
    assert taking == {
        "delegations",
        "envoys",
        "evidence",
        "meetings",
        "profile",
        "representatives",
        "sources",
        "who-met-whom",
    }
    fragments = catalog.fragments()
    assert set(fragments) == {"__IN_PERIOD__", "__FACT_IN_PERIOD__"}
    assert fragments["__IN_PERIOD__"] in fragments["__FACT_IN_PERIOD__"]  # one fragment holds the other
    for name in taking:
        query = catalog.report(name)
        assert {p.name for p in query.params} >= PERIOD, name
        source = catalog._folder("reports", f"{name}.cypher").read_text(encoding="utf-8")
        body = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
        assert re.search(r"__(FACT_)?IN_PERIOD__", body), name
        assert "$since" not in body and "$until" not in body and "$undated" not in body, name  # the fragment's
        assert fragments["__IN_PERIOD__"] in query.text and not re.search(r"__[A-Z_]+__", query.text), name


def test_every_cypher_folder_is_shipped_with_the_package():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {p.name for p in (ROOT / "cypher").iterdir() if p.is_dir() and any(p.glob("*.cypher"))}
    assert folders == {"fragments", "internal", "reports", "write"}
    for folder in folders:
        assert f"kgbuild.cypher.{folder}" in setuptools["packages"]
        assert setuptools["package-data"][f"kgbuild.cypher.{folder}"] == ["*.cypher"]
