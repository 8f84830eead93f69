"""Review of c31793e..HEAD: a topic whose names are written but which no article is about
(`qa.kinds.absence`, wired into `topic.on_topic`), and the planner's plural past.

The end-to-end cases (slow) use the real e5 model over dev21, dev37 and dev38. Each asks of an
article the request's place name finds and that is what the user means, worded the way a reader
words it: a general noun ("projekt", "fejlesztés", "akció"), the topic's noun and "részletei",
"sorsa", "ügye", a year, a participle or an adjective beside it, the article's own category
("közlekedés"), the request typed without accents. Each was answered before the change, refused
by its first version, and answered again after the review's mends (shell nouns, words with digits,
participles and the articles' category are no topic words). Also two topics no article is about
that the rule still answers with an unrelated article and word forms `written` reads loosely (left
open, marked), and a noun plural the plural-past rule read as a past event (mended).
"""

from datetime import date

import pytest

from devcorpus import corpus_fixture
from qa.kinds.absence import forms, said_words, written
from qa.planner import Planner

dev21 = corpus_fixture("dev21")
dev37 = corpus_fixture("dev37")
dev38 = corpus_fixture("dev38")

REFUSED = "Nem találtam cikket"


def _answered(answer, kind: str, words: str):
    assert answer.kind == kind, answer.text
    assert not answer.refused and not answer.text.startswith(REFUSED), answer.text
    assert "másról szól" not in answer.text, answer.text
    assert words in answer.text, answer.text


# --- answerable topics now refused -------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("corpus, question, words", [
    # dev38's only Kistarcsa article is the P+R car park built for 2.1 billion forints: "the
    # Kistarcsa project" is that project; the article never writes "projekt", and e5 places the
    # lone word "projektet" no nearer it than to any passage (z ≈ -0.3)
    ("dev38", "Foglald össze a kistarcsai projektet!", "parkolóház"),
    # the Solymár P+R car park at the railway station is "the Solymár development"
    ("dev38", "Mit írnak a solymári fejlesztésről?", "parkolóház"),
    # dev21's Nádudvar article: a two-week mammography screening bus campaign ("akció")
    ("dev21", "Mit írnak a nádudvari akcióról?", "Nádudvar"),
])
def test_a_general_noun_for_the_named_article_is_not_an_absent_topic(request, corpus, question, words):
    # A reader names a town's one story by a general noun ("projekt", "fejlesztés", "akció"):
    # the town's article is the answer. The absence rule refuses it, as no article writes the
    # general noun and e5's cosine for one general word is flat (under one standard deviation).
    answer = request.getfixturevalue(corpus).ask(question)
    _answered(answer, "summary", words)


@pytest.mark.slow
def test_a_timeline_and_a_count_of_the_named_project_are_not_refused(dev38):
    # The same general nouns in a timeline and in the collection's count: before the change the
    # timeline was the car park's one dated item and the count "1 cikk"; now "no article" and
    # the count "Nem találtam cikket … Ez a cikk említi, … de másról szól" about the very article.
    timeline = dev38.ask("Mi történt időrendben a kistarcsai projekttel?")
    _answered(timeline, "timeline", "parkolóház")
    counted = dev38.ask("Hány cikk szól a solymári fejlesztésről?")
    assert counted.kind == "collection" and counted.text.startswith("**1 cikk**"), counted.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Foglald össze a kistarcsai beruházás részleteit!",
    "Foglald össze a kistarcsai beruházás sorsát!",
    "Foglald össze a kistarcsai beruházás eredményét!",
    "Foglald össze a kistarcsai beruházás állását!",
])
def test_the_topic_s_written_noun_and_a_word_like_reszletei_or_sorsa_is_still_the_topic(dev38, question):
    # "beruházás" is written in the Kistarcsa article ("A beruházás 2,1 milliárd forintba
    # került"); "részletei", "sorsa", "eredménye", "állása" say what of it to tell, and are
    # written nowhere. One of two words unwritten is "half missing", and e5 places
    # "beruházás részleteit" under one standard deviation: the article is refused by name.
    _answered(dev38.ask(question), "summary", "parkolóház")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Foglald össze a 2025-ös kistarcsai beruházást!",  # the year the article was published
    "Foglald össze az elkészült kistarcsai beruházást!",  # a participle left in the topic
    "Foglald össze a kistarcsai közlekedési beruházást!",  # an adjective (the article's category)
])
def test_a_year_participle_or_adjective_beside_the_topic_does_not_make_it_absent(dev38, question):
    # "Foglald össze a kistarcsai beruházást!" is answered; a modifier the article does not write
    # word for word ("2025" is only its date; it says "átadták", not "elkészült") makes one of
    # two words missing, and the request is refused.
    _answered(dev38.ask(question), "summary", "parkolóház")


@pytest.mark.slow
def test_the_article_s_own_category_is_no_absent_topic(dev38):
    # Both P+R articles are filed under "közlekedés" (transport); "What do they write about
    # transport in Kistarcsa / transport development in Solymár?" gets "no article on this
    # topic … this article names it but is about something else", naming the transport article.
    _answered(dev38.ask("Mit írnak a kistarcsai közlekedésről?"), "summary", "parkolóház")
    _answered(dev38.ask("Mit írnak a solymári közlekedésfejlesztésről?"), "summary", "parkolóház")


@pytest.mark.slow
def test_a_request_typed_without_accents_is_answered_as_it_is_with_them(dev37):
    # "Foglald össze a szászvári vár ügyét!" is answered (the castle's renovation, "vár" in the
    # title); typed without accents, e5 reads "var ugyet" loosely (z 0.81 instead of 2.68) and
    # "ügyét" is written nowhere: refused. The module says readers type without accents.
    _answered(dev37.ask("Foglald össze a szászvári vár ügyét!"), "summary", "vár")
    _answered(dev37.ask("foglald ossze a szaszvari var ugyet"), "summary", "vár")


# --- absent topics still answered with an unrelated article ------------------------------------


@pytest.mark.slow
@pytest.mark.xfail(reason="left open: the rule answers where it cannot tell the topic apart from the article's own", strict=True)
@pytest.mark.parametrize("question", [
    # No article writes "iskola felújítása" near Fadd, but e5 places the words near the kindergarten
    # article (z 2.2), so the kindergarten's summary is given as the school renovation's.
    "Mit írnak a faddi iskola felújításáról?",
    # The Fonyód article is about 41 stolen e-bikes; "autólopás" counts as written because its last
    # member "lopások" is, so e5 is never asked and the e-bike summary answers for car thefts.
    "Mit írnak a fonyódi autólopásokról?",
])
def test_an_absent_topic_near_the_named_article_is_still_refused(dev37, question):
    # A user expects "no article on this topic" and the line naming the article that is there.
    answer = dev37.ask(question)
    assert answer.kind == "summary" and answer.refused, answer.text


# --- word forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("word, words", [
    ("tó", ["to"]),        # lake: the article writes exactly "tó"
    ("út", ["ut"]),        # road
    ("kő", ["ko"]),        # stone
    ("M7", ["m7"]),        # a motorway, kept by said_words as a content word
])
def test_a_two_letter_word_the_article_writes_is_written(word, words):
    # `forms` dropped every form under three letters, the word itself included, so a two-letter
    # word was "missing" even from an article that writes it verbatim, and counted towards absence.
    # (A word holding a digit, "M7", is no longer one of the topic's said words at all.)
    assert said_words([word]) == ([] if any(c.isdigit() for c in word) else [word])
    assert written(word, sorted(words))


@pytest.mark.xfail(reason="left open: a short form begins a longer word of another meaning; this errs towards "
                          "'written', i.e. towards answering, never towards a false refusal", strict=True)
@pytest.mark.parametrize("word, other", [
    ("várról", "varos"),         # the castle, "written" by "város" (town)
    ("tetőről", "tetovalas"),    # the roof, "written" by "tetoválás" (tattoo)
    ("tóról", "toroltek"),       # the lake, "written" by "törölték" (deleted), though "tó" is not
])
def test_a_word_is_not_written_by_an_unrelated_longer_word(word, other):
    # A form of four letters or more begins any longer word; a three-letter one any word up to
    # four letters longer; the unstripped "torol" is a form too. An article on a town's
    # festival then "writes" a castle, and an absent topic passes the word check.
    assert not written(word, [other])


def test_an_empty_word_is_no_form_and_not_written():
    # forms("") / written("", …) raise simplemma's ValueError("Wrong input value: empty string")
    # instead of giving no forms; said_words guards against it, the public helpers do not.
    assert forms("") == set()
    assert not written("", ["a"])


# --- the plural past ----------------------------------------------------------------------------


TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


@pytest.mark.parametrize("question", [
    "Milyen sorrendben szólalnak fel a jelöltek?",
    "Milyen sorrendben indulnak a jelöltek?",
    "Milyen sorrendben költöznek be a menekültek?",
])
def test_a_noun_plural_of_a_participle_is_no_past_event(question):
    # "jelöltek" (the candidates) and "menekültek" (the refugees) are nouns: simplemma gives
    # "jelölt"/"menekült" and the bare "jelöl"/"menekül" is a verb, so `_plural_past` now reads a
    # past event and the planner makes a present-tense question about an order ("In what order do
    # the candidates speak?", like the module's own "Milyen sorrendben indulnak a versenyzők?") a
    # timeline. On c31793e these planned as facts.
    r = Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)
    assert r.kind != "timeline"
