#!/usr/bin/env python3
"""Score kzru's cleaning and text metadata on the real-news development set (``devsets_news/``).

    score_news.py DEVSET_DIR LINES_CSV CORPUS_CSV [--wrong]

    LINES_CSV   from: kzru lines  DEVSET_DIR/texts -o LINES_CSV
    CORPUS_CSV  from: kzru corpus DEVSET_DIR/texts -o CORPUS_CSV

Lines are scored as ``../shared/tools/score.py lines`` scores the seeds: blank gold lines are
skipped; a line is *dropped* when its label is ``metadata`` or ``boilerplate`` (kept: title,
heading, body); drop precision / recall / F1 take dropped lines as positives; "content lines kept"
is the share of gold title/heading/body lines the system keeps. Metadata per article: ``title`` and
``outlet`` compared case-folded without punctuation or spaces (an outlet matches any ``|``
alternative of the gold, with or without a web suffix such as ``.kz``); ``published`` must be
equal. An empty gold field is right only when the system leaves it empty too.

Only articles whose text is present and matches the sha256 of ``pages.csv`` are scored; the
others are listed. Figures are printed per split (``dev``, ``test``) and for ``all``; the last
lines are ``name: value`` (``all`` split), for ``make eval``. ``--wrong`` lists every disagreement.
Standard library only (no kzru import).
"""
import csv
import hashlib
import os
import re
import sys
from collections import Counter, defaultdict

KEPT = {"title", "heading", "body"}
_SUFFIX = re.compile(r"\.(?:kz|ru|com|org|net|info|news|uz|kg|tj|by|ua|az|am|ge|media|tv)$")
_NON_WORD = re.compile(r"[\W_]+")


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(text):
    return _NON_WORD.sub("", (text or "").casefold())


def outlet_ok(gold, system):
    system = norm(_SUFFIX.sub("", (system or "").strip().casefold()))
    options = [norm(_SUFFIX.sub("", g.strip().casefold())) for g in (gold or "").split("|") if g.strip()]
    return system in options if options else not system


def present_docs(devset):
    """doc_ids whose text exists and matches pages.csv; prints the others."""
    ok, bad = set(), []
    for page in read(os.path.join(devset, "pages.csv")):
        path = os.path.join(devset, "texts", page["doc_id"] + ".txt")
        if not os.path.exists(path):
            bad.append(f"{page['doc_id']}: missing")
            continue
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        if digest != page["sha256"]:
            bad.append(f"{page['doc_id']}: sha256 differs from pages.csv")
            continue
        ok.add(page["doc_id"])
    for b in bad:
        print("  not scored", b)
    return ok


def score(devset, lines_csv, corpus_csv, show_wrong=False):
    docs = {d["doc_id"]: d for d in read(os.path.join(devset, "documents.csv"))}
    present = present_docs(devset) & set(docs)
    gold_lines = [g for g in read(os.path.join(devset, "lines.csv")) if g["doc_id"] in present]
    sys_lines = {(s["doc_id"], int(s["line_no"])): s for s in read(lines_csv) if s["doc_id"] in present}
    corpus = {c["doc_id"]: c for c in read(corpus_csv) if c["doc_id"] in present}

    counts = defaultdict(Counter)
    wrong = []
    for g in gold_lines:
        if g["label"] == "blank":
            continue
        key = (g["doc_id"], int(g["line_no"]))
        s = sys_lines.get(key)
        s_label = s["label"] if s else "missing"
        g_kept, s_kept = g["label"] in KEPT, s_label in KEPT
        for split in (docs[g["doc_id"]]["split"], "all"):
            counts[split][(g_kept, s_kept)] += 1
        if g_kept != s_kept:
            text = (s or {}).get("text", "")[:70]
            wrong.append(f"  line {key[0]}:{key[1]} gold={g['label']}/{g['reason']} "
                         f"system={s_label}/{(s or {}).get('reason', '')} | {text}")

    fields = defaultdict(Counter)
    for doc_id in sorted(present):
        g, s = docs[doc_id], corpus.get(doc_id, {})
        checks = {
            "title": norm(g["title"]) == norm(s.get("title")),
            "outlet": outlet_ok(g["outlet"], s.get("outlet")),
            "published": (g["published"] or "") == (s.get("published") or ""),
        }
        for split in (g["split"], "all"):
            fields[split]["n"] += 1
            for name, ok in checks.items():
                fields[split][name] += ok
            fields[split]["all_three"] += all(checks.values())
        for name, ok in checks.items():
            if not ok:
                wrong.append(f"  {name:9} {doc_id} gold={g[name]!r} system={s.get(name)!r}")
    if show_wrong:
        print("\n".join(sorted(wrong)))

    for split in ("dev", "test", "all"):
        c, f = counts[split], fields[split]
        tp, fp, fn = c[(False, False)], c[(True, False)], c[(False, True)]
        p, r, f1 = prf(tp, fp, fn)
        content = c[(True, True)] + c[(True, False)]
        kept = c[(True, True)] / content if content else 1.0
        n = f["n"] or 1
        print(f"[{split}] articles: {f['n']}")
        print(f"[{split}] lines scored: {sum(c.values())}")
        print(f"[{split}] drop precision: {p:.3f}")
        print(f"[{split}] drop recall: {r:.3f}")
        print(f"[{split}] content lines kept: {kept:.3f}")
        print(f"[{split}] title accuracy: {f['title'] / n:.3f}")
        print(f"[{split}] outlet accuracy: {f['outlet'] / n:.3f}")
        print(f"[{split}] published accuracy: {f['published'] / n:.3f}")
        print(f"[{split}] all three right: {f['all_three'] / n:.3f}")
        print(f"[{split}] line F1 (drop): {f1:.3f}")
    return f1


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--wrong"]
    if len(args) != 3:
        sys.exit(__doc__)
    score(*args, show_wrong="--wrong" in sys.argv)
