"""The graph writer on a real embedded server, with the test corpus: idempotent merges, kept
evidence, atomic batches, new articles merging into what is there."""

from __future__ import annotations

import contextlib

from conftest import CORPUS, resolved
from kgbuild.documents import Document, read_documents
from kgbuild.graph import catalog, lookup
from kgbuild.graph.writer import GraphWriter
from kgbuild.loader import load
from kgbuild.pipeline import extract
from kgbuild.resolve import Resolver


def snapshot(graph) -> tuple:
    nodes = graph.read("MATCH (n) RETURN n.key AS key, n.doc_id AS doc, properties(n) AS props ORDER BY key, doc")
    rels = graph.read(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.doc_id) AS a, type(r) AS t, "
        "coalesce(b.key, b.doc_id) AS b, properties(r) AS props ORDER BY a, t, b"
    )
    return nodes, rels


def test_loading_twice_leaves_the_graph_identical(empty_graph):
    first = load([str(CORPUS)], empty_graph)
    assert first.written == 5 and first.facts > 0
    before = snapshot(empty_graph)
    again = load([str(CORPUS)], empty_graph)
    assert again.written == 0 and again.skipped == 5
    forced = load([str(CORPUS)], empty_graph, force=True)
    assert forced.written == 5
    assert snapshot(empty_graph) == before


def test_a_meeting_is_held_in_its_place_and_every_node_has_a_label(empty_graph):
    load([str(CORPUS)], empty_graph)
    placed = empty_graph.read(
        "MATCH (m:Meeting) WHERE m.place IS NOT NULL "
        "OPTIONAL MATCH (m)-[:HELD_IN]->(x) RETURN m.place AS place, x.name AS name, labels(x) AS labels"
    )
    assert placed
    for row in placed:
        assert row["labels"] and set(row["labels"]) & {"Place", "Country"}, row
        assert row["name"] == row["place"], row
    assert empty_graph.read("MATCH (n) WHERE size(labels(n)) = 0 RETURN count(n) AS n")[0]["n"] == 0


def test_facts_keep_their_evidence_and_its_aggregates(empty_graph):
    load([str(CORPUS)], empty_graph)
    rows = empty_graph.read(
        "MATCH (a:Person {name: 'Paul Ashworth'})-[r:MET_WITH]-(b:Person {name: 'Ragna Thorsdottir'}) "
        "MATCH (d:Document)-[:STATES]->(e:Evidence {fact: r.key}) "
        "RETURN r.articles AS articles, r.evidence AS evidence, r.confidence AS c, r.status AS status, "
        "r.places AS places, r.first_date AS first, r.last_date AS last, r.rules AS rules, "
        "collect(e.sentence) AS sentences, collect(DISTINCT d.doc_id) AS docs"
    )
    assert len(rows) == 1
    r = rows[0]
    assert r["articles"] == 2 and r["evidence"] == 2  # announced in one article, reported held in the next
    assert len(r["sentences"]) == 2 and len(r["docs"]) == 2
    assert r["status"] == "held" and r["c"] == 0.9 and r["places"] == ["Ottawa"]
    assert r["first"] == r["last"] == "2026-03-13"
    assert r["rules"] == ["met.subject_object"]


def test_force_takes_one_documents_evidence_off_and_recounts(empty_graph, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Published on 2026-03-10\nNorwegian Foreign Minister Eirik Vangen met Icelandic Foreign Minister "
        "Ragna Thorsdottir in Oslo on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Published on 2026-03-11\nRagna Thorsdottir, Iceland's foreign minister, met Norwegian Foreign Minister "
        "Eirik Vangen in Oslo on Tuesday, her office said.\n",
        encoding="utf-8",
    )
    load([str(tmp_path)], empty_graph)
    query = "MATCH (:Person)-[r:MET_WITH]->(:Person) RETURN r.articles AS articles, r.evidence AS evidence"
    assert empty_graph.read(query) == [{"articles": 2, "evidence": 2}]
    load([str(tmp_path / "b.txt")], empty_graph, force=True)
    assert empty_graph.read(query) == [{"articles": 2, "evidence": 2}]
    assert empty_graph.read("MATCH (e:Evidence) RETURN count(e) AS n") == [{"n": 2 + 4}]  # MET_WITH, REPRESENTS


def test_new_articles_merge_into_existing_entities(empty_graph):
    writer = GraphWriter(empty_graph)
    writer.ensure_schema()
    writer.write(
        resolved(
            empty_graph,
            extract(
                [
                    Document(
                        "a.txt",
                        "Norwegian Foreign Minister Eirik Vangen met Icelandic "
                        "Foreign Minister Ragna Thorsdottir in Oslo.",
                    )
                ]
            ),
        )
    )
    writer.write(
        resolved(
            empty_graph,
            extract(
                [
                    Document(
                        "b.txt",
                        "Thorsdottir later met Canadian envoy Marc Delorme. "
                        "Foreign Minister Ragna Thorsdottír flew home.",
                    )
                ]
            ),
        )
    )
    people = {r["name"]: r for r in empty_graph.read("MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases")}
    assert set(people) == {"Eirik Vangen", "Ragna Thorsdottir", "Marc Delorme"}
    assert {"Thorsdottir", "Ragna Thorsdottír"} <= set(people["Ragna Thorsdottir"]["aliases"])
    n = empty_graph.read("MATCH (d:Document)-[:MENTIONS]->(p:Person {name: 'Ragna Thorsdottir'}) RETURN count(d) AS n")
    assert n[0]["n"] == 2


def test_a_failed_batch_writes_nothing(empty_graph):
    doc = Document("c.txt", "Swiss President Anna Keller met Italian Prime Minister Marco Bianchi.")
    x = list(extract([doc]))
    GraphWriter(empty_graph).ensure_schema()
    statement = catalog.write("document")
    rows = [
        {
            "doc_id": doc.doc_id,
            "path": doc.path,
            "title": None,
            "url": None,
            "source": None,
            "published": None,
            "chars": 1,
            "loaded_at": "now",
        }
    ]

    def half_then_fail(tx):
        tx.execute(statement, {"rows": rows})
        raise RuntimeError("stop half-way")

    with contextlib.suppress(RuntimeError):
        empty_graph.write(half_then_fail)
    assert empty_graph.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 0
    GraphWriter(empty_graph).write(resolved(empty_graph, x))
    assert empty_graph.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 1


def test_basis_is_kept_and_text_wins(empty_graph, tmp_path):
    known = tmp_path / "known.txt"
    known.write_text("Putin said the talks in Geneva were useful.", encoding="utf-8")
    stated = tmp_path / "stated.txt"
    stated.write_text("Russian President Vladimir Putin said on Friday the talks were useful.", encoding="utf-8")
    load([str(known)], empty_graph)
    query = (
        "MATCH (:Person {name: 'Vladimir Putin'})-[r:REPRESENTS]->(:Country {name: 'Russia'}) "
        "RETURN r.basis AS basis, r.confidence AS c"
    )
    assert empty_graph.read(query) == [{"basis": "known", "c": 0.5}]
    load([str(stated)], empty_graph)
    assert empty_graph.read(query) == [{"basis": "text", "c": 0.9}]


def test_text_only_load_writes_no_known_fact(empty_graph, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Putin said the talks were useful. Norwegian Foreign Minister Ola Eide disagreed.", encoding="utf-8"
    )
    load([str(article)], empty_graph, text_only=True)
    rows = empty_graph.read("MATCH (p:Person)-[r:REPRESENTS]->(c) RETURN p.name AS p, r.basis AS b")
    assert rows == [{"p": "Ola Eide", "b": "text"}]


def test_a_later_load_resolves_against_the_graph_by_name_keys(empty_graph, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Norwegian Foreign Minister Eirik Vangen met Icelandic Foreign Minister Ragna Thorsdottir in Oslo.\n",
        encoding="utf-8",
    )
    load([str(tmp_path / "a.txt")], empty_graph)
    (tmp_path / "b.txt").write_text(
        "Norwegian Foreign Minister Vangen met Canadian envoy Marc Delorme in Ottawa. "
        "Ragna Thorsdotir, Iceland's foreign minister, flew home.\n",
        encoding="utf-8",
    )
    asked: list[list[str]] = []

    def known(keys):
        asked.append(keys)
        return lookup.entities_named(empty_graph, keys)

    resolver = Resolver(known=known)
    found = list(extract(read_documents([str(tmp_path / "b.txt")]), resolver))
    people = {e.name for x in found for e in x.entities if e.type == "Person"}
    assert people == {"Eirik Vangen", "Ragna Thorsdottir", "Marc Delorme"}  # a surname, and a spelling variant
    assert len(asked) == 1 and "vangen" in asked[0] and "~th" in asked[0]  # one lookup, by Name keys only
    resolver.fetch([("Vangen", "Person"), ("Marc Delorme", "Person")])
    assert len(asked) == 1  # keys are looked up once
