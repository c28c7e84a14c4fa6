"""Cross-document event merging measured on MEANTIME (``../shared/devsets/meantime``).

    .venv/bin/python benchmarks/eval_events.py ../shared/devsets/meantime [--topic airbus] [--show]

Runs the whole command ``kzru events FOLDER -o mentions.csv --mentions`` in a fresh process over
the MEANTIME texts, with a ``metadata.csv`` holding only ``doc_id, published`` (written into a
temporary folder; nothing is copied into the repository), then scores the merged events against
MEANTIME's cross-document event instances (same ``instance_id`` in several articles = one event).

Matching a kzru mention to gold mentions (documented choice):
    a kzru mention is one dated sentence (``doc_id``, ``line_no``, ``sentence``). It *covers* a
    gold event mention (a row of ``events.csv``) when both have the same ``doc_id`` and
    ``line_no`` (MEANTIME puts one source sentence per line), the gold span lies inside the kzru
    sentence (located in the line by its text; kzru may split a line in two), and the gold
    surface's word tokens all occur in the kzru sentence. A kzru mention thus carries the set of
    gold ``instance_id`` s it covers (possibly several: a sentence can report two events).

Scores, per topic and overall:
    precision: of the kzru events citing >= 2 articles, those where at least two articles have a
        mention covering gold (the others cannot be judged: gold annotates only some events, so
        unmatched mentions are ignored, as MEANTIME's README advises), the share that join one
        gold instance — some ``instance_id`` covered by mentions from >= 2 of its articles.
    recall: of the gold instances reported by >= 2 articles, the share for which one kzru event
        holds covering mentions from >= 2 articles.
    reachable: of those gold instances, how many have covering kzru mentions (dated sentences)
        in >= 2 articles at all — the ceiling that merging alone can reach.

Prints figures only; not a test. Splitting by topic (airbus, apple, gm, stock) shows whether a
change generalises rather than fits one story.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

_WORD = re.compile(r"\w+")


def run_kzru(devset: Path, work: Path, extra: list[str]) -> pd.DataFrame:
    """Run ``kzru events --mentions`` over the devset texts in ``work``; return the mentions table."""
    corpus = work / "corpus"
    corpus.mkdir()
    for path in sorted((devset / "texts").glob("*.txt")):
        (corpus / path.name).write_bytes(path.read_bytes())
    meta = pd.read_csv(devset / "metadata.csv", dtype=str)
    meta[["doc_id", "published"]].to_csv(corpus / "metadata.csv", index=False)
    out = work / "mentions.csv"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kzru_lib.cli", "events", str(corpus), "-o", str(out),
                           "--mentions", *extra],
                          capture_output=True, text=True, env={"KZRU_QUIET": "1", "PATH": "/usr/bin:/bin"})
    if proc.returncode:
        sys.exit(f"kzru events failed: {proc.stderr.strip()}")
    print(f"kzru events: {time.perf_counter() - t0:.1f} s; {proc.stderr.strip()}")
    return pd.read_csv(out, dtype={"doc_id": str, "event_id": str}, keep_default_na=False)


def covered_instances(mentions: pd.DataFrame, devset: Path) -> list[set[str]]:
    """For each kzru mention (row), the gold instance ids it covers (see the module docstring)."""
    gold = pd.read_csv(devset / "events.csv", dtype={"doc_id": str})
    by_line: dict[tuple[str, int], list] = defaultdict(list)
    line_starts: dict[str, list[int]] = {}
    lines: dict[str, list[str]] = {}
    for doc in set(gold["doc_id"]) | set(mentions["doc_id"]):
        text = (devset / "texts" / f"{doc}.txt").read_text(encoding="utf-8")
        lines[doc] = text.split("\n")
        starts, pos = [], 0
        for line in lines[doc]:
            starts.append(pos)
            pos += len(line) + 1
        line_starts[doc] = starts
    for g in gold.itertuples(index=False):
        off = line_starts[g.doc_id][g.line_no - 1]
        by_line[(g.doc_id, g.line_no)].append((g.start - off, g.end - off, g.surface, g.instance_id))
    out = []
    for doc, line_no, sentence in zip(mentions["doc_id"], mentions["line_no"], mentions["sentence"], strict=True):
        found: set[str] = set()
        candidates = by_line.get((doc, int(line_no)), [])
        if candidates:
            line = lines[doc][int(line_no) - 1]
            s = line.find(str(sentence))
            lo, hi = (s, s + len(str(sentence))) if s >= 0 else (0, len(line))
            words = {w.lower() for w in _WORD.findall(str(sentence))}
            for start, end, surface, instance in candidates:
                toks = {w.lower() for w in _WORD.findall(surface)}
                if start >= lo and end <= hi and toks and toks <= words:
                    found.add(instance)
        out.append(found)
    return out


def score(mentions: pd.DataFrame, cover: list[set[str]], gold_multi: dict[str, set[str]], docs: set[str]) -> dict:
    """Precision, recall and the reachable ceiling over the documents ``docs``."""
    keep = mentions["doc_id"].isin(docs).to_numpy()
    ev_docs: dict[str, set[str]] = defaultdict(set)
    ev_inst_docs: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    matched_docs: dict[str, set[str]] = defaultdict(set)
    reach: dict[str, set[str]] = defaultdict(set)
    for k, (event_id, doc) in enumerate(zip(mentions["event_id"], mentions["doc_id"], strict=True)):
        if not keep[k]:
            continue
        ev_docs[event_id].add(doc)
        if cover[k]:
            matched_docs[event_id].add(doc)
        for inst in cover[k]:
            ev_inst_docs[event_id][inst].add(doc)
            reach[inst].add(doc)
    multi = [e for e, d in ev_docs.items() if len(d) >= 2]
    judged = [e for e in multi if len(matched_docs[e]) >= 2]
    right = [e for e in judged if any(len(d) >= 2 for d in ev_inst_docs[e].values())]
    gold = {i: d for i, d in gold_multi.items() if len(d & docs) >= 2}
    joined = [i for i in gold if any(len(ev_inst_docs[e].get(i, ())) >= 2 for e in ev_inst_docs)]
    reachable = [i for i in gold if len(reach.get(i, ())) >= 2]
    return {"multi": len(multi), "judged": len(judged), "right": len(right), "gold": len(gold),
            "joined": len(joined), "reachable": len(reachable), "wrong_events": [e for e in judged if e not in right],
            "unjoined": [i for i in reachable if i not in joined]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devset", type=Path, help="the MEANTIME folder (../shared/devsets/meantime)")
    parser.add_argument("--show", action="store_true", help="print the sentences of wrongly merged events and of gold events not merged")
    parser.add_argument("kzru_options", nargs="*", help="extra options passed to kzru events (after --)")
    args = parser.parse_args(argv)
    devset = args.devset
    if not (devset / "events.csv").is_file():
        sys.exit(f"{devset}: not the MEANTIME devset (no events.csv)")
    meta = pd.read_csv(devset / "metadata.csv", dtype=str)
    gold = pd.read_csv(devset / "events.csv", dtype={"doc_id": str})
    inst_docs = gold.groupby("instance_id")["doc_id"].agg(set).to_dict()
    gold_multi = {i: d for i, d in inst_docs.items() if len(d) >= 2}
    with tempfile.TemporaryDirectory() as tmp:
        mentions = run_kzru(devset, Path(tmp), args.kzru_options)
    cover = covered_instances(mentions, devset)
    print(f"{len(mentions)} kzru mentions in {mentions['event_id'].nunique()} events; "
          f"{sum(1 for c in cover if c)} cover a gold event mention")
    print(f"{'topic':8} {'multi':>6} {'judged':>6} {'P':>6} {'gold':>5} {'reach':>5} {'joined':>6} {'R':>6}")
    groups = [(t, set(meta.loc[meta["topic"] == t, "doc_id"])) for t in sorted(meta["topic"].unique())]
    for name, docs in [*groups, ("all", set(meta["doc_id"]))]:
        s = score(mentions, cover, gold_multi, docs)
        p = s["right"] / s["judged"] if s["judged"] else float("nan")
        r = s["joined"] / s["gold"] if s["gold"] else float("nan")
        print(f"{name:8} {s['multi']:6d} {s['judged']:6d} {p:6.2f} {s['gold']:5d} {s['reachable']:5d} "
              f"{s['joined']:6d} {r:6.2f}")
        if args.show and name == "all":
            for e in s["wrong_events"]:
                part = mentions[mentions["event_id"] == e]
                print(f"\n-- wrong merge {e}")
                for row in part.itertuples(index=False):
                    print(f"   {row.doc_id}:{row.line_no} {row.date} | {str(row.sentence)[:150]}")
            # gold events with covering mentions in two articles that were not merged: what kept them apart
            for inst in s["unjoined"]:
                rows = [k for k, c in enumerate(cover) if inst in c]
                print(f"\n-- not merged {inst}")
                for row in mentions.iloc[rows].itertuples(index=False):
                    print(f"   {row.event_id} {row.doc_id}:{row.line_no} {row.date} | {str(row.sentence)[:150]}")
    # the overall figures as `name: value` lines, for scripts/eval.py (make eval)
    print(f"cross-document events judged: {s['judged']}")
    print(f"cross-document precision: {p:.3f}")
    print(f"cross-document recall: {r:.3f}")
    print(f"cross-document reachable: {s['reachable'] / s['gold'] if s['gold'] else 0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
