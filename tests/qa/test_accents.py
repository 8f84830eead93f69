"""A Hungarian question typed without accents is searched with the accents its articles write
(`qa.accents`): the forms read without a model, the answers with the real e5 model (slow)."""

import pytest

from devcorpus import corpus_fixture
from qa.accents import accent_forms, restored

TEXTS = ["A felújítás végül 356 millió forintba került.", "A vajai múzeum felújítása és a múzeum kertje.",
         "A vár és a var: két szó.", "Él a fa, el a kéz."]


def test_a_word_the_articles_write_only_with_accents_takes_their_most_frequent_form():
    forms = accent_forms(TEXTS)
    assert forms["muzeum"] == "múzeum" and forms["felujitas"] == "felújítás" and forms["kerult"] == "került"
    # "var" is written as typed too, and two-letter words are too often other words
    assert "var" not in forms and "el" not in forms and "vajai" not in forms


def test_only_a_question_typed_without_accents_is_restored_and_its_capitals_stay():
    forms = accent_forms(TEXTS)
    assert restored("Vegul mennyibe kerult a vajai muzeum felujitasa?", forms) == "Végül mennyibe került a vajai múzeum felújítása?"
    assert restored("Mennyibe került a muzeum?", forms) == "Mennyibe került a muzeum?"  # has accents: as typed
    assert restored("Mekkora a var?", forms) == "Mekkora a var?"


dev37 = corpus_fixture("dev37")


@pytest.mark.slow
@pytest.mark.parametrize("typed, answer", [
    ("Mekkora a kar a kaposmeroi diolopasnal?", "3,4 mil"),
    ("mennyit koltott az andocsi egyesulet a loter felujitasara", "142 millió"),
])
def test_a_question_typed_without_accents_is_answered_like_the_accented_one(dev37, typed, answer):
    got = dev37.ask(typed)
    assert not got.refused and answer in got.text, got.text
    assert got.question == typed  # shown as the reader typed it


@pytest.mark.slow
def test_a_request_of_another_kind_typed_without_accents_is_read_like_the_accented_one(dev37):
    # "jott ki" unaccented had e5 read a topic into the count; restored, March's articles are counted
    typed = dev37.ask("hany cikk jott ki marciusban")
    accented = dev37.ask("Hány cikk jött ki márciusban?")
    assert typed.kind == accented.kind == "collection" and typed.text == accented.text, typed.text
    assert typed.question == "hany cikk jott ki marciusban"
