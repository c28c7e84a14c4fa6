"""Save what a notebook shows where people work: tables as CSV or Excel, figures as PNG or SVG.

The file type follows the suffix of the path::

    save_table(key, "keyness.xlsx")        # Excel (openpyxl); .csv writes UTF-8 CSV
    save_figure(fig, "timeline.svg")       # .png (200 dpi) or .svg

Both return the path written and raise :class:`~kzru_lib.errors.KzruError` naming the file when
the suffix is not one they write.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from .errors import KzruError

__all__ = ["TABLE_SUFFIXES", "FIGURE_SUFFIXES", "save_table", "save_figure", "table_bytes", "figure_bytes"]

TABLE_SUFFIXES = (".csv", ".xlsx")
FIGURE_SUFFIXES = (".png", ".svg")
PNG_DPI = 200
#: Excel's own limit on the length of a cell's text.
EXCEL_CELL_LIMIT = 32_767


def _excel_ready(table: pd.DataFrame) -> pd.DataFrame:
    """Excel cannot hold timezone-aware dates, lists, or cells over 32,767 characters."""
    out = table.copy()
    for col in out.columns:
        series = out[col]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            out[col] = series.dt.tz_localize(None)
        elif series.dtype == object:
            out[col] = series.map(lambda v: v if v is None or isinstance(v, int | float | bool | pd.Timestamp)
                                  else str(v)[:EXCEL_CELL_LIMIT])
    return out


def table_bytes(table: pd.DataFrame, fmt: str) -> bytes:
    """The bytes of ``table`` as ``csv`` (UTF-8 with BOM, so Excel opens Cyrillic right) or ``xlsx``."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "csv":
        return table.to_csv(index=False).encode("utf-8-sig")
    if fmt == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            _excel_ready(table).to_excel(writer, index=False, sheet_name="kzru")
        return buffer.getvalue()
    raise KzruError(f"cannot write a table as {fmt!r}: use one of {', '.join(TABLE_SUFFIXES)}")


def figure_bytes(figure, fmt: str, *, dpi: int = PNG_DPI) -> bytes:
    """The bytes of a Matplotlib ``figure`` as ``png`` or ``svg``."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise KzruError(f"cannot write a figure as {fmt!r}: use one of {', '.join(FIGURE_SUFFIXES)}")
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def save_table(table: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write ``table`` to ``path`` (``.csv`` or ``.xlsx``); returns the path."""
    path = Path(path)
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise KzruError(f"{path}: a table is saved as {' or '.join(TABLE_SUFFIXES)}, not {path.suffix or 'no suffix'!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(table_bytes(table, path.suffix))
    return path


def save_figure(figure, path: str | os.PathLike, *, dpi: int = PNG_DPI) -> Path:
    """Write a Matplotlib ``figure`` to ``path`` (``.png`` or ``.svg``); returns the path."""
    path = Path(path)
    if path.suffix.lower() not in FIGURE_SUFFIXES:
        raise KzruError(f"{path}: a figure is saved as {' or '.join(FIGURE_SUFFIXES)}, not {path.suffix or 'no suffix'!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(figure_bytes(figure, path.suffix, dpi=dpi))
    return path
