import pytest

from fakes import FakeEmbedding
from index import Passage
from qa import REFUSAL, Hit, Settings
from qa.citations import CitationChecker, is_refusal
from qa.evidence import SentenceScorer

P1 = "A két vezető Kína katonai parádéján találkozott Pekingben. Megerősítették a jó viszonyt."
P2 = "A 23. cikk szerint a szerződés hatálya határozatlan ideig fennmarad. A felek katonai segítséget ígértek."


def hits() -> list[Hit]:
    passages = [
        Passage("p1", "a.txt", P1, 100, 100 + len(P1), "Első cikk", "2025-09-03", 20250903),
        Passage("p2", "b.txt", P2, 0, len(P2), "Második cikk", "2025-07", 20250701),
    ]
    return [Hit(p, 1.0 / n, n) for n, p in enumerate(passages, 1)]


@pytest.fixture
def checker():
    return CitationChecker(SentenceScorer(FakeEmbedding()), Settings())


def test_markers_become_citations_with_quotes_and_offsets(checker):
    out = checker.check("A szerződés hatálya határozatlan ideig fennmarad [2]. A vezetők Kína katonai parádéján találkoztak [1].", hits(), "hu")
    assert not out.refused
    # Renumbered by first use: passage 2 is cited first, so it becomes [1].
    assert out.text == "A szerződés hatálya határozatlan ideig fennmarad [1]. A vezetők Kína katonai parádéján találkoztak [2]."
    first, second = out.citations
    assert (first.marker, first.passage.passage_id) == (1, "p2")
    assert first.quote == "A 23. cikk szerint a szerződés hatálya határozatlan ideig fennmarad."
    assert P2[first.quote_start : first.quote_end] == first.quote  # p2 starts at 0 in its article
    assert second.quote_start == 100 and second.quote.startswith("A két vezető Kína")


def test_marker_after_the_full_stop_stays_with_its_sentence(checker):
    out = checker.check("A szerződés hatálya határozatlan ideig fennmarad. [2]", hits(), "hu")
    assert out.text == "A szerződés hatálya határozatlan ideig fennmarad [1]."


def test_marker_pointing_at_nothing_is_dropped_and_claim_repointed(checker):
    out = checker.check("A szerződés hatálya határozatlan ideig fennmarad [7].", hits(), "hu")
    assert [c.passage.passage_id for c in out.citations] == ["p2"]
    assert "[7]" not in out.text


def test_unsupported_sentence_is_removed_and_reported(checker):
    raw = "A vezetők Kína katonai parádéján találkoztak [1]. A holdra szállás ötven évvel ezelőtt történt meg [1]."
    out = checker.check(raw, hits(), "hu")
    assert out.text == "A vezetők Kína katonai parádéján találkoztak [1]."
    assert out.unsupported == ("A holdra szállás ötven évvel ezelőtt történt meg.",)


def test_invented_number_is_not_shown_as_cited_fact(checker):
    out = checker.check("A szerződés 45. cikke szerint hatálya határozatlan ideig fennmarad [2].", hits(), "hu")
    assert out.refused and out.unsupported and out.text == REFUSAL["hu"]


def test_uncited_but_supported_sentence_gets_a_source(checker):
    out = checker.check("A két vezető Kína katonai parádéján találkozott.", hits(), "hu")
    assert out.text == "A két vezető Kína katonai parádéján találkozott [1]." and out.citations[0].passage.passage_id == "p1"


def test_refusal_is_recognised_in_either_language(checker):
    assert is_refusal(REFUSAL["en"]) and is_refusal(" " + REFUSAL["hu"].upper())
    out = checker.check(REFUSAL["en"], hits(), "en")
    assert out.refused and out.citations == () and out.text == REFUSAL["en"]
