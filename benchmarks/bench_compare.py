"""Benchmark ``kzru compare`` on the generated corpus: the whole command, and the pairing alone.

    .venv/bin/python benchmarks/make_corpus.py --n 10000 --out bench_data/corpus_10k   # once
    .venv/bin/python benchmarks/bench_compare.py [--corpus bench_data/corpus_10k] [--scale 10]

Prints (``name: value`` lines):

1. the whole ``kzru compare DIR -o FILE.csv --disagreements PAIRS.csv`` command in a fresh
   process (loading, cleaning, figures, comparison): seconds, articles/second, peak memory of
   the child, groups, disagreements and pairs listed (target: 10,000 articles in under a minute);
2. the comparison alone (:func:`kzru_lib.figures.compare_figures` and
   :func:`kzru_lib.figures.figure_disagreements` on the figures the command found), and on the
   same figures repeated ``--scale`` times under new article ids (as many claims as a corpus
   ``scale`` times larger): seconds per run, so the growth with the number of claims shows
   (near-linear: claims are indexed by key and intervals sorted, not compared pair by pair).
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


def _kzru() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "kzru"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kzru_lib.cli"]


def main(argv: list[str] | None = None) -> int:
    import pandas as pd

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "bench_data" / "corpus_10k"))
    ap.add_argument("--scale", type=int, default=10, help="repeat the figures this many times for the pairing run")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise SystemExit(f"{corpus}: no such corpus folder (make it with benchmarks/make_corpus.py)")
    n_articles = sum(1 for p in corpus.iterdir() if p.suffix == ".txt")
    with tempfile.TemporaryDirectory() as tmp:
        out, pairs, figs = Path(tmp) / "compare.csv", Path(tmp) / "pairs.csv", Path(tmp) / "figures.csv"
        t0 = time.perf_counter()
        res = subprocess.run([*_kzru(), "compare", str(corpus), "-o", str(out), "--disagreements", str(pairs)],
                             cwd=ROOT, capture_output=True, text=True, env={**os.environ, "KZRU_QUIET": "1"})
        seconds = time.perf_counter() - t0
        if res.returncode:
            raise SystemExit(f"kzru compare failed:\n{res.stderr}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        table, listed = pd.read_csv(out), pd.read_csv(pairs)
        print(f"articles: {n_articles}")
        print(f"kzru compare seconds: {seconds:.1f}")
        print(f"kzru compare articles/second: {n_articles / seconds:.0f}")
        print(f"kzru compare peak memory MB: {peak:.0f}")
        print(f"groups: {len(table)}; with disagreement: {int(table['disagreement'].sum())}; "
              f"pairs listed: {len(listed)}")
        res = subprocess.run([*_kzru(), "figures", str(corpus), "-o", str(figs)], cwd=ROOT, capture_output=True,
                             text=True, env={**os.environ, "KZRU_QUIET": "1"})
        if res.returncode:
            raise SystemExit(f"kzru figures failed:\n{res.stderr}")
        figures = pd.read_csv(figs, dtype={"doc_id": str}, keep_default_na=False,
                              na_values={"value": [""], "low": [""], "high": [""]})
    sys.path.insert(0, str(ROOT))
    from kzru_lib.figures import compare_figures, figure_disagreements

    for k in (1, args.scale):
        big = pd.concat([figures.assign(doc_id=figures["doc_id"] + f"#{i}") for i in range(k)], ignore_index=True)
        t0 = time.perf_counter()
        compare_figures(big)
        figure_disagreements(big)
        print(f"pairing alone x{k} ({len(big)} figures): {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
