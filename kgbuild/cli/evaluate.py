"""`kgbuild eval`: precision, recall and F1 of the extracted facts against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1)
@click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False),
    help="Canonical name -> other names (JSON); default: aliases.json beside GOLD.",
)
@click.option(
    "--country-only", is_flag=True, help="Score REPRESENTS/ENVOY_OF only where the object is a country or place."
)
@click.option("--show", is_flag=True, help="List missed and wrong facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
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
@click.option("--summary", metavar="NAME", help="Print one line (NAME: CORE and core predicates' P, R, F1).")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 1),
    metavar="F1",
    help="Exit 1 when the CORE F1 is below this (a quality gate).",
)
def evaluate(
    gold, paths, aliases, country_only, show, as_json, system, calibration, partial_names, summary, fail_under
):
    """Extract the articles GOLD names and score the facts: precision, recall and F1 per predicate.

    The articles are looked up beside GOLD, or among PATHS.
    """
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
