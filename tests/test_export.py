"""kzru_lib.export and kzru_lib.widgets.export: tables as CSV/Excel, figures as PNG/SVG, from code,
from an explorer's buttons and from the CLI (``--plot``)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from matplotlib.figure import Figure

from kzru_lib.cli import main
from kzru_lib.errors import KzruError
from kzru_lib.export import save_figure, save_table
from kzru_lib.widgets.export import export_bar, show_figure

TABLE = pd.DataFrame({"doc_id": ["a", "b"], "term": ["торговля", "trade"], "count": [3, 1]})


def _figure() -> Figure:
    fig = Figure(figsize=(3, 2))
    fig.add_subplot().plot([1, 2, 3])
    return fig


def test_save_table_csv_and_excel_round_trip(tmp_path: Path) -> None:
    csv = save_table(TABLE, tmp_path / "t.csv")
    assert pd.read_csv(csv, encoding="utf-8-sig").equals(TABLE)
    xlsx = save_table(TABLE.assign(when=pd.Timestamp("2024-01-01", tz="UTC"), lst=[["x"], []]), tmp_path / "t.xlsx")
    rows = list(openpyxl.load_workbook(xlsx).active.values)
    assert rows[0][:3] == ("doc_id", "term", "count") and rows[1][:3] == ("a", "торговля", 3)
    with pytest.raises(KzruError, match="t.txt"):
        save_table(TABLE, tmp_path / "t.txt")


def test_save_figure_png_and_svg(tmp_path: Path) -> None:
    assert save_figure(_figure(), tmp_path / "f.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in save_figure(_figure(), tmp_path / "f.svg").read_bytes()[:500]
    with pytest.raises(KzruError, match="f.jpg"):
        save_figure(_figure(), tmp_path / "f.jpg")


def test_export_bar_buttons_write_files_and_offer_downloads(tmp_path: Path) -> None:
    bar = export_bar(lambda: {"terms": TABLE}, _figure, stem="demo", folder=tmp_path / "exports")
    assert set(bar.buttons) == {"csv", "xlsx", "png", "svg"}
    bar.buttons["xlsx"].click()
    assert bar.saved == [tmp_path / "exports" / "demo-terms.xlsx"] and bar.saved[0].stat().st_size > 0
    assert "download='demo-terms.xlsx'" in bar.links.value and "base64," in bar.links.value
    bar.buttons["svg"].click()
    assert bar.saved[0].name == "demo.svg" and b"<svg" in bar.saved[0].read_bytes()[:500]
    assert set(export_bar(lambda: {}, None).buttons) == {"csv", "xlsx"}


def test_export_bar_reports_a_failure_instead_of_raising(tmp_path: Path) -> None:
    def broken():
        raise ValueError("no table yet")

    bar = export_bar(broken, None, folder=tmp_path)
    assert bar.export("csv") == [] and "no table yet" in bar.links.value


def test_show_figure_is_drawn_at_twice_the_shown_size() -> None:
    import ipywidgets as W

    image = W.Image()
    show_figure(image, _figure())
    png_width = int.from_bytes(image.value[16:20], "big")
    assert int(image.width) * 2 == pytest.approx(png_width, abs=1) and int(image.width) > 150


SEMINAR = str(Path(__file__).parent / "corpora" / "seminar")


@pytest.mark.parametrize("command", [
    ["lines", SEMINAR, "-o", "{d}/lines.xlsx", "--plot", "{d}/lines.png"],
    ["terms", SEMINAR, "-o", "{d}/terms.csv", "--by", "media", "--plot", "{d}/terms.svg"],
    ["figures", SEMINAR, "-o", "{d}/figures.csv", "--plot", "{d}/figures.png"],
    ["compare", SEMINAR, "-o", "{d}/compare.csv", "--plot", "{d}/compare.svg"],
    ["events", SEMINAR, "-o", "{d}/events.csv", "--plot", "{d}/events.png"],
], ids=lambda c: c[0])
def test_cli_plot_option(tmp_path: Path, command: list[str]) -> None:
    args = [a.format(d=tmp_path) for a in command]
    assert main(args) == 0
    plot = Path(args[args.index("--plot") + 1])
    data = plot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" if plot.suffix == ".png" else b"<svg" in data[:500]
    assert Path(args[args.index("-o") + 1]).stat().st_size > 0


def test_cli_rejects_a_bad_plot_path_before_working(tmp_path: Path, capsys) -> None:
    assert main(["lines", SEMINAR, "-o", str(tmp_path / "l.csv"), "--plot", str(tmp_path / "l.jpg")]) == 2
    assert "l.jpg" in capsys.readouterr().err and not (tmp_path / "l.csv").exists()

