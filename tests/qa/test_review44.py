"""Review of round 44 (why-questions answered by a cause, shares asked by their part and written
as fraction words, the chooser's per-question features): inputs a Hungarian newsroom user, or an
English-speaking analyst, types where the new mechanisms do the wrong thing. Each test failed on
the reviewed code; the comment says what the user expects and why the code failed. Mended in the
round: the cause phrasings and why-questions missed, "évtizede" and "Palotanegyedet" read as
shares, the share asked as "részesedése", "hányadát", "mekkora részt", where-questions after a
district, hospital or city, "Hol tart…?", "How high/fast/expensive…", "Hogyan hívják…?" and the
spoken "Hogy…?". The rest is marked with what was tried or why it is left open."""

import pytest

from index import Passage
from qa.chooser_features import features
from qa.evidence import Sentence
from qa.text import fold
from qa.types import Hit
from qa.units import asked_unit, asks_why, gives_reason, holds_asked

FLOORS = {"hu": 0.82, "en": 0.785}
SHARE_Q = "A parketták mekkora része megy külföldre?"


def _asks(question: str) -> dict[str, float]:
    """The per-question features (the same for every candidate) of `question`."""
    first = "A bővítésre azért van szükség, mert nőtt a kereslet."
    second = "Az üzem 2027 tavaszán, 310 dolgozóval indul Tapolcán."
    text = f"{first} {second}"
    passage = Passage("p1", "a1", text, 0, len(text), "Bővül a tapolcai üzem", "2025-09-01", 20250901)
    hit = Hit(passage, 1.0, 1)
    ranked = [Sentence(hit, text.index(s), text.index(s) + len(s), s, c, 0.5) for s, c in ((first, 0.86), (second, 0.84))]
    return features(question, ranked, FLOORS)[0]


# --- gives_reason: a reason word that gives no reason, a reason given without a listed word ---

@pytest.mark.xfail(reason="left open: 'okát' is a cause word whether the cause is told or still sought", strict=True)
def test_a_cause_still_under_investigation_gives_no_reason():
    # "Miért borult fel a busz?": "the police are investigating the cause" says nothing of why, yet
    # "okát" (and "okát vizsgálják", "mi okozta") is matched as a cause and wins a reserved place
    why = holds_asked("Miért borult fel a busz?")
    assert not why("A baleset okát a rendőrség vizsgálja.")


@pytest.mark.xfail(reason="left open: the bare words are read as causes whatever their use; in news they mostly are",
                   strict=True)
@pytest.mark.parametrize("sentence", [
    "A rendőrség nem közölte, mivel ütötte meg a támadó az áldozatot.",  # "mivel" = with what
    "Azért ez nem kevés pénz egy kisvárosnak.",  # "azért" = still, all the same
    "Ezért a díjért idén 40 pályázó indult.",  # "ezért" = ez + -ért, for this (prize)
])
def test_a_reason_word_in_another_use_gives_no_reason(sentence):
    # the user wants the sentence that says why; "mivel", "azért", "ezért" are also "with what",
    # "all the same", "for this", and _REASON matches the bare word whatever its use
    assert not gives_reason(sentence)


@pytest.mark.parametrize("sentence", [
    "A késés annak tudható be, hogy a beszállító csődbe ment.",
    "A döntés hátterében a forráshiány áll.",
    "A csúszás a beszállító csődjére vezethető vissza.",
    "A sofőrhiány miatti leállás hetekig tarthat.",  # "miatti": the adjective of "miatt"
    pytest.param("A cég a leállást azzal magyarázta, hogy nincs elég sofőr.",
                 marks=pytest.mark.xfail(reason="not built: 'magyarázta' is mostly a speech verb after a quote in news "
                                                "(„…” – magyarázta a polgármester), not a cause", strict=True)),
    "A lezárást a híd rossz állapota tette szükségessé.",
    "A járat ugyanis veszteséges volt.",
])
def test_a_hungarian_cause_without_a_listed_word_is_a_reason(sentence):
    # everyday newsroom ways to give a cause ("annak tudható be", "hátterében … áll", "vezethető
    # vissza", "miatti", "azzal magyarázta", "tette szükségessé", "ugyanis") match no word of _REASON
    assert gives_reason(sentence)


# --- asks_why: a why-question asked without "miért" / "mi az oka" / "why" ---

@pytest.mark.parametrize("question", [
    "Mi okozta a balesetet?",
    "Mi volt a baleset oka?",  # _WHY only knows "mi az oka", not "mi volt … oka" / "mi a … oka"
    "Mi miatt zárták le az utat?",
    "Minek köszönhető a forgalom növekedése?",
    "Mi állt a döntés hátterében?",
    "What caused the fire at the plant?",
    "How come the bridge was closed?",
])
def test_a_why_question_asked_in_other_words_asks_why(question):
    # each asks for a cause, so a sentence giving one should be admitted and asks_why set; _WHY
    # knows only miért / mi(nek) az oka / mi okból / why / for what reason
    assert asks_why(question)


# --- the share unit: fraction words, words that only look like fractions, questions missed ---

@pytest.mark.xfail(reason="left open: admit wants a figure before the unit; a fraction word counts for the chooser's "
                          "unit_ok only", strict=True)
def test_a_fraction_in_words_answers_a_share_question():
    # "kétharmadát" is the share asked for (the round adds fraction words to the unit), but
    # holds_asked wants a digit-number before the unit word, so `admit` never brings this sentence up
    assert holds_asked(SHARE_Q)("A cég a parketták kétharmadát Ausztriába és Németországba szállítja.")


@pytest.mark.parametrize("sentence", [
    "A cég 3 évtizede gyárt parkettát Zalaegerszegen.",  # "évtizede" (a decade) ends in "tizede"
    "A 8. kerületi Palotanegyedet tavaly 3000 turista látogatta.",  # "negyed": a city quarter
])
def test_a_decade_or_a_city_quarter_is_no_share(sentence):
    # no share is written here; the fraction pattern has no word start before "tized"/"negyed",
    # so "évtizede" and "Palotanegyedet" count as a share written beside a number
    assert not holds_asked(SHARE_Q)(sentence)


@pytest.mark.parametrize("question", [
    "Mennyi a cég piaci részesedése?",
    "Hányadát exportálja a cég a termékeinek?",
    "Mekkora részt vállal az állam a költségekből?",
])
def test_a_share_asked_in_other_words_is_a_share(question):
    # each asks for a share (percent or fraction); "részesedése" only counts after "mekkora",
    # "hányadát" only before "rész", and "mekkora részt" is not among the part's forms
    assert asked_unit(question) is asked_unit("Hány százalékát exportálja a cég?")


@pytest.mark.xfail(reason="left open: 'mekkora részét' is read as a share, as it mostly is", strict=True)
def test_the_part_of_a_road_renewed_may_be_answered_in_kilometres():
    # "Az útnak mekkora részét újítják fel?" is answered by a length; "mekkora részét" now asks
    # a share only, so a sentence in kilometres holds nothing asked and loses its reserved place
    assert holds_asked("Az útnak mekkora részét újítják fel?")("A 12 kilométeres útból 4,2 kilométert újítanak fel.")


# --- the chooser's per-question features ---

@pytest.mark.parametrize("question", [
    "Melyik kerületben épül az új uszoda?",
    "Melyik kórházba vitték a sérültet?",
    "In which city will the plant be built?",
])
def test_a_district_a_hospital_or_a_city_is_asked_where(question):
    # each asks for a place; _WHERE knows "melyik" only with város/település/falu/ország/megye, and
    # English only "where", so asks_where is 0
    assert _asks(question)["asks_where"] == 1.0


def test_hol_tart_asks_how_far_along_not_where():
    # "Hol tart a beruházás?" asks about the project's progress (a status), not a place; the bare
    # "hol" makes asks_where 1
    assert _asks("Hol tart a beruházás?")["asks_where"] == 0.0


@pytest.mark.parametrize("question", [
    "How high is the new lookout tower?",
    "How fast was the car going?",
    "How expensive are the tickets?",
    "Hogyan hívják az új polgármestert?",  # a name question (`_WHO` reads it so)
])
def test_a_degree_or_a_name_is_not_asked_how(question):
    # these ask a measure or a name, not a manner; the lookahead only lists many/much/long/old/far/
    # big/large/tall/deep/wide/often, and "hogyan" is matched even in "hogyan hívják"
    assert _asks(question)["asks_how"] == 0.0


def test_hogy_as_how_asks_how():
    # "Hogy történt a baleset?" is the everyday spoken "how did it happen"; _HOW knows only
    # "hogyan", "milyen módon", "miként", so asks_how is 0
    assert _asks("Hogy történt a baleset?")["asks_how"] == 1.0


@pytest.mark.parametrize("question", [
    "Mióta működik a gyár?",
    "Melyik napon nyit újra a bolt?",
    "Mettől lesz lezárva az út?",
])
@pytest.mark.xfail(reason="tried: reading them as when-questions (the chooser's calendar check too) gave no better "
                          "cross-validated dev accuracy (0.6745 without, 0.6732 with); reverted", strict=True)
def test_a_since_when_a_which_day_or_a_from_when_question_asks_a_date(question):
    # each is answered by a date; answer_type gives None (or "name" for "melyik napon") and
    # _UNTIL only knows "meddig", so asks_date is 0 (while "Since when…" in English gets 1)
    assert _asks(question)["asks_date"] == 1.0


@pytest.mark.parametrize("question", [
    "Mennyien vettek részt a tüntetésen?",
    "Mennyivel nőtt a forgalom?",
    "Milyen arányban szavaztak igennel?",
    "What proportion of residents were vaccinated?",
])
@pytest.mark.xfail(reason="tried: asks_number also for a unit asked or 'mennyien', 'mennyivel' lowered the "
                          "cross-validated dev accuracy (0.6732 -> 0.667); reverted", strict=True)
def test_a_how_many_people_by_how_much_or_a_proportion_question_asks_a_number(question):
    # each is answered by a figure (the last two even get the share unit), but answer_type gives
    # None, so asks_number is 0
    assert _asks(question)["asks_number"] == 1.0
