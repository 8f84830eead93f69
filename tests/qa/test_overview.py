"""The whole collection's summary: its stories, the biggest first, each under one heading."""

from collections import Counter
from types import SimpleNamespace

from qa.kinds import overview
from qa.kinds.salience import stems
from qa.kinds.stories import name_keys, storylines
from qa.planner import fold


def _article(i: int, date: int, title: str, text: str):
    return SimpleNamespace(article_id=f"a{i}", published_int=date, published=f"{str(date)[:4]}-{str(date)[4:6]}-{str(date)[6:]}",
                           title=title, text=text, url="", source="")


class _Library:
    def articles(self, filters=None):
        return STRIKE + OTHERS

    def sentences(self, article):
        return [SimpleNamespace(article=article, text=t + ".", position=i, paragraph=0, in_paragraph=i)
                for i, t in enumerate(article.text.split(". "))]

    def stems(self, article):
        return stems(f"{article.title} {article.text}")

    def name_keys(self, article):
        return name_keys(article)

    def case_counts(self):
        return Counter()  # every name taken as written capitalised

    def folded_text(self, article):
        return fold(f"{article.title}\n\n{article.text}")


# A strike told over three articles (one of them never names the town), and two like
# events in other towns, which are not one story with it nor with each other.
STRIKE = [
    _article(1, 20250301, "Sztrájkot hirdettek a tatabányai Városgazda Zrt.-nél",
             "Kovács Béla szakszervezeti vezető szerint a Városgazda dolgozói tizenöt százalékos béremelést kérnek. "
             "A tatabányai önkormányzat cége nem válaszolt. A Városgazda buszai és kukásautói állhatnak le."),
    _article(2, 20250315, "Két órára leálltak a kukásautók Tatabányán",
             "Figyelmeztető sztrájkot tartottak a Városgazda Zrt. dolgozói. Kovács Béla szerint a béremelés nem alku tárgya. "
             "A kukásautók két órán át a telepen maradtak."),
    _article(3, 20250402, "Tíz százalékot ajánlott a Városgazda",
             "A Városgazda Zrt. vezérigazgatója, Szalai Ildikó tíz százalékos béremelést ajánlott a dolgozóknak. Kovács Béla "
             "szakszervezeti vezető szerint a sztrájkot felfüggesztik, amíg a dolgozók szavaznak az ajánlatról."),
]
OTHERS = [
    _article(4, 20250410, "Medvét láttak a Bükkben", "Barnamedvét rögzített egy vadkamera Szilvásvárad mellett, közölte a "
             "Bükki Nemzeti Park. A turistáknak a jelzett utakon kell maradniuk."),
    _article(5, 20250420, "Új harangot szenteltek Nagykanizsán", "A kápolna ellopott harangja helyett öntött új harangot "
             "Pintér Ferenc plébános szentelte meg vasárnap. A harang 120 kilós."),
]


def test_a_story_s_articles_are_one_story_and_other_news_is_not():
    stories = storylines(_Library(), STRIKE + OTHERS)
    assert [[a.article_id for a in s] for s in stories] == [["a3", "a2", "a1"], ["a5"], ["a4"]]  # biggest, then newest


def test_a_period_s_articles_are_grouped_as_in_the_whole_collection():
    # Words are weighed by their rarity in the collection, not in the period's few articles,
    # where a story's own words would be common and weigh nothing.
    assert len(storylines(_Library(), STRIKE, population=STRIKE + OTHERS)) == 1


def test_every_story_gets_a_sentence_before_any_gets_a_second():
    assert overview.quotas(4, 7) == [2, 2, 2, 1]
    assert overview.quotas(9, 7) == [1] * 7
    assert overview.quotas(1, 7) == [3]  # one story: at most STORY_CAP
    assert overview.quotas(2, 3) == [2, 1]


def test_an_archive_s_overview_reads_its_newest_articles_only(monkeypatch):
    monkeypatch.setattr(overview, "MAX_READ", 2)
    newest_first = sorted(STRIKE + OTHERS, key=lambda a: -a.published_int)
    shown = overview.groups(_Library(), newest_first, brief=False)
    assert [[a.article_id for a in arts] for arts, _ in shown] == [["a5"], ["a4"]]
    # one story of one article: its key sentences (up to STORY_CAP), in its own order
    assert all(s.article is arts[0] for arts, sentences in shown for s in sentences)


def test_an_article_with_no_quotable_sentence_takes_no_place():
    class Silent(_Library):
        def sentences(self, article):
            return [] if article.article_id == "a5" else super().sentences(article)

    shown = overview.groups(Silent(), sorted(STRIKE + OTHERS, key=lambda a: -a.published_int), brief=True)
    assert all(sentences for _, sentences in shown) and "a5" not in {a.article_id for arts, _ in shown for a in arts}


def test_an_article_that_only_mentions_a_story_is_not_its_newest_news(articles_dir, fake_embed):
    # dev12: a county's nursing-home waiting lists (November) name the Füzesabony verdict in
    # one paragraph; the verdict's story of three reports keeps its own heading and lead.
    import shutil
    from pathlib import Path

    from index import build
    from qa import Assistant, Settings

    dev12 = Path(__file__).resolve().parents[2] / "eval" / "corpus" / "dev12" / "articles"
    for path in sorted(dev12.glob("*.md")):
        shutil.copy(path, articles_dir / path.name)
    settings = Settings()
    build(settings, embed_model=fake_embed)
    answer = Assistant.open(settings=settings, embed_model=fake_embed).ask("Foglald össze röviden az összes cikket!")
    assert answer.kind == "summary"
    first_story = answer.text.split("### ")[1]
    assert first_story.startswith("Négy és fél év börtönt kapott a füzesabonyi idősotthon volt vezetője")
    assert "3 cikk" in first_story and "füzesabony" in first_story.lower()
    # told apart, the waiting lists are still counted among the rest
    assert "Több mint ezren várnak idősotthoni helyre" in answer.text


def test_the_articles_a_summary_does_not_quote_are_named_up_to_ten():
    from index import Article
    from qa.kinds.summary import listed

    rest = [Article(f"r{i}", f"Cikk {i} Harkányban", "2025-05-01", 20250501, "", "", "", "") for i in range(12)]
    line = listed(rest, "hu")[0]
    assert line.startswith("…és még 12 cikk:") and "Cikk 9 Harkányban" in line and "Cikk 10" not in line and line.endswith(" ….")
    assert listed(rest[:3], "en")[0].startswith("…and 3 more articles:") and "…." not in listed(rest[:3], "en")[0]
