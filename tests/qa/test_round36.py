"""Faults of round 36: a listing of one article named an order ("a legfrissebbtől"); an English
timeline followed nothing beyond its story ("the deadline" of a gym's story)."""

from collections import Counter

import pytest

from qa import bilingual
from qa.kinds.followed import days
from qa.kinds.running import followed
from qa.kinds.topic_names import topic_names, written
from qa.kinds.translated import as_written
from qa.planner import Request, fold
from qa.past_tense import past_event
from tests.qa.test_request_cues import kind


def test_a_listing_of_one_article_names_no_order(assistant):
    one = assistant.ask("Milyen cikkek jelentek meg 2025 szeptemberében?")
    assert one.kind == "collection" and "**1 cikk**" in one.text, one.text
    assert "legfrissebbtől" not in one.text
    both = assistant.ask("Milyen cikkek vannak?")
    assert "**2 cikk**, a legfrissebbtől:" in both.text
    english = assistant.ask("Which articles appeared in September 2025?")
    assert "**1 article**" in english.text and "newest first" not in english.text, english.text


class _Sentence:
    def __init__(self, text):
        self.text = text


class _Story:
    def __init__(self, *texts):
        self.texts = texts

    def sentences(self, article):
        return [_Sentence(t) for t in self.texts[article]]


@pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")
def test_an_english_topic_s_words_are_read_as_the_story_writes_them():
    story = _Story(["A tornacsarnoknak október 31-ig kell elkészülnie."],
                   ["Három héttel a vállalt határidő után adták át.", "A határidőt a kivitelező nem tartotta."])
    written = as_written(story, [0, 1], "deadline new gym Bicske shift year")
    # "deadline" as "határidő", "gym" as the story's "tornacsarnok"; "shift" has too many senses
    # to mean one thing, "Bicske" is no word the dictionary knows
    assert "hatarido" in written and any(w.startswith("tornacsarn") for w in written)
    assert not any(w.startswith(("csere", "muszak", "valt")) for w in written)
    # a word none of whose senses the story writes gives nothing
    assert as_written(story, [0, 1], "orchestra") == frozenset()


@pytest.mark.parametrize("question", [
    "Which fish farm projects in Zala and Somogy made the news in 2025, and in what order?",
    "Which new bus stations were opened in 2025, and in what order?",
    "Which fish farms were built in 2025, and in what order?",
])
def test_which_things_happened_and_in_what_order_is_a_timeline(question):
    assert kind(question) == "timeline"


def test_an_irregular_english_past_is_a_past_event():
    for question in ("Which clubs won titles, in what order?", "Which projects made the news?", "What broke down first?"):
        assert past_event(fold(question), question), question
    assert not past_event(fold("In what order will the teams start?"), "In what order will the teams start?")


def test_hectares_and_cubic_metres_are_measures_a_story_follows_after_its_sums():
    story = [["A tűz 12 hektáron ég.", "A védekezés kb. 60 millió forintba kerülhet."],
             ["Már 31 hektáron izzik.", "A szivattyúk óránként 900 köbméter vizet emelnek át.", "A költséget 180 millió forintra becsülik."],
             ["Összesen 46 hektár égett le.", "A szivattyúk 1,1 millió köbméter vizet emeltek át.", "A védekezés végül 294 millió forintba került."]]
    assert followed(story)[0].startswith("forin")


def test_a_day_is_read_without_its_ending():
    assert days("A katasztrófavédelem szeptember 12-én jelentette be, hogy máj. 3-án vége.") == {"szeptember 12", "majus 3"}
    assert days("A Május 1. utcában laknak.") == frozenset()


@pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")
def test_a_place_the_collection_writes_only_as_its_adjective_is_a_name():
    # dev28 writes "a lábodi orvvadászok", never "Lábod"; "Compare … at Csákánydoroszló and at
    # Lábod" must require both places, either of them in an article
    counts = Counter({("labodi", False): 5, ("csakanydoroszlo", True): 3, ("acsi", False): 2})
    assert written(["csakanydoroszlo", "labod"], counts) == ["csakanydoroszlo", "labod"]
    # however common the word ("ács", a carpenter), and a key the collection never writes is not
    assert written(["acs", "csakanydoroszlo", "aszod"], counts) == ["acs", "csakanydoroszlo"]
    question = "Compare the two poaching cases, at Csákánydoroszló and at Lábod."
    request = Request(question=question, standalone=question, kind="summary", language="en",
                      topic="two poaching cases Csákánydoroszló Lábod", period=None, asks_for=None, names=())
    assert topic_names(request, counts) == ["csakanydoroszlo", "labod"]


def test_places_joined_by_or_are_each_asked_of():
    from qa.kinds.topic import _JOINED

    # "a kemecseiét vagy a nyírmadaiét": an article about either belongs to the answer
    assert _JOINED.search(fold("Melyik almahűtőház alapkövét tették le előbb, a kemecseiét vagy a nyírmadaiét?"))
    assert _JOINED.search(fold("Which came first, the Kemecse or the Nyírmada cold store?"))
