"""Benchmark: load + clean (`kzru lines`) against jusText on the same articles.

    .venv/bin/python benchmarks/bench_lines.py [--n 10000] [--justext-sample 1000]

Generates the corpus with make_corpus.py if it is missing, then prints:
* the whole `kzru lines DIR -o FILE.csv` command, process start included: wall time,
  articles/second, MB/second and peak memory (ru_maxrss of the child);
* the library call (read_corpus) in this process: articles/s, MB/s, peak traced memory;
* jusText (paragraph-level boilerplate removal; each line wrapped as a <p>) on a sample of the
  same articles, decoded the same way, extrapolated to articles/s;
* the ratio, against the issue's target of at least 3x jusText's throughput.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--justext-sample", type=int, default=1000)
    args = ap.parse_args()
    corpus_dir = ROOT / "bench_data" / (f"corpus_{args.n // 1000}k" if args.n >= 1000 else f"corpus_{args.n}")
    if not corpus_dir.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", str(args.n),
                        "--out", str(corpus_dir)], check=True)
    files = sorted(corpus_dir.glob("*.txt"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"corpus: {len(files)} articles, {mb:.1f} MB ({corpus_dir.relative_to(ROOT)})")

    out = ROOT / "bench_data" / "lines.csv"
    kzru = Path(sys.executable).with_name("kzru")
    t0 = time.perf_counter()
    subprocess.run([str(kzru), "lines", str(corpus_dir), "-o", str(out)], check=True, stderr=subprocess.DEVNULL)
    cmd = time.perf_counter() - t0
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"kzru lines (command, process start included): {cmd:.2f} s, {len(files) / cmd:,.0f} articles/s, "
          f"{mb / cmd:.2f} MB/s, peak RSS {child_rss:,.0f} MB")

    from kzru_lib import read_corpus
    from kzru_lib.loading import read_article

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, lines = read_corpus(corpus_dir)
    lib = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"read_corpus (library, in this process): {lib:.2f} s, {len(corpus) / lib:,.0f} articles/s, "
          f"{mb / lib:.2f} MB/s, peak RSS {peak:,.0f} MB, {len(lines):,} lines audited")

    import justext

    stop = justext.get_stoplist("English")
    sample = files[: args.justext_sample]
    texts = [read_article(f)["norm_text"] for f in sample]
    t0 = time.perf_counter()
    for text in texts:
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
        justext.justext(html.encode("utf-8"), stop)
    jt = time.perf_counter() - t0
    jt_rate = len(texts) / jt
    print(f"jusText (library, {len(texts)} of the same articles, decoding excluded): {jt:.2f} s, "
          f"{jt_rate:,.0f} articles/s")
    ratio = (len(files) / cmd) / jt_rate
    print(f"ratio: kzru lines command = {ratio:.1f}x jusText's throughput (target >= 3x): "
          f"{'MET' if ratio >= 3 else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
