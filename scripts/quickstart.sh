#!/usr/bin/env bash
# The README's quick start, walked as a newcomer walks it on a fresh clone: the demo, then the test command with the
# demo's seven services still running next to it. Afterwards the demo must still run with the same pids (the tests
# never touched it); then it is taken down. Extra arguments go to the test command (file filters).
set -euo pipefail
cd "$(dirname "$0")/.."
example=examples/alerting-platform/convoy.yaml
convoy() { node dist/src/cli/main.js -f "$example" "$@"; }
pids() { convoy status --json | node -e '
  const rows = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log(rows.filter((r) => r.kind === "service").map((r) => `${r.name}=${r.pid}:${r.health}`).join(" "));'; }

npm run demo
before=$(pids)
trap 'convoy down >/dev/null 2>&1 || true' EXIT
echo "demo running: $before"
if [ "$(grep -o ':healthy' <<<"$before" | wc -l)" -ne 7 ]; then
  echo "quickstart: the demo should leave 7 healthy services running" >&2
  exit 1
fi

npm test -- "$@"

after=$(pids)
if [ "$before" != "$after" ]; then
  printf 'quickstart: the tests touched the demo\n  before: %s\n  after:  %s\n' "$before" "$after" >&2
  exit 1
fi
