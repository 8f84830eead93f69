"""`python -m eval run|compare`: score the assistant on a question file."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterator

from eval.questions import QuestionFileError, load_questions
from eval.report import table, write_comparison, write_run
from eval.runner import SUMMARY_KEYS, run
from index import StoreError, build, load_query_embedder
from index.__main__ import quiet_third_party
from qa import Assistant, Settings
from qa.models import ModelMissing


@contextlib.contextmanager
def prepared_settings(args: argparse.Namespace) -> Iterator[Settings]:
    """The user's store, or with --articles a fresh store in a temporary folder."""
    base = Settings(**({"store_dir": args.store} if args.store else {}))
    if not args.articles:
        yield base
        return
    with tempfile.TemporaryDirectory(prefix="newsqa-eval-") as tmp:
        articles = Path(tmp) / "articles"
        for n, folder in enumerate(args.articles):  # several folders: e.g. corpus + distractors
            shutil.copytree(folder, articles / f"{n}-{folder.name}")
        settings = Settings(**{**base.model_dump(), "store_dir": Path(tmp) / "store", "chroma_host": None, "collection": "eval"})
        report = build(settings, articles_dir=articles)
        print(f"evaluation store: {report.summary()}", file=sys.stderr)
        yield settings


def _parse_gates(values: list[str]) -> dict[str, float]:
    gates = {}
    for value in values or []:
        key, _, number = value.partition("=")
        if key not in SUMMARY_KEYS or not number:
            raise SystemExit(f"--fail-under wants metric=value with a metric of: {', '.join(SUMMARY_KEYS)}")
        gates[key] = float(number)
    return gates


def _progress(label: str):
    from tqdm import tqdm

    return lambda items: tqdm(items, desc=label, unit="question", disable=None)


def _question_sets(paths: list[Path], labels: list[str] | None) -> dict[str, list]:
    """Each question file under its label (--label, in order, or the file's name); files with one label form one set."""
    if labels and len(labels) != len(paths):
        raise SystemExit(f"--label: give one per --questions ({len(paths)}), or none")
    sets: dict[str, list] = {}
    for name, path in zip(labels or [p.stem for p in paths], paths):
        seen = {q.id for q in sets.get(name, [])}
        questions = load_questions(path)
        if clash := next((q for q in questions if q.id in seen), None):
            raise QuestionFileError(f"{path.name} line {clash.line}: id {clash.id!r} is already in set {name!r}")
        sets.setdefault(name, []).extend(questions)
    return sets


def _runs(settings: Settings, sets: dict[str, list], generators: list[str], baseline: bool) -> dict[str, list[dict]]:
    """Every generator on every question set, named by generator, by set, or "generator-set" when both vary."""
    asks = {}
    embed_model = load_query_embedder(settings)
    for name in generators:
        assistant = Assistant.open(settings=Settings(**{**settings.model_dump(), "generator": name}), embed_model=embed_model)
        asks[name] = lambda q, assistant=assistant: assistant.ask(q.question, q.history)
    if baseline:
        from eval.baseline import Baseline
        from index import Store

        base = Baseline(Store(settings).articles(), embed_model)
        asks["baseline"] = lambda q: base.ask(q.question)
    runs = {}
    for name, ask in asks.items():
        for label, questions in sets.items():
            key = name if len(sets) == 1 else label if len(asks) == 1 else f"{name}-{label}"
            runs[key] = run(questions, ask, _progress(key))
    return runs


def calibrate_main(argv: list[str]) -> int:
    """`python -m eval calibrate --questions DEV.jsonl [--articles DIR | --store DIR]`: fit the fact chooser."""
    from eval.calibrate import OutOfFold, cross_validate, examples, fit, leave_one_out
    from eval.folds import groups
    from qa.chooser import MODELS, own_weights, query_backend

    p = argparse.ArgumentParser(prog="python -m eval calibrate", description="Fit the fact chooser on dev questions (never on test).")
    p.add_argument("--questions", type=Path, action="append", default=[], help="dev questions over the --articles (or --store)")
    p.add_argument("--articles", type=Path, action="append")
    p.add_argument("--store", type=Path)
    p.add_argument("--dev-set", type=Path, action="append", default=[], metavar="DIR",
                   help="a dev set folder: its questions.jsonl (and followups.jsonl) over its own articles/, "
                        "in a store of its own (repeatable; beside --questions or instead)")
    p.add_argument("--weights", type=Path, help="where the fitted model goes (default: qa/chooser.json, or "
                   "qa/chooser-onnx-int8.json with NEWSQA_QUERY_BACKEND=onnx-int8: int8 moves the cosines)")
    p.add_argument("--cv", action="store_true", help="only print the 5-fold cross-validated accuracy on these questions "
                   "(folds keep each article's questions and each conversation together); write nothing")
    p.add_argument("--by-file", action="store_true", help="with --cv: also fit on all but each --questions file "
                   "(each --dev-set, whole) in turn and measure on it (a file's articles stay in the store, as distractors)")
    p.add_argument("--reranker", action="store_true", help="fit the chooser that reads the reranker's scores "
                   "(qa/chooser-rerank.json), on the out-of-fold scores saved in eval/reranker_oof.json.gz")
    p.add_argument("--dump", type=Path, metavar="FILE", help="also write every question's candidates and their labels "
                   "(JSON lines, grouped by store) for `python -m eval.reranker_train pack`")
    p.add_argument("--model", choices=MODELS, default="softmax",
                   help="softmax: a question's candidates and 'none' compete (default, shipped); logistic: each candidate rated alone")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    quiet_third_party()
    if args.by_file and not args.cv:
        p.error("--by-file goes with --cv")
    if not args.questions and not args.dev_set:
        p.error("give --questions or --dev-set")
    if not args.questions and (args.articles or args.store):
        p.error("--articles and --store go with --questions (a --dev-set reads its own articles/)")
    # Each group of question files is read over its own store: the --questions over the
    # --articles (or --store), each --dev-set over its own articles.
    # With --by-file a dev set is left out whole: its questions and follow-ups share a writer and articles.
    jobs = ([(args.questions, args, None)] if args.questions else []) + [
        (_dev_set_questions(p, folder), argparse.Namespace(store=None, articles=[folder / "articles"]), str(folder)) for folder in args.dev_set]
    data, sources, grouped, paths = [], [], [], []
    cross = None
    for question_files, where, whole in jobs:
        files = [(q, str(path)) for path in question_files for q in load_questions(path)]
        source = {id(q): path for q, path in files}
        with prepared_settings(where) as settings:
            assistant = Assistant.open(settings=settings)
            if args.reranker and cross is None:
                from qa import reranker

                model = reranker.load(settings)
                if model is None:
                    p.error("--reranker: the reranker cannot be had here (NEWSQA_RERANKER off, or no local e5 model)")
                cross = OutOfFold(model)
            dumped: list[dict] = []
            by_id = {q.id: path for q, path in files}  # a fold keeps a dev set, or a question file, whole
            found = examples(assistant, _progress("calibrate")([q for q, _ in files]), cross, dumped if args.dump else None)
            if args.dump:
                with args.dump.open("a", encoding="utf-8") as out:
                    out.writelines(json.dumps({**row, "group": whole or by_id[row["id"]]}, ensure_ascii=False) + "\n" for row in dumped)
            articles = assistant.store.articles() if args.cv else []
        if args.cv:
            # a group never spans two stores
            offset = max(grouped, default=-1) + 1
            grouped += [offset + g for g in groups([q for q, _, _ in found], articles)]
        data += found
        sources += [whole or source[id(q)] for q, _, _ in found]
        paths += question_files
    if args.cv:
        result = cross_validate(data, groups=grouped, model=args.model)
        if args.by_file:
            result["by_file"] = leave_one_out(data, sources, args.model)
    else:
        result = fit(data, args.weights or own_weights(query_backend(settings), args.reranker), paths, args.model)
    if cross is not None:
        print(f"reranker scores: {cross.total - cross.live} of {cross.total} out of fold, {cross.live} scored live", file=sys.stderr)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _dev_set_questions(parser: argparse.ArgumentParser, folder: Path) -> list[Path]:
    """A dev set folder's question files: questions.jsonl, and followups.jsonl where it has one."""
    files = [folder / name for name in ("questions.jsonl", "followups.jsonl") if (folder / name).is_file()]
    if not files or not (folder / "articles").is_dir():
        parser.error(f"{folder}: a dev set folder holds articles/ and questions.jsonl")
    return files


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from eval.bench import main as bench

        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
        quiet_third_party()
        return bench(argv[1:])
    if argv[:1] == ["calibrate"]:
        return calibrate_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m eval", description="Evaluate the assistant on a question set.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("bench", help="speed: python -m eval bench [--quick] --out DIR")
    r = sub.add_parser("run", help="one generator")
    r.add_argument("--generator", choices=["extractive", "local", "openai"])
    c = sub.add_parser("compare", help="several generators and the llama-index baseline side by side")
    c.add_argument("--generators", default="extractive", help="comma-separated, e.g. extractive,local")
    c.add_argument("--no-baseline", action="store_true")
    for p in (r, c):
        p.add_argument("--questions", type=Path, action="append", help="a question file (repeatable: e.g. dev and test side by side)")
        p.add_argument("--label", action="append", help="a name for each --questions file, in order (default: the file's name); one name twice joins the files into one set")
        p.add_argument("--articles", type=Path, action="append", help="evaluate on a fresh store built from this folder (repeatable)")
        p.add_argument("--store", type=Path)
        p.add_argument("--out", type=Path, required=True)
        p.add_argument("--fail-under", action="append", metavar="METRIC=VALUE", help="exit 1 if a metric is lower")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    quiet_third_party()
    gates = _parse_gates(args.fail_under)
    try:
        paths = args.questions or [Path(__file__).with_name("questions.jsonl")]
        sets = _question_sets(paths, args.label)
        with prepared_settings(args) as settings:
            sources = [str(a) for a in args.articles] if args.articles else [str(settings.store_dir)]
            files = ", ".join(f"{k}={p}" for k, p in zip(args.label, paths)) if args.label else "+".join(map(str, paths))
            meta = {"questions": files, "articles": "+".join(sources), "n": sum(map(len, sets.values()))}
            if args.command == "run":
                name = args.generator or settings.generator
                runs = _runs(settings, sets, [name], baseline=False)
                if len(sets) == 1:
                    summaries = {name: write_run(args.out, runs[name], {**meta, "name": name})}
                else:
                    summaries = write_comparison(args.out, runs, {**meta, "name": name}, key="sets")
            else:
                names = [g.strip() for g in args.generators.split(",") if g.strip()]
                summaries = write_comparison(args.out, _runs(settings, sets, names, not args.no_baseline), meta)
    except (QuestionFileError, StoreError, ModelMissing, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(table(summaries))
    print(f"\nreport: {args.out / 'report.md'}")
    failed = [
        f"{name}: {k} = {s[k]} < {v}" if s[k] is not None else f"{name}: {k} not measured (no such questions)"
        for name, s in summaries.items() for k, v in gates.items() if s[k] is None or s[k] < v
    ]
    for line in failed:
        print(f"FAIL {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
