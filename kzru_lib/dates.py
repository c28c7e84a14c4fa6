"""Date expressions: find, normalise and anchor calendar expressions (TIMEX-like).

A date expression is a span of text that names a day, a month, a year, a range of those, or a
period relative to the publication date ("this year"). Each is normalised to an ISO 8601
``value`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; ranges as ``start/end``; ``XXXX`` for a year
that cannot be known), with its ``precision``, whether its year was ``anchored`` (inferred from
the publication date) and its ``role`` in the text:

``publication``  the date the article was published (a date line, a ``date 2024-11-28`` prefix)
``target``       a goal year ("net zero by 2060")
``reference``    the period a figure refers to ("in 2022 trade grew by 10.2%")
``event``        everything else: when something happened or will happen

The vocabulary (month names, prepositions, relative phrases, publication labels) lives in
``data/date_vocabulary.csv`` and the cues for tense and role in ``data/date_cues.csv``; pass your
own tables through :func:`load_date_rules` to extend them.

Anchoring (a year-less "on November 27"): the date takes the publication year, moved a year
back when the nearest tense cue is past and the date would fall after publication, and a year
forward when the cue is future and the date would fall before publication. With no tense cue,
the occurrence nearest to the publication date (within six months) wins. A document without a
publication date keeps ``XXXX``.

Functions:
    find_dates(text, *, published=None)   one string -> table of date expressions
    extract_dates(corpus)                 every sentence of a corpus -> the dates table
    load_date_rules(...)                  the vocabulary and cues, compiled
    parse_published(value)                ``YYYY[-MM[-DD]]`` -> (year, month, day) or None
"""

from __future__ import annotations

import bisect
import calendar
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import KzruError
from .parallel import default_workers, map_batches, scheduler_address
from .tables import read_rule_table

__all__ = ["find_dates", "extract_dates", "load_date_rules", "parse_published", "DATE_COLUMNS", "CORPUS_DATE_COLUMNS"]

#: Columns of the table returned by :func:`find_dates` (in this order).
DATE_COLUMNS = ["start", "end", "surface", "value", "precision", "anchored", "role", "kind", "tense"]

_YEAR = r"(?:1[89]\d{2}|20\d{2}|21\d{2})"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|till|until|through)\s*"


@dataclass(frozen=True)
class DateRules:
    """The compiled vocabulary and cues used by :func:`find_dates` (see :func:`load_date_rules`)."""

    pattern: re.Pattern
    months: dict
    relative: dict
    relative_pattern: str
    label_re: re.Pattern
    tense: tuple
    role_prep: re.Pattern
    role_word: re.Pattern
    figure: re.Pattern
    be_before: re.Pattern
    trigger: re.Pattern
    starters: frozenset


def _read_table(path, name: str, required: list[str]) -> pd.DataFrame:
    return read_rule_table(path, name, required)[0]


def _alt(words) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _ci(words) -> str:
    """Alternation that also accepts a capitalised first letter (sentence start)."""
    out = set()
    for w in words:
        if w:
            out.add(w)
            out.add(w[0].upper() + w[1:])
    return _alt(out)


@lru_cache(maxsize=8)
def _compiled(vocabulary: str | None, cues: str | None) -> DateRules:
    voc = _read_table(vocabulary, "date_vocabulary.csv", ["kind", "word", "value"])
    cue = _read_table(cues, "date_cues.csv", ["cue_type", "pattern", "value"])
    by_kind = {k: g for k, g in voc.groupby("kind")}

    def words(kind):
        return list(by_kind[kind]["word"]) if kind in by_kind else []

    months = {}
    for kind in ("month", "month_abbr"):
        for w, v in zip(words(kind), by_kind.get(kind, pd.DataFrame({"value": []}))["value"], strict=False):
            try:
                months[w.lower()] = int(v)
            except ValueError as exc:
                raise KzruError(f"date_vocabulary.csv: month {w!r} has value {v!r}; expected 1-12") from exc
    months_words = words("month") + words("month_abbr")
    full = _alt(w for w in words("month") if w != "May")
    abbr = _alt(words("month_abbr"))
    # a month next to a day or year: full names, or abbreviations with an optional dot
    m_any = rf"(?:{_alt(words('month'))}|(?:{abbr})\.?)(?![a-z])"
    m_full_alone = rf"(?:{full})(?![a-z])"
    weekday = rf"(?:(?:{_alt(words('weekday'))}),?\s+)?"
    prep = rf"(?:(?:{_ci(words('preposition'))})\s+)?"
    year_cue = _ci(words("year_cue"))
    relative = {}
    for w, v in zip(words("relative"), by_kind.get("relative", pd.DataFrame({"value": []}))["value"], strict=False):
        unit, _, off = v.partition(":")
        if unit not in ("year", "month", "day"):
            raise KzruError(f"date_vocabulary.csv: relative {w!r} has value {v!r}; expected year:N, month:N or day:N")
        relative[re.sub(r"\s+", " ", w.lower())] = (unit, int(off))
    rel_year = _ci(w for w, (u, _) in relative.items() if u == "year")
    rel_any = _ci(relative)

    alternatives = [
        # 2024-11-28
        rf"(?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))(?![\d-])",
        # 28.11.2024
        rf"(?P<dot>(?P<dot_d>{_DAY})\.(?P<dot_m>0?[1-9]|1[0-2])\.(?P<dot_y>{_YEAR}))(?![\d.])",
        # 27-28 November 2024 / 27-28 November
        rf"(?P<drange>{prep}(?P<dr_d1>{_DAY}){_ORD}{_DASH}(?P<dr_d2>{_DAY}){_ORD}\s+(?:of\s+)?"
        rf"(?P<dr_m>{m_any})(?:,?\s+(?P<dr_y>{_YEAR}))?)(?![\d])",
        # November 27-28, 2024 / November 27-28
        rf"(?P<mdrange>{prep}(?P<mdr_m>{m_any})\s+(?P<mdr_d1>{_DAY}){_ORD}{_DASH}(?P<mdr_d2>{_DAY}){_ORD}"
        rf"(?![\d])(?:,?\s+(?P<mdr_y>{_YEAR}))?)(?![\d])",
        # From January to August of the current year / between March and May 2023
        rf"(?P<mrange>(?:(?:{_ci(['from', 'between'])})\s+)?(?P<mr_m1>{m_any}){_DASH.replace('to|', 'to|and|')}"
        rf"(?P<mr_m2>{m_any})(?:,?\s+(?:of\s+)?(?:(?P<mr_y>{_YEAR})|(?P<mr_rel>{rel_year})))?)(?![\d])",
        # (on) Wednesday, 8 November 2023 / 8th of Nov. / 27 November
        rf"(?P<dmy>{prep}{weekday}(?P<dmy_d>{_DAY}){_ORD}\s+(?:of\s+)?(?P<dmy_m>{m_any})"
        rf"(?:,?\s+(?:(?P<dmy_y>{_YEAR})(?![\d])|(?:of\s+)?(?P<dmy_rel>{rel_year}))|(?![\d])))",
        # (on) November 8, 2023 / Nov. 27 / November 27th of this year
        rf"(?P<mdy>{prep}{weekday}(?P<mdy_m>{m_any})\s+(?P<mdy_d>{_DAY}){_ORD}(?![\d.,]\d)(?![\d%])"
        rf"(?:,?\s+(?:(?P<mdy_y>{_YEAR})(?![\d])|(?:of\s+)?(?P<mdy_rel>{rel_year})))?)(?!\s*(?:%|percent|per cent))",
        # January 2022 / in November of this year / November last year
        rf"(?P<my>{prep}(?:(?:{_ci(['early', 'mid', 'late', 'the end of', 'the beginning of'])})[\s-]+)?"
        rf"(?P<my_m>{m_any})\s+(?:of\s+)?(?:(?P<my_y>{_YEAR})(?![\d])|(?P<my_rel>{rel_year})))",
        # from 2022 to 2024 / between 2022 and 2024 / 2022-2024
        rf"(?P<yrange>(?:(?:{_ci(['from', 'between', 'in', 'for', 'during', 'over'])})\s+(?:the\s+(?:period|years)\s+)?)?"
        rf"(?<![\d.,$€£₽])(?P<yr_y1>{_YEAR}){_DASH.replace('to|', 'to|and|')}(?P<yr_y2>{_YEAR}|\d{{2}})(?![\d%]|[.,]\d)"
        rf"(?!\s*(?:%|percent))(?![\w-]))",
        # a lone full month after a preposition: in January, since May
        rf"(?P<mon>(?:{_ci(words('preposition'))})\s+(?:(?:{_ci(['early', 'mid', 'late'])})[\s-]+)?"
        rf"(?P<mon_m>{m_full_alone}|May(?![a-z])))",
        # in 2022 / by 2060 / by the end of 2025
        rf"(?P<year>(?P<yc>{year_cue})\s+(?:the\s+)?(?P<y_y>{_YEAR}))(?![\d%]|[.,]\d|\s*(?:%|percent|per cent))",
        # this year / last month / yesterday
        rf"(?P<rel>(?:(?:{_ci(['in', 'of', 'during', 'since', 'for', 'from', 'until', 'by'])})\s+)?"
        rf"(?:(?:{_ci(['the end of', 'the beginning of', 'the start of', 'the middle of', 'the first half of', 'the second half of', 'early', 'late'])})\s+)?"
        rf"(?P<rel_w>{rel_any}))",
    ]
    pattern = re.compile(r"(?<![\w/])(?:" + "|".join(alternatives) + r")(?![\w/])")

    labels = words("label")
    label_re = re.compile(rf"^[\W_]*(?:(?:{_alt(labels + [w.capitalize() for w in labels] + [w.upper() for w in labels])})\b)?[\s:,.|–—-]*$")

    def cues_of(kind):
        sub = cue[cue["cue_type"] == kind]
        return list(zip(sub["pattern"], sub["value"], strict=False))

    tense = tuple(
        (re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p, v in cues_of("tense") if v == kind) + r")\b", re.IGNORECASE), kind)
        for kind in ("future", "past") if any(v == kind for _, v in cues_of("tense")))
    role_prep = re.compile(rf"^(?:{'|'.join(p for p, _ in cues_of('role_prep'))})\b", re.IGNORECASE)
    role_word = re.compile(rf"\b(?:{'|'.join(p for p, _ in cues_of('role_word'))})", re.IGNORECASE)
    # figure patterns begin with a digit or a currency sign: only those positions are tried
    figure = re.compile(r"(?=[\d$€£₽¥])(?:" + "|".join(f"(?:{p})" for p, _ in cues_of("figure")) + ")", re.IGNORECASE)
    be_before = re.compile(r"\b(?:be|been|being|is|are|am)\s+$", re.IGNORECASE)
    # every date holds a digit, a month name or the last word of a relative phrase: the scan starts there
    last_words = {w.split()[-1] for w in relative}
    digits = r"(?<![\d.,$€£₽¥])(?:[12]\d{3}|[0-3]?\d)(?![\d%]|[.,]\d{3}\b|\.\d\D|\.\d$)"
    first = "".join(sorted({w[0] for w in months_words} | {c for w in last_words for c in (w[0].lower(), w[0].upper())}))
    trigger = re.compile(rf"(?<![\w])(?=[\d{re.escape(first)}])(?:{digits}|(?:{_alt(months_words)})"
                         rf"|(?i:(?:{_alt(last_words)})(?![\w])))")
    # the words a date may begin with before its trigger ("on", "as early as", "the end of", a weekday)
    starters = {"from", "between", "in", "for", "during", "over", "early", "mid", "late", "the", "of", "since",
                "until", "by"}
    for kind in ("preposition", "year_cue", "weekday"):
        starters |= {w.split()[0].lower() for w in words(kind)}
    starters |= {w.split()[0].lower() for w in relative}
    return DateRules(pattern, months, relative, rel_any, label_re, tense, role_prep, role_word, figure, be_before,
                     trigger, frozenset(starters))


def load_date_rules(*, vocabulary: str | Path | None = None, cues: str | Path | None = None) -> DateRules:
    """Read and compile the date vocabulary and cue tables.

    Args:
        vocabulary: a CSV like ``kzru_lib/data/date_vocabulary.csv`` (columns ``kind, word, value,
            note``; kinds ``month``, ``month_abbr``, ``weekday``, ``preposition``, ``year_cue``,
            ``relative``, ``label``). ``None`` uses the bundled table.
        cues: a CSV like ``kzru_lib/data/date_cues.csv`` (columns ``cue_type, pattern, value, note``;
            cue types ``tense``, ``role_prep``, ``role_word``, ``figure``). ``None`` uses the bundled one.

    Returns:
        A :class:`DateRules` to pass to :func:`find_dates` as ``rules=``.

    Note:
        Compiled tables are remembered per path, so repeated calls are cheap.

    Example:
        >>> rules = load_date_rules()
        >>> find_dates("in 2022", rules=rules)["value"].tolist()
        ['2022']
    """
    return _compiled(None if vocabulary is None else str(vocabulary), None if cues is None else str(cues))


def parse_published(value) -> tuple[int, int | None, int | None] | None:
    """Parse a publication date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into (year, month, day).

    Args:
        value: the string (or ``None``/NaN, or a date/Timestamp).

    Returns:
        ``(year, month or None, day or None)``, or ``None`` when the date is unknown.

    Note:
        Anything else raises :class:`~kzru_lib.errors.KzruError` naming the value.

    Example:
        >>> parse_published("2024-11")
        (2024, 11, None)
    """
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "year") and hasattr(value, "month"):
        return (value.year, value.month, value.day)
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "nat"):
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        raise KzruError(f"publication date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.groups()
    return (int(y), int(mo) if mo else None, int(d) if d else None)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    last = calendar.monthrange(year if year else 2000, month)[1]  # 2000: leap, allows Feb 29
    return 1 <= day <= last


_TENSE_WINDOW = 150  # characters either side of a date searched for tense cues
_CLAUSE = re.compile(r"[,;:()\[\]]|\s[–—-]\s")


def _tense(text: str, start: int, end: int, rules: DateRules) -> str | None:
    """The tense of the cue nearest to the span [start, end): 'past', 'future' or None.

    Cues in the date's own clause (between commas, semicolons, colons, brackets or dashes) come
    first; only when the clause has none is the nearest cue elsewhere (within 150 characters) used.
    """
    future_spans = []
    found = []
    lo, hi = max(0, start - _TENSE_WINDOW), min(len(text), end + _TENSE_WINDOW)
    for rx, value in rules.tense:
        for m in rx.finditer(text, lo, hi):
            if start <= m.start() < end:  # inside the date expression itself ("next year")
                continue
            if value == "future":
                future_spans.append((m.start(), m.end()))
            found.append((m.start(), m.end(), value))
    left = max((m.end() for m in _CLAUSE.finditer(text, lo, start)), default=lo)
    right = next((m.start() for m in _CLAUSE.finditer(text, end, hi)), hi)
    best = None
    for s, e, value in found:
        if value == "past":
            if any(fs <= s < fe for fs, fe in future_spans):
                continue
            if rules.be_before.search(text[max(0, s - 12):s]):
                continue  # "to be signed", "is expected": not a past event
        dist = max(s - end if s >= end else start - e, 0)
        outside = 0 if left <= s and e <= right else 1
        key = (outside, dist, 0 if s < start else 1, 0 if value == "future" else 1)
        if best is None or key < best[0]:
            best = (key, value)
    return best[1] if best else None


def _anchor(month: int, day: int | None, pub, tense: str | None) -> int | None:
    """The year of a year-less (month, day) given the publication date and tense."""
    if pub is None:
        return None
    year, pmonth, pday = pub
    if pmonth is None:
        return year
    if day is None or pday is None:  # compare months only
        cand, ref = (month, 0), (pmonth, 0)
    else:
        cand, ref = (month, day), (pmonth, pday)
    if tense == "past" and cand > ref:
        return year - 1
    if tense == "future" and cand < ref:
        return year + 1
    if tense is None:
        diff = (month - pmonth)
        if diff > 6:
            return year - 1
        if diff < -6:
            return year + 1
    return year


def _shift(pub, unit: str, offset: int) -> tuple[str, str]:
    """Value and precision of a relative expression ("last year") against the publication date."""
    if unit == "year":
        return (f"{pub[0] + offset:04d}" if pub else "XXXX"), "year"
    if unit == "month":
        if not pub or pub[1] is None:
            return "XXXX-XX", "month"
        idx = pub[0] * 12 + (pub[1] - 1) + offset
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}", "month"
    if not pub or pub[2] is None:
        return "XXXX-XX-XX", "day"
    d = pd.Timestamp(year=pub[0], month=pub[1], day=pub[2]) + pd.Timedelta(days=offset)
    return d.strftime("%Y-%m-%d"), "day"


def _ymd(y, m=None, d=None) -> str:
    ys = "XXXX" if y is None else f"{y:04d}"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _normalise(m: re.Match, text: str, rules: DateRules, pub, memo: dict) -> dict | None:
    g = m.groupdict()
    month = rules.months

    def mon(name):
        return month.get(name.rstrip(".").lower())

    def rel_year(rel):
        unit, off = rules.relative[re.sub(r"\s+", " ", rel.lower())]
        return (pub[0] + off) if pub else None

    def tense():
        if "tense" not in memo:
            memo["tense"] = _tense(text, m.start(), m.end(), rules)
        return memo["tense"]

    if g["iso"]:
        y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        if not _valid_day(y, mo, d):
            return None
        return dict(value=_ymd(y, mo, d), precision="day", anchored=False, kind="date")
    if g["dot"]:
        y, mo, d = int(g["dot_y"]), int(g["dot_m"]), int(g["dot_d"])
        if not _valid_day(y, mo, d):
            return None
        return dict(value=_ymd(y, mo, d), precision="day", anchored=False, kind="date")
    if g["drange"] or g["mdrange"]:
        p = "dr" if g["drange"] else "mdr"
        mo = mon(g[f"{p}_m"])
        d1, d2 = int(g[f"{p}_d1"]), int(g[f"{p}_d2"])
        if d2 <= d1 or not _valid_day(None, mo, d2):
            return None
        if g[f"{p}_y"]:
            y, anchored = int(g[f"{p}_y"]), False
        else:
            y, anchored = _anchor(mo, d1, pub, tense()), True
        return dict(value=f"{_ymd(y, mo, d1)}/{_ymd(y, mo, d2)}", precision="day", anchored=anchored, kind="range")
    if g["mrange"]:
        m1, m2 = mon(g["mr_m1"]), mon(g["mr_m2"])
        if m1 is None or m2 is None or m1 == m2:
            return None
        if g["mr_y"]:
            y2, anchored = int(g["mr_y"]), False
        elif g["mr_rel"]:
            y2, anchored = rel_year(g["mr_rel"]), True
        else:
            y2, anchored = _anchor(m2, None, pub, tense()), True
        y1 = (y2 - 1 if m1 > m2 else y2) if y2 is not None else None
        return dict(value=f"{_ymd(y1, m1)}/{_ymd(y2, m2)}", precision="month", anchored=anchored, kind="range")
    if g["dmy"] or g["mdy"]:
        p = "dmy" if g["dmy"] else "mdy"
        mo, d = mon(g[f"{p}_m"]), int(g[f"{p}_d"])
        if g[f"{p}_y"]:
            y, anchored = int(g[f"{p}_y"]), False
        elif g[f"{p}_rel"]:
            y, anchored = rel_year(g[f"{p}_rel"]), True
        else:
            y, anchored = _anchor(mo, d, pub, tense()), True
        if mo is None or not _valid_day(y, mo, d):
            return None
        return dict(value=_ymd(y, mo, d), precision="day", anchored=anchored, kind="date")
    if g["my"]:
        mo = mon(g["my_m"])
        if g["my_y"]:
            y, anchored = int(g["my_y"]), False
        else:
            y, anchored = rel_year(g["my_rel"]), True
        return dict(value=_ymd(y, mo), precision="month", anchored=anchored, kind="month")
    if g["yrange"]:
        y1 = int(g["yr_y1"])
        y2s = g["yr_y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not y1 < y2 <= y1 + 50:
            return None
        return dict(value=f"{y1:04d}/{y2:04d}", precision="year", anchored=False, kind="range")
    if g["mon"]:
        mo = mon(g["mon_m"])
        y = _anchor(mo, None, pub, tense())
        return dict(value=_ymd(y, mo), precision="month", anchored=True, kind="month")
    if g["year"]:
        return dict(value=g["y_y"], precision="year", anchored=False, kind="year")
    if g["rel"]:
        unit, off = rules.relative[re.sub(r"\s+", " ", g["rel_w"].lower())]
        value, precision = _shift(pub, unit, off)
        return dict(value=value, precision=precision, anchored=True, kind="relative")
    return None  # pragma: no cover


def _role(text: str, start: int, end: int, info: dict, rules: DateRules, masked: str, pub) -> str:
    before, after = text[:start], text[end:]
    surface = text[start:end]
    if info["kind"] != "relative" and rules.label_re.match(before):
        labelled = bool(before.strip(" \t:,.|–—-"))
        if labelled or not after.strip() or re.match(r"^[\s,|–—-]*(?:\d{1,2}[:.]\d{2}\b.*)?$", after):
            return "publication"
    if info["precision"] != "day":
        if rules.role_prep.match(surface):
            return "target"
        year = info["value"].split("/")[-1][:4]
        if year.isdigit() and pub and int(year) > pub[0] and rules.role_word.search(text):
            return "target"
        if rules.figure.search(masked):
            return "reference"
    return "event"


def find_dates(text: str, *, published: str | None = None, rules: DateRules | None = None) -> pd.DataFrame:
    """Find the calendar expressions in one string (a sentence or a line).

    Args:
        text: the string.
        published: the publication date of its document, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
            or ``None`` when unknown (year-less dates then get ``XXXX``).
        rules: compiled tables from :func:`load_date_rules`; ``None`` uses the bundled ones.

    Returns:
        A DataFrame, one row per expression, sorted by ``start``, with columns
        ``start``, ``end`` (character offsets in ``text``; ``text[start:end] == surface``),
        ``surface`` (includes a leading preposition: "On November 27"), ``value`` (ISO 8601:
        ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``start/end`` for ranges, ``XXXX`` for an unknown
        year), ``precision`` (``day``, ``month``, ``year``), ``anchored`` (bool: the year came
        from the publication date), ``role`` (``publication``, ``target``, ``reference``,
        ``event``), ``kind`` (``date``, ``month``, ``year``, ``range``, ``relative``) and
        ``tense`` (``past``, ``future`` or empty: the tense cue used for anchoring).

    Note:
        Bare numbers are never dates: a four-digit year needs a cue word before it ("in",
        "by", "since", "of" ... see ``date_vocabulary.csv``), a month name next to it, or a
        range form; numbers after a currency sign or before a percent sign are skipped.

    Example:
        >>> find_dates("On November 27, Putin arrived in Astana.", published="2024-11-28")[["surface", "value"]]
                  surface       value
        0  On November 27  2024-11-27
    """
    rules = rules or load_date_rules()
    table = pd.DataFrame(_find(text, parse_published(published), rules), columns=DATE_COLUMNS)
    return table.astype({"start": "int64", "end": "int64", "anchored": "bool"})


def find_date_records(text: str, *, published: str | None = None, rules: DateRules | None = None) -> list[dict]:
    """The rows of :func:`find_dates` as a list of dicts (same keys), for callers that scan many sentences.

    Building a DataFrame per sentence costs more than finding the dates; the figures stage calls this.
    """
    return _find(text, parse_published(published), rules or load_date_rules())


_LOOKBACK = 24  # characters before a trigger where a date may begin ("as early as", "the end of", a weekday)
_LOOKAHEAD = 48  # characters after a trigger where a date may end ("January to August of the current year")


def _matches(text: str, rules: DateRules):
    """The matches of ``rules.pattern`` in ``text``, scanning only around trigger tokens (fast path).

    Gives the same matches as ``rules.pattern.finditer(text)`` for dates shorter than the look-back
    and look-ahead windows, at a fraction of the cost on long texts with few dates.
    """
    pos = 0
    n = len(text)
    for t in rules.trigger.finditer(text):
        ts, te = t.span()
        if ts < pos:
            continue
        end = text.find(" ", min(te + _LOOKAHEAD, n))
        end = n if end < 0 else end
        starts = [c.start() for c in _WORD.finditer(text, max(pos, ts - _LOOKBACK), ts)
                  if c.group().lower() in rules.starters]
        for c in (*starts, ts):  # leftmost start first
            m = rules.pattern.match(text, c, end)
            if m is not None:
                pos = m.end()
                yield m
                break


_WORD = re.compile(r"(?<![\w/])[A-Za-z]+")


def _find(text: str, pub, rules: DateRules) -> list[dict]:
    """Rows of :func:`find_dates` as dicts, sorted by (start, end)."""
    rows = []
    for m in _matches(text, rules):
        memo: dict = {}
        info = _normalise(m, text, rules, pub, memo)
        if info is None:
            continue
        info["tense"] = ""
        if info["anchored"] and info["kind"] != "relative":
            info["tense"] = (memo["tense"] if "tense" in memo else _tense(text, m.start(), m.end(), rules)) or ""
        rows.append((m.start(), m.end(), info))
    if not rows:
        return []
    masked = text
    for s, e, _ in rows:
        masked = masked[:s] + " " * (e - s) + masked[e:]
    masked = re.sub(r"\b\d+(?:st|nd|rd|th)\b", " ", masked)
    out = []
    for s, e, info in rows:
        out.append({"start": s, "end": e, "surface": text[s:e], "value": info["value"],
                    "precision": info["precision"], "anchored": info["anchored"],
                    "role": _role(text, s, e, info, rules, masked, pub), "kind": info["kind"], "tense": info["tense"]})
    return out


#: Columns of the table returned by :func:`extract_dates` (in this order).
CORPUS_DATE_COLUMNS = ["doc_id", "line_no", "sent_no", "start", "end", "surface", "value", "precision", "anchored",
                       "role", "kind", "tense", "source", "sentence"]


def extract_dates(corpus: pd.DataFrame, *, lines: pd.DataFrame | None = None,
                  rules: DateRules | None = None, workers: int | None = None) -> pd.DataFrame:
    """Every date expression in a corpus, tied to its raw line and sentence.

    Args:
        corpus: the articles table from :func:`kzru_lib.loading.load_corpus` (uses ``doc_id`` and
            ``published``).
        lines: the audit from :func:`kzru_lib.cleaning.audit_lines`, if already computed.
        rules: compiled tables from :func:`load_date_rules`; ``None`` uses the bundled ones.
        workers: processes that find dates in parallel (forked, each on a share of the articles);
            default: all CPUs for 1,000 articles or more, else 1. The result does not depend on it.

    Returns:
        A DataFrame sorted by (``doc_id``, ``line_no``, ``start``) with columns ``doc_id``,
        ``line_no`` (1-based raw line), ``sent_no`` (sentence number in the article; ``<NA>`` for
        metadata), ``start``, ``end`` (offsets within the normalised raw line, so
        ``lines.text.str[start:end] == surface``), ``surface``, ``value``, ``precision``,
        ``anchored``, ``role``, ``kind``, ``tense`` (see :func:`find_dates`), ``source``
        (``text`` for kept sentences, ``metadata`` for a metadata line or a dropped prefix such
        as `` date 2024-11-28``) and ``sentence`` (the sentence, or the metadata text).

    Note:
        Dates in metadata lines and in the dropped prefix of a kept line always get the role
        ``publication``; dates in boilerplate are never reported. Year-less dates are anchored on
        the article's ``published`` value.

    Example:
        >>> from kzru_lib.loading import load_corpus        # doctest: +SKIP
        >>> extract_dates(load_corpus("seeds"))[["doc_id", "line_no", "surface", "value"]]  # doctest: +SKIP
    """
    from .cleaning import audit_lines

    rules = rules or load_date_rules()
    lines = audit_lines(corpus) if lines is None else lines
    corpus = corpus[["doc_id", "published"]]
    lines = lines[["doc_id", "line_no", "label", "text", "kept_start"]]
    workers = workers if workers is not None else default_workers(len(corpus))
    if workers <= 1 and not scheduler_address():
        table = _extract(corpus, lines, rules)
    else:
        docs = corpus["doc_id"].tolist()
        n_chunks = max(1, min(len(docs), (workers or os.cpu_count() or 1) * 4))
        bounds = [docs[i * len(docs) // n_chunks] for i in range(1, n_chunks)]
        chunk_of_line = lines["doc_id"].map(lambda d: bisect.bisect_right(bounds, d)).to_numpy()
        chunk_of_doc = corpus["doc_id"].map(lambda d: bisect.bisect_right(bounds, d)).to_numpy()
        shares = ((corpus[chunk_of_doc == i], lines[chunk_of_line == i]) for i in range(n_chunks))
        parts = list(map_batches(_extract_job, shares, shared=(rules,), workers=max(workers, 2)))
        table = pd.concat(parts, ignore_index=True)
    table = table.sort_values(["doc_id", "line_no", "start", "end"], kind="stable")
    return table.drop_duplicates(["doc_id", "line_no", "start", "end"]).reset_index(drop=True)


def _extract_job(rules: DateRules, share: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    """The dates of one share ``(corpus, lines)`` of the articles (a per-batch function)."""
    return _extract(*share, rules)


def _extract(corpus: pd.DataFrame, lines: pd.DataFrame, rules: DateRules) -> pd.DataFrame:
    """The dates of the given articles (unsorted), as :func:`extract_dates` describes."""
    from .segment import sentences

    pubs = {d: parse_published(p) for d, p in zip(corpus["doc_id"], corpus["published"], strict=True)}
    rows = []
    meta = lines[(lines["label"] == "metadata") | ((lines["kept_start"] > 0)
                                                   & lines["label"].isin(["title", "heading", "body"]))]
    for doc_id, line_no, text, label, kept_start in zip(meta["doc_id"], meta["line_no"], meta["text"],
                                                        meta["label"], meta["kept_start"], strict=True):
        part = text if label == "metadata" else text[:kept_start]
        for r in _find(part, pubs.get(doc_id), rules):
            r.update(doc_id=doc_id, line_no=line_no, sent_no=pd.NA, role="publication", source="metadata",
                     sentence=part.strip())
            rows.append(r)
    sents = sentences(corpus, lines=lines)
    cols = [sents[c].tolist() for c in ("doc_id", "line_no", "sent_no", "start", "sentence")]
    for doc_id, line_no, sent_no, start, sentence in zip(*cols, strict=True):
        for r in _find(sentence, pubs.get(doc_id), rules):
            r.update(doc_id=doc_id, line_no=line_no, sent_no=sent_no, start=r["start"] + start,
                     end=r["end"] + start, source="text", sentence=sentence)
            rows.append(r)
    table = pd.DataFrame(rows, columns=CORPUS_DATE_COLUMNS)
    return table.astype({"line_no": "int64", "sent_no": "Int64", "start": "int64", "end": "int64",
                         "anchored": "bool"})
