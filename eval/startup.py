"""`python -m eval.startup --store DIR`: process start to first answer, phase by phase.

Each round starts a fresh Python process that does what `python -m qa ask` does (import qa,
load the embedding model, open the store, ask once), stamping the time after each phase;
then the literal `python -m qa ask` command is timed from outside, so the phases can be
checked against the command itself (`cli_wall_s`, which also counts the 1-3 s the command
spends exiting after it printed the answer). Rounds alternate backends: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

QUESTION = "Mikor adták át a hidat?"
PHASES = ("interpreter", "import_qa", "load_model", "open_store", "first_answer")


def child(store: str, question: str, started: float) -> dict:
    """The phases of one cold start; `started` is the parent's wall clock just before it spawned us."""
    marks = {"interpreter": time.time()}
    import qa  # noqa: F401  (everything `python -m qa` imports before it parses its arguments)
    from index import load_query_embedder

    marks["import_qa"] = time.time()
    settings = qa.Settings(store_dir=Path(store))
    embed = load_query_embedder(settings)  # cached per process: Assistant.open below reuses it
    marks["load_model"] = time.time()
    assistant = qa.Assistant.open(settings=settings, embed_model=embed)
    marks["open_store"] = time.time()
    answer = assistant.ask(question)
    marks["first_answer"] = time.time()
    out, last = {}, started
    for phase in PHASES:
        out[f"{phase}_s"] = round(marks[phase] - last, 3)
        last = marks[phase]
    out["total_s"] = round(last - started, 3)
    out["answer_kind"], out["refused"], out["citations"] = answer.kind, answer.refused, len(answer.citations)
    return out


def _spawn(args: list[str], backend: str | None, stamp: bool = False, env: dict | None = None) -> tuple[float, str]:
    """Run `python *args` (with `--started=<now>` if `stamp`); its wall time and stdout."""
    env = {**os.environ, **(env or {}), **({"NEWSQA_EMBED_BACKEND": backend, "NEWSQA_QUERY_BACKEND": backend} if backend else {})}
    started = time.time()
    cmd = [sys.executable, *args, *([f"--started={started!r}"] if stamp else [])]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    wall = time.time() - started
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return wall, done.stdout


def measure(store: Path, backends: list[str | None], rounds: int = 2, question: str = QUESTION, env: dict | None = None) -> list[dict]:
    """`rounds` alternating cold starts of each backend (None: the configured one); `env` adds settings."""
    from index.settings import IndexSettings  # here: the children time their own imports

    default = IndexSettings.model_fields["query_backend"].default
    rows = []
    for round_ in range(1, rounds + 1):
        for backend in backends:
            _, out = _spawn(["-m", "eval.startup", "--child", "--store", str(store), "--question", question], backend, True, env)
            phases = json.loads(out.strip().splitlines()[-1])
            cli_s, _ = _spawn(["-m", "qa", "ask", question, "--store", str(store)], backend, env=env)
            configured = {**os.environ, **(env or {})}.get("NEWSQA_QUERY_BACKEND", default)
            rows.append({"backend": backend or configured, "round": round_, **phases,
                         "cli_wall_s": round(cli_s, 3)})
    return rows


def table(rows: list[dict]) -> str:
    keys = ["backend", "round", *(f"{p}_s" for p in PHASES), "total_s", "cli_wall_s"]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.startup", description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a built store (python -m index build --store DIR)")
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--backends", default="", help="comma-separated NEWSQA_EMBED_BACKEND values (default: as configured)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(str(args.store), args.question, args.started)))
        return 0
    rows = measure(args.store, [b or None for b in args.backends.split(",")], args.rounds, args.question)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
