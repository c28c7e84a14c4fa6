"""Exercises for the seminar tour (``notebooks/00_start_here.ipynb``), checked against the corpus.

The expected answers are computed from whatever corpus the student loaded, so the exercises work
on the seed articles and on a class's own folder alike.  Each exercise is a row of
:data:`EXERCISES`; :func:`check_answer` compares a student's answer (a number, a ``doc_id``, or
the text typed into a box) with the expected one.

Example:
    >>> from kzru_lib import load_corpus
    >>> from kzru_lib.exercises import check_answer
    >>> corpus = load_corpus("seeds")                      # doctest: +SKIP
    >>> check_answer(corpus, 1, 5).correct                 # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

__all__ = ["EXERCISES", "Verdict", "exercises", "expected_answer", "check_answer"]

Kind = Literal["count", "doc_id", "share"]


def _n_articles(corpus: pd.DataFrame) -> int:
    return int(len(corpus))


def _n_undated(corpus: pd.DataFrame) -> int:
    return int(corpus["published"].isna().sum())


def _longest(corpus: pd.DataFrame) -> str:
    lengths = corpus["text"].fillna("").str.len()
    order = pd.DataFrame({"doc_id": corpus["doc_id"], "n": lengths}).sort_values(
        ["n", "doc_id"], ascending=[False, True], kind="stable"
    )
    return str(order["doc_id"].iloc[0])


def _kept_share(corpus: pd.DataFrame) -> float:
    total = int(corpus["n_lines"].sum())
    return round(int(corpus["n_kept_lines"].sum()) / total, 4) if total else 0.0


#: number -> (question, kind of answer, how to compute it from the corpus table).
EXERCISES: dict[int, tuple[str, Kind, Callable[[pd.DataFrame], Any]]] = {
    1: ("How many articles does the corpus hold?", "count", _n_articles),
    2: ("How many articles have no known publication date (`published` is empty)?", "count", _n_undated),
    3: ("Which article has the longest clean text? Give its `doc_id`.", "doc_id", _longest),
    4: ("What share of all raw lines did the cleaner keep? A number between 0 and 1; two decimals are enough.",
        "share", _kept_share),
}  # fmt: skip

#: How far a ``share`` answer may be from the exact value.
SHARE_TOLERANCE = 0.01


@dataclass(frozen=True)
class Verdict:
    """The result of checking one answer: ``correct`` and a ``message`` for the student."""

    number: int
    correct: bool
    message: str


def exercises() -> pd.DataFrame:
    """The exercises as a table: ``number``, ``question``, ``kind`` (``count``, ``doc_id``, ``share``)."""
    rows = [{"number": n, "question": q, "kind": k} for n, (q, k, _) in sorted(EXERCISES.items())]
    return pd.DataFrame(rows, columns=["number", "question", "kind"])


def expected_answer(corpus: pd.DataFrame, number: int) -> Any:
    """The answer to exercise ``number`` for this corpus (an int, a ``doc_id`` or a share)."""
    if number not in EXERCISES:
        raise KeyError(f"no exercise {number}; there are exercises {sorted(EXERCISES)}")
    return EXERCISES[number][2](corpus)


def _parse(answer: Any, kind: Kind) -> Any:
    """A typed or computed answer as a value of the exercise's kind; ``None`` if it is not one."""
    if isinstance(answer, str):
        text = answer.strip().strip("\"'")
        if kind == "doc_id":
            return text or None
        try:
            if kind == "share" and text.endswith("%"):
                return float(text[:-1].replace(",", ".")) / 100
            value = float(text.replace(",", "."))
        except ValueError:
            return None
    elif isinstance(answer, bool) or answer is None or answer is Ellipsis:
        return None
    else:
        value = answer
    if kind == "doc_id":
        return str(value)
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    if kind == "count":
        return int(value) if value == int(value) else None
    return value


def check_answer(corpus: pd.DataFrame, number: int, answer: Any) -> Verdict:
    """Check a student's answer to exercise ``number`` against this corpus.

    Args:
        corpus: the corpus table (from :func:`kzru_lib.load_corpus`).
        number: the exercise number (a key of :data:`EXERCISES`).
        answer: the answer: a number, a ``doc_id``, or the text typed into a box; ``None`` or
            ``...`` means "not answered yet".

    Returns:
        A :class:`Verdict`; its message says whether the answer is right, and gives a hint
        (never the answer) when it is not.
    """
    question, kind, _ = EXERCISES[number]
    expected = expected_answer(corpus, number)
    if answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip()):
        return Verdict(number, False, f"Exercise {number}: not answered yet.")
    value = _parse(answer, kind)
    if value is None:
        shape = {"count": "a whole number", "doc_id": "a doc_id such as 001_84b71895f86bb473",
                 "share": "a number between 0 and 1, such as 0.42"}[kind]  # fmt: skip
        return Verdict(number, False, f"Exercise {number}: {answer!r} is not {shape}.")
    if kind == "share":
        correct = abs(value - expected) <= SHARE_TOLERANCE + 1e-9
    else:
        correct = value == expected
    if correct:
        return Verdict(number, True, f"Exercise {number}: correct!")
    hints = {
        "count": "count the rows of the table that match (len(...) or .sum() on a True/False column)",
        "doc_id": "sort by the length of the text column (corpus.text.str.len())",
        "share": "divide the total of n_kept_lines by the total of n_lines",
    }
    return Verdict(number, False, f"Exercise {number}: not quite. Hint: {hints[kind]}.")
