// Runs every compiled test file with node's own test runner (Node 20 does not expand globs itself).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return find(p);
    return p.endsWith('.test.js') ? [p] : [];
  });
}

const only = process.argv.slice(2);
const files = find('dist/test').filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
// One claim file per port a test binds later, shared by all the run's test processes (see test/ports.ts).
const ports = mkdtempSync(join(tmpdir(), 'convoy-test-ports-'));
const concurrency = process.env.CONVOY_TEST_CONCURRENCY ?? '4';
// A test that hangs fails after 10 minutes instead of holding the whole run (CI has 90).
const r = spawnSync(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', ...files],
  {
    stdio: 'inherit',
    // The SDK's Node 20 notice would repeat for every test file that makes a client; `convoy --version` says it once.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...process.env,
      CONVOY_TEST_PORTS_DIR: ports,
    },
  },
);
rmSync(ports, { recursive: true, force: true });
process.exit(r.status ?? 1);
