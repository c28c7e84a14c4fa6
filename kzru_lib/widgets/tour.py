"""Widgets for the seminar tour (``notebooks/00_start_here.ipynb``): read an article, check an answer.

Each builder returns an ``ipywidgets`` box whose controls are attributes, so a test (or a
lecturer) can drive it from code::

    viewer = article_viewer(corpus)
    viewer.doc_id.value = corpus.doc_id[1]       # shows that article
    box = exercise_box(corpus, 1)
    box.answer.value = "5"; box.check.click()    # box.feedback says whether it is right
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pandas as pd

from ..exercises import EXERCISES, check_answer

__all__ = ["article_html", "article_viewer", "exercise_box"]


def article_html(corpus: pd.DataFrame, doc_id: str, *, max_chars: int = 1500) -> str:
    """One article as HTML: title, outlet, date, and the start of its clean text.

    Args:
        corpus: the corpus table.
        doc_id: the article to show.
        max_chars: how much of the clean text to show.

    Returns:
        An HTML fragment (escaped text), for an ``HTML`` widget or ``IPython.display.HTML``.
    """
    row = corpus.loc[corpus["doc_id"] == doc_id]
    if row.empty:
        raise KeyError(f"no article with doc_id {doc_id!r} in this corpus")
    row = row.iloc[0]

    def field(name: str) -> str:
        value = row.get(name)
        return "unknown" if value is None or pd.isna(value) or value == "" else html.escape(str(value))

    text = str(row.get("text") or "")
    shown = text if len(text) <= max_chars else text[:max_chars].rstrip() + " …"
    return (
        f"<h4>{field('title')}</h4>"
        f"<p><b>doc_id</b> {html.escape(doc_id)} · <b>outlet</b> {field('outlet')} · "
        f"<b>published</b> {field('published')} · <b>kept lines</b> {field('n_kept_lines')} of {field('n_lines')}</p>"
        f"<div style='white-space: pre-wrap; max-width: 60em'>{html.escape(shown)}</div>"
    )


def article_viewer(corpus: pd.DataFrame) -> widgets.VBox:
    """A dropdown of articles and the chosen article's clean text.

    Returns:
        A ``VBox`` with attributes ``doc_id`` (the ``Dropdown``) and ``view`` (the ``HTML``).
    """
    doc_ids = list(corpus["doc_id"])
    from ..notebook import source_labels

    choose = widgets.Dropdown(options=source_labels(corpus, doc_ids), value=doc_ids[0] if doc_ids else None,
                              description="Article", layout=widgets.Layout(width="95%"))
    view = widgets.HTML(article_html(corpus, doc_ids[0]) if doc_ids else "<p>The corpus is empty.</p>")

    def update(change: dict) -> None:
        if change["new"] is not None:
            view.value = article_html(corpus, change["new"])

    choose.observe(update, names="value")
    box = widgets.VBox([choose, view])
    box.doc_id, box.view = choose, view
    return box


def exercise_box(corpus: pd.DataFrame, number: int) -> widgets.VBox:
    """A question, a text box for the answer, a Check button and the verdict.

    Returns:
        A ``VBox`` with attributes ``answer`` (``Text``), ``check`` (``Button``) and
        ``feedback`` (``HTML``, filled when the button is clicked).
    """
    question = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(EXERCISES[number][0]))
    answer = widgets.Text(placeholder="your answer", description=f"Answer {number}")
    check = widgets.Button(description="Check", button_style="primary")
    feedback = widgets.HTML("")

    def on_check(_button: widgets.Button) -> None:
        verdict = check_answer(corpus, number, answer.value)
        colour = "green" if verdict.correct else "#a33"
        feedback.value = f"<span style='color: {colour}'>{html.escape(verdict.message)}</span>"

    check.on_click(on_check)
    box = widgets.VBox([widgets.HTML(f"<b>Exercise {number}.</b> {question}"),
                        widgets.HBox([answer, check]), feedback])  # fmt: skip
    box.answer, box.check, box.feedback = answer, check, feedback
    return box
