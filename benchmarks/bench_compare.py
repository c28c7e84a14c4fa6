"""Benchmark ``kzru compare`` on the generated corpus: the whole command, and the pairing alone.

    .venv/bin/python benchmarks/make_corpus.py --n 10000 --out bench_data/corpus_10k   # once
    .venv/bin/python benchmarks/bench_compare.py [--corpus bench_data/corpus_10k] [--scale 10] [--command-only]

Prints (``name: value`` lines):

1. the whole ``kzru compare DIR -o FILE.csv --disagreements PAIRS.csv`` command in a fresh
   process (loading, cleaning, figures, comparison): seconds, CPU seconds, articles/second, peak
   memory of its process tree (the command and its workers, sampled every 0.1 s), groups,
   disagreements and pairs listed (target: 10,000 articles in under a minute). ``--corpus`` may
   be a store (``kzru build``): then only the comparison runs, one block of metrics at a time;
   above 20,000 articles the command itself works through a temporary store;
2. the comparison alone (:func:`kzru_lib.figures.compare_figures` and
   :func:`kzru_lib.figures.figure_disagreements` on the figures the command found), and on the
   same figures repeated ``--scale`` times under new article ids (as many claims as a corpus
   ``scale`` times larger): seconds per run, so the growth with the number of claims shows
   (near-linear: claims are indexed by key and intervals sorted, not compared pair by pair).
"""

from __future__ import annotations

import argparse
import json
import os
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
    ap.add_argument("--command-only", action="store_true", help="only the whole command (part 1)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before the command is stopped")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_build import measure

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise SystemExit(f"{corpus}: no such corpus folder (make it with benchmarks/make_corpus.py)")
    manifest = corpus / "manifest.json"
    n_articles = (json.loads(manifest.read_text())["counts"]["corpus"] if manifest.is_file()
                  else sum(1 for p in corpus.iterdir() if p.suffix == ".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        out, pairs, figs = Path(tmp) / "compare.csv", Path(tmp) / "pairs.csv", Path(tmp) / "figures.csv"
        run = measure([*_kzru(), "compare", str(corpus), "-o", str(out), "--disagreements", str(pairs)],
                      timeout=args.timeout)
        if run["status"]:
            raise SystemExit(f"kzru compare failed ({run['status']}):\n{run['stderr']}")
        seconds = run["seconds"]
        table = pd.read_csv(out)
        n_pairs = sum(1 for _ in pairs.open(encoding="utf-8")) - 1
        print(f"articles: {n_articles}{' (a store: comparison only)' if manifest.is_file() else ''}")
        print(f"kzru compare seconds: {seconds:.1f}")
        print(f"kzru compare CPU seconds: {run['cpu_seconds']:.1f}")
        print(f"kzru compare articles/second: {n_articles / seconds:.0f}")
        print(f"kzru compare peak memory MB (process tree): {run['peak_rss_mb']}")
        print(f"groups: {len(table)}; with disagreement: {int(table['disagreement'].sum())}; "
              f"pairs listed: {n_pairs}")
        if args.command_only or manifest.is_file():
            return 0
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
