import json

import pytest

from eval.questions import QuestionFileError, load_questions
from paths import ROOT


def write(tmp_path, *lines):
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "1", "question": "Hol?", "answers": ["Peking"]})


@pytest.mark.parametrize(
    "bad, message",
    [
        ("{not json", r"q.jsonl line 2: not valid JSON"),
        ('["a list"]', r"q.jsonl line 2: expected a JSON object, got list"),
        ('{"question": "Hol?", "answers": ["x"]}', r"q.jsonl line 2: 'id' is required"),
        ('{"id": "2", "question": "Hol?"}', r"q.jsonl line 2: an answerable question needs 'answers'"),
        ('{"id": "2", "question": "Hol?", "answers": "Peking"}', r"q.jsonl line 2: 'answers' must be a list"),
        ('{"id": "2", "question": "Hol?", "answerable": "no"}', r"q.jsonl line 2: 'answerable' must be true or false"),
        ('{"id": "2", "question": "Hol?", "answers": ["x"], "history": [{"role": "bot", "content": "x"}]}', r"q.jsonl line 2: 'history' must be"),
        ('{"id": "2", "question": "Hol?", "answers": ["x"], "typo": 1}', r"q.jsonl line 2: unknown field\(s\) typo"),
        (GOOD, r"q.jsonl line 2: duplicate id '1'"),
        ('{"id": "2", "question": "Foglald össze!", "kind": "summry"}', r"q.jsonl line 2: 'kind' must be one of fact, summary, timeline, collection, chat, got 'summry'"),
        ('{"id": "2", "question": "Foglald össze!", "kind": "summary", "key_facts": "Peking"}', r"q.jsonl line 2: 'key_facts' must be a list of non-empty strings"),
        ('{"id": "2", "question": "Foglald össze!", "kind": "summary", "key_facts": ["Peking", " "]}', r"q.jsonl line 2: 'key_facts' must be a list of non-empty strings"),
        ('{"id": "2", "question": "Mi történt?", "kind": "timeline", "key_facts": ["a", "b"], "ordered": "yes"}', r"q.jsonl line 2: 'ordered' must be true or false"),
        ('{"id": "2", "question": "Mi történt?", "kind": "timeline", "key_facts": ["a"], "ordered": true}', r"q.jsonl line 2: 'ordered' needs at least two 'key_facts'"),
        ('{"id": "2", "question": "Hol?", "kind": "fact", "key_facts": ["x"]}', r"q.jsonl line 2: an answerable question needs 'answers'"),
    ],
)
def test_malformed_lines_are_named(tmp_path, bad, message):
    with pytest.raises(QuestionFileError, match=message):
        load_questions(write(tmp_path, GOOD, bad))


def test_kinds_other_than_fact_may_have_no_answers(tmp_path):
    lines = [
        {"id": "s", "question": "Foglald össze a cikkeket!", "kind": "summary", "key_facts": ["Peking", "Lavrov"]},
        {"id": "t", "question": "Hogyan alakult?", "kind": "timeline", "key_facts": ["július", "szeptember"], "ordered": True},
        {"id": "c", "question": "Szia!", "kind": "chat"},
    ]
    summary, timeline, chat = load_questions(write(tmp_path, GOOD, *(json.dumps(x, ensure_ascii=False) for x in lines)))[1:]
    assert (summary.kind, summary.key_facts, summary.ordered, summary.answers) == ("summary", ("Peking", "Lavrov"), False, ())
    assert timeline.ordered and timeline.line == 3
    assert (chat.kind, chat.key_facts) == ("chat", ())
    assert load_questions(write(tmp_path, GOOD))[0].kind == "fact"


def test_the_projects_own_set_is_valid_and_big_enough():
    questions = load_questions(ROOT / "eval" / "questions.jsonl")
    assert len(questions) >= 50
    assert sum(not q.answerable for q in questions) >= 10
    assert sum(q.category == "unanswerable-close" for q in questions) >= 5
    assert sum(bool(q.history) for q in questions) >= 4
    assert sum(q.category == "english" for q in questions) >= 4


@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_corpus_sets_are_valid(split):
    folder = ROOT / "eval" / "corpus"
    if not (folder / f"requests-{split}.jsonl").exists():
        pytest.skip("eval/corpus is not in this checkout")
    facts, requests = load_questions(folder / f"questions-{split}.jsonl"), load_questions(folder / f"requests-{split}.jsonl")
    assert not {q.id for q in facts} & {q.id for q in requests}
    assert {q.kind for q in requests} == {"summary", "timeline", "collection", "chat"}
    assert all(q.key_facts for q in requests if q.kind in ("summary", "timeline", "collection"))
