"""Who a subject that names nobody stands for: 'he', 'the Secretary', 'they', 'the two'.

Readouts and wire reports name a person once ('Secretary of State Jane Roe') and then write
'the Secretary', 'she' or, for two people, 'they' and 'the two'.  These look back a few
sentences for the person the text means, and give up (None) when it is not clear.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..rules import Rules
from .clauses import Clauses
from .reading import Mention, Reading

SUBJECT_DEPS = ("nsubj", "nsubjpass")
DESCRIPTION_REACH = 5  # sentences back a description ('the Deputy Secretary') may point


class References:
    def __init__(self, rules: Rules, clauses: Clauses):
        self.rules, self.clauses = rules, clauses
        self.pronouns = rules.words("grammar", "subject_pronouns")
        self.plural = rules.words("grammar", "plural_pronouns")
        self.pair_words = rules.words("grammar", "pair_words")
        self.articles = rules.words("grammar", "articles")
        self.modifiers = rules.words("roles", "modifiers")

    def pronoun(self, r: Reading, i: int) -> Mention | None:
        """Who 'he'/'she' is: the person who is subject earlier in the sentence, else in the one before
        (named there, or described: 'the Deputy Secretary will ... . In Seoul, he will meet ...')."""
        k = r.sent_of[i]
        for sent in (k, k - 1):
            cands = [m for m in r.mentions if m.sent == sent and m.span.start < i and self._subject(r, m)]
            if cands:
                return cands[-1] if sent == k else cands[0]
        if k > 0:
            for tok in r.sents[k - 1]:
                if tok.dep_ in SUBJECT_DEPS and tok.lower_ in self.rules.roles:
                    return self.described(r, list(tok.subtree), tok.i)
        return None

    def _subject(self, r: Reading, m: Mention) -> bool:
        return (
            not self.clauses.is_possessor(r.doc, m) and not m.title.object_of_role and m.span.root.dep_ in SUBJECT_DEPS
        )

    def described(self, r: Reading, tokens: list[Token], i: int) -> Mention | None:
        """'the Secretary', 'the Deputy Secretary', 'the Foreign Minister': the person named before
        with a title holding those words (the most recent one)."""
        roles = self.rules.roles
        if not any(t.lower_ in self.articles and t.dep_ == "det" for t in tokens) or any(
            t.i in r.person_at for t in tokens
        ):
            return None
        words = {t.lower_ for t in tokens if t.lower_ in roles or t.lower_ in self.modifiers}
        if not words & set(roles):
            return None
        countries = set(self.clauses.group_countries(tokens))
        k = r.sent_of[i]
        for m in reversed(r.mentions):
            if m.span.start >= i or m.sent < k - DESCRIPTION_REACH:
                continue
            title = m.title
            held = {r.doc[j].lower_ for j in title.role_tokens}
            if title.start is not None:
                held |= {t.lower_ for t in r.doc[title.start : m.span.start]}
            if words <= held and (not countries or title.country in countries):
                return m
        return None

    def group(self, r: Reading, tokens: list[Token], i: int) -> list[Mention]:
        """'They met', 'the two are expected to meet': the people the sentence before names."""
        heads = [t for t in tokens if t.dep_ in SUBJECT_DEPS]
        if not heads or not (heads[0].lower_ in self.plural or heads[0].lower_ in self.pair_words):
            return []
        k = r.sent_of[i]
        if k == 0:
            return []
        people = self.clauses.participants(r, r.sents[k - 1].start, r.sents[k - 1].end)
        return people if len({m.entity for m in people}) >= 2 else []
