"""kgbuild's rules and knowledge as data: every word list, cue and confidence the extractor reads.

The JSON files in `kgbuild/data/` (or, file by file, in the folder `KGBUILD_DATA` names) are
read once per process and checked against the shapes below; a file that does not fit stops
kgbuild with one line naming the file and the entry (`DataError`).  Extraction stages take what
they need when they are built (`Rules.words("meetings", "verbs")`, `Rules.confidence("met.subject_object")`); after the
pipeline is built, `Rules.check_all_read()` reports any entry no stage asked for, so a
misspelt or forgotten entry is an error, not a silent no-op.

Knowledge (countries, organisations, places, known people) and rules (grammar words, role
words, meeting cues, confidences) are kept apart: `known` facts are those that need the
knowledge files rather than the text.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import DataError
from .names import fold, translit_key

ENTITY_TYPES = ("Person", "Country", "Organization", "Place")

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
        "regional_roles": "roles",
        "city_roles": "roles",
    },
}
REQUIRED_KINDS = ("envoy", "adviser", "spokesperson", "leader", "kin")


def data_file(name: str):
    """Where data file `name` is read from: the folder KGBUILD_DATA names, if it has one, else kgbuild's own."""
    override = os.environ.get("KGBUILD_DATA")
    if override and (Path(override).expanduser() / name).is_file():
        return Path(override).expanduser() / name
    return resources.files("kgbuild.data").joinpath(name)


def data_path(name: str) -> str:
    return str(data_file(name))


def read_data(name: str) -> dict:
    """One data file as JSON, or a DataError that names it."""
    try:
        value = json.loads(data_file(name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{data_path(name)}: cannot be read ({e}); reinstall kgbuild") from None
    except json.JSONDecodeError as e:
        raise DataError(f"{data_path(name)}: not valid JSON at line {e.lineno} ({e.msg}); fix the file") from None
    if not isinstance(value, dict):
        raise DataError(f"{data_path(name)}: must hold a JSON object")
    return value


def _fail(where: str, entry: str, problem: str):
    raise DataError(f"{where}: entry {entry!r} {problem}")


def _words(where: str, entry: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        _fail(where, entry, "must be a list of non-empty strings")
    return value


def _object(where: str, entry: str, value) -> dict:
    if not isinstance(value, dict):
        _fail(where, entry, "must be a JSON object")
    return value


@dataclass
class Confidence:
    value: float
    requires: float | None = None


@dataclass
class Rules:
    """Lookup tables built once from the data files."""

    country_names: dict[str, str] = field(default_factory=dict)  # folded alias -> country
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> country
    seats: dict[str, str] = field(default_factory=dict)  # folded seat -> country
    orgs: dict[str, str] = field(default_factory=dict)  # folded alias -> organisation
    org_country: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # role phrase -> kind
    kinds: tuple[str, ...] = ()  # role kinds, strongest first
    person_aliases: dict[str, str] = field(default_factory=dict)  # translit key -> canonical
    person_country: dict[str, str] = field(default_factory=dict)  # canonical person -> known side
    entity_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (name, type)
    known_names: list[tuple[str, str, str]] = field(default_factory=list)  # (as written, canonical, type)
    places: frozenset = frozenset()
    offices: dict[str, str] = field(default_factory=dict)  # office phrase -> the country it names
    regions: dict[str, str] = field(default_factory=dict)  # folded name, alias or demonym -> region
    region_country: dict[str, str] = field(default_factory=dict)  # region -> its country
    within: dict[str, str] = field(default_factory=dict)  # folded place -> the place that contains it
    region_names: list[tuple[str, str, str]] = field(default_factory=list)  # (as written, region, label)
    _lists: dict[tuple[str, str], object] = field(default_factory=dict)
    _confidence: dict[str, Confidence] = field(default_factory=dict)
    _read: set = field(default_factory=set)

    def country(self, text: str) -> str | None:
        """The country a name, demonym or seat of government stands for."""
        f = fold(text)
        return self.country_names.get(f) or self.demonyms.get(f) or self.seats.get(f)

    def contains(self, outer: str, inner: str) -> bool:
        """Whether place `inner` lies in `outer` (or is it): Miami in Florida, the Kremlin in Russia."""
        target, cur, seen = fold(outer), fold(inner), set()
        while cur and cur not in seen:
            if cur == target:
                return True
            seen.add(cur)
            parent = self.within.get(cur)
            cur = fold(parent) if parent else None
        return False

    def country_keys(self, country: str) -> set[str]:
        """Every folded name a country goes by here: names, codes and demonyms ('us', 'usa', 'american')."""
        return {k for k, c in self.country_names.items() if c == country} | {
            k for k, c in self.demonyms.items() if c == country
        }

    def region(self, text: str) -> str | None:
        """The region below the state a name or adjective stands for ('Bavaria', 'Bavarian')."""
        return self.regions.get(fold(text))

    def organization(self, text: str) -> str | None:
        return self.orgs.get(fold(text))

    def known_country(self, name: str) -> str | None:
        """The side the knowledge files say a well-known person acts for."""
        known = self.entity_aliases.get(fold(name))
        return self.person_country.get(known[0]) if known else None

    def words(self, file: str, entry: str) -> frozenset[str]:
        """A word list of `file`.json (grammar, meetings, roles) as a set."""
        return frozenset(self.value(file, entry))

    def value(self, file: str, entry: str):
        try:
            value = self._lists[(file, entry)]
        except KeyError:
            raise DataError(
                f"{data_path(file + '.json')}: entry {entry!r} is missing; kgbuild's rules need it"
            ) from None
        self._read.add((file, entry))
        return value

    def confidence(self, rule: str) -> Confidence:
        found = self._confidence.get(rule)
        if found is None:
            raise DataError(f"{data_path('rules.json')}: no entry for rule {rule!r}; add one with a confidence")
        self._read.add(("rules", rule))
        return found

    def check_all_read(self) -> None:
        """Every list and confidence was asked for by some stage (else it is a typo or dead data)."""
        for file, entry in sorted(self._lists):
            if (file, entry) not in self._read:
                _fail(data_path(file + ".json"), entry, "is not something kgbuild reads; remove it or fix its name")
        for rule in sorted(self._confidence):
            if ("rules", rule) not in self._read:
                _fail(data_path("rules.json"), rule, "names no extraction rule; remove it or fix its name")


def _countries(rules: Rules) -> None:
    where = data_path("countries.json")
    for name, entry in _object(where, "countries", read_data("countries.json").get("countries")).items():
        entry = _object(where, name, entry)
        for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
            rules.country_names[fold(alias)] = name
        for d in _words(where, f"{name}.demonyms", entry.get("demonyms", [])):
            rules.demonyms[fold(d)] = name
        for s in _words(where, f"{name}.seats", entry.get("seats", [])):
            rules.seats[fold(s)] = name


def _organizations(rules: Rules) -> None:
    where = data_path("organizations.json")
    known = set(rules.country_names.values())
    for name, entry in _object(where, "organizations", read_data("organizations.json").get("organizations")).items():
        entry = _object(where, name, entry)
        for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
            rules.orgs[fold(alias)] = name
        country = entry.get("country")
        if country is not None and country not in known:
            _fail(where, f"{name}.country", f"names {country!r}, which is not in countries.json")
        rules.org_country[name] = country


def _aliases(rules: Rules) -> None:
    sources = [(data_path("aliases.json"), read_data("aliases.json"))]
    extra = os.environ.get("KGBUILD_ALIASES")
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
                _fail(where, f"{name}.type", f"must be one of {', '.join(ENTITY_TYPES)}")
            for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
                rules.entity_aliases[fold(alias)] = (name, etype)
                rules.known_names.append((alias, name, etype))
                if etype == "Person":
                    rules.person_aliases[translit_key(alias)] = name
            country = entry.get("country")
            if country:
                if country not in known:
                    _fail(where, f"{name}.country", f"names {country!r}, which is not in countries.json")
                rules.person_country[name] = country


def _shaped(rules: Rules, file: str) -> None:
    where = data_path(file + ".json")
    for entry, value in read_data(file + ".json").items():
        if entry != "_about":
            rules._lists[(file, entry)] = _shape(where, entry, value, SHAPES[file].get(entry, "words"), rules)


def _shape(where: str, entry: str, value, shape: str, rules: Rules):
    if shape == "words":
        return _words(where, entry, value)
    if shape == "text":
        if not isinstance(value, str) or not value.strip():
            _fail(where, entry, "must be a non-empty string")
        return value
    if shape == "regex":
        try:
            return re.compile(value, re.IGNORECASE)
        except (re.error, TypeError) as e:
            _fail(where, entry, f"is not a regular expression ({e})")
    if shape == "pairs":
        if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
            _fail(where, entry, "must be a list of [word, word] pairs")
        return [tuple(_words(where, entry, p)) for p in value]
    if shape == "kinds":
        kinds = _object(where, entry, value)
        return {kind: _words(where, f"{entry}.{kind}", phrases) for kind, phrases in kinds.items()}
    if shape == "roles":
        for phrase in _words(where, entry, value):
            if phrase.lower() not in rules.roles:
                _fail(where, entry, f"names {phrase!r}, which roles.json's 'roles' does not list")
        return value
    if shape == "kinds-of-roles":
        for kind in _words(where, entry, value):
            if kind not in rules.kinds:
                _fail(where, entry, f"names kind {kind!r}, which roles.json's 'roles' does not define")
        return value
    raise ValueError(shape)


def _roles(rules: Rules) -> None:
    where = data_path("roles.json")
    kinds = _shape(where, "roles", read_data("roles.json").get("roles"), "kinds", rules)
    for kind in REQUIRED_KINDS:
        if kind not in kinds:
            _fail(where, f"roles.{kind}", "is missing; kgbuild's rules need this role kind")
    rules.kinds = tuple(kinds)
    rules._read.add(("roles", "roles"))
    for kind, phrases in kinds.items():
        for p in phrases:
            if p.lower() in rules.roles and rules.roles[p.lower()] != kind:
                _fail(where, f"roles.{kind}", f"repeats {p!r}, already a {rules.roles[p.lower()]!r} role")
            rules.roles[p.lower()] = kind
    _shaped(rules, "roles")


def _offices(rules: Rules) -> None:
    where = data_path("offices.json")
    known = set(rules.country_names.values())
    for country, phrases in _object(where, "offices", read_data("offices.json").get("offices")).items():
        if country not in known:
            _fail(where, country, "is not a country in countries.json")
        for phrase in _words(where, country, phrases):
            rules.offices[phrase.lower()] = country


def _places(rules: Rules) -> None:
    where = data_path("places.json")
    data = read_data("places.json")
    rules.places = frozenset(fold(p) for p in _words(where, "places", data.get("places")))
    for place, parent in _object(where, "within", data.get("within", {})).items():
        if not isinstance(parent, str) or not parent.strip():
            _fail(where, f"within.{place}", "must name the place that contains it")
        rules.within[fold(place)] = parent
    for seat, country in rules.seats.items():
        rules.within.setdefault(seat, country)
    for region in rules.regions.values():
        rules.within.setdefault(fold(region), rules.region_country[region])


def _regions(rules: Rules) -> None:
    where = data_path("regions.json")
    known = set(rules.country_names.values())
    for name, entry in _object(where, "regions", read_data("regions.json").get("regions")).items():
        entry = _object(where, name, entry)
        for country in [entry.get("country"), *entry.get("countries", [])]:
            if country is not None and country not in known:
                _fail(where, f"{name}.country", f"names {country!r}, which is not in countries.json")
        rules.region_country[name] = entry.get("country")
        for alias in [name, *_words(where, f"{name}.aliases", entry.get("aliases", []))]:
            rules.regions[fold(alias)] = name
            rules.region_names.append((alias, name, "GPE"))
        for demonym in _words(where, f"{name}.demonyms", entry.get("demonyms", [])):
            rules.regions.setdefault(fold(demonym), name)
            rules.region_names.append((demonym, name, "NORP"))


def _confidences(rules: Rules) -> None:
    where = data_path("rules.json")
    for rule, entry in _object(where, "rules", read_data("rules.json").get("rules")).items():
        entry = _object(where, rule, entry)
        conf, req = entry.get("confidence"), entry.get("requires")
        if not isinstance(conf, (int, float)) or isinstance(conf, bool) or not 0 < conf <= 1:
            _fail(where, rule, "needs a confidence between 0 (exclusive) and 1")
        if req is not None and (not isinstance(req, (int, float)) or not 0 <= req <= 1):
            _fail(where, f"{rule}.requires", "must be a number between 0 and 1")
        rules._confidence[rule] = Confidence(float(conf), None if req is None else float(req))


@cache
def load_rules() -> Rules:
    """The rules and knowledge of this installation, checked (cached per process)."""
    rules = Rules()
    _countries(rules)
    _organizations(rules)
    _aliases(rules)
    _roles(rules)
    _shaped(rules, "grammar")
    _shaped(rules, "meetings")
    _confidences(rules)
    _offices(rules)
    _regions(rules)
    _places(rules)
    _places(rules)
    return rules
