"""A question of how things ended or stand now ("végül", "most", "finally") is answered from
the story's newest article, one of how they began ("eredetileg") from its oldest, where that
article answers; otherwise the first search stands. No model is loaded."""

from __future__ import annotations

import pytest

from index import Passage
from qa import fact_search
from qa.evidence import Sentence
from qa.planner import Request
from qa.retrieval import Filters
from qa.types import Hit


def _sentence(text: str, article: str, published: int) -> Sentence:
    passage = Passage(f"p-{article}", article, text, 0, len(text), "Cím", str(published), published)
    return Sentence(Hit(passage, 1.0, 1), 0, len(text), text, 0.9, 0.0)


class _Rated:
    def __init__(self, sentence: Sentence, constraints: float):
        self.sentence, self.probability, self.features = sentence, 0.9, {"constraints": constraints}


class _Chooser:
    """Rates every sentence holding "forint" as meeting all the question asks and picks the first."""

    def rate(self, question, ranked, focus=None):
        return [_Rated(s, float("forint" in s.text)) for s in ranked]

    def pick(self, rated):
        chosen = [c for c in rated if c.features["constraints"]][:1]
        return chosen, 0.9 if chosen else 0.0


FEB = _sentence("A javítás költségét kb. 38 millió forintra becsülik.", "feb", 20250211)
MAY = _sentence("A javítás teljes költsége most 112 millió forint.", "may", 20250520)
SEP = _sentence("A javítás végső költsége 127 millió forint lett.", "sep", 20250916)
SEP_NO_SUM = _sentence("Pénteken reggel újra elindult a komp.", "sep", 20250916)


def _found(question: str, language: str, ranked, by_article=None):
    asked = []

    def candidates(request, filters):
        asked.append(filters)
        if filters and filters.article_ids:
            own = (by_article or {}).get(filters.article_ids[0], [s for s in ranked if s.hit.passage.article_id == filters.article_ids[0]])
            return [s.hit for s in own], own
        return [s.hit for s in ranked], list(ranked)

    request = Request(question, question, "fact", language, None, "number", (), question)
    found = fact_search.find(request, None, None, [], candidates, _Chooser(), lambda hit: "")
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
