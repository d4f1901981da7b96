"""Stage 1, mentions: PERSON spans → `Mention`s, each with the title written around the name.

Honorifics and role words the model left inside a PERSON span are trimmed off ("Mr",
"Minister"); spans that cannot be names (initials only, symbols, longer than any name, a
country or a body) are dropped.  Coordinated names share a title: "presidents A, B and C",
"X's envoy A and son-in-law B".
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..names import translit_key
from ..rules import Rules
from .reading import Actor, Mention, Reading
from .titles import TitleWords

MAX_NAME_CHARS = 80  # longer spans are not names ("Mohammed bin Salman bin Abdulaziz Al Saud" is 40)
MAX_NAME_WORDS = 8
LETTER = re.compile(r"[A-Za-z]")


def is_name(text: str, forbidden: frozenset[str] = frozenset({"@", "#"})) -> bool:
    """Whether a PERSON span can be a name: letters, a sane length, not only initials ("J.", "A")."""
    return (
        len(text) <= MAX_NAME_CHARS
        and len(text.split()) <= MAX_NAME_WORDS
        and not any(f in text for f in forbidden)
        and LETTER.search(text) is not None
        and bool(translit_key(text))
    )


class Mentions:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.leading = rules.words("roles", "honorifics") | rules.words("roles", "modifiers") | set(rules.roles)
        self.offices = rules.words("roles", "honorifics") | set(rules.roles)
        self.trailing = rules.words("grammar", "name_trailers")
        self.suffixes = rules.words("grammar", "name_suffixes")
        self.forbidden = rules.words("grammar", "not_in_names")
        self.possessive_suffixes = rules.words("grammar", "possessive_suffixes")
        self.coordinators = rules.words("grammar", "coordinators")
        self.titles = TitleWords(rules)

    def __call__(self, r: Reading) -> None:
        self._people(r)
        reader = self.titles.reader(r)
        for m in r.mentions:
            m.title = reader.read(m)
        self._coordination(r)

    def _people(self, r: Reading) -> None:
        doc = r.doc
        for ent in r.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = self._name_bounds(ent)
            if start >= end:
                continue
            span = Span(doc, start, end, label="PERSON")
            name = " ".join(span.text.split())
            if not is_name(name, self.forbidden) or self.rules.country(name) or self.rules.organization(name):
                continue
            m = Mention(span=span, name=name, sent=r.sent_of[start])
            r.mentions.append(m)
            for t in span:
                r.person_at[t.i] = m

    def _name_bounds(self, ent: Span) -> tuple[int, int]:
        """The name inside a PERSON span: past ranks, honorifics and offices ('Principal Deputy
        Spokesperson Jane Roe', 'Brig. Gen. Pat Doe', 'His Highness Sheikh Hamad'), up to a
        suffix that belongs to it ('Ferdinand Marcos Jr.')."""
        doc, start, end = ent.doc, ent.start, ent.end
        while start < end and doc[start].lower_ in self.leading:
            start += 1
        last_title = max((k for k in range(start, end - 1) if doc[k].lower_ in self.offices), default=None)
        if last_title is not None:  # a title the model kept inside the name
            start = last_title + 1
        while end > start and doc[end - 1].text in self.trailing:
            end -= 1
        if end < len(doc) and doc[end].lower_ in self.suffixes and end == ent.end:
            end += 1
        return start, end

    def _coordination(self, r: Reading) -> None:
        """'X's envoy A and son-in-law B', 'presidents A, B and C': B and C share A's title."""
        for prev, m in zip(r.mentions, r.mentions[1:], strict=False):
            if prev.sent != m.sent:
                continue
            start = m.title.start if m.title.start is not None else m.span.start
            gap = [t.lower_ for t in r.doc[prev.span.end : start] if t.lower_ not in self.possessive_suffixes]
            if not gap or any(g not in self.coordinators for g in gap):
                continue
            t, p = m.title, prev.title
            if p.plural and not t.kinds:
                t.kinds, t.country, t.words = list(p.kinds), p.country, list(p.words)
            if (
                t.principal is None
                and p.principal is not None
                and (not t.kinds or "kin" in t.kinds or "adviser" in t.kinds)
            ):
                t.principal = p.principal
            if t.principal is not None and t.principal.type == "Pronoun":
                t.principal = Actor("Person", prev.name, prev)
