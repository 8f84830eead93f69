"""RSS/Atom feeds from files and from URLs served over real HTTP on 127.0.0.1."""

import time

import pytest

import feedserver
from index import IndexSettings, Store, build, status
from index.articles import read_articles
from servers import free_port
from web_samples import atom, page_meta_tags, rss

ENTRIES = [
    dict(
        guid="https://pelda.hu/belfold/gyor-hid", link="https://pelda.hu/belfold/gyor-hid", title="Új híd épül Győrben",
        date="Tue, 01 Jul 2025 00:30:00 +0200", author="Kiss Péter", category="Belföld",
        summary="Rövid összefoglaló a hídról, ami nem kerülhet a szövegbe.",
        html="<p>A győri <b>új Duna-híd</b> 2027 végére készül el, és 38 milliárd forintba kerül.</p>"
        "<p>A kivitelező\nszerint a forgalom<br>már 2027 őszén megindulhat.</p><script>alert('reklám')</script><style>p{}</style>",
    ),
    dict(
        link="https://pelda.hu/kultura/opera", title="Felújított operaház nyílik Debrecenben",
        date="Wed, 02 Jul 2025 10:00:00 +0200", summary="<p>A debreceni operaház <i>szeptember 5-én</i> nyitja meg kapuit.</p>",
    ),
    dict(
        guid="pelda-3", link="https://pelda.hu/sport/uszas", title="Aranyérem a vizes vb-n",
        date="Thu, 03 Jul 2025 21:15:00 +0200", author="Tóth Anna",
        html="<p>Kós Hubert 200 méter háton aranyérmet nyert a szingapúri világbajnokságon.</p>",
    ),
]
ATOM = [
    dict(
        guid="tag:atom.pelda.hu,2025:tokaj", link="https://atom.pelda.hu/tokaj", title="Rekordtermés Tokajban",
        date="2025-06-30T23:30:00-01:00", author="Fekete Gábor", summary="Összefoglaló.",
        html="<div><p>A tokaji szüret idén 12 százalékkal több szőlőt hozott, mint tavaly.</p></div>",
    ),
]


@pytest.fixture
def server():
    state, httpd = feedserver.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def by_id(articles):
    return {a.article_id: a for a in articles}


def test_rss_and_atom_files_become_articles(articles_dir):
    (articles_dir / "hirek.rss").write_text(rss(ENTRIES), encoding="utf-8")
    (articles_dir / "tokaj.atom").write_text(atom(ATOM), encoding="utf-8")
    articles, skipped = read_articles(articles_dir, 5_000_000)
    assert skipped == []
    got = by_id(articles)
    assert set(got) == {
        "hirek.rss#https://pelda.hu/belfold/gyor-hid", "hirek.rss#https://pelda.hu/kultura/opera", "hirek.rss#pelda-3",
        "tokaj.atom#tag:atom.pelda.hu,2025:tokaj",
    }  # fmt: skip
    hid = got["hirek.rss#https://pelda.hu/belfold/gyor-hid"]
    # content:encoded wins over the description; tags, scripts and styles are gone; the date is the feed's own day.
    assert hid.text == (
        "Új híd épül Győrben\n\nA győri új Duna-híd 2027 végére készül el, és 38 milliárd forintba kerül.\n\n"
        "A kivitelező szerint a forgalom\n\nmár 2027 őszén megindulhat."
    )
    assert (hid.title, hid.published, hid.published_int, hid.category) == ("Új híd épül Győrben", "2025-07-01", 20250701, "Belföld")
    assert (hid.source, hid.url) == ("Példa Hírek (Kiss Péter)", "https://pelda.hu/belfold/gyor-hid")
    teaser = got["hirek.rss#https://pelda.hu/kultura/opera"]  # no guid: the link identifies it
    assert teaser.text == "Felújított operaház nyílik Debrecenben\n\nA debreceni operaház szeptember 5-én nyitja meg kapuit."
    assert teaser.source == "Példa Hírek"
    tokaj = got["tokaj.atom#tag:atom.pelda.hu,2025:tokaj"]
    assert (tokaj.published, tokaj.source, tokaj.url) == ("2025-06-30", "Atom Hírek (Fekete Gábor)", "https://atom.pelda.hu/tokaj")
    assert "12 százalékkal több szőlőt" in tokaj.text and "Összefoglaló" not in tokaj.text


def test_malformed_and_empty_feed_files_are_skipped_by_name(articles_dir):
    (articles_dir / "jo.rss").write_text(rss(ENTRIES[:1]), encoding="utf-8")
    (articles_dir / "szemet.xml").write_text("<<<ez nem XML>>> <item><title>", encoding="utf-8")
    (articles_dir / "ures.atom").write_bytes(b"  \n")
    (articles_dir / "oldal.xml").write_text("<html><body><p>Ez egy weboldal, nem hírcsatorna.</p></body></html>", encoding="utf-8")
    (articles_dir / "nincs-tetel.rss").write_text(rss([]), encoding="utf-8")
    articles, skipped = read_articles(articles_dir, 5_000_000)
    assert [a.article_id for a in articles] == ["jo.rss#https://pelda.hu/belfold/gyor-hid"]
    reasons = {s.source: s.reason for s in skipped}
    assert reasons["szemet.xml"].startswith("not a readable feed (")
    assert reasons["ures.atom"] == "empty file"
    assert reasons["oldal.xml"] == "not an RSS or Atom feed"
    assert reasons["nincs-tetel.rss"] == "no entries in the feed"


def test_a_truncated_feed_keeps_its_complete_entries(articles_dir):
    text = rss(ENTRIES)
    (articles_dir / "csonka.rss").write_text(text[: text.index("Aranyérem")], encoding="utf-8")
    articles, _ = read_articles(articles_dir, 5_000_000)
    assert {a.title for a in articles} >= {"Új híd épül Győrben", "Felújított operaház nyílik Debrecenben"}
    assert all("<" not in a.text for a in articles)


def test_feed_url_builds_once_updates_changed_entries_and_keeps_rolled_off_ones(server, articles_dir, settings, fake_embed):
    (articles_dir / "helyi.rss").write_text(rss(ENTRIES[2:], title="Helyi"), encoding="utf-8")
    url = server.serve("/rss", rss(ENTRIES))
    first = build(settings, embed_model=fake_embed, feeds=[url])
    assert (first.added, len(first.skipped)) == (3, 1)  # the local file's entry repeats the feed's third
    assert first.skipped[0].reason == "duplicate of helyi.rss#pelda-3"
    listed = {t["article_id"]: t for t in status(settings)["titles"]}
    hid = listed[f"{url}#https://pelda.hu/belfold/gyor-hid"]
    assert (hid["title"], hid["published"], hid["source"], hid["url"]) == (
        "Új híd épül Győrben", "2025-07-01", "Példa Hírek (Kiss Péter)", "https://pelda.hu/belfold/gyor-hid",
    )  # fmt: skip

    second = build(settings, embed_model=fake_embed, feeds=[url])
    assert (second.added, second.updated, second.unchanged, second.passages_written) == (0, 0, 3, 0)
    assert status(settings)["articles"] == 3

    changed = [dict(ENTRIES[0], html="<p>A győri híd átadását 2028-ra halasztották.</p>"), *ENTRIES[1:]]
    server.serve("/rss", rss(changed))
    third = build(settings, embed_model=fake_embed, feeds=[url])
    assert (third.added, third.updated, third.unchanged) == (0, 1, 2)
    assert "2028-ra halasztották" in Store(settings).article(f"{url}#https://pelda.hu/belfold/gyor-hid").text

    server.serve("/rss", rss(changed[1:]))  # the first entry rolled off the feed: it stays
    assert build(settings, embed_model=fake_embed, feeds=[url]).removed == 0
    del server.routes["/rss"]  # the feed is down: reported, and nothing is lost
    down = build(settings, embed_model=fake_embed, feeds=[url])
    assert [(s.source, s.reason) for s in down.skipped] == [(url, "HTTP error 404 Not Found")]
    assert (down.removed, status(settings)["articles"]) == (0, 3)
    assert set(server.requests) == {"/rss"}  # nothing but the configured URL was fetched

    # A feed no longer configured is gone from the store, like a file gone from the folder.
    assert build(settings, embed_model=fake_embed, feeds=[]).removed == 2


def test_unfetchable_and_unparseable_feeds_are_skipped_by_name(server, articles_dir, fake_embed):
    settings = IndexSettings(feed_timeout_s=1, max_file_bytes=100_000)
    good = server.serve("/rss", rss(ENTRIES))
    moved = server.serve("/regi-rss", b"", status=301, location=good)  # same host: followed
    elsewhere = server.serve("/elkoltozott", b"", status=302, location="http://example.invalid/rss")
    failing = server.serve("/hiba", b"oops", status=500, content_type="text/plain")
    slow = server.serve("/lassu", rss(ENTRIES[:1]), delay_s=3)
    garbage = server.serve("/szemet", "<<<ez nem XML")
    huge = server.serve("/nagy", rss(ENTRIES) + " " * 200_000)
    refused = f"http://127.0.0.1:{free_port()}/rss"
    missing = server.url("/nincs")
    feeds = [good, moved, elsewhere, failing, slow, garbage, huge, refused, missing, "file:///etc/passwd"]
    started = time.perf_counter()
    report = build(settings, embed_model=fake_embed, feeds=feeds)
    assert time.perf_counter() - started < 30
    assert report.added == 3  # the good feed; the moved one repeats it and is skipped as duplicates
    reasons = {s.source: s.reason for s in report.skipped}
    assert reasons[elsewhere] == "redirected to another host (http://example.invalid/rss); configure that URL instead"
    assert reasons[failing] == "HTTP error 500 Internal Server Error"
    assert reasons[slow] == "timed out after 1 s"
    assert reasons[garbage].startswith("not a readable feed (")
    assert reasons[huge] == f"too large ({len(rss(ENTRIES).encode()) + 200_000:,} bytes; the limit is 100,000)"
    assert reasons[refused] == "cannot be fetched: connection refused"
    assert reasons[missing] == "HTTP error 404 Not Found"
    assert reasons["file:///etc/passwd"] == "not an http(s) URL"
    assert sum(r.startswith("duplicate") for r in reasons.values()) == 3
    assert "/elkoltozott" in server.requests and all(not r.startswith("/rss?") for r in server.requests)


def test_a_feed_of_500_entries(server, articles_dir, settings, fake_embed):
    entries = [
        dict(guid=f"https://pelda.hu/hir/{n}", link=f"https://pelda.hu/hir/{n}", title=f"Hír száma {n}",
             date=f"Mon, {1 + n % 28:02d} Sep 2025 08:00:00 +0200", html=f"<p>A {n}. hírben {n * 7} ember vett részt a tüntetésen.</p>")
        for n in range(500)
    ]  # fmt: skip
    url = server.serve("/sok", rss(entries))
    first = build(settings, embed_model=fake_embed, feeds=[url])
    assert (first.added, first.passages_written, len(first.skipped)) == (500, 500, 0)
    started = time.perf_counter()
    second = build(settings, embed_model=fake_embed, feeds=[url])
    assert (second.added, second.unchanged, second.passages_written) == (0, 500, 0)
    assert time.perf_counter() - started < 30
    assert status(settings)["articles"] == 500


def test_feeds_setting_is_comma_separated(server, articles_dir, monkeypatch, fake_embed):
    one, two = server.serve("/egy", rss(ENTRIES[:1])), server.serve("/ketto", atom(ATOM))
    monkeypatch.setenv("NEWSQA_FEEDS", f"{one}, {two}")
    settings = IndexSettings()
    assert settings.feeds == (one, two)
    assert build(settings, embed_model=fake_embed).added == 2  # the articles folder is empty
    assert sorted(server.requests) == ["/egy", "/ketto"]


def test_linked_pages_are_fetched_only_when_asked(server, articles_dir, fake_embed):
    body = ["A debreceni operaház felújítása négy évig tartott, és 19 milliárd forintba került a város szerint."] * 3
    page = server.serve("/kultura/opera", page_meta_tags("Megnyílik az opera", body, site="Példa", url="https://pelda.hu/o", author="X", date="2025-07-02"), content_type="text/html")
    url = server.serve("/rss", rss([dict(ENTRIES[1], link=page)]))
    plain = build(IndexSettings(), embed_model=fake_embed, feeds=[url])
    assert server.requests == ["/rss"] and plain.added == 1
    assert "19 milliárd" not in Store(IndexSettings()).article(f"{url}#{page}").text
    fetched = build(IndexSettings(feed_fetch_pages=True), embed_model=fake_embed, feeds=[url])
    assert server.requests == ["/rss", "/rss", "/kultura/opera"] and fetched.updated == 1
    assert "19 milliárd forintba" in Store(IndexSettings()).article(f"{url}#{page}").text


def test_escaped_markup_in_titles_and_plain_text_is_kept_as_text(articles_dir):
    (articles_dir / "jelek.atom").write_bytes(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>x</id>'
        '<title type="html">&lt;b&gt;Vastag&lt;/b&gt; cím</title><content type="text">Ha a &lt; b, akkor &lt;i&gt; marad.</content>'
        "</entry></feed>".encode()
    )
    (article,), _ = read_articles(articles_dir, 5_000_000)
    assert (article.title, article.text) == ("Vastag cím", "Vastag cím\n\nHa a < b, akkor <i> marad.")


def test_a_gzipped_feed_is_unpacked_within_the_size_limit(server, articles_dir, fake_embed):
    import gzip

    packed = server.serve("/gz", gzip.compress(rss(ENTRIES).encode()), headers={"Content-Encoding": "gzip"})
    bomb = server.serve("/bomb", gzip.compress(b" " * 2_000_000), headers={"Content-Encoding": "gzip"})
    report = build(IndexSettings(max_file_bytes=1_000_000), embed_model=fake_embed, feeds=[packed, bomb])
    assert report.added == 3
    assert [(s.source, s.reason) for s in report.skipped] == [(bomb, "too large once unpacked (the limit is 1,000,000 bytes)")]
