"""Faults of round 36: a listing of one article named an order ("a legfrissebbtől")."""


def test_a_listing_of_one_article_names_no_order(assistant):
    one = assistant.ask("Milyen cikkek jelentek meg 2025 szeptemberében?")
    assert one.kind == "collection" and "**1 cikk**" in one.text, one.text
    assert "legfrissebbtől" not in one.text
    both = assistant.ask("Milyen cikkek vannak?")
    assert "**2 cikk**, a legfrissebbtől:" in both.text
    english = assistant.ask("Which articles appeared in September 2025?")
    assert "**1 article**" in english.text and "newest first" not in english.text, english.text
