#!/usr/bin/env bash
# Install kgbuild with its test tools into .venv, then run the test suite (arguments go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error
.venv/bin/python -m pytest "$@"
