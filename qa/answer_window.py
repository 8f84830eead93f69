"""How close in meaning the question is to the words around a candidate's answer.

A sentence's e5 cosine weighs everything it says; for "how many" or "when" only the words
around its numbers or dates say what those measure. "Hány disznót kellett leölni?" is
about "összesen 2386 sertést öltek le", not "a telepen 17 sertés hullott el", though both
sentences are about the farm; the words differ ("disznó", "sertés") but their meaning is
close, in English questions too ("How many pigs were culled"). Each candidate's window
cosine is the best of the question's cosines with the few words around each number (or
date) it holds; the chooser reads it beside the sentence's own cosine.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from qa.numerals import is_numeral
from qa.text import DATE_WORD, YEAR, words

# Words each side of a number or a date: the same reach as `qa.text.satisfies` gives the
# number's subject. In grouped 5-fold CV on the 458 dev questions (3 seeds) 3, 4 and 6
# words read accuracy 0.675, 0.671, 0.662 against 0.656 without the feature (numbers
# then found as `satisfies` finds them, "hatóság" among them; as now, 4 words: 0.667).
WIDTH = 4
# Candidates given a window cosine: the chooser's (`qa.chooser_features.LOOK`).
LOOK = 8


def windows(sentence: str, kind: str | None, width: int = WIDTH) -> list[str]:
    """The words around each number ("number") or date ("date") of `sentence`; none for
    other questions. A year is a date, not a quantity, as in `satisfies`."""
    if kind == "number":
        tokens = words(YEAR.sub(" ", sentence))
        # Figures and whole number words: "hatóság" starts like "hat" but counts nothing.
        at = [i for i, t in enumerate(tokens) if t[:1].isdigit() or is_numeral(t)]
    elif kind == "date":
        tokens = words(sentence)
        at = [i for i, t in enumerate(tokens) if DATE_WORD.match(t)]
    else:
        return []
    return [" ".join(tokens[max(0, i - width) : i + width + 1]) for i in at]


def with_windows(ranked: Sequence, kind: str | None, query: np.ndarray, vectors: Callable[[Sequence[str]], np.ndarray],
                 look: int = LOOK) -> list:
    """`ranked` with the first `look` sentences' `window_cosine` set (None where a sentence
    holds no number or date asked for); `vectors` embeds texts as passages."""
    if kind not in ("number", "date"):
        return list(ranked)
    spans = [windows(s.text, kind) for s in ranked[:look]]
    flat = [w for ws in spans for w in ws]
    if not flat:
        return list(ranked)
    cosines = iter((vectors(flat) @ query).tolist())
    top = [replace(s, window_cosine=max(next(cosines) for _ in ws)) if ws else s for s, ws in zip(ranked[:look], spans)]
    return [*top, *ranked[look:]]


def window_feature(sentence, floor: float) -> float:
    """The better of the sentence's and its window's cosine, in the chooser's cosine scale
    (steps of 0.05 from the language's floor): a close window lifts a sentence whose other
    words are about something else; a far one does not sink a sentence that is close."""
    best = sentence.cosine if sentence.window_cosine is None else max(sentence.cosine, sentence.window_cosine)
    return (best - floor) / 0.05
