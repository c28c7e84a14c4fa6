"""One way to run a per-batch function in parallel: a local process pool or a Dask cluster.

Every stage that works on many articles maps one *per-batch function* over batches with
:func:`map_batches`. The function is a top-level function that takes everything it needs as
arguments (no globals inherited from a forked parent), so the same function runs

* inline (one process: small jobs, ``workers=1``),
* in a local :class:`concurrent.futures.ProcessPoolExecutor` (fork where available), or
* on the workers of a Dask ``distributed`` cluster, when a scheduler address is given
  (``scheduler="tcp://HOST:8786"``, :func:`use_scheduler`, or the environment variable
  ``KZRU_DASK_SCHEDULER``); its ``Client`` has the same ``submit`` as an executor.

Results come back in batch order, with at most ``max_in_flight`` batches submitted and not
yet consumed, so memory stays bounded however many batches there are.

Every batch runs with Python's cyclic garbage collector paused (:func:`paused_gc`): a batch
allocates a great many small objects and holds few cycles.

Arguments shared by every batch (pattern tables, compiled rules) are pickled once with
cloudpickle and loaded once per worker process (cached by their digest): only the batch
itself travels with each task.

Example:
    >>> from kzru_lib.parallel import map_batches
    >>> list(map_batches(sum, [[1, 2], [3], [4, 5, 6]], workers=1))
    [3, 3, 15]
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing as mp
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator

__all__ = ["map_batches", "batched", "use_scheduler", "scheduler_address", "default_workers", "close_clients",
           "process_pool", "paused_gc"]

#: Environment variable naming a Dask scheduler (``tcp://HOST:8786``) for every parallel job.
SCHEDULER_ENV = "KZRU_DASK_SCHEDULER"

_SCHEDULER: str | None = None  # set by use_scheduler(); wins over the environment
_CLIENTS: dict[str, object] = {}  # one Dask client per scheduler address, per process
_SHARED_CACHE: dict[str, tuple] = {}  # in a worker: loaded shared arguments by digest
_SHARED_CACHE_MAX = 8
_BATCH = threading.local()  # .active: this thread is running a batch for map_batches


def scheduler_address() -> str | None:
    """The Dask scheduler in force: :func:`use_scheduler`'s, else ``KZRU_DASK_SCHEDULER``, else ``None``.

    Always ``None`` inside a batch that :func:`map_batches` runs (no nested cluster jobs).
    """
    if getattr(_BATCH, "active", False):
        return None
    return _SCHEDULER or os.environ.get(SCHEDULER_ENV) or None


@contextlib.contextmanager
def use_scheduler(address: str | None):
    """Run the parallel jobs of the ``with`` block on the Dask cluster at ``address`` (``None``: locally).

    Example:
        >>> with use_scheduler(None):
        ...     list(map_batches(len, [[1], [1, 2]], workers=1))
        [1, 2]
    """
    global _SCHEDULER
    before = _SCHEDULER
    _SCHEDULER = address
    try:
        yield
    finally:
        _SCHEDULER = before


_GC_LOCK = threading.Lock()
_GC_PAUSE = {"depth": 0, "was_enabled": False}  # pauses under way in this process


@contextlib.contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector for a bulk job (restored afterwards).

    A per-batch job builds hundreds of thousands of short-lived lists, dicts and strings; every
    700 allocations the collector would scan the young ones, and now and then everything the
    process holds (rule tables, caches, loaded tables): figures of 800 generated articles, found
    in one process that holds two loaded corpora, took 7.6-7.9 CPU-s without it, 9.3-10.4 with it
    (in the forked workers of ``kzru figures`` no gain stood out of the machine's swings). The jobs'
    objects hold few reference cycles, so memory is freed as usual; what cycles a batch leaves
    are collected once the collector runs again. Pauses may nest and overlap (threads of one
    process): the collector is back as it was when the last one ends.
    """
    with _GC_LOCK:
        if _GC_PAUSE["depth"] == 0:
            _GC_PAUSE["was_enabled"] = gc.isenabled()
            gc.disable()
        _GC_PAUSE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSE["depth"] -= 1
            if _GC_PAUSE["depth"] == 0 and _GC_PAUSE["was_enabled"]:
                gc.enable()


def default_workers(n_items: int, *, threshold: int = 1000) -> int:
    """Processes a job of ``n_items`` uses by default: every CPU from ``threshold`` items on, else 1."""
    return (os.cpu_count() or 1) if n_items >= threshold else 1


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def dask_client(address: str):
    """The ``distributed.Client`` connected to ``address`` (one per address, reused)."""
    client = _CLIENTS.get(address)
    if client is None or client.status not in ("running", "connecting", "newly-created"):
        try:
            from distributed import Client
        except ImportError:
            from .errors import KzruError

            raise KzruError(f"a Dask scheduler ({address}) was given but dask.distributed is not installed: "
                            "pip install 'kzru[dask]'") from None
        client = Client(address)
        _CLIENTS[address] = client
    return client


def process_pool(workers: int):
    """A local ``ProcessPoolExecutor`` of ``workers`` processes (forked where the system can).

    A job that starts threads in this process (DuckDB, pyarrow) and runs several passes should
    make its pool first and pass it to every :func:`map_batches` call (``executor=``): forking
    after such threads exist can deadlock a child.
    """
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    return ProcessPoolExecutor(workers, mp_context=ctx)


def close_clients() -> None:
    """Close the Dask clients this process opened (e.g. before the cluster goes away)."""
    while _CLIENTS:
        _, client = _CLIENTS.popitem()
        with contextlib.suppress(Exception):
            client.close()


def _pack_shared(shared: tuple) -> tuple[str, bytes]:
    import cloudpickle

    blob = cloudpickle.dumps(shared)
    return hashlib.sha256(blob).hexdigest(), blob


def _load_shared(digest: str, blob: bytes) -> tuple:
    shared = _SHARED_CACHE.get(digest)
    if shared is None:
        import pickle

        shared = pickle.loads(blob)
        if len(_SHARED_CACHE) >= _SHARED_CACHE_MAX:
            _SHARED_CACHE.pop(next(iter(_SHARED_CACHE)))
        _SHARED_CACHE[digest] = shared
    return shared


def _run_batch(digest: str, blob: bytes, batch):
    """The task sent to a worker: load the function and the shared arguments (once), run one batch.

    Parallel jobs started inside the batch run inline (a worker does not submit to the pool or
    cluster it runs in).
    """
    fn, *shared = _load_shared(digest, blob)
    before = getattr(_BATCH, "active", False)
    _BATCH.active = True
    try:
        with paused_gc():
            return fn(*shared, batch)
    finally:
        _BATCH.active = before


def map_batches(
    fn: Callable,
    batches: Iterable,
    *,
    shared: tuple = (),
    workers: int | None = None,
    scheduler: str | None = None,
    executor=None,
    max_in_flight: int | None = None,
) -> Iterator:
    """Yield ``fn(*shared, batch)`` for each batch, in order, possibly in other processes or machines.

    Args:
        fn: a top-level (picklable) function taking the shared arguments, then one batch.
        batches: any iterable of batches; consumed lazily (a generator reading files is fine).
        shared: arguments every batch gets (pickled once; loaded once per worker process).
        workers: local processes; ``None`` or ``0``: one per CPU; ``1``: run inline, in this
            process (unless a Dask scheduler is in force).
        scheduler: a Dask scheduler address; default :func:`scheduler_address` (``use_scheduler``
            or ``KZRU_DASK_SCHEDULER``). When one is in force, it runs every job that would
            otherwise use more than one local process.
        executor: a ready ``concurrent.futures``-style executor (or Dask client) to submit to;
            wins over ``workers`` and ``scheduler``; not shut down here.
        max_in_flight: batches submitted and not yet yielded (default: 2 per worker, at least 4).

    Yields:
        Each batch's result, in the order of ``batches``. An exception raised by ``fn`` is
        raised here, for the batch it came from (the per-batch function should turn
        per-item problems into results, so that one bad item does not stop the job).
    """
    workers = (os.cpu_count() or 1) if not workers else workers
    if getattr(_BATCH, "active", False) and executor is None:
        workers = 1  # inside a batch: no nested pools
    address = scheduler if scheduler is not None else scheduler_address()
    if executor is None and address and workers != 1:
        executor = dask_client(address)
    if executor is None and workers <= 1:
        for batch in batches:
            with paused_gc():
                result = fn(*shared, batch)
            yield result
        return
    digest, blob = _pack_shared((fn, *shared))  # the function travels with the shared arguments
    own, seeded = None, False
    if executor is None:
        own = executor = process_pool(workers)
        # the pool forks on the first submit: its workers find the shared arguments loaded (no
        # unpickling, no recompiling of patterns); a spawned or remote worker unpickles them
        seeded = digest not in _SHARED_CACHE
        _SHARED_CACHE.setdefault(digest, (fn, *shared))
    else:
        n = _executor_workers(executor)
        workers = n or workers
    limit = max_in_flight or max(4, 2 * workers)
    if hasattr(executor, "scatter"):  # a Dask client: send the shared blob to every worker once
        blob_arg = executor.scatter(blob, broadcast=True, hash=False)
    else:
        blob_arg = blob
    pending: deque = deque()
    try:
        for batch in batches:
            pending.append(executor.submit(_run_batch, digest, blob_arg, batch, **_pure(executor)))
            if len(pending) >= limit:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()
        if own is not None:
            own.shutdown(wait=True, cancel_futures=True)
        if seeded:
            _SHARED_CACHE.pop(digest, None)


def _pure(executor) -> dict:
    # Dask deduplicates tasks with equal arguments unless told they are impure
    return {"pure": False} if hasattr(executor, "scatter") else {}


def _result(future):
    result = future.result()
    with contextlib.suppress(AttributeError):
        future.release()  # a Dask future: let the cluster forget the result now
    return result


def _executor_workers(executor) -> int | None:
    if hasattr(executor, "scheduler_info"):  # a Dask client
        with contextlib.suppress(Exception):
            info = executor.scheduler_info()
            return sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or None
    return getattr(executor, "_max_workers", None)
