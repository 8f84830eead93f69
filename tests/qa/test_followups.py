"""Follow-ups: what they point back to, without a store or a model."""

from qa.followups import borrowed_names, names_nothing, on_topic, own_names, rule_based_standalone
from qa.types import Turn


def turns(*pairs: tuple[str, str]) -> list[Turn]:
    return [Turn(role, text) for pair in pairs for role, text in zip(("user", "assistant"), pair)]


def test_a_question_word_opening_the_question_is_no_name():
    # "Mikorra", "Mennyiért", "Kit" are capitalised only because they open the question.
    assert own_names("Mikorra fejezik be?") == [] and names_nothing("Mikorra fejezik be?")
    assert names_nothing("Mennyiért vették meg?") and names_nothing("Kit neveztek ki?")
    # A name that opens the question is still a name.
    assert own_names("Kiss Péter mit mondott?") == ["Kiss", "Péter"]
    assert not names_nothing("Putyin hol volt?") and not names_nothing("Hány embert telepítettek ki 2025-ben?")


def test_a_chain_of_follow_ups_reaches_back_to_the_turn_that_named_the_topic():
    history = turns(
        ("Milyen hosszú töltés épül a Sajó mellé?", "Egy 2,4 kilométeres töltés épül [1]."),
        ("És mikor kezdődött az építése?", "November 17-én megkezdődött az építés [1]."),
    )
    rewritten = rule_based_standalone("Mikorra fejezik be?", history, force=True)
    assert "töltés" in rewritten and "Sajó" in rewritten and rewritten.startswith("Mikorra fejezik be?")
    # A last question that stands on its own is where the context stops.
    history = turns(
        ("Milyen hosszú töltés épül a Sajó mellé?", "Egy 2,4 kilométeres töltés épül [1]."),
        ("Mennyi kárt okozott a jászberényi felhőszakadás?", "Mintegy 300 millió forint [1]."),
    )
    assert "töltés" not in rule_based_standalone("És hány embert telepítettek ki?", history)


ARTICLES = {
    "museum": "Újranyílt a pécsi Természettudományi Múzeum. A Szabadság utcai épület… dr. Hegedűs Zsófia múzeumigazgató",
    "utility": "Szakértő: drágábbak voltak a csőcserék. Kiss Andrea, a vízmű volt gazdasági igazgatója",
}


def test_a_follow_up_keeps_the_hits_of_articles_about_the_conversation():
    hits = ["utility", "museum", "museum"]
    assert on_topic(hits, ["Természettudományi", "Múzeum", "Szabadság"], ARTICLES.get) == ["museum", "museum"]
    # Half the names is enough ("Múzeumban" is a form of "Múzeum"); none anywhere: every hit stays.
    assert on_topic(hits, ["Múzeumban", "Budapest"], ARTICLES.get) == ["museum", "museum"]
    assert on_topic(hits, ["Sármellék"], ARTICLES.get) == hits
    assert on_topic(hits, [], ARTICLES.get) == hits


def test_the_names_a_rewrite_borrowed_leave_out_question_words():
    standalone = "Hány év börtönt kaphat? (Fülöpháza Kit vettek őrizetbe erdőtűz miatt)"
    assert borrowed_names("Hány év börtönt kaphat?", standalone) == ["Fülöpháza"]
    assert borrowed_names("Hány éves?", "Hány éves?") == []
    # An LLM's rewrite is a sentence of its own: its names the question lacks are what was borrowed.
    assert borrowed_names("Ki vette át tőle?", "Ki vette át Varga Tamástól a Zalai Légikikötő irányítását?") == \
        ["Varga", "Tamástól", "Zalai", "Légikikötő"]


def test_a_chain_of_follow_ups_stops_at_a_question_with_its_own_topic():
    from qa.followups import _context_questions

    history = [Turn("user", "Mennyibe kerül a tapolcai uszoda és a sportcsarnok felújítása?"), Turn("assistant", "…"),
               Turn("user", "Ki nyerte a sárospataki időközi választást és hány szavazattal?"), Turn("assistant", "…"),
               Turn("user", "Hány éves ő?"), Turn("assistant", "…")]
    # "és" inside a question joins two asks about its own topic; only an opening "És" leans back.
    assert _context_questions(history) == ["Hány éves ő?", "Ki nyerte a sárospataki időközi választást és hány szavazattal?"]


def test_a_name_starting_like_a_question_word_is_still_a_name():
    from qa.followups import own_names

    assert own_names("Hollandiában hány eset volt?") == ["Hollandiában"]
    assert own_names("Hol épül az új töltés?") == []


def test_a_pronoun_in_any_case_points_back_through_the_chain():
    # "őket" (them) in the follow-up, "ez" (this) in the turn before: the topic is two turns back.
    history = turns(
        ("Hol jelent meg a tigrisszúnyog Bács-Kiskunban?", "Baján mutatták ki [1]."),
        ("Veszélyes ez az emberekre?", "A szúnyogokban kórokozót nem találtak [1]."),
    )
    rewritten = rule_based_standalone("Mivel irtják őket?", history)
    assert rewritten.startswith("Mivel irtják őket?") and "tigrisszúnyog" in rewritten
    for question in ("Mit mondtak róluk?", "Ki beszélt vele?", "Mennyibe kerül ez?", "What did their mayor say?"):
        assert rule_based_standalone(question, history) != question
    # "az" is also the article: a question with its own topic borrows nothing by it.
    assert rule_based_standalone("Mikor nyílik meg az új uszoda Szekszárdon?", history).endswith("Szekszárdon?")


def test_and_points_back_only_opening_the_question():
    from qa.followups import points_back

    assert points_back("És mikor kezdődött?") and points_back("And who paid?")
    # joining the question's own words: "a nagykőrösi és a ceglédi támadás" is a topic of its own
    assert not points_back("Hasonlítsd össze a nagykőrösi és a ceglédi zsarolóvírus-támadást!")
    assert not points_back("Who won the match and the cup?")


def test_the_conversation_s_article_holds_most_of_the_last_answer_s_figures():
    from qa.followups import conversation_article

    texts = {
        "june": "A park 14 helyett 11 turbinából állna. A kisebb park 37,5 milliárd forintba kerülne, 1800 méterre.",
        "november": "A Győri Törvényszék november 20-án döntött. A 10 turbinás park 35,8 milliárd forintba kerül, 2000 méterre.",
    }
    last = "A Győri Törvényszék november 20-án elutasította a keresetet; legfeljebb 10 turbina épülhet, 2000 méterre [1]."
    assert conversation_article(last, list(texts), texts.get) == "november"
    # too few figures, or two articles holding as many: no one article stands out
    assert conversation_article("A bíróság elutasította a keresetet.", list(texts), texts.get) is None
    assert conversation_article("14 és 10 turbina", list(texts), texts.get) is None
