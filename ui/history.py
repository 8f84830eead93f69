"""Conversations kept on this machine in SQLite: each turn with its answer, citations and kind.

No Streamlit here, so a script can read, list and export them too:

    from ui.history import History
    h = History.open()                       # beside the store: <store_dir>/conversations.sqlite3
    for c in h.conversations():
        print(c.conversation_id, c.title, c.updated)

Two browser tabs may write at once: WAL lets readers and one writer work together, each
write is one short transaction, and a busy database is retried before giving up.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from contextlib import closing
from dataclasses import dataclass, fields
from pathlib import Path

from index import Passage
from qa import Answer, Citation, Settings

FILE_NAME = "conversations.sqlite3"
_RETRIES = 8
_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, question TEXT NOT NULL, kind TEXT NOT NULL,
    answer TEXT NOT NULL, feedback INTEGER, created REAL NOT NULL,
    UNIQUE (conversation_id, position)
);
CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns(conversation_id, position);
"""


class HistoryError(RuntimeError):
    """The history file cannot be used (corrupt, locked, unwritable); the chat goes on without it."""


@dataclass(frozen=True)
class Conversation:
    conversation_id: str
    title: str
    created: float  # seconds since the epoch
    updated: float
    turns: tuple[StoredTurn, ...] = ()


@dataclass(frozen=True)
class StoredTurn:
    turn_id: int
    position: int
    question: str
    answer: Answer
    feedback: int | None  # 1 thumbs up, 0 thumbs down, None not given
    created: float


def default_path(settings: Settings | None = None) -> Path:
    return (settings or Settings()).store_dir / FILE_NAME


def answer_record(answer: Answer) -> dict:
    """Answer.to_dict() without the retrieved list, with each citation's source and url."""
    record = answer.to_dict()
    record.pop("retrieved", None)
    for key, cited in (("citations", answer.citations), ("related", answer.related)):
        for item, c in zip(record[key], cited):
            item.setdefault("published_int", c.passage.published_int)
            item.setdefault("source", getattr(c.passage, "source", ""))
            item.setdefault("url", getattr(c.passage, "url", ""))
    return record


def answer_from_record(record: dict) -> Answer:
    """The Answer again, from answer_record()'s dict (fields added later get their defaults)."""
    known = {f.name for f in fields(Answer)} - {"citations", "related", "retrieved", "unsupported"}
    kept = {k: v for k, v in record.items() if k in known}
    return Answer(citations=_citations(record.get("citations", [])), related=_citations(record.get("related", [])),
                  unsupported=tuple(record.get("unsupported", ())), **kept)


def _citations(items: list[dict]) -> tuple[Citation, ...]:
    names = {f.name for f in fields(Passage)}
    citations = []
    for c in items:
        values = {"passage_id": c.get("passage_id", ""), "article_id": c.get("article_id", ""), "text": c.get("text", ""),
                  "start": c.get("start", 0), "end": c.get("end", 0), "title": c.get("title", ""),
                  "published": c.get("published", ""), "published_int": c.get("published_int", 0),
                  "source": c.get("source", ""), "url": c.get("url", "")}
        passage = Passage(**{k: v for k, v in values.items() if k in names})
        citations.append(Citation(c["marker"], passage, c.get("quote", ""), c.get("quote_start", 0), c.get("quote_end", 0)))
    return tuple(citations)


def source_of(item) -> str:
    """A passage's or article's source for a reader ('' for a .txt article, whose source is its file name)."""
    source = getattr(item, "source", "") or ""
    return "" if source == getattr(item, "article_id", None) else source


def url_of(passage) -> str:
    return getattr(passage, "url", "") or ""


class History:
    """One SQLite file of conversations; every method is one short transaction."""

    def __init__(self, path: Path | str, timeout: float = 2.0):
        self.path = Path(path)
        self.timeout = timeout
        self._create()

    def _create(self) -> None:
        self._run(lambda db: [db.execute(statement) for statement in _SCHEMA.split(";") if statement.strip()], write=True)

    @classmethod
    def open(cls, settings: Settings | None = None) -> History:
        return cls(default_path(settings))

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        return db

    def _run(self, work, write: bool = False):
        """Run work(db) in one transaction; retry while another writer holds the file."""
        for attempt in range(_RETRIES):
            try:
                with closing(self._connect()) as db:
                    db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                    try:
                        result = work(db)
                        db.execute("COMMIT")
                    except BaseException:
                        db.execute("ROLLBACK")
                        raise
                    return result
            except sqlite3.OperationalError as exc:
                if "no such table" in str(exc) and attempt == 0:  # the file was removed under us: start it again
                    self._create()
                    continue
                if "locked" in str(exc) or "busy" in str(exc):
                    if attempt + 1 < _RETRIES:
                        time.sleep(0.05 * (attempt + 1))
                        continue
                raise HistoryError(str(exc)) from exc
            except sqlite3.DatabaseError as exc:  # not a database, malformed, read-only …
                raise HistoryError(str(exc)) from exc
            except OSError as exc:
                raise HistoryError(str(exc)) from exc
        raise HistoryError("database is locked")  # pragma: no cover

    def create(self, title: str) -> str:
        conversation_id = uuid.uuid4().hex[:12]
        now = time.time()
        self._run(lambda db: db.execute("INSERT INTO conversations VALUES (?, ?, ?, ?)", (conversation_id, _title(title), now, now)), write=True)
        return conversation_id

    def add_turn(self, conversation_id: str, answer: Answer) -> int:
        """Append a question and its answer; returns the turn's id."""
        record = json.dumps(answer_record(answer), ensure_ascii=False)
        now = time.time()

        def work(db):
            (position,) = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM turns WHERE conversation_id = ?", (conversation_id,)).fetchone()
            cur = db.execute(
                "INSERT INTO turns (conversation_id, position, question, kind, answer, feedback, created) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                (conversation_id, position, answer.question, answer.kind, record, now),
            )
            db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation_id))
            return cur.lastrowid

        return self._run(work, write=True)

    def set_feedback(self, turn_id: int, score: int | None) -> None:
        self._run(lambda db: db.execute("UPDATE turns SET feedback = ? WHERE id = ?", (score, turn_id)), write=True)

    def rename(self, conversation_id: str, title: str) -> None:
        self._run(lambda db: db.execute("UPDATE conversations SET title = ? WHERE id = ?", (_title(title), conversation_id)), write=True)

    def delete(self, conversation_id: str) -> None:
        self._run(lambda db: db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,)), write=True)

    def conversations(self, limit: int = 100) -> list[Conversation]:
        """Newest first, without their turns."""
        rows = self._run(lambda db: db.execute("SELECT id, title, created, updated FROM conversations ORDER BY updated DESC LIMIT ?", (limit,)).fetchall())
        return [Conversation(*row) for row in rows]

    def get(self, conversation_id: str) -> Conversation | None:
        def work(db):
            head = db.execute("SELECT id, title, created, updated FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
            turns = db.execute(
                "SELECT id, position, question, answer, feedback, created FROM turns WHERE conversation_id = ? ORDER BY position", (conversation_id,)
            ).fetchall()
            return head, turns

        head, rows = self._run(work)
        if head is None:
            return None
        turns = tuple(StoredTurn(i, pos, q, answer_from_record(json.loads(a)), fb, t) for i, pos, q, a, fb, t in rows)
        return Conversation(*head, turns=turns)


def _title(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
