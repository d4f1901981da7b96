"""Tables: columns line up in terminal columns, long text wraps inside its column, the rest is cut."""

from __future__ import annotations

from kgbuild.output import render, text_width

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
