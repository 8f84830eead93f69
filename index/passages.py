"""Cutting articles into sentence-aware passages that keep their offsets.

llama-index's SentenceSplitter sizes chunks in tiktoken (English) tokens and finds
offsets by searching the text again afterwards; we need exact spans for citations and
paragraph/heading awareness for Hungarian news, so the cutting is done here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from index.articles import Article

# Bump when passage boundaries change, so stores built with the old cut are redone.
# 2: passages carry the article's source and url; 3: abbreviations and initials end no sentence.
CHUNKER_VERSION = 3

# A sentence ends at . ! ? … (and any closing quotes/brackets) before white space and a
# capital, digit, opening quote or dash: "A 23. cikk" is not a boundary, "…el. A" is.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»)\]]*(?=\s+[\"'„“«(\[–—-]?[0-9A-ZÁÉÍÓÖŐÚÜŰ])")
# A full stop after these (compared in lower case) ends no sentence: "dr. Kovács", "pl. Ausztria",
# "kb. 300", "szept. 3-án", "Kossuth u. 5.", "Kr. e. 50", "id. Antall József", "No. 5".
_ABBREVIATIONS = frozenset(
    """dr prof id ifj özv mr mrs ms st jr sr no nr kr e u krt ker sz ún pl kb ill ld vö ca vs
    jan febr márc ápr máj jún júl aug szept okt nov dec""".split()
)
# Hungarian writes one full stop where an abbreviation ends a sentence, so after a company
# form "a Mol Nyrt. A cég…" is a sentence end and "az OTP Bank Nyrt. Igazgatósága" is not.
# The rule: the sentence ends only when what follows visibly starts one (an opening quote or
# dash, or one of _OPENERS); a capitalised word or a number ("a Strabag Zrt. 2025-ben nyerte
# el") is taken as the sentence going on.
_COMPANY_FORMS = frozenset("zrt kft nyrt bt rt kkt kht ltd inc co corp plc llc gmbh".split())
# Capitalised words that begin a sentence rather than continue a name: articles,
# demonstratives, conjunctions and sentence adverbs (Hungarian, and English for quotes).
_OPENERS = frozenset(
    """a az egy ez ezt ezzel ezért ennek erre ebben emellett ekkor így ilyen itt ott most már még
    mint míg miután mivel mert ha hogy de és s sőt pedig azonban ugyanakkor továbbá ám viszont
    tehát akkor amikor ami amely aki ők ő nem sem is csak tavaly idén szerinte the this it in
    on at but and""".split()
)
# "Kovács J. Péter", "J. K. Rowling", "Szabó Zs. Ágnes": initials, one capital or a digraph.
_INITIAL = re.compile(r"[A-ZÁÉÍÓÖŐÚÜŰ]|Cs|Dzs|Dz|Gy|Ly|Ny|Sz|Ty|Zs")
_ROMAN = re.compile(r"[IVX]+")  # "XIV. Lajos", "II. János Pál"
_PARAGRAPH = re.compile(r"\n\s*\n")
# A one-line block this short without a full stop is a sub-head: it joins the next block.
_HEADING_MAX_CHARS = 80


@dataclass(frozen=True)
class Passage:
    passage_id: str
    article_id: str
    text: str
    start: int  # character offsets into Article.text
    end: int
    title: str
    published: str
    published_int: int
    source: str = ""  # the article's site or feed name, for citations
    url: str = ""  # the article's link


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end]; line breaks always end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        cut = line_start
        for match in _SENTENCE_END.finditer(line.group()):
            if not _ends_sentence(line.group(), match):
                continue
            span = _trimmed(text, cut, line_start + match.end())
            if span:
                spans.append(span)
            cut = line_start + match.end()
        span = _trimmed(text, cut, start + line.end())
        if span:
            spans.append(span)
    return spans


def _ends_sentence(line: str, match: re.Match) -> bool:
    """False for a full stop of an abbreviation, an initial or a numeric date's part."""
    if match.group() != ".":
        return True
    before = re.search(r"\w+$", line[: match.start()])
    if not before:
        return True
    word, after = before.group(), line[match.end() :].lstrip()
    if word.isdigit():
        if after[:1].isdigit():
            return False  # "2025. 09. 03-án"
        # "a 27. Szolnoki Gulyásfesztivál", "Az 5. Nemzetközi…": after an article the number
        # is an ordinal, not a sentence's last word. (Query-time splits take this at once; a
        # long block cut into passages at such a point is rare enough not to redo every store,
        # so CHUNKER_VERSION stays.)
        # A sentence starting after it still ends it: "…elérte a 120. Ez rekord."
        if re.search(r"(?:^|[\s(„\"])[Aa]z?\s+$", line[: before.start()]):
            next_word = re.match(r"\w+", after)
            return bool(next_word) and next_word.group().lower() in _OPENERS
        return True
    if word.lower() in _ABBREVIATIONS or _INITIAL.fullmatch(word) or _ROMAN.fullmatch(word):
        return False
    if word.lower() in _COMPANY_FORMS:
        next_word = re.match(r"\w+", after)
        return not next_word or next_word.group().lower() in _OPENERS
    return True


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, each sub-head joined to the paragraph that follows it."""
    spans, cut = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((cut, match.start()))
        cut = match.end()
    spans.append((cut, len(text)))
    blocks: list[tuple[int, int]] = []
    pending: int | None = None
    for raw in spans:
        span = _trimmed(text, *raw)
        if not span:
            continue
        s, e = span
        chunk = text[s:e]
        if "\n" not in chunk and len(chunk) <= _HEADING_MAX_CHARS and not chunk.endswith((".", "!", "”", '"')):
            pending = s if pending is None else pending
            continue
        blocks.append((s if pending is None else pending, e))
        pending = None
    if pending is not None:
        blocks.append((pending, len(text.rstrip())))
    return blocks


def _pieces(text: str, block: tuple[int, int], limit: int) -> list[tuple[int, int]]:
    """A block, or its sentence-aligned parts when it is longer than `limit`."""
    start, end = block
    if end - start <= limit:
        return [block]
    pieces, cur = [], None
    for s, e in split_sentences(text, start, end):
        if cur and e - cur[0] > limit:
            pieces.append(cur)
            cur = None
        cur = (cur[0], e) if cur else (s, e)
    if cur:
        pieces.append(cur)
    return pieces


def passage_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}\x1f{start}\x1f{end}".encode()).hexdigest()[:20]


def split_article(article: Article, target_chars: int) -> list[Passage]:
    """Greedy packing of paragraphs into passages of about `target_chars` characters."""
    spans: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for block in _blocks(article.text):
        for s, e in _pieces(article.text, block, target_chars):
            if cur and e - cur[0] > target_chars:
                spans.append(cur)
                cur = None
            cur = (cur[0], e) if cur else (s, e)
    if cur:
        spans.append(cur)
    return [
        Passage(
            passage_id(article.article_id, s, e),
            article.article_id,
            article.text[s:e],
            s,
            e,
            article.title,
            article.published,
            article.published_int,
        )
        for s, e in spans
    ]
