"""One analysis notebook served as a code-free Voila app, the way ``make app`` serves it.

The app must execute the (output-free) notebook, show no code and no error, render the widgets
and figures of the committed notebook, and react when a widget is changed.  A screenshot is
saved in ``test-artifacts/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from look_checks import after_run_checks, labelled_doc_ids, look_problems
from notebook_checks import (
    FIGURE_AS_TEXT,
    GENERIC,
    INTERACTIONS,
    SEEDS,
    VIEWPORT,
    WIDGET_FAILURE_TEXTS,
    drive,
    expected_from_committed,
    voila_notebook,
)

pytestmark = pytest.mark.browser

APP_TIMEOUT_MS = 180_000

JS_FINISHED = """
() => !document.getElementById('loading') && !!document.getElementById('rendered_cells')
      && document.getElementById('rendered_cells').style.display !== 'none'
"""

JS_COUNTS = """
() => {
  const outs = Array.from(document.querySelectorAll('#rendered_cells .jp-OutputArea-output'));
  const top = outs.filter(o => !o.parentElement.closest('.jupyter-widgets'));
  return {
    figures: top.filter(o => o.getAttribute('data-mime-type') === 'image/png' && o.querySelector('img')).length,
    widgets: top.filter(o => o.querySelector('.jupyter-widgets')).length,
    errors: outs.filter(o => o.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr'
                         && /Traceback|^\\w*Error\\b/m.test(o.innerText)).map(o => o.innerText.slice(0, 500)),
    as_text: top.map(o => o.innerText.trim()).filter(t => new RegExp(arguments[0]).test(t)),
  };
}
"""


def _code_lines(path: Path) -> list[str]:
    """Distinctive first lines of the notebook's code cells: none may be visible in the app."""
    nb = nbformat.read(path, as_version=4)
    firsts = [c.source.strip().splitlines()[0] for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    return [line for line in firsts if len(line) >= 12]


def test_notebook_as_voila_app(browser, voila, artifacts: Path) -> None:
    source = voila_notebook()
    expected = expected_from_committed(source)
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(voila.page_url(""), timeout=APP_TIMEOUT_MS)
        page.wait_for_function(JS_FINISHED, timeout=APP_TIMEOUT_MS)
        if expected.widgets:
            page.wait_for_selector("#rendered_cells .jupyter-widgets", timeout=30_000)
        counts = page.evaluate(JS_COUNTS.replace("arguments[0]", repr(FIGURE_AS_TEXT)))
        assert not counts["errors"], f"{source.name} as an app shows errors:\n" + "\n".join(counts["errors"])
        assert not counts["as_text"], f"figures shown as text, not drawn: {counts['as_text']}"
        text = page.locator("#rendered_cells").inner_text()
        assert not [t for t in WIDGET_FAILURE_TEXTS if t in text]
        shown_code = [line for line in _code_lines(source) if line in text]
        assert not shown_code, f"the app shows code: {shown_code}"
        assert counts["figures"] >= expected.figures
        assert counts["widgets"] >= expected.widgets and counts["widgets"] > 0, "an app without widgets"
        problems = look_problems(page, "#rendered_cells", labelled_ids=labelled_doc_ids(SEEDS))
        assert not problems, f"{source.name} as an app does not look right:\n" + "\n".join(problems)
        checks = after_run_checks(source.stem, SEEDS, "#rendered_cells")
        if checks:
            checks(page)

        interactions = INTERACTIONS.get(source.stem) or [GENERIC]
        for interaction in interactions:
            before, after = drive(page, interaction, "#rendered_cells .jp-OutputArea-output")
            assert before != after
        again = page.evaluate(JS_COUNTS.replace("arguments[0]", repr(FIGURE_AS_TEXT)))
        assert not again["errors"], "errors after changing a widget:\n" + "\n".join(again["errors"])
    finally:
        page.screenshot(path=str(artifacts / f"voila-{source.stem}.png"), full_page=True)
        context.close()


def test_voila_requires_the_token(voila) -> None:
    """The app is not open to anyone who finds the port: without the token there is no notebook."""
    import urllib.request

    with urllib.request.urlopen(voila.url, timeout=30) as resp:
        body = resp.read().decode("utf-8", "replace")
    assert not re.search(r"rendered_cells|jp-OutputArea", body)
