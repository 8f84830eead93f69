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
