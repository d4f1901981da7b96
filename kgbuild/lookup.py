"""Finding entities by any unambiguous part of their name, through `Name` nodes in the graph.

Every entity is reachable from `(:Name {key})-[:NAMES]->(entity)` for each key `name_keys` makes:
its graph key, its folded name and aliases, a person's transliteration key, surname, given name
and "given surname", a country's codes and demonyms.  A lookup folds what the user typed the
same way and follows those keys (an index seek each), so "Hnatov", "Zelenskyy", "USA" and
"American" find their entities at any graph size.  What matches nothing gets the closest names
as suggestions; what matches several says which.
"""

from __future__ import annotations

from . import catalog
from .errors import ReportError
from .facts import Entity
from .graph import Graph
from .names import fold, name_words, translit_key
from .resolve import entity_key, surname_block
from .rules import Rules, load_rules

KINDS = {"person": "Person", "country": "Country", "entity": None}  # report parameter type -> label
SUGGESTIONS = 3
SUGGEST_FROM = 50_000  # names read to suggest from, on that error only


def name_keys(entity: Entity, rules: Rules | None = None) -> list[str]:
    """The Name keys that find `entity`."""
    rules = rules or load_rules()
    keys = {entity_key(entity.name, entity.type)}
    texts = [entity.name, *entity.aliases]
    for text in texts:
        keys.add(fold(text))
    if entity.type == "Country":
        keys |= rules.country_keys(entity.name)
    elif entity.type == "Organization":
        keys |= {k for k, org in rules.orgs.items() if org == entity.name}
    elif entity.type == "Person":
        keys |= _person_keys(texts, rules)
        keys.add(_block(entity.name, rules))
    return sorted(k for k in keys if k)


def _person_keys(texts: list[str], rules: Rules) -> set[str]:
    """Transliteration keys, and the surname, given name and 'given surname' of each spelling."""
    skip = {fold(w) for w in rules.words("grammar", "name_suffixes")} | rules.words("grammar", "name_particles")
    keys = set()
    for text in texts:
        words = [w for w in translit_key(text).split() if w not in skip and len(w) > 1]
        keys.add(translit_key(text))
        keys |= set(words)
        if len(words) > 1:
            keys.add(f"{words[0]} {words[-1]}")
    return keys


def _block(name: str, rules: Rules) -> str:
    """The surname block the resolver looks spelling variants of this person's name up under."""
    words = name_words(name, {fold(w) for w in rules.words("grammar", "name_suffixes")})
    return surname_block(words[-1]) if len(words) > 1 else ""


def query_keys(text: str) -> list[str]:
    """The keys to look a typed name up under."""
    text = text.strip()
    keys = [text.lower()] if ":" in text else []  # a graph key as printed by `kgbuild report ... --cypher`
    return [*keys, *dict.fromkeys(k for k in (fold(text), translit_key(text)) if k)]


def find(graph: Graph, text: str, kind: str = "entity") -> dict:
    """The one entity `text` names ({key, name, label}), or a ReportError that says why not."""
    label = KINDS[kind]
    rows = [
        r
        for r in graph.read(catalog.internal("lookup-names"), {"keys": query_keys(text)})
        if label is None or r["label"] == label
    ]
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        exact = [r for r in rows if fold(r["name"]) == fold(text)]
        if len(exact) == 1:
            return exact[0]
        names = sorted(f"{r['name']} ({r['label']})" if label is None else r["name"] for r in rows)
        more = f" and {len(names) - 6} more" if len(names) > 6 else ""
        raise ReportError(f"{text!r} could be {', '.join(names[:6])}{more}; give more of the name")
    raise ReportError(_not_found(graph, text, kind, label))


def _not_found(graph: Graph, text: str, kind: str, label: str | None) -> str:
    from rapidfuzz import fuzz, process

    rows = [
        r
        for r in graph.read(catalog.internal("entity-list"), {"limit": SUGGEST_FROM})
        if label is None or r["label"] == label
    ]
    if not rows:
        return (
            "the graph is empty; load articles first with `kgbuild load PATH`"
            if not label and not graph.read("MATCH (d:Document) RETURN d.doc_id AS id LIMIT 1")
            else f"the graph holds no {kind}; load articles first with `kgbuild load PATH`"
        )
    names = sorted({r["name"] for r in rows})
    close = [
        name for name, score, _ in process.extract(text, names, scorer=fuzz.WRatio, limit=SUGGESTIONS) if score >= 70
    ]
    what = "no one" if kind == "person" else f"no {kind}"
    hint = f"; did you mean {' or '.join(close)}?" if close else "; `kgbuild report representatives` lists who is in it"
    return f"{what} named {text!r} in the graph{hint}"
