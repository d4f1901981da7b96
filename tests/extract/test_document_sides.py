"""Sides the article as a whole gives (`kgbuild.extract.inferred`), one shape each, on texts written
for these tests; and the readout shapes of issue 20."""

from __future__ import annotations

from kgbuild.documents import Document
from kgbuild.pipeline import extract


def rows(text: str) -> list[dict]:
    (x,) = list(extract([Document(path="t.txt", text=text, published="2025-11-29")]))
    return x.contract()


def sides(text: str) -> dict[str, tuple[str, str, float, str]]:
    """person -> (side, its type, confidence, rule) of their REPRESENTS."""
    return {
        f["subject"]["name"]: (f["object"]["name"], f["object"]["type"], f["confidence"], f["rule"])
        for f in rows(text)
        if f["predicate"] == "REPRESENTS"
    }


def test_a_government_named_after_a_person_is_the_country_the_noun_names():
    got = sides(
        "Washington reacted coolly to the rally in Oslo. US officials said little. "
        "The Nilsen administration came under fire for sending no cabinet member."
    )
    side, kind, conf, rule = got["Nilsen"]
    assert (side, kind, rule) == ("United States", "Country", "named_government.office")
    assert conf < 0.9  # below a country named in the title


def test_a_government_noun_needs_its_country_named_in_the_article():
    got = sides("Critics in Oslo said the Nilsen administration had failed the city.")
    assert "Nilsen" not in got or got["Nilsen"][0] != "United States"


def test_a_head_of_government_without_a_country_takes_the_article_s_country():
    got = sides(
        "Chile's parliament passed the pension reform on Tuesday. Chilean unions had campaigned for it. "
        "Immigration Minister Rosa Pardo said Chile would now turn to housing."
    )
    side, _, conf, rule = got["Rosa Pardo"]
    assert (side, rule) == ("Chile", "title.article_country")
    assert conf < 0.9


def test_the_article_s_country_is_never_given_to_a_counterpart():
    got = sides(
        "Chile's parliament passed the reform. Chilean unions cheered. Chile's economy grew. "
        "Chilean President Tomas Vera met President Ana Ruiz of Peru in Santiago. "
        "President Luis Mora also spoke."
    )
    assert got["Ana Ruiz"][0] == "Peru"
    assert got["Tomas Vera"][0] == "Chile"


def test_a_government_spokesperson_speaks_for_the_article_s_country():
    got = sides(
        "Chile welcomed the ruling. Chilean exporters had lobbied for months, "
        "deputy government spokeswoman Marta Sol said in Santiago."
    )
    assert got["Marta Sol"][:2] == ("Chile", "Country")


def test_a_regional_office_holder_takes_the_region_the_sentence_names():
    got = sides("In the southern state of Bavaria, State Premier Jonas Weber confirmed the reports.")
    assert got["Jonas Weber"][:2] == ("Bavaria", "Place")
    assert got["Jonas Weber"][3] == "title.sentence_region"


def test_a_regional_office_holder_takes_the_region_the_article_is_about():
    got = sides("Texas lawmakers met in Austin on Monday. Texas faces a budget gap. Governor Ana Ruiz signed the bill.")
    assert got["Ana Ruiz"][:2] == ("Texas", "Place")
    assert got["Ana Ruiz"][3] == "title.article_region"


def test_regional_and_city_office_holders_represent_their_state_or_city():
    got = sides(
        "Brandenburg's interior minister Karl Brandt said the police were ready. Bremen's mayor Lena Vogt disagreed."
    )
    assert got["Karl Brandt"][:2] == ("Brandenburg", "Place")
    assert got["Lena Vogt"][:2] == ("Bremen", "Place")


def facts(text: str) -> set[tuple]:
    return {(f["subject"]["name"], f["predicate"], f["object"]["name"]) for f in rows(text)}


def test_an_envoy_for_a_country_is_the_envoy_of_the_body_that_sent_them():
    got = facts(
        "Kari Lie, the United Nations special envoy for Syria, met Syrian Foreign Minister Ola Berg in Geneva. "
        "US special envoy for Sudan Tom Perry visited Khartoum."
    )
    assert ("Kari Lie", "ENVOY_OF", "United Nations") in got
    assert ("Tom Perry", "ENVOY_OF", "United States") in got
    assert not {("Kari Lie", "ENVOY_OF", "Syria"), ("Tom Perry", "ENVOY_OF", "Sudan")} & got
    assert ("Kari Lie", "REPRESENTS", "Syria") not in got


def test_of_a_country_after_the_second_title_is_that_person_s():
    got = facts("President Biden's meeting with President Al-Sisi of Egypt was cordial, aides said.")
    assert not any(s.endswith("Biden") and p == "REPRESENTS" and o == "Egypt" for s, p, o in got)


def test_an_aircraft_is_no_person():
    got = facts(
        "President Kari Lie boarded Air Force One after the summit in Rome; Marine One took her to the residence."
    )
    names = {s for s, _, _ in got} | {o for _, _, o in got}
    assert not names & {"Air Force One", "Marine One"}


def test_a_side_the_title_states_is_text_even_for_a_known_person():
    (barrot,) = [
        f
        for f in rows("Secretary Rubio met French Foreign Minister Jean-Noël Barrot in Paris on Monday.")
        if f["predicate"] == "REPRESENTS" and "Barrot" in f["subject"]["name"]
    ]
    assert barrot["object"]["name"] == "France"
    assert barrot["basis"] == "text"


def test_a_meeting_hosted_by_a_minister_is_hosted_by_them():
    got = facts("Kari Lie met Ola Berg at a dinner hosted by Foreign Minister Jan Roe in Oslo.")
    assert {("Jan Roe", "HOSTED", "Kari Lie"), ("Jan Roe", "HOSTED", "Ola Berg")} <= got
    assert ("Kari Lie", "MET_WITH", "Ola Berg") in got
    got = facts(
        "Swedish Foreign Minister Kari Lie and Finnish Foreign Minister Ola Berg held talks in Muscat, "
        "in a meeting hosted by Omani Foreign Minister Jan Roe."
    )
    assert {("Jan Roe", "HOSTED", "Kari Lie"), ("Jan Roe", "HOSTED", "Ola Berg")} <= got
    assert ("Kari Lie", "MET_WITH", "Ola Berg") in got


def test_people_who_also_took_part_are_not_sides_of_the_meeting():
    got = facts(
        "Swedish Foreign Minister Kari Lie met Finnish Foreign Minister Ola Berg in Oslo. "
        "Danish envoy Jan Roe also attended the talks with Berg."
    )
    assert ("Kari Lie", "MET_WITH", "Ola Berg") in got
    assert not any("Jan Roe" in (s, o) for s, p, o in got if p == "MET_WITH")
    got = facts(
        "Swedish Foreign Minister Kari Lie met Finnish Foreign Minister Ola Berg; "
        "Danish Foreign Minister Jan Roe also took part in the meeting with Lie."
    )
    assert not any("Jan Roe" in (s, o) for s, p, o in got if p == "MET_WITH")
