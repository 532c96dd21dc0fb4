import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { tempDir } from '../e2e/helpers.js';
import { listening } from './fixtures/listening.js';

/**
 * The notify suites start deployments on both store backends. A test that fails half-way must not leave a stack's
 * services running: the suite's `convoy down` has to run before the DynamoDB backend stops, after the CLIs the test
 * left were stopped (a running deployment holds the lock `down` needs), and wait out the lease of one killed with
 * SIGKILL. Runs a suite made to fail that way (fixtures/abandoned.ts) on DynamoDB and looks for what it left.
 */

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/abandoned.js');

it('stops every process a failed test left, on the DynamoDB backend', async () => {
  const out = join(tempDir(), 'ports.json');
  const child = spawn(process.execPath, ['--test', '--test-reporter=tap', FIXTURE], {
    // Without NODE_TEST_CONTEXT, which would make it report into this run as if its tests were ours.
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, CONVOY_TEST_STORES: 'dynamodb', FIXTURE_OUT: out },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  assert.equal(code, 1, output);
  assert.equal((output.match(/planted failure/g) ?? []).length >= 2, true, output);
  assert.doesNotMatch(output, /left running after the suite/);
  assert.match(output, /# pass 0\n# fail 2\n/, output);
  const ports = JSON.parse(readFileSync(out, 'utf8')) as number[];
  assert.equal(ports.length, 2);
  for (const p of ports)
    assert.equal(await listening(p), false, `a service still listens on ${p}:\n${output}`);
});
