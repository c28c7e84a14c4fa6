"""Time and memory of the store's near-duplicate pass alone, against corpus size.

    .venv/bin/python benchmarks/bench_duplicates.py [--sizes 100000 1000000] [--old REV]

For each size, the MinHash signatures and LSH band keys of the first N articles of the generated
million-article corpus (``benchmarks/make_corpus.py --n 1000000``; each article's normalised
text as read, not cleaned) are written in batches of 500 as ``kzru build`` writes them to its
work folder (``store._signature_tables``), into git-ignored ``bench_data/dup_work_N`` (kept for
the next run). Then ``store._mark_duplicates`` runs on a copy in a fresh process under ``nice``
and prints wall seconds, CPU seconds (its threads included), peak resident memory
(``ru_maxrss``) and the copies marked. ``--old REV`` also runs the function as it was at git
revision REV (its source, run with today's module around it), for a before/after.

This is the pass that held the peak of the million-article light build (session 6: 1,744 MB).
Figures, not a test: read them with the load average printed beside each row.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_RUN = r"""
import resource, sys, time
from pathlib import Path
from kzru_lib import store
work, rev = Path(sys.argv[1]), sys.argv[2]
fn = store._mark_duplicates
if rev:
    import ast, subprocess
    source = subprocess.run(["git", "show", f"{rev}:kzru_lib/store.py"], capture_output=True, text=True,
                            check=True, cwd=sys.argv[3]).stdout
    node = next(n for n in ast.parse(source).body if getattr(n, "name", "") == "_mark_duplicates")
    namespace = dict(vars(store))
    exec(compile(ast.Module([node], []), "old_store", "exec"), namespace)
    fn = namespace["_mark_duplicates"]
root = work.parent / "root"
root.mkdir()
con = store._duckdb(work)
wall, cpu = time.time(), time.process_time()
copies = fn(root, work, con)
con.close()
print(f"{time.time() - wall:.1f} {time.process_time() - cpu:.1f} "
      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} {copies}")
"""


def _signature_batch(files: list[str]):
    import pandas as pd

    from kzru_lib.loading import read_article
    from kzru_lib.store import _signature_tables

    corpus = pd.DataFrame({"doc_id": [Path(f).stem for f in files],
                           "text": [read_article(f, max_bytes=10**8)["norm_text"] for f in files],
                           "published": [None] * len(files)})
    return _signature_tables(corpus)


def work_folder(n: int, source: Path) -> Path:
    """``bench_data/dup_work_N`` with ``sigs/`` and ``bands/`` parts of the first n articles (made once)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from kzru_lib.parallel import map_batches

    work = ROOT / "bench_data" / f"dup_work_{n}"
    if (work / "done").exists():
        return work
    shutil.rmtree(work, ignore_errors=True)
    files = sorted(str(p) for p in source.glob("*.txt"))[:n]
    if len(files) < n:
        raise SystemExit(f"{source} holds {len(files)} articles, fewer than {n}")
    batches = [files[k:k + 500] for k in range(0, n, 500)]
    for k, tables in enumerate(map_batches(_signature_batch, batches, workers=os.cpu_count() or 1)):
        for name, frame in tables.items():
            (work / name.lstrip("_")).mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), work / name.lstrip("_") / f"{k:06d}.parquet")
    (work / "done").write_text("")
    return work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench_data" / "corpus_1000k")
    parser.add_argument("--old", metavar="REV", help="also run _mark_duplicates as it was at this git revision")
    args = parser.parse_args(argv)
    print(f"{'code':<10} {'articles':>9} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'copies':>7}  load")
    for n in args.sizes:
        work = work_folder(n, args.corpus)
        for rev in ([args.old] if args.old else []) + [""]:
            with tempfile.TemporaryDirectory(prefix="kzru_dup_") as tmp:
                copy = Path(tmp) / "work"
                shutil.copytree(work / "sigs", copy / "sigs")
                shutil.copytree(work / "bands", copy / "bands")
                out = subprocess.run(["nice", sys.executable, "-c", _RUN, str(copy), rev, str(ROOT)],
                                     capture_output=True, text=True, cwd=ROOT)
                if out.returncode:
                    print(out.stderr, file=sys.stderr)
                    return 1
                wall, cpu, peak, copies = out.stdout.splitlines()[-1].split()
                print(f"{rev or 'this':<10} {n:>9,} {float(wall):>8.1f} {float(cpu):>8.1f} {int(peak):>8,} "
                      f"{int(copies):>7,}  {os.getloadavg()[0]:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
