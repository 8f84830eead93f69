"""Review of eba7333..32bb8f8 (timeline revisions, a town's adjective as a story's name, the chooser's
sureness by fact groups): inputs the change did not think of. Each test failed on the reviewed code.
The chooser's fact groups were taken out again (measured no better, see docs/measurements.md), and
their twelve cases with them."""

from collections import Counter

import pytest

from fakes import story_library
from qa.kinds import timeline
from qa.kinds.stories import proper
from qa.planner import Request

# --- stories.proper: a town's adjective ------------------------------------------------------------


def test_a_town_written_only_inflected_still_owns_its_adjective():
    # local news write "Fertőrákoson", "Fertőrákosra" and "a fertőrákosi kőfejtő", seldom the bare
    # name: the adjective is counted against the town only because ("fertorakos", True) is missing
    case = Counter({("fertorakoson", True): 3, ("fertorakosra", True): 1, ("fertorakosi", False): 5})
    assert proper(frozenset({"ferto"}), case) == {"ferto"}


@pytest.mark.xfail(reason="a town in -a/-e ('Nyíregyháza' -> 'nyíregyházi') is not read: 'Idősek Otthona' -> "
                   "'otthoni' has the same shape, and dev12's nursing-home story lost its head to it; left open",
                   strict=False)
def test_a_town_ending_in_a_owns_its_adjective():
    # "Nyíregyháza" -> "nyíregyházi" drops the -a: word[:-1] is "nyiregyhaz", never written
    case = Counter({("nyiregyhaza", True): 3, ("nyiregyhazan", True): 1, ("nyiregyhazi", False): 6})
    assert proper(frozenset({"nyire"}), case) == {"nyire"}


def test_the_residents_of_a_town_name_it_too():
    # "a fertőrákosiak" (its people, lower-case) names the town as "fertőrákosi" does
    case = Counter({("fertorakos", True): 3, ("fertorakoson", True): 1, ("fertorakosi", False): 3,
                    ("fertorakosiak", False): 5})
    assert proper(frozenset({"ferto"}), case) == {"ferto"}


def test_a_common_noun_s_adjective_is_no_place_s():
    # "megyei" is a county's adjective, not a town's: once "Megye" is capitalised anywhere ("Pest
    # Megye Önkormányzata") every lower-case "megyei" stops counting, and a word the collection
    # writes lower-case 22 times of 33 becomes a story's proper name ("Vármegyei" in every
    # county's news, which same_story's comment says tells no story apart)
    case = Counter({("megye", True): 2, ("megyei", True): 9, ("megyei", False): 14, ("megye", False): 4,
                    ("megyeben", False): 4})
    assert proper(frozenset({"megye"}), case) == frozenset()


# --- timeline: a revision ----------------------------------------------------------------------------

BACKGROUND = [
    ("m1", "2025-03-04", "Bezárt a soproni múzeum", [
        "Bezárt a soproni múzeum, 1200 műtárgyat szállítottak el a raktárba.",
        "A múzeum igazgatója szerint a felújítás ősszel kezdődhet."]),
    ("m2", "2025-09-16", "Újranyitott a soproni múzeum", [
        "Újranyitott a soproni múzeum, az első hétvégén 850 látogató érkezett.",
        "A múzeum épületét hosszas viták után végül 2019-ben kötötték be a távfűtésbe.",
        "A látogatók a felújított termeket is megnézhették."]),
]


def test_a_background_year_after_vegul_is_no_revision():
    # the revision check reads news_facts without the article's year, so "végül 2019-ben" in a 2025
    # article is a "revised figure" and joins the item; every other figure check leaves years before
    # the article's own out as background (test_timeline_figures: "2019" not in items[2])
    question = "Mi történt időrendben a soproni múzeummal?"
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "soproni múzeum"),
                           story_library(BACKGROUND), None).text
    items = text.split("\n- ")[1:]
    assert len(items) == 2 and "850 látogató" in items[1], text
    assert "2019" not in items[1], text
