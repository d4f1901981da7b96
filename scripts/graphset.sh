#!/usr/bin/env bash
# Load tests/data/graphset into a fresh graph home as an analyst would: the wire articles as they
# are, each government readout (its text has no date) with the date its page would carry
# (published.tsv: `load --published`), then or with --undated all of them as they are.
# Usage: scripts/graphset.sh HOME [--undated]     (then export or eval against HOME)
set -euo pipefail
cd "$(dirname "$0")/.."
export KGBUILD_HOME=$1
kg=.venv/bin/kgbuild
set_dir=tests/data/graphset
if [ "${2:-}" = "--undated" ]; then
  $kg load "$set_dir"/*.txt > /dev/null
  exit 0
fi
mapfile -t readouts < <(cut -f1 "$set_dir/published.tsv")
wire=()
for f in "$set_dir"/*.txt; do
  [[ " ${readouts[*]} " == *" $(basename "$f") "* ]] || wire+=("$f")
done
$kg load "${wire[@]}" > /dev/null
while IFS=$'\t' read -r file day; do
  $kg load "$set_dir/$file" --published "$day" > /dev/null
done < "$set_dir/published.tsv"
