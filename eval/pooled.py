"""`python -m eval.pooled RUN [RUN ...]`: fact figures per dev set and pooled over all of them.

A RUN is a folder holding one `python -m eval run --out RUN/<label>` per set, as
`scripts/dev-facts.sh` writes it. Pooling counts each question once, so a big set weighs as
much as its questions, not as one set. With two RUNs, the second's flips against the first
(questions one got right and the other not) are counted: on a few hundred questions a
difference of a handful of flips both ways is noise, one-sided flips are not.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

FIGURES = ("hit_at_1", "hit_at_5", "answer_accuracy", "refusal_accuracy", "false_refusal_rate")


def _rate(rows: list[dict], test) -> float | None:
    return round(sum(1 for r in rows if test(r)) / len(rows), 4) if rows else None


def _ranked(row: dict, k: int) -> bool:
    rank = row.get("first_relevant_rank")
    return rank is not None and rank <= k


def figures(rows: list[dict]) -> dict:
    """The summary's fact figures from per-question rows: ranks and answers over answerable
    questions, refusal accuracy over unanswerable ones."""
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    return {
        "n": len(rows),
        "hit_at_1": _rate(answerable, lambda r: _ranked(r, 1)),
        "hit_at_5": _rate(answerable, lambda r: _ranked(r, 5)),
        "answer_accuracy": _rate(answerable, lambda r: r["correct"]),
        "refusal_accuracy": _rate(unanswerable, lambda r: r["refused"]),
        "false_refusal_rate": _rate(answerable, lambda r: r["refused"]),
    }


def read_run(run: Path) -> dict[str, list[dict]]:
    """Per-question rows of every set in `run`, by the set's folder name."""
    return {
        path.parent.name: [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for path in sorted(run.glob("*/results.jsonl"))
    }


def table(sets: dict[str, list[dict]]) -> dict[str, dict]:
    """Figures per set, then `pooled` over every question of them."""
    out = {name: figures(rows) for name, rows in sets.items()}
    out["pooled"] = figures([r for rows in sets.values() for r in rows])
    return out


_OUTCOMES = {
    "hit_at_1": lambda r: r["answerable"] and _ranked(r, 1),
    "hit_at_5": lambda r: r["answerable"] and _ranked(r, 5),
    "answer_accuracy": lambda r: r["answerable"] and r["correct"],
    "refusal_accuracy": lambda r: not r["answerable"] and r["refused"],
}


def flips(base: dict[str, list[dict]], other: dict[str, list[dict]]) -> dict[str, tuple[int, int]]:
    """(gained, lost) questions per figure, `other` against `base`, over the sets and ids both hold."""
    out = {}
    for figure, good in _OUTCOMES.items():
        gained = lost = 0
        for name, rows in base.items():
            theirs = {r["id"]: r for r in other.get(name, [])}
            for row in rows:
                if row["id"] in theirs and good(row) != good(theirs[row["id"]]):
                    gained, lost = (gained + 1, lost) if good(theirs[row["id"]]) else (gained, lost + 1)
        out[figure] = (gained, lost)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.pooled", description=__doc__.split("\n")[0])
    parser.add_argument("runs", type=Path, nargs="+", help="folders of per-set runs (scripts/dev-facts.sh OUT)")
    args = parser.parse_args(argv)
    runs = {str(run): read_run(run) for run in args.runs}
    for name, sets in runs.items():
        print(f"== {name}")
        print(f"{'set':8} {'n':>4} " + " ".join(f"{f:>18}" for f in FIGURES))
        for label, row in table(sets).items():
            print(f"{label:8} {row['n']:4} " + " ".join(f"{'-' if row[f] is None else f'{row[f]:.3f}':>18}" for f in FIGURES))
    if len(runs) == 2:
        (first, base), (second, other) = runs.items()
        print(f"== {second} against {first}: questions gained / lost")
        for figure, (gained, lost) in flips(base, other).items():
            print(f"{figure:18} +{gained} -{lost}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
