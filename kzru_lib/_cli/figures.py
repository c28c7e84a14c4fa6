"""``kzru figures`` and ``kzru compare``: figures in the articles, and the claims side by side."""

from __future__ import annotations

import argparse
import sys

from ..errors import KzruError
from .corpus import add_corpus_options, corpus_and_lines_from_args, write_table


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
    from ..figures import _compare, summary_pairs

    rates = read_rates(args.rates)
    corpus, figures = _figures_table(args)
    # without --disagreements the pairs are not written: list only those the table's why cites
    max_pairs = args.max_pairs if args.disagreements else summary_pairs(args.max_pairs)
    table, pairs = _compare(figures, rates, args.to_unit, args.by, args.tolerance, max_pairs,
                            args.undated.replace("-", "_"))
    write_table(table, args.output)
    _plot(args, figures)
    if args.disagreements:
        write_table(pairs, args.disagreements)
    listed = (f"{len(pairs)} conflicting pairs listed" if args.disagreements else
              f"{int(table['n_conflicts'].sum())} conflicting pairs; --disagreements FILE lists them")
    print(f"kzru compare: {len(table)} metric/parties/period groups, {int(table['disagreement'].sum())} with "
          f"disagreement ({listed}) -> {args.output}"
          + (f", {args.disagreements}" if args.disagreements else ""), file=sys.stderr)
    return 0


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
    p.add_argument("--tolerance", type=float, default=0.005, metavar="SHARE",
                   help="share of a value by which claims may differ and still agree, on top of hedges and "
                        "stated precision (default 0.005 = 0.5%%)")
    p.add_argument("--max-pairs", type=int, default=1000, metavar="N",
                   help="most conflicting pairs listed per group (n_conflicts stays exact; default 1000)")
    p.add_argument("--undated", choices=["same-year", "all"], default="same-year",
                   help="figures with no stated period: compare them only with figures of articles published "
                        "the same year (default), or with all")
    p.set_defaults(handler=_compare)
