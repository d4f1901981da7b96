"""`kgbuild eval --graph`: the graph an analyst sees after loading many articles, scored against a
graph-level gold file ("Graph-level gold" in the evaluation README) by the rules of the project's
`graph_score.py`: both give the same numbers on the same graph, read as `kgbuild export --format
jsonl --documents` writes it (a Document node is the article named by the base name of its path).

Entities: a unit (article, gold person) maps to each Person node the article MENTIONS whose name
or an alias equals a surface form once folded (`evaluate.normal`, apostrophes dropped), or else,
unless another unit of the article matched that node exactly, whose words (titles aside) are all
in a surface form or hold all of its words.  A unit on 2+ nodes is a split; its best node (exact,
most shared words, id) stands for it in pairwise P/R over pairs of units of different articles.
Person nodes of the gold articles that no unit maps to are "unmatched", not errors.

Meetings: a unit (report, gold meeting) maps to the Meeting node the report REPORTS whose ATTENDED
people, read through the entity mapping, hold most participants: 2 or more, or 1 of a two-person
meeting when no attendee is a participant of another meeting of that report; ties: fewer other
attendees, then id.  Pairwise P/R over pairs of mapped units, within and across articles; a false
merge is a pair of different gold meetings on one node.  Per mapped required unit: participants
(an attendee that is no gold person is wrong), date (first 10 characters), place (the folded words
of one hold the other's; `place`, else the first HELD_IN) and status, where the gold has one.
Unmapped Meeting nodes of the gold articles are spurious.  Optional meetings, reports and
participants are neither required nor wrong, but an optional unit on another meeting's node is a
false merge.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from .errors import KgbuildError
from .evaluate import normal

# Words of a rank or office that do not tell one person from another ("Minister Park", "Mr Berg").
TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "his", "highness", "sheikh", "prince", "amir", "president", "vice"}
    | {"prime", "minister", "secretary", "sec", "deputy", "foreign", "state", "defense", "defence", "general"}
    | {"gen", "special", "presidential", "envoy", "ambassador", "fm", "nsa", "national", "security"}
    | {"advisor", "adviser", "spokesperson", "chief", "principal"}
)
APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
ATTRIBUTES = ("date", "place", "status")
GOLD_HELP = 'a graph-level gold file is one JSON object with "entities" and "meetings" lists'


class GoldError(KgbuildError):
    """A graph-level gold file that is missing, unreadable or not of the documented shape."""


class NotLoaded(KgbuildError):
    """The graph holds nothing to score: it is empty, or holds none of the gold file's articles."""


def fold(name) -> str:
    return normal(APOSTROPHES.sub("", str(name or "")))


def name_words(name) -> frozenset[str]:
    return frozenset(fold(name).split()) - TITLE_WORDS


def same_place(a, b) -> bool:
    x, y = set(fold(a).split()), set(fold(b).split())
    return bool(x) and bool(y) and (x <= y or y <= x)


def prf(tp: int, fp: int, fn: int) -> dict:
    """Counts, and P, R and F1 (of the rounded P and R) to 3 places; None where a ratio has no base."""

    def ratio(part: int, whole: int) -> float | None:
        return round(part / whole, 3) if whole else None

    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = None if None in (p, r) else (round(2 * p * r / (p + r), 3) if p + r else 0.0)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def read_gold(path: str | Path) -> dict:
    """The gold graph from a file, checked for the keys scoring needs."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"no gold graph file {path}; give the path of a graph-level gold JSON file") from None
    except (OSError, UnicodeDecodeError) as e:  # a folder, no permission, not UTF-8
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise GoldError(f"cannot read the gold graph file {path} ({reason}); give a readable UTF-8 JSON file") from None
    try:
        gold = json.loads(text)
    except ValueError as e:
        raise GoldError(f"the gold graph file {path} is not valid JSON ({e}); {GOLD_HELP}") from None
    check_gold(gold, str(path))
    return gold


def check_gold(gold, where: str = "the gold graph") -> None:
    def fail(what: str):
        raise GoldError(f"{where}: {what}; {GOLD_HELP} (see the evaluation README, 'Graph-level gold')")

    def strings(value) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    for key in ("entities", "meetings"):
        if not isinstance(gold, dict) or not isinstance(gold.get(key), list):
            fail(f'no "{key}" list')
    if not strings(gold.get("documents") or []):
        fail('"documents" is not a list of file names')
    for k, e in enumerate(gold["entities"]):
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            fail(f"entity {k + 1} has no string id")
        mentions = e.get("mentions", {})
        if not isinstance(mentions, dict) or not all(map(strings, mentions.values())):
            fail(f'entity {e["id"]!r}: "mentions" is not an object of article -> list of names')
    for k, m in enumerate(gold["meetings"]):
        if not isinstance(m, dict) or not isinstance(m.get("id"), str) or "participants" not in m:
            fail(f"meeting {k + 1} has no string id or no participants")
        for key in ("participants", "reports", "optional_reports", "optional_participants"):
            if not strings(m.get(key, [])):
                fail(f'meeting {m["id"]!r}: "{key}" is not a list of strings')


def gold_articles(gold: dict) -> set[str]:
    """Every article the gold names: its documents, the articles of mentions and the reports."""
    out = set(gold.get("documents") or []).union(*(e.get("mentions", {}) for e in gold["entities"]))
    for m in gold["meetings"]:
        out.update(m.get("reports", []), m.get("optional_reports", []))
    return out


def export_rows(g) -> list[dict]:
    """The rows `kgbuild export --format jsonl` writes for the networkx graph `g` (from
    `network.pull(graph, documents=True)`), written and read back in memory by the export's own code."""
    from .graph.network import export

    out = io.StringIO()
    export(g, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().split("\n") if line.strip()]


@dataclass
class Dump:
    """What the scorer reads of an exported graph."""

    nodes: dict[str, dict] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # article -> Person nodes
    reports: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # article -> Meeting nodes
    attended: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # Meeting node -> people
    held_in: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # node -> place names

    def name(self, node: str) -> str:
        return f"{self.nodes.get(node, {}).get('name', '?')} [{node}]"


def article_name(document: dict) -> str:
    return os.path.basename(document.get("path") or "")


def read_dump(rows: list[dict]) -> Dump:
    dump = Dump()
    for r in rows:
        if r.get("kind") == "node":
            dump.nodes[r["id"]] = r
    article = {i: article_name(n) for i, n in dump.nodes.items() if n.get("label") == "Document"}
    for r in rows:
        if r.get("kind") != "relationship":
            continue
        source, target, kind = r.get("source"), r.get("target"), r.get("type")
        label = dump.nodes.get(target, {}).get("label")
        if kind == "MENTIONS" and source in article and label == "Person":
            dump.mentions[article[source]].add(target)
        elif kind == "REPORTS" and source in article and label == "Meeting":
            dump.reports[article[source]].add(target)
        elif kind == "ATTENDED" and label == "Meeting":
            dump.attended[target].add(source)
        elif kind == "HELD_IN":
            dump.held_in[source].append(dump.nodes.get(target, {}).get("name", ""))
    return dump


def entity_units(gold: dict, dump: Dump) -> dict[tuple[str, str], list[str]]:
    """(article, gold person) -> the Person nodes it maps to, best first."""
    forms_of: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for e in gold["entities"]:
        for article, forms in e.get("mentions", {}).items():
            forms_of[article][e["id"]] = forms
    units = {}
    for article, people in forms_of.items():
        node_names = {
            n: [dump.nodes[n].get("name"), *(dump.nodes[n].get("aliases") or [])]
            for n in dump.mentions.get(article, ())
        }
        node_folds = {n: {fold(x) for x in names} for n, names in node_names.items()}
        exact = {
            person: {n for n, folded in node_folds.items() if folded & {fold(f) for f in forms}}
            for person, forms in people.items()
        }
        exactly_taken = set().union(*exact.values())
        for person, forms in people.items():
            form_words = [w for w in (name_words(f) for f in forms) if w]

            def overlap(n, form_words=form_words, node_names=node_names):  # most words shared, or 0
                pairs = [(w, fw) for w in map(name_words, node_names[n]) if w for fw in form_words]
                return max((len(w & fw) for w, fw in pairs if w <= fw or fw <= w), default=0)

            partial = {n for n in node_names if n not in exactly_taken and overlap(n)}
            hits = exact[person] | partial
            units[(article, person)] = sorted(hits, key=lambda n: (n not in exact[person], -overlap(n), n))
    return units


def score_entities(gold: dict, dump: Dump, articles: set[str]) -> tuple[dict, dict[str, set[str]]]:
    """The entity measures, and for each Person node any unit maps to, the gold people it stands for."""
    units = entity_units(gold, dump)
    best = [(article, person, nodes[0]) for (article, person), nodes in sorted(units.items()) if nodes]
    counts = Counter()
    for (a1, p1, n1), (a2, p2, n2) in combinations(best, 2):
        if a1 == a2:
            continue
        if p1 != p2 and n1 == n2:
            counts["fp"] += 1
        elif p1 == p2:
            counts["tp" if n1 == n2 else "fn"] += 1
    people_of: dict[str, set[str]] = defaultdict(set)
    for (_, person), nodes in units.items():
        for n in nodes:
            people_of[n].add(person)
    people_of = dict(people_of)
    on_node: dict[str, set[str]] = {}
    nodes_of: dict[str, set[str]] = {}
    for _, person, n in best:
        on_node.setdefault(n, set()).add(person)
        nodes_of.setdefault(person, set()).add(n)
    persons = set().union(*(dump.mentions.get(a, set()) for a in articles))
    measures = {
        "units": len(units),
        "found": len(best),
        "pairs": prf(counts["tp"], counts["fp"], counts["fn"]),
        "splits": {f"{a} {p}": nodes for (a, p), nodes in sorted(units.items()) if len(nodes) > 1},
        "missed": [f"{a} {p}" for (a, p), nodes in sorted(units.items()) if not nodes],
        "merged_nodes": {n: sorted(ps) for n, ps in on_node.items() if len(ps) > 1},
        "split_entities": {p: sorted(ns) for p, ns in nodes_of.items() if len(ns) > 1},
        "unmatched_person_nodes": sorted(n for n in persons if n not in people_of),
    }
    return measures, people_of


def meeting_units(
    gold: dict, dump: Dump, people_of: dict[str, set[str]]
) -> tuple[dict[tuple[str, str], str | None], dict[tuple[str, str], bool]]:
    """(report, gold meeting) -> its Meeting node or None, and -> whether the unit is optional."""
    meetings_of: dict[str, list[dict]] = defaultdict(list)
    optional: dict[tuple[str, str], bool] = {}
    for m in gold["meetings"]:
        for article in [*m.get("reports", []), *m.get("optional_reports", [])]:
            meetings_of[article].append(m)
            optional[(article, m["id"])] = bool(m.get("optional")) or article in m.get("optional_reports", [])
    units: dict[tuple[str, str], str | None] = {}
    for article, meetings in meetings_of.items():
        for m in meetings:
            wanted = {*m["participants"], *m.get("optional_participants", [])}
            elsewhere = set().union(*(o["participants"] for o in meetings if o is not m)) - wanted
            candidates = []
            for node in dump.reports.get(article, ()):
                attendees = [people_of.get(p, set()) for p in dump.attended.get(node, ())]
                seen = set().union(*attendees)
                held = len(seen & wanted)
                lone = held == 1 and len(m["participants"]) == 2 and not seen & elsewhere
                if held >= 2 or lone:
                    strangers = sum(1 for people in attendees if not people & wanted)
                    candidates.append((-held, strangers, node))
            units[(article, m["id"])] = min(candidates)[2] if candidates else None
    return units, optional


def _same(key: str, system: str, gold_value) -> bool:
    if key == "date":
        return system[:10] == gold_value
    return same_place(system, gold_value) if key == "place" else system.lower() == gold_value


def score_meetings(gold: dict, dump: Dump, articles: set[str], people_of: dict[str, set[str]]) -> dict:
    units, optional = meeting_units(gold, dump, people_of)
    mapped = sorted(u for u, node in units.items() if node)
    tp = fp = fn = 0
    merged: dict[str, set[tuple[str, str]]] = defaultdict(set)
    split: dict[str, set[str]] = defaultdict(set)
    for a, b in combinations(mapped, 2):
        if units[a] == units[b] and a[1] == b[1]:
            tp += 1
        elif units[a] == units[b]:
            fp += 1
            merged[units[a]].add((min(a[1], b[1]), max(a[1], b[1])))
        elif a[1] == b[1] and not optional[a] and not optional[b]:
            fn += 1
            split[a[1]].update((units[a], units[b]))
    required = sorted(u for u in units if not optional[u])
    spurious = sorted(set().union(*(dump.reports.get(a, set()) for a in articles)) - set(units.values()))
    return {
        "units": len(required),
        "found": sum(1 for u in required if units[u]),
        "pairs": prf(tp, fp, fn),
        "false_merges": sum(len(pairs) for pairs in merged.values()),
        **_attributes(gold, dump, people_of, {u: units[u] for u in mapped if not optional[u]}),
        "spurious": len(spurious),
        "merge_list": {n: [list(p) for p in sorted(pairs)] for n, pairs in merged.items()},
        "split_list": {m: sorted(nodes) for m, nodes in split.items()},
        "spurious_list": spurious,
        "missed": [" ".join(u) for u in required if not units[u]],
    }


def _attributes(gold: dict, dump: Dump, people_of: dict[str, set[str]], units: dict[tuple[str, str], str]) -> dict:
    """Participants, date, place and status of the mapped required units, and their errors."""
    by_id = {m["id"]: m for m in gold["meetings"]}
    people, tally, errors = Counter(), {key: Counter() for key in ATTRIBUTES}, []
    for (article, meeting), node in units.items():
        m = by_id[meeting]
        wanted, maybe = set(m["participants"]), set(m.get("optional_participants", []))
        seen = set().union(*(people_of.get(p, {p}) for p in dump.attended.get(node, ())))
        extra, missing = seen - wanted - maybe, wanted - seen
        people.update(tp=len(seen & wanted), fp=len(extra), fn=len(missing))
        if extra or missing:
            errors.append(f"participants {article} {meeting}: missing {sorted(missing)} extra {sorted(extra)}")
        first_place = (dump.held_in.get(node) or [""])[0]
        for key in (k for k in ATTRIBUTES if m.get(k)):
            system = str(dump.nodes[node].get(key) or (first_place if key == "place" else ""))
            verdict = "missing" if not system else "correct" if _same(key, system, m[key]) else "wrong"
            tally[key][verdict] += 1
            if verdict != "correct" and key != "status":
                errors.append(f"{key} {verdict} {article} {meeting}: gold {m[key]!r} system {system!r}")
    acc = {k: round(c["correct"] / sum(c.values()), 3) if sum(c.values()) else None for k, c in tally.items()}
    return {
        "participants": prf(people["tp"], people["fp"], people["fn"]),
        "date": dict(tally["date"]),
        "date_acc": acc["date"],
        "place": dict(tally["place"]),
        "place_acc": acc["place"],
        "status_acc": acc["status"],
        "errors": errors,
    }


@dataclass
class GraphScore:
    entities: dict
    meetings: dict
    dump: Dump

    def measures(self) -> dict:
        return {"entities": self.entities, "meetings": self.meetings}

    def summary(self) -> str:
        """The one line: ENTITIES pairF1=… splits=… | MEETINGS pairP=… … place_acc=…"""
        e, m = self.entities, self.meetings
        return (
            f"ENTITIES pairF1={fmt(e['pairs']['f1'])} splits={len(e['splits'])} | MEETINGS "
            f"pairP={fmt(m['pairs']['precision'])} pairR={fmt(m['pairs']['recall'])} "
            f"pairF1={fmt(m['pairs']['f1'])} false_merges={m['false_merges']} "
            f"participantsF1={fmt(m['participants']['f1'])} date_acc={fmt(m['date_acc'])} "
            f"place_acc={fmt(m['place_acc'])}"
        )


def fmt(x) -> str:
    if x is None:
        return "n/a"
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def score(gold: dict, rows: list[dict]) -> GraphScore:
    """Score exported graph rows (`kgbuild export --format jsonl --documents`, as dicts) against a gold graph."""
    check_gold(gold)
    dump = read_dump(rows)
    articles = gold_articles(gold)
    entities, people_of = score_entities(gold, dump, articles)
    return GraphScore(entities, score_meetings(gold, dump, articles, people_of), dump)


def missing_articles(gold: dict, rows: list[dict]) -> list[str]:
    """The gold's articles that no Document node of the rows stands for; NotLoaded when the rows
    are empty or hold none of them."""
    if not rows:
        raise NotLoaded("the graph is empty; load the gold file's articles first with `kgbuild load PATH`")
    wanted = gold_articles(gold)
    missing = sorted(
        wanted - {article_name(r) for r in rows if r.get("kind") == "node" and r.get("label") == "Document"}
    )
    if wanted and len(missing) == len(wanted):
        raise NotLoaded(
            f"none of the gold file's {len(wanted)} articles are in the graph; load them with `kgbuild load PATH` "
            "(or point KGBUILD_HOME / NEO4J_URI at the graph that holds them)"
        )
    return missing
