"""Plots of figure tables (matplotlib only; each function returns the Figure).

===========================  ==============================================================
function                     draws
===========================  ==============================================================
``figure_intervals(figs)``   dot-and-interval chart of one metric: each claim's value and
                             hedge interval, one row per claim, grouped by period, coloured
                             by source (outlet, speaker or article); targets hollow; a log
                             axis when values differ a hundredfold, or one panel per parties
                             or period group (``panels=``)
===========================  ==============================================================
"""

from __future__ import annotations

import math
from typing import Literal

import pandas as pd
from matplotlib.figure import Figure

from .scale import LOG_RATIO, needs_log_scale  # noqa: F401 (LOG_RATIO: named in the docstring)

__all__ = ["figure_intervals"]

#: Colours for sources, in order (matplotlib's tab10).
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")
UNSTATED = "(period not stated)"
#: Rows of the summary chart (:func:`figure_intervals` with more than ``max_claims`` claims).
MAX_PERIODS = 30


def _empty(fig: Figure, message: str) -> Figure:
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _scale(unit: str, top: float) -> tuple[float, str]:
    if unit in ("percent", "percentage_point"):
        return 1.0, "%" if unit == "percent" else "percentage points"
    if unit == "count":
        return 1.0, "count"
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if top >= div:
            return div, f"{word} {unit}"
    return 1.0, unit




def figure_intervals(
    figures: pd.DataFrame,
    *,
    metric: str,
    color_by: Literal["doc_id", "outlet", "speaker"] = "doc_id",
    unit: str | None = None,
    title: str | None = None,
    xscale: Literal["auto", "linear", "log"] = "auto",
    panels: Literal[None, "parties", "period"] = None,
    max_claims: int = 80,
) -> Figure:
    """Dot-and-interval chart of the claims about one metric.

    Args:
        figures: the table of :func:`kzru_lib.figures.extract_figures` (or of
            :func:`kzru_lib.figures.figure_claims`, one row per claim).
        metric: which metric to draw (e.g. ``"trade_turnover"``).
        color_by: the column that colours the points (``outlet`` needs that column).
        unit: which unit when the metric has several (default: the most frequent).
        title: figure title (default: the metric and unit).
        xscale: ``"linear"``, ``"log"``, or ``"auto"`` (default): a log axis when the values
            span more than :data:`LOG_RATIO` times (China's world trade beside a bilateral
            figure), so small values are not squashed to zero.
        panels: ``"parties"`` or ``"period"`` draws one panel per group, each with its own
            x axis; ``None`` (default) draws one panel.
        max_claims: more claims than this (a large corpus) are drawn as a summary instead: one
            row per period (the :data:`MAX_PERIODS` most claimed), the range of values as a line
            and each distinct value as a dot sized by its number of claims, with no legend of
            sources, so the chart stays readable and small whatever the corpus.

    Returns:
        The Figure: one row per claim, grouped by period (the y axis; "period not stated"
        last), a dot at the value and a line over the hedge interval (an arrow when it is
        open-ended); targets are drawn hollow; a legend names the sources.

    Note:
        A claim repeated in one article is drawn once (via
        :func:`kzru_lib.figures.figure_claims`).

    Example:
        >>> fig = figure_intervals(extract_figures(corpus), metric="trade_turnover")  # doctest: +SKIP
    """
    from ..figures import figure_claims

    data = figures if "n_mentions" in figures.columns else figure_claims(figures)
    data = data[data["metric"] == metric] if len(data) else data
    if len(data) > max_claims:
        return _summary(data, metric, unit, title, xscale, max_claims)
    fig = Figure(figsize=(9, 1.4 + 0.45 * max(len(data), 1) + (0.6 * data[panels].nunique() if panels and
                                                                  len(data) else 0)), layout="constrained")
    if data.empty:
        return _empty(fig, f"no figures for {metric!r}")
    if xscale not in ("auto", "linear", "log"):
        raise ValueError(f"xscale must be 'auto', 'linear' or 'log', not {xscale!r}")
    if unit is None:
        unit = data["unit"].value_counts().sort_index().idxmax()
    data = data[data["unit"] == unit].copy()
    if color_by not in data.columns:
        color_by = "doc_id"
    if panels and panels not in data.columns:
        data[panels] = ""
    data["period"] = data["period"].fillna("").astype(str)
    label = data[color_by].fillna("").astype(str)
    fallback = data["doc_id"].astype(str) if color_by == "outlet" else pd.Series("(none)", index=data.index)
    data["source_label"] = label.where(label != "", fallback)
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sorted(data["source_label"].unique()))}
    groups = [(None, data)] if not panels else list(data.groupby(data[panels].fillna("").astype(str), sort=True))
    axes = fig.subplots(len(groups), 1, squeeze=False,
                        gridspec_kw={"height_ratios": [max(len(g), 1) + 1.2 for _k, g in groups]})[:, 0]
    for ax, (key, g) in zip(axes, groups, strict=True):
        _draw(ax, g, unit, xscale, colours)
        if panels:
            ax.set_title(f"{panels}: {key or '(not stated)'}", fontsize=9, loc="left")
    handles, labels = axes[0].get_legend_handles_labels()
    seen = dict(zip(labels, handles, strict=False))
    axes[0].legend(seen.values(), seen.keys(), fontsize=7, title=color_by, title_fontsize=7, loc="upper left",
                   bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.suptitle(title or f"{metric} ({unit}): value and hedge interval per claim", fontsize=10)
    return fig


def _draw(ax, data: pd.DataFrame, unit: str, xscale: str, colours: dict) -> None:
    """One panel: the claims of ``data``, one row each, grouped by period."""
    periods = sorted(p for p in data["period"].unique() if p) + ([""] if (data["period"] == "").any() else [])
    data = data.assign(period_order=data["period"].map({p: i for i, p in enumerate(periods)}))
    data = data.sort_values(["period_order", "value", "doc_id"], kind="stable").reset_index(drop=True)
    finite = pd.concat([data["value"], data["low"], data["high"][~data["high"].map(math.isinf)]])
    top = float(finite.max()) if len(finite) else 1.0
    positive = finite[finite > 0]
    log = xscale == "log" or (xscale == "auto" and needs_log_scale(positive))
    div, xlabel = (1.0, unit) if log else _scale(unit, abs(top))
    if log:
        left = float(positive.min()) / 2 if len(positive) else 1.0
        xmax = top * 3 if top > 0 else 10.0
    else:
        left, xmax = 0, (top / div * 1.25 if top > 0 else 1.0)
    for y, r in enumerate(data.itertuples()):
        colour = colours[r.source_label]
        lo, hi = max(r.low / div, left) if log else r.low / div, r.high / div
        if math.isinf(hi):
            ax.annotate("", xy=(xmax, y), xytext=(lo, y), arrowprops={"arrowstyle": "->", "color": colour})
        else:
            ax.plot([lo, hi], [y, y], color=colour, linewidth=2.5, alpha=0.6)
        target = r.qualifier == "target"
        ax.plot([max(r.value / div, left) if log else r.value / div], [y], "o", markersize=8, color=colour,
                markerfacecolor="white" if target else colour, label=r.source_label)
        ax.annotate(f"{r.surface}" + (" (target)" if target else ""), (r.value / div, y),
                    xytext=(6, 6), textcoords="offset points", fontsize=7)
    ax.set_yticks(range(len(data)), [(p or UNSTATED) for p in data["period"]], fontsize=8)
    ax.set_ylim(len(data) - 0.4, -0.8)
    if log:
        ax.set_xscale("log")
        ax.set_xlim(left=left, right=xmax * 1.05)
        xlabel += " (log scale)"
    else:
        ax.set_xlim(left=0, right=xmax * 1.05)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("period")
    ax.grid(axis="x", alpha=0.3)


def _summary(data: pd.DataFrame, metric: str, unit: str | None, title: str | None, xscale: str,
             max_claims: int) -> Figure:
    """Many claims: one row per period (the most claimed), value range and dots sized by claims."""
    if unit is None:
        unit = data["unit"].value_counts().sort_index().idxmax()
    data = data[data["unit"] == unit].copy()
    data["period"] = data["period"].fillna("").astype(str)
    n_claims = len(data)
    counts = data["period"].value_counts()
    shown = sorted(counts.sort_values(ascending=False, kind="stable").index[:MAX_PERIODS],
                   key=lambda p: (p == "", p))
    data = data[data["period"].isin(shown)]
    fig = Figure(figsize=(9, 1.6 + 0.4 * len(shown)), layout="constrained")
    ax = fig.add_subplot()
    values = data["value"]
    positive = values[values > 0]
    log = xscale == "log" or (xscale == "auto" and needs_log_scale(positive))
    div, xlabel = (1.0, unit) if log else _scale(unit, float(values.abs().max()) if len(values) else 1.0)
    for y, period in enumerate(shown):
        rows = data[data["period"] == period]
        dots = rows.groupby("value").size()
        ax.plot([dots.index.min() / div, dots.index.max() / div], [y, y], color=PALETTE[0], linewidth=2, alpha=0.4)
        ax.scatter(dots.index / div, [y] * len(dots), s=12 + 60 * dots.to_numpy() / dots.max(), color=PALETTE[0],
                   alpha=0.7, zorder=3)
        ax.annotate(f"{len(rows)} claims, {rows['doc_id'].nunique()} articles", (1.0, y), xycoords=("axes fraction",
                    "data"), xytext=(4, 0), textcoords="offset points", fontsize=7, va="center")
    ax.set_yticks(range(len(shown)), [p or UNSTATED for p in shown], fontsize=8)
    ax.set_ylim(len(shown) - 0.5, -0.7)
    if log:
        ax.set_xscale("log")
        xlabel += " (log scale)"
    ax.set_xlabel(xlabel)
    ax.set_ylabel("period")
    ax.grid(axis="x", alpha=0.3)
    more = f"; {len(counts) - len(shown)} more periods not shown" if len(counts) > len(shown) else ""
    fig.suptitle(title or f"{metric} ({unit}): {n_claims} claims (over {max_claims}), one row per period{more}",
                 fontsize=10)
    return fig
