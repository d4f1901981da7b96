"""Extraction spread over a Dask cluster: the NLP stage runs on the workers, a shard of documents
per task; names and dates are resolved here, in input order, so the facts are the ones a single
process extracts.

`scheduler` is a Dask scheduler address (`tcp://host:8786`), or `local` / `local:N` for a
`LocalCluster` of N single-threaded worker processes on this machine.  Workers need kgbuild
installed, and the same `KGBUILD_DATA` and `KGBUILD_ALIASES` as here: a worker whose knowledge
files differ is refused with a message, since its gazetteer would find other names.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from .config import usable_cores
from .errors import KgbuildError
from .records import Document, Findings, Problem

SHARD = 16  # documents per task
IN_FLIGHT_PER_WORKER = 2


class ClusterError(KgbuildError):
    pass


def knowledge_fingerprint() -> str:
    """What the NLP stage's results depend on besides the text: kgbuild's version and its data."""
    from importlib import resources

    from . import __version__
    from .rules import data_file

    h = hashlib.sha256(__version__.encode())
    for name in sorted(f.name for f in resources.files("kgbuild.data").iterdir() if f.name.endswith(".json")):
        h.update(name.encode() + data_file(name).read_bytes())
    extra = os.environ.get("KGBUILD_ALIASES")
    if extra:
        with open(extra, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def read_shard(documents: list[Document], fingerprint: str) -> tuple[list[tuple[Document, Findings]], list[Problem]]:
    """On a worker: the findings of a shard of documents (and the problems met)."""
    from .pipeline import read

    if knowledge_fingerprint() != fingerprint:
        raise ClusterError(
            "a worker's kgbuild or knowledge files differ from this machine's; install the same kgbuild "
            "and give the workers the same KGBUILD_DATA and KGBUILD_ALIASES"
        )
    problems: list[Problem] = []
    return list(read(documents, on_problem=problems.append)), problems


@contextmanager
def connect(scheduler: str):
    """A Dask client for `scheduler` (see the module docstring); the local cluster ends with it."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'kgbuild[dask]'") from None
    if scheduler == "local" or scheduler.startswith("local:"):
        count = scheduler.partition(":")[2]
        if count and not (count.isdigit() and int(count) > 0):
            raise ClusterError(f"{scheduler!r}: give local:N with N a number of workers, or local for one per core")
        workers = int(count or usable_cores())
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({e}); check the address") from None
    with client:
        yield client


def read_sharded(
    documents: Iterable[Document], scheduler: str, on_problem: Callable[[Problem], None] = lambda p: None
) -> Iterator[tuple[Document, Findings]]:
    """Each document with its findings, read on the cluster, in input order (a bounded number of
    shards in flight, so memory stays flat)."""
    fingerprint = knowledge_fingerprint()
    with connect(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        shard: list[Document] = []

        def drain(keep: int) -> Iterator[tuple[Document, Findings]]:
            while len(pending) > keep:
                found, problems = pending.popleft().result()
                for p in problems:
                    on_problem(p)
                yield from found

        for document in documents:
            shard.append(document)
            if len(shard) >= SHARD:
                pending.append(client.submit(read_shard, shard, fingerprint, pure=False))
                shard = []
                yield from drain(workers * IN_FLIGHT_PER_WORKER)
        if shard:
            pending.append(client.submit(read_shard, shard, fingerprint, pure=False))
        yield from drain(0)
