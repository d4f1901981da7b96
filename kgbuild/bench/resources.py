"""What a run costs the machine: peak memory of the Python process and of the graph server, and the
disk a graph takes."""

from __future__ import annotations

import resource
from pathlib import Path

from ..graph.server import EmbeddedServer


def server_peak_mb(server: EmbeddedServer) -> float | None:
    """The graph server's peak resident memory (VmHWM), in MB."""
    info = server.info()
    try:
        status = Path(f"/proc/{info.pid}/status").read_text() if info else ""
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def disk_bytes(home: Path) -> int:
    """The size of the graph's database files under a KGBUILD_HOME (logs and settings left out)."""
    return sum(f.stat().st_size for f in Path(home).glob("arcadedb/databases/**/*") if f.is_file())


def python_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
