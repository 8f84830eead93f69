"""A timeline item tells its event and the figures its article adds to the story."""

from fakes import story_library
from qa.kinds import timeline
from qa.planner import Request

STORY = [
    ("a1", "2025-03-04", "Megcsúszott a löszpart Dunaföldváron", [
        "Kilenc lakóházat kellett kiüríteni Dunaföldváron, miután a löszpart egy 60 méteres szakaszon megcsúszott.",
        "A katasztrófavédelem szerint 31 embert helyeztek biztonságba.",
        "Negyven éve élnek itt, hat hónapja nem aludtak ilyen rosszul, mondta egy lakó."]),
    ("a2", "2025-03-12", "Tovább mozog a dunaföldvári löszpart", [
        "Újabb öt házat ürítettek ki Dunaföldváron a löszpart alatt.",
        "A kiköltöztetettek száma 47 emberre nőtt.",
        "A márciusban kiürített 60 méteres szakaszon 31 ember élt."]),
    ("a3", "2025-09-16", "Elkészült a dunaföldvári löszpart megerősítése", [
        "Befejeződött a dunaföldvári löszpart megerősítése szeptember 12-én, tíz család hazaköltözhetett.",
        "A löszfal 2019-ben és 2021-ben is megmozdult már.",
        "A végső költség 1,68 milliárd forint lett."]),
]


def test_each_item_adds_the_sentence_with_figures_no_earlier_article_gave():
    question = "Mi történt időrendben a dunaföldvári löszpart ügyében?"
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "dunaföldvári löszpart"), story_library(STORY), None).text
    items = text.split("\n- ")[1:]
    assert len(items) == 3
    # figures in digits are the story's news; numbers in words ("negyven éve") its colour
    assert "31 embert" in items[0] and "Negyven" not in items[0]
    # "47 emberre" is new; the sentence repeating 60 and 31 is not
    assert "47 emberre" in items[1] and "31 ember élt" not in items[1]
    # years before the article's own are its background, not its news
    assert "1,68 milliárd forint" in items[2] and "2019" not in items[2]


REVISED = [
    ("b1", "2025-09-10", "Leépítés a tamási tejüzemben", [
        "Bezár a tamási tejüzem, 186 dolgozót bocsátanak el.",
        "A cég szerint a gyártás december 31-én áll le.",
        "A városban kb. 8300 ember él."]),
    ("b2", "2025-11-20", "Korábban áll le a tamási tejüzem", [
        "Két héttel korábban, december 15-én áll le a tamási tejüzem.",
        "A kormányhivatal szerint a dolgozók közül 96-an jelentkeztek valamelyik állásra.",
        "A leépítés mértéke is változott: a szeptemberben bejelentett 186 helyett végül 142 munkavállaló veszíti el az állását.",
        "A volt üzemcsarnokot a város 120 millió forintért, 2026 márciusában vásárolja meg."]),
]


def test_a_later_article_s_revised_figure_joins_its_item():
    # "X helyett végül Y" is what the later article changes: it joins the item beside its lead
    question = "Mi történt időrendben a tamási tejüzemmel?"
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "tamási tejüzem"), story_library(REVISED), None).text
    items = text.split("\n- ")[1:]
    assert len(items) == 2 and "142 munkavállaló" in items[1], text
    # the first article revises nothing: nothing was told before it
    assert "142" not in items[0]


SAID_BEFORE = [
    ("c1", "2025-01-14", "Gázrobbanás egy tótkomlósi társasházban", [
        "Gázrobbanás történt vasárnap reggel egy tótkomlósi társasházban.",
        "A tűzoltók 52 lakót menekítettek ki az épületből."]),
    ("c2", "2025-04-23", "Le kell bontani a tótkomlósi társasházat", [
        "Nem lehet megmenteni a januárban felrobbant tótkomlósi társasházat.",
        "A bontás május 5-én kezdődik, 18 lakást és 6 garázst bontanak le.",
        "A kárbecslés is módosult.",
        "A biztosítók szakértői szerint a szomszédos házakban is keletkezett kár 410 millió forint."]),
]


def test_a_revision_said_in_one_sentence_joins_with_the_figure_of_the_next():
    # "A kárbecslés is módosult." gives no figure: the next sentence of its paragraph gives the revised one
    question = "Mi történt időrendben a tótkomlósi társasházzal?"
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "tótkomlósi társasház"), story_library(SAID_BEFORE), None).text
    items = text.split("\n- ")[1:]
    assert len(items) == 2 and "410 millió" in items[1], text
