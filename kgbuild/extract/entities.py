"""Stage 2, in-document entities: which full name each mention stands for in this article;
and, last of all, the inventory of every entity the document names.

"Umerov" after "Rustem Umerov" is him; "Zelenskyy" and "Zelensky" are one name; a surname
shared by two people goes to the one named most recently.  Pronoun principals ("his envoy")
become the person named before in the sentence.
"""

from __future__ import annotations

from collections import defaultdict

from ..names import fits_initials, fold, initials, person_key, without_article
from ..records import Entity
from ..rules import Rules
from .reading import Actor, Reading


class Clusters:
    def __init__(self, rules: Rules):
        pass

    def __call__(self, r: Reading) -> None:
        full = self._full_names(r)
        by_word: dict[str, list[str]] = defaultdict(list)
        by_tail: dict[str, list[str]] = defaultdict(list)  # 'bin salman', 'saint aubin': a name's last words
        for key, name in full.items():
            words = key.split()
            for w in words:
                by_word[w].append(name)
            for n in range(2, len(words)):
                by_tail[" ".join(words[-n:])].append(name)
        recent: dict[str, int] = {}
        for idx, m in enumerate(r.mentions):
            key = person_key(m.name)
            if key in full:
                m.entity = full[key]
            elif len(key.split()) == 1 and by_word.get(key):
                cands = by_word[key]
                m.entity = max(cands, key=lambda c: recent.get(c, -1)) if len(cands) > 1 else cands[0]
            elif by_tail.get(key):
                m.entity = max(by_tail[key], key=lambda c: recent.get(c, -1))
            elif initials(m.name) and (cands := self._by_initials(full, key, initials(m.name))):
                m.entity = max(cands, key=lambda c: recent.get(c, -1))
            else:
                m.entity = m.name
            recent[m.entity] = idx
        self._principals(r)

    @staticmethod
    def _by_initials(full: dict[str, str], key: str, letters: str) -> list[str]:
        """The full names 'D. Okafor' can stand for: the same surname, given names with those initials."""
        surname = key.split()[-1]
        out = []
        for k, name in full.items():
            words = k.split()
            if len(words) > 1 and words[-1] == surname and fits_initials(words, letters):
                out.append(name)
        return out

    @staticmethod
    def _full_names(r: Reading) -> dict[str, str]:
        """Person key -> the longest spelling of each name of more than one word."""
        full: dict[str, str] = {}
        for m in r.mentions:
            if len(m.name.split()) > 1 and not initials(m.name):  # 'D. Okonkwo' stands for a full name
                key = person_key(m.name)
                full.setdefault(key, m.name)
                if len(m.name) > len(full[key]):
                    full[key] = m.name
        return full

    @staticmethod
    def _principals(r: Reading) -> None:
        """Pronoun principals: the nearest person named before in the sentence."""
        for m in r.mentions:
            p = m.title.principal
            if p is not None and p.type == "Pronoun":
                before = [o for o in r.mentions if o.sent == m.sent and o.span.end <= m.span.start and o is not m]
                m.title.principal = Actor("Person", before[-1].entity, before[-1]) if before else None
            elif p is not None and p.type == "Person" and p.mention is not None:
                p.name = p.mention.entity


class Inventory:
    """Every entity the document names: people, countries (a seat of government acting), places, bodies."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.articles = rules.words("grammar", "articles")
        self.locative = rules.words("grammar", "venue_prepositions") | rules.words("grammar", "locative_prepositions")

    def __call__(self, r: Reading) -> None:
        out: dict[tuple[str, str], Entity] = {}

        def add(name: str, etype: str, alias: str) -> None:
            e = out.setdefault((name, etype), Entity(name, etype))
            e.count += 1
            if alias != name and alias not in e.aliases:
                e.aliases.append(alias)

        for m in r.mentions:
            add(m.entity, "Person", m.name)
        for ent in r.ents:
            found = self._entity(r, ent)
            if found:
                add(*found)
        for f in r.facts:
            for ref in (f.subject, f.object):
                if (ref.name, ref.type) not in out:
                    add(ref.name, ref.type, ref.name)
        r.entities = list(out.values())

    def _entity(self, r: Reading, ent) -> tuple[str, str, str] | None:
        """(name, type, as written) for a named entity kgbuild keeps, else None."""
        rules = self.rules
        text = without_article(" ".join(ent.text.split()), self.articles)  # one line, single spaces
        if ent.label_ in ("GPE", "NORP"):
            c = rules.country(text)
            if c and ent.label_ == "GPE" and fold(text) in rules.seats:
                prev = r.doc[ent.start - 1].lower_ if ent.start else ""
                # a city: "talks in Moscow"; the government: "Moscow rejected", "Kyiv's demands"
                return (text, "Place", text) if prev in self.locative else (c, "Country", text)
            if c:
                return c, "Country", text
            return (text, "Place", text) if ent.label_ == "GPE" else None
        if ent.label_ in ("LOC", "FAC"):
            return text, "Place", text
        if ent.label_ == "ORG":
            org = rules.organization(text)
            return (org, "Organization", text) if org else None
        return None
