"""kzru_lib.notebook: what a notebook says follows the corpus loaded."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from kzru_lib import LoadWarning, load_corpus
from kzru_lib.notebook import (
    BUNDLED_EXAMPLE,
    NO_MATHS_CLOSE,
    NO_MATHS_OPEN,
    categorical_columns,
    escape_currency,
    example_note,
    is_bundled_example,
    setup_notebook,
    source_labels,
    summary_text,
    warning_line,
)

SEMINAR = Path(__file__).parent / "corpora" / "seminar"


def _table(**cols) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], **cols})


def test_categorical_columns_finds_sidecar_codes_and_skips_texts_ids_numbers() -> None:
    table = _table(
        title=[f"A long headline number {i} about the talks" for i in range(8)],
        outlet=["Herald", "Herald", "Daily", "Daily", "Wire", "Wire", "", None],
        stance=["pro", "contra", "pro", "pro", "neutral", "contra", "pro", "pro"],
        coder=["ann"] * 8,                       # one value: nothing to compare
        words=list(range(8)),                    # numbers are not groups
        url=[f"https://example.org/{i}" for i in range(8)],
        serial=[f"s{i}" for i in range(8)],      # one value per article: an identifier
        note=["x"] * 4 + ["y"] * 4,              # an audit column, never a group
        summary=["a very long free-text comment " * 4, "another long comment " * 5] * 4,
    )
    assert categorical_columns(table) == ["outlet", "stance"]


def test_categorical_columns_puts_outlet_and_language_first() -> None:
    table = _table(region=["KZ", "RU", "KZ"], language=["en", "ru", "en"], outlet=["A", "B", "A"])
    assert categorical_columns(table) == ["outlet", "language", "region"]


def test_categorical_columns_on_a_corpus_without_the_seeds_columns() -> None:
    corpus = load_corpus(SEMINAR)
    found = categorical_columns(corpus)
    assert {"media", "leaning", "region", "language"} <= set(found)
    assert "source_country" not in found and "title" not in found


def test_escape_currency_stops_maths_rendering() -> None:
    wrapped = escape_currency("*$18.3* + 29.5 = $47.8 billion")
    assert wrapped == f"{NO_MATHS_OPEN}\n\n*\\$18.3* + 29.5 = \\$47.8 billion\n\n{NO_MATHS_CLOSE}"
    assert "tex2jax_ignore" in NO_MATHS_OPEN and "mathjax_ignore" in NO_MATHS_OPEN
    assert escape_currency(wrapped) == wrapped  # idempotent
    assert r"\$5 and \$6" in escape_currency(r"\$5 and $6")
    assert "`a$b`" in escape_currency("cost $5, code `a$b`")  # code is shown as written
    assert escape_currency("no money") == "no money"


def test_example_note_only_for_the_bundled_example(tmp_path: Path) -> None:
    assert is_bundled_example(BUNDLED_EXAMPLE) and not is_bundled_example(tmp_path)
    shown = example_note(BUNDLED_EXAMPLE, "TASS says $25 billion.").data
    assert "bundled example" in shown and r"\$25" in shown and "TASS" in shown
    hidden = example_note(tmp_path, "TASS says $25 billion.").data
    assert "TASS" not in hidden and "another corpus" in hidden


def test_summary_is_computed_from_the_table() -> None:
    corpus = _table(outlet=["Herald", "Herald", "Daily"], language=["en", "ru", "en"],
                    published=["2024-01-02", None, "2025-03"])
    text = summary_text(corpus)
    assert "**3 articles**" in text and "Herald (2)" in text and "Daily (1)" in text
    assert "en (2), ru (1)" in text and "between 2024-01-02 and 2025-03" in text and "1 undated" in text
    assert summary_text(corpus.iloc[:0]).startswith("The loaded corpus holds **no articles**")


def test_source_labels_show_outlet_title_and_doc_id() -> None:
    corpus = _table(outlet=["Herald", None], title=["Talks resume", None])
    assert source_labels(corpus) == [("Herald — Talks resume (d0)", "d0"), ("d1", "d1")]
    long = source_labels(_table(title=["word " * 40]), width=20)[0][0]
    assert long.endswith("… (d0)") and len(long) < 40


def test_warnings_are_one_clear_line(capsys) -> None:
    assert warning_line("a.txt: not\n readable", LoadWarning, "/x/loading.py", 3) == "warning: a.txt: not readable\n"
    saved = warnings.showwarning, warnings.formatwarning
    try:
        setup_notebook(retina=False)
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("b.txt: empty file; skipped", LoadWarning, stacklevel=1)
        err = capsys.readouterr().err
        assert err == "warning: b.txt: empty file; skipped\n"
    finally:
        warnings.showwarning, warnings.formatwarning = saved


@pytest.mark.parametrize("bad", [["x"], []])
def test_categorical_columns_tolerates_odd_tables(bad) -> None:
    assert categorical_columns(pd.DataFrame({"doc_id": bad})) == []
