"""What a quantity question asks its answer in, and the candidates that could hold it."""

from index import Passage
from qa.evidence import Sentence
from qa.types import Hit
from qa.text import fold
from qa.units import admit, asked_unit, holds_asked


def _sentence(text: str, score: float) -> Sentence:
    passage = Passage("p1", "a1", text, 0, len(text), "Kotrás a Ráckevei-Dunán", "2025-02-11", 20250211)
    return Sentence(Hit(passage, 1.0, 1), 0, len(text), text, score, 0.0)


def test_damage_and_from_how_much_ask_for_a_sum():
    money = asked_unit("Mennyibe kerül?")
    assert asked_unit("Mekkora kárt okozott a banda?") is money
    assert asked_unit("Mennyiből épült meg a bölcsőde?") is money
    assert asked_unit("How much damage did the storm do?") is money
    assert asked_unit("How many buildings were damaged?") is None
    assert asked_unit("Hány gyereket fogad a bölcsőde?") is None


def test_a_depth_is_asked_in_metres():
    length = asked_unit("Milyen hosszú a híd?")
    assert asked_unit("At what depth were the samples collected?") is length
    assert asked_unit("Milyen mélyen vették a mintákat?") is length
    assert asked_unit("Mekkora a kút mélysége?") is length
    assert holds_asked("At what depth were the samples collected?")("A mintákat 38 méter mélyen gyűjtötték.")


def test_what_a_sentence_must_hold_follows_the_question():
    money = holds_asked("Mennyibe került volna a kotrás?")
    assert money("A projekt teljes költsége 3,2 milliárd forint.")
    assert not money("A munkának 2026. március 31-ig kell elkészülnie.")
    count = holds_asked("Hány alkalmazottja van a gyárnak?")
    assert count("Az üzem jelenleg 310 embert foglalkoztat.") and not count("A gyár 2021-ben nyílt meg.")
    when = holds_asked("Mikor fogták el a tolvajokat?")
    assert when("A gyanúsítottakat szeptember 27-én fogták el.") and not when("A kár 14,5 millió forint.")
    assert holds_asked("Ki vezette a kutatást?") is None


def test_the_last_places_go_to_sentences_holding_what_is_asked():
    talk = [_sentence(f"A kotrásról a {name} is beszélt a lakossági fórumon.", 0.9 - i / 100)
            for i, name in enumerate(["polgármester", "jegyző", "mérnök", "igazgató", "szóvivő", "kapitány", "elnök", "titkár"])]
    cost = _sentence("A projekt teljes költsége 3,2 milliárd forint.", 0.5)
    ranked = [*talk, cost]
    admitted = admit(ranked, "Mennyibe került volna a kotrás?", look=8)
    # the seventh stays (the best further down), the eighth gives its place up
    assert admitted[:7] == talk[:7] and admitted[7] is cost and admitted[8:] == talk[7:]
    # nothing further down holds a sum, or nothing is asked: the order stands
    assert admit(talk, "Mennyibe került volna a kotrás?", look=6) == talk
    assert admit(ranked, "Ki beszélt a fórumon?", look=8) == ranked
    # a short list is read whole anyway
    assert admit(ranked[-3:], "Mennyibe került volna a kotrás?", look=8) == ranked[-3:]



def test_a_why_question_is_answered_by_a_sentence_giving_a_cause_or_a_purpose():
    why = holds_asked("Miért bővít a parkettagyár?")
    assert why("A bővítésre azért van szükség, mert nőtt a német megrendelések száma.")
    assert why("A csúszás oka a rossz időjárás volt.") and why("Az árvíz következtében le kellett zárni az utat.")
    assert why("The plant closed because of the drought.")
    assert not why("A gyár 2,3 milliárd forintból bővül, 45 új munkahely jön létre.")
    # "ok" inside another word is no cause: "okos", "dokumentum"
    assert not why("Okos mérőórákat és új dokumentumtárat kapott a hivatal.")
    assert holds_asked("Why did the shop close?") is why


def test_the_last_places_go_to_a_cause_when_the_question_asks_why():
    talk = [_sentence(f"A bővítésről a {name} is beszélt az átadáson.", 0.9 - i / 100)
            for i, name in enumerate(["polgármester", "jegyző", "mérnök", "igazgató", "szóvivő", "kapitány", "elnök", "titkár"])]
    reason = _sentence("A bővítésre azért van szükség, mert az osztrák megrendelések megduplázódtak.", 0.5)
    admitted = admit([*talk, reason], "Miért bővít a gyár?", look=8)
    assert admitted[7] is reason


def test_a_share_is_asked_by_its_part_too():
    share = asked_unit("Hány százalékát exportálja a cég?")
    assert asked_unit("A parketták mekkora része megy külföldi vevőkhöz?") is share
    assert asked_unit("Mekkora részét adják el külföldön?") is share
    assert asked_unit("What proportion of the flooring is exported?") is share
    assert holds_asked("A parketták mekkora része megy külföldre?")("A cég termékeinek 78 százalékát exportálja.")
    # a fraction in words is written in that unit (the chooser's unit_ok); a fourth place or a
    # quarter of a year is not
    assert share.search(fold("A termés kétharmadát exportálják.")) and share.search(fold("a negyedét"))
    assert not share.search(fold("A negyedik helyen végzett.")) and not share.search(fold("A harmadik negyedévben nőtt."))
