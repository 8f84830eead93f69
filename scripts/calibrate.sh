#!/usr/bin/env bash
# Fit the fact chooser (qa/chooser.json) on every dev fact set, each over its own articles:
# the first four (the corpus's dev half, the older set, dev2, dev3 and dev5's follow-ups over one
# store of their 94 articles) and dev6 … dev41 (never the test split, nor dev30, dev32, dev42 and
# dev43, kept back to read unseen). Extra arguments go to `python -m eval calibrate`, e.g. to read each set's
# accuracy when fitted on all the others, writing nothing:
#   scripts/calibrate.sh --cv --by-file
# Two choosers ship: this one without the reranker's scores (qa/chooser.json), and with
# --reranker the one reading them (qa/chooser-rerank.json), fitted on the out-of-fold scores
# eval/reranker_train.py saved; --dump FILE writes the candidates that trains on.
set -euo pipefail
cd "$(dirname "$0")/.."
c=eval/corpus
sets=()
for folder in "$c"/dev*/; do
  folder=${folder%/}
  case "$(basename "$folder")" in dev2|dev3|dev30|dev32|dev42|dev43) continue ;; esac  # dev2, dev3 below; dev30, dev32, dev42, dev43 kept back (read unseen)
  [ -f "$folder/questions.jsonl" ] && sets+=(--dev-set "$folder")
done
exec "${PYTHON:-.venv/bin/python}" -m eval calibrate --model softmax \
  --questions $c/questions-dev.jsonl --questions eval/questions.jsonl \
  --questions $c/dev2/questions.jsonl --questions $c/dev3/questions.jsonl --questions $c/dev5/followups.jsonl \
  --articles $c/articles --articles data/articles --articles $c/dev2/articles \
  --articles $c/dev3/articles --articles $c/dev4/articles \
  "${sets[@]}" "$@"
