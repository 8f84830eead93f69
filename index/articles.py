"""Reading article files (.txt, .md, .json, .jsonl; pages and feeds via index.web/feeds) into `Article` records."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from index.fetch import Fetcher

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SUFFIXES = (".txt", ".md", ".json", ".jsonl") + HTML_SUFFIXES + FEED_SUFFIXES
# The corpus's own first line: " date 2025-07 Háború" or " date 2025-09-03 <title>".
_DATE_LINE = re.compile(r"^\s*date\s+(\S+)\s*(.*)$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# A date line's remainder this short is a category ("Háború"), longer is the title.
_CATEGORY_MAX_WORDS = 3
# Unicode's control characters (category Cc: U+0000-001F, U+007F-009F) but new line and tab;
# one regex pass instead of a category look-up per character (9 ms -> 0.4 ms for the bench's 40 articles).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LEGACY_ENCODINGS = ("cp1250", "iso8859_2")


class ArticleError(ValueError):
    """An article file (or one record in it) that cannot be indexed, and why."""


@dataclass(frozen=True)
class Article:
    article_id: str
    title: str
    published: str  # as written: "2025-07" or "2025-09-03"; "" when unknown
    published_int: int  # 20250701, 20250903; 0 when unknown (Chroma compares only numbers)
    category: str
    source: str
    url: str
    text: str

    @property
    def content_hash(self) -> str:
        payload = "\x1f".join((self.title, self.published, self.category, self.url, self.text))
        if self.source != self.article_id:
            # A publisher named apart from the file: a changed one re-ingests the article. Added
            # only then, so the hashes of articles without one (and their stores) stay as they were.
            payload += "\x1f" + self.source
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


class Deduplicator:
    """Refuses an article seen before: the same id, or the same text up to case and white space."""

    def __init__(self, known: Iterable[Article] = ()):
        self._texts: dict[str, str] = {}
        self._ids: set[str] = set()
        for article in known:
            self.check(article)

    def check(self, article: Article) -> Skipped | None:
        key = hashlib.sha256(" ".join(article.text.split()).casefold().encode()).hexdigest()
        if article.article_id in self._ids:
            return Skipped(article.article_id, "duplicate id")
        if key in self._texts:
            return Skipped(article.article_id, f"duplicate of {self._texts[key]}")
        self._texts[key] = article.article_id
        self._ids.add(article.article_id)
        return None


def parse_date(value: str) -> tuple[str, int]:
    """'2025-07' -> ('2025-07', 20250701); raises ArticleError for anything else."""
    match = _DATE.match(value.strip())
    if not match:
        raise ArticleError(f"malformed date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        raise ArticleError(f"malformed date {value!r} (month or day out of range)")
    return value.strip(), year * 10000 + month * 100 + day


def clean_text(text: str) -> str:
    """NFC, Unix line ends, no BOM; offsets into articles refer to this form."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")


def decode(data: bytes) -> str:
    """UTF-8, else a Central European legacy encoding if the bytes read as text in one."""
    if not data.strip():
        raise ArticleError("empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS)).best()
    if best is None or best.chaos > 0.2:
        raise ArticleError("not UTF-8, and no legacy encoding (cp1250, ISO-8859-2) fits")
    logger.info("decoded as %s", best.encoding)
    return str(best)


def _check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ArticleError("no article text")
    controls = len(_CONTROL.findall(text))
    if controls > len(text) * 0.01:
        raise ArticleError("binary file (control characters in the text)")
    return text


def _parse_txt(text: str, source: str) -> Article:
    first, _, rest = text.partition("\n")
    match = _DATE_LINE.match(first)
    if not match:
        raise ArticleError("missing date: the first line must be ' date YYYY-MM[-DD] <category or title>'")
    published, published_int = parse_date(match[1])
    remainder = match[2].strip()
    body = _check_text(rest)
    if remainder and len(remainder.split()) > _CATEGORY_MAX_WORDS:
        # The title sits on the date line: keep it in the text, so it can be found and cited.
        title, category, body = remainder, "", f"{remainder}\n\n{body}"
    else:
        title, category = body.split("\n", 1)[0].strip(), remainder
    return Article(source, title, published, published_int, category, source, "", body)


def _parse_md(text: str, source: str) -> Article:
    published, published_int, meta = "", 0, {}
    front = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if front:
        meta = dict(
            (k.strip().lower(), v.strip().strip("\"'"))
            for k, _, v in (line.partition(":") for line in front[1].splitlines())
            if v
        )
        text = text[front.end() :]
    body = _check_text(text)
    date = meta.get("published") or meta.get("date")
    if date:
        published, published_int = parse_date(date)
    heading = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    title = meta.get("title") or (heading[1].strip() if heading else body.split("\n", 1)[0].strip())
    # The front matter's source (the publisher: "Észak-Magyarország") is what a reader and a
    # "which articles came from…" question mean; the file's path stays the article's id.
    return Article(source, title, published, published_int, meta.get("category", ""), meta.get("source") or source, meta.get("url", ""), body)


def _from_record(record: object, article_id: str, source: str) -> Article:
    if not isinstance(record, dict):
        raise ArticleError("record is not a JSON object")
    values = {}
    for key in ("title", "text", "published", "source", "url", "category"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleError(f"field {key!r} must be a string")
        values[key] = clean_text(value or "")
    if not values["title"].strip():
        raise ArticleError("missing 'title'")
    body = _check_text(values["text"])
    published, published_int = parse_date(values["published"]) if values["published"] else ("", 0)
    return Article(
        article_id,
        values["title"].strip(),
        published,
        published_int,
        values["category"].strip(),
        values["source"].strip() or source,
        values["url"].strip(),
        body,
    )


def _parse_json(text: str, source: str, suffix: str) -> Iterator[Article | Skipped]:
    if suffix == ".jsonl":
        lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
        if not lines:
            raise ArticleError("no records")
        for n, line in lines:
            try:
                yield _from_record(json.loads(line), f"{source}#{n}", source)
            except (json.JSONDecodeError, ArticleError) as exc:
                yield Skipped(f"{source}:{n}", str(exc))
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, 1):
        try:
            yield _from_record(record, source if len(records) == 1 else f"{source}#{n}", source)
        except ArticleError as exc:
            yield Skipped(f"{source}[{n}]", str(exc))


def parse_file(path: Path, source: str, max_bytes: int, pages: Fetcher | None = None) -> Iterator[Article | Skipped]:
    """Articles in one file; a record that fails is yielded as `Skipped`.

    `pages` fetches the linked page of a feed entry that is only a teaser (opt-in).

    Raises:
        ArticleError: the whole file is unusable (too big, empty, binary, undecodable).
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
    data, suffix = path.read_bytes(), path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        from index.feeds import parse_feed

        yield from parse_feed(data, source, pages)
        return
    if suffix in HTML_SUFFIXES:
        from index.web import decode_html, parse_html

        yield parse_html(clean_text(decode_html(data)), source)
        return
    text = clean_text(decode(data))
    if suffix in (".json", ".jsonl"):
        yield from _parse_json(text, source, suffix)
    elif suffix == ".md":
        yield _parse_md(text, source)
    else:
        yield _parse_txt(text, source)


def read_articles(folder: Path, max_bytes: int, pages: Fetcher | None = None) -> tuple[list[Article], list[Skipped]]:
    """Every article under `folder`, with what was skipped and why (duplicates included)."""
    if not folder.is_dir():
        raise FileNotFoundError(f"articles folder {folder} does not exist")
    articles: list[Article] = []
    skipped: list[Skipped] = []
    dedup = Deduplicator()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        source = path.relative_to(folder).as_posix()
        if path.suffix.lower() not in SUFFIXES:
            skipped.append(Skipped(source, f"unsupported file type (use {', '.join(SUFFIXES)})"))
            continue
        try:
            for item in parse_file(path, source, max_bytes, pages):
                refused = item if isinstance(item, Skipped) else dedup.check(item)
                if refused:
                    skipped.append(refused)
                else:
                    articles.append(item)
        except (ArticleError, OSError) as exc:
            skipped.append(Skipped(source, str(exc)))
    for item in skipped:
        logger.warning("skipped %s: %s", item.source, item.reason)
    return articles, skipped
