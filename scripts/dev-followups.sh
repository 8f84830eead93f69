#!/usr/bin/env bash
# Every dev set's follow-up questions (`followups.jsonl`, each with the conversation before it;
# not dev30, dev32, dev42 and dev43, kept back)
# through `python -m eval run` over the set's own articles, into OUT/<set>; dev5's over the dev3
# and dev4 articles. Compare two runs question by question with `python -m eval.pooled A B`.
#   scripts/dev-followups.sh /tmp/fu
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/dev-followups.sh OUT [NEWSQA_X=value ...]}
shift
mkdir -p "$out"
for questions in eval/corpus/*/followups.jsonl; do
  set_dir=$(dirname "$questions")
  label=$(basename "$set_dir")
  case "$label" in dev30|dev32|dev42|dev43) continue ;; esac  # kept back, read unseen only
  [ -f "$out/$label/summary.json" ] && continue
  articles=(--articles "$set_dir/articles")
  [ "$label" = dev5 ] && articles=(--articles eval/corpus/dev3/articles --articles eval/corpus/dev4/articles)
  echo "$label" >&2
  env "$@" .venv/bin/python -m eval run "${articles[@]}" --questions "$questions" --label "${label}f" \
    --out "$out/$label" >"$out/$label.log" 2>&1
done
