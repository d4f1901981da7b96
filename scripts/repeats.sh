#!/usr/bin/env bash
# News that repeats one fact: LOADS files of N distinct three-sentence articles that all report the
# same two envoys meeting (dates varying), loaded one file after another into one scratch graph;
# prints each load's seconds.  The third load should take at most 1.5x the first.
# Usage: scripts/repeats.sh [N=600] [LOADS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-600}
loads=${2:-3}
work=$(mktemp -d)
export KGBUILD_HOME=$work/home
trap '.venv/bin/kgbuild db stop > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
.venv/bin/python - "$work" "$n" "$loads" <<'PY'
import json, sys
from datetime import date, timedelta
work, n, loads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = date(2026, 1, 5)
for f in range(loads):
    with open(f"{work}/load{f + 1}.jsonl", "w", encoding="utf-8") as out:
        for i in range(n):
            k = f * n + i
            day = start + timedelta(days=k % 300)
            text = (
                f"Norwegian envoy Eirik Vangen met Icelandic envoy Ragna Thorsdottir in Oslo on {day:%d %B %Y}. "
                f"The two discussed fishing quotas, item {k}. "
                f"Vangen said talks would continue after round {k}."
            )
            out.write(json.dumps({"title": f"Envoys meet, report {k}", "published": str(day), "text": text}) + "\n")
PY
for f in $(seq 1 "$loads"); do
  begin=$EPOCHREALTIME
  .venv/bin/kgbuild load -q "$work/load$f.jsonl" > "$work/summary$f.txt"
  seconds=$(.venv/bin/python -c "print(f'{$EPOCHREALTIME - $begin:.1f}')")
  echo "load $f: $seconds s  $(cat "$work/summary$f.txt")"
done
.venv/bin/kgbuild query "MATCH (:Person)-[r:MET_WITH]->(:Person) RETURN r.articles AS articles, r.evidence AS evidence" --format csv
