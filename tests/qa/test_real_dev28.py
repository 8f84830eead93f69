"""A story's timeline dates what happened and follows its sums before its hectares: the real
e5 model over the twenty-eighth dev corpus (slow)."""

import pytest

from devcorpus import corpus_fixture

pytestmark = pytest.mark.slow


dev28 = corpus_fixture("dev28")


def test_an_event_told_without_its_day_is_told_with_the_sentence_naming_it(dev28):
    answer = dev28.ask("Sorold fel időrendben, mi történt a kadarkúti tőzegtűz ügyében!")
    assert answer.kind == "timeline"
    # "Hivatalosan is véget ért … a tőzegtűz." leads the last article; the next sentence says when
    assert "Hivatalosan is véget ért" in answer.text and "szeptember 12-én jelentette be" in answer.text


def test_a_story_s_sums_are_followed_before_its_measures(dev28):
    answer = dev28.ask("What happened with the Kadarkút peat fire between May and September 2025?")
    assert answer.kind == "timeline" and "180 millió" in answer.text and "294 millió" in answer.text
    assert answer.text.index("180 millió") < answer.text.index("294 millió")


def test_an_english_comparison_of_two_places_summarises_both(dev28):
    answer = dev28.ask("Compare the two poaching cases, at Csákánydoroszló and at Lábod.")
    assert answer.kind == "summary"
    assert "Csákánydoroszló" in answer.text and "lábodi" in answer.text
    assert {c.passage.article_id for c in answer.citations} >= {"ab08_csakanydoroszlo_orvvadaszat_gimszarvas.md", "ab09_labod_orvvadaszat_dambikak.md"}
