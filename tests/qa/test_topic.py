"""Which articles a kind answers from: a topic's names, however they are typed."""

from index import Article
from qa.kinds.topic import case_counts, name_key, written_as_name


def article(text: str, title: str = "Cím") -> Article:
    return Article("a", title, "2025-05-01", 20250501, "", "", "", text)


COUNTS = case_counts([
    article("Új hidat építenek Mezőtúron. A mezőtúri képviselők szerint Mezőtúr régi hídja rossz. "
            "A mezőgazdasági gépek is kerülnek. Soproni VSE edzője Sopronban él."),
    article("A híd átadásán Mezőtúr polgármestere beszélt. A polgármester szerint a híd kész."),
])


def test_a_name_key_ends_where_the_collections_name_forms_part():
    assert name_key("mezőtúri", COUNTS) == name_key("mezotur", COUNTS) == name_key("Mezőtúron", COUNTS) == "mezotur"
    assert name_key("Soproni", COUNTS) == "sopron"
    assert not "mezogazdasagi".startswith(name_key("mezotur", COUNTS))
    assert name_key("Békéscsaba", COUNTS) == "bekescs"  # no form in the collection: all but three letters


def test_lower_case_place_words_are_names_common_words_are_not():
    assert written_as_name("mezőtúri", COUNTS) and written_as_name("mezotur", COUNTS)
    assert not written_as_name("polgármester", COUNTS)
    assert not written_as_name("híd", COUNTS) and not written_as_name("2025", COUNTS)
