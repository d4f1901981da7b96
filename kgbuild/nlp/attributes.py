"""`kg_attributes`: the model's attribute ruler (fine tag → part of speech, morphology and a few
lemmas), applied over token arrays instead of spaCy's general Matcher.

In `en_core_web_sm` the attribute ruler is about 180 one-token patterns on TAG, LOWER and DEP,
and it took 13 % of the pipeline's time here — more than all of kgbuild's own components.  This
component takes the same patterns and gives every token the same POS, MORPH and LEMMA: each
one-token pattern becomes a mask over the document's arrays, the few longer ones still go through
a Matcher, and the attributes are set in pattern order, later patterns winning, as spaCy does.
`supports()` says whether a model's patterns are all of a kind it handles; if not, kgbuild keeps
the model's own ruler.  The tests compare both on every token of their corpora.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
SET = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
WRITTEN = (POS, MORPH, LEMMA, TAG)  # set over arrays; DEP token by token


def supports(patterns: list[dict]) -> bool:
    """Whether every pattern is one this component applies exactly as spaCy's ruler does."""
    for p in patterns:
        if set(p["attrs"]) - set(SET):
            return False
        for pattern in p["patterns"]:
            for token in pattern:
                for key, value in token.items():
                    if key not in KEYS:
                        return False
                    if isinstance(value, dict) and (
                        len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX")
                    ):
                        return False
                    if isinstance(value, bool) != (key == "IS_SPACE"):
                        return False
    return True


class FastAttributes:
    def __init__(self, nlp: Language):
        self.vocab = nlp.vocab
        self.rules: list[tuple[int, list[tuple[int, object]], dict[int, int]]] = []  # (order, tests, values)
        self.matcher = Matcher(nlp.vocab)
        self.long: dict[str, tuple[int, int, dict[int, int]]] = {}  # matcher key -> (order, index, values)

    def add_patterns(self, patterns: list[dict]) -> None:
        for order, p in enumerate(patterns):
            values = self._values(p["attrs"])
            for k, pattern in enumerate(p["patterns"]):
                if len(pattern) == 1 and p.get("index", 0) in (0, -1):
                    self.rules.append((order, [self._test(key, v) for key, v in pattern[0].items()], values))
                else:
                    key = f"kg_attributes_{order}_{k}"
                    self.matcher.add(key, [pattern])
                    self.long[key] = (order, p.get("index", 0), values)

    def _values(self, attrs: dict) -> dict[int, int]:
        out = {}
        for name, value in attrs.items():
            if name == "POS":
                out[POS] = POS_IDS[value]
            elif name == "MORPH":
                out[MORPH] = self.vocab.morphology.add(value)
            else:
                out[{"LEMMA": LEMMA, "TAG": TAG, "DEP": DEP}[name]] = self.vocab.strings.add(value)
        return out

    def _id(self, text: str) -> int:
        """A string's value in token arrays: its symbol id for spaCy's own labels ('det'), else its hash."""
        return self.vocab.strings[text]

    def _test(self, key: str, value) -> tuple[int, object]:
        attr = KEYS[key]
        if isinstance(value, bool):
            return attr, ("is", int(value))
        if isinstance(value, str):
            return attr, ("is", self._id(value))
        ((op, arg),) = value.items()
        if op == "REGEX":
            return attr, ("regex", re.compile(arg))
        return attr, (op, np.array([self._id(v) for v in arg], dtype=np.uint64))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = {a: doc.to_array(a).astype(np.uint64) for a in (TAG, LOWER, DEP, IS_SPACE)}
        out = {a: doc.to_array(a).astype(np.uint64) for a in WRITTEN}
        hits: list[tuple[int, np.ndarray, dict[int, int]]] = []  # (order, token indices, values)
        for order, tests, values in self.rules:
            mask = np.ones(len(doc), dtype=bool)
            for attr, (op, arg) in tests:
                col = columns[attr]
                if op == "is":
                    mask &= col == arg
                elif op == "IN":
                    mask &= np.isin(col, arg)
                elif op == "NOT_IN":
                    mask &= ~np.isin(col, arg)
                else:
                    found = [h for h in np.unique(col[mask]) if arg.search(self.vocab.strings[int(h)])]
                    mask &= np.isin(col, np.array(found, dtype=np.uint64))
                if not mask.any():
                    break
            if mask.any():
                hits.append((order, np.flatnonzero(mask), values))
        for key, start, end in self.matcher(doc, allow_missing=True):
            order, index, values = self.long[self.vocab.strings[key]]
            hits.append((order, np.array([range(start, end)[index]]), values))
        if not hits:
            return doc
        hits.sort(key=lambda h: h[0])
        deps: dict[int, int] = {}
        for _, where, values in hits:
            for attr, value in values.items():
                if attr == DEP:  # rare (space tokens); set one by one, as a parse cannot be set half
                    deps.update(dict.fromkeys(where.tolist(), value))
                else:
                    out[attr][where] = value
        doc.from_array(list(WRITTEN), np.stack([out[a] for a in WRITTEN], axis=1))
        for i, value in deps.items():
            doc[i].dep = value
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory(
    "kg_attributes",
    assigns=["token.pos", "token.tag", "token.lemma", "token.morph"],
    requires=["token.tag", "token.dep"],
)
def make_fast_attributes(nlp: Language, name: str):
    return FastAttributes(nlp)
