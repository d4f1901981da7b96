"""The graph writer on a real embedded server: idempotent merges, kept evidence, atomic batches."""

from __future__ import annotations

from kgbuild import catalog
from kgbuild.documents import Document
from kgbuild.loader import load
from kgbuild.pipeline import extract
from kgbuild.store import GraphWriter


def snapshot(graph) -> tuple:
    nodes = graph.read("MATCH (n) RETURN n.key AS key, n.doc_id AS doc, properties(n) AS props ORDER BY key, doc")
    rels = graph.read("MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.doc_id) AS a, type(r) AS t, "
                      "coalesce(b.key, b.doc_id) AS b, properties(r) AS props ORDER BY a, t, b")
    return nodes, rels


def test_loading_twice_leaves_the_graph_identical(empty_graph, seed_paths):
    first = load(seed_paths, empty_graph)
    assert first.written == len(seed_paths) and first.facts > 0
    before = snapshot(empty_graph)
    again = load(seed_paths, empty_graph)
    assert again.written == 0 and again.skipped == len(seed_paths)
    forced = load(seed_paths, empty_graph, force=True)
    assert forced.written == len(seed_paths)
    assert snapshot(empty_graph) == before


def test_facts_keep_sources_sentences_and_best_confidence(empty_graph, seed_paths):
    load(seed_paths, empty_graph)
    rows = empty_graph.read(
        "MATCH (a:Person {name: 'Kirill Dmitriev'})-[r:MET_WITH]-(b:Person {name: 'Steve Witkoff'}) "
        "RETURN r.sources AS sources, r.sentences AS sentences, r.sentence_docs AS docs, r.confidence AS c, "
        "r.status AS status")
    assert len(rows) == 1
    r = rows[0]
    assert len(r["sources"]) == 2  # two articles report the Miami talks
    assert len(r["sentences"]) == len(r["docs"]) >= 2
    assert r["status"] == "held" and r["c"] >= 0.8


def test_new_articles_merge_into_existing_entities(empty_graph, tmp_path):
    a = Document("a.txt", "Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Tuesday.",
                 published="2025-12-03")
    b = Document("b.txt", "Zelenskyy said Witkoff and Putin talked for five hours. Ukrainian President "
                          "Volodymyr Zelenskyy met German Chancellor Friedrich Merz in Berlin.", published="2025-12-04")
    writer = GraphWriter(empty_graph)
    writer.ensure_schema()
    writer.write(list(extract([a])))
    writer.write(list(extract([b])))
    people = {r["name"]: r for r in empty_graph.read(
        "MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases")}
    assert "Steve Witkoff" in people and "Witkoff" not in people
    assert "Volodymyr Zelensky" in people
    assert "Volodymyr Zelenskyy" in people["Volodymyr Zelensky"]["aliases"]
    docs = empty_graph.read("MATCH (d:Document)-[:MENTIONS]->(p:Person {name: 'Vladimir Putin'}) "
                            "RETURN count(d) AS n")
    assert docs[0]["n"] == 2


def test_a_failed_batch_writes_nothing(empty_graph):
    doc = Document("c.txt", "Swiss President Karin Keller-Sutter met Italian Prime Minister Giorgia Meloni.")
    x = list(extract([doc]))
    GraphWriter(empty_graph).ensure_schema()
    statement = catalog.write("document")
    rows = [{"doc_id": doc.doc_id, "path": doc.path, "title": None, "url": None, "source": None,
             "published": None, "chars": 1, "loaded_at": "now"}]

    def half_then_fail(tx):
        tx.run(statement, {"rows": rows}).consume()
        raise RuntimeError("stop half-way")

    try:
        empty_graph.write(half_then_fail)
    except RuntimeError:
        pass
    assert empty_graph.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 0
    GraphWriter(empty_graph).write(x)
    assert empty_graph.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 1
