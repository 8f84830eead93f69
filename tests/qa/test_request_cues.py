"""Request wording read without a model: a newspaper section names where articles are filed,
the assistant's language is chat, and the order of two towns' events is a timeline."""

from datetime import date

import pytest

from qa.planner import Planner

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def kind(question: str) -> str:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


@pytest.mark.parametrize("question, expected", [
    ("Mi jelent meg a sport rovatban?", "collection"),
    ("Melyik cikkek jelentek meg a kultúra rovatban?", "collection"),
    ("Which articles appeared in the science section?", "collection"),
    # a section word without a verb of publishing is no article ("a rovatvezető szerint")
    ("Mit mondott a rovatvezető a díjról?", "fact"),
    ("Jó estét! Angolul is tudsz válaszolni?", "chat"),
    ("Can I ask in English?", "chat"),
    ("Magyarul írt cikkek vannak?", "collection"),
    ("Milyen sorrendben indult el a közbringa Sárváron és Celldömölkön?", "timeline"),
    ("In which order did Pápa and Ajka decide on free buses?", "timeline"),
    # the order of one field's start is a fact
    ("Milyen sorrendben indulnak a versenyzők?", "fact"),
])
def test_request_wording(question, expected):
    assert kind(question) == expected


def test_a_section_word_is_no_word_of_the_category():
    from index import Article
    from qa.kinds.salience import stems
    from qa.kinds.topic import in_category

    culture = Article("k", "Cím", "2025-05-01", 20250501, "kultúra", "", "", "Szöveg.")
    assert in_category(stems("kultúra rovatban"), culture) and in_category(stems("kultúra kategóriában"), culture)
    assert not in_category(stems("rovatban"), culture)


@pytest.mark.parametrize("question, expected", [
    ("Mi jelent meg júliusban?", "collection"),
    # a topic of its own, or an order asked for, is another kind
    ("Mikor jelent meg a könyv?", "fact"),
    ("What was published in May, in chronological order?", "timeline"),
])
def test_what_appeared_in_a_period_is_a_question_about_the_collection(question, expected):
    assert kind(question) == expected


@pytest.mark.parametrize("question", [
    "Ki vagy te pontosan? Ember vagy, vagy program?",
    "Are you a person or a bot? Where do your answers come from?",
    "Honnan tudod?",
])
def test_asking_what_the_assistant_is_is_chat_whatever_words_it_uses(question):
    assert kind(question) == "chat"


def test_where_something_comes_from_is_no_question_to_the_assistant():
    assert kind("Honnan származik a pénz?") == "fact"
