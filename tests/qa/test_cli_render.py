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


def test_a_refusals_closest_sentences_follow_under_their_own_heading():
    from dataclasses import replace

    shown = _answer("Cím", "")
    refusal = replace(shown, text="Nem tudok válaszolni.", refused=True, citations=(), related=shown.citations)
    assert render(refusal).splitlines()[1:] == ["A legközelebbi mondatok, amelyek talán válaszolnak (ellenőrizze):", "  (1) Cím: „Szöveg.”"]


def test_the_chat_prints_sources_and_not_the_streamed_text_again():
    from dataclasses import replace

    noted = replace(_answer("Cím", "2025-09-03"), notice="Az LLM-szerver nem érhető el.")
    assert render(noted).splitlines()[:2] == ["(Az LLM-szerver nem érhető el.)", "Válasz [1]."]
    assert render(noted, with_text=False).splitlines() == ["  [1] Cím (2025-09-03, a1, 0–7): „Szöveg.”"]
