"""Articles filed by their source: "Milyen cikkeket közölt az MTI?" asks for the source's
articles, "az MTI cikkei az erdőtűzről" for those of them on a topic."""

from __future__ import annotations

import re
from typing import Sequence

from index import Article
from qa.planner import fold

_WORD = re.compile(r"\w+")
_FILE_SOURCE = (".txt", ".md", ".json", ".jsonl", ".html", ".htm", ".xml")
# The verbs of publishing name no topic: "közölt", "kiadott", "published", "ran".
_PUBLISHING = re.compile(r"kozol\w*|kiad\w*|hoz(ott|ta|tak)|publish\w*|ran|carried")


def source_words(article: Article) -> list[str]:
    """The words of the article's source as a reader names it; none for a file name."""
    source = article.source or ""
    if not source or source == article.article_id or source.endswith(_FILE_SOURCE):
        return []
    words = _WORD.findall(fold(source))
    return [] if any(len(w) < 3 for w in words) else words


def from_source(topic: str, article: Article) -> bool:
    """The topic names the article's source ("a Zalai Hírlapban", "közölt az MTI"): every
    word of the source's name begins a word of the topic. A file name is no source."""
    words = source_words(article)
    topic_words = fold(topic).split()
    return bool(words) and all(any(t.startswith(w) for t in topic_words) for w in words)


def by_source(topic: str, articles: Sequence[Article]) -> tuple[list[Article], str]:
    """The articles of the source the topic names, and what the topic says beside the
    source and the verbs of publishing ("repülőtérről" in "a Zalai Hírlap a repülőtérről")."""
    sourced = [a for a in articles if from_source(topic, a)]
    if not sourced:
        return [], topic
    named = {w for a in sourced for w in source_words(a)}
    rest = [w for w in topic.split() if not any(fold(w).startswith(n) for n in named) and not _PUBLISHING.fullmatch(fold(w))]
    return sourced, " ".join(rest)
