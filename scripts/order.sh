#!/usr/bin/env bash
# Does the graph depend on the order articles arrive in?  Loads the .txt articles of FOLDER into a
# fresh graph in one go, and into another as its second half then its first half, and compares
# the people (key, name) and fact relationships (type, ends, article count) of the two exports.
# Usage: scripts/order.sh FOLDER      (exit 1 and the differences when they differ)
set -euo pipefail
cd "$(dirname "$0")/.."
kg=$PWD/.venv/bin/kgbuild
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$1" -maxdepth 1 -name '*.txt' | sort)
half=$(( ${#files[@]} / 2 ))
graph() {  # HOME OUT FILES... : load each group given as one argument list, export, sort
  local home=$1 out=$2
  shift 2
  export KGBUILD_HOME=$home
  for group in "$@"; do
    # shellcheck disable=SC2086
    $kg load $group > /dev/null 2>&1
  done
  $kg export --format jsonl -o "$home/export.jsonl" > /dev/null 2>&1
  $kg db stop > /dev/null
  .venv/bin/python - "$home/export.jsonl" > "$out" <<'PY'
import json, sys
for line in sorted(
    f"person {d['key']} {d['name']}" if d["kind"] == "node" else
    f"{d['type']} {d['source']} {d['target']} {d.get('articles')}"
    for d in map(json.loads, open(sys.argv[1], encoding="utf-8"))
    if (d["kind"] == "node" and d.get("label") == "Person") or (d["kind"] == "relationship" and d.get("fact_key"))
):
    print(line)
PY
}
graph "$work/one" "$work/one.txt" "${files[*]}"
graph "$work/two" "$work/two.txt" "${files[*]:$half}" "${files[*]:0:$half}"
if ! diff "$work/one.txt" "$work/two.txt" > "$work/diff.txt"; then
  head -40 "$work/diff.txt"
  echo "order: $1 gives a different graph loaded second half first" >&2
  exit 1
fi
echo "order: $1 in one go and second half first: the same $(grep -c '^person' "$work/one.txt") people and $(grep -vc '^person' "$work/one.txt") fact relationships"
