"""kzru_lib.plots.scale: a log axis when values differ by orders of magnitude."""

from __future__ import annotations

import pandas as pd

from kzru_lib.figures import find_figures
from kzru_lib.plots.figures import figure_intervals
from kzru_lib.plots.scale import needs_log_scale


def test_needs_log_scale() -> None:
    assert needs_log_scale([3, 60_000])
    assert not needs_log_scale([18.3, 29.5, 50])
    assert not needs_log_scale([0, 5, float("inf"), None])  # zero, infinity and gaps are ignored
    assert not needs_log_scale([])


def test_figure_chart_switches_to_log_for_very_different_values() -> None:
    far = pd.concat([find_figures("Over 60,000 students study in Russia.", doc_id="a"),
                     find_figures("Only 3 students study in Russia.", doc_id="b")])
    near = pd.concat([find_figures("Over 60,000 students study in Russia.", doc_id="a"),
                      find_figures("About 50,000 students study in Russia.", doc_id="b")])
    metric = far["metric"].iloc[0]
    assert figure_intervals(far, metric=metric).axes[0].get_xscale() == "log"
    assert figure_intervals(near, metric=metric).axes[0].get_xscale() == "linear"
