"""An English topic that names nothing ("Which articles are about table tennis?") is found
through the dictionary's Hungarian words; a count's English phrase names the thing counted."""

import re
from collections import Counter

import pytest

from index import Article
from qa import bilingual
from qa.planner import fold

pytestmark = pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")


class _Library:
    def __init__(self, articles):
        self.list = articles

    def folded_counts(self, article):
        return Counter(fold(w) for w in re.findall(r"\w+", f"{article.title} {article.text}"))

    def postings(self):
        index = {}
        for a in self.list:
            for w, n in self.folded_counts(a).items():
                index.setdefault(w, {})[a.article_id] = n
        return sorted(index), index

    def case_counts(self):
        return Counter((fold(w), w[:1].isupper()) for a in self.list for w in re.findall(r"\w+", a.text))


def _article(i, title, text):
    return Article(f"a{i}", title, "2025-05-01", 20250501, "", "", "", text)


ARTICLES = [
    _article(1, "Kardos Réka nyerte a pécsi Mecsek Kupát", "Az asztalitenisz-tornán 120 versenyző indult. Az asztalitenisz népszerű Pécsen."),
    _article(2, "Döntőben kapott ki Kardos Réka", "A nyíregyházi asztaliteniszversenyen japán győzelem született. A döntő 4:2 lett."),
    _article(3, "Drónos startup kapott pénzt Debrecenben", "A cég 4,2 millió eurót vont be. A tenisz nem szerepel a cikkben, a drón igen."),
    _article(4, "Átadták a felújított termálfürdőt", "A fürdő nyolc medencével nyílt meg. A fürdő 2,4 milliárdból újult meg."),
    _article(5, "Újra fogad vendégeket a gyógyfürdő", "A termálvíz 62 fokos, a víz gyógyít. Keresztül a parkon új sétány vezet a bejárathoz."),
    _article(6, "Hőszivattyúgyár épül Hatvanban", "A Thermowave 180 munkahelyet teremt. A gyár keresztül-kasul átszeli a telket, keresik a munkásokat."),
]


def test_an_english_topic_finds_the_articles_writing_its_hungarian_words():
    from qa.kinds.translated import about

    library = _Library(ARTICLES)
    often, once = about(library, "table tennis", ARTICLES)
    # "table tennis" is one entry ("asztalitenisz"), written inside compounds; "tenisz" alone is not it
    assert set(often) | set(once) == {"a1", "a2"}
    often, once = about(library, "thermal baths", ARTICLES)
    # the bare form "termális" shortened in "termálvíz", "fürdő" inside "gyógyfürdő"; "Thermowave" is no bath
    assert set(often) | set(once) == {"a4", "a5"}


def test_a_word_written_once_must_be_the_sense_or_a_compound_of_it_not_a_word_starting_alike():
    from qa.kinds.translated import _member

    words = sorted({"csapat", "viz", "versenyzo", "lett"})
    assert _member("kezilabdacsapat", "kezilabda", words)
    assert _member("asztaliteniszversenyen", "asztalitenisz", words)
    assert _member("termalviz", "termalis", words)
    assert _member("birosagon", "birosag", words)
    assert not _member("keresztul", "keres", words)
    assert not _member("kereslet", "keres", words)


def test_a_sense_s_words_are_found_by_their_start_or_inside_a_compound():
    from qa.kinds.translated import matching

    words = sorted({"furdo", "furdot", "gyogyfurdo", "termalviz", "termalis", "kad", "kadar", "tenisz"})
    assert matching(words, "furdo") == {"furdo", "furdot", "gyogyfurdo"}
    # the bare form shortened by up to two letters before another member
    assert matching(words, "termalis") == {"termalis", "termalviz"}
    # a short sense only as a word's start
    assert matching(words, "kad") == {"kad", "kadar"}


def test_a_sense_many_articles_write_finds_nothing():
    from qa.kinds.translated import about

    # every article writes "a", and "épít" stands in most news: no sense of the topic is rare
    built = [_article(i, f"Cím {i}", "Új házat épít a cég. Építik a hidat is.") for i in range(9)]
    assert about(_Library(built), "build", built) == ([], [])


def test_the_counted_thing_of_an_english_request_is_its_whole_noun_phrase():
    from qa.kinds.timeline import counted, gives
    from qa.planner import Request

    question = "How did the number of cancelled group tickets change while the lift was closed?"
    things = counted(Request(question, question, "timeline", "en", None, None, (), "cancelled group tickets lift"))
    # "tickets" has too many senses, "group" few: the phrase's words together name the thing
    assert gives("Eddig 3400 előre lefoglalt csoportos jegyet mondtak le.", things)
    question = "How did the number of pupils at the school change?"
    assert "tanulo" in counted(Request(question, question, "timeline", "en", None, None, (), "pupils school"))


def test_an_english_category_is_read_through_the_dictionary():
    from dataclasses import replace

    from qa.kinds.translated import filed

    culture = replace(ARTICLES[0], article_id="c1", category="kultúra")
    science = replace(ARTICLES[1], article_id="s1", category="tudomány")
    assert filed("culture", [culture, science]) == {"c1"}
    assert filed("science", [culture, science]) == {"s1"}
    assert filed("table tennis", [culture, science]) == set()
    # "court" is also "sportpálya": a compound holding the category's word is no category
    assert filed("court", [replace(ARTICLES[2], category="sport")]) == set()


def test_a_sense_written_only_as_a_name_is_no_sign_of_the_topic():
    from qa.kinds.translated import _common_noun

    surname = _article(7, "Csődvédelmet kért a húsüzem", "Farkas Imre szerint a gazdák pénze veszélyben van.")
    pack = _article(8, "Farkaspár a Mecsekben", "A farkasok Komló határában élnek.")
    senses = [{"farkas", "farkasok"}]
    assert not _common_noun(surname, senses) and _common_noun(pack, senses)


def test_neighbouring_english_words_are_read_as_the_hungarian_compound_the_articles_write():
    from qa.kinds.translated import about, compounds, senses

    articles = [
        _article(11, "46 darabos bronzkori kincset talált egy fémkeresős Tolna határában", "A kincslelet a múzeumba került."),
        _article(12, "Szántás közben fordult ki a földből a nagyatádi bronzkori kincs", "A kincset a gazda találta meg."),
        _article(13, "Bronzérmet nyert a kardvívó", "A versenyen 208 vívó indult."),
    ]
    library = _Library(articles)
    words = library.postings()[0]
    # "Bronze Age" is no entry, and "kor" alone is no start of "bronzkori": joined, it is
    readings = compounds(senses("Bronze Age treasure finds"), words)
    assert any(frozenset({"bronzkor"}) in r for r in readings) and len(readings) == 4
    often, once = about(library, "Bronze Age treasure finds", articles)
    assert set(often) | set(once) == {"a11", "a12"}


def test_an_english_word_in_title_case_is_no_name():
    from qa.kinds.topic_names import topic_names
    from qa.planner import Request

    counts = Counter({("bronzermet", False): 1, ("tolna", True): 2, ("kiskunsagi", True): 1})
    request = Request("Which articles are about Bronze Age treasure finds?", "Which articles are about Bronze Age treasure finds?",
                      "collection", "en", None, None, (), "Bronze Age treasure finds")
    # "bronzérmet" starts with "bronze" but is no name; "Tolna" is one the collection writes
    assert topic_names(request, counts) == []
    request = Request("Which articles are about Tolna?", "Which articles are about Tolna?", "collection", "en", None, None, (), "Tolna")
    assert topic_names(request, counts) == ["tolna"]


def test_an_english_adjective_of_a_country_is_no_name():
    from qa.kinds.topic_names import topic_names
    from qa.planner import Request

    # the collection writes "Hungary" only in a firm's name ("ReCell Hungary Kft."), "magyar" in lower case
    counts = Counter({("hungary", True): 1, ("recell", True): 1, ("tisza", True): 3, ("magyar", False): 9})
    q = "How did the reporting on microplastic pollution in Hungarian rivers develop?"
    request = Request(q, q, "timeline", "en", None, None, ("Hungarian",), "reporting microplastic pollution Hungarian rivers")
    assert topic_names(request, counts) == []
    # a river the collection writes is still one
    q = "What happened with the Hungarian section of the Tisza?"
    request = Request(q, q, "timeline", "en", None, None, ("Hungarian", "Tisza"), "Hungarian section Tisza")
    assert topic_names(request, counts) == ["tisza"]


def test_an_english_count_s_thing_is_read_as_a_noun():
    from qa.kinds.followed import counted
    from qa.planner import Request

    # "the number of finds" counts "lelet" and "tárgy", not the verb "to find" ("talál", "meglel")
    assert "talal" in bilingual.hungarian("finds") and "talal" not in bilingual.hungarian("finds", verbs=False)
    question = "How did the number of finds from the Szigetvár powder store grow over time?"
    things = counted(Request(question, question, "timeline", "en", None, None, (), "finds Szigetvár powder store"))
    assert {"lelet", "targy"} <= things
