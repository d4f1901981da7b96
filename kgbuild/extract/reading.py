"""What the stages know about one document as they read it: one `Reading`, built up stage by stage.

Every field is declared here, so a reader sees in one place what each stage may add:
`mentions` (stage 1), their `entity` names (2), `sides`, `heads` and `lists` (3), and `facts`
(3, 4, 5), and `entities` (6).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import LEMMA, POS, SENT_START
from spacy.parts_of_speech import IDS as SPACY_POS
from spacy.tokens import Doc, Span, Token

from ..records import Entity, EntityRef, Fact
from ..rules import Period, Rules


@dataclass
class Actor:
    """A principal or side named in a title: a person mention, or a country/organisation name."""

    type: str  # Person | Country | Organization | Pronoun
    name: str
    mention: Mention | None = None  # the person Mention, for people


@dataclass
class Title:
    """What the words around a name say: role kinds, side, principal, delegation led."""

    kinds: list[str] = field(default_factory=list)  # role kinds, strongest first
    words: list[str] = field(default_factory=list)  # the role words as written
    country: str | None = None  # country named as the person's side
    org: str | None = None  # organisation the role is in
    principal: Actor | None = None  # whose envoy / adviser / spokesperson
    leads: str | None = None  # "head of the Ukrainian delegation" -> Ukraine
    source: str = ""  # which reading found it: title, apposition, name_of_country
    plural: bool = False  # "presidents Nixon, Reagan and Clinton"
    object_of_role: bool = False  # the name is someone else's principal
    role_tokens: set[int] = field(default_factory=set)  # token indices inside matched role words
    start: int | None = None  # first token of a title written before the name
    other_body: bool = False  # the title names a party, company, union ...
    office: str | None = None  # the country an office names by itself ("Secretary of State")
    state_body: bool = False  # the title names a body of the state ("Foreign Ministry", "Army")
    region: str | None = None  # a region below the state named in the title ("Bavarian premier")
    city: str | None = None  # a city named in the title ("Kyiv mayor")

    def merge(self, other: Title, strength: tuple[str, ...]) -> None:
        """Add what `other` says; kinds stay ordered strongest first (`strength`)."""
        for k in other.kinds:
            if k not in self.kinds:
                self.kinds.append(k)
        self.kinds.sort(key=strength.index)
        self.words += [w for w in other.words if w not in self.words]
        self.country = self.country or other.country
        self.org = self.org or other.org
        self.principal = self.principal or other.principal
        self.leads = self.leads or other.leads
        self.source = self.source or other.source
        self.object_of_role = self.object_of_role or other.object_of_role
        self.plural = self.plural or other.plural
        self.start = self.start if self.start is not None else other.start
        self.other_body = self.other_body or other.other_body
        self.office = self.office or other.office
        self.state_body = self.state_body or other.state_body
        self.region = self.region or other.region
        self.city = self.city or other.city


@dataclass
class Mention:
    """One place a person is named."""

    span: Span
    name: str  # as written
    sent: int  # sentence index
    title: Title = field(default_factory=Title)
    entity: str = ""  # the name it stands for in this document


@dataclass
class Side:
    """A side a person acts for (a country; a region or city; an international body), how sure,
    which rule said so, and whether the text says it or only the knowledge files do."""

    name: str
    confidence: float
    rule: str
    type: str = "Country"  # Country | Place (a region or city) | Organization
    basis: str = "text"  # text | known

    @property
    def ref(self) -> tuple[str, str]:
        return self.name, self.type


@dataclass
class DelegationList:
    """'The US side included A, B and C': one side's people at a meeting."""

    sent: int
    country: str
    members: list[Mention]


def tokens_with(
    doc: Doc, attr: int, words: Iterable[str], pos: Iterable[str] = (), columns: dict | None = None
) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs LOWER, LEMMA, ORTH) is one of `words`, and whose
    part of speech is one of `pos` if given, found over arrays: the stages then look at those tokens
    only, not at every token of the document.  `columns` caches the arrays between calls."""
    columns = {} if columns is None else columns

    def column(a: int) -> np.ndarray:
        if a not in columns:
            columns[a] = doc.to_array(a).astype(np.uint64)
        return columns[a]

    strings = doc.vocab.strings  # a symbol id for spaCy's own strings, else the hash
    hit = np.isin(column(attr), np.fromiter((strings[w] for w in words), dtype=np.uint64))
    if pos:
        hit &= np.isin(column(POS), np.array([SPACY_POS[p] for p in pos], dtype=np.uint64))
    return np.flatnonzero(hit).tolist()


@dataclass
class Reading:
    doc: Doc
    sents: list[Span]
    sent_of: dict[int, int]  # token index -> sentence index
    text: str = ""  # doc.text, built once
    ents: list[Span] = field(default_factory=list)  # doc.ents, built once
    _columns: dict[int, np.ndarray] = field(default_factory=dict)
    _mention_starts: list[int] = field(default_factory=list)  # mentions' first tokens, for mentions_in
    _ent_starts: list[int] = field(default_factory=list)  # the entity spans' first tokens, for ents_in
    mentions: list[Mention] = field(default_factory=list)
    person_at: dict[int, Mention] = field(default_factory=dict)  # token index -> mention covering it
    sides: dict[str, list[Side]] = field(default_factory=lambda: defaultdict(list))  # entity -> sides
    heads: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # country -> heads
    lists: list[DelegationList] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    lemmatize: Callable[[Token], list[str]] | None = None  # the model's lemmatizer, if lemmas are left to us
    period: Period | None = None  # the days the article speaks of, for terms of office (`rules.terms`)

    @classmethod
    def of(cls, doc: Doc, lemmatize: Callable[[Token], list[str]] | None = None) -> Reading:
        starts = [0, *(i for i in np.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if i)]  # as doc.sents
        sents = [doc[a:b] for a, b in zip(starts, [*starts[1:], len(doc)], strict=True)] if len(doc) else []
        sent_of = {i: k for k, s in enumerate(sents) for i in range(s.start, s.end)}
        return cls(doc=doc, sents=sents, sent_of=sent_of, text=doc.text, ents=list(doc.ents), lemmatize=lemmatize)

    def lemma(self, tok: Token) -> str:
        """The token's lemma, made on first reading when the pipeline runs no lemmatizer (as the model's
        own lemmatizer would: a lemma already set, by the attribute rules, is kept)."""
        if tok.lemma == 0 and self.lemmatize is not None:
            tok.lemma_ = self.lemmatize(tok)[0]
            self._columns.pop(LEMMA, None)
        return tok.lemma_

    def _lemmatize(self, pos: Iterable[str]) -> None:
        """Lemmas for the tokens of these parts of speech (all tokens if none) that have none yet."""
        if self.lemmatize is None:
            return
        hit = self.doc.to_array(LEMMA) == 0
        if pos:
            hit &= np.isin(self.doc.to_array(POS), [SPACY_POS[p] for p in pos])
        for i in np.flatnonzero(hit).tolist():
            self.lemma(self.doc[i])

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions whose first token lies in [start, end), in document order, found by bisection
        (mentions are made in document order), so a long document costs no more per sentence."""
        if len(self._mention_starts) != len(self.mentions):
            self._mention_starts = [m.span.start for m in self.mentions]
        starts = self._mention_starts
        return self.mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def ents_in(self, span: Span) -> list[Span]:
        """The entity spans inside `span`, in document order (by bisection over `ents`)."""
        if len(self._ent_starts) != len(self.ents):
            self._ent_starts = [e.start for e in self.ents]
        starts = self._ent_starts
        inside = self.ents[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
        return [e for e in inside if e.end <= span.end]

    def where(self, attr: int, words: Iterable[str], pos: Iterable[str] = ()) -> list[int]:
        """Indices of the tokens whose `attr` is one of `words` (and part of speech one of `pos`)."""
        if attr == LEMMA:
            self._lemmatize(pos)
        return tokens_with(self.doc, attr, words, pos, self._columns)

    def fact(
        self,
        subject: tuple[str, str],
        predicate: str,
        obj: tuple[str, str],
        sent: int,
        confidence: float,
        rule: str,
        last_sent: int | None = None,
        **qualifiers,
    ) -> None:
        """Record a fact stated by sentence `sent` (through `last_sent`); none of a thing with itself."""
        if subject == obj:
            return
        first, end = self.sents[sent], self.sents[last_sent if last_sent is not None else sent]
        self.facts.append(
            Fact(
                subject=EntityRef(*subject),
                predicate=predicate,
                object=EntityRef(*obj),
                sentence=self.text[first.start_char : end.end_char].strip(),
                start=first.start_char,
                end=end.end_char,
                confidence=round(confidence, 2),
                rule=rule,
                **qualifiers,
            )
        )

    def best_side(self, entity: str) -> Side | None:
        sides = self.sides.get(entity)
        return max(sides, key=lambda s: s.confidence) if sides else None

    def side_of(self, m: Mention, rules: Rules) -> Side | None:
        """The side a person acts for in this document, else the one the knowledge files give."""
        best = self.best_side(m.entity)
        if best is not None:
            return best
        known = rules.known_country(m.entity) or rules.term_country(m.entity, self.period)
        return Side(known, 0.0, "known_country", basis="known") if known else None

    def country_of(self, m: Mention, rules: Rules) -> str | None:
        side = self.side_of(m, rules)
        return side.name if side else None
