"""Text is normalised before anything reads it: characters nobody can see never hide or fork a name."""

from __future__ import annotations

import json

import pytest

from kgbuild.documents import Document
from kgbuild.names import fold
from kgbuild.pipeline import extract
from kgbuild.text import clean_line, clean_text

CLEAN = (
    "US Special Envoy Steve Witkoff met Russian envoy Kirill Dmitriev in Miami on Saturday.\n"
    "Dmitriev said the talks with Witkoff had been useful."
)
INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
    "right-to-left override": "\u202e",
    "word joiner": "\u2060",
    "variation selector": "\ufe0f",
    "Hangul filler": "\u3164",
    "combining grapheme joiner": "\u034f",
}


def _facts(text: str) -> list[tuple]:
    (x,) = extract([Document(path="a.txt", text=text, published="2025-11-30")])
    return sorted((f.subject.name, f.predicate, f.object.name, f.start, f.sentence) for f in x.facts)


@pytest.fixture(scope="module")
def clean_facts():
    facts = _facts(CLEAN)
    assert ("Kirill Dmitriev", "MET_WITH", "Steve Witkoff") in {f[:3] for f in facts}
    return facts


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_character_inside_a_name_changes_no_fact(char, clean_facts):
    text = CLEAN.replace("Dmitriev", f"Dmit{char}riev").replace("Witkoff met", f"Wit{char}koff met")
    assert _facts(text) == clean_facts


def test_a_no_break_space_between_names_is_a_space(clean_facts):
    assert _facts(CLEAN.replace("Kirill Dmitriev", "Kirill\u00a0Dmitriev")) == clean_facts


def test_the_normal_form():
    assert clean_text("a\u200bb\u00adc\r\nd\u2028e\x1b[1mf\u00a0g\u3000h") == "abc\nd\ne[1mf g h"
    assert clean_line("  Kirill \u200b Dmit\u2060riev \n") == "Kirill Dmitriev"
    assert fold("Dmit\u200briev") == fold("Dmitriev") == "dmitriev"


def test_a_hand_off_name_is_normalised_too(tmp_path):
    from kgbuild.handoff import read_facts

    line = {
        "doc": "a.txt",
        "doc_id": "d1",
        "subject": {"name": "Kirill Dmit\u200briev\x1b[31m", "type": "Person"},
        "predicate": "MET_WITH",
        "object": {"name": "Steve\u00a0Witkoff", "type": "Person"},
        "sentence": "Witkoff met Dmitriev.",
        "start": 0,
        "end": 21,
        "confidence": 0.9,
        "rule": "met",
    }
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    ((_, found),) = list(read_facts([str(path)]))
    assert (found.facts[0].subject.name, found.facts[0].object.name) == ("Kirill Dmitriev[31m", "Steve Witkoff")
