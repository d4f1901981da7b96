"""Reading articles: clean text, metadata, ids, and problems for bad input."""

from __future__ import annotations

import json

from kgbuild.documents import read_documents
from kgbuild.records import Document, Problem, document_id


def read(*paths) -> list:
    return list(read_documents([str(p) for p in paths]))


def test_text_article_loses_clutter_and_keeps_title_and_dateline(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Skip to main content\n\nLeaders meet in Rome\n\nBy Jane Roe with AP\n\nPublished on 2025-03-04\n\n"
        "The two leaders met in Rome on Monday.\n\nShare.\n\nlike0\n\nSimilar news\n\n"
        "Another story about something else entirely.\n",
        encoding="utf-8",
    )
    (doc,) = read(f)
    assert isinstance(doc, Document)
    assert doc.title == "Leaders meet in Rome"
    assert doc.published == "2025-03-04"
    assert doc.text == "Leaders meet in Rome\nThe two leaders met in Rome on Monday."


def test_a_wire_dateline_with_a_year_is_the_publication_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Ministers meet in Bergen\n\nBERGEN, May 4, 2026 (Reuters) - The two foreign ministers met in Bergen on "
        "Saturday and agreed to meet again next month in Malmo, both ministries said afterwards.\n",
        encoding="utf-8",
    )
    (doc,) = read(f)
    assert doc.published == "2026-05-04"
    f.write_text("BERGEN, May 4 - The two foreign ministers met in Bergen on Saturday.\n", encoding="utf-8")
    (doc,) = read(f)
    assert doc.published is None  # no year, no publication date


def test_html_article_uses_metadata(tmp_path):
    f = tmp_path / "a.html"
    f.write_text(
        """<html><head><title>Envoys meet</title>
      <meta property="article:published_time" content="2025-06-01T09:00:00Z"></head>
      <body><nav>Home | World</nav><article><h1>Envoys meet in Oslo</h1>
      <p>The Norwegian foreign minister hosted both envoys in Oslo on Sunday for a long round of talks.</p>
      <p>Officials said the meeting lasted six hours and would continue next month in Geneva.</p></article>
      <footer>Share on X</footer></body></html>""",
        encoding="utf-8",
    )
    (doc,) = read(f)
    assert doc.published == "2025-06-01"
    assert doc.title == "Envoys meet in Oslo"
    assert "hosted both envoys" in doc.text and "Home | World" not in doc.text


def test_jsonl_one_article_a_line_with_bad_lines_reported(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(
        json.dumps(
            {
                "text": "First article text.",
                "title": "One",
                "published": "2025-01-02",
                "url": "https://example.org/1",
                "source": "Wire",
            }
        )
        + "\n"
        + "{not json\n"
        + json.dumps({"text": ""})
        + "\n"
        + json.dumps({"text": "Second article text."})
        + "\n",
        encoding="utf-8",
    )
    items = read(f)
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.title for d in docs] == ["One", None]
    assert docs[0].published == "2025-01-02" and docs[0].url == "https://example.org/1"
    assert [p.path for p in problems] == [f"{f}:2", f"{f}:3"]
    assert "not valid JSON" in problems[0].reason


def test_bad_inputs_become_problems(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    items = read(empty, binary, latin, tmp_path / "missing.txt")
    assert all(isinstance(i, Problem) for i in items)
    reasons = " | ".join(i.reason for i in items)
    assert "no article text" in reasons and "binary" in reasons and "not UTF-8" in reasons
    assert "no such file or folder" in reasons


def test_folders_are_read_recursively_and_ids_are_stable(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Title\n\nBody  text here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Body text\nhere.", encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    docs = read(tmp_path)
    assert [d.path.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "b.md"]
    assert document_id("Body  text\n here.") == document_id("Body text here.")
