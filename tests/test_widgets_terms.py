"""kzru_lib.widgets.terms: the explorers group by any column of the corpus."""

from __future__ import annotations

from pathlib import Path

SEMINAR = Path(__file__).parent / "corpora" / "seminar"


def test_trend_explorer_by_any_column() -> None:
    from kzru_lib import load_corpus, terms
    from kzru_lib.widgets.terms import trend_explorer

    corpus = load_corpus(SEMINAR)
    w = trend_explorer(corpus, terms.doc_terms(corpus), by=["media", "leaning"], terms=["corridor"])
    everything = int(w.table["count"].sum())
    w.by.value = "media"
    assert w.group.value == "Eurasia Ledger" and not w.group.disabled
    w.group.value = "Steppe Herald"
    assert 0 < int(w.table["count"].sum()) < everything  # one outlet's share of the mentions
