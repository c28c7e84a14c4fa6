"""Explorer for the merged timeline (ipywidgets over :mod:`kzru_lib.timeline`).

The builder returns a widget whose controls are attributes, so a notebook cell shows it and a
test drives it from code::

    w = timeline_explorer(corpus)
    w.actor.value = "Vladimir Putin"      # the plot and the listing update; w.table holds the rows
    w.event.value = "E004"                # w.sentences holds the sentences that report it

Curation: with ``decisions="decisions.csv"``, pick two or more events in ``w.pick`` and press
``w.merge_button`` (or pick a mention of the chosen event in ``w.mention`` and press
``w.split_button``): the decision is appended to that file (see
:func:`kzru_lib.timeline.read_decisions`) and re-applied, exactly as ``kzru events --decisions``
does on every run.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as W
import pandas as pd

from .. import timeline as TL
from ..plots.timeline import timeline_plot
from .export import export_bar, show_figure

__all__ = ["timeline_explorer", "TimelineExplorer"]

ANY = "(any)"


def _html(table: pd.DataFrame) -> str:
    if table.empty:
        return "<p><i>no events match these filters</i></p>"
    return table.to_html(index=False, escape=True, border=0)


class TimelineExplorer(W.VBox):
    """Filter the timeline by years, actor, event type and source; click through to the sentences.

    Attributes:
        years: ``IntRangeSlider`` of the years shown.
        actor: ``Dropdown`` of actors (``(any)`` = no filter).
        event_type: ``Dropdown`` of event types.
        source: ``Dropdown`` of sources (outlets and ``doc_id``s).
        color_by: ``ToggleButtons``, lanes by event type, by outlet, or by any categorical column
            of the articles carried into the timeline (:func:`kzru_lib.notebook.categorical_columns`).
        event: ``Dropdown`` of the events shown; picking one lists the sentences that report it.
        plot: ``Image`` showing the timeline plot (PNG).
        listing: ``HTML`` showing the table of events shown.
        detail: ``HTML`` showing the chosen event's sentences.
        table: DataFrame of the timeline rows shown.
        sentences: DataFrame of the chosen event's sentences (:func:`kzru_lib.timeline.event_sentences`).
        figure: the last Figure drawn.
        pick: ``SelectMultiple`` of the events shown, to merge.
        merge_button: ``Button``; merges the picked events (writes a ``merge`` row).
        mention: ``Dropdown`` of the chosen event's mentions.
        split_button: ``Button``; takes that mention out of its event (writes a ``split`` row).
        status: ``HTML`` saying what the last curation did.
        timeline: the whole (curated) timeline.
        events: the events table after the decisions.
    """

    def __init__(self, events: pd.DataFrame, *, dates: pd.DataFrame | None, max_rows: int,
                 decisions: str | Path | None = None):
        self._auto = events
        self._decisions = None if decisions is None else Path(decisions)
        self._events = self._curated()
        self._timeline = TL.merge_events(self._events)
        self._dates = dates
        self._max_rows = max_rows
        known = self._timeline["date_start"].dropna()
        lo = int(known.dt.year.min()) if len(known) else 2000
        hi = int(self._timeline["date_end"].dropna().dt.year.max()) if len(known) else 2000
        # the range is shown in a label of its own: the slider's readout is too narrow for "2022 – 2026"
        self.years = W.IntRangeSlider(value=(lo, hi), min=lo, max=max(hi, lo + 1), description="years", readout=False,
                                      layout=W.Layout(width="340px"))
        self.years_label = W.Label(layout=W.Layout(width="auto", min_width="110px", margin="0 24px 0 4px"))
        self.years_label.add_class("kzru-years")
        actors = sorted({a for s in self._timeline["actors"] for a in str(s).split("|") if a})
        self.actor = W.Dropdown(options=[ANY, *actors], value=ANY, description="actor")
        self.event_type = W.Dropdown(options=[ANY, *sorted(self._timeline["event_type"].unique())], value=ANY,
                                     description="event type")
        outlets = sorted({o for s in self._timeline["outlets"] for o in str(s).split("|") if o})
        docs = sorted({d for s in self._timeline["sources"] for d in str(s).split("|") if d})
        from ..notebook import source_labels

        self.source = W.Dropdown(options=[(ANY, ANY), *[(o, o) for o in outlets],
                                          *source_labels(events, [d for d in docs if d not in outlets])],
                                 value=ANY, description="source", layout=W.Layout(width="auto"))
        from ..notebook import categorical_columns

        # lanes: event type, outlet, and every categorical column of the articles (sidecar) that reaches the timeline
        own = {*TL.EVENT_COLUMNS, *TL.TIMELINE_COLUMNS, "event_id"}
        more = [c for c in categorical_columns(events.drop_duplicates("doc_id"))
                if c in self._timeline.columns and c not in own]
        self.color_by = W.ToggleButtons(options=[("by event type", "event_type"), ("by outlet", "outlets"),
                                                 *[(f"by {c}", c) for c in more]],
                                        value="event_type", description="lanes")
        self.event = W.Dropdown(options=[], description="event")
        self.pick = W.SelectMultiple(options=[], description="merge", rows=6)
        self.merge_button = W.Button(description="merge picked events", disabled=self._decisions is None)
        self.mention = W.Dropdown(options=[], description="mention")
        self.split_button = W.Button(description="split mention out", disabled=self._decisions is None)
        self.status = W.HTML("" if self._decisions else "<i>pass decisions=FILE to merge or split events</i>")
        self.merge_button.on_click(self.merge)
        self.split_button.on_click(self.split)
        self.plot = W.Image(format="png")
        self.listing = W.HTML()
        self.detail = W.HTML()
        self.table = pd.DataFrame()
        self.sentences = pd.DataFrame()
        self.figure = None
        for control in (self.years, self.actor, self.event_type, self.source, self.color_by):
            control.observe(self._refresh, names="value")
        self.event.observe(self._show_event, names="value")
        super().__init__([
            W.HBox([self.years, self.years_label, self.color_by], layout=W.Layout(flex_flow="row wrap")),
            W.HBox([self.actor, self.event_type, self.source]),
            self.plot,
            self.listing,
            self.event,
            self.detail,
            W.HBox([self.pick, W.VBox([self.merge_button, self.mention, self.split_button])]),
            self.status,
            export_bar(lambda: {"timeline": self.table, "sentences": self.sentences}, lambda: self.figure,
                       stem="timeline"),
        ])
        self._refresh()

    def _refresh(self, _change=None) -> None:
        lo, hi = self.years.value
        self.years_label.value = f"{lo} – {hi}"
        pick = {c.description: (None if c.value == ANY else c.value) for c in (self.actor, self.event_type, self.source)}
        self.table = TL.filter_timeline(self._timeline, start=str(lo), end=str(hi), actor=pick["actor"],
                                        event_type=pick["event type"], source=pick["source"])
        dates = self._dates
        if dates is not None:
            dates = dates[dates["value"].str[:4].between(str(lo), str(hi))]
        self.figure = timeline_plot(self.table, lanes=self.color_by.value, dates=dates)
        show_figure(self.plot, self.figure)
        cols = ["event_id", "date", "event_type", "actors", "n_sources", "outlets", "differences"]
        self.listing.value = _html(self.table[cols].head(self._max_rows))
        options = [(f"{r.event_id}  {r.date}  {r.event_type}", r.event_id) for r in self.table.itertuples()]
        previous = self.event.value
        self.event.options = options
        ids = [v for _, v in options]
        self.event.value = previous if previous in ids else (ids[0] if ids else None)
        self.pick.options = options
        self._show_event()

    def _show_event(self, _change=None) -> None:
        event_id = self.event.value
        self.sentences = (TL.event_sentences(self._events, event_id) if event_id
                          else pd.DataFrame(columns=["doc_id", "line_no", "outlet", "surface", "sentence"]))
        self.detail.value = _html(self.sentences[["doc_id", "line_no", "outlet", "surface", "sentence"]])
        ids = self._events.loc[self._events["event_id"] == event_id, "mention_id"].tolist() if event_id else []
        self.mention.options = ids
        self.mention.value = ids[0] if ids else None

    @property
    def timeline(self) -> pd.DataFrame:
        return self._timeline

    @property
    def events(self) -> pd.DataFrame:
        return self._events

    def _curated(self) -> pd.DataFrame:
        if self._decisions is not None and self._decisions.is_file():
            return TL.apply_decisions(self._auto, self._decisions)
        return self._auto

    def _reload(self, message: str) -> None:
        self._events = self._curated()
        self._timeline = TL.merge_events(self._events)
        self.status.value = message
        self._refresh()

    def merge(self, _button=None) -> None:
        """Merge the events picked in ``pick`` (two or more): append a ``merge`` row to the decisions file."""
        picked = list(self.pick.value)
        if self._decisions is None or len(picked) < 2:
            self.status.value = "<i>pick two or more events to merge</i>"
            return
        ids = self._events.loc[self._events["event_id"].isin(picked), "mention_id"].tolist()
        TL.write_decision(self._decisions, "merge", ids)
        self._reload(f"merged {', '.join(picked)} (written to {self._decisions})")

    def split(self, _button=None) -> None:
        """Take the mention chosen in ``mention`` out of its event: append a ``split`` row."""
        mention = self.mention.value
        if self._decisions is None or not mention:
            self.status.value = "<i>choose an event and one of its mentions to split</i>"
            return
        TL.write_decision(self._decisions, "split", [mention])
        self._reload(f"split {mention} out of {self.event.value} (written to {self._decisions})")


def timeline_explorer(
    corpus: pd.DataFrame | None = None,
    *,
    events: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    max_rows: int = 30,
    decisions: str | Path | None = None,
) -> TimelineExplorer:
    """Build the timeline explorer.

    Args:
        corpus: the articles table; used to compute ``dates`` and ``events`` when they are not given.
        events: the events table with ``event_id`` (:func:`kzru_lib.timeline.extract_events`).
        dates: the dates table (:func:`kzru_lib.dates.extract_dates`), for the reference periods.
        max_rows: rows of the event table shown.
        decisions: the curation file the merge and split buttons write to (and that is
            re-applied when the widget is built); ``None`` disables curation.

    Returns:
        A :class:`TimelineExplorer` (an ``ipywidgets.VBox``).

    Example:
        >>> w = timeline_explorer(load_corpus("seeds"))  # doctest: +SKIP
        >>> w.event_type.value = "visit"                 # doctest: +SKIP
    """
    from ..dates import extract_dates

    if events is None or dates is None:
        if corpus is None:
            from ..errors import KzruError

            raise KzruError("timeline_explorer needs a corpus, or both events= and dates=")
        dates = extract_dates(corpus) if dates is None else dates
        if events is None:
            events = TL.assign_events(TL.find_events(dates, corpus=corpus))
    if "event_id" not in events.columns:
        events = TL.assign_events(events)
    return TimelineExplorer(events, dates=dates, max_rows=max_rows, decisions=decisions)
