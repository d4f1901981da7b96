"""`kg_attributes` gives every token what the model's own attribute ruler gives it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from conftest import CORPUS, EXAMPLES, ROOT
from kgbuild.documents import Document, read_documents
from kgbuild.nlp import attributes, load_model, load_pipeline


def _attrs(doc: Doc) -> list[tuple]:
    return [(t.pos, t.morph.key, t.lemma, t.tag, t.dep) for t in doc]


def test_the_pipeline_uses_kg_attributes_in_place_of_the_ruler():
    nlp = load_pipeline()
    names = nlp.component_names
    assert "kg_attributes" in names and "attribute_ruler" not in names
    assert names.index("kg_attributes") < names.index("lemmatizer")
    assert "lemmatizer" in nlp.disabled  # lemmas are made for the tokens the stages read


def test_lemmas_on_demand_are_the_lemmatizers():
    """Every token the stages lemmatise gets what the model's lemmatizer gives it; no other token
    is lemmatised."""
    nlp = load_pipeline()
    texts = [d.text for d in read_documents([EXAMPLES, CORPUS]) if isinstance(d, Document)]
    full = load_model()
    read = tokens = 0
    for ours, theirs in zip(nlp.pipe(texts), full.pipe(texts), strict=True):
        assert [t.text for t in ours] == [t.text for t in theirs]
        for a, b in zip(ours, theirs, strict=True):
            tokens += 1
            if a.lemma:
                read += 1
                assert a.lemma_ == b.lemma_, (a.text, a.pos_)
    assert 0 < read < tokens / 2


def test_every_token_of_the_test_corpora_gets_the_rulers_attributes():
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    assert attributes.supports(ruler.patterns)
    fast = attributes.FastAttributes(nlp)
    fast.add_patterns(ruler.patterns)
    data = ROOT / "tests" / "data"
    paths = [EXAMPLES, CORPUS, data / "hostile", data / "heldout", data / "devset"]
    texts = [d.text for d in read_documents(paths) if isinstance(d, Document)]
    texts.append("  Tabs\tand  spaces ,, \n\n 'quoted' — “curly” ... etc. U.S. gov't won't can't")
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts))
    tokens = 0
    for doc in parsed:
        theirs, ours = ruler(doc.copy()), fast(doc.copy())
        assert _attrs(ours) == _attrs(theirs), doc.text[:80]
        tokens += len(doc)
    assert tokens > 2000


def test_hand_written_patterns_follow_spacy_precedence_and_operators():
    nlp = spacy.blank("en")
    patterns = [
        {"patterns": [[{"LOWER": {"REGEX": "^gov"}}]], "attrs": {"LEMMA": "government"}},
        {"patterns": [[{"LOWER": {"IN": ["talks", "meetings"]}}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
        {"patterns": [[{"LOWER": "talks"}]], "attrs": {"LEMMA": "talk"}},
        {"patterns": [[{"LOWER": "peace"}, {"LOWER": "talks"}]], "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": {"NOT_IN": ["the", "peace", "talks", "govt", "in"]}}]], "attrs": {"TAG": "XX"}},
    ]
    spacy_ruler = nlp.add_pipe("attribute_ruler")
    spacy_ruler.add_patterns(patterns)
    fast = attributes.FastAttributes(nlp)
    fast.add_patterns(patterns)
    words = ["The", "govt", "talks", "in", "Bern", ",", "peace", "talks", "resumed"]
    theirs, ours = spacy_ruler(Doc(nlp.vocab, words=words)), fast(Doc(nlp.vocab, words=words))
    assert _attrs(ours) == _attrs(theirs)
    assert [t.lemma_ for t in ours][1:3] == ["government", "talk"]
    assert [t.pos_ for t in ours][2] == "NOUN" and [t.pos_ for t in ours][7] == "PROPN"
    assert [t.tag_ for t in ours] == ["", "", "", "", "XX", "XX", "", "", "XX"]


def test_patterns_it_cannot_apply_exactly_keep_the_models_ruler():
    assert not attributes.supports([{"patterns": [[{"ORTH": "x"}]], "attrs": {"POS": "X"}}])
    assert not attributes.supports([{"patterns": [[{"LOWER": {"FUZZY": "x"}}]], "attrs": {"POS": "X"}}])
    assert not attributes.supports([{"patterns": [[{"LOWER": "x"}]], "attrs": {"ENT_TYPE": "X"}}])
    assert attributes.supports([{"patterns": [[{"TAG": {"IN": ["NN"]}, "LOWER": "x"}]], "attrs": {"POS": "X"}}])
