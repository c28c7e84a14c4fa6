"""Segmenting the kept text: lines and sentences that later stages analyse.

Every analysis stage (terms, dates, figures) reads kept text through this module, so boilerplate
never reaches a count and every result can point back to ``doc_id`` and ``line_no``. Offsets
(``start``, ``end``) are character offsets within the normalised raw line (``lines.text``), so
``line[start:end]`` is the exact surface a researcher can cite.

Example:
    >>> split_sentences('He left on Nov. 27. "It went well," he said. Then Mr. Smith spoke.')
    [(0, 19), (20, 44), (45, 66)]
"""

from __future__ import annotations

import re
from importlib import resources

import pandas as pd

from .cleaning import audit_lines

__all__ = ["kept_lines", "sentences", "split_sentences", "with_docvars"]

_ABBREV: frozenset[str] | None = None


def _abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations that do not end a sentence (``data/abbreviations.txt``)."""
    global _ABBREV
    if _ABBREV is None:
        text = resources.files("kzru_lib.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
        _ABBREV = frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))
    return _ABBREV


# A candidate boundary: . ! ? or … (with closing quotes/brackets), whitespace, then an opening
# quote, bracket, capital letter or digit; or, with no space, a full stop after a lower-case word, a number or a
# percent sign and a capitalised word ("the source said.At the same time", "34% in 2028.By the end of 2025":
# paragraphs a scrape ran together).
_BOUNDARY = re.compile(r"([.!?…]+[\"'»”’)\]]*)(\s+(?=[\"'«“‘(\[]?[A-ZА-ЯЁ\d])|(?:(?<=[a-zа-яё]{2}[.!?])|(?<=\d{2}[.!?])|(?<=%[.!?]))(?=[A-ZА-ЯЁ][a-zа-яё]))")


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "u.s", "e.g": a word of initials before its last full stop (not "5.3")
#: Abbreviated scales, currencies and months that end a sentence before a capitalised word ("превысил $11,4 млрд.
#: Годом ранее ...", "to a record $4.1 bln. Between January and September ..."); inside one they are followed
#: by a lower-case word or a number ("млрд. долларов", "за 9 мес. 2023 г.").
_AMOUNT_ABBREV = frozenset({"млн", "млрд", "трлн", "тыс", "руб", "долл", "мес", "bln", "mln", "mn", "bn", "tn"})
#: Abbreviated units and years that end a sentence after a number and before a capitalised word ("a depth of 10 km.
#: The quake ...", "в 2023 г. Президент ..."); elsewhere they go on ("г. Алматы", "10 km. from the city").
_NUMBER_ABBREV = frozenset({"km", "sq", "г", "гг"})
_NUMBER_BEFORE = re.compile(r"\d[\d\s.,]*\s$")
#: A capitalised word, or a capital letter that is a word ("$4,1 млрд. С января по сентябрь"; not an initial).
_TITLE_WORD = re.compile(r"[\"«“]?[A-ZА-ЯЁ](?:[a-zа-яё]|\s)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences.

    A boundary is sentence punctuation followed by space and a capital letter, digit or opening
    quote (or a full stop between a lower-case word and a capitalised one, with no space: "said.At"), except after a known abbreviation (``Nov.``, ``Mr.``, ``U.S.``; the list is
    ``kzru_lib/data/abbreviations.txt``) or a single initial (``V. Putin``).

    Args:
        text: one line or paragraph.

    Returns:
        ``(start, end)`` character spans, leading and trailing spaces excluded.
    """
    spans = []
    start = 0
    abbrev = _abbreviations()
    for m in _BOUNDARY.finditer(text):
        punct = m.group(1)
        if punct.startswith(".") and len(punct.rstrip("\"'»”’)]")) == 1:
            end_word = m.start(1)
            word = text[max(text.rfind(" ", 0, end_word), text.rfind("\n", 0, end_word)) + 1:end_word]
            word = word.lower().lstrip("\"'«“‘([")
            number_next = text[m.end(2):m.end(2) + 1].isdigit() and word in ("no", "nos", "p", "pp")
            amount_end = (word in _AMOUNT_ABBREV or (word in _NUMBER_ABBREV and _NUMBER_BEFORE.search(
                text, max(0, end_word - len(word) - 20), end_word - len(word)))) \
                and _TITLE_WORD.match(text, m.end(2))  # "$11,4 млрд. Годом ранее", "at 10 km. The quake"
            if number_next or (word + "." in abbrev and not amount_end) or (len(word) == 1 and word.isalpha()
                                                                             and not amount_end) \
                    or _INITIALS.fullmatch(word):
                continue
        end = m.end(1)
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end(2)
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        out.append((a, b))
    return out


def kept_lines(corpus: pd.DataFrame, *, lines: pd.DataFrame | None = None) -> pd.DataFrame:
    """The kept part of every kept line (title, headings, body).

    Args:
        corpus: the corpus table.
        lines: the audit from :func:`kzru_lib.cleaning.audit_lines`, if already computed.

    Returns:
        Sorted by ``doc_id``, ``line_no``; columns ``doc_id``, ``line_no``, ``label``, ``text`` (kept
        part, stripped), ``start`` (its offset in the normalised raw line), ``line`` (the whole line).
    """
    lines = audit_lines(corpus) if lines is None else lines
    kept = lines[lines["label"].isin(["title", "heading", "body"])]
    starts = []
    texts = []
    for line, ks in zip(kept["text"], kept["kept_start"], strict=True):
        rest = line[ks:]
        lead = len(rest) - len(rest.lstrip())
        starts.append(ks + lead)
        texts.append(rest.strip())
    out = pd.DataFrame({
        "doc_id": kept["doc_id"].to_numpy(),
        "line_no": kept["line_no"].to_numpy(),
        "label": kept["label"].to_numpy(),
        "text": texts,
        "start": starts,
        "line": kept["text"].to_numpy(),
    })
    return out.sort_values(["doc_id", "line_no"], kind="stable").reset_index(drop=True)


def line_sentences(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The sentences of one kept line: ``(start, end, sentence)``, offsets shifted by ``start``
    (the kept part's offset in the raw line, :func:`kept_lines`)."""
    return [(start + a, start + b, text[a:b]) for a, b in split_sentences(text)]


def sentences(corpus: pd.DataFrame, *, lines: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every sentence of the kept text, with where it sits in the raw file.

    Args:
        corpus: the corpus table.
        lines: the audit, if already computed.

    Returns:
        Sorted by ``doc_id``, ``line_no``, ``start``; columns ``doc_id``, ``line_no``, ``label``,
        ``sent_no`` (1-based within the article), ``start``, ``end`` (offsets in the normalised raw
        line), ``sentence``.

    Example:
        >>> sents = sentences(load_corpus("seeds"))      # doctest: +SKIP
    """
    kl = kept_lines(corpus, lines=lines)
    rows = []
    for doc_id, line_no, label, text, start in zip(kl["doc_id"], kl["line_no"], kl["label"], kl["text"],
                                                   kl["start"], strict=True):
        rows.extend((doc_id, line_no, label, a, b, sent) for a, b, sent in line_sentences(text, start))
    out = pd.DataFrame(rows, columns=["doc_id", "line_no", "label", "start", "end", "sentence"])
    out.insert(3, "sent_no", out.groupby("doc_id").cumcount() + 1 if len(out) else pd.Series(dtype="int64"))
    return out.reset_index(drop=True)


def with_docvars(table: pd.DataFrame, corpus: pd.DataFrame, *, columns: list[str] | None = None) -> pd.DataFrame:
    """Join document-level columns (outlet, published, sidecar columns...) onto a table with ``doc_id``.

    Args:
        table: any kzru table with a ``doc_id`` column.
        corpus: the corpus table.
        columns: which corpus columns; default: all but the texts and file facts.

    Returns:
        ``table`` with those columns added (row order kept).
    """
    skip = {"raw_text", "text", "path", "sha256", "encoding", "n_lines", "n_kept_lines"}
    columns = columns or [c for c in corpus.columns if c not in skip and c != "doc_id"]
    columns = [c for c in columns if c not in table.columns]
    return table.merge(corpus[["doc_id", *columns]], on="doc_id", how="left")
