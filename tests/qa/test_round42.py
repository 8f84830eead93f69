"""Request wordings from dev40 (read unseen once, then these mended): what the articles are cited
for is no question about the articles, and a plural past the lemmatiser gives as the singular past."""

from datetime import date

import pytest

from qa.past_tense import past_event
from qa.planner import Planner, fold
from qa.request_cues import about_articles

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def kind(question: str) -> str:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


@pytest.mark.parametrize("question", [
    "Hol és milyen sorrendben készültek szolgálati lakások pedagógusoknak a cikkek szerint?",
    "In what order were the flats built, according to the articles?",
])
def test_the_order_of_events_the_articles_tell_is_a_timeline(question):
    assert kind(question) == "timeline"


@pytest.mark.parametrize("question, expected", [
    ("Mi történt a cikkek szerint a hídon?", False),
    ("Milyen cikkek jelentek meg a hídról?", True),
    ("Which articles came out in May, and in what order?", True),
])
def test_articles_cited_for_what_they_tell_are_not_asked_about(question, expected):
    assert about_articles(fold(question)) is expected


@pytest.mark.parametrize("question, expected", [
    ("Milyen sorrendben készültek a lakások?", True),  # "készült" the lemma, "készül" the verb
    ("Hány kertek vannak?", False),  # "kert" is no verb's past
])
def test_a_plural_past_read_through_the_singular_past(question, expected):
    assert past_event(fold(question), question) is expected


def test_a_story_s_cost_is_followed_beside_two_counts_of_as_many_articles():
    # dev40's mine collapse: houses and buildings counted in both articles, the cost moving too
    from qa.kinds.running import followed

    first = ["A szakemberek 14 épületen találtak repedést, hat háznál elzárták a gázt.",
             "A tömedékelés kb. 180 millió forintba kerülhet."]
    second = ["A kormány 390 millió forintot biztosít a tömedékelésre.",
              "Kilenc házból 37 embert költöztettek ki, két épületnél a javítás gazdaságtalan lehet."]
    things = followed([first, second])
    assert "forin" in things and len(things) == 3, things
