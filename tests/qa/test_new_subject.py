"""A question that names its own place by its adjective ("a budapesti metró felújítása") is a
new question in a conversation, not a follow-up: the refusal says no article is about it
instead of naming the previous turn's article (a new user's check on the sample corpus)."""

import pytest

from qa import Assistant, Turn, prompts
from qa.followups import new_place
from tests.qa.test_real_engine import real, real_store  # noqa: F401  (module fixtures)

METRO = "Mennyibe került a budapesti metró felújítása?"
FIRST = "Hol találkozott Kim Dzsongun Putyinnal?"


def _after_first(assistant: Assistant) -> list[Turn]:
    return [Turn("user", FIRST), Turn("assistant", assistant.ask(FIRST).text)]


def test_a_place_the_conversation_never_named_is_a_new_subject():
    history = [Turn("user", FIRST), Turn("assistant", "A pekingi találkozón, ahol Kecskemétről is szó esett [1].")]
    assert new_place(METRO, history) == "budapesti"
    assert new_place("Mennyi kárt okozott a jászberényi felhőszakadás?", history) == "jászberényi"
    # the conversation's own place ("Kecskemétről") and its adjective are no new subject
    assert new_place("Ki volt a kecskeméti polgármester?", history) == ""
    # words of the language in "-i" name no place: an adjective, one made of a noun, a
    # possessive plural, a month
    for follow_up in ("Ki volt a korábbi polgármester?", "Mennyi volt a települési támogatás?",
                      "Melyik két szomszéd település lakói használhatják még?", "Mennyi volt a júliusi kár?",
                      "És mikor kezdődött az építése?", "Ki volt a polgármester?"):
        assert new_place(follow_up, history) == "", follow_up


def test_a_new_question_in_a_conversation_borrows_nothing(assistant):
    answer = assistant.ask(METRO, _after_first(assistant))
    assert answer.standalone_question == METRO
    assert answer.refused and answer.text == prompts.REFUSAL_WHY["hu"]["absent"]
    # a follow-up that names nothing of its own still borrows the conversation's names
    assert "Kim" in assistant.ask("Hány napig tartott a látogatás?", _after_first(assistant)).standalone_question


@pytest.mark.slow
def test_the_metro_question_after_a_first_question_says_no_article_is_about_it(real):  # noqa: F811
    alone = real.ask(METRO)
    answer = real.ask(METRO, _after_first(real))
    assert answer.refused and answer.text == alone.text == prompts.REFUSAL_WHY["hu"]["absent"]


def test_a_borrowed_question_whose_own_words_no_article_holds_is_about_nothing(assistant):
    # no place of its own: it borrows the conversation's names, but the refusal reads the
    # user's own words, which the conversation's article does not hold
    answer = assistant.ask("Mennyibe került a metró felújítása?", _after_first(assistant))
    assert "Kim" in answer.standalone_question
    assert answer.refused and answer.text == prompts.REFUSAL_WHY["hu"]["absent"]


@pytest.mark.slow
def test_a_follow_up_that_points_back_keeps_the_conversations_article(real):  # noqa: F811
    answer = real.ask("És mennyibe került ez a fegyverszállítás?", _after_first(real))
    assert "Kim" in answer.standalone_question
    if answer.refused:  # the detail is not in the articles, but the topic is
        assert answer.text != prompts.REFUSAL_WHY["hu"]["absent"]
