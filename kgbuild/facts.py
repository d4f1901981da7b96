"""What extraction yields, as typed records, and the fact contract's JSON (made here only).

`Entity` and `Fact` flow from the extraction stages through name resolution and date
resolution to the graph writer.  `contract()` is the one place a fact becomes the JSON line
that `kgbuild extract` prints and DESIGN.md specifies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from .predicates import predicate


@dataclass(frozen=True)
class EntityRef:
    name: str
    type: str  # Person | Country | Organization | Place


@dataclass
class Entity:
    """An entity a document mentions: its name, type, the other spellings used, how often."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    count: int = 0


@dataclass
class Fact:
    """subject –predicate→ object, with the sentence that states it and where it is."""

    subject: EntityRef
    predicate: str
    object: EntityRef
    sentence: str
    start: int
    end: int
    confidence: float
    rule: str
    place: str | None = None
    date_text: str | None = None  # the date as written ("Saturday", "next week")
    status: str | None = None  # held | planned | unconfirmed | cancelled
    date: str | None = None  # ISO, resolved against the publication date
    basis: str = "text"  # text: the sentence states it; known: it needs the knowledge files

    def renamed(self, subject: EntityRef, object: EntityRef) -> Fact:
        """The same fact between other names; a symmetric predicate keeps its pair in name order."""
        if predicate(self.predicate).symmetric and object.name < subject.name:
            subject, object = object, subject
        return replace(self, subject=subject, object=object)


@dataclass
class Findings:
    """One document's entities and facts, or why it could not be read."""

    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict:
        """Plain data (spaCy carries it between processes as msgpack); `asdict` without its deep copies."""
        return {
            "entities": [{**vars(e), "aliases": list(e.aliases)} for e in self.entities],
            "facts": [
                {**vars(f), "subject": vars(f.subject).copy(), "object": vars(f.object).copy()} for f in self.facts
            ],
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Findings:
        facts = [
            Fact(**{**f, "subject": EntityRef(**f["subject"]), "object": EntityRef(**f["object"])})
            for f in data.get("facts", [])
        ]
        return cls([Entity(**e) for e in data.get("entities", [])], facts, data.get("error"))


def contract(doc_path: str, doc_id: str, fact: Fact) -> dict:
    """A fact as `kgbuild extract --format jsonl` prints it (see DESIGN.md)."""
    out = {
        "doc": doc_path,
        "doc_id": doc_id,
        "subject": asdict(fact.subject),
        "predicate": fact.predicate,
        "object": asdict(fact.object),
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
        "confidence": fact.confidence,
        "rule": fact.rule,
        "basis": fact.basis,
    }
    if predicate(fact.predicate).qualified:
        out["place"] = fact.place
        out["date"] = fact.date
        out["status"] = fact.status or "held"
        if fact.date_text:
            out["date_text"] = fact.date_text
    return out
