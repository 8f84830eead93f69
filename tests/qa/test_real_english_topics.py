"""Questions about the collection in English, a category over several stories, a count followed
in English, and speaking to the assistant: the real e5 model over the fourteenth dev corpus (slow)."""

import pytest

from devcorpus import assistant_over, listed
from qa import bilingual

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dev14(tmp_path_factory):
    return assistant_over(tmp_path_factory, "dev14")


def test_a_category_spans_its_stories(dev14):
    answer = dev14.ask("Melyik cikkek szólnak sportról?")
    assert answer.kind == "collection"
    # two articles of the wrestling championship and one of the lake swim: a category is no story
    assert any("Balatont" in t for t in listed(answer)) and sum("birkóz" in t for t in listed(answer)) == 2


@pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")
def test_an_english_topic_finds_its_articles_through_the_dictionary(dev14):
    meteorites = listed(dev14.ask("Which articles are about meteorites?"))
    assert len(meteorites) == 2 and all("meteorit" in t.lower() for t in meteorites)
    culture = listed(dev14.ask("Which articles are about culture?"))
    assert culture and any("ikonosztáz" in t for t in culture) and not any("meteorit" in t.lower() for t in culture)
    answer = dev14.ask("How did the number of cancelled group tickets change while the chairlift was out of service?")
    assert answer.kind == "timeline" and all(n in answer.text for n in ("3400", "9100", "11 ezer"))


def test_speaking_to_the_assistant_is_chat(dev14):
    for question in ("Hi there, what is this assistant for?", "Milyen nyelven kérdezhetek tőled?"):
        answer = dev14.ask(question)
        assert answer.kind == "chat" and not answer.refused, question
    answer = dev14.ask("What happened to Gergely Ádám in June 2025, in order?")
    assert answer.kind == "timeline" and "5:1" in answer.text
    # the example name is written bare, as the articles write it
    assert "Ajkán kapcsán" not in dev14.ask("Szia, mit tudsz?").text
