"""Any page or feed file gives articles, a named skip, or a clear error: never a crash, never a fetch."""

import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index import build
from parsing import parsed_or_explained
from web_samples import atom, page_json_ld, rss

TAGS = ["html", "head", "body", "title", "meta", "article", "div", "p", "h1", "nav", "footer", "script", "style", "time",
        "item", "entry", "rss", "feed", "channel", "title", "link", "guid", "content:encoded", "description", "summary", "![CDATA["]  # fmt: skip
ATTRS = ['charset="iso-8859-2"', 'property="og:title" content="x"', 'class="cookie"', 'href="http://127.0.0.1:9/x"',
         'datetime="2025-13-45"', 'rel="canonical" href="https://[bad"', 'type="html"', 'content="0;url=http://x"']  # fmt: skip
SAMPLES = [
    rss([dict(guid="g1", link="https://a.hu/1", title="Cím", date="Tue, 01 Jul 2025 10:00:00 +0200", html="<p>Szöveg itt.</p>")]),
    atom([dict(guid="tag:a,2025:1", link="https://a.hu/2", title="Atom", date="2025-07-01T10:00:00Z", summary="Rövid.")]),
    page_json_ld("Cím", ["Az első bekezdés szövege itt áll."], site="Oldal", url="https://a.hu/3", author="Szerző", date="2025-07-01"),
]


def _markup(draw_list):
    return "".join(draw_list)


PIECE = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.tuples(st.sampled_from(TAGS), st.sampled_from(ATTRS)).map(lambda x: f"<{x[0]} {x[1]}>"),
    st.text(max_size=40),
    st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&nbsp;", "<!--", "-->", "<?xml version='1.0' encoding='utf-16'?>", "]]>", "http://127.0.0.1:9/"]),
)
MARKUP = st.lists(PIECE, max_size=40).map(_markup)


@st.composite
def mutated_sample(draw):
    text = draw(st.sampled_from(SAMPLES))
    cut = draw(st.integers(0, len(text)))
    return text[:cut] + draw(MARKUP) + text[cut + draw(st.integers(0, 50)) :]


DOCUMENTS = st.one_of(
    MARKUP.map(lambda t: t.encode("utf-8", "surrogatepass")),
    mutated_sample().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=3000),
    st.sampled_from(["http://127.0.0.1:9/feed", "https://example.com/x", "/etc/passwd"]).map(str.encode),
)
SUFFIXES = st.sampled_from([".html", ".htm", ".xml", ".rss", ".atom"])


@pytest.fixture
def no_network(monkeypatch):
    def refuse(self, address, *args, **kwargs):
        raise AssertionError(f"a page or feed file made a connection to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=DOCUMENTS, suffix=SUFFIXES)
def test_page_and_feed_parsers_never_crash(tmp_path, no_network, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for article in parsed_or_explained(path, max_bytes=100_000):
        assert article.title


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(DOCUMENTS, SUFFIXES), min_size=1, max_size=4))
def test_a_folder_of_fuzzed_pages_and_feeds_never_breaks_the_build(articles_dir, no_network, fake_embed, files):
    for old in articles_dir.iterdir():
        old.unlink()
    (articles_dir / "jo.txt").write_text(" date 2025-07 Hírek\n\nEgy rendes cikk szövege, hogy legyen mit indexelni.", encoding="utf-8")
    for n, (data, suffix) in enumerate(files):
        (articles_dir / f"f{n}{suffix}").write_bytes(data)
    report = build(embed_model=fake_embed)
    assert report.added + report.updated + report.unchanged >= 1
    assert all(s.source and s.reason for s in report.skipped)
