#!/usr/bin/env bash
# The README as a newcomer follows it: in a fresh clone of this repository, its first command and
# then every line of its Usage block, pasted in order into one shell.  Any line that fails fails
# this script.  Needs network access to PyPI (the first command installs kgbuild).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export KGBUILD_HOME=$work/home
cleanup() {
  [ -x "$work/kgbuild/.venv/bin/kgbuild" ] && "$work/kgbuild/.venv/bin/kgbuild" db stop > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
git clone --quiet "$root" "$work/kgbuild"
cd "$work/kgbuild"
python3 - README.md > "$work/steps.sh" <<'PY'
import re, shlex, sys
text = open(sys.argv[1], encoding="utf-8").read()
def block(heading):
    part = text.split(f"\n## {heading}\n", 1)[1]
    return re.search(r"```bash\n(.*?)```", part, re.S).group(1)
print("set -euo pipefail")
for line in (block("Two commands") + block("Usage")).splitlines():
    if line.strip():
        print(f"echo {shlex.quote('+ ' + line.split('  #')[0].strip())}")
        print(line)
PY
env -u VIRTUAL_ENV PATH="/usr/local/bin:/usr/bin:/bin" bash "$work/steps.sh" > "$work/out.log" 2>&1 || {
  tail -40 "$work/out.log"
  echo "readme: a line of the README failed (above)" >&2
  exit 1
}
# A clean install prints no warning (pip's "WARNING:", setuptools' "Warning:" blocks); pip's notes
# on index locations of this machine's own pip configuration are not the install's.
if grep -vE "^WARNING: Location '.*' is ignored" "$work/out.log" | grep -nE '^WARNING|\wWarning: |^ *!!$'; then
  echo "readme: the install printed a warning (above); a clean install prints none" >&2
  exit 1
fi
grep '^+ ' "$work/out.log" | wc -l | xargs -I{} echo "readme: {} lines of the README ran in a fresh clone and shell"
