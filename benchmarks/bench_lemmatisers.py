"""Compare Russian lemmatisers for the term stage: pymorphy3 (+ pymorphy3-dicts-ru) against simplemma.

    .venv/bin/python benchmarks/bench_lemmatisers.py [--tokens 200000]

1. Accuracy on a hand-checked list of inflected Russian forms (news vocabulary: names, places,
   organisations, verbs of reporting, case forms of nouns and adjectives), each with the dictionary
   form a reader expects.
2. Throughput: distinct tokens per second with no cache (the cost the term stage pays once per
   distinct token), and tokens per second on a token stream with the per-token cache the term stage
   uses (``functools.lru_cache``), on Russian words drawn from the generated corpus
   (``benchmarks/make_corpus.py --russian``) and the list above.

Both lemmatisers are optional here: a missing one is reported and skipped. Prints ``name: value`` lines.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (inflected form, expected lemma): written and checked by hand
GOLD = [
    ("казахстана", "казахстан"), ("казахстаном", "казахстан"), ("казахстане", "казахстан"),
    ("россии", "россия"), ("россией", "россия"), ("токаева", "токаев"), ("токаеву", "токаев"),
    ("путина", "путин"), ("путиным", "путин"), ("лаврова", "лавров"), ("мишустина", "мишустин"),
    ("астане", "астана"), ("москве", "москва"), ("москвы", "москва"), ("соглашения", "соглашение"),
    ("соглашений", "соглашение"), ("сотрудничества", "сотрудничество"), ("сотрудничеством", "сотрудничество"),
    ("торговли", "торговля"), ("торговле", "торговля"), ("президента", "президент"),
    ("президентом", "президент"), ("стран", "страна"), ("странами", "страна"),
    ("экономического", "экономический"), ("экономической", "экономический"), ("российских", "российский"),
    ("казахстанские", "казахстанский"), ("заявил", "заявить"), ("заявила", "заявить"),
    ("подписали", "подписать"), ("обсудили", "обсудить"), ("выросла", "вырасти"),
    ("встретятся", "встретиться"), ("проектов", "проект"), ("документов", "документ"),
    ("университетах", "университет"), ("студентов", "студент"), ("газа", "газ"), ("нефти", "нефть"),
    ("границы", "граница"), ("безопасности", "безопасность"), ("министерстве", "министерство"),
    ("отношений", "отношение"), ("союза", "союз"), ("банка", "банк"), ("развития", "развитие"),
    ("года", "год"), ("году", "год"), ("встречи", "встреча"), ("визита", "визит"),
    ("интеграции", "интеграция"), ("энергетики", "энергетика"), ("атомной", "атомный"),
    ("станции", "станция"), ("инвестиций", "инвестиция"), ("рублей", "рубль"), ("долларов", "доллар"),
    ("санкций", "санкция"), ("министра", "министр"), ("правительства", "правительство"),
    ("делегации", "делегация"), ("переговорах", "переговоры"), ("выборов", "выборы"),
]


def lemmatisers() -> dict:
    out = {}
    try:
        import pymorphy3

        morph = []  # built at the first call, so the load is timed like simplemma's

        def pymorphy(w: str) -> str:
            if not morph:
                morph.append(pymorphy3.MorphAnalyzer(lang="ru"))
            return morph[0].parse(w)[0].normal_form

        out["pymorphy3"] = pymorphy
    except ImportError as exc:
        print(f"pymorphy3: not installed ({exc})")
    try:
        import simplemma

        out["simplemma"] = lambda w: simplemma.lemmatize(w, lang="ru").lower()
    except ImportError as exc:
        print(f"simplemma: not installed ({exc})")
    return out


def russian_words(n: int) -> list[str]:
    folder = ROOT / "bench_data" / "corpus_ru_bench"
    if not (folder / "metadata.csv").exists():
        import subprocess

        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", "400", "--russian", "1",
                        "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    words = []
    for path in sorted(folder.glob("*.txt")):
        words += re.findall(r"[а-яё]+", path.read_bytes().decode("utf-8", "replace").lower())
    words += [w for w, _ in GOLD] * 10
    rng = random.Random(7)
    return [rng.choice(words) for _ in range(n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokens", type=int, default=200_000)
    args = parser.parse_args(argv)
    stream = russian_words(args.tokens)
    distinct = sorted(set(stream))
    print(f"gold forms: {len(GOLD)}  token stream: {len(stream)}  distinct tokens: {len(distinct)}")
    for name, lemma in lemmatisers().items():
        t0 = time.perf_counter()
        lemma("тест")  # the first call loads the dictionary: timed separately
        load = time.perf_counter() - t0
        wrong = [(w, lemma(w), gold) for w, gold in GOLD if lemma(w).replace("ё", "е") != gold]
        t0 = time.perf_counter()
        for w in distinct:
            lemma(w)
        per_distinct = time.perf_counter() - t0
        cached = functools.lru_cache(maxsize=None)(lemma)
        t0 = time.perf_counter()
        for w in stream:
            cached(w)
        per_stream = time.perf_counter() - t0
        print(f"{name}: accuracy {1 - len(wrong) / len(GOLD):.3f} ({len(GOLD) - len(wrong)}/{len(GOLD)}); "
              f"first call {load:.2f} s; {len(distinct) / per_distinct:,.0f} distinct tokens/s uncached; "
              f"{len(stream) / per_stream:,.0f} tokens/s with the cache")
        if wrong:
            print(f"  {name} wrong: " + ", ".join(f"{w}->{got} (want {gold})" for w, got, gold in wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
