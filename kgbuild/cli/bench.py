"""`kgbuild bench`: this machine's performance figures (the measuring itself is `kgbuild.bench`)."""

from __future__ import annotations

import sys

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--people",
    type=click.IntRange(0),
    default=20_000,
    show_default=True,
    help="People in the generated graph (0: none).",
)
@click.option(
    "--relationships", type=click.IntRange(0), default=100_000, show_default=True, help="Relationships between them."
)
@click.option("--repeat", type=click.IntRange(1), default=5, show_default=True, help="Runs of each timing.")
@click.option("--copies", type=click.IntRange(1), default=1, show_default=True, help="Distinct copies of each article.")
@click.option("--single-core", is_flag=True, help="Do not compare -j 1 with one spaCy process per core.")
@click.option(
    "--news",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Also load this many generated news articles (skewed people, `load --facts`) and time it.",
)
@click.option("--check", is_flag=True, help="Exit 1 when a figure misses its target.")
def bench(paths, people, relationships, repeat, copies, single_core, news, check):
    """Measure this machine: extraction against bare spaCy and load on the articles under PATHS, then
    every report on a generated graph.  Runs on scratch embedded graphs; yours is not touched."""
    import signal

    from ..bench import run

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped bench still stops its scratch servers
    figures = run(list(paths), people, relationships, repeat, copies, cores=not single_core, news=news)
    if check and figures.missed:
        raise click.ClickException(f"{len(figures.missed)} figure(s) missed their target: " + "; ".join(figures.missed))
