"""Names across documents: variants join, different people stay apart."""

from datetime import date

from kgbuild.names import entity_key, person_key, translit_key
from kgbuild.resolve import Resolver
from kgbuild.resolve.dates import resolve_date


def test_transliteration_variants_share_a_key():
    for a, b in [
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy", "Zelensky"),
        ("Dmitriy Peskov", "Dmitry Peskov"),
        ("Kirill Dmitriyev", "Kirill Dmitriev"),
        ("Mykhailo Podoliak", "Mykhailo Podolyak"),
        ("Yury Ushakov", "Yuri Ushakov"),
    ]:
        assert translit_key(a) == translit_key(b), (a, b)
    assert translit_key("George W. Bush") == translit_key("George Bush")


def test_person_keys_drop_particles_initials_and_nicknames():
    for a, b in [
        ("Hassan El-Amrani", "Hassan al-Amrani"),
        ("El-Amrani", "Amrani"),
        ("Al-Amrani", "al Amrani"),
        ("Nadia Sa'adi", "Nadia Saadi"),
        ("Tom Harwell", "Thomas R. Harwell"),
        ("Bill Okafor", "William Okafor"),
        ("Greta von Aschberg", "Greta Von Aschberg"),
        ("Von Aschberg", "Aschberg"),
    ]:
        assert person_key(a) == person_key(b), (a, b)
    for a, b in [
        ("Al Brenner", "Brenner"),  # a given name that is also a particle stays a given name
        ("Ben Ashdown", "Ashdown"),
        ("Marie Le Gall", "Yves Le Gall"),
        ("Park Ji-woo", "Park Ji-hoon"),
        ("R.K. Mehra", "Mehra"),  # initials alone are a given name
    ]:
        assert person_key(a) != person_key(b), (a, b)


def test_resolver_merges_variants_and_keeps_namesakes_apart():
    r = Resolver()
    assert r.canonical("Zelenskyy", "Person") == "Volodymyr Zelensky"
    assert r.canonical("Anna Kowalczyk", "Person") == "Anna Kowalczyk"
    assert r.canonical("Anna Kowalczyc", "Person") == "Anna Kowalczyk"
    assert r.canonical("Piotr Kowalczyk", "Person") == "Piotr Kowalczyk"
    assert r.canonical("U.S.", "Country") == "United States"
    assert r.canonical("Kremlin", "Organization") == "Kremlin"
    assert entity_key("Volodymyr Zelenskiy", "Person") == entity_key("Volodymyr Zelensky", "Person")


def test_surname_alone_resolves_only_when_unambiguous():
    r = Resolver()
    r.canonical("Maria Novak", "Person")
    assert r.canonical("Novak", "Person") == "Maria Novak"
    r.canonical("Jan Novak", "Person")
    assert r.canonical("Novak", "Person") == "Novak"


def test_a_surname_two_people_have_is_not_given_to_the_one_once_written_so():
    r = Resolver()
    assert r.canonical("Wanjiku Okorie", "Person") == "Wanjiku Okorie"
    assert r.canonical("Okorie", "Person") == "Wanjiku Okorie"  # the one Okorie known so far
    assert r.canonical("Chiamaka Okorie", "Person") == "Chiamaka Okorie"
    assert r.canonical("Okorie", "Person") == "Okorie"  # now two could be it


def test_dates_resolve_against_publication_date():
    sat = date(2025, 11, 29)  # a Saturday
    assert resolve_date("Saturday", sat) == "2025-11-29"
    assert resolve_date("on Friday", sat) == "2025-11-28"
    assert resolve_date("Tuesday", sat, "planned") == "2025-12-02"
    assert resolve_date("December 1", sat, "planned") == "2025-12-01"
    assert resolve_date("yesterday", sat) == "2025-11-28"
    assert resolve_date("next week", sat) is None
    assert resolve_date("Saturday", None) is None
    assert resolve_date("March 3, 2024", None) == "2024-03-03"


def test_a_date_without_a_year_takes_the_year_of_the_publication_date():
    assert resolve_date("February 12", date(2012, 2, 20)) == "2012-02-12"
    assert resolve_date("26 March", date(2014, 3, 27)) == "2014-03-26"
    assert resolve_date("December 30", date(2026, 1, 4)) == "2025-12-30"  # across the new year, in the past
    assert resolve_date("January 3", date(2025, 12, 30), "planned") == "2026-01-03"  # and planned ahead
    assert resolve_date("26 March", None) is None  # nothing to take a year from


def test_suffixes_stay_in_names_and_do_not_hide_the_surname():
    r = Resolver()
    assert r.canonical("Ramon Castillo Jr.", "Person") == "Ramon Castillo Jr."
    assert r.canonical("Castillo", "Person") == "Ramon Castillo Jr."
    assert r.canonical("Ramon Castillo", "Person") == "Ramon Castillo Jr."
    assert r.canonical("Ramon Castillo Sr.", "Person") == "Ramon Castillo Sr."  # the father is someone else


def test_a_revision_does_not_merge_across_sides_and_follows_chains():
    from kgbuild.graph.revise import _to_the_end, decide

    found = [
        {"key": "person:okonjo", "name": "Okonjo", "aliases": [], "sides": ["country:nigeria"]},
        {"key": "person:chidi okonjo", "name": "Chidi Okonjo", "aliases": [], "sides": ["country:kenya"]},
    ]
    assert decide(found, {"person:okonjo"}) == ([], [{"key": "person:okonjo", "why": "Okonjo could be Chidi Okonjo"}])
    found[1]["sides"] = []
    assert decide(found, {"person:okonjo"})[0] == [("person:okonjo", "person:chidi okonjo")]
    assert _to_the_end([("person:a", "person:b"), ("person:b", "person:c")]) == [
        ("person:a", "person:c"),
        ("person:b", "person:c"),
    ]


def test_a_fathers_name_is_not_a_surname():
    assert person_key("Adel ibn Saleh al-Dosari") == person_key("Adel bin Saleh Al-Dosari")
    r = Resolver()
    assert r.canonical("Faisal bin Nawaf", "Person") == "Faisal bin Nawaf"
    assert r.canonical("Nawaf", "Person") == "Nawaf"  # the father, not the son
    from kgbuild.graph.revise import decide

    found = [
        {"key": "person:nawaf", "name": "Nawaf", "aliases": [], "sides": []},
        {"key": "person:bin nawaf", "name": "bin Nawaf", "aliases": [], "sides": []},
        {"key": "person:faisal bin nawaf", "name": "Faisal bin Nawaf", "aliases": [], "sides": []},
    ]
    assert decide(found, {"person:nawaf", "person:bin nawaf"})[0] == [("person:bin nawaf", "person:faisal bin nawaf")]
