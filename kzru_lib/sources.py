"""Sources: articles that are not plain ``.txt`` files — saved HTML pages and tables of articles.

Two kinds of input are read here, as pure functions the loading stage calls:

* **HTML pages** (``.html``/``.htm`` files, or an HTML document saved as ``.txt``, detected by
  :func:`looks_like_html`): :func:`read_html` turns the page into plain-text lines with
  `inscriptis <https://github.com/weblyzard/inscriptis>`_ (block structure kept: one paragraph,
  heading, list item or table row per line; scripts and styles left out) and reads the page's own
  metadata (``<title>``, ``og:`` and ``article:`` tags, JSON-LD, ``<time>``, the canonical URL).
  Nothing else is removed: menus, share widgets and footers stay in the converted text, where the
  cleaner labels them and the line audit shows why (line numbers refer to the converted text).
* **Tables of articles** (CSV, JSON Lines, Parquet; :data:`TABLE_SUFFIXES`): :func:`iter_table`
  streams one row at a time (Parquet in batches), so a large export is never held twice in
  memory. Which column holds the text, the title, the date, the outlet and the URL is found by
  name (:func:`resolve_columns`, default names in ``data/table_columns.csv``; override with
  ``columns={"text": "body"}`` or ``--column text=body``).

Example:
    >>> page = read_html("<html><head><meta property='og:site_name' content='Daily'></head>"
    ...                  "<body><h1>Head</h1><p>One.</p></body></html>")
    >>> page.text, page.meta["outlet"]
    ('Head\\n\\nOne.', ('Daily', 'og:site_name'))
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["looks_like_html", "read_html", "HtmlPage", "TABLE_SUFFIXES", "HTML_SUFFIXES", "table_columns",
           "resolve_columns", "iter_table", "TableRow", "CorpusPath"]

HTML_SUFFIXES = (".html", ".htm")
#: Files read as tables of articles (one row per article).
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
#: Column roles a table can map (``doc_id`` and ``text`` have a meaning; the others are metadata).
ROLES = ("doc_id", "text", "title", "published", "outlet", "url")
COLUMNS_FILE = Path(__file__).parent / "data" / "table_columns.csv"

# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:html|head|body|p|div|article|section|meta|title|br|h[1-6]|ul|li|span|a)\b[^>]*>",
                        re.I)


def looks_like_html(text: str) -> bool:
    """Whether a decoded file is an HTML document rather than plain text.

    A document opening with ``<!DOCTYPE html>`` or ``<html>`` is HTML; so is a fragment that opens
    with a tag and whose first 5,000 characters are mostly markup (at least 5 HTML tags and more
    tag characters than a fifth of the text). A plain article that quotes a tag or two is not.

    Example:
        >>> looks_like_html("<!doctype html><p>Hi</p>"), looks_like_html("Use the <p> tag.")
        (True, False)
    """
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    if not head.lstrip().startswith("<"):
        return False
    tags = _BLOCK_TAG.findall(head)
    return len(tags) >= 5 and sum(map(len, tags)) > 0.2 * len(head)


@dataclass
class HtmlPage:
    """One converted page.

    Attributes:
        text: the page as plain text, one block (paragraph, heading, list item, table row) per
            line, blank lines between blocks, trailing spaces removed.
        meta: ``{field: (value, tag)}`` for ``title``, ``outlet``, ``published``, ``url`` as found in
            the page's tags (``tag`` names the source, e.g. ``og:title``,
            ``article:published_time``, ``canonical``); values are the strings found, unparsed.
    """

    text: str
    meta: dict = field(default_factory=dict)


#: Meta tags read for each field, most trusted first (``property`` or ``name`` attribute, lower case).
META_TAGS = {
    "title": ("og:title", "twitter:title", "dc.title", "title"),
    "outlet": ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"),
    "published": ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                  "publish-date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created", "date",
                  "sailthru.date", "parsely-pub-date"),
    "url": ("og:url",),
}


@lru_cache(maxsize=1)
def _converter_config():
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    return ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)


def read_html(html: str) -> HtmlPage:
    """Convert an HTML page to plain-text lines and read its metadata.

    Args:
        html: the decoded page.

    Returns:
        An :class:`HtmlPage`. The text keeps everything visible on the page (menus and footers
        included: the cleaner labels them); ``<script>``, ``<style>`` and ``<noscript>`` are left out.
    """
    import lxml.html
    from inscriptis import Inscriptis

    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml raises ParserError on a document with no elements
        return HtmlPage("", {})
    meta = _page_meta(tree)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    text = Inscriptis(tree, _converter_config()).get_text()
    lines = [ln.rstrip() for ln in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return HtmlPage("\n".join(lines), meta)


def _clean(value) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _page_meta(tree) -> dict:
    """``{field: (value, tag)}`` from the page's head and markup (see :data:`META_TAGS`)."""
    tags: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = _clean(el.get("content"))
        if key and content and key not in tags:
            tags[key] = content
    meta: dict[str, tuple[str, str]] = {}
    for name, keys in META_TAGS.items():
        for key in keys:
            if key in tags:
                meta[name] = (tags[key], key)
                break
    ld = _json_ld(tree)
    if "published" not in meta:
        if ld.get("datePublished"):
            meta["published"] = (ld["datePublished"], "json-ld:datePublished")
        else:
            # a <time> marked as the publication date; else the first <time> inside the <article>
            for el in (tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished']")
                       + tree.xpath("(//article//time[@datetime])[1]")):
                if _clean(el.get("datetime")):
                    meta["published"] = (_clean(el.get("datetime")), "time")
                    break
    if "title" not in meta:
        if ld.get("headline"):
            meta["title"] = (ld["headline"], "json-ld:headline")
        else:
            h1 = [_clean(h.text_content()) for h in tree.iter("h1")]
            h1 = [h for h in h1 if h]
            title = tree.find(".//title")
            if len(h1) == 1:
                meta["title"] = (h1[0], "h1")
            elif title is not None and _clean(title.text_content()):
                meta["title"] = (_clean(title.text_content()), "title")
    if "outlet" not in meta and ld.get("publisher"):
        meta["outlet"] = (ld["publisher"], "json-ld:publisher")
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and _clean(link.get("href")):
            meta["url"] = (_clean(link.get("href")), "canonical")
            break
    if "outlet" in meta and "title" in meta:  # "Story headline | Outlet" -> "Story headline"
        title, outlet = meta["title"][0], meta["outlet"][0]
        m = re.fullmatch(rf"(.+?)\s*[|–—:-]\s*{re.escape(outlet)}", title, re.I)
        if m:
            meta["title"] = (m.group(1), meta["title"][1])
    return meta


def _json_ld(tree) -> dict:
    """``datePublished``, ``headline`` and ``publisher`` of the page's first JSON-LD article object."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                if "@graph" in obj:
                    stack.extend(obj["@graph"] if isinstance(obj["@graph"], list) else [obj["@graph"]])
                if obj.get("datePublished") or obj.get("headline"):
                    publisher = obj.get("publisher")
                    if isinstance(publisher, dict):
                        publisher = publisher.get("name")
                    return {"datePublished": _clean(obj.get("datePublished")), "headline": _clean(obj.get("headline")),
                            "publisher": _clean(publisher) if isinstance(publisher, str) else None}
    return {}


# --------------------------------------------------------------------------------------------
# Tables of articles
# --------------------------------------------------------------------------------------------


def table_columns(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The default column names for each role (``data/table_columns.csv``: ``role, column``).

    Earlier rows win when a table has several candidates. Extend it by copying the file, or
    override per load with ``columns={"text": "body"}``.
    """
    table = pd.read_csv(path or COLUMNS_FILE, dtype=str, keep_default_na=False, comment="#")
    unknown = set(table["role"]) - set(ROLES)
    if unknown:
        raise ValueError(f"{path or COLUMNS_FILE}: unknown role(s) {sorted(unknown)}; roles are {', '.join(ROLES)}")
    return table


def resolve_columns(header: list[str], columns: dict[str, str] | None = None) -> dict[str, str]:
    """Which column of a table plays each role: ``{role: column name}``.

    Args:
        header: the table's column names.
        columns: ``{role: column}`` given by the user; they win over the defaults.

    Returns:
        The mapping for the roles found (``text`` may be missing: the caller reports it).

    Raises:
        KeyError: the text column given in ``columns`` is not in the header (the message lists
            them). Another role's column that is missing is left unmapped (the tables of one
            folder may differ).

    Example:
        >>> resolve_columns(["id", "headline", "body", "pub_date"])
        {'doc_id': 'id', 'text': 'body', 'title': 'headline', 'published': 'pub_date'}
    """
    columns = dict(columns or {})
    for role, name in list(columns.items()):
        if role not in ROLES:
            raise KeyError(f"unknown column role {role!r} (roles: {', '.join(ROLES)})")
        if name not in header:
            if role == "text":
                raise KeyError(f"no column {name!r} for {role} (columns: {', '.join(header)})")
            del columns[role]  # the tables of one folder may differ: this one has no such column
    by_lower = {}
    for name in header:
        by_lower.setdefault(name.strip().lower(), name)
    found = dict(columns)
    taken = set(columns.values())
    defaults = table_columns()
    for role in ROLES:
        if role in found:
            continue
        for name in defaults.loc[defaults["role"] == role, "column"]:
            actual = by_lower.get(name.lower())
            if actual is not None and actual not in taken:
                found[role] = actual
                taken.add(actual)
                break
    return {role: found[role] for role in ROLES if role in found}


@dataclass(eq=False)
class TableRow:
    """One article read from a table (hashed by identity: it is a work item).

    Attributes:
        path: the table file.
        row_no: the data row, 1-based (the header is row 0).
        line_no: the line where the row starts (CSV, JSON Lines), or the row number (Parquet).
        doc_id: from the id column, else ``<file stem>-<row_no, 6 digits>``.
        text: the article text (HTML is converted when loaded).
        fields: every other column: role columns under their role name (``title``, ``published``,
            ``outlet``, ``url``), the rest under their own name; ``None`` for empty cells.
    """

    path: str
    row_no: int
    line_no: int
    doc_id: str
    text: str
    fields: dict

    @property
    def where(self) -> str:
        return f"{self.path}#row{self.row_no}"


def _cell(value) -> str | None:
    """A cell as a string (``None`` for empty/missing); dates in ISO form, lists/dicts as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv_rows(path: str) -> Iterator[tuple[int, list | str]]:
    """``(line_no, header-or-row)`` or ``(line_no, problem)`` from a CSV file, streamed."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        line_no = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield line_no, f"malformed CSV: {exc}"
                line_no = reader.line_num + 1
                continue
            except UnicodeDecodeError as exc:
                yield line_no, f"not UTF-8 ({exc.reason}); the rest of the file was not read"
                return
            yield line_no, row
            line_no = reader.line_num + 1


def _jsonl_rows(path: str) -> Iterator[tuple[int, dict | str]]:
    with open(path, "rb") as fh:
        for line_no, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield line_no, f"not a JSON object: {exc}"
                continue
            if not isinstance(obj, dict):
                yield line_no, f"not a JSON object (a {type(obj).__name__})"
                continue
            yield line_no, obj


def _parquet_rows(path: str, batch_rows: int) -> Iterator[tuple[int, dict | str]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportError("reading Parquet needs pyarrow: pip install 'kzru[parquet]'") from None
    row_no = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        for rec in batch.to_pylist():
            row_no += 1
            yield row_no, rec


def table_header(path: str | os.PathLike) -> list[str]:
    """The column names of a table file (first row of a CSV, keys of the first JSON Lines object,
    the Parquet schema); ``[]`` when there are none."""
    path = os.fspath(path)
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return list(pq.read_schema(path).names)
    rows = _csv_rows(path) if suffix == ".csv" else _jsonl_rows(path)
    for _, row in rows:
        if isinstance(row, list):
            return [h.strip() for h in row]
        if isinstance(row, dict):
            return list(row)
    return []


def iter_table(path: str | os.PathLike, *, columns: dict[str, str] | None = None,
               batch_rows: int = 2000) -> Iterator[TableRow | tuple[int, str]]:
    """Stream the articles of one table file.

    Args:
        path: a ``.csv`` (header row, UTF-8), ``.jsonl``/``.ndjson`` (one JSON object a line) or
            ``.parquet`` file.
        columns: ``{role: column}`` overrides (see :func:`resolve_columns`).
        batch_rows: rows read at a time from Parquet.

    Yields:
        A :class:`TableRow` per article, or ``(line_no, problem)`` for a row that cannot be used
        (wrong number of fields, malformed JSON, no text, repeated id...).

    Raises:
        KeyError: the table has no text column (nor one given in ``columns``).
    """
    path = os.fspath(path)
    suffix = Path(path).suffix.lower()
    stem = Path(path).stem
    if suffix == ".csv":
        source = _csv_rows(path)
        header = None
        for line_no, row in source:
            if isinstance(row, str):
                yield line_no, row
                continue
            header = [h.strip() for h in row]
            break
        if header is None:
            raise KeyError("empty table (no header row)")
        rows = ((ln, dict(zip(header, r, strict=True)) if isinstance(r, list) and len(r) == len(header)
                 else (r if isinstance(r, str) else f"row has {len(r)} fields, the header has {len(header)}"))
                for ln, r in source if not (isinstance(r, list) and not any(c.strip() for c in r)))
    elif suffix in (".jsonl", ".ndjson"):
        rows, header = _jsonl_rows(path), None
    elif suffix == ".parquet":
        rows, header = _parquet_rows(path, batch_rows), table_header(path)
    else:
        raise KeyError(f"not a table file ({suffix}); tables are {', '.join(TABLE_SUFFIXES)}")
    roles = resolve_columns(header, columns) if header is not None else None
    if roles is not None and "text" not in roles:
        raise KeyError(f"no text column (columns: {', '.join(header)}; name one with columns={{'text': ...}} "
                       "or --column text=NAME)")
    row_no = 0
    for line_no, rec in rows:
        if isinstance(rec, str):
            row_no += 1
            yield line_no, rec
            continue
        if roles is None or header is None:  # JSON Lines: the first object fixes the columns
            header = list(rec)
            roles = resolve_columns(header, columns)
            if "text" not in roles:
                raise KeyError(f"no text field (fields: {', '.join(header)}; name one with columns={{'text': ...}} "
                               "or --column text=NAME)")
        row_no += 1
        role_of = {name: role for role, name in roles.items()}
        fields: dict = {}
        for name, value in rec.items():
            fields[role_of.get(name, name)] = _cell(value)
        text = fields.pop("text", None)
        if not text:
            yield line_no, f"row {row_no}: no text in column {roles['text']!r}; row not used"
            continue
        doc_id = fields.pop("doc_id", None) or f"{stem}-{row_no:06d}"
        yield TableRow(path, row_no, line_no, doc_id, text, fields)


class CorpusPath(os.PathLike):
    """A corpus path that carries how to read it (the command line's ``--column`` and
    ``--exclude-duplicates``), so every command that loads a corpus honours them.

    Loading functions given a ``CorpusPath`` use its ``columns`` and ``exclude_duplicates``
    unless their own keyword arguments say otherwise.
    """

    def __init__(self, path: str | os.PathLike, options: dict | None = None) -> None:
        self.path = os.fspath(path)
        self.options = options if options is not None else {}

    @property
    def columns(self) -> dict[str, str] | None:
        return self.options.get("columns") or None

    @property
    def exclude_duplicates(self) -> bool:
        return bool(self.options.get("exclude_duplicates"))

    def __fspath__(self) -> str:
        return self.path

    def __str__(self) -> str:
        return self.path

    def __repr__(self) -> str:
        return f"CorpusPath({self.path!r}, {self.options!r})"
