"""Stage 5, sides: one REPRESENTS per person — the best-supported side they act for.

Sides gathered so far (titles, delegation lists, meeting pools) are completed: an envoy,
adviser or official shares their principal's side, and a principal with none takes their
envoy's; an envoy with no principal named is the envoy of their side.  A person with no side
in the text gets the one the knowledge files give (lower confidence), or, for a head of state
or minister, the country the article is about.
"""

from __future__ import annotations

from collections import Counter

from ..rules import Rules
from .reading import Mention, Reading, Side

HOME_MIN_MENTIONS = 2  # the article's country is named at least this often ...
HOME_MIN_SHARE = 0.4  # ... and makes at least this share of all country mentions


class Sides:
    def __init__(self, rules: Rules):
        self.rules = rules
        role = lambda entry: rules.words("roles", entry)
        self.side_kinds, self.principal_kinds = role("side_kinds"), role("principal_side_kinds")
        self.lending_kinds, self.state_roles = role("lending_kinds"), role("state_roles")
        c = rules.confidence
        self.from_principal, self.of_principal = c("side.from_principal"), c("side.of_principal")
        self.envoy_side, self.known, self.known_titled = c("envoy.side"), c("side.known"), c("side.known_titled")
        self.article = c("side.article_country")

    def __call__(self, r: Reading) -> None:
        self._principals(r)
        self._envoys_of_sides(r)
        self._represents(r)

    def _principals(self, r: Reading) -> None:
        """Principals lend their side to their envoys and advisers, and borrow theirs when they have none."""
        for m in r.mentions:
            p = m.title.principal
            if p is None or p.type != "Person" or m.title.object_of_role:
                continue
            best = r.best_side(p.name)
            if best and set(m.title.kinds) & self.principal_kinds:
                conf = min(self.from_principal.value, best.confidence)
                r.sides[m.entity].append(Side(best.country, conf, "principal.side"))
        for m in r.mentions:
            p = m.title.principal
            if p is not None and p.type == "Person" and not r.sides.get(p.name) and r.sides.get(m.entity):
                best = r.best_side(m.entity)
                if best.confidence >= self.of_principal.requires and set(m.title.kinds) & self.lending_kinds:
                    r.sides[p.name].append(Side(best.country, self.of_principal.value, "principal.of_side"))

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
                    (best.country, "Country"),
                    m.sent,
                    min(self.envoy_side.value, best.confidence),
                    "envoy.side",
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
                if country:
                    conf = self.known_titled if entity in titled else self.known
                    best = Side(country, conf.value, "known_country")
                elif home and entity in statesmen:
                    best = Side(home, self.article.value, "title.article_country")
            if best is None:
                continue
            sent = next((x.sent for x in r.mentions if x.entity == entity and x.title.kinds), m.sent)
            r.fact((entity, "Person"), "REPRESENTS", (best.country, "Country"), sent, best.confidence, best.rule)

    def _home_country(self, r: Reading) -> str | None:
        """The country an article is about, when one clearly dominates its mentions."""
        counts: Counter[str] = Counter()
        for ent in r.doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                c = self.rules.country(ent.text)
                if c:
                    counts[c] += 1
        if not counts:
            return None
        best, n = max(counts.items(), key=lambda kv: kv[1])
        return best if n >= HOME_MIN_MENTIONS and n >= HOME_MIN_SHARE * sum(counts.values()) else None
