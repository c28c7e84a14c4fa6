"""``kzru build``: every stage once, into a store of Parquet tables (see :mod:`kzru_lib.store`)."""

from __future__ import annotations

import argparse
import sys


def _build(args: argparse.Namespace) -> int:
    from ..store import build_store
    from .corpus import with_load_warnings
    from .figures import read_rates

    rates = read_rates(args.rates)
    try:
        manifest = with_load_warnings(
            build_store, args.corpus, args.store, batch_size=args.batch_size,
            workers=None if args.workers == 0 else args.workers, scheduler=args.scheduler, strict=args.strict,
            patterns=args.patterns, max_bytes=args.max_bytes, with_raw=args.with_raw, rates=rates,
            tolerance_days=args.tolerance_days, progress=not args.quiet, skip=tuple(args.skip), resume=args.resume)
    except KeyboardInterrupt:
        print(f"kzru build: interrupted; what is written in {args.store} is kept: the same command with --resume "
              "goes on from there", file=sys.stderr)
        return 130
    counts = ", ".join(f"{n} {name}" for name, n in manifest["counts"].items())
    print(f"kzru build: {counts} -> {args.store} ({manifest['seconds']} s)", file=sys.stderr)
    return 0


def register(sub) -> None:
    from .corpus import _ColumnArg, _CorpusArg

    p = sub.add_parser("build", help="run every stage once and write a store of Parquet tables",
                       description="Read, clean, count, date and compare a folder of articles in batches of "
                                   "bounded size, writing Parquet tables (corpus, lines, doc_terms, dates, "
                                   "figures, mentions, events, comparisons, disagreements, problems) and "
                                   "manifest.json into the store folder. Query them with DuckDB (kzru_lib.store.open_store) or "
                                   "read them with pandas, R or Stata.")
    p.add_argument("corpus", metavar="DIR", action=_CorpusArg,
                   help="folder of .txt/.html articles (optional metadata.csv beside them), or a table of articles "
                        "(.csv, .jsonl, .parquet; one row per article), read in batches: a large export is never "
                        "held in memory")
    p.add_argument("--column", action=_ColumnArg, metavar="ROLE=COLUMN", default=None,
                   help="which table column holds the text, title, published, outlet, url or doc_id "
                        "(e.g. --column text=body; repeatable)")
    p.add_argument("--store", required=True, metavar="DIR", help="folder to write the store to")
    p.add_argument("--batch-size", type=int, default=500, metavar="N",
                   help="articles per batch (memory grows with it, not with the corpus; default 500)")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="local processes (0 = one per CPU from 1,000 articles on; 1 = none)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the batches on a Dask cluster, e.g. tcp://HOST:8786 (default: $KZRU_DASK_SCHEDULER)")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable file or bad metadata row")
    p.add_argument("--patterns", metavar="CSV", help="extra boilerplate patterns (reason,match,pattern,...)")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N", help="largest article file read")
    p.add_argument("--with-raw", action="store_true", help="also keep the untouched decoded text in corpus")
    p.add_argument("--rates", metavar="CSV", help="exchange rates for the comparison (unit,rate to USD)")
    p.add_argument("--tolerance-days", type=int, default=1, metavar="N",
                   help="dates of one event may differ by up to N days between articles (default 1)")
    p.add_argument("--skip", nargs="+", default=[], metavar="TABLE",
                   choices=["doc_terms", "dates", "figures", "mentions", "events", "comparisons", "duplicates"],
                   help="tables not to build (doc_terms, dates, figures, mentions, events, comparisons; "
                        "duplicates: leave the near-duplicate columns empty); their dependants go too "
                        "(dates: mentions, events; figures and comparisons: disagreements too)")
    p.add_argument("--resume", action="store_true",
                   help="go on with a build of this store that stopped before its end (killed, out of disk, the "
                        "machine restarted): what it wrote is kept, the rest is built; the same corpus and options")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(handler=_build)
