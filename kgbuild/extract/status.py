"""A meeting's status from the words around its cue: held, planned, unconfirmed or cancelled — or
none at all when the cue is negated ("no meeting was held").  Part of stage 4 (`meetings`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..rules import Rules
from .reading import Reading

STATUS_CHAIN_DEPS = ("xcomp", "conj", "ccomp", "advcl", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "acl", "relcl")
STATUS_CHILD_DEPS = ("aux", "auxpass", "neg", "advmod", "prt", "amod", "dobj")


class Status:
    """held, planned, unconfirmed or cancelled (None: negated) from a cue's verb chain."""

    def __init__(self, rules: Rules):
        w = lambda entry: rules.words("meetings", entry)
        self.negation, self.cancelled = w("negation_lemmas"), w("cancelled_lemmas")
        self.negation_determiners = w("negation_determiners")
        self.phrasal = rules.value("meetings", "cancelled_phrasal")
        self.unconfirmed, self.unconfirmed_words = w("unconfirmed_lemmas"), w("unconfirmed_words")
        self.planned, self.planned_words = w("planned_lemmas"), w("planned_words")
        self.planned_dates = w("planned_date_words")

    def __call__(self, r: Reading, trigger: Token, gov: Token | None, clause: Span) -> str | None:
        chain = [trigger]
        cur = gov or trigger
        for _ in range(4):
            if cur not in chain:
                chain.append(cur)
            if cur.head is cur or cur.dep_ not in STATUS_CHAIN_DEPS:
                break
            cur = cur.head
        children = [c for t in chain for c in t.children]
        read = [*chain, *(c for c in children if c.dep_ in STATUS_CHILD_DEPS)]
        words = {r.lemma(t).lower() for t in read}
        lowers = {c.lower_ for c in children}
        if (
            any(c.dep_ == "neg" for c in children)
            or words & self.negation
            or any(c.dep_ == "det" and c.lower_ in self.negation_determiners for c in trigger.children)
        ):  # "no meeting between ... was being prepared"
            return None
        if words & self.cancelled or any(verb in words and particle in lowers for verb, particle in self.phrasal):
            return "cancelled"
        if words & self.unconfirmed or lowers & self.unconfirmed_words:
            return "unconfirmed"
        if words & self.planned or lowers & self.planned_words:
            return "planned"
        if any(t.ent_type_ == "DATE" and t.lower_ in self.planned_dates for t in clause):
            return "planned"
        return "held"
