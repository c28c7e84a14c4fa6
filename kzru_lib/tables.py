"""Reading the heuristic tables in ``kzru_lib/data`` (or a user's replacement for one of them)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import KzruError

__all__ = ["read_rule_table", "word_tree"]


def read_rule_table(path: str | os.PathLike | None, name: str, required: list[str]) -> tuple[pd.DataFrame, str]:
    """Read a rule table: the shipped ``kzru_lib/data/<name>``, or the user's file at ``path``.

    Args:
        path: a user's CSV, or ``None`` for the shipped table.
        name: the shipped table's file name.
        required: columns the table must have.

    Returns:
        ``(table, where)``: all cells as strings (empty, never NaN), and where it was read from
        (for error messages and audit columns).

    Raises:
        KzruError: the file does not exist or lacks a required column (the message names it).
    """
    if path is None:
        with resources.files("kzru_lib.data").joinpath(name).open(encoding="utf-8") as fh:
            table = pd.read_csv(fh, dtype=str, keep_default_na=False)
        where = f"kzru_lib/data/{name}"
    else:
        path = Path(path)
        if not path.exists():
            raise KzruError(f"{path}: table not found (expected a CSV like kzru_lib/data/{name})")
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        where = str(path)
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise KzruError(f"{where}: missing column(s) {', '.join(missing)}; expected {', '.join(required)}")
    return table, where


def word_tree(words: Iterable[str], *, spaces: str = r"\s+") -> str:
    """One regex alternation of literal words (or phrases), longest first, a space in one matching ``spaces``.

    Written as a prefix tree ("Jan(?:uary)?" rather than "January|Jan"), which matches exactly what the flat
    longest-first alternation matches (at a position the words that fit lie on one path of the tree, tried longest
    first) but lets the regex engine drop a failing word at its first letter instead of trying every word in turn.
    Used for the date vocabulary (:mod:`kzru_lib.dates`), the month names of dated lines (:mod:`kzru_lib.loading`) and
    multi-word terms (:mod:`kzru_lib.terms`).
    """
    tree: dict = {}
    for w in words:
        if not w:
            continue
        node = tree
        for c in w:
            node = node.setdefault(spaces if c == " " else re.escape(c), {})
        node[""] = {}  # the end of a word
    return _tree_regex(tree)


def _tree_regex(node: dict) -> str:
    """The regex of a prefix tree from :func:`word_tree`: children first (greedy), then the word's end."""
    ends = "" in node
    branches = [token + _tree_regex(child) for token, child in sorted(node.items()) if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + body + ")?"
    return body
