"""Reading the graph by name: entities by any unambiguous part of their name (for reports), and what
resolution needs to know of the graph (documents already loaded, entities and meetings near).

Every entity is reachable from `(:Name {key})-[:NAMES]->(entity)` for each key
`kgbuild.resolve.keys.name_keys` makes:
its graph key, its folded name and aliases, a person's transliteration key, surname, given name
and "given surname", a country's codes and demonyms.  A lookup folds what the user typed the
same way and follows those keys (an index seek each), so "Hnatov", "Zelenskyy", "Sa'ar",
"El-Sisi", "Karaoglu", "USA" and "American" find their entities at any graph size.

Which entity a name answers for is one rule, and the lookup never guesses beyond it:

    the text answers for an entity when it finds no other, or when that entity is the only one
    it finds whose name or alias the text is in full; otherwise it lists what it found and fails.

"In full" means the whole name as written (folded, transliterated and particles left out as Name
keys are), not a part of it: a person's alias that is only a surname or given name ("Okonjo" for
Adaeze Okonjo), and a person known only by the last words of another found person's name (a
surname node kept apart, "Obama", beside "Barack Obama"), name nobody in full.  So "Okonjo" with
two Okonjos lists both (and the surname node too, if one stayed apart), while "Jordan" answers
the country even though someone is surnamed Jordan.  What is found is first narrowed by kind: a
`country` parameter finds only countries, and any kind takes a Place named like a Country it also
found as that Country (a place named like a country is the country).  A list gives each entity's
type, the sides it represents (or another role), how many articles mention it, and its graph key
when no longer name can tell it apart; the graph key (`person:okonio`, as `--cypher` prints it)
always finds exactly one entity.  What matches nothing gets the closest names as suggestions.
"""

from __future__ import annotations

from collections import Counter

from ..errors import ReportError
from ..names import fold, latin, person_key, person_words, translit_key
from ..records import Meeting
from . import catalog
from .connection import Graph

KINDS = {"person": "Person", "country": "Country", "entity": None}  # report parameter type -> label
SUGGESTIONS = 3
SUGGEST_FROM = 50_000  # names read to suggest from, on that error only
INLINE = 3  # candidates listed on one line; more are listed one a line
LISTED = 8  # candidates listed (with what tells them apart) when a name fits more
PERSON = "person:"


def query_keys(text: str) -> list[str]:
    """The keys to look a typed name up under."""
    text = text.strip()
    keys = [text.lower()] if ":" in text else []  # a graph key as printed by `kgbuild report ... --cypher`
    return [*keys, *dict.fromkeys(k for s in dict.fromkeys((text, latin(text))) for k in _spellings(s, True) if k)]


def _spellings(text: str, person: bool) -> list[str]:
    """The folded forms a name is compared in: folded, transliterated, and a person's key."""
    return [fold(text), translit_key(text), *([person_key(text)] if person else [])]


def find(graph: Graph, text: str, kind: str = "entity") -> dict:
    """The one entity `text` names ({key, name, label}), or a ReportError that says why not (see the
    module's docstring for the rule)."""
    label = KINDS[kind]
    rows = [
        r
        for r in graph.read(catalog.internal("lookup-names"), {"keys": query_keys(text)})
        if label is None or r["label"] == label
    ]
    if not rows:
        raise ReportError(_not_found(graph, text, kind, label))
    rows = _places_as_countries(rows)
    fuller = {tuple(w[-n:]) for w in _person_words(rows) for n in range(1, len(w))}  # the ends of people's names
    named = rows if len(rows) == 1 else [r for r in rows if _in_full(text, r, fuller)]
    if len(named) == 1:
        return {k: named[0][k] for k in ("key", "name", "label")}
    raise ReportError(_several(graph, text, rows))


def _places_as_countries(rows: list[dict]) -> list[dict]:
    """The rows found, without a Place named like a Country found with it."""
    countries = {fold(n) for r in rows if r["label"] == "Country" for n in [r["name"], *(r["aliases"] or [])]}
    return [r for r in rows if r["label"] != "Place" or fold(r["name"]) not in countries]


def _person_words(rows: list[dict]) -> list[list[str]]:
    """The words of the keys of the people among these rows."""
    return [r["key"].removeprefix(PERSON).split() for r in rows if r["label"] == "Person"]


def _in_full(text: str, row: dict, fuller: set[tuple[str, ...]]) -> bool:
    """Whether `text` is the whole name or an alias of this row's entity, not a part of the name;
    `fuller` holds the last words of the other people found (a person whose key is one of them is
    known by a part of a fuller name)."""
    if text.strip().lower() == row["key"]:
        return True
    person = row["label"] == "Person"
    forms = [row["name"], *(row["aliases"] or [])]
    if person:
        if tuple(row["key"].removeprefix(PERSON).split()) in fuller:
            return False  # a surname known alone, beside a fuller name ending with it
        whole = set(person_words(row["name"]))
        forms = [f for f in forms if not set(person_words(f)) < whole]  # 'Okonjo' is part of 'Adaeze Okonjo'
    typed = {k for s in (text, latin(text)) for k in _spellings(s, person)} - {""}
    return any(typed & {k for s in (f, latin(f)) for k in _spellings(s, person)} for f in forms)


def _several(graph: Graph, text: str, rows: list[dict]) -> str:
    """The message for a name several entities fit: each with what tells it apart, on one line when
    they are few, one a line when more."""
    rows = sorted(rows, key=lambda r: (fold(r["name"]), r["label"], r["key"]))
    shown = rows[:LISTED]
    facts = {
        r["key"]: r for r in graph.read(catalog.internal("lookup-candidates"), {"keys": [r["key"] for r in shown]})
    }
    names = Counter(fold(r["name"]) for r in rows)
    keyed = {r["key"] for r in shown if names[fold(r["name"])] > 1 or fold(r["name"]) == fold(text)}
    items = [_describe(r, facts.get(r["key"], {}), r["key"] in keyed) for r in shown]
    hint = "give more of the name" + (", or the key shown" if keyed else "")
    if len(rows) <= INLINE:
        return f"{text!r} could be {', '.join(items[:-1])} or {items[-1]}; {hint}"
    more = [f"  and {len(rows) - len(shown)} more"] if len(rows) > len(shown) else []
    return "\n".join([f"{text!r} could be any of {len(rows)}; {hint}:", *(f"  {i}" for i in items), *more])


def _describe(row: dict, facts: dict, keyed: bool) -> str:
    """'Adaeze Okonjo (Person, represents Nigeria, 2 articles)': what tells one candidate apart."""
    parts = [row["label"]]
    sides, roles = sorted(set(facts.get("sides") or [])), sorted(set(facts.get("roles") or []))
    if sides:
        parts.append(
            "represents " + " and ".join(sides[:2]) + (f" and {len(sides) - 2} more" if len(sides) > 2 else "")
        )
    elif roles:
        kind, _, other = roles[0].partition(" ")
        parts.append(f"{kind.lower().replace('_', ' ')} {other}")
    n = facts.get("articles") or 0
    parts.append(f"{n} article{'' if n == 1 else 's'}")
    if keyed:
        parts.append(f"key {row['key']}")
    return f"{row['name']} ({', '.join(parts)})"


def _not_found(graph: Graph, text: str, kind: str, label: str | None) -> str:
    from rapidfuzz import fuzz, process

    rows = [
        r
        for r in graph.read(catalog.internal("entity-list"), {"limit": SUGGEST_FROM})
        if label is None or r["label"] == label
    ]
    if not rows:
        return (
            "the graph is empty; load articles first with `kgbuild load PATH`"
            if not label and is_empty(graph)
            else f"the graph holds no {kind}; load articles first with `kgbuild load PATH`"
        )
    names = sorted({r["name"] for r in rows})
    close = [
        name for name, score, _ in process.extract(text, names, scorer=fuzz.WRatio, limit=SUGGESTIONS) if score >= 70
    ]
    what = "no one" if kind == "person" else f"no {kind}"
    hint = f"; did you mean {' or '.join(close)}?" if close else "; `kgbuild report representatives` lists who is in it"
    return f"{what} named {text!r} in the graph{hint}"


def is_empty(graph: Graph) -> bool:
    """Whether no document has been loaded into the graph."""
    return not graph.read(catalog.internal("any-document"))


# -- what resolution reads ---------------------------------------------------------------------------


def known_documents(graph: Graph, doc_ids: list[str]) -> set[str]:
    """Which of these documents are in the graph already, with all their facts."""
    if not doc_ids:
        return set()
    return {r["doc_id"] for r in graph.read(catalog.internal("known-documents"), {"ids": list(doc_ids)})}


def entities_named(graph: Graph, keys: list[str]) -> list[tuple[str, str, list[str]]]:
    """(name, type, aliases) of the entities these Name keys lead to (a `Resolver`'s `known`)."""
    return [
        (r["name"], r["type"], r["aliases"] or [])
        for r in graph.read(catalog.internal("entities-named"), {"keys": keys})
        if r["type"]
    ]


def meetings_near(graph: Graph, slots: list[str], replacing: list[str] = ()) -> list[Meeting]:
    """The meetings found under these (person, day) slots, with their attendees' keys and the dates
    that place them in time (see `kgbuild.resolve.meetings`); with `replacing`, documents about to
    be written again, not the meetings only they report."""
    if not slots:
        return []
    rows = graph.read(catalog.internal("meetings-near"), {"slots": slots, "replacing": list(replacing)})
    return [meeting_of(r) for r in rows]


def meeting_of(row: dict) -> Meeting:
    """A Meeting from a row with its key, sides, place, dates, round and attendees' keys (`people`)."""
    return Meeting(
        row["key"],
        row["sides"] or [],
        row["sides_key"],
        row["place"],
        row["date"],
        set(row["people"] or []),
        row["first_published"],
        row["last_published"],
        row["occasion"],
    )
