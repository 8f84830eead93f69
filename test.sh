#!/usr/bin/env bash
# Run every test: set up (LLM and browser included), then pytest. Extra arguments go
# to pytest, e.g. ./test.sh -m "not slow".
set -euo pipefail
cd "$(dirname "$0")"
venv=$(scripts/setup.sh --dev)
status=0
"$venv/bin/python" -m pytest "$@" || status=$?
# pytest exits 5 when nothing was collected: that is a failure here, not a pass.
[ "$status" = 5 ] && echo "no tests were collected" >&2
exit "$status"
