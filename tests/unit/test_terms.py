"""Past terms of office (office_holders.json): a side only on a date in the term, and the file checked."""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from kgbuild.documents import Document
from kgbuild.errors import DataError
from kgbuild.nlp import load_pipeline
from kgbuild.pipeline import extract
from kgbuild.rules import Knowledge, load_rules
from kgbuild.rules.terms import Period, article_period

SHIPPED = Path(str(resources.files("kgbuild.data")))


def rows(text: str, published: str | None) -> list[tuple]:
    (x,) = list(extract([Document(path="t.txt", text=text, published=published)]))
    return [(f.subject.name, f.predicate, f.object.name, f.rule, f.basis) for f in x.facts]


def represents(text: str, published: str | None) -> dict[str, tuple]:
    return {s: (o, rule, basis) for s, p, o, rule, basis in rows(text, published) if p == "REPRESENTS"}


def test_a_chancellor_in_office_on_the_publication_date_acts_for_her_country():
    got = represents("Chancellor Angela Merkel met the press in Brussels on Tuesday.", "2012-03-06")
    assert got["Angela Merkel"] == ("Germany", "known_term", "known")


def test_the_same_name_after_the_term_has_no_known_side():
    assert "Angela Merkel" not in represents("Chancellor Angela Merkel met the press in Brussels.", "2024-03-06")


def test_a_surname_is_the_holder_on_the_date_not_someone_else_of_that_name():
    got = represents("President Bush spoke to reporters at the White House on Monday.", "2005-05-02")
    assert got["George W. Bush"][0] == "United States"
    on = lambda y: Period(date(y, 5, 1), date(y, 5, 1))
    rules = load_rules()
    assert rules.term_holder("Clinton", on(2000)) == "Bill Clinton"
    assert rules.term_holder("Clinton", on(2011)) == "Hillary Clinton"
    assert rules.term_holder("Clinton", on(2005)) is None
    assert rules.term_holder("Kirchner", on(2005)) == "Néstor Kirchner"
    assert rules.term_holder("Kirchner", Period(date(2007, 12, 10), date(2007, 12, 10))) is None  # handover day


def test_with_no_publication_date_a_year_in_the_text_dates_the_article():
    text = "Prime Minister Silvio Berlusconi arrived in Brussels. The 2009 summit was short."
    assert represents(text, None)["Silvio Berlusconi"][0] == "Italy"
    assert "Silvio Berlusconi" not in represents("Prime Minister Silvio Berlusconi arrived in Brussels.", None)
    # a year alone may be one the article looks back to: someone it gives no title gets no side
    untitled = "Silvio Berlusconi arrived in Brussels. The 2009 summit was short."
    assert "Silvio Berlusconi" not in represents(untitled, None)


def test_current_office_holders_keep_their_aliases_json_side_and_rule():
    got = represents("Foreign Minister Sergei Lavrov spoke in Geneva on Monday.", "2012-03-06")
    assert got["Sergei Lavrov"][0] == "Russia"
    assert got["Sergei Lavrov"][1] != "known_term"
    undated = represents("Merz spoke in Berlin.", None)
    assert undated.get("Friedrich Merz", ("Germany", "known_country", "known"))[1] == "known_country"


def test_article_period_prefers_the_publication_date_then_the_latest_year_named():
    assert article_period(date(2012, 3, 6), "in 1999") == Period(date(2012, 3, 6), date(2012, 3, 6))
    assert article_period(None, "elected in 2004, re-elected in 2009") == Period(
        date(2009, 1, 1), date(2009, 12, 31), published=False
    )
    assert article_period(None, "2,000 troops and 2000 soldiers") is None
    assert article_period(None, "no year here") is None


@pytest.fixture
def holders(tmp_path):
    """A private data folder whose office_holders.json a test writes; yields a loader for it."""
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))

    def load(offices: dict, aliases: dict | None = None):
        body = {"offices": offices, "aliases": aliases or {}}
        (folder / "office_holders.json").write_text(json.dumps(body), encoding="utf-8")
        load_rules.cache_clear()
        return load_rules(Knowledge(str(folder)))

    yield load
    load_rules.cache_clear()
    load_pipeline.cache_clear()


def test_overlapping_terms_of_one_office_are_rejected(holders):
    berg = ["Ola Berg", "2001-01-01", "2005-06-01"]
    with pytest.raises(DataError, match=r"office_holders\.json: entry 'Norway\.head_of_government'.*Kari Lie"):
        holders({"Norway": {"head_of_government": [berg, ["Kari Lie", "2005-01-01", None]]}})
    rules = holders({"Norway": {"head_of_government": [berg, ["Kari Lie", "2005-06-01", None]]}})  # a handover
    assert rules.term_country("Kari Lie", Period(date(2010, 1, 1), date(2010, 1, 1))) == "Norway"


def test_a_country_not_in_countries_json_is_rejected(holders):
    with pytest.raises(DataError, match=r"entry 'Atlantis' is not a country in countries\.json"):
        holders({"Atlantis": {"head_of_state": [["Ola Berg", "2001-01-01", None]]}})


def test_a_term_ending_before_it_starts_and_an_unknown_office_are_rejected(holders):
    with pytest.raises(DataError, match="ending"):
        holders({"Norway": {"foreign_minister": [["Ola Berg", "2005-01-01", "2001-01-01"]]}})
    with pytest.raises(DataError, match="is not one of"):
        holders({"Norway": {"mayor": [["Ola Berg", "2001-01-01", None]]}})


def test_an_alias_of_two_people_in_office_at_once_is_rejected(holders):
    offices = {
        "Norway": {"head_of_state": [["Ola Berg", "2001-01-01", None]]},
        "Sweden": {"head_of_government": [["Per Berg", "2003-01-01", "2008-01-01"]]},
    }
    with pytest.raises(DataError, match=r"'Berg', also Ola Berg's"):
        holders(offices, {"Ola Berg": ["Berg"], "Per Berg": ["Berg"]})
    with pytest.raises(DataError, match=r"aliases\.json gives to"):
        holders(offices, {"Per Berg": ["Merz"]})
