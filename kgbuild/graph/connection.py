"""The connection to the graph: Neo4j at NEO4J_URI, or the embedded server.  The only module that
calls the neo4j driver: everything else hands it Cypher and parameters and gets plain rows back.
Driver errors become one-line `KgbuildError`s that name the fix."""

from __future__ import annotations

import contextlib
import logging
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..config import DEFAULT_DATABASE, Settings, statement_timeout
from ..errors import GraphUnavailable, QueryError
from . import catalog
from .server import EmbeddedServer


@contextlib.contextmanager
def _without(*modules: str) -> Iterator[None]:
    """Imports in the block see `modules` as not installed (unless already imported)."""
    blocked = [m for m in modules if m not in sys.modules]
    sys.modules.update(dict.fromkeys(blocked))
    try:
        yield
    finally:
        for m in blocked:
            if m in sys.modules and sys.modules[m] is None:
                del sys.modules[m]


# The driver imports numpy, pandas and pyarrow when they are installed, to accept their values as
# parameters; kgbuild never passes any, and numpy alone is a fifth of a report command's start-up.
with _without("numpy", "pandas", "pyarrow"):
    import neo4j
    from neo4j import GraphDatabase, unit_of_work
    from neo4j.exceptions import (
        AuthError,
        ClientError,
        ConfigurationError,
        Neo4jError,
        ServiceUnavailable,
        SessionExpired,
    )

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
RACE_RETRIES = 5
LOW_DISK = 20_000_000  # bytes
DISK_FULL = ("No space left on device", "ENOSPC", "Disk full", "disk is full")
TIMEOUTS = {"connection_timeout": 5, "connection_acquisition_timeout": 15, "max_transaction_retry_time": 10}

logging.getLogger("neo4j").setLevel(logging.CRITICAL)  # kgbuild says what went wrong, in one line


@dataclass
class Graph:
    """A driver and the database to use.  Components are handed one of these; they never open one."""

    driver: neo4j.Driver
    database: str
    uri: str
    timeout: float = 60.0  # seconds a transaction may run (the server ends it, also if kgbuild dies)

    def read(self, query: str, params: dict | None = None) -> list[dict]:
        """Run a read query in a managed transaction; rows as plain Python values."""
        return self._run(lambda s: s.execute_read(unit_of_work(timeout=self.timeout)(_rows), query, params or {}))

    def write(self, work: Callable[[Transaction], Any]) -> Any:
        """Run `work(tx)` in one managed write transaction, retried on transient errors and on the
        uniqueness race of two writers merging the same new node at once (the retry finds it)."""

        def unit(tx: neo4j.ManagedTransaction) -> Any:
            return work(Transaction(tx))

        for attempt in range(RACE_RETRIES):
            try:
                return self._run(lambda s: s.execute_write(unit_of_work(timeout=self.timeout)(unit)))
            except QueryError as e:
                if not e.race or attempt == RACE_RETRIES - 1:
                    raise
                time.sleep(0.2 * (attempt + 1) + random.random() * 0.2)
        raise AssertionError("unreachable")

    def _run(self, fn):
        try:
            # One bookmark manager for every session: on a Neo4j cluster a read after a write sees
            # it (causal consistency), wherever the routing driver sends each.
            with self.driver.session(
                database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager
            ) as session:
                return fn(session)
        except (ServiceUnavailable, SessionExpired) as e:
            raise GraphUnavailable(f"lost the graph at {self.uri} ({_short(e)}); check that it is running") from e
        except AuthError as e:
            raise GraphUnavailable(_auth_message(self.uri)) from e
        except Neo4jError as e:
            raise _query_error(e, self.timeout) from e

    def close(self) -> None:
        self.driver.close()


class Transaction:
    """One write transaction as kgbuild's statements see it: `run` gives plain rows, `execute` runs a
    statement for its effect."""

    def __init__(self, tx: neo4j.ManagedTransaction):
        self._tx = tx

    def run(self, query: str, params: dict | None = None) -> list[dict]:
        return _rows(self._tx, query, params or {})

    def execute(self, query: str, params: dict | None = None) -> None:
        self._tx.run(query, params or {}).consume()


def _rows(tx: neo4j.ManagedTransaction, query: str, params: dict) -> list[dict]:
    result = tx.run(query, params)
    keys = result.keys()
    return [dict(zip(keys, map(plain, values), strict=True)) for values in result.values()]


SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """Driver values to JSON-friendly Python: nodes and relationships become property maps."""
    if type(value) in SCALARS:
        return value
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _query_error(e: Neo4jError, timeout: float) -> QueryError:
    text = _short(e)
    if (e.code or "").endswith(("Security.Forbidden", "WriteOnReadOnlyAccessDbException")) or (
        "not allowed in read access mode" in text
    ):
        err = QueryError(f"the graph refused the statement ({text[:200]})")
        err.forbidden = True
        return err
    if "exceeded the arcadedb.command.timeout" in text or (e.code or "").endswith("TransactionTimedOut"):
        return QueryError(
            f"the statement ran longer than the graph allows ({timeout:.0f} s) and the graph ended it; narrow "
            "it, or raise KGBUILD_STATEMENT_TIMEOUT (the embedded graph takes a new one when it starts again: "
            "`kgbuild db stop`)"
        )
    if any(s in text for s in DISK_FULL):
        err = QueryError(f"the disk holding the graph is full ({text[:120]}); free space, then load again")
    else:
        err = QueryError(f"the graph rejected the query: {text}")
    err.race = (e.code or "").endswith("ConstraintValidationFailed") or "Duplicated key" in text
    return err


def _short(e: Exception) -> str:
    msg = getattr(e, "message", None) or str(e) or type(e).__name__
    return " ".join(str(msg).split())[:300]


def _auth_message(uri: str) -> str:
    return (
        f"the graph at {uri} refused the user name or password; "
        "set NEO4J_USERNAME and NEO4J_PASSWORD (flags, environment or .env)"
    )


@contextlib.contextmanager
def open_graph(settings: Settings, start: bool = True, read_only: bool = False) -> Iterator[Graph]:
    """Connect to the configured graph (starting the embedded server if needed) and verify it.

    With `read_only`, the database itself refuses every write: on the embedded graph kgbuild logs
    in as its `reader` user, who may read records and nothing else; on Neo4j every statement runs
    in a read transaction (`Graph.read`), which Neo4j does not let write."""
    if settings.embedded:
        server = EmbeddedServer(settings.home)
        info = server.start() if start else server.info()
        if info is None:
            raise GraphUnavailable("the embedded graph is not running; start it with `kgbuild db start`")
        uri, database = info.uri, settings.database or server.database
        auth = server.reader_auth if read_only else server.auth
        timeout = server.timeout(info) or statement_timeout()
    else:
        uri = settings.uri
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in SCHEMES:
            raise GraphUnavailable(
                f"NEO4J_URI {uri!r} is not a graph address; use bolt://HOST:7687 "
                "(or neo4j://HOST:7687 for a cluster, neo4j+s:// for Aura)"
            )
        auth = (settings.username or "neo4j", settings.password or "")
        database = settings.database or DEFAULT_DATABASE
        timeout = statement_timeout()
    try:
        driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF", **TIMEOUTS)
    except (ValueError, ConfigurationError) as e:
        raise GraphUnavailable(
            f"NEO4J_URI {uri!r} is not a graph address ({_short(e)}); use e.g. bolt://localhost:7687"
        ) from e
    graph = Graph(driver=driver, database=database, uri=uri, timeout=float(timeout))
    try:
        _verify(graph, settings, read_only)
        yield graph
    except QueryError as e:
        full = settings.embedded and _disk_full(settings.home)
        if full:
            raise QueryError(
                f"the disk holding the embedded graph ({settings.home}) is full ({full}); "
                "free space, then run the command again"
            ) from e
        raise
    finally:
        graph.close()


def _disk_full(home) -> str | None:
    """Why the embedded graph's disk looks full, or None: little space left, or the server said so."""
    try:
        free = shutil.disk_usage(home).free
    except OSError:
        return None
    if free < LOW_DISK:
        return f"{free // 1_000_000} MB free"
    tail = EmbeddedServer(home).log_tail(4000)
    return "the server reports no space left on the device" if any(s in tail for s in DISK_FULL) else None


def _verify(graph: Graph, settings: Settings, read_only: bool = False) -> None:
    try:
        with graph.driver.session(database=graph.database) as session:
            session.run(catalog.internal("ping")).consume()
    except AuthError as e:
        if settings.embedded and read_only:
            raise GraphUnavailable(
                "the embedded graph was started by an older kgbuild, without its read-only user; "
                "run `kgbuild db stop`, then run the command again"
            ) from e
        if settings.embedded:
            raise GraphUnavailable(
                f"the embedded graph refused the password in {settings.home / 'password'}; the server keeps "
                "the password it was first started with: put that file back as it was"
            ) from e
        raise GraphUnavailable(_auth_message(graph.uri)) from e
    except (ServiceUnavailable, SessionExpired, OSError) as e:
        if settings.embedded:
            raise GraphUnavailable(
                f"cannot reach the embedded graph at {graph.uri}; run `kgbuild db stop` then `kgbuild db start`"
            ) from e
        raise GraphUnavailable(
            f"cannot reach the graph at {graph.uri}; start Neo4j "
            "(docker compose -f docker/compose.yaml up -d) or fix NEO4J_URI"
        ) from e
    except (ValueError, ConfigurationError) as e:  # e.g. bolt+s:// against a plain server
        raise GraphUnavailable(f"cannot talk to the graph at {graph.uri} ({_short(e)}); fix NEO4J_URI") from e
    except ClientError as e:
        if "database" in str(e).lower():
            raise GraphUnavailable(
                f"the graph at {graph.uri} has no database {graph.database!r}; set NEO4J_DATABASE to one that exists"
            ) from e
        raise GraphUnavailable(f"the graph at {graph.uri} refused the connection: {_short(e)}") from e
