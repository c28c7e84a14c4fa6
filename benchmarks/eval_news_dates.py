"""Measure date extraction on the real news pages of ``devsets_news/`` (date value P/R/F1 per split).

    .venv/bin/python benchmarks/eval_news_dates.py [--set devsets_news] [--scorer ../shared/tools/score.py]
                                                   [--system DATES.csv] [--items dev|test|all|none]

``kzru dates devsets_news/texts -o FILE`` runs once (the whole command, as a user runs it: the cleaner
decides which lines are read and the publication date is the one kzru reads from the text), unless
``--system`` gives its output. The gold is ``devsets_news/dates.csv`` (every date expression of the
kept story lines of the pages listed in ``dates_documents.csv``; see the set's README).

Scoring is the seeds scorer's own ``dates`` function (``../shared/tools/score.py``, imported from the
file: a date counts when its document, raw line and ISO value agree; each gold item is matched at
most once; values outside the calendar format, such as ``PRESENT_REF`` or ``P1Y``, are ignored). For
each split a gold folder is laid out in a temporary directory with that split's rows, and the
system's rows of that split's annotated pages are given to it, except rows on lines the gold labels
``metadata`` (date lines: the publication date, neither rewarded nor penalised) or ``blank``. Rows on
lines the gold labels ``boilerplate`` that kzru keeps are scored (extra dates a user would see). The
scorer only judges documents that have a gold row, so the calendar-valued system rows of annotated
pages with no date at all are added as extra, counted with the scorer's own ``CALENDAR`` pattern.

Prints, per split, ``<split> dates gold: N system: M`` and ``<split> date value precision|recall|F1: X``,
then the missed and extra items (``--items``) with their surfaces. Texts missing from
``devsets_news/texts`` stop the run (rebuild them: the set's README).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import re
import sys
import tempfile
from pathlib import Path

from _devset import ROOT, load_scorer, read, run_kzru  # noqa: E402 (benchmarks/ is on the path when run)

ITEM = re.compile(r"^\s*(missed|extra)\s+\('([^']*)', (\d+), '([^']*)'\)\s*$")




def write(path: Path, rows: list[dict], fields: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)



def score_split(sc, gold: list[dict], system: list[dict], docs: list[str], tmp: Path, name: str):
    """(tp, fp, fn, missed keys, extra keys) of one split, by ``sc.dates`` plus the empty pages' extras."""
    keep = set(docs)
    folder = tmp / name
    folder.mkdir()
    g = [r for r in gold if r["doc_id"] in keep]
    s = [r for r in system if r["doc_id"] in keep]
    write(folder / "dates.csv", g, ["doc_id", "line_no", "surface", "value", "anchored", "role"])
    sysf = tmp / f"system_{name}.csv"
    write(sysf, s, ["doc_id", "line_no", "surface", "value", "role"])
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        sc.dates(str(folder), str(sysf))
    missed, extra = [], []
    for line in buf.getvalue().splitlines():
        m = ITEM.match(line)
        if m:
            (missed if m.group(1) == "missed" else extra).append((m.group(2), int(m.group(3)), m.group(4)))
    judged = {r["doc_id"] for r in g}
    extra += [(r["doc_id"], int(r["line_no"]), r["value"]) for r in s
              if r["doc_id"] not in judged and sc.CALENDAR.match(r["value"] or "")]
    tp = len(g) - len(missed)
    return tp, len(extra), len(missed), missed, extra


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default=str(ROOT / "devsets_news"), help="the real-news set folder")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "score.py"))
    ap.add_argument("--system", help="a kzru dates output to score instead of running kzru")
    ap.add_argument("--items", default="dev", help="split whose missed/extra items are listed (all, none)")
    args = ap.parse_args(argv)
    base = Path(args.set).resolve()
    sc = load_scorer(Path(args.scorer).resolve(), "kzru_seed_score")
    for f in ("dates.csv", "dates_documents.csv", "lines.csv"):
        if not (base / f).exists():
            raise SystemExit(f"{base / f}: missing (the date gold needs it)")
    gold = read(base / "dates.csv")
    annotated = read(base / "dates_documents.csv")
    parts: dict[str, list[str]] = {}
    for r in annotated:
        parts.setdefault(r["split"], []).append(r["doc_id"])
    stray = {r["doc_id"] for r in gold} - {r["doc_id"] for r in annotated}
    if stray:
        raise SystemExit(f"{base / 'dates.csv'}: pages not listed in dates_documents.csv: {sorted(stray)}")
    missing = [r["doc_id"] for r in annotated if not (base / "texts" / f"{r['doc_id']}.txt").exists()]
    if missing:
        raise SystemExit(f"{base / 'texts'}: {len(missing)} texts missing ({', '.join(missing[:5])}...): rebuild them (README)")
    label = {(r["doc_id"], int(r["line_no"])): r["label"] for r in read(base / "lines.csv")}
    surface = {(r["doc_id"], int(r["line_no"]), r["value"]): r["surface"] for r in gold}
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        system_path = Path(args.system) if args.system else tmp / "dates.csv"
        if not args.system:
            run_kzru("dates", base / "texts", "-o", system_path)
        system = [r for r in read(system_path)
                  if label.get((r["doc_id"], int(r["line_no"]))) not in ("metadata", "blank")]
        seen = {}
        for r in system:
            seen.setdefault((r["doc_id"], int(r["line_no"]), r["value"]), r.get("surface", ""))
        for name in sorted(parts):
            tp, fp, fn, missed, extra = score_split(sc, gold, system, parts[name], tmp, name)
            p, r, f = sc.prf(tp, fp, fn)
            print(f"{name} dates pages: {len(parts[name])}")
            print(f"{name} dates gold: {tp + fn} system: {tp + fp}")
            print(f"{name} date value precision: {p:.3f}")
            print(f"{name} date value recall: {r:.3f}")
            print(f"{name} date value F1: {f:.3f}")
            if args.items in (name, "all"):
                for k in missed:
                    print(f"  {name} missed {k[0]}:{k[1]} {surface.get(k, '')!r} {k[2]}")
                for k in extra:
                    print(f"  {name} extra  {k[0]}:{k[1]} {seen.get(k, '')!r} {k[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
