"""A story follows the damage it reports as it is revised, in a period too; the order of events
asked with a plural past is a timeline: the real e5 model over the twenty-ninth dev corpus (slow)."""

import pytest

from devcorpus import corpus_fixture

pytestmark = pytest.mark.slow


dev29 = corpus_fixture("dev29")


def test_a_story_follows_its_damage_as_it_is_revised(dev29):
    answer = dev29.ask("Mi történt időrendben a keceli vasúti átjáró ügyében?")
    assert answer.kind == "timeline"
    for first, then in (("120 millió", "185 millió"), ("185 millió", "196 millió")):
        assert first in answer.text and then in answer.text, answer.text
        assert answer.text.index(first) < answer.text.index(then)


def test_a_period_s_timeline_follows_it_too(dev29):
    answer = dev29.ask("Mi történt a keceli átjáró ügyében február és május között?")
    assert answer.kind == "timeline" and "120 millió" in answer.text and "185 millió" in answer.text, answer.text
    assert "196 millió" not in answer.text


def test_where_things_were_built_and_in_what_order_is_a_timeline(dev29):
    answer = dev29.ask("Hol épültek energiatárolók, és milyen sorrendben írtak róluk?")
    assert answer.kind == "timeline"
    assert answer.text.index("Bátaszék") < answer.text.index("izsáki"), answer.text
