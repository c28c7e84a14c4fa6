"""A seminar on a corpus that is not the seeds: every notebook in JupyterLab and the Voila app.

The corpus (``tests/corpora/seminar``, plus an empty file that must be warned about) has several
outlets in English and Russian and none of the seeds' sidecar columns.  Each notebook must run
without errors, look right (see ``look_checks``), respond to its widgets, and show **no sentence
written about the bundled example**: the commentary of ``example_note(...)`` cells, the
seeds' doc_ids and the marker "About the bundled example".  Screenshots:
``test-artifacts/jupyterlab-seminar-*.png`` and ``voila-seminar-*.png``.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import nbformat
import pytest
from look_checks import after_run_checks, labelled_doc_ids, look_problems
from notebook_checks import INTERACTIONS, NOTEBOOKS, SEEDS, VIEWPORT, browser_notebooks, drive, voila_notebook
from test_jupyterlab import JS_CLOSE_ALL, NB_SCOPE, check_notebook, open_lab
from test_voila import APP_TIMEOUT_MS, JS_FINISHED

pytestmark = pytest.mark.browser

MARKER = "About the bundled example"


def seed_sentences() -> list[str]:
    """Text that is true only of the bundled example: what no other corpus may show."""
    needles = {MARKER} | {p.stem.split("_", 1)[1] for p in SEEDS.glob("*.txt")}
    for path in NOTEBOOKS.glob("0*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or "example_note(" not in cell.source:
                continue
            for node in ast.walk(ast.parse(cell.source)):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "example_note"
                        and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):
                    for line in node.args[1].value.splitlines():
                        words = re.sub(r"[*_`\\$\"]", "", line).strip(" -•").split()
                        if len(words) >= 6:
                            needles.add(" ".join(words[:6]))
    return sorted(needles)


def test_seed_sentences_are_found() -> None:
    """The needle list is not empty: it holds the example commentary of every notebook that has one."""
    needles = seed_sentences()
    assert MARKER in needles and len(needles) > 10


def _seminar_interactions(stem: str, corpus_size: int):
    """The seeds' interactions, with answers that depend on the corpus recomputed."""
    out = []
    for interaction in INTERACTIONS.get(stem, []):
        if interaction.expect == "Exercise 1: correct!":
            interaction = dataclasses.replace(interaction, value=str(corpus_size))
        out.append(interaction)
    return out or None


def _shown_text(page, scope: str) -> str:
    return page.evaluate(
        "(s) => Array.from(document.querySelectorAll(`${s} .jp-RenderedMarkdown, ${s} .jp-OutputArea-output, "
        "${s} .jp-RenderedHTMLCommon`)).map(e => e.innerText).join('\\n')", scope)


def _no_seed_sentences(text: str, where: str) -> None:
    found = [n for n in seed_sentences() if n.lower() in " ".join(text.split()).lower()]
    assert not found, f"{where} shows text about the bundled example on another corpus: {found}"


@pytest.fixture(scope="module")
def seminar_page(browser, lab_seminar):
    yield from open_lab(browser, lab_seminar)


@pytest.fixture
def seminar_nb_page(seminar_page):
    yield seminar_page
    seminar_page.evaluate(JS_CLOSE_ALL)


PATHS = browser_notebooks()


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_on_the_seminar_corpus(seminar_nb_page, seminar_corpus: Path, artifacts: Path, path: Path) -> None:
    size = len([p for p in seminar_corpus.glob("*.txt") if p.stat().st_size])
    check_notebook(seminar_nb_page, path, artifacts / f"jupyterlab-seminar-{path.stem}.png", corpus=seminar_corpus,
                   interactions=_seminar_interactions(path.stem, size),
                   after_run=after_run_checks(path.stem, seminar_corpus))
    text = _shown_text(seminar_nb_page, NB_SCOPE)
    _no_seed_sentences(text, path.name)
    if path.stem.startswith("01"):
        assert "warning: " in text and "zz_empty.txt" in text, "the unreadable file was not warned about in one line"
    if path.stem.startswith("02"):
        assert "only one language" not in text, "the seminar corpus has English and Russian articles"


def test_voila_app_on_the_seminar_corpus(browser, voila_seminar, seminar_corpus: Path, artifacts: Path) -> None:
    source = voila_notebook()
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    scope = "#rendered_cells"
    try:
        page.goto(voila_seminar.page_url(""), timeout=APP_TIMEOUT_MS)
        page.wait_for_function(JS_FINISHED, timeout=APP_TIMEOUT_MS)
        page.wait_for_selector(f"{scope} .jupyter-widgets", timeout=30_000)
        problems = look_problems(page, scope, labelled_ids=labelled_doc_ids(seminar_corpus))
        assert not problems, "the app does not look right:\n" + "\n".join(problems)
        _no_seed_sentences(page.locator(scope).inner_text(), f"the app ({source.name})")
        checks = after_run_checks(source.stem, seminar_corpus, scope)
        if checks:
            checks(page)
        for interaction in INTERACTIONS.get(source.stem, []):
            before, after = drive(page, interaction, f"{scope} .jp-OutputArea-output")
            assert before != after
    finally:
        page.screenshot(path=str(artifacts / f"voila-seminar-{source.stem}.png"), full_page=True)
        context.close()
