"""Generate a realistic synthetic news corpus for benchmarks (deterministic, seeded).

    .venv/bin/python benchmarks/make_corpus.py [--n 10000] [--out bench_data/corpus_10k]

Each article looks like a scraped news page: a headline, sometimes a date line or a
``date YYYY-MM-DD`` prefix and an ``ASTANA –`` dateline, 6–14 paragraphs of Kazakhstan–Russia
news prose with dates, money, percentages and counts, and the site furniture of one of several
invented outlets (share buttons, captions, "read also" lists, exchange-rate and weather widgets,
ad placeholders, comment rules, credits). Some files are CRLF, some have a BOM, a few are cp1251.
A ``metadata.csv`` gives the outlet of every article. About 1 in 20 stories is syndicated (the same
story under two outlets). Sizes are printed at the end.

``--russian SHARE`` (0 to 1, default 0) writes that share of the articles in Russian: the same kinds of
sentences in Russian, with names and organisations inflected (Токаев, Токаева, Токаеву), a Russian
outlet's furniture and a ``language`` column in ``metadata.csv``.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

ACTORS = ["Vladimir Putin", "Kassym-Jomart Tokayev", "Mikhail Mishustin", "Olzhas Bektenov", "Sergei Lavrov",
          "Murat Nurtleu", "Alexei Overchuk", "Serik Zhumangarin"]
SHORT = {"Vladimir Putin": "Putin", "Kassym-Jomart Tokayev": "Tokayev", "Mikhail Mishustin": "Mishustin",
         "Olzhas Bektenov": "Bektenov", "Sergei Lavrov": "Lavrov", "Murat Nurtleu": "Nurtleu",
         "Alexei Overchuk": "Overchuk", "Serik Zhumangarin": "Zhumangarin"}
ORGS = ["the Eurasian Economic Union", "the CSTO", "the SCO", "the CIS", "Rosatom", "Gazprom", "KazMunayGas",
        "Samruk-Kazyna", "the Eurasian Development Bank", "CICA"]
CITIES = ["Astana", "Moscow", "Almaty", "Saint Petersburg", "Orenburg", "Omsk", "Shymkent", "Kazan"]
TOPICS = ["trade", "energy", "transport corridors", "nuclear power", "the Russian language", "education",
          "security", "agriculture", "water management", "logistics", "digital services", "space cooperation"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
METRICS = ["trade turnover", "mutual trade", "Russian investment", "joint projects", "exports of grain",
           "gas transit", "oil transit"]

SENTENCES = [
    "{a} said that cooperation with {o} in {t} remains a priority for both countries.",
    "According to {s}, {m} between Kazakhstan and Russia reached ${x} billion in {y}.",
    "On {mon} {d}, {a} arrived in {c} for talks on {t} and {t2}.",
    "The sides signed {k} documents on {t}, including a road map until {y2}.",
    "{m} grew by {p}% in the first {q} months of the year, {s} noted.",
    "\"We are determined to develop {t} together,\" {s} told reporters in {c}.",
    "Nearly {n:,} students from Kazakhstan study at Russian universities, the ministry said.",
    "Experts expect {m} to exceed ${x} billion by {y2}, although forecasts differ.",
    "{a} and {b} discussed {t} during a phone call on {mon} {d}, {y}.",
    "More than {k2} joint projects worth about ${x} billion are being implemented, {s} added.",
    "The forum in {c} brought together about {n:,} participants from both countries.",
    "Critics in {c} argue that dependence on {o} limits Kazakhstan's room for manoeuvre in {t}.",
    "In {y}, the two governments agreed to modernise border crossings and expand {t}.",
    "From January to {mon} of the current year, {m} rose by {p}% to ${x} billion.",
    "Officials from {o} will meet again in {mon} to review progress on {t}.",
    "The agreement covers {t}, {t2} and the supply of {k} million tonnes of fuel.",
]

RU_ACTORS = [("Владимир Путин", "Путин", "Путина", "Путину"), ("Касым-Жомарт Токаев", "Токаев", "Токаева", "Токаеву"),
             ("Михаил Мишустин", "Мишустин", "Мишустина", "Мишустину"),
             ("Олжас Бектенов", "Бектенов", "Бектенова", "Бектенову"),
             ("Сергей Лавров", "Лавров", "Лаврова", "Лаврову"), ("Мурат Нуртлеу", "Нуртлеу", "Нуртлеу", "Нуртлеу")]
# (nominative, genitive, prepositional)
RU_ORGS = [("ЕАЭС", "ЕАЭС", "ЕАЭС"), ("ОДКБ", "ОДКБ", "ОДКБ"), ("ШОС", "ШОС", "ШОС"), ("СНГ", "СНГ", "СНГ"),
           ("Росатом", "Росатома", "Росатоме"), ("Газпром", "Газпрома", "Газпроме"),
           ("Евразийский банк развития", "Евразийского банка развития", "Евразийском банке развития")]
RU_CITIES = [("Астана", "Астаны", "Астане"), ("Москва", "Москвы", "Москве"), ("Алматы", "Алматы", "Алматы"),
             ("Оренбург", "Оренбурга", "Оренбурге"), ("Омск", "Омска", "Омске"), ("Казань", "Казани", "Казани")]
# (nominative, genitive, prepositional)
RU_TOPICS = [("торговля", "торговли", "торговле"), ("энергетика", "энергетики", "энергетике"),
             ("транспорт", "транспорта", "транспорте"), ("атомная энергетика", "атомной энергетики",
                                                        "атомной энергетике"),
             ("образование", "образования", "образовании"), ("безопасность", "безопасности", "безопасности"),
             ("сельское хозяйство", "сельского хозяйства", "сельском хозяйстве"),
             ("логистика", "логистики", "логистике")]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
RU_SENTENCES = [
    "{a} заявил, что сотрудничество с {o_gen} в сфере {t_gen} остается приоритетом для обеих стран.",
    "По словам {s_gen}, товарооборот между Казахстаном и Россией достиг ${x} млрд в {y} году.",
    "{d} {mon} {a} прибыл в {c_acc} для переговоров о {t_pre}.",
    "Стороны подписали {k} документов в сфере {t_gen}, включая дорожную карту до {y2} года.",
    "Взаимная торговля выросла на {p}% за первые {q} месяцев года, отметил {s}.",
    "«Мы намерены вместе развивать {t_acc}», — сказал {s} журналистам в {c_pre}.",
    "Около {n} студентов из Казахстана учатся в российских университетах, сообщили в министерстве.",
    "Эксперты ожидают, что объем торговли превысит ${x} млрд к {y2} году, хотя прогнозы расходятся.",
    "{a} и {b} обсудили {t_acc} в ходе телефонного разговора {d} {mon} {y} года.",
    "Реализуется более {k2} совместных проектов на сумму около ${x} млрд, добавил {s}.",
    "Форум в {c_pre} собрал около {n} участников из обеих стран.",
    "Критики в {c_pre} считают, что зависимость от {o_gen} ограничивает свободу Казахстана в сфере {t_gen}.",
    "Представители {o_gen} встретятся снова в {c_pre}, чтобы обсудить {t_acc}.",
    "Токаев и Путин провели встречу, а {s_dat} доложили о ходе работ в {o_pre}.",
]

RU_OUTLET = {"share": ["Поделиться"], "tail": ["Читайте также", "Подписывайтесь на наш Telegram"],
             "ads": ["Реклама"]}


def _ru_accusative(topic: tuple[str, str, str]) -> str:
    nom = topic[0]
    words = nom.split()
    out = []
    for w in words:  # the feminine -а/-ая of these topics; the others are unchanged in the accusative
        if w.endswith("ая"):
            w = w[:-2] + "ую"
        elif w.endswith("а"):
            w = w[:-1] + "у"
        out.append(w)
    return " ".join(out)


def _ru_sentence(rng: random.Random, year: int) -> str:
    (a, s, s_gen, s_dat), (b, *_) = rng.sample(RU_ACTORS, 2)
    org, topic, city = rng.choice(RU_ORGS), rng.choice(RU_TOPICS), rng.choice(RU_CITIES)
    return rng.choice(RU_SENTENCES).format(
        a=a, b=b, s=s, s_gen=s_gen, s_dat=s_dat, o_gen=org[1], o_pre=org[2], t_gen=topic[1], t_pre=topic[2],
        t_acc=_ru_accusative(topic), c_acc=_ru_accusative(city), c_pre=city[2], mon=rng.choice(RU_MONTHS),
        d=rng.randint(1, 28), y=year - rng.randint(0, 2), y2=year + rng.randint(1, 10), k=rng.randint(2, 30),
        k2=rng.randint(20, 200), n=rng.randint(10, 90) * 1000, x=str(round(rng.uniform(1, 40), 1)).replace(".", ","),
        p=str(round(rng.uniform(0.5, 15), 1)).replace(".", ","), q=rng.randint(2, 10),
    )


def make_russian_article(rng: random.Random, story: list[str], year: int) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    city = rng.choice(RU_CITIES)[0].upper()
    lines = [f"{rng.choice(['Токаев', 'Путин', 'Казахстан', 'Россия'])} и {rng.choice(RU_ORGS)[0]}: "
             f"{rng.choice(RU_TOPICS)[0]}", ""]
    lines += [f"{day} {RU_MONTHS[month - 1]} {year}", ""]
    lines += RU_OUTLET["share"] + [""]
    paras = list(story)
    paras[0] = f"{city}, {day} {RU_MONTHS[month - 1]}. " + paras[0]
    for para in paras:
        lines += [para, ""]
    lines += RU_OUTLET["tail"] + RU_OUTLET["ads"]
    return "\n".join(lines)


OUTLETS = [
    {"name": "Steppe Herald", "domain": "steppeherald.kz", "share": ["ПОДЕЛИТЬСЯ"], "lead_dup": True,
     "tail": ["Steppe Herald", "Читайте также", "Join Telegram"], "widgets": True, "ads": [],
     "comments": None, "date_style": "none", "byline": True},
    {"name": "Eurasia Wire", "domain": None, "share": [], "lead_dup": False,
     "tail": ["EURASIA WIRE", "NEWS DESK"], "widgets": False, "ads": ["Advertisement"],
     "comments": None, "date_style": "line", "byline": False},
    {"name": "Caspian Times", "domain": None, "share": ["Share", "Tweet", "Print"], "lead_dup": False,
     "tail": ["Related articles"], "widgets": False, "ads": ["Reklam yükleniyor..."],
     "comments": "Comments you share on our site are a valuable resource for other users. Please be respectful "
                 "of different opinions and avoid rude or discriminatory language.",
     "date_style": "prefix", "byline": False},
    {"name": "Nomad Post", "domain": None, "share": [], "lead_dup": False,
     "tail": ["Photo: press service", "Based on materials from Interfax"], "widgets": True, "ads": [],
     "comments": None, "date_style": "line", "byline": False},
]


def _sentence(rng: random.Random, year: int) -> str:
    a, b = rng.sample(ACTORS, 2)
    return rng.choice(SENTENCES).format(
        a=a, b=b, s=SHORT[a], o=rng.choice(ORGS), t=rng.choice(TOPICS), t2=rng.choice(TOPICS),
        c=rng.choice(CITIES), mon=rng.choice(MONTHS), d=rng.randint(1, 28), y=year - rng.randint(0, 2),
        y2=year + rng.randint(1, 10), k=rng.randint(2, 30), k2=rng.randint(20, 200), n=rng.randint(10, 90) * 1000,
        x=round(rng.uniform(1, 40), 1), p=round(rng.uniform(0.5, 15), 1), q=rng.randint(2, 10),
        m=rng.choice(METRICS),
    )


def _headline(rng: random.Random) -> str:
    return (f"{rng.choice(['Tokayev', 'Putin', 'Kazakhstan', 'Russia', 'Astana and Moscow'])} "
            f"{rng.choice(['discuss', 'agree on', 'push for', 'sign deals on', 'review'])} {rng.choice(TOPICS)}"
            f"{rng.choice(['', ' in ' + rng.choice(CITIES), ' amid new tensions'])}")


def make_article(rng: random.Random, outlet: dict, story: list[str], headline: str, year: int) -> str:
    lines = [headline, ""]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if outlet["date_style"] == "line":
        lines += [f"{day:02d} {MONTHS[month - 1]} {year}", ""]
    for s in outlet["share"]:
        lines += [s, ""]
    if rng.random() < 0.4:
        lines += [f"{headline} {rng.choice(ACTORS)} in {rng.choice(CITIES)}. Photo by {rng.choice(['A. Ivanov', 'press service'])}", ""]
    paras = list(story)
    if outlet["date_style"] == "prefix":
        paras[0] = f" date {year}-{month:02d}-{day:02d} {rng.choice(CITIES).upper()} – " + paras[0]
    elif outlet["byline"]:
        paras[0] = f"{outlet['domain'].split('.')[0].capitalize()}.kz – " + paras[0]
    for i, para in enumerate(paras):
        lines += [para, ""]
        if i == 0 and outlet["lead_dup"]:
            lines += [outlet["share"][0], "", para, ""]
        if i == 2 and rng.random() < 0.5:
            lines += [rng.choice(["Key figures", "What the sides agreed", "Background", "Energy cooperation"]), ""]
        if i == 3 and rng.random() < 0.3:
            lines += ["Watch the full statement in the video.", ""]
    lines += outlet["tail"]
    if outlet["tail"] and outlet["tail"][-1] in ("Join Telegram", "Related articles"):
        lines += [_headline(rng) for _ in range(rng.randint(4, 12))]
    if outlet["widgets"]:
        lines += ["", "Exchange Rates", "", f" {rng.uniform(450, 520):.2f}  course up  {rng.uniform(500, 600):.0f}  "
                  f"course down  {rng.uniform(5, 7):.2f}  course up", "", "Weather", "", "location-current", "Алматы"]
    for ad in outlet["ads"]:
        lines += [ad, ad]
    if outlet["comments"]:
        lines.append(outlet["comments"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--out", default=None)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--russian", type=float, default=0.0, metavar="SHARE",
                        help="share of articles written in Russian (0 to 1, default 0)")
    args = parser.parse_args(argv)
    ru_rng = random.Random(args.seed + 1)  # a second stream, so --russian 0 gives the same corpus as before
    out = Path(args.out or (f"bench_data/corpus_{args.n // 1000}k" if args.n >= 1000 else f"bench_data/corpus_{args.n}"))
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    meta = []
    total = 0
    story = headline = None
    for i in range(args.n):
        outlet = OUTLETS[i % len(OUTLETS)]
        year = rng.randint(2019, 2025)
        if story is None or rng.random() > 0.05:  # 1 in 20 stories is syndicated to the next outlet
            story = [" ".join(_sentence(rng, year) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(6, 14))]
            headline = _headline(rng)
        text = make_article(rng, outlet, story, headline, year)
        language = "en"
        if args.russian and ru_rng.random() < args.russian:
            ru_story = [" ".join(_ru_sentence(ru_rng, year) for _ in range(ru_rng.randint(2, 5)))
                        for _ in range(len(story))]
            text, language, outlet = make_russian_article(ru_rng, ru_story, year), "ru", {"name": "Степной вестник"}
        doc_id = f"{i:06d}"
        kind = rng.random()
        if kind < 0.10:
            data = text.replace("\n", "\r\n").encode("utf-8")
        elif kind < 0.15:
            data = b"\xef\xbb\xbf" + text.encode("utf-8")
        elif kind < 0.17:
            data = text.replace("yükleniyor", "loading").encode("cp1251", errors="replace")
        else:
            data = text.encode("utf-8")
        (out / f"{doc_id}.txt").write_bytes(data)
        total += len(data)
        meta.append({"doc_id": doc_id, "outlet": outlet["name"], "language": language})
    fields = ["doc_id", "outlet"] + (["language"] if args.russian else [])
    with open(out / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(meta)
    print(f"wrote {args.n} articles, {total / 1e6:.1f} MB, into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
