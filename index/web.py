"""Saved web pages (.html, .htm) into `Article` records: main text, headline, date, source.

trafilatura and htmldate download a URL they are given as a string, so they only ever
get parsed trees here: reading a page never fetches anything.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from index.articles import Article, ArticleError, clean_text, decode, parse_date

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
# Boilerplate trafilatura's own rules miss on Hungarian sites: "kapcsolódó" (related),
# "ajánló" (recommended), "hírlevél" (newsletter), "süti" (cookie), plus generic consent boxes.
# Never a container of the article itself: <body class="has-newsletter cookie-pending"> is common.
_PRUNE = [
    "//*[not(self::html or self::body or self::main or self::article) and not(.//h1 or .//article) and "
    f"(contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{word}') "
    f"or contains(translate(@id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{word}'))]"
    for word in ("cookie", "consent", "gdpr", "kapcsolodo", "ajanlo", "hirlevel", "newsletter", "suti", "related")
] + ["//aside", "//nav", "//footer"]
_MONTHS = "január február március április május június július augusztus szeptember október november december".split()
# "2025. július 12." or "2025. júl. 12." in a byline.
_HU_DATE = re.compile(r"\b(\d{4})\.\s*(" + "|".join(m[:3] for m in _MONTHS) + r")[a-zá-ű]*\.?\s*(\d{1,2})\.", re.IGNORECASE)
# The site's header (unless it holds the headline), navigation and footer.
_CHROME = "//nav | //header[not(ancestor::article)][not(.//h1)] | //footer[not(ancestor::article)]"
_BYLINE = (
    "//*[contains(@class, 'date') or contains(@class, 'datum') or contains(@class, 'time') or contains(@class, 'ido') "
    "or contains(@class, 'publish') or contains(@class, 'megjelen') or contains(@class, 'byline') or contains(@class, 'meta')]"
)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_-]{2,40})", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BREAK = "\ue000"  # a private-use character marks line breaks while the tags are walked
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "tr", "section", "article", "header", "figure", "figcaption", "dd", "dt",
}  # fmt: skip


def decode_html(data: bytes) -> str:
    """The page's declared charset when it has one that fits, else the project's decoding."""
    match = _META_CHARSET.search(data[:4096])
    if match and data.strip() and b"\x00" not in data[:8192]:
        try:
            return data.decode(match[1].decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _tree(text: str):
    """A parsed page without its site chrome; the string is parsed, never treated as a URL."""
    from trafilatura.utils import load_html

    tree = load_html(_CONTROL.sub(" ", text))
    if tree is None:
        raise ArticleError("not an HTML page")
    # Gone before the date is looked for: sites show today's date in their header.
    for element in tree.xpath(_CHROME):
        if element.getparent() is not None:
            element.drop_tree()
    return tree


def _byline_date(tree) -> str:
    """A Hungarian written date in a date/byline element (htmldate reads no Hungarian months)."""
    for element in tree.xpath(_BYLINE)[:50]:
        match = _HU_DATE.search(" ".join(element.text_content().split()))
        if match:
            month = next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(match[2].lower()[:3]))
            return f"{int(match[1]):04d}-{month:02d}-{int(match[3]):02d}"
    return ""


def _htmldate(text: str) -> str:
    from htmldate import find_date

    return find_date(_tree(text), extensive_search=True, original_date=True) or ""


def _date(found: str | None, text: str) -> tuple[str, int]:
    """The page's date: its metadata, a Hungarian byline, then htmldate's search of the text."""
    for look in (lambda: found or "", lambda: _byline_date(_tree(text)), lambda: _htmldate(text)):
        candidate = look()
        try:
            if candidate:
                return parse_date(candidate[:10])
        except ArticleError:
            continue
    return "", 0


def describe_source(site: str, author: str, fallback: str) -> str:
    """'Telex (Kovács Anna)': the site or feed name, with the author when known."""
    site, author = " ".join(site.split()), " ".join(author.split())
    if site and author and author.casefold() not in site.casefold():
        return f"{site} ({author})"
    return site or author or fallback


def hostname(url: str) -> str:
    """'https://www.telex.hu/x' -> 'telex.hu'; '' for anything unparseable."""
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def paragraphs(text: str) -> str:
    """One paragraph a block, separated by blank lines, white space collapsed."""
    blocks = (" ".join(block.split()) for block in re.split(r"\n", text))
    return "\n\n".join(block for block in blocks if block)


def with_title(title: str, body: str) -> str:
    """The body, headed by its title unless it already starts with it (so the title can be cited)."""
    if not title or body.startswith(title):
        return body
    if not body:
        return title
    return f"{title}\n\n{body}"


def _extract(text: str, tables: bool):
    from trafilatura import bare_extraction

    try:
        return bare_extraction(
            _tree(text),
            with_metadata=True,
            include_comments=False,
            include_tables=tables,
            favor_precision=True,
            prune_xpath=_PRUNE,
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
        )
    except Exception as exc:
        # The extractors' own parsers fail on some broken pages (htmldate drops a <script> that
        # lxml left without a parent, and lxml asserts): the page is named and skipped, not the build.
        raise ArticleError(f"the page could not be parsed ({type(exc).__name__} in trafilatura/htmldate)") from exc


def _mostly_table(text: str) -> bool:
    rows = sum(len(line) for line in text.split("\n") if line.startswith("|"))
    return rows > len(text) / 2


def parse_html(text: str, article_id: str) -> Article:
    """A saved page as one article; raises ArticleError when it has no main text."""
    doc = _extract(text, tables=True)
    if doc is not None and _mostly_table(doc.text or ""):
        # A page laid out in a table (older regional sites): the table is the page, not data.
        try:
            doc = _extract(text, tables=False) or doc
        except ArticleError:
            pass  # the page as read with its tables is still an article
    body = paragraphs(clean_text(doc.text or "")) if doc is not None else ""
    if not body:
        raise ArticleError("no main text found (only navigation or boilerplate)")
    site = doc.sitename or ""
    title = " ".join((doc.title or "").split())
    for sep in (" | ", " - ", " – ", " — "):
        if site and title.endswith(f"{sep}{site}"):
            title = title[: -len(sep + site)]
    title = title or body.split("\n", 1)[0][:120]
    url = doc.url if (doc.url or "").startswith(("http://", "https://")) else ""
    published, published_int = _date(doc.date, text)
    source = describe_source(site or hostname(url), doc.author or "", article_id)
    return Article(article_id, title, published, published_int, "", source, url, with_title(title, body))


def html_to_text(fragment: str) -> str:
    """A feed entry's HTML as plain paragraphs: no tags, scripts or styles."""
    fragment = _CONTROL.sub(" ", fragment).replace(_BREAK, " ")
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for bad in root.xpath("//script|//style|//noscript|//iframe|//template|//form"):
            bad.drop_tree()
        # Line breaks in HTML source are spaces; blocks and <br> break lines (a private-use mark).
        for element in root.iter():
            if element.tag in _BLOCKS:
                element.text = _BREAK + (element.text or "")
                element.tail = _BREAK + (element.tail or "")
            elif element.tag == "br":
                element.tail = _BREAK + (element.tail or "")
        return paragraphs(root.text_content().replace("\n", " ").replace(_BREAK, "\n"))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):  # text lxml will not hold
        return paragraphs(re.sub(r"<[^>]*>", " ", fragment))
