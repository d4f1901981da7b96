"""`kg_people`: repairs what the small model gets wrong about people (see `PeopleFixer`)."""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IS_TITLE, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extract.reading import tokens_with
from ..names import fold, particles
from ..records import Findings
from ..rules import Knowledge, Rules, load_rules
from .lines import KNOWLEDGE

NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
APPOSITION_WINDOW = 6  # words after "NAME," searched for a role ("Ola Berg, a senior adviser")
MAX_NAME_RUN = 4  # name words after a title: "envoy Ard van der Steur"


@Language.factory(
    "kg_people",
    default_config=KNOWLEDGE,
    assigns=["doc.ents"],
    requires=["doc.ents", "token.pos", "token.dep", "token.is_sent_start"],
)
def make_people_fixer(nlp: Language, name: str, data: str | None, aliases: str | None):
    return PeopleFixer(load_rules(Knowledge(data, aliases)))


MODIFIERS = ("compound", "amod", "nmod", "nummod")  # how a word hangs from the noun it modifies


class PeopleFixer:
    """Repairs what the small model gets wrong about people.

    * A run of capitalised words right after a role word ("envoy Steve Witkoff"), or right
      before an apposition that names a role ("Oleksandr Bevz, an advisor"), is a PERSON.
    * Once a name is a PERSON in a document, its other mentions and its surname alone are too
      ("Umerov" tagged ORG, "Witkoff" tagged GPE).
    * The one proper noun in "the Obama administration" is a PERSON: a government named after its
      head (`government_offices` in roles.json), not a body called Obama.
    """

    def __init__(self, rules: Rules):
        self.rules = rules
        self.last_words = {role.split()[-1] for role in rules.roles}
        self.particles = particles()
        self.not_titles = rules.words("roles", "not_title_words")
        self.destination_preps = rules.words("grammar", "role_object_prepositions")
        self.articles = rules.words("grammar", "articles")
        self.headline_words = rules.words("grammar", "headline_words")
        self.institution_words = rules.words("grammar", "institution_words")
        self.suffixes = {fold(s) for s in rules.words("grammar", "name_suffixes")}
        self.named_governments = {n.lower() for ns in rules.value("roles", "government_offices").values() for n in ns}

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._fix(doc)
        except Exception as e:  # recorded for the relation reader, which then skips the document
            doc._.kg = Findings(error=f"{type(e).__name__}: {e}").to_dict()
            return doc

    def _fix(self, doc: Doc) -> Doc:
        ents = self._not_names(self._without_headline_words(doc))
        person_end = {t: e.end for e in ents if e.label_ == "PERSON" for t in range(e.start, e.end)}
        new: list[Span] = []
        for i in tokens_with(doc, LOWER, self.last_words):
            tok = doc[i]
            if not self._is_role_word(tok):
                continue
            start = self._skip_destination(doc, tok.i + 1)
            j = self._name_run(doc, start)
            covered = j <= person_end.get(start, -1)  # inside a PERSON span already
            if j - start >= 2 and not covered:  # two or more name words: "envoy Steve Witkoff"
                new.append(Span(doc, start, j, label="PERSON"))
        for ent in ents:
            if ent.label_ != "PERSON" and self._apposition_names_role(ent) and self._looks_like_name(ent):
                new.append(Span(doc, ent.start, ent.end, label="PERSON"))
        persons = {fold(s.text) for s in [*ents, *new] if s.label_ == "PERSON"}
        surnames = {self._surname(p) for p in persons if len(p.split()) > 1}
        for ent in ents:
            if (
                ent.label_ != "PERSON"
                and (fold(ent.text) in persons or fold(ent.text) in surnames)
                and not self.rules.country(ent.text)
            ):
                new.append(Span(doc, ent.start, ent.end, label="PERSON"))
        taken = {t.i for e in ents for t in e} | {t.i for s in new for t in s}
        for i in self._name_like(doc) if surnames else ():
            tok = doc[i]
            if i not in taken and fold(tok.text) in surnames:  # "Price met ...": a surname the model took for a noun
                new.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
        new += self._heads_of_named_governments(doc, taken)
        keep = [e for e in ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = filter_spans(keep + new)
        return doc

    def _heads_of_named_governments(self, doc: Doc, taken: set[int]) -> list[Span]:
        """'the Obama administration': the proper noun between the article and the noun, when it is
        no country, place, organisation or role word."""
        out = []
        for i in tokens_with(doc, LOWER, self.named_governments):
            j = i - 1
            if j < 1 or doc[j - 1].lower_ not in self.articles or doc[j].pos_ != "PROPN" or not doc[j].is_title:
                continue
            word = doc[j].text
            if j in taken and not any(e.label_ == "ORG" and e.start <= j < e.end for e in doc.ents):
                continue  # already someone, or a place
            if (
                self.rules.country(word)
                or self.rules.region(word)
                or self.rules.organization(word)
                or fold(word) in self.rules.places
                or word.lower() in self.rules.roles
            ):
                continue
            out.append(Span(doc, j, j + 1, label="PERSON"))
        return out

    @staticmethod
    def _name_like(doc: Doc) -> list[int]:
        """Proper nouns, and title-case subjects: the tokens that may be a surname the model missed."""
        a = doc.to_array([POS, IS_TITLE, DEP])
        subject = np.isin(a[:, 2], np.array([doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")], dtype=np.uint64))
        return np.flatnonzero((a[:, 0] == PROPN) | ((a[:, 1] == 1) & subject)).tolist()

    def _without_headline_words(self, doc: Doc) -> list[Span]:
        """PERSON spans cut where a title-case headline word stands ('Dahl Readout', 'Lopez Meets')
        and carried over a hyphenated last part the model left out ('Park Min' + '-jun')."""
        out: list[Span] = []
        taken = {t.i for e in doc.ents for t in e}
        for ent in self._joined(doc):
            end = ent.end
            while ent.label_ == "PERSON":
                grown = self._hyphenated(doc, end, taken)
                grown = self._particles(doc, grown, taken)
                if grown == end:
                    break
                end = grown
            if end != ent.end:
                ent = Span(doc, ent.start, end, label="PERSON")
            if ent.label_ != "PERSON" or not any(self._headline_word(t) for t in ent):
                out.append(ent)
                continue
            start = ent.start
            for tok in [*ent, None]:
                if tok is None or self._headline_word(tok):
                    end = tok.i if tok is not None else ent.end
                    if any(t.is_alpha for t in doc[start:end]):
                        out.append(Span(doc, start, end, label="PERSON"))
                    start = end + 1
        return out

    def _not_names(self, ents: list[Span]) -> list[Span]:
        """PERSON spans that name no one, made plain text: a run with an institution word ('Federal
        Department', 'Assembly High' of 'General Assembly High-Level Week'), or a noun modifier
        ('Patriot batteries', 'the Rafah crossing', 'Leopard 2 tanks'); a role word leading a span is
        left out of it ('Spokesperson Dana Whitlow')."""
        out = []
        for ent in ents:
            if ent.label_ != "PERSON":
                out.append(ent)
                continue
            start = ent.start
            while start < ent.end - 1 and ent.doc[start].lower_ in self.rules.roles:
                start += 1
            ent = Span(ent.doc, start, ent.end, label="PERSON") if start != ent.start else ent
            if any(t.lower_ in self.institution_words for t in ent) or self._modifier(ent):
                continue
            out.append(ent)
        return out

    @staticmethod
    def _modifier(ent: Span) -> bool:
        """A one-word name that modifies a common noun ('Javelin missiles', 'Leopard 2 tanks'), not
        possessive (two words, 'Erwin Huber lack ...', are a name the parser misread)."""
        if sum(t.is_alpha for t in ent) != 1:
            return False
        outward = [t for t in ent if not (ent.start <= t.head.i < ent.end)]
        heads = {t.head.i for t in outward}
        if len(heads) != 1 or not all(t.dep_ in MODIFIERS for t in outward):
            return False
        head = outward[0].head
        return (
            head.i >= ent.end
            and head.pos_ == "NOUN"
            and head.is_lower
            and not any(t.tag_ == "POS" for t in ent.doc[ent.end : head.i])
        )

    def _joined(self, doc: Doc) -> list[Span]:
        """PERSON spans that a particle or a hyphen joins made one ('Abdel Fattah El-' + 'Sisi', where a
        known name split the model's span)."""
        out: list[Span] = []
        for ent in doc.ents:
            last = out[-1] if out else None
            if (
                last is not None
                and last.label_ == ent.label_ == "PERSON"
                and last.end == ent.start
                and (last[-1].text == "-" or last[-1].lower_ in self.particles)
            ):
                out[-1] = Span(doc, last.start, ent.end, label="PERSON")
            else:
                out.append(ent)
        return out

    @staticmethod
    def _hyphenated(doc: Doc, end: int, taken: set[int]) -> int:
        """Past a hyphenated last part the model left out ('Park Min' + '-jun')."""
        while (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
            and end not in taken
            and end + 1 not in taken
        ):
            end += 2
        return end

    def _particles(self, doc: Doc, end: int, taken: set[int]) -> int:
        """Past particles and the surname they lead to, where the model stopped at them ('Joost van' +
        'der Valk', 'Hisham Abdel-Latif' + 'El-Nagdy'): a particle in lower case, or joined by a
        hyphen to the next word, or already the span's last word."""
        j, particle = end, doc[end - 1].lower_ in self.particles
        while j + 1 < len(doc) and j not in taken and doc[j].lower_ in self.particles:
            joined = doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_
            if not (doc[j].is_lower or joined):
                break
            j, particle = j + (2 if joined else 1), True
        if particle and j < len(doc) and j not in taken and doc[j].is_title and doc[j].is_alpha and j > end - 1:
            return j + 1
        return end

    def _surname(self, folded: str) -> str:
        """The last word of a folded name that is not a suffix: 'castillo' in 'ramon castillo jr'."""
        words = folded.split()
        while len(words) > 1 and words[-1] in self.suffixes:
            words.pop()
        return words[-1]

    def _headline_word(self, tok) -> bool:
        return tok.is_title and tok.lower_ in self.headline_words

    def _skip_destination(self, doc: Doc, j: int) -> int:
        """Past 'to the Balkans' in 'Envoy to the Balkans Alan Pike'."""
        if j < len(doc) and doc[j].lower_ in self.destination_preps:
            k = j + 1 + int(j + 1 < len(doc) and doc[j + 1].lower_ in self.articles)
            if k < len(doc) and doc[k].ent_iob_ == "B" and doc[k].ent_type_ in ("GPE", "LOC", "NORP", "ORG"):
                k += 1
                while k < len(doc) and doc[k].ent_iob_ == "I":
                    k += 1
                return k
        return j

    def _name_run(self, doc: Doc, start: int) -> int:
        """End of a run of up to four name words ('Ard van der Steur' counts its particles too)."""
        j, words = start, 0
        while j < len(doc) and words < MAX_NAME_RUN:
            tok = doc[j]
            if (
                tok.lower_ in self.particles
                and j > start
                and j + 1 < len(doc)
                and (NAME_WORD.match(doc[j + 1].text) or doc[j + 1].lower_ in self.particles)
            ):
                j += 1
                continue
            if (
                not (NAME_WORD.match(tok.text) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X"))
                or self._stop(tok)
                or (j > start and (tok.is_sent_start or (doc[j - 1].text.endswith(".") and len(doc[j - 1]) > 2)))
            ):
                break
            j += 1
            words += 1
        while j > start and doc[j - 1].lower_ in self.particles:
            j -= 1
        return j

    def _is_role_word(self, tok) -> bool:
        """A role word, or the last word of a multi-word role ('Secretary of State')."""
        if tok.lower_ not in self.last_words or tok.lower_ in self.not_titles:
            return False
        if tok.lower_ in self.rules.roles:
            return True
        doc = tok.doc
        for size in range(2, 5):
            if tok.i - size + 1 < 0:
                break
            if doc[tok.i - size + 1 : tok.i + 1].text.lower() in self.rules.roles:
                return True
        return False

    def _stop(self, tok) -> bool:
        """A word that cannot be part of a person's name right after a title."""
        return bool(
            self._headline_word(tok)
            or self.rules.country(tok.text)
            or self.rules.organization(tok.text)
            or tok.lower_ in self.rules.roles
            or tok.lower_ in self.institution_words
            or fold(tok.text) in self.rules.places
            or tok.ent_type_ == "DATE"
        )

    def _apposition_names_role(self, ent: Span) -> bool:
        """A role in apposition after the name ('Ola Berg, a senior adviser') or before it, the name
        then closing its clause ('head of the Ukrainian delegation, Rustem Umerov, said')."""
        doc = ent.doc
        i, j = ent.end, ent.start
        if i + 2 < len(doc) and doc[i].text == "," and self._names_role(doc[i + 1 : i + 1 + APPOSITION_WINDOW]):
            return True
        if j < 2 or doc[j - 1].text != "," or not (i == len(doc) or doc[i].is_punct):
            return False
        return self._names_role(doc[max(ent.sent.start, j - 1 - APPOSITION_WINDOW) : j - 1])

    def _names_role(self, words: Span) -> bool:
        return any(t.lower_ in self.rules.roles and self.rules.roles[t.lower_] != "kin" for t in words)

    def _looks_like_name(self, ent: Span) -> bool:
        words = ent.text.split()
        return (
            2 <= len(words) <= 4
            and all(NAME_WORD.match(w) for w in words)
            and not self.rules.country(ent.text)
            and not self.rules.organization(ent.text)
        )
