"""Review of round 36 (f7e8823..3f77a53): an English timeline's words read through the
dictionary, measures of five-letter stems, an event's day from the next sentence, irregular
English pasts, and places written only as their adjective. Fast: no model, no store."""

from collections import Counter

import pytest

from fakes import story_library
from qa import bilingual
from qa.kinds import timeline, topic_names as topic_names_module
from qa.kinds.running import _MEASURE, counts_in, followed
from qa.kinds.topic_names import topic_names
from qa.kinds.translated import as_written
from qa.planner import Request, topic_of
from tests.qa.test_request_cues import kind
from tests.qa.test_round36 import _Story

needs_dictionary = pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")


def _english(question: str, topic: str) -> Request:
    return Request(question=question, standalone=question, kind="summary", language="en", topic=topic, period=None,
                   asks_for=None, names=())


def _timeline(texts, question: str) -> str:
    library = story_library(texts, Counter({("lapos", True): 4}))
    request = Request(question, question, "timeline", "hu", None, None, (), topic_of(question))
    return timeline.answer(request, library, None).text


_FIRE = ("a1", "2025-09-01", "Ég a tőzeg a lápos réten",
         ["Lángra kapott a tőzeg a Lápos-réten szeptember 1-jén.", "A tűz 12 hektáron ég.", "A tűzoltók éjjel-nappal dolgoznak."])


# --- qa/kinds/translated.py: as_written ------------------------------------------------

@needs_dictionary
def test_a_fragment_of_a_two_word_sense_does_not_stand_for_the_english_word():
    # User: "How did the lawsuit against Ajka unfold?" follows the mayor ("polgármester") through
    # the story: the dictionary's "lawsuit" is "polgári per", `bilingual.hungarian` splits it
    # into words, so "polgári" counts as a sense (the `" " not in st` guard never sees a space)
    # and, counted inside words, is written most, as "polgármester".
    story = _Story(["Pert indított a cég az ajkai önkormányzat ellen.", "A polgármester szerint a per megalapozatlan."],
                   ["A bíróság elutasította a keresetet.", "A polgármester elégedett az ítélettel.", "A per ezzel véget ért."])
    assert not any(w.startswith("polgar") for w in as_written(story, [0, 1], "lawsuit against Ajka"))


# --- qa/kinds/running.py: _MEASURE and followed ----------------------------------------

def test_grams_in_every_form_are_a_measure():
    # User: a meteorite's story ("348 gramm", "212 grammot") follows its grams before the count
    # of researchers: Snowball stems "gramm", "grammot", "grammal" to "gram", which `^gramm`
    # (added for grams) does not match; only "grammos" gives "gramm".
    for sentence in ("A meteorit 348 gramm.", "A darab 348 grammot nyom.", "A 212 grammal könnyebb darab."):
        assert all(_MEASURE.match(thing) for thing in counts_in(sentence)), (sentence, counts_in(sentence))
    story = [["A meteorit 348 gramm.", "3 kutató vizsgálta."], ["Egy újabb darab 212 gramm.", "Már 5 kutató vizsgálja."]]
    assert followed(story)[0].startswith("kutat")


def test_a_sum_written_as_milliós_is_no_millimetre():
    # User: a clean-up story's cost ("120 milliós", "180 milliósra", "240 milliós") is followed
    # after its tonnes, as a measure: `^milli`, added for millimetres, also takes "milliós" (a sum
    # in millions of forints). Before this round the sums came first.
    story = [["A lerakóban 2800 tonna hulladék van.", "A kármentesítés 120 milliós tétel."],
             ["Már 3100 tonna hulladékot találtak.", "A kármentesítés 180 milliósra drágult."],
             ["Végül 4100 tonna hulladékot vittek el.", "A kármentesítés 240 milliós számla lett."]]
    assert not any(_MEASURE.match(thing) for thing in counts_in("A kármentesítés 120 milliós tétel."))
    assert not followed(story)[0].startswith("tonn")


# --- qa/kinds/timeline.py: the event's day from the next sentence ----------------------

def test_a_due_date_in_the_next_sentence_is_not_the_event_s_day():
    # User: "Hivatalosan is véget ért a tőzegtűz" is followed by "A terület helyreállítását
    # december 31-ig kell befejezni", a deadline, as if it were the day the fire ended:
    # `days` reads a due date ("-ig") as a day something was told.
    texts = [_FIRE, ("a2", "2025-09-15", "Vége a tőzegtűznek a Lápos-réten",
                     ["Hivatalosan is véget ért a tőzegtűz a Lápos-réten.", "A terület helyreállítását december 31-ig kell befejezni.",
                      "Összesen 46 hektár égett le, a kár 80 millió forint."])]
    text = _timeline(texts, "Mi történt a Lápos-réti tőzegtűzzel?")
    assert "december 31-ig" not in text, text


def test_a_day_an_earlier_article_named_is_not_new_when_its_month_is_cut_short():
    # User: the fire's end is followed by "A katasztrófavédelem szept. 1-jén riasztotta az
    # egységeket", the day the first article already gave ("szeptember 1-jén"): `days` keeps
    # "szept 1" and "szeptember 1" apart, so the day looks new.
    from qa.kinds.followed import days

    assert days("szept. 1-jén") == days("szeptember 1-jén")
    texts = [_FIRE, ("a2", "2025-09-15", "Vége a tőzegtűznek a Lápos-réten",
                     ["Hivatalosan is véget ért a tőzegtűz a Lápos-réten.", "A katasztrófavédelem szept. 1-jén riasztotta az egységeket.",
                      "A tűzoltók hazatértek."])]
    assert "szept. 1-jén" not in _timeline(texts, "Mi történt a Lápos-réti tőzegtűzzel?")


# --- qa/request_cues.py _EN_PAST and qa/planner.py ------------------------------------

@pytest.mark.parametrize("question", [
    "Which articles came out in May, and in what order?",
    "How many articles came out about the flood, and in what order?",
])
def test_articles_that_came_out_in_an_order_are_still_a_collection_request(question):
    # User: asked which (or how many) articles came out, gets a timeline of events instead of
    # the list of articles (was "collection" before the round): "came" is a past event now, and
    # the order cue zeroes the collection's cue.
    assert kind(question) == "collection"


@pytest.mark.parametrize("question", [
    "In what order do the newly built bus stops open?",
    "In what order do the held-over matches take place?",
])
def test_a_participle_in_a_present_question_is_no_past_event(question):
    # User: a question about what happens now or next ("do … open") is answered with a
    # timeline of past articles (was a fact question): "built", "held" are read as past tenses,
    # and `_EN_PLANNED` knows no "do"/"does".
    assert kind(question) == "fact"


# --- qa/kinds/topic_names.py: a place written only as its adjective ---------------------

@needs_dictionary
@pytest.mark.parametrize("question, topic", [
    ("What happened to the Central Market Hall?", "Central Market Hall"),
    ("How did the Sport Hall renovation go?", "Sport Hall renovation"),
])
def test_an_english_word_that_starts_a_hungarian_word_plus_i_is_no_place(question, topic):
    # User: "What happened to the Central Market Hall?" finds no article (or marketing ones): the
    # English "Market" becomes a required name because the collection writes "marketingkampány"
    # (`c.startswith(fold(w) + "i")` is any word, not a place's adjective). Before the round
    # nothing was required and the Hungarian "vásárcsarnok" articles were found by translation.
    counts = Counter({("marketingkampany", False): 3, ("vasarcsarnok", False): 4, ("sportigazgato", False): 2})
    keys = topic_names(_english(question, topic), counts)
    assert "market" not in keys and "sport" not in keys, keys


@needs_dictionary
def test_a_place_whose_name_ends_in_i_is_known_by_its_adjective_too():
    # User: "Compare the poaching cases at Csákánydoroszló and at Dunakeszi" drops Dunakeszi's
    # article, as Lábod's was before the round: a name ending in "-i" is its own adjective
    # ("a dunakeszi orvvadászok"), and only `name + "i"` is looked for.
    counts = Counter({("dunakeszi", False): 5, ("csakanydoroszlo", True): 3})
    question = "Compare the two poaching cases, at Csákánydoroszló and at Dunakeszi."
    keys = topic_names(_english(question, "two poaching cases Csákánydoroszló Dunakeszi"), counts)
    assert any(k.startswith("dunakesz") for k in keys), keys


def test_an_english_name_is_folded_once_not_once_per_word_of_the_collection(monkeypatch):
    # User: on a large archive an English request waits seconds longer per capitalised word
    # (600k distinct words: 0.8 s -> 2.8 s): the new lower-case test folds the request's word
    # again for every lower-case word of the collection's vocabulary.
    counts = Counter({(f"szo{i:05d}x", False): 1 for i in range(20000)})
    counts[("csakanydoroszlo", True)] = 3
    calls = []
    real = topic_names_module.fold
    monkeypatch.setattr(topic_names_module, "fold", lambda text: calls.append(text) or real(text))
    question = "Compare the two poaching cases, at Csákánydoroszló and at Nagytarcsa."
    topic_names(_english(question, "two poaching cases Csákánydoroszló Nagytarcsa"), counts)
    assert len(calls) < 1000, len(calls)
