"""Quotations the sentence splitter parted: "„Tavaly ennyivel maradtunk le. … nyerni” – mondta
Szalai Gréta" is three sentences, and a piece of it read alone says something else, or no one
said it."""

from __future__ import annotations

import re
from typing import Sequence


# Hungarian quotes „…”; German-style „…“ and English “…” also occur. “ opens before a letter
# and closes elsewhere.
OPENING = re.compile(r"„|“(?=\w)")
CLOSING = re.compile(r"”|“(?!\w)")


def _opens(text: str) -> bool:
    """Whether a sentence leaves a quotation open: an opening mark without a closing one after it."""
    opened = [m.end() for m in OPENING.finditer(text)]
    return bool(opened) and not CLOSING.search(text, opened[-1])


def _closes(text: str) -> bool:
    return bool(CLOSING.search(text))


def _closes_unopened(text: str) -> bool:
    """Whether a sentence closes a quotation an earlier sentence opened."""
    close = CLOSING.search(text)
    return close is not None and not OPENING.search(text, 0, close.start())


def quote_span(sentences: Sequence, i: int) -> range:
    """Sentence i with the rest of the quotation it opens, closes or stands in: the sentence
    splitter parts a quote of several sentences ("„Tavaly ennyivel maradtunk le. … nyerni”
    – mondta Szalai Gréta")."""
    def same(j: int) -> bool:
        return sentences[j].paragraph == sentences[i].paragraph
    first = last = i
    if _closes_unopened(sentences[i].text):
        while first > 0 and same(first - 1):
            first -= 1
            if OPENING.search(sentences[first].text):
                break
    if _opens(sentences[i].text):
        # on to the sentence that closes it, however many lie between
        while last + 1 < len(sentences) and same(last + 1):
            last += 1
            if _closes(sentences[last].text):
                break
    return range(first, last + 1)
