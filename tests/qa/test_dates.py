"""Date words in questions → periods. Today is Wednesday 2026-11-25; the newest article 2025-11-20."""

import datetime

import pytest

from qa.dates import Period, from_collection, parse_period, strip_period

TODAY = datetime.date(2026, 11, 25)
LATEST = datetime.date(2025, 11, 20)


def period(question: str, language: str = "hu", latest=LATEST, **kw) -> Period | None:
    return parse_period(question, language, today=TODAY, latest=latest, **kw)


HUNGARIAN = [
    # question, date_from, date_to, matched
    ("Mi történt júliusban?", 20250701, 20250731, "júliusban"),
    ("Hogyan változott a kapcsolat júliustól szeptemberig?", 20250701, 20250930, "júliustól szeptemberig"),
    ("Mit mondott Lavrov szeptember 3-án?", 20250903, 20250903, "szeptember 3-án"),
    ("Mit mondott Lavrov szept. 3-án?", 20250903, 20250903, "szept. 3-án"),
    ("Mit mondott Lavrov 2025. szeptember 3-án?", 20250903, 20250903, "2025. szeptember 3-án"),
    ("Mi volt 2025. 07. 15-én?", 20250715, 20250715, "2025. 07. 15-én"),
    ("Mi történt 2025 nyarán Phenjanban?", 20250601, 20250831, "2025 nyarán"),
    ("Mi történt nyáron?", 20250601, 20250831, "nyáron"),
    ("Mi történt tavaly nyáron?", 20250601, 20250831, "tavaly nyáron"),
    ("Mi történt télen?", 20241201, 20250228, "télen"),  # a winter runs December to February
    ("Mi történt tavaly?", 20250101, 20251231, "tavaly"),
    ("Mi történt idén?", 20260101, 20261231, "idén"),
    ("Kivel találkozott Kim a múlt héten?", 20261116, 20261122, "a múlt héten"),
    ("Mi volt múlt hónapban?", 20261001, 20261031, "múlt hónapban"),
    ("Mi történt tegnap?", 20261124, 20261124, "tegnap"),
    ("Mi történt tegnapelőtt?", 20261123, 20261123, "tegnapelőtt"),
    ("Mi történt az elmúlt két hétben?", 20261111, 20261125, "az elmúlt két hétben"),
    ("Ki nyert hétfőn?", 20261123, 20261123, "hétfőn"),
    ("Mi történt a héten?", 20261123, 20261129, "a héten"),
    ("Mi volt ezen a héten?", 20261123, 20261129, "ezen a héten"),
    ("Mi volt 2025 augusztusában?", 20250801, 20250831, "2025 augusztusában"),
    ("Mi történt tavaly júliusban?", 20250701, 20250731, "tavaly júliusban"),
    ("Mi volt március és május között?", 20250301, 20250531, "március és május között"),
    ("Mi változott 2024 és 2025 között?", 20240101, 20251231, "2024 és 2025 között"),
    ("Mi történt augusztus óta?", 20250801, 20261125, "augusztus óta"),  # "óta" runs to today
    ("Mi történt 2024 óta?", 20240101, 20261125, "2024 óta"),
    ("Mi volt 2025-ben?", 20250101, 20251231, "2025-ben"),
    ("Mi történt júliusban és szeptemberben?", 20250701, 20250930, "júliusban és szeptemberben"),
    ("mi tortent juliusban", 20250701, 20250731, "juliusban"),  # no accents
    ("Mi történt 2025 első félévében?", 20250101, 20250630, "2025 első félévében"),
    ("Milyen cikkek jelentek meg a harmadik negyedévben?", 20250701, 20250930, "a harmadik negyedévben"),
    ("Mi volt tavaly az utolsó negyedévben?", 20251001, 20251231, "tavaly az utolsó negyedévben"),
    ("mi tortent 2024 masodik feleveben", 20240701, 20241231, "2024 masodik feleveben"),
    ("Mi történt a 2024-es év első félévében?", 20240101, 20240630, "a 2024-es év első félévében"),
    ("Mi történt az idei első félévben?", 20260101, 20260630, "az idei első félévben"),
]


@pytest.mark.parametrize(("question", "language"), [
    ("Mennyi volt az első negyedévi eredmény?", "hu"),  # a report's quarter
    ("Mi volt a második félidőben?", "hu"),  # a match's half
    ("Mi történt a harmadik félévben?", "hu"),  # a year has two halves
    ("What happened in the second half?", "en"),  # a match's, as often as a year's
    ("What happened last quarter?", "en"),  # the one before now, not the year's fourth
    ("How are H2 fuel cells made?", "en"),  # hydrogen
    ("Did over 2000 people attend?", "en"),  # a count, not the year 2000
])
def test_a_report_or_a_match_half_is_no_period(question, language):
    assert period(question, language) is None


@pytest.mark.parametrize(("question", "date_from", "date_to", "matched"), HUNGARIAN)
def test_hungarian_date_words(question, date_from, date_to, matched):
    p = period(question)
    assert (p.date_from, p.date_to, p.matched) == (date_from, date_to, matched)


ENGLISH = [
    ("What happened in August?", 20250801, 20250831, "in August"),
    ("What changed since June?", 20250601, 20261125, "since June"),
    ("What happened last week?", 20261116, 20261122, "last week"),
    ("What happened in summer 2025?", 20250601, 20250831, "in summer 2025"),
    ("What happened between March and May?", 20250301, 20250531, "between March and May"),
    ("What happened between March and May 2024?", 20240301, 20240531, "between March and May 2024"),
    ("What did Lavrov say on 3 September?", 20250903, 20250903, "on 3 September"),
    ("What did Kim say on September 3, 2025?", 20250903, 20250903, "on September 3, 2025"),
    ("What happened yesterday?", 20261124, 20261124, "yesterday"),
    ("What happened in 2025?", 20250101, 20251231, "in 2025"),
    ("What happened in the last two weeks?", 20261111, 20261125, "in the last two weeks"),
    ("What happened last month?", 20261001, 20261031, "last month"),
    # A yearless range starts on or before the newest article (2025-11-20) and runs forwards.
    ("What happened from November to February?", 20251101, 20260228, "from November to February"),
    ("What happened before July?", 20250101, 20250630, "before July"),  # open start: earliest
    ("What happened in the first half of 2025?", 20250101, 20250630, "in the first half of 2025"),
    ("Summarize the news of Q3 2024", 20240701, 20240930, "Q3 2024"),
    ("Which articles appeared in Q2?", 20250401, 20250630, "Q2"),
    ("What happened in Q3 of 2024?", 20240701, 20240930, "Q3 of 2024"),
    ("What happened in 2024 H2?", 20240701, 20241231, "2024 H2"),
    ("What happened in 2024 Q3?", 20240701, 20240930, "2024 Q3"),
    ("What happened in the first half of the year 2024?", 20240101, 20240630, "in the first half of the year 2024"),
    ("What happened with the bridge over the summer?", 20250601, 20250831, "over the summer"),
    ("How did prices move over the past two weeks?", 20261111, 20261125, "over the past two weeks"),
]


@pytest.mark.parametrize(("question", "date_from", "date_to", "matched"), ENGLISH)
def test_english_date_words(question, date_from, date_to, matched):
    p = period(question, "en", earliest=datetime.date(2025, 1, 1))
    assert (p.date_from, p.date_to, p.matched) == (date_from, date_to, matched)


@pytest.mark.parametrize(
    ("question", "language", "latest", "date_from"),
    [
        # A month or season without a year is the latest one starting on or before the newest article.
        ("Mi történt júliusban?", "hu", datetime.date(2025, 11, 20), 20250701),
        ("Mi történt júliusban?", "hu", datetime.date(2025, 5, 10), 20240701),
        ("Mi történt júliusban?", "hu", datetime.date(2025, 7, 10), 20250701),  # the month it is in
        ("Mit mondott Kim szeptember 3-án?", "hu", datetime.date(2025, 9, 1), 20240903),
        ("Mi történt nyáron?", "hu", datetime.date(2025, 3, 1), 20240601),
        ("What happened in August?", "en", datetime.date(2024, 12, 31), 20240801),
        ("Mi történt júliusban?", "hu", None, 20260701),  # no articles: counted from today
        # Relative words count from today, whatever the collection holds.
        ("Mi történt tegnap?", "hu", datetime.date(2020, 1, 1), 20261124),
        ("What happened last week?", "en", datetime.date(2020, 1, 1), 20261116),
        ("Mi történt tavaly?", "hu", datetime.date(2020, 1, 1), 20250101),
    ],
)
def test_reference_points(question, language, latest, date_from):
    assert period(question, language, latest=latest).date_from == date_from


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Hol találkozott Kim Dzsongun Putyinnal?", "hu"),
        ("Hét ember halt meg a balesetben?", "hu"),  # "hét" = seven, not week
        ("Mi van a május 1. utcában?", "hu"),  # a street's name
        ("Mi történt a Március 15. téren?", "hu"),
        # Adjectives name a thing, not the period to search: the 2025 budget was debated in 2024.
        ("Mennyi a 2025-ös költségvetés?", "hu"),
        ("Mit döntöttek a szeptember 3-i csúcson?", "hu"),
        ("Mi az idei költségvetés hiánya?", "hu"),
        ("Mi volt a júliusi csúcs témája?", "hu"),
        ("Mennyi volt a 2000 fős kontingens költsége?", "hu"),  # a number, not a year
        ("Mi az a májusfa?", "hu"),
        ("Mit mond most Lavrov?", "hu"),
        ("Who met Putin?", "en"),
        ("May I ask who won?", "en"),
        ("Who is the March Hare?", "en"),
        ("What is the 2025 budget?", "en"),
    ],
)
def test_words_that_only_look_like_dates(question, language):
    assert period(question, language) is None


@pytest.mark.parametrize(
    "question",
    ["", "   ", "?!?", "2025-13-45", "Mi volt 2025. 13. 45-én?", "szeptember 31-én", "február 30-án", "x" * 5000,
     "Mi volt 9999-ben?", "🙂 -tól -ig óta", "\x00\n\t", None, 123],
)
@pytest.mark.parametrize("language", ["hu", "en", "de"])
def test_malformed_input_never_raises(question, language):
    result = period(question, language)
    assert result is None or result.date_from <= result.date_to


@pytest.mark.parametrize(
    ("question", "language", "label_hu", "label_en"),
    [
        ("Mi történt júliusban?", "hu", "2025. július", "July 2025"),
        ("júliustól szeptemberig", "hu", "2025. július 1. – 2025. szeptember 30.", "1 July 2025 – 30 September 2025"),
        ("szeptember 3-án", "hu", "2025. szeptember 3.", "3 September 2025"),
        ("Mi volt 2025-ben?", "hu", "2025", "2025"),
        ("augusztus óta", "hu", "2025. augusztus 1. óta", "since 1 August 2025"),
        ("szeptember előtt", "hu", "2025. szeptember 1. előtt", "before 1 September 2025"),
        ("in August", "en", "2025. augusztus", "August 2025"),
    ],
)
def test_labels(question, language, label_hu, label_en):
    p = period(question, language)
    assert (p.label_hu, p.label_en) == (label_hu, label_en)


@pytest.mark.parametrize(
    ("question", "language", "stripped"),
    [
        ("Hogyan változott a kapcsolat júliustól szeptemberig?", "hu", "Hogyan változott a kapcsolat?"),
        ("Kivel találkozott Kim a múlt héten Phenjanban?", "hu", "Kivel találkozott Kim Phenjanban?"),
        ("Mi történt júliusban, és mi szeptemberben?", "hu", "Mi történt, és mi?"),
        ("In August, what did Lavrov say?", "en", "what did Lavrov say?"),
        ("What happened between March and May?", "en", "What happened?"),
    ],
)
def test_strip_period_removes_the_date_words(question, language, stripped):
    assert strip_period(question, period(question, language)) == stripped


def test_period_is_frozen():
    p = period("Mi történt júliusban?")
    with pytest.raises(AttributeError):
        p.date_from = 0


def test_a_february_moved_to_a_leap_year_keeps_its_last_day():
    assert period("Mi történt februárban?", latest=datetime.date(2024, 3, 1)).date_to == 20240229
    assert period("Mi történt február 28-án?", latest=datetime.date(2024, 3, 1)).date_to == 20240228


NEWEST, OLDEST = datetime.date(2025, 12, 5), datetime.date(2025, 1, 21)


def _from_collection(question: str, language: str = "hu"):
    found = parse_period(question, language, today=datetime.date(2026, 11, 26), latest=NEWEST, earliest=OLDEST)
    return from_collection(question, language, found, earliest=OLDEST, latest=NEWEST)


@pytest.mark.parametrize(
    ("question", "language", "date_from", "date_to"),
    [
        # Relative words whose period the collection does not reach count from its newest article.
        ("Hány eset volt idén?", "hu", 20250101, 20251231),
        ("What is this year's budget?", "en", 20250101, 20251231),
        ("Mi történt a múlt héten?", "hu", 20251124, 20251130),
        ("Mi történt tegnap?", "hu", 20251205, 20251205),
        # A period the collection reaches stays as today reads it: "tavaly" is 2025 on 26 November 2026.
        ("Mi történt tavaly?", "hu", 20250101, 20251231),
        ("Mi történt júliusban?", "hu", 20250701, 20250731),
        # Words that do not move with today, or that stay outside the collection, are left alone.
        ("Mi lesz 2027-ben?", "hu", 20270101, 20271231),
        ("Mi lesz jövőre?", "hu", 20270101, 20271231),
    ],
)
def test_relative_words_outside_the_collection_count_from_its_newest_article(question, language, date_from, date_to):
    p = _from_collection(question, language)
    assert (p.date_from, p.date_to) == (date_from, date_to)


def test_a_moved_period_says_which_period_was_searched_and_why():
    p = _from_collection("Hány eset volt idén?")
    assert p.label_hu.startswith("2025, a legfrissebb cikk (2025. december 5.)") and "2026 időszakából nincs cikk" in p.label_hu
    assert _from_collection("What happened this year?", "en").label_en.startswith("2025, counted from the newest article")
    assert _from_collection("Mi történt tavaly?").label_hu == "2025"  # unmoved: the plain label


def test_without_a_known_span_nothing_moves():
    found = parse_period("Mi történt idén?", "hu", today=datetime.date(2026, 11, 26), latest=None)
    assert from_collection("Mi történt idén?", "hu", found, earliest=None, latest=None) == found
    assert from_collection("Mi történt?", "hu", None, earliest=OLDEST, latest=NEWEST) is None


def test_a_collection_ending_on_new_years_eve_still_reads_this_year_as_its_own():
    newest, oldest = datetime.date(2025, 12, 31), datetime.date(2025, 3, 1)
    for question, language in (("Hány eset volt idén?", "hu"), ("What happened this year?", "en")):
        found = parse_period(question, language, today=datetime.date(2026, 11, 26), latest=newest, earliest=oldest)
        p = from_collection(question, language, found, earliest=oldest, latest=newest)
        assert (p.date_from, p.date_to) == (20250101, 20251231)


def test_a_written_year_stands_for_a_month_later_in_the_year_than_today():
    from datetime import date

    latest, earliest = date(2025, 12, 9), date(2024, 1, 10)
    # hun-date-parser's past search put these into the wrong year
    p = parse_period("Mi volt 2024 decemberében?", "hu", today=date(2026, 11, 27), latest=latest, earliest=earliest)
    assert (p.date_from, p.date_to) == (20241201, 20241231)
    p = parse_period("Mi történt 2024. október 3-án?", "hu", today=date(2026, 3, 1), latest=latest, earliest=earliest)
    assert (p.date_from, p.date_to) == (20241003, 20241003)


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Mi történt november és február között?", "hu"),
        ("What happened from November to February?", "en"),
        # hun-date-parser reads nothing in these: our own pattern for a range of months
        ("Mi történt novembertől februárig?", "hu"),
        ("Hogyan változott az ár novemberétől februárjáig?", "hu"),
        ("Mi tortent novembertol februarig?", "hu"),
    ],
)
def test_a_range_over_new_year_ends_in_the_collection_s_months(question, language):
    # Over a collection ending in March 2026 the winter asked about is 2025/26, not 2026/27.
    p = parse_period(question, language, today=datetime.date(2026, 11, 27), latest=datetime.date(2026, 3, 20), earliest=datetime.date(2024, 1, 10))
    assert (p.date_from, p.date_to) == (20251101, 20260228)


@pytest.mark.parametrize(
    ("question", "date_from", "date_to", "matched"),
    [
        # hun-date-parser's past search drops a range that ends after today (25 November)
        ("Mi történt októbertől decemberig?", 20251001, 20251231, "októbertől decemberig"),
        ("Mi történt 2024 novemberétől februárig?", 20241101, 20250228, "2024 novemberétől februárig"),
        ("Mi történt 2025. januártól márciusig?", 20250101, 20250331, "2025. januártól márciusig"),
        # typed without accents, "május és november között" it reads as May alone
        ("mi tortent a hiddal majus es november kozott", 20250501, 20251130, "majus es november kozott"),
    ],
)
def test_a_range_of_months_that_the_library_misses(question, date_from, date_to, matched):
    p = period(question, earliest=datetime.date(2024, 1, 10))
    assert (p.date_from, p.date_to, p.matched) == (date_from, date_to, matched)
