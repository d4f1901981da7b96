"""Writing output files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import KgbuildError


def writable(path: str | Path, what: str = "-o") -> Path:
    """`path` as a Path whose folder exists and can be written, or a one-line error naming the fix."""
    p = Path(path).expanduser()
    folder = p.parent if str(p.parent) else Path(".")
    if p.is_dir() and what != "folder":
        raise KgbuildError(f"{p} is a folder; give a file name with {what}")
    if not folder.is_dir():
        raise KgbuildError(f"there is no folder {folder} for {what} {p}; create it first (mkdir -p {folder})")
    if not os.access(folder, os.W_OK):
        raise KgbuildError(f"cannot write to the folder {folder} for {what} {p}; choose another place")
    return p


@contextlib.contextmanager
def atomic(path: str | Path, mode: str = "w", private: bool = False):
    """Open a temporary file beside `path`; it replaces `path` only when the block ends without error.
    With `private` the file is readable by its owner only (0600), else as the umask allows."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=p.parent if str(p.parent) else ".")
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
            yield f
        os.chmod(tmp, 0o600 if private else 0o666 & ~_umask())
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (0600), replacing it whole."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
