"""Timeline: actors, dated events, events merged across articles, TimelineJS export.

An *event* is a dated sentence: one row per (sentence, date expression) whose date has the role
``event`` or ``target`` (see :mod:`kzru_lib.dates`). Each event carries the actors named in its
sentence (from the gazetteer ``data/actors.csv``) and one event type (from the trigger table
``data/event_types.csv``). The same event reported by several articles is merged into one row of
the *timeline* that lists every source and keeps their differences.

Merging on evidence (see :func:`link_mentions` and :func:`assign_events`): two mentions from
different articles are compared when their dates overlap at the finer of their precisions (a
day inside a range; days at most ``tolerance_days`` apart; a month or year holding the other
date) and they share two rare words or actors (a keyed join, never all pairs). A pair's score
adds the TF-IDF cosine of the two sentences, shared actors, the same event type (a feature, not
a gate) and the same date value; a link needs 0.45 (day), 0.55 (month) or 0.6 (year). Groups
join by complete linkage, so one event never chains into another, and a month or year mention
never bridges two day events. Every event carries a ``confidence`` (its weakest link) and a
``why`` (that link's evidence). Datelines and bylines ("ASTANA, Kazakhstan, October 17.") are
not events (:func:`is_dateline`). A researcher's merges and splits live in a decisions file
(:func:`read_decisions`) that is re-applied on every run.

Functions:
    load_actors(path=None)              the actor gazetteer (name, kind, country, aliases)
    find_actor_mentions(text)           one string -> table of actor mentions
    find_actors(text)                   one string -> canonical actor names, in order of mention
    load_event_types(path=None)         the event-type trigger table
    find_event_type(text)               one string -> the event type
    is_dateline(sentence, surface)      whether a date is the article's dateline or byline
    find_events(dates)                  the dates table -> the events table
    link_mentions(events)               candidate pairs of mentions, scored, with the evidence
    assign_events(events)               events -> the same table with ``event_id``, ``confidence``, ``why``
    read_decisions(path)                a curation file (merge / split) -> its table
    write_decision(path, action, ids)   append one merge or split to a curation file
    apply_decisions(events, path)       re-apply a curation file to assigned events
    merge_events(events)                events -> the timeline (one row per merged event)
    filter_timeline(timeline, ...)      the timeline rows matching dates, actor, type, source
    event_sentences(events, event_id)   the sentences reporting one event (to cite them)
    extract_events(corpus)              corpus -> events with ``event_id`` (dates + find + assign)
    timeline_json(timeline)             the timeline -> a TimelineJS dictionary
"""

from __future__ import annotations

import csv
import html
import json
import math
import re
import warnings
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import KzruError
from .tables import read_rule_table

__all__ = [
    "load_actors", "find_actor_mentions", "find_actors", "load_event_types", "find_event_type",
    "is_dateline", "find_events", "link_mentions", "assign_events", "read_decisions", "write_decision",
    "apply_decisions", "merge_events", "filter_timeline", "event_sentences", "extract_events", "timeline_json", "write_timeline_json",
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
    "confidence", "why",
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


#: A dateline or byline: the date is preceded only by a place list ("ASTANA, Kazakhstan,"), an
#: agency or "By <name>", and followed by nothing, a year, an agency in brackets, or a dash / full
#: stop / colon that opens the story. Such a date says where and when the article was filed, not
#: when something happened (:func:`is_dateline`).
DATELINE_BEFORE = re.compile(
    r"^\s*(?:(?:By|От|Автор)\s+[^.!?]{1,80}?[,|]?\s*(?:(?:in|from|в|из)\s+[^\s,]+\s*,?\s*)?(?:on|—|-)?\s*"
    r"|(?!(?:On|In|At|By|Since|From|Until|Till|Before|After|During|Through|Last|Next|This|В|На|С|До|После|К|От|Из)\b)"
    r"[A-ZА-ЯЁ][\w.'’&-]*(?:[ -][A-ZА-ЯЁ(][\w.'’&)-]*){0,3}(?:\s*[,/]\s*[A-ZА-ЯЁ][\w.'’&-]*(?:[ -][A-ZА-ЯЁ][\w.'’&-]*){0,3}){0,3}"
    r"\s*[,:/–—-]?\s*)$")
DATELINE_AFTER = re.compile(
    r"^\s*(?:,?\s*\d{4}\s*(?:г\.|года)?)?\s*(?:[,/]?\s*\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:[.:|/–—-].*|$)", re.DOTALL)


def is_dateline(sentence: str, surface: str) -> bool:
    """Whether a date in a sentence is the dateline or byline of the article, not an event.

    Args:
        sentence: the sentence (or line) holding the date.
        surface: the date expression as written in it.

    Returns:
        True when the text before the date is only a place list, an agency or a byline
        (:data:`DATELINE_BEFORE`) and the text after it is empty, a year, an agency in brackets,
        or a dash or full stop that opens the story (:data:`DATELINE_AFTER`).

    Example:
        >>> is_dateline("ASTANA, Kazakhstan, October 17.", "October 17")
        True
        >>> is_dateline("On October 17, Putin arrived in Astana.", "October 17")
        False
    """
    sentence, surface = str(sentence), str(surface)
    at = sentence.find(surface)
    if at < 0:
        return False
    before, after = sentence[:at], sentence[at + len(surface):]
    if not before.strip():
        return not after.strip(" .") or bool(re.match(r"^\s*(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*[–—-]\s", after))
    return bool(DATELINE_BEFORE.match(before)) and bool(DATELINE_AFTER.match(after))


#: Columns of the corpus table that are not carried into events (texts, file facts and the
#: columns events already hold); every other corpus column (``outlet`` and sidecar columns such
#: as ``country`` or ``stance``) travels into the events and the timeline.
_NOT_CARRIED = ("path", "sha256", "encoding", "raw_text", "text", "n_lines", "n_kept_lines", "title", "outlet",
                "published", "dateline", "published_basis", "language")


def _sidecar_columns(corpus: pd.DataFrame | None) -> list[str]:
    if corpus is None:
        return []
    from .loading import CORPUS_COLUMNS

    return [c for c in corpus.columns if c not in CORPUS_COLUMNS and c not in _NOT_CARRIED and c != "doc_id"]


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
            ``role``, ``sentence``; other columns are ignored).
        corpus: the articles table, to attach ``outlet``, ``published``, ``title`` and every
            sidecar column (the extra columns of ``metadata.csv``).
        actors: path of a gazetteer CSV; ``None`` for the bundled one.
        event_types: path of a trigger CSV; ``None`` for the bundled one.

    Returns:
        A DataFrame sorted by (``date``, ``doc_id``, ``line_no``, ``start``) with columns
        ``mention_id`` (``doc_id:line_no:start``: stable across runs, not a row number),
        ``doc_id``, ``line_no``, ``start``, ``end``, ``surface`` (the date expression), ``date``
        (its ISO value), ``precision``, ``anchored``, ``role`` (``event`` or ``target``),
        ``event_type``, ``actors`` (canonical names joined by ``|``), ``sentence``, ``outlet``,
        ``published``, ``title``, then the corpus's sidecar columns.
        ``attrs["datelines"]`` holds the dates left out as datelines or bylines (same columns as
        ``dates``), so the choice can be audited.

    Note:
        Dates with the roles ``publication``, ``reference`` (and any role other than ``event``
        and ``target``, such as a ``dateline`` role) are not events; nor is a date that
        :func:`is_dateline` recognises ("ASTANA, Kazakhstan, October 17."). A sentence with two
        event dates gives two rows.

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
    for flag in ("is_dateline", "dateline"):  # a boolean column a newer dates table may carry
        if flag in ev.columns and ev[flag].dtype == bool:
            ev = ev[~ev[flag]]
    line = pd.Series([is_dateline(s, f) for s, f in zip(ev["sentence"], ev["surface"], strict=True)],
                     index=ev.index, dtype=bool)
    datelines = ev[line].copy()
    ev = ev[~line].copy()
    ev["date"] = ev["value"].astype(str)
    ev["mention_id"] = ev["doc_id"].astype(str) + ":" + ev["line_no"].astype(str) + ":" + ev["start"].astype(str)
    ev["event_type"] = [find_event_type(s, role=r, event_types=event_types, actors=actors)
                        for s, r in zip(ev["sentence"], ev["role"], strict=True)]
    ev["actors"] = ["|".join(find_actors(s, actors=actors)) for s in ev["sentence"]]
    for col in ("outlet", "published", "title"):
        if col not in ev.columns:
            ev[col] = None
    extra = _sidecar_columns(corpus)
    if corpus is not None:
        meta = corpus.set_index("doc_id")
        for col in ("outlet", "published", "title", *extra):
            if col in meta.columns:
                ev[col] = ev["doc_id"].map(meta[col]) if len(ev) else None
    ev = ev[EVENT_COLUMNS + extra].sort_values(["date", "doc_id", "line_no", "start"], kind="stable")
    ev = ev.reset_index(drop=True)
    ev.attrs["datelines"] = datelines.reset_index(drop=True)
    return ev


#: TIMEX3 values of an ISO week or a season of a year (``2024-W10``, ``2024-SU``), which :class:`pandas.Period` does
#: not read (halves and quarters are made their months first, :func:`kzru_lib.dates._iso_months`).
_TIMEX_PART = re.compile(r"(\d{4})-(?:W(?P<week>\d{2})|(?P<season>SP|SU|FA|WI))")
#: A season's months (meteorological, northern hemisphere): winter ``2024-WI`` is December 2023 to February 2024,
#: as :mod:`kzru_lib.dates` reads "last winter".
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (0, 2)}


def _part_bounds(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last moment of one end of a value: ISO (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) or a TIMEX3 week or
    season (:data:`_TIMEX_PART`); ``ValueError`` if neither."""
    m = _TIMEX_PART.fullmatch(value)
    if m is None:
        p = pd.Period(value)
        return p.start_time, p.end_time
    year = int(m.group(1))
    if m.group("week"):
        monday = pd.Timestamp(date.fromisocalendar(year, int(m.group("week")), 1))
        return monday, monday + pd.Timedelta(days=6)
    first, last = _SEASON_MONTHS[m.group("season")]
    january = pd.Period(year=year, month=1, freq="M")
    return (january + (first - 1)).start_time, (january + (last - 1)).end_time


@lru_cache(maxsize=1 << 16)
def _bounds(value: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of an ISO value (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ranges) or of a TIMEX3 half,
    quarter, week or season (``2024-H1``, ``2024-Q3``, ``2024-W10``, ``2024-SU``); None if unknown.

    Memoised: a table has few distinct dates and each block of a large one asks for them again."""
    if not isinstance(value, str) or "X" in value:
        return None
    from .dates import _iso_months

    parts = [end for part in value.split("/") for end in _iso_months(part).split("/")]
    try:
        first = _part_bounds(parts[0])
        last = _part_bounds(parts[-1])
    except (ValueError, TypeError):
        return None
    return first[0].normalize(), last[1].normalize()


# --- merging on evidence -----------------------------------------------------------------------------------

#: How a pair of mentions is scored (see :func:`link_mentions`): similarity of the two sentences
#: (TF-IDF cosine), shared actors, same event type, same date value; and the score a link needs,
#: by the coarser precision of the two dates.
LINK_WEIGHTS = {"similarity": 1.0, "shared_person_or_org": 0.2, "shared_state_only": 0.1, "shared_name": 0.1,
                "other_persons": -0.15, "same_type": 0.1, "same_date": 0.05, "across_languages": 0.15}
#: ``across_languages``: two sentences in different scripts (an English and a Russian report of one visit) share no
#: words, so their similarity is 0; each person or organisation both name (up to two) stands in for it: "Putin arrived
#: in Astana on Thursday for talks with Tokayev" and "Путин 9 ноября прибыл ... в Астану, где проведет переговоры с
#: Токаевым" score 0.3 + 0.2 (shared persons) + 0.1 (both visits) + 0.05 (same day). One shared person (a president
#: acts every day) is 0.15: with no other evidence, short of a day's link.
LINK_THRESHOLDS = {"day": 0.45, "month": 0.55, "year": 0.6, "day in month": 0.45}
#: ``day in month``: a month-precise mention and a day-precise one inside that month (``2011-01`` and
#: ``2011-01-17``) need only the day threshold: the day pins the date and the month cannot widen the
#: event (a coarse link only attaches a group holding no finer date, see :func:`assign_events`); two
#: month-precise mentions keep the month threshold.
#: Words of a sentence used as blocking keys (its rarest ones in the corpus), and how many
#: keys (words or actors) two mentions must share to be compared at all.
BLOCK_WORDS = 12
MIN_SHARED_KEYS = 2
#: Longest day range indexed day by day (longer ones are compared at month precision).
MAX_RANGE_DAYS = 31
#: A blocking key (date, word or actor) shared by more mentions than this is not used to pair
#: them (it says nothing specific); the pair can still be found through a rarer shared key.
MAX_BLOCK = 100
_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)?%?", re.UNICODE)
_NAME = re.compile(r"(?<=[\w,;:)] )[A-ZА-ЯЁ][\w'’-]*[\w]")
_RANK = {"day": 0, "month": 1, "year": 2}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from stop_words import get_stop_words

    return frozenset(w for lang in ("en", "ru") for w in get_stop_words(lang))


def _terms(sentence: str, surface: str) -> list[str]:
    """Content words of a sentence, date expression removed, cut to 5 letters (a light stem for EN and RU)."""
    text = str(sentence).replace(str(surface), " ", 1).lower()
    stop = _stop_words()
    return list(dict.fromkeys(w[:5] for w in _WORD.findall(text) if w not in stop))


def _precision_rank(precision: str, lo, hi) -> int:
    if precision in _RANK:
        rank = _RANK[precision]
    else:
        rank = 0 if (hi - lo).days < 1 else 1 if (hi - lo).days < 32 else 2
    if rank == 0 and (hi - lo).days >= MAX_RANGE_DAYS:
        rank = 1
    return rank


def _texts(events: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The sentences and date surfaces of the mentions, as :func:`_prepare` reads them."""
    n = len(events)
    surfaces = events["surface"].astype(str).tolist() if "surface" in events.columns else [""] * n
    sentences = events["sentence"].astype(str).tolist() if "sentence" in events.columns else [""] * n
    return sentences, surfaces


def term_counts(events: pd.DataFrame) -> dict[str, int]:
    """``{term: number of mentions holding it}`` over these mentions (the document frequencies of :func:`_prepare`).

    Summed over the blocks of a large mentions table, with the number of mentions, they are the
    ``term_counts`` that let :func:`assign_events` link one block as it links the whole table.
    """
    counts: dict[str, int] = {}
    for sentence, surface in zip(*_texts(events), strict=True):
        for w in _terms(sentence, surface):
            counts[w] = counts.get(w, 0) + 1
    return counts


_CYRILLIC_LETTER = re.compile(r"[а-яёА-ЯЁ]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")


def _script(sentence: str) -> int:
    """1 when a sentence is written mostly in Cyrillic letters, else 0 (Latin, or none)."""
    return int(len(_CYRILLIC_LETTER.findall(sentence)) > len(_LATIN_LETTER.findall(sentence)))


def _prepare(events: pd.DataFrame, actors: str | Path | None,
             totals: tuple[int, dict[str, int]] | None = None, keys_only: bool = False) -> dict:
    """Per-mention facts used for pairing: interval, precision rank, terms, actor sets.

    ``totals``: (number of mentions, :func:`term_counts`) of the whole table when ``events``
    is one block of it; default: these mentions. ``keys_only``: only what :func:`_blocking` reads.
    """
    kinds = load_actors(actors).set_index("name")["kind"].to_dict()
    n = len(events)
    dates = events["date"].astype(str).tolist()
    precisions = events["precision"].astype(str).tolist() if "precision" in events.columns else ["day"] * n
    sentences, surfaces = _texts(events)
    names = events["actors"].astype(str).tolist() if "actors" in events.columns else [""] * n
    lo, hi, rank, terms, strong, states, names_ = [], [], [], [], [], [], []
    bounds = {d: _bounds(d) for d in set(dates)}
    for i in range(n):
        b = bounds[dates[i]]
        if b is None:
            lo.append(None)
            hi.append(None)
            rank.append(None)
        else:
            lo.append(b[0])
            hi.append(b[1])
            rank.append(_precision_rank(precisions[i], *b))
        terms.append(_terms(sentences[i], surfaces[i]))
        rest = sentences[i].replace(surfaces[i], " ", 1)
        names_.append(frozenset(w.lower() for w in _NAME.findall(rest) if w.lower() not in _stop_words()))
        acts = {a for a in names[i].split("|") if a and a not in ("nan", "None", "<NA>")}
        strong.append(frozenset(a for a in acts if kinds.get(a) in ("person", "organisation", "company")))
        states.append(frozenset(acts))
    if totals is None:
        df: dict[str, int] = {}
        for t in terms:
            for w in t:
                df[w] = df.get(w, 0) + 1
        n_all = n
    else:
        n_all, counts = totals
        df = {w: counts[w] for t in terms for w in t}
    idf = {w: math.log((1 + n_all) / (1 + c)) + 1.0 for w, c in df.items()}
    if keys_only:
        return {"lo": lo, "hi": hi, "rank": rank, "terms": terms, "states": states, "idf": idf, "n_all": n_all}
    vectors = []
    for t in terms:
        v = {w: idf[w] for w in t}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    persons = [frozenset(a for a in s if kinds.get(a) == "person") for s in strong]
    script = np.array([_script(t) for t in sentences], dtype=np.int8)
    return {"lo": lo, "hi": hi, "rank": rank, "terms": terms, "vectors": vectors, "strong": strong, "script": script,
            "states": states, "persons": persons, "idf": idf, "dates": dates, "names": names_, "n_all": n_all,
            "m_terms": _matrix(vectors), "m_strong": _matrix(strong), "m_states": _matrix(states),
            "m_persons": _matrix(persons), "m_names": _matrix(names_)}


def _matrix(rows: list) -> tuple:
    """Rows of weights ({item: weight}) or sets (weight 1) as a sparse matrix: (indptr, sorted keys, weights, width)."""
    # columns in the keys' own order (not first appearance): a row's products are summed in the
    # same order whichever other rows (a block of the mentions, or all of them) are in the matrix
    vocab = {k: c for c, k in enumerate(sorted(set().union(*rows)))}
    indptr, cols, data = [0], [], []
    for row in rows:
        items = sorted((vocab[k], (row[k] if isinstance(row, dict) else 1.0)) for k in row)
        cols += [c for c, _ in items]
        data += [x for _, x in items]
        indptr.append(len(cols))
    width = max(len(vocab), 1)
    indptr_a = np.array(indptr, dtype=np.int64)
    row_of = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(indptr_a))
    return indptr_a, row_of * width + np.array(cols, dtype=np.int64), np.array(data, dtype=float), width


def _rowdot(matrix: tuple, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """Dot products of rows ``i[k]`` and ``j[k]`` of a :func:`_matrix`, vectorised in chunks."""
    indptr, keys, data, width = matrix
    out = np.zeros(len(i), dtype=float)
    cols = keys % width if len(keys) else keys
    for s in range(0, len(i), chunk):
        a, b = i[s:s + chunk], j[s:s + chunk]
        lens = indptr[a + 1] - indptr[a]
        total = int(lens.sum())
        if total == 0:
            continue
        which = np.repeat(np.arange(len(a)), lens)
        starts = np.repeat(indptr[a] - np.concatenate([[0], np.cumsum(lens)[:-1]]), lens)
        pos = starts + np.arange(total)
        look = b[which] * width + cols[pos]
        k = np.minimum(np.searchsorted(keys, look), len(keys) - 1)
        hit = keys[k] == look
        out[s:s + chunk] = np.bincount(which, weights=np.where(hit, data[pos] * data[k], 0.0), minlength=len(a))
    return out


def _cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _blocking(facts: dict, tolerance_days: int) -> tuple[list[int], list[list[str]], list[int], list]:
    """The blocking keys and dates of the mentions that can pair (see :func:`_candidates`).

    Returns the rows of the mentions with at least :data:`MIN_SHARED_KEYS` keys, their keys
    (``w:`` a word, ``a:`` an actor), the span of each (an index into the last list) and per
    distinct span (date keys it is posted under, date keys it asks). A mention's keys and dates
    depend on that mention and on the word counts of the whole table only (``facts["idf"]``).
    """
    idf = facts["idf"]
    hapax = math.log((1 + facts["n_all"]) / 2) + 1.0 - 1e-9  # the idf of a word held by one mention only
    tol = range(-tolerance_days, tolerance_days + 1)
    span_id: dict = {}
    spans: list[tuple[list[str], list[str]]] = []
    mentions, keys_of, mention_span = [], [], []
    for i, (lo, hi, rank) in enumerate(zip(facts["lo"], facts["hi"], facts["rank"], strict=True)):
        if lo is None:
            continue
        # a word no other mention holds cannot pair anything: the rarest *shared* words are the keys
        words = sorted((w for w in facts["terms"][i] if idf[w] < hapax), key=lambda w: (-idf[w], w))[:BLOCK_WORDS]
        keys = [f"w:{w}" for w in words] + [f"a:{a}" for a in facts["states"][i]]
        if len(keys) < MIN_SHARED_KEYS:
            continue
        span = (lo, hi, rank)
        if span not in span_id:
            n_days = (hi - lo).days + 1
            days = [lo + pd.Timedelta(days=d) for d in range(n_days)] if rank == 0 else []
            months = sorted({f"{p.year:04d}-{p.month:02d}" for p in pd.period_range(lo, hi, freq="M")}) \
                if n_days < 400 else []
            years = [f"{y:04d}" for y in range(lo.year, hi.year + 1)] if hi.year - lo.year < 5 else []
            posted = [f"{d:%Y-%m-%d}" for d in days] + months + years
            if rank == 0:
                asked = sorted({f"{d + pd.Timedelta(days=t):%Y-%m-%d}" for d in days for t in tol})
            else:
                asked = months if rank == 1 else years
            span_id[span] = len(spans)
            spans.append((posted, asked))
        mentions.append(i)
        keys_of.append(keys)
        mention_span.append(span_id[span])
    return mentions, keys_of, mention_span, spans


def _candidates(facts: dict, docs: list, tolerance_days: int) -> pd.DataFrame:
    """Pairs of mentions (different articles) whose dates overlap and that share two blocking keys.

    Every mention is posted under (date key, word) for its :data:`BLOCK_WORDS` rarest words among
    those at least one other mention holds (a word of one sentence only pairs nothing; before,
    two long sentences could pick disjoint sets of one-off words and never meet), and under
    (date key, actor) for its actors; date keys are the days of a day-precise date (a
    range: each of its days), its month and its year. A mention queries the keys at its own
    precision (days widened by ``tolerance_days``), so a day finds a day or a range holding it, a
    month finds the days and months inside it, a year the days, months and years inside it.
    Pairs come from a hash join on the keys (work grows with the number of mentions, not its
    square); a pair is kept when the two share at least :data:`MIN_SHARED_KEYS` words or actors.
    """
    empty = pd.DataFrame({"i": pd.Series(dtype="int64"), "j": pd.Series(dtype="int64")})
    mentions, keys_of, mention_span, span_dates = _blocking(facts, tolerance_days)
    # compact bookkeeping: integer codes for keys and dates, one list of dates per distinct span
    key_code: dict[str, int] = {}
    date_code: dict[str, int] = {}
    key_ptr, key_flat = [0], []
    for keys in keys_of:
        key_flat += [key_code.setdefault(k, len(key_code)) for k in keys]
        key_ptr.append(len(key_flat))
    spans = [([date_code.setdefault(d, len(date_code)) for d in posted],
              [date_code.setdefault(d, len(date_code)) for d in asked]) for posted, asked in span_dates]
    if not mentions:
        return empty
    n_keys = len(key_code)
    m_index = np.array(mentions, dtype=np.int64)  # row of each keyed mention in the table
    m_span = np.array(mention_span, dtype=np.int64)
    k_ptr, k_flat = np.array(key_ptr, dtype=np.int64), np.array(key_flat, dtype=np.int64)
    doc = pd.factorize(pd.Series(docs, dtype=object))[0]

    def table(which: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(code = date * n_keys + key, keyed mention, key) for every posted (0) or asked (1) date and key."""
        ptr = np.zeros(len(spans) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(sp[which]) for sp in spans])
        flat = np.fromiter((d for sp in spans for d in sp[which]), dtype=np.int64, count=int(ptr[-1]))
        m, dates = _gather(ptr, flat, m_span)  # (mention, date)
        row, key = _gather(k_ptr, k_flat, m)  # (mention, date) x the mention's keys
        m = m[row]
        return dates[row] * n_keys + key, m, key

    post_code, post_m, post_k = table(0)
    # a (date, key) block shared by more than MAX_BLOCK mentions pairs nothing
    order = np.argsort(post_code, kind="stable")
    post_code, post_m, post_k = post_code[order], post_m[order], post_k[order]
    uniq, first, size = np.unique(post_code, return_index=True, return_counts=True)
    keep = np.repeat(size <= MAX_BLOCK, size)
    post_code, post_m, post_k = post_code[keep], post_m[keep], post_k[keep]
    ask_code, ask_m, ask_k = table(1)
    order = np.argsort(ask_code, kind="stable")
    ask_code, ask_m, ask_k = ask_code[order], ask_m[order], ask_k[order]
    # rows of each table by keyed mention, to take one slice of mentions at a time
    post_by_m = np.argsort(post_m, kind="stable")
    ask_by_m = np.argsort(ask_m, kind="stable")
    post_bounds = np.searchsorted(post_m[post_by_m], np.arange(len(m_index) + 1))
    ask_bounds = np.searchsorted(ask_m[ask_by_m], np.arange(len(m_index) + 1))

    def hits(codes, m, k, other_code, other_m) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows (code, mention m, key k) joined to the other table's rows with the same code."""
        lo = np.searchsorted(other_code, codes, side="left")
        hi = np.searchsorted(other_code, codes, side="right")
        n = hi - lo
        row = np.repeat(np.arange(len(codes)), n)
        pos = np.repeat(lo - np.concatenate([[0], np.cumsum(n)[:-1]]), n) + np.arange(int(n.sum()))
        return m[row], other_m[pos], k[row]

    out = []
    step = 2_000  # keyed mentions a slice: bounds the hits held at once
    n_m = len(m_index)
    for s in range(0, n_m, step):
        e = min(s + step, n_m)
        # a pair (a, b), a < b, is found in a's slice: from a's asked dates and from a's posted ones
        q = ask_by_m[ask_bounds[s]:ask_bounds[e]]
        i1, j1, k1 = hits(ask_code[q], ask_m[q], ask_k[q], post_code, post_m)
        p = post_by_m[post_bounds[s]:post_bounds[e]]
        j2, i2, k2 = hits(post_code[p], post_m[p], post_k[p], ask_code, ask_m)
        x, y, k = np.concatenate([i1, i2]), np.concatenate([j1, j2]), np.concatenate([k1, k2])
        a, b = m_index[np.minimum(x, y)], m_index[np.maximum(x, y)]
        ok = (np.minimum(x, y) >= s) & (x != y) & (doc[m_index[x]] != doc[m_index[y]])
        a, b, k = a[ok], b[ok], k[ok]
        if not len(a):
            continue
        order = np.lexsort((k, b, a))
        a, b, k = a[order], b[order], k[order]
        new = np.ones(len(a), dtype=bool)
        new[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (k[1:] != k[:-1])
        a, b = a[new], b[new]  # distinct (pair, shared key)
        start = np.ones(len(a), dtype=bool)
        start[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
        at = np.flatnonzero(start)
        count = np.diff(np.append(at, len(a)))
        hit = count >= MIN_SHARED_KEYS
        out.append((a[at][hit], b[at][hit]))
    if not out:
        return empty
    pairs = pd.DataFrame({"i": np.concatenate([x for x, _ in out]), "j": np.concatenate([y for _, y in out])})
    if pairs.empty:
        return empty
    return pairs.astype("int64").sort_values(["i", "j"], ignore_index=True)


def _gather(ptr: np.ndarray, flat: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each ``rows[r]``, its items ``flat[ptr[rows[r]]:ptr[rows[r] + 1]]``: (r repeated, the items)."""
    n = ptr[rows + 1] - ptr[rows]
    r = np.repeat(np.arange(len(rows), dtype=np.int64), n)
    pos = np.repeat(ptr[rows] - np.concatenate([[0], np.cumsum(n)[:-1]]), n) + np.arange(int(n.sum()), dtype=np.int64)
    return r, flat[pos]


_PRECISION_OF = {v: k for k, v in _RANK.items()}


def _threshold(rank_i: int, rank_j: int) -> float:
    """The score a link between mentions of these date precision ranks needs (:data:`LINK_THRESHOLDS`)."""
    if max(rank_i, rank_j) == 1 and min(rank_i, rank_j) == 0:
        return LINK_THRESHOLDS["day in month"]
    return LINK_THRESHOLDS[_PRECISION_OF[max(rank_i, rank_j)]]


def _score_pair(facts: dict, types: list, i: int, j: int) -> tuple[float, str, tuple, list[str]]:
    """Score one pair of mentions (see :func:`link_mentions`): score, precision, facts, reasons."""
    w = LINK_WEIGHTS
    sim = _cosine(facts["vectors"][i], facts["vectors"][j])
    shared_strong = facts["strong"][i] & facts["strong"][j]
    across = facts["script"][i] != facts["script"][j]
    if across:
        sim = max(sim, w["across_languages"] * min(len(shared_strong), 2))
    shared = facts["states"][i] & facts["states"][j]
    other_persons = bool(facts["persons"][i] and facts["persons"][j] and not (facts["persons"][i] & facts["persons"][j]))
    names = frozenset() if (shared or other_persons) else facts["names"][i] & facts["names"][j]
    score = w["similarity"] * sim
    reasons = [f"similarity {sim:.2f}" + (" (across languages: the persons and organisations shared)" if across else "")]
    if shared_strong:
        score += w["shared_person_or_org"]
    elif shared:
        score += w["shared_state_only"]
    elif names:
        score += w["shared_name"]
    if shared:
        reasons.append("shared " + ", ".join(sorted(shared)))
    elif names:
        reasons.append("shared names " + ", ".join(sorted(names)))
    if other_persons:
        score += w["other_persons"]
        reasons.append("different persons")
    same_type = types[i] == types[j] and types[i] != "other"
    if same_type:
        score += w["same_type"]
        reasons.append(f"both {types[i]}")
    same_date = facts["dates"][i] == facts["dates"][j]
    if same_date:
        score += w["same_date"]
        reasons.append(f"same date {facts['dates'][i]}")
    else:
        reasons.append(f"dates {facts['dates'][i]} ~ {facts['dates'][j]}")
    precision = _PRECISION_OF[max(facts["rank"][i], facts["rank"][j])]
    if precision == "month" and min(facts["rank"][i], facts["rank"][j]) == 0:
        reasons.append("a day inside the month")
    return score, precision, (round(sim, 4), "|".join(sorted(shared)), same_type, same_date), reasons


def link_mentions(events: pd.DataFrame, *, tolerance_days: int = 1,
                  actors: str | Path | None = None) -> pd.DataFrame:
    """Candidate pairs of mentions from different articles, scored on evidence.

    Args:
        events: the table from :func:`find_events`.
        tolerance_days: how far apart two day-precise dates of one event may be.
        actors: the gazetteer used for the events (its ``kind`` tells persons and organisations
            from states); ``None`` for the bundled one.

    Returns:
        A DataFrame sorted by (``score`` descending, ``a``, ``b``) with columns ``a``, ``b``
        (``mention_id`` s), ``precision`` (the coarser of the two: ``day``, ``month``, ``year``),
        ``similarity`` (TF-IDF cosine of the sentences, date expressions removed, words cut to
        five letters), ``shared_actors``, ``same_type``, ``same_date``, ``score``, ``accept``
        (``score`` reaches :data:`LINK_THRESHOLDS` for that precision; a day inside a month needs
        only the day threshold) and ``why`` (the evidence,
        written out for accepted links; empty for the others).

    Note:
        Candidates are pairs whose dates overlap at the finer precision of the two (a day inside
        a range, days at most ``tolerance_days`` apart; a month or year holding the other date)
        and that share a rare word or an actor (see :func:`_candidates`; never all pairs).
        ``score`` adds :data:`LINK_WEIGHTS`: similarity, +0.2 for a shared person or
        organisation (+0.1 for a shared state only, or else for a shared capitalised name
        inside the sentence), -0.15 when both name persons and none is
        shared, +0.1 for the same event type (a feature, not a gate), +0.05 for the same date. Across
        scripts (an English and a Russian sentence share no word), the similarity is at least 0.15 for
        each person or organisation both name, up to two.
    """
    facts = _prepare(events, actors) if len(events) else None
    return _links(events, facts, tolerance_days)[0]


_LINK_COLUMNS = ["a", "b", "precision", "similarity", "shared_actors", "same_type", "same_date", "score", "accept",
                 "why"]


def _codes(facts: dict, types: list) -> dict:
    """Integer codes of the mentions' event types and dates, and their precision ranks, for :func:`_scores`."""
    type_code, type_names = pd.factorize(pd.Series(types, dtype=object))
    other = np.flatnonzero(type_names == "other")
    return {"type": type_code, "other": int(other[0]) if len(other) else -1,
            "date": pd.factorize(pd.Series(facts["dates"], dtype=object))[0],
            "rank": np.array([r if r is not None else 0 for r in facts["rank"]], dtype=np.int64)}


def _scores(facts: dict, codes: dict, i: np.ndarray, j: np.ndarray) -> tuple:
    """Scores of the pairs ``(i[k], j[k])`` (:data:`LINK_WEIGHTS`), vectorised: score, similarity, shared state,
    same type, same date."""
    w = LINK_WEIGHTS
    sim = _rowdot(facts["m_terms"], i, j)
    n_strong = _rowdot(facts["m_strong"], i, j)
    script = facts["script"]
    sim = np.where(script[i] != script[j], np.maximum(sim, w["across_languages"] * np.minimum(n_strong, 2)), sim)
    strong = n_strong > 0
    shared = _rowdot(facts["m_states"], i, j) > 0
    has_p = facts["m_persons"][0]
    has_persons = (np.diff(has_p)[i] > 0) & (np.diff(has_p)[j] > 0)
    other_persons = has_persons & (_rowdot(facts["m_persons"], i, j) == 0)
    names = ~shared & ~other_persons & (_rowdot(facts["m_names"], i, j) > 0)
    type_code = codes["type"]
    same_type = (type_code[i] == type_code[j]) & (type_code[i] != codes["other"])
    same_date = codes["date"][i] == codes["date"][j]
    score = (w["similarity"] * sim + np.where(strong, w["shared_person_or_org"],
                                              np.where(shared, w["shared_state_only"],
                                                       np.where(names, w["shared_name"], 0.0)))
             + w["other_persons"] * other_persons + w["same_type"] * same_type + w["same_date"] * same_date)
    return score, sim, shared, same_type, same_date


def _thresholds(codes: dict, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The precision of each pair's link (the coarser date) and the score it needs (:data:`LINK_THRESHOLDS`)."""
    rank = codes["rank"]
    link_rank = np.maximum(rank[i], rank[j])
    precision = np.array([_PRECISION_OF[r] for r in range(3)], dtype=object)[link_rank]
    threshold = np.array([LINK_THRESHOLDS[_PRECISION_OF[r]] for r in range(3)])[link_rank]
    threshold[(link_rank == 1) & (np.minimum(rank[i], rank[j]) == 0)] = LINK_THRESHOLDS["day in month"]
    return precision, threshold


def _links(events: pd.DataFrame, facts: dict | None, tolerance_days: int,
           explain: bool = True, pairs: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list, list]:
    """The link table of :func:`link_mentions`, and the row numbers of its ``a`` and ``b``.

    ``pairs``: the candidate pairs (rows ``i`` < ``j``), when computed over a larger table than ``events``.
    """
    n = len(events)
    if n == 0:
        return pd.DataFrame(columns=_LINK_COLUMNS), [], []
    cols = _LINK_COLUMNS
    docs = events["doc_id"].astype(str).tolist()
    if pairs is None:
        pairs = _candidates(facts, docs, tolerance_days)
    ids = np.array(events["mention_id"].astype(str).tolist(), dtype=object)
    types = events["event_type"].astype(str).tolist() if "event_type" in events.columns else ["other"] * n
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    codes = _codes(facts, types)
    score, sim, shared, same_type, same_date = _scores(facts, codes, i, j)
    precision, threshold = _thresholds(codes, i, j)
    accept = score >= threshold
    if not explain:  # what assign_events needs, in the same order: no evidence text per pair
        # (the order of the link table, by score, a and b, sorted on the ids' ranks: no column of ids per pair,
        # millions of pairs in one block of a large corpus)
        rank = pd.factorize(pd.Series(ids, dtype=object), sort=True)[0]
        rounded = np.round(np.asarray(score, dtype=float), 4)
        order = np.lexsort((rank[j], rank[i], -rounded))
        table = pd.DataFrame({"precision": np.asarray(precision, dtype=object)[order], "score": rounded[order],
                              "accept": np.asarray(accept, dtype=bool)[order]})
        return table, np.asarray(i, dtype=np.int64)[order], np.asarray(j, dtype=np.int64)[order]
    why, shared_names = [], []
    for k, (a, b, ok) in enumerate(zip(i.tolist(), j.tolist(), accept.tolist(), strict=True)):
        if ok:
            _, _, facts_ab, reasons = _score_pair(facts, types, a, b)
            why.append("; ".join(reasons))
            shared_names.append(facts_ab[1])
        else:
            why.append("")
            shared_names.append("|".join(sorted(facts["states"][a] & facts["states"][b])) if shared[k] else "")
    table = pd.DataFrame({"a": ids[i] if len(i) else [], "b": ids[j] if len(j) else [], "precision": precision,
                          "similarity": np.round(sim, 4), "shared_actors": shared_names, "same_type": same_type,
                          "same_date": same_date, "score": np.round(score, 4), "accept": accept, "why": why})
    table["same_type"] = table["same_type"].astype(bool)
    table["same_date"] = table["same_date"].astype(bool)
    table["accept"] = table["accept"].astype(bool)
    table["_i"], table["_j"] = i, j
    table = table.sort_values(["score", "a", "b"], ascending=[False, True, True], kind="stable", ignore_index=True)
    return table[cols], table["_i"].tolist(), table["_j"].tolist()


def _accepted(links: pd.DataFrame, first, second, chunk: int = 65_536):
    """(i, j, precision, score) of the accepted links (only they join groups), in the link table's order, a chunk of
    Python values at a time (a block of a large corpus has millions of them)."""
    take = np.flatnonzero(links["accept"].to_numpy(dtype=bool))
    a, b = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    precision, score = links["precision"].to_numpy(dtype=object), links["score"].to_numpy(dtype=float)
    for s in range(0, len(take), chunk):
        t = take[s:s + chunk]
        yield from zip(a[t].tolist(), b[t].tolist(), precision[t].tolist(), score[t].tolist(), strict=True)


def assign_events(events: pd.DataFrame, *, tolerance_days: int = 1, actors: str | Path | None = None,
                  decisions: str | Path | pd.DataFrame | None = None,
                  totals: tuple[int, dict[str, int]] | None = None, pairs: pd.DataFrame | None = None
                  ) -> pd.DataFrame:
    """Give every event mention an ``event_id``: mentions of the same event share one.

    Args:
        events: the table from :func:`find_events`.
        tolerance_days: how far apart two day-precise dates of the same event may be (articles
            disagree by a day about overnight events and time zones). ``0`` asks for equal dates.
        actors: the gazetteer used for the events; ``None`` for the bundled one.
        decisions: a curation file (see :func:`read_decisions`) or its table, applied after the
            automatic merging (:func:`apply_decisions`).
        totals: when ``events`` is one block of a larger table (every mention whose date could
            link to one of them is in the block, see :func:`kzru_lib.store.build_store`): the
            number of mentions of the whole table and its :func:`term_counts`, so that words
            weigh as they do in the whole table; ``event_id`` s are then numbered in the block.
        pairs: with ``totals``, the candidate pairs of these mentions (columns ``i`` < ``j``, row
            numbers) as :func:`_candidates` finds them in the whole table (its
            :data:`MAX_BLOCK` rule counts mentions over the whole table), when ``events`` holds
            whole connected components of the candidate pairs (see
            :func:`kzru_lib.store.build_store`).

    Returns:
        The events table with ``event_id`` (``E001``, ``E002``, ... in date order) as the first
        column, same rows and order, plus ``confidence`` (the score of the link that brought the
        mention into its event; 1.0 for the first mention of each event) and ``why`` (that
        link's evidence, or ``curated`` with the decision's line).

    Note:
        Links (:func:`link_mentions`) are taken from the strongest down; two groups join only
        when every pair of mentions across them would be a link on its own (complete linkage:
        no chaining from one event to another through a third sentence; two mentions of one
        article must give the same date), their day-precise dates all lie within
        ``tolerance_days`` of each other, and a coarser link (a month or year mention) only
        ever attaches a group that holds no finer date — a month never bridges two day events.
        Unknown ``XXXX`` dates never merge. Deterministic.

    Example:
        >>> ev = pd.DataFrame({"mention_id": ["a:1:0", "b:3:0"], "doc_id": ["a", "b"], "line_no": [1, 3],
        ...     "start": [0, 0], "date": ["2024-11-27", "2024-11-27"], "precision": ["day", "day"],
        ...     "event_type": ["visit", "visit"], "actors": ["Vladimir Putin", "Vladimir Putin|Kazakhstan"],
        ...     "surface": ["", ""], "sentence": ["Putin arrived in Astana.", "Putin arrived in Kazakhstan."]})
        >>> assign_events(ev)["event_id"].tolist()
        ['E001', 'E001']
    """
    if tolerance_days < 0:
        raise KzruError(f"tolerance_days={tolerance_days}: expected 0 or more")
    ev = events.drop(columns=["event_id", "confidence", "why"], errors="ignore").reset_index(drop=True)
    n = len(ev)
    facts = _prepare(ev, actors, totals) if n else {"lo": [], "hi": [], "rank": []}
    links, first, second = _links(ev, facts, tolerance_days, explain=False, pairs=pairs)
    parent = list(range(n))
    # per group: finest rank present, latest start and earliest end of its day-precise dates
    finest = [r if r is not None else 9 for r in facts["rank"]]
    # (as day numbers: the bounds are whole days)
    lo_max = [lo.toordinal() if r == 0 else None for lo, r in zip(facts["lo"], facts["rank"], strict=True)]
    hi_min = [hi.toordinal() if r == 0 else None for hi, r in zip(facts["hi"], facts["rank"], strict=True)]
    weakest = [(1.0, "one mention")] * n  # per group: the weakest link holding it together
    members = {k: [k] for k in range(n)}
    types = ev["event_type"].astype(str).tolist() if "event_type" in ev.columns else ["other"] * n
    docs = ev["doc_id"].astype(str).tolist()
    compatible = _Linkage(facts, types, docs, first, second, links["accept"].to_numpy()) if n else None
    apart: dict[int, set[int]] = {}  # per group: the groups it failed complete linkage with

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    tol = tolerance_days
    for i, j, precision, score in _accepted(links, first, second):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        link_rank = _RANK[precision]
        if finest[ri] < link_rank and finest[rj] < link_rank:
            continue  # a coarse link may only attach a group holding no finer date
        los = [x for x in (lo_max[ri], lo_max[rj]) if x is not None]
        his = [x for x in (hi_min[ri], hi_min[rj]) if x is not None]
        if los and his and max(los) - min(his) > tol:
            continue  # the day-precise dates of one event lie within tolerance_days of each other
        if rj in apart.get(ri, ()):
            continue  # these two groups failed before: a group only grows, the failing pair stays
        if not compatible(members[ri], members[rj]):
            apart.setdefault(ri, set()).add(rj)
            apart.setdefault(rj, set()).add(ri)
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        for z in apart.pop(gone, ()):
            apart[z].discard(gone)
            apart[z].add(keep)
            apart.setdefault(keep, set()).add(z)
        members[keep] += members.pop(gone)
        parent[gone] = keep
        finest[keep] = min(finest[keep], finest[gone])
        lo_max[keep] = max(los) if los else None
        hi_min[keep] = min(his) if his else None
        strength = min(1.0, float(score))
        if strength <= min(weakest[keep][0], weakest[gone][0]):  # explain only the link that is the weakest
            weakest[keep] = (strength, "; ".join(_score_pair(facts, types, i, j)[3]))
        else:
            weakest[keep] = min(weakest[keep], weakest[gone], key=lambda w: w[0])
    roots = [find(k) for k in range(n)]
    out = ev.copy()
    out["confidence"] = [weakest[r][0] for r in roots]
    out["why"] = [weakest[r][1] for r in roots]
    out["_group"] = roots
    if decisions is not None:
        out = _apply(out, decisions)
    return _number(out)


class _Linkage:
    """Complete linkage (:func:`_compatible`), checked on arrays, many pairs at a time.

    Same answer as :func:`_compatible` (which checks one pair at a time in Python): a pair of
    two articles that was a candidate must have been accepted; any other pair is scored as
    :func:`_links` scores (vectorised) and, when that score lies within ``1e-9`` of the
    threshold, again exactly as :func:`_compatible` does (:func:`_score_pair`).
    """

    CHUNK = 4096  # pairs checked at once; the first failing chunk ends the check
    SMALL = 64  # fewer pairs than this: checked one by one while they are accepted links

    def __init__(self, facts: dict, types: list, docs: list, first: list, second: list, accept: np.ndarray):
        self.facts, self.types, self.n = facts, types, len(docs)
        self.doc = pd.factorize(pd.Series(docs, dtype=object))[0]
        self.codes = _codes(facts, types)
        a, b = np.array(first, dtype=np.int64), np.array(second, dtype=np.int64)
        code = np.minimum(a, b) * self.n + np.maximum(a, b)
        order = np.argsort(code, kind="stable")
        self.pair, self.accept = code[order], np.asarray(accept, dtype=bool)[order]
        self.doc_of, self.date_of = self.doc.tolist(), self.codes["date"].tolist()

    def __call__(self, xs: list[int], ys: list[int]) -> bool:
        if len(xs) * len(ys) > self.SMALL:
            return self._arrays(xs, ys)
        # few pairs: one by one, as _compatible does (the candidate pairs looked up together, in the sorted codes: a
        # dict of them held millions of entries in one block of a large corpus)
        n, doc, date, facts, rank = self.n, self.doc_of, self.date_of, self.facts, self.facts["rank"]
        across = []
        for i in xs:
            for j in ys:
                if doc[i] == doc[j]:
                    if date[i] != date[j]:
                        return False
                    continue
                across.append((i, j))
        if across:
            known = self._known(np.array([i * n + j if i < j else j * n + i for i, j in across], dtype=np.int64))
            if known is None:
                return False
            across = [p for p, k in zip(across, known.tolist(), strict=True) if not k]
        for i, j in across:  # not a candidate pair: score it here
            if _score_pair(facts, self.types, i, j)[0] < _threshold(rank[i], rank[j]):
                return False
        return True

    def _known(self, code: np.ndarray) -> np.ndarray | None:
        """Which pair codes are candidate pairs (looked up in the sorted codes); None when one of them is no link."""
        if not len(self.pair):
            return np.zeros(len(code), dtype=bool)
        at = np.minimum(np.searchsorted(self.pair, code), len(self.pair) - 1)
        known = self.pair[at] == code
        return None if (known & ~self.accept[at]).any() else known

    def _arrays(self, xs: list[int], ys: list[int]) -> bool:
        x_all, y = np.array(xs, dtype=np.int64), np.array(ys, dtype=np.int64)
        step = max(1, self.CHUNK // len(y))
        for s in range(0, len(x_all), step):
            x = x_all[s:s + step]
            i, j = np.repeat(x, len(y)), np.tile(y, len(x))
            same = self.doc[i] == self.doc[j]
            if (same & (self.codes["date"][i] != self.codes["date"][j])).any():
                return False  # one article gives two dates
            i, j = i[~same], j[~same]
            known = self._known(np.minimum(i, j) * self.n + np.maximum(i, j))
            if known is None:
                return False
            i, j = i[~known], j[~known]
            if not len(i):
                continue
            score = _scores(self.facts, self.codes, i, j)[0]
            threshold = _thresholds(self.codes, i, j)[1]
            if (score < threshold - 1e-9).any():
                return False
            rank = self.facts["rank"]
            for a, b in zip(i[score < threshold + 1e-9].tolist(), j[score < threshold + 1e-9].tolist(), strict=True):
                if _score_pair(self.facts, self.types, a, b)[0] < _threshold(rank[a], rank[b]):
                    return False
        return True


def _compatible(xs: list[int], ys: list[int], facts: dict, types: list, docs: list, accepted: dict) -> bool:
    """Complete linkage: every pair across two groups is a link on its own (same article: same date).

    ``accepted``: ``{(i, j): accept}`` for the candidate pairs (``i < j``). The rule one pair at a
    time; :func:`assign_events` checks it with :class:`_Linkage` (same answer, vectorised).
    """
    for i in xs:
        for j in ys:
            if docs[i] == docs[j]:
                if facts["dates"][i] != facts["dates"][j]:
                    return False
                continue
            ok = accepted.get((i, j) if i < j else (j, i))
            if ok is None:  # not a candidate pair: score it here
                score = _score_pair(facts, types, i, j)[0]
                ok = score >= _threshold(facts["rank"][i], facts["rank"][j])
            if not ok:
                return False
    return True


def _number(out: pd.DataFrame) -> pd.DataFrame:
    """Turn the ``_group`` column into ``event_id`` s numbered in date order."""
    order = out.sort_values(["date", "doc_id", "line_no", "start"], kind="stable")
    first: dict = {}
    for g in order["_group"]:
        first.setdefault(g, len(first))
    width = max(3, len(str(len(first))))
    out = out.drop(columns=["_group"]).assign(_g=out["_group"])
    out.insert(0, "event_id", [f"E{first[g] + 1:0{width}d}" for g in out["_g"]])
    return out.drop(columns=["_g"])


# --- curation ----------------------------------------------------------------------------------------------

#: Columns of a decisions file (:func:`read_decisions`).
DECISION_COLUMNS = ["action", "mention_ids", "note"]


def read_decisions(path: str | Path) -> pd.DataFrame:
    """Read a curation file: the merges and splits a researcher made by hand.

    Args:
        path: a UTF-8 CSV with a header ``action,mention_ids,note``. One decision a row:
            ``merge`` — the events holding these mentions become one event; ``split`` — these
            mentions leave their event and form an event of their own (one id: that mention
            stands alone). ``mention_ids`` are ``|``-separated ``mention_id`` s
            (``doc_id:line_no:start``, stable across runs); ``note`` is free text (optional).
            Lines starting with ``#`` are comments. Decisions apply in file order.

    Returns:
        A DataFrame with ``line`` (line in the file), ``action``, ``mention_ids`` (a list), ``note``.

    Example:
        >>> read_decisions("decisions.csv")  # doctest: +SKIP
    """
    path = Path(path)
    if not path.is_file():
        raise KzruError(f"{path}: decisions file not found")
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(k, line) for k, line in enumerate(fh, start=1) if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return pd.DataFrame(columns=["line", *DECISION_COLUMNS])
    reader = csv.reader([line for _, line in lines])
    header = [h.strip() for h in next(reader)]
    if header[:2] != DECISION_COLUMNS[:2]:
        raise KzruError(f"{path}:{lines[0][0]}: header {','.join(header)!r}; expected {','.join(DECISION_COLUMNS)}")
    for (k, _), row in zip(lines[1:], reader, strict=True):
        action = row[0].strip().lower() if row else ""
        ids = [m.strip() for m in (row[1] if len(row) > 1 else "").split("|") if m.strip()]
        if action not in ("merge", "split"):
            raise KzruError(f"{path}:{k}: action {action!r}; expected merge or split")
        if not ids or (action == "merge" and len(ids) < 2):
            raise KzruError(f"{path}:{k}: {action} needs {'two or more' if action == 'merge' else 'one or more'} "
                            f"mention ids separated by |")
        rows.append((k, action, ids, row[2].strip() if len(row) > 2 else ""))
    return pd.DataFrame(rows, columns=["line", *DECISION_COLUMNS])


def write_decision(path: str | Path, action: Literal["merge", "split"], mention_ids: list[str], *,
                   note: str = "") -> Path:
    """Append one decision to a curation file (created with its header when missing); return the path.

    Example:
        >>> write_decision("decisions.csv", "merge", ["a:3:0", "b:1:12"], note="same talks")  # doctest: +SKIP
    """
    if action not in ("merge", "split"):
        raise KzruError(f"action {action!r}: expected merge or split")
    path = Path(path)
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow(DECISION_COLUMNS)
        writer.writerow([action, "|".join(mention_ids), note])
    return path


def _apply(out: pd.DataFrame, decisions: str | Path | pd.DataFrame) -> pd.DataFrame:
    table = read_decisions(decisions) if not isinstance(decisions, pd.DataFrame) else decisions
    where = str(decisions) if not isinstance(decisions, pd.DataFrame) else "decisions"
    out = out.copy()
    pos = {m: k for k, m in enumerate(out["mention_id"].astype(str))}
    group = out["_group"].tolist()
    conf = out["confidence"].tolist()
    why = out["why"].tolist()
    unmatched = []
    fresh = len(group) + 1_000_000
    for line, action, ids, note in table[["line", *DECISION_COLUMNS]].itertuples(index=False):
        known = [pos[m] for m in ids if m in pos]
        unmatched += [(line, m) for m in ids if m not in pos]
        tag = f"curated: {action} ({where}:{line}{', ' + note if note else ''})"
        if action == "merge" and known:
            targets = {group[k] for k in known}
            keep = min(targets, key=str)
            for k in range(len(group)):
                if group[k] in targets:
                    group[k] = keep
                    conf[k], why[k] = 1.0, tag
        elif action == "split" and known:
            fresh += 1
            left = {group[k] for k in known}
            for k in known:
                group[k] = fresh
                conf[k], why[k] = 1.0, tag
            # the mentions left behind no longer have the split-off link as their evidence
            rest = [k for k in range(len(group)) if group[k] in left]
            for k in rest:
                if sum(group[j] == group[k] for j in rest) == 1:
                    conf[k], why[k] = 1.0, ""
                else:
                    why[k] = f"{why[k]}; after {tag}" if why[k] else f"after {tag}"
    out["_group"] = group
    out["confidence"] = conf
    out["why"] = why
    if unmatched:
        warnings.warn(f"{where}: {len(unmatched)} mention id(s) not in this corpus, e.g. line {unmatched[0][0]}: "
                      f"{unmatched[0][1]}", stacklevel=3)
    out.attrs["decisions_unmatched"] = pd.DataFrame(unmatched, columns=["line", "mention_id"])
    return out


def apply_decisions(events: pd.DataFrame, decisions: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Re-apply a curation file to an events table that already has ``event_id`` s.

    Args:
        events: the table from :func:`assign_events` (or :func:`extract_events`).
        decisions: the path of a decisions file (see :func:`read_decisions`) or its table.

    Returns:
        The same rows with ``event_id`` renumbered after the merges and splits, and
        ``confidence`` = 1.0 and ``why`` = ``curated: ...`` on the mentions a decision named.
        ``attrs["decisions_unmatched"]`` lists mention ids of the file that this corpus lacks
        (a warning says so too).

    Example:
        >>> apply_decisions(extract_events(corpus), "decisions.csv")  # doctest: +SKIP
    """
    if "event_id" not in events.columns:
        raise KzruError("apply_decisions: the events table has no event_id; run assign_events first")
    out = events.copy()
    if "confidence" not in out.columns:
        out["confidence"] = 1.0
    if "why" not in out.columns:
        out["why"] = ""
    out["_group"] = out.pop("event_id")
    return _number(_apply(out, decisions))


def _join(values) -> str:
    seen: dict[str, None] = {}
    for v in values:
        for part in str(v).split("|"):
            if part and part not in ("nan", "None", "<NA>"):
                seen.setdefault(part, None)
    return "|".join(seen)


#: Columns of an events table that are not document variables (everything else is carried
#: into the timeline, its distinct values joined with ``|``).
_OWN = set(EVENT_COLUMNS) | {"event_id", "confidence", "why", "sent_no", "value", "kind", "tense", "source"}


def merge_events(events: pd.DataFrame, *, tolerance_days: int = 1) -> pd.DataFrame:
    """Merge event mentions into a timeline: one row per event, listing every source.

    Args:
        events: the table from :func:`find_events` (with or without ``event_id``; without, it is
            assigned by :func:`assign_events`).
        tolerance_days: passed to :func:`assign_events` when ``event_id`` is missing.

    Returns:
        A DataFrame sorted by (``date_start``, ``event_id``; undated events last) with columns
        ``event_id``, ``date`` (the value most mentions give; ties: the finest, then the
        earliest), ``date_start``, ``date_end`` (Timestamps; NaT when the year is unknown),
        ``precision``, ``event_type`` (the most frequent; ties: the first), ``actors`` (union,
        ``|``-joined), ``headline`` (the first mention's sentence), ``n_sources`` (distinct
        articles), ``sources`` (their ``doc_id`` s), ``outlets``, ``n_mentions``, ``dates``
        (every distinct value), ``event_types``, ``agree`` (True when all mentions give the same
        date), ``differences`` (which source says what, when they disagree; else empty),
        ``mentions`` (the ``mention_id`` s), ``confidence`` (the weakest link that holds the
        event together; 1.0 for one mention or a curated event), ``why`` (that link's evidence),
        then every sidecar column of the events (distinct values joined with ``|``).

    Example:
        >>> ev = pd.DataFrame({"mention_id": ["a:1:0", "b:3:0"], "doc_id": ["a", "b"], "line_no": [1, 3],
        ...     "start": [0, 0], "date": ["2024-11-27", "2024-11-28"], "precision": ["day", "day"],
        ...     "event_type": ["visit", "visit"], "actors": ["Vladimir Putin", "Vladimir Putin"],
        ...     "surface": ["", ""], "sentence": ["Putin arrived.", "Putin arrived."]})
        >>> merge_events(ev)[["date", "n_sources", "agree"]].values.tolist()
        [['2024-11-27', 2, False]]
    """
    ev = events if "event_id" in events.columns else assign_events(events, tolerance_days=tolerance_days)
    ev = ev.sort_values(["date", "doc_id", "line_no", "start"], kind="stable")
    n = len(ev)
    extra = [c for c in ev.columns if c not in _OWN and not c.startswith("_")]

    def col(name):
        return ev[name].astype(object).tolist() if name in ev.columns else [None] * n

    members: dict[str, list[int]] = {}
    for i, event_id in enumerate(col("event_id")):
        members.setdefault(event_id, []).append(i)
    date_, doc, prec, etype, acts, sent, outlet, mention, conf, why = (
        col(c) for c in ("date", "doc_id", "precision", "event_type", "actors", "sentence", "outlet", "mention_id",
                         "confidence", "why"))
    extras = {c: col(c) for c in extra}
    rows = []
    for event_id in sorted(members):
        idx = members[event_id]
        dates = list(dict.fromkeys(str(date_[i]) for i in idx))
        counts = {d: sum(1 for i in idx if str(date_[i]) == d) for d in dates}
        ranked = sorted(dates, key=lambda d: (-counts[d], _RANK.get(str(next(prec[i] for i in idx
                                                                              if str(date_[i]) == d)), 3), d))
        top = ranked[0]
        bounds = _bounds(top)
        differences = ""
        if len(dates) > 1:
            differences = "; ".join(
                f"{d}: {', '.join(dict.fromkeys(str(doc[i]) for i in idx if str(date_[i]) == d))}" for d in dates)
        types = [str(etype[i]) for i in idx]
        type_counts = {t: types.count(t) for t in dict.fromkeys(types)}
        cs = [(float(conf[i]) if conf[i] is not None and conf[i] == conf[i] else 1.0, str(why[i] or ""))
              for i in idx]
        weakest = min(cs, key=lambda c: c[0]) if len(cs) > 1 else (1.0, cs[0][1] or "one mention")
        curated = [w for _, w in cs if w.startswith("curated")]
        rows.append({
            "event_id": event_id,
            "date": top,
            "date_start": bounds[0] if bounds else pd.NaT,
            "date_end": bounds[1] if bounds else pd.NaT,
            "precision": next(prec[i] for i in idx if str(date_[i]) == top),
            "event_type": max(type_counts, key=lambda t: (type_counts[t], t != "other")),
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
            "confidence": weakest[0],
            "why": "; ".join(dict.fromkeys(curated)) if curated else weakest[1],
            **{c: _join(extras[c][i] for i in idx) for c in extra},
        })
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS + extra)
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
                   event_types: str | Path | None = None, decisions: str | Path | None = None,
                   lines: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every dated event sentence of a corpus, with its actors, type and ``event_id``.

    Args:
        corpus: the articles table from :func:`kzru_lib.loading.load_corpus`.
        tolerance_days: see :func:`assign_events`.
        actors: path of a gazetteer CSV; ``None`` for the bundled one.
        event_types: path of a trigger CSV; ``None`` for the bundled one.
        decisions: a curation file (see :func:`read_decisions`), re-applied on every run.
        lines: the line audit, if already computed (saves a cleaning pass).

    Returns:
        The events table of :func:`find_events` with ``event_id`` first (see :func:`assign_events`).

    Example:
        >>> from kzru_lib.loading import load_corpus        # doctest: +SKIP
        >>> merge_events(extract_events(load_corpus("seeds"), decisions="decisions.csv"))  # doctest: +SKIP
    """
    from .dates import extract_dates

    events = find_events(extract_dates(corpus, lines=lines), corpus=corpus, actors=actors, event_types=event_types)
    return assign_events(events, tolerance_days=tolerance_days, actors=actors, decisions=decisions)


def _tl_date(ts: pd.Timestamp, precision: str) -> dict:
    out = {"year": str(ts.year)}
    if precision in ("month", "day"):
        out["month"] = str(ts.month)
    if precision == "day":
        out["day"] = str(ts.day)
    return out


def _esc(text) -> str:
    return html.escape("" if text is None or text != text else str(text))


def timeline_json(timeline: pd.DataFrame, *, title: str = "Timeline", text: str = "") -> dict:
    """A TimelineJS 3 dictionary (``{"title": ..., "events": [...], "undated": [...]}``) for a merged timeline.

    Args:
        timeline: the table from :func:`merge_events`.
        title: the headline of the title slide (say what the corpus is; nothing is assumed).
        text: the text of the title slide.

    Returns:
        A dict ready for ``json.dump``: one slide per event with a known year, ``start_date`` (and
        ``end_date`` for ranges) as year/month/day strings, ``text.headline`` (type and actors),
        ``text.text`` (the sentence, sources, any differences, the merge confidence and every
        sidecar column) and ``group`` (the event type).

    Note:
        Events whose year is unknown (``XXXX``) cannot be placed on the time axis: they are
        listed on the title slide ("Events without a known date") and under the extra key
        ``undated`` (TimelineJS ignores it), never dropped.

    Example:
        >>> tl = pd.DataFrame({"event_id": ["E001"], "date": ["2024-11-27"], "date_start": [pd.Timestamp("2024-11-27")],
        ...     "date_end": [pd.Timestamp("2024-11-27")], "precision": ["day"], "event_type": ["visit"],
        ...     "actors": ["Vladimir Putin"], "headline": ["Putin arrived."], "sources": ["a"], "outlets": [""],
        ...     "differences": [""]})
        >>> timeline_json(tl)["events"][0]["start_date"]
        {'year': '2024', 'month': '11', 'day': '27'}
    """
    extra = [c for c in timeline.columns if c not in TIMELINE_COLUMNS]
    events, undated = [], []
    for row in timeline.to_dict("records"):
        actors = str(row.get("actors") or "")
        headline = f"{str(row['event_type']).replace('_', ' ')}: {actors.replace('|', ', ')}".strip(": ")
        outlets = str(row.get("outlets") or "")
        body = (f"<p>{_esc(row['headline'])}</p><p>Sources: {_esc(str(row['sources']).replace('|', ', '))}"
                + (f" ({_esc(outlets.replace('|', ', '))})" if outlets and outlets != "nan" else "") + "</p>"
                + (f"<p>Sources differ: {_esc(row['differences'])}</p>" if row.get("differences") else ""))
        if "confidence" in row and row.get("n_sources", 1) and int(row.get("n_sources") or 1) > 1:
            body += f"<p>Merged with confidence {float(row['confidence']):.2f}: {_esc(row.get('why'))}</p>"
        facts = [f"{c}: {_esc(row[c])}" for c in extra if row.get(c) not in (None, "") and row[c] == row[c]]
        if facts:
            body += "<p>" + "; ".join(facts) + "</p>"
        if pd.isna(row["date_start"]):
            undated.append({"unique_id": row["event_id"], "date": str(row["date"]),
                            "text": {"headline": headline, "text": body}, "group": row["event_type"]})
            continue
        slide = {
            "unique_id": row["event_id"],
            "start_date": _tl_date(row["date_start"], row["precision"]),
            "text": {"headline": headline, "text": body},
            "group": row["event_type"],
        }
        if "/" in str(row["date"]):
            slide["end_date"] = _tl_date(row["date_end"], row["precision"])
        events.append(slide)
    intro = text
    if undated:
        items = "".join(f"<li>{_esc(u['date'])} {_esc(u['text']['headline'])}: "
                        f"{u['text']['text']}</li>" for u in undated)
        intro += f"<p>Events without a known date ({len(undated)}):</p><ul>{items}</ul>"
    return {"title": {"text": {"headline": title, "text": intro}}, "events": events, "undated": undated}


def write_timeline_json(timeline: pd.DataFrame, path: str | Path, *, title: str = "Timeline", text: str = "") -> Path:
    """Write :func:`timeline_json` to ``path`` (UTF-8, indented, stable key order); return the path.

    Example:
        >>> write_timeline_json(merge_events(events), "timeline.json", title="KZ-RU 2024")  # doctest: +SKIP
    """
    path = Path(path)
    path.write_text(json.dumps(timeline_json(timeline, title=title, text=text), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path
