"""Reading the graph: `kgbuild report`, `query`, `view` and `export` (all read-only unless `query --write`)."""

from __future__ import annotations

import json
import sys

import click

from ..config import Settings
from ..errors import QueryError
from ..files import atomic, writable
from ..graph import catalog
from ..output import FORMATS, render
from .options import WIDE, _params, graph_options


def _print_rows(rows: list[dict], fmt: str, limit: int | None, wide: bool = False):
    if limit is not None:
        rows = rows[:limit]
    click.echo(render(rows, fmt, wide=wide))


@click.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A report parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="At most this many rows [default for tables: 200; json and csv: all].",
)
@click.option("--all", "all_rows", is_flag=True, help="Every row, in a table too.")
@click.option("--since", metavar="DATE", help="Only what lies on or after this day, month or year (2025-11-30, 2025).")
@click.option("--until", metavar="DATE", help="Only what lies on or before this day, month or year.")
@click.option("--undated", is_flag=True, help="With --since or --until: also what nothing dates.")
@WIDE
@click.option(
    "--cypher",
    "show_cypher",
    is_flag=True,
    help="Print the report's Cypher, with its parameters set, ready to paste into Neo4j Browser.",
)
@graph_options
@click.pass_obj
def report(settings: Settings, name, params, fmt, limit, all_rows, since, until, undated, wide, show_cypher):
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
    from ..graph import lookup, open_graph
    from ..graph.reports import BROWSER_ROWS, TABLE_ROWS, limit_param, resolve_names, run_query

    query = catalog.report(name)
    given = _params(params)
    for key, value in (("since", since), ("until", until), ("undated", "true" if undated else None)):
        if value is None:
            continue
        if key not in {p.name for p in query.params}:
            raise click.ClickException(f"report {name!r} takes no dates; `kgbuild report` lists the reports that do")
        given.setdefault(key, value)
    bound = query.bind(given)  # a bad name or parameter fails before the graph is opened
    with open_graph(settings, read_only=True) as graph:
        if show_cypher:
            browser = limit_param(query, limit or BROWSER_ROWS)
            for key, value in {**resolve_names(graph, query, bound), **browser}.items():
                click.echo(f":param {key} => {json.dumps(value)}")
            click.echo(query.text + ";")
            return
        capped = limit is None and not all_rows and fmt == "table"
        rows = run_query(graph, query, bound, TABLE_ROWS + 1 if capped else limit)
        if not rows and lookup.is_empty(graph):
            raise click.ClickException("the graph is empty; load articles first with `kgbuild load PATH`")
    more = capped and len(rows) > TABLE_ROWS
    _print_rows(rows[:TABLE_ROWS] if more else rows, fmt, None, wide)
    if more:
        click.echo(
            f"(the first {TABLE_ROWS} rows; --limit N or --all for more, --format csv or json for all)", err=True
        )


@click.command()
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
    from ..graph import open_graph

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


@click.command()
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
@click.option(
    "--since",
    metavar="DATE",
    help="Only meetings and facts on or after this day, month or year (2025-11-30, 2025-11, 2025); undated ones stay.",
)
@click.option("--until", metavar="DATE", help="Only meetings and facts on or before this day, month or year.")
@graph_options
@click.pass_obj
def view(settings: Settings, output, person, depth, documents, isolated, since, until):
    """Write a self-contained interactive HTML view of the graph (opens offline in any browser).

    The page labels the best-connected nodes (the rest on hover), filters by type, period and
    confidence, and shows a meeting's participants, date, place and sentences when it is clicked.
    A meeting or fact is dated by its own date, else by the articles that report it.
    """
    from ..graph import open_graph
    from ..graph.network import find, neighbourhood, pull
    from ..graph.view import add_details, page, within

    bounds = []
    for option, value, end in (("--since", since, False), ("--until", until, True)):
        try:
            bounds.append(catalog.period_bound(value, end) if value else None)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not {catalog.DATE_WANTED}", param_hint=option) from None
    writable(output)
    with open_graph(settings, read_only=True) as graph:
        g = pull(graph, documents=documents, sentences=True)
        add_details(graph, g)
    title = "kgbuild graph"
    node = None
    if person:
        node = find(g, person, "Person") or find(g, person)
        if node is None:
            raise click.ClickException(
                f"no one named {person!r} in the graph; `kgbuild report representatives` lists the people"
            )
    if since or until:
        g = within(g, *bounds)
        if node is not None and node not in g:
            raise click.ClickException(f"nothing in that period involves {person!r}")
    if node is not None:
        g = neighbourhood(g, node, depth)
        title = f"{g.nodes[node].get('name')} and {depth}-step neighbourhood"
    if since or until:
        title += f", {since or '…'} to {until or '…'}"
    if not isolated:
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    if g.number_of_nodes() == 0:
        if since or until:
            raise click.ClickException("nothing in the graph lies in that period")
        raise click.ClickException("the graph is empty; load articles first with `kgbuild load PATH`")
    with atomic(output) as out:
        out.write(page(g, title))
    click.echo(f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships")


@click.command("export")
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
    from ..graph import open_graph
    from ..graph.network import export, pull

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
