"""`python -m qa ask "kérdés"` and `python -m qa chat`: the engine from a terminal."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from index import StoreError
from index.__main__ import quiet_third_party
from qa import Answer, Assistant, Settings, Turn
from qa.models import ModelMissing


RELATED = {
    "hu": "A legközelebbi mondatok, amelyek talán válaszolnak (ellenőrizze):",
    "en": "The closest sentences, which may answer it (check them):",
}


def render(answer: Answer, with_text: bool = True) -> str:
    """The answer (its notice, then its text) and its sources; `with_text=False` for the chat,
    which has printed the text as it streamed (the notice among it)."""
    lines = [answer.text] if with_text else []
    if answer.notice and with_text:
        lines.insert(0, f"({answer.notice})")
    for c in answer.citations:
        # The date goes inside the brackets: a title may end in its own full stop.
        date = f"{c.passage.published}, " if c.passage.published else ""
        lines.append(f"  [{c.marker}] {c.passage.title} ({date}{c.passage.article_id}, {c.quote_start}–{c.quote_end}): „{c.quote}”")
    if answer.unsupported:
        lines.append(f"  (eltávolítva, mert egyik forrás sem támasztja alá: {len(answer.unsupported)} mondat)")
    if answer.related:
        lines.append(RELATED.get(answer.language, RELATED["hu"]))
        lines += [f"  ({c.marker}) {c.passage.title}{f' ({c.passage.published})' if c.passage.published else ''}: „{c.quote}”" for c in answer.related]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Ask the indexed articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    chat = sub.add_parser("chat", help="interactive chat with follow-up questions")
    sub.add_parser("prepare", help="make the models' cached exports (e5's, the reranker's) so that no question waits for them")
    for p in (ask, chat):
        p.add_argument("--store", type=Path)
        p.add_argument("--generator", choices=["extractive", "local", "openai"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    quiet_third_party()

    if args.command == "prepare":
        from index.embedding import prepare
        from qa import reranker

        settings = Settings()
        prepare(settings)
        reranker.prepare(settings)
        return 0
    try:
        settings = Settings(**{k: v for k, v in {"store_dir": args.store, "generator": args.generator}.items() if v})
        assistant = Assistant.open(settings=settings)
        if args.command == "ask":
            answer = assistant.ask(args.question)
            print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) if args.json else render(answer))
            return 0
        history: list[Turn] = []
        assistant.warm_up()
        print("Kérdezzen a cikkekről (kilépés: üres sor vagy Ctrl-D).")
        while True:
            try:
                question = input("> ").strip()
            except EOFError:
                return 0
            if not question:
                return 0
            answer = None
            for piece in assistant.stream(question, history):
                if isinstance(piece, Answer):
                    answer = piece
                else:
                    print(piece, end="", flush=True)
            print("\n" + render(answer, with_text=False) if answer.citations or answer.related else "")
            history += [Turn("user", question), Turn("assistant", answer.text)]
    except (StoreError, ModelMissing, ValueError) as exc:
        print(f"hiba: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def leave(code: int) -> None:
    """End an `ask` process at once: flush what it printed, skip the interpreter's shutdown.

    Tearing down llama-index, chromadb and onnxruntime takes 1-2.5 s after the answer is
    printed, and the user's shell waits for it. Nothing is lost by skipping it: whatever
    `ask` writes (Chroma's files as the store opens, the planner's cached example vectors)
    is written before the answer is printed, and Chroma's client writes synchronously.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    code = main()
    if sys.argv[1:2] == ["ask"]:
        leave(code)
    sys.exit(code)
