"""Request wordings from dev37 (and two of dev38, seen in the same listing) and from the blind probes
requests-dev3 and requests-dev4, read by the planner's structure alone (no model)."""

from datetime import date

import pytest

from qa.planner import Planner

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def kind(question: str) -> str:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


@pytest.mark.parametrize(
    "question, expected",
    [
        # what was hoped or announced beforehand against what came of it: the story in order
        ("How did the medal hopes of the archers compare with what they actually won?", "timeline"),
        ("How did the number of aircraft compare with what was announced beforehand?", "timeline"),
        ("How did the price compare with last year?", "fact"),
        # what an article said is its summary, not the article named
        ("What did the article on the e-bike thieves say?", "summary"),
        ("What did the article say about the cost of the bridge?", "summary"),
        ("Mit tudni a gyermek-asztmagondozóról?", "summary"),
        # pieces or reports about something are articles; found pieces are not
        ("List the pieces about the kindergarten expansions.", "collection"),
        ("List the pieces found at the Celtic site.", "fact"),
        # asking whether the assistant can chat, after a greeting, is small talk
        ("Jó reggelt! Mi újság, tudsz beszélgteni is?", "chat"),
        ("Can you talk?", "chat"),
        ("Mi újság a Balatonnál?", "summary"),
    ],
)
def test_dev37_wordings(question, expected):
    assert kind(question) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # wordings from the blind probe requests-dev3.jsonl (over the corpus's dev half)
        ("Hány anyag foglalkozik a mezőtúri híddal?", "collection"),
        ("How many pieces are filed under economy?", "collection"),
        ("Mióta ír a lap a mezőtúri hídról?", "collection"),
        ("Can you sum up the coverage of the mayoral by-elections?", "summary"),
        ("Give me the lowdown on the by-election piece.", "summary"),
        ("Mi a sztori a Békéscsaba edzőcseréjével?", "summary"),
        ("Mit ígértek tavasszal a híd átadásáról, és mikor adták át valójában?", "timeline"),
        ("Mi volt a terv a régi Petőfi-híddal, és mi lett végül?", "timeline"),
        ("Vezess végig a hídprojekt állomásain a kezdetektől!", "timeline"),
        ("Edzőváltások az NB II-ben: mi jött mi után?", "timeline"),
        ("Egy számban összefoglalva: hány munkahelyet hoz a nyíregyházi gyár?", "fact"),
        ("Mi történt a Rábai-részvénnyel a gyorsjelentés napján?", "fact"),
        ("jo ejt, holnap folytatjuk", "chat"),
        # and what must stay as it was
        ("Mióta működik a gyár?", "fact"),
        ("Hány ember foglalkozik a gyárban a szereléssel?", "fact"),
        ("Mi volt a terv a régi híddal?", "fact"),
        ("Mi történt a Madách-iskolával?", "timeline"),
    ],
)
def test_probe_wordings(question, expected):
    assert kind(question) == expected


def test_a_capitalised_word_after_a_name_is_no_date():
    from qa.dates import parse_period

    # "Alföld Ma" is a paper; "Ma" (today) opening a question is a day
    assert parse_period("Az Alföld Ma-tól hány írás van bent?", "hu", today=TODAY, latest=LATEST) is None
    assert parse_period("Ma mi jelent meg?", "hu", today=TODAY, latest=LATEST) is not None


def test_a_short_word_of_a_source_name_is_matched_whole():
    from index import Article
    from qa.kinds.filing import from_source

    paper = Article("a1", "Híd", "2025-03-06", 20250306, "helyi", "Alföld Ma", "", "…")
    assert from_source("Alföld Ma", paper)
    assert not from_source("Alföld Magyarország", paper)  # "Ma" is not the start of "Magyarország"
    assert not from_source("Alföld", paper)


# wordings of the blind probe requests-dev4.jsonl (over dev37's and dev38's articles)
@pytest.mark.parametrize(
    "question, expected",
    [
        # the steps of a story one by one, before and after, or what was announced against what came
        ("What did the council do for commuters at each stage of the line's closure?", "timeline"),
        ("How many entries were announced beforehand vs how many archers actually competed?", "timeline"),
        ("uj gat: mikorra igertek es mikor lett tenyleg kesz?", "timeline"),
        ("Hogyan drágult menet közben a vasútvonal felújítása?", "timeline"),
        ("How many entries were announced?", "fact"),
        # told about, compared, the details wanted
        ("Mesélj a vár felújításáról!", "summary"),
        ("Két lopásról is írtak ősszel – miben hasonlít és miben különbözik a két eset?", "summary"),
        ("car thefts in two towns – compare the two cases please", "summary"),
        ("Mit találtak a régészek a falu mellett? Érdekelnek a részletek.", "summary"),
        ("whats the story with the huge mural?", "summary"),
        # small talk, and telling about oneself is the assistant's
        ("Unatkozom, beszélgessünk egy kicsit!", "chat"),
        ("Mesélj magadról!", "chat"),
        ("Jó estét! Mesélnél egy kicsit magadról?", "chat"),
    ],
)
def test_probe4_wordings(question, expected):
    assert kind(question) == expected


def test_where_the_articles_come_from_is_their_sources():
    plan = Planner(None).plan
    for question in ("Honnan származnak a cikkek?", "Which newspapers do these articles come from?", "Where do the articles come from?"):
        request = plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)
        assert (request.kind, request.operation, request.topic) == ("collection", "sources", ""), question
    assert kind("Honnan származik a pénz a hídra?") == "fact"


def test_a_month_s_adjective_before_the_articles_dates_them():
    plan = Planner(None).plan
    request = plan("Sorold fel a januári cikkek címeit!", "Sorold fel a januári cikkek címeit!", today=TODAY, latest=LATEST, earliest=EARLIEST)
    assert (request.kind, request.topic, request.period.date_from, request.period.date_to) == ("collection", "", 20250101, 20250131)
    # of anything else it says when that happened, not when it was written
    request = plan("Mennyi volt a januári infláció?", "Mennyi volt a januári infláció?", today=TODAY, latest=LATEST, earliest=EARLIEST)
    assert request.period is None


@pytest.mark.parametrize("question", ["What are the headlines from May?", "Show me the headlines", "Mutasd a cikkeket!"])
def test_headlines_and_showing_are_the_collection_s(question):
    request = Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)
    assert request.kind == "collection" and request.topic == ""


@pytest.mark.parametrize(
    "question, expected",
    [
        # a search box's words ask no one fact: what the articles tell of them
        ("bataapati hulladektarolo bovites", "summary"),
        ("hírek?", "summary"),
        ("csepeli HÉV", "summary"),
        # a question, a follow-up's joining word, thanks and greetings are not search words
        ("csepeli HÉV?", "fact"),
        ("És a hídé", "fact"),
        ("szia", "chat"),
    ],
)
def test_search_box_words(question, expected):
    assert kind(question) == expected
    assert kind("Köszönöm szépen a segítséget!") != "summary"  # thanks: chat, by the kinds' vote


def test_search_words_the_collection_never_writes_are_searched_as_a_fact():
    """"Mezőtúr" over other towns' news: the fact search says no article is about it, where a
    summary would tell the nearest article."""
    planner = Planner(None, written=lambda stem: stem != "mezot")
    ask = lambda q: planner.plan(q, q, today=TODAY, latest=LATEST, earliest=EARLIEST).kind  # noqa: E731
    assert ask("Mezőtúr") == "fact" and ask("csepeli HÉV") == "summary"
