"""Helpers that keep a notebook's prose true of whatever corpus is loaded.

A notebook calls these so that what it *says* follows the data:

* :func:`setup_notebook` once, in the first code cell: warnings (a file that could not be read,
  a sidecar row without an article) print as one clear line, not as a line of the toolkit's
  code, and inline figures are drawn at high resolution;
* :func:`corpus_summary` for a short Markdown description computed from the corpus table;
* :func:`categorical_columns` for the columns a researcher can group by (outlet, language and
  every short categorical sidecar column: country, stance, leaning...);
* :func:`example_note` for commentary written about the bundled example (``seeds/``): it is
  shown, marked as such, only when the bundled example is the corpus loaded;
* :func:`escape_currency` so that ``$18.3 + $29.5`` in Markdown is not typeset as maths.

Example::

    from kzru_lib.notebook import categorical_columns, corpus_summary, example_note
    corpus_summary(corpus)                         # a Markdown object: displayed by Jupyter
    categorical_columns(corpus)                    # ['outlet', 'language', 'stance']
    example_note(CORPUS, "In the seeds, ...")      # nothing unless CORPUS is the bundled example
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

__all__ = [
    "BUNDLED_EXAMPLE",
    "categorical_columns",
    "corpus_summary",
    "escape_currency",
    "example_note",
    "is_bundled_example",
    "most_reported",
    "setup_notebook",
    "source_labels",
    "warning_line",
]

#: The bundled example corpus (``seeds/`` beside the package).
BUNDLED_EXAMPLE = Path(__file__).resolve().parents[1] / "seeds"

#: Columns of the corpus table that are never groups: identifiers, texts, dates, counts, audit.
NOT_GROUPS = frozenset({
    "doc_id", "title", "text", "raw_text", "path", "file", "published", "published_basis", "published_evidence",
    "note", "notes", "url", "encoding", "dateline", "n_lines", "n_kept_lines", "sha256",
})
#: Columns offered first when present (in this order); the rest follow in table order.
PREFERRED = ("outlet", "language")

_CURRENCY = re.compile(r"(?<!\\)\$")
#: Code in Markdown, where a backslash would be shown: fenced blocks and `inline code`.
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


#: Markdown with dollar signs is wrapped in this block: MathJax 2 and 3 (JupyterLab, Voila,
#: nbconvert) skip elements of these classes.
NO_MATHS_OPEN = '<div class="tex2jax_ignore mathjax_ignore">'
NO_MATHS_CLOSE = "</div>"


def escape_currency(markdown: str) -> str:
    r"""Keep dollar amounts in Markdown from being typeset as maths.

    JupyterLab, Voila and nbconvert treat ``$...$`` as inline LaTeX: ``$18.3 + 29.5 = $47.8``
    becomes italic maths. A backslash alone does not prevent it in JupyterLab 4 (the Markdown
    parser removes the backslash before MathJax runs), so two things are done: every unescaped
    ``$`` outside code gets a backslash (the Markdown around it keeps its emphasis), and text
    with a dollar sign is wrapped in a block of the classes MathJax ignores (:data:`NO_MATHS_OPEN`).
    Text without a dollar sign is returned unchanged; escaping twice changes nothing.

    >>> escape_currency("no money")
    'no money'
    >>> escape_currency("$18.3 + $29.5 billion").splitlines()[2]
    '\\$18.3 + \\$29.5 billion'
    """
    if "$" not in markdown:
        return markdown
    body = markdown.strip()
    if body.startswith(NO_MATHS_OPEN) and body.endswith(NO_MATHS_CLOSE):
        body = body[len(NO_MATHS_OPEN):-len(NO_MATHS_CLOSE)].strip()
    return f"{NO_MATHS_OPEN}\n\n{_escape_dollars(body)}\n\n{NO_MATHS_CLOSE}"


def _escape_dollars(markdown: str) -> str:
    out, pos = [], 0
    for code in _CODE.finditer(markdown):  # code is shown as written: leave it alone
        out.append(_CURRENCY.sub(r"\\$", markdown[pos:code.start()]))
        out.append(code.group())
        pos = code.end()
    out.append(_CURRENCY.sub(r"\\$", markdown[pos:]))
    return "".join(out)


def most_reported(table: pd.DataFrame, column: str = "metric", *, rank: int = 0) -> str | None:
    """The value of ``column`` found in the most articles (ties: most rows, then alphabetical).

    ``rank=1`` gives the runner-up. None when the table has fewer distinct values.
    Used to open a chart on the metric with the most sources, whatever the corpus.
    """
    if table is None or len(table) == 0 or column not in table.columns:
        return None
    table = table[table[column].notna() & (table[column].astype(str) != "")]
    spread = (table.groupby(column).agg(n=("doc_id", "nunique"), rows=("doc_id", "size")).reset_index()
              .sort_values(["n", "rows", column], ascending=[False, False, True]))
    return spread[column].iloc[rank] if len(spread) > rank else None


def is_bundled_example(corpus_path: str | os.PathLike) -> bool:
    """True when ``corpus_path`` is the bundled example folder ``seeds/``."""
    try:
        return Path(corpus_path).resolve() == BUNDLED_EXAMPLE
    except OSError:
        return False


def example_note(corpus_path: str | os.PathLike, markdown: str):
    """Commentary written about the bundled example, shown only when that is the corpus loaded.

    Args:
        corpus_path: the folder the notebook reads (its ``CORPUS``).
        markdown: the commentary (Markdown; dollar signs are escaped here).

    Returns:
        An ``IPython.display.Markdown`` headed *About the bundled example*, or a one-line note
        that the commentary is left out when another corpus is loaded.
    """
    from IPython.display import Markdown

    if is_bundled_example(corpus_path):
        return Markdown(escape_currency("**About the bundled example** (`seeds/`): " + markdown.strip()))
    return Markdown("*(Commentary on the bundled example is left out: another corpus is loaded.)*")


def categorical_columns(corpus: pd.DataFrame, *, max_levels: int = 50, max_length: int = 60) -> list[str]:
    """The document columns a researcher can group articles by.

    A column qualifies when it holds text or booleans (not numbers or dates), is not an
    identifier, a text or an audit column (:data:`NOT_GROUPS`), has at least two distinct
    values, at most ``max_levels`` of them, fewer distinct values than articles (unless the
    corpus is tiny), and short values (median length at most ``max_length``).

    Args:
        corpus: the corpus table (or any table with one row per article).
        max_levels: most distinct values a group column may have.
        max_length: longest median value length (longer values are titles or notes, not codes).

    Returns:
        Column names: ``outlet`` and ``language`` first when they qualify, then the others in
        table order. Empty when nothing qualifies.
    """
    found = []
    n = len(corpus)
    for col in corpus.columns:
        if col in NOT_GROUPS or str(col).startswith("_"):
            continue
        series = corpus[col]
        if not (pd.api.types.is_object_dtype(series) or isinstance(series.dtype, pd.CategoricalDtype)
                or pd.api.types.is_string_dtype(series) or pd.api.types.is_bool_dtype(series)):
            continue
        values = series.dropna()
        values = values[values.astype(str).str.strip() != ""]
        if values.empty or not all(isinstance(v, str | bool) for v in values.head(200)):
            continue
        levels = values.astype(str).nunique()
        if levels < 2 or levels > max_levels or (n > 5 and levels >= n):
            continue
        if values.astype(str).str.len().median() > max_length:
            continue
        found.append(col)
    first = [c for c in PREFERRED if c in found]
    return first + [c for c in found if c not in first]


def _count_phrase(counts: pd.Series, noun: str, limit: int = 6) -> str:
    shown = [f"{name} ({n})" for name, n in counts.head(limit).items()]
    more = len(counts) - limit
    return f"{len(counts)} {noun}: " + ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def corpus_summary(corpus: pd.DataFrame):
    """A few sentences about the loaded corpus, computed from its table (an IPython Markdown).

    Says how many articles, from which outlets, in which languages, over which dates, and
    which columns can be used as groups.
    """
    from IPython.display import Markdown

    return Markdown(escape_currency(summary_text(corpus)))


def summary_text(corpus: pd.DataFrame) -> str:
    """The text of :func:`corpus_summary` (plain Markdown)."""
    n = len(corpus)
    if n == 0:
        return "The loaded corpus holds **no articles**."
    parts = [f"The loaded corpus holds **{n} article{'s' if n != 1 else ''}**."]
    if "outlet" in corpus.columns:
        outlets = corpus["outlet"].replace("", pd.NA).dropna().astype(str).value_counts()
        missing = n - int(outlets.sum())
        if len(outlets):
            phrase = _count_phrase(outlets, "outlets named" if len(outlets) != 1 else "outlet named")
            parts.append(phrase[0].upper() + phrase[1:]
                         + (f"; {missing} without an outlet." if missing else "."))
        else:
            parts.append("No article names its outlet.")
    if "language" in corpus.columns:
        langs = corpus["language"].replace("", pd.NA).fillna("unknown").astype(str).value_counts()
        parts.append(("Languages: " if len(langs) > 1 else "Language: ")
                     + ", ".join(f"{k} ({v})" for k, v in langs.items()) + ".")
    if "published" in corpus.columns:
        known = corpus["published"].replace("", pd.NA).dropna().astype(str)
        if len(known):
            parts.append(f"Published between {known.min()} and {known.max()}"
                         + (f"; {n - len(known)} undated." if len(known) < n else "."))
        else:
            parts.append("No article has a known publication date.")
    groups = categorical_columns(corpus)
    parts.append("Columns to group by: " + (", ".join(f"`{g}`" for g in groups) if groups else
                                             "none besides `doc_id` (add columns to `metadata.csv`)") + ".")
    return " ".join(parts)


def source_labels(corpus: pd.DataFrame, doc_ids: Sequence[str] | None = None, *, width: int = 60) -> list[tuple[str, str]]:
    """``(label, doc_id)`` pairs for a picker: *outlet — title (doc_id)*, shortened to ``width``.

    Articles without outlet or title fall back to what is known; the ``doc_id`` is always shown.
    """
    table = corpus.drop_duplicates("doc_id").set_index("doc_id")
    ids = list(table.index) if doc_ids is None else list(doc_ids)
    out = []
    for doc_id in ids:
        bits = []
        for col in ("outlet", "title"):
            if col in table.columns and doc_id in table.index:
                value = table.at[doc_id, col]
                if isinstance(value, str) and value.strip():
                    bits.append(value.strip())
        text = " — ".join(bits)
        if len(text) > width:
            text = text[: width - 1].rstrip() + "…"
        out.append((f"{text} ({doc_id})" if text else str(doc_id), doc_id))
    return out


def warning_line(message, category, filename=None, lineno=None, line=None) -> str:
    """One line for a warning: ``warning: <message>`` (the category when it is not a plain one)."""
    name = getattr(category, "__name__", "Warning")
    kind = "" if name in ("UserWarning", "LoadWarning") else f" ({name})"
    text = " ".join(str(message).split())
    return f"warning{kind}: {text}\n"


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    stream = sys.stderr if file is None else file
    try:
        stream.write(warning_line(message, category, filename, lineno, line))
    except (OSError, ValueError):
        pass


def setup_notebook(*, retina: bool = True) -> None:
    """Set up a notebook kernel: one-line warnings and high-resolution inline figures.

    Warnings raised while loading (a file that could not be read, a sidecar problem) are shown
    as ``warning: <message>`` instead of the default two lines that quote the toolkit's code.
    """
    warnings.showwarning = _show_warning
    warnings.formatwarning = warning_line
    # tables with several dollar amounts must not be typeset as maths either (pandas marks
    # its HTML with the class MathJax ignores)
    pd.set_option("display.html.use_mathjax", False)
    if retina:
        try:
            from matplotlib_inline.backend_inline import set_matplotlib_formats

            set_matplotlib_formats("retina")
        except (ImportError, AttributeError, TypeError, ValueError):
            pass
