"""Measure figure extraction on the quantity development sets (value+unit F1 per set, and per half).

    .venv/bin/python benchmarks/eval_figures.py [DEVSETS] [--sets cqe-currency,cqe-dimension,...] [--halves]

``DEVSETS`` is the folder of the development sets (default ``../shared/devsets``). For each set
the whole ``kzru figures SET/texts -o FILE`` command runs once (in a temporary folder), then the
set's own scorer (``DEVSETS/../tools/score_bench.py figures``) scores the whole set and, with
``--halves``, each of two halves split by a hash of ``doc_id`` (half A: even first byte of the md5,
half B: odd), so a rule developed on one half can be checked on the other. Nothing is copied into
the project: the halves are written to a temporary folder (gold rows and links to the texts) and
removed afterwards. ``make eval`` (``scripts/eval.py``) runs this script: it is the one copy of the loop.

Prints one line per set, ``SET value+unit F1: X``, and with ``--halves``
``SET half A value+unit F1: Y`` and ``SET half B value+unit F1: Z``; then ``mean value+unit F1: X``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ["cqe-currency", "cqe-dimension", "cqe-age", "cqe-temperature"]


def half(doc_id: str) -> str:
    """``A`` or ``B``: a stable split of a set's documents by the md5 of the doc_id."""
    return "A" if hashlib.md5(doc_id.encode()).digest()[0] % 2 == 0 else "B"


def _kzru() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "kzru"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kzru_lib.cli"]


def _score(scorer: Path, base: Path, system: Path) -> float:
    res = subprocess.run([sys.executable, str(scorer), "figures", str(base), str(system)],
                         capture_output=True, text=True, check=True)
    m = re.search(r"value\+unit F1: ([\d.]+)", res.stdout)
    if not m:
        raise SystemExit(f"{scorer}: no 'value+unit F1' line in its output:\n{res.stdout}{res.stderr}")
    return float(m.group(1))


def _write_half(base: Path, system: Path, which: str, tmp: Path) -> tuple[Path, Path]:
    """A scorer folder with the gold rows and texts of one half, and the system rows of that half."""
    out = tmp / f"half_{which}"
    (out / "texts").mkdir(parents=True)
    for p in (base / "texts").glob("*.txt"):
        if half(p.stem) == which:
            os.symlink(p, out / "texts" / p.name)
    for name, dest in ((base / "gold.csv", out / "gold.csv"), (system, tmp / f"system_{which}.csv")):
        with open(name, newline="", encoding="utf-8") as f, open(dest, "w", newline="", encoding="utf-8") as g:
            reader = csv.DictReader(f)
            writer = csv.DictWriter(g, fieldnames=reader.fieldnames)
            writer.writeheader()
            writer.writerows(r for r in reader if half(r["doc_id"]) == which)
    return out, tmp / f"system_{which}.csv"


def evaluate(devsets: Path, name: str, *, halves: bool = True) -> dict[str, float]:
    """value+unit F1 of one set: ``{"all": ...}``, and ``"A"``, ``"B"`` with ``halves``."""
    base = devsets / name
    if not (base / "gold.csv").exists() or not (base / "texts").is_dir():
        raise SystemExit(f"{base}: not a development set (expected gold.csv and texts/)")
    scorer = devsets.parent / "tools" / "score_bench.py"
    if not scorer.exists():
        raise SystemExit(f"{scorer}: scorer not found (expected beside the devsets folder)")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        system = tmp / "figures.csv"
        res = subprocess.run([*_kzru(), "figures", str(base / "texts"), "-o", str(system)], cwd=ROOT,
                             capture_output=True, text=True, env={**os.environ, "KZRU_QUIET": "1"})
        if res.returncode:
            raise SystemExit(f"kzru figures failed on {base / 'texts'}:\n{res.stderr}")
        scores = {"all": _score(scorer, base, system)}
        for which in ("A", "B") if halves else ():
            hb, hs = _write_half(base, system, which, tmp)
            scores[which] = _score(scorer, hb, hs)
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("devsets", nargs="?", default=str(ROOT.parent / "shared" / "devsets"))
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--halves", action="store_true", help="also score the two doc_id-hash halves")
    args = ap.parse_args(argv)
    devsets = Path(args.devsets).resolve()
    total = []
    for name in [s for s in args.sets.split(",") if s]:
        sc = evaluate(devsets, name, halves=args.halves)
        total.append(sc["all"])
        print(f"{name} value+unit F1: {sc['all']:.3f}", flush=True)
        for which in ("A", "B") if args.halves else ():
            print(f"{name} half {which} value+unit F1: {sc[which]:.3f}", flush=True)
    if total:
        print(f"mean value+unit F1: {sum(total) / len(total):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
