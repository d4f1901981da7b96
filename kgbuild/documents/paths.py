"""Where the articles are: files, folders (recursive, following links), globs, `-` for standard input
and named pipes, each real file once however many links or loops lead to it."""

from __future__ import annotations

import glob
import os
import select
import stat
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Problem
from .formats import SUFFIX_LIST, SUFFIXES

PIPE_WAIT = 10.0  # seconds a named pipe may go without a writer before it is skipped


def expand(paths: Iterable[str]) -> Iterator[Path | str | Problem]:
    """Paths, folders (recursive, following links), globs and `-` → the files to read, in a stable
    order; each real file once, however many links or loops lead to it."""
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw).expanduser()
        if p.is_dir():
            found = [f for f in _walk(p) if _first_time(f, seen)]
            if not found:
                yield Problem(raw, f"no {SUFFIX_LIST} files in folder {raw}")
            yield from found
        elif p.is_file() or is_pipe(p):
            if _first_time(p, seen):
                yield p
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True) if Path(m).is_file())
            if not matches:
                yield Problem(raw, f"no files match {raw}")
            yield from (m for m in matches if _first_time(m, seen))
        elif p.exists():
            yield Problem(raw, f"{raw} is not a file of articles (a device or socket); skipped")
        else:
            yield Problem(raw, f"no such file or folder: {raw}")


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under `folder` (hidden ones left out), visiting each real folder once."""
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:  # a symlink loop, or a second link to a folder seen
            dirs[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            f = Path(root) / name
            if not name.startswith(".") and f.suffix.lower() in SUFFIXES and f.is_file():
                yield f


def _first_time(path: Path, seen: set[str]) -> bool:
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def is_pipe(p: Path) -> bool:
    """A named pipe or process substitution: `kgbuild load <(curl ...)`."""
    try:
        return stat.S_ISFIFO(p.stat().st_mode)
    except OSError:
        return False


def open_pipe(path: Path):
    """A named pipe opened for reading once something has written to it, or a Problem when nothing
    has within PIPE_WAIT seconds (opening or reading a pipe nobody writes to waits forever)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        watch = select.poll()
        watch.register(fd, select.POLLIN)
        deadline = time.monotonic() + PIPE_WAIT
        while True:
            events = watch.poll(50)  # milliseconds
            if any(e & select.POLLIN for _, e in events):
                break  # data waits (or the writer wrote and left)
            if time.monotonic() > deadline:
                raise TimeoutError
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except TimeoutError:
        os.close(fd)
        return Problem(str(path), f"{path} is a named pipe that nothing writes to; start its writer first")
    except BaseException:
        os.close(fd)
        raise
