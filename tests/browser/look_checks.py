"""What "looks right" means in a rendered notebook or app, checked in the page itself.

Each check guards a defect a user saw (issue 18):

* **maths where none is meant**: ``$18.3 + 29.5 = $47.8 billion`` typeset as italic LaTeX
  (MathJax ``mjx-container`` / ``.MathJax``, KaTeX ``.katex``);
* **clipped or overlapping controls**: the timeline's year readout cut to "2022 – 206" and
  drawn over the lanes toggle (a text whose box is narrower than its content; two controls of
  one row whose boxes intersect);
* **blurry figures**: a chart bitmap shown larger than it was drawn (fewer image pixels than
  1.5 × the pixels on screen);
* **pickers that list bare doc_ids** where the corpus knows an outlet or a title;
* **warnings that quote the toolkit's code** (``warnings.warn(...)``) instead of one clear line.

``look_problems(page, scope)`` returns one message per problem found under the CSS ``scope``.
"""

from __future__ import annotations

JS_MATHS = """
(scope) => Array.from(document.querySelectorAll(
    `${scope} mjx-container, ${scope} .MathJax, ${scope} .MathJax_Display, ${scope} .katex`))
  .map(el => (el.closest('.jp-RenderedMarkdown, .jp-RenderedHTMLCommon, .jp-OutputArea-output') || el)
    .innerText.slice(0, 120))
"""

JS_CLIPPED = """
(scope) => Array.from(document.querySelectorAll(
    `${scope} .widget-readout, ${scope} .widget-label, ${scope} .kzru-years, ${scope} .widget-toggle-button`))
  .filter(el => el.offsetParent !== null && el.innerText.trim() && el.scrollWidth > el.clientWidth + 1)
  .map(el => `${el.className.split(' ')[0]} "${el.innerText.trim()}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`)
"""

JS_OVERLAPS = """
(scope) => {
  const found = [];
  for (const row of document.querySelectorAll(`${scope} .widget-hbox`)) {
    const kids = Array.from(row.children).filter(k => k.offsetParent !== null);
    const boxes = kids.map(k => k.getBoundingClientRect());
    for (let i = 0; i < kids.length; i++) {
      // what a child draws can exceed its box (a readout that overflows): use the widest of both
      const a = boxes[i], aRight = Math.max(a.right, a.left + kids[i].scrollWidth);
      for (let j = i + 1; j < kids.length; j++) {
        const b = boxes[j];
        const w = Math.min(aRight, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) found.push(`"${kids[i].innerText.trim().slice(0, 40)}" overlaps "${kids[j].innerText.trim().slice(0, 40)}"`);
      }
    }
  }
  return found;
}
"""

JS_BLURRY = """
(scope) => Array.from(document.querySelectorAll(`${scope} .jp-OutputArea-output img`))
  .filter(img => img.complete && img.clientWidth > 80 && img.naturalWidth < 1.5 * img.clientWidth)
  .map(img => `an image of ${img.naturalWidth}px shown ${img.clientWidth}px wide`)
"""

JS_OPTION_LABELS = """
(scope) => Array.from(document.querySelectorAll(`${scope} .jupyter-widgets select option`)).map(o => o.label.trim())
"""

JS_OUTPUT_TEXT = """
(scope) => Array.from(document.querySelectorAll(`${scope} .jp-OutputArea-output`)).map(o => o.innerText).join('\\n')
"""

#: Text of a warning shown the default way: the line of the toolkit that raised it.
CODE_WARNING_MARKS = ("warnings.warn(", "LoadWarning: ", "UserWarning: ")


def maths(page, scope: str) -> list[str]:
    return page.evaluate(JS_MATHS, scope)


def look_problems(page, scope: str, *, labelled_ids: frozenset[str] = frozenset()) -> list[str]:
    """Every look-and-feel problem under ``scope``; empty when the page looks right.

    Args:
        page: the Playwright page.
        scope: CSS selector of the rendered notebook (``.jp-Notebook``, ``#rendered_cells``).
        labelled_ids: doc_ids that have an outlet or a title: a picker must not list them bare.
    """
    page.wait_for_timeout(500)  # MathJax typesets asynchronously
    problems = [f"rendered as maths: {t!r}" for t in maths(page, scope)]
    problems += [f"clipped text: {t}" for t in page.evaluate(JS_CLIPPED, scope)]
    problems += [f"controls overlap: {t}" for t in page.evaluate(JS_OVERLAPS, scope)]
    problems += [f"blurry figure: {t}" for t in page.evaluate(JS_BLURRY, scope)]
    bare = sorted({label for label in page.evaluate(JS_OPTION_LABELS, scope) if label in labelled_ids})
    problems += [f"a picker lists the bare doc_id {d!r} (show its outlet and title)" for d in bare]
    text = page.evaluate(JS_OUTPUT_TEXT, scope)
    problems += [f"a warning quotes code ({mark.strip()!r})" for mark in CODE_WARNING_MARKS if mark in text]
    return problems


def labelled_doc_ids(corpus_folder) -> frozenset[str]:
    """doc_ids of the articles of ``corpus_folder`` that have an outlet or a title."""
    from kzru_lib import load_corpus

    corpus = load_corpus(corpus_folder)
    known = corpus[["outlet", "title"]].fillna("").astype(str).apply(lambda r: any(v.strip() for v in r), axis=1)
    return frozenset(corpus.loc[known, "doc_id"])


# --- checks of one explorer each ---------------------------------------------------------------

def check_export(page, scope: str) -> None:
    """The first explorer's Excel button saves its tables and offers them as downloads."""
    bar = page.locator(f"{scope} .kzru-export").first
    bar.scroll_into_view_if_needed()
    bar.locator("button", has_text="Excel").click()
    link = bar.locator('a[download$=".xlsx"]').first
    link.wait_for(timeout=30_000)
    href = link.get_attribute("href") or ""
    assert href.startswith("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEsD"), (
        f"the Excel download is not an .xlsx file: {href[:80]}")


def check_first_metric(page, scope: str, corpus_folder) -> None:
    """The figure explorer opens on the metric reported by the most articles."""
    from kzru_lib import load_corpus
    from kzru_lib.figures import extract_figures
    from kzru_lib.notebook import most_reported

    expected = most_reported(extract_figures(load_corpus(corpus_folder)), "metric")
    select = page.locator(f'{scope} .widget-dropdown > label:text-is("metric") + select').first
    shown = select.evaluate("s => s.options[s.selectedIndex] ? s.options[s.selectedIndex].label : null")
    assert shown == expected, f"the figure explorer opens on {shown!r}, not on the most reported metric {expected!r}"


def check_years_label(page, scope: str) -> None:
    """The timeline explorer shows its year range whole ("2022 – 2026", not "2022 – 206")."""
    import re

    label = page.locator(f"{scope} .kzru-years").first
    text = label.inner_text().strip()
    assert re.fullmatch(r"\d{4} – \d{4}", text), f"the year range reads {text!r}"


def after_run_checks(stem: str, corpus_folder, scope: str = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"):
    """The explorer checks for one notebook, as one function of the page (or None)."""
    if stem.startswith("04"):
        return lambda page: (check_first_metric(page, scope, corpus_folder), check_export(page, scope))
    if stem.startswith("03"):
        return lambda page: check_years_label(page, scope)
    return None
