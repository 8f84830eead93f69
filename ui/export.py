"""Conversations and answers as Markdown files with numbered citations, from the UI or Python.

    from ui.export import export_conversation
    print(export_conversation("3f2a9c0d1b7e"))      # an id from History.conversations()
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from qa import Answer
from ui import dates
from ui.history import Conversation, History, source_of, url_of

TITLE = "Beszélgetés a cikkekről"
# Above the sentences closest to a refused question (qa.near_misses): they are not an answer.
RELATED_HEADING = "A legközelebbi mondatok – talán válaszolnak, ellenőrizze"


def _plain(text: str) -> str:
    """Readable as a text file, inert when a Markdown viewer renders it: no raw HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quote(text: str) -> str:
    return " ".join(_plain(text).split())


def sources_markdown(answer: Answer, related: bool = False) -> list[str]:
    """One numbered entry per citation (or per sentence `related` to a refused question):
    [n] title — date — source — url, then the quoted sentence."""
    lines = []
    for c in answer.related if related else answer.citations:
        p = c.passage
        facts = [f"**{_quote(p.title)}**", dates.published(p.published), source_of(p), f"<{url_of(p)}>" if url_of(p) else ""]
        lines.append(f"[{c.marker}] " + " — ".join(x for x in facts if x) + "  ")
        lines.append(f"    „{_quote(c.quote)}”")
        lines.append("")
    return lines


def answer_markdown(answer: Answer, heading: str = "##") -> str:
    """One question and its answer, with its sources."""
    lines = [f"{heading} {_quote(answer.question)}", ""]
    if answer.period:
        lines += [f"_Keresett időszak: {_quote(answer.period)}_", ""]
    lines += [_plain(answer.text), ""]
    if answer.citations:
        lines += ["**Források**", ""] + sources_markdown(answer)
    if answer.related:
        lines += [f"**{RELATED_HEADING}**", ""] + sources_markdown(answer, related=True)
    return "\n".join(lines).rstrip() + "\n"


def conversation_markdown(answers: list[Answer], title: str = TITLE, when: datetime | None = None) -> str:
    """The whole conversation: each answer under its question, each with its own sources."""
    when = when or datetime.now()
    lines = [f"# {_quote(title)}", "", f"_{dates.day(when.date())} {when:%H:%M}_", ""]
    for answer in answers:
        lines.append(answer_markdown(answer))
    return "\n".join(lines).rstrip() + "\n"


def stored_markdown(conversation: Conversation) -> str:
    return conversation_markdown([t.answer for t in conversation.turns], conversation.title, datetime.fromtimestamp(conversation.updated))


def export_conversation(conversation_id: str, path: Path | str | None = None, history: History | None = None) -> str:
    """A stored conversation as Markdown; also written to `path` when given."""
    conversation = (history or History.open()).get(conversation_id)
    if conversation is None:
        raise KeyError(f"nincs ilyen beszélgetés: {conversation_id}")
    text = stored_markdown(conversation)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


def file_name(title: str, suffix: str = ".md") -> str:
    """A safe, readable file name from a title: 'Hol találkozott Kim…' -> 'hol-talalkozott-kim.md'."""
    import unicodedata

    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_title).split())[:60].strip("-")
    return (slug or "beszelgetes") + suffix
