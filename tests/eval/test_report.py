"""Dev and test side by side, through the CLI with a scripted assistant (no models)."""

import json

import eval.__main__ as cli
from qa import Answer


class ScriptedAssistant:
    """Answers "Hol?" with Peking, summarises with two facts, refuses the rest."""

    def ask(self, question, history=()):
        if question.startswith("Foglald"):
            return Answer(question, "Kim Pekingben járt. Lavrov Phenjanban.", (), False, kind="summary")
        if question == "Hol?":
            return Answer(question, "Pekingben.", (), False, confidence=0.8)
        return Answer(question, "Nem található.", (), True, confidence=0.2)


def write(path, *questions):
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions) + "\n", encoding="utf-8")
    return path


def test_dev_and_test_side_by_side(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "load_query_embedder", lambda settings: None)
    monkeypatch.setattr(cli.Assistant, "open", classmethod(lambda cls, settings=None, embed_model=None: ScriptedAssistant()))
    dev = write(tmp_path / "dev.jsonl",
                {"id": "d1", "question": "Hol?", "answers": ["Peking"], "category": "where"},
                {"id": "d2", "question": "Foglald össze!", "kind": "summary", "key_facts": ["Peking", "Lavrov"], "category": "summary"})
    test = write(tmp_path / "test.jsonl",
                 {"id": "t1", "question": "Hol?", "answers": ["Moszkva"], "category": "where"},
                 {"id": "t2", "question": "Ki nyert?", "answerable": False, "category": "unanswerable_close"})
    out = tmp_path / "out"
    argv = ["run", "--questions", str(dev), "--questions", str(test), "--label", "dev", "--label", "test",
            "--store", str(tmp_path / "store"), "--out", str(out)]
    assert cli.main(argv + ["--fail-under", "answer_accuracy=0.5"]) == 1  # test's accuracy is 0
    saved = json.loads((out / "summary.json").read_text())
    dev_s, test_s = saved["sets"]["dev"], saved["sets"]["test"]
    assert (dev_s["n"], dev_s["answer_accuracy"], dev_s["summary_key_fact_recall"], dev_s["kind_accuracy"]) == (2, 1.0, 1.0, 1.0)
    assert (test_s["answer_accuracy"], test_s["refusal_accuracy"], test_s["summary_key_fact_recall"]) == (0.0, 1.0, None)
    assert dev_s["ece"] is not None and saved["meta"]["n"] == 4
    assert [json.loads(line)["id"] for line in (out / "results-test.jsonl").read_text().splitlines()] == ["t1", "t2"]
    report = (out / "report.md").read_text()
    assert "| metric | dev | test |" in report and "| summary_key_fact_recall | 1 | – |" in report
    assert "## dev: per category" in report and "| unanswerable_close | 1 | 1.00 | 1.00 | 1.00 | – |" in report
    assert "## test: per kind" in report and (out / "calibration.png").exists()


def test_files_under_one_label_form_one_set(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "load_query_embedder", lambda settings: None)
    monkeypatch.setattr(cli.Assistant, "open", classmethod(lambda cls, settings=None, embed_model=None: ScriptedAssistant()))
    facts = write(tmp_path / "questions-dev.jsonl", {"id": "d1", "question": "Hol?", "answers": ["Peking"]})
    requests = write(tmp_path / "requests-dev.jsonl", {"id": "r1", "question": "Foglald össze!", "kind": "summary", "key_facts": ["Peking", "Moszkva"]})
    argv = ["run", "--questions", str(facts), "--questions", str(requests), "--label", "dev", "--label", "dev", "--store", str(tmp_path / "s")]
    assert cli.main(argv + ["--out", str(tmp_path / "o")]) == 0
    saved = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert (saved["n"], saved["answer_accuracy"], saved["summary_key_fact_recall"]) == (2, 1.0, 0.5)
    clash = write(tmp_path / "again.jsonl", {"id": "x", "question": "Mi?", "kind": "chat"}, {"id": "d1", "question": "Hol?", "answers": ["Peking"]})
    assert cli.main(["run", "--questions", str(facts), "--questions", str(clash), "--label", "dev", "--label", "dev", "--out", str(tmp_path / "o2")]) == 1
    assert "again.jsonl line 2: id 'd1' is already in set 'dev'" in capsys.readouterr().err


def test_labels_must_match_the_files(tmp_path, capsys):
    q = write(tmp_path / "q.jsonl", {"id": "1", "question": "Hol?", "answers": ["x"]})
    try:
        cli.main(["run", "--questions", str(q), "--questions", str(q), "--label", "dev", "--out", str(tmp_path / "o")])
    except SystemExit as exc:
        assert "one per --questions (2)" in str(exc)
    else:
        raise AssertionError("two files and one label were accepted")


def test_a_gate_on_a_kind_the_set_lacks_fails_as_not_measured(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "load_query_embedder", lambda settings: None)
    monkeypatch.setattr(cli.Assistant, "open", classmethod(lambda cls, settings=None, embed_model=None: ScriptedAssistant()))
    q = write(tmp_path / "q.jsonl", {"id": "1", "question": "Hol?", "answers": ["Peking"]})
    code = cli.main(["run", "--questions", str(q), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "--fail-under", "chat_never_refused=1"])
    assert code == 1 and "chat_never_refused not measured" in capsys.readouterr().err
    assert json.loads((tmp_path / "o" / "summary.json").read_text())["answer_accuracy"] == 1.0
