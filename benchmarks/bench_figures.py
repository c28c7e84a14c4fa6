"""Benchmark ``kzru figures`` against quantulum3: speed on the generated corpus, precision on the seeds.

    .venv/bin/python benchmarks/make_corpus.py                 # once: bench_data/corpus_10k
    .venv/bin/python benchmarks/bench_figures.py [--corpus bench_data/corpus_10k] [--sample 20]

Prints (``name: value`` lines):

1. the whole ``kzru figures DIR -o FILE.csv`` command, process start included: seconds,
   articles/second, figures/second, peak memory, wall and CPU time per article (CPU time is
   the fairer yardstick on a shared, loaded machine; both are printed with the load average);
2. quantulum3 (the yardstick) on an evenly spaced sample of the same articles, in this run:
   seconds per article (its import time reported apart, not charged) and the speed ratio;
3. precision and recall of both on the seed articles against ``../shared/gold/figures.csv``,
   both given the same kept lines (so boilerplate does not penalise quantulum3).

Note: quantulum3's bundled unit classifier is a pickle that does not load with the installed
scikit-learn (``No module named '_loss'``), so it runs with ``classifier.USE_CLF = False``,
its documented fallback; that mode is faster than the classifier, which favours quantulum3.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"


def run_kzru(corpus: Path) -> dict:
    """Time the whole command in a fresh process; count articles and figures."""
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.csv"
        kzru = ROOT / ".venv" / "bin" / "kzru"
        cmd = [str(kzru)] if kzru.exists() else [sys.executable, "-m", "kzru_lib.cli"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        res = subprocess.run([*cmd, "figures", str(corpus), "-o", str(out)], cwd=ROOT, capture_output=True,
                             text=True, env={**os.environ, "KZRU_QUIET": "1"})
        seconds = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if res.returncode:
            sys.exit(f"kzru figures failed: {res.stderr.strip()}")
        figures = pd.read_csv(out, keep_default_na=False)
    articles = len(list(corpus.glob("*.txt")))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "cpu": cpu, "articles": articles, "figures": len(figures), "peak_mb": peak_mb,
            "with_metric": int((figures["metric"] != "").sum()), "with_period": int((figures["period"] != "").sum()),
            "with_speaker": int((figures["speaker"] != "").sum())}


def load_quantulum():
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser
    classifier.USE_CLF = False  # the bundled pickle does not load with this scikit-learn (see module note)
    return parser, time.perf_counter() - t0


def run_quantulum(parser, corpus: Path, sample: int) -> dict:
    files = sorted(corpus.glob("*.txt"))
    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in chosen]
    t0, c0 = time.perf_counter(), time.process_time()
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts:
            found += len(parser.parse(text))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"articles": len(texts), "seconds": seconds, "cpu": cpu, "quantities": found}


def _gold() -> list[dict]:
    with open(GOLD / "figures.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _prf(system: list[tuple], gold: list[dict]) -> tuple[float, float, int]:
    """The matching of ../shared/tools/score.py: same doc, line, unit, value within 0.5 %."""
    used, tp = set(), 0
    for g in gold:
        gv = float(g["value"])
        for i, (doc, line, value, unit) in enumerate(system):
            if i in used or doc != g["doc_id"] or line != int(g["line_no"]):
                continue
            if abs(value - gv) <= 0.005 * abs(gv) and unit.lower() == g["unit"].lower():
                used.add(i)
                tp += 1
                break
    precision = tp / len(system) if system else 1.0
    return precision, tp / len(gold), len(system)


def _quantulum_unit(q) -> str:
    name = q.unit.name.lower()
    if "dollar" in name:
        return "USD"
    if "percent" in name:
        return "percent"
    if name == "dimensionless":
        return "count"
    return name


def seed_precision(parser) -> dict:
    from kzru_lib.figures import extract_figures
    from kzru_lib.loading import load_corpus
    from kzru_lib.segment import kept_lines

    corpus = load_corpus(ROOT / "seeds")
    gold = _gold()
    docs = {g["doc_id"] for g in gold}
    ours = extract_figures(corpus)
    ours_rows = [(r.doc_id, int(r.line_no), float(r.value), r.unit) for r in ours.itertuples() if r.doc_id in docs]
    theirs = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for r in kept_lines(corpus).itertuples():
            if r.doc_id not in docs:
                continue
            for q in parser.parse(r.text):
                try:
                    theirs.append((r.doc_id, int(r.line_no), float(q.value), _quantulum_unit(q)))
                except (TypeError, ValueError):
                    continue
    p_ours, r_ours, n_ours = _prf(ours_rows, gold)
    p_q, r_q, n_q = _prf(theirs, gold)
    return {"gold": len(gold), "ours": (p_ours, r_ours, n_ours), "quantulum": (p_q, r_q, n_q)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "bench_data" / "corpus_10k"))
    ap.add_argument("--sample", type=int, default=20, help="articles given to quantulum3")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"{corpus}: no such folder; run benchmarks/make_corpus.py first")

    k = run_kzru(corpus)
    per_article_ms = 1000 * k["seconds"] / k["articles"]
    print(f"corpus: {corpus.name} ({k['articles']} articles)")
    print(f"kzru figures (whole command, process start included): {k['seconds']:.1f} s")
    print(f"kzru articles/second: {k['articles'] / k['seconds']:.1f}")
    print(f"kzru figures/second: {k['figures'] / k['seconds']:.0f}")
    print(f"kzru figures found: {k['figures']} (with metric {k['with_metric']}, period {k['with_period']}, "
          f"speaker {k['with_speaker']})")
    print(f"kzru ms/article: {per_article_ms:.1f} wall, {1000 * k['cpu'] / k['articles']:.1f} CPU")
    print(f"kzru peak memory: {k['peak_mb']:.0f} MB")

    parser, import_s = load_quantulum()
    q = run_quantulum(parser, corpus, args.sample)
    q_ms = 1000 * q["seconds"] / q["articles"]
    print(f"quantulum3 import (not charged): {import_s:.1f} s")
    print(f"quantulum3 on a sample of {q['articles']} articles: {q['seconds']:.1f} s, {q['quantities']} quantities")
    q_cpu_ms = 1000 * q["cpu"] / q["articles"]
    print(f"quantulum3 ms/article: {q_ms:.0f} wall, {q_cpu_ms:.0f} CPU")

    if (GOLD / "figures.csv").exists():
        s = seed_precision(parser)
        for name in ("ours", "quantulum"):
            p, r, n = s[name]
            label = "kzru" if name == "ours" else "quantulum3"
            print(f"{label} on the seeds: {n} figures, precision {p:.3f}, recall {r:.3f} (gold {s['gold']})")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"speed ratio per article, CPU time (quantulum3 / kzru): {q_cpu_ms / (1000 * k['cpu'] / k['articles']):.0f}x")
    print(f"speed ratio per article, wall time (quantulum3 / kzru, target >= 50): {q_ms / per_article_ms:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
