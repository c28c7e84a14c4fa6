"""Load a news-database export (one CSV row per article) and print time and peak memory.

    .venv/bin/python benchmarks/bench_table_load.py [--n 100000] [--workers N] [--table PATH]
        [--mode store|load|both] [--skip dates figures]

``--mode store`` (the default; the way to read a large export) runs
``kzru build TABLE --store DIR --skip ...`` in a child process under ``nice`` and prints wall and
CPU seconds, articles per second, the peak resident memory of the whole process tree (the command
and its workers), the store's size and the time of each pass: the table is read in batches, twice,
and never held whole. ``--mode load`` times ``kzru_lib.load_corpus`` (the whole corpus table in
memory, every text in it: for small tables only).

Writes ``bench_data/table_<n>.csv`` once (columns ``id, headline, body, date, media_name, url,
section``; the articles of ``benchmarks/make_corpus.py``, about 1 in 20 syndicated to a second
outlet), then loads it with ``kzru_lib.load_corpus`` in a child process and prints the wall time,
articles per second, the child's peak resident memory, the file size, and how many rows were
marked as near-duplicate copies. Rows are read in batches (``loading.TABLE_BATCH``), so memory
grows with the corpus table that is returned, not with a second copy of the file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import OUTLETS, _headline, _sentence, make_article  # noqa: E402

CHILD = """
import json, resource, sys, time
from kzru_lib import load_corpus
start = time.perf_counter()
corpus = load_corpus(sys.argv[1], workers=None if sys.argv[2] == "auto" else int(sys.argv[2]))
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rows": len(corpus), "seconds": seconds, "peak_mb": peak_mb,
                  "copies": int(corpus.duplicate_of.notna().sum()),
                  "text_mb": sum(map(len, corpus.raw_text)) / 1e6}))
"""


def write_table(path: Path, n: int, seed: int = 2024) -> None:
    rng = random.Random(seed)
    story = headline = None
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "headline", "body", "date", "media_name", "url", "section"])
        for i in range(n):
            outlet = OUTLETS[i % len(OUTLETS)]
            year = rng.randint(2019, 2025)
            if story is None or rng.random() > 0.05:
                story = [" ".join(_sentence(rng, year) for _ in range(rng.randint(2, 5)))
                         for _ in range(rng.randint(6, 14))]
                headline = _headline(rng)
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            slug = outlet["name"].lower().replace(" ", "")
            writer.writerow([f"{i:07d}", headline, make_article(rng, outlet, story, headline, year),
                             f"{year}-{month:02d}-{day:02d}", outlet["name"],
                             f"https://{slug}.example/news/{year}/{month:02d}/{day:02d}/{i}",
                             rng.choice(["politics", "economy", "world"])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", default="auto", help="worker processes (default: loading's own choice)")
    parser.add_argument("--table", type=Path, help="an existing export to read (default: bench_data/table_N.csv, "
                                                   "written once)")
    parser.add_argument("--mode", choices=["store", "load", "both"], default="store")
    parser.add_argument("--skip", nargs="*", default=["dates", "figures"],
                        help="tables kzru build leaves out (default: dates figures, the light build)")
    parser.add_argument("--timeout", type=float, default=3600)
    args = parser.parse_args(argv)
    out = HERE.parent / "bench_data"
    out.mkdir(exist_ok=True)
    path = args.table or out / f"table_{args.n}.csv"
    if not path.exists():
        start = time.perf_counter()
        write_table(path, args.n)
        print(f"wrote {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - start:.0f} s")
    if args.mode in ("store", "both"):
        build_store_figures(path, args)
    if args.mode == "store":
        return 0
    env = {**os.environ, "KZRU_QUIET": "1"}
    res = subprocess.run([sys.executable, "-c", CHILD, str(path), str(args.workers)], capture_output=True,
                         text=True, env=env)
    if res.returncode != 0:
        print(res.stderr, file=sys.stderr)
        return 1
    r = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"load_corpus({path.name}): {r['rows']} articles in {r['seconds']:.1f} s "
          f"({r['rows'] / r['seconds']:.0f} articles/s); peak RSS {r['peak_mb']:.0f} MB for a "
          f"{path.stat().st_size / 1e6:.0f} MB file ({r['text_mb']:.0f} MB of text kept in the corpus table); "
          f"{r['copies']} rows marked as near-duplicate copies")
    return 0


def build_store_figures(path: Path, args) -> None:
    """``kzru build TABLE --store DIR`` in a child process: time, CPU, peak RSS of the tree, store size."""
    import shutil
    import tempfile

    from bench_build import KZRU, du, measure

    tmp = Path(tempfile.mkdtemp(prefix="kzru_table_"))
    try:
        store = tmp / "store"
        cmd = [*KZRU, "build", str(path), "--store", str(store), "--quiet"]
        if args.workers != "auto":
            cmd += ["--workers", str(args.workers)]
        if args.skip:
            cmd += ["--skip", *args.skip]
        row = measure(cmd, timeout=args.timeout)
        if row["status"] != 0:
            print(f"kzru build failed ({row['status']}): {row['stderr']}", file=sys.stderr)
            return
        manifest = json.loads((store / "manifest.json").read_text())
        n = manifest["counts"]["corpus"]
        print(f"kzru build {path.name} --skip {' '.join(args.skip) or '-'}: {n} articles in {row['seconds']:.1f} s "
              f"wall, {row['cpu_seconds']:.1f} s CPU ({n / row['seconds']:.0f} articles/s, "
              f"{1000 * row['cpu_seconds'] / n:.2f} ms CPU/article); peak RSS {row['peak_rss_mb']} MB (process "
              f"tree) for a {path.stat().st_size / 1e6:.0f} MB file; store {du(store)} MiB; passes (s): "
              f"{manifest['timings']}; load average {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
