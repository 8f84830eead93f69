"""English question words in Hungarian, from FreeDict's dictd files, and how the chooser reads them."""

import gzip

import pytest

from qa import bilingual
from qa.chooser import features
from dictd import code as _code
from dictd import pair
from tests.qa.test_chooser import FLOORS, _sentences

def _dictd(tmp_path, entries: dict[str, str]):
    """A dictd pair as FreeDict ships it, written under tmp_path."""
    index, data = pair(entries)
    (tmp_path / "d.index").write_bytes(index)
    (tmp_path / "d.dict.dz").write_bytes(data)
    return tmp_path / "d.index", tmp_path / "d.dict.dz"


def test_the_dictd_files_are_read_with_their_letters_mended_and_glosses_left_out(tmp_path):
    index, data = _dictd(tmp_path, {
        "00-database-info": "about the dictionary\n",
        "greenhouse": "greenhouse /ɡɹˈiːnhaʊs/\n1. melegház\n2. üvegház\n",
        "to heat": "to heat /hˈiːt/\n1. fût\n2. megmelegít vmit\n3. tûzbe hoz (ételt)\n4. -hevítés\n",
        "mayor": "mayor /mˈeə/\nvárosi tanács legfõbb választott vezetôje\n",
    })
    table = bilingual.parse(index, data)
    assert table["greenhouse"] == ("melegház", "üvegház")
    # ô/û stood in for ő/ű; "vmit" and a remark in brackets are no words of a sentence
    assert table["to heat"] == ("fűt", "megmelegít", "tűzbe hoz")
    # a gloss of many words is not a translation; the database's own entries are none
    assert "mayor" not in table and not any(k.startswith("00-database") for k in table)


def test_an_english_question_ranks_its_candidates_by_the_hungarian_of_its_words(monkeypatch):
    table = {"greenhouse": ("üvegház",), "to heat": ("fűt",)}
    monkeypatch.setattr(bilingual, "dictionary", lambda: table)
    bilingual.hungarian.cache_clear()
    try:
        groups = bilingual.focus_groups("How will the Zalaszentgrót greenhouse be heated?")
        assert len(groups) == 2  # greenhouse; heated through its lemma's verb; the name left out
        heats = "Az üvegházat a város alatti termálvízzel fűtik majd."
        costs = "A beruházás 5,6 milliárd forintba kerül, az üvegház kilenc hektáros lesz."
        text = f"{costs} {heats}"
        ranked = _sentences("Üvegház épül Zalaszentgróton", text, {costs: 0.86, heats: 0.84})
        f = {s.text: x for s, x in zip(ranked, features("How will the Zalaszentgrót greenhouse be heated?", ranked, FLOORS))}
        # against each other: the sentence holding both words leads
        assert f[heats]["rel_focus_sentence"] == 0.0 and f[costs]["rel_focus_sentence"] == -0.5
        # but never absolutely: a dictionary's wrong senses must not lower every English answer
        assert f[heats]["focus_sentence"] == f[costs]["focus_sentence"] == 1.0
    finally:
        bilingual.hungarian.cache_clear()


def test_without_the_dictionary_english_questions_are_scored_by_meaning_only(monkeypatch):
    monkeypatch.setattr(bilingual, "dictionary", lambda: {})
    bilingual.hungarian.cache_clear()
    try:
        assert bilingual.focus_groups("How will the greenhouse be heated?") == []
    finally:
        bilingual.hungarian.cache_clear()


@pytest.mark.skipif(not bilingual.dictionary(), reason="dict-freedict-eng-hun is not installed (scripts/setup.sh installs it)")
def test_the_installed_dictionary_knows_news_words():
    bilingual.hungarian.cache_clear()
    # as a sentence writes them, with their endings
    for english, hungarian in (("heated", "fűtik"), ("earthquake", "földrengésben"), ("mayor", "polgármestere"), ("demolished", "lebontani")):
        assert bilingual.share(bilingual.focus_groups(english), bilingual.forms(hungarian)) == 1.0, english


def _installed(tmp_path, monkeypatch, index: bytes, data: bytes):
    """The dictd pair in a place of its own, its parse cached under tmp_path."""
    place = tmp_path / "dictd"
    place.mkdir()
    (place / f"{bilingual.NAME}.index").write_bytes(index)
    (place / f"{bilingual.NAME}.dict.dz").write_bytes(data)
    monkeypatch.setattr(bilingual, "PLACES", (place,))
    monkeypatch.setattr(bilingual, "CACHE", tmp_path / "cache")
    bilingual.dictionary.cache_clear()
    return place


def test_a_miswritten_index_line_loses_its_entry_not_the_dictionary(tmp_path, monkeypatch):
    body = b"house\n1. h\xc3\xa1z\n"
    index = b"caf\xe9\tA\tB\nbad\tA!\tB\nhouse\tA\t" + _code(len(body)).encode() + b"\n"
    _installed(tmp_path, monkeypatch, index, gzip.compress(body))
    try:
        assert bilingual.dictionary()["house"] == ("ház",)
    finally:
        bilingual.dictionary.cache_clear()


def test_a_spoilt_download_or_cache_leaves_english_questions_as_before(tmp_path, monkeypatch):
    _installed(tmp_path, monkeypatch, b"house\tA\tK\n", b"not gzip")
    try:
        assert bilingual.dictionary() == {}
        # a cache spoilt in a way pickle reports as a missing module is parsed again
        body = b"house\n1. h\xc3\xa1z\n"
        place = tmp_path / "dictd"
        (place / f"{bilingual.NAME}.dict.dz").write_bytes(gzip.compress(body))
        index = place / f"{bilingual.NAME}.index"
        index.write_bytes(b"house\tA\t" + _code(len(body)).encode() + b"\n")
        stat = index.stat()
        cached = tmp_path / "cache" / f"parsed-{bilingual._PARSE_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.pickle"
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(b"cnosuch\nthing\n.")
        bilingual.dictionary.cache_clear()
        assert bilingual.dictionary()["house"] == ("ház",)
        assert not list(cached.parent.glob("*.part"))
    finally:
        bilingual.dictionary.cache_clear()


def test_a_verb_whose_prefix_stands_after_it_is_also_read_joined():
    from qa.bilingual import forms

    held = forms("A darabot a Savaria Múzeumban állítják majd ki.")
    assert "kiallítjak" in held and "allítjak" in held
    # the prefix joins the verb before it, not a word across two small words
    assert "kiez" not in forms("Ez az, ami ki")


def test_the_hungarian_english_dictionary_fills_the_english_words_the_first_lacks(tmp_path, monkeypatch):
    place = _installed(tmp_path, monkeypatch, *pair({"house": "house\n1. ház\n", "pack": "pack\n1. falka\n2. csomag\n"}))
    reverse = _dictd(tmp_path, {
        "farkas": "farkas\nwolf, wolves\n",
        "nőfaló": "nõfaló\nlady-killer, wolf\n",  # "wolf" only as a later sense
        "falka": "falka\npack, herd\n",
        "brutális férfi": "brutális férfi\nwolf\n",  # a gloss, not a word
    })
    for path, suffix in zip(reverse, (".index", ".dict.dz")):
        path.rename(place / f"{bilingual.REVERSE}{suffix}")
    stale = tmp_path / "cache" / "parsed-1-10-20.pickle"  # an earlier version's parse
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"old")
    try:
        table = bilingual.dictionary()
        assert table["wolf"] == ("farkas",) and "farkas" in bilingual.hungarian("wolves")  # by its lemma
        # a word the English–Hungarian dictionary has keeps its own senses only
        assert table["pack"] == ("falka", "csomag") and table["house"] == ("ház",)
        # cached under both files' sizes and times
        assert len(list((tmp_path / "cache").glob(f"parsed-{bilingual._PARSE_VERSION}-*-*-*-*.pickle"))) == 1
        assert not stale.exists()
    finally:
        bilingual.dictionary.cache_clear()
        bilingual.hungarian.cache_clear()
