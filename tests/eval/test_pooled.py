import json

from eval.pooled import figures, flips, main, read_run, table


def row(qid, answerable=True, rank=1, correct=True, refused=False):
    return {"id": qid, "answerable": answerable, "first_relevant_rank": rank, "correct": correct, "refused": refused}


def write_run(folder, sets):
    for name, rows in sets.items():
        (folder / name).mkdir(parents=True)
        (folder / name / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def test_figures_split_answerable_and_unanswerable():
    rows = [row("a"), row("b", rank=4, correct=False, refused=True), row("c", rank=None, correct=False),
            row("u1", answerable=False, rank=None, correct=False, refused=True), row("u2", answerable=False, rank=None, correct=False)]
    got = figures(rows)
    assert got == {"n": 5, "hit_at_1": 0.3333, "hit_at_5": 0.6667, "answer_accuracy": 0.3333,
                   "refusal_accuracy": 0.5, "false_refusal_rate": 0.3333}
    assert figures([row("a")])["refusal_accuracy"] is None


def test_pooled_weighs_questions_not_sets():
    sets = {"small": [row("s1", rank=None, correct=False)], "big": [row(f"b{i}") for i in range(3)]}
    got = table(sets)
    assert got["small"]["hit_at_5"] == 0.0 and got["big"]["hit_at_5"] == 1.0
    assert got["pooled"]["hit_at_5"] == 0.75 and got["pooled"]["n"] == 4  # not the sets' mean, 0.5


def test_flips_count_both_ways_on_shared_ids(tmp_path):
    base = read_run(write_run(tmp_path / "a", {"dev": [row("q1"), row("q2", rank=6, correct=False), row("q3")]}))
    other = read_run(write_run(tmp_path / "b", {"dev": [row("q1", rank=2), row("q2", rank=3), row("q9", rank=None)]}))
    got = flips(base, other)
    assert got["hit_at_1"] == (0, 1) and got["hit_at_5"] == (1, 0) and got["answer_accuracy"] == (1, 0)


def test_cli_prints_each_set_and_the_pool(tmp_path, capsys):
    a = write_run(tmp_path / "a", {"dev": [row("q1")], "dev2": [row("q2", rank=None, correct=False)]})
    b = write_run(tmp_path / "b", {"dev": [row("q1", correct=False)], "dev2": [row("q2", rank=None, correct=False)]})
    assert main([str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "pooled      2 " in out and "answer_accuracy    +0 -1" in out
