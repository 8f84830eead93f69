"""A fact question's month dates the event: a sentence of another date that names it answers."""

from qa.dates import Period
from qa.event_dates import dated_in, day_ok, days_named, months_asked, months_named


def test_months_in_any_inflection_and_english():
    assert months_named("Literenként 154 forintot fizettek augusztusban.") == {8}
    assert months_named("február végéig és szeptembertől") == {2, 9}
    assert months_named("prices in August") == {8}
    # "máj" is a liver, "majd" is "then", "may" a verb: none is a month
    assert months_named("A májbetegség majd gyógyul, it may rain.") == frozenset()
    assert months_named("May", dates_only=True) == {5}
    # a season is its three months; its stems inside other words are not
    assert months_named("tavasszal") == {3, 4, 5} and months_named("Télen és ősszel") == {12, 1, 2, 9, 10, 11}
    assert months_named("A település összesen 40 tele hordót adott.") == frozenset()
    assert months_named("a hot spring") == frozenset() and months_named("in spring", dates_only=True) == {3, 4, 5}


def test_a_sentence_is_dated_by_the_month_it_names():
    august = Period(20250801, 20250831, "2025. augusztus", "August 2025", "augusztusban")
    assert dated_in("Literenként átlagosan 154 forintot fizettek augusztusban a feldolgozók.", august)
    assert not dated_in("Literenként átlagosan 171 forintot fizettek tavaly.", august)
    assert not dated_in("Bármi augusztusban.", Period(20250101, 20251231, "2025", "2025", "idén"))  # no month asked
    spring = Period(20250301, 20250531, "2025. tavasz", "spring 2025", "tavasszal")
    assert dated_in("Áprilisban két hónapot hagyott ki térdsérülés miatt.", spring)
    assert dated_in("Tavasszal két hónapot hagyott ki.", spring) and not dated_in("Nyáron edzőtáborba ment.", spring)


def test_another_year_is_no_date_of_the_event_asked_about():
    august24 = Period(20240801, 20240831, "2024. augusztus", "August 2024", "2024 augusztusában")
    said = "Literenként 154 forintot fizettek augusztusban a feldolgozók."
    assert dated_in(said, august24, 20241007)
    assert not dated_in(said, august24, 20251007)  # a year later, August is another year's
    assert not dated_in("2025 augusztusában 154 forintot fizettek.", august24, 20241007)
    # the year written before the month is the month's, whatever other year the sentence names
    september25 = Period(20250901, 20250930, "2025. szeptember", "September 2025", "2025 szeptemberében")
    assert not dated_in("A 2025 MV7 jelzésű égitest 2031 szeptemberében halad el a Föld mellett.", september25, 20250915)
    assert dated_in("A 2019-es csúcs után 2025 szeptemberében adták át a hidat.", september25, 20250915)
    # a fee announced months before it applies
    september = Period(20250901, 20250930, "2025. szeptember", "September 2025", "szeptembertől")
    assert dated_in("Szeptember 1-jétől 480 forint lesz egy óra parkolás.", september, 20250612)


def test_the_months_asked_are_the_periods_when_its_words_name_one():
    spring_to_june = Period(20250301, 20250630, "", "", "márciustól júniusig")
    assert months_asked(spring_to_june) == {3, 4, 5, 6}
    assert months_asked(Period(20251101, 20260228, "", "", "novembertől februárig")) == {11, 12, 1, 2}
    assert months_asked(Period(20250101, 20251231, "", "", "idén")) == frozenset()



def _asked(question: str) -> Period:
    from datetime import date

    from qa.dates import parse_period

    return parse_period(question, "hu", today=date(2026, 11, 27), latest=date(2025, 12, 9), earliest=date(2024, 1, 10))


def test_an_open_ended_period_asks_its_named_month_only():
    september = _asked("Mennyit kell fizetni egy óráért szeptembertől?")
    assert months_asked(september) == {9}
    assert not dated_in("Januártól óránként 400 forint lesz a parkolás.", september, 20250601)
    assert dated_in("Szeptember 1-jétől óránként 480 forint lesz a parkolás.", september, 20250612)
    # a year after the month named, the same month is another year's
    assert not dated_in("Szeptembertől óránként 480 forint lesz a parkolás.", september, 20261015)


def test_a_sum_or_an_anniversary_is_no_year_and_a_day_asked_is_that_day():
    september = Period(20250901, 20250930, "", "", "szeptemberben")
    assert dated_in("Szeptemberben óránként 2000 forintot kellett fizetni.", september, 20251001)
    assert dated_in("Az 1956-os emlékmű felújítását szeptemberben fejezték be.", september, 20251001)
    assert not dated_in("2024 szeptemberében fejezték be.", september, 20251001)
    ides = Period(20250315, 20250315, "", "", "március 15-én")
    assert dated_in("Március 15-én 40 beteget vettek fel.", ides, 20250320)
    assert not dated_in("Március 2-án 40 beteget vettek fel.", ides, 20250320)


def test_seasons_as_the_date_parser_reads_them_and_no_winter_in_tel_aviv():
    assert months_named("2025 tavaszán") == {3, 4, 5} and months_named("tavaly őszén") == {9, 10, 11}
    assert months_named("Tel-Avivban, tel.: 06 1 234 5678, a teli stadionban") == frozenset()


def test_an_article_of_another_date_answers_when_it_names_the_month(assistant):
    # The store's articles are of July and September; September's tells what was agreed in June.
    answer = assistant.ask("Kivel kötött stratégiai partnerséget Észak-Korea júniusban?")
    assert not answer.refused, answer.text
    assert "júniusban" in answer.citations[0].quote and answer.citations[0].passage.published.startswith("2025-09")



def test_a_day_asked_is_met_by_that_day_or_none_not_another():
    asked = days_named("Hány darut számoltak Biharugrán a november 15-i szinkronszámláláson?")
    assert asked == {(11, 15)}
    assert not day_ok(asked, "Az október 18-i szinkronszámláláson 38 600 darut számoltak meg.", "")
    assert day_ok(asked, "A szinkronszámláláson 41 200 darut számoltak meg.", "")  # names no day
    assert day_ok(asked, "Ekkor 41 200 darut számoltak meg.", "A november 15-i számlálás eredménye meglepte őket.")
    assert day_ok(frozenset(), "Az október 18-i számláláson 38 600 darut számoltak.", "")
    # English, either order; the ends of a span name no day of the event
    assert days_named("How many cranes were counted on 18 October?") == {(10, 18)} == days_named("on October 18th")
    assert days_named("március 1-től 15-ig") == frozenset() == days_named("from March 1 to March 15")
    assert days_named("augusztus 25-én adták át, 2025. május 20. kedd") == {(8, 25), (5, 20)}
