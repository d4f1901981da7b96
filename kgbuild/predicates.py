"""The predicate registry: every relation kgbuild extracts, with its types and how it is stored.

A predicate is both the `predicate` of a fact (`kgbuild extract`) and the relationship type in
the graph.  Adding one means adding it here, writing the rule that finds it (a stage under
`kgbuild/extract/`) and its tests; the writer, the resolver, the contract, the Cypher check and
the evaluation read this table.

Storage: every fact becomes `(subject)-[:NAME]->(object)` keeping sources, evidence sentences,
rules and the best confidence; a `symmetric` predicate is stored once per pair (subject is the
name that sorts first); a `qualified` one also keeps places, dates and a status; a `meeting`
one also forms Meeting nodes with the people's sides.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Predicate:
    name: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    description: str
    symmetric: bool = False
    qualified: bool = False  # place, date (and date_text) and status
    meeting: bool = False  # reports of it form Meeting nodes
    core: bool = False  # in the CORE score of `kgbuild eval`
    colour: str = "#888888"  # in `kgbuild view` and the Neo4j Browser style


PERSON = ("Person",)
SIDES = ("Country", "Organization")

PREDICATES: dict[str, Predicate] = {
    p.name: p
    for p in (
        Predicate(
            "MET_WITH",
            PERSON,
            PERSON,
            "the two met or held talks as counterparts",
            symmetric=True,
            qualified=True,
            meeting=True,
            core=True,
            colour="#EDC948",
        ),
        Predicate(
            "ENVOY_OF",
            PERSON,
            ("Person", "Country", "Organization"),
            "the person is the envoy of that person or state",
            core=True,
            colour="#59A14F",
        ),
        Predicate(
            "REPRESENTS",
            PERSON,
            (*SIDES, "Place"),
            "the person acts for that side: a country, a body, or a region or city below the state",
            core=True,
            colour="#FF9DA7",
        ),
        Predicate(
            "ADVISER_OF", PERSON, ("Person", "Organization"), "the person advises that person or body", colour="#4E79A7"
        ),
        Predicate(
            "SPOKESPERSON_OF",
            PERSON,
            ("Person", "Country", "Organization"),
            "the person speaks for that person, state or body",
            colour="#9C755F",
        ),
        Predicate("LEADS", PERSON, ("Organization",), "the person leads that delegation or body", colour="#76B7B2"),
        Predicate(
            "HOSTED",
            ("Person", "Country"),
            PERSON,
            "the person or country hosted the other at a meeting",
            qualified=True,
            colour="#F1CE63",
        ),
        Predicate("MEMBER_OF", PERSON, ("Organization",), "the person is on that delegation", colour="#D37295"),
    )
}


class UnknownPredicate(ValueError):
    pass


def predicate(name: str) -> Predicate:
    try:
        return PREDICATES[name]
    except KeyError:
        raise UnknownPredicate(f"no predicate {name!r} (known: {', '.join(PREDICATES)})") from None


def core() -> tuple[str, ...]:
    return tuple(p.name for p in PREDICATES.values() if p.core)


def symmetric() -> set[str]:
    return {p.name for p in PREDICATES.values() if p.symmetric}
