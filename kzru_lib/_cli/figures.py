"""``kzru figures`` and ``kzru compare``: figures in the articles, and the claims side by side."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import KzruError
from .corpus import (
    add_corpus_options,
    add_store_option,
    check_output,
    corpus_and_lines_from_args,
    count_rows,
    from_store,
    store_of,
    write_store_table,
    write_table,
)


def _rules(args: argparse.Namespace):
    from ..figures import figure_rules

    return figure_rules(metrics=args.metrics, hedges=args.hedges, units=args.units,
                        number_words=args.number_words, actors=args.actors)


def _figures_table(args: argparse.Namespace):
    from ..figures import extract_figures
    from ..segment import with_docvars

    corpus, lines = corpus_and_lines_from_args(args)  # one cleaning pass for both
    figures = extract_figures(corpus, rules=_rules(args), link_dates=not args.no_dates, workers=args.workers,
                              lines=lines)
    docvars = [c for c in ("outlet", "published") if c in corpus.columns]
    if docvars:
        figures = with_docvars(figures, corpus, columns=docvars)
    return corpus, figures


def _figures(args: argparse.Namespace) -> int:
    if from_store(args, ["--exclude-duplicates"] if args.corpus.exclude_duplicates else []):
        with store_of(args, ("doc_terms", "dates", "comparisons", "duplicates"), workers=args.workers,
                      figure_rules=_rules(args), link_dates=not args.no_dates) as store:
            n = write_store_table(store, "figures", args.output)
            if getattr(args, "plot", None):
                _plot(args, _busiest_figures(store, False))
            print(f"kzru figures: {n} figures in {count_rows(store, 'corpus')} articles -> {args.output}",
                  file=sys.stderr)
        return 0
    corpus, figures = _figures_table(args)
    write_table(figures, args.output)
    _plot(args, figures)
    print(f"kzru figures: {len(figures)} figures in {len(corpus)} articles -> {args.output}", file=sys.stderr)
    return 0


def read_rates(path: str | None):
    """The user's currency rate table (``--rates FILE``), or ``None``; a clear error when unreadable."""
    if not path:
        return None
    import pandas as pd

    try:
        return pd.read_csv(path)
    except (OSError, ValueError) as exc:
        raise KzruError(f"{path}: cannot read the rate table ({exc})") from None


def _compare(args: argparse.Namespace) -> int:

    rates = read_rates(args.rates)
    if from_store(args):
        skip = ("doc_terms", "dates", "comparisons") + (() if args.corpus.exclude_duplicates else ("duplicates",))
        with store_of(args, skip, workers=args.workers, figure_rules=_rules(args), link_dates=not args.no_dates) as store:
            return _compare_store(args, store, rates)
    from ..figures import TOLERANCE, compare_in_parallel, summary_pairs

    corpus, figures = _figures_table(args)
    # without --disagreements the pairs are not written: list only those the table's why cites
    max_pairs = args.max_pairs if args.disagreements else summary_pairs(args.max_pairs)
    tolerance = TOLERANCE if args.tolerance is None else args.tolerance
    table, pairs = compare_in_parallel(figures, rates, args.to_unit, args.by, tolerance, max_pairs,
                                       args.undated.replace("-", "_"), workers=args.workers)
    write_table(table, args.output)
    _plot(args, figures)
    if args.disagreements:
        write_table(pairs, args.disagreements)
    _say(args, table, len(pairs))
    return 0


def _say(args: argparse.Namespace, table, n_pairs: int) -> None:
    listed = (f"{n_pairs} conflicting pairs listed" if args.disagreements else
              f"{int(table['n_conflicts'].sum())} conflicting pairs; --disagreements FILE lists them")
    print(f"kzru compare: {len(table)} metric/parties/period groups, {int(table['disagreement'].sum())} with "
          f"disagreement ({listed}) -> {args.output}"
          + (f", {args.disagreements}" if args.disagreements else ""), file=sys.stderr)


def _compare_store(args: argparse.Namespace, store, rates) -> int:
    """``kzru compare`` over a store's figures, group by group (:func:`kzru_lib.store.compare_store`): the comparison table
    (one row per group) is gathered, the disagreements are written block by block."""
    import pandas as pd

    from ..figures import COMPARE_COLUMNS, summary_pairs
    from ..store import compare_store

    exclude = bool(getattr(args.corpus, "exclude_duplicates", False))
    max_pairs = args.max_pairs if args.disagreements else summary_pairs(args.max_pairs)
    tables = []
    with PairsWriter(args.disagreements) as pairs:
        for table, block in compare_store(store, rates=rates, to_unit=args.to_unit, by=args.by,
                                          tolerance=args.tolerance, max_pairs=max_pairs,
                                          undated=args.undated.replace("-", "_"), exclude_duplicates=exclude,
                                          say=None if os.environ.get("KZRU_QUIET") == "1" else _progress):
            tables.append(table)
            pairs.add(block)
    table = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=COMPARE_COLUMNS)
    write_table(table, args.output)
    if getattr(args, "plot", None):
        _plot(args, _busiest_figures(store, exclude))
    _say(args, table, pairs.rows)
    return 0


def _progress(message: str) -> None:
    print(f"kzru compare: {message}", file=sys.stderr, flush=True)


def _busiest_figures(store, exclude: bool):
    """The figures of the metric reported by the most articles (what ``--plot`` draws), from a store."""
    from ..store import open_store, read_table

    where = "metric IS NOT NULL AND metric <> ''"
    if exclude:
        where += " AND doc_id NOT IN (SELECT doc_id FROM corpus WHERE duplicate_of IS NOT NULL)"
    con = open_store(store)
    try:
        # as notebook.most_reported: most articles, then most rows, then alphabetical
        top = con.execute(f"SELECT metric FROM figures WHERE {where} GROUP BY metric "
                          "ORDER BY count(DISTINCT doc_id) DESC, count(*) DESC, metric LIMIT 1").fetchone()
    finally:
        con.close()
    metric = "" if top is None else top[0].replace("'", "''")
    return read_table(store, "figures", where=f"{where} AND metric = '{metric}'")


class PairsWriter:
    """The disagreements table written as it comes, block by block, in bounded memory.

    Blocks go to Parquet parts in a temporary folder; on closing they become ``path`` (CSV,
    Parquet or Excel, as :func:`~kzru_lib._cli.corpus.write_table` writes them): a table under
    :data:`~kzru_lib._cli.corpus.FAST_CSV_ROWS` rows is written by ``write_table`` itself (same
    bytes as the in-memory command), a larger one straight from the parts by DuckDB. ``path=None``:
    nothing is kept, rows are only counted.
    """

    def __init__(self, path: str | None) -> None:
        self.path, self.rows, self._parts, self._tmp = path, 0, [], None

    def __enter__(self) -> PairsWriter:
        import tempfile

        if self.path:
            check_output(self.path)  # a bad path or type fails now, not after the work
            self._tmp = tempfile.TemporaryDirectory(prefix="kzru_pairs_")
        return self

    def add(self, block) -> None:
        self.rows += len(block)
        if self._tmp is None or not len(block):
            return
        part = f"{self._tmp.name}/part-{len(self._parts):06d}.parquet"
        block.to_parquet(part, index=False)
        self._parts.append(part)

    def __exit__(self, kind, exc, tb) -> None:
        if self._tmp is None:
            return
        try:
            if kind is None:
                self._write()
        finally:
            self._tmp.cleanup()

    def _write(self) -> None:
        from pathlib import Path

        import pandas as pd

        from .corpus import FAST_CSV_ROWS

        suffix = Path(self.path).suffix.lower()
        if not self._parts or self.rows < FAST_CSV_ROWS or suffix == ".xlsx":
            frames = [pd.read_parquet(p) for p in self._parts]
            write_table(pd.concat(frames, ignore_index=True) if frames else _empty_pairs(), self.path)
            return
        import duckdb

        con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
        try:
            glob = f"{self._tmp.name}/*.parquet".replace("'", "''")
            con.execute(f"CREATE VIEW pairs AS SELECT * FROM read_parquet('{glob}')")
            cols = con.execute("DESCRIBE pairs").fetchall()
            # empty text as an empty cell, as pandas writes it (see corpus._csv_by_duckdb)
            select = ", ".join(f'NULLIF("{c}", \'\') AS "{c}"' if kind == "VARCHAR" and suffix == ".csv"
                               else f'"{c}"' for c, kind, *_ in cols)
            fmt = "FORMAT csv, HEADER, DELIMITER ','" if suffix == ".csv" else "FORMAT parquet"
            # the parts' order is the groups' order: one thread reads them in turn, nothing is buffered
            con.execute("SET preserve_insertion_order = true")
            con.execute("SET threads = 1")
            con.execute("SET memory_limit = '512MB'")
            con.execute(f"COPY (SELECT {select} FROM pairs) TO ? ({fmt})", [str(self.path)])
        finally:
            con.close()


def _empty_pairs():
    import pandas as pd

    from ..figures import DISAGREEMENT_COLUMNS

    return pd.DataFrame(columns=DISAGREEMENT_COLUMNS)


def _plot(args: argparse.Namespace, figures) -> None:
    if not getattr(args, "plot", None):
        return  # no plot asked for: matplotlib is not even imported
    from ..plots.figures import figure_intervals
    from .plot import busiest_metric, write_plot

    colour = "outlet" if "outlet" in figures.columns else "doc_id"
    write_plot(args, lambda: figure_intervals(figures, metric=busiest_metric(figures) or "", color_by=colour))


def _rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metrics", metavar="CSV", help="metric keyword table (default: kzru_lib/data/metrics.csv)")
    p.add_argument("--hedges", metavar="CSV", help="hedge table (default: kzru_lib/data/hedges.csv)")
    p.add_argument("--units", metavar="CSV", help="currency/percent/scale table (default: data/units.csv)")
    p.add_argument("--number-words", metavar="CSV", help="numbers in words (default: data/number_words.csv)")
    p.add_argument("--actors", metavar="CSV", help="actor gazetteer for speakers (default: data/actors.csv)")
    p.add_argument("--no-dates", action="store_true", help="do not link figures to periods (faster)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="parallel processes (default: one per CPU from 1,000 articles on)")
    from .plot import add_plot_option

    add_plot_option(p, "the claims of the metric reported by the most articles")


def register(sub) -> None:
    p = sub.add_parser("figures", help="money, percentages and counts, with hedge, metric, period, speaker",
                       description="Find every figure in the kept text of a folder of articles; one row per "
                                   "figure with doc_id, line_no, surface, value, unit, qualifier, low, high, "
                                   "metric, period, speaker and the sentence.")
    add_corpus_options(p)
    _rule_options(p)
    add_store_option(p, "figures")
    p.set_defaults(handler=_figures)
    p = sub.add_parser("compare", help="figures of different articles side by side, by metric, parties and period",
                       description="Group the figures by metric, parties, period and unit; one row per group with the range "
                                   "of values, the sources, a disagreement flag and why.")
    add_corpus_options(p)
    _rule_options(p)
    p.add_argument("--rates", metavar="CSV", help="exchange rates (unit,rate: how many TO_UNIT one unit is "
                                                  "worth); without it currencies are never converted")
    p.add_argument("--to-unit", default="USD", metavar="UNIT", help="currency the rates convert to (USD)")
    p.add_argument("--by", choices=["doc_id", "outlet"], default="doc_id", help="how sources are named")
    p.add_argument("--disagreements", metavar="FILE",
                   help="also write the tidy disagreements table: one row per conflicting pair of claims "
                        "(doc_id:line_no, sentence, basis, why)")
    p.add_argument("--tolerance", type=float, default=None, metavar="SHARE",
                   help="share of a value by which claims may differ and still agree, on top of hedges and "
                        "stated precision (default: figures.TOLERANCE, none)")
    p.add_argument("--max-pairs", type=int, default=1000, metavar="N",
                   help="most conflicting pairs listed per group (n_conflicts stays exact; default 1000)")
    p.add_argument("--undated", choices=["same-year", "all"], default="same-year",
                   help="figures with no stated period: compare them only with figures of articles published "
                        "the same year (default), or with all")
    add_store_option(p, "figures")
    p.set_defaults(handler=_compare)
