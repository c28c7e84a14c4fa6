"""Write notebooks/01_corpus_and_cleaning.ipynb from its cells (then execute it with execute_notebooks.py)."""

from pathlib import Path

import nbformat as nbf

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
    md("""# 1. The corpus and its cleaning

News articles scraped from the web are never just the article. Around the story sit share buttons,
"read also" lists, exchange-rate widgets, advertisements, comment rules, photo credits and, often, a
second copy of the lead paragraph. If we count words, dates or figures on that raw text, the page
furniture counts too: *course up* becomes a keyword and a ruble exchange rate becomes a "figure".

This notebook shows what **kzru** does before any analysis:

1. it **loads** a folder of `.txt` articles (any encoding), with an optional `metadata.csv`;
2. it **labels every raw line** — `title`, `heading`, `body`, `metadata`, `boilerplate` or `blank` —
   and says **why** each dropped line was dropped;
3. it lets you **check** that decision article by article.

Every later notebook counts only the kept lines, and every result points back to a `doc_id` and a
`line_no` in the raw file, so you can always cite the sentence behind a number."""),
    code("""%matplotlib inline
import os
from pathlib import Path

import pandas as pd

from kzru_lib import audit_lines, load_corpus, load_problems
from kzru_lib.plots.corpus import dropped_lines_plot, dropped_lines_table
from kzru_lib.widgets.corpus import cleaning_explorer

CORPUS = Path(os.environ.get("KZRU_CORPUS", "../seeds"))
pd.set_option("display.max_colwidth", 80)"""),
    md("""## Loading the articles

`load_corpus` reads every `.txt` file in the folder. It detects the encoding (UTF-8 with or without a
byte-order mark, UTF-16, the Cyrillic code pages cp1251 and koi8-r), repairs mojibake, and normalises
newlines, non-breaking and zero-width spaces. Title, outlet, dateline and publication date are read
from the text; a `metadata.csv` beside the articles (one row per `doc_id`) wins over what the text
says, and any extra column you code there (country, stance...) travels with each article."""),
    code("""corpus = load_corpus(CORPUS, progress=True)
corpus[["doc_id", "title", "outlet", "published", "published_basis", "language", "n_lines", "n_kept_lines"]]"""),
    md("""`published_basis` tells how the date is known: `metadata` (from the sidecar file) or `text` (read
from a date line or a `date 2024-11-28` prefix). Files that could not be read are never skipped
silently: each one is warned about, and the corpus keeps the list."""),
    code("""load_problems(corpus)"""),
    md("""## What a scraped article looks like

Here is the raw file that lost the most lines to cleaning, line by line, as it came from the web
(for the seeds, a Tengrinews page):"""),
    code("""lines = audit_lines(corpus)
dropped = lines[lines.label.isin(["boilerplate", "metadata"])]
example = dropped.doc_id.value_counts().index[0] if len(dropped) else corpus.doc_id[0]
raw = corpus.set_index("doc_id").loc[example, "raw_text"]
print(example)
for no, line in enumerate(raw.split("\\n")[:16], start=1):
    print(f"{no:>3}  {line[:110]}")"""),
    md("""## The audit: one row per raw line

`audit_lines` gives every raw line its label and, for dropped lines, the `reason` and the exact `rule`
that decided (a structural rule such as `after_end_run`, or a row of the pattern table such as
`pattern:kzru_lib/data/boilerplate_patterns.csv:2`). Two kinds of evidence are used:

* **structure** — the title is the first headline-like line; a heading is a short line followed by a
  paragraph; after the article's last paragraph, runs of short headline-like lines are related links
  and lone short lines are credits; repeated paragraphs are duplicates; number-only lines are widgets;
  short lines in another script than the article are page furniture; a line repeated across several
  *different* stories of the same outlet is a template (copies of one syndicated story do not count);
* **known patterns** — a readable table (`kzru_lib/data/boilerplate_patterns.csv`) of share buttons,
  ads, comment rules, credits and so on, in English, Russian, Kazakh and Turkish. You can add your own
  rows without touching the library (see the end of this notebook)."""),
    code("""lines[lines.doc_id == example][["line_no", "text", "label", "reason", "rule"]].head(14)"""),
    md("""A line can also be **partly** kept: an article may open with a metadata prefix and a dateline
(in the seeds, the Astana Times' ` date 2024-11-28 ASTANA –`). They go to the metadata; `kept_start`
says where the story begins."""),
    code("""partial = lines[(lines.kept_start > 0) & lines.label.isin(["title", "heading", "body"])]
for row in partial.head(3).itertuples():
    print(f"{row.doc_id}:{row.line_no}  moved to metadata: {row.text[: row.kept_start]!r}")
    print(f"{'':>24}kept as body: {row.text[row.kept_start:][:70]} ...")
if partial.empty:
    print("no line in this corpus opens with a metadata prefix or dateline")"""),
    md("""## What was removed, and why

Across the corpus, the dropped lines by reason (the table first, then the chart):"""),
    code("""dropped_lines_table(lines)"""),
    code("""dropped_lines_plot(lines)"""),
    md("""In the seeds, the Tengrinews page (`001_…`) carries most of the furniture: a list of unrelated headlines after the
article, exchange-rate and weather widgets, share buttons and a duplicated lead. The Astana Times
article (`004_…`) loses nothing but its metadata prefix.

**Discussion for the seminar.** Which of these lines would a human coder drop? Are there any you would
keep (a photo caption can say who was at a meeting)? What would happen to a keyword list if the
"read also" headlines were counted?

## Explore: raw and clean text side by side

Pick an article. On the left, every raw line with its label; dropped lines are struck through and
carry their reason. On the right, the clean text every later notebook analyses."""),
    code("""explorer = cleaning_explorer(corpus, lines)
explorer"""),
    md("""## Adding your own patterns

Every outlet has its own furniture. To drop a line the shipped table does not know, write a row —
`reason`, `match` (`line`, `start` or `contains`), a regular `pattern`, optionally `max_words` and
`flags` (`i` for case-insensitive) — in a `boilerplate_patterns.csv` beside your articles, or pass a
table to `load_corpus(..., patterns=...)`. Your rows are tried before the shipped ones, and the audit
names them in its `rule` column."""),
    code("""mine = pd.DataFrame([{"reason": "editorial_note", "match": "contains", "pattern": "key points from",
                      "flags": "i", "requires": "key points"}])
custom = audit_lines(load_corpus(CORPUS, patterns=mine))
custom[custom.reason == "editorial_note"][["doc_id", "line_no", "text", "reason", "rule"]]"""),
    md("""(That line is in fact part of the article — it tells readers the text summarises a TASS interview —
which is why the shipped table keeps it: a pattern is a claim about a source, and it should be
checked against the audit like any other coding decision.)"""),
]
nb = nbf.v4.new_notebook(cells=cells)
Path("notebooks/01_corpus_and_cleaning.ipynb").write_text(nbf.writes(nb), encoding="utf-8")
