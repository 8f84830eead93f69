"""Faults an unseen dev set (dev25) showed: the asker's "what kind of" named a topic, a due
date written "szeptember 1-jére" and a deadline written in its possessive form were missed, a
month named in passing stood for the day a building was handed over, and a count written as
one compound ("nézőszáma") was not followed, its "várakozásokhoz képest" read as a waiting time."""

import pytest

from qa.kinds.followed import _DUE, counted, holds, measured, on_a_day
from qa.planner import Request, fold, topic_of
from tests.qa.test_request_cues import kind


@pytest.mark.parametrize("question", [
    "Briefly, what kind of news is in this collection?",
    "What sort of articles do you have?",
    "Milyen fajta hírek vannak a gyűjteményben?",
])
def test_asking_what_kind_of_news_there_is_asks_for_the_overview(question):
    assert topic_of(question) == ""
    assert kind(question) == "summary"


@pytest.mark.parametrize("question", [
    "Milyen fajta meteorit került elő Lenti mellett?",
    "What kind of fish were released into the lake?",
    "What kind of damage did the storm cause?",
])
def test_what_kind_of_thing_something_is_stays_a_fact_question(question):
    assert kind(question) == "fact"


def test_a_month_s_day_with_a_possessive_due_ending_is_a_due_date():
    for text in ("szeptember 1-jére", "március 31-ére", "május 2-ára", "június 30-ig"):
        assert _DUE.search(fold(f"A csarnoknak {text} kell elkészülnie.")), text
    assert not _DUE.search(fold("A csarnokot november 21-én adták át."))


def test_a_day_is_told_apart_from_a_month_named_in_passing():
    assert on_a_day("Az épületet november 21-én, pénteken adták át.")
    assert not on_a_day("Az új tornacsarnok 418 millió forintba került, többe az áprilisban becsült összegnél.")


def test_a_deadline_asked_in_its_possessive_form_is_held_where_the_article_writes_the_word():
    # "határideje" stems to "hataride"; the article writes "határidő"
    assert holds(frozenset({"hataride"}), "Három héttel a vállalt október 31-i határidő után adták át.") == 1.0
    assert holds(frozenset({"hataride"}), "A csarnokot pénteken adták át.") == 0.0


def test_a_count_written_as_one_compound_is_followed_and_expectations_are_no_waiting_time():
    question = "Hogyan alakult a zamárdi strandröplabda-ob nézőszáma a várakozásokhoz képest?"
    request = Request(question=question, standalone=question, kind="timeline", language="hu", topic="", period=None,
                      asks_for=None, names=())
    assert "nezo" in counted(request)
    assert measured(question) is None
    # the waiting time itself is still a duration
    assert measured("Hogyan változott a várakozási idő a rendelőben?") is not None


@pytest.mark.parametrize("question, also", [
    ("Mikor jelent meg az Interfax cikke, és miről szólt?", True),
    ("What is the newest article, and what is it about?", True),
    ("Melyik a legrégebbi cikk, és mit írtak benne?", True),
    ("Mikor jelent meg az Interfax cikke?", False),
    ("Miről szól a legfrissebb cikk?", False),  # a summary request of its own, not a second question
])
def test_asking_in_the_same_breath_what_an_article_was_about(question, also):
    from qa.kinds.collection import _ALSO_ABOUT

    assert bool(_ALSO_ABOUT.search(fold(question))) is also
