"""Settings from flags, the environment and `.env`, in that order of precedence."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

from .errors import KgbuildError

DEFAULT_DATABASE = "neo4j"
EMBEDDED_DATABASE = "kg"
EMBEDDED_USER = "root"
STATEMENT_TIMEOUT = 60  # seconds


def statement_timeout() -> int:
    """Seconds one statement (the embedded graph) or one transaction (Neo4j) may run before the server
    ends it, whether or not its client is still there: KGBUILD_STATEMENT_TIMEOUT, default 60."""
    raw = (os.environ.get("KGBUILD_STATEMENT_TIMEOUT") or str(STATEMENT_TIMEOUT)).strip()
    if not raw.isdigit() or not 1 <= int(raw) <= 86_400:
        raise KgbuildError(f"KGBUILD_STATEMENT_TIMEOUT={raw!r} is not a number of seconds from 1 to 86400")
    return int(raw)


def load_env_file() -> Path | None:
    """Read `.env` from the working directory only (never a parent folder's: it could send your
    password to a graph someone else chose), without overriding the environment."""
    path = Path.cwd() / ".env"
    if not path.is_file():
        return None
    load_dotenv(path, override=False)
    return path


def default_home() -> Path:
    """Per-user data folder for the embedded graph: $KGBUILD_HOME, else the XDG data dir."""
    if os.environ.get("KGBUILD_HOME"):
        return Path(os.environ["KGBUILD_HOME"]).expanduser().absolute()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "kgbuild"


@dataclass(frozen=True)
class Settings:
    """Where the graph is.  With no `uri`, kgbuild uses its embedded server."""

    uri: str | None = None
    username: str | None = None
    password: str | None = None
    database: str | None = None
    home: Path = Path(".")

    @property
    def embedded(self) -> bool:
        return not self.uri

    @classmethod
    def resolve(cls, uri=None, username=None, password=None, database=None, home=None) -> Settings:
        env = os.environ.get
        return cls(
            uri=uri or env("NEO4J_URI") or None,
            username=username or env("NEO4J_USERNAME") or None,
            password=password or env("NEO4J_PASSWORD") or None,
            database=database or env("NEO4J_DATABASE") or None,
            home=Path(home).expanduser().absolute() if home else default_home(),
        )


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity, which containers and `taskset` narrow)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
