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
``select_docs(dt, ...)``   (document, term) of the documents matching docvars     ``dfm_subset()``
``framing(dt, ...)``       (group, term) co-occurring with a topic, per group     (quanteda: ``fcm()``)
=========================  =====================================================  ===========================

``kept`` is the kept text: ``segment.kept_lines(corpus)`` (one row per kept line, with
``doc_id``, ``line_no``, ``text``, ``start``). Passing the corpus table itself is also
accepted: its ``text`` column is the kept text joined by newlines, and functions that
need line numbers call ``segment.kept_lines`` on it. Boilerplate never reaches a count.

Russian and mixed-language corpora: Russian words are counted by their dictionary form
(pymorphy3, :func:`russian_lemmas`: ``казахстана``, ``казахстаном`` -> ``казахстан``), Russian
stop words are dropped (the ``stop-words`` package's list), and ``term_aliases.csv`` joins names,
places and organisations across scripts and cases (``Токаев``, ``Токаева``, ``Tokayev`` ->
``kassym-jomart tokayev``; ``ОДКБ`` -> the CSTO). The corpus's ``language`` column splits or pools
languages: ``frequency(dt, docvars=corpus, by="language")``, ``keyness(dt, docvars=corpus,
by="language", target="ru")``, ``select_docs(dt, corpus, language="ru")``,
``framing(dt, corpus, topic_terms=...)``. Pooling is right for aliased terms (names,
organisations, places); for other words each language has its own, so a pooled ranking is
dominated by the larger language: compare rates per language.

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
from functools import lru_cache
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import KzruError
from .loading import printable_lines
from .tables import word_tree

__all__ = [
    "TermOptions",
    "term_options",
    "tokenize",
    "tokens",
    "doc_terms",
    "read_doc_terms",
    "read_term_counts",
    "TermCounts",
    "frequency_of_counts",
    "frequency",
    "tfidf",
    "keyness",
    "trend",
    "kwic",
    "collocations",
    "dispersion",
    "select_docs",
    "framing",
    "russian_lemmas",
]

_CURRENCY = "$€£₽₸"
# The token regex is written in lower case and compiled twice: with IGNORECASE (offsets in the
# original text: tokens, KWIC) and without, for lower-cased text (the counting fast path, ~2x faster).
# At each position the multi-word terms are tried first; then a word, a number or money, whose
# first characters never overlap (a letter or underscore; a digit; a currency sign), so at most
# one of them can match there. Possessive quantifiers (*+, ++) say that nothing is given back:
# the same matches, found faster (about a third less time on a 10,000-article corpus).
# Money and numbers as single tokens: $30 billion, ₸5.2 mln, 10.2%, 6,000, 80th.
_SCALES = "trillion|billion|million|thousand|bln|mln|bn|mn|tn"  # (a space may come before one: 30 billion)
_MONEY = r"[" + _CURRENCY + r"][^\S\n]?\d+(?:[.,]\d+)*(?:[^\S\n]?(?:" + _SCALES + r")\b)?"
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
_CYRILLIC = re.compile(r"[а-яё]")


@lru_cache(maxsize=1)
def _morph():
    try:
        import pymorphy3
    except ImportError:
        raise KzruError("Russian lemmas need pymorphy3 with its Russian dictionary (pip install pymorphy3 "
                        "pymorphy3-dicts-ru), or term_options(lemmatize=False)") from None
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def russian_lemmas(word: str) -> tuple[str, ...]:
    """Dictionary forms of a lower-case Russian word, most likely first, ``ё`` written ``е``.

    pymorphy3 with its shipped dictionary (OpenCorpora; no download); words it does not know
    are guessed from their ending. Cached per distinct word.

    Example:
        >>> russian_lemmas("казахстаном")
        ('казахстан',)
    """
    return tuple(dict.fromkeys(p.normal_form.replace("ё", "е") for p in _morph().parse(word)))


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
        lemmatize: replace each Russian (Cyrillic) word by its dictionary form (pymorphy3).
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
    lemmatize: bool = False

    def normaliser(self):
        """Return a function raw token -> term (or None when the token is not counted).

        The function memoises per call site (a dict local to the returned closure), so each
        distinct surface form is normalised once per job (and lemmatised once).

        Order: case folded, apostrophes straightened; a number or money (kept only with
        ``numbers``); a stop word is dropped; a final ``'s`` dropped; an alias of the surface
        form applied; else, for a Russian word with ``lemmatize``, its dictionary forms
        (:func:`russian_lemmas`): the first that is an alias key gives the alias (``токаеву`` ->
        ``токаев`` -> ``kassym-jomart tokayev``), else the most likely form, dropped if a stop word.
        """
        stop, aliases, numbers, lower, min_chars = (self.stopwords, self.aliases, self.numbers,
                                                    self.lowercase, self.min_chars)
        lemmatize = self.lemmatize and lower
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
                elif t in aliases:
                    out = aliases[t]
                elif lemmatize and " " not in t and _CYRILLIC.search(t):
                    forms = russian_lemmas(t)
                    out = next((aliases[f] for f in forms if f in aliases), forms[0])
                    out = None if out in stop else out
                else:
                    out = stemmer.stem(t) if stemmer is not None and " " not in t else t
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
    """One regex alternation for many phrases, factored as a character trie (:func:`kzru_lib.tables.word_tree`;
    spaces match any run of spaces or tabs, never a newline)."""
    return word_tree(phrases, spaces=r"[^\S\n]++")


def _norm_phrase(text: str) -> str:
    return " ".join(text.translate(_APOS).lower().replace("ё", "е").split())


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
    lemmatize: bool = True,
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
        lemmatize: replace each Russian word by its dictionary form with pymorphy3 (its
            dictionary ships in the ``pymorphy3-dicts-ru`` wheel): ``казахстана``,
            ``казахстаном`` -> ``казахстан``. Aliases reach every form (``Токаеву`` ->
            ``kassym-jomart tokayev``). Needs ``lowercase``; Latin-script words are unchanged.

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
    stop |= {w.replace("ё", "е") for w in stop if "ё" in w}  # Russian text writes ё or е

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
                       re.compile(source, re.IGNORECASE), re.compile(source), lemmatize)


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
    one = pd.DataFrame({"doc_id": [""], "line_no": [1], "text": [text], "start": [0]})
    return tokens(one, options=options, keep_stopwords=keep_stopwords)[_TOKEN_COLUMNS]


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


def _counter(opts: TermOptions, ngram: int):
    """Return ``count(text) -> Counter`` of the terms (or n-grams) of one text, as ``CountVectorizer``
    counts but faster: the lower-cased text is cut into *chunks* by ``str.split()`` once the spaces a
    token may cross are joined with ``\\x00`` (before a later word of a multi-word term, ``%`` or a
    money scale; between a currency sign and a digit); each distinct chunk is tokenised once per job
    and the chunks are counted in C (``Counter`` over the memo: chunk -> its term). Exact: no token
    crosses a space left, and a space and the end of a string answer alike for what follows a match.
    Texts with other white space or unprintable characters, two spaces in a row or a ``\\x00`` take
    the plain path (the regex over the text). A hypothesis test holds ``doc_terms`` to :func:`tokenize`.
    """
    if ngram not in (1, 2, 3):
        raise KzruError(f"ngram must be 1, 2 or 3, got {ngram}")
    norm = opts.normaliser()
    if ngram == 1:
        lower = opts.lowercase
        findall = (opts.lower_pattern if lower else opts.pattern).findall
        # what may follow a space inside a token: a later word of a multi-word term, % or a money scale
        # (one trie: the regex engine dispatches on the first letter once per space)
        later = sorted({w for phrase in opts.multiword for w in phrase.split()[1:]} | {"%", *_SCALES.split("|")})
        join = re.compile(" (?:(?=" + _trie_pattern(later) + ")|(?<=[" + _CURRENCY + "] )(?=\\d))").sub
        seen: dict[str, str | tuple | None] = {}  # chunk -> its term, None, or a tuple of 2+ terms
        several: set[tuple] = set()

        def count(text: str) -> Counter:
            text = (text.lower() if lower else text) if text else ""
            # spaces and newlines the only white space (any other is unprintable), no two spaces in a row?
            if lower and "  " not in text and printable_lines(text):  # (a \x00 is unprintable)
                chunks = join("\x00", text).split()
            else:
                chunks = findall(text)  # the plain path: the tokens themselves are the chunks
            out = Counter()
            try:
                out.update(map(seen.__getitem__, chunks))
            except KeyError:  # chunks not seen before: their tokens, normalised; then count on from there
                done = sum(out.values())  # the chunks counted before the first unseen one
                rest = chunks[done:]
                for c in set(rest).difference(seen):
                    found = tuple(t for t in map(norm, findall(c.replace("\x00", " "))) if t is not None)
                    seen[c] = found if len(found) > 1 else found[0] if found else None
                    if len(found) > 1:
                        several.add(found)
                out.update(map(seen.__getitem__, rest))
            out.pop(None, None)
            multi = several.intersection(out)  # chunks of several terms, n times: each term n times
            return (out.update(chain.from_iterable([key * out.pop(key) for key in multi])) or out) if multi else out

        return count
    finditer = opts.pattern.finditer

    def count_grams(text: str) -> Counter:
        out: Counter = Counter()
        for chunk in _PHRASE_BREAK.split(text) if text else ():
            seq = [norm(m.group()) for m in finditer(chunk)]
            out.update(" ".join(seq[i:i + ngram]) for i in range(len(seq) - ngram + 1)
                       if None not in seq[i:i + ngram])
        return out

    return count_grams


def _cells(counts: list[Counter]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The cells of one Counter per document: ``(docs, codes, labels, vals)``, a count taken
    back to zero (:func:`read_doc_terms`) being no cell; ``labels[codes]`` are the terms."""
    lens = np.fromiter(map(len, counts), dtype=np.int64, count=len(counts))
    docs = np.repeat(np.arange(len(counts), dtype=np.int64), lens)
    vals = np.fromiter(chain.from_iterable(c.values() for c in counts), dtype=np.int64, count=int(lens.sum()))
    codes, labels = pd.factorize(np.fromiter(chain.from_iterable(counts), dtype=object, count=len(vals)))
    keep = vals > 0
    return docs[keep], codes[keep], np.asarray(labels, dtype=object), vals[keep]


def _strings(values: np.ndarray):
    """An object array of strings as pandas' default string column."""
    return pd.array(values, dtype=pd.Series(["x"]).dtype)


def _table(doc_ids: list, counts: list[Counter], ngram: int) -> pd.DataFrame:
    """The document-term table from one Counter per document (``counts[k]`` belongs to ``doc_ids[k]``)."""
    docs, codes, labels, vals = _cells(counts)
    table = pd.DataFrame({"doc_id": _strings(np.asarray(doc_ids, dtype=object)[docs]),
                          "term": _strings(labels[codes]), "count": vals})
    table = table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], kind="stable",
                              ignore_index=True)
    table["rel_freq"] = table["count"] / table.groupby("doc_id", sort=False)["count"].transform("sum")
    table.attrs.update(doc_ids=sorted(map(str, doc_ids)), ngram=ngram)
    return table


def doc_terms(
    kept: pd.DataFrame, *, options: TermOptions | None = None, ngram: int = 1
) -> pd.DataFrame:
    """Count terms per document: the long (tidy) document-term table, quanteda's ``dfm()``.

    Args:
        kept: ``segment.kept_lines(corpus)`` or the corpus table (its ``text`` column is the
            kept text); any batch of documents.
        options: rules from :func:`term_options`.
        ngram: 1 for terms; 2 or 3 for n-grams of consecutive counted terms (joined by a
            space). An n-gram never spans a dropped token (stop word, number) or a line
            break, sentence punctuation, quote or bracket, like quanteda's
            ``tokens_remove(padding = TRUE)`` then ``tokens_ngrams()``.

    Returns:
        DataFrame sorted by (``doc_id``, ``count`` descending, ``term``): ``doc_id``,
        ``term``, ``count`` (occurrences in the document), ``rel_freq`` (count / all counted
        terms of the document). Documents with no counted term have no row;
        ``attrs["doc_ids"]`` lists every document seen, ``attrs["ngram"]`` the n.

    Note:
        Each document is counted into a ``collections.Counter`` (see ``_counter``); the Counters become
        one table with ``pandas.factorize`` and one sort, in this process (sending texts to other
        processes cost more than counting them). Tables of batches of whole documents concatenate
        into the table of the corpus. To load, clean and count a folder in one pass, in the workers
        that clean it, see :func:`read_doc_terms`.

    Example:
        >>> kept = pd.DataFrame({"doc_id": ["a", "a"], "line_no": [1, 2],
        ...                      "text": ["Trade and trade.", "Energy"], "start": [0, 0]})
        >>> doc_terms(kept, options=term_options(aliases=None)).values.tolist()
        [['a', 'trade', 2, 0.6666666666666666], ['a', 'energy', 1, 0.3333333333333333]]
    """
    count = _counter(_opts(options), ngram)
    kept = _kept(kept, need_lines=False)
    texts = kept["text"].where(kept["text"].map(lambda t: isinstance(t, str)), "")
    if kept["doc_id"].duplicated().any():  # several lines a document: one text, lines joined
        texts = texts.groupby(kept["doc_id"], sort=False).agg("\n".join)
    return _table(pd.unique(kept["doc_id"]).tolist(), list(map(count, texts.tolist())), ngram)


def read_doc_terms(path, *, options: TermOptions | None = None, ngram: int = 1, **load) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load, clean and count a folder of articles in one pass: ``(corpus, document-term table)``, as
    :func:`kzru_lib.load_corpus` then :func:`doc_terms`, but each article is counted in the worker that
    cleaned it (template lines dropped afterwards are taken back). ``options``, ``ngram``: as for
    :func:`doc_terms`; ``load``: as for :func:`kzru_lib.loading.read_corpus` (``workers``...)."""
    corpus, counts = read_term_counts(path, options=options, ngram=ngram, **load)
    return corpus, _table(corpus["doc_id"].tolist(), counts, ngram)


class TermCounts(list):
    """One Counter per article (:func:`read_term_counts`), with the corpus's ``total`` (term -> count)
    and ``docs`` (term -> documents), ``None`` when unknown. It is the loader's hook too: ``count`` runs
    in the worker that cleaned each article, ``pack`` sums the worker's batch, ``unpack`` the batches."""

    def __init__(self, count=None, *, raw_text: bool = True):
        super().__init__()
        self.count, self.total, self.docs, self.n = count, Counter(), Counter(), 0
        self.raw_text = raw_text  # False: the workers do not send the raw texts back (not in the corpus)

    def __call__(self, text: str) -> Counter:
        return self.count(text)

    def pack(self, counts: list[Counter]) -> tuple:
        # the batch's (term, count) cells summed per term by code (faster than Counter.update per article)
        _, codes, labels, vals = _cells(counts)
        labels = labels.tolist()
        total = Counter(dict(zip(labels, np.bincount(codes, weights=vals).astype(np.int64).tolist(), strict=True)))
        return counts, total, Counter(dict(zip(labels, np.bincount(codes).tolist(), strict=True)))

    def unpack(self, packed: tuple) -> list[Counter]:
        counts, total, docs = packed
        self.total.update(total)
        self.docs.update(docs)
        self.n += len(counts)
        return counts


def read_term_counts(path, *, options: TermOptions | None = None, ngram: int = 1, raw_text: bool = True,
                     **load) -> tuple[pd.DataFrame, list]:
    """:func:`read_doc_terms` before the table: ``(corpus, one Counter per article in corpus order)``, a
    :class:`TermCounts` for :func:`frequency_of_counts` (a count may be 0: a term only in template lines).
    ``raw_text=False``: the corpus's ``raw_text`` column is left empty (``None``), which spares sending
    every raw text from the workers and holding it (``kzru terms``)."""
    from .loading import MAX_BYTES, _read_folder
    from .parallel import paused_gc

    counts = TermCounts(_counter(_opts(options), ngram), raw_text=raw_text)
    load["max_bytes"] = load.get("max_bytes") or MAX_BYTES
    with paused_gc():
        corpus, _, extras = _read_folder(path, with_lines=False, hook=counts, **load)
        taken_back: dict[str, Counter] = {}  # template lines repeat: count each once
        times: Counter = Counter()  # how often each piece is taken back, over the corpus
        for doc_id in corpus["doc_id"]:
            counted, removed = extras[doc_id]
            for piece in removed:  # counted in the worker, dropped afterwards: take it back
                if piece not in taken_back:
                    taken_back[piece] = counts.count(piece)
                counted.subtract(taken_back[piece])
            if removed:  # the terms the article no longer has
                times.update(removed)
                counts.docs.subtract({t for piece in removed for t in taken_back[piece] if not counted[t]})
            counts.append(counted)
        for piece, k in times.items():  # the corpus totals: once per distinct piece
            counts.total.subtract({t: v * k for t, v in taken_back[piece].items()})
        if counts.n != len(counts):  # an article counted, then left out (a doc_id used twice...)
            counts.total = counts.docs = None
        counts.count = None
        return corpus, counts


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
    out = frame.groupby(keys, sort=True).agg(count=("count", "sum"), docfreq=("doc_id", "nunique"))
    return _ranked(out.reset_index(), keys, n)


def _ranked(out: pd.DataFrame, keys: list[str], n: int | None) -> pd.DataFrame:
    """Rank, sort and cut :func:`frequency`'s table (``keys`` columns, then ``count``, ``docfreq``)."""
    part = out.groupby("group")["count"] if len(keys) == 2 else out["count"]
    out["rank"] = part.rank(method="min", ascending=False).astype("int64")
    out = out.sort_values(keys[:-1] + ["rank", "term"], kind="stable", ignore_index=True)
    if n is not None:
        out = out.groupby("group").head(n) if len(keys) == 2 else out.head(n)
        out = out.reset_index(drop=True)
    return out[keys + ["count", "docfreq", "rank"]]


def frequency_of_counts(doc_ids: list, counts: list[Counter], *, docvars: pd.DataFrame | None = None,
                        by: str | None = None, n: int | None = None) -> pd.DataFrame:
    """:func:`frequency` of the document-term table of ``counts`` (one Counter per document, see
    :func:`read_term_counts`) without building that table; ``attrs``: ``tokens`` and ``terms`` counted.
    Without ``by``, the totals of a :class:`TermCounts` are used when it has them."""
    if by is None and getattr(counts, "total", None) is not None:
        terms = [t for t, v in counts.total.items() if v > 0]
        out = pd.DataFrame({"term": _strings(np.asarray(terms, dtype=object)), "count": [counts.total[t] for t in terms],
                            "docfreq": [counts.docs[t] for t in terms]}).astype({"count": "int64", "docfreq": "int64"})
        out = _ranked(out, ["term"], n)
        out.attrs.update(tokens=int(sum(counts.total[t] for t in terms)), terms=len(terms))
        return out
    docs, codes, labels, vals = _cells(counts)
    group, names = np.zeros(len(doc_ids), dtype=np.int64), [""]
    if by is not None:
        group, names = pd.factorize(_groups(pd.DataFrame({"doc_id": doc_ids}), docvars, by))
    width = max(len(labels), 1)
    cell = group[docs] * width + codes  # (group, term) as one number
    total = np.bincount(cell, weights=vals)
    used = np.flatnonzero(total)
    out = pd.DataFrame({"group": _strings(np.asarray(names, dtype=object)[used // width]),
                        "term": _strings(labels[used % width]), "count": total[used].astype("int64"),
                        "docfreq": np.bincount(cell)[used].astype("int64")})
    out = _ranked(out, ["term"] if by is None else ["group", "term"], n)
    out.attrs.update(tokens=int(vals.sum()), terms=len(np.unique(codes)))
    return out


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


# --------------------------------------------------------------------------- languages, framing


def select_docs(dt: pd.DataFrame, docvars: pd.DataFrame, **where) -> pd.DataFrame:
    """The rows of the document-term table whose documents match every ``column=value`` given.

    The way to split a mixed-language corpus (``select_docs(dt, corpus, language="ru")``) or any
    other document variable; a list of values keeps any of them. Pooling is the table itself.

    Args:
        dt: the document-term table from :func:`doc_terms`.
        docvars: the corpus (or any table with ``doc_id`` and the named columns).
        where: column = value (or list of values).

    Returns:
        The same kind of table (same columns and order), ``attrs["doc_ids"]`` narrowed to the
        selected documents.

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "b"], "term": ["x", "x"], "count": [1, 2], "rel_freq": [1.0, 1.0]})
        >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "language": ["en", "ru"]})
        >>> select_docs(dt, corpus, language="ru")["doc_id"].tolist()
        ['b']
    """
    docs = docvars.drop_duplicates("doc_id")
    keep = pd.Series(True, index=docs.index)
    for column, value in where.items():
        if column not in docs.columns:
            raise KzruError(f"{column}: not a column of the docvars table (have: {', '.join(map(str, docs.columns))})")
        values = [value] if isinstance(value, str) or not isinstance(value, Iterable) else list(value)
        keep &= docs[column].isin(values)
    ids = set(docs.loc[keep, "doc_id"])
    out = dt[dt["doc_id"].isin(ids)].reset_index(drop=True)
    out.attrs.update(dt.attrs)
    out.attrs["doc_ids"] = sorted(str(d) for d in (dt.attrs.get("doc_ids") or dt["doc_id"].unique()) if d in ids)
    return out


def framing(
    dt: pd.DataFrame,
    docvars: pd.DataFrame,
    *,
    topic_terms: str | Iterable[str],
    by: str = "language",
    options: TermOptions | None = None,
    min_docs: int = 1,
    n: int | None = None,
) -> pd.DataFrame:
    """How each group of documents frames one topic: the terms that co-occur with it, per group.

    A document is *on the topic* when it counts at least one of ``topic_terms``. For each group
    (by default each language, so Russian-language and English-language outlets are compared),
    the terms of its topic documents are counted, and rates make groups of different sizes
    comparable. Because names, organisations and places are aliased across scripts and Russian
    words are lemmatised, ``topic_terms=["Tokayev"]`` selects ``Токаева`` articles as well and
    the co-occurring terms line up across languages where the alias tables join them
    (``ОДКБ`` and ``CSTO``); other words stay in their language, so read the two lists side by
    side rather than expecting the same words.

    Args:
        dt: the document-term table from :func:`doc_terms` (of the whole, mixed corpus).
        docvars: the corpus (``doc_id`` and the ``by`` column).
        topic_terms: one or more words or phrases in any script and form (``"Tokayev"``,
            ``"ОДКБ"``, ``"trade turnover"``), normalised with ``options`` as the counts were.
        by: the document column to compare (``"language"``, ``"outlet"``...); missing values
            form the group ``"(missing)"``.
        options: the rules the table was counted with (:func:`term_options`; default rules when None).
        min_docs: keep terms found in at least this many topic documents of the group.
        n: keep the top ``n`` terms per group.

    Returns:
        DataFrame sorted by (``group``, ``rank``, ``term``): ``group``, ``term``, ``count``
        (occurrences in the group's topic documents), ``n_docs`` (topic documents containing
        it), ``doc_rate`` (``n_docs`` / the group's topic documents), ``per_1000`` (``count``
        per 1,000 counted terms of those documents), ``rank`` (1 = in the most topic
        documents; ties share the lowest rank). The topic terms themselves are left out.
        ``attrs``: ``topic_terms`` (as counted), ``topic_docs`` (group -> topic documents),
        ``group_docs`` (group -> all documents of the group).

    Note:
        Compare ``doc_rate`` or ``per_1000`` across groups, never ``count``: the groups differ in
        size. When the languages are pooled (``by`` another column), a Russian and an English
        word for the same idea stay two terms unless an alias joins them, so a pooled ranking
        favours the larger language; split by language first (:func:`select_docs`), then pool
        only aliased terms.

    Example:
        >>> dt = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c"],
        ...                    "term": ["kassym-jomart tokayev", "reform", "kassym-jomart tokayev", "союз", "x"],
        ...                    "count": [1, 2, 1, 1, 1], "rel_freq": [.3, .7, .5, .5, 1.]})
        >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "language": ["en", "ru", "ru"]})
        >>> framing(dt, corpus, topic_terms="Токаев")[["group", "term", "n_docs", "doc_rate"]].values.tolist()
        [['en', 'reform', 1, 1.0], ['ru', 'союз', 1, 1.0]]
    """
    opts = _opts(options)
    norm = opts.normaliser()
    wanted = []
    for word in [topic_terms] if isinstance(topic_terms, str) else list(topic_terms):
        phrase = _norm_phrase(word)
        term = opts.aliases.get(phrase) or (norm(phrase) if " " not in phrase else phrase)
        if not term:
            raise KzruError(f"topic term {word!r}: not a counted term (a stop word or too short)")
        wanted.append(term)
    groups = _groups(dt, docvars, by)
    frame = dt.assign(group=groups.to_numpy())
    topic_docs = set(frame.loc[frame["term"].isin(set(wanted)), "doc_id"])
    frame = frame[frame["doc_id"].isin(topic_docs)]
    n_topic = frame.groupby("group")["doc_id"].nunique()
    totals = frame.groupby("group")["count"].sum()
    frame = frame[~frame["term"].isin(set(wanted))]
    out = frame.groupby(["group", "term"], sort=True).agg(count=("count", "sum"), n_docs=("doc_id", "nunique"))
    out = out[out["n_docs"] >= min_docs].reset_index()
    out = out.astype({"count": "int64", "n_docs": "int64"})  # an empty aggregate keeps the input dtypes
    out["doc_rate"] = out["n_docs"] / out["group"].map(n_topic).astype("float64")
    out["per_1000"] = 1000 * out["count"] / out["group"].map(totals).astype("float64")
    out["rank"] = out.groupby("group")["n_docs"].rank(method="min", ascending=False).astype("int64")
    out = out.sort_values(["group", "rank", "term"], kind="stable", ignore_index=True)
    if n is not None:
        out = out.groupby("group").head(n).reset_index(drop=True)
    all_groups = _groups(docvars.drop_duplicates("doc_id"), docvars, by)
    out.attrs.update(topic_terms=wanted, topic_docs={str(k): int(v) for k, v in n_topic.items()},
                     group_docs={str(k): int(v) for k, v in all_groups.value_counts().sort_index().items()})
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
    out = frame.groupby(["period", "term"], sort=True)["count"].sum().reset_index().astype({"count": "int64"})
    out["rel_freq"] = out["count"] / out["period"].map(totals).astype("float64")  # float also when empty
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
            A word without ``*`` also finds every word counted as the same term: its aliases
            and, in Russian, its inflected forms, in either script (``"tokayev"`` and
            ``"Токаев"`` both find ``Tokayev``, ``Токаева``, ``Токаеву``); a phrase that is
            itself a term also finds its aliases (``"eurasian economic union"`` finds ``ЕАЭС``).
        window: words of context on each side.
        options: rules from :func:`term_options` (its aliases, lemmas and stop words decide
            which words are the same term; ``numbers`` whether ``$30 billion`` is one word of
            context).

    Returns:
        DataFrame sorted by (``doc_id``, ``line_no``, ``start``): ``doc_id``, ``line_no``,
        ``start``, ``end`` (offsets of the keyword within the normalised raw line),
        ``left``, ``keyword`` (the raw form as written), ``right``, ``pattern`` (which
        pattern matched).
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
    full = _opts(options)
    norm = full.normaliser()
    targets = set(full.aliases.values())

    def as_term(word: str) -> str | None:  # the term a pattern word stands for, when it widens the match
        form = _match_form(word)
        term = None if "*" in form else norm(form)
        return term if term is not None and (term != form or term in targets or _CYRILLIC.search(form)) else None

    compiled = [(p, [_glob(w) for w in p.split()], [as_term(w) for w in p.split()],
                 full.aliases.get(_norm_phrase(p), _norm_phrase(p)) if len(p.split()) > 1 else None)
                for p in patterns]
    by_term = any(t is not None for _, _, ts, _ in compiled for t in ts) or any(c[3] for c in compiled)
    opts = _word_options(full)
    kept = _kept(kept, need_lines=True)
    finditer = opts.pattern.finditer
    # skip lines that cannot match: the literal start of each pattern's first word must occur
    prefixes = [_match_form(p.split()[0]).split("*")[0] for p in patterns]
    quick = None if "" in prefixes or by_term else re.compile("|".join(map(re.escape, prefixes)), re.IGNORECASE)
    out = []
    for doc_id, line_no, text, base in zip(kept["doc_id"], kept["line_no"], kept["text"], kept["start"], strict=True):
        if not text or (quick is not None and not quick.search(text.translate(_APOS))):
            continue
        spans = [(m.start(), m.end(), _match_form(m.group())) for m in finditer(text)]
        n = len(spans)
        terms_ = [norm(s[2]) for s in spans] if by_term else []
        for i in range(n):
            for label, parts, words, phrase in compiled:
                k = len(parts)
                if phrase is not None and terms_[i] == phrase:
                    k = 1  # one word standing for the whole phrase (an alias: EAEU)
                elif i + k > n or not all(parts[j].match(spans[i + j][2]) or
                                          (words[j] is not None and terms_[i + j] == words[j]) for j in range(k)):
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
