"""Each data file read and checked into the tables of `Rules`: its shape (below), and that what it
names exists (a country an organisation speaks for, a role a kind lists).  A file that does not
fit stops kgbuild with one line naming the file and the entry (`DataError`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import DataError
from ..names import fold, person_key
from ..records import ENTITY_TYPES

if TYPE_CHECKING:
    from . import Rules


@dataclass
class Confidence:
    value: float
    requires: float | None = None


# The rule files' entries are lists of words, except those named here: "text" a string, "regex"
# a regular expression, "pairs" a list of two-word lists, "kinds" an object of lists of words,
# "kinds-of-roles" a list of role kinds.  Which entries must exist is up to the stages that ask
# for them (`Rules.words`); which may exist, too (`Rules.check_all_read`).
SHAPES = {
    "grammar": {"weak_dates": "regex"},
    "meetings": {"meet_verb": "text", "cancelled_phrasal": "pairs"},
    "roles": {
        "roles": "kinds",
        "side_kinds": "kinds-of-roles",
        "principal_side_kinds": "kinds-of-roles",
        "lending_kinds": "kinds-of-roles",
        "portfolio_kinds": "kinds-of-roles",
        "regional_roles": "roles",
        "city_roles": "roles",
        "government_offices": "kinds",
    },
}
REQUIRED_KINDS = ("envoy", "adviser", "spokesperson", "leader", "kin")


def fail(where: str, entry: str, problem: str):
    raise DataError(f"{where}: entry {entry!r} {problem}")


def _words(where: str, entry: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        fail(where, entry, "must be a list of non-empty strings")
    return value


def _object(where: str, entry: str, value) -> dict:
    if not isinstance(value, dict):
        fail(where, entry, "must be a JSON object")
    return value


def load_countries(rules: Rules) -> None:
    where = rules.path("countries.json")
    for name, entry in _object(where, "countries", rules.read("countries.json").get("countries")).items():
        entry = _object(where, name, entry)
        aliases = [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]
        demonyms = _words(where, f"{name}.demonyms", entry.get("demonyms", []))
        seats = _words(where, f"{name}.seats", entry.get("seats", []))
        for alias in aliases:
            rules.country_names[fold(alias)] = name
        for d in demonyms:
            rules.demonyms[fold(d)] = name
        for s in seats:
            rules.seats[fold(s)] = name
        rules.country_forms += [("GPE", a, name) for a in aliases] + [("GPE", s, s) for s in seats]
        rules.country_forms += [("NORP", d, name) for d in demonyms]


def load_organizations(rules: Rules) -> None:
    where = rules.path("organizations.json")
    known = set(rules.country_names.values())
    for name, entry in _object(where, "organizations", rules.read("organizations.json").get("organizations")).items():
        entry = _object(where, name, entry)
        for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
            rules.orgs[fold(alias)] = name
            rules.org_forms.append(("ORG", alias, name))
        country = entry.get("country")
        if country is not None and country not in known:
            fail(where, f"{name}.country", f"names {country!r}, which is not in countries.json")
        rules.org_country[name] = country


def load_aliases(rules: Rules) -> None:
    sources = [(rules.path("aliases.json"), rules.read("aliases.json"))]
    extra = rules.knowledge.aliases
    if extra:
        try:
            with open(extra, encoding="utf-8") as f:
                sources.append((extra, json.load(f)))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise DataError(f"{extra} (KGBUILD_ALIASES): cannot be read as JSON ({e}); fix or unset it") from None
    known = set(rules.country_names.values())
    for where, data in sources:
        entities = _object(where, "entities", data.get("entities") if isinstance(data, dict) else None)
        for name, entry in entities.items():
            entry = _object(where, name, entry)
            etype = entry.get("type", "Person")
            if etype not in ENTITY_TYPES:
                fail(where, f"{name}.type", f"must be one of {', '.join(ENTITY_TYPES)}")
            for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
                rules.entity_aliases[fold(alias)] = (name, etype)
                rules.known_names.append((alias, name, etype))
                if etype == "Person":
                    rules.person_aliases[person_key(alias)] = name
            country = entry.get("country")
            if country:
                if country not in known:
                    fail(where, f"{name}.country", f"names {country!r}, which is not in countries.json")
                rules.person_country[name] = country


def load_shaped(rules: Rules, file: str) -> None:
    where = rules.path(file + ".json")
    for entry, value in rules.read(file + ".json").items():
        if entry != "_about":
            rules._lists[(file, entry)] = _shape(where, entry, value, SHAPES[file].get(entry, "words"), rules)


def _shape(where: str, entry: str, value, shape: str, rules: Rules):
    if shape == "words":
        return _words(where, entry, value)
    if shape == "text":
        if not isinstance(value, str) or not value.strip():
            fail(where, entry, "must be a non-empty string")
        return value
    if shape == "regex":
        try:
            return re.compile(value, re.IGNORECASE)
        except (re.error, TypeError) as e:
            fail(where, entry, f"is not a regular expression ({e})")
    if shape == "pairs":
        if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
            fail(where, entry, "must be a list of [word, word] pairs")
        return [tuple(_words(where, entry, p)) for p in value]
    if shape == "kinds":
        kinds = _object(where, entry, value)
        return {kind: _words(where, f"{entry}.{kind}", phrases) for kind, phrases in kinds.items()}
    if shape == "roles":
        for phrase in _words(where, entry, value):
            if phrase.lower() not in rules.roles:
                fail(where, entry, f"names {phrase!r}, which roles.json's 'roles' does not list")
        return value
    if shape == "kinds-of-roles":
        for kind in _words(where, entry, value):
            if kind not in rules.kinds:
                fail(where, entry, f"names kind {kind!r}, which roles.json's 'roles' does not define")
        return value
    raise ValueError(shape)


def load_roles(rules: Rules) -> None:
    where = rules.path("roles.json")
    kinds = _shape(where, "roles", rules.read("roles.json").get("roles"), "kinds", rules)
    for kind in REQUIRED_KINDS:
        if kind not in kinds:
            fail(where, f"roles.{kind}", "is missing; kgbuild's rules need this role kind")
    rules.kinds = tuple(kinds)
    rules._read.add(("roles", "roles"))
    for kind, phrases in kinds.items():
        for p in phrases:
            if p.lower() in rules.roles and rules.roles[p.lower()] != kind:
                fail(where, f"roles.{kind}", f"repeats {p!r}, already a {rules.roles[p.lower()]!r} role")
            rules.roles[p.lower()] = kind
    load_shaped(rules, "roles")


def load_offices(rules: Rules) -> None:
    where = rules.path("offices.json")
    known = set(rules.country_names.values())
    for country, phrases in _object(where, "offices", rules.read("offices.json").get("offices")).items():
        if country not in known:
            fail(where, country, "is not a country in countries.json")
        for phrase in _words(where, country, phrases):
            rules.offices[phrase.lower()] = country


def load_places(rules: Rules) -> None:
    where = rules.path("places.json")
    data = rules.read("places.json")
    places = _words(where, "places", data.get("places"))
    rules.places = frozenset(fold(p) for p in places)
    rules.place_forms = [("GPE", p, p) for p in places]
    for place, parent in _object(where, "within", data.get("within", {})).items():
        if not isinstance(parent, str) or not parent.strip():
            fail(where, f"within.{place}", "must name the place that contains it")
        rules.within[fold(place)] = parent
    for seat, country in rules.seats.items():
        rules.within.setdefault(seat, country)
    for region in rules.regions.values():
        rules.within.setdefault(fold(region), rules.region_country[region])


def load_regions(rules: Rules) -> None:
    where = rules.path("regions.json")
    known = set(rules.country_names.values())
    for name, entry in _object(where, "regions", rules.read("regions.json").get("regions")).items():
        entry = _object(where, name, entry)
        for country in [entry.get("country"), *entry.get("countries", [])]:
            if country is not None and country not in known:
                fail(where, f"{name}.country", f"names {country!r}, which is not in countries.json")
        rules.region_country[name] = entry.get("country")
        for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
            rules.regions[fold(alias)] = name
            rules.region_names.append((alias, name, "GPE"))
        for demonym in _words(where, f"{name}.demonyms", entry.get("demonyms", [])):
            rules.regions.setdefault(fold(demonym), name)
            rules.region_names.append((demonym, name, "NORP"))


def load_confidences(rules: Rules) -> None:
    where = rules.path("rules.json")
    for rule, entry in _object(where, "rules", rules.read("rules.json").get("rules")).items():
        entry = _object(where, rule, entry)
        conf, req = entry.get("confidence"), entry.get("requires")
        if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0 < conf <= 1:
            fail(where, rule, "needs a confidence between 0 (exclusive) and 1")
        if req is not None and (not isinstance(req, (int, float)) or not 0 <= req <= 1):
            fail(where, f"{rule}.requires", "must be a number between 0 and 1")
        rules._confidence[rule] = Confidence(float(conf), None if req is None else float(req))
