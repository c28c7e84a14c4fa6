"""What the browser tests check in a rendered notebook, in JupyterLab or Voila.

Kept apart from the tests so that the JupyterLab and Voila tests share one definition of "a cell
shows an error", "a widget rendered", "changing a control changed what is shown".

``INTERACTIONS`` is the per-notebook table: which control to change and what must change.  A
notebook without an entry gets the generic check: choose another option in the first dropdown;
the output area of that dropdown's cell must change.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import nbformat

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SEEDS = REPO / "seeds"
#: A corpus that is not the seeds: several outlets, English and Russian, none of the seeds' columns.
SEMINAR = REPO / "tests" / "corpora" / "seminar"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
VIEWPORT = {"width": 1400, "height": 1000}


def browser_notebooks() -> list[Path]:
    """The notebooks the browser tests open: the tour and every numbered analysis notebook."""
    return sorted(NOTEBOOKS.glob("00_*.ipynb")) + sorted(NOTEBOOKS.glob("0[1-9]*.ipynb"))


def voila_notebook() -> Path | None:
    """The notebook served as an app: the Makefile's default if present, else the last analysis one."""
    for nb in (NOTEBOOKS / "04_figure_comparison.ipynb", NOTEBOOKS / "03_timeline.ipynb"):
        if nb.exists():
            return nb
    notebooks = browser_notebooks()
    return notebooks[-1] if notebooks else None


def clear_outputs(src: Path, dst: Path) -> None:
    """Write a copy of the notebook ``src`` to ``dst`` with every output and count removed."""
    nb = nbformat.read(src, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, dst)


@dataclass(frozen=True)
class Interaction:
    """One change a user makes to a widget, and where its effect must show.

    Args:
        control: CSS selector of the control (a ``<select>``, an ``<input>``); the first match
            inside the notebook's outputs is used (``nth`` picks another).
        value: option label (``select``) or text (``fill``) to set; ``None`` picks an option
            other than the current one.
        kind: ``select`` a dropdown option, ``fill`` a text box (then Enter), ``click`` a button.
        watch: ``cell`` for the output area of the control's cell, or a CSS selector of the
            region whose text or images must change.
        nth: which match of ``control`` to use (0-based).
        then_click: CSS selector of a button to click afterwards, searched in the watched region
            (e.g. the Check button next to an answer box).
        expect: text that must appear in the watched region after the change.
        must_change: ``any`` (text or pictures) or ``image`` (a chart must be redrawn).
    """

    control: str
    value: str | None = None
    kind: Literal["select", "fill", "click"] = "select"
    watch: str = "cell"
    nth: int = 0
    then_click: str | None = None
    expect: str | None = None
    must_change: Literal["any", "image"] = "any"


def labelled(kind: str, label: str) -> str:
    """Selector (Playwright CSS) of the control of an ipywidgets ``kind`` with this description."""
    inner = {"dropdown": "select", "select-multiple": "select", "text": "input"}[kind]
    return f'.widget-{kind} > label:text-is("{label}") + {inner}'


GENERIC = Interaction(control=".widget-dropdown select")

#: notebook stem -> the interactions to try, in order.  An empty list means: no widget to drive.
#: Controls are found by their description, so renaming one in kzru_lib.widgets means updating it here.
INTERACTIONS: dict[str, list[Interaction]] = {
    "01_corpus_and_cleaning": [
        Interaction(control=labelled("dropdown", "article")),  # another article, other lines
        Interaction(control=".widget-checkbox input", kind="click"),  # only dropped lines
    ],
    "02_term_frequency": [Interaction(control=labelled("dropdown", "group by"))],
    "03_timeline": [
        Interaction(control=labelled("dropdown", "actor"), must_change="image"),
        Interaction(control=".widget-toggle-buttons button:not(.mod-active)", kind="click", must_change="image"),
    ],
    "04_figure_comparison": [Interaction(control=labelled("dropdown", "metric"), must_change="image")],
    "00_start_here": [
        # the article viewer: another article, another text
        Interaction(control=".widget-dropdown select"),
        # exercise 1 on the five seed articles: type the answer, press Check, read the verdict
        Interaction(control=".widget-text input", value="5", kind="fill", then_click=".widget-button",
                    expect="Exercise 1: correct!"),
    ],
}


@dataclass(frozen=True)
class Expected:
    """What the committed (executed) notebook shows, so the browser must show at least as much."""

    figures: int  # image/png outputs outside widgets
    widgets: int  # widget views among the outputs
    code_cells: int


def expected_from_committed(path: Path) -> Expected:
    nb = nbformat.read(path, as_version=4)
    figures = widgets = code = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        code += 1
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_MIME in data:
                widgets += 1
            elif "image/png" in data:
                figures += 1
    return Expected(figures=figures, widgets=widgets, code_cells=code)


# --- JavaScript run in the page -------------------------------------------------------------

#: Text of what a region shows: visible text plus the sources of its images, so a redrawn
#: chart counts as a change even when no text changes.
JS_SIGNATURE = """
(el) => {
  if (!el) return null;
  const imgs = Array.from(el.querySelectorAll('img')).map(i => i.src.length + ':' + i.src.slice(-64));
  const canv = Array.from(el.querySelectorAll('canvas')).map(c => c.toDataURL().slice(-64));
  return el.innerText + '\\n--img--\\n' + imgs.join('\\n') + '\\n--canvas--\\n' + canv.join('\\n');
}
"""

#: The region a control's change should affect: its cell's output area (JupyterLab and Voila's
#: lab template both wrap outputs in .jp-OutputArea inside a .jp-Cell).
JS_WATCH_REGION = """
(el) => el.closest('.jp-Cell-outputArea') || el.closest('.jp-Cell') || el.closest('.jp-OutputArea') || document.body
"""

#: A Matplotlib figure that reached the page as its text repr instead of as a picture (the
#: kernel had no inline backend: add ``%matplotlib inline`` or import pyplot in the first cell).
FIGURE_AS_TEXT = r"^<Figure size \d+(\.\d+)?x\d+(\.\d+)? with \d+ Axes>$"

#: Texts that ipywidgets shows when a widget failed to render.
WIDGET_FAILURE_TEXTS = ("Error displaying widget", "Failed to load model class", "model not found")


def drive(page, interaction: Interaction, scope: str, *, idle_js: str | None = None,
          timeout_ms: int = 30_000) -> tuple[str, str]:  # fmt: skip
    """Make the change a user would make; return what the watched region showed before and after.

    ``scope`` is the CSS prefix of the outputs to search the control in.  After the first change
    the region must settle (the kernel idle, if ``idle_js`` tells, and two identical reads
    0.5 s apart): an explorer often clears its output before it draws the new one, and the test
    must judge the new one.
    """
    control = page.locator(f"{scope} {interaction.control}").nth(interaction.nth)
    control.scroll_into_view_if_needed()
    if interaction.watch == "cell":
        region = control.evaluate_handle(JS_WATCH_REGION)
    else:
        region = page.locator(interaction.watch).first.element_handle()
    before = region.evaluate(JS_SIGNATURE)
    if interaction.kind == "select":
        options = control.evaluate("s => Array.from(s.options).map(o => [o.label, o.selected])")
        assert len(options) >= 2, f"{interaction.control} offers {len(options)} option(s); nothing to change"
        label = interaction.value or next(lbl for lbl, selected in options if not selected)
        control.select_option(label=label)
    elif interaction.kind == "fill":
        control.fill(interaction.value or "")
    else:
        control.click()
    if interaction.then_click:
        region.evaluate_handle(f"(el) => el.querySelector({interaction.then_click!r})").as_element().click()
    # For a chart, wait for new pictures, not for the first change of any kind.
    part = "(s) => s.split('\\n--img--\\n').pop()" if interaction.must_change == "image" else "(s) => s"
    page.wait_for_function(
        f"([el, before]) => ({part})(({JS_SIGNATURE})(el)) !== ({part})(before)", arg=[region, before],
        timeout=timeout_ms,
    )  # fmt: skip
    if interaction.expect:
        page.wait_for_function(
            f"([el, text]) => ({JS_SIGNATURE})(el).includes(text)", arg=[region, interaction.expect],
            timeout=timeout_ms,
        )  # fmt: skip
    after, deadline = region.evaluate(JS_SIGNATURE), time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if idle_js:
            page.wait_for_function(idle_js, timeout=timeout_ms)
        page.wait_for_timeout(500)
        now = region.evaluate(JS_SIGNATURE)
        if now == after:
            break
        after = now
    if interaction.must_change == "image":
        pictures = [sig.split("\n--img--\n", 1)[-1] for sig in (before, after)]
        assert pictures[0] != pictures[1], f"{interaction.control}: the chart was not redrawn"
    return before, after
