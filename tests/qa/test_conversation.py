"""A request read in its conversation: an item of the list just given, picked by its place."""

from qa import Turn
from qa.conversation import listed_title, names_whole_collection

TABLE = (
    "**3 cikk**, a legfrissebbtől:\n\n| Megjelent | Cím | Forrás |\n|---|---|---|\n"
    "| 2025. szeptember 3. | Megállapodás \\*Pekingben\\* | MTI |\n| 2025. július | Támogatás feltétel nélkül | MTI |\n"
    "| 2025. június 1. | Árvíz a Dunán | Index |"
)
HISTORY = [Turn("user", "Milyen cikkek vannak?"), Turn("assistant", TABLE)]


def test_an_ordinal_picks_the_listed_article_by_its_place():
    assert listed_title("Foglald össze az elsőt!", HISTORY) == "Megállapodás *Pekingben*"
    assert listed_title("És a másodikat?", HISTORY) == "Támogatás feltétel nélkül"
    assert listed_title("Summarize the last one", HISTORY) == "Árvíz a Dunán"
    assert listed_title("Foglald össze az ötödiket!", HISTORY) == ""  # no fifth
    assert listed_title("Foglald össze a cikkeket!", HISTORY) == ""


def test_the_list_is_found_a_few_answers_back():
    later = HISTORY + [Turn("user", "Foglald össze az elsőt!"), Turn("assistant", "**Összefoglaló: Megállapodás**\n\n- …")]
    assert listed_title("És a harmadikat?", later) == "Árvíz a Dunán"
    assert listed_title("És a harmadikat?", [Turn("user", "Szia"), Turn("assistant", "Szia! …")]) == ""


def test_the_articles_as_a_whole_lean_on_no_earlier_turn():
    assert names_whole_collection("Foglald össze a cikkeket!")
    assert not names_whole_collection("Foglald össze ezeket a cikkeket!")
