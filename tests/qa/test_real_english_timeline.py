"""An English timeline follows what it names beyond its story, as the story writes it in
Hungarian: the real e5 model over the twenty-fifth dev corpus (slow)."""

import re

import pytest

from devcorpus import assistant_over
from qa import bilingual

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")]


@pytest.fixture(scope="module")
def dev25(tmp_path_factory):
    return assistant_over(tmp_path_factory, "dev25")


def test_an_english_deadline_timeline_gives_each_article_s_due_date(dev25):
    english = dev25.ask("How did the deadline for the new gym in Bicske shift over the year?")
    hungarian = dev25.ask("Hogyan csúszott a bicskei tornaterem átadásának határideje az év során?")
    for answer in (english, hungarian):
        assert answer.kind == "timeline"
        at = [answer.text.find(day) for day in ("szeptember 1-jére", "október 31-ig", "november 21-én")]
        assert all(i >= 0 for i in at) and at == sorted(at), answer.text
        assert {int(m) for m in re.findall(r"\[(\d+)\]", answer.text)} == {c.marker for c in answer.citations}
