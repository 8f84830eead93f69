"""Faults found reviewing round 37 (each test fails on the round's code and says what is expected):
a sum's owner read from the word after "a/az", the plural past read by its lemma, the English
how-many nouns read through the dictionary, the softmax chooser's fit (scripts/calibrate.sh,
`python -m eval calibrate --dev-set`) and what the README says of the fit."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from qa.kinds.running import counts_in, followed
from qa.planner import fold
from qa.past_tense import past_event
from qa.slots import counted_en, counts
from tests.qa.test_request_cues import kind

ROOT = Path(__file__).resolve().parents[2]


# --- qa/kinds/running.py: whose sum it is -----------------------------------------------------


@pytest.mark.parametrize("sentence, thing", [
    # moving()'s own example: "a teljes költség 4,35 milliárd forint lesz" after 3,2 and 4,1 milliárd
    ("A teljes költség 4,35 milliárd forint lesz.", "forin kolts"),
    ("A teljes kár 196 millió forint volt.", "forin kar"),
    ("A várható kár 120 millió forint.", "forin kar"),
])
def test_a_sum_is_of_its_subject_with_an_adjective_between_the_article_and_the_noun(sentence, thing):
    """Wrong: `_owner` takes a subject only when "a/az" stands right before it, so "a teljes
    költség 4,35 milliárd forint" (an adjective between) is of nothing and a story's total cost
    and its damage are again followed as one "forin". Expected: the noun after the adjective
    owns the sum, as in "a kár 196 millió forint"."""
    assert thing in counts_in(sentence), counts_in(sentence)


@pytest.mark.parametrize("sentence", [
    "Az első 120 millió forintot már kifizették.",  # an ordinal: "forin elso"
    "A tavalyi 120 millió forint helyett idén több jut rá.",  # an adjective: "forin taval"
    "Az idén 120 millió forint jut a felújításra.",  # "az idén", this year: "forin id"
    "A pályázaton 120 millió forintot nyertek.",  # a noun in the superessive, where: "forin palya"
])
def test_a_word_after_the_article_that_is_no_subject_owns_no_sum(sentence):
    """Wrong: any lower-case word after "a/az" before a sum is read as the subject the sum is
    said of, so an ordinal ("az első 120 millió"), an adjective ("a tavalyi"), an adverb ("az
    idén") or a noun with a case ending ("a pályázaton") becomes a thing followed across the
    story. Expected: only a noun in the nominative owns the sum; these sums are of nothing."""
    assert set(counts_in(sentence)) == {"forin"}, counts_in(sentence)


@pytest.mark.parametrize("sentence, currency", [
    ("A cég 250 ezer eurót kért.", "euro"),
    ("A város 120 millió forintot kapott.", "forin"),
])
def test_a_sum_that_is_a_verb_s_object_is_not_its_subject_s(sentence, currency):
    """Wrong: the round's own test keeps "A cég előbb 150 ezer, majd 250 ezer eurót kért" of
    nothing ("a verb's object, of nothing named"), but only because "előbb" stands between:
    "A cég 250 ezer eurót kért" gives "euro ceg", "A város 120 millió forintot kapott" "forin
    varos" (the asker or receiver, not what the sum is of). Expected: an accusative sum
    ("eurót", "forintot") takes no subject as its owner."""
    assert set(counts_in(sentence)) == {currency}, counts_in(sentence)


def test_the_source_a_sum_is_told_by_is_not_its_owner():
    """Wrong: "A kár a biztosító szerint 196 millió forint." gives "forin bizto": the word
    after "a" nearest the sum is the source ("a biztosító szerint", skipped past "szerint" as a
    stopword), not the damage. Expected: the sum is the damage's ("forin kar"), never the
    source's."""
    found = counts_in("A kár a biztosító szerint 196 millió forint.")
    assert "forin kar" in found and "forin bizto" not in found, found


def test_a_sum_written_in_euro_as_an_adjective_is_followed_with_the_same_sum_in_euro():
    """Wrong: `_owner_after`'s own example, "a 2,4 milliárd eurós beruházás", is read as the
    thing "euros beruh" (the stemmer keeps "eurós" whole, where "forintos" gives "forin"), so a
    story writing "2,4 milliárd eurós beruházás" and then "a beruházás 2,6 milliárd euró" follows
    nothing, while the same story in forints follows "forin beruh". Expected: "euro beruh"."""
    assert followed([["A 2,4 milliárd forintos beruházás elkezdődött."], ["A beruházás végül 2,6 milliárd forint lett."]]) == ("forin beruh",)
    assert followed([["A 2,4 milliárd eurós beruházás elkezdődött."], ["A beruházás végül 2,6 milliárd euró lett."]]) == ("euro beruh",)


# --- qa/request_cues.py: a plural past, "követik egymást" -------------------------------------


@pytest.mark.parametrize("question", [
    "Milyen sorrendben születtek a döntések?",  # születik
    "Milyen sorrendben érkeztek a segélyszállítmányok a faluba?",  # érkezik
])
def test_the_plural_past_of_an_ik_verb_is_a_past_event(question):
    """Wrong: the plural past is read only as "the lemma and the past's ending" ("épültek" of
    "épül"), but an -ik verb's lemma keeps its -ik ("születik", "érkezik"), so "születtek",
    "érkeztek" never start with it and the order of what happened is answered as a fact.
    Expected: a past event, and the request a timeline."""
    assert past_event(fold(question), question) is True
    assert kind(question) == "timeline"


@pytest.mark.parametrize("question", [
    "Milyen sorrendben alakultak meg az egyesületek?",  # simplemma: "alakult"
    "Milyen sorrendben döntöttek a testületek a felújításról?",  # "döntött"
    "Milyen sorrendben zajlottak a lopások?",  # "zajlott"
])
def test_a_plural_past_whose_lemma_is_read_as_the_singular_past_is_a_past_event(question):
    """Wrong: simplemma gives many plural pasts the singular past as their lemma ("alakultak" ->
    "alakult", "döntöttek" -> "döntött"), leaving "ak"/"ek", which `_PLURAL_PAST` (t?t + ending)
    does not take, and the dictionary does not know these forms as verbs: the order of what
    happened is answered as a fact. Expected: a past event, and the request a timeline."""
    assert past_event(fold(question), question) is True
    assert kind(question) == "timeline"


@pytest.mark.parametrize("question", [
    "Hogyan követik egymást a temetői lopások?",
    "Milyen sorrendben követik egymást a lopások?",
])
def test_events_that_follow_each_other_now_are_a_timeline_too(question):
    """Wrong: the new cue reads only "követték/követte egymást" (the past), while "egymást
    követ…" is read in any tense, so "Hogyan követik egymást a temetői lopások?" is a fact.
    Expected: a timeline, as for "Hogyan követték egymást …"."""
    assert kind(question) == "timeline"


# --- qa/slots.py counted_en: what an English how-many question counts -------------------------


def test_how_many_of_the_counts_what_follows_of_the():
    """Wrong: `counted_en` stops at the first small word, and "of" follows "how many" at once:
    "How many of the passengers were injured?" counts nothing, so a sentence with "64 utas" is
    not told from one counting trains. Expected: as for "How many passengers were injured?"."""
    assert counted_en("How many of the passengers were injured?") == counted_en("How many passengers were injured?") == {"utas"}
    assert counts("A vonaton 64 utas utazott.", counted_en("How many of the passengers were on the train?"))


def test_the_verb_after_the_counted_noun_is_not_counted():
    """Wrong: the noun phrase runs up to three words, stopping only at a stopword, so the verb
    after the noun is read as counted: "How many doctors work there?" counts "munka", "dolog",
    "tevékenység" too, "How many teams qualified?" (teams: too many senses) counts the senses of
    "qualified" ("alkalmas", "képzett"), and "8 alkalmas jelölt" then counts teams. Expected:
    only the noun phrase's words are counted."""
    assert counted_en("How many doctors work there?") == counted_en("How many doctors are there?")
    assert not counts("A vizsgán 8 alkalmas jelölt volt.", counted_en("How many teams qualified for the final?"))


def test_a_counted_noun_with_an_accent_is_met_in_the_sentence():
    """Wrong: the dictionary's senses come with á/é already folded ("diak") and are stemmed so
    ("di"), while the sentence's words are stemmed as written ("diák" -> "dia"), so "How many
    students attend the school?" never counts "320 diák". Expected: the sentence counts the
    students."""
    assert counts("Az iskolába 320 diák jár.", counted_en("How many students attend the school?"))


# --- the fit: scripts/calibrate.sh, python -m eval calibrate ----------------------------------


def test_calibrate_sh_does_not_fit_on_the_sets_kept_back_to_read_unseen():
    """Wrong: scripts/dev-facts.sh and scripts/dev-followups.sh (both edited this round) keep
    dev26 and dev27 back, "read unseen only", and the README's tables call them never fitted on,
    but scripts/calibrate.sh skips only dev2, dev3 and dev30, so the shipped chooser is fitted on
    dev26 and dev27. Expected: calibrate.sh leaves out every set the scripts keep back (or the
    scripts stop calling them kept back)."""
    followups = (ROOT / "scripts" / "dev-followups.sh").read_text(encoding="utf-8")
    kept_back = set(re.search(r'case "\$label" in ([\w|]+)\)', followups).group(1).split("|"))
    run = subprocess.run(["bash", "scripts/calibrate.sh"], cwd=ROOT, env={"PATH": "/usr/bin:/bin", "PYTHON": "echo"},
                         capture_output=True, text=True, check=True)
    args = run.stdout.split()
    fitted = {Path(args[i + 1]).name for i, a in enumerate(args) if a == "--dev-set"}
    assert fitted and not fitted & kept_back, sorted(fitted & kept_back)


def test_calibrate_does_not_drop_articles_given_beside_dev_sets_only(tmp_path, monkeypatch):
    """Wrong: with no --questions, `python -m eval calibrate --dev-set DIR --articles MORE` (or
    --store) silently fits without MORE: --articles and --store are read only for --questions.
    Expected: a usage error (they go with --questions), before any store is built."""
    import eval.__main__ as cli

    folder = tmp_path / "dev"
    (folder / "articles").mkdir(parents=True)
    (folder / "questions.jsonl").write_text(json.dumps(
        {"id": "q1", "question": "Hány utas volt a vonaton?", "answers": ["64"], "answerable": True}) + "\n", encoding="utf-8")
    (tmp_path / "more").mkdir()

    class Built(Exception):
        pass

    def build(args):
        raise Built

    monkeypatch.setattr(cli, "prepared_settings", build)
    for extra in (["--articles", str(tmp_path / "more")], ["--store", str(tmp_path / "store")]):
        try:
            cli.main(["calibrate", "--dev-set", str(folder), *extra])
            stopped = False
        except SystemExit:
            stopped = True
        except Built:
            stopped = False
        assert stopped, f"{extra[0]} without --questions was ignored"


def test_by_file_leaves_a_dev_set_out_whole(tmp_path, monkeypatch):
    """Wrong: `--cv --by-file` leaves out each question FILE, so a --dev-set's questions.jsonl
    is measured on a chooser fitted on its followups.jsonl: the same set's writer, articles and
    (through the follow-ups' history) questions stay in the fit, though the README reads the
    figures as "leaving each of the 24 sets dev6 … dev29 out in turn" and says "a file's writer
    and habits stay out of the fit". Expected: with --dev-set, the set is what is left out (its
    questions and follow-ups under one source)."""
    import contextlib

    import eval.__main__ as cli
    import eval.calibrate as calibrate
    import eval.folds as folds

    folder = tmp_path / "dev"
    (folder / "articles").mkdir(parents=True)
    (folder / "questions.jsonl").write_text(json.dumps(
        {"id": "q1", "question": "Hány utas volt a vonaton?", "answers": ["64"], "answerable": True}) + "\n", encoding="utf-8")
    (folder / "followups.jsonl").write_text(json.dumps(
        {"id": "f1", "question": "És hányan sérültek meg?", "answers": ["kilencen"], "answerable": True,
         "history": [{"role": "user", "content": "Hány utas volt a vonaton?"}, {"role": "assistant", "content": "64 [1]."}]}) + "\n",
        encoding="utf-8")

    class Store:
        def articles(self):
            return []

    class Opened:
        store = Store()

    @contextlib.contextmanager
    def settings(args):
        yield None

    seen = {}
    monkeypatch.setattr(cli, "prepared_settings", settings)
    monkeypatch.setattr(cli.Assistant, "open", staticmethod(lambda settings=None: Opened()))
    monkeypatch.setattr(calibrate, "examples", lambda assistant, questions, cross=None, dump=None: [(q, [{}], [1]) for q in questions])
    monkeypatch.setattr(folds, "groups", lambda questions, articles: list(range(len(questions))))
    monkeypatch.setattr(calibrate, "cross_validate", lambda data, **kw: {})
    monkeypatch.setattr(calibrate, "leave_one_out", lambda data, sources, model: seen.setdefault("sources", list(sources)))
    cli.main(["calibrate", "--dev-set", str(folder), "--cv", "--by-file"])
    assert len(set(seen["sources"])) == 1, seen["sources"]


# --- README.md's chooser paragraph --------------------------------------------------------------


def test_the_readme_no_longer_says_the_later_dev_sets_stay_out_of_the_fit():
    """Wrong: the README's weak-point paragraph still says "Fact answers on articles no fit has
    seen (dev6 to dev28)" and "adding dev6 to dev9 to the fit made every other file's left-out
    accuracy worse, so they stay out", while its chooser paragraph and the shipped chooser are
    now fitted on every dev set but dev30. Expected: the paragraph says what the fit is now."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "so they stay out" not in text
    assert "no fit has seen (dev6" not in text
