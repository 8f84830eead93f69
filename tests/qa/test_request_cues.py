"""Request wording read without a model: a newspaper section names where articles are filed,
the assistant's language is chat, and the order of two towns' events is a timeline."""

from datetime import date

import pytest

from qa.planner import Planner

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def kind(question: str) -> str:
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


@pytest.mark.parametrize("question, expected", [
    ("Mi jelent meg a sport rovatban?", "collection"),
    ("Melyik cikkek jelentek meg a kultúra rovatban?", "collection"),
    ("Which articles appeared in the science section?", "collection"),
    # a section word without a verb of publishing is no article ("a rovatvezető szerint")
    ("Mit mondott a rovatvezető a díjról?", "fact"),
    ("Jó estét! Angolul is tudsz válaszolni?", "chat"),
    ("Can I ask in English?", "chat"),
    ("Magyarul írt cikkek vannak?", "collection"),
    ("Milyen sorrendben indult el a közbringa Sárváron és Celldömölkön?", "timeline"),
    ("In which order did Pápa and Ajka decide on free buses?", "timeline"),
    # the order of one field's start is a fact
    ("Milyen sorrendben indulnak a versenyzők?", "fact"),
])
def test_request_wording(question, expected):
    assert kind(question) == expected


def test_a_section_word_is_no_word_of_the_category():
    from index import Article
    from qa.kinds.salience import stems
    from qa.kinds.topic import in_category

    culture = Article("k", "Cím", "2025-05-01", 20250501, "kultúra", "", "", "Szöveg.")
    assert in_category(stems("kultúra rovatban"), culture) and in_category(stems("kultúra kategóriában"), culture)
    assert not in_category(stems("rovatban"), culture)


@pytest.mark.parametrize("question, expected", [
    ("Mi jelent meg júliusban?", "collection"),
    # a topic of its own, or an order asked for, is another kind
    ("Mikor jelent meg a könyv?", "fact"),
    ("What was published in May, in chronological order?", "timeline"),
])
def test_what_appeared_in_a_period_is_a_question_about_the_collection(question, expected):
    assert kind(question) == expected


@pytest.mark.parametrize("question", [
    "Ki vagy te pontosan? Ember vagy, vagy program?",
    "Are you a person or a bot? Where do your answers come from?",
    "Honnan tudod?",
    "Am I talking to a human or to some kind of AI?",
    "Is this a bot or a real person?",
    "Emberrel beszélek, vagy géppel?",
])
def test_asking_what_the_assistant_is_is_chat_whatever_words_it_uses(question):
    assert kind(question) == "chat"


def test_where_something_comes_from_is_no_question_to_the_assistant():
    assert kind("Honnan származik a pénz?") == "fact"


def test_articles_that_cover_a_topic_are_listed_and_what_something_covers_is_a_fact():
    assert kind("List the pieces that cover the bird flu outbreaks.") == "collection"
    assert kind("What does the insurance cover?") == "fact"


@pytest.mark.parametrize("question, expected", [
    # what one knows of a topic, asked of the assistant, is a summary
    ("Mit tudsz a balmazújvárosi fűtésről?", "summary"),
    ("Tudsz valamit a nyírbátori vívásról?", "summary"),
    ("Do you know anything about the Tolna hoard?", "summary"),
    ("Can you tell me about the dog shelters?", "summary"),
    ("Miről ír a cikk, amelyik a mezőkövesdi gyárbővítésről szól?", "summary"),
    # "vesd össze" compares as "hasonlítsd össze" does
    ("Vesd össze a szolnoki és az angyalföldi ételmérgezést!", "summary"),
    # the order of events that happened is a timeline, of what is planned a fact
    ("Milyen sorrendben robbantották fel a bankautomatákat?", "timeline"),
    ("In what order were ATMs blown up in 2025, and where?", "timeline"),
    ("Milyen sorrendben indulnak a versenyzők?", "fact"),
])
def test_structure_alone_tells_these_kinds(question, expected):
    assert kind(question) == expected


def test_the_second_person_speaks_to_the_assistant():
    from qa.planner import fold
    from qa.request_cues import addressed

    for q in ("Jó reggelt! Minden rendben veled?", "Te egy mesterséges intelligencia vagy?", "Are you there?"):
        assert addressed(fold(q), q)
    for q in ("Mennyibe került a kármentesítés?", "Mekkora részt kapott az egész összegből?", "Mikor kezdődik az ősz?"):
        assert not addressed(fold(q), q)


def test_a_request_s_own_words_name_no_topic_and_grapes_are_not_about():
    from qa.planner import topic_of

    assert topic_of("Give me a quick overview of everything in the collection.") == ""
    assert topic_of("Mit tudsz a balmazújvárosi fűtésről?") == "balmazújvárosi fűtésről"
    assert topic_of("Vesd össze a szolnoki és az angyalföldi ételmérgezést!") == "szolnoki angyalföldi ételmérgezést"
    assert topic_of("Foglald össze a szőlőről szóló cikkeket!") == "szőlőről"


def test_a_budapest_district_is_read_as_its_numeral_whatever_way_it_is_asked():
    from qa.kinds.topic_names import district_keys

    assert district_keys("Compare the ATM blasts in Hatvan and in Budapest's 18th district.") == ["xviii"]
    assert district_keys("Mi történt a XVIII. kerületben?") == ["xviii"]
    assert district_keys("a 13. kerületi óvodában") == ["xiii"]
    assert district_keys("Hány pont volt a versenyen?") == []


def test_a_place_s_adjective_joined_to_another_place_s_is_a_place_s_too():
    from collections import Counter

    from qa.kinds.topic_names import coordinated

    counts = Counter({("angyalfoldi", False): 1, ("szolnok", True): 3})
    words = ["szolnoki", "angyalföldi", "ételmérgezést"]
    assert coordinated("Vesd össze a szolnoki és az angyalföldi ételmérgezést!", ["szolnoki"], words, counts) == ["angyalföldi"]
    # a word the collection never writes is the asker's
    assert coordinated("a szolnoki és a kecskeméti mérgezés", ["szolnoki"], ["szolnoki", "kecskeméti"], counts) == []


@pytest.mark.parametrize("question, expected, operation", [
    ("Listázd a gazdasági cikkeket!", "collection", "list"),
    ("Milyen forrásokból vannak a cikkek?", "collection", "sources"),
    ("Which sources are in the collection?", "collection", "sources"),
    ("Melyik lap írt a Mátra Kupáról?", "collection", "list"),
    ("Mikor írtak először a szerencsi hulladékról?", "collection", "oldest"),
    ("Mi a legrégebbi cikk címe?", "collection", "oldest"),
    # signing is no publishing
    ("Mikor írta alá a szerződést a polgármester?", "fact", ""),
])
def test_questions_about_the_collection_its_sources_and_when_it_wrote_of_a_topic(question, expected, operation):
    request = Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)
    assert (request.kind, request.operation) == (expected, operation)
    if expected == "collection" and operation == "oldest" and "szerencsi" not in question:
        assert request.topic == ""  # "címe" names no topic


@pytest.mark.parametrize("question", [
    "Mi a neved?", "Oké", "Kivel beszélek?", "Honnan szeded az információidat?", "Give me some example questions",
])
def test_small_talk_and_questions_about_the_assistant_are_chat(question):
    assert kind(question) == "chat"


def test_asking_what_reporters_asked_is_no_request_for_example_questions():
    assert kind("Mit kérdeztek a riporterek a polgármestertől?") == "fact"


@pytest.mark.parametrize("question, expected", [
    ("Mit találok a gazdaság rovatban?", "collection"),
    ("Hány embert akart felvenni a cég, és változott-e ez a szám?", "timeline"),
    ("Briefly, what topics does this news collection cover?", "summary"),
    ("Adj egy gyors áttekintést a teljes cikkgyűjteményről!", "summary"),
    ("Which article is the oldest one you have?", "collection"),
])
def test_sections_whether_a_figure_changed_and_the_collection_s_topics(question, expected):
    request = Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)
    assert request.kind == expected
    if expected != "timeline" and "rovat" not in question:
        assert request.topic == ""  # the whole collection: "gyors", "one you have" name nothing


def test_doing_something_to_the_assistant_is_speaking_to_it():
    from qa.planner import fold
    from qa.request_cues import addressed

    assert addressed(fold("Mire tudlak használni?"), "Mire tudlak használni?")


@pytest.mark.parametrize("question, expected", [
    # what to take away, and in how many sentences: a summary
    ("Mik a legfontosabb pontok a tiszai gátépítésről szóló cikkben?", "summary"),
    ("Készíts rövid kivonatot a pécsi villamosról szóló cikkből!", "summary"),
    ("What are the key takeaways from the budget articles?", "summary"),
    ("The flood story in three bullet points, please.", "summary"),
    ("röviden a szegedi árvízről?", "summary"),
    # the sequence of events, a figure followed from article to article: a timeline
    ("Give me the sequence of events at the marathon.", "timeline"),
    ("How did the number of buses change from article to article?", "timeline"),
    # praise or blame for an answer, asking nothing: chat
    ("Tetszett az előző válaszod, ügyes vagy!", "chat"),
    ("Ez a válasz nem volt pontos.", "chat"),
    ("Your previous answer missed the date.", "chat"),
    ("Nem értem, hogy működik ez. Segítség!", "chat"),
    # ... but a question about an answer in the news, or how a thing works, is a fact
    ("Mi volt a minisztérium válasza a levélre?", "fact"),
    ("Hogy működik a robotkar?", "fact"),
    ("Hány pontot szerzett a csapat?", "fact"),
    ("Hány cikk jelent meg a gyárról?", "collection"),
    # what can be learnt, how things went, who made the assistant
    ("Mit tudhatunk meg a szegedi hajógyárról?", "summary"),
    ("How did things go for the Szeged rowers, from the heats to the final?", "timeline"),
    ("Mesterséges intelligencia vagy, vagy ember?", "chat"),
    ("Who made you?", "chat"),
    ("Mire használhatom ezt az alkalmazást?", "chat"),
    ("Szia! Van kedved beszélgetni?", "chat"),
    # told in order, planned against what came of it, the topics a collection covers
    ("Meséld el sorjában a fogathajtó verseny történetét!", "timeline"),
    ("How did the expected crowd compare with the final attendance?", "timeline"),
    ("Mikorra tervezték az egyezséget, és mikor született meg végül?", "timeline"),
    # promised or estimated against what came of it
    ("Milyen újraindulási dátumokat ígértek a kompra, és mikor indult el végül?", "timeline"),
    ("Mennyire becsülték eredetileg a kárt, és mennyi lett végül?", "timeline"),
    ("What date was first promised for the ferry, and when did it eventually restart?", "timeline"),
    ("Briefly, which topics does this news collection cover?", "summary"),
    ("Milyen témákban vannak cikkek? Listázd ki őket kategóriánként.", "collection"),
    ("Sorold fel a márciusban közölt cikkeket!", "collection"),
])
def test_takeaways_stages_feedback_and_who_made_the_assistant(question, expected):
    assert kind(question) == expected


def test_a_collection_request_s_verb_names_no_topic_nor_does_the_archive():
    def topic(question):
        return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).topic

    assert topic("Milyen hírek kerültek ki szeptemberben?") == ""
    assert topic("Mi a legfrissebb írás az anyagban?") == ""
    assert topic("Which piece in the archive was published earliest?") == ""
    assert topic("Which articles mention forest railways?") == "forest railways"
