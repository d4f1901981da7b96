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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seeds=("$eval_dir"/seeds/*.txt)
$kg extract "${seeds[@]}" > "$tmp/seeds.jsonl"
$kg eval "$eval_dir/seeds/gold.jsonl" --system "$tmp/seeds.jsonl" --summary "seeds" --fail-under 0.90
$kg extract --text-only "${seeds[@]}" > "$tmp/text.jsonl"
$kg eval "$eval_dir/seeds/gold.jsonl" --system "$tmp/text.jsonl" --summary "seeds --text-only" --fail-under 0.90
KGBUILD_ALIASES=examples/talks-people.json $kg extract "${seeds[@]}" > "$tmp/talks.jsonl"
$kg eval "$eval_dir/seeds/gold.jsonl" --system "$tmp/talks.jsonl" \
  --summary "seeds with KGBUILD_ALIASES=examples/talks-people.json" --fail-under 0.95
$kg eval "$eval_dir/dwie-dev/gold.jsonl" --aliases "$eval_dir/seeds/aliases.json" --country-only --partial-names \
  --summary "dwie-dev --country-only --partial-names" --fail-under 0.75
