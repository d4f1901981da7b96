#!/usr/bin/env bash
# Extraction quality on the development sets in ../shared/eval, one line each, with gates:
# a quality drop fails here, apart from the unit tests.  Run after scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
if [ ! -d "$eval_dir/seeds" ]; then
  echo "quality: $eval_dir is not here; skipped" >&2
  exit 0
fi
kg=.venv/bin/kgbuild
$kg eval "$eval_dir/seeds/gold.jsonl" --summary seeds --fail-under 0.95
$kg eval "$eval_dir/dwie-dev/gold.jsonl" --aliases "$eval_dir/seeds/aliases.json" --country-only --partial-names \
  --summary "dwie-dev (--country-only --partial-names)" --fail-under 0.72
