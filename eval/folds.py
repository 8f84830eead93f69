"""Cross-validation folds that do not leak: questions about one article stay together.

Dev questions come in families: paraphrases of one fact, a conversation's turns, the
English twin of a Hungarian question, close unanswerables about the same story. Split
at random, a fold's question has its near twin in training, and the chooser is measured
on what it has seen. So each question is keyed by the article its evidence lies in (an
unanswerable one, or one whose evidence is not found, by the article its words share
most with), questions with the same text or one asked earlier in another's conversation
join it, and whole groups are dealt to folds.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from eval.metrics import normalize
from qa.text import content_stems


def _article_of(question, articles: Sequence) -> str:
    """The id of the article holding the question's evidence, else the one sharing most words with it."""
    texts = {a.article_id: normalize(f"{a.title} {a.text}") for a in articles}
    for evidence in question.evidence:
        held = [i for i, t in texts.items() if normalize(evidence) in t]
        if held:
            return held[0]
    asked = set(content_stems(" ".join([question.question, *(t.content for t in question.history)])))
    if not asked or not articles:
        return ""
    shared = {a.article_id: len(asked & set(content_stems(f"{a.title} {a.text}"))) for a in articles}
    return max(shared, key=shared.get)


def groups(questions: Sequence, articles: Sequence) -> list[int]:
    """One group number per question: its article, joined with the questions it repeats or follows."""
    parent = list(range(len(questions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, q in enumerate(questions):
        keys = [f"article:{_article_of(q, articles)}", f"text:{normalize(q.question)}"]
        keys += [f"text:{normalize(t.content)}" for t in q.history if t.role == "user"]
        for key in keys:
            if key in ("article:", "text:"):
                continue
            j = first.setdefault(key, i)
            parent[root(i)] = root(j)
    roots = [root(i) for i in range(len(questions))]
    number = {r: n for n, r in enumerate(dict.fromkeys(roots))}
    return [number[r] for r in roots]


def grouped_folds(groups_: Sequence[int], folds: int, seed: int) -> list[list[int]]:
    """The question indices of each fold: whole groups, largest first, each to the fold
    with fewest questions so far (ties and equal sizes broken by the seed)."""
    rng = np.random.default_rng(seed)
    members: dict[int, list[int]] = {}
    for i, g in enumerate(groups_):
        members.setdefault(g, []).append(i)
    order = sorted(members.values(), key=lambda m: (-len(m), rng.random()))
    out: list[list[int]] = [[] for _ in range(folds)]
    for m in order:
        sizes = np.array([len(f) for f in out]) + rng.random(folds) * 0.5
        out[int(np.argmin(sizes))].extend(m)
    return [f for f in out if f]
