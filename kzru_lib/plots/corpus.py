"""Plots of the corpus and its cleaning (matplotlib only; each function returns the Figure).

=================================  =======================================================
function                           draws
=================================  =======================================================
``dropped_lines_plot(lines)``      per article, the dropped lines stacked by reason
                                   (horizontal bars, one colour per reason)
=================================  =======================================================
"""

from __future__ import annotations

import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure

__all__ = ["dropped_lines_plot", "dropped_lines_table"]


def dropped_lines_table(lines: pd.DataFrame) -> pd.DataFrame:
    """Dropped lines counted per article and reason (the data behind :func:`dropped_lines_plot`).

    Args:
        lines: the audit from :func:`kzru_lib.audit_lines`.

    Returns:
        One row per article (``doc_id`` index, sorted), one column per reason (sorted by total,
        largest first), counts as integers; articles that lost nothing have a row of zeros.
    """
    dropped = lines[lines["label"].isin(["boilerplate", "metadata"])]
    table = pd.crosstab(dropped["doc_id"], dropped["reason"])
    table = table.reindex(sorted(lines["doc_id"].unique()), fill_value=0)
    order = table.sum().sort_values(ascending=False, kind="stable").index
    table = table[order]
    table.columns.name = "reason"
    return table.astype(int)


def dropped_lines_plot(lines: pd.DataFrame, *, max_articles: int = 40, width: float = 8.0) -> Figure:
    """Per-article stacked bars of dropped lines by reason.

    Args:
        lines: the audit from :func:`kzru_lib.audit_lines`.
        max_articles: show the articles that lost the most lines, at most this many.
        width: figure width in inches.

    Returns:
        A matplotlib Figure.
    """
    table = dropped_lines_table(lines)
    if len(table) > max_articles:
        table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:max_articles]]
        table = table.sort_index()
    fig = Figure(figsize=(width, 1.2 + 0.35 * max(len(table), 1)))
    ax = fig.add_subplot()
    if table.empty or table.to_numpy().sum() == 0:
        ax.text(0.5, 0.5, "no line was dropped", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    cmap = colormaps["tab20"]
    left = pd.Series(0, index=table.index)
    labels = [str(d)[:28] for d in table.index]
    for k, reason in enumerate(table.columns):
        ax.barh(labels, table[reason], left=left, color=cmap(k % 20), label=reason)
        left = left + table[reason]
    ax.invert_yaxis()
    ax.set_xlabel("dropped lines")
    ax.set_title("What the cleaner removed, by reason")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize="small")
    fig.tight_layout()
    return fig
