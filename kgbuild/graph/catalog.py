"""The Cypher catalog: every statement kgbuild runs lives in a `.cypher` file under `cypher/`.

Each file holds one statement after a header of `//` comments::

    // name: who-met-whom
    // description: Counterparts who met, with where, when and how sure we are.
    // param: person string = null -- only this person's meetings (any alias)

`param:` lines give a name, a type (string, int, float, bool) and an optional default; a
parameter without a default is required.  Files under `reports/` are the saved reports,
`write/` the graph writer's statements, and `schema.cypher` the idempotent schema set-up
(several statements separated by `;`).  Files under `fragments/` hold pieces of Cypher that
several statements share, each substituted where a statement names it (`__IN_PERIOD__`: the
period filter of every report that takes `since`, `until` and `undated`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from ..errors import ReportError
from ..records import ENTITY_TYPES

# count: a whole number of 1 or more; person, country, entity: a name the CLI looks up (kgbuild.graph.lookup)
# and passes as the entity's key
# since, until: a day (2025-11-30), a month (2025-11) or a year (2025), passed as the first or the last
# day it covers, so that ISO dates compare with it as strings
TYPES = ("string", "int", "count", "float", "bool", "list", "person", "country", "entity", "since", "until")
NAME_TYPES = ("person", "country", "entity")
INT_RANGE = (-(2**63), 2**63 - 1)  # what Cypher's integers hold
LABELS = ENTITY_TYPES
_LIMIT_LINE = re.compile(r"^[ \t]*LIMIT \$kg_limit[ \t]*\n?", re.M)
LIMIT_PARAM = "kg_limit"  # a report's query that says `LIMIT $kg_limit` stops there (see reports.limit_param)
IDENTIFIER = re.compile(r"^[A-Z][A-Z_]*[A-Z]$")
_PARAM = re.compile(r"^(?P<name>\w+)\s+(?P<type>\w+)(?:\s*=\s*(?P<default>.*?))?\s*(?:--\s*(?P<help>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: object = None
    help: str = ""

    def convert(self, raw: str) -> object:
        """A command-line value as this parameter's type, or a ReportError that says what is wanted."""
        if self.type == "list":
            raise ReportError(f"parameter {self.name!r} is a list and cannot be given on the command line")
        try:
            if self.type in ("int", "count"):
                value = int(raw)
                low = 1 if self.type == "count" else INT_RANGE[0]
                if not low <= value <= INT_RANGE[1]:
                    raise ReportError(
                        f"parameter {self.name!r} must be a whole number from {low} to {INT_RANGE[1]}, not {raw!r}"
                    )
                return value
            if self.type == "float":
                return float(raw)
            if self.type in ("since", "until"):
                return period_bound(raw, self.type == "until")
            if self.type == "bool":
                low = raw.strip().lower()
                if low in ("true", "yes", "1"):
                    return True
                if low in ("false", "no", "0"):
                    return False
                raise ValueError(raw)
        except ValueError:
            wanted = DATE_WANTED if self.type in ("since", "until") else None
            raise ReportError(
                f"parameter {self.name!r} must be {wanted or _article(self.type) + ' ' + self.type}, not {raw!r}"
            ) from None
        return raw

    def describe(self) -> str:
        spec = f"{self.name} ({'date' if self.type in ('since', 'until') else self.type}"
        spec += ", required)" if self.required else f", default {_show(self.default)})"
        return f"{spec}: {self.help}" if self.help else spec


DATE_WANTED = "a date (2025-11-30), a month (2025-11) or a year (2025)"
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period_bound(raw: str, end: bool) -> str:
    """'2025-11' → '2025-11-01' (or, as an end, '2025-11-31': compared as text, every day of the month
    falls before it); '2025' → '2025-01-01' / '2025-12-31'; a day is itself."""
    from datetime import date

    m = _PERIOD.match(raw.strip())
    if not m:
        raise ValueError(raw)
    year, month, day = m.group(1), m.group(2), m.group(3)
    date(int(year), int(month or 1), int(day or 1))  # a real day, month and year
    if day:
        return f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-{'31' if end else '01'}"
    return f"{year}-12-31" if end else f"{year}-01-01"


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    compute: str | None = None  # a Python step on the rows (see reports.py)

    @property
    def limited(self) -> bool:
        """Whether the query places `LIMIT $kg_limit` itself."""
        return f"${LIMIT_PARAM}" in self.text

    @property
    def unlimited(self) -> str:
        """The query without its `LIMIT $kg_limit` line, for every row.  (A huge limit is no substitute:
        the embedded server sizes a sort buffer by it, and fails at 2**31 - 1 or returns nothing.)"""
        return _LIMIT_LINE.sub("", self.text)

    def bind(self, given: dict[str, str]) -> dict[str, object]:
        """Command-line `key=value` strings checked and typed against the declared parameters."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise ReportError(f"report {self.name!r} has no parameter {unknown[0]!r} (it takes: {allowed})")
        bound = {}
        for p in self.params:
            if p.name in given:
                bound[p.name] = p.convert(given[p.name])
            elif p.required:
                shown = "name" if p.type in NAME_TYPES else p.type
                raise ReportError(f"report {self.name!r} needs --param {p.name}=<{shown}>")
            else:
                bound[p.name] = p.default
        return bound


def parse(source: str, fallback_name: str = "") -> Query:
    """One `.cypher` file: header comments, then the statement."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    body: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        m = re.match(r"^//\s*(name|description|param|compute):\s*(.*)$", stripped)
        if m and not body:
            key, value = m.groups()
            if key == "param":
                params.append(_param(value, fallback_name))
            else:
                meta[key] = value.strip()
        elif stripped.startswith("//") and not body:
            continue
        else:
            body.append(line)
    text = "\n".join(body).strip().rstrip(";").strip()
    return Query(
        name=meta.get("name", fallback_name),
        description=meta.get("description", ""),
        text=text,
        params=tuple(params),
        compute=meta.get("compute"),
    )


def _param(spec: str, where: str) -> Param:
    m = _PARAM.match(spec.strip())
    if not m or m["type"] not in TYPES:
        raise ValueError(f"{where}: bad param header {spec!r}; use `name type [= default] [-- help]`")
    default = m["default"]
    ptype = m["type"]
    value: object = None
    if default is not None and default != "null":
        value = Param(m["name"], ptype, True).convert(default.strip().strip("'\""))
    return Param(m["name"], ptype, required=default is None, default=value, help=(m["help"] or "").strip())


def _show(value: object) -> str:
    return "none" if value is None else repr(value) if isinstance(value, str) else str(value).lower()


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _folder(*parts: str):
    return resources.files("kgbuild.cypher").joinpath(*parts)


def fact_types() -> str:
    """Every predicate in the registry, as a relationship-type alternation: MET_WITH|ENVOY_OF|..."""
    from ..predicates import PREDICATES

    return "|".join(PREDICATES)


FRAGMENTS = "fragments"  # cypher/fragments/*.cypher: pieces of Cypher that statements name as __NAME__
_PLACEHOLDER = re.compile(r"__[A-Z][A-Z_]*[A-Z]__")
_FRAGMENT = re.compile(r"^//\s*fragment:\s*(?P<name>[A-Z][A-Z_]*[A-Z])\b.*$", re.M)


@cache
def fragments() -> dict[str, str]:
    """The pieces of Cypher several statements share, by the placeholder that stands for each: a line
    `// fragment: IN_PERIOD -- what it is` in a file under `cypher/fragments/` starts the fragment
    `__IN_PERIOD__`, which runs to the next such line.  A fragment may name one defined before it."""
    out: dict[str, str] = {}
    for entry in sorted(_folder(FRAGMENTS).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".cypher"):
            continue
        source = entry.read_text(encoding="utf-8")
        starts = list(_FRAGMENT.finditer(source))
        for m, end in zip(starts, [*(s.start() for s in starts[1:]), len(source)], strict=True):
            out[f"__{m['name']}__"] = _fill(source[m.end() : end].strip(), out)
    return out


def _fill(text: str, pieces: dict[str, str]) -> str:
    """`text` with each placeholder of a fragment in `pieces` replaced by the fragment."""
    return _PLACEHOLDER.sub(lambda m: pieces.get(m[0], m[0]), text)


@cache
def _load(kind: str) -> dict[str, Query]:
    """The statements of one folder, each fragment's placeholder in a statement replaced by the fragment
    (`fragments`); `__FACT_TYPES__` in a report stands for every predicate."""
    queries = {}
    for entry in sorted(_folder(kind).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            source = entry.read_text(encoding="utf-8")
            if kind == "reports":
                source = source.replace("__FACT_TYPES__", fact_types())
            q = parse(source, entry.name[: -len(".cypher")])
            queries[q.name] = replace(q, text=_fill(q.text, fragments()))
    return queries


def reports() -> dict[str, Query]:
    """The saved reports by name."""
    return _load("reports")


def report(name: str) -> Query:
    found = reports().get(name)
    if found is None:
        raise ReportError(f"no report named {name!r}; `kgbuild report` lists them ({', '.join(reports())})")
    return found


def writes() -> dict[str, Query]:
    """The graph writer's statements by name (templates: see `write`)."""
    return _load("write")


def write(
    name: str,
    label: str | None = None,
    rel_type: str | None = None,
    subject: str | None = None,
    object: str | None = None,
) -> str:
    """A write statement, with its `__LABEL__`, `__SUBJECT__`, `__OBJECT__` and `__TYPE__` filled in.

    Labels and relationship types cannot be Cypher parameters, so these identifiers are
    substituted, and only from a closed set: a known label, or an upper-snake-case predicate.
    Values never are: they always travel as parameters.
    """
    text = writes()[name].text
    for placeholder, value in (("__LABEL__", label), ("__SUBJECT__", subject), ("__OBJECT__", object)):
        if placeholder in text:
            if value not in LABELS:
                raise ValueError(f"unknown node label {value!r}")
            text = text.replace(placeholder, value)
    if "__TYPE__" in text:
        if not rel_type or not IDENTIFIER.match(rel_type):
            raise ValueError(f"bad relationship type {rel_type!r}")
        text = text.replace("__TYPE__", rel_type)
    return text


def internal(name: str) -> str:
    """A statement kgbuild runs for itself (lookups, counts, deletes)."""
    return _load("internal")[name].text


def schema() -> list[str]:
    """The schema set-up statements (constraints and indexes), each safe to run twice."""
    source = _folder("schema.cypher").read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if not line.strip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def all_statements() -> list[tuple[str, Query]]:
    """Every statement kgbuild can run, with where it comes from (for checks and tests)."""
    out = [(f"reports/{q.name}", q) for q in reports().values()]
    out += [(f"write/{q.name}", q) for q in writes().values()]
    out += [(f"internal/{q.name}", q) for q in _load("internal").values()]
    out += [(f"schema#{i}", Query(name=f"schema{i}", description="", text=s)) for i, s in enumerate(schema())]
    return out


WRITE_CLAUSES = (
    "CREATE",
    "MERGE",
    "DELETE",
    "DETACH",
    "SET",
    "REMOVE",
    "DROP",
    "FOREACH",
    "LOAD",
    "ALTER",
    "GRANT",
    "DENY",
    "REVOKE",
    "RENAME",
    "TERMINATE",
    "START",
    "STOP",
)
WRITE_PROCEDURES = re.compile(
    r"\bCALL\s+(?:apoc\.(?:create|merge|refactor|periodic|nodes\.delete|atomic)|"
    r"db\.(?:create|clear|drop))",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`", re.DOTALL)
_LEXEMES = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`|[.:$]?\w+|\S", re.DOTALL)


def write_clause(text: str) -> str | None:
    """The first clause of `text` that would change the graph (CREATE, MERGE, SET, DELETE ...), or None.

    Strings, comments, quoted identifiers, property keys (`n.set`), labels (`:Create`), parameters
    and map keys are not clauses.  Used to keep `kgbuild query` read-only unless told otherwise
    (the embedded server does not refuse writes in a read transaction; Neo4j does)."""
    tokens = [t for t in _LEXEMES.findall(text) if not t.startswith(("//", "/*", "'", '"', "`"))]
    for k, tok in enumerate(tokens):
        word = tok.upper()
        if word in WRITE_CLAUSES and (k + 1 == len(tokens) or tokens[k + 1] != ":"):
            return word
    bare = _QUOTED.sub(" ", text)
    found = WRITE_PROCEDURES.search(bare)
    return found.group(0).split()[-1] if found else None
