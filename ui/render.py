"""Turning answers into safe Markdown: user and article text is shown as text, never markup.

Only the structure the engine writes itself is kept (headings, bullets, bold, tables, the
[n] markers, which become links to their source cards); every character of content is
escaped, so an article title holding <script> or [a](javascript:…) stays text.
"""

from __future__ import annotations

import re

from index.passages import split_sentences
from qa import Answer, Citation
from ui import dates
from ui.history import source_of

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; escaping all of
# them makes article text inert (no links, no emphasis, no HTML, no LaTeX "$").
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^%@,;?/])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")  # an escaped "[n]"
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^(\s*)([-*]|\d+\.)\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_CONTEXT_CHARS = 220
_CLOSING = (".", "!", "?", "…", "”", "\"", "»", ":", ";", ")")


def escape(text: str) -> str:
    """Markdown that shows `text` exactly, line breaks included."""
    return "  \n".join(_SPECIAL.sub(r"\\\1", line) for line in text.split("\n"))


# The engine may escape characters itself ("\<script\>"): such a pair is taken as the literal
# character (held in the private-use area meanwhile), so nothing is escaped twice.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PROTECTED = re.compile("[\ue000-\ue07f]")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|(?<![*\w])\*(?![\s*])(.+?)(?<![\s*])\*(?![*\w])")


def _literal(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", _PROTECTED.sub(lambda m: chr(ord(m.group()) - 0xE000), text))


def _inline(text: str) -> str:
    """Content escaped, but **bold** and *italic* spans kept."""
    out, pos = [], 0
    for m in _EMPHASIS.finditer(text):
        out.append(_literal(text[pos:m.start()]))
        out.append(f"**{_literal(m.group(1))}**" if m.group(1) is not None else f"*{_literal(m.group(2))}*")
        pos = m.end()
    return "".join(out) + _literal(text[pos:])


def _line(line: str) -> str:
    if m := _HEADING.match(line):
        return f"{m.group(1)} {_inline(m.group(2))}"
    if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
        if _TABLE_RULE.match(line.strip()):
            return line.strip()
        cells = line.strip()[1:-1].split("|")
        return "| " + " | ".join(_inline(c.strip()) for c in cells) + " |"
    if m := _BULLET.match(line):
        return f"{m.group(1)}{m.group(2)} {_inline(m.group(3))}"
    return _inline(line)


def structured(text: str) -> str:
    """The engine's Markdown (headings, bullets, bold, italics, tables) with all content escaped."""
    out, previous_blank = [], True
    for line in _ESCAPED.sub(lambda m: chr(0xE000 + ord(m.group(1))), text).split("\n"):
        if not line.strip():
            out.append("")
            previous_blank = True
            continue
        rendered = _line(line)
        plain = not (_HEADING.match(line) or _BULLET.match(line) or line.lstrip().startswith("|"))
        # Two lines of running text stay two lines (a Markdown hard break), as in escape().
        if plain and out and not previous_blank and not out[-1].startswith(("#", "|", "-", "*")):
            out[-1] += "  "
        out.append(rendered)
        previous_blank = False
    return "\n".join(out)


def anchor(turn: str, marker: int) -> str:
    return f"forras-{turn}-{marker}"


def linked_markers(markdown: str, turn: str, markers: set[int]) -> str:
    """Each escaped [n] that has a source card becomes a link to that card's anchor."""
    return _MARKER.sub(lambda m: f"[\\[{m.group(1)}\\]](#{anchor(turn, int(m.group(1)))})" if int(m.group(1)) in markers else m.group(0), markdown)


def answer_markdown(answer: Answer, turn: str = "0") -> str:
    """The answer as safe Markdown with its [n] markers linked to the cards of `turn`."""
    body = escape(answer.text) if answer.kind == "fact" or answer.refused else structured(answer.text)
    return linked_markers(body, turn, {c.marker for c in answer.citations})


def highlighted(text: str, start: int, end: int) -> str:
    """`text` with text[start:end] marked, the rest escaped."""
    start, end = max(0, start), min(len(text), end)
    marked = escape(text[start:end])
    return f"{escape(text[:start])}:orange-background[**{marked}**]{escape(text[end:])}"


def _heading(text: str, span: tuple[int, int]) -> bool:
    """A line of its own without a sentence's closing mark: a sub-heading or a dateline."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1]) if "\n" in text[span[1]:] else len(text)
    whole = text[line_start:line_end].strip()
    return whole == text[span[0]:span[1]].strip() and not whole.endswith(_CLOSING)


def citation_context(c: Citation) -> str:
    """The cited sentence marked, with the sentence before and after it (shortened). A
    sub-heading is no neighbour ("…Keleti repülőrajt Az Észak-Korea…" read as one text)."""
    text, offset = c.passage.text, c.passage.start
    start, end = max(0, c.quote_start - offset), min(len(text), c.quote_end - offset)
    spans = split_sentences(text)
    before = [s for s in spans if s[1] <= start]
    after = [s for s in spans if s[0] >= end]
    lead = text[before[-1][0]:start] if before else text[:start]
    tail = text[end:after[0][1]] if after else text[end:]
    if before and _heading(text, before[-1]):
        lead, before = "", []
    if len(lead) > _CONTEXT_CHARS:
        lead = "…" + lead[-_CONTEXT_CHARS:].split(" ", 1)[-1]
    elif before and before[-1][0] > 0:
        lead = "…" + lead
    if after and _heading(text, after[0]):
        tail = " …"  # a new section follows
    elif len(tail) > _CONTEXT_CHARS:
        tail = tail[:_CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    elif after and after[0][1] < len(text.rstrip()):
        tail = tail + " …"
    return highlighted(lead + text[start:end] + tail, len(lead), len(lead) + end - start)


def source_line(c: Citation) -> str:
    """Date and source of a cited article, for the card's second line (plain text)."""
    source = source_of(c.passage)
    return " · ".join(x for x in (dates.published(c.passage.published), source) if x)


def source_label(c: Citation) -> str:
    date = f" · {dates.published(c.passage.published)}" if c.passage.published else ""
    return f"[{c.marker}] {c.passage.title}{date}"
