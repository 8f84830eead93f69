"""A topic whose names are written but which no article is about (`qa.kinds.absence`): the
word forms read without a model, the refusal with the real e5 model over dev37's articles (slow)."""

import pytest

from devcorpus import corpus_fixture
from collections import Counter

from qa.kinds.absence import _missing_english, forms, said_words, written
from qa.kinds.places import unknown_place
from qa.planner import fold

# a collection writing Fadd, its kindergarten and a few plain words, none of the places above
COUNTS = Counter({("fadd", True): 1, ("faddi", False): 3, ("ovoda", False): 2, ("hulladekgazdalkodas", False): 1, ("csepel", True): 2})

WORDS = sorted({"hid", "hidon", "hideg", "fesztivalon", "telepules", "ovoda", "ovodat", "komp", "kompot", "eredmenyt"})


@pytest.mark.parametrize("typed", ["hídról", "hidrol", "híddal", "hiddal", "hídon"])
def test_a_case_form_typed_with_or_without_accents_is_the_word_written(typed):
    assert written(typed, WORDS)


def test_a_short_stem_begins_only_a_short_word():
    # "hid" may begin a case form ("hidat"), not a long word ("hidegfrontok")
    assert written("hídon", ["hidegfrontok"]) is False and written("hídon", ["hidat"])
    assert "hid" in forms("hídról")


def test_a_compound_s_last_member_written_alone_counts_and_a_longer_word_does_not():
    assert written("borfesztiválról", WORDS)  # "fesztiválon"
    assert not written("szennyvíztelep", WORDS)  # "település" begins with "telep" but is another word
    assert not written("uszoda", WORDS)


def test_an_instrumental_after_a_doubled_consonant_is_the_bare_word():
    assert written("komppal", WORDS) and written("óvodával", WORDS) and written("eredményekig", WORDS)


def test_the_said_words_leave_out_pronouns_postpositions_and_punctuation():
    assert said_words(["borfesztiválról?", "azokról", "miatt"]) == ["borfesztiválról"]


dev37 = corpus_fixture("dev37")


@pytest.mark.slow
def test_a_town_s_other_event_is_no_article_s_topic(dev37):
    # the Fadd article is about its kindergarten: no summary of it for a wine festival there
    answer = dev37.ask("Mit írnak a cikkek a faddi borfesztiválról?")
    assert answer.kind == "summary" and answer.refused, answer.text
    # what is there instead: the article naming Fadd, by its title, and nothing of its text
    assert "de másról szól: „412 millió forintból bővült a faddi óvoda" in answer.text, answer.text
    assert "Három új csoportszobával" not in answer.text
    # typed without accents too
    pool = dev37.ask("mit tudunk a faddi traktorlopasrol")
    assert pool.kind == "summary" and pool.refused, pool.text
    counted = dev37.ask("Hány cikk szól a faddi borfesztiválról?")
    assert counted.kind == "collection" and counted.text.startswith("Nem találtam cikket"), counted.text
    assert "faddi óvoda" in counted.text  # named as what is there instead


@pytest.mark.slow
def test_the_town_s_own_topic_named_otherwise_is_still_summarised(dev37):
    # "bővítés" of "bővült", "óvoda" written: the kindergarten's article, cited
    answer = dev37.ask("Foglald össze a faddi óvoda bővítését!")
    assert answer.kind == "summary" and not answer.refused and "412 millió" in answer.text, answer.text
    timeline = dev37.ask("Mi történt időrendben a faddi óvodával?")
    assert timeline.kind == "timeline" and not timeline.refused, timeline.text


def test_where_a_story_is_told_from_and_to_is_not_its_topic():
    assert said_words(["nevezéstől", "eredményekig", "fesztivál"]) == ["fesztivál"]


dev38 = corpus_fixture("dev38")


@pytest.mark.slow
def test_a_reader_s_synonym_no_article_writes_is_still_its_topic(dev38):
    # the Csömör article writes of fine dust over the health limit, never "szmog": e5 places it near
    answer = dev38.ask("Mit írnak a cikkek a csömöri szmogról?")
    assert answer.kind == "summary" and not answer.refused and "Csömör" in answer.text, answer.text
    assert "másról szól" not in answer.text


@pytest.mark.parametrize("word", ["bonyhádi", "bonyhadi", "zalaberi", "veresegyházi", "csesztregi", "kőbányai"])
def test_a_place_adjective_no_article_writes_is_an_unknown_place(word):
    assert unknown_place(word, COUNTS)


@pytest.mark.parametrize("word", [
    "hulladékgazdálkodási", "árvízvédelmi", "közbiztonsági", "szolgálati", "kikötői",  # a noun's own adjective
    "iskolai", "megyei", "óvodai",  # words of the language
    "meletti", "kozeli",  # misspelt "melletti", "közeli" typed without accents
    "Bonyhádi",  # capitalised: a name's business, not this rule's
    "faddi",  # the collection writes Fadd
])
def test_words_of_the_language_misspellings_and_written_places_are_not(word):
    assert not unknown_place(word, COUNTS)


def test_an_english_topic_s_words_are_read_through_the_dictionary():
    # "viaduct" stands for "viadukt" or "völgyhíd", neither written; "factory" for "gyár", written
    # in a case form; "step" says how the story is told, and "renovation" the dictionary lacks
    said, missing = _missing_english(["viaduct", "factory", "step", "renovation"], sorted({"felujitas", "gyarban"}))
    assert said == ["viaduct", "factory"] and missing == ["viaduct"]


@pytest.mark.slow
def test_a_place_no_article_names_gets_no_other_place_s_summary(dev37):
    # the Fadd kindergarten's article was the answer for Bonyhád's: the request names a place
    # the collection never writes, and the refusal says so
    for asked in ("Foglald össze a bonyhádi óvoda bővítését!", "foglald ossze a bonyhadi ovoda boviteset"):
        answer = dev37.ask(asked)
        assert answer.kind == "summary" and answer.refused, answer.text
        assert "egyik cikk sem említi" in answer.text and "bonyhadi" in fold(answer.text), answer.text
    timeline = dev37.ask("Mi történt időrendben a tatai halastó lecsapolásával?")
    assert timeline.kind == "timeline" and timeline.refused, timeline.text
    counted = dev37.ask("Hány cikk szól a bonyhádi óvodáról?")
    assert counted.kind == "collection" and counted.text.startswith("Nem találtam cikket"), counted.text
    # a misspelt word is no place: "meletti" for "melletti" still finds the Fadd article
    near = dev37.ask("Röviden: mi történt a Fadd meletti óvodában?")
    assert not near.refused and "412 millió" in near.text, near.text


@pytest.mark.slow
def test_an_english_topic_its_names_find_elsewhere_is_absent_and_a_covered_one_is_not(dev38):
    # Biatorbágy's article is about an e-bike factory, not a viaduct
    answer = dev38.ask("How did the Biatorbágy viaduct renovation develop, step by step?")
    assert answer.kind == "timeline" and answer.refused, answer.text
    assert "is about something else" in answer.text, answer.text
