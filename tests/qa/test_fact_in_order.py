"""A question of how things ended or stand now ("végül", "most", "finally") is answered from
the story's newest article, one of how they began ("eredetileg") from its oldest, where that
article answers; otherwise the first search stands. No model is loaded."""

from __future__ import annotations

import pytest
from fakes import ForintChooser, dated_sentence

from qa import fact_search
from qa.planner import Request
from qa.retrieval import Filters


FEB = dated_sentence("A javítás költségét kb. 38 millió forintra becsülik.", "feb", 20250211)
MAY = dated_sentence("A javítás teljes költsége most 112 millió forint.", "may", 20250520)
SEP = dated_sentence("A javítás végső költsége 127 millió forint lett.", "sep", 20250916)
SEP_NO_SUM = dated_sentence("Pénteken reggel újra elindult a komp.", "sep", 20250916)


def _found(question: str, language: str, ranked, by_article=None):
    asked = []

    def candidates(request, filters):
        asked.append(filters)
        if filters and filters.article_ids:
            own = (by_article or {}).get(filters.article_ids[0], [s for s in ranked if s.hit.passage.article_id == filters.article_ids[0]])
            return [s.hit for s in own], own
        return [s.hit for s in ranked], list(ranked)

    request = Request(question, question, "fact", language, None, "number", (), question)
    found = fact_search.find(request, None, None, [], candidates, ForintChooser(), lambda hit: "")
    return found.chosen[0].sentence if found.chosen else None, asked


@pytest.mark.parametrize("question, language, expected", [
    ("Végül mennyibe került a komp javítása?", "hu", SEP),
    ("Mennyibe kerül most a komp javítása?", "hu", SEP),
    ("How much did the ferry's repair finally cost?", "en", SEP),
    ("Eredetileg mennyibe került volna a komp javítása?", "hu", FEB),
    ("What was the repair originally expected to cost?", "en", FEB),
])
def test_an_ending_is_the_newest_article_s_and_a_beginning_the_oldest_s(question, language, expected):
    chosen, asked = _found(question, language, [MAY, FEB, SEP])
    assert chosen is expected
    assert asked[-1] == Filters(article_ids=(expected.hit.passage.article_id,))


def test_without_such_words_or_in_another_language_the_first_search_stands():
    for question, language in (("Mennyibe került a komp javítása?", "hu"),
                               # English "most" is no "now"
                               ("Which repair cost the most?", "en")):
        chosen, asked = _found(question, language, [MAY, FEB, SEP])
        assert chosen is MAY and asked == [None]


def test_where_the_newest_article_gives_no_answer_the_first_search_stands():
    chosen, asked = _found("Végül mennyibe került a komp javítása?", "hu", [MAY, FEB, SEP], {"sep": [SEP_NO_SUM]})
    assert chosen is MAY and asked[-1] == Filters(article_ids=("sep",))


def test_one_article_meeting_all_asked_is_no_story_to_order():
    chosen, asked = _found("Végül mennyibe került a komp javítása?", "hu", [MAY, SEP_NO_SUM])
    assert chosen is MAY and asked == [None]
