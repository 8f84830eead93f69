#!/usr/bin/env bash
# Every dev fact set through `python -m eval run`, one after another, into OUT/<label>:
# the dev half of the corpus, the older set, dev2, dev3 and dev6 to dev41 (never the test split, nor
# dev30, dev32, dev42 and dev43, kept back to read unseen; dev26 … dev29, dev31 and dev33 … dev41 were
# read unseen in their rounds).
# Extra arguments are NEWSQA_* settings for the runs, e.g. to compare the embedding backends:
#   scripts/dev-facts.sh /tmp/f32
#   scripts/dev-facts.sh /tmp/i8 NEWSQA_EMBED_BACKEND=onnx-int8 NEWSQA_QUERY_BACKEND=onnx-int8
#   .venv/bin/python -m eval.pooled /tmp/f32 /tmp/i8
# A set whose summary is already in OUT is skipped, so a stopped run picks up where it was.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/dev-facts.sh OUT [NEWSQA_X=value ...]}
shift
mkdir -p "$out"
sets=(
  "dev eval/corpus/articles eval/corpus/questions-dev.jsonl"
  "older data/articles eval/questions.jsonl"
  "dev2 eval/corpus/dev2/articles eval/corpus/dev2/questions.jsonl"
  "dev3 eval/corpus/dev3/articles eval/corpus/dev3/questions.jsonl"
  "dev6 eval/corpus/dev6/articles eval/corpus/dev6/questions.jsonl"
  "dev7 eval/corpus/dev7/articles eval/corpus/dev7/questions.jsonl"
  "dev8 eval/corpus/dev8/articles eval/corpus/dev8/questions.jsonl"
  "dev9 eval/corpus/dev9/articles eval/corpus/dev9/questions.jsonl"
  "dev10 eval/corpus/dev10/articles eval/corpus/dev10/questions.jsonl"
  "dev11 eval/corpus/dev11/articles eval/corpus/dev11/questions.jsonl"
  "dev12 eval/corpus/dev12/articles eval/corpus/dev12/questions.jsonl"
  "dev13 eval/corpus/dev13/articles eval/corpus/dev13/questions.jsonl"
  "dev14 eval/corpus/dev14/articles eval/corpus/dev14/questions.jsonl"
  "dev15 eval/corpus/dev15/articles eval/corpus/dev15/questions.jsonl"
  "dev16 eval/corpus/dev16/articles eval/corpus/dev16/questions.jsonl"
  "dev17 eval/corpus/dev17/articles eval/corpus/dev17/questions.jsonl"
  "dev18 eval/corpus/dev18/articles eval/corpus/dev18/questions.jsonl"
  "dev19 eval/corpus/dev19/articles eval/corpus/dev19/questions.jsonl"
  "dev20 eval/corpus/dev20/articles eval/corpus/dev20/questions.jsonl"
  "dev21 eval/corpus/dev21/articles eval/corpus/dev21/questions.jsonl"
  "dev22 eval/corpus/dev22/articles eval/corpus/dev22/questions.jsonl"
  "dev23 eval/corpus/dev23/articles eval/corpus/dev23/questions.jsonl"
  "dev24 eval/corpus/dev24/articles eval/corpus/dev24/questions.jsonl"
  "dev25 eval/corpus/dev25/articles eval/corpus/dev25/questions.jsonl"
  "dev26 eval/corpus/dev26/articles eval/corpus/dev26/questions.jsonl"
  "dev27 eval/corpus/dev27/articles eval/corpus/dev27/questions.jsonl"
  "dev28 eval/corpus/dev28/articles eval/corpus/dev28/questions.jsonl"
  "dev29 eval/corpus/dev29/articles eval/corpus/dev29/questions.jsonl"
  "dev31 eval/corpus/dev31/articles eval/corpus/dev31/questions.jsonl"
  "dev33 eval/corpus/dev33/articles eval/corpus/dev33/questions.jsonl"
  "dev34 eval/corpus/dev34/articles eval/corpus/dev34/questions.jsonl"
  "dev35 eval/corpus/dev35/articles eval/corpus/dev35/questions.jsonl"
  "dev36 eval/corpus/dev36/articles eval/corpus/dev36/questions.jsonl"
  "dev37 eval/corpus/dev37/articles eval/corpus/dev37/questions.jsonl"
  "dev38 eval/corpus/dev38/articles eval/corpus/dev38/questions.jsonl"
  "dev39 eval/corpus/dev39/articles eval/corpus/dev39/questions.jsonl"
  "dev40 eval/corpus/dev40/articles eval/corpus/dev40/questions.jsonl"
  "dev41 eval/corpus/dev41/articles eval/corpus/dev41/questions.jsonl"
)
for set in "${sets[@]}"; do
  read -r label articles questions <<<"$set"
  [ -f "$out/$label/summary.json" ] && continue
  echo "$label" >&2
  env "$@" .venv/bin/python -m eval run --articles "$articles" --questions "$questions" --label "$label" \
    --out "$out/$label" >"$out/$label.log" 2>&1
done
