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
_PUBLISHING = re.compile(r"kozol\w*|kiad(ott\w*|ta|tak|ja|jak)|hoz(ott|ta|tak)|publish\w*|ran|carried")
# Words that say articles are filed by who published them: a source written in lower case
# ("milyen cikkeket közölt az mti") counts only beside one of them.
_FILING = re.compile(r"cikk\w*|iras\w*|hir(ek|eit|eket)?|anyag\w*|irt\w*|articles?|stor(y|ies)|reports?|wrote|news")


def source_words(article: Article) -> list[str]:
    """The words of the article's source as a reader names it; none for a file name."""
    source = article.source or ""
    if not source or source == article.article_id or source.endswith(_FILE_SOURCE):
        return []
    words = _WORD.findall(fold(source))
    # a short word of a longer name ("Alföld Ma") is matched whole (`_begins`); a name of short words alone is none
    return [] if all(len(w) < 3 for w in words) else words


def _begins(word: str, folded: str) -> bool:
    return folded.startswith(word) if len(word) >= 3 else folded == word or folded.startswith(word + "-")


def from_source(topic: str, article: Article) -> bool:
    """The topic names the article's source ("a Zalai Hírlapban", "közölt az MTI"): every
    word of the source's name begins a word of the topic, written as a name (capitalised), or
    in any case beside a word of publishing or filing ("az mti cikkei"). A file name is no
    source, and a word that only begins like one is none either ("portfóliója", "indexálás")."""
    words = source_words(article)
    if not words:
        return False
    raw = topic.split()
    folded = [fold(t) for t in raw]
    filing = any(_PUBLISHING.fullmatch(t) or _FILING.fullmatch(t) for t in folded)
    return all(any(_begins(w, f) and (filing or r[:1].isupper()) for r, f in zip(raw, folded)) for w in words)


def by_source(topic: str, articles: Sequence[Article]) -> tuple[list[Article], str]:
    """The articles of the source the topic names, and what the topic says beside the
    source and the verbs of publishing ("repülőtérről" in "a Zalai Hírlap a repülőtérről")."""
    sourced = [a for a in articles if from_source(topic, a)]
    if not sourced:
        return [], topic
    named = {w for a in sourced for w in source_words(a)}
    rest = [w for w in topic.split() if not any(_begins(n, fold(w)) for n in named) and not _PUBLISHING.fullmatch(fold(w))]
    return sourced, " ".join(rest)
