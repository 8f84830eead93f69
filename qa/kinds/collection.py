"""Questions about the collection itself, answered from the store's article records:
which articles there are, how many, the newest and oldest, the ones on a topic and when
the first and last of them appeared."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from index import Article
from qa.kinds.absence import elsewhere
from qa.kinds.common import in_period, Library, finish, md, when
from qa.kinds.overview import newest
from qa.kinds.stories import without_passing
from qa.planner import Request, fold
from qa.request_cues import SOURCES
from qa.retrieval import Filters
from qa.types import Answer

MAX_ROWS = 12
_MENTIONS = re.compile(r"\b(emlit\w*|szerepel\w*|szo esik|mentions?|mentioned|mentioning)\b")
# Asked in the same breath what the article was about ("Mikor jelent meg az Interfax cikke, és
# miről szólt?", "What is the newest article, and what is it about?"): two questions in one. The
# answer's articles, where it names few, are summarised under it, each by its key sentences, cited.
_ALSO_ABOUT = re.compile(r"\b(es|de|and|but)\b.*(\b(mirol|miro) (szol|szolt|szolnak|szoltak)\b|\bmit (ir|irt|irnak|irtak)\b|"
                         r"\bwhat (is|was|are|were) (it|they|each) about\b|\bwhat (does|did|do) (it|they|each) say\b)")
_ABOUT_AT_MOST = 3

TEXT = {
    "hu": {
        "empty": "Nincs cikk a gyűjteményben{period}.",
        "none_on": "Nem találtam cikket erről a témáról{period}.",
        "count": "**{articles}** van a gyűjteményben{period}; a legrégebbi {first}, a legfrissebb {last} jelent meg.",
        "count_on": "**{articles}** szól erről a témáról{period}; az első {first}, a legutóbbi {last} jelent meg.",
        "newest": "A legfrissebb cikk{on}: **„{title}”** ({date}{source}).",
        "oldest": "A legrégebbi cikk{on}: **„{title}”** ({date}{source}).",
        "list": "**{articles}**{on}{period}, a legfrissebbtől:",
        "list_one": "**{articles}**{on}{period}:",
        "on": " erről a témáról",
        "head": "| Megjelent | Cím | Forrás |\n|---|---|---|",
        "rest": "…és még {n} régebbi cikk.",
        "sources": "**{n} forrás** cikkei vannak a gyűjteményben{on}{period}:",
        "sources_head": "| Forrás | Cikkek | Legutóbb |\n|---|---|---|",
        "no_source": "A cikkeknek nincs megadott forrása{on}{period}.",
        "more_sources": "…és még {n} forrás, kevesebb cikkel.",
    },
    "en": {
        "empty": "There are no articles in the collection{period}.",
        "none_on": "I found no article on this topic{period}.",
        "count": "The collection holds **{articles}**{period}; the oldest appeared on {first}, the newest on {last}.",
        "count_on": "**{articles}** on this topic{period}; the first appeared on {first}, the latest on {last}.",
        "newest": "The newest article{on}: **“{title}”** ({date}{source}).",
        "oldest": "The oldest article{on}: **“{title}”** ({date}{source}).",
        "list": "**{articles}**{on}{period}, newest first:",
        "list_one": "**{articles}**{on}{period}:",
        "on": " on this topic",
        "head": "| Published | Title | Source |\n|---|---|---|",
        "rest": "…and {older}.",
        "sources": "The collection{on} holds articles from **{n} source{s}**{period}:",
        "sources_head": "| Source | Articles | Latest |\n|---|---|---|",
        "no_source": "The articles{on} name no source{period}.",
        "more_sources": "…and {n} more sources with fewer articles.",
    },
}


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    lang, t = request.language, TEXT[request.language]
    period = in_period(request)
    if request.operation == "sources":
        # "Milyen forrásokból vannak a cikkek?": the word for sources is the question's, not its topic
        request = replace(request, topic=" ".join(w for w in request.topic.split() if not SOURCES.search(fold(w))))
    on_topic = bool(request.topic.strip())
    if on_topic:
        found = [a for a, _ in library.on_topic(request, filters, limit=50)]
        if found and not _MENTIONS.search(fold(request.question)):
            # an article naming the topic's story in passing is not about it ("Hány cikk szól …?"),
            # though it mentions it ("Hány cikk említi …?")
            found = without_passing(library, found, newest(library), request.topic)
        articles = sorted(found, key=lambda a: a.published_int)
    else:
        articles = library.articles(filters)
    if not articles:
        # An empty result is an answer about the collection, not a refusal.
        return finish(request, (t["none_on"].format(period=period) + elsewhere(library, request, filters, lang)) if on_topic else t["empty"].format(period=period))
    first, last = articles[0], articles[-1]
    on = t["on"] if on_topic else ""
    op = request.operation
    if op == "count":
        key = "count_on" if on_topic else "count"
        text = t[key].format(articles=counted(len(articles), lang), period=period, first=when(first.published, lang), last=when(last.published, lang))
        if on_topic:
            text += "\n\n" + table(articles, lang)
    elif op in ("newest", "oldest"):
        a = last if op == "newest" else first
        text = t[op].format(on=on, title=md(a.title), date=when(a.published, lang), source=f", {md(_source(a))}" if _source(a) else "")
    elif op == "sources":
        text = sources(articles, lang, on, period)
    else:  # "list" and "when": the table shows titles and dates alike
        # one article has no order to name
        text = t["list" if len(articles) > 1 else "list_one"].format(articles=counted(len(articles), lang), on=on, period=period) + "\n\n" + table(articles, lang)
    shown = [last if op == "newest" else first] if op in ("newest", "oldest") else articles if op != "sources" else []
    if shown and len(shown) <= _ABOUT_AT_MOST and _ALSO_ABOUT.search(fold(request.question)):
        about, citations = _about(library, shown, lang)
        return finish(request, f"{text}\n\n{about}", citations)
    return finish(request, text)


def _about(library: Library, articles: Sequence[Article], lang: str):
    """The articles' brief summaries (text, citations), as a summary request would give them."""
    from qa.kinds import summary  # summary's modules import the collection's neighbours

    groups = summary.whole(library, [(a, summary.pick(library, a, summary.BRIEF_SENTENCES)) for a in articles])
    return summary.render("one" if len(articles) == 1 else "topic", groups, articles, lang, "")


def sources(articles: Sequence[Article], lang: str, on: str, period: str) -> str:
    """The sources the articles come from, the most frequent first, with their count and newest date."""
    t = TEXT[lang]
    by_source: dict[str, list[Article]] = {}
    for a in articles:
        if _source(a):
            by_source.setdefault(_source(a), []).append(a)
    if not by_source:
        return t["no_source"].format(on=on, period=period)
    rows = sorted(by_source.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    lines = [t["sources"].format(n=len(rows), s="" if len(rows) == 1 else "s", on=on, period=period), "", t["sources_head"]]
    for name, items in rows[:MAX_ROWS]:
        latest = max(items, key=lambda a: a.published_int)
        lines.append(f"| {md(name)} | {len(items)} | {when(latest.published, lang)} |")
    if len(rows) > MAX_ROWS:
        lines += ["", t["more_sources"].format(n=len(rows) - MAX_ROWS)]
    return "\n".join(lines)


def counted(n: int, lang: str, before: str = "") -> str:
    """"5 cikk", "1 article", "5 older articles": Hungarian keeps the noun singular after a number."""
    return f"{n} {before}cikk" if lang == "hu" else f"{n} {before}article" + ("" if n == 1 else "s")


def table(articles: Sequence[Article], lang: str) -> str:
    newest_first = sorted(articles, key=lambda a: (a.published_int, a.article_id), reverse=True)
    with_source = any(_source(a) for a in newest_first[:MAX_ROWS])
    head = TEXT[lang]["head"]
    rows = [head if with_source else "\n".join(line.rsplit("|", 2)[0] + "|" for line in head.split("\n"))]
    for a in newest_first[:MAX_ROWS]:
        source = f" {md(_source(a))} |" if with_source else ""
        rows.append(f"| {when(a.published, lang)} | {md(a.title)} |{source}")
    out = "\n".join(rows)
    if len(newest_first) > MAX_ROWS:
        out += "\n\n" + TEXT[lang]["rest"].format(n=len(newest_first) - MAX_ROWS, older=counted(len(newest_first) - MAX_ROWS, lang, "older "))
    return out


def _source(article: Article) -> str:
    # A file name is no source to a reader; a site or feed name is.
    source = article.source or ""
    return "" if source == article.article_id or source.endswith((".txt", ".md", ".json", ".jsonl", ".html", ".htm", ".xml")) else source
