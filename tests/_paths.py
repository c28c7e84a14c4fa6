"""Paths the tests share (imported as ``from _paths import ...``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"  # a copy of ../shared/gold: hand-made answers for the seeds
