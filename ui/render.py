"""Turning answers into safe Markdown: user and article text is shown as text, never markup."""

from __future__ import annotations

import re
from datetime import datetime

from qa import Answer, Citation

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; escaping all of
# them makes article text inert (no links, no emphasis, no HTML, no LaTeX "$").
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^%@,;?/])")


def escape(text: str) -> str:
    """Markdown that shows `text` exactly, line breaks included."""
    return "  \n".join(_SPECIAL.sub(r"\\\1", line) for line in text.split("\n"))


def highlighted(text: str, start: int, end: int) -> str:
    """`text` with text[start:end] marked, the rest escaped."""
    start, end = max(0, start), min(len(text), end)
    marked = escape(text[start:end])
    return f"{escape(text[:start])}:orange-background[**{marked}**]{escape(text[end:])}"


def citation_context(c: Citation) -> str:
    """The cited passage with the supporting sentence marked."""
    offset = c.passage.start
    return highlighted(c.passage.text, c.quote_start - offset, c.quote_end - offset)


def answer_markdown(answer: Answer) -> str:
    return escape(answer.text)


def source_label(c: Citation) -> str:
    date = f" · {c.passage.published}" if c.passage.published else ""
    return f"[{c.marker}] {c.passage.title}{date}"


def conversation_markdown(messages: list[dict], title: str = "Beszélgetés a cikkekről") -> str:
    """The whole chat with its sources, for the download button."""
    lines = [f"# {title}", "", f"_{datetime.now().strftime('%Y-%m-%d %H:%M')}_", ""]
    for m in messages:
        if m["role"] == "user":
            lines += [f"**Kérdés:** {m['content']}", ""]
            continue
        answer: Answer | None = m.get("answer")
        lines += [f"**Válasz:** {m['content']}", ""]
        if answer and answer.citations:
            lines.append("Források:")
            for c in answer.citations:
                lines.append(f"- {source_label(c)} ({c.passage.article_id}, {c.quote_start}–{c.quote_end}): „{c.quote}”")
            lines.append("")
    return "\n".join(lines)
