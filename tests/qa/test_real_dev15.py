"""Requests over the fifteenth dev corpus with the real e5 model (slow): a comparison whose
two towns word their topic differently, an English topic the English–Hungarian dictionary
lacks, a newspaper section, the assistant's language, the order of two towns' events, and a
story followed by its cost and its count."""

import pytest

from devcorpus import assistant_over, listed
from qa import bilingual

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dev15(tmp_path_factory):
    return assistant_over(tmp_path_factory, "dev15")


def test_a_comparison_reads_each_town_s_articles_on_their_own(dev15):
    # Sárvár writes "közbringa", Celldömölk "közösségi kerékpár": each side is its town's best
    answer = dev15.ask("Hasonlítsd össze a sárvári és a celldömölki közbringarendszert!")
    assert answer.kind == "summary" and "Sárvár" in answer.text and "Celldömölk" in answer.text


def test_a_newspaper_section_is_its_category(dev15):
    culture = listed(dev15.ask("Melyik cikkek jelentek meg a kultúra rovatban?"))
    assert len(culture) == 3 and sum("szigetvári" in t for t in culture) == 2
    assert dev15.ask("Mi jelent meg a sport rovatban?").kind == "collection"


@pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")
def test_english_words_the_first_dictionary_lacks_and_english_words_that_start_like_names(dev15):
    if "wolf" in bilingual.dictionary():  # the Hungarian–English dictionary is installed too
        wolves = listed(dev15.ask("Which articles are about wolves?"))
        assert len(wolves) == 2 and all("arkas" in t for t in wolves)
    # "over time" is English, not the given name "Tímea" every article would have to write
    answer = dev15.ask("How did the number of finds from the Szigetvár powder store grow over time?")
    assert answer.kind == "timeline" and not answer.refused


def test_the_assistant_s_language_is_chat_and_two_towns_order_a_timeline(dev15):
    for question in ("Jó estét! Angolul is tudsz válaszolni?", "Can I ask in English?"):
        answer = dev15.ask(question)
        assert answer.kind == "chat" and not answer.refused, question
    answer = dev15.ask("Milyen sorrendben indult el a közbringa Sárváron és Celldömölkön?")
    assert answer.kind == "timeline" and answer.text.index("Sárvár") < answer.text.index("Celldömölk")


def test_a_story_is_followed_by_its_cost_and_its_count(dev15):
    answer = dev15.ask("Mi történt időrendben a szigetvári várral?")
    assert answer.kind == "timeline"
    at = [answer.text.find(f) for f in ("240 millió", "385 millió", "412 millió", "1800 diák", "5200 diák", "6100 diák")]
    assert all(i >= 0 for i in at) and at[:3] == sorted(at[:3]) and at[3:] == sorted(at[3:])
    # a change request's aspect joins each item that lacks it
    answer = dev15.ask("How did the number of cancelled school visits to Szigetvár castle change over the year?")
    assert all(n in answer.text for n in ("1800", "5200", "6100"))
