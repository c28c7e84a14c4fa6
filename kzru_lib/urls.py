"""URLs: the outlet and the publication date an article's address gives.

Most news URLs name the site and many carry the date (``/2024/11/27/``, ``/20241127/``,
``2024-11-27``...). :func:`url_outlet` maps the host to an outlet through a readable table
(``data/hosts.csv``: ``host, outlet``; a user's own table adds to it); :func:`url_date` reads a
date in the path. The loading stage uses both when a ``url`` column (sidecar or table) or a
page's canonical URL gives the address, and records the basis (``url``); sidecar and table
values still win.

Example:
    >>> url_date("https://example.com/news/2024/11/27/story-slug"), url_host("https://www.tass.ru/x")
    ('2024-11-27', 'tass.ru')
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from .loading import MONTHS

__all__ = ["url_host", "url_outlet", "url_date", "load_hosts", "HOSTS_FILE"]

HOSTS_FILE = Path(__file__).parent / "data" / "hosts.csv"
_IGNORED_PREFIXES = ("www.", "m.", "amp.", "mobile.")

#: Date shapes in a URL path, tried in order: year-month-day as path segments or joined by ``-``,
#: ``_`` or ``.``; ``YYYYMMDD`` as its own token; day-month-year (joined, or as path segments:
#: "/politics/04/10/2022/", read month-first only when the day-first reading is no date:
#: "/01/16/2024/"); a year segment and a ``MMDD`` one; a ``YYYYMM`` segment and a day one
#: ("/a/202506/15/"); then year and month segments, the month as a number or an English name
#: ("/2019/august/", "/2019/aug/").
_URL_DATES = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/_.-](?P<m>[01]?\d)[/_.-](?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>[0-3]?\d)[_.-](?P<m>[01]?\d)[_.-](?P<y>(?:19|20)\d\d)(?!\d)"),
    _DAY_FIRST_SEGMENTS := re.compile(r"/(?P<d>[0-3]?\d)/(?P<m>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|$)"),  # "/n3/2022/0511/": year, then MMDD
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/(?P<d>[0-3]?\d)(?:/|$)"),  # "/a/202506/15/": YYYYMM, then DD
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d|[A-Za-z]{3,9})(?:/|$)"),
)


def url_host(url: str) -> str | None:
    """The host of a URL, lower case, without ``www.``/``m.``/``amp.``; ``None`` if there is none."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    for prefix in _IGNORED_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host


def load_hosts(extra: str | os.PathLike | pd.DataFrame | None = None) -> dict[str, str]:
    """The host→outlet table as a dict: the shipped ``data/hosts.csv`` plus ``extra`` rows (which win).

    Raises:
        ValueError: a table without ``host`` and ``outlet`` columns (the message names it).
    """
    table = dict(_shipped_hosts())
    if extra is not None:
        frame = extra if isinstance(extra, pd.DataFrame) else pd.read_csv(extra, dtype=str, keep_default_na=False,
                                                                         comment="#")
        if not {"host", "outlet"} <= set(frame.columns):
            raise ValueError(f"{extra if not isinstance(extra, pd.DataFrame) else 'hosts table'}: needs columns "
                             f"host, outlet (has: {', '.join(map(str, frame.columns))})")
        for host, outlet in zip(frame["host"], frame["outlet"], strict=True):
            if host and outlet:
                table[host.strip().lower()] = outlet.strip()
    return table


@lru_cache(maxsize=1)
def _shipped_hosts() -> tuple[tuple[str, str], ...]:
    frame = pd.read_csv(HOSTS_FILE, dtype=str, keep_default_na=False, comment="#")
    return tuple((h.strip().lower(), o.strip()) for h, o in zip(frame["host"], frame["outlet"], strict=True))


def url_outlet(url: str, hosts: dict[str, str] | None = None) -> tuple[str | None, bool]:
    """The outlet a URL names: ``(outlet, known)``.

    ``known`` is true when the host (or a parent domain of it) is in the host table; otherwise
    the outlet is the host name itself (``example.com``), or ``None`` for no URL.

    Example:
        >>> url_outlet("https://en.tengrinews.kz/politics/x.html")
        ('Tengrinews', True)
    """
    host = url_host(url)
    if host is None:
        return None, False
    table = hosts if hosts is not None else dict(_shipped_hosts())
    parts = host.split(".")
    for i in range(len(parts) - 1):
        outlet = table.get(".".join(parts[i:]))
        if outlet:
            return outlet, True
    return host, False


def url_date(url: str) -> str | None:
    """The publication date written in a URL's path (``YYYY-MM-DD``, or ``YYYY-MM``), or ``None``.

    Only the path is read (not the host or the query); the date must be a real calendar date
    between 1990 and next year.

    Example:
        >>> url_date("https://x.kz/ru/news/20241127/1234"), url_date("https://x.ru/2023/05/slug")
        ('2024-11-27', '2023-05')
    """
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        path = urlsplit(url if "//" in url else "//" + url).path
    except ValueError:
        return None
    last_year = _dt.date.today().year + 1
    for shape in _URL_DATES:
        for m in shape.finditer(path):
            y, month = int(m.group("y")), m.group("m")
            mo = int(month) if month.isdigit() else MONTHS.get(month.lower(), 0)  # "august", "aug"
            if not 1990 <= y <= last_year:
                continue
            if "d" not in m.groupdict():
                if 1 <= mo <= 12:
                    return f"{y:04d}-{mo:02d}"
                continue
            d = int(m.group("d"))
            for month_no, day in ((mo, d), (d, mo)) if shape is _DAY_FIRST_SEGMENTS else ((mo, d),):
                try:
                    return _dt.date(y, month_no, day).isoformat()
                except ValueError:
                    continue
    return None
