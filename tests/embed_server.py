"""A tiny OpenAI-compatible embeddings server for tests: `POST /v1/embeddings`, `GET /v1/models`.

Serves a sentence-transformers folder as given (no e5 prefixes: the client adds them),
like Text Embeddings Inference or Infinity would:

    python tests/embed_server.py --model-dir ~/.cache/newsqa/models/e5-small-… --port 8081
"""

from __future__ import annotations

import argparse
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def serve(model_dir: str, port: int, name: str) -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_dir, device="cpu")
    lock = threading.Lock()  # one encode at a time: torch already uses every core

    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") in ("/v1/models", "/health"):
                self._send(200, {"object": "list", "data": [{"id": name, "object": "model"}]})
            else:
                self._send(404, {"error": {"message": f"no route {self.path}"}})

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/v1/embeddings":
                return self._send(404, {"error": {"message": f"no route {self.path}"}})
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            texts = request.get("input")
            texts = [texts] if isinstance(texts, str) else texts
            if request.get("model") != name or not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                return self._send(400, {"error": {"message": f"want model {name!r} and input: a string or strings"}})
            with lock:
                vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)
            data = [{"object": "embedding", "index": i, "embedding": v.tolist()} for i, v in enumerate(vectors)]
            tokens = sum(len(t) // 4 for t in texts)
            self._send(200, {"object": "list", "model": name, "data": data, "usage": {"prompt_tokens": tokens, "total_tokens": tokens}})

        def log_message(self, *args) -> None:  # quiet: tests read stderr only on failure
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--name", default="multilingual-e5-small")
    args = parser.parse_args()
    serve(args.model_dir, args.port, args.name)
