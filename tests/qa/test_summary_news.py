"""What a summary counts as news: figures it has not given yet, topic words that are not
the story's own name, and how many sentences a story or one article gives."""

import numpy as np

from qa.kinds import summary
from qa.kinds.salience import news_facts, topic_news


def test_a_sentence_giving_a_new_figure_beats_one_repeating_a_given_figure():
    relevance = np.array([1.0, 1.0, 1.0])
    bags = [frozenset({"varos", "300"}), frozenset({"kormany", "300"}), frozenset({"munka", "14"})]
    news = [frozenset({"300"}), frozenset({"300"}), frozenset({"14"})]
    # The first is taken: the second repeats its figure, the third gives a new one.
    _, best = summary._most_telling(relevance, bags, [0], [], news, news[0])
    assert best == 2
    # Without the figures, the tie goes to the earlier sentence.
    assert summary._most_telling(relevance, bags, [0], [])[1] == 1


def test_new_figures_count_up_to_a_cap():
    relevance = np.array([1.0, 1.05])
    bags = [frozenset({"a"}), frozenset({"b"})]
    many = frozenset({"1", "2", "3", "4", "5", "6"})
    score, best = summary._most_telling(relevance, bags, [], [], [many, frozenset({"7", "8", "9"})])
    # Six new figures weigh no more than three: the more central sentence with three wins.
    assert best == 1 and score == 1.05 + summary._MAX_NEW * summary._NEW_FACT


def test_news_facts_are_the_figures_in_digits_not_a_past_century_s_year():
    assert news_facts("A 2025-ös felújítás 3,8 milliárd forintba került, 12 tonnás a híd.") == {"2025", "3,8", "12"}
    assert news_facts("Az 1896-ban épült híd új lett.") == frozenset()
    assert news_facts("Szabó Tamás szerint a kár jelentős.") == frozenset()
    # a figure written with a thousands space is the same figure written without one
    assert news_facts("Tavaly 3 400 oltást adtak be.") == news_facts("Idén is 3400 oltás jut.") == {"3400"}


def test_a_topic_word_that_most_articles_write_in_some_form_is_the_story_s_own():
    # "ozd" ("ózdi") and "kanya" ("kanyaró") are in every article, whatever their ending;
    # "vege" ("véget ért") only in the last one: that is what the topic asks beyond the story.
    articles = [frozenset({"ozdon", "kanyaros", "beteg"}), frozenset({"ozdi", "kanyaro", "ovoda"}),
                frozenset({"ozdon", "kanyarojarvany", "veget", "ert"})]
    assert topic_news(frozenset({"ozd", "kanya", "vege"}), articles) == {"vege"}
    assert topic_news(frozenset({"ozd"}), articles[:1]) == {"ozd"}


def test_a_story_gives_about_two_sentences_an_article_and_a_short_one_more_each():
    assert summary.story_budget(5) == (10, 3) and summary.story_budget(2) == (10, 5)
    assert summary.story_budget(6) == (10, 3)
    # One article: six sentences, one more for each fifteen beyond its first, up to seven.
    assert summary.one_article_budget(10) == 6 and summary.one_article_budget(27) == 7
