"""The `kgbuild` command line: a thin click layer over the library."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import re
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__, catalog
from .config import Settings, load_env_file
from .embedded import EmbeddedServer
from .errors import KgbuildError, QueryError
from .files import atomic, writable
from .output import FORMATS, printable, render

TEXT_ONLY_HELP = "Leave out facts that need kgbuild's or your knowledge files rather than the text (basis 'known')."


PROCESSES_HELP = "spaCy worker processes, 1–8, or auto: one per core (faster from about 100 articles on)."


class Processes(click.ParamType):
    """1 to 8 worker processes, or `auto`: one per core this process may use."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        if str(value).strip().lower() == "auto":
            from .pipeline import usable_cores

            return max(1, min(8, usable_cores()))
        try:
            n = int(value)
        except ValueError:
            n = 0
        if not 1 <= n <= 8:
            self.fail(f"{value!r} is not a number from 1 to 8 or auto", param, ctx)
        return n


class Group(click.Group):
    """Turns kgbuild's own errors into one line that names the fix, with exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgbuildError as e:
            raise click.ClickException(str(e)) from None


def _published(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for v in values:
        key, sep, val = v.partition("=")
        if not sep or not re.match(r"^\w+$", key.strip()):
            raise click.BadParameter(f"{v!r} is not key=value", param_hint="--param")
        out[key.strip()] = val
    return out


CREDENTIALS = "kgbuild.credentials"  # ctx.meta: -u or -p given on the command line
WIDE = click.option("--wide", is_flag=True, help="Tables: every character of every cell (no truncating).")
URI_HELP = "Graph address, e.g. bolt://localhost:7687 [env NEO4J_URI; none: the embedded graph]"
CONNECTION = (
    click.option("--uri", help=URI_HELP),
    click.option("--username", "-u", help="Graph user [env NEO4J_USERNAME]"),
    click.option("--password", "-p", help="Graph password [env NEO4J_PASSWORD]"),
    click.option("--database", "-d", help="Graph database [env NEO4J_DATABASE]"),
)


def graph_options(f):
    """--uri, -u, -p and -d also after the command's name (`kgbuild report stats --uri ...`)."""

    @functools.wraps(f)
    def wrapper(*args, uri=None, username=None, password=None, database=None, **kwargs):
        given = {"uri": uri, "username": username, "password": password, "database": database}
        given = {k: v for k, v in given.items() if v}
        ctx = click.get_current_context()
        if given:
            ctx.obj = dataclasses.replace(ctx.obj, **given)
        if ctx.obj.embedded and (username or password or ctx.meta.get(CREDENTIALS)):
            raise click.ClickException(
                "-u and -p are for a graph at NEO4J_URI; the embedded graph uses the password kgbuild keeps in "
                "KGBUILD_HOME (drop them, or give --uri)"
            )
        return f(*args, **kwargs)

    for option in reversed(CONNECTION):
        wrapper = option(wrapper)
    return wrapper


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgbuild")
@CONNECTION[0]
@CONNECTION[1]
@CONNECTION[2]
@CONNECTION[3]
@click.pass_context
def cli(ctx, uri, username, password, database):
    """Turn news articles into a knowledge graph of who met whom, on whose behalf, where and when.

    With no NEO4J_URI, kgbuild starts its own embedded graph server on 127.0.0.1 and leaves it
    running (`kgbuild db status` shows it; `kgbuild db stop` stops it).
    """
    load_env_file()
    ctx.obj = Settings.resolve(uri=uri, username=username, password=password, database=database)
    ctx.meta[CREDENTIALS] = bool(username or password)


# -- load / extract --------------------------------------------------------------------------------


def _warn(problem) -> None:
    """One warning line on stderr (control characters of file names and text removed)."""
    click.echo(f"warning: {printable(problem.reason)}", err=True)


def _article_count(item, marker: bytes = b'"text"') -> int:
    """How many articles a file holds (lines of a .jsonl file with `marker`: a "text" field, or a
    hand-off file's "document" lines), for the progress bar."""
    if not isinstance(item, Path):
        return 0 if item != "-" else 1
    if item.suffix.lower() in (".jsonl", ".ndjson"):
        try:
            with open(item, "rb") as f:
                return sum(1 for line in f if marker in line)
        except OSError:
            return 0
    return 1


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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--force", is_flag=True, help="Extract and write documents already in the graph again.")
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that carry none (resolves their 'Saturday', 'December 1').",
)
@click.option("--processes", "-j", type=Processes(), default="1", show_default=True, help=PROCESSES_HELP)
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
    from .documents import expand
    from .graph import open_graph
    from .loader import load as run_load

    show = not quiet and sys.stderr.isatty()
    marker = b'"document"' if from_facts else b'"text"'
    expected = sum(_article_count(p, marker) for p in expand(paths)) if show else 0
    with open_graph(settings) as graph, _progress(expected, show) as (advance, warn):
        summary = run_load(
            list(paths),
            graph,
            force=force,
            published=published,
            on_problem=warn,
            on_progress=advance,
            n_process=processes,
            text_only=text_only,
            facts=from_facts,
        )
    click.echo(summary.line())
    if summary.read == 0:
        raise SystemExit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--published", callback=_published, metavar="YYYY-MM-DD", help="Publication date for articles that carry none."
)
@click.option("--processes", "-j", type=Processes(), default="1", show_default=True, help=PROCESSES_HELP)
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
    from .handoff import lines
    from .loader import extract_only

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
            n_process=processes,
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


# -- reports and queries -----------------------------------------------------------------------------


def _print_rows(rows: list[dict], fmt: str, limit: int | None, wide: bool = False):
    if limit is not None:
        rows = rows[:limit]
    click.echo(render(rows, fmt, wide=wide))


@cli.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A report parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="At most this many rows [default for tables: 200; json and csv: all].",
)
@click.option("--all", "all_rows", is_flag=True, help="Every row, in a table too.")
@WIDE
@click.option(
    "--cypher",
    "show_cypher",
    is_flag=True,
    help="Print the report's Cypher, with its parameters set, ready to paste into Neo4j Browser.",
)
@graph_options
@click.pass_obj
def report(settings: Settings, name, params, fmt, limit, all_rows, wide, show_cypher):
    """Run a saved report, or list them with their parameters when no NAME is given.

    Names given as parameters may be any unambiguous part of a name or an alias ("Hnatov",
    "Zelenskyy"); countries also a code or demonym ("US", "American").
    """
    if not name:
        for q in catalog.reports().values():
            click.echo(f"{q.name}\n    {q.description}")
            for p in q.params:
                click.echo(f"    --param {p.describe()}")
        return
    from .graph import open_graph
    from .reports import BROWSER_ROWS, TABLE_ROWS, limit_param, resolve_names, run_query

    query = catalog.report(name)
    bound = query.bind(_params(params))  # a bad name or parameter fails before the graph is opened
    with open_graph(settings, read_only=True) as graph:
        if show_cypher:
            browser = limit_param(query, limit or BROWSER_ROWS)
            for key, value in {**resolve_names(graph, query, bound), **browser}.items():
                click.echo(f":param {key} => {json.dumps(value)}")
            click.echo(query.text + ";")
            return
        capped = limit is None and not all_rows and fmt == "table"
        rows = run_query(graph, query, bound, TABLE_ROWS + 1 if capped else limit)
        if not rows and not graph.read("MATCH (d:Document) RETURN d.doc_id AS id LIMIT 1"):
            raise click.ClickException("the graph is empty; load articles first with `kgbuild load PATH`")
    more = capped and len(rows) > TABLE_ROWS
    _print_rows(rows[:TABLE_ROWS] if more else rows, fmt, None, wide)
    if more:
        click.echo(
            f"(the first {TABLE_ROWS} rows; --limit N or --all for more, --format csv or json for all)", err=True
        )


@cli.command()
@click.argument("cypher", required=False)
@click.option("--file", "-f", "file", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A string parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("--write", "allow_write", is_flag=True, help="Allow a statement that changes the graph.")
@WIDE
@graph_options
@click.pass_obj
def query(settings: Settings, cypher, file, params, fmt, limit, allow_write, wide):
    """Run an ad-hoc read query: `kgbuild query "MATCH (p:Person) RETURN p.name"`.

    Without --write the query runs as a user (embedded graph) or in a transaction (Neo4j) that the
    database does not let change anything or read files, however the statement is written.
    """
    if bool(cypher) == bool(file):
        raise click.UsageError("give a query or --file FILE (one of them)")
    text = file.read() if file else cypher
    if not text.strip():
        raise click.UsageError("the query is empty")
    clause = catalog.write_clause(text)
    if clause and not allow_write:
        raise click.ClickException(f"the query changes the graph ({clause}); nothing was run. Add --write to allow it")
    from .graph import open_graph

    with open_graph(settings, read_only=not allow_write) as graph:
        try:
            if allow_write:
                rows = graph.write(lambda tx: [dict(r) for r in tx.run(text, _params(params))])
            else:
                rows = graph.read(text, _params(params))
        except QueryError as e:
            if e.forbidden and not allow_write:
                raise click.ClickException(
                    "the query would change the graph or read a file, and the graph refused it; "
                    "nothing was changed. Add --write to allow changes"
                ) from None
            raise click.ClickException(f"{e}; check the Cypher") from None
    _print_rows(rows, fmt, limit, wide)


@cli.command("eval")
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
    from .evaluate import Scorer, gold_documents, read_jsonl, table
    from .evaluate import summary as summary_line
    from .loader import extract_only

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


@cli.command()
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default="graph.html",
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--person", help="Only this person's neighbourhood (full name or any alias).")
@click.option(
    "--depth", type=click.IntRange(1, 6), default=2, show_default=True, help="Steps from --person to include."
)
@click.option("--documents", is_flag=True, help="Include Document nodes and their MENTIONS/REPORTS edges.")
@click.option("--isolated", is_flag=True, help="Keep nodes with no relationships (places only mentioned).")
@graph_options
@click.pass_obj
def view(settings: Settings, output, person, depth, documents, isolated):
    """Write a self-contained interactive HTML view of the graph (opens offline in any browser)."""
    from .graph import open_graph
    from .network import find, neighbourhood, pull
    from .view import page

    writable(output)
    with open_graph(settings, read_only=True) as graph:
        g = pull(graph, documents=documents)
    title = "kgbuild graph"
    if person:
        node = find(g, person, "Person") or find(g, person)
        if node is None:
            raise click.ClickException(
                f"no one named {person!r} in the graph; `kgbuild report representatives` lists the people"
            )
        g = neighbourhood(g, node, depth)
        title = f"{g.nodes[node].get('name')} and {depth}-step neighbourhood"
    if not isolated:
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    if g.number_of_nodes() == 0:
        raise click.ClickException("the graph is empty; load articles first with `kgbuild load PATH`")
    with atomic(output) as out:
        out.write(page(g, title))
    click.echo(f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships")


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "jsonl", "csv"]), required=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(writable=True),
    help="File to write (a folder for csv: nodes.csv and relationships.csv); default stdout.",
)
@click.option("--documents", is_flag=True, help="Include Document nodes and their MENTIONS/REPORTS edges.")
@graph_options
@click.pass_obj
def export_graph(settings: Settings, fmt, output, documents):
    """Export the graph for Gephi, Cytoscape or pandas: GraphML, GEXF, JSON lines or CSV."""
    from .graph import open_graph
    from .network import export, pull

    if fmt == "csv" and not output:
        raise click.UsageError("csv writes two files (nodes.csv, relationships.csv): give a folder with -o")
    if output and fmt != "csv":
        writable(output)
    with open_graph(settings, read_only=True) as graph:
        g = pull(graph, documents=documents)
    if fmt == "csv":
        export(g, fmt, output)
    elif output:
        with atomic(output, "w" if fmt == "jsonl" else "wb") as out:
            export(g, fmt, out)
    else:
        export(g, fmt, sys.stdout if fmt == "jsonl" else sys.stdout.buffer)
        sys.stdout.flush()
    if output:
        click.echo(f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships", err=True)


# -- the embedded server -------------------------------------------------------------------------------


@cli.command()
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
@click.option("--check", is_flag=True, help="Exit 1 when a figure misses its target.")
def bench(paths, people, relationships, repeat, copies, single_core, check):
    """Measure this machine: extraction against bare spaCy and load on the articles under PATHS, then
    every report on a generated graph.  Runs on scratch embedded graphs; yours is not touched."""
    import signal

    from .bench import run

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped bench still stops its scratch servers
    figures = run(list(paths), people, relationships, repeat, copies, cores=not single_core)
    if check and figures.missed:
        raise click.ClickException(f"{len(figures.missed)} figure(s) missed their target: " + "; ".join(figures.missed))


@cli.group()
def db():
    """Start, stop, inspect or empty the graph (the embedded server, or Neo4j at NEO4J_URI)."""


def _server(settings: Settings) -> EmbeddedServer:
    if not settings.embedded:
        raise click.ClickException(
            f"NEO4J_URI is set ({settings.uri}): kgbuild does not manage that server; "
            "unset NEO4J_URI to use the embedded graph"
        )
    return EmbeddedServer(settings.home)


@db.command()
@graph_options
@click.pass_obj
def start(settings: Settings):
    """Start the embedded graph server (it keeps running after kgbuild exits)."""
    server = _server(settings)
    info = server.start()
    click.echo(f"embedded graph running at {info.uri} (pid {info.pid}, data in {server.root})")


@db.command()
@graph_options
@click.pass_obj
def stop(settings: Settings):
    """Stop the embedded graph server cleanly."""
    server = _server(settings)
    click.echo("embedded graph stopped" if server.stop() else "embedded graph was not running")


@db.command()
@graph_options
@click.pass_obj
def status(settings: Settings):
    """Where the graph is, and what to type into Neo4j Browser to connect to it (and its style sheet)."""
    style = _style_file(settings)
    if not settings.embedded:
        click.echo(
            f"graph: {settings.uri} (database {settings.database or 'neo4j'}, "
            f"user {settings.username or 'neo4j'}; kgbuild does not manage this server)"
        )
        click.echo(
            "Neo4j Browser: http://localhost:7474 for docker/compose.yaml; connect with the same URL, user and password"
        )
        click.echo(f"Style: drag {style} onto Browser (or :style, then drop the file)")
        return
    server = EmbeddedServer(settings.home)
    info = server.info()
    if info is None:
        click.echo(f"embedded graph: not running (data in {server.root}); start it with `kgbuild db start`")
        raise SystemExit(3)
    click.echo(f"embedded graph: running, pid {info.pid}, data in {server.root}, log {server.log_file}")
    click.echo("Neo4j Browser connect form:")
    click.echo(f"  Connect URL: bolt://127.0.0.1:{info.bolt_port}   (use bolt://, not neo4j://)")
    click.echo(f"  Database:    {server.database}")
    click.echo("  Username:    root")
    click.echo(f"  Password:    run `cat {server.password_file}`")
    click.echo(f"Style: drag {style} onto Browser (or :style, then drop the file)")


def _style_file(settings: Settings) -> str:
    """kgbuild.grass, the Browser style with kgbuild's colours, written to KGBUILD_HOME."""
    from .style import grass

    path = settings.home / "kgbuild.grass"
    try:
        settings.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        with atomic(path, private=True) as f:
            f.write(grass())
    except OSError as e:
        return f"(cannot write {path}: {e.strerror})"
    return str(path)


@db.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@graph_options
@click.pass_obj
def reset(settings: Settings, yes):
    """Delete every node and relationship in the graph."""
    from .graph import open_graph
    from .store import GraphWriter

    where = settings.uri or "the embedded graph"
    if not yes and not click.confirm(f"Delete everything in {where}?", default=False):
        raise click.ClickException("nothing deleted (confirm, or pass --yes)")
    with open_graph(settings) as graph:
        n = GraphWriter(graph).delete_all()
    click.echo(f"deleted {n} nodes and their relationships from {where}")


def main():
    cli(prog_name="kgbuild")
