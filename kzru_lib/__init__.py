"""kzru: a research toolkit for Kazakhstan–Russia relations in the news.

The naming grammar (after quanteda):

* **Nouns** name tables and the modules that build them: the *corpus* (one row per article),
  the *lines* audit (one row per raw line), *tokens*, *dates*, *events*, *figures*.
* **Constructors** are verbs that build a table from input: :func:`load_corpus`.
* **Refiners** (``verb_noun``) take a table and return the same kind of table.
* **Analysis functions** return a new, documented table or a matplotlib figure; plots live in
  :mod:`kzru_lib.plots`, interactive explorers in :mod:`kzru_lib.widgets`.
* Raw text is never changed; document variables (outlet, published, sidecar columns) travel with
  the data; every row that comes from a line carries ``doc_id`` and ``line_no``.

Stages: :mod:`~kzru_lib.loading` → :mod:`~kzru_lib.cleaning` → :mod:`~kzru_lib.segment` →
:mod:`~kzru_lib.terms`, :mod:`~kzru_lib.dates` / :mod:`~kzru_lib.timeline`, :mod:`~kzru_lib.figures`.
"""

from .cleaning import audit_lines, load_patterns
from .errors import CorpusError, KzruError, LoadWarning, MetadataError
from .loading import load_corpus, load_problems, read_corpus
from .segment import kept_lines, sentences, with_docvars

__all__ = [
    "load_corpus", "read_corpus", "load_problems", "audit_lines", "load_patterns",
    "kept_lines", "sentences", "with_docvars",
    "KzruError", "CorpusError", "MetadataError", "LoadWarning",
]
__version__ = "0.1.0"

#: Analysis functions re-exported lazily (importing kzru_lib stays light: NLTK loads on first use).
_LAZY = {
    "doc_terms": "terms", "frequency": "terms", "keyness": "terms", "kwic": "terms", "collocations": "terms",
    "extract_dates": "dates", "find_dates": "dates",
    "extract_events": "timeline", "merge_events": "timeline",
    "extract_figures": "figures", "find_figures": "figures", "compare_figures": "figures",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'kzru_lib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
