"""Compare two ways of turning a saved news page into the text kzru cleans.

    .venv/bin/python benchmarks/compare_html_converters.py

* **inscriptis** (what :mod:`kzru_lib.sources` uses): the whole visible page as block lines;
  kzru's cleaner then labels menus, share widgets, related links and footers, and the audit shows
  every dropped line.
* **trafilatura**: its main-text extraction removes the furniture before kzru sees the page;
  kzru's cleaner then runs on what is left.

Measured on four news pages written for this script (kzru's own; no third-party text), in four
common layouts: an English article with menus, breadcrumbs, share bar, "related" list and footer;
a Russian article with a "Читайте также" block, tags and a comment form; a page built from
``<div>`` and ``<br>`` only (no ``<p>``); a wire story in a page with a cookie banner and a
newsletter box, one paragraph being a bullet list. For each page and method it prints the share of the
article's paragraphs found in kzru's kept text (body recall), the number of furniture strings still
kept (furniture kept), and the time per page.
"""

from __future__ import annotations

import time

from kzru_lib import cleaning
from kzru_lib.loading import normalize_text
from kzru_lib.sources import read_html

NAV_EN = """<header><a href="/">Steppe Herald</a><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a>
</li><li><a href="/economy">Economy</a></li><li><a href="/world">World</a></li><li><a href="/video">Video</a></li></ul></nav>
<form><input placeholder="Search"><button>Search</button></form><a href="/subscribe">Subscribe</a></header>"""

PAGES = []

# 1. a classic English article page
BODY1 = [
    "Kazakhstan and Russia agreed on Tuesday to expand rail freight through the northern border crossings, "
    "the two transport ministries said.",
    "Under the agreement, the number of daily container trains will rise from twelve to twenty by next spring, "
    "and new customs lanes will open in June.",
    "Shippers have complained for months about queues of up to four days at the Kairak crossing, where trucks and "
    "trains share the same inspection yard.",
    "Grain exporters in Kostanay region welcomed the plan, saying it could cut their logistics costs by a fifth.",
    "Analysts in Almaty noted that similar promises were made two years ago and were only partly kept.",
]
FURN1 = ["Home", "Politics", "Economy", "Subscribe", "Share on Facebook", "Copy link", "Most read",
         "Tokayev meets students in Almaty", "Weather: Astana -5", "All rights reserved", "Privacy policy",
         "Follow us on Telegram"]
PAGES.append(("en_classic", f"""<!DOCTYPE html><html lang="en"><head><title>Rail freight deal | Steppe Herald</title>
<meta property="og:title" content="Kazakhstan and Russia expand rail freight"></head><body>{NAV_EN}
<div class="breadcrumbs"><a href="/">Home</a> / <a href="/economy">Economy</a></div>
<main><article><h1>Kazakhstan and Russia expand rail freight</h1>
<div class="meta"><span class="author">By Aigerim Sarsenova</span> <time datetime="2024-03-05">5 March 2024, 10:42</time></div>
<div class="share"><a>Share on Facebook</a> <a>Share on X</a> <a>Copy link</a></div>
<figure><img src="a.jpg"><figcaption>Container trains at the border. Photo: Steppe Herald</figcaption></figure>
{"".join(f"<p>{p}</p>" for p in BODY1[:3])}
<div class="inline-related"><strong>Read also:</strong> <a href="/x">Tokayev meets students in Almaty</a></div>
{"".join(f"<p>{p}</p>" for p in BODY1[3:])}
<div class="tags">Tags: <a>rail</a> <a>Russia</a> <a>logistics</a></div></article>
<aside><h3>Most read</h3><ol><li><a>Tokayev meets students in Almaty</a></li><li><a>Tenge weakens against the dollar</a></li>
<li><a>New airport terminal opens in Shymkent</a></li></ol><div class="widget">Weather: Astana -5</div></aside></main>
<footer><p><a>About us</a> | <a>Advertising</a> | <a>Privacy policy</a></p><p>Follow us on Telegram</p>
<p>© 2024 Steppe Herald. All rights reserved.</p></footer></body></html>""", BODY1, FURN1))

# 2. a Russian article page
BODY2 = [
    "Казахстан и Россия обсудили запуск нового грузового парома между Актау и Махачкалой, сообщили в министерстве "
    "транспорта.",
    "По словам министра, первый рейс может состояться уже летом этого года, а к осени паром будет ходить "
    "два раза в неделю.",
    "Стороны также договорились упростить оформление грузов в портах и перейти на электронные документы.",
    "Эксперты отмечают, что маршрут через Каспий позволит сократить время доставки грузов в Иран на несколько дней.",
]
FURN2 = ["Главная", "Новости", "Поделиться", "ВКонтакте", "Читайте также", "В Астане открылся новый мост",
         "Комментарии", "Оставьте комментарий", "Все права защищены", "При использовании материалов ссылка обязательна"]
PAGES.append(("ru_portal", f"""<!DOCTYPE html><html lang="ru"><head><title>Новый паром через Каспий</title></head><body>
<header><nav><a>Главная</a> <a>Новости</a> <a>Экономика</a> <a>Общество</a> <a>Спорт</a></nav></header>
<div class="content"><h1>Новый паром через Каспий</h1><div class="date">12 апреля 2024, 14:05</div>
<div class="social">Поделиться: <a>ВКонтакте</a> <a>Telegram</a> <a>WhatsApp</a></div>
{"".join(f"<p>{p}</p>" for p in BODY2)}
<div class="also"><h4>Читайте также</h4><ul><li><a>В Астане открылся новый мост</a></li><li><a>Цены на бензин выросли</a></li>
</ul></div><div class="tags"><a>#транспорт</a> <a>#Каспий</a></div>
<section class="comments"><h3>Комментарии</h3><p>Оставьте комментарий</p><textarea></textarea></section></div>
<footer><p>© 2024 Степной вестник. Все права защищены.</p><p>При использовании материалов ссылка обязательна.</p>
</footer></body></html>""", BODY2, FURN2))

# 3. a page made of <div> and <br> only
BODY3 = [
    "The Eurasian Development Bank approved a loan of 120 million dollars for a water treatment plant in Shymkent.",
    "The plant will serve about three hundred thousand residents once it opens in two years, the bank said.",
    "Local officials thanked the bank and promised to publish the tender documents online next month.",
]
FURN3 = ["Menu", "News", "Business", "Login", "Latest news", "Tenge exchange rate", "USD 470.5",
         "Contact the editors"]
PAGES.append(("div_only", f"""<html><body><div class="top"><div>Menu</div><div><a>News</a> <a>Business</a> <a>Login</a></div></div>
<div class="wrap"><div class="headline">EDB lends for Shymkent water plant</div><div class="dt">2024-05-20</div>
<div class="txt">{"<br><br>".join(BODY3)}</div>
<div class="side"><div>Latest news</div><div><a>Tenge exchange rate</a></div><div>USD 470.5</div><div>EUR 510.2</div></div>
</div><div class="bottom"><a>Contact the editors</a></div></body></html>""", BODY3, FURN3))

# 4. a wire story with a cookie banner, a newsletter box and a list
BODY4 = [
    "ASTANA, June 16 (Wire) - Kazakhstan will raise gas exports to China through a pipeline that crosses Russia, "
    "the energy minister said on Monday.",
    "The minister said three projects were under study:",
    "a new compressor station near Kostanay;",
    "a second line of the Beineu-Bozoi-Shymkent pipeline;",
    "a gas processing plant in the Atyrau region.",
    "Gazprom declined to comment on the plan.",
]
FURN4 = ["We use cookies", "Accept all", "Sign up for our newsletter", "Enter your email", "Reporting by",
         "Our standards", "Trust Principles", "Sponsored content"]
PAGES.append(("wire_list", f"""<!DOCTYPE html><html><head><meta property="og:site_name" content="Wire"></head><body>
<div class="cookie">We use cookies to improve your experience. <button>Accept all</button></div>
<article><h1>Kazakhstan to raise gas exports to China</h1><p>{BODY4[0]}</p><p>{BODY4[1]}</p>
<ul><li>{BODY4[2]}</li><li>{BODY4[3]}</li><li>{BODY4[4]}</li></ul><p>{BODY4[5]}</p>
<p class="credit">Reporting by Daniyar Ospanov; editing by Anna Petrova</p>
<p class="std"><a>Our standards</a>: <a>The Trust Principles</a>.</p></article>
<div class="newsletter"><h3>Sign up for our newsletter</h3><input placeholder="Enter your email"></div>
<div class="promo">Sponsored content: <a>Invest in Kazakhstan's future</a></div></body></html>""", BODY4, FURN4))


def kept_text(text: str) -> str:
    return cleaning.clean_text(normalize_text(text)).kept_text


def via_inscriptis(html: str) -> str:
    return read_html(html).text


def via_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=False) or ""


def main() -> None:
    methods = {"inscriptis + kzru cleaner": via_inscriptis, "trafilatura + kzru cleaner": via_trafilatura}
    print(f"{'page':<12} {'method':<28} {'body recall':>11} {'furniture kept':>15} {'ms/page':>8}")
    totals = {m: [0, 0, 0, 0] for m in methods}
    for convert in methods.values():  # imports and first-call set-up are not timed
        convert(PAGES[0][1])
    for name, html, body, furniture in PAGES:
        for method, convert in methods.items():
            start = time.perf_counter()
            for _ in range(5):
                text = convert(html)
            ms = (time.perf_counter() - start) / 5 * 1000
            kept = " ".join(kept_text(text).split())
            # a paragraph is found when its text after the first quarter is kept (the cleaner moves
            # a dateline such as "ASTANA, June 16 (Wire) -" out of the kept text, rightly)
            found = sum(" ".join(p.split())[len(p) // 4:] in kept for p in body)
            furn = sum(f in kept for f in furniture)
            t = totals[method]
            t[0] += found
            t[1] += len(body)
            t[2] += furn
            t[3] += len(furniture)
            print(f"{name:<12} {method:<28} {found:>5}/{len(body):<5} {furn:>7}/{len(furniture):<7} {ms:>8.1f}")
    for method, (found, n_body, furn, n_furn) in totals.items():
        print(f"{'all':<12} {method:<28} {found:>5}/{n_body:<5} {furn:>7}/{n_furn:<7}")


if __name__ == "__main__":
    main()
