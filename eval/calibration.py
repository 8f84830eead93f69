"""How well Answer.confidence predicts that the answer is right: reliability bins, ECE and a plot.

Two views over the fact questions whose answer carries a confidence:
- "answerable": answerable questions, where the outcome is "the answer is right";
- "fact": all fact questions, where the outcome is "answering was right" — an
  unanswerable question counts 0, since no sentence answers it, so a low confidence
  there is what makes its refusal right. An answerable question that was refused also
  counts 0: its best sentence was not shown, so it cannot be checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

BINS = 10


def outcomes(results: Sequence[dict]) -> dict[str, list[tuple[float, bool]]]:
    """(confidence, outcome) pairs of each view; empty where no answer has a confidence."""
    facts = [r for r in results if r.get("expected_kind", "fact") == "fact" and r.get("confidence") is not None]
    return {
        "answerable": [(r["confidence"], bool(r["correct"])) for r in facts if r["answerable"]],
        "fact": [(r["confidence"], r["answerable"] and bool(r["correct"]) and not r["refused"]) for r in facts],
    }


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> list[dict]:
    """Equal-width bins over 0..1 with their count, mean confidence and share right."""
    grouped: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in pairs:
        grouped[min(int(max(confidence, 0.0) * bins), bins - 1)].append((confidence, right))
    return [
        {
            "low": round(i / bins, 4),
            "high": round((i + 1) / bins, 4),
            "n": len(g),
            "confidence": round(sum(c for c, _ in g) / len(g), 4) if g else None,
            "accuracy": round(sum(r for _, r in g) / len(g), 4) if g else None,
        }
        for i, g in enumerate(grouped)
    ]


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> float | None:
    """Σ over bins of (share of answers in the bin) × |mean confidence − share right|."""
    if not pairs:
        return None
    total = len(pairs)
    return round(sum(b["n"] / total * abs(b["confidence"] - b["accuracy"]) for b in reliability(pairs, bins) if b["n"]), 4)


def calibration(results: Sequence[dict]) -> dict | None:
    """ECE and bins of both views, for summary.json; None when no answer has a confidence."""
    views = outcomes(results)
    if not views["fact"]:
        return None
    return {
        "ece": expected_calibration_error(views["fact"]),
        "ece_answerable": expected_calibration_error(views["answerable"]),
        "n": len(views["fact"]),
        "bins": {name: reliability(pairs) for name, pairs in views.items()},
    }


def plot(path: Path, runs: dict[str, Sequence[dict]]) -> bool:
    """The reliability diagram of each run, one panel per view; False (no file) when no run has confidences."""
    views = {name: outcomes(results) for name, results in runs.items()}
    views = {name: v for name, v in views.items() if v["fact"]}
    if not views:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    titles = {"answerable": "answerable fact questions: answer right", "fact": "all fact questions: answering was right"}
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.5), sharey=True)
    for ax, (view, title) in zip(axes, titles.items()):
        ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfectly calibrated")
        for name, pairs in views.items():
            filled = [b for b in reliability(pairs[view]) if b["n"]]
            ece = expected_calibration_error(pairs[view])
            label = f"{name} (ECE {ece:.3f}, n={len(pairs[view])})" if ece is not None else name
            ax.plot([b["confidence"] for b in filled], [b["accuracy"] for b in filled], marker="o", label=label)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(f"confidence ({BINS} bins)")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.legend(fontsize=8, loc="upper left")
    axes[0].set_ylabel("share right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True
