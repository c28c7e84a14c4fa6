"""When a chart needs a log scale: values of very different size on one axis.

A linear axis that must show 3 and 60,000 squeezes the small values against zero, where they
cannot be read. :func:`needs_log_scale` is the one rule every plot uses to decide.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

__all__ = ["LOG_RATIO", "needs_log_scale"]

#: Largest ratio between the biggest and the smallest positive value drawn on a linear axis.
LOG_RATIO = 100.0


def needs_log_scale(values: Iterable[float], *, ratio: float = LOG_RATIO) -> bool:
    """True when the finite positive ``values`` span more than ``ratio`` (max / min)."""
    arr = np.asarray([v for v in values if v is not None], dtype=float)
    arr = arr[np.isfinite(arr) & (arr > 0)]
    return len(arr) > 1 and float(arr.max() / arr.min()) > ratio
