"""Canonical names across documents: one spelling, and one graph key, per real entity.

Within an article, extraction already joins "Umerov" to "Rustem Umerov".  Across articles the
`Resolver` joins transliteration variants (Zelenskyy / Zelensky), known aliases from
`data/aliases.json`, and names already in the graph; people with the same surname but other
first names stay apart.

Names already in the graph are not read all at once: before a document is resolved, the
`known` function it is given (a Name-index lookup on the graph) returns the entities that
share a key with the document's names — a transliteration key, a surname, or a surname block
(its first two letters, where spelling variants are searched).  The cost per name stays the
same however big the graph grows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from ..names import fits_initials, fold, initials, name_words, person_key, stands_alone, surname_block, translit_key
from ..records import Entity, EntityRef, Findings
from ..rules import Period, Rules, load_rules

SAME_FIRST_NAME = 85  # rapidfuzz ratio of two spellings of one first name ...
SAME_SURNAME = 88  # ... and of one surname


Known = Callable[[list[str]], Iterable[tuple[str, str, list[str]]]]  # Name keys -> (name, type, aliases)


class Resolver:
    """Maps the names documents use to canonical names, remembering what it has seen; `known` looks
    up entities already in the graph by Name key (see the module's docstring)."""

    def __init__(self, rules: Rules | None = None, known: Known | None = None):
        self.rules = rules or load_rules()
        self.known = known
        self.asked: set[str] = set()  # Name keys already looked up in the graph
        self.suffixes = {fold(s) for s in self.rules.words("grammar", "name_suffixes")}
        self.people: dict[str, str] = {}  # person key -> canonical person name
        self.by_surname: dict[str, set[str]] = {}  # folded last word -> canonical full names
        self.blocks: dict[str, set[str]] = {}  # first two letters -> surnames, where variants are sought
        self.others: dict[tuple[str, str], str] = {}  # (type, folded alias) -> canonical

    def seed(self, entities) -> None:
        """Names already known: rows of (name, type, aliases)."""
        for name, etype, aliases in entities:
            for alias in [name, *(aliases or [])]:
                self._remember(alias, etype, name)

    def lookup_keys(self, name: str, etype: str) -> list[str]:
        """The Name keys under which the graph holds what `name` could resolve to."""
        if etype != "Person":
            return [fold(name)]
        words = self._words(name)
        return [person_key(name), translit_key(name), *words[-1:], *(surname_block(w) for w in words[-1:])]

    def fetch(self, names: Iterable[tuple[str, str]]) -> None:
        """Look up in the graph, once per key, the entities these (name, type) pairs could resolve to."""
        if self.known is None:
            return
        keys = sorted({k for name, etype in names for k in self.lookup_keys(name, etype) if k} - self.asked)
        if keys:
            self.asked.update(keys)
            self.seed(self.known(keys))

    def _remember(self, alias: str, etype: str, canonical: str) -> None:
        if etype == "Person":
            key = person_key(alias)
            if not key:
                return
            self.people.setdefault(key, canonical)
            words = self._words(canonical)
            if len(words) > 1 and stands_alone(words, 1):
                self.by_surname.setdefault(words[-1], set()).add(canonical)
                self.blocks.setdefault(words[-1][:2], set()).add(words[-1])
        else:
            self.others.setdefault((etype, fold(alias)), canonical)

    def _words(self, name: str) -> list[str]:
        return name_words(name, self.suffixes)

    def _suffix(self, name: str) -> str:
        """'jr' for 'Ramon Castillo Jr.', '' for no suffix: Sr. and Jr. are two people."""
        words = translit_key(name).split()
        return words[-1] if len(words) > 1 and words[-1] in self.suffixes else ""

    def canonical(self, name: str, etype: str, period: Period | None = None) -> str:
        if etype == "Person":
            return self._person(name, period)
        if etype == "Country":
            return self.rules.country_names.get(fold(name), name)
        if etype == "Organization":
            org = self.rules.organization(name)
            if org:
                return org
        known = self.rules.entity_aliases.get(fold(name))
        if known and known[1] == etype:
            return known[0]
        found = self.others.get((etype, fold(name)))
        if found:
            return found
        self._remember(name, etype, name)
        return name

    def _person(self, name: str, period: Period | None = None) -> str:
        key = person_key(name)
        if not key:  # initials or symbols only: nothing to resolve against
            return name
        known = self.rules.person_aliases.get(key)
        if known:
            self._remember(name, "Person", known)
            return known
        held = self.rules.term_holder(name, period)
        if held:  # 'Bush' in 2005: who held the office then (in another article it may be someone else)
            self._remember(held, "Person", held)
            return held
        words = self._words(name)
        if len(words) == 1:  # a surname the article never spelled out: the one full name we know
            cands = self.by_surname.get(words[0], set())
            if len(cands) == 1:
                return next(iter(cands))
            if cands:  # two people could be it, whichever was written so before: it stays apart
                return name
        if key in self.people:
            return self.people[key]
        if len(words) == 1:
            self.people[key] = name
            return name
        letters = initials(name)
        for cand in self.by_surname.get(words[-1], set()) | self._similar_surnames(words[-1]):
            ck = self._words(cand)
            given_as_initials = bool(letters) and fits_initials(ck, letters)
            if (
                len(ck) > 1
                and not (self._suffix(cand) and self._suffix(name) and self._suffix(cand) != self._suffix(name))
                and ck[0][:1] == words[0][:1]
                and (ck[0] == words[0] or fuzz.ratio(ck[0], words[0]) >= SAME_FIRST_NAME or given_as_initials)
                and fuzz.ratio(ck[-1], words[-1]) >= SAME_SURNAME
            ):
                self._remember(name, "Person", cand)
                return cand
        self._remember(name, "Person", name)
        return name

    def _similar_surnames(self, surname: str) -> set[str]:
        out = set()
        for s in self.blocks.get(surname[:2], ()):
            if s != surname and fuzz.ratio(s, surname) >= SAME_SURNAME:
                out |= self.by_surname[s]
        return out

    def resolve(self, found: Findings, period: Period | None = None) -> Findings:
        """A document's findings with every name made canonical, and facts deduplicated: the same
        sentence stating the same fact twice in one article (a repeated paragraph, a pull quote) is
        one piece of evidence, the first.  `period`, the days the article speaks of, names the
        office holders a surname stands for then (`Rules.term_holder`)."""
        self.fetch(
            [(e.name, e.type) for e in found.entities]
            + [(r.name, r.type) for f in found.facts for r in (f.subject, f.object)]
        )
        mapping: dict[tuple[str, str], str] = {}
        entities: dict[tuple[str, str], Entity] = {}
        for e in found.entities:
            canon = self.canonical(e.name, e.type, period)
            mapping[(e.name, e.type)] = canon
            merged = entities.setdefault((canon, e.type), Entity(canon, e.type))
            merged.count += e.count
            for a in [e.name, *e.aliases]:
                if a != canon and a not in merged.aliases:
                    merged.aliases.append(a)
        facts, seen = [], set()
        for f in found.facts:
            refs = []
            for ref in (f.subject, f.object):
                canon = mapping.get((ref.name, ref.type)) or self.canonical(ref.name, ref.type, period)
                refs.append(EntityRef(canon, ref.type))
                entities.setdefault((canon, ref.type), Entity(canon, ref.type, count=1))
            f = f.renamed(*refs)
            if f.subject == f.object:
                continue
            k = (f.subject.name, f.predicate, f.object.name, f.sentence)
            if k in seen:
                continue
            seen.add(k)
            facts.append(f)
        return Findings(list(entities.values()), facts)
