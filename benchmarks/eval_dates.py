"""Date value F1 of ``kzru dates`` on the development sets (TimeBank/AQUAINT and MEANTIME).

    .venv/bin/python benchmarks/eval_dates.py [--devsets ../shared/devsets] [--sets timebank meantime]
                                              [--halves] [--verbose]

For each set: copies ``SET/texts/*.txt`` into a temporary folder with a ``metadata.csv`` holding only
the ``doc_id, published`` columns of ``SET/metadata.csv``, runs ``kzru dates FOLDER -o out.csv`` and
scores it with ``tools/score_bench.py dates`` (found beside the devsets folder). Prints one line per
set, ``SET date value F1: 0.xxx``; ``--halves`` also scores two halves of each set split by a hash of
the doc_id (half ``a`` for development, half ``b`` for checking that a change generalises);
``--verbose`` prints the scorer's missed and extra items. Nothing is copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def half(doc_id: str) -> str:
    """``a`` or ``b``: a stable split of the documents by a hash of their doc_id."""
    return "a" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def run_kzru(devset: Path, work: Path) -> Path:
    """Run kzru dates on one development set (texts + doc_id, published); the path of its output."""
    folder = work / "texts"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with (devset / "metadata.csv").open(encoding="utf-8", newline="") as fh:
        meta = list(csv.DictReader(fh))
    for r in meta:
        shutil.copy(devset / "texts" / f"{r['doc_id']}.txt", folder / f"{r['doc_id']}.txt")
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "published"])
        w.writerows([r["doc_id"], r["published"]] for r in meta)
    out = work / "out.csv"
    kzru = [sys.executable, "-m", "kzru_lib.cli", "dates", str(folder), "-o", str(out)]
    proc = subprocess.run(kzru, capture_output=True, text=True, cwd=ROOT,
                          env={"KZRU_QUIET": "1", "PATH": "/usr/bin:/bin"})
    if proc.returncode:
        sys.exit(f"kzru dates failed on {devset}: {proc.stderr.strip()}")
    return out


def _filter_csv(src: Path, dst: Path, docs: set[str]) -> None:
    with src.open(encoding="utf-8", newline="") as fi, dst.open("w", encoding="utf-8", newline="") as fo:
        rd = csv.DictReader(fi)
        wr = csv.DictWriter(fo, rd.fieldnames)
        wr.writeheader()
        wr.writerows(r for r in rd if r["doc_id"] in docs)


def score(devset: Path, scorer: Path, out: Path, work: Path, docs: set[str] | None = None) -> tuple[float, str]:
    """Score an output on (a subset of the documents of) one development set; the F1 and the scorer's text."""
    if docs is not None:  # the scorer counts every gold document of the set: give it only this half
        base = work / "base"
        if base.exists():
            shutil.rmtree(base)
        base.mkdir()
        for name in ("metadata.csv", "gold.csv", "dates.csv"):
            if (devset / name).exists():
                _filter_csv(devset / name, base / name, docs)
        _filter_csv(out, work / "out_half.csv", docs)
        devset, out = base, work / "out_half.csv"
    proc = subprocess.run([sys.executable, str(scorer), "dates", str(devset), str(out)], capture_output=True, text=True)
    m = re.search(r"date value F1: ([\d.]+)", proc.stdout)
    if not m:
        sys.exit(f"scorer failed on {devset}: {proc.stderr.strip() or proc.stdout.strip()}")
    return float(m.group(1)), proc.stdout


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devsets", type=Path, default=ROOT.parent / "shared" / "devsets")
    ap.add_argument("--sets", nargs="+", default=["timebank", "meantime"])
    ap.add_argument("--halves", action="store_true", help="also score the two doc_id-hash halves")
    ap.add_argument("--verbose", action="store_true", help="print missed and extra items")
    args = ap.parse_args(argv)
    scorer = args.devsets.resolve().parent / "tools" / "score_bench.py"
    if not scorer.exists():
        sys.exit(f"{scorer}: the scorer is missing")
    with tempfile.TemporaryDirectory(prefix="kzru_eval_dates_") as tmp:
        for name in args.sets:
            devset = args.devsets / name
            if not (devset / "metadata.csv").exists():
                sys.exit(f"{devset}: no metadata.csv (is --devsets right?)")
            out = run_kzru(devset, Path(tmp))
            f1, text = score(devset, scorer, out, Path(tmp))
            if args.verbose:
                print(text.rstrip())
            print(f"{name} date value F1: {f1:.3f}")
            if args.halves:
                with (devset / "metadata.csv").open(encoding="utf-8", newline="") as fh:
                    ids = [r["doc_id"] for r in csv.DictReader(fh)]
                for h in ("a", "b"):
                    f1h, _ = score(devset, scorer, out, Path(tmp), {d for d in ids if half(d) == h})
                    print(f"{name} half {h} date value F1: {f1h:.3f}")


if __name__ == "__main__":
    main()
