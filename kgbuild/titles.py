"""Titles and appositions around a person's name: their role, their side, their principal.

"Russian President Vladimir Putin's envoy Kirill Dmitriev", "Oleksandr Bevz, an advisor in
Ukrainian President Volodymyr Zelensky's office", "the head of the Ukrainian delegation,
Rustem Umerov", "Ukraine's chief negotiator Rustem Umerov", "adviser to President Donald
Trump": each is read into a `Title` — role kinds, the country named in it, and a principal
(the person, country or organisation whose envoy/adviser/spokesperson this is).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

POSSESSIVE = {"'s", "’s", "'", "’"}
CONNECTORS = {"of", "for", "to", "the", "-", "in", "at"}
PRONOUN_POSSESSORS = {"his", "her", "their"}
STRENGTH = ("envoy", "spokesperson", "adviser", "negotiator", "leader", "minister", "official", "counterpart", "kin")


@dataclass
class Actor:
    """A principal or side named in a title: a person mention, or a country/organisation name."""

    type: str  # Person | Country | Organization
    name: str
    mention: object = None  # the person Mention, for people


@dataclass
class Title:
    kinds: list[str] = field(default_factory=list)     # role kinds, strongest first
    words: list[str] = field(default_factory=list)     # the role words as written
    country: str | None = None                         # country named as the person's side
    org: str | None = None                             # organisation the role is in
    principal: Actor | None = None                     # whose envoy / adviser / spokesperson
    destination: str | None = None                     # "envoy to the Middle East"
    leads: str | None = None                           # "head of the Ukrainian delegation" -> Ukraine
    source: str = ""                                   # which rule read it
    plural: bool = False                               # "presidents Nixon, Reagan and Clinton"
    object_of_role: bool = False                       # the name is someone else's principal
    role_tokens: set = field(default_factory=set)      # token indices inside matched role words
    start: int | None = None                           # first token of a title written before the name
    other_body: bool = False                           # the title names a party, company, union ...

    @property
    def kind(self) -> str | None:
        return self.kinds[0] if self.kinds else None

    def merge(self, other: "Title") -> None:
        for k in other.kinds:
            if k not in self.kinds:
                self.kinds.append(k)
        self.kinds.sort(key=STRENGTH.index)
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


class TitleReader:
    """Reads titles for person mentions, given the document's entity spans."""

    def __init__(self, doc: Doc, lex: Lexicon, person_at: dict[int, object]):
        self.doc = doc
        self.lex = lex
        self.person_at = person_at  # token index -> Mention, for every token of a PERSON span
        self.ent_at: dict[int, Span] = {t.i: e for e in doc.ents for t in e}

    # -- token classes ---------------------------------------------------------------------------
    def actor_at(self, i: int) -> Actor | None:
        """The country or organisation named by the entity covering token i."""
        ent = self.ent_at.get(i)
        if ent is None:
            c = self.lex.demonyms.get(self.doc[i].lower_)
            return Actor("Country", c) if c else None
        if ent.label_ == "PERSON":
            return None
        org = self.lex.organization(ent.text)
        if org:
            return Actor("Organization", org)
        country = self.lex.country(ent.text)
        if country:
            return Actor("Country", country)
        if ent.label_ == "ORG":
            return Actor("Organization", _clean_org(ent.text))
        return None

    def is_role(self, tok: Token) -> bool:
        return tok.lower_ in self.lex.roles or tok.lower_ in self.lex.modifiers \
            or tok.lower_ in self.lex.honorifics

    def compound(self, i: int) -> tuple[int, str]:
        """The start and text of a hyphenated word around token i ("son-in-law" is five tokens)."""
        doc = self.doc
        a = i
        while a > 0 and not doc[a - 1].whitespace_ and ("-" in (doc[a].text, doc[a - 1].text)):
            a -= 1
        b = i
        while b + 1 < len(doc) and not doc[b].whitespace_ and ("-" in (doc[b].text, doc[b + 1].text)):
            b += 1
        return a, doc[a:b + 1].text.lower()

    # -- reading ---------------------------------------------------------------------------------
    def read(self, mention) -> Title:
        """Everything the text around this mention says about the person's role and side."""
        title = Title()
        span = mention.span
        left = self.left_phrase(span.start)
        if left is not None:
            title.merge(left)
            if left.start is not None and left.start > 0 and self.doc[left.start - 1].text == ",":
                outer = self.left_phrase(left.start)  # "the head of the X delegation, Deputy Minister NAME"
                if outer is not None and not outer.object_of_role:
                    title.merge(outer)
        right = self.apposition(span.end)
        if right is not None:
            title.merge(right)
        if not title.country and span.end + 1 < len(self.doc) and self.doc[span.end].lower_ == "of":
            actor = self.actor_at(span.end + 1)  # "Presidents Dilma Rousseff of Brazil, Vladimir Putin of Russia"
            if actor is not None and actor.type == "Country":
                title.country = actor.name
                title.source = title.source or "name_of_country"
        return title

    def left_phrase(self, end: int) -> Title | None:
        """The title written before a name: 'US Special Envoy to the Middle East', 'Putin's envoy'."""
        doc = self.doc
        i = end - 1
        sent_start = doc[end - 1 if end > 0 else 0].sent.start if end > 0 else 0
        if i >= 0 and doc[i].text == "(":  # "the President of Ukraine (Volodymyr Zelensky)"
            i -= 1
        elif i >= 1 and doc[i].text == ",":  # "the head of the Ukrainian delegation, Rustem Umerov"
            before = doc[i - 1]
            if not (before.lower_ in self.lex.roles or before.lower_ in self.lex.group_nouns
                    or before.lower_ in self.lex.principal_nouns) or i - 1 in self.person_at:
                return None
            i -= 1
        tokens: list[int] = []
        principal = None
        while i >= sent_start:
            tok = doc[i]
            if i in self.person_at:
                if tokens and doc[tokens[0]].text in POSSESSIVE:
                    principal = self.person_at[i]
                break
            if tok.text in POSSESSIVE:
                tokens.insert(0, i)
                i -= 1
                continue
            a, word = self.compound(i)
            if a < i and (word in self.lex.roles or word in self.lex.modifiers):
                tokens[:0] = list(range(a, i + 1))
                i = a - 1
                continue
            if tok.lower_ in PRONOUN_POSSESSORS:
                tokens.insert(0, i)
                break
            if tok.lower_ == "and":
                after = self.compound(tokens[0])[1] if tokens else None
                prev = self.compound(i - 1)[1] if i > 0 else None
                if after is not None and prev is not None and after in self.lex.roles \
                        and (prev in self.lex.roles or prev in self.lex.modifiers):
                    tokens.insert(0, i)
                    i -= 1
                    continue
                break
            if tokens and tok.dep_ in ("compound", "amod") and tok.head.i in tokens and tok.is_lower \
                    and tok.pos_ in ("NOUN", "ADJ"):  # "foreign policy adviser", "security chief"
                tokens.insert(0, i)
                i -= 1
                continue
            if i in self.ent_at and self.ent_at[i].label_ in ("GPE", "NORP", "ORG", "LOC", "FAC") \
                    or self.is_role(tok) or tok.lower_ in CONNECTORS and tokens \
                    or tok.is_title and tok.pos_ in ("PROPN", "NOUN", "ADJ") and tokens \
                    or tok.lower_ in self.lex.principal_nouns or tok.lower_ in self.lex.group_nouns:
                tokens.insert(0, i)
                i -= 1
                continue
            break
        while tokens and doc[tokens[0]].lower_ in CONNECTORS:
            tokens.pop(0)
        if not tokens and principal is None:
            return None
        title = self.analyse(tokens, principal, source="title")
        title.start = tokens[0] if tokens else end
        own = self._object_of_role(tokens, title)
        if own is not None:  # "adviser to President Donald Trump": Trump is the adviser's principal
            title = self.analyse(own, None, source="title") if own else Title(source="title")
            title.object_of_role = True
            return title
        return title if (title.kinds or title.principal) else None

    def _object_of_role(self, tokens: list[int], title: Title) -> list[int] | None:
        """If the name is the object of another person's role ('adviser to X'), the name's own title."""
        doc = self.doc
        for pos in range(len(tokens) - 1, 0, -1):
            i = tokens[pos]
            if doc[i].lower_ not in ("to", "of", "for") or i in title.role_tokens:
                continue
            before = self.compound(tokens[pos - 1])[1]
            after = tokens[pos + 1:]
            if before not in self.lex.roles or self.lex.roles[before] == "kin" and doc[i].lower_ != "of":
                return None
            if after and doc[after[0]].lower_ == "the":
                return None
            if all(doc[j].lower_ in self.lex.roles or doc[j].lower_ in self.lex.honorifics
                   or doc[j].lower_ in ("former", "then", "acting", "vice", "deputy") for j in after):
                return after
            return None
        return None

    def apposition(self, start: int) -> Title | None:
        """', an advisor in Zelensky's office' / ', another of Mr Zelensky's advisors' after a name."""
        doc = self.doc
        if start >= len(doc) - 2 or doc[start].text != ",":
            return None
        tokens: list[int] = []
        principal = None
        i = start + 1
        if doc[i].lower_ in ("and", "or", "but"):
            return None
        limit = min(len(doc), start + 16, doc[start].sent.end)
        while i < limit:
            tok = doc[i]
            if tok.text in (",", ";", ".", ")", "(", "—", "–", ":") or tok.text in ("\"", "“", "”"):
                break
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBN",) and tok.lower_ not in self.lex.roles:
                break
            if i in self.person_at:
                m = self.person_at[i]
                k = i - 1
                while k > start and (doc[k].lower_ in self.lex.roles or doc[k].lower_ in self.lex.honorifics):
                    k -= 1
                introduced = doc[k].lower_ in ("to", "of", "for", "in", "at", "with")
                possessor = m.span.end < len(doc) and doc[m.span.end].text in POSSESSIVE
                if not (introduced or possessor):
                    return None  # a list of names, not an apposition
                principal = principal or m
                i = m.span.end
                continue
            tokens.append(i)
            i += 1
        if not tokens:
            return None
        title = self.analyse(tokens, None, source="apposition", principal_hint=principal)
        return title if title.kinds else None

    def analyse(self, tokens: list[int], principal, source: str, principal_hint=None) -> Title:
        """Role words, the side's country, the principal and any destination in a title's tokens."""
        doc, lex = self.doc, self.lex
        title = Title(source=source)
        words = [doc[i].lower_ for i in tokens]
        used = set()
        glued = [not doc[i].whitespace_ for i in tokens]
        # roles, longest first, so "secretary of state" is one role and "of" is inside it
        n = len(words)
        role_pos: list[int] = []
        for size in range(min(n, 8), 0, -1):
            for a in range(0, n - size + 1):
                if any(k in used for k in range(a, a + size)):
                    continue
                phrase = "".join(w + ("" if glued[k] else " ") for k, w in
                                 enumerate(words[a:a + size], a)).strip()
                kind = lex.roles.get(phrase)
                if kind:
                    used.update(range(a, a + size))
                    title.role_tokens.update(tokens[a:a + size])
                    role_pos.append(a)
                    title.words.append(phrase)
                    if kind not in title.kinds:
                        title.kinds.append(kind)
                    if words[a + size - 1].endswith("s") and phrase.endswith("s") and \
                            lex.roles.get(phrase[:-1]) == kind:
                        title.plural = True
        title.kinds.sort(key=STRENGTH.index)
        first_role = min(role_pos) if role_pos else None
        # actors: before the first role word, or after "of"; "to" marks a destination
        prev_word = None
        seen_ents = set()
        for pos, i in enumerate(tokens):
            actor = self.actor_at(i)
            ent = self.ent_at.get(i)
            if actor is None or (ent is not None and ent.start in seen_ents):
                prev_word = words[pos]
                continue
            if ent is not None:
                seen_ents.add(ent.start)
            nxt = words[pos + len(ent) if ent is not None else pos + 1] if \
                pos + (len(ent) if ent is not None else 1) < n else None
            if prev_word == "to":
                title.destination = title.destination or actor.name
            elif nxt in POSSESSIVE:
                title.principal = title.principal or actor
                if actor.type == "Country":
                    title.country = title.country or actor.name
                else:
                    title.org = title.org or actor.name
            elif actor.type == "Organization":
                title.org = title.org or actor.name
            elif first_role is None or pos < first_role or prev_word in ("of", "for", "in"):
                title.country = title.country or actor.name
            if "delegation" in words[pos:pos + 4] or "delegations" in words[pos:pos + 4]:
                title.leads = actor.name if any(w in ("head", "chief", "leader") for w in words[:pos]) \
                    else title.leads
            prev_word = words[pos]
        for pos, i in enumerate(tokens):  # "World Bank President", "Green Party co-leader"
            tok = doc[i]
            actor = self.actor_at(i)
            if pos in used or tok.lower_ in lex.modifiers or tok.lower_ in lex.honorifics \
                    or actor is not None and actor.type == "Country" or tok.lower_ in CONNECTORS \
                    or tok.text in POSSESSIVE:
                continue
            if tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "DATE"):
                continue  # places are not bodies: "Envoy to the Balkans"
            if tok.is_title or tok.ent_type_ == "ORG":
                title.other_body = True
        if principal is not None:
            title.principal = Actor("Person", principal.name, principal)
        elif principal_hint is not None:
            title.principal = Actor("Person", principal_hint.name, principal_hint)
        elif tokens and doc[tokens[0]].lower_ in PRONOUN_POSSESSORS:
            title.principal = Actor("Pronoun", doc[tokens[0]].lower_)
        if title.org and not title.country:
            title.country = lex.org_country.get(title.org)
        if "delegation" in words and any(w in ("head", "chief", "leader", "led") for w in words) \
                and title.leads is None:
            title.leads = title.country
        return title


def _clean_org(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
