"""The words around a candidate's number or date, and their closeness to the question."""

import numpy as np
import pytest

from index import Passage
from qa import chooser_features
from qa.answer_window import LOOK, window_feature, windows, with_windows
from qa.chooser import features
from qa.evidence import Sentence, SentenceScorer
from qa.types import Hit
from tests.fakes import FakeEmbedding

FLOORS = {"hu": 0.82, "en": 0.785}
CULLED = "A Nébih szerint május 9. és 16. között összesen 2386 sertést öltek le a telepen."
DIED = "A gyanú akkor merült fel, amikor a telepen egyetlen nap alatt 17 sertés hullott el."
PLAIN = "A telep épületeit a hatóság többször fertőtlenítette."


def _sentence(text: str, cosine: float, window: float | None = None) -> Sentence:
    passage = Passage("p1", "a1", text, 0, len(text), "Sertéspestis Vajszlón", "2025-05-20", 20250520)
    return Sentence(Hit(passage, 1.0, 1), 0, len(text), text, cosine, 0.3, window_cosine=window)


def test_a_number_window_holds_the_words_each_side_of_it():
    assert windows(CULLED, "number", width=2) == ["szerint május 9 és 16", "9 és 16 között összesen", "között összesen 2386 sertést öltek"]
    assert windows(CULLED, "number")[-1] == "és 16 között összesen 2386 sertést öltek le a"


def test_a_year_is_no_quantity_and_other_questions_have_no_windows():
    assert windows("A klub 2003-ban lett utoljára bajnok.", "number") == []
    assert windows("A klub 2003-ban lett utoljára bajnok.", "date") == ["A klub 2003 ban lett utoljára bajnok"]
    assert windows(CULLED, None) == [] and windows(CULLED, "name") == []
    assert windows(PLAIN, "number") == []


def test_each_candidate_gets_its_best_window_and_only_the_first_look():
    ranked = [_sentence(DIED, 0.86), _sentence(PLAIN, 0.85), _sentence(CULLED, 0.84)] + [_sentence(CULLED, 0.7)] * LOOK
    close = {w: (0.95 if "2386" in w else 0.80) for s in ranked for w in windows(s.text, "number")}
    query = np.array([1.0, 0.0])

    def vectors(texts):
        return np.array([[close[t], np.sqrt(1 - close[t] ** 2)] for t in texts])

    out = with_windows(ranked, "number", query, vectors)
    assert out[0].window_cosine == pytest.approx(0.80)
    assert out[1].window_cosine is None  # no number in it
    assert out[2].window_cosine == pytest.approx(0.95)
    assert all(s.window_cosine is None for s in out[LOOK:])
    assert [s.text for s in out] == [s.text for s in ranked]
    assert with_windows(ranked, None, query, vectors) == ranked  # a question after no number or date


def test_the_window_lifts_a_sentence_but_never_sinks_one():
    assert window_feature(_sentence(CULLED, 0.84, 0.92), 0.82) == pytest.approx(2.0)
    assert window_feature(_sentence(CULLED, 0.84, 0.70), 0.82) == pytest.approx(0.4)
    assert window_feature(_sentence(PLAIN, 0.87), 0.82) == pytest.approx(1.0)


def test_the_chooser_sees_the_window_beside_its_rivals():
    ranked = [_sentence(DIED, 0.88, 0.86), _sentence(CULLED, 0.84, 0.93)]
    died, culled = features("Végül hány disznót kellett leölni a vajszlói telepen?", ranked, FLOORS)
    assert culled["window"] > died["window"] and culled["rel_window"] == 0.0 > died["rel_window"]
    assert died["cosine"] > culled["cosine"]


def test_the_window_reaches_as_far_as_the_chooser_looks():
    assert LOOK == chooser_features.LOOK


def test_ranking_a_how_many_question_measures_the_windows():
    text = f"{DIED} {CULLED} {PLAIN}"
    passage = Passage("p1", "a1", text, 0, len(text), "Sertéspestis Vajszlón", "2025-05-20", 20250520)
    embed = FakeEmbedding()
    ranked = SentenceScorer(embed).rank("Hány sertést öltek le Vajszlón?", [Hit(passage, 1.0, 1)])
    by_text = {s.text: s for s in ranked}
    assert by_text[CULLED].window_cosine is not None and by_text[DIED].window_cosine is not None
    assert by_text[PLAIN].window_cosine is None
    asked_why = SentenceScorer(FakeEmbedding()).rank("Miért öltek le sertéseket Vajszlón?", [Hit(passage, 1.0, 1)])
    assert all(s.window_cosine is None for s in asked_why)
