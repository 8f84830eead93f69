"""How a story's summary spreads its sentences: where the news is, not in even shares."""

from collections import Counter
from types import SimpleNamespace

from qa.kinds import compare, summary, summary_scope
from qa.kinds.salience import stems
from qa.kinds.stories import name_keys
from qa.planner import fold


def _article(i: int, date: int, sentences: list[str]):
    article = SimpleNamespace(article_id=f"a{i}", published_int=date, title=f"Cikk {i}")
    built = [SimpleNamespace(article=article, text=t, position=j, paragraph=j, in_paragraph=0) for j, t in enumerate(sentences)]
    return article, built


class _Library:
    def __init__(self, articles):
        self._sentences = {a.article_id: s for a, s in articles}

    def sentences(self, article):
        return self._sentences[article.article_id]

    def stems(self, article):
        return stems(" ".join(s.text for s in self._sentences[article.article_id]))

    def folded_words(self, article):
        return frozenset(fold(w) for s in self._sentences[article.article_id] for w in s.text.split())

    def articles(self, filters=None):
        return [s[0].article for s in self._sentences.values() if s]

    def name_keys(self, article):
        return name_keys(SimpleNamespace(title=article.title, text=" ".join(s.text for s in self._sentences[article.article_id])))

    def case_counts(self):
        return Counter()

    def folded_text(self, article):
        return fold(f"{article.title}\n\n" + "\n\n".join(s.text for s in self._sentences[article.article_id]))


NAME = "Fekete Zoltán, a Kecskeméti Vízmű volt vezérigazgatója"
STORY = [
    _article(1, 20250220, [f"Vádat emeltek {NAME} ellen 418 millió forint kár miatt.", f"{NAME} a sógorának adott megbízásokat.",
                           "A vízmű 115 ezer embert lát el."]),
    _article(2, 20250409, [f"Nem érzi magát bűnösnek {NAME}.", f"{NAME} szerint az árak piaciak voltak.", "Húsz érdeklődő volt ott."]),
    _article(3, 20250625, [f"Szakértő: 300 millió forinttal drágább volt a munka, mondta {NAME} perében.", f"{NAME} védője vitatta.",
                           "A tanú 2020-ban figyelmeztetett."]),
    _article(4, 20250930, [f"Négy év börtönt kapott {NAME}.", f"{NAME} 297 millió forintot fizet.", "Az ítélet nem jogerős."]),
]


def test_a_story_gives_every_article_its_lead_and_restating_the_name_is_no_repeat():
    groups = summary.story(_Library(STORY), [a for a, _ in STORY], 7, frozenset())
    firsts = [sentences[0].text for _, sentences in groups]
    # Each article's lead restates the story's name beside its news: it is chosen, not
    # dropped as a repeat of the earlier articles.
    assert [g[0].article_id for g in groups] == ["a1", "a2", "a3", "a4"]
    assert firsts[1].startswith("Nem érzi") and firsts[3].startswith("Négy év")
    assert sum(len(s) for _, s in groups) == 7
    # The verdict's sum is news although its sentence names the story again.
    assert any("297 millió" in s.text for s in groups[3][1])


FIRST_TELLS_MOST = [
    _article(1, 20250101, ["A Dunai Kft. 2025-ben 12 milliárd forint árbevételt ért el Győrben.", "A cég 340 embert foglalkoztat Mosonban és Pápán.",
                           "Kiss Anna vezérigazgató szerint 2026-ban 15 százalékos növekedés jöhet.", "Az új csarnok 4,5 milliárd forintba került Tatán."]),
    _article(2, 20250301, ["A Dunai Kft. bezárta a pápai üzemet.", "A gyárban sokan dolgoztak.", "A döntés váratlan volt."]),
    _article(3, 20250501, ["A Dunai Kft. új vevőt talált.", "A tárgyalás sokáig tartott.", "Mindenki örült."]),
]


def test_the_first_article_which_repeats_nothing_does_not_take_the_whole_budget():
    groups = summary.story(_Library(FIRST_TELLS_MOST), [a for a, _ in FIRST_TELLS_MOST], 6, frozenset())
    counts = Counter({a.article_id: len(s) for a, s in groups})
    # Every article has its say, and the first gives at most half of the six: its third
    # sentence's new figures ("2026-ban 15 százalékos") outweigh the last article's "sokáig tartott".
    assert counts == {"a1": 3, "a2": 2, "a3": 1}
    assert any("15 százalékos" in x.text for _, sentences in groups for x in sentences)


def test_a_brief_story_keeps_its_first_article():
    newest_first = sorted((a for a, _ in STORY), key=lambda a: -a.published_int)
    assert [a.article_id for a in summary.story_articles(newest_first, 3)] == ["a4", "a3", "a1"]
    assert summary.story_articles(newest_first, 7) == newest_first


def test_a_story_is_told_in_all_its_articles_an_article_or_report_is_one():
    assert summary_scope._ONE_ARTICLE.search(fold("Summarize the article about the flood"))
    assert summary_scope._ONE_ARTICLE.search(fold("Foglald össze a cikket a gyárról"))
    assert not summary_scope._ONE_ARTICLE.search(fold("Summarize the Kalocsa railway story."))
    # Hungarian writes the singular after a number: several articles
    assert not summary_scope._ONE_ARTICLE.search(fold("Hasonlítsd össze a két cikket!"))
    assert not summary_scope._ONE_ARTICLE.search(fold("Foglald össze mindhárom írást"))


class _TopicLibrary(_Library):
    def on_topic(self, request, filters):
        # best first, as the real one: the middle article matches the topic best
        return [(a, 1.0) for a in sorted((a for a, _ in STORY), key=lambda a: a.article_id != "a2")]


def _scope(question: str):
    request = SimpleNamespace(topic="vízmű per", question=question)
    mode, articles = summary_scope.scope(_TopicLibrary(STORY), request, None)
    return mode, [a.article_id for a in articles]


def test_asked_how_a_story_ended_or_began_the_summary_is_of_its_newest_or_oldest_article():
    # the chosen article first; the story's others follow, newest first, to be listed under it
    assert _scope("Foglald össze, mi lett végül a vízmű-per vége!") == ("one", ["a4", "a3", "a2", "a1"])
    assert _scope("How did the water utility trial end?") == ("one", ["a4", "a3", "a2", "a1"])
    assert _scope("Mit írtak eredetileg a vízmű-perről?") == ("one", ["a1", "a4", "a3", "a2"])
    assert _scope("Foglald össze, mi lett a vízmű-per eredménye!") == ("one", ["a4", "a3", "a2", "a1"])
    # otherwise the whole story, newest first
    assert _scope("Foglald össze a vízmű-perről szóló cikkeket!") == ("topic", ["a4", "a3", "a2", "a1"])
    assert _scope("Foglald össze a vízmű-perről szóló cikket!") == ("one", ["a2"])


def test_a_request_s_last_item_is_no_story_s_end_and_how_it_ended_is_asked_in_many_words():
    # "végül" / "finally" opening the request orders the conversation, not the story
    assert _scope("Végül foglald össze a vízmű-perről szóló cikkeket!") == ("topic", ["a4", "a3", "a2", "a1"])
    assert _scope("És végül: foglald össze a vízmű-perről szóló cikkeket.") == ("topic", ["a4", "a3", "a2", "a1"])
    assert _scope("Finally, summarise the articles about the water utility trial.") == ("topic", ["a4", "a3", "a2", "a1"])
    assert _scope("Summarise the articles on the outcome-based funding of the water utility.") == ("topic", ["a4", "a3", "a2", "a1"])
    # still asked how it ended, however the request opens
    assert _scope("Végül mi lett a vízmű-per sorsa?") == ("one", ["a4", "a3", "a2", "a1"])
    assert _scope("Foglald össze, hogyan végződött a vízmű-per!") == ("one", ["a4", "a3", "a2", "a1"])
    assert _scope("Foglald össze, hogyan zárult a vízmű-per!") == ("one", ["a4", "a3", "a2", "a1"])


def test_a_comparison_favours_the_figures_every_side_gives():
    assert compare.measures("A hídon naponta kb. 9500 jármű halad át, a felújítás 4,9 milliárd forintos.") == frozenset({"jarmu", "forin"})
    for question in ("Hasonlítsd össze a két hidat!", "Compare the two bridges.", "Mi a különbség a két híd között?"):
        assert compare.COMPARE.search(fold(question)), question
    assert not compare.COMPARE.search(fold("Foglald össze a hídról szóló cikkeket!"))
    first = _article(1, 20250521, ["Októberben, 14 hónap után adják át a vásárosnaményi hidat.", "A hídon naponta 9500 jármű halad át.",
                                   "A kivitelező 340 munkással dolgozik a hídon."])
    second = _article(2, 20250702, ["Tavaszig, 3 évvel a tervezés után csúszik a kiskörei híd felújítása.", "A hídon naponta 6200 jármű halad át.",
                                    "A búvárok 40 centis kimosódást találtak a hídon."])
    library = _Library([first, second])
    library.name_keys = lambda article: frozenset({article.article_id})  # two towns: two stories
    parallel = compare.compared(library, [first[0], second[0]])
    assert parallel == frozenset({"jarmu"})  # not "munka", which one side gives

    def said(parallel):
        return " ".join(s.text for _, sentences in summary.story(library, [first[0], second[0]], 2, frozenset(), 1, parallel) for s in sentences)

    # each side's lead, unless the facts both give are favoured
    assert "jármű" not in said(frozenset())
    assert "9500 jármű" in said(parallel) and "6200 jármű" in said(parallel)


def test_a_summary_of_what_the_articles_say_of_a_person_takes_what_they_tell_of_them():
    story = [
        _article(1, 20250211, ["A cég 14 szélturbinát állítana fel a város határában.", "A turbinák 200 méter magasak lesznek.",
                               "A beruházás 42 milliárd forintba kerül.", "Horváth Zsolt polgármester szerint a város évente 250 millió forint adót kap."]),
        _article(2, 20250617, ["A bíróság felfüggesztette az engedélyt.", "A park 11 turbinából állna.", "A költség 37,5 milliárd forint.",
                               "Horváth Zsolt szerint az uszoda felújítása is csúszik."]),
    ]
    library, articles = _Library(story), [a for a, _ in story]
    plain = [s.text for _, ss in summary.story(library, articles, 4, frozenset(), cap=2) for s in ss]
    about = [s.text for _, ss in summary.story(library, articles, 4, frozenset(), cap=2, people=frozenset({"horvath"})) for s in ss]
    assert sum("Horváth" in t for t in about) == 2
    assert sum("Horváth" in t for t in about) > sum("Horváth" in t for t in plain)


def test_where_one_story_s_sum_moves_its_summary_tells_it():
    dredging = [
        _article(1, 20250211, ["Kotrás kezdődik a Ráckevei-Dunán, a megállapodást kedden írták alá Ráckevén.",
                               "A Ráckevei-Duna kotrása 3,2 milliárd forintba kerül.", "A munkát a Dunamenti Kotró Kft. végzi."]),
        _article(2, 20250617, ["Leálltak a gépek a Ráckevei-Dunán, nehézfémet találtak az iszapban.",
                               "A ráckevei kotrás költsége 4,1 milliárd forintra nő.", "A kivitelező a Dunamenti Kotró Kft. maradt."]),
        _article(3, 20251104, ["Folytatódhat a Ráckevei-Duna kotrása, a bíróság elutasította a keresetet.",
                               "A Dunamenti Kotró Kft. november 10-én újraindítja a gépeket.",
                               "A ráckevei kotrás teljes költsége 4,35 milliárd forint lesz."]),
    ]
    said = " ".join(s.text for _, sentences in summary.story(_Library(dredging), [a for a, _ in dredging], 6, frozenset(), 2) for s in sentences)
    assert "4,35 milliárd" in said and "4,1 milliárd" in said


TOWNS = [
    _article(1, 20250319, ["Megnyílt Polgárdi új hulladékudvara az ipari parkban.", "A telepen 28 féle hulladékot lehet leadni.",
                           "A beruházás 186 millió forintba került, ennek 85 százalékát uniós pályázat fedezte.",
                           "A telep keddtől szombatig tart nyitva.", "A két kisebb település évente 4 millió forintot fizet."]),
    _article(2, 20251008, ["Megnyílt Balatonszárszó első hulladékudvara.", "Az 1800 négyzetméteres telepen 19 féle hulladékot lehet leadni.",
                           "A telep 9 és 16 óra között tart nyitva, nyáron hétfőn is.", "Balatonszemes és Kőröshegy 6200 lakója is használhatja.",
                           "Az önkormányzat 300 komposztládát oszt ki 1200 háztartásnak, erre 4,5 millió forintot nyertek.",
                           "A beruházás 142 millió forintba került."]),
]


def test_a_compared_side_tells_what_the_other_side_told_in_the_same_words():
    library = _Library(TOWNS)
    groups = summary.story(library, [a for a, _ in TOWNS], 4, frozenset(), 3, parallel=frozenset({"forin", "fele"}))
    told = {a.article_id: " ".join(s.text for s in sentences) for a, sentences in groups}
    # the cost on both sides, told alike, though the other side's last sentence
    assert "186 millió" in told["a1"] and "142 millió" in told["a2"]


def test_a_story_s_summary_naming_nobody_takes_the_sentence_naming_who_leads_it():
    story = [
        _article(1, 20250211, ["Oldószer jelent meg a talajvízben Balatonfűzfőn.", "A kármentesítés költsége kb. 1,4 milliárd forint."]),
        _article(2, 20251118, ["Befejeződött a kármentesítés, végül 2,65 milliárd forintba került.",
                               "„Mélyebbre ért a szennyezés” – mondta Bognár Edit, a projekt vezetője.", "A munka hat hetet csúszott."]),
    ]
    library = _Library(story)
    groups = [(story[0][0], [story[0][1][1]]), (story[1][0], [story[1][1][0]])]
    named = summary.story_someone(library, groups)
    assert any("Bognár Edit" in s.text for _, sentences in named for s in sentences)
    # a summary naming someone already takes nobody more
    assert summary.story_someone(library, named) == named
