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

# The graph an analyst sees after loading many articles (`kgbuild eval --graph`): no false merge of
# meetings, no person split, pairwise F1 of "same node" for people and meetings at least the gate.
graph_gate() {  # NAME HOME GOLD MIN_F1 MIN_FOUND
  KGBUILD_HOME=$2 $kg eval --graph "$3" --summary "$1"
  KGBUILD_HOME=$2 $kg eval --graph "$3" --json > "$tmp/graph.json"
  KGBUILD_HOME=$2 $kg db stop > /dev/null
  .venv/bin/python - "$tmp/graph.json" "$1" "$4" "$5" <<'PY'
import json, sys
d, name, least, found = json.load(open(sys.argv[1])), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
e, m = d["entities"], d["meetings"]
problems = [
    f"{what} {value}" for what, value, bad in [
        ("false merges", m["false_merges"], m["false_merges"] > 0),
        ("person splits", len(e["splits"]), len(e["splits"]) > 0),
        ("person pairF1", e["pairs"]["f1"], e["pairs"]["f1"] < least),
        ("meeting pairF1", m["pairs"]["f1"], m["pairs"]["f1"] < least),
        ("meeting reports found", f"{m['found']}/{m['units']}", m["found"] < found * m["units"]),
    ] if bad
]
if problems:
    sys.exit(f"quality: {name}: " + "; ".join(problems))
PY
}
seeds_home=$tmp/seeds-graph
KGBUILD_HOME=$seeds_home $kg load "${seeds[@]}" > /dev/null
graph_gate "seeds graph" "$seeds_home" "$eval_dir/seeds/graph_gold.json" 1.0 1.0
set_home=$tmp/graphset
bash scripts/graphset.sh "$set_home"
graph_gate "graphset (readouts with their page dates)" "$set_home" tests/data/graphset/graph_gold.json 0.98 0.72
undated_home=$tmp/graphset-undated
bash scripts/graphset.sh "$undated_home" --undated
graph_gate "graphset (readouts undated)" "$undated_home" tests/data/graphset/graph_gold.json 0.0 0.72

# The graph does not depend on the order articles arrive in.
bash scripts/order.sh "$eval_dir/dwie-dev"
