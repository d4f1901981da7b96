"""Which reports are one meeting, without a graph: reports grouped by sentence, rounds told apart."""

from kgbuild.records import EntityRef, Fact
from kgbuild.resolve.meetings import MeetingBook, reports


def met(a: str, b: str, sentence: str, start: int, place: str | None = "Lisbon", day: str | None = None) -> Fact:
    return Fact(
        EntityRef(a, "Person"),
        "MET_WITH",
        EntityRef(b, "Person"),
        sentence,
        start,
        start + len(sentence),
        0.9,
        "met.subject_object",
        place=place,
        date=day,
        status="held",
    )


def test_two_meetings_told_in_two_sentences_are_two_reports_and_one_sentence_one():
    one = "Ana Duarte met Kofi Mensah in Lisbon."
    two = "Ana Duarte also met Lena Vogt in Lisbon."
    found = reports([met("Ana Duarte", "Kofi Mensah", one, 0), met("Ana Duarte", "Lena Vogt", two, 40)])
    assert sorted(r.people for r in found) == [["Ana Duarte", "Kofi Mensah"], ["Ana Duarte", "Lena Vogt"]]
    both = "Ana Duarte met Kofi Mensah and Lena Vogt in Lisbon."
    again = "Kofi Mensah and Ana Duarte spoke for an hour."
    found = reports(
        [
            met("Ana Duarte", "Kofi Mensah", both, 0),
            met("Ana Duarte", "Lena Vogt", both, 0),
            met("Ana Duarte", "Kofi Mensah", again, 60),
        ]
    )
    assert [r.people for r in found] == [["Ana Duarte", "Kofi Mensah", "Lena Vogt"]]


def test_a_second_round_is_not_the_first_and_joins_the_dated_second_round():
    book = MeetingBook([])
    first = reports([met("Ana Duarte", "Kofi Mensah", "Ana Duarte met Kofi Mensah in Lisbon.", 0)])[0]
    second = reports(
        [met("Ana Duarte", "Kofi Mensah", "Ana Duarte held a second round of talks with Kofi Mensah in Lisbon.", 0)]
    )[0]
    assert (first.occasion, second.occasion) == (None, 2)
    m1, _ = book.meeting(first, "doc-1")
    m2, why2 = book.meeting(second, "doc-2")
    assert m1 is not m2 and why2 == "new"  # wholly undated both, but only one says which round
    dated = reports(
        [
            met(
                "Kofi Mensah",
                "Ana Duarte",
                "Kofi Mensah and Ana Duarte met for a second round in Lisbon on Friday.",
                0,
                day="2026-03-06",
            )
        ],
        published="2026-03-07",
    )[0]
    m3, why3 = book.meeting(dated, "doc-3")
    assert m3 is m2 and why3 == "same round and place" and m3.date == "2026-03-06"
    same_day = reports(
        [met("Ana Duarte", "Kofi Mensah", "A week after their first meeting, they met in Lisbon.", 0, day="2026-03-06")]
    )[0]
    assert book.meeting(same_day, "doc-4") == (m3, "same date")  # the calendar decides, not the ordinal
    third = reports([met("Ana Duarte", "Kofi Mensah", "Their third meeting took place in Lisbon.", 0)])[0]
    assert book.meeting(third, "doc-5")[0] is not m3  # undated: a third meeting is not the second
