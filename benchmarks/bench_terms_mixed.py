"""Benchmark ``kzru terms`` on a mixed English + Russian corpus against an English one of the same size.

    .venv/bin/python benchmarks/bench_terms_mixed.py [--n 5000] [--russian 0.5] [--repeat 2]

Generates (once) two corpora with ``benchmarks/make_corpus.py``: ``--n`` English articles, and ``--n``
articles of which a ``--russian`` share is Russian (lemmatised with pymorphy3, aliased across scripts).
Runs the whole command ``kzru terms DIR -o FILE.csv`` on each, interleaved, ``--repeat`` times, and
prints the median wall and CPU time (the command and its workers), articles/s and MB/s of input for
each, and the ratio mixed / English of the time per article and per MB (issue 15: within 2.0).
On a shared machine read the CPU ratio beside the wall one.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ensure_corpus(n: int, russian: float) -> Path:
    name = f"corpus_{n}" + (f"_ru{round(russian * 100)}" if russian else "")
    folder = ROOT / "bench_data" / name
    if not (folder / "metadata.csv").exists():
        print(f"generating {folder.relative_to(ROOT)} ...", flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", str(n),
                        "--russian", str(russian), "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def run(cmd: list[str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--russian", type=float, default=0.5)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"cpus: {os.cpu_count()}  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    corpora = {"english": ensure_corpus(args.n, 0.0), "mixed": ensure_corpus(args.n, args.russian)}
    kzru = Path(sys.executable).with_name("kzru")
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in corpora}
    summary = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for name, folder in corpora.items():
                wall, cpu, line = run([str(kzru), "terms", str(folder), "-o", str(Path(tmp) / f"{name}.csv")])
                results[name].append((wall, cpu))
                summary[name] = line
    per = {}
    for name, folder in corpora.items():
        mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
        n_ru = sum(1 for line in (folder / "metadata.csv").read_text(encoding="utf-8").splitlines() if line.endswith(",ru"))
        wall = statistics.median(r[0] for r in results[name])
        cpu = statistics.median(r[1] for r in results[name])
        per[name] = (wall / args.n, cpu / args.n, wall / mb, cpu / mb)
        print(f"{name}: {args.n} articles ({n_ru} Russian), {mb:.1f} MB; median wall {wall:.1f} s, cpu {cpu:.1f} s; "
              f"{args.n / wall:,.0f} articles/s, {mb / wall:.2f} MB/s (wall); runs: "
              f"{', '.join(f'{w:.1f}' for w, _ in results[name])}")
        print(f"  {summary[name]}")
    e, m = per["english"], per["mixed"]
    print(f"mixed / english time per article: wall {m[0] / e[0]:.2f}, cpu {m[1] / e[1]:.2f} (target: 2.00 or less)")
    print(f"mixed / english time per MB: wall {m[2] / e[2]:.2f}, cpu {m[3] / e[3]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
