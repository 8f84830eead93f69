"""Saved web pages: main text without boilerplate, headline, date, source and link; nothing fetched."""

import socket
import time

import pytest

from index import Store, build, status
from index.articles import read_articles
from web_samples import BOILERPLATE, page_byline_only, page_json_ld, page_meta_tags, page_without_article

BODY = [
    "A szegedi víztorony felújítása 2,4 milliárd forintba került, és a munkák 2026 tavaszán fejeződnek be a városvezetés szerint.",
    "A tornyot 1904-ben építették, és a helyiek szerint a város egyik legfontosabb jelképe, amelyet évente több ezer turista keres fel.",
    "A felújítás során a tartószerkezetet megerősítik, a homlokzatot pedig az eredeti tervek alapján állítják helyre a szakemberek.",
]
TITLE = "Felújítják a szegedi víztornyot"
LAYOUTS = {
    "telex.html": (
        page_meta_tags(TITLE, BODY, site="Telex", url="https://telex.hu/belfold/2025/07/12/viztorony", author="Kovács Anna", date="2025-07-12"),
        ("2025-07-12", "Telex (Kovács Anna)", "https://telex.hu/belfold/2025/07/12/viztorony"),
    ),
    "index.htm": (
        page_json_ld(TITLE, BODY, site="Index", url="https://index.hu/belfold/2025/03/04/viztorony", author="Nagy Béla", date="2025-03-04"),
        ("2025-03-04", "Index (Nagy Béla)", "https://index.hu/belfold/2025/03/04/viztorony"),
    ),
    # An ASP.NET site: the whole page sits in one <form>.
    "origo.html": (
        page_json_ld(TITLE, BODY, site="Origo", url="https://www.origo.hu/itthon/2025/05/viztorony", author="Molnár Péter", date="2025-05-20")
        .replace("<body>", '<body><form method="post" action="./cikk.aspx" id="aspnetForm">')
        .replace("</body>", "</form></body>"),
        ("2025-05-20", "Origo (Molnár Péter)", "https://www.origo.hu/itthon/2025/05/viztorony"),
    ),
    # No metadata: the date is read from the Hungarian byline, not from the header's "today".
    "delmagyar.html": (
        page_byline_only(TITLE, BODY, site="Délmagyar", author="Szabó Eszter", written_date="2025. június 3. 14:20"),
        ("2025-06-03", "delmagyar.html", ""),
    ),
}


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt is recorded and refused."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_page_layouts_give_the_article_only(articles_dir, no_network, name):
    html, (date, source, url) = LAYOUTS[name]
    (articles_dir / name).write_text(html, encoding="utf-8")
    (article,), skipped = read_articles(articles_dir, 5_000_000)
    assert skipped == []
    assert (article.article_id, article.title, article.published, article.source, article.url) == (name, TITLE, date, source, url)
    assert article.text.startswith(TITLE + "\n\n")
    for paragraph in BODY:
        assert f"\n\n{paragraph}" in article.text
    for word in BOILERPLATE:
        assert word not in article.text, word
    assert "2025. november 24" not in article.text and no_network == []


def test_page_without_main_text_is_skipped_by_name(articles_dir):
    (articles_dir / "rovat.html").write_text(page_without_article(), encoding="utf-8")
    (articles_dir / "cikk.html").write_text(LAYOUTS["telex.html"][0], encoding="utf-8")
    articles, skipped = read_articles(articles_dir, 5_000_000)
    assert [a.article_id for a in articles] == ["cikk.html"]
    assert [(s.source, s.reason) for s in skipped] == [("rovat.html", "no main text found (only navigation or boilerplate)")]


def test_declared_legacy_charset_is_honoured(articles_dir):
    html = LAYOUTS["telex.html"][0].replace('<meta charset="utf-8">', '<meta charset="iso-8859-2">')
    (articles_dir / "latin2.html").write_bytes(html.encode("iso-8859-2", errors="xmlcharrefreplace"))
    (article,), _ = read_articles(articles_dir, 5_000_000)
    assert "felújítása 2,4 milliárd forintba" in article.text and article.source == "Telex (Kovács Anna)"


@pytest.mark.parametrize("text", ["https://telex.hu/belfold/2025/07/12/viztorony", "http://127.0.0.1:9/feed"])
def test_a_page_that_is_only_a_url_is_not_fetched(articles_dir, no_network, text):
    """trafilatura and htmldate download a str that looks like a URL: they only get parsed trees."""
    (articles_dir / "link.html").write_text(text, encoding="utf-8")
    articles, skipped = read_articles(articles_dir, 5_000_000)
    assert articles == [] and len(skipped) == 1 and skipped[0].source == "link.html"
    assert no_network == []


def big_page(target_bytes: int) -> str:
    """A real article buried in ~target_bytes of scripts, menus and related lists."""
    filler = "<li><a href='/x'>Kapcsolódó cikkek: újabb hír a városból, olvassa el most</a></li>\n"
    script = "<script>var adSlots = " + "[1,2,3,4,5,6,7,8,9]," * 2000 + "0;</script>\n"
    out = LAYOUTS["telex.html"][0]
    while len(out.encode()) < target_bytes - 300_000:
        out = out.replace("</body>", f"<aside class='related'><ul>{filler * 500}</ul></aside>{script}</body>")
    return out


def test_a_5_mb_page_is_read_in_bounded_time_and_a_larger_one_skipped(articles_dir):
    page = big_page(4_900_000)
    assert 4_500_000 < len(page.encode()) <= 5_000_000
    (articles_dir / "nagy.html").write_text(page, encoding="utf-8")
    (articles_dir / "tul-nagy.html").write_text(page + "<!--" + "x" * 600_000 + "-->", encoding="utf-8")
    started = time.perf_counter()
    articles, skipped = read_articles(articles_dir, 5_000_000)
    seconds = time.perf_counter() - started
    assert [a.article_id for a in articles] == ["nagy.html"] and articles[0].title == TITLE
    assert "Kapcsolódó" not in articles[0].text and "adSlots" not in articles[0].text
    assert [s.source for s in skipped] == ["tul-nagy.html"] and skipped[0].reason.startswith("file too large")
    assert seconds < 60, seconds


def test_build_lists_pages_with_title_date_source_and_a_second_build_adds_nothing(articles_dir, settings, fake_embed):
    for name, (html, _) in LAYOUTS.items():
        body = [p.replace("szegedi", name.split(".")[0]) for p in BODY]  # different articles
        (articles_dir / name).write_text(html.replace(BODY[0], body[0]), encoding="utf-8")
    first = build(settings, embed_model=fake_embed)
    assert (first.added, len(first.skipped)) == (len(LAYOUTS), 0)
    listed = {t["article_id"]: t for t in status(settings)["titles"]}
    for name, (_, (date, source, url)) in LAYOUTS.items():
        assert (listed[name]["title"], listed[name]["published"], listed[name]["source"], listed[name]["url"]) == (TITLE, date, source, url)
    passage = next(p for p in Store(settings).passages() if p.article_id == "telex.html")
    assert (passage.source, passage.url) == ("Telex (Kovács Anna)", "https://telex.hu/belfold/2025/07/12/viztorony")
    second = build(settings, embed_model=fake_embed)
    assert (second.added, second.updated, second.unchanged, second.passages_written) == (0, 0, len(LAYOUTS), 0)


def test_a_page_that_breaks_the_extractor_is_named_and_skipped_not_the_build(tmp_path):
    # Found by the fuzz test: htmldate drops a <script> lxml left without a parent, and lxml asserts.
    (tmp_path / "broken.html").write_bytes(b"&nbsp<html><script>")
    (tmp_path / "good.md").write_text("---\ntitle: Rendes cikk\npublished: 2025-05-06\n---\nEgy rendes cikk szövege, elég hosszú.\n", encoding="utf-8")
    articles, skipped = read_articles(tmp_path, 100_000)
    assert [a.title for a in articles] == ["Rendes cikk"]
    assert [s.source for s in skipped] == ["broken.html"] and "could not be parsed" in skipped[0].reason
