"""A fact question's month dates the event: a sentence of another date that names it answers."""

from qa.dates import Period
from qa.event_dates import dated_in, months_named


def test_months_in_any_inflection_and_english():
    assert months_named("Literenként 154 forintot fizettek augusztusban.") == {8}
    assert months_named("február végéig és szeptembertől") == {2, 9}
    assert months_named("prices in August") == {8}
    # "máj" is a liver, "majd" is "then", "may" a verb: none is a month
    assert months_named("A májbetegség majd gyógyul, it may rain.") == frozenset()
    assert months_named("May", dates_only=True) == {5}


def test_a_sentence_is_dated_by_the_month_it_names():
    august = Period(20250801, 20250831, "2025. augusztus", "August 2025", "augusztusban")
    assert dated_in("Literenként átlagosan 154 forintot fizettek augusztusban a feldolgozók.", august)
    assert not dated_in("Literenként átlagosan 171 forintot fizettek tavaly.", august)
    assert not dated_in("Bármi augusztusban.", Period(20250101, 20251231, "2025", "2025", "idén"))  # no month asked

