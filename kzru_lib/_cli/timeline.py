"""``kzru dates`` and ``kzru events``: date expressions and the merged timeline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import KzruError
from .corpus import (
    add_corpus_options,
    add_store_option,
    corpus_and_lines_from_args,
    count_rows,
    from_store,
    store_of,
    write_store_table,
    write_table,
)


def _rules(args: argparse.Namespace):
    from ..dates import load_date_rules

    return load_date_rules(vocabulary=args.date_vocabulary, cues=args.date_cues)


def _dates(args: argparse.Namespace) -> int:
    from ..dates import extract_dates

    rules = _rules(args)
    if from_store(args, ["--exclude-duplicates"] if args.corpus.exclude_duplicates else []):
        with store_of(args, ("doc_terms", "figures", "mentions", "duplicates"), date_rules=rules) as store:
            n = write_store_table(store, "dates", args.output)
            print(f"kzru dates: {n} date expressions in {count_rows(store, 'corpus')} articles -> {args.output}",
                  file=sys.stderr)
        return 0
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
    if from_store(args, in_memory_only):
        with store_of(args, ("doc_terms", "figures", "duplicates"), date_rules=rules,
                      tolerance_days=args.tolerance_days) as store:
            return _events_from_store(args, store, suffix)
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


def _events_from_store(args: argparse.Namespace, store, suffix: str) -> int:
    """Write the store's events (or mentions) as ``kzru events`` writes them; a CSV is streamed in chunks."""
    from ..store import read_table

    name = "mentions" if args.mentions and suffix == ".csv" else "events"
    if not (Path(store) / "events").is_dir():
        raise KzruError(f"{store}: this store has no events table (built with --skip dates or events)")
    timeline = None
    if suffix == ".json":
        from ..timeline import write_timeline_json

        if not Path(args.output).parent.exists():
            raise KzruError(f"{args.output}: folder {Path(args.output).parent} does not exist")
        timeline = read_table(store, "events")
        title = args.title if args.title is not None else f"Events in {Path(args.corpus).resolve().name}"
        write_timeline_json(timeline, args.output, title=title)
    else:
        write_store_table(store, name, args.output)
    if getattr(args, "plot", None):
        from ..plots.timeline import timeline_plot
        from .plot import write_plot

        timeline = read_table(store, "events") if timeline is None else timeline
        write_plot(args, lambda: timeline_plot(timeline))
    print(f"kzru events: {count_rows(store, 'mentions')} dated event sentences, {count_rows(store, 'events')} "
          f"events after merging -> {args.output}", file=sys.stderr)
    return 0


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
    add_store_option(p, "dates")
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
    add_store_option(p, "dates and events")
    p.set_defaults(handler=_events)
