"""The chat: `streamlit run ui/app.py` (./run.sh starts it bound to 127.0.0.1)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

import ui.engine as engine  # noqa: E402
import ui.session as session  # noqa: E402
from index import StoreError  # noqa: E402
from qa import Answer, Filters, Turn  # noqa: E402
from qa.kinds.chat import speaker_question  # noqa: E402
from qa.models import ModelMissing  # noqa: E402
from ui.cards import render_answer  # noqa: E402
from ui.render import escape  # noqa: E402
from ui.sidebar import conversations, sidebar  # noqa: E402

st.set_page_config(page_title="Hírkérdező", page_icon="📰", layout="wide")

# What each kind of request looks like, for an empty chat: one click asks it.
EXAMPLES = (
    ("Tény", ":material/fact_check:", "Ki nyilatkozott a legfrissebb cikkben, és mit mondott?"),
    ("Összefoglaló", ":material/summarize:", "Foglald össze a cikkeket!"),
    ("Idővonal", ":material/timeline:", "Hogyan alakult a téma az idők során?"),
    ("A gyűjtemény", ":material/library_books:", "Milyen cikkek vannak, és mikor jelentek meg?"),
    ("Beszélgetés", ":material/waving_hand:", "Szia! Miben tudsz segíteni?"),
)

# Streamlit's uploader writes "Upload", "200MB per file", "Drag and drop…" in English with no
# option to change them: hide those and say it in Hungarian (the limit is in the caption below).
# On a phone, a card keeps only its cited sentence; the neighbours come back on wider screens.
CSS = """
<style>
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button p { display: none; }
[data-testid="stFileUploaderDropzone"] button::after { content: "Fájlok kiválasztása"; font-size: 0.875rem; }
[class*="st-key-conv-"] button { justify-content: flex-start; text-align: left; }
[class*="st-key-quote-"] { display: none; }
[class*="st-key-card-"] { position: relative; }
.stElementContainer:has(.forras-horgony) { position: absolute; top: 0; left: 0; }
@media (max-width: 640px) {
  [class*="st-key-ctx-"] { display: none; }
  [class*="st-key-quote-"] { display: block; }
  [class*="st-key-card-"] { padding: 0.6rem 0.75rem; gap: 0.3rem; }
  [class*="st-key-card-"] p { font-size: 0.9rem; line-height: 1.45; }
}
.forras-horgony { scroll-margin-top: 4rem; }
[class*="st-key-card-"]:has(.forras-horgony:target) { outline: 2px solid #f0a020; }
</style>
"""


def first_start() -> None:
    """On a fresh machine: say what is being prepared instead of showing a blank page."""
    if st.session_state.get("ready"):
        return
    slot = st.empty()  # gone once ready: nothing to say on later visits
    with slot.status("Előkészítés: beágyazó modell és cikkindex…", expanded=True) as status:
        bar = st.progress(0.0, text="Cikkek feldolgozása")
        report = engine.ensure_index(lambda done, total: bar.progress(done / max(total, 1), text=f"{done}/{total} részlet"))
        if report:
            st.write(f"{report.added} cikk indexelve, {report.passages_written} részlet.")
        st.write("Válaszoló motor betöltése…")
        session.assistant_for(st.session_state.get("mode", "extractive"))
        status.update(label="Kész", state="complete", expanded=False)
    slot.empty()
    st.session_state.ready = True


def examples() -> None:
    """An empty chat offers one request of each kind; a click asks it. The fact example asks
    what someone the collection quotes said ("Mit mondott Kim Dzsongun?"): a question about
    "the newest article" is one about the collection, not a fact."""
    st.markdown("**Próbálja ki például:**")
    try:
        quoted = speaker_question(session.assistant_for(st.session_state.mode).library.articles())
    except Exception:  # the examples are an offer: never an error in an empty chat
        quoted = None
    shown = [(k, i, quoted) if k == "Tény" and quoted else (k, i, q) for k, i, q in EXAMPLES]
    with st.container(horizontal=True, gap="small", key="examples"):
        for i, (kind, icon, question) in enumerate(shown):
            st.button(question, key=f"example-{i}", icon=icon, help=kind, on_click=st.session_state.__setitem__, args=("pending", question))


def answer(question: str, filters: Filters | None) -> None:
    """Stream the answer to `question` into the page and keep the turn."""
    history = [Turn(m["role"], m["content"]) for m in st.session_state.messages]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        placeholder, text, result = st.empty(), "", None
        try:
            started = time.perf_counter()
            for piece in session.assistant_for(st.session_state.mode).stream(question, history, filters):
                if isinstance(piece, Answer):
                    result = piece
                else:
                    text += piece
                    placeholder.markdown(escape(text) + " ▌")
            placeholder.empty()
        except (StoreError, ModelMissing, ValueError) as exc:
            placeholder.empty()
            st.error(str(exc))
            st.session_state.messages.pop()
            return
        except Exception as exc:  # never a traceback in the chat
            placeholder.empty()
            st.error(f"Váratlan hiba történt: {type(exc).__name__}: {exc}")
            st.session_state.messages.pop()
            return
        st.session_state.last_run = {"generator": result.generator, "seconds": time.perf_counter() - started, "timings": result.timings, "confidence": result.confidence}
        turn_id = session.save_turn(result)
        turn = str(len(st.session_state.messages))
        st.session_state.messages.append({"role": "assistant", "content": result.text, "answer": result, "turn_id": turn_id})
        render_answer(result, turn, turn_id)


def main() -> None:
    st.html(CSS)
    st.session_state.setdefault("messages", [])
    st.session_state.setdefault("mode", "extractive")
    try:
        first_start()
    except (StoreError, ModelMissing, ValueError) as exc:
        st.error(f"Nem sikerült elindítani: {exc}")
        return
    session.restore_from_address()
    # A question sent while the answer before it was still being written reruns the page, which
    # drops that answer: its question is left last, without one, and is answered again first.
    messages = st.session_state.messages
    unanswered = messages.pop()["content"] if messages and messages[-1]["role"] == "user" else None
    filters, slot = sidebar()
    st.title("Kérdezzen a hírekről")
    st.caption("A válaszok csak a betöltött cikkekből jönnek, minden állítás mellett a forrásával.")

    for i, m in enumerate(st.session_state.messages):
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.markdown(escape(m["content"]))
            else:
                render_answer(m["answer"], str(i), m.get("turn_id"))

    picked = st.session_state.pop("pending", None)
    offer = st.empty()
    if not st.session_state.messages and not picked and not unanswered:
        with offer.container():
            examples()
    question = (st.chat_input("Kérdés a cikkekről…") or picked or "").strip()
    if unanswered:
        offer.empty()
        answer(unanswered, filters)
    if question:  # an empty or blank question is not sent
        offer.empty()
        answer(question, filters)
    with slot:  # after the answer, so the list and the download hold it already
        conversations()


main()
