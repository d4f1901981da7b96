#!/usr/bin/env bash
# Install kgbuild with its test tools into .venv, then run the test suite (arguments go to pytest).
# Test tools: pytest, Neo4j's Cypher checker (npm), and Chromium for the view test (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
      || echo "warning: could not install chromium; the view test will be skipped" >&2
  else
    echo "note: install Chromium (apt-get install chromium) to run the view test" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
