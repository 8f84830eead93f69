"""One browser session's state: the engine, the current conversation, its history file.

st.session_state["messages"] holds the conversation on screen: {"role": "user", "content": …}
and {"role": "assistant", "content": …, "answer": Answer, "turn_id": int | None}. The
history file is written through; when it cannot be used the chat goes on in memory.
"""

from __future__ import annotations

import logging

import streamlit as st

import ui.engine as engine
from qa import Answer
from ui.history import History, HistoryError

logger = logging.getLogger(__name__)
HISTORY_BROKEN = "A korábbi beszélgetések most nem érhetők el (a tárolófájl sérült vagy foglalt), de a csevegés ezek nélkül is működik."


@st.cache_resource(show_spinner=False)
def assistant_for(mode: str):
    return engine.open_assistant(mode)


def history() -> History | None:
    """The history file, or None (and one sentence on the page) when it cannot be used."""
    if st.session_state.get("history_broken"):
        return None
    try:
        return engine.open_history()
    except HistoryError as exc:
        _broken(exc)
        return None


def _broken(exc: Exception) -> None:
    logger.warning("conversation history unavailable: %s", exc)
    st.session_state.history_broken = True


def guarded(work, default=None):
    """Run work(history); on a history failure say so once and carry on without it."""
    h = history()
    if h is None:
        return default
    try:
        return work(h)
    except HistoryError as exc:
        _broken(exc)
        return default


def current_id() -> str | None:
    return st.session_state.get("conversation_id")


def open_conversation(conversation_id: str | None) -> None:
    """Show a stored conversation (None: a new, empty one) and put its id in the address."""
    st.session_state.messages = []
    st.session_state.conversation_id = None
    st.query_params.pop("c", None)
    if conversation_id is None:
        return
    conversation = guarded(lambda h: h.get(conversation_id))
    if conversation is None:
        return
    for turn in conversation.turns:
        st.session_state.messages.append({"role": "user", "content": turn.question})
        st.session_state.messages.append({"role": "assistant", "content": turn.answer.text, "answer": turn.answer, "turn_id": turn.turn_id})
        if turn.feedback is not None:
            st.session_state[f"fb-{turn.turn_id}"] = turn.feedback
            st.session_state[f"fb-saved-{turn.turn_id}"] = turn.feedback
    st.session_state.conversation_id = conversation_id
    st.query_params["c"] = conversation_id


def restore_from_address() -> None:
    """On a reload the address still names the conversation: reopen it once per session."""
    if st.session_state.get("restored"):
        return
    st.session_state.restored = True
    wanted = st.query_params.get("c")
    if wanted and not st.session_state.get("messages"):
        open_conversation(wanted)


def save_turn(answer: Answer) -> int | None:
    """Keep the answered turn; the first question of a new conversation names it."""
    conversation_id = current_id()
    if conversation_id is None:
        conversation_id = guarded(lambda h: h.create(answer.question))
        if conversation_id is None:
            return None
        st.session_state.conversation_id = conversation_id
        st.query_params["c"] = conversation_id
    return guarded(lambda h: h.add_turn(conversation_id, answer))


def save_feedback(turn_id: int | None, answer: Answer, score: int | None) -> None:
    if score is not None:
        engine.record_feedback(answer, score)
    if turn_id is not None:
        guarded(lambda h: h.set_feedback(turn_id, score))
