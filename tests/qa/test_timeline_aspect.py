"""What a timeline follows through a story beyond the story itself: an aspect the request
names, a count written next to the thing counted, and whether the articles are one story."""

from collections import Counter

from qa.kinds.salience import stems
from qa.kinds.stories import shared_names
from qa.kinds.timeline import beyond_leads, gives_next_to, holds, proper
from qa.planner import fold


def test_a_count_is_the_figure_written_next_to_the_thing_counted():
    things = stems("települések száma")
    assert gives_next_to("A két körzetbe 14 település tartozik, köztük Vajszló.", things)
    assert gives_next_to("A 14 érintett település sertéstartóit megvizsgálták.", things)
    # the farm ("telep") is near a figure, but the figure counts kilometres
    assert not gives_next_to("A telep körül 3 kilométeres védőkörzetet jelöltek ki.", things)


def test_the_aspect_is_what_the_request_names_beyond_the_story_its_leads_name():
    leads = [fold(t).split() for t in (
        "Afrikai sertéspestist mutattak ki Vajszlón: a vajszlói telepen igazolták a betegséget",
        "Befejezték a vajszlói állomány felszámolását, két ázsiai ország tiltja a sertéshúst",
        "290 millió forint kártalanítást kap a vajszlói sertéstelep",
    )]
    aspect = beyond_leads(stems("vajszlói japán importtilalom"), leads)
    assert stems("japán") <= aspect and not (stems("vajszlói") & aspect)
    assert beyond_leads(stems("japán"), leads[:1]) == frozenset()  # one article: no story to go beyond


def test_an_aspect_stem_counts_inside_a_compound():
    aspect = stems("vezetése forgalma")
    assert holds(aspect, "Lemondott Varga Tamás, a repülőtér ügyvezető igazgatója.") == 0.5
    assert holds(aspect, "Az utasforgalom és a vezetés is változott.") == 1.0
    assert holds(frozenset(), "Bármi.") == 0.0


def test_one_story_needs_a_proper_name_most_of_its_articles_write():
    keys = [frozenset({"sajo", "igazg"}), frozenset({"igazg", "kecsk"}), frozenset({"igazg", "jaszb"})]
    assert shared_names(keys) == frozenset({"igazg"})
    # the collection writes "igazgató…" in lower case far more often than "Igazgatóság"
    case = Counter({("igazgatosag", True): 3, ("igazgatoja", False): 9, ("sajo", True): 5})
    assert proper(shared_names(keys), case) == frozenset()
    assert proper(frozenset({"sajo"}), case) == frozenset({"sajo"})
