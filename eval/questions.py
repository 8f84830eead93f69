"""Question files: JSON lines, validated line by line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from qa import Turn

_FIELDS = {"id", "question", "answers", "evidence", "answerable", "history", "category", "kind", "key_facts", "ordered"}
KINDS = ("fact", "summary", "timeline", "collection", "chat")


class QuestionFileError(ValueError):
    """A question file line that is wrong; the message names the line."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    answerable: bool = True
    history: tuple[Turn, ...] = ()
    category: str = ""
    line: int = 0
    kind: str = "fact"  # the kind of answer expected, one of KINDS
    key_facts: tuple[str, ...] = ()  # strings a good answer contains
    ordered: bool = False  # the key facts must appear in the answer in this order


def _strings(value, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise QuestionFileError(f"{where}: '{name}' must be a list of non-empty strings")
    return tuple(value)


def parse_line(text: str, where: str) -> Question:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise QuestionFileError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise QuestionFileError(f"{where}: expected a JSON object, got {type(data).__name__}")
    unknown = set(data) - _FIELDS
    if unknown:
        raise QuestionFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("id", "question"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise QuestionFileError(f"{where}: '{key}' is required and must be a non-empty string")
    answerable = data.get("answerable", True)
    if not isinstance(answerable, bool):
        raise QuestionFileError(f"{where}: 'answerable' must be true or false")
    kind, key_facts, ordered = _kind_fields(data, where)
    answers = _strings(data.get("answers"), "answers", where)
    if answerable and not answers and kind == "fact":
        raise QuestionFileError(f"{where}: an answerable question needs 'answers'")
    history = data.get("history") or []
    if not isinstance(history, list) or not all(
        isinstance(t, dict) and t.get("role") in ("user", "assistant") and isinstance(t.get("content"), str) and set(t) == {"role", "content"}
        for t in history
    ):
        raise QuestionFileError(f"{where}: 'history' must be a list of {{\"role\": \"user\"|\"assistant\", \"content\": ...}}")
    category = data.get("category", "")
    if not isinstance(category, str):
        raise QuestionFileError(f"{where}: 'category' must be a string")
    return Question(
        data["id"], data["question"], answers, _strings(data.get("evidence"), "evidence", where), answerable,
        tuple(Turn(t["role"], t["content"]) for t in history), category, 0, kind, key_facts, ordered,
    )


def _kind_fields(data: dict, where: str) -> tuple[str, tuple[str, ...], bool]:
    """kind, key_facts and ordered, checked."""
    kind = data.get("kind", "fact")
    if kind not in KINDS:
        raise QuestionFileError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    key_facts = _strings(data.get("key_facts"), "key_facts", where)
    ordered = data.get("ordered", False)
    if not isinstance(ordered, bool):
        raise QuestionFileError(f"{where}: 'ordered' must be true or false")
    if ordered and len(key_facts) < 2:
        raise QuestionFileError(f"{where}: 'ordered' needs at least two 'key_facts'")
    return kind, key_facts, ordered


def load_questions(path: Path) -> list[Question]:
    """Every question in the file; the first bad line raises, naming its number."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise QuestionFileError(f"{path}: not UTF-8") from None
    questions, seen = [], set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name} line {n}"
        q = parse_line(line, where)
        if q.id in seen:
            raise QuestionFileError(f"{where}: duplicate id {q.id!r}")
        seen.add(q.id)
        questions.append(Question(**{**q.__dict__, "line": n}))
    if not questions:
        raise QuestionFileError(f"{path}: no questions")
    return questions
