"""What a timeline follows: what a change request names joins each item, a due date is
followed in its inflected forms, and a hyphenated case ending names no topic."""

from collections import Counter

from fakes import story_library
from qa.kinds.followed import _leads, beyond_leads
from qa.kinds.salience import stems
from qa.planner import Request, fold, topic_of


def test_a_deadline_in_its_possessive_form_is_a_date_followed():
    from qa.kinds.timeline import measured

    # "határideje" is "határidő" with its possessive ending
    assert measured("Hogyan változott a Madách-iskola felújításának határideje?") is not None
    assert measured("Hogyan módosult a határidő?") is not None


def test_a_case_ending_after_a_hyphen_is_no_word_of_the_topic():
    assert topic_of("Mondd el sorban, mi történt a hajdúszoboszlói birkózó-Eb-vel!").split() == ["hajdúszoboszlói", "birkózó", "Eb"]
    assert topic_of("Mi történt a MÁV-nál?") == "MÁV"
    # a compound's second word stays
    assert "híddal" in topic_of("Mi történt a Tisza-híddal?")


def test_a_lead_s_hyphenated_compound_writes_its_second_word():
    leads = [fold("Lezárják a vásárosnaményi Tisza-hidat").split(), fold("Csúszik a Tisza-híd felújítása").split()]
    assert beyond_leads(stems("vásárosnaményi híddal"), leads)  # whitespace alone hides "híd"
    library = story_library([
        ("a1", "2025-05-01", "Lezárják a vásárosnaményi Tisza-hidat", ["A Tisza-hidat lezárják.", "A munka 2 milliárd forintba kerül."]),
        ("a2", "2025-06-01", "Csúszik a Tisza-híd felújítása", ["Csúszik a Tisza-híd felújítása.", "Az új határidő október."]),
    ], Counter({("tisza", True): 4}))
    articles = [a for a, _ in library.on_topic(None, None, 0)]
    assert beyond_leads(stems("vásárosnaményi híddal"), _leads(library, articles)) == frozenset()


def test_what_a_change_request_follows_joins_each_item_that_lacks_it():
    from qa.kinds import timeline

    texts = [
        ("a1", "2025-02-11", "Vádat emeltek a füzesabonyi otthon vezetője ellen",
         ["Vádat emelt a főügyészség a füzesabonyi otthon volt vezetője ellen.", "A vádirat szerint 48 millió forintot vett fel a Dráva Kft. számlájáról.",
          "A lakók hozzátartozói feljelentést tettek.", "Az ügyészség öt év börtönbüntetés kiszabását indítványozta."]),
        ("a2", "2025-05-21", "Nőtt a kár a füzesabonyi perben",
         ["A szakértő szerint 52 millió forint hiányzik a Dráva Kft. füzesabonyi otthonának letéteiből.", "A tárgyalás júniusban folytatódik.",
          "Az ügyész a perbeszédben hat év börtönbüntetést kért."]),
    ]
    library = story_library(texts, Counter({("drava", True): 4}))
    question = "Hogyan változott a füzesabonyi ügyben a kért börtönbüntetés?"
    request = Request(question, question, "timeline", "hu", None, None, (), topic_of(question))
    text = timeline.answer(request, library, None).text
    assert "öt év börtönbüntetés" in text and "hat év börtönbüntetést" in text
    assert text.index("öt év") < text.index("hat év")


def test_a_length_or_depth_asked_how_it_changed_is_followed_in_metres():
    from qa.kinds.timeline import measured

    depth = measured("How did the planned depth of the Balmazújváros geothermal well change over time?")
    assert depth is not None and measured("Hogyan változott a kút tervezett mélysége?") is not None
    assert depth.search(fold("A kút 2350 méter mély lesz.")) and not depth.search(fold("A kút 2,4 milliárd forintba kerül."))
    # "hosszú" (long) is no length asked for
    assert measured("Hogyan alakult a hosszú távú terv?") is None


def test_a_waiting_time_asked_how_it_changed_is_followed_in_weeks_and_days():
    from qa.kinds.timeline import measured

    wait = measured("How did the waiting time for an MRI scan in Szekszárd change between April and December?")
    assert wait is not None and measured("Hogyan változott a várakozási idő a szekszárdi MR-re?") is not None
    assert wait.search(fold("Az átlagos várakozási idő 17 hétre nőtt.")) and wait.search(fold("14 hetet kellett várni."))
    assert not wait.search(fold("A 2025-ben indult programban 28 beteget vizsgáltak."))


def test_asked_by_when_a_date_is_read_where_it_is_written_as_due():
    from qa.kinds.followed import due

    by_when = due("Hogyan változott, mikorra ígérték a geotermikus fűtés elkészültét?")
    assert by_when is not None
    assert by_when.search(fold("A kivitelező az új ütemterv szerint 2026. február 28-ig végez a kutakkal."))
    assert by_when.search(fold("A munkák 2026 tavaszára fejeződnek be."))
    assert by_when.search(fold("The works are due by the end of May."))
    # the day something happened is no due date
    assert not by_when.search(fold("Május 27-én 1870 méter mélyen beszorult a fúrószár."))
    # asked how a date moved, not by when: every date is read
    assert due("Hogyan változott a nyitás időpontja?") is None


def test_of_a_currency_s_sums_the_largest_is_the_story_s_whole_before_its_parts_and_fees():
    from qa.kinds.running import largest

    whole = largest("A beruházás teljes költsége 1,9 milliárd forint.", "forin")
    assert whole == 1.9e9
    assert largest("Ebből 1,4 milliárd forint uniós pályázati támogatás.", "forin") < whole
    assert largest("A kiváltás díja 15 ezer forint, ehhez jön a tartás napi 1500 forintos költsége.", "forin") == 15e3
    assert largest("A beruházás 142 millió forintba kerül, ebből 120 millió forint állami.", "forin") == 142e6
    # a named sum or a count is not weighed by its size
    assert largest("A beruházás teljes költsége 1,9 milliárd forint.", "forin kolts") == 0.0


def test_a_hungarian_topic_s_verbs_and_their_particles_are_no_words_it_must_hold():
    import pytest

    from qa import bilingual
    from qa.kinds.topic import nominal

    if not bilingual.dictionary():
        pytest.skip("the verbs are told by dict-freedict-eng-hun (scripts/setup.sh installs it)")

    def topic(words: str, language: str = "hu") -> Request:
        return Request(words, words, "timeline", language, None, None, (), words)

    assert nominal(topic("kerültek elő bronzkori kincsek")) == "bronzkori kincsek"
    assert nominal(topic("indult")) == "indult"  # nothing else left: the whole topic
    assert nominal(topic("found Bronze Age hoards", "en")) == "found Bronze Age hoards"


def test_what_is_due_is_read_from_the_same_roots_where_no_sentence_writes_its_words():
    from qa.kinds.followed import holds, holds_loosely

    aspect = frozenset({"gyartas", "leallitas", "tervezte"})
    sentence = "Az utolsó bakancsot október 10-én varrták meg, a tervezett szeptember 30-i leállás csúszott."
    assert holds(aspect, sentence) == 0.0
    assert holds_loosely(aspect, sentence) == 2 / 3  # "leállás", "tervezett"
