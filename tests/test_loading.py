"""Loading: encodings, normalisation, metadata, sidecar, and bad input."""

from __future__ import annotations

import codecs
import unicodedata
import warnings

import pandas as pd
import pytest
from _paths import GOLD, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from kzru_lib import CorpusError, LoadWarning, MetadataError, load_corpus, load_problems, read_corpus
from kzru_lib.loading import decode_bytes, guess_language, normalize_text, parse_date

ARTICLE = "Kazakhstan and Russia sign a road map\n\nThe two countries signed a road map on energy and trade. " \
          "The document covers gas supplies and new transport corridors for the region.\n"
RU = "Казахстан и Россия подписали дорожную карту\n\nСтороны подписали документ о сотрудничестве в энергетике.\n"


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --- the seeds ------------------------------------------------------------------------------

def test_seed_corpus_columns_and_order(seed_corpus):
    for col in ("doc_id", "path", "sha256", "title", "outlet", "published", "published_basis", "language",
                "raw_text", "text"):
        assert col in seed_corpus.columns
    assert list(seed_corpus.doc_id) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert (seed_corpus.language == "en").all()


def test_seed_metadata_matches_gold_documents(seed_corpus):
    gold = pd.read_csv(GOLD / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    got = seed_corpus.set_index("doc_id")
    for doc_id, g in gold.iterrows():
        assert (got.loc[doc_id, "published"] or "") == g.published
        assert (got.loc[doc_id, "title"] or "") == g.title
    # the sidecar wins, and says so
    assert got.loc["002_aefff0a389baaf14", "published_basis"] == "metadata"
    assert got.loc["000_e124f29be3b57ffe", "published_basis"] is None


def test_metadata_is_read_from_text_without_a_sidecar(tmp_path):
    for path in SEEDS.glob("*.txt"):
        write(tmp_path, path.name, path.read_bytes())
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["002_aefff0a389baaf14", "published"] == "2023-11-08"
    assert corpus.loc["002_aefff0a389baaf14", "published_basis"] == "text"
    assert corpus.loc["004_d85f85ece3cb7142", "published"] == "2024-11-28"
    assert corpus.loc["004_d85f85ece3cb7142", "dateline"] == "ASTANA"
    assert corpus.loc["001_84b71895f86bb473", "outlet"] == "Tengrinews"
    assert corpus.loc["002_aefff0a389baaf14", "outlet"] == "TASS"
    assert corpus.loc["003_181649ad1a6ec081", "title"].startswith("Kazakhstan and Russia to elevate ties")
    assert corpus.loc["000_e124f29be3b57ffe", "title"] is None  # first line is a paragraph, not a headline
    assert corpus.loc["001_84b71895f86bb473", "published"] is None


def test_raw_text_is_untouched_and_hash_is_of_bytes(seed_corpus):
    import hashlib

    row = seed_corpus.iloc[1]
    data = (SEEDS / f"{row.doc_id}.txt").read_bytes()
    assert row.raw_text == data.decode("utf-8")
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    assert "ПОДЕЛИТЬСЯ" in row.raw_text and "ПОДЕЛИТЬСЯ" not in row.text


# --- encodings and normalisation -------------------------------------------------------------

@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1251", b""), ("koi8_r", b""),
])
def test_encodings_are_detected(tmp_path, encoding, bom):
    write(tmp_path, "a.txt", bom + RU.encode(encoding))
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "text"].startswith("Казахстан и Россия подписали")
    assert corpus.loc[0, "language"] == "ru"


def test_utf16_without_bom_is_detected():
    text, enc = decode_bytes(ARTICLE.encode("utf-16-le"))
    assert text == ARTICLE and enc == "utf-16-le"


def test_mojibake_is_repaired():
    broken = "Russia’s trade with Kazakhstan – a record".encode().decode("cp1252").encode("utf-8")
    text, enc = decode_bytes(broken)
    assert text == "Russia’s trade with Kazakhstan – a record"
    assert enc.endswith("+ftfy")


def test_normalize_newlines_spaces_and_forms():
    assert normalize_text("a\r\nb\rc") == "a\nb\nc"
    assert normalize_text("10\u00a0000\u202fUSD") == "10 000 USD"
    assert normalize_text("Ka\u200bzakh\u00adstan\ufeff") == "Kazakhstan"
    assert normalize_text("e\u0301") == "\u00e9"


def test_crlf_file_keeps_line_numbers(tmp_path):
    write(tmp_path, "a.txt", ARTICLE.replace("\n", "\r\n"))
    from kzru_lib import audit_lines

    lines = audit_lines(load_corpus(tmp_path))
    assert list(lines.line_no) == [1, 2, 3, 4]
    assert lines.loc[0, "label"] == "title" and lines.loc[2, "label"] == "body"


def test_language_guess():
    assert guess_language(ARTICLE) == "en"
    assert guess_language(RU) == "ru"
    assert guess_language("Қазақстан мен Ресей арасындағы сауда өсті. Бұл жаңалық.") == "kk"
    assert guess_language("12 345") is None


@pytest.mark.parametrize("text,iso", [
    ("08 November 2023", "2023-11-08"), ("November 8, 2023", "2023-11-08"), ("2024-11-28", "2024-11-28"),
    ("28.11.2024 14:30", "2024-11-28"), ("8 ноября 2023 г.", "2023-11-08"), ("2025-11", "2025-11"),
    ("2025", "2025"), ("31.02.2024", None), ("soon", None), ("2024-13", None),
    ("2024/03/12", "2024-03-12"), ("2024/03/12 14:35", "2024-03-12"), ("12 наурыз 2024", "2024-03-12"),
    ("5 қазан 2023 14:35", "2023-10-05"),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


# --- bad input ------------------------------------------------------------------------------

def test_missing_and_empty_folders_are_errors(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no .txt articles"):
        load_corpus(tmp_path)
    write(tmp_path, "x.txt", "x")
    with pytest.raises(CorpusError, match="is a file"):
        load_corpus(tmp_path / "x.txt")


def test_bad_files_are_reported_by_name_and_nothing_is_silently_skipped(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path, "garbage.txt", bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 40)
    write(tmp_path, "notes.docx", b"PK")
    with pytest.warns(LoadWarning) as caught:
        corpus = load_corpus(tmp_path)
    assert list(corpus.doc_id) == ["good"]
    messages = " | ".join(str(w.message) for w in caught)
    for name, problem in [("empty.txt", "empty file"), ("binary.txt", "binary"), ("garbage.txt", "undecodable")]:
        assert f"{name}: " in messages and problem in messages
    # a file that is not an article is one note in one summary line, named there and in the problems table
    assert "notes.docx" in messages and "not articles" in messages
    problems = load_problems(corpus)
    assert set(problems.path.map(lambda p: p.rsplit("/", 1)[-1])) == {"empty.txt", "binary.txt", "garbage.txt",
                                                                      "notes.docx"}


def test_strict_mode_turns_a_problem_into_an_error(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", b"")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty file"):
        load_corpus(tmp_path, strict=True)


def test_huge_single_line_file_is_refused_quickly_with_its_size(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    (tmp_path / "huge.txt").write_bytes(b"a" * 50_000_000)
    with pytest.warns(LoadWarning, match=r"huge\.txt: file is 50\.0 MB"):
        corpus = load_corpus(tmp_path)
    assert list(corpus.doc_id) == ["good"]


def test_huge_line_within_limit_is_cleaned(tmp_path):
    write(tmp_path, "long.txt", "Trade grew. " * 200_000)  # one 2.4 MB line
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "text"].startswith("Trade grew.")


def test_sidecar_values_win_and_extra_columns_travel(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", RU)
    write(tmp_path, "metadata.csv", "doc_id,outlet,published,stance\na,Astana Daily,2024-05-01,pro\nb,,,contra\n")
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["a", "outlet"] == "Astana Daily"
    assert corpus.loc["a", "published"] == "2024-05-01" and corpus.loc["a", "published_basis"] == "metadata"
    assert corpus.loc["b", "stance"] == "contra" and corpus.loc["b", "published"] is None
    from kzru_lib import audit_lines

    assert set(audit_lines(corpus.reset_index()).stance) == {"pro", "contra"}


@pytest.mark.parametrize("sidecar,message", [
    ("doc_id,outlet\na,X\nghost,Y\n", r"metadata\.csv:3: doc_id 'ghost' matches no \.txt article"),
    ("doc_id,published\na,next Tuesday\n", r"metadata\.csv:2: published 'next Tuesday' is not a date"),
    ("id,outlet\na,X\n", r"metadata\.csv:1: metadata file has no doc_id column"),
    ("doc_id,outlet\na,X,extra\n", r"metadata\.csv:2: row has 3 fields"),
    ("doc_id,outlet\na,X\na,Y\n", r"metadata\.csv:3: doc_id 'a' already given on line 2"),
])
def test_broken_sidecar_is_reported_with_file_and_line(tmp_path, sidecar, message):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "metadata.csv", sidecar)
    with pytest.warns(LoadWarning, match=message):
        corpus = load_corpus(tmp_path)
    assert list(corpus.doc_id) == ["a"]
    with pytest.raises(MetadataError, match=message):
        load_corpus(tmp_path, strict=True)


def test_parallel_and_serial_loading_agree(tmp_path):
    for i in range(30):
        write(tmp_path, f"{i:03d}.txt", ARTICLE.replace("energy", f"energy {i}") + "\nRead also\nOne\nTwo\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        serial = load_corpus(tmp_path, workers=1)
        parallel = load_corpus(tmp_path, workers=2)
    pd.testing.assert_frame_equal(serial, parallel)


def test_subfolders_give_path_doc_ids(tmp_path):
    (tmp_path / "tass").mkdir()
    write(tmp_path / "tass", "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    assert list(load_corpus(tmp_path).doc_id) == ["b", "tass/a"]


# --- legacy code pages: mostly-English pages with a few Cyrillic words ---------------------

MIXED = ("Tokayev and Putin discuss trade\n\nПОДЕЛИТЬСЯ\n\nASTANA – The two presidents met on Monday.\n\n"
         "Читайте также\nАлматы\n")


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "mac_cyrillic"])
def test_legacy_code_page_of_a_mostly_english_page(codec):
    # case-flipped words (кАЗАХСТАН) and stray symbols mark the wrong code pages
    page = MIXED if codec != "koi8_r" else MIXED.replace("–", "-")  # koi8-r has no en dash
    text, enc = decode_bytes(page.encode(codec))
    assert (text, enc) == (page, codec)


def test_legacy_dash_alone_reads_as_cp1251():
    text, enc = decode_bytes("ASTANA – The sides met.".encode("cp1251"))
    assert text == "ASTANA – The sides met." and enc == "cp1251"


def test_language_guess_reads_beyond_the_opening():
    # the opening shortcut must not count a word cut at its edge ("the" of "theory")
    filler = "Lorem ipsum dolor sit amet " * 14  # 378 characters without an English function word
    assert guess_language(filler + "xxxxxxxxxxxxxxxxxxxxxx theory") is None
    assert guess_language(filler + "and the rest of it is English") == "en"


def test_hidden_files_and_folders_are_not_articles(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "x.txt", ARTICLE)
    write(tmp_path, ".draft.txt", ARTICLE)
    write(tmp_path, "b.TXT", ARTICLE)
    assert list(load_corpus(tmp_path).doc_id) == ["b"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab \n\r\t\u00a0\u2028\u2029\x85\u200b\u00ad\ufeff\x01\x7f\u0301e\u0436.\u3000"),
               max_size=20))
def test_normalize_text_equals_the_plain_rules(text):
    # the fast path (one isprintable check) must change exactly what the rules, applied
    # plainly one after another, change
    from kzru_lib import loading

    expected = loading._NEWLINES.sub("\n", text)
    expected = loading._SPECIAL.sub(lambda m: loading._TRANSLATE[ord(m.group())] or "", expected)
    expected = unicodedata.normalize("NFC", expected)
    expected = loading._MIXED_WORD.sub(loading._cyrillic_word, expected)
    assert normalize_text(text) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("aceopxyACEHKMOPTXBbzQ \n—«»°\u0400\u040f\u0410\u042f\u0430\u043f\u0440\u044f"
                               "\u0450\u0451\u0452\u047f\u00e9\U0001f600\ud800"), max_size=12))
def test_maybe_mixed_is_false_only_when_the_mixed_pattern_cannot_match(text):
    from kzru_lib import loading

    if loading._MIXED.search(text):
        assert loading._maybe_mixed(text)


def test_latin_look_alikes_inside_cyrillic_words_are_read_as_cyrillic():
    text = "Числo бюллетеней сoставило 82 729 (IT-компания Kaspi.kz, iPhone-ом, ТОО «Samruk»)."
    assert normalize_text(text) == "Число бюллетеней составило 82 729 (IT-компания Kaspi.kz, iPhone-ом, ТОО «Samruk»)."
    assert len(normalize_text(text)) == len(text)  # one letter for one: offsets and lines stay


# --- other sources: HTML pages, tables of articles, URLs, duplicates (issue 16) ----------------

STORIES = {
    "steppe-001": ("Grain corridor talks resume in Kostanay", "Steppe Herald", "2024-03-05",
                   "https://steppeherald.example/news/2024/03/05/grain",
                   ["Officials from Kazakhstan and Russia met in Kostanay on Tuesday to discuss grain transit by rail.",
                    "The talks covered rail tariffs, border crossings and a new electronic queue for trucks.",
                    "A second round is planned for April in Omsk, the ministry said in a statement."]),
    "steppe-002": ("Новый паром через Каспий", "Степной вестник", "2024-04-10",
                   "https://steppeherald.example/ru/20240410/ferry",
                   ["Казахстан и Россия обсудили запуск нового парома между Актау и Махачкалой.",
                    "По словам министра, первый рейс может состояться уже летом этого года.",
                    "Стороны также договорились упростить оформление грузов в портах."]),
    "steppe-003": ("Water agreement on the Ural river", "Steppe Herald", "2024-05-20",
                   "https://steppeherald.example/news/water-deal",
                   ["The two governments signed an agreement on sharing the water of the Ural river on Monday.",
                    "Under the deal, a joint commission will publish monthly measurements of the river's flow.",
                    "Farmers in the Atyrau region had asked for such an agreement after last summer's drought."]),
}


def _as_txt(folder):
    rows = ["doc_id,title,outlet,published,url"]
    for doc_id, (title, outlet, published, url, paras) in STORIES.items():
        write(folder, f"{doc_id}.txt", "\n\n".join([title, *paras]) + "\n")
        rows.append(f'{doc_id},"{title}",{outlet},{published},{url}')
    write(folder, "metadata.csv", "\n".join(rows) + "\n")


def _page(title, outlet, published, url, paras):
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return (f"<!DOCTYPE html><html><head><title>{title} | {outlet}</title>"
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{published}T08:00:00Z">'
            f'<link rel="canonical" href="{url}"></head>\n<body><article><h1>{title}</h1>\n{body}</article></body></html>')


def test_the_same_corpus_as_txt_html_and_csv_gives_the_same_text_and_tables(tmp_path):
    txt, html, table = tmp_path / "txt", tmp_path / "html", tmp_path / "table"
    for folder in (txt, html, table):
        folder.mkdir()
    _as_txt(txt)
    for doc_id, story in STORIES.items():
        write(html, f"{doc_id}.html", _page(*story))
    pd.DataFrame([{"id": d, "headline": s[0], "body": "\n\n".join([s[0], *s[4]]), "media_name": s[1],
                   "date": s[2], "url": s[3]} for d, s in STORIES.items()]).to_csv(table / "export.csv", index=False)
    results = [read_corpus(folder) for folder in (txt, html, table / "export.csv")]
    cols = ["doc_id", "title", "outlet", "published", "language", "n_kept_lines", "text", "url"]
    txt_lines = results[0][1]
    for corpus, lines in results[1:]:
        pd.testing.assert_frame_equal(corpus[cols], results[0][0][cols])
        # the same lines, numbered alike (a .txt file's closing newline adds one blank line at the end)
        shown = ["doc_id", "line_no", "text", "label"]
        pd.testing.assert_frame_equal(lines.loc[lines.label != "blank", shown].reset_index(drop=True),
                                      txt_lines.loc[txt_lines.label != "blank", shown].reset_index(drop=True))
    (_, _), (html_corpus, _), (table_corpus, _) = results
    assert set(html_corpus.published_basis) == {"html"} and set(html_corpus.outlet_basis) == {"html"}
    assert set(table_corpus.published_basis) == {"metadata"} and set(table_corpus.title_basis) == {"metadata"}
    assert table_corpus.path.iloc[0].endswith("export.csv#row1")


def test_an_html_page_saved_as_txt_is_converted_and_its_converted_text_is_audited(tmp_path):
    title, outlet, published, url, paras = STORIES["steppe-001"]
    page = _page(title, outlet, published, url, paras).replace("<body>", "<body><nav><a href='/'>Home</a> "
                                                              "<a href='/world'>World</a></nav>")
    write(tmp_path, "saved.txt", page)
    corpus, lines = read_corpus(tmp_path)
    row = corpus.iloc[0]
    assert "<p>" not in row.raw_text and row.raw_text.split("\n")[0] == "Home World"
    assert row.encoding.endswith("html") and row.title == title and row.published == published
    assert list(lines.text) == row.raw_text.split("\n")  # line numbers refer to the converted text
    assert paras[0] in row.text and "<" not in row.text


def test_url_column_gives_outlet_and_date_with_their_basis_and_the_sidecar_wins(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("road map", "treaty"))
    write(tmp_path, "c.txt", ARTICLE.replace("road map", "memorandum"))
    write(tmp_path, "metadata.csv", "doc_id,url,published,outlet\n"
          "a,https://www.tass.ru/politika/2024/11/27/slug,,\n"
          "b,https://news.unknown.example/20230102/x,2023-01-05,\n"
          "c,https://tass.ru/x,,My Outlet\n")
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["a", ["outlet", "outlet_basis", "published", "published_basis"]].tolist() == [
        "TASS", "url", "2024-11-27", "url"]
    assert corpus.loc["b", ["outlet", "published", "published_basis"]].tolist() == [
        "news.unknown.example", "2023-01-05", "metadata"]
    assert corpus.loc["c", ["outlet", "outlet_basis", "published"]].tolist() == ["My Outlet", "metadata", None]
    write(tmp_path, "hosts.csv", "host,outlet\nunknown.example,Unknown Daily\n")
    assert load_corpus(tmp_path).set_index("doc_id").loc["b", "outlet"] == "Unknown Daily"


def test_a_folder_of_tables_with_a_column_mapping_and_bad_rows_named(tmp_path):
    pd.DataFrame({"story": [ARTICLE, RU], "when": ["2024-01-02", "yesterday"], "desk": ["A", "B"]}).to_parquet(
        tmp_path / "part1.parquet")
    write(tmp_path, "part2.jsonl", '{"story": "' + ARTICLE.replace("\n", "\\n") + '", "desk": "C"}\n{"story": ""}\n')
    write(tmp_path, "sources.csv", "name,homepage\nTASS,https://tass.ru\n")
    with pytest.warns(LoadWarning) as caught:
        corpus = load_corpus(tmp_path, columns={"text": "story", "published": "when"})
    assert list(corpus.doc_id) == ["part1-000001", "part1-000002", "part2-000001"]
    assert corpus.desk.tolist() == ["A", "B", "C"] and corpus.published.tolist()[:2] == ["2024-01-02", None]
    messages = [str(w.message) for w in caught]
    assert any("part1.parquet:2: row 2: published 'yesterday' is not a date" in m for m in messages)
    assert any("part2.jsonl:2: row 2: no text" in m for m in messages)
    assert sum("sources.csv" in m for m in messages) == 1  # not an article table: one note in the summary
    problems = load_problems(corpus)
    assert problems.set_index("path").loc[str(tmp_path / "sources.csv"), "severity"] == "note"
    with pytest.raises(CorpusError, match=r"sources\.csv: not a table of articles.*error in strict mode"):
        load_corpus(tmp_path, columns={"text": "story", "published": "when"}, strict=True)
    (tmp_path / "sources.csv").unlink()
    with pytest.raises(CorpusError, match=r"part1\.parquet:2: row 2: published"):
        load_corpus(tmp_path, columns={"text": "story", "published": "when"}, strict=True)


def test_strict_mode_turns_a_skipped_non_article_file_into_an_error(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "README.md", "about these files")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert list(load_corpus(tmp_path).doc_id) == ["good"]
    with pytest.raises(CorpusError, match=r"README\.md: not a \.txt article.*error in strict mode"):
        load_corpus(tmp_path, strict=True)


def test_non_article_files_are_one_note_per_load_and_shown_once_per_session(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    for name in ("README.md", "sources.tsv", "notes.docx"):
        write(tmp_path, name, "x")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_corpus(tmp_path)
    assert len(caught) == 1 and "3 note(s)" in str(caught[0].message)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_corpus(tmp_path)  # a second load in the same session: no second note
    assert caught == []
    assert len(load_problems(load_corpus(tmp_path))) == 3  # still listed in the problems table


def test_duplicates_are_marked_and_can_be_excluded(tmp_path):
    long = ARTICLE.strip() + " " + " ".join(STORIES["steppe-001"][4] + STORIES["steppe-003"][4]) + "\n"
    write(tmp_path, "a.txt", long)
    write(tmp_path, "b.txt", "Syndicated copy\n\n" + long.split("\n\n", 1)[1])
    write(tmp_path, "c.txt", RU)
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["b", "duplicate_of"] == "a" and corpus.loc["a", "duplicate_cluster"] == "a"
    assert corpus.loc["c", "duplicate_cluster"] is None
    corpus, lines = read_corpus(tmp_path, exclude_duplicates=True)
    assert list(corpus.doc_id) == ["a", "c"] and set(lines.doc_id) == {"a", "c"}
    unmarked = load_corpus(tmp_path, duplicates=False)  # the marking skipped: same columns, empty
    assert unmarked.duplicate_of.isna().all() and list(unmarked.columns) == list(load_corpus(tmp_path).columns)


@pytest.mark.parametrize("text,iso", [
    ("Tue, 09/15/2015 - 11:17", "2015-09-15"), ("09/15/2015", "2015-09-15"), ("15/09/2015", "2015-09-15"),
    ("23 June 2023 13:33 (UTC+04:00)", "2023-06-23"), ("Fri. Sep 30th, 2022", "2022-09-30"),
    ("9 сен 2025", "2025-09-09"), ("Saturday, October 03, 2009", "2009-10-03"), ("13/13/2015", None),
])
def test_parse_date_reads_us_order_weekday_abbreviations_and_zones(text, iso):
    assert parse_date(text) == iso


def test_corpus_metadata_from_real_shapes_without_a_sidecar(tmp_path):
    write(tmp_path, "a.txt", "View settings\nFont size:\nTalks in the Kremlin\nApril 3, 2019, The Kremlin, Moscow\n\n"
          "The two presidents discussed trade, energy and transport during talks in the Kremlin on Wednesday.\n")
    write(tmp_path, "b.txt", " date 2025-09-09 https://example.ru/news/1.html\n\nТоварооборот вырос\n\n"
          "МОСКВА, 9 сен - ПРАЙМ. Товарооборот Казахстана и России превысил 28 миллиардов долларов, "
          "заявил посол.\n")
    corpus = load_corpus(tmp_path).set_index("doc_id")
    assert corpus.loc["a", ["title", "published"]].tolist() == ["Talks in the Kremlin", "2019-04-03"]
    assert corpus.loc["b", ["title", "outlet", "published"]].tolist() == ["Товарооборот вырос", "ПРАЙМ", "2025-09-09"]
    assert "View settings" not in corpus.loc["a", "text"] and "https://" not in corpus.loc["b", "text"]


def test_month_names_that_part_go_on_with_letters_no_character_matches_two_of():
    # _MONTH_RE is the month names' alternation written as a tree (tables.word_tree): it tries the same names in the same
    # order as the plain alternation (longest first) only if, where two names part, no character matches both of
    # their next letters case-insensitively (as the date regexes match)
    import re
    import sys

    from kzru_lib.loading import MONTHS

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    matches = {c: set(re.findall(re.escape(c), every, re.I)) for c in set("".join(MONTHS))}
    for a in MONTHS:
        for b in MONTHS:
            k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
            if k is not None:
                assert not matches[a[k]] & matches[b[k]], (a, b)


_MONTH_PIECES = st.sampled_from(["may", "MAY", "Mayıs", "mayis", "mayo", "mar", "March", "mars", "märz", "marzo",
                                 "sept", "Sep", "september", "ЯНВ", "января", "январь", "нояб", "ноя", "ноября", "mai",
                                 "juni", "Jun", "June", "juin", "ju", "1", "12", "2024", "3rd", "th", " ", ".", ",", ", ",
                                 "г.", "года", "x", "10:30", "-", "/", "ağustos", "aug", "Augusto", "ᲁек", "ᲂкт"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MONTH_PIECES, max_size=10))
def test_the_month_tree_matches_as_the_plain_alternation(pieces):
    import re

    from kzru_lib.loading import _DATE_ANY, _MONTH_RE, MONTHS

    plain = "|".join(sorted(MONTHS, key=len, reverse=True))
    text = "".join(pieces)
    for tree_rx, plain_rx in ((_MONTH_RE, plain), (_DATE_ANY, _DATE_ANY.replace(_MONTH_RE, plain))):
        tree, flat = re.compile(tree_rx, re.I), re.compile(plain_rx, re.I)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
        for i in range(len(text) + 1):  # every end the alternation can take, in the order it tries them
            assert [bool(re.match(f"(?:{tree_rx})(?<=^.{{{k}}})", text[i:], re.I | re.S)) for k in range(12)] == \
                   [bool(re.match(f"(?:{plain_rx})(?<=^.{{{k}}})", text[i:], re.I | re.S)) for k in range(12)]
