"""The chat page under streamlit's AppTest, with the engine built on fakes."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.engine as engine
from fakes import FakeEmbedding
from index import build
from qa import REFUSAL, Assistant, Settings

APP = str(Path(__file__).resolve().parents[2] / "ui" / "app.py")


@pytest.fixture
def fake_engine(corpus_dir, monkeypatch):
    import streamlit as st

    st.cache_resource.clear()  # the app caches its engine per process
    embed = FakeEmbedding()
    build(Settings(), embed_model=embed)
    made = []

    def open_assistant(mode):
        made.append(mode)
        return Assistant.open(settings=Settings(), embed_model=embed)

    monkeypatch.setattr(engine, "open_assistant", open_assistant)
    return made


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run(timeout=60)
    assert not at.exception, at.exception
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_question_gets_a_cited_answer(fake_engine):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and at.title[0].value == "Kérdezzen a hírekről"
    ask(at, "Mit állít a Chatham House kutatása a kapcsolatról?")
    text = markdown(at)
    assert "Chatham House" in text and "**Források**" in text
    assert ":orange-background[" in text  # the cited sentence is marked in its passage
    assert "1 cikk" not in text and "**2** cikk" in text  # sidebar: what the corpus holds
    assert fake_engine == ["extractive"]


def test_refusal_renders_as_a_refusal(fake_engine):
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), "Hogyan kell kovászos kenyeret sütni otthon?")
    assert [i.value for i in at.info] == [REFUSAL["hu"]]
    assert "**Források**" not in markdown(at)


def test_engine_error_shows_a_message_not_a_traceback(fake_engine, monkeypatch):
    class Broken:
        def stream(self, *args, **kwargs):
            raise RuntimeError("disk on fire")
            yield  # pragma: no cover

    monkeypatch.setattr(engine, "open_assistant", lambda mode: Broken())
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), "Bármi?")
    assert any("disk on fire" in e.value for e in at.error)


def test_user_html_is_shown_as_text(fake_engine):
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), "<script>alert(1)</script> Chatham House kutatása?")
    text = markdown(at)
    assert "\\<script\\>alert\\(1\\)\\<\\/script\\>" in text and "<script>" not in text


def test_follow_up_and_new_conversation(fake_engine):
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), "Mit állít a Chatham House kutatása?")
    ask(at, "És mit mondott még?")
    assert len(at.session_state.messages) == 4
    assert at.session_state.messages[3]["answer"].standalone_question != "És mit mondott még?"
    next(b for b in at.sidebar.button if b.label == "Új beszélgetés").click().run()
    assert at.session_state.messages == []
