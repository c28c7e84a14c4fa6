"""The library's sources and tables hold no control characters: a ``"\\b"`` written outside a raw string is a
backspace, and a pattern holding one matches nothing it was meant to (session 60 found one in ``_PLACE_DASH``)."""

import re

import pytest
from _paths import ROOT

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FILES = sorted(p for p in (ROOT / "kzru_lib").rglob("*") if p.suffix in (".py", ".csv", ".txt"))


def test_there_are_sources_to_check():
    assert any(p.name == "figures.py" for p in FILES) and any(p.suffix == ".csv" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_control_characters(path):
    text = path.read_text(encoding="utf-8")
    bad = [(text.count("\n", 0, m.start()) + 1, hex(ord(m.group()))) for m in CONTROL.finditer(text)]
    assert bad == [], f"{path.relative_to(ROOT)}: control characters at (line, code) {bad}"
