"""What a timeline item holds and how the items and the header are ordered and worded."""

from index import Article
from qa.kinds.salience import facts
from qa.kinds.timeline import counted, gives, in_order, span
from qa.planner import Request


def request(question: str, topic: str) -> Request:
    return Request(question, question, "timeline", "hu", None, None, (), topic)


def test_the_header_gives_a_span_once_without_repeating_year_or_date():
    assert span("2025-07-18", "2025-08-12", "hu") == "2025. július 18. – augusztus 12."
    assert span("2025-07-18", "2025-08-12", "en") == "18 July – 12 August 2025"
    assert span("2024-12-30", "2025-01-02", "hu") == "2024. december 30. – 2025. január 2."
    assert span("2025-09-02", "2025-09-02", "hu") == "2025. szeptember 2."


def test_items_go_by_date_ties_by_id_and_undated_articles_last():
    def a(article_id, published, n):
        return Article(article_id, "t", published, n, "", "", "", "x")

    found = [a("c", "", 0), a("b", "2025-08-12", 20250812), a("a", "2025-08-12", 20250812), a("d", "2025-07-01", 20250701)]
    assert [x.article_id for x in in_order(found)] == ["d", "a", "b", "c"]
    assert [x.article_id for x in in_order(list(reversed(found)))] == ["d", "a", "b", "c"]


def test_a_followed_count_names_the_thing_counted_in_any_form():
    things = counted(request("Hogyan nőtt az oltások száma az ózdi járvány alatt?", "oltások száma ózdi járvány alatt"))
    assert things and all(t.startswith("oltas") for t in things)
    assert gives("Az oltási kampányban eddig 3100 embert oltottak be.", things)
    assert gives("Három hónap alatt 3400 védőoltást adtak be.", things)
    assert not gives("Az oltási kampány folytatódik.", things)  # no figure
    firefighters = counted(request("Hány tűzoltó dolgozott a tűznél?", "tűzoltó tűznél"))
    assert gives("A tűz oltásán 120 tűzoltó dolgozik.", firefighters)
    assert not gives("A tűz már 300 hektáron terjedt el.", firefighters)
    assert counted(request("Mi történt időrendben a tűzzel?", "tűzzel")) == frozenset()


def test_what_changed_is_a_new_figure_or_a_new_person_not_a_place_named_again():
    before = facts("Lemondott Varga Tamás, a Zalai Légikikötő Kft. vezetője, 38 ezer utas után.")
    assert "tamas" in before and "38" in before and not any(f.startswith("zalai") for f in before)
    assert facts("A testület Kelemen Judit igazgatót nevezte ki a helyére.") - before == {"judit"}
    assert not facts("A repülőtér Sármelléken van.")
