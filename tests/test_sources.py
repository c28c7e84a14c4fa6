"""Sources: HTML pages to text lines and metadata; tables of articles (CSV, JSON Lines, Parquet); URLs."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kzru_lib.sources import iter_table, looks_like_html, read_html, resolve_columns
from kzru_lib.urls import load_hosts, url_date, url_host, url_outlet

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Grain corridor talks resume | Steppe Herald</title>
<meta property="og:title" content="Grain corridor talks resume">
<meta property="og:site_name" content="Steppe Herald">
<meta property="article:published_time" content="2024-03-05T09:30:00+05:00">
<link rel="canonical" href="https://www.steppeherald.example/news/grain-talks">
<script>window.dataLayer = [{"page": "article"}];</script>
<style>.menu { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Grain corridor talks resume</h1>
<p>Officials from both countries met in Kostanay on Tuesday to discuss grain transit.</p>
<p>The talks covered rail tariffs
and border crossings.</p>
<h2>What comes next</h2>
<p>A second round is planned for April.</p>
</article>
<footer><p>&copy; 2024 Steppe Herald. All rights reserved.</p></footer>
</body></html>
"""


# --- HTML ------------------------------------------------------------------------------------

def test_html_is_detected_by_its_opening_or_its_markup():
    assert looks_like_html(PAGE)
    assert looks_like_html("\n  <html><body><p>x</p></body></html>")
    assert looks_like_html("<div><p>One.</p><p>Two.</p><p>Three.</p><br><span>x</span></div>" * 3)
    assert not looks_like_html("Headline\n\nThe <p> tag starts a paragraph, and <br> breaks a line.")
    assert not looks_like_html("<Moscow> said nothing.\nSecond line.")


def test_html_page_becomes_block_lines_without_scripts_or_styles():
    page = read_html(PAGE)
    lines = page.text.split("\n")
    assert "Grain corridor talks resume" in lines
    assert "Officials from both countries met in Kostanay on Tuesday to discuss grain transit." in lines
    # a paragraph hard-wrapped in the source is one line; headings are their own line
    assert "The talks covered rail tariffs and border crossings." in lines
    assert "What comes next" in lines
    # menus and footers stay (the cleaner labels them); scripts and styles do not
    assert any("Home" in ln for ln in lines) and any("All rights reserved" in ln for ln in lines)
    assert "dataLayer" not in page.text and "color: red" not in page.text
    assert lines[0] and lines[-1] and all(ln == ln.rstrip() for ln in lines)


def test_html_metadata_with_the_tag_it_came_from():
    meta = read_html(PAGE).meta
    assert meta["title"] == ("Grain corridor talks resume", "og:title")
    assert meta["outlet"] == ("Steppe Herald", "og:site_name")
    assert meta["published"] == ("2024-03-05T09:30:00+05:00", "article:published_time")
    assert meta["url"] == ("https://www.steppeherald.example/news/grain-talks", "canonical")


def test_html_metadata_falls_back_to_json_ld_h1_and_title():
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"},
          {"@type": "NewsArticle", "headline": "LD headline", "datePublished": "2023-12-01",
           "publisher": {"@type": "Organization", "name": "LD Agency"}}]}
    page = read_html(f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head>"
                     "<body><h1>Visible</h1><p>Body text.</p></body></html>")
    assert page.meta["published"] == ("2023-12-01", "json-ld:datePublished")
    assert page.meta["title"] == ("LD headline", "json-ld:headline")
    assert page.meta["outlet"] == ("LD Agency", "json-ld:publisher")
    page = read_html("<html><head><title>Story | Site</title></head><body><h1>The story</h1><p>x</p></body></html>")
    assert page.meta["title"] == ("The story", "h1")
    page = read_html("<html><head><title>Only a title</title></head><body><p>x</p>"
                     "<time datetime='2022-02-02' pubdate>2 Feb</time></body></html>")
    assert page.meta["title"] == ("Only a title", "title")
    assert page.meta["published"] == ("2022-02-02", "time")
    page = read_html("<html><body><aside><time datetime='2020-01-01'>x</time></aside><article><h1>T</h1>"
                     "<time datetime='2021-06-07T10:00'>7 June</time><p>Body.</p></article></body></html>")
    assert page.meta["published"] == ("2021-06-07T10:00", "time")  # the article's own, not the sidebar's
    assert "published" not in read_html("<html><body><aside><time datetime='2020-01-01'>x</time></aside>"
                                        "<p>Body.</p></body></html>").meta


def test_title_loses_the_outlet_suffix():
    page = read_html("<html><head><title>Talks end — Daily Planet</title>"
                     "<meta property='og:site_name' content='Daily Planet'></head><body><p>x</p></body></html>")
    assert page.meta["title"] == ("Talks end", "title")


# --- tables ----------------------------------------------------------------------------------

def test_columns_are_found_by_their_common_names_and_can_be_overridden():
    assert resolve_columns(["ID", "Headline", "Body", "media_name", "URL"]) == {
        "doc_id": "ID", "text": "Body", "title": "Headline", "outlet": "media_name", "url": "URL"}
    assert resolve_columns(["body", "summary"], {"text": "summary"}) == {"text": "summary"}
    with pytest.raises(KeyError, match="no column 'nope'"):
        resolve_columns(["body"], {"text": "nope"})
    with pytest.raises(KeyError, match="unknown column role"):
        resolve_columns(["body"], {"txt": "body"})


def test_csv_rows_stream_with_row_numbers_and_problems(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('headline,body,lang\nFirst,"Line one\nline two",en\nbroken,row\nThird,,ru\n'
                    'Fourth,Text four,kk\n', encoding="utf-8")
    items = list(iter_table(path))
    rows = [i for i in items if not isinstance(i, tuple)]
    problems = [i for i in items if isinstance(i, tuple)]
    assert [r.doc_id for r in rows] == ["export-000001", "export-000004"]
    assert rows[0].text == "Line one\nline two" and rows[0].fields == {"title": "First", "lang": "en"}
    assert rows[1].row_no == 4 and rows[1].line_no == 6
    # the short row (line 4) and the row without text (line 5) are named by line
    assert [ln for ln, _ in problems] == [4, 5]
    assert "2 fields, the header has 3" in problems[0][1] and "no text" in problems[1][1]


def test_jsonl_and_parquet_rows(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": 7, "content": "Seven.", "tags": ["a", "b"]}) + "\n\n"
                    "not json\n" + json.dumps({"id": 8, "content": "Eight.", "published": "2024-01-02"}) + "\n",
                    encoding="utf-8")
    items = list(iter_table(path))
    assert [(i.doc_id, i.text) for i in items if not isinstance(i, tuple)] == [("7", "Seven."), ("8", "Eight.")]
    assert items[0].fields["tags"] == '["a", "b"]'
    assert [i[0] for i in items if isinstance(i, tuple)] == [3]
    frame = pd.DataFrame({"text": ["One.", "Two."], "date": pd.to_datetime(["2024-05-01", "2024-05-02"])})
    frame.to_parquet(tmp_path / "p.parquet")
    rows = list(iter_table(tmp_path / "p.parquet", batch_rows=1))
    assert [(r.doc_id, r.text, r.fields["published"][:10]) for r in rows] == [
        ("p-000001", "One.", "2024-05-01"), ("p-000002", "Two.", "2024-05-02")]


def test_a_table_without_a_text_column_says_which_columns_it_has(tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text("name,url\nTASS,https://tass.ru\n", encoding="utf-8")
    with pytest.raises(KeyError, match="no text column.*name, url"):
        list(iter_table(path))


# --- URLs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, date", [
    ("https://example.org/news/2024/11/27/story", "2024-11-27"),
    ("https://example.org/ru/news/20241127/1234.html", "2024-11-27"),
    ("http://example.org/2024-11-27-slug", "2024-11-27"),
    ("example.org/politics/27-11-2024-talks", "2024-11-27"),
    ("https://example.org/2023/05/slug/", "2023-05"),
    ("http://example.org/n3/2022/0511/c90000-10094895.html", "2022-05-11"),  # a year segment, then MMDD
    ("https://example.org/politics/04/10/2022/633bcdb09a79", "2022-10-04"),  # day, month, year segments
    ("https://example.org/world/01/16/2024/slug", "2024-01-16"),  # month first when day first is no date
    ("https://example.org/world/13/13/2024/slug", None),
    ("http://example.org/a/202506/15/WS684e877a.html", "2025-06-15"),  # a YYYYMM segment, then the day
    ("http://example.org/news/2019/august/39065/", "2019-08"),  # a month's name
    ("https://example.org/2023/dec/slug", "2023-12"),
    ("https://example.org/2023/news/slug", None),
    ("https://example.org/2023/1399/slug", None),
    ("https://example.org/politics/22531507", None),       # an article number, not a date
    ("https://example.org/news/2024/13/45/x", None),       # not a calendar date
    ("https://2024-11-27.example.org/x", None),            # only the path is read
    ("", None),
])
def test_url_date(url, date):
    assert url_date(url) == date


def test_url_outlet_through_the_host_table():
    assert url_host("https://WWW.Example.org:8080/x") == "example.org"
    assert url_outlet("https://en.tengrinews.kz/x") == ("Tengrinews", True)
    assert url_outlet("https://m.tass.ru/x") == ("TASS", True)
    assert url_outlet("https://news.unknown-site.example/x") == ("news.unknown-site.example", False)
    hosts = load_hosts(pd.DataFrame({"host": ["unknown-site.example"], "outlet": ["Unknown Daily"]}))
    assert url_outlet("https://news.unknown-site.example/x", hosts) == ("Unknown Daily", True)
    with pytest.raises(ValueError, match="needs columns host, outlet"):
        load_hosts(pd.DataFrame({"site": ["x"]}))
