"""`kgbuild eval`: precision, recall and F1 of the extracted facts against a gold file; with `--graph`,
the graph in the database against a graph-level gold file (one node per person, per meeting)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import graph_options


@click.command("eval")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1)
@click.option(
    "--graph",
    metavar="GOLD",
    help="Score the graph in the database (one node per person, per meeting) against this graph-level gold "
    "file instead; no articles are extracted.",
)
@click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False),
    help="Canonical name -> other names (JSON); default: aliases.json beside GOLD.",
)
@click.option(
    "--country-only", is_flag=True, help="Score REPRESENTS/ENVOY_OF only where the object is a country or place."
)
@click.option("--show", is_flag=True, help="List missed and wrong facts (--graph: splits, merges, misses, errors).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON (--graph: the measures).")
@click.option(
    "--system",
    type=click.Path(exists=True, dir_okay=False),
    help="Score this facts file instead of extracting the articles.",
)
@click.option("--calibration", is_flag=True, help="Also show precision of core facts by confidence band.")
@click.option(
    "--partial-names",
    is_flag=True,
    help="Also match a name to the one gold name of its document that shares its words.",
)
@click.option(
    "--summary",
    metavar="NAME",
    help="Print one line (NAME: CORE and core predicates' P, R, F1; --graph: NAME: ENTITIES … | MEETINGS …).",
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 1),
    metavar="F1",
    help="Exit 1 when the CORE F1 is below this (a quality gate).",
)
@graph_options
def evaluate(
    gold, paths, graph, aliases, country_only, show, as_json, system, calibration, partial_names, summary, fail_under
):
    """Extract the articles GOLD names and score the facts: precision, recall and F1 per predicate.

    The articles are looked up beside GOLD, or among PATHS.  With --graph GOLD, score the graph
    already loaded instead (it only reads it): is each person one node across articles, and each
    meeting one node with the right participants, date and place (README, "Quality and speed",
    has the format; tests/data/graphset/graph_gold.json is one).
    """
    if graph is not None:
        given = {"GOLD": gold, "PATHS": paths, "--aliases": aliases, "--country-only": country_only}
        given |= {"--system": system, "--calibration": calibration, "--partial-names": partial_names}
        given["--fail-under"] = fail_under is not None
        return _evaluate_graph(graph, [k for k, v in given.items() if v], show, as_json, summary)
    if gold is None:
        raise click.UsageError("Missing argument 'GOLD' (or give --graph GOLD to score the graph).")
    from ..evaluate import Scorer, gold_documents, read_jsonl, table
    from ..evaluate import summary as summary_line
    from ..loader import extract_only

    try:
        gold_facts = read_jsonl(gold)
    except (ValueError, OSError) as e:
        raise click.ClickException(f"cannot read gold file {gold}: {e}") from None
    alias_file = Path(aliases) if aliases else Path(gold).parent / "aliases.json"
    alias_map = json.loads(alias_file.read_text(encoding="utf-8")) if alias_file.exists() else {}
    if system:
        facts = read_jsonl(system)
    else:
        files, missing = gold_documents(Path(gold), gold_facts, list(paths))
        for name in missing:
            click.echo(f"warning: article {name} named in the gold file was not found", err=True)
        if not files:
            raise click.ClickException("none of the gold file's articles were found; give their folder as PATHS")
        facts = [f for x in extract_only(files) for f in x.contract()]
    scorer = Scorer(gold_facts, alias_map)
    if partial_names:
        scorer = scorer.with_partial_names(facts)
    result = scorer.score(facts, country_only=country_only)
    core_f1 = result.rows["CORE"]["f1"]
    if as_json:
        click.echo(json.dumps(result.rows))
    elif summary:
        click.echo(summary_line(summary, result.rows))
    else:
        click.echo(table(result.rows))
    if calibration:
        click.echo("\nconfidence   facts   right   precision")
        for r in scorer.calibration(facts, country_only=country_only):
            p = "" if r["precision"] is None else f"{r['precision']:.3f}"
            click.echo(f"{r['confidence']:<10}{r['facts']:>8}{r['right']:>8}{p:>12}")
    if show:
        for title, keys in (("missed", result.missed), ("wrong", result.wrong)):
            click.echo(f"\n{title}:")
            for k in keys:
                click.echo("   " + " | ".join(k))
    if fail_under is not None and core_f1 < fail_under:
        raise click.ClickException(f"CORE F1 {core_f1:.3f} is below the gate {fail_under}")


def _evaluate_graph(gold_path: str, conflicting: list[str], show: bool, as_json: bool, summary: str | None) -> None:
    """`kgbuild eval --graph GOLD`: the rows `export --format jsonl --documents` would write, scored in memory."""
    from ..evaluate_graph import GoldError, export_rows, missing_articles, read_gold, score
    from ..graph import open_graph
    from ..graph.network import pull

    if conflicting:
        raise click.UsageError(f"--graph scores the graph in the database; it does not take {', '.join(conflicting)}")
    try:
        gold = read_gold(gold_path)  # a bad gold file fails before the graph is opened
    except GoldError as e:
        raise click.ClickException(str(e)) from None
    with open_graph(click.get_current_context().obj, read_only=True) as graph:
        rows = export_rows(pull(graph, documents=True))
    for name in missing_articles(gold, rows):
        click.echo(f"warning: article {name} named in the gold file is not in the graph", err=True)
    result = score(gold, rows)
    if as_json:
        click.echo(json.dumps(result.measures()))
    elif summary:
        click.echo(f"{summary}: {result.summary()}")
    else:
        click.echo("\n".join(graph_report(result, show)))


def graph_report(result, show: bool = False) -> list[str]:
    """The lines `eval --graph` prints: entities, meetings, with `show` the errors, then the summary."""
    from ..evaluate_graph import fmt

    e, m, name = result.entities, result.meetings, result.dump.name

    def pr(x: dict) -> str:
        return (
            f"P {fmt(x['precision'])} R {fmt(x['recall'])} F1 {fmt(x['f1'])} (tp {x['tp']} fp {x['fp']} fn {x['fn']})"
        )

    def arrows(d: dict) -> list[str]:
        return [f"{k} -> " + ", ".join(map(name, v)) for k, v in d.items()]

    out = [
        f"entities: units found {e['found']}/{e['units']}, splits within a document {len(e['splits'])}, "
        f"cross-document pairs {pr(e['pairs'])}, unmatched person nodes {len(e['unmatched_person_nodes'])}",
        f"meetings: units found {m['found']}/{m['units']}, pairs {pr(m['pairs'])}, false merges {m['false_merges']}, "
        f"participants {pr(m['participants'])}, date {m['date']}, place {m['place']}, "
        f"status acc {fmt(m['status_acc'])}, spurious meeting nodes {m['spurious']}",
    ]
    sections = {
        "entity splits within a document": arrows(e["splits"]),
        "entities on several nodes across documents": arrows(e["split_entities"]),
        "nodes holding several gold entities": [f"{name(n)} <- " + ", ".join(p) for n, p in e["merged_nodes"].items()],
        "entity units not found": e["missed"],
        "unmatched person nodes": [name(n) for n in e["unmatched_person_nodes"]],
        "false merges (different gold meetings on one node)": [
            f"{name(n)}: {x} + {y}" for n, pairs in m["merge_list"].items() for x, y in pairs
        ],
        "gold meetings split over nodes": arrows(m["split_list"]),
        "meeting units not found": m["missed"],
        "participant, date and place errors": m["errors"],
        "spurious meeting nodes": [name(n) for n in m["spurious_list"]],
    }
    if show:
        for title, rows in sections.items():
            out += ["", f"{title} ({len(rows)}):", *(f"   {r}" for r in rows)]
        out.append("")
    return [*out, result.summary()]
