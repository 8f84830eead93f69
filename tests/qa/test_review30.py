"""Review of round 30 (commits 2a1e3ca, 369a19b): each test pins a case where the new code
does not do what its commit message, comment or docstring says. Fast: no model is loaded."""

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from dictd import pair
from index import Article
from qa import bilingual
from qa.planner import Planner, topic_of

TODAY, LATEST, EARLIEST = date(2026, 11, 25), date(2025, 11, 8), date(2025, 3, 6)


def kind(question: str) -> str:
    # No vote: the kind read from the wording's cues alone, as tests/qa/test_request_cues.py does.
    return Planner(None).plan(question, question, today=TODAY, latest=LATEST, earliest=EARLIEST).kind


# --- planner.py: "milyen sorrendben" with two names ------------------------------------------

@pytest.mark.parametrize("question", [
    # one event's name of two capitalised words, not two places
    "Milyen sorrendben indulnak a versenyzők a Mecsek Kupán?",
    "In which order do the riders start the Tour de Hongrie?",
])
def test_which_order_with_one_name_of_two_words_is_still_a_fact(question):
    # planner.py: `len(names(question)) >= 2` counts words, not places ("two places" in the comment)
    assert kind(question) == "fact"


# --- request_cues.py: "mi" added to _LIST --------------------------------------------------

@pytest.mark.parametrize("question", [
    "Mi derül ki a cikkekből a hídfelújításról?",
    "Mi áll a cikkekben a hídfelújításról?",
])
def test_mi_beside_an_article_noun_is_no_collection_request(question):
    # what the articles say is asked, not which articles there are (the comment above
    # `structure`'s collection cue); before "mi" joined _LIST these were fact questions
    assert kind(question) != "collection"


# --- request_cues.py: the assistant's language is chat -----------------------------------------

@pytest.mark.parametrize("question", [
    "Beszélsz angolul?",
    "Válaszolhatsz angolul is?",
    "Do you speak English?",
    "Can you answer me in English?",
])
def test_the_usual_ways_of_asking_the_assistants_language_are_chat(question):
    # the new ABOUT_ME branch needs the language word before the verb ("angolul … válaszolni")
    # and "in" right after the verb; the commonest phrasings put them otherwise
    assert kind(question) == "chat"


# --- planner.py: _HYPHEN_ENDING ------------------------------------------------------------------

@pytest.mark.parametrize("question, topic", [
    # the instrumental assimilates to the consonant before it: -lal/-lel, -mal/-mel, -szal/-szel, -cal/-cel
    ("Mi történt a MOL-lal?", "MOL"),
    ("Mi történt az IBM-mel?", "IBM"),
    ("Mi történt a Fidesz-szel?", "Fidesz"),
    ("Mi történt a covid-19-cel?", "covid 19"),
])
def test_an_assimilated_case_ending_after_a_hyphen_is_no_word_of_the_topic(question, topic):
    assert topic_of(question) == topic


# --- running.py: _owner ----------------------------------------------------------------------------

def test_a_verb_before_a_sum_is_not_what_the_sum_is_of():
    from qa.kinds.running import counts_in

    # `_owner` promises "the noun a sum is of, written before it with its possessive ending";
    # it takes any lower-case word ending in -a/-e, past-tense verbs included
    found = counts_in("Az önkormányzat kifizette 240 millió forint kártérítést.")
    assert not [k for k in found if k.startswith("forin ")], found


# --- translated.py: _common_noun -------------------------------------------------------------------

def test_a_common_noun_opening_a_sentence_is_still_a_common_noun():
    from qa.kinds.translated import _common_noun

    # every sentence opens with a capital: the one mention of wolves here is not a surname
    pack = Article("a9", "Vadkamerák a Mecsekben", "2025-05-01", 20250501, "", "", "",
                   "Farkasokat láttak a Komló melletti erdőben. A vadászok szerint a falka hat állatból áll.")
    assert _common_noun(pack, [{"farkasokat", "farkas"}])


# --- bilingual.py ------------------------------------------------------------------------------------

def test_a_failed_read_of_the_reverse_dictionary_is_not_cached_as_the_dictionary(tmp_path, monkeypatch):
    place = tmp_path / "dictd"
    place.mkdir()
    for name, entries in ((bilingual.NAME, {"house": "house\n1. ház\n"}), (bilingual.REVERSE, {"farkas": "farkas\nwolf, wolves\n"})):
        index, data = pair(entries)
        (place / f"{name}.index").write_bytes(index)
        (place / f"{name}.dict.dz").write_bytes(data)
    monkeypatch.setattr(bilingual, "PLACES", (place,))
    monkeypatch.setattr(bilingual, "CACHE", tmp_path / "cache")
    real = bilingual.parse
    calls = {"n": 0}

    def flaky(index, data, listed=False):
        if listed and calls["n"] == 0:  # one passing failure to read the Hungarian-English file
            calls["n"] += 1
            raise OSError("Too many open files")
        return real(index, data, listed)

    monkeypatch.setattr(bilingual, "parse", flaky)
    bilingual.dictionary.cache_clear()
    try:
        assert "wolf" not in bilingual.dictionary()  # the failure: "its words are left out"
        bilingual.dictionary.cache_clear()  # the next process
        # the pickle is keyed by both files, so the next process reads the partial parse back
        assert "wolf" in bilingual.dictionary()
    finally:
        bilingual.dictionary.cache_clear()
        bilingual.hungarian.cache_clear()


@pytest.mark.skipif(not (bilingual._installed(bilingual.NAME) and bilingual._installed(bilingual.REVERSE)),
                    reason="both FreeDict dictionaries are needed (scripts/setup.sh installs them)")
def test_the_docstrings_examples_are_filled_by_the_reverse_dictionary():
    # `dictionary`'s docstring: the English words the first lacks ("wolf", "hoof") gain the
    # Hungarian headwords the second gives them (it once said "september", which hun-eng lacks)
    bilingual.hungarian.cache_clear()
    try:
        assert "farkas" in bilingual.hungarian("wolf")
        assert bilingual.hungarian("hoof")
    finally:
        bilingual.hungarian.cache_clear()


# --- scripts/setup.sh ---------------------------------------------------------------------------------

SETUP = Path(__file__).resolve().parents[2] / "scripts" / "setup.sh"


@pytest.mark.skipif(shutil.which("bash") is None or Path("/usr/share/dictd/freedict-eng-hun.index").is_file()
                    or Path("/usr/share/dictd/freedict-hun-eng.index").is_file(),
                    reason="no bash, or a dictionary is installed system-wide (the step skips it)")
def test_when_only_the_reverse_dictionary_fails_the_setup_does_not_say_english_is_matched_by_meaning_only(tmp_path):
    block = re.search(r"^dict_dir=.*?^done$", SETUP.read_text(encoding="utf-8"), re.S | re.M).group(0)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "apt-get").write_text('#!/bin/sh\necho deb > "$3"_1.0_all.deb\n', encoding="utf-8")
    # the English-Hungarian package unpacks; the Hungarian-English one is cut short
    (bin_dir / "dpkg-deb").write_text(
        '#!/bin/sh\ncase "$2" in *eng-hun*) mkdir -p "$3/usr/share/dictd" && touch "$3/usr/share/dictd/freedict-eng-hun.index" '
        '"$3/usr/share/dictd/freedict-eng-hun.dict.dz"; exit 0 ;; esac\nexit 2\n', encoding="utf-8")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    script = (f'set -euo pipefail\ncache="{tmp_path}/cache"\nvenv="{tmp_path}/no-venv"\n'
              f'log() {{ echo "[setup] $*" >&2; }}\n{block}\necho finished\n')
    run = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert run.returncode == 0 and run.stdout.strip() == "finished", run.stderr
    assert (tmp_path / "cache" / "freedict" / "usr" / "share" / "dictd" / "freedict-eng-hun.index").is_file()
    # the English-Hungarian dictionary is there: English questions are still matched by their words
    assert "matched by meaning only" not in run.stderr, run.stderr
