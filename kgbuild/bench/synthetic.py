"""A generated corpus of extractions for benchmarks: many people, countries, meetings and documents.

The documents are made up (names built from syllables, sentences from a template) but their
extractions have the shape real ones have — people on two sides meeting at a place on a date,
each side's envoy, mentions — so writing them through `GraphWriter` builds a graph whose
shape matches a loaded one, at any size.  A few hundred people appear in many documents (the
leaders and envoys news keeps returning to); the rest in one or two.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from ..records import Document, Entity, EntityRef, Extraction, Fact
from ..resolve.meetings import reports
from ..rules import load_rules

SYLLABLES = "ka lo vi ren dor mi sta zu bel nor ta shi gra vel on ri po den lu mar tes ab ju ko fen sal im dra"
SIDE_SIZE = 4  # people per side of a meeting
PROMINENT = 400  # people who keep coming back
_SYLLABLES = SYLLABLES.split()
ENDINGS = ("ov", "enko", "son", "ez", "ski", "ard", "ani", "berg", "ic", "ado")


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def names(count: int, seed: int = 7) -> list[str]:
    """`count` distinct made-up 'Given Surname' names."""
    rng = random.Random(seed)
    given = sorted({_word(rng, 2) for _ in range(400)})
    out: dict[str, None] = {}
    while len(out) < count:
        out.setdefault(f"{rng.choice(given)} {_word(rng, 2)}{rng.choice(ENDINGS)}", None)
    return list(out)


class Corpus:
    """Extractions of made-up articles until the graph would hold about `relationships` relationships
    (not counting the Name index) among `people` people."""

    def __init__(self, people: int = 20_000, relationships: int = 100_000, seed: int = 7):
        self.rng = random.Random(seed)
        self.people = names(people, seed)
        rules = load_rules()
        if people < 2 * SIDE_SIZE:
            raise ValueError(f"a generated corpus needs at least {2 * SIDE_SIZE} people")
        self.countries = sorted(set(rules.country_names.values()))[: max(2, min(60, people // (2 * SIDE_SIZE)))]
        self.places = [p for p in sorted(rules.places) if p not in self.countries][:80] or ["Geneva"]
        order = self.rng.sample(self.people, len(self.people))  # sides dealt out in turn: none is short of people
        self.side_of = {p: self.countries[k % len(self.countries)] for k, p in enumerate(order)}
        self.by_side: dict[str, list[str]] = {}
        for p in self.people:
            self.by_side.setdefault(self.side_of[p], []).append(p)
        self.target = relationships
        self.relationships = 0  # unique ones the graph will hold, counted as documents are made
        self._edges: set[tuple] = set()
        self._turn = dict.fromkeys(self.by_side, 0)  # each side's people taken in turn, so that everyone appears

    def __iter__(self) -> Iterator[Extraction]:
        """Documents until every person has appeared and the graph holds `relationships`."""
        n = 0
        while self.relationships < self.target or any(t < len(self.by_side[c]) for c, t in self._turn.items()):
            yield self.document(n)
            n += 1

    def _pick(self, side: str, k: int) -> list[str]:
        """One of the side's prominent people, and the next of its others in turn."""
        pool = self.by_side[side]
        chosen = {self.rng.choice(pool[: max(1, PROMINENT // len(self.countries))])}
        while len(chosen) < min(k, len(pool)):
            turn = self._turn[side]
            chosen.add(pool[turn % len(pool)])
            self._turn[side] = turn + 1
        return sorted(chosen)

    def _edge(self, *key) -> None:
        if key not in self._edges:
            self._edges.add(key)
            self.relationships += 1

    def document(self, n: int) -> Extraction:
        rng = self.rng
        a, b = rng.sample(self.countries, 2)
        left, right = self._pick(a, SIDE_SIZE), self._pick(b, SIDE_SIZE)
        place = rng.choice(self.places)
        held = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        published = (held + timedelta(days=rng.randrange(3))).isoformat()
        status = rng.choice(("held", "held", "held", "planned"))
        facts: list[Fact] = []
        lines: list[str] = [f"Report {n}."]

        def fact(s: EntityRef, pred: str, o: EntityRef, sentence: str, rule: str, **qualifiers) -> None:
            start = sum(len(x) + 1 for x in lines)
            lines.append(sentence)
            facts.append(Fact(s, pred, o, sentence, start, start + len(sentence), 0.9, rule, **qualifiers))

        for side, group in ((a, left), (b, right)):
            for p in group:
                fact(
                    EntityRef(p, "Person"), "REPRESENTS", EntityRef(side, "Country"), f"{p} spoke for {side}.", "title"
                )
                self._edge("REPRESENTS", p)
            envoy = group[0]
            fact(
                EntityRef(envoy, "Person"),
                "ENVOY_OF",
                EntityRef(side, "Country"),
                f"{envoy} is the envoy of {side}.",
                "title",
            )
            self._edge("ENVOY_OF", envoy)
        for p in left:
            for q in right:
                s, o = sorted((p, q))
                fact(
                    EntityRef(s, "Person"),
                    "MET_WITH",
                    EntityRef(o, "Person"),
                    f"{p} met {q} in {place} on {held:%d %B}.",
                    "meeting",
                    place=place,
                    date=held.isoformat(),
                    date_text=f"{held:%d %B}",
                    status=status,
                )
                self._edge("MET_WITH", s, o)
        entities = [Entity(p, "Person", count=2) for p in left + right]
        entities += [Entity(a, "Country", count=3), Entity(b, "Country", count=3), Entity(place, "Place", count=1)]
        self.relationships += len(entities) + 1 + len(left) + len(right) + 1  # MENTIONS, REPORTS, ATTENDED, HELD_IN
        doc = Document(f"generated/{n:06d}.txt", "\n".join(lines), title=f"Report {n}", published=published)
        return Extraction(doc, entities, facts, reports(facts, published))
