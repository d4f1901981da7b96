"""Each extraction stage on its own: a document read up to that stage, and what the stage added.

The stages run in the order `kgbuild.extract.STAGES` declares (mentions, entities, roles,
meetings, sides, inventory); each test stops after the stage it is about and looks only at what
that stage may add to the `Reading` (see `kgbuild/extract/reading.py`).  Texts written for these
tests."""

from __future__ import annotations

import pytest

from kgbuild.extract import STAGES, RelationExtractor
from kgbuild.extract.entities import Clusters, Inventory
from kgbuild.extract.meetings import Meetings
from kgbuild.extract.mentions import Mentions
from kgbuild.extract.reading import Reading
from kgbuild.extract.roles import Roles
from kgbuild.extract.sides import Sides
from kgbuild.nlp import load_pipeline
from kgbuild.rules import load_rules

TEXT = (
    "Finnish President Aino Lehto's envoy Matti Koski met Estonian Foreign Minister Kadri Tamm in Tallinn on "
    "Saturday.\nKoski said the talks with Tamm were useful. Tamm will meet Lehto next week."
)


@pytest.fixture(scope="module")
def read_up_to():
    nlp = load_pipeline()
    stages = RelationExtractor(load_rules()).stages
    lemmatize = nlp.get_pipe("kg_relations").lemmatize  # the pipeline leaves lemmas to the stages

    def read(text: str, last: type) -> Reading:
        with nlp.select_pipes(disable=["kg_relations"]):
            doc = nlp(text)
        r = Reading.of(doc, lemmatize)
        for stage in stages:
            stage(r)
            if isinstance(stage, last):
                return r
        raise AssertionError(f"no stage {last.__name__}")

    return read


def _facts(r: Reading, predicate: str) -> set[tuple[str, str]]:
    return {(f.subject.name, f.object.name) for f in r.facts if f.predicate == predicate}


def test_the_stages_run_in_the_declared_order():
    assert (Mentions, Clusters, Roles, Meetings, Sides, Inventory) == STAGES


def test_mentions_find_each_name_with_the_title_around_it(read_up_to):
    r = read_up_to(TEXT, Mentions)
    names = [m.name for m in r.mentions]
    assert names[:3] == ["Aino Lehto", "Matti Koski", "Kadri Tamm"]
    by_name = {m.name: m for m in r.mentions}
    assert "envoy" in by_name["Matti Koski"].title.kinds
    assert by_name["Matti Koski"].title.principal.name == "Aino Lehto"
    assert by_name["Kadri Tamm"].title.country == "Estonia"
    assert r.facts == [] and r.entities == []  # later stages' work


def test_entities_join_surnames_to_the_full_name_of_the_article(read_up_to):
    r = read_up_to(TEXT, Clusters)
    assert {m.name: m.entity for m in r.mentions if m.name in ("Koski", "Tamm")} == {
        "Koski": "Matti Koski",
        "Tamm": "Kadri Tamm",
    }
    assert r.facts == []


def test_roles_give_role_facts_and_sides_but_no_meetings(read_up_to):
    r = read_up_to(TEXT, Roles)
    assert ("Matti Koski", "Aino Lehto") in _facts(r, "ENVOY_OF")
    assert any(s.name == "Estonia" for s in r.sides["Kadri Tamm"])
    assert not _facts(r, "MET_WITH") and not _facts(r, "REPRESENTS")


def test_meetings_pair_counterparts_with_place_date_and_status(read_up_to):
    r = read_up_to(TEXT, Meetings)
    met = {(f.subject.name, f.object.name): f for f in r.facts if f.predicate == "MET_WITH"}
    held = met.get(("Matti Koski", "Kadri Tamm")) or met.get(("Kadri Tamm", "Matti Koski"))
    assert held is not None and (held.place, held.date_text, held.status) == ("Tallinn", "Saturday", "held")
    planned = met.get(("Kadri Tamm", "Aino Lehto")) or met.get(("Aino Lehto", "Kadri Tamm"))
    assert planned is not None and planned.status == "planned"
    assert not _facts(r, "REPRESENTS")


def test_a_negated_meeting_is_no_meeting(read_up_to):
    r = read_up_to("Estonian Foreign Minister Kadri Tamm did not meet Finnish envoy Matti Koski in Tallinn.", Meetings)
    assert not _facts(r, "MET_WITH")


def test_sides_give_each_person_one_side(read_up_to):
    r = read_up_to(TEXT, Sides)
    sides: dict[str, list[str]] = {}
    for subject, obj in _facts(r, "REPRESENTS"):
        sides.setdefault(subject, []).append(obj)
    assert sides["Kadri Tamm"] == ["Estonia"]
    assert sides["Aino Lehto"] == ["Finland"]
    assert all(len(v) == 1 for v in sides.values())


def test_inventory_lists_every_entity_the_document_names(read_up_to):
    r = read_up_to(TEXT, Inventory)
    found = {(e.name, e.type) for e in r.entities}
    assert {("Aino Lehto", "Person"), ("Matti Koski", "Person"), ("Kadri Tamm", "Person")} <= found
    assert {("Finland", "Country"), ("Estonia", "Country"), ("Tallinn", "Place")} <= found
    koski = next(e for e in r.entities if e.name == "Matti Koski")
    assert koski.count == 2 and koski.aliases == ["Koski"]
