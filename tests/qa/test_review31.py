"""Review of session 31's change: each test was a bug a user would hit, mended since.
Pure functions and the model-free planner only; the dictionary tests skip without it."""

from collections import Counter
from datetime import date

import pytest
from fakes import paragraph_sentences

from qa.planner import Planner, Request, fold, topic_of

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def plan(question: str) -> Request:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)


sentences = paragraph_sentences


def needs_dictionary():
    from qa import bilingual

    if not bilingual.dictionary():
        pytest.skip("hungarian_verb needs dict-freedict-eng-hun")


# --- qa/request_cues.py: addressed / past_event ----------------------------------------------


def test_addressed_catches_the_second_person_forms_its_comment_names():
    # The comment names "segítenél" and "készítettél": the endings are matched on the
    # lower-cased, not the folded, question, so "-él"/"-tél" never match "el"/"tel".
    from qa.request_cues import addressed

    needs_dictionary()
    for q in ("Segítenél egy kicsit?", "Mit készítettél eddig?"):
        assert addressed(fold(q), q), q


def test_a_third_person_verb_ending_in_ol_or_el_is_not_spoken_to_the_assistant():
    from qa.request_cues import addressed

    needs_dictionary()
    for q in ("Ki felel a késésért?", "Mit javasol a polgármester?", "Mit gondol a polgármester a tervről?"):
        assert not addressed(fold(q), q), q


@pytest.mark.parametrize("question", [
    "Milyen sorrendben nyit meg a három új üzlet?",  # "nyit": present tense, ends in t
    "Milyen sorrendben dönt a testület a pályázatokról?",  # "dönt": present tense
    "In what order will the matches be played?",  # "played" after "will be": a plan
    "In what order are the speakers scheduled?",  # "scheduled": a plan
])
def test_the_order_of_what_is_planned_is_no_timeline(question):
    needs_dictionary()
    assert plan(question).kind == "fact"


# --- qa/request_cues.py: collection cues -----------------------------------------------------


@pytest.mark.parametrize("question", [
    "Mikor jelentek meg az első tünetek?",  # symptoms appeared: "jelent meg" + "mikor" + "első"
    "Mikor jelent meg az első kanyarós beteg Ózdon?",
    "When was the first case reported?",
])
def test_when_something_first_appeared_in_the_news_is_a_fact_not_the_oldest_article(question):
    assert plan(question).kind == "fact"


def test_sites_covered_by_a_flood_are_no_articles():
    # "sites" joined _SOMETIMES_ARTICLE; "covered" is a verb of publishing: a collection list.
    assert plan("Which sites were covered by the floodwater?").kind == "fact"


@pytest.mark.parametrize("question", [
    "Milyen cikkek szólnak a hévízi forrásról?",  # a spring, not a source
    "Which articles are about renewable energy sources?",
])
def test_articles_about_a_spring_or_energy_sources_are_listed_not_their_publishers(question):
    request = plan(question)
    assert (request.kind, request.operation) == ("collection", "list")


def test_knowing_about_something_in_a_yes_no_question_is_no_summary():
    assert plan("Did the mayor know about the leak?").kind == "fact"


def test_osszevetve_compared_with_is_no_comparison_request_as_osszehasonlitva_is_not():
    # _SUMMARY excludes "összehasonlítva" ((?!va)) but the new "osszevet\w*" takes "összevetve"
    assert plan("Mennyivel nőtt a forgalom a tavalyihoz összehasonlítva?").kind == "fact"
    assert plan("Mennyivel nőtt a forgalom a tavalyihoz összevetve?").kind == "fact"


# --- qa/request_words.py / planner.topic_of ---------------------------------------------------


def test_a_journalist_is_a_topic_word_not_a_newspaper():
    # "ujsag\w*" eats "újságíró"
    assert "újságíróval" in topic_of("Mi történt a letartóztatott újságíróval?")


def test_a_spring_is_a_topic_word():
    # "forras\w*" eats "forrás" (a spring)
    assert "forrásról" in topic_of("Foglald össze a hévízi forrásról szóló cikkeket!")


def test_eloszor_asks_for_the_oldest_and_names_no_topic_as_elso_does():
    # "először" became an _OLDEST cue but is no request word: it stays in the topic
    assert topic_of("Mikor írtak először a szerencsi hulladékról?") == "szerencsi hulladékról"


# --- qa/kinds/topic_names.py -----------------------------------------------------------------


def test_a_cardinal_count_of_districts_is_no_district():
    from qa.kinds.topic_names import district_keys

    # "23 kerület" (no dot) is 23 districts; the XXIII. district is "23. kerület"
    assert district_keys("Mind a 23 kerületben drágul a parkolás?") == []


def test_two_districts_compared_are_both_kept():
    from qa.kinds.topic_names import topic_names

    q = "Hasonlítsd össze a IX. és a XVIII. kerületi bankautomata-robbantást!"
    request = Request(q, q, "summary", "hu", None, None, (), topic_of(q))
    counts = Counter({("ix", True): 2, ("xviii", True): 3, ("robbantas", False): 5, ("kerulet", False): 5})
    assert set(topic_names(request, counts)) >= {"ix", "xviii"}


def test_an_adjective_of_time_joined_to_a_place_s_is_no_place():
    from qa.kinds.topic_names import coordinated

    counts = Counter({("korabbi", False): 9, ("szolnok", True): 3})
    words = ["szolnoki", "korábbi", "ételmérgezést"]
    assert coordinated("Vesd össze a szolnoki és a korábbi ételmérgezést!", ["szolnoki"], words, counts) == []


# --- qa/kinds/topic.py: nominal / qa/bilingual.py: hungarian_verb ----------------------------


@pytest.mark.parametrize("topic", ["a budai vár felújítása", "geotermikus fúrás", "siófoki nyaraló"])
def test_nouns_are_not_dropped_from_a_topic_as_verbs(topic):
    from qa.kinds.topic import nominal

    needs_dictionary()
    assert nominal(Request(topic, topic, "timeline", "hu", None, None, (), topic)) == topic


# --- qa/kinds/followed.py: due ---------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Március 3-án a vezetéket a telepre is bekötötték.",  # "tel\w*re"
    "Május 27-én a hetedik osztályra is átterjedt a fertőzés.",  # "osz\w*ra"
    "A betegek száma május 5-én 30-ra nőtt.",  # "30-ra": rose to 30
    "The plant was opened by the mayor in March.",  # "by the may(or)"
])
def test_the_day_something_happened_is_no_due_date(sentence):
    from qa.kinds.followed import due

    by_when = due("Mikorra ígérték a fűtés elkészültét?")
    assert not by_when.search(fold(sentence))


def test_due_to_asks_no_due_date():
    from qa.kinds.followed import due

    assert due("How did the fine change due to the appeal?") is None


# --- qa/chooser_features.py: money units -----------------------------------------------------


@pytest.mark.parametrize("question", [
    "Mennyi bérlakás van Józsefvárosban?",
    "Mennyi a bérlakások száma?",
    "Mennyi berendezést szállítottak el?",
])
def test_a_count_of_rental_flats_asks_no_sum_of_money(question):
    from qa.units import _UNITS

    assert not _UNITS[1][0].search(fold(question))


# --- qa/kinds/person.py ----------------------------------------------------------------------


def test_an_english_opening_quote_mark_closes_nothing():
    from qa.kinds import person

    text = sentences(["The final was held in Debrecen on Sunday.", "Twelve thousand fans filled the hall.",
                      "“It was a dream,” said Réka Kardos after the match."])
    assert person.blocks(text, frozenset({"kardos"})) == [range(2, 3)]


def test_a_quote_of_three_sentences_after_the_speaker_is_told_whole():
    from qa.kinds import person

    text = sentences(["Szalai Gréta így fogalmazott: „Tavaly három tizedmásodperc hiányzott.",
                      "Most itthon versenyzünk.", "A 200 méteren nyerni akarunk.”", "A verseny vasárnap kezdődik."])
    assert person.blocks(text, frozenset({"szalai"})) == [range(0, 3)]
    text = sentences(["Szalai Gréta nem titkolja a célt.", "„Tavaly három tizedmásodperc hiányzott.",
                      "Most itthon versenyzünk.", "A 200 méteren nyerni akarunk” – mondta."])
    assert person.blocks(text, frozenset({"szalai"})) == [range(0, 4)]


def test_an_institution_named_after_a_saint_names_no_person():
    from qa.kinds import person

    assert person.of_topic("Szent István Kórház") == frozenset()


def test_funds_for_a_museum_s_collection_are_no_question_about_the_news_collection():
    # "forrás" (funds) beside "gyűjtemény" (a museum's collection) and "milyen": sources of the collection
    request = plan("Milyen forrásból bővült a hollókői gyűjtemény?")
    assert (request.kind, request.operation) != ("collection", "sources")
    assert request.kind == "fact"


def test_when_a_letter_was_first_written_is_a_fact():
    # "írták meg" is writing a letter, not publishing; with "mikor" and "először" it became a collection request
    assert plan("Mikor írták meg először a levelet?").kind == "fact"


def test_a_coordinated_place_adjective_survives_written_in_on_topic():
    # `coordinated` adds "angyalföldi" for a collection that writes it only in lower case (its
    # docstring's case), but on_topic then keeps only `written` keys, those the collection
    # capitalises: the added place is dropped again and only Szolnok's articles are required.
    from qa.kinds.topic_names import topic_names, written

    q = "Vesd össze a szolnoki és az angyalföldi ételmérgezést!"
    request = Request(q, q, "summary", "hu", None, None, (), topic_of(q))
    counts = Counter({("szolnok", True): 3, ("szolnoki", False): 2, ("angyalfoldi", False): 1, ("etelmergezes", False): 4})
    keys = topic_names(request, counts)
    assert "angyalfoldi" in keys  # what coordinated adds
    assert written(keys, counts) == keys
