#!/usr/bin/env bash
# Start the assistant on the default corpus: set up, build the index, open the chat.
#   ./run.sh          extractive answers (no LLM), ready in minutes on a fresh machine
#   ./run.sh --llm    also the local Qwen 1.5B model (compiles llama-cpp-python once)
set -euo pipefail
cd "$(dirname "$0")"
venv=$(scripts/setup.sh "$@")
"$venv/bin/python" -m index build
"$venv/bin/python" -m qa prepare  # the reranker's export, once (~15 s), before the first question
exec "$venv/bin/python" -m streamlit run ui/app.py \
  --server.address "${NEWSQA_UI_ADDRESS:-127.0.0.1}" --server.port "${NEWSQA_UI_PORT:-8501}" \
  --server.headless true --browser.gatherUsageStats false
