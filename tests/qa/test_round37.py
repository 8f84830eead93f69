"""Faults of round 37, read on the unseen dev29: a sum said of its subject ("a kár 196 millió
forint volt") or written as an adjective ("185 millió forintos kárról") was of nothing, so a
story's damage and its cost were followed as one; a plural past ("épültek") and "követték
egymást" were not read as a story's order."""

import pytest

from qa.kinds.running import counts_in, followed
from qa.planner import fold
from qa.past_tense import past_event
from tests.qa.test_request_cues import kind


@pytest.mark.parametrize("sentence, thing", [
    ("A MÁV Zrt. első becslése szerint a kár kb. 120 millió forint.", "forin kar"),
    ("A biztosító végső elszámolása szerint a kár 196 millió forint volt.", "forin kar"),
    # the adjective's noun, whatever subject stands before the sum
    ("A felmérés után a vasúttársaság már 185 millió forintos kárról beszél.", "forin kar"),
    ("A beruházás végül 342 millió forintba került.", "forin beruh"),
    ("A beruházás végül 342 millió forint lett.", "forin beruh"),
    # the possessive, as before
    ("A felújítás költsége 240 millió forint.", "forin kolts"),
])
def test_a_sum_is_of_its_subject_or_of_the_noun_it_describes(sentence, thing):
    assert thing in counts_in(sentence), counts_in(sentence)


def test_no_subject_where_none_stands_before_the_sum():
    # "előbb 150 ezer, majd 250 ezer eurót": a verb's object, of nothing named
    assert set(counts_in("A cég előbb 150 ezer, majd 250 ezer eurót kért.")) == {"euro"}
    # a capitalised word is a name, not the sum's noun
    assert set(counts_in("A Mátra 120 millió forintot kapott.")) == {"forin"}


def test_a_story_follows_its_damage_apart_from_its_other_sums():
    story = [
        ["Vonat ütközött egy teherautóval.", "A MÁV első becslése szerint a kár kb. 120 millió forint."],
        ["A beruházás költségét a tervezők 310 millió forintra becsülik.",
         "A vasúttársaság már 185 millió forintos kárról beszél."],
        ["A beruházás végül 342 millió forintba került.", "A biztosító szerint a kár 196 millió forint volt."],
    ]
    assert followed(story)[0] == "forin kar"


@pytest.mark.parametrize("question", [
    "Hol épültek energiatárolók, és milyen sorrendben írtak róluk?",
    "Hogyan követték egymást időben a temetői bronzlopások?",
])
def test_the_order_of_what_happened_is_a_timeline(question):
    assert kind(question) == "timeline"


@pytest.mark.parametrize("question, past", [
    ("Hol épültek energiatárolók?", True),
    # an accusative is a lemma and a bare "t", no past
    ("Milyen sorrendben kapják az autót?", False),
    ("Milyen sorrendben indulnak a versenyzők?", False),
])
def test_a_plural_past_is_read_by_its_lemma(question, past):
    assert past_event(fold(question), question) is past


def test_a_count_of_people_with_the_collective_ending_is_followed():
    # "1200-an írták alá", "2870-en írták alá": how many signed, in two articles of the story
    assert counts_in("Kedd délig több mint 1200-an írták alá az ívet.") == {"foan": frozenset({"1200"})}
    assert followed([["Kedd délig 1200-an írták alá az ívet."], ["A petíciót végül 2870-en írták alá."]]) == ("foan",)
    # a year's ending is no count of people; a room for 80 ("80 fős") is not how many came
    assert "foan" not in counts_in("2025-ben 120 ember vett részt.")
    assert followed([["A 80 fős teremben ültek."], ["Az első héten 160-an iratkoztak be."]]) == ()
