"""Rules live in data: checked when loaded, every entry read, a bad file named in one line."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from kgbuild.documents import Document
from kgbuild.errors import DataError
from kgbuild.nlp import load_pipeline
from kgbuild.pipeline import extract
from kgbuild.rules import load_rules

SHIPPED = Path(str(resources.files("kgbuild.data")))


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A private copy of the data folder in KGBUILD_DATA; edit it with `edit(file, fn)`."""
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setenv("KGBUILD_DATA", str(folder))
    load_rules.cache_clear()
    load_pipeline.cache_clear()

    def edit(name: str, change) -> Path:
        path = folder / name
        value = json.loads(path.read_text(encoding="utf-8"))
        change(value)
        path.write_text(json.dumps(value), encoding="utf-8")
        return path

    yield edit
    load_rules.cache_clear()
    load_pipeline.cache_clear()


def facts(text: str) -> set[tuple]:
    (x,) = list(extract([Document(path="t.txt", text=text, published="2025-11-29")]))
    return {(f.subject.name, f.predicate, f.object.name) for f in x.facts}


def test_the_shipped_rules_load_and_every_entry_is_read():
    load_pipeline()  # builds every stage; raises if any entry of the rule files was never asked for
    rules = load_rules()
    assert rules.kinds[0] == "envoy" and "kin" in rules.kinds
    assert rules.confidence("met.subject_object").value == 0.9


def test_a_new_role_kind_in_roles_json_alone_works(data):
    def add_kind(roles):
        roles["roles"] = {"mediator": ["go-between", "facilitator"], **roles["roles"]}

    data("roles.json", add_kind)
    got = facts("Norwegian facilitator Ola Berg met Swedish Foreign Minister Kari Lie in Oslo.")
    assert ("Ola Berg", "REPRESENTS", "Norway") in got  # read from the new role word's title
    assert ("Kari Lie", "MET_WITH", "Ola Berg") in got
    assert load_rules().roles["facilitator"] == "mediator" and load_rules().kinds[0] == "mediator"


@pytest.mark.parametrize(
    "file,change,message",
    [
        ("roles.json", lambda d: d["roles"].update(envoy="envoy"), "roles.json: entry 'roles.envoy' must be a list"),
        ("roles.json", lambda d: d["roles"].pop("envoy"), "roles.json: entry 'roles.envoy' is missing"),
        ("roles.json", lambda d: d.update(side_kinds=["envoy", "wizard"]), "names kind 'wizard'"),
        ("meetings.json", lambda d: d.update(verbz=["meet"]), "meetings.json: entry 'verbz' is not something"),
        ("meetings.json", lambda d: d.pop("event_nouns"), "meetings.json: entry 'event_nouns' is missing"),
        (
            "rules.json",
            lambda d: d["rules"]["met.between_two"].update(confidence=1.5),
            "rules.json: entry 'met.between_two' needs a confidence",
        ),
        ("rules.json", lambda d: d["rules"].pop("met.between_two"), "no entry for rule 'met.between_two'"),
        (
            "rules.json",
            lambda d: d["rules"].update({"met.typo": {"confidence": 0.5}}),
            "rules.json: entry 'met.typo' names no extraction rule",
        ),
        (
            "grammar.json",
            lambda d: d.update(weak_dates="(unclosed"),
            "grammar.json: entry 'weak_dates' is not a regular",
        ),
        (
            "organizations.json",
            lambda d: d["organizations"]["Kremlin"].update(country="Atlantis"),
            "entry 'Kremlin.country' names 'Atlantis', which is not in countries.json",
        ),
    ],
)
def test_a_bad_data_file_is_named_with_its_entry(data, file, change, message):
    data(file, change)
    with pytest.raises(DataError, match=message.replace("(", r"\(")):
        load_pipeline()


def test_the_cli_says_which_file_and_entry_in_one_line(data, tmp_path):
    path = data("roles.json", lambda d: d["roles"].update(envoy=7))
    article = tmp_path / "a.txt"
    article.write_text("Norwegian envoy Ola Berg met Swedish envoy Kari Lie.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: entry 'roles.envoy' must be a list of non-empty strings\n"


def test_a_broken_json_file_says_where(data, tmp_path):
    path = Path(data("meetings.json", lambda d: None))
    path.write_text('{"verbs": ["meet",]}', encoding="utf-8")
    with pytest.raises(DataError, match=r"meetings.json: not valid JSON at line 1"):
        load_rules()
