"""Shared fixtures: the seed corpus, loaded once per session, and a quiet environment."""

from __future__ import annotations

import os
import warnings

import pytest
from _paths import SEEDS

os.environ.setdefault("KZRU_QUIET", "1")


@pytest.fixture(scope="session")
def seed_corpus():
    from kzru_lib import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the seeds must load without a single warning
        return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_lines(seed_corpus):
    from kzru_lib import audit_lines

    return audit_lines(seed_corpus)
