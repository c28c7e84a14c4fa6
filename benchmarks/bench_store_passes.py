"""Memory and time of the store's two cross-article passes, each alone: event merging and figure comparison.

    .venv/bin/kzru build bench_data/corpus_10k --store /tmp/s10k --skip events comparisons
    .venv/bin/python benchmarks/bench_store_passes.py /tmp/s10k [--event-blocks 20000 50000]
        [--compare-blocks 50000 200000] [--whole]

Each run copies the store (without the tables the pass does not read) to a temporary folder and
runs one pass in a fresh process under ``nice``: ``events`` in blocks of N mentions
(:func:`kzru_lib.store._merge_events_in_blocks`), ``comparisons`` group by group, written in parts of N
rows of the comparison table (:func:`kzru_lib.store._compare_in_blocks`), and with ``--whole`` each pass on the whole table
as before (``assign_events`` + ``merge_events``; ``compare_figures``). Printed per run: blocks,
wall seconds, CPU seconds (user + system), peak resident memory of the process (its own
``ru_maxrss``, MB). Figures, not a test.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_RUN = """
import resource
import sys
from pathlib import Path
from kzru_lib import store
from kzru_lib.store import _Writer, read_table
root, name, rows = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
out = _Writer(root)
if name == "events" and rows == 0:
    from kzru_lib.timeline import assign_events, merge_events
    m = assign_events(read_table(root, "mentions"))
    store._rewrite(root, "mentions", m, out)
    out.write("events", merge_events(m))
    blocks = 1
elif name == "events":
    blocks = store._merge_events_in_blocks(root, out, 1, rows)
elif rows == 0:
    from kzru_lib.figures import compare_figures
    out.write("comparisons", compare_figures(read_table(root, "figures")))
    blocks = 1
else:
    blocks = store._compare_in_blocks(root, out, None, rows)
print(blocks, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def run(store: Path, name: str, rows: int) -> dict:
    keep = {"events": {"mentions", "corpus"}, "comparisons": {"figures", "corpus"}}[name]
    tmp = Path(tempfile.mkdtemp(prefix="kzru_passes_"))
    try:
        copy = tmp / "store"
        copy.mkdir()
        for item in store.iterdir():
            if item.is_dir() and item.name in keep:
                shutil.copytree(item, copy / item.name)
            elif item.is_file():
                shutil.copy2(item, copy / item.name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.time()
        done = subprocess.run(["nice", sys.executable, "-c", _RUN, str(copy), name, str(rows)],
                              capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode:
            raise SystemExit(f"{name} ({rows}): failed\n{done.stderr}")
        blocks, peak = done.stdout.split()[-2:]
        return {"pass": name, "block_rows": rows or "whole", "blocks": blocks, "peak_rss_mb": int(peak),
                "seconds": round(time.time() - start, 1),
                "cpu_seconds": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 1)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store built with --skip events comparisons")
    parser.add_argument("--event-blocks", type=int, nargs="*", default=[10000], help="mentions per block")
    parser.add_argument("--compare-blocks", type=int, nargs="*", default=[50000], help="comparison rows per part written")
    parser.add_argument("--whole", action="store_true", help="also run each pass on the whole table")
    args = parser.parse_args(argv)
    plan = [("events", n) for n in ([0] if args.whole else []) + args.event_blocks]
    plan += [("comparisons", n) for n in ([0] if args.whole else []) + args.compare_blocks]
    print(f"{'pass':<12} {'block':>8} {'blocks':>6} {'seconds':>8} {'cpu s':>7} {'peak MB':>8}", flush=True)
    for name, rows in plan:
        table = {"events": "mentions", "comparisons": "figures"}[name]
        if not (args.store / table).is_dir():
            print(f"{name:<12} skipped: {args.store} has no {table} table", flush=True)
            continue
        row = run(args.store, name, rows)
        print(f"{row['pass']:<12} {row['block_rows']!s:>8} {row['blocks']:>6} {row['seconds']:>8} "
              f"{row['cpu_seconds']:>7} {row['peak_rss_mb']:>8}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
