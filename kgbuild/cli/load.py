"""`kgbuild load` and `kgbuild extract`: articles into the graph, or into facts without one."""

from __future__ import annotations

import contextlib
import json
import sys

import click

from ..config import Settings
from ..files import atomic, writable
from ..output import printable, render
from .options import PROCESSES_HELP, TEXT_ONLY_HELP, WIDE, Processes, _published, graph_options, processes_for


def _warn(problem) -> None:
    """One warning line on stderr (control characters of file names and text removed)."""
    click.echo(f"warning: {printable(problem.reason)}", err=True)


def _expected(item, marker: bytes, articles_in) -> int:
    """How many articles an input holds, for the progress bar (standard input: one; a problem: none)."""
    if isinstance(item, str):
        return 1 if item == "-" else 0
    return articles_in(item, marker) if hasattr(item, "suffix") else 0


@contextlib.contextmanager
def _progress(total: int, show: bool):
    """(advance, warn): a progress bar on stderr when it is a terminal, warnings printed above it."""
    if not show:
        yield (lambda n: None), _warn
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True, highlight=False)
    columns = (TextColumn("Loading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("load", total=max(1, total))

        def advance(n: int) -> None:
            bar.update(task, completed=min(total, bar.tasks[0].completed + n))

        def warn(problem) -> None:
            console.print(f"warning: {printable(problem.reason)}", markup=False, highlight=False)

        yield advance, warn


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Extract and write documents already in the graph again.")
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (resolves their 'Saturday', 'December 1').",
)
@click.option("--processes", "-j", type=Processes(), default=None, help=PROCESSES_HELP)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--text-only", is_flag=True, help=TEXT_ONLY_HELP)
@click.option(
    "--facts",
    "from_facts",
    is_flag=True,
    help="PATHS hold facts extracted elsewhere (`kgbuild extract --documents`): write them, no NLP.",
)
@graph_options
@click.pass_obj
def load(settings: Settings, paths, force, published, processes, quiet, text_only, from_facts):
    """Read articles, extract facts and write them to the graph.

    PATHS are files (.txt, .md, .html, .jsonl), folders (searched recursively), globs, or - for
    standard input.  Documents already in the graph are skipped unless --force.  With --facts,
    PATHS are JSON-lines files of facts, as `kgbuild extract --documents` writes them.
    """
    from ..documents import articles_in, expand
    from ..graph import open_graph
    from ..loader import load as run_load

    show = not quiet and sys.stderr.isatty()
    marker = b'"document"' if from_facts else b'"text"'
    expected = sum(_expected(p, marker, articles_in) for p in expand(paths)) if show else 0
    with open_graph(settings) as graph, _progress(expected, show) as (advance, warn):
        summary = run_load(
            list(paths),
            graph,
            force=force,
            published=published,
            on_problem=warn,
            on_progress=advance,
            n_process=1 if from_facts else processes_for(list(paths), processes),
            text_only=text_only,
            facts=from_facts,
        )
    click.echo(summary.line())
    if summary.read == 0:
        raise SystemExit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--published", callback=_published, metavar="YYYY-MM-DD", help="Publication date for articles that carry none."
)
@click.option("--processes", "-j", type=Processes(), default=None, help=PROCESSES_HELP)
@click.option(
    "--documents",
    "with_documents",
    is_flag=True,
    help="jsonl: before each document's facts, a line with its title, date and entities (for `load --facts`).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the NLP on a Dask cluster: tcp://host:8786, or local[:N] for N worker processes here.",
)
@WIDE
@click.option("--text-only", is_flag=True, help=TEXT_ONLY_HELP)
def extract(paths, fmt, output, published, processes, with_documents, scheduler, text_only, wide):
    """Extract facts without a database: one fact a line (the fact contract), CSV or a table.

    With --documents the JSON lines are the hand-off that `kgbuild load --facts` writes to the
    graph, so extraction can run elsewhere (--scheduler spreads it over a Dask cluster).
    """
    from ..handoff import lines
    from ..loader import extract_only

    if with_documents and fmt != "jsonl":
        raise click.UsageError("--documents goes with --format jsonl")
    if output:
        writable(output)
    rows, documents, facts = [], 0, 0
    with atomic(output, "w") if output else contextlib.nullcontext(sys.stdout) as out:
        for x in extract_only(
            list(paths),
            published=published,
            on_problem=_warn,
            n_process=processes_for(list(paths), processes),
            text_only=text_only,
            scheduler=scheduler,
        ):
            documents += 1
            facts += len(x.facts)
            if fmt == "jsonl":
                for line in lines(x, documents=with_documents):
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                continue
            for f in x.contract():
                rows.append(
                    {
                        "doc": f["doc"],
                        "subject": f["subject"]["name"],
                        "predicate": f["predicate"],
                        "object": f["object"]["name"],
                        "confidence": f["confidence"],
                        "status": f.get("status"),
                        "place": f.get("place"),
                        "date": f.get("date"),
                        "sentence": f["sentence"],
                    }
                )
        if fmt != "jsonl":
            out.write(render(rows, fmt, wide=wide) + "\n")
        if documents == 0:
            raise click.ClickException("no article could be read; check the paths and the warnings above")
    if output:
        click.echo(f"{documents} documents, {facts} facts written to {output}", err=True)
