import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemClock } from '../../../src/core/clock.js';
import type { Service } from '../../../src/spec/types.js';
import type { EcsApi } from '../../../src/targets/aws/clients.js';
import { Registrar } from '../../../src/targets/aws/registrar.js';
import { tagValue } from '../../../src/targets/aws/taskdef.js';
import type { Unit } from '../../../src/targets/target.js';
import { taskDef, useHarness } from './fixture.js';

/**
 * Registering task definitions ahead of their services' turns, against the emulator: what ECS registered, and in
 * which order (the ECS client is wrapped to note each RegisterTaskDefinition on its way through).
 */
describe('aws target: registering task definitions ahead', () => {
  const h = useHarness();
  // Fast enough for a test, slow enough that a queue forms behind the burst.
  const RATE = { burst: 1, perSecond: 20 };

  const unit = (name: string, revision = 'r1'): Unit => ({
    stack: 'st',
    revision,
    service: {
      name,
      kind: 'service',
      dependsOn: [],
      aws: {
        taskDefinitionFile: `${name}.json`,
        taskDefinition: taskDef(`reg-${name}`, [{ image: `${name}:1` }]),
      },
    } as Service,
  });

  function recorded(): { ecs: EcsApi; families: string[] } {
    const families: string[] = [];
    const ecs: EcsApi = {
      ...h.clients.ecs,
      registerTaskDefinition: (i) => {
        families.push(i.family!.replace(/^reg-/, ''));
        return h.clients.ecs.registerTaskDefinition(i);
      },
    };
    return { ecs, families };
  }

  it('registers in the order given, and start() gets the prepared definition without registering again', async () => {
    const { ecs, families } = recorded();
    const r = new Registrar(ecs, systemClock, RATE);
    const units = ['a1', 'a2', 'a3', 'a4'].map((n) => unit(n));
    const prepared = r.prepare(units, new AbortController().signal);
    // a3 is asked for while still queued: it waits for its turn rather than jumping ahead of a1 and a2.
    const third = await r.resolve(units[2]!, []);
    await prepared;
    assert.deepEqual(families, ['a1', 'a2', 'a3', 'a4']);
    assert.match(third.taskDefinition.taskDefinitionArn!, /reg-a3:1$/);
    const fourth = await r.resolve(units[3]!, []);
    assert.match(fourth.taskDefinition.taskDefinitionArn!, /reg-a4:1$/);
    assert.equal(families.length, 4, 'nothing registered twice');
  });

  it('a definition it was not asked to prepare (a rollback’s) goes before the queue', async () => {
    const { ecs, families } = recorded();
    const r = new Registrar(ecs, systemClock, RATE);
    const units = ['b1', 'b2', 'b3', 'b4', 'b5'].map((n) => unit(n));
    const prepared = r.prepare(units, new AbortController().signal);
    await r.resolve(unit('b-rollback'), []);
    await prepared;
    assert.ok(families.indexOf('b-rollback') <= 2, families.join(' '));
    assert.equal(families.length, 6);
  });

  it('stops preparing when told; a unit left unprepared is registered at its start', async () => {
    const { ecs, families } = recorded();
    const r = new Registrar(ecs, systemClock, RATE);
    const abort = new AbortController();
    const units = ['c1', 'c2', 'c3'].map((n) => unit(n));
    const prepared = r.prepare(units, abort.signal);
    abort.abort(new Error('the deployment stopped'));
    await prepared;
    assert.ok(families.length < 3, families.join(' '));
    const late = await r.resolve(units[2]!, []);
    assert.match(late.taskDefinition.taskDefinitionArn!, /reg-c3:1$/);
    assert.equal(families.filter((f) => f === 'c3').length, 1);
  });

  it('reuses an identical definition already registered instead of registering it again', async () => {
    const { ecs, families } = recorded();
    const first = new Registrar(ecs, systemClock, RATE);
    await first.prepare([unit('d1')], new AbortController().signal);
    const again = new Registrar(ecs, systemClock, RATE);
    await again.prepare([unit('d1', 'r2')], new AbortController().signal);
    const r = await again.resolve(unit('d1', 'r2'), []);
    assert.deepEqual(families, ['d1']);
    assert.equal(r.registered, false);
    // Retagged for the deployment that reuses it, so `convoy status` reads the revision that runs now.
    const stored = await h.clients.ecs.describeTaskDefinition({
      taskDefinition: 'reg-d1',
      include: ['TAGS'],
    });
    assert.equal(tagValue(stored.tags, 'convoy:revision'), 'r2');
  });
});
