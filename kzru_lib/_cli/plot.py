"""``--plot FILE.png|.svg``: the chart that goes with a subcommand's table, written beside it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import KzruError
from ..export import FIGURE_SUFFIXES


def add_plot_option(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``--plot FILE`` (PNG or SVG by the suffix) to a subcommand."""
    parser.add_argument("--plot", metavar="FILE", help=f"also draw {what} into FILE (.png or .svg)")


def check_plot(args: argparse.Namespace) -> None:
    """Reject a bad ``--plot`` path before any work is done."""
    plot = getattr(args, "plot", None)
    if not plot:
        return
    path = Path(plot)
    if path.suffix.lower() not in FIGURE_SUFFIXES:
        raise KzruError(f"{plot}: --plot writes {' or '.join(FIGURE_SUFFIXES)}, not {path.suffix or '(none)'}")
    if path.parent and not path.parent.exists():
        raise KzruError(f"{plot}: folder {path.parent} does not exist")


def write_plot(args: argparse.Namespace, make_figure: Callable[[], object]) -> None:
    """Draw and save the figure when ``--plot`` was given."""
    plot = getattr(args, "plot", None)
    if not plot:
        return
    from ..export import save_figure

    check_plot(args)
    save_figure(make_figure(), plot)
    print(f"kzru: plot -> {plot}", file=sys.stderr)


def busiest_metric(figures) -> str | None:
    """The metric reported by the most articles (:func:`kzru_lib.notebook.most_reported`)."""
    from ..notebook import most_reported

    return most_reported(figures, "metric")
