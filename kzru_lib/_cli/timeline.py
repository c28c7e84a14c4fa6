"""``kzru dates`` and ``kzru events``: date expressions and the merged timeline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import KzruError
from .corpus import add_corpus_options, corpus_and_lines_from_args, write_table


def _rules(args: argparse.Namespace):
    from ..dates import load_date_rules

    return load_date_rules(vocabulary=args.date_vocabulary, cues=args.date_cues)


def _dates(args: argparse.Namespace) -> int:
    from ..dates import extract_dates

    rules = _rules(args)
    corpus, lines = corpus_and_lines_from_args(args)
    dates = extract_dates(corpus, lines=lines, rules=rules)
    write_table(dates, args.output)
    print(f"kzru dates: {len(dates)} date expressions in {len(corpus)} articles -> {args.output}", file=sys.stderr)
    return 0


def _events(args: argparse.Namespace) -> int:
    from ..dates import extract_dates
    from ..timeline import assign_events, find_events, merge_events, write_timeline_json

    suffix = Path(args.output).suffix.lower()
    if suffix not in (".csv", ".json"):
        raise KzruError(f"{args.output}: unsupported output type {suffix or '(none)'}; use .csv or .json")
    if args.tolerance_days < 0:
        raise KzruError(f"--tolerance-days {args.tolerance_days}: expected 0 or more")
    for opt in ("actors", "event_types", "decisions"):
        value = getattr(args, opt)
        if value and not Path(value).is_file():
            raise KzruError(f"{value}: --{opt.replace('_', '-')} table not found")
    rules = _rules(args)
    in_memory_only = [f"--{o.replace('_', '-')}" for o in ("actors", "event_types", "decisions") if getattr(args, o)]
    if getattr(args.corpus, "exclude_duplicates", False):
        in_memory_only.append("--exclude-duplicates")
    from ..store import is_store

    if is_store(args.corpus):
        if in_memory_only:
            raise KzruError(f"{args.corpus}: {', '.join(in_memory_only)} cannot be applied to a store (its events "
                            "were merged when it was built); give the corpus folder instead")
        return _events_from_store(args, args.corpus, suffix)
    if args.store or (not in_memory_only and _n_articles(args) > EVENTS_IN_MEMORY):
        if in_memory_only:
            raise KzruError(f"--store: {', '.join(in_memory_only)} are applied in memory only; leave out --store")
        return _events_built(args, rules, suffix)
    corpus, lines = corpus_and_lines_from_args(args)
    events = find_events(extract_dates(corpus, lines=lines, rules=rules), corpus=corpus, actors=args.actors,
                         event_types=args.event_types)
    events = assign_events(events, tolerance_days=args.tolerance_days, actors=args.actors, decisions=args.decisions)
    unmatched = events.attrs.get("decisions_unmatched")
    if unmatched is not None and len(unmatched):
        print(f"kzru events: warning: {args.decisions}: {len(unmatched)} mention id(s) not in this corpus "
              f"(first: line {unmatched['line'].iloc[0]}, {unmatched['mention_id'].iloc[0]})", file=sys.stderr)
    timeline = merge_events(events)
    if suffix == ".json":
        if not Path(args.output).parent.exists():
            raise KzruError(f"{args.output}: folder {Path(args.output).parent} does not exist")
        title = args.title if args.title is not None else f"Events in {Path(args.corpus).resolve().name}"
        write_timeline_json(timeline, args.output, title=title)
    elif args.mentions:
        write_table(events, args.output, allowed=(".csv",))
    else:
        write_table(timeline, args.output, allowed=(".csv",))
    from ..plots.timeline import timeline_plot
    from .plot import write_plot

    write_plot(args, lambda: timeline_plot(timeline))
    undated = int(timeline["date_start"].isna().sum())
    print(f"kzru events: {len(events)} dated event sentences, {len(timeline)} events after merging"
          + (f" ({undated} without a known year, listed last)" if undated else "")
          + f" -> {args.output}", file=sys.stderr)
    return 0


#: Articles from which ``kzru events`` on a folder works through a store (dates and mentions written
#: to disk in batches, events merged one block of dates at a time) instead of holding the corpus in memory.
EVENTS_IN_MEMORY = 20_000


def _n_articles(args: argparse.Namespace) -> int:
    from ..store import _Source

    path = Path(args.corpus)
    if not path.exists():
        return 0  # the in-memory reader says what is wrong
    return _Source(path, args.corpus.columns).estimate(EVENTS_IN_MEMORY + 1)


def _events_built(args: argparse.Namespace, rules, suffix: str) -> int:
    """Build a store of the dates and events (``--store DIR``, else a temporary one), then write from it."""
    import os
    import tempfile

    from ..store import build_store
    from .corpus import with_load_warnings

    with tempfile.TemporaryDirectory(prefix="kzru_events_") as tmp:
        store = args.store or os.path.join(tmp, "store")
        with_load_warnings(build_store, args.corpus, store, strict=args.strict, patterns=args.patterns,
                           max_bytes=args.max_bytes, date_rules=rules, tolerance_days=args.tolerance_days,
                           skip=("doc_terms", "figures", "duplicates"), progress=os.environ.get("KZRU_QUIET") != "1")
        return _events_from_store(args, store, suffix)


def _events_from_store(args: argparse.Namespace, store, suffix: str) -> int:
    """Write the store's events (or mentions) as ``kzru events`` writes them; a CSV is streamed in chunks."""
    from ..store import read_table

    name = "mentions" if args.mentions and suffix == ".csv" else "events"
    if not (Path(store) / name).is_dir():
        raise KzruError(f"{store}: this store has no {name} table (built with --skip dates or events)")
    n_events = _stream_csv(store, "events", None)
    n_mentions = _stream_csv(store, "mentions", None)
    timeline = None
    if suffix == ".json":
        from ..timeline import write_timeline_json

        if not Path(args.output).parent.exists():
            raise KzruError(f"{args.output}: folder {Path(args.output).parent} does not exist")
        timeline = read_table(store, "events")
        title = args.title if args.title is not None else f"Events in {Path(args.corpus).resolve().name}"
        write_timeline_json(timeline, args.output, title=title)
    else:
        _stream_csv(store, name, args.output)
    if getattr(args, "plot", None):
        from ..plots.timeline import timeline_plot
        from .plot import write_plot

        timeline = read_table(store, "events") if timeline is None else timeline
        write_plot(args, lambda: timeline_plot(timeline))
    print(f"kzru events: {n_mentions} dated event sentences, {n_events} events after merging -> {args.output}",
          file=sys.stderr)
    return 0


def _stream_csv(store, name: str, output: str | None, chunk_rows: int = 100_000) -> int:
    """Write one store table as CSV in chunks of rows (pandas writes each chunk as it writes a whole
    table), sorted as :func:`kzru_lib.store.read_table` sorts it; the number of rows. ``output=None``:
    count only."""
    from ..store import TABLES, _as_read, _plain, _quote, open_store

    con = open_store(store)
    try:
        if output is None:
            return con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        if Path(output).parent and not Path(output).parent.exists():
            raise KzruError(f"{output}: folder {Path(output).parent} does not exist")
        have = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
        keys = [k for k in TABLES[name] if k.split()[0] in have]
        order = " ORDER BY " + ", ".join(_quote(k.split()[0]) for k in keys) if keys else ""
        reader = con.sql(f"SELECT * FROM {name}{order}").to_arrow_reader(chunk_rows)
        n = 0
        for batch in reader:
            chunk = _as_read(_plain(batch.to_pandas()), name)
            chunk.to_csv(output, index=False, header=not n, mode="a" if n else "w")
            n += len(chunk)
        if not n:  # no row: the header alone
            _as_read(_plain(reader.schema.empty_table().to_pandas()), name).to_csv(output, index=False)
        return n
    finally:
        con.close()


def _table_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date-vocabulary", metavar="CSV", help="your own date vocabulary (default data/date_vocabulary.csv)")
    p.add_argument("--date-cues", metavar="CSV", help="your own tense/role cues (default data/date_cues.csv)")


def register(sub) -> None:
    p = sub.add_parser("dates", help="date expressions (one row per expression)",
                       description="Find every calendar expression in the kept text (and the publication "
                                   "date in metadata lines), normalised to ISO 8601 and anchored on the "
                                   "publication date; write one row per expression as CSV or Parquet.")
    add_corpus_options(p)
    _table_options(p)
    p.set_defaults(handler=_dates)
    p = sub.add_parser("events", help="dated events merged across articles (CSV or TimelineJS JSON)",
                       description="Find dated event sentences with their actors and event type, merge the "
                                   "same event reported by several articles, and write the timeline as CSV "
                                   "(one row per event) or as a TimelineJS JSON file (.json).")
    add_corpus_options(p)
    _table_options(p)
    p.add_argument("--actors", metavar="CSV", help="your own actor gazetteer (name,kind,country,aliases)")
    p.add_argument("--event-types", metavar="CSV", help="your own event-type triggers (event_type,priority,triggers)")
    p.add_argument("--tolerance-days", type=int, default=1, metavar="N",
                   help="dates of one event may differ by up to N days between articles (default 1)")
    from .plot import add_plot_option

    add_plot_option(p, "the timeline")
    p.add_argument("--mentions", action="store_true",
                   help="CSV: write one row per event sentence (with event_id) instead of one per event")
    p.add_argument("--decisions", metavar="CSV",
                   help="curation file re-applied on every run: rows action,mention_ids,note with action merge "
                        "(the events holding these |-separated mention ids become one) or split (these "
                        "mentions leave their event)")
    p.add_argument("--title", metavar="TEXT", help="title of the TimelineJS export (default: Events in <folder>)")
    p.add_argument("--store", metavar="DIR",
                   help="write the dates and events to a store in DIR (kept) and write the output from it, in "
                        f"bounded memory; done in a temporary store anyway above {EVENTS_IN_MEMORY:,} articles. "
                        "DIR may also be given as the corpus: a store from 'kzru build' is read, not rebuilt")
    p.set_defaults(handler=_events)
