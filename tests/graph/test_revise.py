"""One person, one node, whatever order the articles come in: a surname written before the full name
is merged into it after the load; a surname two people of the graph could have stays apart, saying why."""

from __future__ import annotations

from kgbuild.loader import load

SURNAME_FIRST = (
    "Published on 2026-05-04\nNigerian Foreign Minister Okonjo met Estonian Foreign Minister Kadri Saar "
    "in Tallinn on Monday.\n"
)
FULL_NAME = (
    "Published on 2026-05-06\nNigerian Foreign Minister Adaeze Okonjo met Latvian Foreign Minister "
    "Ilze Berzina in Riga on Wednesday.\n"
)
NAMESAKE = (
    "Published on 2026-05-07\nNigerian Trade Minister Chidi Okonjo met Ghanaian Trade Minister "
    "Kwame Asante in Accra on Thursday.\n"
)


def people(graph) -> list[tuple]:
    rows = graph.read(
        "MATCH (p:Person) OPTIONAL MATCH (p)-[r:MET_WITH]-(o:Person) "
        "RETURN p.name AS name, p.apart AS apart, collect(DISTINCT o.name) AS met ORDER BY name"
    )
    return [(r["name"], r["apart"], sorted(r["met"])) for r in rows]


def articles(tmp_path, *texts: str) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_surname_loaded_before_its_full_name_is_merged_into_it(empty_graph, tmp_path):
    first, second = articles(tmp_path, SURNAME_FIRST, FULL_NAME)
    assert load([first], empty_graph).merged == 0
    later = load([second], empty_graph)
    assert later.merged == 1 and "merged 1 person into their full names" in later.line()
    reversed_order = people(empty_graph)
    names = [name for name, _, _ in reversed_order]
    assert "Okonjo" not in names and "Adaeze Okonjo" in names
    met = {name: met for name, _, met in reversed_order}
    assert met["Adaeze Okonjo"] == ["Ilze Berzina", "Kadri Saar"]
    aliases = empty_graph.read("MATCH (p:Person {name: 'Adaeze Okonjo'}) RETURN p.aliases AS a, p.merged AS m")[0]
    assert "Okonjo" in aliases["a"] and aliases["m"] == ["person:okonio"]  # its key: transliteration-folded
    evidence = empty_graph.read(
        "MATCH (:Person {name: 'Adaeze Okonjo'})-[r:MET_WITH]-(:Person {name: 'Kadri Saar'}) "
        "MATCH (e:Evidence {fact: r.key}) RETURN r.articles AS articles, count(e) AS n"
    )
    assert evidence == [{"articles": 1, "n": 1}]
    meetings = empty_graph.read(
        "MATCH (:Person {name: 'Adaeze Okonjo'})-[:ATTENDED]->(m:Meeting)<-[:SLOT_OF]-(s:Slot) "
        "RETURN m.place AS place, collect(s.key) AS slots ORDER BY place"
    )
    assert [(m["place"], sorted(m["slots"])[0].split("|")[0]) for m in meetings] == [
        ("Riga", "person:adaeze okonio"),
        ("Tallinn", "person:adaeze okonio"),
    ]
    assert not empty_graph.read("MATCH (s:Slot) WHERE s.key STARTS WITH 'person:okonio|' RETURN s.key")

    empty_graph.write(lambda tx: tx.execute("MATCH (n) DETACH DELETE n"))
    load([second, first], empty_graph)  # the full name first: the surname joins it as it is written
    assert people(empty_graph) == reversed_order


def test_a_surname_two_people_could_have_joins_the_one_of_its_side_or_stays_apart(empty_graph, tmp_path):
    paths = articles(tmp_path, FULL_NAME, NAMESAKE.replace("Nigerian Trade", "Kenyan Trade"), SURNAME_FIRST)
    assert load(paths[:2], empty_graph).merged == 0
    assert load(paths[2:], empty_graph).merged == 1  # the Nigerian Okonjo: the one representing Nigeria
    assert "Okonjo" not in [name for name, _, _ in people(empty_graph)]

    empty_graph.write(lambda tx: tx.execute("MATCH (n) DETACH DELETE n"))
    load(articles(tmp_path, FULL_NAME, NAMESAKE, SURNAME_FIRST), empty_graph)
    found = {name: apart for name, apart, _ in people(empty_graph)}
    assert found["Okonjo"] == "Okonjo could be Adaeze Okonjo or Chidi Okonjo"


def test_a_merged_meeting_keeps_one_relationship_per_pair(empty_graph, tmp_path):
    again = FULL_NAME.replace(
        "Latvian Foreign Minister Ilze Berzina in Riga", "Estonian Foreign Minister Kadri Saar in Tallinn"
    ).replace("2026-05-06", "2026-05-08")
    load(articles(tmp_path, SURNAME_FIRST), empty_graph)
    load([_write(tmp_path, "again.txt", again)], empty_graph)
    rows = empty_graph.read(
        "MATCH (a:Person)-[r:MET_WITH]-(b:Person {name: 'Kadri Saar'}) RETURN a.name AS a, r.articles AS articles"
    )
    assert rows == [{"a": "Adaeze Okonjo", "articles": 2}]  # one relationship, both articles, whichever direction


def _write(folder, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_meetings_a_merge_of_names_makes_one_become_one_node(empty_graph, tmp_path):
    tallinn = "Estonian Foreign Minister Kadri Saar in Tallinn on Monday.\n"
    first = _write(tmp_path, "a.txt", "Published on 2026-05-04\nNigerian Foreign Minister Okonjo met " + tallinn)
    second = _write(
        tmp_path, "b.txt", "Published on 2026-05-05\nNigerian Foreign Minister Adaeze Okonjo met " + tallinn
    )
    third = _write(
        tmp_path, "c.txt", "Published on 2026-05-06\nAdaeze Okonjo, Nigeria's foreign minister, met " + tallinn
    )
    load([first], empty_graph)
    summary = load([second], empty_graph)
    assert summary.merged == 1 and "and 1 meeting(s) into the one they repeat" in summary.line()
    load([third], empty_graph)
    rows = empty_graph.read("MATCH (m:Meeting) RETURN m.date AS date, m.articles AS articles")
    assert rows == [{"date": "2026-05-04", "articles": 3}]
    slots = empty_graph.read("MATCH (s:Slot)-[:SLOT_OF]->(:Meeting) RETURN s.key AS key ORDER BY key")
    assert all(not r["key"].startswith("person:okonio|") for r in slots)
