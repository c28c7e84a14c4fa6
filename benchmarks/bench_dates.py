"""Benchmark ``kzru dates`` against ``dateparser.search.search_dates`` (speed and precision).

    .venv/bin/python benchmarks/bench_dates.py [--corpus bench_data/corpus_10k] [--sample 100]

1. Speed: runs the whole command ``kzru dates CORPUS -o FILE.csv`` in a fresh process (process
   start, reading, cleaning and date finding included) and reports articles/second, dates/second
   and milliseconds per article. In the same run, ``search_dates(text, languages=['en'])`` is
   timed on a seeded random sample of the same articles (decoded text, one call per article,
   after one warm-up call), and the per-article ratio is printed (target: kzru >= 25x faster).
2. Precision on the seed articles against ``../shared/gold/dates.csv``: kzru's
   (doc_id, line_no, value) triples, and dateparser run on every kept line of the seeds (the
   same text kzru reads; publication date as ``RELATIVE_BASE``) and on every raw line. A
   dateparser hit counts as correct when its line has a gold date it agrees with at the gold's
   precision (same year for a year, same month for a month, same day for a day, either end of a
   range) — a lenient reading in dateparser's favour.

``--stage`` also prints the CPU time of the date stage alone (``extract_dates`` in this process, one
worker, best of three, after loading and cleaning), a figure a loaded machine disturbs less than
wall time.

Prints figures only; not a test. Generate the corpus first with ``benchmarks/make_corpus.py``.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "dates.csv"


def run_kzru(corpus: Path, out: Path) -> tuple[float, int]:
    """Wall time of the whole ``kzru dates`` command and the number of dates it wrote."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kzru_lib.cli", "dates", str(corpus), "-o", str(out)],
                          capture_output=True, text=True, env={"KZRU_QUIET": "1", "PATH": "/usr/bin:/bin"})
    wall = time.perf_counter() - t0
    if proc.returncode:
        sys.exit(f"kzru dates failed: {proc.stderr.strip()}")
    with out.open(encoding="utf-8", newline="") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    return wall, n


def run_dateparser(files: list[Path]) -> tuple[float, int]:
    """Seconds spent in search_dates over the files (after one warm-up call), and dates found."""
    from dateparser.search import search_dates

    from kzru_lib.loading import decode_bytes

    search_dates("warm up on 1 May 2020", languages=["en"])
    found = 0
    spent = 0.0
    for path in files:
        text, _ = decode_bytes(path.read_bytes())
        t0 = time.perf_counter()
        hits = search_dates(text, languages=["en"])
        spent += time.perf_counter() - t0
        found += len(hits or [])
    return spent, found


def _gold() -> dict[tuple[str, int], list[str]]:
    out: dict[tuple[str, int], list[str]] = {}
    with GOLD.open(encoding="utf-8", newline="") as fh:
        for g in csv.DictReader(fh):
            out.setdefault((g["doc_id"], int(g["line_no"])), []).append(g["value"])
    return out


def _agrees(dt: datetime, value: str) -> bool:
    for part in value.split("/"):
        bits = part.split("-")
        want = [int(b) for b in bits if b.isdigit()]
        got = [dt.year, dt.month, dt.day][: len(want)]
        if len(want) == len(bits) and got == want:
            return True
    return False


def _prf(correct: int, found: int, gold_total: int, gold_hit: int) -> tuple[float, float]:
    return (correct / found if found else 1.0), (gold_hit / gold_total if gold_total else 1.0)


def seed_precision() -> None:
    """Print kzru's and dateparser's precision and recall on the seeds."""
    from dateparser.search import search_dates

    from kzru_lib.dates import extract_dates
    from kzru_lib.loading import read_corpus

    if not GOLD.exists():
        print(f"seed precision: skipped (no gold at {GOLD})")
        return
    gold = _gold()
    gold_total = sum(len(v) for v in gold.values())
    gold_docs = {d for d, _ in gold}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, lines = read_corpus(ROOT / "seeds")
    dates = extract_dates(corpus, lines=lines)
    dates = dates[dates["doc_id"].isin(gold_docs)]
    left = {k: list(v) for k, v in gold.items()}
    correct = 0
    for doc_id, line_no, value in zip(dates["doc_id"], dates["line_no"], dates["value"], strict=True):
        if value in left.get((doc_id, line_no), []):
            left[(doc_id, line_no)].remove(value)
            correct += 1
    p, r = _prf(correct, len(dates), gold_total, correct)
    print(f"seeds kzru: {len(dates)} dates, precision {p:.3f}, recall {r:.3f}")

    published = dict(zip(corpus["doc_id"], corpus["published"], strict=True))
    for scope in ("kept lines", "raw lines"):
        part = lines[lines["doc_id"].isin(gold_docs)]
        if scope == "kept lines":
            part = part[part["label"].isin(["title", "heading", "body"]) | (part["label"] == "metadata")]
        found = correct = 0
        hit: set[tuple[str, int, str]] = set()
        for doc_id, line_no, text in zip(part["doc_id"], part["line_no"], part["text"], strict=True):
            settings = {}
            pub = published.get(doc_id)
            if pub:
                settings["RELATIVE_BASE"] = datetime(*[int(x) for x in (pub + "-01-01").split("-")[:3]])
            for _, dt in search_dates(text, languages=["en"], settings=settings) or []:
                found += 1
                good = [v for v in gold.get((doc_id, line_no), []) if _agrees(dt, v)]
                if good:
                    correct += 1
                    hit.add((doc_id, line_no, good[0]))
        p, r = _prf(correct, found, gold_total, len(hit))
        print(f"seeds dateparser ({scope}): {found} dates, precision {p:.3f}, recall {r:.3f}")


def stage_cpu_ms(corpus: Path) -> float:
    """CPU milliseconds per article of ``extract_dates`` alone (one worker, best of three runs)."""
    from kzru_lib.cleaning import audit_lines
    from kzru_lib.dates import extract_dates, load_date_rules
    from kzru_lib.loading import load_corpus

    articles = load_corpus(corpus)
    lines = audit_lines(articles)
    rules = load_date_rules()
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract_dates(articles, lines=lines, rules=rules, workers=1)
        best = min(best, time.process_time() - t0)
    return 1000 * best / len(articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT / "bench_data" / "corpus_10k"))
    parser.add_argument("--sample", type=int, default=100, help="articles given to dateparser")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stage", action="store_true", help="also time the date stage alone (CPU)")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    files = sorted(corpus.rglob("*.txt"))
    if not files:
        sys.exit(f"{corpus}: no articles; run: .venv/bin/python benchmarks/make_corpus.py --out {corpus}")

    with tempfile.TemporaryDirectory() as tmp:
        wall, n_dates = run_kzru(corpus, Path(tmp) / "dates.csv")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n = len(files)
    print(f"corpus: {corpus} ({n} articles)")
    print(f"kzru dates (whole command, process start included): {wall:.1f} s, {n_dates} dates, "
          f"peak memory {peak_mb:.0f} MB")
    print(f"kzru articles/second: {n / wall:.1f}")
    print(f"kzru dates/second: {n_dates / wall:.1f}")
    print(f"kzru ms/article: {1000 * wall / n:.2f}")

    sample = random.Random(args.seed).sample(files, min(args.sample, n))
    spent, found = run_dateparser(sample)
    dp_ms = 1000 * spent / len(sample)
    print(f"dateparser search_dates on {len(sample)} sampled articles: {spent:.1f} s, {found} dates "
          f"({found / len(sample):.1f}/article, kzru {n_dates / n:.1f}/article)")
    print(f"dateparser ms/article: {dp_ms:.2f}")
    print(f"speed-up per article (dateparser / kzru): {dp_ms / (1000 * wall / n):.1f}x (target >= 25x)")
    if args.stage:
        print(f"kzru date stage alone (extract_dates, 1 worker, CPU, best of 3): {stage_cpu_ms(corpus):.2f} ms/article")
    seed_precision()
    return 0


if __name__ == "__main__":
    sys.exit(main())
