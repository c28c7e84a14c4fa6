"""Reading the heuristic tables in ``kzru_lib/data`` (or a user's replacement for one of them)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import KzruError

__all__ = ["read_rule_table"]


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
