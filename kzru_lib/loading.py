"""Loading: read a folder of scraped news articles into the corpus table.

The stage turns bytes into one row per article: it detects the encoding, repairs mojibake,
normalises newlines, spaces and Unicode forms, reads the sidecar ``metadata.csv`` when there
is one, and reads title, outlet, dateline and publication date from the text when the sidecar
does not give them. Cleaning (which lines are kept) lives in :mod:`kzru_lib.cleaning`; the
corpus table's ``text`` column is its result.

Example:
    >>> from kzru_lib import load_corpus
    >>> corpus = load_corpus("seeds")                      # doctest: +SKIP
    >>> corpus[["doc_id", "title", "published"]]          # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import sources
from .errors import CorpusError, LoadWarning, MetadataError
from .parallel import paused_gc
from .tables import word_tree

__all__ = ["load_corpus", "read_corpus", "load_problems", "read_article", "normalize_text", "guess_language", "parse_date", "METADATA_FILE"]

METADATA_FILE = "metadata.csv"
#: A user's own host -> outlet rows beside the articles (see :mod:`kzru_lib.urls`).
HOSTS_FILE = "hosts.csv"
PATTERNS_FILE = "boilerplate_patterns.csv"
#: An article larger than this is reported, not read (a scrape that swallowed a whole site).
MAX_BYTES = 10_000_000
#: Core columns of the corpus table, in order; sidecar columns follow them.
CORPUS_COLUMNS = (
    "doc_id", "path", "sha256", "encoding", "title", "outlet", "dateline", "published",
    "published_basis", "language", "n_lines", "n_kept_lines", "raw_text", "text",
)
_SIDECAR_WINS = ("title", "outlet", "dateline", "published", "language")

# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Legacy encodings tried, in order of likelihood for this domain, when UTF-8 fails.
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp1252", "iso8859_5", "mac_cyrillic", "cp866", "latin_1")
_MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00d0\u00d1][\u0080-\u00bf]|\u00e2\u20ac|\u00c3\u00a2")


class DecodeProblem(ValueError):
    """Bytes that cannot be read as text (empty, binary, undecodable)."""


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL for Latin/ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


#: Typographic characters that legacy code pages are used for in news text (dashes, quotes...).
_TYPOGRAPHIC = frozenset("–—«»“”„‘’‚…№°•·€£₽₸§©®™±×÷ ")
_ASCII_PUNCT = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum())
_CYRILLIC_RUN = re.compile("[\u0400-\u04ff]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+|[^\w\s]")
#: A legacy decoding scoring at least this is taken at once (code pages are tried in order).
GOOD_ENOUGH = 0.98


def _legacy_score(text: str) -> float:
    """How plausible a decoding of legacy bytes is, from 0 to 1.

    Only the characters outside ASCII tell code pages apart (ASCII bytes read the same in all of
    them), so only the words holding some are scored, character by character:

    * a run of letters counts when it is plausible writing: at most 30 letters, one script (all
      Cyrillic; or Latin with at least as many plain ASCII letters as accented ones) and one
      case shape (lower, Capitalised or UPPER);
    * a typographic character (dashes, guillemets, curly quotes, ``№``...) counts;
    * anything else (``√``, ``Ћ``, box drawing...) does not.

    A wrong Cyrillic code page flips case inside words (``Казахстан`` read as ``кАЗАХСТАН``)
    or turns letters into symbols; Western code pages read Cyrillic as runs of accented Latin
    letters. Both score low.
    """
    words = [w for w in text[:3000].split() if not w.isascii()]
    good = total = 0.0
    for word in words:
        word = word.strip(_ASCII_PUNCT)
        for run in (word,) if word.isalpha() else _LETTER_RUN.findall(word):
            if run.isascii():
                continue
            if not run.isalpha():  # one character that is not a letter
                total += 1
                good += run in _TYPOGRAPHIC
                continue
            n = len(run)
            non_ascii = sum(1 for c in run if ord(c) > 127)
            total += non_ascii
            cyrillic = _CYRILLIC_RUN.fullmatch(run) is not None
            if n > 30 or (not cyrillic and (_CYRILLIC_RUN.search(run) or non_ascii > n - non_ascii)):
                continue  # no word is that long; mixed scripts; Latin made mostly of accented letters
            if run.islower() or run.isupper() or (run[0].isupper() and run[1:].islower()):
                good += non_ascii
    return good / total if total else 1.0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of one article.

    Args:
        data: the raw file content.

    Returns:
        ``(text, encoding)``; ``encoding`` is the codec used, with ``+ftfy`` when mojibake was repaired.

    Raises:
        DecodeProblem: empty, binary or undecodable input (the message says which).
    """
    if not data.strip():
        raise DecodeProblem("empty file (no text)" if not data else "empty file (only whitespace)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"starts with a {codec} byte-order mark but is not valid {codec}: {exc.reason} "
                                    f"at byte {exc.start}") from None
    if b"\x00" in data[:8000]:
        codec = _looks_utf16(data)
        if codec:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
        raise DecodeProblem("binary file (contains NUL bytes; not a text article)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = _decode_legacy(data, exc)
    if not text.isascii() and any(c in text for c in "\u00c2\u00c3\u00d0\u00d1\u00e2") and _MOJIBAKE_HINT.search(text):
        import ftfy  # imported lazily: only needed for broken text

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            return fixed, encoding + "+ftfy"
    return text, encoding


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Decode bytes that are not UTF-8: the first code page (in :data:`LEGACY_ENCODINGS` order)
    whose text scores :data:`GOOD_ENOUGH` (:func:`_legacy_score`), else the best one."""
    control = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    candidates = []
    for codec in LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        n_control = len(control.findall(text[:20000]))
        if n_control > 2:
            continue
        score = _legacy_score(text)
        if score >= GOOD_ENOUGH:
            return text, codec
        candidates.append((score, -LEGACY_ENCODINGS.index(codec), codec, text))
    if not candidates:
        raise DecodeProblem(f"undecodable bytes: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                            f"and no known encoding ({', '.join(LEGACY_ENCODINGS)}) fits")
    score, _, codec, text = max(candidates)
    if score < 0.5:
        raise DecodeProblem(f"undecodable bytes: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                            "and no legacy encoding gives readable text")
    return text, codec


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t\x0b\x0c"), " ")
_REMOVE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_SPACES, **_REMOVE}
_SPECIAL = re.compile("[" + "".join(chr(c) for c in _TRANSLATE) + "\x00-\x08\x0e-\x1f\x7f]")
for _c in range(0x20):
    _TRANSLATE.setdefault(_c, None)
_TRANSLATE[0x7F] = None
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")  # the rule; normalize_text applies it with str.replace


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def printable_lines(text: str) -> bool:
    """``text.replace("\\n", " ").isprintable()``: no unprintable character but newlines (an ASCII
    text is checked by deleting its printable bytes, several times faster than ``isprintable``)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _PRINTABLE_ASCII)) == text.count("\n")
    return text.replace("\n", " ").isprintable()


def normalize_text(text: str) -> str:
    """Normalise one decoded text without changing its words or its line count.

    CRLF and CR (and Unicode line separators) become ``\\n``; non-breaking, thin and other
    spaces become a plain space; zero-width characters, soft hyphens and control characters go;
    the text is put in Unicode NFC.

    Example:
        >>> normalize_text("a\\u00a0b\\r\\nc\\u200b")
        'a b\\nc'
    """
    # line separators and special characters are all unprintable: a printable text (newlines
    # aside) has none, and str.isprintable is a C loop far faster than a regex scan
    if not printable_lines(text):
        # str.replace, not a regex scan: CRLF first, then a lone CR (as "\r\n?" matches)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        for sep in "\u2028\u2029\x85":
            if sep in text:
                text = text.replace(sep, "\n")
        if not printable_lines(text):  # every special character is unprintable
            for ch in set(_SPECIAL.findall(text)):
                text = text.replace(ch, _TRANSLATE[ord(ch)] or "")
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _maybe_mixed(text) and _MIXED.search(text):
            text = _MIXED_WORD.sub(_cyrillic_word, text)
    return text


#: Latin letters drawn like Cyrillic ones, and the Cyrillic letter each stands for.
_GLYPHS = "aceopxyACEHKMOPTXB"
_HOMOGLYPHS = str.maketrans(_GLYPHS, "асеорхуАСЕНКМОРТХВ")
#: A Cyrillic letter next to a Latin one drawn like a Cyrillic letter ("Числo", "сoставило"): a page that mixes the
#: scripts inside words (against copying) or a typo; the words are read as the Cyrillic ones they show.
_MIXED = re.compile(f"[а-яё][{_GLYPHS}]|[{_GLYPHS}][а-яё]")
_MIXED_WORD = re.compile(f"[A-Za-zА-Яа-яЁё]*(?:{_MIXED.pattern})[A-Za-zА-Яа-яЁё]*")
#: UTF-8 bytes as "g" (a look-alike of :data:`_GLYPHS`), "A" (D0 or D1, the lead byte of а-я and ё), "3" (80-8F, 91
#: or B0-BF, the last byte of а-я and ё) or "." (anything else), for :func:`_maybe_mixed`
_MIXED_BYTES = bytes(ord("g") if chr(b) in _GLYPHS else ord("A") if b in (0xD0, 0xD1) else
                     ord("3") if 0x80 <= b <= 0x8F or b == 0x91 or 0xB0 <= b <= 0xBF else ord(".") for b in range(256))


def _maybe_mixed(text: str) -> bool:
    """False when :data:`_MIXED` cannot match: no look-alike right before a lead byte of а-я or ё ("gA"), nor right
    after a last byte of one ("3g"). One translation and two byte searches, several times faster than the regex scan
    (which then runs only on the rare texts that pass)."""
    data = text.encode("utf-8", "surrogatepass").translate(_MIXED_BYTES)
    return b"gA" in data or b"3g" in data


def _cyrillic_word(m: re.Match) -> str:
    """A word of Cyrillic letters and Latin look-alikes, in Cyrillic letters; a word with other Latin letters (a
    name spelt in both scripts) as it is."""
    word = m.group(0)
    latin = [ch for ch in word if ch.isascii()]
    if any(ch not in _GLYPHS for ch in latin) or len(latin) * 2 > len(word):
        return word
    return word.translate(_HOMOGLYPHS)


_CYR = re.compile("[\u0400-\u04ff]")
_LAT = re.compile("[A-Za-z\u00c0-\u024f]")
_KAZ = re.compile("[\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb\u0456\u04d8\u0492\u049a\u04a2\u04e8\u04b0\u04ae\u04ba\u0406]")
_EN_SET = frozenset(("the", "and", "of", "to", "in", "is", "was", "that", "for", "with"))
_TR_CHARS = re.compile("[\u011f\u0131\u015f\u011e\u0130\u015e]")
_DE_WORDS = re.compile(r"\b(?:der|die|und|das|nicht|mit)\b")
_FR_WORDS = re.compile(r"\b(?:le|la|les|et|des|une|est)\b")


def guess_language(text: str) -> str | None:
    """A cheap ISO 639-1 guess from script and function words (``en``, ``ru``, ``kk``, ``tr``, ``de``, ``fr``).

    Returns ``None`` when the text has no letters. Kazakh is told from Russian by its extra letters.
    """
    sample = text[:3000]
    n_cyr, n_lat = script_counts(sample)
    if n_cyr + n_lat == 0:
        return None
    if n_cyr > n_lat:
        return "kk" if len(_KAZ.findall(sample)) > 0.01 * n_cyr else "ru"
    # English is usually plain after a few hundred characters: the words of that opening (the
    # last one dropped if it was cut) are words of the sample, so three function words there
    # decide the same as the whole count would
    head = sample[:400].lower().split()
    if len(sample) > 400 and not sample[400].isspace():
        head = head[:-1]
    if sum(map(_EN_SET.__contains__, head)) >= 3:
        return "en"
    n_en = sum(map(_EN_SET.__contains__, sample.lower().split()))
    if n_en >= 3 or n_en > 0.02 * (n_lat / 5):
        return "en"
    if len(_TR_CHARS.findall(sample)) > 0.005 * n_lat:
        return "tr"
    if len(_DE_WORDS.findall(sample)) >= 3:
        return "de"
    if len(_FR_WORDS.findall(sample)) >= 3:
        return "fr"
    return "en" if n_en else None


_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
#: UTF-8 bytes as "L" (an ASCII letter, or the lead byte of U+00C0-U+017F), "C" (the lead byte of
#: U+0400-U+04FF) or "." (anything else): one translation, then two counts
_SCRIPT_BYTES = bytes(ord("L") if 65 <= b <= 90 or 97 <= b <= 122 or 0xC3 <= b <= 0xC5 else
                      ord("C") if 0xD0 <= b <= 0xD3 else ord(".") for b in range(256))


def script_counts(text: str) -> tuple[int, int]:
    """``(cyrillic, latin)`` letter counts, fast (byte counting; accented Latin letters count as Latin)."""
    if text.isascii():  # no Cyrillic, no accented letter: one pass
        return 0, len(text.encode("ascii").translate(None, _NOT_ASCII_LETTER))
    data = text.encode("utf-8").translate(_SCRIPT_BYTES)
    return data.count(b"C"), data.count(b"L")


# --------------------------------------------------------------------------------------------
# Dates in metadata
# --------------------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8,
    "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    # abbreviations of Russian datelines and date lines ("9 сен", "27 окт.")
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "сент": 9,
    "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
    # the months of pages in other languages that write about the region (Italian, French, Spanish, German, Turkish, Kazakh)
    **{name: i for names in (
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
        # Kazakh ("12 наурыз 2024")
        "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан")
       for i, name in enumerate(names.split(), 1)},
}


#: The month names as one alternation, longest first, written as a tree (a case-insensitive scan tries a few first
#: letters at each position, not every name; where two names part, no character matches both their next letters: a test)
_MONTH_RE = word_tree(MONTHS)
#: A time after a date: ``, 14:35``, ``- 11:17``, ``at 9:05 pm``, with a zone: ``(UTC+04:00)``, ``(UTC+3 MSK)``, ``GMT+5``.
_TIME = (r"(?:(?:[,\s]+(?:at\s+)?|\s*[-–|/]\s*)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
         r"(?:\s*\((?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?(?:\s+[A-Z]{2,5})?\)|\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?")
#: Date shapes recognised in metadata lines and prefixes (the timeline stage has its own, wider grammar).
DATE_SHAPES = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?"),
    re.compile(rf"(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){_TIME}"),  # 2024/03/12
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}})(?:\s*(?:г\.|года))?{_TIME}", re.I),
    re.compile(rf"(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_TIME}"),
    re.compile(rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}"),
    re.compile(rf"(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>\d{{4}}){_TIME}"),
)
_WEEKDAY = (r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
            r"|(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?\s+)?")
_DATE_LABEL = r"(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|дата(?:\s+публикации)?|опубликовано|обновлено|последнее\s+обновление)"
_DATE_ANY = "(?:" + "|".join(re.sub(r"\?P<\w+>", "?:", p.pattern) for p in DATE_SHAPES) + ")"
#: A line that is only a date (with optional label, weekday and time).
DATE_LINE = re.compile(rf"^\s*(?:{_DATE_LABEL}\s*:?\s*)?{_WEEKDAY}(?P<date>{_DATE_ANY})\s*\.?\s*$", re.I)
#: A date prefix opening the first paragraph: `` date 2024-11-28 ``, ``Published: 8 Nov 2023 —``.
DATE_PREFIX = re.compile(rf"^\s*{_DATE_LABEL}\s*:?\s*(?P<date>{_DATE_ANY}|\d{{4}}-\d{{2}}(?![\d-]))\s*[|–—-]?\s*", re.I)


def parse_date(text: str) -> str | None:
    """Parse one date from metadata into ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` if only that is given).

    Returns ``None`` when ``text`` holds no valid date.

    Example:
        >>> parse_date("08 November 2023"), parse_date("2024-11-28"), parse_date("2025-11"), parse_date("31.02.2024")
        ('2023-11-08', '2024-11-28', '2025-11', None)
    """
    text = text.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", text)
    if m:
        year, month = int(m.group(1)), m.group(2)
        if not 1000 <= year <= 2999:
            return None
        if month is None:
            return f"{year:04d}"
        return f"{year:04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    for shape in DATE_SHAPES:
        m = shape.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else MONTHS.get((g.get("mon") or "").lower().rstrip("."))
        import datetime as _dt

        try:
            return _dt.date(int(g["y"]), int(month), int(g["d"])).isoformat()
        except (TypeError, ValueError):
            pass
        if g.get("m") and "/" in m.group(0):  # 09/15/2015: a US month/day date, read when day/month cannot be
            try:
                return _dt.date(int(g["y"]), int(g["d"]), int(g["m"])).isoformat()
            except ValueError:
                return None
        return None
    return None


# --------------------------------------------------------------------------------------------
# Reading files and the sidecar
# --------------------------------------------------------------------------------------------


#: Note summaries already shown in this session (see :meth:`_Report.summary`).
_SHOWN_NOTES: set[str] = set()


@dataclass
class _Report:
    strict: bool
    rows: list = field(default_factory=list)

    def add(self, path: str, problem: str, *, line_no: int | None = None, severity: str = "error") -> None:
        """Record a problem; an error is warned about at once, a note is kept for :meth:`summary`.

        Strict mode turns every problem into an error, notes (a skipped non-article file) included.
        """
        where = f"{path}:{line_no}" if line_no else path
        message = f"{where}: {problem}"
        if self.strict:
            raise (MetadataError if path.endswith(METADATA_FILE) else CorpusError)(
                message + ("" if severity == "error" else " (an error in strict mode)"))
        if severity == "error":
            warnings.warn(message, LoadWarning, stacklevel=3)
        self.rows.append({"path": path, "line_no": line_no, "severity": severity, "problem": problem})

    def summary(self) -> None:
        """One warning for all the notes of a load (files beside the articles that are not articles...).

        The same summary (same folder, same files) is shown once per session (process), not in
        every notebook cell or command step that loads the folder again; the problems table
        (:func:`load_problems`) lists the notes on every load.
        """
        notes = [r for r in self.rows if r["severity"] == "note"]
        if not notes:
            return
        names = sorted({os.path.basename(r["path"]) for r in notes})
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        folder = os.path.dirname(os.path.commonprefix([r["path"] for r in notes])) or "."
        message = (f"{folder}: {len(notes)} note(s) on files that are not articles or columns not used "
                   f"({shown}); see load_problems(corpus)")
        if message not in _SHOWN_NOTES:
            _SHOWN_NOTES.add(message)
            warnings.warn(message, LoadWarning, stacklevel=4)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=["path", "line_no", "severity", "problem"])


def read_article(path: str | os.PathLike, *, max_bytes: int = MAX_BYTES) -> dict:
    """Read and decode one article file.

    Args:
        path: a ``.txt`` file.
        max_bytes: larger files are refused (a scraped article is rarely over a megabyte).

    Returns:
        A dict with ``path``, ``sha256``, ``encoding``, ``raw_text`` (decoded, untouched) and
        ``norm_text`` (normalised; see :func:`normalize_text`).

    Raises:
        DecodeProblem: the file is empty, binary, undecodable or too large (message says which).
        OSError: the file cannot be opened.
    """
    path = os.fspath(path)
    fd = os.open(path, os.O_RDONLY)  # plain file descriptor: no buffered file object to build per article
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise DecodeProblem(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one "
                                "article (raise max_bytes / --max-bytes if it really is one article)")
        data = _read_fd(fd, size)
    finally:
        os.close(fd)
    text, encoding = decode_bytes(data)
    return _article(path, hashlib.sha256(data).hexdigest(), encoding, text,
                    html=path.lower().endswith(sources.HTML_SUFFIXES))


def _read_fd(fd: int, size: int) -> bytes:
    """All the bytes of an open file whose size is ``size`` (read to the end: it may have grown)."""
    parts = [os.read(fd, size + 1)]
    while parts[-1]:  # to the end of the file, as a file object's read() does
        parts.append(os.read(fd, 1 << 20))
    return parts[0] if len(parts) == 2 else b"".join(parts)


def _article(path: str, sha256: str, encoding: str, text: str, *, html: bool = False) -> dict:
    """The record of one decoded article; an HTML page (by name or content) is converted to text
    first, and that text is the article's ``raw_text`` (the audit's lines are its lines)."""
    page_meta = None
    if html or sources.looks_like_html(text):
        page = sources.read_html(text)
        if not page.text.strip():
            raise DecodeProblem("HTML page without any text")
        text, page_meta, encoding = page.text, page.meta, encoding + ", html"
    return {"path": path, "sha256": sha256, "encoding": encoding, "raw_text": text,
            "norm_text": normalize_text(text), "page_meta": page_meta}


def _read_row(row: sources.TableRow, max_bytes: int) -> dict:
    """The record of one article read from a table (see :func:`kzru_lib.sources.iter_table`)."""
    data = row.text.encode("utf-8")
    if len(data) > max_bytes:
        raise DecodeProblem(f"text is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one article")
    return _article(row.where, hashlib.sha256(data).hexdigest(), "utf-8 (table)", row.text)


def sidecar_rows(lines: Iterable[str], shown: str, report: _Report) -> Iterator:
    """The checks of a ``metadata.csv`` that need no other row: yields its header (a list) first,
    then ``(line_no, record)`` for each usable row (a dict, empty cells ``None``); a bad header,
    a row of the wrong length or without a doc_id is reported (naming ``shown`` and the line) and
    left out. Used by :func:`_read_sidecar` and by the store, which streams the file."""
    rows = csv.reader(lines)
    first = next(rows, None)
    if not first or not any(first):
        report.add(shown, "metadata file is empty (expected a header with a doc_id column)")
        return
    header = [h.strip() for h in first]
    if "doc_id" not in header:
        report.add(shown, f"metadata file has no doc_id column (columns: {', '.join(header)}); it was not used",
                   line_no=1)
        return
    if len(set(header)) != len(header):
        report.add(shown, "metadata file repeats a column name; it was not used", line_no=1)
        return
    yield header
    for line_no, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            report.add(shown, f"row has {len(row)} fields, the header has {len(header)}; row not used",
                       line_no=line_no)
            continue
        rec = {h: (v.strip() if v.strip() != "" else None) for h, v in zip(header, row, strict=True)}
        if not rec["doc_id"]:
            report.add(shown, "row without a doc_id; row not used", line_no=line_no)
            continue
        yield line_no, rec


def _read_sidecar(folder: Path, doc_ids: set[str], report: _Report) -> pd.DataFrame | None:
    path = folder / METADATA_FILE
    if not path.exists():
        return None
    shown = str(path)
    try:
        raw = path.read_bytes()
        text, _ = decode_bytes(raw)
    except (OSError, DecodeProblem) as exc:
        report.add(shown, f"metadata file not read: {exc}")
        return None
    rows = sidecar_rows(normalize_text(text).splitlines(), shown, report)
    header = next(rows, None)
    if header is None:
        return None
    records = []
    seen: dict[str, int] = {}
    for line_no, rec in rows:
        doc_id = rec["doc_id"]
        if doc_id not in doc_ids:
            report.add(shown, f"doc_id {doc_id!r} matches no .txt article in the folder; row not used",
                       line_no=line_no)
            continue
        if doc_id in seen:
            report.add(shown, f"doc_id {doc_id!r} already given on line {seen[doc_id]}; this row not used",
                       line_no=line_no)
            continue
        if rec.get("published"):
            iso = parse_date(rec["published"])
            if iso is None:
                report.add(shown, f"published {rec['published']!r} is not a date (expected YYYY-MM-DD, YYYY-MM "
                           "or YYYY); value ignored", line_no=line_no)
            rec["published"] = iso
        seen[doc_id] = line_no
        records.append(rec)
    # object columns: values stay the strings (or None) read, without a conversion to string arrays
    return pd.DataFrame(records, columns=header, dtype=object).set_index("doc_id")


def _article_files(folder: Path, report: _Report, tables: list | None = None,
                   columns: dict | None = None) -> list[tuple[str, str]]:
    """``(path, doc_id)`` of every ``.txt`` (or ``.html``/``.htm``) article below ``folder``, in path order.

    Hidden files and folders (a name starting with ``.``) are left out; any other file that is
    not an article (nor the sidecar or a pattern table) is noted in the report. When ``tables``
    is a list, table files (CSV, JSON Lines, Parquet) with a text column are appended to it
    (see :func:`kzru_lib.sources.iter_table`) instead of being noted.
    """
    return list(iter_article_files(folder, report, tables, columns))


#: Names of one folder gathered per chunk while it is listed (see :func:`_sorted_entries`).
_ENTRY_CHUNK = 8192


def _sorted_entries(path: str) -> Iterator[tuple[str, bool, bool]]:
    """``(name, is_dir, is_symlink)`` of a folder's entries (hidden ones left out), in name order.

    A folder of a million articles has a million names: they are held as UTF-8 bytes in NumPy
    arrays (about 10 bytes a name, one block of memory given back when done), not as a million
    Python tuples (about 130 bytes each, whose freed memory the process keeps). UTF-8 keeps
    the code-point order of ``sorted`` on the names ("surrogatepass": undecodable names too)."""
    import numpy as np

    names: list[np.ndarray] = []
    flags: list[np.ndarray] = []
    chunk: list[bytes] = []
    kinds: list[int] = []

    def flush() -> None:
        if chunk:
            names.append(np.array(chunk, dtype=bytes))
            flags.append(np.array(kinds, dtype=np.uint8))
            chunk.clear()
            kinds.clear()

    with os.scandir(path) as it:
        for e in it:
            if e.name.startswith("."):
                continue
            chunk.append(e.name.encode("utf-8", "surrogatepass"))
            kinds.append(e.is_dir() | e.is_symlink() << 1)
            if len(chunk) >= _ENTRY_CHUNK:
                flush()
    flush()
    if not names:
        return iter(())
    all_names = np.concatenate(names) if len(names) > 1 else names[0]
    all_flags = np.concatenate(flags) if len(flags) > 1 else flags[0]
    names.clear()  # the chunks: only the joined arrays are kept
    flags.clear()

    def entries() -> Iterator[tuple[str, bool, bool]]:  # listed above: an OSError is raised to the caller
        for i in np.argsort(all_names, kind="stable"):
            kind = int(all_flags[i])
            yield all_names[i].decode("utf-8", "surrogatepass"), bool(kind & 1), bool(kind & 2)

    return entries()


def iter_article_files(folder: Path, report: _Report | None, tables: list | None = None,
                       columns: dict | None = None) -> Iterator[tuple[str, str]]:
    """:func:`_article_files` streamed: one folder's names are listed at a time, never the whole tree.

    The order is the same (the relative paths' parts, compared in turn). ``report=None``: notes are
    not recorded (a second walk over a folder already reported).
    """
    def walk(path: str, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str, bool]]:
        try:  # as os.walk: an unreadable folder is passed over; a link to a folder is not followed
            entries = _sorted_entries(path)
        except OSError:
            return
        for name, is_dir, is_link in entries:
            full = os.path.join(path, name)
            if is_dir:
                if not is_link:
                    yield from walk(full, parts + (name,))
            else:
                yield parts + (name,), full, False

    for parts, path, _ in walk(str(folder), ()):
        name = parts[-1]
        if len(name) > 4 and name[-4:].lower() == ".txt":
            yield path, "/".join(parts[:-1] + (name[:-4],))
        elif name.lower().endswith(sources.HTML_SUFFIXES):
            yield path, "/".join(parts[:-1] + (name.rsplit(".", 1)[0],))
        elif name in (METADATA_FILE, PATTERNS_FILE, HOSTS_FILE):
            continue
        elif tables is not None and name.lower().endswith(sources.TABLE_SUFFIXES):
            why = _not_a_table(path, columns)
            if why is None:
                tables.append(path)
            elif report is not None:
                report.add(path, f"not a table of articles ({why}); skipped", severity="note")
        elif report is not None:
            report.add(path, "not a .txt article; skipped", severity="note")


def _not_a_table(path: str, columns: dict | None) -> str | None:
    """Why a table file is not a table of articles (``None`` when it is one)."""
    try:
        header = sources.table_header(path)
    except (OSError, ValueError, ImportError) as exc:
        return f"cannot be read: {exc}"
    if not header:
        return "no columns"
    try:
        roles = sources.resolve_columns(header, columns)
    except KeyError as exc:
        return exc.args[0]
    return None if "text" in roles else f"no text column; columns: {', '.join(header)}"


def _read_and_clean(file: str, max_bytes: int, table=None, hook=None, keep_audit: bool = True) -> dict | str:
    """Read, decode, normalise and clean one article; a string is the problem that stopped it.

    The record is small when ``keep_audit`` is false: the kept text and a
    :class:`~kzru_lib.cleaning.DocSummary` instead of every line (which the lines table alone needs).
    ``hook(kept_text)`` is run here, in the worker, when given.
    """
    from . import cleaning

    try:
        art = read_article(file, max_bytes=max_bytes) if isinstance(file, str) else _read_row(file, max_bytes)
    except DecodeProblem as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    audit = cleaning.clean_text(art.pop("norm_text"), patterns=table)
    kept_text = audit.kept_text
    art["language"] = guess_language(kept_text) or guess_language(art["raw_text"])
    art["kept_text"] = kept_text
    art["meta"] = audit.metadata
    art["n_lines"] = len(audit.labels)
    art["summary"] = cleaning.DocSummary.of(audit)
    art["audit"] = audit if keep_audit else None
    art["hook"] = hook(kept_text) if hook is not None else None
    return art


def _clean_chunk(files: list[str], max_bytes: int, table, hook, keep_audit: bool) -> tuple[list, object]:
    """Read and clean a batch of files: ``(records or problems, packed hook results)``.

    A hook with ``pack``/``unpack`` methods sends its results for the whole batch in one packed
    object (made here, opened by ``unpack`` in the main process); other hooks' results stay in
    each record. A hook whose ``raw_text`` attribute is false does not need the raw texts: they
    are not sent back (the corpus's ``raw_text`` is then ``None``).
    """
    out = [_read_and_clean(f, max_bytes, table, hook, keep_audit) for f in files]
    packed = None
    if hook is not None and hasattr(hook, "pack"):
        arts = [r for r in out if isinstance(r, dict)]
        packed = hook.pack([r["hook"] for r in arts])
        raw = getattr(hook, "raw_text", True)
        for r in arts:
            r["hook"] = None
            if not raw:
                r["raw_text"] = None
    return out, packed


def _clean_batch(max_bytes: int, table, hook, keep_audit: bool, files: list[str]) -> tuple[list, object]:
    """:func:`_clean_chunk` as a per-batch function for :func:`kzru_lib.parallel.map_batches`."""
    return _clean_chunk(files, max_bytes, table, hook, keep_audit)


def _read_all(files: list[str], *, table, max_bytes: int, progress: bool, workers: int | None,
              hook=None, keep_audit: bool = True):
    """Yield ``(file, article-or-problem)`` in file order, in parallel for large folders."""
    from .parallel import default_workers, map_batches

    def opened(out: list, packed) -> list:
        if packed is not None:
            arts = [r for r in out if isinstance(r, dict)]
            for record, result in zip(arts, hook.unpack(packed), strict=True):
                record["hook"] = result
        return out

    workers = workers if workers is not None else default_workers(len(files))
    size = 200
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    desc = f"reading {len(files)} articles, {size} a batch"
    results = map_batches(_clean_batch, chunks, shared=(max_bytes, table, hook, keep_audit), workers=workers)
    for chunk, out in zip(chunks, _progress(results, total=len(chunks), enabled=progress, desc=desc), strict=True):
        yield from zip(chunk, opened(*out), strict=True)


def _progress(iterable: Iterable, *, total: int, enabled: bool, desc: str) -> Iterable:
    if not enabled or os.environ.get("KZRU_QUIET") == "1":
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="batch")


def load_corpus(
    path: str | os.PathLike,
    *,
    strict: bool = False,
    patterns: str | os.PathLike | pd.DataFrame | None = None,
    max_bytes: int = MAX_BYTES,
    progress: bool = False,
    workers: int | None = None,
    columns: dict[str, str] | None = None,
    exclude_duplicates: bool = False,
    hosts: str | os.PathLike | pd.DataFrame | None = None,
    duplicates: bool = True,
) -> pd.DataFrame:
    """Load a folder of articles (``.txt``, ``.html``) or a table of articles into the corpus table
    (see :func:`read_corpus`)."""
    return read_corpus(path, strict=strict, patterns=patterns, max_bytes=max_bytes, progress=progress,
                       workers=workers, with_lines=False, columns=columns, exclude_duplicates=exclude_duplicates,
                       hosts=hosts, duplicates=duplicates)[0]


def read_corpus(
    path: str | os.PathLike,
    *,
    strict: bool = False,
    patterns: str | os.PathLike | pd.DataFrame | None = None,
    max_bytes: int = MAX_BYTES,
    progress: bool = False,
    workers: int | None = None,
    with_lines: bool = True,
    columns: dict[str, str] | None = None,
    exclude_duplicates: bool = False,
    hosts: str | os.PathLike | pd.DataFrame | None = None,
    duplicates: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Load a folder of news articles, or a table of articles, into the corpus table.

    Args:
        path: folder of articles (read recursively; ``doc_id`` is the path below it, without
            ``.txt``/``.html``), or one table file. Articles are ``.txt`` files and saved HTML pages
            (``.html``, ``.htm``, or HTML saved as ``.txt``: converted to text first, see
            :mod:`kzru_lib.sources`); a CSV, JSON Lines or Parquet file with a text column is a
            table of articles, one per row (``doc_id`` from its id column, else
            ``<file stem>-<row number, 6 digits>``; its title/published/outlet/url columns act like
            sidecar values, its other columns travel with each article). A ``metadata.csv`` beside
            them, keyed by ``doc_id``, wins over what is read from the text, a page's tags, a URL or
            a table; its extra columns (country, stance, ...) travel with each article. A
            ``boilerplate_patterns.csv`` beside them adds to the cleaner's pattern table; a
            ``hosts.csv`` (``host, outlet``) to the host→outlet table.
        strict: turn every problem (unreadable file or row, bad sidecar row, a file beside the
            articles that is not one) into an error.
        patterns: extra boilerplate patterns (a CSV path or a DataFrame; see :mod:`kzru_lib.cleaning`).
        max_bytes: files larger than this are reported instead of read.
        progress: show a progress bar (tqdm; quiet when ``KZRU_QUIET=1``).
        workers: processes that read and clean in parallel; default: all CPUs for 1,000 files or
            more, else 1. The result does not depend on it.
        with_lines: also build the lines audit (``False`` returns ``(corpus, None)``, faster).
        columns: ``{role: column}`` for tables whose columns have other names than the defaults
            (``data/table_columns.csv``); roles: ``doc_id``, ``text``, ``title``, ``published``,
            ``outlet``, ``url``. Example: ``columns={"text": "body", "published": "pubdate"}``.
        exclude_duplicates: leave out the near-duplicate copies (rows with a ``duplicate_of``; see
            :func:`kzru_lib.duplicates.mark_duplicates`), keeping one article per cluster.
        hosts: extra host→outlet rows (a CSV path or a DataFrame with ``host, outlet``).
        duplicates: mark near-duplicate copies (``False`` leaves the three duplicate columns empty
            and saves about a third of the loading time; ``exclude_duplicates`` marks them anyway).

    Returns:
        ``(corpus, lines)``: the lines audit is :func:`kzru_lib.cleaning.audit_lines`'s table, built
        from the same cleaning pass (so a command needing both cleans once). The corpus has
        one row per readable article, sorted by ``doc_id``, with columns ``doc_id``, ``path``,
        ``sha256`` (of the raw bytes), ``encoding``, ``title``, ``outlet``, ``dateline``,
        ``published`` (ISO 8601 string: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None`` if unknown),
        ``published_basis`` (``metadata`` for a sidecar or table value, ``html`` for a page's tags,
        ``url``, ``text`` or ``None``), ``language`` (ISO 639-1 guess),
        ``n_lines``, ``n_kept_lines``, ``raw_text`` (decoded, untouched; for an HTML page, its
        converted text, which the audit's lines number), ``text`` (kept lines: title, headings and
        body, joined with newlines); then, when some article is an HTML page, a table row or has
        a URL: ``url``, ``title_basis`` and ``outlet_basis`` (as ``published_basis``); then
        ``duplicate_of``, ``duplicate_cluster``, ``duplicate_similarity``
        (:func:`kzru_lib.duplicates.mark_duplicates`); then any sidecar and table columns.
        ``corpus.attrs["problems"]`` lists every file or sidecar row that could not be used
        (``path``, ``line_no``, ``severity``, ``problem``; :func:`load_problems` gives it as a
        table); each was also warned about.

    Raises:
        CorpusError: the folder is missing, is not a folder, or holds no ``.txt`` article; or, in
            strict mode, any problem.

    Example:
        >>> corpus = load_corpus("seeds")          # doctest: +SKIP
        >>> corpus.loc[0, "published"]             # doctest: +SKIP
    """
    return _read_folder(path, strict=strict, patterns=patterns, max_bytes=max_bytes, progress=progress,
                        workers=workers, with_lines=with_lines, columns=columns,
                        exclude_duplicates=exclude_duplicates, hosts=hosts, duplicates=duplicates)[:2]


@paused_gc()
def _read_folder(
    path: str | os.PathLike,
    *,
    strict: bool = False,
    patterns=None,
    max_bytes: int = MAX_BYTES,
    progress: bool = False,
    workers: int | None = None,
    with_lines: bool = True,
    hook=None,
    columns: dict[str, str] | None = None,
    exclude_duplicates: bool = False,
    hosts=None,
    duplicates: bool = True,
):
    """:func:`read_corpus`, with ``hook(kept_text)`` run on each article where it is cleaned.

    Returns ``(corpus, lines, extras)``; ``extras`` maps each ``doc_id`` to ``(hook result, removed)``,
    where ``removed`` are the kept lines (as they appear in the article's first kept text) that
    the cross-article pass dropped afterwards, so the hook's result can be corrected. The hook's
    result is computed in the worker process that cleaned the article: it travels back instead
    of the text it was computed from.
    """
    from . import cleaning, urls
    from . import duplicates as near_copies

    if isinstance(path, sources.CorpusPath):  # options carried by the path (the command line's)
        columns = columns if columns is not None else path.columns
        exclude_duplicates = exclude_duplicates or path.exclude_duplicates
        duplicates = duplicates and path.options.get("duplicates", True)
    folder = Path(path)
    if not folder.exists():
        raise CorpusError(f"{folder}: corpus folder does not exist")
    report = _Report(strict=strict)
    tables: list[str] = []
    if folder.is_file() and folder.name.lower().endswith(sources.TABLE_SUFFIXES):
        files, tables, folder, sidecar_folder = [], [str(folder)], folder.parent, None
    elif not folder.is_dir():
        raise CorpusError(f"{folder}: is a file, not a corpus folder (give the folder that holds the .txt articles) "
                          f"nor a table of articles ({', '.join(sources.TABLE_SUFFIXES)})")
    else:
        files = _article_files(folder, report, tables, columns)
        sidecar_folder = folder
    if not files and not tables:
        report.summary()
        raise CorpusError(f"{folder}: no .txt articles (nor .html pages or tables of articles) in this folder")
    try:
        host_table = urls.load_hosts(folder / HOSTS_FILE if (folder / HOSTS_FILE).is_file() else None)
        if hosts is not None:
            host_table.update(urls.load_hosts(hosts))
    except (OSError, ValueError) as exc:
        raise CorpusError(f"host table not read: {exc}") from None

    table = cleaning.load_patterns(patterns, folder=folder)
    docs = []
    doc_ids = dict(files)
    given: dict[str, dict] = {}  # table values, per doc_id
    used: dict[str, str] = {}
    n_items = 0
    for batch in _batches([f for f, _ in files], tables, columns, report):
        n_items += len(batch)
        for file, result in _read_all(batch, table=table, max_bytes=max_bytes, progress=progress,
                                      workers=workers, hook=hook, keep_audit=with_lines):
            row_item = not isinstance(file, str)
            where, line_no = (file.path, file.line_no) if row_item else (file, None)
            if isinstance(result, str):
                report.add(where, f"row {file.row_no}: {result}" if row_item else result, line_no=line_no)
                continue
            doc_id = file.doc_id if row_item else doc_ids[file]
            if doc_id in used:
                report.add(where, f"doc_id {doc_id!r} already used by {used[doc_id]}; not used", line_no=line_no)
                continue
            used[doc_id] = file.where if row_item else file
            if row_item:
                given[doc_id] = _table_values(file, report)
            result["doc_id"] = doc_id
            if result["audit"] is not None:
                result["audit"].doc_id = result["doc_id"]
            docs.append(result)
    if not docs:
        report.summary()
        raise CorpusError(f"{folder}: none of the {n_items} articles could be read "
                          f"(first problem: {report.rows[0]['problem'] if report.rows else 'none found'})")

    sidecar = _read_sidecar(sidecar_folder, {d["doc_id"] for d in docs}, report) if sidecar_folder else None
    outlets = {k: v["outlet"] for k, v in given.items() if v.get("outlet")}
    if sidecar is not None and "outlet" in sidecar.columns:
        outlets.update({k: v for k, v in sidecar["outlet"].items() if isinstance(v, str)})
    # cross-article evidence: lines repeated across different stories of one outlet
    template = cleaning.template_lines(
        [(d["doc_id"], outlets.get(d["doc_id"]) or d["meta"].get("outlet") or "", d["summary"]) for d in docs])
    removed: dict[str, list[str]] = {}
    for doc in docs:
        hits = template.get(doc["doc_id"])
        if not hits:
            continue
        summary, drop = doc["summary"], set(hits)
        pieces = doc["kept_text"].split("\n")  # one piece per kept line
        removed[doc["doc_id"]] = [pieces[j] for j in hits]
        doc["kept_text"] = "\n".join(p for j, p in enumerate(pieces) if j not in drop)
        if any(summary.kept_labels[j] == "title" for j in hits):
            doc["meta"].pop("title", None)
        if doc["audit"] is not None:
            cleaning.drop_template_lines(doc["audit"], [summary.kept_idx[j] for j in hits])
    sidecar_rows = {}
    if sidecar is not None:  # {doc_id: {column: value}}; the columns hold the strings (or None) read
        columns = list(sidecar.columns)
        values = zip(*(sidecar[c].tolist() for c in columns), strict=True)
        sidecar_rows = {doc_id: dict(zip(columns, row, strict=True))
                        for doc_id, row in zip(sidecar.index.tolist(), values, strict=False)}

    rows = [corpus_row(doc, len(doc["summary"].kept_idx) - len(template.get(doc["doc_id"], ())),
                       {**given.get(doc["doc_id"], {}), **sidecar_rows.get(doc["doc_id"], {})}, host_table)
            for doc in docs]
    if sidecar is not None:
        for key in sidecar.columns:
            if key in CORPUS_COLUMNS and key not in _SIDECAR_WINS:
                report.add(str(folder / METADATA_FILE), f"column {key!r} is computed by kzru and cannot be set "
                           "in the sidecar; ignored", line_no=1, severity="note")
    source_cols = list(SOURCE_COLUMNS) if tables or any(r.get("url") or r.get("title_basis") == "html" or
                                                          r.get("outlet_basis") == "html" for r in rows) else []
    extra_cols = list(dict.fromkeys(c for c in [*(k for v in given.values() for k in v),
                                                *(sidecar.columns if sidecar is not None else [])]
                                    if c not in CORPUS_COLUMNS and c not in source_cols
                                    and c not in near_copies.DUPLICATE_COLUMNS))
    # object columns from the start: inferring string columns would copy every text twice
    rows.sort(key=lambda r: r["doc_id"])
    corpus = pd.DataFrame(rows, columns=list(CORPUS_COLUMNS) + source_cols + extra_cols, dtype=object)
    corpus = corpus.where(corpus.notna(), None).astype({"n_lines": "int64", "n_kept_lines": "int64"})
    if duplicates or exclude_duplicates:
        corpus = near_copies.mark_duplicates(corpus, signed=near_copies.signatures_in_parallel(
            corpus["text"].tolist(), workers=workers))
    else:
        corpus = corpus.assign(**{c: pd.Series([None] * len(corpus), dtype=object, index=corpus.index)
                                  for c in near_copies.DUPLICATE_COLUMNS})
    corpus = corpus[list(CORPUS_COLUMNS) + source_cols + list(near_copies.DUPLICATE_COLUMNS) + extra_cols]
    if exclude_duplicates:
        corpus = near_copies.drop_duplicates(corpus)
        docs = [d for d in docs if d["doc_id"] in set(corpus["doc_id"])]
    report.summary()
    # attrs hold plain lists of dicts only (pandas copies and serialises them).
    corpus.attrs["problems"] = report.rows
    corpus.attrs["patterns"] = cleaning.user_pattern_rows(table)
    lines = cleaning.lines_table({d["doc_id"]: d["audit"] for d in docs}, corpus) if with_lines else None
    return corpus, lines, {d["doc_id"]: (d["hook"], removed.get(d["doc_id"], [])) for d in docs} if hook is not None else {}


#: Columns added when some article is an HTML page, a table row, or has a URL.
SOURCE_COLUMNS = ("url", "title_basis", "outlet_basis")
#: Rows of a table read and cleaned at a time (a large export is never held whole in memory twice).
TABLE_BATCH = 5000


def _batches(files: list[str], tables: list[str], columns: dict | None, report: _Report):
    """The work items of a load: all article files as one batch, then each table's rows in batches."""
    if files:
        yield files
    for path in tables:
        batch = []
        try:
            for item in sources.iter_table(path, columns=columns):
                if isinstance(item, tuple):
                    report.add(path, item[1], line_no=item[0])
                    continue
                batch.append(item)
                if len(batch) >= TABLE_BATCH:
                    yield batch
                    batch = []
        except (KeyError, ValueError, OSError, ImportError) as exc:
            report.add(path, f"table not read further: {exc.args[0] if isinstance(exc, KeyError) else exc}")
        if batch:
            yield batch


def _table_values(row: sources.TableRow, report: _Report) -> dict:
    """A table row's columns as sidecar values: the publication date parsed (a bad one is reported)."""
    values = dict(row.fields)
    if values.get("published"):
        iso = parse_date(values["published"])
        if iso is None:
            report.add(row.path, f"row {row.row_no}: published {values['published']!r} is not a date "
                       "(expected YYYY-MM-DD, YYYY-MM or YYYY); value ignored", line_no=row.line_no)
        values["published"] = iso
    return values


def corpus_row(doc: dict, n_kept: int, extra: dict, hosts: dict) -> dict:
    """One corpus row from a cleaned article record (the one row builder of the folder reader and the store).

    Precedence for title, outlet and date: the sidecar or table row (``metadata``) > the page's own
    tags (``html``) > the URL (``url``) > the text. Extra sidecar columns are appended.
    """
    meta = doc["meta"]
    row = {
        "doc_id": doc["doc_id"], "path": doc["path"], "sha256": doc["sha256"], "encoding": doc["encoding"],
        "title": meta.get("title"), "outlet": meta.get("outlet"), "dateline": meta.get("dateline"),
        "published": meta.get("published"), "published_basis": "text" if meta.get("published") else None,
        "language": doc["language"], "n_lines": doc["n_lines"], "n_kept_lines": n_kept,
        "raw_text": doc["raw_text"], "text": doc["kept_text"],
    }
    _apply_page_and_url(row, doc.get("page_meta"), extra.get("url"), hosts)
    for key, value in extra.items():
        if key in _SIDECAR_WINS:
            if value is not None and not (isinstance(value, float) and pd.isna(value)):
                row[key] = value
                if key in ("published", "title", "outlet"):
                    row[f"{key}_basis"] = "metadata"
        elif key not in row:
            row[key] = value
    return row


def _apply_page_and_url(row: dict, page_meta: dict | None, url: str | None, hosts: dict) -> None:
    """Fill title, outlet and published from a page's tags and from the article's URL, with their basis.

    A page's tags (``og:title``, ``og:site_name``, ``article:published_time``...; basis ``html``)
    win over what the text gives. Then the URL (the ``url`` value given, else the page's canonical
    URL; basis ``url``): a host found in the host table names the outlet unless the page's tags did;
    an unknown host names it only when nothing else did; a date in the path wins over a date read
    from the text unless they agree (the text's being more precise). Sidecar and table values are
    applied afterwards and win over all of these.
    """
    from . import urls

    row["title_basis"] = "text" if row["title"] else None
    row["outlet_basis"] = "text" if row["outlet"] else None
    page_meta = page_meta or {}
    for key in ("title", "outlet", "published"):
        if key in page_meta:
            value = parse_date(page_meta[key][0]) if key == "published" else page_meta[key][0]
            if value:
                row[key], row[f"{key}_basis"] = value, "html"
    url = url or (page_meta["url"][0] if "url" in page_meta else None)
    if not url:
        return
    row["url"] = url
    outlet, known = urls.url_outlet(url, hosts)
    if outlet and row["outlet_basis"] != "html" and (known or row["outlet"] is None):
        row["outlet"], row["outlet_basis"] = outlet, "url"
    date = urls.url_date(url)
    if date and row["published_basis"] != "html" and not (row["published"] or "").startswith(date):
        row["published"], row["published_basis"] = date, "url"


def load_problems(corpus: pd.DataFrame) -> pd.DataFrame:
    """The files and sidecar rows that :func:`load_corpus` could not use, as a table.

    Returns:
        Columns ``path``, ``line_no`` (for sidecar rows), ``severity`` (``error`` for an unread
        article, ``note`` for a file that is not an article), ``problem``.
    """
    return pd.DataFrame(corpus.attrs.get("problems", []), columns=["path", "line_no", "severity", "problem"])
