"""Timeline: actors, dated events, events merged across articles, TimelineJS export.

An *event* is a dated sentence: one row per (sentence, date expression) whose date has the role
``event`` or ``target`` (see :mod:`kzru_lib.dates`). Each event carries the actors named in its
sentence (from the gazetteer ``data/actors.csv``) and one event type (from the trigger table
``data/event_types.csv``). The same event reported by several articles is merged into one row of
the *timeline* that lists every source and keeps their differences.

Merge rule (documented choice, see :func:`assign_events`): two events are the same when they have
the same event type, their dates are both day-precise and at most ``tolerance_days`` apart (or,
when coarser than a day, have the same value), and they share an actor — a person or
organisation when both name one, otherwise any actor. Events are taken in date order and each
joins the first compatible group, whose first date is the anchor (no chaining across days).

Functions:
    load_actors(path=None)              the actor gazetteer (name, kind, country, aliases)
    find_actor_mentions(text)           one string -> table of actor mentions
    find_actors(text)                   one string -> canonical actor names, in order of mention
    load_event_types(path=None)         the event-type trigger table
    find_event_type(text)               one string -> the event type
    find_events(dates)                  the dates table -> the events table
    assign_events(events)               events -> the same table with an ``event_id``
    merge_events(events)                events -> the timeline (one row per merged event)
    filter_timeline(timeline, ...)      the timeline rows matching dates, actor, type, source
    event_sentences(events, event_id)   the sentences reporting one event (to cite them)
    extract_events(corpus)              corpus -> events with ``event_id`` (dates + find + assign)
    timeline_json(timeline)             the timeline -> a TimelineJS dictionary
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import KzruError
from .tables import read_rule_table

__all__ = [
    "load_actors", "find_actor_mentions", "find_actors", "load_event_types", "find_event_type",
    "find_events", "assign_events", "merge_events", "filter_timeline", "event_sentences", "extract_events", "timeline_json", "write_timeline_json",
    "EVENT_COLUMNS", "TIMELINE_COLUMNS",
]

#: Columns of the events table (:func:`find_events`; :func:`assign_events` adds ``event_id`` first).
EVENT_COLUMNS = [
    "mention_id", "doc_id", "line_no", "start", "end", "surface", "date", "precision", "anchored", "role",
    "event_type", "actors", "sentence", "outlet", "published", "title",
]
#: Columns of the timeline table (:func:`merge_events`).
TIMELINE_COLUMNS = [
    "event_id", "date", "date_start", "date_end", "precision", "event_type", "actors", "headline",
    "n_sources", "sources", "outlets", "n_mentions", "dates", "event_types", "agree", "differences", "mentions",
]

_ACTOR_KINDS = ("person", "state", "organisation", "company")




@lru_cache(maxsize=8)
def _actors(path: str | None) -> tuple[pd.DataFrame, re.Pattern, dict]:
    table, where = read_rule_table(path, "actors.csv", ["name", "kind", "country", "aliases"])
    bad = table[~table["kind"].isin(_ACTOR_KINDS)]
    if len(bad):
        row = bad.index[0] + 2
        raise KzruError(f"{where}:{row}: kind {bad['kind'].iloc[0]!r}; expected one of {', '.join(_ACTOR_KINDS)}")
    alias_to = {}
    for name, kind, country, aliases in table[["name", "kind", "country", "aliases"]].itertuples(index=False):
        for alias in {name, *[a.strip() for a in aliases.split("|")]}:
            if alias:
                alias_to.setdefault(alias, (name, kind, country))
    alts = sorted(alias_to, key=lambda a: (-len(a), a))
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return table[["name", "kind", "country", "aliases"]].copy(), pattern, alias_to


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """Read the actor gazetteer.

    Args:
        path: a CSV with columns ``name, kind, country, aliases`` (aliases separated by ``|``;
            ``kind`` one of person, state, organisation, company). ``None`` reads the bundled
            ``kzru_lib/data/actors.csv``.

    Returns:
        The table, one row per actor, in file order.

    Note:
        Aliases match case-sensitively as whole words ("CIS" but not "cis"); the longest alias
        wins where two overlap ("Kazakhstan's President" before "Kazakhstan").

    Example:
        >>> "Vladimir Putin" in load_actors()["name"].tolist()
        True
    """
    return _actors(None if path is None else str(path))[0].copy()


def find_actor_mentions(text: str, *, actors: str | Path | None = None) -> pd.DataFrame:
    """Find the gazetteer's actors named in one string.

    Args:
        text: the string (a sentence or line).
        actors: path of a gazetteer CSV (see :func:`load_actors`); ``None`` for the bundled one.

    Returns:
        A DataFrame sorted by ``start``: ``start``, ``end`` (offsets in ``text``), ``surface``,
        ``name`` (canonical), ``kind``, ``country``.

    Example:
        >>> find_actor_mentions("Putin met Tokayev.")["name"].tolist()
        ['Vladimir Putin', 'Kassym-Jomart Tokayev']
    """
    _, pattern, alias_to = _actors(None if actors is None else str(actors))
    rows = [(m.start(), m.end(), m.group(0), *alias_to[m.group(0)]) for m in pattern.finditer(text)]
    table = pd.DataFrame(rows, columns=["start", "end", "surface", "name", "kind", "country"])
    return table.astype({"start": "int64", "end": "int64"})


def find_actors(text: str, *, actors: str | Path | None = None) -> list[str]:
    """The canonical names of the actors named in one string, each once, in order of first mention.

    Args:
        text: the string.
        actors: path of a gazetteer CSV; ``None`` for the bundled ``data/actors.csv``.

    Returns:
        A list of names from the gazetteer's ``name`` column.

    Example:
        >>> find_actors("Russian President Vladimir Putin spoke with Tokayev and the CSTO.")
        ['Vladimir Putin', 'Kassym-Jomart Tokayev', 'Collective Security Treaty Organization']
    """
    _, pattern, alias_to = _actors(None if actors is None else str(actors))
    seen: dict[str, None] = {}
    for m in pattern.finditer(text):
        seen.setdefault(alias_to[m.group(0)][0], None)
    return list(seen)


@dataclass(frozen=True)
class _EventTypes:
    table: pd.DataFrame
    rules: tuple


@lru_cache(maxsize=8)
def _event_types(path: str | None) -> _EventTypes:
    table, where = read_rule_table(path, "event_types.csv", ["event_type", "priority", "triggers"])
    try:
        table["priority"] = table["priority"].astype(int)
    except ValueError as exc:
        raise KzruError(f"{where}: column priority must hold whole numbers") from exc
    table = table.sort_values(["priority", "event_type"], kind="stable").reset_index(drop=True)
    rules = []
    for event_type, triggers in table[["event_type", "triggers"]].itertuples(index=False):
        if triggers.strip():
            try:
                rx = re.compile(rf"\b(?:{triggers})\b", re.IGNORECASE)
            except re.error as exc:
                raise KzruError(f"{where}: triggers of {event_type!r} are not a valid pattern: {exc}") from exc
            rules.append((event_type, rx))
    return _EventTypes(table, tuple(rules))


def load_event_types(path: str | Path | None = None) -> pd.DataFrame:
    """Read the event-type vocabulary.

    Args:
        path: a CSV with columns ``event_type, priority, triggers, description`` (triggers: words or
            regular expressions separated by ``|``, matched case-insensitively as whole words).
            ``None`` reads the bundled ``kzru_lib/data/event_types.csv``.

    Returns:
        The table sorted by ``priority`` (the first type whose trigger occurs wins).

    Example:
        >>> load_event_types()["event_type"].iloc[0]
        'target'
    """
    return _event_types(None if path is None else str(path)).table.copy()


def find_event_type(text: str, *, role: str = "event", event_types: str | Path | None = None,
                    actors: str | Path | None = None) -> str:
    """The event type of one sentence: the highest-priority type with a trigger in it.

    Args:
        text: the sentence.
        role: the role of its date; a ``target`` date makes the event a ``target``.
        event_types: path of a trigger CSV; ``None`` for the bundled one.
        actors: path of a gazetteer CSV; actor names are blanked out before the triggers are
            matched, so an organisation's name ("... Treaty Organization") triggers nothing.

    Returns:
        The event type, or ``other`` when no trigger occurs.

    Example:
        >>> find_event_type("The road map was signed on January 18.")
        'agreement_signed'
    """
    if role == "target":
        return "target"
    _, pattern, _ = _actors(None if actors is None else str(actors))
    masked = pattern.sub(lambda m: " " * len(m.group(0)), text)  # "Collective Security Treaty ..." is no treaty
    for event_type, rx in _event_types(None if event_types is None else str(event_types)).rules:
        if rx.search(masked):
            return event_type
    return "other"


def find_events(
    dates: pd.DataFrame,
    *,
    corpus: pd.DataFrame | None = None,
    actors: str | Path | None = None,
    event_types: str | Path | None = None,
) -> pd.DataFrame:
    """One row per dated event sentence, with its actors and event type.

    Args:
        dates: the dates table from :func:`kzru_lib.dates.extract_dates` (needs ``doc_id``,
            ``line_no``, ``start``, ``end``, ``surface``, ``value``, ``precision``, ``anchored``,
            ``role``, ``sentence``).
        corpus: the articles table, to attach ``outlet``, ``published`` and ``title``.
        actors: path of a gazetteer CSV; ``None`` for the bundled one.
        event_types: path of a trigger CSV; ``None`` for the bundled one.

    Returns:
        A DataFrame sorted by (``date``, ``doc_id``, ``line_no``, ``start``) with columns
        ``mention_id`` (``doc_id:line_no:start``, unique), ``doc_id``, ``line_no``, ``start``,
        ``end``, ``surface`` (the date expression), ``date`` (its ISO value), ``precision``,
        ``anchored``, ``role`` (``event`` or ``target``), ``event_type``, ``actors`` (canonical
        names joined by ``|``), ``sentence``, ``outlet``, ``published``, ``title``.

    Note:
        Dates with the roles ``publication`` and ``reference`` are not events. A sentence with
        two event dates gives two rows.

    Example:
        >>> from kzru_lib.dates import find_dates
        >>> s = "On November 27, Putin arrived in Astana."
        >>> d = find_dates(s, published="2024-11-28").assign(doc_id="a", line_no=1, sentence=s)
        >>> find_events(d)[["date", "event_type", "actors"]].values.tolist()
        [['2024-11-27', 'visit', 'Vladimir Putin|Kazakhstan']]
    """
    needed = ["doc_id", "line_no", "start", "end", "surface", "value", "precision", "anchored", "role", "sentence"]
    missing = [c for c in needed if c not in dates.columns]
    if missing:
        raise KzruError(f"dates table: missing column(s) {', '.join(missing)}; expected the output of extract_dates")
    ev = dates[dates["role"].isin(["event", "target"])].copy()
    ev["date"] = ev["value"].astype(str)
    ev["mention_id"] = ev["doc_id"].astype(str) + ":" + ev["line_no"].astype(str) + ":" + ev["start"].astype(str)
    ev["event_type"] = [find_event_type(s, role=r, event_types=event_types, actors=actors)
                        for s, r in zip(ev["sentence"], ev["role"], strict=True)]
    ev["actors"] = ["|".join(find_actors(s, actors=actors)) for s in ev["sentence"]]
    for col in ("outlet", "published", "title"):
        if col not in ev.columns:
            ev[col] = None
    if corpus is not None and len(ev):
        meta = corpus.set_index("doc_id")
        for col in ("outlet", "published", "title"):
            if col in meta.columns:
                ev[col] = ev["doc_id"].map(meta[col])
    ev = ev[EVENT_COLUMNS].sort_values(["date", "doc_id", "line_no", "start"], kind="stable")
    return ev.reset_index(drop=True)


def _bounds(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of an ISO value (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ranges); None if unknown."""
    if not isinstance(value, str) or "X" in value:
        return None
    parts = value.split("/")
    try:
        first = pd.Period(parts[0])
        last = pd.Period(parts[-1])
    except (ValueError, TypeError):
        return None
    return first.start_time.normalize(), last.end_time.normalize()


def assign_events(events: pd.DataFrame, *, tolerance_days: int = 1, actors: str | Path | None = None) -> pd.DataFrame:
    """Give every event mention an ``event_id``: mentions of the same event share one.

    Args:
        events: the table from :func:`find_events`.
        tolerance_days: how far apart two day-precise dates of the same event may be (articles
            disagree by a day about overnight events and time zones). ``0`` asks for equal dates.
        actors: the gazetteer used for the events (its ``kind`` column tells persons and
            organisations from states); ``None`` for the bundled one.

    Returns:
        The events table with ``event_id`` (``E001``, ``E002``, ... in date order) as the first
        column, same rows and order.

    Note:
        Same event = same ``event_type``; day-precise dates within ``tolerance_days`` of the
        group's first date (coarser dates: equal values; unknown ``XXXX`` dates never merge);
        and a shared actor (a person or organisation when both name one, otherwise any actor;
        events without actors never merge). Deterministic: mentions are taken in
        (date, doc_id, line_no, start) order.

    Example:
        >>> ev = pd.DataFrame({"mention_id": ["a:1:0", "b:3:0"], "doc_id": ["a", "b"], "line_no": [1, 3],
        ...     "start": [0, 0], "date": ["2024-11-27", "2024-11-27"], "precision": ["day", "day"],
        ...     "event_type": ["visit", "visit"], "actors": ["Vladimir Putin", "Vladimir Putin|Kazakhstan"]})
        >>> assign_events(ev)["event_id"].tolist()
        ['E001', 'E001']
    """
    if tolerance_days < 0:
        raise KzruError(f"tolerance_days={tolerance_days}: expected 0 or more")
    ev = events.drop(columns=["event_id"], errors="ignore")
    ordered = ev.sort_values(["date", "doc_id", "line_no", "start"], kind="stable")
    kinds = load_actors(actors).set_index("name")["kind"].to_dict()
    width = max(3, len(str(len(ev))))
    groups: list[dict] = []
    index: dict[tuple, list[int]] = {}  # (type, anchor day or value) -> groups, in creation order
    label = {}
    for idx, date, precision, event_type, names in zip(
            ordered.index, ordered["date"], ordered["precision"], ordered["event_type"], ordered["actors"],
            strict=True):
        date = str(date)
        acts = {a for a in str(names).split("|") if a and a not in ("nan", "None", "<NA>")}
        strong = {a for a in acts if kinds.get(a) in ("person", "organisation")}
        bounds = _bounds(date)
        by_day = precision == "day" and "/" not in date
        if bounds is None or not acts:
            keys = []
        elif by_day:
            keys = [(event_type, bounds[0] + pd.Timedelta(days=d)) for d in range(-tolerance_days, tolerance_days + 1)]
        else:
            keys = [(event_type, date)]
        found = None
        for gi in sorted(i for k in keys for i in index.get(k, ())):
            g = groups[gi]
            shared = (strong & g["strong"]) if (strong and g["strong"]) else (acts & g["actors"])
            if shared:
                found = g
                break
        if found is None:
            found = {"actors": set(), "strong": set(), "id": f"E{len(groups) + 1:0{width}d}"}
            if bounds is not None:
                index.setdefault((event_type, bounds[0] if by_day else date), []).append(len(groups))
            groups.append(found)
        found["actors"] |= acts
        found["strong"] |= strong
        label[idx] = found["id"]
    out = ev.copy()
    out.insert(0, "event_id", pd.Series(label, dtype="object").reindex(out.index))
    return out


def _join(values) -> str:
    seen: dict[str, None] = {}
    for v in values:
        for part in str(v).split("|"):
            if part and part not in ("nan", "None", "<NA>"):
                seen.setdefault(part, None)
    return "|".join(seen)


def merge_events(events: pd.DataFrame, *, tolerance_days: int = 1) -> pd.DataFrame:
    """Merge event mentions into a timeline: one row per event, listing every source.

    Args:
        events: the table from :func:`find_events` (with or without ``event_id``; without, it is
            assigned by :func:`assign_events`).
        tolerance_days: passed to :func:`assign_events` when ``event_id`` is missing.

    Returns:
        A DataFrame sorted by (``date_start``, ``event_id``) with columns ``event_id``, ``date``
        (the value most mentions give; ties: the earliest), ``date_start``, ``date_end``
        (Timestamps; NaT when the year is unknown), ``precision``, ``event_type``, ``actors``
        (union, ``|``-joined), ``headline`` (the first mention's sentence), ``n_sources`` (distinct
        articles), ``sources`` (their ``doc_id``s), ``outlets``, ``n_mentions``, ``dates`` (every
        distinct value), ``event_types``, ``agree`` (True when all mentions give the same date),
        ``differences`` (which source says what, when they disagree; else empty), ``mentions``
        (the ``mention_id``s, for clicking through to the sentences).

    Example:
        >>> ev = pd.DataFrame({"mention_id": ["a:1:0", "b:3:0"], "doc_id": ["a", "b"], "line_no": [1, 3],
        ...     "start": [0, 0], "date": ["2024-11-27", "2024-11-28"], "precision": ["day", "day"],
        ...     "event_type": ["visit", "visit"], "actors": ["Vladimir Putin", "Vladimir Putin"],
        ...     "sentence": ["Putin arrived.", "Putin arrived."]})
        >>> merge_events(ev)[["date", "n_sources", "agree"]].values.tolist()
        [['2024-11-27', 2, False]]
    """
    ev = events if "event_id" in events.columns else assign_events(events, tolerance_days=tolerance_days)
    ev = ev.sort_values(["date", "doc_id", "line_no", "start"], kind="stable")
    n = len(ev)

    def col(name):
        return ev[name].astype(object).tolist() if name in ev.columns else [None] * n

    members: dict[str, list[int]] = {}
    for i, event_id in enumerate(col("event_id")):
        members.setdefault(event_id, []).append(i)
    date_, doc, prec, etype, acts, sent, outlet, mention = (
        col(c) for c in ("date", "doc_id", "precision", "event_type", "actors", "sentence", "outlet", "mention_id"))
    rows = []
    for event_id in sorted(members):
        idx = members[event_id]
        dates = list(dict.fromkeys(str(date_[i]) for i in idx))
        counts = {d: sum(1 for i in idx if str(date_[i]) == d) for d in dates}
        top = sorted(d for d in dates if counts[d] == max(counts.values()))[0]
        bounds = _bounds(top)
        differences = ""
        if len(dates) > 1:
            differences = "; ".join(
                f"{d}: {', '.join(dict.fromkeys(str(doc[i]) for i in idx if str(date_[i]) == d))}" for d in dates)
        rows.append({
            "event_id": event_id,
            "date": top,
            "date_start": bounds[0] if bounds else pd.NaT,
            "date_end": bounds[1] if bounds else pd.NaT,
            "precision": next(prec[i] for i in idx if str(date_[i]) == top),
            "event_type": etype[idx[0]],
            "actors": _join(acts[i] for i in idx),
            "headline": "" if sent[idx[0]] is None else str(sent[idx[0]]),
            "n_sources": len({doc[i] for i in idx}),
            "sources": _join(doc[i] for i in idx),
            "outlets": _join(outlet[i] for i in idx if outlet[i] is not None and outlet[i] == outlet[i]),
            "n_mentions": len(idx),
            "dates": "|".join(dates),
            "event_types": _join(etype[i] for i in idx),
            "agree": len(dates) == 1,
            "differences": differences,
            "mentions": "|".join(str(mention[i]) for i in idx),
        })
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    table["date_start"] = pd.to_datetime(table["date_start"])
    table["date_end"] = pd.to_datetime(table["date_end"])
    table = table.sort_values(["date_start", "event_id"], kind="stable", na_position="last")
    return table.reset_index(drop=True)


def filter_timeline(
    timeline: pd.DataFrame,
    *,
    start: str | None = None,
    end: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """The events of a timeline that match every given filter (``None`` = no filter).

    Args:
        timeline: the table from :func:`merge_events`.
        start: keep events that end on or after this date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
        end: keep events that start on or before the end of this date.
        actor: keep events naming this actor (canonical name).
        event_type: keep events of this type.
        source: keep events reported by this ``doc_id`` or outlet.

    Returns:
        The matching rows, same columns and order. With a date filter, events of unknown year
        (``XXXX``) are left out.

    Example:
        >>> filter_timeline(timeline, actor="Vladimir Putin", start="2024")  # doctest: +SKIP
    """
    keep = pd.Series(True, index=timeline.index)
    if start is not None:
        keep &= timeline["date_end"] >= pd.Period(start).start_time
    if end is not None:
        keep &= timeline["date_start"] <= pd.Period(end).end_time
    if actor:
        keep &= timeline["actors"].map(lambda a: actor in str(a).split("|"))
    if event_type:
        keep &= timeline["event_type"] == event_type
    if source:
        keep &= (timeline["sources"].map(lambda a: source in str(a).split("|"))
                 | timeline["outlets"].map(lambda a: source in str(a).split("|")))
    return timeline[keep.fillna(False).astype(bool)]


def event_sentences(events: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The sentences that report one event, to cite them.

    Args:
        events: the events table with ``event_id`` (:func:`assign_events` or :func:`extract_events`).
        event_id: the event (as in the timeline's ``event_id``).

    Returns:
        Its mentions sorted by (``doc_id``, ``line_no``, ``start``), with ``doc_id``, ``line_no``,
        ``outlet``, ``surface``, ``date``, ``event_type``, ``actors`` and ``sentence``.

    Example:
        >>> event_sentences(events, "E004")  # doctest: +SKIP
    """
    cols = ["doc_id", "line_no", "outlet", "surface", "date", "event_type", "actors", "sentence"]
    part = events[events["event_id"] == event_id].sort_values(["doc_id", "line_no", "start"], kind="stable")
    return part[cols].reset_index(drop=True)


def extract_events(corpus: pd.DataFrame, *, tolerance_days: int = 1, actors: str | Path | None = None,
                   event_types: str | Path | None = None) -> pd.DataFrame:
    """Every dated event sentence of a corpus, with its actors, type and ``event_id``.

    Args:
        corpus: the articles table from :func:`kzru_lib.loading.load_corpus`.
        tolerance_days: see :func:`assign_events`.
        actors: path of a gazetteer CSV; ``None`` for the bundled one.
        event_types: path of a trigger CSV; ``None`` for the bundled one.

    Returns:
        The events table of :func:`find_events` with ``event_id`` first (see :func:`assign_events`).

    Example:
        >>> from kzru_lib.loading import load_corpus        # doctest: +SKIP
        >>> merge_events(extract_events(load_corpus("seeds")))  # doctest: +SKIP
    """
    from .dates import extract_dates

    events = find_events(extract_dates(corpus), corpus=corpus, actors=actors, event_types=event_types)
    return assign_events(events, tolerance_days=tolerance_days, actors=actors)


def _tl_date(ts: pd.Timestamp, precision: str) -> dict:
    out = {"year": str(ts.year)}
    if precision in ("month", "day"):
        out["month"] = str(ts.month)
    if precision == "day":
        out["day"] = str(ts.day)
    return out


def timeline_json(timeline: pd.DataFrame, *, title: str = "Kazakhstan-Russia timeline", text: str = "") -> dict:
    """A TimelineJS 3 dictionary (``{"title": ..., "events": [...]}``) for a merged timeline.

    Args:
        timeline: the table from :func:`merge_events`.
        title: the headline of the title slide.
        text: the text of the title slide.

    Returns:
        A dict ready for ``json.dump``: one slide per event with a known year, ``start_date`` (and
        ``end_date`` for ranges) as year/month/day strings, ``text.headline`` (type and actors),
        ``text.text`` (the sentence, sources and any differences) and ``group`` (the event type).

    Note:
        Events whose year is unknown (``XXXX``) cannot be placed and are left out.

    Example:
        >>> tl = pd.DataFrame({"event_id": ["E001"], "date": ["2024-11-27"], "date_start": [pd.Timestamp("2024-11-27")],
        ...     "date_end": [pd.Timestamp("2024-11-27")], "precision": ["day"], "event_type": ["visit"],
        ...     "actors": ["Vladimir Putin"], "headline": ["Putin arrived."], "sources": ["a"], "outlets": [""],
        ...     "differences": [""]})
        >>> timeline_json(tl)["events"][0]["start_date"]
        {'year': '2024', 'month': '11', 'day': '27'}
    """
    events = []
    for row in timeline.itertuples(index=False):
        if pd.isna(row.date_start):
            continue
        slide = {
            "unique_id": row.event_id,
            "start_date": _tl_date(row.date_start, row.precision),
            "text": {
                "headline": f"{row.event_type.replace('_', ' ')}: {row.actors.replace('|', ', ')}".strip(": "),
                "text": f"<p>{row.headline}</p><p>Sources: {row.sources.replace('|', ', ')}"
                        + (f" ({row.outlets.replace('|', ', ')})" if row.outlets else "") + "</p>"
                        + (f"<p>Sources differ: {row.differences}</p>" if row.differences else ""),
            },
            "group": row.event_type,
        }
        if "/" in row.date:
            slide["end_date"] = _tl_date(row.date_end, row.precision)
        events.append(slide)
    return {"title": {"text": {"headline": title, "text": text}}, "events": events}


def write_timeline_json(timeline: pd.DataFrame, path: str | Path, *, title: str = "Kazakhstan-Russia timeline") -> Path:
    """Write :func:`timeline_json` to ``path`` (UTF-8, indented, stable key order); return the path.

    Example:
        >>> write_timeline_json(merge_events(events), "timeline.json")  # doctest: +SKIP
    """
    path = Path(path)
    path.write_text(json.dumps(timeline_json(timeline, title=title), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path
