"""The parallel helper: one per-batch function inline, in a process pool, or on a Dask cluster."""

from __future__ import annotations

import gc
import os
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

from kzru_lib import parallel
from kzru_lib.parallel import batched, map_batches, use_scheduler


def scaled(factor: int, offset: int, batch: list[int]) -> list[int]:
    """A per-batch function with shared arguments first (top-level: it must pickle)."""
    return [factor * x + offset for x in batch]


def fail_on_three(batch: list[int]) -> list[int]:
    if 3 in batch:
        raise ValueError(f"bad batch {batch}")
    return batch


def pid_of(batch: list[int]) -> int:
    return os.getpid()


def collector_on(batch: list[int]) -> bool:
    return gc.isenabled()


BATCHES = [[1, 2], [3], [4, 5, 6], [], [7]]
EXPECTED = [[12, 22], [32], [42, 52, 62], [], [72]]


def test_batched_sizes():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batched([], 3)) == []
    assert list(batched("ab", 1)) == [["a"], ["b"]]
    with pytest.raises(ValueError):
        list(batched([1], 0))


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_order_inline_and_in_processes(workers):
    assert list(map_batches(scaled, BATCHES, shared=(10, 2), workers=workers)) == EXPECTED


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_run_with_the_collector_paused_and_restored(workers):
    assert gc.isenabled()
    assert list(map_batches(collector_on, [[1], [2], [3]], workers=workers)) == [False, False, False]
    assert gc.isenabled()
    with ThreadPoolExecutor(2) as pool:  # threads of one process: the collector ends as it began
        assert not any(map_batches(collector_on, [[i] for i in range(20)], executor=pool))
    assert gc.isenabled()


def test_process_pool_runs_in_other_processes():
    pids = set(map_batches(pid_of, [[i] for i in range(8)], workers=2))
    assert os.getpid() not in pids


def test_any_executor_is_accepted_and_not_shut_down():
    with ThreadPoolExecutor(2) as pool:
        assert list(map_batches(scaled, BATCHES, shared=(10, 2), executor=pool)) == EXPECTED
        assert pool.submit(sum, [1, 2]).result() == 3  # still usable


def test_a_closure_travels_to_worker_processes():
    # the shared arguments are cloudpickled: a counting closure needs no fork-inherited global
    offset = 5

    def plus(batch):
        return [x + offset for x in batch]

    assert list(map_batches(lambda f, b: f(b), [[1], [2]], shared=(plus,), workers=2)) == [[6], [7]]


def test_in_flight_batches_are_bounded():
    consumed = []

    def batches():
        for i in range(40):
            consumed.append(i)
            yield [i]

    results = map_batches(scaled, batches(), shared=(1, 0), workers=2, max_in_flight=3)
    first = next(results)
    assert first == [0]
    assert len(consumed) <= 4  # three submitted ahead, at most one more read
    assert list(results) == [[i] for i in range(1, 40)]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_a_batch_is_raised_for_that_batch(workers):
    results = map_batches(fail_on_three, [[1], [2], [3], [4]], workers=workers)
    assert next(results) == [1]
    assert next(results) == [2]
    with pytest.raises(ValueError, match=r"bad batch \[3\]"):
        next(results)


def test_scheduler_from_environment_and_context(monkeypatch):
    monkeypatch.delenv(parallel.SCHEDULER_ENV, raising=False)
    assert parallel.scheduler_address() is None
    monkeypatch.setenv(parallel.SCHEDULER_ENV, "tcp://example:8786")
    assert parallel.scheduler_address() == "tcp://example:8786"
    with use_scheduler("tcp://other:8786"):
        assert parallel.scheduler_address() == "tcp://other:8786"
    assert parallel.scheduler_address() == "tcp://example:8786"
    # workers=1 stays inline even with a scheduler in force (no connection is tried)
    assert list(map_batches(scaled, [[1]], shared=(1, 1), workers=1)) == [[2]]


def test_library_stages_give_the_same_tables_with_a_pool(seed_corpus, seed_lines):
    from kzru_lib.dates import extract_dates
    from kzru_lib.figures import extract_figures

    # values equal; a column's dtype may differ (object after concatenating shares), as before
    pd.testing.assert_frame_equal(extract_dates(seed_corpus, lines=seed_lines, workers=2),
                                  extract_dates(seed_corpus, lines=seed_lines, workers=1), check_dtype=False)
    pd.testing.assert_frame_equal(extract_figures(seed_corpus, workers=2), extract_figures(seed_corpus, workers=1),
                                  check_dtype=False)


# --------------------------------------------------------------------------------------------
# Dask: a LocalCluster with two worker processes builds the same store as the local pool
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        try:
            yield local
        finally:
            parallel.close_clients()


def test_dask_cluster_runs_the_same_per_batch_function(cluster):
    got = list(map_batches(scaled, BATCHES, shared=(10, 2), scheduler=cluster.scheduler_address))
    assert got == EXPECTED
    pids = set(map_batches(pid_of, [[i] for i in range(6)], scheduler=cluster.scheduler_address))
    assert os.getpid() not in pids


def test_dask_store_equals_local_store(cluster, tmp_path):
    pytest.importorskip("duckdb")
    from test_store import make_corpus, normalised

    from kzru_lib.store import TABLES, build_store, read_table

    folder = make_corpus(tmp_path / "corpus", 12)
    local = build_store(folder, tmp_path / "local", batch_size=4, workers=1)
    dask = build_store(folder, tmp_path / "dask", batch_size=4, workers=2, scheduler=cluster.scheduler_address)
    assert dask["counts"] == local["counts"]
    assert dask["inputs_sha256"] == local["inputs_sha256"]
    for name in TABLES:
        a, b = read_table(tmp_path / "local", name), read_table(tmp_path / "dask", name)
        pd.testing.assert_frame_equal(normalised(a, name), normalised(b, name), obj=name)


def test_library_stage_on_dask_via_the_environment(cluster, monkeypatch, seed_corpus, seed_lines):
    from kzru_lib.dates import extract_dates

    expected = extract_dates(seed_corpus, lines=seed_lines, workers=1)
    monkeypatch.setenv(parallel.SCHEDULER_ENV, cluster.scheduler_address)
    pd.testing.assert_frame_equal(extract_dates(seed_corpus, lines=seed_lines), expected, check_dtype=False)


def nested(batch: list[int]) -> tuple:
    """A batch that starts a parallel job of its own: it runs inline, in this worker."""
    inner = list(map_batches(pid_of, [[1], [2]], workers=2))
    return os.getpid(), inner, parallel.scheduler_address()


def test_jobs_inside_a_batch_run_inline(monkeypatch):
    monkeypatch.setenv(parallel.SCHEDULER_ENV, "tcp://unreachable:8786")
    with ThreadPoolExecutor(2) as pool:
        for pid, inner, address in map_batches(nested, [[1], [2]], executor=pool):
            assert inner == [pid, pid] and address is None
    assert parallel.scheduler_address() == "tcp://unreachable:8786"  # outside a batch again
