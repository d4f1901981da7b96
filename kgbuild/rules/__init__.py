"""kgbuild's rules and knowledge as data: every word list, cue and confidence the extractor reads.

The JSON files in `kgbuild/data/` (or, file by file, in a folder of the user's own: `Knowledge`,
from `KGBUILD_DATA`, with extra aliases from `KGBUILD_ALIASES`) are read once per process for
each `Knowledge` and checked against their shapes (`files`); a file that does not fit stops
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
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import DataError
from ..names import fold, person_key
from .files import (
    Confidence,
    fail,
    load_aliases,
    load_confidences,
    load_countries,
    load_offices,
    load_organizations,
    load_places,
    load_regions,
    load_roles,
    load_shaped,
)
from .terms import Period, Terms, load_terms


@dataclass(frozen=True)
class Knowledge:
    """Where rules and knowledge come from besides kgbuild's own files: a folder of the user's own
    versions of data files (`data`, file by file) and a file of extra aliases (`aliases`)."""

    data: str | None = None
    aliases: str | None = None

    @classmethod
    def from_environment(cls) -> Knowledge:
        """KGBUILD_DATA and KGBUILD_ALIASES, read once where a command starts."""
        return cls(os.environ.get("KGBUILD_DATA") or None, os.environ.get("KGBUILD_ALIASES") or None)


def data_file(name: str, knowledge: Knowledge | None = None):
    """Where data file `name` is read from: the user's data folder, if it has one, else kgbuild's own."""
    folder = (knowledge or Knowledge.from_environment()).data
    if folder and (Path(folder).expanduser() / name).is_file():
        return Path(folder).expanduser() / name
    return resources.files("kgbuild.data").joinpath(name)


def data_path(name: str, knowledge: Knowledge | None = None) -> str:
    return str(data_file(name, knowledge))


def read_data(name: str, knowledge: Knowledge | None = None) -> dict:
    """One data file as JSON, or a DataError that names it."""
    where = data_path(name, knowledge)
    try:
        value = json.loads(data_file(name, knowledge).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{where}: cannot be read ({e}); reinstall kgbuild") from None
    except json.JSONDecodeError as e:
        raise DataError(f"{where}: not valid JSON at line {e.lineno} ({e.msg}); fix the file") from None
    if not isinstance(value, dict):
        raise DataError(f"{where}: must hold a JSON object")
    return value


@dataclass
class Rules:
    """Lookup tables built once from the data files."""

    knowledge: Knowledge = field(default_factory=Knowledge)
    country_names: dict[str, str] = field(default_factory=dict)  # folded alias -> country
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> country
    seats: dict[str, str] = field(default_factory=dict)  # folded seat -> country
    orgs: dict[str, str] = field(default_factory=dict)  # folded alias -> organisation
    org_country: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # role phrase -> kind
    kinds: tuple[str, ...] = ()  # role kinds, strongest first
    person_aliases: dict[str, str] = field(default_factory=dict)  # translit key -> canonical
    person_country: dict[str, str] = field(default_factory=dict)  # canonical person -> known side
    terms: Terms = field(default_factory=Terms)  # who held an office when (office_holders.json)
    entity_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (name, type)
    known_names: list[tuple[str, str, str]] = field(default_factory=list)  # (as written, canonical, type)
    places: frozenset = frozenset()
    offices: dict[str, str] = field(default_factory=dict)  # office phrase -> the country it names
    regions: dict[str, str] = field(default_factory=dict)  # folded name, alias or demonym -> region
    region_country: dict[str, str] = field(default_factory=dict)  # region -> its country
    within: dict[str, str] = field(default_factory=dict)  # folded place -> the place that contains it
    region_names: list[tuple[str, str, str]] = field(default_factory=list)  # (as written, region, label)
    # names as written for the gazetteer, (label, text, canonical): countries with their seats and
    # demonyms, known places, organisations
    country_forms: list[tuple[str, str, str]] = field(default_factory=list)
    place_forms: list[tuple[str, str, str]] = field(default_factory=list)
    org_forms: list[tuple[str, str, str]] = field(default_factory=list)
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

    def term_country(self, name: str, period: Period | None, titled: bool = False) -> str | None:
        """The country a person held an office of in the days an article speaks of (`period`), when
        aliases.json gives them no side: Angela Merkel in a 2012 article.  On a year in the text
        alone, only for someone `titled` there (see `terms`)."""
        if period is None or (not period.published and not titled) or self.known_country(name):
            return None
        term = self.terms.holding(name, period)
        return term.country if term else None

    def term_holder(self, name: str, period: Period | None) -> str | None:
        """The full name of the one office holder `name`, a part of that name, stands for on the
        article's publication date ('Bush' in 2005 is George W. Bush)."""
        if period is None or not period.published:
            return None
        term = self.terms.holding(name, period)
        shorter = term and len(person_key(name).split()) < len(person_key(term.person).split())
        return term.person if shorter else None

    def path(self, name: str) -> str:
        """Where data file `name` is read from, for messages."""
        return data_path(name, self.knowledge)

    def read(self, name: str) -> dict:
        return read_data(name, self.knowledge)

    def words(self, file: str, entry: str) -> frozenset[str]:
        """A word list of `file`.json (grammar, meetings, roles) as a set."""
        return frozenset(self.value(file, entry))

    def value(self, file: str, entry: str):
        try:
            value = self._lists[(file, entry)]
        except KeyError:
            raise DataError(
                f"{self.path(file + '.json')}: entry {entry!r} is missing; kgbuild's rules need it"
            ) from None
        self._read.add((file, entry))
        return value

    def confidence(self, rule: str) -> Confidence:
        found = self._confidence.get(rule)
        if found is None:
            raise DataError(f"{self.path('rules.json')}: no entry for rule {rule!r}; add one with a confidence")
        self._read.add(("rules", rule))
        return found

    def check_all_read(self) -> None:
        """Every list and confidence was asked for by some stage (else it is a typo or dead data)."""
        for file, entry in sorted(self._lists):
            if (file, entry) not in self._read:
                fail(self.path(file + ".json"), entry, "is not something kgbuild reads; remove it or fix its name")
        for rule in sorted(self._confidence):
            if ("rules", rule) not in self._read:
                fail(self.path("rules.json"), rule, "names no extraction rule; remove it or fix its name")


def load_rules(knowledge: Knowledge | None = None) -> Rules:
    """The rules and knowledge of this installation, checked (once per process for each `Knowledge`;
    none given: the one the environment names)."""
    return _load(knowledge or Knowledge.from_environment())


@cache
def _load(knowledge: Knowledge) -> Rules:
    rules = Rules(knowledge=knowledge)
    load_countries(rules)
    load_organizations(rules)
    load_aliases(rules)
    load_terms(rules)
    load_roles(rules)
    load_shaped(rules, "grammar")
    load_shaped(rules, "meetings")
    load_confidences(rules)
    load_offices(rules)
    load_regions(rules)
    load_places(rules)
    return rules


load_rules.cache_clear = _load.cache_clear  # tests that edit the data files start afresh
