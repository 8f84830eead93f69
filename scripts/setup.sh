#!/usr/bin/env bash
# Prepare a Python 3.11 virtual environment for this checkout and print nothing else
# on stdout but its path. The environment lives outside the repo, keyed by the
# requirements files it was made from, so a second run (or a fresh clone) reuses it;
# .venv in the repo is a symlink to it.
#   scripts/setup.sh          runtime only (extractive answers, UI, eval)
#   scripts/setup.sh --llm    + the local LLM (llama-cpp-python, compiled once, cached)
#   scripts/setup.sh --dev    + the local LLM and the test tools, Chromium included
set -euo pipefail
cd "$(dirname "$0")/.."
want_llm=0; want_dev=0
for arg in "$@"; do
  case "$arg" in
    --llm) want_llm=1 ;;
    --dev) want_llm=1; want_dev=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

cache="${NEWSQA_CACHE_DIR:-$HOME/.cache/newsqa}"
python="${NEWSQA_PYTHON:-$(command -v python3.11 || command -v python3)}"
"$python" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' >&2 \
  || { echo "Python 3.11 is required (set NEWSQA_PYTHON)" >&2; exit 1; }

key=$(cat requirements.txt | "$python" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest()[:12])')
venv="$cache/venvs/py311-$key"
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)
log() { echo "[setup] $*" >&2; }

if [ ! -f "$venv/.ok-runtime" ]; then
  log "creating $venv (first run: a few minutes)"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  # torch first and pinned: this version installs the CPU build here.
  "${pip[@]}" install "$(grep '^torch==' requirements.txt)" >&2
  "${pip[@]}" install -r requirements.txt >&2
  touch "$venv/.ok-runtime"
fi

# FreeDict's English-Hungarian dictionary (qa/bilingual.py), and its Hungarian-English one that
# fills its gaps, unpacked from Debian's packages into the cache, so no root is needed; without
# them English questions are matched by meaning only.
dict_dir="$cache/freedict"
for dict_name in eng-hun hun-eng; do
  if [ ! -f /usr/share/dictd/freedict-$dict_name.index ] && [ ! -f "$dict_dir/usr/share/dictd/freedict-$dict_name.index" ]; then
    log "unpacking Debian's dict-freedict-$dict_name into $dict_dir"
    tmp=$(mktemp -d)
    fetch() { (cd "$tmp" && apt-get download -qq "dict-freedict-$dict_name") >&2 2>/dev/null; }
    # A download dpkg-deb cannot unpack (cut short, or no dpkg-deb) must not stop the setup under
    # set -e, nor leave half a dictionary: it is unpacked aside and copied only once whole.
    if { fetch || { [ "$(id -u)" = 0 ] && apt-get update -qq >&2 && fetch; }; } \
      && dpkg-deb -x "$tmp"/dict-freedict-"$dict_name"_*.deb "$tmp/root" >&2; then
      mkdir -p "$dict_dir" && cp -R "$tmp/root/." "$dict_dir/"
      # parsed here (a few seconds), so the first English question finds it cached
      NEWSQA_CACHE_DIR="$cache" "$venv/bin/python" -c 'from qa import bilingual; bilingual.dictionary()' >&2 || true
    else
      if [ "$dict_name" = eng-hun ]; then
        log "could not fetch dict-freedict-eng-hun: English questions will be matched by meaning only"
      else
        log "could not fetch dict-freedict-hun-eng: the English words dict-freedict-eng-hun lacks stay unmatched"
      fi
    fi
    rm -rf "$tmp"
  fi
done

stamp() { "$python" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:12])' "$1"; }
if [ "$want_llm" = 1 ] && [ ! -f "$venv/.ok-llm-$(stamp requirements-llm.txt)" ]; then
  wheels="$cache/wheels"
  spec=$(grep -o '^llama-cpp-python[^ ]*' requirements-llm.txt | sed 's/\[.*\]//')
  version=${spec#*==}
  mkdir -p "$wheels"
  if ! ls "$wheels"/llama_cpp_python-"$version"-*.whl >/dev/null 2>&1; then
    log "compiling llama-cpp-python $version once (13-20 minutes on 2 cores); the wheel is kept in $wheels"
    "${pip[@]}" wheel --no-deps "llama-cpp-python==$version" -w "$wheels" >&2
  fi
  "${pip[@]}" install --find-links "$wheels" -r requirements-llm.txt >&2
  touch "$venv/.ok-llm-$(stamp requirements-llm.txt)"
fi

if [ "$want_dev" = 1 ]; then
  if [ ! -f "$venv/.ok-dev-$(stamp requirements-dev.txt)" ]; then
    "${pip[@]}" install -r requirements-dev.txt >&2
    touch "$venv/.ok-dev-$(stamp requirements-dev.txt)"
  fi
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium for the browser test"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
  fi
fi

ln -sfn "$venv" .venv
echo "$venv"
