"""Request wordings from dev37 (and two of dev38, seen in the same listing), read by the planner's structure alone (no model)."""

from datetime import date

import pytest

from qa.planner import Planner

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def kind(question: str) -> str:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


@pytest.mark.parametrize(
    "question, expected",
    [
        # what was hoped or announced beforehand against what came of it: the story in order
        ("How did the medal hopes of the archers compare with what they actually won?", "timeline"),
        ("How did the number of aircraft compare with what was announced beforehand?", "timeline"),
        ("How did the price compare with last year?", "fact"),
        # what an article said is its summary, not the article named
        ("What did the article on the e-bike thieves say?", "summary"),
        ("What did the article say about the cost of the bridge?", "summary"),
        ("Mit tudni a gyermek-asztmagondozóról?", "summary"),
        # pieces or reports about something are articles; found pieces are not
        ("List the pieces about the kindergarten expansions.", "collection"),
        ("List the pieces found at the Celtic site.", "fact"),
        # asking whether the assistant can chat, after a greeting, is small talk
        ("Jó reggelt! Mi újság, tudsz beszélgteni is?", "chat"),
        ("Can you talk?", "chat"),
        ("Mi újság a Balatonnál?", "summary"),
    ],
)
def test_dev37_wordings(question, expected):
    assert kind(question) == expected
