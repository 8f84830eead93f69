"""The sentences a refusal shows: the likeliest few above a floor, never a headline or a repeat."""

from qa.chooser import Choice
from qa.evidence import Sentence
from qa.near_misses import FLOOR, near_misses
from qa.types import Hit, Passage


def choice(text: str, p: float, headline: bool = False, article: str = "a.md", **features: float) -> Choice:
    passage = Passage("p-" + text[:8], article, text, 0, len(text), "Cím", "2025-06-01", 20250601)
    return Choice(Sentence(Hit(passage, 1.0, 1), 10, 10 + len(text), text, 0.8, 0.0), p, {"headline": float(headline), **features})


def test_the_likeliest_above_the_floor_in_their_own_numbering():
    rated = [choice("Első mondat.", 0.7), choice("Cím", 0.69, headline=True), choice("Első mondat.", 0.65),
             choice("Második mondat.", 0.6, article="b.md"), choice("Harmadik mondat.", 0.55), choice("Negyedik mondat.", 0.52)]
    shown = near_misses(rated)
    assert [c.quote for c in shown] == ["Első mondat.", "Második mondat.", "Harmadik mondat."]
    assert [c.marker for c in shown] == [1, 2, 3]
    assert (shown[1].passage.article_id, shown[1].quote_start, shown[1].quote_end) == ("b.md", 10, 25)


def test_nothing_below_the_floor():
    assert near_misses([choice("Mondat.", FLOOR - 0.01)]) == ()
    assert [c.quote for c in near_misses([choice("Mondat.", FLOOR), choice("Másik.", FLOOR - 0.2)])] == ["Mondat."]


def test_nothing_the_chooser_rules_out_as_an_answer():
    # a who-question's sentence naming nobody is no answer however close (chooser_features.fills_slot)
    rated = [choice("Az új polgármester korábban vállalkozó volt.", 0.72, person=0.0, name_phrase=0.0),
             choice("Kővári Bence nyerte a választást.", 0.55, person=1.0, name_phrase=1.0)]
    assert [c.quote for c in near_misses(rated)] == ["Kővári Bence nyerte a választást."]

