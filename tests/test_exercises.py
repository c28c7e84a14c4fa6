"""kzru_lib.exercises and kzru_lib.widgets.tour: the tour's exercises, checked against the corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from kzru_lib.exercises import check_answer, exercises, expected_answer
from kzru_lib.widgets.tour import article_html, article_viewer, exercise_box


@pytest.fixture
def corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "title": ["Astana talks", None, "Gas deal"],
            "outlet": ["Kazinform", "TASS", None],
            "published": ["2024-03-05", None, None],
            "n_lines": [10, 6, 4],
            "n_kept_lines": [5, 3, 1],
            "text": ["short", "a much longer clean text", "a longer <b>one</b>"],
        }
    )


def test_expected_answers_come_from_the_corpus(corpus: pd.DataFrame) -> None:
    assert [expected_answer(corpus, n) for n in (1, 2, 3, 4)] == [3, 2, "b", 0.45]
    assert expected_answer(corpus.iloc[:1], 3) == "a"
    with pytest.raises(KeyError, match="no exercise 9"):
        expected_answer(corpus, 9)


def test_longest_ties_go_to_the_first_doc_id() -> None:
    tied = pd.DataFrame({"doc_id": ["z", "m"], "text": ["abc", "xyz"]})
    assert expected_answer(tied, 3) == "m"


@pytest.mark.parametrize(
    ("number", "answer", "correct"),
    [
        (1, 3, True), (1, "3", True), (1, " 3 ", True), (1, 3.0, True), (1, 4, False), (1, "3.5", False),
        (2, 2, True), (2, "2", True), (2, 0, False),
        (3, "b", True), (3, "'b'", True), (3, "a", False),
        (4, 0.45, True), (4, "0.45", True), (4, "0,45", True), (4, "45%", True), (4, 0.46, True),
        (4, 0.47, False), (4, "0.5", False),
    ],
)  # fmt: skip
def test_check_answer(corpus: pd.DataFrame, number: int, answer, correct: bool) -> None:
    verdict = check_answer(corpus, number, answer)
    assert verdict.correct is correct
    assert verdict.message.startswith(f"Exercise {number}: ")
    assert ("correct!" in verdict.message) is correct


@pytest.mark.parametrize("answer", [None, ..., "", "   "])
def test_unanswered(corpus: pd.DataFrame, answer) -> None:
    assert check_answer(corpus, 1, answer).message == "Exercise 1: not answered yet."


def test_wrong_shape_says_what_is_expected(corpus: pd.DataFrame) -> None:
    verdict = check_answer(corpus, 1, "three")
    assert not verdict.correct and "'three' is not a whole number" in verdict.message
    verdict = check_answer(corpus, 4, "half")
    assert "a number between 0 and 1" in verdict.message


def test_hint_never_gives_the_answer(corpus: pd.DataFrame) -> None:
    message = check_answer(corpus, 3, "a").message
    assert "Hint" in message and "'b'" not in message and " b " not in message


def test_exercises_table() -> None:
    table = exercises()
    assert list(table.columns) == ["number", "question", "kind"]
    assert table["number"].tolist() == [1, 2, 3, 4]
    assert table["kind"].tolist() == ["count", "count", "doc_id", "share"]


def test_article_viewer_follows_the_dropdown(corpus: pd.DataFrame) -> None:
    viewer = article_viewer(corpus)
    assert [value for _, value in viewer.doc_id.options] == ["a", "b", "c"]
    assert viewer.doc_id.options[0][0] == "Kazinform — Astana talks (a)"  # outlet and title, not a bare doc_id
    assert "Astana talks" in viewer.view.value and "Kazinform" in viewer.view.value
    viewer.doc_id.value = "c"
    assert "Gas deal" in viewer.view.value
    assert "&lt;b&gt;one&lt;/b&gt;" in viewer.view.value  # article text is escaped, not rendered
    assert "<b>outlet</b> unknown" in viewer.view.value
    assert "kept lines</b> 1 of 4" in viewer.view.value


def test_article_html_shortens_and_rejects_unknown_ids(corpus: pd.DataFrame) -> None:
    assert "a much …" in article_html(corpus, "b", max_chars=7)
    with pytest.raises(KeyError, match="no article with doc_id 'zz'"):
        article_html(corpus, "zz")


def test_exercise_box_checks_on_click(corpus: pd.DataFrame) -> None:
    box = exercise_box(corpus, 1)
    assert box.feedback.value == ""
    box.answer.value = "2"
    box.check.click()
    assert "not quite" in box.feedback.value
    box.answer.value = "3"
    box.check.click()
    assert "correct!" in box.feedback.value and "green" in box.feedback.value
    assert "<code>published</code>" in exercise_box(corpus, 2).children[0].value
