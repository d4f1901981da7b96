"""The records that flow through kgbuild, and the fact contract's JSON (made here only).

Files become `Document`s (or `Problem`s that say why not); spaCy and the extraction stages turn a
document into `Findings` (its `Entity`s and `Fact`s, names as the document spells them);
resolution makes the names canonical, resolves dates and groups the meeting facts into
`Report`s, each assigned the `Meeting` it is — together one `Extraction`, which the graph writer
turns into rows.  Nothing here reads a file, runs spaCy or talks to a graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from .predicates import predicate
from .text import clean_text

ENTITY_TYPES = ("Person", "Country", "Organization", "Place")  # also the graph's entity labels


def document_id(text: str) -> str:
    """SHA-256 of the normalised text (NFC, whitespace runs as one space): the same article always gets
    the same id.  Hashed word by word, so a long text costs no copy of itself per word."""
    digest = hashlib.sha256()
    first = True
    for word in _WORDS.finditer(unicodedata.normalize("NFC", text)):
        digest.update(word.group(0).encode("utf-8") if first else b" " + word.group(0).encode("utf-8"))
        first = False
    return digest.hexdigest()


_WORDS = re.compile(r"\S+")


@dataclass
class Document:
    """One article: clean text, its stable id and what is known about it."""

    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    source: str | None = None
    doc_id: str = ""  # given only for a document known by its facts (`load --facts`), whose text is elsewhere
    chars: int = 0

    def __post_init__(self):
        self.text = clean_text(self.text)  # whoever made the document, its text is in the normal form
        if not self.doc_id:
            self.doc_id = document_id(self.text)
        self.chars = self.chars or len(self.text)

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published) if self.published else None


@dataclass
class Problem:
    """An input that was skipped, and why (one line, names the fix)."""

    path: str
    reason: str


@dataclass(frozen=True)
class EntityRef:
    name: str
    type: str  # one of ENTITY_TYPES


@dataclass
class Entity:
    """An entity a document mentions: its name, type, the other spellings used, how often; after
    resolution also the Name keys that find it in the graph."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    count: int = 0
    keys: list[str] = field(default_factory=list)


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
            "entities": [{**vars(e), "aliases": list(e.aliases), "keys": list(e.keys)} for e in self.entities],
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


@dataclass
class Meeting:
    """A meeting as an event, however many reports of it there are (see `resolve.meetings`)."""

    key: str
    sides: list[str]
    sides_key: str
    place: str | None
    date: str | None
    people: set[str] = field(default_factory=set)  # person keys of who attended, by any report
    first_published: str | None = None  # the earliest and latest publication dates of its reports
    last_published: str | None = None
    occasion: int | None = None  # the ordinal its reports give ('their second meeting'), if any

    @property
    def name(self) -> str:
        label = " – ".join(self.sides) if self.sides else "meeting"
        return ", ".join(p for p in (label, self.place, self.date) if p)


@dataclass
class Report:
    """What one document says about one meeting; `meeting` is the one resolution found it to be."""

    sides: list[str]  # the countries on each side (two or more), else empty
    people: list[str]
    place: str | None
    date: str | None
    status: str | None
    sentence: str  # the first sentence that reports it
    attendees: list[tuple[str, str | None]] = field(default_factory=list)  # (person, side)
    published: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)  # the counterparts who met, by name
    meeting: Meeting | None = None
    why: str = ""  # why it is that meeting: same date, publication window, same people and place, new
    slots: list[str] = field(default_factory=list)  # the (person, day) keys the meeting is found under
    place_key: str | None = None  # the graph key of the place (a Place, or the Country it names)
    occasion: int | None = None  # which of its people's meetings the report says it is: 2 for 'a second round'

    @property
    def sides_key(self) -> str:
        return "|".join(self.sides) if len(self.sides) > 1 else "people:" + "|".join(self.people)


@dataclass
class Extraction:
    """What one document yields: its entities, its facts (names canonical, dates resolved), its meetings."""

    document: Document
    entities: list[Entity]
    facts: list[Fact]
    reports: list[Report] = field(default_factory=list)  # what it says about meetings

    def contract(self) -> list[dict]:
        """The facts as `kgbuild extract` prints them."""
        return [contract(self.document.path, self.document.doc_id, f) for f in self.facts]


def contract(doc_path: str, doc_id: str, fact: Fact) -> dict:
    """A fact as `kgbuild extract --format jsonl` prints it: the fact contract (see the README)."""
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
