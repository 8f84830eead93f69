"""Faults of round 36: a listing of one article named an order ("a legfrissebbtől"); an English
timeline followed nothing beyond its story ("the deadline" of a gym's story)."""

import pytest

from qa import bilingual
from qa.kinds.translated import as_written


def test_a_listing_of_one_article_names_no_order(assistant):
    one = assistant.ask("Milyen cikkek jelentek meg 2025 szeptemberében?")
    assert one.kind == "collection" and "**1 cikk**" in one.text, one.text
    assert "legfrissebbtől" not in one.text
    both = assistant.ask("Milyen cikkek vannak?")
    assert "**2 cikk**, a legfrissebbtől:" in both.text
    english = assistant.ask("Which articles appeared in September 2025?")
    assert "**1 article**" in english.text and "newest first" not in english.text, english.text


class _Sentence:
    def __init__(self, text):
        self.text = text


class _Story:
    def __init__(self, *texts):
        self.texts = texts

    def sentences(self, article):
        return [_Sentence(t) for t in self.texts[article]]


@pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")
def test_an_english_topic_s_words_are_read_as_the_story_writes_them():
    story = _Story(["A tornacsarnoknak október 31-ig kell elkészülnie."],
                   ["Három héttel a vállalt határidő után adták át.", "A határidőt a kivitelező nem tartotta."])
    written = as_written(story, [0, 1], "deadline new gym Bicske shift year")
    # "deadline" as "határidő", "gym" as the story's "tornacsarnok"; "shift" has too many senses
    # to mean one thing, "Bicske" is no word the dictionary knows
    assert "hatarido" in written and any(w.startswith("tornacsarn") for w in written)
    assert not any(w.startswith(("csere", "muszak", "valt")) for w in written)
    # a word none of whose senses the story writes gives nothing
    assert as_written(story, [0, 1], "orchestra") == frozenset()
