"""`python -m index build|status`: the command line of ingestion."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from index import IndexSettings, StoreError, build, status
from index.embedding import prepare


def _settings(args: argparse.Namespace) -> IndexSettings:
    overrides: dict = {"store_dir": args.store} if args.store else {}
    if getattr(args, "feed", None):
        overrides["feeds"] = tuple(args.feed)
    if getattr(args, "fetch_pages", False):
        overrides["feed_fetch_pages"] = True
    return IndexSettings(**overrides)


def quiet_third_party() -> None:
    for name in ("chromadb", "httpx", "sentence_transformers", "transformers", "urllib3", "huggingface_hub", "bm25s", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # It logs an ERROR for every page it cannot parse; the build names those pages itself.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description="Build or inspect the article store.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="index the articles folder (only what changed)")
    b.add_argument("--articles", type=Path, help="folder of articles: .txt/.md/.json/.jsonl, pages (.html/.htm), feeds (.xml/.rss/.atom)")
    b.add_argument("--feed", action="append", metavar="URL", help="an RSS/Atom feed URL to index too (repeatable; default $NEWSQA_FEEDS)")
    b.add_argument("--fetch-pages", action="store_true", help="fetch the linked page of a feed entry that is only a teaser")
    b.add_argument("--store", type=Path, help="store folder (default: ./store or $NEWSQA_STORE_DIR)")
    b.add_argument("--rebuild", action="store_true", help="drop the store and index everything again")
    s = sub.add_parser("status", help="what the store holds")
    s.add_argument("--store", type=Path)
    s.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    quiet_third_party()
    settings = _settings(args)
    try:
        if args.command == "status":
            info = status(settings)
            if args.json:
                print(json.dumps(info, ensure_ascii=False))
            else:
                for key, value in info.items():
                    if key != "titles":
                        print(f"{key:>14}: {value}")
                for t in info["titles"]:
                    print(f"{'':>14}  {t['published'] or '?':<10} {t['title']}")
            return 0
        from tqdm import tqdm

        with tqdm(unit="passage", desc="embedding", disable=None) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            report = build(settings, articles_dir=args.articles, rebuild=args.rebuild, progress=progress)
        prepare(settings)  # a build with nothing to embed loads no model: the first question would export it
        for item in report.skipped:
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
        print(report.summary())
        return 0
    except (StoreError, ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
