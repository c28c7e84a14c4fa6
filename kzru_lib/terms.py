"""Terms: tokens, frequencies, keyness, concordance (KWIC), collocations and dispersion.

The quanteda verbs for the first pass over a corpus, as tidy tables:

=========================  =====================================================  ===========================
kzru                       returns (one row per ...)                              quanteda / AntConc
=========================  =====================================================  ===========================
``term_options()``         the tokenising rules (stop words, multi-word terms,    ``tokens()`` options
                           aliases, numbers, stemming), built once
``tokenize(text)``         token of one string                                    ``tokens()``
``tokens(kept)``           token of the corpus, with ``doc_id``/``line_no``       ``tokens()``
``doc_terms(kept)``        (document, term): the long document-term table         ``dfm()``
``frequency(dt)``          term (per group): count, docfreq, rank                 ``textstat_frequency()``
``tfidf(dt)``              (document, term) weighted                              ``dfm_tfidf()``
``keyness(dt, ...)``       term: G², chi², p-values, log ratio                    ``textstat_keyness()``
``trend(dt, ...)``         (period, term)                                         Voyant "Trends"
``kwic(kept, pattern)``    match: ``doc_id``, ``line_no``, left/keyword/right      ``kwic()``, AntConc
``collocations(kept)``     word pair: count, PMI, G²                              ``textstat_collocations()``
``dispersion(kept, ...)``  occurrence of a term, with its position in the text    ``textplot_xray()``
=========================  =====================================================  ===========================

``kept`` is the kept text: ``segment.kept_lines(corpus)`` (one row per kept line, with
``doc_id``, ``line_no``, ``text``, ``start``). Passing the corpus table itself is also
accepted: its ``text`` column is the kept text joined by newlines, and functions that
need line numbers call ``segment.kept_lines`` on it. Boilerplate never reaches a count.

Heuristics are data in ``kzru_lib/data/``: ``stopwords_en.txt`` (the Snowball list),
``stopwords_news.txt`` (optional), ``multiword_terms.csv`` and ``term_aliases.csv``.
Pass your own files through :func:`term_options`.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import KzruError

__all__ = [
    "TermOptions",
    "term_options",
    "tokenize",
    "tokens",
    "doc_terms",
    "read_doc_terms",
    "frequency",
    "tfidf",
    "keyness",
    "trend",
    "kwic",
    "collocations",
    "dispersion",
]

_CURRENCY = "$€£₽₸"
# The token regex is written in lower case and compiled twice: with IGNORECASE (offsets in the
# original text: tokens, KWIC) and without, for lower-cased text (the counting fast path, ~2x faster).
# At each position the multi-word terms are tried first; then a word, a number or money, whose
# first characters never overlap (a letter or underscore; a digit; a currency sign), so at most
# one of them can match there. Possessive quantifiers (*+, ++) say that nothing is given back:
# the same matches, found faster (about a third less time on a 10,000-article corpus).
# Money and numbers as single tokens: $30 billion, ₸5.2 mln, 10.2%, 6,000, 80th.
_MONEY = (
    r"[" + _CURRENCY + r"][^\S\n]?\d+(?:[.,]\d+)*"
    r"(?:[^\S\n]?(?:trillion|billion|million|thousand|bln|mln|bn|mn|tn)\b)?"
)
_NUMBER = r"\d++(?:[.,]\d++)*+(?:[^\S\n]?%|(?:st|nd|rd|th)\b)?"
# One word: word characters with inner hyphens or apostrophes (Kassym-Jomart, Russia's, Russia’s,
# don't, COVID-19). A digit never starts a word: that is a number.
_WORD = r"[^\W\d]\w*+(?:[-'’‘]\w++)*+"
_SINGLE = "|".join([_WORD, _NUMBER, _MONEY])
# Where an n-gram or a collocation may not run across: line breaks, sentence punctuation
# followed by a space, quotes and brackets.
_PHRASE_BREAK = re.compile(r"\n|[.!?;:…]+(?=\s|$)|[\"“”«»()\[\]]")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s$")


@dataclass(frozen=True)
class TermOptions:
    """Compiled tokenising rules; build it with :func:`term_options` (not directly).

    Attributes:
        stopwords: lower-cased stop words (straight apostrophes).
        multiword: multi-word terms kept as one token, lower-cased, single-spaced.
        aliases: alias -> canonical term, both lower-cased.
        numbers: keep numbers and money (``$30 billion``) as tokens.
        lowercase: fold case.
        min_chars: shortest word kept (numbers are exempt).
        stem: Snowball stemmer language (``"english"``, ``"russian"``...) or None.
        pattern: the compiled token regex (multi-word terms first, then money, numbers, words),
            case-insensitive.
        lower_pattern: the same regex, case-sensitive, for text already lower-cased.
    """

    stopwords: frozenset[str]
    multiword: tuple[str, ...]
    aliases: dict[str, str] = field(hash=False)
    numbers: bool
    lowercase: bool
    min_chars: int
    stem: str | None
    pattern: re.Pattern = field(repr=False, hash=False)
    lower_pattern: re.Pattern = field(repr=False, hash=False)

    def normaliser(self):
        """Return a function raw token -> term (or None when the token is not counted).

        The function memoises per call site (a dict local to the returned closure), so each
        distinct surface form is normalised once per job: the counting loop never calls
        Python per token.
        """
        stop, aliases, numbers, lower, min_chars = (self.stopwords, self.aliases, self.numbers,
                                                    self.lowercase, self.min_chars)
        stemmer = None
        if self.stem:
            from nltk.stem.snowball import SnowballStemmer

            stemmer = SnowballStemmer(self.stem)
        memo: dict[str, str | None] = {}

        def term(raw: str) -> str | None:
            try:
                return memo[raw]
            except KeyError:
                pass
            t = raw.translate(_APOS)
            if lower:
                t = t.lower()
            t = " ".join(t.split())
            first = t[:1]
            if first.isdigit() or first in _CURRENCY:
                out = t if numbers else None
            elif t in stop:
                out = None
            else:
                t = _POSSESSIVE.sub("", t)
                if t in stop or len(t) < min_chars:
                    out = None
                else:
                    out = aliases.get(t, t)
                    if stemmer is not None and out == t and " " not in t:
                        out = stemmer.stem(t)
            memo[raw] = out
            return out

        return term


# --------------------------------------------------------------------------- options


def _data_path(name: str) -> Path:
    return Path(str(resources.files("kzru_lib") / "data" / name))


def _read_stop_file(path: Path) -> set[str]:
    """Snowball format: one word at the start of a line, comments after '|'."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KzruError(f"{path}: cannot read stop-word list ({exc.strerror})") from None
    words = set()
    for line in lines:
        word = line.split("|", 1)[0].strip()
        if word:
            words.add(word.translate(_APOS).lower())
    return words


def _stopword_set(stopwords: str | Iterable[str]) -> set[str]:
    if isinstance(stopwords, str):
        stopwords = (stopwords,)
    words: set[str] = set()
    for name in stopwords:
        shipped = _data_path(f"stopwords_{name}.txt")
        if "/" not in name and "\\" not in name and shipped.is_file():
            words |= _read_stop_file(shipped)
            continue
        path = Path(name)
        if path.suffix and path.is_file():
            words |= _read_stop_file(path)
            continue
        from stop_words import LANGUAGE_MAPPING, get_stop_words

        if name in LANGUAGE_MAPPING or name in LANGUAGE_MAPPING.values():
            words |= {w.translate(_APOS).lower() for w in get_stop_words(name)}
            continue
        raise KzruError(
            f"stop words {name!r}: not a shipped list (en, news), not a language of the "
            f"stop-words package ({', '.join(sorted(LANGUAGE_MAPPING))}) and not an existing file"
        )
    return words


def _read_table(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise KzruError(f"{path}: missing column(s) {', '.join(missing)}; "
                                f"expected a CSV with columns {', '.join(required)}")
            rows = []
            for line_no, row in enumerate(reader, start=2):
                if any(not (row.get(c) or "").strip() for c in required):
                    raise KzruError(f"{path}, line {line_no}: empty {' or '.join(required)}")
                rows.append(row)
            return rows
    except OSError as exc:
        raise KzruError(f"{path}: cannot read ({exc.strerror})") from None


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation for many phrases, factored as a character trie (spaces match any
    run of spaces or tabs, never a newline)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"[^\S\n]++" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def _norm_phrase(text: str) -> str:
    return " ".join(text.translate(_APOS).lower().split())


def term_options(
    *,
    stopwords: str | Iterable[str] = ("en", "ru"),
    extra_stopwords: Iterable[str] = (),
    multiword: str | Path | Iterable[str] | None = "default",
    aliases: str | Path | dict[str, str] | None = "default",
    numbers: bool = False,
    lowercase: bool = True,
    min_chars: int = 2,
    stem: str | None = None,
) -> TermOptions:
    """Build the tokenising rules used by every function of this module.

    Args:
        stopwords: names of stop-word lists, each one of: a list shipped in ``kzru_lib/data``
            (``"en"`` = the Snowball English list, ``"news"`` = reporting verbs and the
            commonest words Snowball leaves out), a language code or name of the
            ``stop-words`` package (``"ru"``, ``"kk"`` is not there), or a path to a text
            file in Snowball format. ``()`` keeps every word.
        extra_stopwords: more words to drop (e.g. outlet names).
        multiword: multi-word terms kept as one token: ``"default"`` (the shipped
            ``multiword_terms.csv``), a path to a CSV with a ``term`` column, a list of
            phrases, or None. Multi-word aliases (keys and targets) are added automatically.
        aliases: ``"default"`` (the shipped ``term_aliases.csv``), a path to a CSV with
            ``alias`` and ``term`` columns, a dict, or None.
        numbers: keep numbers and money as single tokens (``$30 billion``, ``10.2%``).
        lowercase: fold case (acronyms ``CSTO`` -> ``csto``).
        min_chars: drop words shorter than this (numbers exempt).
        stem: a Snowball stemmer language (``"english"``) applied to single words, or None.

    Returns:
        A frozen :class:`TermOptions` to pass as ``options=`` to the other functions.

    Note:
        Tokens follow NLTK's ``RegexpTokenizer`` conventions (one compiled regex, gaps are
        punctuation); hyphenated names and inner apostrophes stay in one token; a final
        possessive ``'s``/``’s`` is dropped (``Russia’s`` -> ``russia``). Multi-word terms
        match case-insensitively across spaces but never across lines.

    Example:
        >>> opts = term_options(stopwords=("en",), multiword=["trade turnover"], aliases=None)
        >>> tokenize("Trade turnover grew.", options=opts)["term"].tolist()
        ['trade turnover', 'grew']
    """
    if min_chars < 1:
        raise KzruError(f"min_chars must be >= 1, got {min_chars}")
    stop = _stopword_set(stopwords) | {w.translate(_APOS).lower() for w in extra_stopwords}

    if aliases is None:
        alias_map: dict[str, str] = {}
    elif isinstance(aliases, dict):
        alias_map = {_norm_phrase(k): _norm_phrase(v) for k, v in aliases.items()}
    else:
        path = _data_path("term_aliases.csv") if aliases == "default" else Path(aliases)
        alias_map = {_norm_phrase(r["alias"]): _norm_phrase(r["term"])
                     for r in _read_table(path, ("alias", "term"))}

    if multiword is None:
        phrases: set[str] = set()
    elif isinstance(multiword, (str, Path)):
        path = _data_path("multiword_terms.csv") if multiword == "default" else Path(multiword)
        phrases = {_norm_phrase(r["term"]) for r in _read_table(path, ("term",))}
    else:
        phrases = {_norm_phrase(p) for p in multiword}
    phrases |= {p for pair in alias_map.items() for p in pair if " " in p}
    phrases = {p for p in phrases if " " in p}
    # longest first, so "comprehensive strategic partnership" wins over "strategic partnership"
    ordered = tuple(sorted(phrases, key=lambda p: (-len(p), p)))

    parts = []
    if ordered:
        # A trie, so the regex engine dispatches on the first letter instead of trying every
        # phrase at every word (2-3x faster on a 10,000-article corpus). Greedy: longest wins.
        parts.append(_trie_pattern(ordered) + r"(?:['’]s)?(?!\w|[-'’]\w)")
    parts.append(_SINGLE)
    source = "|".join(parts)
    if stem:
        from nltk.stem.snowball import SnowballStemmer

        if stem not in SnowballStemmer.languages:
            raise KzruError(f"stem={stem!r}: not a Snowball language ({', '.join(SnowballStemmer.languages)})")
    return TermOptions(frozenset(stop), ordered, alias_map, numbers, lowercase, min_chars, stem,
                       re.compile(source, re.IGNORECASE), re.compile(source))


def _opts(options: TermOptions | None) -> TermOptions:
    return term_options() if options is None else options


# --------------------------------------------------------------------------- tokens


_TOKEN_COLUMNS = ["token_no", "surface", "term", "start", "end"]


def tokenize(text: str, *, options: TermOptions | None = None, keep_stopwords: bool = False) -> pd.DataFrame:
    """Tokenise one string.

    Args:
        text: any text (one line, one article).
        options: rules from :func:`term_options` (default rules when None).
        keep_stopwords: also return dropped tokens (stop words, short words, numbers when
            ``numbers=False``), with ``term`` = None.

    Returns:
        DataFrame sorted by ``token_no``: ``token_no`` (0-based, counting every token,
        dropped ones included, so gaps show where a stop word was), ``surface`` (the text as
        written), ``term`` (normalised: case-folded, possessive dropped, alias applied),
        ``start``, ``end`` (character offsets, ``text[start:end] == surface``).

    Example:
        >>> tokenize("Russia’s CSTO role", options=term_options(aliases=None))["term"].tolist()
        ['russia', 'csto', 'role']
    """
    opts = _opts(options)
    norm = opts.normaliser()
    rows = []
    for i, m in enumerate(opts.pattern.finditer(text)):
        t = norm(m.group())
        if t is not None or keep_stopwords:
            rows.append((i, m.group(), t, m.start(), m.end()))
    return pd.DataFrame(rows, columns=_TOKEN_COLUMNS).astype({"token_no": "int64", "start": "int64", "end": "int64"})


def _kept(kept: pd.DataFrame, *, need_lines: bool) -> pd.DataFrame:
    """Accept the kept-lines table, or a corpus table (converted when lines are needed)."""
    if not isinstance(kept, pd.DataFrame) or "doc_id" not in kept.columns or "text" not in kept.columns:
        raise KzruError("expected the kept-lines table (segment.kept_lines(corpus)) or the corpus table: "
                        "a DataFrame with doc_id and text columns")
    if "line_no" in kept.columns:
        if "start" not in kept.columns:
            kept = kept.assign(start=0)
        return kept
    if need_lines:
        from . import segment

        return segment.kept_lines(kept)
    return kept


def tokens(kept: pd.DataFrame, *, options: TermOptions | None = None, keep_stopwords: bool = False) -> pd.DataFrame:
    """Tokenise the kept text of a corpus, keeping where every token came from.

    Args:
        kept: ``segment.kept_lines(corpus)`` (or the corpus table).
        options: rules from :func:`term_options`.
        keep_stopwords: also return dropped tokens, with ``term`` = None.

    Returns:
        DataFrame sorted by (``doc_id``, ``token_no``): ``doc_id``, ``line_no``,
        ``token_no`` (0-based within the document, every token counted), ``surface``,
        ``term``, ``start``, ``end`` (offsets within the normalised raw line, so
        ``lines.text.str[start:end] == surface``).

    Example:
        >>> kept = pd.DataFrame({"doc_id": ["a"], "line_no": [3], "text": ["Trade grew"], "start": [0]})
        >>> tokens(kept, options=term_options(aliases=None))[["line_no", "term"]].values.tolist()
        [[3, 'trade'], [3, 'grew']]
    """
    opts = _opts(options)
    kept = _kept(kept, need_lines=True)
    norm = opts.normaliser()
    finditer = opts.pattern.finditer
    out = []
    last_doc, n = None, 0
    for doc_id, line_no, text, start in zip(kept["doc_id"], kept["line_no"], kept["text"], kept["start"], strict=True):
        if doc_id != last_doc:
            last_doc, n = doc_id, 0
        for m in finditer(text or ""):
            t = norm(m.group())
            if t is not None or keep_stopwords:
                out.append((doc_id, line_no, n, m.group(), t, start + m.start(), start + m.end()))
            n += 1
    table = pd.DataFrame(out, columns=["doc_id", "line_no"] + _TOKEN_COLUMNS)
    table = table.astype({"line_no": "int64", "token_no": "int64", "start": "int64", "end": "int64"})
    return table.sort_values(["doc_id", "token_no"], kind="stable", ignore_index=True)


# --------------------------------------------------------------------------- document-term table


#: Marks a space that a token may cross (``trade\x00turnover``) in the keys of the fast path.
_JOINED = "\x00"
#: Words that may follow a space inside a money or number token (``$ 30``, ``30 billion``, ``10 %``).
_SPAN_AFTER = r"%|trillion|billion|million|thousand|bln|mln|bn|mn|tn"


def _join_pattern(opts: TermOptions) -> re.Pattern:
    """The spaces a token may cross: a space followed by a later word of a multi-word term,
    by ``%`` or a money scale, or between a currency sign and a digit. A superset: joining a
    space that no token crosses changes nothing (see :func:`_text_counter`). The pattern starts
    with a literal space, so the regex engine jumps from space to space."""
    later = sorted({w for phrase in opts.multiword for w in phrase.split()[1:]})
    after = (_trie_pattern(later) + "|" if later else "") + _SPAN_AFTER
    return re.compile(" (?:(?=" + after + ")|(?<=[" + _CURRENCY + "] )(?=\\d))")


def _text_counter(opts: TermOptions, ngram: int):
    """Return ``count(text) -> (keys, counts)``: what one text contributes to the document-term table.

    Counts add up over lines: no token and no n-gram crosses a line break, so the count of a
    text is the sum of the counts of its lines. The keys are resolved into terms once per
    distinct key by :class:`_Vocabulary`.

    For n-grams the keys are finished n-grams of counted terms. For ``ngram=1`` a key is a
    *chunk* of the lower-cased text: what ``str.split()`` gives once the spaces that a token
    may cross are joined (``trade\\x00turnover,``). Joining, splitting and counting in C took
    200 instead of 320 microseconds per article of the 20,000-article benchmark corpus (the
    token regex over the whole text), and the result is exact:

    - no token starts with a space, and the only tokens that hold one are multi-word terms,
      ``10 %``, ``$ 30`` and ``30 billion``, whose spaces the join pattern always marks;
    - so every space left is crossed by no token; the regex, run from the start of a chunk,
      finds there what it finds in the whole text (what decides a match beside its own
      characters is whether the next character is a letter, a hyphen or an apostrophe: a space
      and the end of the string answer alike);
    - so the tokens of a text are the tokens of its chunks, in order, and the vocabulary runs
      the regex once per distinct chunk.

    Texts with other spaces (tabs, no-break spaces, two spaces in a row) or a ``\\x00`` take
    the plain path: the regex over the text, whose keys are the tokens themselves (a token
    run through the regex again is itself).
    """
    if ngram == 1:
        lower = opts.lowercase
        findall = (opts.lower_pattern if lower else opts.pattern).findall
        join = _join_pattern(opts).sub

        def count(text: str) -> tuple[list[str], list[int]]:
            if not text:
                return [], []
            if not lower:
                counts = Counter(findall(text))
            else:
                low = text.lower()
                counts = None
                if "  " not in low and _JOINED not in low:
                    joined = join(_JOINED, low)
                    chunks = joined.split()
                    # only spaces and newlines split it (the length of what split removed)
                    if sum(map(len, chunks)) + joined.count(" ") + joined.count("\n") == len(joined):
                        counts = Counter(chunks)
                if counts is None:
                    counts = Counter(findall(low))
            return list(counts), list(counts.values())

        return count
    norm = opts.normaliser()
    finditer = opts.pattern.finditer

    def count_grams(text: str) -> tuple[list[str], list[int]]:
        counts: Counter = Counter()
        for chunk in _PHRASE_BREAK.split(text) if text else ():
            seq = [norm(m.group()) for m in finditer(chunk)]
            for i in range(len(seq) - ngram + 1):
                gram = seq[i:i + ngram]
                if None not in gram:
                    counts[" ".join(gram)] += 1
        return list(counts), list(counts.values())

    return count_grams


def _pack(results: list[tuple[list[str], list[int]]]) -> tuple:
    """A batch of :func:`_text_counter` results as ``(distinct keys, lengths, key positions, counts)``.

    Small to send between processes: each distinct key once, the rest as integer arrays.
    """
    keys: list[str] = []
    vals: list[int] = []
    for k, v in results:
        keys += k
        vals += v
    position = {key: i for i, key in enumerate(dict.fromkeys(keys))}
    return (list(position), np.fromiter(map(len, (k for k, _ in results)), dtype=np.int64, count=len(results)),
            np.fromiter(map(position.__getitem__, keys), dtype=np.int32, count=len(keys)),
            np.asarray(vals, dtype=np.int64))


class _Vocabulary:
    """Keys of :func:`_text_counter` -> key ids -> term ids, each distinct key resolved once.

    A key stands for zero or more terms (a chunk ``"russia's,"`` is one term; ``"and"`` none;
    ``"trade\\x00turnover"`` one multi-word term; ``"ab-cd/ef"`` two), kept as a ragged table.
    """

    def __init__(self, opts: TermOptions, ngram: int):
        if ngram == 1:
            norm = opts.normaliser()
            findall = (opts.lower_pattern if opts.lowercase else opts.pattern).findall

            def terms_of(key: str) -> list[str]:
                return [t for t in map(norm, findall(key.replace(_JOINED, " "))) if t is not None]
        else:
            def terms_of(key: str) -> list[str]:
                return [key]
        self.terms_of = terms_of
        self.key_ids: dict[str, int] = {}
        self.term_ids: dict[str, int] = {}
        self.sizes: list[int] = []  # number of terms of each key
        self.flat: list[int] = []  # their term ids, key after key

    def kids(self, keys: list[str]) -> np.ndarray:
        found = list(map(self.key_ids.get, keys))  # a C loop: no Python call per key once all are known
        if None in found:
            key_ids, term_ids = self.key_ids, self.term_ids
            for key in keys:
                if key not in key_ids:
                    ids = [term_ids.setdefault(t, len(term_ids)) for t in self.terms_of(key)]
                    key_ids[key] = len(self.sizes)
                    self.sizes.append(len(ids))
                    self.flat += ids
            found = list(map(key_ids.__getitem__, keys))
        return np.array(found, dtype=np.int64)

    def unpack(self, packed: tuple) -> list[tuple[np.ndarray, np.ndarray]]:
        """:func:`_pack`'s batch -> one ``(key ids, counts)`` pair of arrays per text."""
        keys, lens, pos, vals = packed
        kids = self.kids(keys)[pos]
        ends = np.cumsum(lens).tolist()
        starts = [0] + ends[:-1] if ends else []
        return [(kids[s:e], vals[s:e]) for s, e in zip(starts, ends, strict=True)]

    def expand(self, docs: np.ndarray, kids: np.ndarray, counts: np.ndarray):
        """(document, key id, count) entries -> (document, term id, count) entries."""
        sizes = np.asarray(self.sizes, dtype=np.int64)
        first = np.cumsum(sizes) - sizes
        flat = np.asarray(self.flat, dtype=np.int64)
        n = sizes[kids]
        one = n == 1  # most keys are one term; stop words none; a few several
        out_docs, out_tids, out_counts = [docs[one]], [flat[first[kids[one]]]], [counts[one]]
        many = np.flatnonzero(n > 1)
        if len(many):
            n_many = n[many]
            entry = np.repeat(many, n_many)
            within = np.arange(len(entry)) - np.repeat(np.cumsum(n_many) - n_many, n_many)
            out_docs.append(docs[entry])
            out_tids.append(flat[first[kids[entry]] + within])
            out_counts.append(counts[entry])
        return np.concatenate(out_docs), np.concatenate(out_tids), np.concatenate(out_counts)


def _str_column(codes: np.ndarray, labels: list[str]):
    """``labels[codes]`` as pandas' default string column (arrow-backed strings are built in C)."""
    dtype = pd.Series(["x"]).dtype
    if getattr(dtype, "storage", None) == "pyarrow":
        import pyarrow as pa

        arr = pa.DictionaryArray.from_arrays(pa.array(codes, type=pa.int64()),
                                             pa.array(labels, type=pa.large_string())).dictionary_decode()
        return arr.to_pandas(types_mapper=lambda _: dtype)
    return np.asarray(labels, dtype=object)[codes]


#: Up to this many (document, term) cells, counts are summed in a dense array (no sort).
_DENSE_CELLS = 8_000_000


def _assemble(doc_order: list, runs: list[list[tuple[np.ndarray, np.ndarray]]], vocab: _Vocabulary,
              ngram: int) -> _Cells:
    """The document-term cells from per-document runs of ``(key ids, counts)`` (``runs[k]`` belongs
    to ``doc_order[k]``).

    Several keys may fold into one term (Russia, Russia's, RUSSIA) and counts may be negative
    (lines dropped after counting): they are summed, and zero counts left out.
    """
    parts = [run for doc_runs in runs for run in doc_runs]
    lens = np.fromiter((sum(len(k) for k, _ in doc_runs) for doc_runs in runs), dtype=np.int64, count=len(runs))
    kids = np.concatenate([k for k, _ in parts]) if parts else np.zeros(0, dtype=np.int64)
    vals = np.concatenate([v for _, v in parts]).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)
    docs = np.repeat(np.arange(len(doc_order), dtype=np.int64), lens)
    docs, tids, vals = vocab.expand(docs, kids.astype(np.int64), vals)
    return _Cells(list(doc_order), vocab.term_ids, docs, tids, vals, ngram)


class _Cells:
    """The non-zero (document, term) cells of a corpus, as arrays: what the document-term table
    and the frequency table are both built from.

    Attributes:
        doc_order: the documents, by position; ``terms``: every term, in alphabetical order.
        d, t, count: one entry per non-zero cell (document position, term position, count),
            in (document position, term) order.
    """

    def __init__(self, doc_order: list, term_ids: dict[str, int], docs: np.ndarray, tid: np.ndarray,
                 counts: np.ndarray, ngram: int):
        self.doc_order, self.ngram = doc_order, ngram
        # terms renumbered in alphabetical order, so sorting by position sorts by term
        self.terms = sorted(term_ids)
        alpha = np.empty(len(term_ids), dtype=np.int64)
        alpha[np.fromiter(map(term_ids.__getitem__, self.terms), dtype=np.int64, count=len(self.terms))] = \
            np.arange(len(self.terms))
        n_terms, n_docs = len(self.terms), len(doc_order)
        key = docs * n_terms + alpha[tid]
        if n_docs * n_terms <= _DENSE_CELLS:  # a dense sum, then the non-zero cells (already in key order)
            dense = np.bincount(key, weights=counts, minlength=n_docs * n_terms).astype(np.int64)
            cells = np.flatnonzero(dense)
            summed = dense[cells]
        else:
            cells, inverse = np.unique(key, return_inverse=True)
            summed = np.bincount(inverse, weights=counts, minlength=len(cells)).astype(np.int64)
            nonzero = summed != 0
            cells, summed = cells[nonzero], summed[nonzero]
        n_terms = max(n_terms, 1)
        self.d, self.t, self.count = cells // n_terms, cells % n_terms, summed

    def table(self) -> pd.DataFrame:
        """The document-term table of :func:`doc_terms`."""
        doc_order, d, t, summed = self.doc_order, self.d, self.t, self.count
        n_docs, n_terms = len(doc_order), len(self.terms)
        if not len(summed):
            table = pd.DataFrame({"doc_id": pd.Series(dtype=object), "term": pd.Series(dtype=object),
                                  "count": pd.Series(dtype="int64"), "rel_freq": pd.Series(dtype="float64")})
        else:
            totals = np.bincount(d, weights=summed, minlength=n_docs)
            rel = summed / totals[d]
            # doc order = sorted doc_id; within a document by count descending then term
            doc_rank = np.empty(n_docs, dtype=np.int64)
            doc_rank[np.argsort(np.asarray(doc_order, dtype=str), kind="stable")] = np.arange(n_docs)
            top = int(summed.max()) + 1
            if n_docs * top * n_terms < 2**62:  # one integer key: a single argsort instead of a lexsort
                order = np.argsort((doc_rank[d] * top + (top - 1 - summed)) * n_terms + t)
            else:
                order = np.lexsort((t, -summed, doc_rank[d]))
            table = pd.DataFrame({
                "doc_id": _str_column(d[order], doc_order),
                "term": _str_column(t[order], self.terms),
                "count": summed[order],
                "rel_freq": rel[order],
            })
        table.attrs.update(doc_ids=sorted(map(str, doc_order)), ngram=self.ngram)
        return table

    def frequency(self, docvars: pd.DataFrame | None = None, by: str | None = None,
                  n: int | None = None) -> pd.DataFrame:
        """:func:`frequency` of :meth:`table`, computed on the cells (no table of every cell is built)."""
        if not len(self.count):
            return frequency(self.table(), docvars=docvars, by=by, n=n)
        n_terms = len(self.terms)
        if by is None:
            g_of_doc, labels = np.zeros(len(self.doc_order), dtype=np.int64), [None]
        else:
            docs = pd.DataFrame({"doc_id": self.doc_order})
            names = _groups(docs, docvars, by).tolist()
            labels = sorted(set(names))
            code = {label: i for i, label in enumerate(labels)}
            g_of_doc = np.fromiter(map(code.__getitem__, names), dtype=np.int64, count=len(names))
        key = g_of_doc[self.d] * n_terms + self.t
        if len(labels) * n_terms <= _DENSE_CELLS:
            size = len(labels) * n_terms
            docfreq = np.bincount(key, minlength=size)
            present = np.flatnonzero(docfreq)
            count = np.bincount(key, weights=self.count, minlength=size).astype(np.int64)[present]
            docfreq = docfreq[present]
        else:
            present, inverse = np.unique(key, return_inverse=True)
            docfreq = np.bincount(inverse, minlength=len(present))
            count = np.bincount(inverse, weights=self.count, minlength=len(present)).astype(np.int64)
        g, t = present // n_terms, present % n_terms
        # rank within the group, ties sharing the lowest ("min"): 1 + entries with a larger count
        by_count = np.lexsort((-count, g))
        gs, cs = g[by_count], count[by_count]
        new_run = np.ones(len(gs), dtype=bool)
        new_run[1:] = (gs[1:] != gs[:-1]) | (cs[1:] != cs[:-1])
        run_start = np.maximum.accumulate(np.where(new_run, np.arange(len(gs)), 0))
        group_start = np.searchsorted(gs, gs, side="left")
        rank = np.empty(len(gs), dtype=np.int64)
        rank[by_count] = run_start - group_start + 1
        order = np.lexsort((t, rank, g))
        if n is not None:
            g_sorted = g[order]
            within = np.arange(len(order)) - np.searchsorted(g_sorted, g_sorted, side="left")
            order = order[within < n]
        out = {"term": _str_column(t[order], self.terms), "count": count[order],
               "docfreq": docfreq[order].astype(np.int64), "rank": rank[order]}
        if by is not None:
            out = {"group": _str_column(g[order], labels), **out}
        return pd.DataFrame(out)


class _Counting:
    """Counting done where a text is (a worker process), resolved where the table is built.

    ``counting(text)`` counts one text; ``pack`` turns a batch of counts into arrays (in the
    worker); ``unpack`` resolves them against the one vocabulary (in the main process).
    """

    def __init__(self, opts: TermOptions, ngram: int):
        self.count = _text_counter(opts, ngram)
        self.vocab = _Vocabulary(opts, ngram)
        self.ngram = ngram

    def __call__(self, text: str) -> tuple[list[str], list[int]]:
        return self.count(text)

    def pack(self, results: list) -> tuple:
        return _pack(results)

    def unpack(self, packed: tuple) -> list[tuple[np.ndarray, np.ndarray]]:
        return self.vocab.unpack(packed)

    def run(self, text: str, sign: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """Count one text here: ``(key ids, counts)`` (``sign=-1`` to take it back)."""
        keys, vals = self.count(text)
        return self.vocab.kids(keys), np.asarray(vals, dtype=np.int64) * sign


def _count_chunk(count, texts: list[str]) -> tuple:
    """Count a batch of texts with ``count`` (a :class:`_Counting`'s), packed (a per-batch function)."""
    return _pack(list(map(count, texts)))


def doc_terms(
    kept: pd.DataFrame, *, options: TermOptions | None = None, ngram: int = 1, workers: int = 1
) -> pd.DataFrame:
    """Count terms per document: the long (tidy) document-term table, quanteda's ``dfm()``.

    Args:
        kept: ``segment.kept_lines(corpus)`` or the corpus table (its ``text`` column is the
            kept text).
        options: rules from :func:`term_options`.
        ngram: 1 for terms; 2 or 3 for n-grams of consecutive counted terms (joined by a
            space). An n-gram never spans a dropped token (stop word, number) or a line
            break, sentence punctuation, quote or bracket, like quanteda's
            ``tokens_remove(padding = TRUE)`` then ``tokens_ngrams()``.
        workers: processes for the tokenising loop (1 = none; 0 = one per CPU, at most 4).
            Used only for 2,000 texts or more, on systems with ``fork``; the result is
            identical. Keep 1 inside notebooks.

    Returns:
        DataFrame sorted by (``doc_id``, ``count`` descending, ``term``): ``doc_id``,
        ``term``, ``count`` (occurrences in the document), ``rel_freq`` (count / all counted
        terms of the document). Documents with no counted term have no row;
        ``attrs["doc_ids"]`` lists every document seen, ``attrs["ngram"]`` the n.

    Note:
        Fast path for ``ngram=1``: each text is split into chunks and counted in C
        (``str.split``, ``collections.Counter``), and the token regex runs once per distinct
        chunk of the whole job (see :func:`_text_counter` for why that is exact); one
        DataFrame build. To load, clean and count a folder in one pass, see
        :func:`read_doc_terms`.

    Example:
        >>> kept = pd.DataFrame({"doc_id": ["a", "a"], "line_no": [1, 2],
        ...                      "text": ["Trade and trade.", "Energy"], "start": [0, 0]})
        >>> doc_terms(kept, options=term_options(aliases=None)).values.tolist()
        [['a', 'trade', 2, 0.6666666666666666], ['a', 'energy', 1, 0.3333333333333333]]
    """
    import os

    from .parallel import map_batches, scheduler_address

    if ngram not in (1, 2, 3):
        raise KzruError(f"ngram must be 1, 2 or 3, got {ngram}")
    opts = _opts(options)
    kept = _kept(kept, need_lines=False)
    doc_order = pd.unique(kept["doc_id"])
    doc_index = {d: i for i, d in enumerate(doc_order)}
    texts = [t if isinstance(t, str) else "" for t in kept["text"].tolist()]
    counting = _Counting(opts, ngram)
    n_workers = min(os.cpu_count() or 1, 4) if workers == 0 else workers
    parallel = len(texts) >= 2000 and (n_workers > 1 or scheduler_address() is not None)
    size = -(-len(texts) // (max(n_workers, 2) * 4)) if parallel else 2000
    batches = [texts[i:i + size] for i in range(0, len(texts), size)]
    if parallel:
        packed = list(map_batches(_count_chunk, batches, shared=(counting.count,), workers=max(n_workers, 2)))
    else:
        packed = [counting.pack(list(map(counting.count, batch))) for batch in batches]
    # rows of one document may be several kept lines: their runs are summed per document
    runs: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in doc_order]
    per_text = (run for batch in packed for run in counting.unpack(batch))
    for doc_id, run in zip(kept["doc_id"].tolist(), per_text, strict=True):
        runs[doc_index[doc_id]].append(run)
    return _assemble(list(doc_order), runs, counting.vocab, ngram).table()


def read_doc_terms(
    path,
    *,
    options: TermOptions | None = None,
    ngram: int = 1,
    strict: bool = False,
    patterns=None,
    max_bytes: int | None = None,
    progress: bool = False,
    workers: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load, clean and count a folder of articles in one pass: ``(corpus, document-term table)``.

    The same result as ``corpus = load_corpus(path, ...)`` then ``doc_terms(corpus, ...)``, made
    faster for large folders: each article is counted in the worker process that read and
    cleaned it, so its text is not sent back to be counted; the kept lines that the
    cross-article pass drops afterwards (an outlet's template lines) are counted again and
    subtracted.

    Args:
        path: folder of ``.txt`` articles (see :func:`kzru_lib.loading.read_corpus`).
        options, ngram: as for :func:`doc_terms`.
        strict, patterns, max_bytes, progress, workers: as for :func:`kzru_lib.loading.read_corpus`.

    Returns:
        ``(corpus, dt)``: the corpus table of :func:`kzru_lib.load_corpus` and the table of
        :func:`doc_terms`.
    """
    corpus, cells = _read_cells(path, options=options, ngram=ngram, strict=strict, patterns=patterns,
                                max_bytes=max_bytes, progress=progress, workers=workers)
    return corpus, cells.table()


def _read_cells(path, *, options: TermOptions | None = None, ngram: int = 1, strict: bool = False, patterns=None,
                max_bytes: int | None = None, progress: bool = False,
                workers: int | None = None) -> tuple[pd.DataFrame, _Cells]:
    """:func:`read_doc_terms` up to the cells: ``kzru terms`` builds its frequency table from them."""
    from .loading import MAX_BYTES, _read_folder, paused_gc

    if ngram not in (1, 2, 3):
        raise KzruError(f"ngram must be 1, 2 or 3, got {ngram}")
    counting = _Counting(_opts(options), ngram)
    with paused_gc():
        corpus, _, extras = _read_folder(path, strict=strict, patterns=patterns,
                                         max_bytes=max_bytes or MAX_BYTES, progress=progress, workers=workers,
                                         with_lines=False, hook=counting)
        return corpus, _doc_terms_of(corpus, extras, counting)


def _doc_terms_of(corpus: pd.DataFrame, extras: dict, counting: _Counting) -> _Cells:
    """The document-term cells from counts made while loading (see :func:`read_doc_terms`)."""
    runs = []
    taken_back: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # template lines repeat: count each once
    for doc_id in corpus["doc_id"]:
        counted, removed = extras[doc_id]
        doc_runs = [counted]
        for piece in removed:  # counted in the worker, dropped afterwards: take it back
            if piece not in taken_back:
                taken_back[piece] = counting.run(piece, sign=-1)
            doc_runs.append(taken_back[piece])
        runs.append(doc_runs)
    return _assemble(corpus["doc_id"].tolist(), runs, counting.vocab, counting.ngram)


# --------------------------------------------------------------------------- frequency, tf-idf


def _groups(dt: pd.DataFrame, docvars: pd.DataFrame | None, by: str | None) -> pd.Series | None:
    if by is None:
        return None
    if docvars is None or by not in docvars.columns or "doc_id" not in docvars.columns:
        have = ", ".join(map(str, docvars.columns)) if docvars is not None else "no docvars table"
        raise KzruError(f"by={by!r}: not a column of the docvars table (have: {have})")
    docs = docvars.drop_duplicates("doc_id")
    labels = pd.Series(docs[by].to_numpy(), index=docs["doc_id"].to_numpy())
    labels = labels.astype(object).where(labels.notna(), "(missing)").astype(str)
    return dt["doc_id"].map(labels).fillna("(missing)")


def frequency(
    dt: pd.DataFrame, *, docvars: pd.DataFrame | None = None, by: str | None = None, n: int | None = None
) -> pd.DataFrame:
    """Corpus frequency of each term, optionally per group (quanteda's ``textstat_frequency``).

    Args:
        dt: the document-term table from :func:`doc_terms`.
        docvars: a table with ``doc_id`` and the ``by`` column (usually the corpus).
        by: a document-level column (outlet, year, source_country...); missing values form
            the group ``"(missing)"``.
        n: keep the top n terms (per group).

    Returns:
        DataFrame sorted by (``group``, ``rank``, ``term``): ``group`` (only with ``by``),
        ``term``, ``count`` (total occurrences), ``docfreq`` (documents containing it),
        ``rank`` (1 = most frequent; ties share the lowest rank, as quanteda's ``"min"``).

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["x", "y", "x"],
        ...                    "count": [2, 1, 1], "rel_freq": [2/3, 1/3, 1.0]})
        >>> frequency(dt).values.tolist()
        [['x', 3, 2, 1], ['y', 1, 1, 2]]
    """
    groups = _groups(dt, docvars, by)
    keys = ["group", "term"] if groups is not None else ["term"]
    frame = dt.assign(group=groups) if groups is not None else dt
    out = (frame.groupby(keys, sort=True)
           .agg(count=("count", "sum"), docfreq=("doc_id", "nunique"))
           .reset_index())
    part = out.groupby("group")["count"] if groups is not None else out["count"]
    out["rank"] = part.rank(method="min", ascending=False).astype("int64")
    out = out.sort_values(keys[:-1] + ["rank", "term"], kind="stable", ignore_index=True)
    if n is not None:
        out = out.groupby("group").head(n) if groups is not None else out.head(n)
        out = out.reset_index(drop=True)
    return out[keys + ["count", "docfreq", "rank"]]


def tfidf(dt: pd.DataFrame) -> pd.DataFrame:
    """Weight the document-term table by tf-idf, as quanteda's ``dfm_tfidf()`` defaults.

    Args:
        dt: the document-term table from :func:`doc_terms`.

    Returns:
        DataFrame sorted by (``doc_id``, ``tfidf`` descending, ``term``): ``doc_id``,
        ``term``, ``count``, ``docfreq``, ``idf`` = log10(N / docfreq), ``tfidf`` =
        count x idf. N = documents seen (``dt.attrs["doc_ids"]`` when present, so documents
        with no counted term still count).

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["x", "y", "x"],
        ...                    "count": [2, 1, 1], "rel_freq": [2/3, 1/3, 1.0]})
        >>> tfidf(dt)[["doc_id", "term", "tfidf"]].round(3).values.tolist()
        [['a', 'y', 0.301], ['a', 'x', 0.0], ['b', 'x', 0.0]]
    """
    n_docs = len(dt.attrs.get("doc_ids") or dt["doc_id"].unique())
    docfreq = dt.groupby("term")["doc_id"].nunique()
    out = dt[["doc_id", "term", "count"]].copy()
    out["docfreq"] = out["term"].map(docfreq).astype("int64")
    out["idf"] = np.log10(n_docs / out["docfreq"])
    out["tfidf"] = out["count"] * out["idf"]
    out = out.sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True], kind="stable")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- keyness


def _chi2_sf(x: np.ndarray) -> np.ndarray:
    """Survival function of chi-squared with 1 df: P(X > x) = erfc(sqrt(x / 2))."""
    return np.array([math.erfc(math.sqrt(v / 2.0)) for v in np.abs(x)], dtype=float)


def keyness_scores(a, b, c, d) -> pd.DataFrame:
    """Keyness statistics for 2x2 tables, vectorised (the arithmetic behind :func:`keyness`).

    Args:
        a: count of the term in the target; b: count in the reference;
        c: all other tokens of the target; d: all other tokens of the reference.

    Returns:
        DataFrame with ``g2``, ``chi2``, ``p_g2``, ``p_chi2``, ``log_ratio`` (one row per input).

    Note:
        ``g2`` is the log-likelihood ratio G² = 2 Σ O ln(O/E) over the four cells (Dunning
        1993; Rayson & Garside 2000; quanteda ``measure = "lr"`` without correction; equal to
        ``scipy.stats.chi2_contingency(lambda_="log-likelihood", correction=False)``).
        ``chi2`` is Pearson's chi-squared with Yates' continuity correction, quanteda's
        default (``R: chisq.test(correct = TRUE)``): N (max(0, |ad - bc| - N/2))² /
        ((a+b)(c+d)(a+c)(b+d)). Both are signed: negative when the term is relatively more
        frequent in the reference (a < expected). p-values: chi-squared with 1 df,
        erfc(sqrt(x/2)). ``log_ratio`` (Hardie 2014) = log2((a/(a+c)) / (b/(b+d))), a zero
        count replaced by 0.5.
    """
    a, b, c, d = (np.asarray(v, dtype=float) for v in (a, b, c, d))
    n = a + b + c + d
    r1, r2 = a + b, c + d          # row sums (term, other)
    k1, k2 = a + c, b + d          # column sums (target, reference)
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = [(a, r1 * k1 / n), (b, r1 * k2 / n), (c, r2 * k1 / n), (d, r2 * k2 / n)]
        g2 = 2.0 * sum(np.where(o > 0, o * np.log(o / e), 0.0) for o, e in cells)
        yates = np.maximum(0.0, np.abs(a * d - b * c) - n / 2.0)
        chi2 = n * yates ** 2 / (r1 * r2 * k1 * k2)
        chi2 = np.where(np.isfinite(chi2), chi2, 0.0)
        sign = np.where(a >= r1 * k1 / n, 1.0, -1.0)
        log_ratio = np.log2((np.where(a > 0, a, 0.5) / k1) / (np.where(b > 0, b, 0.5) / k2))
    g2 = np.maximum(g2, 0.0)
    return pd.DataFrame({
        "g2": sign * g2,
        "chi2": sign * chi2,
        "p_g2": _chi2_sf(g2),
        "p_chi2": _chi2_sf(chi2),
        "log_ratio": log_ratio,
    })


def keyness(
    dt: pd.DataFrame,
    *,
    target: str | Iterable[str],
    reference: str | Iterable[str] | None = None,
    docvars: pd.DataFrame | None = None,
    by: str | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Which terms distinguish a target group of documents from a reference group.

    Args:
        dt: the document-term table from :func:`doc_terms`.
        target: with ``by``, a value of that column (``"Russia"``); without ``by``, a list of
            ``doc_id``.
        reference: the same kind of selection; None = every other document (quanteda's default).
        docvars: a table with ``doc_id`` and the ``by`` column (usually the corpus).
        by: document-level column the groups come from.
        min_count: drop terms seen fewer times than this in both groups together.

    Returns:
        DataFrame sorted by (``g2`` descending, ``term``): ``term``, ``n_target``,
        ``n_reference`` (counts), ``g2``, ``chi2``, ``p_g2``, ``p_chi2``, ``log_ratio`` (see
        :func:`keyness_scores`). Positive scores: key for the target; negative: for the
        reference. ``attrs`` holds ``target``, ``reference`` and the token totals.

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "term": ["x", "y", "x", "y"],
        ...                    "count": [9, 1, 2, 8], "rel_freq": [.9, .1, .2, .8]})
        >>> keyness(dt, target=["a"])[["term", "n_target", "n_reference"]].values.tolist()
        [['x', 9, 2], ['y', 1, 8]]
    """
    groups = _groups(dt, docvars, by)
    if groups is not None:
        labels = sorted(groups.unique())

        def pick(sel) -> np.ndarray:
            sel_set = {str(sel)} if isinstance(sel, str) or not isinstance(sel, Iterable) else set(map(str, sel))
            unknown = sel_set - set(labels)
            if unknown:
                raise KzruError(f"{by}={sorted(unknown)[0]!r}: no such group (groups: {', '.join(labels)})")
            return groups.isin(sel_set).to_numpy()
    else:
        ids = set(dt["doc_id"])

        def pick(sel) -> np.ndarray:
            sel_set = {sel} if isinstance(sel, str) else set(sel)
            unknown = sel_set - ids - set(dt.attrs.get("doc_ids") or ())
            if unknown:
                raise KzruError(f"target/reference: unknown doc_id {sorted(unknown)[0]!r}")
            return dt["doc_id"].isin(sel_set).to_numpy()

    in_target = pick(target)
    in_reference = ~in_target if reference is None else pick(reference) & ~in_target
    if not in_target.any():
        raise KzruError("keyness: the target group has no counted terms")
    if not in_reference.any():
        raise KzruError("keyness: the reference group has no counted terms")
    n_t = dt.loc[in_target].groupby("term")["count"].sum()
    n_r = dt.loc[in_reference].groupby("term")["count"].sum()
    table = pd.concat([n_t.rename("n_target"), n_r.rename("n_reference")], axis=1).fillna(0).astype("int64")
    total_t, total_r = int(n_t.sum()), int(n_r.sum())
    table = table[table["n_target"] + table["n_reference"] >= min_count]
    scores = keyness_scores(table["n_target"], table["n_reference"],
                            total_t - table["n_target"], total_r - table["n_reference"])
    out = pd.concat([table.reset_index(names="term"), scores], axis=1)
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="stable", ignore_index=True)
    out.attrs.update(target=target if isinstance(target, str) else list(target),
                     reference="(all others)" if reference is None else
                     (reference if isinstance(reference, str) else list(reference)),
                     target_tokens=total_t, reference_tokens=total_r)
    return out


# --------------------------------------------------------------------------- trend


def trend(
    dt: pd.DataFrame,
    *,
    docvars: pd.DataFrame,
    terms: Iterable[str] | None = None,
    period: Literal["year", "month", "day"] = "year",
    date_column: str = "published",
) -> pd.DataFrame:
    """Term counts over publication time.

    Args:
        dt: the document-term table from :func:`doc_terms`.
        docvars: the corpus (or any table with ``doc_id`` and ``date_column``).
        terms: terms to keep (all when None).
        period: ``"year"`` (``YYYY``), ``"month"`` (``YYYY-MM``) or ``"day"``; a document
            whose date is coarser than the period (``2025`` for months) is left out.
        date_column: column with ``YYYY[-MM[-DD]]`` strings.

    Returns:
        DataFrame sorted by (``period``, ``term``): ``period``, ``term``, ``count``,
        ``rel_freq`` (count / all counted terms in the documents of that period),
        ``n_docs`` (documents in the period).

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "b"], "term": ["x", "x"], "count": [1, 3],
        ...                    "rel_freq": [1.0, 1.0]})
        >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2023-11-08", "2024"]})
        >>> trend(dt, docvars=corpus)[["period", "count"]].values.tolist()
        [['2023', 1], ['2024', 3]]
    """
    width = {"year": 4, "month": 7, "day": 10}[period]
    if date_column not in docvars.columns:
        raise KzruError(f"date_column={date_column!r}: not a column of the docvars table")
    dates = docvars.drop_duplicates("doc_id").set_index("doc_id")[date_column].astype(object)
    per = dates.map(lambda v: v[:width] if isinstance(v, str) and len(v) >= width else None)
    frame = dt.assign(period=dt["doc_id"].map(per)).dropna(subset=["period"])
    totals = frame.groupby("period")["count"].sum()
    ndocs = per.dropna().groupby(per.dropna()).size()
    if terms is not None:
        frame = frame[frame["term"].isin(set(terms))]
    out = frame.groupby(["period", "term"], sort=True)["count"].sum().reset_index()
    out["rel_freq"] = out["count"] / out["period"].map(totals)
    out["n_docs"] = out["period"].map(ndocs).astype("int64")
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- KWIC, dispersion


def _word_options(opts: TermOptions) -> TermOptions:
    """The same rules without multi-word terms and aliases: every word is its own token."""
    source = _SINGLE
    return TermOptions(opts.stopwords, (), {}, opts.numbers, opts.lowercase, opts.min_chars, None,
                       re.compile(source, re.IGNORECASE), re.compile(source))


def _match_form(raw: str) -> str:
    return _POSSESSIVE.sub("", raw.translate(_APOS).lower())


def _glob(part: str) -> re.Pattern:
    return re.compile("".join(".*" if ch == "*" else re.escape(ch) for ch in _match_form(part)) + r"\Z")


def kwic(
    kept: pd.DataFrame,
    pattern: str | Iterable[str],
    *,
    window: int = 6,
    options: TermOptions | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, with its surroundings.

    Args:
        kept: ``segment.kept_lines(corpus)`` (or the corpus table).
        pattern: a word (``"energy"``), a phrase (``"trade turnover"``: consecutive words),
            a glob (``"secur*"``), or a list of these. Matching is on words, case-insensitive,
            curly and straight apostrophes alike, a possessive ignored (``russia`` matches
            ``Russia’s``); stop words are not removed (``"russian language"`` needs every word).
        window: words of context on each side.
        options: rules from :func:`term_options` (only ``numbers`` matters here: whether
            ``$30 billion`` is one word of context).

    Returns:
        DataFrame sorted by (``doc_id``, ``line_no``, ``start``): ``doc_id``, ``line_no``,
        ``start``, ``end`` (offsets of the keyword within the normalised raw line),
        ``left``, ``keyword`` (as written), ``right``, ``pattern`` (which pattern matched).
        The context stays within the line (a paragraph in news text) so each row can be
        cited by ``doc_id`` and ``line_no``.

    Example:
        >>> kept = pd.DataFrame({"doc_id": ["a"], "line_no": [4], "start": [0],
        ...                      "text": ["Energy security and food security matter."]})
        >>> kwic(kept, "security", window=1)[["left", "keyword", "right"]].values.tolist()
        [['Energy', 'security', 'and'], ['food', 'security', 'matter']]
    """
    if window < 0:
        raise KzruError(f"window must be >= 0, got {window}")
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    if not patterns or any(not p.strip() for p in patterns):
        raise KzruError("kwic: empty pattern")
    compiled = [(p, [_glob(w) for w in p.split()]) for p in patterns]
    opts = _word_options(_opts(options))
    kept = _kept(kept, need_lines=True)
    finditer = opts.pattern.finditer
    # skip lines that cannot match: the literal start of each pattern's first word must occur
    prefixes = [_match_form(p.split()[0]).split("*")[0] for p in patterns]
    quick = None if "" in prefixes else re.compile("|".join(map(re.escape, prefixes)), re.IGNORECASE)
    out = []
    for doc_id, line_no, text, base in zip(kept["doc_id"], kept["line_no"], kept["text"], kept["start"], strict=True):
        if not text or (quick is not None and not quick.search(text.translate(_APOS))):
            continue
        spans = [(m.start(), m.end(), _match_form(m.group())) for m in finditer(text)]
        n = len(spans)
        for i in range(n):
            for label, parts in compiled:
                k = len(parts)
                if i + k > n or not all(parts[j].match(spans[i + j][2]) for j in range(k)):
                    continue
                s, e = spans[i][0], spans[i + k - 1][1]
                lo = spans[max(0, i - window)][0] if i > 0 and window else s
                hi = spans[min(n, i + k + window) - 1][1] if i + k < n and window else e
                out.append((doc_id, line_no, base + s, base + e, text[lo:s].strip(), text[s:e],
                            text[e:hi].strip(), label))
    table = pd.DataFrame(out, columns=["doc_id", "line_no", "start", "end", "left", "keyword", "right", "pattern"])
    table = table.astype({"line_no": "int64", "start": "int64", "end": "int64"})
    return table.sort_values(["doc_id", "line_no", "start", "pattern"], kind="stable", ignore_index=True)


def dispersion(kept: pd.DataFrame, terms: str | Iterable[str], *, options: TermOptions | None = None) -> pd.DataFrame:
    """Where in each document a term occurs (the data of a lexical dispersion plot).

    Args:
        kept: ``segment.kept_lines(corpus)`` (or the corpus table).
        terms: one or more terms as :func:`doc_terms` counts them (after aliases:
            ``"eurasian economic union"`` also finds ``EAEU``).
        options: rules from :func:`term_options`.

    Returns:
        DataFrame sorted by (``doc_id``, ``token_no``): ``doc_id``, ``line_no``, ``term``,
        ``surface``, ``token_no``, ``n_tokens`` (tokens in the document, stop words
        included), ``position`` (token_no / n_tokens, in [0, 1)), ``start``, ``end``.

    Example:
        >>> kept = pd.DataFrame({"doc_id": ["a"], "line_no": [1], "start": [0],
        ...                      "text": ["trade then energy then trade"]})
        >>> dispersion(kept, "trade", options=term_options(aliases=None))["position"].tolist()
        [0.0, 0.8]
    """
    wanted = {_norm_phrase(t) for t in ([terms] if isinstance(terms, str) else terms)}
    toks = tokens(kept, options=options, keep_stopwords=True)
    n_tokens = toks.groupby("doc_id")["token_no"].max() + 1
    hits = toks[toks["term"].isin(wanted)].copy()
    hits["n_tokens"] = hits["doc_id"].map(n_tokens).astype("int64")
    hits["position"] = hits["token_no"] / hits["n_tokens"]
    cols = ["doc_id", "line_no", "term", "surface", "token_no", "n_tokens", "position", "start", "end"]
    return hits[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- collocations


def collocations(
    kept: pd.DataFrame,
    *,
    min_count: int = 2,
    options: TermOptions | None = None,
    n: int | None = None,
) -> pd.DataFrame:
    """Word pairs that occur together more than chance (NLTK's bigram collocation finder).

    Args:
        kept: ``segment.kept_lines(corpus)`` or the corpus table.
        min_count: keep pairs seen at least this many times.
        options: rules from :func:`term_options`; its stop words, ``min_chars`` and
            ``numbers`` decide which words may be part of a pair. Multi-word terms and
            aliases are *not* applied: collocations are how you discover new multi-word terms.
        n: keep the top n pairs by ``g2``.

    Returns:
        DataFrame sorted by (``g2`` descending, ``collocation``): ``collocation``
        (``"word1 word2"``), ``word1``, ``word2``, ``count``, ``pmi`` (log2 pointwise mutual
        information), ``g2`` (Dunning's log-likelihood ratio), both from
        ``nltk.metrics.BigramAssocMeasures``. Pairs never span a line break, sentence
        punctuation, quote or bracket; a pair with a stop word is skipped (the words around it are not made adjacent).

    Example:
        >>> kept = pd.DataFrame({"doc_id": ["a"] * 2, "line_no": [1, 2], "start": [0, 0],
        ...                      "text": ["trade turnover grew", "trade turnover fell"]})
        >>> collocations(kept, options=term_options(aliases=None, multiword=None))["collocation"].tolist()
        ['trade turnover']
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    opts = _word_options(_opts(options))
    kept = _kept(kept, need_lines=False)
    norm = opts.normaliser()
    findall = opts.pattern.findall
    chunks = (chunk for text in kept["text"] if text for chunk in _PHRASE_BREAK.split(text))
    docs = [[norm(t) or "\x00" for t in findall(chunk)] for chunk in chunks]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_word_filter(lambda w: w == "\x00")
    finder.apply_freq_filter(min_count)
    measures = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(measures.pmi))
    g2 = dict(finder.score_ngrams(measures.likelihood_ratio))
    rows = [(f"{w1} {w2}", w1, w2, int(c), pmi[(w1, w2)], g2[(w1, w2)])
            for (w1, w2), c in finder.ngram_fd.items()]
    out = pd.DataFrame(rows, columns=["collocation", "word1", "word2", "count", "pmi", "g2"])
    out = out.astype({"count": "int64", "pmi": "float64", "g2": "float64"})
    out = out.sort_values(["g2", "collocation"], ascending=[False, True], kind="stable", ignore_index=True)
    return out.head(n).reset_index(drop=True) if n is not None else out
