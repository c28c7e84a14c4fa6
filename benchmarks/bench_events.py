"""Benchmark ``kzru events``: the whole command, and how merging grows with the number of mentions.

    .venv/bin/python benchmarks/bench_events.py [--corpus bench_data/corpus_10k] [--no-command]

1. Runs the whole command ``kzru events CORPUS -o FILE.csv`` in a fresh process (reading,
   cleaning, dates, events, merging, writing) and prints its wall time and articles/second.
2. In this process, times each step on the same corpus: reading + cleaning, dates, finding events
   (actors, types, datelines), pairing and merging (:func:`kzru_lib.timeline.assign_events`) and
   the timeline (:func:`kzru_lib.timeline.merge_events`); then pairs and merges the first quarter,
   half and all of the mentions (whole articles), so the growth of the merging step can be read
   off (keyed pairing: roughly linear; all pairs would grow fourfold per doubling).

Prints figures only; not a test. Generate the corpus first with ``benchmarks/make_corpus.py``
(``--n 100000`` for the 100,000-article corpus).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "bench_data" / "corpus_10k"))
    parser.add_argument("--no-command", action="store_true", help="skip the whole-command run")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such folder; run benchmarks/make_corpus.py first")
    os.environ["KZRU_QUIET"] = "1"
    n_files = sum(1 for _ in corpus.glob("*.txt"))
    if not args.no_command:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run([sys.executable, "-m", "kzru_lib.cli", "events", str(corpus), "-o",
                                   str(Path(tmp) / "t.csv")], capture_output=True, text=True,
                                  env={"KZRU_QUIET": "1", "PATH": "/usr/bin:/bin"})
            wall = time.perf_counter() - t0
            cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
        if proc.returncode:
            sys.exit(f"kzru events failed: {proc.stderr.strip()}")
        print(f"kzru events {corpus.name}: {wall:.1f} s wall, {cpu:.1f} s CPU (all processes) for {n_files} "
              f"articles ({n_files / wall:.0f} articles/s); {proc.stderr.strip()}")

    from kzru_lib.dates import extract_dates
    from kzru_lib.loading import read_corpus
    from kzru_lib.timeline import assign_events, find_events, link_mentions, merge_events

    t = time.perf_counter()
    docs, lines = read_corpus(corpus)
    steps = {"read + clean": time.perf_counter() - t}
    t = time.perf_counter()
    dates = extract_dates(docs, lines=lines)
    steps["dates"] = time.perf_counter() - t
    t = time.perf_counter()
    events = find_events(dates, corpus=docs)
    steps["find events"] = time.perf_counter() - t
    t, c = time.perf_counter(), time.process_time()
    assigned = assign_events(events)
    steps["pair + merge"] = time.perf_counter() - t
    merge_cpu = time.process_time() - c
    t = time.perf_counter()
    timeline = merge_events(assigned)
    steps["timeline"] = time.perf_counter() - t
    print(f"steps on {len(docs)} articles, {len(events)} event mentions -> {len(timeline)} events "
          f"({int((timeline['n_sources'] > 1).sum())} citing 2+ articles):")
    for name, sec in steps.items():
        print(f"  {name:14} {sec:7.1f} s")
    print(f"  (pair + merge: {merge_cpu:.1f} s CPU; it runs in this one process)")
    ids = sorted(events["doc_id"].unique())
    print("merging step by corpus share (mentions, candidate pairs, seconds):")
    for share in (0.25, 0.5, 1.0):
        part = events[events["doc_id"].isin(ids[: int(len(ids) * share)])].reset_index(drop=True)
        t = time.process_time()
        links = link_mentions(part)
        assign_events(part)
        sec = time.process_time() - t
        print(f"  {share:4.0%}: {len(part):8d} mentions {len(links):9d} pairs {sec:7.1f} s CPU (pairs scored twice)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
