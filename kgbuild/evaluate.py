"""`kgbuild eval`: precision, recall and F1 per predicate against a gold file.

The matching rules are those of the project's evaluation script: a fact matches when the
document (file name), predicate and both names agree after normalising case, accents,
punctuation, a leading "the" and middle initials, and after mapping aliases (a global alias
file and per-document `subject_aliases` / `object_aliases`).  MET_WITH is symmetric; facts
count once per document; `optional` gold facts are neither required nor wrong; only the
documents the gold names are scored; `country_only` ignores system REPRESENTS / ENVOY_OF facts
whose object is typed as something other than a country or place; `partial_names` also
matches a system name to the one gold name of its document whose words contain its words or
are contained in them ("obama" / "barack obama"), for gold sets that name people loosely.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .predicates import core, symmetric

SYMMETRIC = symmetric()
CORE = core()

PLACE_TYPES = {"country", "gpe", "location", "place", "loc"}


def normal(name: str) -> str:
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if len(words) >= 3:
        words = [w for k, w in enumerate(words) if k in (0, len(words) - 1) or len(w) > 1]
    return " ".join(words)


def _name(value) -> str:
    return value.get("name", "") if isinstance(value, dict) else (value or "")


def _doc(fact: dict) -> str:
    d = fact.get("doc") or fact.get("source") or fact.get("document") or ""
    if isinstance(d, dict):
        d = d.get("path") or d.get("source") or d.get("id") or ""
    return os.path.basename(str(d))


@dataclass
class Score:
    rows: dict[str, dict] = field(default_factory=dict)
    missed: list[tuple] = field(default_factory=list)
    wrong: list[tuple] = field(default_factory=list)


class Scorer:
    def __init__(self, gold: list[dict], aliases: dict[str, list[str]] | None = None):
        self.aliases: dict[str, str] = {}
        for canon, variants in (aliases or {}).items():
            for v in [canon, *variants]:
                self.aliases[normal(v)] = normal(canon)
        self.gold = gold
        self.local: dict[str, dict[str, str]] = {}
        for g in gold:
            table = self.local.setdefault(_doc(g), {})
            for side in ("subject", "object"):
                canon = self._global(_name(g.get(side)))
                for alias in g.get(f"{side}_aliases", []):
                    table.setdefault(normal(alias), canon)

    def _global(self, name: str) -> str:
        n = normal(name)
        return self.aliases.get(n, n)

    def key(self, fact: dict, local: dict[str, dict[str, str]] | None = None) -> tuple:
        doc = _doc(fact)
        local = (self.local if local is None else local).get(doc, {})
        s, o = (
            local.get(normal(_name(fact.get(side)))) or self._global(_name(fact.get(side)))
            for side in ("subject", "object")
        )
        pred = str(fact.get("predicate", "")).upper()
        if pred in SYMMETRIC and o < s:
            s, o = o, s
        return (doc, pred, s, o)

    def _gold(self) -> tuple[dict[tuple, dict], set[tuple]]:
        """Required gold facts by key, and the keys of optional ones."""
        required: dict[tuple, dict] = {}
        optional: set[tuple] = set()
        for g in self.gold:
            if g.get("predicate"):
                (optional.add(self.key(g)) if g.get("optional") else required.setdefault(self.key(g), g))
        return required, optional

    def with_partial_names(self, system: list[dict]) -> Scorer:
        """A scorer whose per-document aliases also map each system name to the one gold name of its
        document that shares its words (the `--partial-names` option of the shared score.py)."""
        local = {doc: dict(table) for doc, table in self.local.items()}
        names: dict[str, set[str]] = {}
        for g in self.gold:
            k = self.key(g)
            if k[1]:
                names.setdefault(k[0], set()).update(k[2:])
        for f in system:
            doc = _doc(f)
            table = local.setdefault(doc, {})
            for side in ("subject", "object"):
                raw = normal(_name(f.get(side)))
                n = table.get(raw) or self.aliases.get(raw, raw)
                if not n or n in names.get(doc, ()):
                    continue
                words = set(n.split())
                hits = [g for g in names.get(doc, ()) if words <= set(g.split()) or set(g.split()) <= words]
                if len(hits) == 1:
                    table.setdefault(raw, hits[0])
        partial = Scorer.__new__(Scorer)
        partial.aliases, partial.gold, partial.local = self.aliases, self.gold, local
        return partial

    def _counted(self, system: list[dict], optional: set[tuple], country_only: bool):
        """(key, fact) for each system fact that is scored: in an annotated document, not optional,
        and with --country-only, REPRESENTS/ENVOY_OF only towards a country or place."""
        docs = {_doc(g) for g in self.gold}
        for f in system:
            pred = str(f.get("predicate", "")).upper()
            if country_only and pred in ("REPRESENTS", "ENVOY_OF"):
                otype = f["object"].get("type", "") if isinstance(f.get("object"), dict) else ""
                if otype and otype.lower() not in PLACE_TYPES:
                    continue
            k = self.key(f)
            if k[0] in docs and k not in optional:
                yield k, f

    def score(self, system: list[dict], country_only: bool = False) -> Score:
        gold, optional = self._gold()
        found: dict[tuple, dict] = {}
        for k, f in self._counted(system, optional, country_only):
            found.setdefault(k, f)
        result = Score()
        for pred in sorted({k[1] for k in gold} | {k[1] for k in found}):
            result.rows[pred] = _prf({k for k in gold if k[1] == pred}, {k for k in found if k[1] == pred})
            with_status = [k for k in gold if k[1] == pred and k in found and gold[k].get("status")]
            if with_status:
                same = sum(str(found[k].get("status", "")).lower() == gold[k]["status"] for k in with_status)
                result.rows[pred]["status_accuracy"] = round(same / len(with_status), 3)
        result.rows["CORE"] = _prf({k for k in gold if k[1] in CORE}, {k for k in found if k[1] in CORE})
        result.missed = sorted(k for k in gold if k not in found)
        result.wrong = sorted(k for k in found if k not in gold)
        return result

    def calibration(
        self, system: list[dict], bands=(0.0, 0.6, 0.7, 0.8, 0.9), country_only: bool = False
    ) -> list[dict]:
        """Precision of the system's core facts by confidence band: are surer facts more often right?"""
        gold, optional = self._gold()
        best: dict[tuple, float] = {}
        for k, f in self._counted(system, optional, country_only):
            if k[1] in CORE:
                best[k] = max(best.get(k, 0.0), float(f.get("confidence") or 0.0))
        rows = []
        edges = [*list(bands), 1.01]
        for lo, hi in itertools.pairwise(edges):
            keys = [k for k, c in best.items() if lo <= c < hi]
            right = sum(k in gold for k in keys)
            rows.append(
                {
                    "confidence": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    "facts": len(keys),
                    "right": right,
                    "precision": round(right / len(keys), 3) if keys else None,
                }
            )
        return rows


def _prf(gold: set, system: set) -> dict:
    tp = len(gold & system)
    p = tp / len(system) if system else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "gold": len(gold),
        "system": len(system),
        "tp": tp,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f1, 3),
    }


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_documents(gold_path: Path, gold: list[dict], paths: list[str]) -> tuple[list[str], list[str]]:
    """The article files the gold names: from PATHS if given, else the gold file's folder."""
    wanted = sorted({_doc(g) for g in gold})
    if paths:
        from .documents import expand

        found = {p.name: str(p) for p in expand(paths) if isinstance(p, Path)}
    else:
        found = {p.name: str(p) for p in gold_path.parent.iterdir() if p.is_file()}
    files = {w: _file_of(w) for w in wanted}  # 'talks.jsonl:2' is the second article of talks.jsonl
    return (
        sorted({found[f] for w, f in files.items() if f in found}),
        [w for w, f in files.items() if f not in found],
    )


def _file_of(doc: str) -> str:
    name, sep, line = doc.rpartition(":")
    return name if sep and line.isdigit() else doc


def summary(name: str, rows: dict[str, dict]) -> str:
    """One line: CORE and each core predicate's precision, recall and F1."""
    parts = []
    for pred in ("CORE", *CORE):
        r = rows.get(pred)
        if r and (r["gold"] or r["system"]):
            parts.append(f"{pred} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
    return f"{name}: " + "; ".join(parts)


def table(rows: dict[str, dict]) -> str:
    lines = [f"{'predicate':<16}{'gold':>6}{'sys':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}  status"]
    for pred, r in rows.items():
        lines.append(
            f"{pred:<16}{r['gold']:>6}{r['system']:>6}{r['tp']:>6}{r['precision']:>8.3f}"
            f"{r['recall']:>8.3f}{r['f1']:>8.3f}  {r.get('status_accuracy', '')}"
        )
    return "\n".join(lines)
