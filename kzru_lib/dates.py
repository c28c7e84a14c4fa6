"""Date expressions: find, normalise and anchor calendar expressions (TIMEX-like), in English and Russian.

A date expression is a span of text that names a day, a month, a year, a range of those, or a
period relative to the publication date ("this year", "last Friday", "в прошлом году"). Each is
normalised to an ISO 8601 ``value`` (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; ranges as ``start/end``, halves and
quarters as the interval of their months, ``2024-01/2024-06`` with ``precision`` ``half``; ISO weeks ``YYYY-Www``;
``XXXX`` for a year that cannot be known; seasons, whose months are not fixed, TIMEX3-style ``YYYY-SU``), with its
``precision``, whether it was ``anchored`` (its year, or the whole date, came from the publication date), the
``anchor_basis`` and its ``role`` in the text:

``publication``           the date the article was published (a date line, a ``date 2024-11-28`` prefix);
                          in the corpus table (:func:`extract_dates`) ``publication_metadata``, as are
                          all dates in metadata lines and dropped prefixes
``dateline``              the date of a dateline ("ASTANA, Oct 17 (Reuters) -"): when the story was filed
``target``                a goal year ("net zero by 2060", "к 2030 году")
``reference``             the period a figure refers to ("in 2022 trade grew by 10.2%")
``event``                 everything else: when something happened or will happen

Only ``event`` and ``target`` dates become timeline events.

The vocabulary (month names in English, Russian, Kazakh, Ukrainian and Arabic, weekdays, prepositions, relative
phrases, seasons, quarter and half words, "N years ago" units, count nouns, time zones,
publication labels) lives in ``data/date_vocabulary.csv`` and the cues for tense and role in
``data/date_cues.csv``; pass your own tables through :func:`load_date_rules` to extend them.

Anchoring. A year-less "on November 27" takes the occurrence (in the year before, of or after
publication) nearest to the publication date, one on the other side than the nearest tense cue
says (after publication in a past clause, before it in a future one) counting five times as far.
A lone weekday ("said Friday", "в пятницу") is the publication day when it is that weekday, else
the last such day or the coming one by the same weighing; "last"/"next" move it a week when it
is the publication weekday. "Today", "tonight", "yesterday", "N days/months/years ago", "last
June", "this March", "next month", "the third quarter", "last summer" count from the publication
date. A bare year counts when no count noun follows it ("a 2009 analysis", "KIOGE 2018",
"Innopom-2022"; not "2024 tanks", "Resolution 2231"). Year ranges ("2009-2010", "1957-58", "between
1994 and 1997") give one row per end (kinds ``range_start`` and ``range_end``); month and day
ranges ("January-April 2023", "July 2-4", "the first four months of this year", "за 9 месяцев 2023
года": January to that month) stay one ``start/end`` value, while two days of a month
("April 24 and 25", "28 и 29 мая") give two dates. Holidays ("Thanksgiving Day", "last Christmas",
"День Победы"; kind ``holiday``, table rows ``holiday``) are days anchored like a year-less date. "A year ago" and round
"50 years ago" are left out (their granularity is not known). A clock time with a time zone
("14:58 UTC") dates the story's day when no date stands next to it, or the day its sentence names.

Anaphoric expressions ("the following year", "later that year", "the next day", "ended the day", "the
same period last year", "на следующий день", "аналогичный период прошлого года"; kind ``anaphoric``) count
from the last date the article told before them at the precision they need (``anchor_basis``
``text_date``); some ("the previous year", "the same day") fall back on the publication date when there
is none, the others are then left out.

An article with no publication date is anchored on the year its explicit day- or month-precise
dates name most (``anchor_basis`` ``text_year``; only in :func:`extract_dates`); with none, year-less
dates keep ``XXXX`` (``anchor_basis`` ``none``: "on November 27" is ``XXXX-11-27``). A relative
expression of which no part can then be known ("yesterday", "on Friday", "last year", "this month":
``XXXX-XX-XX``, ``XXXX``, ``XXXX-XX``) is left out, as an anaphoric one with nothing to count from is.

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
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import KzruError
from .parallel import default_workers, map_batches, scheduler_address
from .tables import read_rule_table, word_tree

__all__ = ["find_dates", "extract_dates", "load_date_rules", "parse_published", "DATE_COLUMNS", "CORPUS_DATE_COLUMNS"]

#: Columns of the table returned by :func:`find_dates` (in this order).
DATE_COLUMNS = ["start", "end", "surface", "value", "precision", "anchored", "role", "kind", "tense", "anchor_basis"]

_YEAR = r"(?:1[89]\d{2}|20\d{2}|21\d{2})"
#: The word of a marketing year or an agricultural season, beside its two years ("the 2022/23 marketing year",
#: "2022-23 сельскохозяйственного сезона", "в сельхозгоду 2023/2024"; not a bare "season", which may be a football or
#: a heating season: :mod:`kzru_lib.figures` reads one beside a crop).
_MARKETING_YEAR = (r"(?i:(?:marketing|crop|agricultural|grain|harvest)\s+(?:year|season)"
                   r"|(?:сельскохозяйственн|маркетингов|зернов)[а-яё]*\s+(?:год|сезон)[а-яё]*|сельхоз\s*(?:год|сезон)[а-яё]*)")
#: The first words of :data:`_MARKETING_YEAR`, where a marketing year said before its years begins.
_MARKETING_STARTERS = frozenset({"marketing", "crop", "agricultural", "grain", "harvest", *(
    stem + end for stem in ("сельскохозяйственн", "маркетингов", "зернов")
    for end in ("ый", "ого", "ому", "ом", "ым", "ая", "ой", "ую")), *(
    stem + end for stem in ("сельхозгод", "сельхозсезон") for end in ("", "а", "у", "е", "ом")), "сельхоз"})
#: A part of a month said in Russian ("в начале марта", "во второй половине апреля", "в первой декаде мая"): the month
#: (:mod:`kzru_lib.figures` reads no period from a year-less one).
RU_MONTH_PARTS = ("начале", "конце", "середине", "первой половине", "второй половине", "первой декаде", "второй декаде",
                  "третьей декаде", "последней декаде", "последних числах", "первых числах")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
#: A quarter's number as a bare digit, before a quarter in the singular only ("в 4 квартале 2023 года", "за 2 квартал",
#: "IV кв." aside: "4 кв. 2023 г."): after 2, 3 or 4 Russian puts a count's noun in the genitive singular, so "за 3
#: квартала 2024 года" is three quarters (January to September), not the third.
_DIGIT_QUARTER = r"[1-4](?=\s+(?:квартал(?:е|ом)?|кв\.)(?!\w))"
_ORD = r"(?:st|nd|rd|th|-(?:го|е|ое|ого|му|ому))?"  # (and a Russian ordinal's case ending: "1-го", "на 1-е", "к 1-му")
#: A day of the month said as an ordinal word: "the first of July", "July twenty-first", "первого января",
#: "на двадцать пятое декабря" (:func:`_day_word` reads it).
_EN_DAY_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth")
_RU_DAY_STEMS = ("перв", "втор", "треть", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят", "десят",
                 "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат", "семнадцат",
                 "восемнадцат", "девятнадцат", "двадцат")
_DAY_WORD_EN = r"(?:(?:twenty|thirty)[\s-])?(?:" + "|".join(_EN_DAY_WORDS) + r")|thirtieth"
_DAY_WORD_RU = (r"(?:(?:двадцать|тридцать)\s+)?(?:треть(?:е|его|ему)|(?:" + "|".join(_RU_DAY_STEMS[:2] + _RU_DAY_STEMS[3:])
                + r")(?:ое|ого|ому))|тридцат(?:ое|ого|ому)")
_DAY_WORD = f"{_DAY_WORD_EN}|{_DAY_WORD_RU}"


def _ci_words(pattern: str) -> str:
    """``pattern`` matched whatever the case of its letters."""
    return f"(?i:{pattern})"


def _day_word(word: str) -> int | None:
    """The day an ordinal word of :data:`_DAY_WORD` says ("twenty-first": 21, "двадцать пятого": 25)."""
    word = word.lower().replace("ё", "е")
    tens = 20 if word.startswith(("twenty", "двадцать ")) else 30 if word.startswith(("thirty", "тридцать ")) else 0
    last = re.split(r"[\s-]", word)[-1]
    if last in ("thirtieth",) or last.startswith("тридцат"):
        return 30
    for n, w in enumerate(_EN_DAY_WORDS, 1):
        if last == w:
            return tens + n if n < 10 or not tens else None
    for n, stem in enumerate(_RU_DAY_STEMS, 1):
        if re.match(stem.replace("[её]", "е"), last):
            return tens + n if n < 10 or not tens else None
    return None
_DASH = r"\s*(?:-|–|—|to|till|until|through)\s*"
_UNITS = ("year", "quarter", "month", "week", "day")


@dataclass(frozen=True, eq=False)  # (hashed by identity: the key of :func:`_normalised`'s cache)
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
    weekdays: dict
    seasons: dict
    ordinals: dict
    periods: dict
    units: dict
    counts: dict
    not_before_year: re.Pattern
    anaphoric: dict
    holidays: dict
    holiday_noun: re.Pattern


def _read_table(path, name: str, required: list[str]) -> pd.DataFrame:
    return read_rule_table(path, name, required)[0]


def _alt(words, *, fold: bool = False, spaces: str = r"\s+") -> str:
    """Regex alternation of literal words, longest first, spaces matching any whitespace.

    Written as a prefix tree ("Jan(?:uary)?" rather than "January|Jan"), which matches exactly
    what the flat longest-first alternation matches (at a position the words that fit lie on one
    path of the tree, tried longest first) but lets the regex engine drop a failing word at its
    first letter instead of trying every word in turn. ``fold=True`` merges words differing only
    in case, for use inside a case-insensitive group.
    """
    return word_tree({w.lower() if fold else w for w in words if w}, spaces=spaces)


def _cue_words(pattern: str) -> str:
    """A cue pattern that is only a list of words ("(?:met|held|set out)") as a case-folded prefix tree.

    Cues are matched case-insensitively as whole words, so the tree finds the same word as the list
    wherever no listed word continues another past a space ("set" with "set out"); such a list,
    and any other pattern, is returned unchanged.
    """
    m = re.fullmatch(r"\(\?:([^\W\d_]+(?: [^\W\d_]+)*(?:\|[^\W\d_]+(?: [^\W\d_]+)*)+)\)", pattern)
    if not m:
        return pattern
    words = {w.lower() for w in m.group(1).split("|")}
    if any(b.startswith(a + " ") for a in words for b in words):
        return pattern
    return _alt(words, fold=True, spaces=" ")


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
    english = re.compile(r"^[A-Za-z]")
    # a month next to a day or year: full names, or abbreviations with an optional dot
    # ... also in capitals, as datelines and headlines write them ("MOSCOW, OCT 6", "АСТАНА, 12 НОЯБРЯ")
    m_caps = rf"{_alt(w.upper() for w in words('month'))}|(?:{_alt(w.upper() for w in words('month_abbr'))})\.?"
    m_any = rf"(?:{_ci(words('month'))}|(?:{_ci(words('month_abbr'))})\.?|{m_caps})(?!\w)"
    # a lone month after a preposition ("in January", "в январе"); English "May" needs the preposition
    m_full_alone = rf"(?:{_ci(words('month'))})(?!\w)"
    # a lone month with no preposition: English full names (capitalised) except "May"
    m_bare = rf"(?:{_alt(w for w in words('month') if english.match(w) and w != 'May')})(?!\w)"
    weekday_words = words("weekday")
    weekday = rf"(?:(?:{_ci(weekday_words)}),?\s+)?"
    prep = rf"(?:(?:{_ci(words('preposition'))})\s+)?"
    year_cue = _ci(words("year_cue"))
    relative = {}
    for w, v in zip(words("relative"), by_kind.get("relative", pd.DataFrame({"value": []}))["value"], strict=False):
        unit, _, off = v.partition(":")
        if unit not in _UNITS:
            raise KzruError(f"date_vocabulary.csv: relative {w!r} has value {v!r}; expected one of "
                            f"{', '.join(u + ':N' for u in _UNITS)}")
        relative[re.sub(r"\s+", " ", w.lower())] = (unit, int(off))
    anaphoric = {}
    for w, v in zip(words("anaphoric"), by_kind.get("anaphoric", pd.DataFrame({"value": []}))["value"], strict=False):
        m_v = re.fullmatch(r"(year|quarter|month|day|period):([+-]?\d+)(:pub)?", str(v))
        if not m_v:
            raise KzruError(f"date_vocabulary.csv: anaphoric {w!r} has value {v!r}; expected UNIT:N or UNIT:N:pub "
                            "with UNIT one of year, quarter, month, day, period")
        anaphoric[re.sub(r"\s+", " ", w.lower())] = (m_v.group(1), int(m_v.group(2)), bool(m_v.group(3)))
    rel_year = _ci(w for w, (u, _) in relative.items() if u == "year")
    rel_any = _ci(list(relative) + list(anaphoric))

    def mapping(kind, convert=str):
        sub = by_kind.get(kind, pd.DataFrame({"word": [], "value": []}))
        out = {}
        for w, v in zip(sub["word"], sub["value"], strict=True):
            try:
                out[re.sub(r"\s+", " ", w.lower())] = convert(v)
            except (TypeError, ValueError) as exc:
                raise KzruError(f"date_vocabulary.csv: {kind} {w!r} has value {v!r}") from exc
        return out

    weekdays = mapping("weekday", int)
    holidays = {}
    for w, v in zip(words("holiday"), by_kind.get("holiday", pd.DataFrame({"value": []}))["value"], strict=False):
        m_v = re.fullmatch(r"(\d{2})-(\d{2})|(\d{2}):([1-5]):([1-7])", str(v))
        if not m_v or not 1 <= int(m_v.group(1) or m_v.group(3)) <= 12:
            raise KzruError(f"date_vocabulary.csv: holiday {w!r} has value {v!r}; expected MM-DD (a fixed day) or "
                            "MM:N:W (the N-th weekday W of month MM, 1 = Monday)")
        holidays[re.sub(r"\s+", " ", w.lower())] = (
            (int(m_v.group(1)), int(m_v.group(2)), None) if m_v.group(1) else
            (int(m_v.group(3)), int(m_v.group(4)), int(m_v.group(5))))
    seasons = mapping("season")
    ordinals = mapping("ordinal", int)
    periods = mapping("period")
    units = mapping("unit")
    counts = mapping("count", int)
    bad = {u for u in units.values() if u not in _UNITS}
    if bad:
        raise KzruError(f"date_vocabulary.csv: unit values {sorted(bad)}; expected one of {', '.join(_UNITS)}")
    year_words = _alt(words("year_word"))
    # a year may carry a Russian "году"/"г." after it (kept in the surface)
    year_tail = rf"(?:\s*(?:{year_words})(?!\w))?" if year_words else ""
    # a lower-case Cyrillic word after a bare number makes it a count ("2000 человек"), unless it is a year word, or
    # "и"/"или" before another year ("в 2023 и 2024 годах": two years)
    not_count = (rf"(?!\s+(?!(?:{year_words})(?!\w)|(?:и|или)\s+(?:19|20)\d\d\s*(?:{year_words})(?!\w))[а-яёәғқңөұүһі])"
                 if year_words else "")
    count_nouns = _alt(words("count_noun"))
    not_noun = rf"(?!\s+(?:{count_nouns})(?!\w))" if count_nouns else ""
    mods_back = ["last", "past", "previous", "прошлую", "прошлый", "прошлой", "прошлым", "прошлая", "минувшую",
                 "минувший", "минувшей"]
    mods_this = ["this", "эту", "этот", "этой", "этим", "эта"]
    mods_next = ["next", "coming", "следующую", "следующий", "следующей", "следующим", "будущей"]
    mods_edge = ["early", "mid", "late", "earlier", "later"]
    # the part of a month before its name, English or Russian ("early March", "в начале марта")
    edges = _ci(['early', 'mid', 'late', 'the end of', 'the beginning of', *RU_MONTH_PARTS])
    mod_words = _ci(mods_back + mods_this + mods_next)
    rel_preps = _ci(["in", "of", "during", "since", "for", "from", "until", "by", "through", "over", "в", "во",
                     "на", "с", "со", "до", "к", "ко", "за", "по", "от", "с начала", "до конца", "к концу"])
    rel_edges = _ci(["the end of", "the beginning of", "the start of", "the middle of", "the rest of",
                     "the remainder of", "early", "late", "earlier", "later", "mid", "конце", "начале",
                     "середине", "конца", "начала", "середины"])
    season_words = _ci(seasons)
    period_words = _ci(periods)
    ordinal_words = _alt(words("ordinal") + [w.capitalize() for w in words("ordinal") if w.islower()])
    count_words = _ci(counts)
    unit_words = _alt(units)
    month_units = _alt(w for w, u in units.items() if u == "month") or "(?!)"
    quarter_units = _alt(w for w, u in units.items() if u == "quarter") or "(?!)"
    ago_words = _alt(w.lower() for w in words("ago"))
    day_parts = _alt(words("day_part"))
    tz_words = _alt(words("timezone")) or "(?!)"
    y_of = rf"(?:,?\s+(?:of\s+)?(?:(?P<PFX_y>{_YEAR})(?!\d){year_tail}|(?P<PFX_rel>{rel_year})))"

    alternatives = [
        # 2024-11-28
        rf"(?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))(?![\d-])",
        # 28.11.2024 (and 28.11.2024 г.)
        rf"(?P<dot>(?P<dot_d>{_DAY})\.(?P<dot_m>0?[1-9]|1[0-2])\.(?P<dot_y>{_YEAR}))(?![\d.])(?:\s*г\.)?",
        # 28/11/2024, 11/28/2024 (day and month in the order that makes a date, else the one nearer the publication
        # date: :func:`_slashed`); 2024/11/28
        rf"(?P<slash>(?P<sl_a>{_DAY})/(?P<sl_b>{_DAY})/(?P<sl_y>{_YEAR}))(?![\d/])",
        rf"(?P<yslash>(?P<ysl_y>{_YEAR})/(?P<ysl_m>0?[1-9]|1[0-2])/(?P<ysl_d>{_DAY}))(?![\d/])",
        # 27-28 November 2024 / 27-28 November / 28 and 29 May (two days) / 28 и 29 мая
        rf"(?P<drange>{prep}(?P<dr_d1>{_DAY}){_ORD}(?:{_DASH}|\s+(?P<dr_and>and|и|&)\s+|\s+по\s+)(?P<dr_d2>{_DAY}){_ORD}\s+(?:of\s+)?"
        rf"(?P<dr_m>{m_any})(?:,?\s+(?P<dr_y>{_YEAR})(?!\d){year_tail})?)(?![\d])",
        # November 27-28, 2024 / November 27-28 / April 24 and 25 (two days)
        rf"(?P<mdrange>{prep}(?P<mdr_m>{m_any})\s+(?P<mdr_d1>{_DAY}){_ORD}(?:{_DASH}|\s+(?P<mdr_and>and|&)\s+)"
        rf"(?P<mdr_d2>{_DAY}){_ORD}"
        rf"(?![\d])(?:,?\s+(?P<mdr_y>{_YEAR}))?)(?![\d])",
        # from January 2019 through December 2023 / с января 2019 по декабрь 2023 года: a span of months across years
        rf"(?P<myrange>(?:(?:(?P<myr_btw>{_ci(['between', 'между'])})|{_ci(['from', 'с', 'со'])})\s+)?(?P<myr_m1>{m_any})\s+"
        rf"(?P<myr_y1>{_YEAR})(?!\d){year_tail}(?(myr_btw)\s+(?:and|и)\s+|{_DASH.replace('to|', 'to|по|до|')})"
        rf"(?P<myr_m2>{m_any})\s+(?P<myr_y2>{_YEAR})(?!\d){year_tail})",
        # From January to August of the current year / between March and May 2023
        rf"(?P<mrange>(?:(?:{_ci(['from', 'between', 'in', 'for', 'с', 'в', 'во', 'за'])})\s+)?(?P<mr_m1>{m_any})"
        rf"{_DASH.replace('to|', 'to|and|по|до|')}"
        rf"(?P<mr_m2>{m_any}){y_of.replace('PFX', 'mr')}?)(?![\d])",
        # (on) Wednesday, 8 November 2023 / 8th of Nov. / 27 November / 11 января 2024 года
        rf"(?P<dmy>{prep}{weekday}(?:(?P<dmy_d>{_DAY}){_ORD}\s+(?:of\s+)?"
        rf"|(?i:the)\s+(?P<dmy_dw>{_ci_words(_DAY_WORD_EN)})\s+of\s+|(?P<dmy_dr>{_ci_words(_DAY_WORD_RU)})\s+)"
        rf"(?P<dmy_m>{m_any})"
        rf"(?:{y_of.replace('PFX', 'dmy')}|(?![\d])))",
        # (on) November 8, 2023 / Nov. 27 / November 27th of this year
        rf"(?P<mdy>{prep}{weekday}(?P<mdy_m>{m_any})\s+(?:(?P<mdy_d>{_DAY}){_ORD}|(?P<mdy_dw>{_ci_words(_DAY_WORD_EN)})(?![\w-]))"
        rf"(?![\d.,]\d)(?![\d%])"
        rf"{y_of.replace('PFX', 'mdy')}?)(?!\s*(?:%|percent|per cent))",
        # January 2022 / in November of this year / November last year / late March 2023
        rf"(?P<my>{prep}(?:(?:{edges})[\s-]+)?"
        rf"(?P<my_m>{m_any})\s+(?:of\s+)?(?:(?P<my_y>{_YEAR})(?![\d]){year_tail}|(?P<my_rel>{rel_year})))",
        # the first four months of this year / 11 months of 2022 / за 9 месяцев 2023 года: January to that month
        rf"(?P<nmon>(?:(?:{rel_preps})\s+)?(?:the\s+)?(?:(?:{_ci(words('months_lead'))})\s+)?"
        rf"(?P<nm_n>1[0-2]|[2-9]|{count_words})\s+(?P<nm_u>{month_units}|(?P<nm_q>{quarter_units}))\s+(?:of\s+)?"
        rf"(?:(?P<nm_y>{_YEAR})(?!\d){year_tail}|(?P<nm_rel>{rel_year})|(?P<nm_the>the\s+year(?!\w))))",
        # the nine months to September 2024 / the year to June 2024: the months that end with that month
        rf"(?P<nmto>(?:(?:{rel_preps})\s+)?(?:the\s+)?(?:(?P<nt_n>1[0-2]|[2-9]|{count_words})\s+(?:{month_units})|(?P<nt_yr>year))"
        rf"\s+(?:to|through|ended|ending|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<nt_m>{m_any})\s+(?P<nt_y>{_YEAR})(?!\d){year_tail})",
        # the first nine months / за первые 10 месяцев / по итогам 9 месяцев, with no year: January to that
        # month of the year a span "January-October" with no year is of
        rf"(?P<nmb>(?:(?:{rel_preps})\s+)?(?:the\s+)?(?:{_ci(words('months_lead'))})\s+"
        rf"(?P<nmb_n>1[0-2]|[2-9]|{count_words})\s+(?:{month_units}|(?P<nmb_q>{quarter_units}))(?!\w))",
        # the first half of 2024 / third-quarter / в первом полугодии 2024 года / Q3 2024
        rf"(?P<qh>(?:(?:{rel_preps})\s+)?(?:the\s+)?(?:(?P<qh_y0>{_YEAR})\s+)?(?:fiscal\s+)?(?P<qh_o>{ordinal_words}|{_DIGIT_QUARTER})"
        rf"[\s-]+(?P<qh_p>{period_words})(?!\w)(?!\s+{m_full_alone}){y_of.replace('PFX', 'qh')}?)",
        rf"(?P<qq>Q(?P<qq_a>[1-4])\s*[-–]\s*Q(?P<qq_b>[1-4])\s+(?P<qq_y>{_YEAR})(?!\d){year_tail})",  # Q1-Q3 2024
        # Q3 2024 / Q3 / H1 2024 (a half needs its year: "H1" alone is no date)
        rf"(?P<qn>(?P<qn_l>Q|H)(?P<qn_n>[1-4])(?:\s+(?P<qn_y>{_YEAR}))?)",
        # analysts' shorthand: "1Q24", "2Q2023", "1H24", "1кв25" (a quarter or half and its year, no space)
        r"(?P<qs>(?P<qs_n>[1-4])(?P<qs_l>[QH]|кв)(?:\s?(?P<qs_y>(?:19|20)\d\d)|(?P<qs_y2>\d\d))(?![\w]))",  # "1H 2024"
        # ... and its months to date: "9M 2023", "9M23" (January to September; not "$9M")
        r"(?P<ms>(?<![$€£₽¥])(?P<ms_n>1[0-2]|[2-9])M(?:\s?(?P<ms_y>(?:19|20)\d\d)|(?P<ms_y2>\d\d))(?![\w]))",
        # last summer / summer 2024 / this spring / летом 2024 года
        rf"(?P<sea>(?:(?:{rel_preps})\s+)?(?:the\s+)?(?:(?P<sea_mod>{mod_words}|{_ci(mods_edge)})[\s-]+)?"
        rf"(?P<sea_w>{season_words})(?!\w)(?:(?:\s+of)?\s+(?P<sea_y>{_YEAR})(?!\d){year_tail})?)",
        # a marketing year, July to June as the grain trade counts it: the 2022/23 marketing year / 2022-23
        # сельскохозяйственного сезона / в сельхозгоду 2023/2024 (its word before or after the years)
        rf"(?P<mkt>(?:(?:{_ci(['in', 'for', 'during', 'over', 'of', 'в', 'во', 'за'])})\s+)?(?:(?i:the)\s+)?"
        rf"(?:(?P<mkt_w1>{_MARKETING_YEAR})\s+)?(?<![\d.,$€£₽])(?P<mkt_y1>{_YEAR})\s*[/–—-]\s*(?P<mkt_y2>{_YEAR}|\d{{2}})"
        rf"(?![\d%]|[.,]\d)(?:\s*гг?\.?)?(?(mkt_w1)|\s+(?P<mkt_w2>{_MARKETING_YEAR})))",
        # from 2022 to 2024 / between 2022 and 2024 / 2022-2024 / 1957-58 / с 2022 по 2024 год
        rf"(?P<yrange>(?:(?:{_ci(['from', 'between', 'in', 'for', 'during', 'over', 'с', 'в'])})\s+"
        rf"(?:the\s+(?:period|years)\s+)?)?"
        rf"(?<![\d.,$€£₽])(?P<yr_y1>{_YEAR}){_DASH.replace('to|', 'to|and|по|до|')}(?P<yr_y2>{_YEAR}|\d{{2}})"
        rf"(?![\d%]|[.,]\d)(?!\s*(?:%|percent))(?![\w-]){year_tail})",
        # N years ago / два года назад
        rf"(?P<ago>(?:(?P<ago_n>\d{{1,3}}|{count_words})\s+)?(?P<ago_u>{unit_words})\s+(?P<ago_w>{ago_words})(?!\w))",
        # last June / this March / next December
        rf"(?P<lmon>(?:(?:{rel_preps})\s+)?(?P<lm_mod>{mod_words})\s+(?P<lm_m>{m_full_alone}))",
        # a lone full month after a preposition: in January, since May, в январе
        # (not the first month of a span of months: "по итогам января-декабря 2022" is the span's)
        rf"(?P<mon>(?:{_ci(words('preposition'))})\s+(?:(?:{edges})[\s-]+)?"
        rf"(?P<mon_m>{m_full_alone})(?!\s*[-–—]\s*(?:{m_full_alone})))",
        # in 2022 / by 2060 / by the end of 2025 / в 2024 году
        rf"(?P<year>(?P<yc>{year_cue})[\s-]+(?:the\s+)?(?P<y_y>{_YEAR}){not_count}{year_tail})"
        rf"(?![\d%]|[.,]\d|\s*(?:%|percent|per cent))",
        # this year / last month / yesterday / в прошлом году / на прошлой неделе
        rf"(?P<rel>(?:(?:{rel_preps})\s+)?(?:(?:{rel_edges})[\s-]+)?(?P<rel_w>{rel_any}))",
        # (on) Friday / last Monday / Saturday night / в пятницу
        rf"(?P<wd>(?:(?:{_ci(['on', 'by', 'until', 'since', 'from', 'early', 'late', 'earlier', 'later', 'в', 'во', 'до', 'с', 'к'])})\s+)?"
        rf"(?:(?P<wd_mod>{mod_words})\s+)?(?P<wd_w>{_ci(weekday_words)})(?!\w)(?:\s+(?:{day_parts})(?!\w))?)",
        # a clock time with a time zone: "14:58 UTC", "0800 GMT", "9 a.m. EST", "в 15:00 по московскому времени"
        # (matched without a zone too, so that a time next to a date is not read as something else)
        rf"(?P<time>(?:(?:at|в|around|about|до|после|с)\s+)?(?:(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:{tz_words})))"
        rf"(?:\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w))?(?:\s*\(?(?:{tz_words})(?:\s*[+-]\s*\d{{1,2}})?\)?)?"
        rf"|(?:(?:at|around|about)\s+)?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.)(?:\s*\(?(?:{tz_words})\)?)?)",
        # a holiday: "on Thanksgiving Day", "last Christmas", "в День Победы"
        rf"(?P<hol>(?:(?:{_ci(['on', 'at', 'by', 'before', 'after', 'since', 'until', 'over', 'в', 'на', 'до', 'после', 'к'])})\s+)?"
        rf"(?:(?P<hol_mod>{mod_words})\s+)?(?P<hol_w>{_alt(words('holiday')) or '(?!)'})(?!\w))",
        # a lone English month name (capitalised): "January", "said in a statement in March"
        rf"(?P<bmon>(?:(?:{_ci(mods_edge)})[\s-]+)?(?P<bm_m>{m_bare}))",
        # a bare year: "a 2009 analysis", "KIOGE 2018", "Innopom-2022", "1998 was"; not a count or a price
        rf"(?P<byear>(?<![\d.,$€£₽¥#№])(?P<by_y>{_YEAR})(?![\d]|[.,]\d)(?!\s*(?:%|percent|per cent))"
        rf"{not_noun}{not_count}{year_tail})",
    ]
    # (a year with a Russian plural ending is a decade, no date: "в 1990-х годах", "2000-е годы"; "в 2024-м году" is a year)
    pattern = re.compile(r"(?<![\w/])(?:" + "|".join(alternatives) + r")(?![\w/])(?![-‐–](?:х|е|ые|ых|ым|ыми|ми)(?!\w))")

    labels = words("label")
    label_re = re.compile(rf"^[\W_]*(?:(?:{_alt(labels + [w.capitalize() for w in labels] + [w.upper() for w in labels])})\b)?[\s:,.|–—-]*$")

    def cues_of(kind):
        sub = cue[cue["cue_type"] == kind]
        return list(zip(sub["pattern"], sub["value"], strict=False))

    tense = tuple(
        (re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{_cue_words(p)})" for p, v in cues_of("tense") if v == kind) + r")(?!\w)",
                    re.IGNORECASE), kind)
        for kind in ("future", "past") if any(v == kind for _, v in cues_of("tense")))
    role_prep = re.compile(rf"^(?:{'|'.join(p for p, _ in cues_of('role_prep'))})(?!\w)", re.IGNORECASE)
    role_word = re.compile(rf"(?<!\w)(?:{'|'.join(p for p, _ in cues_of('role_word'))})", re.IGNORECASE)
    # figure patterns begin with a digit or a currency sign: only those positions are tried
    figure = re.compile(r"(?=[\d$€£₽¥])(?:" + "|".join(f"(?:{p})" for p, _ in cues_of("figure")) + ")", re.IGNORECASE)
    # a past form after these is a passive or an adjective ("to be signed", "the reduced dividend"), not a past event
    be_before = re.compile(r"\b(?:be|been|being|is|are|am|the|a|an|its|their|his|her|our|this|these|those|still|yet)"
                           r"\s+$", re.IGNORECASE)
    # every date holds a digit, a month name, a weekday, a season, a period word, an ago word or the last
    # word of a relative phrase: the scan starts there
    last_words = ({w.split()[-1] for w in list(relative) + list(anaphoric)} | set(seasons) | set(periods)
                  | {w.split()[-1] for w in words("ago")}
                  | {w for w, u in units.items() if u in ("month", "quarter")})  # "the first nine months"
    digits = r"(?<![\d.,$€£₽¥])(?:[012]\d{3}|\d{1,2})(?![\d%]|[.,]\d{3}\b|\.\d\D|\.\d$)"
    named = months_words + weekday_words + ["Q1", "Q2", "Q3", "Q4", "H1", "H2"] + words("timezone") + words("holiday")
    first = "".join(sorted({c for w in named + list(last_words) for c in (w[0].lower(), w[0].upper())}))
    # a look-ahead on the first character keeps the scan fast: most positions fail it at once
    trigger = re.compile(rf"(?<![\w])(?=[\d{re.escape(first)}])(?:{digits}|(?:{_ci(named)})(?!\w)"
                         rf"|(?i:(?:{_alt(last_words, fold=True)})(?![\w])))")
    # the words a date may begin with before its trigger ("on", "as early as", "the end of", a weekday)
    starters = {"from", "between", "in", "for", "during", "over", "early", "mid", "late", "the", "of", "since",
                "until", "by", "earlier", "later", "through", "fiscal", "с", "со", "в", "во", "на", "до", "к", "ко",
                "за", "по", "от", "конце", "начале", "середине", "конца", "начала", "середины"}
    starters |= {w.lower() for w in mods_back + mods_this + mods_next}
    starters |= _MARKETING_STARTERS
    for kind in ("preposition", "year_cue", "weekday", "ordinal", "count", "month", "month_abbr", "months_lead"):
        starters |= {w.split()[0].lower() for w in words(kind)}
    starters |= {w.split()[0].lower() for w in list(relative) + list(anaphoric)}
    return DateRules(pattern, months, relative, rel_any, label_re, tense, role_prep, role_word, figure, be_before,
                     trigger, frozenset(starters), weekdays, seasons, ordinals, periods, units, counts,
                     re.compile(rf"(?i)(?<!\w)(?:{_alt(words('not_before_year'), fold=True) or '(?!)'})\s*$"), anaphoric,
                     holidays, re.compile(rf"(?:\s+and\s+[A-ZА-Я][\w']*(?:\s+[A-ZА-Я][\w']*)*)?\s+"
                                          rf"(?:{_alt(words('holiday_noun')) or '(?!)'})(?!\w)"))


def load_date_rules(*, vocabulary: str | Path | None = None, cues: str | Path | None = None) -> DateRules:
    """Read and compile the date vocabulary and cue tables.

    Args:
        vocabulary: a CSV like ``kzru_lib/data/date_vocabulary.csv`` (columns ``kind, word, value,
            note``; kinds ``month``, ``month_abbr``, ``weekday``, ``preposition``, ``year_cue``,
            ``relative``, ``anaphoric``, ``label``, ... see the table's notes). ``None`` uses the bundled table.
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


_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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
    m = _PUBLISHED.fullmatch(text)
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
    """The tense of the cue nearest to the span [start, end): 'past', 'future' or None (see :func:`_tense_cue`)."""
    return _tense_cue(text, start, end, rules)[0]


def _tense_cue(text: str, start: int, end: int, rules: DateRules) -> tuple[str | None, bool]:
    """The tense of the cue nearest to the span [start, end) ('past', 'future' or None) and whether it lies
    in the date's own clause.

    Cues in the date's own clause (between commas, semicolons, colons, brackets or dashes) come
    first; only when the clause has none is the nearest cue elsewhere (within 150 characters) used.
    In the clause, a future cue before the date ("will double its flights by August") governs it
    even when a past form lies nearer after it ("... markets untouched by the crisis").
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
                continue  # "to be signed", "is expected", "the reduced dividend": not a past event
        dist = max(s - end if s >= end else start - e, 0)
        outside = 0 if left <= s and e <= right else 1
        key = (outside, 0 if value == "future" and s < start else 1, dist, 0 if s < start else 1, 0 if value == "future" else 1)
        if best is None or key < best[0]:
            best = (key, value)
    return (best[1], best[0][0] == 0) if best else (None, False)


#: "Since" opening a date: the date has passed, whatever the tense of its clause ("Since September 21, 200,000
#: people have come").
_SINCE = re.compile(r"since\s", re.I)
_AGAINST_TENSE = 5  # a candidate on the other side of publication than the tense says counts this many times farther
_AGAINST_FAR_TENSE = 3  # ... this many times when the tense cue lies outside the date's clause


def _anchor(month: int, day: int | None, pub, tense: str | None, *, near: bool = True) -> int | None:
    """The year of a year-less (month, day) given the publication date and tense.

    Of the occurrences in the year before, of and after publication, the nearest wins; one that lies
    after publication in a past-tense clause (or before it in a future one) counts five times as far.
    Tense cues are noisy, so a date a few weeks ahead stays ahead even in a past-tense sentence
    ("shareholders of record Dec. 7"), while "signed on January 18" in November is the past January.
    """
    if pub is None:
        return None
    year, pmonth, pday = pub
    if pmonth is None:
        return year
    if day is None or pday is None:  # compare months only
        ref = pmonth * 30.5
        pos = month * 30.5
    else:
        ref = pmonth * 30.5 + pday
        pos = month * 30.5 + day

    def cost(y):
        dist = (y - year) * 366 + pos - ref
        against = (tense == "past" and dist > 0) or (tense == "future" and dist < 0)
        return abs(dist) * ((_AGAINST_TENSE if near else _AGAINST_FAR_TENSE) if against else 1)

    return min((year, year - 1, year + 1), key=cost)


def _shift(pub, unit: str, offset: int) -> tuple[str, str]:
    """Value and precision of a relative expression ("last year") against the publication date."""
    if unit == "year":
        return (f"{pub[0] + offset:04d}" if pub else "XXXX"), "year"
    if unit == "quarter":
        if not pub or pub[1] is None:
            return "XXXX-QX", "quarter"
        idx = pub[0] * 4 + (pub[1] - 1) // 3 + offset
        return f"{idx // 4:04d}-Q{idx % 4 + 1}", "quarter"
    if unit == "month":
        if not pub or pub[1] is None:
            return "XXXX-XX", "month"
        idx = pub[0] * 12 + (pub[1] - 1) + offset
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}", "month"
    if not pub or pub[2] is None:
        return ("XXXX-WXX", "week") if unit == "week" else ("XXXX-XX-XX", "day")
    d = _date(pub) + timedelta(days=offset * (7 if unit == "week" else 1))
    if unit == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}", "week"
    return d.isoformat(), "day"


def _nth_weekday(year: int, month: int, n: int, weekday: int) -> int:
    """The day of the month of the n-th given weekday (1 = Monday) of a month ("the fourth Thursday of November")."""
    first = date(year, month, 1).isoweekday()
    return 1 + (weekday - first) % 7 + 7 * (n - 1)


def _date(pub) -> date:
    return date(pub[0], pub[1], pub[2])


def _weekday(pub, wd: int, mod: str, tense: str | None) -> tuple[str, str]:
    """The day of a lone weekday (1 = Monday) said in an article published on ``pub``.

    The publication day's own weekday is that day; otherwise the last such day before publication,
    or the next one after it when the modifier ("next", "coming") says so. Otherwise the nearer of the
    two wins, the one against the tense (the coming day in a past or tenseless clause, the last one
    in a future clause) counting five times as far: news mostly reports the past, and a tense cue
    in a long sentence may belong to another clause. "last
    Friday" on a Friday is a week back, "next Friday" a week ahead.
    """
    if not pub or pub[2] is None:
        return "XXXX-XX-XX", "day"
    d = _date(pub)
    back = (d.isoweekday() - wd) % 7
    ahead = (wd - d.isoweekday()) % 7
    if mod == "back":
        offset = -(back or 7)
    elif mod == "next":
        offset = ahead or 7
    elif back == 0:
        offset = 0
    else:  # news reports the past: the coming day only when the tense says future or it is much nearer
        future = tense == "future"
        offset = ahead if ahead * (1 if future else _AGAINST_TENSE) < back * (_AGAINST_TENSE if future else 1) else -back
    return (d + timedelta(days=offset)).isoformat(), "day"


_PLURAL_AFTER = re.compile(r"\s+(?!(?:was|has|does)\b)[a-z]*[a-hj-rtv-z]s(?![\w'’])")  # not "1998 was", "2024 has"
_DETERMINER_BEFORE = re.compile(r"(?i)(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those)|['’]s)\s+$")


def _bare_year_ok(text: str, start: int, end: int, rules: DateRules) -> bool:
    """Whether a bare four-digit number with no cue word is a year.

    Not after a word that numbers things ("Resolution 2231", "Flight 1907"), and not before a plural
    noun unless a determiner precedes it ("2024 tanks" is a count, "the 2024 elections" a year).
    """
    before = text[max(0, start - 24):start]
    if rules.not_before_year.search(before):
        return False
    return not (_PLURAL_AFTER.match(text, end) and not _DETERMINER_BEFORE.search(before))


_BACK = re.compile(r"(?i)(?:last|past|previous|прошл|минувш)")
_NEXT = re.compile(r"(?i)(?:next|coming|следующ|будущ)")


def _direction(mod: str | None) -> str:
    """``back`` ("last June"), ``next`` ("next Friday") or ``this`` for a modifier word."""
    if not mod:
        return "this"
    return "back" if _BACK.match(mod) else "next" if _NEXT.match(mod) else "this"


def _ymd(y, m=None, d=None) -> str:
    ys = "XXXX" if y is None else f"{y:04d}"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


def _slashed(y: int, a: int, b: int, pub) -> tuple[int, int | None, int]:
    """(year, month, day) of "a/b/y": day first ("28/11/2024") or month first ("11/28/2024"), whichever makes a date;
    when both do ("12/03/2024"), the one nearer the publication date, and day first (the order of most of the world,
    Kazakhstan's and Russia's among them) when there is none or both are as near. Month None: no date."""
    readings = [(y, mo, d) for d, mo in ((a, b), (b, a)) if mo <= 12 and _valid_day(y, mo, d)]
    if not readings:
        return y, None, 0
    if len(readings) == 2 and pub and pub[1]:
        at = date(pub[0], pub[1], pub[2] or 15)
        readings.sort(key=lambda r: abs((date(*r) - at).days))  # (stable: day first on a tie)
    return readings[0]


#: Right after "половине" with no year: "года", the year the report is in ("во второй половине года").
_OF_THE_YEAR = re.compile(r"\s+года(?![^\W\d_])", re.I)


def _normalise(m: re.Match, text: str, rules: DateRules, pub, memo: dict) -> dict | None:
    g = m.groupdict()
    month = rules.months

    def mon(name):
        return month.get(name.rstrip(".").lower())

    def rel_year(rel):
        unit, off = rules.relative[_SPACES.sub(" ", rel.lower())]
        return (pub[0] + off) if pub else None

    def cue():
        if "cue" not in memo:
            memo["cue"] = _tense_cue(text, m.start(), m.end(), rules)
        return memo["cue"]

    def tense():
        return cue()[0]

    def anchor(mo, d):
        if _SINCE.match(text, m.start()):
            return _anchor(mo, d, pub, "past")  # "since September 21" is a day that has come: the last one
        return _anchor(mo, d, pub, cue()[0], near=cue()[1])

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
    if g["slash"] or g["yslash"]:
        y, mo, d = (_slashed(int(g["sl_y"]), int(g["sl_a"]), int(g["sl_b"]), pub) if g["slash"]
                    else (int(g["ysl_y"]), int(g["ysl_m"]), int(g["ysl_d"])))
        if not mo or not _valid_day(y, mo, d):
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
            y, anchored = anchor(mo, d1), True
        if g[f"{p}_and"]:  # two days, not a range: one row each
            return dict(value=_ymd(y, mo, d1), precision="day", anchored=anchored, kind="date",
                        split=((m.start(), m.end(f"{p}_d1"), _ymd(y, mo, d1)), (m.start(f"{p}_d2"), m.end(), _ymd(y, mo, d2))),
                        split_kinds=("date", "date"))
        return dict(value=f"{_ymd(y, mo, d1)}/{_ymd(y, mo, d2)}", precision="day", anchored=anchored, kind="range")
    if g["myrange"]:
        (m1, y1), (m2, y2) = (mon(g["myr_m1"]), int(g["myr_y1"])), (mon(g["myr_m2"]), int(g["myr_y2"]))
        if m1 is None or m2 is None or not (y1, m1) < (y2, m2):
            return None
        return dict(value=f"{_ymd(y1, m1)}/{_ymd(y2, m2)}", precision="month", anchored=False, kind="range")
    if g["mrange"]:
        m1, m2 = mon(g["mr_m1"]), mon(g["mr_m2"])
        if m1 is None or m2 is None or m1 == m2:
            return None
        if g["mr_y"]:
            y2, anchored = int(g["mr_y"]), False
        elif g["mr_rel"]:
            y2, anchored = rel_year(g["mr_rel"]), True
        else:
            y2, anchored = anchor(m2, None), True
        y1 = (y2 - 1 if m1 > m2 else y2) if y2 is not None else None
        return dict(value=f"{_ymd(y1, m1)}/{_ymd(y2, m2)}", precision="month", anchored=anchored, kind="range")
    if g["dmy"] or g["mdy"]:
        p = "dmy" if g["dmy"] else "mdy"
        mo, d = mon(g[f"{p}_m"]), int(g[f"{p}_d"]) if g[f"{p}_d"] else _day_word(g[f"{p}_dw"] or g.get(f"{p}_dr") or "")
        if d is None:
            return None
        if g[f"{p}_y"]:
            y, anchored = int(g[f"{p}_y"]), False
        elif g[f"{p}_rel"]:
            y, anchored = rel_year(g[f"{p}_rel"]), True
        else:
            y, anchored = anchor(mo, d), True
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
    def count(word: str) -> int:  # "9", "nine", "девяти"
        return int(word) if word.isdigit() else rules.counts[re.sub(r"\s+", " ", word.lower())]

    if g["nmon"]:
        n = count(g["nm_n"])
        if g["nm_q"]:  # "the first three quarters of 2024", "трех кварталов 2024 года": January to September
            if not 2 <= n <= 3:
                return None
            n *= 3
        if not 2 <= n <= 12:
            return None  # "one month of 2023" is not said of January
        if g["nm_the"]:  # "the first five months of the year": of the year the text last named, else of its date's
            return dict(value="", precision="month", anchored=True, kind="range", anaphor=("year", 0, True), months=n)
        y, anchored = (int(g["nm_y"]), False) if g["nm_y"] else (rel_year(g["nm_rel"]), True)
        return dict(value=f"{_ymd(y, 1)}/{_ymd(y, n)}", precision="month", anchored=anchored, kind="range")
    if g["ms"]:
        n, y = int(g["ms_n"]), int(g["ms_y"] or f"20{g['ms_y2']}")
        return dict(value=f"{_ymd(y, 1)}/{_ymd(y, n)}", precision="month", anchored=False, kind="range")
    if g["nmb"]:
        n = count(g["nmb_n"]) * (3 if g["nmb_q"] else 1)
        if not 2 <= n <= 12 or (g["nmb_q"] and n == 12):
            return None  # ("the first four quarters" is no span of months of one year said that way)
        y = anchor(n, None)
        return dict(value=f"{_ymd(y, 1)}/{_ymd(y, n)}", precision="month", anchored=True, kind="range")
    if g["mkt"]:
        y1, y2s = int(g["mkt_y1"]), g["mkt_y2"]
        if (int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)) != y1 + 1:
            return None
        return dict(value=f"{_ymd(y1, 7)}/{_ymd(y1 + 1, 6)}", precision="month", anchored=False, kind="range")
    if g["yrange"]:
        y1 = int(g["yr_y1"])
        y2s = g["yr_y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if not y1 < y2 <= y1 + 50:
            return None
        # two years are two dates: each end gets its own row (split in _find)
        return dict(value=f"{y1:04d}/{y2:04d}", precision="year", anchored=False, kind="range",
                    split=((m.start(), m.end("yr_y1"), f"{y1:04d}"), (m.start("yr_y2"), m.end(), f"{y2:04d}")))
    if g["qh"] and not (g["qh_y"] or g["qh_rel"]):
        after = re.match(r"\s+of\s+(?:the\s+)?(\w+)", text[m.end():])
        if after and (mon(after.group(1)) or after.group(1).lower() == "month"):
            return None  # "the second half of January": a part of that month, not a half-year
    if g["nmto"]:
        n = 12 if g["nt_yr"] else count(g["nt_n"])
        end_y, end_m = int(g["nt_y"]), mon(g["nt_m"])
        if not (2 <= n <= 12 and end_m):
            return None
        start = end_y * 12 + end_m - n  # months counted from year 0, January = 0
        return dict(value=f"{_ymd(start // 12, start % 12 + 1)}/{_ymd(end_y, end_m)}", precision="month",
                    anchored=False, kind="range")
    if g["qq"]:
        a, b, y = int(g["qq_a"]), int(g["qq_b"]), int(g["qq_y"])
        if not a < b:
            return None
        return dict(value=f"{_ymd(y, 3 * a - 2)}/{_ymd(y, 3 * b)}", precision="month", anchored=False, kind="range")
    if g["qh"] or g["qn"] or g["qs"]:
        if g["qn"]:
            n, letter, ys, rel = int(g["qn_n"]), g["qn_l"], g["qn_y"], None
            if letter == "H" and not ys:
                return None
        elif g["qs"]:
            n, letter, rel = int(g["qs_n"]), "Q" if g["qs_l"] == "кв" else g["qs_l"], None
            ys = g["qs_y"] or f"20{g['qs_y2']}"
        else:
            o, p = g["qh_o"].lower(), re.sub(r"\s+", " ", g["qh_p"].lower())
            n, letter = int(o) if o.isdigit() else rules.ordinals[o], rules.periods[p]
            ys, rel = g["qh_y"] or g["qh_y0"], g["qh_rel"]
            if p == "кв." and not (ys or rel):
                return None  # the abbreviation only with its year: "4 кв. м" is an area
            if g["qh_p"].lower().startswith("половин") and not (ys or rel) and not _OF_THE_YEAR.match(text, m.end()):
                return None  # "в первой половине дня / марта": a half of a day or a month, not of a year (as
                # "во второй половине года" is: the year of the report, as "in the second half of the year")
        if (letter == "H" and n > 2) or n > 4:
            return None
        precision = "half" if letter == "H" else "quarter"
        if ys:
            return dict(value=f"{ys}-{letter}{n}", precision=precision, anchored=False, kind=precision)
        y = rel_year(rel) if rel else (pub[0] if pub else None)
        return dict(value=f"{_ymd(y)}-{letter}{n}", precision=precision, anchored=True, kind=precision)
    if g["sea"]:
        code = rules.seasons[g["sea_w"].lower()]
        mod = _direction(g["sea_mod"])
        if g["sea_y"]:
            return dict(value=f"{g['sea_y']}-{code}", precision="season", anchored=False, kind="season")
        if not g["sea_mod"]:
            if g["sea_w"][0].isascii():  # "summer camp": an English season needs a modifier, a year or "in the"
                if not re.match(r"(?i)(?:in|during|over|since|by|until|through|of)\s+the\s", g["sea"]):
                    return None
            elif not re.search(r"(?:ой|ом|ью)$", g["sea_w"].lower()):  # Russian: "летом", not "лето"
                return None
        y = pub[0] if pub else None
        if y is not None and mod == "back":
            y -= 1 if (pub[1] or 12) < {"SP": 6, "SU": 9, "FA": 12, "WI": 3}[code] else 0
        elif y is not None and mod == "next":
            y += 1
        return dict(value=f"{_ymd(y)}-{code}", precision="season", anchored=True, kind="season")
    if g["ago"]:
        n = g["ago_n"]
        n = 1 if n is None else (int(n) if n.isdigit() else rules.counts[re.sub(r"\s+", " ", n.lower())])
        unit = rules.units[g["ago_u"].lower()]
        if n == 0 or (unit == "year" and (n == 1 or (n >= 10 and n % 10 == 0))):
            return None  # "a year ago" often means the same quarter or day; "50 years ago" is a round figure
        value, precision = _shift(pub, unit, -n)
        return dict(value=value, precision=precision, anchored=True, kind="relative")
    if g["lmon"]:
        mo = mon(g["lm_m"])
        mod = _direction(g["lm_mod"])
        if not pub or pub[1] is None:
            y = pub[0] if pub and mod == "this" else None
        elif mod == "back":
            y = pub[0] if mo < pub[1] else pub[0] - 1
        elif mod == "next":
            y = pub[0] if mo > pub[1] else pub[0] + 1
        else:
            y = pub[0]
        return dict(value=_ymd(y, mo), precision="month", anchored=True, kind="month")
    if g["bmon"] and re.search(r"(?i)\bthe\s+$", text[max(0, m.start() - 8):m.start()]) and re.match(
            r"\s+[a-z]", text[m.end():]):
        return None  # "the March organisers": a name or a noun, not the month
    if g["mon"] or g["bmon"]:
        mo = mon(g["mon_m"] or g["bm_m"])
        y = anchor(mo, None)
        return dict(value=_ymd(y, mo), precision="month", anchored=True, kind="month")
    if g["byear"] and not _bare_year_ok(text, m.start(), m.end(), rules):
        return None
    if g["year"] or g["byear"]:
        return dict(value=g["y_y"] or g["by_y"], precision="year", anchored=False, kind="year")
    if g["rel"] and _SPACES.sub(" ", g["rel_w"].lower()) in rules.anaphoric:
        unit, off, fallback = rules.anaphoric[_SPACES.sub(" ", g["rel_w"].lower())]
        if re.search(r"(?i)(?:before|after)$", g["rel_w"]) and not re.match(r"\s*(?:[,.;:!?)]|$)", text[m.end():]):
            return None  # "the day before the vote": counted from what follows, not from a date told before
        return dict(value="", precision=unit, anchored=True, kind="anaphoric", anaphor=(unit, off, fallback))
    if g["rel"]:
        unit, off = rules.relative[_SPACES.sub(" ", g["rel_w"].lower())]
        value, precision = _shift(pub, unit, off)
        return dict(value=value, precision=precision, anchored=True, kind="relative")
    if g["time"]:
        if not re.search(r"[A-ZА-Я]{2}|времени", g["time"]):
            return None  # "12:30" may be a score, "6 a.m." the morning of a day told earlier: a time needs a zone
        value, precision = _shift(pub, "day", 0)
        return dict(value=value, precision=precision, anchored=True, kind="time")
    if g["hol"] and rules.holiday_noun.match(text, m.end()):
        return None  # "Christmas sales", "the Christmas and New Year sales period": a season, not the day
    if g["hol"]:
        mo, n, wd = rules.holidays[re.sub(r"\s+", " ", g["hol_w"].lower())]
        mod = _direction(g["hol_mod"])

        def day_in(y):
            return n if wd is None else _nth_weekday(y, mo, n, wd)
        if not pub:
            return dict(value=_ymd(None, mo, n if wd is None else None), precision="day", anchored=True, kind="holiday")
        if mod == "back":
            y = pub[0] if (mo, day_in(pub[0])) < (pub[1] or 13, pub[2] or 32) else pub[0] - 1
        elif mod == "next":
            y = pub[0] if (mo, day_in(pub[0])) > (pub[1] or 0, pub[2] or 0) else pub[0] + 1
        else:
            y = anchor(mo, day_in(pub[0]))
        return dict(value=_ymd(y, mo, day_in(y)), precision="day", anchored=True, kind="holiday")
    if g["wd"]:
        wd = rules.weekdays[g["wd_w"].lower()]
        value, precision = _weekday(pub, wd, _direction(g["wd_mod"]) if g["wd_mod"] else "", tense())
        return dict(value=value, precision=precision, anchored=True, kind="weekday")
    return None  # pragma: no cover


_PLACE = r"(?:[A-ZА-ЯЁ][A-ZА-ЯЁ'.-]+(?:[ -][A-ZА-ЯЁ][A-ZА-ЯЁ'.-]+){0,3}|[A-ZА-ЯЁ][a-zа-яё'-]+(?:[ -][A-ZА-ЯЁ][a-zа-яё'-]+){0,2})"
# a dateline opens a story: a place (capitals, or one to three capitalised words), a comma, the date ...
_DATELINE_BEFORE = re.compile(rf"^\s*{_PLACE}(?:,\s*{_PLACE})?\s*(?:\([^)]{{1,40}}\))?\s*,\s*$")
# ... then an agency in brackets or slashes and a dash, or a dash or a colon alone ("Tashkent, OCT 6: ...")
_DATELINE_AFTER = re.compile(r"^\s*(?:(?:\([^)]{1,40}\)|/[^/]{1,30}/)\s*[.:—–_-]|[—–_-]|:\s)")
# ... or, inside a line (a headline run into the story: "The voter turnout was 73.12% ASTANA, March 16. /TASS/."), a
# place in capitals, a comma, the date and the agency in slashes or brackets (or the end of the sentence the agency
# opens the next of)
_DATELINE_CAPS_BEFORE = re.compile(r"(?:^|[\s.!?»\"”%])[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]{2,}){0,2},\s*$")
_DATELINE_AGENCY_AFTER = re.compile(r"^[.,]?\s*(?:\([^)]{1,40}\)|/[^/]{1,30}/|$)")


#: After a date that opens a text, the time of a publication stamp ("2024-05-01, 18:30"); not a figure ("In 2024,
#: 18.96 million square meters ...").
_STAMP_TIME = re.compile(r"^[\s,|–—-]*(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?![.,]\d)(?!\s*(?:%|percent|per\s+cent|million|billion"
                         r"|thousand|trillion|bn\b|mln\b|m\b|млн|млрд|тыс|трлн|процент)).*)?$", re.I)


def _role(text: str, start: int, end: int, info: dict, rules: DateRules, masked: str, pub) -> str:
    before, after = text[:start], text[end:]
    surface = text[start:end]
    # (a quarter or a half-year is a period, never a page's stamp: "• 4-й квартал 2025: рост 1,07%")
    if info["kind"] not in ("relative", "quarter", "half") and rules.label_re.match(before):
        labelled = bool(before.strip(" \t:,.|–—-\"'«»“”„‘’(["))  # an opening quote is not a label ("«В 2024 году ...")
        if labelled or not after.strip() or _STAMP_TIME.match(after):
            return "publication"
    if info["precision"] == "day" and (_DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after) or (
            _DATELINE_CAPS_BEFORE.search(before) and _DATELINE_AGENCY_AFTER.match(after))):
        return "dateline"  # "ASTANA, Oct 17 (Reuters) -": where and when the story was filed, not an event
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
        ``event``, ``dateline``), ``kind`` (``date``, ``month``, ``year``, ``range``, ``range_start``,
        ``range_end``, ``relative``, ``anaphoric``, ``holiday``, ``weekday``, ``quarter``, ``half``, ``season``, ``time``),
        ``tense`` (``past``, ``future`` or empty: the tense cue used for anchoring) and
        ``anchor_basis`` (``explicit``: the expression names its year; ``publication_date``: anchored
        on ``published``; ``text_date``: counted from a date told before it, for anaphoric expressions;
        ``none``: anchoring needed but no publication date, so ``XXXX``).

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


def find_date_records(text: str, *, published: str | None = None, rules: DateRules | None = None,
                      unknown: bool = False, tense: bool = True) -> list[dict]:
    """The rows of :func:`find_dates` as a list of dicts (same keys), for callers that scan many sentences.

    Building a DataFrame per sentence costs more than finding the dates; the figures stage calls this.
    ``unknown``: also the relative expressions of which no part is known without a publication
    date ("last year": ``XXXX``), which :func:`find_dates` leaves out; the figures stage reads
    the period of a figure from them once the article's year is known from its text. ``tense``
    false: every row's ``tense`` is "" (not looked for; the figures stage does not read it).
    """
    pub = _parsed_published(published) if isinstance(published, str) else parse_published(published)
    return _find(text, pub, rules or load_date_rules(), unknown=unknown, tense=tense)


@lru_cache(maxsize=256)
def _parsed_published(published: str):
    """:func:`parse_published` of a string, remembered (every sentence of an article has the same date)."""
    return parse_published(published)


_LOOKBACK = 40  # characters before a trigger where a date may begin ("as early as", "the end of", a weekday)
_LOOKAHEAD = 48  # characters after a trigger where a date may end ("January to August of the current year")


def _matches(text: str, rules: DateRules):
    """The matches of ``rules.pattern`` in ``text``, scanning only around trigger tokens (fast path).

    Gives the same matches as ``rules.pattern.finditer(text)`` for dates shorter than the look-back
    and look-ahead windows, at a fraction of the cost on long texts with few dates. A start that
    failed with the same end (triggers close together share the window's end) is not tried again.
    """
    pos = 0
    n = len(text)
    match, starters = rules.pattern.match, rules.starters
    failed: set = set()  # (start, end) where the pattern was tried and did not match
    for t in rules.trigger.finditer(text):
        ts, te = t.span()
        if ts < pos:
            continue
        end = text.find(" ", min(te + _LOOKAHEAD, n))
        end = n if end < 0 else end
        starts = [c.start() for c in _WORD.finditer(text, max(pos, ts - _LOOKBACK), ts)
                  if c.group().lower() in starters]
        for c in (*starts, ts):  # leftmost start first
            if (c, end) in failed:
                continue
            m = match(text, c, end)
            if m is not None:
                pos = m.end()
                yield m
                break
            failed.add((c, end))


_WORD = re.compile(r"(?<![\w/])[^\W\d_]+")


_YEAR_AT = re.compile(r"(?:^|(?<=/))(\d{4})")


_DAY_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])$")
#: A half or a quarter of a year as the rules read it (TIMEX3 ``2024-H1``, ``2023-Q3``, ``XXXX-Q1``): written out as
#: the ISO 8601 interval of its months (:func:`_iso_months`).
_HALF_OR_QUARTER = re.compile(r"(\d{4}|XXXX)-([HQ])([1-4])")


def _iso_months(value: str) -> str:
    """A half or a quarter of a year as the ISO 8601 interval of its months ("2024-H1" -> "2024-01/2024-06",
    "2023-Q3" -> "2023-07/2023-09"), as "January to June 2024" is written; any other value unchanged."""
    m = _HALF_OR_QUARTER.fullmatch(value)
    if m is None:
        return value
    y, size, n = m.group(1), 6 if m.group(2) == "H" else 3, int(m.group(3))
    return f"{y}-{size * (n - 1) + 1:02d}/{y}-{size * n:02d}"
_FOUR_DIGITS = re.compile(r"\d{4}")
_SPACES = re.compile(r"\s+")


def _remember(refs: dict, value: str) -> None:
    """Note a date of the text as the reference of later anaphoric expressions ("the following year")."""
    end = value.split("/")[-1]
    m = _DAY_VALUE.match(end)
    if m:
        y, mo, d = m.groups()
        refs["year"] = int(y)
        if mo:
            refs["month"] = (int(y), int(mo))
        if d:
            refs["day"] = date(int(y), int(mo), int(d))
    q = _QUARTER_VALUE.match(value)
    if q:
        refs["quarter"] = (int(q.group(1)), int(q.group(2)))
    if _FOUR_DIGITS.match(value) and "X" not in value and (len(value) != 10):  # a period is longer than a day
        refs["period"] = value


def _resolve(anaphor: tuple, refs: dict, pub) -> tuple[str, str, str] | None:
    """Value, precision and basis of an anaphoric expression: the last date of the text at the precision it
    needs ("the following year" after "in 1995": 1996), else the publication date where the expression allows
    it ("the same day"), else ``None``."""
    unit, off, fallback = anaphor
    basis = "text_date"
    ref = refs.get(unit)
    if ref is None and fallback and pub:
        basis = "publication_date"
        if unit == "year":
            ref = pub[0]
        elif unit == "month" and pub[1]:
            ref = (pub[0], pub[1])
        elif unit == "day" and pub[2]:
            ref = _date(pub)
    if ref is None:
        return None
    if unit == "year":
        return f"{ref + off:04d}", "year", basis
    if unit == "month":
        idx = ref[0] * 12 + ref[1] - 1 + off
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}", "month", basis
    if unit == "day":
        return (ref + timedelta(days=off)).isoformat(), "day", basis
    if unit == "quarter":
        idx = ref[0] * 4 + ref[1] - 1 + off
        return f"{idx // 4:04d}-Q{idx % 4 + 1}", "quarter", basis
    value = _YEAR_AT.sub(lambda y: f"{int(y.group(1)) + off:04d}", ref).replace("-02-29", "-02-28")
    precision = {4: "year", 7: "month", 10: "day"}.get(len(value.split("/")[-1]), "period")
    return value, precision, basis


_ORDINAL_NUMBER = re.compile(r"\b\d+(?:st|nd|rd|th)\b")


#: A bracketed aside inside a period, between its part of a year and the year ("the first quarter (January-March) of
#: this year", "в первом квартале (январь-март) текущего года"): read as if it were not there, so the part is of that year.
_ASIDE_IN_PERIOD = re.compile(
    r"(?P<en>\b(?:quarter|months))\s*\([^()]{1,40}\)(?=\s+(?:of\s+)?(?:this|last|the\s+(?:current|previous|same)|(?:19|20)\d\d))"
    r"|(?P<ru>(?<![^\W\d_])(?:квартал[еа]|полугоди[ия]|месяц(?:ев|а)))\s*\([^()]{1,40}\)"
    r"(?=\s+(?:текущ|прошл|этого|нынешн|(?:19|20)\d\d))", re.I)


def _blank_aside(m: re.Match) -> str:
    """The aside :data:`_ASIDE_IN_PERIOD` found, as spaces (offsets kept); the word before it stays."""
    word = m.group("en") or m.group("ru")
    return word + " " * (len(m.group(0)) - len(word))


@lru_cache(maxsize=1 << 16)
def _normalised(scan: str, pub, rules: DateRules) -> tuple:
    """The date expressions of ``scan`` read with ``pub`` as ``(start, end, info, cue)`` (:func:`_matches`,
    :func:`_normalise`; ``cue``: the tense cue the reading found, or ``None``), remembered: the dates stage and the
    figures stage read the same sentences of a batch, the figures stage each sentence again."""
    out = []
    for m in _matches(scan, rules):
        memo: dict = {}
        info = _normalise(m, scan, rules, pub, memo)
        if info is not None:
            out.append((m.start(), m.end(), info, memo.get("cue")))
    return tuple(out)


#: Right before a year: a copyright sign or word ("© 2022", "(c) 2023", "Copyright 2021").
_COPYRIGHT_BEFORE = re.compile(r"(?:©|\([cC]\)|\b[Cc]opyright)\s*$")


def _find(text: str, pub, rules: DateRules, refs: dict | None = None, *, unknown: bool = False,
          tense: bool = True) -> list[dict]:
    """Rows of :func:`find_dates` as dicts, sorted by (start, end).

    ``refs`` holds the dates met so far in the article (for anaphoric expressions); a new one when ``None``.
    """
    refs = {} if refs is None else refs
    rows = []
    scan = _ASIDE_IN_PERIOD.sub(_blank_aside, text) if "(" in text else text
    for start, end, found, cue in _normalised(scan, pub, rules):
        info = dict(found)  # (the cached dict is shared: changed only in a copy)
        info["tense"] = ""
        if tense and info["anchored"] and info["kind"] not in ("relative", "anaphoric"):
            info["tense"] = (cue[0] if cue is not None else _tense(text, start, end, rules)) or ""
        if "split" in info:
            kinds = info.pop("split_kinds", ("range_start", "range_end"))
            for (s, e, value), kind in zip(info.pop("split"), kinds, strict=True):
                rows.append((s, e, dict(info, value=value, kind=kind)))
        else:
            rows.append((start, end, info))
    if "©" in text or "opyright" in text or "(c)" in text:
        # the year of a copyright ("© 2022 AP Photo", "Copyright 2023 Reuters") dates no event
        rows = [(s, e, info) for s, e, info in rows if not (text[s:e].isdigit() and _COPYRIGHT_BEFORE.search(text, 0, s))]
    if any(info["kind"] == "time" for _, _, info in rows):  # a clock time next to a date belongs to that date
        rows = [(s, e, info) for s, e, info in rows if info["kind"] != "time" or not any(
            o is not info and (0 <= s - e2 <= 4 or 0 <= s2 - e <= 4) for s2, e2, o in rows)]
        # ... and one further away in the sentence takes the nearest day it names ("flew Tuesday ... at 18:00 UTC")
        days = [(s, info) for s, _, info in rows if info["kind"] != "time" and info["precision"] == "day"
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", info["value"])]
        if days:
            rows = [(s, e, dict(info, value=min(days, key=lambda d: abs(d[0] - s))[1]["value"]))
                    if info["kind"] == "time" else (s, e, info) for s, e, info in rows]
    if not rows:
        return []
    masked = text
    for s, e, _ in rows:
        masked = masked[:s] + " " * (e - s) + masked[e:]
    masked = _ORDINAL_NUMBER.sub(" ", masked)
    out = []
    for s, e, info in rows:
        basis = ("publication_date" if pub else "none") if info["anchored"] else "explicit"
        if "anaphor" in info:
            resolved = _resolve(info["anaphor"], refs, pub)
            if resolved is None:
                continue
            info = dict(info, value=resolved[0], precision=resolved[1])
            if "months" in info:  # the first months of the year resolved
                info.update(value=f"{resolved[0]}-01/{resolved[0]}-{info['months']:02d}", precision="month")
            basis = resolved[2]
        if info["anchored"] and not unknown and not any(c.isdigit() for c in info["value"]):
            continue  # "yesterday", "on Friday", "this year" with nothing to count from: no part of the date is known
        role = _role(text, s, e, info, rules, masked, pub)
        if role != "publication":
            _remember(refs, info["value"])
        out.append({"start": s, "end": e, "surface": text[s:e], "value": _iso_months(info["value"]),
                    "precision": info["precision"], "anchored": info["anchored"], "role": role, "kind": info["kind"],
                    "tense": info["tense"], "anchor_basis": basis})
    return out


#: Columns of the table returned by :func:`extract_dates` (in this order).
CORPUS_DATE_COLUMNS = ["doc_id", "line_no", "sent_no", "start", "end", "surface", "value", "precision", "anchored",
                       "role", "kind", "tense", "source", "sentence", "anchor_basis"]


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
        as `` date 2024-11-28``), ``sentence`` (the sentence, or the metadata text) and
        ``anchor_basis`` (``explicit``, ``publication_date``, ``text_date``, ``text_year`` or ``none``:
        what a year-less or relative date was anchored on; ``text_date``: an anaphoric expression such
        as "the following year" counted from an earlier date of the article; filter on it to keep only
        dates anchored on a known publication date).

    Note:
        Dates in metadata lines and in the dropped prefix of a kept line, and a publication date
        standing alone in the text, get the role ``publication_metadata`` (never an event); dates
        in boilerplate are never reported. Year-less dates are anchored on the article's
        ``published`` value or, when it is unknown, on the year the article's explicit dates name
        most (``anchor_basis`` ``text_year``).

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


def _text_year(rows) -> int | None:
    """The reference year of an article with no publication date: the year its explicit dates name most.

    Only dates that name their own year at day or month precision count (a "June 5, 2023", not a
    bare "2060" goal); on a tie the latest year wins. ``None`` when the text names no such date.
    """
    years: dict = {}
    for r in rows:
        if not r["anchored"] and r["precision"] in ("day", "month") and r["value"][:4].isdigit():
            y = int(r["value"][:4])
            years[y] = years.get(y, 0) + 1
    return max(years, key=lambda y: (years[y], y)) if years else None


def _extract_job(rules: DateRules, share: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    """The dates of one share ``(corpus, lines)`` of the articles (a per-batch function)."""
    return _extract(*share, rules)


def _extract(corpus: pd.DataFrame, lines: pd.DataFrame, rules: DateRules) -> pd.DataFrame:
    """The dates of the given articles (unsorted), as :func:`extract_dates` describes."""
    from .segment import sentences

    pubs = {d: parse_published(p) for d, p in zip(corpus["doc_id"], corpus["published"], strict=True)}
    texts: dict = {}  # doc_id -> [(line_no, sent_no, offset, text, source)]
    meta = lines[(lines["label"] == "metadata") | ((lines["kept_start"] > 0)
                                                   & lines["label"].isin(["title", "heading", "body"]))]
    for doc_id, line_no, text, label, kept_start in zip(meta["doc_id"], meta["line_no"], meta["text"],
                                                        meta["label"], meta["kept_start"], strict=True):
        part = text if label == "metadata" else text[:kept_start]
        texts.setdefault(doc_id, []).append((line_no, pd.NA, 0, part, "metadata"))
    sents = sentences(corpus, lines=lines)
    cols = [sents[c].tolist() for c in ("doc_id", "line_no", "sent_no", "start", "sentence")]
    for doc_id, line_no, sent_no, start, sentence in zip(*cols, strict=True):
        texts.setdefault(doc_id, []).append((line_no, sent_no, start, sentence, "text"))
    rows = []
    for doc_id, parts in texts.items():
        pub = pubs.get(doc_id)
        refs: dict = {}
        found = [_find(text, pub, rules, refs if source == "text" else None) for _, _, _, text, source in parts]
        basis = "publication_date" if pub else "none"
        if pub is None:
            year = _text_year(r for rs in found for r in rs)
            if year is not None:
                pub, basis = (year, None, None), "text_year"
                refs = {}
                found = [_find(text, pub, rules, refs if source == "text" else None) for _, _, _, text, source in parts]
        for (line_no, sent_no, offset, text, source), rs in zip(parts, found, strict=True):
            for r in rs:
                role = "publication_metadata" if source == "metadata" or r["role"] == "publication" else r["role"]
                r.update(doc_id=doc_id, line_no=line_no, sent_no=sent_no, start=r["start"] + offset,
                         end=r["end"] + offset, role=role, source=source, sentence=text.strip() if source == "metadata"
                         else text, anchor_basis=(basis if r["anchor_basis"] in ("publication_date", "none")
                                                  else r["anchor_basis"]))
                rows.append(r)
    table = pd.DataFrame(rows, columns=CORPUS_DATE_COLUMNS)
    return table.astype({"line_no": "int64", "sent_no": "Int64", "start": "int64", "end": "int64",
                         "anchored": "bool"})
