"""Shared pieces of the explorers: crisp figures and export buttons.

* :func:`show_figure` draws a Matplotlib figure into an ``ipywidgets.Image`` at twice the
  screen resolution (sharp on high-density screens and when zoomed), shown at its natural size.
* :func:`export_bar` is a row of buttons (CSV, Excel, PNG, SVG) that saves what an explorer
  shows into ``exports/`` beside the notebook and offers each file as a download link (which
  also works in a Voila app, where the reader cannot see the server's folders)::

      bar = export_bar(lambda: {"claims": w.claims}, lambda: w.figure, stem="figures")
      bar.buttons["xlsx"].click()      # writes exports/figures-claims.xlsx; bar.saved lists it
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path

import ipywidgets as W
import pandas as pd

from ..export import figure_bytes, table_bytes

__all__ = ["ExportBar", "export_bar", "show_figure", "SCREEN_DPI", "SCALE"]

SCREEN_DPI = 96
SCALE = 2
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "svg": "image/svg+xml",
}
LABELS = {"csv": "CSV", "xlsx": "Excel", "png": "PNG", "svg": "SVG"}


def show_figure(image: W.Image, figure) -> None:
    """Draw ``figure`` into ``image``: a PNG at ``SCALE`` × screen resolution, shown at screen size."""
    image.format = "png"
    image.value = figure_bytes(figure, "png", dpi=SCREEN_DPI * SCALE)
    # bbox_inches="tight" trims the margins: read the size of the PNG actually written
    width = int.from_bytes(image.value[16:20], "big") // SCALE
    image.width = str(width)
    image.layout.max_width = "100%"
    image.layout.height = "auto"


class ExportBar(W.VBox):
    """Buttons that save the explorer's tables (CSV, Excel) and figure (PNG, SVG).

    Attributes:
        buttons: dict ``{"csv": Button, "xlsx": ..., "png": ..., "svg": ...}``.
        links: ``HTML`` with a download link per file saved by the last click.
        saved: paths written by the last click.
        folder: where files are written (``exports/`` in the notebook's folder by default).
    """

    def __init__(self, tables: Callable[[], dict[str, pd.DataFrame]] | None,
                 figure: Callable[[], object] | None, *, stem: str, folder: str | Path):
        self._tables, self._figure, self._stem = tables, figure, stem
        self.folder = Path(folder)
        self.saved: list[Path] = []
        kinds = (["csv", "xlsx"] if tables is not None else []) + (["png", "svg"] if figure is not None else [])
        self.buttons = {k: W.Button(description=LABELS[k], tooltip=f"save as {LABELS[k]}", icon="download",
                                    layout=W.Layout(width="auto")) for k in kinds}
        for kind, button in self.buttons.items():
            button.on_click(lambda _b, kind=kind: self.export(kind))
        self.links = W.HTML()
        label = W.HTML("<b>save</b>")
        super().__init__([W.HBox([label, *self.buttons.values()]), self.links])
        self.add_class("kzru-export")

    def _files(self, kind: str) -> list[tuple[str, bytes]]:
        if kind in ("csv", "xlsx"):
            tables = self._tables() or {}
            return [(f"{self._stem}-{name}.{kind}", table_bytes(t, kind)) for name, t in tables.items()
                    if isinstance(t, pd.DataFrame)]
        fig = self._figure()
        return [] if fig is None else [(f"{self._stem}.{kind}", figure_bytes(fig, kind))]

    def export(self, kind: str) -> list[Path]:
        """Save the current tables or figure as ``kind``; returns the paths written."""
        self.saved = []
        links = []
        try:
            files = self._files(kind)
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, data in files:
                path = self.folder / name
                path.write_bytes(data)
                self.saved.append(path)
                href = f"data:{MIME[kind]};base64,{base64.b64encode(data).decode('ascii')}"
                links.append(f"<a download='{html.escape(name)}' href='{href}'>{html.escape(name)}</a>")
        except Exception as exc:  # noqa: BLE001 - shown to the user in the bar, not raised into the widget
            self.links.value = f"<span style='color:#b00020'>could not save: {html.escape(str(exc))}</span>"
            return []
        self.links.value = (f"saved in <code>{html.escape(self.folder.name)}/</code>: " + " · ".join(links)
                            if links else "<i>nothing to save</i>")
        return self.saved


def export_bar(tables: Callable[[], dict[str, pd.DataFrame]] | None = None, figure: Callable[[], object] | None = None,
               *, stem: str = "kzru", folder: str | Path = "exports") -> ExportBar:
    """A row of export buttons for an explorer.

    Args:
        tables: called on click; returns ``{name: DataFrame}`` of the tables shown.
        figure: called on click; returns the Matplotlib figure shown (or None).
        stem: start of the file names (``figures`` → ``figures-claims.csv``, ``figures.png``).
        folder: where files are saved.

    Returns:
        An :class:`ExportBar`.
    """
    return ExportBar(tables, figure, stem=stem, folder=folder)
