"""Stage 5, sides: one REPRESENTS per person — the best-supported side they act for.

Sides gathered so far (titles, delegation lists, principals, meeting pools) decide: an envoy
with no principal named is the envoy of their side.  A person with no side
in the text gets the one the knowledge files give (lower confidence), or, for a head of state
or minister, the country the article is about.
"""

from __future__ import annotations

from collections import Counter

from ..rules import Rules
from .reading import Mention, Reading, Side

HOME_MIN_MENTIONS = 2  # the article's country is named at least this often ...
HOME_MIN_SHARE = 0.4  # ... and makes at least this share of all country mentions ...
HOME_LEAD = 2  # ... and at least this many times the next country's


class Sides:
    def __init__(self, rules: Rules):
        self.rules = rules
        role = lambda entry: rules.words("roles", entry)
        self.side_kinds, self.state_roles = role("side_kinds"), role("state_roles")
        c = rules.confidence
        self.envoy_side, self.known, self.known_titled = c("envoy.side"), c("side.known"), c("side.known_titled")
        self.article, self.known_term = c("side.article_country"), c("side.known_term")

    def __call__(self, r: Reading) -> None:
        self._envoys_of_sides(r)
        self._represents(r)

    def _envoys_of_sides(self, r: Reading) -> None:
        """'Special Envoy Ola Berg' on Norway's side: Norway's envoy."""
        for m in r.mentions:
            t = m.title
            if (
                "envoy" in t.kinds
                and t.principal is None
                and not t.country
                and r.sides.get(m.entity)
                and not t.object_of_role
            ):
                best = r.best_side(m.entity)
                r.fact(
                    (m.entity, "Person"),
                    "ENVOY_OF",
                    best.ref,
                    m.sent,
                    min(self.envoy_side.value, best.confidence),
                    "envoy.side",
                    basis=best.basis,
                )

    def _represents(self, r: Reading) -> None:
        firsts: dict[str, Mention] = {}
        for m in r.mentions:
            firsts.setdefault(m.entity, m)
        titled = {m.entity for m in r.mentions if set(m.title.kinds) & self.side_kinds}
        statesmen = {
            m.entity
            for m in r.mentions
            if set(m.title.words) & self.state_roles and not m.title.other_body and not m.title.org
        }
        home = self._home_country(r)
        for entity, m in firsts.items():
            best = r.best_side(entity)
            if best is None:
                country = self.rules.known_country(entity)
                held = self.rules.term_country(entity, r.period, entity in titled)  # an office held then
                if country:
                    conf = self.known_titled if entity in titled else self.known
                    best = Side(country, conf.value, "known_country", basis="known")
                elif held:
                    best = Side(held, self.known_term.value, "known_term", basis="known")
                elif home and entity in statesmen and home not in self._counterpart_sides(r, entity):
                    best = Side(home, self.article.value, "title.article_country")
            if best is None:
                continue
            sent = next((x.sent for x in r.mentions if x.entity == entity and x.title.kinds), m.sent)
            r.fact((entity, "Person"), "REPRESENTS", best.ref, sent, best.confidence, best.rule, basis=best.basis)

    def _counterpart_sides(self, r: Reading, entity: str) -> set[str]:
        """The sides of the people this person met: never their own side."""
        out = set()
        for f in r.facts:
            if f.predicate == "MET_WITH" and entity in (f.subject.name, f.object.name):
                other = f.object.name if f.subject.name == entity else f.subject.name
                side = r.best_side(other)
                known = self.rules.known_country(other) or self.rules.term_country(other, r.period)
                out |= {s for s in (side.name if side else None, known) if s}
        return out

    def _home_country(self, r: Reading) -> str | None:
        """The country an article is about, when one clearly dominates its mentions."""
        counts: Counter[str] = Counter()
        for ent in r.ents:
            if ent.label_ in ("GPE", "NORP"):
                c = self.rules.country(ent.text)
                if c:
                    counts[c] += 1
        if not counts:
            return None
        (best, n), *rest = counts.most_common(2)
        runner_up = rest[0][1] if rest else 0
        clear = n >= HOME_MIN_MENTIONS and n >= HOME_MIN_SHARE * sum(counts.values()) and n >= HOME_LEAD * runner_up
        return best if clear else None
