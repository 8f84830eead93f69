"""The real chat in a real browser: streamlit run + Debian's chromium via playwright (slow).

Saves screenshots under test-artifacts/ for inspection.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paths import ARTIFACTS, CORPUS, ROOT
from servers import free_port, wait_until_up

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: ./test.sh installs it (apt-get install chromium)")
    work = tmp_path_factory.mktemp("browser")
    articles = work / "articles"
    shutil.copytree(CORPUS, articles)
    (articles / "hostile.txt").write_text(
        " date 2025-10-01 Teszt\n\n<script>alert(1)</script> fejléc\n\nEz a cikk <b>HTML</b> jelölést tartalmaz, amit szövegként kell mutatni.",
        encoding="utf-8",
    )
    port = free_port()
    env = {**os.environ, "NEWSQA_STORE_DIR": str(work / "store"), "NEWSQA_ARTICLES_DIR": str(articles), "NEWSQA_COLLECTION": "browser"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/_stcore/health", proc, 60, "streamlit")
    yield url, started
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=args)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def page(browser, app_url):
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.goto(app_url[0])
    yield tab
    tab.close()


def test_hungarian_question_gets_a_cited_answer(page, app_url):
    ARTIFACTS.mkdir(exist_ok=True)
    box = page.get_by_placeholder("Kérdés a cikkekről…")
    box.wait_for(timeout=300_000)  # the first start builds the index with the real model
    asked = time.perf_counter()
    box.fill("Hol találkozott Kim Dzsongun Vlagyimir Putyinnal?")
    box.press("Enter")
    page.get_by_text("Források").wait_for(timeout=120_000)
    answered = time.perf_counter()
    body = page.inner_text("body")
    assert "pekingi találkozón" in body
    assert "Megerősítette korábbi kétállami megállapodását" in body  # the cited article's title
    page.screenshot(path=str(ARTIFACTS / "ui-answer.png"), full_page=True)
    print(f"\nstart→first answer {answered - app_url[1]:.1f} s; question→answer {answered - asked:.1f} s")


def test_refusal_and_html_in_articles_shown_as_text(page):
    box = page.get_by_placeholder("Kérdés a cikkekről…")
    box.fill("Ki nyerte a 2022-es labdarúgó-világbajnokságot?")
    box.press("Enter")
    page.get_by_text("A cikkek alapján erre a kérdésre nem tudok válaszolni.").last.wait_for(timeout=120_000)
    page.get_by_text("Cikkek", exact=True).click()
    # The hostile title is visible as characters, and nothing in it ran.
    page.get_by_text("<script>alert(1)</script> fejléc", exact=False).first.wait_for(timeout=10_000)
    assert page.dialogs == []
    page.screenshot(path=str(ARTIFACTS / "ui-refusal.png"), full_page=True)


def test_three_sessions_at_once_keep_their_own_conversations(browser, app_url, page):
    page.get_by_placeholder("Kérdés a cikkekről…").wait_for(timeout=300_000)  # the app is up
    asks = {
        "Melyik kutatóintézet elemezte az együttműködést?": "Chatham House",
        "Mit üzent Kim Dzsongun Putyinnak Lavrovon keresztül?": "üdvözletét",
        "Meddig marad hatályban a szerződés?": "határozatlan ideig",
    }
    tabs = []
    for question in asks:
        context = browser.new_context()  # a separate browser session each
        tab = context.new_page()
        tab.goto(app_url[0])
        box = tab.get_by_placeholder("Kérdés a cikkekről…")
        box.wait_for(timeout=60_000)
        box.fill(question)
        tabs.append((tab, box))
    for tab, box in tabs:
        box.press("Enter")  # all three questions are in flight together
    for (tab, _), (question, expected) in zip(tabs, asks.items()):
        tab.get_by_text("Források").first.wait_for(timeout=120_000)
        body = tab.inner_text("body")
        assert question in body and expected in body
        assert all(other not in body for other in asks if other != question)
        tab.context.close()
