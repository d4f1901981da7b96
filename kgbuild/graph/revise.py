"""Earlier decisions revised once later articles make them wrong: a person known by a surname alone
joins the one full name of the graph that has it.

Within one load, a surname joins a full name the graph or the load already knows
(`kgbuild.resolve.entities`); but when the surname arrives first ("Okafor said ..." before any
article names "Bill Okafor"), it is written as a person of its own.  After every load, `people`
looks again at each person the load wrote: a surname-only node (its key is one word, or the last
words of a longer name: "De Saint-Aubin") is merged into the full name that ends with it when
exactly one does (or has it as an alias: 'Saddam', joined to 'Saddam Hussein' in another
article), or exactly one shares a side with it (the country it represents); when several
could be it, it stays apart and says why (`apart`).  So the graph does not depend on the order
in which the articles came.  A merge moves everything the node had — facts and their evidence,
mentions, Name keys, attendances, meeting slots — and keeps its spelling as an alias; the kept
person lists the merged keys in `merged`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..names import person_words, stands_alone
from ..predicates import predicate
from ..records import Meeting
from . import catalog
from .connection import Graph, Transaction
from .lookup import meeting_of
from .rows import MAX_PLACES

PREFIX = "person:"


def _words(key: str) -> list[str]:
    return key.removeprefix(PREFIX).split()


def people(graph: Graph, keys: Iterable[str], aliases: Iterable[str] = ()) -> tuple[int, int]:
    """Merge the surname-only people among (or matching) these person keys into their one full name,
    then the meetings that made one; returns how many people and meetings were merged.  `aliases`
    are the one-word person keys the load gave its people as aliases ('saddam' of Saddam Hussein):
    a node of that name, written by another load, is looked for too."""
    touched = {k for k in keys if k.startswith(PREFIX) and _words(k)}
    if not touched:
        return 0, 0
    surnames = sorted({_words(k)[-1] for k in touched} | set(aliases))
    found = graph.read(catalog.internal("people-by-surname"), {"surnames": surnames})
    merges, apart = decide(found, touched)
    merges = _to_the_end(merges)
    if apart:
        graph.write(lambda tx: tx.execute(catalog.write("person-apart"), {"rows": apart}))
    for source, target in merges:
        graph.write(lambda tx, s=source, t=target: merge(tx, s, t))
    events = meetings(graph, sorted({target for _, target in merges})) if merges else 0
    return len(merges), events


def meetings(graph: Graph, people: list[str]) -> int:
    """Meetings of these (merged) people that are now one event: two Meeting nodes that share a
    counterpart pair and agree in time and place (`resolve.meetings.same_event`) become one.
    Returns how many were merged."""
    from ..resolve.meetings import same_event

    by_person: dict[str, list[Meeting]] = defaultdict(list)
    for r in graph.read(catalog.internal("person-meetings"), {"keys": people}):
        by_person[r["person"]].append(meeting_of(r))
    gone: set[str] = set()
    pairs = []
    for person in people:
        found = sorted(by_person.get(person, []), key=lambda m: (m.date is None, m.date or "", m.key))
        for i, kept in enumerate(found):
            for other in found[i + 1 :]:
                if kept.key in gone or other.key in gone or len(kept.people & other.people) < 2:
                    continue
                if same_event(kept, other):
                    pairs.append({"from": other.key, "to": kept.key})
                    gone.add(other.key)
    if pairs:
        graph.write(lambda tx: _merge_meetings(tx, pairs))
    return len(pairs)


def _merge_meetings(tx: Transaction, pairs: list[dict]) -> None:
    tx.execute(catalog.write("merge-meeting"), {"rows": pairs})
    tx.execute(catalog.write("meeting-recount"), {"rows": [{"key": p["to"]} for p in pairs]})


def decide(found: list[dict], touched: set[str]) -> tuple[list[tuple[str, str]], list[dict]]:
    """(partial, full) pairs to merge, and why other partials stay apart, from `people-by-surname` rows."""
    by_key: dict[str, dict] = {}
    for row in found:
        by_key.setdefault(row["key"], row)
    fulls_of: dict[tuple[str, ...], dict[str, dict]] = defaultdict(dict)
    for row in by_key.values():
        words = _words(row["key"])
        for n in range(1, len(words)):
            if stands_alone(words, n):
                fulls_of[tuple(words[-n:])][row["key"]] = row
        for alias in row.get("aliases") or []:  # 'Saddam', joined to its full name in another article
            short = person_words(alias)
            if 0 < len(short) < len(words):
                fulls_of[short][row["key"]] = row
    merges, apart = [], []
    for key, row in sorted(by_key.items()):
        cands = sorted(fulls_of.get(tuple(_words(key)), {}).values(), key=lambda r: r["key"])
        if not cands or not (key in touched or any(c["key"] in touched for c in cands)):
            continue
        chosen = _one(row, cands)
        if chosen is not None:
            merges.append((key, chosen["key"]))
        else:
            names = " or ".join(c["name"] for c in cands[:5])
            apart.append({"key": key, "why": f"{row['name']} could be {names}"})
    return merges, apart


def _to_the_end(merges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each merge into the person its target is itself merged into ('Sisi' → 'Fattah Sisi' →
    'Abdel Fattah Sisi'), so no merge goes into a node another one deleted."""
    target_of = dict(merges)

    def last(key: str) -> str:
        seen = set()
        while key in target_of and key not in seen:
            seen.add(key)
            key = target_of[key]
        return key

    return [(source, last(target)) for source, target in merges if last(target) != source]


def _one(partial: dict, cands: list[dict]) -> dict | None:
    """The one candidate a partial name is: the only one (unless it acts for another side), or the
    only one of its side."""
    sides = set(partial["sides"] or [])
    if len(cands) == 1:
        other = set(cands[0]["sides"] or [])
        return cands[0] if not (sides and other and not sides & other) else None
    if sides:
        same = [c for c in cands if sides & set(c["sides"] or [])]
        if len(same) == 1:
            return same[0]
    return None


def merge(tx: Transaction, source: str, target: str) -> None:
    """Everything of person `source` moved to person `target`, then `source` deleted."""
    by_statement: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    recount: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    loops = []
    for r in tx.run(catalog.internal("person-facts"), {"key": source, "target": target}):
        if r["other"] in (source, target):  # the two met each other: nobody meets themself
            loops.append(r["key"])
            continue
        outgoing = r["outgoing"]
        if predicate(r["type"]).symmetric:  # kept in name order, as the writer keeps it
            outgoing = r["target_name"] <= r["other_name"]
        subject, obj = (target, r["other"]) if outgoing else (r["other"], target)
        labels = ("Person", r["label"]) if outgoing else (r["label"], "Person")
        key = "|".join((r["type"], subject, obj))
        row = {"subject_key": subject, "object_key": obj, "key": key, "old_key": r["key"]}
        by_statement[(r["type"], *labels)].append(row)
        recount[(r["type"], *labels)].append({"subject_key": subject, "object_key": obj, "key": key})
    for (rel_type, s, o), rows in sorted(by_statement.items()):
        tx.execute(catalog.write("merge-facts", rel_type=rel_type, subject=s, object=o), {"rows": rows})
    if loops:
        tx.execute(catalog.write("forget-facts"), {"keys": loops})
    tx.execute(catalog.write("merge-slots"), {"rows": [{"from": source, "to": target}]})
    tx.execute(catalog.write("merge-person"), {"rows": [{"from": source, "to": target}]})
    for (rel_type, s, o), rows in sorted(recount.items()):
        query = catalog.write("fact-recount", rel_type=rel_type, subject=s, object=o)
        tx.execute(query, {"rows": rows, "max_places": MAX_PLACES})
