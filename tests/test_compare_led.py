"""figures._led: the first-character lookahead that speeds up the cue searches keeps every match."""

from __future__ import annotations

import re

from kzru_lib.figures import _led

TEXTS = [
    "Trade will reach $12 billion, officials expect, compared with the same period of 2021.",
    "Товарооборот может достичь 30 млрд долларов США по сравнению с аналогичным периодом.",
    "In the last two years U.S. dollars flowed in; THE FIGURE grew 5% while exports fell.",
    "", "   ", "2023", "up from 2021", "it", "Its", "aged 40",
]
PATTERNS = [
    (r"\b(?:will|would|expects?|forecasts?)\b|(?<!\w)(?:мо(?:жет|гут)|будет)", re.I),
    (r"(?:same\s+period|(?:up|down)\s+from|than|против)\s+(?:(?:of|in)\s+)?(?:the\s+)?$", re.I),
    (r"(?P<n>\d{1,2})\s+(?:months?|месяц\w*)\s+(?:of\s+)?$", re.I),
    (r"(?:(?<!\w)(?:US|U\.\s?S\.)\s?(?:\$|dollars?\b))|\bдоллар\w*\s+США", re.I),
    (r"\b(?:the|its|it)\b", re.I),
    (r"(?:[ab]|\d)?x?y", 0),
]


def test_same_matches_on_every_window():
    for source, flags in PATTERNS:
        plain = re.compile(source, flags)
        fast = _led(plain)
        assert fast is not plain, source  # each of these gets a lookahead
        for text in TEXTS:
            for a in range(len(text) + 1):
                for b in (a, len(text)):
                    m1, m2 = plain.search(text, a, b), fast.search(text, a, b)
                    assert (m1 and (m1.span(), m1.groupdict())) == (m2 and (m2.span(), m2.groupdict())), (source, text)
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_case_folding_kept():
    fast = _led(re.compile(r"\bdollars?\b", re.I))
    assert fast.search("DOLLARS") and fast.search("Dollar") and not fast.search("dolar")


def test_left_alone_when_first_characters_are_unknown():
    for source in (r"^abc", r"\Aabc", r"a?", r"\w+", r"[^a]b", r"(?i:a)b", r".x", r"(?:x|\w)y"):
        p = re.compile(source)
        assert _led(p) is p, source
