"""Plots of the timeline (matplotlib only; each function returns the Figure).

==============================  ==========================================================
function                        draws
==============================  ==========================================================
``timeline_plot(timeline)``     events on a date axis, one lane per value of a column (event
                                type, outlet, or any categorical column such as a sidecar's);
                                day events as dots (size = number of sources), months and
                                years as bars, targets as hollow diamonds (clamped to the
                                right edge, with their year, when far in the future), and
                                optionally the reference periods of figures as hatched bars
==============================  ==========================================================
"""

from __future__ import annotations

from typing import Literal

import matplotlib.dates as mdates
import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure

__all__ = ["timeline_plot"]

REFERENCE_LANE = "figures refer to"


def _empty(fig: Figure, message: str) -> Figure:
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig


def _periods(dates: pd.DataFrame) -> pd.DataFrame:
    from ..timeline import _bounds

    ref = dates[dates["role"] == "reference"]
    rows = []
    for doc_id, line_no, value, surface in zip(ref["doc_id"], ref["line_no"], ref["value"], ref["surface"], strict=True):
        b = _bounds(value)
        if b:
            rows.append((doc_id, line_no, value, surface, b[0], b[1]))
    out = pd.DataFrame(rows, columns=["doc_id", "line_no", "value", "surface", "start", "end"])
    return out.drop_duplicates("value").sort_values(["start", "value"], ignore_index=True)


def timeline_plot(
    timeline: pd.DataFrame,
    *,
    color_by: Literal["event_type", "outlets"] = "event_type",
    lanes: str | None = None,
    dates: pd.DataFrame | None = None,
    label: Literal["event_id", "actors", "none"] = "event_id",
    horizon_years: int = 3,
    max_labels: int = 60,
    title: str | None = None,
) -> Figure:
    """Draw a merged timeline on a date axis.

    Args:
        timeline: the table from :func:`kzru_lib.timeline.merge_events`.
        color_by: one lane and colour per ``event_type``, or per outlet (``outlets``; an event
            reported by several outlets is drawn in each of their lanes).
        lanes: any column of the timeline to draw one lane per value of (``event_type``,
            ``outlets``, ``language`` or a sidecar column such as ``stance``); overrides
            ``color_by``. Values joined with ``|`` (an event whose sources differ) put the
            event in each of their lanes; empty values form the lane ``(missing)``.
        dates: the dates table (:func:`kzru_lib.dates.extract_dates`); when given, the periods
            that figures refer to (role ``reference``) are drawn as hatched bars in their own lane.
        label: what to write next to each event.
        max_labels: with more events than this, no labels are written (the dots stay readable).
        horizon_years: targets more than this many years after the last other event are drawn
            at the right edge with their year written out, so the axis stays readable.
        title: the figure title.

    Returns:
        The Figure (not shown; a notebook displays it).

    Note:
        Events whose year is unknown (``XXXX``) cannot be placed and are left out (counted in
        the subtitle).

    Example:
        >>> fig = timeline_plot(merge_events(extract_events(corpus)), dates=extract_dates(corpus))  # doctest: +SKIP
    """
    placed = timeline[timeline["date_start"].notna()].copy()
    unplaced = len(timeline) - len(placed)
    periods = _periods(dates) if dates is not None and len(dates) else pd.DataFrame(columns=["start", "end", "value"])
    if placed.empty and periods.empty:
        return _empty(Figure(figsize=(8, 2), layout="constrained"), "no dated events to draw")
    column = lanes or color_by
    if column not in timeline.columns:
        from ..errors import KzruError

        raise KzruError(f"timeline_plot: lanes={column!r} is not a column of the timeline "
                        f"(columns: {', '.join(map(str, timeline.columns))})")
    missing = "(no outlet)" if column == "outlets" else "(missing)"
    placed["lane"] = placed[column].map(lambda s: [v.strip() for v in str(s).split("|")
                                                   if v.strip() and v.strip() not in ("nan", "None", "<NA>")]
                                        or [missing])
    placed = placed.explode("lane")
    lanes = sorted(placed["lane"].unique())
    if len(periods):
        lanes.append(REFERENCE_LANE)
    cmap = colormaps["tab10" if len(lanes) <= 10 else "tab20"]
    colours = {lane: cmap(i % cmap.N) for i, lane in enumerate(lanes)}
    y = {lane: i for i, lane in enumerate(reversed(lanes))}

    others = placed[placed["event_type"] != "target"]
    ends = list(others["date_end"]) + list(periods["end"]) or list(placed["date_end"])
    starts = list(others["date_start"]) + list(periods["start"]) or list(placed["date_start"])
    lo, hi = min(starts), max(ends)
    limit = hi + pd.DateOffset(years=horizon_years)
    span = max((hi - lo).days, 60)
    pad = pd.Timedelta(days=span * 0.06)
    visible = placed.loc[placed["date_start"] <= limit, "date_end"]
    far = bool((placed["date_start"] > limit).any())
    right = max([*visible, hi]) + pad * (3 if far else 1)

    fig = Figure(figsize=(10, 1.4 + 0.7 * len(lanes)), layout="constrained")
    ax = fig.add_subplot()
    stacked: dict[tuple, int] = {}  # labels of events on the same day and lane are stacked
    for row in placed.itertuples(index=False):
        yy = y[row.lane]
        colour = colours[row.lane]
        start, end = row.date_start, row.date_end
        clamped = start > limit
        if clamped:
            start = end = right - pad * 1.5
        text = {"event_id": row.event_id, "actors": str(row.actors).split("|")[0], "none": ""}[
            label if len(placed) <= max_labels else "none"]
        if row.event_type == "target":
            ax.plot([start], [yy], marker="D", markersize=9, markerfacecolor="none", markeredgecolor=colour,
                    markeredgewidth=2, linestyle="none")
            if clamped:
                text = f"{text} ({row.date})".strip()
        elif row.precision == "day" and (end - start).days < 2:
            ax.plot([start], [yy], marker="o", markersize=5 + 3 * row.n_sources, color=colour, linestyle="none",
                    alpha=0.85)
        else:
            ax.barh(yy, (end - start).days + 1, left=start, height=0.35, color=colour, alpha=0.55)
        if text:
            bucket = (row.lane, int((start - lo).days // max(span * 0.05, 1)))
            k = stacked.get(bucket, 0)
            stacked[bucket] = k + 1
            ax.annotate(text, (start, yy), xytext=(4, 6 + 8 * k), textcoords="offset points", fontsize=7)
    level_ends: list[pd.Timestamp] = []  # overlapping periods are stacked, not drawn on top of each other
    for row in periods.itertuples(index=False):
        level = next((i for i, e in enumerate(level_ends) if e < row.start), len(level_ends))
        if level == len(level_ends):
            level_ends.append(row.end)
        level_ends[level] = row.end
        yy = y[REFERENCE_LANE] + 0.2 - 0.3 * (level % 3)
        ax.barh(yy, (row.end - row.start).days + 1, left=row.start, height=0.22, color="none",
                edgecolor=colours[REFERENCE_LANE], hatch="///")
        ax.annotate(row.value, (row.end, yy), xytext=(3, -3), textcoords="offset points", fontsize=7)
    ax.set_yticks(list(y.values()), [str(k).replace("_", " ") for k in y])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_xlim(lo - pad, right)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    sub = (f"{len(timeline)} events" + (f", {unplaced} of unknown year not drawn" if unplaced else "")
           + "; dot size = number of sources; hollow diamonds = targets")
    ax.set_title(sub, fontsize=8, loc="left")
    if title:
        fig.suptitle(title)
    return fig
