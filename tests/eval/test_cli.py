"""`python -m eval run` end to end on a tiny question file, with the real model (slow)."""

import json
import subprocess
import sys

import pytest

from paths import CORPUS

pytestmark = pytest.mark.slow


def test_run_writes_results_summary_report_and_plots(tmp_path):
    questions = tmp_path / "tiny.jsonl"
    questions.write_text(
        "\n".join(json.dumps(q, ensure_ascii=False) for q in [
            {"id": "a", "question": "Hol találkozott Kim Dzsongun Putyinnal?", "answers": ["pekingi"], "evidence": ["pekingi találkozón"]},
            {"id": "b", "question": "Melyik kutatóintézet elemezte az együttműködést?", "answers": ["Chatham House"], "evidence": ["Chatham House"]},
            {"id": "u", "question": "Ki nyerte a 2022-es labdarúgó-világbajnokságot?", "answerable": False},
        ]),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "eval", "run", "--questions", str(questions), "--articles", str(CORPUS), "--out", str(out)]
    done = subprocess.run(cmd + ["--fail-under", "answer_accuracy=0.5"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["n"] == 3 and summary["answer_accuracy"] == 1.0 and summary["refusal_accuracy"] == 1.0
    assert summary["hit_at_1"] == 1.0 and summary["mrr"] == 1.0
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "u"] and rows[0]["citations"] and rows[0]["retrieved"][0]["rank"] == 1
    assert (out / "report.md").read_text().startswith("# Evaluation report")
    assert (out / "latency.png").stat().st_size > 1000 and (out / "accuracy_by_category.png").stat().st_size > 1000
    gated = subprocess.run(cmd + ["--fail-under", "latency_p50_s=1000"], capture_output=True, text=True, timeout=600)
    assert gated.returncode == 1 and "FAIL extractive: latency_p50_s = " in gated.stderr


def test_malformed_question_file_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "Hol?", "answers": ["x"]}\n{oops\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "eval", "run", "--questions", str(bad), "--out", str(tmp_path / "o")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "bad.jsonl line 2: not valid JSON" in done.stderr
