"""Summary, timeline, collection and chat answers over the sample corpus (fake embedding)."""

import re

from index import build
from qa import Assistant, Settings, Turn

MARK = re.compile(r"\[(\d+)\]")


def check_citations(assistant, answer):
    """Every marker points at a citation whose quote is exactly the article's text there."""
    assert {int(m) for m in MARK.findall(answer.text)} == {c.marker for c in answer.citations}
    for c in answer.citations:
        article = assistant.article(c.passage.article_id)
        assert article.text[c.quote_start : c.quote_end] == c.quote
        assert c.passage.start <= c.quote_start < c.quote_end <= c.passage.end


def test_chat_answers_in_the_question_language_with_examples(assistant):
    hu = assistant.ask("Szia! Mit tudsz?")
    assert hu.kind == "chat" and not hu.refused and not hu.citations
    assert "2 cikk" in hu.text and hu.text.count("\n- ") >= 3
    en = assistant.ask("Hi, what can you do?")
    assert en.kind == "chat" and en.language == "en" and "2 loaded articles" in en.text
    assert assistant.ask("Köszönöm!").text.startswith("Szívesen")


def test_collection_counts_lists_and_finds_the_newest(assistant):
    count = assistant.ask("Hány cikk van?")
    assert count.kind == "collection" and "**2 cikk**" in count.text and not count.refused
    listing = assistant.ask("Milyen cikkek vannak?")
    titles = [a.title for a in sorted(assistant.library.articles(), key=lambda a: -a.published_int)]
    positions = [listing.text.find(t.split(" — ")[0][:40]) for t in titles]
    assert all(p > 0 for p in positions) and positions == sorted(positions), "newest first"
    newest = assistant.ask("Melyik a legfrissebb cikk?")
    assert "2025. szeptember 3." in newest.text
    # the sample's articles are plain files: their names are no source to a reader
    sources = assistant.ask("Milyen forrásokból vannak a cikkek?")
    assert sources.kind == "collection" and not sources.refused and not sources.citations
    assert sources.text == "A cikkeknek nincs megadott forrása."


def test_summary_of_the_collection_is_cited_per_article(assistant):
    answer = assistant.ask("Foglald össze a cikkeket!")
    assert answer.kind == "summary" and not answer.refused
    assert 3 <= len(answer.citations) <= 7
    assert answer.text.count("### ") == 2
    assert {c.passage.article_id for c in answer.citations} == {a.article_id for a in assistant.library.articles()}
    check_citations(assistant, answer)


def test_brief_follow_up_keeps_the_topic_and_shortens(assistant):
    history = [Turn("user", "Foglald össze a cikkeket Lavrov látogatásáról!"), Turn("assistant", "…")]
    answer = assistant.ask("És röviden?", history=history)
    assert answer.kind == "summary" and 1 <= len(answer.citations) <= 3
    check_citations(assistant, answer)


def test_summary_of_the_articles_after_an_unanswerable_question_covers_the_collection(assistant):
    # The conversation's topic (storks, in no article) must not narrow "the articles" to nothing.
    history = [Turn("user", "Hány gólyát számoltak meg idén?"), Turn("assistant", "A cikkek alapján erre nem tudok válaszolni.")]
    answer = assistant.ask("Foglald össze a cikkeket!", history=history)
    assert answer.kind == "summary" and not answer.refused
    assert {c.passage.article_id for c in answer.citations} == {a.article_id for a in assistant.library.articles()}
    # A follow-up naming no articles still keeps the conversation's topic.
    kept = assistant.plan("És röviden?", history=history)
    assert "gólyát" in kept.topic
    # "this collection" points at the collection, not back at the storks (found in the browser)
    whole = assistant.plan("Give me a quick rundown of everything in this collection.", history=history)
    assert whole.kind == "summary" and whole.topic == "" and "gólyát" not in whole.standalone


def test_timeline_is_in_date_order_and_respects_the_period(assistant):
    answer = assistant.ask("Mi történt időrendben Észak-Korea és Oroszország kapcsolatában?")
    assert answer.kind == "timeline" and not answer.refused
    dates = [c.passage.published_int for c in answer.citations]
    # One dated item per article; an item whose event gives no figure cites the sentence that does too.
    assert dates == sorted(dates) and len(set(dates)) == 2
    assert len([line for line in answer.text.splitlines() if line.startswith("- **")]) == 2
    check_citations(assistant, answer)
    july = assistant.ask("Mi történt időrendben Észak-Korea és Oroszország kapcsolatában júliustól augusztusig?")
    assert july.period == "2025. július 1. – 2025. augusztus 31."
    assert {c.passage.published for c in july.citations} == {"2025-07"}


def test_a_period_without_articles_says_so(assistant):
    answer = assistant.ask("Milyen cikkek jelentek meg 2024-ben?")
    assert answer.kind == "collection" and answer.period == "2024"
    assert "Nincs cikk" in answer.text
    summary = assistant.ask("Foglald össze, mit írtak 2024-ben Oroszországról!")
    assert summary.refused and "2024" in summary.text


def test_titles_cannot_inject_markdown_or_html(articles_dir, fake_embed):
    (articles_dir / "x.md").write_text(
        "---\ntitle: <script>alert(1)</script> **[x](http://evil)**\npublished: 2025-05-01\n---\n"
        "A városi tanács hétfőn új költségvetést fogadott el. A terv szerint iskolák épülnek.\n",
        encoding="utf-8",
    )
    settings = Settings()
    build(settings, embed_model=fake_embed)
    assistant = Assistant.open(settings=settings, embed_model=fake_embed)
    text = assistant.ask("Milyen cikkek vannak?").text
    assert not re.search(r"(?<!\\)[<\[]", text.replace("| ", "")), "every < and [ of the title is escaped"
    assert "\\<script\\>" in text and "\\[x\\]" in text


def test_fact_questions_take_the_period_as_a_filter(assistant):
    answer = assistant.ask("Kivel találkozott Kim Dzsongun szeptemberben?")
    assert answer.kind == "fact" and answer.period == "2025. szeptember"
    assert all(h.passage.published == "2025-09-03" for h in answer.retrieved)


def test_the_oldest_article_names_no_file_as_its_source(assistant):
    # the sample's articles are plain files: "000_….txt" is no source to a reader
    oldest = assistant.ask("Melyik a legrégebbi cikk?")
    assert oldest.kind == "collection" and ".txt" not in oldest.text and "2025. július" in oldest.text
