"""Measure figure extraction on the real news pages of ``devsets_news/`` (value and value+unit F1 per split).

    .venv/bin/python benchmarks/eval_news_figures.py [--set devsets_news] [--scorer ../shared/tools/score_bench.py]
                                                     [--system FIGURES.csv] [--items dev|test|all|none]

``kzru figures devsets_news/texts -o FILE`` runs once (the whole command, as a user runs it: the cleaner
decides which lines are read), unless ``--system`` gives its output. The gold is
``devsets_news/figures.csv`` (kept story lines only; see the set's README). For each split of
``documents.csv`` (``dev``, ``test``) a scorer folder is laid out in a temporary directory as
``score_bench.py`` expects it (``gold.csv`` with that split's rows and ``texts/`` with links to that
split's texts) and scored by ``score_bench.figures`` itself (imported from the file: same matching
rules as the project's independent checks: same document, value within 0.5 %, a range by its
lower bound, value+unit also needs the unit to agree). The missed and extra items are listed for
``dev`` (``--items``), found with the same greedy matching the scorer uses.

Prints, per split, the scorer's lines prefixed with the split (``dev value+unit F1: X``), then the
missed and extra items. Texts missing from ``devsets_news/texts`` stop the run (rebuild them: the
set's README).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

from _devset import ROOT, load_scorer, read, run_kzru  # noqa: E402 (benchmarks/ is on the path when run)


def splits(base: Path) -> dict[str, list[str]]:
    """Split name -> doc_ids, from ``documents.csv``."""
    out: dict[str, list[str]] = {}
    for r in read(base / "documents.csv"):
        out.setdefault(r["split"], []).append(r["doc_id"])
    return out



def layout(base: Path, gold: list[dict], docs: list[str], system: list[dict], tmp: Path, name: str) -> tuple[Path, Path]:
    """A scorer folder (``gold.csv``, ``texts/``) and a system file holding only the split's documents."""
    folder = tmp / name
    (folder / "texts").mkdir(parents=True)
    keep = set(docs)
    for d in docs:
        os.symlink((base / "texts" / f"{d}.txt").resolve(), folder / "texts" / f"{d}.txt")
    rows = [{"doc_id": g["doc_id"], "value": g["value"], "value_to": g.get("value_to", ""), "unit": g["unit"],
             "surface": g["surface"], "line_no": g["line_no"]} for g in gold if g["doc_id"] in keep]
    with open(folder / "gold.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["doc_id", "line_no", "surface", "value", "value_to", "unit"])
        w.writeheader()
        w.writerows(rows)
    sysf = tmp / f"system_{name}.csv"
    sel = [s for s in system if s["doc_id"] in keep]
    with open(sysf, "w", newline="", encoding="utf-8") as f:
        fields = list(system[0].keys()) if system else ["doc_id", "line_no", "surface", "value", "unit"]
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(sel)
    return folder, sysf


def items(sb, gold: list[dict], system: list[dict]) -> tuple[list[dict], list[dict], list[tuple[dict, dict]]]:
    """(missed gold rows, extra system rows, value matches with a wrong unit) by the scorer's greedy
    matching (``score_bench.figures``: each gold row takes the first unused system figure of its
    document within 0.5 %; the upper end of a gold range is not an extra)."""
    sys_ = [s for s in system if sb.num(s.get("value")) is not None]
    by_doc: dict[str, list[int]] = {}
    for i, s in enumerate(sys_):
        by_doc.setdefault(s["doc_id"], []).append(i)
    used, missed, wrong_unit = set(), [], []
    for g in gold:
        gv = sb.num(g["value"])
        if gv is None:
            continue
        for i in by_doc.get(g["doc_id"], []):
            if i not in used and abs(sb.num(sys_[i]["value"]) - gv) <= 0.005 * abs(gv) + 1e-12:
                used.add(i)
                if not sb.unit_ok(g["unit"], sys_[i].get("unit")):
                    wrong_unit.append((g, sys_[i]))
                break
        else:
            missed.append(g)
    uppers = {(g["doc_id"], round(sb.num(g["value_to"]), 6)) for g in gold if sb.num(g.get("value_to")) is not None}
    extra = [s for i, s in enumerate(sys_) if i not in used and (s["doc_id"], round(sb.num(s["value"]), 6)) not in uppers]
    return missed, extra, wrong_unit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default=str(ROOT / "devsets_news"), help="the real-news set folder")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "score_bench.py"))
    ap.add_argument("--system", help="a kzru figures output to score instead of running kzru")
    ap.add_argument("--items", default="dev", help="split whose missed/extra items are listed (all, none)")
    args = ap.parse_args(argv)
    base = Path(args.set).resolve()
    sb = load_scorer(Path(args.scorer).resolve(), "score_bench")
    gold_path = base / "figures.csv"
    if not gold_path.exists():
        raise SystemExit(f"{gold_path}: no figures gold")
    gold = read(gold_path)
    parts = splits(base)
    missing = [d for ds in parts.values() for d in ds if not (base / "texts" / f"{d}.txt").exists()]
    if missing:
        raise SystemExit(f"{base / 'texts'}: {len(missing)} texts missing ({', '.join(missing[:5])}...): rebuild them (README)")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        system_path = Path(args.system) if args.system else tmp / "figures.csv"
        if not args.system:
            run_kzru("figures", base / "texts", "-o", system_path)
        system = read(system_path)
        for name in sorted(parts):
            folder, sysf = layout(base, gold, parts[name], system, tmp, name)
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                sb.figures(str(folder), str(sysf))
            for line in buf.getvalue().splitlines():
                print(f"{name} {line}")
            if args.items in (name, "all"):
                g = read(folder / "gold.csv")
                missed, extra, wrong = items(sb, g, read(sysf))
                for r in missed:
                    print(f"  {name} missed {r['doc_id']}:{r['line_no']} {r['surface']!r} {r['value']} {r['unit']}")
                for r in extra:
                    print(f"  {name} extra  {r['doc_id']}:{r['line_no']} {r['surface']!r} {r['value']} {r['unit']}")
                for r, s in wrong:
                    print(f"  {name} unit   {r['doc_id']}:{r['line_no']} {r['surface']!r} gold {r['unit']} system {s['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
