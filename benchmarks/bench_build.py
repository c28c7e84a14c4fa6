"""Benchmark ``kzru build`` (and single-stage commands) against corpus size: time, memory, store size.

    .venv/bin/python benchmarks/bench_build.py [--sizes 2000 5000] [--light-sizes 20000 100000]
        [--stages corpus terms] [--stage-sizes 5000 20000] [--timeout 300] [--plot docs/bench_build.png]

For each size, the generated corpus (``benchmarks/make_corpus.py``, into git-ignored
``bench_data/``) is built if missing, then each command runs as a subprocess under ``nice``:

* ``build``: ``kzru build DIR --store STORE --skip comparisons`` (every per-article table,
  event merging; figure comparison is left out until ``compare_figures`` is near-linear);
* ``build-light``: ``kzru build ... --skip dates figures`` (read, clean, lines, doc_terms: the
  streaming machinery without the two slowest per-article stages), on ``--light-sizes``;
* for each build, the peak of the process tree within each step of the manifest's ``timings``
  (``read_hashes``, ``template_lines``, ``articles``, ``duplicates``...): where the peak is;
* ``corpus``, ``terms``, ``dates``, ``figures``, ``events``: the single-stage commands
  (``kzru STAGE DIR -o FILE``), on ``--stage-sizes``.

Printed per run: wall seconds, CPU seconds of the command and its workers (user + system: less
sensitive than wall time to what else the shared machine runs), articles per wall second and per
CPU second, peak resident memory of the whole process
tree (psutil, sampled every 0.1 s: the largest sum of RSS over the command and its workers) and
the store's size on disk; with ``--json`` the rows are appended to that file, and ``--plot``
draws time and memory against corpus size from it. Figures, not a test: the machine is shared,
so read them with the load average printed beside each row. A run past ``--timeout`` is stopped
and reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KZRU = [sys.executable, "-m", "kzru_lib.cli"]


def ensure_corpus(n: int) -> Path:
    folder = ROOT / "bench_data" / (f"corpus_{n // 1000}k" if n % 1000 == 0 else f"corpus_{n}")
    if not (folder / "metadata.csv").exists():
        print(f"generating {folder.relative_to(ROOT)} ...", flush=True)
        subprocess.run(["nice", sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", str(n),
                        "--out", str(folder)], check=True)
    return folder


def measure(cmd: list[str], *, timeout: float) -> dict:
    """Run ``cmd`` under nice; wall seconds, peak RSS of its process tree (MB), exit status."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    proc = subprocess.Popen(["nice", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "KZRU_QUIET": "1"})
    parent = psutil.Process(proc.pid)
    peak = 0
    samples: list[tuple[float, int]] = []  # (seconds since start, RSS of the tree), for the peak of each step
    timed_out = False
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            rss = 0
            for p in tree:
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, rss)
            samples.append((time.time() - start, rss))
        except psutil.Error:
            pass
        if time.time() - start > timeout:
            for p in [*parent.children(recursive=True), parent]:
                try:
                    p.kill()
                except psutil.Error:
                    pass
            timed_out = True
            break
        time.sleep(0.1)
    _, err = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and every worker it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": round(time.time() - start, 1), "cpu_seconds": round(cpu, 1),
            "peak_rss_mb": round(peak / 2**20),
            "status": "timeout" if timed_out else proc.returncode, "stderr": err.decode(errors="replace")[-300:],
            "samples": samples}


def peaks_by_step(samples: list[tuple[float, int]], timings: dict[str, float]) -> dict[str, int]:
    """Peak RSS (MB) of the process tree within each step of ``kzru build`` (the manifest's
    ``timings``: seconds per step, in order); the start-up before the first step counts in it."""
    out: dict[str, int] = {}
    end, steps = 0.0, []
    for step, seconds in timings.items():
        end += seconds
        steps.append((end, step))
    for t, rss in samples:
        step = next((name for stop, name in steps if t <= stop + 1.0), steps[-1][1] if steps else "?")
        out[step] = max(out.get(step, 0), round(rss / 2**20))
    return out


def du(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def run(name: str, n: int, folder: Path, timeout: float, comparisons: bool = False) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="kzru_bench_"))
    try:
        if name.startswith("build"):
            store = tmp / "store"
            skip = ([] if comparisons else ["comparisons"]) if name == "build" else ["dates", "figures"]
            cmd = [*KZRU, "build", str(folder), "--store", str(store), "--quiet", *(["--skip", *skip] if skip else [])]
        else:
            store = None
            ext = ".csv"
            cmd = [*KZRU, name, str(folder), "-o", str(tmp / f"out{ext}")]
        label = "build+comparisons" if comparisons and name == "build" else name
        row = {"command": label, "articles": n, **measure(cmd, timeout=timeout)}
        samples = row.pop("samples")
        ok = row["status"] == 0
        row["articles_per_s"] = round(n / row["seconds"], 1) if ok else None
        row["articles_per_cpu_s"] = round(n / row["cpu_seconds"], 1) if ok and row["cpu_seconds"] else None
        row["store_mb"] = du(store) if store is not None and store.exists() else None
        if store is not None and (store / "manifest.json").exists():
            row["timings"] = json.loads((store / "manifest.json").read_text())["timings"]
            row["peak_mb_by_step"] = peaks_by_step(samples, row["timings"])
        row["load_avg"] = round(os.getloadavg()[0], 1)
        return row
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    latest = {(r["command"], r["articles"]): r for r in rows}  # a size measured again: its last run
    rows = list(latest.values())
    for command in sorted({r["command"] for r in rows}):
        pts = sorted((r["articles"], r["seconds"], r["peak_rss_mb"]) for r in rows
                     if r["command"] == command and r["status"] == 0)
        if not pts:
            continue
        xs, ts, ms = zip(*pts, strict=True)
        a.plot(xs, ts, "o-", label=command)
        b.plot(xs, ms, "o-", label=command)
    a.set(xscale="log", yscale="log", xlabel="articles", ylabel="wall time (s)", title="Time")
    b.set(xscale="log", xlabel="articles", ylabel="peak RSS, process tree (MB)", title="Peak memory")
    b.axhline(2048, color="grey", ls="--", lw=1)
    b.text(b.get_xlim()[0], 2048, " 2 GB target", va="bottom", color="grey")
    for ax in (a, b):
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("kzru on generated corpora (2 shared cores, run under nice: noisy)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"plot -> {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 5000], help="sizes for kzru build")
    parser.add_argument("--light-sizes", type=int, nargs="*", default=[20000],
                        help="sizes for kzru build --skip dates figures")
    parser.add_argument("--stages", nargs="*", default=["corpus", "terms"], help="single-stage commands")
    parser.add_argument("--stage-sizes", type=int, nargs="*", default=[5000], help="sizes for the stages")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a run is stopped")
    parser.add_argument("--comparisons", action="store_true",
                        help="full build with figure comparison (by default build skips comparisons)")
    parser.add_argument("--json", type=Path, help="append the rows (JSON lines) to this file")
    parser.add_argument("--plot", type=Path, help="draw time and memory against size from --json's rows "
                                                  "(the last run of each command and size)")
    args = parser.parse_args(argv)

    plan = [("build", n) for n in args.sizes] + [("build-light", n) for n in args.light_sizes]
    plan += [(stage, n) for n in args.stage_sizes for stage in args.stages]
    print(f"{'command':<12} {'articles':>9} {'seconds':>8} {'cpu s':>8} {'art/s':>7} {'art/cpu-s':>9} "
          f"{'peak MB':>8} {'store MB':>9} {'load':>5}  status", flush=True)
    for name, n in plan:
        row = run(name, n, ensure_corpus(n), args.timeout, args.comparisons)
        print(f"{row['command']:<12} {row['articles']:>9} {row['seconds']:>8} {row['cpu_seconds']:>8} "
              f"{row['articles_per_s'] or '-':>7} {row['articles_per_cpu_s'] or '-':>9} "
              f"{row['peak_rss_mb']:>8} {row['store_mb'] or '-':>9} {row['load_avg']:>5}  {row['status']}"
              + (f"  {row['timings']}" if row.get("timings") else ""), flush=True)
        if row.get("peak_mb_by_step"):
            print(f"    peak MB by step: {row['peak_mb_by_step']}", flush=True)
        if row["status"] not in (0, "timeout"):
            print(f"    stderr: {row['stderr']}")
        row.pop("stderr")
        if args.json:
            with open(args.json, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(row) + "\n")
    if args.plot and args.json:
        rows = [json.loads(line) for line in args.json.read_text().splitlines() if line.strip()]
        plot(rows, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
