"""What a timeline item holds beyond its best sentence: what a sentence points back to, the
event's day from the paragraph after the lead, the person a "ki …?" request asks for."""

from collections import Counter
from types import SimpleNamespace


def _timeline(articles_texts, question, topic, language="hu"):
    """The timeline's item lines over fake articles: [(id, date, [paragraph, …]), …], each
    paragraph a list of sentences."""
    from qa.kinds import timeline

    articles, sentences = [], {}
    for aid, date, paragraphs in articles_texts:
        article = SimpleNamespace(article_id=aid, published=date, published_int=int(date.replace("-", "")), title=f"Cikk {aid}")
        flat = [(p, t) for p, texts in enumerate(paragraphs) for t in texts]
        passage = SimpleNamespace(passage_id=f"p{aid}", article_id=aid, text=" ".join(t for _, t in flat))
        sentences[aid] = [SimpleNamespace(article=article, passage=passage, text=t, start=0, end=len(t), position=i, paragraph=p, in_paragraph=i)
                          for i, (p, t) in enumerate(flat)]
        articles.append(article)
    library = SimpleNamespace(sentences=lambda a: sentences[a.article_id], stems=lambda a: frozenset(),
                              on_topic=lambda *a, **k: [(x, 1.0) for x in articles], articles=lambda filters=None: list(articles),
                              name_keys=lambda a: frozenset(), case_counts=Counter)
    request = SimpleNamespace(question=question, topic=topic, standalone=question, language=language, period=None, kind="timeline")
    answer = timeline.answer(request, library, None)
    return [line for line in answer.text.splitlines() if line.startswith("- **")]


def test_a_sentence_pointing_back_brings_what_it_points_to_and_no_sentence_is_told_twice():
    item = _timeline([("a", "2025-01-21", [
        ["Bezárt a vésztői fürdő, miután meghibásodott a termálkút."],
        ["Egy új kút fúrása kb. 350 millió forintba kerülne.",
         "Ekkora összeg nincs a város kasszájában: a költségvetés 2,1 milliárd forint, a fürdőre évente 40 millió forintot pótolnak."],
    ])], "Mi történt a vésztői fürdővel?", "vésztői fürdő")
    assert len(item) == 1
    assert "Ekkora összeg" in item[0] and "350 millió" in item[0]
    assert item[0].index("350 millió") < item[0].index("Ekkora összeg")
    # each sentence once, however many of the item's steps chose it
    assert item[0].count("Ekkora összeg") == 1 and item[0].count("350 millió") == 1


def test_an_item_without_a_day_takes_the_first_new_day_of_the_paragraph_after_the_lead():
    item = _timeline([("a", "2025-03-12", [
        ["Nagy méretű műfüves pálya épül Eleken.", "A beruházás 186 millió forintba kerül."],
        ["A munkaterületet március 10-én adták át a kivitelezőnek.", "A pálya 105×68 méteres lesz."],
        ["A pályát a tervek szerint október 31-ig kell befejezni, április 2-án kezdik a földmunkát."],
    ])], "Mi történt az eleki pályával?", "eleki pálya")
    assert "március 10" in item[0]
    # not the due date of a later paragraph, nor a day past the paragraph after the lead
    assert "október 31" not in item[0] and "április 2" not in item[0]


def test_a_due_date_is_no_day_it_happened_on():
    items = _timeline([
        ("a", "2025-05-08", [["Félsorompót kap a keceli átjáró, 310 millió forintból.", "Az új sorompót szeptember 30-ig adják át."]]),
        ("b", "2025-12-04", [["Átadták a keceli félsorompót, 342 millió forintba került.",
                              "A MÁV előbb november 15-re tolta az átadást, végül december elején fejeződtek be a munkák."],
                             ["A december 2-i átadással lezárult a tíz hónapja tartó ügy."]]),
    ], "Mi történt a keceli félsorompóval?", "keceli félsorompó")
    assert "december 2" in items[1]


def test_who_asked_of_a_timeline_takes_the_sentence_naming_someone_beside_what_they_do():
    from qa.kinds.person import asks_who

    assert asks_who("Hogyan változott, ki irányítja a fűzfői kármentesítést?")
    assert asks_who("Who led the clean-up over time?")
    # "ki" as a verb's particle asks for nobody
    assert not asks_who("Mikor adták ki az engedélyt a kármentesítésre?")
    items = _timeline([
        ("a", "2025-05-06", [["A kormány 2,3 milliárd forintot ad a kármentesítésre.", "A munka június 2-án kezdődik."],
                             ["A projekt irányítására Vörös Tamás környezetmérnököt kérték fel."]]),
        ("b", "2025-11-18", [["A munka végül 2,65 milliárd forintba került.", "A terület 6,5 hektár."],
                             ["Bognár Edit augusztusban vette át a projekt irányítását Vörös Tamástól."]]),
    ], "Hogyan változott, ki irányítja a kármentesítést?", "irányítja kármentesítést")
    assert "Vörös Tamás" in items[0] and "Bognár Edit" in items[1]


def test_a_count_typed_without_accents_and_a_short_stem_are_followed():
    from qa.kinds.followed import counted, gives
    from qa.slots import counted as asked_count

    # "hany" is "hány" typed without accents, for the chooser and for the timeline
    assert asked_count("hany patika csatlakozik a rendszerhez") == asked_count("Hány patika csatlakozik a rendszerhez?")
    assert asked_count("hany patika csatlakozik a rendszerhez")
    request = SimpleNamespace(standalone="hogyan valtozott, hany patika csatlakozik az ejszakai ugyeleti rendszerhez", language="hu")
    things = counted(request)
    # "patika" stems to "pat", too short to find: its first five letters are read instead
    assert gives("A minisztérium szerint az első évben kb. 120 patika csatlakozna a rendszerhez.", things)
    assert not gives("A rendszer évente kb. 4,2 milliárd forintba kerülne.", things)
    items = _timeline([
        ("a", "2025-02-11", [["Éjszakai patikaügyeletet írna elő a kormány.", "A rendszer évente 4,2 milliárd forintba kerülne.",
                              "Az első évben kb. 120 patika csatlakozna a rendszerhez."]]),
        ("b", "2025-05-20", [["Módosították a patikaügyeleti törvényjavaslatot.", "A program éves költsége 6,8 milliárd forintra nő.",
                              "A minisztérium szerint kb. 165 patika csatlakozhat a rendszerhez."]]),
    ], "hogyan valtozott, hany patika csatlakozik az ejszakai ugyeleti rendszerhez", "patika csatlakozik ejszakai ugyeleti rendszerhez")
    assert "120 patika" in items[0] and "165 patika" in items[1]


def test_an_amending_package_is_no_revision_but_an_amended_figure_is():
    from qa.kinds.timeline_parts import _REVISED
    from qa.planner import fold

    assert not _REVISED.search(fold("A bizottság elfogadta azt a módosító csomagot, amely megemeli a támogatást."))
    assert _REVISED.search(fold("A bizottság módosította a javaslatot: 1,6 millió forint jár havonta."))
    assert _REVISED.search(fold("A módosítás szerint 2026. január 1-jén lép hatályba."))
