"""Plots of term tables (matplotlib only; each function returns the Figure).

=======================  ===========================================  ===========================
function                 draws                                        quanteda
=======================  ===========================================  ===========================
``top_terms(freq)``      horizontal bars, one panel per group         ``textplot_frequency``-like
``keyness_bars(key)``    the most key terms of each side              ``textplot_keyness()``
``dispersion_plot(d)``   where a term occurs along each document      ``textplot_xray()``
``term_trend(tr)``       relative frequency over publication period   Voyant "Trends"
=======================  ===========================================  ===========================
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure

__all__ = ["top_terms", "keyness_bars", "dispersion_plot", "term_trend"]

TARGET_COLOR = "#1f77b4"
REFERENCE_COLOR = "#7f7f7f"


def _empty(fig: Figure, message: str) -> Figure:
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def top_terms(freq: pd.DataFrame, *, n: int = 10, title: str | None = None) -> Figure:
    """Bar chart of the most frequent terms, one panel per group.

    Args:
        freq: a table from :func:`kzru_lib.terms.frequency` (with or without ``group``).
        n: terms per panel.
        title: figure title.

    Returns:
        The Figure (not shown; a notebook displays it).

    Example:
        >>> fig = top_terms(frequency(doc_terms(corpus)), n=15)  # doctest: +SKIP
    """
    groups = list(dict.fromkeys(freq["group"])) if "group" in freq.columns else [None]
    cols = min(len(groups), 3)
    rows = math.ceil(len(groups) / cols) if groups else 1
    fig = Figure(figsize=(4.2 * cols, 0.28 * n * rows + 1.2), layout="constrained")
    if freq.empty:
        return _empty(fig, "no terms")
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, group in zip(axes, groups, strict=False):
        part = freq if group is None else freq[freq["group"] == group]
        part = part.sort_values(["count", "term"], ascending=[False, True]).head(n)[::-1]
        ax.barh(part["term"], part["count"], color=TARGET_COLOR)
        ax.set_xlabel("count")
        if group is not None:
            ax.set_title(str(group), fontsize=10)
    for ax in axes[len(groups):]:
        ax.set_axis_off()
    if title:
        fig.suptitle(title)
    return fig


def keyness_bars(key: pd.DataFrame, *, n: int = 10, measure: str = "g2",
                 labels: tuple[str, str] | None = None) -> Figure:
    """The n most key terms for the target (positive) and the reference (negative).

    Args:
        key: a table from :func:`kzru_lib.terms.keyness`.
        n: terms on each side.
        measure: ``"g2"``, ``"chi2"`` or ``"log_ratio"``.
        labels: legend names of (target, reference); default from ``key.attrs``.

    Returns:
        The Figure.

    Example:
        >>> fig = keyness_bars(keyness(dt, docvars=corpus, by="country", target="Russia"))  # doctest: +SKIP
    """
    fig = Figure(figsize=(7, 0.3 * 2 * n + 1.3), layout="constrained")
    if key.empty:
        return _empty(fig, "no terms")
    top = key[key[measure] > 0].sort_values([measure, "term"], ascending=[False, True]).head(n)
    bottom = key[key[measure] < 0].sort_values([measure, "term"], ascending=[True, True]).head(n)
    part = pd.concat([top, bottom[::-1]])[::-1]
    colors = [TARGET_COLOR if v > 0 else REFERENCE_COLOR for v in part[measure]]
    ax = fig.add_subplot()
    ax.barh(range(len(part)), part[measure], color=colors)
    ax.set_yticks(range(len(part)), part["term"])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel({"g2": "G² (signed log-likelihood)", "chi2": "chi² (signed, Yates)",
                   "log_ratio": "log ratio (log2)"}.get(measure, measure))
    target, reference = labels or (str(key.attrs.get("target", "target")), str(key.attrs.get("reference", "reference")))
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=TARGET_COLOR, label=target), Patch(color=REFERENCE_COLOR, label=reference)],
              loc="lower right", fontsize=8)
    return fig


def dispersion_plot(disp: pd.DataFrame, *, terms: list[str] | None = None) -> Figure:
    """Lexical dispersion: a tick where each term occurs along each document (0 = start).

    Args:
        disp: a table from :func:`kzru_lib.terms.dispersion`.
        terms: the order of the rows (default: as found).

    Returns:
        The Figure: one row per (document, term), x = relative position in the document.
    """
    terms = terms or list(dict.fromkeys(disp["term"]))
    docs = sorted(disp["doc_id"].unique())
    keys = [(d, t) for d in docs for t in terms]
    fig = Figure(figsize=(8, 0.3 * max(len(keys), 1) + 1.2), layout="constrained")
    if disp.empty:
        return _empty(fig, "no occurrences")
    ax = fig.add_subplot()
    colors = {t: f"C{i % 10}" for i, t in enumerate(terms)}
    for y, (d, t) in enumerate(keys):
        xs = disp.loc[(disp["doc_id"] == d) & (disp["term"] == t), "position"]
        ax.plot(xs, [y] * len(xs), "|", markersize=12, color=colors[t])
    ax.set_yticks(range(len(keys)), [f"{d[:12]} · {t}" for d, t in keys], fontsize=8)
    ax.set_ylim(-0.5, len(keys) - 0.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the document (share of its tokens)")
    return fig


def term_trend(tr: pd.DataFrame, *, per: int = 1000) -> Figure:
    """Relative frequency of terms over publication periods.

    Args:
        tr: a table from :func:`kzru_lib.terms.trend`.
        per: scale (occurrences per ``per`` counted terms).

    Returns:
        The Figure: one line per term.
    """
    fig = Figure(figsize=(7, 3.5), layout="constrained")
    if tr.empty:
        return _empty(fig, "no dated occurrences")
    ax = fig.add_subplot()
    periods = sorted(tr["period"].unique())
    for term, part in tr.groupby("term", sort=True):
        part = part.set_index("period").reindex(periods)
        ax.plot(periods, part["rel_freq"].fillna(0) * per, marker="o", label=term)
    ax.set_ylabel(f"per {per} terms")
    ax.set_xlabel("period")
    ax.legend(fontsize=8)
    return fig
