"""Request wordings of the blind probe requests-dev4.jsonl (over dev37's and dev38's articles),
in words of their own, read by the planner's structure alone (no model)."""

from datetime import date

import pytest

from qa.planner import Planner

TODAY, LATEST, EARLIEST = date(2026, 11, 28), date(2025, 12, 2), date(2025, 1, 14)


def kind(question: str) -> str:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


@pytest.mark.parametrize(
    "question, expected",
    [
        # the steps of a story one by one, before and after, or what was announced against what came
        ("What did the council do for commuters at each stage of the line's closure?", "timeline"),
        ("How many entries were announced beforehand vs how many archers actually competed?", "timeline"),
        ("uj gat: mikorra igertek es mikor lett tenyleg kesz?", "timeline"),
        ("Hogyan drágult menet közben a vasútvonal felújítása?", "timeline"),
        ("How many entries were announced?", "fact"),
        # told about, compared, the details wanted
        ("Mesélj a vár felújításáról!", "summary"),
        ("Két lopásról is írtak ősszel – miben hasonlít és miben különbözik a két eset?", "summary"),
        ("car thefts in two towns – compare the two cases please", "summary"),
        ("Mit találtak a régészek a falu mellett? Érdekelnek a részletek.", "summary"),
        ("whats the story with the huge mural?", "summary"),
        # small talk, and telling about oneself is the assistant's
        ("Unatkozom, beszélgessünk egy kicsit!", "chat"),
        ("Mesélj magadról!", "chat"),
        ("Jó estét! Mesélnél egy kicsit magadról?", "chat"),
    ],
)
def test_probe4_wordings(question, expected):
    assert kind(question) == expected
