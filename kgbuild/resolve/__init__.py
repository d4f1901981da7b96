"""Deciding what things are, before anything is written: names made canonical across documents
(`entities`), dates resolved against publication dates (`dates`), meeting facts grouped into
reports and each report given the meeting it is (`meetings`), and the Name keys every entity is
found under (`keys`).

`document` does what needs only the documents seen so far (it runs for `kgbuild extract` too);
`for_graph` what needs the graph as well, on a batch about to be written.  Graph reads come in as
functions (`known`, `near`), so this package never opens a graph itself.
"""

from __future__ import annotations

from ..records import Document, Extraction, Findings
from ..rules import Rules
from ..rules.terms import document_period
from . import keys, meetings
from .dates import date_facts
from .entities import Resolver

__all__ = ["Resolver", "document", "for_graph"]


def document(doc: Document, findings: Findings, resolver: Resolver, text_only: bool = False) -> Extraction:
    """One document's findings → its Extraction: names canonical, dates resolved, meetings grouped.
    With `text_only`, facts that need the knowledge files rather than the text (basis `known`) go."""
    findings = resolver.resolve(findings, document_period(doc))
    facts = [f for f in findings.facts if f.basis == "text"] if text_only else findings.facts
    date_facts(facts, doc.published_date)
    return Extraction(doc, findings.entities, facts, meetings.reports(facts, doc.published))


def for_graph(batch: list[Extraction], near: meetings.Near, rules: Rules | None = None) -> list[Extraction]:
    """A batch about to be written, with every entity's Name keys and every report's meeting."""
    keys.index(batch, rules)
    meetings.assign(batch, near, rules)
    return batch
