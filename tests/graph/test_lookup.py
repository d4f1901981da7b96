"""Report parameters that name an entity, on a real graph of short invented articles: a name that
fits several entities lists them with what tells them apart and fails; a country is the Country,
not a Place of its name; spellings with apostrophes, hyphens, particles and diacritics find their
person; a name that fits nothing still suggests the closest."""

from __future__ import annotations

import json

import pytest

from kgbuild.errors import ReportError
from kgbuild.graph.lookup import find
from kgbuild.graph.writer import GraphWriter
from kgbuild.loader import load

ARTICLES = {
    "okorie-riga.txt": "Published on 2026-04-01\nNigerian Foreign Minister Chiamaka Okorie met Latvian Foreign "
    "Minister Dace Ozola in Riga on Wednesday.\n",
    "okorie-accra.txt": "Published on 2026-04-02\nKenyan Trade Minister Wanjiku Okorie met Ghanaian Trade Minister "
    "Kofi Mensah in Accra on Thursday. Okorie said the talks were useful.\n",
    "okorie-nairobi.txt": "Published on 2026-04-09\nKenyan Trade Minister Wanjiku Okorie met Ugandan Trade Minister "
    "Grace Nakato in Nairobi on Monday.\n",
    "cairo.txt": "Published on 2026-04-03\nIsraeli Foreign Minister Eliran Naor met Egyptian Foreign Minister "
    "Abdel Karim El-Gendy in Cairo on Monday.\n",
    "ankara.txt": "Published on 2026-04-04\nUkrainian Foreign Minister Bohdan Kovalensky met Turkish Foreign "
    "Minister Emre Yıldızoğlu and Turkish Trade Minister Selin Karaoğlu in Ankara on Tuesday.\n",
    "amman.txt": "Published on 2026-04-05\nIsraeli envoy Yael Ba'adi met Jordanian envoy Omar Haddad in Amman "
    "on Friday.\n",
    "baghdad.txt": "Published on 2026-04-08\nJordanian Interior Minister Omar Khalil met Iraqi Interior Minister "
    "Omar Jabouri in Baghdad on Sunday. Syrian Interior Minister Omar Darwish met Lebanese Interior Minister "
    "Omar Qassem in Beirut on Monday.\n",
    "malmo.txt": "Published on 2026-04-12\nDanish Foreign Minister Mette Lund met Swedish Foreign Minister "
    "Karin Lund in Malmo on Monday.\n",
    "madrid.txt": "Published on 2026-04-06\nSpanish Foreign Minister Lucia Ferrer-Campos met Portuguese Foreign "
    "Minister Rui Sarmento in Madrid on Monday.\n",
}

# A place the extractor would have taken for the country, and a person it would have read as one, as
# another extractor may hand them over.
PLACE_LIKE_A_COUNTRY = [
    {
        "document": {"path": "luxembourg.jsonl", "doc_id": "lookup-test-luxembourg", "published": "2026-04-07"},
        "entities": [
            {"name": "Luxembourg", "type": "Place", "aliases": [], "count": 1},
            {"name": "Luxembourg", "type": "Country", "aliases": ["Luxembourgish"], "count": 1},
            {"name": "Mireille Schaack", "type": "Person", "aliases": [], "count": 1},
            {"name": "Lina Jordan", "type": "Person", "aliases": [], "count": 1},
        ],
    },
    {
        "doc": "luxembourg.jsonl",
        "doc_id": "lookup-test-luxembourg",
        "subject": {"name": "Mireille Schaack", "type": "Person"},
        "predicate": "REPRESENTS",
        "object": {"name": "Luxembourg", "type": "Country"},
        "sentence": "Luxembourgish Foreign Minister Mireille Schaack spoke in Luxembourg.",
        "start": 0,
        "end": 68,
        "confidence": 0.9,
        "rule": "title.country",
    },
]


@pytest.fixture(scope="module")
def g(settings, tmp_path_factory):
    from kgbuild.graph import open_graph

    folder = tmp_path_factory.mktemp("lookup")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    facts = tmp_path_factory.mktemp("lookup-facts") / "luxembourg.jsonl"
    facts.write_text("".join(json.dumps(line) + "\n" for line in PLACE_LIKE_A_COUNTRY), encoding="utf-8")
    with open_graph(settings) as graph:
        GraphWriter(graph).delete_all()
        assert load([str(folder / name) for name in ARTICLES], graph).failed == 0
        assert load([str(facts)], graph, facts=True).failed == 0
        yield graph


def labels(graph, name: str) -> list[str]:
    return sorted(
        r["label"] for r in graph.read("MATCH (e {name: $name}) RETURN labels(e)[0] AS label", {"name": name})
    )


def test_a_surname_two_people_have_lists_both_and_says_what_tells_them_apart(g):
    with pytest.raises(ReportError) as e:
        find(g, "Okorie", "person")  # Wanjiku Okorie was also written 'Okorie': a part of her name, no answer
    assert str(e.value) == (
        "'Okorie' could be Chiamaka Okorie (Person, represents Nigeria, 1 article) or "
        "Wanjiku Okorie (Person, represents Kenya, 2 articles); give more of the name"
    )
    assert find(g, "Wanjiku Okorie")["name"] == "Wanjiku Okorie"
    assert find(g, "chiamaka okorie", "person")["name"] == "Chiamaka Okorie"


def test_the_cli_lists_the_candidates_on_one_line_and_exits_1(g, run):
    r = run("report", "profile", "--param", "name=Okorie")
    assert r.exit_code == 1 and len(r.output.splitlines()) == 1
    assert r.output.startswith("Error: 'Okorie' could be Chiamaka Okorie (Person, represents Nigeria, 1 article)")
    assert "Wanjiku Okorie (Person, represents Kenya, 2 articles)" in r.output and "Traceback" not in r.output
    r = run("report", "who-met-whom", "--param", "person=Okorie", "--cypher")
    assert r.exit_code == 1 and "could be Chiamaka Okorie" in r.output


def test_a_surname_known_alone_beside_the_full_names_is_one_of_the_candidates(g, tmp_path):
    path = tmp_path / "lund-alone.txt"
    path.write_text("Published on 2026-04-13\nMinister Lund said on Friday that the talks would resume.\n", "utf-8")
    load([str(path)], g)
    try:
        apart = g.read("MATCH (p:Person {key: 'person:lund'}) RETURN p.apart AS why")
        assert apart == [{"why": "Lund could be Karin Lund or Mette Lund"}]  # it stays apart
        with pytest.raises(ReportError) as e:
            find(g, "Lund")  # its whole name, but a surname beside the full names that end with it
        assert str(e.value) == (
            "'Lund' could be Karin Lund (Person, represents Sweden, 1 article), Lund (Person, 1 article, "
            "key person:lund) or Mette Lund (Person, represents Denmark, 1 article); give more of the name, "
            "or the key shown"
        )
        assert find(g, "person:lund")["name"] == "Lund"  # the key shown finds it alone
    finally:
        g.write(lambda tx: tx.execute("MATCH (p:Person {key: 'person:lund'}) DETACH DELETE p"))
        g.write(lambda tx: tx.execute("MATCH (d:Document) WHERE d.path ENDS WITH 'lund-alone.txt' DETACH DELETE d"))


def test_many_candidates_are_listed_one_a_line(g, run):
    r = run("report", "profile", "--param", "name=Omar")
    assert r.exit_code == 1
    assert r.output.splitlines() == [
        "Error: 'Omar' could be any of 5; give more of the name:",
        "  Omar Darwish (Person, represents Syria, 1 article)",
        "  Omar Haddad (Person, represents Jordan, 1 article)",
        "  Omar Jabouri (Person, represents Iraq, 1 article)",
        "  Omar Khalil (Person, represents Jordan, 1 article)",
        "  Omar Qassem (Person, represents Lebanon, 1 article)",
    ]
    assert find(g, "Omar Khalil", "person")["name"] == "Omar Khalil"


def test_a_country_is_the_country_not_a_place_of_its_name(g, run):
    assert labels(g, "Luxembourg") == ["Country", "Place"]
    assert find(g, "Luxembourg", "country")["key"] == "country:luxembourg"
    assert find(g, "Luxembourg", "entity")["key"] == "country:luxembourg"  # a place named like a country is it
    assert find(g, "Riga", "entity")["label"] == "Place"
    reps = run("report", "representatives", "--param", "country=Luxembourg", "--format", "json")
    assert reps.exit_code == 0, reps.output
    assert {r["person"] for r in json.loads(reps.stdout)} == {"Mireille Schaack"}
    profile = run("report", "profile", "--param", "name=luxembourg", "--format", "json")
    assert profile.exit_code == 0, profile.output
    assert {r["name"] for r in json.loads(profile.stdout)} == {"Luxembourg"}


def test_a_whole_name_answers_even_where_it_is_part_of_another(g):
    assert find(g, "Jordan")["key"] == "country:jordan"  # the country's name; only the surname of Lina Jordan
    assert find(g, "Jordan", "person")["name"] == "Lina Jordan"
    with pytest.raises(ReportError, match=r"could be Chiamaka Okorie .* or Wanjiku Okorie"):
        find(g, "Okorie")  # whole names of neither: a part of both


@pytest.mark.parametrize(
    ("typed", "person"),
    [
        ("Ba'adi", "Yael Ba'adi"),
        ("Baadi", "Yael Ba'adi"),
        ("Yael Baadi", "Yael Ba'adi"),
        ("Na'or", "Eliran Naor"),
        ("Eliran Na’or", "Eliran Naor"),
        ("El-Gendy", "Abdel Karim El-Gendy"),
        ("el-Gendy", "Abdel Karim El-Gendy"),
        ("Al-Gendy", "Abdel Karim El-Gendy"),
        ("al Gendy", "Abdel Karim El-Gendy"),
        ("Gendy", "Abdel Karim El-Gendy"),
        ("Abdel Karim el-Gendy", "Abdel Karim El-Gendy"),
        ("Kovalenskyy", "Bohdan Kovalensky"),
        ("Bohdan Kovalenskiy", "Bohdan Kovalensky"),
        ("Karaoglu", "Selin Karaoğlu"),
        ("KARAOĞLU", "Selin Karaoğlu"),
        ("Yildizoglu", "Emre Yıldızoğlu"),
        ("Emre Yildizoglu", "Emre Yıldızoğlu"),
        ("Yıldızoğlu", "Emre Yıldızoğlu"),
        ("Ferrer-Campos", "Lucia Ferrer-Campos"),
        ("Ferrer Campos", "Lucia Ferrer-Campos"),
        ("Campos", "Lucia Ferrer-Campos"),
    ],
)
def test_spellings_with_apostrophes_hyphens_particles_and_diacritics_find_the_person(g, typed, person):
    assert find(g, typed, "person")["name"] == person


def test_the_cli_finds_a_person_by_another_spelling(g, run):
    r = run("report", "who-met-whom", "--param", "person=Al-Gendy", "--format", "json")
    assert r.exit_code == 0, r.output
    assert {(m["person"], m["counterpart"]) for m in json.loads(r.stdout)} == {("Abdel Karim El-Gendy", "Eliran Naor")}


def test_a_name_that_fits_nothing_still_suggests_the_closest(g, run):
    r = run("report", "profile", "--param", "name=Kovalenski Bohdan")
    assert r.exit_code == 1
    assert r.output.startswith(
        "Error: no entity named 'Kovalenski Bohdan' in the graph; did you mean Bohdan Kovalensky"
    )
    r = run("report", "who-met-whom", "--param", "person=Okorei")
    assert r.exit_code == 1 and r.output.startswith("Error: no one named 'Okorei' in the graph; did you mean")
