"""The figures a story follows from article to article, and the timeline item that moves them."""

from fakes import story_library
from qa.kinds import timeline
from qa.kinds.running import counts_in, followed, moving, new_count
from qa.planner import Request


def test_a_number_before_a_thing_counts_it_multipliers_between():
    found = counts_in("Hat beteget ápolnak, a zsarolók 150 ezer eurót követelnek, 2100 aláírás gyűlt össze.")
    assert found["beteg"] == {"6"} and found["euro"] == {"150 ezer"} and found["alair"] == {"2100"}


def test_numbers_are_read_whole_and_in_words_as_in_digits():
    assert counts_in("A bírság 1,5 millió forint.")["forin"] == {"1,5 millio"}
    assert counts_in("Már 12 500 aláírás gyűlt össze.")["alair"] == {"12500"}
    assert counts_in("Már 2.100 aláírás van.")["alair"] == {"2100"}
    assert counts_in("Hat beteget ápolnak.")["beteg"] == counts_in("A 6 beteg közül egy hazament.")["beteg"] == {"6"}
    assert counts_in("120 fő volt ott, a szám 27 főre nőtt.")["fo"] == {"120", "27"}


def test_the_calendar_ordinals_and_names_are_not_things_counted_and_measures_come_after_counts_and_sums():
    assert not counts_in("Augusztus 16-án, hétfőn 3 éve mozdult a szakasz.")
    # a measure is counted ("2800 tonna", "4100 tonnára"), and followed after the story's counts and sums
    assert counts_in("A csarnokban kb. 2800 tonna hulladék van.") == {"tonn": frozenset({"2800"})}
    assert followed([["A csarnokban 2800 tonna hulladék van, a kár 380 millió forint."],
                     ["Már 4100 tonna van ott, a kár 720 millió forint."]]) == ("forin kar", "tonn")
    assert followed([["Tizenöt beteget ápolnak.", "A csarnokban 2800 tonna hulladék van.", "A kár 380 millió forint."],
                     ["Már 19 beteg van.", "Ott 4100 tonna hulladék van.", "A kár 720 millió forint."]]) == ("forin kar", "beteg", "tonn")
    assert not counts_in("A 2. helyen végzett, a 3. fordulóban kiesett.")  # ordinals
    assert not counts_in("A betegek száma 19. Halmi Katalin szerint ez sok.")  # the sentence ends at the number
    assert not counts_in("2025 nyarán és 2024 tavaszán is esett.")  # seasons
    assert not counts_in("A díjat hat Kossuth-díjas kapta.")  # a name is no thing counted
    assert counts_in("2000 vásárló jött, 300 napelem került fel.").keys() == {"vasar", "napel"}


def test_a_story_follows_the_things_whose_number_moves_between_its_articles():
    articles = [["Hat beteget ápolnak.", "A 27 kilométeres vonal mellett 420 millió forintot spórolnának."],
                ["Már 19 beteg van.", "A 27 kilométeres vonal marad, 11 milliárd forintba kerülne."],
                ["27 beteg gyógyult.", "A 27 kilométeres vonal mellett 30 millió forintot fizetnek."]]
    # "kilométeres" is a measure written with one number; sums of different things come after a count
    assert followed(articles) == ("beteg", "forin")
    assert followed(articles[:1]) == ()  # one article is no story
    # the same count written in words and in digits has not moved
    assert followed([["Hat beteget ápolnak."], ["A 6 beteg közül kettő hazamehetett."]]) == ()
    # a sum said of its subject is that subject's ("a bírság 1,5 millió forint")
    assert followed([["A bírság 1,5 millió forint."], ["A bírság 2,5 millió forint."]]) == ("forin birsa",)


def test_a_count_is_new_only_with_a_number_not_given_before():
    before = {"euro": {"150 ezer", "250 ezer"}}
    assert not new_count("A támadók előbb 150 ezer, majd 250 ezer eurót követeltek.", frozenset({"euro"}), before)
    assert new_count("Most már 300 ezer eurót követelnek.", frozenset({"euro"}), before)
    assert not new_count("Most már 300 ezer eurót követelnek.", frozenset(), before)


def test_a_story_moves_where_a_followed_thing_gets_a_number_no_earlier_article_gave():
    articles = [["A kotrás költsége 3,2 milliárd forint.", "A munka tavasszal kezdődik."],
                ["A költség 4,1 milliárd forintra nő.", "Korábban 3,2 milliárd forintról volt szó."],
                ["A teljes költség 4,35 milliárd forint lesz.", "A gépek novemberben indulnak."]]
    assert moving(articles) == [[True, False], [True, False], [True, False]]
    # one article, or nothing that moves: no sentence moves the story
    assert moving(articles[:1]) == [[False, False]]
    assert moving([["A híd 300 méteres."], ["A híd 300 méteres lesz."]]) == [[False], [False]]


STORY = [
    ("k1", "2025-08-04", "Légionella Kazincbarcikán", [
        "Légionárius-betegség ütötte fel a fejét Kazincbarcikán, a hatóságok a hűtőtornyokat vizsgálják.",
        "Hat beteget ápolnak a miskolci kórházban."]),
    ("k2", "2025-08-19", "Egy ember meghalt a kazincbarcikai járványban", [
        "Egy 83 éves férfi meghalt a kazincbarcikai légionella-járványban, a hőerőmű leállította a hűtőtornyát.",
        "A hatóság szerint a 12 hűtőtorony vizsgálata 14 napig tart, 3 labor dolgozik rajta.",
        "Már 19 beteget ápolnak a kórházakban."]),
]


def test_a_timeline_item_gives_the_followed_counts_new_number_beside_its_event():
    question = "Mi történt időrendben a kazincbarcikai járványban?"
    request = Request(question, question, "timeline", "hu", None, None, (), "kazincbarcikai járvány")
    items = timeline.answer(request, story_library(STORY), None).text.split("\n- ")[1:]
    assert len(items) == 2
    assert "meghalt" in items[1] and "19 beteget" in items[1]


def test_a_numeral_is_worth_its_number_whatever_its_ending():
    from qa.numerals import value

    # "öt" (five) is also an ending ("-öt"): alone it is still five
    assert [value(w) for w in ("öt", "ötöt", "hattal", "Tizenkilencre", "kétezer")] == [5, 5, 6, 19, 2000]
    assert value("hatodik") is None and value("hatóság") is None and value("héten") is None


def test_one_and_a_half_is_a_quantity():
    """"másfél tonna diót vittek el" answers how much was taken, though no digit writes it."""
    from qa.numerals import is_numeral, value
    from qa.text import satisfies, word_stems

    assert is_numeral("másfél") and is_numeral("Másfélszeres") and not is_numeral("fél")
    assert value("másfél") is None and counts_in("Kb. másfél tonna diót vittek el.") == {}
    assert satisfies("A tolvajok kb. másfél tonna diót vittek el.", "number", frozenset(word_stems("diót")))


def test_a_sum_named_by_what_it_is_of_is_followed_apart_from_the_story_s_other_sums():
    found = counts_in("A helyreállítás becsült költsége kb. 240 millió forint.")
    assert found["forin kolts"] == found["forin"] == {"240 millio"}
    # a sum standing after no possessive noun is only a sum
    assert counts_in("A támadók előbb 150 ezer, majd 250 ezer eurót követeltek.").keys() == {"euro"}
    articles = [["Az 1800 diák látogatását mondták le.", "A költsége 240 millió forint, a bevétel 190 millió forint volt."],
                ["Már 5200 diák maradt el.", "A költsége 385 millió forintra nőtt, 200 millió forint támogatást kaptak."],
                ["Összesen 6100 diák.", "A végső költsége 412 millió forint lett, 27 millió forint maradt."]]
    # the cost, not every sum of the story, first, then the count of pupils ("diák" stems to "dia")
    assert followed(articles) == ("forin kolts", "dia")
    # where no named sum moves, the currency's sums are followed together, after the counts
    assert followed([["Hat beteg.", "A munka 8,5 millió forintba kerül."], ["19 beteg.", "A város 14 millió forintot költött."]]) == ("beteg", "forin")


def test_a_named_sum_is_given_where_its_noun_stands_elsewhere_in_the_sentence():
    before = {"forin kolts": {"1,9 milliard"}}
    assert new_count("A többletköltség 500 millió forint, így a teljes beruházás 2,4 milliárd forintra nő.", ("forin kolts",), before)
    assert not new_count("A város 2,4 milliárd forintot kap.", ("forin kolts",), before)


def test_a_timeline_item_gives_the_story_s_cost_beside_its_own_noun_first():
    texts = [
        ("t1", "2025-02-18", "Termálfűtés Balmazújvároson", ["Termálvízzel fűtik a lakásokat Balmazújvároson.",
                                                            "A beruházás költsége 1,9 milliárd forint."]),
        ("t2", "2025-06-10", "Drágul a balmazújvárosi termálfűtés", ["Beszorult a fúrószár Balmazújvároson.",
                                                                    "A többletköltség 500 millió forint, így a beruházás 2,4 milliárd forintra nő."]),
        ("t3", "2025-12-05", "Elindult a balmazújvárosi termálfűtés", ["Elindult a fűtés Balmazújvároson.",
                                                                      "Évente 180 millió forint gázköltséget takarítanak meg.",
                                                                      "A beruházás végső költsége 2,65 milliárd forint lett."]),
    ]
    question = "Mi történt időrendben a balmazújvárosi termálfűtéssel?"
    request = Request(question, question, "timeline", "hu", None, None, (), "balmazújvárosi termálfűtés")
    text = timeline.answer(request, story_library(texts), None).text
    at = [text.find(f) for f in ("1,9 milliárd", "2,4 milliárd", "2,65 milliárd")]
    assert all(i >= 0 for i in at) and at == sorted(at)
