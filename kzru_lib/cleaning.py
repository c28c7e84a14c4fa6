"""Cleaning: label every raw line of every article, and say why a line was dropped.

Each line gets a ``label`` — ``title``, ``heading``, ``body``, ``metadata``, ``boilerplate`` or
``blank`` — and, when it is not kept, a ``reason`` (``share_button``, ``related_links``,
``widget``, ``ad``, ``comments_policy``, ``duplicate``, ``caption``, ``media_prompt``,
``credit``, ``social``, ``nav_menu``, ``dateline``, ...). Kept text is title + headings + body.
The ``rule`` column names the exact rule or pattern row that decided, so the audit can be cited.

Two kinds of evidence decide, in this order:

1. **Known patterns**, a table a user can read and extend (``data/boilerplate_patterns.csv``;
   add rows with ``load_corpus(..., patterns=FILE)``, ``--patterns FILE``, or a
   ``boilerplate_patterns.csv`` in the corpus folder). Columns: ``reason``; ``match``
   (``line``: the whole line; ``start``: the line begins with it; ``contains``: anywhere;
   ``link_prompt`` rows mark kept lines that announce links); ``pattern`` (a Python regular
   expression); ``max_words`` (only lines this short; empty = any); ``flags`` (``i`` =
   case-insensitive); ``note``.
2. **Structure**, general rules that need no list (see :data:`RULES`): blank lines; date lines;
   repeated paragraphs; number-only widget lines; short lines in another script than the
   article; the title (first headline-like line); headings (a headline-like line followed by a
   paragraph); the article's end (after the last paragraph, runs of short headline-like lines
   are related links, single short lines are credits); headline-like lines after a link prompt;
   and lines repeated across several *different* stories of the same outlet (syndicated copies
   of one story do not count).

Before the first paragraph, page furniture (menus, breadcrumbs, form labels, lone words) is skipped
and the title is the first headline-like line after it; a scraper's `` date YYYY-MM-DD `` prefix is
metadata within the line it opens. Hard-wrapped lines are judged as the paragraph they form. A last
line cut mid-sentence by the scrape is kept. The outlet is read from agency datelines and bylines
(``/TASS/``, ``(Reuters)``, ``— ИА Регнум.``, ``(MENAFN- Trend News Agency)``, ``..., Trend reports``,
``передает корреспондент X``), from credits after the story and from copyright or site-name lines; an
agency that is only quoted ("передает ТАСС", "told RIA Novosti") is not taken. ``data/news_agencies.txt``
lists the agencies whose name opens a byline line ("Xinhua, September 15, 2015").

A line can be partly kept: a metadata prefix (`` date 2024-11-28``), a dateline (``ASTANA –``)
or an outlet byline (``Tengrinews.kz –``) opening the first paragraph is moved to metadata;
``kept_start`` says where the kept part begins.

Example:
    >>> from kzru_lib import load_corpus, audit_lines
    >>> lines = audit_lines(load_corpus("seeds"))       # doctest: +SKIP
    >>> lines[lines.label == "boilerplate"].reason.value_counts()   # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from itertools import compress
from pathlib import Path

import pandas as pd

from .errors import KzruError
from .loading import (
    _DATE_ANY,
    _DATE_LABEL,
    _TIME,
    _WEEKDAY,
    DATE_LINE,
    DATE_PREFIX,
    MONTHS,
    parse_date,
    printable_lines,
    script_counts,
)

__all__ = ["audit_lines", "clean_text", "load_patterns", "KEPT_LABELS", "LABELS", "RULES"]

KEPT_LABELS = frozenset({"title", "heading", "body"})
LABELS = ("title", "heading", "body", "metadata", "boilerplate", "blank")
PATTERN_COLUMNS = ("reason", "match", "pattern", "max_words", "flags", "requires", "note")
MATCH_KINDS = ("line", "start", "contains", "link_prompt")

#: The structural rules, by the name that appears in the audit's ``rule`` column.
RULES = {
    "blank": "the line is empty once spaces are normalised",
    "date_line": "a line that is only a date (optionally 'Published:' and a time): publication metadata",
    "duplicate": "the same paragraph (4+ words) already appeared earlier in the article",
    "numeric_widget": "a line made mostly of numbers without a sentence: a rates/scores/weather widget",
    "foreign_script": "a short line in another script than the article (e.g. Cyrillic menu in an English page)",
    "title": "the first line, headline-like (no closing full stop, at most 25 words), followed by more text",
    "heading": "a headline-like line followed by a paragraph, before the article's end",
    "heading_run": "three or more headline-like lines in a row inside the article: a list of links",
    "after_end_run": "after the last paragraph: a run of two or more short headline-like lines (related links)",
    "after_end_single": "after the last paragraph: a lone short line (a credit or sign-off)",
    "after_link_prompt": "headline-like lines right after a line announcing links ('Learn more ... :')",
    "repeated_across_articles": "the line appears in several different stories of the same outlet (template)",
    "metadata_prefix": "a date prefix, dateline or outlet byline opening the first paragraph, moved to metadata",
    "date_line_extra": "a date line with a place, a time first or a view count after it ('April 3, 2019, The Kremlin')",
    "dated_furniture_line": "a short line that is a date amid page furniture: a section label, a time, an outlet, "
                            "a view count ('In focus 16 April 2024 1212', '8 ноября 2022 г. 16:11 / Эхо Москвы')",
    "date_fields_line": "a line of short fields split by '|', one a labelled date ('Reuters | Bishkek | Updated: "
                        "18-09-2022 11:47 IST | Created: 18-09-2022 11:47 IST'): the published or created date is read",
    "timestamp_line": "a date and time without a year ('27 Jun. 19:25 (UTC+3 MSK)'), or a time alone ('в 10:19'): metadata",
    "dateline_line": "a line that is only a dateline ('Tashkent, Uzbekistan, Apr. 6', 'MOSCOW')",
    "agency_byline": "an agency's byline line ('Xinhua, September 15, 2015', 'MENAFN - AzerNews)', 'By X – Trend:')",
    "byline_date": "a byline carrying a date ('By John Smith | 12 March 2024'): the date is read",
    "date_credit_line": "a date line with a source or byline after it, a bullet or a time before it "
                        "('03.03.2023 Пресс-служба ТПП РФ', 'October 4, 2022 in News by RBN Staff', '• 03.02.2025, 14:41,')",
    "header_menu": "before the first paragraph: a menu or breadcrumb ('Asia | Economy | World', 'News /', '• Home')",
    "header_label": "before the first paragraph: a form label of three words or fewer ending with ':' ('Font size:')",
    "header_word": "before the title: a lone word (a site name, a counter, a photo credit)",
    "wrapped_paragraph": "a hard-wrapped line judged with the lines it continues (wire copy): kept as prose",
    "after_related_header": "after a 'Read also' / 'More from X' header, the short lines to the end (related links)",
    "latest_news_list": "a dated line after the story and the short lines after it (a latest-news teaser list)",
    "author_box": "after the story: a name line and a short biography that opens with the name",
    "cut_paragraph": "the last line, prose cut mid-sentence by the scrape or a paywall: kept",
    "table_row": "a header row, or a row, of a table written with '|' and a rule of dashes under its header "
                 "('Country | Region | 2023E Production (tonnes) |', '---|---|---|', 'China | Asia | 370 |'): "
                 "the story's data, kept",
    "table_rule": "the rule of dashes under a table's header row ('---|---|---|'): layout",
    "credit_prefix": "a photo credit glued to the paragraph after it ('Фото: Maxim Studio/Shutterstock/FotodomБолее "
                     "50 ...'): the credit dropped, the paragraph kept",
    "data_list": "a run of short lines that would be a list of links, but are items of data: most give a label and "
                 "a number ('• January: $35.6 million', '1. Almaty (2,253,502 people)', 'Казахстан | 5,1% |'), or "
                 "all are bulleted or numbered under a paragraph ending with ':' ('The five most populous regions "
                 "are:'): the story's data, kept",
}

#: A list item that gives a datum: a short label, then a colon, a dash, a bar or a bracket, then a number
#: ("• January: $35.6 million", "1. Almaty (2,253,502 people)", "Kyrgyzstan: $22.7 billion (24%)",
#: "Казахстан | 5,1% |", "Россия – 11 711"); not a headline that opens with its number ("- 20 billion UZS to be
#: allocated ...").
DATA_ITEM = re.compile(r"(?:[-–—•▪●*]\s*|\d{1,2}[.)]\s+)?[^\W\d_][^\d:|–—()]{0,60}?\s*[:|–—(]\s*[-+−]?[$€£₽]?\s?\d")
#: A field's label opening a line, then its value ("Задержанные: более 300 человек", "Turnout: 54%").
FIELD_LABEL = re.compile(r"([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}):\s+\S")
#: A list's bullet or number at a line's start.
LIST_MARK = re.compile(r"(?:[-–—•▪●*]|\d{1,2}[.)])\s")


#: Fewest words of a sentence that introduces a list after the story's last paragraph (not a "Read more:" prompt).
_INTRO_WORDS = 6


def _data_list(run: list[int], stripped: list[str], introduced: bool) -> bool:
    """Whether a run of headline-like lines is a list of data, not of links: two thirds of its lines are
    items of data (:data:`DATA_ITEM`), or every line is bulleted or numbered and a paragraph ending with ':'
    introduces them (``introduced``)."""
    data = sum(bool(DATA_ITEM.match(stripped[r])) for r in run)
    if 3 * data >= 2 * len(run) or introduced and all(LIST_MARK.match(stripped[r]) for r in run):
        return True
    # records of fields: the same labels again and again, a third of the lines or more ("Москва / Сколько участников:
    # сотни человек / Задержанные: более 300 человек / Санкт-Петербург / ...")
    fields = [(m.group(1).casefold(), r) for r in run if (m := FIELD_LABEL.match(stripped[r]))]
    labels = Counter(label for label, _ in fields)
    return 3 * len(fields) >= len(run) and sum(n >= 2 for n in labels.values()) >= 2 \
        and any(c.isdigit() for _, r in fields for c in stripped[r])

#: The rule of dashes under a table's header row, as scrapers write an HTML table: "---|---|---|", "| :--- | ---: |".
TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?")


def _tables(stripped: list[str]) -> list[tuple[int, int, list[int]]]:
    """(header row, rule, rows) of each table of an article's lines: a line with '|' right above a rule of dashes
    (:data:`TABLE_RULE`), and the lines with '|' right under it."""
    out = []
    for i, s in enumerate(stripped):
        if i == 0 or "-" not in s or not TABLE_RULE.fullmatch(s) or "|" not in stripped[i - 1]:
            continue
        rows = []
        j = i + 1
        while j < len(stripped) and "|" in stripped[j] and not TABLE_RULE.fullmatch(stripped[j]):
            rows.append(j)
            j += 1
        out.append((i - 1, i, rows))
    return out

_WORD = re.compile(r"\w+", re.UNICODE)
_CLOSERS = "\"'»”’)]"


def _last_mark(line: str) -> str:
    """The line's last character once trailing spaces, then closing quotes and brackets, are
    stripped ("" for none): what ``[marks]["'»”’)\\]]*\\s*$`` tests, without a scan of the line."""
    return line.rstrip().rstrip(_CLOSERS)[-1:]


def _wrapped_prose(line: str) -> bool:
    """Whether a line is prose hard-wrapped before its sentence ends: six words or more, mostly not numbers, and no
    end of a sentence at its end ("average economic growth over the past three years has reached")."""
    tokens = line.split()
    return len(tokens) >= 6 and not _sent_end(line) and not _mostly_numbers(tokens, 0)


def _mostly_numbers(tokens: list[str], at_least: int) -> bool:
    """Whether ``at_least`` of ``tokens`` and 30 % or more of them are numbers (a widget's share, :func:`_line_verdict`)."""
    n_num = sum(1 for t in tokens if _NUMBER.match(t))
    return n_num >= at_least and n_num >= 0.3 * len(tokens)


def _sent_end(line: str) -> bool:
    """The line ends with sentence punctuation (then perhaps closing quotes, brackets, spaces)."""
    return _last_mark(line) in _SENT_MARKS


def _headline_end(line: str) -> bool:
    """The line ends with a mark that ends a clause (``[.:;,]``): a headline does not end so."""
    return _last_mark(line) in _CLAUSE_MARKS


_SENT_MARKS = frozenset(".!?…:;")
_CLAUSE_MARKS = frozenset(".:;,")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
#: Sign-offs that are not outlet names.
_GENERIC_CREDITS = frozenset({"news", "desk", "press", "update", "editorial", "staff", "team", "agencies",
                              "reuters/ap", "photo", "video", "source", "редакция", "новости"})
_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NUMBER = re.compile(r"^[-+]?[$€£₸₽]?\d[\d.,:%°]*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ.'\- ]{1,30}[A-ZА-ЯЁ.](?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
    r"(?:\s*,\s*(?P<dl_date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[а-яё]{3,9})(?:,?\s+\d{4})?))?"
    r"(?:\s*\((?P<agency>[A-Z][\w .&-]{1,30})\)\s*[–—-]{1,2}\s+|\s*\.?\s*/(?P<agency2>[^/\n]{2,30})/\.?\s+"
    # 'MOSCOW (Pakistan Point News / Sputnik - 27th December, 2019) Russian ...': the agency and the date in brackets
    r"|\s*,?\s*\((?P<agency3>[A-Z][^()/\n]{1,30}?)(?:\s*/[^()\n]{1,30}?)?\s*[–—-]{1,2}\s*"
    rf"(?P<dl_date3>(?i:{_DATE_ANY}))\)\s*(?:[–—-]{{1,2}}\s+)?"
    r"|\s*[–—-]{1,2}\s+)(?=\S)"
)
#: (possessive ``*+``, ``++``: a word's letters given back could never be the dot or space that follows,
#: so the same matches, found without backtracking through every capitalised line's first words)
_BYLINE = re.compile(
    r"^(?P<outlet>(?:[A-Z][\w-]*+\.)?[A-Z][\w-]*+\.(?:kz|ru|com|org|net|info|news|uz|kg|tj|by|ua|az|am|ge|media|tv)"
    r"|[A-Z][A-Za-z]++(?:\s[A-Z][A-Za-z]++){0,2}\s(?:News|Times|Post|Agency|Today|Daily))\s*[–—-]{1,2}\s+(?=\S)"
)
_CREDIT_OUTLET = re.compile(
    r"^(?:based on (?:materials|reports?|information) (?:from|of|by)|according to materials (?:from|of)|"
    r"по материалам|source\s*:|источник\s*:|[–—]{1,2})\s*(?P<outlet>[\w.\- «»\"'&]{2,60}?)\s*\.?(?:\s*\|.*)?$",
    re.I,
)


_PREFIX_START = frozenset("dDpPuUlLдДоОфФiI")  # first letters of the date labels DATE_PREFIX knows, and of photo credits
#: A photo credit glued to the paragraph after it, no space between: its last word ends in a small letter or a digit and
#: the paragraph's first word starts with a capital ("Фото: Maxim Studio/Shutterstock/FotodomБолее 50 ...").
_GLUED_CREDIT = re.compile(r"\s*(?:[Фф]ото|ФОТО|[Pp]hoto|PHOTO|[Ii]mage|[Ии]зображение)\s*:\s*[^\n]{2,80}?[a-zа-яё0-9.]"
                           r"(?=[A-ZА-ЯЁ][a-zа-яё])")
#: Fewest words of the paragraph a glued credit opens.
_GLUED_WORDS = 6
#: The label of a date a page was updated on (not its publication date).
_UPDATED = re.compile(r"(?:updated|last\s+updated|обновлено|последнее\s+обновление)\b", re.I)
#: One field of a '|'-separated metadata line that is a labelled date: 'Created: 18-09-2022 11:47 IST', 'Updated: ...'.
_DATE_FIELD = re.compile(rf"^(?P<label>{_DATE_LABEL}|created(?:\s+on)?|создано)\s*:?\s*{_WEEKDAY}(?P<date>{_DATE_ANY})\s*$",
                         re.I)
#: Most words of a field of such a line that is not a date (an agency, a place, a section: 'Reuters', 'Bishkek').
_FIELD_WORDS = 4
#: Curly quotes and guillemets, and the straight quote each is read as in a line's key (:func:`_straight_quotes`).
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'))


def _straight_quotes(text: str) -> str:
    """``text`` with the marks of :data:`_QUOTES` made straight: one ``str.replace`` per mark (a C scan, no copy
    when the mark is absent), many times faster than ``str.translate`` on a non-ASCII text and the same (one character
    for one, and no straight quote is a mark replaced)."""
    for mark, straight in _QUOTES:
        text = text.replace(mark, straight)
    return text
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
#: How near a page's top a bare date line is its header's (lines), and how near a timed date line after it is the
#: article's own (see ``set_published``).
_HEADER_DATE_LINES = 3
_TIMED_DATE_LINES = 15
#: A date line with something after the date: a place ('April 3, 2019, The Kremlin, Moscow'), a
#: view count ('29.05.2025, 11:53 40011'); or with the time first ('17:49, 20.03.2019').
_DATE_LINE_EXTRA = re.compile(
    rf"^{_WEEKDAY}(?P<date>{_DATE_ANY})\s*(?:[,.]\s*(?P<place>[A-ZА-ЯЁ][^.!?\d]{{0,50}})|\s+\d{{1,7}})\.?$"
    rf"|^\d{{1,2}}:\d{{2}},?\s+(?P<date2>{_DATE_ANY})\.?$", re.I)
#: A date line with a credit or byline after it, a list bullet or a time before it: '03.03.2023 Пресс-служба ТПП РФ',
#: '17:00 09.10.2025 Источник: ...', 'October 4, 2022 in News by RBN Staff', '• 03.02.2025, 14:41,'.
_DATE_CREDIT_LINE = re.compile(
    rf"^(?:[•·▪]\s*)?(?:\d{{1,2}}:\d{{2}},?\s+)?{_WEEKDAY}(?P<date>{_DATE_ANY})\s*[,.|]?\s*"
    r"(?:(?:in\s+[\w&'’ -]{1,30}?\s+)?by\s+[^.!?]{1,40}|(?:источник|source|автор|author|фото|photo|пресс-служба|"
    r"press\s+service)\b[^.!?]{0,60})?$", re.I)
#: A date and time without a year ('27 Jun. 19:25 (UTC+3 MSK)'), or a time alone ('в 10:19', '10:19').
#: A time of day, with the word that says "at" ("в 21:50", "at 9:05 pm").
_CLOCK = r"(?:(?<![^\W\d_])(?:в|at)\s*)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_TIMESTAMP = re.compile(rf"^{_WEEKDAY}(?:\d{{1,2}}\s+(?:{_MON})|(?:{_MON})\.?\s+\d{{1,2}})\.?,?{_TIME}$|^{_CLOCK}$",
                        re.I)
_PLACE = r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’.-]*(?:\s[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’-]*){0,2}"
_DL_DATE = (rf"(?:\d{{1,2}}\s+(?i:{_MON})\.?|(?i:{_MON})\.?\s+\d{{1,2}})(?:,?\s+\d{{4}})?"
            r"(?:,?\s+\d{1,2}:\d{2})?")
_AGENCY = r"(?:ИА\s+)?[A-ZА-ЯЁ][\w-]*(?:[ -][A-ZА-ЯЁ][\w-]*){0,2}"
#: A line that is only a dateline: 'Tashkent, Uzbekistan, Apr. 6', 'Astana, Kazakhstan (AFP) June 16, 2025'.
_DATELINE_ONLY = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE})?)\s*(?:\((?P<agency>[A-Z][\w .&-]{{1,30}})\)\s*)?,?\s*"
    rf"(?P<date>{_DL_DATE})\.?$")
#: Datelines naming the agency, at the start of the first paragraph (tried in order):
#: 'NUR-SULTAN. KAZINFORM – ', 'Astana. July 4. KazTAG - ', 'МОСКВА, 9 сен - ПРАЙМ. ',
#: 'Ташкент, 16 февраля, 2017, 11:06 — ИА Регнум. ', 'DUSHANBE, October 10, 2011, Asia-Plus — '.
_AGENCY_DATELINES = (
    re.compile(rf"^(?P<place>{_PLACE})\.\s+(?:(?P<date>{_DL_DATE})\.\s+)?(?P<agency>{_AGENCY})\s*[–—-]{{1,2}}\s+(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>{_DL_DATE})\s*[.,]?\s*[–—-]{{1,2}}\s+(?P<agency>{_AGENCY})\.\s+(?=\S)"),
    re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>{_DL_DATE}),\s+(?P<agency>{_AGENCY})\s*[–—-]{{1,2}}\s+(?=\S)"),
)
#: 'Xinhua, September 15, 2015 ...': a news agency's byline line (the agency from data/news_agencies.txt).
_AGENCY_BYLINE_LINE = re.compile(rf"^(?P<outlet>[A-ZА-ЯЁ][\w.&'-]*(?:\s[A-ZА-ЯЁ][\w.&'-]*){{0,2}}),\s*"
                                 rf"(?P<date>{_DATE_ANY})(?P<rest>.*)$", re.I)
_PLAIN_DATELINE = re.compile(rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE})?),\s*(?P<date>{_DL_DATE})\.\s+(?=[A-ZА-ЯЁ«\"“])")
_MENAFN_PREFIX = re.compile(r"^\s*\(?MENAFN\s*[-–]\s*(?P<outlet>[^)(]{2,40}?)\s*\)\s*")
_MENAFN = re.compile(r"MENAFN\s*[-–]\s*(?P<outlet>[^)(]{2,40}?)\s*\)")
_COPYRIGHT_OUTLET = re.compile(r"^(?:date\s+\S+\s+)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                               r"(?P<outlet>[^\W\d][\w .&'-]{1,40}?)\s*(?:[-–.|,]|all rights|$)", re.I)
_OFFICIAL_SITE = re.compile(r"^(?:the\s+)?official\s+(?:web)?site\s+of\s+(?:the\s+)?(?P<outlet>.{3,60}?)\s*$", re.I)
_BYLINE_AGENCY = re.compile(r"^by\s+[^–—:]{2,40}?\s*[–—]\s*(?P<outlet>[A-ZА-ЯЁ][\w .-]{1,30}?)\s*:?\s*$", re.I)
#: The agency's credit to itself in a lead: '..., Trend reports.', '... передает корреспондент ИА REGNUM'.
_SELF_CREDIT = re.compile(
    r"[,.–—]\s+(?P<outlet>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}?)(?:\s+correspondent)?\s+reports\b"
    r"(?!\s+(?:that|on|of|about|from))"
    r"|(?:передает|передаёт|сообщает)\s+(?:(?:собственный\s+)?корреспондент\s+(?P<outlet2>(?:ИА\s+)?[A-ZА-ЯЁ][\w.-]*)"
    r"|(?P<outlet3>[A-Za-z][\w-]*\.(?:kz|ru|uz|kg|by|com|net))\b)")
#: 'MENAFN provides the information "as is" ...': the syndicator's disclaimer.
_PROVIDER = re.compile(r"^(?P<outlet>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}) provides (?:the|this)\b")
_BYLINE_START = re.compile(r"^(?:by\s+[A-ZА-ЯЁ]|(?:author|written by|posted by|автор|текст)\s*:?\s+[A-ZА-ЯЁ])", re.I)
_DATE_IN_LINE = re.compile(_DATE_ANY, re.I)
#: Every date shape (:data:`kzru_lib.loading.DATE_SHAPES`) holds a year of four digits: a line without four digits in
#: a row holds no date, found at once (a search of :data:`_DATE_IN_LINE` tries every shape at every position)
_FOUR_DIGITS = re.compile(r"\d{4}")
#: What is left of a short line once its dates, times, numbers and month names are taken out: at most
#: :data:`_DATED_FURNITURE_WORDS` words and no preposition that would tie the date to something said
#: ('In focus 16 April 2024 1212', '8 ноября 2022 г. 16:11 / Эхо Москвы', 'Kazakhstan Materials 9 November 2023
#: 16:35 (UTC +04:00)', '15 May, 2023 05:31 / Updated 2 years ago'; not 'Population on 1 January 2023').
_DATED_FURNITURE_WORDS = 3
_NOT_FURNITURE = frozenset("on as of since until till from to before after by at for и на по с со до к от за в во "
                           "около".split())
_WORD_RUN = re.compile(r"[^\W\d_]+")
_CLOCKS = re.compile(_CLOCK, re.I)
_MONTH_WORDS = frozenset(MONTHS)


def _dated_furniture(s: str) -> str | None:
    """The ISO date of a short line that is a date amid page furniture (:data:`_DATED_FURNITURE_WORDS`), or None."""
    m = _DATE_IN_LINE.search(s) if _FOUR_DIGITS.search(s) else None
    if not m:
        return None
    rest = _CLOCKS.sub(" ", _DATE_IN_LINE.sub(" ", s))
    words = [w for w in _WORD_RUN.findall(rest) if w.lower().rstrip(".") not in _MONTH_WORDS]
    if len(words) > _DATED_FURNITURE_WORDS or any(w.lower() in _NOT_FURNITURE for w in words):
        return None
    return parse_date(m.group(0))


#: "Today" with the day's date right after it ("сегодня, 9 января 2024 года, назвали", "today, 9 January 2024").
_TODAY_DATE = re.compile(rf"(?<![^\W\d_])(?:сегодня|today)\s*,?\s+{_WEEKDAY}(?P<date>{_DATE_ANY})", re.I)


def _says_today(s: str) -> bool:
    """Whether ``s`` holds 'сегодня' or 'today' in any case, as :data:`_TODAY_DATE` finds them (a case-folded search,
    many times faster than the regex's scan): every character its case-insensitive match takes for a letter of these
    words case-folds to that letter (the letter in either case; U+1C81-U+1C83 for 'д', 'о', 'с'; a test checks every
    code point), so a line without them case-folded holds no match."""
    folded = s.casefold()
    return "today" in folded or "сегодня" in folded


#: An author box after the story: a bio sentence that opens with the author's name or 'is a ...'.
_BIO = re.compile(r"^(?:[A-ZА-ЯЁ][\w'’-]+\s+){1,3}(?:is|was|has been|writes|covers|reports|является|работает|"
                  r"пишет)\b|^(?:he|she|они|он|она) (?:is|was|covers|writes|является|работает)\b", re.I)
_NAME = re.compile(r"^[A-ZА-ЯЁ][\w'’.-]+(?:\s+[A-ZА-ЯЁ][\w'’.-]+){1,3}$")
#: Reasons of pattern rows that drop notices written as sentences (a wrapped line continuing one goes too).
_SENTENCE_FURNITURE = frozenset({"credit", "comments_policy", "cookie_notice", "newsletter", "ad", "social",
                                 "error_report"})
_UPPER_PLACE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ' -]{1,30}$")
_MENU_SPLIT = re.compile(r"\s*\|\s*|\s+[/>»·•]\s+|\s*[/>»|]\s*$|^\s*[•·]\s*")
_DOMAIN_HOST = re.compile(r"^(?:https?://)?(?:www\.)?", re.I)
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?", re.I)
_AGENCY_WORDS = re.compile(r"\s+(?:news\s+agency|agency|correspondent|information agency)$|^ИА\s+", re.I)


#: An item of a page's keyword list: one to three lower-case words ("china", "south korea", "trade partners").
_TAG_ITEM = re.compile(r"[a-zа-яё][\w'’-]*(?: [a-zа-яё][\w'’-]*){0,2}")


def _tag_list(s: str) -> bool:
    """A page's keywords with no label ("afghanistan, china, kazakhstan, russia, trade, trade partners"): five or more
    comma-separated items of one to three lower-case words, nothing else (no sentence, no number)."""
    items = [i.strip() for i in s.split(",")]
    return len(items) >= 5 and all(_TAG_ITEM.fullmatch(i) and not _FUNCTION_WORDS.intersection(i.split())
                                   for i in items)  # ("exports of oil, gas, metals, grain and fertilizers" is prose)


#: Words of prose that a keyword list does not hold.
_FUNCTION_WORDS = frozenset("a an and or of the in on to for with by from as at is are was were и или в на с по из к о "
                            "за для от до что как".split())


def _menu_like(s: str, n_words: int) -> bool:
    """A menu or breadcrumb: short items between separators ('Asia | Economy | Central Asia', 'Transcripts /')."""
    if n_words > 12:
        return False
    if s[0] in "•·" or s[-1] in "/>»|":
        return n_words <= 4
    parts = [p for p in _MENU_SPLIT.split(s) if p and p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def _looks_cut(raw: str, s: str, n_words: int) -> bool:
    """A line cut mid-sentence by the scrape: prose words (mostly lower case) and no closing mark."""
    if n_words < 2 or _last_mark(s) in _SENT_MARKS or not (s[0].isalnum() or s[0] in "\"'«“"):
        return False
    words = s.split()
    lower = sum(1 for w in words[1:] if w[:1].islower())
    # (or a whole sentence, then the cut one: "Uranium production ceased at Rio Tinto's Ranger mine in January 2021.
    # However, Aus", whose names are capitalised)
    return (words[-1][:1].islower() or raw.endswith(" ") or n_words >= 8) and (
        2 * lower >= len(words) - 1 or n_words >= 8 and _INNER_SENTENCE_END.search(s) is not None)


#: A sentence's end inside a line, the next sentence going on after it ("... in January 2021. However, Aus").
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{3,}[.!?]\s+[A-ZА-ЯЁ]|\d{4}[.!?]\s+[A-ZА-ЯЁ]")


def _wrap_groups(stripped: list[str], labels: list[str]) -> list[list[int]]:
    """Hard-wrapped paragraphs: runs of undecided lines that continue one another.

    A line continues the one above when that one has no closing mark and it starts in lower case
    (with more than one word). Within a segment of lines without closing marks, where at least two
    and at least half of the breaks are such, every line near the segment's width joins the next
    (wire copy wrapped at a width).
    """
    # blank and dropped lines are looked through: the kept text, cleaned again, is grouped alike
    block = [i for i, label in enumerate(labels) if label == "?"]
    groups: list[list[int]] = []
    if len(block) >= 2:
        # segments: runs whose breaks all lack a closing mark (a sentence end may end a paragraph)
        segments: list[list[int]] = [[block[0]]]
        for a, b in zip(block, block[1:], strict=False):
            if _sent_end(stripped[a]):
                segments.append([b])
            else:
                segments[-1].append(b)
        for seg in segments:
            if len(seg) < 2:  # a group has two lines or more
                continue
            lower = [stripped[b][:1].islower() and " " in stripped[b] for b in seg[1:]]
            wrapped = sum(lower) >= 2 and 2 * sum(lower) >= len(lower)
            width = max(len(stripped[i]) for i in seg)
            group = [seg[0]]
            for k, b in enumerate(seg[1:]):
                # in wrapped copy a line breaks near the width; a short line above (a title) does not join
                if lower[k] or (wrapped and len(stripped[seg[k]]) >= 0.6 * width):
                    group.append(b)
                else:
                    if len(group) >= 2:
                        groups.append(group)
                    group = [b]
            if len(group) >= 2:
                groups.append(group)
    return groups


_AGENCIES: frozenset | None = None


def _news_agencies() -> frozenset:
    """The news agencies of ``data/news_agencies.txt`` (case-folded), read once."""
    global _AGENCIES
    if _AGENCIES is None:
        text = resources.files("kzru_lib.data").joinpath("news_agencies.txt").read_text(encoding="utf-8")
        _AGENCIES = frozenset(line.strip().casefold() for line in text.splitlines()
                              if line.strip() and not line.startswith("#"))
    return _AGENCIES


def _agency_dateline(rest: str):
    for rx in _AGENCY_DATELINES:
        m = rx.match(rest)
        if m and (m.group("date") or m.group("place").isupper()):
            return m
    return None


@dataclass
class DocAudit:
    """The cleaning decisions for one article (internal; :func:`audit_lines` returns them as a table)."""

    doc_id: str
    lines: list[str]
    labels: list[str]
    reasons: list[str]
    rules: list[str]
    kept_start: list[int]
    metadata: dict = field(default_factory=dict)

    @property
    def kept_text(self) -> str:
        return "\n".join(
            line[start:].strip()
            for line, label, start in zip(self.lines, self.labels, self.kept_start, strict=True)
            if label in KEPT_LABELS
        )


# --------------------------------------------------------------------------------------------
# The pattern table
# --------------------------------------------------------------------------------------------


@dataclass
class PatternTable:
    """Compiled boilerplate patterns, tried in table order (the first matching row decides)."""

    frame: pd.DataFrame
    short: list[re.Pattern | None]  # [n]: the line/start rows allowing n words (max_words >= n), one anchored regex
    anchored: re.Pattern | None  # line/start rows without max_words
    # [n]: the contains rows allowing n words (the last entry: longer lines) as (row, regex, requires),
    # after the words a line must hold one of for any of them to be tried (None: no such words)
    contains: list[tuple[tuple[str, ...] | None, list[tuple[int, re.Pattern, tuple[str, ...]]]]]
    prompts: list[tuple[re.Pattern, tuple[str, ...]]]
    groups: dict[str, int]  # group name -> row
    reasons: list[tuple[str, str]]  # row -> (reason, rule)
    line_cache: dict = field(default_factory=dict, repr=False, compare=False)  # line -> first-pass verdict


def _read_pattern_csv(path) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise KzruError(f"{path}: pattern file does not exist") from None
    except Exception as exc:  # pandas raises several parser errors
        raise KzruError(f"{path}: pattern file is not a readable CSV ({exc})") from None
    missing = [c for c in ("reason", "match", "pattern") if c not in frame.columns]
    if missing:
        raise KzruError(f"{path}: pattern file lacks column(s) {', '.join(missing)} "
                        f"(expected {', '.join(PATTERN_COLUMNS)})")
    frame["source"] = Path(path).name if isinstance(path, (str, os.PathLike)) else "patterns"
    frame["row"] = range(2, len(frame) + 2)
    return frame


def load_patterns(
    extra: str | os.PathLike | pd.DataFrame | PatternTable | None = None,
    *,
    folder: str | os.PathLike | None = None,
) -> PatternTable:
    """The boilerplate pattern table: the user's rows (which take precedence), then the shipped ones.

    Args:
        extra: a CSV path or DataFrame with columns ``reason``, ``match``, ``pattern`` and optionally
            ``max_words``, ``flags``, ``requires``, ``note``.
        folder: a corpus folder; a ``boilerplate_patterns.csv`` inside it is added too.

    Returns:
        A compiled :class:`PatternTable`; its ``frame`` is the readable table with ``source`` and ``row``.

    Raises:
        KzruError: a missing file or column, an unknown ``match`` kind or an invalid regular expression
            (the message names the file and row).
    """
    if isinstance(extra, PatternTable):
        return extra
    with resources.files("kzru_lib.data").joinpath("boilerplate_patterns.csv").open("rb") as fh:
        shipped = _read_pattern_csv(fh)
    shipped["source"] = SHIPPED_SOURCE
    frames = []
    if folder is not None and (Path(folder) / "boilerplate_patterns.csv").exists():
        frames.append(_read_pattern_csv(Path(folder) / "boilerplate_patterns.csv"))
    if isinstance(extra, pd.DataFrame):
        user = extra.fillna("").astype(str).copy()
        user["source"] = "user table"
        user["row"] = range(1, len(user) + 1)
        frames.append(user)
    elif extra is not None:
        frames.append(_read_pattern_csv(extra))
    frame = pd.concat([*frames, shipped], ignore_index=True)
    for col in PATTERN_COLUMNS:
        if col not in frame.columns:
            frame[col] = ""
    frame = frame.fillna("")
    return _compile(frame)


SHIPPED_SOURCE = "kzru_lib/data/boilerplate_patterns.csv"


def user_pattern_rows(table: PatternTable) -> list[dict]:
    """The rows a user added to the shipped pattern table, as plain dicts (to store with a corpus)."""
    frame = table.frame[table.frame["source"] != SHIPPED_SOURCE]
    return frame[list(PATTERN_COLUMNS)].to_dict("records")


def _compile(frame: pd.DataFrame) -> PatternTable:
    short_parts, anchored_parts, contains, prompts = [], [], [], []
    groups: dict[str, int] = {}
    reasons = []
    for i, row in enumerate(frame.itertuples(index=False)):
        where = f"{row.source}, row {row.row}"
        if row.match not in MATCH_KINDS:
            raise KzruError(f"{where}: match must be one of {', '.join(MATCH_KINDS)}, not {row.match!r}")
        try:
            max_words = int(float(row.max_words)) if str(row.max_words).strip() else None
        except ValueError:
            raise KzruError(f"{where}: max_words must be a whole number, not {row.max_words!r}") from None
        case = "(?i:" if "i" in str(row.flags) else "(?:"
        try:
            compiled = re.compile(case + row.pattern + ")")
        except re.error as exc:
            raise KzruError(f"{where}: invalid regular expression {row.pattern!r} ({exc})") from None
        rule = f"pattern:{row.source}:{row.row}"
        reasons.append((row.reason, rule))
        requires = tuple(t.lower() for t in str(row.requires).split("|") if t) if row.requires else ()
        name = f"p{i}"
        if row.match in ("line", "start"):
            groups[name] = i
            part = f"(?P<{name}>{case}{row.pattern}))" + (r"\s*$" if row.match == "line" else "")
            if max_words is None:
                anchored_parts.append(part)
            else:
                short_parts.append((max_words, part))
        elif row.match == "contains":
            contains.append((i, compiled, requires, max_words))
        else:
            prompts.append((compiled, requires))

    def join(parts: list[str]) -> re.Pattern | None:
        return re.compile(r"^\s*(?:" + "|".join(parts) + ")") if parts else None

    # a line is tried only against the rows that allow its length (long lines skip most of them)
    short = [join([p for mw, p in short_parts if mw >= n]) for n in range(max((mw for mw, _ in short_parts), default=0) + 1)]
    buckets = []
    for n in range(max((mw or 0 for *_, mw in contains), default=0) + 2):
        rows = [(i, rx, req) for i, rx, req, mw in contains if mw is None or n <= mw]
        words = {w for *_, req in rows for w in req}
        words = tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))  # 'подписк' needs 'подпис'
        buckets.append((words if rows and all(r[2] for r in rows) else None, rows))
    return PatternTable(frame=frame, short=short, anchored=join(anchored_parts), contains=buckets,
                        prompts=prompts, groups=groups, reasons=reasons)


def _match_pattern(table: PatternTable, line: str, n_words: int) -> tuple[str, str] | None:
    """The first table row (in table order) that matches ``line`` and allows its length.

    A ``contains`` row with ``requires`` words is tried only on a line holding one of them (most
    lines hold none of any row's, which one search finds).
    """
    best = None
    for regex in (table.short[n_words] if n_words < len(table.short) else None, table.anchored):
        m = regex.match(line) if regex is not None else None
        if m:
            row = table.groups[m.lastgroup]
            best = row if best is None else min(best, row)
    words, rows = table.contains[min(n_words, len(table.contains) - 1)]
    low = line.lower()
    if words is None or any(map(low.__contains__, words)):
        for row, compiled, requires in rows:
            if best is not None and row > best:
                break
            if requires and not any(map(low.__contains__, requires)):
                continue
            if compiled.search(line):
                best = row
                break
    return table.reasons[best] if best is not None else None


def _is_prompt(table: PatternTable, line: str, low: str) -> bool:
    if not line.rstrip().endswith(":"):
        return False
    return any((not req or any(t in low for t in req)) and rx.search(line) for rx, req in table.prompts)


# --------------------------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------------------------


def _n_words(stripped: str) -> int:
    """``len(stripped.split())`` for a stripped line, without making the words.

    Every whitespace character but the plain space is unprintable, so a printable line without
    two spaces in a row has one word more than it has spaces.
    """
    if stripped.isprintable() and "  " not in stripped:
        return stripped.count(" ") + 1 if stripped else 0
    return len(stripped.split())


def _headline_like(line: str, n_words: int, *, max_words: int = 20) -> bool:
    return 1 <= n_words <= max_words and not _headline_end(line) and not _NUMBER.match(line)


def _paragraph_like(line: str, n_words: int) -> bool:
    return n_words >= 16 or (n_words >= 4 and _sent_end(line) and not line.rstrip().endswith(":"))


def _script(text: str) -> str | None:
    if text.isascii():  # no Cyrillic: Latin when it has a letter (found at once, not counted)
        return "latin" if _ASCII_LETTER.search(text) else None
    cyr, lat = script_counts(text)
    if lat + cyr == 0:
        return None
    return "latin" if lat >= cyr else "cyrillic"


def _clean_outlet(name: str) -> str:
    name = _AGENCY_WORDS.sub("", name.strip().strip("«»\"'/.:, ").strip()).strip()
    return re.sub(r"\.(?:kz|ru|com|org|net|info|news|uz|kg|tj|by|ua|az|am|ge|media|tv)$", "", name)


_LINE_CACHE_CHARS = 200  # lines up to this length have their verdict cached on the pattern table
_LINE_CACHE_SIZE = 100_000  # the cache is emptied when it grows past this many lines


def _date_fields(s: str) -> str | None:
    """The date a line of short '|'-separated fields gives when one of them is a labelled date ('Reuters | Bishkek |
    Updated: 18-09-2022 11:47 IST | Created: 18-09-2022 11:47 IST': ``2022-09-18``): the published or created date
    before an updated one. None when a field is neither a labelled date nor a few words (the line says something)."""
    dated, updated = None, None
    for part in s.split("|"):
        part = part.strip(" •·")
        if m := _DATE_FIELD.match(part):
            if _UPDATED.match(m.group("label")):
                updated = updated or parse_date(m.group("date"))
            else:
                dated = dated or parse_date(m.group("date"))
        elif len(part.split()) > _FIELD_WORDS or _sent_end(part):
            return None
    return dated or updated


def _line_verdict(table: PatternTable, s: str, n_words: int) -> tuple:
    """What the first pass decides from one stripped, non-empty line alone.

    Returns ``("date", iso or None, rule)`` for a date line, ``("meta", reason, rule, iso, outlet,
    place)`` for a dateline or agency byline line, ``("hit", reason, rule)`` for a pattern row, or
    ``("ok", key, widget, script)``: the line's key for duplicate detection (prefixes removed,
    case-folded), whether it is a numeric widget, and its script (for lines of 12 words or fewer).
    """
    if len(s) <= 80:
        m = DATE_LINE.match(s)
        if m:
            return ("date", parse_date(m.group("date")), "date_line")
        extra = _DATE_LINE_EXTRA.match(s) if _DIGIT.search(s) else None
        if extra and (not extra.group("place") or len(extra.group("place").split()) <= 6):
            return ("date", parse_date(extra.group("date") or extra.group("date2")), "date_line_extra")
        if extra is None and _DIGIT.search(s):
            m = _DATE_CREDIT_LINE.match(s)
            if m:
                return ("date", parse_date(m.group("date")), "date_credit_line")
            if _TIMESTAMP.match(s):
                return ("date", None, "timestamp_line")
    if "|" in s and n_words <= 30 and _DIGIT.search(s) and (fields := _date_fields(s)) is not None:
        return ("date", fields, "date_fields_line")
    hit = _match_pattern(table, s, n_words)
    if hit:
        return ("hit", hit[0], hit[1])
    if n_words >= 5 and s[0].islower() and "," in s and _tag_list(s):
        return ("hit", "tags", "tag_list")
    if n_words <= 8 and _DIGIT.search(s):
        m = _DATELINE_ONLY.match(s)
        if m:
            date = m.group("date")
            return ("meta", "dateline", "dateline_line", parse_date(date) if re.search(r"\d{4}", date) else None,
                    m.group("agency"), m.group("place").split(",")[0].strip())
        m = _AGENCY_BYLINE_LINE.match(s)
        if m and len(m.group("rest").split()) <= 4 and _last_mark(m.group("rest")) not in ".!?…" \
                and m.group("outlet").casefold() in _news_agencies():
            return ("meta", "byline", "agency_byline", parse_date(m.group("date")), m.group("outlet"), None)
    if n_words <= 14 and _BYLINE_START.match(s) and _DIGIT.search(s):
        m = _DATE_IN_LINE.search(s)
        if m and parse_date(m.group(0)):  # 'By John Smith | 12 March 2024', 'Автор: Иван Петров, 12.03.2024'
            return ("meta", "byline", "byline_date", parse_date(m.group(0)), None, None)
    if n_words <= 8 and s[:3].lower() == "by ":
        m = _BYLINE_AGENCY.match(s)
        if m:
            return ("meta", "byline", "agency_byline", None, _clean_outlet(m.group("outlet")), None)
    if n_words <= 10 and "MENAFN" in s:
        m = _MENAFN.search(s)
        if m:
            return ("meta", "byline", "agency_byline", None, _clean_outlet(m.group("outlet")), None)
    if n_words <= 12 and len(s) <= 80 and _DIGIT.search(s) and (iso := _dated_furniture(s)):
        return ("date", iso, "dated_furniture_line")
    key = _without_prefixes(s, DATE_PREFIX).casefold()
    if len(key) <= _LINE_CACHE_CHARS and not key.isascii():  # a headline repeated with other quote marks
        key = _straight_quotes(key)
    widget = False
    if n_words <= 30 and not _sent_end(s) and _DIGIT.search(s):
        # a date's day and year are one date, not two numbers ("Kazakhstan's population on 1 January 2023"); the
        # dates are looked for only when the line has two numbers (a date's "date" only takes numbers away)
        tokens = s.split()
        if _FOUR_DIGITS.search(s) and sum(1 for t in tokens if _NUMBER.match(t)) >= 2:
            tokens = _DATE_IN_LINE.sub("date", s).split()
        widget = _mostly_numbers(tokens, 2)
    return ("ok", key, widget, _script(s) if n_words <= 12 else None)


def clean_text(text: str, *, doc_id: str = "", patterns: PatternTable | None = None) -> DocAudit:
    """Label the lines of one normalised article (structure and patterns; no cross-article evidence).

    Args:
        text: the article, already normalised (:func:`kzru_lib.loading.normalize_text`).
        doc_id: carried into the result.
        patterns: a compiled table from :func:`load_patterns` (default: the shipped one).

    Returns:
        A :class:`DocAudit` with one label, reason, rule and ``kept_start`` per line, and the
        metadata read from the text (``title``, ``outlet``, ``dateline``, ``published``).
    """
    table = patterns or _default_patterns()
    lines = text.split("\n")
    n = len(lines)
    labels = [""] * n
    reasons = [""] * n
    rules = [""] * n
    kept_start = [0] * n
    meta: dict = {}
    stripped = [ln.strip() for ln in lines]
    # what each line is judged on: the line without a scraper's date prefix (' date 2024-11-28 ...')
    judged = list(stripped)
    if printable_lines(text):  # so is every line: _n_words without its check per line
        n_words = ([s.count(" ") + 1 if s else 0 for s in stripped] if "  " not in text else
                   [(s.count(" ") + 1 if "  " not in s else len(s.split())) if s else 0 for s in stripped])
    else:
        n_words = [_n_words(s) if s else 0 for s in stripped]
    doc_script = _script(text[:5000])
    published_line = -1

    def drop(i: int, label: str, reason: str, rule: str) -> None:
        labels[i], reasons[i], rules[i] = label, reason, rule

    def set_published(iso: str | None, i: int, *, force: bool = False) -> None:
        nonlocal published_line
        if iso and (force or "published" not in meta):
            meta["published"], published_line = iso, i

    seen: dict[str, int] = {}
    cache = table.line_cache
    if len(cache) > _LINE_CACHE_SIZE:
        cache.clear()
    for i, s in enumerate(stripped):
        if not s:
            labels[i] = rules[i] = "blank"
            continue
        if s[0] in _PREFIX_START:
            m = DATE_PREFIX.match(lines[i])
            if m and lines[i][m.end():].strip() and parse_date(m.group("date")):
                set_published(parse_date(m.group("date")), i)
                kept_start[i] = m.end()
                s = judged[i] = lines[i][m.end():].strip()
                n_words[i] = _n_words(s)
            elif (m := _GLUED_CREDIT.match(lines[i])) and _n_words(lines[i][m.end():]) >= _GLUED_WORDS:
                # a photo credit the scrape glued to a paragraph ("Фото: Maxim Studio/Shutterstock/FotodomБолее 50
                # международных компаний ..."): the credit dropped, the paragraph kept
                kept_start[i], rules[i] = m.end(), "credit_prefix"
                s = judged[i] = lines[i][m.end():].strip()
                n_words[i] = _n_words(s)
        # what depends on the line alone is computed once per distinct short line (site furniture
        # repeats across articles); long lines are unique and computed directly
        verdict = cache.get(s) if len(s) <= _LINE_CACHE_CHARS else None
        if verdict is None:
            verdict = _line_verdict(table, s, n_words[i])
            if len(s) <= _LINE_CACHE_CHARS:
                cache[s] = verdict
        kind = verdict[0]
        if kind == "date":
            drop(i, "metadata", "dateline", verdict[2])
            # the site's own date line wins over a scraper's date prefix on the same line, but not a date it updated
            # ("Опубликовано 12 марта 2024, 14:35 | Обновлено 13 марта 2024": published on the 12th); an article's
            # date line with its time, near the top, wins over a bare date the page opens with (the site's header
            # shows the day it was scraped: "Sunday, 19 May, 2024 | In Stepanakert: +6 °C ... Sunday, 31 December,
            # 2023, 09:54")
            header = (0 <= published_line < _HEADER_DATE_LINES and i < _TIMED_DATE_LINES
                      and kept_start[published_line] == 0 and not _CLOCKS.search(stripped[published_line])
                      and _CLOCKS.search(s) and not _UPDATED.match(s))
            set_published(verdict[1], i, force=header or (
                kept_start[i] > 0 and verdict[1] is not None and not _UPDATED.match(s)))
            continue
        if kind == "meta":
            _, reason, rule, iso, outlet, place = verdict
            drop(i, "metadata", reason, rule)
            set_published(iso, i)
            if outlet:
                meta.setdefault("outlet", outlet)
            if place:
                meta.setdefault("dateline", place)
            continue
        if kind == "hit":
            drop(i, "boilerplate", verdict[1], verdict[2])
            continue
        _, key, widget, line_script = verdict
        if n_words[i] >= 4 and key in seen:
            drop(i, "boilerplate", "duplicate", f"duplicate:of_line_{seen[key] + 1}")
            continue
        seen.setdefault(key, i)
        if widget and not (s[:1].islower() and i and _wrapped_prose(judged[i - 1])):
            # (a line that goes on from a prose line before it, its sentence hard-wrapped, is no widget: "... has
            # reached / nearly 7 percent annually, with rates of 5.5 percent in 2021, 9")
            drop(i, "boilerplate", "widget", "numeric_widget")
            continue
        if doc_script and line_script and n_words[i] <= 12 and not (doc_script == "latin" and s.isascii()) \
                and line_script != doc_script:
            drop(i, "boilerplate", "foreign_script", "foreign_script")
            continue
        labels[i] = "?"
    # A table (a header row, a rule of dashes, rows) is the story's data, whatever its rows look like on their own
    # (short lines, numbers): kept, before the rules for headings and lists of links read them.
    for head, rule, rows in _tables(stripped) if "|" in "".join(stripped) else ():
        drop(rule, "boilerplate", "widget", "table_rule")
        for j in (head, *rows):
            labels[j], reasons[j], rules[j] = "body", "", "table_row"
    # A number-shaped line ("USD115", "10 $ 30 $") is page furniture only on a page: a document
    # that is that one line (a sentence, a caption, a post) is its own content.
    nonblank = [i for i in range(n) if labels[i] != "blank"]
    if len(nonblank) == 1 and reasons[nonblank[0]] == "widget" and _DIGIT.search(judged[nonblank[0]]):
        labels[nonblank[0]], reasons[nonblank[0]], rules[nonblank[0]] = "?", "", ""

    # Hard-wrapped paragraphs (wire copy, disclaimers): lines that continue one another are judged
    # as one paragraph, so short wrapped lines are not taken for headings or a list of links.
    joined: dict[int, str] = {}
    for members in _wrap_groups(judged, labels):
        whole = " ".join(judged[j] for j in members)
        hit = _match_pattern(table, whole, _n_words(whole))
        for j in members:
            if hit:
                drop(j, "boilerplate", hit[0], hit[1] + ":wrapped")
            else:
                joined[j] = whole
    # ... and a wrapped line that continues a notice dropped by a pattern (a disclaimer) goes with it
    for i in range(n):
        if reasons[i] not in _SENTENCE_FURNITURE or not rules[i].startswith("pattern:"):
            continue
        for step in (1, -1):
            j = i
            while 0 <= j + step < n and labels[j + step] == "?":
                a, b = (j, j + step) if step == 1 else (j + step, j)
                if _sent_end(judged[a]) or not judged[b][:1].islower() or " " not in judged[b]:
                    break
                j += step
                for k in [m for m in range(n) if joined.get(m) is not None and joined[m] == joined.get(j)] or [j]:
                    drop(k, "boilerplate", reasons[i], rules[i] + ":wrapped")

    candidates = [i for i in range(n) if labels[i] == "?"]
    # what the rules below ask of an undecided line, worked out once (None: not asked)
    is_para: list[bool | None] = [None] * n
    is_headline: list[bool | None] = [None] * n  # headline-like, up to 25 words
    for i in candidates:
        is_para[i] = i in joined or _paragraph_like(judged[i], n_words[i])
        is_headline[i] = i not in joined and _headline_like(judged[i], n_words[i], max_words=25)

    def para(i: int) -> bool:
        return is_para[i]

    def headline(i: int, max_words: int = 20) -> bool:
        return is_headline[i] and n_words[i] <= max_words
    # A question or an exclamation as the first line, with a date or byline right under it, is the title
    # (of two words or more: a lone word is furniture before the title with or without the date under it).
    if candidates:
        i0 = candidates[0]
        under = next((j for j in range(i0 + 1, n) if labels[j] != "blank"), None)
        if (2 <= n_words[i0] <= 15 and _HAS_LETTER.search(judged[i0]) and judged[i0].rstrip().endswith(("?", "!"))
                and under is not None
                and labels[under] == "metadata"):
            drop(i0, "title", "", "title")
            meta["title"] = judged[i0]
            candidates = candidates[1:]
    paras = [i for i in candidates if para(i)]
    first_para = paras[0] if paras else n

    # The header (before the first paragraph): page furniture, then the title, then a standfirst,
    # bylines and credits. Menus, form labels and lone words before the title are furniture.
    looking = True
    for k, i in enumerate(candidates):
        if i >= first_para:
            break
        s, nw = judged[i], n_words[i]
        nxt = candidates[k + 1] if k + 1 < len(candidates) else None
        if nw <= 3 and _UPPER_PLACE.match(s):  # 'MOSCOW': a dateline (or a label) on its own
            drop(i, "metadata", "dateline", "dateline_line")
            if nxt == first_para:
                meta.setdefault("dateline", s.title() if len(s) > 3 else s)
            continue
        if _menu_like(s, nw):
            drop(i, "boilerplate", "nav_menu", "header_menu")
            continue
        if nw <= 3 and s.endswith(":"):
            drop(i, "boilerplate", "widget", "header_label")
            continue
        if not looking:
            continue
        if nw == 1 and nxt is not None:
            drop(i, "boilerplate", "nav_menu", "header_word")
            continue
        looking = False
        if headline(i, max_words=25) and nw >= 2 and nxt is not None:
            drop(i, "title", "", "title")
            meta["title"] = s

    # Lists at the end: after a 'Read also' header, or after a dated teaser (latest news).
    und = [j for j in candidates if labels[j] == "?"]
    longest = [0] * (len(und) + 1)  # longest[k]: the most words in und[k:] (a joined line counts as long)
    for k in range(len(und) - 1, -1, -1):
        words = 10**6 if und[k] in joined else n_words[und[k]]
        longest[k] = words if words > longest[k + 1] else longest[k + 1]
    story_seen = False  # a list at the end comes after story text (beyond the first paragraph), never before
    for i in range(first_para + 1, n):
        if labels[i] == "?" and para(i):
            story_seen = True
        if labels[i] not in ("boilerplate", "metadata") or not story_seen:
            continue
        k = bisect.bisect_right(und, i)
        if k == len(und) or longest[k] > (20 if labels[i] == "boilerplate" else 30):
            continue
        after = und[k:]
        if reasons[i] == "related_links" and n_words[i] <= 4:
            for j in after:
                drop(j, "boilerplate", "related_links", "after_related_header")
            break
        if rules[i] in ("date_line", "date_line_extra") and not any(
                j in joined or (n_words[j] >= 12 and judged[j].rstrip().endswith((".", "!"))) for j in after):
            # teasers are headlines; full sentences after a date line are the story going on
            drop(i, "boilerplate", "related_links", "latest_news_list")
            for j in after:
                drop(j, "boilerplate", "related_links", "latest_news_list")
            if published_line == i:
                meta.pop("published", None)
            break

    # An author box after the story: a name line (and an agency tag), then a short biography.
    for i in candidates:
        if i <= first_para or labels[i] != "?" or not (2 <= n_words[i] <= 4) or not _NAME.match(judged[i]):
            continue
        box = [j for j in candidates if i < j and labels[j] == "?"][:2]
        bio = next((j for j in box if _BIO.match(judged[j]) and n_words[j] <= 60), None)
        if bio is not None and judged[bio].split()[0].casefold() in {w.casefold() for w in judged[i].split()} | {
                "he", "she", "он", "она"}:
            for j in [i] + [j for j in box if j <= bio]:
                drop(j, "boilerplate", "credit", "author_box")
    # A last line cut by the scrape or a paywall is the story's text: kept.
    last = next((i for i in range(n - 1, -1, -1) if labels[i] != "blank"), -1)
    before = next((i for i in reversed(candidates) if i < last and labels[i] == "?"), None)
    if last >= 0 and labels[last] == "?" and _looks_cut(lines[last], judged[last], n_words[last]) and (
            lines[last].endswith(" ") or n_words[last] >= 8 or (
                before is not None and para(before) and (n_words[last] >= 5 or len(judged[last].split()[-1]) <= 3))):
        labels[last], rules[last] = "body", "cut_paragraph"

    candidates = [i for i in range(n) if labels[i] == "?"]
    # The article's end: after the last paragraph-like line, short lines are not the story.
    para_idx = [i for i in candidates if para(i)]
    end = para_idx[-1] if para_idx else (candidates[-1] if candidates else -1)
    if labels[last] == "body" and rules[last] == "cut_paragraph":
        end = max(end, last)
    # ... unless a sentence after it introduces a list of data, which ends the story ("Спикер уточнил, сколько иностранных
    # граждан ... въехало в Казахстан с начала года: / - из России – 1 млн 700 тыс. (39 %)")
    after = [i for i in candidates if i > end]
    if len(after) >= 3 and stripped[after[0]].endswith(":") and n_words[after[0]] >= _INTRO_WORDS:
        items = list(itertools.takewhile(lambda i: LIST_MARK.match(stripped[i]) or DATA_ITEM.match(stripped[i]), after[1:]))
        if len(items) >= 2 and _data_list(items, stripped, True):
            end = items[-1]
    tail = [i for i in candidates if i > end]
    for j, i in enumerate(tail):
        run = (j > 0 and tail[j - 1] == i - _gap(labels, tail[j - 1], i)) or (
            j + 1 < len(tail) and tail[j + 1] == i + _gap(labels, i, tail[j + 1]))
        if (len(tail) >= 2 or run) and not (stripped[i].isupper() or n_words[i] <= 2):
            drop(i, "boilerplate", "related_links", "after_end_run")
        else:
            drop(i, "boilerplate", "credit", "after_end_single")
    # Credits after the story can name the outlet ('Based on materials from TASS', 'Source: X').
    for i in range(first_para + 1, n):
        if reasons[i] in ("credit", "related_links") and labels[i] == "boilerplate":
            m = _CREDIT_OUTLET.match(stripped[i])
            if m:
                meta.setdefault("outlet", _clean_outlet(m.group("outlet")))
    for i in range(first_para + 1, n):
        if labels[i] == "boilerplate" and reasons[i] == "credit" and n_words[i] == 1 and _DOMAIN.fullmatch(stripped[i]):
            meta.setdefault("outlet", _clean_outlet(_DOMAIN_HOST.sub("", stripped[i]).split("/")[0]))
    if "outlet" not in meta:
        singles = [stripped[i] for i in range(n) if rules[i] == "after_end_single" and n_words[i] <= 3]
        if singles and (re.fullmatch(r"[A-Z][\w.-]+", singles[0]) or _DOMAIN.fullmatch(singles[0])) \
                and singles[0].lower() not in _GENERIC_CREDITS:
            meta["outlet"] = _clean_outlet(singles[0])

    # Inside the article: headings, link prompts and lists of links.
    body = [i for i in candidates if i <= end]
    k = 0
    while k < len(body):
        i = body[k]
        s = judged[i]
        if table.prompts and k + 1 < len(body) and _is_prompt(table, s, s.lower()):
            labels[i], rules[i] = "body", rules[i] or ""
            k += 1
            while k < len(body) and headline(body[k]) and not para(body[k]):
                drop(body[k], "boilerplate", "related_links", "after_link_prompt")
                k += 1
            continue
        if headline(i) and not para(i) and i != end:
            run = [i]
            while k + len(run) < len(body) and headline(body[k + len(run)]) and not para(body[k + len(run)]):
                run.append(body[k + len(run)])
            intro = next((j for j in range(run[0] - 1, -1, -1) if labels[j] != "blank"), None)
            introduced = intro is not None and labels[intro] == "body" and stripped[intro].endswith(":")
            if (len(run) >= 3 or introduced) and _data_list(run, stripped, introduced):
                for r in run:  # a caption among them ("Темпы роста ВВП ... в 2023 году") is a heading
                    item = DATA_ITEM.match(stripped[r]) or LIST_MARK.match(stripped[r]) or (
                        FIELD_LABEL.match(stripped[r]) and _DIGIT.search(stripped[r]))  # ("Задержанные: более 300")
                    labels[r], reasons[r], rules[r] = ("body", "", "data_list") if item else ("heading", "", "heading")
            elif len(run) >= 3:
                for r in run:
                    drop(r, "boilerplate", "related_links", "heading_run")
            else:
                for r in run:
                    drop(r, "heading", "", "heading")
            k += len(run)
            continue
        labels[i] = "body"
        if i in joined and not rules[i]:
            rules[i] = "wrapped_paragraph"
        k += 1
    _read_text_metadata(lines, stripped, labels, reasons, rules, kept_start, meta, set_published)
    return DocAudit(doc_id, lines, labels, reasons, rules, kept_start, meta)


def _read_text_metadata(lines, stripped, labels, reasons, rules, kept_start, meta, set_published) -> None:
    """Outlet, dateline and date from the first paragraphs and the furniture around them (in place)."""
    n = len(lines)
    # Partial keep: date prefix, dateline and outlet byline at the start of the first paragraph.
    bodies = [i for i in range(n) if labels[i] == "body"]  # labels do not change here
    for i in bodies[:1]:
        line, start = lines[i], 0
        m = DATE_PREFIX.match(line)
        if m and parse_date(m.group("date")):
            set_published(parse_date(m.group("date")), i)
            start = m.end()
        rest = line[start:]
        m = _agency_dateline(rest)
        if m:
            meta["dateline"] = m.group("place").strip().rstrip(",.")
            meta.setdefault("outlet", _clean_outlet(m.group("agency")))
            if m.group("date"):
                set_published(parse_date(m.group("date")) if re.search(r"\d{4}", m.group("date")) else None, i)
            start += m.end()
        else:
            m = _MENAFN_PREFIX.match(rest)
            if m:  # '(MENAFN- Trend News Agency) ...'
                meta.setdefault("outlet", _clean_outlet(m.group("outlet")))
                start += m.end()
                rest = line[start:]
            m = _DATELINE.match(rest)
            if m:
                meta["dateline"] = m.group("place").strip().rstrip(",")
                agency = m.group("agency") or m.group("agency2") or m.group("agency3")
                if agency:
                    meta.setdefault("outlet", _clean_outlet(agency))
                date = m.group("dl_date") or m.group("dl_date3")
                if date and re.search(r"\d{4}", date):
                    set_published(parse_date(date), i)
                start += m.end()
            else:
                m = _PLAIN_DATELINE.match(rest)
                if m:  # 'ASTANA, Kazakhstan, June 18. ' (Trend's style)
                    meta["dateline"] = m.group("place").split(",")[0].strip()
                    if re.search(r"\d{4}", m.group("date")):
                        set_published(parse_date(m.group("date")), i)
                    start += m.end()
        m = _BYLINE.match(line[start:])
        if m:
            meta.setdefault("outlet", _clean_outlet(m.group("outlet")))
            start += m.end()
        if start:
            kept_start[i] = start
            rules[i] = "metadata_prefix"
    # "Today, 9 January 2024, ..." in the first paragraphs: the day the article was written.
    for i in bodies[:3] if "published" not in meta else ():
        m = _TODAY_DATE.search(stripped[i]) if _DIGIT.search(stripped[i]) and _says_today(stripped[i]) else None
        if m and parse_date(m.group("date")):
            set_published(parse_date(m.group("date")), i)
            break
    # A byline opening any paragraph (a repeated lead, say) also names the outlet.
    for i in bodies[1:3]:
        m = _BYLINE.match(lines[i])
        if m:
            meta.setdefault("outlet", _clean_outlet(m.group("outlet")))
            kept_start[i] = m.end()
            rules[i] = "metadata_prefix"
    # The agency's own credit in the first paragraphs: '..., Trend reports.', 'передает корреспондент X'.
    for i in bodies[:3] if "outlet" not in meta else ():
        low = stripped[i].lower()
        if "reports" not in low and "переда" not in low and "сообщает" not in low:
            continue
        m = _SELF_CREDIT.search(stripped[i])
        if m:
            meta.setdefault("outlet", _clean_outlet(m.group("outlet") or m.group("outlet2") or m.group("outlet3")))
            break
    # Furniture naming the publisher: '(MENAFN- Trend News Agency)', '© Agenzia Nova', an official site.
    for i in range(n):
        if "outlet" in meta:
            break
        if labels[i] in ("title", "heading", "body", "blank") and rules[i] != "metadata_prefix":
            continue
        for rx in (_MENAFN, _COPYRIGHT_OUTLET, _OFFICIAL_SITE, _BYLINE_AGENCY, _PROVIDER):
            m = rx.search(stripped[i])
            if m:
                meta.setdefault("outlet", _clean_outlet(m.group("outlet")))
                break


def _without_prefixes(line: str, date_prefix: re.Pattern) -> str:
    """The line without an opening date prefix, dateline or byline (so a repeated lead is seen as one)."""
    for rx in (date_prefix, _DATELINE, _BYLINE):
        m = rx.match(line)
        if m:
            line = line[m.end():]
    return line.strip()


def _gap(labels: list[str], a: int, b: int) -> int:
    """Distance from line a to line b if only blank lines lie between them, else -1."""
    return b - a if all(labels[x] == "blank" for x in range(a + 1, b)) else -1


_DEFAULT: PatternTable | None = None


def _default_patterns() -> PatternTable:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_patterns()
    return _DEFAULT


# --------------------------------------------------------------------------------------------
# A corpus
# --------------------------------------------------------------------------------------------


def _story_key(audit: DocAudit) -> str | None:
    """What identifies a story: its first long kept paragraph (syndicated copies share it).

    ``None`` when the article has no long paragraph: it is then a story of its own.
    """
    for line, label in zip(audit.lines, audit.labels, strict=True):
        if label == "body" and len(line) >= 120:
            # the first 200 characters of the key depend only on the line's opening: a prefix
            # long enough to give more than 200 gives the same first 200
            key = _words(line[:400].casefold())
            if len(key) <= 200:
                key = _words(line.casefold())
            return key[:200]
    return None


_NON_WORDS = re.compile(r"\W+")
_ASCII_NON_WORDS = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})


def _words(text: str) -> str:
    """``_NON_WORDS.sub(" ", text)``; an ASCII text without the regex: its non-word characters made
    spaces, then runs of spaces made one (several times faster)."""
    if not text.isascii():
        return _NON_WORDS.sub(" ", text)
    text = text.translate(_ASCII_NON_WORDS)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


@dataclass
class DocSummary:
    """What the cross-article pass needs from one cleaned article (internal; small to send between processes).

    Attributes:
        story: the story key (:func:`_story_key`); ``None``: a story of its own.
        kept_idx: indices of the kept lines, in order.
        kept_keys: each kept line, stripped and case-folded (the key for template detection).
        kept_labels: each kept line's label.
    """

    story: str | None
    kept_idx: list[int]
    kept_keys: list[str]
    kept_labels: list[str]

    @classmethod
    def of(cls, audit: DocAudit) -> DocSummary:
        idx = [i for i, label in enumerate(audit.labels) if label in KEPT_LABELS]
        return cls(_story_key(audit), idx, [audit.lines[i].strip().casefold() for i in idx],
                   [audit.labels[i] for i in idx])


def template_lines(docs: list[tuple[str, str, DocSummary]], *, min_stories: int = 3) -> dict[str, list[int]]:
    """Kept lines that are an outlet's template: repeated across several different stories.

    Args:
        docs: ``(doc_id, group, summary)`` per article; ``group`` is the outlet (``""`` when unknown).
        min_stories: a kept line found in at least this many different stories of one group is a
            template line. Syndicated copies of one story count once.

    Returns:
        ``{doc_id: [positions in summary.kept_idx of its template lines]}``, for articles that have any.
    """
    if len(docs) < min_stories:
        return {}
    # A first count of occurrences (in C) leaves only the lines seen at least min_stories times;
    # their stories are then told apart (syndicated copies of one story count once).
    seen: dict[str, Counter] = defaultdict(Counter)
    for _, group, summary in docs:
        seen[group].update(summary.kept_keys)
    frequent = {group: set(compress(counts, map((min_stories - 1).__lt__, counts.values())))
                for group, counts in seen.items()}
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    for doc_id, group, summary in docs:
        common = frequent[group]
        if common and not common.isdisjoint(summary.kept_keys):
            story = summary.story if summary.story is not None else "\x00" + doc_id  # no clash with a key
            for key in common.intersection(summary.kept_keys):
                where[(group, key)].add(story)
    template: dict[str, set[str]] = defaultdict(set)
    for (group, key), stories in where.items():
        if len(stories) >= min_stories:
            template[group].add(key)
    out: dict[str, list[int]] = {}
    for doc_id, group, summary in docs:
        keys = template.get(group)
        if keys and not keys.isdisjoint(summary.kept_keys):
            out[doc_id] = list(compress(range(len(summary.kept_keys)), map(keys.__contains__, summary.kept_keys)))
    return out


def drop_template_lines(audit: DocAudit, line_idx: list[int]) -> None:
    """Mark the given kept lines of one article as template boilerplate (in place)."""
    for i in line_idx:
        if audit.labels[i] == "title":
            audit.metadata.pop("title", None)
        audit.labels[i], audit.reasons[i] = "boilerplate", "repeated_across_articles"
        audit.rules[i] = "repeated_across_articles"


def clean_documents(
    docs: list[tuple[str, str, str | None]],
    *,
    patterns: PatternTable | None = None,
    min_stories: int = 3,
    audits: dict[str, DocAudit] | None = None,
) -> dict[str, DocAudit]:
    """Clean many articles at once, adding cross-article evidence.

    Args:
        docs: ``(doc_id, normalised text, outlet or None)`` for each article (the text is not read
            again when ``audits`` are given).
        patterns: compiled pattern table (default: shipped).
        min_stories: a kept line that appears in at least this many *different* stories of the same
            outlet (outlet from the sidecar, else from the text; articles without one form one group)
            is template boilerplate. Syndicated copies of one story count once.
        audits: per-article results of :func:`clean_text` already computed (e.g. in worker processes).

    Returns:
        ``{doc_id: DocAudit}``.
    """
    table = patterns or _default_patterns()
    if audits is None:
        audits = {doc_id: clean_text(text, doc_id=doc_id, patterns=table) for doc_id, text, _ in docs}
    if len(docs) < min_stories:
        return audits
    summaries = {doc_id: DocSummary.of(audits[doc_id]) for doc_id, _, _ in docs}
    groups = [(doc_id, outlet or audits[doc_id].metadata.get("outlet") or "", summaries[doc_id])
              for doc_id, _, outlet in docs]
    for doc_id, hits in template_lines(groups, min_stories=min_stories).items():
        drop_template_lines(audits[doc_id], [summaries[doc_id].kept_idx[j] for j in hits])
    return audits


AUDIT_COLUMNS = ("doc_id", "line_no", "text", "label", "reason", "rule", "kept_start", "kept_text")


def audit_lines(corpus: pd.DataFrame, *, patterns: PatternTable | str | pd.DataFrame | None = None) -> pd.DataFrame:
    """The cleaning audit: one row per raw line of every article.

    Args:
        corpus: the corpus table from :func:`kzru_lib.load_corpus`.
        patterns: pattern table; default: the one the corpus was loaded with (``corpus.attrs``).

    Returns:
        Sorted by ``doc_id``, ``line_no``; columns ``doc_id``, ``line_no`` (1-based, raw file),
        ``text`` (the normalised line), ``label``, ``reason`` (why dropped, or which metadata; empty
        for kept lines), ``rule`` (the structural rule or ``pattern:FILE:ROW`` that decided),
        ``kept_start`` (offset where the kept part of the line begins), ``kept_text``, and the
        corpus's document-level columns other than the texts (``outlet``, ``published``, sidecar
        columns...) so an audit can be filtered by them.
    """
    from .loading import normalize_text

    if patterns is not None:
        table = load_patterns(patterns)
    elif corpus.attrs.get("patterns"):
        table = load_patterns(pd.DataFrame(corpus.attrs["patterns"]))
    else:
        table = _default_patterns()
    docs = [(r.doc_id, normalize_text(r.raw_text), r.outlet) for r in corpus.itertuples(index=False)]
    return lines_table(clean_documents(docs, patterns=table), corpus)


def lines_table(audits: dict[str, DocAudit], corpus: pd.DataFrame) -> pd.DataFrame:
    """The audit table of :func:`audit_lines` from cleaning results (internal)."""
    cols: dict[str, list] = {c: [] for c in AUDIT_COLUMNS}
    for doc_id in corpus["doc_id"]:
        a = audits[doc_id]
        n = len(a.lines)
        cols["doc_id"].extend([doc_id] * n)
        cols["line_no"].extend(range(1, n + 1))
        cols["text"].extend(a.lines)
        cols["label"].extend(a.labels)
        cols["reason"].extend(a.reasons)
        cols["rule"].extend(a.rules)
        for line, label, start in zip(a.lines, a.labels, a.kept_start, strict=True):
            kept = label in KEPT_LABELS
            cols["kept_start"].append(start if kept else 0)
            cols["kept_text"].append(line[start:].strip() if kept else "")
    lines = pd.DataFrame(cols)
    docvars = [c for c in corpus.columns if c not in ("raw_text", "text", "path", "sha256", "encoding",
                                                       "n_lines", "n_kept_lines", "title")]
    lines = lines.merge(corpus[docvars], on="doc_id", how="left", sort=False)
    return lines.sort_values(["doc_id", "line_no"], kind="stable").reset_index(drop=True)
