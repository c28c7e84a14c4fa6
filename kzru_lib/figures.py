"""Figures: money, percentages and counts in news text, with hedge, metric, period and speaker.

The stage finds every substantive number in kept text ("$28.2 billion", "7.6%", "over 60,000
students", "a dozen agreements"), normalises it to base units, reads the hedge around it
("nearly", "over", "a target of") as an interval, names what it measures (``metric``, from
``data/metrics.csv``), links it to the period it refers to (a date expression of the same
clause, from :func:`kzru_lib.dates.find_dates`) and to who states it (``speaker``). A second
function, :func:`compare_figures`, sets the claims of different articles side by side.

Heuristics are data, not code; every table below can be read, extended, or replaced by the
user's own (a path or a DataFrame with the same columns):

- ``units.csv``: currency signs and words, percent words, scale words ("billion", "bn").
- ``hedges.csv``: hedge phrases -> qualifier and interval factors; target cues.
- ``metrics.csv``: metric keywords by kind of figure (money, percent, count) with a priority.
- ``number_words.csv``: numbers in words ("two", "a dozen", "one and a half").
- ``attribution.csv``: speech verbs (and Russian ones after a quotation), interview markers, pronouns, demonyms and roles.
- ``actors.csv`` (shared with the timeline): the people a speaker can be, and the companies (with
  their country) that supply exports.
- ``places.csv``: countries and regions (with their members) a figure is about, world cues, and
  the words by which an article means its outlet's own country.
- ``political_parties.csv``: the parties whose shares of the votes are compared party by party ("United Russia
  (49.82%)": ``vote_share (United Russia)``), in English and Russian, with their country.
- ``measures.csv``: physical units, durations, ages and yields, checked by pint.
- ``period_cues.csv``, ``flow_cues.csv``, ``commodity_cues.csv``, ``crop_cues.csv`` (read as bundled): comparison
  bases, forecasts and relative periods; the direction of a flow of people; the goods a trade
  figure is for.

Example:
    >>> from kzru_lib.figures import find_figures
    >>> find_figures("Trade reached nearly $30 billion in 2024.")[["surface", "value", "qualifier", "period"]]
                  surface         value qualifier period
    0  nearly $30 billion  3.000000e+10    nearly   2024
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import functools
import itertools
import math
import re
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pandas as pd

from .cleaning import DATA_ITEM, LIST_MARK, TABLE_RULE
from .dates import RU_MONTH_PARTS
from .errors import KzruError
from .loading import MONTHS
from .parallel import default_workers, map_batches, scheduler_address

__all__ = [
    "FIGURE_COLUMNS",
    "COMPARE_COLUMNS",
    "figure_rules",
    "find_figures",
    "extract_figures",
    "figure_claims",
    "compare_family",
    "compare_figures",
    "figure_disagreements",
    "DISAGREEMENT_COLUMNS",
]

#: Columns of the figures table, in order (see :func:`find_figures`).
FIGURE_COLUMNS = [
    "doc_id", "line_no", "sent_no", "start", "end", "surface", "value", "unit", "kind",
    "qualifier", "low", "high", "metric", "noun", "period", "period_surface", "speaker",
    "speaker_basis", "sentence", "base_value", "base_unit", "parties", "parties_basis",
]
#: Columns of the comparison table (see :func:`compare_figures`).
COMPARE_COLUMNS = [
    "metric", "parties", "period", "unit", "n_claims", "n_sources", "min_value", "max_value", "values",
    "sources", "speakers", "targets", "n_conflicts", "disagreement", "why",
]

def _led(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with the same matches, faster to search: behind a lookahead on the characters a
    match can begin with. Python's ``re`` tries every alternative at every position (with
    IGNORECASE, even those whose first letter is not there); the lookahead turns most positions
    away at once. The characters are read from the parsed pattern (zero-width parts skipped, so
    the class may be larger than needed, never smaller); ``pattern`` itself is returned when they
    cannot be told (a pattern that can match nothing, a negated class, ``.``, flags turned on locally) or
    would be nearly any character (``\\w``)."""
    try:
        from re import _constants as c
        from re import _parser
    except ImportError:  # pragma: no cover - private modules of CPython's re
        return pattern
    items: set[str] = set()

    def first(seq) -> bool:  # adds the characters ``seq`` can begin with; True when it can match nothing
        for op, av in seq:
            if op is c.LITERAL:
                items.add(re.escape(chr(av)))
                return False
            if op is c.IN:
                for o, a in av:
                    if o is c.LITERAL:
                        items.add(re.escape(chr(a)))
                    elif o is c.RANGE:
                        items.add(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
                    elif o is c.CATEGORY and a in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE):
                        items.add(r"\d" if a is c.CATEGORY_DIGIT else r"\s")
                    else:
                        raise ValueError("a negated class or a wide category")
                return False
            if op is c.BRANCH:
                empty = False
                for alt in av[1]:
                    empty = first(alt) or empty
                if not empty:
                    return False
            elif op is c.SUBPATTERN:
                if av[1]:  # flags turned on ("(?i:...)"); turned off, the class is only larger: "(?-i:may)"
                    raise ValueError("local flags")
                if not first(av[3]):
                    return False
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                if not first(av[2]) and av[0] > 0:
                    return False
            elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
                raise ValueError(f"{op} first")
        return True

    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if tree.data and tree.data[0] in ((c.AT, c.AT_BEGINNING), (c.AT, c.AT_BEGINNING_STRING)):
            return pattern  # "^...": tried at the start only, already fast
        if first(tree) or not items:
            return pattern
        return re.compile(f"(?=[{''.join(sorted(items))}])(?:{pattern.pattern})", pattern.flags)
    except (ValueError, re.error, TypeError):
        return pattern


_DATA = Path(__file__).parent / "data"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_BEFORE = _led(re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I))
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.I)
#: (A thousand split by a tokeniser, "80, 000 spectators", is one number: no list has an item "000".)
_NUM = r"[1-9]/(?:[2-9]|1[0-6])(?![\d/])|[½¼¾⅓⅔⅛]|\d{1,3}(?:, 000)+(?![\d.,]?\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d{1,2})?(?![\d.,]?\d)|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
#: A letter of any script (the end of a unit or scale word must not run on into one).
_LETTER = r"[^\W\d_]"
#: The currency a subunit is a hundredth of.
_SUBUNIT_OF = {"cent": "USD", "penny": "GBP", "kopeck": "RUB", "tiyn": "KZT"}
_UNITS_WORDS = ("one two three four five six seven eight nine".split(), [1, 2, 3, 4, 5, 6, 7, 8, 9])
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10), strict=True))
#: Words that end a counted noun phrase ("93 projects HAVE been ...").
_STOP = frozenset(
    "a an the of in on at to from with by for and or but as is are was were be been being has have "
    "had will would can could may might should must that which who whom whose this these those it "
    "its their our his her they we he she than then so such per into over under about across between "
    "through during since until each every all both".split()
)
#: Russian words that end a counted noun phrase or never are its noun (prepositions, conjunctions).
_RU_STOP = frozenset("в во на с со по из до от за к ко у о об и а но или что как при для под над без "
                     "через около более менее свыше почти из-за г г. гг года году год лет".split())
#: Arabic words that end a counted noun phrase (prepositions, conjunctions: "10 في المئة").
_AR_STOP = frozenset("في من إلى الى على عن مع و أو او حتى منذ بين عند قبل بعد خلال".split())
#: Before a number word, words that make it name a known group ("the two countries", "their two
#: sides"); a person's possessive does not ("his three brothers" counts three).
_DETERMINERS = _led(re.compile(r"\b(?:the|these|those|both|its|their|our|whose|of)\s*$", re.I))
_CLAUSE = _led(re.compile(r";|,\s+(?:and|but|while|whereas|with|so|thus|hence|therefore)\b|\s+(?:while|whereas)\s+"
                     r"|,\s+(?:а|и|но|то(?!\s+есть)|однако|тогда\s+как|в\s+то\s+время\s+как|исходя\s+из|из\s+чего|поэтому|так\s+что"
                     r"|следовательно)(?![^\W\d_])"
                     # a comma, then a date that opens the next clause ("$84 billion, this year we also have good
                     # growth"; "в 2021 году $5 млрд, в 2022 году – $6 млрд"), not a day's year ("May 5, 2022")
                     r"|(?<![\d\s]),\s+(?=(?i:(?:(?:in|by|for|during)\s+)?(?:(?:this|last|next|the\s+previous|the\s+current)\s+"
                     r"year\b|(?:19|20)\d\d\b)|(?:(?:в|во|за|по\s+итогам)\s+)?(?:(?:этом|прошлом|текущем)\s+году|(?:19|20)\d\d\s+г)"
                     # ... or "this [year]" said once more, its noun left out ("В прошлом году товарооборот прибавил 13%,
                     # в этом за первые три квартала еще плюс 8")
                     r"|в\s+этом(?=\s+(?:за|по\s+итогам|уже|пока|же|[—–-])\s)))"))
#: How far after a money/percent figure (characters) a metric keyword may stand ("$5bn in trade").
_AFTER_WINDOW = 40
#: What ends a figure's item in a list: a keyword after it is the next figure's ("$26.3 billion in 2023,
#: exports $9 billion"; "26,3 млрд долларов, экспорт — 9 млрд"); a decimal comma has no space after it.
_ITEM_BREAK = re.compile(r",\s|;|\s[—–-]\s")
#: How far after a figure (characters) a goal year may start to be its period ("$30 billion by 2030").
_TARGET_WINDOW = 25
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")  # a number that may be a year (1800-2099)
_PREP_YEAR = _led(re.compile(r"\b(?:in|by|since|from|to|until|till|of|for|during|between|and|or|before|after)\s*$", re.I))


# --------------------------------------------------------------------------------------------
# Rule tables
# --------------------------------------------------------------------------------------------


def _compound_number_words(words: dict) -> dict:
    """ "forty-five", "twenty one": every tens word joined to a units word."""
    out = {}
    for tens, tv in _TENS.items():
        for unit, uv in zip(*_UNITS_WORDS, strict=True):
            out[f"{tens}-{unit}"] = out[f"{tens} {unit}"] = float(tv + uv)
    return {k: v for k, v in out.items() if k not in words}


_ISO_CACHE: dict = {}


def _iso_currencies() -> dict[str, list[str]]:
    """ISO 4217 codes (from pycountry) -> their names in lower case, singular and plural
    ("canadian dollar", "canadian dollars"). Funds, metals and test codes (X..) are left out."""
    if not _ISO_CACHE:
        import pycountry

        for c in pycountry.currencies:
            if c.alpha_3.startswith("X") or "(" in c.name or "unidad" in c.name.lower():
                continue
            name = c.name.lower()
            _ISO_CACHE[c.alpha_3] = [name, name + "s"] if name[-1].isalpha() and len(name) > 3 else [name]
    return _ISO_CACHE


_PINT: dict = {}
#: Units news use that pint does not know: a container port's or train's twenty-foot equivalent units ("865,000 TEU").
_PINT_DEFINITIONS = ("TEU = [twenty_foot_equivalent_unit]",)


def _pint_base(expr: str, unit: str) -> tuple[float, str]:
    """(factor, base unit) of a measures.csv ``pint`` expression, checked with pint.

    Offset scales (degrees Celsius, Fahrenheit) keep their own unit (factor 1): a difference
    of temperatures is not a multiple of kelvins.
    """
    if "reg" not in _PINT:
        import pint

        _PINT["reg"] = pint.UnitRegistry()
        for definition in _PINT_DEFINITIONS:
            _PINT["reg"].define(definition)
    reg = _PINT["reg"]
    try:
        q = reg(expr)
        if not hasattr(q, "units"):
            raise ValueError("a number, not a unit")
    except Exception as exc:  # pint raises several error types for a bad unit
        raise KzruError(f"measures table: unit {unit!r} has a pint expression {expr!r} pint cannot read ({exc})") from exc
    if not q._is_multiplicative:
        return 1.0, unit
    b = q.to_base_units()
    return float(b.magnitude), f"{b.units:~}".replace(" ", "")


class _LazyBase(dict):
    """``unit -> (factor, base unit)``, where the measures' entries are worked out with pint only
    when a unit is first looked up: a corpus with no physical unit never imports pint (its import
    and registry take about a second). ``in`` needs no pint; a bad ``pint`` expression raises
    :class:`KzruError` (naming the measures table) on first use of its unit."""

    def __init__(self):
        super().__init__()
        self.pending: dict[str, tuple[str, str]] = {}

    def defer(self, unit: str, expr: str, label: str) -> None:
        dict.pop(self, unit, None)
        self.pending[unit] = (expr, label)

    def __contains__(self, unit) -> bool:
        return dict.__contains__(self, unit) or unit in self.pending

    def __getitem__(self, unit):
        if not dict.__contains__(self, unit) and unit in self.pending:
            dict.__setitem__(self, unit, _pint_base(*self.pending.pop(unit)))
        return dict.__getitem__(self, unit)

    def get(self, unit, default=None):
        if dict.__contains__(self, unit):
            return dict.__getitem__(self, unit)
        return self[unit] if unit in self.pending else default

    def __reduce__(self):  # pickles (to worker processes) with what is still pending
        return (_restore_base, (dict(self), dict(self.pending)))


def _restore_base(done: dict, pending: dict) -> _LazyBase:
    b = _LazyBase()
    dict.update(b, done)
    b.pending.update(pending)
    return b


_PLACE_WORD = re.compile(r"[^\W\d_]+(?:[-.'’][^\W\d_]+)*\.?")


@dataclass(frozen=True)
class _Places:
    """The places gazetteer as lookups by word: exact words (any case; all-capital aliases as
    written), word beginnings (``*`` aliases), and several-word aliases; the last two indexed by
    their first four letters. ``proper``: the words and word beginnings (by first four letters) of
    the countries added from ISO 3166, found only as a capitalised word ("Того" is Togo, "того" is
    a pronoun)."""

    words: dict
    upper: dict
    stems: dict
    multi: dict
    keys: frozenset
    proper: tuple = ({}, {})

    def finditer(self, text: str):
        """(start, name) of every place or world cue named in ``text``, in order."""
        pos = 0
        words, upper, stems, multi, keys = self.words, self.upper, self.stems, self.multi, self.keys
        for m in _PLACE_WORD.finditer(text):
            s = m.start()
            if s < pos:
                continue
            w = whole = m.group(0)
            if w[-1] == ".":
                w = w[:-1]
            low = w.lower().replace("’", "'")  # "world’s" as "world's"
            if low.startswith("non-") and len(w) > 4:
                # "non-CIS arrivals" are not the CIS's: the complement is a party of its own
                inner = next(self.finditer(w[4:]), None)
                if inner is not None and inner[1] != "world":
                    yield s, "non-" + inner[1]
                continue
            key = low[:4]
            # the other two spellings differ from ``key`` only for a word ending in s or an
            # apostrophe, or a short word with a full stop
            if key not in keys and (low[-1] not in "'’s" or low.rstrip("'’s")[:4] not in keys) and (
                    w is whole or len(w) >= 4 or whole.lower()[:4] not in keys):
                continue
            hit = None
            for cand, name in multi.get(key, ()):
                mm = cand.match(text, s)
                if mm:
                    hit, pos = name, mm.end()
                    break
            if hit is None:
                hit = upper.get(w) or upper.get(m.group(0)) or words.get(low)
                if hit is None and w.count("-") == 1:
                    # "Kazakhstan-Russia trade", "Kazakh-Russian relations", "российско-казахстанские", "China-Central
                    # Asia": two places joined, each where it stands (not a word beginning of the whole); one place and
                    # a word ("London-based", "Japanese-made") is read as before, and so is a route of three places or
                    # more ("the Turkmenistan-Uzbekistan-Tajikistan-Kyrgyzstan-China route", "Baku-Tbilisi-Ceyhan")
                    sub = w.replace("-", " ")
                    joined = []
                    for at, name in self.finditer(sub + text[s + len(w):s + len(w) + 40]):
                        if at >= len(sub):
                            break
                        joined.append((s + at, name))
                    if len(joined) >= 2:
                        yield from joined
                        continue
                if hit is None and low[-2:] in ("'s", "’s"):
                    hit = words.get(low[:-2]) or upper.get(w[:-2])  # "Russia's", "the EAEU's"
                if hit is None:
                    for stem, name in stems.get(key, ()):
                        if low.startswith(stem):
                            hit = name
                            break
                if hit is None and w[0].isupper():
                    hit = self.proper[0].get(low[:-2] if low.endswith("'s") else low)
                    for stem, name in self.proper[1].get(key, ()) if hit is None else ():
                        if low.startswith(stem):
                            hit = name
                            break
            if hit:
                yield s, hit


def _word_key(alias: str) -> str:
    """The key :meth:`_Places.finditer` looks a name of several words up by: its first word's first four letters, as
    that method reads the word ("New Delhi": ``new``, "St. Petersburg": ``st``)."""
    m = _PLACE_WORD.search(alias)
    w = m.group(0) if m else alias
    return (w[:-1] if w.endswith(".") else w).lower().replace("’", "'")[:4]


def _alias_lookups(rows, name_of) -> tuple[dict, dict, dict, dict]:
    """``(words, upper, stems, multi)`` of :class:`_Places` for the ``aliases`` of ``rows`` (places table rows), each
    alias standing for ``name_of(row)``."""
    words, upper, stems, multi = {}, {}, {}, {}
    for r in rows:
        name = name_of(r)
        for a in (x.strip() for x in r.aliases.split("|")):
            if not a:
                continue
            stem = a.endswith("*")
            body = a.rstrip("*")
            if " " in body:
                rx = re.escape(body).replace(r"\ ", r"\s+").replace(r"\*", r"\w*")
                rx += r"\w*" if stem else rf"(?!{_LETTER})"
                flags = 0 if body.isupper() else re.I
                multi.setdefault(_word_key(body), []).append((re.compile(rx, flags), name))
            elif stem:
                stems.setdefault(body.lower()[:4], []).append((body.lower(), name))
            elif body.isupper() and len(body) <= 4:
                upper.setdefault(body, name)
            else:
                words.setdefault(body.lower(), name)
    for v in multi.values():
        v.sort(key=lambda x: -len(x[0].pattern))
    for v in stems.values():
        v.sort(key=lambda x: -len(x[0]))
    return words, upper, stems, multi


def _compile_places(table: pd.DataFrame) -> dict:
    """The places table as word lookups (:class:`_Places`); ``world`` rows are world cues; ``locality`` rows (a region
    or a city inside a country) a lookup of their own, each alias standing for its country (``members``)."""
    kinds = table["kind"].str.strip().str.lower()
    home = table[kinds == "home"]
    localities = table[kinds == "locality"]
    capitals = table[kinds == "capital"]
    table = table[~kinds.isin(["home", "locality", "capital"])]
    kinds = kinds[table.index]
    countries = table[kinds == "country"]
    codes = _country_codes(countries)
    proper: tuple[dict, dict] = ({}, {})
    multi: dict = {}  # (the ISO names' several words first, then the table's, longest first)
    for r in _iso_countries(set(codes)).itertuples():
        for a in r.aliases.split("|"):
            if " " in a or "'" in a:  # several words ("Republic of Peru"), "Côte d'Ivoire": found as written
                multi.setdefault(_word_key(a), []).append((re.compile(re.escape(a).replace(r"\ ", r"\s+")
                                                                       + rf"(?!{_LETTER})"), r.name))
            elif a.endswith("*"):
                proper[1].setdefault(a.lower()[:4], []).append((a[:-1].lower(), r.name))
            else:
                proper[0].setdefault(a.lower(), r.name)
    words, upper, stems, listed = _alias_lookups(
        table.itertuples(), lambda r: "world" if r.kind.strip().lower() == "world" else r.name.strip())
    for k, v in listed.items():
        multi.setdefault(k, []).extend(v)
    for v in multi.values():
        v.sort(key=lambda x: -len(x[0].pattern))
    keys = frozenset(k.lower()[:4] for d in (words, upper, stems, multi, *proper) for k in d)
    local = _alias_lookups(localities.itertuples(), lambda r: str(getattr(r, "members", "") or "").strip())
    towns = _alias_lookups([*localities.itertuples(), *capitals.itertuples()], lambda r: r.name.strip())
    cues = [rf"(?<!{_LETTER}){_phrase_re(a.strip())}" for aliases in home["aliases"] for a in aliases.split("|")
            if a.strip()]
    members = {r.name.strip(): frozenset(m.strip() for m in r.members.split("|") if m.strip())
               for r in table.itertuples() if getattr(r, "members", "").strip()}
    return {"places": _Places(words, upper, stems, multi, keys, proper), "place_names": {}, "members": members,
            "home_cue": _led(re.compile("|".join(cues), re.I)) if cues else None,
            "countries": frozenset(countries["name"].str.strip()),
            "routes": frozenset(table.loc[kinds == "route", "name"].str.strip()),
            "areas": frozenset(table.loc[kinds == "area", "name"].str.strip()),
            "country_codes": codes,
            "localities": _places_of(local),
            "towns": _places_of(towns)}


def _places_of(lookups: tuple[dict, dict, dict, dict]) -> _Places:
    """A :class:`_Places` of the ``(words, upper, stems, multi)`` of :func:`_alias_lookups`."""
    return _Places(*lookups, frozenset(k.lower()[:4] for d in lookups for k in d))


#: Country names of ISO 3166 that are also common words or people's names in the news: not places.
_NOT_PLACES = frozenset({"Chad", "Jordan", "Jersey", "Guernsey", "Guinea", "Niger", "Turkey", "Georgia", "Того"})
_RU_ENDING = re.compile(r"(?:ия|а|я|ы|и)$")
#: The end of a Russian country name that is not declined (a vowel before its final -а: "Самоа", "Никарагуа").
_RU_INDECLINABLE = re.compile(r"[аеёиоуэюя]а$")


def _iso_countries(covered: set[str]) -> pd.DataFrame:
    """``country`` rows for the countries of ISO 3166 (pycountry) the places table does not name
    (``covered``: their alpha-2 codes), so that a producer, a supplier or a partner outside the
    region is a place too ("Canada ranked second", "Намибия"): the English short, common and
    official names (a possessive, "Canada's", is found as the name), and the Russian name of pycountry's own translation with its
    case endings ("Канад*" for Канада, Канады, Канаде). Adjectives ("Canadian") are not added;
    names that are everyday words or given names (:data:`_NOT_PLACES`) are left out."""
    import gettext

    import pycountry

    try:
        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"]).gettext
    except OSError:  # a pycountry without its translations: English names only
        ru = None
    rows = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if c.alpha_2 in covered or name in _NOT_PLACES or "," in name:
            continue
        aliases = {name, c.name, getattr(c, "official_name", name)}
        ru_name = ru(c.name) if ru else c.name
        if ru_name != c.name and "," not in ru_name and ru_name not in _NOT_PLACES:
            # (a name that ends in a vowel and -а is not declined: "Самоа" is no stem "Само*", which "Самолёт" and
            # "Самое главное" would match)
            one_word = " " not in ru_name and len(ru_name) >= 5 and not _RU_INDECLINABLE.search(ru_name)
            aliases.add(_RU_ENDING.sub("", ru_name) + "*" if one_word else ru_name)
        rows.append({"name": name, "kind": "country", "aliases": "|".join(sorted(a for a in aliases if "," not in a)),
                     "members": "", "note": "ISO 3166 (pycountry)"})
    return pd.DataFrame(rows, columns=["name", "kind", "aliases", "members", "note"])


def _country_codes(countries: pd.DataFrame) -> dict[str, str]:
    """ISO 3166 alpha-2 code (from pycountry) -> the name of a ``country`` row of the places table,
    found by its name or one of its aliases ("Russian Federation")."""
    import pycountry

    out: dict[str, str] = {}
    for r in countries.itertuples():
        for a in [r.name, *r.aliases.split("|")]:
            a = a.strip()
            if not a or a.endswith("*"):
                continue
            try:
                out.setdefault(pycountry.countries.lookup(a).alpha_2, r.name.strip())
                break
            except LookupError:
                continue
    return out


def outlet_country(url: str | None, rules: FigureRules) -> str | None:
    """The country of an outlet's web host, from its country-code domain (``inform.kz`` ->
    Kazakhstan; ``.uk`` is GB), when that country is a ``country`` row of the places table;
    ``None`` for a generic domain (``.com``) or no URL."""
    if not isinstance(url, str) or not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].upper()
    if len(tld) != 2 or not tld.isalpha():
        return None
    return rules.country_codes.get("GB" if tld == "UK" else tld)


#: Places of the sentences seen last, for the gazetteer they were found with (bounded; a
#: sentence repeated across articles is read once).
_PLACES_CACHE: dict = {"places": None, "map": {}}


#: A country that is no party to a figure: in a currency named after it ("долларов США", "US dollars",
#: "U.S. $", "американских долларов"), or in the name of the survey agency that is the figures' source
#: ("the U.S. Geological Survey", "Геологическая служба США", "the US Energy Information Administration",
#: "the US Department of Agriculture", "Минсельхоз США"), or where a time in brackets is told ("(9.40 pm in Poland)").
_NONPARTY_COUNTRY = _led(re.compile(
    r"(?:\b(?:доллар\w*|долл\.?|dollars?)\s+(?:США|U\.\s?S\.(?:\s?A\.)?|USA?)(?!\w))"
    r"|(?:(?<!\w)(?:US|U\.\s?S\.)\s?(?:\$|dollars?\b))"
    r"|(?:\bамериканск\w*\s+(?:доллар\w*|валют\w*))"
    r"|(?:(?<!\w)(?:U\.\s?S\.|US|United\s+States)\s+(?:Geological\s+Survey|Energy\s+Information\s+Administration"
    r"|Department\s+of\s+Agriculture)\b)"
    r"|(?:\b(?:Геологическ\w*\s+служб\w*|Управлени\w*\s+энергетической\s+информации|Министерств\w*\s+сельского\s+хозяйства"
    r"|Минсельхоз\w*)\s+США(?!\w))"
    # a pipeline named after a country it crosses ("TurkStream" in other words): the route, not a party
    r"|(?:\b(?:Turkish|Turk)\s+Stream\b)|(?:(?<!\w)турецк\w*\s+(?:поток\w*|коридор\w*))"
    # the time somewhere else, in brackets: a time zone ("As of around 10.40 pm (9.40 pm in Poland), ...")
    r"|(?:\(\s*\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:local\s+time\s+)?(?:in|по)\s+[^()\d]{1,40}\))", re.IGNORECASE))


#: An airline, named after a country or not ("An Azerbaijan Airlines flight ... crashed in western Kazakhstan"), and a
#: plane by its country ("after an Azerbaijani airliner crashed ... near the Kazakhstan city of Aktau"): a company or
#: its aircraft, no party.
_AIRLINE = re.compile(r"(?<!\w)[A-Z][\w-]*\s+(?:Airlines|Airways|Air\s+Lines)\b"
                      r"|\b(?:[Aa]n?|[Tt]he)\s+[A-Z][\w-]*\s+(?:passenger\s+)?(?:airliner|jet|plane|aircraft)\b")


#: Two countries described by their region ("the two Central Asian nations", "обеими центральноазиатскими странами"):
#: the two, named before or the article's, not the region (its words are blanked as :data:`_NONPARTY_COUNTRY`'s).
_TWO_OF_A_REGION = _led(re.compile(
    r"(?:\b(?:two|both)|(?<![^\W\d_])(?:двумя|двух|две|обеими|обеих|обоими|обоих|обе|оба))\s+(?P<region>[^\W\d_][\w-]*"
    r"(?:\s+[^\W\d_][\w-]*)?)\s+(?:nations|countries|states|republics|neighbou?rs|стран\w*|государств\w*|республик\w*"
    r"|сосед\w*)(?![^\W\d_])", re.I))


def _without_nonparty_countries(text: str) -> str:
    """``text`` with the countries of :data:`_NONPARTY_COUNTRY` and the airlines of :data:`_AIRLINE` blanked (offsets
    kept), and the region that describes two countries (:data:`_TWO_OF_A_REGION`)."""
    if _NONPARTY_COUNTRY.search(text):
        text = _NONPARTY_COUNTRY.sub(lambda m: " " * len(m.group()), text)
    if ("Air" in text or "plane" in text or "liner" in text or "jet" in text or "craft" in text) and _AIRLINE.search(text):
        text = _AIRLINE.sub(lambda m: " " * len(m.group()), text)
    if _TWO_OF_A_REGION.search(text):
        text = _TWO_OF_A_REGION.sub(lambda m: m.group()[:m.start("region") - m.start()] + " " * len(m.group("region"))
                                    + m.group()[m.end("region") - m.start():], text)
    return text


#: Right before a place named as people's nationality: "citizens of", "nationals of", "граждане", "гражданами".
_NATIONALS_BEFORE = _led(re.compile(r"(?:\b(?:citizens|nationals)\s+of|(?<![^\W\d_])(?:граждан|подданн)\w*)\s+(?:the\s+)?$", re.I))
#: Right after a place named as people's nationality: "Uzbek citizens", "Kazakhstani nationals".
_NATIONALS_AFTER = re.compile(r"\s+(?:citizens|nationals|граждан\w*)\b", re.I)
#: A place's name as its people: "узбекистанцы", "казахстанцев", "россияне", "россиян".
_DEMONYM_FORM = re.compile(r"станц\w*$|ян(?:е|ам|ами|ах)?$")


def _nationals_only(sentence: str, name: str, rules: FigureRules) -> bool:
    """Whether ``sentence`` names the place ``name`` only as people's nationality ("граждане Узбекистана",
    "citizens of Uzbekistan", "Uzbek citizens", "узбекистанцы", "Uzbeks"): where they come from, not where they
    went."""
    text = _without_nonparty_countries(sentence)
    found = False
    for s, n in rules.places.finditer(text):
        if n != name:
            continue
        found = True
        if not _as_nationals(text, s, name, rules):
            return False
    return found


def _as_nationals(text: str, s: int, name: str, rules: FigureRules) -> bool:
    """Whether the place ``name`` named at ``s`` in ``text`` is named as people's nationality ("граждане
    Узбекистана", "citizens of Uzbekistan", "Uzbek citizens", "узбекистанцы", "Uzbeks")."""
    word = _PLACE_WORD.match(text, s)
    low = word.group(0).lower().rstrip(".") if word else ""
    return bool(_NATIONALS_BEFORE.search(text, max(0, s - 30), s) or (word and _NATIONALS_AFTER.match(text, word.end()))
                or _DEMONYM_FORM.search(low) or (low.endswith("s") and rules.places.words.get(low[:-1]) == name))


#: Between a count of people and their nationality: a few words ("200 тыс. граждан России", "200,000 citizens of
#: the Russian Federation", "200 тысяч россиян"), no clause break.
_TO_NATIONALS = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+){0,3}\s+|\s*")


def _arrivals_from(sentence: str, e0: int, pair: list[str], rules: FigureRules) -> str:
    """The other side of ``pair`` when the people a figure counts, right after it, are nationals of one side ("в
    страну въехали около 200 тысяч граждан России", "over 200,000 citizens of the Russian Federation entered the
    country"): arrivals of one side's nationals, where the clause names no place they came to, came to the other."""
    text = _without_nonparty_countries(sentence[e0:e0 + 80])
    first = next(iter(rules.places.finditer(text)), None)  # (the first place named after the figure)
    if first and first[0] <= _TO_NATIONALS.match(text).end() and first[1] in pair and _as_nationals(text, *first, rules):
        return pair[1 - pair.index(first[1])]
    return ""


def _places_in(text: str, rules: FigureRules) -> tuple[list[str], bool]:
    """The places named in a text, in order of first mention, and whether a world cue is there
    (the list is shared by the repeats of ``text``: callers do not change it)."""
    cache = _PLACES_CACHE
    if cache["places"] is not rules.places:
        cache["places"], cache["map"] = rules.places, {}
    hit = cache["map"].get(text)
    if hit is not None:
        return hit
    seen, world = [], False
    for _pos, name in rules.places.finditer(_without_nonparty_countries(text)):
        if name == "world":
            world = True
        elif name not in seen:
            seen.append(name)
    if len(cache["map"]) >= _TOKEN_CACHE_SIZE:
        cache["map"].clear()
    cache["map"][text] = (seen, world)
    return seen, world


#: Words that make a sentence about trade inside a bloc ("mutual trade", "взаимная торговля", "intra-regional").
_INTRA_WORD = _led(re.compile(r"\b(?:mutual|intra-?\w+)|(?<![^\W\d_])(?:взаимн\w*|внутрирегиональн\w*)", re.I))
#: Right after a bloc's name: "EAEU mutual trade", "ЕАЭС взаимная торговля".
_INTRA_AFTER = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+(?!(?:and|or|of|with|и|или)\b)[\w.'’-]+){0,2}?\s+(?:mutual|intra-?\w+|взаимн\w*)"
                          r"\s+(?:trade|торгов)",
                          re.I)
#: Right before a bloc's name: "within the EAEU", "в рамках ЕАЭС", "внутри ЕАЭС", "trade turnover in the EAEU".
_INTRA_BEFORE = _led(re.compile(r"(?:\b(?:within|inside)|\b(?:trade|turnover)\s+(?:in|within)|(?<![^\W\d_])(?:в\s+рамках|внутри"
                           r"|между\s+(?:странами|государствами)(?:[\s-]+(?:членами|участниками|участницами))?))\s+(?:the\s+)?$",
                           re.I))
#: "between / among the EAEU member states": the bloc's name, then its members.
_AMONG_BEFORE = re.compile(r"\b(?:between|among|amongst)\s+(?:the\s+)?$", re.I)
#: The members of a bloc the sentence does not name: "between the member states", "государств-членов".
_THE_MEMBERS = _led(re.compile(r"\bmember\s+(?:states|countries|nations)\b|(?<![^\W\d_])(?:государств|стран)\w*[\s-]+(?:член|участни)\w*",
                               re.I))
_MEMBERS_AFTER = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+(?!(?:and|or|with)\b)[\w.'’-]+){0,2}?\s+(?:member\s+(?:states|countries|nations)"
                            r"|members|countries|nations)\b(?!\s+(?:and|with|и|с)\b)", re.I)


def _intra_bloc(sentence: str, rules: FigureRules) -> str | None:
    """The bloc a sentence gives the trade inside of ("Mutual trade between the EAEU member states
    increased by 87%", "товарооборот в рамках ЕАЭС увеличился на 15%"): a region of the gazetteer
    with members, after a word of trade, and named with "mutual" / "взаимн..." just before or after
    it (no other place between: "mutual trade" of two countries is theirs), or right after "within",
    "в рамках", "внутри", "trade in the", or as "between / among the <bloc> member states". Its
    figures' parties are the bloc alone, not the members or others the sentence names. None if not."""
    found = list(rules.places.finditer(_without_nonparty_countries(sentence)))
    for j, (pos, name) in enumerate(found):
        if name not in rules.members:
            continue
        start = max(0, pos - 40, found[j - 1][0] + 1 if j else 0)  # "mutual" of this bloc, no other place between
        before = sentence[start:pos]
        if not _TRADE_WORD.search(before) and not _INTRA_AFTER.match(sentence, pos):
            continue  # "cooperation within the EAEU": not trade inside it
        if _INTRA_WORD.search(before) or _INTRA_AFTER.match(sentence, pos) or _INTRA_BEFORE.search(before) or (
                _AMONG_BEFORE.search(before) and _MEMBERS_AFTER.match(sentence, pos)):
            return name
    return None


#: A word of trade ("trade", "turnover", "товарооборот", "внешнеторговый").
_TRADE_WORD = re.compile(r"\b(?:trade|turnover)|(?<![^\W\d_])(?:товарооборот|торгов|внешнеторгов|товарообмен)", re.I)


def _pair(names) -> str:
    return "–".join(sorted(names))


def _parties_of(places: list[str], world: bool, doc_pair: list[str], members: dict | None = None) -> tuple[str, bool]:
    """(parties, whether the document's pair completed a lone place).

    With ``members`` (region -> member countries), in an article whose pair is a region and a
    partner (Central Asia, China), a member of the region alone ("Uzbekistan ($13.7 bn)"), or
    beside its region ("46 % of China's trade with Central Asia went to Kazakhstan"), is paired
    with the partner (China–Uzbekistan, China–Kazakhstan)."""
    if len(places) >= 2:
        if members and len(places) == 2 and (partner := _partner(places, doc_pair, members)):
            return partner, True
        if members and (group := _members_together(places, doc_pair, members)):
            return group
        return _pair(places[:2]), False
    if places and world:
        return f"{places[0]}–world", False
    if places and len(doc_pair) == 2 and places[0] in doc_pair:
        return _pair(doc_pair), True
    if places and members and (partner := _partner(places, doc_pair, members)):
        return partner, True
    return (places[0] if places else ""), False


#: Right before a list of two places, a word that makes them one side of a flow ("gas to Kazakhstan and
#: Uzbekistan"), not the two sides of a pair ("trade between Kazakhstan and Uzbekistan").
_TO_LIST = re.compile(r"(?:\b(?:to|into|from)|(?<![^\W\d_])(?:в|во|из))\s+(?:the\s+)?$", re.I)


def _place_group(sentence: str, rules, skip: tuple[tuple[int, int], ...] = ()) -> str:
    """Parties of a figure about a list of places as one side ("Поставки российского газа в Казахстан,
    Киргизию и Узбекистан выросли на 20%": Kazakhstan+Kyrgyzstan+Uzbekistan–Russia): a run of three
    places or more joined by commas and "and" (or of two after "to" / "from"), and the one place the
    sentence names in the run's clause (none: the run alone; the article's other places are not
    guessed at: "Gazprom's exports to Kazakhstan, Uzbekistan and Kyrgyzstan" in an article naming
    China). "" when there is no such run, or several places outside it. ``skip``: spans of the
    sentence whose places are not counted (other items of a list)."""
    found = [(pos, name) for pos, name in rules.places.finditer(_without_nonparty_countries(sentence))
             if name != "world" and not any(a <= pos < b for a, b in skip)]
    runs, run = [], found[:1]
    for p, q in zip(found, found[1:], strict=False):
        if _PLACE_LIST.fullmatch(sentence, p[0], q[0]):
            run.append(q)
        else:
            runs.append(run)
            run = [q]
    runs.append(run)
    groups = [r for r in runs if len({n for _, n in r}) >= 3
              or (len({n for _, n in r}) == 2 and _TO_LIST.search(sentence, max(0, r[0][0] - 12), r[0][0]))]
    if len(groups) != 1:
        return ""
    names = sorted({n for _, n in groups[0]})
    if len(regioned := _regions_named(names, rules.members)) == 2 and regioned != names:
        return _pair(regioned)  # "among China, Uzbekistan, Turkmenistan, Kazakhstan, Tajikistan, and Kyrgyzstan"
    # the other side is named in the list's clause ("..., а объемы, отправляемые в Грузию, выросли на 40,4%" is
    # another figure's); a region the listed places are members of is the list itself ("потребителям
    # Центральной Азии - Казахстану, Узбекистану, Киргизии"), not the other side
    a, b = _clause_of(_clauses(sentence), groups[0][0][0])
    outside = {n for pos, n in found if a <= pos < b and n not in names and not set(names) <= rules.members.get(n, set())}
    if len(outside) > 1:
        return ""
    return _pair(["+".join(names), *outside])


#: An aside that ranks the place before it within a larger one ("Kazakhstan, the largest economy in Central Asia, saw
#: its GDP rise", "Казахстан, крупнейшая экономика Центральной Азии, ..."): the larger place is no party of the figure.
_RANKED_IN = re.compile(r",\s+(?:(?:the|its)\s+(?:[\w-]+\s+)?(?:largest|biggest|smallest|richest|poorest|leading|main|top)"
                        r"|(?:крупнейш|ведущ|богатейш|беднейш)\w*)\s+[^,;()\d]{2,60}?,", re.I)


def _without_ranked(text: str) -> str:
    """``text`` with its asides that rank a place within another (:data:`_RANKED_IN`) blanked, offsets kept."""
    return _RANKED_IN.sub(lambda m: "," + " " * (len(m.group()) - 1), text) if "," in text else text


def _sentence_places(i: int, sents: list, cache: dict, rules) -> tuple[list[str], bool]:
    """The places sentence ``i`` names and its world cue (:func:`_places_in` of its words before an attribution,
    :func:`_quoted_part`, not in an aside that ranks a place within another, :data:`_RANKED_IN`), read once a
    sentence and kept in ``cache``."""
    if i not in cache:
        cache[i] = _places_in(_without_ranked(_quoted_part(sents[i][4], rules)), rules)
    return cache[i]


def _group_source(k: int, sents: list, cache: dict, group: str, rules) -> str:
    """The other side of a list of places a sentence names alone (:func:`_place_group`), named by the nearest sentence
    before it in its paragraph that names places: its one place that is neither in the list nor a region holding the
    list's places ("Газпром проинформировал об увеличении поставок газа из России в регион Центральной Азии и
    Закавказья. ... По данным компании, поставки в Казахстан, Узбекистан и Кыргызстан увеличились на 22,2%": Russia),
    else ""."""
    names = set(group.split("+"))
    for i in range(k - 1, max(-1, k - 1 - PARAGRAPH_LOOKBACK), -1):
        if sents[i][0] != sents[k][0]:
            return ""
        if places := _sentence_places(i, sents, cache, rules)[0]:
            other = {p for p in places if p not in names and not names <= rules.members.get(p, set())}
            return other.pop() if len(other) == 1 else ""
    return ""


def _regions_named(names: list[str], members: dict) -> list[str]:
    """``names`` with every member of a region of three members or more, when all are named, replaced by the
    region: the five countries of Central Asia listed are Central Asia."""
    for region, inside in members.items():
        rest = set(names) - inside
        if len(inside) >= 3 and inside <= set(names) and not any(
                inside < bloc and rest <= bloc for bloc in members.values()):
            # (not when a bloc holding the region holds the rest too: "Armenia, Kazakhstan, Kyrgyzstan, Russia,
            # Tajikistan, and Belarus" are members of the CIS, not the Eurasian Economic Union and Tajikistan)
            names = sorted(rest | {region})
    return names


def _members_together(places: list[str], doc_pair: list[str], members: dict) -> tuple[str, bool] | None:
    """(parties, False) when ``places`` are the partner of the article's pair and two or more members of
    its region (with the region or not) and nothing else: "70 % of the trade with China went to Kazakhstan
    and Kyrgyzstan" is China–Kazakhstan+Kyrgyzstan, one party of two members, not China–Kazakhstan.
    (Two members without the partner trade with each other: Kazakhstan–Uzbekistan.) Else None."""
    if len(doc_pair) != 2:
        return None
    for region, other in (doc_pair, doc_pair[::-1]):
        inside = members.get(region, ())
        named = sorted({p for p in places if p not in (region, other)})
        if other in places and len(named) >= 2 and all(p in inside for p in named) and other not in inside:
            return _pair(["+".join(named), other]), False
    return None


def _partner(places: list[str], doc_pair: list[str], members: dict) -> str:
    """The member of ``places`` paired with the article's partner, when ``places`` is one member of
    a region of the article's pair (alone, or with that region), else ""."""
    if len(doc_pair) != 2:
        return ""
    for region, other in (doc_pair, doc_pair[::-1]):
        inside = members.get(region, ())
        rest = [p for p in places if p != region]
        if len(rest) == 1 and rest[0] in inside and other != rest[0] and other not in inside:
            return _pair([rest[0], other])
    return ""


def _parties_at(k: int, sents: list, cache: dict) -> dict:
    """``parties`` of sentence ``k`` (who with whom) and the basis it was read from.

    Two places in the sentence ("trade between Kazakhstan and China") make the pair, in name
    order ("China–Kazakhstan"); one place and a world cue ("China's global trade") make
    "China–world"; a lone place that is one of the two places the article names most is
    completed by the other ("Russian firms" in an article on Kazakhstan and Russia). A sentence
    with no place takes the parties of the nearest earlier sentence of its paragraph, else the
    article's pair. Basis: ``sentence``, ``sentence+article``, ``previous_sentence``,
    ``article``, or empty.
    """
    rules = cache["rules"]
    done = cache.setdefault("at", {})  # every figure of a sentence has its sentence's parties
    if k in done:
        return done[k]
    done[k] = out = _parties_read(k, sents, cache, rules)
    return out


#: Where a list of places splits into items: ", " (not a decimal comma), ";", "followed by".
_LIST_ITEM = re.compile(r",\s|;|\s(?:followed\s+by|ahead\s+of|then)\s", re.I)


def _members_trade(sents: list, k: int, start: int, cache: dict) -> str:
    """The bloc of "mutual trade between the member states" said before a figure in its part of a sentence that
    names no place ("The volume of mutual trade between the member states has almost doubled to $80.5 billion, trade
    turnover with third countries has increased by 60%": the first only): the one bloc with members the article
    names, else ""."""
    sentence = sents[k][4]
    part = sentence[sentence.rfind(",", 0, start) + 1:start]
    if not (_THE_MEMBERS.search(part) and _INTRA_WORD.search(part) and _TRADE_WORD.search(part)) or _OTHER_GROUP.search(part):
        return ""
    rules = cache["rules"]
    _doc_pair_cached(sents, cache, rules)  # (counts the places of every sentence once)
    blocs = [p for p in cache["place_counts"] if p in rules.members]
    return blocs[0] if len(blocs) == 1 else ""


def _item_parties(k: int, sents: list, cache: dict, start: int, cands: list[dict]) -> dict:
    """The parties of a figure at ``start`` in sentence ``k``: those of its sentence
    (:func:`_parties_at`), unless the sentence names three places or more, or two members of a
    region of the article's pair: a list ("Kazakhstan leads with $30.1 billion, followed by
    Uzbekistan at $18 billion, and Turkmenistan at $10.6 billion") whose figures (``cands``) stand in
    two items or more. Then the places of its list item, or of the nearest item before it that names
    one, completed as a lone place is (basis ``list_item``, ``list_item+article``). One figure after
    a list ("exports to Russia, China and Uzbekistan reached $5 billion") keeps its sentence's."""
    at = _parties_at(k, sents, cache)
    rules, sentence, named = cache["rules"], sents[k][4], cache[k][0]
    if not named and rules.members and (bloc := _members_trade(sents, k, start, cache)):
        return {"parties": bloc, "parties_basis": "article"}
    if len(named) < 2:
        return at
    if (between := _BETWEEN_THE_COUNTRIES.search(sentence)) and (
            clause := _clause_of(_clauses(sentence), start))[0] <= between.start() < clause[1] \
            and not _places_in(sentence[clause[0]:clause[1]], rules)[0] \
            and len(pair := _doc_pair_cached(sents, cache, rules)) == 2 and all(p in rules.countries for p in pair):
        # "in 2024, trade turnover between the countries amounted to $846.4 million, while ... Kyrgyzstan's trade
        # turnover with Central Asian countries amounted to $1.7 billion": the article's two countries, not the places
        # of another clause
        return {"parties": _pair(pair), "parties_basis": "clause+article"}
    # two places are a list as members of the article's region, with a world cue ("Kazakhstan's foreign trade
    # reached $141.4 billion, of which trade with Russia accounted for 19%"), or as where a flow goes
    listed = len(named) >= 3 or any(set(named) <= rules.members.get(r, set())
                                    for r in _doc_pair_cached(sents, cache, rules))
    world = not listed and cache[k][1]
    if not listed and not world and not _FLOW_WORD.search(sentence):
        return at
    bounds = cache.get(("items", k))
    if bounds is None:
        bounds = [0, *(m.end() for m in _LIST_ITEM.finditer(sentence)), len(sentence)]
        # two figures of one item with "and" and a place between them are two items, split where the place
        # goes with the figure after "and" ("followed by Uzbekistan — $18 billion (27%) and Turkmenistan — $10.6
        # billion (16%)") or before it ("$10 billion to Kazakhstan and $5 billion to Uzbekistan"); not "почти 24%
        # составила доля Кыргызстана ($22,7 млрд)", one place's two figures
        starts = sorted((f["start"], f["end"]) for f in cands)
        splits = set()
        for (_, e1), (s2, _) in zip(starts, starts[1:], strict=False):
            if bisect.bisect_right(bounds, e1) == bisect.bisect_right(bounds, s2) and (m := _AND.search(sentence, e1, s2)):
                if _places_in(sentence[m.end():s2], rules)[0]:
                    splits.add(e1)
                elif _places_in(sentence[e1:m.start()], rules)[0]:
                    splits.add(m.start())
        bounds = cache[("items", k)] = sorted({*bounds, *splits})
    if len({bisect.bisect_right(bounds, f["start"]) for f in cands}) < 2:
        return at
    if world and not any(w and len(p) == 1 for p, w in (_places_in(sentence[a:b], rules)
                                                         for a, b in zip(bounds, bounds[1:], strict=False))):
        # no item of one place and the world cue (that place's total): the sentence's pair ("a total trade volume
        # of $9.88bn, including $3.3bn in Uzbek exports")
        world = False
    if ("dests", k) not in cache:
        cache[("dests", k)] = _flow_destinations(sentence, rules)
    found, dests = cache[("dests", k)]
    if not listed and not world and len(dests) < 2:
        return at
    j = bisect.bisect_right(bounds, start) - 1
    if len(named) >= 3 and (here := _places_in(sentence[bounds[j]:bounds[j + 1]], rules)[0]):
        # the item's places close a list begun in items before ("в Казахстан, Узбекистан и Кыргызстан на 22,2%,
        # в Грузию - на 40,4%"): the list is one party (other items with figures are not counted)
        others = tuple((bounds[i], bounds[i + 1]) for i in {bisect.bisect_right(bounds, f["start"]) - 1 for f in cands} - {j})
        group = _place_group(sentence, rules, others)
        if any(set(here) <= set(side.split("+")) for side in group.split("–") if "+" in side):
            if "–" not in group and (source := _group_source(k, sents, cache, group, rules)):
                return {"parties": _pair([group, source]), "parties_basis": "list_item+previous_sentence"}
            return {"parties": group, "parties_basis": "list_item"}
    items = {bisect.bisect_right(bounds, pos) - 1: name for pos, name in found if name in dests}
    if len(set(items.values())) >= 2 and len(items) == len(set(items.values())):
        # a flow to two places or more, or trade with them, one item each ("Экспорт Казахстана в Китай вырос на
        # 20%, в Россию – на 15%", "товарооборот Казахстана с Россией ..., с Китаем — ..."): each figure's place is
        # its item's, with the one place that sends or reports (none: the article's pair completes it, unless
        # that is another place of the items)
        j = max((i for i in items if i <= j), default=None)
        if j is not None:
            sources = {name for _, name in found} - dests
            if len(sources) == 1:
                return {"parties": _pair([items[j], *sources]), "parties_basis": "list_item"}
            pair = _doc_pair_cached(sents, cache, rules)
            parties, completed = _parties_of([items[j]], False, [] if set(pair) & (dests - {items[j]}) else pair,
                                              rules.members)
            return {"parties": parties, "parties_basis": "list_item+article" if completed else "list_item"}
    for j in range(bisect.bisect_right(bounds, start) - 1, -1, -1):
        places, world = _places_in(sentence[bounds[j]:bounds[j + 1]], rules)
        if places and j and len(places) == 1 and not world and 0 < (colon := sentence.find(":")) < bounds[1] \
                and _LIST_HEAD.search(sentence, 0, colon) \
                and len(head := _places_in(sentence[:colon], rules)[0]) == 1 and head[0] != places[0]:
            # the one place a list's heading names is every item's partner ("Крупнейшие торговые партнеры Китая в
            # регионе: Казахстан — $30,1 млрд, Узбекистан — $18 млрд": China–Uzbekistan, as the first item is)
            return {"parties": _pair([places[0], head[0]]), "parties_basis": "list_item"}
        if places:
            pair = [] if world else _doc_pair_cached(sents, cache, rules)
            parties, completed = _parties_of(places, world, pair, rules.members)
            return {"parties": parties, "parties_basis": "list_item+article" if completed else "list_item"}
    return at


_AND = re.compile(r"\s(?:and|и|а\s+также)\s", re.I)
#: A list's heading word for the places it goes on to list ("trading partners", "export markets", "destinations",
#: "торговые партнеры", "покупатели"): its one place is every item's partner (not "У Туркменистана наибольшая доля:
#: 55% ... на КНР; Кыргызстан — около 35%", whose heading is an item of its own).
_LIST_HEAD = re.compile(r"\b(?:partners|destinations|markets|importers|exporters|buyers|suppliers)\b"
                        r"|(?<![^\W\d_])(?:партн[её]р|направлени|рынк|импортер|экспортер|покупател|поставщик)\w*", re.I)


def _flow_destinations(sentence: str, rules: FigureRules) -> tuple[list, set]:
    """(position, name) of the places a sentence names, and the names of those a flow goes to ("в Китай",
    "to Russia"), for a sentence of one flow word (none for "экспорт из Китая в Кыргызстан ..., а импорт в КНР"),
    or that trade is with ("товарооборот Казахстана с Россией ..., с Китаем", "trade with China")."""
    found = [(pos, name) for pos, name in rules.places.finditer(_without_nonparty_countries(sentence)) if name != "world"]
    one_flow = len(_FLOW_WORD.findall(sentence)) == 1
    trade = _TRADE_WORD.search(sentence) is not None
    return found, {name for pos, name in found
                   if (one_flow and _place_way(sentence, pos) == "to")
                   or (trade and _WITH_PLACE.search(sentence, max(0, pos - 12), pos))}


#: Right before a place: the partner trade is with ("with China", "с Россией", "со Швецией").
_WITH_PLACE = re.compile(r"(?:\bwith|(?<![^\W\d_])(?:с|со))\s+(?:the\s+)?$", re.I)


#: A closing quotation mark (after a word or punctuation, not a space), where an attribution may follow.
_CLOSING_QUOTE = re.compile(r"(?<=\S)[\"”»]")
#: How far after a closing quotation mark its speech verb may be: '," Tokayev said in an interview ...'.
_ATTRIBUTION_REACH = 60


#: The stretch of at most :data:`_QUOTED_NAME_REACH` characters before a closing quotation mark that is a quoted name: an
#: opening mark and up to four words with no punctuation nor digits ("«Газпром»", "«Сила Сибири»", '"Gazprom" said'),
#: not the end of speech.
_QUOTED_NAME_REACH = 40
_QUOTED_NAME = re.compile(r"(?:.*\s)?[«\"“]\s*[^\s«»\"“”,.!?;:\d%]+(?:\s+[^\s«»\"“”,.!?;:\d%]+){0,3}", re.S)


def _quoted_part(sentence: str, rules) -> str:
    """A sentence without the attribution after its closing quotation mark ('..., went up 65% to 2.7 million
    tonnes in 2023," Tokayev said in an interview with the Azerbaijani APA agency ahead of his visit to Baku.':
    the places there say where and to whom it was said, not what the figures are about); the whole sentence
    when it has no such attribution, or when a number follows the mark (a figure may be there)."""
    if "\"" not in sentence and "”" not in sentence and "»" not in sentence:
        return sentence
    verb = rules.speech["verb"]
    for m in _CLOSING_QUOTE.finditer(sentence):
        if _QUOTED_NAME.fullmatch(sentence, max(0, m.start() - _QUOTED_NAME_REACH), m.start()):
            continue  # a quoted name ("«Газпром» сообщил об увеличении поставок газа из России"): no speech ends there
        tail = sentence[m.end():]
        if not _DIGIT_RUN.search(tail) and any(
                (v := p.search(tail, 0, _ATTRIBUTION_REACH + 20)) and v.start() <= _ATTRIBUTION_REACH
                for p in (verb, rules.speech["quote_verb"])):
            return sentence[:m.start()]
    return sentence



def _doc_pair_cached(sents: list, cache: dict, rules) -> list[str]:
    """The two places the article names most (:func:`_parties_read`'s ``doc_pair``), kept in ``cache``
    (the places of attributions count: where and to whom things were said tell what the article is about; the
    rows of a table, one place each, do not)."""
    if "doc_pair" not in cache:
        counts: dict[str, int] = {}
        tables = cache.get("tables", ())
        for i in range(len(sents)):
            if sents[i][0] in tables:
                continue
            for name in _places_in(sents[i][4], rules)[0]:
                if name not in rules.areas:
                    counts[name] = counts.get(name, 0) + 1
        cache["place_counts"] = counts
        cache["doc_pair"] = sorted(counts, key=lambda n: -counts[n])[:2]
    return cache["doc_pair"]


#: A group of unnamed partners ("countries in Asia", "other states"; not "со странами региона", the region, nor "the two
#: countries", the pair).
_GROUP = _led(re.compile(r"(?<!two\s)(?<!both\s)\b(?:countries|states|nations|economies)\b(?!\s+(?:of|in)\s+the\s+region)"
                         r"|(?<![^\W\d_])(?<!двумя\s)(?<!двух\s)(?<!обеих\s)(?<!обеими\s)"
                         r"(?:стран(?:ами|ах|ам)?|государства(?:ми|х)?)(?![^\W\d_])(?!\s+регион)"
                         r"|(?<![^\W\d_])(?:не)?дружественн\w*\s+(?:стран|государств)\w*",
                         re.I))


#: What went out of "the country" (Russian "из страны", "из республики"): goods exported, people who left; no partner.
_OUT_OF_THE_COUNTRY = re.compile(r"(?<![^\W\d_])(?:экспорт|вывоз|уехавш|уехал|уезжа|выбывш|выбыл|выехавш|выехал|эмигрир)"
                                 r"[^\W\d_]*(?:\s+[^\W\d_]+){0,3}?\s+из\s+(?:страны|республики)(?![^\W\d_])", re.I)


#: "The countries of the region" / "страны региона": the region the article names (:func:`_article_region`).
_THE_REGION = re.compile(r"\b(?:countries|states|nations|economies)\s+(?:of|in)\s+the\s+region\b"
                         r"|(?<![^\W\d_])(?:стран|государств)\w*\s+регион\w*", re.I)


def _article_region(sents: list, cache: dict, rules, other: str) -> str:
    """The region (a ``places.csv`` row with members) the article names most, other than ``other``, or ""."""
    _doc_pair_cached(sents, cache, rules)  # counts the places of the article
    counts = {n: c for n, c in cache["place_counts"].items() if n in rules.members and n != other}
    return min(counts, key=lambda n: (-counts[n], n)) if counts else ""


def _between(sentence: str, rules) -> list[str]:
    """The two countries a sentence says something is between ("trade between China and the United States", "между
    Китаем и США"), up to the next comma or stop; [] when it names no such two."""
    m = _BETWEEN_SPAN.search(sentence)
    two = [p for p in _places_in(m.group(1), rules)[0] if p in rules.countries] if m else []
    return two if len(two) == 2 else []


#: What a sentence says something is between, up to the next comma or stop (:func:`_between`).
_BETWEEN_SPAN = re.compile(r"(?:\bbetween|(?<![^\W\d_])между)\s+([^,.;:]{3,80})", re.I)
#: The two places named before ("between the two nations", "both countries", "между двумя странами", "обеих стран";
#: "the world's two largest economies").
_THE_TWO = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|states|neighbou?rs)\b"
                      r"|\btwo\s+(?:largest|biggest|leading|major)\s+economies\b"
                      r"|(?<![^\W\d_])(?:двумя|двух|обеих|обеими|обе|две)\s+(?:стран|государств)\w*", re.I)
#: "Between the countries" in a figure's clause that names no place (:func:`_item_parties`).
_BETWEEN_THE_COUNTRIES = re.compile(r"\bbetween\s+(?:the\s+|their\s+)?(?:two\s+)?(?:countries|nations|states)\b"
                                    r"|(?<![^\W\d_])между\s+(?:двумя\s+|нашими\s+)?(?:странами|государствами)(?![^\W\d_])",
                                    re.I)
#: A figure "between the two" (countries): their pair, even with a world cue in the sentence ("the total trade volume
#: between the two nations").
_BETWEEN_TWO = re.compile(r"\bbetween\s+(?:the\s+|their\s+)?two\b|(?<![^\W\d_])между\s+двумя(?![^\W\d_])", re.I)
#: "The world's two largest economies": two countries, not the world.
_WORLDS_TWO = re.compile(r"\b(?:the\s+)?world['’]s\s+(?=two\s)", re.I)
#: At a sentence's start: what follows is the one place's total ("Overall, India imported 4.8 million bpd of oil").
_OVERALL = re.compile(r"\W*(?:overall|in\s+total|in\s+all|всего|в\s+целом|в\s+общей\s+сложности)\s*,", re.I)
#: A country's flow of goods from and to everywhere ("total wheat imports", "общий объём импорта").
_TOTAL_FLOW = re.compile(r"\b(?:total|overall)\s+(?:[a-z]+\s+){0,2}(?:imports|exports|purchases)\b"
                         r"|(?<![^\W\d_])(?:общ(?:ий|его|ем)|совокупн\w*)\s+(?:объ[её]м\w*\s+)?(?:импорт|экспорт)\w*", re.I)
#: Foreign (direct) investment, or money a place attracts, which a place named alone receives from all the world ("FDI
#: reached a record 28 billion dollars", "приток прямых иностранных инвестиций", "Kazakhstan has managed to attract even
#: more – $6.1bn").
_FOREIGN_INVESTMENT = re.compile(r"\bforeign\s+(?:direct\s+)?investments?\b|\bFDI\b"
                                 r"|(?<![^\W\d_])(?:(?:прям\w+\s+)?иностранн\w+\s+(?:прям\w+\s+)?инвестиц\w*|ПИИ)(?![^\W\d_])"
                                 # (money attracted, not people: "планируя привлечь 1,46 миллиона человек" from Russia)
                                 r"|(?:\battract(?:s|ed|ing)?\b|(?<![^\W\d_])привле[кч]\w*)[^.;]{0,40}?"
                                 r"(?:[$€£₽₸]|\b(?:USD|dollars?|euros?)\b|(?<![^\W\d_])(?:долл|евро|тенге|рубл)\w*)", re.I)
#: How many sentences back "the two countries" look for the two places they stand for.
_TWO_LOOKBACK = 8
#: Partners a sentence leaves unnamed ("other countries", "третьих стран"): not the article's two places.
_OTHER_GROUP = re.compile(r"\b(?:other|third|remaining)\s+(?:countries|states|nations)\b"
                          r"|(?<![^\W\d_])(?:друг|остальн|прочи|треть)\w*\s+(?:стран|государств)", re.I)
_LAST_WORD = re.compile(r"(\S+)\s+$")


def _group_is_place(sentence: str, g: re.Match, rules) -> bool:
    """Whether the group word ``g`` is led by a place's adjective ("Central Asian countries",
    "центральноазиатскими государствами"): the group is that place, not unnamed partners."""
    m = _LAST_WORD.search(sentence, max(0, g.start() - 40), g.start())
    return bool(m) and next(rules.places.finditer(m.group(1)), None) is not None


#: "Total trade" with no place named: in an article about two countries, most often their trade (not a world cue then).
_TOTAL_TRADE = re.compile(r"\btotal\s+trade\b", re.I)


def _world_of_unnamed(k: int, sents: list, of, doc_pair, rules) -> dict:
    """Parties of a figure whose sentence names no place but has a world cue ("10 percent of the world's
    electricity", "the country's total output ... of global uranium supply", "нашу страну посетили 834,9 тыс.
    иностранных туристов"): the total of the one place the sentence before in its paragraph names, else of the
    country the article names most when the sentence says "the country" (``home`` cues of the places table), else
    no known parties (the world figure of no country is compared with none): never the article's pair, which the
    sentence does not name."""
    for i, _text in _back_in_paragraph(sents, k, -1):
        if of(i)[0]:
            if len(of(i)[0]) == 1:
                return {"parties": f"{of(i)[0][0]}–world", "parties_basis": "sentence+previous_sentence"}
            break
    if rules.home_cue is not None and rules.home_cue.search(sents[k][4]) and (dp := doc_pair()) \
            and not (dp[0] in rules.members or dp[0] in rules.areas or dp[0] in rules.routes):
        return {"parties": f"{dp[0]}–world", "parties_basis": "sentence+article"}
    return {"parties": "", "parties_basis": ""}


def _parties_read(k: int, sents: list, cache: dict, rules) -> dict:
    """:func:`_parties_at` worked out (once a sentence)."""

    def of(i):
        return _sentence_places(i, sents, cache, rules)

    def doc_pair():  # read from every sentence of the article, only when a sentence needs it
        return _doc_pair_cached(sents, cache, rules)

    def parties_of(places, world):  # a place and a world cue need no article pair
        # (a route's "global trade" is no partner of it: only a country or a region trades with the world)
        world = world and not (places and places[0] in rules.routes)
        return _parties_of(places, world, [] if places and world else doc_pair(), rules.members)

    places, world = of(k)
    # "Overall, India imported 4.8 million bpd of oil": the one place's total (a world cue only at a sentence's start)
    world = world or (len(places) == 1 and _OVERALL.match(sents[k][4]) is not None) or (
        len(places) <= 1 and _TOTAL_FLOW.search(sents[k][4]) is not None) or (  # "Egypt's total wheat imports went up"
        # "Kazakhstan experienced an 83% surge in FDI to $6.1bn": from all the world
        len(places) == 1 and _FOREIGN_INVESTMENT.search(sents[k][4]) is not None)
    if any(p in rules.members for p in places) and (bloc := _intra_bloc(sents[k][4], rules)):
        return {"parties": bloc, "parties_basis": "sentence"}  # "mutual trade between the EAEU member states"
    if len(places) == 1 and not world and (g := _GROUP.search(sents[k][4])) and not _group_is_place(sents[k][4], g, rules):
        # "Russia's trade with near-abroad countries in Asia": the partner is a group the gazetteer
        # does not name, not the article's other main place
        return {"parties": places[0], "parties_basis": "sentence"}
    if len(places) == 1 and not world and _OUT_OF_THE_COUNTRY.search(sents[k][4]):
        # "экспорт газа из страны достиг 25 млрд", "количество выбывших из страны составило 16 094": all that left
        # the one country named, not its flow to the article's other main place
        return {"parties": places[0], "parties_basis": "sentence"}
    if len(places) == 1 and not world:
        # a lone place named with another by the sentence before, in its paragraph ("сотрудничество РФ и ЦА
        # продолжает расти. Товарооборот с пятью центральноазиатскими государствами превысил $45 млрд"):
        # that pair, before the article's
        for i in range(k - 1, max(-1, k - 4), -1):
            if sents[i][0] != sents[k][0] or of(i)[0]:
                if sents[i][0] == sents[k][0] and len(of(i)[0]) == 2 and places[0] in of(i)[0] and not of(i)[1]:
                    return {"parties": _pair(of(i)[0]), "parties_basis": "sentence+previous_sentence"}
                break
    if len(places) <= 1 and _THE_TWO.search(sents[k][4]) and (
            not world or _BETWEEN_TWO.search(sents[k][4])
            or _WORLDS_TWO.search(sents[k][4]) and not _places_in(_WORLDS_TWO.sub("", sents[k][4]), rules)[1]):
        # (a world cue is not the world when the figure is between the two: "the total trade volume between the two
        # nations", "the world's two largest economies")
        # "the two nations", "двумя странами": the two places named together last (not the article's most named): in the
        # nearest sentence before that names two places or more, two countries, one of them of the article's pair (or
        # the one this sentence names), not a bloc they are members of, nor an aside on another war
        for i in range(k - 1, max(-1, k - 1 - _TWO_LOOKBACK), -1):
            if len(of(i)[0]) >= 2:
                two = [p for p in of(i)[0] if p in rules.countries]
                if len(two) > 2:  # ("While the China-Russia partnership has flourished, trade between China and the
                    two = _between(sents[i][4], rules) or two  # United States has also grown": the two it is between)
                if len(two) == 2 and set(two) & set(places or doc_pair()) and set(places) <= set(two):
                    return {"parties": _pair(two), "parties_basis": "previous_sentence"}
                break
    if len(places) == 1 and not world and _THE_REGION.search(sents[k][4]):
        # "trade between China and the countries of the region": the region the article names, else a
        # group the gazetteer cannot name (not the article's other main place, one country of the region)
        if region := _article_region(sents, cache, rules, places[0]):
            return {"parties": _pair([places[0], region]), "parties_basis": "sentence+article"}
        return {"parties": places[0], "parties_basis": "sentence"}
    if len(places) >= 3 and not world and (group := _place_group(sents[k][4], rules)):
        if "–" not in group and (source := _group_source(k, sents, cache, group, rules)):
            return {"parties": _pair([group, source]), "parties_basis": "sentence+previous_sentence"}
        return {"parties": group, "parties_basis": "sentence"}  # "gas to Kazakhstan, Kyrgyzstan and Uzbekistan"
    if places:
        parties, completed = parties_of(places, world)
        return {"parties": parties, "parties_basis": "sentence+article" if completed else "sentence"}
    if _OTHER_GROUP.search(sents[k][4]):
        return {"parties": "", "parties_basis": ""}  # "другие страны – 181 тыс": no named place, not the article's
    if _OUT_OF_THE_COUNTRY.search(sents[k][4]) and (dp := doc_pair()) and dp[0] in rules.countries:
        # "количество лиц, уехавших из страны, составило 6 996": the country the article names most, alone
        return {"parties": dp[0], "parties_basis": "article"}
    if world and not _TOTAL_TRADE.search(sents[k][4]):
        return _world_of_unnamed(k, sents, of, doc_pair, rules)
    region = _WITH_THE_REGION.search(sents[k][4])
    for i in range(k - 1, max(-1, k - 4), -1):
        if sents[i][0] != sents[k][0] and not region:
            break
        # an earlier sentence that names neither of the article's two main places ("its partners
        # also include China and Kazakhstan") is an aside: it does not lend its places
        if of(i)[0] and (len(doc_pair()) < 2 or set(of(i)[0]) & set(doc_pair())):
            bloc = _intra_bloc(sents[i][4], rules) if any(p in rules.members for p in of(i)[0]) else None
            # (the region's: the places named, not made a pair with the article's other main place)
            return {"parties": bloc or (_pair(of(i)[0]) if region else parties_of(*of(i))[0]),
                    "parties_basis": "previous_sentence"}
    if whole := _whole_of_next(k, sents, of, cache, rules):
        return {"parties": whole, "parties_basis": "next_sentence+article"}
    if (dp := doc_pair()) and not region:
        return {"parties": _pair(dp), "parties_basis": "article"}
    return {"parties": "", "parties_basis": ""}


#: A sentence's partner that is "the region" the text spoke of before ("Total trade turnover with the region increased
#: by 7% to $56.2 billion", "товарооборот с регионом"): its places are those of the sentences before, across
#: paragraphs, never the article's two main places.
_WITH_THE_REGION = re.compile(r"\b(?:with|to|from|across|of)\s+the\s+region\b|\bthe\s+region['’]s\b"
                              r"|(?<![^\W\d_])(?:с\s+регионом|со\s+странами\s+региона)(?![^\W\d_])", re.I)


#: A part of the figure before, said of "this" ("Более половины этого объема приходится на ...", "Kazakhstan accounts for
#: half of this volume"): the whole it is a part of.
_PART_OF_THIS = re.compile(r"\bof\s+(?:this|that|the)\s+(?:total|amount|volume|figure|trade|turnover)\b"
                           r"|(?<![^\W\d_])(?:этого|данного|этой)\s+(?:объ[её]ма|оборота|товарооборота|суммы|показателя)"
                           r"(?![^\W\d_])", re.I)


def _whole_of_next(k: int, sents: list, of, cache: dict, rules) -> str:
    """The parties of a sentence that names no place, read from the next sentence of its paragraph when that one gives a
    part of "this" figure between two places, one of them a member of a region the article names and the other not
    ("По итогам 2024 года товарооборот ... превысил 50 млрд долларов. Более половины этого объема приходится на
    двустороннюю торговлю Казахстана и России" in an article on Central Asia and Russia: the whole is Central
    Asia–Russia's, not the article's most named pair), else ""."""
    j = k + 1
    if j >= len(sents) or sents[j][0] != sents[k][0] or not _PART_OF_THIS.search(sents[j][4]):
        return ""
    two = of(j)[0]
    if len(two) != 2:
        return ""
    _doc_pair_cached(sents, cache, rules)  # (counts the places of every sentence once)
    wholes = {_pair([r, b]) for r in cache["place_counts"] for a, b in (two, two[::-1])
              if a in rules.members.get(r, ()) and b not in rules.members.get(r, ()) and b != r}
    return next(iter(wholes)) if len(wholes) == 1 else ""


def _table(source, name: str, required: list[str]) -> pd.DataFrame:
    """Read a rule table: ``None`` -> the bundled one, a path, or a DataFrame."""
    if isinstance(source, pd.DataFrame):
        frame, where = source.copy(), f"the {name} table given"
    else:
        path = Path(source) if source is not None else _DATA / name
        where = str(path)
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
        except FileNotFoundError as exc:
            raise KzruError(f"{path}: rule table not found (expected a CSV with columns {required})") from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise KzruError(f"{where}: missing column(s) {missing}; expected at least {required}")
    return frame.fillna("").astype(str)


def _phrase_re(phrase: str) -> str:
    """A table phrase as a regex: spaces match any space; a trailing ``*`` is a word stem."""
    stem = phrase.endswith("*")
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    if stem:
        return body + r"\w*"
    return body + (r"\b" if phrase[-1:].isalnum() else "")


#: Alternations longer than this are grouped by their first character (:func:`_branches`).
_BRANCH_MIN = 12


def _first_char(alt: str) -> str | None:
    """The literal character a regex alternative must begin with (after a leading ``\\b``), or
    ``None`` when it is not a plain literal (a class, a group, an optional first character)."""
    if alt.startswith(r"\b"):
        alt = alt[2:]
    if alt[:1] == "\\":
        ch, rest = alt[1:2], alt[2:]
        if not ch or ch.isalnum():  # \s, \w, \d, \u...: not a literal
            return None
    else:
        ch, rest = alt[:1], alt[1:]
        if not ch or ch in "([.^$*+?{|)":
            return None
    return None if rest[:1] in ("?", "*", "{") else ch


def _branches(alts: list[str]) -> str:
    """``a1|a2|...`` with the same matches, faster: Python's ``re`` tries the alternatives one by
    one (with IGNORECASE even one that cannot begin at the character seen), so a long list of words
    is grouped by first character behind a one-character lookahead. Only alternatives that can begin
    at the same character compete, and they keep their order, so the first that leads to a match
    is the same one as before; alternatives with no fixed first character go into every group and
    a last group for the other characters."""
    if len(alts) <= _BRANCH_MIN:
        return "|".join(alts)
    firsts = [_first_char(a) for a in alts]
    keys: dict[str, list[str]] = {}
    firsts = [ch.lower() if ch is not None and len(ch.lower()) == 1 else ch for ch in firsts]
    for ch in firsts:
        if ch is not None:
            keys.setdefault(ch, [])
    for a, ch in zip(alts, firsts, strict=True):
        for k, members in keys.items():
            if ch is None or ch == k:
                members.append(a)

    def cls(chars) -> str:
        return "".join(sorted({re.escape(c) for k in chars for c in (k, k.upper(), k.lower()) if len(c) == 1}))

    parts = [f"(?=[{cls([k])}])(?:{'|'.join(members)})" for k, members in keys.items()]
    rest = [a for a, ch in zip(alts, firsts, strict=True) if ch is None]
    if rest:
        parts.append(f"(?![{cls(keys)}])(?:{'|'.join(rest)})" if keys else "|".join(rest))
        return "|".join(parts)
    # every alternative has a first character: one lookahead on all of them first turns most
    # positions away at once, instead of one lookahead per group (twice as fast to search)
    return f"(?=[{cls(keys)}])(?:{'|'.join(parts)})"


def _alt(phrases) -> str:
    items = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return _branches([_phrase_re(p) for p in items]) or r"(?!x)x"


def _cur_alt(phrases) -> str:
    """Currency signs and words before a number: they may touch the number ("USD10m", "$US113")."""
    parts = []
    for p in sorted({p for p in phrases if p}, key=lambda p: (-len(p), p)):
        body = re.escape(p).replace(r"\ ", r"\s+")
        if p.endswith("$") and (len(p) > 2 or p[:-1].upper() == "C") and p[:-1].isalpha():
            body = body[:-2] + r"\s?\$"  # "HK $ 10.05 billion", "C $ 300 million" (tokenised text)
        parts.append((r"\b" if p[0].isalnum() else "") + body + (rf"(?!{_LETTER})" if p[-1].isalpha() else ""))
    return _branches(parts) or r"(?!x)x"


def _words_alt(phrases) -> str:
    """Alternation with a word boundary before each alphanumeric phrase."""
    parts = []
    for p in sorted({p for p in phrases if p}, key=lambda p: (-len(p), p)):
        parts.append((r"\b" if p[0].isalnum() else "") + _phrase_re(p))
    return _branches(parts) or r"(?!x)x"


@dataclass(frozen=True)
class FigureRules:
    """Compiled rule tables (built by :func:`figure_rules`; pass one to reuse it)."""

    token: re.Pattern
    token_at_digit: re.Pattern
    units: dict
    scales: dict
    words: dict
    scale_only_words: frozenset
    word_units: dict
    not_count: frozenset
    exact_units: dict
    base: dict
    count_nouns: frozenset
    #: (pattern, combining form -> number, stem -> (unit, scale)) of the Russian adjectives with a
    #: number inside ("десятимильную", "пятимиллиардной", "44-дневной"): :func:`_number_adjectives`
    number_adjectives: tuple
    places: _Places
    place_names: dict
    #: region -> its member countries (``members`` of the places table)
    members: dict
    #: the words by which an article names its outlet's own country ("the country", "страну"):
    #: ``home`` rows of the places table; None without one
    home_cue: re.Pattern | None
    countries: frozenset
    #: the ``route`` rows of the places table (a transport corridor: no partner of the world's)
    routes: frozenset
    #: the ``area`` rows of the places table (a part of the world, "Europe": a sentence's partner, never one of an
    #: article's two main places)
    areas: frozenset
    country_codes: dict
    #: the ``locality`` rows of the places table (a region or a city inside a country), each name read as its country
    #: (``members``): an event's toll in an article that names no country (:func:`_locality_parties`)
    localities: _Places
    #: the ``locality`` and ``capital`` rows of the places table, each read as its own name: where an event's toll was
    #: counted (:func:`_toll_town`)
    towns: _Places
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    hedges: dict
    change_verb: re.Pattern
    to_verb: re.Pattern
    intent: re.Pattern
    metrics: tuple
    metric_scan: tuple
    count_keywords: tuple
    person: re.Pattern | None
    persons: dict
    speech: dict
    interview: re.Pattern
    anaphora: re.Pattern
    word_first: frozenset
    word_start: re.Pattern
    lead: int
    from_verb: re.Pattern
    person_first: frozenset
    lead_chars: frozenset
    pronouns: frozenset
    nominal: re.Pattern
    demonyms: dict
    group_nouns: frozenset = frozenset()
    #: (pattern, alias -> country) of the ``company`` rows of the actor gazetteer with a country of
    #: the places table ("Газпрома" -> Russia): who supplies a flow (:func:`_company_supplier`)
    companies: tuple = (None, {})
    #: The political parties gazetteer compiled: (pattern of every alias, alias -> party name, name -> country code).
    political_parties: tuple = (None, {}, {})
    #: unit surface -> the factor its number is multiplied by, for the percent rows of the units table with a factor
    #: other than 1 ("25 basis points" is 0.25 of a percentage point)
    unit_factors: dict = field(default_factory=dict)
    vague_words: frozenset = frozenset()
    #: a count's noun in its dictionary form, or an irregular English plural -> the noun it is compared as, whichever the
    #: language ("голос" -> "votes", "mandates" -> "seats"): the ``count_aliases`` table (:func:`_alias_counts`)
    count_aliases: dict = field(default_factory=dict)


def figure_rules(
    *,
    metrics: str | Path | pd.DataFrame | None = None,
    hedges: str | Path | pd.DataFrame | None = None,
    units: str | Path | pd.DataFrame | None = None,
    number_words: str | Path | pd.DataFrame | None = None,
    attribution: str | Path | pd.DataFrame | None = None,
    actors: str | Path | pd.DataFrame | None = None,
    measures: str | Path | pd.DataFrame | None = None,
    places: str | Path | pd.DataFrame | None = None,
    political_parties: str | Path | pd.DataFrame | None = None,
    count_aliases: str | Path | pd.DataFrame | None = None,
) -> FigureRules:
    """Compile the rule tables of the figures stage.

    Args:
        metrics: metric table (``metric, kind, keywords, also, priority, additive``); keywords
            are ``;``-separated word beginnings ("invest" matches "investments"; a word ``*`` is any one word: "рост *
            экономики" matches "рост российской экономики"); ``kind`` is the
            kind of figure a row applies to: ``money``, ``percent``, ``count``, a measure's kind in
            ``measures.csv`` (``mass``, ``length``, ``flow``...) or ``any``.
        hedges: hedge table (``phrase, qualifier, position, low_factor, high_factor``); position is
            ``before``/``after`` the number, ``change_verb``/``intent_cue`` for targets, or
            ``from_verb`` (a verb before "from X to Y" that makes it a change, not a range).
            A trailing ``*`` marks a word beginning ("increas*").
        units: unit table (``surface, unit, kind, position, factor``): currencies, percent words,
            scale words, ``not_count`` nouns that never make a count ("years", "times"), and
            ``group_noun`` nouns that a number word names as a known group, not a count ("двух стран").
        number_words: number words (``words, value``, optional ``needs_scale``: ``true`` when the
            word counts only before a scale word, as "one" in "one million"; optional ``vague``: ``true`` for a
            vague plural, "thousands of", "сотни", read as its value at least, qualifier ``more_than``).
        attribution: speech verbs, interview markers, pronouns, demonyms, roles (``kind, phrase, value``).
        actors: the actor gazetteer (``name, kind, country, aliases``); its persons are speakers, its
            companies with a country the suppliers of exports (:func:`_company_supplier`).
        measures: physical units and durations (``unit, pint, kind, surfaces``, optional ``exact``):
            ``surfaces`` are ``;``-separated words matched in any case, ``exact`` ones only in the
            case written ("MW", "t"); ``pint`` is the unit as pint reads it, which gives the base
            unit and factor of ``base_value`` (read the first time a figure has that unit, so
            a corpus without physical units never loads pint; a bad expression raises then). Currency codes and names come from ISO 4217
            (pycountry), symbols and other words from ``units``.
        places: the parties gazetteer (``name, kind, aliases``): countries and regions with their
            English and Russian names, ``|``-separated (a trailing ``*`` is a word beginning;
            all-capital aliases such as "US", "РФ" match only as written), and ``kind == world``
            cues ("global", "foreign trade") that make a lone country's figure its total.
        political_parties: the political parties gazetteer (``name, country, aliases``; aliases ``|``-separated,
            matched as written): a share of the votes next to a party's name is that party's ("United Russia
            (49.82%)": ``vote_share (United Russia)``), compared with what others give for that party.
        count_aliases: the nouns of counts across languages (``alias, noun``): a count whose noun no metric row
            names takes its noun as its metric, in its dictionary form ("12 детей": "ребенок"); an ``alias`` row
            gives the noun it is compared as ("ребенок" -> "children"), so that "12 детей" and "12 children", "62
            мандата" and "62 seats" are one quantity.

    Returns:
        A :class:`FigureRules` to pass as ``rules=`` to :func:`find_figures` / :func:`extract_figures`.

    Note:
        Each argument is ``None`` (the bundled table in ``kzru_lib/data``), a CSV path, or a
        DataFrame with the same columns. Bad tables raise :class:`~kzru_lib.errors.KzruError`
        naming the file and the expected columns.

    Example:
        >>> rules = figure_rules()
        >>> find_figures("Trade grew 5%.", rules=rules)["unit"].tolist()
        ['percent']
    """
    u = _table(units, "units.csv", ["surface", "unit", "kind", "position", "factor"])
    h = _table(hedges, "hedges.csv", ["phrase", "qualifier", "position", "low_factor", "high_factor"])
    m = _table(metrics, "metrics.csv", ["metric", "kind", "keywords", "also", "priority"])
    w = _table(number_words, "number_words.csv", ["words", "value"])
    a = _table(attribution, "attribution.csv", ["kind", "phrase", "value"])
    act = _table(actors, "actors.csv", ["name", "kind", "country", "aliases"])
    pol = _table(political_parties, "political_parties.csv", ["name", "country", "aliases"])
    ca = _table(count_aliases, "count_aliases.csv", ["alias", "noun"])

    try:
        words = {r.words.lower(): float(r.value) for r in w.itertuples()}
        scales = u[u["kind"] == "scale"]
        scale_f = {r.surface.lower(): float(r.factor) for r in scales.itertuples()}
        [float(r.factor) for r in u[u["kind"] == "subunit"].itertuples()]  # subunit factors are numbers
        for col in ("low_factor", "high_factor"):
            h[col].astype(float)
    except ValueError as exc:
        raise KzruError(f"a rule table has a non-numeric value or factor: {exc}") from exc
    words.update(_compound_number_words(words))
    # words that are a number and its unit at once ("twice", "fivefold", "a third of")
    word_units = {r.surface.lower(): (r.unit, r.kind) for r in u[u["position"] == "word"].itertuples()}
    try:
        words.update({r.surface.lower(): float(r.factor) for r in u[u["position"] == "word"].itertuples()})
    except ValueError as exc:
        raise KzruError(f"units table: a 'word' row has a non-numeric factor: {exc}") from exc
    meas = _table(measures, "measures.csv", ["unit", "pint", "kind", "surfaces"])
    money_units = u[u["kind"].isin(["money", "percent", "subunit", "multiple"])]
    iso = _iso_currencies()
    # units after a number: money/percent words, ISO names ("canadian dollars"), measures
    unit_map = {r.surface.lower(): (r.unit, r.kind) for r in money_units.itertuples()}
    try:
        unit_factors = {r.surface.lower(): float(r.factor) for r in u[u["kind"] == "percent"].itertuples()
                        if str(r.factor).strip() and float(r.factor) != 1.0}
    except ValueError as exc:
        raise KzruError(f"units table: a percent row has a non-numeric factor: {exc}") from exc
    for code, names in iso.items():
        for name in names:
            unit_map.setdefault(name, (code, "money"))
    common = {w.strip().lower() for w in (_DATA / "stopwords_en.txt").read_text(encoding="utf-8").split()} | _STOP
    common |= {w.strip().lower() for w in (_DATA / "currency_code_names.txt").read_text(encoding="utf-8").splitlines()
               if w.strip() and not w.startswith("#")}
    iso = {c: n for c, n in iso.items() if c.lower() not in common}  # "ALL 5", "TOP 10", "COP29": names, not money
    exact_map: dict[str, tuple[str, str]] = {code: (code, "money") for code in iso}
    base = _LazyBase()  # pint is imported only when a figure has a physical unit
    for r in meas.itertuples():
        base.defer(r.unit, r.pint, r.unit)
        for s in (x.strip() for x in r.surfaces.split(";")):
            if s:
                unit_map.setdefault(s.lower(), (r.unit, r.kind))
        for s in (x.strip() for x in getattr(r, "exact", "").split(";")):
            if s:
                exact_map[s] = (r.unit, r.kind)
    for r in meas.itertuples():
        if r.kind in _RATE_KINDS:
            for per in ("year", "month", "week", "day", "hour", "minute", "second", "millisecond"):
                base.defer(f"{r.unit} per {per}", f"({r.pint}) / {per}", f"{r.unit} per {per}")
            for q in meas.itertuples():  # "microgram per gram", "kilowatt hour per square metre" (:func:`_measure_per`)
                if q.kind in _PER_KINDS and q.unit != r.unit:
                    base.defer(f"{r.unit} per {q.unit}", f"({r.pint}) / ({q.pint})", f"{r.unit} per {q.unit}")
    for r in money_units.itertuples():
        if r.unit not in base:
            base[r.unit] = (float(r.factor or 1) if r.kind == "subunit" else 1.0, _SUBUNIT_OF.get(r.unit, r.unit))
    before = list(money_units[money_units["position"].isin(["before", "both"])]["surface"])
    after = list(money_units[money_units["position"].isin(["after", "both"])]["surface"])
    after += [n for names in _iso_currencies().values() for n in names]  # names of every code, "colombian pesos" too
    after += [s.strip() for r in meas.itertuples() for s in r.surfaces.split(";") if s.strip()]
    attached = scales[scales["position"] == "attached"]["surface"]
    spaced = scales[scales["position"] != "attached"]["surface"]
    exact_after = _alt(sorted((k for k in exact_map if k not in iso), key=len, reverse=True))
    # The token: [currency] number|words [fraction] [- number] [scale] [unit] [scale]
    codes = "|".join(sorted(iso, key=len, reverse=True))
    codes_any_case = _branches(sorted(iso, key=len, reverse=True))
    cur_b = (rf"(?-i:M?(?:{codes}))(?:\s?\$)?(?!{_LETTER})|(?i:{codes_any_case})\s?\$|(?:{_cur_alt(before)})")
    unit_alt = rf"(?-i:M?(?:{codes})|{exact_after})|{_alt(after)}"
    tail = (
        rf"(?:(?P<num>{_NUM})|(?P<word>\b(?:{_alt(words)})))"
        rf"(?:\s(?P<frac>[1-9]/(?:[2-9]|1[0-6]))(?![\d/])|\s?(?P<vf>[½¼¾⅓⅔⅛]))?"
        r"(?:\s+с\s+(?:лишним|небольшим|гаком)(?=\s)|\s+(?P<half>с\s+половиной)(?=\s))?"  # "двадцать с лишним", "три с половиной"
        rf"(?:\s?(?P<dash>[-–—−])\s?(?:{cur_b})?\s?(?P<num2>{_NUM}))?"  # (− U+2212 too: "с 81−82%")
        # (a scale word after a hyphen too: "1.13-billion roubles", "$5-billion")
        rf"(?:(?P<att>{_alt(attached)})(?!{_LETTER})|(?:\s?|-)(?P<scale>{_alt(spaced)})(?!{_LETTER}))?"
        rf"(?:(?:\s?|\s?-\s?)(?P<unit>{unit_alt})(?!{_LETTER}))?"
        rf"(?:\s?(?P<scale2>{_alt(spaced)})(?!{_LETTER}))?"
    )
    token = re.compile(rf"(?:(?P<cur>{cur_b})\s?)?" + tail, re.I)
    # Tried right at a digit, the currency group (codes, signs, words: none begins with a digit)
    # can only fail: the same pattern without its alternatives gives the same matches, faster.
    digit_led = any(c[:1].isdigit() or c[:1] in _FRACTIONS for c in before)
    token_at_digit = token if digit_led else re.compile(r"(?:(?P<cur>(?!x)x)\s?)?" + tail, re.I)
    hb = h[h["position"] == "before"]
    ha = h[h["position"] == "after"]
    hedge_map = {
        r.phrase.lower(): (r.qualifier, float(r.low_factor), float(r.high_factor))
        for r in h[h["position"].isin(["before", "after"])].itertuples()
    }
    cv = h[h["position"] == "change_verb"]["phrase"]
    ic = h[h["position"] == "intent_cue"]["phrase"]
    # Metrics
    mrows = []
    for r in m.itertuples():
        kws = [k.strip().lower() for k in r.keywords.split(";") if k.strip()]
        also = [k.strip().lower() for k in r.also.split(";") if k.strip()]
        # every word of a keyword is a stem ("денежн перевод": "денежные переводы", "денежных переводов")
        # (a word "*" is any one word: "рост * экономик" is "рост российской экономики")
        kw_re = re.compile(r"\b(?:" + "|".join(re.escape(k).replace(r"\ ", r"\w*\s+").replace(r"\*", r"[^\W\d_]+")
                                              for k in kws) + r")\w*", re.I)
        also_re = (re.compile(r"\b(?:" + "|".join(re.escape(k) for k in also) + r")\w*", re.I) if also else None)
        try:
            prio = float(r.priority or 9)
        except ValueError as exc:
            raise KzruError(f"metrics table: priority of {r.metric!r} is not a number") from exc
        mrows.append((r.metric, r.kind, kw_re, also_re, prio))
    count_kw = tuple((kw, mr) for mr in mrows if mr[1] in ("count", "any") for kw in [mr[2]])
    metric_scan = _metric_scan(m)
    # Attribution
    by_kind = {k: g["phrase"].tolist() for k, g in a.groupby("kind")}
    demonyms = {r.phrase.lower(): {v.strip().lower() for v in r.value.split("|") if v.strip()}
                for r in a[a["kind"] == "demonym"].itertuples()}
    persons = {}
    for r in act[act["kind"].str.lower() == "person"].itertuples():
        short = r.name.split()[-1] if r.name.split() else r.name
        for alias in [r.name, short, *r.aliases.split("|")]:
            alias = alias.strip()
            if alias:
                persons.setdefault(alias.lower(), (short, r.country.strip().lower()))
    person = re.compile(r"\b(?:" + _alt(persons) + r")(?:['’]s)?", re.I) if persons else None
    nominal = _led(re.compile(
        rf"\b(?:the\s+)?(?:(?P<dem>{_alt(demonyms)})\s+)?(?P<role>{_alt(by_kind.get('role', []))})",
        re.I,
    ))
    placed = _compile_places(_table(places, "places.csv", ["name", "kind", "aliases"]))
    return FigureRules(
        token=token,
        token_at_digit=token_at_digit,
        units=unit_map,
        scales=scale_f,
        words=words,
        word_units=word_units,
        scale_only_words=frozenset(r.words.lower() for r in w.itertuples()
                                   if getattr(r, "needs_scale", "").strip().lower() == "true"),
        vague_words=frozenset(r.words.lower() for r in w.itertuples()
                              if str(getattr(r, "vague", "")).strip().lower() == "true"),
        not_count=frozenset(s.lower() for s in u[u["kind"] == "not_count"]["surface"]),
        exact_units=exact_map,
        base=base,
        count_nouns=frozenset(s.lower() for s in u[u["kind"] == "count_noun"]["surface"]),
        number_adjectives=_number_adjective_rules(u),
        **placed,
        # right before the figure, or before the "на" of an amount ("почти на $95 млрд", "примерно на 2%") or the "в" of
        # an estimate ("оценивается примерно в 2,96 млн", "почти в 30 млрд")
        hedge_before=re.compile(rf"(?:^|(?<=[\s(–—\"“«]))(?P<h>{_alt(hb['phrase'])})\s*(?:(?:на|во?)\s+)?{_HEDGE_FILLER}$", re.I),
        hedge_after=re.compile(rf"\s*(?P<h>{_alt(ha['phrase'])})", re.I),
        hedges=hedge_map,
        change_verb=_led(re.compile(rf"\b(?:{_alt(cv)})\b[^.;:]{{0,60}}?\bto\s*$", re.I)),
        to_verb=_led(re.compile(rf"\bto\s+(?:{_alt(cv)})\s*$", re.I)),
        intent=re.compile(rf"\b(?:{_alt(ic)})", re.I),
        metrics=tuple(mrows),
        metric_scan=metric_scan,
        count_keywords=count_kw,
        person=person,
        persons=persons,
        speech={**_speech_patterns(person, nominal, [p.lower() for p in by_kind.get("pronoun", [])],
                                   _alt(by_kind.get("verb", []))),
                # Russian speech verbs after a quotation (:func:`_quoted_part`)
                "quote_verb": re.compile(rf"(?<![^\W\d_])(?:{_alt(by_kind.get('quote_verb', []))})", re.I)},
        interview=re.compile(rf"\b(?:{_alt(by_kind.get('interview', []))})", re.I),
        anaphora=_led(re.compile(rf"\b(?:{_alt(by_kind.get('anaphora', []))})", re.I)),
        word_first=frozenset(w for k in words for w in k.split()) - {"a", "an", "and", "of"},
        word_start=re.compile(rf"\b(?:{_alt(words)})", re.I),
        lead=max((len(c) for c in before), default=0) + 1,
        person_first=frozenset(re.split(r"\s+", k)[0] for k in persons),
        lead_chars=frozenset(c[0] for c in before) | frozenset(c[0].lower() for c in before),
        # the verb, then at most four words of its object ("extend the president's term from ...")
        from_verb=re.compile(rf"\b(?:{_alt(h[h['position'] == 'from_verb']['phrase'])})(?:\s+[^\W\d_][\w'’-]*){{0,4}}?"
                             r"\s+(?:by\s+\S+\s+)?(?:[-–—,]\s*)?$", re.I),  # "increased by 87% - from"
        pronouns=frozenset(p.lower() for p in by_kind.get("pronoun", [])),
        nominal=nominal,
        demonyms=demonyms,
        group_nouns=frozenset(s.lower() for s in u[u["kind"] == "group_noun"]["surface"]),
        companies=_companies(act, placed["country_codes"]),
        unit_factors=unit_factors,
        political_parties=_political_parties(pol),
        count_aliases={r.alias.strip().lower(): r.noun.strip() for r in ca.itertuples() if r.alias.strip() and r.noun.strip()},
    )


def _political_parties(table: pd.DataFrame) -> tuple:
    """(pattern of every alias as written, alias -> party name, party name -> country code) of the political parties
    gazetteer."""
    names = {a.strip(): r.name.strip() for r in table.itertuples() for a in r.aliases.split("|") if a.strip()}
    if not names:
        return (None, {}, {})
    return (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")(?!\w)"),
            names, {r.name.strip(): r.country.strip() for r in table.itertuples()})


def _companies(actors: pd.DataFrame, codes: dict) -> tuple:
    """(pattern, alias -> country) of the gazetteer's companies whose ``country`` (ISO 3166 alpha-2)
    is a country of the places table; aliases match case-sensitively as whole words, as in the
    timeline. ``(None, {})`` when there is none."""
    country = {}
    for r in actors[actors["kind"].str.lower() == "company"].itertuples():
        if (place := codes.get(str(r.country).strip().upper())) is not None:
            for alias in [r.name, *str(r.aliases).split("|")]:
                if alias.strip():
                    country.setdefault(alias.strip(), place)
    if not country:
        return None, {}
    alts = sorted(country, key=lambda a: (-len(a), a))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alts)) + r")(?!\w)"), country


#: The adjective endings of Russian (how a number-in-a-word adjective ends: "-ую", "-ой", "-ых").
_RU_ADJ_END = r"(?:ыми|ими|ого|его|ому|ему|ый|ий|ой|ая|яя|ое|ее|ую|юю|ым|им|ом|ем|ых|их|ые|ие)"


def _number_adjective_rules(u: pd.DataFrame) -> tuple:
    """Compile the ``compound_number`` rows (a number's combining form: "пяти", "полутора") and
    the ``compound_stem`` rows (what it counts: "миллиардн" a scale, "мильн" a unit) of the units
    table into one pattern for a Russian adjective with a number inside it ("десятимильную
    зону", "пятимиллиардной отметки"), or with digits before its hyphen ("44-дневной войны",
    "5-процентный"). The word must end as an adjective: "тридцатилетие" (an anniversary) and
    "пятилетка" are not read."""
    try:
        prefixes = {r.surface.lower(): float(r.factor) for r in u[u["kind"] == "compound_number"].itertuples()}
        stems = {r.surface.lower(): (r.unit, float(r.factor or 1)) for r in u[u["kind"] == "compound_stem"].itertuples()}
    except ValueError as exc:
        raise KzruError(f"units table: a compound_number or compound_stem row has a non-numeric factor: {exc}") from exc
    if not stems:
        return (None, prefixes, stems)
    pre = "|".join(re.escape(p) for p in sorted(prefixes, key=lambda p: (-len(p), p))) or r"(?!x)x"
    stem = "|".join(re.escape(s) for s in sorted(stems, key=lambda s: (-len(s), s)))
    pattern = re.compile(rf"(?<![\w.,])(?:(?P<p>{pre})|(?P<n>\d+(?:[.,]\d+)?)-)(?P<s>{stem}){_RU_ADJ_END}(?!\w)", re.I)
    return (pattern, prefixes, stems)


def _number_adjectives(sentence: str, rules: FigureRules) -> list[dict]:
    """Tokens of the Russian adjectives with a number inside ("десятимильную" 10 nautical miles,
    "пятимиллиардной" 5 billion, "полуторамиллиардный" 1.5 billion, "44-дневной" 44 days); a
    scale stem gives a scaled number whose unit is found as for "5 млрд" (a currency nearby, or
    the noun it counts)."""
    pattern, prefixes, stems = rules.number_adjectives
    if pattern is None or not _CYRILLIC.search(sentence):
        return []
    out = []
    for c in pattern.finditer(sentence):
        n = prefixes[c.group("p").lower()] if c.group("p") else _to_float(c.group("n"))
        unit, scale = stems[c.group("s").lower()]
        kind = rules.units.get(unit, (unit, ""))[1] if unit else ""
        if kind == "duration" and _RECORD_AFTER.match(sentence, c.end()):
            continue  # "15-летнего максимума": how rare a level is, no figure (as "a 20-year high")
        out.append({"start": c.start(), "end": c.end(), "value": n * scale, "high": None, "unit": unit, "kind": kind,
                    "scaled": scale != 1, "word": False, "has_cur": False, "raw": f"{n:g}",
                    "word_text": c.group(0).lower(), "number_adjective": True})
    return out


# --------------------------------------------------------------------------------------------
# Numbers in one sentence
# --------------------------------------------------------------------------------------------


_RU_DECIMAL = re.compile(r"\d+,\d{1,2}")  # compiled once: the module-level re functions look each pattern up
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")


def _to_float(s: str) -> float:
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")  # "35 000": a space groups digits
    if s in _FRACTIONS:
        return _FRACTIONS[s]
    if "/" in s:
        n, d = s.split("/")
        return int(n) / int(d)
    if _RU_DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    return float(s.replace(",", ""))


#: Russian parts of speech that name nothing counted (pymorphy3's tags): verbs, pronouns, adverbs, prepositions...
_NOT_NOUN_POS = frozenset({"VERB", "INFN", "GRND", "PRTS", "ADJS", "NPRO", "ADVB", "PREP", "CONJ", "PRCL", "PRED", "INTJ",
                           "COMP"})


@functools.lru_cache(maxsize=65536)
def _ru_not_noun(word: str) -> bool:
    """Whether a lower-case Cyrillic word after a number is, most likely, no noun (pymorphy3's first parse of a word
    its dictionary knows, unless a noun's parse is as likely (:func:`_as_noun`): "484 туши тюленей" are carcasses, not
    "extinguish!"; a word it would only guess, "бпла", may be a noun)."""
    return _ru_known(word) and _as_noun(word).tag.POS in _NOT_NOUN_POS


def _as_noun(word: str):
    """pymorphy3's reading of a Russian word after a number: its first parse, unless a noun's parse is as likely ("туши":
    the noun туша, not the verb тушить; "судна": судно, not судный)."""
    from .terms import _morph

    parses = _morph().parse(word)
    return next((p for p in parses if p.tag.POS == "NOUN" and p.score >= parses[0].score), parses[0])


@functools.lru_cache(maxsize=65536)
def _ru_known(word: str) -> bool:
    """Whether pymorphy3's dictionary knows a lower-case Cyrillic word (else it only guesses its forms)."""
    from .terms import _morph

    return _morph().word_is_known(word)


#: Between two scaled numbers of one list: a comma, a semicolon or "и" / "and", then at most four words (a place) and a
#: dash or a hedge ("53,3 тыс., в Туркестанской области – 41,7 тыс.", "64 тыс. и примерно 58 тыс.").
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*(?:(?:и|а|and)\s+)?|\s(?:и|а|and)\s+)(?:[^\W\d_][\w.'’-]*\s+){0,4}?(?:[–—:-]\s*)?"
                       r"(?:(?:более|почти|около|примерно|свыше|порядка|over|about|nearly|almost|around|more\s+than)\s+)?",
                       re.I)


def _noun_ahead(sentence: str, toks: list[dict], idx: int, rules: FigureRules) -> str:
    """The noun the last of a list of bare scaled numbers counts, for the first one (``toks[idx]``), when every gap
    between them is a list's (:data:`_LIST_GAP`); "" when an item has a unit or another number breaks the list."""
    end = toks[idx]["end"]
    for u in toks[idx + 1:]:
        if not (u["scaled"] and not u["kind"] and _LIST_GAP.fullmatch(sentence, end, u["start"])):
            return ""
        noun = _noun_after(sentence, u["end"], rules)[1]
        if noun:
            return "" if noun in rules.not_count else noun
        end = u["end"]
    return ""


def _noun_after(text: str, pos: int, rules: FigureRules) -> tuple[str, str]:
    """The counted noun phrase after a number: (phrase, head noun), or ("", "")."""
    words = []
    adjective = None  # a Russian adjective read first ("восьми крупных российских университетов"): the noun if none follows
    for m in _WORD.finditer(text, pos, min(len(text), pos + 60)):
        gap = text[pos:m.start()] if not words else text[words[-1][1]:m.start()]
        if gap.strip():  # punctuation between words ends the phrase
            break
        w = m.group(0)
        if not words and w.lower() == "such":
            words.append((w, m.end()))
            continue  # "Seventy-six such direct agreements": the noun comes after
        if w.lower() in _STOP or w.lower() in _RU_STOP or w in _AR_STOP:
            break
        words.append((w, m.end()))
        low = w.lower()
        # Cyrillic and Arabic nouns need no plural -s to be counted ("500 شخص": 500 people)
        cyr = "а" <= low[0] <= "я" or low[0] in "ёіїєўәғқңөұүһ" or "\u0621" <= low[0] <= "\u064a"
        if cyr and low in rules.not_count:
            break  # "21 січня про підписання": a month name ends the phrase (a date, not a count)
        keyword = any(kw.match(low) for kw, _ in rules.count_keywords)
        if cyr and not keyword and low not in rules.count_nouns and _ru_not_noun(low):
            break  # "1,3 миллиона приезжали по работе", "600 тысяч из них": a verb or a pronoun counts nothing
        if cyr and not keyword and len(words) < 3 and _RU_ADJECTIVE.search(low) and low not in rules.not_count:
            adjective = adjective or (text[pos:m.end()].strip(), low)
            continue  # "пять казахских компаний": the noun comes after its adjectives
        if keyword or (low.endswith("s") and len(low) > 3) \
                or low in rules.count_nouns or (cyr and len(low) > 2 and low not in rules.not_count):
            if not cyr and not low.endswith("s") and (nxt := _PLURAL_AFTER.match(text, m.end())) \
                    and nxt.group(1).lower() not in _STOP:
                continue  # an English noun as another's attribute: "new passenger cars" counts cars
            phrase = text[pos:m.end()].strip()
            return phrase, low
        if len(words) >= 3:
            break
    return adjective or ("", "")


#: Right after an English singular noun, a plural one it is the attribute of ("passenger cars", "border crossings").
_PLURAL_AFTER = re.compile(r" ([a-z]{3,}s)\b")
#: Endings of a Russian adjective or participle in the plural or an oblique case ("крупных", "казахских", "новые").
_RU_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ого|его|ому|ему|ыми|ими)$")


_NUM_START = re.compile(r"(?<![\d.,])[\d½¼¾⅓⅔⅛]")
_LOWER_WORD = re.compile(r"[^\W\d_]+")


def _has_number(text: str, rules: FigureRules) -> bool:
    """Cheap pre-check: a digit, or a word that can begin a number in words."""
    if _NUM_START.search(text):
        return True
    low = text.lower()
    if rules.word_first.intersection(_LOWER_WORD.findall(low)):
        return True
    if "кажд" in low and _RATIO_RU.search(text):
        return True  # "каждый пятый": a share with no number word in it
    pattern, _, stems = rules.number_adjectives  # "десятимильную": a number inside a word
    return pattern is not None and any(st in low for st in stems) and bool(pattern.search(text))


#: A year before a dash starts no range ("2024-11" is a date; "in 2024 – $1.1 billion" two things).
_YEAR_DASH = re.compile(r"(?:19|20)\d\d")


def _token_matches(sentence: str, rules: FigureRules) -> list[re.Match]:
    """Matches of the token pattern, tried only where a number starts (much faster than a scan).

    A digit may have a currency before it ("USD 1.5"): the pattern is tried from up to
    ``rules.lead`` characters earlier, and kept when its number starts at that digit.
    """
    starts = [(m.start(), "num") for m in _NUM_START.finditer(sentence)]
    if rules.word_first.intersection(_LOWER_WORD.findall(sentence.lower())):
        starts += [(m.start(), "word") for m in rules.word_start.finditer(sentence)]
    out, last = [], 0
    for p, group in sorted(starts):
        if p < last:
            continue
        lead = max(last, p - rules.lead)
        if group == "num" and not any(ch in rules.lead_chars for ch in sentence[lead:p]):
            lead = p  # no currency sign or code can start before this digit
        tries = [q for q in range(lead, p) if sentence[q] in rules.lead_chars
                 and (q == 0 or not sentence[q - 1].isalnum())] + [p] if group == "num" else (p,)
        for q in tries:
            pattern = rules.token_at_digit if q == p and group == "num" else rules.token
            m = pattern.match(sentence, q)
            if m and m.start(group) == p and m.group("num2") and m.group("num") and (
                    _YEAR_DASH.fullmatch(m.group("num")) or _to_float(m.group("num2")) <= _to_float(m.group("num"))):
                # "in 2024 – $1.1 billion", "10 – 3 million": no range; the number after the dash is a figure of its own
                m = pattern.match(sentence, q, m.start("dash"))
            if m and m.start(group) == p:
                out.append(m)
                last = m.end()
                break
    return out


#: A noun that numbers what it names, right before a bare number: the number is a label, not a figure ("Section 232",
#: "in room 305", "Formula 1", "согласно статье 15", "пункт 3"; no verb: "to annex four provinces", "block 50 sites").
_NUMBERED_BEFORE = _led(re.compile(
    r"(?:\b(?:article|section|paragraph|clause|chapter|item|point|room|no\.|formula|protocol|part|page|stage|"
    r"phase|round|grade|lot|gate|platform|terminal|pier|line|hall|building)|(?<![^\W\d_])(?:стать[еияюёй]\w*|"
    r"пункт\w*|част[иьюе]\w*|глав[аеыуой]\w*|раздел\w*|параграф\w*|приложени\w*|страниц\w*|номер\w*|этап\w*|"
    r"фаз[аеыуой]\w*|кабинет\w*|аудитори\w*|комнат\w*|корпус\w*|подъезд\w*|линии|линия|блок\w*))\s+$", re.I))


#: The periods an amount may be "a" or "per" of (:data:`_PRICE_AFTER`): for money a rate in time, not a price.
_TIMES = ("night", "month", "year", "week", "day", "hour")
#: What a price is per ("$70 a share", "$80 per barrel", "12-cent-a-share"); plural and other
#: spellings name the same thing (``_PER_NOUN``).
_PRICE_AFTER = _led(re.compile(
    r"\s*-?\s*(?:a|an|per|each|/)\s*-?\s*(?:(?<=per\s)1\s+)?(?P<per>shares?|barrels?|bbl|tonnes?|tons?|metric tons?|dozen|units?|"
    r"heads?|persons?|person|people|capita|kilowatt[- ]hours?|kwh|megawatt[- ]hours?|mwh|cubic met(?:re|er)s?|"
    r"thousand cubic met(?:re|er)s?|gallons?|lit(?:re|er)s?|ounces?|oz|kilograms?|kg|square met(?:re|er)s?|"
    r"sq m|" + "|".join(_TIMES) + r")(?![^\W\d_])(?!\s+(?:ago|earlier|before|later|after|from|on)\b)", re.I))
_PER_NOUN = {"shares": "share", "barrels": "barrel", "bbl": "barrel", "tonnes": "metric ton", "tonne": "metric ton",
             "metric tons": "metric ton", "tons": "ton", "units": "unit", "heads": "head", "persons": "person",
             "people": "person", "capita": "person", "kwh": "kilowatt hour", "kilowatt-hours": "kilowatt hour",
             "kilowatt hours": "kilowatt hour", "kilowatt-hour": "kilowatt hour", "mwh": "megawatt hour",
             "megawatt-hours": "megawatt hour", "megawatt hours": "megawatt hour", "megawatt-hour": "megawatt hour",
             "cubic metres": "cubic metre", "cubic meters": "cubic metre", "cubic meter": "cubic metre",
             "thousand cubic metres": "thousand cubic metre", "thousand cubic meters": "thousand cubic metre",
             "thousand cubic meter": "thousand cubic metre", "gallons": "gallon", "litres": "litre",
             "liters": "litre", "liter": "litre", "ounces": "ounce", "oz": "ounce", "kilograms": "kilogram",
             "kg": "kilogram", "square metres": "square metre", "square meters": "square metre",
             "square meter": "square metre", "sq m": "square metre"}
#: ... in Russian, "за" and the thing ("80 долларов за баррель", "$200 за тысячу кубометров", "480 тенге за доллар"):
#: the word (lower case) -> what the price is per, as :data:`_PER_NOUN` names it.
_RU_PER_NOUN = {"баррель": "barrel", "тонну": "metric ton", "литр": "litre", "кубометр": "cubic metre",
                "кубический метр": "cubic metre", "тысячу кубометров": "thousand cubic metre",
                "тысячу кубических метров": "thousand cubic metre", "тыс. кубометров": "thousand cubic metre",
                "тыс. куб. м": "thousand cubic metre", "квт·ч": "kilowatt hour", "квт*ч": "kilowatt hour",
                "квт ч": "kilowatt hour", "квтч": "kilowatt hour", "киловатт-час": "kilowatt hour",
                "мвт·ч": "megawatt hour", "мегаватт-час": "megawatt hour", "унцию": "ounce", "килограмм": "kilogram",
                "кг": "kilogram", "квадратный метр": "square metre", "кв. м": "square metre", "акцию": "share",
                "человека": "person", "доллар": "USD", "евро": "EUR", "рубль": "RUB", "юань": "CNY"}
#: After an amount, the currency it is the price of: an exchange rate ("450 tenge per dollar", "92 roubles to the
#: dollar", "5.2 tenge for one ruble"; Russian "за доллар" is :data:`_RU_PRICE_AFTER`'s).
#: The currencies a price is quoted per, by their words (the Russian ones :data:`_RU_PER_NOUN` names, and the tenge).
_CURRENCY_NOUNS = {"dollar": "USD", "euro": "EUR", "ruble": "RUB", "rouble": "RUB", "yuan": "CNY", "renminbi": "CNY",
                   "tenge": "KZT", **{w: c for w, c in _RU_PER_NOUN.items() if c in ("USD", "EUR", "RUB", "CNY")},
                   "тенге": "KZT"}
_PER_CURRENCY = re.compile(r"\s+(?:per|to\s+the|for\s+(?:one|1|a|each))\s+(?:(?:US|U\.S\.)\s+)?"
                           rf"(?P<cur>{'|'.join(w for w in _CURRENCY_NOUNS if w.isascii())})s?(?![^\W\d_])"
                           r"|\s+за\s+(?:1\s+|один\s+|одного\s+)?"
                           rf"(?P<ru>{'|'.join(w for w in _CURRENCY_NOUNS if not w.isascii())})(?![^\W\d_])"
                           r"|\s+(?:за|per|for)\s+(?P<usd>\$\s?1)(?!\d|[.,]\d)", re.I)  # "518,2 тенге за $1"
#: The end of a sentence or clause before a number (not a decimal point: "by 1.3%, reaching 505.73 per US dollar").
_CLAUSE_STOP = re.compile(r"[;:!?]|\.(?!\d)")
#: A currency named before a bare number quoted per another ("The tenge weakened to 450 per dollar", "Курс тенге ослаб
#: до 450 за доллар"): the number is in it. The nearest one in the clause (group 1: English, 2: Russian stem).
_CURRENCY_BEFORE = re.compile(r"\b(dollar|euro|ruble|rouble|yuan|renminbi|tenge)s?\b"
                              r"|(?<![^\W\d_])(доллар|евро|рубл|юан|тенге)[а-яё]*(?![^\W\d_])", re.I)
_CURRENCY_STEMS = {"рубл": "RUB", "юан": "CNY"}
#: A unit that is one currency per another ("KZT per USD"): an exchange rate.
_CURRENCY_PAIR = re.compile(r"[A-Z]{3} per [A-Z]{3}")


def _exchange_unit(sentence: str, s: int, e: int, unit: str) -> tuple[str, int] | None:
    """(unit, end) of an amount quoted per a currency (:data:`_PER_CURRENCY`): "KZT per USD" for "450 tenge per dollar",
    and for a bare "450 per dollar" after "the tenge" in its clause; None when it is no such quote."""
    m = _PER_CURRENCY.match(sentence, e)
    if not m:
        return None
    per = "USD" if m.group("usd") else _CURRENCY_NOUNS[(m.group("cur") or m.group("ru")).lower()]
    if not unit:
        start = max([0, *(x.end() for x in _CLAUSE_STOP.finditer(sentence, 0, s))])
        named = [_CURRENCY_NOUNS.get(w.lower()) or _CURRENCY_STEMS.get(w.lower())
                 for w in (x.group(1) or x.group(2) for x in _CURRENCY_BEFORE.finditer(sentence, start, s))]
        named = [c for c in named if c and c != per]
        if not named:
            return None
        unit = named[-1]
    return (f"{unit} per {per}", m.end()) if unit != per else None


_RU_PRICE_AFTER = re.compile(r"\s+за\s+(?:1\s+|одну\s+|один\s+)?(?P<per>"
                             + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_RU_PER_NOUN, key=len, reverse=True))
                             + r")(?![^\W\d_])", re.I)
#: Measures that become a rate with "a year", "per day", "an hour" after them ("2.4 billion gallons a year").
_RATE_KINDS = frozenset({"length", "mass", "volume", "energy"})
#: Right after a bare number, a rate per thousand people ("18.5 per 1,000 people", "25,05 человек на 1000 населения", "на
#: 1000 жителей"): a birth or death rate, not a count, and the thousand people counted by it are no figure.
_PER_THOUSAND = re.compile(r"(?:\s+(?:человек|people))?\s+(?:per|на)\s+(?:1[,.\s\u00a0]?000|одну\s+тысячу|тысячу)\s+"
                           r"(?:people|persons|population|inhabitants|residents|человек|населения|жителей)(?![^\W\d_])", re.I)
#: The Russian "в год", "в сутки" of a rate ("67 млн тонн в год"), as the English period.
_RU_PER = {"год": "year", "сутки": "day", "день": "day", "месяц": "month", "неделю": "week", "час": "hour"}
_RU_PERIODS = "|".join(_RU_PER)  # (read after a measure, :data:`_RATE_AFTER`, and after money, :data:`_RU_MONEY_PER`)
#: ... and the words of the period after the measure, English or Russian.
_RATE_AFTER = re.compile(r"(?:\s+of(?:\s+[^\W\d_]+){1,2})?(?:\s+(?:a|an|per|each)\s+|\s*/\s*)"
                         r"(?P<per>year|month|week|day|hour|minute|second|millisecond)\b"
                         rf"|\s+в\s+(?P<ru>{_RU_PERIODS})(?![^\W\d_])", re.I)
#: A word of a rate before a measure, at most four words before it in its clause: "monthly supplies of", "ежемесячных
#: поставках" (not "annual": an annual output is the year's total, compared with the year's).
_RATE_BEFORE = re.compile(r"(?:\b(monthly|daily|weekly)|(?<![^\W\d_])(ежемесячн|ежедневн|еженедельн|ежесуточн)[а-яё]*)"
                          r"(?:\s+[^\W\d_]+){0,4}\s+$", re.I)
#: ... or after the noun of the measure ("100 тысяч тонн нефти в месяц", "5 тонн a day").
_RATE_AFTER_NOUN = re.compile(r"(?:\s+[^\W\d_]+){1,2}?\s+(?:(?:a|per|each)\s+(month|day|week)\b"
                              r"|в\s+(месяц|сутки|день|неделю)(?![^\W\d_]))", re.I)
#: What the words of :data:`_RATE_BEFORE` are per (those of :data:`_RATE_AFTER_NOUN` are the period or :data:`_RU_PER`'s).
_RATE_WORD = {"monthly": "month", "daily": "day", "weekly": "week", "ежемесячн": "month", "ежедневн": "day",
              "еженедельн": "week", "ежесуточн": "day"}
#: A year's rate said in one word after an amount of money: "$115 million annually", "per annum", "ежегодно" (as "a
#: year"; a measure keeps its unit as written: "2.8 billion cubic meters of gas annually" is cubic metres, the news
#: sets' reading).
_ANNUALLY = re.compile(r"\s+(?:annually|per\s+annum|yearly|ежегодно)(?![^\W\d_])", re.I)
#: ... after an amount of money ("115 млн долларов в год"; not "в год 30-летия", the year of something).
_RU_MONEY_PER = re.compile(rf"\s+в\s+({_RU_PERIODS})(?![^\W\d_])(?!\s+(?:\d|[а-яё]+(?:ия|ея)(?![а-яё])))", re.I)
_AGE_AFTER = re.compile(r"\s*-?\s*(?:of\s+age|old)\b", re.I)
#: After "часа"/"часов": a time of day ("в 2 часа ночи", "в 10 часов по московскому времени").
_TIME_OF_DAY = re.compile(r"\s+(?:ночи|утра|дня|вечера|пополудни|по\s+(?:московскому|местному|[а-яё]+скому)\s+времени)\b", re.I)
#: Before an hour: by that time of day ("к 14 часам", "по состоянию на 10 часов").
_BY_HOUR = re.compile(r"(?<![^\W\d_])(?:к|по\s+состоянию\s+на)\s+$", re.I)
#: Right before a number: an age ("aged 87", "at age 5", "over the age of 15", "в возрасте 5 лет").
_AGE_BEFORE = _led(re.compile(r"\b(?:aged?|age\s+of|в\s+возрасте)\s+$", re.I))
#: The symbols of a magnitude's scale ("MPV 6.7", "Mw 7.1", "M 8.0"), longest first.
_MAGNITUDE_SYMBOLS = r"MPV|Mpv|Mw|Ms|Mb|ML|M"
#: Right before a number: the word of an earthquake's magnitude, with its scale's symbol ("a magnitude of MPV 6.7",
#: "with a magnitude 7.1", "землетрясение магнитудой 7,1"); right after it ("a 7.1-magnitude earthquake", "6.7 on the
#: Richter scale", "6,7 по шкале Рихтера"). The magnitude is a figure of its own unit (``magnitude``) and metric.
_MAGNITUDE_BEFORE = re.compile(r"(?:\bmagnitudes?(?:\s+of)?|(?<![^\W\d_])магнитуд\w*(?:\s+в)?)\s+"
                               r"(?:(?:about|around|nearly|almost|roughly|approximately|около|примерно|почти|порядка)\s+)?"
                               rf"(?:(?-i:{_MAGNITUDE_SYMBOLS})\s+)?$", re.I)  # (a hedge between: "магнитуды около 8,7")
_MAGNITUDE_WORD = re.compile(r"magnitud|магнитуд|richter|рихтер|earthquake|quake|aftershock|землетрясен|афтершок", re.I)
_MAGNITUDE_AFTER = re.compile(r"(?:-|\s+)magnitude\b|\s+(?:on\s+the\s+Richter|по\s+шкале\s+Рихтера)", re.I)
#: A number with one decimal, under ten, right before the earthquake itself ("the massive 8.8 earthquake", "a 6.9
#: aftershock") or after "measuring" ("the strongest measuring 6.9"): its magnitude (not "14 aftershocks", "the 2011
#: earthquake").
_QUAKE_AFTER = re.compile(r"(?:-|\s+)(?:earthquake|quake|aftershock|tremor)\b", re.I)
_MEASURING_BEFORE = re.compile(r"\bmeasuring\s+$", re.I)
_ONE_DECIMAL = re.compile(r"\d[.,]\d")
def _quake_metric(f: dict, sentence: str, clause: tuple[int, int], before: str = "", rules: FigureRules | None = None) -> str:
    """The metric of an earthquake's figure: ``magnitude`` for a magnitude (:data:`_MAGNITUDE_BEFORE`), ``depth`` for a
    length a depth names right before it in a sentence on an earthquake, or right after one (``before``: "... an
    earthquake of magnitude 7.1 was reported in Ushi County. The depth of the outbreak was 22 km"; "Глубина 65 км."),
    ``distance (from <town>)`` for a length from a named town in a sentence on an earthquake or a crash ("about 125 km
    southeast of Petropavlovsk-Kamchatsky", "в 161 км восточнее Петропавловска-Камчатского", "the wreckage was found 16 km
    from Tynda": :func:`_distance_from`), with
    `` (aftershock)`` when its clause is on an aftershock ("The strongest aftershock had a magnitude of 5.3"); else
    ""."""
    if f["unit"] == "magnitude":
        what = "magnitude"
    elif f["kind"] == "length" and _DEPTH_BEFORE.search(sentence, max(0, f["start"] - 45), f["start"]) \
            and (_QUAKE.search(sentence) or _QUAKE.search(before)):
        what = "depth"
    elif f["kind"] == "length" and rules is not None and (
            _QUAKE.search(sentence) or _CRASH.search(sentence) or _QUAKE_TITLE.search(sentence, 0, f["start"])) \
            and (town := _distance_from(sentence, f["end"], rules)):
        what = f"distance (from {town})"
    else:
        return ""
    if _TOLL_BEFORE.search(sentence, *clause) or _FIRST_REPORTED.search(sentence, *clause):
        return what + _EARLIER_SUFFIX  # "The earthquake was originally reported as 7.0 magnitude"
    if _MODAL_AFTER.match(sentence, f["end"], clause[1]):
        return what + _OTHER_SUFFIX  # "tremors up to magnitude 7.5 could occur in the coming days": no quake's yet
    if not _AFTERSHOCK.search(sentence, *clause):
        return what
    # (the strongest aftershock is one quantity; any other is one of many: "aftershocks of magnitude 3.0 and above")
    return what + (" (strongest aftershock)" if _STRONGEST.search(sentence, *clause) else _OTHER_SUFFIX)


def _other_quakes(out: list[dict]) -> None:
    """Mark as another earthquake's (:data:`_OTHER_SUFFIX`) an article's magnitudes a whole point or more below its
    largest (the main shock's: "an earthquake of magnitude 5.2 occurred in Wushi County" beside "an earthquake of
    magnitude 7"), and give a depth the kind of the last magnitude before it in the article ("The source of the
    tremors was at a depth of 10 km" after the magnitude 5.2). In place."""
    mags = [r for r in out if r["metric"] == "magnitude"]
    if not mags:
        return
    top = max(r["value"] for r in mags)
    for r in mags:
        if r["value"] <= top - _OTHER_QUAKE_BELOW:
            r["metric"] += _OTHER_SUFFIX
    last = ""
    for r in out:
        if r["metric"].startswith("magnitude"):
            last = r["metric"].removeprefix("magnitude")
        elif r["metric"] == "depth" or r["metric"].startswith("distance (from "):
            # (a distance under a seismic agency's title of a weaker quake is that quake's: "M 6.9 - 147 km ESE of ...")
            title = _QUAKE_TITLE.search(r["sentence"], 0, max(0, r["sentence"].find(r["surface"])))
            other = title is not None and float(title.group(1).replace(",", ".")) <= top - _OTHER_QUAKE_BELOW
            r["metric"] += _OTHER_SUFFIX if other else last


#: How far (magnitude points) below an article's largest magnitude another is another earthquake's, not the main
#: shock's by another agency (7.1 by China's, 7.0 by the USGS, 6.7 by Kazakhstan's: one earthquake).
_OTHER_QUAKE_BELOW = 1.0
#: The end of the metric of a figure of another event than the one its article reports (another earthquake, one of
#: many aftershocks): no claim compared.
_OTHER_SUFFIX = " (other)"
#: A figure first reported, since revised ("was originally reported as 7.0 magnitude", "первоначально сообщалось").
_FIRST_REPORTED = re.compile(r"\b(?:originally|initially)\s+(?:[\w-]+\s+){0,2}?(?:reported|put|given|estimated|measured|said|had"
                             r"|registered|recorded|rated|assessed)\b"
                             r"|(?<![^\W\d_])(?:первоначально|изначально)(?![^\W\d_])", re.I)
#: Right after a magnitude, a verb that says it may come ("tremors up to magnitude 7.5 could occur", "толчки магнитудой до
#: 7,5 могут произойти").
_MODAL_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:could|may|might|would|will|can|(?<![^\W\d_])(?:могут|может|возможн\w*))"
                          r"(?![^\W\d_])", re.I)
_STRONGEST = re.compile(r"\b(?:strongest|largest|biggest|most\s+powerful)\b"
                        r"|(?<![^\W\d_])(?:сильнейш\w*|мощнейш\w*|самы\w+\s+(?:сильн|мощн)\w*|крупнейш\w*)", re.I)


#: The metrics of an earthquake (:func:`_quake_metric`): of no country, compared across articles by the month alone.
_QUAKE_METRICS = frozenset({"magnitude", "depth", "distance"})
#: Right after a length, the town it is measured from, with the way from it ("125 km southeast of Petropavlovsk-Kamchatsky",
#: "136 km ESE of Petropavlovsk-Kamchatsky", "16 km from Tynda", "в 161 км восточнее Петропавловска-Камчатского", "в 264
#: км на юго-восток от Алматы", "в 15 километрах от города Тынды"); group ``name`` or ``name_ru``: the town.
_COMPASS = r"(?:north|south|east|west)(?:[-\s]?(?:north|south|east|west)){0,2}(?:ern)?"
_COMPASS_RU = r"(?:(?:северо|юго)-?)?(?:север|юг|восток|запад)\w*"
_DISTANCE_AFTER = re.compile(
    r"(?:\s*\([^()]{0,30}\))?\s+(?:"
    rf"(?:(?i:{_COMPASS})\s+|[NSEW]{{1,3}}\s+)?(?i:of|from|away\s+from)\s+(?:the\s+(?i:city|town|village)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,2})"
    rf"|(?:(?i:(?:к|на)\s+{_COMPASS_RU}|(?:(?:северо|юго)-?)?(?:восточнее|западнее|севернее|южнее))\s+)?"
    r"(?i:от)\s+(?:(?i:города|г\.|пос[её]лка|села)\s*)?(?P<name_ru>[А-ЯЁ][\w-]*(?:\s[А-ЯЁ][\w-]*)?)"
    r"|(?i:(?:(?:северо|юго)-?)?(?:восточнее|западнее|севернее|южнее))\s+(?:(?i:города|г\.)\s*)?"
    r"(?P<name_ru2>[А-ЯЁ][\w-]*(?:\s[А-ЯЁ][\w-]*)?))")


def _distance_from(sentence: str, end: int, rules: FigureRules) -> str:
    """The town a length right before ``end`` is measured from (:data:`_DISTANCE_AFTER`), named alike in either language:
    by the places table ("Алматы" and "Almaty": Almaty), else in Latin letters from its Russian dictionary form
    (pymorphy3, iuliia: "Петропавловска-Камчатского" -> "Petropavlovsk-Kamchatsky", "Тынды" -> "Tynda"); ``""`` when none."""
    m = _DISTANCE_AFTER.match(sentence, end)
    if m is None:
        return ""
    name = m.group("name") or m.group("name_ru") or m.group("name_ru2")
    if m.group("name") and (words := name.split()) and len(words) > 1 and words[0].endswith(("'s", "’s")):
        name = " ".join(words[1:])  # "Kazakhstan’s Almaty"
    name = name.rstrip(".")
    town = next(rules.towns.finditer(name), None)
    if town is not None and town[0] == 0:
        return town[1]
    if _places_in(name, rules)[0]:
        return ""  # a country or region: no town's distance ("150 km from Japan")
    if not m.group("name"):
        from .terms import _morph

        parts = []
        for part in name.split("-"):
            parses = [p for p in _morph().parse(part.lower()) if {"Geox"} & p.tag.grammemes or "ADJF" in p.tag]
            word = parses[0].normal_form if parses else part.lower()
            parts.append(word.capitalize())
        name = _latin_name("-".join(parts))
    return name


#: Right before a length: its depth ("at a depth of 22 km", "The depth of the outbreak was 22 km", "на глубине 65 км",
#: "Глубина 65 км").
_DEPTH_BEFORE = re.compile(r"\bdepth\b(?:\s+[\w-]+){0,4}?\s+(?:of|was|is|at)\s+(?:about\s+|around\s+)?$"
                           r"|(?<![^\W\d_])(?:на\s+глубине|глубин[аеоуы]\w*(?:\s+[\w-]+){0,3}?(?:\s+составил\w*|\s*[-–—:])?)"
                           r"\s+(?:около\s+|порядка\s+)?$", re.I)
#: An earthquake named in a sentence, and an aftershock in a clause.
_QUAKE = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|epicent\w*|hypocent\w*|seismic)\b"
                    r"|(?<![^\W\d_])(?:землетрясени\w*|толч\w*|эпицентр\w*|гипоцентр\w*|очаг\w*|сейсми\w*)", re.I)
#: A seismic agency's title of an earthquake, up to its distance: "M 8.0 - " (136 km ESE of Petropavlovsk-Kamchatsky);
#: group 1: the magnitude.
_QUAKE_TITLE = re.compile(rf"\b(?:{_MAGNITUDE_SYMBOLS})\s*(\d[.,]\d)\s*[-–—]\s*$")
#: A magnitude's symbol right before a number ("M 8.0", "Mw 7.1").
_MAGNITUDE_SYMBOL = re.compile(rf"\b(?:{_MAGNITUDE_SYMBOLS})\s*$")
#: A crash named in a sentence (a plane's, a train's): where it happened is measured from a town as an epicentre is.
_CRASH = re.compile(r"\b(?:crash\w*|wreckage|debris|went\s+down)\b|(?<![^\W\d_])(?:крушени\w*|обломк\w*|разбил\w*"
                    r"|катастроф\w*|рухнул\w*)", re.I)
_AFTERSHOCK = re.compile(r"\baftershocks?\b|(?<![^\W\d_])(?:афтершок\w*|повторн\w+\s+толч\w*)", re.I)
#: Kinds whose figures may carry a sign ("-5 °C", "+3.2%", "-2.1 pc", "minus 20 degrees Celsius").
_SIGNED = frozenset({"percent", "temperature"})
#: A sign written as a word right before a number ("minus 20 degrees", "минус 0,5%"); not a margin
#: ("plus or minus 3%", "плюс-минус 3%").
_MINUS_WORD = re.compile(r"(?<![\w-])(?<!plus or )(?<!плюс или )(?:minus|минус)\s+$", re.I)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
#: Before "half of", an ordinal that makes it a part of a time ("the first half of the match"), not a share.
_ORDINAL_HALF = re.compile(r"\b(?:first|second|1st|2nd|latter|former|other|final|last|opening|early|late)[\s-]+$", re.I)
#: A unit in brackets right after a number, at most two words ("(долларов - ред.)", "(billion dollars)").
_PAREN_UNIT = re.compile(r"\s*\(\s*(?P<w>[^\W\d_]+\.?(?:\s+[^\W\d_]+)?)")
_MODAL_BEFORE = _led(re.compile(r"\b(?:would|could|will|(?-i:may)|might|can|should|shall)\s+$", re.I))
_CAP_BEFORE = re.compile(r"(?<![.!?:;\-–—\"“«(])\s(?P<w>[A-Za-z&]*[A-Z][\w&.-]*)\s$")


#: A measure per another written after a measure ("37.8 microgrammes per gramme", "50 centimeters/millisecond"),
#: the second one or two words long.
_PER_MEASURE = re.compile(r"(?:\s+per\s+|\s*/\s*)(?P<u>[^\W\d_]+)(?P<u2>\s+[^\W\d_]+)?", re.I)
#: The kinds of measure a measure may be per (a time is :data:`_RATE_AFTER`'s): the rates of
#: :data:`_RATE_KINDS` per these are in the rules' ``base`` (:func:`figure_rules`).
_PER_KINDS = frozenset({"length", "mass", "volume", "energy", "area"})


def _measure_per(sentence: str, e: int, unit: str, rules: FigureRules) -> tuple[str, int] | None:
    """(the unit, end) of a measure the measure ``unit`` ending at ``e`` is per ("per gramme", "/square metre"), or None."""
    m = _PER_MEASURE.match(sentence, e)
    if not m:
        return None
    for end in ((m.end("u2"), m.end("u")) if m.group("u2") else (m.end("u"),)):
        per = _unit_of(sentence[m.start("u"):end], rules)[0]
        if per and f"{unit} per {per}" in rules.base:
            return per, end
    return None


def _unit_of(text: str, rules: FigureRules) -> tuple[str, str, float]:
    """(unit, kind, scale) of a currency sign, code or unit word; ("", "", 1) if unknown.

    Codes are matched as written ("USD", "MW"); "MUSD" is a million dollars; "CAD$" is the code.
    """
    if not text:
        return "", "", 1.0
    key = _SPACES.sub("", text) if len(text) <= 6 else _SPACES.sub(" ", text)
    if key.endswith("$") and key[:-1].upper() in rules.exact_units and len(key) == 4:
        key = key[:-1].upper()
    spaced = _SPACES.sub(" ", text).lower()
    hit = rules.exact_units.get(key) or rules.units.get(key.lower()) or rules.units.get(spaced)
    if hit:  # ("25 basis points": 0.25 of a percentage point)
        return hit[0], hit[1], rules.unit_factors.get(key.lower(), rules.unit_factors.get(spaced, 1.0))
    if len(key) == 4 and key[0] == "M" and key[1:] in rules.exact_units:
        return key[1:], "money", 1e6
    return "", "", 1.0


#: Before a Russian fraction word, an ordinal or a position makes it a part of a period ("в первой
#: половине 2023 года", "в последней трети века"); after it, a period's noun ("четверть века").
_RU_PART_BEFORE = _led(re.compile(r"(?<![^\W\d_])(?:перв|втор|трет|четв[её]рт|последн|нижн|верхн|минувш|прошл)[а-яё]*\s+$", re.I))
_RU_PART_AFTER = re.compile(r"\s+(?:века|столетия|столетий|часа|тысячелетия)(?![^\W\d_])", re.I)
#: A number joined by a hyphen to the noun it counts, before the noun the compound describes
#: ("a six-member organization", "a 16-bit chip"); the words after the hyphen that never count a thing.
_COMPOUND = re.compile(r"-(?P<w>[a-z]{3,})(?=\s+[^\W\d_])")
_NOT_COMPOUND = frozenset("thirds quarters halves fifths tenths odd plus way sided something ish and fold "
                          "digit style related based like long wide high deep old".split())


def _compound_head(sentence: str, e: int, m: re.Match, rules: FigureRules) -> re.Match | None:
    """The counted noun of a number-hyphen-noun compound right after the token ending at ``e``,
    or None (not such a compound: "two-thirds", "20-odd", "2024-style", "one-sided")."""
    if m.group("cur") or m.group("att") or m.group("scale") or m.group("scale2") or m.group("num2"):
        return None
    raw = m.group("num") or ""
    word = (m.group("word") or "").lower()
    if _YEAR_LIKE.fullmatch(raw) or "." in raw or word in rules.scale_only_words:
        return None
    c = _COMPOUND.match(sentence, e)
    if not c or c.group("w") in _NOT_COMPOUND or c.group("w") in rules.not_count:
        return None
    return c


_RU_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{3}")
#: "102.000", "390.000": thousands grouped by a dot (read so before a Russian word, which marks decimals with a comma).
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


#: "top-10", "ТОП-10": a count of the ranked ("в ТОП-10 стран"), not a code glued to a word.
_TOP_BEFORE = re.compile(r"(?<![^\W\d_])(?:top|топ)-$", re.I)


def _tokens(sentence: str, rules: FigureRules) -> list[dict]:
    """Raw numeric tokens of a sentence with their unit and scale (no filtering yet)."""
    out = []
    quake = _MAGNITUDE_WORD.search(sentence) is not None  # (a magnitude's words looked for only where one is named)
    for m in _token_matches(sentence, rules):
        s, e = m.start(), m.end()
        if out and s < out[-1]["end"]:
            continue  # inside the token before, read to what it is per ("$0.057 per 1 kWh", "5 рублей за 1 кВт·ч")
        prev = sentence[s - 1] if s else " "
        prev2 = sentence[s - 2] if s > 1 else " "
        if prev.isalnum() or prev in "_#" or (prev in "-/:.№" and prev2.isalnum() and not (
                prev == "-" and _TOP_BEFORE.search(sentence, max(0, s - 5), s))):
            continue
        unit_text = m.group("unit") or ""
        nxt = sentence[e] if e < len(sentence) else " "
        nxt2 = sentence[e + 1] if e + 1 < len(sentence) else " "
        compound = None
        # an earthquake's magnitude: "magnitude 7.1", "a 7.1-magnitude earthquake", "магнитудой 6,7"
        magnitude = quake and not unit_text and not m.group("cur") and not m.group("word") and bool(
            _MAGNITUDE_AFTER.match(sentence, e) or _MAGNITUDE_BEFORE.search(sentence, max(0, s - 25), s) or (
                _ONE_DECIMAL.fullmatch(m.group("num") or "") and (
                    _QUAKE_AFTER.match(sentence, e) or _MEASURING_BEFORE.search(sentence, max(0, s - 12), s))))
        if nxt == "-" and nxt2.isalpha() and not unit_text and not magnitude:
            compound = _compound_head(sentence, e, m, rules)
            if compound is None:
                continue
        if nxt.isalnum() or (nxt in "-/:.," and nxt2.isdigit()):
            continue
        cur = m.group("cur") or ""
        unit, kind, mul = _unit_of(unit_text, rules)
        cunit, ckind, cmul = _unit_of(cur, rules)
        scale_word = (m.group("att") or m.group("scale") or "").lower()
        scale = rules.scales.get(scale_word, 1.0) if scale_word else 1.0
        if m.group("scale2"):
            scale *= rules.scales.get(m.group("scale2").lower(), 1.0)
            scale_word = scale_word or m.group("scale2").lower()
        if cunit:
            if unit and kind not in ("money", "percent", "subunit"):
                e = m.start("unit") if not m.group("scale2") else e  # "$5 billion tonnes": the money only
                e = len(sentence[:e].rstrip(" -"))
                unit_text = ""
            unit, kind, mul = cunit, ckind, cmul * (mul if unit == cunit else 1.0)
        if unit == "GBP" and unit_text.lower().startswith("pound") and not scale_word and not cur:
            unit, kind = rules.units.get("lb", ("pound-mass", "mass"))  # "200 pounds": a weight
        # "1.8m" glued with no currency is a length; a capital "M" is a million ("9M users"), as the metre's symbol is
        # lower-case
        if m.group("att") == "m" and not cur and kind not in ("money", "subunit"):
            phrase, noun = _noun_after(sentence, e, rules)
            if not unit and not noun and "metre" in rules.base:
                unit, kind, scale, scale_word = "metre", rules.units.get("metre", ("metre", "length"))[1], 1.0, ""
        if not unit and (m.group("unit") or "").startswith("%"):
            unit, kind = rules.units.get("%", ("percent", "percent"))
        if not unit and not cur and (pu := _PAREN_UNIT.match(sentence, e)):
            # an editor's unit in brackets: "30 миллиардов (долларов - ред.)", "28 (billion dollars)"
            ws = pu.group("w").split()
            f = rules.scales.get(ws[0].lower()) if len(ws) > 1 and not scale_word else None
            u2, k2, mul2 = _unit_of(" ".join(ws[1:] if f else ws), rules)
            if k2 in ("money", "percent") or (k2 in _RATE_KINDS and _SHUT.match(sentence, pu.end())):
                # (a measure only when the brackets hold it alone: "Около 300 млн (куб. м) уже поступило")
                unit, kind, mul = u2, k2, mul2
                if f:
                    scale, scale_word = f, ws[0].lower()
        num = m.group("num") or ""
        if scale_word and _RU_DECIMAL_COMMA.fullmatch(num) and _CYRILLIC.match(scale_word):
            num = num.replace(",", ".")  # "1,281 млрд": Russian writes decimals with a comma
        elif _DOT_THOUSANDS.fullmatch(num) and _CYRILLIC.match(scale_word or unit_text or sentence[e:e + 2].strip() or "x"):
            num = num.replace(".", "")  # "102.000 барреля": a dot groups thousands where a comma marks decimals
        if m.group("word"):
            if unit == "day" and m.group("word").lower() == "one" and _MODAL_BEFORE.search(sentence, max(0, s - 12), s):
                continue  # "would one day form": some day, not a duration
            wkey = re.sub(r"\s+", " ", m.group("word").lower())
            base = rules.words.get(wkey)
            if rules.word_units.get(wkey, ("", ""))[1] == "fraction" and _CYRILLIC.match(wkey) and (
                    _RU_PART_BEFORE.search(sentence, max(0, s - 20), s) or _RU_PART_AFTER.match(sentence, m.end("word"))
                    or _RU_ORDINAL_NEXT.match(sentence, m.end("word"))):
                continue  # "в первой половине года", "четверть века", "в половине седьмого": a time, not a share
            if wkey == "half of" and _ORDINAL_HALF.search(sentence, max(0, s - 20), s):
                continue  # "the second half of the match", "the latter half of the century": a time, not a share
            if not unit and not cur and wkey in rules.word_units:
                unit, kind = rules.word_units[wkey]
            if base is None or (m.group("word").lower() in rules.scale_only_words and not scale_word
                                and not (unit and kind not in ("percent", "multiple"))):
                continue  # "a quarter", "half" count only before a scale word
        else:
            base = _to_float(num)
        if m.group("half"):
            base += 0.5  # "три с половиной года"
        if m.group("frac"):
            n, d = m.group("frac").split("/")
            base += int(n) / int(d)
        elif m.group("vf"):
            base += _FRACTIONS[m.group("vf")]
        if unit_text in ("mt", "MT") and not scale_word and base < 1000:
            continue  # "4.1 mt" is millions of tonnes on some pages, "12 mt of gold" tonnes on others: left unread
        if not unit and not cur and (pt := _PER_THOUSAND.match(sentence, e)):
            unit, kind, e = "per 1000 people", "rate", pt.end()  # "18.5 per 1,000 people": a rate, and no 1,000 people
        if not unit and not cur and not m.group("word") and (xr := _exchange_unit(sentence, s, e, "")):
            unit, kind, e = xr[0], "money", xr[1]  # "The tenge weakened to 450 per dollar": the tenge's rate
        elif kind == "money" and " per " not in unit and (xr := _exchange_unit(sentence, s, e, unit)):
            unit, e = xr  # "450 tenge per dollar", "92 roubles to the dollar"
        money_per = ""
        if kind in ("money", "subunit") and " per " not in unit:
            pm = _PRICE_AFTER.match(sentence, e)
            if pm and (per := re.sub(r"\s+", " ", pm.group("per").lower())) in _TIMES:
                # "$115 million a year", "70,000 rubles a month": an amount of each period keeps its currency (the
                # news sets' reading), so that "$115 million a year" meets "an annual $115 million"; a period
                # other than the year is said in the metric ("wage (per month)")
                e, money_per = pm.end(), per
            elif pm:  # "$70 a share", "50 cents per barrel", "$600 per tonne": a price, not an amount
                unit, e = f"{unit} per {_PER_NOUN.get(per, per)}", pm.end()
            elif rp := _RU_PRICE_AFTER.match(sentence, e):  # "80 долларов за баррель", "480 тенге за доллар"
                per = _RU_PER_NOUN[re.sub(r"\s+", " ", rp.group("per").lower())]
                if per != unit:
                    unit, e = f"{unit} per {per}", rp.end()
            elif rt := _RU_MONEY_PER.match(sentence, e):  # "115 млн долларов в год", as the English "a year"
                e, money_per = rt.end(), _RU_PER[rt.group(1).lower()]
            elif an := _ANNUALLY.match(sentence, e):  # "$115 million annually", "115 млн долларов ежегодно"
                e, money_per = an.end(), "year"
        per_word = money_per if money_per != "year" else ""
        if kind in _RATE_KINDS:
            rm = _RATE_AFTER.match(sentence, e)
            per = (rm.group("per") or _RU_PER[rm.group("ru").lower()]).lower() if rm else ""
            if rm and f"{unit} per {per}" in rules.base:
                unit, kind, e = f"{unit} per {per}", "rate", rm.end()
            elif not rm and (mm := _measure_per(sentence, e, unit, rules)):
                unit, kind, e = f"{unit} per {mm[0]}", "rate", mm[1]  # "37.8 microgrammes per gramme"
            elif not rm and (bm := _RATE_BEFORE.search(sentence, max(0, s - 50), s)):
                # "ежемесячных поставках 100.000 тонн нефти", "daily exports of 20,000 tonnes": so much a month or a
                # day, not a total; the unit stays as written (its metric says it)
                per_word = _RATE_WORD[(bm.group(1) or bm.group(2)).lower()]
            elif not rm and (bm := _RATE_AFTER_NOUN.match(sentence, e)):
                per_word = (bm.group(1) or _RU_PER[bm.group(2).lower()]).lower()  # "100 тысяч тонн нефти в месяц"
        if unit == "hour" and (_TIME_OF_DAY.match(sentence, e) or _BY_HOUR.search(sentence, max(0, s - 25), s)):
            continue  # "в два часа ночи", "в 5 часов утра", "к 14 часам": a time of day, not a duration
        if kind == "duration":
            am = _AGE_AFTER.match(sentence, e)
            if am:  # "ten months old", "3 years of age"
                unit, kind, e = f"{unit} of age", "age", am.end()
        elif not unit and not cur and _AGE_BEFORE.search(sentence, max(0, s - 12), s):
            unit, kind = "year of age", "age"  # "aged 87", "at age 5"
        elif not unit and not cur and magnitude:
            unit = kind = "magnitude"
        raw = num
        if ("/" in raw or raw in _FRACTIONS) and not unit:
            continue  # a bare fraction ("24/7", "3/4" of a date) is not a figure
        if kind in ("duration", "age") and _YEAR_LIKE.fullmatch(raw):
            continue  # "до 2030 года": a year, not a duration
        if kind in ("duration", "age") and _RECORD_AFTER.match(sentence, e):
            continue  # "a two-decade high", "a five-year low", "15-летнего максимума": how rare a level is, no figure
        if not cur and not unit and _CAP_BEFORE.search(sentence, max(0, s - 30), s):
            continue  # a number inside a name: "iPhone 11", "S&P 500", "Boeing 737"
        if not cur and not unit and not scale_word and _NUMBERED_BEFORE.search(sentence, max(0, s - 16), s):
            continue  # a label: "Section 232", "статье 15", "room 305"
        scale *= mul
        if prev == "+" and not (kind in _SIGNED or unit):
            continue  # "+7 701 ...": a telephone number; "+3,2%" is a signed figure (below)
        if prev in "-−+" and (s < 2 or not prev2.isalnum()) and (kind in _SIGNED or unit):
            base = -base if prev != "+" else base  # "-5 °F", "+3.2%": a signed figure
            s -= 1
        elif kind in _SIGNED and prev == " " and (minus := _MINUS_WORD.search(sentence, max(0, s - 12), s)):
            base, s = -base, minus.start()  # "minus 20 degrees Celsius", "минус 0,5%"
        high = None
        if m.group("num2") and unit and _MAGNITUDE_SYMBOL.search(sentence, max(0, s - 6), s):
            # "M 8.0 - 136 km ESE of Petropavlovsk-Kamchatsky" (a seismic agency's title): the magnitude, then the
            # distance, no range
            s, base, raw = m.start("num2"), _to_float(m.group("num2")), m.group("num2")
        elif m.group("num2"):
            hi = _to_float(m.group("num2"))
            if hi <= base or _YEAR_DASH.fullmatch(raw):
                continue  # "2024-11": a date, not a range
            high = hi * scale
        tok = {
            "start": s, "end": e, "value": base * scale, "high": high, "unit": unit, "kind": kind,
            "scaled": bool(scale_word), "word": bool(m.group("word")), "has_cur": bool(cur),
            "raw": m.group("num") or m.group("word"), "word_text": (m.group("word") or "").lower(),
        }
        if per_word:
            tok["per"] = per_word
        if compound is not None:  # "the six-member organization": six members
            tok.update(end=compound.end(), unit="count", kind="count", noun=compound.group("w"), compound=True)
        elif kind == "multiple" and scale_word and not m.group("word"):
            # "Более 7 млн раз казахстанцы пересекли границу", "crossed 2 million times": how often, a count (no
            # multiple is in the thousands)
            tok.update(unit="count", kind="count", noun=unit_text.strip().lower() or "times")
        out.append(tok)
    adjectives = _number_adjectives(sentence, rules)
    return sorted(out + adjectives, key=lambda t: t["start"]) if adjectives else out


def _borrow_unit(t: dict, u: dict) -> dict:
    """The first number of "from 5 to 7 percent" / "с 12 до 15 миль" (a change: two figures) with the
    unit, kind and scale of the second, when it has none of its own ("5" alone is no figure); a number with its own
    scale word and no unit takes the unit alone ("from 54 million to 72.5 million tons", "с 0,8 млн до 4,5 млн тонн")."""
    if t["scaled"] and not t["unit"] and not t["kind"] and u["unit"] and u["kind"] and not u["word"]:
        return {**t, "unit": u["unit"], "kind": u["kind"]}
    if t["scaled"] or not u["unit"] or (t["unit"] and t["unit"] != u["unit"]) or _YEAR_LIKE.fullmatch(t["raw"] or ""):
        return t
    if t["kind"] and t["kind"] != u["kind"]:
        return t
    scale = u["value"] / _to_float(u["raw"]) if u["scaled"] and not u["word"] and _to_float(u["raw"]) else 1.0
    if t["unit"] and scale == 1.0:
        return t
    # "from $2 to $3 billion": the first amount is in billions too
    return {**t, "value": t["value"] * scale, "unit": u["unit"], "kind": u["kind"], "scaled": u["scaled"]}


#: Nouns of a change ("an increase of", "a growth of 5.3%"): :data:`_CHANGE_OF_BEFORE`, :data:`_CHANGE_BY`.
_CHANGE_NOUNS = "increase|rise|growth|drop|decline|decrease|fall|jump|gain"
_IN_YEAR = _led(re.compile(r"(?<![^\W\d_])(?:in|of|since|by|until|в|к|до|с)\s+$", re.I))
_JOINER = re.compile(r"\s*(and|to|до|-|–|—)\s*", re.I)
#: A change said with its rate before "from X to Y" ("trade registering a growth of 5.3% (compared to 22.9% in 2022),
#: from $9.38 billion to $9.88 billion"): the two are the ends of that change, not a range.
_CHANGE_OF_BEFORE = re.compile(rf"\b(?:{_CHANGE_NOUNS})\s+of\s+[\d.,]+\s*(?:%|percent|per\s+cent)(?:[^.;]|\.(?=\d)){{0,60}}$",
                               re.I)
#: "by" or "на" right before a number: what comes after it is a change's amount, not a range's start.
_BY_BEFORE = re.compile(r"(?<![^\W\d_])(?:by|на)\s*$", re.I)
_RANGE_PREP = re.compile(r"(?<![^\W\d_])(between|from|от|с|со)\s+$", re.I)


def _merge_ranges(sentence: str, toks: list[dict], rules: FigureRules) -> list[dict]:
    """Join "between X and Y", "from X to Y", "X to Y", "от X до Y" into one range token; in a
    change ("rose from X to Y", "с X до Y") the two stay figures and a bare X takes Y's unit."""
    out: list[dict] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 1 < len(toks):
            u = toks[i + 1]
            gap = sentence[t["end"]:u["start"]]
            before = sentence[:t["start"]]
            joiner = _JOINER.fullmatch(gap)
            ok = False
            prefix_start = t["start"]
            if joiner and t["high"] is None and u["high"] is None:
                j = joiner.group(1).lower()
                pm = _RANGE_PREP.search(before)
                prep = pm.group(1).lower() if pm else ""
                if j == "and" and prep == "between":
                    ok, prefix_start = True, pm.start()
                elif (j == "to" and prep == "from") or (j == "до" and prep == "от"):
                    # "rose from $25bn to $28bn" is a change, not a range
                    ok = not (rules.from_verb.search(before, max(0, pm.start() - 60), pm.start())
                              or _CHANGE_OF_BEFORE.search(before, max(0, pm.start() - 100), pm.start()))
                    prefix_start = pm.start()
                    if not ok:
                        t = _borrow_unit(t, u)
                elif j == "до" and prep in ("с", "со"):
                    t = _borrow_unit(t, u)  # "расширить с 12 до 15 миль": a change
                elif j in ("to", "-", "–", "—") and not t["unit"] and not t["scaled"]:
                    # "47,731 tons in 2020 to 48,303 tons in 2021": a year after "in", not a range's start
                    ok = not (_YEAR_LIKE.fullmatch(t["raw"] or "") and _IN_YEAR.search(before))
                elif (j in ("to", "-", "–", "—") and t["unit"] and t["unit"] == u["unit"] and not prep
                      and t["value"] < u["value"] <= 2 * t["value"] and not _BY_BEFORE.search(before)
                      and not rules.from_verb.search(before, max(0, t["start"] - 60))):
                    # the unit said twice: "25,000 tons to 26,500 tons", "$5 billion – $6 billion" (not a change:
                    # "fell $3 billion to $5 billion", "up by 2,000 tons to 3,000 tons")
                    ok = True
            if ok and (not t["unit"] or not u["unit"] or t["unit"] == u["unit"]):
                scale = 1.0
                if u["scaled"] and not t["scaled"]:
                    raw_u = u["value"] / _to_float(u["raw"]) if not u["word"] and _to_float(u["raw"]) else 1.0
                    scale = raw_u
                lo = t["value"] * scale
                if lo < u["value"]:
                    out.append({**u, "start": prefix_start, "value": lo, "high": u["value"], "range": True})
                    i += 2
                    continue
                if prep in ("from", "от"):
                    t = _borrow_unit(t, u)  # "collapsed ... from 114.7 to 17.7 million dollars": a fall, two figures
        out.append(t)
        i += 1
    return out


#: Between numbers of a list that share the last one's unit: "110 and 120 tons", "3, 4 and 5 million tonnes", "5 и 7%".
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:(?:and|or|и|или)\s+)?|(?:and|or|и|или)\s+)", re.I)


def _share_list_units(sentence: str, toks: list[dict]) -> list[dict]:
    """A bare number listed before one with a unit takes that unit and scale ("outputs of 110 and
    120 tons, respectively": 110 tons; "3, 4 and 5 million tonnes"): alone it would be no figure.
    A year ("in 2022 and 2023") does not (:func:`_borrow_unit`)."""
    out = list(toks)
    listed = False  # the number after this one took its unit from a list with "and" / "or" in it
    for i in range(len(out) - 2, -1, -1):
        t, u = out[i], out[i + 1]
        m = _LIST_JOIN.fullmatch(sentence, t["end"], u["start"])
        ok = m is not None and (listed or m.group(0).strip() != ",")  # a bare comma only goes on with a list
        if ok and not listed and "," in m.group(0) and m.group(0).strip() != "," and not (
                i and _LIST_JOIN.fullmatch(sentence, out[i - 1]["end"], t["start"])):
            # ", or" / ", или" after a number no list leads to restates it ("проголосовали 7 820 204, или 63,66%"),
            # unlike "3, 4, or 5 percent"
            ok = False
        listed = False
        if (ok and not t["unit"] and not t["kind"] and not t["scaled"] and not t["word"] and u["unit"]
                and t["high"] is None):
            out[i] = _borrow_unit(t, u)
            listed = out[i] is not t
    return out


#: Russian comparatives: after a figure they make it a change ("на $5,4 млрд больше"), before "на" too
#: ("больше на $200 млн"), and then the word is not a hedge ("more than").
_MORE_LESS_RU = "больше|меньше|выше|ниже"
_COMPARATIVES = frozenset(_MORE_LESS_RU.split("|")) | {"более", "менее"}


#: Words a hedge may stand before, ahead of its figure: "approached the mark of $70 billion", "приблизился к
#: отметке в 70 млрд".
_HEDGE_FILLER = (r"(?:(?:the\s+)?(?:mark|level|threshold)\s+of\s+|(?:отметк[иеу]|уровн[яюе])\s+(?:в\s+)?"
                 r"|the\s+(?:required|necessary|minimum)\s+|(?:необходим|требуем|минимальн)\w*\s+)?")


#: A change said before "up to" in a sentence ("increased by 5.4% compared to 2022 – up to 9.9 billion"): then
#: "up to" is where the change ended, not a bound.
_CHANGED_TO = _led(re.compile(r"\b(?:increased|increases|rose|risen|grew|grown|climbed|jumped|expanded|went\s+up)\b"
                         r"(?:[^.;,]|\.(?=\d)|,(?!\s+(?:and|but|while)\b))*$", re.I))


#: The preposition of a Russian multiple ("почти в два раза", "более чем в 11 раз"): the hedge stands before it.
_TIMES_IN = re.compile(r"(?<![^\W\d_])во?\s+$", re.I)


def _hedge(sentence: str, f: dict, rules: FigureRules) -> tuple[str, float, float, int, int]:
    """(qualifier, low factor, high factor, new start, new end) from the words around a figure."""
    at = f["start"]
    if f.get("unit") == "times" and (prep := _TIMES_IN.search(sentence, max(0, at - 4), at)):
        at = prep.start()
    m = rules.hedge_before.search(sentence, max(0, at - 40), at)
    if m and m.group("h").lower() in _COMPARATIVES and (m.group(0).rstrip().endswith(" на") or (
            at < f["start"] and m.group("h").lower() in _MORE_LESS_RU.split("|"))):
        m = None  # "больше на $200 млн": more by, a change, not "more than"; "больше в два раза": twice as much
    if m and m.end() <= at and not sentence[m.end():at].strip():
        q, lo, hi = rules.hedges[_SPACES.sub(" ", m.group("h").lower())]
        if q == "up_to" and m.group("h").lower().startswith("up") \
                and _CHANGED_TO.search(sentence, max(0, m.start("h") - _CHANGE_WINDOW), m.start("h")):
            return "none", 1.0, 1.0, f["start"], f["end"]  # "increased by 5.4% ... – up to 9.9 billion": where it ended
        return q, lo, hi, (m.start("h") if q != "target" else f["start"]), f["end"]
    m = rules.hedge_after.match(sentence, f["end"])
    if not m and f.get("phrase_end"):  # "100 projects or more"
        m = rules.hedge_after.match(sentence, f["phrase_end"])
    if m:
        q, lo, hi = rules.hedges[_SPACES.sub(" ", m.group("h").lower())]
        return q, lo, hi, f["start"], (m.end("h") if q != "target" else f["end"])
    if f.get("word_text") in rules.vague_words:
        return "more_than", 1.0, math.inf, f["start"], f["end"]  # "Thousands of dead seals": a thousand at least
    if _THRESHOLD_AFTER.match(sentence, f["end"]) and (m := _PASSED_THE.search(sentence, max(0, at - 30), at)):
        return "more_than", 1.0, math.inf, m.start(), f["end"]  # "has surpassed the $100 billion threshold"
    return "none", 1.0, 1.0, f["start"], f["end"]


#: A verb of passing before "the" and a figure that a threshold's noun follows ("surpassed the $100 billion threshold",
#: "topped the $5 billion mark"): more than the figure (not "far exceeds the 5,000 tenge hike": a figure of its own).
_PASSED_THE = re.compile(r"\b(?:surpass|exceed|top|cross|pass|break|broke)\w*\s+the\s+$", re.I)
_THRESHOLD_AFTER = re.compile(r"\s+(?:threshold|mark|milestone|barrier)\b", re.I)


def _is_target(sentence: str, start: int, end: int, clause: tuple[int, int], rules: FigureRules) -> bool:
    """A change verb + "to" right before the figure, and an intent cue in the same sentence."""
    before = sentence[clause[0]:start]
    if not (rules.change_verb.search(before) or rules.to_verb.search(before)):
        return False
    return bool(rules.intent.search(sentence[:start]) or rules.intent.search(sentence[end:clause[1]]))


_FORECAST_WINDOW = 120


def _is_forecast(sentence: str, start: int, clause: tuple[int, int]) -> bool:
    """A plan, goal or forecast said before the figure in its clause ("expect that trade will
    amount to $12 billion", "доведут товарооборот до $10 млрд", "ожидается на уровне",
    "могут достигнуть"): the ``forecast`` cues of ``data/period_cues.csv``."""
    cue = _period_cues().get("forecast")
    # not past a colon or semicolon: "планируется вдвое увеличить количество пусков: в 2018 году их было проведено 22";
    # nor past ", when" of a time the plan is set against: "plans to increase production compared to 2023, when 21,112
    # tons were produced"
    when = _WHEN_CLAUSE.search(sentence, max(clause[0], start - _FORECAST_WINDOW), start)
    begin = max(clause[0], start - _FORECAST_WINDOW, sentence.rfind(":", 0, start) + 1, sentence.rfind(";", 0, start) + 1,
                when.end() if when else 0)
    return bool(cue and cue.search(sentence, begin, start))


#: ", when" / ", когда" opening a clause of what happened at a time just named (:func:`_is_forecast`).
_WHEN_CLAUSE = re.compile(r",\s+(?:when|когда)\s(?!.*,\s+(?:when|когда)\s)", re.I | re.S)


def _direction(sentence: str, clause: tuple[int, int], start: int, end: int,
               ways: tuple[str, ...] = ("in", "out", "both", "expelled"), near: tuple[int, int] | None = None) -> str:
    """``in``, ``out``, ``both`` or ``expelled``: the direction of a flow the figure counts, from the cue of
    ``data/flow_cues.csv`` nearest to it in its clause, else in its sentence ("4,100 people arrived" in; "5,300 left the
    country" out; "crossed the border in both directions" both; "expelled more than 80,000 migrants", "выдворили 72 тыс.
    иностранцев": expelled, not those who left); "" when none is there. Other ``ways``: the kind of count of people
    (:data:`_PEOPLE_KINDS`, :data:`_EVENT_KINDS`); ``near``: only cues at most this many characters before or after the
    figure."""
    flows = _flow_spans(sentence, ways)
    if not flows:
        return ""
    if (verb := next((way for s, e, way in flows if s >= end and clause[0] <= s < clause[1] and way != "on_board"
                      and _SUBJECT_GAP.fullmatch(sentence, end, s)
                      and (near is None or s - end <= near[1])), None)) is not None:
        return verb  # "Три человека погибли, пятеро получили травмы": the verb right after its subject
    later = None  # a cue after the figure past a comma, semicolon or dash: the next item's ("въехало 22,5 тыс.
    for a, b in (clause, (0, len(sentence))):  # человек, выехало 10,1 тыс."), unless no other cue is there
        best = None
        for s, e, way in flows:
            if a <= s and e <= b:
                if near is not None and (start - e > near[0] or s - end > near[1]):
                    continue
                if s >= end and _ITEM_BREAK.search(sentence, end, s):
                    # (not a cue the next item's number follows: "в шахте находились 252 человека, на поверхность вывели
                    # 205 шахтеров" counts no evacuees in 252)
                    nxt = _DIGIT_RUN.search(sentence, e, min(len(sentence), e + _CUE_NUMBER_NEAR))
                    if nxt is None or _ITEM_BREAK.search(sentence, e, nxt.start()):
                        later = later or way
                    continue
                if e <= start and (_CONJ.search(sentence, e, start) or (
                        _ITEM_BREAK.search(sentence, e, start) and (num := _LAST_DIGIT.search(sentence, max(a, s - 40), s))
                        and not _ITEM_BREAK.search(sentence, num.end(), s))):
                    # ... and one before it past "and", or past a comma with another number just before it (no break
                    # between): the item before's ("225 people were killed and more than 4,500 were injured", "102,500
                    # children were born, 159,000 people died"; not "въехало 200 тысяч, выехало – 147 тысяч"), unless
                    # no other cue is there
                    later = later or way
                    continue
                dist = max(s - end, start - e, 0)
                if best is None or dist < best[0]:
                    best = (dist, way)
        if best:
            return best[1]
    return later or ""


#: Between a count and the cue of its own verb: up to two words, no punctuation ("пятеро получили травмы", "225 people
#: were killed").
_SUBJECT_GAP = re.compile(r"\s*(?:(?!(?:and|or|but|и|или|а|но)\s)[^\W\d_]+\s+){0,2}", re.I)
#: Right after a duration said as an adjective, the record it qualifies ("a two-decade high", "a 20-year low", "a
#: five-year record", "15-летнего максимума"): no quantity of its own.
_RECORD_AFTER = re.compile(r"[^\W\d_]*\s+(?:highs?|lows?|records?|peaks?|bottoms?|maximum|minimum)\b"
                           r"|\s+(?:максимум|минимум|рекорд|пик)[а-яё]*", re.I)
#: The last digit of a stretch of text (:func:`_direction`).
_LAST_DIGIT = re.compile(r"\d(?!.*\d)", re.S)
#: How far after a cue of a flow or a toll the number it goes with may be (:func:`_direction`).
_CUE_NUMBER_NEAR = 40

#: Kinds of counts of people (``data/flow_cues.csv``), the growth ones before the population they are of
#: ("общий прирост населения ... составил 195 480 человек" is growth), as are the unemployed and the employed
#: ("безработное население ... 452 669 человек"); the registered unemployed before the unemployed (the survey's).
_PEOPLE_KINDS = ("natural_growth", "migration_balance", "population_growth", "births", "deaths",
                 "registered_unemployed", "unemployed", "labour_force", "employed", "population")
#: Kinds of counts of people whose count in a city, a region or a group (women, the young) is a part of the country's.
_GROUP_COUNTS = ("population", "registered_unemployed", "unemployed", "labour_force", "employed")
#: An age group as a range of years ("казахстанцы 35–44 лет", "aged 25-34 years"): a group of a population.
_AGE_RANGE = re.compile(r"(?<!\d)\d{2}\s*[–-]\s*\d{2}\s+(?:лет|years)\b", re.I)
#: The people an event killed, injured or detained (an attack, unrest), evacuated or displaced (a flood, fighting), or
#: who survived it (a crash), or who are missing after it (a mine fire): counts of their own, not one; looked for first,
#: near the figure, so that "225 killed and more than 4,500 injured" are two. The killed are counted with the people
#: who died (``people (deaths)``): "225 people were killed", "227 people died".
_EVENT_KINDS = ("killed", "injured", "detained", "evacuated", "survived", "missing", "on_board")
#: An event people die in, named in the sentence of their count ("nearly 100 people had died in their border conflict",
#: "погибли в результате столкновений"): they are its toll, not a population's deaths (:func:`_event_kind`).
_EVENT_NOUN = re.compile(
    r"\b(?:conflict|clash(?:es)?|fighting|hostilities|war|attacks?|shelling|unrest|riots?|protests?|violence|uprising"
    r"|explosions?|explod(?:es|ed)|blasts?|crash(?:es|ed)?|(?:wild)?fires?|blazes?|floods?|flooding|earthquakes?|disasters?|accidents?"
    r"|incident|tragedy|collapse|stampede|shooting|storms?|avalanches?|landslides?|mudflows?)\b"
    r"|(?<![^\W\d_])(?:конфликт|столкновени|боев|бо[йяюи]\b|обстрел|нападени|атак|теракт|войн|беспорядк|протест|волнени"
    r"|взрыв|катастроф|авари|инцидент|трагеди|крушени|разбил(?:ся|ась|ось|ись)|пожар|наводнени|паводк|землетрясени|обрушени|давк|стрельб|лавин"
    r"|оползн|ураган)", re.I)


#: The people on board when their plane, bus or ship crashed (the kind ``on_board`` of :data:`_EVENT_KINDS`).
_ON_BOARD = "people (on_board)"
#: Right after a count of people, the word that they are one country's citizens ("37 Azerbaijani citizens", "37 граждан
#: Азербайджана", "16 россиян").
_CITIZENS = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:citizens|nationals)\b|\s+(?:граждан\w*|россиян\w*|казахстанц\w*"
                       r"|азербайджанц\w*|кыргызстанц\w*|киргиз\w*|узбекистанц\w*|таджикистанц\w*|белорус\w*|украинц\w*)",
                       re.I)
#: Right after a count, "of the" and another number: the count is a part of that one ("32 of the 67 people on
#: board", "46 из 62 пассажиров").
_OF_THE_NUMBER = re.compile(r"\s+(?:of\s+(?:the\s+)?|из\s+)\d", re.I)
#: How far before a verb of reaching its subject's cue may be (characters): :func:`_reached_kind`; and what ends a
#: subject between its cue and the verb (a sentence's end or a quotation: "... 38 confirmed fatalities, ... reports.
#: “There were 67 people onboard").
_REACHED_SUBJECT_NEAR = 150
_SUBJECT_END = re.compile(r"[.!?;“”\"«»]")


def _reached_kind(sentence: str, clause: tuple[int, int], s0: int) -> str:
    """The kind of toll (:data:`_EVENT_KINDS`, ``deaths``) the subject of a verb of reaching right before ``s0`` names
    (:data:`_REACHED`: "The death toll in an attack ... has risen to", "число пострадавших ... возросло до"): the cue
    nearest to the verb, after any number before it in the clause and within :data:`_REACHED_SUBJECT_NEAR` characters
    (the subject may be long: "The death toll in an attack by Islamic militants in Russia's southern region of Dagestan
    has risen to"); "" when no such verb or cue is there."""
    reached = _REACHED.search(sentence, clause[0], s0)
    if reached is None or reached.group().strip()[-1:] in ":–—" or not reached.group().strip():
        return ""
    verb = reached.start()
    lo = max([clause[0], verb - _REACHED_SUBJECT_NEAR, *(m.end() for m in _DIGIT_RUN.finditer(sentence, clause[0], verb))])
    cues = [(e, way) for s, e, way in _flow_spans(sentence, (*_EVENT_KINDS, "deaths")) if lo <= s and e <= verb
            and not _SUBJECT_END.search(sentence, e, verb)]
    return max(cues)[1] if cues else ""


def _event_kind(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> str:
    """The kind of an event's toll (:data:`_EVENT_KINDS`) the people counted at ``s0:e0`` are, by the cue nearest to
    them; people who died (the cue of ``deaths``) are its dead when the sentence names an event (:data:`_EVENT_NOUN`) or
    another kind of its toll ("38 people died, and 29 survived": 38 dead, not survivors; "nearly 100 people had died
    in their border conflict"), else "" ("159,000 people died" in a year is a population's deaths). A toll that a verb
    says it reached is of the kind its subject names, whatever cue follows ("The death toll ... has risen to 21 after a
    wounded police officer passed away": the dead)."""
    what = _reached_kind(sentence, clause, s0) or _direction(sentence, clause, s0, e0, (*_EVENT_KINDS, "deaths"),
                                                              _EVENT_NEAR)
    if what == "on_board" and _OF_THE_NUMBER.match(sentence, e0):
        # "32 of the 67 people on board survived": those on board are the number after "of", this one what they did
        # (the verb after the whole "of the 67 people on board the plane": farther than a cue of the count's own)
        what = _direction(sentence, clause, s0, e0, (*(k for k in _EVENT_KINDS if k != "on_board"), "deaths"),
                          (_EVENT_NEAR[0], 2 * _EVENT_NEAR[1]))
    if what != "deaths":
        return what
    return "killed" if _EVENT_NOUN.search(sentence) or _flow_spans(sentence, _EVENT_KINDS) else ""


#: How near before a count of people (characters) a migration balance's cue names it, none after ("a net migration
#: loss of 5,057 people").
_BALANCE_NEAR = (25, 0)
#: ... read from a cue this near the figure (characters before, after): "The death toll of the January 2022 unrest
#: in Kazakhstan rose to 238", "At least 75 people were killed", "погибли 238 человек"; not "About 500 people
#: attended a memorial service ..., one year after he was killed".
_EVENT_NEAR = (80, 40)
#: The metric a kind of count of people is, when not ``people (<kind>)``.
_KIND_METRIC = {"killed": "people (deaths)"}
#: People (or their growth) coming in or going out: of the one place their sentence names, when it names one.
_PEOPLE_WAY = re.compile(r"^people(?:_growth)? \((?:in|out)\)")
#: Counts of people that belong to one place (no partner): :func:`_producer` reads it.
_OWN_PEOPLE = tuple(f"people ({kind})" for kind in _PEOPLE_KINDS)
#: Metrics of one place, no partner (as production): counts of its people, the housing built in it, its stocks,
#: the turnout of its vote and the counts of those who voted and may vote (the CIS's observers of a vote in
#: Kazakhstan make it no CIS vote), its inflation, policy rate and unemployment ("inflation in Kazakhstan slowed to
#: 9.8%, while in Russia it reached 7.4%": each country's, not the pair's), its budget and its reserves ("Russia's
#: budget deficit" in an article on the war with Ukraine is Russia's), the count of its cities where something happened ("in
#: 38 Russian cities" in an article on the war with Ukraine is Russia's).
_OWN_PLACE = (*_OWN_PEOPLE, "housing", "gdp", "stocks", "turnout", "voters", "electorate", "vote_share", "inflation",
              "policy_rate", "unemployment", "electricity_production", "electricity_consumption", "defence_spending", "budget_balance",
              "budget_spending", "budget_revenue", "oil_gas_revenue", "reserves", "fund_assets", "fund_transfers",
              "car_sales_growth", "cities")
#: Before a percentage of a growth metric: an index (the level against a base of 100): "volume index", "индекс".
_INDEX_WORD = re.compile(r"\bindex\b|(?<![^\W\d_])индекс\w*", re.I)
#: After such a percentage: what it is a level of ("105,1% к уровню 2022 года", "к соответствующему периоду").
_LEVEL_AGAINST = re.compile(r"\s+к\s+(?:уровню|соответствующему|аналогичному|прошлому|предыдущему|(?:19|20)\d\d)(?![^\W\d_])"
                            r"|\s+(?:of|compared\s+to|against)\s+the\s+(?:previous|preceding)\s+year'?s?\s+level\b", re.I)
#: Right before a growth: "by" or "на", which give the change itself ("grew by 150%"), not a level against a base of 100.
_GROWTH_BY = re.compile(r"\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$"
                        r"|(?<![^\W\d_])на\s+(?:около\s+|почти\s+|более\s+|свыше\s+)?$", re.I)
#: Before a growth rate: an average over several years or periods ("average annual growth of 6.1%", "в среднем на 7%";
#: "средние темпы роста ВВП в 2023 году составили 7%" is that year's growth).
_AVERAGE = re.compile(r"\b(?:average\s+annual|annual\s+average)\b|\baverage\b(?=[^.]{0,40}\b(?:over|annually|a\s+year|per\s+year)\b)"
                      r"|(?<![^\W\d_])(?:средн\w*\s+ежегодн\w*|среднегодов\w*|в\s+среднем)(?![^\W\d_])", re.I)
#: The GDP deflator (a price index): no GDP nor its growth.
_DEFLATOR = re.compile(r"\bdeflator|(?<![^\W\d_])дефлятор", re.I)
#: GDP per head ("ВВП на душу населения"): not the whole GDP.
_PER_CAPITA = _led(re.compile(r"\s*(?:\bper\s+(?:capita|head|person)\b|(?<![^\W\d_])на\s+душу(?![^\W\d_]))", re.I))


def _per_capita(sentence: str, s0: int, e0: int, rules: FigureRules) -> bool:
    """Whether a GDP figure is per head: "per capita" right after it ("$13,000 per capita"), or within a
    few words after the last GDP keyword (of ``metrics.csv``) before it ("ВВП на душу населения России
    составлял $14 790, а Казахстана – $14 150": both)."""
    if _PER_CAPITA.match(sentence, e0) or _PER_CAPITA.search(sentence, s0, e0):
        return True
    gdp = next((kw for metric, _kind, kw, *_ in rules.metrics if metric == "gdp"), None)
    words = list(gdp.finditer(sentence, 0, s0)) if gdp is not None else []
    return bool(words) and _PER_CAPITA.search(sentence[words[-1].end():words[-1].end() + 30]) is not None


#: A city, region or district named in a population count's sentence: a part of the country's.
_LOCALITY = _led(re.compile(r"\b(?:city|cities|town|capital|region|regions|oblast|province|district)\b"
                       r"|(?<![^\W\d_])(?:город\w*|столиц\w*|област\w*|регион\w*|район(?!\w*\s+[\d$€£¥₽])\w*|мегаполис\w*)", re.I))


#: Right before a word of a locality, a word of all of them ("across all regions", "во всех регионах"): the whole.
_EVERY_BEFORE = re.compile(r"\b(?:all|every|each)\s+(?:the\s+)?$|(?<![^\W\d_])(?:все|всех|всем|всеми|каждо\w*|кажд\w+)\s+$",
                           re.I)
#: Right after a figure, its noun and a breakdown of it in brackets with numbers of their own ("человек (10 468 756
#: женщин, 10 010 123 мужчины)").
_BREAKDOWN = re.compile(r"(?:\s+[^\W\d_]+)?\s*\([^()]*\d[^()]*\)")


def _past_breakdown(sentence: str, e0: int) -> int:
    """Where the text after a figure goes on past the breakdown in brackets right after it (:data:`_BREAKDOWN`), or
    ``e0`` when there is none."""
    m = _BREAKDOWN.match(sentence, e0)
    return m.end() if m else e0


#: A part of a population named with its count (its men or women, its urban or rural people, its young), or the group
#: an unemployment rate is of ("среди женщин", "у сельчан").
_SUBGROUP = _led(re.compile(r"\b(?:urban|rural|men|women|male|female|youth)\b"
                       r"|(?<![^\W\d_])(?:городск\w*|сельск\w*|мужчин\w*|женщин\w*|мужск\w*|женск\w*|сельчан\w*|горожан\w*"
                       r"|молод[её]ж\w*)", re.I))
#: After a count of a population, where what follows is no longer said of it: its parts ("20 286 084 человек, из них
#: горожане — 12 774 743": the whole), or another clause ("has grown to 20.4 million as people flock to urban areas").
_PARTS_NEXT = re.compile(r"\b(?:of\s+(?:whom|them|which)|including|as|while|because|since)\b"
                         r"|(?<![^\W\d_])(?:из\s+них|в\s+том\s+числе|среди\s+них|включая|поскольку|так\s+как)(?![^\W\d_])", re.I)
#: An age group ("до 24 лет", "старше 65 лет", "under 25", "aged 18-24", "over 65"): whose wage is a part.
_AGE_GROUP = re.compile(r"(?<![^\W\d_])(?:до|старше|моложе|младше)\s+\d{2}\s+лет|\b(?:under|aged|over)\s+\d{2}(?:\s*[-–]\s*\d{2})?"
                        r"(?:\s+years?\s+old)?\b(?!\s*(?:%|percent|per\s+cent|million|billion|thousand|rubles?|roubles?))",
                        re.I)


#: Ethnic groups whose number a count of people may be (name -> English and Russian stems): "численность русских в
#: Казахстане", "the number of ethnic Russians", "the Russian minority ... numbers 2.9 million", "2,9 млн русских": the
#: group's population, not its country's (2.96 million Russians were set against Kazakhstan's 20.3 million).
_ETHNIC_GROUPS = {
    "Russians": ("Russian", "русск"), "Kazakhs": ("Kazakh", "казах(?!стан)|казаш"),
    "Ukrainians": ("Ukrainian", "украинц|украинск"), "Uzbeks": ("Uzbek", "узбек(?!истан)"),
    "Germans": ("German", "немц|немец|немецк"), "Tatars": ("Tatar", "татар(?!стан)"), "Uyghurs": ("Uy?ghur|Uighur", "уйгур"),
    "Koreans": ("Korean", "корейц|корейск"), "Belarusians": ("Belarusian", "белорус(?!си)"),
}
_EN_ETHNIC = "|".join(en for en, _ru in _ETHNIC_GROUPS.values())
_RU_ETHNIC = "|".join(ru for _en, ru in _ETHNIC_GROUPS.values())
#: Before a count in its clause, an ethnic group counted: "the number of (ethnic) Russians", "ethnic Russians", "the
#: Russian minority (diaspora, community)", "Russians make up", "численность (этнических) русских", "русское население",
#: "русские составляют".
_ETHNIC_BEFORE = re.compile(
    rf"\b(?:number|population)\s+of\s+(?:ethnic\s+)?(?P<g1>(?:{_EN_ETHNIC})s)\b|\bethnic\s+(?P<g2>(?:{_EN_ETHNIC}))s?\b"
    rf"|\b(?P<g3>(?:{_EN_ETHNIC}))\s+(?:minority|diaspora|community)\b"
    rf"|\b(?P<g4>(?:{_EN_ETHNIC})s)\s+(?:make\s+up|account\s+for|number(?:ed)?|total(?:l?ed)?)\b"
    rf"|(?<![^\W\d_])(?:численност\w*|числ[оаеу]|количеств\w*)\s+(?:этнических\s+)?(?P<g5>(?:{_RU_ETHNIC})\w*)"
    rf"|(?<![^\W\d_])(?P<g6>(?:{_RU_ETHNIC})\w*)\s+(?:меньшинств|диаспор|населени|общин)\w*"
    rf"|(?<![^\W\d_])(?P<g7>(?:{_RU_ETHNIC})\w*)\s+(?:составля|составил|насчитыва)\w*", re.I)
#: Right after a count, the ethnic group it counts ("около 2,9 млн русских.", "2.9 million ethnic Russians"; not "2 млн
#: русских компаний", a group's companies).
_ETHNIC_AFTER = re.compile(rf"\s+(?:человек\s+|people\s+)?(?:этнических\s+|ethnic\s+)?(?:(?P<g1>(?:{_RU_ETHNIC})\w*)"
                           rf"|(?P<g2>(?:{_EN_ETHNIC})s)\b)(?=\s*(?:[.,;:)—–-]|$)|\s+(?:и|в|во|на|in|and|of)\s)", re.I)


#: Living somewhere: a group counted after the number is its population there ("В Казахстане проживает 2,9 млн русских").
_RESIDE = re.compile(r"\b(?:live[sd]?|living|resid\w*|home\s+to)\b|(?<![^\W\d_])(?:прожива\w*|жив[уеё]т|жил[аи]?)"
                     r"(?![^\W\d_])", re.I)
#: Right before an ethnic group counted, a change of its number ("убыль русских", "the decline in the number of").
_ETHNIC_CHANGE = re.compile(r"\b(?:declin\w*|decreas\w*|increas\w*|growth|fall|drop|loss)\b[\w\s]*$|(?<![^\W\d_])"
                            r"(?:убыл\w*|прирост\w*|сокращени\w*|рост\w*|снижени\w*|уменьшени\w*)[\w\s]*$", re.I)


def _ethnic_group(sentence: str, lo: int, s0: int, e0: int) -> str:
    """The ethnic group (:data:`_ETHNIC_GROUPS`) a count of people at ``s0``-``e0`` counts: named as counted before it
    after ``lo`` (its clause's start or the figure before it: "Russians make up about 15 percent of Kazakhstan's
    population of 20 million" is not 20 million Russians; :data:`_ETHNIC_BEFORE`, the nearest; not after a change of
    it, :data:`_ETHNIC_CHANGE`) or right after it (:data:`_ETHNIC_AFTER`) where they are said to live (:data:`_RESIDE`);
    "" if none."""
    if found := [*_ETHNIC_BEFORE.finditer(sentence, lo, s0)]:
        if _ETHNIC_CHANGE.search(sentence, max(lo, found[-1].start() - 25), found[-1].start() + 1):
            return ""  # "убыль русских составила 48 600 человек": the group's change, not its number
        word = next(g for g in found[-1].groups() if g)
    elif (m := _ETHNIC_AFTER.match(sentence, e0)) and _RESIDE.search(sentence, lo, m.end() + 40):
        word = m.group("g1") or m.group("g2")  # (who live there: "проживает около 2,9 млн русских"; not "the resettlement
        # program scooped up 3,144 Kazakhs")
    else:
        return ""
    return next(name for name, (en, ru) in _ETHNIC_GROUPS.items() if re.match(f"(?:{en}|{ru})", word, re.I))


#: A count of what a corridor carries (containers, trains): a corridor named in the article is a side of it.
_CARRIED = re.compile(r"\bteu|container|train|контейнер|поезд", re.I)
#: Tonnages and volumes of goods that may be exported or imported rather than produced (:func:`_trade_way`).
#: Right after a figure: it is for the same months as another figure, of the year named ("за тот же период").
_SAME_PERIOD = _led(re.compile(r"[\s,]*(?:(?:за|in|for|over|during)\s+)?(?:тот\s+же|аналогичный|the\s+same)\s+(?:период|period)",
                          re.I))
#: "The same period" before a year, in either language ("over the same period in 2021", "аналогичным периодом 2021").
_SAME = r"(?:тот\s+же|то\s+же|том\s+же|аналогичн\w*|the\s+(?:same|corresponding))"
_SAME_BEFORE = _led(re.compile(rf"{_SAME}\s+(?:период\w*|period|time|quarter|month|week|day|квартал\w*|месяц\w*|недел\w*"
                               r"|дн\w*|день)", re.I))
_WAY_SUFFIX = re.compile(r" \((?:exports|imports|domestic|transit)\)$")
#: The way of a metric wherever it stands (a change of it marked after: "freight_volume (transit) (change)").
_WAY_ANYWHERE = re.compile(r" \((?:exports|imports|domestic|transit)\)(?= \(|$)")
#: Before a day, month or year a count runs from ("since September 21", "с 21 сентября", "since March 2023",
#: "since 1994"): the date is where it starts, not a period of its own.
#: (An adjective of a year after "с" is the level a change starts from, not a time since: "повышение с прошлогоднего
#: показателя роста в 7%" is last year's 7%.)
_SINCE = re.compile(r"(?:since|с|со)\s(?!(?:поза)?прошлогодн)", re.I)
#: Before "since" a year: a record or a first the figure is measured against ("the first increase since 2023", "the
#: fastest pace since 2019", "впервые с 2023 года"), not the figure's period.
_RECORD_SINCE = re.compile(r"(?:\b(?:first|highest|lowest|fastest|slowest|biggest|largest|smallest|strongest|weakest"
                           r"|sharpest|steepest|record|most|least)|(?<![^\W\d_])(?:впервые|максимальн|минимальн|рекордн"
                           r"|наибольш|наименьш|самы))[\w-]*(?:\s+[\w-]+){0,3}\s+$", re.I)
#: In a date that starts with "с" or "from", where it ends ("с января по декабрь 2023 года"): a span, not "since".
_TO_END = re.compile(r"\s(?:по|до|to|through|until|till)\s|[-–—]", re.I)
#: A year counted from its start to a day of it: "since the beginning of 2024", "с начала 2024 года".
_SINCE_START = re.compile(r"(?:\bsince\s+the\s+(?:start|beginning)\s+of|(?<![^\W\d_])с\s+начала)\s+(\d{4})\b", re.I)
_FREIGHT = "freight_volume"
_GOODS_VOLUMES = frozenset({"grain_volume", "oil_volume", "fuel_volume", "gas_volume", "lng_volume", "production", _FREIGHT})
#: Goods volumes an article's later tonnes sent or bought may be of (not an output, nor freight of any goods).
_TRADED_VOLUMES = frozenset({"grain_volume", "oil_volume", "fuel_volume", "gas_volume", "lng_volume"})
#: A word of a whole ("total exports", "всего", "общий объём"): its goods go by every route, not by one named before.
_WHOLE_WORD = _led(re.compile(r"\b(?:total|overall|all|whole|entire)\b|(?<![^\W\d_])(?:всего|общ(?:ий|ая|ее|его|ей|ем|ие|их)"
                              r"|суммарн\w*|в\s+целом)(?![^\W\d_])", re.I))
#: Metrics of goods carried that a named pipeline or route makes a part of (:func:`_route`).
_VIA_METRICS = _GOODS_VOLUMES - {"production"} | {"exports", "imports", "export_growth", "import_growth", "oil_flow"}
#: A named pipeline, route or port goods go by: "via the CPC pipeline", "through the BTC", "по нефтепроводу
#: «Дружба»", "через КТК" (a name with a pipeline word after or before it, in quotes, or an acronym), "via the Black
#: Sea port of Taman", "через порт Актау".
_VIA = re.compile(
    r"\b(?:[Vv]ia|[Tt]hrough)\s+(?:the\s+)?(?:(?P<en>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:oil\s+|gas\s+)?(?:pipeline|route)"
    r"|(?P<ac>[A-Z]{2,6})\b)"
    r"|(?<![^\W\d_])(?:[Пп]о|[Чч]ерез)\s+(?:(?:нефте|газо|трубо)провод[уа]?\s+|маршруту\s+)?(?:[«\"“](?P<q>[^»\"”]{2,40})[»\"”]"
    r"|(?P<ru>[А-ЯA-Z]{2,6})(?![^\W\d_]))"
    r"|(?<![^\W\d_])(?:[Пп]о|[Чч]ерез)\s+(?:нефте|газо|трубо)провод[уа]?\s+(?P<pn2>[А-ЯA-Z][\w-]+(?:\s+[А-ЯA-Z][\w-]+)?)"
    # a port goods go through: "via the Black Sea port of Taman", "through the Aktau port", "через порт Актау"
    r"|\b(?:[Vv]ia|[Tt]hrough)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){0,2}?port\s+of\s+(?P<port>[A-Z][\w-]+)"
    r"|(?P<port2>[A-Z][\w-]+)\s+(?:sea\s+)?port\b)"
    r"|(?<![^\W\d_])[Чч]ерез\s+(?:[\w-]+\s+){0,2}?порт\s+(?P<port_ru>[А-ЯA-Z][\w-]+)(?!\s+и\s)")
#: The groups of :data:`_VIA` that name a port: a route only when the clause names no pipeline or other route.
_PORT_GROUPS = ("port", "port2", "port_ru")


def _route(sentence: str, clause: tuple[int, int], rules: FigureRules, named: bool = False) -> str:
    """The pipeline or route named in a figure's clause that its goods go by (:data:`_VIA`), by its name in
    ``data/routes.csv`` ("по КТК" and "via the CPC" are CPC; else as written); not a place of the gazetteer
    ("through Kazakhstan", "по Транскаспийскому маршруту": a party, not a part); with ``named``, also a listed route
    the clause names with no "via" (its operator or terminal as the subject: "Морской терминал КТК ... перевалил
    55,51 млн т нефти", "The CPC shipped 63.5 million tonnes"); "" when none."""
    port = ""
    for m in _VIA.finditer(sentence, *clause):
        if not _places_in(m.group(0), rules)[0]:
            if any(m.group(g) for g in _PORT_GROUPS):
                port = port or next(m.group(g) for g in _PORT_GROUPS if m.group(g))
                continue
            name = next(g for g in m.groups() if g).strip()
            return _route_names().get(re.sub(r"\s+", " ", name).casefold(), name)
    if m := _via_named().search(sentence, *clause):  # "via the Power of Siberia": a listed name, no pipeline word
        return _route_names()[re.sub(r"\s+", " ", m.group(1)).casefold()]
    if named and (m := _route_named().search(sentence, *clause)):
        return _route_names()[re.sub(r"\s+", " ", m.group(0)).casefold()]
    # a port, when no pipeline is named ("through the port of Aktau towards the BTC pipeline": the BTC's)
    return port


#: The route of a metric ("oil_volume (via CPC)"): a part's whole may be named without it.
_VIA_NAMED = re.compile(r" \(via [^)]*\)")


@functools.lru_cache(maxsize=1)
def _route_named() -> re.Pattern:
    """A listed route's name as written (capitalised, so "дружба" is friendship, "Дружба" the pipeline)."""
    names = sorted((a for _name, aliases, _parties in _routes() for a in aliases), key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
                      + r")(?![^\W\d_])")


@functools.lru_cache(maxsize=1)
def _routes() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """The rows of ``data/routes.csv``, read once: (name, its aliases as written, the places it runs between)."""
    table = _table(None, "routes.csv", ["name", "aliases"])
    return tuple((r.name.strip(), tuple(a.strip() for a in r.aliases.split("|") if a.strip()),
                  getattr(r, "parties", "").strip()) for r in table.itertuples())


@functools.lru_cache(maxsize=1)
def _route_parties() -> dict[str, str]:
    """The one name of a route -> the places it runs between (``parties`` of ``data/routes.csv``: CPC -> Kazakhstan–Russia),
    the parties of a figure of goods it carries whose sentence names none."""
    return {name: parties for name, _aliases, parties in _routes() if parties}


def _closes_paragraph(sents: list, last: int, k: int, published: str | None, find_dates) -> bool:
    """Whether sentence ``last`` (the last with figures) ends the paragraph before sentence ``k``'s, or is followed
    there only by sentences with no digit nor date ("... compared to 2023 ($89.4 billion). The General Administration
    of Customs of China presented such data."): its figures' periods may go on into the next paragraph."""
    return 0 <= last < k and all(
        sents[j][0] == sents[last][0] and not _DIGIT_RUN.search(sents[j][4])
        and not (find_dates is not None and _date_rows(sents[j][4], published, find_dates[1]))
        for j in range(last + 1, k))


def _route_before(sents: list, k: int, figured: int, rules: FigureRules) -> str:
    """The route (:func:`_route`) the sentence nearest before sentence ``k`` in its paragraph names, with no figure
    in between (``figured``: the last sentence with one) and at most :data:`PARAGRAPH_LOOKBACK` back; "" when none."""
    for _j, prev in _back_in_paragraph(sents, k, figured):
        if route := _route(prev, (0, len(prev)), rules):
            return route
    return ""


@functools.lru_cache(maxsize=1)
def _via_named() -> re.Pattern:
    """"via" or "through" and a route's name from ``data/routes.csv`` ("via the Power of Siberia", "through the Caspian
    Pipeline Consortium"), for the names :data:`_VIA` cannot tell from other words."""
    names = sorted(_route_names(), key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
    return re.compile(rf"\b(?:via|through)\s+(?:the\s+)?({alt})(?![^\W\d_])", re.I)


@functools.lru_cache(maxsize=1)
def _route_names() -> dict[str, str]:
    """Alias (case-folded) -> the one name of a pipeline or route (``data/routes.csv``): "КТК" and "the CPC"
    are one route."""
    return {re.sub(r"\s+", " ", a).casefold(): name for name, aliases, _parties in _routes() for a in aliases}


def _trade_way(sentence: str, clause: tuple[int, int], start: int, others: list[int], end: int = -1) -> str:
    """``exports``, ``imports``, ``domestic`` or ``transit``: the cue of ``data/flow_cues.csv`` nearest before a tonnage in its
    clause, with no other figure of its kind (``others``: their starts in the sentence) between unless a
    part is named ("Экспорт зерновых в сезоне 2023-2024 гг. составил 39 млн тонн"; "exports ... 47 Mt,
    including 38 Mt of wheat"; not the 90 Mt in "produced 90 Mt of oil and exported 70 Mt"), or "".
    """
    best = None
    for s, e, way in _flow_spans(sentence, _GOODS_WAYS):
        if clause[0] <= s and e <= start and (best is None or s > best[0]) and (
                not any(e <= g < start for g in others) or _PART.search(sentence, e, start)
                or _CHANGE_TO.fullmatch(sentence, e, start)):
            best = (s, way)
    if best is None and end >= 0 and (m := _PASSIVE_WAY.match(sentence, end, clause[1])):
        return "exports" if (m.group("way") or m.group("way2")).lower() in ("export", "экспорт", "вывез") else "imports"
    if best is None and end >= 0 and (after := min(((s, way) for s, _e, way in _flow_spans(sentence, _GOODS_WAYS)
                                                     if end <= s < clause[1]), default=None)) and after[1] == "domestic" \
            and not _NUMBER_NOT_YEAR.search(sentence, end, after[0]) and not _CLAUSE_MARK.search(sentence, end, after[0]):
        # the first word of a way after the tonnage: "about 18 million tons of oil produced in 2023 came from the domestic
        # market" (not "24 млн тонн, что обеспечит потребность внутреннего рынка", nor "The 8.6% drop in exports ... was
        # offset by demand in the domestic market")
        return "domestic"
    return best[1] if best else ""


#: Between a way's word and a tonnage, the change then the level it reached: "exports increased by one million tons to
#: 13.7 million tons", "экспорт увеличился на 1 млн тонн и составил 13,7 млн тонн": the level goes the way the change goes.
_CHANGE_TO = re.compile(r"[^,;:()]*?(?:\bby|(?<![^\W\d_])на)\s+[^,;:()]+?\s+(?:\bto|(?<![^\W\d_])до|(?:and|и)\s+(?:reached|amounted\s+to"
                        r"|totall?ed|stood\s+at|составил\w*|достиг\w*))\s+(?:(?:about|almost|nearly|over|around|около|почти|более"
                        r"|свыше)\s+)?", re.I)
#: Punctuation that ends a figure's own words (between a tonnage and a word of its way after it, none may stand).
_CLAUSE_MARK = re.compile(r"[,;:()]")
#: A number that is not a year (between a tonnage and a cue of its way after it, no other figure may stand).
_NUMBER_NOT_YEAR = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d")
#: After a tonnage, the goods were exported or imported ("7 million tonnes of grain have been exported").
_PASSIVE_WAY = re.compile(r"[^,;.\d]{0,50}?(?:\b(?:has|have|had|was|were|is|are|been|be)\s+(?:\w+\s+)?(?P<way>export|import)ed\b"
                          r"|(?<![^\W\d_])(?:было|были|будет|будут)\s+(?P<way2>экспорт|импорт|вывез|ввез)\w*)", re.I)


#: A country goods are carried through ("through the territory of Kazakhstan", "via Kazakhstan", "через территорию
#: Казахстана", "транзитом через Казахстан"): no side of their flow.
_THROUGH_PLACE = re.compile(r"\b(?:through|via|across)\s+(?:the\s+)?(?:territory\s+of\s+)?(?:the\s+)?[A-Z][\w'’-]*"
                            r"(?:\s+[A-Z][\w'’-]*)?|(?<![^\W\d_])через\s+(?:территори[юи]\s+)?[А-ЯЁ][\w-]*")
#: The ways goods go that :func:`_trade_way` reads (roles of ``data/flow_cues.csv``).
_GOODS_WAYS = ("exports", "imports", "domestic", "transit")


@functools.lru_cache(maxsize=4096)
def _flow_spans(sentence: str, ways: tuple[str, ...] = ("in", "out")) -> tuple:
    """A sentence's flow cues as (start, end, way), in the order of ``ways`` (people coming ``in`` or going
    ``out``; goods: :data:`_GOODS_WAYS`): found once for all the figures of the sentence (cues never cross
    a clause break, so a clause's cues are those of the sentence inside it)."""
    flows = _flow_cues()
    return tuple((m.start(), m.end(), way) for way in ways for m in flows.get(way, _NO_CUE).finditer(sentence))


#: The end of a list of names before ", and" ("Kazakhstan, Kyrgyzstan, and Uzbekistan"): the last item follows,
#: not a clause.
_LIST_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$")
_LIST_LAST = re.compile(r",\s+and\s+(?:the\s+)?[A-Z]")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE.finditer(sentence)
                  if not (_LIST_LAST.match(sentence, m.start()) and _LIST_BEFORE.search(sentence, max(0, m.start() - 60),
                                                                                        m.start()))] + [len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a] or [(0, len(sentence))]


def _clause_of(clauses, pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1]


#: Metric keyword hits of the texts (clauses, sentences) seen last, for the rules they were found
#: with: every figure of a sentence looks at the same texts. Bounded.
_METRIC_CACHE: dict = {"rules": None, "map": {}}


#: Letters whose other case ``str.lower`` knows, and which ``re.IGNORECASE`` matches with no other
#: letter: ASCII and the basic Russian alphabet. A keyword hit at a word beginning with two of these
#: is looked up by them; at any other letter every metric is tried.
_PLAIN_LETTERS = frozenset(map(chr, range(128))) | frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def _metric_scan(table: pd.DataFrame) -> tuple:
    """What finds the keyword hits of all metrics in one pass (:func:`_keyword_starts`): a
    pattern that stops wherever any metric's keyword begins, the metrics (row numbers) by the
    first two letters of their keywords, the rows looked at everywhere (a keyword that begins with
    a letter outside :data:`_PLAIN_LETTERS`, whose other cases are not all known by ``str.lower``),
    the rows with keywords (tried at any other letter) and the rows without (they match wherever a
    word begins)."""
    first: dict[str, list[int]] = {}  # by the first two letters of a keyword, or its first alone
    everywhere, keywordless, alts = [], [], []
    for i, r in enumerate(table.itertuples()):
        kws = [k.strip().lower() for k in r.keywords.split(";") if k.strip()]
        if not kws:
            keywordless.append(i)
        elif any(k[0] not in _PLAIN_LETTERS for k in kws):
            everywhere.append(i)
        for k in kws:
            alts.append(re.escape(k).replace(r"\ ", r"\w*\s+").replace(r"\*", r"[^\W\d_]+"))
            head = k[:2] if len(k) > 1 and k[1] in _PLAIN_LETTERS and k[1].isalnum() else k[0]
            if k[0] in _PLAIN_LETTERS and i not in everywhere and i not in first.setdefault(head, []):
                first[head].append(i)
    anywhere = re.compile(r"\b(?=" + (_branches(sorted(set(alts), key=lambda a: (-len(a), a))) or r"(?!x)x") + ")", re.I)
    every = tuple(i for i in range(len(table)) if i not in keywordless)
    return anywhere, {c: tuple(v) for c, v in first.items()}, tuple(everywhere), every, tuple(keywordless)


#: Words that begin as a metric's keyword but are not it: "important" is no import, "projected" and "projectors" no
#: project.
_NOT_KEYWORDS = ("importan", "projector", "projected", "projection")
#: ... nor is a draft budget or law a project ("Проект бюджета России на 2025 год", "проекта закона о бюджете").
_NOT_KEYWORD_PHRASE = re.compile(r"проект\w*\s+(?:(?:федерального|республиканского|государственного)\s+)?(?:бюджет|закон)",
                                 re.I)


def _keyword_starts(text: str, rules: FigureRules) -> list[list[int]]:
    """Per metric row: the start of every hit of its keyword pattern in ``text``, as
    ``pattern.finditer`` gives them (a hit ends a word; the next is looked for after it), found
    by trying each row only where one of its keywords can begin."""
    anywhere, first, everywhere, every, keywordless = rules.metric_scan
    metrics = rules.metrics
    starts: list[list[int]] = [[] for _ in metrics]
    ends = [0] * len(metrics)
    plain = _PLAIN_LETTERS.issuperset
    for h in anywhere.finditer(text):
        p = h.start()
        c = text[p:p + 2]
        if plain(c):
            c = c.lower()
            rows = first.get(c, ()) + first.get(c[0], ()) + everywhere
        else:
            rows = every
        for i in rows:
            if p >= ends[i]:
                m = metrics[i][2].match(text, p)
                if m and not text[p:p + 10].lower().startswith(_NOT_KEYWORDS) and not _NOT_KEYWORD_PHRASE.match(text, p):
                    starts[i].append(p)
                    ends[i] = m.end()
    for i in keywordless:  # a row without keywords matches wherever a word begins
        starts[i] = [h.start() for h in metrics[i][2].finditer(text)]
    return starts


def _metric_hits(text: str, rules: FigureRules) -> tuple:
    """Per metric row with a keyword hit, in table order: (metric, kind, priority, whether its
    ``also`` words are there, start of every keyword hit). Rows without a hit are left out (they
    cannot give the metric), so their ``also`` words are never looked for."""
    cache = _METRIC_CACHE
    if cache["rules"] is not rules:
        cache["rules"], cache["map"] = rules, {}
    hit = cache["map"].get(text)
    if hit is None:
        starts = _keyword_starts(text, rules)
        hit = tuple((metric, mkind, prio, also is None or bool(also.search(text)), tuple(st))
                    for (metric, mkind, kw, also, prio), st in zip(rules.metrics, starts, strict=True) if st)
        if len(cache["map"]) >= _TOKEN_CACHE_SIZE:
            cache["map"].clear()
        cache["map"][text] = hit
    return hit


_CYRILLIC_WORD = re.compile(r"[а-яё]+")


#: A noun that counts pieces or units of what is named elsewhere ("1 366 535 штук", "1,27 млн единиц", "500 units").
_CLASSIFIER = re.compile(r"штук\w*|единиц\w*|экземпляр\w*|units?|pieces?", re.I)
#: After a figure, its classifier noun with nothing counted after it: a stop or the end of the clause.
_CLASSIFIER_ALONE = re.compile(r"\s*[^\W\d_]+\s*(?:[.,;:!?)»\"]|$)")


def _lemma(noun: str) -> str:
    """A Russian counted noun in its dictionary form ("пусков", "пуска" -> "пуск"), so that one noun in
    several cases is one metric; other nouns as they are."""
    if not _CYRILLIC_WORD.fullmatch(noun) or not _ru_known(noun):
        return noun  # (a word pymorphy3 would only guess stays as written: "бпла" is no form of "бпнуть")
    return _noun_lemma(noun)


@functools.lru_cache(maxsize=65536)
def _noun_lemma(word: str) -> str:
    """The dictionary form of a known Russian word read as a counted noun: pymorphy3's first parse, unless a noun's
    parse is as likely (:func:`_as_noun`: "туши" -> "туша", not "тушить"); ``ё`` written ``е``, as
    :func:`kzru_lib.terms.russian_lemmas` writes it."""
    return _as_noun(word).normal_form.replace("ё", "е")


_UNIT_KINDS: dict = {"rules": None, "map": {}}


def _rate_of(unit: str, rules: FigureRules) -> str:
    """The kind of measure a rate is of ("mass" for "metric ton per year"); "" for another unit."""
    if _UNIT_KINDS["rules"] is not rules:
        _UNIT_KINDS["rules"], _UNIT_KINDS["map"] = rules, {u: k for u, k in rules.units.values()}
    head, sep, _ = unit.partition(" per ")
    return _UNIT_KINDS["map"].get(head, "") if sep else ""


def _metric(kind: str, noun: str, phrase: str, pos: int, scopes: list[tuple[str, int]], rules: FigureRules,
            size: int, unit: str = "", context: str = "") -> str:
    """The metric: a count's noun first; else keywords in clause, sentence, earlier sentences (a keyword after
    the figure within :data:`_AFTER_WINDOW` characters of its start, not counting an aside in brackets right
    after it: "1.2 million dollars (1.1 million euros) worth of drones exported"; ``size``: the figure's length).
    A rate (``unit`` "metric ton per year") is measured by the rows of its kind, then by those of what it is a rate
    of ("63 million tonnes of oil a year" is oil's, in its own unit; "a capacity of 83 million tonnes a year" the
    capacity's, whose row comes first). With ``context`` (a sentence before), a keyword of :data:`_ALSO_BEFORE`
    whose ``also`` words are not in the scope may take them from it ("... a budget deficit of 1.9% of GDP in 2023 ... /
    ... the overall deficit stood at 3.24 trillion roubles")."""
    kinds = (kind, "any", _rate_of(unit, rules)) if kind == "rate" else (kind, "any")
    if kind == "count":
        # the head noun's metric first ("20 passenger trains" count no passengers), then the phrase's ("new passenger
        # cars": cars, by the keyword "passenger car")
        for text in dict.fromkeys((noun, phrase or noun)):
            for mr in rules.metrics:  # (a noun understood has no phrase: "... 200 тысяч граждан России, выехало – 147 тысяч")
                if text and mr[1] in ("count", "any") and mr[2].search(text):
                    return mr[0]
        if _CLASSIFIER.fullmatch(noun) and scopes and pos >= 0 and _CLASSIFIER_ALONE.match(
                scopes[0][0], scopes[0][1] + size):
            # "продажи новых легковых автомобилей составили 1 366 535 штук", "до 1,27 млн единиц": pieces or units of
            # what its clause, else its sentence, counted before the figure (not "168 pieces of equipment", "252 единицы
            # специальной техники")
            for text, where in scopes[:2]:
                named = [(m.start(), mr[0]) for mr in rules.metrics if mr[1] == "count"
                         for m in mr[2].finditer(text, 0, max(0, where))]
                if named:
                    return max(named)[1]
        return _lemma(noun)
    for text, where in scopes:
        best = None
        aside = _ASIDE.match(text, where + size) if where >= 0 else None
        reach = where + _AFTER_WINDOW + (aside.end() - aside.start() if aside else 0)
        if where >= 0 and (passive := _PASSIVE_AFTER.match(text, where + size)):
            # "775.4 million U.S. dollars were reportedly sent through the money transfer systems": the figure is what
            # the passive clause after it is about
            reach = max(reach, passive.end() + _AFTER_WINDOW)
        hits = _metric_hits(text, rules)
        # the keywords whose noun the figure is "of" ("deficit of", "ВВП Узбекистана до"): :data:`_HEAD_OF`
        heads = {start for _m, mkind, _p, also_ok, starts in hits if mkind in kinds and also_ok for start in starts
                 if where > 0 and 0 <= where - start <= _HEAD_REACH and _HEAD_OF.fullmatch(text, start, where)}
        # ... and the keyword of what the figure comes "from", right after it ("federal revenue of 10.7 trillion roubles
        # from oil and gas sales": oil and gas revenue)
        source = src.end() if heads and (src := _FROM_AFTER.match(text, where + size)) else -1
        for metric, mkind, prio, also_ok, starts in hits:
            if mkind not in kinds:  # a length, a duration or tonnes are never a count of regions or deals
                continue
            if not also_ok and not (context and metric in _ALSO_BEFORE and any(
                    mr[3].search(context) for mr in rules.metrics if mr[0] == metric and mr[3] is not None)):
                continue
            for start in starts:
                if aside and aside.start() <= start < aside.end() and _ASIDE_FIGURE.search(text, *aside.span()):
                    continue  # "received $6 billion (almost half its GDP)": the aside's share is of the GDP, not the $6 billion
                if _PURPOSE_BEFORE.search(text, max(0, start - 40), start):
                    continue  # "raised its key rate from 18% to 19% in an effort to curb inflation": the aim, not the figure's
                if where >= 0 and start > where and (start > reach or _ITEM_BREAK.search(text, where, start)
                                                     or (_CONJ.search(text, where, start)
                                                         and _DIGIT_RUN.search(text, start, start + _AFTER_WINDOW))
                                                     or _CAUSE_BETWEEN.search(text, where + size, start)):
                    # a keyword far after the figure, past a break, or past "and" before another number ("imported
                    # drones worth $5 million and exported $1.2 million"), belongs to another figure; past "as",
                    # "after", "amid" it belongs to the clause of a cause ("raised its key rate to 21% as inflation
                    # accelerated")
                    continue
                dist = abs(start - where) if where >= 0 else 0
                # the noun the figure is "of" comes before a keyword of another clause ("Oil and gas revenues are
                # crucial for Russia's state budget, which ran a deficit of 5.6 trillion roubles": the deficit)
                key = (bool(heads) and start not in heads and start != source and (start > where or "," in text[start:where]),
                       prio, dist)
                if best is None or key < best[0]:
                    best = (key, metric)
        if best:
            if best[1] == "fuel_volume" and _OIL_AND_FUEL.search(text):
                return "oil_volume"  # "oil and petroleum products", "нефти и нефтепродуктов": crude and products together
            return best[1]
    if kind == "flow" and unit.startswith("barrel"):
        return "oil_flow"  # "CPC exports averaged 1.5 million barrels per day": barrels a day are oil's unless said
    return ""


#: Metrics whose keyword is a word of several ("deficit" of a budget or of trade, "the rate" of a central bank or of a
#: loan) and whose ``also`` words may come from the sentence before (:func:`_metric`'s ``context``).
_ALSO_BEFORE = frozenset({"budget_balance", "budget_revenue", "budget_spending", "trade_balance", "policy_rate"})


#: From a metric's keyword to a figure it heads: the keyword's word, then "of" or "в размере" ("deficit of ", "дефицит в
#: размере "), or "до" after it and at most one word more ("росте ВВП Узбекистана до $145 млрд").
_HEAD_OF = re.compile(r"[^\W\d_]+\s+(?:of|в\s+размере|(?:[А-ЯЁ][а-яё]+\s+)?до)\s+(?:(?:about|around|nearly|almost|over|some"
                      r"|около|почти|более)\s+)?(?:[$€£₽¥]\s*)?", re.I)
_HEAD_REACH = 40
#: Right after a figure (and its currency or scale), what it comes from ("... roubles from oil and gas sales").
_FROM_AFTER = re.compile(r"(?:\s+[^\W\d_]+)?\s+(?:from|от)\s+(?:the\s+)?", re.I)
#: Crude oil and its products named together: tonnes of both are oil's (``oil_volume``), not refined products' alone.
_OIL_AND_FUEL = re.compile(r"\boil\s+(?:and|&)\s+(?:oil|petroleum|refined)\s+products|нефт[а-яё]*\s+и\s+нефтепродукт", re.I)


#: Between a figure and a keyword after it, the word that opens a clause of a cause or of what came first or beside it
#: ("to 16 percent after inflation showed signs of easing", "to 21% as inflation accelerated", "на фоне роста инфляции"):
#: the keyword is that clause's, not the figure's ("as" not of "as well as", "as of", "as much as", "as a share of").
_CAUSE_BETWEEN = re.compile(r"\b(?:as(?!\s+(?:well|of|much|many|part|a\s+share|a\s+percentage|against)\b)|after|amid|amidst"
                            r"|because|due\s+to|following|despite|in\s+response\s+to|on\s+the\s+back\s+of)\b"
                            r"|(?<![^\W\d_])(?:на\s+фоне|из-за|после\s+того|поскольку|так\s+как|несмотря\s+на|вслед\s+за)"
                            r"(?![^\W\d_])", re.I)


#: A purpose right before a metric's keyword: what a measure is taken against ("to curb surging inflation", "для
#: борьбы с инфляцией"), not what its figure measures.
_PURPOSE_BEFORE = re.compile(r"\b(?:to|of)\s+(?:curb|curbing|fight|fighting|tame|taming|combat|combating|contain|containing"
                             r"|cool|cooling|tackle|tackling|rein\s+in)\s+(?:[a-z]+\s+){0,2}$"
                             r"|(?<![^\W\d_])(?:для|чтобы)\s+(?:борьбы\s+с|сдерживания|обуздания|сдержать|обуздать|"
                             r"охладить|охлаждения)\s+(?:[а-яё]+\s+){0,2}$", re.I)


#: An aside in brackets right after a figure (a conversion, a share: "(1.1 million euros)", "(27 per cent)").
_ASIDE = re.compile(r"\s*\([^()]{0,40}\)")
#: Right after a figure, a passive verb whose subject it is ("were reportedly sent", "was invested", "has been spent").
_PASSIVE_AFTER = re.compile(r"\s+(?:was|were|is|are|(?:has|have|had|will)\s+been|will\s+be)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|nt|t)\b")
#: A figure of an aside's own: its words are the metric of that figure ("(14% of its GDP)", "(almost half its GDP)").
_ASIDE_FIGURE = re.compile(r"\d|\b(?:half|third|quarter)\b|(?<![^\W\d_])(?:половин|трет|четверт)", re.I)
_SUBUNIT_AFTER = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}|[a-z]+(?:[- ][a-z]+)?)(?:\s*(?P<u>cents?|pence|kopecks?|копеек|копейки))?"
                            r"(?=\s*(?:[.,;!?)]|$))", re.I)


def _word_parts(t: dict, rules: FigureRules) -> tuple[float, float]:
    """(number, scale) of a number-word token: "пять тысяч" is (5, 1000), "двадцать" (20, 1)."""
    if "wparts" in t:
        return t["wparts"]
    base = rules.words.get(re.sub(r"\s+", " ", t["word_text"]))
    return (base, t["value"] / base) if base else (t["value"], 1.0)


def _join_number_words(sentence: str, toks: list[dict], rules: FigureRules) -> list[dict]:
    """Russian number words written as several words, one figure: "двадцать пять" 25, "сто
    двадцать" 120, "двадцать пять тысяч" 25,000, "две тысячи пятьсот" 2,500. Two word tokens one
    space apart join when the second is smaller than the first's last place ("двадцать" takes
    units, "сто" takes up to 99, "две тысячи" up to 999) and the first has no unit of its own.
    Two scaled numbers one space apart join the same way when the second is below the first's
    scale ("$2 млрд. 842 млн": 2.842 billion dollars)."""
    out: list[dict] = []
    for t in toks:
        a = out[-1] if out else None
        if (a is not None and not a["word"] and not t["word"] and a["scaled"] and t["scaled"] and not t["has_cur"]
                and a["high"] is None and t["high"] is None and (not t["unit"] or not a["unit"] or t["unit"] == a["unit"])
                and sentence[a["end"]:t["start"]] == " " and _to_float(a["raw"]) == int(_to_float(a["raw"]))
                and t["value"] < a["value"] / _to_float(a["raw"])):
            # "$2 млрд. 842 млн", "1 млрд 200 млн рублей": one amount written with two scales
            tscale = t["value"] / _to_float(t["raw"])  # the raw number stays a number in the second scale
            out[-1] = {**t, "start": a["start"], "value": a["value"] + t["value"], "unit": a["unit"] or t["unit"],
                       "kind": a["kind"] or t["kind"], "has_cur": a["has_cur"],
                       "raw": f"{(a['value'] + t['value']) / tscale:f}".rstrip("0").rstrip("."),
                       "wparts": (a["value"] + t["value"], 1.0)}
            continue
        if (a is not None and a["word"] and not t["word"] and t["scaled"] and not t["has_cur"] and not a["unit"]
                and a["high"] is None and t["high"] is None and sentence[a["end"]:t["start"]] == " "
                and re.fullmatch(r"\d{1,3}", t["raw"] or "") and _word_parts(a, rules)[1] > t["value"]):
            # "шесть миллионов 163 тысячи 863 человека": the millions in words, the thousands and the rest in digits
            tscale = t["value"] / _to_float(t["raw"])
            total = a["value"] + t["value"]
            out[-1] = {**t, "start": a["start"], "value": total, "raw": f"{total / tscale:.15g}",
                       "wparts": (total, 1.0)}
            continue
        if (a is not None and not a["word"] and not t["word"] and a["scaled"] and not t["scaled"] and not t["has_cur"]
                and not a["unit"] and a["high"] is None and t["high"] is None and t["kind"] not in ("percent", "multiple")
                and not a.get("number_adjective") and not t.get("number_adjective")
                and sentence[a["end"]:t["start"]] == " " and re.fullmatch(r"\d{1,3}", t["raw"] or "")
                and re.fullmatch(r"\d+", a["raw"] or "") and t["value"] < a["value"] / _to_float(a["raw"])
                and not _MONTH_AFTER.match(sentence[t["end"]:t["end"] + 12])
                and not _RU_MONTH_AFTER.match(sentence, t["end"])):
            # "1 тысячи 800 долларов", "2 тыс. 500 человек": a scaled number and the hundreds after it, one amount
            total = a["value"] + t["value"]
            out[-1] = {**t, "start": a["start"], "value": total, "raw": f"{total:.15g}", "scaled": False,
                       "wparts": (total, 1.0)}
            continue
        if (a is not None and a["word"] and t["word"] and t["word_text"] == "hundred" and not a["unit"]
                and not a["scaled"] and a["high"] is None and t["high"] is None and sentence[a["end"]:t["start"]] == " "
                and 1 <= a["value"] < 100 and a["value"] == int(a["value"]) and not _CYRILLIC.match(a["word_text"])):
            # "two hundred thousand", "three hundred million dollars": so many hundreds (were 2 and 100,000)
            out[-1] = _joined_words(a, t, sentence, (a["value"] * t["value"], 1.0))
            if len(out) > 1 and (joined := _english_sum(out[-2], out[-1], sentence, rules)) is not None:
                out[-2:] = [joined]  # "two thousand five hundred": the hundreds go with the thousands before them
            continue
        if (a is not None and a["word"] and t["word"] and not a["unit"] and a["high"] is None and t["high"] is None
                and sentence[a["end"]:t["start"]] == " "
                and bool(_CYRILLIC.match(t["word_text"])) == bool(_CYRILLIC.match(a["word_text"]))):
            russian = bool(_CYRILLIC.match(a["word_text"]))
            an, ascale = _word_parts(a, rules)
            tn, tscale = _word_parts(t, rules)
            fixed = a.get("wfixed", 0.0)  # the part of ``a`` said at a larger scale, which ``t``'s scale leaves alone
            if ascale > 1 and t["value"] < ascale and (russian or not _HUNDRED_NEXT.match(sentence, t["end"])):
                # "две тысячи пятьсот", "два миллиона триста тысяч", "two thousand fifty" (not the "five" of "two
                # thousand five hundred": its hundreds are joined first, then added, :func:`_english_sum`)
                parts, fixed = (tn, tscale), fixed + an * ascale
            elif russian and ascale == 1 and an == int(an) and tn < (100 if an % 100 == 0 else 10 if an % 10 == 0 else 0):
                # "двадцать пять", "сто двадцать", "двадцать пять тысяч"; "два миллиарда шестьсот сорок пять
                # миллионов": the millions are the six hundred and forty-five's alone (was 2,000,000,645 million)
                parts = (an + tn, tscale)
            else:
                parts = None
            if parts is not None:
                out[-1] = _joined_words(a, t, sentence, parts, fixed)
                continue
        out.append(t)
    return out


#: " hundred" right after a number word ("two thousand five hundred": the "five" is a count of hundreds).
_HUNDRED_NEXT = re.compile(r"\s+hundred\b", re.I)


def _english_sum(a: dict, t: dict, sentence: str, rules: FigureRules) -> dict | None:
    """One token of English number words ``a`` then ``t`` one space apart, when ``t`` is below ``a``'s scale
    ("two thousand" and "five hundred": 2,500; "two million" and "three hundred thousand": 2,300,000), else None."""
    if not (a["word"] and t["word"] and not a["unit"] and a["high"] is None and t["high"] is None
            and sentence[a["end"]:t["start"]] == " " and not _CYRILLIC.match(a["word_text"])):
        return None
    an, ascale = _word_parts(a, rules)
    if not (ascale > 1 and t["value"] < ascale):
        return None
    return _joined_words(a, t, sentence, _word_parts(t, rules), a.get("wfixed", 0.0) + an * ascale)


def _joined_words(a: dict, t: dict, sentence: str, parts: tuple[float, float], fixed: float = 0.0) -> dict:
    """The token of number words ``a`` and ``t`` read as one: ``fixed`` (the part said at larger scales) plus
    ``parts`` (number, scale: the part a scale word after it still multiplies) its value."""
    return {**t, "start": a["start"], "value": fixed + parts[0] * parts[1], "scaled": a["scaled"] or t["scaled"],
            "raw": sentence[a["start"]:t["end"]], "word_text": sentence[a["start"]:t["end"]].lower(), "wparts": parts,
            "wfixed": fixed}


#: A Russian month name after a number ("10 тысяч 15 апреля": a date follows, not an amount's hundreds).
_RU_MONTH_AFTER = re.compile(r"\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)", re.I)
#: A word in Cyrillic letters (the number words joined by :func:`_join_number_words`).
_CYRILLIC = re.compile(r"[а-яё]", re.I)


def _join_subunits(sentence: str, toks: list[dict]) -> list[dict]:
    """ "3 dollars 50 cents", "15 dollars and 50", "17 USD 25": a whole amount and its hundredths are one figure."""
    out: list[dict] = []
    skip = set()
    for i, t in enumerate(toks):
        if i in skip:
            continue
        if t["kind"] == "money" and not t["scaled"] and t["high"] is None and float(t["value"]).is_integer():
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            gap_end = nxt["start"] if nxt else len(sentence)
            m = _SUBUNIT_AFTER.match(sentence, t["end"], len(sentence))
            if m and nxt and nxt["start"] <= m.start("n") < nxt["end"] and (nxt["unit"] in ("", "cent", "penny", "kopeck")) \
                    and nxt["value"] < 100 and not nxt["scaled"]:
                out.append({**t, "value": t["value"] + nxt["value"] / 100, "end": nxt["end"]})
                skip.add(i + 1)
                continue
            del gap_end
        out.append(t)
    return out


#: Tokens of the sentences seen last, for the rules they were found with: a sentence repeated
#: across articles (wire copies, boilerplate-like lead lines) is tokenised once. Bounded.
_TOKEN_CACHE: dict = {"rules": None, "map": {}}
_TOKEN_CACHE_SIZE = 100_000


def _sentence_tokens(sentence: str, rules: FigureRules) -> list[dict]:
    """The numeric tokens of a sentence, subunits joined and ranges merged. The list and its
    dicts are never changed by the callers (they copy), so one list serves the pass without and
    the pass with the sentence's dates, and every repeat of the sentence."""
    cache = _TOKEN_CACHE
    if cache["rules"] is not rules:
        cache["rules"], cache["map"] = rules, {}
    hit = cache["map"].get(sentence)
    if hit is None:
        toks = _join_number_words(sentence, _tokens(sentence, rules), rules)
        if _RATIO_CUE.search(sentence):
            toks = _ratios(sentence, toks)
        hit = _share_list_units(sentence, _merge_ranges(sentence, _join_subunits(sentence, toks), rules))
        if len(cache["map"]) >= _TOKEN_CACHE_SIZE:
            cache["map"].clear()
        cache["map"][sentence] = hit
    return hit


#: A share said as so many of so many ("one in five", "three out of four", "1 in 3", "каждый пятый", "трое из десяти",
#: "один из пяти"): a fraction, as "a fifth" is; of more than ten, two counts ("76 out of 89 regions").
_RATIO_CUE = re.compile(r"\s(?:in|out\s+of|из)\s|(?<![^\W\d_])кажд", re.I)
_RATIO_EN = re.compile(r"(?<![\w.,])(?P<n>one|a|two|three|four|five|\d{1,3})\s+(?:in|out\s+of)\s+(?:every\s+)?"
                       r"(?P<m>two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|(?!(?:19|20)\d\d)\d{1,4})"
                       r"(?![\w.,%]|\.\d)(?!\s*(?:thousand|million|billion|mln|bln|bn)\b)", re.I)
_RATIO_RU = re.compile(r"(?<![^\W\d_])(?:кажд\w+\s+(?P<o>втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*"
                       r"|(?P<n>\d{1,3}|один|одна|одно|двое|два|две|трое|три|четверо|четыре)\s+из\s+(?P<m>\d{1,4}|двух|тр[её]х|"
                       r"четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|ста|тысячи)(?!\s*(?:тыс|млн|млрд|тысяч|миллион)))"
                       r"(?![^\W\d_])", re.I)
_RATIO_WORDS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "hundred": 100, "thousand": 1000, "один": 1, "одна": 1, "одно": 1, "двое": 2, "два": 2, "две": 2,
                "трое": 3, "три": 3, "четверо": 4, "четыре": 4, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4,
                "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "ста": 100,
                "тысячи": 1000, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
                "восьм": 8, "девят": 9, "десят": 10}


def _ratios(sentence: str, toks: list[dict]) -> list[dict]:
    """The tokens of a sentence with its shares said as so many of so many (:data:`_RATIO_EN`, :data:`_RATIO_RU`) as
    fractions, in place of the numbers inside them ("one in five companies": 0.2, not five)."""
    found = []
    for m in (*_RATIO_EN.finditer(sentence), *_RATIO_RU.finditer(sentence)):
        if m.groupdict().get("o"):
            n, d = 1, _RATIO_WORDS[m.group("o").lower()]
        else:
            n, d = (int(x) if x.isdigit() else _RATIO_WORDS.get(x.lower()) for x in (m.group("n"), m.group("m")))
        if not (n and d) or n >= d or not (d <= 10 or (n == 1 and d in (100, 1000))):
            continue  # "76 out of 89 federal subjects": two counts, each a figure
        found.append({"start": m.start(), "end": m.end(), "value": n / d, "high": None, "unit": "fraction",
                      "kind": "fraction", "scaled": False, "word": True, "has_cur": False, "raw": m.group(0),
                      "word_text": m.group(0).lower()})
    if not found:
        return toks
    kept = [t for t in toks if not any(f["start"] < t["end"] and t["start"] < f["end"] for f in found)]
    return sorted(kept + found, key=lambda t: t["start"])


#: A number and an opening bracket right before a word ("28 (миллиардов долларов – ред.)").
_EDITOR_OPEN = re.compile(r"\d\s*\(\s*$")
#: Kinds a number in a list never borrows ("5%, 7 million" is not 7 million per cent).
_NOT_LISTED = frozenset({"money", "subunit", "percent", "multiple", "fraction", "duration", "age", ""})
#: A Russian ordinal or fraction word after a number word ("двадцать пятую годовщину", "две трети").
_RU_ORDINAL_NEXT = re.compile(
    r"\s+(?:(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|(?:один|две|три|четыр|пят|шест|сем|восем|девят)надцат|"
    r"двадцат|тридцат|сороков|(?:пяти|шести|семи|восьми)десят|девяност|сот|тысячн)[а-яё]*?"
    r"(?:ый|ий|ой|ая|яя|ое|ее|ую|юю|ого|его|ому|ему|ым|им|ом|ем|ых|их|ые|ие|ыми|ими)|трет(?:и|ей|ям|ями)|четверт(?:и|ей))"
    r"(?![^\W\d_])", re.I)


_NUMBER_OF = _led(re.compile(r"\b(?:the\s+)?(?:total\s+)?number\s+of\s+|(?<![^\W\d_])(?:общее\s+)?(?:число|количество|численность)\s+",
                             re.I))
_NUMBER_OF_WINDOW = 120
#: A growth in percent and the level it reached, up to that level's number ("48% to ", "на 10% до "), a year-on-year
#: said between ("rose 48% on an annual basis to 1.5 million", "на 16% год к году до").
_GROWTH_TO = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b|процент\w*)(?:,?\s+(?:on\s+an?\s+(?:annual|yearly)\s+basis"
                        r"|year[-\s]on[-\s]year|year[-\s]over[-\s]year|y/y|yoy|г/г|год\s+к\s+году|в\s+годовом\s+выражении)"
                        r",?)?\s+(?:to|до)\s+", re.I)
_GROWTH_TO_END = re.compile(_GROWTH_TO.pattern + "$", re.I)
#: The "to" between the two numbers of a change ("from 5,000 to 7,500 students").
_TO_NEXT = re.compile(r"\s+(?:to|до)\s+", re.I)
#: A number and the "to" of a change from it ("from 5,000 to "): the change's start, before its end.
_FROM_END_TO = re.compile(r"\d[\d.,\s\u00a0]*?\s*(?:to|до)\s+", re.I)


def _last_number_of(sentence: str, lo: int, hi: int) -> re.Match | None:
    """The last "the number of" / "число" (:data:`_NUMBER_OF`) in ``sentence[lo:hi]``, or None."""
    found = list(_NUMBER_OF.finditer(sentence, lo, hi))
    return found[-1] if found else None


def _number_of(sentence: str, pos: int, rules: FigureRules, between: list[int]) -> tuple[str, str]:
    """(phrase, noun) of the last "the number of NOUN" / "число NOUN" before ``pos`` in its clause,
    with no other number (``between``: the starts of the sentence's other numbers, dates aside) or
    clause break between; ("", "") when there is none."""
    last = _last_number_of(sentence, max(0, pos - _NUMBER_OF_WINDOW), pos)
    # (but the growth that took it there may stand between: "the number of air passengers rose 48% to 1.5 million")
    # (nor the start of a change said from one number to this one: "the number of students rose from 5,000 to 7,500")
    if last is None or any(last.end() <= x < pos and not _GROWTH_TO.fullmatch(sentence, x, pos)
                           and not (_FROM_END_TO.fullmatch(sentence, x, pos) and _RANGE_PREP.search(sentence, max(0, x - 6), x))
                           for x in between) \
            or _CLAUSE.search(sentence, last.end(), pos):
        return "", ""
    phrase, noun = _noun_after(sentence, last.end(), rules)
    return (sentence[last.start():last.end()].strip() + " " + phrase if noun else ""), noun


def _toll_place(sentence: str, sides: list[str], pair: list[str], before: list[dict], rules: FigureRules) -> str:
    """The one place of ``sides`` (a toll's parties lent by the article or the sentence before) an event's toll is of:
    the one place its sentence names, else that of the article's last toll before it (``before``: the figures read so
    far; "225 people died ... in Kazakhstan ... More than 4,300 people were injured"), else the place the article names
    most; "" when none is one of them."""
    named = _places_in(sentence, rules)[0]
    if len(named) == 1 and named[0] in sides:
        return named[0]
    if named or _BOTH_SIDES.search(sentence):
        return ""  # (both sides' toll: "The former Soviet republics clashed ..., leaving at least 54 dead")
    last = next((r["parties"] for r in reversed(before) if r["metric"].startswith(_TOLLS)), "")
    return last if last in sides else pair[0] if pair and pair[0] in sides else ""


#: Right before an event's toll (within :data:`_TOLL_MORE_NEAR` characters), a word of more of them ("an additional 13
#: deaths", "еще о 13 жертвах"), and after it, the toll they raise ("adding to an earlier toll of 46", "что довело общее
#: число погибших до 59"): the toll's change (:func:`_read_doc_figures`).
_TOLL_MORE = re.compile(r"\b(?:additional|another|further|more)\b|(?<![^\W\d_])(?:ещ[её]|дополнительн\w*)(?![^\W\d_])", re.I)
_TOLL_MORE_NEAR = 20
_TOLL_RAISED = re.compile(r"\b(?:bringing|brought|raising|raised|adding\s+to|taking)\b"
                          r"|(?<![^\W\d_])(?:довел\w*|доведя|увеличив\w*|увеличил\w*)(?![^\W\d_])", re.I)
#: How far after an event's toll its counted people may be named as one side's citizens ("24 Kyrgyz citizens").
_SIDE_AFTER = 40
#: Where the people a toll counts are no longer named after it: a clause mark, or a place's preposition ("Nearly 100
#: people have died in the Kyrgyzstan and Tajikistan border conflict": the conflict's places, not the people's).
_SIDE_AFTER_END = re.compile(r"[,;:]|\s(?:in|at|during|near|along|across|в|во|на|при)\s", re.I)
#: After an event's toll, up to the next clause (:data:`_SIDE_STRETCH_END`, at most :data:`_SIDE_STRETCH` characters): the
#: side it is of ("on the Kyrgyz side", "с таджикской стороны").
_SIDE_STRETCH = 80
_SIDE_STRETCH_END = re.compile(r"[;.]|,\s+(?:and|but|while|а|и|но)\s", re.I)
_ON_SIDE = re.compile(r"\bon\s+the\s+\w+\s+side\b|(?<![^\W\d_])(?:с|со|на)\s+\w+\s+сторон[ыеу](?![^\W\d_])", re.I)
#: A country's officials ("the Kyrgyz Health Ministry", "Tajik border officials", "Минздрав Киргизии"; group ``who``:
#: the words that name the country).
_OFFICIALS = re.compile(r"(?P<who>\b[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)\s+(?i:(?:health\s+|border\s+|foreign\s+)?"
                        r"(?:ministry|minister|authorities|officials|government|border\s+service))\b"
                        r"|(?<![^\W\d_])(?i:минздрав\w*|министерств\w+\s+здравоохранения|власти|погранслужб\w*)\s+"
                        r"(?P<who_ru>[А-ЯЁ][а-яё]+)")
#: Before a place: the side a country fought ("clashes with Tajikistan", "на границе с Кыргызстаном").
_AGAINST = re.compile(r"\b(?:with|against)\s+(?:neighbou?ring\s+)?|(?<![^\W\d_])(?:с|со|против)\s+(?:соседн\w+\s+)?", re.I)
#: Both sides of a clash ("on both sides", "с обеих сторон", "на границе Таджикистана и Кыргызстана").
_BOTH_SIDES = re.compile(r"\bboth\s+sides\b|\bon\s+either\s+side\b|(?<![^\W\d_])(?:обеих\s+сторон|обе\s+стороны)(?![^\W\d_])"
                         r"|\b(?:the|both)\s+(?:two\s+|former\s+soviet\s+)(?:[\w-]+\s+)?(?:countries|nations|republics|states"
                         r"|neighbou?rs)\b|(?<![^\W\d_])(?:обеих|двух)\s+(?:\w+\s+)?(?:стран|государств|республик)(?![^\W\d_])",
                         re.I)


def _toll_side(sentence: str, e0: int, sides: list[str], rules: FigureRules) -> str:
    """The one side of two countries (``sides``) an event's toll ending at ``e0`` is of: the side named after it in its
    clause ("59 deaths and more than 100 injured on the Kyrgyz side"), else the one its people are named citizens of
    right after it ("Twenty-four citizens of Kyrgyzstan were killed", "63 кыргызстанца погибли"), else, when the sentence
    names one of them as the side fought ("35 killed in border clashes with Kyrgyzstan", "на границе с Кыргызстаном
    погибли 35 граждан страны"), the other, else the one side whose officials give it ("The Kyrgyz Health Ministry says
    ..."); "" when the sentence says both sides, or nothing tells."""
    if not all(p in rules.countries for p in sides) or _BOTH_SIDES.search(sentence):
        return ""
    stretch = _SIDE_STRETCH_END.split(sentence[e0:e0 + _SIDE_STRETCH], maxsplit=1)[0]
    if (side := _ON_SIDE.search(stretch)) and len(on := _places_in(side.group(), rules)[0]) == 1 and on[0] in sides:
        return on[0]  # "59 deaths and more than 100 injured on the Kyrgyz side"
    after = _places_in(_SIDE_AFTER_END.split(sentence[e0:e0 + _SIDE_AFTER], maxsplit=1)[0], rules)[0]
    if len(after) == 1 and after[0] in sides:
        return after[0]
    fought = {p for m in _AGAINST.finditer(sentence) for p in _places_in(sentence[m.end():m.end() + 25], rules)[0][:1]
              if sentence[m.end():m.end() + 1].isupper()}
    if len(fought) == 1 and (fought & set(sides)):
        return next(p for p in sides if p not in fought)
    # the one side named where the event was, in the toll's clause before it ("an 18-hour aerial bombardment across
    # Ukraine killed at least 41 civilians", after "Russian authorities accused Kyiv ...")
    clause = sentence[max(sentence.rfind(c, 0, e0) for c in ",;:") + 1:e0]
    where = {first[1] for m in _WHERE_BEFORE.finditer(clause)
             if (first := next(iter(rules.places.finditer(clause[m.end():m.end() + 30])), None)) and first[0] == 0}
    if len(where) == 1 and where <= set(sides):
        return where.pop()
    # the one side whose officials give the toll ("The Kyrgyz Health Ministry says clashes on the border of Kyrgyzstan
    # and Tajikistan have wounded 31 people")
    official = {p for m in _OFFICIALS.finditer(sentence) for p in _places_in(m.group("who") or m.group("who_ru"), rules)[0]}
    return official.pop() if len(official) == 1 and official <= set(sides) else ""


#: A preposition of where an event was, right before a place ("across Ukraine", "in Belgorod", "по всей Украине").
_WHERE_BEFORE = re.compile(r"\b(?:across|throughout|in|over)\s+(?:the\s+)?(?=[A-Z])"
                           r"|(?<![^\W\d_])(?:в|во|по(?:\s+всей)?)\s+(?=[А-ЯЁ])")


#: The people evacuated from an event's area: the places they are from are where the event happened, not a part of them.
_EVACUATED = "people (evacuated)"
#: The metrics of an event's toll (:data:`_EVENT_KINDS`, named as :data:`_KIND_METRIC` names them).
#: The dead animals an event left (:data:`_ANIMAL_COUNTS`): a toll of its own kind.
_ANIMALS_DEAD = "animals (deaths)"
#: The area a fire burned (:data:`_FIRE_AREA`): a toll of its own kind.
_AREA_BURNED = "area (burned)"
#: The bodies recovered so far in the search after an event (:data:`_SO_FAR`): a running count of its own.
_BODIES_FOUND = "bodies (found)"
#: Counts whose noun names buildings or flats (the metric's head), and the state an event left them in, by the words
#: nearest the count in its clause (:func:`_damage_state`).
_BUILDING_COUNTS = {"buildings": "buildings", "houses": "buildings", "homes": "buildings", "дом": "buildings",
                    "здание": "buildings", "apartments": "apartments", "flats": "apartments", "квартира": "apartments"}
_DAMAGE_STATES = ("damaged", "destroyed", "flooded")
#: Their tolls ("buildings (damaged)", "apartments (flooded)"...) -> the state.
_BUILDING_TOLLS = {f"{head} ({state})": state for head in sorted(set(_BUILDING_COUNTS.values())) for state in _DAMAGE_STATES}
_TOLLS = (*(_KIND_METRIC.get(what, f"people ({what})") for what in _EVENT_KINDS), _ANIMALS_DEAD, _AREA_BURNED,
          _BODIES_FOUND, *_BUILDING_TOLLS)
#: The tolls of people (the dead, the injured, the detained...), as metrics.
_PEOPLE_TOLLS = frozenset(_KIND_METRIC.get(what, f"people ({what})") for what in _EVENT_KINDS)


def _count_growth(sentence: str, clause: tuple[int, int], s0: int, e0: int, rules: FigureRules, between: list[int]) -> str:
    """The growth of a count (not of people) a percentage at ``s0:e0`` is, when "the number of" a noun a count metric
    of the metrics table counts stands before it in its clause (:func:`_number_of`) and a word of a rise or a fall
    beside it ("the number of flights between Russia and Kazakhstan increased by 20%", "число рейсов выросло на 20%":
    ``flights_growth``), else "" (not the level it rose to: "rose to 78%")."""
    phrase, noun = _number_of(sentence, s0, rules, between)
    if not noun or not _GROWTH_CUE.search(sentence, max(clause[0], s0 - _BASE_WINDOW), min(clause[1], e0 + _BASE_WINDOW)) \
            or _TO_LEVEL.search(sentence, max(clause[0], s0 - 20), s0):
        return ""
    counted = next((mr[0] for mr in rules.metrics if mr[1] == "count" and mr[2].search(phrase or noun)), "")
    # (people are counted as many things, a population, its births or deaths, migrants: their growth is read by the
    # metrics table's words, people_growth, and the kinds of the flow cues)
    return f"{counted}_growth" if counted and counted != "people" else ""


#: Right before a number: the verb by which a quantity named before reached it ("reaching 16,600", "составило 9 293",
#: "has risen to 115", "rose on Wednesday to 143", "возросло до 140").
#: A hedge between a verb of reaching and its number ("has risen to more than 40", "raising the toll to at least 81").
_HEDGED_BEFORE = r"(?:(?:at\s+least|more\s+than|over|about|almost|nearly|around|не\s+менее|более|почти|свыше|около)\s+)?"
_REACHED = _led(re.compile(r"(?:\b(?:reach(?:ed|es|ing)?|stood\s+at|st(?:ands|anding)\s+at|totall?(?:ed|ing)|amount(?:s|ed|ing)?\s+to|was|were|is"
                      r"|of|pass(?:ed|es|ing)|exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|topp(?:ed|ing)|tops|crossed"
                      r"|(?:rose|ris(?:en|es|ing)|grew|grow(?:n|s|ing)|increas(?:ed|es|ing)|climb(?:ed|s|ing)"
                      r"|jump(?:ed|s|ing)|fell|fall(?:en|s|ing)|dropp?(?:ed|s|ing)|declin(?:ed|es|ing)|decreas(?:ed|es|ing))"
                      r"(?:\s+(?:on\s+)?[A-Z]?[a-z]+day|\s+overnight|\s+again|\s+further)?\s+to)"
                      r"|(?<![^\W\d_])(?:составил\w*|составля\w*|достиг\w*|насчитал\w*|насчитыва\w*|превысил\w*|превыша\w*"
                      r"|перевалил\w*|(?:вырос|выросл|возрос|увеличил|сократил|снизил|уменьшил)\w*\s+до)|[:–—])\s*"
                      + _HEDGED_BEFORE + "$", re.I))  # (and a hedge: "has risen to more than 40")
#: The kinds of counts of people a bare number may be understood as (roles of ``data/flow_cues.csv``).
_UNDERSTOOD_PEOPLE = ("natural_growth", "migration_balance", "population_growth", "population", *_EVENT_KINDS)


def _counted_kind(sentence: str, clause: tuple[int, int], pos: int) -> str:
    """The kind of an event's toll (:data:`_EVENT_KINDS`) a "number of" before ``pos`` in its clause names right after
    its noun, however far before the figure ("The number of people killed in the violent protests that have taken
    place in Kazakhstan in recent weeks has reached 225": killed), else ""."""
    if (last := _last_number_of(sentence, clause[0], pos)) is None:
        return ""
    return next((way for s, _e, way in _flow_spans(sentence, _EVENT_KINDS)
                 if last.end() <= s < min(pos, last.end() + _KIND_AFTER_NUMBER_OF)), "")


#: How far after "the number of" (characters) the word of an event's toll may stand: "the number of people killed".
_KIND_AFTER_NUMBER_OF = 25


def _people_understood(sentence: str, pos: int, date_spans=()) -> tuple[str, str]:
    """("cue", "people") when a bare number at ``pos`` is what a population, its growth, a migration balance or an
    event's toll named before it in its clause reached ("In 2023, Kazakhstan's net migration balance turned
    positive for the first time in years, reaching 16,600", "The death toll rose to 238"), with no other number between
    but a date's (``date_spans``: "The death toll from the attack on Friday (March 22) night has risen to 133"); ("", "")
    otherwise."""
    reached = _REACHED.search(sentence, max(0, pos - 40), pos)
    if not reached and not _BROUGHT_TO.search(sentence, max(0, pos - 20), pos):
        return "", ""
    clause = _clause_of(_clauses(sentence), pos)
    cues = [(s, e) for s, e, _ in _flow_spans(sentence, _UNDERSTOOD_PEOPLE) if clause[0] <= s and e <= pos]
    if not cues or any(not any(a <= m.start() < b for a, b in date_spans)
                       for m in _DIGIT_RUN.finditer(sentence, max(c[1] for c in cues), pos)):
        return "", ""  # another number between: the cue is that number's
    s, e = max(cues, key=lambda c: c[1])
    if not reached and not _BRINGS.search(sentence, max(clause[0], s - 40), s):
        return "", ""  # "to" alone: only after a verb that brings the cue to the number
    return sentence[s:e], "people"


#: Right before a bare number: "to", which a verb that brings a toll to a number opens (:data:`_BRINGS`).
_BROUGHT_TO = re.compile(r"(?:\bto|(?<![^\W\d_])до)\s+" + _HEDGED_BEFORE + "$", re.I)  # "raising the toll to at least 81"
#: Right before the cue of a population or an event's toll: a verb that brings it to the number after "to" ("The
#: development brings the death toll from the Ukrainian shelling of the city to 25", "raising the number of dead to
#: 40", "увеличив число погибших до 25").
_BRINGS_VERB = (r"(?:\b(?:bring(?:s|ing)?|brought|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|lift(?:s|ed|ing)?)"
                r"|(?<![^\W\d_])(?:довел\w*|довед\w*|довест\w*|доводя|увеличив\w*|подняв\w*|поднял\w*))")
_BRINGS = re.compile(_BRINGS_VERB + r"\s+(?:(?:the|its|their|overall|total|official|number\s+of|число|количество)\s+)*$",
                     re.I)


_DIGIT_RUN = re.compile(r"\d")
#: Right before a bare number, a place and a dash, then at most three words of a hedge: the next item of a list of places
#: ("в Москве — 394 человека, в Санкт-Петербурге — 376", "В Петербурге – по крайней мере 149 активистов, в Новосибирске
#: – 70"); or "and", a comma, "и" and a hedge, when the number is followed by "in" and a place (:data:`_IN_PLACE`: "509
#: people were detained in Moscow and at least 541 in St. Petersburg").
_PLACE_DASH = re.compile(r"(?:\b(?:[Ii]n|[Aa]t)|(?<![^\W\d_])(?:[Вв]|[Вв]о))\s+[A-ZА-ЯЁ][\w.'’-]*"
                         r"(?:\s+(?:(?:и|and)\s+)?[A-ZА-ЯЁ][\w.'’-]*){0,2}\s*[–—-]\s*(?:[^\W\d_]+\s+){0,3}$")
_AND_BEFORE = re.compile(r"(?:,|\band|(?<![^\W\d_])и)\s+(?:[^\W\d_]+\s+){0,3}$", re.I)
_IN_PLACE = re.compile(r"\s+(?:in|в|во)\s+(?:[A-ZА-ЯЁ]|(?:the\s+)?(?:rural|urban|сельск|городск))")  # (or towns and villages:
# "419,500 occurred in urban areas and 460,100 in rural areas")
_PLACE_ITEM_NEAR = 60  # characters before a bare number read for its place and dash
#: The noun of a count of places, where something happened ("in 32 cities", "в 38 городах").
_WHERE_NOUN = re.compile(r"cit(?:y|ies)|towns?|regions?|provinces?|oblasts?|countries|город\w*|регион\w*|област\w*"
                         r"|стран\w*", re.I)

#: The noun of a count that counts more of what the count before it counted ("... and 14 others").
_OTHERS = frozenset({"others", "other"})
#: Right after a bare number, the verb of an event's toll it is the subject of ("More than 160 have been killed",
#: "225 were injured", "164 died", "230 погибли", "46 dead and 140 wounded", "5,000 evacuated", "18 remained missing",
#: "31 had not been located", "10 считались пропавшими без вести").
_EVENT_AFTER = re.compile(r"\s+(?:(?:have|has|had)\s+(?:been\s+)?|were\s+|was\s+)?(?:killed|injured|wounded|detained|arrested|"
                          r"died|evacuated|survived)\b"
                          r"|\s+(?:(?:are|were|is|was|remain(?:ed|s)?)\s+(?:still\s+)?)?(?:missing|un-?accounted)\b"
                          r"|\s+(?:have|has|had)\s+(?:still\s+)?not\s+(?:yet\s+)?been\s+(?:located|found)\b"
                          r"|\s+dead\b(?!\s+(?:heat|end|loss|weight|stock|cat))"
                          r"|\s+(?:погиб(?:ли|ло)?|были\s+(?:убиты|ранены|задержаны)|ранены|задержаны|умерли|пропали|выжил[иао]?"
                          r"|получил[иао]?\s+(?:ранения|травмы)|госпитализирован[ыо]?"
                          r"|(?:(?:считаются|считались|числятся|числились|остаются|остались)\s+)?пропавш\w*)(?![^\W\d_])",
                          re.I)
#: Right before a bare number (and its hedge), the verb of an event's toll it is the object or the subject of ("Blast
#: kills 14", "погибли 21, пострадали 108, в том числе 15 детей", "ранены более 100").
_EVENT_BEFORE = re.compile(r"(?:\b(?:kill(?:s|ed)|injur(?:es|ed)|wound(?:s|ed))|(?<![^\W\d_])(?:погибл[иоа]|погиб|пострадал[иоа]?"
                           r"|ранен[ыо]?|задержан[ыо]?|задержали|госпитализирован[ыо]?|эвакуирован[ыо]?))\s+"
                           r"(?:(?:at\s+least|more\s+than|over|about|almost|nearly|около|более|не\s+менее|почти|свыше|ещё"
                           r"|еще)\s+)?$", re.I)
#: Right before a bare number, a Russian verb of voting: those who voted ("Всего проголосовало 16 667 097 (было ...)",
#: "приняли участие более 15,8 млн").
_VOTED_BEFORE = re.compile(r"(?<![^\W\d_])(?:проголосова(?:л[иоа]?|вших)|приняло?\s+участие|участвовал[иоа]?)\s+"
                           + _HEDGED_BEFORE + "$", re.I)
#: An English past participle or a comparative, which counts nothing ("about 225 thousand compared with ...",
#: "225 thousand more than a year earlier").
_COUNTS_NOTHING_EN = re.compile(r"[a-z]+ed|more|less|fewer|higher|lower", re.I)
#: A word cut off where a text ends ("$100 bi"): the start of a scale word of :data:`_SCALE_WORDS`, read by
#: :func:`_figures_in_sentence`.
_CUT_WORD = re.compile(r"\s+([^\W\d_]{1,7})$")
_SCALE_WORDS = ("billion", "million", "trillion", "thousand", "миллиард", "миллион", "триллион", "тысяч")
#: ... not a whole word that starts one ("a $10 dollars bill").
_WHOLE_WORDS = frozenset({"bill", "mill", "thou", "trill"})
#: A conjunction that opens another item: "... $5 million and exported $1.2 million", "..., а экспорт – 3 млрд".
_CONJ = re.compile(r"\s(?:and|while|whereas|but|и|а|но)\s", re.I)
#: Right after a bare number: a verb of people crossing a border ("almost 300,000 crossed into Kazakhstan", "about
#: 11,000 left", "80 тысяч въехали"): the number counts people.
_MOVED = re.compile(r"\s+(?:(?:have|has|had|were|then|already|reportedly|also)\s+)*(?:(?:crossed|entered|arrived|departed"
                    r"|emigrated|fled|relocated|arriving)\b|(?:left|leaving)(?=\s*(?:[.,;)]|$|the\s+country|for\b|while\b"
                    r"|(?-i:[A-Z]))))"
                    r"|\s+(?:уже\s+)?(?:въехал|выехал|прибыл|покинул|уехал|эмигрировал|переехал|пересекл)\w*", re.I)


#: After a bare number, the verb "to be" or a dash before what it counts: "18.5 million were men", "2,000 are
#: students", "18.3 million – women." (after a dash one word only: "314 миллионов — увеличение составило" goes on).
_COPULA_AFTER = re.compile(r"\s+(?:were|are)\s+(?=[a-z])|\s*[–—]\s*(?=[^\W\d_]+\s*(?:[.,;)]|$))")


def _figures_in_sentence(sentence: str, rules: FigureRules, date_spans: list[tuple[int, int]],
                         toks: list[dict] | None = None) -> list[dict]:
    """Candidate figures of one sentence: value, unit, kind, qualifier, interval, noun
    (``toks``: the sentence's :func:`_sentence_tokens`, if already found)."""
    if toks is None:
        toks = _sentence_tokens(sentence, rules)
    money = [t for t in toks if t["kind"] == "money"]
    out = []
    for idx, t in enumerate(toks):
        s, e = t["start"], t["end"]
        if (cut := _CUT_WORD.match(sentence, e)) and not t["scaled"] and (frag := cut.group(1).lower()) not in _WHOLE_WORDS \
                and any(w.startswith(frag) for w in _SCALE_WORDS):
            continue  # "... to bring trade turnover to $100 bi": the scrape cut its scale word off, its value is unknown
        if any(a < e and s < b for a, b in date_spans) and (not t["kind"] or (
                t["kind"] == "fraction" and any(a <= s and e <= b for a, b in date_spans))):
            # (a number of a date is none of the sentence's money: "In 9M 2023 ... to $5M"; a fraction inside a date is
            # its months: "the first three quarters of 2017")
            continue
        if not t["kind"] and t["scaled"] and money and (t.get("number_adjective") or not _noun_after(sentence, e, rules)[1]) \
                and not _number_of(sentence, s, rules, [x["start"] for x in toks if x is not t])[1]:
            # "1.6 billion ($2.54 billion) ... 2.0 billion": a scaled amount in a sentence about money
            # ("к пятимиллиардной отметке": the adjective's noun is a mark, not what is counted; "the number of
            # tourists rose 20% to 9.5 million, while revenue reached $2 billion": what its "number of" names)
            near = min(money, key=lambda x: abs(x["start"] - s))
            t = {**t, "kind": "money", "unit": near["unit"]}
        if _MONTH_BEFORE.search(sentence, max(0, s - 12), s) or _MONTH_AFTER.match(sentence[e:e + 12]):
            if not t["kind"]:
                continue
        kind, unit = t["kind"], t["unit"]
        noun, phrase, understood = t.get("noun", ""), "", False
        listed = False  # the next item of a list of places (below)
        if not kind:
            if _MOVED.match(sentence, e) and not sentence[s:e].lower().endswith(" of"):
                # "almost 300,000 crossed into Kazakhstan", "about 11,000 left": people (not "dozens of fled companies")
                phrase, noun, understood = "", "people", True
            else:
                phrase, noun = _noun_after(sentence, e, rules)
                if not noun and (cop := _COPULA_AFTER.match(sentence, e)) and (cop.group(0).strip()[0] not in "–—" or (
                        out and out[-1]["kind"] == "count")) and (named := _noun_after(sentence, cop.end(), rules))[1] \
                        and next(rules.places.finditer(named[0]), None) is None:
                    # "18.5 million were men": men; after a dash only down a list of counts ("18.5 million were men,
                    # 18.3 million – women"; not "Из 50 млн баррелей нефти 3 млн – экспорт", which counts barrels, nor
                    # "30 регионов России и 13 — Казахстана")
                    phrase, noun = named
            if not noun:
                # "76 out of 89 regions": borrow the noun of the next count
                m = re.match(r"\s+(?:out\s+of|of)\s+(?:the\s+|his\s+|her\s+|my\s+|your\s+)?", sentence[e:])
                if m and idx + 1 < len(toks) and toks[idx + 1]["start"] == e + m.end():
                    nxt = toks[idx + 1]
                    phrase, noun = _noun_after(sentence, nxt["end"], rules)
            nxt = toks[idx + 1] if idx + 1 < len(toks) else None
            if nxt is not None and not nxt["kind"] and _RANGE_PREP.search(sentence, max(0, s - 6), s) \
                    and (m := _TO_NEXT.match(sentence, e)) and nxt["start"] == m.end():
                # "grew from 5,000 to 7,500 students", "выросло с 5 до 7 тысяч человек": the start of a change counts
                # what its end counts, in its scale ("с 12 до 10 тысяч" is from 12 thousand)
                if not noun:
                    phrase, noun = _noun_after(sentence, nxt["end"], rules)
                if nxt["scaled"] and not t["scaled"] and not nxt["word"] and _to_float(nxt["raw"]) \
                        and not _YEAR_LIKE.fullmatch(t["raw"] or ""):
                    t = {**t, "value": t["value"] * nxt["value"] / _to_float(nxt["raw"]), "scaled": nxt["scaled"]}
            if not noun and t["scaled"]:
                # "420 million finnish markka": a scaled number counts whatever follows it
                ws = []
                for wm in _WORD.finditer(sentence, e, min(len(sentence), e + 40)):
                    if sentence[(ws[-1].end() if ws else e):wm.start()].strip() or wm.group(0).lower() in _STOP or (
                            _CYRILLIC_WORD.fullmatch(low := wm.group(0).lower()) and _ru_not_noun(low)) or any(
                            a <= wm.start() < b for a, b in date_spans):
                        break  # ("1 миллион приехал в личных делах": a verb, no noun; "17.4 million last year": a date)
                    ws.append(wm)
                    if len(ws) == 2:
                        break
                if ws and not _COUNTS_NOTHING_EN.fullmatch(ws[-1].group(0)):  # ("225 thousand compared with": no noun)
                    phrase, noun = sentence[e:ws[-1].end()].strip(), ws[-1].group(0).lower()
            if noun in _OTHERS and (prev := next((f for f in reversed(out) if f["kind"] == "count" and f["noun"] and not
                                                  _INCLUDING_BEFORE.search(sentence, max(0, f["start"] - 30), f["start"])),
                                                 None)) is not None:
                # "32 workers have died in the incident and 14 others are un-accounted for": more of what the
                # count before in the sentence counted (not a part of it: "killed 14 people, including two children, and
                # injured 108 others" are people)
                phrase, noun, understood = "", prev["noun"], True
            if not noun and t["scaled"]:
                # "332 тысяч мигрантов из Узбекистана, 247 тысяч – из Таджикистана", "616 thousand in
                # Russia": a scaled number in a list counts what the sentence's last scaled count or measure counted
                prev = next((f for f in reversed(out) if f["scaled"] and f["kind"] not in _NOT_LISTED), None)
                if prev is not None:
                    out.append({**t, "kind": prev["kind"], "unit": prev["unit"], "noun": prev["noun"],
                                "phrase": "", "phrase_end": 0, "understood": True})
                    continue
                # "В Алматы – 53,3 тыс., в Туркестанской области – 41,7 тыс., в Астане – 32,6 тыс. человек", "более 64
                # тыс. и примерно 58 тыс. человек": the first of a list of scaled numbers counts what its last one does
                noun = _noun_ahead(sentence, toks, idx, rules)
                understood = bool(noun)
            if not noun and (_FROM_BEFORE.search(sentence, max(0, s - _BASE_WINDOW), s)
                             or _PART_BEFORE.search(sentence, max(0, s - _BASE_WINDOW), s) or _PART_AFTER.match(sentence, e)
                             or any(0 <= s - b <= _LEAD_GAP and not sentence[b:s].strip(" –—:-") for _, b in date_spans)) \
                    and (prev := next((f for f in reversed(out) if f["kind"] == "count"), None)) is not None:
                # "29,900 people arrived ..., compared with 25,300 in 2023", "против 14 годом ранее", "252,792
                # arrivals ..., including 1,159 from abroad", "погибло 225 человек, 19 из которых военные", "... reached
                # 587,089 people, in 2023 — 408,448": a bare number a count is measured from, a part of it, or the next
                # of a list of dates and counts, counts what that count counted
                phrase, noun, understood = "", prev["noun"], True
            if not noun and not _YEAR_LIKE.fullmatch(t["raw"] or "") and "." not in (t["raw"] or "") and (
                    _PLACE_DASH.search(sentence, max(0, s - _PLACE_ITEM_NEAR), s)
                    or (_AND_BEFORE.search(sentence, max(0, s - _PLACE_ITEM_NEAR), s) and _IN_PLACE.match(sentence, e))) \
                    and (prev := next((f for f in reversed(out) if f["kind"] == "count" and f["noun"]
                                       and not _WHERE_NOUN.fullmatch(f["noun"])), None)) is not None:
                # "в Москве — 394 человека, в Санкт-Петербурге — 376", "509 people were detained in Moscow and at least
                # 541 in St. Petersburg": the next item of a list of places counts what the count before counted (not
                # the places it was counted in: "1,311 people had been detained in 32 cities, with 502 in Moscow")
                phrase, noun, understood, listed = "", prev["noun"], True, True
            if not noun:
                # "the number of individuals arriving ... exceeded 29,900", "число прибывших составило
                # 17 293": a bare number counts what its clause's "number of" named before it
                # (a number word that counts its own noun is none of it: "the number of flights between the two
                # countries rose to 120")
                phrase, noun = _number_of(sentence, s, rules, [
                    x["start"] for x in toks if x is not t and not any(a <= x["start"] < b for a, b in date_spans)
                    and not (not x["kind"] and _YEAR_LIKE.fullmatch(x["raw"] or ""))
                    and not (x["word"] and not x["scaled"] and _noun_after(sentence, x["end"], rules)[1])])
                if not noun:
                    # "Kazakhstan's net migration balance turned positive, reaching 16,600": a bare number a
                    # population, its growth or a migration balance named before it in its clause reached
                    phrase, noun = _people_understood(sentence, s, date_spans)
                if not noun and (_EVENT_AFTER.match(sentence, e) or _EVENT_BEFORE.search(sentence, max(0, s - 40), s)
                                 or (_VOTED_BEFORE.search(sentence, max(0, s - 40), s) and _VOTE_WORD.search(sentence))) \
                        and not _YEAR_LIKE.fullmatch(t["raw"] or ""):
                    # "More than 160 have been killed in protests", "At least 225 were injured", "погибли 21, пострадали
                    # 108": the people an event's verb right after or right before a bare number counts
                    phrase, noun = "", "people"
                understood = bool(noun)
            if not noun and t["scaled"] and (g := _GROWTH_TO_END.search(sentence, max(0, s - 40), s)):
                # "Tourist arrivals rose 20% to 9.5 million": the level the growth just before reached, a count of
                # what it counts (:func:`_read_doc_figures` gives it the growth's level, or leaves it out)
                out.append({**t, "kind": "count", "unit": "count", "noun": "", "phrase": "", "phrase_end": 0,
                            "understood": True, "grown_from": g.start()})
                continue
            if not noun and not t["word"] and (m := _ITEM_LABEL.match(sentence)) and m.end() == s \
                    and not _YEAR_LIKE.fullmatch(t["raw"] or "") and not _PARTS_LEAD.match(sentence):
                # "• Казахстан – 14 051 (81,1%);", "- из России – 1 млн 700 тыс.": the bare number of a list's item
                # counts what the sentence introducing the list counts (:func:`_read_doc_figures` reads it; else a
                # scaled one goes on from the sentence before, as below, and another is left out)
                out.append({**t, "noun": "", "phrase": "", "phrase_end": 0, "understood": True, "carry": "item"})
                continue
            if not noun and (t["scaled"] or (_PARTS_LEAD.match(sentence) and not _YEAR_LIKE.fullmatch(t["raw"] or ""))):
                # "... 18.76 million (49.1%) reside in rural areas. Women account for 18.98 million": a scaled
                # number with nothing after it may go on from the sentence before, and so may a bare number of
                # a sentence on the parts of what that one gave ("... 12 284 487 граждан. Из них проголосовали
                # 7 820 204"): _carry_units decides
                out.append({**t, "noun": "", "phrase": "", "phrase_end": 0, "understood": True,
                            "carry": "scale" if t["scaled"] else "part"})
                continue
            if not noun or noun in rules.not_count:
                continue
            raw = t["raw"] or ""
            if _YEAR_LIKE.fullmatch(raw) and (
                _PREP_YEAR.search(sentence, max(0, s - 12), s) or not any(kw.match(noun) for kw, _ in rules.count_keywords)
            ):
                continue  # a year
            if "." in raw and not t["scaled"]:
                continue  # "6.44 course": decimals count nothing without a scale word
            if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
                continue  # "000 spectators": a broken-off digit group, not a count
            kind, unit = "count", "count"
        if t["word"] and kind == "count" and (_RU_ORDINAL_NEXT.match(sentence, e) or rules.group_nouns.intersection(
                w.lower() for w in _LOWER_WORD.findall(sentence, e, min(len(sentence), e + 40))[:3])):
            continue  # "двух стран", "пяти прикаспийских государств": a known group; "двадцать пятую", "две трети"
        if t["word"] and _EDITOR_OPEN.search(sentence, max(0, s - 20), s):
            continue  # "28 (миллиардов долларов – ред.)": the editor's unit of the number before, read with it
        if t["word"]:
            wt = t["word_text"]
            if (wt in rules.scale_only_words and not t["scaled"] and t["kind"] in ("", "percent", "multiple")) or (
                    kind == "count" and not t.get("compound") and _DETERMINERS.search(sentence, max(0, s - 8), s)):
                continue
        phrase_end = e + len(sentence[e:]) - len(sentence[e:].lstrip()) + len(phrase) if phrase and not understood else 0
        out.append({**t, "kind": kind, "unit": unit, "noun": noun, "phrase": phrase, "phrase_end": phrase_end,
                    **({"listed": True} if listed else {})})
    return out


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


@dataclass
class _Mention:
    pos: int          # offset in the document string
    short: str
    country: str
    end: int = 0


#: Where a name may start: a capitalised word (the gazetteer itself matches case-insensitively).
_CAP_WORD = re.compile(r"\b[A-ZА-ЯЁ][\w'’-]*")  # (Cyrillic too: "Мишустин сообщил")
#: Between a speaker and the speech verb: "(')s"-less auxiliaries ("Putin has also said").
_AUX_GAP = re.compile(r"(?:\s+(?:has|have|had|also|further|then|later|again|once\s+again))*\s+", re.I)


#: A person the gazetteer does not know, named with a title before the name: "Trade Minister Arman Shakkaliyev",
#: "Kazakh economist Rasul Rysmambetov", "министр торговли и интеграции Казахстана Арман Шаккалиев" (the Russian
#: title in the nominative only: the name after it is then in the nominative too). The person is the title and the
#: name; the name's last word is how the figures cite the speaker.
_TITLED_PERSON = re.compile(
    r"\b(?=[A-Za-zА-ЯЁа-яё])(?:"  # (a word's start first: the search is a quarter faster)
    r"(?<![\w-])(?:(?:[A-Z][\w.-]*|(?-i:deputy|first|vice|foreign|trade|economy|energy|finance|prime))[^\S\n]+){0,4}"
    r"(?i:minister|president|prime[^\S\n]+minister|ambassador|chairman|chairwoman|chairperson|governor|mayor|akim|"
    r"spokes(?:man|woman|person)|press[^\S\n]+secretary|ceo|chief[^\S\n]+executive(?:[^\S\n]+officer)?|"
    r"director(?:[^\S\n]+general)?|head|senator|secretary|speaker|envoy|commissioner|economist|analyst|expert|"
    r"professor|chief|leader|official)"
    r"(?:[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w-]*(?:[^\S\n]+(?:and|of|the|for|[A-Z][\w-]*)){0,5})?,?[^\S\n]+"
    r"(?P<name>(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?[^\S\n]+){1,2}(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))(?![\w-])"
    r"(?![^\S\n]*[A-Z\d])"
    r"|(?<![^\W\d_])(?i:(?:первый[^\S\n]+)?(?:вице-)?(?:премьер-министр|премьер|президент|министр|глава|председатель|"
    r"заместитель|замминистра|пресс-секретарь|посол|спикер|аким|вице-спикер|директор|генеральный[^\S\n]+директор|"
    r"эксперт|аналитик|экономист|губернатор|мэр|депутат|сенатор))(?![а-яё-])"
    r"(?:[^\S\n]+(?:[а-яё-]+|[А-ЯЁ]{2,}|[А-ЯЁ][а-яё]+(?=[^\S\n]+[а-яё]|[^\S\n]+[А-ЯЁ][а-яё]+[^\S\n]+[А-ЯЁ]))){0,5}"
    r"[^\S\n]+(?P<ru_name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[^\S\n]+(?P<ru_last>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?))"
    r"(?![\w-])(?![^\S\n]+[А-ЯЁ]))")
#: Words of an institution, a place or a heading, never of a person's name: a title's match that takes one is no
#: person ("Chairman of the Central Referendum Commission", "first deputy of the Russian Federation").
_NOT_NAME_WORDS = frozenset("""
    minister president deputy prime vice chairman head change
    affairs agency agriculture airlines assembly association bank board budget bureau business center centre central
    chamber city commission committee communications company construction corporation council court customs defence
    defense department development economic economy education energy eurasian exchange federation finance forum
    foreign fund government group health holding holds industry information institute integration internal
    international investment justice kingdom ministers ministry national news office oblast organisation organization
    parliament party planning population post production protection quote railways region relations republic
    resources says security senate service sports states statistics talks times tourism trade transport union
    university агентства банка внутренних дел комитета министерства правительства редакция республика республики
    совета союза фонда федерации казахстан как""".split())
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична)$")  # ("Садыр Нургожоевич": the surname is still to come)
#: A Russian adjective ("Российской Федерации", "Казахского"): no first name.
_RU_ADJECTIVE_FORM = re.compile(r"[а-яё]+(?:ской|ского|ская|ский|ском|ной|ного|ная|ный)", re.I)
#: "According to" before a person named with a title, who is then the sentence's source (:func:`_speakers`).
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?", re.I)


def _titled_people(doc: str, known: list[_Mention]) -> list[_Mention]:
    """:data:`_TITLED_PERSON` mentions whose name is not a gazetteer mention's (``known``): "Trade Minister Arman
    Shakkaliyev said" names a speaker though the gazetteer does not know him."""
    out = []
    for m in _TITLED_PERSON.finditer(doc):
        a, b = (m.span("name") if m.group("name") else m.span("ru_name"))
        words = doc[a:b].split()
        if any(x.pos < b and a < x.end for x in known) or any(w.lower() in _NOT_NAME_WORDS for w in words) \
                or _RU_ADJECTIVE_FORM.fullmatch(words[0]) or _PATRONYMIC.search(words[-1]):
            continue
        # (a name set off by commas takes its closing one: "The head of Kazakh Railways, Nurlan Sauranbayev, said")
        end = m.end() + 1 if doc[:a].rstrip().endswith(",") and doc.startswith(",", m.end()) else m.end()
        out.append(_Mention(m.start(), m.group("last") or m.group("ru_last"), "", end))
    return out


#: The endings of a Russian surname's cases ("Абаева", "Абаеву", "Абаевым", "Абаеве"), after its nominative.
_RU_SURNAME_CASES = r"(?:а|у|ым|е|ой|ую)?"


def _named_again(doc: str, titled: list[_Mention], taken: list[_Mention]) -> list[_Mention]:
    """Later mentions of a titled person by the surname alone ("... посол в Москве Даурен Абаев. ... — заявил Абаев"):
    after the titled mention, not inside another mention (``taken``)."""
    first: dict[str, int] = {}
    for x in titled:
        if len(x.short) >= 4:
            first.setdefault(x.short, x.end)
    if not first:
        return []
    cases = _RU_SURNAME_CASES if any(_CYRILLIC_WORD.fullmatch(w.lower()) for w in first) else ""
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in first) + rf"){cases}(?![\w-])")
    spans = [(x.pos, x.end) for x in taken]
    out = []
    for m in pattern.finditer(doc):
        short = next(w for w in first if m.group(0).startswith(w))
        if m.start() >= first[short] and not any(a <= m.start() < b for a, b in spans):
            out.append(_Mention(m.start(), short, "", m.end()))
    return out


def _person_mentions(doc: str, rules: FigureRules) -> list[_Mention]:
    """Named people in the document, in order (the gazetteer is tried only at likely words; a person it does not
    know counts when named with a title, and then by the surname alone: :func:`_titled_people`,
    :func:`_named_again`)."""
    out = _gazetteer_people(doc, rules)
    titled = _titled_people(doc, out)
    if not titled:
        return out
    again = _named_again(doc, titled, out + titled)
    return sorted(out + titled + again, key=lambda x: x.pos)


def _gazetteer_people(doc: str, rules: FigureRules) -> list[_Mention]:
    """The gazetteer's people named in the document, in order."""
    if rules.person is None:
        return []
    out = []
    last = 0
    for w in _CAP_WORD.finditer(doc):
        if w.start() < last or w.group(0).lower() not in rules.person_first:
            continue
        m = rules.person.match(doc, w.start())
        if not m:
            continue
        last = m.end()
        key = _POSSESSIVE.sub("", m.group(0)).lower()
        key = _SPACES.sub(" ", key)
        short, country = rules.persons.get(key, ("", ""))
        if short:
            out.append(_Mention(m.start(), short, country, m.end()))
    return out


def _resolve(who: str, pos: int, mentions: list[_Mention], rules: FigureRules) -> str:
    """A speaker phrase to a short name: a named person, a pronoun, or "the Kazakh president"."""
    w = _POSSESSIVE.sub("", who.strip()).lower()
    w = _SPACES.sub(" ", w)
    if w in rules.persons:
        return rules.persons[w][0]
    if rules.person is not None:
        m = rules.person.search(who)
        if m:
            key = _POSSESSIVE.sub("", m.group(0)).lower()
            if key in rules.persons:
                return rules.persons[key][0]
    earlier = [x for x in mentions if x.pos < pos]
    if w in rules.pronouns:
        return earlier[-1].short if earlier else ""
    nm = rules.nominal.fullmatch(who.strip())
    if nm:
        countries = rules.demonyms.get((nm.group("dem") or "").lower(), set())
        for x in reversed(earlier):
            if not countries or x.country in countries:
                return x.short
    return ""


def _speech_patterns(person: re.Pattern | None, nominal: re.Pattern, pronouns, verbs: str) -> dict:
    """Compiled speaker patterns: "X said", "said X", "according to X", quotation heads and tails."""
    person_p = person.pattern if person is not None else r"(?!x)x"
    nominal_p = re.sub(r"\(\?P<\w+>", "(?:", nominal.pattern)
    who = rf"(?:{person_p}|{nominal_p}|\b(?:{_alt(pronouns)})\b)"
    aux = r"(?:\s+(?:has|have|had|also|further|then|later|again|once\s+again))*"
    small = rf"(?:{nominal_p}|\b(?:{_alt(pronouns)})\b)"
    return {
        "who_before_verb": _led(re.compile(rf"(?P<who>{small}){aux}\s+$", re.I)),
        "who_after_verb": re.compile(rf"\s+(?P<who>{small})", re.I),
        # ("по словам Оверчука": by the words of, with the person in the genitive)
        "according": _led(re.compile(rf"(?:\baccording\s+to|(?<![^\W\d_])по\s+словам)\s+(?P<who>{who})", re.I)),
        "tail": re.compile(
            rf"^\s*[,.]?\s*[-–—]?\s*(?:(?:{verbs})\s+(?P<w1>{who})|(?P<w2>{who}){aux}\s+(?:{verbs}))", re.I),
        "head": _led(re.compile(rf"(?P<w>{who}){aux}\s+(?:{verbs})\s*[:,]?\s*$", re.I)),
        "verb": _led(re.compile(rf"\b(?:{verbs})", re.I)),
    }


@dataclass
class _Speakers:
    """Speaker evidence of one document (offsets in the document string)."""

    mentions: list
    according: list   # (start, end, speaker) of "according to X" sentences
    verbs: list       # (pos, speaker)
    quotes: list      # (start, end, speaker) of attributed quotations
    default: str      # the interviewee of an interview article, or ""


_QUOTE = re.compile(r"[\"“”«»]")
#: Between a Russian speech verb and the person after it, a title and a first name ("сообщил премьер-министр Михаил
#: Мишустин", "заявил вице-премьер Александр Новак", "отметил глава МИД РК Мурат Нуртлеу").
_RU_ROLE_GAP = re.compile(r"\s+(?:(?:первый\s+)?(?:вице-)?(?:премьер(?:-министр)?|президент\w*|министр\w*|глава|председатель|"
                          r"заместитель|замминистра|пресс-секретарь|посол|спикер|аким|вице-спикер)"
                          r"(?:\s+(?:[а-яё]+|МИД|РФ|РК|России|Казахстана|Минэкономразвития|Минэнерго)){0,3}\s+)?"
                          r"(?:[А-ЯЁ][а-яё]+\s+)?")


#: Between a speech verb and the person after it, when it was said and the person's nationality, then
#: :data:`_RU_ROLE_GAP`: "заявил во вторник казахстанский посол" (a titled person's mention starts at the title),
#: "заявил сегодня российский министр Алексей Оверчук".
_WHEN_GAP = re.compile(r"(?:\s+(?:(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|"
                       r"ходе\s+[а-яё]+)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                       r"(?:сегодня|вчера|today|yesterday)))?(?:\s+[а-яё]+(?:ий|ый|ой|ая|ое))?" + _RU_ROLE_GAP.pattern)


def _speakers(doc: str, sent_spans: list[tuple[int, int]], rules: FigureRules) -> _Speakers:
    mentions = _person_mentions(doc, rules)
    who_before, who_after = rules.speech["who_before_verb"], rules.speech["who_after_verb"]
    according, tail, head = rules.speech["according"], rules.speech["tail"], rules.speech["head"]
    verb = rules.speech["verb"]
    acc, verbs = [], []
    default = ""
    starts = [x.pos for x in mentions]  # in document order
    for s, e in sent_spans:
        sent = doc[s:e]
        if not verb.search(sent) and "ccording" not in sent and "словам" not in sent:
            continue  # cheap pre-check: no speech verb, no "according to", "по словам"
        # a speaker next to a verb is a mention that starts inside the sentence
        inside = mentions[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        m = according.search(sent) if "ccording" in sent or "словам" in sent else None
        if m:
            who_s = _resolve(m.group("who"), s + m.start(), mentions, rules)
            if who_s:
                acc.append((s, e, who_s))
        elif "ccording" in sent and (h := _ACCORDING_TO.search(sent)):
            # "According to Trade Minister Arman Shakkaliyev, ...": a person named with a title
            who_s = next((x.short for x in inside if x.pos == s + h.end()), "")
            if who_s:
                acc.append((s, e, who_s))
        for v in verb.finditer(doc, s, e):
            # "Putin (has also) said" / "said Tokayev": the speaker right before or after the verb;
            # named people come from the mentions, pronouns and titles from a small pattern
            found = []
            for x in inside:
                if s <= x.pos and x.end <= v.start() and _AUX_GAP.fullmatch(doc, x.end, v.start()):
                    found.append((x.pos, x.short))
                elif x.pos > v.end() and x.pos < e and (not doc[v.end():x.pos].strip()
                                                         or _WHEN_GAP.fullmatch(doc, v.end(), x.pos)):
                    found.append((v.start(), x.short))
            if not found:
                for m in (who_before.search(doc, max(s, v.start() - 40), v.start()), who_after.match(doc, v.end(), e)):
                    if m:
                        who_s = _resolve(m.group("who"), m.start("who"), mentions, rules)
                        if who_s:
                            found.append((min(m.start(), v.start()), who_s))
            for pos, who_s in found:
                verbs.append((s, e, pos, who_s))
                if not default and rules.interview.search(sent):
                    default = who_s
    # quotations: pair quote marks, attribute by a speech verb right after or before
    quotes = []
    marks = [m.start() for m in _QUOTE.finditer(doc)]
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        after = doc[b + 1:b + 120].split("\n")[0]
        m = tail.match(after)
        speaker = ""
        if m:
            w = m.group("w1") or m.group("w2")
            speaker = _resolve(w, b + 1 + (m.start("w1") if m.group("w1") else m.start("w2")), mentions, rules)
        else:
            line_start = max(doc.rfind("\n", 0, a) + 1, a - 120)
            m = head.search(doc, line_start, a) if verb.search(doc, line_start, a) else None
            if m:
                speaker = _resolve(m.group("w"), m.start("w"), mentions, rules)
        if speaker:
            quotes.append((a, b, speaker))
    return _Speakers(mentions, acc, verbs, quotes, default)


def _speaker_at(pos: int, sent: tuple[int, int], sp: _Speakers) -> tuple[str, str]:
    s, e = sent
    for a, _b, who in sp.according:
        if a == s:
            return who, "according_to"
    for a, b, who in sp.quotes:
        if a < pos < b:
            return who, "quote"
    hits = [(abs(p - pos), who) for a, b, p, who in sp.verbs if a == s]
    if hits:
        return min(hits)[1], "speech_verb"
    if sp.default:
        return sp.default, "interview"
    return "", ""


# --------------------------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------------------------


def _line_text(rows: list[tuple], width: int) -> str:
    """A line of ``width`` characters with each kept sentence at its offset, spaces elsewhere."""
    pieces, at = [], 0
    for _, _, a, _b, text in rows:
        if a < at:  # sentences out of order or overlapping: place them one by one
            buf = [" "] * width
            for _, _, a2, _b2, text2 in rows:
                buf[a2:a2 + len(text2)] = text2
            return "".join(buf)
        pieces.append(" " * (a - at))
        pieces.append(text)
        at = a + len(text)
    pieces.append(" " * (width - at))
    return "".join(pieces)


_FOUR_DIGITS = re.compile(r"\d{4}")  # a year the article names (not XXXX)
#: A year, a month or months, carried into the next paragraph; in an undated article the year may be still unknown
#: ("в прошлом году": ``XXXX``, given its year with the rest of the article's, :func:`_anchor_relative_periods`).
_CARRIED_ON = re.compile(r"(?:\d{4}|XXXX)(?:-\d{2})?(?:/(?:\d{4}|XXXX)-\d{2})?")


def _year_unknown_only(period: str) -> bool:
    """Whether only the year of a period is unknown (an undated article's "в прошлом году", "за январь-июнь
    текущего года": ``XXXX``, ``XXXX-01/XXXX-06``; not a span of unknown years, ``XXXX/XXXX``)."""
    return period.startswith("XXXX") and "X" not in period.replace("XXXX", "") and period != "XXXX/XXXX"


def _magnitude(t: dict) -> int | None:
    """The power of ten a scaled number's scale word gives ("18.98 million": 6, "30,1 миллиарда долларов": 9)."""
    try:
        n = _to_float(t["raw"] or "")
    except (ValueError, ZeroDivisionError):
        return None
    return round(math.log10(t["value"] / n)) if n and t["value"] else None


def _carry_units(cands: list[dict], before: list[dict], after) -> list[dict]:
    """The candidates of a sentence with its scaled numbers that count nothing named (``carry``) read as
    the last scaled amount or count of the sentence just before in the paragraph, when they have its
    scale ("Казахстан - 30,1 миллиарда долларов ... . На втором месте Узбекистан - 18 миллиардов", "...
    18.76 million (49.1%) reside in rural areas. Women account for 18.98 million"), or when that sentence
    has none, as the first of the sentence just after ("... превысил 11 миллиардов, что почти вдвое
    больше ... . И мы ожидаем ... довести объём товарооборота до 12 миллиардов долларов"; ``after()``
    gives its candidates and date rows, ``None``: no sentence after in the paragraph); otherwise left out."""
    def named(c: dict) -> bool:
        return c["scaled"] and not c.get("carry") and (c["kind"] == "money" or c["kind"] not in _NOT_LISTED)

    last = next((c for c in reversed(before) if named(c)), None)
    if last is None and after:
        last = next((c for c in after()[0] if named(c)), None)
    scale = _magnitude(last) if last is not None else None
    count = next((c for c in reversed(before) if c["kind"] == "count" and not c.get("carry")), None)

    def like(c: dict) -> dict | None:
        if c.get("carry") == "part":  # the parts of a count: what it counted, at any scale
            return count
        if c.get("carry") == "item" and not c["scaled"]:  # a list's item that no introduction makes a count of people
            return None
        return last if scale is not None and _magnitude(c) == scale else None

    out = []
    for c in cands:
        if not c.get("carry"):
            out.append(c)
        elif (model := like(c)) is not None:
            out.append({**c, "kind": model["kind"], "unit": model["unit"], "noun": model["noun"], "carry": False})
    return out


def _doc_figures(
    doc_id: str,
    sents: list[tuple[int, int, int, int, str]],
    published: str | None,
    rules: FigureRules,
    find_dates,
    home: str | None = None,
) -> list[dict]:
    """Figures of one document from its sentences (line_no, sent_no, start, end, sentence);
    ``home``: the country of its outlet (:func:`outlet_country`), if known. The rows of a table are read as
    sentences (:func:`_table_sentences`), their figures placed back on the numbers of the rows."""
    cells: dict[int, list[tuple[int, int, int, int, str]]] = {}
    if any("|" in r[4] for r in sents):
        sents, cells = _table_sentences(sents, rules)
    sents, wraps = _join_wrapped(sents)
    sents, intros = _list_items(sents)
    out = _read_doc_figures(doc_id, sents, published, rules, find_dates, home, frozenset(cells), intros)
    _alias_counts(out, rules)
    if sents:
        _headline_restated(out, sents[0][0])
    if wraps:
        _unwrap(out, wraps)
    if not cells:
        return out
    kept = []
    for r in out:
        if r["line_no"] not in cells:
            kept.append(r)
            continue
        line = cells[r["line_no"]]
        cell = next((c for c in line if c[0] <= r["start"] < c[1]), None)
        if cell is None:
            continue  # a number of the row's label or of its column's header: not a figure of the table
        r["start"], r["end"], r["surface"] = cell[2], cell[3], cell[4]
        kept.append(r)
    return kept


def _alias_counts(out: list[dict], rules: FigureRules) -> None:
    """A count whose metric is its noun takes the noun it is compared as (``rules.count_aliases``): "12 детей" and "12
    children" are both ``children``, "480 484 голоса" and "480,484 votes" both ``votes`` (a qualifier after the noun,
    "ребенок (part)", is kept). Done once the article is read: its own rules see the noun as written."""
    if not rules.count_aliases:
        return
    for r in out:
        if r["unit"] == "count" and r["metric"]:
            head, sep, rest = r["metric"].partition(" (")
            noun = rules.count_aliases.get(head.lower())
            if noun:
                r["metric"] = noun + sep + rest


def _headline_restated(out: list[dict], first: int) -> None:
    """A vote's figure of the headline (the first line, ``first``) whose value and unit the body repeats, all its
    mentions read alike, takes the body's metric, period and parties: the body says what the headline leaves out
    ("Tokayev wins the presidential election with 85.52% of the vote" over "According to the exit poll ..., the
    incumbent president was supported by 85.52 percent": the exit poll's). A hedged figure of the headline is repeated by
    the body's figures inside its interval when none repeats its value ("проголосовали почти 70 процентов избирателей"
    over "Почти 13,5 миллиона человек, или 69,85%" at 17:00: the count of 17:00, no final turnout). In place."""
    head = [r for r in out if r["line_no"] == first
            and r["metric"].partition(" ")[0] in (_TURNOUT, _VOTERS, _ELECTORATE, _VOTE_SHARE_METRIC)]
    for r in head:
        body = [b for b in out if b["line_no"] > first and b["unit"] == r["unit"] and b["metric"]]
        body = [b for b in body if b["value"] == r["value"]] or (
            [b for b in body if r["low"] <= b["value"] <= r["high"]] if r["qualifier"] != "none" else [])
        said = {(b["metric"], b["period"], b["parties"]) for b in body}
        if len(said) == 1 and (said := next(iter(said))) != (r["metric"], r["period"], r["parties"]) \
                and said[0].split(" (")[0] == r["metric"].split(" (")[0]:
            r["metric"], r["period"], r["parties"] = said[0], said[1] or r["period"], said[2] or r["parties"]


#: The end of a line that breaks a sentence (a hard-wrapped text): no end of a sentence there.
_OPEN_END = re.compile(r"[\w,(–—-]\s*$")
#: A line that ends with a year: a heading's "for 2023" over a units caption ("million tenge"), not a number whose
#: unit the next line holds.
_YEAR_END = re.compile(r"(?<![\d.,])(?:19|20)\d\d\s*$")
#: ... when the next line is the caption of its units (a scale or a currency): a line that ends with a year and goes on
#: with words is prose broken by the wrap ("about 18 million tons of oil produced in 2023 / came from the domestic market").
_CAPTION_START = re.compile(r"(?:thousand|million|billion|trillion|тыс|млн|млрд|трлн|миллион|миллиард|тысяч|tenge|тенге"
                            r"|dollars|долл|rubles|рубл|tons|tonnes|тонн)\w*", re.I)
#: The start of a line that goes on with the sentence before: a small letter.
_GOES_ON = re.compile(r"[a-zа-яё]")
#: ... or, in wire copy wrapped at a width, a capital ("... выше контрактных обязательств / Газпрома и в полтора раза").
_GOES_ON_CAPITAL = re.compile(r"[A-ZА-ЯЁ]")


#: In a list item, the colon after its datum where the item goes on with words of its own ("1. China (370 metric
#: tons): China's gold production peaked in 2016"), not the colon before the datum ("January: $35.6 million").
_ITEM_GOES_ON = re.compile(r":\s+(?=[^\W\d_])")
#: A list's introduction that lists a country's regions, provinces or cities: each item is a part of the country.
_SUBDIVISIONS = re.compile(r"\b(?:regions?|provinces?|oblasts?|cities|districts)\b|(?<![^\W\d_])(?:регион\w*|област\w*"
                           r"|город\w*|район\w*)", re.I)
#: A list's introduction that ends "including": its items are parts of the whole it names ("в том числе по:").
_INCLUDING_END = re.compile(r"(?:\bincluding|\bof\s+which|(?<![^\W\d_])в\s+том\s+числе(?:\s+по)?|(?<![^\W\d_])из\s+них)"
                            r"\s*:?\s*$", re.I)
#: A bloc's trade outside itself: with third countries, external or foreign trade ("trade turnover with third countries",
#: "внешняя торговля ЕАЭС", "товарооборот с третьими странами").
_EXTERNAL_TRADE = re.compile(r"\b(?:third|non-member)\s+(?:countries|states|nations)\b|\b(?:external|foreign)\s+trade\b"
                             r"|(?<![^\W\d_])(?:трет\w+\s+(?:стран|государств)\w*|внешн\w*\s+торгов\w*|внешнеторгов\w*)", re.I)
#: Metrics of a flow or a relation between two places: a list's item of one place has the introduction's as partner.
_PARTNERED = frozenset({"exports", "imports", "trade_turnover", "export_growth", "import_growth", "trade_growth",
                        "trade_share", "investment", "investment_inflow", "people", "trips"})
#: Two sides of parties ("Kazakhstan–Russia") or a group ("Kazakhstan+Uzbekistan").
_TWO_SIDES = re.compile(r"[–+]")
#: The label of a list's item, right before its datum ("• Казахстан – ", "Kazakhstan: ").
_ITEM_LABEL = re.compile(r"\W*[^\W\d_][^\d:|–—()]{0,40}?\s*[:–—]\s*")
#: A list's introduction that counts people: people's words, a demonym, a move ("Куда чаще всего узбекистанцы
#: переезжали на ПМЖ:", "Number of migrants by country of destination:").
_PEOPLE_LISTED = re.compile(r"\b(?:people|persons|migrants|emigrants|immigrants|residents|citizens|tourists|visitors"
                            r"|arrivals|departures)\b|(?<![^\W\d_])(?:человек|граждан\w*|мигрант\w*|эмигрант\w*"
                            r"|иммигрант\w*|турист\w*|жител\w*|[а-яё]+станц\w*|россиян\w*|переезжа\w*|переехал\w*"
                            r"|уехал\w*|выбыл\w*|прибыл\w*|въехал\w*|выехал\w*)", re.I)
#: A list item named by a month ("• January: $35.6 million", "- март – 193,5"): its label, before its datum.
_ITEM_MONTH = re.compile(r"\W*([^\W\d_]+)\s*[:–—-]", re.I)
#: A list item's number, which sentence splitting may leave as a sentence of its own ("1.").
_ENUMERATOR = re.compile(r"\s*\d{1,2}[.)]\s*")


def _item_month(sentence: str, context: tuple[str, str]) -> tuple[str, str]:
    """The period of a list's item named by a month ("Gas import indicators for January-March 2024 are as follows: /
    • January: $35.6 million"): that month of its introduction's period (``context``: (period, surface)), when the
    month is in it; else the introduction's."""
    m = _ITEM_MONTH.match(sentence)
    month = MONTHS.get(m.group(1).lower()) if m else None
    span = _MONTHS_OF_A_YEAR.fullmatch(context[0])
    if month and span and int(span.group(2)) <= month <= int(span.group(3) or span.group(2)):
        return f"{span.group(1)}-{month:02d}", m.group(1)
    return context


#: A month or months of one year ("2024-01", "2024-01/2024-03").
_MONTHS_OF_A_YEAR = re.compile(r"(\d{4})-(\d\d)(?:/\1-(\d\d))?")


def _whole_partner(out: list[dict], place: str, members: dict) -> str:
    """The other side of the last figure before ``out``'s last (of the article) between a place and a region ``place``
    is a member of ("Central Asia–China" for Kyrgyzstan: China), or ""."""
    for r in itertools.islice(reversed(out), 1, None):
        sides = r["parties"].split("–")
        if len(sides) == 2:
            for region, other in (sides, sides[::-1]):
                if place in members.get(region, ()) and other != place:
                    return other
    return ""


def _is_item(sentence: str) -> bool:
    """Whether a sentence opens a list's item: bulleted or numbered, or a short label and a number ("Алматы – 2 345 012
    человек."), not prose that goes on after a list ("Other regions with significant populations include Zhambyl
    (1,223,457 people) and ...")."""
    return bool(LIST_MARK.match(sentence) or (m := DATA_ITEM.match(sentence)) and len(m.group(0).split()) <= _LABEL_WORDS)


#: Most words of the label of a list's item with no bullet or number, its number's first digit included ("Туркестанская
#: область – 2").
_LABEL_WORDS = 5


#: A list's item read by :func:`_read_doc_figures`: the sentence that introduces its list, and the item's whole sentence
#: (cited for its figures when its datum is read as a sentence of its own).
_Item = namedtuple("_Item", "intro whole")


def _list_items(sents: list[tuple]) -> tuple[list[tuple], dict[int, _Item]]:
    """The sentences with the items of a list introduced by a sentence ending with ':' ("Here are the top 10 countries
    with the highest gold production in 2023:", "Gas import indicators for January-March 2024 are as follows:"): each
    line of bulleted or numbered items, or of a label and a number (the cleaning's ``LIST_MARK``, ``DATA_ITEM``), right
    after it or after other items. An item that goes on with words after its datum ("1. China (370 metric tons):
    China's gold production peaked in 2016 ...") is read as two sentences, the datum and the rest. Returns the
    sentences and, for the index of each item's datum, the sentence that introduces it (whose metric and period a
    datum that names none of its own takes) and the item's whole sentence (:class:`_Item`)."""
    out: list[tuple] = []
    intros: dict[int, _Item] = {}
    intro, last_line, item, enumerated = None, None, False, False
    for i, (ln, sno, a, b, sentence) in enumerate(sents):
        datum = False
        if ln != last_line:
            last_line = ln
            # "1." split off as a sentence of its own: the item's datum is the sentence after it
            enumerated = bool(_ENUMERATOR.fullmatch(sentence)) and i + 1 < len(sents) and sents[i + 1][0] == ln
            first = (sentence + " " + sents[i + 1][4] if enumerated else sentence).lstrip()
            item = intro is not None and _is_item(first)
            datum = item and not enumerated
        elif enumerated:
            enumerated, datum = False, item
        elif item and _is_item(sentence.lstrip()):
            datum = True  # items written as sentences of one line ("Алматы – 2 345 012 человек. Астана – 1 630 640 ...")
        if datum:
            intros[len(out)] = _Item(intro, sentence)
            if m := _ITEM_GOES_ON.search(sentence):
                out.append((ln, sno, a, a + m.start() + 1, sentence[:m.start() + 1]))
                out.append((ln, sno, a + m.end(), b, sentence[m.end():]))
                continue
        elif not item:  # the last sentence of a line that is no item may introduce a list
            intro = sentence if sentence.rstrip().endswith(":") else None
        out.append((ln, sno, a, b, sentence))
    return out, intros


def _wrap_width(sents: list[tuple]) -> int:
    """The width a text is hard-wrapped at (its longest line), or 0 if it is not: at least two, and at least half, of
    the breaks after a line with no sentence's end go on with a small letter (as the cleaning's wrapped paragraphs).
    In such a text a line near the width that ends with no sentence's end goes on into the next, whatever its first
    letter; a short line (a title) does not."""
    ends: dict[int, int] = {}
    for r in sents:
        ends[r[0]] = max(ends.get(r[0], 0), r[3])
    breaks = lower = 0
    for a, b in zip(sents, sents[1:], strict=False):
        if b[0] == a[0] + 1 and _OPEN_END.search(a[4]):
            breaks += 1
            lower += bool(_GOES_ON.match(b[4]))
    return max(ends.values()) if lower >= 2 and 2 * lower >= breaks else 0


def _join_wrapped(sents: list[tuple]) -> tuple[list[tuple], dict[int, list[tuple[int, int, int]]]]:
    """Sentences of a hard-wrapped text joined across its line breaks: the last sentence of a line that does not end
    a sentence ("... в полтора раза больше, чем в 2022 году (15,4 млрд") and the first of the next line, if it
    starts with a small letter ("куб. м)», – сообщила компания."), read as one sentence (a number and its unit, a
    figure and its metric, split by the break, meet again), over as many lines as the sentence runs. Returns the
    sentences and, for each line whose last sentence took the next lines' first, the parts taken as (where the part
    before ends in the joined sentence's offsets, the part's line, where it starts there): :func:`_doc_figures`
    puts the figures of each part back on its line."""
    out: list[tuple] = []
    wraps: dict[int, list[tuple[int, int, int]]] = {}
    width = _wrap_width(sents)
    i = 0
    while i < len(sents):
        row, j = sents[i], i
        text, parts = row[4], []
        last = row[4]  # the part the joined sentence ends with: only its end and its own cells are read again
        while j + 1 < len(sents) and (nxt := sents[j + 1])[0] == sents[j][0] + 1 and "|" not in last + nxt[4] \
                and _OPEN_END.search(last) and not (_YEAR_END.search(last) and _CAPTION_START.match(nxt[4])) \
                and (_GOES_ON.match(nxt[4]) or width and sents[j][3] >= 0.6 * width and _GOES_ON_CAPITAL.match(nxt[4])):
            text = text.rstrip()
            parts.append((row[2] + len(text), nxt[0], nxt[2]))
            text, last = f"{text} {nxt[4]}", nxt[4]
            j += 1
            if j + 1 < len(sents) and sents[j + 1][0] == nxt[0]:
                break  # the line goes on with sentences of its own
        if parts:
            wraps[row[0]] = parts
            row = (row[0], row[1], row[2], row[2] + len(text), text)
        out.append(row)
        i = j + 1
    return out, wraps


def _unwrap(out: list[dict], wraps: dict[int, list[tuple[int, int, int]]]) -> None:
    """Figures of sentences :func:`_join_wrapped` joined, put back on their lines (in place): a figure of a part taken
    from a line below is cited on that line, at its offsets there; a figure broken by a line's end ("(15,4 млрд /
    куб. м)") on the line it starts on, up to that line's end."""
    for r in out:
        parts = wraps.get(r["line_no"], ())
        at = max((k for k, w in enumerate(parts) if r["start"] > w[0]), default=-1)
        end = parts[at + 1][0] if at + 1 < len(parts) else None
        if end is not None and r["end"] > end:
            r["end"] = end
        if at >= 0:
            split, line, start = parts[at]
            r["line_no"], r["start"], r["end"] = line, r["start"] - split - 1 + start, r["end"] - split - 1 + start


#: A table cell that is a number (the figure the row gives for its column): "370", "5,1%", "-2.4", "1 250".
_TABLE_NUMBER = re.compile(r"[-−+]?\d[\d\s\u00a0.,]*%?")
#: The label of a table's row that sums the others or the rest: "Total", "Rest of World", "Итого", "Прочие".
_TOTAL_ROW = re.compile(r"(?:total|rest\b|others?\b|all\b|всего|итого|прочи|остальн|други)", re.I)
#: A year in a table's header or caption.
_YEAR_IN_CELL = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: A column header's unit in brackets: "2023E Production (tonnes)", "Объём (млн долларов)".
_HEADER_UNIT = re.compile(r"\(([^()]{1,40})\)")
#: A year with an estimate, forecast or preliminary mark, as column headers write it: "2023E", "2025F", "2024P".
_MARKED_YEAR = re.compile(r"\b((?:19|20)\d\d)[EFP]\b")


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of the cells of a table row written with '|', spaces around them left out."""
    out, at = [], 0
    for part in line.split("|"):
        a = at + len(part) - len(part.lstrip())
        b = at + len(part.rstrip())
        if b > a:
            out.append((a, b))
        at += len(part) + 1
    return out


def _table_sentences(sents: list[tuple], rules: FigureRules) -> tuple[list[tuple], dict[int, list[tuple[int, int, int, int, str]]]]:
    """The sentences with each row of a table (a header row with '|', a rule of dashes under it, kept or not,
    then rows with '|') read as one sentence: its first cell, then each number with its column's header
    ("Country | Region | 2023E Production (tonnes) |" over "China | Asia | 370 |" is "China: in 2023 Production
    370 tonnes."; a header with no unit follows the number: "10 Launches"; the year of a caption right above
    a header that names none leads, as a year in a row's first cell does for that row; a place in another
    column follows a first cell that names none: "In 2022, Baikonur (Kazakhstan): 7 Launches."), and per row the
    (start, end) of each number in that sentence and in the row, and the number."""
    lines: dict[int, list] = {}
    for row in sents:
        lines.setdefault(row[0], []).append(row)
    text = {ln: _line_text(rows, max(r[3] for r in rows)) for ln, rows in lines.items()}
    cells: dict[int, list[tuple[int, int, int, int, str]]] = {}
    read: dict[int, str] = {}
    for ln in sorted(text):
        head = text[ln]
        if "|" not in head or ln in cells or ln + 1 not in text and ln + 2 not in text:
            continue
        rule = text.get(ln + 1)
        if rule is not None and not TABLE_RULE.fullmatch(rule.strip()):
            continue
        header = [head[a:b] for a, b in _cells(head)]
        if len(header) < 2:
            continue
        # the year of the caption right above the table ("Russian Launches, 2022"), when its header names none
        caption = text.get(ln - 1, "") if not _YEAR_IN_CELL.search(head) else ""
        years = {m.group(0) for m in _YEAR_IN_CELL.finditer(caption)} if "|" not in caption else set()
        lead = f"In {years.pop()}, " if len(years) == 1 else ""
        r = ln + 2
        while r in text and "|" in text[r] and not TABLE_RULE.fullmatch(text[r].strip()):
            row = text[r]
            spans = _cells(row)
            first = row[spans[0][0]:spans[0][1]] if spans else ""
            label = first if first and not _TABLE_NUMBER.fullmatch(first) else ""
            # a row of a year ("2023 | 8.1 |" under "Year | Exports ($ bn) |"): the year of its numbers
            year = f"In {first}, " if _YEAR_IN_CELL.fullmatch(first) else lead
            if label and not _places_in(label, rules)[0]:
                # a row's place in another column ("Baikonur | Kazakhstan | 7 |"): "Baikonur (Kazakhstan)"
                label += next((f" ({c})" for c in (row[a:b] for a, b in spans[1:]) if not _TABLE_NUMBER.fullmatch(c)
                               and _places_in(c, rules)[0]), "")
            head_text = f"{year}{label}: " if label else year
            parts, at, found = [], len(head_text), []
            for j, (a, b) in enumerate(spans):
                value = row[a:b]
                if not _TABLE_NUMBER.fullmatch(value) or j >= len(header) or (j == 0 and year is not lead):
                    continue
                name = header[j]
                unit = _HEADER_UNIT.search(name)
                name = _MARKED_YEAR.sub(r"in \1", _HEADER_UNIT.sub("", name)).strip()
                before = f"{name} " if unit else ""
                piece = f"{before}{value} {unit.group(1)}" if unit else f"{value} {name}"
                found.append((at + len(before), at + len(before) + len(value), a, b, value))
                parts.append(piece)
                at += len(piece) + 2
            if found and not _TOTAL_ROW.match(label):  # (a total's or the rest's parties are the rows' together)
                read[r] = head_text + "; ".join(parts) + "."
                cells[r] = found
            r += 1
    if not read:
        return sents, {}
    out = []
    for row in sents:
        if row[0] in read:
            if row is lines[row[0]][0]:
                out.append((row[0], row[1], 0, len(read[row[0]]), read[row[0]]))
        else:
            out.append(row)
    return out, cells


def _read_doc_figures(
    doc_id: str,
    sents: list[tuple[int, int, int, int, str]],
    published: str | None,
    rules: FigureRules,
    find_dates,
    home: str | None = None,
    tables: frozenset = frozenset(),
    intros: dict[int, _Item] | None = None,
) -> list[dict]:
    """:func:`_doc_figures` of sentences as they are read (``tables``: the lines that are a table's rows; ``intros``:
    the :class:`_Item` of each list item's datum, by its index, :func:`_list_items`)."""
    intros = intros or {}
    if not sents:
        return []
    # the document string: each line's kept sentences placed at their offsets
    lines: dict[int, list] = {}
    for row in sents:
        lines.setdefault(row[0], []).append(row)
    line_base, parts, cursor = {}, [], 0
    for ln in sorted(lines):
        rows = lines[ln]
        width = max(r[3] for r in rows)
        line_base[ln] = cursor
        parts.append(_line_text(rows, width))
        cursor += width + 1
    doc = "\n".join(parts)
    if not _has_number(doc, rules):
        return []
    spans = [(line_base[ln] + a, line_base[ln] + b) for ln, _, a, b, _ in sents]
    sp = None
    parties = {"rules": rules, "doc": doc, "tables": tables}
    out = []
    last_year = ""  # the last year a figure of the article was for ("over the year" refers to it)
    # (sentence, line, {(unit, metric): {(period, surface)}}, {(unit, metric): {parties}}) of the figures just before
    before: tuple = (-1, None, {}, {})
    figured = -1  # the last sentence with figures
    last_level = None  # (end, unit, metric) of the last level of the last sentence with figures (below)
    lent: tuple = (-1, None, None)  # (sentence, line, period) the paragraph lent the last sentence with figures
    where: list[tuple[int, tuple[int, int]]] = []  # (sentence, clause) of each figure of out
    from_base: set[int] = set()  # figures whose period is their comparison base's (not a total's period)
    measured_from: set[int] = set()  # figures another is measured from ("up from $52.5 billion")
    tolls: set[int] = set()  # figures that are an event's toll ("At least 164 people were killed")
    in_town: dict[int, str] = {}  # figure -> the city or region its count of people is of (:data:`_TOWN_PEOPLE`)
    not_own: set[int] = set()  # figures beside a date in brackets that is another figure's, or of a part's date
    named: dict[int, tuple | None] = {}  # sentence -> the one (period, surface) it names, None for several
    unread: dict[int, str] = {}  # sentences with no figure that may name a year: read only if a figure needs them
    sentence_of: list[int] = []  # for each figure of out, its sentence
    measured: dict[str, tuple] = {}  # kind of measure -> (sentence, line, metric, its quantity's) of its last figure
    goods_seen: dict[str, set[str]] = {}  # kind of measure -> the goods volumes the article measured in it so far
    before_cands: tuple = ((-1, -1), [])  # ((sentence, line), candidates) of the last sentence with figures
    intro_periods: dict[str, tuple | None] = {}  # a list's introduction -> the one period it names (_one_period)
    for k, (ln, sno, a, b, sentence) in enumerate(sents):
        if not _has_number(sentence, rules):
            continue
        cands, date_rows = _sentence_candidates(sentence, published, rules, find_dates)
        if k in intros and any(c.get("carry") == "item" for c in cands) and _PEOPLE_LISTED.search(intros[k].intro):
            # "Куда чаще всего узбекистанцы переезжали на ПМЖ: / • Казахстан – 14 051 (81,1%)": people
            cands = [{**c, "kind": "count", "unit": "count", "noun": "people", "carry": False}
                     if c.get("carry") == "item" else c for c in cands]
        if any(c.get("carry") for c in cands):
            after = sents[k + 1][4] if k + 1 < len(sents) and sents[k + 1][0] == ln else None
            cands = _carry_units(cands, before_cands[1] if before_cands[0] == (k - 1, ln) else [], after and
                                 functools.partial(_sentence_candidates, after, published, rules, find_dates))
        if cands:
            before_cands = ((k, ln), cands)
        if not cands:
            if find_dates is not None and _YEAR_LIKE.search(sentence):
                unread[k] = sentence  # "В 2023 году Узбекистан занял десятое место"
            continue
        period_rows = _period_rows(sentence, date_rows)
        _note_period(named, k, sentence, period_rows)
        # the period a sentence with no figure set just before, in the paragraph ("ГТУ КНР опубликовало
        # статистику торговли в 2024 году. Общий объем товарооборота составил $94,8 млрд"), for the
        # figures of a sentence that names none (a comparison base is not one); a sentence before with
        # figures of its own lends its period only to the same quantity (``carried``, below)
        context = None
        if k in intros and find_dates is not None and not _own_periods(period_rows):
            # a list's item that names no period: the period of the sentence that introduces the list ("Here are the
            # top 10 countries with the highest gold production in 2023: / 1. China (370 metric tons)")
            intro = intros[k].intro
            if intro not in intro_periods:  # (every item of a list has the one introduction: read once)
                intro_periods[intro] = _one_period(intro, _period_rows(intro, _date_rows(intro, published, find_dates[1])))
            context = intro_periods[intro]
            if context:
                context = _item_month(sentence, context)
        elif k and sents[k - 1][0] == ln and figured != k - 1 and find_dates is not None and not _own_periods(period_rows):
            # (or a sentence of the paragraph further back, with no figure in between and no digit: "Last year was
            # marked by many important events ... For example, ... A total of 18 million square meters of housing")
            for j, prev in _paragraph_before(sents, k, figured, rules):
                context = _one_period(prev, _period_rows(prev, _date_rows(prev, published, find_dates[1])))
                if context and j < k - 1 and _REPORT_DAY.fullmatch(context[0]):
                    context = None  # (a day further back is when something happened: "said on August 5")
                    break
                if context or _DIGIT_RUN.search(prev):
                    break
        elif lent[:2] == (k - 1, ln) and lent[2] and not _REPORT_DAY.fullmatch(lent[2][0]) and not _own_periods(period_rows):
            # the sentence before took the paragraph's year or months and named none: so does this one (not a
            # day, which is when something happened, not what a figure is for)
            context = lent[2]
        if context and ((_SINCE.match(context[1]) and _FOUR_DIGITS.fullmatch(context[0]))
                        or context[0] == (published or "")[:10]):
            # "The cosmodrome has been rented out since 1994. Annual rent stands at $115 million"; "SIMFEROPOL, May 8 –
            # RIA Novosti. Trade ... has doubled": where a state starts, and the day of the report, are no figure's period
            context = None
        lent = (k, ln, context)
        # a route a sentence before in the paragraph names, with no figure since ("Увеличены были поставки по «Силе
        # Сибири» в Китай. Объём поставок составил рекордные 15,5 млрд кубометров газа"): the goods of this one go by it
        # (read only when a figure of this sentence is of goods carried and names no route)
        route_before = functools.partial(_route_before, sents, k, figured, rules) \
            if k and sents[k - 1][0] == ln and figured != k - 1 and not _WHOLE_WORD.search(sentence) else None
        level_before = last_level if figured == k - 1 else None  # the last level of the sentence just before
        figured = k
        if sp is None:
            sp = _speakers(doc, spans, rules)
        clauses = _clauses(sentence)
        same_line = [x[4] for x in sents[max(0, k - 3):k] if x[0] == ln]
        # a sentence with no date that goes on from the one before in its paragraph ("В январе – декабре
        # 2022 года страну покинули 24 239 человек. Прибыли – 17 293 человека."): its figures of a
        # quantity the sentence before gave for one period are for that period
        carried = before[2] if before[0] == k - 1 and before[1] == ln and not date_rows else {}
        # the same goes on into the next paragraph ("... в прошлом году оно составило 313 тонн. / При этом другие
        # источники оценивают производство золота в России выше: ... оно составило 330,7 тонны") for a year or
        # months, not a day (when something was said) nor a span of years (an average over them), and for the
        # same parties (given once the figure's are known, below)
        across = {q: v for q, v in before[2].items() if all(_CARRIED_ON.fullmatch(p) for p, _ in v)} \
            if before[1] != ln and not date_rows and _closes_paragraph(sents, before[0], k, published, find_dates) else {}
        these_parties: dict = {}
        these: dict = {}
        last_amount = None  # (end, metric) of the last amount of money of the sentence
        share_amounts = ""  # the share whose amount the sentence gave in brackets ("14.7% ($499mn) of ...")
        last_level = None  # (end, unit, metric) of the sentence's last figure that is not a part or a percentage
        # a date right before another figure, only a dash or colon between ("..., за январь-июнь 2024 года –
        # $280,6 млн"), is that figure's: not the period of a figure before it
        # (not before a multiple, which compares the figure before: "1.4% in the first quarter of 2025 - three times
        # less than ...")
        leading = [d for d in period_rows if any(0 <= g["start"] - d[1] <= _LEAD_GAP and g["kind"] != "multiple"
                                                 and not sentence[d[1]:g["start"]].strip(" –—:-$€£₽") for g in cands)]
        bases = [d for d in date_rows if d not in period_rows and _is_base(sentence, d, _period_cues())] \
            if len(period_rows) < len(date_rows) else []
        # a date right after a figure measured from ("..., up from 4,693 tonnes in 2021") is that figure's:
        # not the period of another figure of the clause
        owned = {i: g["start"] for i, d in enumerate(period_rows) for g in cands
                 if 0 <= d[0] - g["end"] <= _OWN_GAP and _OWN_DATE_GAP.fullmatch(sentence, g["end"], d[0])
                 and _FROM_BEFORE.search(sentence, max(0, g["start"] - _BASE_WINDOW), g["start"])}
        # a base's date with a ", when" clause after it is the period of that clause's figures, not of a figure before
        # it, compared with it ("Это на 20,4% больше, чем в 2023 году, когда показатель составлял 495,2 тысячи")
        when_based = {i for i, d in enumerate(period_rows)
                      if _WHEN_AFTER.match(sentence, d[1]) and _is_base(sentence, d, _period_cues(), when=False)}
        bracketed: dict[int, tuple[int, int]] = {}  # date -> the brackets it is in, with a figure of their own
        if "(" in sentence:
            # a date in brackets with figures of their own is theirs, not a figure's outside them ("составил 6,5 млрд
            # долларов (в январе-июне 2023 года было 5,2 млрд долларов)": 2023 is the 5.2 billion's, not the 6.5's)
            for m in _BRACKETS.finditer(sentence):
                if any(m.start() < g["start"] < m.end() for g in cands):
                    for i, d in enumerate(period_rows):
                        if m.start() < d[0] < m.end():
                            bracketed[i] = m.span()
        # a date right after a figure ("doubled to 1.7 million tonnes in 2022") closes that figure's item: past
        # "and" it is not plainly a later figure's ("... and went up 65% to 2.7 million tonnes in 2023": 2023)
        closing = [d for d in period_rows if any(0 <= d[0] - g["end"] <= _LEAD_GAP
                                                 and _OWN_DATE_GAP.fullmatch(sentence, g["end"], d[0]) for g in cands)]
        in_clause: dict[tuple, object] = {}  # what a clause says, read once for all its figures
        # a sentence naming a year of a part its figures include ("с учетом урожая 2022 года") has them of no
        # period the article could lend
        includes = len(period_rows) < len(date_rows) and any(_included(sentence, d) for d in date_rows)
        for f in cands:
            if f.get("grown_from") is not None:
                # the level a growth reached counts what the growth counted: its level, when that is a count
                grown = out[-1] if out and (out[-1]["line_no"], out[-1]["sent_no"]) == (ln, sno) \
                    and out[-1]["start"] <= a + f["grown_from"] < out[-1]["end"] else None
                level = _level_grown(grown["metric"]).partition(" ")[0] if grown is not None else ""
                if not any(m[0] == level and m[1] == "count" for m in rules.metrics):  # (metrics.csv's kind)
                    continue
                f = {**f, "level": level}  # (its way, "(in)", is read as any count's is)
            if includes or any(not a < f["start"] < b for a, b in bracketed.values()):
                not_own.add(len(out))  # nor does the article lend it that period (:func:`_article_periods`)
            q, lo_f, hi_f, s0, e0 = _hedge(sentence, f, rules)
            hedged = q  # (before a plan's sentence makes it a goal)
            clause = _clause_of(clauses, f["start"])
            value = f["value"]
            if f.get("range") or f["high"] is not None:
                # a range forecast ("ждет урожай на уровне 13-14 млн тонн") is a target: its bounds stay
                low, high = value, f["high"]
                if q == "approx":  # "около 153-155 миллионов тонн": about the range, widened as "about" widens
                    low, high = value * lo_f, f["high"] * hi_f
                q = "target" if _planned(sentence, s0, clause) else "range"
            else:
                if (q == "none" and _is_target(sentence, s0, e0, clause, rules)) or _planned(sentence, s0, clause) \
                        or _PLANNED_AFTER.match(sentence, e0):
                    q = "target"  # a hedged forecast too ("could rise to up to $35bn"): never set against a measurement
                elif f["kind"] == "percent" and out and out[-1]["qualifier"] == "target" and (
                        out[-1]["line_no"], out[-1]["sent_no"]) == (ln, sno) and _OR_AFTER_AMOUNT.fullmatch(
                        sentence, out[-1]["end"] - a, s0):
                    q = "target"  # the share a planned amount is, said after it ("from the initially targeted 1.2
                    # trillion roubles, or 0.5% of GDP"): the same plan
                low = value * lo_f if lo_f != 0 or value >= 0 else 0.0
                high = math.inf if math.isinf(hi_f) else value * hi_f
            # period: nearest non-publication date in the clause, else in the sentence
            period = period_surface = ""
            # a goal year links only right after the figure ("$30 billion by 2030"), not a road
            # map's "until 2022" elsewhere in the clause
            # (the day a figure was said and the period it is compared with are not its period)
            # a year before the article's reached "by" then is no goal but the level of that year ("К 2022 году мировое
            # производство урана сократилось до 49 355 тонн" in 2024), unless the clause speaks of a plan
            # (in an undated article, when the clause's verb is in the past: "had fallen", "сократилось")
            past_by = [d for d in period_rows if d[3] == "target" and _FOUR_DIGITS.fullmatch(d[2]) and _BY_YEAR.match(d[4])
                       and (d[2] < published[:4] if published else _PAST_VERB.search(sentence, *clause) is not None)
                       and not _is_forecast(sentence, s0, clause)]
            usable = [d for d in period_rows if d[3] not in ("publication", "target")
                      or (d[3] == "target" and 0 <= d[0] - e0 <= _TARGET_WINDOW) or d in past_by]
            if (planned := _PLANNED_AFTER.match(sentence, e0)) and (d := next((
                    d for d in period_rows if e0 < d[0] <= planned.end() + 5), None)):
                period, period_surface = _months_to_date(sentence, d), d[4]  # "7.3 bcm planned for 2025": the plan's year
            elif bases and (d := _beside(sentence, bases, s0, e0)):
                period, period_surface = _months_to_date(sentence, d), d[4]  # "than in 2023 ($89.4 bn)"
                from_base.add(len(out))
            elif bases and (bb := _BASE_BRACKET.search(sentence, max(clause[0], s0 - _BASE_BRACKET_REACH), s0)) and (
                    in_lead := [d for d in bases if bb.start() <= d[0] < bb.end()]):
                period, period_surface = _months_to_date(sentence, in_lead[-1]), in_lead[-1][4]  # "compared to the 2022
                from_base.add(len(out))  # figures ($770.215 million)": the base's year
            # a base with no date of its own is not of the period of the figure it is compared with (:func:`_compared_start`)
            compared = _compared_start(sentence, cands, f, s0, e0)
            change_end = _change_end(sentence, cands, s0, e0)
            elsewhere = from_sentence = False
            for scope in (clause, (0, len(sentence))) if not period else ():
                inside = [d for d in usable if scope[0] <= d[0] < scope[1]
                          and not (d[0] >= e0 and d in leading and not _DATE_RIGHT_AFTER.fullmatch(sentence, e0, d[0]))
                          and not (d[0] >= e0 and _opens_next_item(sentence, d, e0, cands)
                                   and (any(x[1] <= s0 for x in usable) or _CONTRAST_GAP.fullmatch(sentence, e0, d[0])))
                          and owned.get(i := period_rows.index(d), f["start"]) == f["start"]
                          and not (i in when_based and f["start"] < d[0])
                          and (i not in bracketed or bracketed[i][0] < f["start"] < bracketed[i][1])]
                if inside:
                    # the nearest date, first of those with no comma, semicolon or dash between it and the figure
                    # and no word of a comparison ("While 155,700 people left in 2000, only 12,700 emigrated in
                    # 2024": 2024; not "a 4.4-fold increase from 2023")
                    # (then one with no other figure of the sentence between: "As of July 1, 2024, the population
                    # stands at 20,139,914, an increase of 106,072 people since January": July 1 is the level's)
                    d = min(inside, key=lambda d: (not _plain_date_of(sentence, d, s0, e0) or (
                        d in closing and d[1] <= s0 and _CONJ.search(sentence, d[1], s0) is not None),
                        any(e0 <= g["start"] and g["end"] <= d[0] or d[1] <= g["start"] and g["end"] <= s0
                            for g in cands),
                        max(d[0] - e0, s0 - d[1], 0), d[0]))
                    period, period_surface = _months_to_date(sentence, d), d[4]
                    from_sentence = scope != clause
                    if span := _day_span(sentence, period_rows, d):
                        period, period_surface = span  # "с 24 февраля по 11 апреля": the days between, not the last
                    if d[3] == "target" and q == "none" and d not in past_by:
                        q = "target"
                    if (0 <= compared and d[1] <= compared) or (change_end and not e0 <= d[0] < change_end and not (
                            d[0] > change_end and _FOR_PERIOD.search(sentence, max(0, d[0] - 5), d[0] + 4))):
                        # (the date of the level a change reached is not the base's, nor is a date of a change's start
                        # that is not between it and the end: "rose from $24.5 billion to $28 billion in 2024", "В 2024
                        # году экспорт вырос с 1,28 млрд до 3,8 млрд" say nothing of when the start was; a forecast
                        # revised "from 7.5% to 8-9% for 2024" was for 2024 at both ends)
                        period = period_surface = ""
                        elsewhere = True
                    break
            if _FOUR_DIGITS.fullmatch(period) and out and (out[-1]["line_no"], out[-1]["sent_no"]) == (ln, sno) \
                    and (month := _MONTHS_OF_YEAR.fullmatch(out[-1]["period"])) and month.group(3) is None \
                    and month.group(1) != period \
                    and _BARE_YEAR_ITEM.fullmatch(period_surface) \
                    and (at := sentence.find(period_surface, out[-1]["end"] - a, s0)) >= 0 \
                    and _ITEM_GAP.fullmatch(sentence, out[-1]["end"] - a, at):
                period = f"{period}-{month.group(2)}"  # the same month of the year the next item names
            if find_dates is not None and (ell := _ELLIPTIC_ORDINAL.match(sentence, e0)) \
                    and (n := find_dates[1].ordinals.get(ell.group(1).lower())):
                # "1.1% in the second quarter, 1.4% in the first": the first quarter of the year of the figure before,
                # not a date further on ("... and 4.5% in the final quarter of 2024")
                prev = next((o["period"] for o in reversed(out) if (o["line_no"], o["sent_no"]) == (ln, sno)
                             and _QUARTER_OR_HALF.fullmatch(o["period"])), "")
                period = _nth_part(prev, n)
                period_surface = ell.group(0).strip() if period else ""
            if not period and not elsewhere and last_year and (m := _in_clause(in_clause, "the_year", clause, functools.partial(
                    _period_cues().get("the_year", _NO_CUE).search, sentence, *clause))):
                period, period_surface = last_year, m.group(0)  # "over the year": the year named before
            spanned = False
            if (not period or from_sentence) and not elsewhere and (span := _in_clause(
                    in_clause, "span", clause, functools.partial(_span_period, sentence, clause, published, rules))):
                # "invested in the last two years": not the stock; "В 2025-м ВВП вырос на один процент, ... однако за
                # последние три года прибавил 9,78 процента": the three years to the year another clause names
                if _FOUR_DIGITS.fullmatch(period):
                    span = _span_period(sentence, clause, period, rules) or span
                period, period_surface = span
                spanned = True
            after = None
            if not period and not elsewhere and bases and (published or (before[0] == k - 1 and before[1] == ln)) and (
                    after := _year_after_base(sentence, clause, bases, published, {
                        p for v in before[2].values() for p, _ in v if _FOUR_DIGITS.fullmatch(p)})):
                period, period_surface = after  # "exceeded 29,900, reflecting an 18% increase from 2023" (2025): 2024
            scopes = [(sentence[clause[0]:clause[1]], f["start"] - clause[0]), (sentence, f["start"])]
            anaphoric = _in_clause(in_clause, "anaphora", clause, functools.partial(_anaphora, rules, sentence, clause))
            metric = f.get("level") or _metric(f["kind"], f["noun"], f["phrase"], f["start"], scopes, rules,
                                               f["end"] - f["start"], f["unit"])
            if quake := _quake_metric(f, sentence, clause, sents[k - 1][4] if k else "", rules):
                metric = quake
            if not metric and k and k not in intros and f["kind"] in ("money", "percent"):
                # a word of several metrics ("deficit", "the rate") that the sentence just before, or the one before it,
                # says which of ("Russia recorded a budget deficit of 1.9% of GDP in 2023 ... / According to the
                # ministry's preliminary estimate, the overall deficit stood at 3.24 trillion roubles")
                # (or the article's title: "Резкая стабилизация дефицита федерального бюджета России / ... / ... дефицит
                # стал сопоставим с ноябрём 2024 года")
                for t in _also_contexts(sents, k):
                    if metric := _metric(f["kind"], f["noun"], f["phrase"], f["start"], scopes, rules,
                                         f["end"] - f["start"], f["unit"], context=t):
                        break
            if not metric and k in intros:  # a list's item that names no metric: what the list's introduction measures
                metric = _metric(f["kind"], f["noun"], f["phrase"], -1, [(intros[k].intro, -1)], rules, f["end"] - f["start"],
                                 f["unit"])
            if not metric and f["kind"] == "mass":
                # "экспорт российского угля в Китай превысил 78 миллионов тонн": the tonnes of goods with no metric of their
                # own, traded (exports of coal, below, as "exports" of money are)
                metric = _goods_traded(sentence, clause, s0, e0)
            if metric.split(" (")[0].endswith("_growth") and f["kind"] == "percent" \
                    and _SHARE_WORD.search(sentence, clause[0], s0):
                metric = ""  # "- The share of industry grew from 25.3% to 26.4%" under "the structure of GDP": a share,
                # not the growth the list's introduction (or a verb) names
            if metric and k in intros and (_SUBDIVISIONS.search(intros[k].intro) or f["kind"] != "count"
                                         and _INCLUDING_END.search(intros[k].intro)) \
                    and not metric.endswith(_PART_SUFFIX):
                metric += _PART_SUFFIX  # "лидерами по численности населения являются 7 регионов республики: / Астана –
                # 1 630 640 человек": each item is a region's, a part of the country (not its population); so is each
                # item of a list of amounts that opens with "including" ("доходы госбюджета на 2026 год определены в
                # размере 22,88 трлн тенге, в том числе по: / – поступлениям трансфертов – 3,6 трлн тенге"; a count's
                # parts are read below: "в том числе: / сельское население – 7 465 815")
            if _CURRENCY_PAIR.fullmatch(f["unit"]):
                metric = "exchange_rate"  # "The tenge weakened to 450 per dollar": one currency's price in another,
                # whatever amount the sentence names ("при ... обменном курсе 92,2 рубля за $1" beside revenues)
            elif metric and f["value"] == 1 and _FOR_ONE.search(sentence, max(0, s0 - 8), s0):
                metric = ""  # "exceeding 5 rubles for 1 kWh", "за 1 тонну": a price's unit, no amount of its own
            elif metric and f["kind"] == "percent" and _BASIS_AFTER.match(sentence, e0):
                metric = ""  # "production ... on both a 100 percent and attributable basis": how it is counted, no growth
            # a clause that refers back ("it", "этот показатель") measures what the sentences before in its paragraph
            # name, unless the figure just before measured the same (below: it says which way, "exports")
            # (a paragraph that opens with a noun that refers back, not a pronoun, refers to the paragraph before: "За
            # четыре года объем взаимной торговли ... вырос в 2,8 раза. / Уточняется, что объем составил $66,2 миллиарда
            # в 2024-м"; not "... the voter turnout stood at 63.66%. / It said that 71.1% ... voted in favor")
            referred = same_line or ([x[4] for x in sents[max(0, k - 3):k] if x[0] == sents[k - 1][0]]
                                     if anaphoric and not metric and k and _NOUN_BACK.search(sentence, *clause) else [])
            back = _metric(f["kind"], f["noun"], f["phrase"], f["start"], scopes + [(t, -1) for t in reversed(referred)],
                           rules, f["end"] - f["start"], f["unit"]) if anaphoric and not metric else ""
            if anaphoric and not metric and not back and k and _NOUN_BACK.search(sentence, *clause):
                # "Это позволило снизить показатель дефицита ... до 5,64 трлн рублей. Для сопоставления: аналогичный
                # показатель составлял 3,47 трлн рублей в 2024 году": the metric of the last figure of its kind the
                # sentence before in its paragraph gave
                back = next((o["metric"].removesuffix(_CHANGE_SUFFIX) for o in reversed(out) if o["line_no"] == ln
                             and o["sent_no"] == sents[k - 1][1] and o["kind"] == f["kind"] and o["metric"]), "")
            # "Kazakhstan produced 21,227 tons of uranium. Follow the Canada with 7,351 tons, ...": tonnes (or
            # cubic metres, barrels a day) with no word of their own measure what the ones just before did
            taken = None if metric else measured.get(f["kind"])
            if taken and f["kind"] not in _MEASURE_KINDS and not _RANKED.search(sentence) \
                    and not _elliptic(sentence, s0, e0, period_rows):
                taken = None  # an amount of money takes the one before's metric only down a ranking ("took second place"),
                # or in a sentence that is a period and the amount ("... показатель превысил $10 млрд. В прошлом году —
                # более $11 млрд.": the verb and what it measures are the sentence before's)
            # (past a paragraph break only for a list: "...на третьем Австралия – 293,8 тонны.\nВ десятку также вошли
            # Канада (191,9 тонны), США (166,7 тонны)")
            if taken and (k - taken[0] > 1 or _OWN_GOODS.match(sentence, e0) or (
                    taken[1] != ln and sum(g["kind"] == f["kind"] for g in cands) < 2)):
                taken = None
            if taken and taken[2].startswith("capacity") and _SUPPLY_WORD.search(sentence, 0, s0):
                taken = None  # what was supplied is not the capacity named before ("... на проектную мощность в 38 млрд
                # куб. м газа в год. Поставки по "Силе Сибири" в 2020 году составили 4,1 млрд куб. м")
            if taken:
                metric = taken[2]
                if (_PART.search(sentence, 0, s0) or _OF_THIS.search(sentence, 0, s0)) and not metric.endswith(_PART_SUFFIX):
                    metric += _PART_SUFFIX  # "Of this total, 1.057 million tons were bound for ...": a part of it
            elif not metric and f["kind"] in _MEASURE_KINDS and len(topic := goods_seen.get(f["kind"], ())) == 1 \
                    and _FLOW_WORD.search(sentence, clause[0], clause[1]) and not _OWN_GOODS.match(sentence, e0):
                # goods sent or bought that the clause does not name, in an article that has measured one kind of traded
                # goods in these units ("... wheat exports to China ... / Exports to Afghanistan also declined by 15% to
                # 379,100 tons"): that kind (its way read below)
                metric = next(iter(topic))
            elif back and f["kind"] == "percent" and level_before and (grown := _growth_of(level_before[2])) \
                    and _THE_INDICATOR.search(sentence, clause[0], s0) and _GROWTH_CUE.search(sentence, *clause):
                # "Большая часть торговли пришлась на экспорт из РФ — 90,05 миллиарда долларов. В годовом выражении
                # показатель снизился на 7,7 процента": the growth of the last level of the sentence before, not of
                # what the paragraph names first
                metric = grown
            elif back:
                metric = back
                if back.startswith("gdp") and referred and _per_capita(referred[-1], len(referred[-1]),
                                                                       len(referred[-1]), rules):
                    metric += " (per capita)"  # "GDP per capita amounted to ... This figure increased by 16.3%"
                if f["kind"] == "percent" and back.endswith("_growth") and out and where[-1][0] == k - 1 \
                        and out[-1]["kind"] == "percent" and out[-1]["metric"] == back \
                        and _THE_INDICATOR.search(sentence, clause[0], s0) and _GROWTH_CUE.search(sentence, *clause):
                    # "рост ВВП составил 7,7%. По сравнению с 2024 годом этот показатель увеличился на 1%": the indicator
                    # is the growth said just before, so this is its change, not a growth of its own
                    metric += _CHANGE_SUFFIX
            # a count of those who voted ("на референдуме проголосовали 7 820 204 человека"; not the votes for or against)
            # (the Russian noun of voters, "7 820 918 избирателей", is read as the people are: whether they voted or may
            # vote is told by the words near, and else it stays as it is, "за Путина проголосовали более 76 млн
            # избирателей" being no count of those who voted)
            head = metric.partition(" ")[0] if f["kind"] == "count" else None
            voters = head in ("people", "", _RU_VOTERS) and _voted_count(sentence, clause, s0, e0)
            if head in ("people", "", _VOTERS, _RU_VOTERS) and _VOTE_WORD.search(sentence) \
                    and _eligible(sentence, clause, s0, e0):
                metric = _ELECTORATE  # "12.2 million eligible voters", not those who voted
            if f["kind"] == "percent" and (_counted_share(sentence, s0, e0)
                                           or _THRESHOLD_WORD.search(sentence, max(clause[0], s0 - 80), s0)):
                # "After the count of 100% of ballots", "обработано 98,5% протоколов": how far the count went; "порог
                # явки ... составляет 33 процента": the least a vote needs, no figure of it
                metric = ""
            elif f["kind"] == "percent" and metric in (_TURNOUT, "") and (side := _vote_share_near(sentence, s0, e0, rules)):
                # "Turnout was 63.66%, with 71.12% voting in favour": no turnout; the votes against, a candidate's
                # and an exit poll's estimate are other quantities
                metric = _VOTE_SHARE_METRIC + (f" ({side})" if side is not True else (
                    f" ({who})" if (who := _candidate(sentence, s0, e0, cands, rules) or (
                        k and _HE_BEFORE.search(sentence, clause[0], s0) and _candidate(
                            sents[k - 1][4], len(sents[k - 1][4]), len(sents[k - 1][4]), [], rules))) else ""))
                metric += _poll_suffix(sents, k, sentence, same_line)
                if stage := _count_stage(sents, k, s0):
                    metric += f" (at {stage}% counted)"  # "после обработки 50,02% протоколов": a running count's share
                if (lead := _list_lead(sents, k)) and (_LOCALITY.search(lead) or _locality_country(lead, rules)):
                    metric += _PART_SUFFIX  # "В Волгоградской области пятёрка лидеров выглядит так же: / • КПРФ — 14,76%"
            elif voters or f["kind"] == "percent" and (metric == _TURNOUT or _TURNOUT_OF.match(sentence, e0)
                                                       or _turnout_said(sentence, clause, s0, e0)):
                # "63.66% of those entitled to participate", "явка составила 63,66%"; a turnout by a time of the
                # voting day ("на 12:00 явка составила 35%") is not the whole day's
                # ("к 20:00" in an article saying voting ran "с 7:00 до 20:00" is the close of polls: the whole day; so
                # is a time from 20:00 on in an article that states no hours: :data:`_LAST_READING`)
                if not (t := _clock_time(sentence)) and _RUNNING.search(sentence, *clause):
                    # "уже проголосовал более 13,4 миллиона человек": a count while the vote goes on, at the time the
                    # sentences just before give ("Явка на 17:00 составила 69,85 процента.")
                    t = next((c for x in reversed(sents[max(0, k - 4):k]) if (c := _clock_time(x[4]))), "") or "running"
                if t and t != "running" and ((hh := _hh_mm(t)) == (close := _polls_close(doc))
                                             or not close and hh >= _LAST_READING):
                    t = ""
                metric = (_VOTERS if voters else _TURNOUT) + (" (running)" if t == "running" else f" (at {t})" if t else "")
                # "объявил результаты экзитпола ... Явка составила 67,3%": a poll's estimate
                metric += _poll_suffix(sents, k, sentence[:e0], same_line)
                if period and (any(d[3] == "dateline" and d[4] == period_surface for d in period_rows)
                               or _published_day(period_surface, (sentence, *same_line[-2:]))):
                    # "ASTANA, March 16. /TASS/.": when the story was filed, not the vote; "проект которой опубликован
                    # ... 12 февраля 2026 года": when something was published
                    period = period_surface = ""
                if not period and find_dates is not None and (day := _vote_day(sents, published, find_dates[1], parties)):
                    period, period_surface = day  # the vote the article reports ("Референдум ... прошел 6 октября")
                near = (min(clause[0], max(0, s0 - _EVENT_NEAR[0])), clause[1])  # "stations abroad, with a turnout of"
                if _LOCALITY.search(sentence, *near) or (_ABROAD.search(sentence, *near)
                                                          and not _HOME_AND_ABROAD.search(sentence, *near)) \
                        or _locality_country(sentence[near[0]:near[1]], rules):
                    # the turnout of a region or a city, or of the voters abroad, is not the whole vote's ("Самая низкая
                    # явка в Алматы – 28,72 процента")
                    metric += _PART_SUFFIX
            elif f["kind"] == "percent" and metric.split(" (")[0] != _SETTLED and (
                    whole := _share_of(sentence, e0) or _share_before(sentence, clause[0], s0, rules)
                    or ((not metric or "_growth" in metric) and _share_of_genitive(sentence, e0))):
                # ("97% of payments are made in national currencies": the share settled in them, as "97% расчётов ...
                # в национальных валютах" reads)
                # (in brackets right after an amount, a share of what that amount is part of: "Казахстан — $30,1
                # миллиарда (46 процентов от общего объема торговли)" is its share of the trade)
                metric = _trade_share(whole, sentence[clause[0]:s0], rules) or (
                    last_amount and sentence[s0] not in "+-−" and (_TOTAL_WHOLE.fullmatch(whole) or _metric(
                        "money", "", "", -1, [(whole, -1)], rules, 0) == last_amount[1])
                    and _share_beside(sentence, s0, *last_amount)) or f"share of {whole}"
                if metric.startswith("share of ") and (part := _share_part(sentence, clause[0], s0, rules)):
                    metric += f" ({part})"  # "Доля сельского хозяйства в ВВП": that part's, not another's share
                if whole == "gdp" and (amount_metric := (
                        last_amount[1] if last_amount and last_amount[1] and _OR_AFTER_AMOUNT.fullmatch(
                            sentence, last_amount[0], s0) else "")  # ("... a deficit of 5.6 trillion roubles or 2.6%
                        # of GDP": the amount's, whatever other amount the sentence names)
                        or _metric("money", "", "", f["start"], scopes, rules, f["end"] - f["start"])) \
                        and amount_metric.split(" (")[0] != "gdp":
                    # "a deficit of 3.5 trillion rubles, or 1.7% of GDP", "defence spending of 6.3% of GDP": shares of
                    # the GDP of two quantities
                    metric = f"{amount_metric} (share of gdp)"
            elif f["kind"] == "percent" and last_amount and sentence[s0] not in "+-−" and (
                    share := _share_beside(sentence, s0, *last_amount)):
                metric = share  # "$18 billion (27 per cent)": Uzbekistan's share of the trade, not its growth
            elif metric == "trade_share" and not _SHARE_WORD.search(sentence, *clause) and _is_change(
                    sentence, s0, e0, clause, f["start"]):
                metric = "trade_growth"  # "Trade ... accounts for one-third ... In 2024, it grew by 20 percent": a growth
            elif metric == "trade_share" and (way := _share_way(sentence[clause[0]:clause[1]])):
                metric = f"trade_share ({way})"  # "the share in exports rose to 11.4%": not the share of trade
            elif f["kind"] == "percent" and metric in _SHARE_OF_GROWTH and _PERCENT_END.search(sentence, max(0, e0 - 12), e0) \
                    and (of := _RU_TRADE_OF.match(sentence, e0)) and not _BY_BEFORE.search(sentence, max(0, s0 - 6), s0):
                # a percentage of the trade, said in the genitive, whatever verb comes far after ("Примерно 46% торговли
                # Поднебесной с Центральной Азией пришлось на Казахстан"): a share of it, not its growth
                metric = "trade_share" + {"импорта": " (imports)", "экспорта": " (exports)"}.get(of.group("w").lower(), "")
            elif metric in _CUED_GROWTHS and not _GROWTH_CUE.search(
                    sentence, max(clause[0], s0 - _BASE_WINDOW), min(clause[1], e0 + _BASE_WINDOW)) and sentence[s0] != "+":
                metric = ""  # "Canada (15%)" beside a producer is no growth: only a rise or a fall is
            elif metric in _CUED_GROWTHS and _TO_LEVEL.search(sentence, max(clause[0], s0 - 20), s0):
                metric = ""  # "(Russia's share ...) in 2023 it decreased to 78%": the level it fell to, no growth
            if _is_vote(metric) and not metric.endswith(_PART_SUFFIX) and same_line and _ABROAD.search(same_line[-1]) \
                    and not _places_in(sentence, rules)[0]:
                # the voters abroad the sentence before speaks of ("74 polling stations ... at Kazakhstan's foreign
                # missions in 59 countries. The total number of voters is 12,307"): not the whole vote's
                metric += _PART_SUFFIX
            if f["kind"] == "percent" and not metric and last_level and 0 <= s0 - last_level[0] <= _GROWTH_AFTER_LEVEL \
                    and (grown := _growth_of(last_level[2])) and _GROWTH_CUE.search(
                        sentence, max(last_level[0], s0 - 20), min(clause[1], e0 + 20)):
                # "... exceeded 29,900, reflecting an 18% increase from 2023": the growth of the level just before it
                metric = grown
            elif f["kind"] == "percent" and not metric and level_before and _THAT_FIGURE.search(sentence, clause[0], s0) \
                    and (grown := _growth_of(level_before[2])) and (_GROWTH_CUE.search(sentence, *clause)
                                                                    or _OUTDID.search(sentence, *clause)):
                # "... 2,76 million tonnes of freight. That number also beat the previous year by 65 per cent", "...
                # составила 20,3 млн человек. Это на 1,25% больше": the growth of the last level of the sentence before
                metric = grown
            elif f["kind"] == "percent" and not metric and (counted := _count_growth(
                    sentence, clause, s0, e0, rules, [g["start"] for g in cands if g is not f])):
                metric = counted  # "the number of flights between Russia and Kazakhstan increased by 20%"
            quantity = (f["unit"], taken[3] if taken else metric)  # either way of a flow is one quantity (for a period carried over)
            event = False  # a toll of an event: its parties are read as any figure's, not as a population's
            after_figure = max([clause[0], *(g["end"] for g in cands if g["end"] <= s0)])  # (the figure before in its clause)
            ethnic = ""  # the ethnic group a count of people counts (:func:`_ethnic_group`), read once
            if f["kind"] == "count" and (kind := _toll_just_before(out, ln, sno, a + s0)) and _PART.search(
                    sentence, out[-1]["end"] - a, min(clause[1], e0 + _PART_AFTER_NEAR)) and _SECURITY.search(
                    sentence, e0, min(clause[1], e0 + _SECURITY_NEAR)):
                # a part of the count of dead or hurt just before it that is the security forces ("230 people died ...,
                # including 19 military and security officials", "..., of which 19 were law enforcement officers"):
                # of that count's kind, whatever its noun (read below), and both are an event's toll
                metric, event = kind, True
                tolls.add(len(out) - 1)
            elif f["kind"] == "count" and metric in _CHILD_COUNTS and (
                    children := _children_toll(out, ln, sno, sentence, clause, a, s0, e0)):
                # the children among the dead or hurt, a quantity of their own ("which killed 14 people including two
                # children", "The dead included two children", "погибли 25 человек, среди которых пять детей")
                metric, event = children, True
            elif f["kind"] == "count" and metric in _ATTACKER_COUNTS and _ATTACKERS_KILLED.search(
                    sentence, max(clause[0], after_figure, s0 - _ATTACKERS_NEAR[0]),
                    min(clause[1], e0 + _ATTACKERS_NEAR[1])):
                # "it was possible to eliminate six militants", "Были уничтожены пятеро бандитов": the attackers' dead
                metric, event = _ATTACKERS_DEAD, True
            elif f["kind"] == "count" and metric in _SECURITY_COUNTS and _SECURITY.search(
                    sentence, max(after_figure, s0 - 20), min(clause[1], e0 + _SECURITY_NEAR)) and (what := _direction(
                    sentence, clause, s0, e0, ("killed", "injured", "deaths"), _SECURITY_KILLED_NEAR)):
                # "16 members of the police or national guard had been killed", "about 1,300 security officers were
                # injured", "At least seven law enforcement officers have died", "Более 15 сотрудников полиции погибли":
                # the toll's security forces (read below)
                metric, event = _KIND_METRIC.get(what, "people (deaths)" if what == "deaths" else f"people ({what})"), True
            elif f["kind"] == "count" and metric in _BODIES:
                # the bodies found are an event's dead ("In total, 14 bodies have been found", "найдены тела 45 шахтёров");
                # those recovered so far, a count of the search of its own ("seven bodies have so far been recovered")
                metric = _BODIES_FOUND if _SO_FAR.search(sentence, *clause) else "people (deaths)"
                event = True
            elif f["kind"] == "area" and _FIRE_AREA.search(sentence, *clause):
                # the area a fire burned or covers ("fires consumed 60,000 hectares of land", "Пламя уничтожило 63,3 тыс.
                # га леса", "площадь пожара увеличилась до 60 тысяч гектаров"): an event's toll, as the dead are
                metric, event = _AREA_BURNED, True
            elif f["kind"] == "count" and metric in _BUILDING_COUNTS and (state := _damage_state(
                    sentence, max(clause[0], after_figure), min([clause[1], *(g["start"] for g in cands if g["start"] >= e0)]),
                    s0, e0) or _damage_listed(out, ln, sno)):
                # the buildings an event damaged, destroyed or flooded ("47 houses collapsed and 78 houses were
                # damaged", "Повреждения получили 30 многоквартирных домов, 381 квартира"): a toll of its own kind,
                # buildings apart from flats
                metric, event = f"{_BUILDING_COUNTS[metric]} ({state})", True
            elif f["kind"] == "count" and metric in _ANIMAL_COUNTS and _ANIMALS_DEAD_CUE.search(
                    sentence, max(clause[0], s0 - _ANIMALS_NEAR[0]), min(clause[1], e0 + _ANIMALS_NEAR[1])):
                # dead animals found or washed up ("More than 2,500 dead seals have washed up on the Caspian coast",
                # "обнаружены 112 туш тюленей"): an event's toll, of its month and place as people's are
                metric, event = _ANIMALS_DEAD, True
            elif metric == "people" and (what := _event_kind(sentence, clause, s0, e0)
                                         or _counted_kind(sentence, clause, s0)):
                # people killed, injured, detained, evacuated or who survived ("the clashes left ... more than 4,300
                # wounded": not people leaving)
                event = True
                metric = _KIND_METRIC.get(what, f"people ({what})")
            elif metric == "people" and f.get("listed") and (kind := _toll_just_before(out, ln, sno, a + s0)):
                # the next item of a list of places after a toll ("в Москве — 394 человека, в Санкт-Петербурге — 376"):
                # a toll of the same kind
                metric, event = kind, True
            elif metric == "people" and _direction(sentence, clause, s0, e0, ("migration_balance",), _BALANCE_NEAR):
                # "a net migration loss of 5,057 people with 12,344 leaving": the balance named right before the figure,
                # whatever way of a flow the clause names after it
                metric = "people (migration_balance)"
            elif (f["kind"] == "count" or metric == "people_growth") and metric and (
                    way := _direction(sentence, clause, s0, e0) or (
                        # a list's item: the way of the people its introduction counts ("Число иностранных граждан,
                        # въехавших в Республику Узбекистан ... по странам: / Россия – 364,5 тыс человек")
                        k in intros and metric == "people" and _direction(intros[k].intro, (0, len(intros[k].intro)), len(intros[k].intro),
                                                                           len(intros[k].intro)))):
                metric = f"{metric} ({way})"  # people arriving are not people leaving (nor their growth)
            elif f["kind"] == "count" and metric in _BORN_NOUNS and _direction(sentence, clause, s0, e0, ("births",)):
                metric = "people (births)"  # children born are a population's births ("родились лишь 288,8 тыс. детей")
            elif (metric == "people" and (what := _direction(sentence, clause, s0, e0, _PEOPLE_KINDS))) or (
                    f["kind"] == "count" and (metric == "people" or _ETHNIC_AFTER.match(sentence, e0))
                    and (ethnic := _ethnic_group(sentence, after_figure, s0, e0)) and (what := "population")):
                # (a count of an ethnic group is its population: "the number of ethnic Russians ... 2.96 million", "2,9
                # млн русских")
                metric = f"people ({what})"  # a population is not its growth, nor the births of a year
                if what == "population" and (ethnic := ethnic or _ethnic_group(sentence, after_figure, s0, e0)):
                    metric += f" ({ethnic})"  # "численность русских в Казахстане ... 2,96 млн человек": a group's
                if what in _GROUP_COUNTS and (_LOCALITY.search(sentence) or _SUBGROUP.search(sentence, 0, e0)
                                              or _AGE_RANGE.search(sentence)
                                              or _SUBGROUP.search(sentence, past := _past_breakdown(sentence, e0), min(
                                                  [clause[1], *(g["start"] for g in cands if g["start"] >= past),
                                                   *(m.start() for m in [_PARTS_NEXT.search(sentence, past)] if m)]))):
                    # "Almaty city ... with over 2,292,333 inhabitants", "women ...", "18.9 million (50.4%) are men", "В
                    # городах безработных стало 284 тыс.", "Среди молодежи ... количество безработных":
                    # not the whole (its breakdown in brackets after it, "20 478 879 человек (10 468 756 женщин,
                    # 10 010 123 мужчины)", and a group after the next figure, "38.2 million, of whom 18.9 million are
                    # men", are the parts': it is the whole)
                    metric += _PART_SUFFIX
            elif metric in _TRADE_WAYS and (goods := (_ELECTRICITY if f["kind"] == "energy" else "")
                                            or _commodity(sentence, clause[0], s0) or _goods_after(sentence, e0)
                                            or _goods_supplied_before(sentence, clause[0], s0, same_line)
                                            or (_WITH_CLAUSE.match(sentence, clause[0]) and _commodity(sentence, 0, clause[0]))):
                # (", with a 5% increase in exports to Russia" after "The export of Georgian wine remains dependent on the
                # Russian market": the goods the sentence is about)
                # gas imports are not all imports (kilowatt-hours traded are electricity, named or not)
                metric = f"{metric} ({goods})"
            elif metric == _STOCKS and (goods := _stock_goods(sentence, clause[0], s0, e0)):
                # grain stocks are not wheat stocks ("запасы зерновых ... около 6,1 млн тонн, из которых 5,1 млн тонн
                # приходилось на пшеницу": a quantity of its own, as "wheat reserves stood at 5.1 million tonnes"), nor oil
                # reserves
                metric = f"{metric} ({goods})"
            elif metric in _PRODUCTIONS and (goods := _produced_goods(sentence, s0, e0, sents, parties)):
                # a country's uranium output is not its coal output; tonnes of oil or grain keep their own metric
                metric = (_GOODS_METRIC.get(goods) if metric == _PRODUCTION else None) or f"{metric} ({goods})"
            if metric == _GRAIN and (crop := _crop(sentence, clause[0], s0, e0)):
                metric = f"{metric} ({crop})"  # the wheat harvest is not the grain harvest
            via = ""
            if metric.split(" (")[0] in _VIA_METRICS and (route := _route(sentence, clause, rules, named=True) or (
                    _in_clause(in_clause, "route_before", (0, len(sentence)), route_before) if route_before and not
                    _in_clause(in_clause, "route", (0, len(sentence)), functools.partial(
                        _route, sentence, (0, len(sentence)), rules)) else "")):
                # oil exported through the CPC is a part of all oil exported (a part of a total stays marked last)
                part = _PART_SUFFIX if metric.endswith(_PART_SUFFIX) else ""
                metric, via = f"{metric.removesuffix(_PART_SUFFIX)} (via {route}){part}", route
            if metric == "housing" and any(not _EVERY_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
                                           for m in _LOCALITY.finditer(sentence, clause[0], s0)):
                # "В разрезе регионов после Астаны (введено 4,4 млн кв. м жилья)": a city's share ("across all regions"
                # is the whole)
                metric += _PART_SUFFIX
            if metric.startswith("investment") and _FIXED_CAPITAL.search(sentence, *clause):
                metric = f"{metric} (fixed capital)"  # a country's capital investment is not the investment from abroad
            if metric.split(" (")[0] in _TRADE_WAYS and (_REGIONAL.search(sentence, *clause) or _region_trades(
                    sentence, clause[0], s0)):
                metric = f"{metric} (regions)"  # trade of the border regions is a part of the countries' trade
            elif (metric.split(" (")[0] in _PRODUCTIONS or metric.startswith(_GRAIN)) and _SUBNATIONAL.search(
                    sentence, clause[0], s0):
                metric = f"{metric} (regions)"  # "Russia's main coal-producing region, Kemerovo Oblast, ... 198.4 million
                # tonnes": a region's output or harvest, not its country's
            way = _trade_way(sentence, clause, s0, [g["start"] for g in cands if g["kind"] == f["kind"]], e0) \
                if metric.split(" (")[0] in _GOODS_VOLUMES else ""
            if metric == "freight_growth" and _trade_way(sentence, clause, s0, [], e0) == "transit":
                metric += " (transit)"  # "transit shipments surged by 19%": not the growth of all freight
            elif metric == "freight_growth" and (goods := _commodity(sentence, max([clause[0], s0 - 60, *(
                    g["end"] for g in cands if g["end"] <= s0)]), s0)):
                metric += f" ({goods})"  # "..., oil cargo by 5% (4.5 million tons)": one cargo's growth, not all freight's
            if metric == "car_sales_growth" and len(_places_in(sentence[clause[0]:s0], rules)[0]) > 1:
                metric += _PART_SUFFIX  # "продажи китайских автомобилей в России взлетели на 75%": one make's sales
            elif metric in ("car_sales_growth", "cars") and (make := _car_make(sentence, clause[0], s0, rules)):
                metric += f" ({make})"  # "Продажи новых автомобилей Lada ... сократились на 24,4%": Lada's, not the market's
            if metric == "people" and _PASSENGER_WORD.search(sentence, clause[0], s0):
                metric = "passengers"  # "увеличили перевозки пассажиров на 5,85%, до 111,6 млн человек"
            if metric in ("passengers", "passengers_growth"):
                # passengers of one kind of route, or carried by one operator, are a part, not all airlines' ("На
                # внутренних линиях было перевезено 42 млн пассажиров", "Группа «Аэрофлот» ... перевезла 55,3 млн
                # пассажиров", "Aeroflot Group carried 55.3 million passengers")
                if route := _passenger_route(sentence, clause, s0, e0):
                    metric += f" ({route})"
                if _CARRIED.search(sentence, *clause) and (operator := _operator(sentence, clause[0], s0)):
                    metric += f" ({operator})"
            if metric.startswith("cars") and _MADE.search(sentence, *clause):
                metric = metric.replace("cars", "cars (produced)", 1)  # "АвтоВАЗ выпустил 400 тысяч автомобилей": not sold
            if metric.split(" (")[0].endswith("_growth") and _AVERAGE.search(sentence, max(clause[0], s0 - 100), s0):
                metric = f"{metric} (average)"  # "средний ежегодный экономический рост более 6,1%": over years, no year's
            if metric.split(" (")[0].endswith("_growth") and (_QUARTER_RATE.search(sentence, max(clause[0], s0 - 200), s0)
                                                              or _QUARTER_RATE.match(sentence, e0 + 1)):
                # "рост экономики квартал к кварталу ... на 0,4%", "0.6% quarter-on-quarter": not on a year before
                metric = f"{metric} (quarter on quarter)"
            if metric.startswith("gdp") and _DEFLATOR.search(sentence, *clause):
                metric = "gdp_deflator"  # "The GDP deflator index stood at 113.3%": prices, not the economy's growth
            if metric.startswith("gdp") and _per_capita(sentence, s0, e0, rules):
                metric += " (per capita)"  # "ВВП на душу населения в России составил $14,79 тысячи"
            since = max([s0 - 100, *(g["end"] for g in cands if g["end"] <= s0)])  # (the figure before, if near)
            said_before = out[-1]["metric"] if out and (out[-1]["line_no"], out[-1]["sent_no"]) == (ln, sno) else ""
            after_inflation = said_before.startswith("inflation")
            if not metric and f["kind"] == "percent" and (_prices_moved(sentence, clause, s0) or (
                    said_before in ("inflation", "inflation (monthly)")  # (after a group's, another group's: "на одежду – на 6,2%")
                    and (_YEAR_RATE.search(sentence, clause[0], s0) or _MONTH_RATE.search(sentence, clause[0], s0)))):
                # "В сентябре цены выросли на 1,1% за месяц, а в годовом выражении – на 12,9%": prices, not the prices of
                # some goods, over a month and over a year
                metric = "inflation"
            elif not metric and f["kind"] == "percent" and (group := _group_prices(sentence, clause, since, s0,
                                                                                    after_inflation)):
                # "цены на продукты питания ... выросли на 9,2%", "платные услуги – на 1,2%": a group's prices
                metric = f"inflation ({group})" + (" (monthly)" if _monthly(sentence, clause, s0, e0) else "")
            if metric in ("wage", "median_wage") and (_SUBGROUP.search(sentence, 0, s0) or _AGE_GROUP.search(sentence, 0, s0)):
                metric += _PART_SUFFIX  # "среди молодежи до 24 лет — их зарплата ... составила в среднем 68,4 тыс. руб.": a group's
            if metric in _RATES and f["kind"] == "percent":
                if metric == "unemployment" and _SUBGROUP.search(sentence, *clause):
                    metric += _PART_SUFFIX  # "среди женщин составил 2,4%, а среди мужчин — 2,2%", "у сельских жителей —
                    # 3,8%": a group's rate, not the country's
                elif metric == "inflation" and (group := _inflation_group(sentence, since, s0)) is not None:
                    # "продовольственные товары ... за год выросли в цене на 5,1%", "food inflation reached 12.4%": a
                    # group's prices, compared with the same group's (goods of no named group: a part of the index)
                    metric += (f" ({group})" + (" (monthly)" if _monthly(sentence, clause, s0, e0) else "")
                               if group else _PART_SUFFIX)
                elif metric == "inflation" and _monthly(sentence, clause, s0, e0):
                    metric += " (monthly)"  # "0,4% в месячной и 8,3% в годовой динамике": not the annual rate
                elif _RATE_BY.search(sentence, max(clause[0], s0 - 90), s0):
                    metric += _CHANGE_SUFFIX  # "годовая инфляция увеличилась на 0,2% и составила 8,5%": the rate moved by it
            if metric.startswith("gdp_growth") and not metric.endswith(_PART_SUFFIX) and f["kind"] == "percent" \
                    and _group_before(sentence, since, s0, _SECTOR, _GDP_WORD):
                metric += _PART_SUFFIX  # "Key sectors contributing to this growth included construction (8.8%)": a sector's
            if metric.split(" (")[0] in _EXTRACTED and f["kind"] != "percent":
                if _QUOTA_BEFORE.search(sentence, max(clause[0], s0 - 30), s0):
                    metric += " (quota)"  # "its OPEC+ quota of 1.468 million bpd": the ceiling, not what was produced
                elif _FIELD.search(sentence, max(clause[0], s0 - 80), s0):
                    metric += _PART_SUFFIX  # "Tengiz, the Chevron-led mega-field, where output surged to 953,000 bpd": one field's
            if metric and _VS_PLAN.match(sentence, e0):
                metric = ""  # "1.9 million tons, or 2% less than forecasted": a shortfall against a plan, not a level or growth
            if metric.startswith("export_growth") and _trade_way(sentence, clause, s0, [], e0) == "domestic":
                metric = ""  # "поставки на внутренний рынок возросли на 12,2%": supplies at home, not exports
            if (head := metric.split(" (")[0]) in _FLOW_WHOLE and _both_ways(sentence, clause[0], s0) \
                    and not _RESPECTIVELY.search(sentence, *clause):  # ("exports and imports growing by 23.8% and 24.0%, respectively")
                metric = _FLOW_WHOLE[head] + metric[len(head):]  # "the total value of imports and exports ... amounted to"
            if f["kind"] == "percent" and metric.split(" (")[0].endswith("_growth") and (
                    terms := _currency_terms(sentence, clause, rules)):
                metric += f" (in {terms})"  # "yuan-denominated trade grew 2.9%": not the growth in dollars
            if metric and f["kind"] not in ("percent", "multiple") and (
                    _is_change(sentence, s0, e0, clause, f["start"]) or (
                        _CHANGE_WAS.search(sentence, max(clause[0], s0 - _CHANGE_WINDOW), s0)
                        and not metric.startswith(_PEOPLE_CHANGES))):
                metric = f"{metric} (change)"  # "grew by $2 billion", "на $5,4 млрд больше", "Рост составил 185 тысяч
                # человек": not the level (a population's growth is a change already: "The absolute increase for the
                # year was 693.5 thousand people")
            if metric and f["kind"] != "percent" and not metric.endswith(_PART_SUFFIX) \
                    and _PERCENT_OPEN.search(sentence, max(0, s0 - 20), s0) and (shut := _SHUT.match(sentence, e0)) \
                    and (share_amounts or _SHARE_OF.match(sentence, shut.end())):
                # "14.7% ($499mn) of Armenia's exports consisted of telecommunications devices, 11.1% ($378mn) were
                # passenger cars": the amount of a share (and of the next shares of the list), not the whole's
                metric += _PART_SUFFIX
                if out and out[-1]["kind"] == "percent" and out[-1]["end"] < a + s0:
                    share_amounts = share_amounts or _WAY_SUFFIX.sub("", out[-1]["metric"]).removesuffix(_PART_SUFFIX)
            elif f["kind"] == "percent" and share_amounts and _ASIDE_AFTER.match(sentence, e0):
                metric = share_amounts + _PART_SUFFIX  # "..., 11.1% ($378mn) were passenger cars": the list's next share
            if metric.endswith("_growth") and f["kind"] == "percent" and _CONTRIBUTION.search(sentence, *clause):
                metric += _PART_SUFFIX  # "industry ... its contribution to GDP growth is 1.5 percentage points": a sector's share of it
            elif metric and last_level and last_level[1] == f["unit"] and _VIA_NAMED.sub("", last_level[2]) == _VIA_NAMED.sub(
                    "", metric) and ((part := _PART.search(sentence, last_level[0], s0))
                                     and not any(part.end() <= d[0] < s0 for d in period_rows)
                                     or _OF_WHICH_AFTER.match(sentence, e0)):
                # "3.376 million tons, including 1.057 million tons to Baku", "with 1.057 million tons designated for the
                # Baku-Tbilisi-Ceyhan route", "6.1 million tons, five million tons of which are held by the state": not
                # the whole (a part may go by a route the whole does not name); a figure of a period named after "with"
                # is another period's whole ("reaching $3.77 billion, with total trade for 2023 surpassing $4 billion")
                metric = metric + _PART_SUFFIX
            elif metric and f["kind"] != "percent" and not metric.endswith(_PART_SUFFIX) and _PARTS_LEAD.match(sentence) \
                    and not voters:  # ("Имели право голосовать 12 284 487 граждан. Из них проголосовали 7 820 204": all voters)
                metric = metric + _PART_SUFFIX  # "... 97,9 млн кв. м жилья. Из них 39,3 млн ... а 58,6 млн": parts of it
            elif metric and f["kind"] != "percent":
                last_level = (e0, f["unit"], metric)
                if f["kind"] in _AMOUNT_KINDS and not metric.endswith((_PART_SUFFIX, _CHANGE_SUFFIX)):
                    measured[f["kind"]] = (k, ln, metric, quantity[1])
                if f["kind"] in _MEASURE_KINDS and metric.split(" (")[0] in _TRADED_VOLUMES and " (regions)" not in metric:
                    goods_seen.setdefault(f["kind"], set()).add(_WAY_ANYWHERE.sub("", metric))
            if metric and (_FROM_BEFORE.search(sentence, max(0, s0 - _BASE_WINDOW), s0) or _THAN_BEFORE.search(
                    sentence, max(0, s0 - _BASE_WINDOW), s0)) and (measure := _measured_as(out, sentence_of, k, f, metric)):
                # "exported 70.5 Mt of oil in 2023, compared with 64.3 Mt in 2022": the base is what the figure it
                # is compared with measured (2022's exports, not 2022's oil of any way)
                metric = measure
                quantity = (f["unit"], metric)
            base_when = _BASE_WHEN.search(sentence, 0, s0)  # "..., когда страну посетили 78 515 человек": the base's
            # (nor is a base with no date of its own of the period the figure it is compared with takes from before)
            if not period and metric and len(prior := carried.get(quantity, ())) == 1 and not base_when and not elsewhere \
                    and compared < 0:
                period, period_surface = next(iter(prior))
            if not period and anaphoric and (level := _level_grown(metric)) and before[0] == k - 1 and not base_when \
                    and not elsewhere and compared < 0 and len(grown := {p for (_, m), v in before[2].items()
                                                                         if m == level for p in v}) == 1:
                # "... за первые 10 месяцев 2024 года Казахстан посетили более 122 тысяч туристов из Китая. Это на 64%
                # больше, чем за аналогичный период прошлого года": the growth of the figure just before, of its period
                period, period_surface = next(iter(grown))
            if not period and context and q != "target" and not base_when and not elsewhere and compared < 0 and not (
                    _is_vote(metric) and _published_day(context[1], same_line[-2:])):
                period, period_surface = context
            if period and period_surface not in sentence:
                period, period_surface = _year_before(sentence, period, period_surface)
            if period and _SINCE.match(period_surface) and (at := sentence.find(period_surface)) >= 0 \
                    and _RECORD_SINCE.search(sentence, max(0, at - 40), at):
                period = period_surface = ""  # "the first increase since 2023", "впервые с 2023 года": a record's
                # reference, not the figure's period
            if _YEAR_ONLY.match(period) and _first_months_before(sentence, clause[0], s0) \
                    and not clause[0] <= sentence.find(period_surface) < clause[1]:
                # "В прошлом году ..., а его общий объем за первые месяцы вырос до 2,4 трлн рублей": some months of the
                # year another clause names, not the year
                period = f"{period}-XX"
            if _FOUR_DIGITS.fullmatch(period) and (_SAME_PERIOD.match(sentence, e0) or (
                    (published or "")[:4] <= period and any(m.group(1) == period for m in _SINCE_START.finditer(sentence)))):
                # "(в 2022 году — 59,5 млрд за тот же период)", "С начала 2024 года население увеличилось на 163,5 тыс"
                # (said in 2024, or undated): some months of that year, not the year
                period = f"{period}-XX"
            elif (_REPORT_DAY.fullmatch(period) or _FOUR_DIGITS.fullmatch(period)) and _SINCE.match(period_surface) \
                    and not after and not _TO_END.search(period_surface):
                # ("по сравнению с 2021 годом" is a base, not "since 2021"; "с января по декабрь 2023 года" is 2023)
                # "about 98 thousand Russians have entered since September 21": from that day (month, year) to when it was said
                upto = (published or "")[:len(period)]
                if upto == period and _FOUR_DIGITS.fullmatch(period):
                    period = f"{period}-XX"  # "с начала года" said in that year: some months of it, as "с начала 2024 года"
                else:
                    period = f"{period}/{upto if upto > period else 'XXXX-XX-XX'[:len(period)]}"
            # a base ("compared to 2023 ($89.4 billion)", "from $52.5 billion a year earlier") is of another period
            from_before = _FROM_BEFORE.search(sentence, max(0, s0 - _BASE_WINDOW), s0) or _BASE_BRACKET.search(
                sentence, max(clause[0], s0 - _BASE_BRACKET_REACH), s0)
            based = len(out) in from_base or base_when or from_before
            if q == "target" and from_before and hedged != "target" and _FOUR_DIGITS.match(period) and (
                    not published or period[:4] < published[:4]):
                q = hedged  # the level a plan starts from, of a year gone by, was measured: "plans to increase production
                # this year to 96.2 million tonnes, from 87.56 million tonnes in 2024"
            if period and metric and ("X" not in period or (not published and _year_unknown_only(period))) \
                    and q != "target" and not based:
                # (a goal's year is no fact's; an undated article's "last year" goes on as a year; a base's period
                # is not the one the sentence is about, so it lends none)
                these.setdefault(quantity, set()).add((period, period_surface))
            if _FOUR_DIGITS.fullmatch(period):
                last_year = period
            if f["kind"] in _AMOUNT_KINDS:
                last_amount = (e0, metric)
            speaker, basis = _speaker_at(line_base[ln] + a + f["start"], (line_base[ln] + a, line_base[ln] + b), sp)
            where.append((k, clause))
            sentence_of.append(k)
            if base_when or from_before:
                measured_from.add(len(out))  # "from $52.5 billion a year earlier": a base, of another period
            if f["kind"] == "percent" and _FOUR_DIGITS.fullmatch(period) and metric.split(" (")[0].endswith("_growth") \
                    and (since := _base_year_after(sentence, bases, e0, clause) or _from_year_before(sentence, clause, s0)) \
                    and int(period) - int(since) >= 2:
                metric = f"{metric} (since {since})"  # "soared 64.2% compared with 2021" (of 2023): growth over two years
            if f["kind"] == "percent" and metric.split(" (")[0].endswith("_growth") and 100 < value < 300 and (
                    _INDEX_WORD.search(sentence, clause[0], s0) or _LEVEL_AGAINST.match(sentence, e0)
                    # (an economy does not double in a year: "The growth rate of GDP in 2025 was 107.7%", "in 2024,
                    # this indicator was at the level of 106.7%")
                    or (metric.split(" (")[0] == "gdp_growth" and value < 200 and not _GROWTH_BY.search(
                        sentence, max(clause[0], s0 - 20), s0))):
                # "The GDP volume index ... now standing at 108.3%", "ВВП составил 105,1% к уровню 2022 года": the level
                # against the year before, so a growth of 8.3% and 5.1%
                value, low, high = (round(x - 100, 9) for x in (value, low, high))
            if metric and f["kind"] not in _NOT_CONVERTED and out and out[-1]["kind"] == f["kind"] \
                    and out[-1]["unit"] != f["unit"] and out[-1]["line_no"] == ln and a <= out[-1]["end"] <= a + s0 \
                    and _CONVERSION_OPEN.fullmatch(sentence, out[-1]["end"] - a, s0) and _SHUT.match(sentence, e0):
                # "60,000 hectares (148,263 acres)", "600 square kilometres (148,000 acres)": the measure before in another
                # unit, exactly converted, rounded its own way: no claim of its own
                metric, event = "", False
            if metric and f["kind"] == "money" and out and out[-1]["kind"] == "money" and out[-1]["unit"] != f["unit"] \
                    and out[-1]["line_no"] == ln and a <= out[-1]["end"] <= a + s0 \
                    and _CONVERSION_OPEN.fullmatch(sentence, out[-1]["end"] - a, s0) and _SHUT.match(sentence, e0):
                metric += _CONVERTED  # "1.75 trillion yuan ($237 billion)": the amount before at some rate, no claim in dollars
            if spanned and published and metric in _TRADE_AMOUNTS and _REACHED.search(sentence, max(0, s0 - 25), s0):
                # a year's trade reached at the end of the years up to the report: the last whole year ("За последние
                # четыре года объём взаимной торговли ... достиг 66,2 миллиарда долларов" in August 2025: 2024's)
                period = str(int(published[:4]) - 1)
            if metric.split(" (")[0] == "debt" and (whose := _debt_kind(sentence, clause, s0, e0)):
                metric = f"debt ({whose}){metric[4:]}"  # a country's external debt is not its state's debt
            if metric and (per := f.get("per")):
                metric = f"{metric} (per {per})"  # "ежемесячных поставках 100 тысяч тонн нефти": a month's, not a total
            out.append({
                "doc_id": doc_id, "line_no": ln, "sent_no": sno, "start": a + s0, "end": a + e0,
                "surface": sentence[s0:e0], "value": value, "unit": f["unit"], "kind": f["kind"],
                "qualifier": q, "low": low, "high": high, "metric": metric, "noun": f["noun"],
                "period": period, "period_surface": period_surface, "speaker": speaker,
                "speaker_basis": basis, "sentence": intros[k].whole if k in intros else sentence,
                **_base(value, f["unit"], rules), **_item_parties(k, sents, parties, s0, cands),
            })
            if quake:
                # an earthquake's magnitude and depth: of the event's month (as its tolls are), of no country (outlets
                # name its epicentre, the region or the cities that felt it, each their own way)
                tolls.add(len(out) - 1)
                out[-1].update(parties="", parties_basis="")
            if not event and f["kind"] == "count" and metric in _TOWN_PEOPLE and (
                    town := _toll_town(sentence, clause[0], next((m.start() for m in _TOLL_BREAK.finditer(
                        sentence, e0, clause[1])), clause[1]), rules, e0) or _town_where(sentence, clause[0], s0, rules)):
                # people counted in a city or region of a country (migrants working on a patent "в Московской области",
                # "Москва, где трудились ... 631 тысячи иностранцев"): that place's, not the country's (said below, after
                # the passes that read a list of places as parts of a whole)
                in_town[len(out) - 1] = town
            elif metric == _TURNOUT and f["kind"] == "percent" and (town := _toll_town(sentence, clause[0], s0, rules, s0)):
                # a city's turnout ("In Moscow, 66% of eligible voters cast their ballots"): that city's, not the country's
                in_town[len(out) - 1] = town
            if not event and metric in _PEOPLE_TOLLS and _EVENT_NOUN.search(sentence):
                # a toll whose kind came from farther than the toll's own cues ("The death toll from the terror attack at
                # a concert hall on Friday (March 22) night in Russia has risen to 133"): an event's toll all the same
                event = True
            if event:
                tolls.add(len(out) - 1)
                town: str | None = None
                upto = min([clause[1], *(g["start"] for g in cands if g["start"] >= e0)])
                lo, hi = max(after_figure, s0 - _TOLL_NEAR), min(upto, e0 + _TOLL_NEAR)
                # (the figure's stretch between punctuation: "Погибло 225 человек, часть погибших - бандиты" is all)
                lo = max([lo, *(m.end() for m in _TOLL_BREAK.finditer(sentence, lo, s0) if m.group() in ",;:")])
                # (past "из них –" after the figure: "3393 из них – сотрудники силовых ведомств")
                past = m.end() if (m := _PART_AFTER.match(sentence, e0, hi)) else e0
                hi = next((m.start() for m in _TOLL_BREAK.finditer(sentence, past, hi)), hi)
                # (the group words that make it the security forces' or a part are read past the noun of the figure
                # before: "At least seven law enforcement officers have died and more than two dozen have been injured")
                own = max([lo, *(g["phrase_end"] for g in cands if g["end"] <= s0 and 0 < (g.get("phrase_end") or 0) <= s0)])
                if metric == _ATTACKERS_DEAD or _CHILDREN_SUFFIX in metric:
                    pass  # (the attackers' dead and the children are theirs, whatever group words are beside them)
                elif _TOLL_MORE.search(sentence, max(0, s0 - _TOLL_MORE_NEAR), s0) and _TOLL_RAISED.search(sentence, e0):
                    # the dead added to a toll, which the sentence then gives ("reported an additional 13 deaths ...,
                    # adding to an earlier toll of 46", "сообщили еще о 13 жертвах, что довело общее число погибших ...
                    # до 59"): a change of the toll, not the toll
                    out[-1]["metric"] += _CHANGE_SUFFIX
                elif _security_dead(sentence, own, min(hi, e0 + _SECURITY_NEAR), s0):
                    # the police's and the army's dead, however the outlet words it ("19 police officers or servicemen
                    # were among the dead", "из них 19 были военнослужащими"): one quantity of their own, not a part
                    out[-1]["metric"] = out[-1]["metric"].removesuffix(_PART_SUFFIX) + " (security forces)"
                elif metric.endswith(_PART_SUFFIX):
                    pass
                elif metric == _ON_BOARD and _CITIZENS.match(sentence, e0, min(clause[1], e0 + _SIDE_AFTER)):
                    # the citizens of one country among those on board ("на борту находились 37 граждан Азербайджана, 6
                    # граждан Казахстана", "23 of the 37 Azerbaijani citizens onboard died"): a part of all on board
                    out[-1]["metric"] += _PART_SUFFIX
                elif not _TOLL_DOUBT.search(sentence, 0, hi) and (
                        _toll_group(sentence, own, hi, s0, e0, *_toll_beside(out, ln, sno, a + s0, metric))
                        or _in_hospital(sentence, lo, s0, e0, cands) or (
                        metric not in (_EVACUATED, _ANIMALS_DEAD, _AREA_BURNED) and (
                        (town := _toll_town(sentence, lo, e0 if _PLACE_DASH.search(
                            sentence, max(lo, s0 - _PLACE_ITEM_NEAR), s0) else hi, rules, e0)) is not None
                        or _part_locality(sentence, lo, hi)))):
                    # a part of an event's toll: its dead in a city, among the police, of one side ("A total of 103
                    # deaths were in Almaty", "Из сотрудников служб правопорядка погибло 19 человек"); not the places
                    # evacuees were taken from, where the event happened ("Из приграничных сел Баткенской области
                    # эвакуированы 18 тысяч 525 человек": all of them). The part of a town the toll names is a quantity
                    # of its own, compared with the same town's ("509 people were detained in Moscow": people (detained)
                    # (in Moscow)); a part of a city not named, of a group or in hospital is no claim. After a place and
                    # a dash, the town is that place ("in Moscow – 502 and in St Petersburg – 524": 502 are Moscow's)
                    out[-1]["metric"] += f" (in {town})" if town else _PART_SUFFIX  # (a town the table does not name: a part)
                elif (town := _record_town(sents, k, rules)) is not None:
                    # a field of a record under its town's name ("Москва / Сколько участников: сотни человек /
                    # Задержанные: более 300 человек"): that town's (a name the table does not know: a part)
                    out[-1]["metric"] += f" (in {town})" if town else _PART_SUFFIX
                elif _TOLL_BEFORE.search(sentence, lo, hi) or _FIRST_REPORTED.search(sentence, lo, hi):
                    # an earlier count the article quotes beside the one it reports ("The last official count
                    # recorded 164 deaths"): no claim of its own
                    out[-1]["metric"] += _EARLIER_SUFFIX
            if out[-1]["parties_basis"] in ("sentence+article", "article") and (sides := out[-1]["parties"].split("–")) \
                    and any(p in rules.routes for p in sides) and metric.split(" (")[0] not in _VIA_METRICS \
                    and not metric.startswith(("freight", "capacity")) and not _CARRIED.search(metric):
                # a corridor the article names lends itself to what it carries only ("Kazakhstan's airlines ... 12
                # million passengers" in an article that names the Middle Corridor once: Kazakhstan's)
                kept = [p for p in sides if p not in rules.routes]
                out[-1].update(parties=_pair(kept), parties_basis=out[-1]["parties_basis"] if kept else "")
            if via and not out[-1]["parties"] and (between := _route_parties().get(via)):
                out[-1].update(parties=between, parties_basis="route")  # the CPC's oil: Kazakhstan–Russia
            if (metric.startswith(_PRODUCTION) or metric.startswith(_OWN_PLACE) or (
                    metric.startswith(_GRAIN) and not way and not _WAY_SUFFIX.search(metric)
                    and _HARVEST.search(sentence, *clause)) or (
                    metric.split(" (")[0] in _EXTRACTED and not way and not via and not _WAY_SUFFIX.search(metric)
                    and _OUTPUT.search(sentence, *clause))) and not event:
                # a country's output, harvest, population, migration balance or housing built has no partner:
                # its own place
                out[-1].update(_producer(k, sents, parties, s0, rules, e0))
                if metric.startswith(_VOTE_SHARE_METRIC) and (home := _candidate_country(metric, rules)):
                    out[-1].update(parties=home, parties_basis="candidate")  # Tokayev's share: Kazakhstan's vote
            elif event and len(sides := out[-1]["parties"].split("–")) == 2 and out[-1]["parties_basis"] in (
                    "sentence+article", "article", "previous_sentence") and (
                    place := _toll_place(sentence, sides, _doc_pair_cached(sents, parties, rules), out[:-1], rules)):
                # a toll of an event is of the place it happened, no pair's ("At least 164 people were killed" in an
                # article on Russia's troops in Kazakhstan: Kazakhstan's, not Kazakhstan–Russia's)
                out[-1].update(parties=place, parties_basis=out[-1]["parties_basis"].replace("sentence+article", "sentence"))
            elif event and len(sides := out[-1]["parties"].split("–")) == 2 and out[-1]["parties_basis"] == "sentence" \
                    and (place := _toll_side(sentence, e0, sides, rules)):
                # a toll of a clash between two countries is one side's: its citizens' ("Twenty-four citizens of
                # Kyrgyzstan were killed", "63 кыргызстанца погибли"), else the side that fought the other ("35 killed in
                # border clashes with Kyrgyzstan": Tajikistan's); both sides' together keep the pair
                out[-1].update(parties=place)
            elif "world" in (sides := out[-1]["parties"].split("–")) and len(sides) == 2 and _BILATERAL.search(
                    sentence, *clause) and not _places_in(sentence[clause[0]:clause[1]], rules)[1] and len(
                    pair := _doc_pair_cached(sents, parties, rules)) == 2 and (set(sides) - {"world"}) <= set(pair):
                # "... 60% of the Belarusian foreign trade, and trade turnover between the countries increased by more
                # than 5% to $46.5 billion": the world cue is another clause's; this one's trade is the article's pair
                out[-1].update(parties=_pair(pair), parties_basis="sentence+article")
            elif out[-1]["parties_basis"] == "sentence+article" and metric.split(" (")[0] in _REMITTED and len(
                    lone := _places_in(sentence, rules)[0]) == 1 and lone[0] in out[-1]["parties"].split("–") and all(
                    _place_way(sentence, pos) != "from" for pos, _name in rules.places.finditer(sentence)):
                # remittances to the one place their sentence names, no sender named ("в Таджикистане объем денежных
                # переводов в 2024 году составил 5,8 млрд"): all it received, not the article's other place's part (a
                # place they come from, "доля переводов из РФ", is their sender: the pair stays)
                out[-1].update(parties=_pair([lone[0], "world"]), parties_basis="sentence")
            elif out[-1]["parties_basis"] == "sentence+article" and _PEOPLE_WAY.match(metric) and len(
                    lone := _places_in(sentence, rules)[0]) == 1 and lone[0] in out[-1]["parties"].split("–") \
                    and not _nationals_only(sentence, lone[0], rules):
                # people arriving in or leaving the one place their sentence names ("В первом квартале 2022 года в
                # Казахстан прибыло 4,1 тыс. человек") are all who came or went: the article's other main place is not
                # lent (a count from or to a place the sentence names keeps the pair); a place named only as the people's
                # nationality ("Лидером по числу въездов стали граждане Узбекистана") is where they came from, not all
                out[-1].update(parties=lone[0], parties_basis="sentence")
            if out[-1]["parties"] in rules.members and metric.split(" (")[0] in _TRADE_WAYS \
                    and _EXTERNAL_TRADE.search(sentence, clause[0], s0):
                # a bloc's trade with third countries is its trade with the world, not its members' mutual trade ("Mutual
                # trade between the EAEU member states reached $89 billion, while trade turnover with third countries grew
                # to $923 billion": the second is Eurasian Economic Union–world)
                out[-1]["parties"] = f"{out[-1]['parties']}–world"
            if k in intros and out[-1]["parties"] and not _TWO_SIDES.search(out[-1]["parties"]) \
                    and metric.split(" (")[0] in _PARTNERED:
                head = _places_in(intros[k].intro, rules)[0]
                if len(head) == 2:  # a region the list breaks down by its members is no partner ("В разрезе стран
                    # Центральной Азии показатели внешней торговли Узбекистана составили: / - с Кыргызстаном товарооборот
                    # - $1,3 млрд": Kyrgyzstan–Uzbekistan)
                    head = [h for h in head if out[-1]["parties"] not in rules.members.get(h, ())]
                if len(head) == 1 and head[0] != out[-1]["parties"] and head[0] != "world":
                    # the one place a list's introduction names is every item's partner ("Куда чаще всего узбекистанцы
                    # переезжали на ПМЖ: / • Россия – 2 670": Russia–Uzbekistan; "China's top trade partners in 2024: /
                    # Kazakhstan: $43.8 billion")
                    out[-1]["parties"], out[-1]["parties_basis"] = _pair([out[-1]["parties"], head[0]]), \
                        "list_item+introduction"
                elif not head and (other := _whole_partner(out, out[-1]["parties"], rules.members)):
                    # an introduction that names no place breaks down the last whole of a region the item's place is in
                    # ("China's trade with Central Asian nations reached $94.8 billion ... The remaining trade volume is
                    # distributed among: / - Kyrgyzstan: $22.7 billion": China–Kyrgyzstan, not Kyrgyzstan's own trade)
                    out[-1]["parties"], out[-1]["parties_basis"] = _pair([out[-1]["parties"], other]), "list_item+whole"
            if _PEOPLE_WAY.match(out[-1]["metric"]) and len(pair := out[-1]["parties"].split("–")) == 2 \
                    and "world" not in pair and (dest := _people_destination(sentence, clause, pair, rules) or (
                        _arrivals_from(sentence, e0, pair, rules) if out[-1]["metric"].startswith("people (in)")
                        else "") or (k in intros and _people_destination(intros[k].intro, (0, len(intros[k].intro)), pair, rules))):
                out[-1]["metric"] += f" (to {dest})"  # "уехали в РФ" and "выбывших из России в КР" are two flows
            elif out[-1]["metric"] == "trips" and len(pair := out[-1]["parties"].split("–")) == 2 \
                    and "world" not in pair and (dest := _people_destination(sentence, clause, pair, rules)) \
                    and _went_to(sentence, clause, dest, rules):
                out[-1]["metric"] += f" (to {dest})"  # trips to Uzbekistan and to Russia are two flows ("Russian
                # tourists have made 515,000 trips to Uzbekistan", "поездок узбекистанцев в Россию превысило 3,1 млн"),
                # where the trips went named as such
            elif out[-1]["metric"] == "trips" and len(pair := out[-1]["parties"].split("–")) == 2 and "world" in pair \
                    and (way := _trips_way(sentence, clause, next(p for p in pair if p != "world"), rules)):
                out[-1]["metric"] += f" ({way})"  # a country's trips abroad are not the world's trips into it ("жители
                # России совершили 24 миллиона поездок за рубеж", "зарубежные граждане совершили 15,6 млн поездок в РФ")
            if way in ("exports", "imports") and len(sides := out[-1]["parties"].split("–")) == 2 and "world" in sides \
                    and not metric.startswith(_FREIGHT):
                # goods sent to or bought from the world ("экспортировала 47 млн тонн пшеницы на мировой рынок") are all
                # a country's exports or imports of them, as with no partner named ("РФ экспортировала 47 млн тонн")
                out[-1]["parties"] = next(p for p in sides if p != "world")
            if way == "transit" and not metric.startswith(_FREIGHT) and (
                    through := _THROUGH_PLACE.search(sentence, clause[0], clause[1])) and len(
                    sender := _places_in(sentence[clause[0]:through.start()], rules)[0]) == 1 and len(
                    receiver := [p for p in _places_in(sentence[through.end():clause[1]], rules)[0] if p != sender[0]]) == 1:
                # goods carried through a country go between the one place before it and the one after ("Transit of
                # Russian gas through the territory of Kazakhstan to Uzbekistan": Russia–Uzbekistan), not between it and
                # the sender
                out[-1].update(parties=_pair([*sender, *receiver]), parties_basis="sentence")
            if way and ("–" not in out[-1]["parties"] or metric.startswith(_FREIGHT) or way == "transit"):
                # a country's grain exported is not its grain harvested (a way carried from the tonnes before gives way);
                # freight between two places is counted both ways: the freight exported is a part of it; goods in
                # transit are not the transit country's trade with the sender (5.6 bcm of Russian gas through Kazakhstan)
                out[-1]["metric"] = f"{_WAY_ANYWHERE.sub('', metric)} ({way})"
                if measured.get(f["kind"], ())[:3] == (k, ln, metric):
                    measured[f["kind"]] = (k, ln, out[-1]["metric"], quantity[1])  # the tonnes after it carry it
            if not period and metric and q not in ("target", "range") and not base_when and not elsewhere \
                    and compared < 0 and not (from_before and not _YEAR_BEFORE_AFTER.match(sentence, e0)) \
                    and not (event and published) and (
                    len(prior := across.get(quantity, ())) == 1 and _within(before[3].get(quantity), out[-1]["parties"])
                    or len(prior := _kin_periods(carried or across, before[3], metric, out[-1]["parties"])) == 1):
                # the same quantity in the next paragraph (of the same parties, or one place's total broken down by
                # partner: "China's trade with the region amounted to $94.8 billion in 2024 ... / Kyrgyzstan took second
                # place with $22.7 billion"); or, in the next sentence or paragraph, the whole a flow is part of or the
                # level a growth is of ("В прошлом году товарооборот вырос на 13% до $43,4 млрд. Российские поставки
                # снизились на 7,7% до $21,3 млрд"; "по итогам 2022 года он увеличился на 86% / ... достиг $62 млрд"); not
                # a base ("Exports increased from $7 billion to $14.8 billion", "compared with 2.42 billion") nor a range,
                # of another time or a span, but a base "a year earlier", whose year is the one before
                # (:func:`_year_before_periods`); not an event's toll in a dated article, which is of the month of its
                # event (:func:`_toll_months`), not of an earlier event's toll ("Clashes in April 2021 left more than 50
                # dead. / Nearly 100 people have died in the border conflict")
                out[-1]["period"], out[-1]["period_surface"] = next(iter(prior))
                these.setdefault(quantity, set()).update(prior)
            if out[-1]["parties"] and out[-1]["parties_basis"] != "each" and (each := _each_of(sentence, s0, rules)):
                # places named together before "each", "both" or "по" ("из Германии и Турции — по 10 тысяч человек"):
                # the figure is each place's, compared as each's (:func:`_each_place`); read as a pair of those places
                # ("Kazakhstan and Uzbekistan each received $5 billion of Chinese investment"), they are one side, with
                # the one other place of the clause, if any
                sides, together = out[-1]["parties"].split("–"), each.split("+")
                if sorted(sides) == together:
                    other = {name for _pos, name in rules.places.finditer(sentence[clause[0]:clause[1]])} - set(together)
                    out[-1]["parties"] = _pair([each, *other]) if len(other) == 1 else each
                    out[-1]["parties_basis"] = "each"
                elif each in sides:
                    out[-1]["parties_basis"] = "each"
            these_parties.setdefault(quantity, set()).add(out[-1]["parties"])
        if _RESPECTIVELY.search(sentence):
            _respective_parties(out[len(out) - len(cands):], sentence, a, rules, lambda name: _partner(
                [name], _doc_pair_cached(sents, parties, rules), rules.members) or name)
            _respective_periods(out[len(out) - len(cands):], sentence, a, period_rows)
            _respective_towns(out[len(out) - len(cands):], sentence, a, rules)
        _change_of_gdp(out[len(out) - len(cands):], sentence, a)
        _part_of_whole(out[len(out) - len(cands):], sentence, a)
        first = True
        for span in _YEARS_SPAN.finditer(sentence) if _FOUR_DIGITS.search(sentence) else ():
            if int(_span_years(span)[0]) < int(_span_years(span)[1]):
                _from_to_years(out[len(out) - len(cands):], sentence, a, span, pair=first)
                first = False
        before = (k, ln, these, these_parties)
    _year_before_periods(out)
    if not published and any("X" in r["period"] for r in out):
        _anchor_relative_periods(out, sents, published, rules, find_dates, measured_from)
    _locality_parties(out, rules, lambda: " ".join(sent[4] for sent in sents),
                      lambda: next((c for sent in sents if _EVENT_NOUN.search(sent[4])
                                    and (c := _locality_country(sent[4], rules))), ""),
                      lambda r: next((sents[i - 1][4] for i, sent in enumerate(sents)
                                      if i and sent[0] == r["line_no"] and sent[1] == r["sent_no"]), ""))
    if home and rules.home_cue is not None:
        _home_parties(out, home, rules, lambda: not any(_places_in(sent[4], rules)[0] for sent in sents))
    if rules.members:
        _breakdown_metrics(out, from_base, rules)
        _breakdown_shares(out, rules)
        _breakdown_periods(out, from_base, rules)
    _growth_with_level(out, where, from_base | measured_from)
    _article_periods(out, from_base | measured_from | not_own | tolls, functools.partial(
        _spoken_of, sentence_of, named, unread, published, find_dates), _headline(sents))
    _year_starts(out)
    _crop_years(out)
    _toll_months(out, tolls, published, sents, rules, find_dates)
    _earlier_tolls(out)
    _other_quakes(out)
    _so_far_this_year(out, published)
    _breakdowns(out)
    for i, town in in_town.items():
        if out[i]["metric"] in _TOWN_PEOPLE or out[i]["metric"] == _TURNOUT:
            out[i]["metric"] += f" (in {town})"
    sources: dict[tuple, list] = {}  # (line, sentence) -> [(figure, where its count goes from)]
    flow_before: dict[tuple, tuple] = {}  # (line, sentence) -> (the last flow read with its side, that side, its way)
    for r in out:
        if r["parties"].count("–") != 1 or not r["metric"]:
            continue
        if r["metric"].split(" ", 1)[0] in _FLOWS or r["metric"] in _INVESTMENTS:
            key = (r["line_no"], r["sent_no"])
            by = _flow_by(r["sentence"], r["surface"], r["metric"], r["parties"].split("–"), rules)
            base = r["metric"].split(" ", 1)[0]
            if not by and base in _FLOWS and (last := flow_before.get(key)) \
                    and last[0]["parties"] == r["parties"] and r["parties_basis"] == "sentence" \
                    and last[0]["end"] <= r["start"] \
                    and base.endswith("_growth") == ((base in _EXPORTS) == (last[2] in _EXPORTS)) \
                    and not any(True for _ in rules.places.finditer(r["sentence"][last[0]["end"]:r["start"]])):
                # the other way said after one side's, no place named between: that side's ("Экспорт Казахстана в
                # Россию составил 9,1 млрд долларов, импорт — 17,3 млрд", "exports were $9.1 billion and imports $17.3
                # billion"); a growth is of the flow its way before it ("import reached $112.3 million (up 15.6%)": not
                # "bought 3 billion kWh ..., which is 156% more than the supply"), and the same way said again is
                # another side's ("$32 billion in Chinese exports, alongside $7.3 billion in Central Asian exports"); both
                # sides named in the sentence ("exports from Georgia ... to $6.09 billion, while imports rose ... to $15.44
                # billion" in an article on Georgia and Russia: the country's whole trade, not with the article's partner)
                by = last[1]
            if by:
                r["metric"] = f"{r['metric']} (by {by})"
                if base in _FLOWS:
                    flow_before[key] = (r, by, base)
        elif r["metric"].startswith("people_growth") and (
                source := _count_from(r["sentence"], r["surface"], r["parties"].split("–"), rules)):
            # tourists to Kazakhstan up 50%, Kazakh visits to China up 31%: between two places, where they come from
            # says the way ("arrivals from China" and "Chinese tourists to Kazakhstan" are one quantity)
            r["metric"] = f"people_growth (from {source})"
        elif r["kind"] == "count" and (source := _count_from(r["sentence"], r["surface"], r["parties"].split("–"), rules)):
            sources.setdefault((r["line_no"], r["sent_no"]), []).append((r, source))
    for found in sources.values():
        if len({source for _, source in found}) > 1:  # both ways in one sentence: "из Казахстана в Россию ... 1,03
            for r, source in found:                   # млн поездок, из России в Казахстан – свыше 1,23 млн"
                if r["metric"] == "trips" and len(pair := r["parties"].split("–")) == 2 and source in pair:
                    r["metric"] = f"trips (to {next(p for p in pair if p != source)})"  # as one way's trips are named
                elif not r["metric"].startswith("trips (to "):  # (trips with where they went: that says it)
                    r["metric"] = f"{r['metric']} (from {source})"
    _growth_said_again(out)
    if rules.companies[0] is not None:
        for r in out:  # exports to one side named, by a company of another country: that country's
            if (r["parties"] and "–" not in r["parties"] and r["metric"].split(" ", 1)[0] in _EXPORTS
                    and (c := _company_supplier(r["sentence"], r["surface"], rules))
                    and c not in r["parties"].split("+")):
                r["parties"], r["metric"] = _pair([r["parties"], c]), f"{r['metric']} (by {c})"
    return out


_COMMA_BREAK = re.compile(r",\s|;")
#: Words that name a growth said before ("этот рост", "this increase"): the figure is that growth's, said again.
_THIS_GROWTH = _led(re.compile(r"\b(?:this|that|the\s+same)\s+(?:growth|increase|rise|decline|decrease|drop|fall)\b"
                               r"|(?<![^\W\d_])(?:этот|такой|данный)\s+(?:рост|прирост|спад)(?![^\W\d_])", re.I))


#: A growth measured in a currency other than the dollar ("grew 5.0% in yuan terms", "yuan-denominated trade value",
#: "в рублёвом выражении", "в юанях"): the currency named (a dollar, the usual basis of trade figures, is none).
_CURRENCY_TERMS = re.compile(
    r"\bin\s+(?P<en>yuan|renminbi|rmb|ruble|rouble|tenge|soum|som|euro|national\s+currency|local\s+currency)\s+terms\b"
    r"|\b(?P<den>yuan|renminbi|rmb|ruble|rouble|tenge|soum|euro)-denominated\b"
    r"|(?<![^\W\d_])в\s+(?P<ru>рубл[её]в|юанев|тенгов|сумов|национальной\s+валют|рублях|юанях|тенге\b|евро\b)", re.I)
#: The adjectives of currencies ("в рублёвом выражении"); their nouns ("yuan", "в юанях") are the units table's.
_TERMS_ADJECTIVE = {"рублёв": "RUB", "рублев": "RUB", "юанев": "CNY", "тенгов": "KZT", "сумов": "UZS"}


#: Exports and imports said together ("the total value of imports and exports", "объем экспорта и импорта"): the trade.
_BOTH_WAYS = re.compile(r"\b(?:imports?\s+and\s+exports?|exports?\s+and\s+imports?|export-import|import-export)\b"
                        r"|(?<![^\W\d_])(?:экспорт\w*\s+и\s+импорт\w*|импорт\w*\s+и\s+экспорт\w*|экспортно-импортн\w*)", re.I)
#: A word of one way of trade.
_ONE_WAY = re.compile(r"\b(?:export|import)|(?<![^\W\d_])(?:экспорт|импорт)", re.I)


def _both_ways(sentence: str, start: int, s0: int) -> bool:
    """Whether the last word of a way of trade before a figure in its clause (``start`` to ``s0``) is one of exports and
    imports said together (:data:`_BOTH_WAYS`), so that the figure is the trade, not one way of it."""
    ways = [m.start() for m in _ONE_WAY.finditer(sentence, start, s0)]
    return bool(ways) and any(m.start() <= ways[-1] < m.end()
                              for m in _BOTH_WAYS.finditer(sentence, max(start, ways[-1] - 30), s0))


def _currency_terms(sentence: str, clause: tuple[int, int], rules: FigureRules) -> str:
    """The currency a growth of the clause is measured in (:data:`_CURRENCY_TERMS`): its ISO code (a noun's from the
    units table, ``rules.units``), or "national currency"; "" when none is named."""
    m = _CURRENCY_TERMS.search(sentence, *clause)
    if m is None:
        return ""
    word = re.sub(r"\s+", " ", (m.group("en") or m.group("den") or m.group("ru")).lower())
    if word.startswith(("national", "local", "национальной")):
        return "national currency"
    return _TERMS_ADJECTIVE.get(word) or rules.units.get(word, ("",))[0]


def _growth_said_again(out: list[dict]) -> None:
    """A percentage with no metric whose sentence names a growth said before ("... в 2025 году выросли на 22%. В конце
    прошлого года компания предварительно оценивала этот рост в 20%") is that growth, estimated or said again: the
    metric, period and parties of the last growth of the sentence before in its paragraph (not the time it was said
    at). In place."""
    for i, r in enumerate(out):
        if r["kind"] != "percent" or r["metric"] or not i:
            continue
        prev = out[i - 1]
        if prev["line_no"] != r["line_no"] or prev["sent_no"] != r["sent_no"] - 1 or "_growth" not in prev["metric"]:
            continue
        at = r["sentence"].find(r["surface"])
        if at > 0 and (this := _THIS_GROWTH.search(r["sentence"], 0, at)):
            # (a sector named after it is a part: "Key sectors contributing to this growth included construction (8.8%)")
            part = _PART_SUFFIX if prev["metric"].startswith("gdp_growth") and not prev["metric"].endswith(_PART_SUFFIX) \
                and _group_before(r["sentence"], this.end(), at, _SECTOR, _GDP_WORD) else ""
            r.update(metric=prev["metric"] + part, period=prev["period"], period_surface=prev["period_surface"],
                     parties=prev["parties"], parties_basis=prev.get("parties_basis", ""))


def _count_from(sentence: str, surface: str, pair: list[str], rules: FigureRules) -> str:
    """Where a count between two places goes from, read in its list item (between commas) before it, else
    after it: "туристический поток из Казахстана в Россию составил более 1,03 млн поездок, из России в
    Казахстан – свыше 1,23 млн" (Kazakhstan, then Russia); "3.16 million trips were made from Kazakhstan
    to Russia". "" when the item does not say, or says both ways."""
    at = sentence.find(surface)
    if at < 0:
        return ""
    lo = max([0, *(m.end() for m in _COMMA_BREAK.finditer(sentence, 0, at))])
    hi = next((m.start() for m in _COMMA_BREAK.finditer(sentence, at + len(surface))), len(sentence))
    found = [(pos, name) for pos, name in _sides_named(sentence[:hi], pair, rules) if pos >= lo]
    before = [(pos, name) for pos, name in found if pos < at]
    source, dest = set(), set()
    for pos, name in before or found:  # after the figure only when its item names none before it
        if (way := _place_way(sentence, pos)) and not (way == "from" and _PLACE_POSSESSIVE.match(sentence, pos)):
            (source if way == "from" else dest).add(name)  # ("data from Kazakhstan's Border Service": no way)
    src, dst = _sides(source, dest, pair)
    return next(iter(src)) if len(src) == 1 and src != dst else ""


#: A place in the possessive ("Kazakhstan's Border Service"): it names whose, not where from.
_PLACE_POSSESSIVE = re.compile(r"[^\W\d_]+['’]s\b")


#: Right after a figure, a plan it is measured against ("2% less than forecasted", "на 5% ниже плана", "1.9 million
#: tons, or 2% less than forecasted").
#: Prices with no goods named rising or falling ("Prices rose 1.1% in September", "цены в Казахстане выросли на 12,9%"):
#: inflation; not "oil prices", "цены на нефть", "food prices" (a good's or a group's).
_PRICES_MOVED = _led(re.compile(
    r"(?:^|[.,;:—–(]\s*|\b(?:the|and|while|as|but|that|where|when)\s+)(?:consumer\s+)?prices\s+(?:in\s+[A-Z][\w-]+\s+)?"
    r"(?:rose|grew|increased|climbed|jumped|fell|declined|dropped|were\s+up|were\s+down|went\s+up)\b"
    r"|(?<![^\W\d_])(?:(?:потребительские\s+)?цены|[Цц]ены)(?:\s+в\s+[А-ЯЁ][\w-]+)?\s+(?:вырос\w*|выросл\w*|увеличил\w*"
    r"|повысил\w*|снизил\w*|упал\w*|подскочил\w*)", re.I))
#: The groups of goods and services a price index is given for, by name: a group's rate ("food prices up by 9.7%",
#: "продовольственная инфляция 12,4%", "платные услуги подорожали на 1,2%") is compared with the same group's, not with
#: the whole index's.
_PRICE_GROUPS = {
    "non-food": r"\bnon-?food\b|(?<![^\W\d_])непродовольств\w*",
    "food": r"(?<!non-)(?<!non)\bfood(?:stuffs?)?\b|(?<![^\W\d_])(?:продовольств\w*|продукт\w*\s+питания)",
    "services": r"\bservices\b|(?<![^\W\d_])услуг\w*",
    "utilities": r"\butilit(?:y|ies)\b|(?<![^\W\d_])(?:коммунальн\w*|жилищно-коммунальн\w*|ЖКХ)",
    "fuel": r"\b(?:fuel|gasoline|petrol)\b|(?<![^\W\d_])(?:топлив\w*|бензин\w*|ГСМ)",
}
_PRICE_GROUP_NAMED = {name: re.compile(p, re.I) for name, p in _PRICE_GROUPS.items()}  # (each group's, to name it)
#: A group of goods or services whose prices an inflation figure may be of (a part of the whole index): a named group
#: (:data:`_PRICE_GROUPS`) or goods of no named group ("goods", "товары").
_PRICE_GROUP = _led(re.compile("|".join([*_PRICE_GROUPS.values(), r"\bgoods\b|(?<![^\W\d_])товар\w*"]), re.I))
_GROUP_NAMES = "|".join(f"(?:{p})" for p in _PRICE_GROUPS.values())  # (any named group, in the patterns below)
#: A named group's inflation said as such: "food inflation", "non-food price inflation", "продовольственная инфляция",
#: "инфляция на платные услуги", "инфляция в сегменте продовольственных товаров".
_GROUP_INFLATION = re.compile(rf"(?:{_GROUP_NAMES})\s+(?:price\s+)?inflation\b|(?:{_GROUP_NAMES})\s+инфляци\w*"
                              rf"|(?<![^\W\d_])инфляци\w*\s+(?:на|по|в\s+сегменте|в\s+сфере)\s+(?:платн\w*\s+)?"
                              rf"(?:{_GROUP_NAMES})", re.I)
#: Prices said to move ("food prices rose", "prices for services went up", "цены на продукты питания ... выросли",
#: "подорожали", "выросли в цене"): with a group named, its inflation (:func:`_group_prices`).
_PRICE_MOVE = re.compile(
    r"\bprices?\b[^.;:]{0,40}?\b(?:rose|risen|grew|increased|climbed|jumped|fell|declined|dropped|decreased|up|down)\b"
    r"|\b(?:rose|increased|fell|declined)\s+in\s+price\b"
    r"|(?<![^\W\d_])(?:цен\w*[^.;:]{0,60}?(?:вырос\w*|выросл\w*|увеличил\w*|повысил\w*|снизил\w*|сократил\w*|упал\w*"
    r"|подскочил\w*)|подорожа\w*|подешеве\w*|(?:вырос\w*|выросл\w*|снизил\w*)\s+в\s+цене)", re.I)


def _price_group(sentence: str, start: int, s0: int) -> str | None:
    """The group of goods or services named in ``sentence[start:s0]``: its name (:data:`_PRICE_GROUPS`), "" for
    goods of no named group or several groups named, None for no group."""
    if not _PRICE_GROUP.search(sentence, start, s0):
        return None
    named = [name for name, p in _PRICE_GROUP_NAMED.items() if p.search(sentence, start, s0)]
    if "utilities" in named and "services" in named:
        named.remove("services")  # "услуги ЖКХ", "utility services": the utilities'
    return named[0] if len(named) == 1 else ""


def _inflation_group(sentence: str, since: int, s0: int) -> str | None:
    """The group an inflation figure is of: a group's inflation said as such before it ("food inflation reached
    12.4%", :data:`_GROUP_INFLATION`), else a group named with no word of the whole index after it ("продовольственные
    товары ... за год выросли в цене на 5,1%"; not "Food and services pushed annual inflation to 8.3%"): its name, ""
    for goods of no named group (a part of the index), None for the whole index."""
    if said := [*_GROUP_INFLATION.finditer(sentence, since, s0)]:
        return _price_group(sentence, said[-1].start(), said[-1].end())
    if not _group_before(sentence, since, s0, _PRICE_GROUP, _INFLATION_WORD):
        return None
    whole = [m.end() for m in _INFLATION_WORD.finditer(sentence, since, s0)]
    return _price_group(sentence, max([since, *whole]), s0)


def _group_prices(sentence: str, clause: tuple[int, int], since: int, s0: int, after_inflation: bool) -> str:
    """The named group (:data:`_PRICE_GROUPS`) a percentage with no metric is the inflation of: the group named between
    the figure before (or 100 characters back) and it, with prices said to move before it in its clause ("цены на
    продукты питания ... выросли на 9,2%", "продовольственные товары подорожали на 0,6%"), or after an inflation figure
    of its sentence (", платные услуги – на 1,2%"); "" if none ("Oil prices rose 5%": a good's, no group's)."""
    group = _price_group(sentence, since, s0)
    if not group:
        return ""
    return group if after_inflation or _PRICE_MOVE.search(sentence, clause[0], s0) else ""


def _group_before(sentence: str, start: int, s0: int, group: re.Pattern, whole: re.Pattern) -> bool:
    """Whether a group (``group``: of goods whose prices an inflation figure is of, a sector whose growth a GDP figure
    is of) is named between ``start`` (the figure before, or 100 characters back) and the figure at ``s0``, with no word
    of the whole (``whole``) after it: "food prices rose 9.7%", "construction (8.8%)"; not "Food and services pushed
    annual inflation to 8.3%"."""
    ends = [m.end() for m in group.finditer(sentence, start, s0)]
    return bool(ends) and not whole.search(sentence, ends[-1], s0)


_INFLATION_WORD = re.compile(r"\binflation|(?<![^\W\d_])инфляци", re.I)
#: A sector of an economy, whose growth is a part of GDP's ("Key sectors ... included construction (8.8%)").
_SECTOR = _led(re.compile(r"\b(?:sectors?|industr\w*|construction|transport\w*|agricultur\w*|manufactur\w*|mining|"
                          r"communications?|warehousing|retail|wholesale|services)\b|(?<![^\W\d_])(?:отрасл\w*|сектор\w*"
                          r"|строительств\w*|транспорт\w*|промышленн\w*|сельск\w*|обрабатывающ\w*|горнодобыва\w*|связ[ьи]"
                          r"|торговл\w*|услуг\w*)", re.I))
_GDP_WORD = re.compile(r"\b(?:gdp|economy|economic\s+growth)\b|(?<![^\W\d_])(?:ввп|экономик\w*)", re.I)


def _prices_moved(sentence: str, clause: tuple[int, int], s0: int) -> bool:
    """Whether prices with no goods named rise or fall before a figure in its clause (:data:`_PRICES_MOVED`); not
    "На перелеты цены снизились" (a good's, named before)."""
    m = _PRICES_MOVED.search(sentence, clause[0], s0)
    return m is not None and not _GOODS_BEFORE_PRICES.search(sentence, max(clause[0], m.start() - 30), m.start() + 1)


_GOODS_BEFORE_PRICES = re.compile(r"(?<![^\W\d_])(?:на|за)\s+[^\W\d_][\w-]*\s*.?$", re.I)
#: Rates that are levels (a change of one is no level of it, :data:`_RATE_BY`).
_RATES = frozenset({"inflation", "policy_rate", "unemployment"})
#: A rate as the subject of a change "by" the figure right after ("inflation rose by 0.2%", "ставка повышена на 0,5%").
_RATE_BY = re.compile(
    r"(?:\b(?:inflation|rate|unemployment)|(?<![^\W\d_])(?:инфляци\w*|ставк\w*|безработиц\w*))[^.;:]{0,50}?"
    r"(?:\b(?:rose|grew|increased|climbed|jumped|fell|declined|dropped|decreased|slowed|accelerated|eased|was\s+(?:up|down)"
    r"|(?:raised|cut|lowered|reduced|hiked)(?:\s+it)?)\s+by|(?<![^\W\d_])(?:увеличил\w*|вырос\w*|выросл\w*|повысил\w*|повышен\w*"
    r"|снизил\w*|снижен\w*|сократил\w*|ускорил\w*|замедлил\w*|упал\w*|понизил\w*|понижен\w*)\s+на)"
    r"\s+(?:about\s+|around\s+|almost\s+|около\s+|почти\s+|примерно\s+)?$"
    # the verb first: "raised its base rate by 0.5 percentage points", "повысил базовую ставку на 1%"
    r"|(?:\b(?:raised|cut|lowered|reduced|hiked|increased)|(?<![^\W\d_])(?:повысил\w*|снизил\w*|понизил\w*|сохранил\w*))"
    r"\s+(?:[^\W\d_]+\s+){0,3}?(?:rate|ставк\w*)\s+(?:by|на)\s+(?:about\s+|около\s+)?$", re.I)
#: Words of a month's rate and of a year's, the nearest of which tells which an inflation figure is (:func:`_monthly`).
_MONTH_RATE = re.compile(r"\bmonth[- ]on[- ]month\b|\bm/m\b|\bmonthly\b|\b(?:over|for|in)\s+the\s+month\b"
                         r"|(?<![^\W\d_])(?:за\s+месяц|в\s+месячн\w*|месяц\s+к\s+месяцу|к\s+предыдущему\s+месяцу"
                         r"|по\s+сравнению\s+с\s+(?:предыдущим\s+месяцем|месяцем\s+ранее))(?![^\W\d_])", re.I)
#: A growth on the quarter before, not on the same quarter of the year before ("quarter-on-quarter", "квартал к кварталу").
_QUARTER_RATE = re.compile(r"\bquarter[- ]on[- ]quarter\b|\bq/q\b|\bqoq\b|\b(?:from|on|over)\s+the\s+(?:previous|preceding)"
                           r"\s+quarter\b|(?<![^\W\d_])(?:квартал\s+к\s+кварталу|к\s+предыдущему\s+кварталу"
                           r"|по\s+сравнению\s+с\s+предыдущим\s+кварталом)(?![^\W\d_])", re.I)
_YEAR_RATE = re.compile(r"\byear[- ]on[- ]year\b|\by/y\b|\byoy\b|\bannual\w*|\b(?:over|for)\s+the\s+year\b|\b12[- ]month\b"
                        r"|(?<![^\W\d_])(?:за\s+год|в\s+годов\w*|годов\w*|год\s+к\s+году|за\s+12\s+месяцев)(?![^\W\d_])", re.I)


def _monthly(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> bool:
    """Whether an inflation figure is a month's rate: a word of a month's rate right after it ("0,4% в месячной и 8,3% в
    годовой динамике"), else the nearest word of a month's or a year's rate before it in its clause is a month's ("for
    the year amounted to 8.6% (in June 2024 – 8.4%), for the month – 0.7%": 0.7% only)."""
    lo, hi = max(clause[0], s0 - 50), min(clause[1], e0 + 40)
    best = None
    for pattern, month in ((_MONTH_RATE, True), (_YEAR_RATE, False)):
        for m in pattern.finditer(sentence, lo, hi):
            if m.start() >= e0 and not sentence[e0:m.start()].strip():
                return month  # right after the figure
            if m.end() <= s0 and (best is None or s0 - m.end() < best[0]):
                best = (s0 - m.end(), month)
    return bool(best and best[1])


#: Right before a figure: what was planned or expected and did not happen ("добыто 90 млн тонн вместо 92-93 млн тонн",
#: "instead of the planned 92 million"): a target, never set against what was measured.
_INSTEAD_OF = re.compile(r"(?:\binstead\s+of|(?<![^\W\d_])вместо)\s+(?:the\s+)?(?:(?:planned|expected|forecast|"
                         r"запланированных|ожидавшихся|плановых|прогнозных)\s+)?$"
                         r"|\b(?:initially|originally|previously)\s+(?:planned|targeted|budgeted|projected)\s+"
                         r"(?:to\s+[^\W\d_]+\s+)?$"
                         # "the planned 1.2 trillion rubles", "had originally planned for a 3.8 trillion ruble deficit", "from
                         # the initially targeted 1.2 trillion roubles", "the total planned 2025 expenditure of 41.47 trillion"
                         r"|\bthe\s+(?:total\s+|overall\s+)?(?:planned|budgeted|projected|targeted|envisaged)\s+"
                         r"(?:(?:\d{4}|[^\W\d_]+)\s+){0,2}?(?:of\s+)?$"
                         r"|\b(?:planned|budgeted)\s+for\s+(?:an?\s+)?$"
                         r"|(?<![^\W\d_])(?:запланированн|заложенн)\w*\s+(?:в\s+бюджете\s+)?$", re.I)


#: Right after a figure, the present passive of a plan or forecast it is the subject of ("160,000 cars are planned to be
#: produced in 2024", "$12 billion is expected", "планируется"): a target ("650 measures were envisaged" and done is not).
_PLANNED_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+(?:is|are|will\s+be)\s+(?:planned|expected|projected|forecast"
                            r"|scheduled|targeted|due)\b|(?:\s+[^\W\d_]+){0,3}?\s+(?:планиру|ожида|прогнозиру)"
                            r"\w*ся\b"
                            # the participle alone, for a time: "around 7.3 bcm planned for 2025", "запланировано на 2025 год"
                            r"|\s+(?:planned|expected|projected|forecast|scheduled|targeted)\s+(?:for|in|by)\s"
                            r"|\s+(?:запланирован\w*|намечен\w*)\s+на\s", re.I)


def _planned(sentence: str, s0: int, clause: tuple[int, int]) -> bool:
    """Whether a figure at ``s0`` is a plan, goal or forecast (:func:`_is_forecast`) or what was planned instead
    (:data:`_INSTEAD_OF`)."""
    return _is_forecast(sentence, s0, clause) or _INSTEAD_OF.search(sentence, max(0, s0 - 40), s0) is not None
_VS_PLAN = _led(re.compile(r"(?:\s*,?\s*(?:or|или)\s+[\d.,]+\s*(?:%|percent|процент\w*))?\s*(?:(?:less|more|lower|higher|below|above|short\s+of)\s+(?:than\s+)?(?:the\s+)?(?:forecast|planned|plan\b|"
                      r"expected|projected|target)|(?:меньше|больше|ниже|выше)\s+(?:прогноз|план|ожида))", re.I))


#: Goods flows with a direction: who exports, who imports (:func:`_flow_by`).
_FLOWS = frozenset({"exports", "imports", "export_growth", "import_growth"})
#: Investment between two places, read for who invests (:func:`_flow_by`); not a country's capital spending.
_INVESTMENTS = frozenset({"investment", "investment_inflow", "investment_growth"})
_FLOW_WORD = _led(re.compile(r"\b(?:export|import(?!an)|suppl|deliver)\w*|(?<![^\W\d_])(?:экспорт|импорт|вывез|ввез|вывоз|ввоз|поставк)\w*", re.I))
#: A purchase, for :func:`_flow_by` an import word of an import figure: who buys imports ("In 2024, Kazakhstan acquired
#: goods worth $2.24 billion from the U.S.", "Китай закупил у России ...").
_BOUGHT = re.compile(r"\b(?:bought|purchased|acquired)\b|(?<![^\W\d_])(?:закупил|купил|приобрел|приобрёл)\w*", re.I)
#: Right before a place: it is where goods come from ("from Kazakhstan", "из Казахстана") or go to
#: ("to China", "в Китай"; not "в Китае", in China).
_FROM_PLACE = re.compile(r"(?:\b(?:from|out\s+of)|(?<![^\W\d_])(?:из|от))\s+(?:the\s+)?$", re.I)
_TO_PLACE = re.compile(r"(?:\b(?:to|into)|(?<![^\W\d_])(?:в|во))\s+(?:the\s+)?"
                       r"(?:countries\s+of\s+(?:the\s+)?|стран[ыу]\s+)?$", re.I)  # "в страны Центральной Азии"
_LOCATIVE = re.compile(r"[^\W\d_]*(?:е|и|ах|ях)(?![^\W\d_])")
#: Between a flow word and a place right after it: the place is the reporter ("exports of Kazakhstan",
#: "экспорт Казахстана"); between a place and a flow word right after it, the same ("Kazakhstan's
#: exports", "Kazakh exports", "Kazakhstan exported").
_OF_PLACE = re.compile(r"\s+(?:of\s+(?:the\s+)?)?$", re.I)
_PLACE_OF = re.compile(r"^(?:['’]s)?\s+$")
#: Between a place and a flow word, the place's firms that do it: "Russian companies invested", "Kazakh
#: producers exported", "российские компании вложили" (the place is the reporter, as in "Russian investment").
_AGENTS_OF = re.compile(r"\s+(?:companies|firms|businesses|investors|exporters|importers|producers|suppliers"
                        r"|компании|фирмы|инвесторы|экспортеры|экспортёры|импортеры|импортёры|производители|поставщики)\s+",
                        re.I)
#: Right before a place after a flow word, the agent of a passive ("$5 billion was invested in Kazakhstan by China",
#: "wheat imported by Egypt"): its sender or buyer, as a place before an active verb is.
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_AGENT_REACH = 40
#: Between a place and a flow word, an auxiliary of the active verb: "The EU has invested", "China has also exported"
#: (not a passive: "has been invested" leaves the place no subject).
_ACTIVE_AUX = re.compile(r"\s+(?:(?:has|have|had)(?:\s+(?:already|also|so\s+far|jointly))?|already|also|jointly|уже|также)\s+",
                         re.I)


#: Trips out of a country to any other ("поездок за рубеж", "trips abroad", "выезды за границу").
_TRIPS_ABROAD = re.compile(r"\b(?:abroad|overseas|outbound)\b|(?<![^\W\d_])(?:за\s+рубеж|за\s+границу|в\s+другие\s+страны"
                           r"|зарубежн\w*\s+(?:поезд\w*|путешестви\w*|тур\w*|выезд\w*))(?![^\W\d_])", re.I)


def _trips_way(sentence: str, clause: tuple[int, int], home: str, rules: FigureRules) -> str:
    """The way of a country's trips with the world: ``abroad`` (its people's trips out: "поездок за рубеж"), ``to
    <home>`` (the world's trips into it: "поездок в РФ", "trips to Russia"), or "" when its clause says neither."""
    if _TRIPS_ABROAD.search(sentence, *clause):
        return "abroad"
    return f"to {home}" if _went_to(sentence, clause, home, rules) else ""


def _went_to(sentence: str, clause: tuple[int, int], place: str, rules: FigureRules) -> bool:
    """Whether the clause names ``place`` as where something went ("в Россию", "to Uzbekistan": :func:`_place_way`)."""
    return any(name == place and _place_way(sentence, clause[0] + pos) == "to"
               for pos, name in rules.places.finditer(sentence[clause[0]:clause[1]]))


def _place_way(sentence: str, pos: int) -> str:
    """``from`` when the place at ``pos`` follows "from" / "из" (goods or people come from it), ``to`` when
    it follows "to" / "в" in a form that is not locative ("в Китай", not "в Китае"), else ""."""
    if _FROM_PLACE.search(sentence[max(0, pos - 12):pos]):
        return "from"
    word = re.match(r"[\w'’-]+", sentence[pos:])
    if _TO_PLACE.search(sentence[max(0, pos - 24):pos]) and not (
            sentence[pos - 2:pos].strip() in ("в", "во") and word and _LOCATIVE.fullmatch(word.group(0))):
        return "to"
    return ""


#: Right before a place, a verb of leaving it ("left Russia", "покинули Россию") or entering it ("entered Kazakhstan",
#: "arrived in Kazakhstan"): where people came from, where they went (:func:`_people_destination`).
_LEFT_PLACE = re.compile(r"(?:\b(?:left|leaving|leave|leaves|fled|fleeing|departed)|(?<![^\W\d_])покину\w*|покида\w*)\s+(?:the\s+)?$",
                         re.I)
_ENTERED_PLACE = re.compile(r"\b(?:entered|entering|enters|enter|(?:arrived|arriving|arrive|arrives)\s+in|crossed\s+into)\s+"
                            r"(?:the\s+)?$", re.I)


def _people_destination(sentence: str, clause: tuple[int, int], pair: list[str], rules: FigureRules) -> str:
    """The side of ``pair`` the people a flow counts went to, when their clause names where they came from or went
    ("В РФ уехали 28,4 тысячи мигрантов из Кыргызстана": Russia; "выбывших из России в Кыргызстан": Kyrgyzstan), else
    "" (neither named, both ways, or a clause counting arrivals and departures)."""
    if len({way for s, e, way in _flow_spans(sentence) if clause[0] <= s and e <= clause[1]}) > 1:
        return ""  # ("в Казахстан въехали 200 тыс. россиян, выехали — 147 тыс.": the place is the arrivals')
    source, dest = set(), set()
    for pos, side in _sides_named(sentence[clause[0]:clause[1]], pair, rules):
        at = clause[0] + pos
        way = _place_way(sentence, at) or ("from" if _LEFT_PLACE.search(sentence, max(0, at - 20), at)
                                           else "to" if _ENTERED_PLACE.search(sentence, max(0, at - 20), at) else "")
        (source if way == "from" else dest if way == "to" else set()).add(side)
    source, dest = _sides(source, dest, pair)
    return next(iter(dest)) if len(dest) == 1 and not source & dest else ""


def _sides_named(text: str, pair: list[str], rules: FigureRules) -> list[tuple[int, str]]:
    """(position, side of ``pair``) of every place of ``text`` that names a side: a side that is a list of
    places is named by each of them ("в Казахстан, Киргизию и Узбекистан" names
    Kazakhstan+Kyrgyzstan+Uzbekistan)."""
    side_of = {place: side for side in pair for place in side.split("+")}
    return [(pos, side_of[name]) for pos, name in rules.places.finditer(_without_nonparty_countries(text))
            if name in side_of]


def _sides(source: set, dest: set, pair: list[str]) -> tuple[set, set]:
    """The places goods or people come from and go to, each completed by the other place of ``pair``."""
    other = {pair[0]: pair[1], pair[1]: pair[0]}
    return source | {other[n] for n in dest}, dest | {other[n] for n in source}


def _flow_by(sentence: str, surface: str, metric: str, pair: list[str], rules: FigureRules) -> str:
    """Which of the two ``pair`` places exports (for exports and their growth) or imports (imports)
    the goods a figure counts, read around the figure's own flow word (an export word for exports, an
    import word for imports): the nearest before it in the sentence, or right after it ("$2.3 billion in
    U.S. imports from Kazakhstan"). A place after "from" / "из" is where goods come from, after "to" /
    "в" (not "в Казахстане") where they go, and a place right before or after the word is its reporter
    ("Uzbekistan's imports from Kazakhstan", "экспорт Казахстана в Узбекистан"). When the import words
    do not tell, a purchase does (:data:`_BOUGHT`: "Kazakhstan acquired goods worth $2.24 billion from
    the U.S."). "" when the sentence does not say, or says both ways."""
    by = _flow_by_words(sentence, surface, metric, pair, rules)
    if by or metric.startswith(("export", "invest")) or not _BOUGHT.search(sentence):
        return by
    return _flow_by_words(sentence, surface, metric, pair, rules, bought=True)


def _flow_by_words(sentence: str, surface: str, metric: str, pair: list[str], rules: FigureRules,
                   bought: bool = False) -> str:
    """:func:`_flow_by` read around the flow words, and the purchases too with ``bought``."""
    at = sentence.find(surface)
    if at < 0:
        return ""
    end_fig = at + len(surface)
    invest = metric.startswith("invest")
    exports = metric.startswith("export") or invest  # an investor is where the money comes from, as an exporter
    every = list((_INVEST_WORD if invest else _FLOW_WORD).finditer(sentence))
    if bought:
        every = sorted(every + list(_BOUGHT.finditer(sentence)), key=lambda m: m.start())
    own = every if invest else [m for m in every if (m.group(0)[:3].lower() in ("imp", "имп", "вво", "вве")
                                                     or m.re is _BOUGHT) != exports]
    before = [m for m in own if m.end() <= at]
    after = next((m for m in own if m.start() >= end_fig and m.start() - end_fig <= _AFTER_WINDOW
                  and not _ITEM_BREAK.search(sentence, end_fig, m.start())), None)
    if after is not None and (not before or after.start() - end_fig < at - before[-1].end()):
        kw = after  # "$1.1 billion in U.S. exports to Kazakhstan and $2.3 billion in U.S. imports from Kazakhstan"
        lo = end_fig
        hi = min([kw.end() + 60, *(m.start() for m in _ITEM_BREAK.finditer(sentence, kw.end())),
                  *(m.start() for m in every if m.start() > kw.start()), len(sentence)])
    elif before and _DIGIT_RUN.search(sentence, before[-1].end(), at) and (tail := _tail_way(
            sentence, end_fig, pair, rules, exports)):
        # the flow word before is another figure's, one between ("Chinese exports to Kyrgyzstan totaled $4.163 billion,
        # while only $22 million of Kyrgyz goods made their way to China"): the figure's own words say where it went
        return tail
    elif before:
        kw = before[-1]
        # the flow's own words: from 40 characters before its word, not past another flow word or an item break
        lo = max([kw.start() - 40, *(m.end() for m in _ITEM_BREAK.finditer(sentence, 0, kw.start())),
                  *(m.end() for m in every if m.end() <= kw.start())])
        hi = at
    else:
        return ""
    source, dest = set(), set()
    for pos, name in _sides_named(sentence[:hi], pair, rules):
        if pos < lo:
            continue
        word = re.match(r"[\w'’.-]+", sentence[pos:])
        end = pos + (len(word.group(0).rstrip(".")) if word else 0)
        if pos < kw.start():  # before the flow word, only its reporter ("Kazakhstan's exports", "U.S. imports")
            if end <= kw.start() and (_PLACE_OF.fullmatch(between := sentence[end:kw.start()].lstrip(".") or " ")
                                      or _AGENTS_OF.fullmatch(between) or _ACTIVE_AUX.fullmatch(between)):
                (source if exports else dest).add(name)
        elif way := _place_way(sentence, pos):
            (source if way == "from" else dest).add(name)
        elif kw.group(0).lower().endswith("ed") and _BY_AGENT.search(sentence, max(0, pos - 8), pos) \
                and pos - kw.end() <= _AGENT_REACH and "," not in sentence[kw.end():pos]:
            # the agent of the flow's own passive ("invested in Kazakhstan by China"), not of another verb's ("imports,
            # ... estimated by the Russian government at $20 billion")
            (source if exports else dest).add(name)
        elif invest and _INVESTED_IN.search(sentence, max(0, pos - 30), pos):
            dest.add(name)  # "investment in Kazakhstan's economy", "инвестиции в экономике Казахстана"
        elif _OF_PLACE.fullmatch(sentence[kw.end():pos]):
            (source if exports else dest).add(name)
    if invest and not source:
        return ""  # "foreign direct investment in Kazakhstan": the investor is not the other place of the pair
    src, dst = _sides(source, dest, pair)
    if len(src) != 1 or src == dst:
        return ""
    return next(iter(src)) if exports else next(iter(dst))


def _tail_way(sentence: str, end: int, pair: list[str], rules: FigureRules, exports: bool) -> str:
    """The exporter (``exports``) or importer of a figure told by the places its own words after it send goods to or
    bring them from, up to the next item break or figure ("$22 million of Kyrgyz goods made their way to China":
    Kyrgyzstan exported), or ""."""
    stop = min([m.start() for m in (_ITEM_BREAK.search(sentence, end), _DIGIT_RUN.search(sentence, end)) if m]
               + [len(sentence), end + _AFTER_WINDOW + 40])
    source, dest = set(), set()
    for pos, name in _sides_named(sentence[:stop], pair, rules):
        if pos >= end and (way := _place_way(sentence, pos)):
            (source if way == "from" else dest).add(name)
    src, dst = _sides(source, dest, pair)
    if len(src) != 1 or src == dst:
        return ""
    return next(iter(src)) if exports else next(iter(dst))


_EXPORTS = frozenset({"exports", "export_growth"})
#: A word of investment, for :func:`_flow_by`: who invests is where the money comes from ("Russian investment in
#: Kazakhstan", "инвестиции Казахстана в Россию", "Kazakhstan invested $6 billion in Russia").
_INVEST_WORD = _led(re.compile(r"\binvest\w*|(?<![^\W\d_])(?:инвест|влож)\w*", re.I))
#: Right before a place, after an investment word: the place is where the money goes ("in Kazakhstan", "into the
#: economy of Kazakhstan", "в экономику Казахстана", "в Казахстане").
_INVESTED_IN = re.compile(r"(?:\b(?:in|into)|(?<![^\W\d_])(?:в|во))\s+(?:the\s+)?(?:(?:economy|экономик\w*)\s+(?:of\s+)?)?$",
                          re.I)
#: How far before its flow word (characters) the company that supplies may be named: a subject and
#: its verb ("Gazprom has significantly increased its gas exports").
_SUPPLIER_BEFORE = 50


def _company_supplier(sentence: str, surface: str, rules: FigureRules) -> str:
    """The country of the company that supplies the goods of an export figure, from the actor
    gazetteer's companies: named in the clause of the flow word nearest before the figure, at most
    :data:`_SUPPLIER_BEFORE` characters before that word ("Газпром нарастил поставки газа в
    Казахстан, Узбекистан и Кыргызстан на 20%", "Gazprom increased gas supplies to China by 15%") or
    right after it ("поставки «Газпрома» в Китай"). "" when no company is named there, or companies
    of two countries are."""
    pattern, country = rules.companies
    at = sentence.find(surface)
    flows = list(_FLOW_WORD.finditer(sentence, 0, at)) if at > 0 else []
    if pattern is None or not flows:
        return ""
    kw = flows[-1]
    start = max([kw.start() - _SUPPLIER_BEFORE, *(m.end() for m in _CLAUSE.finditer(sentence, 0, kw.start()))])
    names = {country[m.group(0)] for m in pattern.finditer(sentence, start, min(at, kw.end() + 20))}
    return names.pop() if len(names) == 1 else ""


def _region_pairs(out: list[dict], rules: FigureRules, skip: set[int] = frozenset()):
    """(figure, its two parties) of the figures of ``out`` (not those at the indices ``skip``: comparison bases)
    between two places one of which is a region with members in the places table: the totals a region's figures
    are broken down from (:func:`_breakdown_metrics`, :func:`_breakdown_shares`, :func:`_breakdown_periods`)."""
    for i, r in enumerate(out):
        if i not in skip and len(names := r["parties"].split("–")) == 2 and any(n in rules.members for n in names):
            yield r, names


def _breakdown_metrics(out: list[dict], from_base: set[int], rules: FigureRules) -> None:
    """Give the amounts that name no metric and break a region's total down by member the metric of that total,
    in place, and the percentage right after such an amount its share of it: after "объём взаимной торговли между
    Китаем и странами Центральной Азии ... достиг 66,2 миллиарда долларов", "Лидером ... стал Казахстан - 30,1
    миллиарда долларов, или почти 46 процентов от общего показателя" is China–Kazakhstan trade and its share. A
    total is an earlier trade amount (turnover, exports, imports; not a comparison base) between a region of the
    places table and a partner, in the same currency; an amount breaks it down when its parties are one of the
    region's members and that partner. Only when the article's earlier totals of that region and partner give one
    metric."""
    totals = [((r["line_no"], r["sent_no"]), r["metric"], frozenset(names), r["unit"])
              for r, names in _region_pairs(out, rules, from_base) if r["metric"] in _TRADE_AMOUNTS and r["kind"] == "money"]
    if not totals:
        return
    for i, r in enumerate(out):
        names = r["parties"].split("–")
        if r["metric"] or r["kind"] != "money" or len(names) != 2:
            continue
        found = {m for at, m, pair, unit in totals
                 if at < (r["line_no"], r["sent_no"]) and unit == r["unit"] and _member_and_partner(names, pair, rules.members)}
        if len(found) != 1 or (at := r["sentence"].find(r["surface"])) < 0 or not _NAMED_AMOUNT.search(r["sentence"], 0, at) \
                or not (named := [name for _pos, name in rules.places.finditer(r["sentence"][max(0, at - 30):at])]) \
                or named[-1] not in names:
            continue  # (the amount right after a member's name: "Казахстан - 30,1 миллиарда", "Kazakhstan ($43.8 billion)")
        r["metric"] = found.pop()
        share = out[i + 1] if i + 1 < len(out) else None
        if share and share["kind"] == "percent" and (share["line_no"], share["sent_no"]) == (r["line_no"], r["sent_no"]) \
                and share["parties"] == r["parties"] and (not share["metric"] or share["metric"].startswith("share of ")) \
                and (at := r["sentence"].find(r["surface"])) >= 0 and _SHARE_AFTER_AMOUNT.fullmatch(
                    r["sentence"], at + r["end"] - r["start"], at + share["start"] - r["start"]):
            share["metric"] = "trade_share"  # "$18 миллиардов (27 процентов)", "..., или почти 46 процентов"


def _breakdown_shares(out: list[dict], rules: FigureRules) -> None:
    """Mark the shares of trade that break a region's trade with a partner down by member as shares of that
    trade, in place: after "China's trade with Central Asia reached $94.8 billion", "Kazakhstan accounted for 46%
    ($43.8 billion)" and "Узбекистан - 18 миллиардов (27 процентов)" are ``trade_share (of Central Asia–China)``,
    not China's share of Kazakhstan's or Uzbekistan's own trade ("У Туркменистана наибольшая доля: 55 процентов
    торгового оборота приходится на КНР", which stays ``trade_share``). A share breaks the total down when its
    parties are one of the region's members and the partner, it comes after the article's total of that trade, and
    it is given beside the member's amount or as falling to the member."""
    totals = [((r["line_no"], r["sent_no"]), frozenset(names), r["parties"]) for r, names in _region_pairs(out, rules)
              if r["metric"] == "trade_turnover" and r["kind"] == "money"]
    for i, r in enumerate(out):
        names = r["parties"].split("–")
        if r["metric"] != "trade_share" or len(names) != 2 or not totals:
            continue
        whole = {text for at, pair, text in totals
                 if at < (r["line_no"], r["sent_no"]) and _member_and_partner(names, pair, rules.members)}
        if len(whole) != 1 or (a0 := r["sentence"].find(r["surface"])) < 0:
            continue
        a0 = r["start"] - a0  # where the sentence starts in its line
        near = [g for g in out[max(0, i - 2):i + 3] if (g["line_no"], g["sent_no"]) == (r["line_no"], r["sent_no"])]
        beside = any(g["kind"] == "money" and g["parties"] == r["parties"] and (
            _SHARE_AFTER_AMOUNT.fullmatch(r["sentence"], g["end"] - a0, r["start"] - a0) if g["end"] <= r["start"]
            else _AMOUNT_AFTER_SHARE.fullmatch(r["sentence"], r["end"] - a0, g["start"] - a0)) for g in near)
        lo = max([g["end"] - a0 for g in near if g["end"] <= r["start"]], default=0)
        hi = min([g["start"] - a0 for g in near if g["start"] >= r["end"]], default=len(r["sentence"]))
        total = whole.pop()
        member = next(n for n in names if n not in total.split("–"))
        if beside or _share_holder(r["sentence"], lo, hi, rules) == member:
            r["metric"] = f"trade_share (of {total})"


#: What a share falls to, named after it: "приходится на", "пришлось на", "на долю", "доля", "достались", "взял на себя".
_FALLS_TO = re.compile(r"(?<![^\W\d_])(?:(?:приход\w*|пришл\w*)\s+на|на\s+долю|доля|достал\w*|взял\w*\s+на\s+себя)\s+",
                       re.I)
#: ... named before it: "Kazakhstan accounted for".
_ACCOUNTS_FOR = re.compile(r"\baccount(?:s|ed|ing)?\s+for\b", re.I)


def _share_holder(sentence: str, lo: int, hi: int, rules: FigureRules) -> str:
    """The place a share in ``sentence[lo:hi]`` falls to, if that stretch says ("55 процентов торгового оборота
    приходится на КНР": China; "почти 24% составила доля Кыргызстана": Kyrgyzstan; "Kazakhstan accounted for 46%":
    Kazakhstan), else ""."""
    for m in _FALLS_TO.finditer(sentence, lo, hi):
        after = next(iter(rules.places.finditer(sentence[m.end():min(hi, m.end() + 30)])), None)
        if after and after[0] == 0:  # (the place right after: not "наибольшая доля: 55 процентов")
            return after[1]
    if (m := _ACCOUNTS_FOR.search(sentence, lo, hi)) is not None:
        before = [name for _pos, name in rules.places.finditer(sentence[max(lo, m.start() - 60):m.start()])]
        # (", accounting for": the subject of the clause before, its first place: "Kazakhstan leads regional trade with
        # China, accounting for 46%")
        return (before[0] if m.group(0).lower().startswith("accounting") and sentence[:m.start()].rstrip().endswith(",")
                else before[-1]) if before else ""
    return ""


#: The whole a share is "of" when it is the total of what the amount beside it measures ("of the total", "от общего
#: показателя"; not "of its GDP").
_TOTAL_WHOLE = re.compile(r"(?:total|overall|sum|показател\w*|объ[её]м\w*|сумм\w*|итог\w*)", re.I)
#: Right before an amount, the end of a name it is given for: "Казахстан - ", "Kazakhstan (", "Kazakhstan with ".
_NAMED_AMOUNT = re.compile(r"[^\W\d_]\s*(?:[-–—:(]|\bwith\b|\bс\b)\s*$", re.I)
#: Between an amount and the percentage that gives its share: "(", ", или", ", or".
_SHARE_AFTER_AMOUNT = re.compile(r"\s*(?:\(|,\s*(?:или|or)\s+)\s*", re.I)
#: Between a share and the amount it is the share of, in brackets after it: "46% ($43.8 billion)".
_AMOUNT_AFTER_SHARE = re.compile(r"\s*\(\s*", re.I)


def _breakdown_periods(out: list[dict], from_base: set[int], rules: FigureRules) -> None:
    """Give the undated figures that break a region's total down by member the period of that total,
    in place: after "China's trade with Central Asia reached $94.8 billion in 2024", "Kazakhstan
    accounted for 46% ($43.8 billion)" is China–Kazakhstan trade in 2024. A total is an earlier trade
    amount (turnover, exports, imports) of the article with a period of its own (not a comparison base's)
    between a region of the places table and a partner; a figure breaks it down when it has no period,
    the same metric (or is a share of that trade), and its parties are one of the region's members and
    the same partner. Only when the article's earlier totals of that region, partner and metric give one
    period; the period's surface is the total's."""
    totals = [((r["line_no"], r["sent_no"]), r["metric"], frozenset(names), r["period"], r["period_surface"])
              for r, names in _region_pairs(out, rules, from_base)
              if r["period"] and "X" not in r["period"] and r["metric"] in _TRADE_AMOUNTS]  # ((line, sentence), metric, pair, ...)
    if not totals:
        return
    for r in out:
        names = r["parties"].split("–")
        if r["period"] or len(names) != 2 or r["metric"].partition(" (of ")[0] not in (*_TRADE_AMOUNTS, "trade_share"):
            continue
        metric = "trade_turnover" if r["metric"].startswith("trade_share") else r["metric"]
        found = {(period, surface) for at, m, pair, period, surface in totals
                 if at < (r["line_no"], r["sent_no"]) and m == metric and _member_and_partner(names, pair, rules.members)}
        if len({period for period, _ in found}) == 1:
            r["period"], r["period_surface"] = min(found)


def _member_and_partner(names: list[str], pair: frozenset, members: dict) -> bool:
    """Whether two parties are a member of a region of ``pair`` (a region and its partner) and that partner."""
    return any(region in members and member in members[region] and partner in pair and partner != region
               for member, partner in (names, names[::-1]) for region in pair)


#: A rate of growth and the level it grew to ("by 28.8 percent to $19.8 billion").
_LEVEL_OF_GROWTH = {"trade_growth": "trade_turnover", "export_growth": "exports", "import_growth": "imports"}


#: A period said as the year before the one the text last spoke of: "a year earlier", "the previous year",
#: "годом ранее", "в предыдущем году" (not "last year" or "a year ago": counted from when it is said).
_YEAR_BEFORE = re.compile(r"(?:(?:in|during|over|for)\s+)?(?:the\s+|a\s+)?(?:year\s+(?:earlier|before)|(?:previous|preceding"
                          r"|prior)\s+year|year\s+before\s+that)|годом\s+(?:ранее|раньше|прежде)|годом\s+до\s+этого"
                          r"|(?:в|за)\s+(?:предыдущ|предшествующ)\w*\s+год\w*", re.I)


#: ... at the head of a sentence whose figures state no period of their own ("A year earlier, trade totalled
#: $26 billion"), or right after a figure ("compared with $26 billion a year earlier").
_YEAR_BEFORE_LEAD = re.compile(rf"\s*(?:{_YEAR_BEFORE.pattern})\s*,", re.I)
_YEAR_BEFORE_AFTER = re.compile(r"\s*,?\s*(?:(?:a\s+)?year\s+(?:earlier|before|ago)|(?:in\s+)?the\s+(?:previous|preceding|prior)"
                                r"\s+year|годом\s+(?:ранее|раньше|прежде))(?![^\W\d_])", re.I)


#: At the head of a sentence: its figures are of the period just stated, in another year ("Over the same period
#: of 2023, trade stood at $6.3 billion", "За аналогичный период прошлого года ..."); elsewhere it is a base.
_SAME_PERIOD_LEAD = re.compile(
    r"\s*(?:(?:in|over|for|during)\s+)?the\s+(?:same|corresponding)\s+period\s+(?:of\s+|in\s+)?(?:(?P<y>(?:19|20)\d\d)"
    r"|last\s+year|the\s+previous\s+year)\s*,?"
    r"|\s*(?:за|в)\s+(?:аналогичн\w*|тот\s+же|том\s+же)\s+период\w*\s+(?:(?P<y2>(?:19|20)\d\d)\s+год\w*|прошлого\s+года"
    r"|предыдущего\s+года)\s*,?", re.I)
#: Right before a year: the period stated before, in that year ("than in the same period of 2023", "за
#: аналогичный период 2023 года").
_SAME_PERIOD_OF = re.compile(rf"{_SAME}\s+(?:period|период\w*)(?:\s+(?:of|in))?\s+$", re.I)


def _said_at(r: dict) -> int:
    """Where a figure's period is said in its sentence (-1: carried from elsewhere, or none)."""
    return r["sentence"].find(r["period_surface"]) if r["period_surface"] else -1


def _same_period_of(r: dict) -> bool:
    """Whether a figure's period is said as "the same period of" a year ("than in the same period of 2023")."""
    return (at := _said_at(r)) > 0 and _SAME_PERIOD_OF.search(r["sentence"], max(0, at - 40), at) is not None


#: Right before a year: its first day, as of which a stock is counted ("На начало 2025 года в Казахстане проживало",
#: "на начало прошлого года", "as of the beginning of 2025").
_YEAR_START = re.compile(r"(?:(?<![^\W\d_])(?:на\s+начало|к\s+началу)|\b(?:as\s+of|at)\s+the\s+(?:beginning|start)\s+of)\s+(?:the\s+)?$", re.I)
#: From one year's start to the next's, right before the second: the first year whole ("Прирост населения с начала 2024
#: года к началу 2025 года составил 252 242 человека").
_FROM_START_TO_START = re.compile(r"(?<![^\W\d_])с\s+начала\s+(?P<year>\d{4})\s+(?:года?\s+)?(?:по|к|до)\s+(?:началу|начало|начала)\s+$",
                                  re.I)
#: The same when the date's surface holds "the beginning of": after "as of" or "at".
_AS_OF_AT = re.compile(r"\b(?:as\s+of|at)\s+$", re.I)
_START_OF = re.compile(r"the\s+(?:beginning|start)\s+of\s", re.I)
#: A date's surface that says the start itself ("на начало года", "на начало текущего года", "к началу текущего года").
_SAID_START = re.compile(r"(?:на\s+начало|к\s+началу)\s", re.I)


#: A season of two years with no word of agriculture ("the 2023/24 season", "в сезоне 2023/24"): the agricultural year,
#: July to June as grain statistics count it, in a sentence that names a crop or grain (:data:`_CROP_NAMED`), not a
#: football or heating season. (A marketing year said as one, "the 2022/23 marketing year", "в 2022-23 сельхозгоду",
#: is a date of :mod:`kzru_lib.dates`.)
_TWO_YEARS = r"((?:19|20)\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?!\d)"
_SEASON_YEAR = re.compile(rf"(?<!\d){_TWO_YEARS}\s+(?:season|сезон\w*)|(?:season|сезон\w*)\s+{_TWO_YEARS}", re.I)
_SEASON_PART = re.compile(r"(?:half|quarter|months?|weeks?|start|beginning|end|половин\w*|квартал\w*|месяц\w*|"
                          r"недел\w*|начал\w*|конц\w*)\s+(?:of\s+)?(?:the\s+)?$", re.I)
_CROP_NAMED = re.compile(r"\b(?:grains?|cereals?|wheat|barley|maize|corn|harvests?|crops?)\b"
                         r"|(?<![^\W\d_])(?:зерн|пшениц|ячмен|кукуруз|урожа)", re.I)


def _crop_years(out: list[dict]) -> None:
    """A figure of a sentence that names a crop or grain and one season of two years (:data:`_SEASON_YEAR`: "wheat
    exports reached 1.9 million tonnes in the 2023/24 season", "в сезоне 2023/24 экспортировал 9 млн тонн пшеницы"; not
    a part of it: "в первой половине сезона 2023-2024 гг.", "the first months of the 2023/24 season"), whose period is no
    more than those two years ("2023/2024", or one of them read from them) or none, is of July of the first to June of
    the second: ``2023-07/2024-06``. In place."""
    named: dict[str, set] = {}  # sentence -> the seasons it names (read once a sentence)
    for r in out:
        if r["qualifier"] == "target" or "/" not in r["sentence"] and "-" not in r["sentence"]:
            continue
        if (found := named.get(r["sentence"])) is None:
            found = named[r["sentence"]] = {
                (m.group(1) or m.group(3), m.group(2) or m.group(4), m.group(0))
                for m in (_SEASON_YEAR.finditer(r["sentence"]) if _CROP_NAMED.search(r["sentence"]) else ())
                if not _SEASON_PART.search(r["sentence"], max(0, m.start() - 30), m.start())}
        if len(found) != 1:
            continue
        first, second, surface = next(iter(found))
        if int(second[-2:]) != (int(first) + 1) % 100:
            continue
        both = f"{first}/{int(first) + 1}"
        if r["period"] and r["period"] != both and not (
                r["period"] in (first, str(int(first) + 1))
                and re.search(rf"{first}\s*[/-]\s*{second}(?!\d)", r["period_surface"])):
            continue
        r["period"], r["period_surface"] = f"{first}-07/{int(first) + 1}-06", surface


#: How far from an event's toll (characters, within its clause and short of the figures beside it) the words that make
#: it a part or an earlier count are looked for.
_TOLL_NEAR = 60
#: Where the stretch of text an event's toll is read with ends: a comma, a semicolon, a colon, a dash, or a clause of
#: time or cause after it ("has risen to 21 after a wounded police officer passed away": no police toll).
_TOLL_BREAK = re.compile(r"[,;:]|\s[–—-]\s|\s(?:after|when|because|since|после\s+того|когда)\s", re.I)
#: Beside an event's toll, the security forces ("police officers or servicemen", "law enforcement officers and military
#: personnel", "сотрудников служб правопорядка", "военнослужащими и представителями других силовых структур").
#: After a word of the security forces or a group: not a speech verb, which makes it the toll's source, not its dead.
_NOT_A_SOURCE = r"(?!\s+(?:said|say|says|reported|told|announced|added)\b)"
_SECURITY = re.compile(
    r"\b(?<!by\s)(?:police(?:m[ae]n)?|officers|servicem[ae]n|soldiers|troops|military|national\s+guard"
    r"|security\s+(?:forces|personnel|officers|officials)|law[\s-]enforcement)\b"
    rf"{_NOT_A_SOURCE}"  # (the police as a source: "Police said 225 were injured")
    r"|(?<![^\W\d_])(?:сотрудник\w*\s+(?:служб|правоохранит|полиц|орган|сил)\w*|военнослужащ\w*|военн(?:ые|ых|ыми)"
    r"|силовик\w*|полицейск\w*|силов\w+\s+структур\w*)", re.I)
#: Right before the security forces: they attacked, they are not the dead ("В ходе вторжения таджикских военных на
#: территорию Киргизии погибли 59 киргизстанцев").
_AGGRESSOR_BEFORE = re.compile(r"(?:\b(?:invasion|attack|assault|shelling|offensive)\s+(?:by\s+)?|(?<![^\W\d_])(?:вторжени|"
                               r"нападени|атак|обстрел|наступлени)\w*\s+)(?:\w+\s+){0,2}$", re.I)


#: Right before the security forces: what was attacked, not who died ("A spate of attacks on churches, synagogues and
#: police ... killed at least 20 people", "нападения на полицейских").
_TARGET_BEFORE = re.compile(r"(?:\b(?:attacks?|assaults?|raids?|strikes?)\s+on|\btarget(?:ed|ing|s)?|(?<![^\W\d_])"
                            r"(?:нападени\w*|атак\w*)\s+на)\s+(?:[\w'’-]+,?\s+){0,4}$", re.I)
_TARGET_NEAR = 60  # (characters before the group word where the attack on it may begin)


#: How far before a word of a locality an event's noun makes it the place of the event (characters).
_EVENT_PLACE_NEAR = 80


def _event_place(sentence: str, pos: int) -> bool:
    """Whether the place named at ``pos`` is where the event happened: an event's noun just before it ("attacks ... in
    Russia's Dagestan region", "В результате терактов в Дагестане")."""
    return _EVENT_NOUN.search(sentence, max(0, pos - _EVENT_PLACE_NEAR), pos) is not None


def _part_locality(sentence: str, lo: int, hi: int) -> bool:
    """Whether ``sentence[lo:hi]`` names a locality (:data:`_LOCALITY`) that makes a toll a part of a larger one ("A
    total of 103 deaths were in Almaty city"), not the place of the event it counts (:func:`_event_place`: "attacks on
    churches ... in Russia's Dagestan region on Sunday killed at least 20 people": all of them), nor a number of them
    ("в 30 городах России задержаны 1054 человека", "in 32 cities": all of them)."""
    return any(not _event_place(sentence, m.start()) and not _MANY_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
               for m in _LOCALITY.finditer(sentence, lo, hi))


#: Right before a word of localities, their number ("в 30 городах", "in 32 cities", "in dozens of regions").
_MANY_BEFORE = re.compile(r"(?:\d|\bdozens\s+of|\bseveral|\bmany|(?<![^\W\d_])(?:десятк\w+|нескольких|многих))\s*$", re.I)


def _not_the_counted(sentence: str, m: re.Match, start: int | None) -> bool:
    """Whether a group word at ``m`` names others than a toll's people: what was attacked (:data:`_TARGET_BEFORE`:
    "attacks on churches, synagogues and police ... killed at least 20 people"), or, before the toll's figure at
    ``start``, the subject of a verb that detained or killed them (:data:`_AGENT_AFTER`: "An armed riot police officer
    detains two protesters")."""
    return bool(_TARGET_BEFORE.search(sentence, max(0, m.start() - _TARGET_NEAR), m.start())
                or (start is not None and m.end() <= start and _AGENT_AFTER.match(sentence, m.end())))


def _toll_group(sentence: str, lo: int, hi: int, start: int, end: int | None = None, other: bool = False,
                same: bool = False) -> bool:
    """Whether ``sentence[lo:hi]`` names a group of a toll (:data:`_TOLL_PART`) that is one of its people
    (:func:`_not_the_counted`); ``start``, ``end``: the toll's figure. Civilians that are the figure's own noun are
    the toll itself ("109 civilians were injured", "108 мирных жителей пострадали"), unless a word of a part stands
    before the figure ("including 17 civilians", "в том числе 17 мирных жителей") or the figure before in the sentence
    is a toll of the same kind (``same``: "погибли 15 силовиков и четверо гражданских"). ``other``: the toll before it in the
    sentence is of another kind (:func:`_toll_beside`); then "of them" makes no part: "пострадали 695 человек ..., из них
    144 человека погибли" gives the dead, a toll of their own."""
    return any(not _not_the_counted(sentence, m, start) and not (
        end is not None and not same and (m.group("civilians") or m.group("civilians_ru"))
        and _OWN_NOUN_GAP.fullmatch(sentence, end, m.start())
        and not _PART_BEFORE.search(sentence, max(0, start - _BASE_WINDOW), start))
        and not (other and (m.group("of_them") or m.group("of_them_ru")))
        for m in _TOLL_PART.finditer(sentence, lo, hi))


def _toll_kind(metric: str) -> str:
    """The kind of toll a metric is (``people (deaths)``...), or ""."""
    return m.group() if (m := _TOLL_KIND.match(metric or "")) else ""


def _toll_beside(out: list[dict], line_no: int, sent_no: int, start: int, metric: str) -> tuple[bool, bool]:
    """``(other, same)`` for the figure just read (the last of ``out``, of ``metric``, at ``start``): whether the figure
    before it in its sentence is an event's toll of another kind (the dead after the injured), and whether it is of the
    same kind (:func:`_toll_just_before`; neither a toll of these kinds counts as the same)."""
    before, kind = _toll_just_before(out[:-1], line_no, sent_no, start), _toll_kind(metric)
    return bool(before and kind and before != kind), before == kind


#: Between a figure and its own noun, at most one word ("108 мирных жителей", "41 Ukrainian civilians").
_OWN_NOUN_GAP = re.compile(r"\s+(?:[^\W\d_][\w'’-]*\s+)?")


#: Right after the security forces named before a toll, a verb of which they are the subject: they detained or killed
#: the people counted ("An armed riot police officer detains two protesters", "полицейские задержали").
_AGENT_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:detain(?:s|ed)?|arrest(?:s|ed)?|kill(?:s|ed)?|shot|задержал\w*|задержива\w*"
                          r"|убил\w*|ликвидировал\w*|уничтожил\w*)\b", re.I)


def _security_dead(sentence: str, lo: int, hi: int, start: int | None = None) -> bool:
    """Whether ``sentence[lo:hi]`` names the security forces as among a toll (:data:`_SECURITY`), not as its attackers
    (:data:`_AGGRESSOR_BEFORE`) nor as others than its people (:func:`_not_the_counted`; ``start``: the toll's figure).
    The caller starts ``lo`` after the noun of the figure before: "At least seven law enforcement officers have died
    and more than two dozen have been injured" counts the injured, not the officers injured."""
    return any(not _AGGRESSOR_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
               and not _not_the_counted(sentence, m, start)
               for m in _SECURITY.finditer(sentence, lo, hi))


#: Counts whose noun may name the security forces a toll counts ("16 members of the police", "19 police", "15
#: сотрудников полиции", "более 15 полицейских", "15 силовиков").
_SECURITY_COUNTS = frozenset({"police", "officers", "troops", "members", "servicemen", "soldiers", "сотрудник",
                              "полицейский", "силовик", "военнослужащий", "военный", "пограничник"})
#: Counts whose noun names animals, or the bodies or individuals of a species ("seals", "тюленей", "особей", "туш",
#: "голов скота"), and near such a count the words that they died (:data:`_ANIMALS_DEAD`).
_ANIMAL_COUNTS = frozenset({"seals", "fish", "birds", "saigas", "saiga", "cattle", "livestock", "sheep", "cows", "horses",
                            "animals", "mammals", "dolphins", "carcasses", "тюлень", "нерпа", "рыба", "птица", "сайгак",
                            "скот", "овца", "корова", "лошадь", "животное", "млекопитающее", "дельфин", "особь", "туша",
                            "голова"})
_ANIMALS_DEAD_CUE = re.compile(r"\b(?:dead|died|perished|carcass(?:es)?|bodies|washed\s+(?:up|ashore)|die-off|killed)\b"
                               r"|(?<![^\W\d_])(?:мертв\w*|погиб\w*|павш\w*|пал[аио]?|гибел\w*|падеж\w*|туш\w*|трупы"
                               r"|выброс\w*)(?![^\W\d_])", re.I)
def _damage_state(sentence: str, lo: int, hi: int, s0: int, e0: int) -> str:
    """The state an event left the buildings counted at ``s0:e0`` in (:data:`_DAMAGE_STATES`): the first word of one
    after them, else the last before them, between ``lo`` and ``hi`` (the figures before and after them in their
    clause) and within :data:`_DAMAGE_NEAR`: "destroyed" ("47 houses collapsed and 78 houses were damaged", "полностью
    разрушены"), "flooded" ("6,132 residential buildings ... were flooded", "подтоплено 304 дома"), "damaged" ("78 houses
    were damaged", "Повреждения получили 30 многоквартирных домов"); "" when none is near."""
    if m := _DAMAGE.search(sentence, e0, min(hi, e0 + _DAMAGE_NEAR[1])):
        return m.lastgroup
    before = list(_DAMAGE.finditer(sentence, max(lo, s0 - _DAMAGE_NEAR[0]), s0))
    return before[-1].lastgroup if before else ""


def _damage_listed(out: list[dict], line_no: int, sent_no: int) -> str:
    """The state of the buildings counted just before in the same sentence, for the next item of their list
    ("Повреждения получили 30 многоквартирных домов, 381 квартира": the flats are damaged too); "" else."""
    if out and out[-1]["line_no"] == line_no and out[-1]["sent_no"] == sent_no:
        return _BUILDING_TOLLS.get(" (".join((out[-1]["metric"] or "").split(" (")[:2]), "")  # (with a part's suffix too)
    return ""


#: The words of a building's state after an event (:func:`_damage_state`), and how near a count (before, after) they
#: may be.
_DAMAGE = re.compile(r"(?P<destroyed>\b(?:destroy\w*|collaps\w*|razed|flattened|ruined)\b|(?<![^\W\d_])(?:разрушен(?!и)\w*"
                     r"|разрушил\w*|обрушил\w*|обрушен\w*|уничтож\w*|сгорел\w*))"
                     r"|(?P<flooded>\b(?:flood\w*|inundat\w*|under\s+water|submerged)\b|(?<![^\W\d_])(?:подтопл\w*|затопл\w*"
                     r"|под\s+водой))"
                     r"|(?P<damaged>\b(?:damag\w*)\b|(?<![^\W\d_])(?:поврежд\w*|повредил\w*|пострадал\w*|разрушени\w*))", re.I)
_DAMAGE_NEAR = (40, 60)
#: Counts whose noun names the bodies of the dead; in their clause, words of a search going on ("so far", "пока").
_BODIES = frozenset({"bodies", "тело"})
_SO_FAR = re.compile(r"\bso\s+far\b|\bas\s+yet\b|(?<![^\W\d_])(?:пока|уже)(?![^\W\d_])", re.I)
#: In the clause of an area, the words of a fire that burned it or covers it.
_FIRE_AREA = re.compile(r"\b(?:burn(?:ed|t|ing|s)?|consum(?:ed|ing)|scorch(?:ed|ing)|(?:wild)?fires?|blazes?|flames?)\b"
                        r"|(?<![^\W\d_])(?:сгорел\w*|сгорев\w*|выгорел\w*|огн[еёяю]\w*|огонь|пожар\w*|плам\w+|возгорани\w*"
                        r"|горени\w*)", re.I)
#: How far before and after a count of animals (characters, in its clause) the words that they died may be.
_ANIMALS_NEAR = (40, 60)
#: Counts whose noun names children ("including two children", "five minors", "в том числе 15 детей"): beside a toll,
#: the children among its dead or hurt, a quantity of their own (its kind with :data:`_CHILDREN_SUFFIX`), not a part.
_CHILD_COUNTS = frozenset({"children", "minors", "kids", "ребенок", "несовершеннолетний"})
#: Nouns of the newly born: counted with a word of birth, a population's births (``people (births)``).
_BORN_NOUNS = frozenset({"children", "babies", "newborns", "ребенок", "младенец", "новорожденный"})
_CHILDREN_SUFFIX = " (children)"
def _children_toll(out: list[dict], line_no: int, sent_no: int, sentence: str, clause: tuple[int, int], a: int,
                   s0: int, e0: int) -> str:
    """The metric of a count of children at ``sentence[s0:e0]`` (``a``: the sentence's start in its line) that are
    among an event's dead or hurt (:data:`_CHILD_COUNTS`): of the toll just before it in the sentence that it is part
    of ("which killed 14 people including two children", "погибли 25 человек, среди которых пять детей"; the children of
    a part are a part: "92 пострадавших остаются в больницах, в том числе шестеро детей"), else of the killing or hurting
    its clause names ("The dead included two children"); "" when neither."""
    if (kind := _toll_just_before(out, line_no, sent_no, a + s0)) and (
            _PART.search(sentence, out[-1]["end"] - a, min(clause[1], e0 + _PART_AFTER_NEAR))
            or _AMONG.search(sentence, out[-1]["end"] - a, s0)):
        rest = out[-1]["metric"][len(kind):]
        return kind + _CHILDREN_SUFFIX + next((x for x in (_PART_SUFFIX, _EARLIER_SUFFIX, _CHANGE_SUFFIX)
                                               if rest.endswith(x)), "")
    if what := _direction(sentence, clause, s0, e0, ("killed", "injured", "deaths"), _SECURITY_KILLED_NEAR):
        return _KIND_METRIC.get(what, "people (deaths)" if what == "deaths" else f"people ({what})") + _CHILDREN_SUFFIX
    return ""


#: Between a toll and a count of children: "among" ("..., among them five children", "среди которых пять детей").
_AMONG = re.compile(r"\bamong\b|(?<![^\W\d_])среди(?![^\W\d_])", re.I)
#: Counts whose noun names those who attacked ("six militants", "five attackers", "пятерых боевиков"): killed
#: (:data:`_ATTACKERS_KILLED`), the attackers' dead, a quantity of their own (``people (deaths) (attackers)``), not
#: the toll of the dead they caused.
_ATTACKER_COUNTS = frozenset({"attackers", "militants", "gunmen", "assailants", "terrorists", "insurgents", "bandits",
                              "боевик", "террорист", "бандит", "нападавший", "нападающий", "смертник"})
#: Beside a count of attackers, the word that they were killed ("were killed", "eliminated", "neutralised",
#: "ликвидировано минимум шесть боевиков", "уничтожили пятерых боевиков").
_ATTACKERS_KILLED = re.compile(r"\b(?:killed|dead|shot\s+dead|eliminat\w*|neutrali[sz]\w*|liquidat\w*)\b"
                               r"|(?<![^\W\d_])(?:убит\w*|убил\w*|погиб\w*|ликвидир\w*|уничтож\w*|нейтрализ\w*)", re.I)
#: How far before and after a count of attackers the word that they were killed may be (characters, in its clause).
_ATTACKERS_NEAR = (40, 40)
#: What an attackers' count becomes when they were killed.
_ATTACKERS_DEAD = "people (deaths) (attackers)"
#: How far after an event's toll (characters) its words may say it is the security forces' ("19 police officers or
#: servicemen"; not "the 164 deaths refer only to civilians or if law enforcement deaths are included"), and how far
#: (before, after) from such a count the word of the killing may be ("... members had been killed").
_SECURITY_NEAR = 35
_SECURITY_KILLED_NEAR = (80, 60)
#: Before an event's toll, a doubt whether it holds a group ("It is not clear if the 164 deaths refer only to civilians or
#: if law enforcement deaths are included"): the whole toll, whatever group is named beside it.
_TOLL_DOUBT = re.compile(r"\b(?:(?:it\s+is\s+)?(?:not\s+clear|unclear)\s+(?:if|whether)|whether)\b"
                         r"|(?<![^\W\d_])(?:неясно|не\s+ясно|непонятно)(?![^\W\d_])", re.I)
#: How far after a count (characters) a word that makes it a part of the toll before may be ("19 из которых").
_PART_AFTER_NEAR = 15
#: The end of the metric of the dead added to a toll ("an additional 13 deaths"): a change of the toll, not the toll.
_CHANGE_SUFFIX = " (change)"
#: The end of the metric of an earlier count an article quotes beside the toll it reports (no claim of its own).
_EARLIER_SUFFIX = " (earlier count)"
#: The kind of a count of the dead, hurt or detained, its metric without a group or an earlier count.
_TOLL_KIND = re.compile(r"people \((?:deaths|injured|detained)\)")


def _toll_just_before(out: list[dict], line_no: int, sent_no: int, start: int) -> str:
    """The kind of the figure just found (``people (deaths)``...), if it counts the dead, hurt or detained in the
    same sentence before ``start``; else ""."""
    if out and out[-1]["line_no"] == line_no and out[-1]["sent_no"] == sent_no and out[-1]["end"] <= start:
        return _toll_kind(out[-1]["metric"])
    return ""


#: Beside an event's toll, a group of the dead or hurt, not all of them (police, soldiers, civilians, children, one side,
#: "most of the deaths", those in serious condition: "состояние семи раненых расценивается как тяжелое"): a part.
#: Groups ``civilians``/``civilians_ru`` and ``of_them``/``of_them_ru`` name the words :func:`_toll_group` reads apart.
_TOLL_PART = re.compile(
    r"\b(?<!by\s)(?:police(?:m[ae]n)?|officers?|servicem[ae]n|soldiers?|troops|military|security\s+(?:forces|personnel|officers)"
    r"|law[\s-]enforcement|(?P<civilians>civilians)|children|minors|bandits|assailants|rioters|militants|terrorists"
    r"|attackers|(?P<of_them>among\s+(?:the\s+)?(?:dead|them|those|victims|killed|injured))"
    r"|(?:most|half|some|many)\s+of\s+(?:the|those|them)"
    r"|hospitali[sz]ed|in\s+hospital|outpatients?|(?:serious|critical|grave)\s+condition|seriously|critically)\b"
    rf"{_NOT_A_SOURCE}"  # (a source: "Police said 225 were injured")
    r"|(?<![^\W\d_])(?:(?P<of_them_ru>из\s+них|среди\s+(?:погибших|них|пострадавших|раненых))|сотрудник\w*|военнослужащ\w*"
    r"|силовик\w*|полицейск\w*|бандит\w*|боевик\w*|террорист\w*|дет(?:ей|и)|несовершеннолетн\w*"
    r"|(?P<civilians_ru>мирн\w+\s+жител\w*|гражданск\w*)"
    r"|большинств\w*|половин\w*|госпитализирован\w*|амбулаторн\w*|в\s+стационар\w*|тяж[её]л\w*|критическ\w*"
    r"|состояни\w*)", re.I)
#: A place named after "in" / "в" with a capital letter ("were in Almaty", "в Алматы").
_IN_NAME = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?P<name>[A-Z][\w'’-]+)|(?<![^\W\d_])(?:[Вв]|[Вв]о)\s+(?P<name_ru>[А-ЯЁ][\w-]+)")


#: A line that is one field of a record: a label of at most three words, a colon, its value ("Задержанные: более 300
#: человек", "Detained: 502").
_FIELD_LINE = re.compile(r"[^\W\d_][^\W\d_-]*(?:[ -][^\W\d_]+){0,2}:\s+\S")
#: How many lines above a record's field its heading may stand (the record's other fields between).
_RECORD_LINES = 3


def _record_town(sents: list, k: int, rules: FigureRules) -> str | None:
    """The town a record's heading names, when sentence ``k`` is a whole line that is one field of the record
    (:data:`_FIELD_LINE`) and the line above it, past the record's other fields, is a name alone, of at most three
    capitalised words ("Москва / Сколько участников: сотни человек / Задержанные: более 300 человек": Moscow): the
    town's name in the places table, ``""`` for a name the table does not know; else None."""
    if sents[k][2] != 0 or not _FIELD_LINE.match(sents[k][4]):
        return None
    for j in range(k - 1, max(-1, k - 1 - _RECORD_LINES), -1):
        line = sents[j][4].strip()
        if sents[j][2] == 0 and _FIELD_LINE.match(line):
            continue
        if sents[j][2] != 0 or not _RECORD_HEADING.fullmatch(line):
            return None
        town = next(rules.towns.finditer(line), None)
        return town[1] if town is not None and town[0] == 0 else ""
    return None


#: A record's heading: a name of at most three capitalised words ("Москва", "Санкт-Петербург", "Nizhny Novgorod").
_RECORD_HEADING = re.compile(r"[A-ZА-ЯЁ][^\W\d_]*(?:[ -][A-ZА-ЯЁ]?[^\W\d_]+){0,2}")


def _toll_town(sentence: str, lo: int, hi: int, rules: FigureRules, end: int = 0) -> str | None:
    """The town an event's toll is said of in its stretch of text ``sentence[lo:hi]``: a name after "in" (begun in the
    stretch, read whole) that is a city or region of the places table (:attr:`FigureRules.towns`), by its table name ("A
    total of 103 deaths were in Almaty": Almaty; "в Санкт-Петербурге": Saint Petersburg; "in Moscow": Moscow); ``""``
    for another name that is no country, region, month or day ("in Krasnodar Krai": a town the table does not name);
    None when the stretch names no town but the place of the event ("В результате терактов в Дагестане": all of them).
    Of several, the first after the toll's figure (which ends at ``end``), else the last before it ("394 protesters were
    detained in Moscow and at least 376 were detained in St. Petersburg": 376 are Saint Petersburg's)."""
    found = None
    for m in _IN_NAME.finditer(sentence, lo):
        if m.start() >= hi:
            break
        name = m.group("name") or m.group("name_ru")
        if (before := sentence[max(0, m.start() - 20):m.start()].split()) and before[-1][:1].isupper() \
                and before[-1][-1] not in ",;:)»\"":
            continue  # a headline's capitals ("Riots in Kazakhstan Resulted in Death of 230 People")
        at = m.start("name") if m.group("name") else m.start("name_ru")
        town = next(rules.towns.finditer(sentence[at:at + _TOWN_CHARS]), None)
        if town is not None and town[0] == 0:
            name = town[1]
        elif name.lower() in MONTHS or name.lower() in _WEEKDAY_NUMBER or _places_in(name, rules)[0]:
            continue
        else:
            name = ""
        if not _event_place(sentence, m.start()):
            found = name
            if m.start() >= end:
                break
    return found


_TOWN_CHARS = 40  # the characters after "in" read for a town's name ("Saint Petersburg", "Moscow region")
#: Counts of people (no event's toll, no population) that a city or region named in their clause makes that place's.
_TOWN_PEOPLE = frozenset({"people", "people (in)", "people (out)", "people (expelled)"})
_BRACKET_OPEN = re.compile(r"\s*(?:(?:около|более|свыше|почти|порядка|about|over|more\s+than|nearly|almost)\s+)?")
#: A clause that opens with "where" or "there" after a comma or a dash, or an opening bracket: what it counts is of the
#: place named right before it ("Москва, где трудились", "Москву – там работали", "Московская область (более 427 тысяч").
_WHERE_AFTER = re.compile(r"\s*(?:[,–—-]\s*(?:где|there|там|where)\s|\()")


def _town_where(sentence: str, start: int, s0: int, rules: FigureRules) -> str:
    """The city or region of the places table named right before the last ", где" / ", where" / "– там" between ``start``
    and a figure at ``s0``, or right before the bracket it opens ("стала Москва, где трудились по патенту около 631 тысячи
    иностранцев": Moscow; "Московская область (более 427 тысяч мигрантов)": Moscow region), or ""."""
    where = next(reversed(list(_WHERE_AFTER.finditer(sentence, start, s0))), None)
    if where is None or (where.group().endswith("(") and not _BRACKET_OPEN.fullmatch(sentence, where.end(), s0)):
        return ""
    before = sentence[max(start, where.start() - _TOWN_CHARS):where.start()]
    names = list(rules.towns.finditer(before))
    # (the last town named, at most two words before the comma or bracket: "Moscow region (", not a town further back)
    return names[-1][1] if names and len(before[names[-1][0]:].split()) <= 2 else ""


#: The people still in hospital, said right before their count ("в медицинских стационарах остаются восемьдесят
#: пострадавших", "на лечении в больницах Москвы и Подмосковья остается 91 человек") or after it ("80 people injured in the
#: attack, including six children, remained in hospital", "Более 90 человек находятся в больницах"): a part of the
#: injured (:func:`_in_hospital`).
_HOSPITAL_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:на\s+лечении\s+)?в\s+(?:[\w-]+\s+)?(?:мед)?(?:стационар|больниц)\w*|на\s+стационарном\s+лечении)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:находятся|находится|остаются|остается|остаётся|остались)\s+(?:\w+\s+)?$", re.I)
_HOSPITAL_AFTER = re.compile(
    r"\b(?:remain(?:ed|s|ing)?|(?:are|were|is|was)(?:\s+still)?|still)\s+(?:being\s+treated\s+)?in\s+(?:the\s+)?"
    r"hospitals?\b|(?<![^\W\d_])(?:находятся|находится|остаются|остается|остаётся|остались)\s+"
    r"(?:на\s+стационарном\s+лечении|(?:на\s+лечении\s+)?в\s+(?:[\w-]+\s+)?(?:мед)?(?:стационар|больниц)\w*)", re.I)


def _in_hospital(sentence: str, lo: int, s0: int, e0: int, cands: list[dict]) -> bool:
    """Whether a toll's count at ``s0:e0`` counts the people still in hospital (:data:`_HOSPITAL_BEFORE`, from ``lo``,
    the end of the figure before; :data:`_HOSPITAL_AFTER`, up to the next figure that is no part named inside this
    count, "including six children")."""
    if _HOSPITAL_BEFORE.search(sentence[lo:s0]):
        return True
    upto = next((g["start"] for g in sorted(cands, key=lambda g: g["start"]) if g["start"] >= e0
                 and not _INCLUDING_BEFORE.search(sentence, max(0, g["start"] - 25), g["start"])), len(sentence))
    return _HOSPITAL_AFTER.search(sentence, e0, upto) is not None


#: Beside an event's toll, an earlier count the article quotes ("the last official count recorded 164 deaths", "The
#: previous official death toll was 164", "authorities had said that the death toll ... was 164", "ранее сообщалось о 164
#: погибших").
_TOLL_BEFORE = re.compile(r"\b(?:last|previous|earlier|prior|former)\s+(?:official\s+)?(?:death\s+)?(?:count|toll|tally|figure"
                          r"|report)s?\b|\bhad\s+(?:said|reported|put|given|announced)\b"
                          r"|(?<![^\W\d_])(?:ранее\s+(?:сообщалось|называл\w*|говорилось)|по\s+(?:прежним|предыдущим)"
                          r"\s+данным)", re.I)
#: A toll counted from a start to now: "since floods began last month", "since 27 March", "с начала паводка".
_RUNNING_SINCE = re.compile(r"\bsince\b|(?<![^\W\d_])(?:с\s+начала|начиная\s+с)(?![^\W\d_])", re.I)
#: A day, an ISO week or a month of a year (the month an event's toll is counted in): its year and month, or week.
_SUB_YEAR = re.compile(r"(\d{4})-(?:(\d{2})(?:-\d{2})?|W(\d{2}))")
#: A span of days (group 1: the month of its first, 2: of its last): "2022-09-14/2022-09-16".
_DAYS_OF_A_MONTH = re.compile(r"(\d{4}-\d{2})-\d{2}/(\d{4}-\d{2})-\d{2}")


def _earlier_tolls(out: list[dict]) -> None:
    """Mark as earlier counts (:data:`_EARLIER_SUFFIX`) an article's smaller values of one toll (the same kind, group,
    parties, period and unit) whose interval lies below its largest value: a toll only grows as it is counted, so an
    article that gives two values of it reports the larger and quotes the smaller from an earlier count ("six law
    enforcement officers were killed" on 23 June, then "the death toll ... had risen to 9 people, including 7 law
    enforcement officers"), or names a part of it the rules did not see as one. A hedge that holds the largest ("more
    than 4,300" beside 4,353) is its rounding, not an earlier count. Parts, changes, earlier counts already read and
    targets are left as they are. In place."""
    groups: dict[tuple, list[dict]] = {}
    for r in out:
        m = r["metric"] or ""
        if m.startswith(_TOLLS) and not m.endswith((_PART_SUFFIX, _EARLIER_SUFFIX, _CHANGE_SUFFIX)) \
                and r["qualifier"] != "target":
            groups.setdefault((m, r["parties"], r["period"], r["unit"]), []).append(r)
    for rows in groups.values():
        top = max(r["value"] for r in rows)
        tops = [t for t in rows if t["value"] == top]
        for r in rows:
            # (not "more than 4,300" beside 4,353: a rounding of it; nor the count that raised the toll: "35 of its
            # citizens were killed ..., raising the overall death toll to at least 81")
            if r["high"] < top and not any(_raised_by(r, t) for t in tops):
                r["metric"] += _EARLIER_SUFFIX


#: A verb that brings a toll to a number (:data:`_BRINGS`), wherever it stands.
_RAISING = re.compile(_BRINGS_VERB + r"(?!\w)", re.I)


def _raised_by(r: dict, t: dict) -> bool:
    """Whether the toll ``t`` is what the count ``r`` before it in its sentence raised the toll to ("35 of its citizens
    were killed ..., raising the overall death toll to at least 81"): ``r`` is the toll's new part, not an earlier count."""
    if r["sentence"] != t["sentence"] or r["line_no"] != t["line_no"] or r["end"] > t["start"]:
        return False
    sentence = t["sentence"]
    at = sentence.find(t["surface"])
    return at > 0 and _BROUGHT_TO.search(sentence, max(0, at - 25), at) is not None \
        and _RAISING.search(sentence, max(0, sentence.find(r["surface"])), at) is not None


def _toll_months(out: list[dict], tolls: set[int], published: str | None, sents: list, rules, find_dates) -> None:
    """Give an event's toll (the figures at the indices ``tolls``) the month of the event as its period: the month of
    the event its sentence, else its dated article, names as the event's ("230 people were killed across the country
    during the January events", "после январских массовых беспорядков": January, of the article's year or the year
    before; so a count revised months later is set against the first), else the month of the day or week its sentence
    names ("At least 164 people were killed last week": ``2022-01``), else, when it names none, the month of the day
    its dated article gives the event, when that is the month before (:func:`_event_day_month`), else the month its
    dated article came out in (a toll is counted as the news of an event comes in, so the tolls of one event reported
    the same month are compared). A toll's year stays (a year's deaths are a population's count, no event's). An undated
    article's toll takes the month its text names with one year (:func:`_undated_toll_months`). In place."""
    dated = bool(published and _SUB_YEAR.match(published[:7]))
    article_month = _article_event_month(sents) if dated and tolls else 0
    day_month = None  # the month of the day the article gives the event (:func:`_event_day_month`), read when needed
    for i in tolls:
        r = out[i]
        if r["qualifier"] == "target":
            continue
        if dated and not _FOUR_DIGITS.fullmatch(r["period"]) and (month := _event_month(r["sentence"]) or article_month):
            r["period"] = _month_before(published, month)
        elif m := _SUB_YEAR.fullmatch(r["period"]):
            month = int(m.group(2)) if m.group(2) else _week_month(int(m.group(1)), int(m.group(3)))
            r["period"] = f"{m.group(1)}-{month:02d}"
            if dated and r["period"] < published[:7] and _RUNNING_SINCE.search(r["sentence"]):
                # a running count since the event began ("more than 108,000 have been evacuated since floods began
                # last month"): of the month it is counted in, the article's
                r["period"] = published[:7]
        elif (m := _DAYS_OF_A_MONTH.fullmatch(r["period"])) and m.group(1) == m.group(2):
            r["period"] = m.group(1)  # "clashed over a border dispute on Sept. 14-16, ... leaving at least 54 dead"
        elif not r["period"] and dated:
            if day_month is None:
                day_month = _event_day_month(sents, published, rules, find_dates) if find_dates is not None else 0
            # (the event's day a month before: "Теракт ... произошел 22 марта" in April, the toll of the March event)
            r["period"] = _month_before(published, day_month) if day_month else published[:7]
    if tolls and not published and find_dates is not None:
        _undated_toll_months(out, tolls, sents, rules, find_dates)


def _month_before(published: str, month: int) -> str:
    """``YYYY-MM`` of ``month`` at or before the month of ``published`` (``YYYY-MM-DD``): of its year, or of the year
    before when the month is later in the year."""
    return f"{int(published[:4]) - (month > int(published[5:7]))}-{month:02d}"


def _undated_toll_months(out: list[dict], tolls: set[int], sents: list, rules, find_dates) -> None:
    """Give an undated article's event toll with no period (the figures at the indices ``tolls``) the month of the
    event, in the year the article names that month with: the month its sentence names the event by, or a day of
    that month it (or its period) names without a year ("As of 19 September, the total death toll was 39", in a
    flash dated "20 September 2022"), else the one month the article names as the event's ("protests that erupted
    in early January", beside a caption's "5 January 2022"), else the one month of one year all the article's dates
    fall in ("At least 32 persons died ... announced on Saturday" beside "said on Saturday October 29, 2023": the
    news of those days). When the article names that month with no year, or with several, the toll is of the month in
    no known year (``XXXX-09``: a comparison gives it the year other articles give that month's tolls). In place."""
    years: dict[int, set[str]] = {}  # month -> the years the article's dates name it with
    for sent in sents:
        for row in _sentence_candidates(sent[4], None, rules, find_dates)[1]:
            for year, month in _YEAR_MONTH.findall(row[2] or ""):
                years.setdefault(int(month), set()).add(year)
    article_month = _article_event_month(sents)
    # (the one month of one year all the article's dates fall in, if so)
    only_month = next(iter(years)) if len(years) == 1 and len(next(iter(years.values()))) == 1 else 0
    for i in tolls:
        r = out[i]
        if (r["period"] and not _YEARLESS_MONTH.match(r["period"])) or r["qualifier"] == "target":
            continue
        rows = _sentence_candidates(r["sentence"], None, rules, find_dates)[1]
        said = {int(m.group(1)) for v in (r["period"], *(d[2] or "" for d in rows)) if (m := _YEARLESS_MONTH.match(v))}
        month = _event_month(r["sentence"]) or (said.pop() if len(said) == 1 else article_month) or only_month
        if month and len(found := years.get(month, ())) == 1:
            r["period"] = f"{next(iter(found))}-{month:02d}"
        elif month and (not r["period"] or _YEARLESS_MONTH.match(r["period"])):
            r["period"] = f"XXXX-{month:02d}"  # (of its month, the year unknown: the corpus may give it, :func:`_yearless`)


#: A year and month in a date's value ("2022-09-20", "2022-01", "2022-09-16/2022-09-18"), and a month without a year
#: ("XXXX-09-19").
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEARLESS_MONTH = re.compile(r"XXXX-(\d{2})")


_MONTH_NAMES = tuple(m.lower() for m in calendar.month_name[1:])  # (English: the module sets no locale)
_RU_MONTH_ADJECTIVES = ("январск", "февральск", "мартовск", "апрельск", "майск", "июньск", "июльск", "августовск",
                        "сентябрьск", "октябрьск", "ноябрьск", "декабрьск")
#: The month an event happened in, as a text names it beside the event ("the January events", "the January riots",
#: "protests that erupted in early January", "январских массовых беспорядков", "январское восстание").
_EVENT_MONTH = re.compile(
    rf"\b(?P<en>{'|'.join(_MONTH_NAMES)})\s+(?:events|riots|unrest|protests|violence|clashes|uprising|crisis|tragedy)\b"
    rf"|\b(?:erupted|began|started|broke\s+out)\s+in\s+(?:early\s+|mid-?|late\s+)?(?P<en2>{'|'.join(_MONTH_NAMES)})\b"
    rf"|(?<![^\W\d_])(?P<ru>{'|'.join(_RU_MONTH_ADJECTIVES)})\w*\s+(?:[а-яё]+\s+)?(?:событи|беспорядк|протест|волнени"
    rf"|трагеди|восстани|бунт)", re.I)


def _event_month(sentence: str) -> int | None:
    """The one month a sentence names as an event's (:data:`_EVENT_MONTH`), or None."""
    months = set()
    for m in _EVENT_MONTH.finditer(sentence):
        if name := m.group("en") or m.group("en2"):
            months.add(_MONTH_NAMES.index(name.lower()) + 1)
        else:
            months.add(next(i for i, a in enumerate(_RU_MONTH_ADJECTIVES, 1) if m.group("ru").lower().startswith(a)))
    return months.pop() if len(months) == 1 else None


def _article_event_month(sents: list) -> int:
    """The one month an article names as an event's, in any of its sentences; 0 when none or several."""
    months = {m for sent in sents if (m := _event_month(sent[4]))}
    return months.pop() if len(months) == 1 else 0


#: How many months before a dated article's own the day of the event it names may be, for a toll it gives with no
#: period to be of that event's month (:func:`_event_day_month`): "ракетного обстрела 30 декабря 2023 года" in an
#: article of 6 February 2024 ("Погибло 25 человек": the December toll).
EVENT_MONTHS_BACK = 3


def _event_day_month(sents: list, published: str, rules, find_dates) -> int:
    """The month of the one day a dated article gives an event it names (:data:`_EVENT_NOUN`), when that is the
    article's month or one of the :data:`EVENT_MONTHS_BACK` months before ("Теракт в «Крокус Сити Холле» произошел 22
    марта" in an article of 12 April: a toll counted in April is of the March event); 0 when none, several, or older.
    Only a day: an event of weeks ("since floods began last month") is counted in the month of each count."""
    months, named = set(), set()  # (named: the days the event's noun names as its own, "The Saturday attack")
    for sent in sents:
        if _EVENT_NOUN.search(sent[4]):
            # (a sentence with no number has no candidates' date rows: its dates are read here, "The Saturday attack")
            rows = _sentence_candidates(sent[4], published, rules, find_dates)[1] or (
                _date_rows(sent[4], published, find_dates[1]) if not _DIGIT_RUN.search(sent[4]) else [])
            for row in rows:
                if (m := _SUB_YEAR.fullmatch(row[2] or "")) and m.group(2) and len(row[2]) == 10:  # (a day)
                    months.add(day := (int(m.group(1)), int(m.group(2))))
                    if _names_the_event(sent[4], row[0], row[1]):
                        named.add(day)
    if len(named) == 1:
        months = named  # (not the days of what followed: "succumbed to her injuries on Monday")
    if len(months) != 1:
        return 0
    year, month = months.pop()
    ahead = (int(published[:4]) - year) * 12 + int(published[5:7]) - month
    return month if 0 <= ahead <= EVENT_MONTHS_BACK else 0


def _names_the_event(sentence: str, start: int, end: int) -> bool:
    """Whether the day at ``sentence[start:end]`` is named as an event's own (:data:`_EVENT_NOUN`): right before its
    noun ("The Saturday attack", "the December 30 strike") or right after it ("the attack on Saturday", "обстрела 30
    декабря")."""
    if (gap := _GAP.match(sentence, end)) and _EVENT_NOUN.match(sentence, gap.end()):
        return True
    return any(_EVENT_GAP.fullmatch(sentence, m.end(), start) for m in _EVENT_NOUN.finditer(sentence, max(0, start - 40),
                                                                                          start))


_GAP = re.compile(r"['’]?s?\s+")
#: Between an event's noun and its day: "on", "of" or nothing ("the attack on Saturday", "обстрела 30 декабря").
_EVENT_GAP = re.compile(r"\w*\s+(?:(?:on|of|от)\s+)?(?:the\s+)?", re.I)


def _week_month(year: int, week: int) -> int:
    """The month of the Thursday of ISO week ``week`` of ``year`` (the month that holds most of the week)."""
    return datetime.date.fromisocalendar(year, max(1, min(week, 52)), 4).month


def _year_starts(out: list[dict]) -> None:
    """A year said as its start ("на начало 2025 года", "на начало прошлого года", "на начало года", "as of the
    beginning of 2025") is its first day: ``2025-01-01``, as "as of January 1, 2025" is. In place."""
    for r in out:
        if (at := _said_at(r)) >= 0 and _FOUR_DIGITS.fullmatch(r["period"]) and (
                m := _FROM_START_TO_START.search(r["sentence"], max(0, at - 40), at)) \
                and int(m.group("year")) == int(r["period"]) - 1:
            r["period"] = m.group("year")  # "с начала 2024 года к началу 2025 года": the year 2024, from start to end
        elif at >= 0 and _FOUR_DIGITS.fullmatch(r["period"]) and (
                _YEAR_START.search(r["sentence"], max(0, at - 40), at)
                or (_START_OF.match(r["period_surface"]) and _AS_OF_AT.search(r["sentence"], max(0, at - 10), at))
                or _SAID_START.match(r["period_surface"])):
            r["period"] += "-01-01"


#: How many sentences back the period "a year earlier" counts from may be stated (else it is left as read).
_YEAR_BEFORE_REACH = 2


def _year_before_periods(out: list[dict]) -> None:
    """A figure whose period is "a year earlier" / "годом ранее" is of the year before the period of the
    figure before it that states one ("Trade reached $27.8 billion in 2023, compared with $26 billion a
    year earlier", "... в 2023 году. Годом ранее товарооборот составлял 26 млрд": 2022, not the year before
    the article's, which the dates read the words as in a sentence alone); months and spans shift with it
    ("за январь-июль 2023 года ... годом ранее": 2022-01/2022-07). Only when that figure is at most
    :data:`_YEAR_BEFORE_REACH` sentences back. In place."""
    last, last_at = "", -1
    for r in out:
        period = r["period"]
        sentence, surface, said = r["sentence"], r["surface"], r["period_surface"]
        if not period or said not in sentence:  # no period, or one carried from before
            if last and r["sent_no"] - last_at <= _YEAR_BEFORE_REACH and (same := _SAME_PERIOD_LEAD.match(sentence)) \
                    and len(years := set(re.findall(r"\d{4}", last))) == 1:
                # "Over the same period of 2023, trade stood at $6.3 billion": the months just stated, of 2023
                year = same.group("y") or same.group("y2") or str(int(years.pop()) - 1)
                r["period"], r["period_surface"] = re.sub(r"\d{4}", year, last), same.group(0).strip(" ,")
                continue
            if not period:
                continue
        if last and r["sent_no"] - last_at <= _YEAR_BEFORE_REACH and _FOUR_DIGITS.fullmatch(period) \
                and len(set(re.findall(r"\d{4}", last))) == 1 and last != last[:4] and _same_period_of(r):
            # "... in the first nine months of 2024 ... . This figure is slightly lower than in the same period of
            # 2023, when the gain amounted to 88,700 people": the months just stated, of that year
            r["period"] = re.sub(r"\d{4}", period, last)
            continue
        cue = _YEAR_BEFORE.fullmatch(said.strip()) or (said not in sentence and _YEAR_BEFORE_LEAD.match(sentence)) or (
            (at := sentence.find(surface)) >= 0 and _YEAR_BEFORE_AFTER.match(sentence, at + len(surface)))
        if cue:
            if last and r["sent_no"] - last_at <= _YEAR_BEFORE_REACH:
                # the words that say it are the period's surface ("a year earlier"), its year counted from the last
                r["period"] = re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), last)
                r["period_surface"] = cue.group(0).strip(" ,")
        elif "X" not in period and not said.isdigit():  # (not a stray "24" of "2023-24")
            last, last_at = period, r["sent_no"]


#: A make of cars named right after the cars or before their sales ("автомобилей Lada", "Lada sales", "марки Haval"):
#: a Latin-script name, one or two words, capitalised whatever the case of the rest ("passenger cars in Russia" names no
#: make "in") (:func:`_car_make`).
_MAKE_AFTER = re.compile(r"(?:автомобил\w*|машин\w*|cars?|brand|марк[аиуеой]\w*|бренд\w*|продаж\w*)\s+"
                         r"(?:(?:of|the|новых|легковых)\s+)*(?P<make>(?-i:[A-Z])[A-Za-z-]+)\b", re.I)
_MAKE_BEFORE = re.compile(r"\b(?P<make>[A-Z][A-Za-z-]+)(?:['’]s)?\s+(?:car\s+|vehicle\s+)?(?:sales|sold|продаж\w*|продал\w*)")
#: The cars of a clause were made, not sold ("produced", "выпустил", "собрано").
_MADE = re.compile(r"\b(?:produc(?:ed|es|e|tion)|manufactur\w+|assembl\w+|made)\b|(?<![^\W\d_])(?:произв[её]\w*|выпущ\w*"
                   r"|выпуст\w*|выпуск\w*|собран\w*|собрал\w*)", re.I)


def _car_make(sentence: str, lo: int, hi: int, rules) -> str:
    """The make of cars a clause's sales are of (:data:`_MAKE_AFTER`, :data:`_MAKE_BEFORE`, before the figure at ``hi``),
    as written; "" when it names none, or the name is a place or a word that begins a sentence ("New", "Russian")."""
    for rx in (_MAKE_AFTER, _MAKE_BEFORE):
        for m in rx.finditer(sentence, lo, hi):
            make = m.group("make")
            if make.isascii() and make.lower() not in _NOT_MAKES and not _places_in(make, rules)[0]:
                return make
    return ""


#: Passengers of domestic or of international routes, said in the clause (:func:`_passenger_route`).
_DOMESTIC = re.compile(r"\bdomestic\b|(?<![^\W\d_])внутренн\w*\s+(?:лини\w*|рейс\w*|маршрут\w*|направлени\w*"
                       r"|перевозк\w*|авиаперевозк\w*|авиалини\w*)|(?<![^\W\d_])внутри\s+(?:РФ|России|страны)", re.I)
_INTERNATIONAL = re.compile(r"\binternational\b|(?<![^\W\d_])международн\w*\s+(?:лини\w*|рейс\w*|маршрут\w*"
                            r"|направлени\w*|перевозк\w*|авиаперевозк\w*|авиалини\w*)", re.I)

#: A word of all passengers, whatever their routes ("общий пассажиропоток", "total passenger traffic").
_ALL_ROUTES = re.compile(r"\b(?:total|overall)\b|(?<![^\W\d_])(?:общ(?:ий|его|ая|ей|ее|ем)|совокупн\w*|в\s+целом)(?![^\W\d_])",
                         re.I)

#: A word of passengers: people counted beside it before the figure in its clause are passengers (:func:`_read_doc_figures`).
_PASSENGER_WORD = re.compile(r"\bpassengers?\b|(?<![^\W\d_])(?:авиа)?пассажир\w*", re.I)


def _passenger_route(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> str:
    """``domestic`` or ``international`` when the clause of a count of passengers says which routes: the nearest word
    before the figure in its item, else the nearest after it in its item ("На внутренних линиях было перевезено 42 млн
    пассажиров, на международных линиях перевезено 13,4 млн"), else the nearest before it; "" when the clause says
    neither."""
    found = [(m.start(), m.end(), way) for way, rx in (("domestic", _DOMESTIC), ("international", _INTERNATIONAL))
             for m in rx.finditer(sentence, *clause)]
    # (not past a word of the whole between the routes' word and the figure: "Из-за сокращения перевозок внутри страны
    # общий пассажиропоток ... снижение – на 2,5%" is all passengers')
    found = [(s, e, way) for s, e, way in found if e > s0 or not _ALL_ROUTES.search(sentence, e, s0)]
    before = [(s0 - e, way) for s, e, way in found if e <= s0 and not _ITEM_BREAK.search(sentence, e, s0)]
    after = [(s - e0, way) for s, e, way in found if s >= e0 and not _ITEM_BREAK.search(sentence, e0, s)]
    # (else the nearest before it in the clause: "Пассажиропоток авиакомпаний внутри РФ ... снизился на 3,8% ..., до 81,5
    # млн человек")
    earlier = [(s0 - e, way) for s, e, way in found if e <= s0]
    return min(before or after or earlier or [(0, "")])[1]


#: An operator named as the subject of the traffic it carried (:data:`_CARRIED`), before the figure in its clause: a name in
#: guillemets after a word of a company, or a capitalised name before "Group", "Airlines", "Airways" ("Группа
#: «Аэрофлот» ... перевезла", "авиакомпания «Победа» перевезла", "Aeroflot Group carried").
_OPERATOR = re.compile(r"(?<![^\W\d_])(?:групп[аы]|компани[яи]|авиакомпани[яи]|авиаперевозчик|холдинг|концерн)\s+«(?P<ru>[^«»]{2,30})»"
                       r"|(?:^|(?<=\s))(?:(?:Сама|Сам)\s+)?авиакомпания\s+«(?P<ru2>[^«»]{2,30})»"
                       r"|\b(?!(?-i:An?|The)\s)(?P<en>(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))\s+(?-i:Group|Airlines|Airways)\b",
                       re.I)
#: A verb of traffic carried (an operator's count over a period, not the people on board one flight).
_CARRIED = re.compile(r"\bcarri(?:ed|es)\b|\btransport(?:ed|s)\b|(?<![^\W\d_])(?:перевез|перевоз|обслужил)\w*", re.I)
#: ... and not a source the figure is quoted from ("по данным группы «Аэрофлот»", "according to Aeroflot Group").
_SOURCE_BEFORE = re.compile(r"(?:по\s+данным|according\s+to|data\s+from|сообщил\w*\s+в|представительств\w*)\s+$", re.I)


def _operator(sentence: str, lo: int, s0: int) -> str:
    """The operator whose passengers a figure counts (:data:`_OPERATOR`, the last before ``s0`` in its clause), as
    written; "" when none is named, or only as a source."""
    found = ""
    for m in _OPERATOR.finditer(sentence, lo, s0):
        if not _SOURCE_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            found = m.group("ru") or m.group("ru2") or m.group("en")
    return found


_NOT_MAKES = frozenset("new used the car cars sales market total overall all foreign chinese russian passenger "
                       "light commercial vehicle vehicles".split())


#: The level a growth metric grows, where it is not named as the growth without "_growth" (:func:`_level_grown`).
_LEVEL_GROWN = {**_LEVEL_OF_GROWTH, "freight_growth": "freight_volume", "car_sales_growth": "cars"}


#: How far after a level a percentage with no word of its own may be its growth ("exceeded 29,900, reflecting an 18%").
_GROWTH_AFTER_LEVEL = 30
def _growth_of(metric: str) -> str:
    """The metric of a level's growth ("people (in)" -> "people_growth (in)", "exports (gas)" -> "export_growth (gas)"),
    "" for a level with none, a part or a change."""
    head, sep, rest = metric.partition(" ")
    growth = _growth_metrics().get(head)
    if growth is None or metric.endswith((_PART_SUFFIX, _CHANGE_SUFFIX)):
        return ""
    # a population's gain and its rate ("Прирост населения ... составил 252 242 человека, темп прироста - 1,26%"):
    # the rate is the population's growth
    return growth + sep + rest.replace("(population_growth)", "(population)")


#: The whole a flow one way is a part of, and that whole's growth (:func:`_kin_metrics`).
_FLOW_WHOLE = {"exports": "trade_turnover", "imports": "trade_turnover", "export_growth": "trade_growth",
               "import_growth": "trade_growth"}


@functools.lru_cache(maxsize=4096)
def _kin_metrics(metric: str) -> frozenset[str]:
    """The metrics a figure with no period of its own may take the period of from the sentence or paragraph just
    before: its growth or its level ("trade_turnover" <-> "trade_growth") and, for a flow one way, the trade it is a
    part of ("exports (by Russia)" -> "trade_turnover", "trade_growth")."""
    kin = {m for m in (_growth_of(metric), _level_grown(metric)) if m}
    if whole := _FLOW_WHOLE.get(metric.partition(" ")[0]):
        kin |= {whole, _growth_of(whole) or _level_grown(whole)}
    return frozenset(kin)  # (asked for every figure with no period: a metric's kin is read once)


def _within(before: set | None, parties: str) -> bool:
    """Whether a figure of ``parties`` goes on from figures of the paragraph before of the parties ``before``: the same
    parties, or one place's total broken down by partner ("China" -> "China–Kyrgyzstan")."""
    if not before or len(before) != 1:
        return False
    (prev,) = before
    return prev == parties or (bool(prev) and "–" not in prev and prev in parties.split("–"))


def _kin_periods(lent: dict, parties_of: dict, metric: str, parties: str) -> set:
    """The periods figures of the sentence or paragraph just before (``lent``: quantity -> periods, ``parties_of``:
    quantity -> parties) give the kin of ``metric`` (:func:`_kin_metrics`) of the same parties."""
    if not lent:
        return set()
    kin = _kin_metrics(metric)
    return {p for q, v in lent.items() if q[1] in kin and _within(parties_of.get(q), parties) for p in v}


@functools.lru_cache(maxsize=1)
def _growth_metrics() -> dict[str, str]:
    """The growth metrics by the level they grow (:func:`_level_grown` turned round): "trade_turnover" ->
    "trade_growth", "people" -> "people_growth"."""
    return {_level_grown(g): g for g in (*_LEVEL_OF_GROWTH, *sorted(_CUED_GROWTHS), "gdp_growth")}


def _level_grown(metric: str) -> str:
    """The metric of the level a growth metric grows ("export_growth (gas)" -> "exports (gas)",
    "people_growth (in)" -> "people (in)"), "" for a metric that is no growth."""
    head, sep, rest = metric.partition(" ")
    if not head.endswith("_growth"):
        return ""
    return _LEVEL_GROWN.get(head, head[:-7]) + sep + rest


def _growth_with_level(out: list[dict], where: list[tuple[int, tuple[int, int]]], bases: set[int]) -> None:
    """A growth rate with no period of its own takes the period of the level it grew to, in its clause
    ("Kyrgyzstan increased trade turnover with China by 28.8 percent to $19.8 billion": both 2023),
    when the clause's levels of that quantity and parties have one period. ``where``: the (sentence,
    clause) of each figure of ``out``; ``bases``: the figures it is measured from, whose period is not its own
    ("decreased by 5.3 percent compared to the same period in 2022 ($6.3 billion)"). In place."""
    growth = [i for i, r in enumerate(out) if not r["period"] and r["metric"] in _LEVEL_OF_GROWTH]
    if not growth:
        return
    by_clause: dict[tuple, list[int]] = {}
    for j, at in enumerate(where):
        by_clause.setdefault(at, []).append(j)
    for i in growth:
        r, level = out[i], _LEVEL_OF_GROWTH[out[i]["metric"]]
        found = {(out[j]["period"], out[j]["period_surface"]) for j in by_clause[where[i]]
                 if out[j]["metric"] == level and out[j]["parties"] == r["parties"] and out[j]["period"]
                 and "X" not in out[j]["period"] and j not in bases}
        if len({p for p, _ in found}) == 1:
            r["period"], r["period_surface"] = min(found)


def _note_period(named: dict, k: int, sentence: str, period_rows: list) -> None:
    """Note the period sentence ``k`` speaks of, when it names one of its own (None: several); "last
    year" with no year to count from names none."""
    if any("X" not in _months_to_date(sentence, d) for d in _own_periods(period_rows)):
        named[k] = _one_period(sentence, period_rows)


def _spoken_of(sentence_of: list[int], named: dict, unread: dict, published, find_dates) -> list:
    """For each figure (its sentence in ``sentence_of``), the (period, surface) the last sentence up to
    its own that names a period of its own names (None: several, or none before). Sentences without
    figures (``unread``) are read for dates only here, when a figure of the article lacks a period."""
    for k, sentence in unread.items():
        _note_period(named, k, sentence, _period_rows(sentence, _date_rows(sentence, published, find_dates[1])))
    order = sorted(named)
    return [named[order[at - 1]] if (at := bisect.bisect_right(order, k)) else None for k in sentence_of]


def _kind_of(metric: str) -> str:
    """A metric without the goods or crop its brackets name: the wheat harvest and the grain harvest, gas
    exports and all exports are one kind of quantity for a period ("grain_volume (wheat)" ->
    "grain_volume"); people arriving and a population are not ("people (in)" stays)."""
    if " (" not in metric:
        return metric
    kinds = _goods_kinds()
    return " (".join(p for p in metric.split(" (") if not set(p.rstrip(")").split("+")) <= kinds)


@functools.lru_cache(maxsize=1)
def _goods_kinds() -> frozenset[str]:
    """The kinds of goods and crops a metric's brackets may name (``commodity_cues.csv``, ``crop_cues.csv``)."""
    return frozenset(set(_commodity_cues()) | set(_cues("crop_cues.csv"))) - {"except"}


def _headline(sents: list) -> int | None:
    """The line of an article's headline: its first line, when that is one sentence with no full stop at its end
    ("18 млн квадратных метров жилья построили в Казахстане"); else None."""
    if not sents or (len(sents) > 1 and sents[1][0] == sents[0][0]):
        return None
    return None if sents[0][4].rstrip().endswith((".", "!", "?", "…", ":", ";")) else sents[0][0]


#: A sentence that opens with "the previous year" (of the year named before it), not a base said after a figure.
_PREVIOUS_YEAR = re.compile(r"\W*(?:(?:за|в)\s+предыдущ(?:ий|ем)\s+год[уа]?|(?:in|during|for|over)\s+the\s+(?:previous|preceding"
                            r"|prior)\s+year)(?![^\W\d_])", re.I)


def _year_before(sentence: str, period: str, surface: str) -> tuple[str, str]:
    """A year taken from the sentences before, or the year before it when the sentence opens with "the previous year"
    ("... по итогам 2024 года увеличился на 1,9% ... За предыдущий год показатель вырос на 26,3%": 2023)."""
    if _FOUR_DIGITS.fullmatch(period) and (opening := _PREVIOUS_YEAR.match(sentence)):
        return str(int(period) - 1), opening.group(0).strip()
    return period, surface


#: How many lines after a headline the lead may name the period its figure is for.
_LEAD_LINES = 3


def _article_periods(out: list[dict], bases: set[int], spoken_of, headline: int | None = None) -> None:
    """Give a figure with no period the period its article states for that quantity, when the article
    states one only and the text last named that period before the figure: in "China leads with an
    output of 370 tons in 2023. / Following closely are Russia and Australia, each producing 310 tons",
    the 310 tons are 2023's. The article's periods of a metric are those of its figures of that metric
    (a goal, a comparison base and an unanchored "last year" are not); the period's surface is the first
    of them. A figure whose parties are only the article's guess keeps no period. ``bases``: figures
    others are measured from; ``spoken_of()``: per figure, the (period, surface) the last sentence naming
    one period named, at the figure's sentence (:func:`_spoken_of`, called only when a figure may take a
    period). A figure of the headline (``headline``: its line) takes the period the lead, in the next
    :data:`_LEAD_LINES` lines, states for the same figure ("18 млн квадратных метров жилья построили в Казахстане /
    Больше 18 миллионов квадратных метров жилья построили в Казахстане в 2024 году"): a figure of the lead that the
    headline's meets, at the precision each states, whatever other periods the article names ("Russia-Iran trade
    surpasses $4 bln" is the lead's "total trade for 2023 surpassing $4 billion", not its "$3.77 billion" of January to
    October 2024). In place."""
    stated: dict[str, dict[str, str]] = {}  # kind of quantity -> {period: its first surface}
    for i, r in enumerate(out):
        if r["metric"] and r["period"] and "X" not in r["period"] and r["qualifier"] != "target" and i not in bases:
            stated.setdefault(_kind_of(r["metric"]), {}).setdefault(r["period"], r["period_surface"])
    # a quantity the article states only as another measure of it ("a budget deficit of 1.9% of GDP in 2023 ... / ...
    # the overall deficit stood at 3.24 trillion roubles ($36.5 billion)"): the periods of that measure
    measures: dict[str, dict[str, str]] = {}
    for kind in stated:
        measures.setdefault(_SAME_QUANTITY.sub("", kind), stated[kind])
    for kind in {_kind_of(r["metric"]) for r in out if r["metric"] and not r["period"]} - set(stated):
        if (base := _SAME_QUANTITY.sub("", kind)) in measures:
            stated[kind] = measures[base]
    may = [i for i, r in enumerate(out) if not r["period"] and r["qualifier"] != "target" and i not in bases
           and not r["parties_basis"].startswith("article") and (n := len(stated.get(_kind_of(r["metric"]), {})))
           and (n == 1 or r["line_no"] == headline)]
    if not may:
        return
    spoken = spoken_of()
    for i in may:
        found = stated[kind := _kind_of(out[i]["metric"])]
        if spoken[i]:
            if len(found) == 1 and spoken[i][0] in found:
                out[i]["period"], out[i]["period_surface"] = _year_before(
                    out[i]["sentence"], spoken[i][0], found[spoken[i][0]])
            continue
        if out[i]["line_no"] != headline:
            continue
        lead = {r["period"] for j, r in enumerate(out) if 0 < r["line_no"] - headline <= _LEAD_LINES and j not in bases
                and r["period"] in found and r["qualifier"] != "target" and _kind_of(r["metric"]) == kind
                and out[i]["sentence"].strip() not in r["sentence"] and _same_figure(out[i], r)}
        # (a line that repeats the headline is no lead: "Инфляция в Турции превысила 64%, фото - Новости Zakon.kz от
        # 04.01.2024", a picture's caption, is not for that day)
        if len(lead) == 1:
            period = lead.pop()
            out[i]["period"], out[i]["period_surface"] = period, found[period]


#: The end of a metric that measures its quantity another way: as a share of GDP, or converted to another currency.
_SAME_QUANTITY = re.compile(r" \((?:share of gdp|converted)\)$")


def _same_figure(a: dict, b: dict) -> bool:
    """Whether two figures of one quantity may be one figure said twice: their units are one and their intervals
    (hedges, and half the last digit each states) meet ("18 млн" and "Больше 18 миллионов"; not "surpasses $4 bln"
    and "$3.77 billion")."""
    if a["unit"] != b["unit"]:
        return False
    (lo_a, hi_a), (lo_b, hi_b) = (
        (f["low"] - (0.0 if f["qualifier"] == "more_than" else half), f["high"] + half)
        for f in (a, b) for half in (_half_step(f["surface"], f["value"]),))
    return lo_a <= hi_b + 1e-9 * abs(hi_b) and lo_b <= hi_a + 1e-9 * abs(hi_a)


#: A sentence giving this many figures of one quantity (metric, parties, period, unit) gives a breakdown.
BREAKDOWN_FIGURES = 3


#: "This year" said of what happened ("has shipped 500,000 tonnes this year", "в этом году экспортировали"); not "this
#: year's", "by the end of this year", nor the months of this year (a span of its own). The whole surface, not the
#: ``this_year`` cue of data/period_cues.csv, which also finds "From January to December of the current year".
_THIS_YEAR = re.compile(r"^(?:(?:in|for|so\s+far)\s+)?this\s+year$|^(?:в|за)\s+(?:этом|текущем)\s+году$", re.I)


def _so_far_this_year(out: list[dict], published: str | None) -> None:
    """Give a figure of "this year" in an article published before December the months of the year up to the
    article's (``2023-01/2023-09`` in an article of 28 September 2023): what has happened this year is the year so
    far, not the whole year a full-year figure is for. A goal ("this year will reach") keeps the year. In place."""
    if not published or len(published) < 7 or published[5:7] == "12":
        return
    year, month = published[:4], published[5:7]
    for r in out:
        if r["period"] == year and r["qualifier"] != "target" and _THIS_YEAR.match(r["period_surface"].strip()):
            r["period"] = f"{year}-01/{year}-{month}"


def _breakdowns(out: list[dict]) -> None:
    """Mark as parts (``... (part)``) the figures of a sentence that gives three or more of one quantity: a
    breakdown by kind, place or item ("пять пусков «Союз-ФГ», четыре пуска «Союз-2.1а» и три «Союз-2.1б»",
    "Алматы (2,2 млн человек), Туркестанская (2,1 млн человек) и Алматинская (1,5 млн человек)"), whose
    figures are no whole to compare with another source's. In place."""
    groups: dict[tuple, list[dict]] = {}
    for r in out:
        if r["metric"] and r["qualifier"] != "target" and not r["metric"].endswith(_PART_SUFFIX):
            groups.setdefault((r["line_no"], r["sent_no"], r["metric"], r["parties"], r["period"], r["unit"]), []).append(r)
    for rows in groups.values():
        if len(rows) >= BREAKDOWN_FIGURES:
            for r in rows:
                r["metric"] += _PART_SUFFIX


def _locality_country(text: str, rules: FigureRules) -> str:
    """The one country of the regions and cities ``text`` names (:attr:`FigureRules.localities`), "" when it names none or
    those of several countries."""
    found = {name for _pos, name in rules.localities.finditer(text) if name}
    return found.pop() if len(found) == 1 else ""


#: Right after a place's name, what makes it the attacker, not the place attacked ("Ukrainian shelling", "Ukrainian
#: forces struck", "Russia launched a massive air attack", "украинских беспилотников"); right before it, the same ("the
#: Armed Forces of Ukraine", "удар со стороны Украины", "Вооруженных сил Украины").
_ATTACKER_AFTER = re.compile(r"[\w'’-]*\s+(?:[\w-]+\s+){0,2}?(?:shelling|shells?|strikes?|attacks?|drones?|missiles?|rockets?"
                             r"|forces|troops|army|military|bombardment|air\s+raids?)\b"
                             r"|[\w'’-]*\s+(?:shelled|struck|attacked|bombed|launched\s+(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?"
                             r"|missiles?|drones?|rockets?))\b"
                             r"|\w*\s+(?:[\w-]+\s+)?(?:беспилотник|дрон|ракет|удар|атак|обстрел|войск|арми|ВСУ|сил|военн)"
                             r"|\w*\s+(?:атаковал|нанес\w*\s+удар|ударил)", re.I)
_ATTACKER_BEFORE = re.compile(r"(?:\b(?:forces|army|military|troops)\s+of\s+(?:the\s+)?|\b(?:attacks?|strikes?|shelling)\s+"
                              r"(?:by|from)\s+(?:the\s+)?|(?<![^\W\d_])(?:сил\w*|войск\w*|арми\w*|со\s+стороны)\s+)$",
                              re.I)


#: How far before a place's name the words that make it the attacker may begin (characters).
_ATTACKER_NEAR = 40


def _attacker_only(text: str, party: str, rules: FigureRules) -> bool | None:
    """Whether every mention of ``party`` in ``text`` names it as an attacker (:data:`_ATTACKER_AFTER`, within its
    sentence, or :data:`_ATTACKER_BEFORE`) or as a place beside the event (:data:`_BESIDE_BEFORE`, "the Ukrainian
    border"); None when ``text`` does not name it."""
    seen = False
    for pos, name in rules.places.finditer(text):
        if name != party:
            continue
        seen = True
        word = _PLACE_WORD.match(text, pos)
        after = _ATTACKER_AFTER.match(text, word.end() if word else pos)
        if not ((after and "." not in after.group(0))
                or _ATTACKER_BEFORE.search(text, max(0, pos - _ATTACKER_NEAR), pos)
                or _BESIDE_BEFORE.search(text, max(0, pos - _ATTACKER_NEAR), pos)
                or (word and "-" not in word.group() and _THE_BEFORE.search(text, max(0, pos - 5), pos)
                    and _BORDER_AFTER.match(text, word.end()))):
            return False
    return True if seen else None


#: Right before a place's name, words that name it as a place beside an event, not where it happened: across a border
#: ("close to the border with Ukraine", "вблизи границы с Украиной") or at war ("since the start of Moscow's invasion of
#: Ukraine", "войны на Украине"). ... or "the <place> border" (:data:`_THE_BEFORE`, :data:`_BORDER_AFTER`: "north of the
#: Ukrainian border"; not two places' border, "the Kyrgyz-Tajik border").
_BESIDE_BEFORE = re.compile(r"(?:\bborders?\s+with|\b(?:invasion|invaded|war|offensive|aggression)\s+(?:of|in|on|against))"
                            r"\s+(?:the\s+)?$|(?<![^\W\d_])(?:границ\w*\s+с|вторжени\w*\s+(?:в|на)|войн\w*\s+(?:в|на|с|против)"
                            r"|агресси\w*\s+(?:в|на|против))\s+$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_BORDER_AFTER = re.compile(r"\s+border\b", re.I)


def _attacked_place(r: dict, rules: FigureRules, article, in_article: dict, previous=lambda r: "") -> tuple[str, str]:
    """``(parties, basis)`` of an event's toll whose parties include countries named only as the attackers of its
    sentence (else of the sentence before, ``previous(r)``, when it lent them; else of its article; ``in_article``
    remembers those answers): its other parties, with their basis, else the
    country of the regions and cities named (basis ``locality``: "Russia reports ten deaths after Ukrainian shelling on
    border city Belgorod" is Russia's, not Ukraine's); ``("", "")`` when no party is such an attacker, or none is left
    and no region or city names a country."""
    names = [p for p in r["parties"].split("–") if p]
    kept = []
    for p in names:
        only = _attacker_only(r["sentence"], p, rules)
        if only is None and "previous_sentence" in r["parties_basis"]:
            # (parties lent by the sentence before: as that sentence names them, "the weapons of the Armed Forces of
            # Ukraine aimed at Belgorod ... The strike killed at least 14 people")
            only = _attacker_only(previous(r), p, rules)
        if only is None:
            if p not in in_article:
                in_article[p] = _attacker_only(article(), p, rules)
            only = in_article[p]
        if not only:
            kept.append(p)
    if len(kept) == len(names):
        return "", ""
    if kept:
        return _pair(kept), r["parties_basis"]
    country = _locality_country(r["sentence"], rules) or _locality_country(article(), rules)
    return (country, "locality") if country else ("", "")


def _locality_parties(out: list[dict], rules: FigureRules, article, event_place=lambda: "",
                      previous=lambda r: "") -> None:
    """Give an event's toll with no parties the country of the regions and cities its sentence names, else those its
    article names (``article``: its text, asked once when needed), when they are all of one country: "В результате
    терактов в Дагестане погибли 20 человек" is Russia's, "the fire at the Kostenko mine in Karaganda region"
    Kazakhstan's, whatever the outlet's country. Basis ``locality``. A toll with parties keeps them, even when its
    sentence names a region of another country (the other sentences of its article and the other articles that name no
    region would keep theirs, and the comparison would split one toll in two), except the countries named only as its
    attackers (:func:`_attacked_place`), and parties lent by the article alone, which give way to the country of the
    regions and cities its own sentence names, else to the country of those the article's first sentence naming an event
    names (``event_place``, asked once when needed: "Утром 25 декабря 2024 года в Актау произошла одна из самых тяжёлых
    катастроф" makes "погибли 38 человек" Kazakhstan's in an article that names the Azerbaijani airline more). In
    place."""
    whole = text = event = None
    attackers: dict[str, bool | None] = {}  # party -> named only as an attacker in the article (asked once)

    def article_text() -> str:
        nonlocal text
        text = article() if text is None else text
        return text

    for r in out:
        if not (r["metric"] or "").startswith(_TOLLS):
            continue
        if r["parties"]:
            if len(sides := r["parties"].split("–")) == 2 and len(country := [p for p in sides if p in rules.countries]) == 1 \
                    and country[0] in rules.members.get(next(p for p in sides if p != country[0]), ()):
                # (a country and a region it is a member of: "Fourteen people have died in ... Kazakhstan" in an article
                # that names Central Asia is Kazakhstan's, a toll being of the place it happened)
                r["parties"] = country[0]
            # (a place named, a country of the table or not: "over 20 Israeli citizens" stays Israel's; but not the
            # attacker's: "ten deaths after Ukrainian shelling on border city Belgorod" are Russia's)
            place, basis = _attacked_place(r, rules, article_text, attackers, previous)
            if place:
                r["parties"], r["parties_basis"] = place, basis
            elif r["parties_basis"] == "article" and (country := _locality_country(r["sentence"], rules) or (
                    event := event_place() if event is None else event)) and country not in r["parties"].split("–"):
                # (parties lent by the article only give way to the country of a region or city the toll's own sentence
                # names: "Eight people were injured as a result of the earthquake in Almaty" in an article on China's)
                r["parties"], r["parties_basis"] = country, "locality"
            continue
        country = _locality_country(r["sentence"], rules)
        if not country:
            if whole is None:
                whole = _locality_country(article_text(), rules)
            country = whole
        if country:
            r["parties"], r["parties_basis"] = country, "locality"


def _home_parties(out: list[dict], home: str, rules: FigureRules, placeless=lambda: False) -> None:
    """Add the outlet's country to the parties of a figure whose parties name no country, when its
    sentence says "the country" ("24,1 тысячи человек покинули страну" on a ``.kz`` site, in an
    article that names only the CIS: CIS–Kazakhstan), or when it is an event's toll in an article that names no place
    at all (a ``.kz`` site's "В списке погибших ... на шахте Костенко сейчас 45 фамилий": a news outlet's own country's
    event; ``placeless``: whether the article names no place, asked once when needed); basis ``...+outlet``. In
    place."""
    unnamed = None
    for r in out:
        names = [p for p in r["parties"].split("–") if p]
        if home in names or any(p in rules.countries for p in names) or r["parties_basis"] == "each":
            continue  # (places named, each with the figure: "each")
        if not rules.home_cue.search(r["sentence"]):
            if names or r["metric"] not in _TOLLS:
                continue
            if unnamed is None:
                unnamed = placeless()
            if not unnamed:
                continue
        r["parties"] = _pair([*names, home]) if names else home
        r["parties_basis"] = f"{r['parties_basis']}+outlet" if r["parties_basis"] else "outlet"


def _own_periods(period_rows: list) -> list:
    """The date rows of a sentence that give its figures a period of their own (not the
    publication date, which a dateline or "said on Monday" names)."""
    return [d for d in period_rows if d[3] != "publication"]


#: How many sentences back in its paragraph a figure's sentence looks for the period the paragraph names.
PARAGRAPH_LOOKBACK = 3


def _paragraph_before(sents: list, k: int, figured: int, rules: FigureRules):
    """(index, text) of the sentences before sentence ``k`` in its paragraph, nearest first, that may name the period of its
    figures: the one just before when it may hold a number, and those with a digit or a relative year ("last
    year", "в этом году"); none after a sentence with figures, nor more than :data:`PARAGRAPH_LOOKBACK` back."""
    cues = _period_cues()
    last, this = cues.get("last_year", _NO_CUE), cues.get("this_year", _NO_CUE)
    for j, prev in _back_in_paragraph(sents, k, figured):
        if (j == k - 1 and _has_number(prev, rules)) or _DIGIT_RUN.search(prev) or last.search(prev) or this.search(prev):
            yield j, prev


def _back_in_paragraph(sents: list, k: int, figured: int):
    """(index, text) of the sentences before sentence ``k`` in its paragraph, nearest first, back to the last sentence
    with figures (``figured``, not included) and at most :data:`PARAGRAPH_LOOKBACK` back."""
    for j in range(k - 1, max(-1, k - 1 - PARAGRAPH_LOOKBACK, figured), -1):
        if sents[j][0] != sents[k][0]:
            return
        yield j, sents[j][4]



def _one_period(sentence: str, period_rows: list) -> tuple[str, str] | None:
    """(period, surface) when a sentence names exactly one period (a year, or months, of the past or
    present: not a goal year, not an unanchored "last year"), else None."""
    found = {(_months_to_date(sentence, d), d[4]) for d in _own_periods(period_rows) if d[3] != "target"}
    values = {v for v, _ in found}
    if len(values) > 1 and (spans := [m for v in values if (m := _MONTH_SPAN.fullmatch(v or "")) and m.group(3)]):
        # the days a span of months is said to start or end on ("По итогам 2022-23 сельскохозяйственного сезона, который
        # начался 1 июля 2022-го и завершится 30 июня 2023-го"): the span's, no period of their own
        inside = {v for v in values if _FULL_DAY.fullmatch(v or "") and any(
            f"{m.group(1)}-{m.group(2)}-01" <= v <= f"{m.group(3)}-{m.group(4)}-31" for m in spans)}
        values -= inside
        found = {f for f in found if f[0] not in inside}
    if len(values) == 2:  # "the top gold producers in 2023, according to the USGS, January 2024": a year
        year = next((v for v in values if _FOUR_DIGITS.fullmatch(v or "")), None)  # and the month of a report after it
        day = next((v for v in values if v != year), "")
        if year and _REPORT_DAY.fullmatch(day) and day[:4] > year:
            values, found = {year}, {f for f in found if f[0] == year}
    if len(values) != 1 or not (v := next(iter(values))) or "X" in v:
        return None
    return min(found)


#: A month or a day of a year (not a span): the date a report came out, beside the year it is on.
_REPORT_DAY = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


#: Before a figure: the period it is compared with, then "when" ("на 64% больше по сравнению с аналогичным периодом
#: прошлого года, когда страну посетили 78 515 человек"): the figure is that period's, not the one carried from before.
_BASE_WHEN = _led(re.compile(r"(?:same\s+period|compared\s+(?:with|to)|a\s+year\s+(?:earlier|ago|before)|аналогичн\w*\s+период\w*"
                        r"|по\s+сравнению\s+с)[^.;]*?\b(?:when|когда)\b", re.I))


#: Between a comparison base and its figure: "чем в 2023 году ($89,4 млрд)", "over the previous year's level
#: of $70.2 billion", "from $1.2 bn in 2023".
_BASE_THEN_FIGURE = re.compile(r"(?:['’]s)?\s*(?:(?:level|total|figure|volume|amount|result|уровн\w*|показател\w*|объ[её]м\w*)"
                               r"\s+)?(?:of\s+|в\s+)?[(:,–—-]?\s*", re.I)
_FIGURE_THEN_BASE = re.compile(r"\s*\)?\s*(?:(?:in|of|for|в|во|за)\s+)?", re.I)


#: Between a whole and a figure that is a part of it ("3.376 million tons, including 1.057 million tons",
#: "3.376 million tons, with 1.057 million tons designated for the BTC route").
_PART_SUFFIX = " (part)"
_PART_WORDS = r"including|of\s+which|of\s+whom|в\s+том\s+числе|из\s+(?:них|которых)|включая"
_PART = re.compile(rf"\b(?:{_PART_WORDS})\b|,\s*with\b", re.I)
#: ... right before a bare number: it is a part of the count before it ("..., including 1,159 from abroad").
_PART_BEFORE = _led(re.compile(rf"\b(?:{_PART_WORDS}|of\s+them)\s*$", re.I))
#: ... or a word before it ("80 people injured, including six children, ..."): :func:`_in_hospital`.
_INCLUDING_BEFORE = _led(re.compile(rf"\b(?:{_PART_WORDS}|of\s+them|among\s+them)\s+(?:\w+\s+)?$", re.I))
#: ... or right after it ("погибло 225 человек, 19 из которых военные", "4353 человек получили ранения, 3393 из них").
#: (With the dash that may follow it: "3393 из них – сотрудники силовых ведомств" names the part past the dash.)
_PART_AFTER = re.compile(r"\s+(?:of\s+(?:whom|which|them)|из\s+(?:них|которых))\b(?:\s+[–—-](?=\s))?", re.I)

#: A sector's contribution to a growth rate ("the positive contribution to GDP growth is estimated at 1.5
#: percentage points", "adding 1.0 percentage point to the GDP growth", "вклад в прирост ВВП"): a part of it.
_CONTRIBUTION = re.compile(r"\bcontribut\w*|\badd(?:s|ed|ing)?\b[^.;]{0,40}?\bto\s+(?:the\s+)?(?:gdp|growth|economic)"
                           r"|(?<![^\W\d_])вклад\w*", re.I)

#: Goods of its own right after a measure ("26 million tonnes of fuel", "5 тыс. т угля"): it measures those.
_OWN_GOODS = re.compile(r"\s+(?:(?i:of)\s+[^\W\d_]|[а-яё]{3,})")
#: A sentence that opens on the parts of what the sentence before gave ("Из них 39,3 млн...", "Of these, 12,000...").
_PARTS_LEAD = _led(re.compile(r"\s*(?:(?<![^\W\d_])из\s+(?:них|которых|этого|этих|того)|\bof\s+(?:these|them|this|which|that)\b)", re.I))
#: A sentence that goes on with a part of the figure before it ("Of this total, ...", "Из этого объема ...").
_OF_THIS = re.compile(r"\bof\s+(?:this|that|the)\s+(?:total|amount|volume|figure)\b|(?<![^\W\d_])из\s+(?:этого|этих|того)\b", re.I)
#: Right after a figure that follows the whole: it is a part ("grain reserves totaled 6.1 million tons, five million tons
#: of which are wheat", "Более 30 регионов прислали свои делегации, семь из них ...").
_OF_WHICH_AFTER = re.compile(r"\s+(?:(?:of\s+which|of\s+whom)\s+(?:are|were|is|was)|из\s+(?:них|которых))\b", re.I)

_LEAD_GAP = 6  # characters between a date and the figure it leads (" – $")
_OWN_GAP = 16  # characters between a base figure and its date (" recorded in ")

#: A figure that is where a change ended ("increased by 5.4% compared to 2022 – up to $9.9 billion"), not the base.
_RESULT = re.compile(r"(?:up\s+to|до)\b", re.I)


#: Before a figure, what makes it the one another is measured from ("up from", "compared with", "против").
_FROM_BEFORE = _led(re.compile(r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|(?<![^\W\d_])(?:против|по\s+сравнению\s+с"
                          # "после роста на 1,6% в октябре": the growth before, of its own month
                          r"|после\s+(?:роста|снижения|падения|спада|увеличения|сокращения|прироста)\s+на))"
                          r"\s+(?:the\s+)?(?:[$€£₽]\s*)?$", re.I))
#: A figure in brackets after what another is compared with ("20.8 percent more than was shipped in the same period last
#: year (2.4 billion cubic meters)", "больше, чем за аналогичный период прошлого года (2,4 млрд)"): the base's value.
_BASE_BRACKET = re.compile(r"(?:\bthan|\bcompared\s+(?:with|to)|(?<![^\W\d_])(?:чем|по\s+сравнению\s+с))(?![^\W\d_])"
                           r"(?:[^()\d]|(?<!\d)(?:19|20)\d\d(?!\d))*\(\s*$", re.I)  # (a year may stand between: "the 2022 figures (")
_BASE_BRACKET_REACH = 80
#: Before a figure that another is said to be more or less than ("higher than the 8.09 million tonnes shipped in
#: 2021-22", "больше, чем 1 млн тонн").
_THAN_BEFORE = _led(re.compile(r"(?:\bthan|(?<![^\W\d_])чем)\s+(?:the\s+)?(?:[$€£₽]\s*)?$", re.I))
#: Right after a base, whose it is when another's than the figure compared with it: "compared with 3.3% for the
#: S&P 500", "compared to 250 USD in Tajikistan" (a capitalised name after "for", "in", "в"...).
_OTHER_ONES = re.compile(r"[^.;:\d]{0,15}?\b(?:for|in|at|of|в|во|у|для)\s+(?:the\s+)?(?-i:[A-ZА-ЯЁ])", re.I)


#: Between the two days of a span, after the first: "с 24 февраля по 11 апреля" (the "по" is the second day's),
#: "from February 24 to April 11", "between 24 February and 11 April".
_SPAN_GAP = re.compile(r"\s*(?:(?:to|until|till|through|and|[-–—])\s*)?", re.I)
_SPAN_OPEN = re.compile(r"(?:from|between|от|с|со)\s", re.I)  # (in the first day's surface; before it: _RANGE_PREP)
_SPAN_CLOSE = re.compile(r"(?:по|до)\s", re.I)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _day_span(sentence: str, rows: list[tuple], d: tuple) -> tuple[str, str] | None:
    """(period, surface) of the span of days or months a date row ``d`` is an end of ("С 24 февраля по 11
    апреля" -> ``2022-02-24/2022-04-11``; the later day is put in the year of the first, or the next, when the
    dates read it as before it; "июль 2022 - июнь 2023" -> ``2022-07/2023-06``, as is "с 1 июля 2022 года по 30
    июня 2023 года": whole months are written as months), or None. Two dates with only a dash between them are
    a span without "from" ("(июль 2022 - июнь 2023 гг.)"). ``rows``: the sentence's date rows in order."""
    i = rows.index(d)
    for a, b in ((rows[i - 1], d) if i else (None, None), (d, rows[i + 1]) if i + 1 < len(rows) else (None, None)):
        if a is None or not (_DAY.fullmatch(a[2] or "") and _DAY.fullmatch(b[2] or "")
                             or _MONTH.fullmatch(a[2] or "") and _MONTH.fullmatch(b[2] or "")):
            continue
        gap = _SPAN_GAP.fullmatch(sentence, a[1], b[0])
        opened = _SPAN_OPEN.match(a[4]) or _RANGE_PREP.search(sentence, max(0, a[0] - 10), a[0]) or (
            gap and _DASH.search(gap.group(0)))
        if opened and gap and (gap.group(0).strip() or _SPAN_CLOSE.match(b[4])):
            first, last = a[2], b[2]
            while last <= first and last[:4] < "9999":
                last = f"{int(last[:4]) + 1:04d}{last[4:]}"  # "с 1 апреля по 27 сентября" read as the September before
            if first.endswith("-01") and len(last) == 10 and int(last[8:]) == calendar.monthrange(
                    int(last[:4]), int(last[5:7]))[1]:
                first, last = first[:7], last[:7]  # "from 1 July 2022 to 30 June 2023": July 2022 to June 2023
            return f"{first}/{last}", sentence[a[0]:b[1]]
    return None


_MONTH = re.compile(r"\d{4}-\d\d")
_DASH = re.compile(r"[-–—]")


def _compared_start(sentence: str, cands: list[dict], f: dict, s0: int, e0: int) -> int:
    """Where the figure a base (``f``, at ``s0``-``e0``) is measured from starts, or -1: "rose 10% to $19.2 billion
    from $17.5 billion" (a date before both is the $19.2 billion's, not the base's). Only in a sentence about a
    change, and a count of the same things (not "eight shareholders ... from seven countries"); not a base of
    another place's ("had fallen 4.3%, compared with 3.3% for the S&P 500", "$1,000, compared to $250 in
    Tajikistan"); not a base "a year earlier", which takes that date and the year before it later
    (:func:`_year_before_periods`)."""
    if not (_FROM_BEFORE.search(sentence, max(0, s0 - _BASE_WINDOW), s0) and _GROWTH_CUE.search(sentence, 0, s0)) \
            or _YEAR_BEFORE_AFTER.match(sentence, e0) or _OTHER_ONES.match(sentence, e0):
        return -1
    return max((g["start"] for g in cands if g["kind"] == f["kind"] and g["end"] <= f["start"]
                and (f["kind"] != "count" or g["noun"] == f["noun"])), default=-1)


#: Before the period a forecast or a plan is for ("for 2024", "на 2026 год"), or at the start of its date's words (a
#: date's surface may begin with "for").
_FOR_PERIOD = re.compile(r"(?<![^\W\d_])(?:for|на)\s+(?:[^\W_]|$)", re.I)


def _change_end(sentence: str, cands: list[dict], s0: int, e0: int) -> int:
    """Where the end of the change a figure (at ``s0``-``e0``) starts begins, or 0 when the figure starts no change:
    "rose from $24.5 billion to $28 billion in 2024" ($28 billion's start; only a date between the two is the start's,
    :func:`_read_doc_figures`)."""
    if not _RANGE_PREP.search(sentence, max(0, s0 - 5), s0):  # ("from", "с", "от": no "between" fits in five characters)
        return 0
    g = next((g for g in cands if g["start"] >= e0), None)
    return g["start"] if g is not None and _TO_NEXT.fullmatch(sentence, e0, g["start"]) else 0


def _measured_as(out: list[dict], sentence_of: list[int], k: int, f: dict, metric: str) -> str:
    """The metric of the figure a base is compared with (the last one of sentence ``k`` of the base's kind and
    unit), when it is the base's with a qualifier the base's clause does not repeat ("oil_volume (exports)"
    for "oil_volume"; not a change or a part of it), else ""."""
    for i in range(len(out) - 1, -1, -1):
        if sentence_of[i] != k:
            break
        g = out[i]
        if g["kind"] == f["kind"] and g["unit"] == f["unit"]:
            m = g["metric"]
            return m if m.startswith(metric + " (") and not m.endswith((_PART_SUFFIX, _CHANGE_SUFFIX)) else ""
    return ""


#: Between a figure and a date right after it that is also a later figure's leading date ("$3.4 billion in 2024 –
#: $1.1 billion in exports"): the date is the first figure's too.
_DATE_RIGHT_AFTER = re.compile(r"\s+(?:(?:in|for|during|в|во|за)\s+)?", re.I)
#: Between a figure and a date of its own: nothing, or a comma, a bracket, or "in"/"в" (the date's
#: surface may hold the preposition).
_OWN_DATE_GAP = re.compile(r"[\s,(]*(?:(?:recorded|registered|reported|seen|posted|achieved|observed|зафиксированн\w*)\s+)?"
                           r"(?:(?:in|for|в|за)\s+)?", re.I)  # ("from the 5.4 million tonnes recorded in 2022")
#: A base that a figure is measured from ("11.3% from the previous year"): the figure is the change, not the base's.
_FROM_BASE = re.compile(r"(?:from|over|since|с|со)\b", re.I)


def _year_after_base(sentence: str, clause: tuple[int, int], bases: list, published: str | None,
                     near: frozenset | set = frozenset()) -> tuple[str, str] | None:
    """(period, surface) of a figure with no period whose clause measures it from the year before, named by
    its number ("an 18% increase from 2023"): the year after that base, when that is the year of the article
    or the one before (a report on last year's statistics), else None ("30% below 1990" is not of 1991; "the
    same period of 2021" is some months, "last year's" a quarter as likely as a year). In an undated article,
    when that year is one the figures of the sentence just before in its paragraph are for (``near``): "in 2024,
    the country's exports to the U.S. rose by 26% ($1.9 billion) over the previous year. On the other hand, its
    imports from the U.S. dropped by 12% ($2.2 billion) compared to 2023" (2024)."""
    found = [d for d in bases if clause[0] <= d[0] < clause[1] and _FOUR_DIGITS.fullmatch(d[2] or "")
             and _FOUR_DIGITS.search(d[4]) and not _SAME_BEFORE.search(sentence, max(0, d[0] - 30), d[1])]
    if len({d[2] for d in found}) != 1:
        return None
    year = int(found[0][2]) + 1
    if not published:
        return (str(year), found[0][4]) if str(year) in near else None
    if not (pub := published[:4]).isdigit():
        return None
    return (str(year), found[0][4]) if int(pub) - 1 <= year <= int(pub) else None


#: An amount's start year in "from <amount> in <year> to <amount> in <year>" ("expanded from 312.04 billion yuan in 2013 to
#: 674.15 billion yuan in 2024, up 116 percent"; "вырос с 2,1 млрд долларов в 2013 году до 4,8 млрд в 2024 году").
_FROM_YEAR_TO = re.compile(r"\bfrom\s+[^;]{1,60}?\s+in\s+(?P<en>(?:19|20)\d\d)\s+to\s"
                           r"|(?<![^\W\d_])с\s+[^;]{1,60}?\s+в\s+(?P<ru>(?:19|20)\d\d)\s+(?:год\w*|г\.)\s+до\s", re.I)


def _from_year_before(sentence: str, clause: tuple[int, int], s0: int) -> str:
    """The year a growth is measured from, as the start of "from X in 2013 to Y in 2024" before it in its clause (the
    growth is of all those years, not of the last: "..., up 116 percent"), or ""."""
    found = [m for m in _FROM_YEAR_TO.finditer(sentence, clause[0], s0)]
    return (found[-1].group("en") or found[-1].group("ru")) if found else ""


def _base_year_after(sentence: str, bases: list, e0: int, clause: tuple[int, int]) -> str:
    """The year a growth is measured from, named right after it in its clause ("64.2% compared with 2021"), or ""."""
    for d in bases:
        if e0 <= d[0] < clause[1] and d[0] - e0 <= _BASE_WINDOW and _FOUR_DIGITS.fullmatch(d[2]) and d[2] in d[4] \
                and not _DIGIT_RUN.search(sentence, e0, d[0]):  # (a year written: not "the previous year" resolved)
            return d[2]
    return ""


def _beside(sentence: str, bases: list, s0: int, e0: int):
    """The comparison base right next to a figure ("than in 2023 ($89.4 bn)": 2023 is that
    figure's period), or None."""
    for d in bases:
        if d[1] <= s0 and _BASE_THEN_FIGURE.fullmatch(sentence, d[1], s0) and not _RESULT.match(sentence, s0):
            return d
        if e0 <= d[0] and _FIGURE_THEN_BASE.fullmatch(sentence, e0, d[0]) and not _FROM_BASE.match(d[4]):
            return d
    return None


#: Investment in fixed capital (all of a country's capital spending, home and foreign): its own quantity.
_FIXED_CAPITAL = _led(re.compile(r"\bfixed\s+(?:assets|capital)\b|(?<![^\W\d_])основно\w*\s+капитал\w*", re.I))


#: Brackets with no brackets inside (an aside: "(в январе-июне 2023 года было 5,2 млрд долларов)").
_BRACKETS = re.compile(r"\([^()]*\)")


def _also_contexts(sents: list, k: int) -> list[str]:
    """The sentences that may say which of several metrics a word of sentence ``k`` is (``_metric(context=)``): the two
    before it, then the article's title (its first sentence)."""
    return [sents[i][4] for i in range(k - 1, max(-1, k - 3), -1)] + ([sents[0][4]] if k > 2 else [])


def _anaphora(rules: FigureRules, sentence: str, clause: tuple[int, int]) -> bool:
    """Whether a clause refers back for its metric ("it further grew by 7.6%", "the volume rose"; not "the volume
    of construction work", which names its own; "он вырос ещё на 17%", not "он напомнил", where "он" is a man)."""
    return any(not (m.group(0).lower().endswith("volume") and _OF_AFTER.match(sentence, m.end()))
               for m in rules.anaphora.finditer(sentence, *clause)) or _RU_IT.search(sentence, *clause) is not None


#: Russian "it" (он, она, оно: also "he", "she") or a bare "the volume" (объём, with no noun of its own after it) as
#: what grew or reached a level: "С января по сентябрь он вырос ещё на 17%", "Тогда он достиг 38,5 миллиарда
#: долларов", "Уточняется, что объем составил $66,2 миллиарда в 2024-м".
_RU_IT = re.compile(r"(?<![^\W\d_])(?:он|она|оно|объ[её]м)\s+(?:(?:ещё|еще|также|уже|вновь|снова)\s+)?(?:вырос|выросл|увеличил"
                    r"|составил|достиг|сократил|снизил|упал|прибавил|превысил|уменьшил)\w*", re.I)


_OF_AFTER = re.compile(r"\s+of\b", re.I)
#: A noun that refers back ("this figure", "этот показатель", a bare "объём" that grew), which may refer past its
#: paragraph's start to the paragraph before (a pronoun, "it", "это", refers within its paragraph only; "показатель
#: добычи нефти" names its own).
_NOUN_BACK = re.compile(r"\b(?:this|that|the|(?:the\s+same|a\s+similar|the\s+corresponding|the\s+comparable))\s+(?:figure|indicator"
                        r"|number|volume)\b(?!\s+of\b)|(?<![^\W\d_])(?:(?:аналогичн|соответствующ)\w*\s+показател\w*|(?:этот|данный"
                        r"|эта|данная)\s+(?:показатель|цифра)|(?:показатель|объ[её]м)\s+(?:(?:ещё|еще|также|уже|лишь|вновь"
                        r"|снова)\s+)?(?:вырос|выросл|увеличил|составил|достиг|сократил|снизил|упал|прибавил|превысил"
                        r"|уменьшил))(?![^\W\d_])", re.I)


def _in_clause(memo: dict, what: str, clause: tuple[int, int], find):
    """``find()`` for one clause of a sentence, worked out for its first figure and kept in ``memo``."""
    key = (what, clause)
    if key not in memo:
        memo[key] = find()
    return memo[key]


def _period_cues() -> dict[str, re.Pattern]:
    """``data/period_cues.csv`` compiled: one pattern per role (``report_day``, ``comparison_base``,
    ``months_to_date``, ``this_year``, ``last_year``, ``to_date``, ``span``, ``the_year``, and
    ``forecast``: a plan, goal or forecast said before the figure in its clause)."""
    return _cues("period_cues.csv")


#: A change, not a level: "rose by $2 billion", "an increase of 3,000", "прибавила ... на 2 млрд",
#: "на $5,4 млрд больше", "$5.4 billion more than" (an aside may stand before "by": "trails trade with Russia, which
#: added 6% in 2022, by about $2 billion").
_CHANGE_BY = _led(re.compile(r"(?:\b(?:rose|risen|rises?|grew|grown|grows?|increased|increases?|increasing|jumped|climbed|fell|fallen"
                        r"|falls?|dropped|declined|decreased|declines?|decreases?|gained|gains?|shrank|shrunk|up|down"
                        r"|reduced|reduces?|cut|cuts|slashed|boosted|exceeded|exceeds?|trail(?:s|ed)|lag(?:s|ged)|outpaced"
                        rf"|higher|lower)\s+(?:[\w-]+\s+){{0,4}}?(?:[\w-]+,\s+(?:which|that)\s[^,;]{{0,60}},\s+)?by"
                        rf"|\b(?:{_CHANGE_NOUNS})\s+of)\s+$", re.I))
#: A change named as the subject of the verb of an amount right before a figure ("Рост составил 185 тысяч человек", "the
#: increase amounted to $2 billion"): the amount of the change, not a level (not "прирост", "growth", of a population's
#: own kinds: "естественный прирост составил 196 423 человека"; nor a count of those kinds: :data:`_PEOPLE_CHANGES`).
_PEOPLE_CHANGES = ("people (natural_growth)", "people (population_growth)", "people (migration_balance)")
_CHANGE_WAS = _led(re.compile(r"(?:\b(?:increase|rise|decline|decrease|drop|fall|reduction)|(?<![^\W\d_])(?:рост|увеличени[ея]"
                              r"|снижени[ея]|сокращени[ея]|падени[ея]|уменьшени[ея]))\s+(?:[\w-]+\s+){0,3}?(?:amounted\s+to|was"
                              r"|stood\s+at|totall?ed|составил[оа]?|составит)\s+$", re.I))
#: A percentage, then "or" right before a figure: the figure restates it in units ("1.8%, or 693,500 people").
_OR_RESTATED = re.compile(r"[+-]?\d[\d.,]*\s*(?P<pct>%|percent\b|per\s+cent\b|процент\w*)\s*,?\s*(?:or|или)\s+$", re.I)
_CHANGE_NA = re.compile(r"(?<![^\W\d_])на\s+$", re.I)
_CHANGE_WORD_RU = re.compile(r"(?<![^\W\d_])(?:вырос|выросл|увелич|прибав|сократ|снизи|снизл|уменьш|упал|возрос|подрос"
                             r"|рост|прирост|сниж|паден|нарасти|нараст)", re.I)
#: Right after a figure, what makes it a change: "more", "less" and the like, the counted noun between ("на 225 тыс.
#: человек больше, чем в 2022 году"), or a change noun ("a 363,000 bpd increase in production", "a 120,000-tonne rise";
#: not "a $2 million gain on the sale", a profit).
_CHANGE_AFTER = _led(re.compile(rf"(?:\s+(?:people|persons|tons|tonnes|человек|тонн))?\s*(?:more|less|higher|lower|{_MORE_LESS_RU}"
                                r"|-?(?:increase|rise|jump|drop|decline|decrease|fall|surge)s?)\b", re.I))
_MORE_BY = re.compile(rf"(?<![^\W\d_])(?:{_MORE_LESS_RU})\s+на\s+$", re.I)  # "больше на $200 миллионов"
_CHANGE_WINDOW = 80
#: Right after "на <figure>": a verb of exceeding or falling short ("на 40 тысяч превышает", "на 5% превысил").
_EXCEEDS_AFTER = re.compile(r"\s*(?:превыша|превысил|превзош|превзойд|отста)\w*", re.I)


def _is_change(sentence: str, s0: int, e0: int, clause: tuple[int, int], number: int) -> bool:
    """Whether a figure is an amount of change rather than a level (its metric then ends in
    "(change)"): after "by" following a change verb, "an increase of", a change word and Russian
    "на" in its clause (before its hedge, or between the hedge and the ``number``: "примерно на 2
    млрд"), after "больше / меньше на", or followed by "more / less / больше / меньше"."""
    b0 = max(clause[0], s0 - _CHANGE_WINDOW)
    before = sentence[b0:s0]
    if _CHANGE_BY.search(before) or _CHANGE_AFTER.match(sentence, e0) or _MORE_BY.search(before):
        return True
    if m := _OR_RESTATED.search(before):  # "an increase of 1.8%, or 693,500 people": as the percentage is
        return _is_change(sentence, b0 + m.start(), b0 + m.end("pct"), clause, b0 + m.start())
    if _CHANGE_NA.search(before) and _EXCEEDS_AFTER.match(sentence, e0):
        return True  # "Этот показатель на 40 тысяч превышает данные предыдущего года"
    return bool((_CHANGE_NA.search(before) or _CHANGE_NA.search(sentence, s0, number))
                and _CHANGE_WORD_RU.search(before))


def _commodity_cues() -> dict[str, re.Pattern]:
    """``data/commodity_cues.csv`` compiled: per kind of goods (``oil``, ``gas``, ``grain``...) the
    words that name it; ``except``: the words after which goods are only a part ("mostly oil")."""
    return _cues("commodity_cues.csv")


#: Trade metrics that can be for one kind of goods (:func:`_commodity`).
_TRADE_WAYS = frozenset({"exports", "imports", "trade_turnover", "export_growth", "import_growth", "trade_growth"})
#: Trade of some regions of two countries, a part of the countries' trade ("trade between the border regions",
#: "interregional trade", "товарооборот приграничных регионов", "межрегиональная торговля"; not a forum of
#: interregional cooperation where the countries' trade is announced).
_REGIONAL = re.compile(r"\binter-?regional\s+trade|\btrade\s+(?:between|of)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}"
                       r"(?:border|frontier|bordering)\s+(?:regions|areas|provinces|oblasts)"
                       r"|(?<![^\W\d_])(?:межрегиональн\w*\s+(?:торгов|товарооборот)\w*"
                       r"|(?:товарооборот|торговл)\w*\s+(?:между\s+)?приграничн\w*\s+(?:регион|област|территори)\w*)", re.I)
_EXCEPT_WINDOW = 25
#: A region of a country by its name ("the Omsk region", "Kostanay oblast", "Омской области", "Алтайского края",
#: "Татарстана"), not a region of the world ("the Central Asian region", "the Caspian region").
_SUBNATIONAL = _led(re.compile(
    r"\b(?!(?:Central|Asia|Asian|Eurasian|Caspian|Caucasus|Caucasian|Arctic|Pacific|Baltic|European|Euro|Middle|Eastern|"
    r"Western|Northern|Southern|Black|Volga|Far|Border|Frontier)\b)[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai)\b"
    r"|(?<![^\W\d_])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк)(?:ой|ая|ую|ого)\s+(?:област|кра)\w*"
    r"|(?<![^\W\d_])(?:Татарстан|Башкортостан|Башкири|Удмурти|Чуваши|Якути|Бурятии)\w*|\b(?:Tatarstan|Bashkortostan)\b"
    # Russia's Far East (not "the Far East" of the world) and Primorye
    r"|\b(?:Russia['’]s|Russian)\s+Far\s+East\b|(?<![^\W\d_])Дальн(?:ий|его|ему|ем)\s+Восток\w*|\bPrimorye\b|(?<![^\W\d_])Приморь\w*"))


def _region_trades(sentence: str, begin: int, start: int) -> bool:
    """Whether the trade a figure is of is a region's: a region of a country named (:data:`_SUBNATIONAL`) after a
    trade word and before the figure, within its clause ("Товарооборот Омской области с Казахстаном ... составил",
    "Trade between the Orenburg region and Kazakhstan reached"); its country's trade is another quantity."""
    if not _SUBNATIONAL.search(sentence, begin, start):
        return False
    for trade in _TRADE_WORD.finditer(sentence, begin, start):
        if _SUBNATIONAL.search(sentence, trade.end(), min(start, trade.end() + 60)):
            return True
    return False


#: The word of supplies, which are always of some goods ("поставки в Казахстан ... увеличились на 22,2%").
_SUPPLY_WORD = _led(re.compile(r"\b(?:suppl(?:y|ies)|deliveries)\b|(?<![^\W\d_])постав(?:к\w*|ок)", re.I))


def _goods_supplied_before(sentence: str, begin: int, s0: int, before: list[str]) -> str:
    """The goods of supplies named with no goods before a figure in its clause (``sentence[begin:s0]``): the one kind
    of goods supplied in the nearest sentence before it in its paragraph (``before``, in order) that names supplies of
    goods ("... объемов поставок газа из России в регион ... По данным компании, поставки в Казахстан, Узбекистан и
    Кыргызстан увеличились на 22,2%": gas), or ""."""
    if not _SUPPLY_WORD.search(sentence, begin, s0):
        return ""
    for prev in reversed(before):
        for m in _SUPPLY_WORD.finditer(prev):
            goods = _commodity(prev, m.start(), min(len(prev), m.end() + _GOODS_AFTER))
            if goods:
                return goods if "+" not in goods else ""
    return ""


#: A clause opened by ", with" (a clause :data:`_CLAUSE` cuts there): the goods of the sentence before it are its own.
_WITH_CLAUSE = re.compile(r",\s+with\b", re.I)


def _commodity(sentence: str, start: int, end: int) -> str:
    """The goods a trade figure is for: the kinds of ``data/commodity_cues.csv`` named in its
    clause before it (``sentence[start:end]``), joined with "+" in name order ("gas+oil"), or "".
    Goods named right after "mostly", "including"... are a part of the figure, not what it counts."""
    text = sentence[start:end]
    cues = _commodity_cues()
    skip = cues.get("except", _NO_CUE)
    found = set()
    for name, pattern in cues.items():
        if name == "except":
            continue
        for m in pattern.finditer(text):
            if not skip.search(text, max(0, m.start() - _EXCEPT_WINDOW), m.start()):
                found.add(name)
                break
    return "+".join(sorted(found))


#: Right after an amount, the goods it is worth: "$5 million worth of drones", "$1.23 million in drones",
#: "1.2 million dollars (1.1 million euros) worth of ‘drones’" (both amounts).
_WORTH_OF = _led(re.compile(r"\)?(?:\s*\([^()]{0,40}\))?\s+(?:(?:increase|decrease|rise|growth|drop|decline|fall|jump|surge)\s+)?"
                            r"(?:worth\s+of|in|of|from)\s+", re.I))  # (a change: "a 5% increase in wine exports")
# (and what it came from: "Kazakhstan earned $5.2 billion from uranium exports")


def _goods_after(sentence: str, e0: int) -> str:
    """The goods a trade amount is worth, named right after it (:data:`_WORTH_OF`; kinds of
    ``data/commodity_cues.csv``, within :data:`_GOODS_AFTER` characters and before a number or a punctuation
    mark), or ""."""
    m = _WORTH_OF.match(sentence, e0)
    if not m:
        return ""
    words = _GOODS_WORDS.match(sentence, m.end(), min(len(sentence), m.end() + _GOODS_AFTER))  # "in 2024." names none
    return _commodity(sentence, m.end(), words.end())


#: The words right after "worth of" / "in" / "of", up to a number or a punctuation mark.
_GOODS_WORDS = re.compile(r"[^,;:.()\d–—]*")


#: The metric of what a producer (a country, a company, the world) produced or mined (``data/metrics.csv``).
_PRODUCTION = "production"
_PRODUCTIONS = frozenset({_PRODUCTION, "production_growth"})
#: Right before "1 <unit>" of a price ("5 rubles for 1 kWh", "$80 per 1 barrel", "300 долларов за 1 тонну").
_FOR_ONE = re.compile(r"(?:\bfor|\bper|(?<![^\W\d_])за)\s+$", re.I)
#: The goods kilowatt-hours traded are (a kind of ``data/commodity_cues.csv``).
_ELECTRICITY = "electricity"
#: Goods whose tonnes have a metric of their own (``data/metrics.csv``), however the sentence words it.
_GOODS_METRIC = {"oil": "oil_volume", "fuel": "fuel_volume", "grain": "grain_volume"}
#: Beside the ``exports`` cues of ``data/flow_cues.csv``, the words of goods supplied or shipped that :func:`_goods_traded`
#: reads as exports too (a supply of goods by the tonne with no metric of its own: "поставки российского каменного угля
#: составили 88,42 млн тонн"); :func:`_trade_way` leaves them out, the supplies of grain or oil being also domestic.
#: (No purchase is among the words of imports: a central bank's gold bought is no import.)
_SUPPLIED = re.compile(r"\b(?:suppl(?:y|ies|ied)|deliver\w*|shipped|shipments?)\b"
                       r"|(?<![^\W\d_])(?:поставк\w*|поставлен\w*|поставля\w*|поставил\w*|отгруж\w*|отгрузи\w*)", re.I)
#: Goods traded by the tonne (kinds of ``data/commodity_cues.csv``; not services, electricity or goods counted by the piece).
_TONNAGE_GOODS = frozenset({"coal", "metals", "rare_earths", "tungsten", "lithium", "gold", "silver", "uranium", "agro",
                            "fertilizers", "cotton", "timber", "meat", "produce"})


def _goods_traded(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> str:
    """For tonnes with no metric: "exports" or "imports" when their clause names goods traded by the tonne
    (:data:`_TONNAGE_GOODS`; none with a tonnage metric of its own, :data:`_GOODS_METRIC`) and a word of selling them
    abroad or of bringing them in (the ``exports`` and ``imports`` cues of ``data/flow_cues.csv``, and :data:`_SUPPLIED`),
    the one nearest the figure ("China, the world's largest importer of coal, ... 93.86
    million tons": ``imports (coal)``; "в Китай поставлено более 78 млн тонн угля": ``exports (coal)``); "" otherwise."""
    goods = set((_commodity(sentence, *clause) or _goods_after(sentence, e0)).split("+")) - {""}
    if not goods & _TONNAGE_GOODS or goods & set(_GOODS_METRIC) or "gas" in goods:
        return ""  # (gas is measured by volume, with a metric of its own)
    starts = [(s, way) for s, e, way in _flow_spans(sentence, ("exports", "imports")) if clause[0] <= s and e <= clause[1]]
    starts += [(m.start(), "exports") for m in _SUPPLIED.finditer(sentence, *clause)]
    words = [(min(abs(s - s0), abs(s - e0)), way) for s, way in starts]
    return f"{min(words)[1]} ({'+'.join(sorted(goods & _TONNAGE_GOODS))})" if words else ""


#: How far after a production figure its goods are looked for ("7,351 tonnes of uranium", "49,4 тыс. т урана").
_GOODS_AFTER = 25


def _produced_goods(sentence: str, s0: int, e0: int, sents: list, cache: dict) -> str:
    """The goods of a production figure (kinds of ``data/commodity_cues.csv``): named right after it
    ("7,351 tonnes of uranium"), else before it in its sentence ("the world's total uranium production
    amounted to 48,888 tonnes"), else the one kind the article names most (a list line "Production:
    21,227 tonnes" under a heading on uranium), or ""."""
    goods = _commodity(sentence, e0, min(len(sentence), e0 + _GOODS_AFTER)) or _commodity(sentence, 0, s0)
    kinds = set(goods.split("+")) - {""}
    if kinds - _GENERIC_GOODS:
        return "+".join(sorted(kinds - _GENERIC_GOODS))  # "precious metal, gold": gold
    if goods and (article := _article_goods(sents, cache)) and article not in _GENERIC_GOODS:
        return article  # "произвела 119,6 тонны драгоценного металла" in an article on gold: gold
    if not goods and (m := _OTHER_GOODS_MADE.search(sentence, 0, s0)) and m.group("what").lower() not in _ANY_GOODS:
        return ""  # "Potato production increased by 3%" in an article on grain: goods the table does not know
    return goods or _article_goods(sents, cache)


#: Goods named right before the word of their production ("Potato production increased by 3%", "red cabbage
#: output"): when the commodity table does not know them, the figure is not of the article's goods.
_OTHER_GOODS_MADE = re.compile(r"(?<!['’])\b(?P<what>[^\W\d_]+)\s+(?:production|output|harvest)\b(?![^.;]*\b(?:production|output"
                               r"|harvest)\b)", re.I)
#: Words before "production" that name no goods: whose, how much of it, where.
_ANY_GOODS = frozenset("the a an its their his her our this that total annual overall world global gross domestic "
                       "national industrial agricultural mine mining country country's world's region's and of in "
                       "whose average daily monthly yearly record commercial".split())


_GRAIN = "grain_volume"
_GRAIN_GOODS = "grain"  # (the kind of goods of ``data/commodity_cues.csv`` whose crops ``data/crop_cues.csv`` tells apart)
_STOCKS = "stocks"  # (tonnes, barrels or cubic metres held at a date, of the goods named beside them)
#: Oil and gas a country may extract, and a word of that in a figure's clause ("добыча нефти в августе составила
#: 1,712 млн баррелей в сутки", "crude oil output jumped 7.5% in June to 1.88 million bpd"): the producer's alone.
_EXTRACTED = frozenset({"oil_volume", "oil_flow", "gas_volume"})
#: Right before an amount of oil or gas: a quota ("OPEC+ quota of 1.468 million bpd", "квоты в 1,468 млн баррелей").
_QUOTA_BEFORE = re.compile(r"\bquota\s+(?:of|at|is|was|stood\s+at)\s+(?:about\s+|around\s+)?$"
                           r"|(?<![^\W\d_])квот\w*\s+(?:в|на\s+уровне|составля\w*|составил\w*)\s+(?:около\s+)?$", re.I)
#: A field before an amount of oil or gas in its clause: one field's output, a part of the country's.
_FIELD = _led(re.compile(r"\b(?:field|mega-field|deposit)s?\b|(?<![^\W\d_])месторожд\w*", re.I))
_OUTPUT = _led(re.compile(r"\b(?:produc\w*|output|pump\w*|extract\w*)\b|(?<![^\W\d_])(?:добыч\w*|добыт\w*|добыва\w*|добыл\w*)",
                          re.I))
#: A word of a harvest in a grain tonnage's clause: the tonnes were grown, not traded (its producer's alone).
_HARVEST = _led(re.compile(r"\b(?:harvest\w*|crops?|yield\w*|produc\w*)\b"
                           r"|(?<![^\W\d_])(?:урожа\w*|собра\w*|собран\w*|намолот\w*|намолоч\w*|производ\w*|произвел\w*"
                           r"|выращ\w*)", re.I))


def _stock_goods(sentence: str, start: int, s0: int, e0: int) -> str:
    """The goods stocks at ``s0:e0`` are of: the kind of goods named in their clause (from ``start``) before them or
    right after them, its crop for grain (:func:`_crop`: "wheat", else "grain"), or the crop named beside them; ""."""
    goods = _commodity(sentence, start, s0) or _goods_after(sentence, e0)
    if goods and goods != _GRAIN_GOODS:
        return goods
    return _crop(sentence, start, s0, e0) or goods


def _crop(sentence: str, start: int, s0: int, e0: int) -> str:
    """The one crop a grain tonnage is of (a role of ``data/crop_cues.csv``: ``wheat``, ``barley``...):
    named right after it ("102,65 млн тонн пшеницы", "76 million tons of wheat"), else the crop or grain
    word nearest before it in its clause (``start``: the clause's start) when that is a crop ("the wheat
    harvest reached 104.4 million tons"), else, none in its clause and no word of a whole (:data:`_WHOLE_WORD`), the
    one crop its sentence names before the clause; "" for the whole harvest ("зерна ... 150,98 млн тонн")."""
    cues = _cues("crop_cues.csv")
    after = re.split(r"[,;:.()\d–—]", sentence[e0:e0 + _GOODS_AFTER], maxsplit=1)[0]  # up to the next figure or clause
    named = sorted((m.start(), role) for role, pattern in cues.items() if (m := pattern.search(after)))
    if named:
        return "" if named[0][1] == "grain" else named[0][1]
    before = [(m.start(), role) for role, pattern in cues.items() for m in pattern.finditer(sentence, start, s0)]
    if not before and not _WHOLE_WORD.search(sentence, start, s0):
        # ("Barley production also showed promise this spring, with FAS expecting a harvest of 3 million tonnes"; not
        # "..., and the total harvest reached")
        earlier = {role for role, pattern in cues.items() if pattern.search(sentence, 0, start)}
        return next(iter(earlier)) if len(earlier) == 1 and "grain" not in earlier else ""
    return "" if not before or max(before)[1] == "grain" else max(before)[1]


#: Goods words that name a class of goods, not one ("metals"): an article's one kind of them says which.
_GENERIC_GOODS = frozenset({"metals"})


def _article_goods(sents: list, cache: dict) -> str:
    """The one kind of goods (not a class of them, :data:`_GENERIC_GOODS`) an article names most, at least
    twice as often as the next, or ""."""
    if "goods" not in cache:
        counts: dict[str, int] = {}
        for row in sents:
            for name, pattern in _commodity_cues().items():
                if name != "except" and name not in _GENERIC_GOODS:  # "precious metal" does not compete with gold
                    counts[name] = counts.get(name, 0) + sum(1 for _ in pattern.finditer(row[4]))
        top = sorted((n for n in counts if counts[n]), key=lambda n: -counts[n])
        # the article's goods only when one kind leads (a page on oil and gas names neither alone)
        cache["goods"] = top[0] if top and (len(top) == 1 or counts[top[0]] >= 2 * counts[top[1]]) else ""
    return cache["goods"]


#: Right after a figure, before a place it is of: "9.8% in Kazakhstan", "7,4% в России", "4.7% for Russia".
_OWN_AFTER = re.compile(r"\s+(?:(?:in|for|of)\s+(?:the\s+)?|(?<![^\W\d_])(?:в|во|у|для)\s+)", re.I)


#: A name of a place as written (capitalised words: "South Africa", "the U.S.", "Южная Корея").
_NAME = r"(?:the\s+)?[A-ZА-ЯЁ][\w'’.-]*(?:\s+[A-ZА-ЯЁ][\w'’.-]*)*"
#: Places coordinated before one figure said of each ("Russia and Australia, each producing 310 tons", "Uzbekistan
#: and South Africa both produced 100 tons", "Россия и Австралия — по 310 тонн"): the text before the figure ends so.
_EACH_TAIL = re.compile(rf"(?P<names>{_NAME}(?:(?:\s*,\s*|\s*,?\s+(?:and|&|и)\s+){_NAME})+)\s*,?\s*(?:[—–-]\s*)?"
                        r"(?:[^\W\d_]+,?\s+){0,2}?(?:(?i:each|both)\s+(?:[^\W\d_]+\s+){0,3}?|(?i:по)\s+)$")
#: (The distributive "по" right before the number only: "по итогам года произвели 5 млн тонн" is no "each".)
_EACH_WORD = _led(re.compile(r"\b(?:each|both)\b|(?<![^\W\d_])по\s+$", re.I))


def _each_of(sentence: str, s0: int, rules) -> str:
    """The places a figure at ``s0`` is said of each ("Russia and Australia, each producing 310 tons": "Australia+Russia",
    sorted), when every name coordinated before "each", "both" or "по" is a place; else ""."""
    text = sentence[max(0, s0 - 120):s0]
    if not _EACH_WORD.search(text) or not (m := _EACH_TAIL.search(text)):
        return ""
    names = re.split(r"\s*,?\s+(?:and|&|и)\s+|\s*,\s*", m.group("names"))
    places = _places_in(m.group("names"), rules)[0]
    return "+".join(sorted(places)) if len(places) == len(names) >= 2 else ""


#: A pronoun that opens a sentence, standing for the subject of the sentence before ("It has reached $14,770").
_IT_LEADS = re.compile(r"\s*(?:It|Its|Он[оа]?|Е[её])(?![^\W\d_])")
#: Words of trade between two places ("between the countries", "bilateral", "двусторонний", "между странами").
_BILATERAL = re.compile(r"\bbetween\s+(?:the\s+)?(?:two\s+|both\s+)?(?:countries|nations|states)\b|\bbilateral\b|\bmutual\b"
                        r"|(?<![^\W\d_])(?:двусторонн\w*|взаимн\w*|между\s+(?:двумя\s+|нашими\s+)?(?:странами|государствами))", re.I)
#: Metrics of money migrants send home: with one place named and no sender, the place's total from abroad.
_REMITTED = frozenset({"remittances", "remittances_growth"})
#: A word that sets another figure beside one ("compared with Russia's $14,260", "против 9,8% в России").
_COMPARED_WITH = re.compile(r"\b(?:compared\s+(?:with|to)|than|against|versus|vs\.?)(?![^\W\d_])"
                            r"|(?<![^\W\d_])(?:по\s+сравнению\s+с|против|чем)(?![^\W\d_])", re.I)


def _producer(k: int, sents: list, cache: dict, s0: int, rules, e0: int = -1) -> dict:
    """``parties`` of a production figure: its producer alone, the place (or ``world`` for a world
    cue: "global production", "в мире") named last before it in its sentence ("Canada ranked second
    and produced 7,351 tonnes"; in a list, "..., the Namibia with 5,613 tons"), else the first one
    after it in its clause ("Over 3,000 tonnes of gold were produced globally"; not the world a share
    is "of"), else the one named last in the sentence before ("The country produced 5,613 tonnes"),
    else the place the article names most. A world cue in a ranking ("the world's largest gold
    producers") names no producer. Production has no partner: the pair of a trade figure is not read. A place
    right after the figure (``e0``: its end) comes first: "against 9.8% in Kazakhstan"."""
    sentence = sents[k][4]
    if each := _each_of(sentence, s0, rules):
        return {"parties": each, "parties_basis": "each"}  # one figure of each place: compared as each place's
    if e0 >= 0 and (m := _OWN_AFTER.match(sentence, e0)):
        names = [name for pos, name in rules.places.finditer(sentence[m.end():m.end() + 40]) if pos == 0]
        if names and names[0] != "world":
            return {"parties": names[0], "parties_basis": "sentence"}
    clause_end = next((c[1] for c in _clauses(sentence) if c[0] <= s0 < c[1]), len(sentence))
    if e0 >= 0 and (vs := _COMPARED_WITH.search(sentence, e0, clause_end)):
        clause_end = vs.start()  # "It has reached $14,770 in 2025 compared with Russia's $14,260": Russia's is the other's
    for text, basis, last in ((sentence[:s0], "sentence", True), (sentence[:clause_end], "sentence", False),
                              (sents[k - 1][4] if k else "", "previous_sentence", True)):
        start = 0 if last else s0  # after the figure, in its clause: "Over 3,000 tonnes were produced globally"
        names = [name for pos, name in rules.places.finditer(_without_nonparty_countries(_without_ranked(text)))
                 if pos >= start and not (name == "world" and (_ranking(text, pos) or (
                     not last and _OF_WORLD.search(text, max(0, pos - 12), pos))))]
        if names and basis == "previous_sentence" and len(set(names)) > 1:
            if _IT_LEADS.match(sentence):
                # "Kazakhstan's GDP per capita has overtaken that of ... Russia. It has reached $14,770": the subject
                return {"parties": names[0], "parties_basis": basis}
            # "The country produced ..." after a sentence naming several: the place the article is about, if named
            top = _doc_pair_cached(sents, cache, rules)[:1]
            names = [n for n in names if n in top] or names
        if names:
            return {"parties": names[-1] if last else names[0], "parties_basis": basis}
    pair = _doc_pair_cached(sents, cache, rules)
    return {"parties": pair[0] if pair else "", "parties_basis": "article" if pair else ""}


#: A span of two years: "from 2015 to 2022", "between 2017 and 2024", "с 2015 по 2022 год".
_YEARS_SPAN = _led(re.compile(r"(?:(?:\b(?:from|between)|(?<![^\W\d_])(?:с|со|между))\s+"
                         # "in 2020-2024", "за 2020-2024 годы"
                         r"|(?:\b(?:in|over|during|for)|(?<![^\W\d_])(?:за|в))\s+(?:the\s+)?"
                         r"(?=(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d|[-–/]\d\d(?![-–/.]?\d)))"
                         # "Agricultural Year 2022-2023", "the 2022/23 season": two years joined by a dash or slash alone
                         r"|(?<![\w./-])(?=(?:19|20)\d\d[-–—/](?:(?:19|20)\d\d|\d\d)(?![-–/.]?\d)))"
                         # "2022-23", "2022/23": the second year's last two digits
                         r"(?P<y1>(?:19|20)\d\d)(?:(?:\s+(?:to|and|through|по|до|и)\s+|\s*[-–—/]\s*)(?P<y2>(?:19|20)\d\d)\b"
                         r"|[-–/](?P<yy>\d\d)(?![-–/.]?\d)\b)", re.I))


def _span_years(span: re.Match) -> tuple[str, str]:
    """The first and last year of a :data:`_YEARS_SPAN` match ("2022-23": 2022 and 2023)."""
    y1 = span.group("y1")
    return y1, span.group("y2") or y1[:2] + span.group("yy")


_TO_BETWEEN = re.compile(r"\s+(?:to|до)\s+", re.I)
_REACHED_END = _led(re.compile(r"(?:\b(?:reaching|reached|hitting|totall?ing)|(?<![^\W\d_])(?:достиг\w*|составив))\s+(?:(?:a|an|the|record|"
                      r"рекордн\w*|отметк\w*|уров\w*)\s+)*$", re.I))
_FROM_LEAD = re.compile(r"(?:\bfrom|(?<![^\W\d_])(?:с|со))\s+(?:[$€£₽]\s*)?$", re.I)


#: "of GDP" / "ВВП" after a percentage, then a year and the "to" of a change ("from 2.7% of GDP in 2024 to "); or right
#: after the change's end ("с 2,7% в 2024 г. до 2,2% ВВП").
_GDP_WORDS = r"(?:of\s+(?:the\s+)?(?:country's\s+|[A-Z][a-z]+(?:'s|’s)\s+)?(?:GDP|gross\s+domestic\s+product)|ВВП)"
_GDP_THEN_TO = re.compile(rf"\s*{_GDP_WORDS}(?:\s*,?\s*(?:in|в)\s+\d{{4}}(?:\s*(?:г\.|года?))?)?\s+(?:to|до)\s+", re.I)
_YEAR_THEN_TO = re.compile(r"(?:\s*,?\s*(?:in|в)\s+\d{4}(?:\s*(?:г\.|года?))?)?\s+(?:to|до)\s+", re.I)
_GDP_AFTER = re.compile(rf"\s*{_GDP_WORDS}", re.I)
_OF_GDP = ("share of gdp", "(share of gdp)")


def _change_of_gdp(rows: list[dict], sentence: str, a: int) -> None:
    """The two ends of a change of a share of GDP are both that share: "reduced from 2.7% of GDP in 2024 to 2.2% in
    2025" (the 2.2% is no growth of the GDP), "сократить с 2,7% в 2024 г. до 2,2% ВВП" (nor is the 2,7%). In place."""
    for r1, r2 in zip(rows, rows[1:], strict=False):
        if r1["unit"] != "percent" or r2["unit"] != "percent" or not _FROM_LEAD.search(
                sentence, max(0, r1["start"] - a - 8), r1["start"] - a):
            continue
        if r1["metric"].endswith(_OF_GDP) and _GDP_THEN_TO.fullmatch(sentence, r1["end"] - a, r2["start"] - a):
            r2["metric"] = r1["metric"]
        elif r2["metric"].endswith(_OF_GDP) and _YEAR_THEN_TO.fullmatch(sentence, r1["end"] - a, r2["start"] - a) \
                and _GDP_AFTER.match(sentence, r2["end"] - a):
            r1["metric"] = r2["metric"]


#: Between an amount and the whole it was taken from: "13.5 trillion rubles from its 41.47 trillion-ruble budget", "1.2
#: trillion of the 25 trillion", "из 25 трлн".
_OF_WHOLE = re.compile(r"\s+(?:(?:out\s+)?of|from|из)\s+(?:(?:its|their|the|this\s+year's|a|своих|всех)\s+)?"
                       r"(?:(?:total|overall|record|entire|whole|общих|всего)\s+)?", re.I)


def _part_of_whole(rows: list[dict], sentence: str, a: int) -> None:
    """An amount taken from a whole said right after it ("earmarked 13.5 trillion rubles from its 41.47 trillion-ruble
    budget for national defense"): what the words after the whole name (defence) is the part's, not the whole's, which
    is left with no metric (a budget of both sides). Same unit only. In place."""
    for r1, r2 in zip(rows, rows[1:], strict=False):
        if (r1["kind"] == "money" and r1["unit"] == r2["unit"] and r2["metric"] and not r1["metric"]
                and (r1["line_no"], r1["sent_no"]) == (r2["line_no"], r2["sent_no"])
                and _OF_WHOLE.fullmatch(sentence, r1["end"] - a, r2["start"] - a) and r2["value"] > r1["value"]):
            r1["metric"], r2["metric"] = r2["metric"], ""


def _from_to_years(rows: list[dict], sentence: str, a: int, span: re.Match, pair: bool = True) -> None:
    """"Mutual trade ... increased by 87% - from $44.5 billion to $83.3 billion - from 2015 to 2022":
    a change from one figure to another, in a sentence with a span of two years, is from the first
    year's to the second's. Another figure that took a year of the span is for the whole span ("с
    2019 по 2024 гг. в стране введено в эксплуатацию 97,9 млн квадратных метров жилья": ``2019/2024``).
    ``a``: the sentence's offset in its line; ``pair``: whether the sentence's changes from one figure to another
    take this span's years (its first span's only). In place."""
    y1, y2 = _span_years(span)
    paired: set[int] = set()
    for r1, r2 in zip(rows, rows[1:], strict=False) if pair else ():
        if (r1["unit"] == r2["unit"] and _TO_BETWEEN.fullmatch(sentence, r1["end"] - a, r2["start"] - a)
                and _FROM_LEAD.search(sentence, max(0, r1["start"] - a - 8), r1["start"] - a)):
            r1["period"], r2["period"] = y1, y2
            r1["period_surface"] = r2["period_surface"] = span.group(0)
            paired |= {id(r1), id(r2)}
    for r in rows:
        at = sentence.find(r["period_surface"], span.start()) if r["period_surface"] else -1
        if id(r) not in paired and (r["period"] in (y1, y2) or r["period"] == f"{y1}/{y2}") and span.start() <= at < span.end():
            # a level reached at the end of the span is the last year's ("From 2020 to 2024, trade ... increased
            # 2.8 times, reaching $66.2 billion")
            reached = r["kind"] in _AMOUNT_KINDS and _REACHED_END.search(sentence, max(0, r["start"] - a - 30), r["start"] - a)
            r["period"], r["period_surface"] = (y2 if reached else f"{y1}/{y2}"), span.group(0)


#: From one place of a list to the next: the place's name (up to three words), then a comma, "and", "or".
_PLACE_LIST = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,2}?\s*(?:,\s*(?:(?:and|or|и|или)\s+)?|(?:and|or|и|или|&)\s+)"
                         r"(?:the\s+)?", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b|(?<![^\W\d_])соответственно(?![^\W\d_])", re.I)


def _listed_runs(rows: list[dict], sentence: str, a: int):
    """The runs of figures that are one list in ``sentence``: one unit, joined by "and", "or", commas (``a``: the
    sentence's offset in its line)."""
    run: list[dict] = []
    for r in rows:
        if run and r["unit"] == run[-1]["unit"] and _LIST_JOIN.fullmatch(sentence, run[-1]["end"] - a, r["start"] - a):
            run.append(r)
            continue
        if run:
            yield run
        run = [r]
    if run:
        yield run


def _respective_parties(rows: list[dict], sentence: str, a: int, rules, lone=None) -> None:
    """"Canada and the United States ... with 200 and 170 tonnes produced, respectively": the figures
    of a list (:func:`_listed_runs`) take, in order, the places named last before
    it, as many as they are, when each figure's parties are one place (a producer, a country) and the
    places are themselves a list. When every figure's parties are the pair of those places ("Trade with Uzbekistan
    and Turkmenistan reached $16.2 billion and $10 billion respectively"), each takes ``lone(place)``: its place,
    with the article's partner of its region (:func:`_partner`). Basis ``respectively``. ``a``: the sentence's offset in
    its line. In place."""
    for run in _listed_runs(rows, sentence, a):
        if len(run) < 2:
            continue
        source = _group_side(run)  # (the list's places as one party, with the other side: "из ОАЭ и Туркменистана —
        # в 8 и 9,5 раза соответственно" after "в Россию": each place with Russia)
        places = list(rules.places.finditer(sentence[:run[0]["start"] - a]))[-len(run):]
        # (or every figure is between the listed places, which the sentence says are respective: "Trade with Uzbekistan
        # and Turkmenistan reached $16.2 billion and $10 billion respectively")
        paired = len({x["parties"] for x in run}) == 1 and run[0]["parties"] == _pair([name for _, name in places])
        if (source is not None or all("–" not in x["parties"] for x in run) or paired) \
                and len(places) == len(run) and len({name for _, name in places}) == len(run) and all(
                    _PLACE_LIST.fullmatch(sentence, p[0], q[0]) for p, q in zip(places, places[1:], strict=False)) and (
                    source is None or {name for _, name in places} == set(source[0])):
            for x, (_, name) in zip(run, places, strict=True):
                x["parties"] = _pair([name, source[1]]) if source else lone(name) if paired and lone else name
                x["parties_basis"] = "respectively"


def _respective_periods(rows: list[dict], sentence: str, a: int, period_rows: list) -> None:
    """"In 2023 and 2024, growth was 4.1 percent and 4.3 percent, respectively": the figures of a list
    (:func:`_listed_runs`) take, in order, the dates of a list of as many (joined the same way), when the
    sentence names no other date. ``a``: the sentence's offset in its line. In place."""
    dates = sorted((d for d in period_rows if d[3] != "publication"), key=lambda d: d[0])
    if len(dates) < 2 or not all(_LIST_JOIN.fullmatch(sentence, p[1], q[0]) for p, q in zip(dates, dates[1:], strict=False)):
        return
    for run in _listed_runs(rows, sentence, a):
        if len(run) == len(dates):
            for x, d in zip(run, dates, strict=True):
                x["period"], x["period_surface"] = _months_to_date(sentence, d), d[4]


def _respective_towns(rows: list[dict], sentence: str, a: int, rules) -> None:
    """"Больше всего задержанных в Москве и Санкт-Петербурге – 536 и 478 человек соответственно": the tolls of a list
    (:func:`_listed_runs`) take, in order, the towns (:attr:`FigureRules.towns`) named last before it, as many as they
    are, when those are themselves a list: each a toll of its town (:func:`_toll_town`). ``a``: the sentence's offset in
    its line. In place."""
    for run in _listed_runs(rows, sentence, a):
        if len(run) < 2 or not all(x["metric"].startswith(_TOLLS) for x in run):
            continue
        towns = list(rules.towns.finditer(sentence[:run[0]["start"] - a]))[-len(run):]
        if len(towns) == len(run) and len({name for _, name in towns}) == len(run) and all(
                _PLACE_LIST.fullmatch(sentence, p[0], q[0]) for p, q in zip(towns, towns[1:], strict=False)):
            for x, (_, name) in zip(run, towns, strict=True):
                metric = _TOWN_SUFFIX.sub("", x["metric"].removesuffix(_PART_SUFFIX).removesuffix(_EARLIER_SUFFIX))
                x["metric"] = f"{metric} (in {name})"


#: The town a toll was counted in, at the end of its metric (:func:`_toll_town`).
_TOWN_SUFFIX = re.compile(r" \(in [^()]+\)$")


def _group_side(run: list[dict]) -> tuple[list[str], str] | None:
    """(the places, the other side) when every figure of ``run`` is between one list of places as one party and one
    other place ("Russia–Turkmenistan+United Arab Emirates"), else None."""
    if len(sides := {x["parties"] for x in run}) != 1 or len(ends := next(iter(sides)).split("–")) != 2:
        return None
    groups = [e for e in ends if "+" in e]
    return (groups[0].split("+"), next(e for e in ends if "+" not in e)) if len(groups) == 1 else None


#: A world cue in a ranking names no producer: "the world's largest gold producer", "крупнейший в мире".
_RANK_AFTER = re.compile(r"[\w'’]*\s+(?:[\w-]+\s+){0,2}?(?:largest|biggest|top|leading|main|major|foremost|second|third|"
                         r"fourth|fifth|no\.|number)", re.I)
#: A world cue after a figure that a share is of ("accounted for 45 percent of global uranium supply").
_OF_WORLD = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_RANK_BEFORE = _led(re.compile(r"(?:largest|biggest|highest|top|leading|крупнейш\w*|ведущ\w*|(?:перв|втор|трет|четв[её]рт|пят)\w*"
                          r"\s+мест\w*)\s+(?:[\w-]+\s+){0,3}$", re.I))


def _ranking(text: str, pos: int) -> bool:
    """Whether the world cue at ``pos`` of ``text`` ranks a producer ("the world's largest", "largest in the
    world", "второе место в мире") rather than naming the world as one."""
    return bool(_RANK_AFTER.match(text, pos) or _RANK_BEFORE.search(text, max(0, pos - 60), pos))


def _flow_cues() -> dict[str, re.Pattern]:
    """``data/flow_cues.csv`` compiled: the words that give a flow its direction (``in``: arrivals,
    immigration, inflow; ``out``: departures, emigration, outflow)."""
    return _cues("flow_cues.csv")


@functools.lru_cache(maxsize=8)
def _cues(name: str) -> dict[str, re.Pattern]:
    """A ``role, pattern, note`` table of ``kzru_lib/data`` compiled: one pattern per role."""
    table = _table(None, name, ["role", "pattern"])
    out: dict[str, list[str]] = {}
    for r in table.itertuples():
        try:
            re.compile(r.pattern)
        except re.error as exc:
            raise KzruError(f"{name}: bad pattern for {r.role!r} ({exc})") from None
        out.setdefault(r.role.strip(), []).append(r.pattern)
    return {role: _led(re.compile("|".join(f"(?:{p})" for p in pats), re.I)) for role, pats in out.items()}


_NO_CUE = re.compile(r"(?!x)x")
_BASE_WINDOW = 60


def _is_base(sentence: str, d: tuple, cues: dict, *, when: bool = True) -> bool:
    """Whether a date row of ``sentence`` is what a figure is compared with ("up 10% on the same
    period of 2021", "a year earlier", "по сравнению с аналогичным периодом 2021 года"); ``when=False``: also a
    date a ", when" clause after it gives a figure of its own (the base of the figures before it all the same)."""
    base = cues.get("comparison_base", _NO_CUE)
    if when and _WHEN_AFTER.match(sentence, d[1]):
        return False  # "a 4.4-fold increase from 2023, when exports totaled 1.28 bcm": 2023 is that figure's period
    return bool(base.search(_before_date(sentence, d)) or base.match(d[4]))


def _before_date(sentence: str, d: tuple) -> str:
    """The :data:`_BASE_WINDOW` characters of ``sentence`` before a date row, where a cue about it ends; a date's
    surface may begin with its preposition ("from 2023"): the cue ends before the year."""
    lead = _DATE_LEAD.match(d[4])
    end = d[0] + (lead.end() if lead else 0)
    return sentence[max(0, end - _BASE_WINDOW):end]


_WHEN_AFTER = re.compile(r"\s*,?\s*(?:when|когда)\b", re.I)
_DATE_LEAD = re.compile(r"(?:from|since|over|in|of|for|on|с|со|в|во|за)\s+", re.I)


def _period_rows(sentence: str, date_rows: list) -> list:
    """The date rows of a sentence that can be a figure's period: not a weekday (the day it was
    said or reported), not the period it is compared with, nor a part a figure includes ("с учетом
    урожая 2022 года"; ``data/period_cues.csv``)."""
    if not date_rows:
        return date_rows
    cues = _period_cues()
    day = cues.get("report_day", _NO_CUE)
    return [d for d in date_rows if not day.match(d[4].strip()) and not _is_base(sentence, d, cues)
            and not _included(sentence, d) and not _said_on(sentence, d, cues) and not _results_day(sentence, d, cues)]


#: Right after a date, the vote it is the day of ("the March 19 election"; English: Russian names the vote first).
_VOTE_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:elections?|votes?|referendum|polls?|ballot)\b", re.I)
#: ... or right before it ("the presidential election held on July 9", "выборов, прошедших 9 июля").
_VOTE_NOUN_BEFORE = re.compile(r"(?:\b(?:elections?|votes?|referendum|polls?|ballot)|(?<![^\W\d_])(?:выбор\w*|референдум\w*"
                               r"|голосовани\w*))\s*,?\s+(?:(?:held|taking\s+place|that\s+took\s+place|прош[её]дш\w*"
                               r"|состоявш\w*)\s+)?(?:on\s+)?$", re.I)
#: How far from a date the words of a results' announcement may stand (:func:`_results_day`).
_RESULTS_NEAR = 80


def _results_day(sentence: str, d: tuple, cues: dict) -> bool:
    """Whether a date row of ``sentence`` is a full day on which an election's results are summed up or announced ("21
    марта ЦИК подвела окончательные итоги выборов", "Итоги голосования подведут 21 марта": the ``results_day`` cues of
    ``data/period_cues.csv``, within :data:`_RESULTS_NEAR` characters of the date): the report's day, not the vote's."""
    if not _FULL_DAY.fullmatch(d[2] or "") or (cue := cues.get("results_day")) is None \
            or _VOTE_NOUN_AFTER.match(sentence, d[1]) or _VOTE_NOUN_BEFORE.search(sentence, max(0, d[0] - 40), d[0]) \
            or _HELD.search(sentence, max(0, d[0] - 25), d[0]):
        return False  # (the results "of the March 19 election", "of the election held on July 9", "выборов ..., которые
        # состоялись 20 ноября": the vote's day)
    return any(m.start() - d[1] <= _RESULTS_NEAR and d[0] - m.end() <= _RESULTS_NEAR for m in cue.finditer(
        sentence, max(0, d[0] - _RESULTS_NEAR - _CUE_CHARS), d[1] + _RESULTS_NEAR + _CUE_CHARS))


#: The most characters a cue of a results' announcement spans ("итоги ... подведут", five words between at most).
_CUE_CHARS = 120


_FULL_DAY = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")


def _said_on(sentence: str, d: tuple, cues: dict) -> bool:
    """Whether a date row of ``sentence`` is the day a figure was said: a day right after a speech verb ("said on
    November 25 that it will pay 350 billion in dividends in 2024", "..., - заявил Байсалов 20 июля"; the ``said_day``
    cues of ``data/period_cues.csv``): with no other date, a figure said so has its period unstated (a stock's is then
    its article's time), not the day of the speech."""
    return bool(_FULL_DAY.fullmatch(d[2] or "") and cues.get("said_day", _NO_CUE).search(_before_date(sentence, d)))


def _included(sentence: str, d: tuple) -> bool:
    """Whether a date row of ``sentence`` names a part a figure includes ("с учетом урожая 2022 года",
    "taking into account the 2023 harvest": the ``included`` cues of ``data/period_cues.csv``)."""
    return _period_cues().get("included", _NO_CUE).search(sentence, max(0, d[0] - _BASE_WINDOW), d[0]) is not None


_YEAR_ONLY = re.compile(r"^(?:\d{4}|XXXX)$")
#: "The first months of 2024", "первые месяцы 2024 года": months with no count.
_FIRST_FEW = re.compile(r"first|early|перв\w*")
_MONTHS_PLURAL = re.compile(r"months|месяц(?:ы|ев|ах|ам)", re.I)


_WHOLE_YEAR = re.compile(r"(\d{4})-01/(\d{4})-12")
#: Right after a figure, an ordinal with its noun left out ("1.4% in the first", "на 0,6% в первом"): a part of the
#: kind the figure before names ("1.1% in the second quarter, 1.4% in the first").
_ELLIPTIC_ORDINAL = re.compile(r"\s+(?:in\s+the|в|во)\s+([^\W\d_]+)(?=\s*(?:[,;.)]|and\b|и(?![^\W\d_])|$))", re.I)
#: A quarter's or a half's months ("2025-04/2025-06").
_QUARTER_OR_HALF = re.compile(r"(\d{4})-(01|04|07|10)/\1-(03|06|09|12)")


def _nth_part(period: str, n: int) -> str:
    """The ``n``-th quarter (or half) of the year of a quarter's (or half's) ``period``, else ""."""
    m = _QUARTER_OR_HALF.fullmatch(period)
    if not m:
        return ""
    size = int(m.group(3)) - int(m.group(2)) + 1
    if size not in (3, 6) or n * size > 12:
        return ""
    return f"{m.group(1)}-{(n - 1) * size + 1:02d}/{m.group(1)}-{n * size:02d}"


def _first_months_before(sentence: str, a: int, b: int) -> bool:
    """Whether "in the first months", "за первые месяцы" (no count, no year of their own) stand in ``sentence[a:b]``."""
    return any(m.group("n") and _FIRST_FEW.fullmatch(m.group("n").lower()) and _MONTHS_PLURAL.search(m.group(0))
               for m in _period_cues().get("months_alone", _NO_CUE).finditer(sentence, a, b))


@functools.lru_cache(maxsize=1)
def _number_words_table() -> pd.DataFrame:
    """The bundled number words (``number_words.csv``), read once."""
    return _table(None, "number_words.csv", ["words", "value"])


@functools.lru_cache(maxsize=1)
def _number_words() -> dict[str, float]:
    """The bundled number words (``number_words.csv``: "four", "четырех" -> 4), read once."""
    table = _number_words_table()
    return {w.lower(): float(v) for w, v in zip(table["words"], table["value"], strict=True)}


@functools.lru_cache(maxsize=1)
def _stated_count_words() -> frozenset[str]:
    """The bundled number words that state a count ("nine", "двадцати"), not a vague plural ("сотни": the
    ``vague`` column of ``number_words.csv``)."""
    table = _number_words_table()
    vague = table["vague"] if "vague" in table.columns else pd.Series("", index=table.index)
    return frozenset(w.lower() for w, v in zip(table["words"], vague.fillna("").astype(str), strict=True)
                     if v.strip().lower() != "true")


@functools.lru_cache(maxsize=4096)
def _ends_in_count_word(surface: str) -> bool:
    """Whether a surface ends in a number word that states a count ("At least nine", "более двадцати")."""
    words = surface.lower().split()
    return bool(words) and words[-1] in _stated_count_words()


#: Right before a year or a month (or its "of"): the first days or weeks of it ("the first two weeks of 2025", "за первые
#: 10 дней января").
_FIRST_DAYS = re.compile(r"(?<![^\W\d_])(?:first|перв\w*)\s+(?:(?P<n>\d{1,3}|[^\W\d_]+)\s+(?P<u>days?|weeks?|дн\w*|сут\w*|недел\w*)"
                         r"|(?P<u1>week|day|недел[юиеь]))(?:\s+(?:of|in|из))?\s*$", re.I)
_YEAR_OR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")
_OF_LEAD = re.compile(r"(?:of|in)\s+", re.I)


def _first_days(value: str, m: re.Match) -> str:
    """The days "the first n days/weeks of" a year or a month (``value``) are, as an ISO 8601 interval; "" when the
    count is not known or runs past the period."""
    ym = _YEAR_OR_MONTH.fullmatch(value or "")
    raw = (m.group("n") or "1").lower()  # ("the first week of March": one)
    n = int(raw) if raw.isdigit() else int(_number_words().get(raw, 0) or 0)
    if ym is None or n < 1:
        return ""
    days = n * 7 if (m.group("u") or m.group("u1")).lower().startswith(("week", "недел")) else n
    start = datetime.date(int(ym.group(1)), int(ym.group(2) or 1), 1)
    end = start + datetime.timedelta(days=days - 1)
    if end.year != start.year or (ym.group(2) and end.month != start.month):
        return ""
    return f"{start.isoformat()}/{end.isoformat()}"


def _months_to_date(sentence: str, d: tuple) -> str:
    """The period of a date row, made January to the n-th month when "the n months of" comes right
    before a year ("in the 11 months of 2022" -> ``2022-01/2022-11``; "8 months of this year" ->
    ``XXXX-01/XXXX-08``), or stands once after the one year of a sentence, in its clause ("This year,
    trade grew ... to $757 million in seven months")."""
    value = d[2]
    if (whole := _WHOLE_YEAR.fullmatch(value or "")) and whole.group(1) == whole.group(2):
        return whole.group(1)  # "January to December 2022" is the year 2022
    lead = _OF_LEAD.match(d[4] or "")  # (the date's surface may begin with its "of": "of 2025")
    if (first := _FIRST_DAYS.search(sentence, max(0, d[0] - 40), d[0] + (lead.end() if lead else 0))) \
            and (days := _first_days(value, first)):
        return days  # "in the first two weeks of 2025": 2025-01-01/2025-01-14, not the year
    if not _YEAR_ONLY.match(value or ""):
        return value
    m = _period_cues().get("months_to_date", _NO_CUE).search(sentence[max(0, d[0] - 40):d[0]])
    if m is None and len(alone := list(_period_cues().get("months_alone", _NO_CUE).finditer(sentence))) == 1 \
            and len(set(_FOUR_DIGITS.findall(sentence))) <= 1 and alone[0].start() > d[0] \
            and not _CLAUSE.search(sentence[d[0]:alone[0].end()]):
        m = alone[0]  # "This year, trade grew by 13% to $757 million in seven months": January to July of it
    raw = m.group("n").lower() if m and m.group("n") else ""
    if _FIRST_FEW.fullmatch(raw) and _MONTHS_PLURAL.search(m.group(0)):
        return f"{value}-XX"  # "In the first months of 2024": some months of it, how many not said (not the year)
    n = int(raw) if raw.isdigit() else int(_number_words().get(raw, 0))  # "первых четырех месяцев"
    if not 1 <= n <= 12:
        return value
    return f"{value}-01/{value}-{n:02d}"


#: Between a figure and a date, or in the date: a comparison ("from 2023", "than in 2022", "the same period of the
#: previous year", "по сравнению с 2022 годом"), whose date may be the base's.
_COMPARED = re.compile(r"\b(?:from|than|compared|versus|vs|against|same|previous|prior|preceding)\b"
                       r"|(?<![^\W\d_])(?:сравнени\w*|чем|против|относительно|аналогичн\w*|прошл\w*|предыдущ\w*)", re.I)


def _opens_next_item(sentence: str, d: tuple, e0: int, cands: list[dict]) -> bool:
    """Whether date row ``d``, after a figure ending at ``e0``, opens the next item of a list, with a figure of its own
    before the next break ("..., в мае-июле, безработица ... держалась на уровне 2,2%, в марте и апреле равнялась 2,3%":
    March and April are the 2.3 %'s, not the 2.2 %'s)."""
    if not _ITEM_GAP.fullmatch(sentence, e0, d[0]):
        return False
    brk = _ITEM_BREAK.search(sentence, d[1])
    end = brk.start() if brk else len(sentence)  # (a bare number of its own too: "а в 2023-м было 495 234")
    return any(d[1] <= g["start"] < end for g in cands) or bool(_DIGIT_RUN.search(sentence, d[1], end))


def _plain_date_of(sentence: str, d: tuple, s0: int, e0: int) -> bool:
    """Whether date row ``d`` stands by the figure at ``s0:e0`` with no comma, semicolon or dash between them
    and no word of a comparison: plainly the figure's own."""
    a, b = (d[1], s0) if d[1] <= s0 else (e0, d[0])
    if d[1] <= s0 and _LABEL_GAP.fullmatch(sentence, d[1], s0):
        return True  # a list item's date and a dash or colon before its figure ("..., в 2023-м — 2,48 трлн")
    if d[0] >= e0 and _DASH_GAP.fullmatch(sentence, e0, d[0]) and _RU_DATE_LEAD.match(d[4]) \
            and _ITEM_END.match(sentence, d[1]):
        return True  # a list item's figure, a dash, then its date ("3,23 трлн — в 2023-м и 3,3 трлн — в 2022 году")
    # "В прошлом году цены выросли на 9,52% после 7,42% в 2023 году": opening its clause, the time of what follows
    own = "" if _LAST_AS_TIME.fullmatch(d[4]) and not _WORD_CHAR.search(sentence, sentence.rfind(",", 0, d[0]) + 1,
                                                                          d[0]) else d[4]
    return not _ITEM_BREAK.search(sentence, a, b) and not _COMPARED.search(sentence[a:b] + " " + own)


_WORD_CHAR = re.compile(r"[^\W_]")
#: Between a date and its figure as a list item labels it: a case ending, then a dash or colon ("в 2023-м — ", "2024: ").
_LABEL_GAP = re.compile(r"(?:-?[а-яё]{1,2})?\s*[—–:-]\s*")
#: Between a figure and the Russian date of its list item after it: a dash ("3,23 трлн — в 2023-м").
_DASH_GAP = re.compile(r"\s*[—–-]\s*")
_RU_DATE_LEAD = re.compile(r"(?:в|во|за)\s")
#: After that date: its case ending, then the end of the item ("в 2023-м и ...", "в 2022 году.", "в 2022-м, ...").
_ITEM_END = re.compile(r"(?:-?[а-яё]{1,2}|\s+год[а-яё]{0,2})?\s*(?:[,;.)]|и\s|$)")
#: A list item's bare year ("в 2023-м", "in 2023"): after a figure of a month of another year, it is that month of its
#: year ("в декабре 2024 года дефицит достигал 3,51 трлн рублей, в 2023-м — 2,48 трлн").
_BARE_YEAR_ITEM = re.compile(r"(?:в|in)\s+\d{4}(?:-?м)?", re.I)
#: Between a figure (and its noun) and the next item of its list: a comma or semicolon, and "а", "и", "and", "while"
#: ("3,51 трлн рублей, в 2023-м", "596 227 человек, а в 2023-м").
_ITEM_GAP = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*[,;]\s*(?:(?:а|и|and|while|whereas)\s+)?")
#: ... one that sets the next item against it ("составила 596 227 человек, а в 2023-м было 495 234"): its date is the next
#: item's, even when the figure before names none of its own.
_CONTRAST_GAP = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*,\s*(?:а|while|whereas)\s+", re.I)
#: "в прошлом году", "в прошлом месяце": the time a figure is of, said as one, not the base of a comparison ("по сравнению
#: с прошлым годом", "аналогичный период прошлого года").
_LAST_AS_TIME = re.compile(r"в\s+прошл(?:ом|ую)\s+(?:году|месяце|квартале|полугодии|неделе)", re.I)


def _span_period(sentence: str, clause: tuple[int, int], published: str | None, rules: FigureRules):
    """(period, surface) of "in the last two years", "over the past 3 years", "за последние 18 лет"
    in the clause: the years up to the article's (``2022/2023`` in 2023; ``published`` may be the year the years
    run to, when the sentence names it), ``XXXX/XXXX`` when the
    article is undated or the years are not counted ("in recent years"); None when the clause has no such span."""
    m = _period_cues().get("span", _NO_CUE).search(sentence, clause[0], clause[1])
    if not m:
        return None
    raw = (m.group("n") or m.group("n2") or "").lower()
    if not raw:
        return "XXXX/XXXX", m.group(0)  # "in recent years", "в последние годы": years not counted
    n = int(raw) if raw.isdigit() else int(rules.words.get(raw, 0))
    if not 1 <= n <= 100:
        return None
    year = (published or "")[:4]
    period = f"{int(year) - n + 1}/{year}" if year.isdigit() else "XXXX/XXXX"
    return period, m.group(0)


def _reference_year(sents: list, published, rules, find_dates) -> int | None:
    """The year an undated article was written in, when its text gives it away: "this year ...
    compared to the same period in 2021" (2022), or a period up to now with its year ("already
    exceeded $20 billion between January and September 2024": 2024). None when the text says
    nothing, or two different years."""
    cues = _period_cues()
    this, to_date = cues.get("this_year", _NO_CUE), cues.get("to_date", _NO_CUE)
    found = _weekday_year(sents, published, rules, find_dates)
    for sent in sents:
        sentence = sent[4]
        if not (this.search(sentence) or to_date.search(sentence)):
            continue
        rows = _sentence_candidates(sentence, published, rules, find_dates)[1]
        for d in rows:
            v = d[2] or ""
            if _is_base(sentence, d, cues) and re.fullmatch(r"\d{4}", v) and this.search(sentence) and \
                    re.search(r"same\s+period|аналогичн", sentence[max(0, d[0] - _BASE_WINDOW):d[0] + len(d[4])], re.I):
                found.add(int(v) + 1)
            m = re.fullmatch(r"(\d{4})-\d{2}/(\d{4})-\d{2}", v)
            if m and m.group(1) == m.group(2) and to_date.search(sentence) and not _is_base(sentence, d, cues):
                found.add(int(m.group(1)))
    if not found and (lead := _lead_day(sents, published, rules, find_dates)):
        found.add(int(lead[:4]))  # (the weakest sign: only when the text gives no other)
    return found.pop() if len(found) == 1 else None


#: Before the full date an article's lead opens with: nothing, "On", or a dateline's place ("Astana, ").
_LEAD_OPENING = re.compile(r"\s*(?:[A-ZА-ЯЁ][\w.-]*(?:\s[A-ZА-ЯЁ][\w.-]*)?,\s*)?(?:on\s+)?", re.I)
#: How many sentences from an article's start its lead may be (a title and a subtitle before it).
_LEAD_SENTENCES = 3


def _lead_day(sents: list, published, rules, find_dates) -> str:
    """The day an undated article's lead opens with, in full ("On January 26, 2023, the President of Uzbekistan ...
    arrived in Bishkek on a state visit": ``2023-01-26``): a news story is written on the day it reports or soon after,
    so it tells the year of its "last year". "" when none of its first sentences opens with a full date."""
    for sent in sents[:_LEAD_SENTENCES]:
        sentence = sent[4]
        rows = _sentence_candidates(sentence, published, rules, find_dates)[1]
        first = min(rows, key=lambda d: d[0], default=None)
        if first is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", first[2] or "") \
                and _LEAD_OPENING.fullmatch(sentence, 0, first[0]):
            return first[2]
    return ""


#: A day of the week, English or Russian (group ``day``: its name, a stem for the Russian).
_WEEKDAY = re.compile(r"\b(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?<![^\W\d_])(?P<day_ru>"
                      r"понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)[а-яё]{0,2}(?![^\W\d_])", re.I)
_WEEKDAY_NUMBER = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"))} | {d: i for i, d in enumerate((
                                                    "понедельник", "вторник", "сред", "четверг", "пятниц", "суббот",
                                                    "воскресень"))}


def _weekday_year(sents: list, published, rules, find_dates) -> set[int]:
    """The year of a day an undated article names in full with its day of the week, the same day of the week it names
    alone elsewhere ("Putin visited Kazakhstan on Thursday" and a caption's "Astana, Kazakhstan, Thursday, Nov. 9,
    2023": the article was written that week, in 2023); the day must fall on that day of the week. Empty when there is
    none."""
    full, bare = {}, set()
    for sent in sents:
        sentence = sent[4]
        if not _WEEKDAY.search(sentence):
            continue
        rows = _sentence_candidates(sentence, published, rules, find_dates)[1]
        for m in _WEEKDAY.finditer(sentence):
            day = _WEEKDAY_NUMBER[(m.group("day") or m.group("day_ru")).lower()]
            row = next((d for d in rows if d[0] <= m.start() < d[1]), None)
            if row is None:
                bare.add(day)
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", v := row[2] or "") and calendar.weekday(
                    *map(int, v.split("-"))) == day:
                full.setdefault(day, set()).add(int(v[:4]))
    return {y for day in bare for y in full.get(day, ())}


#: A period within one year that is not the whole year: months, a quarter, a half, a day, "some months" (``-XX``).
_PART_OF_YEAR = re.compile(r"(\d{4})-[^/]+(?:/\1-[^/]+)?")


def _latest_year_reported(out: list[dict], bases: frozenset | set = frozenset()) -> int | None:
    """The last whole year an undated article reports on, from the periods of its figures: the
    latest year a figure is for, or the year before the latest part of a year ("$280.6 million in
    January-June 2024": the page was written in 2024, its last whole year is 2023). Goals, spans of
    years, unknown years and ``bases`` (indices of figures another is measured from: "last year, up from 18,000 in
    2022" is not 2022's) do not count. None when no figure has such a period.

    When the article gives a quantity for that latest year and another value of it for "last year"
    ("Урожай пшеницы в 2022 году составил 102,65 млн тонн ... В прошлом году урожай пшеницы был 76
    млн тонн"), it was written in that year, and its last whole year is the one before (the same
    value again is the same year: a title's "по итогам 2024 года превысил 10 млрд" over "по итогам
    прошлого года ... превысил 10 млрд")."""
    years, whole = [], {}
    for i, r in enumerate(out):
        period = r["period"]
        if r["qualifier"] == "target" or "X" in period.replace("-XX", "") or i in bases:
            continue
        if _FOUR_DIGITS.fullmatch(period):
            years.append(int(period))
            whole.setdefault(int(period), {}).setdefault((r["metric"], r["parties"]), set()).add(r["value"])
        elif m := _PART_OF_YEAR.fullmatch(period):
            years.append(int(m.group(1)) - 1)
    if not years:
        return None
    latest = max(years)
    last = _period_cues().get("last_year", _NO_CUE)
    values = whole.get(latest, {})
    again = any(r["period"] == "XXXX" and r["metric"] and r["value"] not in values.get((r["metric"], r["parties"]), (r["value"],))
                and last.search(r["period_surface"]) for r in out)
    return latest - 1 if again else latest


def _anchor_relative_periods(out: list[dict], sents: list, published, rules, find_dates,
                             bases: frozenset | set = frozenset()) -> None:
    """Give the relative periods of an undated article ("last year", "this year", "the first half
    of this year": ``XXXX...``) the year its text gives away (:func:`_reference_year`), in place.
    When the text gives no year away, its "last year" is the last whole year it reports on
    (:func:`_latest_year_reported`): "В прошлом году товарооборот ... приблизился к 24 миллиардам"
    beside "в 2022 году" is 2022's; "this year" stays unknown."""
    year = _reference_year(sents, published, rules, find_dates) if find_dates is not None else None
    cues = _period_cues()
    last, this = cues.get("last_year", _NO_CUE), cues.get("this_year", _NO_CUE)
    # "Some 217,000 visitors from China traveled to Kazakhstan ... last year, up from 18,000 in 2022": last year is
    # the year after the one it is measured from in its sentence
    based = {(out[i]["line_no"], out[i]["sent_no"]): out[i]["period"] for i in bases
             if i < len(out) and _FOUR_DIGITS.fullmatch(out[i]["period"])}
    for r in out if based else ():
        if r["period"] == "XXXX" and last.search(r["period_surface"]) and (y := based.get((r["line_no"], r["sent_no"]))):
            r["period"] = str(int(y) + 1)
    if year is None:
        _same_months_stated(out, last)
        _months_of_the_year_stated(out, last, bases)
        reported = _latest_year_reported(out, bases)
        if reported is None:
            return
        year, last_only = reported + 1, True
    else:
        last_only = False
    for r in out:
        period, surface = r["period"], r["period_surface"]
        if not _year_unknown_only(period):
            continue  # (a span of years of an undated article stays unknown)
        if last.search(surface):
            r["period"] = period.replace("XXXX", str(year - 1))
        elif not last_only and (this.search(surface) or period != "XXXX"):
            r["period"] = period.replace("XXXX", str(year))


def _same_months_stated(out: list[dict], last: re.Pattern) -> None:
    """Give a relative period of months of an undated article ("за 11 месяцев текущего года": ``XXXX-01/XXXX-11``)
    the year with which its figures state the same months ("За 11 месяцев 2022 года"), when they state them with
    one year only (the same months of a year compared with, "than in the same period of 2023", do not count);
    a "last year" is left to the rules after. In place."""
    years: dict[str, set[str]] = {}
    for r in out:
        if (m := _STATED_MONTHS.fullmatch(r["period"])) and m.group(1) == m.group(2) and not _same_period_of(r):
            years.setdefault(r["period"].replace(m.group(1), "XXXX"), set()).add(m.group(1))
    for r in out:
        if len(found := years.get(r["period"], ())) == 1 and not last.search(r["period_surface"]):
            r["period"] = r["period"].replace("XXXX", next(iter(found)))


#: A span of months of one stated year ("2022-01/2022-11").
_STATED_MONTHS = re.compile(r"(\d{4})-\d\d/(\d{4})-\d\d")
#: A month or a span of months of a stated year (group 1: the year; 3, else 2: the last month).
_MONTHS_OF_YEAR = re.compile(r"(\d{4})-(\d\d)(?:/\1-(\d\d))?")
_YEAR_IN_PERIOD = re.compile(r"\b\d{4}(?=-|/|$)")


def _months_of_the_year_stated(out: list[dict], last: re.Pattern, bases: frozenset | set = frozenset()) -> None:
    """Give a month of no year in an undated article ("В июле федеральный бюджет получил 787,3 млрд рублей", "in May")
    the one year its figures state months of ("За первые семь месяцев 2025 года", "for July 2025"), when the month is
    not later than the last month stated in that year, and no figure's period names another year; a base ("than in July
    2024") and "last year" do not count. In place."""
    if len({y for r in out for y in _YEAR_IN_PERIOD.findall(r["period"])}) != 1:
        return  # (an article of several years: "Декабрь 2025 года ... в декабре 2024 года", which its month is, unsaid)
    years: dict[str, int] = {}
    for i, r in enumerate(out):
        if i in bases or _same_period_of(r) or last.search(r["period_surface"]):
            continue
        if m := _MONTHS_OF_YEAR.fullmatch(r["period"]):
            years[m.group(1)] = max(years.get(m.group(1), 0), int(m.group(3) or m.group(2)))
    if len(years) != 1:
        return
    ((year, upto),) = years.items()
    for r in out:
        if (m := _YEARLESS_MONTH.fullmatch(r["period"])) and int(m.group(1)) <= upto \
                and not last.search(r["period_surface"]):
            r["period"] = f"{year}-{m.group(1)}"


_SHARE_OF = _led(re.compile(
    r"\s*(?:of|от)\s+(?P<whole>[^\W\d_](?:[^\W\d_]|['’\- ]){0,60}?)"
    r"(?=\s*(?:[,.;:!?)(\"”»—–]|$)|\s+(?:is|are|was|were|go|goes|went|pass|passes|passed|come|comes|came|flow|flows"
    r"|move|moves|moved|travel|travels|travelled|traveled|head|heads|headed"
    r"|that|which|who|in|into|and|or|from|to|for|by|on|at|with|via|through|planned|expected|while|than|as"
    r"|said|says|say|told|believe|believes|think|thinks|support|supports|currently|now|today|alone|combined|last|this|next"
    r"|has|have|had|will|would|could|can|may|might|should)\b)", re.I))
_SHARE_SKIP = frozenset("the a an its their his her our this that these those all total overall whole entire "
                        "общего общей общих всего всей всех".split())


#: Between an amount and a percentage in brackets after it ("$18 billion (27 per cent)", "$30.1 billion
#: in trade (46 per cent of the total)").
_BRACKETED_AFTER = re.compile(r"[^().;]{0,25}\(\s*$")
#: Measures whose metric a figure without a word of its own takes from the figure just before (:func:`_doc_figures`).
_MEASURE_KINDS = frozenset({"mass", "volume", "flow"})
#: A place in a ranking ("Kyrgyzstan took second place with $22.7 billion", "It is followed by Uzbekistan ($13.7 billion)",
#: "на втором месте Узбекистан – 18 миллиардов"): its amounts of money measure what the ranking's amount before did.
_RANKED = _led(re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:place|position)"
    r"|followed\s+by|(?:is|are|was|were)\s+followed|ranked\s+(?:first|second|third|\d))\b"
    r"|(?<![^\W\d_])(?:(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*\s+мест\w*"
    r"|следом\s+(?:ид|следу)\w*|за\s+(?:ним|ней|ними)\s+(?:следу|ид)\w*)", re.I))
#: Amounts a bracketed percentage after them is a share of ("$18 billion (27 per cent)", "27,8 тыс. т (56%)").
_AMOUNT_KINDS = frozenset({"money", "mass", "volume", "flow"})
#: Words of a rise or a fall around a growth rate ("an increase of 2.3% over 2021", "на 2,7% меньше").
_GROWTH_CUE = _led(re.compile(r"\b(?:increas|decreas|rise|rose|risen|grew|grow|up\b|down\b|less\b|more\b|higher|lower|fell"
                         r"|fall|drop|declin|jump|gain|climb|surg|soar|plung|slump|shr[aiu]nk|expand|reduc|cut\b|cuts\b"
                         r"|slash|boost)|" + _CHANGE_WORD_RU.pattern
                         + rf"|(?<![^\W\d_])(?:{_MORE_LESS_RU}|относительно|по\s+сравнению)", re.I))
#: A year something was reached by ("by 2022", "к 2022 году"; not "until 2023", "до 2023 года", how long a plan runs).
_BY_YEAR = re.compile(r"(?:by|к|ко)\s", re.I)
#: A verb of change in the past ("had fallen", "had reached", "сократилось", "достигла", "вырос"): what a year "by" which
#: it happened was a level of, not a goal.
_PAST_VERB = re.compile(r"\bhad\s+(?:\w+ed|fallen|grown|risen|shrunk|hit)\b|(?<![^\W\d_])(?:сократил|снизил|увеличил|уменьшил"
                        r"|выросл|упал|составил|превысил)[а-яё]*|(?<![^\W\d_])(?:вырос|достигл[аои]|достиг)(?![^\W\d_])", re.I)


def _elliptic(sentence: str, s0: int, e0: int, period_rows: list) -> bool:
    """Whether a sentence is only a period, a dash and the figure ``sentence[s0:e0]`` ("В прошлом году — более $11
    млрд.", "In 2022 – $9.3 billion."): the rest is said in the sentence before."""
    return bool(period_rows) and period_rows[0][1] <= s0 and _ELLIPTIC_LEAD.fullmatch(sentence, 0, s0) is not None \
        and _ELLIPTIC_END.fullmatch(sentence, e0) is not None


_ELLIPTIC_LEAD = re.compile(r"[^\d—–-]{0,40}(?:(?:19|20)\d\d[^\d—–-]{0,25})?\s*[—–-]\s*")
_ELLIPTIC_END = re.compile(r"\s*[.!…»\"”)]*\s*")


#: Words that refer back to a figure ("this number", "этот показатель"; not "it", which may be anything said before).
_THAT_FIGURE = _led(re.compile(r"\b(?:(?:this|that|the)\s+(?:figure|number|indicator|total)|(?:this|that)\s+is)\b"
                               r"|(?<![^\W\d_])(?:это|этот\s+показатель|данный\s+показатель|эти\s+показатели"
                               r"|такие\s+показатели|эта\s+цифра)(?![^\W\d_])", re.I))
#: The indicator named just before, as a clause's subject ("показатель снизился", "the figure rose").
_THE_INDICATOR = re.compile(r"\b(?:the|this|that)\s+(?:figure|indicator)\b|(?<![^\W\d_])(?:этот\s+|данный\s+)?показател[ьяюе]"
                            r"(?![^\W\d_])", re.I)
#: A figure outdoing another ("beat the previous year by 65 per cent", "превысил показатель ... на 20%"): a change.
_OUTDID = _led(re.compile(r"\b(?:beat|beats|beating|exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|outstrip(?:ped|s)?)\b"
                          r"|(?<![^\W\d_])(?:превыси\w*|превзош\w*|превышает)", re.I))
_TRADE_AMOUNTS = frozenset({"trade_turnover", "exports", "imports"})
#: Growth metrics given only beside a word of a rise or a fall (:data:`_GROWTH_CUE`): a percentage near "output" or
#: "cargo" may be a share ("Canada (15%)", "35.8% share of total cargo traffic versus 22.7% in 2021").
_CUED_GROWTHS = frozenset({"production_growth", "freight_growth", "investment_growth", "remittances_growth",
                           "people_growth", "trips_growth", "people_growth (births)", "people_growth (deaths)",
                           "passengers_growth"})
#: A share's own word in a clause: without it, a percentage after "grew by" is a growth, whatever share came before.
_SHARE_WORD = _led(re.compile(r"\bshares?\b|\baccount(?:s|ed)?\s+for|\bthe\s+bulk\s+of\b|(?<![^\W\d_])(?:дол[яиюе]|долей"
                               r"|больш(?:ую|ая|ей)\s+част[ьи])(?![^\W\d_])", re.I))
_SHARE_WAYS = (("exports", re.compile(r"\bexport|(?<![^\W\d_])экспорт", re.I)),
               ("imports", re.compile(r"\bimport|(?<![^\W\d_])импорт", re.I)))


#: The whole of a share that is a country's trade, or one way of it ("of Kazakhstan's foreign trade", "of its imports").
_TRADE_WHOLE = re.compile(r"(?:(?P<who>\S+)\s+)?(?:(?:foreign|external|overall|total|mutual|bilateral)\s+)*"
                          r"(?:(?:trade|commerce)(?:\s+turnover)?|turnover|(?P<way>exports|imports))", re.I)


#: Before a share of a whole: the verb that gives it ("accounts for", "made up", "represents", "its share").
_SHARE_VERB = re.compile(r"\b(?:account\w*|make[s]?\s+up|made\s+up|making\s+up|represent\w*|constitut\w*|compris\w*"
                         # a partner's part of a way of trade: "Russia supplies about 30% of Kazakhstan's imports",
                         # "Kazakhstan sends around 10% of its exports to Russia"
                         r"|share|suppl(?:y|ies|ied|ying)|provid\w*|sends?|sent|buys?|bought|purchas\w*|ships?|shipped)\b"
                         r"|(?<![^\W\d_])(?:дол[яиюе]\w*|приходит\w*)", re.I)


def _trade_share(whole: str, before: str, rules: FigureRules) -> str:
    """``trade_share`` (or ``trade_share (exports)`` / ``(imports)``) when the whole a percentage is "of" is
    a country's trade or one way of it, and a place that has that share is named before it in its clause
    (``before``) with a verb of a share ("accounts for", "made up"), as the Russian wording gives ("Russia
    accounts for 18% of Kazakhstan's foreign trade" as "18% внешнеторгового оборота", "35% of its imports" as
    "35% импорта"); "" for another whole ("of oil exports": a share of those goods) or another part ("road
    transport had facilitated 51.8 percent of China's trade", "Oil and uranium account for 73% of Kazakhstan's
    exports")."""
    m = _TRADE_WHOLE.fullmatch(whole) or _TRADE_WHOLE_RU.fullmatch(whole)
    if not m or not _SHARE_VERB.search(before) or next(rules.places.finditer(before), None) is None:
        return ""
    who = m.group("who")  # whose trade: a place, or a word that stands for one
    if who and who.lower() not in _WHOSE and next(rules.places.finditer(who), None) is None:
        return ""
    way = (m.group("way") or "").lower()
    way = "exports" if way.startswith("экспорт") else "imports" if way.startswith("импорт") else way
    return f"trade_share ({way})" if way else "trade_share"


#: The same in Russian, whose place follows it ("товарообороте казахстана", "экспорте страны").
_TRADE_WHOLE_RU = re.compile(r"(?:(?:внешнеторгов|внешн|взаимн|общ)\w*\s+)?(?:товарооборот\w*|оборот\w*|торговл\w*"
                             r"|(?P<way>экспорт\w*|импорт\w*))(?:\s+(?P<who>\S+))?", re.I)
_WHOSE = frozenset({"its", "their", "the", "country", "nation", "страны", "республики"})
#: The share of payments made in the two countries' own currencies (``data/metrics.csv``).
_SETTLED = "settlement_currency_share"


def _share_way(clause: str) -> str:
    """``exports`` or ``imports`` when a clause with a share of trade names only that way of it
    ("the share in exports rose from 9.7% to 11.4%"), else ""."""
    if _TRADE_WORD.search(clause):
        return ""
    ways = [way for way, rx in _SHARE_WAYS if rx.search(clause)]
    return ways[0] if len(ways) == 1 else ""


#: Right before a percentage: the level a quantity rose or fell to ("decreased to 78%", "снизилась до 77%"), not a
#: change ("by up to 20%" is a change, hedged).
_TO_LEVEL = re.compile(r"(?:(?<!\bup\s)\bto|(?<![^\W\d_])до)\s+(?:(?:about|around|almost|nearly|почти|около|примерно)\s+)?$",
                       re.I)
#: Before a percentage: the whole of a share named before it ("Russia's share in remittances was about 87%",
#: "its share of exports stood at 40%").
_SHARE_BEFORE = _led(re.compile(r"\bshare\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+|total\s+)*(?P<whole>[^\W\d_]+(?:\s+[^\W\d_]+)?)"
                                r"\s+(?:was|is|were|are|stood\s+at|reached|amounted\s+to|of|at)\s+(?:about|around|nearly|almost"
                                r"|over|roughly|some|approximately|just\s+over|more\s+than|less\s+than)?\s*$"
                                # "Доля сельского хозяйства в ВВП составила 5%": the share of what follows "в"
                                r"|(?<![^\W\d_])дол[яиюе]\w*\s+(?P<part_ru>(?:[^\W\d_]+\s+){0,3}?)в\s+(?P<whole_ru>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)"
                                r"\s+(?:составил\w*|составляет|достигл\w*|достигает|[—–-])\s*(?:около|почти|более|свыше|примерно"
                                r"|порядка)?\s*$", re.I))


def _share_part(sentence: str, start: int, s0: int, rules) -> str:
    """The part a share names before it, when it is no place: in Russian before its whole ("Доля сельского хозяйства в
    ВВП составила 5%": "сельского хозяйства"), in English as the subject of a verb of a share or the owner of "share"
    opening the clause ("Agriculture accounts for 5% of GDP", "Agriculture's share of GDP was 5%": "agriculture");
    else ""."""
    m = _SHARE_BEFORE.search(sentence, max(start, s0 - 80), s0)
    said = (m.group("part_ru") or "").strip() if m else ""  # (as written: places are read in their own case)
    part = said.lower()
    if not part and (en := _SHARE_SUBJECT.match(sentence, start, s0)):
        said = en.group("part")
        part = " ".join(w for w in said.lower().split() if w not in _SHARE_SKIP)
        part = "" if part in _NO_PART else part
    return "" if not part or next(rules.places.finditer(said), None) is not None else part


#: The subject a share is of, opening its clause: "Agriculture accounts for", "The service sector makes up about",
#: "Agriculture's share of GDP was" (up to four words).
_SHARE_SUBJECT = re.compile(r"\s*(?P<part>[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3}?)(?:\s+(?:accounts?|accounted)\s+for|\s+(?:makes?|made)"
                            r"\s+up|\s+(?:represents?|represented|constitutes?|constituted)|['’]s?\s+share\s+(?:of|in)\s+"
                            r"[^\d]{1,40}?\s+(?:was|is|stood\s+at|reached|amounted\s+to))\s+(?:about\s+|around\s+|nearly\s+"
                            r"|almost\s+|over\s+|some\s+|roughly\s+)?$")
#: Pronouns and nouns that refer back to what was named before ("It accounts for", "The country accounts for 18.4
#: percent", "The amount accounted for 5%"): no part of their own.
_NO_PART = frozenset({"it", "which", "they", "he", "she", "amount", "country", "figure", "sum", "state", "nation",
                      "region", "volume", "number", "indicator", "company", "city", "republic"})


def _share_before(sentence: str, start: int, s0: int, rules=None) -> str:
    """The whole of a share named right before a percentage in its clause ("share in remittances was about
    87%" -> "remittances"; "доля сельского хозяйства в ВВП составила 5%" -> "gdp"), as :func:`_share_of` gives it
    after one; "" when there is none. A Russian whole is a noun in the prepositional case after "в" ("в экспорте",
    not "доля выбывших в эти страны"), and neither it nor the part names a place (``rules``): "доля РФ в белорусском
    товарообороте" is a partner's share of trade, "доля иностранных студентов в России" no share of Russia."""
    if _TO_GDP_BEFORE.search(sentence, max(start, s0 - 80), s0):
        return "gdp"  # "the external debt-to-GDP ratio rose to 59.2%", "соотношение госдолга к ВВП снизилось до 21,9%"
    m = _SHARE_BEFORE.search(sentence, max(start, s0 - 80), s0)
    if not m:
        return ""
    if m.group("whole"):
        return _whole_words(m.group("whole"))
    whole = m.group("whole_ru")
    if not _PREPOSITIONAL.fullmatch(whole.split()[0]) or (rules is not None and any(
            next(rules.places.finditer(t), None) is not None for t in (whole, m.group("part_ru") or ""))):
        return ""
    return _whole_words(whole)


#: Which debt a figure is (:func:`_debt_kind`): a country's debt to non-residents, and the state's or government's debt.
_DEBT_KINDS = (("external", re.compile(r"\b(?:external|foreign)\s+debt|(?<![^\W\d_])внешн\w*\s+(?:государственн\w*\s+)?долг",
                                       re.I)),
               ("public", re.compile(r"\b(?:public|government|national|state|sovereign)\s+debt|(?<![^\W\d_])(?:госдолг"
                                     r"|государственн\w*\s+долг|правительственн\w*\s+долг|долг\w*\s+правительства)", re.I)))


def _debt_kind(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> str:
    """Which debt a figure of debt is: the kind (:data:`_DEBT_KINDS`) named nearest before it in its sentence, else the
    first named after it in its clause ("Public debt has jumped to $8.4 billion", "соотношение госдолга к ВВП снизилось
    до 21,9%", "$172.8 billion of external debt"); "" when none is named (arrears, a debt owed to another country)."""
    before = [(m.start(), kind) for kind, rx in _DEBT_KINDS for m in rx.finditer(sentence, 0, s0)]
    if before:
        return max(before)[1]
    after = [(m.start(), kind) for kind, rx in _DEBT_KINDS for m in rx.finditer(sentence, e0, clause[1])]
    return min(after)[1] if after else ""


#: A ratio to GDP named before a percentage ("the debt-to-GDP ratio", "the ratio of public debt to GDP", "соотношение
#: госдолга к ВВП", "отношение долга к ВВП"): a share of GDP, not the GDP's growth.
_TO_GDP_BEFORE = re.compile(r"\b[^\W\d_]+-to-GDP\b|\bratio\s+of\s+(?:[^\W\d_]+\s+){1,4}to\s+(?:the\s+)?GDP\b"
                            r"|(?<![^\W\d_])(?:со)?отношени\w*\s+(?:[^\W\d_]+\s+){1,4}к\s+ВВП(?![^\W\d_])")


#: The first word of a Russian noun phrase in the prepositional case ("в экспорте", "в валовом внутреннем продукте",
#: "в энергобалансе страны"), or an abbreviation that does not decline ("в ВВП"); not "в эти страны".
_PREPOSITIONAL = re.compile(r"[^\W\d_]{3,}(?:е|и|ах|ях|ом|ем|ой|ей)|[А-ЯЁ]{2,}")


def _share_beside(sentence: str, s0: int, amount_end: int, amount_metric: str) -> str:
    """The metric of a percentage that gives the share of the amount just before it, in brackets
    ("$18 billion (27 per cent)"), or "": ``trade_share`` for a share of trade, else "share of
    <the amount's metric>"."""
    if not (amount_end <= s0 and _BRACKETED_AFTER.fullmatch(sentence, amount_end, s0)):
        return ""
    if not amount_metric:
        return ""
    close = sentence.find(")", s0)
    if _GROWTH_CUE.search(sentence, s0, close if close > 0 else min(len(sentence), s0 + 40)):
        return ""  # "3.885 million tons of wheat (24-percent increase ...)": a growth, not a share
    return "trade_share" if amount_metric in _TRADE_AMOUNTS else f"share of {amount_metric}"


_TURNOUT = "turnout"
#: The count of those who voted in a vote (whole or by a time of its day, as a turnout).
_VOTERS = "voters"
#: The count of those who may vote in a vote ("eligible voters", "имеющих право голосовать").
_ELECTORATE = "electorate"
#: The Russian noun of voters as a count's metric reads it (its dictionary form).
_RU_VOTERS = "избиратель"
#: Right after a percentage: the voters it is a share of, so it is a turnout ("63.66% of those entitled to
#: participate", "of registered voters", "63,87 процента от общего числа избирателей").
_TURNOUT_OF = re.compile(
    r"\s*(?:of\s+(?:the\s+|all\s+)?(?:total\s+)?(?:number\s+of\s+)?(?:(?:those|citizens|voters|people|persons)\s+(?:who\s+(?:are|were)\s+)?)?"
    r"(?:entitled|eligible|registered)\b|of\s+the\s+electorate\b"
    r"|от\s+(?:общего\s+)?(?:числа|количества)\s+(?:избирател\w*|граждан\w*,?\s+имеющих\s+право"
    r"|(?:граждан|избирател)\w*,?\s+(?:внесенных|включенных)\s+в\s+списк\w*)"
    r"|(?:граждан|избирател)\w*,?\s+(?:имеющ\w*\s+право|обладающ\w*\s+правом|(?:внесенн|включенн)\w*\s+в\s+списк))", re.I)
#: Taking part in a vote ("voted", "took part", "проголосовали", "приняло участие", "бюллетени получили").
_VOTED = _led(re.compile(r"\b(?:voted|(?:took|tak(?:e|es|ing))\s+part|participated|turned\s+out"
                         r"|cast\s+(?:their\s+)?(?:ballots?|votes?)"
                         r"|(?:came|went)\s+to\s+the\s+polls)\b"
                         r"|(?<![^\W\d_])(?:проголосова\w*|приня[лв]\w*\s+участие|участие\s+в\s+н\w+\s+принял\w*|участвова(?:л|вш)\w*"
                         r"|(?:пришл|явил)\w*\s+на\s+(?:избирательные\s+)?участк\w*|на\s+(?:избирательные\s+)?участки\s+(?:пришл|явил)\w*"
                         r"|получил\w*\s+бюллетен\w*|бюллетен\w*\s+получил\w*"
                         r"|изъявил\w*\s+(?:свою\s+)?волю|(?:свою\s+)?волю\s+изъявил\w*)", re.I))
#: The beginnings of the words of a time after "за" ("за первые три часа", "за день"): in a time, not for something.
_ZA_TIME = "дн|сут|час|недел|месяц|год|период|врем|весь|вс[её]|перв|последн|минувш|прошедш|прошл|это|эт[иу]|один|одн"
#: A share of the votes cast, not of the voters: "voted for", "in favour", "«За» проголосовали", "против".
_VOTE_SHARE = _led(re.compile(r"\b(?:vot\w*|ballots?)\s+(?:for|against)\b|\b(?:in\s+favou?r|supported|backed)\b|\b(?:yes|no)['’\"”]?\s+vote"
                              r"|^\s*голос(?:ов|а)(?![^\W\d_])"
                              r"|\bof\s+(?:the\s+)?votes?(?:\s+cast)?\b"
                              r"|[\"“«](?:yes|no)[\"”»]"
                              r"|(?<![^\W\d_])(?:«?за»?\s+(?:[А-ЯЁ][\w-]*\s+){0,3}проголосова\w*|проголосова\w*\s+«?за»?(?![^\W\d_])"
                              rf"|за\s+[«\"“]?(?!(?:[\d\W]|{_ZA_TIME}|рубеж|границ|пределам)\w*)[а-яё][\w-]*(?:\s+[\w«»\"-]+){{0,4}}"
                              r"\s+проголосова\w*"
                              r"|партию(?![^\W\d_])(?:\s+[\w«»\"-]+){0,4}\s+проголосова\w*"
                              r"|за\s+(?:кандидат|парти)\w*(?:\s+[\w«»\"-]+){0,10}?\s+проголосова\w*"
                              r"|отда(?:л|ли|ла|ло|ны|но)\s+(?:свои\s+)?голос\w*"
                              r"|«?против»?"
                              r"|поддержал\w*|«да»|«нет»)", re.I))
#: Right after a percentage: the voters ("63,8% избирателей", "63.8% of voters").
_OF_VOTERS = re.compile(r"\s*(?:of\s+(?:all\s+|the\s+)?(?:voters|electorate|citizens)\b|(?:избирател|граждан)\w*)", re.I)
#: Before a percentage: a count just given, the percentage restating it ("проголосовали 7 820 204 человека, или
#: 63,66%", "7 820 918 человек — 63,87%").
_COUNT_THEN_SHARE = re.compile(r"\d\s+(?:человек\w*|граждан\w*|избирател\w*|казахстанц\w*|people|citizens|voters)"
                               r"\s*(?:,\s*(?:или|or)|[—–-]|\(|,\s*(?:что\s+состав(?:ил|ля)\w*|which\s+is))\s*$", re.I)

#: After a percentage: "or" and the count of those who voted it restates ("приняли участие 81,39% или 15 802 095
#: граждан", "63.66%, or 7,820,204 people").
_SHARE_THEN_COUNT = re.compile(r"\s*,?\s*(?:или|or)\s+(?:[\d\u00a0\u202f ]|[.,](?=\d))+\s*(?:млн\.?\s*|million\s+)?"
                               r"(?:человек\w*|граждан\w*|избирател\w*|people|citizens|voters)", re.I)


#: A count given while a vote goes on: "already voted", "so far cast", "уже проголосовали", "пока пришли".
_RUNNING = re.compile(r"\b(?:already|so\s+far)\s+(?:have\s+|has\s+)?(?:voted|cast|taken\s+part|turned\s+out)\b"
                      r"|(?<![^\W\d_])(?:уже|пока)\s+(?:проголосова|принял|пришл|явил)\w*", re.I)
#: Before a percentage: a threshold's word ("the turnout threshold is 33%", "порог явки ... составляет 33 процента").
_THRESHOLD_WORD = re.compile(r"\bthreshold\b|\b(?:considered|deemed|declared|recognized|recognised)\s+"
                             r"(?:valid|to\s+have\s+taken\s+place)\s+(?:if|when|with|provided)\b"
                             r"|(?<![^\W\d_])(?:порог\w*|(?:счита|призна)\w*\s+состоявш\w*,?\s+(?:при|если)(?![^\W\d_]))", re.I)
# (the turnout a vote is valid with: "выборы считаются состоявшимися при явке в 33%"; not "считать состоявшимся, поскольку
# в голосовании приняло участие 73,12 процента", the turnout it had)
#: "За" and a time (:data:`_ZA_TIME`, or a number: "за 3 часа").
_AT_TIME_ZA = re.compile(rf"«?за»?\s+(?:{_ZA_TIME}|\d)", re.I)


#: The share of the votes cast for or against (a referendum's question, a candidate): not its turnout.
_VOTE_SHARE_METRIC = "vote_share"
#: A share of the votes naming no side, candidate or party, as a poll's or a count's ("vote_share (exit poll)",
#: "vote_share (at 50% counted)"): claims of no one quantity (:func:`figure_claims`).
_UNNAMED_VOTE_SHARE = r"vote_share(?: \((?:exit poll|at [\d.]+% counted)\))*"
#: How far from a percentage a word of votes for or against makes it their share (:func:`_vote_share_near`).
_VOTE_SHARE_GAP = 30
#: What ends the words next to a percentage that may say whose share it is: another number, a comma, a semicolon.
_SHARE_GAP_END = re.compile(r"[\d,;]")
#: Right before a percentage: a count of votes and "or" ("6 456 392 голоса, или 81,31%", "6,456,392 votes, or 81.31%").
_VOTES_THEN_SHARE = re.compile(r"\d\s*(?:votes|голос(?:ов|а))\s*,?\s*(?:or|или)\s*$", re.I)
#: "For" a capitalised name, a dash, the count of those who voted so and "or" right before a share ("за Каракат Абден –
#: 206 тысяч 206 человек или 2,6%"): the candidate's share of the votes (not the turnout: "проголосовали 7 820 204
#: человека, или 63,66%" names no one it is for).
_FOR_NAME_THEN_SHARE = re.compile(r"(?<![^\W\d_])(?:за|for)\s+(?-i:[A-ZА-ЯЁ])[\w'’-]*(?:\s+(?-i:[A-ZА-ЯЁ])[\w'’-]*){0,2}"
                                  r"\s*[–—-]\s*\d[^%]*?(?:or|или)\s*$", re.I)
#: A turnout's own word: a percentage next to it is the turnout, whatever else is near.
_TURNOUT_WORD = re.compile(r"\bturnout\b|(?<![^\W\d_])явк", re.I)


#: Before a percentage: the counting of ballots or protocols ("After the count of 100% of ballots", "после обработки
#: 100% протоколов", "обработано 98,5% бюллетеней").
_COUNTED_BEFORE = re.compile(r"(?:\b(?:count(?:ing|ed)?|process(?:ing|ed)|tally(?:ing)?)|(?<![^\W\d_])(?:обработк\w*|обработан\w*"
                             r"|подсч[её]т\w*|подсчитан\w*))\s+(?:of\s+)?(?:(?:over|more\s+than|almost|nearly|более|почти|свыше)\s+)?$",
                             re.I)
#: After such a percentage: what was counted ("of ballots", "протоколов"), or that it was ("of the ballots were counted").
_COUNTED_NOUN = re.compile(r"\s*(?:of\s+(?:the\s+)?(?:all\s+)?)?(?:[^\W\d_]+\s+)?(?:ballots|protocols|precincts|votes|бюллетен\w*|протокол\w*"
                           r"|(?P<votes>голос\w*)|участк\w*)(?:(?:\s+(?:were|had\s+been|have\s+been))?\s+(?P<done>counted|processed))?",
                           re.I)


def _count_stage(sents: list, k: int, s0: int) -> str:
    """How much of a vote's count a share of the votes in sentence ``k`` (at ``s0``) was given at: the share of ballots
    or protocols counted its sentence names after it ("garnered 87.97% of the votes after processing 24.4% of the
    ballots"), else the last one the article names before it, when below 100 ("\"Единая Россия\" сохраняет лидерство
    ... после обработки 50% голосов": "50"); "" when none is named or the count was complete. In whole percent, the
    fraction dropped: "24.4%" and "about 24%" of one release of the count are one stage ("24")."""
    last = ""
    sentence = sents[k][4]
    for m in _PERCENT_NUMBER.finditer(sentence, s0 + 1):
        if _counted_share(sentence, m.start(), m.end()):
            last = m.group(1).replace(",", ".")
            break
    for j in range(k + 1) if not last else ():
        text = sents[j][4] if j < k else sentence[:s0]
        for m in _PERCENT_NUMBER.finditer(text):
            if _counted_share(text, m.start(), m.end()):
                last = m.group(1).replace(",", ".")
    try:
        return str(int(float(last))) if last and float(last) < 100 else ""
    except ValueError:
        return ""


#: After the votes a percentage counts: "for" someone, so a share of the votes, not of the count done.
_FOR_AFTER = re.compile(r"\s+(?:for|за)\b", re.I)
#: A percentage's number and its sign or word ("50,02%", "98.5 percent", "100 процентов").
_PERCENT_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per\s+cent\b|процент\w*)", re.I)


def _counted_share(sentence: str, s0: int, e0: int) -> bool:
    """Whether a percentage says how much of a vote's ballots or protocols has been counted, not a share of the votes
    or a turnout (:data:`_COUNTED_BEFORE`, :data:`_COUNTED_NOUN`)."""
    m = _COUNTED_NOUN.match(sentence, e0)
    if m is not None and (m.group("votes") or m.group(0).rstrip().lower().endswith("votes")) \
            and _FOR_AFTER.match(sentence, m.end()):
        return False  # "exit polls counted 87% of votes for the current president": a share of the votes
    return m is not None and (bool(m.group("done")) or _COUNTED_BEFORE.search(sentence, max(0, s0 - 40), s0) is not None)


def _party_before(sentence: str, lo: int, s0: int, rules: FigureRules) -> str:
    """The political party (:func:`figure_rules`' ``political_parties``) named last between ``lo`` and a share at
    ``s0``, with no other number between ("United Russia (49.82%)", "«Единая Россия» получила 49,82% голосов",
    "United Russia won the election, gaining 49.83 percent"); "" when none."""
    hit = _party_hit(sentence, lo, s0, rules)
    return rules.political_parties[1][hit.group(0)] if hit else ""


def _party_hit(sentence: str, lo: int, s0: int, rules: FigureRules) -> re.Match | None:
    """The last political party's name between ``lo`` and ``s0`` with no other number after it (:func:`_number_between`),
    or None."""
    pattern = rules.political_parties[0]
    hits = list(pattern.finditer(sentence, lo, s0)) if pattern is not None else []
    return hits[-1] if hits and not _number_between(sentence, hits[-1].end(), s0) else None


def _number_between(sentence: str, a: int, b: int) -> bool:
    """Whether a number stands between ``a`` and ``b``, other than a share of the count done ("Партия \"Единая
    Россия\" по результатам обработки 100% итоговых протоколов набрала 49,82% голосов")."""
    counted = [(m.start(), m.end()) for m in _PERCENT_NUMBER.finditer(sentence, a, b)
               if _counted_share(sentence, m.start(), m.end())]
    return any(not any(x <= d.start() < y for x, y in counted) for d in _DIGIT_RUN.finditer(sentence, a, b))


def _candidate_country(metric: str, rules: FigureRules) -> str:
    """The country of the candidate or party a share of the votes is of ("vote_share (Tokayev)": Kazakhstan), from the
    actor and political parties gazetteers; "" when it names none or the country is unknown."""
    m = re.match(r"vote_share \(([^)]+)\)", metric)
    if m is None:
        return ""
    who = m.group(1)
    code = rules.political_parties[2].get(who) or next((c for short, c in rules.persons.values() if short == who), "")
    return rules.country_codes.get(str(code).upper(), "") if code else ""


def _list_lead(sents: list, k: int) -> str:
    """The line that introduces the list sentence ``k`` is an item of (it opens with a bullet or a dash; the nearest
    line before the items that ends with a colon), or ""."""
    if not _BULLET.match(sents[k][4]):
        return ""
    ln = sents[k][0]
    for x in reversed(sents[max(0, k - 12):k]):
        if x[0] == ln:
            continue
        if not _BULLET.match(x[4]):
            return x[4] if x[4].rstrip().endswith(":") else ""
    return ""


#: A list item's opening: a bullet or a dash.
_BULLET = re.compile(r"\s*[•·●▪‣◦*–—-]\s")


def _party_after(sentence: str, e0: int, rules: FigureRules) -> str:
    """The political party a share right before it goes to ("8.59 percent went to the newly registered Respublika
    Party", "6.8 percent for the People's Party", "5% за «Новых людей»"); "" when none."""
    pattern, names = rules.political_parties[:2]
    if pattern is None or not (m := _TO_PARTY.match(sentence, e0)):
        return ""
    hit = pattern.match(sentence, m.end()) or pattern.match(sentence, m.end() + 1)  # (an opening quote)
    return names[hit.group(0)] if hit else ""


#: After a share: "went to", "to", "for", "за" and up to three words before a party's name.
_TO_PARTY = re.compile(r"\s+(?:of\s+(?:the\s+)?votes?\s+)?(?:went\s+|going\s+)?(?:to|for|за)\s+(?:(?:the|newly|registered|new|party)\s+)*",
                       re.I)


#: Between a party's name and a share: a bracket or a dash, or a verb of winning ("United Russia (49.82%)",
#: "«Единая Россия» — 49,82%", "«Единая Россия» получила 49,82%", "United Russia won ..., gaining 49.83 percent").
_PARTY_SHARE_GAP = re.compile(r"[»\"”]?\s*(?:[(:—–-]|\b(?:by|after|according|по|после)\b|\b(?:won|gain\w*|receiv\w*|secur\w*|took|scor\w*|with)\b|(?<![^\W\d_])с\s"
                              r"|(?<![^\W\d_])(?:получил\w*|набрал\w*|набира\w*|заручил\w*)).{0,80}$", re.I)


#: A candidate's place in a race ("Second place is ...", "followed by", "runner-up", "занял второе место"), and right
#: before a share, a capitalised name and "with" ("Nikolai Kharitonov with 3.87%"): the share of the votes that
#: candidate won, though the sentence names no vote.
_PLACING = re.compile(r"\b(?:first|second|third|fourth|fifth|last)\s+place\b|\brunner-up\b|\b(?:followed|trailed)\s+by\b"
                      r"|(?<![^\W\d_])(?:занял\w*\s+\w+\s+место|на\s+(?:первом|втором|третьем|четв[её]ртом|последнем)\s+месте)"
                      r"(?![^\W\d_])", re.I)
_NAME_WITH = re.compile(r"(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2}\s+with\s+$")


def _vote_share_near(sentence: str, s0: int, e0: int, rules: FigureRules | None = None) -> bool | str:
    """Whether a percentage is a share of the votes: a word of them (:data:`_VOTE_SHARE`) right before or after it,
    no other number, comma and word of the turnout between ("with 71.12% voting in favour", "«за» проголосовали
    71,12%"; not "Явка составила 63,66%" before them): "for" or "against" when those words say which side, else
    True (a candidate's: "won 81.3% of the vote"); False when it is none."""
    if rules is not None and (hit := _party_hit(sentence, 0, s0, rules)) \
            and (gap := _PARTY_SHARE_GAP.match(sentence, hit.end(), s0)) \
            and (len(gap.group(0).strip(' «»"“”')) <= 1 or _VOTE_WORD.search(sentence) or _VOTED.search(sentence)):
        return True  # a party's share ("United Russia (49.82%)"): :func:`_candidate` names the party
    if rules is not None and _party_after(sentence, e0, rules):
        return True  # "8.59 percent went to the newly registered Respublika Party"
    if rules is not None and _PLACING.search(sentence) and (named := _NAME_WITH.search(sentence, max(0, s0 - 60), s0)) \
            and not _places_in(named.group(0), rules)[0]:
        # "Second place is Nikolai Kharitonov with 3.87%, followed by Vladislav Davankov with 3.77%" (not a country's
        # place in a ranking: "followed by Russia with 25%")
        return True
    if not _VOTE_WORD.search(sentence) and not _VOTED.search(sentence) and not _EXIT_POLL.search(sentence):
        return False  # (no vote: "5% supported the idea" is a poll's, "grew 5%, supported by oil" no share)
    if (m := _FOR_NAME_THEN_SHARE.search(sentence, max(0, s0 - 100), s0)) and "%" not in m.group(0) \
            and not _TURNOUT_WORD.search(m.group(0)):
        return True  # "Голоса распределились ...: за Каракат Абден – 206 тысяч 206 человек или 2,6%": a candidate's share
    if _VOTES_THEN_SHARE.search(sentence, max(0, s0 - 40), s0):
        # "Токаев набрал 6 456 392 голоса, или 81,31%": the share the count of a candidate's votes makes ("против всех —
        # 480 484 голоса, или 5,8%": of the votes against all)
        return "against all" if _AGAINST_ALL.search(sentence, max(0, s0 - 80), s0) else True
    before = sentence[max(0, s0 - _VOTE_SHARE_GAP):s0]
    before = before[max((m.end() for m in _SHARE_GAP_END.finditer(before)), default=0):]
    after = sentence[e0:e0 + _VOTE_SHARE_GAP]
    after = after[:next((m.start() for m in _SHARE_GAP_END.finditer(after)), len(after))]
    near = [x for x in (before, after) if _VOTE_SHARE.search(x) and not _TURNOUT_WORD.search(x)]
    if not near and (m := next(reversed(list(_VOTE_SHARE.finditer(sentence, 0, s0))), None)) \
            and (_OF_VOTERS.match(sentence, e0) or not sentence[:m.start()].strip(" «\"")) \
            and not _AT_TIME_ZA.match(m.group(0)) \
            and not _SHARE_GAP_END.search(sentence, m.end(), s0) and not _TURNOUT_WORD.search(sentence, m.start(), s0):
        # "За строительство АЭС в Казахстане проголосовали 71,12% избирателей": of the voters, for it; "За новую
        # Конституцию проголосовали 87,4%" opening its sentence (not "За первые три часа проголосовали 20%")
        near = [m.group(0)]
    if not near:
        return False
    party = rules.political_parties[0] if rules is not None else None
    if any(_FOR_CANDIDATE.search(x) or _FOR_THE_CANDIDATE.search(x) or (party is not None and party.search(x))
           for x in near):
        return True  # "за Жигули Дайрабаева проголосовал 271 тысяча 641 избиратель, или 3,42%": a candidate's, no side's
    if any(_AGAINST_ALL.search(x) for x in near):
        return "against all"  # an election's "against all" line is no referendum's votes against
    sides = {side for x in near for side, words in _VOTE_SIDES if words.search(x)}
    return sides.pop() if len(sides) == 1 else True


def _candidate(sentence: str, s0: int, e0: int, cands: list[dict], rules: FigureRules) -> str:
    """The candidate a share of the votes at ``sentence[s0:e0]`` is of, so that one candidate's share is compared with
    that candidate's only: the gazetteer's person, else the surname named last before it since the share before
    ("Russian President Vladimir Putin secured 87.97%", "Public figure Karakat Abden won 2.61 percent of the vote,
    economist Meiram Kazhyken – 2.43 percent", "за Касым-Жомарта Токаева – 6 млн 456 тысяч 392 человека или 81,31%"),
    else right after it ("2.12 percent for the human rights activist Saltanat Tursynbekova"); "" when none is named.
    A Russian surname is read without its case ending ("Токаева", "Турсынбековой": Токаев, Турсынбеков), in Latin letters
    (:func:`_latin_name`: Tursynbekov)."""
    lo = max([0, *(g["end"] for g in cands if g["kind"] == "percent" and g["end"] <= s0
                   and not _counted_share(sentence, g["start"], g["end"]))])
    if party := _party_after(sentence, e0, rules) or _party_before(sentence, lo, s0, rules):
        return party  # "the winners are United Russia (49.82%), the Communist Party (18.93%)"; "8.59 percent went to the
        # newly registered Respublika Party"
    people = [m for m in _gazetteer_people(sentence, rules) if lo <= m.pos and m.end <= s0
              and not _rival_of(sentence, m.pos, m.end)]
    if people:
        return people[-1].short
    names = [m for m in _SURNAME.finditer(sentence, lo, s0) if _candidate_name(sentence, m, rules)
             and not _rival_of(sentence, m.start(), m.end())]
    if not names and (m := _FOR_NAME.match(sentence, e0)):
        if after := _gazetteer_people(sentence[m.start("name"):m.end("name")], rules):
            return after[0].short
        names = [n for n in _SURNAME.finditer(sentence, m.start("name"), m.end("name")) if _candidate_name(sentence, n,
                                                                                                            rules)]
    if not names:
        return ""
    name = names[-1].group()
    # (a woman's surname in Latin letters as the Russian one is read: "Tursynbekova" as "Турсынбековой", Tursynbekov)
    return _latin_name(_RU_SURNAME_END.sub("", name)) if _CYRILLIC.match(name) else _LATIN_SURNAME_END.sub("", name)


#: "He" or "she" as what won a share of the votes ("... выиграл действующий президент Шавкат Мирзиеев. Он набрал 87,5%
#: голосов"): the candidate the sentence before named last.
_HE_BEFORE = re.compile(r"\b(?:he|she)\b|(?<![^\W\d_])(?:он|она)(?![^\W\d_])", re.I)
#: The ending of a woman's surname of the Russian kind in Latin letters ("Tursynbekova", "Makhmudova", "Mukhina").
_LATIN_SURNAME_END = re.compile(r"(?<=[oe]v|in)a$")


def _latin_name(name: str) -> str:
    """A Russian surname in Latin letters as English-language news writes it (iuliia's Wikipedia scheme: "Иноятов" ->
    "Inoyatov", "Слуцкий" -> "Slutsky", "Даванков" -> "Davankov"), so that a candidate named in either language is one
    candidate (the actor gazetteer's people are named by the gazetteer first: "Мирзиёев" -> "Mirziyoyev")."""
    import iuliia  # (loaded the first time a vote names a candidate the gazetteer does not know)

    return iuliia.WIKIPEDIA.translate(name)


#: Right before a name: the rivals it is named by ("соперников Мирзиёева", "rivals of Tokayev", "Tokayev's opponents"
#: after it, :data:`_RIVALS_AFTER`): the share is theirs, not the named candidate's.
_RIVALS_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?:соперник|конкурент|оппонент|противник)\w*"
                            r"|\b(?:rivals?|opponents?|challengers?|competitors?)\s+(?:of|to)(?:\s+the)?)\s+"
                            r"(?:[A-ZА-ЯЁ][\w'’-]*\s+){0,2}$")
_RIVALS_AFTER = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:rivals?|opponents?|challengers?|competitors?)\b", re.I)


def _rival_of(sentence: str, a: int, b: int) -> bool:
    """Whether the name at ``sentence[a:b]`` is named as the one others run against ("Три малоизвестных соперника
    Мирзиёева все вместе получили порядка 12%", "Mirziyoyev's three rivals won 12% between them")."""
    return bool(_RIVALS_BEFORE.search(sentence, max(0, a - 60), a) or _RIVALS_AFTER.match(sentence, b))


def _candidate_name(sentence: str, m: re.Match, rules: FigureRules) -> bool:
    """Whether a capitalised word may be a candidate's name: not a sentence's first word, an acronym, a month, a
    place or a word of a title (:data:`_NOT_NAMES`)."""
    w = m.group()
    return (m.start() > 0 and not w.isupper() and w.lower() not in MONTHS and w.lower() not in _NOT_NAMES
            and not _places_in(w, rules)[0] and not _SENTENCE_START.search(sentence, 0, m.start())
            and not _PARTY_NOUN_AFTER.match(sentence, m.end()) and not (_CYRILLIC.match(w) and _no_person(w)))


def _no_person(word: str) -> bool:
    """Whether a Russian word is one pymorphy3's dictionary knows and never as a being: a thing a vote is on
    ("за внесение поправок в Конституцию отдали свои голоса 77,18%"), not a name (Хамзаев, Путина; a word it only
    guesses, Иноятов, may be one)."""
    from .terms import _morph

    low = word.lower()
    return _ru_known(low) and not any(p.tag.animacy == "anim" for p in _morph().parse(low))


#: A party's noun right after a capitalised word, or after more capitalised words: the word is of the party's name
#: ("Социал-демократической партией", "the Social Democratic Party"), not a candidate's.
_PARTY_NOUN_AFTER = re.compile(r"(?:\s+[A-ZА-ЯЁ][\w'’-]*)*\s+(?i:парти[а-яё]*|party)(?![^\W\d_])")


#: A capitalised word (a name's part), Latin or Cyrillic.
_SURNAME = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?(?![\w-])")
#: Right after a share of votes: "for" and the candidate ("2.12 percent for the human rights activist Saltanat
#: Tursynbekova", "81% за Токаева").
_FOR_NAME = re.compile(r"\s+(?:(?:of\s+(?:the\s+)?votes?|голосов)\s+)?(?:for|за)\s+(?P<name>(?:[\w'’-]+\s+){0,5}?"
                       r"[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+)?)", re.I)
#: The case endings of a Russian surname in -ов/-ев/-ин (genitive, dative, instrumental; a woman's -ова/-овой).
_RU_SURNAME_END = re.compile(r"(?<=[оеиы][вн])(?:ой|ому|ого|ым|ом|ою|ую|а|у|е)$")
#: Right before a word: the start of a sentence (or of a quotation, a clause after a colon).
_SENTENCE_START = re.compile(r"(?:^|[.!?:«\"“]\s*)$")
#: Capitalised words that name no candidate: titles, bodies and the words that open a clause.
_NOT_NAMES = frozenset({"president", "candidate", "according", "the", "incumbent", "cec", "центризбирком", "президент",
                        "кандидат", "по", "согласно", "central", "election", "commission", "exit", "russian", "kazakh",
                        "госдума", "госдумы", "госдуму", "госдуме", "duma", "мажилис", "мажилиса", "parliament",
                        "партия", "партии", "party", "institute", "research", "институт", "института"})


#: "За кандидата" / "for the candidate": the votes for a candidate, named before or after.
_FOR_THE_CANDIDATE = re.compile(r"(?<![^\W\d_])(?i:за|for)\s+(?:the\s+)?(?i:кандидат|candidate)", re.I)
#: "For" and a capitalised name: the votes for a candidate ("за Касым-Жомарта Токаева", "for Saltanat Tursynbekova"); or
#: for a person said by a pronoun or by a post ("за нее проголосовали", "voted for the head of the association of farmers
#: ..., Zhiguli Dairabaev"), not for a side.
_FOR_CANDIDATE = re.compile(r"(?<![^\W\d_])(?i:за|for)\s+(?:the\s+)?(?:[A-ZА-ЯЁ][a-zа-яё]|(?i:не[её]|него|них|him|her)"
                            r"(?![^\W\d_])|(?i:representative|head|leader|chair(?:man|woman)?|nominee|incumbent"
                            r"|представител|лидер|председател|глав[уы]\s)|(?i:опп?озицион|oppos))")
#: The votes "against all" candidates of an election ("против всех"): a side of their own, not a referendum's "against".
_AGAINST_ALL = re.compile(r"\bagainst\s+all\b|(?<![^\W\d_])против\s+всех(?![^\W\d_])", re.I)
#: The side a share of votes is of: "against" ("против", "no"), "for" ("за", "in favour", "supported", "yes").
_VOTE_SIDES = (("against", re.compile(r"\bagainst\b|\bno\b|(?<![^\W\d_])(?:против|нет)(?![^\W\d_])", re.I)),
               ("for", re.compile(r"\bfor\b|\bin\s+favou?r\b|\bsupported\b|\bbacked\b|\byes\b"
                                  r"|(?<![^\W\d_])(?:за|да|поддержал\w*)(?![^\W\d_])", re.I)))


def _turnout_said(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> bool:
    """Whether a percentage is a turnout said without the word: a share of the voters that took part
    ("участие в нем приняло более 63,8% избирателей"), or the share a count of those who voted makes
    ("на референдуме проголосовали 7 820 204 человека, или 63,66%"); not a share of the votes for or
    against something ("«За» проголосовали 71,12%")."""
    if not _VOTED.search(sentence, clause[0], clause[1]) or _VOTE_SHARE.search(sentence, clause[0], clause[1]):
        return False
    return bool(_OF_VOTERS.match(sentence, e0) or _COUNT_THEN_SHARE.search(sentence, max(0, s0 - 60), s0)
                or _SHARE_THEN_COUNT.match(sentence, e0))


def _voted_count(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> bool:
    """Whether a count is of those who voted: a word of voting in its clause ("проголосовали 7 820 204 человека",
    "7,820,204 people took part" in a sentence on a referendum), not of votes for or against something, nor of those
    who took part in something that is no vote ("5,000 people participated in the forum")."""
    m = _VOTED.search(sentence, *clause)
    if m is None or _VOTE_SHARE.search(sentence, *clause) or _eligible(sentence, clause, s0, e0):
        return False
    return bool(_VOTE_VERB.match(m.group(0)) or _VOTE_WORD.search(sentence))


def _eligible(sentence: str, clause: tuple[int, int], s0: int, e0: int) -> bool:
    """Whether a count is of those who may vote (the electorate): a word of it next to the count, no other number
    between ("7.8 million of 12.2 million eligible voters": 12.2 million; "Имели право голосовать 12 284 487 граждан",
    "19.4 million citizens of Uzbekistan on the voter list"). A word of it before the count that follows another count
    is that count's ("Из 12,3 млн казахстанцев, которые имели право голосовать, свою волю изъявили более 7 млн": the
    7 million voted)."""
    after = _ELIGIBLE.search(sentence, e0, min(clause[1], e0 + 50))
    before = list(_ELIGIBLE.finditer(sentence, max(clause[0], s0 - 80), s0))
    if after and (_OUT_OF.search(sentence, e0, after.start()) or _VOTED_RIGHT_BEFORE.search(sentence, max(0, s0 - 40), s0)):
        # "Более 15,6 миллионов граждан из включенных в списки избирателей", "уже проголосовал более 13,4 миллиона
        # человек, включенных в списки": those who voted, of the electorate
        after = None
    return bool((after and not _DIGIT_RUN.search(sentence, e0, after.start()))
                or (before and not _DIGIT_RUN.search(sentence, before[-1].end(), s0)
                    and not _BIG_COUNT.search(sentence, max(0, before[-1].start() - 60), before[-1].start())))


#: A count (not a year) written with a scale word or grouped thousands: "12,3 млн", "12 284 487", "12.2 million".
_BIG_COUNT = re.compile(r"\d(?:[\d\u00a0\u202f ,.]*\d)?\s*(?:млн|млрд|тыс|million|billion|thousand)"
                        r"|\d{1,3}(?:[\u00a0\u202f ,]\d{3})+(?!\d)", re.I)


#: Between a count and the words of the electorate after it: "of", "out of", "из" (the count is a part of them).
_OUT_OF = re.compile(r"\bout\s+of\b|\bof\s+(?:the|those|all)\b|(?<![^\W\d_])из(?![^\W\d_])", re.I)
#: Right before a count: a verb of voting and at most a hedge ("уже проголосовал более 13,4 миллиона").
_VOTED_RIGHT_BEFORE = re.compile(r"(?:\bvoted|(?<![^\W\d_])проголосова\w*)\s+" + _HEDGED_BEFORE + "$", re.I)
#: Those who may vote: "eligible voters", "registered voters", "имеющих право голоса", "включенных в списки".
_ELIGIBLE = re.compile(r"\b(?:eligible|entitled|registered)\b|\b(?:voter|voting|electoral)\s+(?:lists?|rolls?|registers?)\b"
                       r"|(?<![^\W\d_])(?:имеющ\w*\s+право|имели\s+право|с\s+правом\s+голос\w*|обладающ\w*\s+правом"
                       r"|списк\w*\s+(?:избирател\w*|для\s+голосования)|избирател\w*\s+в\s+списк\w*"
                       r"|право\s+(?:голос|участв)\w*|могли\s+(?:голосовать|участвовать)"
                       r"|включенн\w*\s+в\s+списк\w*|зарегистрированн\w*)", re.I)


#: Words of voting that say it themselves ("voted", "cast ballots", "проголосовали", "получили бюллетени").
_VOTE_VERB = re.compile(r"voted|cast|(?-i:[Пп])роголосова|получил|бюллетен", re.I)


#: Voters abroad: "at polling stations abroad", "зарубежных избирателей", "за рубежом".
_ABROAD = _led(re.compile(r"\b(?:abroad|overseas|foreign\s+missions?|in\s+\d+\s+countries)\b|(?<![^\W\d_])(?:зарубежн\w*"
                          r"|за\s+рубежом|за\s+границ\w*|за\s+пределами\s+(?:страны|республики)|в\s+\d+\s+странах)", re.I))
#: Voters at home and abroad together ("participated in the vote, both domestically and abroad", "в стране и за
#: рубежом"): the whole vote's, not a part abroad.
_HOME_AND_ABROAD = re.compile(r"\b(?:domestically|at\s+home|in\s+the\s+country|inside\s+the\s+country)\s+and\s+abroad\b"
                              r"|(?<![^\W\d_])(?:в\s+стране|внутри\s+страны|в\s+Казахстане|в\s+России)\s+и\s+за\s+"
                              r"(?:рубежом|границей)", re.I)
#: A time of day as news write it: hours and minutes ("20:00", "20.00", "10:30 a.m."), or an hour and a.m. / p.m.
#: ("8 p.m.", "8pm"); ``_CLOCK_TEXT`` is either, and what the turnout's time (:data:`_CLOCK`) and the hours of a
#: vote (:data:`_POLLS_HOURS`) are read with.
_HOUR_MINUTE = r"(?:[01]?\d|2[0-4])[:.][0-5]\d"
_AM_PM = r"[ap]\.?m\b\.?"
_CLOCK_TEXT = rf"(?:{_HOUR_MINUTE}(?:\s*{_AM_PM})?|[01]?\d\s*{_AM_PM})"
#: A time of day a figure is given at: "на 12:00", "к 20:00", "as of 10 a.m.", "by 14.00" (hours and minutes that
#: are no amount: not "at 12.50 per cent", "на 1.20 млрд").
_CLOCK = _led(re.compile(r"(?:\b(?:as\s+of|by|at)|(?<![^\W\d_])(?:к|на|по\s+состоянию\s+на))\s+"
                         rf"({_HOUR_MINUTE}(?!\d|[.,]\d)(?!\s*(?:%|per\s*cent|percent|процент|[mb]illion|bn|mln|млн|млрд|тыс))"
                         rf"(?:\s*{_AM_PM})?|[01]?\d\s*{_AM_PM}|(?:[01]?\d|2[0-4])\s+час(?:а|ов|ам)?(?![^\W\d_])"
                         r"|(?:[01]?\d)\s+(?:утра|дня|вечера)(?![^\W\d_]))", re.I))


def _clock_time(sentence: str) -> str:
    """The time of day a sentence gives a figure at ("по состоянию на 12:00" -> "12:00", "к 20.00" -> "20:00"), or ""."""
    m = _CLOCK.search(sentence)
    if m is None:
        return ""
    if "час" in m.group(1):  # "к 14 часам": 14:00
        return f"{int(m.group(1).split()[0]):02d}:00"
    if (part := m.group(1).split()[-1].lower()) in ("утра", "дня", "вечера"):  # "к 11 утра": 11:00; "к 3 часам дня"
        hour = int(m.group(1).split()[0])
        return f"{hour + 12 if part != 'утра' and hour < 12 else hour:02d}:00"
    time = m.group(1).replace(".", ":", 1) if re.match(r"\d{1,2}\.\d{2}", m.group(1)) else m.group(1)
    return re.sub(r"\s+", " ", time)


#: The hours of a vote an article states, and so when its polls close: "с 7:00 до 20:00", "from 7 a.m. to 8
#: p.m." (in a sentence about voting), "polls closed at 20:00", "участки закрылись в 20:00".
_POLLS_HOURS = re.compile(
    rf"(?:\bfrom|(?<![^\W\d_])с)\s+{_CLOCK_TEXT}\s*(?:(?:to|until|till)\b|(?<![^\W\d_])до\b|[-–—])\s*"
    rf"(?P<range>{_CLOCK_TEXT})"
    rf"|\b(?:polls|polling\s+stations?)\s+(?:were\s+|will\s+be\s+)?(?:closed|close[sd]?)\s+at\s+(?P<closed>{_CLOCK_TEXT})"
    rf"|(?<![^\W\d_])(?:участк\w*|голосовани\w*)\s+(?:закры\w*|заверш\w*)\s+в\s+(?P<closed_ru>{_CLOCK_TEXT})", re.I)
#: A word of voting, for hours "from ... to ..." to be a vote's.
_VOTING = re.compile(r"\b(?:vot\w*|polls?|polling|ballots?)\b|(?<![^\W\d_])(?:голосова\w*|проголосова\w*|избирательн\w*"
                     r"|участк\w*)", re.I)


#: The time of day from which a turnout given "by" it is the voting day's last reading, when an article states no
#: hours of its vote: polls close at 20:00 in Kazakhstan, Russia and most of Central Asia and Europe, and the readings
#: through the day come at 10:00, 12:00, 15:00 or 18:00.
_LAST_READING = "20:00"


def _hh_mm(time: str) -> str:
    """A time of day as ``HH:MM`` on the 24-hour clock ("8 p.m." -> "20:00", "20.00" -> "20:00"), or ""."""
    m = re.match(r"\s*(\d{1,2})(?:[:.](\d\d))?\s*(?:([ap])\.?m\b)?", time, re.I)
    if not m:
        return ""
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour <= 24 and (m.group(2) or half) else ""


def _polls_close(doc: str) -> str:
    """When the polls of the vote an article reports close, by the hours it states (:data:`_POLLS_HOURS`), as
    ``HH:MM``; "" if it states none (or several)."""
    found = set()
    for m in _POLLS_HOURS.finditer(doc):
        if m.group("range"):
            a = max(doc.rfind(".", 0, m.start()), doc.rfind("\n", 0, m.start())) + 1
            b = min(x for x in (doc.find(".", m.end()), doc.find("\n", m.end()), len(doc)) if x >= 0)
            if not _VOTING.search(doc, a, b):
                continue  # "open from 9:00 to 18:00" of an office
        found.add(_hh_mm(m.group("range") or m.group("closed") or m.group("closed_ru")))
    return found.pop() if len(found) == 1 else ""


#: An exit poll: the turnout it gives is a pollster's estimate, not the count of the vote.
_EXIT_POLL = re.compile(r"\bexit[\s-]?polls?\b|(?<![^\W\d_])экзит[\s-]?пол\w*", re.I)
#: A survey's words: a share of the votes or a turnout it gives is its estimate ("Опрос Института ... показал, что
#: новую Конституцию поддержали 87,4% голосовавших").
_SURVEY = re.compile(r"\b(?:surveys?|pollsters?|opinion\s+polls?)\b|(?<![^\W\d_])(?:опрос\w*|социологическ\w*)", re.I)
#: The body that counts a vote: its figures are the count, whatever poll a paragraph before gave.
_COUNTING_BODY = re.compile(r"\b(?:commission|CEC)\b|(?<![^\W\d_])(?:ЦИК|ЦКР|избирком\w*|Центризбирком\w*|комисси\w*)",
                            re.I)


def _poll_suffix(sents: list, k: int, text: str, same_line: list[str]) -> str:
    """The suffix of a vote's figure in sentence ``k`` (its words up to the figure: ``text``) that is a poll's estimate:
    an exit poll or a survey named in it, or an exit poll in the two sentences of its paragraph before it, or in the
    two lines before its own when it names no counting body ("Результаты экзит-полла Института ...: / За: 86,7% / Явка
    составила 75,3%"; not "... экзитполов. / По данным ЦИК, явка составила 73,24%"): " (exit poll: <the pollster>)"
    (:func:`_pollster`), so that two pollsters' estimates are two quantities, " (exit poll)" when it names none; ""
    when it is no poll's."""
    if _EXIT_POLL.search(text) or _SURVEY.search(text):
        said = [text]
    else:
        ln = sents[k][0]
        said = [x for x in same_line[-2:] if _EXIT_POLL.search(x)] or (
            [x[4] for x in sents[max(0, k - 4):k] if ln - 2 <= x[0] < ln and _EXIT_POLL.search(x[4])]
            if not _COUNTING_BODY.search(sents[k][4]) else [])
        if not said:
            return ""
    name = next((name for x in (sents[k][4], *reversed(said)) if (name := _pollster(x))), "")
    return f" (exit poll: {name})" if name else " (exit poll)"


#: A pollster: an institute, a centre or a foundation and the words of its name ("Института евразийской интеграции",
#: "the Eurasian Integration Institute", "Institute of Public Policy").
_POLLSTER = re.compile(r"(?<![^\W\d_])(?i:институт|центр|фонд)\w*"
                       r"(?P<ru>(?:\s+(?!(?:по|на|во?|и|для|от|об?|при|со?|к|у|за|из)(?![а-яё-]))[а-яё][а-яё-]*){1,3})"
                       r"|(?P<en>(?:(?!(?:The|A|An|By|Of|In|From)\s)[A-Z][\w-]+\s+){1,4})(?:Institute|Cent(?:er|re)|Foundation)\b"
                       r"|\b(?:Institute|Cent(?:er|re)|Foundation)\s+(?:of|for)\s+(?P<en2>(?:[A-Z][\w-]+\s*){1,4})")


def _pollster(text: str) -> str:
    """The name of the first pollster :data:`_POLLSTER` finds in ``text``, its Russian words in their dictionary form
    ("институт евразийский интеграция" of "Института евразийской интеграции"); "" when none."""
    m = _POLLSTER.search(text)
    if m is None:
        return ""
    if m.group("ru"):
        words = list(itertools.takewhile(lambda w: not _ru_verb(w), m.group("ru").split()))
        if not words:
            return ""  # "Институт объявил результаты экзитпола": no name
        return " ".join([_lemma(m.group(0).split()[0].lower()), *(_lemma(w) for w in words)])
    return " ".join((m.group("en") or m.group("en2")).lower().split())


def _ru_verb(word: str) -> bool:
    """Whether pymorphy3 reads a lower-case Cyrillic word first as a verb or its forms (a name's words are not)."""
    from .terms import _morph

    return _ru_known(word) and _morph().parse(word)[0].tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")


#: A word of a vote, for the day a sentence names to be the vote's (:func:`_vote_day`).
_VOTE_WORD = _led(re.compile(r"\b(?:referendum|referendums|elections?|votes?|voting|voters?|polls?|polling|ballots?)\b"
                             r"|(?<![^\W\d_])(?:референдум\w*|выбор\w*|голосова\w*|голос(?:а|ов)(?![^\W\d_])|избирател\w*"
                             r"|бюллетен\w*)", re.I))
_SOME_DAY = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")  # a day, its year known or not
#: The vote took place (:func:`_vote_day`): "прошел в воскресенье, 6 октября", "was held on October 6".
_HELD = re.compile(r"\b(?:held|took\s+place|taking\s+place|went\s+to\s+the\s+polls)\b|(?<![^\W\d_])(?:прош(?:ел|ёл|ла|ло|ли)"
                   r"|состоял(?:ся|ась|ось|ись)|проходил\w*|проведен\w*|провели)(?![^\W\d_])", re.I)


#: Right before a day: a clock time, of a page's time stamp ("... 90,2% избирателей "за" 20:17 02.05.2023"), not a vote's.
_STAMP_BEFORE = re.compile(r"(?<!\d)\d{1,2}:\d\d\s*,?\s*$|\(@\w+\)\s*$")  # (or a post's: "— RT (@RT_com) March 20, 2024")
#: Right before a day: a verb of publishing or signing, whose day it is, not a vote's ("Принимаете ли Вы новую
#: Конституцию, проект которой опубликован в средствах массовой информации 12 февраля 2026 года?").
_PUBLISHED_ON = re.compile(r"(?:\b(?:published|signed|issued)|(?<![^\W\d_])(?:опубликова\w*|подписа\w*|издан\w*))"
                           r"(?:\s+[\w«»\"-]+){0,5}\s+(?:on\s+|от\s+)?$", re.I)


def _published_day(surface: str, texts) -> bool:
    """Whether the date ``surface`` is, in one of ``texts``, the day something was published or signed
    (:data:`_PUBLISHED_ON`)."""
    return any((i := x.find(surface)) >= 0 and _PUBLISHED_ON.search(x, max(0, i - 60), i) for x in texts)


def _vote_day(sents: list, published: str | None, date_rules, cache: dict) -> tuple[str, str] | None:
    """The day of the vote an article reports, as (period, surface): the one day or span of days (not the
    publication's nor a dateline's, nor a time stamp's) that its sentences with a word of a vote name ("Референдум по строительству АЭС прошел в воскресенье,
    6 октября", "the referendum held on October 6"); of several, the one day a sentence says the vote was held on
    (not "Результаты референдума огласят в понедельник, 7 октября"); never the day its results are summed up or
    announced ("21 марта ЦИК подвела окончательные итоги выборов", :func:`_results_day`). A turnout with no period of its own is that
    vote's. None when they name no day or several held (a first and a second round)."""
    if "vote_day" not in cache:
        days: dict[str, str] = {}
        held: dict[str, str] = {}
        for row in sents:
            if _VOTE_WORD.search(row[4]) and _DIGIT_RUN.search(row[4]):
                for d in _date_rows(row[4], published, date_rules):
                    if d[3] not in ("publication", "dateline") and (_SOME_DAY.fullmatch(d[2]) or _DAY_SPAN.fullmatch(d[2])) \
                            and not _PUBLISHED_ON.search(row[4], max(0, d[0] - 60), d[0]) \
                            and not _results_day(row[4], d, _period_cues()) \
                            and not _STAMP_BEFORE.search(row[4], max(0, d[0] - 10), d[0]):
                        days.setdefault(d[2], d[4])
                        if _HELD.search(row[4]):
                            held.setdefault(d[2], d[4])
        one = days if len(days) == 1 else held
        cache["vote_day"] = next(iter(one.items())) if len(one) == 1 else None
    return cache["vote_day"]


def _share_of(sentence: str, end: int) -> str:
    """The whole a percentage is a share of ("40 % of Kazakhstan's total exports" -> "kazakhstan exports"),
    or "". Possessives, articles and words like "total" are dropped, so shares of the same whole meet."""
    m = _SHARE_OF.match(sentence, end)
    if m is None and (aside := _ASIDE_AFTER.match(sentence, end)):
        m = _SHARE_OF.match(sentence, aside.end())  # "14.7% ($499mn) of Armenia's exports"
    if m is None and _GDP_AFTER.match(sentence, end):
        return "gdp"  # "1,7% ВВП": the Russian genitive, no "of"
    return _whole_words(m.group("whole")) if m else ""


def _share_of_genitive(sentence: str, end: int) -> str:
    """The whole a percentage is a share of, said in the Russian genitive with no "от" ("импортирует около 70%
    лекарств", as "70% от всех лекарств" is read; "95% населения"), or "": not after a percentage said as an
    adjective ("25-процентного тарифа": a 25 % tariff), not a word of trade (the metrics table reads those: "40%
    импорта Казахстана" is ``trade_share (imports)``)."""
    if not _PERCENT_END.search(sentence, max(0, end - 12), end):
        return ""
    words, kind, at = [], "", end
    while len(words) < 3 and (g := _RU_WORD_AFTER.match(sentence, at)):  # up to two adjectives, then the noun
        words.append(g.group(1))
        kind, at = _ru_genitive(g.group(1).lower()), g.end()
        if kind != "ADJF":
            break
    if kind != "NOUN" or _RU_TRADE_STEM.match(words[-1]):
        return ""
    return _whole_words(" ".join(words))


#: Right after a percentage, trade in the Russian genitive: "46% торговли", "40% импорта", "55% внешнеторгового оборота".
_RU_TRADE_OF = re.compile(r"\s*(?:[а-яё]+(?:ого|его|ой|ей)\s+)?(?P<w>торговли|товарооборота|импорта|экспорта|оборота)(?![^\W\d_])",
                          re.I)
#: The growths of trade a percentage of trade in the genitive is read as a share of, not as.
_SHARE_OF_GROWTH = frozenset({"trade_growth", "export_growth", "import_growth"})
#: The end of a percentage as a noun ("70%", "70 процентов"), not as an adjective ("25-процентного").
_PERCENT_END = re.compile(r"(?:%|процент(?:а|ов)?)\s*$", re.I)


#: A word of trade: the share of it is read by the metrics table ("40% импорта Казахстана": ``trade_share (imports)``).
_RU_TRADE_STEM = re.compile(r"(?:импорт|экспорт|товарооборот|торгов|внешнеторгов|оборот)", re.I)
#: The Russian word right after a percentage, or after the word before ("70% лекарств", "80% казахстанской нефти").
_RU_WORD_AFTER = re.compile(r"\s*([а-яё]{3,})(?![^\W\d_])", re.I)


def _ru_genitive(word: str) -> str:
    """"NOUN" or "ADJF" when pymorphy3 reads a known Russian word first as a noun or an adjective in the genitive
    ("лекарств", "населения"; "казахстанской"): the whole a percentage before them is a share of; "" otherwise
    ("товарооборот", "больше", "годовых" is an adjective with no noun after it)."""
    from .terms import _morph

    if not _ru_known(word):
        return ""
    tag = _morph().parse(word)[0].tag
    return tag.POS if tag.POS in ("NOUN", "ADJF") and tag.case == "gent" else ""


#: Right after a percentage, the GDP in the genitive ("1,7% ВВП", "6,3% валового внутреннего продукта"), or a ratio to it
#: ("23,6% к ВВП").
_GDP_AFTER = re.compile(r"\s*(?:к\s+)?(?:ВВП|валового\s+внутреннего\s+продукта)(?![^\W\d_])")


#: A bracketed aside right after a figure ("14.7% ($499mn) of ...").
_ASIDE_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
#: The bracket that closes right after an amount ("($499mn)").
_SHUT = re.compile(r"\s*\)")
#: Right after a percentage: it names how a quantity is counted ("on a 100% basis"), not a figure of it.
_BASIS_AFTER = re.compile(r"\s+(?:and\s+[a-z-]+\s+)?basis\b", re.I)
#: Between an amount and another currency's amount in brackets right after it: the second is the first converted.
_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:about|around|approx\.?|approximately|roughly|some|nearly|almost|over|~|≈"
                              r"|около|примерно|почти|более|свыше|или)?\s*", re.I)
#: Kinds whose figure in brackets after one of another unit is not that figure converted (money is, at some rate:
#: :data:`_CONVERTED`; a count or a share is another figure).
_NOT_CONVERTED = frozenset({"money", "subunit", "percent", "count", "multiple", "fraction", ""})
#: The metric suffix of an amount that is another amount converted ("... (converted)"): shown, but no claim.
_CONVERTED = " (converted)"
#: A percentage and an opening bracket right before an amount ("14.7% ($499mn)", "12% (1,2 млрд долларов)").
_PERCENT_OPEN = re.compile(r"(?:%|\bper\s*cent|\bpercent|процент\w*)\s*\(\s*$", re.I)


#: Between an amount and a percentage that gives it as a share ("5.6 trillion roubles or 2.6% of GDP", "(1,7% ВВП)").
_OR_AFTER_AMOUNT = re.compile(r"\s*,?\s*(?:or|или|\()\s*", re.I)
_GDP_WORDS = re.compile(r"\bgross\s+domestic\s+product\b|(?<![^\W\d_])валов\w*\s+внутренн\w*\s+продукт", re.I)


def _whole_words(whole: str) -> str:
    """A share's whole as shares of the same whole meet: lower case, no possessives, articles or "total"."""
    words = [re.sub(r"['’]s?$", "", w) for w in whole.lower().split()]
    words = [w for w in words if w and w not in _SHARE_SKIP][:4]
    # a country's GDP is the GDP its parties name ("1.7% of Russia's GDP", "6% of national GDP": "gdp"; "в валовом
    # внутреннем продукте")
    joined = " ".join(words)
    return "gdp" if words[-1:] in (["gdp"], ["ввп"]) or _GDP_WORDS.search(joined) else joined


def _base(value: float, unit: str, rules: FigureRules) -> dict:
    """``base_value``, ``base_unit``: a measure in SI base units (pint), a subunit in its currency."""
    head, sep, per = unit.partition(" per ")
    if sep and unit not in rules.base and head in rules.base:  # a price: "USD per barrel", "cent per share"
        factor, base_head = rules.base[head]
        return {"base_value": value * factor, "base_unit": f"{base_head} per {per}"}
    factor, base_unit = rules.base.get(unit, None) or rules.base.get(unit.removesuffix(" of age"), (1.0, unit))
    return {"base_value": value * factor, "base_unit": base_unit}


#: Candidates and date rows of the sentences seen last, by (sentence, publication date), for the
#: rules they were found with (bounded; a lead repeated in its article, or a wire copy, is read once).
_SENTENCE_CACHE: dict = {"rules": None, "dates": None, "map": {}}


def _sentence_candidates(sentence: str, published: str | None, rules: FigureRules, find_dates) -> tuple[list, list]:
    """(candidate figures, date rows) of one sentence: the numbers that are not dates. Both lists
    are shared by the repeats of the sentence (callers do not change them)."""
    cache = _SENTENCE_CACHE
    date_rules = find_dates[1] if find_dates is not None else None
    if cache["rules"] is not rules or cache["dates"] is not date_rules:
        cache["rules"], cache["dates"], cache["map"] = rules, date_rules, {}
    hit = cache["map"].get((sentence, published))
    if hit is not None:
        return hit
    cands, date_rows = [], []
    toks = _sentence_tokens(sentence, rules)
    if toks:
        # its dates first (a number inside a date is no figure), then its candidates, once
        if date_rules is not None:
            date_rows = _date_rows(sentence, published, date_rules)
        cands = _figures_in_sentence(sentence, rules, [(s, e) for s, e, *_ in date_rows], toks)
    if len(cache["map"]) >= _TOKEN_CACHE_SIZE:
        cache["map"].clear()
    cache["map"][(sentence, published)] = hit = (cands, date_rows)
    return hit


#: A part of a year-less month in Russian ("в начале марта", "в конце января"): when something happened or was said
#: ("сообщило в конце января"), not the period a statistic is for (whole months, quarters, years).
_MONTH_PART_RU = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted({w.split()[-1] for w in RU_MONTH_PARTS})) + r")\s", re.I)


def _date_rows(text: str, published: str | None, date_rules) -> list[tuple]:
    """Date expressions of ``text`` as (start, end, value, role, surface) tuples (:func:`kzru_lib.dates.find_dates`),
    months listed back from a month of a named year of that year (:func:`_listed_back`); no part of a year-less month
    (:data:`_MONTH_PART_RU`)."""
    from .dates import find_date_records

    rows = find_date_records(text, published=published, rules=date_rules, unknown=True, tense=False)
    if any(r["kind"] == "month" for r in rows):
        rows = [r for r in rows if r["kind"] != "month" or not _MONTH_PART_RU.search(r["surface"])]
    values = _listed_back(rows) if len(rows) > 2 else [r["value"] for r in rows]
    # (the day of a statement is when a figure was said: "in the Feb. 1 statement said ...")
    return [(r["start"], r["end"], v,
             "publication" if r["precision"] == "day" and _dates_a_statement(text, r) else r["role"], r["surface"])
            for r, v in zip(rows, values, strict=True)]


def _dates_a_statement(text: str, row: dict) -> bool:
    """Whether a day dates a statement ("in the Feb. 1 statement said", "в заявлении от 1 февраля"): when a figure
    was said, as "said on Monday" is (role ``publication`` for the figures), not the period it is of."""
    return bool(_STATEMENT_AFTER.match(text, row["end"]) or _STATEMENT_BEFORE.search(text, 0, row["start"]))


#: Right after a day, or right before it: a statement it dates ("the Feb. 1 statement", "its March 5 report", "в
#: заявлении от 1 февраля", "a statement dated 5 March").
_STATEMENT_NOUNS = (r"(?:statement|report|press\s+release|release|announcement|interview|briefing|filing|letter|update"
                    r"|communiqu[eé])s?")
_STATEMENT_AFTER = re.compile(rf"\s*{_STATEMENT_NOUNS}\b", re.I)
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT_NOUNS}\s+(?:dated|of)\s+$|(?<![^\W\d_])(?:заявлени|сообщени|пресс-релиз|отчет"
                               r"|отчёт|письм|интервью|брифинг)\w*\s+(?:от\s+)?$", re.I)


_MONTH_SPAN = re.compile(r"(\d{4})-(\d{2})(?:/(\d{4})-(\d{2}))?")


def _listed_back(rows: list[dict]) -> list[str]:
    """The values of a sentence's dates, with the months it lists back in time from a month of a named year read in
    that year: "В декабре 2023 года безработица составила 3%, в октябре-ноябре - 2,9%, ..., в феврале - 3,5%, в
    январе - 3,6%" (published in March 2024) is of January 2023, not 2024. Only a list of at least two months with
    no year, each before the one before it; one month after a dated one ("в декабре 2023 года ..., в январе") may be
    the next year's, and is left as read."""
    values = [r["value"] for r in rows]
    year, last, run = None, 0, []
    for i, r in enumerate(rows):
        m = _MONTH_SPAN.fullmatch(r["value"])
        if m is None or r["precision"] != "month":
            year, run = None, []
            continue
        first, end = int(m.group(2)), int(m.group(4) or m.group(2))
        if not r["anchored"]:
            year, last, run = m.group(3) or m.group(1), first, []
        elif year is not None and end < last and (m.group(3) is None or m.group(1) == m.group(3)):
            run.append((i, m))
            last = first
            if len(run) >= 2:
                for j, mj in run:
                    values[j] = f"{year}-{mj.group(2)}" + (f"/{year}-{mj.group(4)}" if mj.group(4) else "")
        else:
            year, run = None, []
    return values


def _typed(rows: list[dict]) -> pd.DataFrame:
    """The figure rows as a table in row order, numeric columns typed."""
    # from columns: faster than from row dicts (no rows: the same untyped empty table as before)
    table = pd.DataFrame({c: [r[c] for r in rows] for c in FIGURE_COLUMNS} if rows else rows, columns=FIGURE_COLUMNS)
    return table.astype({"line_no": "int64", "sent_no": "int64", "start": "int64", "end": "int64",
                         "value": "float64", "low": "float64", "high": "float64"})


def _frame(rows: list[dict] | list[pd.DataFrame]) -> pd.DataFrame:
    """The figures table, sorted, from rows or from the tables of consecutive shares (:func:`_typed`)."""
    parts = [p for p in rows if isinstance(p, pd.DataFrame) and len(p)]
    if rows and isinstance(rows[0], pd.DataFrame):  # empty shares left out: they would make the columns untyped
        table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0] if parts else _typed([])
    else:
        table = _typed(rows)
    return table.sort_values(["doc_id", "line_no", "start", "end"], kind="stable").reset_index(drop=True)


def _date_finder(use_dates: bool):
    """(find_dates, its compiled rules), or None."""
    if not use_dates:
        return None
    from .dates import find_dates, load_date_rules

    return find_dates, load_date_rules()


def _split(text: str) -> list[tuple[int, int]]:
    try:
        from .segment import split_sentences
    except ImportError:  # pragma: no cover - segment is part of the package
        split_sentences = None
    if split_sentences is not None:
        return list(split_sentences(text))
    return [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text)]


def find_figures(
    text: str,
    *,
    published: str | None = None,
    doc_id: str = "text",
    rules: FigureRules | None = None,
    link_dates: bool = True,
    url: str | None = None,
) -> pd.DataFrame:
    """Find the figures in one text (a sentence, a line, or a whole article).

    Args:
        text: the text; lines are split on ``\\n`` and numbered from 1, as in a raw file.
        published: its publication date (``YYYY[-MM[-DD]]``), used to anchor year-less periods
            ("From January to August of the current year" -> ``2023-01/2023-08``).
        doc_id: the value of the ``doc_id`` column.
        rules: compiled tables from :func:`figure_rules`; ``None`` uses the bundled ones.
        link_dates: link figures to date expressions (:func:`kzru_lib.dates.find_dates`).
        url: the article's URL: its country-code domain names the outlet's country
            (:func:`outlet_country`), the party a figure is about when its sentence says only
            "the country" and its parties name no country.

    Returns:
        A DataFrame, one row per figure, sorted by (``doc_id``, ``line_no``, ``start``), columns:
        ``doc_id``; ``line_no`` (1-based line); ``sent_no``; ``start``, ``end`` (offsets in the
        line: ``line[start:end] == surface``); ``surface`` (the figure with its hedge: "nearly $30
        billion"); ``value`` (base units: 28200000000.0 for "$28.2 billion", 10.2 for "10.2%";
        a range's lower bound; a measure stays in its stated unit: 3.0 for "3 miles"); ``unit``
        (an ISO 4217 code such as ``USD``, ``RUB``, ``KZT``, ``CNY`` for money; ``cent``,
        ``penny``, ``kopeck``, ``tiyn`` for subunits; ``percent``, ``percentage_point``,
        ``times`` (also "twice", "fivefold", "doubled"), ``fraction`` ("a third of"), ``count``; a measure's name from ``measures.csv``: ``kilometre``, ``metric
        ton``, ``barrel per day``, ``billion cubic metre``, ``gigawatt``, ``year`` (a duration),
        ``year of age``, ``celsius``...); ``kind`` (``money``, ``subunit``, ``percent``,
        ``multiple``, ``count``, or a measure's kind: ``length``, ``mass``, ``volume``, ``flow``,
        ``power``, ``energy``, ``speed``, ``area``, ``temperature``, ``duration``, ``age``,
        ``rate``...); ``qualifier (``none``, ``approx``, ``nearly``, ``more_than``,
        ``less_than``, ``up_to``, ``target``, ``range``); ``low``, ``high`` (the interval the
        hedge implies, ``inf`` when open; widths in ``hedges.csv``); ``metric`` (from
        ``metrics.csv``; for a count whose noun is in no row, the noun itself; empty when
        unknown; in brackets after it what narrows it: the goods, crop or direction
        (``production (gold)``, ``grain_volume (wheat)``, ``oil_volume (exports)``, ``people
        (in)``), who exports or imports between two places (``imports (by Uzbekistan)``),
        ``(change)`` for a change of it, ``(part)`` for a part of another figure, not
        compared); ``noun`` (a count's noun); ``period`` (ISO value of the linked date
        expression, empty if none); ``period_surface``; ``speaker`` (short name - the surname
        for a person - of who states it, empty for plain reporting); ``speaker_basis``
        (``according_to``, ``quote``, ``speech_verb``, ``interview`` or empty); ``sentence``;
        ``base_value``, ``base_unit`` (a measure in SI base units by pint: 16093.44 ``m`` for
        "10 miles"; a subunit in its currency: 0.5 ``USD`` for "50 cents"; else ``value`` and
        ``unit``); ``parties`` (who with whom: "China–Kazakhstan" (two places, in name order),
        "China–world" (one place and a world cue), "Central Asia–China" (a region is a party of
        its own), "Kazakhstan+Kyrgyzstan+Uzbekistan–Russia" (a list of places as one side), a lone
        place, or empty; from ``places.csv``) and ``parties_basis``
        (``sentence``, ``sentence+article``, ``previous_sentence``, ``article`` or empty: see
        :func:`_parties_at`; ``list_item`` for an item of a list, ``respectively`` for "A and B
        ... 200 and 170 tonnes, respectively"; ``each`` for one figure of each place, "Russia and Australia, each
        producing 310 tons": "Australia+Russia", compared as each place's; ``+outlet`` or ``outlet`` when the outlet's
        country was added: :func:`_home_parties`).

    Note:
        Not figures: years, parts of dates, ordinals ("80th"), codes glued to letters
        ("COVID-19", "Su-35"), numbers inside names (after a capitalised word: "iPhone 11",
        "S&P 500", "Boeing 737"), bare numbers and bare fractions with no unit and no counted
        noun (widget values, phone numbers, "24/7"), and numbers in words after a determiner
        ("the two countries"). Russian decimal commas are read ("27,8 млрд" is 27.8 billion);
        a scaled amount with no unit in a sentence about money takes that money's currency.
        The speaker is, in order: "according to X" in the sentence; the speaker of a quotation
        the figure is in; a speech verb next to a person ("said Tokayev", "Putin noted"); the
        interviewee when the article is an interview or comments piece; else empty. Pronouns
        and "the Kazakh president" resolve to the most recent named person (of that country).

    Example:
        >>> find_figures('"So far, 93 projects worth $18.3 billion," said Tokayev.')[
        ...     ["surface", "value", "unit", "metric", "speaker"]]
                 surface         value   unit                metric  speaker
        0             93  9.300000e+01  count  joint_projects_count  Tokayev
        1  $18.3 billion  1.830000e+10    USD  joint_projects_value  Tokayev
    """
    rules = rules or figure_rules()
    sents = []
    sno = 0
    for ln, line in enumerate(text.split("\n"), start=1):
        for a, b in _split(line):
            sno += 1
            sents.append((ln, sno, a, b, line[a:b]))
    return _frame(_doc_figures(doc_id, sents, published, rules, _date_finder(link_dates), outlet_country(url, rules)))


def extract_figures(
    corpus: pd.DataFrame,
    *,
    rules: FigureRules | None = None,
    sentences: pd.DataFrame | None = None,
    lines: pd.DataFrame | None = None,
    link_dates: bool = True,
    workers: int | None = None,
) -> pd.DataFrame:
    """Find the figures of every article of a corpus, in its kept sentences.

    Args:
        corpus: the corpus table from :func:`kzru_lib.loading.load_corpus`.
        rules: compiled tables from :func:`figure_rules`; ``None`` uses the bundled ones.
        sentences: the table from :func:`kzru_lib.segment.sentences` if already computed.
        lines: else the lines audit, if already computed (the sentences are then split in the
            workers, as :func:`kzru_lib.segment.sentences` splits them); else the corpus is cleaned again.
        link_dates: link figures to date expressions (periods).
        workers: processes that find figures in parallel (forked, each on a share of the
            articles); ``None`` = one per CPU for 1,000 articles or more, else 1. The result
            does not depend on it.

    Returns:
        The table of :func:`find_figures` for all articles (same columns; ``line_no``,
        ``start``, ``end`` refer to the raw file's normalised line), sorted by
        (``doc_id``, ``line_no``, ``start``).

    Note:
        Only kept text (title, headings, body) is read, so numbers in boilerplate (related
        links, exchange-rate widgets) never come out. Join doc-level columns (outlet...) with
        :func:`kzru_lib.segment.with_docvars`.

    Example:
        >>> figs = extract_figures(load_corpus("seeds"))   # doctest: +SKIP
    """
    rules = rules or figure_rules()
    published = dict(zip(corpus["doc_id"], corpus["published"], strict=False)) if len(corpus) else {}
    homes = {d: outlet_country(u, rules) for d, u in zip(corpus["doc_id"], corpus["url"], strict=True)} \
        if "url" in corpus.columns else {}
    finder = _date_finder(link_dates)
    if sentences is not None:
        cols = ["doc_id", "line_no", "sent_no", "start", "end", "sentence"]
        table = sentences[cols].sort_values(["doc_id", "line_no", "start"], kind="stable")
        # plain Python lists: a pandas group per article costs more than finding its figures
        records = list(zip(table["line_no"].astype(int).tolist(), table["sent_no"].astype(int).tolist(),
                           table["start"].astype(int).tolist(), table["end"].astype(int).tolist(),
                           table["sentence"].astype(str).tolist(), strict=True))
    else:  # kept lines: each worker splits its articles' sentences (as :func:`~kzru_lib.segment.sentences`)
        from .segment import kept_lines

        table = kept_lines(corpus, lines=lines)
        records = list(zip(table["line_no"].astype(int).tolist(), table["start"].astype(int).tolist(),
                           table["text"].astype(str).tolist(), strict=True))
    docs = table["doc_id"].astype(str).tolist()
    jobs = []
    i = 0
    while i < len(docs):
        j = i
        while j < len(docs) and docs[j] == docs[i]:
            j += 1
        pub = published.get(docs[i])
        jobs.append((docs[i], records[i:j], pub if isinstance(pub, str) and pub else None, homes.get(docs[i])))
        i = j
    split = sentences is None
    workers = workers if workers is not None else default_workers(len(jobs))
    if workers <= 1 and not scheduler_address():  # one batch, here (map_batches pauses the collector)
        return _frame(list(map_batches(_figures_job, [jobs], shared=(rules, finder, split), workers=1)))
    if not jobs:
        return _frame([])
    # shares of about 200 articles (at least 4 per worker): no worker sits idle while the last long share runs
    n_chunks = min(len(jobs), max(max(workers, 2) * 4, len(jobs) // 200))
    shares = (jobs[k * len(jobs) // n_chunks:(k + 1) * len(jobs) // n_chunks] for k in range(n_chunks))
    # each share comes back as a table: columns travel between processes faster than row dicts
    return _frame(list(map_batches(_figures_job, shares, shared=(rules, finder, split), workers=max(workers, 2))))


def _kept_sentences(recs: list[tuple]) -> list[tuple]:
    """Kept lines (line_no, start, text) -> sentences (line_no, sent_no, start, end, sentence)."""
    from .segment import line_sentences

    out = []
    for ln, start, text in recs:
        out.extend((ln, len(out) + 1, a, b, sent) for a, b, sent in line_sentences(text, start))
    return out


def _figures_job(rules: FigureRules, finder, split: bool, share: list[tuple]) -> pd.DataFrame:
    """The figures of one share of the articles, in row order (a per-batch function); ``split``:
    the records are kept lines, to be split into sentences here."""
    out: list[dict] = []
    for doc_id, recs, pub, home in share:
        out.extend(_doc_figures(doc_id, _kept_sentences(recs) if split else recs, pub, rules, finder, home))
    return _typed(out)


# --------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------


_CLAIM_COLUMNS = ["metric", "parties", "period", "unit", "value", "qualifier", "low", "high", "doc_id", "outlet",
                  "speaker", "n_mentions", "line_no", "surface", "sentence", "published"]
_RANK = {"target": 3, "range": 2, "more_than": 1, "less_than": 1, "up_to": 1, "nearly": 1, "approx": 1, "none": 0}
#: Hedges that put a figure's quantity above it, and below it: an article that says both of one value says the value.
_ABOVE = frozenset({"more_than"})
_BELOW = frozenset({"less_than", "up_to", "nearly"})


def figure_claims(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: a figure repeated inside one article counts once.

    Args:
        figures: the table of :func:`extract_figures` (with an optional ``outlet`` column).

    Returns:
        A DataFrame with columns ``metric``, ``parties``, ``period``, ``unit``, ``value``,
        ``qualifier``, ``low``, ``high``, ``doc_id``, ``outlet`` (empty if unknown), ``speaker``,
        ``n_mentions`` (how often the article states it), ``line_no``, ``surface`` and
        ``sentence`` of the mention cited (the first one, or the one with the strongest hedge),
        ``published`` (the article's publication date, empty for an undated article; left out
        when ``figures`` has no ``published`` column);
        sorted by (``metric``, ``parties``, ``period``, ``unit``, ``value``, ``doc_id``). Figures
        with no metric are left out, and so are parts (metric ``... (part)``: "3.376 million tons,
        including 1.057 million tons to Baku"), amounts converted at the outlet's rate (``... (converted)``:
        "2.7 trillion rubles ($31 billion)" claims the rubles) and exports or imports between two places that do not
        say which place exports (metric ``exports`` with parties ``Kazakhstan–Russia``, not ``exports (by
        Kazakhstan)``).

    Note:
        A table that already is a claims table (has ``n_mentions``) comes back sorted.
        A claim is (article, metric, parties, period, unit, value); hedges of repeated mentions
        are merged to the one that says most ("over $50 billion" and "$50 billion" ->
        ``more_than`` if either says it), and hedges of both ways are the figure itself ("At least 21" and "As many
        as 21" -> 21, ``none``); of unhedged mentions the most precise is the claim ("7,8 млн" and
        "7 820 204" -> 7,820,204, cited where it is said). Mentions must differ by less than 0.5 % to be one
        claim, or one be unhedged within the other's hedge ("More than 160" and "164": 164), and two unhedged ones must
        be one the other's rounding ("330,7" and "332" of two sources quoted
        by one article are two claims). Claims are indexed by their key, so the time grows linearly with the figures.

    Example:
        >>> figure_claims(find_figures("Over 170 projects. More than 170 projects."))["n_mentions"].tolist()
        [2]
    """
    order = ["metric", "parties", "period", "unit", "value", "doc_id"]
    if figures.empty:
        return pd.DataFrame(columns=_CLAIM_COLUMNS)
    if "n_mentions" in figures.columns:  # already claims
        f = figures.copy()
        for col in ("parties", "published"):
            if col not in f.columns:
                f[col] = ""
        return f.sort_values(order, kind="stable", ignore_index=True)
    metric = figures["metric"].fillna("")
    # a part of a whole named before it in its sentence ("... including 1.057 million tons to Baku") is
    # a part of that whole only: which part, a comparison cannot tell
    # (and an earlier count an article quotes beside the one it reports is no claim of its own: "The last official
    # count recorded 164 deaths")
    # (nor is an amount converted at the outlet's own rate: "2.7 trillion rubles ($31.45 billion)" claims the rubles;
    # two outlets' conversions of one amount differ by their rates, not by what they report)
    # (a share of the votes that names neither a side nor a candidate or party is of no one quantity: "набрала 49,82%")
    f = figures[(metric != "") & ~metric.str.endswith((_PART_SUFFIX, _EARLIER_SUFFIX, _OTHER_SUFFIX))
                & ~metric.str.contains(_CONVERTED, regex=False) & ~metric.str.fullmatch(_UNNAMED_VOTE_SHARE)].copy()
    # exports or imports between two places, with no word of which one exports (:func:`_flow_by`): either
    # way is possible, so a comparison cannot tell whether two such claims are one flow
    base = f["metric"].str.split(" ", n=1).str[0]
    f = f[~(base.isin(_FLOWS) & ~f["metric"].str.contains("(by ", regex=False)
            & (f["parties"].fillna("").str.count("–") == 1))]
    for col in ("outlet", "parties", "published"):
        if col not in f.columns:
            f[col] = ""
    for col in ("outlet", "period", "speaker", "parties", "published"):
        f[col] = f[col].fillna("").astype(str)
    # an exchange rate is of the two currencies its unit names ("KZT per USD"), whatever places its sentence names
    f.loc[f["unit"].astype(str).str.fullmatch(_CURRENCY_PAIR.pattern), "parties"] = ""
    f = f.sort_values(["doc_id", "line_no", "start"], kind="stable")
    index: dict[tuple, list[dict]] = {}
    claims: list[dict] = []
    cols = ["doc_id", "metric", "parties", "period", "unit", "value", "qualifier", "low", "high", "outlet", "speaker",
            "line_no", "surface", "sentence", "published"]
    for r in zip(*(f[c].tolist() for c in cols), strict=True):
        doc_id, metric, parties, period, unit, value, q, low, high, outlet, speaker, line_no, surface, sentence, pub = r
        key = (doc_id, metric, parties, period, unit, q == "target")
        for c in index.get(key, ()):
            # (mentions further apart than 0.5 % are one claim when the unhedged one lies within the other's hedge)
            by_hedge = abs(c["value"] - value) > 0.005 * max(abs(c["value"]), abs(value), 1e-9)
            if not by_hedge or (by_hedge := _within_hedge((c["qualifier"], c["value"], c["low"], c["high"]),
                                                          (q, value, low, high))):
                if q == "none" and c["qualifier"] == "none" and _two_figures(c["surface"], c["value"], surface, value):
                    continue
                c["n_mentions"] += 1
                rank, was = _RANK.get(q, 0), _RANK.get(c["qualifier"], 0)
                if not by_hedge and {q, c["qualifier"]} & _ABOVE and {q, c["qualifier"]} & _BELOW:
                    # "As many as 21 people" and "At least 21 people" of one article: no fewer and no more than 21, the
                    # figure itself (a later hedge of it says no more)
                    c.update(qualifier="none", low=c["value"], high=c["value"], pinned=True)
                elif c.get("pinned"):
                    pass
                elif rank > was and not (c["qualifier"] == "none" and (by_hedge or _sharper(c["surface"], c["value"], surface,
                                                                                        value, low, high))):
                    c.update(qualifier=q, low=low, high=high, line_no=line_no, surface=surface, sentence=sentence)
                elif rank < was and q == "none" and (by_hedge or _sharper(surface, value, c["surface"], c["value"], c["low"],
                                                                        c["high"])):
                    # "превысило 38,2 млн" and "38 236,7 тыс." of one article: the claim is the exact figure within
                    # the hedge's span, which says more
                    c.update(qualifier=q, value=value, low=low, high=high, line_no=line_no, surface=surface,
                             sentence=sentence)
                elif rank == was and q == "none" and _half_step(surface, value) < _half_step(c["surface"], c["value"]):
                    # "7,8 млн" and "7 820 204" of one article: the claim is the exact figure, the other its rounding
                    c.update(value=value, low=low, high=high, line_no=line_no, surface=surface, sentence=sentence)
                if not c["speaker"]:
                    c["speaker"] = speaker
                break
        else:
            c = {"metric": metric, "parties": parties, "period": period, "unit": unit, "value": value,
                 "qualifier": q, "low": low, "high": high, "doc_id": doc_id, "outlet": outlet, "speaker": speaker,
                 "n_mentions": 1, "line_no": line_no, "surface": surface, "sentence": sentence, "published": pub}
            index.setdefault(key, []).append(c)
            claims.append(c)
    out = pd.DataFrame(claims, columns=_CLAIM_COLUMNS)
    if "published" not in figures.columns:  # no dates given: not "undated", unknown (see compare_figures)
        out = out.drop(columns="published")
    return out.sort_values(order, kind="stable").reset_index(drop=True)


def _within_hedge(a: tuple[str, float, float, float], b: tuple[str, float, float, float]) -> bool:
    """Whether of two mentions of one quantity in one article (each ``(qualifier, value, low, high)``), one hedged and one
    not, the unhedged one lies within the hedged one's span ("More than 160 have been killed" and "the 164 deaths": one
    claim, 164, the more precise); "more than X" reaches :data:`OVER_SPAN` above X, "almost X" as far below."""
    if (a[0] == "none") == (b[0] == "none"):
        return False
    (q, v, low, high), exact = (a, b[1]) if b[0] == "none" else (b, a[1])
    if q == "more_than":
        return v <= exact <= v * (1 + OVER_SPAN)
    if q == "nearly":
        return v * (1 - OVER_SPAN) <= exact <= v
    return q == "approx" and low <= exact <= high


def _two_figures(surface_a: str, value_a: float, surface_b: str, value_b: float) -> bool:
    """Whether two unhedged mentions close in value are two figures, not one and its rounding: neither
    lies within the other's stated precision ("330,7 тонны" and "332 тонны" of two sources in one article;
    "7,8 млн" and "7 820 204" are one figure)."""
    step = max(_half_step(surface_a, value_a), _half_step(surface_b, value_b))
    return step > 0 and abs(value_a - value_b) > step * (1 + 1e-9)


def _contains(whole: str, part: str) -> bool:
    """Whether period ``part`` lies inside period ``whole`` (ISO strings, ranges allowed)."""
    if not whole or not part or whole == part:
        return False
    ws, we = (whole.split("/") + [whole])[:2]
    ps, pe = (part.split("/") + [part])[:2]
    return ws <= ps[: len(ws)] and pe[: len(we)] <= we and (len(ps) > len(ws) or "/" in part)


def _fmt(v: float, unit: str) -> str:
    if unit == "percent":
        return f"{v:g}%"
    if unit == "count":
        return f"{v:,.0f}"
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= div:
            return f"{v / div:g} {word} {unit}"
    return f"{v:,.0f} {unit}" if float(v).is_integer() else f"{v:,.4g} {unit}"


def _interval(c) -> str:
    hi = "inf" if math.isinf(c.high) else _fmt(c.high, c.unit)
    return f"[{_fmt(c.low, c.unit)}, {hi}]"


# the last number of a surface, with thousands grouped by spaces ("24 239", "1\u00a0200,5") read whole
_LAST_NUM = re.compile(r"(\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*)(?!.*\d)")


def _sharper(surface: str, value: float, hedged_surface: str, hedged_value: float, low: float, high: float) -> bool:
    """Whether an unhedged figure says more than a hedged one of the same article: it lies within the hedge's span and
    is stated to a finer digit ("38 236,7 тыс." against "превысило 38,2 млн"; not "$50 billion" against "over $50
    billion", stated alike)."""
    return low <= value <= high and _half_step(surface, value) < _half_step(hedged_surface, hedged_value)


def _half_step(surface: str, value: float) -> float:
    """Half the last stated digit of a figure, in its units: 24.1 bn -> 0.05 bn; 93 -> 0.5."""
    stated = _last_digits(surface or "")
    if stated is None or not value:
        return 0.0
    dec, num = stated
    scale = abs(value) / num
    if dec == 0 and scale > 1 and abs(scale / 10 ** round(math.log10(scale)) - 1) > 1e-9:
        # a number written in parts ("19 миллионов 765 тысяч 4", "$2 млрд 842 млн"): its last part is in the
        # largest power of ten that leaves a whole number of the next thousand for the parts before it
        for k in range(round(math.log10(abs(value))), -1, -1):
            rest = abs(value) - num * 10 ** k
            if rest > 0 and abs(rest / 10 ** (k + 3) - round(rest / 10 ** (k + 3))) < 1e-9:
                return 0.5 * 10 ** k
    return 0.5 * 10 ** (-dec) * scale


@functools.lru_cache(maxsize=65536)
def _last_digits(surface: str) -> tuple[int, float] | None:
    """(decimals, number) of the last number written in a surface ("24.1 bn" -> (1, 24.1)); None if none
    (or zero). Cached: the surfaces of a corpus repeat."""
    m = _LAST_NUM.search(surface)
    if not m:
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", m.group(1))
    dec = 0
    sep = max(digits.rfind("."), digits.rfind(","))
    if sep >= 0 and len(digits) - sep - 1 <= 2 or (sep >= 0 and "." in digits[sep:]):
        dec = len(digits) - sep - 1
    try:
        num = float(digits.replace(",", "") if dec == 0 else digits[:sep].replace(",", "").replace(".", "")
                    + "." + digits[sep + 1:])
    except ValueError:
        return None
    return (dec, num) if num else None


#: Columns of the disagreements table (see :func:`figure_disagreements`).
DISAGREEMENT_COLUMNS = [
    "metric", "parties", "period", "unit", "claim_a", "value_a", "basis_a", "sentence_a",
    "claim_b", "value_b", "basis_b", "sentence_b", "why",
]
#: Longest sentence kept in a disagreements cell (characters; longer ones end with "…").
SENTENCE_CHARS = 300
#: How many items a list cell of the comparison table names before "(+N more)".
LIST_ITEMS = 8


def _cap(items: list[str], n: int = LIST_ITEMS, sep: str = "; ") -> str:
    return sep.join(items[:n]) + (f"{sep}(+{len(items) - n} more)" if len(items) > n else "")


def _short(s: str, n: int = SENTENCE_CHARS) -> str:
    s = str(s or "")
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


_SCALED_EXPR = re.compile(r"^\s*([0-9.]+(?:e[+-]?\d+)?)\s*\*\s*(.+?)\s*$", re.I)


@functools.lru_cache(maxsize=1)
def _same_units() -> dict[str, tuple[str, float]]:
    """Units of the bundled ``measures.csv`` that another unit of the same kind states under another name
    or scale -> (that unit, factor): "ton" as written is "metric ton" (same pint expression), "billion cubic
    metre" ("bcm", ``1e9 * meter ** 3``) is 1e9 "cubic metre"; so "tons" and "tonnes", "15.1 bcm" and
    "15.5 billion cubic meters" are compared."""
    meas = pd.read_csv(_DATA / "measures.csv", dtype=str, keep_default_na=False)
    first: dict[tuple[str, str], str] = {}
    for unit, expr, kind in zip(meas["unit"], meas["pint"], meas["kind"], strict=True):
        first.setdefault((expr.strip(), kind.strip()), unit.strip())
    out = {}
    for unit, expr, kind in zip(meas["unit"], meas["pint"], meas["kind"], strict=True):
        unit, expr, kind = unit.strip(), expr.strip(), kind.strip()
        if first[(expr, kind)] != unit:
            out[unit] = (first[(expr, kind)], 1.0)
        elif (m := _SCALED_EXPR.match(expr)) and (other := first.get((m.group(2), kind))):
            out[unit] = (other, float(m.group(1)))
    return out


#: A flow one way between two places, as the exporter or the importer reports it: "exports (gas) (by Russia)" with
#: parties "China–Russia" is "imports (gas) (by China)". :func:`_mirror_flow` names both alike.
_FLOW_BY = re.compile(r"(?P<flow>export|import)(?P<growth>_growth)?s?(?P<what>(?: \([^()]*\))*?) \(by (?P<by>[^()]+)\)")
#: People going one way between two places, the place they went to known: "people (out) (to Kazakhstan)" (left
#: Russia for it) and "people (in) (to Kazakhstan)" (came to it from Russia) are one flow, counted at either end.
_PEOPLE_TO = re.compile(r"people(?P<growth>_growth)? \((?:in|out)\) \(to (?P<dest>[^()]+)\)(?P<what>.*)")


def _people_to(m: re.Match) -> str:
    """The one name of the flow of people :data:`_PEOPLE_TO` matched: arrivals at the place they went to."""
    return f"people{m.group('growth') or ''} (in) (to {m.group('dest')}){m.group('what')}"


#: A count of projects, then (with no other number between) the value of that portfolio: "12 joint projects with a
#: total value of $156 million", "69 projects worth $3.1 billion", "143 совместных проекта на сумму $33,5 млрд".
_PORTFOLIO = re.compile(r"(?<![\d.,])(\d[\d,.\s]*?)\s+(?:[^\W\d_]+\s+){0,2}(?:projects?|ventures?|проект\w*|предприяти\w*)"
                        r"(?![^\W\d_])[^\d;]*$", re.I)


_NOT_DIGIT = re.compile(r"\D")


def _portfolio(metric: str, sentence: str, surface: str) -> str:
    """A project portfolio's value compared as the value of that many projects ("joint_projects_value (of 12
    projects)"): 12 projects underway and 69 projects in all are two portfolios, not two readings of one. Read from the
    claim's sentence, before its figure; other metrics are returned as they are."""
    if not metric.startswith("joint_projects_value") or (at := sentence.find(surface)) < 0:
        return metric
    m = _PORTFOLIO.search(sentence, max(0, at - 120), at)
    return f"{metric} (of {_NOT_DIGIT.sub('', m.group(1))} projects)" if m else metric


def _mirror_flow(metric: str, parties: str) -> str:
    """One name for a flow between two places whichever side reports it (mirror statistics): "exports (by
    United States)" and "imports (by Kazakhstan)", both of parties "Kazakhstan–United States", are the flow
    "exports (by United States) = imports (by Kazakhstan)"; people who left one of two places for the other are the
    arrivals there (:data:`_PEOPLE_TO`); a metric that is no such flow is returned as it is."""
    m = _FLOW_BY.fullmatch(metric)
    if m is None and (p := _PEOPLE_TO.fullmatch(metric)) and p.group("dest") in parties.split("–"):
        return _people_to(p)  # "200,000 people leave Russia for Kazakhstan" are arrivals in Kazakhstan
    if m is None or parties.count("–") != 1 or m.group("by") not in (sides := parties.split("–")):
        return metric
    other = sides[1] if m.group("by") == sides[0] else sides[0]
    flow, grow, what = m.group("flow"), m.group("growth") or "", m.group("what")
    exporter, importer = (m.group("by"), other) if flow == "export" else (other, m.group("by"))
    name = "export_growth" if grow else "exports"
    back = "import_growth" if grow else "imports"
    return f"{name}{what} (by {exporter}) = {back}{what} (by {importer})"


#: The portfolio :func:`_portfolio` names after a project portfolio's value.
_OF_PROJECTS = re.compile(r" \(of \d+ projects\)$")


def compare_family(metric: str) -> str:
    """The family of a metric: claims of different metrics meet in the comparison only within one family, so
    comparing family by family (a store's blocks, :func:`compare_in_parallel`'s shares) gives the tables of the whole.

    A flow one way between two places is one family whoever reports it ("exports (by United States)",
    "imports (by Kazakhstan)" and their mirror name :func:`_mirror_flow` gives are all "exports": the exporter's and
    the importer's figures meet), and so is a flow of people to one place, counted where they left or where they
    came (:data:`_PEOPLE_TO`); the metrics of a vote are one ("turnout (at 18:00)" dates the day that "turnout" of
    an undated article names with no year); a portfolio's value is its metric's (:func:`_portfolio`). Any other
    metric is its own family. The comparison table lists groups in family order."""
    metric = _OF_PROJECTS.sub("", metric) if metric.startswith("joint_projects_value") else metric
    m = _FLOW_BY.fullmatch(metric.split(" = ", 1)[0])
    if m is not None:
        return ("export_growth" if m.group("growth") else "exports") + m.group("what")
    if (p := _PEOPLE_TO.fullmatch(metric)) is not None:
        return _people_to(p)
    return _TURNOUT if _is_vote(metric) else metric


#: A day with no year (a relative date of an undated article): "XXXX-10-06".
_YEARLESS_DAY = re.compile(r"XXXX(-\d{2}-\d{2})")


def _is_vote(metric: str) -> bool:
    """Whether a metric is a vote's (a turnout, the count of voters or of the electorate, whole or by a time of the
    voting day): a vote is held on one day."""
    return metric.partition(" ")[0] in (_TURNOUT, _VOTERS, _ELECTORATE)


def _vote_maps(claims: pd.DataFrame) -> tuple[dict, dict]:
    """What :func:`_vote_years` reads of a whole table of claims (``metric``, ``parties``, ``period``): the years
    in which the votes of some parties fell on a day (``(parties, "-MM-DD")`` -> years), and the days of the votes
    of some parties (parties -> days, the days with no year filled in). A store's comparison counts them over every
    claim of a vote first, then fills the periods of its chunks of articles with them. A reading by a time of the
    voting day ("voters (at 2 p.m.)") gives the year of a day it names, but is no vote day of its own: the day its
    article names may be another's ("the last polling station ... will close on October 7 at 10:00 a.m. Astana
    time")."""
    periods = claims["period"].tolist()
    vote = [_is_vote(m) for m in claims["metric"]]
    years: dict[tuple[str, str], set[str]] = {}
    for v, p, par in zip(vote, periods, claims["parties"], strict=True):
        if v and _DAY.fullmatch(p):
            years.setdefault((par, p[4:]), set()).add(p[:4])
    days: dict[str, set[str]] = {}
    for v, m, p, par in zip(vote, claims["metric"], _vote_days(periods, vote, claims["parties"], years), claims["parties"],
                            strict=True):
        if v and "(at " not in m and (_SOME_DAY.fullmatch(p) or _DAY_SPAN.fullmatch(p)):
            days.setdefault(par, set()).add(p)  # (a vote held over some days: "from March 15 to 17")
    return years, days


#: Days from one to another ("2024-03-15/2024-03-17": a vote held over three days).
_DAY_SPAN = re.compile(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d")


def _vote_days(periods: list[str], vote: list[bool], parties, years: dict) -> list[str]:
    """``periods`` with a vote's day with no year given the one year :func:`_vote_maps` knows for it."""
    out = []
    for v, p, par in zip(vote, periods, parties, strict=True):
        m = _YEARLESS_DAY.fullmatch(p) if v else None
        known = years.get((par, m.group(1)), set()) if m else set()
        out.append(f"{next(iter(known))}{m.group(1)}" if m and len(known) == 1 else p)
    return out


def _vote_years(claims: pd.DataFrame, maps: tuple[dict, dict] | None = None) -> list[str]:
    """The periods of ``claims``, with the days of votes filled in: a vote's day with no year (an undated article's
    "6 октября") takes the year of the one vote of the same parties on that day that other claims date
    ("2024-10-06"), as a country rarely votes on the same day of two years that one corpus covers; and a vote's
    figure with no period in an undated article takes the day of the one vote of its parties the corpus names
    and so does one in a dated article when that vote was held in the :data:`_VOTE_REPORTED` days before it ("Явка на
    референдуме составила 84,5%" in an article of 2 May 2023 on the vote of 30 April); else, with a publication date,
    a claim with no period is of its article's month (:data:`_AS_OF_SPAN`). Other periods as they are. ``maps``:
    :func:`_vote_maps` of the whole corpus (default: of ``claims``)."""
    periods = claims["period"].tolist()
    vote = [_is_vote(m) for m in claims["metric"]]
    published = claims["published"].fillna("").tolist() if "published" in claims.columns else [""] * len(periods)
    if not any(v and (not p or _YEARLESS_DAY.fullmatch(p)) for v, p in zip(vote, periods, strict=True)):
        return periods
    years, days = _vote_maps(claims) if maps is None else maps
    out = _vote_days(periods, vote, claims["parties"], years)
    return [_reported_vote(days.get(par, ()), pub) if v and not p and par else p
            for v, p, pub, par in zip(vote, out, published, claims["parties"], strict=True)]


#: The year of a period that a month or day follows ("2022" of "2022-09-21", of "2025-01/2025-02"), or its place
#: left empty ("XXXX-09-21": a relative date of an undated article).
_PERIOD_YEAR = re.compile(r"(?<![\dX])(?:\d{4}|XXXX)(?=-\d)")


def _yearless_maps(claims: pd.DataFrame) -> dict:
    """The years other claims give an event's toll of a month with no year (:func:`_yearless`): ``(metric, parties,
    period with its year left out)`` -> the years of the tolls of one year that share them ("2022-09"). A store counts
    them over every claim of the metrics that have such a period first."""
    out: dict[tuple, set[str]] = {}
    for m, par, p in zip(claims["metric"], claims["parties"], claims["period"], strict=True):
        if p and "XXXX" not in p and m.startswith(_TOLLS) and len(years := set(_PERIOD_YEAR.findall(p))) == 1:
            out.setdefault((m, par, _PERIOD_YEAR.sub("XXXX", p)), set()).add(years.pop())
    return out


def _yearless(claims: pd.DataFrame, periods: list[str], maps: dict | None = None) -> list[str]:
    """``periods`` with an event's toll of a month of no known year (``XXXX-09``: an undated article's "21 September")
    given the one year the other tolls of the same kind and parties give that month (:func:`_yearless_maps`, of the
    whole corpus: ``maps``), as an event is one and a corpus rarely reports two of one kind, place and month of two
    years; left as it is when they give none, or several. Other quantities recur each year (a budget's "January and
    February" of an undated article may be of any year): their periods of no year are left, as a bare ``XXXX`` is."""
    if not any("XXXX-" in p for p in periods):
        return periods
    maps = _yearless_maps(claims.assign(period=periods)) if maps is None else maps
    out = []
    for m, par, p in zip(claims["metric"], claims["parties"], periods, strict=True):
        known = maps.get((m, par, p), ()) if "XXXX-" in p and m.startswith(_TOLLS) else ()
        out.append(p.replace("XXXX", next(iter(known))) if len(known) == 1 else p)
    return out


#: How many days after a vote an article may report its figures with no date of their own (:func:`_vote_years`).
_VOTE_REPORTED = 31


def _reported_vote(days, published: str) -> str:
    """The day of the one vote in ``days`` that a vote's figure with no period reports: in an undated article
    (``published`` "") the one day there is; in a dated one, the one day within :data:`_VOTE_REPORTED` days before
    its publication; "" when there is none or more than one."""
    if not published:
        return next(iter(days)) if len(days) == 1 else ""
    try:
        pub = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return ""
    near = [d for d in days if ((_DAY.fullmatch(d) or _DAY_SPAN.fullmatch(d))
                                and 0 <= (pub - datetime.date.fromisoformat(d[-10:])).days <= _VOTE_REPORTED)]
    return near[0] if len(near) == 1 else ""


def _each_place(figures: pd.DataFrame) -> pd.DataFrame:
    """A figure said of each of several places (``parties_basis`` "each": "Russia and Australia, each producing 310
    tons", parties "Australia+Russia"; "из Германии и Турции — по 10 тысяч человек" to Russia, "Germany+Turkey–Russia")
    as one figure of each place (with the other side, if any: "Germany–Russia", "Turkey–Russia"), compared with what
    others say of that place."""
    if "parties_basis" not in figures.columns or not (each := figures["parties_basis"] == "each").any():
        return figures
    parts = figures[each].assign(parties=[_each_side(p) for p in figures.loc[each, "parties"]]).explode("parties")
    return pd.concat([figures[~each], parts]).sort_index(kind="stable").reset_index(drop=True)


def _each_side(parties: str) -> list[str]:
    """The parties of each place of the one side of ``parties`` that joins several ("Germany+Turkey–Russia":
    "Germany–Russia", "Turkey–Russia"); ``parties`` alone when no side, or more than one, joins places."""
    sides = parties.split("–")
    joined = [s for s in sides if "+" in s]
    if len(joined) != 1:
        return [parties]
    rest = [s for s in sides if s != joined[0]]
    return [_pair([place, *rest]) for place in joined[0].split("+")]


def _prepare_claims(figures: pd.DataFrame, rates, to_unit: str, tolerance: float,
                    vote_maps: tuple[dict, dict] | None = None, order: bool = False,
                    year_maps: dict | None = None) -> pd.DataFrame:
    """The claims of ``figures`` as the comparison reads them (:func:`figure_claims`, a flow named alike by both sides,
    a vote's day filled in (``vote_maps``: :func:`_vote_maps` of the whole corpus when ``figures`` is a part of it),
    a month of no known year given the year others give it (``year_maps``: :func:`_yearless_maps`, likewise),
    units and currencies made one, each claim's interval ``lo``-``hi``). Row by row but for the merging of an article's
    mentions and the days of votes, so a store prepares its claims chunk by chunk of whole articles.

    The rows keep :func:`figure_claims`' order (metric, parties, period, unit, value, article as read, before the
    renaming and converting here), which is the order of a group's claims in the comparison; ``order`` adds those
    keys as columns ``order_metric``, ``order_period``, ``order_unit``, ``order_value`` (a store sorts its chunks'
    claims by them)."""
    claims = figure_claims(_each_place(figures))
    if order and len(claims):  # the order of the claims, which the renaming below keeps (see the docstring)
        for col in ("metric", "period", "unit", "value"):
            claims[f"order_{col}"] = claims[col]
    if len(claims):
        claims["metric"] = [_portfolio(_mirror_flow(m, p), t, f) for m, p, t, f in zip(
            claims["metric"], claims["parties"], claims["sentence"], claims["surface"], strict=True)]
        claims["period"] = _yearless(claims, _vote_years(claims, vote_maps), year_maps)
    if len(claims) and (same := _same_units()) and claims["unit"].isin(list(same)).any():
        for unit, (name, factor) in same.items():
            mask = claims["unit"] == unit
            if mask.any():
                for col in ("value", "low", "high"):
                    claims.loc[mask, col] = claims.loc[mask, col] * factor
                claims.loc[mask, "unit"] = name
    if "published" not in claims.columns:
        claims["published"] = ""
    if rates is not None and len(claims):
        if not {"unit", "rate"} <= set(rates.columns):
            raise KzruError("rates table: expected columns unit, rate (how many TO_UNIT one unit is worth)")
        try:
            rate = {str(u).upper(): float(r) for u, r in zip(rates["unit"], rates["rate"], strict=False)}
        except ValueError as exc:
            raise KzruError(f"rates table: a rate is not a number ({exc})") from None
        conv = claims["unit"].str.upper().map(rate)
        mask = conv.notna() & (claims["unit"] != to_unit)
        for col in ("value", "low", "high"):
            claims.loc[mask, col] = claims.loc[mask, col] * conv[mask]
        claims.loc[mask, "surface"] = claims.loc[mask, "surface"] + " (converted)"
        claims.loc[mask, "unit"] = to_unit
    if tolerance < 0:
        raise KzruError(f"tolerance must be 0 or more (a share of the value), not {tolerance}")
    if len(claims):
        lo, hi = [], []
        for s, v, q, low, high, u in zip(claims["surface"], claims["value"], claims["qualifier"], claims["low"],
                                         claims["high"], claims["unit"], strict=True):
            half, tol = _half_step(s, v), (tolerance + _TOUCH) * abs(v)
            # a hedge's stated bound is not rounded: "more than 25" is not 24.6, "almost 17" not 17.4
            lo.append(low - tol - (0.0 if q == "more_than" else half))
            # (but "more than 50%" says a majority, not how large: "явка превысила 50%" is not against 63.66%)
            if q == "more_than" and math.isinf(high) and v > 0 and (_last_digits(s) is not None or _ends_in_count_word(s)) \
                    and not (u == "percent" and v == 50):
                # "over $31 billion" is a little over it: up to OVER_SPAN more ("превысил 10 млрд" is
                # not $11.7 billion), as does a count in words ("at least nine" is not 20); a vague number in words
                # states no count ("over a dozen", "dozens of"): no upper bound
                high, half = v + OVER_SPAN * v, 0.0  # (its span is the rounding too: "exceeded $3 billion" is not 3.4)
            hi.append(high + tol + (0.0 if q in ("nearly", "less_than", "up_to") else half))
        claims["lo"], claims["hi"] = lo, hi
        # a growth that the text says is a fall ("fell 3.4%", "снизился на 3,4%") is -3.4 %, as "-3.4%" is
        fall = pd.Series([m.endswith("_growth") and u == "percent" and v > 0 and _said_fall(t, s)
                          for m, u, v, t, s in zip(claims["metric"].str.split(" ", n=1).str[0], claims["unit"],
                                                   claims["value"], claims["sentence"], claims["surface"], strict=True)],
                         index=claims.index, dtype=bool)
        if fall.any():
            claims.loc[fall, ["value", "low", "high", "lo", "hi"]] = (
                -claims.loc[fall, ["value", "high", "low", "hi", "lo"]].to_numpy())
    return claims


#: Words of a fall and of a rise, the nearest before a growth (:func:`_said_fall`).
_FALL_WORD = re.compile(r"\b(?:fell|fall(?:s|ing|en)?|dropp?(?:ed|ing|s)?|declin\w*|decreas\w*|shr[aiu]nk\w*|slump\w*"
                        r"|plunge\w*|plummet\w*|collaps\w*|tumbl\w*|sank|down|lower|reduc\w*|cut(?:s|ting)?|slash\w*)\b"
                        r"|(?<![^\W\d_])(?:снизил\w*|снижени\w*|сократил\w*|сокращени\w*|упал\w*|падени\w*|уменьшил\w*"
                        r"|уменьшени\w*|опустил\w*|рухнул\w*|обвалил\w*|просел\w*)", re.I)
_RISE_WORD = re.compile(r"\b(?:rose|ris(?:e|es|ing|en)|grew|grow\w*|increas\w*|jump\w*|climb\w*|gain\w*|up|higher"
                        r"|surg\w*|soar\w*|boost\w*)\b|(?<![^\W\d_])(?:вырос\w*|рост\w*|увеличил\w*|увеличени\w*|повысил\w*"
                        r"|повышени\w*|прирост\w*|подскочил\w*)", re.I)
#: Right after a growth: a noun of a fall ("a 3.4% decline", "3,4-процентное снижение" aside).
_FALL_AFTER = re.compile(r"\s*(?:decline|drop|decrease|fall|contraction|less|lower|fewer|снижени\w*|падени\w*|сокращени\w*"
                         r"|меньше|ниже)(?![^\W\d_])", re.I)


def _said_fall(sentence: str, surface: str) -> bool:
    """Whether the growth ``surface`` of ``sentence`` is a fall: the nearest word of a rise or a fall in the
    60 characters before it is a fall ("Trade fell 3.4%", "товарооборот снизился на 3,4%"; "fell in 2023 but
    rose 2%" is a rise; not "growth fell to 3%" or "down from 5%", levels), or a noun of a fall follows it
    ("a 3.4% decline")."""
    at = sentence.find(surface)
    if at < 0:
        return False
    if _FALL_AFTER.match(sentence, at + len(surface)):
        return True
    lo = max(0, at - 60)
    last = max([(m.end(), True) for m in _FALL_WORD.finditer(sentence, lo, at)]
               + [(m.end(), False) for m in _RISE_WORD.finditer(sentence, lo, at)], default=(0, False))
    # "fell to 3%", "down from 5%", "снизился с 5% до 3%": levels it went from or to, not the fall
    return last[1] and not _LEVEL_BETWEEN.search(sentence, last[0], at)


#: Between a word of a fall and a figure: the figure is a level it went from or to (:func:`_said_fall`).
_LEVEL_BETWEEN = re.compile(r"(?<![^\W\d_])(?:to|from|at|до|с|со)(?![^\W\d_])", re.I)


#: How far above its value a "more than X" claim reaches when compared ("over $31 billion" is not
#: $50 billion, "exceeded $10 billion" not $11.7 billion): this share of X, as "nearly X" reaches
#: as far below it (``hedges.csv``).
OVER_SPAN = 0.10
#: Claims of one group whose values are more than this many times apart are not set against each
#: other (a region's trade and a country's, a month and a year, millions and billions): they are
#: most likely different quantities that the metric, parties and period did not tell apart.
SCALE_GAP = 10.0


def _too_far(unit: str, hi: float) -> float:
    """The highest ``lo`` a claim whose interval ends at ``hi`` is still set against (see :data:`SCALE_GAP`)."""
    return SCALE_GAP * hi if unit != "percent" and hi > 0 else math.inf


def _basis(c) -> str:
    who = f"; speaker {c.speaker}" if c.speaker else ""
    return f"{c.surface} [{c.qualifier}] {_interval(c)}{who}"


def _conflicts(meas: list, limit: int | None):
    """Pairs of claims of different articles whose widened intervals do not overlap: sorted by
    ``lo``, every claim conflicts with the claims whose ``lo`` exceeds its ``hi`` (a binary search),
    so the time is O(n log n) plus the pairs listed. Returns (pairs listed, exact number of pairs)."""
    import bisect

    rows = sorted(meas, key=lambda c: (c.lo, c.doc_id))
    los = [c.lo for c in rows]
    total = 0
    pairs = []
    for i, a in enumerate(rows):
        j = bisect.bisect_right(los, a.hi, lo=i + 1)
        k = bisect.bisect_right(los, _too_far(a.unit, a.hi), lo=j)  # beyond k: SCALE_GAP apart
        total += k - j
        if limit is None or len(pairs) < limit:
            for b in rows[j:k]:
                if limit is not None and len(pairs) >= limit:
                    break
                if b.doc_id != a.doc_id:
                    pairs.append((a, b))
    # pairs inside one article are not disagreements between sources: take them off the count
    by_doc: dict[str, list] = {}
    for c in rows:
        by_doc.setdefault(c.doc_id, []).append(c)
    for g in by_doc.values():
        if len(g) > 1:
            gl = sorted(c.lo for c in g)
            total -= sum(bisect.bisect_right(gl, _too_far(c.unit, c.hi)) - bisect.bisect_right(gl, c.hi)
                         for c in g)
    return pairs, total, by_doc


def _his_by_doc(rows: list) -> dict[str, list[float]]:
    """The ``hi`` of claims sorted by ``hi``, per article (for counting an article's own pairs)."""
    out: dict[str, list[float]] = {}
    for w in rows:
        out.setdefault(w.doc_id, []).append(w.hi)
    return out


def _unresolved(period: str) -> bool:
    """Whether a period is a relative one the text did not anchor ("last year" in an undated
    article: ``XXXX``, ``XXXX-01/XXXX-06``): its year is unknown."""
    return "X" in period


def _per_doc(meas: list) -> list[list]:
    """The claims of each article apart: compared with no other article's (an article giving several values is
    still noted)."""
    docs: dict[str, list] = {}
    for c in meas:
        docs.setdefault(c.doc_id, []).append(c)
    return list(docs.values())


#: Rates that move within a year, and how much of the publication date (``YYYY-MM-DD``) a claim with no
#: period stated is of: an annual inflation rate is restated every month, a policy rate is changed at
#: any meeting, unemployment is reported by month or quarter (the article's month), an exchange rate moves
#: every day (its day), a turnout is of the vote the article reports (a country may vote twice a year: its
#: month). Other metrics: its year.
_AS_OF_SPAN = {"inflation": 7, "policy_rate": 7, "unemployment": 7, "exchange_rate": 10, _TURNOUT: 7}


def _as_of(meas: list, period: str, undated: str, dated: bool = True, span: int = 4, vote: bool = False) -> list[list]:
    """The claims that can disagree with each other: all of them when the period is stated (or
    ``undated="all"``); when it is not, each figure speaks of the time of its article, so only claims
    of articles published the same year are compared (the same month with ``span=7``, the same day
    with 10: :data:`_AS_OF_SPAN`). A claim whose time is unknown (no stated
    period and an undated article, or a relative period the text did not anchor, "last year" with no
    year to count from) is compared with none: two such claims may be of different years. A table
    without publication dates at all (``dated`` false: no ``published`` column) is of one unknown
    time, as before: its claims without a period are compared with each other. A ``vote``'s day with no year
    ("6 октября" in undated articles) is of one vote: its claims are compared (:func:`_vote_years`)."""
    if undated not in ("same_year", "all"):
        raise KzruError(f"undated must be 'same_year' or 'all', not {undated!r}")
    if undated == "all" or (period and not _unresolved(period)) or (vote and _YEARLESS_DAY.fullmatch(period)):
        return [meas]  # (a vote's day with no year: one vote, whichever article names it)
    if period:
        return [[c] for c in meas]
    years: dict[str, list] = {}
    for c in meas:
        years.setdefault(c.published[:span], []).append(c)
    if not dated:
        return [years[y] for y in sorted(years)]
    return [years[y] for y in sorted(years) if y] + [[c] for c in years.get("", [])]


_NO_OVERLAP = "the intervals do not overlap, beyond hedges, stated precision and tolerance"


def _pair_row(key, a, b, why: str, cited: dict | None = None, short=None) -> tuple:
    """One row of the disagreements table, its cells in the order of :data:`DISAGREEMENT_COLUMNS`
    (``cited``: claim -> its cells, filled as claims come up: a claim is in many pairs, its basis
    is formatted once; ``short``: how its sentence is cited, default :func:`_short`)."""
    metric, parties, period, unit = key
    cited = {} if cited is None else cited
    short = short or _short
    ca = cited.get(id(a))
    if ca is None:
        ca = cited[id(a)] = (f"{a.doc_id}:{a.line_no}", _basis(a), short(a.sentence))
    cb = cited.get(id(b))
    if cb is None:
        cb = cited[id(b)] = (f"{b.doc_id}:{b.line_no}", _basis(b), short(b.sentence))
    return (metric, parties, period, unit, ca[0], a.value, ca[1], ca[2], cb[0], b.value, cb[1], cb[2], why)


#: Figures with a metric from which :func:`compare_in_parallel` shares the metrics among processes.
PARALLEL_COMPARE_ROWS = 100_000


def compare_in_parallel(figures: pd.DataFrame, rates, to_unit, by, tolerance, max_pairs, undated="same_year",
                        *, workers: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`_compare` with the metrics shared among processes (the tables and pairs are the same).

    Claims of different families of metrics (:func:`compare_family`) are never set side by side,
    so consecutive runs of families, in order, give the rows of the whole tables. Below
    :data:`PARALLEL_COMPARE_ROWS` figures with a metric, or with one worker, it runs here.
    """
    metric = figures["metric"].fillna("") if "metric" in figures.columns else pd.Series("", index=figures.index)
    counts = metric[metric != ""].value_counts()
    family = metric.map({m: compare_family(m) for m in counts.index})
    counts = family[metric != ""].value_counts().sort_index()
    workers = workers if workers is not None else default_workers(int(counts.sum()), threshold=PARALLEL_COMPARE_ROWS)
    if workers <= 1 or len(counts) < 2:
        return _compare(figures, rates, to_unit, by, tolerance, max_pairs, undated)
    # one share per worker and a few more, of about the same number of figures, whole families of metrics each
    n_shares = min(len(counts), 2 * workers)
    edges = [0] + [int(x) for x in (counts.cumsum().to_numpy() * n_shares // (int(counts.sum()) + 1))]
    groups: dict[int, list[str]] = {}
    for m, share in zip(counts.index, edges[1:], strict=True):
        groups.setdefault(share, []).append(m)
    cols = [c for c in _COMPARE_INPUT if c in figures.columns]
    shares = (figures.loc[family.isin(ms), cols] for _k, ms in sorted(groups.items()))
    parts = list(map_batches(_compare_job, shares, shared=(rates, to_unit, by, tolerance, max_pairs, undated),
                             workers=workers))
    return (pd.concat([t for t, _ in parts], ignore_index=True),
            pd.concat([p for _, p in parts], ignore_index=True))


#: The columns of a figures table that the comparison reads.
_COMPARE_INPUT = ["doc_id", "line_no", "start", "end", "metric", "parties", "period", "unit", "value", "qualifier",
                  "low", "high", "outlet", "speaker", "surface", "sentence", "published", "n_mentions", "parties_basis"]


def _compare_job(rates, to_unit, by, tolerance, max_pairs, undated, figures: pd.DataFrame) -> tuple:
    return _compare(figures, rates, to_unit, by, tolerance, max_pairs, undated)


def _compare(figures, rates, to_unit, by, tolerance, max_pairs, undated="same_year"):
    claims = _prepare_claims(figures, rates, to_unit, tolerance)
    dated = "published" in figures.columns  # without the column no article is known to be undated
    if claims.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS), pd.DataFrame(columns=DISAGREEMENT_COLUMNS)
    additive = additive_metrics()
    records = claim_records(claims)
    groups: dict[tuple, list] = {}
    for c in records:
        groups.setdefault((c.metric, c.parties, c.period, c.unit), []).append(c)
    wholes = _wholes(records, additive)
    summary, pairs_out = [], []
    cited: dict[int, tuple] = {}  # id(claim) -> its cells in the disagreements table (records live till the end)
    for key in sorted(groups, key=lambda k: (compare_family(k[0]), k)):
        g = groups[key]
        meas = [c for c in g if c.qualifier != "target"]
        row, rows = compare_group(key, group_meta(g, by), _parts_in_memory(meas, key, undated, dated), meas,
                                  wholes.get((key[0], key[1], key[3]), {}), additive, by, max_pairs, undated, dated,
                                  cited)
        summary.append(row)
        pairs_out += rows
    out = pd.DataFrame(summary, columns=COMPARE_COLUMNS)
    return out.reset_index(drop=True), pd.DataFrame(pairs_out, columns=DISAGREEMENT_COLUMNS)


#: The fields of a claim as the comparison reads it (:func:`claim_records`).
CLAIM_FIELDS = ["metric", "parties", "period", "unit", "value", "qualifier", "low", "high", "doc_id", "outlet",
                "speaker", "line_no", "surface", "sentence", "lo", "hi", "published"]
Claim = namedtuple("Claim", CLAIM_FIELDS)
_CLAIM_TEXT = {"metric", "parties", "period", "unit", "doc_id", "outlet", "speaker", "surface", "sentence",
               "qualifier", "published"}


def claim_records(claims: pd.DataFrame, text: bool = True) -> list:
    """The rows of a prepared claims table (:func:`_prepare_claims`) as :class:`Claim` records, text cells as
    strings ("" when missing). ``text`` false: ``sentence`` is left as it is (a store's comparison keeps there the
    number of the claim, and reads the sentences of the pairs it lists only)."""
    texts = _CLAIM_TEXT if text else _CLAIM_TEXT - {"sentence"}
    columns = [[v if isinstance(v, str) else "" if v is None or v != v else str(v) for v in claims[c].tolist()]
               if c in texts else claims[c].tolist() for c in CLAIM_FIELDS]
    return [Claim(*r) for r in zip(*columns, strict=True)]


def additive_metrics() -> set[str]:
    """The metrics ``metrics.csv`` calls additive (a part of a period may not exceed the whole)."""
    metrics = _table(None, "metrics.csv", ["metric"])
    return set(metrics.loc[metrics.get("additive", pd.Series(dtype=str)).str.lower() == "true", "metric"])


def _wholes(records: list, additive: set[str]) -> dict[tuple, dict]:
    """The wholes of the part-whole check: measurements of additive metrics with a stated period, by
    (metric, parties, unit), then period: (their ``hi`` sorted, the claims in that order, each article's ``hi``)."""
    by_key: dict[tuple, dict] = {}
    for c in records:
        if c.qualifier != "target" and c.metric in additive and c.period and not _unresolved(c.period):
            by_key.setdefault((c.metric, c.parties, c.unit), {}).setdefault(c.period, []).append(c)
    return {key: {per: Whole(sorted(rows, key=lambda w: w.hi)) for per, rows in periods.items()}
            for key, periods in by_key.items()}


class Whole:
    """The measurements of one period of an additive metric (of some parties, in some unit), sorted by ``hi``: what
    the part-whole check of :func:`compare_group` reads of them (a store's comparison gives the same answers from
    compact columns, :class:`kzru_lib.store._StoreWhole`)."""

    def __init__(self, rows: list):
        self.rows = rows
        self.his = [w.hi for w in rows]
        self.own = _his_by_doc(rows)

    def below(self, x: float) -> int:
        """How many of its claims end below ``x`` (``hi < x``)."""
        return bisect.bisect_left(self.his, x)

    def own_below(self, doc: str, x: float) -> int:
        """How many claims of article ``doc`` end below ``x``."""
        own = self.own.get(doc)
        return bisect.bisect_left(own, x) if own else 0

    def listed(self, lo: int, hi: int, doc: str, room: int | None) -> list:
        """Its claims ``lo`` to ``hi`` (in ``hi`` order) of articles other than ``doc``: the first ``room`` of them."""
        out = []
        for w in self.rows[lo:hi]:
            if room is not None and len(out) >= room:
                break
            if w.doc_id != doc:
                out.append(w)
        return out

    def last(self):
        """The claim that ends highest (None when none)."""
        return self.rows[-1] if self.rows else None


@dataclass(frozen=True)
class GroupMeta:
    """What a group's row of the comparison table says of all its claims (:func:`group_meta`; a store counts it in
    DuckDB for a group too large to hold): counts, its measurements' range, the first items of its list cells."""

    n_claims: int
    n_sources: int  #: articles
    meas_docs: int  #: articles of its measurements (targets aside)
    min_value: float
    max_value: float
    values: list[str]  #: the first :data:`LIST_ITEMS` claims as the ``values`` cell names them
    sources: list[str]  #: the first :data:`LIST_ITEMS` sources, sorted
    n_src: int
    speakers: list[str]  #: the first :data:`LIST_ITEMS` speakers, sorted
    n_speakers: int
    targets: list[str]  #: the first four targets, "surface (source)"
    n_targets: int
    spans: dict[int, int]  #: publication spans (4: years, 7: months, 10: days) -> how many its measurements have
    undated_meas: bool  #: a measurement of an article with no publication date


def _src(c, by: str) -> str:
    return (c.outlet or c.doc_id) if by == "outlet" else c.doc_id


def value_item(c, by: str) -> str:
    """A claim as the ``values`` cell names it."""
    return f"{c.surface} [{c.qualifier}] ({_src(c, by)}{': ' + c.speaker if c.speaker else ''})"


def target_item(c, by: str) -> str:
    """A target as the ``targets`` cell names it."""
    return f"{c.surface} ({_src(c, by)})"


def group_meta(g: list, by: str) -> GroupMeta:
    """:class:`GroupMeta` of the claims of one group, in the group's order."""
    meas = [c for c in g if c.qualifier != "target"]
    targ = [c for c in g if c.qualifier == "target"]
    values = [c.value for c in meas]
    sources = sorted({_src(c, by) for c in g})
    speakers = sorted({c.speaker for c in g if c.speaker})
    return GroupMeta(len(g), len({c.doc_id for c in g}), len({c.doc_id for c in meas}),
                     min(values) if values else math.nan, max(values) if values else math.nan,
                     [value_item(c, by) for c in g[:LIST_ITEMS]], sources[:LIST_ITEMS], len(sources),
                     speakers[:LIST_ITEMS], len(speakers), [target_item(c, by) for c in targ[:4]], len(targ),
                     {n: len({c.published[:n] for c in meas}) for n in (4, 7, 10)},
                     any(not c.published for c in meas))


def _cap_n(head: list[str], n: int, k: int = LIST_ITEMS, sep: str = "; ") -> str:
    """:func:`_cap` of ``n`` items of which ``head`` are the first (at least ``k`` of them when there are)."""
    return sep.join(head[:k]) + (f"{sep}(+{n - k} more)" if n > k else "")


def as_of_span(metric: str) -> int:
    """How much of the publication date a claim with no period stated is of (:data:`_AS_OF_SPAN`)."""
    return _AS_OF_SPAN.get(metric.split(" ", 1)[0], 4)


def _parts_in_memory(meas: list, key: tuple, undated: str, dated: bool):
    """The parts of a group held in memory (see :func:`compare_group`)."""
    metric, _parties, period, _unit = key
    return lambda per_doc, span: (_per_doc(meas) if per_doc
                                  else _as_of(meas, period, undated, dated, span, _is_vote(metric)))


def compared_whole(key: tuple, undated: str, dated: bool) -> bool:
    """Whether a group's claims may all be set against each other (its period stated, or ``undated="all"``, or no
    publication dates): else the comparison reads it part by part, each article's claims or each publication
    span's, and a store need not hold it whole."""
    metric, _parties, period, _unit = key
    return (undated == "all" or not dated or (period and not _unresolved(period))
            or (_is_vote(metric) and bool(_YEARLESS_DAY.fullmatch(period))))


def is_flow_unstated(key: tuple, undated: str, dated: bool, additive: set[str]) -> bool:
    """A flow, a growth, a count or a volume with no period of its own, in a table with publication dates: each
    article's claims are compared with no other article's (see :func:`compare_figures`)."""
    metric, _parties, period, unit = key
    # a flow or its growth with no period of its own ("trade reached $44 billion") is over an unknown
    # span (a year? some months?), and a count runs on ("over 20 thousand applications", "over 28 thousand"
    # a month later): compared with none, unlike a stock of money or goods, which is as of its article's year
    # (a table without publication dates is of one unknown time, as :func:`_as_of` says)
    # (a volume of goods moved or gathered runs on as a count does: "уже намолочено 15,5 млн тонн зерна" in September,
    # "25.9 mln tons" in October, of one harvest)
    # (a share is of flows over a span too: "accounts for 18.5 percent")
    # (a change of a stock is over a span too: "increasing its holdings by 7 tons" in some month)
    base = metric.split(" ", 1)[0]
    return not period and undated == "same_year" and dated and (
        base in additive or base in _GOODS_VOLUMES or base.endswith(("_growth", "_balance")) or unit == "count"
        or base in ("trade_share", "share") or metric.endswith(_CHANGE_SUFFIX))


def compare_group(key: tuple, meta: GroupMeta, parts, meas: list, wholes, additive: set[str], by: str,
                  max_pairs: int | None, undated: str, dated: bool, cited: dict | None, short=None) -> tuple[dict, list]:
    """One group (metric, parties, period, unit) of the comparison: its row of the comparison table and its rows of
    the disagreements table.

    ``meta``: :func:`group_meta` of its claims; ``parts(per_doc, span)``: its measurements that may disagree with
    each other, part by part (each article's apart when ``per_doc``; else as :func:`_as_of` splits them by the
    ``span`` of the publication date); ``meas``: its measurements (read only for the part-whole check of a stated
    period); ``wholes``: period -> :class:`Whole` of its metric, parties and unit (:func:`_wholes`); ``cited``: a
    cache of the cells of the claims cited (by ``id``: the records must live as long; None: none); ``short``: how a
    claim's sentence is cited (default :func:`_short`)."""

    metric, parties, period, unit = key
    why: list[str] = []
    pairs, n_conf, several = [], 0, {}
    pairs_out = []
    flow = is_flow_unstated(key, undated, dated, additive)
    # who a figure is about is not known (no place in its sentence or article): two such claims are
    # most likely of two subjects ("a $2 million gain" of one company, "about $3.1 million" paid for
    # another), so each article's claims are compared with no other's
    # (not an earthquake's magnitude or depth, which no place's figures are: of the month's earthquake, :func:`_quake_metric`)
    nobody = not parties and meta.meas_docs > 1 and metric.split(" (")[0] not in _QUAKE_METRICS \
        and not _CURRENCY_PAIR.fullmatch(unit)  # (nor an exchange rate: its unit names its currencies)
    if nobody:
        why.append("parties not known (no place named): claims of different articles not compared")
    span = as_of_span(metric)
    for part in parts(flow or nobody, span):
        p, n, d = _conflicts(part, None if max_pairs is None else max_pairs - len(pairs))
        pairs += p
        n_conf += n
        # an article giving several values (an article's claims are in one part, or each in its own): the first two
        # articles are named
        for doc, gd in d.items():
            if len({c.value for c in gd}) > 1:
                several[doc] = gd
            else:
                several.pop(doc, None)
        if len(several) > 2:
            several = {doc: several[doc] for doc in sorted(several)[:2]}
    if not period and undated == "same_year" and meta.spans[span] > 1:
        why.append("period not stated: claims compared only with claims published the same "
                   + {7: "month (a rate that moves within a year)", 10: "day (a rate that moves daily)"}.get(span, "year")
                   + (" (claims of undated articles with none)" if dated and meta.undated_meas else ""))
    elif period and _unresolved(period) and undated == "same_year" and meta.meas_docs > 1 \
            and not (_is_vote(metric) and _YEARLESS_DAY.fullmatch(period)):
        why.append(f"period {period} has no year (a relative date in an undated article): claims not compared")
    for a, b in pairs:
        pairs_out.append(_pair_row(key, a, b, _NO_OVERLAP, cited, short))
        if len(why) < 3:
            why.append(f"{_src(a, by)} says {a.surface} {_interval(a)} but {_src(b, by)} says {b.surface} "
                       f"{_interval(b)}: the intervals do not overlap")
    if n_conf > 3:
        why.append(f"(+{n_conf - 3} more conflicting pairs: see the disagreements table)")
    for _d, gd in sorted(several.items()):
        total = _fmt(float(sum(c.value for c in gd)), unit)
        why.append(f"{_src(gd[0], by)} gives several values ({_cap([c.surface for c in gd], 4, ', ')}, "
                   f"together {total}): perhaps parts counted separately")
    exceeds = False
    if metric in additive and period and not _unresolved(period):
        listed = 0
        for wperiod in wholes:
            if not _contains(wperiod, period):
                continue
            whole = wholes[wperiod]
            for p in meas:
                # wholes with hi < p.lo: the part exceeds them (not those SCALE_GAP below it);
                # a whole of the part's own article is not another source (as in _conflicts)
                gap = unit != "percent" and p.lo > 0
                k = whole.below(p.lo)
                near = whole.below(p.lo / SCALE_GAP) if gap else 0
                ranked = (near, k)
                k -= near + whole.own_below(p.doc_id, p.lo) - (whole.own_below(p.doc_id, p.lo / SCALE_GAP) if gap else 0)
                if k:
                    exceeds = True
                n_conf += k
                for w in whole.listed(*ranked, p.doc_id, None if max_pairs is None else max(0, max_pairs - listed)):
                    listed += 1
                    if len(why) < 6:
                        why.append(f"{_src(p, by)} says {p.surface} for {period}, more than {_src(w, by)}'s "
                                   f"{w.surface} for the whole of {w.period}: the part exceeds the whole")
                    pairs_out.append(_pair_row(key, p, w, f"the part ({period}) exceeds the whole ({w.period})", cited,
                                               short))
                if not k and len(why) < 6 and (w := whole.last()) is not None:
                    why.append(f"{period} is part of {w.period}: {p.surface} ({_src(p, by)}) is within "
                               f"{w.surface} ({_src(w, by)}), consistent")
    if meta.n_targets:
        why.append("targets are goals, not measurements: " + _cap_n(meta.targets, meta.n_targets, 4, ", ")
                   + " left out of the range")
    row = {
        "metric": metric, "parties": parties, "period": period, "unit": unit, "n_claims": meta.n_claims,
        "n_sources": meta.n_sources, "min_value": meta.min_value, "max_value": meta.max_value,
        "values": _cap_n(meta.values, meta.n_claims), "sources": _cap_n(meta.sources, meta.n_src),
        "speakers": _cap_n(meta.speakers, meta.n_speakers), "targets": _cap_n(meta.targets, meta.n_targets, 4),
        "n_conflicts": n_conf, "disagreement": bool(n_conf) or exceeds, "why": "; ".join(why[:8]),
    }
    return row, pairs_out


#: Default ``tolerance`` of the comparison (a share of the value by which claims may differ and still
#: agree), on top of hedges and the precision each figure is stated to: none. The stated precision
#: covers rounding ("24.1 billion" is 24.05 to 24.15 billion, so 24.1 and 24.2 billion agree: their
#: intervals touch), and a reader sees "$39 billion" against "$38.4 billion", "$757 million" against
#: "$759 million" or "19.7 million" against 19,765,004 as different figures. Measured on the 706 compare
#: pages of ``devsets_news/compare`` (session 22): 0.1 % (the default until then) hid 9 such gold
#: disagreements and kept one reading the gold calls consistent (2.7 against 2.76 million tonnes, a
#: figure cut rather than rounded); 0.5 % also hid "17.4 thousand" against 17,293.
TOLERANCE = 0.0
#: Intervals are widened by this share of their value whatever the tolerance, so that two intervals
#: that touch (24.05-24.15 and 24.15-24.25) overlap despite floating-point error.
_TOUCH = 1e-9


def compare_figures(
    figures: pd.DataFrame,
    *,
    rates: pd.DataFrame | None = None,
    to_unit: str = "USD",
    by: Literal["doc_id", "outlet"] = "doc_id",
    tolerance: float = TOLERANCE,
    max_pairs: int | None = 1000,
    undated: Literal["same_year", "all"] = "same_year",
) -> pd.DataFrame:
    """Set the claims of different articles side by side, by metric, parties, period and unit.

    Args:
        figures: the table of :func:`extract_figures` (add ``outlet`` with ``with_docvars`` to
            name sources by outlet), or a claims table (:func:`figure_claims`).
        rates: an explicit exchange-rate table (``unit``, ``rate``: how many ``to_unit`` one unit
            is worth, e.g. ``RUB, 0.011``). Without it, currencies are never converted and each
            currency is its own group.
        to_unit: the currency ``rates`` converts to.
        by: how sources are named in ``sources``.
        tolerance: share of a value by which two claims may differ and still agree (default
            :data:`TOLERANCE` = 0: the hedge and the stated precision alone), added to them.
        max_pairs: most conflicting pairs listed per group (the count ``n_conflicts`` is exact);
            ``None`` lists all.
        undated: claims whose period is not stated: ``"same_year"`` (default) compares them only
            with claims of articles published the same year (the same month for inflation, a
            policy rate, unemployment and a turnout, the same day for an exchange rate), and claims whose time is unknown
            (undated article, or "last year" with no year to count from) with none; ``"all"``
            compares them all.

    Returns:
        A DataFrame, one row per (``metric``, ``parties``, ``period``, ``unit``), sorted by
        those columns: ``n_claims`` (claims, each article once per value), ``n_sources``
        (articles), ``min_value``, ``max_value`` (over measurements; targets excluded),
        ``values`` (each claim as "surface [qualifier] (source: speaker)"), ``sources``,
        ``speakers``, ``targets`` (goals stated, not measurements), ``n_conflicts`` (pairs of
        claims of different articles that disagree), ``disagreement`` (bool) and ``why`` (a
        few sentences: which sources disagree; a part of a period that exceeds the whole;
        several values from one article; targets left out). List cells name at most
        :data:`LIST_ITEMS` items, then "(+N more)": no cell grows with the corpus. Each
        disagreeing pair, with its lines and sentences, is a row of :func:`figure_disagreements`.

    Note:
        Each claim is an interval: its hedge (``low``-``high``: "over 80 %" is 80 % or more)
        widened by half its last stated digit ("24.1 billion" stands for 24.05-24.15 billion)
        and by ``tolerance``. Two measurements of different articles disagree when their
        intervals do not overlap, so "over 80 %" agrees with "80 %", and 24.1 with 24.2 billion. A
        growth the text says is a fall ("fell 3.4%", "снизился на 3,4%") is compared as negative.
        Claims are grouped by key and sorted by interval, so the time is near-linear in the
        number of claims. A period inside another ("2023-01/2023-08" in "2023") is checked for
        additive metrics (``additive`` in ``metrics.csv``): the part may not exceed the whole.
        An empty period or parties means "not stated". A figure whose period is not stated
        speaks of the time of its article: such claims are compared only with claims of articles
        published the same year (when ``figures`` has a ``published`` column, e.g. from
        :func:`kzru_lib.segment.with_docvars`), so "turnover reached $23 billion" in 2019 and
        "$28 billion" in 2023 are a change over time, not a disagreement (inflation, a policy rate
        and unemployment are compared within the month, an exchange rate within the day). Such a claim of an
        article with no publication date, and a claim whose period is relative with no year to
        count from (``XXXX``: "last year" in an undated article), is of an unknown time and is
        compared with none (``undated="all"`` compares them too). In a table with publication
        dates, a flow, a growth or a count with no period of its own is compared with none: a
        flow's span is unknown (a year? some months?), and a count or a volume runs on ("over 20 thousand
        applications so far" and "over 28 thousand" in one year's articles are two days of it, as
        "1.6 million tonnes of grain threshed" and "25.9 million tonnes" are of one harvest).

    Example:
        >>> compare_figures(extract_figures(load_corpus("seeds")))   # doctest: +SKIP
    """
    return _compare(figures, rates, to_unit, by, tolerance, summary_pairs(max_pairs), undated)[0]


#: Conflicting pairs a group's ``why`` can cite: listing more changes only the disagreements table.
WHY_PAIRS = 8


def summary_pairs(max_pairs: int | None) -> int:
    """The ``max_pairs`` that gives the same comparison table as ``max_pairs`` without listing pairs
    nobody reads (``n_conflicts`` is counted, not listed)."""
    return WHY_PAIRS if max_pairs is None else min(max_pairs, WHY_PAIRS)


def figure_disagreements(
    figures: pd.DataFrame,
    *,
    rates: pd.DataFrame | None = None,
    to_unit: str = "USD",
    tolerance: float = TOLERANCE,
    max_pairs: int | None = 1000,
    undated: Literal["same_year", "all"] = "same_year",
) -> pd.DataFrame:
    """The tidy table of disagreements: one row per conflicting pair of claims.

    Args:
        figures, rates, to_unit, tolerance, max_pairs, undated: as :func:`compare_figures`.

    Returns:
        A DataFrame with columns ``metric``, ``parties``, ``period``, ``unit`` (the group);
        ``claim_a``, ``claim_b`` (each claim as ``doc_id:line_no``); ``value_a``, ``value_b``;
        ``basis_a``, ``basis_b`` (how the claim was read: surface, qualifier, interval,
        speaker); ``sentence_a``, ``sentence_b`` (the sentence, cut to
        :data:`SENTENCE_CHARS` characters); ``why`` (short). Claim ``a`` is the lower one.

    Example:
        >>> figure_disagreements(extract_figures(load_corpus("seeds")))   # doctest: +SKIP
    """
    return _compare(figures, rates, to_unit, "doc_id", tolerance, max_pairs, undated)[1]
