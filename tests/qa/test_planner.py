"""The planner's structure signal and its record, without a model (the vote is off)."""

from datetime import date

import pytest

from qa.conversation import names_whole_collection, with_new_period
from qa.planner import Planner, fold, topic_of

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def plan(question: str):
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Foglald össze a cikkeket!", "summary"),
        ("foglald ossze a cikket a gyarrol", "summary"),
        ("Foglad össze a gyárról szóló cikket", "summary"),
        ("Foglaljátok össze a cikkeket!", "summary"),
        ("Kik fogtak össze a projektben?", "fact"),
        ("Mit tudunk a padláson talált festményről?", "summary"),
        ("What do we know about the flood?", "summary"),
        ("Summarise the article about the flood.", "summary"),
        ("Miről szólnak a cikkek?", "summary"),
        ("Mi történt időrendben a gyár ügyében?", "timeline"),
        ("How did the strike unfold?", "timeline"),
        ("Walk me through the by-election, from the candidates to the result.", "timeline"),
        ("Hogyan csúszott az új MR-készülék indulásának időpontja?", "timeline"),
        # "hogy" is also "that": a why-question about a delay is one fact
        ("Mi az oka annak, hogy csúszott az MR-készülék átadása?", "fact"),
        ("Hogyan módosultak a szabályok a tender során?", "timeline"),
        ("Mi történt a gyárral márciustól júniusig?", "timeline"),
        ("Milyen cikkek vannak?", "collection"),
        ("Hány cikk van?", "collection"),
        ("Which articles are there about sport?", "collection"),
        ("Szia!", "chat"),
        ("szia mit tudsz", "chat"),
        ("Thanks!", "chat"),
        ("kösz szépen", "chat"),
        ("Köszönöm szépen!", "chat"),
        ("What happened in the water utility trial? Briefly.", "summary"),
        ("What happened in the trial between April and June?", "timeline"),
        ("help", "chat"),
        ("Hogyan kérdezzek tőled?", "chat"),
        ("kösz, ennyi volt", "chat"),
        ("Thanks, that's all.", "chat"),
        ("What kind of questions can I ask you?", "chat"),
        ("Milyen kérdéseket tehetek fel?", "chat"),
        ("Milyen kérdéseket vizsgált a bizottság?", "fact"),
        ("Jó estét! Van egy perced?", "chat"),
        ("Hogyan tudok kérdezni tőled a cikkekről?", "chat"),
        ("Wat are these articles about overall?", "summary"),  # "what" mistyped
        # a letter dropped: "Mirő szól" for "Miről szól"
        ("Mirő szól a cikk a cég negyedéves eredményeiről?", "summary"),
        ("Mit kérdezhetek tőled a mezőtúri hídról?", "fact"),
        ("Ki nyerte a választást?", "fact"),
        ("Mi történt a gyárral júliusban?", "fact"),
        # no day asked: the topic's story, in order
        ("Mi történt a Madách-iskolával?", "timeline"),
        ("What happened in Balassagyarmat?", "timeline"),
        ("Mi történt?", "summary"),
        ("Szia! Ki nyitotta meg a hidat?", "fact"),
        ("How many people were injured?", "fact"),
        # the article as the source of the fact, not the thing asked about
        ("Mekkora a tó vízszintje a legfrissebb cikk szerint?", "fact"),
        ("How many cases were there according to the latest report?", "fact"),
        ("Melyik a legfrissebb cikk?", "collection"),
        # what was decided, asked in short: the decisions told, not one sentence
        ("röviden: mit döntött a szekszárdi közgyűlés?", "summary"),
        ("What did the council decide? Briefly.", "summary"),
        ("Röviden: mennyibe kerül az uszoda?", "fact"),
        ("Mit mondott a polgármester a rövid beszédében?", "fact"),
        # how a count moved is a timeline; "hogy" that means "that" is no "how"
        ("Hogyan nőtt az oltások száma a járvány alatt?", "timeline"),
        ("How did the number of passengers grow?", "timeline"),
        # from one stage to another; a distance "from … to" is no story
        ("How did the water polo cup final four go, from the ticket sales to the final attendance?", "timeline"),
        ("How far is it from Budapest to Szeged?", "fact"),
        ("Mivel magyarázza a cég, hogy csökkent a forgalma?", "fact"),
        # what the articles say is their content; a list asked for outright stays a list
        ("What do the articles say about the grandparent scams?", "summary"),
        ("Mit írnak a cikkek a bírósági ítéletekről?", "summary"),
        # what one paper or writer wrote about a topic, as "mit írnak"; what someone wrote in a
        # letter, or signed, is a fact
        ("Mit írt a lap a földesi röplabdások feljutásáról?", "summary"),
        ("Mit írt a polgármester a levélben?", "fact"),
        ("Mit írt alá a polgármester a fejlesztésről?", "fact"),
        # what stands in the article is its summary; what stands behind an accident by it is a fact
        ("Mi áll a cikkben a szentesi konzervgyár bővítéséről?", "summary"),
        ("Mi áll a cikk szerint a baleset hátterében?", "fact"),
        ("Melyik cikkek szólnak a perről?", "collection"),
        # a material, a source of money, a police report: articles only beside publishing
        ("Milyen anyaggal pusztítják a szúnyoglárvákat?", "fact"),
        ("Milyen anyaggal irtják a lárvákat?", "fact"),
        ("Milyen forrásból fizették a felújítást?", "fact"),
        ("What reports did the police receive about the robbery?", "fact"),
        ("Milyen anyagok jelentek meg a fürdőkről?", "collection"),
        ("Which sources reported on the baths?", "collection"),
        # what one should know, a comparison: the gist of each
        ("Mit kell tudni az új fürdőről?", "summary"),
        ("What should I know about the strike?", "summary"),
        ("Hasonlítsd össze a két tüzet!", "summary"),
        ("Compare the two strikes.", "summary"),
        # told in order, a count accumulating, "hogy" opening the question as "how"
        ("Mondd el sorban, mi történt a gyárral!", "timeline"),
        ("What happened to the mayor in June, in order?", "timeline"),
        ("Sorban állnak az emberek a boltban?", "fact"),
        ("hogy nott a betegek szama a varosban?", "timeline"),
        ("Hogyan gyűltek az aláírások a vonatért?", "timeline"),
        ("What did the city do in order to save the bridge?", "fact"),
        ("Hogy hívják a polgármestert, aki alatt nőtt a város adóssága?", "fact"),
        ("Hogy mennyivel csökkent a munkanélküliség?", "fact"),
        ("Milyen sorrendben indulnak a versenyzők?", "fact"),
        ("Is the paperwork in order for the new bridge?", "fact"),
        ("How does this year's harvest compare with last year's?", "fact"),
        ("Összehasonlítva tavalyival, mennyi volt a bevétel?", "fact"),
    ],
)
def test_structure_alone_reads_the_kind(question, kind):
    assert plan(question).kind == kind


def test_speaking_to_the_assistant_about_what_no_article_writes_is_chat():
    written = {"busz", "libego", "meteorit"}
    planner = Planner(None, written=lambda stem: any(w.startswith(stem) for w in written))

    def kind(question):
        return planner.plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind

    assert kind("Milyen nyelven kérdezhetek tőled?") == "chat"
    assert kind("Hi there, what is this assistant for?") == "chat"
    # what the articles write stays a question about them, and a greeting alone makes no chat
    assert kind("Mit tudsz a libegőről?") != "chat"
    assert kind("Szia! Hány ember él a Holdon?") == "fact"


def test_the_request_carries_language_period_names_and_topic():
    r = plan("Mi történt időrendben a Mezőtúr melletti híd ügyében júliustól szeptemberig?")
    assert r.kind == "timeline" and r.language == "hu"
    assert (r.period.date_from, r.period.date_to) == (20250701, 20250930)
    assert "Mezőtúr" in r.names
    assert "híd" in r.topic and "júliustól" not in r.topic and "időrendben" not in r.topic


def test_collection_operations():
    assert plan("Hány cikk van?").operation == "count"
    assert plan("Melyik a legfrissebb cikk?").operation == "newest"
    assert plan("Mikor jelent meg az első cikk az árvízről?").operation == "oldest"
    assert plan("Milyen cikkek vannak?").operation == "list"
    assert plan("Mi a legutóbb megjelent cikk?").operation == "newest"
    assert plan("Melyik cikk jelent meg legkorábban?").operation == "oldest"


def test_brief_and_english():
    r = plan("Briefly summarize the articles")
    assert r.kind == "summary" and r.brief and r.language == "en" and r.topic == ""
    few = plan("Mit írnak a győri kórházról? Pár mondatban.")
    assert few.brief and few.topic == "győri kórházról"


@pytest.mark.parametrize(
    "question, topic",
    [
        ("Foglald össze a cikkeket!", ""),
        ("Miről szólnak a hírek? Foglald össze őket!", ""),
        ("Foglad össze a cikkeket!", ""),
        ("Mi a legutóbb megjelent cikk?", ""),
        ("Milyen cikkek vannak?", ""),
        ("Mikor írták a cikkeket?", ""),
        ("Hány cikk szól a hídról?", "hídról"),
        ("Summarize the article about the bridge", "bridge"),
        ("Mondd el sorban, mi történt a gyárral!", "gyárral"),
        ("Mit kell tudni az új fürdőről?", "fürdőről"),
        ("What should I know about the strike?", "strike"),
        ("Compare the two strikes.", "two strikes"),
        # how much of it is asked: all of it, no topic
        ("What are these articles about overall?", ""),
        ("Miről szólnak általában a cikkek?", ""),
        ("Summarize the collection as a whole.", ""),
        ("What is the general election about?", "general election"),
        # a summary by other names, and a list asked for
        ("Give me a quick rundown of everything in this collection.", ""),
        ("List the diesel thefts in chronological order.", "diesel thefts"),
        # a pronoun's case forms and postpositions name nothing; "áráról" is a word of its own
        ("Mi lett azokkal a családokkal, akiknek a házát elöntötte a víz?", "családokkal házát elöntötte víz"),
        ("Mi történt a halastó gátja miatt?", "halastó gátja"),
        ("Foglald össze a lakások áráról szóló cikket!", "lakások áráról"),
    ],
)
def test_topic_drops_request_words(question, topic):
    assert topic_of(question) == topic


def test_fold_removes_accents_and_case():
    assert fold("Foglald ÖSSZE, időrendben") == "foglald ossze, idorendben"


def test_a_year_no_article_appeared_in_names_the_event_not_the_articles():
    # Over the collection's span (EARLIEST..LATEST), "2022-es" or "in 2019" dates the event asked about.
    assert plan("Mennyi eső esett 2022-ben?").period is None
    assert plan("What did the drought cost in 2022?").period is None
    # and "jövőre" (next year), when no article is of that year: when the event will be
    # (English "next year" makes no period: dateparser reads no such span)
    assert plan("Mikor lesz jövőre a népzenei fesztivál?").period is None
    # A year the articles cover still filters, and so does a summary's or a timeline's year.
    assert plan(f"Mi történt a híddal {EARLIEST.year}-ben?").period is not None
    assert plan("Foglald össze a 2022-ben megjelent cikkeket!").period is not None


def test_a_quarter_dates_a_fact_question_s_figure_but_filters_the_other_kinds():
    # A quarter's or a half's figures are published after it ends: the period must not hide that article.
    assert plan("Mennyi nyereséget ért el a cég az első negyedévben?").period is None
    assert plan("What was the profit in Q2?").period is None
    # What happened in a half year is a timeline of it, not a figure.
    timeline = plan(f"Mi történt {EARLIEST.year} második félévében?")
    assert timeline.kind == "timeline" and timeline.period is not None
    summary = plan(f"Foglald össze a {EARLIEST.year} első félévében megjelent cikkeket!")
    assert summary.kind == "summary" and summary.period is not None


def test_relative_words_over_an_older_collection_read_its_latest_year_for_every_kind():
    # TODAY is in 2026, the articles end in 2025: "idén" is 2025, and the label says why.
    for question, kind in [("Hány eset volt idén?", "fact"), ("Foglald össze az idén megjelent cikkeket!", "summary"),
                           ("Hány cikk jelent meg idén?", "collection")]:
        request = plan(question)
        assert request.kind == kind
        assert (request.period.date_from, request.period.date_to) == (20250101, 20251231)
        assert "2026 időszakából nincs cikk" in request.period.label_hu
    # "tavaly" (2025 from TODAY) is covered: read as asked.
    assert plan("Hány eset volt tavaly?").period.label_hu == "2025"


@pytest.mark.parametrize("question", ["How much has the price of bread increased?", "How many people were evacuated after the river rose?"])
def test_how_much_or_how_many_with_a_verb_of_change_asks_for_one_figure(question):
    assert plan(question).kind == "fact"


@pytest.mark.parametrize(
    "question, whole",
    [
        ("Foglald össze a cikkeket!", True),
        ("Foglalj össze mindent!", True),
        ("Mi történt időrendben a hírekben?", True),
        ("Summarize all the articles", True),
        ("És röviden?", False),
        ("Foglald össze ezt a cikket!", False),
        ("Foglald össze ezeket a cikkeket!", False),
        ("Summarize them", False),
        ("Foglald össze a cikkeket a hídról!", False),
    ],
)
def test_a_request_for_the_articles_as_a_whole_leans_on_no_earlier_turn(question, whole):
    assert names_whole_collection(question) is whole


def test_a_follow_up_naming_only_a_period_asks_the_previous_request_over_it():
    from qa import Turn

    planner = Planner(None)
    span = {"today": TODAY, "latest": LATEST, "earliest": EARLIEST}
    history = [Turn("user", "Mi történt júliusban?"), Turn("assistant", "…")]
    asked = planner.plan("És szeptemberben?", "És szeptemberben?", **span)
    again = with_new_period(planner, "És szeptemberben?", asked, history, **span)
    assert again.question == "És szeptemberben?" and again.period.label_hu.endswith("szeptember")
    assert again.standalone.startswith("Mi történt")
    # a follow-up with its own topic is not the previous request again
    own = planner.plan("És a gyárral mi volt szeptemberben?", "És a gyárral mi volt szeptemberben?", **span)
    assert with_new_period(planner, "És a gyárral mi volt szeptemberben?", own, history, **span) == own


def test_period_follow_ups_chain_back_to_the_first_request():
    from qa import Turn

    planner = Planner(None)
    span = {"today": TODAY, "latest": LATEST, "earliest": EARLIEST}
    history = [Turn("user", "Mi történt júliusban?"), Turn("assistant", "…"), Turn("user", "És szeptemberben?"), Turn("assistant", "…")]
    asked = planner.plan("És októberben?", "És októberben?", **span)
    again = with_new_period(planner, "És októberben?", asked, history, **span)
    assert again.standalone.startswith("Mi történt") and again.period.label_hu.endswith("október")


def test_a_fact_follow_up_is_dated_by_its_own_words_not_its_rewrite_s():
    planner = Planner(None)
    span = {"today": TODAY, "latest": LATEST, "earliest": EARLIEST}
    # the fare rises from March, it was announced in January: the follow-up asks nothing of March
    asked = planner.plan("És a nyugdíjasoknak mennyibe kerül?", "És a nyugdíjasoknak mennyibe kerül? (márciustól havi bérlet Pécsen)", **span)
    assert asked.kind == "fact" and asked.period is None
    own = planner.plan("És júliusban mennyibe került?", "És júliusban mennyibe került? (havi bérlet Pécsen)", **span)
    assert own.period is not None and own.period.label_hu.endswith("július")


def test_a_deadline_that_shifted_over_the_year_asks_for_a_timeline():
    assert plan("How did the completion deadline for the cellar rescue shift over the year?").kind == "timeline"
    assert plan("Hogyan alakult az év során a híd építése?").kind == "timeline"
