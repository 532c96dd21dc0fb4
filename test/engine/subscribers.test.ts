import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { systemClock } from '../../src/core/clock.js';
import { runDeployment } from '../../src/engine/deploy.js';
import type { ConvoyEvent, Subscriber } from '../../src/engine/events.js';
import { ConvoyError } from '../../src/errors.js';
import { loadStack } from '../../src/spec/load.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { createLocalTarget } from '../../src/targets/local/local-target.js';
import { freePort } from '../targets/local/helpers.js';

/**
 * Issue 12: subscribers can never hurt a deployment. The same failing deployment (db starts, api exits at once,
 * both are rolled back) runs with no extra subscriber, with one that throws, and with one that never returns: each
 * ends the same way, and a bad subscriber is reported once as `subscriber.failed`.
 */

// Compiled location: dist/test/engine/ -> repository root.
const SERVER = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
  'examples/server/service.mjs',
);
const SUBSCRIBER_TIMEOUT_MS = 300;

interface Outcome {
  exitCode: number | 'none';
  status: string | undefined;
  steps: [string, string][];
  /** Event codes as stored, without the subscriber's own failure report. */
  codes: string[];
  seqs: number[];
  failures: Extract<ConvoyEvent, { code: 'subscriber.failed' }>[];
  /** What a well-behaved subscriber saw, beside the bad one. */
  seen: string[];
}

async function deployWith(bad: Subscriber | undefined): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-subscribers-'));
  const [dbPort, apiPort, nobody] = [await freePort(), await freePort(), await freePort()];
  const http = (port: number) =>
    `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 200ms, timeout: 1s, retries: 3, startPeriod: 5s }`;
  writeFileSync(
    join(dir, 'convoy.yaml'),
    [
      'stack: subscribers',
      'rollback: { scope: changed }',
      'services:',
      '  db:',
      `    local: { command: node, args: [${JSON.stringify(SERVER)}], port: ${dbPort}, env: { PORT: "${dbPort}" } }`,
      `    healthCheck: ${http(dbPort)}`,
      '  api:',
      '    dependsOn: [db]',
      `    local: { command: node, args: [${JSON.stringify(SERVER)}], port: ${apiPort}, env: { PORT: "${apiPort}", REQUIRES: "127.0.0.1:${nobody}", REQUIRES_TIMEOUT: "200" } }`,
      `    healthCheck: ${http(apiPort)}`,
    ].join('\n'),
  );
  const stack = loadStack(join(dir, 'convoy.yaml'));
  const store = openSqliteStore(join(dir, '.convoy', 'state.db'));
  const target = createLocalTarget({ env: process.env, dir, stack: stack.name, clock: systemClock });
  const seen: string[] = [];
  const good: Subscriber = (e) => void seen.push(e.code);
  let exitCode: Outcome['exitCode'] = 'none';
  try {
    await runDeployment(
      { store, target, clock: systemClock },
      {
        stack,
        correlationId: 'c',
        actor: 'test',
        context: {},
        holder: 'test',
        waitLockMs: 0,
        subscribers: bad ? [bad, good] : [good],
        subscriberTimeoutMs: SUBSCRIBER_TIMEOUT_MS,
      },
    );
  } catch (err) {
    if (!(err instanceof ConvoyError)) throw err;
    exitCode = err.exitCode;
  }
  try {
    const [d] = await store.listDeployments({ stack: stack.name });
    const stored = await store.listEventsAfter(stack.name, 0, 1000);
    return {
      exitCode,
      status: d?.status,
      steps: (await store.listSteps(d!.id)).map((s) => [s.service, s.state]),
      codes: stored.map((e) => e.code).filter((c) => c !== 'subscriber.failed'),
      seqs: stored.map((e) => e.seq),
      failures: stored
        .filter((e) => e.code === 'subscriber.failed')
        .map((e) => ({ ...e.data, code: 'subscriber.failed' }) as Outcome['failures'][number]),
      seen,
    };
  } finally {
    await target.down();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('subscribers cannot hurt a deployment', { concurrency: false }, () => {
  let baseline: Outcome;

  it('without them, the failing deployment rolls back (exit 1)', async () => {
    baseline = await deployWith(undefined);
    assert.equal(baseline.exitCode, 1);
    assert.equal(baseline.status, 'failed');
    assert.deepEqual(baseline.steps, [
      ['db', 'rolled-back'],
      ['api', 'rolled-back'],
    ]);
    assert.ok(baseline.codes.includes('rollback.started') && baseline.codes.includes('deploy.failed'));
    assert.deepEqual(
      baseline.seqs,
      baseline.seqs.map((_, i) => i + 1),
      'stored with seqs 1, 2, 3…',
    );
    assert.deepEqual(baseline.seen, baseline.codes, 'a subscriber sees exactly the stored events');
    assert.deepEqual(baseline.failures, []);
  });

  const cases: [string, Subscriber, RegExp, string][] = [
    [
      'a subscriber that throws',
      function chatClient(e) {
        if (e.code === 'service.starting') throw new Error('chat is down');
      },
      /chat is down/,
      'threw',
    ],
    [
      'a subscriber that never returns',
      function stuckWebhook(e) {
        return e.code === 'lock.acquired' ? new Promise(() => undefined) : undefined;
      },
      /did not return within 300 ms/,
      'timed-out',
    ],
    [
      'a subscriber that rejects',
      async function flakyNotifier(e) {
        if (e.code === 'deploy.started') throw new Error('429 too many requests');
      },
      /429/,
      'rejected',
    ],
  ];
  for (const [title, bad, message, failure] of cases) {
    it(`with ${title}, it rolls back and ends exactly the same; the failure is reported once`, async () => {
      const r = await deployWith(bad);
      assert.equal(r.exitCode, baseline.exitCode);
      assert.equal(r.status, baseline.status);
      assert.deepEqual(r.steps, baseline.steps);
      assert.deepEqual(r.codes, baseline.codes);
      assert.deepEqual(
        r.seqs,
        r.seqs.map((_, i) => i + 1),
      );
      assert.equal(r.failures.length, 1, JSON.stringify(r.failures));
      assert.equal(r.failures[0]!.subscriber, bad.name);
      assert.equal(r.failures[0]!.failure, failure);
      assert.match(r.failures[0]!.message, message);
      // The well-behaved subscriber beside it missed nothing, the report included.
      assert.deepEqual(
        r.seen.filter((c) => c !== 'subscriber.failed'),
        r.codes,
      );
      assert.ok(r.seen.includes('subscriber.failed'));
    });
  }
});
