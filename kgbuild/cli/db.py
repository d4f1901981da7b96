"""`kgbuild db`: start, stop, inspect or empty the graph."""

from __future__ import annotations

import click

from ..config import Settings
from ..files import atomic
from ..graph.server import EmbeddedServer
from .options import graph_options


@click.group()
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
    from ..style import grass

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
    from ..graph import open_graph
    from ..graph.writer import GraphWriter

    where = settings.uri or "the embedded graph"
    if not yes and not click.confirm(f"Delete everything in {where}?", default=False):
        raise click.ClickException("nothing deleted (confirm, or pass --yes)")
    with open_graph(settings) as graph:
        n = GraphWriter(graph).delete_all()
    click.echo(f"deleted {n} nodes and their relationships from {where}")
