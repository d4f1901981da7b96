"""Domain knowledge as data: countries, organisations, role words, meeting cues and aliases.

Everything here is read from the JSON files in `kgbuild/data/` (users may extend them, or
point `KGBUILD_ALIASES` at a file of their own aliases to merge in).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


def _data(name: str) -> dict:
    return json.loads(resources.files("kgbuild.data").joinpath(name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Case, accents, punctuation and a leading "the" removed: the form names are compared in."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


_ENDINGS = re.compile(r"(?:iy|yy|ii|yi|y|i)$")


def translit_key(name: str) -> str:
    """A key under which transliteration variants of one name coincide.

    Zelensky / Zelenskyy / Zelenskiy, Dmitry / Dmitriy / Dmitri, Yuri / Yury, Podolyak / Podoliak,
    Dmitriev / Dmitriyev all fold together; single letters (middle initials) are dropped.
    """
    words = [w for w in fold(name).split() if len(w) > 1 or not w.isalpha()]
    out = []
    for w in words:
        w = w.replace("kh", "h").replace("iy", "i").replace("ya", "ia").replace("yu", "iu")
        if len(w) > 3:
            w = w.replace("ye", "e").replace("j", "y")
            w = w[0] + w[1:-1].replace("y", "i") + w[-1]
            w = _ENDINGS.sub("y", w)
        out.append(w)
    return " ".join(out)


@dataclass
class Lexicon:
    """Lookup tables built once from the data files."""

    country_names: dict[str, str] = field(default_factory=dict)   # folded alias -> country
    demonyms: dict[str, str] = field(default_factory=dict)        # folded demonym -> country
    seats: dict[str, str] = field(default_factory=dict)           # folded seat -> country
    orgs: dict[str, str] = field(default_factory=dict)            # folded alias -> organisation
    org_country: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)           # role phrase -> kind
    role_max_words: int = 1
    honorifics: frozenset = frozenset()
    modifiers: frozenset = frozenset()
    principal_nouns: frozenset = frozenset()
    group_nouns: frozenset = frozenset()
    state_roles: frozenset = frozenset()
    person_aliases: dict[str, str] = field(default_factory=dict)  # translit key -> canonical
    person_country: dict[str, str] = field(default_factory=dict)  # canonical person -> known side
    entity_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (name, type)
    meetings: dict = field(default_factory=dict)
    places: frozenset = frozenset()

    def country(self, text: str) -> str | None:
        """The country a name, demonym or seat of government stands for."""
        f = fold(text)
        return self.country_names.get(f) or self.demonyms.get(f) or self.seats.get(f)

    def organization(self, text: str) -> str | None:
        return self.orgs.get(fold(text))

    def role_kind(self, words: list[str]) -> str | None:
        return self.roles.get(" ".join(w.lower() for w in words))


@cache
def lexicon() -> Lexicon:
    lex = Lexicon()
    for name, entry in _data("countries.json")["countries"].items():
        for alias in [name, *entry["aliases"]]:
            lex.country_names[fold(alias)] = name
        for d in entry["demonyms"]:
            lex.demonyms[fold(d)] = name
        for s in entry["seats"]:
            lex.seats[fold(s)] = name
    for name, entry in _data("organizations.json")["organizations"].items():
        for alias in [name, *entry["aliases"]]:
            lex.orgs[fold(alias)] = name
        lex.org_country[name] = entry["country"]
    roles = _data("roles.json")
    for kind, phrases in roles["roles"].items():
        for p in phrases:
            lex.roles[p.lower()] = kind
            lex.role_max_words = max(lex.role_max_words, len(p.split()))
    lex.honorifics = frozenset(roles["honorifics"])
    lex.modifiers = frozenset(roles["modifiers"])
    lex.principal_nouns = frozenset(roles["principal_nouns"])
    lex.group_nouns = frozenset(roles["group_nouns"])
    lex.state_roles = frozenset(roles["state_roles"])
    lex.meetings = _data("meetings.json")
    aliases = _data("aliases.json")["entities"]
    extra = os.environ.get("KGBUILD_ALIASES")
    if extra and os.path.exists(extra):
        with open(extra, encoding="utf-8") as f:
            aliases.update(json.load(f).get("entities", {}))
    for name, entry in aliases.items():
        etype = entry.get("type", "Person")
        for alias in [name, *entry.get("aliases", [])]:
            lex.entity_aliases[fold(alias)] = (name, etype)
            if etype == "Person":
                lex.person_aliases[translit_key(alias)] = name
        if entry.get("country"):
            lex.person_country[name] = entry["country"]
    lex.places = frozenset(fold(p) for p in _data("places.json")["places"])
    return lex
