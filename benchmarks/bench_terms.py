"""Benchmark the term stage: document-term table speed and memory, with CountVectorizer as yardstick.

    .venv/bin/python benchmarks/bench_terms.py [--n 10000] [--n-cli 20000] [--repeat 3] [--worker N]

1. On the generated corpus (``benchmarks/make_corpus.py``, created if missing): load it once, then
   time ``terms.doc_terms(corpus)`` (kept text, default options, in this process) and
   ``sklearn CountVectorizer().fit_transform`` on the same kept texts, interleaved, ``--repeat``
   times (median wall and CPU seconds). Prints tokens/second and peak memory (tracemalloc, a
   separate run so it does not slow the timed ones).
2. The whole command ``kzru terms DIR -o FILE.csv`` as a subprocess on ``--n-cli`` articles
   (process start, loading, cleaning, counting, writing; ``terms.read_term_counts`` counts each
   article in the worker that cleaned it, ``frequency_of_counts`` sums the counts), against ``CountVectorizer().fit_transform`` on the
   raw texts of the same files (read beforehand, not timed), interleaved, ``--repeat-cli`` times
   (medians; the machine's load shifts from run to run). Also the command's peak memory (the
   largest resident set of the command and its workers, from ``/usr/bin/time`` when present).
3. ``--worker N``: the CPU per article of what each worker of ``kzru terms`` does, in this process
   (``loading._clean_chunk`` with the counting hook, then pickling the batch's result, batches of
   200): N articles of the 20,000-article corpus after 1,000 others warmed the per-process memos,
   ``--repeat`` times (minimum and median). CPU time of one process is steadier than wall time on a
   shared machine; for instruction counts run only this part under valgrind
   (``valgrind --tool=cachegrind --cache-sim=no``, ``PYTHONHASHSEED=0``) at two values of N and
   divide the difference. With ``--worker`` only this part runs.

Prints ``name: value`` lines. Figures, not a test: on a shared machine read them with the load
average printed at the start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def ensure_corpus(n: int) -> Path:
    folder = ROOT / "bench_data" / (f"corpus_{n // 1000}k" if n % 1000 == 0 else f"corpus_{n}")
    if not (folder / "metadata.csv").exists():
        print(f"generating {folder.relative_to(ROOT)} ...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", str(n),
                        "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def peak_mib(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def worker_cpu(n: int, repeat: int) -> None:
    """Part 3: CPU milliseconds per article of one worker's job (read, clean, count, pickle the batch)."""
    import pickle

    from kzru_lib import cleaning, loading, terms
    from kzru_lib.parallel import paused_gc

    files = sorted(str(p) for p in ensure_corpus(20_000).glob("*.txt"))
    warm, files = files[:1000], files[1000:1000 + n]
    table = cleaning._default_patterns()
    hook = terms.TermCounts(terms._counter(terms.term_options(), 1), raw_text=False)

    def job(batch: list[str]) -> None:
        for i in range(0, len(batch), 200):
            with paused_gc():  # as map_batches runs a worker's batch
                pickle.dumps(loading._clean_chunk(batch[i:i + 200], loading.MAX_BYTES, table, hook, False), -1)

    job(warm)
    runs = [timed(lambda: job(files))[2] * 1000 / len(files) for _ in range(repeat)]
    print(f"worker CPU per article ({len(files)} articles, {repeat} runs; load average "
          f"{os.getloadavg()[0]:.2f}): min {min(runs):.3f} ms, median {statistics.median(runs):.3f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--n-cli", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-cli", type=int, default=3)
    parser.add_argument("--worker", type=int, default=0, metavar="N",
                        help="only part 3: CPU per article of a worker's job on N articles")
    args = parser.parse_args(argv)
    if args.worker:
        worker_cpu(args.worker, args.repeat)
        return 0

    from sklearn.feature_extraction.text import CountVectorizer

    from kzru_lib import terms
    from kzru_lib.loading import load_corpus

    print(f"cpus: {os.cpu_count()}  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    folder = ensure_corpus(args.n)
    corpus, wall, _ = timed(lambda: load_corpus(folder))
    print(f"articles: {len(corpus)}  (load_corpus: {wall:.1f} s, not part of the figures below)")
    texts = corpus["text"].tolist()
    options = terms.term_options()

    jobs = {
        "doc_terms": lambda: terms.doc_terms(corpus, options=options),
        "CountVectorizer": lambda: CountVectorizer().fit_transform(texts),
    }
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in jobs}
    dt = None
    for _ in range(args.repeat):
        for name, job in jobs.items():
            out, wall, cpu = timed(job)
            results[name].append((wall, cpu))
            if name == "doc_terms":
                dt = out
    n_tokens = int(dt["count"].sum())
    print(f"counted tokens (after stop words): {n_tokens}  document-term rows: {len(dt)}  terms: {dt['term'].nunique()}")
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"{name}: median wall {wall:.2f} s, cpu {cpu:.2f} s, {n_tokens / wall:,.0f} tokens/s (wall)")
    print(f"doc_terms peak memory (tracemalloc): {peak_mib(jobs['doc_terms']):.0f} MiB")
    print(f"CountVectorizer peak memory (tracemalloc): {peak_mib(jobs['CountVectorizer']):.0f} MiB")
    ratio = statistics.median(r[0] for r in results["doc_terms"]) / statistics.median(
        r[0] for r in results["CountVectorizer"])
    print(f"doc_terms / CountVectorizer wall ratio: {ratio:.2f}")

    if args.n_cli:
        big = ensure_corpus(args.n_cli)
        raw = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(big.glob("*.txt"))]
        kzru = Path(sys.executable).with_name("kzru")
        import resource

        cli_walls, cv_walls, peaks, cli_cpus, cv_cpus = [], [], [], [], []
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [str(kzru), "terms", str(big), "-o", str(Path(tmp) / "terms.csv")]
            gnu_time, report = Path("/usr/bin/time"), Path(tmp) / "time.txt"
            for _ in range(args.repeat_cli):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                if gnu_time.exists():
                    _, wall, _ = timed(lambda: subprocess.run(
                        [str(gnu_time), "-f", "%M", "-o", str(report), *cmd], check=True, stderr=subprocess.DEVNULL))
                    peaks.append(int(report.read_text().split()[-1]) / 1024)
                else:
                    _, wall, _ = timed(lambda: subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL))
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cli_cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                cli_walls.append(wall)
                _, cv_wall, cv_cpu = timed(lambda: CountVectorizer().fit_transform(raw))
                cv_walls.append(cv_wall)
                cv_cpus.append(cv_cpu)
        cli_wall, cv_wall = statistics.median(cli_walls), statistics.median(cv_walls)
        print(f"kzru terms on {len(raw)} articles (whole command): median {cli_wall:.1f} s "
              f"(runs: {', '.join(f'{w:.1f}' for w in cli_walls)})")
        if peaks:
            print(f"kzru terms peak resident memory (largest process): {max(peaks):.0f} MiB")
        print(f"CountVectorizer().fit_transform on the same {len(raw)} raw texts: median {cv_wall:.1f} s "
              f"(runs: {', '.join(f'{w:.1f}' for w in cv_walls)})")
        print(f"kzru terms / CountVectorizer wall ratio: {cli_wall / cv_wall:.2f} (target: 1.00 or less)")
        cli_cpu, cv_cpu = statistics.median(cli_cpus), statistics.median(cv_cpus)
        print(f"CPU seconds (the command and its workers / CountVectorizer): {cli_cpu:.1f} / {cv_cpu:.1f}; "
              f"on {os.cpu_count()} idle cores the command would take about "
              f"{cli_cpu / min(os.cpu_count() or 1, 4) / cv_cpu:.2f}x CountVectorizer's time (read beside the wall "
              "ratio when the machine is shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
