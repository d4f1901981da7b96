"""Stage 5, sides the document gives: for a person whose title names no side and whom the text
gives none, the side a careful reader takes from the article as a whole.

- a regional office holder with no region in the title ('State Premier Jonas Weber'): the one
  region named in the same sentence ('in the eastern state of Saxony'), else the region the
  article is about;
- a person a government is named after ('the Lie administration'): the country the noun names by
  itself where English news uses it of one country's governments (`government_offices`), if the
  article names that country; otherwise they are a head of government, as below;
- a head of state or government or a minister ('President Kari Lie', 'Immigration Minister Ola
  Berg'): the country the article is about, when one clearly dominates its mentions.

Never a side one of the person's counterparts (whom they met or hosted) acts for: a foreign
leader the article's main person meets is not on the article's side.  Each rule has its own
name and a confidence below the rules that read a side in the title (`rules.json`).
"""

from __future__ import annotations

from collections import Counter

from ..errors import DataError
from ..rules import Rules
from .reading import Reading, Side

HOME_MIN_MENTIONS = 2  # the article's country (or region) is named at least this often ...
HOME_MIN_SHARE = 0.4  # ... and makes at least this share of all country mentions ...
HOME_LEAD = 2  # ... and at least this many times the next country's
PLACE_LABELS = ("GPE", "NORP", "LOC")
COUNTERPART_PREDICATES = ("MET_WITH", "HOSTED")


def dominant(counts: Counter[str]) -> str | None:
    """The name that clearly dominates these mention counts, if one does."""
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2)
    runner_up = rest[0][1] if rest else 0
    clear = n >= HOME_MIN_MENTIONS and n >= HOME_MIN_SHARE * sum(counts.values()) and n >= HOME_LEAD * runner_up
    return best if clear else None


class Inference:
    """The rules of document-level sides (built once per pipeline)."""

    def __init__(self, rules: Rules):
        self.rules = rules
        role = lambda entry: rules.words("roles", entry)
        self.state_roles = role("state_roles")
        self.regional_only = role("regional_roles") - self.state_roles  # 'state premier', not 'premier'
        self.government_nouns = role("government_nouns")
        self.portfolio_kinds = role("portfolio_kinds")
        self.government_offices: dict[str, str] = {}
        known = set(rules.country_names.values())
        for country, nouns in rules.value("roles", "government_offices").items():
            if country not in known:
                raise DataError(
                    f"{rules.path('roles.json')}: entry 'government_offices' names {country!r}, "
                    "which is not in countries.json"
                )
            self.government_offices.update({n.lower(): country for n in nouns})
        c = rules.confidence
        self.article = c("side.article_country")
        self.government_office = c("side.government_office")
        self.sentence_region, self.article_region = c("side.sentence_region"), c("side.article_region")

    def reader(self, r: Reading) -> DocumentSides:
        return DocumentSides(self, r)


class DocumentSides:
    """What one article says about sides as a whole: its country, its region, who heads a government."""

    def __init__(self, inference: Inference, r: Reading):
        self.i, self.r, rules = inference, r, inference.rules
        self.countries: Counter[str] = Counter()
        self.regions: Counter[str] = Counter()
        self.sentence_regions: dict[int, set[str]] = {}
        for ent in r.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            region = rules.region(ent.text)
            country = rules.country(ent.text)
            if country and ent.label_ != "LOC":
                self.countries[country] += 1
            elif region:  # a name a country shares ('Georgia') counts as the country
                self.regions[region] += 1
                self.sentence_regions.setdefault(r.sent_of[ent.start], set()).add(region)
        self.home, self.home_region = dominant(self.countries), dominant(self.regions)
        self.heads: dict[str, str] = {}  # person -> the government noun named after them
        for m in r.mentions:
            after = m.span.end
            if after < len(r.doc) and r.doc[after].lower_ in inference.government_nouns:
                self.heads.setdefault(m.entity, r.doc[after].lower_)
        self.statesmen = {m.entity for m in r.mentions if self._statesman(m.title)}

    def _statesman(self, t) -> bool:
        """A state role in a title that names no other body; capitalised words before a minister's
        role are a portfolio ('Equal Opportunities Minister'), not a body."""
        if not set(t.words) & self.i.state_roles or t.org:
            return False
        return not t.other_body or (bool(t.kinds) and t.kinds[0] in self.i.portfolio_kinds)

    def side(self, entity: str) -> Side | None:
        """The side the article gives this person, or None."""
        return self._region(entity) or self._government(entity) or self._country(entity)

    def _region(self, entity: str) -> Side | None:
        i, r = self.i, self.r
        for m in r.mentions:
            t = m.title
            if m.entity != entity or not set(t.words) & i.regional_only or t.region or t.country or t.city:
                continue
            here = self.sentence_regions.get(m.sent, set())
            if len(here) == 1:
                return Side(next(iter(here)), i.sentence_region.value, "title.sentence_region", "Place")
            if not here and self.home_region:
                return Side(self.home_region, i.article_region.value, "title.article_region", "Place")
        return None

    def _government(self, entity: str) -> Side | None:
        country = self.i.government_offices.get(self.heads.get(entity, ""))
        if country and self.countries[country] and country not in self._counterpart_sides(entity):
            return Side(country, self.i.government_office.value, "named_government.office")
        return None

    def _country(self, entity: str) -> Side | None:
        if not self.home or (entity not in self.statesmen and entity not in self.heads):
            return None
        if self.home in self._counterpart_sides(entity):
            return None
        return Side(self.home, self.i.article.value, "title.article_country")

    def _counterpart_sides(self, entity: str) -> set[str]:
        """The sides of the people this person met or hosted: never their own side."""
        r, rules, out = self.r, self.i.rules, set()
        for f in r.facts:
            if f.predicate in COUNTERPART_PREDICATES and entity in (f.subject.name, f.object.name):
                other = f.object.name if f.subject.name == entity else f.subject.name
                side = r.best_side(other)
                known = rules.known_country(other) or rules.term_country(other, r.period)
                out |= {s for s in (side.name if side else None, known) if s}
        return out
