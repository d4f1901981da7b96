"""What the embedded server's life cycle asks of the operating system: is a process alive and ours,
which ports are free and who listens on them, a lock between kgbuild commands (Linux /proc where
it helps; elsewhere the answers fall back to what a portable check can say)."""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import os
import signal
import socket
import subprocess
import tempfile
from pathlib import Path


def kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


@contextlib.contextmanager
def locked(path: Path):
    """An exclusive lock, so two commands starting at once share one server."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # one kgbuild at a time starts or stops this home's server
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def alive(pid: int) -> bool:
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


def cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]


def outdated(pid: int) -> bool:
    """Whether our server process was started by an older kgbuild (which gave Java the root password
    and wrote a JVM performance file, with no read-only user and no statement timeout)."""
    args = cmdline(pid)
    return args is not None and "-XX:-UsePerfData" not in args


def forget_perf_data(password: str) -> None:
    """Delete the JVM performance files in the system temp folder that hold this password (an older
    kgbuild's server wrote its command line there)."""
    folder = Path(tempfile.gettempdir()) / f"hsperfdata_{getpass.getuser()}"
    secret = password.encode("utf-8")
    for path in folder.glob("[0-9]*") if folder.is_dir() else ():
        with contextlib.suppress(OSError):
            if secret in path.read_bytes():
                path.unlink()


def is_our_java(pid: int, root: Path) -> bool:
    """Guard against a recycled pid: the process must be java serving our data folder."""
    args = cmdline(pid)
    if args is None:
        return not Path("/proc").is_dir()  # no /proc: trust the pid
    return f"-Darcadedb.server.rootPath={root}" in args


def java_processes():
    """(pid, arguments) of every ArcadeDB server process this user can see."""
    for entry in Path("/proc").glob("[0-9]*"):
        args = cmdline(int(entry.name))
        if args and "com.arcadedb.server.ArcadeDBServer" in args:
            yield int(entry.name), args


def ports_from_args(args: list[str]) -> tuple[int | None, int | None]:
    bolt = http = None
    for a in args:
        if a.startswith("-Darcadedb.bolt.port="):
            bolt = int(a.split("=", 1)[1])
        elif a.startswith("-Darcadedb.server.httpIncomingPort="):
            http = int(a.split("=", 1)[1])
    return bolt, http


def listens(pid: int, port: int) -> bool:
    """Whether process `pid` holds the listening socket on 127.0.0.1:port (Linux /proc; else True)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            return True
        for line in lines:
            parts = line.split()
            if len(parts) > 9 and parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(parts[9])
    try:
        fds = [os.readlink(f) for f in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return True
    return any(f"socket:[{inode}]" in fds for inode in inodes)


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def free_port(preferred: int, avoid: set[int] = frozenset()) -> int:
    """The preferred port if nothing listens there, else one the OS picks."""
    if preferred and preferred not in avoid and can_bind(preferred):
        return preferred
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in avoid:
            return port


def can_bind(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return not port_open(port)
