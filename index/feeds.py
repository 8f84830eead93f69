"""RSS and Atom feeds, from files or configured URLs: every entry becomes an `Article`.

An entry's id is `<file or feed URL>#<guid, else link>`, so building again finds the
same entry again: unchanged entries are skipped, changed ones rewritten. Entries of a
configured feed URL are kept when they roll off the feed or the feed is unreachable.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import logging
from datetime import datetime
from pathlib import Path
from typing import Iterator, Sequence

from index.articles import Article, ArticleError, Deduplicator, Skipped, parse_date, read_articles
from index.fetch import Fetcher
from index.settings import IndexSettings
from index.web import decode_html, describe_source, hostname, html_to_text, paragraphs, parse_html, with_title

logger = logging.getLogger(__name__)

# An entry shorter than this is a teaser: its linked page is fetched when that is enabled.
TEASER_CHARS = 600
_TITLE_CHARS = 120


def _text(entry: dict) -> str:
    """content:encoded / Atom content when there is any, else the summary; HTML stripped."""
    contents = [c for c in entry.get("content") or [] if str(c.get("value", "")).strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        value, kind = best.get("value", ""), best.get("type", "text/html")
    else:
        value, kind = entry.get("summary", ""), (entry.get("summary_detail") or {}).get("type", "text/html")
    return _plain(str(value or ""), kind)


def _plain(value: str, kind: object) -> str:
    """Text of a feed field: HTML stripped when the feed says it is HTML, else kept as written."""
    return html_to_text(value) if "html" in str(kind) else paragraphs(value)


def _written_date(raw: str) -> str:
    """The day as the feed wrote it (its own time zone), from RFC 822 or ISO 8601."""
    try:
        day = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            day = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            return ""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _published(entry: dict) -> tuple[str, int]:
    for key in ("published", "updated", "created"):
        found = entry.get(f"{key}_parsed")
        day = _written_date(str(entry.get(key) or "")) or (
            f"{found.tm_year:04d}-{found.tm_mon:02d}-{found.tm_mday:02d}" if found else ""
        )
        if day:
            try:
                return parse_date(day)
            except ArticleError:
                continue
    return "", 0


def _linked_page(link: str, pages: Fetcher) -> str:
    """The main text of an entry's page (opt-in); '' when it cannot be had."""
    try:
        return parse_html(decode_html(pages.get(link)), link).text
    except ArticleError as exc:
        logger.warning("linked page %s not used: %s", link, exc)
        return ""


def _entry(entry: dict, n: int, origin: str, feed_name: str, pages: Fetcher | None) -> Article:
    key = " ".join(str(entry.get("id") or entry.get("link") or "").split())
    title = _plain(str(entry.get("title") or ""), (entry.get("title_detail") or {}).get("type", "text/plain"))
    title = " ".join(title.split())
    text = _text(entry)
    if not key:
        key = hashlib.sha1(f"{title}\x1f{text}".encode()).hexdigest()[:16] if title or text else f"entry-{n}"
    link = str(entry.get("link") or "")
    link = link if link.startswith(("http://", "https://")) else ""
    if pages and link and len(text) < TEASER_CHARS:
        page = _linked_page(link, pages)
        text = page if len(page) > len(text) else text
    if not text and not title:
        raise ArticleError("entry has neither title nor text")
    title = title or text.split("\n", 1)[0][:_TITLE_CHARS]
    published, published_int = _published(entry)
    tags = entry.get("tags") or []
    category = str(tags[0].get("term") or "") if tags and isinstance(tags[0], dict) else ""
    source = describe_source(feed_name, str(entry.get("author") or ""), origin)
    return Article(f"{origin}#{key}", title, published, published_int, category.strip(), source, link, with_title(title, text))


def parse_feed(data: bytes, origin: str, pages: Fetcher | None = None) -> Iterator[Article | Skipped]:
    """Every entry of an RSS/Atom document; an entry that fails is yielded as `Skipped`.

    Raises:
        ArticleError: not a feed, or a feed with no entries.
    """
    import feedparser

    if not data.strip():
        raise ArticleError("empty file")
    try:
        # A file object, never bytes or str: feedparser opens a str as a URL or a path, and bytes as a path.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # a third-party parser on untrusted input: any failure is "unreadable"
        raise ArticleError(f"not a readable feed ({type(exc).__name__})") from None
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not (entries and parsed.get("version")):
        raise ArticleError(f"not a readable feed ({_first_line(parsed.get('bozo_exception'))})")
    if not entries:
        raise ArticleError("no entries in the feed" if parsed.get("version") else "not an RSS or Atom feed")
    if parsed.get("bozo"):
        logger.warning("%s is malformed (%s); read %d entries anyway", origin, _first_line(parsed.get("bozo_exception")), len(entries))
    feed = parsed.get("feed") or {}
    feed_name = " ".join(str(feed.get("title") or "").split()) or hostname(str(feed.get("link") or "")) or origin
    for n, entry in enumerate(entries, 1):
        try:
            yield _entry(entry, n, origin, feed_name, pages)
        except ArticleError as exc:
            yield Skipped(f"{origin}[{n}]", str(exc))


def _first_line(exc: object) -> str:
    return str(exc).strip().split("\n", 1)[0][:200] or type(exc).__name__


def from_feed(article_id: str, urls: Sequence[str]) -> bool:
    """Whether an article came from one of these feed URLs (such articles are never removed)."""
    return any(article_id.startswith(f"{url}#") for url in urls)


def read_feed_urls(urls: Sequence[str], fetcher: Fetcher, known: Sequence[Article] = (), pages: bool = False) -> tuple[list[Article], list[Skipped]]:
    """Entries of each feed URL, minus those already in `known`; a feed that fails is `Skipped`."""
    dedup = Deduplicator(known)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for url in dict.fromkeys(urls):
        try:
            items = list(parse_feed(fetcher.get(url), url, fetcher if pages else None))
        except ArticleError as exc:
            skipped.append(Skipped(url, str(exc)))
            continue
        for item in items:
            refused = item if isinstance(item, Skipped) else dedup.check(item)
            if refused:
                skipped.append(refused)
            else:
                articles.append(item)
    for item in skipped:
        logger.warning("skipped %s: %s", item.source, item.reason)
    return articles, skipped


def read_sources(folder: Path, settings: IndexSettings, feeds: Sequence[str]) -> tuple[list[Article], list[Skipped]]:
    """The articles folder (pages and feed files included) and then the feed URLs."""
    fetcher = Fetcher(settings.feed_timeout_s, settings.max_file_bytes)
    pages = fetcher if settings.feed_fetch_pages else None
    articles, skipped = read_articles(folder, settings.max_file_bytes, pages)
    if feeds:
        more, more_skipped = read_feed_urls(feeds, fetcher, articles, settings.feed_fetch_pages)
        articles, skipped = articles + more, skipped + more_skipped
    return articles, skipped
