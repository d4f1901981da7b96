"""Stage 5, sides: one REPRESENTS per person — the best-supported side they act for.

Sides gathered so far (titles, delegation lists, principals, meeting pools) decide: an envoy
with no principal named is the envoy of their side.  A person with no side
in the text gets the one the knowledge files give (lower confidence), or the one the article as
a whole gives (`inferred`: the region or country it is about, a government named after them).
"""

from __future__ import annotations

from ..rules import Rules
from .inferred import Inference
from .reading import Mention, Reading, Side


class Sides:
    def __init__(self, rules: Rules):
        self.rules = rules
        role = lambda entry: rules.words("roles", entry)
        self.side_kinds = role("side_kinds")
        c = rules.confidence
        self.envoy_side, self.known, self.known_titled = c("envoy.side"), c("side.known"), c("side.known_titled")
        self.known_term = c("side.known_term")
        self.inference = Inference(rules)

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
        document = self.inference.reader(r)
        for entity, m in firsts.items():
            best = r.best_side(entity)
            if best is None:
                country = self.rules.known_country(entity)
                if country:
                    conf = self.known_titled if entity in titled else self.known
                    best = Side(country, conf.value, "known_country", basis="known")
                else:
                    best = document.side(entity)
                    held = None if best else self.rules.term_country(entity, r.period, entity in titled)
                    if held:  # an office the person held on the article's date
                        best = Side(held, self.known_term.value, "known_term", basis="known")
            if best is None:
                continue
            sent = next((x.sent for x in r.mentions if x.entity == entity and x.title.kinds), m.sent)
            r.fact((entity, "Person"), "REPRESENTS", best.ref, sent, best.confidence, best.rule, basis=best.basis)
