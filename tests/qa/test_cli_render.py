"""The terminal rendering of an answer's citations."""

from index.passages import Passage
from qa import Answer
from qa.__main__ import render
from qa.types import Citation


def _answer(title: str, published: str) -> Answer:
    passage = Passage("p1", "a1", "Szöveg.", 0, 7, title, published, 20250903)
    return Answer("Kérdés?", "Válasz [1].", (Citation(1, passage, "Szöveg.", 0, 7),), refused=False)


def test_a_title_ending_in_a_full_stop_is_not_followed_by_a_comma():
    line = render(_answer("Megerősítette a megállapodást — közölte az Interfax.", "2025-09-03")).splitlines()[1]
    assert "Interfax. (2025-09-03, a1, 0–7)" in line and "Interfax.," not in line


def test_an_undated_citation_names_its_article_and_offsets():
    line = render(_answer("Cím", "")).splitlines()[1]
    assert line == "  [1] Cím (a1, 0–7): „Szöveg.”"
