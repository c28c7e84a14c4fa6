"""Explorers for term frequencies, concordances and keyness (ipywidgets over kzru_lib.terms).

Each function returns a widget whose controls are attributes, so a notebook cell shows it and a
test drives it from code::

    w = term_explorer(corpus)
    w.terms.value = ("energy",)        # the chart and the concordance update
    w.table, w.concordance             # the tables behind what is shown

    k = keyness_explorer(corpus, by="source_country")
    k.group_a.value = "Russia"         # the keyness chart updates; k.table holds the scores
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as W
import pandas as pd

from .. import terms as T
from ..errors import KzruError
from ..plots import terms as P
from .export import export_bar, show_figure

__all__ = ["term_explorer", "keyness_explorer", "trend_explorer", "TermExplorer", "KeynessExplorer", "TrendExplorer"]

ALL_OTHERS = "(all others)"




def _html(table: pd.DataFrame, empty: str) -> str:
    if table.empty:
        return f"<p><i>{empty}</i></p>"
    return table.to_html(index=False, escape=True, border=0)


def _group_labels(corpus: pd.DataFrame, by: str) -> pd.Series:
    col = pd.Series(corpus[by].to_numpy(), index=corpus["doc_id"].to_numpy()).astype(object)
    return col.where(col.notna(), "(missing)").astype(str)


def _group_options(corpus: pd.DataFrame, by: str, values) -> list[tuple[str, str]]:
    """``(label, value)`` pairs of a group picker: articles show outlet and title with the doc_id."""
    values = sorted(values)
    if by == "doc_id":
        from ..notebook import source_labels

        return source_labels(corpus, values)
    return [(v, v) for v in values]


class TermExplorer(W.VBox):
    """Pick terms and groups: a bar chart of relative frequency and the concordance.

    Attributes:
        terms: ``TagsInput`` of terms (as counted, e.g. ``"vladimir putin"``).
        by: ``Dropdown`` of the document column that defines groups (``doc_id`` = articles).
        groups: ``SelectMultiple`` of the groups shown (empty = all).
        window: ``IntSlider``, words of concordance context.
        plot: ``Image`` showing the chart (PNG).
        listing: ``HTML`` showing the first concordance lines.
        table: DataFrame behind the chart: ``group``, ``term``, ``count``, ``per_1000``.
        concordance: DataFrame of :func:`kzru_lib.terms.kwic` rows for the shown terms and groups.
        figure: the last Figure drawn.
    """

    def __init__(self, corpus: pd.DataFrame, *, kept: pd.DataFrame | None, options: T.TermOptions | None,
                 by: Sequence[str], terms: Sequence[str], max_rows: int):
        from ..segment import kept_lines

        self._corpus = corpus
        self._kept = kept_lines(corpus) if kept is None else kept
        self._options = T.term_options() if options is None else options
        self._dt = T.doc_terms(self._kept, options=self._options)
        self._max_rows = max_rows
        self.terms = W.TagsInput(value=list(terms), allow_duplicates=False, description="terms")
        self.by = W.Dropdown(options=list(by), value=by[0], description="group by")
        self.groups = W.SelectMultiple(options=[], description="groups", rows=5)
        self.window = W.IntSlider(value=5, min=1, max=15, description="context")
        self.plot = W.Image(format="png")
        self.listing = W.HTML()
        self.table = pd.DataFrame()
        self.concordance = pd.DataFrame()
        self.figure = None
        self._set_groups()
        for control in (self.terms, self.groups, self.window):
            control.observe(self._refresh, names="value")
        self.by.observe(self._on_by, names="value")
        self.export = export_bar(lambda: {"frequency": self.table, "concordance": self.concordance},
                                 lambda: self.figure, stem="terms")
        super().__init__([W.HBox([self.terms, self.by]), W.HBox([self.groups, self.window]), self.plot,
                          self.listing, self.export])
        self._refresh()

    def _set_groups(self) -> None:
        self._labels = _group_labels(self._corpus, self.by.value)
        self.groups.options = _group_options(self._corpus, self.by.value, self._labels.unique())
        self.groups.value = ()

    def _on_by(self, _change=None) -> None:
        self._set_groups()
        self._refresh()

    def _refresh(self, _change=None) -> None:
        chosen = set(self.groups.value) or {value for _, value in self.groups.options}
        docs = set(self._labels[self._labels.isin(chosen)].index)
        dt = self._dt[self._dt["doc_id"].isin(docs)]
        group = dt["doc_id"].map(self._labels)
        totals = dt.groupby(group)["count"].sum()
        terms = list(self.terms.value)
        hits = dt[dt["term"].isin(terms)].assign(group=group)
        table = hits.groupby(["group", "term"], as_index=False)["count"].sum()
        table["per_1000"] = (1000 * table["count"].astype(float)
                             / table["group"].map(totals).astype(float)) if len(table) else pd.Series(dtype=float)
        self.table = table.sort_values(["group", "term"], ignore_index=True)
        kept = self._kept[self._kept["doc_id"].isin(docs)]
        words = [t for t in terms if t]
        self.concordance = (T.kwic(kept, words, window=self.window.value, options=self._options)
                            if words else pd.DataFrame(columns=["doc_id", "line_no", "left", "keyword", "right"]))
        self.figure = self._chart(terms)
        show_figure(self.plot, self.figure)
        cols = ["doc_id", "line_no", "left", "keyword", "right"]
        shown = self.concordance[cols].head(self._max_rows)
        self.listing.value = (f"<p>{len(self.concordance)} concordance lines"
                              f"{f', first {len(shown)}' if len(shown) < len(self.concordance) else ''}</p>"
                              + _html(shown, "no occurrence of these terms in these groups"))

    def _chart(self, terms: list[str]):
        from matplotlib.figure import Figure

        fig = Figure(figsize=(7, 3.2), layout="constrained")
        ax = fig.add_subplot()
        if self.table.empty:
            ax.text(0.5, 0.5, "none of these terms in these groups", ha="center", transform=ax.transAxes)
            ax.set_axis_off()
            return fig
        wide = self.table.pivot(index="group", columns="term", values="per_1000").fillna(0)
        wide = wide.reindex(columns=[t for t in terms if t in wide.columns])
        width = 0.8 / max(len(wide.columns), 1)
        for i, term in enumerate(wide.columns):
            ax.bar([x + i * width for x in range(len(wide))], wide[term], width=width, label=term)
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(wide))], [str(g)[:22] for g in wide.index],
                      rotation=20, ha="right", fontsize=8)
        ax.set_ylabel("per 1,000 counted terms")
        ax.legend(fontsize=8)
        return fig


class KeynessExplorer(W.VBox):
    """Pick two groups: the keyness chart of the terms that tell them apart.

    Attributes:
        by: ``Dropdown`` of the document column that defines groups.
        group_a: ``Dropdown``, the target group.
        group_b: ``Dropdown``, the reference group (``"(all others)"`` = every other document).
        measure: ``Dropdown`` of ``g2``, ``chi2``, ``log_ratio``.
        n: ``IntSlider``, terms per side.
        plot: ``Image`` showing the keyness chart (PNG).
        table: the :func:`kzru_lib.terms.keyness` table shown (empty with a note when the
            choice is not valid, e.g. the same group twice).
        message: why the table is empty, or ``""``.
        figure: the last Figure drawn.
    """

    def __init__(self, corpus: pd.DataFrame, *, kept: pd.DataFrame | None, options: T.TermOptions | None,
                 by: Sequence[str], min_count: int):
        self._corpus = corpus
        source = corpus if kept is None else kept
        self._dt = T.doc_terms(source, options=T.term_options() if options is None else options)
        self._min_count = min_count
        self.by = W.Dropdown(options=list(by), value=by[0], description="group by")
        self.group_a = W.Dropdown(description="target")
        self.group_b = W.Dropdown(description="reference")
        self.measure = W.Dropdown(options=["g2", "chi2", "log_ratio"], value="g2", description="measure")
        self.n = W.IntSlider(value=10, min=3, max=30, description="terms")
        self.plot = W.Image(format="png")
        self.table = pd.DataFrame()
        self.message = ""
        self.figure = None
        self._updating = False
        self._set_groups()
        for control in (self.group_a, self.group_b, self.measure, self.n):
            control.observe(self._refresh, names="value")
        self.by.observe(self._on_by, names="value")
        self.export = export_bar(lambda: {"keyness": self.table}, lambda: self.figure, stem="keyness")
        super().__init__([W.HBox([self.by, self.measure]), W.HBox([self.group_a, self.group_b]), self.n,
                          self.plot, self.export])
        self._refresh()

    def _set_groups(self) -> None:
        self._updating = True
        labels = _group_options(self._corpus, self.by.value, _group_labels(self._corpus, self.by.value).unique())
        self.group_a.options = labels
        coded = [value for _, value in labels if value != "(missing)"]  # start on a group someone coded
        self.group_a.value = coded[0] if coded else (labels[0][1] if labels else None)
        self.group_b.options = [(ALL_OTHERS, ALL_OTHERS), *labels]
        self.group_b.value = ALL_OTHERS
        self._updating = False

    def _on_by(self, _change=None) -> None:
        self._set_groups()
        self._refresh()

    def _refresh(self, _change=None) -> None:
        if self._updating:
            return
        a, b = self.group_a.value, self.group_b.value
        docvars = self._corpus[list(dict.fromkeys(["doc_id", self.by.value]))]
        self.message = ""
        try:
            if a == b:
                raise KzruError("pick two different groups")
            self.table = T.keyness(self._dt, docvars=docvars, by=self.by.value, target=a,
                                   reference=None if b == ALL_OTHERS else b, min_count=self._min_count)
        except KzruError as exc:
            self.table, self.message = pd.DataFrame(), str(exc)
        if self.message:
            from matplotlib.figure import Figure

            self.figure = P._empty(Figure(figsize=(7, 1.5)), self.message)
        else:
            self.figure = P.keyness_bars(self.table, n=self.n.value, measure=self.measure.value,
                                         labels=(str(a), str(b)))
        show_figure(self.plot, self.figure)


def term_explorer(
    corpus: pd.DataFrame,
    *,
    kept: pd.DataFrame | None = None,
    options: T.TermOptions | None = None,
    by: Sequence[str] = ("doc_id", "outlet"),
    terms: Sequence[str] = ("trade", "energy", "russian language", "security"),
    max_rows: int = 12,
) -> TermExplorer:
    """Build the term explorer: pick terms and articles/groups; the chart and concordance update.

    Args:
        corpus: the corpus table.
        kept: ``segment.kept_lines(corpus)`` if already computed.
        options: rules from :func:`kzru_lib.terms.term_options`.
        by: document columns offered for grouping (first = default; ``doc_id`` = one group per article).
        terms: terms selected at start.
        max_rows: concordance lines shown.

    Returns:
        A :class:`TermExplorer` (an ``ipywidgets.VBox``).

    Example:
        >>> w = term_explorer(corpus); w.terms.value = ["energy"]  # doctest: +SKIP
    """
    return TermExplorer(corpus, kept=kept, options=options, by=by, terms=terms, max_rows=max_rows)


def keyness_explorer(
    corpus: pd.DataFrame,
    *,
    kept: pd.DataFrame | None = None,
    options: T.TermOptions | None = None,
    by: Sequence[str] = ("outlet",),
    min_count: int = 2,
) -> KeynessExplorer:
    """Build the keyness explorer: pick two groups; the keyness chart updates.

    Args:
        corpus: the corpus table.
        kept: kept text (``segment.kept_lines``) if already computed; default: ``corpus.text``.
        options: rules from :func:`kzru_lib.terms.term_options`.
        by: document columns offered for grouping (first = default).
        min_count: drop terms seen fewer times than this in both groups together.

    Returns:
        A :class:`KeynessExplorer` (an ``ipywidgets.VBox``).

    Example:
        >>> k = keyness_explorer(corpus, by=["source_country"]); k.group_a.value = "Russia"  # doctest: +SKIP
    """
    return KeynessExplorer(corpus, kept=kept, options=options, by=by, min_count=min_count)


class TrendExplorer(W.VBox):
    """Term frequency over publication time, for all articles or for one group of any column.

    Attributes:
        terms: ``TagsInput`` of terms (as counted).
        by: ``Dropdown`` of the column that defines groups (``(all articles)`` = no grouping).
        group: ``Dropdown`` of that column's groups.
        period: ``Dropdown``: ``year``, ``month`` or ``day``.
        plot: ``Image`` showing the chart.
        table: the :func:`kzru_lib.terms.trend` rows shown.
        figure: the last Figure drawn.
    """

    ALL = "(all articles)"

    def __init__(self, corpus: pd.DataFrame, dt: pd.DataFrame, *, by: Sequence[str], terms: Sequence[str]):
        self._corpus, self._dt = corpus, dt
        self.terms = W.TagsInput(value=list(terms), allow_duplicates=False, description="terms")
        self.by = W.Dropdown(options=[self.ALL, *by], value=self.ALL, description="group by")
        self.group = W.Dropdown(options=[], description="group")
        self.period = W.Dropdown(options=["year", "month", "day"], value="year", description="period")
        self.plot = W.Image(format="png")
        self.table = pd.DataFrame()
        self.figure = None
        self._set_groups()
        for control in (self.terms, self.group, self.period):
            control.observe(self._refresh, names="value")
        self.by.observe(self._on_by, names="value")
        self.export = export_bar(lambda: {"trend": self.table}, lambda: self.figure, stem="trend")
        super().__init__([W.HBox([self.terms, self.period]), W.HBox([self.by, self.group]), self.plot, self.export])
        self._refresh()

    def _set_groups(self) -> None:
        self._updating = True
        labels = ([] if self.by.value == self.ALL else
                  _group_options(self._corpus, self.by.value, _group_labels(self._corpus, self.by.value).unique()))
        self.group.options = labels
        self.group.value = labels[0][1] if labels else None
        self.group.disabled = not labels
        self._updating = False

    def _on_by(self, _change=None) -> None:
        self._set_groups()
        self._refresh()

    def _refresh(self, _change=None) -> None:
        if self._updating:
            return
        dt = self._dt
        if self.by.value != self.ALL and self.group.value is not None:
            labels = _group_labels(self._corpus, self.by.value)
            dt = dt[dt["doc_id"].isin(set(labels[labels == self.group.value].index))]
        words = [t for t in self.terms.value if t]
        self.table = T.trend(dt, docvars=self._corpus, terms=words, period=self.period.value) if words else pd.DataFrame()
        self.figure = P.term_trend(self.table)
        show_figure(self.plot, self.figure)


def trend_explorer(
    corpus: pd.DataFrame,
    dt: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet",),
    terms: Sequence[str] = ("trade", "energy", "security"),
) -> TrendExplorer:
    """Build the trend explorer: terms over time, for all articles or one group of any column.

    Args:
        corpus: the corpus table (``doc_id``, ``published`` and the group columns).
        dt: the document-term table (:func:`kzru_lib.terms.doc_terms`).
        by: columns offered for grouping (e.g. :func:`kzru_lib.notebook.categorical_columns`).
        terms: terms shown at start.

    Returns:
        A :class:`TrendExplorer` (an ``ipywidgets.VBox``).
    """
    return TrendExplorer(corpus, dt, by=[b for b in by if b in corpus.columns], terms=terms)
