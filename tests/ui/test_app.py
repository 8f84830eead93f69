"""The chat page under streamlit's AppTest, with the engine built on fakes."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui.engine as engine
from fakes import FakeEmbedding
from index import Passage, build
from prepared import chatham_answer
from qa import REFUSAL, Answer, Assistant, Citation, Settings
from ui.history import History
from ui.session import HISTORY_BROKEN

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
    real_add = engine.add_uploads
    monkeypatch.setattr(engine, "add_uploads", lambda files, progress=None: real_add(files, progress, embed_model=embed))
    return made


class Prepared:
    """The real assistant for articles; every question gets the prepared Chatham House answer."""

    def __init__(self, real):
        self.real = real

    def article(self, article_id):
        return self.real.article(article_id)

    def stream(self, question, history=None, filters=None):
        yield chatham_answer(question)


@pytest.fixture
def prepared(fake_engine, monkeypatch):
    real = engine.open_assistant
    monkeypatch.setattr(engine, "open_assistant", lambda mode: Prepared(real(mode)))


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run(timeout=60)
    assert not at.exception, at.exception
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_question_gets_a_cited_answer(fake_engine):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and at.title[0].value == "Kérdezzen a hírekről"
    ask(at, "Mit állít a Chatham House kutatása?")
    text = markdown(at)
    assert "Chatham House" in text and "**Források**" in text
    assert ":orange-background[" in text  # the cited sentence is marked in its passage
    assert "1 cikk" not in text and "**2** cikk" in text  # sidebar: what the corpus holds
    assert fake_engine == ["extractive"]


def test_refusal_renders_as_a_refusal(fake_engine):
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), "Hogyan kell kovászos kenyeret sütni otthon?")
    assert [i.value[: len(REFUSAL["hu"]) - 1] for i in at.info] == [REFUSAL["hu"][:-1]]  # a reason may follow
    assert "**Források**" not in markdown(at)


def test_a_refusals_closest_sentences_show_under_it_not_as_sources(fake_engine, monkeypatch):
    from dataclasses import replace

    class Refusing(Prepared):
        def stream(self, question, history=None, filters=None):
            answer = chatham_answer(question)
            yield replace(answer, text=REFUSAL["hu"], refused=True, citations=(), related=answer.citations)

    real = engine.open_assistant
    monkeypatch.setattr(engine, "open_assistant", lambda mode: Refusing(real(mode)))
    at = ask(AppTest.from_file(APP, default_timeout=60).run(), "Mit állít a Chatham House kutatása?")
    text = markdown(at)
    assert [i.value for i in at.info] == [REFUSAL["hu"]]
    assert "**Források**" not in text and "**A legközelebbi mondatok – talán válaszolnak, ellenőrizze**" in text
    assert "Oroszországnak" in text and "Oroszországnak" not in "Mit állít a Chatham House kutatása?"  # the sentence, in its card
    assert "\\[1\\]" not in text  # no [n] in the refusal points at them: the cards are not numbered


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


def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def sidebar_button(at: AppTest, label: str):
    return next(b for b in at.sidebar.button if b.label == label)


def test_reload_reopens_the_conversation_and_its_feedback(prepared):
    at = ask(app(), "Mit állít a Chatham House kutatása?")
    cid = at.query_params["c"]
    turn_id = at.session_state.messages[1]["turn_id"]
    at.feedback[0].set_value(1).run()
    assert History.open().get(cid).turns[0].feedback == 1
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["c"] = cid  # a reload keeps the address
    again.run()
    assert [m["role"] for m in again.session_state.messages] == ["user", "assistant"]
    assert "Chatham House" in markdown(again) and again.session_state[f"fb-{turn_id}"] == 1


def test_conversations_are_listed_renamed_and_deleted(prepared):
    at = ask(app(), "Mit állít a Chatham House kutatása?")
    cid = at.session_state.conversation_id
    listed = [b.label for b in at.sidebar.button if b.key == f"open-conv-{cid}"]
    assert listed and listed[0].startswith("Mit állít a Chatham House kutatása\\?") and "ma " in listed[0]
    sidebar_button(at, "Új beszélgetés").click().run()
    assert at.session_state.messages == [] and "c" not in at.query_params
    at.text_input(key=f"name-{cid}").set_value("Chatham-kutatás").run()
    at.button(key=f"rename-{cid}").click().run()
    assert History.open().get(cid).title == "Chatham-kutatás"
    at.button(key=f"open-conv-{cid}").click().run()
    assert len(at.session_state.messages) == 2 and at.query_params["c"] == cid
    at.button(key=f"delete-{cid}").click().run()
    assert History.open().conversations() == [] and at.session_state.messages == []


def test_a_corrupt_history_file_is_one_sentence_and_the_chat_works(prepared):
    path = Settings().store_dir / "conversations.sqlite3"
    path.write_bytes(b"garbage, not sqlite" * 200)
    at = ask(app(), "Mit állít a Chatham House kutatása?")
    assert [w.value for w in at.warning] == [HISTORY_BROKEN]
    assert "Chatham House" in markdown(at) and len(at.session_state.messages) == 2


def test_blank_questions_are_not_sent_and_examples_ask(prepared):
    at = ask(app(), "   ")
    assert at.session_state.messages == []
    example = at.button(key="example-4")
    assert example.label == "Szia! Miben tudsz segíteni?"
    example.click().run()
    assert at.session_state.messages[0]["content"] == "Szia! Miben tudsz segíteni?"
    assert not [b for b in at.button if b.key and b.key.startswith("example-")]  # shown only while empty


def test_upload_reports_per_file_in_hungarian_and_clears(fake_engine):
    at = app()
    assert "**2** cikk" in markdown(at)
    good = " date 2025-10-01 Hír\n\nÚj cikk\n\nA Zsiráfkert megnyílt Phenjanban tegnap délután.".encode()
    at.file_uploader[0].set_value([("uj.txt", good, "text/plain"), ("ures.md", b"", "text/markdown")]).run()
    sidebar_button(at, "Feltöltés és indexelés").click().run()
    assert "**3** cikk" in markdown(at)
    assert "uj.txt: felvéve az indexbe." in [s.value for s in at.success]
    assert "ures.md: üres fájl" in [e.value for e in at.error]
    assert at.file_uploader[0].key == "upload-1" and not at.file_uploader[0].value  # a fresh, empty uploader
    assert "Legfeljebb 5 MB fájlonként" in "\n".join(c.value for c in at.caption)


class KindAssistant:
    """Answers every question with one prepared Answer (a timeline with a hostile title)."""

    def __init__(self, answer):
        self.answer = answer

    def stream(self, question, history=None, filters=None):
        yield self.answer


def test_answer_kinds_render_as_markdown_with_content_escaped(fake_engine, monkeypatch):
    passage = Passage("p1", "a1", "Első mondat. Kim Putyinnal találkozott. Harmadik mondat.", 0, 56, "<script>alert(1)</script> Cím", "2025-09-03", 20250903)
    citation = Citation(1, passage, "Kim Putyinnal találkozott.", 13, 39)
    timeline = Answer("Hogyan alakult?", "### <script>alert(1)</script> Cím (2025. szeptember 3.)\n\n- **2025-09-03** — Kim Putyinnal találkozott [1].",
                      (citation,), False, kind="timeline", period="2025. szeptember")
    monkeypatch.setattr(engine, "open_assistant", lambda mode: KindAssistant(timeline))
    at = ask(app(), "Hogyan alakult?")
    text = markdown(at)
    assert "### \\<script\\>alert\\(1\\)\\<\\/script\\> Cím" in text and "<script>" not in text
    assert "- **2025\\-09\\-03** — Kim Putyinnal találkozott [\\[1\\]](#forras-1-1)" in text
    assert "Keresett időszak: 2025\\. szeptember" in [c.value for c in at.caption]
    assert "2025\\. szeptember 3\\." in [c.value for c in at.caption]  # the card's date, in Hungarian
    chat = Answer("Szia!", "Szia! Kérdezzen a cikkekről, például:\n\n- Mit szállít Észak-Korea?", (), False, kind="chat")
    monkeypatch.setattr(engine, "open_assistant", lambda mode: KindAssistant(chat))
    import streamlit as st

    st.cache_resource.clear()
    at = ask(app(), "Szia!")
    assert "- Mit szállít Észak\\-Korea\\?" in markdown(at) and "**Források**" not in markdown(at)
    assert "Próbálja ki" not in markdown(at)  # the examples go once a question is asked


def test_articles_newest_first_open_and_details_stay_in_the_about_panel(prepared):
    at = ask(app(), "Mit állít a Chatham House kutatása?")
    titles = [b for b in at.sidebar.button if b.key and b.key.startswith("article-")]
    assert "2025\\. szeptember 3\\." in titles[0].label and "2025\\. július" in titles[-1].label  # newest first
    titles[0].click().run()
    assert any(m.value.startswith("### Megerősítette") for m in at.markdown)  # the article's dialog
    captions = [c.value for c in at.main.caption]
    assert not any("extractive" in c or c.endswith(" s") for c in captions)  # no timings under answers
    about = next(e for e in at.sidebar.expander if e.label == "Beállítások és névjegy")
    assert any("Legutóbbi válasz:** Kivonatos" in m.value for m in about.markdown)


def test_the_fact_example_asks_what_someone_the_articles_quote_said(fake_engine):
    at = app()
    examples = [b.label for b in at.button if b.key and b.key.startswith("example-")]
    # the sample's newest article quotes Kim Dzsongun; "the newest article" would ask about the collection
    assert examples[0] == "Mit mondott Kim Dzsongun?" and "Foglald össze a cikkeket!" in examples


def test_a_question_whose_answer_a_new_question_cut_off_is_answered_first(prepared):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    # the page as a rerun leaves it when a question arrives while the answer before it is written
    at.session_state.messages = [{"role": "user", "content": "Ki elemezte az együttműködést?"}]
    ask(at, "Mit írt a Chatham House?")
    assert [m["role"] for m in at.session_state.messages] == ["user", "assistant", "user", "assistant"]
    assert [m["content"] for m in at.session_state.messages[::2]] == ["Ki elemezte az együttműködést?", "Mit írt a Chatham House?"]
