"""Explorer for figures and their comparison (ipywidgets over kzru_lib.figures).

The function returns a widget whose controls are attributes, so a notebook cell shows it and a
test drives it from code::

    w = figure_explorer(figures)
    w.metric.value = "joint_projects_count"   # the chart and the sentences update
    w.sources.value = ("004_d85f85ece3cb7142",)
    w.claims, w.comparison                     # the tables behind what is shown
"""

from __future__ import annotations

import html

import ipywidgets as W
import pandas as pd

from .. import figures as F
from ..plots import figures as P
from .export import export_bar, show_figure

__all__ = ["figure_explorer", "FigureExplorer"]

UNSTATED = "(not stated)"


def _source_options(claims: pd.DataFrame) -> list[tuple[str, str]]:
    """Picker labels: outlet and title with the doc_id, when the claims carry them."""
    from ..notebook import source_labels

    docs = claims.drop_duplicates("source")
    if not (docs["source"] == docs["doc_id"]).all():  # sources are outlets already
        return [(s, s) for s in sorted(docs["source"])]
    return sorted(source_labels(docs, list(docs["doc_id"])))


class FigureExplorer(W.VBox):
    """Pick a metric, sources and periods: the dot-and-interval chart and the sentences behind it.

    Attributes:
        metric: ``Dropdown`` of the metrics found.
        sources: ``SelectMultiple`` of the sources (articles, or outlets when ``by="outlet"``); empty = all.
        periods: ``SelectMultiple`` of the periods of this metric; empty = all.
        color_by: ``Dropdown``: colour points by ``doc_id``, ``outlet`` or ``speaker``.
        chart: ``Image`` widget with the dot-and-interval chart (PNG).
        details: ``HTML`` widget with the comparison (``why``) and the sentences behind each point.
        claims: DataFrame of the claims shown (:func:`kzru_lib.figures.figure_claims` rows).
        comparison: the :func:`kzru_lib.figures.compare_figures` rows of the shown claims.
        figure: the last Figure drawn.
    """

    def __init__(self, figures: pd.DataFrame, *, by: str, max_rows: int):
        self._claims = F.figure_claims(figures)
        # document columns given with the figures (media, stance...) travel to the claims, for colours
        per_doc = [c for c in figures.columns if c not in self._claims.columns and len(figures)
                   and figures.groupby("doc_id")[c].nunique(dropna=False).max() <= 1]
        if per_doc and len(self._claims):
            self._claims = self._claims.merge(figures.drop_duplicates("doc_id")[["doc_id", *per_doc]], on="doc_id",
                                              how="left")
        if by == "outlet" and "outlet" in self._claims.columns:
            src = self._claims["outlet"].where(self._claims["outlet"] != "", self._claims["doc_id"])
        else:
            src = self._claims["doc_id"]
        self._claims = self._claims.assign(source=src.astype(str))
        self._max_rows = max_rows
        metrics = sorted(self._claims["metric"].unique()) if len(self._claims) else []
        counts = self._claims["metric"].value_counts()
        # open on the metric reported by the most sources (ties: most claims, then alphabetical)
        spread = (self._claims.groupby("metric")["source"].nunique().to_frame("n").assign(c=counts)
                  .reset_index().sort_values(["n", "c", "metric"], ascending=[False, False, True]))
        first = spread["metric"].iloc[0] if len(spread) else None
        self.metric = W.Dropdown(options=metrics, value=first, description="metric")
        self.sources = W.SelectMultiple(options=_source_options(self._claims), description="sources", rows=5,
                                        layout=W.Layout(width="45%"))
        self.periods = W.SelectMultiple(options=[], description="periods", rows=5)
        from ..notebook import categorical_columns

        docs = self._claims.drop_duplicates("doc_id")[["doc_id", *per_doc]] if len(self._claims) else self._claims
        colour_options = (["doc_id", "speaker"] + (["outlet"] if "outlet" in self._claims.columns else [])
                          + [c for c in categorical_columns(docs) if c != "outlet"])
        self.color_by = W.Dropdown(options=colour_options, value="doc_id", description="colour by")
        self.chart = W.Image(format="png")
        self.details = W.HTML()
        self.claims = pd.DataFrame()
        self.comparison = pd.DataFrame()
        self.figure = None
        self._set_periods()
        self.metric.observe(self._on_metric, names="value")
        for control in (self.sources, self.periods, self.color_by):
            control.observe(self._refresh, names="value")
        self.export = export_bar(lambda: {"claims": self.claims, "comparison": self.comparison},
                                 lambda: self.figure, stem="figures")
        super().__init__([W.HBox([self.metric, self.color_by]), W.HBox([self.sources, self.periods]), self.chart,
                          self.details, self.export])
        self._refresh()

    def _set_periods(self) -> None:
        part = self._claims[self._claims["metric"] == self.metric.value]
        self.periods.options = sorted({p or UNSTATED for p in part["period"]})
        self.periods.value = ()

    def _on_metric(self, _change=None) -> None:
        self._set_periods()
        self._refresh()

    def _refresh(self, _change=None) -> None:
        c = self._claims[self._claims["metric"] == self.metric.value]
        if self.sources.value:
            c = c[c["source"].isin(self.sources.value)]
        if self.periods.value:
            chosen = {"" if p == UNSTATED else p for p in self.periods.value}
            c = c[c["period"].isin(chosen)]
        self.claims = c.reset_index(drop=True)
        self.comparison = F.compare_figures(self.claims) if len(self.claims) else pd.DataFrame(
            columns=F.COMPARE_COLUMNS)
        self.figure = P.figure_intervals(self.claims, metric=self.metric.value or "", color_by=self.color_by.value)
        show_figure(self.chart, self.figure)
        # a group is a period and who with whom: two groups of one period are told apart by their parties
        why = "".join(f"<li><b>{html.escape(str(r.period) or 'no period')}"
                      f"{' · ' + html.escape(str(r.parties)) if str(r.parties or '') else ''}</b>: "
                      f"{html.escape(r.why or 'no disagreement')}</li>" for r in self.comparison.itertuples())
        rows = "".join(
            f"<tr><td>{html.escape(r.source)}</td><td>{r.line_no}</td><td>{html.escape(r.surface)}</td>"
            f"<td>{html.escape(r.qualifier)}</td><td>{html.escape(r.period)}</td>"
            f"<td>{html.escape(str(getattr(r, 'parties', '') or ''))}</td><td>{html.escape(r.speaker)}</td>"
            f"<td>{html.escape(r.sentence)}</td></tr>"
            for r in self.claims.head(self._max_rows).itertuples())
        head = "".join(f"<th>{h}</th>" for h in ("source", "line", "figure", "hedge", "period", "parties", "speaker", "sentence"))
        self.details.value = (f"<ul>{why}</ul><table><tr>{head}</tr>{rows}</table>" if len(self.claims)
                              else "<p>no claims for this choice</p>")


def figure_explorer(figures: pd.DataFrame, *, by: str = "doc_id", max_rows: int = 20) -> FigureExplorer:
    """An explorer of the figures: choose a metric, sources, periods; see the chart and the sentences.

    Args:
        figures: the table of :func:`kzru_lib.figures.extract_figures` (add ``outlet`` with
            :func:`kzru_lib.segment.with_docvars` to choose sources by outlet).
        by: name sources by ``doc_id`` or ``outlet``.
        max_rows: sentences shown under the chart.

    Returns:
        A :class:`FigureExplorer` (an ``ipywidgets.VBox``); its controls are attributes.

    Example:
        >>> w = figure_explorer(figs)                     # doctest: +SKIP
        >>> w.metric.value = "joint_projects_count"       # doctest: +SKIP
    """
    return FigureExplorer(figures, by=by, max_rows=max_rows)
