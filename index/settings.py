"""Settings for ingestion and the store, read from `NEWSQA_*` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "newsqa"


class IndexSettings(BaseSettings):
    """Where articles come from, where the store lives, and how passages are cut."""

    model_config = SettingsConfigDict(env_prefix="NEWSQA_", extra="forbid", frozen=True)

    articles_dir: Path = Field(REPO_ROOT / "data" / "articles", description="Folder of articles to index.")
    store_dir: Path = Field(REPO_ROOT / "store", description="Folder of the embedded Chroma store.")
    cache_dir: Path = Field(
        default_factory=default_cache_dir,
        description="Outside the repo: converted models, the assembled GGUF, built wheels.",
    )
    collection: str = Field("articles", description="Chroma collection name prefix.")
    chroma_host: str | None = Field(None, description="Chroma server host; unset means embedded store.")
    chroma_port: int = Field(8000, description="Chroma server port.")
    chroma_token: str | None = Field(None, description="Bearer token for a Chroma server, if it wants one.")
    chroma_timeout_s: float = Field(10.0, description="Seconds before a Chroma server request gives up.")
    passage_chars: int = Field(
        700,
        ge=200,
        le=1800,
        description="Target passage length in characters (~3.5 chars per e5 token: 700 ≈ 200 tokens, "
        "well under e5's 512, short enough to cite precisely).",
    )
    embed_batch_size: int = Field(16, ge=1, description="Passages per embedding batch.")
    # onnx-float32 by default: the same vectors as torch, a process's first answer ~3x sooner
    # (no torch import) and ingest ~1.6x faster (175 passages, interleaved: 5.13 against
    # 3.17 passages/s, load 3-5; `eval.startup`: README).
    embed_backend: Literal["torch", "onnx-float32", "onnx-int8"] = Field(
        "onnx-float32",
        description="How e5 runs locally: onnx-float32, torch's vectors from an ONNX export made once on the first "
        "build and cached (no torch import: a faster start); torch itself; or onnx-int8, faster still, slightly "
        "different vectors, for building big archives. A store remembers its backend (onnx-float32 counts as torch).",
    )
    # Questions and the retrieved sentences are embedded apart from the passages: a few dozen
    # texts an answer, where int8's speed buys little and its shifted cosines cost answers (the
    # chooser's features are cosines). int8 passages queried with float32 answered as float32
    # did on the dev split (accuracy 0.56 both; hit@5 0.93 both); int8 throughout: README.
    query_backend: Literal["torch", "onnx-float32", "onnx-int8"] = Field(
        "onnx-float32",
        description="How questions and the candidate sentences are embedded: onnx-float32 (torch's vectors, the default) "
        "whichever backend built the store (int8 and float32 vectors of one e5 search each other), torch, or onnx-int8.",
    )
    embed_base_url: str | None = Field(
        None, description="An OpenAI-compatible embeddings server (…/v1) serving e5; set, it replaces the local model."
    )
    embed_model: str = Field("multilingual-e5-small", description="Model name the embeddings server knows.")
    embed_api_key: str | None = Field(None, description="API key for the embeddings server, if it wants one.")
    embed_timeout_s: float = Field(60.0, gt=0, description="Seconds before an embeddings server request gives up.")
    embed_server_batch_size: int = Field(64, ge=1, description="Texts per request to the embeddings server.")
    max_file_bytes: int = Field(5_000_000, ge=1, description="Files (and fetched feeds or pages) larger than this are skipped.")
    feeds: Annotated[tuple[str, ...], NoDecode] = Field(
        (), description="RSS/Atom feed URLs to index as well, comma-separated (the only URLs ever fetched)."
    )
    feed_timeout_s: float = Field(15.0, gt=0, description="Seconds before fetching a feed or a linked page gives up.")
    feed_fetch_pages: bool = Field(
        False, description="Also fetch the linked page of a feed entry whose text is only a teaser (off: nothing else is fetched)."
    )

    @field_validator("feeds", mode="before")
    @classmethod
    def _split_feeds(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(url.strip() for url in value.split(",") if url.strip())
        return value
