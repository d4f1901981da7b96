"""Options and parameter types the commands share: connection flags after any command, worker
processes, dates, `key=value` parameters, the error handling that turns kgbuild's errors into one line."""

from __future__ import annotations

import dataclasses
import functools
import re
from datetime import date

import click

from ..errors import KgbuildError

TEXT_ONLY_HELP = "Leave out facts that need kgbuild's or your knowledge files rather than the text (basis 'known')."


AUTO_FROM_ARTICLES = 100  # from here one spaCy process per core pays for its start-up (1.5-1.7x on 2 cores)
PROCESSES_HELP = "spaCy worker processes, 1–8, or auto: one per core.  Default: auto for 100 articles or more, else 1."


def processes_for(paths: list[str], chosen: int | None) -> int:
    """The worker processes for these inputs: `chosen` (-j), or by default one per core when the files
    hold enough articles for the workers' start-up to pay off (standard input and pipes count as one)."""
    if chosen is not None:
        return chosen
    from pathlib import Path

    from ..config import usable_cores
    from ..documents import articles_in, expand

    total = 0
    for p in expand(paths):
        total += articles_in(p) if isinstance(p, Path) and p.is_file() else 1
        if total >= AUTO_FROM_ARTICLES:
            return max(1, min(8, usable_cores()))
    return 1


class Processes(click.ParamType):
    """1 to 8 worker processes, or `auto`: one per core this process may use."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        if str(value).strip().lower() == "auto":
            from ..config import usable_cores

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
