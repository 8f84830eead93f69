"""What a refusal still shows: the sentences that came closest, each with its source, never
as the answer.

Below the chooser's threshold its likeliest sentence is more often wrong than right, so the
engine refuses rather than quote it. But the sentence that answers is often among the next
few. Read on the 24 dev sets dev6-dev29, each with the softmax chooser fitted on all the other
sets (`scripts/calibrate.sh`): of the 458 answerable questions refused, the sentences shown
from a probability of 0.2 (`qa.chooser.NEAR_MISS_FLOOR`; at most three, what the chooser rules
out and headlines left out) held the answer for 203, while 79 of the 126 unanswerable questions
refused showed some (from 0.25: 167 and 60; from 0.3: 142 and 44): as many in a hundred shown
hold the answer from either floor, and the lower finds it for more questions. With the logistic chooser the
floor was 0.5 (68 of 135 answerable, 43 of 115 unanswerable). A reader who is shown them, under
the refusal and marked as not an answer, finds what the refusal alone would hide; the
refusal's own sentence still says that no answer was found.

Shown only when the refusal is about a detail of a topic the articles cover: not when
nothing is near, nor when the answer lies outside the period searched (the period's
sentences are then not the ones wanted).
"""

from __future__ import annotations

from typing import Sequence

from qa.chooser import Choice, fills_slot
from qa.types import Citation

# The likeliest sentence's probability from which sentences are shown, for a logistic chooser
# (`qa.chooser.NEAR_MISS_FLOOR` per model; the chooser passes its own).
FLOOR = 0.5
MOST = 3


def near_misses(rated: Sequence[Choice], floor: float = FLOOR, most: int = MOST) -> tuple[Citation, ...]:
    """Up to `most` of the likeliest sentences at or above `floor`, distinct and not a headline
    (a title names the topic; it answers nothing), numbered from 1 in their own list."""
    out: list[Citation] = []
    seen: set[str] = set()
    # Not what the chooser rules out whatever its closeness (`fills_slot`: a who-question's
    # sentence naming nobody), as it is not offered as an answer either.
    for choice in (c for c in rated if fills_slot(c.features)):
        if choice.probability < floor or len(out) == most:
            break
        s = choice.sentence
        if s.text in seen or choice.features.get("headline") == 1.0:
            continue
        seen.add(s.text)
        out.append(Citation(len(out) + 1, s.hit.passage, s.text, s.start, s.end))
    return tuple(out)
