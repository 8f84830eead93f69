"""Which articles a summary request is about: one article, the articles on a topic, or the
whole collection (`scope`), read from how the request names them ("ezt a cikket", "a cikkeket",
"the report", "mi lett végül…")."""

from __future__ import annotations

import re

from index import Article
from qa.kinds.common import Library
from qa.kinds.stories import without_passing
from qa.planner import Request, fold
from qa.retrieval import Filters

MAX_ARTICLES = 6
# "ezt a cikket", "the article", "the report": one article; "a cikkeket", "articles": several.
# Not "story": "the Kalocsa railway story" is told in all of its articles. Hungarian writes the
# singular after a number: "a két cikket", "mindhárom írást" are several.
_ONE_ARTICLE = re.compile(
    r"\b(?<!ket )(?<!harom )(?<!negy )(?<!mindket )(?<!mindharom )(?<!nehany )(?<!par )(?<!tobb )(?<!osszes )(?<!minden )"
    r"(cikket|cikk|cikkrol|cikkben|irast|iras|hirt|riportot|riport|beszamolot|beszamolo|interjut|interju|"
    r"article|report|interview)\b"
)

# "az összes …-ról szóló cikket", "valamennyi cikket", "every article": all of them, in the singular.
_ALL = re.compile(r"\b(osszes|minden|valamennyi|every|each|all)\b")

# Asked how a story ended ("mi lett végül…", "mi lett az eredménye", "how did it end") or how it began ("eredetileg",
# "how did it start"): the story's newest or its oldest article is the one to summarise; the
# others are listed under it. Matched on the question folded.
_OUTCOME = re.compile(r"\b(vegul|vegulis|vegkifejlet\w*|vegeredmeny\w*|mi lett\b.*\b(eredmenye|sorsa|vege)|hogyan (ert\w* veget|zarult|vegzodott)|"
                      r"finally|in the end|eventually|ultimately|outcome(?!-)|what was the result|how did (it|the [\w -]{1,40}?) end|ended up)\b")
# "Végül, foglald össze…", "And finally: summarise…": the request's last item, not the story's end.
_LAST_ITEM = re.compile(r"^\W*((es|and) )?(vegul|vegezetul|finally|lastly)\b(\W*[,:;]|(?=\s+(foglald|osszegezd|irj|adj|keszits|summari[sz]e|give|write|make|tell)\b))\s*")
_BEGINNING = re.compile(r"\b(eredetileg|kezdetben|eleinte|hogyan kezdodott|mivel kezdodott|originally|at first|in the beginning|"
                        r"how did (it|the [\w -]{1,40}?) (start|begin))\b")


def one_article(folded: str) -> bool:
    """The request names one article ("ezt a cikket", "the report"), not all of them in the
    singular ("az összes gyárról szóló cikket", "every article")."""
    return bool(_ONE_ARTICLE.search(folded)) and not _ALL.search(folded)


def scope(library: Library, request: Request, filters: Filters | None) -> tuple[str, list[Article]]:
    """("one" | "topic" | "all", the articles to summarise, newest first)."""
    if not request.topic.strip():
        return "all", sorted(library.articles(filters), key=lambda a: a.published_int, reverse=True)
    found = [a for a, _ in library.on_topic(request, filters)]
    if not found:
        return "topic", []
    titled = [a for a in found if " ".join(a.title.split()) == request.topic]
    if titled:
        # a topic that is an article's whole title names that article ("az elsőt" of a list)
        return "one", titled[:1]
    folded = _LAST_ITEM.sub("", fold(request.question))
    ended = _OUTCOME.search(folded)
    if len(found) > 1 and (ended or _BEGINNING.search(folded)):
        newest_first = sorted(found[:MAX_ARTICLES], key=lambda a: a.published_int, reverse=True)
        end = newest_first[0] if ended else newest_first[-1]
        return "one", [end] + [a for a in newest_first if a is not end]
    if one_article(folded) or len(found) == 1:
        return "one", found[:1]
    from qa.kinds.overview import newest  # overview imports this module

    found = without_passing(library, found[:MAX_ARTICLES], newest(library), request.topic)
    return "topic", sorted(found, key=lambda a: a.published_int, reverse=True)
