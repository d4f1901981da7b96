"""Stage 3, roles and sides: what titles and delegation lists say about each person.

From each mention's title: the sides it names ("Norwegian minister", "Norway's envoy"), and
role facts — ENVOY_OF, ADVISER_OF, SPOKESPERSON_OF, LEADS ("head of the X delegation", "party
leader").  From delegation lists ("The Norwegian side included A, B and C", "Sweden was
represented by A", "the delegation, led by A"): MEMBER_OF, LEADS and each member's side.
Last, principals and their people share sides: an envoy, adviser or official takes their
principal's side, and a principal with none takes their envoy's (before meetings are read, so
that "Putin's envoy A and Trump's envoy B" sit on two sides of one table).  Confidences come
from `rules.json`.
"""

from __future__ import annotations

from spacy.attrs import LEMMA

from ..names import fold
from ..rules import Rules
from .clauses import Clauses
from .reading import Actor, DelegationList, Mention, Reading, Side

PASSIVE_DEPS = ("auxpass", "nsubjpass")
LIST_SUBJECT_ENTS = ("GPE", "ORG")


def delegation(country: str) -> tuple[str, str]:
    """The Organization node that stands for one country's delegation."""
    return f"{country} delegation", "Organization"


def ref(actor: Actor | None) -> tuple[str, str] | None:
    return None if actor is None or actor.type == "Pronoun" else (actor.name, actor.type)


class Roles:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.clauses = Clauses(rules)
        self.state_roles = rules.words("roles", "state_roles")
        self.group_nouns = rules.words("roles", "group_nouns")
        self.list_verbs = rules.words("meetings", "delegation_verbs")
        self.passive_only = rules.words("meetings", "passive_delegation_verbs")
        self.leading = rules.words("meetings", "leading_verbs")
        c = rules.confidence
        self.side_title, self.side_untitled = c("side.title_country"), c("side.title_country_without_role")
        self.side_possessor, self.side_member = c("side.possessor"), c("side.delegation_member")
        self.side_office = c("side.office")
        self.envoy_named, self.envoy_country = c("envoy.named_principal"), c("envoy.title_country")
        self.adviser, self.spokesperson = c("adviser.principal"), c("spokesperson.principal")
        self.head, self.org_leader = c("leads.head_of_delegation"), c("leads.organisation")
        self.member, self.led_by = c("member.delegation_list"), c("leads.delegation_list")
        self.principal_kinds = rules.words("roles", "principal_side_kinds")
        self.state_bodies = rules.words("roles", "state_bodies")
        self.regional_roles, self.city_roles = (
            rules.words("roles", "regional_roles"),
            rules.words("roles", "city_roles"),
        )
        self.lending_kinds = rules.words("roles", "lending_kinds")
        self.from_principal, self.of_principal = c("side.from_principal"), c("side.of_principal")

    def __call__(self, r: Reading) -> None:
        for m in r.mentions:
            if not m.title.object_of_role:
                self._title_sides(r, m)
                self._title_facts(r, m)
        for i in r.where(LEMMA, self.list_verbs, ["VERB", "AUX"]):
            self._delegation_list(r, r.sent_of[i], r.doc[i])
        self._principals(r)

    def _principals(self, r: Reading) -> None:
        """Principals lend their side to their envoys and advisers, and borrow theirs when they have none."""
        for m in r.mentions:
            p = m.title.principal
            if p is None or p.type != "Person" or m.title.object_of_role:
                continue
            best = r.best_side(p.name)
            if best and set(m.title.kinds) & self.principal_kinds:
                conf = min(self.from_principal.value, best.confidence)
                r.sides[m.entity].append(Side(best.name, conf, "principal.side", best.type, best.basis))
        for m in r.mentions:
            p = m.title.principal
            if p is not None and p.type == "Person" and not r.sides.get(p.name) and r.sides.get(m.entity):
                best = r.best_side(m.entity)
                if best.confidence >= self.of_principal.requires and set(m.title.kinds) & self.lending_kinds:
                    r.sides[p.name].append(
                        Side(best.name, self.of_principal.value, "principal.of_side", best.type, best.basis)
                    )

    def _principal(self, m: Mention) -> Actor | None:
        p = m.title.principal
        return None if p is not None and p.type == "Person" and p.name == m.entity else p

    def _title_sides(self, r: Reading, m: Mention) -> None:
        t, principal = m.title, self._principal(m)
        if self._party_or_company(t):  # "president of Rwanda's Green Party", "Volkswagen chief executive"
            return
        if t.kinds and set(t.kinds) <= {"executive"} and not t.state_body:
            return  # "British director": a nationality alone does not make a body's head act for the state
        foreign_body = t.other_body and not set(t.words) & self.state_roles
        conf = self.side_title if t.kinds else self.side_untitled
        if t.city and set(t.words) & self.city_roles:  # "Kyiv mayor": the city, not the state
            r.sides[m.entity].append(Side(t.city, conf.value, f"{t.source}.city", "Place"))
        elif t.region and t.kinds and (not t.country or set(t.words) & self.regional_roles):
            r.sides[m.entity].append(Side(t.region, conf.value, f"{t.source}.region", "Place"))
        elif t.org and t.kinds and not t.country and self._international(t.org):  # "NATO commander"
            r.sides[m.entity].append(Side(t.org, conf.value, f"{t.source}.organization", "Organization"))
        elif t.country and not foreign_body:  # not "director of the Open Society in Angola"
            r.sides[m.entity].append(Side(t.country, conf.value, f"{t.source}.country"))
        elif t.office and not t.country:  # "Secretary of State Jane Roe": a United States office
            r.sides[m.entity].append(Side(t.office, self.side_office.value, f"{t.source}.office"))
        if principal is not None and principal.type in ("Country", "Organization"):
            country = principal.name if principal.type == "Country" else self.rules.org_country.get(principal.name)
            if country and t.kinds:
                r.sides[m.entity].append(Side(country, self.side_possessor.value, f"{t.source}.possessor"))

    def _party_or_company(self, t) -> bool:
        """The title's role is in a body that is neither a state's ('Foreign Ministry', 'the Kremlin')
        nor an international one kgbuild knows: a party, a company, a union, a club."""
        if not t.org or t.org in self.rules.org_country:
            return False
        return not set(fold(t.org).split()) & self.state_bodies

    def _international(self, org: str) -> bool:
        """A body of kgbuild's list that acts for no single state (NATO, the UN, the African Union)."""
        return org in self.rules.org_country and self.rules.org_country[org] is None

    def _title_facts(self, r: Reading, m: Mention) -> None:
        t, principal, person = m.title, self._principal(m), (m.entity, "Person")
        if t.leads:
            r.heads[t.leads].append(m.entity)
            r.fact(person, "LEADS", delegation(t.leads), m.sent, self.head.value, f"{t.source}.head_of_delegation")
        for kind in t.kinds:
            if kind == "envoy":
                target = ref(principal) or (t.country and (t.country, "Country")) or (t.org and (t.org, "Organization"))
                conf = self.envoy_named if principal is not None else self.envoy_country
                if target:
                    r.fact(person, "ENVOY_OF", target, m.sent, conf.value, f"{t.source}.envoy")
            elif kind == "adviser" and principal is not None and principal.type in ("Person", "Organization"):
                r.fact(person, "ADVISER_OF", ref(principal), m.sent, self.adviser.value, f"{t.source}.adviser")
            elif kind == "spokesperson":
                target = ref(principal) or (t.org and (t.org, "Organization")) or (t.country and (t.country, "Country"))
                if target:
                    r.fact(
                        person, "SPOKESPERSON_OF", target, m.sent, self.spokesperson.value, f"{t.source}.spokesperson"
                    )
            if kind in ("leader", "executive") and t.org and not t.country:
                r.fact(person, "LEADS", (t.org, "Organization"), m.sent, self.org_leader.value, f"{t.source}.leader")

    def _delegation_list(self, r: Reading, k: int, tok) -> None:
        """'The US side included A, B and C', 'Ukraine was represented by A and B'."""
        if tok.pos_ not in ("VERB", "AUX") or r.lemma(tok) not in self.list_verbs:
            return
        passive = any(c.dep_ in PASSIVE_DEPS for c in tok.children) or tok.tag_ == "VBN"
        if r.lemma(tok) in self.passive_only and not passive:
            return
        subj = self.clauses.subject(tok)
        if not subj and tok.dep_ == "acl":  # "the delegation, led by ..."
            subj = [tok.head, *tok.head.children]
        heads = [t for t in subj if t.lower_ in self.group_nouns]
        countries = self.clauses.group_countries(subj)
        if len(countries) != 1 or not (heads or (subj and subj[-1].ent_type_ in LIST_SUBJECT_ENTS)):
            return
        members = self.clauses.participants(r, tok.i + 1, self.clauses.end(r, tok.i))
        if not members:
            return
        country = countries[0]
        for m in members:
            r.sides[m.entity].append(Side(country, self.side_member.value, "delegation.member"))
            r.fact((m.entity, "Person"), "MEMBER_OF", delegation(country), k, self.member.value, "delegation.member")
        if r.lemma(tok) in self.leading:
            for m in members[:1]:
                r.heads[country].append(m.entity)
                r.fact((m.entity, "Person"), "LEADS", delegation(country), k, self.led_by.value, "delegation.led_by")
        r.lists.append(DelegationList(k, country, members))
