"""The `kgbuild` command line: a thin click layer over the library, one module per command group
(`load`: load and extract; `reports`: report, query, view, export; `db`; `evaluate`; `bench`)."""

from __future__ import annotations

import click

from .. import __version__
from ..config import Settings, load_env_file
from . import bench, db, evaluate, load, reports
from .options import CONNECTION, CREDENTIALS, Group


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


for command in (
    load.load,
    load.extract,
    reports.report,
    reports.query,
    evaluate.evaluate,
    reports.view,
    reports.export_graph,
    bench.bench,
    db.db,
):
    cli.add_command(command)


def main():
    cli(prog_name="kgbuild")
