"""One spaCy doc → the entities it names and the facts its sentences state, in six stages.

Each stage is a module of this package; each is built once from the rules in `kgbuild/data/`
and then called with the document's `Reading` (reading.py declares everything a stage may add):

1. mentions  — PERSON spans → `Mention`s, each with the title written around the name
2. entities  — surnames and spelling variants → the full name each stands for in this article
3. roles     — titles and delegation lists → role facts (ENVOY_OF, ADVISER_OF, SPOKESPERSON_OF,
               LEADS, MEMBER_OF) and the sides each person is said to act for
4. meetings  — meeting cues → MET_WITH between counterparts, with status (`status`), place and date
5. sides     — one REPRESENTS per person: the best-supported side
6. entities  — the inventory of every entity the document names (for MENTIONS)

Registered as the spaCy component `kg_relations`, it leaves its `Findings` in `doc._.kg` as
plain data, so it also runs in `nlp.pipe(n_process=2)` workers.  Names are made canonical
across documents afterwards, by `kgbuild.resolve`.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Document, Findings
from ..rules import Knowledge, Period, Rules, load_rules
from ..rules.terms import document_period
from .entities import Clusters, Inventory
from .meetings import Meetings
from .mentions import Mentions
from .reading import Reading
from .roles import Roles
from .sides import Sides

PR_SET_PDEATHSIG = 1  # linux/prctl.h
STAGES = (Mentions, Clusters, Roles, Meetings, Sides, Inventory)

_MAIN_PID = os.getpid()
_BOUND_PID = None


def die_with_parent() -> None:
    """In an `nlp.pipe(n_process=N)` worker: ask the kernel to end this process when the process that
    started it dies (even by SIGKILL), so no orphaned spaCy workers are left running."""
    global _BOUND_PID
    pid = os.getpid()
    if pid in (_MAIN_PID, _BOUND_PID):
        return
    _BOUND_PID = pid
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before we could ask
        os._exit(1)


if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)


@Language.factory(
    "kg_relations",
    default_config={"data": None, "aliases": None},  # the user's data folder and alias file
    assigns=["doc._.kg"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.lemma"],
)
def make_relation_extractor(nlp: Language, name: str, data: str | None, aliases: str | None):
    return RelationExtractor(load_rules(Knowledge(data, aliases)))


class RelationExtractor:
    """spaCy component: `doc._.kg` = the document's `Findings` as a dict (or the error that stopped it)."""

    def __init__(self, rules: Rules):
        self.stages = [stage(rules) for stage in STAGES]
        self.lemmatize = None  # set by `kgbuild.nlp` when it leaves lemmas to the stages (`Reading.lemma`)

    def __call__(self, doc: Doc) -> Doc:
        die_with_parent()
        if doc._.kg is not None and doc._.kg.get("error"):
            return doc  # an earlier component failed on this document
        try:
            doc._.kg = self.read(doc).to_dict()
        except Exception as e:  # one bad document must not stop a whole stream of them
            doc._.kg = Findings(error=f"{type(e).__name__}: {e}").to_dict()
        return doc

    def read(self, doc: Doc) -> Findings:
        r = Reading.of(doc, self.lemmatize)
        r.period = period_of(doc)
        for stage in self.stages:
            stage(r)
        return Findings(entities=r.entities, facts=r.facts)


def period_of(doc: Doc) -> Period | None:
    """The days the article speaks of (`document_period`), from the `Document` that `pipeline.read`
    passes along with each text (spaCy keeps it on the doc while the components run); a doc made
    from a bare text has none, and then no past term of office is used."""
    context = getattr(doc, "_context", None)
    document = context[0] if isinstance(context, tuple) and context else None
    if not isinstance(document, Document):
        return None
    return document_period(document)
