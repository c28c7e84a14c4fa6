"""Explorer for the cleaning audit: pick an article, see raw and clean text side by side.

The builder returns a widget whose controls are attributes, so a notebook shows it and a test
drives it from code::

    w = cleaning_explorer(corpus, lines)
    w.article.value = "004_d85f85ece3cb7142"    # both panes update; w.shown holds the audit rows
    w.only_dropped.value = True                 # the raw pane lists only dropped lines
"""

from __future__ import annotations

import html

import ipywidgets as W
import pandas as pd

from ..notebook import source_labels
from .export import export_bar

__all__ = ["cleaning_explorer", "CleaningExplorer", "render_audit"]

_STYLE = {
    "title": "font-weight:bold",
    "heading": "font-weight:bold;color:#333",
    "body": "",
    "metadata": "color:#1f5fa8;text-decoration:line-through",
    "boilerplate": "color:#b00020;text-decoration:line-through",
    "blank": "color:#bbb",
}


def render_audit(rows: pd.DataFrame) -> str:
    """HTML of audit rows: line number, the line (struck through when dropped) and the reason."""
    out = ["<table style='font-family:monospace;font-size:12px;border-collapse:collapse'>"]
    for r in rows.itertuples(index=False):
        text = html.escape(r.text) if r.text.strip() else "&nbsp;"
        if r.label in ("title", "heading", "body") and r.kept_start:
            text = (f"<span style='{_STYLE['metadata']}'>{html.escape(r.text[:r.kept_start])}</span>"
                    f"{html.escape(r.text[r.kept_start:])}")
            note = "metadata prefix moved out"
        else:
            text = f"<span style='{_STYLE.get(r.label, '')}'>{text}</span>"
            note = f"{r.label}: {r.reason}" if r.reason else r.label
        out.append(f"<tr><td style='color:#888;padding-right:6px;vertical-align:top'>{r.line_no}</td>"
                   f"<td style='vertical-align:top;white-space:pre-wrap'>{text}</td>"
                   f"<td style='color:#666;padding-left:8px;vertical-align:top'>{html.escape(note)}</td></tr>")
    out.append("</table>")
    return "".join(out)


class CleaningExplorer(W.VBox):
    """Raw text with every line's label and reason, beside the clean text.

    Attributes:
        article: ``Dropdown`` of articles (``doc_id``, with title when known).
        only_dropped: ``Checkbox``: list only the lines that were dropped.
        raw: ``HTML`` pane: the raw lines, dropped ones struck through, with their reason.
        clean: ``HTML`` pane: the clean text as later stages see it.
        summary: ``HTML`` line: how many lines were kept and dropped, by reason.
        shown: DataFrame of the audit rows currently shown.
    """

    def __init__(self, corpus: pd.DataFrame, lines: pd.DataFrame):
        self._corpus = corpus.set_index("doc_id")
        self._lines = lines
        options = source_labels(corpus, width=90)
        self.article = W.Dropdown(options=options, description="article", layout=W.Layout(width="95%"))
        self.only_dropped = W.Checkbox(value=False, description="only dropped lines")
        self.summary = W.HTML()
        self.raw = W.HTML(layout=W.Layout(width="58%"))
        self.clean = W.HTML(layout=W.Layout(width="40%"))
        self.shown = lines.iloc[0:0]
        for control in (self.article, self.only_dropped):
            control.observe(self._update, names="value")
        self.export = export_bar(lambda: {"audit": self._lines}, None, stem="line-audit")
        super().__init__([self.article, self.only_dropped, self.summary,
                          W.HBox([self.raw, self.clean], layout=W.Layout(align_items="flex-start")), self.export])
        self._update()

    def _update(self, *_):
        doc = self.article.value
        rows = self._lines[self._lines["doc_id"] == doc]
        dropped = rows[rows["label"].isin(["boilerplate", "metadata"])]
        shown = dropped if self.only_dropped.value else rows
        self.shown = shown
        reasons = ", ".join(f"{k} {v}" for k, v in dropped["reason"].value_counts().sort_index().items())
        kept = int(rows["label"].isin(["title", "heading", "body"]).sum())
        self.summary.value = (f"<b>{doc}</b>: {len(rows)} lines, {kept} kept, {len(dropped)} dropped"
                              + (f" ({html.escape(reasons)})" if reasons else ""))
        self.raw.value = "<h4>raw, line by line</h4>" + render_audit(shown)
        text = self._corpus.loc[doc, "text"] or ""
        self.clean.value = ("<h4>clean text</h4><div style='white-space:pre-wrap;font-size:12px'>"
                            + html.escape(text) + "</div>")


def cleaning_explorer(corpus: pd.DataFrame, lines: pd.DataFrame | None = None) -> CleaningExplorer:
    """Build the raw-versus-clean explorer.

    Args:
        corpus: the corpus table.
        lines: its audit (computed when not given).

    Returns:
        A :class:`CleaningExplorer` (an ipywidgets ``VBox``).
    """
    if lines is None:
        from ..cleaning import audit_lines

        lines = audit_lines(corpus)
    return CleaningExplorer(corpus, lines)
