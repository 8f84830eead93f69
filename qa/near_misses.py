"""What a refusal still shows: the sentences that came closest, each with its source, never
as the answer.

Below the chooser's threshold its likeliest sentence is more often wrong than right, so the
engine refuses rather than quote it. But the sentence that answers is often among the next
few: on the five dev sets never fitted on (dev6-dev10), of the 55 answerable questions whose
likeliest sentence scored 0.5 up to the threshold, the first was right for 18 and one of
the three likeliest for 34, while 12 unanswerable questions scored there too. As shown (each
at 0.5 or more, what the chooser rules out left out), the sentences held the answer for 68 of
the 135 answerable dev questions the engine refused, 25 of 53 on dev6-dev10; 43 of the 115
unanswerable ones showed some (`scripts/dev-facts.sh`, eval's `refused_answer_shown`). A
reader who is shown them, under the refusal and marked as not an answer, finds what the
refusal alone would hide; the refusal's own sentence still says that no answer was found.

Shown only when the refusal is about a detail of a topic the articles cover: not when
nothing is near, nor when the answer lies outside the period searched (the period's
sentences are then not the ones wanted).
"""

from __future__ import annotations

from typing import Sequence

from qa.chooser import Choice, fills_slot
from qa.types import Citation

# The likeliest sentence's probability from which sentences are shown. Read on the fit set's
# questions (the chooser's own dev questions): from 0.5 to the threshold the three likeliest
# held the answer for 48 of 68 answerable questions beside 34 unanswerable ones; from 0.4 to
# 0.5 for 1 of 3, beside 12 unanswerable ones.
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
