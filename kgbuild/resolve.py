"""Canonical names across documents: one spelling, and one graph key, per real entity.

Within an article, `extract` already joins "Umerov" to "Rustem Umerov".  Across articles the
`Resolver` joins transliteration variants (Zelenskyy / Zelensky), known aliases from
`data/aliases.json`, and names already in the graph; people with the same surname but other
first names stay apart.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .lexicon import Lexicon, fold, lexicon, translit_key


def entity_key(name: str, etype: str) -> str:
    """The graph key of an entity: its type and the transliteration-folded canonical name."""
    base = (translit_key(name) if etype == "Person" else "") or fold(name) or name
    return f"{etype.lower()}:{base}"


class Resolver:
    """Maps the names documents use to canonical names, remembering what it has seen."""

    def __init__(self, lex: Lexicon | None = None):
        self.lex = lex or lexicon()
        self.people: dict[str, str] = {}            # translit key -> canonical person name
        self.by_surname: dict[str, set[str]] = {}   # folded last word -> canonical full names
        self.others: dict[tuple[str, str], str] = {}  # (type, folded alias) -> canonical

    def seed(self, entities) -> None:
        """Names already in the graph: rows of (name, type, aliases)."""
        for name, etype, aliases in entities:
            for alias in [name, *(aliases or [])]:
                self._remember(alias, etype, name)

    def _remember(self, alias: str, etype: str, canonical: str) -> None:
        if etype == "Person":
            key = translit_key(alias)
            if not key:
                return
            self.people.setdefault(key, canonical)
            words = translit_key(canonical).split()
            if len(words) > 1:
                self.by_surname.setdefault(words[-1], set()).add(canonical)
        else:
            self.others.setdefault((etype, fold(alias)), canonical)

    def canonical(self, name: str, etype: str) -> str:
        if etype == "Person":
            return self._person(name)
        if etype == "Country":
            return self.lex.country_names.get(fold(name), name)
        if etype == "Organization":
            org = self.lex.organization(name)
            if org:
                return org
        known = self.lex.entity_aliases.get(fold(name))
        if known and known[1] == etype:
            return known[0]
        found = self.others.get((etype, fold(name)))
        if found:
            return found
        self._remember(name, etype, name)
        return name

    def _person(self, name: str) -> str:
        key = translit_key(name)
        if not key:  # initials or symbols only: nothing to resolve against
            return name
        known = self.lex.person_aliases.get(key)
        if known:
            self._remember(name, "Person", known)
            return known
        if key in self.people:
            return self.people[key]
        words = key.split()
        if len(words) == 1:  # a surname the article never spelled out: the one full name we know
            cands = self.by_surname.get(words[0], set())
            if len(cands) == 1:
                return next(iter(cands))
            self.people[key] = name
            return name
        for cand in self.by_surname.get(words[-1], set()) | self._similar_surnames(words[-1]):
            ck = translit_key(cand).split()
            if len(ck) > 1 and ck[0][:1] == words[0][:1] and (ck[0] == words[0] or fuzz.ratio(ck[0], words[0]) >= 85) \
                    and fuzz.ratio(ck[-1], words[-1]) >= 88:
                self._remember(name, "Person", cand)
                return cand
        self._remember(name, "Person", name)
        return name

    def _similar_surnames(self, surname: str) -> set[str]:
        out = set()
        for s, names in self.by_surname.items():
            if s != surname and s[:2] == surname[:2] and fuzz.ratio(s, surname) >= 88:
                out |= names
        return out

    def resolve(self, result: dict) -> dict:
        """A document's `doc._.kg` with every name made canonical (facts deduplicated)."""
        mapping: dict[tuple[str, str], str] = {}
        entities: dict[tuple[str, str], dict] = {}
        for e in result["entities"]:
            canon = self.canonical(e["name"], e["type"])
            mapping[(e["name"], e["type"])] = canon
            merged = entities.setdefault((canon, e["type"]), {"name": canon, "type": e["type"], "aliases": [],
                                                                "count": 0})
            merged["count"] += e["count"]
            for a in [e["name"], *e["aliases"]]:
                if a != canon and a not in merged["aliases"]:
                    merged["aliases"].append(a)
        facts, seen = [], set()
        for f in result["facts"]:
            f = dict(f)
            for side in ("subject", "object"):
                e = f[side]
                canon = mapping.get((e["name"], e["type"])) or self.canonical(e["name"], e["type"])
                f[side] = {"name": canon, "type": e["type"]}
                entities.setdefault((canon, e["type"]), {"name": canon, "type": e["type"], "aliases": [],
                                                         "count": 1})
            if f["predicate"] == "MET_WITH" and f["object"]["name"] < f["subject"]["name"]:
                f["subject"], f["object"] = f["object"], f["subject"]
            if f["subject"] == f["object"]:
                continue
            k = (f["subject"]["name"], f["predicate"], f["object"]["name"], f["start"])
            if k in seen:
                continue
            seen.add(k)
            facts.append(f)
        return {"entities": list(entities.values()), "facts": facts}
