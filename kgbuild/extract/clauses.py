"""Sentence structure the stages share: clauses, subjects, quotations, participants, group sides."""

from __future__ import annotations

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Token

from ..rules import Rules
from .reading import Mention, Reading, tokens_with

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "relcl", "acl", "acomp", "pcomp", "prep", "npadvmod")
PAST_VERB_TAGS = ("VBG", "VBD", "VBN")
GROUP_ENT_TYPES = ("GPE", "NORP", "ORG")
NOUN_MODIFIER_DEPS = ("compound", "amod", "nmod")
LINE_BREAKS = ("\n", "\n\n")


class Clauses:
    def __init__(self, rules: Rules):
        self.rules = rules
        words = lambda entry: rules.words("grammar", entry)
        self.quotes = words("quotes")
        self.opening_quotes = words("opening_quotes")
        self.closing_quotes = words("closing_quotes")
        self.clause_ends = words("clause_ends")
        self.breakers = words("clause_breakers")
        self.subordinators = words("subordinators")
        self.reporting = words("reporting_verbs")
        self.possessive = words("possessive_markers")
        self.event_nouns = rules.words("meetings", "event_nouns")

    def quoted(self, doc: Doc) -> set[int]:
        """Token indices inside quotation marks: quoted speech talks loosely of 'meetings'.  A quote
        opens or closes (straight ones in turn); a new line after a line break closes it too."""
        quotes = tokens_with(doc, ORTH, self.quotes)
        if not quotes:
            return set()
        starts = doc.to_array(SENT_START)
        breaks = tokens_with(doc, ORTH, LINE_BREAKS)
        resets = {i + 1 for i in breaks if i + 1 < len(doc) and starts[i + 1] == 1} - set(quotes)
        inside, start, out = False, 0, set()
        for i, is_quote in sorted([(q, True) for q in quotes] + [(r, False) for r in resets]):
            if inside:
                out.update(range(start, i))
            if is_quote:
                text = doc[i].text
                inside = text in self.opening_quotes or (text not in self.closing_quotes and not inside)
                start = i + 1
            else:
                inside = False
        if inside:
            out.update(range(start, len(doc)))
        return out

    def end(self, r: Reading, i: int) -> int:
        """Where the clause holding token i ends (a ';', a quote, ', which', a subordinator, 'said')."""
        doc = r.doc
        sent = doc[i].sent
        for j in range(i + 1, sent.end):
            tok = doc[j]
            if tok.text in self.clause_ends or tok.text in self.quotes:
                return j
            if tok.text == "," and j + 1 < sent.end and doc[j + 1].lower_ in self.breakers:
                return j
            if tok.lower_ in self.subordinators and (
                tok.dep_ == "mark" or (j + 1 < sent.end and doc[j + 1].tag_ in PAST_VERB_TAGS)
            ):
                return j  # "... met with Fabius before laying wreaths at ..."
            if tok.pos_ == "VERB" and j > i + 1 and r.lemma(tok) in self.reporting:
                return j
        return sent.end

    def start(self, doc: Doc, i: int) -> int:
        sent = doc[i].sent
        for j in range(i - 1, sent.start - 1, -1):
            if doc[j].text in self.clause_ends or doc[j].text in self.quotes:
                return j + 1
        return sent.start

    @staticmethod
    def subject(verb: Token) -> list[Token]:
        """Tokens of the subject of `verb`, climbing xcomp/conj/advcl chains ('plans to travel and meet')."""
        cur = verb
        for _ in range(4):
            subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
            if subj:
                return [t for s in subj for t in s.subtree]
            if cur.dep_ in CLIMB_DEPS and cur.head is not cur:
                if cur.dep_ == "relcl":
                    return [cur.head]
                cur = cur.head
                continue
            break
        return []

    @staticmethod
    def governor(tok: Token) -> Token | None:
        """The verb a meeting noun hangs from ('held a session', 'meeting took place')."""
        cur = tok
        for _ in range(3):
            if cur.pos_ in ("VERB", "AUX") and cur is not tok:
                return cur
            if cur.head is cur:
                break
            cur = cur.head
        return tok if tok.pos_ == "VERB" else None

    def group_countries(self, tokens) -> list[str]:
        """Countries named as modifiers of group nouns: 'Ukrainian and American delegations'."""
        out = []
        rules = self.rules
        for t in tokens:
            c = rules.country(t.text) if t.ent_type_ in GROUP_ENT_TYPES or t.lower_ in rules.demonyms else None
            if c is None and t.ent_type_ == "ORG":
                org = rules.organization(t.text)
                c = rules.org_country.get(org) if org else None
            if c and c not in out:
                out.append(c)
        return out

    def is_possessor(self, doc: Doc, m: Mention) -> bool:
        """'Putin's envoy': the name is someone's principal ('Putin's meeting' is still his)."""
        nxt = m.span.end
        return (
            nxt < len(doc)
            and doc[nxt].text in self.possessive
            and nxt + 1 < len(doc)
            and doc[nxt + 1].lower_ not in self.event_nouns
        )

    @staticmethod
    def modifies_a_noun(m: Mention) -> bool:
        """'the Brenner corridor', 'the Trump administration': a name used as a modifier, not a person present."""
        root = m.span.root
        return root.dep_ in NOUN_MODIFIER_DEPS and root.head.i >= m.span.end and root.head.pos_ == "NOUN"

    def participants(self, r: Reading, start: int, end: int) -> list[Mention]:
        """People named in [start, end) who take part, not principals inside someone's title."""
        out: list[Mention] = []
        for m in r.mentions_in(start, end):
            if self.modifies_a_noun(m):
                continue
            if (
                not m.title.object_of_role
                and not self.is_possessor(r.doc, m)
                and (not out or out[-1].entity != m.entity)
            ):
                out.append(m)
        return out
