"""Measure ``kzru compare``'s disagreement flags against a researcher's reading (``devsets_news/compare``).

    .venv/bin/python benchmarks/eval_flags.py [--set devsets_news] [--items dev|test|all|none]
                                              [--system-dir DIR]

For each split of ``compare/pages.csv`` (``dev``, ``test``, split by topic; ``test2``, ``test3``, ``test4``, ``test5``, ``test6`` to ``test45``, later fresh batches; ``test3`` to ``test45`` were scored blind; ``test35`` is mostly in languages kzru does not read; ``test12``, ``test32``, ``test41``, ``test43`` and ``test45`` have no gold disagreement) the split's texts are copied
from ``compare_texts/`` into a temporary folder, with a ``metadata.csv`` sidecar giving each page's
``url`` (a researcher's corpus records where each page came from; kzru reads a date in a URL's path as
the publication date when the text has none), and ``kzru compare FOLDER --disagreements FILE`` runs on
them, as a user runs it (``--system-dir`` reads ``DIR/<split>.csv`` disagreement tables instead). Each
row of the disagreements table is a flag: a pair of cited lines ``doc_id:line_no``. The gold is
``compare/claims.csv`` (the lines a claim may be cited by) and ``compare/pairs.csv`` (pairs of claims of
the same quantity, ``disagree`` or ``consistent``); see the set's README for the reading conventions.

Scores, per split (pair level):

* strict: a flag matches a gold ``disagree`` pair when one side cites a line of one claim and the other
  side a line of the other, in either order. Precision = flags matching a gold pair not already matched /
  flags; recall = gold pairs matched / gold pairs.
* lenient: a flag matches when its two documents are the two documents of a gold ``disagree`` pair
  (lines and metric aside); counted over distinct document pairs.

Prints ``<split> flag precision: X``, ``recall``, ``F1``, ``F1 (lenient)`` and the counts, the same
pooled over every split (``pooled flag F1``), the flags of one run on every page at once (``together
flags``: those between pages of one split scored, those between two splits have no gold; ``--items
together`` lists them), then (``--items``)
the false flags with their ``why`` and the gold's word on them, and the missed gold pairs.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

from _devset import ROOT, read, run_kzru  # noqa: E402 (benchmarks/ is on the path when run)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0



def gold_of(base: Path, split: str) -> tuple[dict, list[dict]]:
    """(claim_id -> set of ``doc_id:line_no`` it may be cited by, the split's pairs)."""
    claims = {c["claim_id"]: {f"{c['doc_id']}:{ln}" for ln in c["lines"].split("|")}
              for c in read(base / "compare" / "claims.csv") if c["split"] == split}
    pairs = [p for p in read(base / "compare" / "pairs.csv") if p["split"] == split]
    return claims, pairs


def _doc(cite: str) -> str:
    return cite.rsplit(":", 1)[0]


def score(flags: list[dict], claims: dict, pairs: list[dict]) -> dict:
    """Strict and lenient pair-level scores, and the false and missed items."""
    disagree = [p for p in pairs if p["relation"] == "disagree"]

    def match(flag, pair):
        a, b = flag["claim_a"], flag["claim_b"]
        ca, cb = claims[pair["claim_a"]], claims[pair["claim_b"]]
        return (a in ca and b in cb) or (a in cb and b in ca)

    matched: set[int] = set()
    false = []
    tp = 0
    for fl in flags:
        # two claims of one line pair (a line giving arrivals and departures) are two gold pairs: a
        # flag takes a gold pair no flag has taken yet, if its lines match one
        hits = [i for i, p in enumerate(disagree) if match(fl, p)]
        hit = next((i for i in hits if i not in matched), hits[0] if hits else None)
        if hit is not None and hit not in matched:
            matched.add(hit)
            tp += 1
            continue
        if hit is not None:
            word = "gold: disagree, already matched by another flag"
        else:
            cons = next((p for p in pairs if p["relation"] == "consistent" and match(fl, p)), None)
            if cons is not None:
                word = f"gold: consistent ({cons['why']})"
            else:
                known = [cid for cid, lines in claims.items() if fl["claim_a"] in lines or fl["claim_b"] in lines]
                word = ("gold: no pair (different quantities or periods)" if len(known) >= 2 else
                        "gold: no pair (a figure of no shared quantity, or its period not established)")
        false.append((fl, word))
    missed = [p for i, p in enumerate(disagree) if i not in matched]
    gold_docs = {frozenset((_doc(next(iter(claims[p["claim_a"]]))), _doc(next(iter(claims[p["claim_b"]])))))
                 for p in disagree}
    flag_docs = {frozenset((_doc(fl["claim_a"]), _doc(fl["claim_b"]))) for fl in flags}
    lp = len(flag_docs & gold_docs) / len(flag_docs) if flag_docs else 0.0
    lr = len(flag_docs & gold_docs) / len(gold_docs) if gold_docs else 0.0
    p = tp / len(flags) if flags else 0.0
    r = tp / len(disagree) if disagree else 0.0
    return {"flags": len(flags), "gold": len(disagree), "tp": tp, "precision": p, "recall": r, "F1": f1(p, r),
            "lenient precision": lp, "lenient recall": lr, "lenient F1": f1(lp, lr), "false": false,
            "missed": missed}


def _corpus(folder: Path, pages: list[dict], texts: Path) -> Path:
    """``folder`` holding the pages' texts and a ``metadata.csv`` with each page's ``url``: the corpus
    as a researcher keeps it, each page with the address it came from."""
    folder.mkdir()
    for p in pages:
        shutil.copyfile(texts / f"{p['doc_id']}.txt", folder / f"{p['doc_id']}.txt")
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["doc_id", "url"])
        w.writerows([p["doc_id"], p["url"]] for p in pages)
    return folder


def together(pages: list[dict], texts: Path, base: Path, tmp: Path, items: str) -> None:
    """``kzru compare`` on every page at once, as one multi-outlet corpus: its flags between pages of
    one split are scored against that split's gold; flags between pages of two splits have no gold
    (printed with ``--items together``)."""
    folder = _corpus(tmp / "together", pages, texts)
    out = tmp / "together.csv"
    run_kzru("compare", folder, "-o", out.with_suffix(".groups.csv"), "--disagreements", out)
    split_of = {p["doc_id"]: p["split"] for p in pages}
    flags = read(out)
    cross = [fl for fl in flags if split_of[_doc(fl["claim_a"])] != split_of[_doc(fl["claim_b"])]]
    tp = false = 0
    for split in dict.fromkeys(p["split"] for p in pages):
        claims, pairs = gold_of(base, split)
        s = score([fl for fl in flags if split_of[_doc(fl["claim_a"])] == split_of[_doc(fl["claim_b"])] == split],
                  claims, pairs)
        tp, false = tp + s["tp"], false + len(s["false"])
    print(f"together flags: {len(flags)}  matched: {tp}  false (within a split): {false}  "
          f"between splits (no gold): {len(cross)}")
    if items in ("together", "all"):
        for fl in cross:
            print(f"  BETWEEN {fl['claim_a']} x {fl['claim_b']} [{fl['metric']} | {fl['parties']} | {fl['period']} | "
                  f"{fl['unit']}] {fl['basis_a']} vs {fl['basis_b']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=ROOT / "devsets_news", help="the set folder (devsets_news)")
    ap.add_argument("--items", default="dev", metavar="SPLIT",
                    help="list false and missed flags of this split (dev, test, test2, test3...; all; none; default dev)")
    ap.add_argument("--system-dir", type=Path, help="read DIR/<split>.csv disagreement tables instead of running kzru")
    args = ap.parse_args(argv)
    base = args.set
    pages = read(base / "compare" / "pages.csv")
    texts = base / "compare_texts"
    missing = [p["doc_id"] for p in pages if not (texts / f"{p['doc_id']}.txt").exists()]
    # a later batch (test2) whose texts are not rebuilt yet is reported and left out; dev and test are needed
    later = {p["doc_id"] for p in pages if p["split"] not in ("dev", "test")}
    if missing and not args.system_dir and set(missing) <= later:
        gone = sorted({p["split"] for p in pages if p["doc_id"] in missing})
        print(f"{texts}: {len(missing)} texts of {', '.join(gone)} missing ({', '.join(missing[:5])}...): "
              f"{', '.join(gone)} not scored; rebuild them (see {base / 'README.md'})", file=sys.stderr)
        pages = [p for p in pages if p["split"] not in gone]
    elif missing and not args.system_dir:
        raise SystemExit(f"{texts}: {len(missing)} texts missing ({', '.join(missing[:5])}...): rebuild them "
                         f"(see {base / 'README.md'})")
    claim_lines = {}
    for c in read(base / "compare" / "claims.csv"):
        claim_lines[c["claim_id"]] = f"{c['claim_id']} {c['doc_id']}:{c['lines']} {c['surface']} ({c['period']})"
    pooled = {"flags": 0, "gold": 0, "tp": 0}
    with tempfile.TemporaryDirectory(prefix="kzru-flags-") as tmp:
        # dev, test, then any later batch (test2: a fresh multi-outlet batch read after session 6), in file order
        for split in dict.fromkeys(p["split"] for p in pages):
            if args.system_dir:
                out = args.system_dir / f"{split}.csv"
            else:
                folder = _corpus(Path(tmp) / split, [p for p in pages if p["split"] == split], texts)
                out = Path(tmp) / f"{split}.csv"
                run_kzru("compare", folder, "-o", out.with_suffix(".groups.csv"), "--disagreements", out)
            flags = read(out)
            claims, pairs = gold_of(base, split)
            s = score(flags, claims, pairs)
            for k in ("flags", "gold", "tp"):
                pooled[k] += s[k]
            print(f"{split} flags: {s['flags']}  gold disagreeing pairs: {s['gold']}  matched: {s['tp']}")
            for k in ("precision", "recall", "F1"):
                print(f"{split} flag {k}: {s[k]:.3f}")
            print(f"{split} flag F1 (lenient): {s['lenient F1']:.3f}")
            if args.items in (split, "all"):
                for fl, word in s["false"]:
                    print(f"  FALSE {fl['claim_a']} x {fl['claim_b']} [{fl['metric']} | {fl['parties']} | "
                          f"{fl['period']} | {fl['unit']}] {fl['basis_a']} vs {fl['basis_b']}: {fl['why']} -- {word}")
                for p in s["missed"]:
                    print(f"  MISSED {claim_lines[p['claim_a']]} x {claim_lines[p['claim_b']]}: {p['why']}")
        if not args.system_dir:
            together(pages, texts, base, Path(tmp), args.items)
    # every split together: the small splits (2 to 8 gold pairs each) move by a whole pair at a time
    p = pooled["tp"] / pooled["flags"] if pooled["flags"] else 0.0
    r = pooled["tp"] / pooled["gold"] if pooled["gold"] else 0.0
    print(f"pooled flags: {pooled['flags']}  gold disagreeing pairs: {pooled['gold']}  matched: {pooled['tp']}")
    print(f"pooled flag precision: {p:.3f}")
    print(f"pooled flag recall: {r:.3f}")
    print(f"pooled flag F1: {f1(p, r):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
