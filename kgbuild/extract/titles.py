"""Titles and appositions around a person's name: their role, their side, their principal.

"Norwegian Prime Minister Kari Lie's envoy Ola Berg", "Per Dahl, an adviser in Kari Lie's
office", "the head of the Swedish delegation, Eva Ek", "Finland's chief negotiator Anna
Virtanen", "adviser to President Kari Lie": each is read into a `Title` — role kinds, the
country named in it, and a principal (the person, country or organisation whose
envoy/adviser/spokesperson this is).  Every word class comes from `roles.json` and
`grammar.json`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..names import fold, without_article
from ..rules import Rules
from .reading import Actor, Mention, Reading, Title

SIDE_ENT_LABELS = ("GPE", "NORP", "ORG", "LOC", "FAC")  # entities a title may hold
PLACE_ENT_LABELS = ("GPE", "LOC", "FAC", "NORP", "DATE")  # not bodies: "Envoy to the Balkans"
MODIFIER_DEPS = ("compound", "amod")
TITLE_POS = ("PROPN", "NOUN", "ADJ")
HYPHEN = "-"
MAX_ROLE_WORDS = 8
APPOSITION_SPAN = 16


class TitleWords:
    """The word classes titles are read with (built once per pipeline)."""

    def __init__(self, rules: Rules):
        self.rules = rules
        role = lambda entry: rules.words("roles", entry)
        grammar = lambda entry: rules.words("grammar", entry)
        self.roles, self.strength = rules.roles, rules.kinds
        self.honorifics, self.modifiers = role("honorifics"), role("modifiers")
        self.principal_nouns, self.group_nouns = role("principal_nouns"), role("group_nouns")
        self.heads, self.led = role("delegation_heads"), role("delegation_led")
        self.delegation_words, self.prefixes = role("delegation_words"), role("role_prefixes")
        self.possessive, self.quotes = grammar("possessive_markers"), grammar("quotes")
        self.connectors, self.pronouns = grammar("title_connectors"), grammar("pronoun_possessors")
        self.object_preps, self.side_preps = grammar("role_object_prepositions"), grammar("side_prepositions")
        self.destination_preps, self.file_preps = grammar("destination_prepositions"), grammar("file_prepositions")
        self.introducers, self.refusers = grammar("apposition_introducers"), grammar("apposition_refusers")
        self.stops, self.articles = grammar("apposition_stops"), grammar("articles")
        self.conjunctions, self.origin = grammar("role_conjunctions"), grammar("origin_prepositions")
        self.kin_preps = grammar("kin_prepositions")
        self.state_bodies = role("state_bodies")
        self.body_words = role("body_words")

    def reader(self, r: Reading) -> TitleReader:
        return TitleReader(self, r)


class TitleReader:
    """Reads titles for the person mentions of one document."""

    def __init__(self, words: TitleWords, r: Reading):
        self.w = words
        self.doc = r.doc
        self.person_at = r.person_at  # token index -> Mention, for every token of a PERSON span
        self.ent_at: dict[int, Span] = {i: e for e in r.ents for i in range(e.start, e.end)}

    # -- token classes ---------------------------------------------------------------------------
    def actor_at(self, i: int) -> Actor | None:
        """The country or organisation named by the entity covering token i."""
        rules = self.w.rules
        ent = self.ent_at.get(i)
        if ent is None:
            c = rules.demonyms.get(self.doc[i].lower_)
            return Actor("Country", c) if c else None
        if ent.label_ == "PERSON":
            return None
        org = rules.organization(ent.text)
        if org:
            return Actor("Organization", org)
        country = rules.country(ent.text)
        if country:
            return Actor("Country", country)
        if all(self._title_word(t.lower_) for t in ent):
            return None  # "Trade" in "Trade Minister" tagged as a body
        if ent.label_ == "ORG" or ent[-1].lower_ in self.w.body_words:  # "Green Party" tagged as a place
            return Actor("Organization", without_article(" ".join(ent.text.split()), self.w.articles))
        return None

    def _title_word(self, word: str) -> bool:
        return word in self.w.modifiers or word in self.w.roles or word in self.w.state_bodies

    def is_role(self, tok: Token) -> bool:
        return tok.lower_ in self.w.roles or tok.lower_ in self.w.modifiers or tok.lower_ in self.w.honorifics

    def compound(self, i: int) -> tuple[int, str]:
        """The start and text of a hyphenated word around token i ("son-in-law" is five tokens)."""
        doc = self.doc
        a = i
        while a > 0 and not doc[a - 1].whitespace_ and HYPHEN in (doc[a].text, doc[a - 1].text):
            a -= 1
        b = i
        while b + 1 < len(doc) and not doc[b].whitespace_ and HYPHEN in (doc[b].text, doc[b + 1].text):
            b += 1
        return a, doc[a : b + 1].text.lower()

    # -- reading ---------------------------------------------------------------------------------
    def read(self, mention: Mention) -> Title:
        """Everything the text around this mention says about the person's role and side."""
        title, span, strength = Title(), mention.span, self.w.strength
        left = self.left_phrase(span.start)
        if left is not None:
            title.merge(left, strength)
            if left.start is not None and left.start > 0 and self.doc[left.start - 1].text == ",":
                outer = self.left_phrase(left.start)  # "the head of the X delegation, Deputy Minister NAME"
                if outer is not None and not outer.object_of_role:
                    title.merge(outer, strength)
        right = self.apposition(span.end)
        if right is not None:
            title.merge(right, strength)
        if not title.country and span.end + 1 < len(self.doc) and self.doc[span.end].lower_ in self.w.origin:
            actor = self.actor_at(span.end + 1)  # "Presidents Dilma Rousseff of Brazil, Vladimir Putin of Russia"
            if actor is not None and actor.type == "Country":
                title.country = actor.name
                title.source = title.source or "name_of_country"
        return title

    def left_phrase(self, end: int) -> Title | None:
        """The title written before a name: 'US Special Envoy to the Middle East', 'Putin's envoy'."""
        i = self._left_start(end)
        if i is None:
            return None
        sent_start = self.doc[end - 1].sent.start if end > 0 else 0
        tokens, principal = self._left_tokens(i, sent_start)
        while tokens and self.doc[tokens[0]].lower_ in self.w.connectors:
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

    def _left_start(self, end: int) -> int | None:
        """Where a title before the name ends: past '(' or a ', ' after a role or group word."""
        doc, i = self.doc, end - 1
        if i >= 0 and doc[i].text == "(":  # "the President of Ukraine (Volodymyr Zelensky)"
            return i - 1
        if i >= 1 and doc[i].text == ",":  # "the head of the Ukrainian delegation, Rustem Umerov"
            before = doc[i - 1].lower_
            if (
                not (before in self.w.roles or before in self.w.group_nouns or before in self.w.principal_nouns)
                or i - 1 in self.person_at
            ):
                return None
            return i - 1
        return i

    def _left_tokens(self, i: int, stop: int) -> tuple[list[int], Mention | None]:
        """The title's tokens, walking left from i, and the person whose possessive starts it."""
        tokens: list[int] = []
        while i >= stop:
            if i in self.person_at:
                starts_possessive = tokens and self.doc[tokens[0]].text in self.w.possessive
                return tokens, self.person_at[i] if starts_possessive else None
            step = self._left_step(i, tokens)
            if step is None:
                break
            tokens[:0] = step
            if self.doc[i].lower_ in self.w.pronouns and step == [i]:
                break  # "his special envoy": the possessor ends the title
            i = step[0] - 1
        return tokens, None

    def _left_step(self, i: int, tokens: list[int]) -> list[int] | None:
        """The tokens ending at i that belong to the title, or None where the title stops."""
        _doc, tok, w = self.doc, self.doc[i], self.w
        if tok.text in w.possessive:
            return [i]
        a, word = self.compound(i)
        if a < i and (word in w.roles or word in w.modifiers):
            return list(range(a, i + 1))
        if tok.lower_ in w.pronouns:
            return [i]
        if tok.lower_ in w.conjunctions:  # "Foreign Minister and Deputy Prime Minister"
            after = self.compound(tokens[0])[1] if tokens else None
            prev = self.compound(i - 1)[1] if i > 0 else None
            joins = (
                after is not None and prev is not None and after in w.roles and (prev in w.roles or prev in w.modifiers)
            )
            return [i] if joins else None
        if (
            tokens
            and tok.dep_ in MODIFIER_DEPS
            and tok.head.i in tokens
            and tok.is_lower
            and tok.pos_ in ("NOUN", "ADJ")
        ):  # "foreign policy adviser", "security chief"
            return [i]
        if (
            (i in self.ent_at and self.ent_at[i].label_ in SIDE_ENT_LABELS)
            or self.is_role(tok)
            or (tok.lower_ in w.connectors and tokens)
            or (tok.is_title and tok.pos_ in TITLE_POS and tokens)
            or tok.lower_ in w.principal_nouns
            or tok.lower_ in w.group_nouns
        ):
            return [i]
        return None

    def _object_of_role(self, tokens: list[int], title: Title) -> list[int] | None:
        """If the name is the object of another person's role ('adviser to X'), the name's own title."""
        doc, w = self.doc, self.w
        for pos in range(len(tokens) - 1, 0, -1):
            i = tokens[pos]
            if doc[i].lower_ not in w.object_preps or i in title.role_tokens:
                continue
            before = self.compound(tokens[pos - 1])[1]
            after = tokens[pos + 1 :]
            if before not in w.roles or (w.roles[before] == "kin" and doc[i].lower_ not in w.kin_preps):
                return None
            if after and doc[after[0]].lower_ in w.articles:
                return None
            if all(
                doc[j].lower_ in w.roles or doc[j].lower_ in w.honorifics or doc[j].lower_ in w.prefixes for j in after
            ):
                return after
            return None
        return None

    def apposition(self, start: int) -> Title | None:
        """', an advisor in Zelensky's office' / ', another of Mr Zelensky's advisors' after a name."""
        doc = self.doc
        if start >= len(doc) - 2 or doc[start].text != "," or doc[start + 1].lower_ in self.w.refusers:
            return None
        tokens: list[int] = []
        principal = None
        i = start + 1
        limit = min(len(doc), start + APPOSITION_SPAN, doc[start].sent.end)
        while i < limit:
            tok = doc[i]
            if tok.text in self.w.stops or tok.text in self.w.quotes:
                break
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN" and tok.lower_ not in self.w.roles:
                break
            if i in self.person_at:
                m = self.person_at[i]
                if not self._introduced(start, i, m):
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

    def _introduced(self, start: int, i: int, m: Mention) -> bool:
        """A name inside an apposition is its principal: 'an adviser to [President] X' or 'X's'."""
        doc, k = self.doc, i - 1
        while k > start and (doc[k].lower_ in self.w.roles or doc[k].lower_ in self.w.honorifics):
            k -= 1
        possessor = m.span.end < len(doc) and doc[m.span.end].text in self.w.possessive
        return doc[k].lower_ in self.w.introducers or possessor

    # -- analysing a title's tokens -----------------------------------------------------------
    def analyse(self, tokens: list[int], principal, source: str, principal_hint=None) -> Title:
        """Role words, the side's country, the principal and a delegation led, in a title's tokens."""
        title = Title(source=source)
        words = [self.doc[i].lower_ for i in tokens]
        used, first_role = self._roles(title, tokens, words)
        self._actors(title, tokens, words, first_role)
        self._other_body(title, tokens, used)
        if principal is not None:
            title.principal = Actor("Person", principal.name, principal)
        elif principal_hint is not None:
            title.principal = Actor("Person", principal_hint.name, principal_hint)
        elif tokens and self.doc[tokens[0]].lower_ in self.w.pronouns:
            title.principal = Actor("Pronoun", self.doc[tokens[0]].lower_)
        if title.org and not title.country:
            title.country = self.w.rules.org_country.get(title.org)
        title.office = self._office(words)
        title.state_body = any(w in self.w.state_bodies for w in words) or bool(
            title.org and self.w.rules.org_country.get(title.org)
        )
        if (
            any(x in self.w.delegation_words for x in words)
            and any(x in self.w.heads or x in self.w.led for x in words)
            and title.leads is None
        ):
            title.leads = title.country
        return title

    def _office(self, words: list[str]) -> str | None:
        """The country an office in the title names by itself: 'Secretary of State', 'Foreign Secretary'."""
        text = f" {' '.join(words)} "
        found = [(len(p), c) for p, c in self.w.rules.offices.items() if f" {p} " in text]
        return max(found)[1] if found else None

    def _roles(self, title: Title, tokens: list[int], words: list[str]) -> tuple[set[int], int | None]:
        """Role phrases, longest first (so 'secretary of state' is one role and 'of' is inside it)."""
        roles, n = self.w.roles, len(words)
        glued = [not self.doc[i].whitespace_ for i in tokens]
        used: set[int] = set()
        role_pos: list[int] = []
        for size in range(min(n, MAX_ROLE_WORDS), 0, -1):
            for a in range(0, n - size + 1):
                if any(k in used for k in range(a, a + size)):
                    continue
                phrase = "".join(w + ("" if glued[k] else " ") for k, w in enumerate(words[a : a + size], a)).strip()
                kind = roles.get(phrase)
                if not kind:
                    continue
                used.update(range(a, a + size))
                title.role_tokens.update(tokens[a : a + size])
                role_pos.append(a)
                title.words.append(phrase)
                if kind not in title.kinds:
                    title.kinds.append(kind)
                if words[a + size - 1].endswith("s") and phrase.endswith("s") and roles.get(phrase[:-1]) == kind:
                    title.plural = True
        title.kinds.sort(key=self.w.strength.index)
        return used, (min(role_pos) if role_pos else None)

    def _actors(self, title: Title, tokens: list[int], words: list[str], first_role: int | None) -> None:
        """Countries and bodies: a possessor is the principal; before the first role or after 'of', the side."""
        w, n = self.w, len(words)
        prev_word = None
        seen_ents = set()
        for pos, i in enumerate(tokens):
            actor, ent = self.actor_at(i), self.ent_at.get(i)
            self._place_in_title(title, i, ent)
            if actor is None or (ent is not None and ent.start in seen_ents):
                prev_word = words[pos]
                continue
            if ent is not None:
                seen_ents.add(ent.start)
            width = len(ent) if ent is not None else 1
            nxt = words[pos + width] if pos + width < n else None
            if prev_word in w.destination_preps or (prev_word in w.file_preps and "envoy" in title.kinds):
                pass  # "envoy to the Middle East", "UN envoy for Syria": a destination or a file, not a side
            elif nxt in w.possessive:
                title.principal = title.principal or actor
                if actor.type == "Country":
                    title.country = title.country or actor.name
                else:
                    title.org = title.org or actor.name
            elif actor.type == "Organization":
                title.org = title.org or actor.name
            elif first_role is None or pos < first_role or prev_word in w.side_preps:
                title.country = title.country or actor.name
            if any(x in w.delegation_words for x in words[pos : pos + 4]):
                title.leads = actor.name if any(x in w.heads for x in words[:pos]) else title.leads
            prev_word = words[pos]

    def _a_body(self, ent) -> bool:
        """A group the tagger took for a nationality or place: 'the Intergroup', 'Green Party'."""
        if ent is None:
            return False
        if ent.label_ == "NORP":
            return not self.w.rules.country(ent.text) and not self.w.rules.region(ent.text)
        return ent[-1].lower_ in self.w.body_words

    def _place_in_title(self, title: Title, i: int, ent) -> None:
        """A region ('Bavarian', 'of Punjab') or a city ('Kyiv', 'Munich') named in the title."""
        text = ent.text if ent is not None else self.doc[i].text
        region = self.w.rules.region(text)
        if region:
            title.region = title.region or region
        elif ent is not None and ent.label_ == "GPE" and not self.w.rules.country_names.get(fold(ent.text)):
            title.city = title.city or without_article(" ".join(ent.text.split()), self.w.articles)

    def _other_body(self, title: Title, tokens: list[int], used: set[int]) -> None:
        """'World Bank President', 'Green Party co-leader': a capitalised word that is not a role or place."""
        w = self.w
        for pos, i in enumerate(tokens):
            tok = self.doc[i]
            actor = self.actor_at(i)
            if (
                pos in used
                or tok.lower_ in w.modifiers
                or tok.lower_ in w.honorifics
                or tok.lower_ in w.state_bodies
                or tok.lower_ in w.roles
                or (actor is not None and (actor.type == "Country" or w.rules.org_country.get(actor.name)))
                or tok.lower_ in w.connectors
                or tok.text in w.possessive
            ):
                continue
            ent = self.ent_at.get(i)
            if tok.ent_type_ in PLACE_ENT_LABELS and not self._a_body(ent):
                continue
            if tok.is_title or tok.ent_type_ == "ORG":
                title.other_body = True
