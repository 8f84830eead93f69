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


def test_an_ordinal_that_is_no_object_picks_nothing():
    # "az első lépés", "elsősorban", "the first thing": adjectives and adverbs, not a list's item
    for question in ("Mi volt az első lépés?", "Elsősorban mit kell tudni a jégesőről?", "What was the first thing they did?",
                     "Mi történt a második napon?", "Foglald össze az elsőt a Körösről!"):
        assert listed_title(question, HISTORY) == "", question


def test_a_title_with_a_pipe_is_read_whole():
    table = "| Megjelent | Cím |\n|---|---|\n| 2025. május 1. | Vége \\| a vitának |"
    assert listed_title("Foglald össze az elsőt!", [Turn("user", "Milyen cikkek vannak?"), Turn("assistant", table)]) == "Vége | a vitának"


def test_whole_collection_words_and_hungarian_look_alikes():
    assert names_whole_collection("Foglald össze az összeset!")
    assert names_whole_collection("Summarize all the articles")
    assert not names_whole_collection("Foglald össze, hogy áll most!")  # "áll" folds to "all"
    assert not names_whole_collection("Foglalj össze mindent róluk!")


def test_period_follow_ups_chain_back_to_the_request_and_leave_its_month_out_of_the_topic():
    from qa.conversation import history_topic

    assert history_topic([Turn("user", "Mi történt júniusban a Körösön?")]) == "Körösön"
    assert history_topic([Turn("user", "What happened in June 2025?")]) == ""
