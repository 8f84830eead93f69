"""What a timeline follows through a story beyond the story itself: an aspect the request
names, a count written next to the thing counted, and whether the articles are one story."""

from collections import Counter

import numpy as np

from fakes import story_library
from qa.kinds.salience import stems
from qa.kinds.stories import proper, shared_names
from qa.kinds.timeline import beyond_leads, gives_next_to, holds
from qa.planner import fold


def test_a_count_is_the_figure_written_next_to_the_thing_counted():
    things = stems("települések száma")
    assert gives_next_to("A két körzetbe 14 település tartozik, köztük Vajszló.", things)
    assert gives_next_to("A 14 érintett település sertéstartóit megvizsgálták.", things)
    # a figure right after another is no word between them
    assert gives_next_to("A 2 körzetben 14 település tartozik.", things)
    assert gives_next_to("Mind a 3 megyében 40 ezer oltást adtak be.", stems("oltások száma"))
    # the farm ("telep") is near a figure, but the figure counts kilometres
    assert not gives_next_to("A telep körül 3 kilométeres védőkörzetet jelöltek ki.", things)


def test_the_aspect_is_what_the_request_names_beyond_the_story_its_leads_name():
    leads = [fold(t).split() for t in (
        "Afrikai sertéspestist mutattak ki Vajszlón: a vajszlói telepen igazolták a betegséget",
        "Befejezték a vajszlói állomány felszámolását, két ázsiai ország tiltja a sertéshúst",
        "290 millió forint kártalanítást kap a vajszlói sertéstelep",
    )]
    aspect = beyond_leads(stems("vajszlói japán importtilalom"), leads)
    assert stems("japán") <= aspect and not (stems("vajszlói") & aspect)
    assert beyond_leads(stems("japán"), leads[:1]) == frozenset()  # one article: no story to go beyond


def test_an_aspect_stem_counts_inside_a_compound():
    aspect = stems("vezetése forgalma")
    assert holds(aspect, "Lemondott Varga Tamás, a repülőtér ügyvezető igazgatója.") == 0.5
    assert holds(aspect, "Az utasforgalom és a vezetés is változott.") == 1.0
    assert holds(frozenset(), "Bármi.") == 0.0


def test_one_story_needs_a_proper_name_most_of_its_articles_write():
    keys = [frozenset({"sajo", "igazg"}), frozenset({"igazg", "kecsk"}), frozenset({"igazg", "jaszb"})]
    assert shared_names(keys) == frozenset({"igazg"})
    # the collection writes "igazgató…" in lower case far more often than "Igazgatóság"
    case = Counter({("igazgatosag", True): 3, ("igazgatoja", False): 9, ("sajo", True): 5})
    assert proper(shared_names(keys), case) == frozenset()
    assert proper(frozenset({"sajo"}), case) == frozenset({"sajo"})


def _story():
    texts = [
        ("a1", "2025-05-06", "Sertéspestis Vajszlón", ["Afrikai sertéspestist igazoltak Vajszlón a Dráva Kft. telepén.",
                                                      "A Dráva Kft. 2400 sertést tart.", "Japán egyelőre nem döntött a behozatalról."]),
        ("a2", "2025-05-27", "Vajszló: felszámolták az állományt", ["Befejezték a Dráva Kft. vajszlói telepének felszámolását.",
                                                                  "Japán május 12-én tiltotta be a magyar sertéshús importját.", "A telepet fertőtlenítik."]),
        ("a3", "2025-06-24", "Kártalanítást kap a vajszlói telep", ["A Dráva Kft. 290 millió forint kártalanítást kap Vajszlón.",
                                                                   "Japán június 20-án feloldotta a tilalmat.", "A telep ősszel újraindul."]),
    ]
    return story_library(texts, Counter({("vajszlon", True): 3, ("drava", True): 4}))


def test_the_aspect_is_read_only_over_one_story_and_is_followed_in_the_answer():
    from qa.kinds import timeline
    from qa.planner import Request

    library = _story()
    articles = [a for a, _ in library.on_topic(None, None, 0)]
    assert timeline._aspect(library, articles, stems("japán importtilalom")) == stems("japán importtilalom")
    assert timeline._aspect(library, articles, stems("vajszlói telep")) == frozenset()  # the story itself
    # articles that share no proper name are no one story: nothing beyond it to follow
    library.name_keys = lambda article: frozenset({article.article_id})
    assert timeline._aspect(library, articles, stems("japán importtilalom")) == frozenset()
    question = "idővonal: japán importtilalom"
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "japán importtilalom"), _story(), None).text
    assert "május 12-én tiltotta be" in text and text.index("**2025. május 6.**") < text.index("**2025. május 27.**") < text.index("**2025. június 24.**")


def test_a_compound_s_head_alone_holds_the_aspect():
    # "visszatelepítés" asked, "telepítés" written
    aspect = frozenset({"visszatelepites"})
    assert holds(aspect, "A telepítés 118 millió forintba került.") == 1.0
    assert holds(aspect, "Az ites végződés nem szó.") == 0.0  # too short to be a head


def test_a_change_request_follows_the_quantity_it_names_beyond_the_story():
    from qa.kinds.timeline import _CHANGED, giving_aspect

    aspect = stems("várakozási idő")
    sentences = ["Eredménytelen lett a kórház MR-tendere.", "Az átlagos várakozási idő 17 hétre nőtt.",
                 "A várakozási idő csökkentése a cél.", "Április 1-jéig várakozási időt mérnek."]
    # only the sentence naming the whole aspect with a figure that is no date
    assert giving_aspect(sentences, aspect, 2025).tolist() == [0.0, 1.0, 0.0, 0.0]
    assert _CHANGED.search(fold("Hogyan változott a várakozási idő?")) and _CHANGED.search(fold("How did the waiting time change?"))
    assert not _CHANGED.search(fold("Mi történt időrendben a kórházzal?"))


def test_a_date_is_no_quantity():
    from qa.kinds.timeline import quantity

    assert not quantity("Ha a cég április 1-jéig nem tesz ajánlatot, sztrájkolnak.", 2025)
    assert not quantity("A kórház 2026-ban bővít.", 2025)
    assert quantity("Az ajánlat 6 százalékos béremelés.", 2025) and quantity("Öt hétre csökken a várakozás.", 2025)
    # an inflected month before a figure is no date
    assert quantity("Áprilisban 17 hétre nőtt a várakozási idő.", 2025)


def test_a_change_of_when_something_is_due_follows_the_sentences_naming_when():
    from qa.kinds import timeline
    from qa.planner import Request

    due = timeline.measured("Hogyan csúszott az új MR indulásának időpontja?")
    assert due is not None and timeline.measured("How did the opening date change?") is not None
    assert timeline.measured("Step me through how the opening date kept moving.") is not None
    # the same words without a change, or a change without a time word, follow no date
    assert timeline.measured("Időrendben: mikor váltott edzőt a csapat?") is None
    assert timeline.measured("Hogyan változott a várakozási idő?") is not due  # a duration, followed in weeks
    assert timeline.measured("Mikor változott a vezetés?") is None  # asks one date: a fact
    assert not due.search(fold("It may open in March, they said."))  # English verbs, no months
    for written in ("az új készülék szeptemberre üzembe állhat", "Reálisan az év végére számolhatunk", "2026-ra elkészül", "ősszel indul"):
        assert due.search(fold(written)), written
    for other in ("A teljes összeg 980 millió forint.", "Az oktatás folytatódik.", "A település lakói tiltakoztak."):
        assert not due.search(fold(other)), other
    texts = [
        ("a1", "2025-02-18", "MR-gépet vesz a tatai kórház", ["A tatai kórház MR-gépet vásárol a Medix Kft.-től.",
                                                             "A gép ára 980 millió forint.", "Az új gép szeptemberre állhat üzembe."]),
        ("a2", "2025-04-09", "Csúszik a tatai MR", ["Eredménytelen lett a tatai kórház tendere.", "A Medix Kft. ajánlata túl drága volt.",
                                                   "Reálisan az év végére indulhat a vizsgálat."]),
        ("a3", "2025-12-09", "Elindult a tatai MR", ["Hétfőn elindult a tatai kórház új MR-gépe.", "A Medix Kft. gépe 28 beteget vizsgált.",
                                                    "A gép december 8-án állt munkába."]),
    ]
    question = "Hogyan csúszott a tatai MR indulásának időpontja?"
    library = story_library(texts, Counter({("tatai", True): 3, ("medix", True): 3}))
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "tatai MR indulásának időpontja"), library, None).text
    assert "szeptemberre" in text and "az év végére" in text and "december 8-án" in text



def test_a_followed_date_is_the_one_of_what_the_request_names_though_a_lead_names_it():
    # "termelés" stands in one of the two leads, so it is no aspect beyond the story; still the
    # date followed is the production's end, not the farmers' contracts'.
    from qa.kinds import timeline
    from qa.planner import Request

    texts = [
        ("a1", "2025-09-09", "Bezár a tamási tejüzem", ["Az év végén bezárja tamási üzemét a Tej Kft., 186 dolgozó veszíti el az állását.",
                                                       "A gazdák szerződései december végén járnak le.",
                                                       "A termelés a tervek szerint december 31-ig folytatódik.",
                                                       "A Tej Kft. novemberre állásbörzét szervez.",
                                                       "A 186 dolgozóból 40-en 2026-ban a győri üzemben dolgozhatnak, 12-en nyugdíjba mennek."]),
        ("a2", "2025-11-18", "Korábban áll le a tamási tejüzem", ["Már december 19-én leáll a termelés a Tej Kft. tamási üzemében.",
                                                                 "A leszerelés januárban is folytatódik."]),
    ]
    question = "Hogyan változott, mikor áll le a termelés a tamási tejüzemben?"
    library = story_library(texts, Counter({("tamasi", True): 4, ("tej", True): 4}))
    text = timeline.answer(Request(question, question, "timeline", "hu", None, None, (), "mikor áll le a termelés a tamási tejüzemben"),
                           library, None).text
    assert "december 31-ig" in text and "december 19-én" in text


def test_a_budget_is_a_story_s_subject_and_a_sum_only_as_it_changes():
    from qa.kinds.timeline import measured

    assert measured("Mi történt a bajai költségvetéssel február és március között?") is None
    assert measured("Hogyan alakult Baja költségvetésének sorsa?") is None
    assert measured("hogyan valtozott a bajai koltsegvetes hianya").search(fold("1,2 milliárd forintra csökkent"))
    assert measured("Hogyan nőtt a felújítás költsége?").search(fold("1,68 milliárd forint"))


def test_an_english_count_is_followed_through_the_dictionary():
    from qa import bilingual
    from qa.kinds.timeline import counted, gives
    from qa.planner import Request

    if not bilingual.dictionary():
        import pytest

        pytest.skip("the English-Hungarian dictionary is not installed")
    question = "How did the number of pupils at the school change?"
    things = counted(Request(question, question, "timeline", "en", None, None, (), "number of pupils at the school"))
    assert gives("Szeptembertől 436 diák tanul az iskolában.", things) and gives("Az iskolába 441 tanuló jár.", things)
    # a word of many senses counts nothing
    question = "How did the number of cases change?"
    assert counted(Request(question, question, "timeline", "en", None, None, (), "number of cases")) == frozenset()


def test_a_followed_sum_is_the_one_written_beside_what_it_is_of():
    from qa.kinds.timeline import measured, next_to

    measure = measured("hogyan valtozott a bajai koltsegvetes hianya")
    of_what = frozenset({"hiany"})
    assert next_to("A tervezet 19,4 milliárd forintos főösszeggel és 1,8 milliárd forintos hiánnyal számolt.", measure, of_what)
    assert next_to("Elfogadták a tervezetet, amelynek hiánya 1,2 milliárd forintra csökkent.", measure, of_what)
    # the deficit named in one clause, another sum in the next
    assert not next_to("A hiány egyik oka, hogy Bajának idén 2,1 milliárd forint szolidaritási hozzájárulást kell befizetnie.", measure, of_what)


def test_what_was_planned_at_first_leads_its_item():
    from types import SimpleNamespace

    from qa.kinds.timeline import earlier_first

    now = SimpleNamespace(text="Négy hónappal később, október 31-én adhatják át a hidat.")
    planned = SimpleNamespace(text="A híd felújítását eredetileg június 30-ig kellett volna befejezni.")
    cost = SimpleNamespace(text="A beruházás 6,7 milliárd forintba kerül.")
    assert earlier_first([now, planned, cost]) == [planned, now, cost]
    assert earlier_first([now, cost]) == [now, cost]


def test_a_strand_of_the_story_is_followed_by_meaning(monkeypatch):
    """A request naming one strand of a story beyond what its leads tell takes from each article
    the sentence nearest to it (`_SEMANTIC_WEIGHT`): here the minibus, not each article's news."""
    from qa.kinds import timeline
    from qa.planner import Request

    texts = [
        ("b1", "2025-05-27", "Szerződést kötöttek a mezőtúri hídra", ["Aláírták a híd építési szerződését a városházán.",
                                                                    "A híd 4,6 milliárd forintba kerül, 800 millió forinttal többe a becsültnél.",
                                                                    "Az építők 40 tonnás teherbírású szerkezetet terveznek.",
                                                                    "A lakók kérték, hogy a város indítson ingyenes kisbuszt."]),
        ("b2", "2025-08-12", "Tüntettek a mezőtúri híd miatt", ["Háromszázan tüntettek a híd építése miatt vasárnap.",
                                                               "A szervezők 1850 aláírást gyűjtöttek, a kerülőút 12 kilométer.",
                                                               "A kivitelező 46 fát vágott ki a parton.",
                                                               "A város ingyenes kisbuszt indít a két városrész között."]),
        ("b3", "2025-11-08", "Átadták a mezőtúri hidat", ["Pénteken átadták a hidat a Berettyó felett.",
                                                         "A híd végső költsége 4,9 milliárd forint, az átadáson 500 ember volt.",
                                                         "A parton 60 új fát ültettek.",
                                                         "Az ingyenes kisbusz a híd átadásával megszűnik."]),
    ]
    # asked in words no sentence writes; e5 would put the minibus sentences nearest to it
    question = "Mi lett a mezőtúri buszjárattal?"
    request = Request(question, question, "timeline", "hu", None, None, (), "mezőtúri buszjárattal")
    monkeypatch.setattr(timeline, "_aspect", lambda *args: stems("buszjárattal"))
    strand = ("indítson ingyenes kisbuszt", "ingyenes kisbuszt indít", "kisbusz a híd átadásával")

    def minibus_items(weight):
        monkeypatch.setattr(timeline, "_SEMANTIC_WEIGHT", weight)
        library = story_library(texts, Counter({("mezotur", True): 3}))
        library.vectors = lambda chosen: np.array([[1.0 if any(p in s.text for p in strand) else 0.2] for s in chosen])
        library.scorer.query_vector = lambda text: np.array([1.0])
        text = timeline.answer(request, library, None).text
        return sum(p in text for p in strand)

    assert minibus_items(1.0) == 3
    assert minibus_items(0.0) < 3  # the strand's words alone do not reach it
