import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { runDeployment } from '../../src/engine/deploy.js';
import type { ConvoyEvent } from '../../src/engine/events.js';
import { DeployFailedError } from '../../src/errors.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { ManualClock, MemoryTarget, tempStack, type Behaviour } from './memory-target.js';

// Without a rollback the failed step stays as recorded, timings included.
const STACK = `rollback: { scope: none }
services:
  db:
    local: { command: node }
  api:
    dependsOn: [db]
    local: { command: node }
`;

describe('a failed service is recorded once, with its true elapsed time', () => {
  let store: Store | undefined;
  let cleanup = () => {};
  afterEach(async () => {
    await store?.close();
    cleanup();
  });

  async function deploy(api: Behaviour) {
    const t = tempStack('failrec', STACK);
    cleanup = t.cleanup;
    store = openSqliteStore(':memory:');
    const clock = new ManualClock();
    const target = new MemoryTarget(clock, (s) => (s === 'api' ? api : { gateMs: 100 }));
    const events: ConvoyEvent[] = [];
    await assert.rejects(
      runDeployment(
        { store, target, clock },
        {
          stack: t.stack,
          correlationId: 'c1',
          actor: 'test',
          context: {},
          holder: 'test',
          waitLockMs: 0,
          subscribers: [(e) => events.push(e)],
        },
      ),
      DeployFailedError,
    );
    const [d] = await store.listDeployments({ stack: 'failrec' });
    const stored = await store.listEvents(d!.id);
    const steps = await store.listSteps(d!.id);
    return {
      failedEvents: events.filter((e) => e.code === 'service.failed'),
      storedFailed: stored.filter((e) => e.code === 'service.failed'),
      apiStep: steps.find((s) => s.service === 'api')!,
    };
  }

  it('when it dies after passing its gate', async () => {
    const r = await deploy({ gateMs: 1500, diesAfterGate: true });
    assert.equal(r.failedEvents.length, 1);
    assert.equal(r.storedFailed.length, 1);
    const [e] = r.failedEvents;
    assert.ok(e?.code === 'service.failed');
    assert.equal(e.service, 'api');
    assert.equal(e.reason, 'exited');
    assert.equal(e.elapsedMs, 1500);
    assert.equal(r.apiStep.state, 'failed');
    assert.equal(r.apiStep.endedAt! - r.apiStep.startedAt!, 1500);
  });

  it('when its gate fails', async () => {
    const r = await deploy({ gateMs: 700, fails: 'exited with code 1' });
    assert.equal(r.failedEvents.length, 1);
    assert.equal(r.storedFailed.length, 1);
    const [e] = r.failedEvents;
    assert.ok(e?.code === 'service.failed');
    assert.equal(e.elapsedMs, 700);
    assert.equal(r.apiStep.state, 'failed');
    assert.equal(r.apiStep.endedAt! - r.apiStep.startedAt!, 700);
  });
});
