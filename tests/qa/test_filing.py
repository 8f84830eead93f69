"""Articles filed by their source, and a source named beside a topic."""

from index import Article
from qa.kinds.filing import by_source, from_source


def article(article_id: str, source: str) -> Article:
    return Article(article_id, "Cím", "2025-05-01", 20250501, "", source, "", "Szöveg.")


def test_a_source_named_alone_files_every_article_of_it():
    wire, paper, file = article("a", "MTI"), article("b", "Zalai Hírlap"), article("c.md", "c.md")
    assert from_source("közölt MTI", wire) and not from_source("közölt MTI", paper)
    assert from_source("Zalai Hírlapban", paper) and not from_source("zalai repülőtér", paper)
    assert not from_source("x.md", file)
    assert by_source("közölt MTI", [wire, paper, file]) == ([wire], "")


def test_a_source_named_beside_a_topic_leaves_the_topic_to_search_its_articles_by():
    wire, paper = article("a", "MTI"), article("b", "Zalai Hírlap")
    assert by_source("MTI erdőtűzről", [wire, paper]) == ([wire], "erdőtűzről")
    assert by_source("közölt Zalai Hírlap repülőtérről", [wire, paper]) == ([paper], "repülőtérről")
    assert by_source("repülőtérről", [wire, paper]) == ([], "repülőtérről")


def test_a_word_that_only_begins_like_a_source_files_nothing():
    assert not from_source("nyugdíjpénztárak portfóliója", article("a1", "Portfolio"))
    assert not from_source("indexálás a tőzsdén", article("a1", "Index"))
    assert not from_source("a kisalföldi árvíz", article("a1", "Kisalföld"))
    # written as a name, or in lower case beside a word of filing, it is the source
    assert from_source("a Portfolio elemzései", article("a1", "Portfolio"))
    assert from_source("milyen cikkeket közölt az mti", article("a1", "MTI"))
    _, rest = by_source("a Zalai Hírlap a kórház kiadásairól", [article("a1", "Zalai Hírlap")])
    assert "kiadásairól" in rest  # a noun, not the verb of publishing
