"""CPU-time profile of ``kzru compare`` on a corpus, in one process (one worker), for a shared machine.

    nice .venv/bin/python benchmarks/profile_compare.py [--corpus bench_data/corpus_2k] [--top 12]

Wall time on a machine other jobs share says little; this runs the whole command under
:mod:`cProfile` with :func:`time.process_time` as its clock and prints ``name: value`` lines: the
process's CPU seconds, then the cumulative CPU seconds of the figure stage's steps (sentences and
their dates, then the per-figure metric, parties, hedges, forecast and direction rules, speakers and
the comparison), and the ``--top`` functions by their own time. Compare two versions by running it
on each, alternately, and reading the shares of the total rather than the seconds alone.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The steps reported (functions of ``kzru_lib/figures.py``).
STEPS = ["_doc_figures", "_sentence_candidates", "_date_rows", "_metric", "_parties_at", "_hedge", "_is_target",
         "_is_forecast", "_direction", "_speakers", "_base", "compare_in_parallel"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench_data" / "corpus_2k", help="folder of articles")
    ap.add_argument("--top", type=int, default=12, help="how many functions to list by their own time")
    args = ap.parse_args(argv)
    from kzru_lib.cli import main as kzru

    os.environ["KZRU_QUIET"] = "1"
    with tempfile.TemporaryDirectory(prefix="kzru-prof-") as tmp:
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        try:
            kzru(["compare", str(args.corpus), "-o", str(Path(tmp) / "c.csv"), "--workers", "1"])
        except SystemExit:
            pass
        prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    print(f"CPU seconds: {total:.2f}")
    cum: dict[str, float] = {}
    for (path, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
        if path.endswith("figures.py") and name in STEPS:
            cum[name] = cum.get(name, 0.0) + ct
    for name in STEPS:
        if name in cum:
            print(f"{name}: {cum[name]:.2f} s ({cum[name] / total:.1%})")
    own = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:args.top]
    for (path, line, name), (_cc, nc, tt, _ct, _callers) in own:
        print(f"own time {Path(path).name}:{line}({name}): {tt:.2f} s in {nc} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
