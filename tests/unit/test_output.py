"""Tables: columns line up in terminal columns, long text wraps inside its column, the rest is cut."""

from __future__ import annotations

from kgbuild.output import END, START, WHOLE, WRAP, kind_of, render, text_width

ROWS = [
    {
        "person": "Mira Tallis",
        "sentence": "Envoys met twice in the capital and agreed to talk again next week.",
        "n": 3,
    },
    {"person": "Oksana Veremchuk-Dalgaard of the Delegation", "sentence": "Brief.", "n": 12},
    {"person": "王小明", "sentence": "Talks in 北京 ended.", "n": None},
]


def test_every_line_fits_and_columns_start_at_the_same_terminal_column():
    lines = render(ROWS, width=60).splitlines()
    assert all(text_width(line) <= 60 for line in lines)
    start = lines[0].index("sentence")
    for fragment in ("Envoys", "Brief.", "Talks in"):  # the third row's name is three wide characters
        line = next(x for x in lines if fragment in x)
        assert text_width(line[: line.index(fragment)]) == start


def test_long_text_wraps_and_names_are_cut_with_an_ellipsis():
    lines = render(ROWS, width=60).splitlines()
    assert any("Oksana Veremchuk" in line and "…" in line for line in lines)
    words = " ".join(line[line.index("Envoys") :] if "Envoys" in line else "" for line in lines)
    assert "Envoys met" in words
    wrapped = [line for line in lines if line.startswith(" ") and line.strip()]
    assert len(wrapped) >= 1 and "next week." in "\n".join(lines)


def test_a_word_longer_than_its_column_is_folded_not_lost():
    word = "x" * 70
    text = render([{"sentence": word}], width=60)
    assert "".join(line.strip() for line in text.splitlines()[2:]) == word


def test_wide_shows_every_character_on_one_line():
    lines = render(ROWS, width=60, wide=True).splitlines()
    assert len(lines) == 2 + len(ROWS)
    assert "Oksana Veremchuk-Dalgaard of the Delegation" in lines[3]
    assert text_width("王小明") == 6 and text_width("é") == 1 and text_width("e\u0301") == 1


# Rows as the reports give them for tests/data/corpus (evidence with no publication date, as an article
# without one gives), and two counterparts of one person who met the same day at the same place.
SOURCES = [
    {
        "title": "Norway and Iceland open fisheries talks in Oslo",
        "published": "2026-03-02",
        "path": "tests/data/corpus/2026-03-02-oslo.txt",
        "entities": 7,
        "facts": 5,
        "meetings": 1,
        "doc_id": "772fb385d7d67bfa63b72355c908830fd75ee599031c0dc9b23608b7fc75b8a2",
    },
    {
        "title": "Canada joins Arctic fisheries consultations",
        "published": "2026-03-05",
        "path": "tests/data/corpus/2026-03-05-tromso.txt",
        "entities": 12,
        "facts": 13,
        "meetings": 2,
        "doc_id": "167ff2e28062b60777dff6264a1b568942ad9b33bb88b986bad9b0b9405c53a2",
    },
    {
        "title": "Arctic talks: Ottawa meeting held",
        "published": "2026-03-14",
        "path": "tests/data/corpus/wire.jsonl:1",
        "entities": 6,
        "facts": 5,
        "meetings": 1,
        "doc_id": "628d48c9a78c4d8512b531d5259c6417bf8e05bc313afa38cd689ad5cb1e1e2c",
    },
]
EVIDENCE = [
    {
        "subject": "Paul Ashworth",
        "relationship": "MET_WITH",
        "object": "Ragna Thorsdottir",
        "sentence": "Icelandic Foreign Minister Ragna Thorsdottir will meet Canadian Prime Minister Paul Ashworth in "
        "Ottawa on Friday, her office said.",
        "document": "Iceland's foreign minister to visit Ottawa",
        "date": "2026-03-13",
        "published": None,
        "confidence": 0.9,
        "basis": "text",
    },
    {
        "subject": "Ragna Thorsdottir",
        "relationship": "REPRESENTS",
        "object": "Iceland",
        "sentence": "Icelandic Foreign Minister Ragna Thorsdottir met Canadian Prime Minister Paul Ashworth in Ottawa "
        "on Friday.",
        "document": "tests/data/corpus/wire.jsonl:1",
        "date": "2026-03-13",
        "published": None,
        "confidence": 0.9,
        "basis": "text",
    },
]
MET = [
    {
        "person": "Antony Blinken",
        "counterpart": counterpart,
        "status": "held",
        "places": ["Geneva"],
        "dates": ["2023-10-16"],
        "articles": 2,
        "confidence": 0.9,
        "basis": "text",
    }
    for counterpart in ("Sergei Lavrov", "Sergei Ryabkov")
]
MET_TWICE = {
    "person": "Paul Ashworth",
    "counterpart": "Ragna Thorsdottir",
    "status": "held",
    "places": ["Ottawa"],
    "dates": ["2026-03-13", "2026-03-14"],
    "articles": 2,
    "confidence": 0.9,
    "basis": "text",
}


def fits(text: str, width: int) -> str:
    assert max(text_width(line) for line in text.splitlines()) <= width
    return text


def test_sources_at_80_and_100_keep_dates_and_ids_whole_and_cut_paths_at_their_start():
    assert fits(render(SOURCES, width=80), 80) == (
        "title          published   path             entit…  facts  meeti…  doc_id\n"
        "─────────────  ──────────  ───────────────  ──────  ─────  ──────  ─────────────\n"
        "Norway and     2026-03-02  …03-02-oslo.txt  7       5      1       772fb385d7d6…\n"
        "Iceland open\n"
        "fisheries\n"
        "talks in Oslo\n"
        "Canada joins   2026-03-05  …-05-tromso.txt  12      13     2       167ff2e28062…\n"
        "Arctic\n"
        "fisheries\n"
        "consultations\n"
        "Arctic talks:  2026-03-14  …s/wire.jsonl:1  6       5      1       628d48c9a78c…\n"
        "Ottawa\n"
        "meeting held"
    )
    assert fits(render(SOURCES, width=100), 100) == (
        "title                 published   path                      entities  facts  meetings  doc_id\n"
        "────────────────────  ──────────  ────────────────────────  ────────  ─────  ────────  ─────────────\n"
        "Norway and Iceland    2026-03-02  …pus/2026-03-02-oslo.txt  7         5      1         772fb385d7d6…\n"
        "open fisheries talks\n"
        "in Oslo\n"
        "Canada joins Arctic   2026-03-05  …s/2026-03-05-tromso.txt  12        13     2         167ff2e28062…\n"
        "fisheries\n"
        "consultations\n"
        "Arctic talks: Ottawa  2026-03-14  …ata/corpus/wire.jsonl:1  6         5      1         628d48c9a78c…\n"
        "meeting held"
    )


def test_evidence_at_100_leaves_out_the_empty_column_and_gives_the_sentence_the_room():
    assert fits(render(EVIDENCE, width=100), 100) == (
        "subject   relations…  object    sentence                     document      date        confi…  basis\n"
        "────────  ──────────  ────────  ───────────────────────────  ────────────  ──────────  ──────  ─────\n"
        "Paul As…  MET_WITH    Ragna T…  Icelandic Foreign Minister   Iceland's     2026-03-13  0.9     text\n"
        "                                Ragna Thorsdottir will meet  foreign\n"
        "                                Canadian Prime Minister      minister to\n"
        "                                Paul Ashworth in Ottawa on   visit Ottawa\n"
        "                                Friday, her office said.\n"
        "Ragna T…  REPRESENTS  Iceland   Icelandic Foreign Minister   …ire.jsonl:1  2026-03-13  0.9     text\n"
        "                                Ragna Thorsdottir met\n"
        "                                Canadian Prime Minister\n"
        "                                Paul Ashworth in Ottawa on\n"
        "                                Friday."
    )


def test_evidence_at_80_still_shows_every_date_and_relation_whole():
    lines = fits(render(EVIDENCE, width=80), 80).splitlines()
    assert "published" not in lines[0]
    rows = [line for line in lines if line.startswith(("Paul", "Ragna"))]
    assert len(rows) == 2 and "  MET_WITH  " in rows[0] and "  REPRESENTS  " in rows[1]
    assert all("  2026-03-13  " in row for row in rows)
    assert "  …re.jsonl:1  " in rows[1]  # the document's path, cut at its start


def test_who_met_whom_at_80_tells_counterparts_apart_and_keeps_dates_whole():
    assert fits(render(MET, width=80), 80) == (
        "person    counterpart     status  plac…  dates       articles  confidence  basis\n"
        "────────  ──────────────  ──────  ─────  ──────────  ────────  ──────────  ─────\n"
        "Antony …  Sergei Lavrov   held    Gene…  2023-10-16  2         0.9         text\n"
        "Antony …  Sergei Ryabkov  held    Gene…  2023-10-16  2         0.9         text"
    )
    # at 60 the counterpart is cut, but not so far that the two rows look the same
    rows = fits(render(MET, width=60), 60).splitlines()[2:]
    assert rows[0] != rows[1] and [r.split()[1] for r in rows] == ["Sergei", "Sergei"]
    assert {r.split()[2] for r in rows} == {"L…", "R…"}


def test_who_met_whom_at_100_folds_a_list_of_dates_between_its_items():
    assert fits(render([*MET, MET_TWICE], width=100), 100) == (
        "person          counterpart        status  places  dates        articles  confidence  basis\n"
        "──────────────  ─────────────────  ──────  ──────  ───────────  ────────  ──────────  ─────\n"
        "Antony Blinken  Sergei Lavrov      held    Geneva  2023-10-16   2         0.9         text\n"
        "Antony Blinken  Sergei Ryabkov     held    Geneva  2023-10-16   2         0.9         text\n"
        "Paul Ashworth   Ragna Thorsdottir  held    Ottawa  2026-03-13;  2         0.9         text\n"
        "                                                   2026-03-14"
    )


def test_columns_are_known_by_name_or_else_by_what_they_hold():
    assert kind_of("published", []).cut == kind_of("first_seen", ["2025-11-30", ""]).cut == WHOLE
    assert kind_of("type", ["Person"]).cut == kind_of("rel", ["MET_WITH"]).cut == kind_of("n", ["12", "0.5"]).cut
    assert kind_of("source", ["examples/geneva.txt", "https://example.org/a"]).cut == START
    assert kind_of("source", ["Example Wire"]).cut == END  # an outlet's name, not a path
    assert kind_of("sentence", []).slack and kind_of("title", []).cut == WRAP
