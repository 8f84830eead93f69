"""A page, an RSS file, an Atom file and a feed URL, built by the CLI with the real e5 model,
then asked about: each answer cites the article the fact came from (slow)."""

import json
import subprocess
import sys

import pytest

import feedserver
from index import IndexSettings, Store
from web_samples import BOILERPLATE, atom, page_meta_tags, rss

pytestmark = pytest.mark.slow

PAGE = page_meta_tags(
    "Felújítják a szegedi víztornyot",
    [
        "A szegedi víztorony felújítása 2,4 milliárd forintba került a városvezetés tájékoztatása szerint.",
        "A tornyot 1904-ben építették, és a város egyik legismertebb jelképe, amelyet évente sok turista keres fel.",
    ],
    site="Telex", url="https://telex.hu/belfold/2025/07/12/viztorony", author="Kovács Anna", date="2025-07-12",
)  # fmt: skip
RSS = rss([
    dict(guid="https://pelda.hu/gyor-hid", link="https://pelda.hu/gyor-hid", title="Új híd épül Győrben", date="Tue, 01 Jul 2025 09:00:00 +0200",
         author="Kiss Péter", html="<p>A győri új Duna-híd 2027 végére készül el a kivitelező szerint.</p><p>A híd négysávos lesz, kerékpárúttal.</p>"),
])  # fmt: skip
ATOM = atom([
    dict(guid="tag:bor.pelda.hu,2025:tokaj", link="https://bor.pelda.hu/tokaj", title="Rekordtermés Tokajban", date="2025-09-20T10:00:00+02:00",
         author="Fekete Gábor", html="<p>A tokaji szüret 12 százalékkal több szőlőt hozott, mint az előző évben.</p><p>A borászok elégedettek a minőséggel.</p>"),
], title="Borhírek")  # fmt: skip
FEED = rss([
    dict(guid="sport-1", link="https://sport.pelda.hu/uszas", title="Aranyérem a vizes világbajnokságon", date="Thu, 31 Jul 2025 21:15:00 +0200",
         author="Tóth Anna", html="<p>Kós Hubert 200 méter háton aranyérmet nyert a szingapúri világbajnokságon.</p><p>A döntőben egyéni csúcsot úszott.</p>"),
], title="Sporthírek")  # fmt: skip


def test_pages_and_feeds_end_to_end(tmp_path, articles_dir):
    (articles_dir / "viztorony.html").write_text(PAGE, encoding="utf-8")
    (articles_dir / "hirek.rss").write_text(RSS, encoding="utf-8")
    (articles_dir / "bor.atom").write_text(ATOM, encoding="utf-8")
    state, httpd = feedserver.start()
    try:
        url = state.serve("/sport.rss", FEED)
        store_dir = tmp_path / "real-store"
        cmd = [sys.executable, "-m", "index", "build", "--articles", str(articles_dir), "--feed", url, "--store", str(store_dir)]
        built = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert built.returncode == 0, built.stderr
        assert "4 added" in built.stdout and "0 skipped" in built.stdout, built.stdout
        again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert "0 added" in again.stdout and "4 unchanged" in again.stdout and "0 passages written" in again.stdout, again.stdout
    finally:
        httpd.shutdown()
        httpd.server_close()
    shown = subprocess.run([sys.executable, "-m", "index", "status", "--store", str(store_dir), "--json"], capture_output=True, text=True, timeout=120)
    listed = {t["article_id"]: (t["title"], t["published"], t["source"], t["url"]) for t in json.loads(shown.stdout)["titles"]}
    ids = {
        "page": "viztorony.html",
        "rss": "hirek.rss#https://pelda.hu/gyor-hid",
        "atom": "bor.atom#tag:bor.pelda.hu,2025:tokaj",
        "feed": f"{url}#sport-1",
    }
    assert listed == {
        ids["page"]: ("Felújítják a szegedi víztornyot", "2025-07-12", "Telex (Kovács Anna)", "https://telex.hu/belfold/2025/07/12/viztorony"),
        ids["rss"]: ("Új híd épül Győrben", "2025-07-01", "Példa Hírek (Kiss Péter)", "https://pelda.hu/gyor-hid"),
        ids["atom"]: ("Rekordtermés Tokajban", "2025-09-20", "Borhírek (Fekete Gábor)", "https://bor.pelda.hu/tokaj"),
        ids["feed"]: ("Aranyérem a vizes világbajnokságon", "2025-07-31", "Sporthírek (Tóth Anna)", "https://sport.pelda.hu/uszas"),
    }
    page_text = Store(IndexSettings(store_dir=store_dir)).article(ids["page"]).text
    assert not any(word in page_text for word in BOILERPLATE)

    from qa import Assistant

    assistant = Assistant.open(store=str(store_dir))
    for question, where, fact in [
        ("Mennyibe került a szegedi víztorony felújítása?", "page", "2,4 milliárd"),
        ("Mikor készül el a győri Duna-híd?", "rss", "2027 végére"),
        ("Mennyivel több szőlőt hozott a tokaji szüret?", "atom", "12 százalékkal"),
        ("Melyik számban nyert aranyérmet Kós Hubert?", "feed", "200 méter háton"),
    ]:
        answer = assistant.ask(question)
        assert not answer.refused, question
        first = answer.citations[0]
        assert first.passage.article_id == ids[where] and fact in first.quote, (question, answer.text)
        cited = answer.to_dict()["citations"][0]
        assert (cited["source"], cited["url"]) == listed[ids[where]][2:], question
