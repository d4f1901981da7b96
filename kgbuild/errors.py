"""Typed errors a user can cause.  The CLI turns each into one line that names the fix."""


class KgbuildError(Exception):
    """Base class: the message is complete and tells the user what to do."""


class DataError(KgbuildError):
    """A rules or knowledge file (kgbuild/data/*.json, KGBUILD_ALIASES) that does not fit its shape."""


class GraphUnavailable(KgbuildError):
    """The graph database cannot be reached or refused the credentials."""


class ServerError(KgbuildError):
    """The embedded graph server could not be started or stopped."""


class BenchError(KgbuildError):
    """A command the benchmark runs on its scratch graph failed."""


class ReportError(KgbuildError):
    """An unknown report, or a missing or ill-typed report parameter."""


class QueryError(KgbuildError):
    """A Cypher statement the database rejected."""

    race = False  # two writers merged the same new node at once: trying again succeeds
    forbidden = False  # the user or transaction may only read, and the statement would have written
