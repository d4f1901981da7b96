"""The Name keys of an entity: every folded form under which the graph's `Name` index finds it.

An entity is reachable from `(:Name {key})-[:NAMES]->(entity)` for each key: its graph key, its
folded name and aliases (and their plain-Latin spellings: Yıldız as Yildiz), a person's
transliteration key, surname (a surname of several words as one key too), given name and "given
surname" and the surname block resolution searches spelling variants in, a country's codes and
demonyms, an organisation's aliases.  Lookups (`kgbuild.graph.lookup`) fold what a user types
the same way.
"""

from __future__ import annotations

from ..names import (
    entity_key,
    fold,
    latin,
    name_words,
    particles,
    person_key,
    person_words,
    surname_block,
    translit_key,
)
from ..records import Entity, Extraction
from ..rules import Rules, load_rules


def index(extractions: list[Extraction], rules: Rules | None = None) -> None:
    """Give every entity of these extractions its Name keys, the places meetings are held in included
    (a place that names a country is that country), and each report the key of its place."""
    rules = rules or load_rules()
    for x in extractions:
        places = _places(x, rules)
        for r in x.reports:
            r.place_key = entity_key(*places[r.place]) if r.place else None
        for e in x.entities:
            e.keys = name_keys(e, rules)


def _places(x: Extraction, rules: Rules) -> dict[str, tuple[str, str]]:
    """(name, type) of each place the document's facts are qualified with, added to its entities."""
    seen = {(e.name, e.type): e for e in x.entities}
    out = {}
    for f in x.facts:
        if f.place and f.place not in out:
            country = rules.country_names.get(fold(f.place))  # the country's name, not its capital
            out[f.place] = (country, "Country") if country else (f.place, "Place")
            if out[f.place] not in seen:
                seen[out[f.place]] = Entity(*out[f.place])
                x.entities.append(seen[out[f.place]])
    return out


def name_keys(entity: Entity, rules: Rules | None = None) -> list[str]:
    """The Name keys that find `entity`."""
    rules = rules or load_rules()
    keys = {entity_key(entity.name, entity.type)}
    texts = [entity.name, *entity.aliases]
    texts += [plain for plain in dict.fromkeys(map(latin, texts)) if plain not in texts]  # Yıldız: Yildiz too
    for text in texts:
        keys.add(fold(text))
    if entity.type == "Country":
        keys |= rules.country_keys(entity.name)
    elif entity.type == "Organization":
        keys |= {k for k, org in rules.orgs.items() if org == entity.name}
    elif entity.type == "Person":
        keys |= _person_keys(texts, rules)
        keys.add(_block(entity.name, rules))
    return sorted(k for k in keys if k)


def _person_keys(texts: list[str], rules: Rules) -> set[str]:
    """Transliteration keys, and the surname, given name and 'given surname' of each spelling, and a
    surname of several words as one key ('Lopez-Garcia', 'De Saint-Aubin' as 'saint aubin')."""
    skip = {fold(w) for w in rules.words("grammar", "name_suffixes")} | particles()
    keys = set()
    for text in texts:
        words = [w for w in person_words(text) if w not in skip and len(w) > 1]
        keys |= {translit_key(text), person_key(text)}
        keys |= set(words)
        if len(words) > 1:
            keys.add(f"{words[0]} {words[-1]}")
        written = text.split()
        while len(written) > 1 and fold(written[-1]) in skip:
            written.pop()
        if len(written) > 1:
            keys.add(person_key(written[-1]))
    return keys


def _block(name: str, rules: Rules) -> str:
    """The surname block the resolver looks spelling variants of this person's name up under."""
    words = name_words(name, {fold(w) for w in rules.words("grammar", "name_suffixes")})
    return surname_block(words[-1]) if len(words) > 1 else ""
