"""Review of 5def3d5..HEAD (a timeline item's antecedent and new day, "ki …?" timelines, a name
built on another, a collection's setting, "Mit írt … X-ről?", comparison twins, a story's
person, names matched with every accent folded): inputs the change did not think of. Each test
failed on the reviewed code."""

from collections import Counter
from types import SimpleNamespace

import pytest

from index import Article
from qa.kinds import summary
from qa.planner import fold
from tests.qa.test_chooser import _by_text, _one, _sentences
from tests.qa.test_request_cues import kind
from tests.qa.test_summary_story import _Library, _article
from tests.qa.test_timeline_reads import _timeline


def _paragraphed(i: int, date: int, paragraphs: list[list[str]]):
    """A story article for `summary.story` whose sentences stand in paragraphs."""
    article = SimpleNamespace(article_id=f"a{i}", published_int=date, title=f"Cikk {i}")
    flat = [(p, t) for p, texts in enumerate(paragraphs) for t in texts]
    return article, [SimpleNamespace(article=article, text=t, position=j, paragraph=p, in_paragraph=0) for j, (p, t) in enumerate(flat)]


# --- names matched with every accent folded (qa/name_match.py, qa/chooser_features.py) -------------


def test_folding_every_accent_does_not_make_common_words_forms_of_a_town():
    # ö/ő/ü/ű/ó/ú/í folded away, the first four letters of "Körmend" are those of "kormány" and
    # "Győr" is "gyors": a sentence about another town that says "a kormány" or "gyorsan" names
    # the town asked about. (é/á were folded before: "Eger"/"egér", "Pécs"/"pecsét" are not new.)
    elsewhere = "A kormány döntése szerint 300 munkahely szűnik meg Szentgotthárdon."
    assert _one("Hány munkahely szűnik meg Körmenden?", elsewhere)["entities_passage"] == 0.0
    ambulance = "A mentők gyorsan kiértek a szombathelyi balesethez, három sérült volt."
    assert _one("Hány sérült volt Győrben?", ambulance)["entities_sentence"] == 0.0
    # nor is a question's lower-case "gyorsforgalmi" a name because the passage names Győr:
    # it is what the question asks about, and a Győr hospital's opening does not hold it
    road = "Az M85-ös gyorsforgalmi utat december 12-én adják át Győr és Pápa között."
    hospital = "A győri kórház új szárnyát május 3-án adják át."
    f = _by_text("Mikor adják át a gyorsforgalmi utat?", _sentences("Átadások Győrben", f"{road} {hospital}", {road: 0.85, hospital: 0.86}))
    assert f[hospital]["focus_sentence"] < 0.5


def test_folding_every_accent_does_not_make_a_common_word_a_person_s_surname():
    # "Szőke" folded is "szoke": "a szokásos" (the usual) shares its first four letters
    usual = "A szokásos nyári nyitvatartás szerint a strand reggel 9-kor nyit."
    assert _one("Mit mondott Szőke Judit a strandról?", usual)["entities_sentence"] == 0.0


# --- a timeline item's antecedent (qa/kinds/common.py POINTS_BACK, points_back) --------------------


def test_this_year_opening_a_sentence_does_not_bring_back_the_last_item_s_news():
    # "Ebben az évben" is this year, not "in this" of the sentence before: the item of June
    # retells January's closure beside its own news
    items = _timeline([
        ("a", "2025-01-21", [["Bezárt a vésztői fürdő, miután meghibásodott a termálkút.", "Egy új kút fúrása kb. 350 millió forintba kerülne."]]),
        ("b", "2025-06-10", [["Nyáron sem nyit ki a vésztői fürdő."],
                             ["A fürdő januárban zárt be, miután meghibásodott a termálkút.",
                              "Ebben az évben a kútfúrásra 180 millió forint állami támogatást kapott a város."]]),
    ], "Mi történt a vésztői fürdővel?", "vésztői fürdő")
    assert len(items) == 2 and "180 millió" in items[1]
    assert "januárban zárt be" not in items[1], items[1]


def test_akkora_that_points_forward_does_not_retell_last_year_in_a_story_summary():
    # "Akkora volt idén az érdeklődés, hogy …" points to its own "hogy" clause: the summary
    # need not bring the sentence before it, which repeats the first article's 12 ezer visitors
    story = [
        _paragraphed(1, 20240812, [["Véget ért a harmadik gyulai pálinkafesztivál."],
                                   ["A háromnapos rendezvényre 12 ezer látogató érkezett.", "A zsűri 214 pálinkát értékelt."]]),
        _paragraphed(2, 20250811, [["Négynaposra bővült a gyulai pálinkafesztivál."],
                                   ["Tavaly a háromnapos rendezvényre 12 ezer látogató érkezett.",
                                    "Akkora volt idén az érdeklődés, hogy a szervezők a negyedik napra 5000 új jegyet bocsátottak ki."],
                                   ["A zsűri idén 260 pálinkát értékelt."]]),
    ]
    library = _Library(story)
    groups = summary.whole(library, summary.story(library, [a for a, _ in story], 4, frozenset(), 2))
    said = " ".join(s.text for _, sentences in groups for s in sentences)
    assert "5000 új jegyet" in said
    assert said.count("12 ezer látogató") == 1, said


# --- a timeline item's new day (qa/kinds/timeline.py) ------------------------------------------------


def test_a_day_of_an_earlier_year_is_no_day_the_item_happened_on():
    # the item names no day, so it takes "the first new day" of the paragraph after the lead:
    # the bridge's opening in 1978, background the article gives, not the reopening's day
    items = _timeline([
        ("a", "2025-03-04", [["Lezárták a tiszaugi hidat, mert megrongálódott egy tartópillér."], ["A hídon naponta 4200 jármű halad át."]]),
        ("b", "2025-09-16", [["Újra járható a tiszaugi híd.", "A felújítás 1,2 milliárd forintba került."],
                             ["A hidat 1978. május 12-én adták át, azóta most újították fel először."]]),
    ], "Mi történt a tiszaugi híddal?", "tiszaugi híd")
    assert len(items) == 2 and "1,2 milliárd" in items[1]
    assert "1978" not in items[1], items[1]


def test_an_event_day_beside_a_due_date_is_still_the_item_s_day():
    # "március 10-én vette át …, június 30-ig kell befejeznie": the whole sentence is read as a
    # due date, so the item is thought dayless and takes the campsite's foundation stone
    items = _timeline([
        ("a", "2025-02-04", [["Felújítják a vésztői fürdőt.", "A munkák 240 millió forintba kerülnek."]]),
        ("b", "2025-03-12", [["Megkezdődött a vésztői fürdő felújítása.",
                              "A kivitelező március 10-én vette át a területet, a munkát június 30-ig kell befejeznie."],
                             ["A fürdő melletti kemping alapkövét április 4-én teszik le."]]),
    ], "Mi történt a vésztői fürdővel?", "vésztői fürdő")
    assert "március 10" in items[1]
    assert "kemping" not in items[1], items[1]


def test_a_lead_naming_a_past_day_still_takes_the_event_s_day():
    # the lead names the hailstorm's day of last year, so the item seems to have a day and the
    # reopening's own day in the next paragraph is not told
    items = _timeline([
        ("a", "2024-06-10", [["Jégverés rongálta meg a vésztői sportcsarnok tetejét.", "A kár 60 millió forint."]]),
        ("b", "2025-09-16", [["Újjáépült a 2024. június 8-i jégverésben megrongálódott vésztői sportcsarnok teteje.", "A munka 74 millió forintba került."],
                             ["A csarnokot szeptember 12-én adták át újra a diákoknak."]]),
    ], "Mi történt a vésztői sportcsarnokkal?", "vésztői sportcsarnok")
    assert "szeptember 12" in items[1], items[1]


# --- "ki …?" in a timeline (qa/kinds/person.py asks_who, naming) -------------------------------------


def test_who_runs_it_asked_of_a_timeline_is_answered_by_the_companies_not_by_bystanders():
    # the operators are companies; the sentences naming a person are a campsite owner's and an
    # angling club's opinions, and they push the operators out of both items
    items = _timeline([
        ("a", "2025-03-04", [["A strand üzemeltetését a Vésztői Városgazda Kft. vette át az önkormányzattól.", "A belépő 2400 forintba kerül."],
                             ["Kovács Ilona, a szomszédos kemping tulajdonosa szerint a strand üzemeltetése eddig is jól ment."]]),
        ("b", "2025-10-16", [["Januártól a Gyulai Várfürdő Kft. üzemelteti a vésztői strandot.", "A városi cég évente 40 millió forint veszteséget termelt."],
                             ["Nagy Lajos, a helyi horgászegyesület elnöke szerint az üzemeltetés átadása jó döntés volt."]]),
    ], "Hogyan változott, ki üzemelteti a vésztői strandot?", "üzemelteti vésztői strandot")
    assert "Városgazda Kft." in items[0], items[0]
    assert "Várfürdő Kft." in items[1], items[1]


def test_an_english_relative_who_asks_for_nobody():
    # ", who was attacked" describes the nurse; the request asks what happened, and gets only
    # what a spokesman and a director said, not the attack nor the sentence
    arts = [
        ("a", "2025-03-04", [["Megtámadtak egy ápolót a szolnoki kórház sürgősségi osztályán.",
                              "A beteg ököllel ütötte meg az ápolót, aki orrtörést szenvedett."],
                             ["Kovács Ilona, a kórház szóvivője szerint az ápolók elleni támadások száma évről évre nő."]]),
        ("b", "2025-06-16", [["Két év börtönre ítélték a szolnoki ápolót megtámadó férfit.", "Az ítélet nem jogerős."],
                             ["Nagy Lajos, a kórház igazgatója szerint az ápoló azóta visszatért dolgozni."]]),
    ]
    items = _timeline(arts, "How did the case of the nurse, who was attacked in Szolnok, unfold?", "case nurse attacked Szolnok", "en")
    assert "Megtámadtak egy ápolót" in items[0], items[0]
    assert "Két év börtönre" in items[1], items[1]


# --- a collection's setting (qa/kinds/stories.py setting, in_story) --------------------------------


def _library():
    from qa.kinds.salience import stems
    from qa.kinds.stories import name_keys

    return SimpleNamespace(name_keys=name_keys, stems=lambda a: stems(f"{a.title} {a.text}"),
                           folded_text=lambda a: fold(f"{a.title}\n{a.text}"), case_counts=Counter)


def test_the_setting_asked_about_is_still_the_subject():
    # a lakeside paper writes "Balaton" in most articles; asked how the Balaton's water level
    # changed, the Velencei-tó's low water, naming the Balaton once in passing, is no answer
    from qa.kinds.stories import in_story

    balaton = Article("w1", "Tíz centit apadt a Balaton", "2025-08-12", 20250812, "", "", "",
                      "Tíz centit csökkent a Balaton vízszintje egy hónap alatt.\n\nA Siófoknál mért vízszint 92 centiméter.")
    velence = Article("w2", "Rekordalacsony a Velencei-tó vízszintje", "2025-08-14", 20250814, "", "", "",
                      "A Velencei-tó vízszintje 98 centiméterre csökkent, ilyen alacsony 2022 óta nem volt.\n\n"
                      "A tó vízszintjét a Zámolyi-tározóból pótolnák.\n\nA horgászok egy része ezért idén a Balaton partjára költözött.")
    others = [Article(f"o{i}", f"Hír {i}", "2025-05-01", 20250501, "", "", "", f"A Balatonnál {i}. hír.") for i in range(5)]
    kept = [(balaton, 1.1), (velence, 1.0)]
    assert [a.article_id for a, _ in in_story(_library(), kept, ["balaton"], [balaton, velence, *others])] == ["w1"]


def test_a_request_joining_the_setting_and_another_town_keeps_the_setting_s_articles():
    # "a békéscsabai és a gyulai kórház" in a Békéscsaba paper: Békéscsaba, the setting, is
    # dropped from the names, so only Gyula's article is "about" the request and Békéscsaba's
    # own hospital article is left out
    from qa.kinds.stories import in_story

    csaba = Article("k1", "Új CT-készüléket kapott a békéscsabai kórház", "2025-04-12", 20250412, "", "", "",
                    "Új, 420 millió forintos CT-készüléket adtak át a békéscsabai Réthy Pál Kórházban.\n\nA készülékkel naponta 60 vizsgálatot végezhetnek.")
    gyula = Article("k2", "Bezár a gyulai kórház szülészete", "2025-05-14", 20250514, "", "", "",
                    "Július 1-jétől bezár a gyulai Pándy Kálmán Kórház szülészeti osztálya.\n\nA kismamáknak ezentúl Békéscsabára kell utazniuk.")
    others = [Article(f"o{i}", f"Hír {i}", "2025-05-01", 20250501, "", "", "", f"Békéscsabán {i}. hír.") for i in range(5)]
    kept = [(csaba, 1.1), (gyula, 1.0)]
    kept = in_story(_library(), kept, ["bekescsaba", "gyula"], [csaba, gyula, *others], joined=True)
    assert [a.article_id for a, _ in kept] == ["k1", "k2"]


# --- a name built on another (qa/kinds/topic_names.py name_key) -------------------------------------


def test_tata_s_adjective_does_not_take_in_tatabanya():
    # "Tata" is written alone, so "tatai" keys "tata", and every word starting so names it:
    # Tatabánya, a town of its own ten kilometres away, is taken for Tata
    from qa.kinds.topic import case_counts, topic_names, writes_name
    from qa.planner import Request
    from qa.text import words

    def article(i: int, title: str, text: str) -> Article:
        return Article(f"t{i}", title, "2025-05-01", 20250501, "", "", "", text)

    hospital = article(2, "Új szárnyat kap a tatabányai kórház",
                       "Új, négyszintes szárnyat kap a tatabányai Szent Borbála Kórház. A Tatabányán élők régóta várták a bővítést.")
    counts = case_counts([
        article(1, "Felújítják a tatai várat", "Felújítják a tatai vár lovagtermét. A munkára a tatai önkormányzat 300 millió forintot nyert. "
                                               "A várat Tatán nyáron is lehet látogatni."),
        hospital,
        article(3, "Új buszjárat", "Új buszjárat köti össze Tata és Tatabánya belvárosát. A tatabányai busztársaság szerint óránként indul járat."),
    ])
    request = Request("Mi történt a tatai várral?", "Mi történt a tatai várral?", "timeline", "hu", None, None, (), "tatai várral")
    keys = topic_names(request, counts)
    have = frozenset(fold(w) for w in words(f"{hospital.title} {hospital.text}"))
    assert keys and not any(writes_name(have, k) for k in keys), keys


# --- "Mit írt …-ról?" (qa/request_cues.py) -----------------------------------------------------------


def test_what_a_decree_prescribed_or_a_letter_said_about_something_is_a_fact():
    # "előír" (prescribe) is a verb of its own, like "aláír"; what the mayor wrote in a letter
    # stays a fact when the letter is about something; "arról, hány …" asks a number
    assert kind("Mit írt elő a kormányrendelet a kijárási tilalomról?") == "fact"
    assert kind("Mit írt a polgármester a levelében a strand bezárásáról?") == "fact"


def test_what_the_paper_wrote_about_how_many_is_a_fact():
    # older than the reviewed change: a publishing verb beside "hány" was read as counting articles
    assert kind("Mit írt a lap arról, hány ember sérült meg a balesetben?") == "fact"


# --- comparisons and a story's person (qa/kinds/summary.py twins, story_someone) -------------------


def test_a_side_restating_the_other_side_s_figure_is_no_twin():
    # Kétegyháza's article recalls Elek's 186 million "in the same words"; the twin bonus takes
    # that, and the comparison tells Elek's cost twice and Elek's pitch size not at all
    towns = [
        _article(1, 20250319, ["Átadták Elek új műfüves focipályáját.", "A pálya 105×68 méteres, világítást is kapott.",
                               "A beruházás 186 millió forintba került, ennek 85 százalékát uniós pályázat fedezte.",
                               "A pályát az egyesület 120 fiatal focistája használja."]),
        _article(2, 20251008, ["Műfüves pálya épül Kétegyházán.", "Az önkormányzat 142 millió forintot nyert rá a Magyar Labdarúgó Szövetség pályázatán.",
                               "A szomszédos Eleken tavasszal átadott pálya beruházása 186 millió forintba került.",
                               "A helyi sportkörben 60 gyerek focizik."]),
    ]
    library = _Library(towns)
    groups = summary.story(library, [a for a, _ in towns], 3, frozenset(), 2, parallel=frozenset({"forin"}))
    said = " ".join(s.text for _, sentences in groups for s in sentences)
    assert "142 millió" in said
    assert said.count("186 millió") == 1, said


@pytest.mark.xfail(reason="a judgement left open: who says something is told by their role ('a projekt vezetője' "
                   "beside 'aki a szomszéd utcában lakik'), and no general mark of a bystander was found", strict=True)
def test_a_bystander_s_quote_is_not_who_a_story_is_about():
    # the summary of a flood and the drain built after it names nobody; the only person named is a
    # neighbour saying she has never seen the like: no one who leads, decided or told the news
    story = [
        _article(1, 20250612, ["Elöntötte a víz a vésztői Kossuth utca pincéit a hétfői felhőszakadás után.", "Két óra alatt 64 milliméter eső esett.",
                               "A tűzoltók 23 pincéből szivattyúzták ki a vizet.",
                               "„Negyven éve lakom itt, ilyet még nem láttam” – mondta Kiss Erzsébet, aki a szomszéd utcában lakik."]),
        _article(2, 20250903, ["Új csapadékvíz-csatornát építenek a vésztői Kossuth utcában.",
                               "A munka 118 millió forintba kerül, az állam 90 százalékát fizeti.", "A csatorna novemberre készül el.",
                               "A kivitelező a Körös-Víz Kft."]),
    ]
    library = _Library(story)
    groups = summary.story(library, [a for a, _ in story], 4, frozenset(), 2)
    said = " ".join(s.text for _, sentences in summary.whole(library, summary.story_someone(library, groups)) for s in sentences)
    assert "Kiss Erzsébet" not in said, said
