"""Saved pages in the layouts of Hungarian news sites, and feeds, written for the tests.

Each page has one article and its boilerplate: navigation, a cookie banner, related
articles, a newsletter box, a footer and scripts. BOILERPLATE lists words that occur only
in the boilerplate, so a test can check none of it reached the article text.
"""

from __future__ import annotations

from html import escape

BOILERPLATE = ["Sütibeállítások", "Elfogadom", "Kapcsolódó cikkek", "Legolvasottabb", "Impresszum", "Hírlevél", "trackPageView", "Belföld Külföld Gazdaság"]

_NAV = """<header class="site-header"><a class="logo" href="/">{site}</a>
<nav class="main-menu"><ul><li><a href="/belfold">Belföld</a></li> <li><a href="/kulfold">Külföld</a></li> <li><a href="/gazdasag">Gazdaság</a></li></ul></nav>
<div class="header-date">2025. november 24., hétfő</div></header>
<div id="cookie-consent" class="cookie-banner"><p>Sütibeállítások: ez az oldal sütiket használ a jobb élményért és a reklámok méréséért.</p>
<button>Elfogadom</button> <button>Beállítások</button></div>"""
_RELATED = """<section class="kapcsolodo-cikkek"><h3>Kapcsolódó cikkek</h3><ul>
<li><a href="/a">Megdrágult a kenyér a pékségekben, a lisztet okolják a pékek</a></li>
<li><a href="/b">Újabb rekordot döntött a forint árfolyama a hét elején</a></li>
<li><a href="/c">Elmarad a nyári fesztivál a rossz időjárás miatt a városban</a></li></ul></section>"""
_SIDEBAR = """<aside class="sidebar"><h3>Legolvasottabb</h3><ol><li>Ennyit keresnek a tanárok idén szeptembertől</li>
<li>Lezárják az M1-es autópályát a hétvégén Tatabánya és Bicske között</li></ol>
<div class="newsletter-box"><h4>Hírlevél</h4><p>Iratkozzon fel a hírlevelünkre, és elsőként értesül a legfontosabb hírekről!</p></div></aside>"""
_FOOTER = """<footer class="site-footer"><p>Impresszum · Adatvédelem · Médiaajánlat · Kapcsolat</p>
<p>© 2025 {site} Zrt. Minden jog fenntartva.</p></footer>
<script>window.dataLayer = window.dataLayer || []; function trackPageView(){{dataLayer.push({{event: 'pageview', section: 'belfold'}});}} trackPageView();</script>"""


def _paragraphs(body: list[str]) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in body)


def page_meta_tags(title: str, body: list[str], *, site: str, url: str, author: str, date: str) -> str:
    """A Telex-like page: Open Graph and article:published_time meta tags, canonical link."""
    return f"""<!DOCTYPE html><html lang="hu"><head><meta charset="utf-8">
<title>{escape(title)} | {site}</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}"><link rel="canonical" href="{url}">
<meta name="author" content="{author}"><meta property="article:published_time" content="{date}T08:15:00+02:00">
<script src="/static/app.js"></script><style>.cookie-banner {{ position: fixed; }}</style></head>
<body class="article-page has-newsletter cookie-consent-pending">{_NAV.format(site=site)}
<main class="main related-enabled"><article class="article"><h1 class="article-title">{escape(title)}</h1>
<div class="article-meta"><span class="author">{author}</span></div>
<div class="article-body">{_paragraphs(body)}</div></article>
{_RELATED}</main>{_SIDEBAR}{_FOOTER.format(site=site)}</body></html>"""


def page_json_ld(title: str, body: list[str], *, site: str, url: str, author: str, date: str) -> str:
    """An Index-like page: schema.org NewsArticle in JSON-LD, the text in div.cikk-torzs."""
    return f"""<!DOCTYPE html><html lang="hu"><head><meta charset="utf-8"><title>{escape(site)} - {escape(title)}</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{escape(title)}",
"datePublished": "{date}T06:30:00+01:00", "author": {{"@type": "Person", "name": "{author}"}},
"publisher": {{"@type": "Organization", "name": "{site}"}}, "mainEntityOfPage": "{url}"}}</script>
<link rel="canonical" href="{url}"></head>
<body><div id="page">{_NAV.format(site=site)}
<div class="content-wrapper"><div class="cikk-fejlec"><h1>{escape(title)}</h1></div>
<div class="cikk-torzs">{_paragraphs(body)}
<div class="ajanlo-doboz">Ajánló: Elmarad a nyári fesztivál a rossz időjárás miatt a városban</div></div>
{_RELATED}</div>{_SIDEBAR}{_FOOTER.format(site=site)}</div></body></html>"""


def page_byline_only(title: str, body: list[str], *, site: str, author: str, written_date: str) -> str:
    """A small regional site: no metadata at all, the date only written in the byline in Hungarian."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{escape(title)}</title></head>
<body><table class="layout"><tr><td class="menu">{_NAV.format(site=site)}</td></tr>
<tr><td class="tartalom"><div class="hir"><h2 class="cim">{escape(title)}</h2>
<div class="datum">Írta: {author} | Megjelent: {written_date}</div>
<div class="szoveg">{_paragraphs(body)}</div></div>
{_RELATED}</td></tr></table>{_FOOTER.format(site=site)}</body></html>"""


def page_without_article(site: str = "Hírportál") -> str:
    """Only navigation, a cookie banner, lists and a footer: nothing to index."""
    return f"<html><head><title>{site}</title></head><body>{_NAV.format(site=site)}{_RELATED}{_SIDEBAR}{_FOOTER.format(site=site)}</body></html>"


def rss(entries: list[dict], title: str = "Példa Hírek", link: str = "https://pelda.hu/") -> str:
    """RSS 2.0 with content:encoded where an entry has `html`, else only a description (a teaser)."""
    items = []
    for e in entries:
        content = f"<content:encoded><![CDATA[{e['html']}]]></content:encoded>" if e.get("html") else ""
        guid = f"<guid isPermaLink=\"false\">{escape(e['guid'])}</guid>" if e.get("guid") else ""
        items.append(
            f"<item><title>{escape(e['title'])}</title><link>{escape(e.get('link', ''))}</link>{guid}"
            f"<pubDate>{e.get('date', '')}</pubDate><dc:creator>{escape(e.get('author', ''))}</dc:creator>"
            f"<category>{escape(e.get('category', ''))}</category>"
            f"<description>{escape(e.get('summary', ''))}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{escape(title)}</title><link>{link}</link>'
        f"<description>Hírek</description>{''.join(items)}</channel></rss>"
    )


def atom(entries: list[dict], title: str = "Atom Hírek", link: str = "https://atom.pelda.hu/") -> str:
    """Atom 1.0; an entry's `html` goes into <content type="html">, `summary` into <summary>."""
    items = []
    for e in entries:
        content = f'<content type="html">{escape(e["html"])}</content>' if e.get("html") else ""
        items.append(
            f"<entry><title>{escape(e['title'])}</title><id>{escape(e['guid'])}</id><link href=\"{escape(e.get('link', ''))}\"/>"
            f"<published>{e.get('date', '')}</published><updated>{e.get('date', '')}</updated>"
            f"<author><name>{escape(e.get('author', ''))}</name></author>"
            f"<summary>{escape(e.get('summary', ''))}</summary>{content}</entry>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>'
        f'<link href="{link}"/><id>{link}</id><updated>2025-07-01T00:00:00Z</updated>{"".join(items)}</feed>'
    )
