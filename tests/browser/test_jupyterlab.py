"""Every notebook opens in a real JupyterLab, runs top to bottom, and its widgets work.

For each ``notebooks/00_*.ipynb`` and ``notebooks/0[1-9]*.ipynb`` (copied with outputs cleared):
open it, wait for the kernel, run all cells, and check that no cell shows an error, that at
least the figures and widgets of the committed notebook render, and that changing a widget
changes what is shown.  A screenshot per notebook is saved in ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from look_checks import after_run_checks, labelled_doc_ids, look_problems, maths
from notebook_checks import (
    FIGURE_AS_TEXT,
    GENERIC,
    INTERACTIONS,
    NOTEBOOKS,
    SEEDS,
    VIEWPORT,
    WIDGET_FAILURE_TEXTS,
    Interaction,
    browser_notebooks,
    drive,
    expected_from_committed,
)

pytestmark = pytest.mark.browser

RUN_TIMEOUT_MS = 180_000
CHANGE_TIMEOUT_MS = 30_000

JS_KERNEL_IDLE = """
() => {
  const w = window.kzruNotebook;
  const kernel = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!(kernel && kernel.status === 'idle' && w.content && w.content.widgets.length > 0);
}
"""

JS_RUN_ALL = """
async () => {
  const app = window.jupyterapp;
  app.shell.activateById(window.kzruNotebook.id);
  return await app.commands.execute('notebook:run-all-cells');
}
"""

JS_BUSY = """
() => {
  const w = window.kzruNotebook;
  const status = w.sessionContext.session.kernel.status;
  const pending = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
    .some(p => p.innerText.includes('*'));
  return status !== 'idle' || pending;
}
"""

#: Per code cell: index, whether it has source, its execution count, its error outputs.
JS_CELL_REPORT = """
() => {
  const w = window.kzruNotebook;
  const report = [];
  w.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'code') return;
    const errors = [];
    for (let j = 0; j < cell.model.outputs.length; j++) {
      const out = cell.model.outputs.get(j).toJSON();
      if (out.output_type === 'error') errors.push(out.ename + ': ' + out.evalue);
    }
    report.push({index: i, source: cell.model.sharedModel.getSource().trim().length > 0,
                 count: cell.model.executionCount, errors: errors});
  });
  return report;
}
"""

#: Top-level outputs: figures outside widgets, and outputs holding a rendered widget.
JS_OUTPUT_COUNTS = """
() => {
  const tops = Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output'));
  return {
    figures: tops.filter(o => o.getAttribute('data-mime-type') === 'image/png' && o.querySelector('img')).length,
    widgets: tops.filter(o => o.querySelector('.jupyter-widgets')).length,
    progress: document.querySelectorAll('.jp-Notebook .widget-hprogress, .jp-Notebook progress').length,
  };
}
"""


JS_OPEN = """
async (name) => {
  const app = window.jupyterapp;
  const w = await app.commands.execute('docmanager:open', {path: name});
  app.shell.activateById(w.id);
  window.kzruNotebook = w;  // shell.currentWidget follows focus, which a headless page may not have
  await w.context.ready;
  return w.id;
}
"""

#: Shut every open document's kernel down and close it without the "save changes?" dialog.
JS_CLOSE_ALL = """
async () => {
  const app = window.jupyterapp;
  for (const w of Array.from(app.shell.widgets('main'))) {
    if (w.sessionContext) await w.sessionContext.shutdown();
    if (w.context) w.context.model.dirty = false;
    w.dispose();
  }
  window.kzruNotebook = undefined;
}
"""


NB_SCOPE = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"


@pytest.fixture(scope="module")
def lab_page(browser, lab):
    """One JupyterLab page for the module: loading Lab once saves ~8 s per notebook."""
    yield from open_lab(browser, lab)


def open_lab(browser, lab):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(lab.page_url("lab/workspaces/kzru-tests?reset"))
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=90_000)
    page.evaluate("async () => { await window.jupyterapp.restored; window.jupyterapp.shell.collapseLeft(); }")
    yield page
    context.close()


@pytest.fixture
def nb_page(lab_page):
    """The Lab page, with every notebook closed (and its kernel stopped) after the test."""
    yield lab_page
    lab_page.evaluate(JS_CLOSE_ALL)


def open_notebook(page, name: str) -> None:
    page.evaluate(JS_CLOSE_ALL)
    page.evaluate(JS_OPEN, name)
    page.wait_for_function(JS_KERNEL_IDLE, timeout=90_000)
    dialogs = page.locator(".jp-Dialog")
    assert dialogs.count() == 0, f"JupyterLab shows a dialog: {dialogs.first.inner_text()}"


def run_all(page) -> bool:
    ok = page.evaluate(JS_RUN_ALL)
    page.wait_for_function(f"() => !({JS_BUSY})()", timeout=RUN_TIMEOUT_MS)
    return bool(ok)


def cell_problems(page) -> list[str]:
    """Errors shown by cells, cells that did not run, and widgets that failed to render."""
    problems = []
    for cell in page.evaluate(JS_CELL_REPORT):
        for err in cell["errors"]:
            problems.append(f"cell {cell['index']}: {err}")
        if cell["source"] and cell["count"] is None:
            problems.append(f"cell {cell['index']}: did not run")
    text = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").inner_text()
    problems += [f"widget failure: {t!r}" for t in WIDGET_FAILURE_TEXTS if t in text]
    drawn_as_text = page.evaluate(
        "(pattern) => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output'))"
        ".map(o => o.innerText.trim()).filter(t => new RegExp(pattern).test(t))",
        FIGURE_AS_TEXT,
    )
    problems += [f"figure shown as text, not drawn: {t}" for t in drawn_as_text]
    return problems


def interactions_for(stem: str, page, scope: str) -> list[Interaction]:
    if stem in INTERACTIONS:
        return INTERACTIONS[stem]
    if page.locator(f"{scope} {GENERIC.control}").count():
        return [GENERIC]
    return []


NOTEBOOK_PATHS = browser_notebooks()


@pytest.mark.skipif(not NOTEBOOK_PATHS, reason="no notebooks in notebooks/")
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])
def test_notebook_runs_in_jupyterlab(nb_page, artifacts: Path, path: Path) -> None:
    check_notebook(nb_page, path, artifacts / f"jupyterlab-{path.stem}.png", corpus=SEEDS,
                   interactions=INTERACTIONS.get(path.stem), after_run=after_run_checks(path.stem, SEEDS))


def check_notebook(page, path: Path, screenshot: Path, *, corpus: Path, interactions: list[Interaction] | None,
                   after_run=None) -> None:
    """Run ``path`` in the Lab page; check errors, figures, widgets, looks, widget changes; screenshot."""
    expected = expected_from_committed(NOTEBOOKS / path.name)
    open_notebook(page, path.name)
    assert page.locator(".jp-CodeCell .jp-OutputArea-output").count() == 0, "the copy should start without outputs"

    try:
        run_all(page)
        problems = cell_problems(page)
        assert not problems, f"{path.name} in JupyterLab:\n" + "\n".join(problems)

        if expected.widgets:
            page.wait_for_selector(".jp-OutputArea-output .jupyter-widgets", timeout=30_000)
        counts = page.evaluate(JS_OUTPUT_COUNTS)
        assert counts["figures"] >= expected.figures, (
            f"{path.name}: {counts['figures']} figure(s) rendered, the committed notebook has {expected.figures}"
        )
        assert counts["widgets"] >= expected.widgets, (
            f"{path.name}: {counts['widgets']} widget output(s) rendered, the committed notebook has {expected.widgets}"
        )

        if "progress=True" in Path(NOTEBOOKS / path.name).read_text():
            assert counts["progress"] > 0, f"{path.name} asks for a progress bar but none rendered"

        problems = look_problems(page, NB_SCOPE, labelled_ids=labelled_doc_ids(corpus))
        assert not problems, f"{path.name} does not look right in JupyterLab:\n" + "\n".join(problems)
        if after_run is not None:
            after_run(page)
        widgets = page.locator(f"{NB_SCOPE} .jp-OutputArea-output:has(.kzru-export)")
        if widgets.count():  # the notebook's last explorer, from its controls down, to look at
            widgets.last.locator(".widget-hbox").first.evaluate("el => el.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)
            page.screenshot(path=str(screenshot.with_name(screenshot.stem + "-explorer.png")))

        if interactions is None:
            interactions = interactions_for(path.stem, page, ".jp-Notebook .jp-OutputArea-output")
        if path.stem[:2] != "00":
            assert interactions, (
                f"{path.name} has no dropdown to change: add its control to INTERACTIONS in "
                "tests/browser/notebook_checks.py"
            )
        for interaction in interactions:
            before, after = drive(page, interaction, ".jp-Notebook .jp-OutputArea-output", idle_js=JS_KERNEL_IDLE)
            assert before != after
        problems = cell_problems(page) + look_problems(page, NB_SCOPE, labelled_ids=labelled_doc_ids(corpus))
        assert not problems, f"{path.name} after changing a widget:\n" + "\n".join(problems)
    finally:
        page.screenshot(path=str(screenshot))


SCRATCH_CELLS = [
    "import os\nfrom pathlib import Path\n\nCORPUS = Path(os.environ.get('KZRU_CORPUS', '../seeds'))\n"
    "print(len(list(CORPUS.glob('*.txt'))), 'articles')",
    "import matplotlib.pyplot as plt\n\nfig, ax = plt.subplots(figsize=(3, 2))\nax.plot([1, 2, 3])\nplt.show()",
    "import ipywidgets as w\n\nout = w.Output()\npick = w.Dropdown(options=['a', 'b', 'c'], description='letter')\n"
    "def show(change=None):\n    out.clear_output()\n    with out:\n        print('chosen:', pick.value)\n"
    "pick.observe(show, names='value')\nshow()\nw.VBox([pick, out])",
    "raise ValueError('planted error')",
]
PLANTED_MATHS = "Trade: $18.3 + 29.5 = $47.8 billion"


def test_harness_sees_errors_figures_and_widget_changes(nb_page, lab) -> None:
    """The checks themselves can fail: a planted error is reported, a planted widget is driven."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in SCRATCH_CELLS] + [nbformat.v4.new_markdown_cell(PLANTED_MATHS)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, lab.root / "zz_harness_check.ipynb")

    page = nb_page
    open_notebook(page, "zz_harness_check.ipynb")
    run_all(page)
    assert cell_problems(page) == ["cell 3: ValueError: planted error"]
    assert "5 articles" in page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").inner_text()  # KZRU_CORPUS reached the kernel
    counts = page.evaluate(JS_OUTPUT_COUNTS)
    assert (counts["figures"], counts["widgets"]) == (1, 1)
    before, after = drive(page, GENERIC, ".jp-Notebook .jp-OutputArea-output")
    assert "chosen: a" in before and "chosen: b" in after
    # the look checks can fail too: unescaped dollar signs are typeset as maths
    page.wait_for_function("() => document.querySelector('.jp-Notebook mjx-container, .jp-Notebook .MathJax')",
                           timeout=30_000)
    assert maths(page, NB_SCOPE), "a planted $...$ should render as maths"
    assert any("rendered as maths" in p for p in look_problems(page, NB_SCOPE))
