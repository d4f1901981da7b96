"""One bad input never sinks the others: each is skipped with one warning, the rest are written."""

from __future__ import annotations

from kgbuild import pipeline
from kgbuild.documents import Document
from kgbuild.extract import RelationExtractor
from kgbuild.loader import load
from kgbuild.pipeline import extract, pieces
from kgbuild.resolve import Resolver


def run(*texts: str) -> tuple[list, list]:
    problems = []
    docs = [Document(path=f"{i}.txt", text=t, published="2025-11-29") for i, t in enumerate(texts)]
    return list(extract(docs, on_problem=problems.append)), problems


def test_names_that_fold_to_nothing_are_not_people():
    out, problems = run(
        "US envoy J. met Russian President A in Kyiv. Officials said f and Q. attended.",
        'Minister "." met President "-" in Kyiv on Monday.',
    )
    assert not problems and len(out) == 2
    people = {e.name for x in out for e in x.entities if e.type == "Person"}
    assert not {"J.", "A", "f", "Q."} & people
    assert Resolver().canonical("J.", "Person") == "J."


def test_a_name_longer_than_any_name_is_not_a_person():
    giant = " ".join(["Alexandrovich"] * 2000)
    out, problems = run(f"Foreign Minister {giant} met US envoy Steve Witkoff in Geneva.")
    assert not problems
    assert all(len(e.name) <= 80 for x in out for e in x.entities if e.type == "Person")


def test_a_document_that_fails_is_skipped_and_the_others_are_kept(monkeypatch):
    real = RelationExtractor.read

    def read(self, doc):
        if "Ruritania" in doc.text:
            raise RuntimeError("boom")
        return real(self, doc)

    monkeypatch.setattr(RelationExtractor, "read", read)
    out, problems = run(
        "Czech President Petr Pavel met Slovak President Peter Pellegrini in Prague.",
        "The Ruritanian envoy Rudolf Rassendyll met the King of Ruritania.",
        "Irish Taoiseach Micheal Martin met British Prime Minister Keir Starmer in Dublin.",
    )
    assert [x.document.path for x in out] == ["0.txt", "2.txt"]
    assert len(problems) == 1 and problems[0].path == "1.txt"
    assert "extraction failed (RuntimeError: boom)" in problems[0].reason


def test_load_writes_every_other_document_when_one_fails(monkeypatch, empty_graph, tmp_path):
    real = RelationExtractor.read

    def read(self, doc):
        if "Ruritania" in doc.text:
            raise ValueError("bad")
        return real(self, doc)

    monkeypatch.setattr(RelationExtractor, "read", read)
    for name, text in (
        ("a.txt", "Czech President Petr Pavel met Slovak President Peter Pellegrini in Prague."),
        ("b.txt", "The envoy of Ruritania arrived."),
        ("c.txt", "Irish Taoiseach Micheal Martin met British Prime Minister Keir Starmer."),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    warnings = []
    summary = load([str(tmp_path)], empty_graph, on_problem=warnings.append)
    assert (summary.read, summary.written, summary.failed) == (3, 2, 1)
    assert [w.path for w in warnings] == [str(tmp_path / "b.txt")]
    titles = {r["path"] for r in empty_graph.read("MATCH (d:Document) RETURN d.path AS path")}
    assert titles == {str(tmp_path / "a.txt"), str(tmp_path / "c.txt")}


def test_pieces_cut_at_line_breaks_and_cover_the_text():
    text = "\n".join(f"Line {i} of a long article." for i in range(400))
    got = list(pieces(text, 1000))
    assert "".join(p for _, p, _ in got) == text
    assert all(len(p) <= 1000 for _, p, _ in got) and [last for *_, last in got].count(True) == 1
    assert all(text[o : o + len(p)] == p for o, p, _ in got)
    assert all(p.endswith("\n") for _, p, last in got if not last)
    assert next(iter(pieces("x" * 2500, 1000)))[1] == "x" * 1000  # no break at all: a hard cut


def test_long_texts_are_read_in_pieces_with_offsets_into_the_whole(monkeypatch):
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 300)
    filler = "The weather in the region stayed mild for the season.\n" * 20
    tail = "Czech President Petr Pavel met Slovak President Peter Pellegrini in Prague on Friday."
    text = filler + tail
    (x,), problems = run(text)
    assert not problems
    met = [f for f in x.facts if f.predicate == "MET_WITH"]
    assert met and text[met[0].start : met[0].end].strip() == met[0].sentence
    assert met[0].sentence == tail
