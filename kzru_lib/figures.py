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
- ``attribution.csv``: speech verbs, interview markers, pronouns, demonyms and roles.
- ``actors.csv`` (shared with the timeline): the people a speaker can be.

Example:
    >>> from kzru_lib.figures import find_figures
    >>> find_figures("Trade reached nearly $30 billion in 2024.")[["surface", "value", "qualifier", "period"]]
                  surface         value qualifier period
    0  nearly $30 billion  3.000000e+10    nearly   2024
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import KzruError
from .parallel import default_workers, map_batches, scheduler_address

__all__ = [
    "FIGURE_COLUMNS",
    "COMPARE_COLUMNS",
    "figure_rules",
    "find_figures",
    "extract_figures",
    "figure_claims",
    "compare_figures",
]

#: Columns of the figures table, in order (see :func:`find_figures`).
FIGURE_COLUMNS = [
    "doc_id", "line_no", "sent_no", "start", "end", "surface", "value", "unit", "kind",
    "qualifier", "low", "high", "metric", "noun", "period", "period_surface", "speaker",
    "speaker_basis", "sentence",
]
#: Columns of the comparison table (see :func:`compare_figures`).
COMPARE_COLUMNS = [
    "metric", "period", "unit", "n_claims", "n_sources", "min_value", "max_value", "values",
    "sources", "speakers", "targets", "disagreement", "why",
]

_DATA = Path(__file__).parent / "data"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.I)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Words that end a counted noun phrase ("93 projects HAVE been ...").
_STOP = frozenset(
    "a an the of in on at to from with by for and or but as is are was were be been being has have "
    "had will would can could may might should must that which who whom whose this these those it "
    "its their our his her they we he she than then so such per into over under about across between "
    "through during since until each every all both".split()
)
_DETERMINERS = re.compile(r"\b(?:the|these|those|both|its|their|our|his|her|all|my|your|whose|of)\s*$", re.I)
_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|with)\b|\s+(?:while|whereas)\s+")
#: How far after a money/percent figure (characters) a metric keyword may stand ("$5bn in trade").
_AFTER_WINDOW = 40
#: How far after a figure (characters) a goal year may start to be its period ("$30 billion by 2030").
_TARGET_WINDOW = 25
_PREP_YEAR = re.compile(r"\b(?:in|by|since|from|to|until|till|of|for|during|between|and|or|before|after)\s*$", re.I)


# --------------------------------------------------------------------------------------------
# Rule tables
# --------------------------------------------------------------------------------------------


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


def _alt(phrases) -> str:
    items = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(_phrase_re(p) for p in items) or r"(?!x)x"


def _words_alt(phrases) -> str:
    """Alternation with a word boundary before each alphanumeric phrase."""
    parts = []
    for p in sorted({p for p in phrases if p}, key=lambda p: (-len(p), p)):
        parts.append((r"\b" if p[0].isalnum() else "") + _phrase_re(p))
    return "|".join(parts) or r"(?!x)x"


@dataclass(frozen=True)
class FigureRules:
    """Compiled rule tables (built by :func:`figure_rules`; pass one to reuse it)."""

    token: re.Pattern
    units: dict
    scales: dict
    words: dict
    scale_only_words: frozenset
    not_count: frozenset
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    hedges: dict
    change_verb: re.Pattern
    to_verb: re.Pattern
    intent: re.Pattern
    metrics: tuple
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


def figure_rules(
    *,
    metrics: str | Path | pd.DataFrame | None = None,
    hedges: str | Path | pd.DataFrame | None = None,
    units: str | Path | pd.DataFrame | None = None,
    number_words: str | Path | pd.DataFrame | None = None,
    attribution: str | Path | pd.DataFrame | None = None,
    actors: str | Path | pd.DataFrame | None = None,
) -> FigureRules:
    """Compile the rule tables of the figures stage.

    Args:
        metrics: metric table (``metric, kind, keywords, also, priority, additive``); keywords
            are ``;``-separated word beginnings ("invest" matches "investments").
        hedges: hedge table (``phrase, qualifier, position, low_factor, high_factor``); position is
            ``before``/``after`` the number, ``change_verb``/``intent_cue`` for targets, or
            ``from_verb`` (a verb before "from X to Y" that makes it a change, not a range).
            A trailing ``*`` marks a word beginning ("increas*").
        units: unit table (``surface, unit, kind, position, factor``): currencies, percent words,
            scale words, and ``not_count`` nouns that never make a count ("years", "times").
        number_words: number words (``words, value``, optional ``needs_scale``: ``true`` when the
            word counts only before a scale word, as "one" in "one million").
        attribution: speech verbs, interview markers, pronouns, demonyms, roles (``kind, phrase, value``).
        actors: the actor gazetteer (``name, kind, country, aliases``); only ``kind == person`` is used.

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

    money_units = u[u["kind"].isin(["money", "percent"])]
    before = money_units[money_units["position"].isin(["before", "both"])]["surface"]
    after = money_units[money_units["position"].isin(["after", "both"])]["surface"]
    scales = u[u["kind"] == "scale"]
    attached = scales[scales["position"] == "attached"]["surface"]
    spaced = scales[scales["position"] != "attached"]["surface"]
    try:
        words = {r.words.lower(): float(r.value) for r in w.itertuples()}
        scale_f = {r.surface.lower(): float(r.factor) for r in scales.itertuples()}
        for col in ("low_factor", "high_factor"):
            h[col].astype(float)
    except ValueError as exc:
        raise KzruError(f"a rule table has a non-numeric value or factor: {exc}") from exc
    unit_map = {r.surface.lower(): (r.unit, r.kind) for r in money_units.itertuples()}
    # The token: [currency] number|words [- number] [scale] [currency/percent word]
    cur_b = _words_alt(before)
    token = re.compile(
        rf"(?:(?P<cur>{cur_b})\s?)?"
        rf"(?:(?P<num>{_NUM})|(?P<word>\b(?:{_alt(words)})))"
        rf"(?:\s?(?P<dash>[-–—])\s?(?:{cur_b})?\s?(?P<num2>{_NUM}))?"
        rf"(?:(?P<att>{_alt(attached)})(?![A-Za-z])|\s?(?P<scale>{_alt(spaced)})(?![A-Za-z]))?"
        rf"(?:\s?(?P<unit>{_alt(after)})(?![A-Za-z]))?",
        re.I,
    )
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
        kw_re = re.compile(r"\b(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kws) + r")\w*", re.I)
        also_re = (re.compile(r"\b(?:" + "|".join(re.escape(k) for k in also) + r")\w*", re.I) if also else None)
        try:
            prio = float(r.priority or 9)
        except ValueError as exc:
            raise KzruError(f"metrics table: priority of {r.metric!r} is not a number") from exc
        mrows.append((r.metric, r.kind, kw_re, also_re, prio))
    count_kw = tuple((kw, mr) for mr in mrows if mr[1] in ("count", "any") for kw in [mr[2]])
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
    nominal = re.compile(
        rf"\b(?:the\s+)?(?:(?P<dem>{_alt(demonyms)})\s+)?(?P<role>{_alt(by_kind.get('role', []))})",
        re.I,
    )
    return FigureRules(
        token=token,
        units=unit_map,
        scales=scale_f,
        words=words,
        scale_only_words=frozenset(r.words.lower() for r in w.itertuples()
                                   if getattr(r, "needs_scale", "").strip().lower() == "true"),
        not_count=frozenset(s.lower() for s in u[u["kind"] == "not_count"]["surface"]),
        hedge_before=re.compile(rf"(?:^|(?<=[\s(]))(?P<h>{_alt(hb['phrase'])})\s*$", re.I),
        hedge_after=re.compile(rf"\s*(?P<h>{_alt(ha['phrase'])})", re.I),
        hedges=hedge_map,
        change_verb=re.compile(rf"\b(?:{_alt(cv)})\b[^.;:]{{0,60}}?\bto\s*$", re.I),
        to_verb=re.compile(rf"\bto\s+(?:{_alt(cv)})\s*$", re.I),
        intent=re.compile(rf"\b(?:{_alt(ic)})", re.I),
        metrics=tuple(mrows),
        count_keywords=count_kw,
        person=person,
        persons=persons,
        speech=_speech_patterns(person, nominal, [p.lower() for p in by_kind.get("pronoun", [])],
                                _alt(by_kind.get("verb", []))),
        interview=re.compile(rf"\b(?:{_alt(by_kind.get('interview', []))})", re.I),
        anaphora=re.compile(rf"\b(?:{_alt(by_kind.get('anaphora', []))})", re.I),
        word_first=frozenset(w for k in words for w in k.split()) - {"a", "an", "and", "of"},
        word_start=re.compile(rf"\b(?:{_alt(words)})", re.I),
        lead=max((len(c) for c in before), default=0) + 1,
        person_first=frozenset(re.split(r"\s+", k)[0] for k in persons),
        lead_chars=frozenset(c[0] for c in before) | frozenset(c[0].lower() for c in before),
        from_verb=re.compile(rf"\b(?:{_alt(h[h['position'] == 'from_verb']['phrase'])})\s+(?:by\s+\S+\s+)?$", re.I),
        pronouns=frozenset(p.lower() for p in by_kind.get("pronoun", [])),
        nominal=nominal,
        demonyms=demonyms,
    )


# --------------------------------------------------------------------------------------------
# Numbers in one sentence
# --------------------------------------------------------------------------------------------


def _to_float(s: str) -> float:
    s = s.replace("\u00a0", "").replace("\u202f", "")
    if re.fullmatch(r"\d+,\d{1,2}", s):
        return float(s.replace(",", "."))
    return float(s.replace(",", ""))


def _noun_after(text: str, pos: int, rules: FigureRules) -> tuple[str, str]:
    """The counted noun phrase after a number: (phrase, head noun), or ("", "")."""
    words = []
    for m in _WORD.finditer(text, pos, min(len(text), pos + 60)):
        gap = text[pos:m.start()] if not words else text[words[-1][1]:m.start()]
        if gap.strip():  # punctuation between words ends the phrase
            break
        w = m.group(0)
        if w.lower() in _STOP:
            break
        words.append((w, m.end()))
        low = w.lower()
        if any(kw.match(low) for kw, _ in rules.count_keywords) or (low.endswith("s") and len(low) > 3):
            phrase = text[pos:m.end()].strip()
            return phrase, low
        if len(words) >= 3:
            break
    return "", ""


_NUM_START = re.compile(r"(?<![\d.,])\d")
_LOWER_WORD = re.compile(r"[a-z]+")


def _has_number(text: str, rules: FigureRules) -> bool:
    """Cheap pre-check: a digit, or a word that can begin a number in words."""
    return bool(_NUM_START.search(text)) or bool(rules.word_first.intersection(_LOWER_WORD.findall(text.lower())))


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
        for q in range(lead, p + 1) if group == "num" else (p,):
            m = rules.token.match(sentence, q)
            if m and m.start(group) == p:
                out.append(m)
                last = m.end()
                break
    return out


def _tokens(sentence: str, rules: FigureRules) -> list[dict]:
    """Raw numeric tokens of a sentence with their unit and scale (no filtering yet)."""
    out = []
    for m in _token_matches(sentence, rules):
        s, e = m.start(), m.end()
        prev = sentence[s - 1] if s else " "
        prev2 = sentence[s - 2] if s > 1 else " "
        if prev.isalnum() or prev in "_#+" or (prev in "-/:.№" and prev2.isalnum()):
            continue
        nxt = sentence[e] if e < len(sentence) else " "
        nxt2 = sentence[e + 1] if e + 1 < len(sentence) else " "
        if nxt.isalnum() or (nxt in "-/:.," and nxt2.isdigit()) or (nxt == "-" and nxt2.isalpha()):
            continue
        cur = (m.group("cur") or "").lower()
        unit_word = (m.group("unit") or "").lower()
        unit, kind = "", ""
        for key in (unit_word, cur):
            if key and key in rules.units:
                unit, kind = rules.units[key]
        if not unit and (m.group("unit") or "").startswith("%"):
            unit, kind = rules.units.get("%", ("percent", "percent"))
        scale_word = (m.group("att") or m.group("scale") or "").lower()
        scale = rules.scales.get(scale_word, 1.0) if scale_word else 1.0
        if m.group("word"):
            base = rules.words.get(re.sub(r"\s+", " ", m.group("word").lower()))
            if base is None:
                continue
        else:
            base = _to_float(m.group("num"))
        high = None
        if m.group("num2"):
            hi = _to_float(m.group("num2"))
            if hi <= base or re.fullmatch(r"(?:19|20)\d\d", m.group("num") or ""):
                continue  # "2024-11": a date, not a range
            high = hi * scale
        out.append({
            "start": s, "end": e, "value": base * scale, "high": high, "unit": unit, "kind": kind,
            "scaled": bool(scale_word), "word": bool(m.group("word")), "has_cur": bool(cur),
            "raw": m.group("num") or m.group("word"), "word_text": (m.group("word") or "").lower(),
        })
    return out


def _merge_ranges(sentence: str, toks: list[dict], rules: FigureRules) -> list[dict]:
    """Join "between X and Y", "from X to Y", "X to Y" into one range token."""
    out: list[dict] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 1 < len(toks):
            u = toks[i + 1]
            gap = sentence[t["end"]:u["start"]]
            before = sentence[:t["start"]]
            joiner = re.fullmatch(r"\s*(and|to|-|–|—)\s*", gap, re.I)
            ok = False
            prefix_start = t["start"]
            if joiner and t["high"] is None and u["high"] is None:
                j = joiner.group(1).lower()
                pm = re.search(r"\b(between|from)\s+$", before, re.I)
                if j == "and" and pm and pm.group(1).lower() == "between":
                    ok, prefix_start = True, pm.start()
                elif j == "to" and pm and pm.group(1).lower() == "from":
                    # "rose from $25bn to $28bn" is a change, not a range
                    ok = not rules.from_verb.search(before, max(0, pm.start() - 40), pm.start())
                    prefix_start = pm.start()
                elif j in ("to", "-", "–", "—") and not t["unit"] and not t["scaled"]:
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
        out.append(t)
        i += 1
    return out


def _hedge(sentence: str, f: dict, rules: FigureRules) -> tuple[str, float, float, int, int]:
    """(qualifier, low factor, high factor, new start, new end) from the words around a figure."""
    m = rules.hedge_before.search(sentence, max(0, f["start"] - 40), f["start"])
    if m and m.end() <= f["start"] and not sentence[m.end():f["start"]].strip():
        q, lo, hi = rules.hedges[re.sub(r"\s+", " ", m.group("h").lower())]
        return q, lo, hi, (m.start("h") if q != "target" else f["start"]), f["end"]
    m = rules.hedge_after.match(sentence, f["end"])
    if not m and f.get("phrase_end"):  # "100 projects or more"
        m = rules.hedge_after.match(sentence, f["phrase_end"])
    if m:
        q, lo, hi = rules.hedges[re.sub(r"\s+", " ", m.group("h").lower())]
        return q, lo, hi, f["start"], (m.end("h") if q != "target" else f["end"])
    return "none", 1.0, 1.0, f["start"], f["end"]


def _is_target(sentence: str, start: int, end: int, clause: tuple[int, int], rules: FigureRules) -> bool:
    """A change verb + "to" right before the figure, and an intent cue in the same sentence."""
    before = sentence[clause[0]:start]
    if not (rules.change_verb.search(before) or rules.to_verb.search(before)):
        return False
    return bool(rules.intent.search(sentence[:start]) or rules.intent.search(sentence[end:clause[1]]))


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a] or [(0, len(sentence))]


def _clause_of(clauses, pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1]


def _metric(kind: str, noun: str, phrase: str, pos: int, scopes: list[tuple[str, int]], rules: FigureRules) -> str:
    """The metric: a count's noun first; else keywords in clause, sentence, earlier sentences."""
    if kind == "count":
        for mr in rules.metrics:
            if mr[1] in ("count", "any") and mr[2].search(phrase):
                return mr[0]
        return noun
    for text, where in scopes:
        best = None
        for metric, mkind, kw, also, prio in rules.metrics:
            if mkind not in (kind, "any"):
                continue
            if also is not None and not also.search(text):
                continue
            for hit in kw.finditer(text):
                if where >= 0 and hit.start() > where + _AFTER_WINDOW:
                    continue  # a keyword far after the figure belongs to another figure
                dist = abs(hit.start() - where) if where >= 0 else 0
                key = (prio, dist)
                if best is None or key < best[0]:
                    best = (key, metric)
        if best:
            return best[1]
    return ""


def _figures_in_sentence(sentence: str, rules: FigureRules, date_spans: list[tuple[int, int]]) -> list[dict]:
    """Candidate figures of one sentence: value, unit, kind, qualifier, interval, noun."""
    toks = _merge_ranges(sentence, _tokens(sentence, rules), rules)
    out = []
    for idx, t in enumerate(toks):
        s, e = t["start"], t["end"]
        if any(a < e and s < b for a, b in date_spans) and not t["kind"]:
            continue
        if _MONTH_BEFORE.search(sentence, max(0, s - 12), s) or _MONTH_AFTER.match(sentence[e:e + 12]):
            if not t["kind"]:
                continue
        kind, unit = t["kind"], t["unit"]
        noun = phrase = ""
        if not kind:
            phrase, noun = _noun_after(sentence, e, rules)
            if not noun:
                # "76 out of 89 regions": borrow the noun of the next count
                m = re.match(r"\s+(?:out\s+of|of)\s+(?:the\s+)?", sentence[e:])
                if m and idx + 1 < len(toks) and toks[idx + 1]["start"] == e + m.end():
                    nxt = toks[idx + 1]
                    phrase, noun = _noun_after(sentence, nxt["end"], rules)
            if not noun or noun in rules.not_count:
                continue
            raw = t["raw"] or ""
            if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and (
                _PREP_YEAR.search(sentence, max(0, s - 12), s) or not any(kw.match(noun) for kw, _ in rules.count_keywords)
            ):
                continue  # a year
            if "." in raw and not t["scaled"]:
                continue  # "6.44 course": decimals count nothing without a scale word
            kind, unit = "count", "count"
        if t["word"]:
            wt = t["word_text"]
            if (wt in rules.scale_only_words and not t["scaled"]) or _DETERMINERS.search(sentence, max(0, s - 8), s):
                continue
        phrase_end = e + len(sentence[e:]) - len(sentence[e:].lstrip()) + len(phrase) if phrase else 0
        out.append({**t, "kind": kind, "unit": unit, "noun": noun, "phrase": phrase, "phrase_end": phrase_end})
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
_CAP_WORD = re.compile(r"\b[A-Z][\w'’-]*")
#: Between a speaker and the speech verb: "(')s"-less auxiliaries ("Putin has also said").
_AUX_GAP = re.compile(r"(?:\s+(?:has|have|had|also|further|then|later|again|once\s+again))*\s+", re.I)


def _person_mentions(doc: str, rules: FigureRules) -> list[_Mention]:
    """Named people in the document, in order (the gazetteer is tried only at likely words)."""
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
        key = re.sub(r"['’]s$", "", m.group(0)).lower()
        key = re.sub(r"\s+", " ", key)
        short, country = rules.persons.get(key, ("", ""))
        if short:
            out.append(_Mention(m.start(), short, country, m.end()))
    return out


def _resolve(who: str, pos: int, mentions: list[_Mention], rules: FigureRules) -> str:
    """A speaker phrase to a short name: a named person, a pronoun, or "the Kazakh president"."""
    w = re.sub(r"['’]s$", "", who.strip()).lower()
    w = re.sub(r"\s+", " ", w)
    if w in rules.persons:
        return rules.persons[w][0]
    if rules.person is not None:
        m = rules.person.search(who)
        if m:
            key = re.sub(r"['’]s$", "", m.group(0)).lower()
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
        "who_before_verb": re.compile(rf"(?P<who>{small}){aux}\s+$", re.I),
        "who_after_verb": re.compile(rf"\s+(?P<who>{small})", re.I),
        "according": re.compile(rf"\baccording\s+to\s+(?P<who>{who})", re.I),
        "tail": re.compile(
            rf"^\s*[,.]?\s*[-–—]?\s*(?:(?:{verbs})\s+(?P<w1>{who})|(?P<w2>{who}){aux}\s+(?:{verbs}))", re.I),
        "head": re.compile(rf"(?P<w>{who}){aux}\s+(?:{verbs})\s*[:,]?\s*$", re.I),
        "verb": re.compile(rf"\b(?:{verbs})", re.I),
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


def _speakers(doc: str, sent_spans: list[tuple[int, int]], rules: FigureRules) -> _Speakers:
    mentions = _person_mentions(doc, rules)
    who_before, who_after = rules.speech["who_before_verb"], rules.speech["who_after_verb"]
    according, tail, head = rules.speech["according"], rules.speech["tail"], rules.speech["head"]
    verb = rules.speech["verb"]
    acc, verbs = [], []
    default = ""
    for s, e in sent_spans:
        sent = doc[s:e]
        if not verb.search(sent) and "ccording" not in sent:
            continue  # cheap pre-check: no speech verb, no "according to"
        m = according.search(sent) if "ccording" in sent else None
        if m:
            who_s = _resolve(m.group("who"), s + m.start(), mentions, rules)
            if who_s:
                acc.append((s, e, who_s))
        for v in verb.finditer(doc, s, e):
            # "Putin (has also) said" / "said Tokayev": the speaker right before or after the verb;
            # named people come from the mentions, pronouns and titles from a small pattern
            found = []
            for x in mentions:
                if s <= x.pos and x.end <= v.start() and _AUX_GAP.fullmatch(doc, x.end, v.start()):
                    found.append((x.pos, x.short))
                elif x.pos > v.end() and not doc[v.end():x.pos].strip() and x.pos < e:
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


def _doc_figures(
    doc_id: str,
    sents: list[tuple[int, int, int, int, str]],
    published: str | None,
    rules: FigureRules,
    find_dates,
) -> list[dict]:
    """Figures of one document from its sentences (line_no, sent_no, start, end, sentence)."""
    if not sents:
        return []
    # the document string: each line's kept sentences placed at their offsets
    lines: dict[int, list] = {}
    for row in sents:
        lines.setdefault(row[0], []).append(row)
    line_base, parts, cursor = {}, [], 0
    for ln in sorted(lines):
        width = max(r[3] for r in lines[ln])
        buf = [" "] * width
        for _, _, a, _b, text in lines[ln]:
            buf[a:a + len(text)] = text
        line_base[ln] = cursor
        parts.append("".join(buf))
        cursor += width + 1
    doc = "\n".join(parts)
    if not _has_number(doc, rules):
        return []
    spans = [(line_base[ln] + a, line_base[ln] + b) for ln, _, a, b, _ in sents]
    sp = None
    out = []
    for k, (ln, sno, a, b, sentence) in enumerate(sents):
        if not _has_number(sentence, rules):
            continue
        cands = _figures_in_sentence(sentence, rules, [])
        if not cands:
            continue
        date_rows = []
        if find_dates is not None:
            date_rows = _date_rows(sentence, published, find_dates[1])
            if date_rows:
                cands = _figures_in_sentence(sentence, rules, [(s, e) for s, e, *_ in date_rows])
                if not cands:
                    continue
        if sp is None:
            sp = _speakers(doc, spans, rules)
        clauses = _clauses(sentence)
        same_line = [x[4] for x in sents[max(0, k - 3):k] if x[0] == ln]
        for f in cands:
            q, lo_f, hi_f, s0, e0 = _hedge(sentence, f, rules)
            clause = _clause_of(clauses, f["start"])
            value = f["value"]
            if f.get("range") or f["high"] is not None:
                q, low, high = "range", value, f["high"]
            else:
                if q == "none" and _is_target(sentence, s0, e0, clause, rules):
                    q = "target"
                low = value * lo_f if lo_f != 0 or value >= 0 else 0.0
                high = math.inf if math.isinf(hi_f) else value * hi_f
            # period: nearest non-publication date in the clause, else in the sentence
            period = period_surface = ""
            # a goal year links only right after the figure ("$30 billion by 2030"), not a road
            # map's "until 2022" elsewhere in the clause
            usable = [d for d in date_rows if d[3] not in ("publication", "target")
                      or (d[3] == "target" and 0 <= d[0] - e0 <= _TARGET_WINDOW)]
            for scope in (clause, (0, len(sentence))):
                inside = [d for d in usable if scope[0] <= d[0] < scope[1]]
                if inside:
                    d = min(inside, key=lambda d: (max(d[0] - e0, s0 - d[1], 0), d[0]))
                    period, period_surface = d[2], d[4]
                    if d[3] == "target" and q == "none":
                        q = "target"
                    break
            scopes = [(sentence[clause[0]:clause[1]], f["start"] - clause[0]), (sentence, f["start"])]
            if rules.anaphora.search(sentence, clause[0], clause[1]):
                scopes += [(t, -1) for t in reversed(same_line)]
            metric = _metric(f["kind"], f["noun"], f["phrase"], f["start"], scopes, rules)
            speaker, basis = _speaker_at(line_base[ln] + a + f["start"], (line_base[ln] + a, line_base[ln] + b), sp)
            out.append({
                "doc_id": doc_id, "line_no": ln, "sent_no": sno, "start": a + s0, "end": a + e0,
                "surface": sentence[s0:e0], "value": value, "unit": f["unit"], "kind": f["kind"],
                "qualifier": q, "low": low, "high": high, "metric": metric, "noun": f["noun"],
                "period": period, "period_surface": period_surface, "speaker": speaker,
                "speaker_basis": basis, "sentence": sentence,
            })
    return out


def _date_rows(text: str, published: str | None, date_rules) -> list[tuple]:
    """Date expressions of ``text`` as (start, end, value, role, surface) tuples (:func:`kzru_lib.dates.find_dates`)."""
    from .dates import find_date_records

    rows = find_date_records(text, published=published, rules=date_rules)
    return [(r["start"], r["end"], r["value"], r["role"], r["surface"]) for r in rows]


def _frame(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    table = table.astype({"line_no": "int64", "sent_no": "int64", "start": "int64", "end": "int64",
                          "value": "float64", "low": "float64", "high": "float64"})
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
) -> pd.DataFrame:
    """Find the figures in one text (a sentence, a line, or a whole article).

    Args:
        text: the text; lines are split on ``\\n`` and numbered from 1, as in a raw file.
        published: its publication date (``YYYY[-MM[-DD]]``), used to anchor year-less periods
            ("From January to August of the current year" -> ``2023-01/2023-08``).
        doc_id: the value of the ``doc_id`` column.
        rules: compiled tables from :func:`figure_rules`; ``None`` uses the bundled ones.
        link_dates: link figures to date expressions (:func:`kzru_lib.dates.find_dates`).

    Returns:
        A DataFrame, one row per figure, sorted by (``doc_id``, ``line_no``, ``start``), columns:
        ``doc_id``; ``line_no`` (1-based line); ``sent_no``; ``start``, ``end`` (offsets in the
        line: ``line[start:end] == surface``); ``surface`` (the figure with its hedge: "nearly $30
        billion"); ``value`` (base units: 28200000000.0 for "$28.2 billion", 10.2 for "10.2%";
        a range's lower bound); ``unit`` (``USD``, ``EUR``, ``RUB``, ``KZT``, ``CNY``, ``GBP``,
        ``percent``, ``percentage_point``, ``count``); ``kind`` (``money``, ``percent``,
        ``count``); ``qualifier`` (``none``, ``approx``, ``nearly``, ``more_than``,
        ``less_than``, ``up_to``, ``target``, ``range``); ``low``, ``high`` (the interval the
        hedge implies, ``inf`` when open; widths in ``hedges.csv``); ``metric`` (from
        ``metrics.csv``; for a count whose noun is in no row, the noun itself; empty when
        unknown); ``noun`` (a count's noun); ``period`` (ISO value of the linked date
        expression, empty if none); ``period_surface``; ``speaker`` (short name - the surname
        for a person - of who states it, empty for plain reporting); ``speaker_basis``
        (``according_to``, ``quote``, ``speech_verb``, ``interview`` or empty); ``sentence``.

    Note:
        Not figures: years, parts of dates, ordinals ("80th"), codes glued to letters
        ("COVID-19", "Su-35"), bare numbers with no unit and no counted noun (widget values,
        phone numbers), and numbers in words after a determiner ("the two countries").
        The speaker is, in order: "according to X" in the sentence; the speaker of a quotation
        the figure is in; a speech verb next to a person ("said Tokayev", "Putin noted"); the
        interviewee when the article is an interview or comments piece; else empty. Pronouns
        and "the Kazakh president" resolve to the most recent named person (of that country).

    Example:
        >>> find_figures('"So far, 93 projects worth $18.3 billion," said Tokayev.')[
        ...     ["surface", "value", "unit", "metric", "speaker"]]
                 surface         value unit                metric  speaker
        0             93  9.300000e+01  count  joint_projects_count  Tokayev
        1  $18.3 billion  1.830000e+10   USD  joint_projects_value  Tokayev
    """
    rules = rules or figure_rules()
    sents = []
    sno = 0
    for ln, line in enumerate(text.split("\n"), start=1):
        for a, b in _split(line):
            sno += 1
            sents.append((ln, sno, a, b, line[a:b]))
    return _frame(_doc_figures(doc_id, sents, published, rules, _date_finder(link_dates)))


def extract_figures(
    corpus: pd.DataFrame,
    *,
    rules: FigureRules | None = None,
    sentences: pd.DataFrame | None = None,
    link_dates: bool = True,
    workers: int | None = None,
) -> pd.DataFrame:
    """Find the figures of every article of a corpus, in its kept sentences.

    Args:
        corpus: the corpus table from :func:`kzru_lib.loading.load_corpus`.
        rules: compiled tables from :func:`figure_rules`; ``None`` uses the bundled ones.
        sentences: the table from :func:`kzru_lib.segment.sentences` if already computed.
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
    if sentences is None:
        from .segment import sentences as _sentences

        sentences = _sentences(corpus)
    published = dict(zip(corpus["doc_id"], corpus["published"], strict=False)) if len(corpus) else {}
    finder = _date_finder(link_dates)
    rows: list[dict] = []
    cols = ["doc_id", "line_no", "sent_no", "start", "end", "sentence"]
    table = sentences[cols].sort_values(["doc_id", "line_no", "start"], kind="stable")
    docs = table["doc_id"].astype(str).tolist()
    # plain Python lists: a pandas group per article costs more than finding its figures
    records = list(zip(table["line_no"].astype(int).tolist(), table["sent_no"].astype(int).tolist(),
                       table["start"].astype(int).tolist(), table["end"].astype(int).tolist(),
                       table["sentence"].astype(str).tolist(), strict=True))
    jobs = []
    i = 0
    while i < len(docs):
        j = i
        while j < len(docs) and docs[j] == docs[i]:
            j += 1
        pub = published.get(docs[i])
        jobs.append((docs[i], records[i:j], pub if isinstance(pub, str) and pub else None))
        i = j
    workers = workers if workers is not None else default_workers(len(jobs))
    if workers <= 1 and not scheduler_address():
        for doc_id, recs, pub in jobs:
            rows.extend(_doc_figures(doc_id, recs, pub, rules, finder))
    elif jobs:
        n_chunks = min(len(jobs), max(workers, 2) * 4)
        shares = (jobs[k * len(jobs) // n_chunks:(k + 1) * len(jobs) // n_chunks] for k in range(n_chunks))
        for part in map_batches(_figures_job, shares, shared=(rules, finder), workers=max(workers, 2)):
            rows.extend(part)
    return _frame(rows)


def _figures_job(rules: FigureRules, finder, share: list[tuple]) -> list[dict]:
    """The figures of one share of the articles (a per-batch function)."""
    out: list[dict] = []
    for doc_id, recs, pub in share:
        out.extend(_doc_figures(doc_id, recs, pub, rules, finder))
    return out


# --------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------


def figure_claims(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: a figure repeated inside one article counts once.

    Args:
        figures: the table of :func:`extract_figures` (with an optional ``outlet`` column).

    Returns:
        A DataFrame with columns ``metric``, ``period``, ``unit``, ``value``, ``qualifier``,
        ``low``, ``high``, ``doc_id``, ``outlet`` (empty if unknown), ``speaker``,
        ``n_mentions`` (how often the article states it), ``line_no``, ``surface`` and
        ``sentence`` of the mention cited (the first one, or the one with the strongest hedge); sorted by (``metric``, ``period``, ``unit``,
        ``value``, ``doc_id``). Figures with no metric are left out.

    Note:
        A table that already is a claims table (has ``n_mentions``) comes back sorted.
        A claim is (article, metric, period, unit, value); hedges of repeated mentions are
        merged to the one that says most ("over $50 billion" and "$50 billion" -> ``more_than``
        if either says it). Mentions must differ by less than 0.5 % to be one claim.

    Example:
        >>> figure_claims(find_figures("Over 170 projects. More than 170 projects."))["n_mentions"].tolist()
        [2]
    """
    if figures.empty:
        return pd.DataFrame(columns=["metric", "period", "unit", "value", "qualifier", "low", "high", "doc_id",
                                     "outlet", "speaker", "n_mentions", "line_no", "surface", "sentence"])
    if "n_mentions" in figures.columns:  # already claims
        return figures.sort_values(["metric", "period", "unit", "value", "doc_id"], kind="stable",
                                   ignore_index=True)
    f = figures[figures["metric"].fillna("") != ""].copy()
    if "outlet" not in f.columns:
        f["outlet"] = ""
    f["outlet"] = f["outlet"].fillna("").astype(str)
    f["period"] = f["period"].fillna("").astype(str)
    f["speaker"] = f["speaker"].fillna("").astype(str)
    f = f.sort_values(["doc_id", "line_no", "start"], kind="stable")
    rank = {"target": 3, "range": 2, "more_than": 1, "less_than": 1, "up_to": 1, "nearly": 1, "approx": 1, "none": 0}
    claims: list[dict] = []
    for r in f.itertuples():
        for c in claims:
            if (c["doc_id"], c["metric"], c["period"], c["unit"]) == (r.doc_id, r.metric, r.period, r.unit) and \
                    abs(c["value"] - r.value) <= 0.005 * max(abs(c["value"]), abs(r.value), 1e-9) and \
                    (c["qualifier"] == "target") == (r.qualifier == "target"):
                c["n_mentions"] += 1
                if rank.get(r.qualifier, 0) > rank.get(c["qualifier"], 0):
                    c.update(qualifier=r.qualifier, low=r.low, high=r.high, line_no=r.line_no,
                             surface=r.surface, sentence=r.sentence)
                if not c["speaker"]:
                    c["speaker"] = r.speaker
                break
        else:
            claims.append({"metric": r.metric, "period": r.period, "unit": r.unit, "value": r.value,
                           "qualifier": r.qualifier, "low": r.low, "high": r.high, "doc_id": r.doc_id,
                           "outlet": r.outlet, "speaker": r.speaker, "n_mentions": 1, "line_no": r.line_no,
                           "surface": r.surface, "sentence": r.sentence})
    out = pd.DataFrame(claims)
    return out.sort_values(["metric", "period", "unit", "value", "doc_id"], kind="stable").reset_index(drop=True)


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
    return f"{v:,.0f} {unit}"


def _interval(c) -> str:
    hi = "inf" if math.isinf(c.high) else _fmt(c.high, c.unit)
    return f"[{_fmt(c.low, c.unit)}, {hi}]"


def compare_figures(
    figures: pd.DataFrame,
    *,
    rates: pd.DataFrame | None = None,
    to_unit: str = "USD",
    by: Literal["doc_id", "outlet"] = "doc_id",
) -> pd.DataFrame:
    """Set the claims of different articles side by side, by metric and period.

    Args:
        figures: the table of :func:`extract_figures` (add ``outlet`` with ``with_docvars`` to
            name sources by outlet).
        rates: an explicit exchange-rate table (``unit``, ``rate``: how many ``to_unit`` one unit
            is worth, e.g. ``RUB, 0.011``). Without it, currencies are never converted and each
            currency is its own group.
        to_unit: the currency ``rates`` converts to.
        by: how sources are named in ``sources``.

    Returns:
        A DataFrame, one row per (``metric``, ``period``, ``unit``), sorted by those columns:
        ``n_claims`` (claims, each article once per value), ``n_sources`` (articles),
        ``min_value``, ``max_value`` (over measurements; targets excluded), ``values`` (each claim
        as "value qualifier (source: speaker)", ``;``-separated), ``sources``, ``speakers``,
        ``targets`` (goals stated, not measurements), ``disagreement`` (bool) and ``why`` (in
        words: which sources disagree beyond their hedge intervals; a part of a period that
        exceeds the whole; several values from one article; targets left out).

    Note:
        Two measurements disagree when their intervals (``low``-``high``) do not overlap and
        they come from different articles. A period inside another ("2023-01/2023-08" in
        "2023") is checked for additive metrics (``additive`` in ``metrics.csv``): the part may
        not exceed the whole. An empty period means "not stated".

    Example:
        >>> compare_figures(extract_figures(load_corpus("seeds")))   # doctest: +SKIP
    """
    claims = figure_claims(figures)
    if rates is not None:
        if not {"unit", "rate"} <= set(rates.columns):
            raise KzruError("rates table: expected columns unit, rate (how many TO_UNIT one unit is worth)")
        rate = {str(u).upper(): float(r) for u, r in zip(rates["unit"], rates["rate"], strict=False)}
        conv = claims["unit"].str.upper().map(rate)
        mask = conv.notna() & (claims["unit"] != to_unit)
        for col in ("value", "low", "high"):
            claims.loc[mask, col] = claims.loc[mask, col] * conv[mask]
        claims.loc[mask, "surface"] = claims.loc[mask, "surface"] + " (converted)"
        claims.loc[mask, "unit"] = to_unit
    metrics = _table(None, "metrics.csv", ["metric"])
    additive = set(metrics.loc[metrics.get("additive", pd.Series(dtype=str)).str.lower() == "true", "metric"])
    rows = []
    if claims.empty:
        return pd.DataFrame(columns=COMPARE_COLUMNS)
    for (metric, period, unit), g in claims.groupby(["metric", "period", "unit"], sort=True):
        g = g.reset_index(drop=True)
        def src(c):
            return ((c.outlet or c.doc_id) if by == "outlet" else c.doc_id)
        meas = g[g["qualifier"] != "target"]
        targ = g[g["qualifier"] == "target"]
        why = []
        clash = set()
        for i, a in enumerate(meas.itertuples()):
            for b in list(meas.itertuples())[i + 1:]:
                if a.doc_id == b.doc_id:
                    continue
                if a.high < b.low or b.high < a.low or (a.high == b.low and a.qualifier in ("nearly", "less_than")) \
                        or (b.high == a.low and b.qualifier in ("nearly", "less_than")) \
                        or (a.low == b.high and a.qualifier == "more_than" and b.qualifier != "more_than") \
                        or (b.low == a.high and b.qualifier == "more_than" and a.qualifier != "more_than"):
                    key = tuple(sorted([(src(a), a.surface), (src(b), b.surface)]))
                    if key not in clash:
                        clash.add(key)
                        why.append(f"{src(a)} says {a.surface} {_interval(a)} but {src(b)} says {b.surface} "
                                   f"{_interval(b)}: the intervals do not overlap")
        for _d, gd in meas.groupby("doc_id", sort=True):
            if gd["value"].nunique() > 1:
                vals = ", ".join(gd["surface"])
                total = _fmt(float(gd["value"].sum()), unit)
                why.append(f"{src(gd.iloc[0])} gives several values ({vals}, together {total}): "
                           "perhaps parts counted separately")
        if metric in additive and period:
            whole = claims[(claims["metric"] == metric) & (claims["unit"] == unit)
                           & (claims["qualifier"] != "target")]
            for w in whole.itertuples():
                if _contains(w.period, period):
                    for p in meas.itertuples():
                        if p.low > w.high:
                            why.append(f"{src(p)} says {p.surface} for {period}, more than {src(w)}'s "
                                       f"{w.surface} for the whole of {w.period}: the part exceeds the whole")
                        else:
                            why.append(f"{period} is part of {w.period}: {p.surface} ({src(p)}) is within "
                                       f"{w.surface} ({src(w)}), consistent")
        if len(targ):
            why.append("targets are goals, not measurements: " + ", ".join(
                f"{t.surface} ({src(t)})" for t in targ.itertuples()) + " left out of the range")
        disagreement = bool(clash) or any(w_.endswith("the part exceeds the whole") for w_ in why)
        values = "; ".join(
            f"{c.surface} [{c.qualifier}] ({src(c)}{': ' + c.speaker if c.speaker else ''})" for c in g.itertuples())
        rows.append({
            "metric": metric, "period": period, "unit": unit, "n_claims": len(g), "n_sources": g["doc_id"].nunique(),
            "min_value": meas["value"].min() if len(meas) else math.nan,
            "max_value": meas["value"].max() if len(meas) else math.nan,
            "values": values,
            "sources": "; ".join(sorted({src(c) for c in g.itertuples()})),
            "speakers": "; ".join(sorted({c.speaker for c in g.itertuples() if c.speaker})),
            "targets": "; ".join(f"{t.surface} ({src(t)})" for t in targ.itertuples()),
            "disagreement": disagreement,
            "why": "; ".join(why),
        })
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    return out.sort_values(["metric", "period", "unit"], kind="stable").reset_index(drop=True)
