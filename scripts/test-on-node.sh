#!/usr/bin/env bash
# Runs the test suite (or only the test files matching the filters) on another Node.js major, e.g.
#   scripts/test-on-node.sh 24          # the whole suite on Node 24
#   scripts/test-on-node.sh 22 e2e/     # the e2e suites on Node 22
# Node comes from the npm registry (node-linux-<arch>, the binary package the registry's `node` package installs),
# with its headers, so native modules (better-sqlite3) are built for it. It runs in a copy of this checkout, so this
# checkout's node_modules and dist stay built for the machine's Node.
set -euo pipefail
major=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/convoy-node$major-XXXXXX")
trap 'rm -rf "$work"' EXIT

pkg="node-$(node -p 'process.platform')-$(node -p 'process.arch')"
npm install --prefix "$work/node" --no-audit --no-fund --no-save --loglevel=error "$pkg@$major" >/dev/null
nodedir="$work/node/node_modules/$pkg"

# The checkout as it is (tracked and new files, not what .gitignore leaves out), beside the same ../shared.
mkdir "$work/convoy"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar -cf - --null -T - --ignore-failed-read 2>/dev/null) |
  tar -xf - -C "$work/convoy"
[ -d "$root/../shared" ] && ln -s "$root/../shared" "$work/shared"

cd "$work/convoy"
export PATH="$nodedir/bin:$PATH" npm_config_nodedir="$nodedir"
echo "== Node $(node --version): ${*:-the whole suite}"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm test -- "$@"
