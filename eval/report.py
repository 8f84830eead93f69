"""Writing results.jsonl, summary.json, report.md and the plots of one or more runs."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Sequence

from eval.calibration import calibration
from eval.calibration import plot as plot_calibration
from eval.kinds import per_kind
from eval.runner import SUMMARY_KEYS, summarize


def full_summary(results: Sequence[dict]) -> dict:
    """summarize() plus the calibration of the confidences (None when the engine gave none)."""
    cal = calibration(results)
    return {**summarize(results), "ece": cal["ece"] if cal else None, "calibration": cal}


def write_run(out: Path, results: Sequence[dict], meta: dict) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.jsonl").open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    summary = full_summary(results)
    (out / "summary.json").write_text(json.dumps({**summary, "meta": meta}, indent=2, ensure_ascii=False))
    plots = _plots(out, {meta.get("name", "run"): results})
    (out / "report.md").write_text(_markdown({meta.get("name", "run"): summary}, {meta.get("name", "run"): results}, plots, meta))
    return summary


def write_comparison(out: Path, runs: dict[str, Sequence[dict]], meta: dict, key: str = "runs") -> dict[str, dict]:
    """Several runs side by side: generators ("runs"), or question sets such as dev and test ("sets")."""
    out.mkdir(parents=True, exist_ok=True)
    summaries = {name: full_summary(results) for name, results in runs.items()}
    for name, results in runs.items():
        with (out / f"results-{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (out / "summary.json").write_text(json.dumps({key: summaries, "meta": meta}, indent=2, ensure_ascii=False))
    plots = _plots(out, runs)
    (out / "report.md").write_text(_markdown(summaries, runs, plots, meta))
    return summaries


def _cell(value) -> str:
    return "–" if value is None else f"{value:g}"


def table(summaries: dict[str, dict]) -> str:
    """Rows per metric, a column per run or set; – where a set has nothing to measure."""
    names = list(summaries)
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key in (*SUMMARY_KEYS, "ece"):
        lines.append(f"| {key} | " + " | ".join(_cell(summaries[n].get(key)) for n in names) + " |")
    return "\n".join(lines)


def kind_table(results: Sequence[dict]) -> str:
    cols = ("n", "kind_accuracy", "key_fact_recall", "order_accuracy", "faithfulness", "refused", "correct")
    lines = ["| kind | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for kind, row in per_kind(results).items():
        lines.append(f"| {kind} | " + " | ".join(_cell(row[c]) for c in cols) + " |")
    return "\n".join(lines)


def category_table(results: Sequence[dict]) -> str:
    """Per category: n, share right, share refused, kind right, key-fact recall."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        groups[r["category"] or "-"].append(r)
    lines = ["| category | n | correct | refused | kind right | key-fact recall |", "|---|---|---|---|---|---|"]
    for name, rows in sorted(groups.items()):
        facts = sum(r.get("key_facts", 0) for r in rows)
        recall = sum(r.get("key_facts_found", 0) for r in rows) / facts if facts else None
        shares = [sum(bool(r.get(k, True)) for r in rows) / len(rows) for k in ("correct", "refused", "kind_correct")]
        lines.append(f"| {name} | {len(rows)} | " + " | ".join(f"{v:.2f}" for v in shares) + f" | {'–' if recall is None else f'{recall:.2f}'} |")
    return "\n".join(lines)


def _by_category(results: Sequence[dict]) -> dict[str, float]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for r in results:
        groups[r["category"] or "-"].append(bool(r["correct"]))
    return {k: sum(v) / len(v) for k, v in sorted(groups.items())}


def _plots(out: Path, runs: dict[str, Sequence[dict]]) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = []
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(len(runs), 1)
    categories = sorted({r["category"] or "-" for rs in runs.values() for r in rs})
    for i, (name, results) in enumerate(runs.items()):
        shares = _by_category(results)
        ax.bar([c + i * width for c in range(len(categories))], [shares.get(c, 0) for c in categories], width, label=name)
    ax.set_xticks([c + width * (len(runs) - 1) / 2 for c in range(len(categories))], categories, rotation=30, ha="right")
    ax.set_ylabel("correct (answer found / refusal right)")
    ax.set_ylim(0, 1)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "accuracy_by_category.png", dpi=110)
    files.append("accuracy_by_category.png")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    for name, results in runs.items():
        ax.hist([r["latency_s"] for r in results], bins=20, alpha=0.6, label=name)
    ax.set_xlabel("seconds per question")
    ax.set_ylabel("questions")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    files.append("latency.png")
    plt.close(fig)
    if plot_calibration(out / "calibration.png", runs):
        files.append("calibration.png")
    return files


def _markdown(summaries: dict[str, dict], runs: dict[str, Sequence[dict]], plots: list[str], meta: dict) -> str:
    parts = ["# Evaluation report", "", "Settings: " + ", ".join(f"{k}={v}" for k, v in meta.items()), "", table(summaries), ""]
    parts += [f"![{p}]({p})" for p in plots]
    if "calibration.png" not in plots:
        parts += ["", "No calibration plot: the answers carry no confidence."]
    for name, results in runs.items():
        parts += ["", f"## {name}: per kind", "", kind_table(results), "", f"## {name}: per category", "", category_table(results)]
    for name, results in runs.items():
        wrong = [r for r in results if not r["correct"]]
        parts += ["", f"## {name}: {len(wrong)} of {len(results)} not right", ""]
        for r in wrong:
            what = "refused" if r["refused"] else "answered"
            parts.append(f"- `{r['id']}` ({r['category']}, {what}, first relevant rank {r['first_relevant_rank']}): {r['question']}  \n  → {r['answer'][:240]}")
    return "\n".join(parts) + "\n"
