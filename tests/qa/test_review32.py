"""Review of round 31's planner, summary and quotation changes (git diff e872bf6 HEAD -- qa).

Tests named `test_bug_*` show a fault and fail against the reviewed code; each one says what
happens and what should. Tests named `test_ok_*` pin behaviour the review checked and found
right; they pass. No model is loaded: the planner runs without its e5 vote (`Planner(None)`),
summaries on small fakes.
"""

from datetime import date

import pytest

from fakes import paragraph_sentences

from qa.planner import Planner, fold

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)

sentences = paragraph_sentences


def plan(question: str):
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST)


def kind(question: str) -> str:
    return plan(question).kind


# --- Bug 1: a greeting before a request to the assistant makes any request chat ----------------
# planner.Planner.kind returns "chat" for GREETING + (addressed or ABOUT_ME) + no QUESTION_WORD
# before it looks at the other kinds' cues. "Szia! Tudsz valamit …-ról?" had a summary's cue and
# was a summary before this round; "Hi! Can you summarize …" likewise. QUESTION_WORD also lacks
# "hogy" (how), "kivel", "hanyan", "honnan", which `_ASKING` has.

@pytest.mark.parametrize("question, expected", [
    ("Szia! Tudsz valamit a szegedi hajógyárról?", "summary"),
    ("Szia! Segítenél összefoglalni a gyárról szóló cikkeket?", "summary"),
    ("Hi! Can you summarize the articles about the flood?", "summary"),
    ("Hello, could you give me an overview of the Szeged flood?", "summary"),
    ("Thanks! Could you list the articles about the flood?", "collection"),
    ("Oké, és mesélnél a gyár bezárásáról időrendben?", "timeline"),
])
def test_bug_a_greeting_then_a_request_with_another_kind_s_cue_is_not_chat(question, expected):
    assert kind(question) == expected


@pytest.mark.parametrize("question", [
    "Szia! Hogy működik az új parkolási rendszer?",  # "hogy mukodik" is ABOUT_ME; "hogy" no QUESTION_WORD
    "Szia! Tudod, kivel tárgyalt a polgármester?",
    "Szia! Tudod, hanyan voltak a tüntetésen?",
    "Szia! Tudod, honnan érkezett a szállítmány?",
    "Hi! Do you know if the swimming pool reopened?",
])
def test_bug_a_greeting_then_a_question_of_the_news_is_not_chat(question):
    # all were "fact" before this round; now "chat"
    assert kind(question) == "fact"


# --- Bug 2: IDENTITY's new nouns before "vagy" ("or") ------------------------------------------
# "\b(…|intelligencia|ai|szoftver|alkalmazas) vagy\b" reads "vagy" as "you are", but in a
# question it is mostly "or": these fact questions become chat (fact before this round).

@pytest.mark.parametrize("question", [
    "Melyik alkalmazás vagy weboldal segítségével lehet jegyet venni?",
    "Milyen mesterséges intelligencia vagy robot segíti a műtétet?",
    "Mennyibe került a szoftver vagy a gép?",
])
def test_bug_a_noun_then_vagy_meaning_or_is_no_question_about_the_assistant(question):
    assert kind(question) == "fact"


# --- Bug 3: FEEDBACK fires on an imperative about someone else's answer -------------------------
# "(elozo|utolso|…) valasz\w*" with no question word: an imperative has none. Summary before.

@pytest.mark.parametrize("question", [
    "Foglald össze a minisztérium előző válaszát a levélre!",
    "Summarize that response from the ministry.",
])
def test_bug_a_request_about_an_answer_in_the_news_is_not_feedback(question):
    assert kind(question) == "summary"


# --- Bug 4: "állomás" (station) is a stage of a story ---------------------------------------------
# TIMELINE's "\ballomas(ai|ait|ok|okat)\b" takes a railway or tram line's stations for the
# stages of a story (all "fact" before this round) ...

@pytest.mark.parametrize("question", [
    "Milyen állomásai lesznek az új villamosvonalnak?",
    "Mely állomások zárnak be a vasútvonalon?",
    "Hány állomásai vannak a metrónak?",
])
def test_bug_a_line_s_stations_are_no_timeline(question):
    assert kind(question) == "fact"


# ... and REQUEST_WORDS's "allomas\w*" strips the station from every topic.

@pytest.mark.parametrize("question, topic_word", [
    ("Mit írnak a cikkek az állomás felújításáról?", "állomás"),
    ("Milyen cikkek jelentek meg a szegedi állomásról?", "állomásról"),
    ("Foglald össze a kelenföldi állomás felújításáról szóló cikkeket!", "állomás"),
])
def test_bug_the_station_is_a_topic_word(question, topic_word):
    assert topic_word in plan(question).topic.split()


def test_bug_a_station_alone_is_not_an_empty_topic():
    # topic "" summarises or lists the whole collection
    assert plan("Milyen cikkek jelentek meg az állomásról?").topic == "állomásról"


# --- Bug 5: other real topic words newly stripped ------------------------------------------------

@pytest.mark.parametrize("question, topic_word", [
    ("Summarize the articles about the new golf course.", "course"),
    ("Summarize the articles about the training course for nurses.", "course"),
    ("Which articles mention the gas deal?", "deal"),
    ("Which articles mention the stolen museum items?", "items"),
    ("Summarize the articles about the stolen art pieces.", "pieces"),
    ("Foglald össze a városi archívum költözéséről szóló cikkeket!", "archívum"),
])
def test_bug_newly_stripped_request_words_are_topic_words_here(question, topic_word):
    assert topic_word in plan(question).topic.split()


def test_bug_a_report_s_findings_asked_as_a_fact_are_not_a_summary_of_everything():
    # "megallapitas\w*" is a summary cue and a request word; "jelentésnek" is stripped as
    # "jelent\w*" (older): the topic is empty, so the whole collection would be summarised.
    # Before this round: a fact question.
    request = plan("Mi volt a legfontosabb megállapítása a jelentésnek?")
    assert request.kind == "fact" or request.topic != ""


# --- Bug 6: the new summary cues on fact questions -------------------------------------------------

@pytest.mark.parametrize("question", [
    # "\bin (\w+ )?(sentences|…)\b": prison sentences are no sentences of a summary
    "How many years did the defendants receive in prison sentences?",
    # "\bkivonat\w*": a plant extract is no extract of an article
    "Milyen növényi kivonatot tartalmaz a krém?",
    # "\b\w+ mondatban\b" takes any word before it, not only a number ("öt mondatban")
    "Mit mondott a bíró az utolsó mondatban?",
])
def test_bug_sentences_and_extracts_of_the_news_are_facts(question):
    assert kind(question) == "fact"


# --- Bug 6b: a yes/no question asked briefly is a summary --------------------------------------------
# `_brief_what` now ignores the question mark, and `_ASKING` has no yes/no form ("-e", "did",
# "is"): a yes/no question with "röviden"/"briefly" became a summary (fact before this round).

@pytest.mark.parametrize("question", [
    "Röviden: nyitva lesz-e az uszoda nyáron?",
    "Briefly, did the council approve the budget?",
    "Is the pool open in summer? Briefly.",
])
def test_bug_a_yes_no_question_asked_briefly_is_a_fact(question):
    assert kind(question) == "fact"


# --- Bug 7: a count of articles beside a timeline word loses the collection's cue -------------------
# `counted_change` drops the collection cue whenever a TIMELINE cue fires, and "fejlemeny\w*" is
# one: counting the articles on a story's developments became a timeline (collection before).

def test_bug_counting_the_articles_on_developments_is_a_collection_request():
    request = plan("Hány cikk szólt a gyár fejleményeiről?")
    assert request.kind == "collection" and request.operation == "count"


# --- Bug 8: `_only_verbs` reads a noun or a name as a verb --------------------------------------------
# A collection request's one-word topic that `hungarian_verb` takes for a verb's form is emptied:
# the request then counts or lists the whole collection. Capitalised words (names) are never a
# request's verb.

@pytest.mark.parametrize("question, topic", [
    ("Hány cikk szólt a zárról?", "zárról"),
    ("Milyen cikkek szóltak a követről?", "követről"),
    ("Melyik cikkek szólnak Illés-ről?", "Illés"),
])
def test_bug_a_noun_or_a_name_is_no_verb_of_the_request(question, topic):
    assert plan(question).topic == topic


# --- Bug 9: "az összes … cikket" with words between, and English "every article" -----------------
# _ONE_ARTICLE's new look-behinds need "osszes"/"minden" right before the noun; English has none.

@pytest.mark.parametrize("question", [
    "Foglald össze az összes gyárról szóló cikket!",
    "Foglald össze az összes Kisbérről szóló cikket!",
    "Foglald össze minden egyes cikket a gyárról!",
    "Foglald össze valamennyi cikket a gyárról!",
    "Summarize every article about the wind farm.",
    "Summarize each article about the wind farm.",
])
def test_bug_all_the_articles_in_the_singular_are_several(question):
    from qa.kinds.summary_scope import one_article

    assert not one_article(fold(question))


# --- Bug 10: `with_someone` misses a person after a sentence's first word --------------------------
# `named` is `person.of_topic`, which skips a run of three capitalised words; a sentence's first
# word is capitalised, so "Kedden Horváth Zsolt …" and "Dr. Lakatos Gergely …" name nobody.

@pytest.mark.parametrize("text", [
    "Kedden Horváth Zsolt polgármester bejelentette a döntést.",
    "Dr. Lakatos Gergely főorvos szerint a műtét sikeres volt.",
])
def test_bug_a_person_after_a_sentence_s_first_word_is_named(text):
    from qa.kinds.person import of_topic

    assert of_topic(text)


def _flat(sentences):
    return [1.0] * len(sentences)


def test_bug_a_summary_naming_someone_after_an_adverb_gains_no_other_person():
    from qa.kinds import person

    text = sentences(
        ["Kedden Horváth Zsolt polgármester bejelentette, hogy a város 250 millió forint adót kap.",
         "A park 11 turbinából állna a város határában."],
        ["Az osztályt dr. Lakatos Gergely főorvos vezeti."],
    )
    # the mayor is named already: nothing added (the code adds the head physician's sentence)
    assert [s.position for s in person.with_someone(text, [text[0], text[1]], _flat)] == [0, 1]


def test_bug_a_summary_naming_nobody_gains_a_sentence_opening_with_dr():
    from qa.kinds import person

    text = sentences(
        ["A kórház 1,25 milliárd forintból robotot vett.", "Az első műtétet március 18-án végezték."],
        ["Dr. Lakatos Gergely főorvos szerint a betegek hamarabb hazamehetnek."],
    )
    assert [s.position for s in person.with_someone(text, [text[0], text[1]], _flat)] == [0, 1, 2]


# === Checked and found right (these pass) ===========================================================

@pytest.mark.parametrize("question, expected", [
    ("Szia! Tudod, hány turbina lesz?", "fact"),
    ("Helló! Van kedved beszélgetni egy kicsit?", "chat"),
    ("Hogy működik a robotkar?", "fact"),
    ("Szia! Hogyan működik a robotkar?", "fact"),
    ("Köszi! Sorold fel a gyárról szóló cikkeket!", "collection"),
    ("Szia! Összefoglalnád a gyárról szóló cikkeket?", "summary"),
    ("Az utolsó válaszában mit mondott a miniszter?", "fact"),
    ("Tetszett az előző válaszod, ügyes vagy!", "chat"),
    ("Give me the sequence of events at the marathon.", "timeline"),
    ("How long were the prison sentences in total?", "fact"),
    ("Hány cikk jelent meg a gyárról?", "collection"),
])
def test_ok_kinds_checked(question, expected):
    assert kind(question) == expected


@pytest.mark.parametrize("question, topic", [
    ("Milyen hírek kerültek ki szeptemberben?", ""),
    ("Milyen cikkek jelentek meg Tatán?", "Tatán"),
    ("Milyen cikkek szóltak a választásról?", "választásról"),
    ("Milyen cikkek jelentek meg a mentőállomásról?", "mentőállomásról"),  # a compound keeps its station
])
def test_ok_collection_topics_checked(question, topic):
    assert plan(question).topic == topic


@pytest.mark.parametrize("question", ["", " ", "?", "Szia! ?", "„"])
def test_ok_empty_or_bare_requests_do_not_crash(question):
    plan(question)


def test_ok_empty_article_and_empty_choice():
    from qa.kinds import person
    from qa.kinds.common import completed

    assert completed([], []) == [] and person.with_someone([], [], _flat) == []
    assert len(person.nearness([], frozenset({"horvath"}))) == 0


def test_ok_the_several_articles_forms_the_round_added():
    from qa.kinds.summary_scope import _ONE_ARTICLE

    assert not _ONE_ARTICLE.search(fold("Foglald össze az összes cikket a gyárról!"))
    assert not _ONE_ARTICLE.search(fold("Summarize all the articles about the wind farm."))
    assert _ONE_ARTICLE.search(fold("Foglald össze a gyárról szóló cikket!"))


def test_ok_of_topic_comma_split_keeps_two_people_joined_by_and():
    from qa.kinds.person import of_topic

    assert of_topic("Mit írnak a cikkek Kardos Rékáról és Szalai Grétáról?") == frozenset({"kardos", "szalai"})
    assert of_topic("What do the articles say of Horváth Zsolt, the mayor of Kisbér?") == frozenset({"horvath"})


def test_ok_a_quotation_closed_two_sentences_on_is_read_whole_within_its_paragraph_only():
    from qa.kinds.common import completed

    text = sentences(
        ["A polgármester a testület előtt beszélt a tervről."],
        ["„Tavaly ennyivel maradtunk le a többiektől.", "Idén mindent megteszünk.", "Nyerni akarunk” – mondta Szalai Gréta."],
    )
    # the closing piece brings the opening and the middle, not the sentence of the other paragraph
    assert [s.position for s in completed(text, [text[3]])] == [1, 2, 3]
    assert [s.position for s in completed(text, [text[1]])] == [1, 2, 3]
    # `sentences[s.position] is s` holds for the library's own list (positions are its indices)
    assert all(text[s.position] is s for s in text)


def test_ok_a_summary_naming_nobody_gains_the_sentence_naming_someone():
    from qa.kinds import person

    text = sentences(
        ["A kórház 1,25 milliárd forintból robotot vett.", "Az első műtétet március 18-án végezték."],
        ["A műtétet dr. Lakatos Gergely főorvos végezte, aki Strasbourgban tanult."],
    )
    assert [s.position for s in person.with_someone(text, [text[0], text[1]], _flat)] == [0, 1, 2]
